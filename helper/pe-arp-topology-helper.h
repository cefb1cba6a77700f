/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TOPOLOGY_HELPER_H
#define PE_ARP_TOPOLOGY_HELPER_H

#include "pe-arp-deployment.h"
#include "pe-arp-lan-builder.h"

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
 *
 * For ns-3's distributed simulator (MPI), SetPartition() gives every vertex
 * a rank (PeArpTopologyPartition) and this process its own: every process
 * creates the same nodes in the same order, so that node ids agree across
 * ranks (ns-3's MPI engine addresses packets by node id and interface
 * index), but builds only its own vertices, LANs, routes and applications in
 * full. Another rank's nodes are bare placeholder Nodes (about 0.3 KB each),
 * except that a router at a cut link gets that link's point-to-point device
 * (a PointToPointRemoteChannel, which ns-3's helper makes when the nodes'
 * system ids differ and MPI is enabled) with the interface index its own
 * rank gives it. Per-host figures then cover this rank's hosts;
 * GetHostGlobalIndex() names them as a run in one process would.
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
        /**
         * 0: streams are handed out from `stream` in node order, over every
         * node; n > 0: node k's random variables get the streams from
         * stream + k x n, so that a node draws the same numbers whichever
         * process (rank) builds it (a partitioned build needs this).
         */
        int64_t streamsPerNode = 0;
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

    /**
     * Build only this rank's part (before Validate or BuildNetwork).
     * \param owner the rank of every vertex (see PeArpTopologyPartition);
     * ends of a link in different ranks must be routers with a link delay
     * \param systemId this process's rank (MpiInterface::GetSystemId())
     */
    void SetPartition(const std::vector<uint32_t>& owner, uint32_t systemId);
    /**
     * \param v a vertex
     * \return whether this process builds it (always, without a partition)
     */
    bool IsLocal(uint32_t v) const;
    /** \return the hosts of every rank (GetNHosts(): this rank's) */
    uint32_t GetNAllHosts() const;
    /**
     * \param host a host of this rank
     * \return its index among the hosts of every rank (as GetHosts() orders
     * them in a build without a partition)
     */
    uint32_t GetHostGlobalIndex(uint32_t host) const;

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
     * Another rank's LAN: placeholder nodes (as many as its own rank
     * creates), and what the traffic needs of its hosts.
     * \param lan its index in the address plan
     */
    void PlaceholderLan(uint32_t lan);
    /**
     * \param lan a LAN's index in the address plan (not a server farm)
     * \return the PeArpLanBuilder plan of its hosts
     */
    PeArpLanBuilder::Lan MakeLanPlan(uint32_t lan) const;
    /**
     * Note a host, of this rank or another (for the traffic).
     * \param lan its LAN index
     * \param inLan its index in the LAN
     * \param target where the servers reach it
     * \param port its TCP sink's port
     * \param local whether this rank built it (the last host of m_hosts)
     */
    void NoteHost(uint32_t lan, uint32_t inLan, Ipv4Address target, uint16_t port, bool local);
    /** Give every node's random variables fixed streams (Config::stream, streamsPerNode). */
    void AssignStreams() const;

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
    std::vector<uint32_t> m_hostGlobal;                   //!< index of each host over all ranks
    std::vector<uint32_t> m_owner;                        //!< rank of each vertex (empty: all here)
    uint32_t m_systemId;                                  //!< this process's rank

    /** A host of any rank, as the traffic needs it. */
    struct AnyHost
    {
        uint32_t inLan;     //!< index in its LAN
        Ipv4Address target; //!< where servers reach it (NAT: the public address)
        uint16_t port;      //!< its TCP sink's port
        uint32_t local;     //!< its index in m_hosts, or UINT32_MAX (another rank's)
    };

    std::vector<AnyHost> m_allHosts;          //!< hosts of every rank, in LAN order
    std::vector<Ipv4Address> m_serverAddress; //!< servers of every rank, in LAN order
    std::vector<Ptr<Node>> m_serverNode;      //!< their nodes (null: another rank's)
};

} // namespace ns3

#endif /* PE_ARP_TOPOLOGY_HELPER_H */
