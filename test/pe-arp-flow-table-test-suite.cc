/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * The flow switch's table (PeArpFlowTable): priorities, masks, port ranges,
 * timeouts and flow-removed reasons, counters, and a randomized
 * differential test of the tuple-space search against a linear matcher.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/nstime.h"
#include "ns3/pe-arp-flow-table.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param priority a priority
 * \param match a match
 * \param port the output port
 * \return an entry sending to that port
 */
PeArpFlowEntry
Entry(uint16_t priority, const PeArpFlowMatch& match, uint32_t port)
{
    PeArpFlowEntry e;
    e.priority = priority;
    e.match = match;
    e.actions = {PeArpFlowAction::Output(port)};
    return e;
}

/**
 * \param proto IP protocol
 * \param dst IPv4 destination
 * \param port L4 destination port
 * \param inPort switch port
 * \return the key of such an IPv4 packet
 */
PeArpFlowKey
IpKey(uint8_t proto, Ipv4Address dst, uint16_t port, uint32_t inPort = 0)
{
    PeArpFlowKey k;
    k.inPort = inPort;
    k.ethType = 0x0800;
    k.ipProto = proto;
    k.ipDst = dst.Get();
    k.l4Dst = port;
    return k;
}

/**
 * \param entry an entry or null
 * \return its output port, or -1
 */
