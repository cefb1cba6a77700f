/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * DHCP with RFC 7618's port parameters option (159): hand-written byte
 * vectors, malformed messages, and hosts obtaining address and port set
 * together from a PE-ARP router (pool full, second address, renewal,
 * release, expiry).
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/buffer.h"
#include "ns3/csma-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/pe-arp-dhcp-client.h"
#include "ns3/pe-arp-dhcp-header.h"
#include "ns3/pe-arp-dhcp-server.h"
#include "ns3/pe-arp-helper.h"
#include "ns3/pe-arp-stack-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpDhcpTestSuite");

namespace
{

/**
 * A BOOTP reply written byte by byte (RFC 2131 figure 1): op, htype, hlen,
 * hops, xid 0x01020304, secs, flags (broadcast), ciaddr, yiaddr
 * 198.108.63.2, siaddr, giaddr, chaddr 00:00:00:00:00:07, sname, file, the
 * magic cookie; options follow.
 * \param op 1 request, 2 reply
 * \return the 240 bytes
 */
std::vector<uint8_t>
Bootp(uint8_t op)
{
    std::vector<uint8_t> b = {op, 1, 6, 0, 0x01, 0x02, 0x03, 0x04, 0, 0, 0x80, 0x00};
    b.insert(b.end(), {0, 0, 0, 0, 198, 108, 63, 2, 0, 0, 0, 0, 0, 0, 0, 0});
    b.insert(b.end(), {0, 0, 0, 0, 0, 7});
    b.insert(b.end(), 10 + 64 + 128, 0);
    b.insert(b.end(), {0x63, 0x82, 0x53, 0x63});
    return b;
}

/**
 * \param b bytes
 * \param tail more bytes
 * \return b then tail
 */
std::vector<uint8_t>
Concat(std::vector<uint8_t> b, const std::vector<uint8_t>& tail)
{
    b.insert(b.end(), tail.begin(), tail.end());
    return b;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Option 159 and the other options on the wire, both ways.
 */
class PeArpDhcpHeaderTestCase : public TestCase
{
  public:
    PeArpDhcpHeaderTestCase()
        : TestCase("DHCP messages with option 159 against hand-written bytes")
    {
    }

  private:
    void DoRun() override
    {
        // An OFFER of 198.108.63.2 with PSID 1 of a = 0, k = 6 (ports
        // 1024-2047): the PSID is left-aligned, 1 << 10 = 0x0400.
        PeArpDhcpHeader offer;
        offer.SetMessageType(PeArpDhcpHeader::OFFER);
        offer.SetTransactionId(0x01020304);
        offer.SetBroadcastFlag(true);
        offer.SetClientMac(Mac48Address("00:00:00:00:00:07"));
        offer.SetYourAddress("198.108.63.2");
        offer.SetServerId("198.108.63.1");
        offer.SetLeaseTime(Seconds(3600));
        offer.SetRenewalTime(Seconds(1800));
        offer.SetSubnetMask(Ipv4Mask("255.255.255.0"));
        offer.SetRouter("198.108.63.1");
        offer.SetPortParameters(0, 6, 1);
        std::vector<uint8_t> expected =
            Concat(Bootp(2), {53,  1, 2,                    // OFFER
                              54,  4, 198, 108, 63,   1,    // server
                              51,  4, 0,   0,   0x0e, 0x10, // lease 3600 s
                              58,  4, 0,   0,   0x07, 0x08, // T1 1800 s
                              1,   4, 255, 255, 255,  0,    // mask
                              3,   4, 198, 108, 63,   1,    // router
                              159, 4, 0,   6,   0x04, 0x00, // a=0 k=6 PSID 1
                              255});                        // end
        expected.resize(300, 0);                            // padded to the BOOTP minimum
        Ptr<Packet> p = Create<Packet>();
        p->AddHeader(offer);
        NS_TEST_EXPECT_MSG_EQ(ToHex(BytesOf(p)), ToHex(expected), "the OFFER, byte for byte");

        // An ACK with RFC 7597's example parameters: a = 6, k = 8, PSID 0x34
        // (field 0x3400).
        std::vector<uint8_t> ack =
            Concat(Bootp(2), {53,  1, 5,   51, 4, 0, 0,    0,    60, 1, 4, 255, 255,
                              255, 0, 159, 4,  6, 8, 0x34, 0x00, 42, 2, 9, 9,   255});
        PeArpDhcpHeader parsed;
        parsed = PeArpDhcpHeader::Parse(PacketFromBytes(ack));
        NS_TEST_EXPECT_MSG_EQ(parsed.GetParseError(),
                              PeArpDhcpHeader::PARSE_OK,
                              "an ACK (with an unknown option 42 skipped)");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(parsed.GetMessageType()), 5u, "ACK");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetTransactionId(), 0x01020304, "xid");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetBroadcastFlag(), true, "broadcast flag");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetYourAddress(), Ipv4Address("198.108.63.2"), "yiaddr");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetClientMac(), Mac48Address("00:00:00:00:00:07"), "chaddr");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetLeaseTime(), Seconds(60), "lease");
        NS_TEST_EXPECT_MSG_EQ(parsed.HasPortParameters(), true, "option 159");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(parsed.GetPsidOffset()), 6u, "offset");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(parsed.GetPsidLength()), 8u, "PSID length");
        NS_TEST_EXPECT_MSG_EQ(parsed.GetPsid(), 0x34, "PSID");
    }
};

