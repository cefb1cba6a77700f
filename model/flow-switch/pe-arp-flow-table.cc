/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-flow-table.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <tuple>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpFlowTable");

NS_OBJECT_ENSURE_REGISTERED(PeArpFlowTable);

namespace
{

/**
 * \param key a key
 * \return its fields as a tuple (for comparisons)
 */
auto
Fields(const PeArpFlowKey& key)
{
    return std::tie(key.inPort,
                    key.ethType,
                    key.arpOp,
                    key.ipProto,
                    key.icmpType,
                    key.icmpId,
                    key.ipSrc,
                    key.ipDst,
                    key.l4Dst);
}

/**
 * \param a an entry
 * \param b an entry
 * \return true if a wins over b: higher priority, then older
 */
bool
Better(const Ptr<PeArpFlowEntry>& a, const Ptr<PeArpFlowEntry>& b)
{
    return a->priority != b->priority ? a->priority > b->priority : a->GetId() < b->GetId();
}

} // namespace

PeArpFlowKey
PeArpFlowKey::Masked(const PeArpFlowKey& mask) const
{
    PeArpFlowKey k;
    k.inPort = inPort & mask.inPort;
    k.ethType = ethType & mask.ethType;
    k.arpOp = arpOp & mask.arpOp;
    k.ipProto = ipProto & mask.ipProto;
    k.icmpType = icmpType & mask.icmpType;
    k.icmpId = icmpId & mask.icmpId;
    k.ipSrc = ipSrc & mask.ipSrc;
    k.ipDst = ipDst & mask.ipDst;
    k.l4Dst = l4Dst & mask.l4Dst;
    return k;
}

bool
operator==(const PeArpFlowKey& a, const PeArpFlowKey& b)
{
    return Fields(a) == Fields(b);
}

bool
operator!=(const PeArpFlowKey& a, const PeArpFlowKey& b)
{
    return !(a == b);
}

bool
operator<(const PeArpFlowKey& a, const PeArpFlowKey& b)
{
    return Fields(a) < Fields(b);
}

std::ostream&
operator<<(std::ostream& os, const PeArpFlowKey& key)
{
    return os << "in_port=" << key.inPort << " dl_type=0x" << std::hex << key.ethType << std::dec
              << " arp_op=" << key.arpOp << " nw_proto=" << +key.ipProto
              << " nw_src=" << Ipv4Address(key.ipSrc) << " nw_dst=" << Ipv4Address(key.ipDst)
              << " tp_dst=" << key.l4Dst << " icmp_type=" << +key.icmpType
              << " icmp_id=" << key.icmpId;
}

size_t
PeArpFlowKeyHash::operator()(const PeArpFlowKey& key) const
{
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](uint64_t v) {
        for (int i = 0; i < 8; ++i)
        {
            h ^= (v >> (8 * i)) & 0xff;
            h *= 1099511628211ULL;
        }
    };
    mix((static_cast<uint64_t>(key.inPort) << 32) | (static_cast<uint64_t>(key.ethType) << 16) |
        key.arpOp);
    mix((static_cast<uint64_t>(key.ipProto) << 24) | (static_cast<uint64_t>(key.icmpType) << 16) |
        key.icmpId);
    mix((static_cast<uint64_t>(key.ipSrc) << 32) | key.ipDst);
    mix(key.l4Dst);
    return static_cast<size_t>(h);
}

// PeArpFlowMatch

