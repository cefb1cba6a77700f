/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief System test of the NAPT router (PeArpNatRouting through
 * PeArpNatRoutingHelper): a private CSMA LAN 10.0.0.0/24 behind the NAT, a
 * point-to-point link to an Internet host that has no route to the LAN,
 * node checksums on (so every L4 checksum the NAT updates is verified by
 * the receiver). UDP echo and TCP BulkSend go out through the NAT, a static
 * DNAT rule maps public :10022 to private :22, a hairpinned echo goes from
 * one private host to another through the public address, and unsolicited
 * inbound packets are dropped and counted.
 */

#include "ns3/applications-module.h"
#include "ns3/boolean.h"
#include "ns3/csma-module.h"
#include "ns3/global-value.h"
#include "ns3/internet-module.h"
#include "ns3/log.h"
#include "ns3/pe-arp-nat-routing-helper.h"
#include "ns3/pe-arp-processing-cost.h"
#include "ns3/point-to-point-module.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/v4ping-helper.h"

#include <set>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpNatTestSuite");

/**
 * \ingroup pe-arp-tests
 * \brief Traffic through the NAT, every byte delivered, exact counters.
 */
class PeArpNatSystemTestCase : public TestCase
{
  public:
    PeArpNatSystemTestCase()
        : TestCase("NAT router: UDP echo, TCP bulk, static DNAT, hairpin, ICMP errors, unsolicited "
                   "dropped")
    {
    }

