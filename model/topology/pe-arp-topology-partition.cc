/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-topology-partition.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <numeric>
#include <sstream>
#include <utility>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTopologyPartition");

namespace
{

/**
 * \param t a topology
 * \param l a link
 * \return whether ns-3's MPI engine can cut it (router to router: a
 * point-to-point link; with a delay, the lookahead)
 */
bool
IsCuttable(const PeArpTopology& t, uint32_t l)
{
    const PeArpTopology::Link& link = t.GetLink(l);
    return t.IsRouter(link.a) && t.IsRouter(link.b) && link.delay > 0;
}

/**
 * \param parent the union-find forest
 * \param v an element
 * \return its root
 */
uint32_t
Find(std::vector<uint32_t>& parent, uint32_t v)
{
    while (parent[v] != v)
    {
        parent[v] = parent[parent[v]];
        v = parent[v];
    }
    return v;
}

/**
 * Number the groups of a union-find forest by their lowest vertex.
 * \param forest the forest (paths are compressed)
 * \param groupOf filled with each vertex's group
 * \return the number of groups
 */
uint32_t
NumberGroups(std::vector<uint32_t>& forest, std::vector<uint32_t>& groupOf)
{
    uint32_t n = static_cast<uint32_t>(forest.size());
    std::vector<uint32_t> group(n, UINT32_MAX);
    groupOf.assign(n, 0);
    uint32_t groups = 0;
    for (uint32_t v = 0; v < n; v++)
    {
        uint32_t root = Find(forest, v);
        if (group[root] == UINT32_MAX)
        {
            group[root] = groups++;
        }
        groupOf[v] = group[root];
    }
    return groups;
}

/**
 * \param t a topology
 * \param v a vertex
 * \return what it weighs in a part: itself and its LAN's hosts
 */
uint64_t
Weight(const PeArpTopology& t, uint32_t v)
{
    return 1 + t.GetVertex(v).lan.hosts;
}

/**
 * \param t a topology
 * \param groupOf each vertex's group
 * \param groups the number of groups
 * \return each group's neighbouring groups (joined by a link), sorted, once each
 */
std::vector<std::vector<uint32_t>>
GroupNeighbours(const PeArpTopology& t, const std::vector<uint32_t>& groupOf, uint32_t groups)
{
    std::vector<std::vector<uint32_t>> next(groups);
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        uint32_t a = groupOf[t.GetLink(l).a];
        uint32_t b = groupOf[t.GetLink(l).b];
        if (a != b)
        {
            next[a].push_back(b);
            next[b].push_back(a);
        }
    }
    for (std::vector<uint32_t>& list : next)
    {
        std::sort(list.begin(), list.end());
        list.erase(std::unique(list.begin(), list.end()), list.end());
    }
    return next;
}

/**
 * Order the groups (depth first, leaf groups first, then by vertex) and cut
 * the order into contiguous blocks of about equal weight, none empty.
 * \param t the topology
 * \param groupOf each vertex's group
 * \param groups the number of groups (at least parts)
 * \param parts the number of parts
 * \return each vertex's part
 */
