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

#include "ns3/boolean.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/csma-helper.h"
#include "ns3/double.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/log.h"
#include "ns3/on-off-helper.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-helper.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-stack-helper.h"
#include "ns3/pe-arp-traffic-control-layer.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cmath>
#include <functional>
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

/** ARP frames one node put on the wire, read from the Ethernet frames. */
struct WireArp
{
    uint32_t requests = 0; //!< frames with ARP operation 1
    uint32_t replies = 0;  //!< frames with ARP operation 2
};

/**
 * MacTx sink: count a frame if it is ARP, by its operation field.
 * \param count the node's counts
 * \param packet the frame, Ethernet header included
 */
void
CountWireArp(WireArp* count, Ptr<const Packet> packet)
{
    Ptr<Packet> copy = packet->Copy();
    EthernetHeader eth(false);
    copy->RemoveHeader(eth);
    if (eth.GetLengthType() != 0x0806 || copy->GetSize() < 8)
    {
        return;
    }
    uint8_t bytes[8];
    copy->CopyData(bytes, 8);
    uint16_t operation = (bytes[6] << 8) | bytes[7];
    (operation == 1 ? count->requests : count->replies)++;
}

/**
 * \ingroup pe-arp-tests
 * \brief Figure 4 with ns-3's stock ARP and no PE-ARP: the router and hosts
 * A, B, C at 198.108.63.2, .3 and .4 on one CSMA LAN, each with its own
 * address.
 */
class StockFigure4 : public SharedAddressTopology
{
  public:
    StockFigure4()
    {
        router = CreateObject<Node>();
        hosts.Create(3);
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        stack.Install(router);
        stack.Install(hosts);
        ConnectInternet(router);
        NodeContainer lan(router);
        lan.Add(hosts);
        NetDeviceContainer links = CsmaHelper().Install(lan);
        Ipv4AddressHelper addresses("198.108.63.0", "255.255.255.0");
        Ipv4InterfaceContainer interfaces = addresses.Assign(links); // .1 router, .2-.4 hosts
        routerLink = links.Get(0);
        Ipv4StaticRoutingHelper routing;
        for (uint32_t i = 0; i < hosts.GetN(); i++)
        {
            hostLink.push_back(links.Get(i + 1));
            routing.GetStaticRouting(hosts.Get(i)->GetObject<Ipv4>())
                ->SetDefaultRoute("198.108.63.1", interfaces.Get(i + 1).second);
        }
    }

    Ptr<Node> router;          //!< router with stock ARP
    Ptr<NetDevice> routerLink; //!< its CSMA device

    Ptr<PeArpL3Protocol> EdgeProtocol() const override
    {
        return nullptr;
    }

    Ptr<NetDevice> EdgeDevice() const override
    {
        return routerLink;
    }
};

/// Ports of hosts A, B, C that receive TCP from the Internet.
const uint16_t INBOUND_PORTS[] = {2500, 3500, 4500};
/// Bytes each host receives.
const uint32_t INBOUND_BYTES = 3000;

/**
 * Connect ARP frame counters to the router's and the hosts' link devices,
 * and start one inbound TCP transfer per host, 250 ms apart.
 * \param t the topology
 * \param routerLink the router's link device
 * \param hostAddress the address of host i
 * \param router receives the router's frames
 * \param hosts receive the hosts' frames (one each)
 * \param sinks receive the hosts' TCP sinks
 */