int64_t
OutPort(Ptr<const PeArpFlowEntry> entry)
{
    return entry ? static_cast<int64_t>(entry->actions.front().port) : -1;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Priorities, masks and port ranges decide the entry a frame hits.
 */
class PeArpFlowTableMatchTestCase : public TestCase
{
  public:
    PeArpFlowTableMatchTestCase()
        : TestCase("flow table: priority, masks and port ranges")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpFlowTable> table = CreateObject<PeArpFlowTable>();
        Ipv4Address shared("198.108.63.2");
        PeArpFlowMatch ip = PeArpFlowMatch().SetEthType(0x0800);
        // Low priority: everything IPv4 to port 9; the /24 to port 8 (higher).
        table->Add(Entry(10, ip, 9));
        table->Add(
            Entry(20, PeArpFlowMatch(ip).SetIpDst("198.108.63.0", Ipv4Mask("255.255.255.0")), 8));
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, "10.0.0.1", 80))), 9, "IPv4 catch-all");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, "198.108.63.77", 80))),
                              8,
                              "the /24 is more specific by priority");
        // The guest's range, TCP and UDP, as value/mask entries (priority 30).
        PeArpFlowMatch guest = PeArpFlowMatch(ip).SetIpDst(shared);
        uint32_t entries = 0;
        for (uint8_t proto : {6, 17})
        {
            for (const PeArpFlowMatch& m :
                 PeArpFlowMatch(guest).SetIpProto(proto).ForPortRange(2000,
                                                                      2999,
                                                                      PeArpFlowMatch::VALUE_MASK))
            {
                NS_TEST_EXPECT_MSG_NE(table->Add(Entry(30, m, 1)).entry, nullptr, "installed");
                entries++;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(entries, 16, "TCP+UDP 2000-2999: 16 value/mask entries");
        NS_TEST_EXPECT_MSG_EQ(
            2 * PeArpFlowMatch::CountRangeEntries(2000, 2999, PeArpFlowMatch::VALUE_MASK),
            16,
            "reported");
        NS_TEST_EXPECT_MSG_EQ(
            2 * PeArpFlowMatch::CountRangeEntries(2000, 2999, PeArpFlowMatch::EXACT_PER_PORT),
            2000,
            "one per port: 2000");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpFlowMatch(guest).ForPortRange(2000, 2999, PeArpFlowMatch::EXACT_PER_PORT).size(),
            1000,
            "exact matches for 1000 ports");
        for (uint32_t port = 1990; port <= 3010; ++port)
        {
            bool in = port >= 2000 && port <= 2999;
            for (uint8_t proto : {6, 17})
            {
                NS_TEST_EXPECT_MSG_EQ(
                    OutPort(table->Find(IpKey(proto, shared, static_cast<uint16_t>(port)))),
                    in ? 1 : 8,
                    "proto " << +proto << " port " << port);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(1, shared, 2500))),
                              8,
                              "ICMP is not in the TCP/UDP range entries");
        // Equal priority, both match: the older entry wins.
        PeArpFlowMatch byPort = PeArpFlowMatch(ip).SetInPort(4);
        table->Add(Entry(40, byPort, 5));
        table->Add(Entry(40, PeArpFlowMatch(ip).SetIpProto(17), 6));
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(17, shared, 2500, 4))),
                              5,
                              "equal priority: the oldest wins");
        // Same match and priority: replaced.
        PeArpFlowTable::AddResult r = table->Add(Entry(40, byPort, 7));
        NS_TEST_EXPECT_MSG_EQ(r.replaced, true, "same match and priority: replaced");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(17, shared, 2500, 4))),
                              6,
                              "the replacement is newer than the UDP entry");
        NS_TEST_EXPECT_MSG_EQ(table->DeleteStrict(PeArpFlowMatch(ip).SetIpProto(17), 40),
                              true,
                              "deleted");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(17, shared, 2500, 4))), 7, "the other");
        NS_TEST_EXPECT_MSG_EQ(table->DeleteStrict(PeArpFlowMatch(ip).SetIpProto(17), 40),
                              false,
                              "no longer there");
        // ICMP: source with mask, type and id.
        PeArpFlowMatch reply =
            PeArpFlowMatch(ip).SetIpProto(1).SetIcmpType(0).SetIpSrc("192.35.162.10");
        table->Add(Entry(50, reply, 2));
        table->Add(Entry(60, PeArpFlowMatch(reply).SetIcmpId(7), 3));
        PeArpFlowKey k = IpKey(1, shared, 0);
        k.ipSrc = Ipv4Address("192.35.162.10").Get();
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(k)), 2, "echo reply, any id");
        k.icmpId = 7;
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(k)), 3, "echo reply, id 7");
        k.icmpType = 8;
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(k)), 8, "an echo request is not a reply");
        // ARP.
        PeArpFlowKey arp;
        arp.ethType = 0x0806;
        arp.arpOp = 2;
        NS_TEST_EXPECT_MSG_EQ(table->Find(arp), nullptr, "no entry for ARP");
        table->Add(Entry(5, PeArpFlowMatch().SetEthType(0x0806).SetArpOp(2), 4));
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(arp)), 4, "ARP reply");
        arp.arpOp = 1;
        NS_TEST_EXPECT_MSG_EQ(table->Find(arp), nullptr, "not the request");
        NS_TEST_EXPECT_MSG_EQ(table->GetNEntries(), 22, "2 + 16 + 1 + 2 + 1 entries");
        // Cookies.
        PeArpFlowEntry tagged = Entry(1, PeArpFlowMatch().SetEthType(0x86dd), 0);
        tagged.cookie = 99;
        table->Add(tagged);
        NS_TEST_EXPECT_MSG_EQ(table->DeleteByCookie(99), 1, "deleted by cookie");
        table->Clear();
        NS_TEST_EXPECT_MSG_EQ(table->GetNEntries(), 0, "cleared");
        NS_TEST_EXPECT_MSG_EQ(table->GetNMasks(), 0, "no groups left");
    }
};

/**
 * \ingroup pe-arp-tests
 * RANGE matches on the L4 destination port (ebtables' --ip-dport a:b):
 * exactly low..high, priority against value/mask entries and other RANGE
 * entries, deletion.
 */
