/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * PE-ARP protocol conduct on the Figure 4 LAN: bad and hostile frames are
 * dropped and counted without touching the caches; standard ARP neighbours
 * are handled; traffic without ports follows the DefaultPort policy; a full
 * table refuses entries and counts it.
 */

#include "pe-arp-test-utilities.h"

#include "ns3/boolean.h"
#include "ns3/config.h"
#include "ns3/icmpv4.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-raw-socket-factory.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-interface.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/test.h"
#include "ns3/uinteger.h"

#include <map>

using namespace ns3;
using namespace ns3::tests;

NS_LOG_COMPONENT_DEFINE("PeArpProtocolTestSuite");

namespace
{

/**
 * Write an ARP frame byte by byte (RFC 826 / PE-ARP Table II), independently
 * of PeArpHeader.
 */
struct Frame
{
    uint16_t hardwareType = 1;      //!< hardware type
    uint16_t protocolType = 0x0800; //!< protocol type
    uint8_t hlen = 6;               //!< hardware address length
    uint8_t plen = 4;               //!< protocol address length
    uint16_t operation = 1;         //!< operation
    Mac48Address senderMac;         //!< sender MAC
    Ipv4Address senderIp;           //!< sender IP
    Mac48Address targetMac;         //!< target MAC
    Ipv4Address targetIp;           //!< target IP
    bool extension = false;         //!< append the PE-ARP extension
    uint16_t low = 0;               //!< sender range low
    uint16_t high = 0;              //!< sender range high
    uint16_t targetPort = 0;        //!< target port
    uint16_t returnPort = 0;        //!< return port

    /** \return the bytes */
    std::vector<uint8_t> Bytes() const
    {
        std::vector<uint8_t> b;
        auto u16 = [&b](uint16_t v) {
            b.push_back(v >> 8);
            b.push_back(v & 0xff);
        };
        auto mac = [&b](Mac48Address m) {
            uint8_t raw[6];
            m.CopyTo(raw);
            b.insert(b.end(), raw, raw + 6);
        };
        auto ip = [&b](Ipv4Address a) {
            uint32_t v = a.Get();
            for (int s = 24; s >= 0; s -= 8)
            {
                b.push_back((v >> s) & 0xff);
            }
        };
        u16(hardwareType);
        u16(protocolType);
        b.push_back(hlen);
        b.push_back(plen);
        u16(operation);
        mac(senderMac);
        ip(senderIp);
        mac(targetMac);
        ip(targetIp);
        if (extension)
        {
            u16(0xEAAB);
            u16(low);
            u16(high);
            u16(targetPort);
            u16(returnPort);
        }
        return b;
    }
};

/**
 * \param f the topology
 * \return a request "who has 198.108.63.2? tell 198.108.63.1" from the router
 */
Frame
RequestFromRouter(const Figure4& f)
{
    Frame frame;
    frame.senderMac = Mac48Address::ConvertFrom(f.routerLink->GetAddress());
    frame.senderIp = Ipv4Address("198.108.63.1");
    frame.targetMac = Mac48Address("00:00:00:00:00:00");
    frame.targetIp = f.shared;
    return frame;
}

/**
 * \param f the topology
 * \param reason a drop reason
 * \return the sum of that reason over the three hosts
 */
uint64_t
HostDrops(const Figure4& f, PeArpL3Protocol::DropReason reason)
{
    uint64_t n = 0;
    for (uint32_t i = 0; i < f.hosts.GetN(); i++)
    {
        n += f.HostProtocol(i)->GetCounters().drops[reason];
    }
    return n;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Malformed frames are dropped and counted by every host, and change nothing.
 */
class PeArpMalformedFrameTestCase : public TestCase
{
  public:
    PeArpMalformedFrameTestCase()
        : TestCase("malformed ARP frames are dropped and counted, caches untouched")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Mac48Address broadcast = Mac48Address::GetBroadcast();
        std::vector<Frame> bad(5, RequestFromRouter(f));
        bad[0].hardwareType = 6;      // IEEE 802 networks, not Ethernet
        bad[1].protocolType = 0x86dd; // IPv6
        bad[2].operation = 3;         // RARP request
        bad[3].extension = true;      // low > high
        bad[3].low = 3000;
        bad[3].high = 2999;
        bad[3].targetPort = 3500;
        bad[4].hlen = 8;
        for (uint32_t i = 0; i < bad.size(); i++)
        {
            f.InjectArp(Seconds(1.0 + i * 0.1), bad[i].Bytes(), broadcast);
        }
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(HostDrops(f, PeArpL3Protocol::MALFORMED_FRAME),
                              15,
                              "5 malformed frames dropped by each of the 3 hosts");
        for (uint32_t i = 0; i < 3; i++)
        {
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[i]->GetCache()->GetSize(), 0, "no entry learned");
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent, 0, "no reply");
        }
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A reply nobody asked for is dropped (suspected poisoning); traffic then
 * resolves the real router.
 */
class PeArpUnsolicitedReplyTestCase : public TestCase
{
  public:
    PeArpUnsolicitedReplyTestCase()
        : TestCase("an unsolicited reply is dropped and does not poison the cache")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Frame poison;
        poison.operation = 2;
        poison.senderMac = Mac48Address("00:de:ad:be:ef:00");
        poison.senderIp = Ipv4Address("198.108.63.1"); // claims to be the router
        poison.targetMac = Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress());
        poison.targetIp = f.shared;
        poison.extension = true;
        poison.targetPort = 2000;
        poison.returnPort = 9;
        // Sent by host C's link device to host A.
        Figure4::InjectArpFrom(f.hostLink[2], Seconds(1.0), poison.Bytes(), poison.targetMac);
        Ptr<Application> sink = InstallSink(f.inet, false, 9);
        Figure4::SendUdp(f.hosts.Get(0), Seconds(2.0), f.inetAddress, 9, 1, 100);
        Simulator::Stop(Seconds(4));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(
            f.HostProtocol(0)->GetCounters().drops[PeArpL3Protocol::UNSOLICITED_REPLY],
            1,
            "A dropped the unsolicited reply");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink),
                              100,
                              "A reached the Internet through the real router");
        PeArpCache::Entry* router =
            f.hostLan[0]->GetCache()->Lookup(Ipv4Address("198.108.63.1"), 9);
        PEARP_REQUIRE_NE(router, nullptr, "A resolved the router");
        NS_TEST_EXPECT_MSG_EQ(router->GetMacAddress(),
                              Mac48Address::ConvertFrom(f.routerLink->GetAddress()),
                              "with the router's real MAC");
        NS_TEST_EXPECT_MSG_EQ(router->GetRange(),
                              PeArpPortRange::All(),
                              "the router owns all ports");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A reply whose range does not hold the port asked for is dropped.
 */
