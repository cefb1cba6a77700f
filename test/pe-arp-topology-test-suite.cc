/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * Tests of the topology layer: the graph description and its checks, the
 * Graphviz and GraphML readers, the generators' promised counts, the address
 * plan, routes against shortest paths (on the tables and packet by packet),
 * aggregation, the spanning tree and the storm without it, and exact
 * deliveries on generated topologies with shared addresses.
 */

#include "ns3/config.h"
#include "ns3/csma-net-device.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/mac48-address.h"
#include "ns3/node-list.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-address-plan.h"
#include "ns3/pe-arp-graph-routes.h"
#include "ns3/pe-arp-spanning-tree.h"
#include "ns3/pe-arp-statistics.h"
#include "ns3/pe-arp-topology-generator.h"
#include "ns3/pe-arp-topology-helper.h"
#include "ns3/pe-arp-topology-partition.h"
#include "ns3/pe-arp-topology.h"
#include "ns3/simulator.h"
#include "ns3/socket-factory.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/test.h"
#include "ns3/udp-socket-factory.h"

#include <map>
#include <numeric>
#include <set>
#include <string>
#include <tuple>

using namespace ns3;

namespace
{

/**
 * Union-find root, written here rather than taken from the code under test.
 * \param parent the forest
 * \param x an element
 * \return its root
 */
uint32_t
Root(std::vector<uint32_t>& parent, uint32_t x)
{
    while (parent[x] != x)
    {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/**
 * \param t a topology
 * \param v a vertex
 * \return its neighbours that are routers
 */
uint32_t
RouterDegree(const PeArpTopology& t, uint32_t v)
{
    uint32_t degree = 0;
    for (uint32_t l : t.GetVertexLinks(v))
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        degree += t.IsRouter(link.a == v ? link.b : link.a) ? 1 : 0;
    }
    return degree;
}

} // namespace

/**
 * \ingroup pe-arp-tests
 * Validate() refuses every impossible description with a message naming
 * the vertex or link and the field; a valid one passes.
 */
class PeArpTopologyValidateTestCase : public TestCase
{
  public:
    PeArpTopologyValidateTestCase()
        : TestCase("Validate names what is wrong with a topology")
    {
    }

  private:
    /**
     * \param t a topology
     * \param words what its error must contain ("" if it is valid)
     */
    void Expect(const PeArpTopology& t, const std::string& words)
    {
        std::string why = t.Validate();
        if (words.empty())
        {
            NS_TEST_EXPECT_MSG_EQ(why, "", "a valid topology was refused");
        }
        else
        {
            NS_TEST_EXPECT_MSG_NE(why.find(words),
                                  std::string::npos,
                                  "error \"" << why << "\" does not say " << words);
        }
    }

    void DoRun() override
    {
        PeArpTopology::Lan site;
        site.hosts = 4;
        site.sharedIps = 2;
        PeArpTopology good;
        uint32_t r = good.AddVertex(PeArpTopology::ROUTER);
        uint32_t s = good.AddVertex(PeArpTopology::SITE, site);
        good.AddLink(r, s);
        Expect(good, "");

        PeArpTopology t = good;
        t.AddLink(r, 7);
        Expect(t, "link 1: end 7 is not a vertex");
        t = good;
        t.AddLink(r, r);
        Expect(t, "link 1: both ends are vertex 0");
        t = good;
        t.AddLink(s, r);
        Expect(t, "link 1: a second link");
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, site), 0);
        Expect(t, "dataRate must be positive");
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, site), 1000, 0.001, 0);
        Expect(t, "metric must be at least 1");
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, site), 1000, -1);
        Expect(t, "delay must be");
        t = good;
        t.AddLink(s, t.AddVertex(PeArpTopology::SWITCH));
        Expect(t, "a switch may link to switches and routers only");
        // A switched LAN needs exactly one gateway.
        t = good;
        t.AddVertex(PeArpTopology::SWITCH, site);
        Expect(t, "has 0 links to routers");
        t = good;
        uint32_t sw = t.AddVertex(PeArpTopology::SWITCH, site);
        uint32_t r2 = t.AddVertex(PeArpTopology::ROUTER);
        t.AddLink(r, r2);
        t.AddLink(r, sw);
        t.AddLink(r2, sw);
        Expect(t, "has 2 links to routers");
        t = good;
        PeArpTopology::Lan withHosts;
        withHosts.hosts = 3;
        t.AddLink(r, t.AddVertex(PeArpTopology::ROUTER, withHosts));
        Expect(t, "a router has no hosts of its own (hosts=3)");
        PeArpTopology::Lan bad = site;
        bad.hosts = 0;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, bad));
        Expect(t, "hosts must be at least 1");
        bad = site;
        bad.sharedIps = 5;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, bad));
        Expect(t, "sharedIps=5 must be in 1..4");
        bad = site;
        bad.portsPerHost = 40000;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, bad));
        Expect(t, "portsPerHost: 2 hosts per address x 40000 ports");
        bad = site;
        bad.firstPort = 0;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, bad));
        Expect(t, "firstPort=0 must be in 1..65535");
        // The switched LAN's settings are its gateway's; its hosts are the switches'.
        t = good;
        PeArpTopology::Lan gatewayLan;
        gatewayLan.sharedIps = 9;
        uint32_t gw = t.AddVertex(PeArpTopology::ROUTER, gatewayLan);
        t.AddLink(r, gw);
        t.AddLink(gw, t.AddVertex(PeArpTopology::SWITCH, site));
        Expect(t, "sharedIps=9 must be in 1..4 (the hosts of its LAN) (the switched LAN");
        t = good;
        t.AddVertex(PeArpTopology::SITE, site);
        Expect(t, "not connected to vertex 0 (router0) through routers");
        PeArpTopology::Lan farm;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::INTERNET, farm));
        Expect(t, "hosts (servers) must be at least 1");
        Expect(PeArpTopology(), "no router, site or internet vertex");
        PeArpTopology::Lan natSite = site;
        natSite.resolver = PeArpTopology::NAT;
        natSite.portsPerHost = 20000;
        t = good;
        t.AddLink(r, t.AddVertex(PeArpTopology::SITE, natSite));
        Expect(t, "portsPerHost: 4 hosts behind one NAT address x 20000 ports");
        t = good;
        PeArpTopology::Lan natGateway;
        natGateway.resolver = PeArpTopology::NAT;
        uint32_t natGw = t.AddVertex(PeArpTopology::ROUTER, natGateway);
        t.AddLink(r, natGw);
        t.AddLink(natGw, t.AddVertex(PeArpTopology::SWITCH, site));
        Expect(t, "resolver nat is for sites only");
    }
};

/**
 * \ingroup pe-arp-tests
 * The readers: a DOT and a GraphML file written by hand give the vertices,
 * links and attributes they describe; bad files give errors naming the
 * node or edge and the attribute.
 */
class PeArpTopologyReadTestCase : public TestCase
{
  public:
    PeArpTopologyReadTestCase()
        : TestCase("Graphviz and GraphML files are read, bad ones refused")
    {
    }

