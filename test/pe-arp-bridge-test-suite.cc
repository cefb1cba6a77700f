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
#include "ns3/config.h"
#include "ns3/csma-channel.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/object-vector.h"
#include "ns3/pe-arp-bridge-helper.h"
#include "ns3/pe-arp-bridge-port.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpBridgeTestSuite");

namespace
{

/**
 * \ingroup pe-arp-tests
 * A host with its own address (not shared) on the hosts' side of a Figure 5.
 */
struct PlainHost
{
    Ptr<Node> node;        //!< the host
    Ptr<NetDevice> link;   //!< its CSMA device
    Ipv4Address address;   //!< its address
    Ptr<NetDevice> bridge; //!< its bridge port's device (switched), else null
};

/**
 * Add a host with its own address, an ordinary ns-3 stack and a default
 * route through the gateway, on its own bridge port (switched, the bridge's
 * last port) or on the hosts' segment.
 * \param f the topology
 * \param switched its own bridge port
 * \param address its address
 * \return the host
 */
PlainHost
AddPlainHost(Figure5& f, bool switched, Ipv4Address address)
{
    PlainHost host;
    host.node = CreateObject<Node>();
    host.address = address;
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    stack.Install(host.node);
    CsmaHelper csma;
    if (switched)
    {
        NetDeviceContainer pair = csma.Install(NodeContainer(host.node, f.bridgeNode));
        host.link = pair.Get(0);
        host.bridge = pair.Get(1);
        f.bridge->AddBridgePort(host.bridge);
    }
    else
    {
        host.link =
            csma.Install(host.node, DynamicCast<CsmaChannel>(f.hostLink[0]->GetChannel())).Get(0);
    }
    Ptr<Ipv4> ipv4 = host.node->GetObject<Ipv4>();
    int32_t interface = ipv4->AddInterface(host.link);
    ipv4->AddAddress(interface, Ipv4InterfaceAddress(address, "255.255.255.0"));
    ipv4->SetUp(interface);
    Ipv4StaticRoutingHelper().GetStaticRouting(ipv4)->SetDefaultRoute("198.108.63.1", interface);
    return host;
}

/** Frames a device sends (its MacTx trace), all and ARP ones. */
struct WireCount
{
    uint32_t frames = 0; //!< every frame
    uint32_t arp = 0;    //!< ARP frames

    /**
     * Count the frames a device sends from now on.
     * \param device a CSMA device
     */
    void Watch(Ptr<NetDevice> device)
    {
        device->TraceConnectWithoutContext("MacTx", MakeCallback(&WireCount::Count, this));
    }

