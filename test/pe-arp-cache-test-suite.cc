/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of the PE-ARP table (PeArpCache): lookup by (address,
 * port) over disjoint port ranges, resolution and merging of incomplete
 * entries, static entries, pending queues, the shared retransmission timer,
 * timeouts, table limits, garbage collection, Flush and the `arp -n` printout
 * of the PE-ARP paper (Figure 3).
 *
 * A cache needs no node: each test creates one with SetDevice(nullptr, "eth1")
 * and drives it from events scheduled in DoRun.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/double.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <list>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpCacheTestSuite");

namespace
{

/**
 * \param packets packets
 * \return their uids, space separated (for readable comparisons)
 */
std::string
Uids(const std::list<Ptr<Packet>>& packets)
{
    std::ostringstream oss;
    for (const auto& p : packets)
    {
        oss << p->GetUid() << " ";
    }
    return oss.str();
}

/**
 * \param pending packets handed back by a cache
 * \return their uids, space separated
 */
std::string
Uids(const PeArpCache::PendingList& pending)
{
    std::ostringstream oss;
    for (const auto& p : pending)
    {
        oss << p.packet->GetUid() << " ";
    }
    return oss.str();
}

/**
 * \param address an address
 * \param port a port
 * \return "address:port"
 */
std::string
Key(Ipv4Address address, uint16_t port)
{
    std::ostringstream oss;
    oss << address << ":" << port;
    return oss.str();
}

/**
 * \param cache a cache
 * \param address an address
 * \param port a port
 * \return the MAC of the entry Lookup finds, or ff:ff:ff:ff:ff:ff if none
 */
Mac48Address
MacAt(Ptr<PeArpCache> cache, Ipv4Address address, uint16_t port)
{
    PeArpCache::Entry* entry = cache->Lookup(address, port);
    return entry != nullptr ? entry->GetMacAddress() : Mac48Address("ff:ff:ff:ff:ff:ff");
}

/**
 * \param cache a cache
 * \param address an address
 * \param port a port
 * \return the state of the entry Lookup finds ("WAIT_REPLY", "ALIVE", "DEAD",
 *         "PERMANENT"), or "none"
 */
std::string
StateAt(Ptr<PeArpCache> cache, Ipv4Address address, uint16_t port)
{
    PeArpCache::Entry* entry = cache->Lookup(address, port);
    if (entry == nullptr)
    {
        return "none";
    }
    switch (entry->GetState())
    {
    case PeArpCache::Entry::WAIT_REPLY:
        return "WAIT_REPLY";
    case PeArpCache::Entry::ALIVE:
        return "ALIVE";
    case PeArpCache::Entry::DEAD:
        return "DEAD";
    case PeArpCache::Entry::PERMANENT:
        return "PERMANENT";
    }
    return "?";
}

/**
 * \ingroup pe-arp-tests
 * \brief Disposes a cache and destroys the simulator at the end of a test
 * scenario, also when the test returns early after a failed assertion.
 */
class ScenarioCleanup
{
  public:
    /**
     * \param cache the cache of the scenario
     */
    explicit ScenarioCleanup(Ptr<PeArpCache> cache)
        : m_cache(cache)
    {
    }

    ~ScenarioCleanup()
    {
        m_cache->Dispose();
        Simulator::Destroy();
    }

    ScenarioCleanup(const ScenarioCleanup&) = delete;
    ScenarioCleanup& operator=(const ScenarioCleanup&) = delete;

  private:
    Ptr<PeArpCache> m_cache; //!< the cache
};

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief Base of the cache tests: creates caches and records their Drop
 * trace and their retransmission requests.
 */
class PeArpCacheTestCase : public TestCase, public PeArpCache::Owner
{
  protected:
    /**
     * \param name the test case name
     */
    explicit PeArpCacheTestCase(std::string name);

    /** A packet dropped by a cache. */
    struct Drop
    {
        uint64_t uid;                  //!< packet uid
        PeArpCache::DropReason reason; //!< reason
        Time time;                     //!< when
    };

    /** A retransmission request made by a cache. */
    struct Request
    {
        Ipv4Address address; //!< address asked for
        uint16_t port;       //!< port asked for
        Time time;           //!< when
    };

    /**
     * \return a new cache for interface "eth1", traced
     */
    Ptr<PeArpCache> CreateCache();
    /**
     * Drop trace sink.
     * \param packet the packet
     * \param reason the reason
     */
    void OnDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason);
    /**
     * The owner's request: recorded.
     * \param cache the cache
     * \param address the address
     * \param port the port
     */
    void CacheRequest(Ptr<PeArpCache> cache, Ipv4Address address, uint16_t port) override;
    /**
     * The owner's drop: recorded apart from the trace's.
     * \param packet the packet
     * \param reason the reason
     */
    void CacheDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason) override;

    std::vector<Drop> m_drops;       //!< drops seen by the Drop trace, in order
    std::vector<Drop> m_ownerDrops;  //!< drops reported to the owner, in order
    std::vector<Request> m_requests; //!< retransmission requests, in order
};

PeArpCacheTestCase::PeArpCacheTestCase(std::string name)
    : TestCase(name)
{
}

Ptr<PeArpCache>
PeArpCacheTestCase::CreateCache()
{
    Ptr<PeArpCache> cache = CreateObject<PeArpCache>();
    cache->SetDevice(nullptr, "eth1");
    cache->TraceConnectWithoutContext("Drop", MakeCallback(&PeArpCacheTestCase::OnDrop, this));
    cache->SetOwner(this);
    return cache;
}

void
PeArpCacheTestCase::OnDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason)
{
    m_drops.push_back({packet->GetUid(), reason, Simulator::Now()});
}

void
PeArpCacheTestCase::CacheDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason)
{
    m_ownerDrops.push_back({packet->GetUid(), reason, Simulator::Now()});
}

void
PeArpCacheTestCase::CacheRequest(Ptr<PeArpCache> cache, Ipv4Address address, uint16_t port)
{
    m_requests.push_back({address, port, Simulator::Now()});
}

/**
 * \ingroup pe-arp-tests
 * \brief Lookup of (address, port) over disjoint ranges, 0-0 entries, port 0
 * and IsShared.
 */
class PeArpCacheLookupTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheLookupTestCase();

  private:
    void DoRun() override;
};

PeArpCacheLookupTestCase::PeArpCacheLookupTestCase()
    : PeArpCacheTestCase("Lookup: disjoint ranges and their boundaries, 0-0, port 0, IsShared")
{
}

void
PeArpCacheLookupTestCase::DoRun()
{
    Ipv4Address shared("192.35.162.2");
    Ipv4Address whole("198.108.63.1");
    Ipv4Address low("10.0.0.3");
    Ipv4Address unknown("10.0.0.9");
    Mac48Address macA("00:0c:29:9e:8c:ee");
    Mac48Address macB("00:0c:29:39:44:ab");
    Mac48Address macC("00:0c:29:00:00:0c");
    Mac48Address macW("00:12:7f:c4:38:d3");
    Mac48Address macL("00:12:7f:00:00:0f");

    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    Simulator::Schedule(Seconds(1), [&]() {
        PeArpCache::PendingList pending;
        // Inserted out of order on purpose.
        Learn(c, shared, PeArpPortRange(3000, 3999), macB, pending);
        Learn(c, shared, PeArpPortRange(4000, 4999), macC, pending);
        Learn(c, shared, PeArpPortRange(2000, 2999), macA, pending);
        Learn(c, whole, PeArpPortRange(0, 0), macW, pending);
        Learn(c, low, PeArpPortRange(0, 999), macL, pending);
        NS_TEST_EXPECT_MSG_EQ(pending.size(), 0U, "nothing was pending");
    });
    Simulator::Run();

    NS_TEST_ASSERT_MSG_EQ(c->GetSize(), 5U, "five entries");

    // Disjoint ranges of a shared address: each boundary.
    struct
    {
        uint16_t port;
        bool found;
        Mac48Address mac;
        PeArpPortRange range;
    } const expected[] = {
        {0, false, Mac48Address(), PeArpPortRange()},
        {1999, false, Mac48Address(), PeArpPortRange()},
        {2000, true, macA, PeArpPortRange(2000, 2999)},
        {2500, true, macA, PeArpPortRange(2000, 2999)},
        {2999, true, macA, PeArpPortRange(2000, 2999)},
        {3000, true, macB, PeArpPortRange(3000, 3999)},
        {3999, true, macB, PeArpPortRange(3000, 3999)},
        {4000, true, macC, PeArpPortRange(4000, 4999)},
        {4999, true, macC, PeArpPortRange(4000, 4999)},
        {5000, false, Mac48Address(), PeArpPortRange()},
        {65535, false, Mac48Address(), PeArpPortRange()},
    };

    for (const auto& e : expected)
    {
        PeArpCache::Entry* entry = c->Lookup(shared, e.port);
        NS_TEST_EXPECT_MSG_EQ((entry != nullptr), e.found, "lookup of port " << e.port);
        if (entry != nullptr && e.found)
        {
            NS_TEST_EXPECT_MSG_EQ(entry->GetMacAddress(), e.mac, "MAC for port " << e.port);
            NS_TEST_EXPECT_MSG_EQ(entry->GetRange(), e.range, "range for port " << e.port);
            NS_TEST_EXPECT_MSG_EQ(entry->GetIpv4Address(), shared, "address for " << e.port);
            NS_TEST_EXPECT_MSG_EQ(entry->IsAlive(), true, "alive for port " << e.port);
        }
    }

    // A 0-0 entry matches every port, port 0 included.
    for (uint16_t port : {0, 1, 2500, 65535})
    {
        PeArpCache::Entry* entry = c->Lookup(whole, port);
        NS_TEST_EXPECT_MSG_NE(entry, nullptr, "0-0 entry found for port " << port);
        if (entry != nullptr)
        {
            NS_TEST_EXPECT_MSG_EQ(entry->GetMacAddress(), macW, "0-0 MAC for port " << port);
            NS_TEST_EXPECT_MSG_EQ(entry->GetRange().IsAll(), true, "0-0 range");
        }
    }

    // Port 0 matches a range that contains 0, and nothing else.
    PeArpCache::Entry* zero = c->Lookup(low, 0);
    NS_TEST_EXPECT_MSG_NE(zero, nullptr, "0-999 holds port 0");
    if (zero != nullptr)
    {
        NS_TEST_EXPECT_MSG_EQ(zero->GetMacAddress(), macL, "0-999 MAC");
    }
    NS_TEST_EXPECT_MSG_NE(c->Lookup(low, 999), nullptr, "0-999 holds port 999");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(low, 1000), nullptr, "0-999 does not hold 1000");

    // An incomplete entry for port 0 next to resolved ranges: found for 0
    // only, and the ranges still win for their ports.
    PeArpCache::Entry* incompleteZero = c->AddIncomplete(shared, 0, Create<Packet>(10));
    NS_TEST_ASSERT_MSG_NE(incompleteZero, nullptr, "incomplete entry for port 0");
    if (incompleteZero == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(shared, 0), incompleteZero, "port 0 -> its incomplete entry");
    NS_TEST_EXPECT_MSG_EQ(incompleteZero->IsIncomplete(), true, "incomplete");
    NS_TEST_EXPECT_MSG_EQ(incompleteZero->IsWaitReply(), true, "waiting for a reply");
    NS_TEST_EXPECT_MSG_EQ(incompleteZero->GetRequestedPort(), 0, "requested port 0");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(shared, 1), nullptr, "port 1: nothing");
    NS_TEST_EXPECT_MSG_NE(c->Lookup(shared, 2000), incompleteZero, "2000 is not port 0");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, shared, 2000), macA, "2000 still resolved");

    // Unknown address.
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(unknown, 0), nullptr, "unknown address, port 0");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(unknown, 2500), nullptr, "unknown address, port 2500");

    // IsShared: only resolved ranges other than 0-0 make an address shared.
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(shared), true, "192.35.162.2 is shared");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(whole), false, "0-0: not shared");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(low), true, "0-999: shared");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(unknown), false, "unknown: not shared");
    Ipv4Address onlyIncomplete("10.0.0.4");
    c->AddIncomplete(onlyIncomplete, 2500, Create<Packet>(10));
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(onlyIncomplete), false, "only incomplete: not shared");
}

