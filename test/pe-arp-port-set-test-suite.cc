/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Port sets and their allocation: contiguous blocks and RFC 7597 port sets,
 * checked against sets worked out by hand from RFC 7597 section 5.1
 * (port = A * 2^(16-a) + PSID * 2^m + j), including the RFC's own example.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpPortSetTestSuite");

namespace
{

/**
 * \param scheme the scheme
 * \return an allocator with that scheme
 */
Ptr<PeArpPortSetAllocator>
Allocator(PeArpPortSetAllocator::Scheme scheme)
{
    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("Scheme", EnumValue(scheme));
    return allocator;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * PeArpPortSet keeps sorted, merged ranges.
 */
class PeArpPortSetTestCase : public TestCase
{
  public:
    PeArpPortSetTestCase()
        : TestCase("port sets merge, split and look up ranges")
    {
    }

  private:
    void DoRun() override
    {
        PeArpPortSet set;
        set.Add(PeArpPortRange(6, 10));
        set.Add(PeArpPortRange(1, 5)); // adjacent: merged
        set.Add(PeArpPortRange(20, 30));
        set.Add(PeArpPortRange(25, 40)); // overlapping: merged
        NS_TEST_EXPECT_MSG_EQ(set.ToString(), "1-10,20-40", "sorted and merged");
        NS_TEST_EXPECT_MSG_EQ(set.GetSize(), 31, "10 + 21 ports");
        set.Remove(PeArpPortRange(5, 22));
        NS_TEST_EXPECT_MSG_EQ(set.ToString(), "1-4,23-40", "a removal splits ranges");
        std::optional<PeArpPortRange> holding = set.GetRangeHolding(30);
        NS_TEST_ASSERT_MSG_EQ(holding.has_value(), true, "30 is held");
        NS_TEST_EXPECT_MSG_EQ(*holding, PeArpPortRange(23, 40), "by 23-40");
        NS_TEST_EXPECT_MSG_EQ(set.GetRangeHolding(10).has_value(), false, "10 is not held");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(4), true, "4 is held");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(5), false, "5 was removed");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(0), false, "0 is not held");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(41), false, "41 is not held");
        NS_TEST_EXPECT_MSG_EQ(set.Overlaps(PeArpPortSet(PeArpPortRange(5, 22))), false, "the gap");
        NS_TEST_EXPECT_MSG_EQ(set.Overlaps(PeArpPortSet(PeArpPortRange(40, 50))), true, "the end");
        bool equal = PeArpPortSet(PeArpPortRange(1, 4)) == PeArpPortSet(PeArpPortRange(1, 4));
        NS_TEST_EXPECT_MSG_EQ(equal, true, "equal sets");
    }
};

/**
 * \ingroup pe-arp-tests
 * RFC 7597's example: a = 6, k = 8 (sharing ratio 256), PSID 0x34 holds 63
 * ranges of 4 ports: 1232-1235, 2256-2259, ..., 63696-63699, 64720-64723.
 */
