/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Port-space isolation in a flow switch, OVS mode (OVS paper, section 3.3):
 * a host and two guests share 133.69.37.10 and its MAC; each guest's port
 * range reaches it and only it; ARP is flooded to every sharer; ICMP
 * reverse flows are learned from the guests' echo requests, shared by two
 * pingers of the same host unless the identifier is matched, and removed
 * 10 s after the last reply.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/csma-helper.h"
#include "ns3/enum.h"
#include "ns3/icmpv4.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-generator.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-flow-switch-helper.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-port-isolation-controller.h"
#include "ns3/pe-arp-stack-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <map>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** A frame the switch sent through a port. */
struct Frame
{
    Mac48Address source;        //!< source MAC
    Mac48Address destination;   //!< destination MAC
    uint16_t protocol;          //!< EtherType
    std::vector<uint8_t> bytes; //!< payload
};

/**
 * The CoreLab node of the OVS paper: the host (switch node, stack on the
 * switch device, 133.69.37.10) with port 0 to a remote host B
 * (133.69.37.1) and ports 1 and 2 to VM1 and VM2, which have the host's
 * address and MAC. VM1 owns 10000-10099, VM2 10100-10199.
 */
struct CoreLabNode
{
    Ptr<Node> host;                                        //!< the host (switch node)
    Ptr<PeArpFlowSwitchNetDevice> sw;                      //!< its switch
    Ptr<PeArpPortIsolationController> controller;          //!< its controller
    Ptr<Node> remote;                                      //!< B
    NodeContainer vms;                                     //!< VM1, VM2
    Ipv4Address shared{"133.69.37.10"};                    //!< the shared address
    Ipv4Address remoteAddress{"133.69.37.1"};              //!< B
    std::vector<std::map<uint16_t, uint32_t>> echoReplies; //!< per VM: replies by identifier
    std::vector<Ptr<Socket>> raw;                          //!< per VM: raw ICMP socket
    uint32_t uplinkArpReplies = 0;                         //!< ARP replies sent to B

    std::vector<Frame> uplinkFrames; //!< frames sent to B
    std::vector<Frame> vm2Frames;    //!< frames sent to VM2

    /**
     * \param match the controller's IcmpMatch
     * \param mode the controller's Mode
     * \param peArpGuests the guests run PE-ARP's stack, whose sockets take their
     * ports from the guest's range (the paper's kernel patch, section 3.3c)
     */
    explicit CoreLabNode(
        PeArpPortIsolationController::IcmpMatch match,
        PeArpPortIsolationController::Mode mode = PeArpPortIsolationController::OVS,
        bool peArpGuests = false)
        : echoReplies(2)
    {
        host = CreateObject<Node>();
        remote = CreateObject<Node>();
        vms.Create(2);
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
        std::vector<Ptr<Node>> peers = {remote, vms.Get(0), vms.Get(1)};
        NetDeviceContainer ports;
        std::vector<Ptr<NetDevice>> peerDevs;
        for (const Ptr<Node>& peer : peers)
        {
            NetDeviceContainer link = csma.Install(NodeContainer(host, peer));
            ports.Add(link.Get(0));
            peerDevs.push_back(link.Get(1));
        }
        InternetStackHelper stack;
        stack.Install(host);
        stack.Install(remote);
        if (peArpGuests)
        {
            PeArpStackHelper().Install(vms);
        }
        else
        {
            stack.Install(vms);
        }
        Ipv4AddressHelper addresses("133.69.37.0", "255.255.255.0", "0.0.0.1");
        addresses.Assign(NetDeviceContainer(peerDevs[0])); // B: 133.69.37.1
        PeArpFlowSwitchHelper helper;
        helper.SetControllerAttribute("IcmpMatch", EnumValue(match));
        helper.SetControllerAttribute("Mode", EnumValue(mode));
        PeArpPortIsolation built =
            helper.InstallPortIsolation(host, ports, shared, Ipv4Mask("255.255.255.0"));
        sw = built.device;
        controller = built.controller;
        // The guests start at 0.5 s; the controller installs their ranges then.
        helper.AddGuest(built, peerDevs[1], 1, PeArpPortRange(10000, 10099), Seconds(0.5));
        helper.AddGuest(built, peerDevs[2], 2, PeArpPortRange(10100, 10199), Seconds(0.5));
        if (peArpGuests)
        {
            vms.Get(0)->GetObject<PeArpPortAgent>()->SetRange(shared, PeArpPortRange(10000, 10099));
            vms.Get(1)->GetObject<PeArpPortAgent>()->SetRange(shared, PeArpPortRange(10100, 10199));
        }
        for (uint32_t v = 0; v < 2; ++v)
        {
            Ptr<Socket> s =
                Socket::CreateSocket(vms.Get(v), TypeId::LookupByName("ns3::Ipv4RawSocketFactory"));
            s->SetAttribute("Protocol", UintegerValue(1));
            s->SetRecvCallback(MakeCallback(&CoreLabNode::ReceiveIcmp, this));
            raw.push_back(s);
        }
        sw->GetPort(2)->TraceConnectWithoutContext("Tx", MakeCallback(&CoreLabNode::Vm2Tx, this));
        sw->GetPort(0)->TraceConnectWithoutContext("Tx",
                                                   MakeCallback(&CoreLabNode::UplinkTx, this));
    }

