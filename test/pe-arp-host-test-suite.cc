/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * The end-host port range agent: sockets of unmodified applications get
 * ports from the host's range, binds outside it fail with a clear error, an
 * exhausted range fails the socket call and nothing else.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/udp-socket.h"
#include "ns3/uinteger.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpHostTestSuite");

namespace
{

/**
 * \param socket a bound socket
 * \return its local port
 */
uint16_t
LocalPort(Ptr<Socket> socket)
{
    Address address;
    socket->GetSockName(address);
    return InetSocketAddress::ConvertFrom(address).GetPort();
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Explicit and ephemeral binds of UDP and TCP sockets.
 */
class PeArpBindTestCase : public TestCase
{
  public:
    PeArpBindTestCase()
        : TestCase("sockets bind inside the host's range only")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<Node> a = f.hosts.Get(0); // 2000-2999
        Ptr<PeArpPortAgent> agent = a->GetObject<PeArpPortAgent>();

        Ptr<Socket> outside = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(outside->Bind(InetSocketAddress(Ipv4Address::GetAny(), 3500)),
                              -1,
                              "UDP bind to B's port fails");
        NS_TEST_EXPECT_MSG_EQ(outside->GetErrno(), Socket::ERROR_ADDRNOTAVAIL, "with ADDRNOTAVAIL");
        Ptr<Socket> tcpOutside = Socket::CreateSocket(a, TcpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(tcpOutside->Bind(InetSocketAddress(f.shared, 80)),
                              -1,
                              "TCP bind to a well-known port outside the range fails");
        NS_TEST_EXPECT_MSG_EQ(tcpOutside->GetErrno(), Socket::ERROR_ADDRNOTAVAIL, "ADDRNOTAVAIL");
        NS_TEST_EXPECT_MSG_EQ(agent->GetRefusedBinds(), 2, "both refusals counted");

        Ptr<Socket> inside = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(inside->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2999)),
                              0,
                              "bind to the range's last port works");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(inside), 2999, "bound to 2999");

        Ptr<Socket> e1 = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        Ptr<Socket> e2 = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        Ptr<Socket> e3 = Socket::CreateSocket(a, TcpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(e1->Bind(), 0, "ephemeral UDP bind");
        NS_TEST_EXPECT_MSG_EQ(e2->Bind(), 0, "ephemeral UDP bind");
        NS_TEST_EXPECT_MSG_EQ(e3->Bind(), 0, "ephemeral TCP bind");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(e1), 2000, "the first ephemeral port is the range's low");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(e2), 2001, "then the next one");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(e3), 2002, "TCP draws from the same range");
        NS_TEST_EXPECT_MSG_EQ(agent->GetEphemeralBinds(), 3, "three ephemeral ports handed out");

        Ptr<Node> b = f.hosts.Get(1); // 3000-3999
        Ptr<Socket> eb = Socket::CreateSocket(b, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(eb->Bind(), 0, "B's ephemeral bind");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(eb), 3000, "B draws from its own range");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A PE-ARP UDP socket reports its own events, with itself as the socket: the
 * wrapped ns-3 sockets of one node share one set of forwarding callbacks, so
 * a mix-up between sockets, or a wrapped socket leaking out, would show here.
 */
class PeArpUdpNotificationsTestCase : public TestCase
{
  public:
    PeArpUdpNotificationsTestCase()
        : TestCase("a PE-ARP UDP socket reports its own connect, send and receive events")
    {
    }

  private:
    /** Events seen by one socket's callbacks. */
    struct Seen
    {
        uint32_t connected{0};   //!< connection succeeded
        uint32_t dataSent{0};    //!< DataSent calls
        uint32_t bytesSent{0};   //!< bytes reported by DataSent
        uint32_t received{0};    //!< datagrams received
        uint32_t wrongSocket{0}; //!< callbacks called with another socket
    };

