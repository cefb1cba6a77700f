/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Tests of the defences against ARP attacks: the binding table (verdicts
 * worked out by hand), static entries from ethers text (good and bad
 * lines), dynamic ARP inspection (rate limit, bindings) and, on the paper's
 * Figure 4, a forged PE-ARP request taking A's range: the router maps it
 * to the attacker without a defence, and keeps A with inspection or a
 * static entry.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/pe-arp-arp-attacker.h"
#include "ns3/pe-arp-arp-inspection.h"
#include "ns3/pe-arp-binding-table.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-dhcp-starver.h"
#include "ns3/pe-arp-ethers.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-scenario.h"
#include "ns3/pe-arp-statistics.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup pe-arp-tests
 * Binding table verdicts, by hand: A (06) holds 2000-2999 and B (07)
 * 3000-3999 of 198.108.63.2; the router (01) all of 198.108.63.1.
 */
class PeArpBindingTableTestCase : public TestCase
{
  public:
    PeArpBindingTableTestCase()
        : TestCase("binding table verdicts")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpBindingTable> t = CreateObject<PeArpBindingTable>();
        Ipv4Address shared("198.108.63.2");
        Ipv4Address gateway("198.108.63.1");
        Mac48Address a("00:00:00:00:00:06");
        Mac48Address b("00:00:00:00:00:07");
        Mac48Address r("00:00:00:00:00:01");
        t->Add(shared, PeArpPortSet(PeArpPortRange(2000, 2999)), a);
        t->Add(shared, PeArpPortSet(PeArpPortRange(3000, 3999)), b);
        t->Add(gateway, PeArpPortSet(), r);
        NS_TEST_EXPECT_MSG_EQ(t->GetSize(), 3, "three bindings");
        using V = PeArpBindingTable;
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(2000, 2999), a), V::ALLOWED, "A");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(2100, 2199), a),
                              V::ALLOWED,
                              "A, part of its range");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(2000, 2999), b),
                              V::MAC_MISMATCH,
                              "B claiming A's range");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(2500, 3499), a),
                              V::MAC_MISMATCH,
                              "A reaching into B's range");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(1, 65535), a),
                              V::MAC_MISMATCH,
                              "A claiming every port");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(5000, 5999), a),
                              V::RANGE_MISMATCH,
                              "A claiming unbound ports");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(), a),
                              V::MAC_MISMATCH,
                              "standard ARP (all ports) for the shared address");
        NS_TEST_EXPECT_MSG_EQ(t->Check(gateway, PeArpPortRange(), r), V::ALLOWED, "router");
        NS_TEST_EXPECT_MSG_EQ(t->Check(gateway, PeArpPortRange(), a),
                              V::MAC_MISMATCH,
                              "A claiming the router");
        NS_TEST_EXPECT_MSG_EQ(t->Check(Ipv4Address("198.108.63.9"), PeArpPortRange(), a),
                              V::UNBOUND,
                              "an address without bindings");
        NS_TEST_EXPECT_MSG_EQ(t->Allows(Ipv4Address("198.108.63.9"), PeArpPortRange(), a),
                              true,
                              "allowed while AllowUnbound");
        t->SetAttribute("AllowUnbound", BooleanValue(false));
        NS_TEST_EXPECT_MSG_EQ(t->Allows(Ipv4Address("198.108.63.9"), PeArpPortRange(), a),
                              false,
                              "refused otherwise");
        // A renumbered to 2000-2499: the overlapping binding is replaced.
        t->Add(shared, PeArpPortSet(PeArpPortRange(2000, 2499)), a);
        NS_TEST_EXPECT_MSG_EQ(t->GetSize(), 3, "replaced, not added");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(2500, 2999), a),
                              V::RANGE_MISMATCH,
                              "the ports A gave up");
        NS_TEST_EXPECT_MSG_EQ(t->Remove(shared, b), 1, "B's binding removed");
        NS_TEST_EXPECT_MSG_EQ(t->Check(shared, PeArpPortRange(3000, 3999), a),
                              V::RANGE_MISMATCH,
                              "B's old ports are unbound ports of a bound address");
        t->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * ethers text: entries with and without ranges, comments and blank lines;
 * every bad line named with its number.
 */
class PeArpEthersTestCase : public TestCase
{
  public:
    PeArpEthersTestCase()
        : TestCase("static entries from ethers text")
    {
    }

