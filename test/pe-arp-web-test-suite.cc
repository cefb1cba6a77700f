/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Tests of the web-like workload: exact object counts, ports held through
 * TIME_WAIT (Little's law), exhaustion of a PE-ARP host's port set counted
 * exactly, a stock host that never runs out, and bad requests.
 */

#include "ns3/application-container.h"
#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-topology-helper.h"
#include "ns3/pe-arp-topology.h"
#include "ns3/pe-arp-web-client.h"
#include "ns3/pe-arp-web-server.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;

namespace
{

/** The client and server of one run. */
struct WebRun
{
    Ptr<PeArpWebClient> client; //!< on host 0
    Ptr<PeArpWebServer> server; //!< on server 0
};

/**
 * Build a router with one site of one host and one server, and the
 * workload on them.
 * \param helper receives the network (kept alive by the caller)
 * \param resolver the site's resolver
 * \param ports ports of the host (PE-ARP)
 * \param msl TCP's maximum segment lifetime (s): TIME_WAIT is twice it
 * \param objects objects per page (pages every second)
 * \param size object size
 * \param concurrent connections at once
 * \return the applications
 */
WebRun
Build(std::unique_ptr<PeArpTopologyHelper>& helper,
      PeArpTopology::Resolver resolver,
      uint32_t ports,
      double msl,
      uint32_t objects,
      uint32_t size,
      uint32_t concurrent)
{
    Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(msl));
    PeArpTopology t;
    uint32_t core = t.AddVertex(PeArpTopology::ROUTER);
    PeArpTopology::Lan site;
    site.hosts = 1;
    site.resolver = resolver;
    site.portsPerHost = ports;
    PeArpTopology::Lan farm;
    farm.hosts = 1;
    t.AddLink(core, t.AddVertex(PeArpTopology::SITE, site));
    t.AddLink(core, t.AddVertex(PeArpTopology::INTERNET, farm));
    PeArpTopologyHelper::Config config;
    config.traffic = false;
    helper = std::make_unique<PeArpTopologyHelper>(t, config);
    helper->Build();

    WebRun run;
    run.server = CreateObject<PeArpWebServer>();
    helper->GetServers().Get(0)->AddApplication(run.server);
    run.server->SetStartTime(Seconds(0));
    Ipv4Address server =
        helper->GetServers().Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    run.client = CreateObject<PeArpWebClient>();
    run.client->SetAttribute("Remote", AddressValue(InetSocketAddress(server, 80)));
    run.client->SetAttribute("PageInterval",
                             StringValue("ns3::ConstantRandomVariable[Constant=1.0]"));
    run.client->SetAttribute(
        "ObjectsPerPage",
        StringValue("ns3::ConstantRandomVariable[Constant=" + std::to_string(objects) + "]"));
    run.client->SetAttribute(
        "ObjectSize",
        StringValue("ns3::ConstantRandomVariable[Constant=" + std::to_string(size) + "]"));
    run.client->SetAttribute("MaxConcurrent", UintegerValue(concurrent));
    helper->GetHosts().Get(0)->AddApplication(run.client);
    run.client->SetStartTime(Seconds(0));
    run.client->SetStopTime(Seconds(10.5));
    return run;
}

/** Restore TCP's default MSL. */
void
RestoreMsl()
{
    Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(120));
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Ten pages of five 3,000-byte objects arrive whole; with TIME_WAIT of 2 s
 * the ports in use follow Little's law: objects per second times the time a
 * port is held (connection plus TIME_WAIT).
 */
class PeArpWebDeliveryTestCase : public TestCase
{
  public:
    PeArpWebDeliveryTestCase()
        : TestCase("Every object arrives; ports in use follow Little's law")
    {
    }

  private:
    void DoRun() override
    {
        std::unique_ptr<PeArpTopologyHelper> helper;
        WebRun run = Build(helper, PeArpTopology::PE_ARP, 100, 1.0, 5, 3000, 2);
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        // Pages at 1, 2, ..., 10 s: 50 objects.
        NS_TEST_EXPECT_MSG_EQ(run.client->GetAttempts(), 50, "attempts");
        NS_TEST_EXPECT_MSG_EQ(run.client->GetCompleted(), 50, "objects");
        NS_TEST_EXPECT_MSG_EQ(run.client->GetBytesReceived(), 50 * 3000, "bytes");
        NS_TEST_EXPECT_MSG_EQ(run.client->GetExhausted(), 0, "no exhaustion");
        NS_TEST_EXPECT_MSG_EQ(run.client->GetFailed(), 0, "no failure");
        NS_TEST_EXPECT_MSG_EQ(run.server->GetAccepted(), 50, "server accepted");
        NS_TEST_EXPECT_MSG_EQ(run.server->GetServed(), 50, "server served");
        NS_TEST_EXPECT_MSG_EQ(run.client->GetPortsInUse(), 0, "every port free after TIME_WAIT");
        // Little's law over the whole run: mean ports = arrivals x holding time / span.
        double holding = run.client->GetMeanConnectionTime() + 2.0;
        double expected = 50 * holding / 30.0;
        NS_TEST_EXPECT_MSG_EQ_TOL(run.client->GetMeanPortsInUse(),
                                  expected,
                                  0.02 * expected,
                                  "Little's law");
        // A page's 5 objects over 2 connections, each port held 2 s after
        // its close: the ports of two pages at most overlap.
        NS_TEST_EXPECT_MSG_GT_OR_EQ(run.client->GetPeakPortsInUse(), 5, "peak at least a page");
        NS_TEST_EXPECT_MSG_LT_OR_EQ(run.client->GetPeakPortsInUse(),
                                    15,
                                    "peak at most three pages");
        Simulator::Destroy();
        RestoreMsl();
    }
};

/**
 * \ingroup pe-arp-tests
 * A PE-ARP host with 8 ports and a TIME_WAIT of 20 s: its first 8
 * connections succeed, every later one in the 10 s finds no free port; a
 * stock host with the same workload never runs out.
 */
class PeArpWebExhaustionTestCase : public TestCase
{
  public:
    /** \param resolver the host's resolver */
    explicit PeArpWebExhaustionTestCase(PeArpTopology::Resolver resolver)
        : TestCase(resolver == PeArpTopology::PE_ARP
                       ? "An exhausted port set refuses connections, counted exactly"
                       : "A stock host does not run out"),
          m_resolver(resolver),
          m_traced(0)
    {
    }

  private:
    /**
     * Count an exhaustion.
     * \param pending objects still waiting
     */
    void Exhausted(uint32_t pending)
    {
        m_traced++;
    }

    void DoRun() override
    {
        std::unique_ptr<PeArpTopologyHelper> helper;
        WebRun run = Build(helper, m_resolver, 8, 10.0, 5, 1000, 6);
        run.client->TraceConnectWithoutContext(
            "Exhausted",
            MakeCallback(&PeArpWebExhaustionTestCase::Exhausted, this));
        Simulator::Stop(Seconds(12));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(run.client->GetAttempts(), 50, "attempts");
        if (m_resolver == PeArpTopology::PE_ARP)
        {
            NS_TEST_EXPECT_MSG_EQ(run.client->GetCompleted(), 8, "one object per port");
            NS_TEST_EXPECT_MSG_EQ(run.client->GetExhausted(), 42, "the rest find no port");
            NS_TEST_EXPECT_MSG_EQ(m_traced, 42, "each traced");
            NS_TEST_EXPECT_MSG_EQ(run.client->GetPeakPortsInUse(), 8, "every port in use");
            NS_TEST_EXPECT_MSG_EQ(run.client->GetPortsInUse(), 8, "still in TIME_WAIT");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(run.client->GetCompleted(), 50, "every object");
            NS_TEST_EXPECT_MSG_EQ(run.client->GetExhausted(), 0, "no exhaustion");
            NS_TEST_EXPECT_MSG_EQ(run.client->GetPeakPortsInUse(), 50, "a port per object");
        }
        NS_TEST_EXPECT_MSG_EQ(run.client->GetFailed(), 0, "no other failure");
        Simulator::Destroy();
        RestoreMsl();
    }

    PeArpTopology::Resolver m_resolver; //!< the host's resolver
    uint32_t m_traced;                  //!< exhaustions traced
};

/**
 * \ingroup pe-arp-tests
 * A request that does not start with "GET " is counted and its connection
 * closed; nothing is sent back.
 */
class PeArpWebBadRequestTestCase : public TestCase
{
  public:
    PeArpWebBadRequestTestCase()
        : TestCase("A bad request is counted and refused")
    {
    }

  private:
    void DoRun() override
    {
        std::unique_ptr<PeArpTopologyHelper> helper;
        WebRun run = Build(helper, PeArpTopology::STOCK, 100, 1.0, 1, 100, 1);
        run.client->SetStartTime(Seconds(100)); // only the raw socket below
        Ipv4Address server =
            helper->GetServers().Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
        Ptr<Socket> socket =
            Socket::CreateSocket(helper->GetHosts().Get(0), TcpSocketFactory::GetTypeId());
        uint32_t received = 0;
        socket->SetRecvCallback([&received](Ptr<Socket> s) {
            Ptr<Packet> p;
            while ((p = s->Recv()))
            {
                received += p->GetSize();
            }
        });
        socket->SetConnectCallback(
            [](Ptr<Socket> s) {
                uint8_t bad[8] = {'P', 'U', 'T', ' ', 0, 0, 1, 0};
                s->Send(Create<Packet>(bad, sizeof(bad)));
            },
            MakeNullCallback<void, Ptr<Socket>>());
        Simulator::Schedule(Seconds(1),
                            [socket, server]() { socket->Connect(InetSocketAddress(server, 80)); });
        Simulator::Stop(Seconds(5));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(run.server->GetAccepted(), 1, "accepted");
        NS_TEST_EXPECT_MSG_EQ(run.server->GetBadRequests(), 1, "counted");
        NS_TEST_EXPECT_MSG_EQ(run.server->GetServed(), 0, "nothing served");
        NS_TEST_EXPECT_MSG_EQ(received, 0, "nothing sent back");
        socket->Close();
        Simulator::Destroy();
        RestoreMsl();
    }
};

/**
 * \ingroup pe-arp-tests
 * Tests of the web-like workload.
 */
class PeArpWebTestSuite : public TestSuite
{
  public:
    PeArpWebTestSuite()
        : TestSuite("pe-arp-web", SYSTEM)
    {
        AddTestCase(new PeArpWebDeliveryTestCase, TestCase::QUICK);
        AddTestCase(new PeArpWebExhaustionTestCase(PeArpTopology::PE_ARP), TestCase::QUICK);
        AddTestCase(new PeArpWebExhaustionTestCase(PeArpTopology::STOCK), TestCase::QUICK);
        AddTestCase(new PeArpWebBadRequestTestCase, TestCase::QUICK);
    }
};

/// The web workload test suite.
static PeArpWebTestSuite g_peArpWebTestSuite;