/**
 * \ingroup pe-arp-tests
 * \brief Resolve with a range merges the incomplete entries of its ports,
 * hands back their packets in order, and leaves the others waiting.
 */
class PeArpCacheResolveMergeTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheResolveMergeTestCase();

  private:
    void DoRun() override;
    /**
     * EntryUpdated trace sink.
     * \param address the address
     * \param range the range
     * \param mac the hardware address
     */
    void OnEntry(Ipv4Address address, const PeArpPortRange& range, Mac48Address mac);
    std::vector<std::string> m_entries; //!< EntryUpdated records
};

PeArpCacheResolveMergeTestCase::PeArpCacheResolveMergeTestCase()
    : PeArpCacheTestCase("Resolve merges incomplete entries of its range, returns their packets")
{
}

void
PeArpCacheResolveMergeTestCase::OnEntry(Ipv4Address address,
                                        const PeArpPortRange& range,
                                        Mac48Address mac)
{
    std::ostringstream oss;
    oss << address << ":" << range << " " << mac;
    m_entries.push_back(oss.str());
}

void
PeArpCacheResolveMergeTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Mac48Address mac("00:0c:29:9e:8c:ee");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->TraceConnectWithoutContext("EntryUpdated",
                                  MakeCallback(&PeArpCacheResolveMergeTestCase::OnEntry, this));
    std::vector<std::pair<uint16_t, Time>> resolutions;
    c->TraceConnectWithoutContext("Resolved",
                                  Callback<void, Ipv4Address, uint16_t, Time>(
                                      [&resolutions](Ipv4Address, uint16_t port, Time latency) {
                                          resolutions.emplace_back(port, latency);
                                      }));

    std::vector<Ptr<Packet>> p;
    for (int i = 0; i < 6; i++)
    {
        p.push_back(Create<Packet>(100 + i));
    }
    PeArpCache::PendingList pending;
    PeArpCache::Entry* resolved = nullptr;

    std::string deferred;
    Simulator::Schedule(Seconds(0), [&]() {
        c->AddIncomplete(address, 2000, p[0]);
        PeArpCache::Entry* twoPackets = c->AddIncomplete(address, 2500, p[1]);
        if (twoPackets != nullptr)
        {
            c->Enqueue(twoPackets, p[2]);
        }
        c->AddIncomplete(address, 2999, p[3]);
        c->AddIncomplete(address, 1999, p[4]); // just below the range
        c->AddIncomplete(address, 3000, p[5]); // just above the range
        NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 5U, "five incomplete entries");
        for (uint16_t port : {2000, 2500, 2999, 1999, 3000})
        {
            PeArpCache::Entry* e = c->Lookup(address, port);
            deferred += (e != nullptr && e->IsDeferred()) ? "d" : "-";
        }
    });
    Simulator::Schedule(MilliSeconds(500), [&]() {
        resolved = Learn(c, address, PeArpPortRange(2000, 2999), mac, pending);
        NS_TEST_EXPECT_MSG_NE(resolved, nullptr, "resolved");
        if (resolved == nullptr)
        {
            return;
        }
        NS_TEST_EXPECT_MSG_EQ(resolved->IsAlive(), true, "alive");
        NS_TEST_EXPECT_MSG_EQ(resolved->IsIncomplete(), false, "not incomplete");
        NS_TEST_EXPECT_MSG_EQ(resolved->GetRange(), PeArpPortRange(2000, 2999), "range");
        NS_TEST_EXPECT_MSG_EQ(resolved->GetMacAddress(), mac, "MAC");
        NS_TEST_EXPECT_MSG_EQ(resolved->GetPendingSize(), 0U, "packets handed back");
    });
    Simulator::Stop(Seconds(10));
    Simulator::Run();

    NS_TEST_ASSERT_MSG_NE(resolved, nullptr, "resolved");
    if (resolved == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(Uids(pending),
                          Uids({p[0], p[1], p[2], p[3]}),
                          "packets of ports 2000, 2500 (two) and 2999, oldest first");

    // One entry for the range; 1999 and 3000, never answered, are DEAD
    // ranges of one port each by now (10 s).
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 3U, "1 resolved + 2 dead");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2000), resolved, "2000 -> range");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2500), resolved, "2500 -> range");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2999), resolved, "2999 -> range");
    PeArpCache::Entry* below = c->Lookup(address, 1999);
    PeArpCache::Entry* above = c->Lookup(address, 3000);
    NS_TEST_ASSERT_MSG_NE(below, nullptr, "1999 still there");
    if (below == nullptr)
    {
        return;
    }
    NS_TEST_ASSERT_MSG_NE(above, nullptr, "3000 still there");
    if (above == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(below->IsDead(), true, "1999 dead");
    NS_TEST_EXPECT_MSG_EQ(below->GetRange(), PeArpPortRange(1999, 1999), "1999 alone");
    NS_TEST_EXPECT_MSG_EQ(above->IsDead(), true, "3000 dead");
    NS_TEST_EXPECT_MSG_EQ(above->GetRange(), PeArpPortRange(3000, 3000), "3000 alone");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(address), true, "address known to be shared");

    // Resolved: the three incomplete entries the reply answered, in port
    // order, each created at 0 s and answered at 0.5 s.
    NS_TEST_ASSERT_MSG_EQ(resolutions.size(), 3U, "three resolutions");
    NS_TEST_EXPECT_MSG_EQ(resolutions[0].first, 2000, "2000");
    NS_TEST_EXPECT_MSG_EQ(resolutions[1].first, 2500, "2500");
    NS_TEST_EXPECT_MSG_EQ(resolutions[2].first, 2999, "2999");
    for (const auto& [port, latency] : resolutions)
    {
        NS_TEST_EXPECT_MSG_EQ(latency, MilliSeconds(500), "latency of " << port);
    }

    // EntryUpdated fired once, for the merged range.
    NS_TEST_EXPECT_MSG_EQ(m_entries.size(), 1U, "one EntryUpdated");
    if (!m_entries.empty())
    {
        NS_TEST_EXPECT_MSG_EQ(m_entries[0],
                              "192.35.162.2:2000-2999 00:0c:29:9e:8c:ee",
                              "EntryUpdated arguments");
    }

    // Only 2000 asked; the other four waited for its answer.
    NS_TEST_EXPECT_MSG_EQ(deferred, "-dddd", "2500, 2999, 1999, 3000 deferred behind 2000");
    // The merged entries' timers are dead. The reply at 0.5 s did not hold
    // 1999 and 3000: their own first requests went out then, were
    // retransmitted at 1.5, 2.5 and 3.5 s, and failed at 4.5 s.
    std::map<std::string, std::string> perKey;
    for (const auto& r : m_requests)
    {
        perKey[Key(r.address, r.port)] += std::to_string(r.time.GetMilliSeconds()) + " ";
    }
    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 8U, "two first requests, six retransmissions");
    NS_TEST_EXPECT_MSG_EQ(perKey.size(), 2U, "for two ports");
    NS_TEST_EXPECT_MSG_EQ(perKey["192.35.162.2:1999"], "500 1500 2500 3500 ", "for 1999");
    NS_TEST_EXPECT_MSG_EQ(perKey["192.35.162.2:3000"], "500 1500 2500 3500 ", "for 3000");
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 2U, "two packets dropped");
    for (const auto& d : m_drops)
    {
        NS_TEST_EXPECT_MSG_EQ(d.reason, PeArpCache::RESOLUTION_FAILED, "reason");
        NS_TEST_EXPECT_MSG_EQ((d.uid == p[4]->GetUid() || d.uid == p[5]->GetUid()),
                              true,
                              "only the packets of 1999 and 3000");
        NS_TEST_EXPECT_MSG_EQ(d.time, MilliSeconds(4500), "dropped at 4.5 s");
    }
    PeArpCache::Entry* later = c->Lookup(address, 2500);
    NS_TEST_EXPECT_MSG_EQ(later, resolved, "same entry at 10 s");
    NS_TEST_EXPECT_MSG_EQ((later != nullptr && later->IsAlive()),
                          true,
                          "merged entry still alive at 10 s");
}

/**
 * \ingroup pe-arp-tests
 * \brief Resolve of an overlapping range supersedes learned entries; the same
 * range is updated in place.
 */
class PeArpCacheSupersedeTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheSupersedeTestCase();

  private:
    void DoRun() override;
};

PeArpCacheSupersedeTestCase::PeArpCacheSupersedeTestCase()
    : PeArpCacheTestCase("Resolve of an overlapping range supersedes learned entries")
{
}

