/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TOPOLOGY_HELPER_H
#define PE_ARP_TOPOLOGY_HELPER_H

#include "pe-arp-deployment.h"

#include "ns3/csma-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-address-plan.h"
#include "ns3/pe-arp-graph-routes.h"
#include "ns3/pe-arp-lpm-routing.h"
#include "ns3/pe-arp-topology.h"

#include <array>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Turns a PeArpTopology into ns-3 nodes, devices, addresses, routes
 * and traffic, and hands the result to PeArpStatistics.
 *
 * - Every ROUTER, SITE and INTERNET vertex is a node with an IPv4 stack
 *   whose routing is a PeArpLpmRouting (default) or ns-3's
 *   Ipv4StaticRouting filled from the graph, or ns-3's global routing
 *   (which computes its own, for comparison; the servers then run it too);
 *   every SWITCH is a BridgeNetDevice node.
 * - Router-router links are point-to-point links with their rate and delay
 *   and a /30 of the PeArpAddressPlan; links to and between switches are
 *   two-node CSMA links. With `spanningTree`, the switch links that
 *   PeArpSpanningTree blocks are not built.
 * - A SITE's LAN is one CSMA segment or one switch (`siteLan`); a switched
 *   LAN's hosts hang off their switches. PeArpLanBuilder installs the
 *   gateway and the hosts: PE-ARP (shared addresses, port ranges) or stock.
 *   A NAT site's router runs ns3::PeArpNatRouting over the same routing:
 *   its hosts have private addresses in NAT_PRIVATE_NETWORK, every site the
 *   same, behind the first address of the site's public prefix, with a
 *   deterministic block of ports each (RFC 7422) and a static rule for the
 *   first port, their TCP server's.
 * - An INTERNET vertex's servers each have a point-to-point link to it.
 * - Routes come from PeArpGraphRoutes; hosts and servers have a default
 *   route to their gateway.
 * - Traffic (as PeArpScenario): each host runs a TCP sink on the first port
 *   of its range and receives `tcpBytes` from a server; half a second later
 *   it makes one UDP echo exchange with that server. Host i is served by
 *   server i x servers / hosts, and starts are spread over `spread`
 *   seconds, LANs interleaved.
 *
 * Build() runs BuildNetwork(), InstallRoutes() and InstallTraffic(); call
 * them one by one to time them apart.
 */
class PeArpTopologyHelper : public PeArpDeployment
{
  public:
    /** The routers' routing protocol. */
    enum Routing
    {
        LPM_ROUTING,    //!< ns3::PeArpLpmRouting (a hash per prefix length)
        STATIC_ROUTING, //!< ns3::Ipv4StaticRouting (a list)
        GLOBAL_ROUTING, //!< ns-3's Ipv4GlobalRoutingHelper (SPF per router; for comparison)
    };

    /** How a SITE's LAN is built. */
    enum SiteLan
    {
        CSMA_BUS, //!< one CSMA segment
        SWITCHED, //!< one learning bridge, one CSMA link per host
    };

    /** Parameters; Validate() names the one that is wrong. */
    struct Config
    {
        PeArpAddressPlan::Config addresses; //!< address blocks
        Routing routing = LPM_ROUTING;      //!< routers' routing
        bool aggregate = true;              //!< merge sibling prefixes with the same next hop
        bool spanningTree = true;           //!< leave out the switch links a spanning tree blocks
        SiteLan siteLan = CSMA_BUS;         //!< SITE LAN layout
        uint64_t lanRate = 1000000000;      //!< SITE LAN rate (bit/s)
        double lanDelay = 500e-9;           //!< SITE LAN delay (s)
        bool answerEcho = false;   //!< PE-ARP gateways answer echo requests for shared addresses
        bool traffic = true;       //!< install the traffic
        uint32_t tcpBytes = 10240; //!< bytes each host receives over TCP (at least 1)
        bool udpEcho = true;       //!< one UDP echo exchange per host
        double start = 1.0;        //!< first start (s, >= 0)
        double spread = 1.0;       //!< starts spread over this many seconds (>= 0)
        double drain = 4.0;        //!< run this long after the last start (s, > 0)
        int64_t stream =
            1; //!< first random-variable stream (fixed streams: same run in one process)
    };

    /** UDP port of the servers' echo servers. */
    static const uint16_t ECHO_PORT = 9;
    /** The private network of every NAT site (a /16). */
    static const Ipv4Address NAT_PRIVATE_NETWORK;

    /**
     * \param topology the topology (copied)
     * \param config the parameters
     */
    PeArpTopologyHelper(const PeArpTopology& topology, const Config& config);
    ~PeArpTopologyHelper() override;
    PeArpTopologyHelper(const PeArpTopologyHelper&) = delete;
    PeArpTopologyHelper& operator=(const PeArpTopologyHelper&) = delete;

    /**
     * Check the topology, the parameters and that the addresses fit.
     * \return an empty string, or what is wrong
     */
    std::string Validate();