  private:
    void DoRun() override
    {
        PeArpEthers::Result r = PeArpEthers::Parse("# the LAN\n"
                                                   "\n"
                                                   "00:00:00:00:00:06 198.108.63.2:2000-2999\n"
                                                   "00:00:00:00:00:01   198.108.63.1  # gw\n");
        NS_TEST_ASSERT_MSG_EQ(r.error, "", "parses");
        NS_TEST_ASSERT_MSG_EQ(r.entries.size(), 2, "two entries");
        NS_TEST_EXPECT_MSG_EQ(r.entries[0].mac, Mac48Address("00:00:00:00:00:06"), "MAC");
        NS_TEST_EXPECT_MSG_EQ(r.entries[0].address, Ipv4Address("198.108.63.2"), "address");
        NS_TEST_EXPECT_MSG_EQ(r.entries[0].range, PeArpPortRange(2000, 2999), "range");
        NS_TEST_EXPECT_MSG_EQ(r.entries[0].line, 3, "line");
        NS_TEST_EXPECT_MSG_EQ(r.entries[1].range.IsAll(), true, "no range: all ports");
        const std::pair<const char*, const char*> bad[] = {
            {"00:00:00:00:00:06\n", "line 1: expected"},
            {"\n00:00:00:00:06 198.108.63.2\n", "line 2: expected"},
            {"00:00:00:00:00:06 198.108.63.256\n", "line 1: address octet 256"},
            {"00:00:00:00:00:06 198.108.63.2:3000-2000\n", "line 1: range 3000-2000"},
            {"00:00:00:00:00:06 198.108.63.2:0-10\n", "line 1: range 0-10"},
            {"00:00:00:00:00:06 198.108.63.2:1-70000\n", "line 1: range 1-70000"},
            {"00:00:00:00:00:06 198.108.63.2 extra\n", "line 1: expected"},
        };
        for (const auto& [text, expected] : bad)
        {
            PeArpEthers::Result e = PeArpEthers::Parse(text);
            NS_TEST_EXPECT_MSG_EQ(e.error.rfind(expected, 0),
                                  0,
                                  "'" << text << "' gives '" << e.error << "'");
            NS_TEST_EXPECT_MSG_EQ(e.entries.empty(), true, "no entries on error");
        }
        NS_TEST_EXPECT_MSG_NE(PeArpEthers::Read("/nonexistent/ethers").error,
                              "",
                              "an unreadable file is an error");
    }
};

/**
 * \ingroup pe-arp-tests
 * The rate limit: 20 frames of burst, 100 per second after. 50 frames at
 * 50/s all pass; then 500 frames 1 ms apart: the 20 of the burst plus one
 * every 10 ms refill (about 50 over 0.5 s) pass, the rest is refused.
 */
class PeArpInspectionRateTestCase : public TestCase
{
  public:
    PeArpInspectionRateTestCase()
        : TestCase("inspection rate limit per MAC")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpArpInspection> inspection = CreateObject<PeArpArpInspection>();
        inspection->SetAttribute("RateLimit", DoubleValue(100));
        inspection->SetAttribute("Burst", DoubleValue(20));
        PeArpHeader h;
        h.SetRequest(Mac48Address("00:00:00:00:00:09"),
                     Ipv4Address("198.108.63.2"),
                     PeArpPortRange(4000, 4999),
                     Ipv4Address("198.108.63.1"),
                     1);
        uint32_t passedSlow = 0;
        uint32_t passedFast = 0;
        for (uint32_t k = 0; k < 50; k++)
        {
            Simulator::Schedule(MilliSeconds(20 * k),
                                [&]() { passedSlow += inspection->Inspect(nullptr, h) ? 1 : 0; });
        }
        for (uint32_t k = 0; k < 500; k++)
        {
            Simulator::Schedule(Seconds(2) + MilliSeconds(k),
                                [&]() { passedFast += inspection->Inspect(nullptr, h) ? 1 : 0; });
        }
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(passedSlow, 50, "under the rate, all pass");
        NS_TEST_EXPECT_MSG_EQ_TOL(passedFast, 20 + 50, 1, "burst plus 100/s for 0.5 s");
        NS_TEST_EXPECT_MSG_EQ(inspection->GetCounters().inspected, 550, "inspected");
        NS_TEST_EXPECT_MSG_EQ(inspection->GetCounters().refusedRate,
                              550 - passedSlow - passedFast,
                              "refused counted");
        // Another MAC has its own bucket.
        h.SetRequest(Mac48Address("00:00:00:00:00:0a"),
                     Ipv4Address("198.108.63.2"),
                     PeArpPortRange(5000, 5999),
                     Ipv4Address("198.108.63.1"),
                     1);
        NS_TEST_EXPECT_MSG_EQ(inspection->Inspect(nullptr, h), true, "a fresh bucket");
        inspection->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * Figure 4 with LearnFromRequest (the paper): host C sends one PE-ARP
 * request claiming A's range 2000-2999 of 198.108.63.2 with C's MAC. With
 * no defence the router's entry for port 2500 then holds C's MAC; with
 * inspection (bindings of the three hosts) or a static entry for A it
 * still holds A's, and the forged frame is counted (INSPECTION_REFUSED, or
 * CACHE_REFUSED for the static entry).
 */
