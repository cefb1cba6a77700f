/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief Tests of PeArpLpmRouting: hand-written longest prefix matches, the
 * table's rules (masking, duplicates, removal), mask validation, interface
 * state (down interfaces, connected routes, oif, multicast, RouteInput),
 * randomized equivalence with Ipv4StaticRouting over thousands of routes,
 * and UDP echoes through a router that uses it.
 *
 * NS_ABORT cannot be caught in a test, so refused masks are tested through
 * PeArpLpmRouting::IsContiguous, the check the Add functions abort on.
 */

#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-list-routing-helper.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-lpm-routing-helper.h"
#include "ns3/pe-arp-lpm-routing.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simple-channel.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/test.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <map>
#include <random>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

namespace ns3
{
namespace tests
{

NS_LOG_COMPONENT_DEFINE("PeArpLpmRoutingTestSuite");

namespace
{

/**
 * \param address an address
 * \return a header for a UDP packet to address
 */
Ipv4Header
HeaderTo(Ipv4Address address)
{
    Ipv4Header h;
    h.SetDestination(address);
    h.SetProtocol(17);
    return h;
}

/**
 * \brief Add n interfaces on SimpleNetDevices (each on its own channel) to a
 * node with an IPv4 stack, with the addresses 172.16.k.1/24 (k = 1..n),
 * and set them up.
 * \param node the node
 * \param n the number of interfaces
 * \return the devices, devices[k - 1] being interface k
 */
std::vector<Ptr<SimpleNetDevice>>
AddSimpleInterfaces(Ptr<Node> node, uint32_t n)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    std::vector<Ptr<SimpleNetDevice>> devices;
    for (uint32_t k = 1; k <= n; ++k)
    {
        Ptr<SimpleNetDevice> device = CreateObject<SimpleNetDevice>();
        device->SetAddress(Mac48Address::Allocate());
        device->SetChannel(CreateObject<SimpleChannel>());
        node->AddDevice(device);
        uint32_t i = ipv4->AddInterface(device);
        std::ostringstream address;
        address << "172.16." << k << ".1";
        ipv4->AddAddress(
            i,
            Ipv4InterfaceAddress(Ipv4Address(address.str().c_str()), Ipv4Mask("255.255.255.0")));
        ipv4->SetUp(i);
        devices.push_back(device);
    }
    return devices;
}

/** Records what RouteInput called. */
struct InputRecorder
{
    /** What was called. */
    enum Kind
    {
        NONE,    //!< nothing (RouteInput returned false)
        FORWARD, //!< the unicast forwarding callback
        LOCAL,   //!< the local delivery callback
        ERROR,   //!< the error callback
    };

    Kind kind = NONE;                                   //!< what was called
    Ptr<Ipv4Route> route;                               //!< the forwarding route
    Socket::SocketErrno error = Socket::ERROR_NOTERROR; //!< the error

    /** Forget the last call. */
    void Reset()
    {
        kind = NONE;
        route = nullptr;
        error = Socket::ERROR_NOTERROR;
    }

    /**
     * \param r the route
     */
    void Forward(Ptr<Ipv4Route> r, Ptr<const Packet>, const Ipv4Header&)
    {
        kind = FORWARD;
        route = r;
    }

    /** Multicast forwarding: must not be called. */
    void Multicast(Ptr<Ipv4MulticastRoute>, Ptr<const Packet>, const Ipv4Header&)
    {
        NS_FATAL_ERROR("multicast forwarding callback called");
    }

    /** Local delivery. */
    void Local(Ptr<const Packet>, const Ipv4Header&, uint32_t)
    {
        kind = LOCAL;
    }

    /**
     * \param e the error
     */
    void Error(Ptr<const Packet>, const Ipv4Header&, Socket::SocketErrno e)
    {
        kind = ERROR;
        error = e;
    }

    /**
     * \param protocol a routing protocol
     * \param dest the destination
     * \param idev the input device
     * \return what RouteInput did
     */
    Kind Input(Ptr<Ipv4RoutingProtocol> protocol, Ipv4Address dest, Ptr<const NetDevice> idev)
    {
        Reset();
        bool handled = protocol->RouteInput(Create<Packet>(16),
                                            HeaderTo(dest),
                                            idev,
                                            MakeCallback(&InputRecorder::Forward, this),
                                            MakeCallback(&InputRecorder::Multicast, this),
                                            MakeCallback(&InputRecorder::Local, this),
                                            MakeCallback(&InputRecorder::Error, this));
        NS_ABORT_MSG_IF(handled == (kind == NONE), "RouteInput's return value and callbacks");
        return kind;
    }
};

} // namespace

/**
 * \ingroup pe-arp-tests
 * \brief Hand-written routes and lookups with expected next hops, with and
 * without a default route (no Ipv4: every route is usable).
 */
class PeArpLpmRoutingTableTestCase : public TestCase
{
  public:
    PeArpLpmRoutingTableTestCase()
        : TestCase("Longest prefix match: hand-written table")
    {
    }

  private:
    /** One lookup and its expected result. */
    struct LookupVector
    {
        const char* dest;    //!< destination
        bool withDefault;    //!< looked up while the default route exists
        const char* gateway; //!< expected next hop; null: no route
        uint16_t length;     //!< expected prefix length of the route
        const char* network; //!< expected destination network of the route
    };