  private:
    void DoSetup() override
    {
        BooleanValue previous;
        GlobalValue::GetValueByName("ChecksumEnabled", previous);
        m_checksumsWere = previous.Get();
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(true));
    }

    void DoTeardown() override
    {
        GlobalValue::Bind("ChecksumEnabled", BooleanValue(m_checksumsWere));
    }

    void DoRun() override
    {
        NodeContainer inside;
        inside.Create(2); // h1, h2
        Ptr<Node> nat = CreateObject<Node>();
        Ptr<Node> remote = CreateObject<Node>();

        CsmaHelper csma;
        NodeContainer lan(inside);
        lan.Add(nat);
        NetDeviceContainer lanDevices = csma.Install(lan);
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer wanDevices = p2p.Install(nat, remote);

        InternetStackHelper stack;
        stack.Install(inside);
        stack.Install(remote);
        InternetStackHelper natStack;
        natStack.SetRoutingHelper(PeArpNatRoutingHelper());
        natStack.Install(nat);

        Ipv4AddressHelper addresses;
        addresses.SetBase("10.0.0.0", "255.255.255.0");
        Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
        addresses.SetBase("198.51.100.0", "255.255.255.252");
        Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
        const Ipv4Address h1 = lanIfs.GetAddress(0);
        const Ipv4Address pub = wanIfs.GetAddress(0);
        const Ipv4Address far = wanIfs.GetAddress(1);

        Ipv4StaticRoutingHelper staticRouting;
        for (uint32_t i = 0; i < inside.GetN(); ++i)
        {
            staticRouting.GetStaticRouting(inside.Get(i)->GetObject<Ipv4>())
                ->SetDefaultRoute(lanIfs.GetAddress(2), 1);
        }
        // the remote host knows only its /30: replies reach the LAN only translated

        Ptr<Ipv4> natIpv4 = nat->GetObject<Ipv4>();
        Ptr<PeArpNatRouting> natRouting = PeArpNatRoutingHelper::GetNat(natIpv4);
        NS_TEST_ASSERT_MSG_NE(natRouting, nullptr, "the NAT is the top-level protocol");
        NS_TEST_ASSERT_MSG_NE(PeArpNatRoutingHelper::GetInner(natIpv4),
                              nullptr,
                              "with an inner protocol");
        natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(2)));
        natRouting->GetTable()->SetAttribute("PublicAddress", Ipv4AddressValue(pub));
        natRouting->AddStaticRule(6, 10022, 10022, h1, 22); // OVS paper section 2.2
        natRouting->AddStaticRule(17, 10009, 10009, h1, 9); // for the hairpin

        // 1. UDP echo h1 -> remote:9, 3 packets
        UdpEchoServerHelper echoServer(9);
        echoServer.Install(remote).Start(Seconds(0));
        UdpEchoClientHelper echo(far, 9);
        echo.SetAttribute("MaxPackets", UintegerValue(3));
        echo.SetAttribute("Interval", TimeValue(Seconds(1)));
        echo.SetAttribute("PacketSize", UintegerValue(100));
        ApplicationContainer echoApp = echo.Install(inside.Get(0));
        echoApp.Start(Seconds(1));
        uint32_t echoReplies = 0;
        echoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](uint32_t* n, Ptr<const Packet>) { (*n)++; }).Bind(&echoReplies));

        // 2. TCP bulk h2 -> remote:5000, 100000 bytes
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), 5000));
        ApplicationContainer sinkApp = sink.Install(remote);
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(far, 5000));
        bulk.SetAttribute("MaxBytes", UintegerValue(100000));
        bulk.Install(inside.Get(1)).Start(Seconds(1));

        // 3. static DNAT: remote -> public:10022 reaches h1:22, 50000 bytes
        PacketSinkHelper sshSink("ns3::TcpSocketFactory",
                                 InetSocketAddress(Ipv4Address::GetAny(), 22));
        ApplicationContainer sshApp = sshSink.Install(inside.Get(0));
        BulkSendHelper inbound("ns3::TcpSocketFactory", InetSocketAddress(pub, 10022));
        inbound.SetAttribute("MaxBytes", UintegerValue(50000));
        inbound.Install(remote).Start(Seconds(2));

        // 4. hairpin: h2 -> public:10009 -> h1:9, seen from public:ext (REQ-9a)
        UdpEchoServerHelper h1Echo(9);
        ApplicationContainer h1EchoApp = h1Echo.Install(inside.Get(0));
        std::vector<Address> hairpinSources;
        h1EchoApp.Get(0)->TraceConnectWithoutContext("RxWithAddresses",
                                                     MakeCallback(+[](std::vector<Address>* v,
                                                                      Ptr<const Packet>,
                                                                      const Address& from,
                                                                      const Address&) {
                                                         v->push_back(from);
                                                     }).Bind(&hairpinSources));
        UdpEchoClientHelper hairpin(pub, 10009);
        hairpin.SetAttribute("MaxPackets", UintegerValue(2));
        hairpin.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer hairpinApp = hairpin.Install(inside.Get(1));
        hairpinApp.Start(Seconds(3));
        uint32_t hairpinReplies = 0;
        hairpinApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](uint32_t* n, Ptr<const Packet>) { (*n)++; }).Bind(&hairpinReplies));

        // 5. unsolicited: remote -> public:20000 (a pool port, no mapping), 2 packets
        UdpEchoClientHelper stranger(pub, 20000);
        stranger.SetAttribute("MaxPackets", UintegerValue(2));
        stranger.SetAttribute("Interval", TimeValue(Seconds(1)));
        stranger.Install(remote).Start(Seconds(5));

        // 6. an ICMP port unreachable from the remote host (nothing listens on
        // :9999) comes back to h1 translated by its quoted header
        UdpEchoClientHelper closed(far, 9999);
        closed.SetAttribute("MaxPackets", UintegerValue(1));
        closed.Install(inside.Get(0)).Start(Seconds(8));
        uint32_t unreachableAtH1 = 0;
        inside.Get(0)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver",
            MakeCallback(+[](uint32_t* n, const Ipv4Header& h, Ptr<const Packet> p, uint32_t) {
                uint8_t type = 0;
                p->CopyData(&type, 1);
                *n += h.GetProtocol() == 1 && type == 3 ? 1 : 0;
            }).Bind(&unreachableAtH1));

        // 7. the other way: public:10010 -> h1:10, where nothing listens; h1's
        // port unreachable goes out quoting public:10010 (RFC 5508 REQ-5)
        natRouting->AddStaticRule(17, 10010, 10010, h1, 10);
        UdpEchoClientHelper toClosed(pub, 10010);
        toClosed.SetAttribute("MaxPackets", UintegerValue(1));
        toClosed.Install(remote).Start(Seconds(9));
        std::vector<std::vector<uint8_t>> errorsAtRemote;
        remote->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver",
            MakeCallback(+[](std::vector<std::vector<uint8_t>>* v,
                             const Ipv4Header& h,
                             Ptr<const Packet> p,
                             uint32_t) {
                if (h.GetProtocol() == 1)
                {
                    std::vector<uint8_t> b(p->GetSize());
                    p->CopyData(b.data(), b.size());
                    v->push_back(b);
                }
            }).Bind(&errorsAtRemote));

        Simulator::Stop(Seconds(30));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(errorsAtRemote.size(), 1U, "one ICMP message at the remote host");
        if (errorsAtRemote.size() == 1 && errorsAtRemote[0].size() >= 36)
        {
            const std::vector<uint8_t>& b = errorsAtRemote[0];
            NS_TEST_EXPECT_MSG_EQ(static_cast<uint32_t>(b[0]), 3U, "destination unreachable");
            uint32_t quotedDst = (b[24] << 24) | (b[25] << 16) | (b[26] << 8) | b[27];
            NS_TEST_EXPECT_MSG_EQ(Ipv4Address(quotedDst), pub, "quoted destination is public");
            NS_TEST_EXPECT_MSG_EQ(((b[30] << 8) | b[31]), 10010, "quoted port is public");
        }

        NS_TEST_EXPECT_MSG_EQ(echoReplies, 3U, "every UDP echo came back through the NAT");
        NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx(),
                              100000U,
                              "every TCP byte out");
        NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(sshApp.Get(0))->GetTotalRx(),
                              50000U,
                              "every TCP byte in through public:10022 -> h1:22");
        NS_TEST_EXPECT_MSG_EQ(hairpinReplies, 2U, "hairpinned echoes came back");
        NS_TEST_EXPECT_MSG_EQ(hairpinSources.size(), 2U, "h1 saw two");
        for (const auto& from : hairpinSources)
        {
            NS_TEST_EXPECT_MSG_EQ(InetSocketAddress::ConvertFrom(from).GetIpv4(),
                                  pub,
                                  "h1 sees h2 as the public address (REQ-9a)");
        }
        Ptr<PeArpNatTable> table = natRouting->GetTable();
        NS_TEST_EXPECT_MSG_EQ(table->GetDrops(PeArpNatTable::NO_MAPPING), 2U, "unsolicited");
        NS_TEST_EXPECT_MSG_EQ(table->GetDrops(PeArpNatTable::FILTERED), 0U, "nothing filtered");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappingsCreated,
                              4U,
                              "h1 echo, h2 TCP, h2 hairpin echo, h1 to :9999");
        NS_TEST_EXPECT_MSG_EQ(natRouting->GetCounters().hairpinned, 4U, "2 requests + 2 replies");
        NS_TEST_EXPECT_MSG_EQ(natRouting->GetCounters().icmpErrors, 2U, "one error each way");
        NS_TEST_EXPECT_MSG_EQ(unreachableAtH1, 1U, "and delivered to h1");
        NS_TEST_EXPECT_MSG_GT(natRouting->GetCounters().staticHits, 0U, "static rules used");
        Simulator::Destroy();
    }

    bool m_checksumsWere{false}; //!< ChecksumEnabled before the test
};

