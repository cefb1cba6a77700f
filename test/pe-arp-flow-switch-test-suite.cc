/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * The flow switch (PeArpFlowSwitchNetDevice) on CSMA links: every action
 * with exact frame counts, the host stack on the switch device (LOCAL)
 * pinging out, the lookup-delay models, and bad input.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/csma-helper.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"
#include "ns3/pe-arp-flow-switch-net-device.h"
#include "ns3/pe-arp-processing-cost.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/udp-header.h"
#include "ns3/uinteger.h"

#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** A frame seen by a node next to the switch. */
struct Frame
{
    Time at;                    //!< when
    Mac48Address source;        //!< source MAC
    Mac48Address destination;   //!< destination MAC
    uint16_t protocol;          //!< EtherType
    std::vector<uint8_t> bytes; //!< payload
};

/**
 * A switch node S with three CSMA ports, each a link to one node: port 0
 * to U (the uplink), 1 to G1 and 2 to G2 (guests). Each neighbour records
 * every frame its device receives.
 */
struct SwitchTopology
{
    Ptr<Node> s;                          //!< the switch's node
    Ptr<PeArpFlowSwitchNetDevice> sw;     //!< the switch
    NodeContainer peers;                  //!< U, G1, G2
    std::vector<Ptr<NetDevice>> peerDevs; //!< their devices
    std::vector<std::vector<Frame>> seen; //!< frames each received

    /**
     * \param withStack U and the switch get IPv4: 10.0.0.9 and 10.0.0.1
     */
    explicit SwitchTopology(bool withStack)
        : seen(3)
    {
        s = CreateObject<Node>();
        peers.Create(3);
        sw = CreateObject<PeArpFlowSwitchNetDevice>();
        s->AddDevice(sw);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
        csma.SetChannelAttribute("Delay", TimeValue(Time(0)));
        for (uint32_t i = 0; i < 3; ++i)
        {
            NetDeviceContainer link = csma.Install(NodeContainer(s, peers.Get(i)));
            sw->AddSwitchPort(link.Get(0));
            peerDevs.push_back(link.Get(1));
            peers.Get(i)->RegisterProtocolHandler(
                [this, i](Ptr<NetDevice>,
                          Ptr<const Packet> p,
                          uint16_t protocol,
                          const Address& from,
                          const Address& to,
                          NetDevice::PacketType) {
                    seen[i].push_back({Simulator::Now(),
                                       Mac48Address::ConvertFrom(from),
                                       Mac48Address::ConvertFrom(to),
                                       protocol,
                                       BytesOf(p)});
                },
                0,
                link.Get(1),
                true);
        }
        if (withStack)
        {
            InternetStackHelper stack;
            stack.Install(s);
            stack.Install(peers.Get(0));
            Ptr<Ipv4> ipv4 = s->GetObject<Ipv4>();
            uint32_t i = ipv4->AddInterface(sw);
            ipv4->AddAddress(i, Ipv4InterfaceAddress("10.0.0.1", "255.255.255.0"));
            ipv4->SetUp(i);
            Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0", "0.0.0.9");
            addresses.Assign(NetDeviceContainer(peerDevs[0]));
        }
    }

    /**
     * \param i 0 (U), 1 (G1) or 2 (G2)
     * \return its MAC
     */
    Mac48Address Mac(uint32_t i) const
    {
        return Mac48Address::ConvertFrom(peerDevs[i]->GetAddress());
    }

    /** \return the switch's (LOCAL) MAC */
    Mac48Address SwitchMac() const
    {
        return Mac48Address::ConvertFrom(sw->GetAddress());
    }

    /**
     * \param priority priority
     * \param match match
     * \param actions actions
     * \return the entry
     */
    Ptr<PeArpFlowEntry> Install(uint16_t priority,
                                const PeArpFlowMatch& match,
                                std::vector<PeArpFlowAction> actions)
    {
        PeArpFlowEntry e;
        e.priority = priority;
        e.match = match;
        e.actions = std::move(actions);
        return sw->GetFlowTable()->Add(e).entry;
    }

