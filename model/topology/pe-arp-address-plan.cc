/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-address-plan.h"

#include "pe-arp-graph-routes.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <numeric>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpAddressPlan");

namespace
{

/**
 * \param addresses addresses a LAN needs, with network and broadcast
 * \return the prefix length of the smallest block that holds them
 */
uint32_t
PrefixFor(uint64_t addresses)
{
    uint32_t bits = 0;
    while (bits < 32 && (uint64_t(1) << bits) < addresses)
    {
        bits++;
    }
    return 32 - bits;
}

} // namespace

Ipv4Mask
PeArpAddressPlan::Lan::GetMask() const
{
    return Ipv4Mask(prefixLength == 0 ? 0 : ~uint32_t(0) << (32 - prefixLength));
}

PeArpAddressPlan::PeArpAddressPlan()
    : PeArpAddressPlan(Config())
{
}

PeArpAddressPlan::PeArpAddressPlan(const Config& config)
    : m_config(config),
      m_topology(nullptr)
{
}

std::string
PeArpAddressPlan::Compute(const PeArpTopology& t)
{
    NS_LOG_FUNCTION(this);
    m_topology = &t;
    m_lans.clear();
    uint32_t n = t.GetNVertices();
    m_lanOf.assign(n, UINT32_MAX);
    m_linkNetwork.assign(t.GetNLinks(), 0);

    // Switched LANs: components of the switch subgraph.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> switches(n);
    for (const PeArpTopology::Link& link : t.GetLinks())
    {
        if (!t.IsRouter(link.a) && !t.IsRouter(link.b))
        {
            boost::add_edge(link.a, link.b, switches);
        }
    }
    std::vector<uint32_t> component(n);
    boost::connected_components(switches, component.data());
    std::vector<uint32_t> lanOfComponent(n, UINT32_MAX);
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        if (t.IsRouter(link.a) != t.IsRouter(link.b))
        {
            uint32_t gateway = t.IsRouter(link.a) ? link.a : link.b;
            uint32_t sw = t.IsRouter(link.a) ? link.b : link.a;
            Lan lan;
            lan.kind = SWITCHED_LAN;
            lan.gateway = gateway;
            lan.settings = t.GetVertex(gateway).lan;
            lanOfComponent[component[sw]] = static_cast<uint32_t>(m_lans.size());
            m_lanOf[gateway] = static_cast<uint32_t>(m_lans.size());
            m_lans.push_back(lan);
        }
    }
    for (uint32_t v = 0; v < n; v++)
    {
        const PeArpTopology::Vertex& vertex = t.GetVertex(v);
        if (vertex.kind == PeArpTopology::SWITCH)
        {
            uint32_t lan = lanOfComponent[component[v]];
            NS_ABORT_MSG_IF(lan == UINT32_MAX,
                            "PeArpAddressPlan: invalid topology (switch " << v
                                                                          << " has no gateway)");
            m_lans[lan].switches.push_back(v);
            m_lans[lan].hosts += vertex.lan.hosts;
            m_lanOf[v] = lan;
        }
        else if (vertex.kind == PeArpTopology::SITE || vertex.kind == PeArpTopology::INTERNET)
        {
            Lan lan;
            lan.kind = vertex.kind == PeArpTopology::SITE ? SITE_LAN : SERVER_FARM;
            lan.gateway = v;
            lan.hosts = vertex.lan.hosts;
            lan.settings = vertex.lan;
            m_lanOf[v] = static_cast<uint32_t>(m_lans.size());
            m_lans.push_back(lan);
        }
    }
    for (Lan& lan : m_lans)
    {
        lan.settings.hosts = static_cast<uint32_t>(lan.hosts);
        uint64_t addresses = lan.kind == SERVER_FARM
                                 ? 4 * lan.hosts
                                 : std::max<uint64_t>(lan.hosts, lan.settings.sharedIps) + 3;
        lan.prefixLength = PrefixFor(addresses);
    }

    // Allocate, grouped by attachment, largest first, each aligned on its size.
    std::vector<uint32_t> attachment = PeArpGraphRoutes::GetAttachments(t);
    std::vector<uint32_t> order(m_lans.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
        uint32_t aa = attachment[m_lans[a].gateway];
        uint32_t ab = attachment[m_lans[b].gateway];
        if (aa != ab)
        {
            return aa < ab;
        }
        return m_lans[a].prefixLength < m_lans[b].prefixLength;
    });
    // Each attachment's group starts on a multiple of its size rounded up to
    // a power of two, so that it is one aggregatable block.
    std::vector<uint64_t> groupSize(n, 0);
    for (const Lan& lan : m_lans)
    {
        groupSize[attachment[lan.gateway]] += uint64_t(1) << (32 - lan.prefixLength);
    }
    uint64_t next = m_config.lanBase.Get();
    const uint64_t limit = Ipv4Address("224.0.0.0").Get();
    std::vector<Lan> sorted;
    sorted.reserve(m_lans.size());
    std::vector<uint32_t> newIndex(m_lans.size());
    uint32_t group = UINT32_MAX;
    for (uint32_t i : order)
    {
        Lan lan = m_lans[i];
        uint64_t size = uint64_t(1) << (32 - lan.prefixLength);
        if (attachment[lan.gateway] != group)
        {
            group = attachment[lan.gateway];
            uint64_t block = uint64_t(1) << (32 - PrefixFor(groupSize[group]));
            next = (next + block - 1) / block * block;
        }
        next = (next + size - 1) / size * size;
        if (next + size > limit)
        {
            std::ostringstream why;
            why << "lanBase=" << m_config.lanBase << ": the " << m_lans.size()
                << " LAN prefixes do not fit below 224.0.0.0";
            m_lans.clear();
            return why.str();
        }
        lan.network = Ipv4Address(static_cast<uint32_t>(next));
        next += size;
        newIndex[i] = static_cast<uint32_t>(sorted.size());
        sorted.push_back(lan);
    }
    m_lans = sorted;
    for (uint32_t& lan : m_lanOf)
    {
        lan = lan == UINT32_MAX ? static_cast<uint32_t>(m_lans.size()) : newIndex[lan];
    }

    uint64_t link = m_config.linkBase.Get() & ~uint32_t(3);
    uint64_t linkLimit = (m_config.linkBase.Get() & 0xff000000u) + (uint64_t(1) << 24);
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& edge = t.GetLink(l);
        if (t.IsRouter(edge.a) && t.IsRouter(edge.b))
        {
            if (link + 4 > linkLimit)
            {
                std::ostringstream why;
                why << "linkBase=" << m_config.linkBase << ": " << t.GetNLinks()
                    << " links need more /30 networks than its /8 holds";
                m_lans.clear();
                return why.str();
            }
            m_linkNetwork[l] = static_cast<uint32_t>(link);
            link += 4;
        }
    }
    // The LANs must not overlap the link block.
    uint64_t linkFirst = m_config.linkBase.Get() & ~uint32_t(3);
    if (!m_lans.empty() && linkFirst < next && link > m_config.lanBase.Get())
    {
        std::ostringstream why;
        why << "lanBase=" << m_config.lanBase
            << ": the LAN prefixes overlap the link /30s from linkBase=" << m_config.linkBase;
        m_lans.clear();
        return why.str();
    }
    return "";
}

