/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Tests of the scenario builder (parameter validation, hosts spread over
 * shared addresses) and of the statistics it feeds (exact deliveries and
 * ARP frames of the paper's Figure 4).
 */

#include "pe-arp-test-utilities.h"

#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-scenario.h"
#include "ns3/pe-arp-statistics.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

/**
 * \ingroup pe-arp-tests
 * Every impossible configuration is refused with a message that names the
 * parameter; a valid one is accepted.
 */
class PeArpScenarioValidateTestCase : public TestCase
{
  public:
    PeArpScenarioValidateTestCase()
        : TestCase("Validate names the wrong parameter")
    {
    }

  private:
    /**
     * \param config a configuration
     * \param parameter the parameter its error must name ("" if valid)
     */
    void Expect(const PeArpScenario::Config& config, const std::string& parameter)
    {
        std::string why = PeArpScenario(config).Validate();
        if (parameter.empty())
        {
            NS_TEST_EXPECT_MSG_EQ(why, "", "a valid configuration was refused");
        }
        else
        {
            NS_TEST_EXPECT_MSG_NE(why.find(parameter),
                                  std::string::npos,
                                  "error \"" << why << "\" does not name " << parameter);
        }
    }

    void DoRun() override
    {
        PeArpScenario::Config ok;
        Expect(ok, "");
        PeArpScenario::Config c = ok;
        c.sites = 0;
        Expect(c, "sites");
        c = ok;
        c.hostsPerSite = 0;
        Expect(c, "hostsPerSite");
        c = ok;
        c.sharedIps = 4; // more addresses than the 3 hosts
        Expect(c, "sharedIps");
        c = ok;
        c.sharedIps = 0;
        Expect(c, "sharedIps");
        c = ok;
        c.spread = -1;
        Expect(c, "spread");
        c = ok;
        c.start = -0.5;
        Expect(c, "start");
        c = ok;
        c.drain = 0;
        Expect(c, "drain");
        c = ok;
        c.tcpBytes = 0; // BulkSend's "unlimited"
        Expect(c, "tcpBytes");
        c = ok;
        c.sites = 16777216; // 2^24 sites x 3 hosts: overflowed 32 bits before
        Expect(c, "sites");
        c = ok;
        c.sites = 2000000; // 2,000,000 /24 LANs from 198.108.63.0 pass 224.0.0.0
        c.hostsPerSite = 1;
        Expect(c, "224.0.0.0");
        c = ok;
        c.portsPerHost = 30000; // 3 x 30,000 ports from 2000 > 65535
        Expect(c, "portsPerHost");
        c = ok;
        c.firstPort = 0;
        Expect(c, "firstPort");
        c = ok;
        c.firstPort = 70000;
        Expect(c, "firstPort");
        c = ok;
        c.lanBase = Ipv4Address("10.1.0.0"); // the core links use 10.0.0.0/8
        Expect(c, "lanBase");
    }
};

/**
 * \ingroup pe-arp-tests
 * Hosts are spread over all declared shared addresses in blocks as even as
 * possible (5 hosts on 4 addresses: 2, 1, 1, 1), and each host's range
 * follows from its place among the hosts of its address.
 */
class PeArpScenarioAddressesTestCase : public TestCase
{
  public:
    PeArpScenarioAddressesTestCase()
        : TestCase("5 hosts on 4 shared addresses use all 4")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config;
        config.hostsPerSite = 5;
        config.sharedIps = 4;
        PeArpScenario scenario(config);
        scenario.Build();
        const char* expectedIp[] = {"198.108.63.2",
                                    "198.108.63.2",
                                    "198.108.63.3",
                                    "198.108.63.4",
                                    "198.108.63.5"};
        uint16_t expectedLow[] = {2000, 3000, 2000, 2000, 2000};
        std::set<uint32_t> used;
        for (uint32_t i = 0; i < 5; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostAddress(i),
                                  Ipv4Address(expectedIp[i]),
                                  "address of host " << i);
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostRange(i),
                                  PeArpPortRange(expectedLow[i], expectedLow[i] + 999),
                                  "range of host " << i);
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostServerPort(i),
                                  expectedLow[i],
                                  "server port of host " << i);
            used.insert(scenario.GetHostAddress(i).Get());
        }
        NS_TEST_EXPECT_MSG_EQ(used.size(), 4, "every declared address has a host");
    }
};

