/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Self-assigned port ranges with conflict detection (RFC 5227 for ranges):
 * forced collisions are resolved, a claimed range is defended, a tentative
 * address owns no port, many hosts end with disjoint ranges.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/config.h"
#include "ns3/double.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/pe-arp-conflict-detector.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/pointer.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpConflictTestSuite");

namespace
{

/**
 * \return blocks of 1000 ports from 2000 (2000-2999, 3000-3999, ...; 63 sets)
 */
Ptr<PeArpPortSetAllocator>
Blocks()
{
    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("FirstPort", UintegerValue(2000));
    allocator->SetAttribute("PortsPerHost", UintegerValue(1000));
    return allocator;
}

/**
 * \param values the candidate indices to draw, in order
 * \return a random variable that draws them
 */
Ptr<RandomVariableStream>
Candidates(std::vector<double> values)
{
    Ptr<DeterministicRandomVariable> rv = CreateObject<DeterministicRandomVariable>();
    rv->SetValueArray(values.data(), values.size());
    return rv;
}

/**
 * Create and start a detector on host i.
 * \param f the topology
 * \param i the host
 * \param candidates the candidate indices
 * \param at the start time
 * \return the detector
 */
Ptr<PeArpConflictDetector>
StartDetector(Figure4& f, uint32_t i, const std::vector<double>& candidates, Time at)
{
    Ptr<PeArpConflictDetector> detector = CreateObject<PeArpConflictDetector>();
    detector->SetAttribute("Candidate", PointerValue(Candidates(candidates)));
    detector->Start(f.hostLan[i], f.shared, Blocks(), at);
    return detector;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Two hosts probe for the same range at the same instant: both see the
 * other's probe, both pick again, and they end with disjoint ranges.
 */
class PeArpForcedCollisionTestCase : public TestCase
{
  public:
    PeArpForcedCollisionTestCase()
        : TestCase("a forced collision of simultaneous probes ends with disjoint ranges")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Config::SetDefault("ns3::PeArpConflictDetector::ProbeWait", TimeValue(Seconds(0)));
        Figure4 f(Figure4::Claiming{2});
        Ptr<PeArpConflictDetector> a = StartDetector(f, 0, {0, 0}, Seconds(1));
        Ptr<PeArpConflictDetector> b = StartDetector(f, 1, {0, 5}, Seconds(1));
        // Servers bind once the ranges are claimed (binds fail before); a
        // bind refused because a range was not claimed shows as -1.
        std::vector<int> binds(2, 99);
        std::vector<uint32_t> received(2, 0);
        std::vector<Ptr<Socket>> servers;
        for (uint32_t i = 0; i < 2; i++)
        {
            servers.push_back(Socket::CreateSocket(f.hosts.Get(i), UdpSocketFactory::GetTypeId()));
            servers[i]->SetRecvCallback(Callback<void, Ptr<Socket>>([&received, i](Ptr<Socket> s) {
                while (Ptr<Packet> p = s->Recv())
                {
                    received[i] += p->GetSize();
                }
            }));
        }
        Simulator::Schedule(Seconds(19), [&]() {
            binds[0] = servers[0]->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2500));
            binds[1] = servers[1]->Bind(InetSocketAddress(Ipv4Address::GetAny(), 7500));
        });
        Figure4::SendUdp(f.inet, Seconds(20), f.shared, 2500, 1, 100);
        Figure4::SendUdp(f.inet, Seconds(20), f.shared, 7500, 1, 100);
        Simulator::Stop(Seconds(25));
        Simulator::Run();
        Config::Reset();

