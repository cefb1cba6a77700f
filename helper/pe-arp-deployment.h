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

#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief What a built deployment hands to PeArpStatistics: its hosts, the
 * nodes and devices doing PE-ARP, the link devices whose frames count as
 * ARP load, and the traffic each host should receive.
 *
 * PeArpScenario (the star of sites) and PeArpTopologyHelper (any graph)
 * implement it, so that one statistics object serves both; they fill the
 * handles kept here.
 */
class PeArpDeployment
{
  public:
    virtual ~PeArpDeployment() = default;

    /** \return the number of hosts */
    virtual uint32_t GetNHosts() const = 0;
    /**
     * \param host a host index
     * \return its LAN (site) index
     */
    virtual uint32_t GetHostSite(uint32_t host) const = 0;
    /** \return the TCP bytes each host should receive */
    virtual uint32_t GetTcpBytes() const = 0;
    /** \return whether each host makes one UDP echo exchange */
    virtual bool HasUdpEcho() const = 0;
    /** \return when the traffic has drained (pass it to Simulator::Stop) */
    virtual Time GetStopTime() const = 0;

    /** \return the hosts, LAN by LAN */
    const NodeContainer& GetHosts() const;
    /** \return the nodes doing PE-ARP for a LAN (router or PE-Bridge) */
    const NodeContainer& GetEdges() const;
    /** \return their PE-ARP devices (PeArpNetDevice or PeArpBridgeNetDevice) */
    const NetDeviceContainer& GetEdgeDevices() const;
    /** \return each host's IPv4 device (PE-ARP interface, or its link device with stock ARP) */
    const NetDeviceContainer& GetHostLanDevices() const;
    /** \return the link devices of the LANs' gateways and hosts (their frames are counted) */
    const NetDeviceContainer& GetLinkDevices() const;
    /** \return the TCP sinks, one per host, in host order */
    const ApplicationContainer& GetSinks() const;
    /** \return the UDP echo clients, one per host (empty without echo traffic) */
    const ApplicationContainer& GetEchoClients() const;
    /**
     * \param host a host index
     * \return its address
     */
    Ipv4Address GetHostAddress(uint32_t host) const;
    /**
     * \param host a host index
     * \return its port range (stock: all ports)
     */
    PeArpPortRange GetHostRange(uint32_t host) const;
    /**
     * \param host a host index
     * \return the port its TCP sink listens on
     */
    uint16_t GetHostServerPort(uint32_t host) const;

  protected:
    /**
     * Give every random variable of the simulation's nodes a fixed stream
     * (IPv4 stacks, PE-ARP, CSMA devices), so that the same configuration
     * gives the same run, also when several runs share a process (ns-3
     * otherwise hands stream numbers out in creation order, process-wide).
     * \param stream the first stream
     * \return the streams used
     */
    static int64_t AssignStreamsToAll(int64_t stream);
    /**
     * Give one node's random variables fixed streams (its IPv4 stack,
     * PE-ARP, CSMA devices), independently of every other node.
     * \param node the node
     * \param stream its first stream
     * \return the streams used
     */
    static int64_t AssignStreamsToNode(Ptr<Node> node, int64_t stream);

    NodeContainer m_hosts;                   //!< hosts
    NodeContainer m_edges;                   //!< nodes doing PE-ARP for a LAN
    NetDeviceContainer m_edgeDevices;        //!< their PE-ARP devices
    NetDeviceContainer m_hostLan;            //!< hosts' IPv4 devices
    NetDeviceContainer m_linkDevices;        //!< link devices of gateways and hosts
    ApplicationContainer m_sinks;            //!< TCP sinks, one per host
    ApplicationContainer m_echoClients;      //!< UDP echo clients, one per host
    std::vector<Ipv4Address> m_hostIp;       //!< host addresses
    std::vector<PeArpPortRange> m_hostRange; //!< host ranges
    std::vector<uint16_t> m_serverPort;      //!< port of each host's TCP sink
};

} // namespace ns3

#endif /* PE_ARP_DEPLOYMENT_H */