  private:
    void DoRun() override
    {
        const std::string dot = "graph g {\n"
                                "  core [kind=router];\n"
                                "  a [kind=site hosts=6 sharedIps=2 portsPerHost=500];\n"
                                "  b [kind=site hosts=3 resolver=stock];\n"
                                "  net [kind=internet hosts=2];\n"
                                "  core -- a [rate=\"100Mbps\" delay=\"2ms\"];\n"
                                "  core -- b [rate=\"1G\" delay=\"50us\" metric=3];\n"
                                "  core -- net;\n"
                                "}\n";
        PeArpTopology::ReadResult r = PeArpTopology::ReadGraphviz(dot);
        NS_TEST_ASSERT_MSG_EQ(r.error, "", "the DOT file was refused");
        const PeArpTopology& t = r.topology;
        NS_TEST_ASSERT_MSG_EQ(t.GetNVertices(), 4, "vertices");
        NS_TEST_ASSERT_MSG_EQ(t.GetNLinks(), 3, "links");
        NS_TEST_EXPECT_MSG_EQ(t.Validate(), "", "the file describes a valid network");
        std::optional<uint32_t> core = t.FindVertex("core");
        std::optional<uint32_t> a = t.FindVertex("a");
        std::optional<uint32_t> b = t.FindVertex("b");
        std::optional<uint32_t> net = t.FindVertex("net");
        NS_TEST_ASSERT_MSG_EQ((core && a && b && net), true, "names are the node ids");
        NS_TEST_EXPECT_MSG_EQ(t.FindVertex("x").has_value(), false, "no vertex x");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*core).kind, PeArpTopology::ROUTER, "kind router");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*a).kind, PeArpTopology::SITE, "kind site");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*a).lan.hosts, 6, "hosts");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*a).lan.sharedIps, 2, "sharedIps");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*a).lan.portsPerHost, 500, "portsPerHost");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*a).lan.resolver,
                              PeArpTopology::PE_ARP,
                              "default resolver");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*b).lan.resolver, PeArpTopology::STOCK, "resolver");
        NS_TEST_EXPECT_MSG_EQ(t.GetVertex(*net).kind, PeArpTopology::INTERNET, "internet");
        for (uint32_t l = 0; l < t.GetNLinks(); l++)
        {
            const PeArpTopology::Link& link = t.GetLink(l);
            uint32_t other = link.a == *core ? link.b : link.a;
            NS_TEST_EXPECT_MSG_EQ((link.a == *core || link.b == *core), true, "links at the core");
            if (other == *a)
            {
                NS_TEST_EXPECT_MSG_EQ(link.dataRate, 100000000, "100Mbps");
                NS_TEST_EXPECT_MSG_EQ_TOL(link.delay, 0.002, 1e-12, "2ms");
                NS_TEST_EXPECT_MSG_EQ(link.metric, 1, "default metric");
            }
            else if (other == *b)
            {
                NS_TEST_EXPECT_MSG_EQ(link.dataRate, 1000000000, "1G");
                NS_TEST_EXPECT_MSG_EQ_TOL(link.delay, 50e-6, 1e-15, "50us");
                NS_TEST_EXPECT_MSG_EQ(link.metric, 3, "metric");
            }
            else
            {
                NS_TEST_EXPECT_MSG_EQ(other, *net, "the third link");
                NS_TEST_EXPECT_MSG_EQ(link.dataRate, 1000000000, "default rate");
                NS_TEST_EXPECT_MSG_EQ_TOL(link.delay, 0.001, 1e-12, "default delay");
            }
        }

        // What WriteGraphviz writes reads back the same.
        PeArpTopology::ReadResult again = PeArpTopology::ReadGraphviz(t.WriteGraphviz());
        NS_TEST_ASSERT_MSG_EQ(again.error, "", "the written DOT was refused");
        NS_TEST_EXPECT_MSG_EQ(again.topology.WriteGraphviz(), t.WriteGraphviz(), "round trip");

        const std::string graphml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
            "  <key id=\"k\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n"
            "  <key id=\"h\" for=\"node\" attr.name=\"hosts\" attr.type=\"string\"/>\n"
            "  <key id=\"d\" for=\"edge\" attr.name=\"delay\" attr.type=\"string\"/>\n"
            "  <key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n"
            "  <graph id=\"G\" edgedefault=\"undirected\">\n"
            "    <node id=\"r\"><data key=\"k\">router</data><data key=\"n\">edge</data></node>\n"
            "    <node id=\"s\"><data key=\"k\">site</data><data key=\"h\">5</data></node>\n"
            "    <edge source=\"r\" target=\"s\"><data key=\"d\">3ms</data></edge>\n"
            "  </graph>\n"
            "</graphml>\n";
        PeArpTopology::ReadResult g = PeArpTopology::ReadGraphml(graphml);
        NS_TEST_ASSERT_MSG_EQ(g.error, "", "the GraphML file was refused");
        NS_TEST_ASSERT_MSG_EQ(g.topology.GetNVertices(), 2, "GraphML vertices");
        NS_TEST_ASSERT_MSG_EQ(g.topology.GetNLinks(), 1, "GraphML links");
        NS_TEST_EXPECT_MSG_EQ(g.topology.GetVertex(0).name,
                              "edge",
                              "GraphML: document order, name key");
        NS_TEST_EXPECT_MSG_EQ(g.topology.GetVertex(1).name, "n1", "GraphML: no name key");
        NS_TEST_EXPECT_MSG_EQ(g.topology.GetVertex(1).lan.hosts, 5, "GraphML hosts");
        NS_TEST_EXPECT_MSG_EQ_TOL(g.topology.GetLink(0).delay, 0.003, 1e-12, "GraphML delay");

        struct Bad
        {
            std::string text;  //!< a DOT file
            std::string words; //!< what its error must say
        };

        const Bad bad[] = {
            {"graph g { a [kind=hub]; }", "node 'a': kind='hub'"},
            {"graph g { a [kind=site hosts=-3]; }", "node 'a': hosts='-3'"},
            {"graph g { a [kind=site hosts=99999999999]; }", "node 'a': hosts='99999999999'"},
            {"graph g { a [resolver=magic]; }",
             "node 'a': resolver='magic' is not pe-arp, stock or nat"},
            {"graph g { a -- b [rate=fast]; }", "edge 'a' -- 'b': rate='fast'"},
            {"graph g { a -- b [rate=\"1Tbps\"]; }", "edge 'a' -- 'b': rate='1Tbps'"},
            {"graph g { a -- b [delay=\"2h\"]; }", "edge 'a' -- 'b': delay='2h'"},
            {"graph g { a -- b [delay=\"-1\"]; }", "edge 'a' -- 'b': delay='-1'"},
            {"graph g { a -- b [metric=1.5]; }", "edge 'a' -- 'b': metric='1.5'"},
            {"graph g { a -- ", "Graphviz: "},
        };
        for (const Bad& b : bad)
        {
            PeArpTopology::ReadResult result = PeArpTopology::ReadGraphviz(b.text);
            NS_TEST_EXPECT_MSG_NE(result.error.find(b.words),
                                  std::string::npos,
                                  "\"" << result.error << "\" does not say " << b.words);
            NS_TEST_EXPECT_MSG_EQ(result.topology.GetNVertices(), 0, "nothing is kept");
        }
        NS_TEST_EXPECT_MSG_NE(PeArpTopology::ReadGraphml("<graphml><graph").error.find("GraphML: "),
                              std::string::npos,
                              "broken GraphML");
    }
};

/**
 * \ingroup pe-arp-tests
 * The generators make the vertices, links and degrees they promise, the
 * same graph for the same seed, and refuse impossible configurations.
 */
class PeArpTopologyGeneratorTestCase : public TestCase
{
  public:
    PeArpTopologyGeneratorTestCase()
        : TestCase("Generators produce the counts they promise")
    {
    }