/**
 * \ingroup pe-arp-tests
 * \brief The NAT's ProcessingCost: three back-to-back echo requests meet
 * a server of 1 ms with room for one waiting packet: the first is
 * forwarded at once, the second after the first, the third is dropped and
 * counted as QUEUE_FULL; the two replies come back.
 */
class PeArpNatCostTestCase : public TestCase
{
  public:
    PeArpNatCostTestCase()
        : TestCase("NAT router: ProcessingCost delays and drops, QUEUE_FULL counted")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> host = CreateObject<Node>();
        Ptr<Node> nat = CreateObject<Node>();
        Ptr<Node> remote = CreateObject<Node>();
        CsmaHelper csma;
        csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
        NetDeviceContainer lanDevices = csma.Install(NodeContainer(host, nat));
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
        p2p.SetChannelAttribute("Delay", StringValue("2ms"));
        NetDeviceContainer wanDevices = p2p.Install(nat, remote);
        InternetStackHelper stack;
        stack.Install(host);
        stack.Install(remote);
        InternetStackHelper natStack;
        natStack.SetRoutingHelper(PeArpNatRoutingHelper());
        natStack.Install(nat);
        Ipv4AddressHelper addresses;
        addresses.SetBase("10.0.0.0", "255.255.255.0");
        Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
        addresses.SetBase("198.51.100.0", "255.255.255.252");
        Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
        Ipv4StaticRoutingHelper staticRouting;
        staticRouting.GetStaticRouting(host->GetObject<Ipv4>())
            ->SetDefaultRoute(lanIfs.GetAddress(1), 1);