void
StartInbound(SharedAddressTopology& t,
             Ptr<NetDevice> routerLink,
             const std::function<Ipv4Address(uint32_t)>& hostAddress,
             WireArp* router,
             std::vector<WireArp>& hosts,
             std::vector<Ptr<Application>>& sinks)
{
    routerLink->TraceConnectWithoutContext("MacTx", MakeBoundCallback(&CountWireArp, router));
    hosts.resize(t.hosts.GetN());
    for (uint32_t i = 0; i < t.hosts.GetN(); i++)
    {
        t.hostLink[i]->TraceConnectWithoutContext("MacTx",
                                                  MakeBoundCallback(&CountWireArp, &hosts[i]));
        sinks.push_back(InstallSink(t.hosts.Get(i), true, INBOUND_PORTS[i]));
        SendTcp(t.inet, hostAddress(i), INBOUND_PORTS[i], INBOUND_BYTES, Seconds(1.0 + 0.25 * i));
    }
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
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
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

        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
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
 * LearnFromRequest: the Figure 4 exchange (one inbound TCP transfer per
 * host) puts on the wire, per host, the router's request, the host's reply,
 * the host's request for the gateway (to send its SYN-ACK) and the router's
 * reply, exactly as ns-3's stock ARP does on the same LAN, when hosts do not
 * learn from requests; when they do (the paper), the host's request and the
 * router's reply are not needed. The stock figures are measured in the same
 * test on the same LAN with stock ARP and one address per host.
 */
class PeArpLearnFromRequestTestCase : public TestCase
{
  public:
    /**
     * \param learn the value of ns3::PeArpL3Protocol::LearnFromRequest
     */
    explicit PeArpLearnFromRequestTestCase(bool learn)
        : TestCase(std::string("Figure 4 with LearnFromRequest=") + (learn ? "true" : "false") +
                   ": ARP frames on the wire " +
                   (learn ? "one request and one reply per host fewer than stock"
                          : "as stock ns-3 ARP")),
          m_learn(learn)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        WireArp stockRouter;
        std::vector<WireArp> stockHosts;
        {
            StockFigure4 s;
            std::vector<Ptr<Application>> sinks;
            StartInbound(
                s,
                s.routerLink,
                [](uint32_t i) { return Ipv4Address(Ipv4Address("198.108.63.2").Get() + i); },
                &stockRouter,
                stockHosts,
                sinks);
            Simulator::Stop(Seconds(4));
            Simulator::Run();
            for (uint32_t i = 0; i < 3; i++)
            {
                NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[i]), INBOUND_BYTES, "stock host " << i);
            }
            Simulator::Destroy();
        }

        Figure4 f;
        NodeContainer all(f.router);
        all.Add(f.hosts);
        for (uint32_t n = 0; n < all.GetN(); n++)
        {
            bool set = all.Get(n)->GetObject<PeArpL3Protocol>()->SetAttributeFailSafe(
                "LearnFromRequest",
                BooleanValue(m_learn));
            NS_TEST_EXPECT_MSG_EQ(set, true, "node " << n << " has attribute LearnFromRequest");
        }
        WireArp router;
        std::vector<WireArp> hosts;
        std::vector<Ptr<Application>> sinks;
        StartInbound(
            f,
            f.routerLink,
            [&f](uint32_t) { return f.shared; },
            &router,
            hosts,
            sinks);
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        // Per host: the router's request and the host's reply; without
        // learning also the host's request for the gateway and its reply.
        uint32_t extra = m_learn ? 0 : 1;
        NS_TEST_EXPECT_MSG_EQ(router.requests, 3, "the router resolves each host once");
        NS_TEST_EXPECT_MSG_EQ(router.replies, 3 * extra, "router replies to hosts' requests");
        WireArp total = router;
        WireArp stock = stockRouter;
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[i]), INBOUND_BYTES, "host " << i << "'s bytes");
            NS_TEST_EXPECT_MSG_EQ(hosts[i].replies, 1, "host " << i << " answers the router");
            NS_TEST_EXPECT_MSG_EQ(hosts[i].requests,
                                  extra,
                                  "host " << i << " requests for the gateway");
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
            total.requests += hosts[i].requests;
            total.replies += hosts[i].replies;
            stock.requests += stockHosts[i].requests;
            stock.replies += stockHosts[i].replies;
            // Stock ns-3 on the same LAN and traffic.
            NS_TEST_EXPECT_MSG_EQ(stockHosts[i].requests, 1, "stock host " << i << " requests");
            NS_TEST_EXPECT_MSG_EQ(stockHosts[i].replies, 1, "stock host " << i << " replies");
        }
        NS_TEST_EXPECT_MSG_EQ(stockRouter.requests, 3, "stock router requests");
        NS_TEST_EXPECT_MSG_EQ(stockRouter.replies, 3, "stock router replies");
        // Learning saves one request (the host's) and one reply (the
        // router's) per host.
        uint32_t saved = m_learn ? 3 : 0;
        NS_TEST_EXPECT_MSG_EQ(total.requests + saved,
                              stock.requests,
                              "ARP requests: " << total.requests << ", stock ARP "
                                               << stock.requests);
        NS_TEST_EXPECT_MSG_EQ(total.replies + saved,
                              stock.replies,
                              "ARP replies: " << total.replies << ", stock ARP " << stock.replies);
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().TotalDrops(), 0, "no drop");
        Simulator::Destroy();
    }

    bool m_learn; //!< LearnFromRequest
};