/**
 * \ingroup pe-arp-tests
 * The statistics of the paper's Figure 4 (3 hosts sharing one address):
 * every byte and echo arrives, and exactly 6 ARP frames are sent, a
 * PE-ARP request of the router per host range and each host's reply (the
 * hosts learn the router from its request, paper section III.B, so they
 * send no request of their own).
 */
class PeArpScenarioStatisticsTestCase : public TestCase
{
  public:
    /**
     * \param resolver the resolver
     * \param frames the ARP frames expected
     */
    PeArpScenarioStatisticsTestCase(PeArpScenario::Resolver resolver, uint64_t frames)
        : TestCase(std::string("Figure 4 statistics, ") +
                   (resolver == PeArpScenario::PE_ARP ? "PE-ARP" : "stock ARP")),
          m_resolver(resolver),
          m_frames(frames)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config;
        config.resolver = m_resolver;
        PeArpScenario scenario(config);
        scenario.Build();
        PeArpStatistics statistics(scenario, true);
        statistics.EnableSampling(MilliSeconds(500));
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        statistics.Collect();
        const PeArpStatistics::Totals& t = statistics.GetTotals();
        NS_TEST_EXPECT_MSG_EQ(t.expectedBytes, 3 * 10240, "bytes to send");
        NS_TEST_EXPECT_MSG_EQ(t.rxBytes, 3 * 10240, "bytes received");
        NS_TEST_EXPECT_MSG_EQ(t.echoReplies, 3, "echo replies");
        NS_TEST_EXPECT_MSG_EQ(t.expectedEchoReplies, 3, "echo replies expected");
        NS_TEST_EXPECT_MSG_EQ(t.wrongHostPackets, 0, "wrong-host packets");
        NS_TEST_EXPECT_MSG_EQ(t.drops, 0, "drops");
        NS_TEST_EXPECT_MSG_EQ(t.arpFrames, m_frames, "ARP frames");
        NS_TEST_EXPECT_MSG_EQ(t.AllDelivered(), true, "all delivered");
        NS_TEST_EXPECT_MSG_GT(t.events, 0, "events counted");
        NS_TEST_ASSERT_MSG_EQ(statistics.GetHostResults().size(), 3, "host rows");
        for (const auto& host : statistics.GetHostResults())
        {
            NS_TEST_EXPECT_MSG_EQ(host.rxBytes, 10240, "bytes of host " << host.host);
            NS_TEST_EXPECT_MSG_GT(host.goodputBps, 0, "goodput of host " << host.host);
            NS_TEST_EXPECT_MSG_GT(host.lastRxS, host.firstRxS, "reception span " << host.host);
        }
        // Per flow: 3 TCP data flows in, 3 ACK flows out, 3 UDP echoes
        // out and 3 replies in, each flow with a positive delay.
        const auto& flows = statistics.GetFlowResults();
        NS_TEST_EXPECT_MSG_EQ(flows.size(), 12, "flows seen by FlowMonitor");
        uint64_t tcpToHosts = 0;
        for (const auto& f : flows)
        {
            NS_TEST_EXPECT_MSG_GT(f.rxPackets, 0, "flow " << f.flowId << " delivered nothing");
            NS_TEST_EXPECT_MSG_GT(f.meanDelayS, 0, "flow " << f.flowId << " delay");
            NS_TEST_EXPECT_MSG_EQ(f.lostPackets, 0, "flow " << f.flowId << " lost packets");
            if (f.protocol == 6 && f.destinationPort == scenario.GetHostServerPort(0))
            {
                tcpToHosts++;
            }
        }
        NS_TEST_EXPECT_MSG_EQ(tcpToHosts, 1, "one TCP flow to host 0's server port");