void
PeArpCacheSupersedeTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Mac48Address macA("00:00:00:00:00:0a");
    Mac48Address macB("00:00:00:00:00:0b");
    Mac48Address macC("00:00:00:00:00:0c");
    Mac48Address macD("00:00:00:00:00:0d");
    Mac48Address macE("00:00:00:00:00:0e");
    Mac48Address macF("00:00:00:00:00:0f");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;

    Simulator::Schedule(Seconds(1), [&]() {
        Learn(c, address, PeArpPortRange(2000, 2999), macA, pending);
        Learn(c, address, PeArpPortRange(3000, 3999), macB, pending);
        Learn(c, address, PeArpPortRange(4000, 4999), macC, pending);
    });
    Simulator::Run();
    NS_TEST_ASSERT_MSG_EQ(c->GetSize(), 3U, "three ranges");

    // 2500-3499 overlaps 2000-2999 and 3000-3999, not 4000-4999.
    PeArpCache::Entry* d = Learn(c, address, PeArpPortRange(2500, 3499), macD, pending);
    NS_TEST_ASSERT_MSG_NE(d, nullptr, "accepted");
    if (d == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(d->GetRange(), PeArpPortRange(2500, 3499), "new range");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "two superseded, one added");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2000), nullptr, "2000 forgotten");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2499), nullptr, "2499 forgotten");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2500), d, "2500 -> new");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 3000), d, "3000 -> new");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 3499), d, "3499 -> new");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 3500), nullptr, "3500 forgotten");
    NS_TEST_EXPECT_MSG_NE(c->Lookup(address, 4000), nullptr, "4000 kept");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, address, 4000), macC, "4000 kept, MAC C");

    // Same range again: updated in place, new MAC.
    PeArpCache::Entry* e = Learn(c, address, PeArpPortRange(4000, 4999), macE, pending);
    NS_TEST_ASSERT_MSG_NE(e, nullptr, "accepted");
    if (e == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "still two entries");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, address, 4999), macE, "MAC updated");

    // A learned 0-0 would replace every range of a shared address: refused.
    NS_TEST_EXPECT_MSG_EQ(Learn(c, address, PeArpPortRange(0, 0), macF, pending),
                          nullptr,
                          "0-0 refused for a shared address");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "still two entries");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, address, 4999), macE, "4000-4999 kept");

    // An address learned as 0-0, then with a range: the range supersedes 0-0.
    Ipv4Address other("192.35.162.3");
    PeArpCache::Entry* f = Learn(c, other, PeArpPortRange(0, 0), macF, pending);
    NS_TEST_ASSERT_MSG_NE(f, nullptr, "accepted");
    if (f == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(other, 2500), f, "2500 -> 0-0");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(other, 0), f, "0 -> 0-0");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(other), false, "not shared");
    PeArpCache::Entry* a = Learn(c, other, PeArpPortRange(2000, 2999), macA, pending);
    NS_TEST_ASSERT_MSG_NE(a, nullptr, "accepted");
    if (a == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 3U, "two ranges of address, one of other");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(other, 4000), nullptr, "4000 no longer resolved");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(other, 2000), a, "2000 -> range");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(other), true, "shared now");
    NS_TEST_EXPECT_MSG_EQ(pending.size(), 0U, "nothing was pending");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 1U, "the 0-0 refused");
}

/**
 * \ingroup pe-arp-tests
 * \brief Permanent entries: Resolve cannot overwrite them (but accepts the
 * identical mapping), and static entries may not overlap.
 */
class PeArpCachePermanentTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCachePermanentTestCase();

  private:
    void DoRun() override;
};

PeArpCachePermanentTestCase::PeArpCachePermanentTestCase()
    : PeArpCacheTestCase("Permanent entries refuse learned and overlapping static mappings")
{
}

void
PeArpCachePermanentTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Mac48Address macP("00:0c:29:9e:8c:ee");
    Mac48Address macX("00:00:00:00:00:99");
    Mac48Address macQ("00:0c:29:39:44:ab");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;

    // A learned entry and an incomplete one in the way of the static entry.
    Ptr<Packet> superseded = Create<Packet>(10);
    Ptr<Packet> outside = Create<Packet>(11);
    Learn(c, address, PeArpPortRange(2500, 2599), macX, pending);
    c->AddIncomplete(address, 2100, superseded);
    c->AddIncomplete(address, 3100, outside);
    NS_TEST_ASSERT_MSG_EQ(c->GetSize(), 3U, "three entries");

    PeArpCache::Entry* p = c->AddPermanent(address, PeArpPortRange(2000, 2999), macP);
    NS_TEST_ASSERT_MSG_NE(p, nullptr, "static entry added");
    if (p == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(p->IsPermanent(), true, "permanent");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "learned 2500-2599 and incomplete 2100 replaced");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2550), p, "2550 -> static");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2100), p, "2100 -> static");
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 1U, "the superseded incomplete entry's packet");
    if (m_drops.size() == 1)
    {
        NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, superseded->GetUid(), "that packet");
        NS_TEST_EXPECT_MSG_EQ(m_drops[0].reason, PeArpCache::SUPERSEDED_BY_STATIC, "reason");
    }

    // Resolve: other MAC, same range -> refused.
    NS_TEST_EXPECT_MSG_EQ(Learn(c, address, PeArpPortRange(2000, 2999), macX, pending),
                          nullptr,
                          "other MAC refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 1U, "one refusal");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, address, 2500), macP, "static MAC kept");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 2500), "PERMANENT", "still permanent");

    // Resolve: same MAC, overlapping but different range -> refused.
    NS_TEST_EXPECT_MSG_EQ(Learn(c, address, PeArpPortRange(2500, 3499), macP, pending),
                          nullptr,
                          "overlapping range refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 2U, "two refusals");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 3000), nullptr, "3000 not learned");

    // Resolve: 0-0 overlaps everything -> refused.
    NS_TEST_EXPECT_MSG_EQ(Learn(c, address, PeArpPortRange(0, 0), macP, pending),
                          nullptr,
                          "0-0 refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 3U, "three refusals");

    // Resolve: the identical mapping is accepted and returns the static entry.
    PeArpCache::Entry* same = Learn(c, address, PeArpPortRange(2000, 2999), macP, pending);
    NS_TEST_EXPECT_MSG_EQ(same, p, "identical mapping accepted");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 2500), "PERMANENT", "not turned alive");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 3U, "not counted as refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "size unchanged");
    NS_TEST_EXPECT_MSG_EQ(pending.size(), 0U, "no packet for the static range");
    NS_TEST_EXPECT_MSG_NE(c->Lookup(address, 3100), nullptr, "incomplete 3100 untouched");

    // A learned range that does not overlap is fine.
    Ptr<Packet> waiting = outside;
    PeArpCache::Entry* q = Learn(c, address, PeArpPortRange(3000, 3999), macQ, pending);
    NS_TEST_ASSERT_MSG_NE(q, nullptr, "disjoint learned range accepted");
    if (q == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(Uids(pending), Uids({waiting}), "3100's packet handed back");

    // AddPermanent over another permanent entry that overlaps -> refused.
    NS_TEST_EXPECT_MSG_EQ(c->AddPermanent(address, PeArpPortRange(2999, 3000), macQ),
                          nullptr,
                          "overlapping static entry refused");
    NS_TEST_EXPECT_MSG_EQ(c->AddPermanent(address, PeArpPortRange(0, 0), macQ),
                          nullptr,
                          "static 0-0 over a static range refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 5U, "five refusals");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2999), p, "first static entry kept");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 3000), q, "learned entry kept");

    // AddPermanent over the learned entry replaces it.
    PeArpCache::Entry* q2 = c->AddPermanent(address, PeArpPortRange(3000, 3999), macQ);
    NS_TEST_ASSERT_MSG_NE(q2, nullptr, "static over learned accepted");
    if (q2 == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(q2->IsPermanent(), true, "permanent");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "two static entries");
}

/**
 * \ingroup pe-arp-tests
 * \brief The pending queue of an entry is bounded: the oldest packets go.
 */
class PeArpCachePendingQueueTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCachePendingQueueTestCase();

  private:
    void DoRun() override;
};

PeArpCachePendingQueueTestCase::PeArpCachePendingQueueTestCase()
    : PeArpCacheTestCase("PendingQueueSize=3: five packets, the oldest two dropped")
{
}

void
PeArpCachePendingQueueTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("PendingQueueSize", UintegerValue(3));
    std::vector<Ptr<Packet>> p;
    for (int i = 0; i < 5; i++)
    {
        p.push_back(Create<Packet>(100 + i));
    }
    PeArpCache::PendingList pending;
    uint32_t queued = 0;

    Simulator::Schedule(Seconds(0), [&]() {
        PeArpCache::Entry* e = c->AddIncomplete(address, 2500, p[0]);
        NS_TEST_EXPECT_MSG_NE(e, nullptr, "entry created");
        if (e == nullptr)
        {
            return;
        }
        for (int i = 1; i < 5; i++)
        {
            c->Enqueue(e, p[i], Mac48Address(("00:00:00:00:00:0" + std::to_string(i)).c_str()));
        }
        queued = e->GetPendingSize();
    });
    Simulator::Schedule(MilliSeconds(100), [&]() {
        Learn(c, address, PeArpPortRange(2000, 2999), Mac48Address("00:0c:29:9e:8c:ee"), pending);
    });
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(queued, 3U, "three packets queued");
    NS_TEST_EXPECT_MSG_EQ(c->GetPendingQueueDrops(), 2U, "two drops counted");
    NS_TEST_ASSERT_MSG_EQ(m_drops.size(), 2U, "two drops traced");
    if (m_drops.size() != 2U)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, p[0]->GetUid(), "oldest dropped first");
    NS_TEST_EXPECT_MSG_EQ(m_drops[1].uid, p[1]->GetUid(), "second oldest dropped next");
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].reason, PeArpCache::PENDING_QUEUE_FULL, "reason 1");
    NS_TEST_EXPECT_MSG_EQ(m_drops[1].reason, PeArpCache::PENDING_QUEUE_FULL, "reason 2");
    NS_TEST_ASSERT_MSG_EQ(m_ownerDrops.size(), 2U, "the owner is told of both drops");
    NS_TEST_EXPECT_MSG_EQ(m_ownerDrops[0].uid, p[0]->GetUid(), "the owner: oldest first");
    NS_TEST_EXPECT_MSG_EQ(m_ownerDrops[1].uid, p[1]->GetUid(), "the owner: then the next");
    NS_TEST_EXPECT_MSG_EQ(Uids(pending), Uids({p[2], p[3], p[4]}), "the three newest remain");
    // Each with the source it was queued with.
    std::string sources;
    for (const auto& waiting : pending)
    {
        std::ostringstream oss;
        oss << Mac48Address::ConvertFrom(waiting.source) << " ";
        sources += oss.str();
    }
    NS_TEST_EXPECT_MSG_EQ(sources,
                          "00:00:00:00:00:02 00:00:00:00:00:03 00:00:00:00:00:04 ",
                          "their source MACs");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailureDrops(), 0U, "no other drops");
}

/**
 * \ingroup pe-arp-tests
 * \brief An unanswered request is retransmitted MaxRetries times, once per
 * WaitReplyTimeout, then the entry is DEAD and its packets dropped; a DEAD
 * entry expires after DeadTimeout.
 */
class PeArpCacheRetransmissionTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheRetransmissionTestCase();

  private:
    void DoRun() override;
};

PeArpCacheRetransmissionTestCase::PeArpCacheRetransmissionTestCase()
    : PeArpCacheTestCase("Unanswered request: retransmitted at 1, 2, 3 s, DEAD at 4 s")
{
}