class PeArpInconsistentReplyTestCase : public TestCase
{
  public:
    PeArpInconsistentReplyTestCase()
        : TestCase("a reply whose range does not hold the requested port is dropped")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 5000, 1, 10); // nobody owns 5000
        Frame liar;
        liar.operation = 2;
        liar.senderMac = Mac48Address::ConvertFrom(f.hostLink[2]->GetAddress());
        liar.senderIp = f.shared;
        liar.targetMac = Mac48Address::ConvertFrom(f.routerLink->GetAddress());
        liar.targetIp = Ipv4Address("198.108.63.1");
        liar.extension = true;
        liar.low = 6000;
        liar.high = 6999;
        liar.targetPort = 0;
        liar.returnPort = 5000;
        Figure4::InjectArpFrom(f.hostLink[2], Seconds(1.5), liar.Bytes(), liar.targetMac);
        Simulator::Stop(Seconds(2));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(
            f.RouterProtocol()->GetCounters().drops[PeArpL3Protocol::INCONSISTENT_REPLY],
            1,
            "the router dropped the inconsistent reply");
        NS_TEST_EXPECT_MSG_EQ(f.RouterProtocol()->GetCounters().repliesReceived, 0, "not accepted");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->IsShared(f.shared),
                              false,
                              "nothing learned");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * Standard ARP: a request for a shared address is not answered (the requester
 * could not tell the sharers apart); a request for an address a host owns
 * entirely gets a standard reply.
 */
