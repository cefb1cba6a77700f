/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-cache.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpCache");

NS_OBJECT_ENSURE_REGISTERED(PeArpCache);

TypeId
PeArpCache::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpCache")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpCache>()
            .AddAttribute("AliveTimeout",
                          "When this timeout expires, a resolved entry must be refreshed "
                          "by a new request.",
                          TimeValue(Seconds(120)),
                          MakeTimeAccessor(&PeArpCache::m_aliveTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("DeadTimeout",
                          "When this timeout expires, a failed resolution may be tried again.",
                          TimeValue(Seconds(100)),
                          MakeTimeAccessor(&PeArpCache::m_deadTimeout),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("WaitReplyTimeout",
                          "When this timeout expires, an unanswered request is retransmitted "
                          "(more than 0).",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpCache::m_waitReplyTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("MaxRetries",
                          "Number of retransmissions of a request before the entry is "
                          "marked dead (0 to 100).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PeArpCache::m_maxRetries),
                          MakeUintegerChecker<uint32_t>(0, 100))
            .AddAttribute("PendingQueueSize",
                          "Number of packets that may wait for one entry; on overflow the "
                          "oldest is dropped (0 to 65536).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PeArpCache::m_pendingQueueSize),
                          MakeUintegerChecker<uint32_t>(0, 65536))
            .AddAttribute("GcThreshold",
                          "Number of entries above which expired entries are collected "
                          "before a new entry is created.",
                          UintegerValue(16384),
                          MakeUintegerAccessor(&PeArpCache::m_gcThreshold),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("GcInterval",
                          "Minimum time between two collections.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&PeArpCache::m_gcInterval),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ForcedGcThreshold",
                          "Number of entries from which DEAD entries and incomplete entries "
                          "whose request went unanswered for WaitReplyTimeout are evicted, "
                          "oldest first, before a new entry is created (never permanent "
                          "entries, resolved ones, nor resolutions in their first wait).",
                          UintegerValue(32768),
                          MakeUintegerAccessor(&PeArpCache::m_forcedGcThreshold),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxEntries",
                          "Hard limit on the number of entries; new entries are refused "
                          "(and counted) beyond it.",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&PeArpCache::m_maxEntries),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxUnresolvedPerAddress",
                          "Number of incomplete entries (resolutions in progress) one address "
                          "may have; a miss beyond it is dropped and counted, without an "
                          "entry or a request.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpCache::m_maxUnresolved),
                          MakeUintegerChecker<uint32_t>(1, 65536))
            .AddAttribute("RequestRate",
                          "Refill rate, per second, of each address' token bucket. A request "
                          "for a port not resolved yet (a new resolution, or a "
                          "retransmission) takes a token, which it gives back if it is "
                          "answered; with the bucket empty a new resolution is dropped and "
                          "counted and a retransmission is not sent. Refreshes of resolved "
                          "entries take none. 0: no limit.",
                          DoubleValue(50),
                          MakeDoubleAccessor(&PeArpCache::m_requestRate),
                          MakeDoubleChecker<double>(0, 1e9))
            .AddAttribute("RequestBurst",
                          "Depth of each address' request bucket: the requests that may be "
                          "out or unanswered at once (e.g. lost while many hosts start).",
                          UintegerValue(4096),
                          MakeUintegerAccessor(&PeArpCache::m_requestBurst),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddTraceSource("Drop",
                            "A packet waiting for resolution was dropped.",
                            MakeTraceSourceAccessor(&PeArpCache::m_dropTrace),
                            "ns3::PeArpCache::DropTracedCallback")
            .AddTraceSource("EntryUpdated",
                            "An entry became alive (or permanent) with a hardware address.",
                            MakeTraceSourceAccessor(&PeArpCache::m_entryTrace),
                            "ns3::PeArpCache::EntryTracedCallback")
            .AddTraceSource("Resolved",
                            "An incomplete entry was answered: the packets that waited for it "
                            "can go. Gives the latency from its first packet.",
                            MakeTraceSourceAccessor(&PeArpCache::m_resolvedTrace),
                            "ns3::PeArpCache::ResolvedTracedCallback");
    return tid;
}

PeArpCache::PeArpCache()
    : m_interface(nullptr),
      m_owner(nullptr),
      m_size(0),
      m_nextSerial(1),
      m_lastGc(Seconds(-1000)),
      m_pendingQueueDrops(0),
      m_resolutionFailureDrops(0),
      m_resolutionFailures(0),
      m_refused(0),
      m_collected(0),
      m_evicted(0),
      m_rateLimitedRequests(0),
      m_timerEvents(0),
      m_examined(0)
{
    NS_LOG_FUNCTION(this);
    // A host's cache holds one or two addresses. Without this, libstdc++
    // gives a table 13 buckets at its first insertion (104 bytes per host);
    // it still grows as usual.
    m_table.reserve(1);
}

PeArpCache::~PeArpCache()
{
    NS_LOG_FUNCTION(this);
}

const PeArpCache::AddressEntries::Unresolved&
PeArpCache::AddressEntries::Peek() const
{
    static const Unresolved none;
    return unresolved ? *unresolved : none;
}

PeArpCache::AddressEntries::Unresolved&
PeArpCache::AddressEntries::Make()
{
    if (!unresolved)
    {
        unresolved = std::make_unique<Unresolved>();
    }
    return *unresolved;
}

bool
PeArpCache::AddressEntries::Tidy()
{
    if (unresolved && unresolved->incomplete.empty() && unresolved->dead.empty() &&
        unresolved->requesting.empty() && unresolved->deferred.empty() &&
        unresolved->refreshing.empty())
    {
        unresolved.reset();
    }
    return resolved.empty() && !unresolved;
}

std::array<PeArpCache::EntryMap*, 3>
PeArpCache::AddressEntries::Maps()
{
    if (!unresolved)
    {
        return {&resolved, nullptr, nullptr};
    }
    return {&resolved, &unresolved->incomplete, &unresolved->dead};
}

void
PeArpCache::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    for (auto& [address, entries] : m_table)
    {
        for (auto& [key, entry] : entries.resolved)
        {
            DropPending(entry.get(), DISPOSED);
        }
        for (auto& [key, entry] : entries.Peek().incomplete)
        {
            DropPending(entry.get(), DISPOSED);
        }
    }
    m_table.clear();
    m_victims.clear();
    m_buckets.clear();
    m_size = 0;
    m_deadlines = decltype(m_deadlines)();
    m_device = nullptr;
    m_interface = nullptr;
    m_owner = nullptr;
    Object::DoDispose();
}

void
PeArpCache::SetDevice(Ptr<NetDevice> device, const std::string& name)
{
    NS_LOG_FUNCTION(this << device << name);
    m_device = device;
    m_name = name;
}

Ptr<NetDevice>
PeArpCache::GetDevice() const
{
    return m_device;
}

void
PeArpCache::SetInterface(PeArpInterface* interface)
{
    NS_LOG_FUNCTION(this << interface);
    m_interface = interface;
}

PeArpInterface*
PeArpCache::GetInterface() const
{
    return m_interface;
}

std::string
PeArpCache::GetInterfaceName() const
{
    return m_name;
}

void
PeArpCache::SetOwner(Owner* owner)
{
    NS_LOG_FUNCTION(this << owner);
    m_owner = owner;
}

void
PeArpCache::NotifyDrop(Ptr<const Packet> packet, DropReason reason)
{
    m_dropTrace(packet, reason);
    if (m_owner != nullptr)
    {
        m_owner->CacheDrop(packet, reason);
    }
}

PeArpCache::Entry*
PeArpCache::Lookup(Ipv4Address address, uint16_t port)
{
    auto it = m_table.find(address.Get());
    if (it == m_table.end())
    {
        return nullptr;
    }
    auto& resolved = it->second.resolved;
    auto next = resolved.upper_bound(port);
    if (next != resolved.begin())
    {
        Entry* candidate = std::prev(next)->second.get();
        if (candidate->m_range.Contains(port))
        {
            return candidate;
        }
    }
    const AddressEntries::Unresolved& unresolved = it->second.Peek();
    const auto& dead = unresolved.dead;
    auto nextDead = dead.upper_bound(port);
    if (nextDead != dead.begin())
    {
        Entry* candidate = std::prev(nextDead)->second.get();
        if (candidate->m_range.Contains(port))
        {
            return candidate;
        }
    }
    auto incomplete = unresolved.incomplete.find(port);
    if (incomplete != unresolved.incomplete.end())
    {
        return incomplete->second.get();
    }
    return nullptr;
}

void
PeArpCache::DeclareShared(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    auto it = std::lower_bound(m_declaredShared.begin(), m_declaredShared.end(), address.Get());
    if (it == m_declaredShared.end() || *it != address.Get())
    {
        m_declaredShared.insert(it, address.Get());
    }
}

bool
PeArpCache::IsShared(Ipv4Address address) const
{
    if (std::binary_search(m_declaredShared.begin(), m_declaredShared.end(), address.Get()))
    {
        return true;
    }
    auto it = m_table.find(address.Get());
    if (it == m_table.end() || it->second.resolved.empty())
    {
        return false;
    }
    return !it->second.resolved.begin()->second->m_range.IsAll();
}

PeArpCache::Entry*
PeArpCache::FindOutstanding(Ipv4Address address, uint16_t returnPort, bool anyPort)
{
    NS_LOG_FUNCTION(this << address << returnPort << anyPort);
    auto it = m_table.find(address.Get());
    if (it == m_table.end())
    {
        return nullptr;
    }
    AddressEntries& entries = it->second;
    const AddressEntries::Unresolved& unresolved = entries.Peek();
    if (anyPort)
    {
        if (!unresolved.requesting.empty())
        {
            m_examined++;
            return unresolved.incomplete.at(*unresolved.requesting.begin()).get();
        }
        if (!unresolved.refreshing.empty())
        {
            m_examined++;
            return entries.resolved.at(*unresolved.refreshing.begin()).get();
        }
        return nullptr;
    }
    auto incomplete = unresolved.incomplete.find(returnPort);
    if (incomplete != unresolved.incomplete.end() && incomplete->second->IsWaitReply() &&
        !incomplete->second->m_deferred)
    {
        return incomplete->second.get();
    }
    auto next = entries.resolved.upper_bound(returnPort);
    if (next != entries.resolved.begin())
    {
        Entry* candidate = std::prev(next)->second.get();
        if (candidate->m_range.Contains(returnPort) && candidate->IsWaitReply() &&
            candidate->m_requestedPort == returnPort)
        {
            return candidate;
        }
    }
    return nullptr;
}

bool
PeArpCache::MakeRoom()
{
    if (m_size >= m_gcThreshold && Simulator::Now() - m_lastGc >= m_gcInterval)
    {
        Collect();
    }
    uint32_t forced = std::min(m_forcedGcThreshold, m_maxEntries);
    if (m_size >= forced)
    {
        ForcedCollect(forced);
    }
    if (m_size >= m_maxEntries)
    {
        NS_LOG_LOGIC("table full (" << m_size << " entries): entry refused");
        m_refused++;
        return false;
    }
    return true;
}

void
PeArpCache::Collect()
{
    NS_LOG_FUNCTION(this << m_size);
    m_lastGc = Simulator::Now();
    for (auto it = m_table.begin(); it != m_table.end();)
    {
        AddressEntries& entries = it->second;
        for (EntryMap* map : entries.Maps())
        {
            if (map == nullptr)
            {
                continue;
            }
            for (auto e = map->begin(); e != map->end();)
            {
                Entry* entry = e->second.get();
                if ((entry->IsAlive() || entry->IsDead()) && entry->IsExpired() &&
                    entry->m_pending.empty())
                {
                    e = map == &entries.resolved                 ? EraseResolved(entries, e)
                        : map == &entries.unresolved->incomplete ? EraseIncomplete(entries, e)
                                                                 : EraseDead(entries, e);
                    m_size--;
                    m_collected++;
                }
                else
                {
                    ++e;
                }
            }
        }
        if (entries.Tidy())
        {
            it = m_table.erase(it);
        }
        else
        {
            ++it;
        }
    }
    // A bucket that would be full again is the same as none.
    for (auto b = m_buckets.begin(); b != m_buckets.end();)
    {
        double tokens =
            b->second.tokens + (Simulator::Now() - b->second.last).GetSeconds() * m_requestRate;
        b = tokens >= m_requestBurst ? m_buckets.erase(b) : std::next(b);
    }
}

void
PeArpCache::ForcedCollect(uint32_t limit)
{
    NS_LOG_FUNCTION(this << limit << m_size << m_victims.size());
    while (m_size >= limit && !m_victims.empty())
    {
        Entry* victim = m_victims.front();
        auto tableIt = m_table.find(victim->m_address.Get());
        NS_ASSERT(tableIt != m_table.end());
        AddressEntries& entries = tableIt->second;
        NS_LOG_LOGIC("evict " << victim->m_address << ":" << victim->m_range
                              << (victim->IsDead() ? " (dead)" : " (unanswered)"));
        if (victim->m_incomplete)
        {
            DropPending(victim, EVICTED);
            EraseIncomplete(entries, entries.Make().incomplete.find(victim->m_requestedPort));
        }
        else
        {
            EraseDead(entries, entries.Make().dead.find(victim->m_range.GetLow()));
        }
        m_size--;
        m_evicted++;
        if (entries.Tidy())
        {
            m_table.erase(tableIt);
        }
    }
}

PeArpCache::Bucket&
PeArpCache::RefillBucket(Ipv4Address address)
{
    Time now = Simulator::Now();
    auto [it, created] = m_buckets.try_emplace(address.Get(), Bucket{double(m_requestBurst), now});
    Bucket& bucket = it->second;
    bucket.tokens = std::min(double(m_requestBurst),
                             bucket.tokens + (now - bucket.last).GetSeconds() * m_requestRate);
    bucket.last = now;
    return bucket;
}

bool
PeArpCache::TakeToken(Ipv4Address address)
{
    if (m_requestRate <= 0)
    {
        return true; // no limit
    }
    Bucket& bucket = RefillBucket(address);
    if (bucket.tokens < 1)
    {
        return false;
    }
    bucket.tokens -= 1;
    return true;
}

void
PeArpCache::ReturnToken(Ipv4Address address)
{
    if (m_requestRate > 0)
    {
        Bucket& bucket = RefillBucket(address);
        bucket.tokens = std::min(double(m_requestBurst), bucket.tokens + 1);
        if (bucket.tokens >= m_requestBurst)
        {
            m_buckets.erase(address.Get()); // a full bucket is the same as none
        }
    }
}

PeArpCache::Entry*
PeArpCache::AddIncomplete(Ipv4Address address,
                          uint16_t port,
                          Ptr<Packet> packet,
                          const Address& source)
{
    NS_LOG_FUNCTION(this << address << port << packet);
    auto known = m_table.find(address.Get());
    if (known != m_table.end() && known->second.Peek().incomplete.size() >= m_maxUnresolved)
    {
        NS_LOG_LOGIC(address << " has " << m_maxUnresolved << " unresolved entries -- " << port
                             << " dropped");
        NotifyDrop(packet, UNRESOLVED_LIMIT);
        return nullptr;
    }
    if (!TakeToken(address))
    {
        NS_LOG_LOGIC("no request token left for " << address << " -- " << port << " dropped");
        NotifyDrop(packet, RATE_LIMITED);
        return nullptr;
    }
    if (!MakeRoom())
    {
        ReturnToken(address);
        NotifyDrop(packet, TABLE_FULL);
        return nullptr;
    }
    AddressEntries::Unresolved& unresolved = m_table[address.Get()].Make();
    NS_ASSERT_MSG(unresolved.incomplete.find(port) == unresolved.incomplete.end(),
                  "incomplete entry already exists");
    auto entry = std::unique_ptr<Entry>(new Entry(this, address, PeArpPortRange(port, port)));
    Entry* raw = entry.get();
    raw->m_incomplete = true;
    raw->m_state = Entry::WAIT_REPLY;
    raw->m_requestedPort = port;
    raw->m_pending.push_back({packet, source});
    raw->m_holdsToken = true; // for its first request, sent now or after a deferral
    if (!unresolved.requesting.empty())
    {
        // Another request for the address is out: its reply may hold this
        // port too (e.g. the same host's range). Wait for it.
        NS_LOG_LOGIC("a request for " << address << " is outstanding: " << port
                                      << " waits for its reply");
        raw->m_deferred = true;
        unresolved.deferred.insert(port);
    }
    else
    {
        unresolved.requesting.insert(port);
    }
    unresolved.incomplete.emplace(port, std::move(entry));
    m_size++;
    ArmTimer(raw);
    return raw;
}

void
PeArpCache::MarkWaitReply(Entry* entry, uint16_t port, Ptr<Packet> packet, const Address& source)
{
    NS_LOG_FUNCTION(this << entry->m_address << entry->m_range << port);
    NS_ASSERT(entry->IsAlive() || (entry->IsDead() && entry->m_incomplete));
    UnmarkVictim(entry);
    AddressEntries::Unresolved& unresolved = m_table[entry->m_address.Get()].Make();
    if (entry->m_incomplete)
    {
        unresolved.requesting.insert(entry->m_requestedPort);
    }
    else
    {
        unresolved.refreshing.insert(entry->m_range.GetLow());
    }
    entry->m_state = Entry::WAIT_REPLY;
    entry->m_retries = 0;
    entry->m_requestedPort = port;
    entry->m_lastSeen = Simulator::Now();
    entry->m_pending.clear();
    entry->m_pending.push_back({packet, source});
    ArmTimer(entry);
}

void
PeArpCache::Enqueue(Entry* entry, Ptr<Packet> packet, const Address& source)
{
    NS_LOG_FUNCTION(this << entry->m_address << packet);
    NS_ASSERT(entry->IsWaitReply());
    if (m_pendingQueueSize == 0)
    {
        m_pendingQueueDrops++;
        NotifyDrop(packet, PENDING_QUEUE_FULL);
        return;
    }
    if (entry->m_pending.size() >= m_pendingQueueSize)
    {
        NS_LOG_LOGIC("pending queue full: dropping the oldest packet");
        m_pendingQueueDrops++;
        NotifyDrop(entry->m_pending.front().packet, PENDING_QUEUE_FULL);
        entry->m_pending.pop_front();
    }
    entry->m_pending.push_back({packet, source});
}

std::vector<uint16_t>
PeArpCache::Overlapping(const AddressEntries& entries, PeArpPortRange range)
{
    return OverlappingIn(entries.resolved, range);
}

std::vector<uint16_t>
PeArpCache::OverlappingIn(const EntryMap& resolved, PeArpPortRange range)
{
    std::vector<uint16_t> keys;
    if (range.IsAll())
    {
        for (const auto& [key, entry] : resolved)
        {
            m_examined++;
            keys.push_back(key);
        }
        return keys;
    }
    auto it = resolved.upper_bound(range.GetLow());
    if (it != resolved.begin() && std::prev(it)->second->m_range.Overlaps(range))
    {
        keys.push_back(std::prev(it)->first);
    }
    for (; it != resolved.end() && it->first <= range.GetHigh(); ++it)
    {
        m_examined++;
        keys.push_back(it->first);
    }
    return keys;
}

void
PeArpCache::TakePending(Entry* entry, PendingList& pending)
{
    pending.splice(pending.end(), entry->m_pending);
}

PeArpCache::UpdateResult
PeArpCache::Resolve(Ipv4Address address, PeArpPortRange range, Mac48Address mac)
{
    return Update(address, range, mac, Entry::ALIVE, UPDATE_LEARNED);
}

PeArpCache::Entry*
PeArpCache::AddPermanent(Ipv4Address address, PeArpPortRange range, Mac48Address mac)
{
    return Update(address, range, mac, Entry::PERMANENT, UPDATE_ADMIN).entry;
}

PeArpCache::UpdateResult
PeArpCache::Update(Ipv4Address address,
                   PeArpPortRange range,
                   Mac48Address mac,
                   Entry::State state,
                   uint32_t flags)
{
    UpdateResult result;
    result.entry = DoUpdate(address, range, mac, state, flags, result.pending, result.status);
    return result;
}

PeArpCache::Entry*
PeArpCache::DoUpdate(Ipv4Address address,
                     PeArpPortRange range,
                     Mac48Address mac,
                     Entry::State state,
                     uint32_t flags,
                     PendingList& pending,
                     UpdateStatus& outcome)
{
    NS_LOG_FUNCTION(this << address << range << mac << state << flags);
    outcome = UPDATED;
    bool admin = (flags & UPDATE_ADMIN) != 0;
    NS_ABORT_MSG_UNLESS(range.IsValid(),
                        "PeArpCache::Update: invalid port range " << range << " for " << address);
    NS_ABORT_MSG_IF(state == Entry::WAIT_REPLY,
                    "PeArpCache::Update: a resolution starts with AddIncomplete or MarkWaitReply");
    if (state == Entry::DEAD)
    {
        return Fail(address, range, outcome);
    }
    auto refuse = [this, &outcome](UpdateStatus why) -> Entry* {
        m_refused++;
        outcome = why;
        return nullptr;
    };
    if (state == Entry::PERMANENT && !admin)
    {
        NS_LOG_LOGIC("only an administrative update makes an entry permanent -- refused");
        return refuse(REFUSED_PERMANENT);
    }
    if (!admin && range.IsAll() && IsShared(address))
    {
        NS_LOG_LOGIC("learned " << address << ":0-0 at " << mac
                                << " would replace the ranges of a shared address -- refused");
        return refuse(REFUSED_RANGE_CONFLICT);
    }

    auto tableIt = m_table.find(address.Get());
    std::vector<uint16_t> overlapping;
    if (tableIt != m_table.end())
    {
        overlapping = Overlapping(tableIt->second, range);
        for (uint16_t key : overlapping)
        {
            Entry* other = tableIt->second.resolved[key].get();
            if (!other->IsPermanent())
            {
                continue;
            }
            if (!admin && other->m_range == range && other->m_mac == mac)
            {
                // Agrees with the static entry: nothing to learn, but the
                // incomplete entries it answers can now be sent.
                if (MergeIncomplete(tableIt->second, range, pending) > 0)
                {
                    ReleaseDeferred(tableIt->second);
                }
                tableIt->second.Tidy();
                outcome = CONFIRMED;
                return other;
            }
            if (!admin || (flags & UPDATE_OVERRIDE) == 0)
            {
                NS_LOG_LOGIC(address << ":" << range << " at " << mac
                                     << " overlaps the static entry " << other->m_range
                                     << " -- refused");
                return refuse(REFUSED_PERMANENT);
            }
        }
    }

    // A static entry replaces what it overlaps; their waiting packets are
    // dropped. A learned one takes them over.
    bool toStatic = state == Entry::PERMANENT;
    Entry* result = nullptr;
    if (overlapping.size() == 1 && tableIt->second.resolved[overlapping.front()]->m_range == range)
    {
        // Same range: update in place.
        result = tableIt->second.resolved[overlapping.front()].get();
        if (toStatic)
        {
            DropPending(result, SUPERSEDED_BY_STATIC);
        }
        else
        {
            TakePending(result, pending);
        }
    }
    else
    {
        if (overlapping.empty() && !admin)
        {
            // A new entry: make room unless it replaces incomplete entries.
            bool replacesIncomplete = false;
            if (tableIt != m_table.end())
            {
                const auto& incomplete = tableIt->second.Peek().incomplete;
                auto first =
                    range.IsAll() ? incomplete.begin() : incomplete.lower_bound(range.GetLow());
                if (first != incomplete.end())
                {
                    m_examined++;
                    replacesIncomplete = range.Contains(first->first);
                }
            }
            if (!replacesIncomplete && !MakeRoom())
            {
                outcome = REFUSED_TABLE_FULL;
                return nullptr;
            }
        }
        AddressEntries& entries = m_table[address.Get()];
        for (uint16_t key : overlapping)
        {
            NS_LOG_LOGIC("entry " << address << ":" << entries.resolved[key]->m_range
                                  << " superseded by " << range);
            if (toStatic)
            {
                DropPending(entries.resolved[key].get(), SUPERSEDED_BY_STATIC);
            }
            else
            {
                TakePending(entries.resolved[key].get(), pending);
            }
            EraseResolved(entries, entries.resolved.find(key));
            m_size--;
        }
        TrimDead(entries, address, range);
        auto entry = std::unique_ptr<Entry>(new Entry(this, address, range));
        result = entry.get();
        entries.resolved.emplace(range.GetLow(), std::move(entry));
        m_size++;
        tableIt = m_table.find(address.Get());
    }

    // Incomplete entries for ports of the range are answered too (or, by a
    // static entry, superseded).
    AddressEntries& entries = tableIt->second;
    uint32_t answered = 0;
    if (toStatic && entries.unresolved)
    {
        auto& incomplete = entries.unresolved->incomplete;
        auto it = range.IsAll() ? incomplete.begin() : incomplete.lower_bound(range.GetLow());
        while (it != incomplete.end() && range.Contains(it->first))
        {
            answered += entries.unresolved->requesting.count(it->first);
            DropPending(it->second.get(), SUPERSEDED_BY_STATIC);
            it = EraseIncomplete(entries, it);
            m_size--;
        }
    }
    else if (!toStatic)
    {
        answered = MergeIncomplete(entries, range, pending);
    }

    if (entries.unresolved)
    {
        entries.unresolved->refreshing.erase(result->m_range.GetLow());
    }
    result->m_state = state;
    result->m_mac = mac;
    result->m_lastSeen = Simulator::Now();
    result->m_retries = 0;
    result->m_serial = m_nextSerial++; // any armed deadline is now stale
    outcome = UPDATED;
    NotifyEntry(result);
    if (answered > 0)
    {
        ReleaseDeferred(entries);
    }
    entries.Tidy(); // holds result: never empty
    return result;
}

PeArpCache::Entry*
PeArpCache::Fail(Ipv4Address address, PeArpPortRange range, UpdateStatus& outcome)
{
    outcome = NO_ENTRY;
    auto tableIt = m_table.find(address.Get());
    if (tableIt == m_table.end())
    {
        return nullptr;
    }
    AddressEntries& entries = tableIt->second;
    Entry* entry = nullptr;
    auto resolved = entries.resolved.find(range.GetLow());
    if (resolved != entries.resolved.end() && resolved->second->m_range == range)
    {
        entry = resolved->second.get();
    }
    else if (range.GetLow() == range.GetHigh())
    {
        const EntryMap& incomplete = entries.Peek().incomplete;
        auto it = incomplete.find(range.GetLow());
        entry = it != incomplete.end() ? it->second.get() : nullptr;
    }
    if (entry == nullptr || !entry->IsWaitReply() || entry->m_deferred)
    {
        return nullptr; // nothing was asked: nothing failed
    }
    NS_LOG_LOGIC("resolution of " << address << ":" << entry->m_requestedPort
                                  << " failed -- entry dead");
    m_resolutionFailures++;
    DropPending(entry, RESOLUTION_FAILED);
    outcome = UPDATED;
    if (entry->m_incomplete && entry->m_requestedPort == 0)
    {
        // Traffic without ports: [0, 0] would read as 0-0 (all ports), so
        // this failure stays an incomplete entry of its own.
        entries.Make().requesting.erase(0);
        entry->m_state = Entry::DEAD;
        entry->m_lastSeen = Simulator::Now();
        entry->m_serial = m_nextSerial++;
        MarkVictim(entry);
        return entry;
    }
    PeArpPortRange failed = entry->m_incomplete
                                ? PeArpPortRange(entry->m_requestedPort, entry->m_requestedPort)
                                : entry->m_range;
    if (entry->m_incomplete)
    {
        EraseIncomplete(entries, entries.Make().incomplete.find(entry->m_requestedPort));
    }
    else
    {
        EraseResolved(entries, entries.resolved.find(entry->m_range.GetLow()));
    }
    m_size--;
    AddDead(entries, address, failed);
    return Lookup(address, failed.GetLow());
}

void
PeArpCache::AddDead(AddressEntries& entries, Ipv4Address address, PeArpPortRange range)
{
    NS_LOG_FUNCTION(this << address << range);
    auto& dead = entries.Make().dead;
    Entry* merged = nullptr;
    if (!range.IsAll())
    {
        auto right = dead.upper_bound(range.GetLow());
        if (right != dead.begin())
        {
            Entry* left = std::prev(right)->second.get();
            if (!left->m_range.IsAll() && left->m_range.GetHigh() + 1 == range.GetLow())
            {
                left->m_range = PeArpPortRange(left->m_range.GetLow(), range.GetHigh());
                merged = left;
            }
        }
        if (right != dead.end() && range.GetHigh() < 65535 && right->first == range.GetHigh() + 1 &&
            !right->second->m_range.IsAll())
        {
            uint16_t high = right->second->m_range.GetHigh();
            if (merged != nullptr)
            {
                EraseDead(entries, right);
                m_size--;
                merged->m_range = PeArpPortRange(merged->m_range.GetLow(), high);
            }
            else
            {
                auto node = dead.extract(right);
                node.key() = range.GetLow();
                merged = node.mapped().get();
                merged->m_range = PeArpPortRange(range.GetLow(), high);
                dead.insert(std::move(node));
            }
        }
    }
    if (merged == nullptr)
    {
        auto entry = std::unique_ptr<Entry>(new Entry(this, address, range));
        merged = entry.get();
        dead.emplace(range.GetLow(), std::move(entry));
        m_size++;
    }
    else
    {
        NS_LOG_LOGIC("dead ranges of " << address << " merged into " << merged->m_range);
    }
    merged->m_state = Entry::DEAD;
    merged->m_lastSeen = Simulator::Now();
    merged->m_serial = m_nextSerial++;
    MarkVictim(merged); // the youngest victim now
}

void
PeArpCache::TrimDead(AddressEntries& entries, Ipv4Address address, PeArpPortRange range)
{
    if (!entries.unresolved)
    {
        return;
    }
    EntryMap& dead = entries.unresolved->dead;
    for (uint16_t key : OverlappingIn(dead, range))
    {
        auto it = dead.find(key);
        PeArpPortRange was = it->second->m_range;
        Time seen = it->second->m_lastSeen;
        EraseDead(entries, it);
        m_size--;
        if (range.IsAll() || was.IsAll())
        {
            continue;
        }
        NS_LOG_LOGIC("dead range " << address << ":" << was << " trimmed by " << range);
        if (was.GetLow() < range.GetLow())
        {
            auto left = std::unique_ptr<Entry>(
                new Entry(this, address, PeArpPortRange(was.GetLow(), range.GetLow() - 1)));
            left->m_state = Entry::DEAD;
            left->m_lastSeen = seen;
            MarkVictim(left.get());
            dead.emplace(was.GetLow(), std::move(left));
            m_size++;
        }
        if (was.GetHigh() > range.GetHigh())
        {
            uint16_t low = range.GetHigh() + 1;
            auto right = std::unique_ptr<Entry>(
                new Entry(this, address, PeArpPortRange(low, was.GetHigh())));
            right->m_state = Entry::DEAD;
            right->m_lastSeen = seen;
            MarkVictim(right.get());
            dead.emplace(low, std::move(right));
            m_size++;
        }
    }
}

PeArpCache::EntryMap::iterator
PeArpCache::EraseDead(AddressEntries& entries, EntryMap::iterator it)
{
    UnmarkVictim(it->second.get());
    return entries.unresolved->dead.erase(it);
}

void
PeArpCache::MarkVictim(Entry* entry)
{
    UnmarkVictim(entry);
    entry->m_victimIt = m_victims.insert(m_victims.end(), entry);
    entry->m_victim = true;
}

void
PeArpCache::UnmarkVictim(Entry* entry)
{
    if (entry->m_victim)
    {
        m_victims.erase(entry->m_victimIt);
        entry->m_victim = false;
    }
}

bool
PeArpCache::Remove(Ipv4Address address, PeArpPortRange range)
{
    NS_LOG_FUNCTION(this << address << range);
    auto it = m_table.find(address.Get());
    if (it == m_table.end())
    {
        return false;
    }
    AddressEntries& entries = it->second;
    auto e = entries.resolved.find(range.GetLow());
    EntryMap::iterator d;
    if (e != entries.resolved.end() && e->second->m_range == range)
    {
        DropPending(e->second.get(), DISPOSED);
        EraseResolved(entries, e);
    }
    else if (entries.unresolved &&
             (d = entries.unresolved->dead.find(range.GetLow())) !=
                 entries.unresolved->dead.end() &&
             d->second->m_range == range)
    {
        EraseDead(entries, d);
    }
    else
    {
        return false;
    }
    m_size--;
    if (entries.Tidy())
    {
        m_table.erase(it);
    }
    return true;
}

void
PeArpCache::Flush()
{
    NS_LOG_FUNCTION(this);
    for (auto it = m_table.begin(); it != m_table.end();)
    {
        AddressEntries& entries = it->second;
        for (EntryMap* map : entries.Maps())
        {
            if (map == nullptr)
            {
                continue;
            }
            for (auto e = map->begin(); e != map->end();)
            {
                if (e->second->IsPermanent())
                {
                    ++e;
                    continue;
                }
                DropPending(e->second.get(), DISPOSED);
                e = map == &entries.resolved                 ? EraseResolved(entries, e)
                    : map == &entries.unresolved->incomplete ? EraseIncomplete(entries, e)
                                                             : EraseDead(entries, e);
                m_size--;
            }
        }
        if (entries.Tidy())
        {
            it = m_table.erase(it);
        }
        else
        {
            ++it;
        }
    }
}

uint32_t
PeArpCache::GetSize() const
{
    return m_size;
}

std::vector<const PeArpCache::Entry*>
PeArpCache::GetEntries() const
{
    std::vector<const Entry*> all;
    all.reserve(m_size);
    for (const auto& [address, entries] : m_table)
    {
        for (const auto& [key, entry] : entries.resolved)
        {
            all.push_back(entry.get());
        }
        for (const auto& [key, entry] : entries.Peek().incomplete)
        {
            all.push_back(entry.get());
        }
        for (const auto& [key, entry] : entries.Peek().dead)
        {
            all.push_back(entry.get());
        }
    }
    std::sort(all.begin(), all.end(), [](const Entry* a, const Entry* b) {
        if (a->m_address != b->m_address)
        {
            return a->m_address < b->m_address;
        }
        if (a->m_range.GetLow() != b->m_range.GetLow())
        {
            return a->m_range.GetLow() < b->m_range.GetLow();
        }
        return a->m_incomplete < b->m_incomplete;
    });
    return all;
}

void
PeArpCache::Print(std::ostream& os) const
{
    // Columns as Linux arp -n; a separating space is kept when an address
    // (e.g. 192.168.100.200:10000-19999) is wider than its column.
    os << std::left << std::setw(24) << "Address" << ' ' << std::setw(8) << "HWtype"
       << std::setw(20) << "HWaddress"
       << "Iface" << std::endl;
    for (const Entry* entry : GetEntries())
    {
        std::ostringstream address;
        address << entry->m_address << ":" << entry->m_range;
        os << std::left << std::setw(24) << address.str() << ' ';
        if (entry->IsAlive() || entry->IsPermanent() ||
            (entry->IsWaitReply() && !entry->m_incomplete))
        {
            std::ostringstream mac;
            mac << entry->m_mac;
            os << std::setw(8) << "ether" << std::setw(20) << mac.str();
        }
        else
        {
            os << std::setw(8) << "" << std::setw(20) << "(incomplete)";
        }
        os << m_name << std::endl;
    }
    os << std::right;
}

void
PeArpCache::ArmTimer(Entry* entry)
{
    entry->m_serial = m_nextSerial++;
    m_deadlines.push(
        Deadline{Simulator::Now() + m_waitReplyTimeout,
                 entry->m_address,
                 entry->m_incomplete,
                 entry->m_incomplete ? entry->m_requestedPort : entry->m_range.GetLow(),
                 entry->m_serial});
    Reschedule();
}

void
PeArpCache::Reschedule()
{
    if (m_deadlines.empty())
    {
        return;
    }
    Time head = m_deadlines.top().when;
    if (m_timer.IsRunning() && TimeStep(m_timer.GetTs()) <= head)
    {
        return;
    }
    m_timer.Cancel();
    m_timerEvents++;
    m_timer =
        Simulator::Schedule(head - Simulator::Now(), &PeArpCache::HandleWaitReplyTimeout, this);
}

PeArpCache::Entry*
PeArpCache::FindByDeadline(const Deadline& deadline)
{
    auto it = m_table.find(deadline.address.Get());
    if (it == m_table.end())
    {
        return nullptr;
    }
    const EntryMap& map = deadline.incomplete ? it->second.Peek().incomplete : it->second.resolved;
    auto e = map.find(deadline.key);
    if (e == map.end() || e->second->m_serial != deadline.serial)
    {
        return nullptr;
    }
    return e->second.get();
}

void
PeArpCache::HandleWaitReplyTimeout()
{
    NS_LOG_FUNCTION(this);
    Time now = Simulator::Now();
    while (!m_deadlines.empty() && m_deadlines.top().when <= now)
    {
        Deadline deadline = m_deadlines.top();
        m_deadlines.pop();
        Entry* entry = FindByDeadline(deadline);
        if (entry == nullptr || !entry->IsWaitReply())
        {
            continue; // stale: resolved, removed or re-armed since
        }
        if (entry->m_deferred)
        {
            NS_LOG_LOGIC("no answer to the request " << entry->m_address << ":"
                                                     << entry->m_requestedPort
                                                     << " waited for -- its own request");
            StartRequest(m_table[entry->m_address.Get()], entry);
            continue;
        }
        // The token of the request that went unanswered is spent (an answer
        // would have given it back).
        entry->m_holdsToken = false;
        if (entry->m_retries < m_maxRetries)
        {
            entry->m_retries++;
            NS_LOG_LOGIC("no reply for " << entry->m_address << ":" << entry->m_requestedPort
                                         << " -- retransmission " << entry->m_retries);
            entry->m_serial = m_nextSerial++;
            m_deadlines.push(Deadline{now + m_waitReplyTimeout,
                                      entry->m_address,
                                      deadline.incomplete,
                                      deadline.key,
                                      entry->m_serial});
            if (entry->m_incomplete)
            {
                if (entry->m_retries == 1)
                {
                    MarkVictim(entry); // unanswered: evictable under pressure
                }
                if (!TakeToken(entry->m_address))
                {
                    NS_LOG_LOGIC("no request token left for " << entry->m_address
                                                              << " -- retransmission skipped");
                    m_rateLimitedRequests++;
                    continue;
                }
                entry->m_holdsToken = true;
            }
            if (m_owner != nullptr)
            {
                m_owner->CacheRequest(this, entry->m_address, entry->m_requestedPort);
            }
        }
        else
        {
            PeArpPortRange range =
                entry->m_incomplete ? PeArpPortRange(entry->m_requestedPort, entry->m_requestedPort)
                                    : entry->m_range;
            Update(entry->m_address, range, Mac48Address(), Entry::DEAD, UPDATE_LEARNED);
        }
    }
    if (m_deadlines.empty())
    {
        m_deadlines = decltype(m_deadlines)(); // a host's cache waits rarely: give the heap back
    }
    Reschedule();
}

PeArpCache::EntryMap::iterator
PeArpCache::EraseIncomplete(AddressEntries& entries, EntryMap::iterator it)
{
    Entry* entry = it->second.get();
    AddressEntries::Unresolved& unresolved = *entries.unresolved;
    UnmarkVictim(entry);
    if (entry->m_deferred)
    {
        unresolved.deferred.erase(it->first);
    }
    else if (entry->IsWaitReply())
    {
        NS_ASSERT(unresolved.requesting.count(it->first) == 1);
        unresolved.requesting.erase(it->first);
    }
    return unresolved.incomplete.erase(it);
}

PeArpCache::EntryMap::iterator
PeArpCache::EraseResolved(AddressEntries& entries, EntryMap::iterator it)
{
    UnmarkVictim(it->second.get());
    if (entries.unresolved)
    {
        entries.unresolved->refreshing.erase(it->first);
    }
    return entries.resolved.erase(it);
}

uint32_t
PeArpCache::MergeIncomplete(AddressEntries& entries, PeArpPortRange range, PendingList& pending)
{
    uint32_t answered = 0;
    if (!entries.unresolved)
    {
        return 0;
    }
    auto& incomplete = entries.unresolved->incomplete;
    auto it = range.IsAll() ? incomplete.begin() : incomplete.lower_bound(range.GetLow());
    while (it != incomplete.end() && range.Contains(it->first))
    {
        m_examined++;
        if (it->second->IsWaitReply() && !it->second->m_deferred)
        {
            answered++;
        }
        if (it->second->m_holdsToken)
        {
            ReturnToken(it->second->m_address); // answered: the request costs nothing
        }
        if (!it->second->m_pending.empty())
        {
            m_resolvedTrace(it->second->m_address,
                            it->first,
                            Simulator::Now() - it->second->m_created);
        }
        TakePending(it->second.get(), pending);
        it = EraseIncomplete(entries, it);
        m_size--;
    }
    return answered;
}

void
PeArpCache::ReleaseDeferred(AddressEntries& entries)
{
    if (!entries.unresolved)
    {
        return;
    }
    std::set<uint16_t> deferred;
    deferred.swap(entries.unresolved->deferred);
    for (uint16_t port : deferred)
    {
        auto it = entries.unresolved->incomplete.find(port);
        if (it == entries.unresolved->incomplete.end())
        {
            continue;
        }
        Entry* entry = it->second.get();
        NS_LOG_LOGIC("the reply did not hold " << entry->m_address << ":" << port
                                               << " -- its own request");
        entry->m_deferred = false; // already out of the deferred set
        StartRequest(entries, entry);
    }
}

void
PeArpCache::StartRequest(AddressEntries& entries, Entry* entry)
{
    NS_ASSERT(entry->m_incomplete && entry->IsWaitReply());
    AddressEntries::Unresolved& unresolved = entries.Make();
    if (entry->m_deferred)
    {
        unresolved.deferred.erase(entry->m_requestedPort);
        entry->m_deferred = false;
    }
    unresolved.requesting.insert(entry->m_requestedPort);
    ArmTimer(entry);
    if (m_owner != nullptr)
    {
        m_owner->CacheRequest(this, entry->m_address, entry->m_requestedPort);
    }
}

void
PeArpCache::DropPending(Entry* entry, DropReason reason)
{
    for (const PendingPacket& pending : entry->m_pending)
    {
        if (reason == RESOLUTION_FAILED)
        {
            m_resolutionFailureDrops++;
        }
        NotifyDrop(pending.packet, reason);
    }
    entry->m_pending.clear();
}

void
PeArpCache::NotifyEntry(const Entry* entry)
{
    m_entryTrace(entry->m_address, entry->m_range, entry->m_mac);
}

uint64_t
PeArpCache::GetPendingQueueDrops() const
{
    return m_pendingQueueDrops;
}

uint64_t
PeArpCache::GetResolutionFailureDrops() const
{
    return m_resolutionFailureDrops;
}

uint64_t
PeArpCache::GetResolutionFailures() const
{
    return m_resolutionFailures;
}

uint64_t
PeArpCache::GetRefusedEntries() const
{
    return m_refused;
}

uint64_t
PeArpCache::GetCollectedEntries() const
{
    return m_collected;
}

uint64_t
PeArpCache::GetEvictedEntries() const
{
    return m_evicted;
}

uint64_t
PeArpCache::GetRateLimitedRequests() const
{
    return m_rateLimitedRequests;
}

uint64_t
PeArpCache::GetTimerEvents() const
{
    return m_timerEvents;
}

uint64_t
PeArpCache::GetExaminedEntries() const
{
    return m_examined;
}

Time
PeArpCache::GetAliveTimeout() const
{
    return m_aliveTimeout;
}

Time
PeArpCache::GetDeadTimeout() const
{
    return m_deadTimeout;
}

Time
PeArpCache::GetWaitReplyTimeout() const
{
    return m_waitReplyTimeout;
}

// Entry

PeArpCache::Entry::Entry(PeArpCache* cache, Ipv4Address address, PeArpPortRange range)
    : m_cache(cache),
      m_address(address),
      m_range(range),
      m_state(ALIVE),
      m_incomplete(false),
      m_deferred(false),
      m_victim(false),
      m_holdsToken(false),
      m_lastSeen(Simulator::Now()),
      m_created(Simulator::Now()),
      m_retries(0),
      m_requestedPort(0),
      m_serial(0)
{
}

Ipv4Address
PeArpCache::Entry::GetIpv4Address() const
{
    return m_address;
}

PeArpPortRange
PeArpCache::Entry::GetRange() const
{
    return m_range;
}

Mac48Address
PeArpCache::Entry::GetMacAddress() const
{
    return m_mac;
}

PeArpCache::Entry::State
PeArpCache::Entry::GetState() const
{
    return m_state;
}

bool
PeArpCache::Entry::IsWaitReply() const
{
    return m_state == WAIT_REPLY;
}

bool
PeArpCache::Entry::IsAlive() const
{
    return m_state == ALIVE;
}

bool
PeArpCache::Entry::IsDead() const
{
    return m_state == DEAD;
}

bool
PeArpCache::Entry::IsPermanent() const
{
    return m_state == PERMANENT;
}

bool
PeArpCache::Entry::IsIncomplete() const
{
    return m_incomplete;
}

bool
PeArpCache::Entry::IsDeferred() const
{
    return m_deferred;
}

bool
PeArpCache::Entry::IsExpired() const
{
    Time age = Simulator::Now() - m_lastSeen;
    switch (m_state)
    {
    case ALIVE:
        return age >= m_cache->m_aliveTimeout;
    case DEAD:
        return age >= m_cache->m_deadTimeout;
    default:
        return false;
    }
}

uint32_t
PeArpCache::Entry::GetRetries() const
{
    return m_retries;
}

uint16_t
PeArpCache::Entry::GetRequestedPort() const
{
    return m_requestedPort;
}

uint32_t
PeArpCache::Entry::GetPendingSize() const
{
    return static_cast<uint32_t>(m_pending.size());
}

std::ostream&
operator<<(std::ostream& os, PeArpCache::DropReason reason)
{
    switch (reason)
    {
    case PeArpCache::PENDING_QUEUE_FULL:
        return os << "pending-queue-full";
    case PeArpCache::RESOLUTION_FAILED:
        return os << "resolution-failed";
    case PeArpCache::TABLE_FULL:
        return os << "table-full";
    case PeArpCache::SUPERSEDED_BY_STATIC:
        return os << "superseded-by-static";
    case PeArpCache::DISPOSED:
        return os << "disposed";
    case PeArpCache::UNRESOLVED_LIMIT:
        return os << "unresolved-limit";
    case PeArpCache::RATE_LIMITED:
        return os << "rate-limited";
    case PeArpCache::EVICTED:
        return os << "evicted";
    }
    return os << "unknown";
}

} // namespace ns3