    /**
     * \param sent a frame, Ethernet header included
     */
    void Count(Ptr<const Packet> sent)
    {
        EthernetHeader ethernet(false);
        sent->PeekHeader(ethernet);
        frames++;
        arp += ethernet.GetLengthType() == 0x0806 ? 1 : 0;
    }
};

} // namespace

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
        PeArpL3Protocol::Counters bridge = f.EdgeProtocol()->GetCounters();
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
        PlainHost plain = AddPlainHost(f, m_switched, "198.108.63.20");
        Ptr<Node> d = plain.node;
        Ipv4Address dAddress = plain.address;

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
 * Every port of the PE-Bridge counts exactly the frames of the scenario:
 * what it received (what its hosts sent), what it sent and why (the
 * bridge's own frames, rewritten frames to each sharer, a request sent to
 * its target's port only). Expected values come from the scenario, and are
 * checked against the frames seen on the wire too.
 */
class PeArpBridgePortCountersTestCase : public TestCase
{
  public:
    /**
     * \param switched one bridge port per host
     */
    explicit PeArpBridgePortCountersTestCase(bool switched)
        : TestCase(std::string("Figure 5: each bridge port counts exactly its frames (") +
                   (switched ? "a port per host" : "hosts on one segment") + ")"),
          m_switched(switched)
    {
    }

  private:
    /** What one port is expected to count. */
    struct Expected
    {
        uint64_t framesReceived = 0;   //!< counter
        uint64_t arpReceived = 0;      //!< counter
        uint64_t framesSent = 0;       //!< counter
        uint64_t arpSent = 0;          //!< counter
        uint64_t rewritten = 0;        //!< counter
        uint64_t suppressedFloods = 0; //!< counter
        uint64_t proxyReplies = 0;     //!< counter
        uint64_t sharerReplies = 0;    //!< counter
        uint64_t peArpRequests = 0;    //!< counter
    };

    /**
     * Check one port's counters.
     * \param port the port
     * \param e what it should count
     */
    void Check(Ptr<PeArpBridgePort> port, const Expected& e)
    {
        const PeArpBridgePort::Counters& c = port->GetCounters();
        uint32_t n = port->GetIndex();
        NS_TEST_EXPECT_MSG_EQ(c.framesReceived, e.framesReceived, "port " << n << " frames in");
        NS_TEST_EXPECT_MSG_EQ(c.arpReceived, e.arpReceived, "port " << n << " ARP frames in");
        NS_TEST_EXPECT_MSG_EQ(c.framesSent, e.framesSent, "port " << n << " frames out");
        NS_TEST_EXPECT_MSG_EQ(c.arpSent, e.arpSent, "port " << n << " ARP frames out");
        NS_TEST_EXPECT_MSG_EQ(c.rewritten, e.rewritten, "port " << n << " rewritten frames");
        NS_TEST_EXPECT_MSG_EQ(c.suppressedFloods,
                              e.suppressedFloods,
                              "port " << n << " requests sent to it only");
        NS_TEST_EXPECT_MSG_EQ(c.proxyReplies, e.proxyReplies, "port " << n << " proxy replies");
        NS_TEST_EXPECT_MSG_EQ(c.sharerReplies, e.sharerReplies, "port " << n << " sharer replies");
        NS_TEST_EXPECT_MSG_EQ(c.peArpRequests, e.peArpRequests, "port " << n << " PE-ARP requests");
        NS_TEST_EXPECT_MSG_EQ(c.keptOff, 0, "port " << n << ": no frame of a sharer to keep off");
        NS_TEST_EXPECT_MSG_EQ(c.uplinkRequests, 0, "port " << n << ": no request on the uplink");
        NS_TEST_EXPECT_MSG_EQ(c.echoReplies, 0, "port " << n << ": no echo");
        NS_TEST_EXPECT_MSG_EQ(c.sendFailures, 0, "port " << n << ": no refused frame");
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(m_switched);
        PlainHost d = AddPlainHost(f, m_switched, "198.108.63.20");
        const uint32_t fromInet[3] = {2, 3, 1}; // datagrams from the Internet to A, B, C
        const uint32_t toInet[3] = {1, 2, 3};   // datagrams from A, B, C to the Internet
        const uint16_t hostPorts[3] = {2500, 3500, 4500};
        std::vector<Ptr<Application>> sinks;
        for (uint32_t i = 0; i < 3; i++)
        {
            sinks.push_back(InstallSink(f.hosts.Get(i), false, hostPorts[i]));
            Figure5::SendUdp(f.inet,
                             Seconds(1.0 + 0.1 * i),
                             f.shared,
                             hostPorts[i],
                             fromInet[i],
                             100);
            Figure5::SendUdp(f.hosts.Get(i),
                             Seconds(3.0 + 0.1 * i),
                             f.inetAddress,
                             9,
                             toInet[i],
                             50);
        }
        Ptr<Application> inetSink = InstallSink(f.inet, false, 9);
        Figure5::SendUdp(d.node, Seconds(4.0), f.inetAddress, 9, 1, 50); // D: one datagram

        // The wire: what the gateway and the hosts send, what the uplink sends.
        WireCount gatewaySent;
        gatewaySent.Watch(f.gatewayLink);
        WireCount uplinkSent;
        uplinkSent.Watch(f.bridge->GetBridgePort(0));
        std::vector<WireCount> hostSent(3);
        WireCount dSent;
        if (m_switched)
        {
            for (uint32_t i = 0; i < 3; i++)
            {
                hostSent[i].Watch(f.hostLink[i]);
            }
            dSent.Watch(d.link);
        }
        // The ports' traces, through the config path of the bridge's PortList.
        PEARP_REQUIRE_EQ(f.bridge->GetNBridgePorts(), m_switched ? 5U : 2U, "ports");
        std::vector<uint32_t> traceRx(f.bridge->GetNBridgePorts(), 0);
        std::vector<uint32_t> traceTx(f.bridge->GetNBridgePorts(), 0);
        for (uint32_t n = 0; n < f.bridge->GetNBridgePorts(); n++)
        {
            std::ostringstream path;
            path << "/NodeList/" << f.bridgeNode->GetId() << "/DeviceList/"
                 << f.bridge->GetIfIndex() << "/$ns3::PeArpBridgeNetDevice/PortList/" << n << "/";
            uint32_t* rx = &traceRx[n];
            uint32_t* tx = &traceTx[n];
            Config::ConnectWithoutContext(
                path.str() + "Rx",
                Callback<void, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address>(
                    [rx](Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) { (*rx)++; }));
            Config::ConnectWithoutContext(
                path.str() + "Tx",
                Callback<void,
                         Ptr<const Packet>,
                         uint16_t,
                         Mac48Address,
                         Mac48Address,
                         PeArpBridgePort::Kind>([tx](Ptr<const Packet>,
                                                     uint16_t,
                                                     Mac48Address,
                                                     Mac48Address,
                                                     PeArpBridgePort::Kind) { (*tx)++; }));
        }
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        uint32_t allFromInet = 0;
        uint32_t allToInet = 0;
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[i]), 100 * fromInet[i], "host " << i);
            allFromInet += fromInet[i];
            allToInet += toInet[i];
        }
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetSink), 50 * (allToInet + 1), "A, B, C and D");

        // The bridge resolves each host's range once (three PE-ARP
        // requests, flooded to every host-side port); the gateway asks once
        // for the shared address (answered on the uplink); each sharer asks
        // once for the gateway (answered on its port) and answers the
        // bridge once; D's request for the gateway goes to the uplink only,
        // and the gateway's reply to D's port.
        const uint64_t ranges = 3;
        Expected uplink;
        uplink.framesReceived = 1 + allFromInet + 1; // request, datagrams, reply to D
        uplink.arpReceived = 2;
        uplink.framesSent = 1 + allToInet + 1 + 1; // reply, datagrams, D's request and datagram
        uplink.arpSent = 2;
        uplink.proxyReplies = 1;
        uplink.suppressedFloods = 1;
        Check(f.bridge->GetPort(0), uplink);
        NS_TEST_EXPECT_MSG_EQ(gatewaySent.frames, uplink.framesReceived, "the gateway's frames");
        NS_TEST_EXPECT_MSG_EQ(uplinkSent.frames, uplink.framesSent, "on the wire");
        NS_TEST_EXPECT_MSG_EQ(uplinkSent.arp, uplink.arpSent, "ARP frames on the wire");

        Expected dPort;           // D's share of a host-side port
        dPort.framesReceived = 2; // its request, its datagram
        dPort.arpReceived = 1;
        dPort.framesSent = 1; // the gateway's reply
        dPort.arpSent = 1;
        if (m_switched)
        {
            for (uint32_t i = 0; i < 3; i++)
            {
                Expected host;
                host.framesReceived = 1 + 1 + toInet[i]; // its reply, its request, datagrams
                host.arpReceived = 2;
                host.framesSent = ranges + fromInet[i] + 1; // requests, datagrams, answer
                host.arpSent = ranges + 1;
                host.rewritten = fromInet[i];
                host.sharerReplies = 1;
                host.peArpRequests = ranges;
                Check(f.bridge->GetPort(1 + i), host);
                NS_TEST_EXPECT_MSG_EQ(hostSent[i].frames, host.framesReceived, "host " << i);
            }
            dPort.framesSent += ranges;
            dPort.arpSent += ranges;
            dPort.peArpRequests = ranges;
            Check(f.bridge->GetPort(4), dPort);
            NS_TEST_EXPECT_MSG_EQ(dSent.frames, dPort.framesReceived, "D's frames");
        }
        else
        {
            Expected segment = dPort;
            segment.framesReceived += 3 * 2 + allToInet;
            segment.arpReceived += 3 * 2;
            segment.framesSent += ranges + allFromInet + 3;
            segment.arpSent += ranges + 3;
            segment.rewritten = allFromInet;
            segment.sharerReplies = 3;
            segment.peArpRequests = ranges;
            Check(f.bridge->GetPort(1), segment);
        }
        for (uint32_t n = 0; n < f.bridge->GetNBridgePorts(); n++)
        {
            const PeArpBridgePort::Counters& c = f.bridge->GetPort(n)->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(traceRx[n], c.framesReceived, "port " << n << " Rx trace");
            NS_TEST_EXPECT_MSG_EQ(traceTx[n], c.framesSent, "port " << n << " Tx trace");
        }
        // The bridge's counters are the ports' sums.
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetRewrittenFrames(), allFromInet, "rewritten");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetProxiedRequests(), 1, "proxied");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetSuppressedFloods(), 1, "D's request");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkRequestsAnswered(), 3, "answered sharers");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetKeptOffUplink(), 0, "nothing kept off");
        NS_TEST_EXPECT_MSG_EQ(f.EdgeProtocol()->GetCounters().requestsSent, ranges, "requests");
        Simulator::Destroy();
    }

    bool m_switched; //!< one port per host
};

