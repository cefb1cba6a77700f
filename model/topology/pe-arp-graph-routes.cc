/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-graph-routes.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <unordered_map>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpGraphRoutes");

namespace
{

/** The stubs peeled off a topology's layer-3 graph. */
struct Peeling
{
    std::vector<bool> peeled;         //!< peeled off (else core, or not layer 3)
    std::vector<uint32_t> parent;     //!< the vertex a peeled one hangs from
    std::vector<uint32_t> parentLink; //!< the link to it
    std::vector<uint32_t> order;      //!< peeled vertices, in peeling order
};

/**
 * Peel vertices of layer-3 degree one off the graph until only the core is
 * left (one vertex, if the graph is a tree).
 * \param t a valid topology
 * \return the peeling
 */
Peeling
Peel(const PeArpTopology& t)
{
    uint32_t n = t.GetNVertices();
    Peeling p;
    p.peeled.assign(n, false);
    p.parent.assign(n, UINT32_MAX);
    p.parentLink.assign(n, UINT32_MAX);
    std::vector<uint32_t> degree(n, 0);
    uint32_t remaining = 0;
    for (const PeArpTopology::Link& link : t.GetLinks())
    {
        if (t.IsRouter(link.a) && t.IsRouter(link.b))
        {
            degree[link.a]++;
            degree[link.b]++;
        }
    }
    std::vector<uint32_t> queue;
    for (uint32_t v = 0; v < n; v++)
    {
        if (t.IsRouter(v))
        {
            remaining++;
            if (degree[v] == 1)
            {
                queue.push_back(v);
            }
        }
    }
    for (size_t head = 0; head < queue.size() && remaining > 1; head++)
    {
        uint32_t v = queue[head];
        if (p.peeled[v] || degree[v] != 1)
        {
            continue;
        }
        for (uint32_t l : t.GetVertexLinks(v))
        {
            const PeArpTopology::Link& link = t.GetLink(l);
            uint32_t u = link.a == v ? link.b : link.a;
            if (t.IsRouter(u) && !p.peeled[u])
            {
                p.parent[v] = u;
                p.parentLink[v] = l;
                break;
            }
        }
        p.peeled[v] = true;
        p.order.push_back(v);
        remaining--;
        if (--degree[p.parent[v]] == 1)
        {
            queue.push_back(p.parent[v]);
        }
    }
    return p;
}

/** An edge of the core's search graph. */
struct CoreEdge
{
    uint32_t link = 0;   //!< the topology link
    uint32_t weight = 1; //!< its metric
};

/// The core as a compressed-sparse-row graph, edges both ways.
using CoreGraph = boost::compressed_sparse_row_graph<boost::directedS,
                                                     boost::no_property,
                                                     CoreEdge,
                                                     boost::no_property,
                                                     uint32_t,
                                                     uint32_t>;

/** Records, for each vertex reached, the link it was reached over. */
struct TreeRecorder : public boost::default_bfs_visitor
{
    std::vector<uint32_t>* reachedBy; //!< per core vertex

    /**
     * \param e a tree edge
     * \param g the graph
     */
    template <class Edge, class Graph>
    void tree_edge(Edge e, const Graph& g) const
    {
        (*reachedBy)[boost::target(e, g)] = g[e].link;
    }
};

/** Records, for each vertex, the link of its last relaxation (its tree edge). */
struct RelaxRecorder : public boost::default_dijkstra_visitor
{
    std::vector<uint32_t>* reachedBy; //!< per core vertex

    /**
     * \param e a relaxed edge
     * \param g the graph
     */
    template <class Edge, class Graph>
    void edge_relaxed(Edge e, const Graph& g) const
    {
        (*reachedBy)[boost::target(e, g)] = g[e].link;
    }
};

/**
 * \param network an address
 * \param length a prefix length
 * \return the address masked to the prefix
 */
uint32_t
MaskTo(uint32_t network, uint32_t length)
{
    return length == 0 ? 0 : network & (~uint32_t(0) << (32 - length));
}

/**
 * Merge sibling prefixes with the same link into their parent, repeatedly.
 * \param routes the routes of one router
 * \return the merged routes, sorted
 */
std::vector<PeArpGraphRoutes::Route>
Aggregate(const std::vector<PeArpGraphRoutes::Route>& routes)
{
    std::vector<std::unordered_map<uint32_t, uint32_t>> byLength(33);
    for (const PeArpGraphRoutes::Route& r : routes)
    {
        byLength[r.prefixLength][r.network.Get()] = r.link;
    }
    for (uint32_t length = 32; length >= 1; length--)
    {
        std::vector<uint32_t> networks;
        for (const auto& [network, link] : byLength[length])
        {
            networks.push_back(network);
        }
        std::sort(networks.begin(), networks.end());
        uint32_t bit = uint32_t(1) << (32 - length);
        for (uint32_t network : networks)
        {
            auto self = byLength[length].find(network);
            auto sibling = byLength[length].find(network ^ bit);
            if (self == byLength[length].end() || sibling == byLength[length].end() ||
                self->second != sibling->second)
            {
                continue;
            }
            uint32_t link = self->second;
            uint32_t parent = MaskTo(network, length - 1);
            auto existing = byLength[length - 1].find(parent);
            if (existing != byLength[length - 1].end() && existing->second != link)
            {
                continue; // the parent goes elsewhere: keep both
            }
            byLength[length - 1][parent] = link;
            byLength[length].erase(network);
            byLength[length].erase(network ^ bit);
        }
    }
    std::vector<PeArpGraphRoutes::Route> merged;
    for (uint32_t length = 0; length <= 32; length++)
    {
        for (const auto& [network, link] : byLength[length])
        {
            merged.push_back({Ipv4Address(network), length, link});
        }
    }
    return merged;
}

} // namespace