class PeArpStandardArpTestCase : public TestCase
{
  public:
    PeArpStandardArpTestCase()
        : TestCase("standard ARP requests: not answered for a shared address, answered otherwise")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        {
            Figure4 f;
            f.InjectArp(Seconds(1.0), RequestFromRouter(f).Bytes(), Mac48Address::GetBroadcast());
            Simulator::Stop(Seconds(2));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(HostDrops(f, PeArpL3Protocol::LEGACY_REQUEST_FOR_SHARED),
                                  3,
                                  "each sharer refuses the standard request");
            for (uint32_t i = 0; i < 3; i++)
            {
                NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(i)->GetCounters().repliesSent, 0, "no reply");
            }
            Simulator::Destroy();
        }
        {
            Figure4 f({PeArpPortRange::All()}); // one host owning all of 198.108.63.2
            std::vector<PeArpHeader> replies;
            f.HostProtocol(0)->TraceConnectWithoutContext(
                "ReplySent",
                Callback<void, Ptr<const NetDevice>, const PeArpHeader&>(
                    [&replies](Ptr<const NetDevice>, const PeArpHeader& h) {
                        replies.push_back(h);
                    }));
            f.InjectArp(Seconds(1.0), RequestFromRouter(f).Bytes(), Mac48Address::GetBroadcast());
            Simulator::Stop(Seconds(2));
            Simulator::Run();
            PEARP_REQUIRE_EQ(replies.size(), 1, "the owner answers");
            NS_TEST_EXPECT_MSG_EQ(replies[0].HasExtension(), false, "with a standard reply");
            NS_TEST_EXPECT_MSG_EQ(replies[0].GetSerializedSize(), 28, "of 28 bytes");
            NS_TEST_EXPECT_MSG_EQ(f.HostProtocol(0)->GetCounters().standardFramesReceived,
                                  1,
                                  "the request was recognised as standard ARP");
            PeArpCache::Entry* learned =
                f.hostLan[0]->GetCache()->Lookup(Ipv4Address("198.108.63.1"), 0);
            PEARP_REQUIRE_NE(learned, nullptr, "the requester was learned");
            NS_TEST_EXPECT_MSG_EQ(learned->GetRange(), PeArpPortRange::All(), "as 0-0");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * Traffic without ports (ICMP echo) to the shared address: dropped and
 * counted by default once the address is known to be shared; delivered to
 * the host owning DefaultPort when it is set.
 */
class PeArpPortlessTestCase : public TestCase
{
  public:
    PeArpPortlessTestCase()
        : TestCase("traffic without ports follows the DefaultPort policy")
    {
    }

  private:
    /**
     * Send an ICMP echo request from the Internet host.
     * \param f the topology
     * \param at when
     */
    static void Ping(Figure4& f, Time at)
    {
        Ptr<Socket> socket = Socket::CreateSocket(f.inet, Ipv4RawSocketFactory::GetTypeId());
        socket->SetAttribute("Protocol", UintegerValue(1));
        Simulator::Schedule(at, [socket, &f]() {
            Icmpv4Echo echo;
            echo.SetIdentifier(7);
            echo.SetSequenceNumber(1);
            Ptr<Packet> p = Create<Packet>(16);
            p->AddHeader(echo);
            Icmpv4Header header;
            header.SetType(Icmpv4Header::ICMPV4_ECHO);
            header.SetCode(0);
            p->AddHeader(header);
            socket->SendTo(p, 0, InetSocketAddress(f.shared, 0));
        });
    }

    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        // Default policy: the first echo finds nobody owning port 0 of the
        // address; after TCP/UDP taught the router the address is shared,
        // the next echo is dropped at once.
        {
            Figure4 f;
            Ping(f, Seconds(1.0));
            Figure4::SendUdp(f.inet, Seconds(6.0), f.shared, 2500, 1, 10);
            Ping(f, Seconds(7.0));
            Simulator::Stop(Seconds(8));
            Simulator::Run();
            PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
            NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetResolutionFailures(),
                                  1,
                                  "nobody answers for port 0 of the shared address");
            NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::PORTLESS_TO_SHARED],
                                  1,
                                  "the second echo is dropped as traffic without ports");
            NS_TEST_EXPECT_MSG_EQ(c.requestsSent, 5, "4 for port 0, 1 for port 2500");
            Simulator::Destroy();
        }
        // DefaultPort = 3000: the echo goes to B, which answers it.
        {
            Config::SetDefault("ns3::PeArpL3Protocol::DefaultPort", UintegerValue(3000));
            Figure4 f;
            uint32_t echoReplies = 0;
            Ptr<Socket> listener = Socket::CreateSocket(f.inet, Ipv4RawSocketFactory::GetTypeId());
            listener->SetAttribute("Protocol", UintegerValue(1));
            listener->SetRecvCallback(Callback<void, Ptr<Socket>>([&echoReplies](Ptr<Socket> s) {
                while (s->Recv())
                {
                    echoReplies++;
                }
            }));
            std::vector<uint64_t> rx(3, 0);
            for (uint32_t i = 0; i < 3; i++)
            {
                f.hosts.Get(i)->GetObject<Ipv4>()->TraceConnectWithoutContext(
                    "LocalDeliver",
                    Callback<void, const Ipv4Header&, Ptr<const Packet>, uint32_t>(
                        [&rx, i](const Ipv4Header&, Ptr<const Packet>, uint32_t) { rx[i]++; }));
            }
            Ping(f, Seconds(1.0));
            Simulator::Stop(Seconds(3));
            Simulator::Run();
            NS_TEST_EXPECT_MSG_EQ(rx[0], 0, "A does not get the echo");
            NS_TEST_EXPECT_MSG_EQ(rx[1], 1, "B, owner of port 3000, gets it");
            NS_TEST_EXPECT_MSG_EQ(rx[2], 0, "C does not get the echo");
            NS_TEST_EXPECT_MSG_GT(echoReplies, 0, "the echo reply reached the Internet host");
            Simulator::Destroy();
            Config::Reset();
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * A full table refuses new entries and counts them; existing ones keep working.
 */
class PeArpTableFullTestCase : public TestCase
{
  public:
    PeArpTableFullTestCase()
        : TestCase("a full table refuses new entries, counted, without losing the others")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        f.routerLan->GetCache()->SetAttribute("MaxEntries", UintegerValue(2));
        std::vector<Ptr<Application>> sinks;
        for (uint32_t i = 0; i < 3; i++)
        {
            sinks.push_back(InstallSink(f.hosts.Get(i), false, 2500 + 1000 * i));
            Figure4::SendUdp(f.inet, Seconds(1.0 + i), f.shared, 2500 + 1000 * i, 1, 100);
        }
        Figure4::SendUdp(f.inet, Seconds(5.0), f.shared, 2500, 1, 100); // A still reachable
        Simulator::Stop(Seconds(6));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[0]), 200, "A gets both datagrams");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[1]), 100, "B gets its datagram");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinks[2]), 0, "C's entry was refused");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetRefusedEntries(), 1, "one refusal");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetSize(), 2, "the table holds 2 entries");
        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * A standard ARP reply for a shared address cannot replace its ranges.
 */