class PeArpFlowTableRangeTestCase : public TestCase
{
  public:
    PeArpFlowTableRangeTestCase()
        : TestCase("flow table: RANGE entries match exactly low..high, by priority")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpFlowTable> table = CreateObject<PeArpFlowTable>();
        Ipv4Address shared("198.108.63.2");
        PeArpFlowMatch tcp = PeArpFlowMatch().SetEthType(0x0800).SetIpProto(6).SetIpDst(shared);
        PeArpFlowMatch range = PeArpFlowMatch(tcp).SetL4DstRange(2000, 2999);
        NS_TEST_EXPECT_MSG_EQ(range.HasL4DstRange(), true, "a RANGE");
        NS_TEST_EXPECT_MSG_EQ(range.GetMask().l4Dst, 0, "l4Dst is not in the value/mask");
        NS_TEST_EXPECT_MSG_EQ(range.Matches(IpKey(6, shared, 2000)), true, "2000 matches");
        NS_TEST_EXPECT_MSG_EQ(range.Matches(IpKey(6, shared, 1999)), false, "1999 does not");
        NS_TEST_EXPECT_MSG_EQ(range.Matches(IpKey(17, shared, 2500)), false, "nor UDP");
        std::ostringstream text;
        text << range;
        NS_TEST_EXPECT_MSG_NE(text.str().find("tp_dst=2000:2999"), std::string::npos, text.str());
        NS_TEST_EXPECT_MSG_EQ(
            PeArpFlowMatch(range).SetL4Dst(PeArpPortMask::Exact(7)).HasL4DstRange(),
            false,
            "a value/mask port replaces the RANGE");
        NS_TEST_EXPECT_MSG_EQ((range == PeArpFlowMatch(tcp).SetL4DstRange(2000, 3000)),
                              false,
                              "ranges differ: matches differ");
        NS_TEST_EXPECT_MSG_EQ(tcp.ForPortRange(2000, 2999, PeArpFlowMatch::RANGE).size(),
                              1,
                              "one RANGE match");
        NS_TEST_EXPECT_MSG_EQ((tcp.ForPortRange(2000, 2999, PeArpFlowMatch::RANGE)[0] == range),
                              true,
                              "the range itself");
        NS_TEST_EXPECT_MSG_EQ(PeArpFlowMatch::CountRangeEntries(2000, 2999, PeArpFlowMatch::RANGE),
                              1,
                              "counted as one");

        // A RANGE entry alone: exactly 2000..2999.
        table->Add(Entry(30, range, 1));
        for (uint32_t port = 1990; port <= 3010; ++port)
        {
            bool in = port >= 2000 && port <= 2999;
            NS_TEST_EXPECT_MSG_EQ(
                OutPort(table->Find(IpKey(6, shared, static_cast<uint16_t>(port)))),
                in ? 1 : -1,
                "port " << port);
        }
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 0))), -1, "port 0");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 65535))), -1, "port 65535");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, "198.108.63.3", 2500))),
                              -1,
                              "another destination");
        // Value/mask above it (2048-2111, priority 40) and below it (any port, 20).
        table->Add(Entry(40, PeArpFlowMatch(tcp).SetL4Dst(PeArpPortMask(2048, 0xffc0)), 2));
        table->Add(Entry(20, tcp, 3));
        // A RANGE above both (2100-2200, 50) and one below all (0-65535, 10).
        table->Add(Entry(50, PeArpFlowMatch(tcp).SetL4DstRange(2100, 2200), 4));
        table->Add(Entry(10, PeArpFlowMatch(tcp).SetL4DstRange(0, 65535), 5));
        // Equal priority, overlapping: the older (2000-2999) wins where both match.
        table->Add(Entry(30, PeArpFlowMatch(tcp).SetL4DstRange(2500, 3500), 6));
        std::vector<std::pair<uint16_t, int64_t>> expected = {{0, 3},
                                                              {1999, 3},
                                                              {2000, 1},
                                                              {2047, 1},
                                                              {2048, 2},
                                                              {2099, 2},
                                                              {2100, 4},
                                                              {2111, 4},
                                                              {2200, 4},
                                                              {2201, 1},
                                                              {2499, 1},
                                                              {2500, 1},
                                                              {2999, 1},
                                                              {3000, 6},
                                                              {3500, 6},
                                                              {3501, 3},
                                                              {65535, 3}};
        for (const auto& [port, out] : expected)
        {
            NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, port))),
                                  out,
                                  "port " << port);
        }
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(17, shared, 2500))), -1, "UDP: none");
        // Delete: strict on range and priority.
        NS_TEST_EXPECT_MSG_EQ(
            table->DeleteStrict(PeArpFlowMatch(tcp).SetL4DstRange(2100, 2201), 50),
            false,
            "another range");
        NS_TEST_EXPECT_MSG_EQ(
            table->DeleteStrict(PeArpFlowMatch(tcp).SetL4DstRange(2100, 2200), 30),
            false,
            "another priority");
        NS_TEST_EXPECT_MSG_EQ(
            table->DeleteStrict(PeArpFlowMatch(tcp).SetL4DstRange(2100, 2200), 50),
            true,
            "deleted");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 2150))), 1, "2150: the range");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 2100))), 2, "2100: value/mask");
        NS_TEST_EXPECT_MSG_EQ(table->DeleteStrict(range, 30), true, "2000-2999 deleted");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 2500))),
                              6,
                              "2500: the newer range now");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 2499))), 3, "2499: any port");
        // Same RANGE and priority: replaced.
        NS_TEST_EXPECT_MSG_EQ(
            table->Add(Entry(30, PeArpFlowMatch(tcp).SetL4DstRange(2500, 3500), 7)).replaced,
            true,
            "replaced");
        NS_TEST_EXPECT_MSG_EQ(OutPort(table->Find(IpKey(6, shared, 3500))), 7, "by the new one");
        NS_TEST_EXPECT_MSG_EQ(table->GetNEntries(), 4, "6 - 2 entries");
        table->Clear();
        NS_TEST_EXPECT_MSG_EQ(table->GetNMasks(), 0, "no groups left");
        NS_TEST_EXPECT_MSG_EQ(table->Find(IpKey(6, shared, 3000)), nullptr, "empty");
    }
};

