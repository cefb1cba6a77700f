/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DEPLOYMENT_H
#define PE_ARP_DEPLOYMENT_H

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-port-range.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief What a built deployment hands to PeArpStatistics: its hosts, the
 * nodes and devices doing PE-ARP, the link devices whose frames count as
 * ARP load, and the traffic each host should receive.
 *
 * PeArpScenario (the star of sites) and PeArpTopologyHelper (any graph)
 * implement it, so that one statistics object serves both.
 */
class PeArpDeployment
{
  public:
    virtual ~PeArpDeployment() = default;

    /** \return the number of hosts */
    virtual uint32_t GetNHosts() const = 0;
    /** \return the hosts, LAN by LAN */
    virtual const NodeContainer& GetHosts() const = 0;
    /** \return the nodes doing PE-ARP for a LAN (router or PE-Bridge) */
    virtual const NodeContainer& GetEdges() const = 0;
    /** \return their PE-ARP devices (PeArpNetDevice or PeArpBridgeNetDevice) */
    virtual const NetDeviceContainer& GetEdgeDevices() const = 0;
    /** \return each host's IPv4 device (PE-ARP interface, or its link device with stock ARP) */
    virtual const NetDeviceContainer& GetHostLanDevices() const = 0;
    /** \return the link devices of the LANs' gateways and hosts (their frames are counted) */
    virtual const NetDeviceContainer& GetLinkDevices() const = 0;
    /** \return the TCP sinks, one per host, in host order */
    virtual const ApplicationContainer& GetSinks() const = 0;
    /** \return the UDP echo clients, one per host (empty without echo traffic) */
    virtual const ApplicationContainer& GetEchoClients() const = 0;
    /**
     * \param host a host index
     * \return its LAN (site) index
     */
    virtual uint32_t GetHostSite(uint32_t host) const = 0;
    /**
     * \param host a host index
     * \return its address
     */
    virtual Ipv4Address GetHostAddress(uint32_t host) const = 0;
    /**
     * \param host a host index
     * \return its port range (stock: all ports)
     */
    virtual PeArpPortRange GetHostRange(uint32_t host) const = 0;
    /** \return the TCP bytes each host should receive */
    virtual uint32_t GetTcpBytes() const = 0;
    /** \return whether each host makes one UDP echo exchange */
    virtual bool HasUdpEcho() const = 0;
    /** \return when the traffic has drained (pass it to Simulator::Stop) */
    virtual Time GetStopTime() const = 0;
};

} // namespace ns3

#endif /* PE_ARP_DEPLOYMENT_H */