    /**
     * Send a UDP datagram from a neighbour at a time.
     * \param from 0 (U), 1 (G1) or 2 (G2)
     * \param at when
     * \param port destination port
     * \param to destination MAC
     */
    void SendUdp(uint32_t from, Time at, uint16_t port, Mac48Address to)
    {
        Ptr<Packet> p = Create<Packet>(20);
        UdpHeader udp;
        udp.SetSourcePort(5555);
        udp.SetDestinationPort(port);
        p->AddHeader(udp);
        Ipv4Header ip;
        ip.SetSource(from == 0 ? Ipv4Address("192.35.162.10") : Ipv4Address("198.108.63.2"));
        ip.SetDestination(from == 0 ? Ipv4Address("198.108.63.2") : Ipv4Address("192.35.162.10"));
        ip.SetProtocol(17);
        ip.SetPayloadSize(p->GetSize());
        ip.SetTtl(64);
        p->AddHeader(ip);
        Ptr<NetDevice> dev = peerDevs[from];
        Simulator::Schedule(at, [dev, p, to]() { dev->Send(p, to, 0x0800); });
    }

    /**
     * Send an ARP frame from a neighbour at a time.
     * \param from 0, 1 or 2
     * \param at when
     * \param op 1 request, 2 reply
     * \param to destination MAC
     */
    void SendArp(uint32_t from, Time at, uint16_t op, Mac48Address to)
    {
        std::vector<uint8_t> b = {0, 1, 8, 0, 6, 4, 0, static_cast<uint8_t>(op)};
        uint8_t mac[6];
        Mac(from).CopyTo(mac);
        b.insert(b.end(), mac, mac + 6);
        b.insert(b.end(), {198, 108, 63, 2, 0, 0, 0, 0, 0, 0, 198, 108, 63, 1});
        Ptr<NetDevice> dev = peerDevs[from];
        Simulator::Schedule(at, [dev, b, to]() { dev->Send(PacketFromBytes(b), to, 0x0806); });
    }
};

/**
 * \return a match on UDP from port 0 (the uplink)
 */