        // Samples every 0.5 s up to the stop time (6 s): 12, the counts never
        // fall, and the last equals the totals.
        const auto& samples = statistics.GetSamples();
        NS_TEST_ASSERT_MSG_EQ(samples.size(), 12U, "samples at 0.5, 1.0, ... 6.0 s");
        for (size_t k = 0; k < samples.size(); k++)
        {
            NS_TEST_EXPECT_MSG_EQ_TOL(samples[k].timeS, 0.5 * (k + 1), 1e-9, "sample time");
            if (k > 0)
            {
                NS_TEST_EXPECT_MSG_GT_OR_EQ(samples[k].arpFrames,
                                            samples[k - 1].arpFrames,
                                            "ARP frames never fall");
                NS_TEST_EXPECT_MSG_GT_OR_EQ(samples[k].rxBytes,
                                            samples[k - 1].rxBytes,
                                            "bytes never fall");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(samples.back().arpFrames, t.arpFrames, "last sample: frames");
        NS_TEST_EXPECT_MSG_EQ(samples.back().rxBytes, t.rxBytes, "last sample: bytes");
        NS_TEST_EXPECT_MSG_EQ(samples.front().rxBytes, 0, "nothing before the first start");
        // Resolutions: PE-ARP, one per host (whoever speaks first asks, the
        // other learns from the request); the edge holds the three ranges.
        // Stock ARP has no such trace (and no PE-ARP edge).
        if (m_resolver == PeArpScenario::PE_ARP)
        {
            NS_TEST_EXPECT_MSG_EQ(statistics.GetResolutionLatencies().size(), 3U, "3");
            for (double latency : statistics.GetResolutionLatencies())
            {
                NS_TEST_EXPECT_MSG_GT(latency, 0, "a resolution takes time");
                NS_TEST_EXPECT_MSG_LT(latency, 0.1, "within a LAN round trip and the jitter");
            }
            NS_TEST_EXPECT_MSG_EQ(samples.back().edgeCacheEntries, 3U, "three ranges");
        }
        else
        {
            NS_TEST_EXPECT_MSG_EQ(statistics.GetResolutionLatencies().size(), 0U, "none");
        }
    }

    PeArpScenario::Resolver m_resolver; //!< resolver
    uint64_t m_frames;                  //!< expected ARP frames
};

/**
 * \ingroup pe-arp-tests
 * With MAP port sets (RFC 7597, PSID offset 6), 4 hosts on one address get
 * PSID length 2, so 2^8 contiguous ports per block: host p owns
 * A x 1024 + p x 256 + j for A in 1..63, j in 0..255 (computed by hand from
 * section 5.1). Every byte and echo arrives; a PSID offset that leaves too
 * few sets is refused, naming psidOffset.
 */
class PeArpScenarioMapTestCase : public TestCase
{
  public:
    PeArpScenarioMapTestCase()
        : TestCase("MAP port sets (RFC 7597) deliver, sets computed by hand")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config;
        config.hostsPerSite = 4;
        config.sharedIps = 1;
        config.psidOffset = 6;
        NS_TEST_ASSERT_MSG_EQ(PeArpScenario(config).Validate(), "", "MAP accepted");
        PeArpScenario scenario(config);
        scenario.Build();
        const uint16_t expectedLow[] = {1024, 1280, 1536, 1792};
        for (uint32_t i = 0; i < 4; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostRange(i),
                                  PeArpPortRange(expectedLow[i], expectedLow[i] + 255),
                                  "first block of host " << i);
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostServerPort(i),
                                  expectedLow[i],
                                  "server port of host " << i);
            Ptr<PeArpPortAgent> agent = scenario.GetHosts().Get(i)->GetObject<PeArpPortAgent>();
            std::optional<PeArpPortSet> set = agent->GetPortSet(Ipv4Address("198.108.63.2"));
            NS_TEST_ASSERT_MSG_EQ(set.has_value(), true, "host " << i << " has a set");
            NS_TEST_EXPECT_MSG_EQ(set->GetRanges().size(), 63, "63 blocks (A = 1..63)");
            NS_TEST_EXPECT_MSG_EQ(set->GetRanges().back(),
                                  PeArpPortRange(63 * 1024 + i * 256, 63 * 1024 + i * 256 + 255),
                                  "last block of host " << i);
        }
        PeArpStatistics statistics(scenario, false);
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        statistics.Collect();
        NS_TEST_EXPECT_MSG_EQ(statistics.GetTotals().AllDelivered(), true, "every byte and echo");

        // 16 hosts per address with offset 15: k = 4 > 16 - 15.
        config.hostsPerSite = 16;
        config.psidOffset = 15;
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("psidOffset"),
                              std::string::npos,
                              "too few sets names psidOffset");
        config.psidOffset = 16;
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("psidOffset=16"),
                              std::string::npos,
                              "offset out of range");
    }
};

