/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Faults on the paper's Figure 4 (A, B, C share 198.108.63.2 behind a PE-ARP
 * router; request jitter zero, so times are exact). Each test sends UDP
 * datagrams of 100 bytes from the Internet at known times and asserts what
 * arrives, what is counted, and that nothing else is lost: a host leaving
 * and coming back with a new MAC, the router's LAN link going down and up,
 * the router rebooting with an empty table, two hosts configured with
 * overlapping ranges by mistake, and the DHCP server restarting with and
 * without its leases (then renumbering every host).
 *
 * A CSMA link "goes down" when its device is detached from the channel
 * (CsmaChannel::Detach) and "comes up" when it is attached again
 * (CsmaNetDevice::Attach, which reports the link up): ns-3 3.37's devices
 * report no link going down.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/config.h"
#include "ns3/csma-channel.h"
#include "ns3/csma-net-device.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-scenario.h"
#include "ns3/pe-arp-watch.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** \return the CSMA channel of a CSMA device */
Ptr<CsmaChannel>
ChannelOf(Ptr<NetDevice> device)
{
    return DynamicCast<CsmaChannel>(device->GetChannel());
}

/** Take a CSMA device's link down (detach it from its channel). */
void
LinkDown(Ptr<NetDevice> device)
{
    ChannelOf(device)->Detach(DynamicCast<CsmaNetDevice>(device));
}

/** Bring a CSMA device's link up (attach it to the channel again). */
void
LinkUp(Ptr<NetDevice> device, Ptr<CsmaChannel> channel)
{
    DynamicCast<CsmaNetDevice>(device)->Attach(channel);
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Host A leaves the LAN at 2 s and comes back at 3 s with a new MAC. The 3
 * datagrams before and the 4 after arrive; the 2 sent at 2.5 s, while A was
 * away, are the only ones lost (the router still sent them to A's old MAC).
 * On return A announces its range (one announcement) and the router moves
 * its entry to the new MAC (RFC 826's merge), without a new request; a
 * watch on the router's port reports the changed ethernet address.
 */
class PeArpFaultHostNewMacTestCase : public TestCase
{
  public:
    PeArpFaultHostNewMacTestCase()
        : TestCase("a host leaves and comes back with a new MAC")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        Ptr<Application> sink = InstallSink(f.hosts.Get(0), false, 2500);
        Ptr<PeArpWatch> watch = CreateObject<PeArpWatch>();
        watch->Install(f.routerLink);
        Ptr<CsmaChannel> channel = ChannelOf(f.hostLink[0]);
        Mac48Address newMac("00:00:00:00:0a:0a");
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 3, 100);
        Simulator::Schedule(Seconds(2.0), &LinkDown, f.hostLink[0]);
        Figure4::SendUdp(f.inet, Seconds(2.5), f.shared, 2500, 2, 100);
        Simulator::Schedule(Seconds(3.0), [&]() {
            f.hostLink[0]->SetAddress(newMac);
            LinkUp(f.hostLink[0], channel);
        });
        Figure4::SendUdp(f.inet, Seconds(3.5), f.shared, 2500, 4, 100);
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink), 700, "3 before and 4 after; the 2 while away lost");
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 1, "one request, before A left");
        NS_TEST_EXPECT_MSG_EQ(router.announcementsMerged, 1, "A's announcement moved the entry");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 0, "no drop at the router");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().announcementsSent,
                              1,
                              "A announced its one range on return");
        PeArpCache::Entry* entry = f.routerLan->GetCache()->Lookup(f.shared, 2500);
        NS_TEST_ASSERT_MSG_NE(entry, nullptr, "the router holds A's range");
        NS_TEST_EXPECT_MSG_EQ(entry->GetMacAddress(), newMac, "at A's new MAC");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::CHANGED_ETHERNET_ADDRESS) +
                                  watch->GetCount(PeArpWatch::RANGE_CLAIMED_TWICE),
                              1,
                              "the watch reports the new MAC once");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no wrong host");
        }
        watch->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * The router's LAN link goes down at 2 s and up at 2.2 s. Coming up flushes
 * the router's table (as ns-3's ARP does on a link change); the router owns
 * all ports of its address and announces nothing. The 2 datagrams for A
 * sent at 2.1 s go out on the detached device and reach no one; the 3
 * before and the 4 after (at 3 s) arrive, the ones after through a second
 * request for A's range. B gets its 2 datagrams at 3 s through its first
 * request.
 */