    /**
     * Count ARP replies to B.
     * \param p payload
     * \param protocol EtherType
     */
    void UplinkTx(Ptr<const Packet> p, uint16_t protocol, Mac48Address from, Mac48Address to)
    {
        std::vector<uint8_t> b = BytesOf(p);
        uplinkFrames.push_back({from, to, protocol, b});
        uplinkArpReplies += (protocol == 0x0806 && b.size() >= 8 && b[7] == 2) ? 1 : 0;
    }

    /**
     * Record a frame sent to VM2.
     * \param p payload
     * \param protocol EtherType
     * \param from source MAC
     * \param to destination MAC
     */
    void Vm2Tx(Ptr<const Packet> p, uint16_t protocol, Mac48Address from, Mac48Address to)
    {
        vm2Frames.push_back({from, to, protocol, BytesOf(p)});
    }

    /**
     * A VM's raw socket received an ICMP message.
     * \param socket the socket
     */
    void ReceiveIcmp(Ptr<Socket> socket)
    {
        uint32_t vm = socket == raw[0] ? 0 : 1;
        while (Ptr<Packet> p = socket->Recv())
        {
            Ipv4Header ip;
            p->RemoveHeader(ip);
            Icmpv4Header icmp;
            p->RemoveHeader(icmp);
            if (icmp.GetType() == Icmpv4Header::ICMPV4_ECHO_REPLY)
            {
                Icmpv4Echo echo;
                p->RemoveHeader(echo);
                echoReplies[vm][echo.GetIdentifier()]++;
            }
        }
    }

    /**
     * A VM pings B at a time, from its raw socket.
     * \param vm 0 or 1
     * \param at when
     * \param id the echo identifier
     */
    void Ping(uint32_t vm, Time at, uint16_t id)
    {
        Simulator::Schedule(at, [this, vm, id]() {
            Icmpv4Echo echo;
            echo.SetIdentifier(id);
            echo.SetSequenceNumber(1);
            echo.SetData(Create<Packet>(16));
            Ptr<Packet> p = Create<Packet>();
            p->AddHeader(echo);
            Icmpv4Header h;
            h.SetType(Icmpv4Header::ICMPV4_ECHO);
            h.SetCode(0);
            p->AddHeader(h);
            raw[vm]->SendTo(p, 0, InetSocketAddress(remoteAddress, 0));
        });
    }

    /**
     * \param node a node
     * \param port a UDP port
     * \return a sink there, started at once
     */
    Ptr<PacketSink> Sink(Ptr<Node> node, uint16_t port)
    {
        PacketSinkHelper helper("ns3::UdpSocketFactory",
                                InetSocketAddress(Ipv4Address::GetAny(), port));
        ApplicationContainer app = helper.Install(node);
        app.Start(Seconds(0));
        return DynamicCast<PacketSink>(app.Get(0));
    }

    /**
     * B sends UDP datagrams to the shared address.
     * \param at when the first leaves
     * \param port destination port
     * \param count how many (1 ms apart)
     */
    void SendUdp(Time at, uint16_t port, uint32_t count)
    {
        Ptr<Socket> s = Socket::CreateSocket(remote, TypeId::LookupByName("ns3::UdpSocketFactory"));
        Ipv4Address to = shared;
        for (uint32_t i = 0; i < count; ++i)
        {
            Simulator::Schedule(at + MilliSeconds(i), [s, to, port]() {
                s->SendTo(Create<Packet>(100), 0, InetSocketAddress(to, port));
            });
        }
    }
};

} // namespace