/**
 * \ingroup pe-arp-tests
 * Port sets given at run time. DHCP: 2 sites of 5 hosts on 2 shared
 * addresses each, MAP sets with PSID offset 6; 3 hosts per address need
 * PSID length 2, so PSID p's first block is 1024 + 256 p .. + 255 (RFC 7597
 * section 5.1, by hand). Every host is leased one of those blocks before
 * the traffic starts, no (address, set) twice in a site, the server sends
 * exactly 5 ACKs and no NAK, and every byte and echo arrives. Self-assigned:
 * 4 hosts claim blocks of 1000 ports from 2000 (2000 + 1000 k .. + 999),
 * disjoint, before the traffic starts at 8 s, and every byte arrives. The
 * same seed gives the same sets and events in a second run.
 */
class PeArpScenarioProvisioningTestCase : public TestCase
{
  public:
    /** \param provisioning DHCP or SELF_ASSIGNED */
    explicit PeArpScenarioProvisioningTestCase(PeArpLanBuilder::Provisioning provisioning)
        : TestCase(provisioning == PeArpLanBuilder::DHCP
                       ? "DHCP-leased port sets deliver every byte"
                       : "self-assigned port sets deliver every byte"),
          m_provisioning(provisioning)
    {
    }

  private:
    /** What one run gave. */
    struct Outcome
    {
        std::vector<std::pair<Ipv4Address, PeArpPortRange>> hosts; //!< address and first block
        uint64_t events = 0;                                       //!< events
    };

    /** \return the configuration */
    PeArpScenario::Config Make() const
    {
        PeArpScenario::Config config;
        config.provisioning = m_provisioning;
        if (m_provisioning == PeArpLanBuilder::DHCP)
        {
            config.sites = 2;
            config.hostsPerSite = 5;
            config.sharedIps = 2;
            config.psidOffset = 6;
        }
        else
        {
            config.hostsPerSite = 4;
            config.start = 8;
        }
        return config;
    }

    /** \return one run's outcome, with its checks */
    Outcome RunOnce()
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config = Make();
        Outcome outcome;
        NS_TEST_EXPECT_MSG_EQ(PeArpScenario(config).Validate(), "", "accepted");
        if (!PeArpScenario(config).Validate().empty())
        {
            return outcome;
        }
        PeArpScenario scenario(config);
        scenario.Build();
        uint32_t n = scenario.GetNHosts();
        for (uint32_t i = 0; i < n; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(scenario.GetProvisionedTime(i), Seconds(-1), "no set yet");
        }
        PeArpStatistics statistics(scenario, false);
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        statistics.Collect();
        NS_TEST_EXPECT_MSG_EQ(statistics.GetTotals().AllDelivered(), true, "every byte and echo");