/**
 * \ingroup pe-arp-tests
 * Global routing with PE-ARP router interfaces: two Figure 4 sites behind a
 * core router, every router and the Internet host routed by
 * Ipv4GlobalRoutingHelper (the hosts sharing an address keep their static
 * default route). PopulateRoutingTables returns, and the Internet host
 * reaches every host through the routes it computed, and back.
 *
 * \verbatim
   inet --p2p-- core --p2p-- router1 | 198.108.63.1 ==CSMA== A1 B1 C1 (198.108.63.2)
                     --p2p-- router2 | 198.108.64.1 ==CSMA== A2 B2    (198.108.64.2)
   \endverbatim
 */
class PeArpGlobalRoutingTestCase : public TestCase
{
  public:
    PeArpGlobalRoutingTestCase()
        : TestCase("global routing with PE-ARP router interfaces computes routes to the sites")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::PeArpL3Protocol::RequestJitter",
                           StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
        NodeContainer routers; // inet, core, router1, router2
        routers.Create(4);
        InternetStackHelper stack; // static and global routing (the default)
        stack.SetIpv6StackInstall(false);
        stack.Install(routers);
        PointToPointHelper p2p;
        Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.252");
        for (uint32_t i : {0, 2, 3})
        {
            addresses.Assign(p2p.Install(routers.Get(i), routers.Get(1)));
            addresses.NewNetwork();
        }
        Ipv4Address inetAddress("10.0.0.1");

        std::vector<Ptr<Node>> hosts;
        std::vector<uint16_t> ports;
        std::vector<Ipv4Address> shared;
        for (uint32_t site = 0; site < 2; site++)
        {
            NodeContainer siteHosts;
            siteHosts.Create(site == 0 ? 3 : 2);
            PeArpStackHelper().Install(siteHosts);
            NodeContainer lan(routers.Get(2 + site));
            lan.Add(siteHosts);
            PeArpHelper peArp;
            NetDeviceContainer interfaces = peArp.Install(CsmaHelper().Install(lan));
            uint32_t network = Ipv4Address("198.108.63.0").Get() + (site << 8);
            peArp.Assign(interfaces.Get(0),
                         Ipv4InterfaceAddress(Ipv4Address(network + 1), "255.255.255.0"));
            for (uint32_t i = 0; i < siteHosts.GetN(); i++)
            {
                uint32_t interface =
                    peArp.Assign(interfaces.Get(1 + i),
                                 Ipv4InterfaceAddress(Ipv4Address(network + 2), "255.255.255.0"),
                                 PeArpPortRange(2000 + 1000 * i, 2999 + 1000 * i));
                Ipv4StaticRoutingHelper()
                    .GetStaticRouting(siteHosts.Get(i)->GetObject<Ipv4>())
                    ->SetDefaultRoute(Ipv4Address(network + 1), interface);
                hosts.push_back(siteHosts.Get(i));
                ports.push_back(2500 + 1000 * i);
                shared.emplace_back(network + 2);
            }
        }

        Ipv4GlobalRoutingHelper::PopulateRoutingTables();

        std::vector<Ptr<Application>> sinks;
        for (size_t h = 0; h < hosts.size(); h++)
        {
            sinks.push_back(InstallSink(hosts[h], false, ports[h]));
            SharedAddressTopology::SendUdp(routers.Get(0),
                                           Seconds(1.0 + 0.1 * h),
                                           shared[h],
                                           ports[h],
                                           1,
                                           100 + h);
            SharedAddressTopology::SendUdp(hosts[h], Seconds(2.0 + 0.1 * h), inetAddress, 9, 1, 10);
        }
        Ptr<Application> inetSink = InstallSink(routers.Get(0), false, 9);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        for (size_t h = 0; h < hosts.size(); h++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[h]),
                                  100 + h,
                                  "the Internet reaches host " << h << " (" << shared[h] << ":"
                                                               << ports[h] << ")");
        }
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetSink), 10 * hosts.size(), "every host reaches it");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A node sharing an address cannot be a global router: global routing
 * assumes one node per address. PeArpHelper refuses it, naming the reason.
 */