class PeArpStandardReplyForSharedTestCase : public TestCase
{
  public:
    PeArpStandardReplyForSharedTestCase()
        : TestCase("a standard reply cannot overwrite the ranges of a shared address")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 1, 10); // A's range learned
        Figure4::SendUdp(f.inet, Seconds(2.0), f.shared, 5000, 1, 10); // outstanding, unowned
        Frame forged;
        forged.operation = 2;
        forged.senderMac = Mac48Address("00:de:ad:be:ef:01");
        forged.senderIp = f.shared;
        forged.targetMac = Mac48Address::ConvertFrom(f.routerLink->GetAddress());
        forged.targetIp = Ipv4Address("198.108.63.1");
        Figure4::InjectArpFrom(f.hostLink[2], Seconds(2.1), forged.Bytes(), forged.targetMac);
        Simulator::Stop(Seconds(3));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_EQ(
            f.RouterProtocol()->GetCounters().drops[PeArpL3Protocol::RANGE_CONFLICT],
            1,
            "the standard reply was dropped as a range conflict");
        PeArpCache::Entry* a = f.routerLan->GetCache()->Lookup(f.shared, 2500);
        PEARP_REQUIRE_NE(a, nullptr, "A's entry is still there");
        NS_TEST_EXPECT_MSG_EQ(a->GetRange(), PeArpPortRange(2000, 2999), "with A's range");
        NS_TEST_EXPECT_MSG_EQ(a->GetMacAddress(),
                              Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress()),
                              "and A's MAC");
    }
};

/**
 * \ingroup pe-arp-tests
 * A frame announcing all ports (0-0) of a shared address, a standard ARP
 * request or a PE-ARP request or reply with range 0-0, never replaces the
 * address' port ranges: it is dropped and counted as a range conflict, not
 * answered, and traffic keeps going to the hosts that own the ports.
 */