        Ptr<Ipv4> natIpv4 = nat->GetObject<Ipv4>();
        Ptr<PeArpNatRouting> natRouting = PeArpNatRoutingHelper::GetNat(natIpv4);
        NS_TEST_ASSERT_MSG_NE(natRouting, nullptr, "the NAT");
        natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(1)));
        natRouting->GetTable()->SetAttribute("PublicAddress",
                                             Ipv4AddressValue(wanIfs.GetAddress(0)));
        Ptr<PeArpProcessingCost> cost = CreateObject<PeArpProcessingCost>();
        cost->SetAttribute("PerPacket", TimeValue(MilliSeconds(1)));
        cost->SetAttribute("QueueLimit", UintegerValue(1));
        natRouting->SetAttribute("ProcessingCost", PointerValue(cost));

        UdpEchoServerHelper echoServer(9);
        ApplicationContainer serverApp = echoServer.Install(remote);
        std::vector<Time> requests;
        serverApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](std::vector<Time>* v, Ptr<const Packet>) {
                v->push_back(Simulator::Now());
            }).Bind(&requests));
        UdpEchoClientHelper echo(wanIfs.GetAddress(1), 9);
        echo.SetAttribute("MaxPackets", UintegerValue(3));
        echo.SetAttribute("Interval", TimeValue(Seconds(0)));
        echo.SetAttribute("PacketSize", UintegerValue(100));
        ApplicationContainer echoApp = echo.Install(host);
        echoApp.Start(Seconds(1));
        std::vector<Time> replies;
        echoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](std::vector<Time>* v, Ptr<const Packet>) {
                v->push_back(Simulator::Now());
            }).Bind(&replies));
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(replies.size(), 2U, "two replies");
        NS_TEST_EXPECT_MSG_EQ(requests.size(), 2U, "two requests passed the NAT");
        if (requests.size() == 2)
        {
            // the requests reach the NAT back to back (queued behind the
            // host's ARP); the second leaves when the first's 1 ms ends
            NS_TEST_EXPECT_MSG_EQ(requests[1] - requests[0],
                                  MilliSeconds(1),
                                  "the second waited for the first");
        }
        NS_TEST_EXPECT_MSG_EQ(cost->GetCounters().queueFull, 1U, "the third dropped");
        NS_TEST_EXPECT_MSG_EQ(cost->GetCounters().admitted, 4U, "2 requests + 2 replies");
        NS_TEST_EXPECT_MSG_EQ(natRouting->GetTable()->GetDrops(PeArpNatTable::QUEUE_FULL),
                              1U,
                              "counted by the NAT");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Regression guard for design note section 1.3: installed as a
 * child of Ipv4ListRouting, the NAT translates outbound packets but never
 * sees the replies, because the list delivers packets for the node's own
 * (public) address before it asks its children. The echo gets no reply.
 */
class PeArpNatListChildTestCase : public TestCase
{
  public:
    PeArpNatListChildTestCase()
        : TestCase("NAT as a child of Ipv4ListRouting misses every reply (why it is top-level)")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> host = CreateObject<Node>();
        Ptr<Node> nat = CreateObject<Node>();
        Ptr<Node> remote = CreateObject<Node>();
        CsmaHelper csma;
        NetDeviceContainer lanDevices = csma.Install(NodeContainer(host, nat));
        PointToPointHelper p2p;
        NetDeviceContainer wanDevices = p2p.Install(nat, remote);
        InternetStackHelper stack;
        stack.Install(host);
        stack.Install(remote);
        Ipv4ListRoutingHelper list;
        list.Add(PeArpNatRoutingHelper(), 10);
        InternetStackHelper natStack;
        natStack.SetRoutingHelper(list);
        natStack.Install(nat);
        Ipv4AddressHelper addresses;
        addresses.SetBase("10.0.0.0", "255.255.255.0");
        Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
        addresses.SetBase("198.51.100.0", "255.255.255.252");
        Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
        Ipv4StaticRoutingHelper staticRouting;
        staticRouting.GetStaticRouting(host->GetObject<Ipv4>())
            ->SetDefaultRoute(lanIfs.GetAddress(1), 1);