  private:
    void DoRun() override
    {
        // Campus: 3 cores, 2 buildings, 2 + 5 switches, redundant.
        PeArpTopologyGenerator::CampusConfig campus;
        campus.cores = 3;
        campus.buildings = 2;
        campus.distributionSwitches = 2;
        campus.accessSwitches = 5;
        campus.hostsPerAccessSwitch = 4;
        campus.lan.sharedIps = 2;
        PeArpTopology c = PeArpTopologyGenerator::Campus(campus);
        NS_TEST_EXPECT_MSG_EQ(c.Validate(), "", "campus valid");
        // 3 + 2 x (1 + 2 + 5) + 1 internet
        NS_TEST_EXPECT_MSG_EQ(c.GetNVertices(), 3 + 2 * 8 + 1, "campus vertices");
        // C(3,2) + 2 x (3 + 1 + C(2,2) + 5 x 2) + 1
        NS_TEST_EXPECT_MSG_EQ(c.GetNLinks(), 3 + 2 * 15 + 1, "campus links");
        NS_TEST_EXPECT_MSG_EQ(c.GetNHosts(), 2 * 5 * 4, "campus hosts");
        NS_TEST_EXPECT_MSG_EQ(c.GetVerticesOfKind(PeArpTopology::SWITCH).size(), 14, "switches");
        for (uint32_t v : c.GetVerticesOfKind(PeArpTopology::SWITCH))
        {
            // Access switches: both distribution switches; distribution:
            // the other one, 5 access switches, and the gateway for the first.
            uint32_t expected = c.GetVertex(v).lan.hosts > 0                             ? 2
                                : c.GetVertex(v).name.find("dist0") != std::string::npos ? 7
                                                                                         : 6;
            NS_TEST_EXPECT_MSG_EQ(c.GetDegree(v), expected, c.GetVertex(v).name << " degree");
        }
        campus.redundant = false;
        NS_TEST_EXPECT_MSG_EQ(PeArpTopologyGenerator::Campus(campus).GetNLinks(),
                              3 + 2 * (3 + 1 + 1 + 5) + 1,
                              "campus links without redundancy");

        // ISP: rings and circulant meshes.
        struct IspCase
        {
            uint32_t backbone;   //!< routers
            uint32_t meshDegree; //!< mesh degree
            uint32_t coreLinks;  //!< backbone links expected
        };

        const IspCase cases[] = {
            {1, 1, 0},  // one router
            {2, 1, 1},  // a link
            {3, 1, 3},  // a triangle
            {8, 1, 8},  // a ring
            {8, 2, 16}, // each to the next two
            {8, 4, 28}, // full mesh: C(8,2)
            {7, 3, 21}, // full mesh: C(7,2)
            {7, 9, 21}, // no more than a full mesh
        };
        for (const IspCase& k : cases)
        {
            PeArpTopologyGenerator::IspConfig isp;
            isp.backbone = k.backbone;
            isp.meshDegree = k.meshDegree;
            isp.sites = 10;
            isp.internets = 2;
            isp.siteLan.hosts = 3;
            PeArpTopology t = PeArpTopologyGenerator::Isp(isp);
            NS_TEST_EXPECT_MSG_EQ(t.Validate(), "", "ISP valid");
            NS_TEST_EXPECT_MSG_EQ(t.GetNVertices(), k.backbone + 10 + 2, "ISP vertices");
            NS_TEST_EXPECT_MSG_EQ(t.GetNLinks(),
                                  k.coreLinks + 10 + 2,
                                  "ISP links " << k.backbone << "/" << k.meshDegree);
            // Sites round-robin: backbone router b has ceil or floor of 10 / B.
            for (uint32_t b = 0; b < k.backbone; b++)
            {
                uint32_t sites = 0;
                for (uint32_t l : t.GetVertexLinks(b))
                {
                    const PeArpTopology::Link& link = t.GetLink(l);
                    sites += t.GetVertex(link.a == b ? link.b : link.a).kind == PeArpTopology::SITE;
                }
                NS_TEST_EXPECT_MSG_EQ(sites,
                                      10 / k.backbone + (b < 10 % k.backbone ? 1 : 0),
                                      "sites of router " << b);
            }
            // Servers: one per 250 hosts at least one, split over the internets.
            uint32_t servers = 0;
            for (uint32_t v : t.GetVerticesOfKind(PeArpTopology::INTERNET))
            {
                servers += t.GetVertex(v).lan.hosts;
            }
            NS_TEST_EXPECT_MSG_EQ(servers, 2, "one server per internet vertex at least");
        }

        // Barabasi-Albert: exact link count, every degree at least m.
        PeArpTopologyGenerator::RandomConfig ba;
        ba.model = PeArpTopologyGenerator::BARABASI_ALBERT;
        ba.routers = 300;
        ba.m = 3;
        ba.sitesPerRouter = 1;
        ba.siteLan.hosts = 1000;
        ba.siteLan.sharedIps = 20;
        ba.siteLan.portsPerHost = 1000;
        ba.seed = 7;
        PeArpTopology b = PeArpTopologyGenerator::Random(ba);
        NS_TEST_EXPECT_MSG_EQ(b.Validate(), "", "BA valid");
        NS_TEST_EXPECT_MSG_EQ(b.GetNVertices(), 300 + 300 + 1, "BA vertices");
        NS_TEST_EXPECT_MSG_EQ(b.GetNLinks(), 6 + (300 - 4) * 3 + 300 + 1, "BA links");
        uint32_t maxDegree = 0;
        for (uint32_t v = 0; v < 300; v++)
        {
            NS_TEST_EXPECT_MSG_GT_OR_EQ(RouterDegree(b, v), 3 + 1, "BA degree (m + its site)");
            maxDegree = std::max(maxDegree, RouterDegree(b, v));
        }
        // Preferential attachment makes hubs (a uniform choice would not).
        NS_TEST_EXPECT_MSG_GT(maxDegree, 25, "BA has hubs");
        // 300,000 hosts: 1,200 servers.
        uint32_t farm = b.GetVerticesOfKind(PeArpTopology::INTERNET)[0];
        NS_TEST_EXPECT_MSG_EQ(b.GetVertex(farm).lan.hosts, 1200, "servers for 300000 hosts");
        NS_TEST_EXPECT_MSG_EQ(RouterDegree(b, b.GetLink(b.GetVertexLinks(farm)[0]).a),
                              maxDegree,
                              "the internet hangs off the best-connected router");
        NS_TEST_EXPECT_MSG_EQ(PeArpTopologyGenerator::Random(ba).WriteGraphviz(),
                              b.WriteGraphviz(),
                              "same seed, same graph");
        ba.seed = 8;
        NS_TEST_EXPECT_MSG_NE(PeArpTopologyGenerator::Random(ba).WriteGraphviz(),
                              b.WriteGraphviz(),
                              "another seed, another graph");

        // Waxman: connected, link count near its expectation.
        PeArpTopologyGenerator::RandomConfig wax;
        wax.model = PeArpTopologyGenerator::WAXMAN;
        wax.routers = 200;
        wax.alpha = 0.2;
        wax.beta = 0.3;
        wax.sitesPerRouter = 0;
        PeArpTopology w = PeArpTopologyGenerator::Random(wax);
        NS_TEST_EXPECT_MSG_EQ(w.Validate(), "", "Waxman is connected");
        NS_TEST_EXPECT_MSG_EQ(w.GetNVertices(), 201, "Waxman vertices");
        // E[links] = C(n,2) E[beta exp(-d / (alpha sqrt 2))] over uniform
        // pairs in the unit square; the mean distance is 0.5214, and for
        // these parameters the expectation is about 0.3 x 19900 x 0.19 =
        // 1,130 (computed by numerical integration); the count must be
        // within a wide band around it, whatever the seed.
        NS_TEST_EXPECT_MSG_GT(w.GetNLinks(), 800, "Waxman links, lower band");
        NS_TEST_EXPECT_MSG_LT(w.GetNLinks(), 1500, "Waxman links, upper band");

        // Impossible configurations name their field.
        PeArpTopologyGenerator::RandomConfig r;
        r.m = 5;
        r.routers = 5;
        NS_TEST_EXPECT_MSG_NE(r.Validate().find("m=5 must be in 1..4"), std::string::npos, "BA m");
        r = PeArpTopologyGenerator::RandomConfig();
        r.model = PeArpTopologyGenerator::WAXMAN;
        r.alpha = 0;
        NS_TEST_EXPECT_MSG_NE(r.Validate().find("alpha=0"), std::string::npos, "Waxman alpha");
        r.alpha = 0.5;
        r.beta = 1.5;
        NS_TEST_EXPECT_MSG_NE(r.Validate().find("beta=1.5"), std::string::npos, "Waxman beta");
        r = PeArpTopologyGenerator::RandomConfig();
        r.siteLan.hosts = 0;
        NS_TEST_EXPECT_MSG_NE(r.Validate().find("siteLan: hosts must be at least 1"),
                              std::string::npos,
                              "site LAN");
        PeArpTopologyGenerator::CampusConfig cc;
        cc.accessSwitches = 0;
        NS_TEST_EXPECT_MSG_NE(cc.Validate().find("accessSwitches"), std::string::npos, "campus");
        PeArpTopologyGenerator::IspConfig ic;
        ic.meshDegree = 0;
        NS_TEST_EXPECT_MSG_NE(ic.Validate().find("meshDegree"), std::string::npos, "ISP");
        ic = PeArpTopologyGenerator::IspConfig();
        ic.siteLan.hosts = 80;
        NS_TEST_EXPECT_MSG_NE(ic.Validate().find("siteLan: portsPerHost"),
                              std::string::npos,
                              "ISP ports");
    }
};

