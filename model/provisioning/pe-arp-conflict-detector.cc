/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-conflict-detector.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpConflictDetector");

NS_OBJECT_ENSURE_REGISTERED(PeArpConflictDetector);

TypeId
PeArpConflictDetector::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpConflictDetector")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpConflictDetector>()
            .AddAttribute("Candidate",
                          "Draws the index of the candidate set (taken modulo the number of "
                          "sets per address).",
                          StringValue("ns3::UniformRandomVariable[Min=0.0|Max=65536.0]"),
                          MakePointerAccessor(&PeArpConflictDetector::m_candidateRv),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ProbeWait",
                          "Longest random wait before the first probe (RFC 5227 PROBE_WAIT).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_probeWait),
                          MakeTimeChecker())
            .AddAttribute("ProbeNum",
                          "Probes sent for a candidate (RFC 5227 PROBE_NUM).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PeArpConflictDetector::m_probeNum),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("ProbeMin",
                          "Shortest time between probes (RFC 5227 PROBE_MIN).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_probeMin),
                          MakeTimeChecker())
            .AddAttribute("ProbeMax",
                          "Longest time between probes (RFC 5227 PROBE_MAX).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_probeMax),
                          MakeTimeChecker())
            .AddAttribute("AnnounceWait",
                          "Wait after the last probe before the range is claimed (RFC 5227 "
                          "ANNOUNCE_WAIT).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_announceWait),
                          MakeTimeChecker())
            .AddAttribute("AnnounceNum",
                          "Announcements of a claimed range (RFC 5227 ANNOUNCE_NUM).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&PeArpConflictDetector::m_announceNum),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("AnnounceInterval",
                          "Time between announcements (RFC 5227 ANNOUNCE_INTERVAL).",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_announceInterval),
                          MakeTimeChecker())
            .AddAttribute("MaxConflicts",
                          "Conflicts after which new attempts are rate limited (RFC 5227 "
                          "MAX_CONFLICTS).",
                          UintegerValue(10),
                          MakeUintegerAccessor(&PeArpConflictDetector::m_maxConflicts),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("RateLimitInterval",
                          "Wait between attempts after MaxConflicts (RFC 5227 "
                          "RATE_LIMIT_INTERVAL).",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&PeArpConflictDetector::m_rateLimitInterval),
                          MakeTimeChecker())
            .AddTraceSource("Claimed",
                            "A port range was claimed.",
                            MakeTraceSourceAccessor(&PeArpConflictDetector::m_claimedTrace),
                            "ns3::PeArpConflictDetector::ClaimedTracedCallback");
    return tid;
}

PeArpConflictDetector::PeArpConflictDetector()
    : m_state(IDLE),
      m_probesLeft(0),
      m_announcementsLeft(0),
      m_probesSent(0),
      m_announcementsSent(0),
      m_conflicts(0),
      m_claimTime(Seconds(-1)),
      m_uniform(CreateObject<UniformRandomVariable>())
{
    NS_LOG_FUNCTION(this);
}

PeArpConflictDetector::~PeArpConflictDetector()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpConflictDetector::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_event.Cancel();
    if (m_device && m_device->GetNode())
    {
        Ptr<PeArpL3Protocol> protocol = m_device->GetNode()->GetObject<PeArpL3Protocol>();
        if (protocol)
        {
            protocol->SetProbeListener(m_device, MakeNullCallback<void, const PeArpHeader&>());
        }
    }
    m_device = nullptr;
    m_allocator = nullptr;
    m_candidateRv = nullptr;
    m_uniform = nullptr;
    Object::DoDispose();
}

int64_t
PeArpConflictDetector::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_candidateRv->SetStream(stream);
    m_uniform->SetStream(stream + 1);
    return 2;
}

void
PeArpConflictDetector::Start(Ptr<PeArpNetDevice> device,
                             Ipv4Address address,
                             Ptr<PeArpPortSetAllocator> allocator,
                             Time at)
{
    NS_LOG_FUNCTION(this << device << address << allocator << at);
    Ptr<Node> node = device->GetNode();
    NS_ABORT_MSG_UNLESS(node && node->GetObject<PeArpPortAgent>(),
                        "PeArpConflictDetector::Start: the node has no PE-ARP host stack");
    NS_ABORT_MSG_UNLESS(device->IsLocalAddress(address),
                        "PeArpConflictDetector::Start: " << address
                                                         << " is not assigned to the interface");
    std::string why = allocator->Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpConflictDetector::Start: " << why);
    m_device = device;
    m_address = address;
    m_allocator = allocator;
    node->GetObject<PeArpPortAgent>()->SetTentative(address);
    node->GetObject<PeArpL3Protocol>()->SetProbeListener(
        device,
        MakeCallback(&PeArpConflictDetector::Heard, this));
    m_event = Simulator::Schedule(at, &PeArpConflictDetector::PickCandidate, this);
}

PeArpPortRange
PeArpConflictDetector::GetCandidateRange() const
{
    return m_candidate.GetRanges().front();
}