        Ptr<Ipv4> natIpv4 = nat->GetObject<Ipv4>();
        NS_TEST_EXPECT_MSG_EQ(PeArpNatRoutingHelper::GetNat(natIpv4),
                              nullptr,
                              "not top-level: GetNat finds nothing");
        Ptr<Ipv4ListRouting> top = DynamicCast<Ipv4ListRouting>(natIpv4->GetRoutingProtocol());
        NS_TEST_ASSERT_MSG_NE(top, nullptr, "a list");
        int16_t priority = 0;
        Ptr<PeArpNatRouting> natRouting =
            DynamicCast<PeArpNatRouting>(top->GetRoutingProtocol(0, priority));
        NS_TEST_ASSERT_MSG_NE(natRouting, nullptr, "the NAT is the list's child");
        natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(1)));
        natRouting->GetTable()->SetAttribute("PublicAddress",
                                             Ipv4AddressValue(wanIfs.GetAddress(0)));

        UdpEchoServerHelper echoServer(9);
        ApplicationContainer serverApp = echoServer.Install(remote);
        uint32_t requests = 0;
        serverApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](uint32_t* n, Ptr<const Packet>) { (*n)++; }).Bind(&requests));
        UdpEchoClientHelper echo(wanIfs.GetAddress(1), 9);
        echo.SetAttribute("MaxPackets", UintegerValue(2));
        echo.SetAttribute("Interval", TimeValue(Seconds(1)));
        ApplicationContainer echoApp = echo.Install(host);
        echoApp.Start(Seconds(1));
        uint32_t replies = 0;
        echoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            MakeCallback(+[](uint32_t* n, Ptr<const Packet>) { (*n)++; }).Bind(&replies));
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(requests, 2U, "outbound is translated (the list asks the child)");
        NS_TEST_EXPECT_MSG_EQ(natRouting->GetCounters().outbound, 2U, "by the NAT");
        NS_TEST_EXPECT_MSG_EQ(natRouting->GetCounters().inbound, 0U, "the NAT sees no reply");
        NS_TEST_EXPECT_MSG_EQ(replies, 0U, "so the host gets none");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief One private host behind the NAT and an Internet host, as in the
 * other cases: CSMA LAN 10.0.0.0/24, point-to-point 198.51.100.0/30.
 */
struct PeArpSmallNat
{
    Ptr<Node> host;                  //!< the private host 10.0.0.1
    Ptr<Node> nat;                   //!< the NAT router
    Ptr<Node> remote;                //!< the Internet host
    Ipv4Address hostAddress;         //!< 10.0.0.1
    Ipv4Address pub;                 //!< the public address 198.51.100.1
    Ipv4Address far;                 //!< the Internet host 198.51.100.2
    Ptr<PeArpNatRouting> natRouting; //!< the NAT
};

/**
 * Build the topology of PeArpSmallNat.
 * \return it
 */
static PeArpSmallNat
BuildSmallNat()
{
    PeArpSmallNat t;
    t.host = CreateObject<Node>();
    t.nat = CreateObject<Node>();
    t.remote = CreateObject<Node>();
    CsmaHelper csma;
    NetDeviceContainer lanDevices = csma.Install(NodeContainer(t.host, t.nat));
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer wanDevices = p2p.Install(t.nat, t.remote);
    InternetStackHelper stack;
    stack.Install(t.host);
    stack.Install(t.remote);
    InternetStackHelper natStack;
    natStack.SetRoutingHelper(PeArpNatRoutingHelper());
    natStack.Install(t.nat);
    Ipv4AddressHelper addresses;
    addresses.SetBase("10.0.0.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
    addresses.SetBase("198.51.100.0", "255.255.255.252");
    Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
    Ipv4StaticRoutingHelper staticRouting;
    staticRouting.GetStaticRouting(t.host->GetObject<Ipv4>())
        ->SetDefaultRoute(lanIfs.GetAddress(1), 1);
    t.hostAddress = lanIfs.GetAddress(0);
    t.pub = wanIfs.GetAddress(0);
    t.far = wanIfs.GetAddress(1);
    Ptr<Ipv4> natIpv4 = t.nat->GetObject<Ipv4>();
    t.natRouting = PeArpNatRoutingHelper::GetNat(natIpv4);
    t.natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(1)));
    t.natRouting->GetTable()->SetAttribute("PublicAddress", Ipv4AddressValue(t.pub));
    return t;
}

/**
 * \ingroup pe-arp-tests
 * \brief A datagram from inside with TTL 1 is not translated: the NAT's
 * inner protocol sends ICMP Time Exceeded to the private host, the
 * Internet host gets nothing, no mapping is created. A second datagram
 * with the default TTL goes through (the path works).
 */
class PeArpNatTtlOneTestCase : public TestCase
{
  public:
    PeArpNatTtlOneTestCase()
        : TestCase("NAT router: TTL 1 from inside is not translated, Time Exceeded to the host")
    {
    }