class PeArpRangeConflictTestCase : public TestCase
{
  public:
    PeArpRangeConflictTestCase()
        : TestCase("a standard or 0-0 frame from a shared address cannot replace its ranges")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ipv4Address declared("198.108.63.3"); // declared shared, no range learned
        f.routerLan->AddSharedAddress(declared);
        Mac48Address router = Mac48Address::ConvertFrom(f.routerLink->GetAddress());
        Mac48Address rogue("00:de:ad:be:ef:02");
        Ptr<Application> sinkA = InstallSink(f.hosts.Get(0), false, 2500);
        Figure4::SendUdp(f.inet, Seconds(1.0), f.shared, 2500, 1, 100); // A's range learned
        Figure4::SendUdp(f.inet, Seconds(1.5), f.shared, 5000, 1, 10);  // outstanding, unowned

        // 1. A standard request from the shared address (a legacy host or a liar).
        Frame standard = RequestFromRouter(f);
        standard.senderMac = rogue;
        standard.senderIp = f.shared;
        standard.targetIp = Ipv4Address("198.108.63.1");
        Figure4::InjectArpFrom(f.hostLink[2],
                               Seconds(2.0),
                               standard.Bytes(),
                               Mac48Address::GetBroadcast());
        // 2. A PE-ARP request announcing 0-0 for the shared address.
        Frame all = standard;
        all.extension = true;
        all.low = 0;
        all.high = 0;
        all.targetPort = 0;
        all.returnPort = 0;
        Figure4::InjectArpFrom(f.hostLink[2],
                               Seconds(2.1),
                               all.Bytes(),
                               Mac48Address::GetBroadcast());
        // 3. A PE-ARP reply with 0-0 answering the outstanding request for 5000.
        Frame reply = all;
        reply.operation = 2;
        reply.targetMac = router;
        reply.targetPort = 0;
        reply.returnPort = 5000;
        Figure4::InjectArpFrom(f.hostLink[2], Seconds(2.2), reply.Bytes(), router);
        // 4. A standard request from an address declared shared, nothing learned yet.
        Frame declaredRequest = standard;
        declaredRequest.senderIp = declared;
        Figure4::InjectArpFrom(f.hostLink[2],
                               Seconds(2.3),
                               declaredRequest.Bytes(),
                               Mac48Address::GetBroadcast());
        Figure4::SendUdp(f.inet, Seconds(3.0), f.shared, 2500, 1, 100); // still to A
        Simulator::Stop(Seconds(4));
        Simulator::Run();

        PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::RANGE_CONFLICT],
                              4,
                              "the four frames were dropped as range conflicts");
        NS_TEST_EXPECT_MSG_EQ(c.repliesSent, 0, "the router answered none of them");
        PeArpCache::Entry* a = f.routerLan->GetCache()->Lookup(f.shared, 2500);
        PEARP_REQUIRE_NE(a, nullptr, "A's entry is still there");
        NS_TEST_EXPECT_MSG_EQ(a->GetRange(), PeArpPortRange(2000, 2999), "with A's range");
        NS_TEST_EXPECT_MSG_EQ(a->GetMacAddress(),
                              Mac48Address::ConvertFrom(f.hostLink[0]->GetAddress()),
                              "and A's MAC");
        NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->Lookup(declared, 0),
                              nullptr,
                              "nothing learned for the declared address");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sinkA), 200, "A received both datagrams");
    }
};

/**
 * \ingroup pe-arp-tests
 * Every drop is counted in one place: the drops of an interface's cache
 * (pending queue full, table full, superseded by a static entry, resolution
 * failed, flushed) are in its protocol's counters, TotalDrops and Drop trace.
 */