class PeArpFaultLinkDownUpTestCase : public TestCase
{
  public:
    PeArpFaultLinkDownUpTestCase()
        : TestCase("the LAN link goes down and up: the table is flushed, traffic resumes")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), false, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<CsmaChannel> channel = ChannelOf(f.routerLink);
        uint32_t sizeBefore = 0;
        uint32_t sizeAfter = 0;
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 3, 100);
        Simulator::Schedule(Seconds(2.0), [&]() {
            sizeBefore = f.routerLan->GetCache()->GetSize();
            LinkDown(f.routerLink);
        });
        Figure4::SendUdp(f.inet, Seconds(2.1), f.shared, 2500, 2, 100);
        Simulator::Schedule(Seconds(2.2), [&]() {
            LinkUp(f.routerLink, channel);
            sizeAfter = f.routerLan->GetCache()->GetSize();
        });
        Figure4::SendUdp(f.inet, Seconds(3.0), f.shared, 2500, 4, 100);
        Figure4::SendUdp(f.inet, Seconds(3.0), f.shared, 3500, 2, 100);
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(sizeBefore, 1, "A's range learned before");
        NS_TEST_EXPECT_MSG_EQ(sizeAfter, 0, "flushed when the link came up");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 700, "3 before and 4 after; 2 while down lost");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 200, "B's 2");
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 3, "A, A again after the flush, B");
        NS_TEST_EXPECT_MSG_EQ(router.announcementsSent, 0, "nothing to announce by port");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 0, "no drop counted at the router");
    }
};

/**
 * \ingroup pe-arp-tests
 * The router reboots at 2 s with an empty table (its cache flushed; its
 * MAC and addresses unchanged). Traffic for A and B at 2.5 s is resolved
 * again with one request per range, and every datagram arrives.
 */
class PeArpFaultRouterRebootTestCase : public TestCase
{
  public:
    PeArpFaultRouterRebootTestCase()
        : TestCase("the router reboots with an empty table")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), false, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 3, 100);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 100);
        Simulator::Schedule(Seconds(2.0), [&]() { f.routerLan->GetCache()->Flush(); });
        Figure4::SendUdp(f.inet, Seconds(2.5), f.shared, 2500, 5, 100);
        Figure4::SendUdp(f.inet, Seconds(2.5), f.shared, 3500, 5, 100);
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 800, "A: all 8");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 800, "B: all 8");
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 4, "one per range, before and after");
        NS_TEST_EXPECT_MSG_EQ(router.repliesReceived, 4, "four replies");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 0, "no drop");
    }
};

/**
 * \ingroup pe-arp-tests
 * Two hosts configured with overlapping ranges by mistake. The helper
 * refuses it (C asking for 2500-2999), naming A's range. Configured behind its back (B's agent
 * set to 2500-3499 while A holds 2000-2999), it is detected at run time:
 * both answer the router's request for port 2700; the first answer is
 * learned, the second counted as an unsolicited reply, and the watch on
 * the router's port reports the overlap. All 3 datagrams to port 2700
 * reach exactly one host, the one the router learned.
 */
class PeArpFaultOverlapTestCase : public TestCase
{
  public:
    PeArpFaultOverlapTestCase()
        : TestCase("overlapping ranges by mistake: refused, or detected and counted")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Figure4 f;
        PeArpHelper peArp;
        std::string why;
        bool accepted =
            Accepted(peArp.CheckAssignment(f.hostLan[2],
                                           Ipv4InterfaceAddress(f.shared, "255.255.255.0"),
                                           PeArpPortRange(2500, 2999)),
                     why);
        NS_TEST_EXPECT_MSG_EQ(accepted, false, "the helper refuses the overlap");
        NS_TEST_EXPECT_MSG_NE(why.find("2000-2999"),
                              std::string::npos,
                              "naming A's range: " << why);

        f.hosts.Get(1)->GetObject<PeArpPortAgent>()->SetRange(f.shared, PeArpPortRange(2500, 3499));
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), false, 2700);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 2700);
        Ptr<PeArpWatch> watch = CreateObject<PeArpWatch>();
        watch->Install(f.routerLink);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2700, 3, 100);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA) + SinkBytes(sinkB), 300, "all 3 arrive");
        NS_TEST_EXPECT_MSG_EQ((SinkBytes(sinkA) == 0 || SinkBytes(sinkB) == 0),
                              true,
                              "at exactly one host");
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 1, "one request for port 2700");
        NS_TEST_EXPECT_MSG_EQ(router.repliesReceived, 1, "the first answer learned");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::UNSOLICITED_REPLY],
                              1,
                              "the second counted");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::RANGE_OVERLAP),
                              1,
                              "the watch reports the overlap");
        watch->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * The DHCP server restarts at 5 s; leases last 20 s, so the 4 hosts renew at
 * 10 s. With its lease database the server ACKs every renewal and nothing
 * changes. Without it, and renumbered (PSID offset 6 before, 4 after: every
 * set changes, by hand from RFC 7597), every renewal gets a NAK, every host
 * starts over, is leased a new set and announces it; datagrams to each
 * host's new first port at 14 s all arrive, and none reaches a wrong host.
 * Datagrams at 3 s, before the restart, arrive in both cases.
 */