/**
 * \ingroup pe-arp-tests
 * Idle and hard timeouts remove entries within [deadline, deadline +
 * SweepInterval], with the right reason; counters count packets and bytes.
 */
class PeArpFlowTableTimeoutTestCase : public TestCase
{
  public:
    PeArpFlowTableTimeoutTestCase()
        : TestCase("flow table: timeouts, flow-removed reasons and counters")
    {
    }

  private:
    /** A removal seen on the trace. */
    struct Removal
    {
        uint64_t cookie;                      //!< the entry's cookie
        PeArpFlowEntry::RemovedReason reason; //!< why
        Time at;                              //!< when
        uint64_t packets;                     //!< its packet counter
        uint64_t bytes;                       //!< its byte counter
    };

    std::vector<Removal> m_removed; //!< removals

    /**
     * \param entry the entry
     * \param reason why
     */
    void Removed(Ptr<const PeArpFlowEntry> entry, PeArpFlowEntry::RemovedReason reason)
    {
        m_removed.push_back(
            {entry->cookie, reason, Simulator::Now(), entry->GetPackets(), entry->GetBytes()});
    }

    /**
     * \param cookie a cookie
     * \return its removal, or nullptr
     */
    const Removal* Of(uint64_t cookie) const
    {
        for (const Removal& r : m_removed)
        {
            if (r.cookie == cookie)
            {
                return &r;
            }
        }
        return nullptr;
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpFlowTable> table = CreateObject<PeArpFlowTable>();
        table->TraceConnectWithoutContext(
            "FlowRemoved",
            MakeCallback(&PeArpFlowTableTimeoutTestCase::Removed, this));
        auto add = [&table](uint64_t cookie, uint16_t port, Time idle, Time hard) {
            PeArpFlowEntry e =
                Entry(10,
                      PeArpFlowMatch().SetEthType(0x0800).SetL4Dst(PeArpPortMask::Exact(port)),
                      1);
            e.cookie = cookie;
            e.idleTimeout = idle;
            e.hardTimeout = hard;
            table->Add(e);
        };
        add(1, 1, Seconds(1), Time(0));    // idle, never hit: gone in [1, 1.1]
        add(2, 2, Seconds(1), Time(0));    // idle, hit every 0.5 s until 3 s: gone in [4, 4.1]
        add(3, 3, Seconds(1), Seconds(2)); // hit all the time, hard 2 s: gone in [2, 2.1]
        add(4, 4, Time(0), Time(0));       // permanent, deleted at 5 s
        add(5, 5, Seconds(10), Time(0));   // replaced at 0.5 s
        for (uint32_t i = 1; i <= 6; ++i)
        {
            Simulator::Schedule(Seconds(0.5 * i), [&table]() {
                PeArpFlowKey k;
                k.ethType = 0x0800;
                k.l4Dst = 2;
                table->Lookup(k, 100);
                k.l4Dst = 3;
                table->Lookup(k, 60);
                k.l4Dst = 4;
                table->Lookup(k, 1500);
                k.l4Dst = 9;
                table->Lookup(k, 1); // a miss
            });
        }
        Simulator::Schedule(Seconds(0.5), [&add]() { add(6, 5, Seconds(10), Time(0)); });
        Simulator::Schedule(Seconds(5), [&table]() {
            table->DeleteStrict(
                PeArpFlowMatch().SetEthType(0x0800).SetL4Dst(PeArpPortMask::Exact(4)),
                10);
        });
        Simulator::Stop(Seconds(6));
        Simulator::Run();

        struct Want
        {
            uint64_t cookie;
            PeArpFlowEntry::RemovedReason reason;
            double at;
            uint64_t packets;
            uint64_t bytes;
        };

        for (const Want& w : std::vector<Want>{{1, PeArpFlowEntry::IDLE_TIMEOUT, 1, 0, 0},
                                               {2, PeArpFlowEntry::IDLE_TIMEOUT, 4, 6, 600},
                                               {3, PeArpFlowEntry::HARD_TIMEOUT, 2, 4, 240},
                                               {4, PeArpFlowEntry::DELETE, 5, 6, 9000},
                                               {5, PeArpFlowEntry::DELETE, 0.5, 0, 0}})
        {
            const Removal* r = Of(w.cookie);
            NS_TEST_EXPECT_MSG_NE(r, nullptr, "entry " << w.cookie << " removed");
            if (!r)
            {
                continue;
            }
            NS_TEST_EXPECT_MSG_EQ(r->reason, w.reason, "entry " << w.cookie << " reason");
            NS_TEST_EXPECT_MSG_GT_OR_EQ(r->at, Seconds(w.at), "entry " << w.cookie << " not early");
            NS_TEST_EXPECT_MSG_LT_OR_EQ(r->at,
                                        Seconds(w.at) + MilliSeconds(100),
                                        "entry " << w.cookie << " within one sweep");
            NS_TEST_EXPECT_MSG_EQ(r->packets, w.packets, "entry " << w.cookie << " packets");
            NS_TEST_EXPECT_MSG_EQ(r->bytes, w.bytes, "entry " << w.cookie << " bytes");
        }
        NS_TEST_EXPECT_MSG_EQ(Of(6), nullptr, "the replacement stays (idle 10 s)");
        NS_TEST_EXPECT_MSG_EQ(m_removed.size(), 5, "five removals");
        NS_TEST_EXPECT_MSG_EQ(table->GetNEntries(), 1, "one entry left");
        const PeArpFlowTable::Counters& c = table->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.lookups, 24, "4 lookups x 6");
        NS_TEST_EXPECT_MSG_EQ(c.hits, 16, "hits: 6 + 4 (entry 3 gone at 2 s) + 6");
        NS_TEST_EXPECT_MSG_EQ(c.misses, 8, "misses: 6 + 2 after entry 3 left");
        NS_TEST_EXPECT_MSG_EQ(c.added, 6, "added");
        NS_TEST_EXPECT_MSG_EQ(c.replaced, 1, "replaced");
        NS_TEST_EXPECT_MSG_EQ(c.idleRemoved, 2, "idle");
        NS_TEST_EXPECT_MSG_EQ(c.hardRemoved, 1, "hard");
        NS_TEST_EXPECT_MSG_EQ(c.deleted, 2, "deleted: entry 4, and entry 5 by replacement");
        NS_TEST_EXPECT_MSG_EQ(c.peak, 5, "peak");
    }
};