    /** Build everything (aborts with Validate()'s message if it fails). */
    void Build();
    /** Create nodes, links, addresses and LANs (aborts with Validate()'s message). */
    void BuildNetwork();
    /** Compute the routes on the graph and install them (after BuildNetwork). */
    void InstallRoutes();
    /** Install the applications (after BuildNetwork; needs an INTERNET vertex). */
    void InstallTraffic();

    /** \return when the traffic has drained (pass it to Simulator::Stop) */
    Time GetStopTime() const override;

    /** \return the topology */
    const PeArpTopology& GetTopology() const;
    /** \return the address plan (after Validate or BuildNetwork) */
    const PeArpAddressPlan& GetAddressPlan() const;
    /** \return the routes (after InstallRoutes) */
    const PeArpGraphRoutes& GetRoutes() const;
    /** \return the routes installed in the routers (network and default) */
    uint64_t GetNInstalledRoutes() const;
    /**
     * \param v a vertex
     * \return its node (router, site or Internet router, or switch)
     */
    Ptr<Node> GetVertexNode(uint32_t v) const;
    /** \return the servers of every INTERNET vertex */
    const NodeContainer& GetServers() const;
    /** \return the switch links built (switch to switch, router to switch) */
    uint32_t GetNSwitchLinks() const;
    /** \return the switch links the spanning tree left out */
    uint32_t GetNBlockedLinks() const;
    /**
     * \param link a router-router link
     * \return the devices at its ends a and b
     */
    std::array<Ptr<NetDevice>, 2> GetLinkEnds(uint32_t link) const;

    // PeArpDeployment
    uint32_t GetNHosts() const override;
    uint32_t GetHostSite(uint32_t host) const override;
    uint32_t GetTcpBytes() const override;
    bool HasUdpEcho() const override;

  private:
    /**
     * Build one LAN's hosts and gateway.
     * \param lan its index in the address plan
     * \param switchPorts the ports of every switch so far (hosts add theirs)
     */
    void BuildLan(uint32_t lan, std::vector<NetDeviceContainer>& switchPorts);
    /**
     * Build a NAT site: private hosts, the NAT's public address, port blocks
     * and the static rules of the hosts' server ports.
     * \param lan its index in the address plan
     */
    void BuildNatSite(uint32_t lan);
    /**
     * Link a SITE's router and hosts (one segment or a learning bridge, as
     * `siteLan` says).
     * \param csma the CSMA helper of the LANs
     * \param gateway the site's router
     * \param hosts its hosts
     * \return the links, the router's first
     */
    NetDeviceContainer InstallSiteLinks(const CsmaHelper& csma,
                                        Ptr<Node> gateway,
                                        const NodeContainer& hosts) const;
    /**
     * \param v a vertex
     * \return whether it is a SITE whose resolver is NAT
     */
    bool IsNatSite(uint32_t v) const;
    /** \return whether any vertex is a NAT site */
    bool HasNatSite() const;

    /** A router's routing protocol: one of the two. */
    struct RouterRouting
    {
        Ptr<PeArpLpmRouting> lpm;     //!< LPM_ROUTING
        Ptr<Ipv4StaticRouting> table; //!< STATIC_ROUTING
    };

    /**
     * Add a route to a router.
     * \param routing its routing protocol
     * \param v the router vertex
     * \param network the destination (0.0.0.0/0: the default route)
     * \param mask its mask
     * \param link the router-router link to send on
     */
    void AddRoute(const RouterRouting& routing,
                  uint32_t v,
                  Ipv4Address network,
                  Ipv4Mask mask,
                  uint32_t link);

    PeArpTopology m_topology;                             //!< the topology
    Config m_config;                                      //!< parameters
    PeArpAddressPlan m_plan;                              //!< addresses
    std::unique_ptr<PeArpGraphRoutes> m_routes;           //!< routes
    bool m_validated;                                     //!< the plan is computed
    bool m_built;                                         //!< BuildNetwork ran
    std::vector<Ptr<Node>> m_vertexNode;                  //!< node of each vertex
    std::vector<std::array<Ptr<NetDevice>, 2>> m_linkEnd; //!< devices of router-router links
    std::vector<std::array<uint32_t, 2>> m_linkInterface; //!< their IPv4 interfaces
    std::vector<Ptr<NetDevice>> m_gatewayLink;            //!< per LAN: the gateway's link device
    uint32_t m_switchLinks;                               //!< switch links built
    uint32_t m_blockedLinks;                              //!< switch links left out
    uint64_t m_installedRoutes;                           //!< routes installed
    NodeContainer m_servers;                              //!< servers
    std::vector<uint32_t> m_hostLanIndex;                 //!< LAN of each host
    std::vector<uint32_t> m_hostInLan;                    //!< index of each host in its LAN
    std::vector<Ipv4Address> m_hostTarget; //!< where servers reach each host (NAT: public)
};

} // namespace ns3

#endif /* PE_ARP_TOPOLOGY_HELPER_H */