    /**
     * Count a socket's events.
     * \param socket the socket
     * \param seen where
     */
    static void Watch(Ptr<Socket> socket, Seen* seen)
    {
        Socket* self = PeekPointer(socket);
        socket->SetConnectCallback(Callback<void, Ptr<Socket>>([self, seen](Ptr<Socket> s) {
                                       seen->connected++;
                                       seen->wrongSocket += PeekPointer(s) != self;
                                   }),
                                   MakeNullCallback<void, Ptr<Socket>>());
        socket->SetDataSentCallback(
            Callback<void, Ptr<Socket>, uint32_t>([self, seen](Ptr<Socket> s, uint32_t size) {
                seen->dataSent++;
                seen->bytesSent += size;
                seen->wrongSocket += PeekPointer(s) != self;
            }));
        socket->SetSendCallback(
            Callback<void, Ptr<Socket>, uint32_t>([self, seen](Ptr<Socket> s, uint32_t) {
                seen->wrongSocket += PeekPointer(s) != self;
            }));
        socket->SetRecvCallback(Callback<void, Ptr<Socket>>([self, seen](Ptr<Socket> s) {
            seen->wrongSocket += PeekPointer(s) != self;
            while (s->Recv())
            {
                seen->received++;
            }
        }));
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<Node> a = f.hosts.Get(0); // 2000-2999

        // An echo socket on the Internet host sends every datagram back.
        Ptr<Socket> echo = Socket::CreateSocket(f.inet, UdpSocketFactory::GetTypeId());
        echo->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7));
        uint32_t echoed = 0;
        echo->SetRecvCallback(Callback<void, Ptr<Socket>>([&echoed](Ptr<Socket> s) {
            Address from;
            while (Ptr<Packet> p = s->RecvFrom(from))
            {
                s->SendTo(p, 0, from);
                echoed++;
            }
        }));

        Seen seen1;
        Seen seen2;
        Ptr<Socket> s1 = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        Ptr<Socket> s2 = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        Watch(s1, &seen1);
        Watch(s2, &seen2);
        InetSocketAddress peer(f.inetAddress, 7);
        Simulator::Schedule(Seconds(1), [&]() {
            NS_TEST_EXPECT_MSG_EQ(s1->Connect(peer), 0, "s1 connects");
            s1->Send(Create<Packet>(100));
            s1->Send(Create<Packet>(200));
            NS_TEST_EXPECT_MSG_EQ(s2->Bind(), 0, "s2 binds");
            s2->SendTo(Create<Packet>(50), 0, peer);
        });
        Simulator::Schedule(Seconds(2), [&]() {
            // A socket whose wrapper is gone tells nobody.
            s2->Close();
            s2->Dispose();
            s2 = nullptr;
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(echoed, 3U, "the echo socket got all three datagrams");
        NS_TEST_EXPECT_MSG_EQ(seen1.connected, 1U, "s1: connected once");
        NS_TEST_EXPECT_MSG_EQ(seen1.dataSent, 2U, "s1: two DataSent");
        NS_TEST_EXPECT_MSG_EQ(seen1.bytesSent, 300U, "s1: 300 bytes sent");
        NS_TEST_EXPECT_MSG_EQ(seen1.received, 2U, "s1: its two echoes");
        NS_TEST_EXPECT_MSG_EQ(seen2.connected, 0U, "s2: never connected");
        NS_TEST_EXPECT_MSG_EQ(seen2.dataSent, 1U, "s2: one DataSent");
        NS_TEST_EXPECT_MSG_EQ(seen2.bytesSent, 50U, "s2: 50 bytes sent");
        NS_TEST_EXPECT_MSG_EQ(seen2.received, 1U, "s2: its one echo");
        NS_TEST_EXPECT_MSG_EQ(seen1.wrongSocket + seen2.wrongSocket,
                              0U,
                              "every callback got the socket it was set on");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * The UdpSocket attributes of a PE-ARP UDP socket reach the ns-3 socket it
 * wraps: the default a script sets before the socket exists, and a value set
 * on the socket afterwards. RcvBufSize is seen in what the socket keeps:
 * datagrams that do not fit the receive buffer are dropped by ns-3's socket.
 */
class PeArpUdpAttributesTestCase : public TestCase
{
  public:
    PeArpUdpAttributesTestCase()
        : TestCase("a PE-ARP UDP socket's RcvBufSize reaches the socket it wraps")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        TypeId::AttributeInformation info;
        NS_TEST_ASSERT_MSG_EQ(UdpSocket::GetTypeId().LookupAttributeByName("RcvBufSize", &info),
                              true,
                              "ns3::UdpSocket has RcvBufSize");
        Ptr<const AttributeValue> shipped = info.initialValue;
        Figure4 f;
        Ptr<Node> a = f.hosts.Get(0); // 2000-2999
        Config::SetDefault("ns3::UdpSocket::RcvBufSize", UintegerValue(150));
        Ptr<Socket> byDefault = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        Config::SetDefault("ns3::UdpSocket::RcvBufSize", *shipped);
        Ptr<Socket> setLater = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        setLater->SetAttribute("RcvBufSize", UintegerValue(250));
        Ptr<Socket> shippedSize = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        UintegerValue seen;
        byDefault->GetAttribute("RcvBufSize", seen);
        NS_TEST_EXPECT_MSG_EQ(seen.Get(), 150U, "the socket took the script's default");
        setLater->GetAttribute("RcvBufSize", seen);
        NS_TEST_EXPECT_MSG_EQ(seen.Get(), 250U, "the socket keeps the value set on it");
        std::vector<Ptr<Socket>> sockets{byDefault, setLater, shippedSize};
        for (uint16_t k = 0; k < sockets.size(); k++)
        {
            NS_TEST_EXPECT_MSG_EQ(
                sockets[k]->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2100 + k)),
                0,
                "bind inside the range");
        }
        Ptr<Socket> sender = Socket::CreateSocket(f.inet, UdpSocketFactory::GetTypeId());
        Simulator::Schedule(Seconds(1), [&]() {
            for (uint16_t k = 0; k < sockets.size(); k++)
            {
                for (int n = 0; n < 3; n++)
                {
                    sender->SendTo(Create<Packet>(100), 0, InetSocketAddress(f.shared, 2100 + k));
                }
            }
        });
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        // Nobody reads: 150 bytes hold one 100-byte datagram, 250 two, the
        // shipped 131,072 all three.
        NS_TEST_EXPECT_MSG_EQ(byDefault->GetRxAvailable(),
                              100U,
                              "RcvBufSize 150: one datagram kept");
        NS_TEST_EXPECT_MSG_EQ(setLater->GetRxAvailable(),
                              200U,
                              "RcvBufSize 250: two datagrams kept");
        NS_TEST_EXPECT_MSG_EQ(shippedSize->GetRxAvailable(), 300U, "shipped size: all three kept");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * An exhausted range fails the socket call with a counter; freeing a port
 * makes it usable again.
 */
class PeArpExhaustionTestCase : public TestCase
{
  public:
    PeArpExhaustionTestCase()
        : TestCase("an exhausted range fails the bind, counted, and recovers")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f({PeArpPortRange(7000, 7002)});
        Ptr<Node> a = f.hosts.Get(0);
        Ptr<PeArpPortAgent> agent = a->GetObject<PeArpPortAgent>();
        std::vector<Ptr<Socket>> sockets;
        for (uint32_t i = 0; i < 3; i++)
        {
            sockets.push_back(Socket::CreateSocket(a, UdpSocketFactory::GetTypeId()));
            NS_TEST_EXPECT_MSG_EQ(sockets.back()->Bind(), 0, "port " << i << " of 3");
            NS_TEST_EXPECT_MSG_EQ(LocalPort(sockets.back()), 7000 + i, "in order");
        }
        Ptr<Socket> fourth = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(fourth->Bind(), -1, "the fourth bind fails");
        NS_TEST_EXPECT_MSG_EQ(fourth->GetErrno(), Socket::ERROR_ADDRNOTAVAIL, "ADDRNOTAVAIL");
        NS_TEST_EXPECT_MSG_EQ(agent->GetExhaustions(), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(
            fourth->SendTo(Create<Packet>(10), 0, InetSocketAddress(f.inetAddress, 9)),
            -1,
            "sending from an unbindable socket fails too");
        sockets[1]->Close();
        Ptr<Socket> again = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(again->Bind(), 0, "a freed port can be bound again");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(again), 7001, "the freed port");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A TCP port stays held through TIME_WAIT: with three ports, the first
 * connection's port is skipped while it waits (a bind to 0.0.0.0 on it would
 * otherwise duplicate the connection's four-tuple in ns-3's demultiplexer),
 * so the fourth bind fails; once TIME_WAIT is over the port binds again.
 */
class PeArpTimeWaitPortTestCase : public TestCase
{
  public:
    PeArpTimeWaitPortTestCase()
        : TestCase("a TCP port in TIME_WAIT is not handed out again until it ends")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(0.5));
        Figure4 f({PeArpPortRange(7000, 7002)});
        Ptr<Node> a = f.hosts.Get(0);
        Ptr<PeArpPortAgent> agent = a->GetObject<PeArpPortAgent>();
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), 5000));
        sink.Install(f.inet).Start(Seconds(0));
        Ptr<Socket> first = Socket::CreateSocket(a, TcpSocketFactory::GetTypeId());
        std::vector<Ptr<Socket>> later;
        std::vector<int> binds;
        std::vector<uint16_t> ports;
        uint32_t heldWhileWaiting = 0;
        uint32_t heldAfter = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            first->Bind();
            first->Connect(InetSocketAddress(f.inetAddress, 5000));
        });
        Simulator::Schedule(Seconds(1.5), [&]() { first->Close(); }); // active close
        Simulator::Schedule(Seconds(1.7), [&]() {
            heldWhileWaiting = agent->GetHeldPorts();
            for (int k = 0; k < 3; k++)
            {
                later.push_back(Socket::CreateSocket(a, TcpSocketFactory::GetTypeId()));
                binds.push_back(later.back()->Bind());
                ports.push_back(binds.back() == 0 ? LocalPort(later.back()) : 0);
            }
        });
        Simulator::Schedule(Seconds(3), [&]() {
            heldAfter = agent->GetHeldPorts();
            later.push_back(Socket::CreateSocket(a, TcpSocketFactory::GetTypeId()));
            binds.push_back(later.back()->Bind());
            ports.push_back(binds.back() == 0 ? LocalPort(later.back()) : 0);
        });
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(120));
        NS_TEST_EXPECT_MSG_EQ(heldWhileWaiting, 1, "the first port is held in TIME_WAIT");
        NS_TEST_ASSERT_MSG_EQ(binds.size(), 4, "four binds");
        NS_TEST_EXPECT_MSG_EQ(binds[0], 0, "second port");
        NS_TEST_EXPECT_MSG_EQ(ports[0], 7001, "7001");
        NS_TEST_EXPECT_MSG_EQ(binds[1], 0, "third port");
        NS_TEST_EXPECT_MSG_EQ(ports[1], 7002, "7002");
        NS_TEST_EXPECT_MSG_EQ(binds[2], -1, "7000 is still in TIME_WAIT: no port left");
        NS_TEST_EXPECT_MSG_EQ(agent->GetExhaustions(), 1, "the exhaustion is counted");
        NS_TEST_EXPECT_MSG_EQ(heldAfter, 2, "after TIME_WAIT only the two bound sockets hold");
        NS_TEST_EXPECT_MSG_EQ(binds[3], 0, "7000 binds again");
        NS_TEST_EXPECT_MSG_EQ(ports[3], 7000, "the freed port");
        for (const auto& socket : later)
        {
            socket->Close();
        }
        first = nullptr;
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Unmodified applications (UDP sockets that never bind, BulkSend) on hosts sharing an
 * address use ports of their own ranges, seen from the Internet side.
 */
