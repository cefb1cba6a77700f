/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Unit tests of PeArpProcessingCost, the FIFO server of a middlebox:
 * back-to-back packets wait 0, S, 2S; an idle server serves at once; the
 * per-byte part; the QueueLimit drop is counted; bad attributes are refused.
 */

#include "ns3/log.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-processing-cost.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <optional>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpProcessingCostTestSuite");

/**
 * \ingroup pe-arp-tests
 * \brief Back-to-back packets, the idle server, PerByte and QueueLimit.
 */
class PeArpProcessingCostFifoTestCase : public TestCase
{
  public:
    PeArpProcessingCostFifoTestCase()
        : TestCase("FIFO server: 0, S, 2S; idle again; PerByte; QueueLimit drop counted")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpProcessingCost> cost = CreateObject<PeArpProcessingCost>();
        cost->SetAttribute("PerPacket", TimeValue(MicroSeconds(10)));
        cost->SetAttribute("QueueLimit", UintegerValue(2));
        std::vector<std::optional<Time>> burst;
        std::vector<std::optional<Time>> later;
        uint32_t inSystem = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            for (int i = 0; i < 4; ++i)
            {
                burst.push_back(cost->Admit(100));
            }
            inSystem = cost->GetInSystem();
        });
        // 15 us later: the first is done, the second in service, one waits
        Simulator::Schedule(Seconds(1) + MicroSeconds(15), [&]() {
            later.push_back(cost->Admit(100)); // waits for 2 and 3: until 30 us
            later.push_back(cost->Admit(100)); // a third waiter: dropped
        });
        // long after: idle, no wait
        Simulator::Schedule(Seconds(2), [&]() { later.push_back(cost->Admit(100)); });
        Simulator::Run();

        NS_TEST_ASSERT_MSG_EQ(burst.size(), 4U, "four admissions");
        NS_TEST_EXPECT_MSG_EQ(burst[0].value_or(Seconds(-1)), MicroSeconds(0), "first: 0");
        NS_TEST_EXPECT_MSG_EQ(burst[1].value_or(Seconds(-1)), MicroSeconds(10), "second: S");
        NS_TEST_EXPECT_MSG_EQ(burst[2].value_or(Seconds(-1)), MicroSeconds(20), "third: 2S");
        NS_TEST_EXPECT_MSG_EQ(burst[3].has_value(), false, "fourth: two wait, dropped");
        NS_TEST_EXPECT_MSG_EQ(inSystem, 3U, "three in the system");
        NS_TEST_ASSERT_MSG_EQ(later.size(), 3U, "three later admissions");
        NS_TEST_EXPECT_MSG_EQ(later[0].value_or(Seconds(-1)), MicroSeconds(15), "until 30 us");
        NS_TEST_EXPECT_MSG_EQ(later[1].has_value(), false, "queue full again");
        NS_TEST_EXPECT_MSG_EQ(later[2].value_or(Seconds(-1)), Seconds(0), "idle: no wait");
        const auto& c = cost->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.admitted, 5U, "admitted");
        NS_TEST_EXPECT_MSG_EQ(c.queueFull, 2U, "QUEUE_FULL drops");
        NS_TEST_EXPECT_MSG_EQ(c.busy, MicroSeconds(50), "busy time");
        NS_TEST_EXPECT_MSG_EQ(c.maxWait, MicroSeconds(20), "longest wait");

        // PerByte: 1 us + 1000 * 8 ns = 9 us
        Ptr<PeArpProcessingCost> bytes = CreateObject<PeArpProcessingCost>();
        bytes->SetAttribute("PerPacket", TimeValue(MicroSeconds(1)));
        bytes->SetAttribute("PerByte", TimeValue(NanoSeconds(8)));
        NS_TEST_EXPECT_MSG_EQ(bytes->GetServiceTime(1000), MicroSeconds(9), "service time");
        std::optional<Time> a = bytes->Admit(1000);
        std::optional<Time> b = bytes->Admit(0);
        std::optional<Time> d = bytes->Admit(0);
        NS_TEST_EXPECT_MSG_EQ(a.value_or(Seconds(-1)), Seconds(0), "first");
        NS_TEST_EXPECT_MSG_EQ(b.value_or(Seconds(-1)), MicroSeconds(9), "behind 1000 bytes");
        NS_TEST_EXPECT_MSG_EQ(d.value_or(Seconds(-1)), MicroSeconds(10), "behind 1000 + 0");

        // the defaults cost nothing, whatever the burst
        Ptr<PeArpProcessingCost> free = CreateObject<PeArpProcessingCost>();
        bool allZero = true;
        for (int i = 0; i < 5000; ++i)
        {
            allZero = allZero && free->Admit(1500) == std::optional<Time>(Seconds(0));
        }
        NS_TEST_EXPECT_MSG_EQ(allZero, true, "no cost by default");
        NS_TEST_EXPECT_MSG_EQ(free->GetCounters().queueFull, 0U, "and no drop");

        cost->Dispose();
        bytes->Dispose();
        free->Dispose();
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Negative times are refused by the checkers.
 */
class PeArpProcessingCostAttributesTestCase : public TestCase
{
  public:
    PeArpProcessingCostAttributesTestCase()
        : TestCase("Attribute checkers refuse negative costs")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<PeArpProcessingCost> cost = CreateObject<PeArpProcessingCost>();
        NS_TEST_EXPECT_MSG_EQ(cost->SetAttributeFailSafe("PerPacket", TimeValue(Seconds(-1))),
                              false,
                              "PerPacket < 0");
        NS_TEST_EXPECT_MSG_EQ(cost->SetAttributeFailSafe("PerByte", TimeValue(NanoSeconds(-1))),
                              false,
                              "PerByte < 0");
        NS_TEST_EXPECT_MSG_EQ(cost->SetAttributeFailSafe("PerPacket", TimeValue(Seconds(0))),
                              true,
                              "PerPacket = 0");
        NS_TEST_EXPECT_MSG_EQ(cost->SetAttributeFailSafe("QueueLimit", UintegerValue(0)),
                              true,
                              "QueueLimit = 0: nothing waits");
        cost->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The processing-cost test suite.
 */
class PeArpProcessingCostTestSuite : public TestSuite
{
  public:
    PeArpProcessingCostTestSuite()
        : TestSuite("pe-arp-processing-cost", UNIT)
    {
        AddTestCase(new PeArpProcessingCostFifoTestCase, TestCase::QUICK);
        AddTestCase(new PeArpProcessingCostAttributesTestCase, TestCase::QUICK);
    }
};

static PeArpProcessingCostTestSuite
    g_peArpProcessingCostTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
