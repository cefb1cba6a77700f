/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_STATISTICS_H
#define PE_ARP_STATISTICS_H

#include "ns3/flow-monitor.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/ptr.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ns3
{

class Address;
class FlowMonitorHelper;
class Packet;
class PeArpDeployment;

/**
 * \ingroup pe-arp
 * \brief Collects the results of a deployment (PeArpScenario, PeArpTopologyHelper): per-host bytes,
 * echo replies and wrong-host packets, ARP frames, PE-ARP drops by reason, simulator events and,
 * optionally, per-flow goodput and delay (from ns-3's FlowMonitor). It prints nothing: the examples
 * print and write CSV.
 *
 * Construct it after the deployment is built and before Simulator::Run();
 * call Collect() after the run and before Simulator::Destroy().
 */
class PeArpStatistics
{
  public:
    /** Results of one LAN host. */
    struct HostResult
    {
        uint32_t host = 0;             //!< host index (over all sites)
        uint32_t site = 0;             //!< site index
        uint32_t nodeId = 0;           //!< ns-3 node id
        Ipv4Address ip;                //!< address
        PeArpPortRange range;          //!< port range (stock: all ports)
        Mac48Address mac;              //!< MAC
        uint64_t rxBytes = 0;          //!< TCP bytes received by its sink
        uint64_t expectedBytes = 0;    //!< TCP bytes it should receive
        uint32_t echoReplies = 0;      //!< UDP echo replies received
        uint64_t wrongHostPackets = 0; //!< IPv4 packets received for ports it does not own
        double firstRxS = -1;          //!< first TCP byte received (s; -1: none)
        double lastRxS = -1;           //!< last TCP byte received (s; -1: none)
        double goodputBps = 0;         //!< rxBytes x 8 / (lastRx - firstRx), 0 if undefined
    };

    /** Results of one IPv4 flow (FlowMonitor, with per-flow statistics on). */
    struct FlowResult
    {
        uint32_t flowId = 0;          //!< FlowMonitor's flow id
        Ipv4Address source;           //!< source address
        Ipv4Address destination;      //!< destination address
        uint16_t sourcePort = 0;      //!< source port
        uint16_t destinationPort = 0; //!< destination port
        uint8_t protocol = 0;         //!< IP protocol
        uint64_t txPackets = 0;       //!< packets sent
        uint64_t rxPackets = 0;       //!< packets received
        uint64_t txBytes = 0;         //!< IP bytes sent
        uint64_t rxBytes = 0;         //!< IP bytes received
        uint64_t lostPackets = 0;     //!< packets FlowMonitor declared lost
        double goodputBps = 0;        //!< rxBytes x 8 / (last rx - first tx), 0 if undefined
        double meanDelayS = 0;        //!< mean one-way delay (s), 0 without received packets
    };

    /** Totals over the scenario. */
    /** One sample of the run's state over time (EnableSampling). */
    struct Sample
    {
        double timeS = 0;              //!< simulated time (s)
        uint64_t arpFrames = 0;        //!< ARP frames sent so far
        uint64_t rxBytes = 0;          //!< TCP bytes received by the hosts so far
        uint64_t edgeCacheEntries = 0; //!< entries in the edges' PE-ARP caches now
    };

    struct Totals
    {
        uint64_t events = 0;              //!< simulator events executed
        uint64_t arpFrames = 0;           //!< ARP frames sent by hosts, gateways and edges
        uint64_t edgeRequests = 0;        //!< PE-ARP requests sent by the edges
        uint64_t edgeCacheEntries = 0;    //!< entries in the edges' PE-ARP caches at the end
        uint64_t expectedBytes = 0;       //!< TCP bytes that should arrive
        uint64_t rxBytes = 0;             //!< TCP bytes that arrived
        uint32_t expectedEchoReplies = 0; //!< UDP echo replies that should arrive
        uint32_t echoReplies = 0;         //!< UDP echo replies
        uint64_t wrongHostPackets = 0;    //!< wrong-host packets
        uint64_t drops = 0;               //!< PE-ARP drops (all reasons, every node)
        std::map<std::string, uint64_t> dropsByReason; //!< non-zero drops by reason name

        /** \return true if every byte and echo arrived and nothing reached a wrong host */
        bool AllDelivered() const;
    };

    /**
     * Connect to the scenario's devices and applications.
     * \param scenario a built scenario (it must outlive this object's Collect)
     * \param perFlow also install FlowMonitor on every node for per-flow
     * goodput and delay (costs memory and time)
     */
    PeArpStatistics(const PeArpDeployment& scenario, bool perFlow);
    ~PeArpStatistics();
    PeArpStatistics(const PeArpStatistics&) = delete;
    PeArpStatistics& operator=(const PeArpStatistics&) = delete;

    /** Read every counter, after Simulator::Run() and before Simulator::Destroy(). */
    void Collect();
    /**
     * Sample the run every interval before the scenario's stop time: ARP
     * frames and TCP bytes so far, and the edges' cache entries; Collect adds
     * a last sample, of the state it collects. Call before Simulator::Run.
     * \param interval the interval (positive)
     */
    void EnableSampling(Time interval);
    /** \return the FlowMonitor (perFlow; null otherwise), e.g. for its XML */
    Ptr<FlowMonitor> GetFlowMonitor() const;
    /** \return the samples, in time order */
    const std::vector<Sample>& GetSamples() const;
    /**
     * \return the latency of every resolution that packets waited for, at
     *         the edges and the hosts (PeArpCache "Resolved"), in seconds
     */
    const std::vector<double>& GetResolutionLatencies() const;

    /** \return per-host results (after Collect) */
    const std::vector<HostResult>& GetHostResults() const;
    /** \return per-flow results (after Collect; empty without perFlow) */
    const std::vector<FlowResult>& GetFlowResults() const;
    /** \return the totals (after Collect) */
    const Totals& GetTotals() const;

  private:
    /**
     * Count an ARP frame a link device sends.
     * \param packet the frame, Ethernet header included
     */
    void CountFrame(Ptr<const Packet> packet);
    /** Take a sample, and schedule the next one before the stop time. */
    void TakeSample();
    /** \return ARP frames so far, including the PE-Bridges' own */
    uint64_t ArpFramesSoFar() const;
    /** \return the entries in the edges' PE-ARP caches now */
    uint64_t EdgeCacheEntries() const;
    /**
     * Count an echo reply.
     * \param self the statistics
     * \param host the host
     * \param packet the reply
     */
    static void CountEcho(PeArpStatistics* self, uint32_t host, Ptr<const Packet> packet);
    /**
     * Note the time of TCP bytes received.
     * \param self the statistics
     * \param host the host
     * \param packet the bytes
     * \param from the sender
     */
    static void NoteRx(PeArpStatistics* self,
                       uint32_t host,
                       Ptr<const Packet> packet,
                       const Address& from);

    const PeArpDeployment& m_scenario;               //!< the deployment
    uint64_t m_arpFrames;                            //!< ARP frames counted
    std::vector<uint32_t> m_echoReplies;             //!< echo replies per host
    std::vector<Time> m_firstRx;                     //!< first TCP reception per host
    std::vector<Time> m_lastRx;                      //!< last TCP reception per host
    std::unique_ptr<FlowMonitorHelper> m_flowHelper; //!< FlowMonitor (perFlow)
    Ptr<FlowMonitor> m_flowMonitor;                  //!< the monitor (perFlow)
    std::vector<HostResult> m_hosts;                 //!< per-host results
    std::vector<FlowResult> m_flows;                 //!< per-flow results
    Totals m_totals;                                 //!< totals
    Time m_sampleInterval;                           //!< EnableSampling interval (0: off)
    std::vector<Sample> m_samples;                   //!< samples
    std::vector<double> m_latencies;                 //!< resolution latencies (s)
};

} // namespace ns3

#endif /* PE_ARP_STATISTICS_H */