class PeArpApplicationPortsTestCase : public TestCase
{
  public:
    PeArpApplicationPortsTestCase()
        : TestCase("unmodified applications use source ports from their host's range")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        std::vector<uint16_t> udpPorts;
        std::vector<uint16_t> tcpPorts;
        UdpEchoServerHelper echoServer(9);
        echoServer.Install(f.inet).Start(Seconds(0));
        Ptr<Application> sink = InstallSink(f.inet, true, 80);
        sink->TraceConnectWithoutContext(
            "RxWithAddresses",
            Callback<void, Ptr<const Packet>, const Address&, const Address&>(
                [&tcpPorts](Ptr<const Packet>, const Address& from, const Address&) {
                    uint16_t port = InetSocketAddress::ConvertFrom(from).GetPort();
                    if (tcpPorts.empty() || tcpPorts.back() != port)
                    {
                        tcpPorts.push_back(port);
                    }
                }));
        Ptr<Application> udpSink = InstallSink(f.inet, false, 5000);
        udpSink->TraceConnectWithoutContext(
            "RxWithAddresses",
            Callback<void, Ptr<const Packet>, const Address&, const Address&>(
                [&udpPorts](Ptr<const Packet>, const Address& from, const Address&) {
                    udpPorts.push_back(InetSocketAddress::ConvertFrom(from).GetPort());
                }));
        for (uint32_t i = 0; i < 3; i++)
        {
            // Every host sends the same way, at the same time: without the
            // agent they would all pick source port 49153.
            Figure4::SendUdp(f.hosts.Get(i), Seconds(1.0), f.inetAddress, 5000, 1, 20);
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(f.inetAddress, 80));
            bulk.SetAttribute("MaxBytes", UintegerValue(2000));
            bulk.Install(f.hosts.Get(i)).Start(Seconds(2.0 + i));
        }
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        PEARP_REQUIRE_EQ(udpPorts.size(), 3, "three datagrams arrived");
        std::sort(udpPorts.begin(), udpPorts.end());
        NS_TEST_EXPECT_MSG_EQ(udpPorts[0], 2000, "A's first port");
        NS_TEST_EXPECT_MSG_EQ(udpPorts[1], 3000, "B's first port");
        NS_TEST_EXPECT_MSG_EQ(udpPorts[2], 4000, "C's first port");
        PEARP_REQUIRE_EQ(tcpPorts.size(), 3, "three TCP connections");
        NS_TEST_EXPECT_MSG_EQ(tcpPorts[0], 2001, "A's connection from its range");
        NS_TEST_EXPECT_MSG_EQ(tcpPorts[1], 3001, "B's connection from its range");
        NS_TEST_EXPECT_MSG_EQ(tcpPorts[2], 4001, "C's connection from its range");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink), 6000, "all TCP bytes arrived");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Hosts holding non-contiguous MAP port sets (RFC 7597, a = 6, k = 6): each
 * set is announced and learned as the ranges it consists of; ports of the
 * gaps belong to other hosts or nobody.
 */