    void DoRun() override
    {
        const Ipv4Address A("192.168.0.1");
        const Ipv4Address B("192.168.0.2");
        const Ipv4Address C("192.168.0.3");
        const Ipv4Address D("192.168.0.4");
        const Ipv4Address E("192.168.0.5");

        Ptr<PeArpLpmRouting> r = CreateObject<PeArpLpmRouting>();
        r->AddNetworkRoute("10.0.0.0", "255.0.0.0", A, 1);
        r->AddNetworkRoute("10.1.0.0", "255.255.0.0", B, 2);
        r->AddNetworkRoute("10.1.2.0", "255.255.255.0", C, 3);
        r->AddHostRoute("10.1.2.3", D, 4);
        r->SetDefaultRoute(E, 5);
        NS_TEST_ASSERT_MSG_EQ(r->GetNRoutes(), 5, "five routes");

        TestVectors<LookupVector> vectors;
        vectors.Add({"10.1.2.3", true, "192.168.0.4", 32, "10.1.2.3"});
        vectors.Add({"10.1.2.4", true, "192.168.0.3", 24, "10.1.2.0"});
        vectors.Add({"10.1.2.0", true, "192.168.0.3", 24, "10.1.2.0"});
        vectors.Add({"10.1.2.255", true, "192.168.0.3", 24, "10.1.2.0"});
        vectors.Add({"10.1.3.1", true, "192.168.0.2", 16, "10.1.0.0"});
        vectors.Add({"10.1.255.255", true, "192.168.0.2", 16, "10.1.0.0"});
        vectors.Add({"10.1.0.0", true, "192.168.0.2", 16, "10.1.0.0"});
        vectors.Add({"10.2.0.0", true, "192.168.0.1", 8, "10.0.0.0"});
        vectors.Add({"10.0.0.0", true, "192.168.0.1", 8, "10.0.0.0"});
        vectors.Add({"10.255.255.255", true, "192.168.0.1", 8, "10.0.0.0"});
        vectors.Add({"11.0.0.1", true, "192.168.0.5", 0, "0.0.0.0"});
        vectors.Add({"9.255.255.255", true, "192.168.0.5", 0, "0.0.0.0"});
        vectors.Add({"0.0.0.0", true, "192.168.0.5", 0, "0.0.0.0"});
        vectors.Add({"255.255.255.255", true, "192.168.0.5", 0, "0.0.0.0"});
        vectors.Add({"11.0.0.1", false, nullptr, 0, nullptr});
        vectors.Add({"0.0.0.0", false, nullptr, 0, nullptr});
        vectors.Add({"10.1.2.3", false, "192.168.0.4", 32, "10.1.2.3"});
        vectors.Add({"10.1.2.4", false, "192.168.0.3", 24, "10.1.2.0"});
        vectors.Add({"10.1.3.1", false, "192.168.0.2", 16, "10.1.0.0"});
        vectors.Add({"10.2.0.0", false, "192.168.0.1", 8, "10.0.0.0"});

        for (bool withDefault : {true, false})
        {
            if (!withDefault)
            {
                NS_TEST_ASSERT_MSG_EQ(r->RemoveRoute("0.0.0.0", Ipv4Mask::GetZero()),
                                      true,
                                      "the default route is removed");
                NS_TEST_ASSERT_MSG_EQ(r->GetNRoutes(), 4, "four routes");
            }
            for (std::size_t i = 0; i < vectors.GetN(); ++i)
            {
                LookupVector v = vectors.Get(i);
                if (v.withDefault != withDefault)
                {
                    continue;
                }
                std::optional<Ipv4RoutingTableEntry> e = r->Lookup(Ipv4Address(v.dest));
                NS_TEST_EXPECT_MSG_EQ(e.has_value(),
                                      (v.gateway != nullptr),
                                      "a route to " << v.dest << " (default " << withDefault
                                                    << ")");
                if (e && v.gateway)
                {
                    NS_TEST_EXPECT_MSG_EQ(e->GetGateway(),
                                          Ipv4Address(v.gateway),
                                          "next hop to " << v.dest);
                    NS_TEST_EXPECT_MSG_EQ(e->GetDestNetworkMask().GetPrefixLength(),
                                          v.length,
                                          "prefix length of the route to " << v.dest);
                    NS_TEST_EXPECT_MSG_EQ(e->GetDestNetwork(),
                                          Ipv4Address(v.network),
                                          "network of the route to " << v.dest);
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(r->GetNLookups(), vectors.GetN(), "one lookup each");
        r->Dispose();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The table's rules: the network is masked, a duplicate (network,
 * mask) keeps the lower metric (equal: the new one), removal reports
 * whether a route was removed, listing and printing.
 */
class PeArpLpmRoutingRulesTestCase : public TestCase
{
  public:
    PeArpLpmRoutingRulesTestCase()
        : TestCase("Table rules: masking, duplicates by metric, removal, printing")
    {
    }

  private:
    void DoRun() override
    {
        const Ipv4Mask m8("255.0.0.0");
        Ptr<PeArpLpmRouting> r = CreateObject<PeArpLpmRouting>();

        // Masking: 10.9.9.9/8 is 10.0.0.0/8, found by any address of it.
        r->AddNetworkRoute("10.9.9.9", m8, "192.168.0.1", 1, 5);
        auto got = r->GetRoute("10.200.1.1", m8);
        NS_TEST_ASSERT_MSG_EQ(got.has_value(), true, "stored under 10.0.0.0/8");
        if (!got)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(got->entry.GetDestNetwork(), Ipv4Address("10.0.0.0"), "masked");
        NS_TEST_EXPECT_MSG_EQ(got->metric, 5, "metric");
        NS_TEST_EXPECT_MSG_EQ(got->entry.GetInterface(), 1, "interface");

        // Duplicates: higher metric ignored, equal replaces, lower replaces.
        struct
        {
            const char* gateway;
            uint32_t interface;
            uint32_t metric;
            const char* kept;
            uint32_t keptMetric;
        } const duplicates[] = {
            {"192.168.0.2", 2, 7, "192.168.0.1", 5},
            {"192.168.0.3", 3, 5, "192.168.0.3", 5},
            {"192.168.0.4", 4, 1, "192.168.0.4", 1},
            {"192.168.0.5", 5, 2, "192.168.0.4", 1},
        };

        for (const auto& d : duplicates)
        {
            r->AddNetworkRoute("10.0.0.0", m8, d.gateway, d.interface, d.metric);
            auto e = r->GetRoute("10.0.0.0", m8);
            NS_TEST_ASSERT_MSG_EQ(e.has_value(), true, "still a route");
            if (!e)
            {
                return; // NS_TEST_ASSERT does not stop the test by default
            }
            NS_TEST_EXPECT_MSG_EQ(e->entry.GetGateway(),
                                  Ipv4Address(d.kept),
                                  "after adding metric " << d.metric);
            NS_TEST_EXPECT_MSG_EQ(e->metric, d.keptMetric, "kept metric");
            NS_TEST_EXPECT_MSG_EQ(r->GetNRoutes(), 1, "one route per (network, mask)");
            NS_TEST_EXPECT_MSG_EQ(
                r->Lookup("10.1.1.1").value_or(Ipv4RoutingTableEntry()).GetGateway(),
                Ipv4Address(d.kept),
                "lookups use the kept route");
        }

        // Connected network routes and host routes.
        r->AddNetworkRoute("172.16.1.77", Ipv4Mask("255.255.255.0"), 1);
        r->AddHostRoute("10.1.2.3", 2);
        r->AddHostRoute("10.1.2.4", "172.16.1.9", 1, 3);
        auto connected = r->Lookup("172.16.1.200");
        NS_TEST_ASSERT_MSG_EQ(connected.has_value(), true, "connected route");
        if (!connected)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(connected->GetGateway(), Ipv4Address::GetZero(), "no gateway");
        NS_TEST_EXPECT_MSG_EQ(connected->IsGateway(), false, "not a gateway route");
        NS_TEST_EXPECT_MSG_EQ(r->Lookup("10.1.2.3").value_or(Ipv4RoutingTableEntry()).IsHost(),
                              true,
                              "host route");
        NS_TEST_EXPECT_MSG_EQ(
            r->Lookup("10.1.2.3").value_or(Ipv4RoutingTableEntry()).GetInterface(),
            2,
            "host route interface");
        NS_TEST_EXPECT_MSG_EQ(r->Lookup("10.1.2.4").value_or(Ipv4RoutingTableEntry()).GetGateway(),
                              Ipv4Address("172.16.1.9"),
                              "host route via a gateway");
        NS_TEST_EXPECT_MSG_EQ(r->GetNRoutes(), 4, "four routes");

        // Listing: longest prefix first, then by network.
        std::vector<PeArpLpmRouting::RouteInfo> routes = r->GetRoutes();
        const char* const order[] = {"10.1.2.3", "10.1.2.4", "172.16.1.0", "10.0.0.0"};
        NS_TEST_ASSERT_MSG_EQ(routes.size(), 4, "four listed");
        if (routes.size() != 4)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        for (std::size_t i = 0; i < routes.size(); ++i)
        {
            NS_TEST_EXPECT_MSG_EQ(routes[i].entry.GetDestNetwork(),
                                  Ipv4Address(order[i]),
                                  "listed route " << i);
        }

        // Printing, in Ipv4StaticRouting's columns.
        std::ostringstream out;
        r->PrintRoutingTable(Create<OutputStreamWrapper>(&out));
        const std::string text = out.str();
        NS_TEST_EXPECT_MSG_NE(text.find("PeArpLpmRouting table"), std::string::npos, text);
        NS_TEST_EXPECT_MSG_NE(
            text.find("Destination     Gateway         Genmask         Flags Metric Ref    Use "
                      "Iface"),
            std::string::npos,
            text);
        NS_TEST_EXPECT_MSG_NE(
            text.find("10.1.2.4        172.16.1.9      255.255.255.255 UHS   3      -      -   1"),
            std::string::npos,
            text);
        NS_TEST_EXPECT_MSG_NE(
            text.find("10.0.0.0        192.168.0.4     255.0.0.0       UGS   1      -      -   4"),
            std::string::npos,
            text);
        NS_TEST_EXPECT_MSG_NE(
            text.find("172.16.1.0      0.0.0.0         255.255.255.0   U     0      -      -   1"),
            std::string::npos,
            text);

        // Removal.
        NS_TEST_EXPECT_MSG_EQ(r->RemoveRoute("10.77.0.0", m8), true, "removes 10.0.0.0/8");
        NS_TEST_EXPECT_MSG_EQ(r->RemoveRoute("10.0.0.0", m8), false, "already removed");
        NS_TEST_EXPECT_MSG_EQ(r->RemoveRoute("10.1.0.0", Ipv4Mask("255.255.0.0")),
                              false,
                              "never added");
        NS_TEST_EXPECT_MSG_EQ(r->GetNRoutes(), 3, "three routes");
        NS_TEST_EXPECT_MSG_EQ(r->Lookup("10.1.1.1").has_value(), false, "no route any more");
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("10.0.0.0", m8).has_value(), false, "no route");
        r->Dispose();
        NS_TEST_EXPECT_MSG_EQ(r->GetNRoutes(), 0, "DoDispose clears the table");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Masks: only contiguous masks are accepted (Add and RemoveRoute abort
 * on the others, which IsContiguous tells).
 */
class PeArpLpmRoutingMaskTestCase : public TestCase
{
  public:
    PeArpLpmRoutingMaskTestCase()
        : TestCase("Masks: IsContiguous accepts exactly the contiguous masks")
    {
    }

  private:
    void DoRun() override
    {
        struct
        {
            const char* mask;
            bool contiguous;
        } const cases[] = {
            {"0.0.0.0", true},
            {"128.0.0.0", true},
            {"255.0.0.0", true},
            {"255.255.254.0", true},
            {"255.255.255.0", true},
            {"255.255.255.254", true},
            {"255.255.255.255", true},
            {"255.0.255.0", false},
            {"0.255.255.255", false},
            {"255.255.255.253", false},
            {"0.0.0.1", false},
            {"127.255.255.255", false},
            {"255.255.0.255", false},
        };

        for (const auto& c : cases)
        {
            NS_TEST_EXPECT_MSG_EQ(PeArpLpmRouting::IsContiguous(Ipv4Mask(c.mask)),
                                  c.contiguous,
                                  c.mask);
        }
        for (uint32_t n = 0; n <= 32; ++n)
        {
            Ipv4Mask mask(n == 0 ? 0U : (0xffffffffU << (32 - n)));
            NS_TEST_EXPECT_MSG_EQ(PeArpLpmRouting::IsContiguous(mask), true, "/" << n);
        }
        NS_TEST_EXPECT_MSG_EQ(PeArpLpmRouting::IsContiguous(Ipv4Mask()), false, "an unset mask");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief On a node (installed with the helper): connected routes follow the
 * interfaces and addresses, a down interface falls back to the next shorter
 * prefix, oif, multicast, RouteOutput's route and RouteInput's callbacks.
 */
class PeArpLpmRoutingInterfaceTestCase : public TestCase
{
  public:
    PeArpLpmRoutingInterfaceTestCase()
        : TestCase("Interfaces: connected routes, down interfaces, oif, multicast, RouteInput")
    {
    }

  private:
    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        InternetStackHelper stack;
        PeArpLpmRoutingHelper helper;
        stack.SetRoutingHelper(helper);
        stack.Install(node);
        Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
        Ptr<PeArpLpmRouting> r = helper.GetLpmRouting(ipv4);
        NS_TEST_ASSERT_MSG_NE(r, nullptr, "the helper installed it");
        if (!r)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(r, ipv4->GetRoutingProtocol(), "as the top-level protocol");
        std::vector<Ptr<SimpleNetDevice>> dev = AddSimpleInterfaces(node, 3);

        // Loopback and three connected networks.
        NS_TEST_EXPECT_MSG_EQ(r->GetNRoutes(), 4, "127/8 and three /24");
        const Ipv4Mask m24("255.255.255.0");
        for (uint32_t k = 1; k <= 3; ++k)
        {
            std::ostringstream network;
            network << "172.16." << k << ".0";
            auto c = r->GetRoute(Ipv4Address(network.str().c_str()), m24);
            NS_TEST_EXPECT_MSG_EQ(c.has_value(), true, "connected route " << k);
            NS_TEST_EXPECT_MSG_EQ((c ? c->entry.GetInterface() : 0), k, "on interface " << k);
            NS_TEST_EXPECT_MSG_EQ((c ? c->entry.IsGateway() : true), false, "no gateway");
        }

        r->AddNetworkRoute("10.0.0.0", "255.0.0.0", "172.16.1.2", 1);
        r->AddNetworkRoute("10.1.0.0", "255.255.0.0", "172.16.2.2", 2);
        r->AddNetworkRoute("10.1.2.0", m24, "172.16.3.2", 3);
        const Ipv4Address dest("10.1.2.3");
        auto via = [&r](Ipv4Address d, Ptr<const NetDevice> oif = nullptr) {
            auto e = r->Lookup(d, oif);
            return e ? e->GetGateway() : Ipv4Address("0.0.0.0");
        };
        NS_TEST_EXPECT_MSG_EQ(via(dest), Ipv4Address("172.16.3.2"), "all up: /24");

        // Down interfaces: fall back to the next shorter usable prefix.
        ipv4->SetDown(3);
        NS_TEST_EXPECT_MSG_EQ(via(dest), Ipv4Address("172.16.2.2"), "3 down: /16");
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("172.16.3.0", m24).has_value(),
                              false,
                              "3 down: its connected route is removed");
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("10.1.2.0", m24).has_value(),
                              true,
                              "3 down: its other routes are kept");
        NS_TEST_EXPECT_MSG_EQ(via("172.16.3.9"), Ipv4Address("0.0.0.0"), "3 down: no route");
        ipv4->SetDown(2);
        NS_TEST_EXPECT_MSG_EQ(via(dest), Ipv4Address("172.16.1.2"), "2 and 3 down: /8");
        ipv4->SetUp(3);
        NS_TEST_EXPECT_MSG_EQ(via(dest), Ipv4Address("172.16.3.2"), "3 up again: /24");
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("172.16.3.0", m24).has_value(),
                              true,
                              "3 up: connected route back");
        NS_TEST_EXPECT_MSG_EQ(via("10.1.9.9"), Ipv4Address("172.16.1.2"), "2 down: /8");
        ipv4->SetUp(2);
        NS_TEST_EXPECT_MSG_EQ(via("10.1.9.9"), Ipv4Address("172.16.2.2"), "2 up: /16");

        // oif: only routes on that device, the longest of them.
        NS_TEST_EXPECT_MSG_EQ(via(dest, dev[0]), Ipv4Address("172.16.1.2"), "oif 1: /8");
        NS_TEST_EXPECT_MSG_EQ(via(dest, dev[1]), Ipv4Address("172.16.2.2"), "oif 2: /16");
        NS_TEST_EXPECT_MSG_EQ(r->Lookup("11.0.0.1", dev[0]).has_value(), false, "no default");

        // RouteOutput's route.
        Socket::SocketErrno err = Socket::ERROR_NOTERROR;
        Ptr<Ipv4Route> route = r->RouteOutput(Create<Packet>(), HeaderTo(dest), dev[1], err);
        NS_TEST_ASSERT_MSG_NE(route, nullptr, "RouteOutput with oif 2");
        if (!route)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(err, Socket::ERROR_NOTERROR, "no error");
        NS_TEST_EXPECT_MSG_EQ(route->GetGateway(), Ipv4Address("172.16.2.2"), "gateway");
        NS_TEST_EXPECT_MSG_EQ(route->GetOutputDevice(), dev[1], "device");
        NS_TEST_EXPECT_MSG_EQ(route->GetSource(), Ipv4Address("172.16.2.1"), "source");
        NS_TEST_EXPECT_MSG_EQ(route->GetDestination(), Ipv4Address("10.1.0.0"), "network");
        route = r->RouteOutput(Create<Packet>(), HeaderTo("172.16.3.7"), nullptr, err);
        NS_TEST_ASSERT_MSG_NE(route, nullptr, "RouteOutput to a connected network");
        if (!route)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(route->GetGateway(), Ipv4Address::GetZero(), "no gateway");
        NS_TEST_EXPECT_MSG_EQ(route->GetOutputDevice(), dev[2], "device 3");
        route = r->RouteOutput(Create<Packet>(), HeaderTo("11.0.0.1"), nullptr, err);
        NS_TEST_EXPECT_MSG_EQ(route, nullptr, "no route");
        NS_TEST_EXPECT_MSG_EQ(err, Socket::ERROR_NOROUTETOHOST, "no route error");

        // Multicast: only with oif.
        route = r->RouteOutput(Create<Packet>(), HeaderTo("224.0.0.5"), nullptr, err);
        NS_TEST_EXPECT_MSG_EQ(route, nullptr, "multicast without oif");
        NS_TEST_EXPECT_MSG_EQ(err, Socket::ERROR_NOROUTETOHOST, "multicast without oif");
        route = r->RouteOutput(Create<Packet>(), HeaderTo("239.1.1.1"), dev[0], err);
        NS_TEST_ASSERT_MSG_NE(route, nullptr, "multicast with oif");
        if (!route)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(err, Socket::ERROR_NOTERROR, "multicast with oif");
        NS_TEST_EXPECT_MSG_EQ(route->GetOutputDevice(), dev[0], "out of oif");
        NS_TEST_EXPECT_MSG_EQ(route->GetGateway(), Ipv4Address::GetZero(), "no gateway");
        NS_TEST_EXPECT_MSG_EQ(route->GetSource(), Ipv4Address("172.16.1.1"), "oif's address");

        // Addresses added and removed while up.
        ipv4->AddAddress(1, Ipv4InterfaceAddress("192.168.7.1", m24));
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("192.168.7.0", m24).has_value(), true, "added");
        NS_TEST_EXPECT_MSG_EQ(
            r->Lookup("192.168.7.20").value_or(Ipv4RoutingTableEntry()).GetInterface(),
            1,
            "on interface 1");
        ipv4->RemoveAddress(1, Ipv4Address("192.168.7.1"));
        NS_TEST_EXPECT_MSG_EQ(r->GetRoute("192.168.7.0", m24).has_value(), false, "removed");

        // RouteInput.
        InputRecorder rec;
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, "172.16.2.1", dev[0]), InputRecorder::LOCAL, "local");
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, dest, dev[0]), InputRecorder::FORWARD, "forward");
        NS_TEST_ASSERT_MSG_NE(rec.route, nullptr, "forwarded with a route");
        if (!rec.route)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_EXPECT_MSG_EQ(rec.route->GetGateway(), Ipv4Address("172.16.3.2"), "via /24");
        NS_TEST_EXPECT_MSG_EQ(rec.route->GetOutputDevice(), dev[2], "out of 3");
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, "11.0.0.1", dev[0]), InputRecorder::NONE, "none");
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, "239.1.1.1", dev[0]),
                              InputRecorder::NONE,
                              "multicast: left to others");
        ipv4->SetForwarding(1, false);
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, dest, dev[0]), InputRecorder::ERROR, "no forwarding");
        NS_TEST_EXPECT_MSG_EQ(rec.error, Socket::ERROR_NOROUTETOHOST, "no forwarding error");
        NS_TEST_EXPECT_MSG_EQ(rec.Input(r, "172.16.1.1", dev[0]), InputRecorder::LOCAL, "local");

        Simulator::Destroy();
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief Randomized equivalence with Ipv4StaticRouting: one node with both
 * protocols in an Ipv4ListRouting and the same few thousand random routes;
 * RouteOutput (without and with oif) and RouteInput must choose the same
 * route (gateway, device, source, destination) for tens of thousands of
 * destinations, every route's network and broadcast addresses among them;
 * again after removing a random third of the routes (and the default), and
 * with an interface down. After it comes up again, PeArpLpmRouting (which
 * kept the routes through it) must choose as before it went down.
 */