PeArpFlowMatch
UdpFromUplink()
{
    return PeArpFlowMatch().SetInPort(0).SetEthType(0x0800).SetIpProto(17);
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Each action (OUTPUT, several OUTPUTs, FLOOD, DROP, SET_DST_MAC,
 * SET_SRC_MAC, SET_ARP_SHA, CONTROLLER, a bad port, a miss) delivers
 * exactly the frames it should, and is counted.
 */
class PeArpFlowSwitchActionsTestCase : public TestCase
{
  public:
    PeArpFlowSwitchActionsTestCase()
        : TestCase("flow switch: every action, with exact frame counts")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        SwitchTopology t(false);
        Mac48Address swMac = t.SwitchMac();
        Ptr<PeArpFlowEntry> range;
        for (const PeArpFlowMatch& m :
             UdpFromUplink().ForPortRange(2000, 2999, PeArpFlowMatch::VALUE_MASK))
        {
            Ptr<PeArpFlowEntry> e = t.Install(100, m, {PeArpFlowAction::Output(1)});
            PeArpFlowKey k;
            k.ethType = 0x0800;
            k.ipProto = 17;
            k.l4Dst = 2500;
            range = m.Matches(k) ? e : range;
        }
        t.Install(100,
                  PeArpFlowMatch(UdpFromUplink()).SetL4Dst(PeArpPortMask::Exact(3000)),
                  {PeArpFlowAction::SetDstMac(t.Mac(2)), PeArpFlowAction::Output(2)});
        t.Install(100,
                  PeArpFlowMatch(UdpFromUplink()).SetL4Dst(PeArpPortMask::Exact(7)),
                  {PeArpFlowAction::Drop()});
        t.Install(100,
                  PeArpFlowMatch(UdpFromUplink()).SetL4Dst(PeArpPortMask::Exact(9)),
                  {PeArpFlowAction::Output(1), PeArpFlowAction::Output(2)});
        t.Install(100,
                  PeArpFlowMatch(UdpFromUplink()).SetL4Dst(PeArpPortMask::Exact(99)),
                  {PeArpFlowAction::Output(9)});
        t.Install(100,
                  PeArpFlowMatch(UdpFromUplink()).SetL4Dst(PeArpPortMask::Exact(4000)),
                  {PeArpFlowAction::Controller()});
        t.Install(50, PeArpFlowMatch().SetEthType(0x0806), {PeArpFlowAction::Flood()});
        t.Install(100,
                  PeArpFlowMatch().SetInPort(1),
                  {PeArpFlowAction::SetSrcMac(swMac), PeArpFlowAction::Output(0)});
        t.Install(100,
                  PeArpFlowMatch().SetInPort(2).SetEthType(0x0806),
                  {PeArpFlowAction::SetSrcMac(swMac),
                   PeArpFlowAction::SetArpSha(swMac),
                   PeArpFlowAction::Output(0)});
        std::vector<uint32_t> packetIns;
        t.sw->SetPacketInCallback([&packetIns](Ptr<PeArpFlowSwitchNetDevice>,
                                               Ptr<const Packet>,
                                               uint16_t,
                                               Mac48Address,
                                               Mac48Address,
                                               uint32_t inPort) { packetIns.push_back(inPort); });

        t.SendUdp(0, Seconds(1), 2500, swMac);                     // OUTPUT(1)
        t.SendUdp(0, Seconds(2), 3000, swMac);                     // SET_DST_MAC, OUTPUT(2)
        t.SendUdp(0, Seconds(3), 7, swMac);                        // DROP
        t.SendUdp(0, Seconds(4), 9, swMac);                        // OUTPUT(1), OUTPUT(2)
        t.SendUdp(0, Seconds(5), 99, swMac);                       // OUTPUT(9): no such port
        t.SendArp(0, Seconds(6), 1, Mac48Address::GetBroadcast()); // FLOOD
        t.SendUdp(1, Seconds(7), 80, t.Mac(0));                    // SET_SRC_MAC, OUTPUT(0)
        t.SendArp(2, Seconds(8), 2, t.Mac(0));                     // + SET_ARP_SHA
        t.SendUdp(0, Seconds(9), 4000, swMac);                     // CONTROLLER
        t.SendUdp(0, Seconds(10), 5000, swMac);                    // miss
        Simulator::Stop(Seconds(11));
        Simulator::Run();

        const std::vector<Frame>& u = t.seen[0];
        const std::vector<Frame>& g1 = t.seen[1];
        const std::vector<Frame>& g2 = t.seen[2];
        PEARP_REQUIRE_EQ(g1.size(), 3, "G1: port 2500, port 9, the flooded ARP");
        PEARP_REQUIRE_EQ(g2.size(), 3, "G2: port 3000, port 9, the flooded ARP");
        PEARP_REQUIRE_EQ(u.size(), 2, "U: G1's datagram and G2's ARP reply, nothing flooded back");
        NS_TEST_EXPECT_MSG_EQ(g1[0].source, t.Mac(0), "OUTPUT keeps the source");
        NS_TEST_EXPECT_MSG_EQ(g1[0].destination, swMac, "and the destination");
        NS_TEST_EXPECT_MSG_EQ(g2[0].destination, t.Mac(2), "SET_DST_MAC");
        NS_TEST_EXPECT_MSG_EQ(ToHex(g1[1].bytes), ToHex(g2[1].bytes), "port 9: a copy to each");
        NS_TEST_EXPECT_MSG_EQ(g1[1].at, g2[1].at, "at the same time");
        NS_TEST_EXPECT_MSG_EQ(g1[2].protocol, 0x0806, "flooded ARP at G1");
        NS_TEST_EXPECT_MSG_EQ(g2[2].protocol, 0x0806, "flooded ARP at G2");
        NS_TEST_EXPECT_MSG_EQ(u[0].source, swMac, "SET_SRC_MAC: U sees the host's MAC");
        NS_TEST_EXPECT_MSG_EQ(u[1].source, swMac, "on the ARP reply too");
        PEARP_REQUIRE_EQ((u[1].bytes.size() >= 14), true, "an ARP body");
        uint8_t sha[6];
        swMac.CopyTo(sha);
        NS_TEST_EXPECT_MSG_EQ(
            ToHex(std::vector<uint8_t>(u[1].bytes.begin() + 8, u[1].bytes.begin() + 14)),
            ToHex(std::vector<uint8_t>(sha, sha + 6)),
            "SET_ARP_SHA: the sender hardware address is the host's");
        PEARP_REQUIRE_EQ(packetIns.size(), 1, "one packet-in");
        NS_TEST_EXPECT_MSG_EQ(packetIns[0], 0, "from port 0");

        const PeArpFlowSwitchNetDevice::Counters& c = t.sw->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.frames, 10, "ten frames looked up");
        NS_TEST_EXPECT_MSG_EQ(c.copiesSent, 8, "1 + 1 + 2 + 2 (flood) + 1 + 1 copies");
        NS_TEST_EXPECT_MSG_EQ(c.macRewrites, 3, "rewritten: 3000, G1's datagram, G2's ARP");
        NS_TEST_EXPECT_MSG_EQ(c.actionDrops, 1, "DROP");
        NS_TEST_EXPECT_MSG_EQ(c.badPortDrops, 1, "OUTPUT(9)");
        NS_TEST_EXPECT_MSG_EQ(c.missDrops, 1, "port 5000 missed");
        NS_TEST_EXPECT_MSG_EQ(c.packetIns, 1, "packet-in");
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetFlowTable()->GetCounters().misses, 1, "the table's miss");
        PEARP_REQUIRE_NE(range, nullptr, "the entry holding 2500");
        NS_TEST_EXPECT_MSG_EQ(range->GetPackets(), 1, "its packet counter");
        NS_TEST_EXPECT_MSG_EQ(range->GetBytes(), 48, "its bytes: IPv4 20 + UDP 8 + 20");
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetPort(0)->GetCounters().framesReceived, 8, "port 0 in");
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetPort(0)->GetCounters().framesSent, 2, "port 0 out");
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetPort(1)->GetCounters().framesSent, 3, "port 1 out");
    }
};