class PeArpSpoofDefenceTestCase : public TestCase
{
  public:
    /** The defence under test. */
    enum Defence
    {
        NONE,
        INSPECTION,
        STATIC_ENTRY,
    };

    /** \param defence the defence */
    explicit PeArpSpoofDefenceTestCase(Defence defence)
        : TestCase(defence == NONE         ? "a forged request takes A's range undefended"
                   : defence == INSPECTION ? "inspection keeps A's range from a forged request"
                                           : "a static entry keeps A's range"),
          m_defence(defence)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        Mac48Address macA = Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress());
        Mac48Address macC = Mac48Address::ConvertFrom(f.hostLink[2]->GetAddress());
        Ptr<PeArpArpInspection> inspection;
        if (m_defence == INSPECTION)
        {
            Ptr<PeArpBindingTable> table = CreateObject<PeArpBindingTable>();
            for (uint32_t i = 0; i < 3; i++)
            {
                table->Add(f.shared,
                           PeArpPortSet(PeArpPortRange(2000 + 1000 * i, 2999 + 1000 * i)),
                           Mac48Address::ConvertFrom(f.hostLink[i]->GetAddress()));
            }
            inspection = CreateObject<PeArpArpInspection>();
            inspection->SetBindingTable(table);
            inspection->Install(f.router);
        }
        else if (m_defence == STATIC_ENTRY)
        {
            PeArpEthers::Result r =
                PeArpEthers::Parse("00:00:00:00:00:00 198.108.63.2:2000-2999\n");
            NS_TEST_ASSERT_MSG_EQ(r.error, "", "parses");
            r.entries[0].mac = macA; // the MAC the topology gave A
            NS_TEST_ASSERT_MSG_EQ(PeArpEthers::Install(f.routerLan, r.entries), "", "installed");
        }
        Ptr<PeArpArpAttacker> attacker = CreateObject<PeArpArpAttacker>();
        attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::SPOOF_RANGE));
        attacker->SetAttribute("Address", Ipv4AddressValue(f.shared));
        attacker->SetAttribute("FirstPort", UintegerValue(2000));
        attacker->SetAttribute("LastPort", UintegerValue(2999));
        attacker->SetAttribute("Target", Ipv4AddressValue("198.108.63.1"));
        attacker->SetDevice(f.hostLink[2]);
        attacker->SetStartTime(Seconds(1));
        f.hosts.Get(2)->AddApplication(attacker);
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(attacker->GetFramesSent(), 1, "one forged frame");
        PeArpCache::Entry* entry = f.routerLan->GetCache()->Lookup(f.shared, 2500);
        NS_TEST_ASSERT_MSG_EQ((entry != nullptr), (m_defence != INSPECTION), "entry exists?");
        PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
        if (m_defence == NONE)
        {
            NS_TEST_EXPECT_MSG_EQ(entry->GetMacAddress(), macC, "taken over by C");
            NS_TEST_EXPECT_MSG_EQ(entry->GetRange(), PeArpPortRange(2000, 2999), "A's range");
        }
        else if (m_defence == INSPECTION)
        {
            NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::INSPECTION_REFUSED], 1, "refused");
            NS_TEST_EXPECT_MSG_EQ(inspection->GetCounters().refusedBinding, 1, "by the binding");
            inspection->Dispose();
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(entry->GetMacAddress(), macA, "still A (static)");
            NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::CACHE_REFUSED], 1, "refused");
        }
    }

    Defence m_defence; //!< under test
};

/**
 * \ingroup pe-arp-tests
 * DHCP starvation: 10 DISCOVERs from forged MACs, 10 ms apart, against a
 * pool of 4 (address, port set) pairs (3 hosts on one address, PSID offset 6,
 * PSID length 2), the hosts booting later. Without a cap the first 4 are
 * offered and the other 6 find the pool full. With MaxPendingOffers = 2
 * every DISCOVER is offered a pair and each offer beyond the second
 * withdraws the oldest: 8 withdrawn, none refused.
 */
