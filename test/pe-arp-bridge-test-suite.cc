/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * System tests of the PE-Bridge deployment (paper Figure 5): an unmodified
 * gateway with ns-3's stock ARP, a PE-Bridge, hosts sharing an address.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/arp-cache.h"
#include "ns3/arp-header.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/csma-channel.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpBridgeTestSuite");

/**
 * \ingroup pe-arp-tests
 * TCP and UDP in both directions through an unmodified gateway and a
 * PE-Bridge reach exactly the right host, with exact PE-ARP counts.
 */
class PeArpBridgeTrafficTestCase : public TestCase
{
  public:
    /**
     * \param switched one bridge port per host
     */
    explicit PeArpBridgeTrafficTestCase(bool switched)
        : TestCase(std::string("Figure 5: TCP and UDP both ways reach exactly the right host (") +
                   (switched ? "a port per host" : "hosts on one segment") + ")"),
          m_switched(switched)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(m_switched);
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), true, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<Application> sinkC = InstallSink(f.hosts.Get(2), true, 4500);
        Ptr<Application> inetUdp = InstallSink(f.inet, false, 9);
        Ptr<Application> inetTcp = InstallSink(f.inet, true, 80);
        SendTcp(f.inet, f.shared, 2500, 5000, Seconds(1.0));
        Figure5::SendUdp(f.inet, Seconds(1.1), f.shared, 3500, 3, 100);
        SendTcp(f.inet, f.shared, 4500, 3000, Seconds(1.2));
        for (uint32_t i = 0; i < 3; i++)
        {
            Figure5::SendUdp(f.hosts.Get(i), Seconds(3.0 + 0.1 * i), f.inetAddress, 9, 1, 50);
        }
        SendTcp(f.hosts.Get(1), f.inetAddress, 80, 2000, Seconds(4.0));
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 5000, "A receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "B receives its datagrams");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkC), 3000, "C receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetUdp), 150, "every host reaches the Internet over UDP");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetTcp), 2000, "and B over TCP");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
            // The bridge asks from 0.0.0.0, so a host learns the gateway by
            // asking for it once.
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().requestsSent,
                                  1,
                                  "host " << i << " resolves the gateway once");
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent,
                                  1,
                                  "host " << i << " answers the bridge once");
        }
        const PeArpL3Protocol::Counters& bridge = f.EdgeProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(bridge.requestsSent, 3, "one bridge request per host range");
        NS_TEST_EXPECT_MSG_EQ(bridge.repliesReceived, 3, "three replies");
        NS_TEST_EXPECT_MSG_EQ(bridge.TotalDrops(), 0, "no drop");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetProxiedRequests(),
                              1,
                              "the gateway's one standard request for the shared address");
        // The gateway asked for the shared address at 1 s: at 3 s the
        // bridge knows it is behind the uplink and answers the hosts itself.
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsAnswered(),
                              3,
                              "the hosts' requests for the gateway were answered by the bridge");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetSuppressedFloods(), 0, "none reached the gateway");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsSent(), 0, "nor needed to");
        NS_TEST_EXPECT_MSG_GT(f.bridge->GetRewrittenFrames(), 3, "frames were redirected");

        // The unmodified gateway resolved the shared address to the bridge.
        Ptr<Ipv4L3Protocol> ipv4 = f.gateway->GetObject<Ipv4L3Protocol>();
        Ptr<ArpCache> arp = ipv4->GetInterface(2)->GetArpCache();
        ArpCache::Entry* entry = arp->Lookup(f.shared);
        PEARP_REQUIRE_NE(entry, nullptr, "the gateway has an ARP entry for the shared address");
        NS_TEST_EXPECT_MSG_EQ(Mac48Address::ConvertFrom(entry->GetMacAddress()),
                              f.bridge->GetMac48(),
                              "pointing to the PE-Bridge");

        std::ostringstream expected;
        for (uint32_t i = 0; i < 3; i++)
        {
            std::ostringstream address;
            address << "198.108.63.2:" << 2000 + 1000 * i << "-" << 2999 + 1000 * i;
            std::ostringstream mac;
            mac << Mac48Address::ConvertFrom(f.hostLink[i]->GetAddress());
            expected << address.str() << std::string(25 - address.str().size(), ' ') << "ether   "
                     << mac.str() << "   br0\n";
        }
        std::ostringstream table;
        f.bridge->GetCache()->Print(table);
        NS_TEST_EXPECT_MSG_EQ(table.str(),
                              "Address                  HWtype  HWaddress           Iface\n" +
                                  expected.str(),
                              "the bridge's table");
        Simulator::Destroy();
    }

    bool m_switched; //!< one port per host
};