class PeArpLpmRoutingEquivalenceTestCase : public TestCase
{
  public:
    PeArpLpmRoutingEquivalenceTestCase()
        : TestCase("Random tables: same choices as Ipv4StaticRouting")
    {
    }

  private:
    static constexpr uint32_t N_ROUTES = 1500;       //!< random routes
    static constexpr uint32_t N_DESTINATIONS = 6000; //!< random destinations per phase
    static constexpr uint32_t N_INTERFACES = 4;      //!< interfaces besides loopback

    /** A random route. */
    struct RandomRoute
    {
        uint32_t network;   //!< masked network
        uint32_t length;    //!< prefix length
        uint32_t given;     //!< the network with random host bits, given to PeArpLpmRouting
        uint32_t gateway;   //!< gateway, 0 for a connected network
        uint32_t interface; //!< interface
        uint32_t metric;    //!< metric
    };

    /** A route choice, comparable. */
    struct Choice
    {
        bool found;       //!< a route was found
        uint32_t gateway; //!< its gateway
        uint32_t device;  //!< its device's interface index
        uint32_t source;  //!< its source
        uint32_t network; //!< its destination
    };

    /**
     * \param route a route or null
     * \return its choice
     */
    Choice ChoiceOf(Ptr<Ipv4Route> route) const
    {
        if (!route)
        {
            return Choice{false, 0, 0, 0, 0};
        }
        return Choice{
            true,
            route->GetGateway().Get(),
            static_cast<uint32_t>(m_ipv4->GetInterfaceForDevice(route->GetOutputDevice())),
            route->GetSource().Get(),
            route->GetDestination().Get()};
    }