class PeArpDhcpStarvationTestCase : public TestCase
{
  public:
    /** \param cap MaxPendingOffers (0: none) */
    explicit PeArpDhcpStarvationTestCase(uint32_t cap)
        : TestCase(cap == 0 ? "DHCP starvation fills the pool"
                            : "DHCP starvation against a cap on pending offers"),
          m_cap(cap)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Config::SetDefault("ns3::PeArpDhcpServer::MaxPendingOffers", UintegerValue(m_cap));
        PeArpScenario::Config config;
        config.hostsPerSite = 3;
        config.psidOffset = 6;
        config.provisioning = PeArpLanBuilder::DHCP;
        config.provisioningStart = 100;
        PeArpScenario scenario(config);
        scenario.Build();
        Ptr<PeArpDhcpStarver> starver = CreateObject<PeArpDhcpStarver>();
        starver->SetAttribute("Count", UintegerValue(10));
        starver->SetStartTime(Seconds(1));
        scenario.GetHosts().Get(2)->AddApplication(starver);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Ptr<PeArpDhcpServer> server = scenario.GetDhcpServers().at(0);
        NS_TEST_ASSERT_MSG_EQ(server->GetPoolSize(), 4, "a pool of 4");
        const PeArpDhcpServer::Counters& n = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(starver->GetSent(), 10, "10 DISCOVERs");
        NS_TEST_EXPECT_MSG_EQ(n.discovers, 10, "all received");
        NS_TEST_EXPECT_MSG_EQ(n.offers, (m_cap == 0 ? 4 : 10), "offers");
        NS_TEST_EXPECT_MSG_EQ(n.poolFull, (m_cap == 0 ? 6 : 0), "refused, pool full");
        NS_TEST_EXPECT_MSG_EQ(n.offersEvicted, (m_cap == 0 ? 0 : 8), "offers withdrawn");
        Config::Reset();
    }

    uint32_t m_cap; //!< MaxPendingOffers
};

/**
 * \ingroup pe-arp-tests
 * Proxy ARP on the router, and its effect. Host A takes every address for
 * an on-link one (a default route without a gateway, the paper's legacy
 * host), so it resolves the Internet host 192.35.162.10 itself. Without
 * proxy ARP nobody answers: 1 + MaxRetries (3) = 4 requests, and the 3
 * datagrams waiting are dropped as RESOLUTION_FAILED. With ProxyArp on the
 * router's LAN interface the router answers once with its own MAC and all
 * 3 datagrams reach the Internet host: 1 request, 1 proxy reply.
 */
class PeArpProxyArpTestCase : public TestCase
{
  public:
    /** \param proxy ProxyArp on the router */
    explicit PeArpProxyArpTestCase(bool proxy)
        : TestCase(proxy ? "proxy ARP on the router answers for the Internet host"
                         : "without proxy ARP a host that takes everything for on-link "
                           "reaches nothing off the LAN"),
          m_proxy(proxy)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        f.routerLan->SetAttribute("ProxyArp", BooleanValue(m_proxy));
        Ptr<Ipv4> ipv4 = f.hosts.Get(0)->GetObject<Ipv4>();
        Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
        uint32_t interface = ipv4->GetInterfaceForDevice(f.hostLan[0]);
        for (uint32_t i = routing->GetNRoutes(); i-- > 0;)
        {
            if (routing->GetRoute(i).IsDefault())
            {
                routing->RemoveRoute(i);
            }
        }
        routing->AddNetworkRouteTo("0.0.0.0", "0.0.0.0", interface);
        Ptr<Application> sink = InstallSink(f.inet, false, 9000);
        Figure4::SendUdp(f.hosts.Get(0), Seconds(1), f.inetAddress, 9000, 3, 100);
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        PeArpL3Protocol::Counters a = f.HostProtocol(0)->GetCounters();
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink), (m_proxy ? 300 : 0), "datagrams delivered");
        NS_TEST_EXPECT_MSG_EQ(a.requestsSent, (m_proxy ? 1 : 4), "A's requests");
        NS_TEST_EXPECT_MSG_EQ(router.proxyReplies, (m_proxy ? 1 : 0), "proxy replies");
        NS_TEST_EXPECT_MSG_EQ(a.drops[PeArpL3Protocol::RESOLUTION_FAILED],
                              (m_proxy ? 0 : 3),
                              "datagrams lost for want of an answer");
        NS_TEST_EXPECT_MSG_EQ(router.notForUs, (m_proxy ? 0 : 4), "the router ignored them");
    }

    bool m_proxy; //!< ProxyArp on the router
};