/**
 * \ingroup pe-arp-tests
 * Frames that miss in the bridge wait for the reply and are all delivered.
 */
class PeArpBridgeQueuedMissTestCase : public TestCase
{
  public:
    PeArpBridgeQueuedMissTestCase()
        : TestCase("Figure 5: frames queued on a miss are delivered after resolution")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f;
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure5::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 100);
        std::vector<Time> arrivals;
        sinkB->TraceConnectWithoutContext("Rx",
                                          Callback<void, Ptr<const Packet>, const Address&>(
                                              [&arrivals](Ptr<const Packet>, const Address&) {
                                                  arrivals.push_back(Simulator::Now());
                                              }));
        Time resolved;
        f.bridge->GetCache()->TraceConnectWithoutContext(
            "EntryUpdated",
            Callback<void, Ipv4Address, const PeArpPortRange&, Mac48Address>(
                [&resolved](Ipv4Address, const PeArpPortRange&, Mac48Address) {
                    resolved = Simulator::Now();
                }));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "all three queued datagrams arrive");
        NS_TEST_EXPECT_MSG_EQ(f.EdgeProtocol()->GetCounters().requestsSent, 1, "one request");
        PEARP_REQUIRE_EQ(arrivals.size(), 3, "three arrivals");
        NS_TEST_EXPECT_MSG_GT(resolved, Seconds(1), "the bridge resolved B's range");
        for (const Time& t : arrivals)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(t, resolved, "delivered only after the reply");
            NS_TEST_EXPECT_MSG_LT(t, resolved + MicroSeconds(100), "and right after it");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * ARP frames whose sender is the shared address (a sharer asking for
 * another sharer, for a non-shared host of the LAN, or for the gateway)
 * never leave through the gateway port: an RFC 826 or Linux gateway would
 * move the shared address to that host's MAC. Exactly the frames the bridge
 * sends for itself leave there, all with the bridge's MAC as sender.
 */
class PeArpBridgeUplinkTestCase : public TestCase
{
  public:
    /**
     * \param switched one bridge port per host
     */
    explicit PeArpBridgeUplinkTestCase(bool switched)
        : TestCase(std::string("Figure 5: no frame with a sharer as sender reaches the gateway (") +
                   (switched ? "a port per host" : "hosts on one segment") + ")"),
          m_switched(switched)
    {
    }

