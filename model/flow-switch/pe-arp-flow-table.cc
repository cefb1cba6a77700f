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
#include <iterator>
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

const uint32_t PORT_SPACE_END = 65536; //!< one past the highest port

/**
 * \param segments an interval map
 * \param x a port (or PORT_SPACE_END)
 * Make x the first port of a segment, copying the entries of the segment it is in.
 */
void
SplitAt(std::map<uint32_t, std::vector<Ptr<PeArpFlowEntry>>>& segments, uint32_t x)
{
    auto it = segments.upper_bound(x);
    --it;
    if (it->first != x)
    {
        segments.emplace_hint(std::next(it), x, it->second);
    }
}

/**
 * \param segments an interval map
 * \param x a segment's first port: merged into the one before it if they hold
 * the same entries (0 and PORT_SPACE_END stay)
 */
void
MergeAt(std::map<uint32_t, std::vector<Ptr<PeArpFlowEntry>>>& segments, uint32_t x)
{
    auto it = segments.find(x);
    if (x == 0 || x == PORT_SPACE_END || it == segments.end())
    {
        return;
    }
    if (std::prev(it)->second == it->second)
    {
        segments.erase(it);
    }
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
    m_range = false;
    m_l4Low = 0;
    m_l4High = 65535;
    return *this;
}

PeArpFlowMatch&
PeArpFlowMatch::SetL4DstRange(uint16_t low, uint16_t high)
{
    NS_ABORT_MSG_IF(low > high,
                    "PeArpFlowMatch::SetL4DstRange: low (" << low << ") is above high (" << high
                                                           << ")");
    m_mask.l4Dst = 0;
    m_value.l4Dst = 0;
    m_range = true;
    m_l4Low = low;
    m_l4High = high;
    return *this;
}

bool
PeArpFlowMatch::HasL4DstRange() const
{
    return m_range;
}

uint16_t
PeArpFlowMatch::GetL4DstLow() const
{
    return m_l4Low;
}

uint16_t
PeArpFlowMatch::GetL4DstHigh() const
{
    return m_l4High;
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
    return key.Masked(m_mask) == m_value &&
           (!m_range || (key.l4Dst >= m_l4Low && key.l4Dst <= m_l4High));
}

std::vector<PeArpFlowMatch>
PeArpFlowMatch::ForPortRange(uint16_t low, uint16_t high, RangeEncoding encoding) const
{
    NS_ABORT_MSG_IF(low > high,
                    "PeArpFlowMatch::ForPortRange: low (" << low << ") is above high (" << high
                                                          << ")");
    std::vector<PeArpFlowMatch> matches;
    if (encoding == RANGE)
    {
        matches.push_back(*this);
        matches.back().SetL4DstRange(low, high);
    }
    else if (encoding == VALUE_MASK)
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
    switch (encoding)
    {
    case VALUE_MASK:
        return PeArpPortMask::CountEntries(low, high);
    case EXACT_PER_PORT:
        return high - low + 1U;
    case RANGE:
        return 1;
    }
    return 0;
}

bool
operator==(const PeArpFlowMatch& a, const PeArpFlowMatch& b)
{
    return a.GetValue() == b.GetValue() && a.GetMask() == b.GetMask() &&
           a.HasL4DstRange() == b.HasL4DstRange() && a.GetL4DstLow() == b.GetL4DstLow() &&
           a.GetL4DstHigh() == b.GetL4DstHigh();
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
    if (match.HasL4DstRange())
    {
        sep() << "tp_dst=" << match.GetL4DstLow() << ":" << match.GetL4DstHigh();
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
    Group& group = m_groups[GroupKey(entry->match.GetMask(), entry->match.HasL4DstRange())];
    group.mask = entry->match.GetMask();
    group.range = entry->match.HasL4DstRange();
    std::vector<Ptr<PeArpFlowEntry>>& bucket = group.buckets[entry->match.GetValue()];
    bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), entry, Better), entry);
    if (group.range)
    {
        auto [it, fresh] = group.segments.try_emplace(entry->match.GetValue());
        Segments& segments = it->second;
        if (fresh)
        {
            segments[0];
            segments[PORT_SPACE_END];
        }
        uint32_t low = entry->match.GetL4DstLow();
        uint32_t end = entry->match.GetL4DstHigh() + 1U;
        SplitAt(segments, low);
        SplitAt(segments, end);
        for (auto s = segments.find(low); s->first != end; ++s)
        {
            s->second.insert(std::upper_bound(s->second.begin(), s->second.end(), entry, Better),
                             entry);
        }
    }
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
    auto g = m_groups.find(GroupKey(match.GetMask(), match.HasL4DstRange()));
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
        if (entry->priority == priority && entry->match == match)
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
    auto g = m_groups.find(GroupKey(entry->match.GetMask(), entry->match.HasL4DstRange()));
    NS_ASSERT(g != m_groups.end());
    Group& group = g->second;
    auto b = group.buckets.find(entry->match.GetValue());
    NS_ASSERT(b != group.buckets.end());
    b->second.erase(std::find(b->second.begin(), b->second.end(), entry));
    if (group.range)
    {
        Segments& segments = group.segments[entry->match.GetValue()];
        uint32_t low = entry->match.GetL4DstLow();
        uint32_t end = entry->match.GetL4DstHigh() + 1U;
        for (auto s = segments.find(low); s->first != end; ++s)
        {
            s->second.erase(std::find(s->second.begin(), s->second.end(), entry));
        }
        MergeAt(segments, end);
        MergeAt(segments, low);
        if (b->second.empty())
        {
            group.segments.erase(entry->match.GetValue());
        }
    }
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
        Ptr<PeArpFlowEntry> candidate;
        if (group->range)
        {
            auto v = group->segments.find(key.Masked(group->mask));
            if (v != group->segments.end())
            {
                auto s = std::prev(v->second.upper_bound(key.l4Dst));
                candidate = s->second.empty() ? nullptr : s->second.front();
            }
        }
        else
        {
            auto b = group->buckets.find(key.Masked(group->mask));
            candidate = b == group->buckets.end() ? nullptr : b->second.front();
        }
        if (candidate && (!best || Better(candidate, best)))
        {
            best = candidate;
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