/**
 * \ingroup pe-arp-tests
 * MaxEntries refuses and counts; a negative timeout is refused, named.
 */
class PeArpFlowTableLimitsTestCase : public TestCase
{
  public:
    PeArpFlowTableLimitsTestCase()
        : TestCase("flow table: a full table refuses and counts, a negative timeout is named")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpFlowTable> table = CreateObject<PeArpFlowTable>();
        table->SetAttribute("MaxEntries", UintegerValue(2));
        for (uint16_t port = 1; port <= 3; ++port)
        {
            PeArpFlowTable::AddResult r =
                table->Add(Entry(1, PeArpFlowMatch().SetL4Dst(PeArpPortMask::Exact(port)), port));
            NS_TEST_EXPECT_MSG_EQ((r.entry == nullptr), (port == 3), "entry " << port);
        }
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().refused, 1, "one refusal counted");
        NS_TEST_EXPECT_MSG_EQ(table->GetNEntries(), 2, "two entries");
        NS_TEST_EXPECT_MSG_EQ(table->SetAttributeFailSafe("SweepInterval", TimeValue(Time(0))),
                              false,
                              "a sweep interval of 0 is refused");
        ChildOutcome out = RunInChild([]() {
            Ptr<PeArpFlowTable> t = CreateObject<PeArpFlowTable>();
            PeArpFlowEntry e;
            e.idleTimeout = Seconds(-1);
            t->Add(e);
        });
        NS_TEST_EXPECT_MSG_EQ(out.aborted, true, "stopped; it said: " << out.output);
        NS_TEST_EXPECT_MSG_NE(out.output.find("idleTimeout (-1s) is negative"),
                              std::string::npos,
                              "names it; it said: " << out.output);
    }
};

