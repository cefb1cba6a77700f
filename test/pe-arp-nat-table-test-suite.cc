/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of the NAT's state (PeArpNatTable, PeArpNatPortAllocator)
 * in virtual time, without a network: the RFC 4787 mapping and filtering
 * matrix of the design note (section 1.5), port preservation and parity,
 * deterministic and bulk port blocks with exhaustion as a counted drop, the
 * per-subscriber limit, TABLE_FULL, and expiry and refresh of UDP, TCP and
 * ICMP sessions with exact counts.
 */

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-nat-port-allocator.h"
#include "ns3/pe-arp-nat-table.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpNatTableTestSuite");

namespace
{

const Ipv4Address PUBLIC("198.108.63.2"); //!< the NAT's public address
const Ipv4Address X("10.0.0.2");          //!< a private host
const Ipv4Address X2("10.0.0.3");         //!< another private host
const Ipv4Address Y1("203.0.113.1");      //!< a remote host
const Ipv4Address Y2("203.0.113.2");      //!< another remote host
constexpr uint8_t TCP = 6;                //!< TCP
constexpr uint8_t UDP = 17;               //!< UDP
constexpr uint8_t ICMP = 1;               //!< ICMP

/**
 * \return a table with the public address set
 */
Ptr<PeArpNatTable>
CreateTable()
{
    Ptr<PeArpNatTable> t = CreateObject<PeArpNatTable>();
    t->SetAttribute("PublicAddress", Ipv4AddressValue(PUBLIC));
    return t;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief RFC 4787 section 4.1: X:x sends to Y1:y1, Y1:y2 and Y2:y1. EIM
 * gives one external endpoint, ADM (Y1:y1) = (Y1:y2) != (Y2:y1), APDM three.
 */
class PeArpNatTableMappingTestCase : public TestCase
{
  public:
    PeArpNatTableMappingTestCase()
        : TestCase("Mapping behaviour: EIM 1, ADM 2, APDM 3 external endpoints")
    {
    }

  private:
    void DoRun() override
    {
        struct
        {
            PeArpNatTable::MappingBehaviour behaviour;
            bool sameY1; // (Y1:y1) == (Y1:y2)
            bool sameY2; // (Y1:y1) == (Y2:y1)
            uint64_t created;
        } const cases[] = {
            {PeArpNatTable::EIM, true, true, 1},
            {PeArpNatTable::ADM, true, false, 2},
            {PeArpNatTable::APDM, false, false, 3},
        };

        for (const auto& c : cases)
        {
            Ptr<PeArpNatTable> t = CreateTable();
            t->SetAttribute("MappingBehaviour", EnumValue(c.behaviour));
            auto a = t->Outbound(UDP, X, 5000, Y1, 7000);
            auto b = t->Outbound(UDP, X, 5000, Y1, 7001);
            auto d = t->Outbound(UDP, X, 5000, Y2, 7000);
            NS_TEST_ASSERT_MSG_EQ((a.ok && b.ok && d.ok), true, "translated");
            NS_TEST_EXPECT_MSG_EQ(a.address, PUBLIC, "public address");
            NS_TEST_EXPECT_MSG_EQ(a.port, 5000, "first mapping keeps the port (preservation)");
            NS_TEST_EXPECT_MSG_EQ((a.port == b.port), c.sameY1, "Y1:y1 vs Y1:y2, " << c.behaviour);
            NS_TEST_EXPECT_MSG_EQ((a.port == d.port), c.sameY2, "Y1:y1 vs Y2:y1, " << c.behaviour);
            NS_TEST_EXPECT_MSG_EQ(a.created, true, "first creates");
            auto found = t->FindByPrivate(UDP, X, 5000, Y1, 7001);
            NS_TEST_EXPECT_MSG_EQ(found.has_value(), true, "FindByPrivate");
            NS_TEST_EXPECT_MSG_EQ((found ? found->externalPort : 0), b.port, "the Y1:y2 mapping");
            NS_TEST_EXPECT_MSG_EQ(t->FindByPrivate(UDP, X, 5000, Y2, 7001).has_value(),
                                  (c.behaviour != PeArpNatTable::APDM),
                                  "Y2:y2 has a mapping except under APDM");
            const auto& n = t->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(n.mappingsCreated, c.created, "mappings created");
            NS_TEST_EXPECT_MSG_EQ(n.mappings, c.created, "mappings now");
            NS_TEST_EXPECT_MSG_EQ(n.sessions, 3U, "three sessions");
            NS_TEST_EXPECT_MSG_EQ(n.outbound, 3U, "three translated");
            t->Dispose();
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief RFC 4787 section 5, after X has sent only to Y1:y1: from Y1:y2
 * EIF and ADF pass and APDF drops; from Y2:y1 only EIF passes. Drops are
 * counted FILTERED; an unknown port is NO_MAPPING.
 */
class PeArpNatTableFilteringTestCase : public TestCase
{
  public:
    PeArpNatTableFilteringTestCase()
        : TestCase(
              "Filtering behaviour: the EIF, ADF, APDF matrix, FILTERED and NO_MAPPING counted")
    {
    }

  private:
    void DoRun() override
    {
        struct
        {
            PeArpNatTable::FilteringBehaviour behaviour;
            bool y1y2;
            bool y2y1;
            uint64_t filtered;
        } const cases[] = {
            {PeArpNatTable::EIF, true, true, 0},
            {PeArpNatTable::ADF, true, false, 1},
            {PeArpNatTable::APDF, false, false, 2},
        };

        for (const auto& c : cases)
        {
            Ptr<PeArpNatTable> t = CreateTable();
            t->SetAttribute("FilteringBehaviour", EnumValue(c.behaviour));
            auto out = t->Outbound(UDP, X, 5000, Y1, 7000);
            NS_TEST_ASSERT_MSG_EQ(out.ok, true, "mapping");
            auto same = t->Inbound(UDP, out.port, Y1, 7000);
            NS_TEST_EXPECT_MSG_EQ(same.ok, true, "the endpoint X sent to");
            NS_TEST_EXPECT_MSG_EQ(same.address, X, "to X");
            NS_TEST_EXPECT_MSG_EQ(same.port, 5000, "to x");
            NS_TEST_EXPECT_MSG_EQ(t->Inbound(UDP, out.port, Y1, 7001).ok,
                                  c.y1y2,
                                  "from Y1:y2, " << c.behaviour);
            NS_TEST_EXPECT_MSG_EQ(t->Inbound(UDP, out.port, Y2, 7000).ok,
                                  c.y2y1,
                                  "from Y2:y1, " << c.behaviour);
            NS_TEST_EXPECT_MSG_EQ(t->GetDrops(PeArpNatTable::FILTERED), c.filtered, "FILTERED");
            auto none = t->Inbound(UDP, out.port + 1, Y1, 7000);
            NS_TEST_EXPECT_MSG_EQ(none.ok, false, "no mapping");
            NS_TEST_EXPECT_MSG_EQ(none.reason, PeArpNatTable::NO_MAPPING, "reason");
            NS_TEST_EXPECT_MSG_EQ(t->GetDrops(PeArpNatTable::NO_MAPPING), 1U, "NO_MAPPING");
            NS_TEST_EXPECT_MSG_EQ(t->Inbound(TCP, out.port, Y1, 7000).ok,
                                  false,
                                  "port spaces are per protocol");
            t->Dispose();
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Port preservation and its fallback on collision, parity, and
 * preservation off.
 */
class PeArpNatTablePreservationTestCase : public TestCase
{
  public:
    PeArpNatTablePreservationTestCase()
        : TestCase("Port preservation, collision fallback, parity")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpNatTable> t = CreateTable();
        auto a = t->Outbound(UDP, X, 5000, Y1, 7);
        auto b = t->Outbound(UDP, X2, 5000, Y1, 7);
        auto c = t->Outbound(TCP, X2, 5000, Y1, 7, 0x02);
        NS_TEST_EXPECT_MSG_EQ(a.port, 5000, "preserved");
        NS_TEST_EXPECT_MSG_EQ(b.port, 1024, "collision: the oldest free port of the pool");
        NS_TEST_EXPECT_MSG_EQ(c.port, 5000, "TCP has its own port space");
        auto icmp1 = t->Outbound(ICMP, X, 0, Y1, 0);
        auto icmp2 = t->Outbound(ICMP, X2, 0, Y1, 0);
        NS_TEST_EXPECT_MSG_EQ((icmp1.port != icmp2.port), true, "two hosts with echo id 0");
        auto back1 = t->Inbound(ICMP, icmp1.port, Y1, 0);
        auto back2 = t->Inbound(ICMP, icmp2.port, Y1, 0);
        NS_TEST_EXPECT_MSG_EQ(back1.address, X, "reply 1 to X");
        NS_TEST_EXPECT_MSG_EQ(back2.address, X2, "reply 2 to X2");
        t->Dispose();

        Ptr<PeArpNatTable> p = CreateTable();
        Ptr<PeArpNatPortAllocator> alloc = p->GetPortAllocator();
        alloc->SetAttribute("PortPreservation", BooleanValue(false));
        alloc->SetAttribute("PortParity", BooleanValue(true));
        NS_TEST_EXPECT_MSG_EQ(p->Outbound(UDP, X, 5001, Y1, 7).port, 1025, "odd kept, not 5001");
        NS_TEST_EXPECT_MSG_EQ(p->Outbound(UDP, X, 5002, Y1, 7).port, 1024, "even kept");
        NS_TEST_EXPECT_MSG_EQ(p->Outbound(UDP, X, 5003, Y1, 7).port, 1027, "odd again");
        p->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Port blocks: deterministic (base 2000, size 1000: subscriber 0 ->
 * 2000-2999, subscriber 2 -> 4000-4999, mapping 1001 of subscriber 0 ->
 * PORT_BLOCK_EXHAUSTED); bulk blocks with MaxBlocksPerSubscriber and pool
 * exhaustion; MaxPortsPerSubscriber; MaxSessions -> TABLE_FULL.
 */
class PeArpNatTableBlocksTestCase : public TestCase
{
  public:
    PeArpNatTableBlocksTestCase()
        : TestCase("Port blocks: deterministic, bulk, per-subscriber limit, TABLE_FULL")
    {
    }

  private:
    void DoRun() override
    {
        const Ipv4Address s0("10.0.0.10");
        const Ipv4Address s2("10.0.0.12");
        Ptr<PeArpNatTable> t = CreateTable();
        Ptr<PeArpNatPortAllocator> alloc = t->GetPortAllocator();
        alloc->SetAttribute("PortBlockMode", EnumValue(PeArpNatPortAllocator::DETERMINISTIC));
        alloc->SetAttribute("BlockBase", UintegerValue(2000));
        alloc->SetAttribute("BlockSize", UintegerValue(1000));
        alloc->SetSubscriberIndex(s0, 0);
        alloc->SetSubscriberIndex(s2, 2);
        auto first = t->Outbound(UDP, s2, 40000, Y1, 7);
        NS_TEST_EXPECT_MSG_EQ(first.port, 4000, "subscriber 2 starts at 4000");
        NS_TEST_EXPECT_MSG_EQ(alloc->GetBlocks(s2).size(), 1U, "one block");
        NS_TEST_EXPECT_MSG_EQ(alloc->GetBlocks(s2).front().first, 4000, "4000-");
        NS_TEST_EXPECT_MSG_EQ(alloc->GetBlocks(s2).front().second, 4999, "-4999");
        NS_TEST_EXPECT_MSG_EQ(t->Outbound(UDP, s2, 4500, Y1, 7).port, 4500, "preserved in block");
        uint32_t inBlock = 0;
        for (uint16_t i = 0; i < 1000; ++i)
        {
            auto r = t->Outbound(UDP, s0, static_cast<uint16_t>(10000 + i), Y1, 7);
            inBlock += r.ok && r.port >= 2000 && r.port <= 2999 ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(inBlock, 1000U, "1000 mappings in 2000-2999");
        auto over = t->Outbound(UDP, s0, 11000, Y1, 7);
        NS_TEST_EXPECT_MSG_EQ(over.ok, false, "mapping 1001");
        NS_TEST_EXPECT_MSG_EQ(over.reason, PeArpNatTable::PORT_BLOCK_EXHAUSTED, "reason");
        NS_TEST_EXPECT_MSG_EQ(t->GetDrops(PeArpNatTable::PORT_BLOCK_EXHAUSTED), 1U, "counted");
        NS_TEST_EXPECT_MSG_EQ(t->GetCounters().mappings, 1002U, "1000 + 2 mappings");
        NS_TEST_EXPECT_MSG_EQ(t->Outbound(TCP, s0, 11000, Y1, 7, 0x02).ok,
                              true,
                              "TCP has its own ports in the block");
        t->Dispose();

        // bulk: pool 1024-1031, blocks of 4, one per subscriber
        const Ipv4Address a("10.0.0.20");
        const Ipv4Address b("10.0.0.21");
        const Ipv4Address c("10.0.0.22");
        Ptr<PeArpNatTable> u = CreateTable();
        Ptr<PeArpNatPortAllocator> bulk = u->GetPortAllocator();
        bulk->SetAttribute("PortBlockMode", EnumValue(PeArpNatPortAllocator::BULK));
        bulk->SetAttribute("PoolLow", UintegerValue(1024));
        bulk->SetAttribute("PoolHigh", UintegerValue(1031));
        bulk->SetAttribute("BlockSize", UintegerValue(4));
        uint32_t okA = 0;
        for (uint16_t i = 0; i < 5; ++i)
        {
            okA += u->Outbound(UDP, a, static_cast<uint16_t>(6000 + i), Y1, 7).ok ? 1 : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(okA, 4U, "four in A's block, the fifth refused");
        NS_TEST_EXPECT_MSG_EQ(bulk->GetBlocks(a).front().first, 1024, "A: 1024-1027");
        NS_TEST_EXPECT_MSG_EQ(u->Outbound(UDP, b, 6000, Y1, 7).port, 1028, "B: the next block");
        auto noBlock = u->Outbound(UDP, c, 6000, Y1, 7);
        NS_TEST_EXPECT_MSG_EQ(noBlock.reason, PeArpNatTable::POOL_EXHAUSTED, "no block for C");
        NS_TEST_EXPECT_MSG_EQ(u->GetDrops(PeArpNatTable::PORT_BLOCK_EXHAUSTED), 1U, "A's fifth");
        NS_TEST_EXPECT_MSG_EQ(u->GetDrops(PeArpNatTable::POOL_EXHAUSTED), 1U, "C");
        u->Dispose();

        // RFC 6888 REQ-4: at most 2 ports per subscriber, all protocols
        Ptr<PeArpNatTable> v = CreateTable();
        v->GetPortAllocator()->SetAttribute("MaxPortsPerSubscriber", UintegerValue(2));
        NS_TEST_EXPECT_MSG_EQ(v->Outbound(UDP, X, 1, Y1, 7).ok, true, "1");
        NS_TEST_EXPECT_MSG_EQ(v->Outbound(ICMP, X, 9, Y1, 0).ok, true, "2 (an ICMP id)");
        NS_TEST_EXPECT_MSG_EQ(v->Outbound(TCP, X, 1, Y1, 7, 0x02).reason,
                              PeArpNatTable::PORT_BLOCK_EXHAUSTED,
                              "3: over the limit");
        NS_TEST_EXPECT_MSG_EQ(v->Outbound(UDP, X2, 1, Y1, 7).ok, true, "another subscriber");
        v->Dispose();

        // MaxSessions
        Ptr<PeArpNatTable> w = CreateTable();
        w->SetAttribute("MaxSessions", UintegerValue(2));
        w->SetAttribute("FilteringBehaviour", EnumValue(PeArpNatTable::EIF));
        auto m = w->Outbound(UDP, X, 5000, Y1, 7);
        NS_TEST_EXPECT_MSG_EQ(w->Outbound(UDP, X, 5000, Y2, 7).ok, true, "second session");
        NS_TEST_EXPECT_MSG_EQ(w->Outbound(UDP, X, 5000, Y2, 8).reason,
                              PeArpNatTable::TABLE_FULL,
                              "third session");
        NS_TEST_EXPECT_MSG_EQ(w->Outbound(UDP, X2, 5000, Y2, 8).reason,
                              PeArpNatTable::TABLE_FULL,
                              "new mapping");
        NS_TEST_EXPECT_MSG_EQ(w->Inbound(UDP, m.port, Y2, 9).reason,
                              PeArpNatTable::TABLE_FULL,
                              "inbound new session");
        NS_TEST_EXPECT_MSG_EQ(w->GetDrops(PeArpNatTable::TABLE_FULL), 3U, "counted");
        NS_TEST_EXPECT_MSG_EQ(w->GetCounters().peakSessions, 2U, "peak");
        w->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Expiry and refresh in virtual time. UDP: 300 s, kept to 599 s by
 * a refresh at 299 s. TCP: SYN -> 240 s; SYN both ways -> 7440 s; FIN both
 * ways -> 240 s; RST -> 240 s. ICMP: 60 s. InboundRefresh off: inbound
 * packets do not extend. Counters and the freed ports.
 */
class PeArpNatTableExpiryTestCase : public TestCase
{
  public:
    PeArpNatTableExpiryTestCase()
        : TestCase("Expiry and refresh: UDP 300 s, TCP 240 and 7440 s, ICMP 60 s, exact counts")
    {
    }

  private:
    /**
     * Record the number of mappings at a time.
     * \param t the table
     * \param at when
     * \param into where
     */
    static void Probe(Ptr<PeArpNatTable> t, Time at, uint64_t* into)
    {
        Simulator::Schedule(at, [t, into]() { *into = t->GetCounters().mappings; });
    }

    void DoRun() override
    {
        Ptr<PeArpNatTable> t = CreateTable();
        // UDP A: created at 0, never refreshed -> gone at 300
        // UDP B: created at 0, refreshed at 299 -> gone at 599
        // ICMP: created at 0 -> gone at 60
        // TCP C: SYN out at 0 only -> gone at 240
        // TCP D: SYN out, SYN/ACK in at 1 s -> established, last packet at 1000 -> 8440
        // TCP E: established at 1, FIN out at 2000, FIN in at 2001 -> gone at 2241
        // TCP F: established at 1, RST in at 3000 -> gone at 3240
        Simulator::Schedule(Seconds(0), [t]() {
            t->Outbound(UDP, X, 5000, Y1, 7);
            t->Outbound(UDP, X, 5001, Y1, 7);
            t->Outbound(ICMP, X, 0, Y1, 0);
            t->Outbound(TCP, X, 2000, Y1, 80, 0x02);
            t->Outbound(TCP, X, 2001, Y1, 80, 0x02);
            t->Outbound(TCP, X, 2002, Y1, 80, 0x02);
            t->Outbound(TCP, X, 2003, Y1, 80, 0x02);
        });
        Simulator::Schedule(Seconds(1), [t]() {
            for (uint16_t p = 2001; p <= 2003; ++p)
            {
                t->Inbound(TCP, p, Y1, 80, 0x12); // SYN/ACK
                t->Outbound(TCP, X, p, Y1, 80, 0x10);
            }
        });
        Simulator::Schedule(Seconds(299), [t]() { t->Outbound(UDP, X, 5001, Y1, 7); });
        Simulator::Schedule(Seconds(1000), [t]() { t->Outbound(TCP, X, 2001, Y1, 80, 0x10); });
        Simulator::Schedule(Seconds(2000), [t]() { t->Outbound(TCP, X, 2002, Y1, 80, 0x11); });
        Simulator::Schedule(Seconds(2001), [t]() { t->Inbound(TCP, 2002, Y1, 80, 0x11); });
        Simulator::Schedule(Seconds(3000), [t]() { t->Inbound(TCP, 2003, Y1, 80, 0x04); });
        std::optional<PeArpNatTable::TcpState> established;
        std::optional<PeArpNatTable::TcpState> afterFin;
        Simulator::Schedule(Seconds(2), [&]() { established = t->GetTcpState(TCP, 2001, Y1, 80); });
        Simulator::Schedule(Seconds(2002), [&]() { afterFin = t->GetTcpState(TCP, 2002, Y1, 80); });

        const std::vector<std::pair<double, uint64_t>> expected = {
            {59.999, 7},
            {60.001, 6},
            {239.999, 6},
            {240.001, 5},
            {299.999, 5},
            {300.001, 4},
            {598.999, 4},
            {599.001, 3},
            {2240.999, 3},
            {2241.001, 2},
            {3239.999, 2},
            {3240.001, 1},
            {8439.999, 1},
            {8440.001, 0},
        };
        std::vector<uint64_t> seen(expected.size(), 99);
        for (size_t i = 0; i < expected.size(); ++i)
        {
            Probe(t, Seconds(expected[i].first), &seen[i]);
        }
        bool udpPortFreed = false;
        Simulator::Schedule(Seconds(300.5),
                            [&]() { udpPortFreed = !t->GetPortAllocator()->IsInUse(UDP, 5000); });
        Simulator::Run();

        for (size_t i = 0; i < expected.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(seen[i],
                                  expected[i].second,
                                  "mappings at " << expected[i].first << " s");
        }
        NS_TEST_EXPECT_MSG_EQ(established.value_or(PeArpNatTable::TRANSITORY),
                              PeArpNatTable::ESTABLISHED,
                              "SYN both ways");
        NS_TEST_EXPECT_MSG_EQ(afterFin.value_or(PeArpNatTable::ESTABLISHED),
                              PeArpNatTable::TRANSITORY,
                              "FIN both ways");
        NS_TEST_EXPECT_MSG_EQ(udpPortFreed, true, "the expired mapping's port is free");
        const auto& c = t->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.mappingsCreated, 7U, "created");
        NS_TEST_EXPECT_MSG_EQ(c.mappingsExpired, 7U, "expired");
        NS_TEST_EXPECT_MSG_EQ(c.sessionsExpired, 7U, "sessions expired");
        NS_TEST_EXPECT_MSG_EQ(c.peakMappings, 7U, "peak");
        NS_TEST_EXPECT_MSG_EQ(c.mappings, 0U, "none left");
        t->Dispose();
        Simulator::Destroy();

        // InboundRefresh off: inbound traffic at 200 s does not keep a UDP
        // mapping past 300 s; on (the default), it keeps it to 500 s
        for (bool refresh : {false, true})
        {
            Ptr<PeArpNatTable> r = CreateTable();
            r->SetAttribute("InboundRefresh", BooleanValue(refresh));
            uint64_t at301 = 99;
            Simulator::Schedule(Seconds(0), [r]() { r->Outbound(UDP, X, 5000, Y1, 7); });
            bool inboundOk = false;
            Simulator::Schedule(Seconds(200),
                                [r, &inboundOk]() { inboundOk = r->Inbound(UDP, 5000, Y1, 7).ok; });
            Probe(r, Seconds(301), &at301);
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(at301, refresh ? 1U : 0U, "InboundRefresh " << refresh);
            NS_TEST_EXPECT_MSG_EQ(inboundOk, true, "inbound let in");
            NS_TEST_EXPECT_MSG_EQ(r->GetCounters().mappingsExpired, 1U, "expired in the end");
            NS_TEST_EXPECT_MSG_EQ(Simulator::Now(), Seconds(refresh ? 500 : 301), "last event");
            r->Dispose();
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Bad configuration is refused by the checkers.
 */
class PeArpNatTableAttributesTestCase : public TestCase
{
  public:
    PeArpNatTableAttributesTestCase()
        : TestCase("Attribute checkers refuse bad timeouts and block sizes")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpNatTable> t = CreateObject<PeArpNatTable>();
        for (const char* name :
             {"UdpTimeout", "TcpEstablishedTimeout", "TcpTransitoryTimeout", "IcmpTimeout"})
        {
            NS_TEST_EXPECT_MSG_EQ(t->SetAttributeFailSafe(name, TimeValue(Seconds(-1))),
                                  false,
                                  name << " < 0");
            NS_TEST_EXPECT_MSG_EQ(t->SetAttributeFailSafe(name, TimeValue(Seconds(0))),
                                  false,
                                  name << " = 0");
            NS_TEST_EXPECT_MSG_EQ(t->SetAttributeFailSafe(name, TimeValue(Seconds(1))),
                                  true,
                                  name << " = 1 s (shortened for tests)");
        }
        Ptr<PeArpNatPortAllocator> a = t->GetPortAllocator();
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("BlockSize", UintegerValue(0)),
                              false,
                              "BlockSize 0");
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("BlockSize", UintegerValue(65536)),
                              false,
                              "BlockSize 65536");
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("MaxBlocksPerSubscriber", UintegerValue(0)),
                              false,
                              "MaxBlocksPerSubscriber 0");
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("PoolLow", UintegerValue(0)),
                              false,
                              "PoolLow 0");
        NS_TEST_EXPECT_MSG_EQ(a->SetAttributeFailSafe("PortBlockMode", StringValue("BLOCKS")),
                              false,
                              "unknown mode");
        NS_TEST_EXPECT_MSG_EQ(t->SetAttributeFailSafe("MappingBehaviour", StringValue("APDM")),
                              true,
                              "by name");
        t->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The NAT table test suite.
 */
class PeArpNatTableTestSuite : public TestSuite
{
  public:
    PeArpNatTableTestSuite()
        : TestSuite("pe-arp-nat-table", UNIT)
    {
        AddTestCase(new PeArpNatTableMappingTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTableFilteringTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTablePreservationTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTableBlocksTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTableExpiryTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTableAttributesTestCase, TestCase::QUICK);
    }
};

static PeArpNatTableTestSuite g_peArpNatTableTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