PeArpFlowMatch&
PeArpFlowMatch::SetInPort(uint32_t port)
{
    m_value.inPort = port;
    m_mask.inPort = 0xffffffff;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetEthType(uint16_t ethType)
{
    m_value.ethType = ethType;
    m_mask.ethType = 0xffff;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetArpOp(uint16_t op)
{
    m_value.arpOp = op;
    m_mask.arpOp = 0xffff;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetIpProto(uint8_t proto)
{
    m_value.ipProto = proto;
    m_mask.ipProto = 0xff;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetIpSrc(Ipv4Address address, Ipv4Mask mask)
{
    m_mask.ipSrc = mask.Get();
    m_value.ipSrc = address.Get() & m_mask.ipSrc;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetIpDst(Ipv4Address address, Ipv4Mask mask)
{
    m_mask.ipDst = mask.Get();
    m_value.ipDst = address.Get() & m_mask.ipDst;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetL4Dst(PeArpPortMask port)
{
    m_mask.l4Dst = port.GetMask();
    m_value.l4Dst = port.GetValue() & port.GetMask();
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetIcmpType(uint8_t type)
{
    m_value.icmpType = type;
    m_mask.icmpType = 0xff;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetIcmpId(uint16_t id)
{
    m_value.icmpId = id;
    m_mask.icmpId = 0xffff;
    return *this;
}

const PeArpFlowKey&
PeArpFlowMatch::GetValue() const
{
    return m_value;
}

const PeArpFlowKey&
PeArpFlowMatch::GetMask() const
{
    return m_mask;
}

bool
PeArpFlowMatch::Matches(const PeArpFlowKey& key) const
{
    return key.Masked(m_mask) == m_value;
}

std::vector<PeArpFlowMatch>
PeArpFlowMatch::ForPortRange(uint16_t low, uint16_t high, RangeEncoding encoding) const
{
    NS_ABORT_MSG_IF(low > high,
                    "PeArpFlowMatch::ForPortRange: low (" << low << ") is above high (" << high
                                                          << ")");
    std::vector<PeArpFlowMatch> matches;
    if (encoding == VALUE_MASK)
    {
        for (const PeArpPortMask& pair : PeArpPortMask::Decompose(low, high))
        {
            matches.push_back(*this);
            matches.back().SetL4Dst(pair);
        }
    }
    else
    {
        for (uint32_t port = low; port <= high; ++port)
        {
            matches.push_back(*this);
            matches.back().SetL4Dst(PeArpPortMask::Exact(static_cast<uint16_t>(port)));
        }
    }
    return matches;
}

uint32_t
PeArpFlowMatch::CountRangeEntries(uint16_t low, uint16_t high, RangeEncoding encoding)
{
    NS_ABORT_MSG_IF(low > high,
                    "PeArpFlowMatch::CountRangeEntries: low (" << low << ") is above high (" << high
                                                               << ")");
    return encoding == VALUE_MASK ? PeArpPortMask::CountEntries(low, high) : high - low + 1U;
}

bool
operator==(const PeArpFlowMatch& a, const PeArpFlowMatch& b)
{
    return a.GetValue() == b.GetValue() && a.GetMask() == b.GetMask();
}

std::ostream&
operator<<(std::ostream& os, const PeArpFlowMatch& match)
{
    const PeArpFlowKey& v = match.GetValue();
    const PeArpFlowKey& m = match.GetMask();
    bool any = false;
    auto sep = [&os, &any]() -> std::ostream& {
        os << (any ? "," : "");
        any = true;
        return os;
    };
    if (m.inPort)
    {
        sep() << "in_port=" << v.inPort;
    }
    if (m.ethType)
    {
        sep() << "dl_type=0x" << std::hex << v.ethType << std::dec;
    }
    if (m.arpOp)
    {
        sep() << "arp_op=" << v.arpOp;
    }
    if (m.ipProto)
    {
        sep() << "nw_proto=" << +v.ipProto;
    }
    if (m.ipSrc)
    {
        sep() << "nw_src=" << Ipv4Address(v.ipSrc) << Ipv4Mask(m.ipSrc);
    }
    if (m.ipDst)
    {
        sep() << "nw_dst=" << Ipv4Address(v.ipDst) << Ipv4Mask(m.ipDst);
    }
    if (m.l4Dst)
    {
        sep() << "tp_dst=" << PeArpPortMask(v.l4Dst, m.l4Dst);
    }
    if (m.icmpType)
    {
        sep() << "icmp_type=" << +v.icmpType;
    }
    if (m.icmpId)
    {
        sep() << "icmp_id=" << v.icmpId;
    }
    if (!any)
    {
        os << "*";
    }
    return os;
}

// PeArpFlowAction

PeArpFlowAction
PeArpFlowAction::Output(uint32_t port)
{
    PeArpFlowAction a;
    a.type = OUTPUT;
    a.port = port;
    return a;
}

PeArpFlowAction
PeArpFlowAction::Flood()
{
    PeArpFlowAction a;
    a.type = FLOOD;
    return a;
}

PeArpFlowAction
PeArpFlowAction::Local()
{
    PeArpFlowAction a;
    a.type = LOCAL;
    return a;
}

PeArpFlowAction
PeArpFlowAction::Controller()
{
    PeArpFlowAction a;
    a.type = CONTROLLER;
    return a;
}

PeArpFlowAction
PeArpFlowAction::Drop()
{
    return PeArpFlowAction();
}

PeArpFlowAction
PeArpFlowAction::SetDstMac(Mac48Address mac)
{
    PeArpFlowAction a;
    a.type = SET_DST_MAC;
    a.mac = mac;
    return a;
}

PeArpFlowAction
PeArpFlowAction::SetSrcMac(Mac48Address mac)
{
    PeArpFlowAction a;
    a.type = SET_SRC_MAC;
    a.mac = mac;
    return a;
}

PeArpFlowAction
PeArpFlowAction::SetArpSha(Mac48Address mac)
{
    PeArpFlowAction a;
    a.type = SET_ARP_SHA;
    a.mac = mac;
    return a;
}

PeArpFlowAction
PeArpFlowAction::SetArpTha(Mac48Address mac)
{
    PeArpFlowAction a;
    a.type = SET_ARP_THA;
    a.mac = mac;
    return a;
}

std::ostream&
operator<<(std::ostream& os, const PeArpFlowAction& action)
{
    switch (action.type)
    {
    case PeArpFlowAction::OUTPUT:
        return os << "output:" << action.port;
    case PeArpFlowAction::FLOOD:
        return os << "flood";
    case PeArpFlowAction::LOCAL:
        return os << "local";
    case PeArpFlowAction::CONTROLLER:
        return os << "controller";
    case PeArpFlowAction::DROP:
        return os << "drop";
    case PeArpFlowAction::SET_DST_MAC:
        return os << "mod_dl_dst:" << action.mac;
    case PeArpFlowAction::SET_SRC_MAC:
        return os << "mod_dl_src:" << action.mac;
    case PeArpFlowAction::SET_ARP_SHA:
        return os << "set_arp_sha:" << action.mac;
    case PeArpFlowAction::SET_ARP_THA:
        return os << "set_arp_tha:" << action.mac;
    }
    return os << "action-" << static_cast<int>(action.type);
}

// PeArpFlowEntry

uint64_t
PeArpFlowEntry::GetId() const
{
    return m_id;
}

uint64_t
PeArpFlowEntry::GetPackets() const
{
    return m_packets;
}

uint64_t
PeArpFlowEntry::GetBytes() const
{
    return m_bytes;
}

Time
PeArpFlowEntry::GetInstallTime() const
{
    return m_installed;
}

Time
PeArpFlowEntry::GetLastHit() const
{
    return m_lastHit;
}

std::ostream&
operator<<(std::ostream& os, PeArpFlowEntry::RemovedReason reason)
{
    switch (reason)
    {
    case PeArpFlowEntry::IDLE_TIMEOUT:
        return os << "idle-timeout";
    case PeArpFlowEntry::HARD_TIMEOUT:
        return os << "hard-timeout";
    case PeArpFlowEntry::DELETE:
        return os << "delete";
    }
    return os << "reason-" << static_cast<int>(reason);
}

// PeArpFlowTable

TypeId
PeArpFlowTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpFlowTable")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpFlowTable>()
            .AddAttribute("SweepInterval",
                          "How often timeouts are checked (ofswitch13's datapath timeout is "
                          "100 ms): an entry leaves within [deadline, deadline + SweepInterval].",
                          TimeValue(MilliSeconds(100)),
                          MakeTimeAccessor(&PeArpFlowTable::m_sweepInterval),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("MaxEntries",
                          "Most entries the table holds; an Add beyond it is refused and "
                          "counted (0: no limit).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpFlowTable::m_maxEntries),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("FlowRemoved",
                            "An entry left the table (idle or hard timeout, or deleted).",
                            MakeTraceSourceAccessor(&PeArpFlowTable::m_flowRemovedTrace),
                            "ns3::PeArpFlowTable::FlowRemovedTracedCallback");
    return tid;
}

PeArpFlowTable::PeArpFlowTable()
{
    NS_LOG_FUNCTION(this);
}

PeArpFlowTable::~PeArpFlowTable()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpFlowTable::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_sweepEvent.Cancel();
    m_groups.clear();
    m_order.clear();
    m_timed.clear();
    m_nEntries = 0;
    Object::DoDispose();
}

PeArpFlowTable::AddResult
PeArpFlowTable::Add(const PeArpFlowEntry& spec)
{
    NS_LOG_FUNCTION(this << spec.match << spec.priority);
    NS_ABORT_MSG_IF(spec.idleTimeout.IsStrictlyNegative(),
                    "PeArpFlowTable::Add: idleTimeout (" << spec.idleTimeout.As(Time::S)
                                                         << ") is negative");
    NS_ABORT_MSG_IF(spec.hardTimeout.IsStrictlyNegative(),
                    "PeArpFlowTable::Add: hardTimeout (" << spec.hardTimeout.As(Time::S)
                                                         << ") is negative");
    AddResult result;
    result.replaced = DeleteStrict(spec.match, spec.priority);
    if (m_maxEntries != 0 && m_nEntries >= m_maxEntries)
    {
        NS_LOG_LOGIC("table full (" << m_maxEntries << "): refused " << spec.match);
        m_counters.refused++;
        return result;
    }
    Ptr<PeArpFlowEntry> entry = Create<PeArpFlowEntry>(spec);
    entry->m_id = m_nextId++;
    entry->m_packets = 0;
    entry->m_bytes = 0;
    entry->m_installed = Simulator::Now();
    entry->m_lastHit = entry->m_installed;
    Group& group = m_groups[entry->match.GetMask()];
    group.mask = entry->match.GetMask();
    std::vector<Ptr<PeArpFlowEntry>>& bucket = group.buckets[entry->match.GetValue()];
    bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), entry, Better), entry);
    group.priorities.insert(entry->priority);
    m_orderDirty = true;
    m_nEntries++;
    m_counters.added++;
    m_counters.replaced += result.replaced ? 1 : 0;
    m_counters.peak = std::max(m_counters.peak, m_nEntries);
    if (entry->idleTimeout.IsStrictlyPositive() || entry->hardTimeout.IsStrictlyPositive())
    {
        m_timed.insert(entry);
        ScheduleSweep();
    }
    result.entry = entry;
    return result;
}

bool
PeArpFlowTable::DeleteStrict(const PeArpFlowMatch& match, uint16_t priority)
{
    auto g = m_groups.find(match.GetMask());
    if (g == m_groups.end())
    {
        return false;
    }
    auto b = g->second.buckets.find(match.GetValue());
    if (b == g->second.buckets.end())
    {
        return false;
    }
    for (const Ptr<PeArpFlowEntry>& entry : b->second)
    {
        if (entry->priority == priority)
        {
            Remove(entry, PeArpFlowEntry::DELETE);
            return true;
        }
    }
    return false;
}

uint32_t
PeArpFlowTable::DeleteByCookie(uint64_t cookie)
{
    NS_LOG_FUNCTION(this << cookie);
    std::vector<Ptr<PeArpFlowEntry>> doomed;
    for (const auto& [mask, group] : m_groups)
    {
        for (const auto& [value, bucket] : group.buckets)
        {
            for (const Ptr<PeArpFlowEntry>& entry : bucket)
            {
                if (entry->cookie == cookie)
                {
                    doomed.push_back(entry);
                }
            }
        }
    }
    for (const Ptr<PeArpFlowEntry>& entry : doomed)
    {
        Remove(entry, PeArpFlowEntry::DELETE);
    }
    return static_cast<uint32_t>(doomed.size());
}

void
PeArpFlowTable::Clear()
{
    NS_LOG_FUNCTION(this);
    std::vector<Ptr<PeArpFlowEntry>> all;
    for (const auto& [mask, group] : m_groups)
    {
        for (const auto& [value, bucket] : group.buckets)
        {
            all.insert(all.end(), bucket.begin(), bucket.end());
        }
    }
    for (const Ptr<PeArpFlowEntry>& entry : all)
    {
        Remove(entry, PeArpFlowEntry::DELETE);
    }
}

void
PeArpFlowTable::Remove(Ptr<PeArpFlowEntry> entry, PeArpFlowEntry::RemovedReason reason)
{
    NS_LOG_FUNCTION(this << entry->match << reason);
    auto g = m_groups.find(entry->match.GetMask());
    NS_ASSERT(g != m_groups.end());
    Group& group = g->second;
    auto b = group.buckets.find(entry->match.GetValue());
    NS_ASSERT(b != group.buckets.end());
    b->second.erase(std::find(b->second.begin(), b->second.end(), entry));
    if (b->second.empty())
    {
        group.buckets.erase(b);
    }
    group.priorities.erase(group.priorities.find(entry->priority));
    if (group.buckets.empty())
    {
        m_groups.erase(g);
    }
    m_orderDirty = true;
    m_timed.erase(entry);
    m_nEntries--;
    switch (reason)
    {
    case PeArpFlowEntry::IDLE_TIMEOUT:
        m_counters.idleRemoved++;
        break;
    case PeArpFlowEntry::HARD_TIMEOUT:
        m_counters.hardRemoved++;
        break;
    case PeArpFlowEntry::DELETE:
        m_counters.deleted++;
        break;
    }
    m_flowRemovedTrace(entry, reason);
}

void
PeArpFlowTable::SortGroups() const
{
    if (!m_orderDirty)
    {
        return;
    }
    m_order.clear();
    for (const auto& [mask, group] : m_groups)
    {
        m_order.push_back(&group);
    }
    std::stable_sort(m_order.begin(), m_order.end(), [](const Group* a, const Group* b) {
        return *a->priorities.rbegin() > *b->priorities.rbegin();
    });
    m_orderDirty = false;
}

Ptr<PeArpFlowEntry>
PeArpFlowTable::Search(const PeArpFlowKey& key) const
{
    SortGroups();
    Ptr<PeArpFlowEntry> best;
    m_lastProbes = 0;
    for (const Group* group : m_order)
    {
        if (best && *group->priorities.rbegin() < best->priority)
        {
            break; // no later group holds a better entry
        }
        m_lastProbes++;
        auto b = group->buckets.find(key.Masked(group->mask));
        if (b != group->buckets.end() && (!best || Better(b->second.front(), best)))
        {
            best = b->second.front();
        }
    }
    return best;
}

Ptr<PeArpFlowEntry>
PeArpFlowTable::Lookup(const PeArpFlowKey& key, uint32_t bytes)
{
    m_counters.lookups++;
    Ptr<PeArpFlowEntry> entry = Search(key);
    if (!entry)
    {
        NS_LOG_LOGIC("miss: " << key);
        m_counters.misses++;
        return nullptr;
    }
    NS_LOG_LOGIC("hit: " << key << " -> " << entry->match);
    m_counters.hits++;
    entry->m_packets++;
    entry->m_bytes += bytes;
    entry->m_lastHit = Simulator::Now();
    return entry;
}

Ptr<const PeArpFlowEntry>
PeArpFlowTable::Find(const PeArpFlowKey& key) const
{
    return Search(key);
}

uint32_t
PeArpFlowTable::GetNEntries() const
{
    return m_nEntries;
}

uint32_t
PeArpFlowTable::GetNMasks() const
{
    return static_cast<uint32_t>(m_groups.size());
}

uint32_t
PeArpFlowTable::GetLastProbes() const
{
    return m_lastProbes;
}

std::vector<Ptr<const PeArpFlowEntry>>
PeArpFlowTable::GetEntries() const
{
    std::vector<Ptr<PeArpFlowEntry>> all;
    for (const auto& [mask, group] : m_groups)
    {
        for (const auto& [value, bucket] : group.buckets)
        {
            all.insert(all.end(), bucket.begin(), bucket.end());
        }
    }
    std::sort(all.begin(), all.end(), Better);
    return std::vector<Ptr<const PeArpFlowEntry>>(all.begin(), all.end());
}

const PeArpFlowTable::Counters&
PeArpFlowTable::GetCounters() const
{
    return m_counters;
}

void
PeArpFlowTable::ScheduleSweep()
{
    if (!m_sweepEvent.IsRunning() && !m_timed.empty())
    {
        m_sweepEvent = Simulator::Schedule(m_sweepInterval, &PeArpFlowTable::Sweep, this);
    }
}

void
PeArpFlowTable::Sweep()
{
    NS_LOG_FUNCTION(this);
    Time now = Simulator::Now();
    std::vector<std::pair<Ptr<PeArpFlowEntry>, PeArpFlowEntry::RemovedReason>> expired;
    for (const Ptr<PeArpFlowEntry>& entry : m_timed)
    {
        if (entry->hardTimeout.IsStrictlyPositive() &&
            now >= entry->m_installed + entry->hardTimeout)
        {
            expired.emplace_back(entry, PeArpFlowEntry::HARD_TIMEOUT);
        }
        else if (entry->idleTimeout.IsStrictlyPositive() &&
                 now >= entry->m_lastHit + entry->idleTimeout)
        {
            expired.emplace_back(entry, PeArpFlowEntry::IDLE_TIMEOUT);
        }
    }
    // Remove in id order, so that reports do not depend on pointer values.
    std::sort(expired.begin(), expired.end(), [](const auto& a, const auto& b) {
        return a.first->GetId() < b.first->GetId();
    });
    for (const auto& [entry, reason] : expired)
    {
        Remove(entry, reason);
    }
    ScheduleSweep();
}

} // namespace ns3