/**
 * \ingroup pe-arp-tests
 * Each port has its index, its device and its role; UplinkPort moves the
 * uplink role, and refuses an index that names no port.
 */
class PeArpBridgePortRoleTestCase : public TestCase
{
  public:
    PeArpBridgePortRoleTestCase()
        : TestCase("Figure 5: port roles; UplinkPort moves the uplink, refuses a missing port")
    {
    }

  private:
    /**
     * Check that exactly one port, the expected one, is the uplink.
     * \param f the topology
     * \param uplink the expected uplink's index
     */
    void CheckRoles(const Figure5& f, uint32_t uplink)
    {
        for (uint32_t n = 0; n < f.bridge->GetNBridgePorts(); n++)
        {
            Ptr<PeArpBridgePort> port = f.bridge->GetPort(n);
            PeArpBridgePort::Role expected =
                n == uplink ? PeArpBridgePort::UPLINK : PeArpBridgePort::HOST_SIDE;
            NS_TEST_EXPECT_MSG_EQ(port->GetRole(), expected, "port " << n);
            NS_TEST_EXPECT_MSG_EQ(port->IsUplink(), (n == uplink), "port " << n);
        }
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplink(), f.bridge->GetPort(uplink), "uplink object");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetUplinkPort(),
                              f.bridge->GetBridgePort(uplink),
                              "uplink device");
        UintegerValue index;
        f.bridge->GetAttribute("UplinkPort", index);
        NS_TEST_EXPECT_MSG_EQ(index.Get(), uplink, "UplinkPort");
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(true);
        PEARP_REQUIRE_EQ(f.bridge->GetNBridgePorts(), 4U, "the gateway's link and 3 hosts'");
        ObjectVectorValue list;
        f.bridge->GetAttribute("PortList", list);
        NS_TEST_EXPECT_MSG_EQ(list.GetN(), 4U, "PortList");
        // Each link's second device is the bridge's (Figure5 installs them so).
        std::vector<Ptr<NetDevice>> devices = {f.gatewayLink->GetChannel()->GetDevice(1)};
        for (uint32_t i = 0; i < 3; i++)
        {
            devices.push_back(f.hostLink[i]->GetChannel()->GetDevice(1));
        }
        for (uint32_t n = 0; n < 4; n++)
        {
            Ptr<PeArpBridgePort> port = f.bridge->GetPort(n);
            NS_TEST_EXPECT_MSG_EQ(port->GetIndex(), n, "index");
            NS_TEST_EXPECT_MSG_EQ(port->GetDevice(), devices[n], "port " << n << "'s device");
            NS_TEST_EXPECT_MSG_EQ(f.bridge->GetBridgePort(n), devices[n], "GetBridgePort");
            NS_TEST_EXPECT_MSG_EQ(list.Get(n), port, "PortList " << n);
        }
        CheckRoles(f, 0); // the gateway's link is added first

        f.bridge->SetAttribute("UplinkPort", UintegerValue(2));
        CheckRoles(f, 2);
        f.bridge->SetAttribute("UplinkPort", UintegerValue(0));
        CheckRoles(f, 0);

        bool accepted = f.bridge->SetAttributeFailSafe("UplinkPort", UintegerValue(4));
        NS_TEST_EXPECT_MSG_EQ(accepted, false, "there is no port 4");
        CheckRoles(f, 0);
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * The uplink role decides where ARP frames of sharers are kept off: with
 * UplinkPort moved to C's port, A's request for B reaches the gateway's
 * port and not C's, and the kept-off frame is counted on C's port.
 */
