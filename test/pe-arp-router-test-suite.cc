/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * System tests of the PE-ARP router deployment (paper Figure 4): exact
 * deliveries and exact numbers of PE-ARP requests.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-traffic-control-layer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpRouterTestSuite");

namespace
{

/**
 * \param device a device
 * \return its printed form
 */
std::string
MacString(Ptr<NetDevice> device)
{
    std::ostringstream oss;
    oss << Mac48Address::ConvertFrom(device->GetAddress());
    return oss.str();
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Inbound TCP and UDP from the Internet reach exactly the host whose range
 * holds the destination port; the router sends one request per host range.
 */
class PeArpRouterInboundTestCase : public TestCase
{
  public:
    PeArpRouterInboundTestCase()
        : TestCase("Figure 4: inbound TCP and UDP reach exactly the right host")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        // A: TCP 2500. B: UDP 3500. C: TCP 4500 then, once resolved, UDP 4501.
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), true, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<Application> sinkCt = InstallSink(f.hosts.Get(2), true, 4500);
        Ptr<Application> sinkCu = InstallSink(f.hosts.Get(2), false, 4501);
        // A misdelivery would show as a wrong-host drop at the receiving host.
        SendTcp(f.inet, f.shared, 2500, 5000, Seconds(1.0));
        Figure4::SendUdp(f.inet, Seconds(1.1), f.shared, 3500, 3, 100);
        SendTcp(f.inet, f.shared, 4500, 3000, Seconds(1.2));
        Figure4::SendUdp(f.inet, Seconds(2.0), f.shared, 4501, 2, 100);
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 5000, "host A receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "host B receives its 3 datagrams");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkCt), 3000, "host C receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkCu), 200, "host C receives its 2 datagrams");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(),
                                  0,
                                  "no packet reaches a host that does not own its port");
            // The router's request taught each host the router's address:
            // replies and TCP acknowledgements need no request of their own.
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().requestsSent,
                                  0,
                                  "host " << i << " learned the router from its request");
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent,
                                  1,
                                  "host " << i << " answered exactly one request");
        }
        const PeArpL3Protocol::Counters& router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 3, "one request per host range");
        NS_TEST_EXPECT_MSG_EQ(router.repliesReceived, 3, "three replies");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 0, "no drop");

        std::ostringstream expected;
        expected << "Address                  HWtype  HWaddress           Iface\n"
                 << "198.108.63.2:2000-2999   ether   " << MacString(f.hostLink[0]) << "   eth2\n"
                 << "198.108.63.2:3000-3999   ether   " << MacString(f.hostLink[1]) << "   eth2\n"
                 << "198.108.63.2:4000-4999   ether   " << MacString(f.hostLink[2]) << "   eth2\n";
        std::ostringstream table;
        f.routerLan->GetCache()->Print(table);
        NS_TEST_EXPECT_MSG_EQ(table.str(), expected.str(), "router table as in Figure 3");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A resolved range is used until it expires; then exactly one new request.
 */
class PeArpRouterExpiryTestCase : public TestCase
{
  public:
    PeArpRouterExpiryTestCase()
        : TestCase("Figure 4: one request per host range until the entry expires")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::PeArpCache::AliveTimeout", TimeValue(Seconds(10)));
        Figure4 f;
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<Application> sinkB2 = InstallSink(f.hosts.Get(1), false, 3999);
        for (double t : {1.0, 2.0, 5.0, 9.0})
        {
            Figure4::SendUdp(f.inet, Seconds(t), f.shared, t < 4 ? 3500 : 3999, 1, 50);
        }
        Figure4::SendUdp(f.inet, Seconds(12.0), f.shared, 3500, 1, 50); // expired: refresh
        Figure4::SendUdp(f.inet, Seconds(13.0), f.shared, 3500, 1, 50);
        uint64_t requestsAt11 = 0;
        Simulator::Schedule(Seconds(11), [&]() {
            requestsAt11 = f.RouterProtocol()->GetCounters().requestsSent;
        });
        Simulator::Stop(Seconds(15));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(requestsAt11, 1, "ports 3500 and 3999 share one resolution");
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().requestsSent,
                              2,
                              "one more request after AliveTimeout");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB) + SinkBytes(sinkB2), 300, "all 6 datagrams");
        Simulator::Destroy();
        Config::Reset();
    }
};

