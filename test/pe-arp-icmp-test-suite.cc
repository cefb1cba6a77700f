/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Traffic without ports, in both deployments (router, Figure 4; PE-Bridge,
 * Figure 5): echo identifiers from each host's range, ICMP errors
 * delivered by the ports they quote, echo requests from outside dropped or
 * answered by the edge, malformed ICMP dropped and counted.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/icmpv4.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-raw-socket-factory.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <functional>
#include <memory>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpIcmpTestSuite");

namespace
{

/// Builds one of the two topologies.
using TopologyFactory = std::function<std::unique_ptr<SharedAddressTopology>()>;

/** An ICMP message seen by a raw socket. */
struct IcmpSeen
{
    Ipv4Address source;  //!< IPv4 source
    uint8_t type;        //!< ICMP type
    uint16_t identifier; //!< echo identifier (echo and echo reply)
    uint16_t sequence;   //!< echo sequence number
};

/**
 * Open a raw ICMP socket that records what it receives.
 * \param node the node
 * \param seen where to record
 * \return the socket
 */
Ptr<Socket>
IcmpSocket(Ptr<Node> node, std::vector<IcmpSeen>* seen)
{
    Ptr<Socket> socket = Socket::CreateSocket(node, Ipv4RawSocketFactory::GetTypeId());
    socket->SetAttribute("Protocol", UintegerValue(1));
    socket->SetRecvCallback(Callback<void, Ptr<Socket>>([seen](Ptr<Socket> s) {
        while (Ptr<Packet> p = s->Recv())
        {
            Ipv4Header ip;
            Icmpv4Header icmp;
            p->RemoveHeader(ip);
            p->RemoveHeader(icmp);
            IcmpSeen m{ip.GetSource(), icmp.GetType(), 0, 0};
            if (icmp.GetType() == Icmpv4Header::ICMPV4_ECHO ||
                icmp.GetType() == Icmpv4Header::ICMPV4_ECHO_REPLY)
            {
                Icmpv4Echo echo;
                p->RemoveHeader(echo);
                m.identifier = echo.GetIdentifier();
                m.sequence = echo.GetSequenceNumber();
            }
            seen->push_back(m);
        }
    }));
    return socket;
}

/**
 * Send an ICMP echo request through a raw socket.
 * \param socket the socket
 * \param to destination
 * \param identifier echo identifier
 * \param sequence echo sequence number
 * \param at when
 */
void
SendEcho(Ptr<Socket> socket, Ipv4Address to, uint16_t identifier, uint16_t sequence, Time at)
{
    Simulator::Schedule(at, [=]() {
        Icmpv4Echo echo;
        echo.SetIdentifier(identifier);
        echo.SetSequenceNumber(sequence);
        echo.SetData(Create<Packet>(24));
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(echo);
        Icmpv4Header header;
        header.SetType(Icmpv4Header::ICMPV4_ECHO);
        header.SetCode(0);
        p->AddHeader(header);
        socket->SendTo(p, 0, InetSocketAddress(to, 0));
    });
}

/**
 * Send raw ICMP bytes (after the IPv4 header) through a raw socket.
 * \param socket the socket
 * \param to destination
 * \param bytes the ICMP message
 * \param at when
 */
void
SendIcmpBytes(Ptr<Socket> socket, Ipv4Address to, std::vector<uint8_t> bytes, Time at)
{
    Simulator::Schedule(at, [=]() {
        socket->SendTo(PacketFromBytes(bytes), 0, InetSocketAddress(to, 0));
    });
}

/**
 * Count ICMP messages delivered to each host's IPv4.
 * \param t the topology
 * \param counts one counter per host
 */
void
CountIcmpDeliveries(SharedAddressTopology& t, std::vector<uint32_t>& counts)
{
    counts.assign(t.hosts.GetN(), 0);
    for (uint32_t i = 0; i < t.hosts.GetN(); i++)
    {
        t.hosts.Get(i)->GetObject<Ipv4>()->TraceConnectWithoutContext(
            "LocalDeliver",
            Callback<void, const Ipv4Header&, Ptr<const Packet>, uint32_t>(
                [&counts, i](const Ipv4Header& h, Ptr<const Packet>, uint32_t) {
                    if (h.GetProtocol() == 1)
                    {
                        counts[i]++;
                    }
                }));
    }
}

/**
 * \param device the edge device
 * \return echo requests it answered
 */
uint64_t
AnsweredEchoes(Ptr<NetDevice> device)
{
    if (auto router = DynamicCast<PeArpNetDevice>(device))
    {
        return router->GetAnsweredEchoes();
    }
    return DynamicCast<PeArpBridgeNetDevice>(device)->GetAnsweredEchoes();
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Every host pings the same remote host at the same time: each echo leaves
 * with an identifier of its host's range and each host gets exactly its own
 * reply, with the application's identifier restored.
 */
class PeArpPingOutTestCase : public TestCase
{
  public:
    /**
     * \param name deployment name
     * \param factory builds the topology
     */
    PeArpPingOutTestCase(const std::string& name, TopologyFactory factory)
        : TestCase(name + ": every host pings the same remote host, each gets its own reply"),
          m_factory(factory)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        std::unique_ptr<SharedAddressTopology> t = m_factory();
        std::vector<IcmpSeen> atInet;
        Ptr<Socket> inetSocket = IcmpSocket(t->inet, &atInet);
        std::vector<std::vector<IcmpSeen>> atHost(3);
        std::vector<Ptr<Socket>> sockets;
        for (uint32_t i = 0; i < 3; i++)
        {
            sockets.push_back(IcmpSocket(t->hosts.Get(i), &atHost[i]));
            // Like ns-3's V4Ping: identifier 0 on every host.
            SendEcho(sockets[i], t->inetAddress, 0, 10 + i, Seconds(1.0));
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();

        std::vector<uint16_t> identifiers;
        for (const IcmpSeen& m : atInet)
        {
            if (m.type == Icmpv4Header::ICMPV4_ECHO)
            {
                identifiers.push_back(m.identifier);
            }
        }
        std::sort(identifiers.begin(), identifiers.end());
        PEARP_REQUIRE_EQ(identifiers.size(), 3, "three echo requests reached the remote host");
        NS_TEST_EXPECT_MSG_EQ(identifiers[0], 2000, "A's echo identifier is from A's range");
        NS_TEST_EXPECT_MSG_EQ(identifiers[1], 3000, "B's echo identifier is from B's range");
        NS_TEST_EXPECT_MSG_EQ(identifiers[2], 4000, "C's echo identifier is from C's range");
        for (uint32_t i = 0; i < 3; i++)
        {
            PEARP_REQUIRE_EQ(atHost[i].size(), 1, "host " << i << " gets exactly one reply");
            NS_TEST_EXPECT_MSG_EQ(uint32_t(atHost[i][0].type),
                                  uint32_t(Icmpv4Header::ICMPV4_ECHO_REPLY),
                                  "an echo reply");
            NS_TEST_EXPECT_MSG_EQ(atHost[i][0].sequence, 10 + i, "its own");
            NS_TEST_EXPECT_MSG_EQ(atHost[i][0].identifier, 0, "with the identifier restored");
            NS_TEST_EXPECT_MSG_EQ(t->hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
        }
        NS_TEST_EXPECT_MSG_EQ(t->EdgeProtocol()->GetCounters().TotalDrops(), 0, "no drop");
        Simulator::Destroy();
    }

    TopologyFactory m_factory; //!< topology
};

/**
 * \ingroup pe-arp-tests
 * A port unreachable error for host B's UDP flow reaches B and only B.
 */
class PeArpIcmpErrorTestCase : public TestCase
{
  public:
    /**
     * \param name deployment name
     * \param factory builds the topology
     */
    PeArpIcmpErrorTestCase(const std::string& name, TopologyFactory factory)
        : TestCase(name + ": an ICMP port unreachable for B's UDP flow reaches B only"),
          m_factory(factory)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        std::unique_ptr<SharedAddressTopology> t = m_factory();
        std::vector<uint32_t> icmp;
        CountIcmpDeliveries(*t, icmp);
        // Nothing listens on the remote port 9999: the remote host answers
        // with a port unreachable quoting B's datagram (source port 3000).
        SharedAddressTopology::SendUdp(t->hosts.Get(1), Seconds(1.0), t->inetAddress, 9999, 1, 40);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(icmp[0], 0, "A gets nothing");
        NS_TEST_EXPECT_MSG_EQ(icmp[1], 1, "B gets the error for its flow");
        NS_TEST_EXPECT_MSG_EQ(icmp[2], 0, "C gets nothing");
        Simulator::Destroy();
    }

    TopologyFactory m_factory; //!< topology
};

/**
 * \ingroup pe-arp-tests
 * Malformed and truncated ICMP sent to the shared address is dropped and
 * counted by the edge; hosts see nothing; nothing crashes.
 */
class PeArpMalformedIcmpTestCase : public TestCase
{
  public:
    /**
     * \param name deployment name
     * \param factory builds the topology
     */
    PeArpMalformedIcmpTestCase(const std::string& name, TopologyFactory factory)
        : TestCase(name + ": malformed and truncated ICMP is dropped and counted"),
          m_factory(factory)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        std::unique_ptr<SharedAddressTopology> t = m_factory();
        std::vector<uint32_t> icmp;
        CountIcmpDeliveries(*t, icmp);
        std::vector<IcmpSeen> unused;
        Ptr<Socket> raw = IcmpSocket(t->inet, &unused);
        // 4 bytes: no room for the rest of the ICMP header.
        SendIcmpBytes(raw, t->shared, {3, 3, 0, 0}, Seconds(1.0));
        // Port unreachable quoting 10 bytes of an IPv4 header.
        SendIcmpBytes(raw,
                      t->shared,
                      {3, 3, 0, 0, 0, 0, 0, 0, 0x45, 0, 0, 40, 0, 0, 0, 0, 64, 17},
                      Seconds(1.1));
        // Time exceeded quoting something that is not IPv4.
        std::vector<uint8_t> notIpv4(8 + 28, 0);
        notIpv4[0] = 11;
        notIpv4[8] = 0x60;
        SendIcmpBytes(raw, t->shared, notIpv4, Seconds(1.2));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(
            t->EdgeProtocol()->GetCounters().drops[PeArpL3Protocol::MALFORMED_ICMP],
            3,
            "the edge dropped the three malformed messages");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(icmp[i], 0, "host " << i << " received none of them");
        }
        Simulator::Destroy();
    }