Ipv4Mask
PeArpGraphRoutes::Route::GetMask() const
{
    return Ipv4Mask(prefixLength == 0 ? 0 : ~uint32_t(0) << (32 - prefixLength));
}

std::vector<uint32_t>
PeArpGraphRoutes::GetAttachments(const PeArpTopology& t)
{
    Peeling p = Peel(t);
    std::vector<uint32_t> attachment(t.GetNVertices(), UINT32_MAX);
    for (uint32_t v = 0; v < t.GetNVertices(); v++)
    {
        if (t.IsRouter(v) && !p.peeled[v])
        {
            attachment[v] = v;
        }
    }
    // A vertex is peeled before its parent: in reverse, parents come first.
    for (auto it = p.order.rbegin(); it != p.order.rend(); ++it)
    {
        attachment[*it] = attachment[p.parent[*it]];
    }
    return attachment;
}

PeArpGraphRoutes::PeArpGraphRoutes(const PeArpTopology& t,
                                   const PeArpAddressPlan& plan,
                                   bool aggregate)
    : m_topology(t),
      m_plan(plan),
      m_searches(0)
{
    NS_LOG_FUNCTION(this << aggregate);
    uint32_t n = t.GetNVertices();
    m_tables.assign(n, Table());
    Peeling p = Peel(t);
    for (uint32_t v : p.order)
    {
        m_tables[v].defaultLink = p.parentLink[v];
    }

    // Up the tree of stubs: each ancestor routes the LAN down; the core
    // vertex at the top is the LAN's attachment.
    std::vector<std::vector<uint32_t>> lansOf(n);
    const std::vector<PeArpAddressPlan::Lan>& lans = plan.GetLans();
    for (uint32_t i = 0; i < lans.size(); i++)
    {
        uint32_t x = lans[i].gateway;
        while (p.peeled[x])
        {
            m_tables[p.parent[x]].routes.push_back(
                {lans[i].network, lans[i].prefixLength, p.parentLink[x]});
            x = p.parent[x];
        }
        lansOf[x].push_back(i);
    }

    // The core as a CSR graph.
    std::vector<uint32_t> coreIndex(n, UINT32_MAX);
    std::vector<uint32_t> coreVertex;
    for (uint32_t v = 0; v < n; v++)
    {
        if (t.IsRouter(v) && !p.peeled[v])
        {
            coreIndex[v] = static_cast<uint32_t>(coreVertex.size());
            coreVertex.push_back(v);
        }
    }
    std::vector<std::pair<uint32_t, uint32_t>> ends;
    std::vector<CoreEdge> properties;
    bool unitMetrics = true;
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        if (coreIndex[link.a] != UINT32_MAX && coreIndex[link.b] != UINT32_MAX)
        {
            ends.emplace_back(coreIndex[link.a], coreIndex[link.b]);
            ends.emplace_back(coreIndex[link.b], coreIndex[link.a]);
            properties.push_back({l, link.metric});
            properties.push_back({l, link.metric});
            unitMetrics = unitMetrics && link.metric == 1;
        }
    }
    uint32_t coreN = static_cast<uint32_t>(coreVertex.size());
    CoreGraph core(boost::edges_are_unsorted_multi_pass,
                   ends.begin(),
                   ends.end(),
                   properties.begin(),
                   coreN);
    std::vector<uint32_t> reachedBy(coreN);
    std::vector<boost::default_color_type> color(coreN);
    std::vector<uint32_t> distance(coreN);
    std::vector<uint32_t> predecessor(coreN);
    for (uint32_t a = 0; a < coreN; a++)
    {
        uint32_t attachment = coreVertex[a];
        if (lansOf[attachment].empty())
        {
            continue;
        }
        m_searches++;
        std::fill(reachedBy.begin(), reachedBy.end(), UINT32_MAX);
        if (unitMetrics)
        {
            TreeRecorder recorder;
            recorder.reachedBy = &reachedBy;
            boost::breadth_first_search(
                core,
                a,
                boost::visitor(recorder).color_map(
                    boost::make_iterator_property_map(color.begin(),
                                                      boost::get(boost::vertex_index, core))));
        }
        else
        {
            RelaxRecorder recorder;
            recorder.reachedBy = &reachedBy;
            boost::dijkstra_shortest_paths(core,
                                           a,
                                           boost::weight_map(boost::get(&CoreEdge::weight, core))
                                               .distance_map(boost::make_iterator_property_map(
                                                   distance.begin(),
                                                   boost::get(boost::vertex_index, core)))
                                               .predecessor_map(boost::make_iterator_property_map(
                                                   predecessor.begin(),
                                                   boost::get(boost::vertex_index, core)))
                                               .visitor(recorder));
        }
        for (uint32_t v = 0; v < coreN; v++)
        {
            if (v == a || reachedBy[v] == UINT32_MAX)
            {
                continue;
            }
            for (uint32_t i : lansOf[attachment])
            {
                m_tables[coreVertex[v]].routes.push_back(
                    {lans[i].network, lans[i].prefixLength, reachedBy[v]});
            }
        }
    }
    for (Table& table : m_tables)
    {
        if (aggregate)
        {
            table.routes = Aggregate(table.routes);
        }
        std::sort(table.routes.begin(), table.routes.end(), [](const Route& x, const Route& y) {
            return x.network < y.network ||
                   (x.network == y.network && x.prefixLength < y.prefixLength);
        });
    }
}