Time
PeArpConflictDetector::GetUncontestedClaimBound()
{
    TypeId tid = GetTypeId();
    auto initial = [&tid](const std::string& name) {
        TypeId::AttributeInformation info;
        NS_ABORT_UNLESS(tid.LookupAttributeByName(name, &info));
        return info.initialValue;
    };
    auto time = [&initial](const std::string& name) {
        Ptr<const TimeValue> value = DynamicCast<const TimeValue>(initial(name));
        NS_ABORT_UNLESS(value);
        return value->Get();
    };
    Ptr<const UintegerValue> probes = DynamicCast<const UintegerValue>(initial("ProbeNum"));
    NS_ABORT_UNLESS(probes);
    uint64_t gaps = probes->Get() > 0 ? probes->Get() - 1 : 0;
    return time("ProbeWait") + time("ProbeMax") * static_cast<int64_t>(gaps) + time("AnnounceWait");
}

void
PeArpConflictDetector::PickCandidate()
{
    NS_LOG_FUNCTION(this);
    uint32_t sets = m_allocator->GetHostsPerAddress();
    auto index = static_cast<uint32_t>(std::floor(m_candidateRv->GetValue())) % sets;
    m_candidate = m_allocator->GetHostSet(index);
    m_state = PROBING;
    m_probesLeft = m_probeNum;
    NS_LOG_LOGIC(m_address << ": candidate " << m_candidate);
    Time wait = m_conflicts >= m_maxConflicts
                    ? m_rateLimitInterval
                    : Seconds(m_uniform->GetValue(0, m_probeWait.GetSeconds()));
    m_event = Simulator::Schedule(wait, &PeArpConflictDetector::Probe, this);
}

void
PeArpConflictDetector::Probe()
{
    NS_LOG_FUNCTION(this);
    if (m_probesLeft == 0)
    {
        Claim();
        return;
    }
    SendClaimFrame(Ipv4Address::GetAny());
    m_probesSent++;
    m_probesLeft--;
    Time next =
        m_probesLeft == 0
            ? m_announceWait
            : Seconds(m_uniform->GetValue(m_probeMin.GetSeconds(), m_probeMax.GetSeconds()));
    m_event = Simulator::Schedule(next, &PeArpConflictDetector::Probe, this);
}

void
PeArpConflictDetector::Claim()
{
    NS_LOG_FUNCTION(this);
    m_state = ANNOUNCING;
    m_claimTime = Simulator::Now();
    m_device->GetNode()->GetObject<PeArpPortAgent>()->SetPortSet(m_address, m_candidate);
    NS_LOG_LOGIC(m_address << ": claimed " << m_candidate << " after " << m_conflicts
                           << " conflicts");
    m_claimedTrace(m_address, m_candidate, m_conflicts);
    m_announcementsLeft = m_announceNum;
    Announce();
}

void
PeArpConflictDetector::Announce()
{
    NS_LOG_FUNCTION(this);
    if (m_announcementsLeft == 0)
    {
        m_state = CLAIMED;
        return;
    }
    SendClaimFrame(m_address);
    m_announcementsSent++;
    m_announcementsLeft--;
    m_event = Simulator::Schedule(m_announceInterval, &PeArpConflictDetector::Announce, this);
}

void
PeArpConflictDetector::SendClaimFrame(Ipv4Address sender)
{
    PeArpHeader frame;
    frame.SetRequest(m_device->GetMac48(),
                     sender,
                     GetCandidateRange(),
                     m_address,
                     GetCandidateRange().GetLow());
    // Through the node's PE-ARP, which counts and traces it.
    m_device->GetNode()->GetObject<PeArpL3Protocol>()->SendClaimRequest(m_device, frame);
}

void
PeArpConflictDetector::Heard(const PeArpHeader& header)
{
    NS_LOG_FUNCTION(this << header);
    if (m_state != PROBING || header.GetSenderMac() == m_device->GetMac48())
    {
        return; // once claimed, PeArpL3Protocol defends the range
    }
    bool aboutAddress =
        header.IsReply() ? header.GetSenderIp() == m_address : header.GetTargetIp() == m_address;
    if (!aboutAddress || !header.GetSenderRange().Overlaps(GetCandidateRange()))
    {
        return;
    }
    NS_LOG_LOGIC(m_address << ": conflict on " << GetCandidateRange() << " with "
                           << header.GetSenderMac() << " (" << header.GetSenderRange()
                           << ") -- pick another range");
    m_conflicts++;
    m_event.Cancel();
    PickCandidate();
}

PeArpConflictDetector::State
PeArpConflictDetector::GetState() const
{
    return m_state;
}

PeArpPortSet
PeArpConflictDetector::GetClaimedPorts() const
{
    return m_state == ANNOUNCING || m_state == CLAIMED ? m_candidate : PeArpPortSet();
}

Time
PeArpConflictDetector::GetClaimTime() const
{
    return m_claimTime;
}

uint32_t
PeArpConflictDetector::GetProbesSent() const
{
    return m_probesSent;
}

uint32_t
PeArpConflictDetector::GetAnnouncementsSent() const
{
    return m_announcementsSent;
}

uint32_t
PeArpConflictDetector::GetConflicts() const
{
    return m_conflicts;
}

} // namespace ns3