void
PeArpCacheRetransmissionTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    NS_TEST_ASSERT_MSG_EQ(c->GetWaitReplyTimeout(), Seconds(1), "default WaitReplyTimeout");
    NS_TEST_ASSERT_MSG_EQ(c->GetDeadTimeout(), Seconds(100), "default DeadTimeout");
    UintegerValue maxRetries;
    c->GetAttribute("MaxRetries", maxRetries);
    NS_TEST_ASSERT_MSG_EQ(maxRetries.Get(), 3U, "default MaxRetries");

    Ptr<Packet> p1 = Create<Packet>(100);
    Ptr<Packet> p2 = Create<Packet>(101);
    PeArpCache::Entry* entry = nullptr;

    // The entry as Lookup finds it at some time.
    struct Snapshot
    {
        bool found;
        PeArpCache::Entry::State state;
        uint32_t retries;
        uint32_t pending;
        bool expired;
    };

    auto snapshot = [&]() -> Snapshot {
        PeArpCache::Entry* e = c->Lookup(address, 2500);
        if (e == nullptr)
        {
            return {false, PeArpCache::Entry::WAIT_REPLY, 0, 0, false};
        }
        return {true, e->GetState(), e->GetRetries(), e->GetPendingSize(), e->IsExpired()};
    };
    Snapshot at3500{};
    Snapshot at4500{};
    Snapshot at103{};
    Snapshot at104{};

    Simulator::Schedule(Seconds(0), [&]() {
        entry = c->AddIncomplete(address, 2500, p1);
        if (entry != nullptr)
        {
            c->Enqueue(entry, p2);
        }
    });
    Simulator::Schedule(MilliSeconds(3500), [&]() { at3500 = snapshot(); });
    Simulator::Schedule(MilliSeconds(4500), [&]() { at4500 = snapshot(); });
    Simulator::Schedule(Seconds(103), [&]() { at103 = snapshot(); });
    Simulator::Schedule(Seconds(104), [&]() { at104 = snapshot(); });
    Simulator::Run();

    NS_TEST_ASSERT_MSG_NE(entry, nullptr, "incomplete entry created");

    // Exactly three retransmissions, at 1, 2 and 3 s, for the right port.
    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 3U, "three retransmissions");
    for (uint32_t i = 0; i < m_requests.size() && i < 3; i++)
    {
        NS_TEST_EXPECT_MSG_EQ(m_requests[i].time, Seconds(i + 1), "retransmission " << i + 1);
        NS_TEST_EXPECT_MSG_EQ(m_requests[i].address, address, "address " << i + 1);
        NS_TEST_EXPECT_MSG_EQ(m_requests[i].port, 2500, "port " << i + 1);
    }

    NS_TEST_EXPECT_MSG_EQ(at3500.found, true, "entry found at 3.5 s");
    NS_TEST_EXPECT_MSG_EQ(at3500.state, PeArpCache::Entry::WAIT_REPLY, "waiting at 3.5 s");
    NS_TEST_EXPECT_MSG_EQ(at3500.retries, 3U, "three retries at 3.5 s");
    NS_TEST_EXPECT_MSG_EQ(at3500.pending, 2U, "packets still waiting at 3.5 s");
    NS_TEST_EXPECT_MSG_EQ(at4500.found, true, "dead entry still found at 4.5 s");
    NS_TEST_EXPECT_MSG_EQ(at4500.state, PeArpCache::Entry::DEAD, "dead at 4.5 s");
    NS_TEST_EXPECT_MSG_EQ(at4500.pending, 0U, "no packets at 4.5 s");
    NS_TEST_EXPECT_MSG_EQ(at4500.expired, false, "dead entry not expired at 4.5 s");

    // Both packets dropped at 4 s, oldest first.
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 2U, "two packets dropped");
    if (m_drops.size() == 2U)
    {
        NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, p1->GetUid(), "first packet");
        NS_TEST_EXPECT_MSG_EQ(m_drops[1].uid, p2->GetUid(), "second packet");
    }
    for (const auto& d : m_drops)
    {
        NS_TEST_EXPECT_MSG_EQ(d.reason, PeArpCache::RESOLUTION_FAILED, "reason");
        NS_TEST_EXPECT_MSG_EQ(d.time, Seconds(4), "dropped at 4 s");
    }
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), 1U, "one failed resolution");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailureDrops(), 2U, "two packets");

    // DeadTimeout (100 s) counted from 4 s.
    NS_TEST_EXPECT_MSG_EQ(at103.found, true, "dead entry found at 103 s");
    NS_TEST_EXPECT_MSG_EQ(at103.state, PeArpCache::Entry::DEAD, "dead at 103 s");
    NS_TEST_EXPECT_MSG_EQ(at103.expired, false, "dead entry not expired at 103 s");
    NS_TEST_EXPECT_MSG_EQ(at104.found, true, "dead entry found at 104 s");
    NS_TEST_EXPECT_MSG_EQ(at104.expired, true, "dead entry expired at 104 s");

    // One event per deadline: 1 s, 2 s, 3 s, 4 s.
    NS_TEST_EXPECT_MSG_EQ(c->GetTimerEvents(), 4U, "four timer events");
}

/**
 * \ingroup pe-arp-tests
 * \brief A reply stops the retransmissions of the entries it answers.
 */
class PeArpCacheAnsweredTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheAnsweredTestCase();

  private:
    void DoRun() override;
};

PeArpCacheAnsweredTestCase::PeArpCacheAnsweredTestCase()
    : PeArpCacheTestCase("Answered request: retransmissions stop, nothing dropped")
{
}

void
PeArpCacheAnsweredTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Mac48Address mac("00:0c:29:9e:8c:ee");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    Ptr<Packet> packet = Create<Packet>(100);
    PeArpCache::PendingList pending;
    PeArpCache::Entry* resolved = nullptr;

    Simulator::Schedule(Seconds(0), [&]() { c->AddIncomplete(address, 2500, packet); });
    Simulator::Schedule(MilliSeconds(2500), [&]() {
        resolved = Learn(c, address, PeArpPortRange(2000, 2999), mac, pending);
    });
    Simulator::Stop(Seconds(20));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 2U, "retransmitted at 1 and 2 s only");
    if (m_requests.size() == 2)
    {
        NS_TEST_EXPECT_MSG_EQ(m_requests[0].time, Seconds(1), "first at 1 s");
        NS_TEST_EXPECT_MSG_EQ(m_requests[1].time, Seconds(2), "second at 2 s");
    }
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 0U, "nothing dropped");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), 0U, "no failure");
    NS_TEST_EXPECT_MSG_EQ(Uids(pending), Uids({packet}), "the packet is handed back");
    NS_TEST_EXPECT_MSG_NE(resolved, nullptr, "resolved");
    PeArpCache::Entry* later = c->Lookup(address, 2500);
    NS_TEST_EXPECT_MSG_EQ(later, resolved, "same entry at 20 s");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 2500), "ALIVE", "alive at 20 s");
    NS_TEST_EXPECT_MSG_EQ((later != nullptr ? later->GetRetries() : 99U), 0U, "retries reset");
}

/**
 * \ingroup pe-arp-tests
 * \brief The retransmission deadlines of many entries share one timer: 1000
 * unanswered entries created together schedule a handful of events, while
 * every entry is still retransmitted MaxRetries times.
 */
class PeArpCacheTimerScalingTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheTimerScalingTestCase();

  private:
    void DoRun() override;
};

PeArpCacheTimerScalingTestCase::PeArpCacheTimerScalingTestCase()
    : PeArpCacheTestCase("1000 unanswered entries: 3000 retransmissions, a few timer events")
{
}

void
PeArpCacheTimerScalingTestCase::DoRun()
{
    const uint32_t n = 1000;
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    uint64_t eventsBefore = Simulator::GetEventCount();

    Simulator::Schedule(Seconds(0), [&]() {
        for (uint32_t i = 0; i < n; i++)
        {
            Ipv4Address address(Ipv4Address("10.1.0.0").Get() + i);
            NS_TEST_EXPECT_MSG_NE(c->AddIncomplete(address, 80, Create<Packet>(10)),
                                  nullptr,
                                  "entry " << i);
        }
    });
    Simulator::Run();
    uint64_t events = Simulator::GetEventCount() - eventsBefore;

    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 3 * n, "3000 retransmissions");
    std::map<int64_t, uint32_t> perSecond;
    for (const auto& r : m_requests)
    {
        perSecond[r.time.GetMilliSeconds()]++;
    }
    NS_TEST_EXPECT_MSG_EQ(perSecond.size(), 3U, "at three instants");
    NS_TEST_EXPECT_MSG_EQ(perSecond[1000], n, "1000 at 1 s");
    NS_TEST_EXPECT_MSG_EQ(perSecond[2000], n, "1000 at 2 s");
    NS_TEST_EXPECT_MSG_EQ(perSecond[3000], n, "1000 at 3 s");

    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), n, "1000 packets dropped");
    uint32_t failedAt4 = 0;
    for (const auto& d : m_drops)
    {
        failedAt4 += (d.reason == PeArpCache::RESOLUTION_FAILED && d.time == Seconds(4)) ? 1 : 0;
    }
    NS_TEST_EXPECT_MSG_EQ(failedAt4, n, "all RESOLUTION_FAILED at 4 s");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), n, "1000 failed resolutions");

    NS_TEST_EXPECT_MSG_LT_OR_EQ(c->GetTimerEvents(), 5U, "timer events (not one per entry)");
    // The setup event plus the timer events.
    NS_TEST_EXPECT_MSG_LT_OR_EQ(events, 6U, "events executed by the simulator");
}

/**
 * \ingroup pe-arp-tests
 * \brief An ALIVE entry expires after AliveTimeout.
 */
class PeArpCacheAliveTimeoutTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheAliveTimeoutTestCase();

  private:
    void DoRun() override;
};

PeArpCacheAliveTimeoutTestCase::PeArpCacheAliveTimeoutTestCase()
    : PeArpCacheTestCase("ALIVE entry: not expired at 119 s, expired at 120 s")
{
}