class PeArpMapRfcExampleTestCase : public TestCase
{
  public:
    PeArpMapRfcExampleTestCase()
        : TestCase("MAP: RFC 7597's example, PSID 0x34 with a = 6 and a sharing ratio of 256")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpPortSetAllocator> map = Allocator(PeArpPortSetAllocator::MAP);
        map->SetAttribute("PsidOffset", UintegerValue(6));
        map->SetAttribute("SharingRatio", UintegerValue(256));
        NS_TEST_EXPECT_MSG_EQ(map->Validate(), "", "valid");
        NS_TEST_EXPECT_MSG_EQ(map->GetPsidLength(), 8, "k = log2(256)");
        NS_TEST_EXPECT_MSG_EQ(map->GetSetCount(), 256, "256 sets");
        NS_TEST_EXPECT_MSG_EQ(map->GetHostsPerAddress(), 256, "256 hosts per address");
        PeArpPortSet set = map->GetSet(0x34);
        const std::vector<PeArpPortRange>& r = set.GetRanges();
        PEARP_REQUIRE_EQ(r.size(), 63, "63 ranges");
        NS_TEST_EXPECT_MSG_EQ(r[0], PeArpPortRange(1232, 1235), "first range");
        NS_TEST_EXPECT_MSG_EQ(r[1], PeArpPortRange(2256, 2259), "second range");
        NS_TEST_EXPECT_MSG_EQ(r[61], PeArpPortRange(63696, 63699), "next to last range");
        NS_TEST_EXPECT_MSG_EQ(r[62], PeArpPortRange(64720, 64723), "last range");
        NS_TEST_EXPECT_MSG_EQ(set.GetSize(), 252, "63 x 4 ports");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(1231), false, "below the first range");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(1236), false, "above the first range");
        NS_TEST_EXPECT_MSG_EQ(set.Contains(80), false, "well-known ports excluded");
    }
};

/**
 * \ingroup pe-arp-tests
 * More sets worked out by hand, for both schemes.
 */
class PeArpAllocatorTablesTestCase : public TestCase
{
  public:
    PeArpAllocatorTablesTestCase()
        : TestCase("allocator tables: MAP (a = 6, a = 0) and contiguous blocks")
    {
    }

  private:
    void DoRun() override
    {
        // a = 6, k = 6, m = 4: PSID p holds A * 1024 + 16 p + j, A = 1..63.
        Ptr<PeArpPortSetAllocator> map = Allocator(PeArpPortSetAllocator::MAP);
        NS_TEST_EXPECT_MSG_EQ(map->GetHostsPerAddress(), 64, "2^6 sets");
        PeArpPortSet first = map->GetSet(0);
        PEARP_REQUIRE_EQ(first.GetRanges().size(), 63, "63 ranges");
        NS_TEST_EXPECT_MSG_EQ(first.GetRanges()[0], PeArpPortRange(1024, 1039), "A = 1");
        NS_TEST_EXPECT_MSG_EQ(first.GetRanges()[62], PeArpPortRange(64512, 64527), "A = 63");
        PeArpPortSet last = map->GetSet(63);
        NS_TEST_EXPECT_MSG_EQ(last.GetRanges()[0], PeArpPortRange(2032, 2047), "1024 + 16 x 63");
        NS_TEST_EXPECT_MSG_EQ(last.GetRanges()[62], PeArpPortRange(65520, 65535), "the top");
        NS_TEST_EXPECT_MSG_EQ(first.GetSize(), 1008, "63 x 16 ports");

        // a = 0 (lightweight 4over6), k = 6: blocks of 1024; PSID 0 holds only
        // well-known ports and is left empty.
        Ptr<PeArpPortSetAllocator> lw = Allocator(PeArpPortSetAllocator::MAP);
        lw->SetAttribute("PsidOffset", UintegerValue(0));
        NS_TEST_EXPECT_MSG_EQ(lw->GetSetCount(), 64, "64 sets");
        NS_TEST_EXPECT_MSG_EQ(lw->GetSet(0).IsEmpty(), true, "PSID 0 is 0-1023: excluded");
        NS_TEST_EXPECT_MSG_EQ(lw->GetHostsPerAddress(), 63, "63 usable sets");
        NS_TEST_EXPECT_MSG_EQ(lw->GetHostSet(0).ToString(), "1024-2047", "first host");
        NS_TEST_EXPECT_MSG_EQ(lw->GetSet(63).ToString(), "64512-65535", "last set");
        lw->SetAttribute("IncludeWellKnown", BooleanValue(true));
        NS_TEST_EXPECT_MSG_EQ(lw->GetSet(0).ToString(), "1-1023", "asked for: 1-1023 (not 0)");
        NS_TEST_EXPECT_MSG_EQ(lw->GetHostsPerAddress(), 64, "64 usable sets");

        // a = 0, k = 10: 64-port blocks; PSIDs 0-15 are all well-known.
        Ptr<PeArpPortSetAllocator> small = Allocator(PeArpPortSetAllocator::MAP);
        small->SetAttribute("PsidOffset", UintegerValue(0));
        small->SetAttribute("PsidLength", UintegerValue(10));
        NS_TEST_EXPECT_MSG_EQ(small->GetHostsPerAddress(), 1008, "1024 - 16 sets");
        NS_TEST_EXPECT_MSG_EQ(small->GetHostSet(0).ToString(), "1024-1087", "PSID 16");

        // PE-ARP's contiguous blocks, as in the paper: 2000-2999, 3000-3999...
        Ptr<PeArpPortSetAllocator> blocks = Allocator(PeArpPortSetAllocator::CONTIGUOUS);
        blocks->SetAttribute("FirstPort", UintegerValue(2000));
        blocks->SetAttribute("PortsPerHost", UintegerValue(1000));
        NS_TEST_EXPECT_MSG_EQ(blocks->GetHostsPerAddress(), 63, "2000-64999 in blocks of 1000");
        NS_TEST_EXPECT_MSG_EQ(blocks->GetHostSet(0).ToString(), "2000-2999", "host A");
        NS_TEST_EXPECT_MSG_EQ(blocks->GetHostSet(1).ToString(), "3000-3999", "host B");
        NS_TEST_EXPECT_MSG_EQ(blocks->GetHostSet(62).ToString(), "64000-64999", "last block");
    }
};