const std::vector<PeArpAddressPlan::Lan>&
PeArpAddressPlan::GetLans() const
{
    return m_lans;
}

uint32_t
PeArpAddressPlan::GetLanOf(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_lanOf.size(), "PeArpAddressPlan: no vertex " << v);
    return m_lanOf[v];
}

Ipv4Address
PeArpAddressPlan::GetLinkNetwork(uint32_t link) const
{
    NS_ABORT_MSG_UNLESS(link < m_linkNetwork.size(), "PeArpAddressPlan: no link " << link);
    return Ipv4Address(m_linkNetwork[link]);
}

Ipv4Address
PeArpAddressPlan::GetLinkAddress(uint32_t link, uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(link < m_linkNetwork.size() && m_linkNetwork[link] != 0,
                        "PeArpAddressPlan: link " << link << " is not a router-router link");
    const PeArpTopology::Link& edge = m_topology->GetLink(link);
    NS_ABORT_MSG_UNLESS(v == edge.a || v == edge.b,
                        "PeArpAddressPlan: vertex " << v << " is not an end of link " << link);
    return Ipv4Address(m_linkNetwork[link] + (v == edge.a ? 1 : 2));
}

Ipv4Address
PeArpAddressPlan::GetHostAddress(uint32_t lan, uint64_t k) const
{
    NS_ABORT_MSG_UNLESS(lan < m_lans.size(), "PeArpAddressPlan: no LAN " << lan);
    const Lan& l = m_lans[lan];
    uint32_t network = l.network.Get();
    if (l.kind == SERVER_FARM)
    {
        NS_ABORT_MSG_UNLESS(k < l.hosts, "PeArpAddressPlan: no server " << k);
        return Ipv4Address(static_cast<uint32_t>(network + 4 * k + 2));
    }
    return Ipv4Address(static_cast<uint32_t>(network + 2 + k));
}

} // namespace ns3