  private:
    void DoRun() override
    {
        PeArpSmallNat t = BuildSmallNat();
        Ptr<Socket> server = Socket::CreateSocket(t.remote, UdpSocketFactory::GetTypeId());
        server->Bind(InetSocketAddress(Ipv4Address::GetAny(), 9));
        uint32_t atRemote = 0;
        server->SetRecvCallback(MakeCallback(+[](uint32_t* n, Ptr<Socket> s) {
                                    while (s->Recv())
                                    {
                                        (*n)++;
                                    }
                                }).Bind(&atRemote));

        Ptr<Socket> low = Socket::CreateSocket(t.host, UdpSocketFactory::GetTypeId());
        low->SetIpTtl(1);
        low->Connect(InetSocketAddress(t.far, 9));
        Simulator::Schedule(Seconds(1), [low]() { low->Send(Create<Packet>(100)); });

        Ptr<Socket> normal = Socket::CreateSocket(t.host, UdpSocketFactory::GetTypeId());
        normal->Connect(InetSocketAddress(t.far, 9));
        Simulator::Schedule(Seconds(3), [normal]() { normal->Send(Create<Packet>(100)); });

        // ICMP messages delivered at the private host: (type, code)
        std::vector<std::pair<uint32_t, uint32_t>> icmpAtHost;
        t.host->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver",
            MakeCallback(+[](std::vector<std::pair<uint32_t, uint32_t>>* v,
                             const Ipv4Header& h,
                             Ptr<const Packet> p,
                             uint32_t) {
                if (h.GetProtocol() == 1)
                {
                    uint8_t b[2] = {0, 0};
                    p->CopyData(b, 2);
                    v->emplace_back(b[0], b[1]);
                }
            }).Bind(&icmpAtHost));

        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(icmpAtHost.size(), 1U, "one ICMP message at the private host");
        if (icmpAtHost.size() == 1)
        {
            NS_TEST_EXPECT_MSG_EQ(icmpAtHost[0].first, 11U, "Time Exceeded");
            NS_TEST_EXPECT_MSG_EQ(icmpAtHost[0].second, 0U, "TTL exceeded in transit");
        }
        NS_TEST_EXPECT_MSG_EQ(atRemote, 0U, "the TTL-1 datagram did not leave");
        Ptr<PeArpNatTable> table = t.natRouting->GetTable();
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappingsCreated, 0U, "no mapping");
        NS_TEST_EXPECT_MSG_EQ(t.natRouting->GetCounters().outbound, 0U, "nothing translated");

        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(atRemote, 1U, "the default-TTL datagram arrived");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappingsCreated, 1U, "with one mapping");
        NS_TEST_EXPECT_MSG_EQ(icmpAtHost.size(), 1U, "and no other ICMP message");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief An unsolicited TCP SYN from the Internet to public:20001, a port
 * of the dynamic pool, is dropped and counted as NO_MAPPING (the documented
 * reason when no mapping holds the port), creates no mapping and never
 * reaches the private host, which listens on 20001 itself. The Internet
 * host's first SYN only: the run ends before its retransmission (3 s).
 */
class PeArpNatUnsolicitedSynTestCase : public TestCase
{
  public:
    PeArpNatUnsolicitedSynTestCase()
        : TestCase("NAT router: an unsolicited inbound TCP SYN is dropped as NO_MAPPING")
    {
    }