  private:
    /** An ARP frame seen leaving through the gateway port. */
    struct Seen
    {
        bool request;       //!< request (else reply)
        Ipv4Address sender; //!< sender address
        Mac48Address mac;   //!< sender hardware address
        Ipv4Address target; //!< target address
    };

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(m_switched);
        // D: an ordinary host with its own address on the hosts' side.
        Ptr<Node> d = CreateObject<Node>();
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        stack.Install(d);
        CsmaHelper csma;
        Ptr<NetDevice> dLink;
        if (m_switched)
        {
            NetDeviceContainer pair = csma.Install(NodeContainer(d, f.bridgeNode));
            dLink = pair.Get(0);
            f.bridge->AddBridgePort(pair.Get(1));
        }
        else
        {
            dLink = csma.Install(d, DynamicCast<CsmaChannel>(f.hostLink[0]->GetChannel())).Get(0);
        }
        Ipv4Address dAddress("198.108.63.20");
        Ptr<Ipv4> ipv4 = d->GetObject<Ipv4>();
        int32_t interface = ipv4->AddInterface(dLink);
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(dAddress, "255.255.255.0"));
        ipv4->SetUp(interface);

        std::vector<Seen> seen;
        Ptr<NetDevice> uplink = f.bridge->GetBridgePort(0);
        uplink->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>([&seen](Ptr<const Packet> sent) {
                Ptr<Packet> copy = sent->Copy();
                EthernetHeader ethernet(false);
                copy->RemoveHeader(ethernet);
                if (ethernet.GetLengthType() != 0x0806)
                {
                    return;
                }
                ArpHeader arp;
                copy->RemoveHeader(arp);
                seen.push_back({arp.IsRequest(),
                                arp.GetSourceIpv4Address(),
                                Mac48Address::ConvertFrom(arp.GetSourceHardwareAddress()),
                                arp.GetDestinationIpv4Address()});
            }));

        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), false, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<Application> sinkC = InstallSink(f.hosts.Get(2), false, 4500);
        Ptr<Application> sinkD = InstallSink(d, false, 9);
        Ptr<Application> inetUdp = InstallSink(f.inet, false, 9);
        // C asks for the gateway before the gateway has ever sent a frame.
        Figure5::SendUdp(f.hosts.Get(2), Seconds(1.0), f.inetAddress, 9, 1, 50);
        // Between sharers, both ways.
        Figure5::SendUdp(f.hosts.Get(0), Seconds(2.0), f.shared, 3500, 2, 100);
        Figure5::SendUdp(f.hosts.Get(1), Seconds(2.5), f.shared, 2500, 1, 100);
        // A sharer and a non-shared host of the LAN, both ways.
        Figure5::SendUdp(f.hosts.Get(0), Seconds(3.0), dAddress, 9, 1, 70);
        Figure5::SendUdp(d, Seconds(3.5), f.shared, 4500, 1, 30);
        // The Internet to a sharer (the gateway's one standard request).
        Figure5::SendUdp(f.inet, Seconds(4.0), f.shared, 4500, 1, 40);
        // A and B to the Internet, after the gateway is known.
        Figure5::SendUdp(f.hosts.Get(0), Seconds(5.0), f.inetAddress, 9, 1, 50);
        Figure5::SendUdp(f.hosts.Get(1), Seconds(5.1), f.inetAddress, 9, 1, 50);
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 100, "B reaches A");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 200, "A reaches B");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkC), 70, "D and the Internet reach C");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkD), 70, "A reaches D");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetUdp), 150, "A, B and C reach the Internet");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
        }

        uint32_t fromSharers = 0;
        uint32_t bridgeRequests = 0;
        uint32_t bridgeReplies = 0;
        for (const Seen& frame : seen)
        {
            bool shared = frame.sender == f.shared;
            if (shared && frame.mac != f.bridge->GetMac48())
            {
                fromSharers++;
            }
            if (frame.mac == f.bridge->GetMac48() && frame.request &&
                frame.sender == Ipv4Address::GetAny())
            {
                bridgeRequests++;
            }
            if (frame.mac == f.bridge->GetMac48() && !frame.request && shared)
            {
                bridgeReplies++;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(fromSharers,
                              0,
                              "no frame through the gateway port has a sharer's MAC as sender");
        // The bridge asks, from 0.0.0.0, for what it cannot answer itself:
        // the gateway at 1 s (then unknown) and D at 3 s (then unknown).
        NS_TEST_EXPECT_MSG_EQ(bridgeRequests, 2, "the bridge's requests for C's and A's targets");
        NS_TEST_EXPECT_MSG_EQ(bridgeReplies, 1, "the bridge's answer to the gateway's request");
        NS_TEST_EXPECT_MSG_EQ(seen.size(), 3, "and nothing else leaves through the gateway port");
        NS_TEST_EXPECT_MSG_EQ(
            f.bridge->GetProxiedRequests(),
            2,
            "the gateway and D asked the bridge for the shared address once each");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsSent(), 2, "counted as sent");
        // C's (after the gateway's reply), A's and B's at 5 s; D answered A.
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsAnswered(),
                              3,
                              "the bridge answered the sharers' requests for the gateway");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsDropped(), 0, "no drop");
        Simulator::Destroy();
    }

    bool m_switched; //!< one port per host
};

/**
 * \ingroup pe-arp-tests
 * The sharers waiting for the bridge's requests on the uplink are bounded
 * (MaxPendingUplink): a request beyond the bound is dropped and counted,
 * and never reaches the gateway.
 */