const PeArpGraphRoutes::Table&
PeArpGraphRoutes::GetTable(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_tables.size(), "PeArpGraphRoutes: no vertex " << v);
    return m_tables[v];
}

uint64_t
PeArpGraphRoutes::GetNRoutes() const
{
    uint64_t routes = 0;
    for (const Table& table : m_tables)
    {
        routes += table.routes.size() + (table.defaultLink != UINT32_MAX ? 1 : 0);
    }
    return routes;
}

uint32_t
PeArpGraphRoutes::GetNSearches() const
{
    return m_searches;
}

std::vector<uint32_t>
PeArpGraphRoutes::Trace(uint32_t from, Ipv4Address destination) const
{
    std::vector<uint32_t> path{from};
    uint32_t x = from;
    uint32_t d = destination.Get();
    for (uint32_t hops = 0; hops <= m_topology.GetNVertices(); hops++)
    {
        uint32_t lan = m_plan.GetLanOf(x);
        if (lan < m_plan.GetLans().size() && m_plan.GetLans()[lan].gateway == x)
        {
            const PeArpAddressPlan::Lan& l = m_plan.GetLans()[lan];
            if (MaskTo(d, l.prefixLength) == l.network.Get())
            {
                return path;
            }
        }
        // Longest prefix first (a reference walk, not a per-packet path).
        uint32_t link = m_tables[x].defaultLink;
        int32_t best = -1;
        for (const Route& r : m_tables[x].routes)
        {
            if (MaskTo(d, r.prefixLength) == r.network.Get() &&
                static_cast<int32_t>(r.prefixLength) > best)
            {
                best = static_cast<int32_t>(r.prefixLength);
                link = r.link;
            }
        }
        if (link == UINT32_MAX)
        {
            return {};
        }
        const PeArpTopology::Link& edge = m_topology.GetLink(link);
        x = edge.a == x ? edge.b : edge.a;
        path.push_back(x);
    }
    return {};
}

std::vector<uint32_t>
PeArpGraphRoutes::GetDistances(uint32_t from) const
{
    using Graph = boost::adjacency_list<boost::vecS,
                                        boost::vecS,
                                        boost::undirectedS,
                                        boost::no_property,
                                        boost::property<boost::edge_weight_t, uint32_t>>;
    Graph g(m_topology.GetNVertices());
    for (const PeArpTopology::Link& link : m_topology.GetLinks())
    {
        if (m_topology.IsRouter(link.a) && m_topology.IsRouter(link.b))
        {
            boost::add_edge(link.a, link.b, link.metric, g);
        }
    }
    std::vector<uint32_t> distance(m_topology.GetNVertices());
    boost::dijkstra_shortest_paths(
        g,
        from,
        boost::distance_map(
            boost::make_iterator_property_map(distance.begin(), boost::get(boost::vertex_index, g)))
            .distance_inf(UINT32_MAX));
    return distance;
}

} // namespace ns3