/**
 * \ingroup pe-arp-tests
 * Each guest's range reaches it, and only it, with exact counts; ARP from
 * the uplink is flooded and every sharer answers.
 */
class PeArpPortIsolationRangesTestCase : public TestCase
{
  public:
    PeArpPortIsolationRangesTestCase()
        : TestCase("port isolation: each port range reaches its guest, exact counts")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
        Ptr<PacketSink> vm1ssh = n.Sink(n.vms.Get(0), 10022);
        Ptr<PacketSink> vm2ssh = n.Sink(n.vms.Get(1), 10122);
        Ptr<PacketSink> vm2last = n.Sink(n.vms.Get(1), 10199);
        Ptr<PacketSink> vm2wrong = n.Sink(n.vms.Get(1), 10022);
        Ptr<PacketSink> vm1wrong = n.Sink(n.vms.Get(0), 10122);
        Ptr<PacketSink> hostWrong = n.Sink(n.host, 10022);
        Ptr<PacketSink> hostOwn = n.Sink(n.host, 80);
        n.SendUdp(Seconds(1), 10022, 3);   // the paper's ssh to VM1
        n.SendUdp(Seconds(1.1), 10122, 2); // and to VM2
        n.SendUdp(Seconds(1.2), 10199, 1);
        n.SendUdp(Seconds(1.3), 80, 4); // no guest: the host
        Simulator::Stop(Seconds(2));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(n.controller->GetCounters().guests, 2, "two guests started");
        // 10000-10099: 2710/fff0 2720/ffe0 2740/ffe0 2760/fff0 2770/fffc (hand-computed),
        // 10100-10199: 2774/fffc 2778/fff8 2780/ffc0 27c0/fff0 27d0/fff8; TCP and UDP each.
        NS_TEST_EXPECT_MSG_EQ(
            PeArpFlowMatch::CountRangeEntries(10000, 10099, PeArpFlowMatch::VALUE_MASK),
            5,
            "VM1's range: 5 pairs");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpFlowMatch::CountRangeEntries(10100, 10199, PeArpFlowMatch::VALUE_MASK),
            5,
            "VM2's range: 5 pairs");
        NS_TEST_EXPECT_MSG_EQ(n.controller->GetCounters().rangeEntries,
                              20,
                              "installed: 2 guests x 5 pairs x TCP and UDP");
        NS_TEST_EXPECT_MSG_EQ(vm1ssh->GetTotalRx(), 300, ":10022 reaches VM1 (3 datagrams)");
        NS_TEST_EXPECT_MSG_EQ(vm2ssh->GetTotalRx(), 200, ":10122 reaches VM2 (2)");
        NS_TEST_EXPECT_MSG_EQ(vm2last->GetTotalRx(), 100, ":10199, VM2's last port (1)");
        NS_TEST_EXPECT_MSG_EQ(vm2wrong->GetTotalRx(), 0, "VM2 gets none of VM1's");
        NS_TEST_EXPECT_MSG_EQ(vm1wrong->GetTotalRx(), 0, "VM1 gets none of VM2's");
        NS_TEST_EXPECT_MSG_EQ(hostWrong->GetTotalRx(), 0, "nor does the host");
        NS_TEST_EXPECT_MSG_EQ(hostOwn->GetTotalRx(), 400, "other ports reach the host (4)");
        NS_TEST_EXPECT_MSG_EQ(n.uplinkArpReplies,
                              3,
                              "B's request is flooded: host, VM1 and VM2 each answer");
        NS_TEST_EXPECT_MSG_EQ(n.sw->GetCounters().missDrops, 0, "no miss");
    }
};

/**
 * \ingroup pe-arp-tests
 * Two guests ping the same host. SOURCE_ONLY (the paper): one reverse flow
 * VM1|VM2, so each gets the other's replies. SOURCE_AND_ID (the fix): each
 * gets only its own. The learned flows leave 10 s after the last reply.
 */