/**
 * \ingroup pe-arp-tests
 * The address plan: hand-checked prefixes for a small topology, disjoint
 * prefixes for a large one, and a clear error when they do not fit.
 */
class PeArpAddressPlanTestCase : public TestCase
{
  public:
    PeArpAddressPlanTestCase()
        : TestCase("The address plan gives disjoint prefixes of the right size")
    {
    }

  private:
    void DoRun() override
    {
        // core -- siteA (5 hosts, 2 shared), core -- siteB (stock, 20 hosts),
        // core -- net (3 servers).
        PeArpTopology t;
        uint32_t core = t.AddVertex(PeArpTopology::ROUTER);
        PeArpTopology::Lan a;
        a.hosts = 5;
        a.sharedIps = 2;
        PeArpTopology::Lan b;
        b.hosts = 20;
        b.resolver = PeArpTopology::STOCK;
        PeArpTopology::Lan farm;
        farm.hosts = 3;
        uint32_t sa = t.AddVertex(PeArpTopology::SITE, a);
        uint32_t sb = t.AddVertex(PeArpTopology::SITE, b);
        uint32_t net = t.AddVertex(PeArpTopology::INTERNET, farm);
        t.AddLink(core, sa);
        t.AddLink(core, sb);
        t.AddLink(core, net);
        PeArpAddressPlan::Config config;
        config.lanBase = Ipv4Address("192.0.2.0");
        config.linkBase = Ipv4Address("10.9.0.0");
        PeArpAddressPlan plan(config);
        NS_TEST_ASSERT_MSG_EQ(plan.Compute(t), "", "plan computed");
        NS_TEST_ASSERT_MSG_EQ(plan.GetLans().size(), 3, "three LANs");
        // Sizes: 5 + 3 = 8 -> /29; 20 + 3 = 23 -> /27; 3 x 4 = 12 -> /28.
        // All attach to the core: largest first, each aligned.
        const PeArpAddressPlan::Lan& lb = plan.GetLans()[plan.GetLanOf(sb)];
        const PeArpAddressPlan::Lan& lf = plan.GetLans()[plan.GetLanOf(net)];
        const PeArpAddressPlan::Lan& la = plan.GetLans()[plan.GetLanOf(sa)];
        NS_TEST_EXPECT_MSG_EQ(lb.network, Ipv4Address("192.0.2.0"), "site B network");
        NS_TEST_EXPECT_MSG_EQ(lb.prefixLength, 27, "site B /27");
        NS_TEST_EXPECT_MSG_EQ(lf.network, Ipv4Address("192.0.2.32"), "farm network");
        NS_TEST_EXPECT_MSG_EQ(lf.prefixLength, 28, "farm /28");
        NS_TEST_EXPECT_MSG_EQ(la.network, Ipv4Address("192.0.2.48"), "site A network");
        NS_TEST_EXPECT_MSG_EQ(la.prefixLength, 29, "site A /29");
        NS_TEST_EXPECT_MSG_EQ(la.GetMask(), Ipv4Mask("255.255.255.248"), "site A mask");
        NS_TEST_EXPECT_MSG_EQ(plan.GetHostAddress(plan.GetLanOf(sa), 1),
                              Ipv4Address("192.0.2.51"),
                              "second address of site A");
        NS_TEST_EXPECT_MSG_EQ(plan.GetHostAddress(plan.GetLanOf(net), 2),
                              Ipv4Address("192.0.2.42"),
                              "third server: .40/30, .42");
        NS_TEST_EXPECT_MSG_EQ(plan.GetLinkNetwork(0), Ipv4Address("10.9.0.0"), "link 0 /30");
        NS_TEST_EXPECT_MSG_EQ(plan.GetLinkAddress(2, net),
                              Ipv4Address("10.9.0.10"),
                              "link 2 end b");
        NS_TEST_EXPECT_MSG_EQ(plan.GetLinkAddress(2, core),
                              Ipv4Address("10.9.0.9"),
                              "link 2 end a");

        // A large generated ISP: every prefix aligned and disjoint.
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = 20;
        isp.meshDegree = 2;
        isp.sites = 2000;
        isp.siteLan.hosts = 37;
        isp.siteLan.sharedIps = 3;
        isp.siteLan.portsPerHost = 4000;
        PeArpTopology big = PeArpTopologyGenerator::Isp(isp);
        PeArpAddressPlan bigPlan;
        NS_TEST_ASSERT_MSG_EQ(bigPlan.Compute(big), "", "big plan");
        std::vector<std::pair<uint64_t, uint64_t>> blocks;
        for (const PeArpAddressPlan::Lan& lan : bigPlan.GetLans())
        {
            uint64_t size = uint64_t(1) << (32 - lan.prefixLength);
            NS_TEST_EXPECT_MSG_EQ(lan.network.Get() % size, 0, "aligned");
            blocks.emplace_back(lan.network.Get(), lan.network.Get() + size);
        }
        std::sort(blocks.begin(), blocks.end());
        for (size_t i = 1; i < blocks.size(); i++)
        {
            NS_TEST_EXPECT_MSG_LT_OR_EQ(blocks[i - 1].second, blocks[i].first, "disjoint");
        }

        config.lanBase = Ipv4Address("223.255.255.0");
        PeArpAddressPlan tooHigh(config);
        NS_TEST_EXPECT_MSG_NE(tooHigh.Compute(big).find("lanBase=223.255.255.0"),
                              std::string::npos,
                              "LANs past 224.0.0.0");
        config = PeArpAddressPlan::Config();
        config.lanBase = Ipv4Address("10.0.0.0");
        PeArpAddressPlan overlap(config);
        NS_TEST_EXPECT_MSG_NE(overlap.Compute(big).find("overlap"),
                              std::string::npos,
                              "LANs over the link block");
    }
};

/**
 * \ingroup pe-arp-tests
 * The route tables lead from every router to every LAN along a shortest
 * path (Boost.Graph's Dijkstra as the reference, with unit and weighted
 * metrics), with one search per attachment point; without aggregation every
 * router has exactly one route per LAN it does not serve, and aggregation
 * changes no next hop.
 */
class PeArpGraphRoutesTestCase : public TestCase
{
  public:
    PeArpGraphRoutesTestCase()
        : TestCase("Routes follow shortest paths; one route per site prefix")
    {
    }

  private:
    /**
     * Check every router-to-LAN path of a topology.
     * \param t the topology
     * \param aggregate aggregation on
     */
    void CheckPaths(const PeArpTopology& t, bool aggregate)
    {
        PeArpAddressPlan plan;
        NS_TEST_ASSERT_MSG_EQ(plan.Compute(t), "", "plan");
        PeArpGraphRoutes routes(t, plan, aggregate);
        uint32_t checked = 0;
        for (uint32_t from = 0; from < t.GetNVertices(); from++)
        {
            if (!t.IsRouter(from))
            {
                continue;
            }
            std::vector<uint32_t> distance = routes.GetDistances(from);
            for (uint32_t lan = 0; lan < plan.GetLans().size(); lan++)
            {
                const PeArpAddressPlan::Lan& l = plan.GetLans()[lan];
                // The last address of the LAN as well as the first.
                uint64_t last = l.network.Get() + (uint64_t(1) << (32 - l.prefixLength)) - 2;
                for (Ipv4Address to :
                     {plan.GetHostAddress(lan, 0), Ipv4Address(static_cast<uint32_t>(last))})
                {
                    std::vector<uint32_t> path = routes.Trace(from, to);
                    NS_TEST_ASSERT_MSG_EQ(path.empty(),
                                          false,
                                          "a path from " << from << " to " << to);
                    NS_TEST_EXPECT_MSG_EQ(path.back(), l.gateway, "ends at the gateway");
                    uint32_t cost = 0;
                    for (size_t k = 1; k < path.size(); k++)
                    {
                        bool linked = false;
                        for (uint32_t e : t.GetVertexLinks(path[k - 1]))
                        {
                            const PeArpTopology::Link& link = t.GetLink(e);
                            if (link.a == path[k] || link.b == path[k])
                            {
                                cost += link.metric;
                                linked = true;
                                break;
                            }
                        }
                        NS_TEST_ASSERT_MSG_EQ(linked, true, "consecutive vertices are linked");
                    }
                    NS_TEST_EXPECT_MSG_EQ(cost, distance[l.gateway], "a shortest path");
                    checked++;
                }
            }
        }
        NS_TEST_EXPECT_MSG_GT(checked, 0, "paths checked");
    }