/**
 * \ingroup pe-arp-tests
 * The sets of one address never overlap and cover what they should.
 */
class PeArpAllocatorDisjointTestCase : public TestCase
{
  public:
    PeArpAllocatorDisjointTestCase()
        : TestCase("allocated sets are disjoint and cover the expected ports")
    {
    }

  private:
    void DoRun() override
    {
        struct Case
        {
            uint32_t a;       //!< offset
            uint32_t k;       //!< PSID length
            bool wellKnown;   //!< include well-known ports
            uint32_t covered; //!< ports in all sets together
        };

        // a > 0 excludes A = 0 (2^(16-a) ports); a = 0 excludes 0-1023.
        for (const Case& c : {Case{6, 6, false, 65536 - 1024},
                              Case{4, 8, false, 65536 - 4096},
                              Case{0, 6, false, 65536 - 1024},
                              Case{6, 6, true, 65535}, // all but port 0
                              Case{2, 3, false, 65536 - 16384}})
        {
            Ptr<PeArpPortSetAllocator> map = Allocator(PeArpPortSetAllocator::MAP);
            map->SetAttribute("PsidOffset", UintegerValue(c.a));
            map->SetAttribute("PsidLength", UintegerValue(c.k));
            map->SetAttribute("IncludeWellKnown", BooleanValue(c.wellKnown));
            std::vector<PeArpPortSet> sets;
            uint32_t covered = 0;
            for (uint32_t i = 0; i < map->GetSetCount(); i++)
            {
                sets.push_back(map->GetSet(i));
                covered += sets.back().GetSize();
            }
            NS_TEST_EXPECT_MSG_EQ(covered, c.covered, "a=" << c.a << " k=" << c.k);
            bool disjoint = true;
            for (uint32_t i = 0; i < sets.size(); i++)
            {
                for (uint32_t j = i + 1; j < sets.size(); j++)
                {
                    disjoint = disjoint && !sets[i].Overlaps(sets[j]);
                }
            }
            NS_TEST_EXPECT_MSG_EQ(disjoint, true, "a=" << c.a << " k=" << c.k << ": disjoint");
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * Impossible parameters are refused with the attribute named.
 */
class PeArpAllocatorInvalidTestCase : public TestCase
{
  public:
    PeArpAllocatorInvalidTestCase()
        : TestCase("invalid allocator parameters name the parameter")
    {
    }

  private:
    /**
     * \param allocator an allocator
     * \param expected a string the reason must contain
     */
    void ExpectRefused(Ptr<PeArpPortSetAllocator> allocator, const std::string& expected)
    {
        std::string why = allocator->Validate();
        NS_TEST_EXPECT_MSG_NE(why, "", "refused: " << expected);
        NS_TEST_EXPECT_MSG_NE(why.find(expected), std::string::npos, "'" << why << "' names it");
    }

    void DoRun() override
    {
        Ptr<PeArpPortSetAllocator> tooLong = Allocator(PeArpPortSetAllocator::MAP);
        tooLong->SetAttribute("PsidOffset", UintegerValue(10));
        tooLong->SetAttribute("PsidLength", UintegerValue(8));
        ExpectRefused(tooLong, "PsidOffset + PsidLength (10 + 8)");

        Ptr<PeArpPortSetAllocator> ratio = Allocator(PeArpPortSetAllocator::MAP);
        ratio->SetAttribute("SharingRatio", UintegerValue(100));
        ExpectRefused(ratio, "SharingRatio (100) is not a power of two");

        // Beyond the attributes' bounds: refused when set.
        Ptr<PeArpPortSetAllocator> huge = Allocator(PeArpPortSetAllocator::MAP);
        NS_TEST_EXPECT_MSG_EQ(huge->SetAttributeFailSafe("SharingRatio", UintegerValue(131072)),
                              false,
                              "SharingRatio above 65536 is refused");

        Ptr<PeArpPortSetAllocator> ratioTooLong = Allocator(PeArpPortSetAllocator::MAP);
        ratioTooLong->SetAttribute("SharingRatio", UintegerValue(65536)); // k = 16, a = 6
        ExpectRefused(ratioTooLong, "PsidOffset + PsidLength (6 + 16, from SharingRatio)");

        Ptr<PeArpPortSetAllocator> empty = Allocator(PeArpPortSetAllocator::CONTIGUOUS);
        NS_TEST_EXPECT_MSG_EQ(empty->SetAttributeFailSafe("PortsPerHost", UintegerValue(0)),
                              false,
                              "PortsPerHost 0 is refused");

        Ptr<PeArpPortSetAllocator> order = Allocator(PeArpPortSetAllocator::CONTIGUOUS);
        order->SetAttribute("FirstPort", UintegerValue(5000));
        order->SetAttribute("LastPort", UintegerValue(4000));
        ExpectRefused(order, "FirstPort (5000) is above LastPort (4000)");

        Ptr<PeArpPortSetAllocator> big = Allocator(PeArpPortSetAllocator::CONTIGUOUS);
        big->SetAttribute("FirstPort", UintegerValue(60000));
        big->SetAttribute("PortsPerHost", UintegerValue(6000));
        ExpectRefused(big, "PortsPerHost (6000)");

        Ptr<PeArpPortSetAllocator> fine = Allocator(PeArpPortSetAllocator::MAP);
        NS_TEST_EXPECT_MSG_EQ(fine->Validate(), "", "the defaults are valid, with no reason");
    }
};

/**
 * \ingroup pe-arp-tests
 * The port set suite.
 */
class PeArpPortSetTestSuite : public TestSuite
{
  public:
    PeArpPortSetTestSuite()
        : TestSuite("pe-arp-port-set", UNIT)
    {
        AddTestCase(new PeArpPortSetTestCase, TestCase::QUICK);
        AddTestCase(new PeArpMapRfcExampleTestCase, TestCase::QUICK);
        AddTestCase(new PeArpAllocatorTablesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpAllocatorDisjointTestCase, TestCase::QUICK);
        AddTestCase(new PeArpAllocatorInvalidTestCase, TestCase::QUICK);
    }
};

static PeArpPortSetTestSuite g_peArpPortSetTestSuite; //!< Static variable for test initialization
