/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * PeArpHelper's address assignment: overlapping ranges of one address on one
 * LAN (a CSMA bus, or the channels joined by a bridge) are refused, whichever
 * helper assigned them.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/bridge-helper.h"
#include "ns3/bridge-net-device.h"
#include "ns3/channel.h"
#include "ns3/csma-helper.h"
#include "ns3/error-model.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/pe-arp-bridge-helper.h"
#include "ns3/pe-arp-stack-helper.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/test.h"

#include <string>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpHelperTestSuite");

namespace
{

/** How the hosts of a test LAN are connected. */
enum LanKind
{
    BUS,             //!< one CSMA channel
    SWITCHED,        //!< a link per host to a ns3::BridgeNetDevice
    PE_BRIDGE_LINKS, //!< a link per host to a ns3::PeArpBridgeNetDevice
};

/**
 * \param kind a LAN kind
 * \return its name
 */
std::string
KindName(LanKind kind)
{
    switch (kind)
    {
    case BUS:
        return "one CSMA bus";
    case SWITCHED:
        return "switched by a BridgeNetDevice";
    case PE_BRIDGE_LINKS:
        return "switched by a PE-Bridge";
    }
    return "?";
}

/**
 * Build a LAN of PE-ARP hosts (PE-ARP host stack and interfaces, no address).
 * \param kind how the hosts are connected
 * \param n number of hosts
 * \return the hosts' PE-ARP interfaces
 */
NetDeviceContainer
BuildLan(LanKind kind, uint32_t n)
{
    NodeContainer hosts;
    hosts.Create(n);
    PeArpStackHelper().Install(hosts);
    CsmaHelper csma;
    NetDeviceContainer links;
    if (kind == BUS)
    {
        links = csma.Install(hosts);
    }
    else
    {
        Ptr<Node> bridge = CreateObject<Node>();
        NetDeviceContainer ports;
        for (uint32_t i = 0; i < n; i++)
        {
            NetDeviceContainer pair = csma.Install(NodeContainer(hosts.Get(i), bridge));
            links.Add(pair.Get(0));
            ports.Add(pair.Get(1));
        }
        if (kind == SWITCHED)
        {
            BridgeHelper().Install(bridge, ports);
        }
        else
        {
            PeArpBridgeHelper().Install(bridge, ports, {Ipv4Address("198.108.63.2")});
        }
    }
    return PeArpHelper().Install(links);
}

/**
 * \param address an address of 198.108.63.0/24
 * \return it with its mask
 */
Ipv4InterfaceAddress
Shared(const char* address)
{
    return Ipv4InterfaceAddress(address, "255.255.255.0");
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Two helpers assign ranges of one address on one LAN: an overlap is
 * refused, naming the address, both ranges and the node that holds the
 * other; disjoint ranges, another address and another LAN are accepted.
 */
class PeArpHelperOverlapTestCase : public TestCase
{
  public:
    /**
     * \param kind how the hosts are connected
     */
    explicit PeArpHelperOverlapTestCase(LanKind kind)
        : TestCase("overlapping ranges across helpers are refused per LAN (" + KindName(kind) +
                   ")"),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        NetDeviceContainer lan = BuildLan(m_kind, 4);
        NetDeviceContainer other = BuildLan(m_kind, 2);

        PeArpHelper first;
        first.Assign(lan.Get(0), Shared("198.108.63.2"), PeArpPortRange(2000, 2999));
        first.Assign(lan.Get(3), Shared("198.108.63.1"));

        PeArpHelper second;
        std::string why;
        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(lan.Get(1),
                                                              Shared("198.108.63.2"),
                                                              PeArpPortRange(2500, 3499)),
                                       why),
                              false,
                              "2500-3499 overlaps 2000-2999 assigned by another helper");
        std::string node = "node " + std::to_string(lan.Get(0)->GetNode()->GetId());
        NS_TEST_EXPECT_MSG_NE(why.find("198.108.63.2"), std::string::npos, why);
        NS_TEST_EXPECT_MSG_NE(why.find("2500-3499"), std::string::npos, why);
        NS_TEST_EXPECT_MSG_NE(why.find("2000-2999"), std::string::npos, why);
        NS_TEST_EXPECT_MSG_NE(why.find(node), std::string::npos, why);
        std::optional<PeArpLanAssignment> overlap =
            PeArpHelper::FindOverlap(lan.Get(1), "198.108.63.2", PeArpPortRange(2500, 3499));
        PEARP_REQUIRE_EQ(overlap.has_value(), true, "FindOverlap finds it too");
        NS_TEST_EXPECT_MSG_EQ(overlap->range, PeArpPortRange(2000, 2999), "the range it overlaps");
        NS_TEST_EXPECT_MSG_EQ(overlap->address, Ipv4Address("198.108.63.2"), "of the address");
        NS_TEST_EXPECT_MSG_EQ(overlap->node, lan.Get(0)->GetNode()->GetId(), "on host 0");
        NS_TEST_EXPECT_MSG_EQ(overlap->device, lan.Get(0)->GetIfIndex(), "its PE-ARP interface");
        overlap =
            PeArpHelper::FindOverlap(lan.Get(2), "198.108.63.1", PeArpPortRange(65535, 65535));
        PEARP_REQUIRE_EQ(overlap.has_value(), true, "port 65535 of an address with all ports");
        NS_TEST_EXPECT_MSG_EQ(overlap->range.IsAll(), true, "all ports");
        NS_TEST_EXPECT_MSG_EQ(overlap->node, lan.Get(3)->GetNode()->GetId(), "on host 3");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpHelper::FindOverlap(lan.Get(1), "198.108.63.2", PeArpPortRange(3000, 3999))
                .has_value(),
            false,
            "3000-3999 is free");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpHelper::FindOverlap(lan.Get(1), "198.108.63.2", PeArpPortRange(1, 1999))
                .has_value(),
            false,
            "1-1999 is free");
        NS_TEST_EXPECT_MSG_EQ(
            PeArpHelper::FindOverlap(other.Get(0), "198.108.63.2", PeArpPortRange(2000, 2999))
                .has_value(),
            false,
            "2000-2999 is free on the other LAN");

        PeArpPortSet touching(PeArpPortRange(1000, 1499));
        touching.Add(PeArpPortRange(2999, 2999));
        NS_TEST_EXPECT_MSG_EQ(
            Accepted(second.CheckAssignment(lan.Get(2), Shared("198.108.63.2"), touching), why),
            false,
            "a set whose second range touches 2000-2999");
        overlap = PeArpHelper::FindOverlap(lan.Get(2), "198.108.63.2", touching);
        PEARP_REQUIRE_EQ(overlap.has_value(), true, "FindOverlap with the set");
        NS_TEST_EXPECT_MSG_EQ(overlap->range, PeArpPortRange(2000, 2999), "the range it touches");
        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(lan.Get(1),
                                                              Shared("198.108.63.1"),
                                                              PeArpPortRange(5000, 5999)),
                                       why),
                              false,
                              "ports of an address assigned with all its ports");

        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(lan.Get(1),
                                                              Shared("198.108.63.2"),
                                                              PeArpPortRange(3000, 3999)),
                                       why),
                              true,
                              "disjoint ranges are accepted: " << why);
        second.Assign(lan.Get(1), Shared("198.108.63.2"), PeArpPortRange(3000, 3999));
        NS_TEST_EXPECT_MSG_EQ(Accepted(first.CheckAssignment(lan.Get(2),
                                                             Shared("198.108.63.2"),
                                                             PeArpPortRange(3999, 4000)),
                                       why),
                              false,
                              "the first helper sees what the second assigned");
        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(lan.Get(2),
                                                              Shared("198.108.63.3"),
                                                              PeArpPortRange(2000, 2999)),
                                       why),
                              true,
                              "another address is accepted: " << why);
        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(other.Get(0),
                                                              Shared("198.108.63.2"),
                                                              PeArpPortRange(2000, 2999)),
                                       why),
                              true,
                              "the same range on another LAN is accepted: " << why);
        PeArpHelper third;
        third.Assign(other.Get(0), Shared("198.108.63.2"), PeArpPortRange(2000, 2999));
        NS_TEST_EXPECT_MSG_EQ(Accepted(second.CheckAssignment(other.Get(1),
                                                              Shared("198.108.63.2"),
                                                              PeArpPortRange(2999, 3000)),
                                       why),
                              false,
                              "and checked on that LAN");
        NS_TEST_EXPECT_MSG_EQ(
            Accepted(
                first.CheckAssignment(other.Get(1), Shared("198.108.63.1"), PeArpPortRange::All()),
                why),
            true,
            "one helper may give an address to a node of each LAN: " << why);
        Simulator::Destroy();
    }

    LanKind m_kind; //!< how the hosts are connected
};