class PeArpFaultDhcpRestartTestCase : public TestCase
{
  public:
    /** \param keepLeases the server keeps its leases across the restart */
    explicit PeArpFaultDhcpRestartTestCase(bool keepLeases)
        : TestCase(keepLeases ? "the DHCP server restarts with its leases"
                              : "the DHCP server restarts without its leases, renumbered: every "
                                "host's range changes under DHCP"),
          m_keepLeases(keepLeases)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Config::SetDefault("ns3::PeArpDhcpServer::LeaseTime", TimeValue(Seconds(20)));
        PeArpScenario::Config config;
        config.hostsPerSite = 4;
        config.psidOffset = 6;
        config.provisioning = PeArpLanBuilder::DHCP;
        config.udpEcho = false;
        config.tcpBytes = 1;
        config.drain = 16;
        PeArpScenario scenario(config);
        scenario.Build();
        Ptr<PeArpDhcpServer> server = scenario.GetDhcpServers().at(0);
        Ptr<Node> inet = scenario.GetInternetHosts().Get(0);
        std::vector<PeArpPortRange> before(4);
        std::vector<Ptr<Application>> sinksBefore(4);
        std::vector<Ptr<Application>> sinksAfter(4);
        Simulator::Schedule(Seconds(2.9), [&]() {
            for (uint32_t i = 0; i < 4; i++)
            {
                before[i] = scenario.GetHostRange(i);
                uint16_t port = before[i].GetLow() + 1;
                sinksBefore[i] = InstallSink(scenario.GetHosts().Get(i), false, port);
                Figure4::SendUdp(inet, Seconds(0.1), scenario.GetHostAddress(i), port, 2, 100);
            }
        });
        Simulator::Schedule(Seconds(5), [&]() {
            server->Restart(m_keepLeases);
            if (!m_keepLeases)
            {
                server->SetPool({Ipv4Address("198.108.63.2")},
                                Ipv4Mask("255.255.255.0"),
                                Ipv4Address("198.108.63.1"),
                                4,
                                2);
            }
        });
        std::vector<PeArpPortRange> after(4);
        Simulator::Schedule(Seconds(13.9), [&]() {
            for (uint32_t i = 0; i < 4; i++)
            {
                Ptr<PeArpPortAgent> agent = scenario.GetHosts().Get(i)->GetObject<PeArpPortAgent>();
                std::optional<PeArpPortSet> set = agent->GetPortSet(Ipv4Address("198.108.63.2"));
                after[i] = set ? set->GetRanges().front() : PeArpPortRange();
                uint16_t port = after[i].GetLow() + 2;
                sinksAfter[i] = InstallSink(scenario.GetHosts().Get(i), false, port);
                Figure4::SendUdp(inet, Seconds(0.1), Ipv4Address("198.108.63.2"), port, 3, 100);
            }
        });
        Simulator::Stop(Seconds(16));
        Simulator::Run();

        const PeArpDhcpServer::Counters& n = server->GetCounters();
        for (uint32_t i = 0; i < 4; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinksBefore[i]), 200, "host " << i << " before");
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinksAfter[i]), 300, "host " << i << " after");
            NS_TEST_EXPECT_MSG_EQ(DynamicCast<PeArpNetDevice>(scenario.GetHostLanDevices().Get(i))
                                      ->GetWrongHostPackets(),
                                  0,
                                  "no wrong host");
            // Offset 6, length 2: PSID p's first block 1024 + 256 p; offset 4,
            // length 2: 4096 + 1024 p (ports 4096 x A + 1024 p + j, A = 1).
            bool wasOffset6 = (before[i].GetLow() - 1024) % 256 == 0 && before[i].GetLow() < 2048;
            NS_TEST_EXPECT_MSG_EQ(wasOffset6, true, "before: " << before[i]);
            if (m_keepLeases)
            {
                NS_TEST_EXPECT_MSG_EQ(after[i], before[i], "host " << i << " kept its set");
            }
            else
            {
                bool isOffset4 = after[i].GetLow() >= 4096 && after[i].GetLow() < 8192 &&
                                 (after[i].GetLow() - 4096) % 1024 == 0 &&
                                 after[i].GetHigh() == after[i].GetLow() + 1023;
                NS_TEST_EXPECT_MSG_EQ(isOffset4, true, "after: " << after[i]);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(n.acks, 8, "4 leases, then 4 renewals or 4 new leases");
        NS_TEST_EXPECT_MSG_EQ(n.naks, m_keepLeases ? 0 : 4, "renewals refused without leases");
        Config::Reset();
    }

    bool m_keepLeases; //!< the server keeps its leases
};

/**
 * \ingroup pe-arp-tests
 * The fault suite.
 */
class PeArpFaultTestSuite : public TestSuite
{
  public:
    PeArpFaultTestSuite()
        : TestSuite("pe-arp-fault", SYSTEM)
    {
        AddTestCase(new PeArpFaultHostNewMacTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFaultLinkDownUpTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFaultRouterRebootTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFaultOverlapTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFaultDhcpRestartTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpFaultDhcpRestartTestCase(false), TestCase::QUICK);
    }
};

/// The suite's instance.
static PeArpFaultTestSuite g_peArpFaultTestSuite;