/**
 * \ingroup pe-arp-tests
 * DHCP snooping plus dynamic ARP inspection: the router's binding table is
 * filled from its DHCP server's leases (WatchDhcpServer), 3 hosts on one
 * address with MAP sets (PSID offset 6). After the leases it holds exactly
 * the 3 leased first blocks (a PSID offset of 6 gives 63 ranges per set:
 * 189 bindings); host C's forged request for A's leased set is refused by
 * the inspection, and every byte of the scenario's traffic arrives.
 */
class PeArpDhcpSnoopingTestCase : public TestCase
{
  public:
    PeArpDhcpSnoopingTestCase()
        : TestCase("bindings from DHCP leases stop a forged claim of a leased set")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config;
        config.hostsPerSite = 3;
        config.psidOffset = 6;
        config.provisioning = PeArpLanBuilder::DHCP;
        PeArpScenario scenario(config);
        scenario.Build();
        Ptr<PeArpBindingTable> table = CreateObject<PeArpBindingTable>();
        table->WatchDhcpServer(scenario.GetDhcpServers().at(0));
        Ptr<PeArpArpInspection> inspection = CreateObject<PeArpArpInspection>();
        inspection->SetBindingTable(table);
        inspection->Install(scenario.GetRouters().Get(0));
        // C claims, at 1.5 s, the first block of A's leased set.
        Ptr<PeArpArpAttacker> attacker = CreateObject<PeArpArpAttacker>();
        attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::SPOOF_RANGE));
        attacker->SetAttribute("Address", Ipv4AddressValue("198.108.63.2"));
        attacker->SetAttribute("Target", Ipv4AddressValue("198.108.63.1"));
        attacker->SetStartTime(Seconds(1.5));
        scenario.GetHosts().Get(2)->AddApplication(attacker);
        uint32_t bindings = 0;
        Simulator::Schedule(Seconds(1.4), [&]() {
            bindings = table->GetSize();
            PeArpPortRange a = scenario.GetHostRange(0);
            attacker->SetAttribute("FirstPort", UintegerValue(a.GetLow()));
            attacker->SetAttribute("LastPort", UintegerValue(a.GetHigh()));
        });
        PeArpStatistics statistics(scenario, false);
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        statistics.Collect();

        NS_TEST_EXPECT_MSG_EQ(bindings, 3 * 63, "3 leased sets of 63 ranges bound");
        NS_TEST_EXPECT_MSG_EQ(attacker->GetFramesSent(), 1, "one forged claim");
        NS_TEST_EXPECT_MSG_EQ(inspection->GetCounters().refusedBinding, 1, "refused");
        NS_TEST_EXPECT_MSG_EQ(statistics.GetTotals().AllDelivered(), true, "every byte");
        NS_TEST_EXPECT_MSG_EQ(statistics.GetTotals().wrongHostPackets, 0, "no wrong host");
        inspection->Dispose();
        table->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * The security suite.
 */
class PeArpSecurityTestSuite : public TestSuite
{
  public:
    PeArpSecurityTestSuite()
        : TestSuite("pe-arp-security", UNIT)
    {
        AddTestCase(new PeArpBindingTableTestCase, TestCase::QUICK);
        AddTestCase(new PeArpEthersTestCase, TestCase::QUICK);
        AddTestCase(new PeArpInspectionRateTestCase, TestCase::QUICK);
        AddTestCase(new PeArpSpoofDefenceTestCase(PeArpSpoofDefenceTestCase::NONE),
                    TestCase::QUICK);
        AddTestCase(new PeArpSpoofDefenceTestCase(PeArpSpoofDefenceTestCase::INSPECTION),
                    TestCase::QUICK);
        AddTestCase(new PeArpSpoofDefenceTestCase(PeArpSpoofDefenceTestCase::STATIC_ENTRY),
                    TestCase::QUICK);
        AddTestCase(new PeArpDhcpStarvationTestCase(0), TestCase::QUICK);
        AddTestCase(new PeArpDhcpStarvationTestCase(2), TestCase::QUICK);
        AddTestCase(new PeArpProxyArpTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpProxyArpTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpDhcpSnoopingTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static PeArpSecurityTestSuite g_peArpSecurityTestSuite;