/**
 * \ingroup pe-arp-tests
 * Every malformed message is rejected with its reason.
 */
class PeArpDhcpMalformedTestCase : public TestCase
{
  public:
    PeArpDhcpMalformedTestCase()
        : TestCase("malformed DHCP messages are rejected with a reason")
    {
    }

  private:
    void DoRun() override
    {
        std::vector<uint8_t> good = Concat(Bootp(1), {53, 1, 1, 255});

        struct Case
        {
            std::vector<uint8_t> bytes;        //!< message
            PeArpDhcpHeader::ParseError error; //!< expected
        };

        std::vector<Case> cases;
        cases.push_back(
            {std::vector<uint8_t>(good.begin(), good.begin() + 200), PeArpDhcpHeader::TOO_SHORT});
        std::vector<uint8_t> op = good;
        op[0] = 3;
        cases.push_back({op, PeArpDhcpHeader::BAD_OP});
        std::vector<uint8_t> htype = good;
        htype[1] = 6;
        cases.push_back({htype, PeArpDhcpHeader::BAD_HARDWARE});
        std::vector<uint8_t> cookie = good;
        cookie[239] = 0x64;
        cases.push_back({cookie, PeArpDhcpHeader::BAD_COOKIE});
        cases.push_back({Concat(Bootp(1), {53, 1, 1, 159, 3, 0, 6, 4, 255}),
                         PeArpDhcpHeader::BAD_OPTION_LENGTH});
        cases.push_back({Concat(Bootp(1), {53, 1, 1, 159, 4, 10, 8, 0x34, 0x00, 255}),
                         PeArpDhcpHeader::BAD_PORT_PARAMETERS}); // a + k = 18
        cases.push_back({Concat(Bootp(1), {53, 1, 1, 159, 4, 6, 8, 0x34, 0x01, 255}),
                         PeArpDhcpHeader::BAD_PORT_PARAMETERS}); // padding bit set
        cases.push_back(
            {Concat(Bootp(1), {53, 1, 1, 51, 4, 0, 0}), PeArpDhcpHeader::TRUNCATED_OPTION});
        cases.push_back(
            {Concat(Bootp(1), {51, 4, 0, 0, 0, 60, 255}), PeArpDhcpHeader::NO_MESSAGE_TYPE});
        cases.push_back({Concat(Bootp(1), {53, 1, 9, 255}), PeArpDhcpHeader::NO_MESSAGE_TYPE});
        for (const Case& c : cases)
        {
            PeArpDhcpHeader h;
            h.SetTransactionId(77);
            NS_TEST_EXPECT_MSG_EQ(PeArpDhcpHeader::Parse(PacketFromBytes(c.bytes)).GetParseError(),
                                  c.error,
                                  PeArpDhcpHeader::ParseErrorToString(c.error));
            Buffer buffer;
            buffer.AddAtStart(c.bytes.size());
            buffer.Begin().Write(c.bytes.data(), c.bytes.size());
            NS_TEST_EXPECT_MSG_EQ(h.Deserialize(buffer.Begin()), 0U, "Deserialize reads nothing");
            NS_TEST_EXPECT_MSG_EQ(h.GetParseError(), c.error, "and records why");
            NS_TEST_EXPECT_MSG_EQ(h.GetTransactionId(), 77, "a rejected message changes nothing");
        }
        PeArpDhcpHeader h;
        h = PeArpDhcpHeader::Parse(PacketFromBytes(good));
        NS_TEST_EXPECT_MSG_EQ(h.GetParseError(),
                              PeArpDhcpHeader::PARSE_OK,
                              "the well-formed DISCOVER parses");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief A PE-ARP router running the DHCP server and hosts booting with the
 * DHCP client: router 198.108.63.1 ==CSMA== hosts.
 */
struct DhcpLan
{
    /**
     * \param n hosts
     * \param pool shared addresses of the pool
     * \param psidLength k (offset 0: blocks of 2^(16-k) ports)
     * \param lease lease time
     */
    DhcpLan(uint32_t n, const std::vector<Ipv4Address>& pool, uint8_t psidLength, Time lease)
    {
        router = CreateObject<Node>();
        hosts.Create(n);
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        stack.Install(router);
        PeArpStackHelper().Install(hosts);
        NetDeviceContainer links =
            CsmaHelper().Install(NodeContainer(NodeContainer(router), hosts));
        PeArpHelper peArp;
        peArp.Assign(peArp.Install(links.Get(0)),
                     Ipv4InterfaceAddress("198.108.63.1", "255.255.255.0"));
        server = CreateObject<PeArpDhcpServer>();
        server->SetAttribute("LeaseTime", TimeValue(lease));
        server->SetAttribute("ServerIdentifier", Ipv4AddressValue("198.108.63.1"));
        server->SetPool(pool, Ipv4Mask("255.255.255.0"), "198.108.63.1", 0, psidLength);
        router->AddApplication(server);
        server->SetStartTime(Seconds(0));
        for (uint32_t i = 0; i < n; i++)
        {
            Ptr<PeArpDhcpClient> client = CreateObject<PeArpDhcpClient>();
            client->SetDevice(peArp.Install(links.Get(i + 1)));
            client->AssignStreams(50 + i);
            hosts.Get(i)->AddApplication(client);
            client->SetStartTime(Seconds(1 + 0.1 * i));
            clients.push_back(client);
        }
    }

    Ptr<Node> router;                          //!< router and server
    NodeContainer hosts;                       //!< hosts
    Ptr<PeArpDhcpServer> server;               //!< the server
    std::vector<Ptr<PeArpDhcpClient>> clients; //!< one per host
};

/**
 * \ingroup pe-arp-tests
 * More hosts than fit on one address: with one address the surplus host is
 * refused (NAK, counted); with two, it gets the second address.
 */
class PeArpDhcpPoolTestCase : public TestCase
{
  public:
    PeArpDhcpPoolTestCase()
        : TestCase("DHCP: a full pool answers NAK; a second address takes the surplus host")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        {
            // k = 2: blocks of 16384; PSID 0 minus the well-known ports is
            // still a set, so 4 hosts fit on an address.
            DhcpLan lan(5, {"198.108.63.2"}, 2, Seconds(600));
            Simulator::Stop(Seconds(10));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(lan.server->GetPoolSize(), 4, "4 sets per address");
            uint32_t bound = 0;
            for (const auto& c : lan.clients)
            {
                bound += c->GetState() == PeArpDhcpClient::BOUND ? 1 : 0;
            }
            NS_TEST_EXPECT_MSG_EQ(bound, 4, "four hosts bound");
            NS_TEST_EXPECT_MSG_EQ((lan.clients[4]->GetState() == PeArpDhcpClient::BOUND),
                                  false,
                                  "the fifth is refused");
            NS_TEST_EXPECT_MSG_GT(lan.clients[4]->GetNaks(), 0, "with a NAK");
            NS_TEST_EXPECT_MSG_GT(lan.server->GetCounters().poolFull, 0, "counted");
            NS_TEST_EXPECT_MSG_EQ(lan.clients[0]->GetPortSet().ToString(), "1024-16383", "PSID 0");
            NS_TEST_EXPECT_MSG_EQ(lan.clients[3]->GetPortSet().ToString(), "49152-65535", "PSID 3");
            Simulator::Destroy();
        }
        {
            DhcpLan lan(5, {"198.108.63.2", "198.108.63.3"}, 2, Seconds(600));
            Ptr<Socket> sink =
                Socket::CreateSocket(lan.hosts.Get(4), UdpSocketFactory::GetTypeId());
            uint32_t received = 0;
            sink->SetRecvCallback(Callback<void, Ptr<Socket>>([&received](Ptr<Socket> s) {
                while (Ptr<Packet> p = s->Recv())
                {
                    received += p->GetSize();
                }
            }));
            int bound = -1;
            Simulator::Schedule(Seconds(8), [&]() {
                bound = sink->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2000));
            });
            SharedAddressTopology::SendUdp(lan.router, Seconds(9), "198.108.63.3", 2000, 1, 77);
            Simulator::Stop(Seconds(10));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ((lan.clients[4]->GetState() == PeArpDhcpClient::BOUND),
                                  true,
                                  "the fifth host is bound");
            NS_TEST_EXPECT_MSG_EQ(lan.clients[4]->GetAddress(),
                                  Ipv4Address("198.108.63.3"),
                                  "to the second address");
            NS_TEST_EXPECT_MSG_EQ(lan.clients[4]->GetPortSet().ToString(), "1024-16383", "PSID 0");
            NS_TEST_EXPECT_MSG_EQ(bound, 0, "it can bind a port of its set");
            NS_TEST_EXPECT_MSG_EQ(received, 77, "and traffic to it arrives");
            NS_TEST_EXPECT_MSG_EQ(lan.server->GetCounters().naks, 0, "no NAK");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * Renewal keeps the lease; release and expiry return it to the pool.
 */
class PeArpDhcpLeaseTestCase : public TestCase
{
  public:
    PeArpDhcpLeaseTestCase()
        : TestCase("DHCP: renewal keeps the set; an expired lease returns to the pool")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        // k = 1: two sets per address, PSID 0 = 1024-32767, PSID 1 = 32768-65535.
        DhcpLan lan(4, {"198.108.63.2"}, 1, Seconds(20));
        Ptr<PeArpDhcpClient> a = lan.clients[0];
        Ptr<PeArpDhcpClient> b = lan.clients[1];
        Ptr<PeArpDhcpClient> c = lan.clients[2];
        Ptr<PeArpDhcpClient> d = lan.clients[3];
        // A keeps renewing; B stops at 5 s without releasing (its lease
        // expires at about 21 s); C starts at 3 s (pool full: NAK), D at 24 s.
        b->SetAttribute("ReleaseOnStop", BooleanValue(false));
        b->SetStopTime(Seconds(5));
        c->SetStartTime(Seconds(3));
        c->SetStopTime(Seconds(12));
        d->SetStartTime(Seconds(24));
        std::string beforeA;
        Simulator::Schedule(Seconds(4), [&]() { beforeA = a->GetPortSet().ToString(); });
        Simulator::Stop(Seconds(45));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(beforeA, "1024-32767", "A got PSID 0");
        NS_TEST_EXPECT_MSG_EQ(a->GetPortSet().ToString(), beforeA, "A keeps it through renewals");
        NS_TEST_EXPECT_MSG_EQ(a->GetRenewals(), 4, "renewed at T1 = 10 s: 11, 21, 31, 41 s");
        NS_TEST_EXPECT_MSG_EQ(a->GetLeases(), 1, "one lease");
        NS_TEST_EXPECT_MSG_GT(c->GetNaks(), 0, "C was refused while B held PSID 1");
        NS_TEST_EXPECT_MSG_EQ((d->GetState() == PeArpDhcpClient::BOUND), true, "D is bound");
        NS_TEST_EXPECT_MSG_EQ(d->GetPortSet().ToString(), "32768-65535", "to B's expired set");
    }
};

/**
 * \ingroup pe-arp-tests
 * A released lease returns to the pool at once.
 */
class PeArpDhcpReleaseTestCase : public TestCase
{
  public:
    PeArpDhcpReleaseTestCase()
        : TestCase("DHCP: a released lease is leased again at once")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        // Two sets per address, a long lease: only a RELEASE frees a set.
        DhcpLan lan(3, {"198.108.63.2"}, 1, Seconds(600));
        Ptr<PeArpDhcpClient> a = lan.clients[0];
        Ptr<PeArpDhcpClient> c = lan.clients[2];
        a->SetStopTime(Seconds(5)); // ReleaseOnStop is true by default
        c->SetStartTime(Seconds(6));
        Simulator::Stop(Seconds(10));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(lan.server->GetCounters().releases, 1, "A released its lease");
        NS_TEST_EXPECT_MSG_EQ(a->GetAddress(), Ipv4Address::GetAny(), "and unconfigured it");
        NS_TEST_EXPECT_MSG_EQ((c->GetState() == PeArpDhcpClient::BOUND), true, "C is bound");
        NS_TEST_EXPECT_MSG_EQ(c->GetPortSet().ToString(), "1024-32767", "to A's released set");
        NS_TEST_EXPECT_MSG_EQ(c->GetNaks(), 0, "without being refused");
    }
};