class PeArpPortIsolationIcmpTestCase : public TestCase
{
  public:
    /**
     * \param match the controller's IcmpMatch
     */
    explicit PeArpPortIsolationIcmpTestCase(PeArpPortIsolationController::IcmpMatch match)
        : TestCase(match == PeArpPortIsolationController::SOURCE_ONLY
                       ? "port isolation: two pingers of one host both get every reply"
                       : "port isolation: matching the ICMP id separates the two pingers"),
          m_match(match)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        CoreLabNode n(m_match);
        n.Ping(0, Seconds(2), 1);
        n.Ping(1, Seconds(2.5), 2);
        n.Ping(0, Seconds(3), 1);
        n.Ping(1, Seconds(3.5), 2);
        size_t flowsAt12 = 0;
        size_t flowsAt13 = 0;
        size_t flowsAt14 = 0;
        Simulator::Schedule(Seconds(12.9),
                            [&]() { flowsAt12 = n.controller->GetReverseFlows().size(); });
        Simulator::Schedule(Seconds(13.4),
                            [&]() { flowsAt13 = n.controller->GetReverseFlows().size(); });
        Simulator::Schedule(Seconds(13.7),
                            [&]() { flowsAt14 = n.controller->GetReverseFlows().size(); });
        Simulator::Stop(Seconds(15));
        Simulator::Run();

        bool paper = m_match == PeArpPortIsolationController::SOURCE_ONLY;
        // SOURCE_ONLY: VM1's first reply goes to VM1 alone (VM2 has not pinged yet); every
        // later reply goes to both.
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[0][1], 2, "VM1 gets its own 2 replies");
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[1][2], 2, "VM2 gets its own 2 replies");
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[0][2], (paper ? 2 : 0), "VM1 gets VM2's replies");
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[1][1], (paper ? 1 : 0), "VM2 gets VM1's second reply");
        const PeArpPortIsolationController::Counters& c = n.controller->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.packetIns, 4, "each echo request went to the controller");
        NS_TEST_EXPECT_MSG_EQ(c.reverseFlowsAdded,
                              2,
                              (paper ? "VM1, then widened to VM1|VM2" : "one flow per id"));
        NS_TEST_EXPECT_MSG_EQ(flowsAt12,
                              (paper ? 1 : 2),
                              "9.9 s after VM1's last reply: every flow still there");
        // VM1's last reply came at 3 s, VM2's at 3.5 s: with ids, VM1's flow leaves first.
        NS_TEST_EXPECT_MSG_EQ(flowsAt13, 1, "9.9 s after VM2's last reply, 10.4 s after VM1's");
        NS_TEST_EXPECT_MSG_EQ(flowsAt14, 0, "gone 10 s after the last reply (+ sweep)");
        NS_TEST_EXPECT_MSG_EQ(c.reverseFlowsExpired, (paper ? 1 : 2), "by idle timeout");
    }

    PeArpPortIsolationController::IcmpMatch m_match; //!< the controller's IcmpMatch
};

/**
 * \ingroup pe-arp-tests
 * The ebtables workaround (section 3.2): guests keep their MACs and get
 * their frames by destination-MAC translation; the uplink sees only the
 * host's MAC (frame and ARP body); only the host answers ARP; ARP replies
 * and ICMP reach every guest (privacy leaks counted); a port nobody owns
 * is refused by the host (RST).
 */