    TopologyFactory m_factory; //!< topology
};

/**
 * \ingroup pe-arp-tests
 * An echo request from outside to the shared address is dropped and counted
 * by default, and answered by the edge itself with AnswerEcho.
 */
class PeArpEchoFromOutsideTestCase : public TestCase
{
  public:
    /**
     * \param name deployment name
     * \param factory builds the topology
     * \param answer set AnswerEcho on the edge
     */
    PeArpEchoFromOutsideTestCase(const std::string& name, TopologyFactory factory, bool answer)
        : TestCase(name + (answer ? ": echo requests from outside are answered by the edge"
                                  : ": echo requests from outside are dropped and counted")),
          m_factory(factory),
          m_answer(answer)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        std::unique_ptr<SharedAddressTopology> t = m_factory();
        t->EdgeDevice()->SetAttribute("AnswerEcho", BooleanValue(m_answer));
        if (auto router = DynamicCast<PeArpNetDevice>(t->EdgeDevice()))
        {
            router->AddSharedAddress(t->shared); // a bridge knows it by configuration
        }
        std::vector<uint32_t> icmp;
        CountIcmpDeliveries(*t, icmp);
        std::vector<IcmpSeen> atInet;
        Ptr<Socket> raw = IcmpSocket(t->inet, &atInet);
        SendEcho(raw, t->shared, 77, 5, Seconds(1.0));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        uint32_t replies = 0;
        for (const IcmpSeen& m : atInet)
        {
            if (m.type == Icmpv4Header::ICMPV4_ECHO_REPLY && m.source == t->shared &&
                m.identifier == 77 && m.sequence == 5)
            {
                replies++;
            }
        }
        PeArpL3Protocol::Counters edge = t->EdgeProtocol()->GetCounters();
        if (m_answer)
        {
            NS_TEST_EXPECT_MSG_EQ(replies, 1, "the shared address answered");
            NS_TEST_EXPECT_MSG_EQ(AnsweredEchoes(t->EdgeDevice()), 1, "on behalf of its hosts");
            NS_TEST_EXPECT_MSG_EQ(edge.drops[PeArpL3Protocol::PORTLESS_TO_SHARED], 0, "no drop");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(replies, 0, "no answer");
            NS_TEST_EXPECT_MSG_EQ(edge.drops[PeArpL3Protocol::PORTLESS_TO_SHARED],
                                  1,
                                  "dropped and counted at once");
            NS_TEST_EXPECT_MSG_EQ(edge.requestsSent, 0, "without asking the hosts");
        }
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(icmp[i], 0, "host " << i << " sees no echo request");
        }
        Simulator::Destroy();
    }

    TopologyFactory m_factory; //!< topology
    bool m_answer;             //!< AnswerEcho
};

