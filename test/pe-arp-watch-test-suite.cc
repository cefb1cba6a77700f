/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Tests of PeArpWatch, the arpwatch for PE-ARP: frames written byte by byte
 * from RFC 826 and the PE-ARP paper's Table II (never by the code under
 * test), fed at chosen times; every report is counted exactly.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/packet.h"
#include "ns3/pe-arp-scenario.h"
#include "ns3/pe-arp-statistics.h"
#include "ns3/pe-arp-watch.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <sstream>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** A MAC 00:00:00:00:00:<last>. */
std::vector<uint8_t>
Mac(uint8_t last)
{
    return {0, 0, 0, 0, 0, last};
}

/** IPv4 a.b.c.d as 4 bytes. */
std::vector<uint8_t>
Ip(uint8_t a, uint8_t b, uint8_t c, uint8_t d)
{
    return {a, b, c, d};
}

/** A 16-bit number in network order. */
void
Put16(std::vector<uint8_t>& out, uint16_t v)
{
    out.push_back(uint8_t(v >> 8));
    out.push_back(uint8_t(v & 0xff));
}

/**
 * An ARP frame body (RFC 826): Ethernet (1), IPv4 (0x0800), 6, 4, op, then
 * sender MAC and IP, target MAC and IP; with `extension`, PE-ARP's 10 bytes
 * (magic 0xEAAB, sender range low and high, target port, return port).
 */
Ptr<Packet>
Frame(uint16_t op,
      std::vector<uint8_t> smac,
      std::vector<uint8_t> sip,
      std::vector<uint8_t> tmac,
      std::vector<uint8_t> tip,
      bool extension,
      uint16_t low = 0,
      uint16_t high = 0,
      uint16_t targetPort = 0,
      uint16_t returnPort = 0)
{
    std::vector<uint8_t> b = {0x00, 0x01, 0x08, 0x00, 0x06, 0x04};
    Put16(b, op);
    b.insert(b.end(), smac.begin(), smac.end());
    b.insert(b.end(), sip.begin(), sip.end());
    b.insert(b.end(), tmac.begin(), tmac.end());
    b.insert(b.end(), tip.begin(), tip.end());
    if (extension)
    {
        Put16(b, 0xEAAB);
        Put16(b, low);
        Put16(b, high);
        Put16(b, targetPort);
        Put16(b, returnPort);
    }
    return Create<Packet>(b.data(), b.size());
}

/** Feed a frame to the watch at a time. */
void
At(Ptr<PeArpWatch> watch, double seconds, Ptr<Packet> frame)
{
    Simulator::Schedule(Seconds(seconds), &PeArpWatch::Watch, watch, frame);
}

const std::vector<uint8_t> A_IP = Ip(198, 51, 100, 2);      //!< the shared address
const std::vector<uint8_t> ROUTER_IP = Ip(198, 51, 100, 1); //!< the router

} // namespace

/**
 * \ingroup pe-arp-tests
 * Each of the eight reports, from hand-written frames, with exact counts;
 * a host renumbering its own range is not reported; malformed frames are
 * counted and ignored.
 */