class PeArpPortIsolationEbtablesTestCase : public TestCase
{
  public:
    PeArpPortIsolationEbtablesTestCase()
        : TestCase("port isolation, ebtables mode: MAC translation, host MAC only, leaks")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY,
                      PeArpPortIsolationController::EBTABLES);
        Mac48Address hostMac = Mac48Address::ConvertFrom(n.sw->GetAddress());
        Ptr<PacketSink> vm1ssh = n.Sink(n.vms.Get(0), 10022);
        Ptr<PacketSink> vm2ssh = n.Sink(n.vms.Get(1), 10122);
        Ptr<PacketSink> vm1last = n.Sink(n.vms.Get(0), 10099);
        Ptr<PacketSink> vm2first = n.Sink(n.vms.Get(1), 10100);
        Ptr<PacketSink> vm2missed = n.Sink(n.vms.Get(1), 10099);
        n.SendUdp(Seconds(1), 10022, 3);
        n.SendUdp(Seconds(1.1), 10122, 2);
        n.SendUdp(Seconds(1.2), 10099, 1);
        n.SendUdp(Seconds(1.3), 10100, 4);
        n.Ping(0, Seconds(2), 1);
        n.Ping(0, Seconds(3), 1);
        // VM1 sends B a datagram from its own port (generic guest egress).
        Ptr<PacketSink> atB = n.Sink(n.remote, 9);
        Ptr<Socket> udp =
            Socket::CreateSocket(n.vms.Get(0), TypeId::LookupByName("ns3::UdpSocketFactory"));
        Ipv4Address b = n.remoteAddress;
        Simulator::Schedule(Seconds(3.5), [udp, b]() {
            udp->Bind(InetSocketAddress(Ipv4Address::GetAny(), 10050));
            udp->SendTo(Create<Packet>(10), 0, InetSocketAddress(b, 9));
        });
        Ptr<Socket> tcp =
            Socket::CreateSocket(n.remote, TypeId::LookupByName("ns3::TcpSocketFactory"));
        Ipv4Address shared = n.shared;
        Simulator::Schedule(Seconds(4), [tcp, shared]() {
            tcp->Bind();
            tcp->Connect(InetSocketAddress(shared, 20000));
        });
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(vm1ssh->GetTotalRx(), 300, ":10022 reaches VM1 at its own MAC");
        NS_TEST_EXPECT_MSG_EQ(vm2ssh->GetTotalRx(), 200, ":10122 reaches VM2 at its own MAC");
        NS_TEST_EXPECT_MSG_EQ(vm1last->GetTotalRx(), 100, ":10099, VM1's last port (1)");
        NS_TEST_EXPECT_MSG_EQ(vm2first->GetTotalRx(), 400, ":10100, VM2's first port (4)");
        NS_TEST_EXPECT_MSG_EQ(vm2missed->GetTotalRx(), 0, "VM2 gets none of VM1's last port");
        NS_TEST_EXPECT_MSG_EQ(n.controller->GetCounters().rangeEntries,
                              4,
                              "one RANGE entry per guest and protocol");
        uint32_t foreign = 0;
        uint32_t arpRequests = 0;
        for (const Frame& f : n.uplinkFrames)
        {
            foreign += f.source == hostMac ? 0 : 1;
            if (f.protocol == 0x0806 && f.bytes.size() >= 14)
            {
                Mac48Address sha;
                sha.CopyFrom(&f.bytes[8]);
                foreign += sha == hostMac ? 0 : 1;
                arpRequests += f.bytes[7] == 1 ? 1 : 0;
            }
        }
        NS_TEST_EXPECT_MSG_GT(n.uplinkFrames.size(), 5, "frames went to B");
        NS_TEST_EXPECT_MSG_EQ(arpRequests, 2, "VM1's and the host's (for its RST) requests for B");
        NS_TEST_EXPECT_MSG_EQ(atB->GetTotalRx(), 10, "VM1's datagram reached B");
        NS_TEST_EXPECT_MSG_EQ(foreign, 0, "B sees only the host's MAC, in frames and ARP bodies");
        NS_TEST_EXPECT_MSG_EQ(n.uplinkArpReplies, 1, "only the host answers B's ARP request");
        uint32_t broadcastReplies = 0;
        for (const Frame& f : n.vm2Frames)
        {
            broadcastReplies += (f.protocol == 0x0806 && f.bytes.size() >= 8 && f.bytes[7] == 2 &&
                                 f.destination.IsBroadcast())
                                    ? 1
                                    : 0;
        }
        NS_TEST_EXPECT_MSG_EQ(broadcastReplies,
                              2,
                              "B's replies to VM1 and to the host reach VM2, broadcast");
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[0][1], 2, "VM1 gets its 2 echo replies");
        NS_TEST_EXPECT_MSG_EQ(n.echoReplies[1][1], 2, "and so does VM2: privacy is hurt");
        const PeArpPortIsolationController::Counters& c = n.controller->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.icmpForced, 2, "two echo replies forced to all");
        NS_TEST_EXPECT_MSG_EQ(c.icmpPrivacyLeaks, 2, "N - 1 = 1 leak per echo reply");
        // ns-3 3.37's TCP ignores a RST|ACK in SYN_SENT, so B's socket keeps trying: count the
        // host's RSTs on the uplink instead (one per SYN, and SYNs are retransmitted).
        uint32_t rsts = 0;
        for (const Frame& f : n.uplinkFrames)
        {
            uint32_t ihl = f.bytes.empty() ? 0 : (f.bytes[0] & 0x0f) * 4U;
            rsts += (f.protocol == 0x0800 && f.bytes.size() >= ihl + 14 && f.bytes[9] == 6 &&
                     (f.bytes[ihl + 13] & 0x04))
                        ? 1
                        : 0;
        }
        NS_TEST_EXPECT_MSG_GT_OR_EQ(rsts, 1, "a port nobody owns is refused by the host (RST)");
    }
};