    /**
     * \param a a choice
     * \param b another
     * \return true if equal
     */
    static bool Same(const Choice& a, const Choice& b)
    {
        return a.found == b.found && (!a.found || (a.gateway == b.gateway && a.device == b.device &&
                                                   a.source == b.source && a.network == b.network));
    }

    /**
     * \param c a choice
     * \return it, printed
     */
    static std::string Show(const Choice& c)
    {
        std::ostringstream os;
        if (!c.found)
        {
            os << "no route";
        }
        else
        {
            os << "via " << Ipv4Address(c.gateway) << " if " << c.device << " src "
               << Ipv4Address(c.source) << " dst " << Ipv4Address(c.network);
        }
        return os.str();
    }

    /**
     * \param protocol a protocol
     * \param dest a destination
     * \param oif an output device or null
     * \return RouteOutput's choice
     */
    Choice Output(Ptr<Ipv4RoutingProtocol> protocol, Ipv4Address dest, Ptr<NetDevice> oif)
    {
        Socket::SocketErrno err = Socket::ERROR_NOTERROR;
        Ptr<Ipv4Route> route = protocol->RouteOutput(Create<Packet>(), HeaderTo(dest), oif, err);
        NS_ABORT_MSG_IF((route == nullptr) != (err == Socket::ERROR_NOROUTETOHOST),
                        "RouteOutput's errno");
        return ChoiceOf(route);
    }