std::vector<uint32_t>
SplitGroups(const PeArpTopology& t,
            const std::vector<uint32_t>& groupOf,
            uint32_t groups,
            uint32_t parts)
{
    uint32_t n = t.GetNVertices();
    std::vector<uint64_t> weight(groups, 0);
    for (uint32_t v = 0; v < n; v++)
    {
        weight[groupOf[v]] += Weight(t, v);
    }
    std::vector<std::vector<uint32_t>> next = GroupNeighbours(t, groupOf, groups);
    std::vector<bool> leaf(groups);
    for (uint32_t g = 0; g < groups; g++)
    {
        leaf[g] = next[g].size() == 1;
    }
    for (std::vector<uint32_t>& list : next)
    {
        std::stable_sort(list.begin(), list.end(), [&leaf](uint32_t x, uint32_t y) {
            return leaf[x] && !leaf[y];
        });
    }
    std::vector<uint32_t> order;
    order.reserve(groups);
    std::vector<bool> seen(groups, false);
    for (uint32_t start = 0; start < groups; start++) // every component
    {
        if (seen[start])
        {
            continue;
        }
        // Leaf groups first: a site is visited (and closed) before the walk
        // moves on to the next router of the backbone, in vertex order.
        std::vector<std::pair<uint32_t, uint32_t>> stack{{start, 0}};
        seen[start] = true;
        order.push_back(start);
        while (!stack.empty())
        {
            auto& [g, k] = stack.back();
            if (k == next[g].size())
            {
                stack.pop_back();
                continue;
            }
            uint32_t h = next[g][k++];
            if (!seen[h])
            {
                seen[h] = true;
                order.push_back(h);
                stack.emplace_back(h, 0);
            }
        }
    }

    // Contiguous blocks of about total / parts each, none empty.
    uint64_t total = std::accumulate(weight.begin(), weight.end(), uint64_t(0));
    std::vector<uint32_t> groupPart(groups, 0);
    uint32_t part = 0;
    uint64_t before = 0; // weight of the groups already placed
    bool partHasGroup = false;
    for (uint32_t k = 0; k < groups; k++)
    {
        uint32_t g = order[k];
        uint32_t groupsLeft = groups - k;
        uint64_t boundary = total * (part + 1) / parts;
        bool past = 2 * before + weight[g] > 2 * boundary;
        if (part + 1 < parts && partHasGroup && (past || groupsLeft == parts - part - 1))
        {
            part++;
            partHasGroup = false;
        }
        groupPart[g] = part;
        partHasGroup = true;
        before += weight[g];
    }
    NS_ABORT_MSG_UNLESS(part + 1 == parts, "PeArpTopologyPartition: a part was left empty");
    std::vector<uint32_t> owner(n);
    for (uint32_t v = 0; v < n; v++)
    {
        owner[v] = groupPart[groupOf[v]];
    }
    return owner;
}

/**
 * \param t the topology
 * \param owner each vertex's part
 * \param parts the number of parts
 * \return the weight (vertices and hosts) of the heaviest part
 */
uint64_t
HeaviestPart(const PeArpTopology& t, const std::vector<uint32_t>& owner, uint32_t parts)
{
    std::vector<uint64_t> weight(parts, 0);
    for (uint32_t v = 0; v < t.GetNVertices(); v++)
    {
        weight[owner[v]] += Weight(t, v);
    }
    return *std::max_element(weight.begin(), weight.end());
}

} // namespace

PeArpTopologyPartition::PeArpTopologyPartition(const PeArpTopology& topology, uint32_t parts)
    : m_topology(topology),
      m_parts(parts),
      m_groups(0)
{
}

