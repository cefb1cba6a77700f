/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SCENARIO_H
#define PE_ARP_SCENARIO_H

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-port-range.h"

#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class Packet;

/**
 * \ingroup pe-arp
 * \brief Builds and runs the PE-ARP router deployment (paper Figure 4) or
 * the PE-Bridge deployment (Figure 5), generalized to many sites, and the
 * same topology with stock ARP.
 *
 * \verbatim
   inet[0..k] ---+                       +--- site 0: router0 ==LAN== hosts
                 +--- core (p2p star) ---+--- site 1: router1 ==LAN== hosts
                                         +--- ...
   \endverbatim
 *
 * Each site is a LAN behind its own edge router. With the PE-ARP resolver
 * the hosts of a site share `sharedIps` addresses, each host owning
 * `portsPerHost` ports from `firstPort` on; with the stock resolver every
 * host has its own address and ns-3's ARP. The LAN is one CSMA segment
 * ("csma") or a learning bridge with one CSMA link per host ("switched"),
 * which scales to thousands of hosts per LAN.
 *
 * Traffic, the same with both resolvers: each host runs a TCP sink on the
 * first port of its range and receives `tcpBytes` from an Internet host
 * (BulkSend); half a second later it makes one UDP echo exchange with an
 * Internet server. Starts are spread evenly over `spread`.
 */
class PeArpScenario
{
  public:
    /** Address resolution used by the sites. */
    enum Resolver
    {
        PE_ARP, //!< shared addresses, PE-ARP router and hosts
        STOCK,  //!< one address per host, ns-3's ARP
    };

    /** Where PE-ARP resolution happens (paper section IV). */
    enum Deployment
    {
        ROUTER, //!< a PE-ARP edge router (Figure 4)
        BRIDGE, //!< a PE-Bridge in front of an unmodified gateway (Figure 5)
    };

    /** LAN layout of a site. */
    enum Lan
    {
        CSMA_BUS, //!< one CSMA segment per site
        SWITCHED, //!< a learning bridge, one CSMA link per host
    };

    /** Parameters. */
    struct Config
    {
        uint32_t sites = 1;             //!< number of sites (LANs)
        uint32_t hostsPerSite = 3;      //!< hosts per site
        uint32_t sharedIps = 1;         //!< shared addresses per site (PE-ARP)
        uint32_t portsPerHost = 1000;   //!< ports per host
        uint32_t firstPort = 2000;      //!< first port of the first range
        Resolver resolver = PE_ARP;     //!< resolver
        Deployment deployment = ROUTER; //!< deployment
        bool answerEcho = false;        //!< the edge answers echo requests for shared addresses
        Lan lan = CSMA_BUS;             //!< LAN layout
        uint32_t tcpBytes = 10240;      //!< bytes sent to each host over TCP
        bool udpEcho = true;            //!< one outbound UDP echo per host
        double start = 1.0;             //!< first start (s)
        double spread = 1.0;            //!< starts spread over this many seconds
        double drain = 4.0;             //!< run this long after the last start (s)
        Ipv4Address lanBase = Ipv4Address("198.108.63.0"); //!< first site's network
        bool progress = false;                             //!< print progress to stderr
    };

    /** What one host did. */
    struct HostResult
    {
        uint32_t host = 0;             //!< host index (over all sites)
        uint32_t site = 0;             //!< site index
        uint32_t nodeId = 0;           //!< ns-3 node id
        Ipv4Address ip;                //!< address
        PeArpPortRange range;          //!< port range (stock: 0-0, all ports)
        Mac48Address mac;              //!< MAC
        uint64_t rxBytes = 0;          //!< TCP bytes received by its sink
        uint32_t echoReplies = 0;      //!< UDP echo replies received
        uint64_t wrongHostPackets = 0; //!< IPv4 packets received for ports it does not own
    };

    /** Whole-run figures. */
    struct Totals
    {
        uint64_t events = 0;                      //!< simulator events executed
        uint64_t arpFrames = 0;                   //!< ARP frames sent by hosts and routers
        uint64_t peArpRequests = 0;               //!< PE-ARP requests sent by the routers
        uint64_t expectedBytes = 0;               //!< TCP bytes that should arrive
        uint64_t rxBytes = 0;                     //!< TCP bytes that arrived
        uint32_t echoReplies = 0;                 //!< UDP echo replies
        uint64_t wrongHostPackets = 0;            //!< wrong-host packets
        uint64_t drops = 0;                       //!< PE-ARP drops (all reasons)
        std::array<uint64_t, 32> dropsByReason{}; //!< PE-ARP drops by PeArpL3Protocol::DropReason
    };

    /**
     * \param config the parameters
     */
    explicit PeArpScenario(const Config& config);

