/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_COMPARISON_H
#define PE_ARP_COMPARISON_H

#include "ns3/application-container.h"
#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-port-range.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class Packet;
class PeArpNatRouting;
class PeArpEmbeddedAddressClient;
class PeArpEmbeddedAddressServer;
struct PeArpPortIsolation;

/**
 * \ingroup pe-arp
 * \brief One site under each way of sharing an IPv4 address, with the same
 * topology and the same traffic: the comparison harness of the baselines.
 *
 * \verbatim
   server 198.51.100.2 ==WAN== gateway ==== L2 element ==+== h0
   ("the Internet")            (.1)     (one CSMA link  +== h1
                                         per node)       +== ...
   \endverbatim
 *
 * The variable is the system (Config::system):
 * - PUBLIC: one public address per host (203.0.113.10 + i), stock ARP, a
 *   learning bridge: the reference;
 * - PE_ARP_ROUTER: the hosts share 203.0.113.2, each owning a port range;
 *   the gateway is a PE-ARP router; a learning bridge;
 * - PE_ARP_BRIDGE: the same hosts behind a PE-Bridge, in front of an
 *   unmodified gateway;
 * - NAPT: private hosts 10.0.0.10 + i behind a NAPT gateway whose public
 *   address is its WAN address, 198.51.100.1; deterministic port blocks
 *   equal to the PE-ARP ranges; static DNAT of each host's two server ports;
 *   a learning bridge;
 * - FLOW_SWITCH: the OVS paper's port-space isolation: the L2 element is a
 *   flow switch whose own stack holds 203.0.113.2, the hosts are its guests
 *   with the same address and MAC, each owning a range;
 * - FLOW_SWITCH_EBTABLES: the same in the ebtables mode (section 3.2).
 * - RESOA: the Remote Socket Architecture in n-to-1 mode: the gateway is the
 *   ReSoA server, whose public address is its WAN address, 198.51.100.1; the
 *   hosts are pure ReSoA clients with no IPv4 stack: their unmodified
 *   applications' sockets live on the server (pings: none, ReSoA exports
 *   TCP and UDP only).
 *
 * The traffic, per host i with range [low, high]:
 * - inbound TCP: the server sends InboundBytes to the host's public
 *   endpoint, port low;
 * - outbound TCP: the host sends OutboundBytes to the server, port 5000 + i;
 * - UDP: Echoes echoes to the server's port 7;
 * - Pings echo requests (ns-3's V4Ping) to the server;
 * - inside the site: LocalBytes to host (i + 1) mod n, at its public
 *   endpoint, port low + 1 (with one host: none);
 * - an application that embeds its address in its payload (active-mode FTP,
 *   ns3::PeArpEmbeddedAddressClient): the server connects back to the
 *   announced endpoint and sends EmbeddedBytes.
 *
 * The server has routes to the public prefixes only (203.0.113.0/24 and its
 * WAN link), as a host on the Internet does: private addresses are not
 * routed.
 *
 * Collect() returns, per run, the flows (bytes, goodput, completion), echo
 * and ping round trips, state held in the network, frames on the LAN links
 * by EtherType, packets modified in flight, drops by reason and the
 * simulator's events. The processing costs of the middleboxes are part of
 * the configuration and reported with the results; nothing else differs
 * between the systems.
 */
class PeArpComparison
{
  public:
    /** The ways of sharing an address. */
    enum System
    {
        PUBLIC,               //!< one public address per host (reference)
        PE_ARP_ROUTER,        //!< PE-ARP edge router
        PE_ARP_BRIDGE,        //!< PE-Bridge before an unmodified gateway
        NAPT,                 //!< a NAPT gateway, private hosts
        FLOW_SWITCH,          //!< port-space isolation, OVS mode
        FLOW_SWITCH_EBTABLES, //!< port-space isolation, ebtables mode
        RESOA,                //!< Remote Socket Architecture, n-to-1, pure clients
    };

