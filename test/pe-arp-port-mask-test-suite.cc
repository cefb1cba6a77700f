/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Port ranges as value/mask pairs (PeArpPortMask::Decompose), checked
 * against pairs worked out by hand (design note of issue 8, section 5),
 * including the 1000-1999 example of the ovs-ofctl(8) manual page, and a
 * property test over random ranges.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/pe-arp-port-mask.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/test.h"

#include <utility>
#include <vector>

using namespace ns3;
using namespace ns3::tests;

namespace
{

/** (value, mask) pairs written by hand */
using Pairs = std::vector<std::pair<uint16_t, uint16_t>>;

} // namespace

/**
 * \ingroup pe-arp-tests
 * Decompose gives exactly the hand-computed pairs.
 */
class PeArpPortMaskVectorsTestCase : public TestCase
{
  public:
    PeArpPortMaskVectorsTestCase()
        : TestCase("port ranges decompose into the hand-computed value-mask pairs")
    {
    }

  private:
    /**
     * \param low lowest port
     * \param high highest port
     * \param expected the pairs, in order
     */
    void Check(uint16_t low, uint16_t high, const Pairs& expected)
    {
        std::vector<PeArpPortMask> got = PeArpPortMask::Decompose(low, high);
        NS_TEST_EXPECT_MSG_EQ(got.size(),
                              expected.size(),
                              low << "-" << high << " needs " << expected.size() << " pairs");
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask::CountEntries(low, high),
                              expected.size(),
                              low << "-" << high << ": CountEntries agrees");
        for (size_t i = 0; i < std::min(got.size(), expected.size()); ++i)
        {
            PeArpPortMask want(expected[i].first, expected[i].second);
            NS_TEST_EXPECT_MSG_EQ(got[i],
                                  want,
                                  low << "-" << high << " pair " << i << " is " << want);
        }
    }

    void DoRun() override
    {
        // 2000-2999: 16+32+512+256+128+32+16+8 = 1000 ports.
        Check(2000,
              2999,
              {{0x07D0, 0xFFF0},
               {0x07E0, 0xFFE0},
               {0x0800, 0xFE00},
               {0x0A00, 0xFF00},
               {0x0B00, 0xFF80},
               {0x0B80, 0xFFE0},
               {0x0BA0, 0xFFF0},
               {0x0BB0, 0xFFF8}});
        // The OVS paper's sshd port: 10022 = 0x2726.
        Check(10022, 10022, {{0x2726, 0xFFFF}});
        // The CoreLab guest range of the OVS paper, section 2.2: 16+32+32+16+4+1 = 101.
        Check(10000,
              10100,
              {{0x2710, 0xFFF0},
               {0x2720, 0xFFE0},
               {0x2740, 0xFFE0},
               {0x2760, 0xFFF0},
               {0x2770, 0xFFFC},
               {0x2774, 0xFFFF}});
        // ovs-ofctl(8), "Flow Syntax", tp_src: the example of 1000-1999.
        Check(1000,
              1999,
              {{0x03E8, 0xFFF8},
               {0x03F0, 0xFFF0},
               {0x0400, 0xFE00},
               {0x0600, 0xFF00},
               {0x0700, 0xFF80},
               {0x0780, 0xFFC0},
               {0x07C0, 0xFFF0}});
        Check(3000,
              3999,
              {{0x0BB8, 0xFFF8},
               {0x0BC0, 0xFFC0},
               {0x0C00, 0xFE00},
               {0x0E00, 0xFF00},
               {0x0F00, 0xFF80},
               {0x0F80, 0xFFE0}});
        Check(4000,
              4999,
              {{0x0FA0, 0xFFE0},
               {0x0FC0, 0xFFC0},
               {0x1000, 0xFE00},
               {0x1200, 0xFF00},
               {0x1300, 0xFF80},
               {0x1380, 0xFFF8}});
        Check(0, 65535, {{0x0000, 0x0000}});
        Check(1024,
              65535,
              {{0x0400, 0xFC00},
               {0x0800, 0xF800},
               {0x1000, 0xF000},
               {0x2000, 0xE000},
               {0x4000, 0xC000},
               {0x8000, 0x8000}});
        Check(0, 0, {{0x0000, 0xFFFF}});
        Check(65535, 65535, {{0xFFFF, 0xFFFF}});
        // The PE-ARP range 0-0 means all ports: one pair 0/0.
        std::vector<PeArpPortMask> all = PeArpPortMask::Decompose(PeArpPortRange::All());
        NS_TEST_EXPECT_MSG_EQ(all.size(), 1, "the all-ports range is one pair");
        NS_TEST_EXPECT_MSG_EQ(all.front(), PeArpPortMask(0, 0), "the pair 0/0");
        // ovs-ofctl's spelling.
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask(0x07D0, 0xFFF0).ToString(),
                              "0x07d0/0xfff0",
                              "printed as ovs-ofctl prints it");
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask(0x0B00, 0xFF80).GetHigh(), 2943, "0x0b00/0xff80 ends");
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask(0, 0).GetSize(), 65536, "0/0 holds every port");
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask(0x0001, 0x0101).IsPrefix(), false, "not a prefix");
    }
};

/**
 * \ingroup pe-arp-tests
 * For random ranges the pairs are aligned prefixes, disjoint, in order, and
 * their union is exactly the range; no pair can be merged with the next
 * (fewest pairs), and there are at most 30.
 */