class PeArpBridgeUplinkMoveTestCase : public TestCase
{
  public:
    /**
     * \param uplink the UplinkPort index (0: the gateway's link, 3: C's)
     */
    explicit PeArpBridgeUplinkMoveTestCase(uint32_t uplink)
        : TestCase("Figure 5: frames of sharers are kept off the port UplinkPort names (" +
                   std::to_string(uplink) + ")"),
          m_uplink(uplink)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(true);
        f.bridge->SetAttribute("UplinkPort", UintegerValue(m_uplink));
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure5::SendUdp(f.hosts.Get(0), Seconds(1.0), f.shared, 3500, 1, 100); // A to B
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 100, "A reaches B");
        // A's request (flooded but for A's port and the uplink), B's reply
        // (to A's port), A's datagram (to B's port).
        uint32_t other = m_uplink == 0 ? 3 : 0; // the port of {0, 3} that is not the uplink
        const uint64_t sent[4] = {0, 1, 2, 0};
        for (uint32_t n = 0; n < 4; n++)
        {
            const PeArpBridgePort::Counters& c = f.bridge->GetPort(n)->GetCounters();
            uint64_t expected = n == other ? 1 : sent[n];
            NS_TEST_EXPECT_MSG_EQ(c.framesSent, expected, "port " << n << " frames out");
            NS_TEST_EXPECT_MSG_EQ(c.keptOff, (n == m_uplink ? 1 : 0), "port " << n << " kept off");
        }
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetKeptOffUplink(), 1, "A's request, once");
        Simulator::Destroy();
    }

    uint32_t m_uplink; //!< UplinkPort
};