    /**
     * \brief Compare both protocols on the destinations.
     * \param phase the phase's name
     * \param destinations the destinations
     * \param lpmChoices if not null, receives PeArpLpmRouting's choices without oif
     * \return the number of lookups compared
     */
    uint32_t Compare(const std::string& phase,
                     const std::vector<uint32_t>& destinations,
                     std::vector<Choice>* lpmChoices)
    {
        uint32_t compared = 0;
        uint32_t mismatches = 0;
        uint32_t found = 0;
        InputRecorder staticIn;
        InputRecorder lpmIn;
        for (std::size_t i = 0; i < destinations.size(); ++i)
        {
            Ipv4Address dest(destinations[i]);
            // Without oif, and with the oif of every fifth destination.
            for (int withOif = 0; withOif <= (i % 5 == 0 ? 1 : 0); ++withOif)
            {
                Ptr<NetDevice> oif =
                    withOif ? m_ipv4->GetNetDevice(1 + (i / 5) % N_INTERFACES) : nullptr;
                Choice s = Output(m_static, dest, oif);
                Choice l = Output(m_lpm, dest, oif);
                ++compared;
                found += s.found ? 1 : 0;
                if (!withOif && lpmChoices)
                {
                    lpmChoices->push_back(l);
                }
                if (!Same(s, l) && ++mismatches <= 10)
                {
                    NS_TEST_EXPECT_MSG_EQ(Show(l),
                                          Show(s),
                                          phase << ": RouteOutput to " << dest << " oif "
                                                << (oif ? 1 + (i / 5) % N_INTERFACES : 0));
                }
            }
            // RouteInput for every tenth, arriving on interface 1.
            if (i % 10 == 0)
            {
                auto ks = staticIn.Input(m_static, dest, m_ipv4->GetNetDevice(1));
                auto kl = lpmIn.Input(m_lpm, dest, m_ipv4->GetNetDevice(1));
                ++compared;
                bool same = ks == kl && (ks != InputRecorder::FORWARD ||
                                         Same(ChoiceOf(staticIn.route), ChoiceOf(lpmIn.route)));
                if (!same && ++mismatches <= 10)
                {
                    NS_TEST_EXPECT_MSG_EQ(kl, ks, phase << ": RouteInput to " << dest);
                    NS_TEST_EXPECT_MSG_EQ(Show(ChoiceOf(lpmIn.route)),
                                          Show(ChoiceOf(staticIn.route)),
                                          phase << ": RouteInput to " << dest);
                }
            }
        }
        NS_TEST_EXPECT_MSG_EQ(mismatches, 0, phase << ": mismatches of " << compared);
        NS_TEST_EXPECT_MSG_GT(found, compared / 4, phase << ": most lookups find a route");
        NS_LOG_INFO(phase << ": " << compared << " lookups compared, " << found << " with a route, "
                          << mismatches << " mismatches");
        return compared;
    }