class PeArpGlobalRouterSharerTestCase : public TestCase
{
  public:
    PeArpGlobalRouterSharerTestCase()
        : TestCase("a host with global routing is refused ports of a shared address")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        NodeContainer nodes;
        nodes.Create(2);
        PeArpStackHelper global;
        global.SetRoutingHelper(Ipv4GlobalRoutingHelper());
        global.Install(nodes.Get(0));
        PeArpStackHelper().Install(nodes.Get(1));
        PeArpHelper peArp;
        NetDeviceContainer interfaces = peArp.Install(CsmaHelper().Install(nodes));
        std::string why;
        auto accepted = [&](uint32_t i, const char* address, PeArpPortRange range) {
            return Accepted(peArp.CheckAssignment(interfaces.Get(i),
                                                  Ipv4InterfaceAddress(address, "/24"),
                                                  range),
                            why);
        };
        NS_TEST_EXPECT_MSG_EQ(accepted(0, "198.108.63.2", PeArpPortRange(2000, 2999)),
                              false,
                              "refused");
        NS_TEST_EXPECT_MSG_NE(why.find("GlobalRouter"), std::string::npos, why);
        NS_TEST_EXPECT_MSG_EQ(accepted(0, "198.108.63.1", PeArpPortRange::All()),
                              true,
                              "an address of its own is fine: " << why);
        NS_TEST_EXPECT_MSG_EQ(accepted(1, "198.108.63.2", PeArpPortRange(2000, 2999)),
                              true,
                              "a host with static routing is fine: " << why);
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * The default request jitter (RequestJitter null) is made at the router's
 * first request, uniform in [0, 10] ms, and takes the stream given to
 * AssignStreams before it was made: the request leaves the arrival of the
 * packet that missed by exactly the first value of ns-3's own uniform
 * variable on that stream. A stream assigned after it was made takes over
 * at once, as RandomVariableStream::SetStream does: the next request waits
 * the first value of that stream.
 */
class PeArpRouterJitterStreamTestCase : public TestCase
{
  public:
    /** \param stream the stream given to the router's protocol */
    explicit PeArpRouterJitterStreamTestCase(int64_t stream)
        : TestCase("Default request jitter made at the first request, on the assigned stream " +
                   std::to_string(stream)),
          m_stream(stream)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        // Built by hand: the shared fixtures set a constant jitter.
        Config::SetDefault("ns3::PeArpL3Protocol::RequestJitter", PointerValue());
        NodeContainer nodes(2); // 0: the asking node, 1: a host sharing 198.51.100.2
        PeArpStackHelper().Install(nodes);
        NetDeviceContainer lan = CsmaHelper().Install(nodes);
        PeArpHelper peArp;
        NetDeviceContainer ifs = peArp.Install(lan);
        peArp.Assign(ifs.Get(0), Ipv4InterfaceAddress("198.51.100.1", "255.255.255.0"));
        peArp.Assign(ifs.Get(1),
                     Ipv4InterfaceAddress("198.51.100.2", "255.255.255.0"),
                     PeArpPortRange(2000, 2999));
        Ptr<PeArpL3Protocol> protocol = nodes.Get(0)->GetObject<PeArpL3Protocol>();
        NS_TEST_ASSERT_MSG_EQ(protocol->AssignStreams(m_stream), 1, "one stream used");
        std::vector<Time> requests;
        protocol->TraceConnectWithoutContext(
            "RequestSent",
            Callback<void, Ptr<const NetDevice>, const PeArpHeader&>(
                [&requests](Ptr<const NetDevice>, const PeArpHeader&) {
                    requests.push_back(Simulator::Now());
                }));
        Ptr<Application> sink = InstallSink(nodes.Get(1), false, 2500);
        SharedAddressTopology::SendUdp(nodes.Get(0),
                                       Seconds(1.0),
                                       Ipv4Address("198.51.100.2"),
                                       2500,
                                       1,
                                       100);
        // Then a new stream, and a miss for an address nobody holds: its
        // first request (the next ones wait WaitReplyTimeout, past the end).
        const int64_t later = m_stream + 1000;
        Simulator::Schedule(Seconds(1.5), [protocol, later]() { protocol->AssignStreams(later); });
        SharedAddressTopology::SendUdp(nodes.Get(0),
                                       Seconds(1.6),
                                       Ipv4Address("198.51.100.3"),
                                       2500,
                                       1,
                                       100);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        Config::Reset();