class PeArpCacheDropsCountedTestCase : public TestCase
{
  public:
    PeArpCacheDropsCountedTestCase()
        : TestCase("the cache's drops are in the protocol's drop counters and Drop trace")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<PeArpCache> cache = f.routerLan->GetCache();
        cache->SetAttribute("MaxEntries", UintegerValue(2));
        cache->SetAttribute("PendingQueueSize", UintegerValue(1));
        std::map<uint64_t, PeArpL3Protocol::DropReason> traced;
        f.RouterProtocol()->TraceConnectWithoutContext(
            "Drop",
            Callback<void, Ptr<const Packet>, PeArpL3Protocol::DropReason>(
                [&traced](Ptr<const Packet> p, PeArpL3Protocol::DropReason r) {
                    traced[p->GetUid()] = r;
                }));
        std::vector<Ptr<Packet>> p;
        for (uint32_t i = 0; i < 5; i++)
        {
            p.push_back(Create<Packet>(100 + i));
        }
        Mac48Address mac("00:00:00:00:00:99");
        Simulator::Schedule(Seconds(1), [&]() {
            PeArpCache::Entry* e = cache->AddIncomplete(Ipv4Address("10.9.9.9"), 80, p[0]);
            if (e != nullptr)
            {
                cache->Enqueue(e, p[1]); // queue of 1: p[0] pushed out
            }
            cache->AddIncomplete(Ipv4Address("10.9.9.8"), 80, p[2]);
            cache->AddIncomplete(Ipv4Address("10.9.9.7"), 80, p[3]);                  // table full
            cache->AddPermanent(Ipv4Address("10.9.9.8"), PeArpPortRange::All(), mac); // p[2]
        });
        // 10.9.9.9 fails at 5 s (nobody answers): p[1].
        Simulator::Schedule(Seconds(6), [&]() {
            cache->Flush(); // the dead entry goes, the static one stays
            cache->AddIncomplete(Ipv4Address("10.9.9.6"), 80, p[4]);
            cache->Flush(); // p[4]
        });
        Simulator::Stop(Seconds(7));
        Simulator::Run();

        PeArpL3Protocol::Counters c = f.RouterProtocol()->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::PENDING_QUEUE_FULL], 1, "queue full");
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::TABLE_FULL], 1, "table full");
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::SUPERSEDED_BY_STATIC], 1, "superseded");
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::RESOLUTION_FAILED], 1, "failed");
        NS_TEST_EXPECT_MSG_EQ(c.drops[PeArpL3Protocol::DISPOSED], 1, "flushed");
        NS_TEST_EXPECT_MSG_EQ(c.TotalDrops(), 5, "five drops in all");
        PEARP_REQUIRE_EQ(traced.size(), 5U, "five drops traced");
        NS_TEST_EXPECT_MSG_EQ(traced[p[0]->GetUid()], PeArpL3Protocol::PENDING_QUEUE_FULL, "p0");
        NS_TEST_EXPECT_MSG_EQ(traced[p[1]->GetUid()], PeArpL3Protocol::RESOLUTION_FAILED, "p1");
        NS_TEST_EXPECT_MSG_EQ(traced[p[2]->GetUid()], PeArpL3Protocol::SUPERSEDED_BY_STATIC, "p2");
        NS_TEST_EXPECT_MSG_EQ(traced[p[3]->GetUid()], PeArpL3Protocol::TABLE_FULL, "p3");
        NS_TEST_EXPECT_MSG_EQ(traced[p[4]->GetUid()], PeArpL3Protocol::DISPOSED, "p4");
    }
};

/**
 * \ingroup pe-arp-tests
 * A link change of the device under a PE-ARP interface flushes the
 * interface's cache (as ns-3's ArpL3Protocol does): learned and incomplete
 * entries go, their packets counted as DISPOSED, static entries stay. ns-3
 * 3.37's devices report only a link coming up (a SimpleNetDevice plugged
 * into a channel, a CSMA or point-to-point device attached): none reports a
 * link going down. Here the device is plugged into another channel.
 */
class PeArpLinkChangeFlushTestCase : public TestCase
{
  public:
    PeArpLinkChangeFlushTestCase()
        : TestCase("a link change flushes the interface's cache, static entries kept")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Ptr<Node> node = CreateObject<Node>();
        Ptr<SimpleNetDevice> link = CreateObject<SimpleNetDevice>();
        link->SetAddress(Mac48Address::Allocate());
        node->AddDevice(link);
        link->SetChannel(CreateObject<SimpleChannel>());
        Ptr<PeArpNetDevice> device = PeArpHelper().Install(link);
        Ptr<PeArpCache> cache = device->GetCache();
        Ptr<PeArpL3Protocol> protocol = node->GetObject<PeArpL3Protocol>();
        Ipv4Address fixed("10.0.0.1");
        Ipv4Address learned("10.0.0.2");
        Ipv4Address waiting("10.0.0.3");
        uint32_t sizeBefore = 0;
        Simulator::Schedule(Seconds(1), [&]() {
            PeArpCache::PendingList pending;
            cache->AddPermanent(fixed, PeArpPortRange::All(), Mac48Address("00:00:00:00:00:01"));
            Learn(cache,
                  learned,
                  PeArpPortRange::All(),
                  Mac48Address("00:00:00:00:00:02"),
                  pending);
            cache->AddIncomplete(waiting, 80, Create<Packet>(10));
            sizeBefore = cache->GetSize();
        });
        Simulator::Schedule(Seconds(1.5),
                            [&]() { link->SetChannel(CreateObject<SimpleChannel>()); });
        Simulator::Stop(Seconds(1.6));
        Simulator::Run();