/**
 * \ingroup pe-arp-tests
 * An UplinkPort that names no port stops the program with a message that
 * names it and the ports there are: at PeArpBridgeHelper::Install, when
 * the simulation starts (a bridge built by hand), and when it is set on a
 * bridge whose ports are added.
 */
class PeArpBridgeBadUplinkTestCase : public TestCase
{
  public:
    PeArpBridgeBadUplinkTestCase()
        : TestCase("PE-Bridge: an UplinkPort naming no port is a clear error")
    {
    }

  private:
    /**
     * A bridge node with some CSMA ports (each to a node of its own) and
     * PE-ARP, without a bridge.
     * \param nPorts the number of ports
     * \param node the bridge's node, set
     * \return the ports
     */
    static NetDeviceContainer BridgeNode(uint32_t nPorts, Ptr<Node>& node)
    {
        node = CreateObject<Node>();
        node->AggregateObject(CreateObject<PeArpL3Protocol>());
        NetDeviceContainer ports;
        CsmaHelper csma;
        for (uint32_t i = 0; i < nPorts; i++)
        {
            ports.Add(csma.Install(NodeContainer(CreateObject<Node>(), node)).Get(1));
        }
        return ports;
    }

    /**
     * Check a child's outcome.
     * \param outcome how it ended
     * \param message what it must have said
     * \param what the case
     */
    void Expect(const ChildOutcome& outcome, const std::string& message, const std::string& what)
    {
        NS_TEST_EXPECT_MSG_EQ(outcome.aborted,
                              true,
                              what << ": stopped; it said: " << outcome.output);
        NS_TEST_EXPECT_MSG_NE(outcome.output.find(message),
                              std::string::npos,
                              what << ": says \"" << message << "\"; it said: " << outcome.output);
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Expect(RunInChild([]() {
                   Ptr<Node> node;
                   NetDeviceContainer ports = BridgeNode(4, node);
                   PeArpBridgeHelper helper;
                   helper.SetDeviceAttribute("UplinkPort", UintegerValue(5));
                   helper.Install(node, ports, {"198.108.63.2"});
               }),
               "UplinkPort 5 is not a port index (the 4 ports are 0-3)",
               "PeArpBridgeHelper::Install");
        Expect(RunInChild([]() {
                   Ptr<Node> node;
                   NetDeviceContainer ports = BridgeNode(2, node);
                   Ptr<PeArpBridgeNetDevice> bridge = CreateObject<PeArpBridgeNetDevice>();
                   bridge->SetAttribute("UplinkPort", UintegerValue(7));
                   node->AddDevice(bridge);
                   bridge->AddSharedAddress("198.108.63.2");
                   bridge->AddBridgePort(ports.Get(0));
                   bridge->AddBridgePort(ports.Get(1));
                   Simulator::Run();
               }),
               "UplinkPort 7 is not a port index (the bridge has 2 port(s), 0-1)",
               "a bridge built by hand, at the start");
        Expect(RunInChild([]() {
                   Ptr<Node> node;
                   NetDeviceContainer ports = BridgeNode(2, node);
                   Ptr<PeArpBridgeNetDevice> bridge = CreateObject<PeArpBridgeNetDevice>();
                   node->AddDevice(bridge);
                   bridge->AddSharedAddress("198.108.63.2");
                   bridge->AddBridgePort(ports.Get(0));
                   bridge->AddBridgePort(ports.Get(1));
                   bridge->SetAttribute("UplinkPort", UintegerValue(2));
               }),
               "Attribute name=UplinkPort could not be set",
               "set on a bridge with 2 ports");
        // And a good configuration runs (the check itself can pass).
        ChildOutcome good = RunInChild([]() {
            Ptr<Node> node;
            NetDeviceContainer ports = BridgeNode(2, node);
            PeArpBridgeHelper helper;
            helper.SetDeviceAttribute("UplinkPort", UintegerValue(1));
            helper.Install(node, ports, {"198.108.63.2"});
            Simulator::Stop(Seconds(1));
            Simulator::Run();
        });
        NS_TEST_EXPECT_MSG_EQ(good.aborted, false, "UplinkPort 1 of 2 is fine: " << good.output);
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
        AddTestCase(new PeArpBridgePortCountersTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpBridgePortCountersTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpBridgePortRoleTestCase, TestCase::QUICK);
        AddTestCase(new PeArpBridgeUplinkMoveTestCase(0), TestCase::QUICK);
        AddTestCase(new PeArpBridgeUplinkMoveTestCase(3), TestCase::QUICK);
        AddTestCase(new PeArpBridgeBadUplinkTestCase, TestCase::QUICK);
    }
};

static PeArpBridgeTestSuite g_peArpBridgeTestSuite; //!< Static variable for test initialization