void
PeArpCacheAliveTimeoutTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    NS_TEST_ASSERT_MSG_EQ(c->GetAliveTimeout(), Seconds(120), "default AliveTimeout");
    PeArpCache::Entry* entry = nullptr;
    PeArpCache::PendingList pending;
    std::map<int64_t, std::string> expired; // "none", "fresh" or "expired", by time in ms

    Simulator::Schedule(Seconds(0), [&]() {
        entry = Learn(c,
                      address,
                      PeArpPortRange(2000, 2999),
                      Mac48Address("00:0c:29:9e:8c:ee"),
                      pending);
    });
    for (int64_t ms : {0, 60000, 119000, 119999, 120000, 150000})
    {
        Simulator::Schedule(MilliSeconds(ms), [&, ms]() {
            PeArpCache::Entry* e = c->Lookup(address, 2500);
            expired[ms] = e == nullptr ? "none" : (e->IsExpired() ? "expired" : "fresh");
        });
    }
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(expired.size(), 6U, "six checks");
    NS_TEST_EXPECT_MSG_EQ(expired[0], "fresh", "at 0 s");
    NS_TEST_EXPECT_MSG_EQ(expired[60000], "fresh", "at 60 s");
    NS_TEST_EXPECT_MSG_EQ(expired[119000], "fresh", "at 119 s");
    NS_TEST_EXPECT_MSG_EQ(expired[119999], "fresh", "at 119.999 s");
    NS_TEST_EXPECT_MSG_EQ(expired[120000], "expired", "at 120 s");
    NS_TEST_EXPECT_MSG_EQ(expired[150000], "expired", "at 150 s");
    NS_TEST_EXPECT_MSG_NE(entry, nullptr, "entry resolved");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 2500), entry, "same entry at 150 s");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 2500),
                          "ALIVE",
                          "still ALIVE at 150 s (expiry is checked on use)");
}

/**
 * \ingroup pe-arp-tests
 * \brief MaxEntries is a hard limit.
 */
class PeArpCacheMaxEntriesTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheMaxEntriesTestCase();

  private:
    void DoRun() override;
};

PeArpCacheMaxEntriesTestCase::PeArpCacheMaxEntriesTestCase()
    : PeArpCacheTestCase("MaxEntries=2: the third entry is refused, its packet traced TABLE_FULL")
{
}

void
PeArpCacheMaxEntriesTestCase::DoRun()
{
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("MaxEntries", UintegerValue(2));
    Ptr<Packet> p1 = Create<Packet>(100);
    Ptr<Packet> p2 = Create<Packet>(101);
    Ptr<Packet> p3 = Create<Packet>(102);
    PeArpCache::Entry* e1 = nullptr;
    PeArpCache::Entry* e2 = nullptr;
    PeArpCache::Entry* e3 = nullptr;
    PeArpCache::Entry* learned = nullptr;
    PeArpCache::Entry* answered = nullptr;
    PeArpCache::PendingList pending;

    Simulator::Schedule(Seconds(0), [&]() {
        e1 = c->AddIncomplete(Ipv4Address("10.0.0.1"), 80, p1);
        e2 = c->AddIncomplete(Ipv4Address("10.0.0.2"), 80, p2);
        e3 = c->AddIncomplete(Ipv4Address("10.0.0.3"), 80, p3);
    });
    Simulator::Schedule(MilliSeconds(500), [&]() {
        // A new learned entry does not fit either...
        learned = Learn(c,
                        Ipv4Address("10.0.0.4"),
                        PeArpPortRange(0, 0),
                        Mac48Address("00:00:00:00:00:04"),
                        pending);
        // ... but answering an incomplete entry does not grow the table.
        answered = Learn(c,
                         Ipv4Address("10.0.0.1"),
                         PeArpPortRange(0, 0),
                         Mac48Address("00:00:00:00:00:01"),
                         pending);
    });
    Simulator::Stop(Seconds(0.6));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_NE(e1, nullptr, "first entry");
    NS_TEST_EXPECT_MSG_NE(e2, nullptr, "second entry");
    NS_TEST_EXPECT_MSG_EQ(e3, nullptr, "third entry refused");
    NS_TEST_ASSERT_MSG_EQ(m_drops.size(), 1U, "one packet dropped");
    if (m_drops.size() != 1U)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, p3->GetUid(), "the third packet");
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].reason, PeArpCache::TABLE_FULL, "reason TABLE_FULL");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(Ipv4Address("10.0.0.3"), 80), nullptr, "no third entry");

    NS_TEST_EXPECT_MSG_EQ(learned, nullptr, "new learned entry refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 2U, "two refusals");
    NS_TEST_ASSERT_MSG_NE(answered, nullptr, "answer to an incomplete entry accepted");
    if (answered == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(Ipv4Address("10.0.0.1"), 80), answered, "found");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, Ipv4Address("10.0.0.1"), 80), "ALIVE", "alive");
    NS_TEST_EXPECT_MSG_EQ(Uids(pending), Uids({p1}), "its packet handed back");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "two entries");
}

/**
 * \ingroup pe-arp-tests
 * \brief Garbage collection of expired entries makes room for new ones.
 */
class PeArpCacheGcTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheGcTestCase();

  private:
    void DoRun() override;
};

PeArpCacheGcTestCase::PeArpCacheGcTestCase()
    : PeArpCacheTestCase("GcThreshold=2: expired entries are collected to make room")
{
}

void
PeArpCacheGcTestCase::DoRun()
{
    Ipv4Address a("10.0.0.1");
    Ipv4Address b("10.0.0.2");
    Ipv4Address young("10.0.0.3");
    Ipv4Address fresh("10.0.0.4");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("GcThreshold", UintegerValue(2));
    c->SetAttribute("MaxEntries", UintegerValue(3));
    PeArpCache::PendingList pending;
    PeArpCache::Entry* early = nullptr;
    PeArpCache::Entry* late = nullptr;
    uint64_t collectedEarly = 99;
    uint32_t sizeEarly = 99;

    Simulator::Schedule(Seconds(0), [&]() {
        Learn(c, a, PeArpPortRange(0, 0), Mac48Address("00:00:00:00:00:01"), pending);
        Learn(c, b, PeArpPortRange(0, 0), Mac48Address("00:00:00:00:00:02"), pending);
    });
    Simulator::Schedule(Seconds(30), [&]() {
        Learn(c, young, PeArpPortRange(0, 0), Mac48Address("00:00:00:00:00:03"), pending);
    });
    // At 60 s nothing has expired: the table is full.
    Simulator::Schedule(Seconds(60), [&]() {
        early = c->AddIncomplete(fresh, 80, Create<Packet>(10));
        collectedEarly = c->GetCollectedEntries();
        sizeEarly = c->GetSize();
    });
    // At 121 s a and b (120 s old) have expired, young (91 s old) has not.
    Simulator::Schedule(Seconds(121),
                        [&]() { late = c->AddIncomplete(fresh, 80, Create<Packet>(10)); });
    Simulator::Stop(Seconds(121.5));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(early, nullptr, "refused at 60 s");
    NS_TEST_EXPECT_MSG_EQ(collectedEarly, 0U, "nothing to collect at 60 s");
    NS_TEST_EXPECT_MSG_EQ(sizeEarly, 3U, "three entries at 60 s");
    NS_TEST_EXPECT_MSG_NE(late, nullptr, "accepted at 121 s");
    NS_TEST_EXPECT_MSG_EQ(c->GetCollectedEntries(), 2U, "two expired entries collected");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "young + fresh");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(a, 5), nullptr, "a collected");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(b, 5), nullptr, "b collected");
    NS_TEST_EXPECT_MSG_NE(c->Lookup(young, 5), nullptr, "young kept");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(fresh, 80), late, "fresh entry there");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 1U, "one refusal (at 60 s)");
}

/**
 * \ingroup pe-arp-tests
 * \brief Flush removes every entry but the permanent ones.
 */
class PeArpCacheFlushTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheFlushTestCase();

  private:
    void DoRun() override;
};

PeArpCacheFlushTestCase::PeArpCacheFlushTestCase()
    : PeArpCacheTestCase("Flush keeps permanent entries only")
{
}

void
PeArpCacheFlushTestCase::DoRun()
{
    Ipv4Address staticAll("10.0.0.1");
    Ipv4Address mixed("10.0.0.2");
    Ipv4Address waiting("10.0.0.3");
    Mac48Address macP("00:00:00:00:00:01");
    Mac48Address macQ("00:00:00:00:00:02");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;
    Ptr<Packet> packet = Create<Packet>(100);

    Simulator::Schedule(Seconds(0), [&]() {
        c->AddPermanent(staticAll, PeArpPortRange(0, 0), macP);
        c->AddPermanent(mixed, PeArpPortRange(3000, 3999), macQ);
        Learn(c, mixed, PeArpPortRange(2000, 2999), Mac48Address("00:00:00:00:00:03"), pending);
        c->AddIncomplete(waiting, 80, packet);
    });
    Simulator::Schedule(MilliSeconds(500), [&]() { c->Flush(); });
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "two permanent entries left");
    PeArpCache::Entry* p = c->Lookup(staticAll, 1234);
    NS_TEST_ASSERT_MSG_NE(p, nullptr, "static 0-0 kept");
    if (p == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(p->IsPermanent(), true, "permanent");
    NS_TEST_EXPECT_MSG_EQ(p->GetMacAddress(), macP, "MAC");
    PeArpCache::Entry* q = c->Lookup(mixed, 3500);
    NS_TEST_ASSERT_MSG_NE(q, nullptr, "static range kept");
    if (q == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(q->GetMacAddress(), macQ, "MAC");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(mixed, 2500), nullptr, "learned range flushed");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(waiting, 80), nullptr, "incomplete entry flushed");
    NS_TEST_ASSERT_MSG_EQ(m_drops.size(), 1U, "its packet dropped");
    if (m_drops.size() != 1U)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, packet->GetUid(), "that packet");
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].reason, PeArpCache::DISPOSED, "reason");
    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 0U, "no retransmission for a flushed entry");
}

/**
 * \ingroup pe-arp-tests
 * \brief Print() in the `arp -n` format of the PE-ARP paper (Figure 3).
 */
class PeArpCachePrintTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCachePrintTestCase();

  private:
    void DoRun() override;
};

PeArpCachePrintTestCase::PeArpCachePrintTestCase()
    : PeArpCacheTestCase("Print: arp -n format of Figure 3, sorted by address then port")
{
}