class PeArpPortMaskPropertyTestCase : public TestCase
{
  public:
    PeArpPortMaskPropertyTestCase()
        : TestCase("decomposition: disjoint aligned pairs whose union is the range")
    {
    }

  private:
    /**
     * \param low lowest port
     * \param high highest port
     * \return true if a check failed
     */
    bool Check(uint16_t low, uint16_t high)
    {
        std::vector<PeArpPortMask> pairs = PeArpPortMask::Decompose(low, high);
        NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(pairs.empty(), false, low << "-" << high);
        NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL((pairs.size() <= 30), true, low << "-" << high);
        uint32_t next = low; // pairs are contiguous, in order: disjoint, union = range
        uint32_t total = 0;
        for (size_t i = 0; i < pairs.size(); ++i)
        {
            const PeArpPortMask& p = pairs[i];
            NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(p.IsPrefix(), true, p << " is a prefix");
            NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(p.GetLow(),
                                               next,
                                               p << " starts where the last ended");
            NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL((p.Matches(p.GetLow()) && p.Matches(p.GetHigh())),
                                               true,
                                               p << " matches its ends");
            NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(p.GetHigh() - p.GetLow() + 1U,
                                               p.GetSize(),
                                               p << " is contiguous");
            if (i + 1 < pairs.size())
            {
                // Fewest: two neighbours of equal size that form an aligned block would merge.
                const PeArpPortMask& q = pairs[i + 1];
                bool mergeable = p.GetSize() == q.GetSize() && p.GetLow() % (2 * p.GetSize()) == 0;
                NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(mergeable, false, p << " and " << q);
            }
            next = p.GetHigh() + 1U;
            total += p.GetSize();
        }
        NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(next, high + 1U, low << "-" << high << " covered");
        NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(total, high - low + 1U, low << "-" << high << " size");
        // Membership, checked port by port around the ends.
        for (int32_t port = std::max<int32_t>(0, low - 3);
             port <= std::min<int32_t>(65535, high + 3);
             port += (port > low + 3 && port < high - 3) ? 97 : 1)
        {
            bool inRange = port >= low && port <= high;
            uint32_t hits = 0;
            for (const PeArpPortMask& p : pairs)
            {
                hits += p.Matches(static_cast<uint16_t>(port)) ? 1 : 0;
            }
            NS_TEST_ASSERT_MSG_EQ_RETURNS_BOOL(hits,
                                               inRange ? 1U : 0U,
                                               "port " << port << " in " << low << "-" << high);
        }
        return false;
    }

    void DoRun() override
    {
        RngSeedManager::SetSeed(8);
        RngSeedManager::SetRun(1);
        Ptr<UniformRandomVariable> u = CreateObject<UniformRandomVariable>();
        u->SetStream(1);
        for (uint32_t i = 0; i < 2000; ++i)
        {
            auto a = static_cast<uint16_t>(u->GetInteger(0, 65535));
            auto b = static_cast<uint16_t>(i % 4 == 0 ? a + u->GetInteger(0, 40)
                                                      : u->GetInteger(0, 65535));
            if (Check(std::min(a, b), std::max(a, b)))
            {
                return;
            }
        }
        // The worst case: 30 pairs.
        NS_TEST_EXPECT_MSG_EQ(PeArpPortMask::CountEntries(1, 65534), 30, "1-65534 needs 30");
        Check(1, 65534);
    }
};

/**
 * \ingroup pe-arp-tests
 * An invalid range stops with a message naming the parameters.
 */
class PeArpPortMaskInvalidTestCase : public TestCase
{
  public:
    PeArpPortMaskInvalidTestCase()
        : TestCase("an invalid range is refused, naming low and high")
    {
    }

  private:
    void DoRun() override
    {
        ChildOutcome out = RunInChild([]() { PeArpPortMask::Decompose(3000, 2000); });
        NS_TEST_EXPECT_MSG_EQ(out.aborted, true, "stopped; it said: " << out.output);
        NS_TEST_EXPECT_MSG_NE(out.output.find("low (3000) is above high (2000)"),
                              std::string::npos,
                              "names the parameters; it said: " << out.output);
        ChildOutcome range = RunInChild([]() { PeArpPortMask::Decompose(PeArpPortRange(9, 8)); });
        NS_TEST_EXPECT_MSG_EQ(range.aborted, true, "stopped; it said: " << range.output);
        NS_TEST_EXPECT_MSG_NE(range.output.find("range 9-8 is invalid"),
                              std::string::npos,
                              "names the range; it said: " << range.output);
        ChildOutcome count = RunInChild([]() { PeArpPortMask::CountEntries(2, 1); });
        NS_TEST_EXPECT_MSG_EQ(count.aborted, true, "stopped; it said: " << count.output);
    }
};

/**
 * \ingroup pe-arp-tests
 * The port mask suite.
 */
class PeArpPortMaskTestSuite : public TestSuite
{
  public:
    PeArpPortMaskTestSuite()
        : TestSuite("pe-arp-port-mask", UNIT)
    {
        AddTestCase(new PeArpPortMaskVectorsTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortMaskPropertyTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortMaskInvalidTestCase, TestCase::QUICK);
    }
};

static PeArpPortMaskTestSuite g_peArpPortMaskTestSuite; //!< Static variable for test initialization