class PeArpWatchReportsTestCase : public TestCase
{
  public:
    PeArpWatchReportsTestCase()
        : TestCase("every report from hand-written frames, counted exactly")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        Ptr<PeArpWatch> watch = CreateObject<PeArpWatch>();
        watch->SetNetwork(Ipv4Address("198.51.100.0"), Ipv4Mask("255.255.255.0"));
        const uint16_t REPLY = 2;
        const uint16_t REQUEST = 1;
        // t=1: the router asks for port 2500; host 06 answers 2000-2999:
        // two new stations (the router's 0-0 and 06's range), solicited.
        At(watch, 1.0, Frame(REQUEST, Mac(1), ROUTER_IP, Mac(0), A_IP, true, 0, 0, 2500, 0));
        At(watch, 1.001, Frame(REPLY, Mac(6), A_IP, Mac(1), ROUTER_IP, true, 2000, 2999, 0, 2500));
        // t=2: the same reply again, unasked: unsolicited, no new station.
        At(watch, 2.0, Frame(REPLY, Mac(6), A_IP, Mac(1), ROUTER_IP, true, 2000, 2999, 0, 2500));
        // t=3: host 07 claims 3000-3999 (a request of its own): new station.
        At(watch, 3.0, Frame(REQUEST, Mac(7), A_IP, Mac(0), ROUTER_IP, true, 3000, 3999, 0, 3000));
        // t=4: MAC 0a claims 3000-3999 while 07 is alive: claimed twice.
        At(watch, 4.0, Frame(REQUEST, Mac(10), A_IP, Mac(0), ROUTER_IP, true, 3000, 3999, 0, 0));
        // t=5: 07 claims it back: flip flop.
        At(watch, 5.0, Frame(REQUEST, Mac(7), A_IP, Mac(0), ROUTER_IP, true, 3000, 3999, 0, 0));
        // t=6: MAC 0b claims 2500-3499: overlaps 06's and 07's ranges.
        At(watch, 6.0, Frame(REQUEST, Mac(11), A_IP, Mac(0), ROUTER_IP, true, 2500, 3499, 0, 0));
        // t=7: 06 renumbers itself to 2000-2499: not reported.
        At(watch, 7.0, Frame(REQUEST, Mac(6), A_IP, Mac(0), ROUTER_IP, true, 2000, 2499, 0, 0));
        // t=200: MAC 0c claims 2000-2499, 06 silent for 193 s > 60 s:
        // changed ethernet address.
        At(watch, 200.0, Frame(REQUEST, Mac(12), A_IP, Mac(0), ROUTER_IP, true, 2000, 2499, 0, 0));
        // t=201: a standard reply (no extension) for the shared address.
        At(watch, 201.0, Frame(REPLY, Mac(13), A_IP, Mac(1), ROUTER_IP, false));
        // t=202: a standard request from an unshared address: new station.
        At(watch, 202.0, Frame(REQUEST, Mac(14), Ip(198, 51, 100, 9), Mac(0), ROUTER_IP, false));
        // t=203: bogons: outside the network, the network's broadcast, a
        // group sender MAC.
        At(watch, 203.0, Frame(REQUEST, Mac(15), Ip(203, 0, 113, 5), Mac(0), ROUTER_IP, false));
        At(watch, 203.1, Frame(REQUEST, Mac(16), Ip(198, 51, 100, 255), Mac(0), ROUTER_IP, false));
        At(watch,
           203.2,
           Frame(REQUEST,
                 {0x01, 0, 0x5e, 0, 0, 1},
                 Ip(198, 51, 100, 20),
                 Mac(0),
                 ROUTER_IP,
                 false));
        // t=204: a reply answering a request older than ReplyWindow (5 s).
        At(watch, 204.0, Frame(REQUEST, Mac(1), ROUTER_IP, Mac(0), A_IP, true, 0, 0, 3100, 0));
        At(watch, 210.0, Frame(REPLY, Mac(7), A_IP, Mac(1), ROUTER_IP, true, 3000, 3999, 0, 3100));
        // t=211: a probe (sender 0.0.0.0) claims nothing; malformed frames.
        At(watch, 211.0, Frame(REQUEST, Mac(17), Ip(0, 0, 0, 0), Mac(0), A_IP, false));
        uint8_t shortFrame[27] = {0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01};
        At(watch, 212.0, Create<Packet>(shortFrame, sizeof(shortFrame)));
        uint8_t badHardware[28] = {0x00, 0x07, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01};
        At(watch, 212.1, Create<Packet>(badHardware, sizeof(badHardware)));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::NEW_STATION),
                              4,
                              "router, 06, 07, 198.51.100.9");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::UNSOLICITED_REPLY),
                              3,
                              "the repeated reply, the late one, the standard one at 201 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::RANGE_CLAIMED_TWICE), 1, "0a at 4 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::FLIP_FLOP), 1, "07 back at 5 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::RANGE_OVERLAP), 1, "0b at 6 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::CHANGED_ETHERNET_ADDRESS),
                              1,
                              "0c at 200 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::STANDARD_ARP_FOR_SHARED), 1, "201 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::BOGON), 3, "203 s");
        NS_TEST_EXPECT_MSG_EQ(watch->GetMalformed(), 2, "27 bytes, hardware type 7");
        NS_TEST_EXPECT_MSG_EQ(watch->GetFramesWatched(), 19, "every frame watched");
        // Stations: router, 06 moved to 2000-2499 (then 0c's), 07, 0b's
        // overlapping range, 198.51.100.9.
        NS_TEST_EXPECT_MSG_EQ(watch->GetStations(), 5, "stations kept");

        const std::vector<PeArpWatch::Report>& reports = watch->GetReports();
        NS_TEST_ASSERT_MSG_EQ(reports.size(), 15, "reports kept");
        const PeArpWatch::Report& flip = reports[5];
        NS_TEST_EXPECT_MSG_EQ(flip.event, PeArpWatch::FLIP_FLOP, "sixth report");
        NS_TEST_EXPECT_MSG_EQ(flip.mac, Mac48Address("00:00:00:00:00:07"), "new MAC");
        NS_TEST_EXPECT_MSG_EQ(flip.previousMac, Mac48Address("00:00:00:00:00:0a"), "old MAC");
        NS_TEST_EXPECT_MSG_EQ(flip.range, PeArpPortRange(3000, 3999), "its range");
        std::ostringstream log;
        watch->Print(log);
        NS_TEST_EXPECT_MSG_NE(log.str().find("5.000000 s flip flop 198.51.100.2:3000-3999 "
                                             "00:00:00:00:00:07 (00:00:00:00:00:0a)"),
                              std::string::npos,
                              "arpwatch-style line: " << log.str());
    }
};

