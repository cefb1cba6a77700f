/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * System tests of the PE-Bridge deployment (paper Figure 5): an unmodified
 * gateway with ns-3's stock ARP, a PE-Bridge, hosts sharing an address.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/arp-cache.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <sstream>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpBridgeTestSuite");

/**
 * \ingroup pe-arp-tests
 * TCP and UDP in both directions through an unmodified gateway and a
 * PE-Bridge reach exactly the right host, with exact PE-ARP counts.
 */
class PeArpBridgeTrafficTestCase : public TestCase
{
  public:
    /**
     * \param switched one bridge port per host
     */
    explicit PeArpBridgeTrafficTestCase(bool switched)
        : TestCase(std::string("Figure 5: TCP and UDP both ways reach exactly the right host (") +
                   (switched ? "a port per host" : "hosts on one segment") + ")"),
          m_switched(switched)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f(m_switched);
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), true, 2500);
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Ptr<Application> sinkC = InstallSink(f.hosts.Get(2), true, 4500);
        Ptr<Application> inetUdp = InstallSink(f.inet, false, 9);
        Ptr<Application> inetTcp = InstallSink(f.inet, true, 80);
        SendTcp(f.inet, f.shared, 2500, 5000, Seconds(1.0));
        Figure5::SendUdp(f.inet, Seconds(1.1), f.shared, 3500, 3, 100);
        SendTcp(f.inet, f.shared, 4500, 3000, Seconds(1.2));
        for (uint32_t i = 0; i < 3; i++)
        {
            Figure5::SendUdp(f.hosts.Get(i), Seconds(3.0 + 0.1 * i), f.inetAddress, 9, 1, 50);
        }
        SendTcp(f.hosts.Get(1), f.inetAddress, 80, 2000, Seconds(4.0));
        Simulator::Stop(Seconds(8));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 5000, "A receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "B receives its datagrams");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkC), 3000, "C receives its TCP bytes");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetUdp), 150, "every host reaches the Internet over UDP");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(inetTcp), 2000, "and B over TCP");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetWrongHostPackets(), 0, "no misdelivery");
            // The bridge asks from 0.0.0.0, so a host learns the gateway by
            // asking for it once.
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().requestsSent,
                                  1,
                                  "host " << i << " resolves the gateway once");
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent,
                                  1,
                                  "host " << i << " answers the bridge once");
        }
        const PeArpL3Protocol::Counters& bridge = f.EdgeProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(bridge.requestsSent, 3, "one bridge request per host range");
        NS_TEST_EXPECT_MSG_EQ(bridge.repliesReceived, 3, "three replies");
        NS_TEST_EXPECT_MSG_EQ(bridge.TotalDrops(), 0, "no drop");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetProxiedRequests(),
                              1,
                              "the gateway's one standard request for the shared address");
        NS_TEST_EXPECT_MSG_EQ(f.bridge->GetSuppressedFloods(),
                              3,
                              "the hosts' requests for the gateway went to its port only");
        NS_TEST_EXPECT_MSG_GT(f.bridge->GetRewrittenFrames(), 3, "frames were redirected");

        // The unmodified gateway resolved the shared address to the bridge.
        Ptr<Ipv4L3Protocol> ipv4 = f.gateway->GetObject<Ipv4L3Protocol>();
        Ptr<ArpCache> arp = ipv4->GetInterface(2)->GetArpCache();
        ArpCache::Entry* entry = arp->Lookup(f.shared);
        PEARP_REQUIRE_NE(entry, nullptr, "the gateway has an ARP entry for the shared address");
        NS_TEST_EXPECT_MSG_EQ(Mac48Address::ConvertFrom(entry->GetMacAddress()),
                              f.bridge->GetMac48(),
                              "pointing to the PE-Bridge");

        std::ostringstream expected;
        for (uint32_t i = 0; i < 3; i++)
        {
            std::ostringstream address;
            address << "198.108.63.2:" << 2000 + 1000 * i << "-" << 2999 + 1000 * i;
            std::ostringstream mac;
            mac << Mac48Address::ConvertFrom(f.hostLink[i]->GetAddress());
            expected << address.str() << std::string(25 - address.str().size(), ' ') << "ether   "
                     << mac.str() << "   br0\n";
        }
        std::ostringstream table;
        f.bridge->GetCache()->Print(table);
        NS_TEST_EXPECT_MSG_EQ(table.str(),
                              "Address                  HWtype  HWaddress           Iface\n" +
                                  expected.str(),
                              "the bridge's table");
        Simulator::Destroy();
    }

    bool m_switched; //!< one port per host
};

/**
 * \ingroup pe-arp-tests
 * Frames that miss in the bridge wait for the reply and are all delivered.
 */