/**
 * \ingroup pe-arp-tests
 * Echo rewriting on a datagram whose IPv4 header carries options (IHL 6).
 *
 * Found by fuzz-pe-arp-ipv4 (the reply below is its input): Summarize reads
 * the ICMP message after IHL * 4 bytes, but SetEchoIdentifier and
 * MakeEchoReply removed and re-added the IPv4 header through ns-3's
 * Ipv4Header, which reads 20 bytes: the options became the ICMP header, the
 * identifier was written into them, and the datagram came out with IHL 5 and
 * ICMP type 1. A host unmapping the identifier of an echo reply received
 * with options corrupted it.
 */
class PeArpEchoWithOptionsTestCase : public TestCase
{
  public:
    PeArpEchoWithOptionsTestCase()
        : TestCase("echo identifier and echo reply with IPv4 options (IHL 6)")
    {
    }

  private:
    void DoRun() override
    {
        const uint8_t reply[] = {
            0x46, 0x00, 0x00, 0x30, 0x00, 0x01, 0x00, 0x00, // IHL 6, 48 bytes
            0x40, 0x01, 0x63, 0xc9, 0x0a, 0x00, 0x00, 0x02, // TTL 64, ICMP; 10.0.0.2
            0x0a, 0x00, 0x00, 0x01, 0x01, 0x01, 0x01, 0x00, // 10.0.0.1; NOP NOP NOP EOL
            0x00, 0x00, 0x72, 0x87, 0x12, 0x34, 0x00, 0x01, // echo reply, id 0x1234, seq 1
            'p',  'i',  'n',  'g',  'p',  'i',  'n',  'g',  // data
            'p',  'i',  'n',  'g',  'p',  'i',  'n',  'g',
        };
        Ptr<Packet> packet = Create<Packet>(reply, sizeof(reply));
        PeArpIpv4Summary before = PeArpIpv4::Summarize(packet);
        NS_TEST_ASSERT_MSG_EQ(before.IsEchoReply(), true, "an echo reply");
        NS_TEST_ASSERT_MSG_EQ(before.icmpIdentifier, 0x1234, "its identifier");

        Ptr<Packet> mapped = PeArpIpv4::SetEchoIdentifier(packet, 0xedcb);
        NS_TEST_ASSERT_MSG_EQ(mapped->GetSize(), sizeof(reply), "same size");
        PeArpIpv4Summary after = PeArpIpv4::Summarize(mapped);
        NS_TEST_EXPECT_MSG_EQ(after.IsEchoReply(), true, "still an echo reply");
        NS_TEST_EXPECT_MSG_EQ(after.icmpIdentifier, 0xedcb, "the new identifier");
        NS_TEST_EXPECT_MSG_EQ(after.source, before.source, "same source");
        std::vector<uint8_t> bytes(mapped->GetSize());
        mapped->CopyData(bytes.data(), bytes.size());
        NS_TEST_EXPECT_MSG_EQ(std::equal(reply, reply + 24, bytes.begin()),
                              true,
                              "IPv4 header and options kept");
        NS_TEST_EXPECT_MSG_EQ(std::equal(reply + 30, reply + sizeof(reply), bytes.begin() + 30),
                              true,
                              "sequence number and data kept");

        // The request the reply answers, and what PeArpEchoResponder makes of it.
        uint8_t request[sizeof(reply)];
        std::copy(reply, reply + sizeof(reply), request);
        request[24] = 8; // echo request
        Ptr<Packet> answer = PeArpIpv4::MakeEchoReply(Create<Packet>(request, sizeof(request)));
        NS_TEST_ASSERT_MSG_EQ(answer->GetSize(), sizeof(request) - 24, "the ICMP message");
        uint8_t icmp[8];
        answer->CopyData(icmp, sizeof(icmp));
        NS_TEST_EXPECT_MSG_EQ(int(icmp[0]), 0, "echo reply");
        NS_TEST_EXPECT_MSG_EQ((icmp[4] << 8 | icmp[5]), 0x1234, "identifier kept");
    }
};