/**
 * \ingroup pe-arp-tests
 * A host linked to a bridge after ranges were assigned on the bridge's LAN
 * is checked against them (its channel's first look-up finds the LAN).
 */
class PeArpHelperLanGrowsTestCase : public TestCase
{
  public:
    /**
     * \param kind SWITCHED or PE_BRIDGE_LINKS
     */
    explicit PeArpHelperLanGrowsTestCase(LanKind kind)
        : TestCase("a host linked to the bridge later is checked against the LAN (" +
                   KindName(kind) + ")"),
          m_kind(kind)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        NetDeviceContainer lan = BuildLan(m_kind, 2);
        PeArpHelper first;
        first.Assign(lan.Get(0), Shared("198.108.63.2"), PeArpPortRange(2000, 2999));

        // The bridge: the other end of host 0's link.
        Ptr<Channel> link0 =
            DynamicCast<PeArpNetDevice>(lan.Get(0))->GetLowerDevice()->GetChannel();
        Ptr<NetDevice> port0 = link0->GetDevice(1);
        Ptr<Node> bridgeNode = port0->GetNode();
        Ptr<Node> late = CreateObject<Node>();
        PeArpStackHelper().Install(late);
        NetDeviceContainer pair = CsmaHelper().Install(NodeContainer(late, bridgeNode));
        for (uint32_t d = 0; d < bridgeNode->GetNDevices(); d++)
        {
            if (Ptr<BridgeNetDevice> b = DynamicCast<BridgeNetDevice>(bridgeNode->GetDevice(d)))
            {
                b->AddBridgePort(pair.Get(1));
            }
            if (Ptr<PeArpBridgeNetDevice> b =
                    DynamicCast<PeArpBridgeNetDevice>(bridgeNode->GetDevice(d)))
            {
                b->AddBridgePort(pair.Get(1));
            }
        }
        Ptr<NetDevice> lateInterface = PeArpHelper().Install(pair.Get(0));
        std::optional<PeArpLanAssignment> overlap =
            PeArpHelper::FindOverlap(lateInterface, "198.108.63.2", PeArpPortRange(2999, 3999));
        PEARP_REQUIRE_EQ(overlap.has_value(), true, "the late host's link is on the LAN");
        NS_TEST_EXPECT_MSG_EQ(overlap->node, lan.Get(0)->GetNode()->GetId(), "host 0's range");
        PeArpHelper second;
        second.Assign(lateInterface, Shared("198.108.63.2"), PeArpPortRange(3000, 3999));
        NS_TEST_EXPECT_MSG_EQ(
            PeArpHelper::FindOverlap(lan.Get(1), "198.108.63.2", PeArpPortRange(3500, 3500))
                .has_value(),
            true,
            "and what it is given is seen from the other hosts");
        Simulator::Destroy();
    }

    LanKind m_kind; //!< how the hosts are connected
};