        NS_TEST_EXPECT_MSG_EQ(a->GetConflicts(), 1, "A saw B's simultaneous probe");
        NS_TEST_EXPECT_MSG_EQ(b->GetConflicts(), 1, "B saw A's simultaneous probe");
        NS_TEST_EXPECT_MSG_EQ(a->GetClaimedPorts().ToString(), "2000-2999", "A keeps set 0");
        NS_TEST_EXPECT_MSG_EQ(b->GetClaimedPorts().ToString(), "7000-7999", "B moved to set 5");
        NS_TEST_EXPECT_MSG_EQ(uint32_t(a->GetState()),
                              uint32_t(PeArpConflictDetector::CLAIMED),
                              "A claimed and announced");
        NS_TEST_EXPECT_MSG_EQ(a->GetProbesSent(), 4, "1 probe of the first try, 3 of the second");
        NS_TEST_EXPECT_MSG_EQ(a->GetAnnouncementsSent(), 2, "two announcements");
        NS_TEST_EXPECT_MSG_EQ(binds[0], 0, "A binds a port of its claimed range");
        NS_TEST_EXPECT_MSG_EQ(binds[1], 0, "B binds a port of its claimed range");
        NS_TEST_EXPECT_MSG_EQ(received[0], 100, "A receives on its claimed range");
        NS_TEST_EXPECT_MSG_EQ(received[1], 100, "B receives on its claimed range");
    }
};

/**
 * \ingroup pe-arp-tests
 * A host that probes for a range another host already claimed is answered
 * (the owner defends) and picks another range.
 */
class PeArpDefendedRangeTestCase : public TestCase
{
  public:
    PeArpDefendedRangeTestCase()
        : TestCase("a claimed range is defended against a late prober")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f(Figure4::Claiming{2});
        Ptr<PeArpConflictDetector> a = StartDetector(f, 0, {0}, Seconds(1));
        Ptr<PeArpConflictDetector> b = StartDetector(f, 1, {0, 3}, Seconds(20));
        Simulator::Stop(Seconds(40));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(a->GetClaimedPorts().ToString(), "2000-2999", "A claimed set 0");
        NS_TEST_EXPECT_MSG_EQ(a->GetConflicts(), 0, "alone: no conflict");
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().probesDefended,
                              1,
                              "A answered B's first probe");
        NS_TEST_EXPECT_MSG_EQ(b->GetConflicts(), 1, "B heard the defence");
        NS_TEST_EXPECT_MSG_EQ(b->GetClaimedPorts().ToString(), "5000-5999", "B moved to set 3");
        NS_TEST_EXPECT_MSG_GT(b->GetClaimTime(), a->GetClaimTime(), "B claimed later");
    }
};

/**
 * \ingroup pe-arp-tests
 * While its range is being claimed, a host owns no port of the address:
 * binds fail and traffic for it is not answered.
 */
class PeArpTentativeTestCase : public TestCase
{
  public:
    PeArpTentativeTestCase()
        : TestCase("a tentative address owns no port until the range is claimed")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f(Figure4::Claiming{1});
        Ptr<PeArpConflictDetector> a = StartDetector(f, 0, {0}, Seconds(1));
        Ptr<Socket> early = Socket::CreateSocket(f.hosts.Get(0), UdpSocketFactory::GetTypeId());
        NS_TEST_EXPECT_MSG_EQ(early->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2500)),
                              -1,
                              "no bind while tentative");
        NS_TEST_EXPECT_MSG_EQ(early->Bind(), -1, "not even an ephemeral one");
        int lateBind = 0;
        Ptr<Socket> late = Socket::CreateSocket(f.hosts.Get(0), UdpSocketFactory::GetTypeId());
        Simulator::Schedule(Seconds(15), [&]() {
            lateBind = late->Bind(InetSocketAddress(Ipv4Address::GetAny(), 2500));
        });
        Figure4::SendUdp(f.inet, Seconds(1.5), f.shared, 2500, 1, 10); // during probing
        Simulator::Stop(Seconds(20));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().repliesSent,
                              0,
                              "the router's request was not answered while tentative");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetResolutionFailures(), 1, "it failed");
        NS_TEST_EXPECT_MSG_EQ(a->GetClaimedPorts().ToString(), "2000-2999", "then claimed");
        NS_TEST_EXPECT_MSG_EQ(lateBind, 0, "binds work after the claim");
    }
};

/**
 * \ingroup pe-arp-tests
 * Many hosts with random candidates all claim ranges, and the ranges are
 * disjoint.
 */