  private:
    void DoRun() override
    {
        PeArpSmallNat t = BuildSmallNat();
        UintegerValue low;
        UintegerValue high;
        t.natRouting->GetTable()->GetPortAllocator()->GetAttribute("PoolLow", low);
        t.natRouting->GetTable()->GetPortAllocator()->GetAttribute("PoolHigh", high);
        NS_TEST_ASSERT_MSG_EQ((low.Get() <= 20001 && 20001 <= high.Get()),
                              true,
                              "20001 is a pool port");

        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), 20001));
        ApplicationContainer sinkApp = sink.Install(t.host);
        uint32_t tcpAtHost = 0;
        t.host->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver",
            MakeCallback(+[](uint32_t* n, const Ipv4Header& h, Ptr<const Packet>, uint32_t) {
                *n += h.GetProtocol() == 6 ? 1 : 0;
            }).Bind(&tcpAtHost));
        uint32_t synsSent = 0;
        t.remote->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Tx",
            MakeCallback(+[](uint32_t* n, Ptr<const Packet> p, Ptr<Ipv4>, uint32_t) {
                Ptr<Packet> c = p->Copy();
                Ipv4Header ip;
                c->RemoveHeader(ip);
                if (ip.GetProtocol() == 6)
                {
                    TcpHeader tcp;
                    c->PeekHeader(tcp);
                    *n += (tcp.GetFlags() & TcpHeader::SYN) ? 1 : 0;
                }
            }).Bind(&synsSent));
        Ptr<Socket> client = Socket::CreateSocket(t.remote, TcpSocketFactory::GetTypeId());
        Ipv4Address pub = t.pub;
        Simulator::Schedule(Seconds(1),
                            [client, pub]() { client->Connect(InetSocketAddress(pub, 20001)); });

        Simulator::Stop(Seconds(2));
        Simulator::Run();

        Ptr<PeArpNatTable> table = t.natRouting->GetTable();
        NS_TEST_EXPECT_MSG_EQ(synsSent, 1U, "the Internet host sent one SYN");
        NS_TEST_EXPECT_MSG_EQ(table->GetDrops(PeArpNatTable::NO_MAPPING), 1U, "dropped");
        NS_TEST_EXPECT_MSG_EQ(table->GetDrops(PeArpNatTable::FILTERED), 0U, "not as FILTERED");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappingsCreated, 0U, "no mapping created");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappings, 0U, "none exists");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().sessions, 0U, "nor a session");
        NS_TEST_EXPECT_MSG_EQ(t.natRouting->GetCounters().inbound, 0U, "nothing translated");
        NS_TEST_EXPECT_MSG_EQ(tcpAtHost, 0U, "the private host saw no segment");
        NS_TEST_EXPECT_MSG_EQ(DynamicCast<PacketSink>(sinkApp.Get(0))->GetAcceptedSockets().size(),
                              0U,
                              "and accepted nothing");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Two private hosts ping the same Internet host with ns-3's V4Ping,
 * which always sends identifier 0: the NAT gives each its own external ICMP
 * id (two ICMP mappings, distinct ids), and each host gets exactly its own
 * replies.
 */
class PeArpNatTwoPingersTestCase : public TestCase
{
  public:
    PeArpNatTwoPingersTestCase()
        : TestCase("NAT router: two hosts pinging with identifier 0 each get their own replies")
    {
    }

  private:
    void DoRun() override
    {
        NodeContainer hosts;
        hosts.Create(2);
        Ptr<Node> nat = CreateObject<Node>();
        Ptr<Node> remote = CreateObject<Node>();
        CsmaHelper csma;
        NodeContainer lan(hosts);
        lan.Add(nat);
        NetDeviceContainer lanDevices = csma.Install(lan);
        PointToPointHelper p2p;
        NetDeviceContainer wanDevices = p2p.Install(nat, remote);
        InternetStackHelper stack;
        stack.Install(hosts);
        stack.Install(remote);
        InternetStackHelper natStack;
        natStack.SetRoutingHelper(PeArpNatRoutingHelper());
        natStack.Install(nat);
        Ipv4AddressHelper addresses("10.0.0.0", "255.255.255.0");
        Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
        addresses.SetBase("198.51.100.0", "255.255.255.252");
        Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
        Ipv4StaticRoutingHelper staticRouting;
        for (uint32_t i = 0; i < 2; ++i)
        {
            staticRouting.GetStaticRouting(hosts.Get(i)->GetObject<Ipv4>())
                ->SetDefaultRoute(lanIfs.GetAddress(2), 1);
        }
        Ptr<Ipv4> natIpv4 = nat->GetObject<Ipv4>();
        Ptr<PeArpNatRouting> natRouting = PeArpNatRoutingHelper::GetNat(natIpv4);
        natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(2)));
        Ptr<PeArpNatTable> table = natRouting->GetTable();
        table->SetAttribute("PublicAddress", Ipv4AddressValue(wanIfs.GetAddress(0)));
        std::vector<PeArpNatTable::MappingInfo> created;
        table->TraceConnectWithoutContext(
            "MappingCreated",
            Callback<void, const PeArpNatTable::MappingInfo&>(
                [&created](const PeArpNatTable::MappingInfo& m) { created.push_back(m); }));

        // Both ping every second from 1 s, 3 pings each, 100 ms apart.
        std::vector<uint32_t> replies(2, 0);
        for (uint32_t i = 0; i < 2; ++i)
        {
            V4PingHelper ping(wanIfs.GetAddress(1));
            ping.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer app = ping.Install(hosts.Get(i));
            app.Start(Seconds(1) + MilliSeconds(100 * i));
            app.Stop(Seconds(3.5));
            uint32_t* n = &replies[i];
            app.Get(0)->TraceConnectWithoutContext("Rtt",
                                                   Callback<void, Time>([n](Time) { (*n)++; }));
        }
        Simulator::Stop(Seconds(5));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(replies[0], 3U, "host 0 got its three replies");
        NS_TEST_EXPECT_MSG_EQ(replies[1], 3U, "host 1 got its three replies");
        NS_TEST_ASSERT_MSG_EQ(created.size(), 2U, "two mappings");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(created[0].protocol), 1U, "ICMP");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(created[1].protocol), 1U, "ICMP");
        NS_TEST_EXPECT_MSG_EQ(created[0].privatePort, 0, "private id 0");
        NS_TEST_EXPECT_MSG_EQ(created[1].privatePort, 0, "private id 0");
        NS_TEST_EXPECT_MSG_NE(created[0].privateAddress, created[1].privateAddress, "one per host");
        NS_TEST_EXPECT_MSG_NE(created[0].externalPort,
                              created[1].externalPort,
                              "distinct external ids");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Static rules take their ports out of the dynamic pool: a UDP pool
 * of 10 ports (20000-20009) overlapping a UDP rule on 20003-20005 gives 7
 * mappings, never one of the rule's ports even when a host asks for it
 * (port preservation), and the next 5 are dropped as POOL_EXHAUSTED. A TCP
 * rule on 20008 takes 20008 from TCP only.
 */
