/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-spanning-tree.h"

#include "ns3/log.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/kruskal_min_spanning_tree.hpp>
#include <iterator>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpSpanningTree");

std::vector<bool>
PeArpSpanningTree::GetBlockedLinks(const PeArpTopology& t)
{
    NS_LOG_FUNCTION_NOARGS();
    /// The link index rides on the edge; the weight orders by metric, then index.
    using Weight = std::pair<uint32_t, uint32_t>;
    using Graph = boost::adjacency_list<boost::vecS,
                                        boost::vecS,
                                        boost::undirectedS,
                                        boost::no_property,
                                        boost::property<boost::edge_weight_t, Weight>>;
    Graph g(t.GetNVertices());
    std::vector<bool> blocked(t.GetNLinks(), false);
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        if (!t.IsRouter(link.a) && !t.IsRouter(link.b))
        {
            boost::add_edge(link.a, link.b, Weight(link.metric, l), g);
            blocked[l] = true; // until the tree takes it
        }
    }
    std::vector<boost::graph_traits<Graph>::edge_descriptor> tree;
    boost::kruskal_minimum_spanning_tree(g, std::back_inserter(tree));
    auto weight = boost::get(boost::edge_weight, g);
    for (const auto& e : tree)
    {
        blocked[weight[e].second] = false;
    }
    return blocked;
}

} // namespace ns3