    void DoRun() override
    {
        Ptr<Node> node = CreateObject<Node>();
        Ipv4ListRoutingHelper list;
        Ipv4StaticRoutingHelper staticHelper;
        PeArpLpmRoutingHelper lpmHelper;
        list.Add(staticHelper, 0);
        list.Add(lpmHelper, -10);
        InternetStackHelper stack;
        stack.SetRoutingHelper(list);
        stack.Install(node);
        m_ipv4 = node->GetObject<Ipv4>();
        AddSimpleInterfaces(node, N_INTERFACES);
        // A second address on the last interface, for source selection.
        m_ipv4->AddAddress(N_INTERFACES, Ipv4InterfaceAddress("172.17.4.1", "255.255.255.0"));
        m_static = staticHelper.GetStaticRouting(m_ipv4);
        m_lpm = lpmHelper.GetLpmRouting(m_ipv4);
        NS_TEST_ASSERT_MSG_NE(m_static, nullptr, "static routing in the list");
        NS_TEST_ASSERT_MSG_NE(m_lpm, nullptr, "LPM routing in the list");
        if (!m_static || !m_lpm)
        {
            return; // NS_TEST_ASSERT does not stop the test by default
        }
        NS_TEST_ASSERT_MSG_EQ(m_lpm->GetNRoutes(), m_static->GetNRoutes(), "connected routes");

        std::mt19937 rng(20260101);
        auto draw = [&rng](uint32_t lo, uint32_t hi) {
            return std::uniform_int_distribution<uint32_t>(lo, hi)(rng);
        };
        auto maskOf = [](uint32_t length) {
            return length == 0 ? 0U : (0xffffffffU << (32 - length));
        };

        // Unique (network, length) pairs, none equal to a connected route.
        std::set<std::pair<uint32_t, uint32_t>> used;
        for (uint32_t i = 0; i < m_static->GetNRoutes(); ++i)
        {
            Ipv4RoutingTableEntry e = m_static->GetRoute(i);
            used.emplace(e.GetDestNetwork().Get(), e.GetDestNetworkMask().GetPrefixLength());
        }
        std::vector<RandomRoute> routes;
        while (routes.size() < N_ROUTES)
        {
            RandomRoute r;
            if (routes.empty())
            {
                r.network = 0; // one default route
                r.length = 0;
            }
            else if (draw(0, 1) == 0)
            {
                // Anywhere.
                r.length = draw(1, 32);
                r.network = draw(0, 0xffffffffU) & maskOf(r.length);
            }
            else
            {
                // Nested in (or next to) an existing route, for long chains
                // of matching prefixes.
                const RandomRoute& base = routes[draw(0, routes.size() - 1)];
                r.length = draw(std::max<uint32_t>(base.length, 1), 32);
                r.network = (base.network | (draw(0, 0xffffffffU) & ~maskOf(base.length))) &
                            maskOf(r.length);
            }
            if (!used.emplace(r.network, r.length).second)
            {
                continue;
            }
            r.given = r.network | (draw(0, 0xffffffffU) & ~maskOf(r.length));
            r.interface = draw(1, N_INTERFACES);
            r.gateway = draw(0, 4) == 0
                            ? 0
                            : (Ipv4Address("172.16.0.0").Get() | (r.interface << 8) | draw(2, 254));
            r.metric = draw(0, 10);
            routes.push_back(r);
        }
        for (const RandomRoute& r : routes)
        {
            Ipv4Address network(r.network);
            Ipv4Mask mask(maskOf(r.length));
            if (r.gateway != 0)
            {
                m_static->AddNetworkRouteTo(network,
                                            mask,
                                            Ipv4Address(r.gateway),
                                            r.interface,
                                            r.metric);
                m_lpm->AddNetworkRoute(Ipv4Address(r.given),
                                       mask,
                                       Ipv4Address(r.gateway),
                                       r.interface,
                                       r.metric);
            }
            else
            {
                m_static->AddNetworkRouteTo(network, mask, r.interface, r.metric);
                m_lpm->AddNetworkRoute(Ipv4Address(r.given), mask, r.interface, r.metric);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(m_lpm->GetNRoutes(), m_static->GetNRoutes(), "same number");

        // Destinations: random, inside random routes, and every route's
        // network and broadcast addresses (multicast ones left out:
        // PeArpLpmRouting does not route multicast).
        std::vector<uint32_t> destinations;
        while (destinations.size() < N_DESTINATIONS)
        {
            uint32_t d = draw(0, 0xffffffffU);
            if (draw(0, 2) != 0)
            {
                const RandomRoute& r = routes[draw(0, routes.size() - 1)];
                d = r.network | (d & ~maskOf(r.length));
            }
            if (!Ipv4Address(d).IsMulticast())
            {
                destinations.push_back(d);
            }
        }
        for (const RandomRoute& r : routes)
        {
            for (uint32_t d : {r.network, r.network | ~maskOf(r.length)})
            {
                if (!Ipv4Address(d).IsMulticast())
                {
                    destinations.push_back(d);
                }
            }
        }

        uint32_t compared = Compare("full table", destinations, nullptr);

        // Remove a random third of the routes, and the default route.
        std::set<std::pair<uint32_t, uint32_t>> removed;
        for (const RandomRoute& r : routes)
        {
            if (r.length == 0 || draw(0, 2) == 0)
            {
                removed.emplace(r.network, r.length);
                NS_TEST_EXPECT_MSG_EQ(
                    m_lpm->RemoveRoute(Ipv4Address(r.given), Ipv4Mask(maskOf(r.length))),
                    true,
                    "removed");
            }
        }
        for (uint32_t i = m_static->GetNRoutes(); i-- > 0;)
        {
            Ipv4RoutingTableEntry e = m_static->GetRoute(i);
            if (removed.count({e.GetDestNetwork().Get(), e.GetDestNetworkMask().GetPrefixLength()}))
            {
                m_static->RemoveRoute(i);
            }
        }
        NS_TEST_ASSERT_MSG_EQ(m_lpm->GetNRoutes(), m_static->GetNRoutes(), "same after removal");
        NS_TEST_EXPECT_MSG_GT(removed.size(), N_ROUTES / 4, "about a third removed");
        std::vector<Choice> before;
        compared += Compare("after removal", destinations, &before);

        // An interface down: Ipv4StaticRouting deletes its routes,
        // PeArpLpmRouting skips them.
        m_ipv4->SetDown(2);
        compared += Compare("interface 2 down", destinations, nullptr);

        // Up again: PeArpLpmRouting chooses as before.
        m_ipv4->SetUp(2);
        uint32_t changed = 0;
        for (std::size_t i = 0; i < destinations.size(); ++i)
        {
            Choice l = Output(m_lpm, Ipv4Address(destinations[i]), nullptr);
            if (!Same(l, before[i]) && ++changed <= 10)
            {
                NS_TEST_EXPECT_MSG_EQ(Show(l),
                                      Show(before[i]),
                                      "interface 2 up again: " << Ipv4Address(destinations[i]));
            }
        }
        NS_TEST_EXPECT_MSG_EQ(changed, 0, "interface 2 up again: choices as before it went down");
        NS_LOG_INFO(routes.size() << " routes, " << destinations.size() << " destinations, "
                                  << compared << " lookups compared");
        NS_TEST_EXPECT_MSG_GT(compared, 3 * N_DESTINATIONS, "lookups compared");

        m_static = nullptr;
        m_lpm = nullptr;
        m_ipv4 = nullptr;
        Simulator::Destroy();
    }

    Ptr<Ipv4> m_ipv4;                //!< the node's IPv4
    Ptr<Ipv4StaticRouting> m_static; //!< the reference
    Ptr<PeArpLpmRouting> m_lpm;      //!< the protocol under test
};

/**
 * \ingroup pe-arp-tests
 * \brief A - R - B over point-to-point, R routing with PeArpLpmRouting: a UDP
 * echo client on A gets all its echoes from B; with R's route to B's subnet
 * removed it gets none and R drops every request for want of a route.
 */
class PeArpLpmRoutingSystemTestCase : public TestCase
{
  public:
    PeArpLpmRoutingSystemTestCase()
        : TestCase("A - R - B: UDP echoes through PeArpLpmRouting, none without the route")
    {
    }

  private:
    static constexpr uint32_t N_ECHOES = 5; //!< echo requests sent

    /** What one run counted. */
    struct Result
    {
        uint32_t echoes = 0;       //!< echoes the client received
        uint32_t noRouteDrops = 0; //!< R's drops for want of a route
        uint32_t otherDrops = 0;   //!< R's other drops
    };

    /**
     * \param echoes the counter
     */
    static void CountEcho(uint32_t* echoes, Ptr<const Packet>)
    {
        ++*echoes;
    }

    /**
     * \param result the counters
     * \param reason why R dropped a packet
     */
    static void CountDrop(Result* result,
                          const Ipv4Header&,
                          Ptr<const Packet>,
                          Ipv4L3Protocol::DropReason reason,
                          Ptr<Ipv4>,
                          uint32_t)
    {
        if (reason == Ipv4L3Protocol::DROP_NO_ROUTE)
        {
            ++result->noRouteDrops;
        }
        else
        {
            ++result->otherDrops;
        }
    }

    /**
     * \param removeRoute whether to remove R's route to B's subnet
     * \return what was counted
     */
    Result Run(bool removeRoute)
    {
        Result result;
        NodeContainer a;
        NodeContainer r;
        NodeContainer b;
        a.Create(1);
        r.Create(1);
        b.Create(1);
        PointToPointHelper p2p;
        NetDeviceContainer ar = p2p.Install(a.Get(0), r.Get(0));
        NetDeviceContainer rb = p2p.Install(r.Get(0), b.Get(0));

        InternetStackHelper hosts;
        hosts.Install(a);
        hosts.Install(b);
        InternetStackHelper router;
        PeArpLpmRoutingHelper lpmHelper;
        router.SetRoutingHelper(lpmHelper);
        router.Install(r);

        Ipv4AddressHelper addresses;
        addresses.SetBase("10.1.1.0", "255.255.255.0");
        addresses.Assign(ar);
        addresses.SetBase("10.1.2.0", "255.255.255.0");
        Ipv4InterfaceContainer rbIf = addresses.Assign(rb);

        Ipv4StaticRoutingHelper staticHelper;
        staticHelper.GetStaticRouting(a.Get(0)->GetObject<Ipv4>())->SetDefaultRoute("10.1.1.2", 1);
        staticHelper.GetStaticRouting(b.Get(0)->GetObject<Ipv4>())->SetDefaultRoute("10.1.2.1", 1);

        Ptr<Ipv4> rIpv4 = r.Get(0)->GetObject<Ipv4>();
        Ptr<PeArpLpmRouting> lpm = lpmHelper.GetLpmRouting(rIpv4);
        NS_TEST_EXPECT_MSG_NE(lpm, nullptr, "R routes with LPM");
        if (!lpm)
        {
            return result;
        }
        NS_TEST_EXPECT_MSG_EQ(lpm->GetNRoutes(), 3, "R: 127/8 and two connected routes");
        if (removeRoute)
        {
            NS_TEST_EXPECT_MSG_EQ(lpm->RemoveRoute("10.1.2.0", "255.255.255.0"),
                                  true,
                                  "R's route to B's subnet removed");
        }
        rIpv4->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "Drop",
            MakeBoundCallback(&CountDrop, &result));

        UdpEchoServerHelper server(9);
        ApplicationContainer serverApp = server.Install(b.Get(0));
        serverApp.Start(Seconds(0.5));
        serverApp.Stop(Seconds(20));
        UdpEchoClientHelper client(rbIf.GetAddress(1), 9);
        client.SetAttribute("MaxPackets", UintegerValue(N_ECHOES));
        client.SetAttribute("Interval", TimeValue(Seconds(1)));
        client.SetAttribute("PacketSize", UintegerValue(100));
        ApplicationContainer clientApp = client.Install(a.Get(0));
        clientApp.Get(0)->TraceConnectWithoutContext("Rx",
                                                     MakeBoundCallback(&CountEcho, &result.echoes));
        clientApp.Start(Seconds(1));
        clientApp.Stop(Seconds(20));

        Simulator::Stop(Seconds(21));
        Simulator::Run();
        NS_TEST_EXPECT_MSG_GT(lpm->GetNLookups(), 0, "R looked routes up");
        Simulator::Destroy();
        return result;
    }

    void DoRun() override
    {
        Result with = Run(false);
        NS_LOG_INFO("with the route: " << with.echoes << " echoes, " << with.noRouteDrops
                                       << " no-route drops at R");
        NS_TEST_EXPECT_MSG_EQ(with.echoes, N_ECHOES, "every echo comes back");
        NS_TEST_EXPECT_MSG_EQ(with.noRouteDrops, 0, "R has a route");
        NS_TEST_EXPECT_MSG_EQ(with.otherDrops, 0, "no other drop");

        Result without = Run(true);
        NS_LOG_INFO("without the route: " << without.echoes << " echoes, " << without.noRouteDrops
                                          << " no-route drops at R");
        NS_TEST_EXPECT_MSG_EQ(without.echoes, 0, "no echo without R's route");
        NS_TEST_EXPECT_MSG_EQ(without.noRouteDrops, N_ECHOES, "R drops every request");
        NS_TEST_EXPECT_MSG_EQ(without.otherDrops, 0, "no other drop");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief The longest prefix match routing test suite.
 */
class PeArpLpmRoutingTestSuite : public TestSuite
{
  public:
    PeArpLpmRoutingTestSuite()
        : TestSuite("pe-arp-lpm-routing", UNIT)
    {
        AddTestCase(new PeArpLpmRoutingTableTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLpmRoutingRulesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLpmRoutingMaskTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLpmRoutingInterfaceTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLpmRoutingEquivalenceTestCase, TestCase::QUICK);
        AddTestCase(new PeArpLpmRoutingSystemTestCase, TestCase::QUICK);
    }
};

static PeArpLpmRoutingTestSuite
    g_peArpLpmRoutingTestSuite; //!< Static variable for test initialization

} // namespace tests
} // namespace ns3