class PeArpNatStaticReservedTestCase : public TestCase
{
  public:
    PeArpNatStaticReservedTestCase()
        : TestCase("NAT router: static-rule ports are never given to dynamic mappings")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpNatRouting> natRouting = CreateObject<PeArpNatRouting>();
        Ptr<PeArpNatTable> table = natRouting->GetTable();
        const Ipv4Address host("10.0.0.1");
        const Ipv4Address far("198.51.100.2");
        table->SetAttribute("PublicAddress", Ipv4AddressValue("198.51.100.1"));
        table->GetPortAllocator()->SetAttribute("PoolLow", UintegerValue(20000));
        table->GetPortAllocator()->SetAttribute("PoolHigh", UintegerValue(20009));
        natRouting->AddStaticRule(17, 20003, 20005, Ipv4Address("10.0.0.9"), 7000);
        natRouting->AddStaticRule(6, 20008, 20008, Ipv4Address("10.0.0.9"), 22);

        // private ports 20000..20011: preservation asks for 20003-20005 too
        std::set<uint16_t> given;
        uint32_t ok = 0;
        for (uint16_t privatePort = 20000; privatePort < 20012; ++privatePort)
        {
            PeArpNatTable::Translation t = table->Outbound(17, host, privatePort, far, 9);
            if (t.ok)
            {
                ok++;
                given.insert(t.port);
            }
        }
        const std::set<uint16_t> expected{20000, 20001, 20002, 20006, 20007, 20008, 20009};
        NS_TEST_EXPECT_MSG_EQ(ok, 7U, "10 pool ports less the rule's 3");
        NS_TEST_EXPECT_MSG_EQ((given == expected), true, "the pool ports outside the rule");
        for (uint16_t port = 20003; port <= 20005; ++port)
        {
            NS_TEST_EXPECT_MSG_EQ(given.count(port), 0U, "no mapping got a static port");
        }
        NS_TEST_EXPECT_MSG_EQ(table->GetDrops(PeArpNatTable::POOL_EXHAUSTED),
                              5U,
                              "12 asked, 7 given: 5 exhausted");
        NS_TEST_EXPECT_MSG_EQ(table->GetCounters().mappings, 7U, "7 mappings");

        // TCP: 20008 belongs to the TCP rule; a host asking for it gets another
        PeArpNatTable::Translation tcp = table->Outbound(6, host, 20008, far, 80, 0x02);
        NS_TEST_EXPECT_MSG_EQ(tcp.ok, true, "the TCP space has room");
        NS_TEST_EXPECT_MSG_NE(tcp.port, 20008, "but not the TCP rule's port");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The NAT system test suite.
 */
class PeArpNatTestSuite : public TestSuite
{
  public:
    PeArpNatTestSuite()
        : TestSuite("pe-arp-nat", SYSTEM)
    {
        AddTestCase(new PeArpNatSystemTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatCostTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatListChildTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTtlOneTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatUnsolicitedSynTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatStaticReservedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpNatTwoPingersTestCase, TestCase::QUICK);
    }
};

static PeArpNatTestSuite g_peArpNatTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