void
PeArpCachePrintTestCase::DoRun()
{
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;
    std::string empty;
    std::string full;

    Simulator::Schedule(Seconds(0), [&]() {
        std::ostringstream oss;
        c->Print(oss);
        empty = oss.str();

        // Inserted out of order on purpose.
        Learn(c,
              Ipv4Address("198.108.63.1"),
              PeArpPortRange(0, 0),
              Mac48Address("00:12:7f:c4:38:d3"),
              pending);
        Learn(c,
              Ipv4Address("192.35.162.2"),
              PeArpPortRange(3000, 3999),
              Mac48Address("00:0c:29:39:44:ab"),
              pending);
        c->AddIncomplete(Ipv4Address("192.35.162.2"), 4500, Create<Packet>(10));
        c->AddPermanent(Ipv4Address("192.35.162.10"),
                        PeArpPortRange(0, 0),
                        Mac48Address("00:00:00:00:00:0a"));
        Learn(c,
              Ipv4Address("192.35.162.2"),
              PeArpPortRange(2000, 2999),
              Mac48Address("00:0c:29:9e:8c:ee"),
              pending);
        c->AddIncomplete(Ipv4Address("192.35.162.2"), 80, Create<Packet>(10));
        c->AddIncomplete(Ipv4Address("10.1.1.1"), 0, Create<Packet>(10));
    });
    Simulator::Schedule(MilliSeconds(500), [&]() {
        std::ostringstream oss;
        c->Print(oss);
        full = oss.str();
    });
    Simulator::Stop(Seconds(0.6));
    Simulator::Run();

    // Columns: Address 25, HWtype 8, HWaddress 20, then Iface.
    const std::string header = "Address                  "
                               "HWtype  "
                               "HWaddress           "
                               "Iface\n";
    NS_TEST_EXPECT_MSG_EQ(empty, header, "empty table: header only");

    const std::string expected = header +
                                 // 10.1.1.1 < 192.35.162.2 < 192.35.162.10 < 198.108.63.1
                                 "10.1.1.1:0-0             "
                                 "        "
                                 "(incomplete)        "
                                 "eth1\n"
                                 // port 80 before port 2000
                                 "192.35.162.2:80-80       "
                                 "        "
                                 "(incomplete)        "
                                 "eth1\n"
                                 "192.35.162.2:2000-2999   "
                                 "ether   "
                                 "00:0c:29:9e:8c:ee   "
                                 "eth1\n"
                                 "192.35.162.2:3000-3999   "
                                 "ether   "
                                 "00:0c:29:39:44:ab   "
                                 "eth1\n"
                                 "192.35.162.2:4500-4500   "
                                 "        "
                                 "(incomplete)        "
                                 "eth1\n"
                                 "192.35.162.10:0-0        "
                                 "ether   "
                                 "00:00:00:00:00:0a   "
                                 "eth1\n"
                                 "198.108.63.1:0-0         "
                                 "ether   "
                                 "00:12:7f:c4:38:d3   "
                                 "eth1\n";
    NS_TEST_EXPECT_MSG_EQ(full, expected, "printed table");
}

/**
 * \ingroup pe-arp-tests
 * \brief Resolve and FindOutstanding do not walk the waiting entries of an
 * address: with 10,000 incomplete entries, learning a range that holds none
 * of their ports and looking for any outstanding request each examine a
 * handful of entries.
 */
class PeArpCacheScanCostTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheScanCostTestCase();

  private:
    void DoRun() override;
};

PeArpCacheScanCostTestCase::PeArpCacheScanCostTestCase()
    : PeArpCacheTestCase("10,000 waiting entries: Resolve and FindOutstanding examine a few")
{
}

void
PeArpCacheScanCostTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("MaxUnresolvedPerAddress", UintegerValue(65536)); // no limits here
    c->SetAttribute("RequestRate", DoubleValue(0));
    PeArpCache::PendingList pending;
    uint64_t resolveCost = 0;
    uint64_t findCost = 0;
    PeArpCache::Entry* outstanding = nullptr;
    PeArpCache::Entry* resolved = nullptr;

    Simulator::Schedule(Seconds(0), [&]() {
        // The one request out is for the highest port; the others wait for it.
        c->AddIncomplete(address, 20000, Create<Packet>(10));
        for (uint16_t port = 10000; port < 20000; port++)
        {
            c->AddIncomplete(address, port, Create<Packet>(10));
        }
        uint64_t before = c->GetExaminedEntries();
        resolved = Learn(c,
                         address,
                         PeArpPortRange(30000, 30999),
                         Mac48Address("00:00:00:00:00:01"),
                         pending);
        resolveCost = c->GetExaminedEntries() - before;
        before = c->GetExaminedEntries();
        outstanding = c->FindOutstanding(address, 0, true); // as for a standard reply
        findCost = c->GetExaminedEntries() - before;
    });
    Simulator::Stop(Seconds(0.5));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 10002U, "10,001 waiting entries and the new range");
    NS_TEST_EXPECT_MSG_NE(resolved, nullptr, "the range was learned");
    NS_TEST_EXPECT_MSG_EQ(pending.size(), 0U, "it answers no waiting entry");
    NS_TEST_ASSERT_MSG_NE(outstanding, nullptr, "the outstanding request was found");
    if (outstanding == nullptr)
    {
        return;
    }
    NS_TEST_EXPECT_MSG_EQ(outstanding->GetRequestedPort(), 20000, "the one for port 20000");
    NS_TEST_EXPECT_MSG_LT_OR_EQ(resolveCost, 4U, "Resolve examined a few entries");
    NS_TEST_EXPECT_MSG_LT_OR_EQ(findCost, 4U, "FindOutstanding examined a few entries");
}

/**
 * \ingroup pe-arp-tests
 * \brief Update, the one function that changes an entry's state and MAC:
 * a learned update may not claim all ports (0-0) of a shared address nor
 * touch a permanent entry; an administrative one may, with OVERRIDE; a
 * failure turns a waiting entry DEAD.
 */
class PeArpCacheUpdateTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheUpdateTestCase();

  private:
    void DoRun() override;
};

PeArpCacheUpdateTestCase::PeArpCacheUpdateTestCase()
    : PeArpCacheTestCase("Update: learned, failure and administrative changes; permanent entries")
{
}

void
PeArpCacheUpdateTestCase::DoRun()
{
    Ipv4Address shared("192.35.162.2");
    Ipv4Address declared("192.35.162.3");
    Mac48Address macA("00:00:00:00:00:0a");
    Mac48Address macX("00:00:00:00:00:99");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;

    // Learned 0-0 for an address with ranges, or declared shared: refused.
    PeArpCache::Entry* a = Learn(c, shared, PeArpPortRange(2000, 2999), macA, pending);
    NS_TEST_ASSERT_MSG_NE(a, nullptr, "A's range learned");
    NS_TEST_EXPECT_MSG_EQ(Learn(c, shared, PeArpPortRange::All(), macX, pending),
                          nullptr,
                          "0-0 for a shared address refused");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, shared, 2500), macA, "A's range kept");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(shared, 5000), nullptr, "nothing learned for 5000");
    c->DeclareShared(declared);
    NS_TEST_EXPECT_MSG_EQ(Learn(c, declared, PeArpPortRange::All(), macX, pending),
                          nullptr,
                          "0-0 for a declared shared address refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 1U, "one entry");
    NS_TEST_EXPECT_MSG_EQ(c->GetRefusedEntries(), 2U, "two refusals");

    // Permanent entries: only administrative updates make or change them.
    Mac48Address macP("00:00:00:00:00:01");
    Mac48Address macQ("00:00:00:00:00:02");
    PeArpCache::UpdateResult refused = c->Update(shared,
                                                 PeArpPortRange(3000, 3999),
                                                 macP,
                                                 PeArpCache::Entry::PERMANENT,
                                                 PeArpCache::UPDATE_LEARNED);
    NS_TEST_EXPECT_MSG_EQ(refused.entry, nullptr, "a learned update makes no permanent entry");
    NS_TEST_EXPECT_MSG_EQ(refused.status, PeArpCache::REFUSED_PERMANENT, "status");
    PeArpCache::UpdateStatus status = PeArpCache::UPDATED;
    PeArpCache::Entry* p = c->AddPermanent(shared, PeArpPortRange(3000, 3999), macP);
    NS_TEST_ASSERT_MSG_NE(p, nullptr, "static entry added (administrative)");
    auto update = [&](PeArpPortRange range,
                      Mac48Address mac,
                      PeArpCache::Entry::State state,
                      uint32_t flags) {
        PeArpCache::UpdateResult result = c->Update(shared, range, mac, state, flags);
        status = result.status;
        pending.splice(pending.end(), result.pending);
        return result.entry;
    };
    NS_TEST_EXPECT_MSG_EQ(update(PeArpPortRange(3000, 3999),
                                 macQ,
                                 PeArpCache::Entry::ALIVE,
                                 PeArpCache::UPDATE_LEARNED),
                          nullptr,
                          "learned: refused");
    NS_TEST_EXPECT_MSG_EQ(status, PeArpCache::REFUSED_PERMANENT, "status");
    NS_TEST_EXPECT_MSG_EQ(update(PeArpPortRange(3000, 3999),
                                 macQ,
                                 PeArpCache::Entry::PERMANENT,
                                 PeArpCache::UPDATE_ADMIN),
                          nullptr,
                          "administrative without OVERRIDE: refused");
    NS_TEST_EXPECT_MSG_EQ(status, PeArpCache::REFUSED_PERMANENT, "status");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, shared, 3500), macP, "static MAC kept");
    PeArpCache::Entry* q = update(PeArpPortRange(3000, 3999),
                                  macQ,
                                  PeArpCache::Entry::PERMANENT,
                                  PeArpCache::UPDATE_ADMIN | PeArpCache::UPDATE_OVERRIDE);
    NS_TEST_EXPECT_MSG_EQ(status, PeArpCache::UPDATED, "administrative with OVERRIDE");
    NS_TEST_EXPECT_MSG_EQ(q, p, "changed in place");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, shared, 3500), macQ, "new static MAC");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, shared, 3500), "PERMANENT", "still permanent");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "A's range and the static one");

    // A failure: the waiting entry becomes DEAD, its packet dropped.
    Ipv4Address far("10.0.0.1");
    Ptr<Packet> waiting = Create<Packet>(10);
    c->AddIncomplete(far, 80, waiting);
    PeArpCache::UpdateResult failed = c->Update(far,
                                                PeArpPortRange(80, 80),
                                                Mac48Address(),
                                                PeArpCache::Entry::DEAD,
                                                PeArpCache::UPDATE_LEARNED);
    PeArpCache::Entry* dead = failed.entry;
    NS_TEST_EXPECT_MSG_EQ(failed.status, PeArpCache::UPDATED, "failure applied");
    NS_TEST_EXPECT_MSG_EQ(failed.pending.size(), 0U, "nothing to send for a failure");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, far, 80), "DEAD", "dead");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(far, 80), dead, "the failed entry");
    NS_TEST_ASSERT_MSG_EQ(m_drops.size(), 1U, "its packet dropped");
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].uid, waiting->GetUid(), "that packet");
    NS_TEST_EXPECT_MSG_EQ(m_drops[0].reason, PeArpCache::RESOLUTION_FAILED, "reason");
    PeArpCache::UpdateResult nothing = c->Update(far,
                                                 PeArpPortRange(81, 81),
                                                 Mac48Address(),
                                                 PeArpCache::Entry::DEAD,
                                                 PeArpCache::UPDATE_LEARNED);
    NS_TEST_EXPECT_MSG_EQ(nothing.entry, nullptr, "nothing asked for 81");
    NS_TEST_EXPECT_MSG_EQ(nothing.status, PeArpCache::NO_ENTRY, "so nothing failed");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), 1U, "one failure");
    NS_TEST_EXPECT_MSG_EQ(pending.size(), 0U, "nothing handed back");
}

/**
 * \ingroup pe-arp-tests
 * \brief Failed resolutions of consecutive ports make one DEAD range; a
 * range learned later splits or trims it.
 */
class PeArpCacheDeadRangeTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheDeadRangeTestCase();

  private:
    void DoRun() override;
};