/**
 * \ingroup pe-arp-tests
 * Two hosts sharing the address talk to each other over TCP and UDP; traffic
 * to a host's own ports of the shared address stays local.
 */
class PeArpHostToHostTestCase : public TestCase
{
  public:
    PeArpHostToHostTestCase()
        : TestCase("Figure 4: hosts sharing the address reach each other")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<Node> a = f.hosts.Get(0);
        Ptr<Node> b = f.hosts.Get(1);
        Ptr<Application> sinkB = InstallSink(b, false, 3600);
        Ptr<Application> sinkBt = InstallSink(b, true, 3700);
        Ptr<Application> sinkA = InstallSink(a, false, 2600);
        Figure4::SendUdp(a, Seconds(1.0), f.shared, 3600, 4, 80); // A -> B
        Figure4::SendUdp(a, Seconds(1.5), f.shared, 2600, 2, 70); // A -> A (local)
        SendTcp(a, f.shared, 3700, 4000, Seconds(2.0));           // A -> B over TCP
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        // 4 datagrams wait for one resolution: the pending queue (3) drops the oldest.
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 240, "B receives A's 3 newest datagrams");
        NS_TEST_EXPECT_MSG_EQ(f.hostLan[0]->GetCache()->GetPendingQueueDrops(),
                              1,
                              "the oldest datagram was dropped from the pending queue");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkBt), 4000, "B receives A's TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 140, "A's own port stays local");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().requestsSent,
                              1,
                              "A resolves B's range once (UDP 3600 covers TCP 3700)");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(2)->GetCounters().repliesSent, 0, "C is not involved");
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().requestsSent, 0, "nor the router");
        Ptr<PeArpTrafficControlLayer> tc = a->GetObject<PeArpTrafficControlLayer>();
        NS_TEST_EXPECT_MSG_GT(tc->GetRedirectedPackets(), 0, "A sent B's traffic to the link");
        PeArpCache::Entry* learned = f.hostLan[1]->GetCache()->Lookup(f.shared, 2100);
        PEARP_REQUIRE_NE(learned, nullptr, "B learned A's range from A's request");
        NS_TEST_EXPECT_MSG_EQ(learned->GetRange(), PeArpPortRange(2000, 2999), "A's full range");
        NS_TEST_EXPECT_MSG_EQ(learned->GetMacAddress(),
                              Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress()),
                              "A's MAC");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Traffic for a port nobody owns is never answered; traffic sent to the
 * wrong host (through a bad static entry) is dropped there and counted.
 */
class PeArpUnownedPortTestCase : public TestCase
{
  public:
    PeArpUnownedPortTestCase()
        : TestCase("Figure 4: unowned ports and misdirected packets are dropped and counted")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        // Nobody owns 5000: 1 request + MaxRetries (3) retransmissions, then dead.
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 5000, 2, 10);
        // A bad static entry sends B's port 3500 to A: A must drop it.
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Simulator::Schedule(Seconds(0.5), [&]() {
            f.routerLan->GetCache()->AddPermanent(
                f.shared,
                PeArpPortRange(3500, 3500),
                Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress()));
        });
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 10);
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        const PeArpL3Protocol::Counters& router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 4, "1 request + 3 retransmissions for :5000");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetResolutionFailures(), 1, "one failure");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetResolutionFailureDrops(),
                              2,
                              "both queued datagrams dropped");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::RESOLUTION_FAILED],
                              2,
                              "and counted by the router's PE-ARP");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 2, "in its drop total");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent, 0, "no answer");
        }
        NS_TEST_EXPECT_MSG_EQ(f.hostLan[0]->GetWrongHostPackets(), 3, "A drops B's packets");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().drops[PeArpL3Protocol::WRONG_HOST],
                              3,
                              "counted as wrong-host drops");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 0, "B got nothing (the static entry is wrong)");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * An off-link address whose host part is all ones (10.1.0.255 seen from a
 * /24) is an ordinary unicast destination: it goes to the gateway, resolved
 * with PE-ARP, not as a link broadcast.
 */