        outcome.events = Simulator::GetEventCount();
        std::set<std::pair<uint32_t, uint16_t>> taken; // (address, first port), per site
        for (uint32_t i = 0; i < n; i++)
        {
            Time at = scenario.GetProvisionedTime(i);
            NS_TEST_EXPECT_MSG_EQ((at >= Seconds(0) && at < Seconds(config.start)),
                                  true,
                                  "host " << i << " provisioned before the traffic, at " << at);
            Ipv4Address address = scenario.GetHostAddress(i);
            PeArpPortRange range = scenario.GetHostRange(i);
            uint32_t site = scenario.GetHostSite(i);
            uint32_t network = 0xc66c3f00 + (site << 8); // 198.108.63.0 + site x /24
            NS_TEST_EXPECT_MSG_EQ((address.Get() == network + 2 ||
                                   (config.sharedIps == 2 && address.Get() == network + 3)),
                                  true,
                                  "host " << i << " has a shared address of its site: " << address);
            bool known = false;
            for (uint16_t k = 0; k < 4; k++)
            {
                PeArpPortRange block = m_provisioning == PeArpLanBuilder::DHCP
                                           ? PeArpPortRange(1024 + 256 * k, 1024 + 256 * k + 255)
                                           : PeArpPortRange(2000 + 1000 * k, 2000 + 1000 * k + 999);
                known = known || range == block;
            }
            if (m_provisioning == PeArpLanBuilder::SELF_ASSIGNED)
            {
                for (uint16_t k = 4; k < 63; k++)
                {
                    known = known || range == PeArpPortRange(2000 + 1000 * k, 2999 + 1000 * k);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(known, true, "host " << i << " has a block: " << range);
            NS_TEST_EXPECT_MSG_EQ(taken.insert({address.Get(), range.GetLow()}).second,
                                  true,
                                  "host " << i << ": " << address << ":" << range
                                          << " given twice");
            NS_TEST_EXPECT_MSG_EQ(scenario.GetHostServerPort(i), range.GetLow(), "sink port");
            Ptr<PeArpPortAgent> agent = scenario.GetHosts().Get(i)->GetObject<PeArpPortAgent>();
            std::optional<PeArpPortSet> set = agent->GetPortSet(address);
            NS_TEST_EXPECT_MSG_EQ(set.has_value(), true, "host " << i << " owns its set");
            NS_TEST_EXPECT_MSG_EQ((set && set->GetRanges().front() == range),
                                  true,
                                  "agent and scenario agree");
            outcome.hosts.emplace_back(address, range);
        }
        if (m_provisioning == PeArpLanBuilder::DHCP)
        {
            NS_TEST_EXPECT_MSG_EQ(scenario.GetDhcpServers().size(), 2, "a server per site");
            for (const Ptr<PeArpDhcpServer>& server : scenario.GetDhcpServers())
            {
                NS_TEST_EXPECT_MSG_EQ(server->GetCounters().acks, 5, "one ACK per host");
                NS_TEST_EXPECT_MSG_EQ(server->GetCounters().naks, 0, "no NAK");
            }
        }
        return outcome;
    }

    void DoRun() override
    {
        Outcome first = RunOnce();
        Outcome second = RunOnce();
        NS_TEST_EXPECT_MSG_EQ((first.hosts == second.hosts), true, "same sets with the same seed");
        NS_TEST_EXPECT_MSG_EQ(first.events, second.events, "same events with the same seed");

        // Impossible configurations name the parameter.
        PeArpScenario::Config config = Make();
        config.psidOffset = -1;
        config.provisioning = PeArpLanBuilder::DHCP;
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("psidOffset"),
                              std::string::npos,
                              "DHCP without MAP sets names psidOffset");
        config.psidOffset = 6;
        config.resolver = PeArpScenario::STOCK;
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("provisioning"),
                              std::string::npos,
                              "DHCP with stock ARP names provisioning");
        config.resolver = PeArpScenario::PE_ARP;
        config.deployment = PeArpScenario::BRIDGE;
        config.provisioning = PeArpLanBuilder::SELF_ASSIGNED;
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("provisioning"),
                              std::string::npos,
                              "self-assigned behind a PE-Bridge names provisioning");
        config.deployment = PeArpScenario::ROUTER;
        config.hostsPerSite = 16;
        config.sharedIps = 1;
        config.psidOffset = 15; // 2^(16-15) = 2 sets for 16 hosts
        NS_TEST_EXPECT_MSG_NE(PeArpScenario(config).Validate().find("psidOffset"),
                              std::string::npos,
                              "too few candidate sets names psidOffset");
    }

    PeArpLanBuilder::Provisioning m_provisioning; //!< under test
};

/**
 * \ingroup pe-arp-tests
 * The scenario builder and statistics suite.
 */
class PeArpScenarioTestSuite : public TestSuite
{
  public:
    PeArpScenarioTestSuite()
        : TestSuite("pe-arp-scenario", SYSTEM)
    {
        AddTestCase(new PeArpScenarioValidateTestCase, TestCase::QUICK);
        AddTestCase(new PeArpScenarioAddressesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpScenarioMapTestCase, TestCase::QUICK);
        AddTestCase(new PeArpScenarioProvisioningTestCase(PeArpLanBuilder::DHCP), TestCase::QUICK);
        AddTestCase(new PeArpScenarioProvisioningTestCase(PeArpLanBuilder::SELF_ASSIGNED),
                    TestCase::QUICK);
        // PE-ARP: 3 router requests + 3 host replies. Stock ns-3 ARP: the
        // same, plus each host's request for the gateway and its reply,
        // since ns-3's ArpL3Protocol does not learn from requests.
        AddTestCase(new PeArpScenarioStatisticsTestCase(PeArpScenario::PE_ARP, 6), TestCase::QUICK);
        AddTestCase(new PeArpScenarioStatisticsTestCase(PeArpScenario::STOCK, 12), TestCase::QUICK);
    }
};

/// The suite's instance
static PeArpScenarioTestSuite g_peArpScenarioTestSuite;