        auto firstValue = [](int64_t stream) {
            Ptr<UniformRandomVariable> reference = CreateObject<UniformRandomVariable>();
            reference->SetAttribute("Min", DoubleValue(0));
            reference->SetAttribute("Max", DoubleValue(10));
            reference->SetStream(stream);
            return MilliSeconds(reference->GetValue());
        };
        NS_TEST_ASSERT_MSG_EQ(requests.size(), 2, "one request for each miss");
        NS_TEST_EXPECT_MSG_EQ(requests[0] - Seconds(1.0),
                              firstValue(m_stream),
                              "the jitter drawn on the stream");
        NS_TEST_EXPECT_MSG_EQ(requests[1] - Seconds(1.6),
                              firstValue(later),
                              "after AssignStreams: the first value of the new stream");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink), 100, "delivered");
    }

    int64_t m_stream; //!< the stream
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
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.requestsSent,
                              (routerFirst ? 3 : 0),
                              "router requests (the hosts' requests came first: none)");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::UNSOLICITED_REPLY],
                              0,
                              "no unsolicited reply at the router");
        for (uint32_t i = 0; i < 3; i++)
        {
            PeArpL3Protocol::Counters host = f.HostProtocol(i)->GetCounters();
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
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
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
 * A port scan of all 65,536 ports of the shared address from the Internet
 * (UDP, 650 packets/s, 101 s) while hosts A, B and C receive TCP flows and
 * their entries are refreshed (AliveTimeout 30 s), with MaxEntries 16384, which
 * one entry per scanned port would fill in 25 s. Every byte of the flows
 * arrives; the router's table and its requests for ports nobody owns stay
 * within bounds derived from the cache's attributes; a host D that appears
 * during the scan is learned from its own request and reached, and a host E
 * is reached after the scan.
 *
 * Bounds (T: the time simulated, 130 s; ranges: the 5 host ranges; M:
 * MaxUnresolvedPerAddress; tokens: RequestBurst + RequestRate * T):
 * - requests for unowned ports <= tokens: a request for a port not resolved
 *   yet takes a token of the address' bucket, given back only if it is
 *   answered, and none is sent without one;
 * - all the router's requests (its LAN broadcasts) <= tokens + ranges *
 *   (1 + MaxRetries) * ceil(T / AliveTimeout) (answered requests take no
 *   token: one per range learned, and the refreshes);
 * - table size <= ranges + M + tokens (resolved ranges, incomplete entries,
 *   and DEAD entries, each left by a resolution whose requests took tokens).
 */
class PeArpRouterPortScanTestCase : public TestCase
{
  public:
    PeArpRouterPortScanTestCase()
        : TestCase("Figure 4: a scan of all 65,536 ports neither fills the table nor floods "
                   "the LAN, and every flow is delivered")
    {
    }

  private:
    /** Sends one datagram to each port in turn. */
    struct Scanner
    {
        Ptr<Socket> socket; //!< UDP socket of the Internet host
        Ipv4Address target; //!< the shared address
        uint32_t next = 0;  //!< next port
        Time interval;      //!< time between datagrams
        uint32_t sent = 0;  //!< datagrams sent
        Time last;          //!< when the last one was sent

        /** Send to the next port and schedule the one after. */
        void Step()
        {
            socket->SendTo(Create<Packet>(20), 0, InetSocketAddress(target, next));
            sent++;
            last = Simulator::Now();
            if (++next < 65536)
            {
                Simulator::Schedule(interval, &Scanner::Step, this);
            }
        }
    };

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::PeArpCache::AliveTimeout", TimeValue(Seconds(30)));
        // A table that one entry per scanned port would fill in 25 s.
        Config::SetDefault("ns3::PeArpCache::MaxEntries", UintegerValue(16384));
        const std::vector<PeArpPortRange> ranges = {PeArpPortRange(2000, 2999),
                                                    PeArpPortRange(3000, 3999),
                                                    PeArpPortRange(4000, 4999),
                                                    PeArpPortRange(45000, 45999),
                                                    PeArpPortRange(60000, 60999)};
        Figure4 f(ranges);
        Config::Reset();
        Ptr<PeArpCache> cache = f.routerLan->GetCache();
        const Time stop = Seconds(130);

        // A, B, C: one TCP flow each, 1,000,000 bytes at 80 kb/s (1 s to 101 s).
        std::vector<Ptr<Application>> sinks;
        for (uint32_t i = 0; i < 3; i++)
        {
            uint16_t port = ranges[i].GetLow() + 500;
            sinks.push_back(InstallSink(f.hosts.Get(i), true, port));
            OnOffHelper flow("ns3::TcpSocketFactory", InetSocketAddress(f.shared, port));
            flow.SetAttribute("DataRate", StringValue("80kbps"));
            flow.SetAttribute("PacketSize", UintegerValue(1000));
            flow.SetAttribute("MaxBytes", UintegerValue(1000000));
            flow.SetAttribute("OnTime", StringValue("ns3::ConstantRandomVariable[Constant=1000]"));
            flow.SetAttribute("OffTime", StringValue("ns3::ConstantRandomVariable[Constant=0]"));
            flow.Install(f.inet).Start(Seconds(1));
        }
        // D speaks at 40 s (its request teaches the router its range), then
        // receives 20,000 bytes at 45 s; E receives 20,000 bytes after the scan.
        Ptr<Application> inetSink = InstallSink(f.inet, false, 9);
        Figure4::SendUdp(f.hosts.Get(3), Seconds(40), f.inetAddress, 9, 1, 50);
        Ptr<Application> sinkD = InstallSink(f.hosts.Get(3), true, 45500);
        SendTcp(f.inet, f.shared, 45500, 20000, Seconds(45));
        Ptr<Application> sinkE = InstallSink(f.hosts.Get(4), true, 60500);
        SendTcp(f.inet, f.shared, 60500, 20000, Seconds(110));

        // The scan: ports 0 to 65535, 650 datagrams per second, from 2 s.
        Scanner scanner;
        scanner.socket = Socket::CreateSocket(f.inet, UdpSocketFactory::GetTypeId());
        scanner.target = f.shared;
        scanner.interval = Seconds(1.0 / 650);
        Simulator::Schedule(Seconds(2), &Scanner::Step, &scanner);

        uint64_t unownedRequests = 0;
        uint64_t ownedRequests = 0;
        f.RouterProtocol()->TraceConnectWithoutContext(
            "RequestSent",
            Callback<void, Ptr<const NetDevice>, const PeArpHeader&>(
                [&](Ptr<const NetDevice>, const PeArpHeader& h) {
                    bool owned = false;
                    for (const PeArpPortRange& r : ranges)
                    {
                        owned = owned || r.Contains(h.GetTargetPort());
                    }
                    (owned ? ownedRequests : unownedRequests)++;
                }));
        // D's and E's entries and bytes 5 s after their flows started (later
        // the entries may expire).
        std::vector<PeArpPortRange> learned(5);
        std::vector<Mac48Address> learnedMac(5);
        std::vector<uint64_t> bytesThen(5, 0);
        for (uint32_t i = 3; i < 5; i++)
        {
            Simulator::Schedule(Seconds(i == 3 ? 50 : 115), [&, i]() {
                PeArpCache::Entry* e = cache->Lookup(f.shared, ranges[i].GetLow() + 500);
                if (e != nullptr && e->IsAlive())
                {
                    learned[i] = e->GetRange();
                    learnedMac[i] = e->GetMacAddress();
                }
                bytesThen[i] = SinkBytes(i == 3 ? sinkD : sinkE);
            });
        }
        uint32_t maxSize = 0;
        std::function<void()> sample = [&]() {
            maxSize = std::max(maxSize, cache->GetSize());
            Simulator::Schedule(MilliSeconds(10), sample);
        };
        Simulator::Schedule(Seconds(0), sample);
        Simulator::Stop(stop);
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(scanner.sent, 65536U, "the whole port space was scanned");
        NS_TEST_EXPECT_MSG_LT(scanner.last, Seconds(103), "in about 101 s");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[i]), 1000000, "host " << i << " got its flow");
        }
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetSink), 50, "D's datagram reached the Internet");
        NS_TEST_EXPECT_MSG_EQ(bytesThen[3], 20000, "D, new during the scan, got its bytes by 50 s");
        NS_TEST_EXPECT_MSG_EQ(bytesThen[4], 20000, "E got its bytes after the scan, by 115 s");
        for (uint32_t i = 0; i < f.hosts.GetN(); i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
        }
        for (uint32_t i = 3; i < 5; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(learned[i],
                                  ranges[i],
                                  "host " << i << "'s range was in the table 5 s after its flow");
            NS_TEST_EXPECT_MSG_EQ(learnedMac[i],
                                  Mac48Address::ConvertFrom(f.hostLink[i]->GetAddress()),
                                  "with its MAC");
        }

        // The bounds, from the cache's attributes (their defaults).
        UintegerValue burst;
        DoubleValue rate;
        UintegerValue unresolved;
        cache->GetAttribute("RequestBurst", burst);
        cache->GetAttribute("RequestRate", rate);
        cache->GetAttribute("MaxUnresolvedPerAddress", unresolved);
        NS_TEST_ASSERT_MSG_GT(rate.Get(), 0, "the defaults limit the requests");
        double tokens = burst.Get() + rate.Get() * stop.GetSeconds();
        NS_TEST_EXPECT_MSG_LT_OR_EQ(unownedRequests,
                                    tokens,
                                    "requests for unowned ports <= tokens");
        UintegerValue maxRetries;
        cache->GetAttribute("MaxRetries", maxRetries);
        double refreshes = ranges.size() * (1.0 + maxRetries.Get()) *
                           std::ceil(stop.GetSeconds() / cache->GetAliveTimeout().GetSeconds());
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().requestsSent,
                              unownedRequests + ownedRequests,
                              "every request traced");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(unownedRequests + ownedRequests,
                                    tokens + ranges.size() + refreshes,
                                    "LAN broadcasts <= tokens + ranges + refreshes");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(maxSize,
                                    ranges.size() + unresolved.Get() + tokens,
                                    "table <= ranges + M + tokens");
        // That bound is below MaxEntries: nothing may be refused for a full table.
        PeArpL3Protocol::Counters router = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::TABLE_FULL], 0, "no table-full drop");
        NS_TEST_EXPECT_MSG_EQ(router.drops[PeArpL3Protocol::CACHE_REFUSED], 0, "nothing refused");
        NS_LOG_UNCOND("port scan: " << unownedRequests << " requests for unowned ports, "
                                    << ownedRequests << " for owned ones, table at most " << maxSize
                                    << " entries");
        std::ostringstream drops;
        PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
        for (uint32_t r = 0; r < PeArpL3Protocol::DROP_REASON_COUNT; r++)
        {
            if (c.drops[r] > 0)
            {
                drops << " " << static_cast<PeArpL3Protocol::DropReason>(r) << "=" << c.drops[r];
            }
        }
        NS_LOG_UNCOND("port scan: router drops" << drops.str() << "; refused entries "
                                                << cache->GetRefusedEntries());
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
        AddTestCase(new PeArpLearnFromRequestTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpLearnFromRequestTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpGlobalRoutingTestCase, TestCase::QUICK);
        AddTestCase(new PeArpGlobalRouterSharerTestCase, TestCase::QUICK);
        AddTestCase(new PeArpRouterJitterStreamTestCase(77), TestCase::QUICK);
        AddTestCase(new PeArpRouterJitterStreamTestCase(78), TestCase::QUICK);
        AddTestCase(new PeArpRouterSimultaneousStartTestCase(10, 1), TestCase::QUICK);
        AddTestCase(new PeArpRouterSimultaneousStartTestCase(1, 10), TestCase::QUICK);
        AddTestCase(new PeArpRouterSecondMissTestCase, TestCase::QUICK);
        AddTestCase(new PeArpRouterPortScanTestCase, TestCase::QUICK);
    }
};

static PeArpRouterTestSuite g_peArpRouterTestSuite; //!< Static variable for test initialization