    void DoRun() override
    {
        // A hand-made network: a square r0-r1-r2-r3-r0 with a diagonal r0-r2
        // of metric 5, sites on r1 and r3, a chain of two stub routers off r2
        // with a site at its end, the internet on r0.
        PeArpTopology t;
        std::vector<uint32_t> r;
        for (int i = 0; i < 4; i++)
        {
            r.push_back(t.AddVertex(PeArpTopology::ROUTER));
        }
        t.AddLink(r[0], r[1]);
        t.AddLink(r[1], r[2]);
        t.AddLink(r[2], r[3]);
        t.AddLink(r[3], r[0]);
        t.AddLink(r[0], r[2], 1000000000, 0.001, 5);
        PeArpTopology::Lan site;
        site.hosts = 2;
        uint32_t s1 = t.AddVertex(PeArpTopology::SITE, site);
        uint32_t s3 = t.AddVertex(PeArpTopology::SITE, site);
        t.AddLink(r[1], s1);
        t.AddLink(r[3], s3);
        uint32_t stub1 = t.AddVertex(PeArpTopology::ROUTER);
        uint32_t stub2 = t.AddVertex(PeArpTopology::ROUTER);
        uint32_t far = t.AddVertex(PeArpTopology::SITE, site);
        t.AddLink(r[2], stub1);
        t.AddLink(stub1, stub2);
        t.AddLink(stub2, far);
        PeArpTopology::Lan farm;
        farm.hosts = 1;
        uint32_t net = t.AddVertex(PeArpTopology::INTERNET, farm);
        t.AddLink(r[0], net);
        NS_TEST_ASSERT_MSG_EQ(t.Validate(), "", "valid");

        // Attachments: stubs hang off the core r0..r3.
        std::vector<uint32_t> attachment = PeArpGraphRoutes::GetAttachments(t);
        NS_TEST_EXPECT_MSG_EQ(attachment[s1], r[1], "s1 on r1");
        NS_TEST_EXPECT_MSG_EQ(attachment[far], r[2], "far site on r2, through two stubs");
        NS_TEST_EXPECT_MSG_EQ(attachment[stub1], r[2], "stub1 on r2");
        NS_TEST_EXPECT_MSG_EQ(attachment[net], r[0], "internet on r0");
        NS_TEST_EXPECT_MSG_EQ(attachment[r[3]], r[3], "r3 is core");

        PeArpAddressPlan plan;
        NS_TEST_ASSERT_MSG_EQ(plan.Compute(t), "", "plan");
        PeArpGraphRoutes routes(t, plan, false);
        // Four LANs attached at r1, r3, r2 and r0: four searches.
        NS_TEST_EXPECT_MSG_EQ(routes.GetNSearches(), 4, "one search per attachment point");
        // Hand-computed distances with the metric-5 diagonal: r0 to r2 is 2
        // (around the square), not 5.
        std::vector<uint32_t> d = routes.GetDistances(r[0]);
        NS_TEST_EXPECT_MSG_EQ(d[r[2]], 2, "r0 to r2 around the square");
        NS_TEST_EXPECT_MSG_EQ(d[far], 5, "r0 to the far site");
        // Stubs: a default route up, and routes down to what hangs below.
        NS_TEST_EXPECT_MSG_EQ(routes.GetTable(stub2).defaultLink,
                              8,
                              "stub2 default: link 8 to stub1");
        NS_TEST_EXPECT_MSG_EQ(routes.GetTable(stub2).routes.size(), 1, "stub2: the far site");
        NS_TEST_EXPECT_MSG_EQ(routes.GetTable(stub1).routes.size(), 1, "stub1: the far site");
        NS_TEST_EXPECT_MSG_EQ(routes.GetTable(far).routes.size(), 0, "the far site: default only");
        NS_TEST_EXPECT_MSG_EQ(routes.GetTable(far).defaultLink, 9, "far site default: link 9");
        // Core routers without aggregation: one route per LAN they do not serve.
        std::set<std::pair<uint32_t, uint32_t>> prefixes;
        for (const PeArpAddressPlan::Lan& lan : plan.GetLans())
        {
            prefixes.insert({lan.network.Get(), lan.prefixLength});
        }
        for (uint32_t core : r)
        {
            const PeArpGraphRoutes::Table& table = routes.GetTable(core);
            NS_TEST_EXPECT_MSG_EQ(table.routes.size(),
                                  4,
                                  "router " << core << ": one route per LAN");
            NS_TEST_EXPECT_MSG_EQ(table.defaultLink, UINT32_MAX, "core routers have no default");
            for (const PeArpGraphRoutes::Route& route : table.routes)
            {
                NS_TEST_EXPECT_MSG_EQ(prefixes.count({route.network.Get(), route.prefixLength}),
                                      1,
                                      "each route is a LAN prefix");
            }
        }
        // r0 reaches the far site around the square (r0-r1-r2 or r0-r3-r2),
        // never over the diagonal.
        std::vector<uint32_t> path = routes.Trace(r[0], plan.GetHostAddress(plan.GetLanOf(far), 0));
        NS_TEST_ASSERT_MSG_EQ(path.size(), 6, "r0 x r2 stub1 stub2 far");
        NS_TEST_EXPECT_MSG_EQ(path[2], r[2], "through r2");
        NS_TEST_EXPECT_MSG_NE(path[1], r[2], "not over the diagonal");
        CheckPaths(t, false);
        CheckPaths(t, true);

        // Generated topologies, unit metrics (BFS) and with aggregation.
        PeArpTopologyGenerator::RandomConfig ba;
        ba.routers = 60;
        ba.m = 2;
        ba.siteLan.hosts = 3;
        ba.internets = 2;
        PeArpTopology b = PeArpTopologyGenerator::Random(ba);
        CheckPaths(b, false);
        CheckPaths(b, true);
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = 6;
        isp.sites = 48;
        isp.siteLan.hosts = 3;
        PeArpTopology i = PeArpTopologyGenerator::Isp(isp);
        CheckPaths(i, false);
        CheckPaths(i, true);
        PeArpTopologyGenerator::CampusConfig campus;
        CheckPaths(PeArpTopologyGenerator::Campus(campus), true);

        // Aggregation on the ISP: the 8 sites behind each backbone router
        // make one block, so a backbone router needs a route per stub it
        // serves and at most one per other backbone router.
        PeArpAddressPlan plan2;
        plan2.Compute(i);
        PeArpGraphRoutes flat(i, plan2, false);
        PeArpGraphRoutes merged(i, plan2, true);
        NS_TEST_EXPECT_MSG_EQ(flat.GetTable(0).routes.size(), 49, "48 sites + 1 farm, flat");
        for (uint32_t b = 0; b < 6; b++)
        {
            // Less its two ring links; the farm group on router 0 holds two
            // prefix sizes, so it may take two routes.
            uint32_t stubs = RouterDegree(i, b) - 2;
            NS_TEST_EXPECT_MSG_LT_OR_EQ(merged.GetTable(b).routes.size(),
                                        stubs + 5 + 1,
                                        "aggregated at backbone router " << b);
        }
    }
};

/**
 * \ingroup pe-arp-tests
 * The spanning tree keeps N - 1 links of every switched LAN and no loop;
 * built without it, a looped LAN storms: one ARP broadcast becomes an
 * unbounded number of frames, while with it the broadcast crosses every
 * link of the LAN exactly once.
 */
class PeArpSpanningTreeTestCase : public TestCase
{
  public:
    /** \param spanningTree leave the blocked links out */
    explicit PeArpSpanningTreeTestCase(bool spanningTree)
        : TestCase(spanningTree ? "Spanning tree: N - 1 links, one copy of a broadcast per link"
                                : "Without a spanning tree a looped LAN storms"),
          m_spanningTree(spanningTree),
          m_broadcasts(0)
    {
    }