class PeArpMapSetHostTestCase : public TestCase
{
  public:
    PeArpMapSetHostTestCase()
        : TestCase("hosts with MAP port sets: ephemeral ports, binds and resolution by range")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Ptr<PeArpPortSetAllocator> map = CreateObject<PeArpPortSetAllocator>();
        map->SetAttribute("Scheme", EnumValue(PeArpPortSetAllocator::MAP));
        // a = 6, k = 6: PSID p holds A * 1024 + 16 p + [0, 15] for A = 1..63.
        Figure4 f(std::vector<PeArpPortSet>{map->GetSet(3), map->GetSet(5), map->GetSet(7)});
        Ptr<Node> a = f.hosts.Get(0); // 1072-1087, 2096-2111, 3120-3135, ...

        Ptr<Socket> ephemeral = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(ephemeral->Bind(), 0, "ephemeral bind");
        NS_TEST_EXPECT_MSG_EQ(LocalPort(ephemeral), 1072, "the set's first port");
        Ptr<Socket> gap = Socket::CreateSocket(a, UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(gap->Bind(InetSocketAddress(Ipv4Address::GetAny(), 1088)),
                              -1,
                              "1088 belongs to PSID 4, not to A");
        NS_TEST_EXPECT_MSG_EQ(gap->GetErrno(), Socket::ERROR_ADDRNOTAVAIL, "ADDRNOTAVAIL");

        Ptr<Application> sinkA1 = InstallSink(a, false, 2100);
        Ptr<Application> sinkA2 = InstallSink(a, false, 3125);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 1110);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2100, 1, 100);
        Figure4::SendUdp(f.inet, Seconds(1.5), f.shared, 2101, 1, 100); // same range: no request
        Figure4::SendUdp(f.inet, Seconds(2.0), f.shared, 3125, 1, 100); // A's next range
        Figure4::SendUdp(f.inet, Seconds(2.5), f.shared, 1110, 1, 100); // B
        Figure4::SendUdp(f.inet, Seconds(3.0), f.shared, 1090, 1, 100); // PSID 4: nobody
        Simulator::Stop(Seconds(9));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA1), 100, "A gets port 2100");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA2), 100, "A gets port 3125");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 100, "B gets port 1110");
        std::ostringstream table;
        f.routerLan->GetCache()->Print(table);
        std::string printed = table.str();
        NS_TEST_EXPECT_MSG_NE(printed.find("198.108.63.2:2096-2111"), std::string::npos, printed);
        NS_TEST_EXPECT_MSG_NE(printed.find("198.108.63.2:3120-3135"), std::string::npos, printed);
        NS_TEST_EXPECT_MSG_NE(printed.find("198.108.63.2:1104-1119"), std::string::npos, printed);
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetResolutionFailures(),
                              1,
                              "nobody answers for 1090");
        // 2100, 3125, 1110 once each; 1090: 1 + 3 retransmissions.
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().requestsSent, 7, "requests");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The host suite.
 */
class PeArpHostTestSuite : public TestSuite
{
  public:
    PeArpHostTestSuite()
        : TestSuite("pe-arp-host", UNIT)
    {
        AddTestCase(new PeArpBindTestCase, TestCase::QUICK);
        AddTestCase(new PeArpUdpNotificationsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpUdpAttributesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpExhaustionTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTimeWaitPortTestCase, TestCase::QUICK);
        AddTestCase(new PeArpApplicationPortsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpMapSetHostTestCase, TestCase::QUICK);
    }
};

static PeArpHostTestSuite g_peArpHostTestSuite; //!< Static variable for test initialization