class PeArpManyClaimsTestCase : public TestCase
{
  public:
    PeArpManyClaimsTestCase()
        : TestCase("20 hosts with random candidates end with disjoint ranges")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        RngSeedManager::SetSeed(3);
        const uint32_t n = 20;
        Figure4 f(Figure4::Claiming{n});
        Ptr<PeArpPortSetAllocator> allocator = Blocks();
        // Only 24 sets for 20 hosts, so that collisions happen.
        allocator->SetAttribute("LastPort", UintegerValue(25999));
        std::vector<Ptr<PeArpConflictDetector>> detectors;
        for (uint32_t i = 0; i < n; i++)
        {
            detectors.push_back(CreateObject<PeArpConflictDetector>());
            detectors.back()->AssignStreams(100 + 2 * i);
            detectors.back()->Start(f.hostLan[i], f.shared, allocator, Seconds(1));
        }
        Simulator::Stop(Seconds(120));
        Simulator::Run();
        uint32_t conflicts = 0;
        std::vector<PeArpPortSet> claimed;
        for (const auto& d : detectors)
        {
            PEARP_REQUIRE_EQ(uint32_t(d->GetState()),
                             uint32_t(PeArpConflictDetector::CLAIMED),
                             "every host claimed a range");
            claimed.push_back(d->GetClaimedPorts());
            conflicts += d->GetConflicts();
        }
        bool disjoint = true;
        for (uint32_t i = 0; i < n; i++)
        {
            for (uint32_t j = i + 1; j < n; j++)
            {
                disjoint = disjoint && !claimed[i].Overlaps(claimed[j]);
            }
        }
        NS_TEST_EXPECT_MSG_EQ(disjoint, true, "pairwise disjoint ranges");
        NS_TEST_EXPECT_MSG_GT(conflicts, 0, "20 hosts on 24 sets do collide");
    }
};

/**
 * \ingroup pe-arp-tests
 * GetUncontestedClaimBound is RFC 5227's worst case without a contest,
 * follows Config::SetDefault, and bounds real uncontested claims.
 */
class PeArpClaimBoundTestCase : public TestCase
{
  public:
    PeArpClaimBoundTestCase()
        : TestCase("an uncontested claim takes at most ProbeWait + (ProbeNum - 1) x ProbeMax + "
                   "AnnounceWait")
    {
    }

  private:
    void DoRun() override
    {
        // RFC 5227 section 1.1: PROBE_WAIT 1 s, PROBE_NUM 3, PROBE_MAX 2 s,
        // ANNOUNCE_WAIT 2 s: 1 + 2 x 2 + 2.
        NS_TEST_EXPECT_MSG_EQ(PeArpConflictDetector::GetUncontestedClaimBound(),
                              Seconds(7),
                              "RFC 5227's constants");
        Config::SetDefault("ns3::PeArpConflictDetector::ProbeNum", UintegerValue(4));
        Time four = PeArpConflictDetector::GetUncontestedClaimBound();
        Config::SetDefault("ns3::PeArpConflictDetector::ProbeNum", UintegerValue(3));
        NS_TEST_EXPECT_MSG_EQ(four, Seconds(9), "one more probe gap of ProbeMax");

        Time longest;
        for (int64_t stream = 0; stream < 10; stream++)
        {
            SimulatorDestroyGuard guard;
            Figure4 f(Figure4::Claiming{1});
            Ptr<PeArpConflictDetector> d = CreateObject<PeArpConflictDetector>();
            d->AssignStreams(10 * stream);
            d->Start(f.hostLan[0], f.shared, Blocks(), Seconds(1));
            Simulator::Stop(Seconds(20));
            Simulator::Run();
            PEARP_REQUIRE_EQ(uint32_t(d->GetState()),
                             uint32_t(PeArpConflictDetector::CLAIMED),
                             "claimed");
            Time took = d->GetClaimTime() - Seconds(1);
            // At least PROBE_NUM - 1 gaps of PROBE_MIN and ANNOUNCE_WAIT: 4 s.
            NS_TEST_EXPECT_MSG_GT_OR_EQ(took, Seconds(4), "stream " << stream);
            NS_TEST_EXPECT_MSG_LT_OR_EQ(took,
                                        PeArpConflictDetector::GetUncontestedClaimBound(),
                                        "stream " << stream);
            longest = std::max(longest, took);
        }
        NS_TEST_EXPECT_MSG_GT(longest, Seconds(5), "the draws vary");
    }
};