PeArpCacheDeadRangeTestCase::PeArpCacheDeadRangeTestCase()
    : PeArpCacheTestCase("Failures of ports 5000-5009 make one DEAD range; learned ranges split it")
{
}

void
PeArpCacheDeadRangeTestCase::DoRun()
{
    Ipv4Address address("192.35.162.2");
    Mac48Address macD("00:00:00:00:00:0d");
    Mac48Address macE("00:00:00:00:00:0e");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList pending;

    Simulator::Schedule(Seconds(0), [&]() {
        for (uint16_t port = 5000; port < 5010; port++)
        {
            c->AddIncomplete(address, port, Create<Packet>(10));
        }
        c->AddIncomplete(address, 6000, Create<Packet>(10)); // not adjacent
    });
    Simulator::Stop(Seconds(10)); // all failed by 5 s
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), 11U, "eleven failures");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 2U, "two DEAD ranges");
    PeArpCache::Entry* dead = c->Lookup(address, 5004);
    NS_TEST_ASSERT_MSG_NE(dead, nullptr, "5004 is dead");
    NS_TEST_EXPECT_MSG_EQ(dead->IsDead(), true, "dead");
    NS_TEST_EXPECT_MSG_EQ(dead->GetRange(), PeArpPortRange(5000, 5009), "one range 5000-5009");
    bool apart = c->Lookup(address, 6000) != dead;
    NS_TEST_EXPECT_MSG_EQ(apart, true, "6000 apart");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address, 5010), nullptr, "5010 never tried");
    NS_TEST_EXPECT_MSG_EQ(c->IsShared(address), false, "dead ranges do not make it shared");

    // A learned range in the middle splits it, one overlapping its end trims it.
    NS_TEST_ASSERT_MSG_NE(Learn(c, address, PeArpPortRange(5003, 5005), macD, pending),
                          nullptr,
                          "5003-5005 learned");
    NS_TEST_ASSERT_MSG_NE(Learn(c, address, PeArpPortRange(5008, 5100), macE, pending),
                          nullptr,
                          "5008-5100 learned");
    std::ostringstream table;
    c->Print(table);
    NS_TEST_EXPECT_MSG_EQ(table.str(),
                          "Address                  HWtype  HWaddress           Iface\n"
                          "192.35.162.2:5000-5002   "
                          "        (incomplete)        eth1\n"
                          "192.35.162.2:5003-5005   "
                          "ether   00:00:00:00:00:0d   eth1\n"
                          "192.35.162.2:5006-5007   "
                          "        (incomplete)        eth1\n"
                          "192.35.162.2:5008-5100   "
                          "ether   00:00:00:00:00:0e   eth1\n"
                          "192.35.162.2:6000-6000   "
                          "        (incomplete)        eth1\n",
                          "the dead range split and trimmed");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 5U, "five entries");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 5001), "DEAD", "5001 still dead");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address, 5007), "DEAD", "5007 still dead");
    NS_TEST_EXPECT_MSG_EQ(MacAt(c, address, 5009), macE, "5009 learned");
}

/**
 * \ingroup pe-arp-tests
 * \brief New resolutions of an address are bounded by MaxUnresolvedPerAddress
 * and by its token bucket (RequestBurst, RequestRate), retransmissions too;
 * another address has a bucket of its own.
 */
class PeArpCacheAdmissionTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheAdmissionTestCase();

  private:
    void DoRun() override;
};

PeArpCacheAdmissionTestCase::PeArpCacheAdmissionTestCase()
    : PeArpCacheTestCase("MaxUnresolvedPerAddress=2, RequestBurst=2, RequestRate=1 per s")
{
}

void
PeArpCacheAdmissionTestCase::DoRun()
{
    Ipv4Address a("10.0.0.1");
    Ipv4Address b("10.0.0.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("MaxUnresolvedPerAddress", UintegerValue(2));
    c->SetAttribute("RequestBurst", UintegerValue(2));
    c->SetAttribute("RequestRate", DoubleValue(1));
    c->SetAttribute("MaxRetries", UintegerValue(2));
    std::vector<Ptr<Packet>> p;
    for (uint32_t i = 0; i < 6; i++)
    {
        p.push_back(Create<Packet>(100 + i));
    }
    std::vector<bool> added(6, false);
    uint32_t sizeAt45 = 0;

    // The bucket of a holds 2 tokens and gains 1 per second. A new entry
    // takes one for its first request, a retransmission one; an answer
    // would give it back.
    Simulator::Schedule(Seconds(0), [&]() {
        added[0] = c->AddIncomplete(a, 10, p[0]) != nullptr; // 1 token left
        added[1] = c->AddIncomplete(a, 11, p[1]) != nullptr; // 0 left (deferred)
        added[2] = c->AddIncomplete(a, 12, p[2]) != nullptr; // 2 unresolved already
        added[3] = c->AddIncomplete(b, 10, p[3]) != nullptr; // b's own bucket
    });
    // 1 s: a:10 retransmits (the token of 1 s); a:11 sends its first request
    // (its token of 0 s). 2 s: a:10 retransmits (the token of 2 s); a:11 has
    // none. 3 s: a:10 fails; a:11 retransmits (the token of 3 s). 4 s: a:11
    // fails, its DEAD port joins a:10's. b:10 goes as a:10, on its own bucket.
    Simulator::Schedule(MilliSeconds(3500), [&]() {
        added[4] = c->AddIncomplete(a, 12, p[4]) != nullptr; // 0.5 token (since 3 s): refused
    });
    Simulator::Schedule(MilliSeconds(4500), [&]() {
        added[5] = c->AddIncomplete(a, 13, p[5]) != nullptr; // 1.5 tokens: admitted
        sizeAt45 = c->GetSize();
    });
    Simulator::Stop(MilliSeconds(4600));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(added[0], true, "a:10 admitted");
    NS_TEST_EXPECT_MSG_EQ(added[1], true, "a:11 admitted");
    NS_TEST_EXPECT_MSG_EQ(added[2], false, "a:12 refused at 0 s (unresolved limit)");
    NS_TEST_EXPECT_MSG_EQ(added[3], true, "b:10 admitted");
    NS_TEST_EXPECT_MSG_EQ(added[4], false, "a:12 refused at 3.5 s (no token)");
    NS_TEST_EXPECT_MSG_EQ(added[5], true, "a:13 admitted at 4.5 s");
    std::map<std::string, std::string> perKey;
    for (const auto& r : m_requests)
    {
        perKey[Key(r.address, r.port)] += std::to_string(r.time.GetMilliSeconds()) + " ";
    }
    NS_TEST_EXPECT_MSG_EQ(perKey["10.0.0.1:10"], "1000 2000 ", "a:10 retransmissions");
    NS_TEST_EXPECT_MSG_EQ(perKey["10.0.0.1:11"], "1000 3000 ", "a:11 requests");
    NS_TEST_EXPECT_MSG_EQ(perKey["10.0.0.2:10"], "1000 2000 ", "b:10 retransmissions");
    NS_TEST_EXPECT_MSG_EQ(c->GetRateLimitedRequests(), 1U, "a:11 at 2 s not sent");
    std::map<PeArpCache::DropReason, std::string> dropped;
    for (const auto& d : m_drops)
    {
        dropped[d.reason] +=
            std::to_string(d.uid) + "@" + std::to_string(d.time.GetMilliSeconds()) + " ";
    }
    auto at = [](Ptr<Packet> packet, int64_t ms) {
        return std::to_string(packet->GetUid()) + "@" + std::to_string(ms) + " ";
    };
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::UNRESOLVED_LIMIT], at(p[2], 0), "a:12 at 0 s");
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::RATE_LIMITED], at(p[4], 3500), "a:12 at 3.5 s");
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::RESOLUTION_FAILED],
                          at(p[0], 3000) + at(p[3], 3000) + at(p[1], 4000),
                          "a:10 and b:10 at 3 s, a:11 at 4 s");
    NS_TEST_EXPECT_MSG_EQ(sizeAt45, 3U, "a's dead 10-11, b's dead 10, a:13 waiting");
    PeArpCache::Entry* dead = c->Lookup(a, 11);
    NS_TEST_ASSERT_MSG_NE(dead, nullptr, "a:11 dead");
    NS_TEST_EXPECT_MSG_EQ(dead->GetRange(), PeArpPortRange(10, 11), "a's dead range 10-11");
}

/**
 * \ingroup pe-arp-tests
 * \brief At ForcedGcThreshold DEAD entries, then incomplete entries whose
 * request went unanswered, are evicted oldest first, never permanent or
 * resolved entries nor resolutions in their first wait; at MaxEntries new
 * entries are refused.
 */
class PeArpCacheForcedGcTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheForcedGcTestCase();

  private:
    void DoRun() override;
};

PeArpCacheForcedGcTestCase::PeArpCacheForcedGcTestCase()
    : PeArpCacheTestCase("ForcedGcThreshold=4, MaxEntries=6: dead, then unanswered entries evicted")
{
}