class PeArpOffLinkAllOnesTestCase : public TestCase
{
  public:
    PeArpOffLinkAllOnesTestCase()
        : TestCase("an off-link address ending in 255 is sent to the gateway, not broadcast")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        uint32_t broadcastIpv4 = 0;
        uint32_t unicastIpv4 = 0;
        f.hostLink[0]->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>([&](Ptr<const Packet> p) {
                EthernetHeader eth(false);
                p->PeekHeader(eth);
                if (eth.GetLengthType() == 0x0800)
                {
                    (eth.GetDestination().IsBroadcast() ? broadcastIpv4 : unicastIpv4)++;
                }
            }));
        Figure4::SendUdp(f.hosts.Get(0), Seconds(1), Ipv4Address("10.1.0.255"), 9, 1, 20);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(broadcastIpv4, 0, "not sent as a link broadcast");
        NS_TEST_EXPECT_MSG_EQ(unicastIpv4, 1, "sent once, to the gateway");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().requestsSent,
                              1,
                              "after resolving the gateway");
    }
};

/**
 * \ingroup pe-arp-tests
 * Inbound and outbound traffic start together. Whichever side's request
 * goes out first teaches the other side its range or address, so the other
 * side's request, still delayed by RequestJitter, is not sent: no duplicate
 * requests, and no reply that would be dropped as unsolicited.
 */
class PeArpRouterSimultaneousStartTestCase : public TestCase
{
  public:
    /**
     * \param routerJitterMs the router's (constant) request jitter in ms
     * \param hostJitterMs the hosts' (constant) request jitter in ms
     */
    PeArpRouterSimultaneousStartTestCase(double routerJitterMs, double hostJitterMs)
        : TestCase(Name(routerJitterMs, hostJitterMs)),
          m_routerJitterMs(routerJitterMs),
          m_hostJitterMs(hostJitterMs)
    {
    }

  private:
    /**
     * \param routerJitterMs the router's jitter
     * \param hostJitterMs the hosts' jitter
     * \return the test name
     */
    static std::string Name(double routerJitterMs, double hostJitterMs)
    {
        std::ostringstream oss;
        oss << "Figure 4: inbound and outbound start together (jitter router " << routerJitterMs
            << " ms, hosts " << hostJitterMs << " ms): no request after resolution";
        return oss.str();
    }

    /**
     * \param ms a delay in ms
     * \return a constant random variable of that value
     */
    static StringValue Constant(double ms)
    {
        std::ostringstream oss;
        oss << "ns3::ConstantRandomVariable[Constant=" << ms << "]";
        return StringValue(oss.str());
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        f.RouterProtocol()->SetAttribute("RequestJitter", Constant(m_routerJitterMs));
        std::vector<Ptr<Application>> sinks;
        for (uint32_t i = 0; i < 3; i++)
        {
            f.HostProtocol(i)->SetAttribute("RequestJitter", Constant(m_hostJitterMs));
            sinks.push_back(InstallSink(f.hosts.Get(i), false, 2500 + 1000 * i));
            // Inbound reaches the router at about 1.005 s, when outbound starts.
            Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500 + 1000 * i, 1, 100);
            Figure4::SendUdp(f.hosts.Get(i), Seconds(1.005), f.inetAddress, 9, 1, 50);
        }
        Ptr<Application> inetSink = InstallSink(f.inet, false, 9);
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[i]), 100, "host " << i << " got its datagram");
        }
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetSink), 150, "the Internet host got all three");
        bool routerFirst = m_routerJitterMs < m_hostJitterMs;
        const PeArpL3Protocol::Counters& router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent,
                              (routerFirst ? 3 : 0),
                              "router requests (the hosts' requests came first: none)");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::UNSOLICITED_REPLY],
                              0,
                              "no unsolicited reply at the router");
        for (uint32_t i = 0; i < 3; i++)
        {
            const PeArpL3Protocol::Counters& host = f.HostProtocol(i)->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(host.requestsSent,
                                  (routerFirst ? 0 : 1),
                                  "host " << i << " requests (the router's came first: none)");
            NS_TEST_EXPECT_MSG_EQ(host.drops[PeArpL3Protocol::UNSOLICITED_REPLY],
                                  0,
                                  "no unsolicited reply at host " << i);
        }
    }

    double m_routerJitterMs; //!< router jitter
    double m_hostJitterMs;   //!< hosts' jitter
};