/**
 * \ingroup pe-arp-tests
 * Source ports (section 3.3c): guests running PE-ARP's stack take their
 * ephemeral ports from their own range, so the replies to connections they
 * open come back to them; a stock stack's ephemeral port (49152-65535)
 * belongs to no guest, and the replies go to the host.
 */
class PeArpPortIsolationSourcePortTestCase : public TestCase
{
  public:
    /**
     * \param peArpGuests the guests run PE-ARP's stack
     */
    explicit PeArpPortIsolationSourcePortTestCase(bool peArpGuests)
        : TestCase(peArpGuests
                       ? "port isolation: guests' ephemeral ports stay in range, replies return"
                       : "port isolation: a stock guest's ephemeral port loses its replies"),
          m_peArpGuests(peArpGuests)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY,
                      PeArpPortIsolationController::OVS,
                      m_peArpGuests);
        UdpEchoServerHelper server(7);
        server.Install(n.remote).Start(Seconds(0));
        std::vector<uint32_t> replies(2, 0);
        for (uint32_t v = 0; v < 2; ++v)
        {
            UdpEchoClientHelper client(n.remoteAddress, 7);
            client.SetAttribute("MaxPackets", UintegerValue(3));
            client.SetAttribute("Interval", TimeValue(Seconds(0.5)));
            ApplicationContainer app = client.Install(n.vms.Get(v));
            app.Start(Seconds(1 + v * 0.1));
            app.Get(0)->TraceConnectWithoutContext(
                "Rx",
                MakeBoundCallback(
                    +[](uint32_t* r, Ptr<const Packet>) { ++*r; },
                    &replies[v]));
        }
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        uint32_t expected = m_peArpGuests ? 3 : 0;
        NS_TEST_EXPECT_MSG_EQ(replies[0], expected, "VM1's echo replies");
        NS_TEST_EXPECT_MSG_EQ(replies[1], expected, "VM2's echo replies");
    }

    bool m_peArpGuests; //!< the guests run PE-ARP's stack
};

/**
 * \ingroup pe-arp-tests
 * Entry counts: 2000-2999 is 8 value/mask pairs (2000/fff0 2016/ffe0
 * 2048/fe00 2560/ff00 2816/ff80 2944/ffe0 2976/fff0 2992/fff8, by hand),
 * so OVS mode installs 16 entries for TCP and UDP; EBTABLES mode installs
 * one RANGE entry per protocol, 2, each matching exactly 2000-2999.
 */