/**
 * \ingroup pe-arp-tests
 * The host's IPv4 sits on the switch device (LOCAL port, like br0) and
 * sends UDP echoes out through it; U's replies reach it by the LOCAL action.
 */
class PeArpFlowSwitchLocalTestCase : public TestCase
{
  public:
    PeArpFlowSwitchLocalTestCase()
        : TestCase("flow switch: the host stack on the switch device (LOCAL) talks to the uplink")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        SwitchTopology t(true);
        t.Install(10,
                  PeArpFlowMatch().SetEthType(0x0806),
                  {PeArpFlowAction::Flood(), PeArpFlowAction::Local()});
        t.Install(20, PeArpFlowMatch().SetInPort(0).SetEthType(0x0800), {PeArpFlowAction::Local()});
        t.Install(
            20,
            PeArpFlowMatch().SetInPort(PeArpFlowSwitchNetDevice::LOCAL_PORT).SetEthType(0x0800),
            {PeArpFlowAction::Output(0)});
        UdpEchoServerHelper server(7);
        server.Install(t.peers.Get(0)).Start(Seconds(0.5));
        UdpEchoClientHelper client(Ipv4Address("10.0.0.9"), 7);
        client.SetAttribute("MaxPackets", UintegerValue(3));
        client.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer apps = client.Install(t.s);
        apps.Start(Seconds(1));
        uint32_t replies = 0;
        apps.Get(0)->TraceConnectWithoutContext("Rx",
                                                MakeBoundCallback(
                                                    +[](uint32_t* n, Ptr<const Packet>) { ++*n; },
                                                    &replies));
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(replies, 3, "three UDP echo replies");
        // ns-3's ARP does not learn from a request, so U asks for 10.0.0.1 too.
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetCounters().localDelivered,
                              5,
                              "3 echo replies, U's ARP reply and U's ARP request");
        NS_TEST_EXPECT_MSG_EQ(t.sw->GetCounters().missDrops, 0, "no miss");
        NS_TEST_EXPECT_MSG_EQ(t.seen[1].size(),
                              4,
                              "G1 heard the four ARP frames (flooded), no datagram");
    }
};

/**
 * \ingroup pe-arp-tests
 * The lookup delay: NONE 0, CONSTANT 30 ns, LOG2 30 ns * ceil(log2 n).
 */
class PeArpFlowSwitchDelayTestCase : public TestCase
{
  public:
    PeArpFlowSwitchDelayTestCase()
        : TestCase("flow switch: lookup delays of 0, 30 ns and 30 ns * ceil(log2 n)")
    {
    }

  private:
    /**
     * \param model the delay model
     * \param entries entries in the table
     * \return the time from the frame's arrival at the switch to its output
     */
    Time Measure(PeArpFlowSwitchNetDevice::LookupDelayModel model, uint32_t entries)
    {
        SimulatorDestroyGuard guard;
        SwitchTopology t(false);
        t.sw->SetAttribute("LookupDelay", EnumValue(model));
        t.Install(10, PeArpFlowMatch().SetInPort(0), {PeArpFlowAction::Output(1)});
        for (uint32_t i = 1; i < entries; ++i)
        {
            t.Install(10,
                      PeArpFlowMatch().SetL4Dst(PeArpPortMask::Exact(static_cast<uint16_t>(i))),
                      {});
        }
        Time rx;
        Time tx;
        t.sw->GetPort(0)->TraceConnectWithoutContext(
            "Rx",
            MakeBoundCallback(
                +[](Time* at, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) {
                    *at = Simulator::Now();
                },
                &rx));
        t.sw->GetPort(1)->TraceConnectWithoutContext(
            "Tx",
            MakeBoundCallback(
                +[](Time* at, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) {
                    *at = Simulator::Now();
                },
                &tx));
        t.SendUdp(0, Seconds(1), 80, t.SwitchMac());
        Simulator::Run();
        return tx - rx;
    }