/**
 * \ingroup pe-arp-tests
 * Two misses 0.1 ms apart on two ports of host A, on a LAN whose replies
 * take 2 ms: the second miss waits for the reply to the first request, which
 * covers its port. One request, no unsolicited reply. Then a copy of A's
 * reply, which only confirms the entry the router holds, is not taken for
 * poisoning.
 */
class PeArpRouterSecondMissTestCase : public TestCase
{
  public:
    PeArpRouterSecondMissTestCase()
        : TestCase("Figure 4: a second miss for the same host waits for the outstanding request")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::CsmaChannel::Delay", TimeValue(MilliSeconds(1)));
        Figure4 f;
        Config::Reset();
        Ptr<Application> sink2500 = InstallSink(f.hosts.Get(0), false, 2500);
        Ptr<Application> sink2600 = InstallSink(f.hosts.Get(0), false, 2600);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 1, 100);
        Figure4::SendUdp(f.inet, Seconds(1.0001), f.shared, 2600, 1, 100);
        std::vector<PeArpHeader> replies;
        f.HostProtocol(0)->TraceConnectWithoutContext(
            "ReplySent",
            Callback<void, Ptr<const NetDevice>, const PeArpHeader&>(
                [&replies](Ptr<const NetDevice>, const PeArpHeader& h) { replies.push_back(h); }));
        // At 2 s, A's reply once more: it confirms what the router holds.
        Simulator::Schedule(Seconds(2), [&f, &replies]() {
            if (!replies.empty())
            {
                Ptr<Packet> frame = Create<Packet>();
                frame->AddHeader(replies.front());
                f.hostLink[0]->Send(frame, f.routerLink->GetAddress(), 0x0806);
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink2500), 100, "A got the datagram for 2500");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink2600), 100, "A got the datagram for 2600");
        const PeArpL3Protocol::Counters& router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent, 1, "one request for both ports");
        NS_TEST_EXPECT_MSG_EQ(replies.size(), 1U, "A answered once");
        NS_TEST_EXPECT_MSG_EQ(router.repliesReceived, 1, "one reply accepted");
        NS_TEST_EXPECT_MSG_EQ(router.repliesConfirming, 1, "the copy only confirmed the entry");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::UNSOLICITED_REPLY],
                              0,
                              "no reply taken for poisoning");
        NS_TEST_EXPECT_MSG_EQ(router.TotalDrops(), 0, "no drop at all");
    }
};

/**
 * \ingroup pe-arp-tests
 * The router deployment suite.
 */
class PeArpRouterTestSuite : public TestSuite
{
  public:
    PeArpRouterTestSuite()
        : TestSuite("pe-arp-router", SYSTEM)
    {
        AddTestCase(new PeArpRouterInboundTestCase, TestCase::QUICK);
        AddTestCase(new PeArpRouterExpiryTestCase, TestCase::QUICK);
        AddTestCase(new PeArpHostToHostTestCase, TestCase::QUICK);
        AddTestCase(new PeArpUnownedPortTestCase, TestCase::QUICK);
        AddTestCase(new PeArpOffLinkAllOnesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpRouterSimultaneousStartTestCase(10, 1), TestCase::QUICK);
        AddTestCase(new PeArpRouterSimultaneousStartTestCase(1, 10), TestCase::QUICK);
        AddTestCase(new PeArpRouterSecondMissTestCase, TestCase::QUICK);
    }
};

static PeArpRouterTestSuite g_peArpRouterTestSuite; //!< Static variable for test initialization