/**
 * \ingroup pe-arp-tests
 * On a healthy network nothing is reported but the stations: the watch on
 * the router's side of the paper's Figure 4 LAN (3 hosts sharing
 * 198.108.63.2) sees the router and the three ranges appear, and no
 * unsolicited reply, flip flop, overlap or standard claim, while every
 * byte arrives.
 */
class PeArpWatchHealthyTestCase : public TestCase
{
  public:
    PeArpWatchHealthyTestCase()
        : TestCase("a healthy LAN gives only new stations")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard;
        PeArpScenario::Config config;
        config.hostsPerSite = 3;
        PeArpScenario scenario(config);
        scenario.Build();
        Ptr<PeArpWatch> watch = CreateObject<PeArpWatch>();
        watch->SetNetwork(Ipv4Address("198.108.63.0"), Ipv4Mask("255.255.255.0"));
        watch->AddSharedAddress(Ipv4Address("198.108.63.2"));
        watch->Install(scenario.GetSiteLinkDevices(0).Get(0));
        PeArpStatistics statistics(scenario, false);
        Simulator::Stop(scenario.GetStopTime());
        Simulator::Run();
        statistics.Collect();
        NS_TEST_EXPECT_MSG_EQ(statistics.GetTotals().AllDelivered(), true, "every byte");
        NS_TEST_EXPECT_MSG_EQ(watch->GetFramesWatched(),
                              statistics.GetTotals().arpFrames,
                              "every ARP frame of the LAN watched, once");
        NS_TEST_EXPECT_MSG_EQ(watch->GetCount(PeArpWatch::NEW_STATION),
                              4,
                              "the router and three ranges");
        NS_TEST_EXPECT_MSG_EQ(watch->GetReports().size(), 4, "nothing else");
        NS_TEST_EXPECT_MSG_EQ(watch->GetStations(), 4, "stations");
        NS_TEST_EXPECT_MSG_EQ(watch->GetMalformed(), 0, "nothing malformed");
    }
};

/**
 * \ingroup pe-arp-tests
 * The PeArpWatch suite.
 */
class PeArpWatchTestSuite : public TestSuite
{
  public:
    PeArpWatchTestSuite()
        : TestSuite("pe-arp-watch", UNIT)
    {
        AddTestCase(new PeArpWatchReportsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpWatchHealthyTestCase, TestCase::QUICK);
    }
};

/// The suite's instance.
static PeArpWatchTestSuite g_peArpWatchTestSuite;
