/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SCENARIO_H
#define PE_ARP_SCENARIO_H

#include "pe-arp-deployment.h"
#include "pe-arp-lan-builder.h"

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-port-range.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Builds the PE-ARP router deployment (paper Figure 4) or the
 * PE-Bridge deployment (Figure 5), generalized to many sites, and the same
 * topology with stock ARP, and returns handles to what it built. It prints
 * nothing and measures nothing: PeArpStatistics collects the results, and
 * the examples print them.
 *
 * \verbatim
   inet[0..k] ---+                       +--- site 0: router0 ==LAN== hosts
                 +--- core (p2p star) ---+--- site 1: router1 ==LAN== hosts
                                         +--- ...
   \endverbatim
 *
 * Each site is a LAN behind its own edge router. With the PE-ARP resolver
 * the hosts of a site share `sharedIps` addresses (hosts are spread over
 * them in blocks as even as possible, so that every address has a host),
 * each host owning `portsPerHost` ports from `firstPort` on; with the stock
 * resolver every host has its own address and ns-3's ARP. The LAN is one
 * CSMA segment (CSMA_BUS) or a learning bridge with one CSMA link per host
 * (SWITCHED), which scales to thousands of hosts per LAN.
 *
 * Traffic, the same with both resolvers: each host runs a TCP sink on the
 * first port of its range and receives `tcpBytes` from an Internet host
 * (BulkSend); half a second later it makes one UDP echo exchange with an
 * Internet server. Starts are spread evenly over `spread` seconds.
 *
 * Use: fill a Config, check Validate() (an empty string), Build(), then
 * Simulator::Stop(GetStopTime()) and Simulator::Run().
 */
class PeArpScenario : public PeArpDeployment
{
  public:
    /** Address resolution used by the sites. */
    enum Resolver
    {
        PE_ARP, //!< shared addresses, PE-ARP router and hosts
        STOCK,  //!< one address per host, ns-3's ARP
    };

    /** Where PE-ARP runs at each site. */
    enum Deployment
    {
        ROUTER, //!< a PE-ARP edge router (Figure 4)
        BRIDGE, //!< a PE-Bridge in front of an unmodified gateway (Figure 5)
    };

    /** How a site's LAN is built. */
    enum Lan
    {
        CSMA_BUS, //!< one CSMA segment per site
        SWITCHED, //!< a learning bridge, one CSMA link per host
    };