    /** Parameters. */
    struct Config
    {
        System system = PE_ARP_ROUTER;       //!< the system
        uint32_t hosts = 4;                  //!< hosts (1-200)
        uint32_t portsPerHost = 1000;        //!< ports per host (at least 2)
        uint32_t firstPort = 2000;           //!< first port of host 0's range (at least 1024)
        uint32_t inboundBytes = 100000;      //!< inbound TCP bytes per host (0: none)
        uint32_t outboundBytes = 100000;     //!< outbound TCP bytes per host (0: none)
        uint32_t localBytes = 50000;         //!< TCP bytes to the next host (0: none)
        uint32_t echoes = 3;                 //!< UDP echoes per host
        uint32_t pings = 3;                  //!< pings per host
        uint32_t embeddedBytes = 20000;      //!< bytes sent back to the embedded address (0: none)
        std::string lanRate = "1Gbps";       //!< LAN link rate
        std::string wanRate = "1Gbps";       //!< WAN link rate
        Time wanDelay = MilliSeconds(1);     //!< WAN one-way delay
        Time natPerPacket = MicroSeconds(0); //!< NAPT service time per packet
        Time switchPerPacket = MicroSeconds(0); //!< flow switch service time per frame
        std::string switchLookup = "CONSTANT";  //!< flow switch lookup delay: NONE, CONSTANT, LOG2
        double stop = 20;                       //!< simulated seconds
        int64_t stream = 1;                     //!< first random-variable stream (AssignStreams)
    };

    /** One flow's outcome. */
    struct FlowResult
    {
        std::string kind;      //!< inbound, outbound, local, embedded
        uint32_t host = 0;     //!< the host it belongs to (sender or receiver)
        uint64_t expected = 0; //!< bytes that should arrive
        uint64_t received = 0; //!< bytes that arrived
        double startS = 0;     //!< when it started (s)
        double lastRxS = -1;   //!< last byte received (s; -1: none)
        double goodputBps = 0; //!< received x 8 / (lastRx - start), 0 if nothing arrived
        bool complete = false; //!< everything arrived
    };

    /** Per-host round trips. */
    struct HostResult
    {
        uint32_t host = 0;            //!< host index
        Ipv4Address address;          //!< the address the host's stack has
        Ipv4Address publicAddress;    //!< the address the server sees
        PeArpPortRange range;         //!< the host's ports
        uint32_t echoReplies = 0;     //!< UDP echo replies
        double meanEchoRttS = 0;      //!< mean UDP echo round trip (s), 0 without replies
        uint32_t pingReplies = 0;     //!< ping replies (V4Ping's Rtt trace)
        double meanPingRttS = 0;      //!< mean ping round trip (s), 0 without replies
        Ipv4Address announcedAddress; //!< what the embedded-address app announced
        uint16_t announcedPort = 0;   //!< and its port
        bool embeddedOk = false;      //!< the embedded-address app succeeded
    };

    /** A run's results. */
    struct Result
    {
        System system = PE_ARP_ROUTER; //!< the system
        std::vector<FlowResult> flows; //!< every flow
        std::vector<HostResult> hosts; //!< every host
        uint64_t goodputSumBps = 0;    //!< sum of the flows' goodput
        uint32_t flowsComplete = 0;    //!< flows whose bytes all arrived
        uint32_t echoesSent = 0;       //!< UDP echoes sent
        uint32_t echoReplies = 0;      //!< UDP echo replies
        uint32_t pingsSent = 0;        //!< pings sent
        uint32_t pingReplies = 0;      //!< ping replies
        uint32_t embeddedOk = 0;       //!< hosts whose embedded-address app succeeded
        std::string stateKind;         //!< what the state counts
        uint64_t statePeak = 0;        //!< most entries at once (where tracked, else the end)
        uint64_t stateEnd = 0;         //!< entries at the end
        uint64_t arpFrames = 0;        //!< ARP frames sent on LAN links (every hop)
        uint64_t ipv4Frames = 0;       //!< IPv4 frames sent on LAN links (every hop)
        uint64_t lhpFrames = 0;        //!< ReSoA LHP frames sent on LAN links (every hop)
        uint64_t rewrittenL3 = 0;      //!< packets whose IP or transport header was rewritten
        uint64_t rewrittenL2 = 0;      //!< frames whose MAC addresses were rewritten
        std::map<std::string, uint64_t> drops;    //!< non-zero drops by "layer: reason"
        std::map<std::string, uint64_t> counters; //!< the system's own counters
        uint64_t events = 0;                      //!< simulator events executed
        double natPerPacketUs = 0;                //!< the NAPT cost used (us)
        double switchPerPacketUs = 0;             //!< the flow switch cost used (us)
    };