/**
 * \ingroup pe-arp-tests
 * A link device whose broadcast address is not ff:ff:ff:ff:ff:ff (no ns-3
 * device has one; the PE-ARP interface answers GetBroadcast with it).
 */
class PeArpOddBroadcastDevice : public SimpleNetDevice
{
  public:
    Address GetBroadcast() const override
    {
        return Mac48Address("02:00:00:00:00:ff");
    }
};

/**
 * \ingroup pe-arp-tests
 * PeArpNetDevice::SetLowerDevice stops with a message naming what is wrong
 * with the link device, and accepts a good one.
 */
class PeArpStackOnLinkTestCase : public TestCase
{
  public:
    PeArpStackOnLinkTestCase()
        : TestCase("a PE-ARP interface is stacked only on a broadcast link with 48-bit MACs")
    {
    }

  private:
    /**
     * Stack a PE-ARP interface on a link device, on a node with PE-ARP.
     * \param lower the link device (not on a node yet)
     */
    static void Stack(Ptr<NetDevice> lower)
    {
        Ptr<Node> node = CreateObject<Node>();
        node->AggregateObject(CreateObject<PeArpL3Protocol>());
        node->AddDevice(lower);
        lower->SetAddress(Mac48Address::Allocate());
        Ptr<PeArpNetDevice> peArp = CreateObject<PeArpNetDevice>();
        node->AddDevice(peArp);
        peArp->SetLowerDevice(lower);
    }