  private:
    /**
     * Count broadcast frames.
     * \param packet a frame, Ethernet header first
     */
    void Count(Ptr<const Packet> packet)
    {
        EthernetHeader header(false);
        if (packet->PeekHeader(header) && header.GetDestination() == Mac48Address::GetBroadcast())
        {
            m_broadcasts++;
        }
    }

    void DoRun() override
    {
        // The spanning tree alone, on a redundant campus.
        PeArpTopologyGenerator::CampusConfig campus;
        campus.buildings = 3;
        campus.distributionSwitches = 3;
        campus.accessSwitches = 4;
        PeArpTopology c = PeArpTopologyGenerator::Campus(campus);
        std::vector<bool> blocked = PeArpSpanningTree::GetBlockedLinks(c);
        std::vector<uint32_t> parent(c.GetNVertices());
        std::iota(parent.begin(), parent.end(), 0);
        uint32_t kept = 0;
        uint32_t switchLinks = 0;
        for (uint32_t l = 0; l < c.GetNLinks(); l++)
        {
            const PeArpTopology::Link& link = c.GetLink(l);
            bool switchLink = !c.IsRouter(link.a) && !c.IsRouter(link.b);
            NS_TEST_EXPECT_MSG_EQ(blocked[l] && !switchLink,
                                  false,
                                  "only switch links are blocked");
            switchLinks += switchLink;
            if (switchLink && !blocked[l])
            {
                kept++;
                uint32_t ra = Root(parent, link.a);
                uint32_t rb = Root(parent, link.b);
                NS_TEST_EXPECT_MSG_NE(ra, rb, "a kept link closes no loop");
                parent[ra] = rb;
            }
        }
        // Each building: 3 + 4 = 7 switches, 6 tree links; 3 + 4 x 3 = 15 links.
        NS_TEST_EXPECT_MSG_EQ(switchLinks, 3 * 15, "switch links");
        NS_TEST_EXPECT_MSG_EQ(kept, 3 * 6, "N - 1 per building");

        // A triangle of switches behind one gateway, 2 hosts on each switch.
        PeArpTopology t;
        uint32_t gw = t.AddVertex(PeArpTopology::ROUTER);
        PeArpTopology::Lan two;
        two.hosts = 2;
        std::vector<uint32_t> sw;
        for (int i = 0; i < 3; i++)
        {
            sw.push_back(t.AddVertex(PeArpTopology::SWITCH, two));
        }
        t.AddLink(gw, sw[0], 1000000000, 1e-6);
        t.AddLink(sw[0], sw[1], 1000000000, 1e-6);
        t.AddLink(sw[1], sw[2], 1000000000, 1e-6);
        t.AddLink(sw[2], sw[0], 1000000000, 1e-6);
        t.GetVertex(gw).lan.resolver = PeArpTopology::STOCK;
        PeArpTopologyHelper::Config config;
        config.traffic = false;
        config.spanningTree = m_spanningTree;
        config.lanDelay = 1e-6;
        PeArpTopologyHelper helper(t, config);
        // The request leaves at once (ns-3 waits up to 10 ms by default).
        Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                           StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
        helper.Build();
        Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                           StringValue("ns3::UniformRandomVariable[Min=0.0|Max=10.0]"));
        NS_TEST_EXPECT_MSG_EQ(helper.GetNBlockedLinks(), m_spanningTree ? 1 : 0, "blocked links");
        // Every CSMA device of the LAN: switch ports, gateway, hosts.
        NetDeviceContainer traced = helper.GetLinkDevices();
        for (uint32_t v : sw)
        {
            Ptr<Node> node = helper.GetVertexNode(v);
            for (uint32_t d = 0; d < node->GetNDevices(); d++)
            {
                if (DynamicCast<CsmaNetDevice>(node->GetDevice(d)))
                {
                    traced.Add(node->GetDevice(d));
                }
            }
        }
        // Each link has two ends: gateway 1, switch links 2 or 3, hosts 6.
        uint32_t lanLinks = 1 + (m_spanningTree ? 2 : 3) + 6;
        NS_TEST_ASSERT_MSG_EQ(traced.GetN(), 2 * lanLinks, "both ends of every LAN link");
        for (uint32_t d = 0; d < traced.GetN(); d++)
        {
            traced.Get(d)->TraceConnectWithoutContext(
                "MacTx",
                MakeCallback(&PeArpSpanningTreeTestCase::Count, this));
        }
        // Host 0 sends one datagram to host 5: an ARP request, broadcast.
        Ptr<Socket> socket =
            Socket::CreateSocket(helper.GetHosts().Get(0), UdpSocketFactory::GetTypeId());
        Simulator::Schedule(MilliSeconds(1), [socket, &helper]() {
            socket->SendTo(Create<Packet>(100), 0, InetSocketAddress(helper.GetHostAddress(5), 9));
        });
        Simulator::Stop(MilliSeconds(3));
        Simulator::Run();
        socket->Close();
        Simulator::Destroy();
        // In a tree a broadcast crosses each link exactly once. Two
        // broadcasts: host 0's request, and host 5's request for host 0 to
        // send back its ICMP port unreachable (ns-3's stock ARP does not
        // learn from the request).
        if (m_spanningTree)
        {
            NS_TEST_EXPECT_MSG_EQ(m_broadcasts, 2 * lanLinks, "one copy per link");
        }
        else
        {
            // Around the triangle every 2 us or so for 2 ms: a storm.
            NS_TEST_EXPECT_MSG_GT(m_broadcasts, 100 * lanLinks, "a storm");
        }
    }

    bool m_spanningTree;   //!< leave the blocked links out
    uint64_t m_broadcasts; //!< broadcast frames sent
};

/**
 * \ingroup pe-arp-tests
 * Generated topologies with shared addresses, built into ns-3 with the
 * graph's routes, deliver every byte and every echo exactly; each forwarded
 * packet takes as many router hops as Boost.Graph's shortest path.
 */
class PeArpTopologyDeliveryTestCase : public TestCase
{
  public:
    /**
     * \param name the case
     * \param topology the topology
     * \param routing the routers' routing
     * \param checkHops compare each packet's hops with the shortest path
     * (not with NAT sites, whose private addresses no route knows)
     */
    PeArpTopologyDeliveryTestCase(const std::string& name,
                                  const PeArpTopology& topology,
                                  PeArpTopologyHelper::Routing routing,
                                  bool checkHops = true)
        : TestCase(name),
          m_topology(topology),
          m_routing(routing),
          m_checkHops(checkHops)
    {
    }

  private:
    /**
     * Note a packet forwarded by a router.
     * \param vertex the router's vertex
     * \param header its IPv4 header
     * \param packet the packet
     */
    void Forward(uint32_t vertex, const Ipv4Header& header, Ptr<const Packet> packet, uint32_t)
    {
        // TCP segments are fragments of one packet and share its uid: the
        // IPv4 identification tells them apart.
        Key key{header.GetSource().Get(),
                header.GetDestination().Get(),
                header.GetIdentification(),
                packet->GetUid()};
        m_hops[key].push_back(vertex);
    }

    void DoRun() override
    {
        PeArpTopologyHelper::Config config;
        config.routing = m_routing;
        config.tcpBytes = 3000;
        config.spread = 0.2;
        config.drain = 2;
        PeArpTopologyHelper helper(m_topology, config);
        helper.Build();
        uint32_t n = m_topology.GetNVertices();
        std::map<Ptr<Node>, uint32_t> vertexOf;
        for (uint32_t v = 0; v < n; v++)
        {
            if (m_topology.IsRouter(v))
            {
                helper.GetVertexNode(v)->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
                    "UnicastForward",
                    MakeCallback(&PeArpTopologyDeliveryTestCase::Forward, this).Bind(v));
            }
        }
        PeArpStatistics statistics(helper, false);
        Simulator::Stop(helper.GetStopTime());
        Simulator::Run();
        statistics.Collect();
        const PeArpStatistics::Totals& totals = statistics.GetTotals();
        NS_TEST_EXPECT_MSG_EQ(totals.rxBytes, uint64_t(helper.GetNHosts()) * 3000, "every byte");
        NS_TEST_EXPECT_MSG_EQ(totals.echoReplies, helper.GetNHosts(), "every echo");
        NS_TEST_EXPECT_MSG_EQ(totals.wrongHostPackets, 0, "no packet at the wrong host");
        NS_TEST_EXPECT_MSG_EQ(totals.drops, 0, "no PE-ARP drops");