void
PeArpCacheForcedGcTestCase::DoRun()
{
    Ipv4Address x("10.0.0.1");
    Ipv4Address y("10.0.0.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("ForcedGcThreshold", UintegerValue(4));
    c->SetAttribute("MaxEntries", UintegerValue(6));
    PeArpCache::PendingList pending;
    auto address = [](uint32_t i) { return Ipv4Address(Ipv4Address("10.1.0.0").Get() + i); };
    Ptr<Packet> o1 = Create<Packet>(10);
    Ptr<Packet> n4 = Create<Packet>(11);
    std::vector<bool> added(8, false);

    Simulator::Schedule(Seconds(0), [&]() {
        c->AddPermanent(x, PeArpPortRange::All(), Mac48Address("00:00:00:00:00:01"));
        Learn(c, y, PeArpPortRange::All(), Mac48Address("00:00:00:00:00:02"), pending);
        added[0] = c->AddIncomplete(address(1), 80, Create<Packet>(1)) != nullptr; // d1
        added[1] = c->AddIncomplete(address(2), 80, Create<Packet>(2)) != nullptr; // d2
    });
    // d1, d2 dead at 4 s. Each entry below finds 4 entries and evicts one.
    Simulator::Schedule(MilliSeconds(4500), [&]() {
        added[2] = c->AddIncomplete(address(3), 80, o1) != nullptr; // o1 (evicts d1)
    });
    Simulator::Schedule(MilliSeconds(5000), [&]() {
        added[3] = c->AddIncomplete(address(4), 80, Create<Packet>(4)) != nullptr; // o2 (d2)
    });
    // o1 retransmits at 5.5 s: unanswered, it may go.
    Simulator::Schedule(MilliSeconds(5700), [&]() {
        added[4] = c->AddIncomplete(address(5), 80, Create<Packet>(5)) != nullptr; // (evicts o1)
    });
    // Nothing left to evict: o2 and n1 are in their first wait.
    Simulator::Schedule(MilliSeconds(5800), [&]() {
        added[5] = c->AddIncomplete(address(6), 80, Create<Packet>(6)) != nullptr; // 5 entries
        added[6] = c->AddIncomplete(address(7), 80, Create<Packet>(7)) != nullptr; // 6 entries
        added[7] = c->AddIncomplete(address(8), 80, n4) != nullptr;                // refused
    });
    Simulator::Stop(MilliSeconds(5900));
    Simulator::Run();

    for (uint32_t i = 0; i < 7; i++)
    {
        NS_TEST_EXPECT_MSG_EQ(added[i], true, "entry " << i << " created");
    }
    NS_TEST_EXPECT_MSG_EQ(added[7], false, "the seventh entry refused");
    NS_TEST_EXPECT_MSG_EQ(c->GetEvictedEntries(), 3U, "d1, d2 and o1 evicted");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), 6U, "MaxEntries");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, x, 1), "PERMANENT", "the static entry stays");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, y, 1), "ALIVE", "the resolved entry stays");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address(1), 80), nullptr, "d1 gone");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address(2), 80), nullptr, "d2 gone");
    NS_TEST_EXPECT_MSG_EQ(c->Lookup(address(3), 80), nullptr, "o1 gone");
    NS_TEST_EXPECT_MSG_EQ(StateAt(c, address(4), 80), "WAIT_REPLY", "o2 stays");
    std::map<PeArpCache::DropReason, std::vector<uint64_t>> dropped;
    for (const auto& d : m_drops)
    {
        dropped[d.reason].push_back(d.uid);
    }
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::RESOLUTION_FAILED].size(), 2U, "d1, d2 at 4 s");
    NS_TEST_ASSERT_MSG_EQ(dropped[PeArpCache::EVICTED].size(), 1U, "o1's packet");
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::EVICTED][0], o1->GetUid(), "that packet");
    NS_TEST_ASSERT_MSG_EQ(dropped[PeArpCache::TABLE_FULL].size(), 1U, "the refused packet");
    NS_TEST_EXPECT_MSG_EQ(dropped[PeArpCache::TABLE_FULL][0], n4->GetUid(), "that packet");
}

/**
 * \ingroup pe-arp-tests
 * \brief With the default limits, a legitimate burst is not slowed down:
 * 4,096 hosts of one address (15 ports each) whose first packets arrive
 * within 1 s, each resolved 10 ms later (the longest default request
 * jitter), are all admitted and all their packets handed back (answered
 * requests take no token).
 */
class PeArpCacheLegitimateBurstTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheLegitimateBurstTestCase();

  private:
    void DoRun() override;
};

PeArpCacheLegitimateBurstTestCase::PeArpCacheLegitimateBurstTestCase()
    : PeArpCacheTestCase("Default limits: 4,096 hosts of one address starting within 1 s")
{
}

void
PeArpCacheLegitimateBurstTestCase::DoRun()
{
    const uint32_t hosts = 4096;
    Ipv4Address address("192.35.162.2");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    PeArpCache::PendingList handedBack;
    uint32_t admitted = 0;
    for (uint32_t i = 0; i < hosts; i++)
    {
        uint16_t low = 1024 + 15 * i;
        Time first = Seconds(1.0 * i / hosts);
        Simulator::Schedule(first, [&, low]() {
            admitted += c->AddIncomplete(address, low + 7, Create<Packet>(10)) != nullptr;
        });
        Simulator::Schedule(first + MilliSeconds(10), [&, i, low]() {
            Mac48Address mac(Mac48Address::Allocate());
            PeArpCache::PendingList pending;
            Learn(c, address, PeArpPortRange(low, low + 14), mac, pending);
            handedBack.splice(handedBack.end(), pending);
        });
    }
    Simulator::Stop(Seconds(2));
    Simulator::Run();

    NS_TEST_EXPECT_MSG_EQ(admitted, hosts, "every first packet got an entry");
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 0U, "no packet dropped");
    NS_TEST_EXPECT_MSG_EQ(handedBack.size(), hosts, "every packet handed back");
    NS_TEST_EXPECT_MSG_EQ(c->GetSize(), hosts, "one entry per host");
    NS_TEST_EXPECT_MSG_EQ(c->GetRateLimitedRequests(), 0U, "no request held back");
}

/**
 * \ingroup pe-arp-tests
 * \brief The attribute checkers reject values that make no sense or would
 * hang a run (a WaitReplyTimeout of 0 with a huge MaxRetries retransmitted
 * forever at the same instant); the extreme accepted values end.
 */
class PeArpCacheAttributeBoundsTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheAttributeBoundsTestCase();

  private:
    void DoRun() override;
};

PeArpCacheAttributeBoundsTestCase::PeArpCacheAttributeBoundsTestCase()
    : PeArpCacheTestCase("Attribute checkers: bad values refused, extreme values end")
{
}

void
PeArpCacheAttributeBoundsTestCase::DoRun()
{
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);

    struct
    {
        std::string name;
        Ptr<AttributeValue> value;
        bool accepted;
    } const cases[] = {
        {"WaitReplyTimeout", Create<TimeValue>(Seconds(0)), false},
        {"WaitReplyTimeout", Create<TimeValue>(Seconds(-1)), false},
        {"WaitReplyTimeout", Create<TimeValue>(NanoSeconds(1)), true},
        {"MaxRetries", Create<UintegerValue>(4294967295U), false},
        {"MaxRetries", Create<UintegerValue>(101), false},
        {"MaxRetries", Create<UintegerValue>(100), true},
        {"AliveTimeout", Create<TimeValue>(Seconds(0)), false},
        {"DeadTimeout", Create<TimeValue>(Seconds(-1)), false},
        {"DeadTimeout", Create<TimeValue>(Seconds(0)), true},
        {"GcInterval", Create<TimeValue>(Seconds(-1)), false},
        {"PendingQueueSize", Create<UintegerValue>(65537), false},
        {"PendingQueueSize", Create<UintegerValue>(0), true},
        {"MaxEntries", Create<UintegerValue>(0), false},
        {"ForcedGcThreshold", Create<UintegerValue>(0), false},
        {"MaxUnresolvedPerAddress", Create<UintegerValue>(0), false},
        {"MaxUnresolvedPerAddress", Create<UintegerValue>(65537), false},
        {"RequestRate", Create<DoubleValue>(-1), false},
        {"RequestRate", Create<DoubleValue>(0), true},
        {"RequestBurst", Create<UintegerValue>(0), false},
    };

    for (const auto& t : cases)
    {
        Ptr<PeArpCache> fresh = CreateObject<PeArpCache>();
        NS_TEST_EXPECT_MSG_EQ(fresh->SetAttributeFailSafe(t.name, *t.value),
                              t.accepted,
                              t.name << " = " << t.value->SerializeToString(nullptr));
        fresh->Dispose();
    }

    // The extremes accepted together end: 100 retransmissions 1 ns apart.
    c->SetAttribute("WaitReplyTimeout", TimeValue(NanoSeconds(1)));
    c->SetAttribute("MaxRetries", UintegerValue(100));
    Simulator::Schedule(Seconds(1), [&]() {
        c->AddIncomplete(Ipv4Address("10.0.0.1"), 80, Create<Packet>(10));
    });
    Simulator::Run();
    NS_TEST_EXPECT_MSG_EQ(m_requests.size(), 100U, "100 retransmissions");
    NS_TEST_EXPECT_MSG_EQ(c->GetResolutionFailures(), 1U, "then the entry failed");
    NS_TEST_EXPECT_MSG_EQ(Simulator::Now(), Seconds(1) + NanoSeconds(101), "at 1 s + 101 ns");
}

/**
 * \ingroup pe-arp-tests
 * \brief A request that is answered gives its token back: with a bucket of
 * one token that hardly refills, resolution after resolution goes through
 * as long as each is answered; an unanswered one keeps the token.
 */
class PeArpCacheTokenRefundTestCase : public PeArpCacheTestCase
{
  public:
    PeArpCacheTokenRefundTestCase();

  private:
    void DoRun() override;
};

PeArpCacheTokenRefundTestCase::PeArpCacheTokenRefundTestCase()
    : PeArpCacheTestCase("RequestBurst=1: answered requests give their token back")
{
}

void
PeArpCacheTokenRefundTestCase::DoRun()
{
    Ipv4Address a("10.0.0.1");
    Ptr<PeArpCache> c = CreateCache();
    ScenarioCleanup cleanup(c);
    c->SetAttribute("RequestBurst", UintegerValue(1));
    c->SetAttribute("RequestRate", DoubleValue(0.001)); // one token in 1000 s
    std::string admitted;
    Simulator::Schedule(Seconds(1), [&]() {
        for (uint16_t host = 0; host < 5; host++)
        {
            uint16_t low = 10 * (host + 1);
            admitted += c->AddIncomplete(a, low, Create<Packet>(10)) != nullptr ? "y" : "n";
            PeArpCache::PendingList pending;
            Learn(c, a, PeArpPortRange(low, low + 9), Mac48Address::Allocate(), pending);
        }
        admitted += " ";
        admitted += c->AddIncomplete(a, 100, Create<Packet>(10)) != nullptr ? "y" : "n";
        admitted += c->AddIncomplete(a, 200, Create<Packet>(10)) != nullptr ? "y" : "n";
    });
    Simulator::Stop(Seconds(2));
    Simulator::Run();
    NS_TEST_EXPECT_MSG_EQ(admitted,
                          "yyyyy yn",
                          "five answered resolutions on one token; then 100 keeps it, 200 waits");
    NS_TEST_EXPECT_MSG_EQ(m_drops.size(), 1U, "200's packet dropped");
    NS_TEST_EXPECT_MSG_EQ((m_drops.size() == 1 && m_drops[0].reason == PeArpCache::RATE_LIMITED),
                          true,
                          "as RATE_LIMITED");
}

/**
 * \ingroup pe-arp-tests
 * \brief The PE-ARP cache test suite.
 */
class PeArpCacheTestSuite : public TestSuite
{
  public:
    PeArpCacheTestSuite();
};

PeArpCacheTestSuite::PeArpCacheTestSuite()
    : TestSuite("pe-arp-cache", UNIT)
{
    AddTestCase(new PeArpCacheLookupTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheResolveMergeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheSupersedeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCachePermanentTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCachePendingQueueTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheRetransmissionTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheAnsweredTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheTimerScalingTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheAliveTimeoutTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheMaxEntriesTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheGcTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheFlushTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCachePrintTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheScanCostTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheUpdateTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheDeadRangeTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheAdmissionTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheForcedGcTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheLegitimateBurstTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheTokenRefundTestCase, TestCase::QUICK);
    AddTestCase(new PeArpCacheAttributeBoundsTestCase, TestCase::QUICK);
}

static PeArpCacheTestSuite g_peArpCacheTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