/**
 * \ingroup pe-arp-tests
 * PeArpIpv4::Locate, which the device asks for every packet it sends, on
 * addresses from the RFC 5737 documentation ranges: the subnet-directed
 * broadcast (RFC 919/922: host part all ones), on-link and off-link
 * destinations, a /32 (no directed broadcast), and an interface with two
 * subnets.
 */
class PeArpLocateTestCase : public TestCase
{
  public:
    PeArpLocateTestCase()
        : TestCase("PeArpIpv4::Locate: subnet broadcast, on-link, off-link")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Ipv4Interface> none = CreateObject<Ipv4Interface>();
        Ptr<Ipv4Interface> one = CreateObject<Ipv4Interface>();
        one->AddAddress(Ipv4InterfaceAddress("192.0.2.1", "255.255.255.0"));
        Ptr<Ipv4Interface> host = CreateObject<Ipv4Interface>();
        host->AddAddress(Ipv4InterfaceAddress("203.0.113.5", "255.255.255.255"));
        Ptr<Ipv4Interface> two = CreateObject<Ipv4Interface>();
        two->AddAddress(Ipv4InterfaceAddress("198.51.100.9", "255.255.255.252"));
        two->AddAddress(Ipv4InterfaceAddress("192.0.2.1", "255.255.255.0"));