/**
 * \ingroup pe-arp-tests
 * A lease the server stops renewing runs out: the client gives up the
 * address and port set (RFC 2131 section 4.4.5) and starts over.
 */
class PeArpDhcpExpiryTestCase : public TestCase
{
  public:
    PeArpDhcpExpiryTestCase()
        : TestCase("DHCP: a client gives up a lease that was not renewed")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        DhcpLan lan(1, {"198.108.63.2"}, 1, Seconds(20));
        lan.server->SetStopTime(Seconds(5));
        bool boundAt10 = false;
        Simulator::Schedule(Seconds(10), [&]() {
            boundAt10 = lan.clients[0]->GetState() == PeArpDhcpClient::RENEWING ||
                        lan.clients[0]->GetState() == PeArpDhcpClient::BOUND;
        });
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        Ptr<PeArpDhcpClient> client = lan.clients[0];
        NS_TEST_EXPECT_MSG_EQ(boundAt10, true, "the lease held until it ran out");
        NS_TEST_EXPECT_MSG_EQ(client->GetExpiries(), 1, "then it ran out once");
        NS_TEST_EXPECT_MSG_EQ(client->GetAddress(), Ipv4Address::GetAny(), "address given up");
        NS_TEST_EXPECT_MSG_EQ(client->GetPortSet().IsEmpty(), true, "ports given up");
        NS_TEST_EXPECT_MSG_EQ((client->GetState() == PeArpDhcpClient::SELECTING),
                              true,
                              "and it looks for a server again");
    }
};