        // Hops of each packet against the shortest path between the
        // gateways of its source and destination.
        const PeArpAddressPlan& plan = helper.GetAddressPlan();
        auto gatewayOf = [&plan](Ipv4Address a) {
            for (const PeArpAddressPlan::Lan& lan : plan.GetLans())
            {
                if (a.CombineMask(lan.GetMask()) == lan.network)
                {
                    return lan.gateway;
                }
            }
            return UINT32_MAX;
        };
        std::map<uint32_t, std::vector<uint32_t>> distances;
        uint32_t checked = 0;
        if (!m_checkHops)
        {
            // The NAT sites' hosts are private and were reached through their NAT.
            uint32_t privateHosts = 0;
            for (uint32_t h = 0; h < helper.GetNHosts(); h++)
            {
                privateHosts += helper.GetHostAddress(h).CombineMask(Ipv4Mask("255.255.0.0")) ==
                                        PeArpTopologyHelper::NAT_PRIVATE_NETWORK
                                    ? 1
                                    : 0;
            }
            NS_TEST_EXPECT_MSG_GT(privateHosts, 0, "hosts behind NATs");
            m_hops.clear();
        }
        for (const auto& [key, hops] : m_hops)
        {
            uint32_t from = gatewayOf(Ipv4Address(std::get<0>(key)));
            uint32_t to = gatewayOf(Ipv4Address(std::get<1>(key)));
            NS_TEST_ASSERT_MSG_NE(from, UINT32_MAX, "source in a LAN");
            NS_TEST_ASSERT_MSG_NE(to, UINT32_MAX, "destination in a LAN");
            if (distances.find(from) == distances.end())
            {
                distances[from] = helper.GetRoutes().GetDistances(from);
            }
            NS_TEST_EXPECT_MSG_EQ(hops.front(), from, "first forwarded by the source's gateway");
            NS_TEST_EXPECT_MSG_EQ(hops.back(), to, "last forwarded by the destination's gateway");
            NS_TEST_EXPECT_MSG_EQ(hops.size(),
                                  distances[from][to] + 1,
                                  "as many hops as the shortest path");
            checked++;
        }
        if (m_checkHops)
        {
            NS_TEST_EXPECT_MSG_GT(checked, helper.GetNHosts() * 3, "packets checked");
        }
        Simulator::Destroy();
    }

    /// A packet: source, destination, IPv4 identification, uid.
    using Key = std::tuple<uint32_t, uint32_t, uint16_t, uint64_t>;

    PeArpTopology m_topology;                    //!< the topology
    PeArpTopologyHelper::Routing m_routing;      //!< routers' routing
    bool m_checkHops;                            //!< compare hops with shortest paths
    std::map<Key, std::vector<uint32_t>> m_hops; //!< routers per packet
};

/**
 * \ingroup pe-arp-tests
 * \brief PeArpTopologyPartition: sites whole, cuts on router-to-router links
 * only, every part used and hosts balanced on a backbone ring; the errors
 * for more ranks than sites and for a topology that cannot be cut.
 */
class PeArpTopologyPartitionTestCase : public TestCase
{
  public:
    PeArpTopologyPartitionTestCase()
        : TestCase("Partition for MPI: whole sites, point-to-point cuts, balance, errors")
    {
    }

  private:
    void DoRun() override
    {
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = 8;
        isp.meshDegree = 2;
        isp.sites = 16;
        isp.siteLan.hosts = 10;
        isp.internets = 2;
        PeArpTopology t = PeArpTopologyGenerator::Isp(isp);
        for (uint32_t parts : {1U, 2U, 3U, 4U})
        {
            PeArpTopologyPartition partition(t, parts);
            NS_TEST_ASSERT_MSG_EQ(partition.Compute(), "", "an ISP can be cut in " << parts);
            std::vector<uint64_t> hosts(parts, 0);
            for (uint32_t v = 0; v < t.GetNVertices(); v++)
            {
                NS_TEST_ASSERT_MSG_LT(partition.GetOwner(v), parts, "a part that exists");
            }
            for (uint32_t part = 0; part < parts; part++)
            {
                hosts[part] = partition.GetNHosts(part);
                NS_TEST_EXPECT_MSG_GT(hosts[part], 0, "part " << part << " has hosts");
            }
            uint64_t total = std::accumulate(hosts.begin(), hosts.end(), uint64_t(0));
            NS_TEST_EXPECT_MSG_EQ(total, t.GetNHosts(), "every host in one part");
            for (uint64_t h : hosts)
            {
                // Sites of 10 hosts: a part is within a site or two of even.
                NS_TEST_EXPECT_MSG_LT_OR_EQ(h, total / parts + 20, "balanced (" << parts << ")");
            }
            // 2 and 4 parts: whole arcs of the ring (2 and 1 backbone routers
            // with their sites and internet vertices) balance exactly, so
            // only ring links are cut, meshDegree (1 + 2) per boundary. 3
            // parts: arcs balance less well, and sites may be cut from their
            // routers.
            bool arcs = parts == 2 || parts == 4;
            for (uint32_t l : partition.GetCutLinks())
            {
                const PeArpTopology::Link& link = t.GetLink(l);
                NS_TEST_EXPECT_MSG_EQ((t.IsRouter(link.a) && t.IsRouter(link.b)),
                                      true,
                                      "a cut link is router to router");
                bool edge = t.GetVertex(link.a).kind != PeArpTopology::ROUTER ||
                            t.GetVertex(link.b).kind != PeArpTopology::ROUTER;
                NS_TEST_EXPECT_MSG_EQ((arcs && edge),
                                      false,
                                      "a site or internet vertex stays with its router ("
                                          << parts << " parts)");
            }
            if (arcs)
            {
                NS_TEST_EXPECT_MSG_EQ(partition.GetCutLinks().size(),
                                      parts * 3,
                                      "ring links cut (" << parts << " parts)");
                NS_TEST_EXPECT_MSG_EQ(partition.GetLookahead(),
                                      isp.links.coreDelay,
                                      "lookahead: the backbone's delay");
            }
            else if (parts == 1)
            {
                NS_TEST_EXPECT_MSG_EQ(partition.GetCutLinks().size(), 0, "nothing cut");
            }
            else
            {
                NS_TEST_EXPECT_MSG_GT(partition.GetLookahead(), 0, "a lookahead (3 parts)");
            }
        }

        PeArpTopologyPartition tooMany(t, 17);
        std::string why = tooMany.Compute();
        NS_TEST_EXPECT_MSG_NE(why.find("17 ranks but only 16 site(s)"), std::string::npos, why);

        // A campus: its buildings' LANs hang off switches, which cannot be
        // cut; only the router-to-router links between cores and buildings can.
        PeArpTopologyGenerator::CampusConfig campus;
        campus.buildings = 2;
        PeArpTopology c = PeArpTopologyGenerator::Campus(campus);
        PeArpTopologyPartition campusParts(c, 2);
        NS_TEST_EXPECT_MSG_EQ(campusParts.Compute(), "", "a campus is cut between buildings");
        for (uint32_t l : campusParts.GetCutLinks())
        {
            NS_TEST_EXPECT_MSG_EQ((c.IsRouter(c.GetLink(l).a) && c.IsRouter(c.GetLink(l).b)),
                                  true,
                                  "a campus cut link is router to router");
        }

        // One router with a switched LAN: nothing can be cut.
        PeArpTopology lan;
        PeArpTopology::Lan hostsLan;
        hostsLan.hosts = 4;
        uint32_t router = lan.AddVertex(PeArpTopology::ROUTER);
        uint32_t sw = lan.AddVertex(PeArpTopology::SWITCH, hostsLan, "sw");
        uint32_t sw2 = lan.AddVertex(PeArpTopology::SWITCH, hostsLan, "sw2");
        lan.AddLink(router, sw);
        lan.AddLink(sw, sw2);
        PeArpTopologyPartition uncuttable(lan, 2);
        why = uncuttable.Compute();
        NS_TEST_EXPECT_MSG_NE(why.find("cannot be cut into 2 parts on point-to-point links"),
                              std::string::npos,
                              why);
        PeArpTopologyPartition zero(t, 0);
        NS_TEST_EXPECT_MSG_NE(zero.Compute(), "", "0 ranks");
    }
};