        struct Case
        {
            Ptr<Ipv4Interface> interface; //!< the interface
            const char* destination;      //!< the address placed
            PeArpIpv4::Locality expected; //!< where it lies
            const char* why;              //!< the rule
        };

        const std::vector<Case> cases = {
            {one, "192.0.2.255", PeArpIpv4::SUBNET_BROADCAST, "192.0.2.0/24's broadcast"},
            {one, "192.0.2.7", PeArpIpv4::ON_LINK, "in 192.0.2.0/24"},
            {one, "192.0.2.0", PeArpIpv4::ON_LINK, "the network address is no broadcast"},
            {one, "198.51.100.255", PeArpIpv4::OFF_LINK, "another /24's broadcast"},
            {one, "192.0.3.255", PeArpIpv4::OFF_LINK, "the next /24"},
            {host, "203.0.113.5", PeArpIpv4::ON_LINK, "a /32 has no directed broadcast"},
            {host, "203.0.113.6", PeArpIpv4::OFF_LINK, "beside a /32"},
            {two, "198.51.100.11", PeArpIpv4::SUBNET_BROADCAST, "/30 broadcast, first address"},
            {two, "192.0.2.255", PeArpIpv4::SUBNET_BROADCAST, "/24 broadcast, second address"},
            {two, "192.0.2.200", PeArpIpv4::ON_LINK, "the second subnet"},
            {two, "198.51.100.12", PeArpIpv4::OFF_LINK, "past the /30"},
            {none, "192.0.2.1", PeArpIpv4::OFF_LINK, "no address, no link"},
        };
        for (const Case& c : cases)
        {
            NS_TEST_EXPECT_MSG_EQ(PeArpIpv4::Locate(*c.interface, Ipv4Address(c.destination)),
                                  c.expected,
                                  c.destination << ": " << c.why);
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The ICMP suite.
 */
class PeArpIcmpTestSuite : public TestSuite
{
  public:
    PeArpIcmpTestSuite()
        : TestSuite("pe-arp-icmp", SYSTEM)
    {
        std::vector<std::pair<std::string, TopologyFactory>> deployments = {
            {"router", []() { return std::unique_ptr<SharedAddressTopology>(new Figure4()); }},
            {"bridge", []() { return std::unique_ptr<SharedAddressTopology>(new Figure5()); }},
        };
        for (const auto& [name, factory] : deployments)
        {
            AddTestCase(new PeArpPingOutTestCase(name, factory), TestCase::QUICK);
            AddTestCase(new PeArpIcmpErrorTestCase(name, factory), TestCase::QUICK);
            AddTestCase(new PeArpMalformedIcmpTestCase(name, factory), TestCase::QUICK);
            AddTestCase(new PeArpEchoFromOutsideTestCase(name, factory, false), TestCase::QUICK);
            AddTestCase(new PeArpEchoFromOutsideTestCase(name, factory, true), TestCase::QUICK);
        }
        AddTestCase(new PeArpEchoWithOptionsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLocateTestCase, TestCase::QUICK);
    }
};

static PeArpIcmpTestSuite g_peArpIcmpTestSuite; //!< Static variable for test initialization