/**
 * \ingroup pe-arp-tests
 * The server drops and counts malformed datagrams.
 */
class PeArpDhcpServerMalformedTestCase : public TestCase
{
  public:
    PeArpDhcpServerMalformedTestCase()
        : TestCase("DHCP: the server drops and counts malformed datagrams")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        DhcpLan lan(1, {"198.108.63.2"}, 1, Seconds(60));
        Ptr<Socket> raw = Socket::CreateSocket(lan.router, UdpSocketFactory::GetTypeId());
        Simulator::Schedule(Seconds(5), [raw]() {
            raw->SendTo(PacketFromBytes({1, 2, 3}), 0, InetSocketAddress("198.108.63.1", 67));
            std::vector<uint8_t> bad = Bootp(1);
            bad[239] = 0; // no cookie
            raw->SendTo(PacketFromBytes(bad), 0, InetSocketAddress("198.108.63.1", 67));
        });
        Simulator::Stop(Seconds(8));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(lan.server->GetCounters().malformed, 2, "two malformed datagrams");
        NS_TEST_EXPECT_MSG_EQ((lan.clients[0]->GetState() == PeArpDhcpClient::BOUND),
                              true,
                              "the real client is unaffected");
    }
};

/**
 * \ingroup pe-arp-tests
 * The DHCP suite.
 */
class PeArpDhcpTestSuite : public TestSuite
{
  public:
    PeArpDhcpTestSuite()
        : TestSuite("pe-arp-dhcp", SYSTEM)
    {
        AddTestCase(new PeArpDhcpHeaderTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpMalformedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpPoolTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpLeaseTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpReleaseTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpExpiryTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDhcpServerMalformedTestCase, TestCase::QUICK);
    }
};

static PeArpDhcpTestSuite g_peArpDhcpTestSuite; //!< Static variable for test initialization