/**
 * \ingroup pe-arp-tests
 * \brief A partitioned build (one rank's part, in one process without MPI)
 * creates the node ids, host indices, addresses and the interface indices
 * of the cut links' far ends exactly as the whole build does.
 */
class PeArpTopologyPartitionBuildTestCase : public TestCase
{
  public:
    PeArpTopologyPartitionBuildTestCase()
        : TestCase("Partitioned build: node ids and interface indices agree with the whole build")
    {
    }

  private:
    /** What must agree. */
    struct Layout
    {
        uint32_t nodes = 0;                                       //!< node ids made
        std::map<uint32_t, uint32_t> hostNode;                    //!< global host -> node id
        std::map<uint32_t, Ipv4Address> hostIp;                   //!< global host -> address
        std::map<std::pair<uint32_t, uint32_t>, uint32_t> linkIf; //!< (link, end) -> interface
        uint32_t localHosts = 0;                                  //!< hosts built
    };

    /**
     * \param t the topology
     * \param owner ranks (empty: the whole network)
     * \param rank this rank
     * \return the layout built
     */
    Layout Build(const PeArpTopology& t, const std::vector<uint32_t>& owner, uint32_t rank)
    {
        PeArpTopologyHelper::Config config;
        config.streamsPerNode = 1 << 16;
        PeArpTopologyHelper helper(t, config);
        if (!owner.empty())
        {
            helper.SetPartition(owner, rank);
        }
        NS_TEST_EXPECT_MSG_EQ(helper.Validate(), "", "a valid partition");
        helper.Build();
        Layout layout;
        layout.nodes = NodeList::GetNNodes();
        layout.localHosts = helper.GetNHosts();
        for (uint32_t h = 0; h < helper.GetNHosts(); h++)
        {
            layout.hostNode[helper.GetHostGlobalIndex(h)] = helper.GetHosts().Get(h)->GetId();
            layout.hostIp[helper.GetHostGlobalIndex(h)] = helper.GetHostAddress(h);
        }
        for (uint32_t l = 0; l < t.GetNLinks(); l++)
        {
            if (!t.IsRouter(t.GetLink(l).a) || !t.IsRouter(t.GetLink(l).b))
            {
                continue;
            }
            std::array<Ptr<NetDevice>, 2> ends = helper.GetLinkEnds(l);
            for (uint32_t end = 0; end < 2; end++)
            {
                if (ends[end])
                {
                    layout.linkIf[{l, end}] = ends[end]->GetIfIndex();
                }
            }
        }
        Simulator::Destroy();
        return layout;
    }

    void DoRun() override
    {
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = 4;
        isp.meshDegree = 2;
        isp.sites = 6;
        isp.siteLan.hosts = 5;
        isp.siteLan.sharedIps = 2;
        PeArpTopology t = PeArpTopologyGenerator::Isp(isp);
        Layout whole = Build(t, {}, 0);
        PeArpTopologyPartition partition(t, 2);
        NS_TEST_ASSERT_MSG_EQ(partition.Compute(), "", "two parts");
        NS_TEST_ASSERT_MSG_GT(partition.GetCutLinks().size(), 0, "some links are cut");
        uint32_t hosts = 0;
        for (uint32_t rank = 0; rank < 2; rank++)
        {
            Layout part = Build(t, partition.GetOwners(), rank);
            NS_TEST_EXPECT_MSG_EQ(part.nodes,
                                  whole.nodes,
                                  "as many node ids (rank " << rank << ")");
            NS_TEST_EXPECT_MSG_EQ(part.localHosts, partition.GetNHosts(rank), "its own hosts");
            hosts += part.localHosts;
            for (const auto& [host, node] : part.hostNode)
            {
                NS_TEST_EXPECT_MSG_EQ(node, whole.hostNode[host], "host " << host << "'s node id");
                NS_TEST_EXPECT_MSG_EQ(part.hostIp[host], whole.hostIp[host], "host's address");
            }
            for (const auto& [key, ifIndex] : part.linkIf)
            {
                NS_TEST_EXPECT_MSG_EQ(ifIndex,
                                      whole.linkIf[key],
                                      "link " << key.first << " end " << key.second
                                              << ": interface index (rank " << rank << ")");
            }
        }
        NS_TEST_EXPECT_MSG_EQ(hosts, t.GetNHosts(), "every host built once");
    }
};

/**
 * \ingroup pe-arp-tests
 * Tests of the topology layer.
 */
class PeArpTopologyTestSuite : public TestSuite
{
  public:
    PeArpTopologyTestSuite()
        : TestSuite("pe-arp-topology", SYSTEM)
    {
        AddTestCase(new PeArpTopologyValidateTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTopologyReadTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTopologyGeneratorTestCase, TestCase::QUICK);
        AddTestCase(new PeArpAddressPlanTestCase, TestCase::QUICK);
        AddTestCase(new PeArpGraphRoutesTestCase, TestCase::QUICK);
        AddTestCase(new PeArpSpanningTreeTestCase(true), TestCase::QUICK);
        AddTestCase(new PeArpSpanningTreeTestCase(false), TestCase::QUICK);
        AddTestCase(new PeArpTopologyPartitionTestCase, TestCase::QUICK);
        AddTestCase(new PeArpTopologyPartitionBuildTestCase, TestCase::QUICK);

        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = 4;
        isp.meshDegree = 1;
        isp.sites = 6;
        isp.siteLan.hosts = 5;
        isp.siteLan.sharedIps = 2;
        isp.siteLan.portsPerHost = 500;
        AddTestCase(new PeArpTopologyDeliveryTestCase("ISP ring, PE-ARP sites, LPM routing",
                                                      PeArpTopologyGenerator::Isp(isp),
                                                      PeArpTopologyHelper::LPM_ROUTING),
                    TestCase::QUICK);
        isp.siteLan.resolver = PeArpTopology::STOCK;
        AddTestCase(new PeArpTopologyDeliveryTestCase("ISP ring, stock sites, static routing",
                                                      PeArpTopologyGenerator::Isp(isp),
                                                      PeArpTopologyHelper::STATIC_ROUTING),
                    TestCase::QUICK);
        PeArpTopologyGenerator::CampusConfig campus;
        campus.buildings = 2;
        campus.accessSwitches = 3;
        campus.hostsPerAccessSwitch = 3;
        campus.lan.sharedIps = 2;
        campus.lan.portsPerHost = 500;
        AddTestCase(new PeArpTopologyDeliveryTestCase("Redundant campus, PE-ARP, spanning tree",
                                                      PeArpTopologyGenerator::Campus(campus),
                                                      PeArpTopologyHelper::LPM_ROUTING),
                    TestCase::QUICK);
        // NAT sites beside PE-ARP sites, in turn.
        isp.siteLan.resolver = PeArpTopology::PE_ARP;
        PeArpTopology mixed = PeArpTopologyGenerator::Isp(isp);
        for (uint32_t v : mixed.GetVerticesOfKind(PeArpTopology::SITE))
        {
            if (v % 2 == 0)
            {
                mixed.GetVertex(v).lan.resolver = PeArpTopology::NAT;
            }
        }
        AddTestCase(new PeArpTopologyDeliveryTestCase("NAT sites beside PE-ARP sites",
                                                      mixed,
                                                      PeArpTopologyHelper::LPM_ROUTING,
                                                      false),
                    TestCase::QUICK);
        PeArpTopologyGenerator::RandomConfig ba;
        ba.routers = 12;
        ba.m = 2;
        ba.siteLan.hosts = 3;
        ba.siteLan.sharedIps = 1;
        ba.internets = 2;
        ba.servers = 3;
        AddTestCase(new PeArpTopologyDeliveryTestCase("Barabasi-Albert core, PE-ARP sites",
                                                      PeArpTopologyGenerator::Random(ba),
                                                      PeArpTopologyHelper::LPM_ROUTING),
                    TestCase::QUICK);
    }
};

/// The topology test suite.
static PeArpTopologyTestSuite g_peArpTopologyTestSuite;
