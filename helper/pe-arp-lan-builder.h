/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_LAN_BUILDER_H
#define PE_ARP_LAN_BUILDER_H

#include "pe-arp-helper.h"

#include "ns3/csma-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-conflict-detector.h"
#include "ns3/pe-arp-dhcp-client.h"
#include "ns3/pe-arp-dhcp-server.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/pe-arp-port-set.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Puts a LAN's gateway and hosts on their links: the IPv4 stack,
 * PE-ARP or stock interfaces, addresses, port ranges and default routes.
 *
 * The gateway is the network's first address. With PE-ARP the hosts share
 * `sharedIps` addresses from the second on, spread over them in blocks as
 * even as possible so that every address has a host, and the k-th host of
 * an address owns the k-th range of `portsPerHost` ports from `firstPort`,
 * or, with `psidOffset` >= 0, the k-th RFC 7597 port set (MAP) whose PSID
 * length is the smallest that gives every host of an address a set.
 * With stock ARP host j has the (j + 2)-th address.
 *
 * Port sets are given at build time (STATIC), or at run time: by the
 * gateway's DHCP server with option 159 (DHCP; the MAP sets above, leased in
 * the order the hosts ask), or claimed by each host among the same candidate
 * sets with RFC 5227 probes (SELF_ASSIGNED; ns3::PeArpConflictDetector).
 * Both PeArpScenario and
 * PeArpTopologyHelper build their LANs with it, so that a site looks the
 * same in both.
 */
class PeArpLanBuilder
{
  public:
    /** How the hosts of a PE-ARP LAN get their port sets. */
    enum Provisioning
    {
        STATIC,        //!< assigned at build time
        DHCP,          //!< leased by the gateway's DHCP server (option 159, MAP sets)
        SELF_ASSIGNED, //!< claimed by each host with RFC 5227 probes
    };

    /** A LAN. */
    struct Lan
    {
        Ipv4Address network;          //!< its network
        Ipv4Mask mask;                //!< its mask
        bool peArp = true;            //!< PE-ARP (shared addresses) or stock ARP
        uint32_t hosts = 1;           //!< hosts
        uint32_t sharedIps = 1;       //!< shared addresses (PE-ARP; 1..hosts)
        uint32_t portsPerHost = 1000; //!< ports per host (PE-ARP)
        uint32_t firstPort = 2000;    //!< first port of the first range (PE-ARP)
        bool answerEcho = false; //!< a PE-ARP gateway answers echo requests for shared addresses
        int32_t psidOffset =
            -1; //!< >= 0: RFC 7597 (MAP) port sets with this PSID offset instead
                //!< of contiguous ranges; the PSID length fits the hosts per address
        Provisioning provisioning = STATIC;  //!< how hosts get their port sets (PE-ARP)
        Time provisioningStart = Seconds(0); //!< first DHCP client or claim starts then
    };

    /** A host once installed. */
    struct Host
    {
        Ptr<NetDevice> device; //!< its IPv4 device (PeArpNetDevice, or the link with stock ARP)
        Ipv4Address address;   //!< its address
        PeArpPortRange range;  //!< its ports (stock: all; MAP: the first range of its set)
        PeArpPortSet ports;    //!< its ports (PE-ARP; empty with stock ARP or until provisioned)
        Ptr<PeArpDhcpClient> dhcpClient;     //!< its DHCP client (DHCP), else null
        Ptr<PeArpConflictDetector> detector; //!< what claims its set (SELF_ASSIGNED), else null
    };

    /** A site's links. */
    struct Links
    {
        NetDeviceContainer links; //!< the gateway's link device first, then the hosts'
        Ptr<Node> bridge;         //!< the switch node (switched), else null
        NetDeviceContainer ports; //!< its ports, gateway's first (switched)
    };

    /**
     * Link a gateway and its hosts: one CSMA segment, or a switch node with
     * one CSMA link per node. The caller makes the switch a bridge (learning,
     * or a PE-Bridge).
     * \param csma the CSMA helper (rate and delay set)
     * \param gateway the gateway
     * \param hosts the hosts
     * \param switched one link per node to a switch, instead of one segment
     * \return the links
     */
    static Links InstallLinks(const CsmaHelper& csma,
                              Ptr<Node> gateway,
                              const NodeContainer& hosts,
                              bool switched);

    /** \param lan the LAN (Validate'd by its owner) */
    explicit PeArpLanBuilder(const Lan& lan);

    /** \return the gateway's address (the network's first) */
    Ipv4Address GetGateway() const;
    /**
     * \param host a host of the LAN
     * \return its address
     */
    Ipv4Address GetHostAddress(uint32_t host) const;
    /**
     * \param host a host of the LAN
     * \return its port range (stock: all ports; MAP: the first range of its set)
     */
    PeArpPortRange GetHostRange(uint32_t host) const;
    /**
     * \param host a host of the LAN
     * \return its ports (PE-ARP: its range, or its RFC 7597 set)
     */
    PeArpPortSet GetHostPorts(uint32_t host) const;
    /**
     * \return an empty string if the LAN's port sets can be made, else why
     * not (naming the field)
     */
    std::string Validate() const;
    /**
     * \param host a host of the LAN
     * \return the port its TCP server listens on: the first of the range
     * PE-ARP gives it, with either resolver, so that the traffic is the same
     */
    uint16_t GetServerPort(uint32_t host) const;

    /**
     * Install the hosts' IPv4 stacks (PeArpStackHelper or InternetStackHelper,
     * static routing, no IPv6).
     * \param hosts the hosts
     */
    void InstallStacks(const NodeContainer& hosts) const;
    /**
     * Give the gateway's link its address: a PE-ARP interface answering for
     * the shared addresses, or a stock interface.
     * \param link the gateway's link device (its node has IPv4)
     * \return the IPv4 device (PeArpNetDevice, or the link)
     */
    Ptr<NetDevice> InstallGateway(Ptr<NetDevice> link);
    /**
     * Give a host its address, range and default route; with DHCP, a DHCP
     * client that will configure them (Host::address is then unset); when
     * self-assigned, the address and a detector that will claim the ports.
     * Clients and claims start at provisioningStart plus 100 us per host.
     * \param host the host's index in the LAN
     * \param link its link device (InstallStacks first)
     * \return what was installed
     */
    Host InstallHost(uint32_t host, Ptr<NetDevice> link);
    /**
     * \return the gateway's DHCP server (DHCP, after InstallGateway), else null
     */
    Ptr<PeArpDhcpServer> GetDhcpServer() const;

  private:
    /**
     * \param host a host of the LAN
     * \return the index of its port set among the hosts of its address
     */
    uint32_t GetSetIndex(uint32_t host) const;

    Lan m_lan;                               //!< the LAN
    PeArpHelper m_peArp;                     //!< makes the PE-ARP interfaces
    Ptr<PeArpPortSetAllocator> m_allocator;  //!< MAP port sets (null: contiguous ranges)
    Ptr<PeArpPortSetAllocator> m_candidates; //!< sets hosts claim (SELF_ASSIGNED), else null
    Ptr<PeArpDhcpServer> m_dhcpServer;       //!< the gateway's DHCP server (DHCP), else null
};

/**
 * Give a device an address on its IPv4 interface (a new one if it has none;
 * stock ARP) and bring it up.
 * \param device the device (its node has IPv4)
 * \param address the address
 * \return the interface index
 */
uint32_t PeArpAddStockInterface(Ptr<NetDevice> device, Ipv4InterfaceAddress address);

} // namespace ns3

#endif /* PE_ARP_LAN_BUILDER_H */