std::string
PeArpTopologyPartition::Compute()
{
    NS_LOG_FUNCTION(this << m_parts);
    const PeArpTopology& t = m_topology;
    uint32_t n = t.GetNVertices();
    m_owner.assign(n, 0);
    m_groups = 0;
    std::ostringstream why;
    uint32_t sites = static_cast<uint32_t>(t.GetVerticesOfKind(PeArpTopology::SITE).size());
    if (m_parts == 0)
    {
        return "ranks: at least 1";
    }
    if (n == 0)
    {
        return "the topology is empty";
    }
    if (m_parts > 1 && sites > 0 && m_parts > sites)
    {
        why << m_parts << " ranks but only " << sites
            << " site(s): every rank needs a site of its own "
            << "(sites are never split); use at most " << sites << " ranks";
        return why.str();
    }

    // Groups: vertices joined by links that cannot be cut.
    std::vector<uint32_t> parent(n);
    std::iota(parent.begin(), parent.end(), 0);
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        if (!IsCuttable(t, l))
        {
            const PeArpTopology::Link& link = t.GetLink(l);
            parent[Find(parent, link.a)] = Find(parent, link.b);
        }
    }
    std::vector<uint32_t> groupOf;
    m_groups = NumberGroups(parent, groupOf);
    if (m_parts > m_groups)
    {
        why << "the topology cannot be cut into " << m_parts
            << " parts on point-to-point links: its " << n << " vertices form only " << m_groups
            << " group(s) joined by router-to-router links with a delay (ns-3's MPI engine "
            << "cuts nothing else: not CSMA or switch links, not links without delay); use at "
            << "most " << m_groups << " ranks";
        return why.str();
    }
    m_owner = SplitGroups(t, groupOf, m_groups, m_parts);

    // Better still: a group with one neighbouring group (a site on its access
    // router, an internet vertex and its servers) goes with that neighbour.
    // Cutting its one link gains little and lowers the lookahead to an edge
    // link's delay. Taken if the parts stay within 5% of the balance above.
    std::vector<std::vector<uint32_t>> neighbours = GroupNeighbours(t, groupOf, m_groups);
    std::vector<uint32_t> merged = parent;
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        uint32_t a = groupOf[link.a];
        uint32_t b = groupOf[link.b];
        if (a != b && (neighbours[a].size() == 1) != (neighbours[b].size() == 1))
        {
            merged[Find(merged, link.a)] = Find(merged, link.b);
        }
    }
    std::vector<uint32_t> mergedGroupOf;
    uint32_t mergedGroups = NumberGroups(merged, mergedGroupOf);
    if (mergedGroups >= m_parts)
    {
        std::vector<uint32_t> owner = SplitGroups(t, mergedGroupOf, mergedGroups, m_parts);
        uint64_t heaviest = HeaviestPart(t, owner, m_parts);
        uint64_t plain = HeaviestPart(t, m_owner, m_parts);
        NS_LOG_LOGIC("heaviest part " << plain << ", " << heaviest << " with leaves merged");
        if (heaviest * 100 <= plain * 105)
        {
            m_owner = owner;
        }
    }
    NS_LOG_LOGIC(m_groups << " groups in " << m_parts << " parts, " << GetCutLinks().size()
                          << " cut links");
    return "";
}

uint32_t
PeArpTopologyPartition::GetNParts() const
{
    return m_parts;
}

const std::vector<uint32_t>&
PeArpTopologyPartition::GetOwners() const
{
    return m_owner;
}

uint32_t
PeArpTopologyPartition::GetOwner(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_owner.size(), "PeArpTopologyPartition: no vertex " << v);
    return m_owner[v];
}

std::vector<uint32_t>
PeArpTopologyPartition::GetCutLinks() const
{
    std::vector<uint32_t> cut;
    for (uint32_t l = 0; l < m_topology.GetNLinks() && !m_owner.empty(); l++)
    {
        const PeArpTopology::Link& link = m_topology.GetLink(l);
        if (m_owner[link.a] != m_owner[link.b])
        {
            cut.push_back(l);
        }
    }
    return cut;
}

uint64_t
PeArpTopologyPartition::GetNHosts(uint32_t part) const
{
    uint64_t hosts = 0;
    for (uint32_t v = 0; v < m_owner.size(); v++)
    {
        PeArpTopology::Kind kind = m_topology.GetVertex(v).kind;
        if (m_owner[v] == part && (kind == PeArpTopology::SITE || kind == PeArpTopology::SWITCH))
        {
            hosts += m_topology.GetVertex(v).lan.hosts;
        }
    }
    return hosts;
}

uint32_t
PeArpTopologyPartition::GetNGroups() const
{
    return m_groups;
}

double
PeArpTopologyPartition::GetLookahead() const
{
    double lookahead = 0;
    for (uint32_t l : GetCutLinks())
    {
        double delay = m_topology.GetLink(l).delay;
        lookahead = lookahead == 0 ? delay : std::min(lookahead, delay);
    }
    return lookahead;
}

} // namespace ns3
