/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-processing-cost.h"

#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpProcessingCost");

NS_OBJECT_ENSURE_REGISTERED(PeArpProcessingCost);

TypeId
PeArpProcessingCost::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpProcessingCost")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpProcessingCost>()
            .AddAttribute("PerPacket",
                          "Service time of every packet (>= 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PeArpProcessingCost::m_perPacket),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("PerByte",
                          "Additional service time per byte of the packet (>= 0).",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PeArpProcessingCost::m_perByte),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("QueueLimit",
                          "Packets that may wait behind the one in service; one more is "
                          "dropped (QUEUE_FULL).",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&PeArpProcessingCost::m_queueLimit),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Drop",
                            "A packet was dropped because QueueLimit packets waited.",
                            MakeTraceSourceAccessor(&PeArpProcessingCost::m_dropTrace),
                            "ns3::PeArpProcessingCost::DropTracedCallback");
    return tid;
}

PeArpProcessingCost::PeArpProcessingCost()
    : m_queueLimit(1000)
{
    NS_LOG_FUNCTION(this);
}

PeArpProcessingCost::~PeArpProcessingCost()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpProcessingCost::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_ends.clear();
    Object::DoDispose();
}

Time
PeArpProcessingCost::GetServiceTime(uint32_t bytes) const
{
    return m_perPacket + m_perByte * static_cast<int64_t>(bytes);
}

void
PeArpProcessingCost::Expire()
{
    Time now = Simulator::Now();
    while (!m_ends.empty() && m_ends.front() <= now)
    {
        m_ends.pop_front();
    }
}

uint32_t
PeArpProcessingCost::GetInSystem()
{
    Expire();
    return static_cast<uint32_t>(m_ends.size());
}

std::optional<Time>
PeArpProcessingCost::Admit(uint32_t bytes)
{
    NS_LOG_FUNCTION(this << bytes);
    Time service = GetServiceTime(bytes);
    if (service.IsZero())
    {
        m_counters.admitted++;
        return Seconds(0);
    }
    Expire();
    // the first packet in the system is in service, the others wait
    uint32_t waiting = m_ends.empty() ? 0 : static_cast<uint32_t>(m_ends.size() - 1);
    if (!m_ends.empty() && waiting >= m_queueLimit)
    {
        NS_LOG_LOGIC("queue full: " << waiting << " packets wait");
        m_counters.queueFull++;
        m_dropTrace(bytes);
        return std::nullopt;
    }
    Time now = Simulator::Now();
    Time start = m_ends.empty() ? now : std::max(now, m_ends.back());
    m_ends.push_back(start + service);
    Time wait = start - now;
    m_counters.admitted++;
    m_counters.busy += service;
    m_counters.maxWait = std::max(m_counters.maxWait, wait);
    return wait;
}

const PeArpProcessingCost::Counters&
PeArpProcessingCost::GetCounters() const
{
    return m_counters;
}

} // namespace ns3
