/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * The comparison harness (PeArpComparison) and the embedded-address
 * application: the PORT command from RFC 959 by hand, the server's handling
 * of malformed commands, and every system on the same small site with exact
 * outcomes.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-comparison.h"
#include "ns3/pe-arp-embedded-address-client.h"
#include "ns3/pe-arp-embedded-address-server.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::tests;

namespace
{

/**
 * \param result a run's results
 * \param kind a flow kind
 * \return complete flows of that kind, and all of them
 */
std::pair<uint32_t, uint32_t>
Flows(const PeArpComparison::Result& result, const std::string& kind)
{
    uint32_t complete = 0;
    uint32_t all = 0;
    for (const auto& f : result.flows)
    {
        if (f.kind == kind)
        {
            all++;
            complete += f.complete ? 1 : 0;
        }
    }
    return {complete, all};
}

/**
 * Run one system on the small site of these tests.
 * \param system the system
 * \return the results
 */
PeArpComparison::Result
RunSystem(PeArpComparison::System system)
{
    PeArpComparison::Config c;
    c.system = system;
    c.hosts = 2;
    c.portsPerHost = 100;
    c.inboundBytes = 20000;
    c.outboundBytes = 20000;
    c.localBytes = 10000;
    c.echoes = 2;
    c.pings = 2;
    c.embeddedBytes = 5000;
    c.stop = 10;
    PeArpComparison comparison(c);
    comparison.Build();
    Simulator::Stop(comparison.GetStopTime());
    Simulator::Run();
    PeArpComparison::Result r = comparison.Collect();
    Simulator::Destroy();
    return r;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * The PORT command of RFC 959 section 4.1.2: "PORT h1,h2,h3,h4,p1,p2", the
 * port being p1 * 256 + p2. Vectors written by hand.
 */
class PeArpPortCommandTestCase : public TestCase
{
  public:
    PeArpPortCommandTestCase()
        : TestCase("the PORT command: hand-written vectors, and every malformed form refused")
    {
    }

  private:
    void DoRun() override
    {
        // 2000 = 7 * 256 + 208
        NS_TEST_EXPECT_MSG_EQ(
            PeArpEmbeddedAddressServer::FormatPort(Ipv4Address("203.0.113.2"), 2000),
            std::string("PORT 203,0,113,2,7,208\r\n"),
            "format");
        auto p = PeArpEmbeddedAddressServer::ParsePort("PORT 203,0,113,2,7,208");
        NS_TEST_ASSERT_MSG_EQ(p.has_value(), true, "parsed");
        NS_TEST_EXPECT_MSG_EQ(p->first, Ipv4Address("203.0.113.2"), "address");
        NS_TEST_EXPECT_MSG_EQ(p->second, 2000, "port");
        // 10.0.0.10:65535 = 255 * 256 + 255
        p = PeArpEmbeddedAddressServer::ParsePort("PORT 10,0,0,10,255,255");
        NS_TEST_ASSERT_MSG_EQ(p.has_value(), true, "parsed");
        NS_TEST_EXPECT_MSG_EQ(p->first, Ipv4Address("10.0.0.10"), "private address");
        NS_TEST_EXPECT_MSG_EQ(p->second, 65535, "port 65535");

        for (const char* bad : {"",
                                "PORT",
                                "PORT ",
                                "port 1,2,3,4,5,6",
                                "PORT 1,2,3,4,5",
                                "PORT 1,2,3,4,5,6,7",
                                "PORT 1,,3,4,5,6",
                                "PORT 256,0,0,1,1,1",
                                "PORT 1234,2,3,4,5,6",
                                "PORT 1,2,3,4,0,0",
                                "PORT 1,2,3,4,5,6 ",
                                "PORT -1,2,3,4,5,6",
                                "LIST"})
        {
            NS_TEST_EXPECT_MSG_EQ(PeArpEmbeddedAddressServer::ParsePort(bad).has_value(),
                                  false,
                                  "'" << bad << "' is refused");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The embedded-address server over real TCP: a good command gets its bytes
 * back, malformed and overlong lines are counted and their connection
 * closed, and a command naming an unreachable address counts a failure.
 */
class PeArpEmbeddedAddressTestCase : public TestCase
{
  public:
    PeArpEmbeddedAddressTestCase()
        : TestCase("the embedded-address server: delivery, malformed lines, unreachable addresses")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        NodeContainer nodes;
        nodes.Create(2);
        InternetStackHelper().Install(nodes);
        PointToPointHelper p2p;
        NetDeviceContainer devices = p2p.Install(nodes);
        Ipv4AddressHelper addresses("192.0.2.0", "255.255.255.0");
        Ipv4InterfaceContainer ifs = addresses.Assign(devices);

        Ptr<PeArpEmbeddedAddressServer> server = CreateObject<PeArpEmbeddedAddressServer>();
        server->SetAttribute("DataBytes", UintegerValue(3000));
        nodes.Get(1)->AddApplication(server);
        Ptr<PeArpEmbeddedAddressClient> client = CreateObject<PeArpEmbeddedAddressClient>();
        client->SetAttribute("Remote", AddressValue(InetSocketAddress(ifs.GetAddress(1), 21)));
        client->SetAttribute("ExpectedBytes", UintegerValue(3000));
        nodes.Get(0)->AddApplication(client);
        client->SetStartTime(Seconds(1));

        // Raw control connections with bad lines.
        std::vector<std::string> lines = {"PORT 1,2,3\r\n",
                                          std::string(200, 'A'),
                                          "PORT 198,51,100,7,7,208\r\n"}; // not routed
        std::vector<Ptr<Socket>> raw;
        for (size_t k = 0; k < lines.size(); ++k)
        {
            Ptr<Socket> s = Socket::CreateSocket(nodes.Get(0), TcpSocketFactory::GetTypeId());
            std::string line = lines[k];
            s->SetConnectCallback(
                Callback<void, Ptr<Socket>>([line](Ptr<Socket> c) {
                    c->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(line.data()),
                                           static_cast<uint32_t>(line.size())));
                }),
                MakeNullCallback<void, Ptr<Socket>>());
            Simulator::Schedule(Seconds(2 + k), [s, ifs]() {
                s->Bind();
                s->Connect(InetSocketAddress(ifs.GetAddress(1), 21));
            });
            raw.push_back(s);
        }
        Simulator::Stop(Seconds(10));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(client->GetOutcome(),
                              PeArpEmbeddedAddressClient::SUCCEEDED,
                              "the client got its bytes back");
        NS_TEST_EXPECT_MSG_EQ(client->GetReceivedBytes(), 3000, "all 3000");
        NS_TEST_EXPECT_MSG_EQ(client->GetAnnouncedAddress(),
                              ifs.GetAddress(0),
                              "it announced its control connection's address");
        NS_TEST_EXPECT_MSG_GT(client->GetAnnouncedPort(), 0, "and its listener's port");
        const auto& c = server->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.commands, 2, "two well-formed commands");
        NS_TEST_EXPECT_MSG_EQ(c.malformed, 2, "a short command and an overlong line");
        NS_TEST_EXPECT_MSG_EQ(c.connectsAttempted, 2, "two connections back");
        NS_TEST_EXPECT_MSG_EQ(c.connectsSucceeded, 1, "the client's");
        NS_TEST_EXPECT_MSG_EQ(c.connectsFailed, 1, "198.51.100.7 is not routed");
        NS_TEST_EXPECT_MSG_EQ(c.bytesSent, 3000, "3000 bytes sent");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Impossible configurations are refused with the field's name.
 */
class PeArpComparisonValidateTestCase : public TestCase
{
  public:
    PeArpComparisonValidateTestCase()
        : TestCase("PeArpComparison::Validate names the bad field")
    {
    }

  private:
    void DoRun() override
    {
        auto check = [this](const std::function<void(PeArpComparison::Config&)>& change,
                            const std::string& field) {
            PeArpComparison::Config c;
            change(c);
            std::string why = PeArpComparison(c).Validate();
            NS_TEST_EXPECT_MSG_NE(why.find(field),
                                  std::string::npos,
                                  "'" << why << "' names " << field);
        };
        NS_TEST_EXPECT_MSG_EQ(PeArpComparison(PeArpComparison::Config()).Validate(),
                              "",
                              "the defaults are valid");
        check([](auto& c) { c.hosts = 0; }, "hosts");
        check([](auto& c) { c.hosts = 201; }, "hosts");
        check([](auto& c) { c.portsPerHost = 1; }, "portsPerHost");
        check([](auto& c) { c.firstPort = 80; }, "firstPort");
        check(
            [](auto& c) {
                c.hosts = 100;
                c.portsPerHost = 700;
            },
            "firstPort + hosts x portsPerHost");
        check([](auto& c) { c.stop = 0; }, "stop");
        check([](auto& c) { c.switchLookup = "FAST"; }, "switchLookup");
        check([](auto& c) { c.natPerPacket = MicroSeconds(-1); }, "natPerPacket");
    }
};

/**
 * \ingroup pe-arp-tests
 * Every system on the same two-host site. What each must show follows from
 * the systems themselves: everything arrives with one public address per
 * host and with PE-ARP, with no header rewritten; NAPT delivers the flows
 * (inbound by its static rules, inside the site by hairpinning) but the
 * embedded private address cannot be reached; the flow switch delivers
 * everything but the traffic inside the site (the shared address is the
 * guest's own); ReSoA delivers everything through its server, pings aside
 * (it exports TCP and UDP only), and its clients' sockets have the server's
 * public address, which is what they announce.
 */
class PeArpComparisonSystemsTestCase : public TestCase
{
  public:
    PeArpComparisonSystemsTestCase()
        : TestCase("the same site and traffic under every system")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        using S = PeArpComparison;
        for (S::System system : S::GetSystems())
        {
            std::string name = S::GetSystemName(system);
            S::Result r = RunSystem(system);
            NS_TEST_EXPECT_MSG_EQ(Flows(r, "inbound").first, 2U, name << ": inbound");
            NS_TEST_EXPECT_MSG_EQ(Flows(r, "outbound").first, 2U, name << ": outbound");
            NS_TEST_EXPECT_MSG_EQ(r.echoReplies, 4U, name << ": every UDP echo");
            NS_TEST_EXPECT_MSG_EQ(r.echoesSent, 4U, name << ": four echoes sent");
            bool isResoa = system == S::RESOA;
            NS_TEST_EXPECT_MSG_EQ(r.pingReplies,
                                  (isResoa ? 0U : 4U),
                                  name << ": every ping (ReSoA exports TCP and UDP only)");
            NS_TEST_EXPECT_MSG_EQ(r.pingsSent, (isResoa ? 0U : 4U), name << ": pings sent");
            bool isSwitch = system == S::FLOW_SWITCH || system == S::FLOW_SWITCH_EBTABLES;
            NS_TEST_EXPECT_MSG_EQ(Flows(r, "local").first,
                                  (isSwitch ? 0U : 2U),
                                  name << ": inside the site");
            NS_TEST_EXPECT_MSG_EQ(Flows(r, "local").second, 2U, name << ": two local flows");
            NS_TEST_EXPECT_MSG_EQ(r.embeddedOk,
                                  (system == S::NAPT ? 0U : 2U),
                                  name << ": the embedded address");
            for (const auto& h : r.hosts)
            {
                NS_TEST_EXPECT_MSG_EQ(h.announcedAddress,
                                      h.address,
                                      name << ": a host announces the address its stack has");
            }
            if (system == S::NAPT)
            {
                NS_TEST_EXPECT_MSG_EQ(r.hosts[0].address, Ipv4Address("10.0.0.10"), "private");
                NS_TEST_EXPECT_MSG_GT(r.rewrittenL3, 0, "NAPT rewrites headers");
                NS_TEST_EXPECT_MSG_EQ((r.counters["NAT hairpinned"] > 0), true, "hairpinning");
                NS_TEST_EXPECT_MSG_EQ((r.counters["NAT static-rule hits"] > 0),
                                      true,
                                      "static rules");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(r.rewrittenL3, 0, name << ": no header rewritten");
            }
            if (isResoa)
            {
                NS_TEST_EXPECT_MSG_EQ(r.hosts[0].address,
                                      Ipv4Address("198.51.100.1"),
                                      "a client's sockets have the server's public address");
                NS_TEST_EXPECT_MSG_EQ(r.arpFrames, 0, "clients have no IPv4: no ARP on the LAN");
                NS_TEST_EXPECT_MSG_GT(r.lhpFrames, 0, "their traffic is LHP");
                NS_TEST_EXPECT_MSG_EQ(r.counters["ReSoA clients registered"], 2, "two clients");
                NS_TEST_EXPECT_MSG_EQ(r.counters["LHP retransmissions"], 0, "a quiet LAN");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(r.lhpFrames, 0, name << ": no LHP");
            }
            if (system == S::PE_ARP_ROUTER)
            {
                NS_TEST_EXPECT_MSG_EQ(r.stateEnd, 2, "the router holds one entry per host range");
            }
            if (system == S::FLOW_SWITCH_EBTABLES)
            {
                NS_TEST_EXPECT_MSG_GT(r.rewrittenL2, 0, "ebtables rewrites MAC addresses");
            }
            if (system == S::FLOW_SWITCH)
            {
                NS_TEST_EXPECT_MSG_EQ(r.rewrittenL2, 0, "OVS mode: guests have the host's MAC");
            }
            NS_TEST_EXPECT_MSG_GT(r.events, 0, name << ": events counted");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The same configuration gives the same results.
 */
class PeArpComparisonRepeatTestCase : public TestCase
{
  public:
    PeArpComparisonRepeatTestCase()
        : TestCase("the same configuration gives the same results")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpComparison::Result a = RunSystem(PeArpComparison::NAPT);
        PeArpComparison::Result b = RunSystem(PeArpComparison::NAPT);
        NS_TEST_EXPECT_MSG_EQ(a.events, b.events, "events");
        NS_TEST_EXPECT_MSG_EQ(a.goodputSumBps, b.goodputSumBps, "goodput");
        NS_TEST_EXPECT_MSG_EQ(a.arpFrames, b.arpFrames, "ARP frames");
        NS_TEST_EXPECT_MSG_EQ(a.rewrittenL3, b.rewrittenL3, "rewrites");
        NS_TEST_EXPECT_MSG_EQ(a.statePeak, b.statePeak, "state");
    }
};

/**
 * \ingroup pe-arp-tests
 * The comparison harness suite.
 */
class PeArpCompareTestSuite : public TestSuite
{
  public:
    PeArpCompareTestSuite()
        : TestSuite("pe-arp-compare", UNIT)
    {
        AddTestCase(new PeArpPortCommandTestCase, TestCase::QUICK);
        AddTestCase(new PeArpEmbeddedAddressTestCase, TestCase::QUICK);
        AddTestCase(new PeArpComparisonValidateTestCase, TestCase::QUICK);
        AddTestCase(new PeArpComparisonSystemsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpComparisonRepeatTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static PeArpCompareTestSuite g_peArpCompareTestSuite;