class PeArpPortIsolationEntryCountTestCase : public TestCase
{
  public:
    PeArpPortIsolationEntryCountTestCase()
        : TestCase("port isolation: a range is 8 value-mask entries per protocol (OVS), 1 RANGE "
                   "entry (ebtables)")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Mac48Address guestMac("02:00:00:00:00:21");
        {
            CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
            uint32_t before = n.sw->GetFlowTable()->GetNEntries();
            NS_TEST_EXPECT_MSG_EQ(n.controller->AddGuest(1, PeArpPortRange(2000, 2999), guestMac),
                                  16,
                                  "OVS: 8 pairs x TCP and UDP");
            NS_TEST_EXPECT_MSG_EQ(n.sw->GetFlowTable()->GetNEntries(),
                                  before + 18,
                                  "16 + echo + egress");
            uint32_t ranged = 0;
            for (const Ptr<const PeArpFlowEntry>& e : n.sw->GetFlowTable()->GetEntries())
            {
                ranged += e->match.HasL4DstRange() ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(ranged, 0, "OVS: no RANGE entry");
        }
        Simulator::Destroy();
        Ipv4AddressGenerator::Reset(); // the second node has the same addresses
        CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY,
                      PeArpPortIsolationController::EBTABLES);
        n.controller->SetAttribute("RangeEncoding", EnumValue(PeArpFlowMatch::EXACT_PER_PORT));
        NS_TEST_EXPECT_MSG_EQ(n.controller->AddGuest(1, PeArpPortRange(2000, 2999), guestMac),
                              2,
                              "EBTABLES: one RANGE entry per protocol, whatever RangeEncoding");
        std::vector<uint32_t> protos;
        for (const Ptr<const PeArpFlowEntry>& e : n.sw->GetFlowTable()->GetEntries())
        {
            if (e->match.HasL4DstRange())
            {
                NS_TEST_EXPECT_MSG_EQ(e->match.GetL4DstLow(), 2000, "from 2000");
                NS_TEST_EXPECT_MSG_EQ(e->match.GetL4DstHigh(), 2999, "to 2999");
                NS_TEST_EXPECT_MSG_EQ(e->actions.front().type,
                                      PeArpFlowAction::SET_DST_MAC,
                                      "to the guest's MAC");
                protos.push_back(e->match.GetValue().ipProto);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(protos.size(), 2, "two RANGE entries");
        NS_TEST_EXPECT_MSG_EQ(protos[0] + protos[1], 6 + 17, "TCP and UDP");
        NS_TEST_EXPECT_MSG_EQ(n.controller->GetCounters().rangeEntries, 2, "counted");
    }
};

/**
 * \ingroup pe-arp-tests
 * Bad guest ports and ranges are refused, naming them; EXACT_PER_PORT
 * costs one entry per port.
 */
class PeArpPortIsolationInvalidTestCase : public TestCase
{
  public:
    PeArpPortIsolationInvalidTestCase()
        : TestCase("port isolation: bad guests are named; one entry per port when exact")
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
                   CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
                   n.controller->AddGuest(0, PeArpPortRange(1, 2));
               }),
               "port 0 is the uplink");
        Expect(RunInChild([]() {
                   CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
                   n.controller->AddGuest(7, PeArpPortRange(1, 2));
               }),
               "port 7 is not a port (the switch has 3 port(s))");
        Expect(RunInChild([]() {
                   CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
                   n.controller->AddGuest(1, PeArpPortRange(5, 4));
               }),
               "range 5-4 is invalid");
        Expect(RunInChild([]() {
                   CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
                   n.controller->AddGuest(1, PeArpPortRange(1, 2));
                   n.controller->AddGuest(1, PeArpPortRange(3, 4));
               }),
               "port 1 already has a guest");
        Expect(RunInChild([]() {
                   CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY,
                                 PeArpPortIsolationController::EBTABLES);
                   n.controller->AddGuest(1, PeArpPortRange(1, 2));
               }),
               "mac of the guest on port 1 is needed in EBTABLES mode");
        Expect(RunInChild([]() {
                   Ptr<Node> host = CreateObject<Node>();
                   Ptr<Node> peer = CreateObject<Node>();
                   NetDeviceContainer link = CsmaHelper().Install(NodeContainer(host, peer));
                   PeArpFlowSwitchHelper().InstallPortIsolation(host,
                                                                NetDeviceContainer(link.Get(0)),
                                                                "133.69.37.10",
                                                                "255.255.255.0");
               }),
               "the host (node 0) has no IPv4 stack");
        CoreLabNode n(PeArpPortIsolationController::SOURCE_ONLY);
        n.controller->SetAttribute("RangeEncoding", EnumValue(PeArpFlowMatch::EXACT_PER_PORT));
        NS_TEST_EXPECT_MSG_EQ(n.controller->AddGuest(1, PeArpPortRange(2000, 2999)),
                              2000,
                              "TCP+UDP 2000-2999, one per port: 2000 entries");
        uint32_t before = n.sw->GetFlowTable()->GetNEntries();
        NS_TEST_EXPECT_MSG_EQ(n.controller->RemoveGuest(1), 2002, "its 2000 + echo + egress");
        NS_TEST_EXPECT_MSG_EQ(n.sw->GetFlowTable()->GetNEntries(), before - 2002, "gone");
        NS_TEST_EXPECT_MSG_EQ(n.controller->RemoveGuest(1), 0, "no such guest any more");
    }
};

/**
 * \ingroup pe-arp-tests
 * The port isolation suite.
 */
class PeArpPortIsolationTestSuite : public TestSuite
{
  public:
    PeArpPortIsolationTestSuite()
        : TestSuite("pe-arp-port-isolation", SYSTEM)
    {
        AddTestCase(new PeArpPortIsolationRangesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationIcmpTestCase(PeArpPortIsolationController::SOURCE_ONLY),
                    TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationIcmpTestCase(PeArpPortIsolationController::SOURCE_AND_ID),
                    TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationEbtablesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationSourcePortTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationSourcePortTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationEntryCountTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortIsolationInvalidTestCase, TestCase::QUICK);
    }
};

static PeArpPortIsolationTestSuite
    g_peArpPortIsolationTestSuite; //!< Static variable for test initialization