/**
 * \ingroup pe-arp-tests
 * The probes and announcements of a claim go through the host's
 * PeArpL3Protocol: its RequestSent trace and its counters see exactly the
 * frames RFC 5227's procedure sends (ProbeNum probes, AnnounceNum
 * announcements), and no resolution request is counted for them.
 */
class PeArpClaimFramesTracedTestCase : public TestCase
{
  public:
    PeArpClaimFramesTracedTestCase()
        : TestCase("probes and announcements are sent, counted and traced by PeArpL3Protocol")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f(Figure4::Claiming{2});
        std::vector<Ptr<PeArpConflictDetector>> detectors{StartDetector(f, 0, {0}, Seconds(1)),
                                                          StartDetector(f, 1, {3}, Seconds(1))};
        std::vector<PeArpPortRange> candidates{PeArpPortRange(2000, 2999),
                                               PeArpPortRange(5000, 5999)};
        std::vector<uint32_t> probes(2, 0);
        std::vector<uint32_t> announcements(2, 0);
        std::vector<uint32_t> others(2, 0);
        for (uint32_t i = 0; i < 2; i++)
        {
            f.HostProtocol(i)->TraceConnectWithoutContext(
                "RequestSent",
                Callback<void, Ptr<const NetDevice>, const PeArpHeader&>(
                    [&, i](Ptr<const NetDevice> device, const PeArpHeader& header) {
                        bool mine = device == f.hostLan[i] && header.IsRequest() &&
                                    header.GetTargetIp() == f.shared &&
                                    header.GetSenderRange() == candidates[i] &&
                                    header.GetSenderMac() == f.hostLan[i]->GetMac48();
                        if (mine && header.GetSenderIp() == Ipv4Address::GetAny())
                        {
                            probes[i]++;
                        }
                        else if (mine && header.GetSenderIp() == f.shared)
                        {
                            announcements[i]++;
                        }
                        else
                        {
                            others[i]++;
                        }
                    }));
        }
        Simulator::Stop(Seconds(30));
        Simulator::Run();
        for (uint32_t i = 0; i < 2; i++)
        {
            PEARP_REQUIRE_EQ(detectors[i]->GetState(),
                             PeArpConflictDetector::CLAIMED,
                             "host " << i << " claimed its range");
            // ProbeNum = 3, AnnounceNum = 2 (RFC 5227), no conflict.
            NS_TEST_EXPECT_MSG_EQ(probes[i], 3, "host " << i << ": probes traced");
            NS_TEST_EXPECT_MSG_EQ(announcements[i], 2, "host " << i << ": announcements traced");
            NS_TEST_EXPECT_MSG_EQ(others[i], 0, "host " << i << ": nothing else traced");
            PeArpL3Protocol::Counters counters = f.HostProtocol(i)->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(counters.probesSent, 3, "host " << i << ": probes counted");
            NS_TEST_EXPECT_MSG_EQ(counters.announcementsSent,
                                  2,
                                  "host " << i << ": announcements counted");
            NS_TEST_EXPECT_MSG_EQ(counters.requestsSent, 0, "host " << i << ": no resolution");
            NS_TEST_EXPECT_MSG_EQ(detectors[i]->GetProbesSent(), 3, "the detector agrees");
            NS_TEST_EXPECT_MSG_EQ(detectors[i]->GetAnnouncementsSent(), 2, "the detector agrees");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * The conflict detection suite.
 */
class PeArpConflictTestSuite : public TestSuite
{
  public:
    PeArpConflictTestSuite()
        : TestSuite("pe-arp-conflict", SYSTEM)
    {
        AddTestCase(new PeArpForcedCollisionTestCase, TestCase::QUICK);
        AddTestCase(new PeArpDefendedRangeTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTentativeTestCase, TestCase::QUICK);
        AddTestCase(new PeArpManyClaimsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpClaimFramesTracedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpClaimBoundTestCase, TestCase::QUICK);
    }
};

static PeArpConflictTestSuite g_peArpConflictTestSuite; //!< Static variable for test initialization