    void DoRun() override
    {
        using D = PeArpFlowSwitchNetDevice;
        NS_TEST_EXPECT_MSG_EQ(Measure(D::NONE, 17), Time(0), "NONE");
        NS_TEST_EXPECT_MSG_EQ(Measure(D::CONSTANT, 17), NanoSeconds(30), "CONSTANT");
        NS_TEST_EXPECT_MSG_EQ(Measure(D::LOG2, 1), Time(0), "LOG2, n = 1");
        NS_TEST_EXPECT_MSG_EQ(Measure(D::LOG2, 2), NanoSeconds(30), "LOG2, n = 2");
        NS_TEST_EXPECT_MSG_EQ(Measure(D::LOG2, 16), NanoSeconds(120), "LOG2, n = 16");
        NS_TEST_EXPECT_MSG_EQ(Measure(D::LOG2, 17), NanoSeconds(150), "LOG2, n = 17");
        // A miss to the controller: lookup delay, then ControllerDelay.
        {
            SimulatorDestroyGuard inner;
            SwitchTopology t(false);
            t.sw->SetAttribute("MissAction", EnumValue(D::MISS_CONTROLLER));
            t.sw->SetAttribute("ControllerDelay", TimeValue(MilliSeconds(1)));
            Time rx;
            Time in;
            t.sw->GetPort(0)->TraceConnectWithoutContext(
                "Rx",
                MakeBoundCallback(
                    +[](Time* at, Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address) {
                        *at = Simulator::Now();
                    },
                    &rx));
            t.sw->SetPacketInCallback([&in](Ptr<PeArpFlowSwitchNetDevice>,
                                            Ptr<const Packet>,
                                            uint16_t,
                                            Mac48Address,
                                            Mac48Address,
                                            uint32_t) { in = Simulator::Now(); });
            t.SendUdp(0, Seconds(1), 80, t.SwitchMac());
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(in - rx,
                                  NanoSeconds(30) + MilliSeconds(1),
                                  "packet-in after the lookup and the controller delay");
        }
        Ptr<D> sw = CreateObject<D>();
        sw->SetAttribute("LookupDelay", EnumValue(D::LOG2));
        NS_TEST_EXPECT_MSG_EQ(sw->GetLookupDelay(0), Time(0), "LOG2, n = 0");
        NS_TEST_EXPECT_MSG_EQ(sw->GetLookupDelay(2000), NanoSeconds(330), "LOG2, n = 2000");
    }
};

/**
 * \ingroup pe-arp-tests
 * The ProcessingCost: PerPacket 1 ms, QueueLimit 1. Three frames sent
 * back to back at 1 s and a fourth at 1.0015 s, all hitting one entry, and
 * a miss at 1.0001 s. The first leaves 30 ns (the lookup) after it came
 * in; the second exactly 1 ms after the first; the third finds one frame
 * waiting and is dropped (QUEUE_FULL); the fourth, arriving while the
 * second is served and nothing waits, leaves 2 ms after the first. The
 * miss is not charged.
 */