    /** Parameters; Validate() names the one that is wrong. */
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
        uint32_t tcpBytes = 10240;      //!< bytes sent to each host over TCP (at least 1)
        bool udpEcho = true;            //!< one outbound UDP echo per host
        double start = 1.0;             //!< first start (s)
        double spread = 1.0;            //!< starts spread over this many seconds (>= 0)
        double drain = 4.0;             //!< run this long after the last start (s, > 0)
        Ipv4Address lanBase = Ipv4Address("198.108.63.0"); //!< first site's network
        /// first random-variable stream (fixed streams: the same run in one process)
        int64_t stream = 1;
        /// >= 0: RFC 7597 (MAP) port sets with this PSID offset instead of ranges
        /// (portsPerHost and firstPort are then unused); -1: ranges
        int32_t psidOffset = -1;
        /// How hosts get their port sets (PE-ARP router): STATIC at build
        /// time, DHCP from the router (needs psidOffset >= 0), or
        /// SELF_ASSIGNED with RFC 5227 probes. With the last two, provisioning
        /// starts at 0 s and a host's traffic starts at its planned time or
        /// when its set is bound, whichever is later: claims take about 7 s
        /// with RFC 5227's timers, so set start to at least 8 s.
        PeArpLanBuilder::Provisioning provisioning = PeArpLanBuilder::STATIC;
        /// when the hosts' DHCP clients or claims start (s, DHCP and SELF_ASSIGNED)
        double provisioningStart = 0;
    };

    /** Largest number of hosts a scenario may have (all sites). */
    static const uint64_t MAX_HOSTS = 10000000;
    /** Connections one Internet host opens at most (ns-3 demultiplexes by scanning). */
    static const uint32_t CONNECTIONS_PER_INTERNET_HOST = 250;
    /** Port of the Internet UDP echo server. */
    static const uint16_t ECHO_PORT = 9;

    /**
     * \param config the parameters
     */
    explicit PeArpScenario(const Config& config);

    /** \return the parameters */
    const Config& GetConfig() const;

    /**
     * Check the parameters.
     * \return an empty string if they are valid, else why not, naming the
     * parameter
     */
    std::string Validate() const;

    /**
     * Create nodes, links, addresses, routes and applications.
     * Aborts with Validate()'s message if the parameters are invalid.
     */
    void Build();

    /**
     * \return when the traffic has drained (pass it to Simulator::Stop):
     * start + spread + drain; with self-assigned sets the first start is no
     * earlier than provisioningStart +
     * PeArpConflictDetector::GetUncontestedClaimBound()
     */
    Time GetStopTime() const override;

    /** \return the number of hosts over all sites */
    uint32_t GetNHosts() const override;
    /** \return the Internet nodes (traffic sources, echo server on the first) */
    const NodeContainer& GetInternetHosts() const;
    /** \return the site routers */
    const NodeContainer& GetRouters() const;
    /**
     * \param site a site
     * \return its link devices: the gateway's first, then its hosts'
     */
    NetDeviceContainer GetSiteLinkDevices(uint32_t site) const;
    /**
     * \param host a host index (over all sites)
     * \return its site
     */
    uint32_t GetHostSite(uint32_t host) const override;
    uint32_t GetTcpBytes() const override;
    bool HasUdpEcho() const override;

    /**
     * \param host a host
     * \return when it got its port set: 0 s when static, -1 s if it has none
     * (yet; DHCP and self-assigned)
     */
    Time GetProvisionedTime(uint32_t host) const;
    /** \return the sites' DHCP servers (DHCP provisioning), one per site */
    std::vector<Ptr<PeArpDhcpServer>> GetDhcpServers() const;

  private:
    /**
     * Build one site's LAN, edge and hosts.
     * \param site the site
     */
    void BuildSite(uint32_t site);
    /**
     * Install the traffic of one host.
     * \param host the host index
     * \param echoServer the Internet echo server's address
     */
    void InstallTraffic(uint32_t host, Ipv4Address echoServer);
    /**
     * A host has its port set: note it, and attach its traffic to the nodes
     * (once), starting at the planned times or now if they have passed.
     * \param host the host index
     * \param address its address
     * \param ports its ports
     */
    void Provisioned(uint32_t host, Ipv4Address address, const PeArpPortSet& ports);
    /**
     * Attach a host's traffic to the nodes.
     * \param host the host index
     */
    void StartTraffic(uint32_t host);

    /** The traffic of one host, made at build time, attached once it has ports. */
    struct Traffic
    {
        Ptr<Application> sink; //!< TCP sink on the host
        Ptr<Application> bulk; //!< BulkSend on an Internet host
        Ptr<Application> echo; //!< UDP echo client on the host (or null)
        double at = 0;         //!< planned start of the BulkSend (s)
        bool started = false;  //!< attached to the nodes
    };

    /** \return the prefix length of a site's LAN */
    uint32_t GetPrefixLength() const;
    /**
     * \param site a site (may be one past the last, for validation)
     * \return its network address, as a 64-bit number
     */
    uint64_t GetSiteNetwork(uint64_t site) const;

    Config m_config;                                     //!< parameters
    NodeContainer m_internet;                            //!< Internet hosts
    NodeContainer m_routers;                             //!< site routers
    Ptr<Node> m_core;                                    //!< the core router
    bool m_built;                                        //!< Build was called
    std::vector<Traffic> m_traffic;                      //!< per host
    std::vector<Time> m_provisionedAt;                   //!< per host (-1 s: not yet)
    std::vector<Ptr<PeArpDhcpServer>> m_dhcpServers;     //!< per site (DHCP)
    std::vector<Ptr<PeArpDhcpClient>> m_dhcpClients;     //!< per host (DHCP)
    std::vector<Ptr<PeArpConflictDetector>> m_detectors; //!< per host (SELF_ASSIGNED)
};

} // namespace ns3

#endif /* PE_ARP_SCENARIO_H */