class PeArpBridgeUplinkBoundTestCase : public TestCase
{
  public:
    PeArpBridgeUplinkBoundTestCase()
        : TestCase("Figure 5: sharers waiting for the uplink are bounded, drops counted")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f;
        f.bridge->SetAttribute("MaxPendingUplink", UintegerValue(1));
        f.bridge->SetAttribute("UplinkRequestTimeout", TimeValue(Seconds(3600)));
        uint32_t uplinkArp = 0;
        f.bridge->GetBridgePort(0)->TraceConnectWithoutContext(
            "MacTx",
            Callback<void, Ptr<const Packet>>([&uplinkArp](Ptr<const Packet> sent) {
                Ptr<Packet> copy = sent->Copy();
                EthernetHeader ethernet(false);
                copy->RemoveHeader(ethernet);
                uplinkArp += ethernet.GetLengthType() == 0x0806 ? 1 : 0;
            }));
        // Nobody has these addresses: the requests are never answered.
        Figure5::SendUdp(f.hosts.Get(0), Seconds(1.0), "198.108.63.30", 9, 1, 10);
        Figure5::SendUdp(f.hosts.Get(1), Seconds(1.5), "198.108.63.31", 9, 1, 10);
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        uint64_t fromB = f.HostProtocol(1)->GetCounters().requestsSent;
        NS_TEST_EXPECT_MSG_GT(fromB, 0, "B asked");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsSent(), 1, "the bridge asked for A only");
        NS_TEST_EXPECT_MSG_EQ(uplinkArp, 1, "one frame through the gateway port");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsDropped(),
                              fromB,
                              "each of B's requests (and retransmissions) was dropped, counted");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Frames that wait in the PE-Bridge for a resolution keep their own source
 * MAC (the gateway's) when they are forwarded; the bridge remembers it in
 * its pending queue, not in a packet tag, so nothing of the bridge's stays
 * on the packets it hands on or drops.
 */
class PeArpBridgeQueuedSourceTestCase : public TestCase
{
  public:
    PeArpBridgeQueuedSourceTestCase()
        : TestCase("Figure 5: queued frames keep their source MAC; no tag on dropped packets")
    {
    }

  private:
    /**
     * \param packet a packet
     * \return the names of its packet tags, space separated
     */
    static std::string TagNames(Ptr<const Packet> packet)
    {
        std::string names;
        PacketTagIterator it = packet->GetPacketTagIterator();
        while (it.HasNext())
        {
            names += it.Next().GetTypeId().GetName() + " ";
        }
        return names;
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f;
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure5::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 100); // queued, delivered
        Figure5::SendUdp(f.inet, Seconds(1.5), f.shared, 5000, 2, 100); // nobody owns 5000
        Mac48Address gateway = Mac48Address::ConvertFrom(f.gatewayLink->GetAddress());
        std::vector<Mac48Address> sources;
        f.hostLink[1]->TraceConnectWithoutContext(
            "MacRx",
            Callback<void, Ptr<const Packet>>([&sources](Ptr<const Packet> p) {
                EthernetHeader eth(false);
                p->PeekHeader(eth);
                if (eth.GetLengthType() == 0x0800)
                {
                    sources.push_back(eth.GetSource());
                }
            }));
        std::vector<std::string> droppedTags;
        std::vector<PeArpL3Protocol::DropReason> reasons;
        f.EdgeProtocol()->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, PeArpL3Protocol::DropReason>(
                [&droppedTags, &reasons](Ptr<const Packet> p, PeArpL3Protocol::DropReason r) {
                    droppedTags.push_back(TagNames(p));
                    reasons.push_back(r);
                }));
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "all three queued datagrams arrive");
        PEARP_REQUIRE_EQ(sources.size(), 3U, "three IPv4 frames reach B");
        for (const Mac48Address& source : sources)
        {
            NS_TEST_EXPECT_MSG_EQ(source, gateway, "with the gateway's source MAC");
        }
        PEARP_REQUIRE_EQ(reasons.size(), 2U, "the two datagrams for 5000 are dropped");
        for (uint32_t i = 0; i < 2; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(reasons[i], PeArpL3Protocol::RESOLUTION_FAILED, "reason");
            NS_TEST_EXPECT_MSG_EQ(droppedTags[i].find("PeArp"),
                                  std::string::npos,
                                  "no PE-ARP tag on the dropped packet: " << droppedTags[i]);
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The PE-Bridge suite.
 */
class PeArpBridgeTestSuite : public TestSuite
{
  public:
    PeArpBridgeTestSuite()
        : TestSuite("pe-arp-bridge", SYSTEM)
    {
        AddTestCase(new PeArpBridgeTrafficTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpBridgeTrafficTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpBridgeQueuedMissTestCase, TestCase::QUICK);
        AddTestCase(new PeArpBridgeUplinkTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpBridgeUplinkTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpBridgeUplinkBoundTestCase, TestCase::QUICK);
        AddTestCase(new PeArpBridgeQueuedSourceTestCase, TestCase::QUICK);
    }
};

static PeArpBridgeTestSuite g_peArpBridgeTestSuite; //!< Static variable for test initialization