/**
 * \ingroup pe-arp-tests
 * The tuple-space search gives what a linear matcher gives, on 10,000
 * random entries and 4,000 random keys, probing at most one hash table per
 * mask.
 */
class PeArpFlowTableDifferentialTestCase : public TestCase
{
  public:
    PeArpFlowTableDifferentialTestCase()
        : TestCase("flow table: tuple-space search equals a linear matcher (10,000 entries)")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        RngSeedManager::SetSeed(8);
        RngSeedManager::SetRun(2);
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(2);
        Ptr<PeArpFlowTable> table = CreateObject<PeArpFlowTable>();
        std::vector<Ptr<const PeArpFlowEntry>> linear;
        uint32_t ranges = 0;
        // Small value spaces, so that keys hit often and entries overlap.
        auto randomKey = [&u](uint32_t dsts) {
            PeArpFlowKey k;
            k.inPort = u->GetInteger(0, 3);
            k.ethType = u->GetInteger(0, 3) == 0 ? 0x0806 : 0x0800;
            k.ipProto = u->GetInteger(0, 1) == 0 ? 6 : 17;
            k.ipSrc = 0x0a000000 | u->GetInteger(0, 7);
            k.ipDst = 0xc66c3f00 | u->GetInteger(0, dsts - 1);
            k.l4Dst = static_cast<uint16_t>(u->GetInteger(0, 255));
            k.icmpType = u->GetInteger(0, 1) == 0 ? 0 : 8;
            k.icmpId = u->GetInteger(0, 3);
            k.arpOp = u->GetInteger(1, 2);
            return k;
        };
        for (uint32_t i = 0; i < 10000; ++i)
        {
            PeArpFlowKey v = randomKey(16);
            PeArpFlowMatch m;
            uint32_t fields = u->GetInteger(0, 511) | 16; // always a destination
            if (fields & 1)
            {
                m.SetInPort(v.inPort);
            }
            if (fields & 2)
            {
                m.SetEthType(v.ethType);
            }
            if (fields & 4)
            {
                m.SetIpProto(v.ipProto);
            }
            if (fields & 8)
            {
                m.SetIpSrc(Ipv4Address(v.ipSrc), Ipv4Mask(u->GetInteger(0, 1) ? "/32" : "/30"));
            }
            if (fields & 16)
            {
                m.SetIpDst(Ipv4Address(v.ipDst), Ipv4Mask(u->GetInteger(0, 1) ? "/32" : "/29"));
            }
            if ((fields & 32) && u->GetInteger(0, 1) == 0)
            {
                uint16_t mask = static_cast<uint16_t>(0xffff << u->GetInteger(0, 8));
                m.SetL4Dst(PeArpPortMask(v.l4Dst & mask, mask));
            }
            else if (fields & 32)
            {
                m.SetL4DstRange(v.l4Dst, static_cast<uint16_t>(v.l4Dst + u->GetInteger(0, 63)));
                ranges++;
            }
            if (fields & 64)
            {
                m.SetIcmpType(v.icmpType);
            }
            if (fields & 128)
            {
                m.SetIcmpId(v.icmpId);
            }
            if (fields & 256)
            {
                m.SetArpOp(v.arpOp);
            }
            auto priority = static_cast<uint16_t>(u->GetInteger(0, 31));
            PeArpFlowTable::AddResult r = table->Add(Entry(priority, m, i));
            if (r.replaced)
            {
                for (auto it = linear.begin(); it != linear.end(); ++it)
                {
                    if ((*it)->match == m && (*it)->priority == priority)
                    {
                        linear.erase(it);
                        break;
                    }
                }
            }
            linear.push_back(r.entry);
        }
        // 1,000 overlapping RANGE entries in few buckets (in_port 3, TCP or UDP), so
        // that segments hold several entries and priorities decide.
        for (uint32_t i = 0; i < 1000; ++i)
        {
            auto low = static_cast<uint16_t>(u->GetInteger(0, 255));
            PeArpFlowMatch m =
                PeArpFlowMatch()
                    .SetInPort(3)
                    .SetEthType(0x0800)
                    .SetIpProto(u->GetInteger(0, 1) == 0 ? 6 : 17)
                    .SetL4DstRange(low, static_cast<uint16_t>(low + u->GetInteger(0, 127)));
            auto priority = static_cast<uint16_t>(u->GetInteger(0, 31));
            PeArpFlowTable::AddResult r = table->Add(Entry(priority, m, 20000 + i));
            if (r.replaced)
            {
                for (auto it = linear.begin(); it != linear.end(); ++it)
                {
                    if ((*it)->match == m && (*it)->priority == priority)
                    {
                        linear.erase(it);
                        break;
                    }
                }
            }
            linear.push_back(r.entry);
            ranges++;
        }
        NS_TEST_EXPECT_MSG_GT(ranges, 2000, "many RANGE entries");
        // Delete a quarter, to exercise the interval maps' removals.
        std::vector<Ptr<const PeArpFlowEntry>> kept;
        for (const Ptr<const PeArpFlowEntry>& e : linear)
        {
            if (u->GetInteger(0, 3) == 0)
            {
                NS_TEST_ASSERT_MSG_EQ(table->DeleteStrict(e->match, e->priority),
                                      true,
                                      "deleted " << e->match);
            }
            else
            {
                kept.push_back(e);
            }
        }
        linear = kept;
        PEARP_REQUIRE_EQ(table->GetNEntries(), linear.size(), "same number of entries");
        uint32_t hits = 0;
        uint32_t maxProbes = 0;
        uint64_t totalProbes = 0;
        for (uint32_t i = 0; i < 4000; ++i)
        {
            PeArpFlowKey k = randomKey(32); // half the destinations have no entry
            Ptr<const PeArpFlowEntry> naive;
            for (const Ptr<const PeArpFlowEntry>& e : linear) // oldest first
            {
                if (e->match.Matches(k) && (!naive || e->priority > naive->priority))
                {
                    naive = e;
                }
            }
            Ptr<const PeArpFlowEntry> fast = table->Find(k);
            maxProbes = std::max(maxProbes, table->GetLastProbes());
            totalProbes += table->GetLastProbes();
            NS_TEST_ASSERT_MSG_EQ((fast == naive), true, "key " << k << ": the same entry");
            hits += naive ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_GT(hits, 1000, "keys hit entries (the test means something)");
        NS_TEST_EXPECT_MSG_LT(hits, 3000, "and many miss");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(maxProbes,
                                    table->GetNMasks(),
                                    "at most one probe per mask, never a walk of the entries");
        NS_TEST_EXPECT_MSG_LT(table->GetNMasks(), table->GetNEntries(), "fewer masks than entries");
        NS_TEST_EXPECT_MSG_LT(totalProbes,
                              4000ULL * table->GetNMasks() * 3 / 4,
                              "best priority first: searches stop early (misses probe every "
                              "mask, hits stop at the first mask that cannot beat them)");
    }
};

/**
 * \ingroup pe-arp-tests
 * The flow table suite.
 */
class PeArpFlowTableTestSuite : public TestSuite
{
  public:
    PeArpFlowTableTestSuite()
        : TestSuite("pe-arp-flow-table", UNIT)
    {
        AddTestCase(new PeArpFlowTableMatchTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowTableRangeTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowTableTimeoutTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowTableLimitsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowTableDifferentialTestCase, TestCase::QUICK);
    }
};

static PeArpFlowTableTestSuite
    g_peArpFlowTableTestSuite; //!< Static variable for test initialization
