/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-statistics.h"

#include "pe-arp-deployment.h"

#include "ns3/application.h"
#include "ns3/ethernet-header.h"
#include "ns3/flow-monitor-helper.h"
#include "ns3/ipv4-flow-classifier.h"
#include "ns3/log.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/simulator.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpStatistics");

bool
PeArpStatistics::Totals::AllDelivered() const
{
    return rxBytes == expectedBytes && echoReplies == expectedEchoReplies && wrongHostPackets == 0;
}

PeArpStatistics::PeArpStatistics(const PeArpDeployment& scenario, bool perFlow)
    : m_scenario(scenario),
      m_arpFrames(0)
{
    NS_LOG_FUNCTION(this << perFlow);
    uint32_t n = scenario.GetNHosts();
    NS_ABORT_MSG_UNLESS(scenario.GetSinks().GetN() == n,
                        "PeArpStatistics: build the scenario first");
    m_echoReplies.assign(n, 0);
    m_firstRx.assign(n, Seconds(-1));
    m_lastRx.assign(n, Seconds(-1));
    const NetDeviceContainer& links = scenario.GetLinkDevices();
    Callback<void, Ptr<const Packet>> countFrame = MakeCallback(&PeArpStatistics::CountFrame, this);
    for (uint32_t i = 0; i < links.GetN(); i++)
    {
        links.Get(i)->TraceConnectWithoutContext("MacTx", countFrame);
    }
    const ApplicationContainer& echoes = scenario.GetEchoClients();
    for (uint32_t i = 0; i < echoes.GetN(); i++)
    {
        echoes.Get(i)->TraceConnectWithoutContext(
            "Rx",
            MakeBoundCallback(&PeArpStatistics::CountEcho, this, i));
    }
    const ApplicationContainer& sinks = scenario.GetSinks();
    for (uint32_t i = 0; i < sinks.GetN(); i++)
    {
        sinks.Get(i)->TraceConnectWithoutContext(
            "Rx",
            MakeBoundCallback(&PeArpStatistics::NoteRx, this, i));
    }
    // One callback for every cache: the caches' trace lists share it.
    std::vector<double>* latencies = &m_latencies;
    Callback<void, Ipv4Address, uint16_t, Time> noteLatency(
        [latencies](Ipv4Address, uint16_t, Time latency) {
            latencies->push_back(latency.GetSeconds());
        });
    NetDeviceContainer resolvers(scenario.GetEdgeDevices(), scenario.GetHostLanDevices());
    for (uint32_t i = 0; i < resolvers.GetN(); i++)
    {
        Ptr<PeArpCache> cache;
        if (auto device = DynamicCast<PeArpNetDevice>(resolvers.Get(i)))
        {
            cache = device->GetCache();
        }
        else if (auto bridge = DynamicCast<PeArpBridgeNetDevice>(resolvers.Get(i)))
        {
            cache = bridge->GetCache();
        }
        if (cache)
        {
            cache->TraceConnectWithoutContext("Resolved", noteLatency);
        }
    }
    if (perFlow)
    {
        m_flowHelper = std::make_unique<FlowMonitorHelper>();
        m_flowMonitor = m_flowHelper->InstallAll();
    }
}

PeArpStatistics::~PeArpStatistics()
{
    m_flowMonitor = nullptr;
}

void
PeArpStatistics::CountFrame(Ptr<const Packet> packet)
{
    EthernetHeader header(false);
    if (packet->PeekHeader(header) && header.GetLengthType() == PeArpL3Protocol::PROT_NUMBER)
    {
        m_arpFrames++;
    }
}

void
PeArpStatistics::CountEcho(PeArpStatistics* self, uint32_t host, Ptr<const Packet> packet)
{
    self->m_echoReplies[host]++;
}

void
PeArpStatistics::NoteRx(PeArpStatistics* self,
                        uint32_t host,
                        Ptr<const Packet> packet,
                        const Address& from)
{
    if (self->m_firstRx[host].IsNegative())
    {
        self->m_firstRx[host] = Simulator::Now();
    }
    self->m_lastRx[host] = Simulator::Now();
}