    void DoRun() override
    {
        ChildOutcome odd = RunInChild([]() { Stack(CreateObject<PeArpOddBroadcastDevice>()); });
        NS_TEST_EXPECT_MSG_EQ(odd.aborted, true, "stopped; it said: " << odd.output);
        NS_TEST_EXPECT_MSG_NE(odd.output.find("broadcast address is not ff:ff:ff:ff:ff:ff"),
                              std::string::npos,
                              "names the broadcast address; it said: " << odd.output);
        ChildOutcome pointToPoint = RunInChild([]() {
            Ptr<SimpleNetDevice> lower = CreateObject<SimpleNetDevice>();
            lower->SetAttribute("PointToPointMode", BooleanValue(true));
            Stack(lower);
        });
        NS_TEST_EXPECT_MSG_EQ(pointToPoint.aborted, true, "stopped: " << pointToPoint.output);
        NS_TEST_EXPECT_MSG_NE(pointToPoint.output.find("the link device cannot broadcast"),
                              std::string::npos,
                              "says it cannot broadcast; it said: " << pointToPoint.output);
        ChildOutcome good = RunInChild([]() { Stack(CreateObject<SimpleNetDevice>()); });
        NS_TEST_EXPECT_MSG_EQ(good.aborted, false, "a broadcast link is fine: " << good.output);
    }
};

/**
 * \ingroup pe-arp-tests
 * The PeArpHelper suite.
 */
class PeArpHelperTestSuite : public TestSuite
{
  public:
    PeArpHelperTestSuite()
        : TestSuite("pe-arp-helper", UNIT)
    {
        AddTestCase(new PeArpHelperOverlapTestCase(BUS), TestCase::QUICK);
        AddTestCase(new PeArpHelperOverlapTestCase(SWITCHED), TestCase::QUICK);
        AddTestCase(new PeArpHelperOverlapTestCase(PE_BRIDGE_LINKS), TestCase::QUICK);
        AddTestCase(new PeArpHelperLanGrowsTestCase(SWITCHED), TestCase::QUICK);
        AddTestCase(new PeArpHelperLanGrowsTestCase(PE_BRIDGE_LINKS), TestCase::QUICK);
        AddTestCase(new PeArpStackOnLinkTestCase, TestCase::QUICK);
    }
};

static PeArpHelperTestSuite g_peArpHelperTestSuite; //!< Static variable for test initialization