class PeArpFlowSwitchCostTestCase : public TestCase
{
  public:
    PeArpFlowSwitchCostTestCase()
        : TestCase("flow switch: a 1 ms per-frame cost spaces frames 1 ms apart and drops "
                   "beyond QueueLimit")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        SwitchTopology t(false);
        Ptr<PeArpProcessingCost> cost = CreateObject<PeArpProcessingCost>();
        cost->SetAttribute("PerPacket", TimeValue(MilliSeconds(1)));
        cost->SetAttribute("QueueLimit", UintegerValue(1));
        t.sw->SetAttribute("ProcessingCost", PointerValue(cost));
        t.Install(10,
                  UdpFromUplink().SetL4Dst(PeArpPortMask::Exact(80)),
                  {PeArpFlowAction::Output(1)});
        std::vector<Time> rx;
        std::vector<Time> tx;
        t.sw->GetPort(0)->TraceConnectWithoutContext(
            "Rx",
            MakeBoundCallback(
                +[](std::vector<Time>* at,
                    Ptr<const Packet>,
                    uint16_t,
                    Mac48Address,
                    Mac48Address) { at->push_back(Simulator::Now()); },
                &rx));
        t.sw->GetPort(1)->TraceConnectWithoutContext(
            "Tx",
            MakeBoundCallback(
                +[](std::vector<Time>* at,
                    Ptr<const Packet>,
                    uint16_t,
                    Mac48Address,
                    Mac48Address) { at->push_back(Simulator::Now()); },
                &tx));
        for (uint32_t i = 0; i < 3; ++i)
        {
            t.SendUdp(0, Seconds(1), 80, t.SwitchMac());
        }
        t.SendUdp(0, Seconds(1) + MicroSeconds(100), 5000, t.SwitchMac());
        t.SendUdp(0, Seconds(1) + MicroSeconds(1500), 80, t.SwitchMac());
        Simulator::Run();
        NS_TEST_ASSERT_MSG_EQ(rx.size(), 5, "five frames came in");
        NS_TEST_ASSERT_MSG_EQ(tx.size(), 3, "three left: the third was dropped");
        NS_TEST_EXPECT_MSG_EQ(tx[0] - rx[0], NanoSeconds(30), "the first: the lookup only");
        NS_TEST_EXPECT_MSG_EQ(tx[1] - tx[0], MilliSeconds(1), "the second: 1 ms after the first");
        NS_TEST_EXPECT_MSG_EQ(tx[2] - tx[0], MilliSeconds(2), "the fourth: 2 ms after the first");
        NS_TEST_EXPECT_MSG_LT(rx[1],
                              tx[0] + MilliSeconds(1),
                              "the second came in while the first was being served");
        const PeArpFlowSwitchNetDevice::Counters& c = t.sw->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.frames, 5, "five looked up");
        NS_TEST_EXPECT_MSG_EQ(c.queueFullDrops, 1, "the third: QUEUE_FULL");
        NS_TEST_EXPECT_MSG_EQ(c.missDrops, 1, "the miss");
        NS_TEST_EXPECT_MSG_EQ(c.copiesSent, 3, "three copies");
        NS_TEST_EXPECT_MSG_EQ(cost->GetCounters().admitted, 3, "three admitted: not the miss");
        NS_TEST_EXPECT_MSG_EQ(cost->GetCounters().queueFull, 1, "one refused");
        NS_TEST_EXPECT_MSG_EQ(cost->GetCounters().busy, MilliSeconds(3), "3 ms of service");
    }
};

/**
 * \ingroup pe-arp-tests
 * Bad input stops with a message naming it.
 */
class PeArpFlowSwitchInvalidTestCase : public TestCase
{
  public:
    PeArpFlowSwitchInvalidTestCase()
        : TestCase("flow switch: a port on another node or an unknown port index is named")
    {
    }

  private:
    /**
     * \param outcome how the child ended
     * \param message what it must have said
     */
    void Expect(const ChildOutcome& outcome, const std::string& message)
    {
        NS_TEST_EXPECT_MSG_EQ(outcome.aborted, true, "stopped; it said: " << outcome.output);
        NS_TEST_EXPECT_MSG_NE(outcome.output.find(message),
                              std::string::npos,
                              "says \"" << message << "\"; it said: " << outcome.output);
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Expect(RunInChild([]() {
                   SwitchTopology t(false);
                   t.sw->AddSwitchPort(t.peerDevs[0]);
               }),
               "the device is not on the switch's node");
        Expect(RunInChild([]() {
                   SwitchTopology t(false);
                   t.sw->GetPort(5);
               }),
               "index 5 is not a port (the switch has 3 port(s))");
        Expect(RunInChild([]() {
                   Ptr<PeArpFlowSwitchNetDevice> sw = CreateObject<PeArpFlowSwitchNetDevice>();
                   sw->AddSwitchPort(nullptr);
               }),
               "add the switch to a node first");
    }
};

/**
 * \ingroup pe-arp-tests
 * The flow switch suite.
 */
class PeArpFlowSwitchTestSuite : public TestSuite
{
  public:
    PeArpFlowSwitchTestSuite()
        : TestSuite("pe-arp-flow-switch", SYSTEM)
    {
        AddTestCase(new PeArpFlowSwitchActionsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowSwitchLocalTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowSwitchDelayTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowSwitchCostTestCase, TestCase::QUICK);
        AddTestCase(new PeArpFlowSwitchInvalidTestCase, TestCase::QUICK);
    }
};

static PeArpFlowSwitchTestSuite
    g_peArpFlowSwitchTestSuite; //!< Static variable for test initialization