    /**
     * Check the parameters.
     * \param why receives the reason if they are impossible
     * \return true if the scenario can be built
     */
    bool Validate(std::string& why) const;
    /** Build the topology and applications (aborts if Validate fails). */
    void Build();
    /** Run the simulation (Simulator::Run), then collect results. */
    void Run();

    /** \return per-host results (after Run) */
    const std::vector<HostResult>& GetHostResults() const;
    /** \return totals (after Run) */
    const Totals& GetTotals() const;
    /**
     * \return each site's PE-ARP edge: the router's PE-ARP interface or the
     * PE-Bridge (empty with the stock resolver)
     */
    const NetDeviceContainer& GetEdgeDevices() const;
    /** \return the hosts, all sites */
    const NodeContainer& GetHosts() const;
    /** \return the hosts' LAN interfaces (PE-ARP interfaces with PE-ARP) */
    const NetDeviceContainer& GetHostLanDevices() const;
    /** \return the link-layer devices of hosts and routers (for pcap) */
    const NetDeviceContainer& GetLinkDevices() const;
    /** \return the port range of a host */
    PeArpPortRange GetHostRange(uint32_t host) const;
    /** \return the address of a host */
    Ipv4Address GetHostAddress(uint32_t host) const;

    /**
     * Print the per-host table.
     * \param os the stream
     * \param maxRows print at most this many rows (0: all)
     */
    void PrintHostTable(std::ostream& os, uint32_t maxRows) const;
    /**
     * Write the per-host CSV (host,site,ip,port_low,port_high,mac,rx_bytes,
     * echo_replies,wrong_host_packets).
     * \param path the file
     * \return false if the file could not be written
     */
    bool WriteHostCsv(const std::string& path) const;

    /**
     * \param name "pe-arp" or "stock"
     * \param resolver receives the resolver
     * \return false if the name is unknown
     */
    static bool ParseResolver(const std::string& name, Resolver& resolver);
    /**
     * \param name "csma" or "switched"
     * \param lan receives the layout
     * \return false if the name is unknown
     */
    static bool ParseLan(const std::string& name, Lan& lan);
    /**
     * \param name "router" or "bridge"
     * \param deployment receives the deployment
     * \return false if the name is unknown
     */
    static bool ParseDeployment(const std::string& name, Deployment& deployment);

    /**
     * The command-line program behind the pe-arp-router and pe-arp-bridge
     * examples: parses the options, builds and runs the scenario, prints the
     * edge's PE-ARP table (Figure 3 format), the per-host table and totals,
     * and writes <outDir>/<name>-hosts.csv (and pcap files with --pcap).
     * \param argc argument count
     * \param argv arguments
     * \param file the example's source file (for CommandLine's usage text)
     * \param name the example's name
     * \param deployment the deployment
     * \return the process exit status
     */
    static int RunExample(int argc,
                          char* argv[],
                          const std::string& file,
                          const std::string& name,
                          Deployment deployment);

  private:
    /**
     * Build one site.
     * \param site the site index
     * \param core the core router
     */
    void BuildSite(uint32_t site, Ptr<Node> core);
    /**
     * Count ARP frames leaving a link device.
     * \param packet the frame, Ethernet header included
     */
    void CountFrame(Ptr<const Packet> packet);
    /**
     * Count an echo reply.
     * \param host the host index
     * \param packet the reply
     */
    void CountEcho(uint32_t host, Ptr<const Packet> packet);
    /** Print progress and reschedule. */
    void Progress();
    /** \return the LAN prefix length */
    uint32_t GetPrefixLength() const;
    /**
     * \param site a site
     * \return its network address
     */
    Ipv4Address GetSiteNetwork(uint32_t site) const;

    Config m_config;                         //!< parameters
    NodeContainer m_internet;                //!< Internet hosts
    NodeContainer m_routers;                 //!< site routers
    NodeContainer m_hosts;                   //!< LAN hosts
    NodeContainer m_edges;                   //!< nodes doing PE-ARP for a site (router or bridge)
    NetDeviceContainer m_edgeDevices;        //!< their PE-ARP devices
    NetDeviceContainer m_hostLan;            //!< hosts' LAN interfaces
    NetDeviceContainer m_linkDevices;        //!< link devices of hosts and routers
    std::vector<Ipv4Address> m_hostIp;       //!< host addresses
    std::vector<PeArpPortRange> m_hostRange; //!< host ranges
    std::vector<Ipv4Address> m_routerP2p;    //!< router's address toward the core
    ApplicationContainer m_sinks;            //!< TCP sinks, one per host
    std::vector<uint32_t> m_echoReplies;     //!< echo replies per host
    std::vector<HostResult> m_results;       //!< results
    Totals m_totals;                         //!< totals
    uint64_t m_arpFrames;                    //!< ARP frames counted
    double m_wallStart;                      //!< wall clock at Run
    bool m_built;                            //!< Build was called
};

} // namespace ns3

#endif /* PE_ARP_SCENARIO_H */