class PeArpBridgeQueuedMissTestCase : public TestCase
{
  public:
    PeArpBridgeQueuedMissTestCase()
        : TestCase("Figure 5: frames queued on a miss are delivered after resolution")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f;
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure5::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 100);
        std::vector<Time> arrivals;
        sinkB->TraceConnectWithoutContext("Rx",
                                          Callback<void, Ptr<const Packet>, const Address&>(
                                              [&arrivals](Ptr<const Packet>, const Address&) {
                                                  arrivals.push_back(Simulator::Now());
                                              }));
        Time resolved;
        f.bridge->GetCache()->TraceConnectWithoutContext(
            "EntryUpdated",
            Callback<void, Ipv4Address, const PeArpPortRange&, Mac48Address>(
                [&resolved](Ipv4Address, const PeArpPortRange&, Mac48Address) {
                    resolved = Simulator::Now();
                }));
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "all three queued datagrams arrive");
        NS_TEST_EXPECT_MSG_EQ(f.EdgeProtocol()->GetCounters().requestsSent, 1, "one request");
        PEARP_REQUIRE_EQ(arrivals.size(), 3, "three arrivals");
        NS_TEST_EXPECT_MSG_GT(resolved, Seconds(1), "the bridge resolved B's range");
        for (const Time& t : arrivals)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(t, resolved, "delivered only after the reply");
            NS_TEST_EXPECT_MSG_LT(t, resolved + MicroSeconds(100), "and right after it");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Frames that wait in the PE-Bridge for a resolution keep their own source
 * MAC (the gateway's) when they are forwarded; the bridge remembers it in
 * its pending queue, not in a packet tag, so nothing of the bridge's stays
 * on the packets it hands on or drops.
 */
class PeArpBridgeQueuedSourceTestCase : public TestCase
{
  public:
    PeArpBridgeQueuedSourceTestCase()
        : TestCase("Figure 5: queued frames keep their source MAC; no tag on dropped packets")
    {
    }

  private:
    /**
     * \param packet a packet
     * \return the names of its packet tags, space separated
     */
    static std::string TagNames(Ptr<const Packet> packet)
    {
        std::string names;
        PacketTagIterator it = packet->GetPacketTagIterator();
        while (it.HasNext())
        {
            names += it.Next().GetTypeId().GetName() + " ";
        }
        return names;
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure5 f;
        Ptr<Application> sinkB = InstallSink(f.hosts.Get(1), false, 3500);
        Figure5::SendUdp(f.inet, Seconds(1.0), f.shared, 3500, 3, 100); // queued, delivered
        Figure5::SendUdp(f.inet, Seconds(1.5), f.shared, 5000, 2, 100); // nobody owns 5000
        Mac48Address gateway = Mac48Address::ConvertFrom(f.gatewayLink->GetAddress());
        std::vector<Mac48Address> sources;
        f.hostLink[1]->TraceConnectWithoutContext(
            "MacRx",
            Callback<void, Ptr<const Packet>>([&sources](Ptr<const Packet> p) {
                EthernetHeader eth(false);
                p->PeekHeader(eth);
                if (eth.GetLengthType() == 0x0800)
                {
                    sources.push_back(eth.GetSource());
                }
            }));
        std::vector<std::string> droppedTags;
        std::vector<PeArpL3Protocol::DropReason> reasons;
        f.EdgeProtocol()->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, PeArpL3Protocol::DropReason>(
                [&droppedTags, &reasons](Ptr<const Packet> p, PeArpL3Protocol::DropReason r) {
                    droppedTags.push_back(TagNames(p));
                    reasons.push_back(r);
                }));
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkB), 300, "all three queued datagrams arrive");
        PEARP_REQUIRE_EQ(sources.size(), 3U, "three IPv4 frames reach B");
        for (const Mac48Address& source : sources)
        {
            NS_TEST_EXPECT_MSG_EQ(source, gateway, "with the gateway's source MAC");
        }
        PEARP_REQUIRE_EQ(reasons.size(), 2U, "the two datagrams for 5000 are dropped");
        for (uint32_t i = 0; i < 2; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(reasons[i], PeArpL3Protocol::RESOLUTION_FAILED, "reason");
            NS_TEST_EXPECT_MSG_EQ(droppedTags[i].find("PeArp"),
                                  std::string::npos,
                                  "no PE-ARP tag on the dropped packet: " << droppedTags[i]);
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The PE-Bridge suite.
 */
class PeArpBridgeTestSuite : public TestSuite
{
  public:
    PeArpBridgeTestSuite()
        : TestSuite("pe-arp-bridge", SYSTEM)
    {
        AddTestCase(new PeArpBridgeTrafficTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpBridgeTrafficTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpBridgeQueuedMissTestCase, TestCase::QUICK);
        AddTestCase(new PeArpBridgeQueuedSourceTestCase, TestCase::QUICK);
    }
};

static PeArpBridgeTestSuite g_peArpBridgeTestSuite; //!< Static variable for test initialization