        NS_TEST_EXPECT_MSG_EQ(sizeBefore, 3U, "three entries before");
        NS_TEST_EXPECT_MSG_EQ(cache->GetSize(), 1U, "one after the link change");
        PeArpCache::Entry* kept = cache->Lookup(fixed, 80);
        NS_TEST_EXPECT_MSG_EQ((kept != nullptr && kept->IsPermanent()), true, "the static one");
        NS_TEST_EXPECT_MSG_EQ(cache->Lookup(learned, 80), nullptr, "the learned one flushed");
        NS_TEST_EXPECT_MSG_EQ(cache->Lookup(waiting, 80), nullptr, "the incomplete one flushed");
        NS_TEST_EXPECT_MSG_EQ(protocol->GetCounters().drops[PeArpL3Protocol::DISPOSED],
                              1,
                              "its packet dropped and counted");
    }
};

/**
 * \ingroup pe-arp-tests
 * Each cache knows its device as the PeArpInterface the protocol uses, set
 * once when the cache is created, so that no packet needs a cast.
 */
class PeArpCacheInterfaceTestCase : public TestCase
{
  public:
    PeArpCacheInterfaceTestCase()
        : TestCase("each cache holds its device's PeArpInterface, set by CreateCache")
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        {
            Figure4 f;
            PeArpInterface* router = PeekPointer(f.routerLan);
            NS_TEST_EXPECT_MSG_EQ(f.routerLan->GetCache()->GetInterface(), router, "router");
            PeArpInterface* host = PeekPointer(f.hostLan[1]);
            NS_TEST_EXPECT_MSG_EQ(f.hostLan[1]->GetCache()->GetInterface(), host, "host B");
            Simulator::Destroy();
        }
        {
            Figure5 f;
            PeArpInterface* bridge = PeekPointer(f.bridge);
            NS_TEST_EXPECT_MSG_EQ(f.bridge->GetCache()->GetInterface(), bridge, "PE-Bridge");
            Simulator::Destroy();
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * LearnFromRequest on host A, with requests for A's port from three
 * senders: one A is resolving (WAIT_REPLY), the router it has resolved
 * (ALIVE, the request claims another MAC) and an unknown one. A answers all
 * three either way. When it learns (the paper, RFC 826) it resolves the
 * first (its queued datagram leaves), updates the second and adds the third;
 * when it does not, its cache is left exactly as it was, as ns-3's stock
 * ArpL3Protocol::Receive leaves it: no new entry, no update of an existing
 * one, a pending resolution still waiting for its own reply.
 */
class PeArpLearnFromRequestEntriesTestCase : public TestCase
{
  public:
    /**
     * \param learn the value of ns3::PeArpL3Protocol::LearnFromRequest on host A
     */
    explicit PeArpLearnFromRequestEntriesTestCase(bool learn)
        : TestCase(std::string("LearnFromRequest=") + (learn ? "true" : "false") + ": requests " +
                   (learn ? "teach" : "leave the cache untouched, as stock ARP")),
          m_learn(learn)
    {
    }

  private:
    void DoRun() override
    {
        SimulatorDestroyGuard guard; // also on a failed assertion
        Figure4 f;
        Ptr<PeArpCache> cache = f.hostLan[0]->GetCache();
        bool set =
            f.HostProtocol(0)->SetAttributeFailSafe("LearnFromRequest", BooleanValue(m_learn));
        NS_TEST_EXPECT_MSG_EQ(set, true, "host A has attribute LearnFromRequest");
        const Ipv4Address router("198.108.63.1");
        const Ipv4Address silent("198.108.63.77"); // on the LAN, never answers
        const Ipv4Address unknown("198.108.63.88");
        const Mac48Address fake("00:de:ad:be:ef:01");
        Ptr<Application> sink = InstallSink(f.inet, false, 9);
        // 0.2 s: A resolves the router. 0.5 s: A starts resolving .77.
        Figure4::SendUdp(f.hosts.Get(0), Seconds(0.2), f.inetAddress, 9, 1, 100);
        Figure4::SendUdp(f.hosts.Get(0), Seconds(0.5), silent, 9, 1, 100);
        uint32_t frame = 0;
        for (Ipv4Address sender : {silent, router, unknown})
        {
            Frame request;
            request.senderMac = fake;
            request.senderIp = sender;
            request.targetMac = Mac48Address("00:00:00:00:00:00");
            request.targetIp = f.shared;
            request.extension = true; // range 0-0: the sender owns all its ports
            request.targetPort = 2100;
            Figure4::InjectArpFrom(f.hostLink[2],
                                   Seconds(1.0 + 0.01 * frame++),
                                   request.Bytes(),
                                   Mac48Address::GetBroadcast());
        }
        // What A's cache holds just after the three requests, before any
        // retransmission for .77 (at 1.5 s).
        int silentState = -1; // PeArpCache::Entry::State, -1: no entry
        Mac48Address routerMac;
        bool unknownLearned = false;
        Simulator::Schedule(Seconds(1.1), [&]() {
            PeArpCache::Entry* e = cache->Lookup(silent, 9);
            silentState = e ? static_cast<int>(e->GetState()) : -1;
            PeArpCache::Entry* r = cache->Lookup(router, 9);
            routerMac = r ? r->GetMacAddress() : Mac48Address();
            unknownLearned = cache->Lookup(unknown, 9) != nullptr;
        });
        Simulator::Stop(Seconds(1.2));
        Simulator::Run();

        PeArpL3Protocol::Counters a = f.HostProtocol(0)->GetCounters();
        NS_TEST_EXPECT_MSG_EQ(a.requestsReceived, 3, "A took the three requests");
        NS_TEST_EXPECT_MSG_EQ(a.repliesSent, 3, "A answered the three requests");
        NS_TEST_EXPECT_MSG_EQ(a.requestsSent, 2, "A requested the router and .77, once each");
        NS_TEST_EXPECT_MSG_EQ(SinkBytes(sink), 100, "A reached the Internet");
        NS_TEST_EXPECT_MSG_EQ(
            silentState,
            static_cast<int>(m_learn ? PeArpCache::Entry::ALIVE : PeArpCache::Entry::WAIT_REPLY),
            ".77 resolved by its request only when learning");
        NS_TEST_EXPECT_MSG_EQ(
            routerMac,
            (m_learn ? fake : Mac48Address::ConvertFrom(f.routerLink->GetAddress())),
            "the router's entry is updated only when learning");
        NS_TEST_EXPECT_MSG_EQ(unknownLearned, m_learn, ".88 is added only when learning");
        NS_TEST_EXPECT_MSG_EQ(a.TotalDrops(), 0, "no drop");
        Simulator::Destroy();
    }

    bool m_learn; //!< LearnFromRequest
};

/**
 * \ingroup pe-arp-tests
 * The protocol conduct suite.
 */
class PeArpProtocolTestSuite : public TestSuite
{
  public:
    PeArpProtocolTestSuite()
        : TestSuite("pe-arp-protocol", UNIT)
    {
        AddTestCase(new PeArpMalformedFrameTestCase, TestCase::QUICK);
        AddTestCase(new PeArpUnsolicitedReplyTestCase, TestCase::QUICK);
        AddTestCase(new PeArpInconsistentReplyTestCase, TestCase::QUICK);
        AddTestCase(new PeArpStandardArpTestCase, TestCase::QUICK);
        AddTestCase(new PeArpPortlessTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTableFullTestCase, TestCase::QUICK);
        AddTestCase(new PeArpStandardReplyForSharedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLearnFromRequestEntriesTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpLearnFromRequestEntriesTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpRangeConflictTestCase, TestCase::QUICK);
        AddTestCase(new PeArpCacheDropsCountedTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLinkChangeFlushTestCase, TestCase::QUICK);
        AddTestCase(new PeArpCacheInterfaceTestCase, TestCase::QUICK);
    }
};

static PeArpProtocolTestSuite g_peArpProtocolTestSuite; //!< Static variable for test initialization