void
PeArpStatistics::Collect()
{
    NS_LOG_FUNCTION(this);
    const PeArpDeployment& s = m_scenario;
    m_totals = Totals();
    m_totals.events = Simulator::GetEventCount();
    m_totals.arpFrames = ArpFramesSoFar();
    m_totals.edgeCacheEntries = EdgeCacheEntries();
    if (m_sampleInterval.IsStrictlyPositive() &&
        (m_samples.empty() || m_samples.back().timeS < Simulator::Now().GetSeconds()))
    {
        TakeSample(); // the last sample: the state that is collected
    }
    m_hosts.clear();
    for (uint32_t i = 0; i < s.GetNHosts(); i++)
    {
        HostResult r;
        r.host = i;
        r.site = s.GetHostSite(i);
        r.nodeId = s.GetHosts().Get(i)->GetId();
        r.ip = s.GetHostAddress(i);
        r.range = s.GetHostRange(i);
        r.mac = Mac48Address::ConvertFrom(s.GetHostLanDevices().Get(i)->GetAddress());
        r.rxBytes = DynamicCast<PacketSink>(s.GetSinks().Get(i))->GetTotalRx();
        r.expectedBytes = s.GetTcpBytes();
        r.echoReplies = m_echoReplies[i];
        Ptr<PeArpNetDevice> device = DynamicCast<PeArpNetDevice>(s.GetHostLanDevices().Get(i));
        r.wrongHostPackets = device ? device->GetWrongHostPackets() : 0;
        // (ns-3 3.37 converts a negative Time by shifting a negative value
        // left, undefined behaviour: "never" stays -1 without a conversion.)
        r.firstRxS = m_firstRx[i].IsStrictlyNegative() ? -1 : m_firstRx[i].GetSeconds();
        r.lastRxS = m_lastRx[i].IsStrictlyNegative() ? -1 : m_lastRx[i].GetSeconds();
        if (m_lastRx[i] > m_firstRx[i] && !m_firstRx[i].IsNegative())
        {
            r.goodputBps = r.rxBytes * 8.0 / (m_lastRx[i] - m_firstRx[i]).GetSeconds();
        }
        m_totals.rxBytes += r.rxBytes;
        m_totals.expectedBytes += r.expectedBytes;
        m_totals.echoReplies += r.echoReplies;
        m_totals.wrongHostPackets += r.wrongHostPackets;
        m_hosts.push_back(r);
    }
    m_totals.expectedEchoReplies = s.HasUdpEcho() ? s.GetNHosts() : 0;

    NodeContainer all(s.GetEdges(), s.GetHosts());
    for (uint32_t i = 0; i < all.GetN(); i++)
    {
        Ptr<PeArpL3Protocol> protocol = all.Get(i)->GetObject<PeArpL3Protocol>();
        if (!protocol)
        {
            continue;
        }
        PeArpL3Protocol::Counters counters = protocol->GetCounters();
        m_totals.drops += counters.TotalDrops();
        for (uint32_t r = 0; r < counters.drops.size(); r++)
        {
            if (counters.drops[r] > 0)
            {
                std::ostringstream name;
                name << static_cast<PeArpL3Protocol::DropReason>(r);
                m_totals.dropsByReason[name.str()] += counters.drops[r];
            }
        }
        if (i < s.GetEdges().GetN())
        {
            m_totals.edgeRequests += counters.requestsSent;
        }
    }
    m_flows.clear();
    if (m_flowMonitor)
    {
        m_flowMonitor->CheckForLostPackets();
        Ptr<Ipv4FlowClassifier> classifier =
            DynamicCast<Ipv4FlowClassifier>(m_flowHelper->GetClassifier());
        for (const auto& [id, stats] : m_flowMonitor->GetFlowStats())
        {
            Ipv4FlowClassifier::FiveTuple t = classifier->FindFlow(id);
            FlowResult f;
            f.flowId = id;
            f.source = t.sourceAddress;
            f.destination = t.destinationAddress;
            f.sourcePort = t.sourcePort;
            f.destinationPort = t.destinationPort;
            f.protocol = t.protocol;
            f.txPackets = stats.txPackets;
            f.rxPackets = stats.rxPackets;
            f.txBytes = stats.txBytes;
            f.rxBytes = stats.rxBytes;
            f.lostPackets = stats.lostPackets;
            Time span = stats.timeLastRxPacket - stats.timeFirstTxPacket;
            if (stats.rxPackets > 0 && span.IsStrictlyPositive())
            {
                f.goodputBps = stats.rxBytes * 8.0 / span.GetSeconds();
            }
            if (stats.rxPackets > 0)
            {
                f.meanDelayS = stats.delaySum.GetSeconds() / stats.rxPackets;
            }
            m_flows.push_back(f);
        }
    }
}

