/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-arp-inspection.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpArpInspection");

NS_OBJECT_ENSURE_REGISTERED(PeArpArpInspection);

TypeId
PeArpArpInspection::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpArpInspection")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpArpInspection>()
            .AddAttribute("RateLimit",
                          "ARP frames per second accepted from one sender MAC (token bucket); "
                          "0: no rate limit.",
                          DoubleValue(0),
                          MakeDoubleAccessor(&PeArpArpInspection::m_rate),
                          MakeDoubleChecker<double>(0, 1e9))
            .AddAttribute("Burst",
                          "Frames one sender MAC may send at once (the bucket's depth).",
                          DoubleValue(20),
                          MakeDoubleAccessor(&PeArpArpInspection::m_burst),
                          MakeDoubleChecker<double>(1, 1e9))
            .AddAttribute("MaxTrackedMacs",
                          "Sender MACs with a bucket at most; more reset the buckets.",
                          UintegerValue(4096),
                          MakeUintegerAccessor(&PeArpArpInspection::m_maxTracked),
                          MakeUintegerChecker<uint32_t>(1))
            .AddTraceSource("Refused",
                            "A frame was refused, with the reason.",
                            MakeTraceSourceAccessor(&PeArpArpInspection::m_refusedTrace),
                            "ns3::PeArpArpInspection::RefusedTracedCallback");
    return tid;
}

PeArpArpInspection::PeArpArpInspection()
    : m_rate(0),
      m_burst(20),
      m_maxTracked(4096)
{
    NS_LOG_FUNCTION(this);
}

PeArpArpInspection::~PeArpArpInspection()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpArpInspection::DoDispose()
{
    if (m_node)
    {
        if (Ptr<PeArpL3Protocol> protocol = m_node->GetObject<PeArpL3Protocol>())
        {
            protocol->SetInspector(
                MakeNullCallback<bool, Ptr<const NetDevice>, const PeArpHeader&>());
        }
    }
    m_node = nullptr;
    m_table = nullptr;
    m_buckets.clear();
    Object::DoDispose();
}

void
PeArpArpInspection::Install(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    Ptr<PeArpL3Protocol> protocol = node ? node->GetObject<PeArpL3Protocol>() : nullptr;
    NS_ABORT_MSG_UNLESS(protocol, "PeArpArpInspection::Install: the node has no PE-ARP");
    protocol->SetInspector(MakeCallback(&PeArpArpInspection::Inspect, this));
    m_node = node;
}

void
PeArpArpInspection::SetBindingTable(Ptr<PeArpBindingTable> table)
{
    m_table = table;
}

Ptr<PeArpBindingTable>
PeArpArpInspection::GetBindingTable() const
{
    return m_table;
}

bool
PeArpArpInspection::Inspect(Ptr<const NetDevice> device, const PeArpHeader& header)
{
    m_counters.inspected++;
    if (m_rate > 0)
    {
        uint8_t bytes[6];
        header.GetSenderMac().CopyTo(bytes);
        uint64_t key = 0;
        for (uint8_t b : bytes)
        {
            key = (key << 8) | b;
        }
        if (m_buckets.size() >= m_maxTracked && m_buckets.count(key) == 0)
        {
            m_buckets.clear();
        }
        Time now = Simulator::Now();
        auto [it, fresh] = m_buckets.try_emplace(key);
        Bucket& b = it->second;
        if (fresh)
        {
            b.tokens = m_burst;
        }
        else
        {
            b.tokens = std::min(m_burst, b.tokens + (now - b.last).GetSeconds() * m_rate);
        }
        b.last = now;
        if (b.tokens < 1)
        {
            m_counters.refusedRate++;
            m_refusedTrace(header, RATE);
            return false;
        }
        b.tokens -= 1;
    }
    if (m_table && header.GetSenderIp() != Ipv4Address::GetAny() &&
        !m_table->Allows(header.GetSenderIp(),
                         header.HasExtension() ? header.GetSenderRange() : PeArpPortRange(),
                         header.GetSenderMac()))
    {
        NS_LOG_LOGIC("binding refuses " << header.GetSenderIp() << ":" << header.GetSenderRange()
                                        << " from " << header.GetSenderMac());
        m_counters.refusedBinding++;
        m_refusedTrace(header, BINDING);
        return false;
    }
    return true;
}

const PeArpArpInspection::Counters&
PeArpArpInspection::GetCounters() const
{
    return m_counters;
}

} // namespace ns3