    /** Where each system's traffic and counters live. */
    struct Handles;

    /** The server's address. */
    static const Ipv4Address SERVER;
    /** The address the PE-ARP hosts and the flow switch's guests share. */
    static const Ipv4Address SHARED;
    /** The server's UDP echo port. */
    static const uint16_t ECHO_PORT = 7;
    /** The server's embedded-address control port. */
    static const uint16_t CONTROL_PORT = 21;
    /** The server's first outbound sink port (host i: + i). */
    static const uint16_t OUTBOUND_PORT = 5000;

    /**
     * \param config the parameters
     */
    explicit PeArpComparison(const Config& config);
    ~PeArpComparison();
    PeArpComparison(const PeArpComparison&) = delete;
    PeArpComparison& operator=(const PeArpComparison&) = delete;

    /** \return every system, in report order */
    static std::vector<System> GetSystems();
    /**
     * \param system a system
     * \return its name (e.g. "pe-arp-router")
     */
    static std::string GetSystemName(System system);
    /**
     * \param name a system's name
     * \return the system, or nothing
     */
    static std::optional<System> GetSystemByName(const std::string& name);

    /** \return the parameters */
    const Config& GetConfig() const;
    /** \return an empty string, or what is wrong with the parameters, naming the field */
    std::string Validate() const;
    /** Build the nodes, the system and the traffic (aborts if Validate fails). */
    void Build();
    /** \return when to stop the simulation */
    Time GetStopTime() const;
    /** \return the hosts */
    const NodeContainer& GetHosts() const;
    /** \return the server */
    Ptr<Node> GetServer() const;
    /** \return the gateway */
    Ptr<Node> GetGateway() const;
    /**
     * \param host a host index
     * \return the endpoint the server uses to reach the host's server port
     */
    std::pair<Ipv4Address, uint16_t> GetPublicEndpoint(uint32_t host) const;
    /**
     * \param host a host index
     * \return its port range (PUBLIC: the same numbers, for the same traffic)
     */
    PeArpPortRange GetHostRange(uint32_t host) const;

    /** \return the results, after Simulator::Run (before Simulator::Destroy) */
    Result Collect() const;

  private:
    /** Build the site's nodes, links and L2 element. */
    void BuildTopology();
    /** Configure the system on the built topology. */
    void BuildSystem();
    /** Install the traffic. */
    void InstallTraffic();
    /**
     * Watch a TCP sink.
     * \param kind flow kind
     * \param host the host the flow belongs to
     * \param sink the PacketSink
     * \param expected bytes expected
     * \param start when the flow starts
     */
    void WatchSink(const std::string& kind,
                   uint32_t host,
                   Ptr<Application> sink,
                   uint64_t expected,
                   Time start);
    /**
     * Count a frame sent on a LAN link.
     * \param packet the frame (with its Ethernet header)
     */
    void CountFrame(Ptr<const Packet> packet);

    Config m_config;                    //!< parameters
    bool m_built;                       //!< Build was called
    std::unique_ptr<Handles> m_handles; //!< what the build made
};

} // namespace ns3

#endif /* PE_ARP_COMPARISON_H */