uint64_t
PeArpStatistics::ArpFramesSoFar() const
{
    const PeArpDeployment& s = m_scenario;
    uint64_t frames = m_arpFrames;
    // A PE-Bridge's own frames, once each: its ports' counters
    // (PeArpBridgePort) count every copy, and the frames they forward for
    // others, which their senders counted already.
    for (uint32_t i = 0; i < s.GetEdgeDevices().GetN(); i++)
    {
        Ptr<PeArpBridgeNetDevice> bridge =
            DynamicCast<PeArpBridgeNetDevice>(s.GetEdgeDevices().Get(i));
        if (bridge)
        {
            frames += bridge->GetProxiedRequests() +
                      s.GetEdges().Get(i)->GetObject<PeArpL3Protocol>()->GetCounters().requestsSent;
        }
    }

    return frames;
}

void
PeArpStatistics::EnableSampling(Time interval)
{
    NS_LOG_FUNCTION(this << interval);
    NS_ABORT_MSG_UNLESS(interval.IsStrictlyPositive(),
                        "PeArpStatistics::EnableSampling: the interval must be positive");
    m_sampleInterval = interval;
    m_samples.clear();
    Simulator::Schedule(interval, &PeArpStatistics::TakeSample, this);
}

uint64_t
PeArpStatistics::EdgeCacheEntries() const
{
    uint64_t entries = 0;
    const NetDeviceContainer& edges = m_scenario.GetEdgeDevices();
    for (uint32_t i = 0; i < edges.GetN(); i++)
    {
        if (auto device = DynamicCast<PeArpNetDevice>(edges.Get(i)))
        {
            entries += device->GetCache()->GetSize();
        }
        else if (auto bridge = DynamicCast<PeArpBridgeNetDevice>(edges.Get(i)))
        {
            entries += bridge->GetCache()->GetSize();
        }
    }
    return entries;
}

void
PeArpStatistics::TakeSample()
{
    const PeArpDeployment& s = m_scenario;
    Sample sample;
    sample.timeS = Simulator::Now().GetSeconds();
    sample.arpFrames = ArpFramesSoFar();
    for (uint32_t i = 0; i < s.GetSinks().GetN(); i++)
    {
        sample.rxBytes += DynamicCast<PacketSink>(s.GetSinks().Get(i))->GetTotalRx();
    }
    sample.edgeCacheEntries = EdgeCacheEntries();
    m_samples.push_back(sample);
    if (Simulator::Now() + m_sampleInterval < s.GetStopTime())
    {
        Simulator::Schedule(m_sampleInterval, &PeArpStatistics::TakeSample, this);
    }
}

Ptr<FlowMonitor>
PeArpStatistics::GetFlowMonitor() const
{
    return m_flowMonitor;
}

const std::vector<PeArpStatistics::Sample>&
PeArpStatistics::GetSamples() const
{
    return m_samples;
}

const std::vector<double>&
PeArpStatistics::GetResolutionLatencies() const
{
    return m_latencies;
}

const std::vector<PeArpStatistics::HostResult>&
PeArpStatistics::GetHostResults() const
{
    return m_hosts;
}

const std::vector<PeArpStatistics::FlowResult>&
PeArpStatistics::GetFlowResults() const
{
    return m_flows;
}

const PeArpStatistics::Totals&
PeArpStatistics::GetTotals() const
{
    return m_totals;
}

} // namespace ns3
