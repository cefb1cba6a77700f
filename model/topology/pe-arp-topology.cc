/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-topology.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <boost/graph/graphml.hpp>
#include <boost/graph/graphviz.hpp>
#include <boost/property_map/dynamic_property_map.hpp>
#include <cmath>
#include <optional>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTopology");

namespace
{

/** A vertex as read from a file: every attribute as text. */
struct RawVertex
{
    std::string id;           //!< node id
    std::string name;         //!< name attribute (GraphML has no node ids for Boost)
    std::string kind;         //!< kind
    std::string hosts;        //!< hosts
    std::string resolver;     //!< resolver
    std::string sharedIps;    //!< shared addresses
    std::string portsPerHost; //!< ports per host
    std::string firstPort;    //!< first port
};

/** A link as read from a file: every attribute as text. */
struct RawLink
{
    std::string rate;   //!< data rate
    std::string delay;  //!< delay
    std::string metric; //!< metric
};

/// The graph a file is read into.
using RawGraph =
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, RawVertex, RawLink>;

/**
 * \param text a decimal number with an optional suffix
 * \param suffixes the accepted suffixes and their factors, longest first
 * \return the value, or nothing if it is not a number with one of them
 */
std::optional<double>
ParseScaled(const std::string& text, const std::vector<std::pair<std::string, double>>& suffixes)
{
    std::istringstream in(text);
    double value;
    if (!(in >> value) || !std::isfinite(value))
    {
        return std::nullopt;
    }
    std::string rest;
    std::getline(in, rest);
    if (rest.empty())
    {
        return value;
    }
    for (const auto& [suffix, factor] : suffixes)
    {
        if (rest == suffix)
        {
            return value * factor;
        }
    }
    return std::nullopt;
}

/**
 * \param text a whole number
 * \return it, or nothing if it is not one or does not fit 32 bits
 */
std::optional<uint32_t>
ParseCount(const std::string& text)
{
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos ||
        text.size() > 10)
    {
        return std::nullopt;
    }
    uint64_t value = std::stoull(text);
    if (value > UINT32_MAX)
    {
        return std::nullopt;
    }
    return static_cast<uint32_t>(value);
}

/**
 * Turn a graph read from a file into a topology.
 * \param raw the graph
 * \return the topology, or the first attribute that is wrong
 */
PeArpTopology::ReadResult
FromRaw(const RawGraph& raw)
{
    PeArpTopology::ReadResult result;
    std::ostringstream error;
    for (uint32_t v = 0; v < boost::num_vertices(raw) && error.str().empty(); v++)
    {
        const RawVertex& r = raw[v];
        std::string where = "node '" + r.id + "': ";
        PeArpTopology::Kind kind = PeArpTopology::ROUTER;
        if (r.kind.empty() || r.kind == "router")
        {
            kind = PeArpTopology::ROUTER;
        }
        else if (r.kind == "switch")
        {
            kind = PeArpTopology::SWITCH;
        }
        else if (r.kind == "site")
        {
            kind = PeArpTopology::SITE;
        }
        else if (r.kind == "internet")
        {
            kind = PeArpTopology::INTERNET;
        }
        else
        {
            error << where << "kind='" << r.kind << "' is not router, switch, site or internet";
            break;
        }
        PeArpTopology::Lan lan;
        if (r.resolver == "stock")
        {
            lan.resolver = PeArpTopology::STOCK;
        }
        else if (r.resolver == "nat")
        {
            lan.resolver = PeArpTopology::NAT;
        }
        else if (!r.resolver.empty() && r.resolver != "pe-arp")
        {
            error << where << "resolver='" << r.resolver << "' is not pe-arp, stock or nat";
            break;
        }
        std::pair<const std::string*, uint32_t*> counts[] = {{&r.hosts, &lan.hosts},
                                                             {&r.sharedIps, &lan.sharedIps},
                                                             {&r.portsPerHost, &lan.portsPerHost},
                                                             {&r.firstPort, &lan.firstPort}};
        const char* names[] = {"hosts", "sharedIps", "portsPerHost", "firstPort"};
        for (uint32_t k = 0; k < 4; k++)
        {
            if (counts[k].first->empty())
            {
                continue;
            }
            std::optional<uint32_t> value = ParseCount(*counts[k].first);
            if (!value)
            {
                error << where << names[k] << "='" << *counts[k].first
                      << "' is not a whole number below 2^32";
                break;
            }
            *counts[k].second = *value;
        }
        result.topology.AddVertex(kind, lan, r.name.empty() ? r.id : r.name);
    }
    const std::vector<std::pair<std::string, double>> rates = {{"Gbps", 1e9},
                                                               {"Mbps", 1e6},
                                                               {"kbps", 1e3},
                                                               {"bps", 1},
                                                               {"G", 1e9},
                                                               {"M", 1e6},
                                                               {"k", 1e3}};
    const std::vector<std::pair<std::string, double>> delays = {{"ms", 1e-3},
                                                                {"us", 1e-6},
                                                                {"ns", 1e-9},
                                                                {"s", 1}};
    for (auto [e, end] = boost::edges(raw); e != end && error.str().empty(); ++e)
    {
        const RawLink& r = raw[*e];
        uint32_t a = static_cast<uint32_t>(boost::source(*e, raw));
        uint32_t b = static_cast<uint32_t>(boost::target(*e, raw));
        std::string where = "edge '" + raw[a].id + "' -- '" + raw[b].id + "': ";
        PeArpTopology::Link link;
        std::optional<double> rate = r.rate.empty() ? 1e9 : ParseScaled(r.rate, rates);
        std::optional<double> delay = r.delay.empty() ? 1e-3 : ParseScaled(r.delay, delays);
        std::optional<uint32_t> metric = r.metric.empty() ? 1 : ParseCount(r.metric);
        if (!rate || *rate < 1 || *rate > 1e15)
        {
            error << where << "rate='" << r.rate << "' is not a rate such as 1Gbps";
        }
        else if (!delay || *delay < 0)
        {
            error << where << "delay='" << r.delay << "' is not a delay such as 2ms";
        }
        else if (!metric)
        {
            error << where << "metric='" << r.metric << "' is not a whole number";
        }
        else
        {
            result.topology.AddLink(a, b, static_cast<uint64_t>(*rate), *delay, *metric);
        }
    }
    if (!error.str().empty())
    {
        result.topology = PeArpTopology();
        result.error = error.str();
    }
    return result;
}

/**
 * \param raw the graph to read into
 * \return the property maps of the attributes PeArpTopology reads
 */
boost::dynamic_properties
RawProperties(RawGraph& raw)
{
    boost::dynamic_properties dp(boost::ignore_other_properties);
    dp.property("node_id", boost::get(&RawVertex::id, raw));
    dp.property("name", boost::get(&RawVertex::name, raw));
    dp.property("kind", boost::get(&RawVertex::kind, raw));
    dp.property("hosts", boost::get(&RawVertex::hosts, raw));
    dp.property("resolver", boost::get(&RawVertex::resolver, raw));
    dp.property("sharedIps", boost::get(&RawVertex::sharedIps, raw));
    dp.property("portsPerHost", boost::get(&RawVertex::portsPerHost, raw));
    dp.property("firstPort", boost::get(&RawVertex::firstPort, raw));
    dp.property("rate", boost::get(&RawLink::rate, raw));
    dp.property("delay", boost::get(&RawLink::delay, raw));
    dp.property("metric", boost::get(&RawLink::metric, raw));
    return dp;
}

} // namespace

uint32_t
PeArpTopology::AddVertex(Kind kind)
{
    return AddVertex(kind, Lan());
}

uint32_t
PeArpTopology::AddVertex(Kind kind, const Lan& lan, const std::string& name)
{
    uint32_t index = static_cast<uint32_t>(m_vertices.size());
    Vertex vertex;
    vertex.kind = kind;
    vertex.lan = lan;
    vertex.name = name.empty() ? GetKindName(kind) + std::to_string(index) : name;
    m_vertices.push_back(vertex);
    m_vertexLinks.emplace_back();
    return index;
}

uint32_t
PeArpTopology::AddLink(uint32_t a, uint32_t b, uint64_t dataRate, double delay, uint32_t metric)
{
    uint32_t index = static_cast<uint32_t>(m_links.size());
    Link link;
    link.a = a;
    link.b = b;
    link.dataRate = dataRate;
    link.delay = delay;
    link.metric = metric;
    m_links.push_back(link);
    // Ends out of range are kept (Validate names them) but indexed nowhere.
    if (a < m_vertices.size())
    {
        m_vertexLinks[a].push_back(index);
    }
    if (b < m_vertices.size() && b != a)
    {
        m_vertexLinks[b].push_back(index);
    }
    return index;
}

uint32_t
PeArpTopology::GetNVertices() const
{
    return static_cast<uint32_t>(m_vertices.size());
}

uint32_t
PeArpTopology::GetNLinks() const
{
    return static_cast<uint32_t>(m_links.size());
}

const PeArpTopology::Vertex&
PeArpTopology::GetVertex(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_vertices.size(), "PeArpTopology: no vertex " << v);
    return m_vertices[v];
}

PeArpTopology::Vertex&
PeArpTopology::GetVertex(uint32_t v)
{
    NS_ABORT_MSG_UNLESS(v < m_vertices.size(), "PeArpTopology: no vertex " << v);
    return m_vertices[v];
}

const PeArpTopology::Link&
PeArpTopology::GetLink(uint32_t l) const
{
    NS_ABORT_MSG_UNLESS(l < m_links.size(), "PeArpTopology: no link " << l);
    return m_links[l];
}

const std::vector<PeArpTopology::Link>&
PeArpTopology::GetLinks() const
{
    return m_links;
}

std::vector<uint32_t>
PeArpTopology::GetVertexLinks(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_vertices.size(), "PeArpTopology: no vertex " << v);
    return m_vertexLinks[v];
}

uint32_t
PeArpTopology::GetDegree(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_vertices.size(), "PeArpTopology: no vertex " << v);
    return static_cast<uint32_t>(m_vertexLinks[v].size());
}

std::vector<uint32_t>
PeArpTopology::GetVerticesOfKind(Kind kind) const
{
    std::vector<uint32_t> vertices;
    for (uint32_t v = 0; v < m_vertices.size(); v++)
    {
        if (m_vertices[v].kind == kind)
        {
            vertices.push_back(v);
        }
    }
    return vertices;
}

std::optional<uint32_t>
PeArpTopology::FindVertex(const std::string& name) const
{
    for (uint32_t v = 0; v < m_vertices.size(); v++)
    {
        if (m_vertices[v].name == name)
        {
            return v;
        }
    }
    return std::nullopt;
}

uint64_t
PeArpTopology::GetNHosts() const
{
    uint64_t hosts = 0;
    for (const Vertex& vertex : m_vertices)
    {
        if (vertex.kind == SITE || vertex.kind == SWITCH)
        {
            hosts += vertex.lan.hosts;
        }
    }
    return hosts;
}

bool
PeArpTopology::IsRouter(uint32_t v) const
{
    return GetVertex(v).kind != SWITCH;
}

std::string
PeArpTopology::GetKindName(Kind kind)
{
    switch (kind)
    {
    case ROUTER:
        return "router";
    case SWITCH:
        return "switch";
    case SITE:
        return "site";
    case INTERNET:
        return "internet";
    }
    return "unknown";
}

std::string
PeArpTopology::Validate() const
{
    std::ostringstream why;
    uint32_t n = GetNVertices();
    auto name = [this](uint32_t v) {
        return "vertex " + std::to_string(v) + " (" + m_vertices[v].name + ")";
    };
    std::set<std::pair<uint32_t, uint32_t>> seen;
    for (uint32_t l = 0; l < m_links.size(); l++)
    {
        const Link& link = m_links[l];
        if (link.a >= n || link.b >= n)
        {
            return "link " + std::to_string(l) + ": end " +
                   std::to_string(link.a >= n ? link.a : link.b) + " is not a vertex (there are " +
                   std::to_string(n) + ")";
        }
        if (link.a == link.b)
        {
            return "link " + std::to_string(l) + ": both ends are " + name(link.a);
        }
        if (!seen.insert(std::minmax(link.a, link.b)).second)
        {
            return "link " + std::to_string(l) + ": a second link between " + name(link.a) +
                   " and " + name(link.b);
        }
        if (link.dataRate == 0 || !(link.delay >= 0) || !std::isfinite(link.delay) ||
            link.metric == 0)
        {
            why << "link " << l << ": "
                << (link.dataRate == 0 ? "dataRate must be positive"
                    : link.metric == 0 ? "metric must be at least 1"
                                       : "delay must be a finite number of seconds >= 0");
            return why.str();
        }
        Kind ka = m_vertices[link.a].kind;
        Kind kb = m_vertices[link.b].kind;
        if ((ka == SWITCH && (kb == SITE || kb == INTERNET)) ||
            (kb == SWITCH && (ka == SITE || ka == INTERNET)))
        {
            return "link " + std::to_string(l) + ": a switch may link to switches and routers " +
                   "only, not to " + name(ka == SWITCH ? link.b : link.a);
        }
    }

    // Switched LANs: connected groups of switches, each with one gateway router.
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> switches(n);
    std::vector<uint32_t> gatewayLinks(n, 0);
    for (const Link& link : m_links)
    {
        bool sa = m_vertices[link.a].kind == SWITCH;
        bool sb = m_vertices[link.b].kind == SWITCH;
        if (sa && sb)
        {
            boost::add_edge(link.a, link.b, switches);
        }
        else if (sa != sb)
        {
            gatewayLinks[sa ? link.b : link.a]++;
            gatewayLinks[sa ? link.a : link.b]++;
        }
    }
    std::vector<uint32_t> component(n);
    boost::connected_components(switches, component.data());
    std::vector<uint32_t> lanGateways(n, 0);
    std::vector<uint64_t> lanHosts(n, 0);
    for (uint32_t v = 0; v < n; v++)
    {
        if (m_vertices[v].kind == SWITCH)
        {
            lanGateways[component[v]] += gatewayLinks[v];
            lanHosts[component[v]] += m_vertices[v].lan.hosts;
        }
    }

    auto checkLan = [&](uint32_t v, const Lan& lan, uint64_t hosts) -> std::string {
        std::ostringstream r;
        if (hosts == 0)
        {
            r << name(v) << ": hosts must be at least 1";
        }
        else if (lan.resolver == PE_ARP && (lan.sharedIps == 0 || lan.sharedIps > hosts))
        {
            r << name(v) << ": sharedIps=" << lan.sharedIps << " must be in 1.." << hosts
              << " (the hosts of its LAN)";
        }
        else if (lan.resolver == PE_ARP && (lan.portsPerHost == 0 || lan.portsPerHost > 65535))
        {
            r << name(v) << ": portsPerHost=" << lan.portsPerHost << " must be in 1..65535";
        }
        else if (lan.resolver == PE_ARP && (lan.firstPort == 0 || lan.firstPort > 65535))
        {
            r << name(v) << ": firstPort=" << lan.firstPort << " must be in 1..65535";
        }
        else if (lan.resolver == PE_ARP &&
                 lan.firstPort + (hosts + lan.sharedIps - 1) / lan.sharedIps * lan.portsPerHost -
                         1 >
                     65535)
        {
            r << name(v) << ": portsPerHost: " << (hosts + lan.sharedIps - 1) / lan.sharedIps
              << " hosts per address x " << lan.portsPerHost
              << " ports from firstPort=" << lan.firstPort << " go past 65535";
        }
        else if (lan.resolver == NAT && (lan.portsPerHost == 0 || lan.firstPort == 0 ||
                                         lan.firstPort + hosts * lan.portsPerHost - 1 > 65535))
        {
            r << name(v) << ": portsPerHost: " << hosts << " hosts behind one NAT address x "
              << lan.portsPerHost << " ports from firstPort=" << lan.firstPort
              << " must fit 1..65535";
        }
        else if (lan.resolver == NAT && hosts > 65533)
        {
            r << name(v) << ": hosts=" << hosts << " do not fit the private /16 of a NAT site";
        }
        else if (hosts > 16777213)
        {
            r << name(v) << ": hosts=" << hosts << " do not fit a /8";
        }
        return r.str();
    };

    uint32_t routers = 0;
    boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> layer3(n);
    for (const Link& link : m_links)
    {
        if (IsRouter(link.a) && IsRouter(link.b))
        {
            boost::add_edge(link.a, link.b, layer3);
        }
    }
    std::vector<uint32_t> island(n);
    boost::connected_components(layer3, island.data());
    uint32_t firstRouter = n;
    for (uint32_t v = 0; v < n; v++)
    {
        const Vertex& vertex = m_vertices[v];
        std::string lanError;
        switch (vertex.kind)
        {
        case SWITCH:
            if (lanGateways[component[v]] != 1)
            {
                why << name(v) << ": its switched LAN has " << lanGateways[component[v]]
                    << " links to routers; it needs exactly one (its gateway)";
                return why.str();
            }
            break;
        case ROUTER:
            if (vertex.lan.hosts != 0)
            {
                return name(v) + ": a router has no hosts of its own (hosts=" +
                       std::to_string(vertex.lan.hosts) + "); make it a site";
            }
            if (gatewayLinks[v] > 1)
            {
                return name(v) + ": links to " + std::to_string(gatewayLinks[v]) +
                       " switches; a gateway serves one switched LAN through one link";
            }
            break;
        case SITE:
            lanError = checkLan(v, vertex.lan, vertex.lan.hosts);
            break;
        case INTERNET:
            if (vertex.lan.hosts == 0)
            {
                return name(v) + ": hosts (servers) must be at least 1";
            }
            break;
        }
        if (!lanError.empty())
        {
            return lanError;
        }
        if (IsRouter(v))
        {
            routers++;
            if (firstRouter == n)
            {
                firstRouter = v;
            }
            else if (island[v] != island[firstRouter])
            {
                return name(v) + ": not connected to " + name(firstRouter) +
                       " through routers; routes need one connected layer-3 network";
            }
        }
    }
    for (uint32_t v = 0; v < n; v++)
    {
        if (m_vertices[v].kind == ROUTER && gatewayLinks[v] == 1)
        {
            uint32_t lan = n;
            for (uint32_t l : m_vertexLinks[v])
            {
                uint32_t other = m_links[l].a == v ? m_links[l].b : m_links[l].a;
                if (m_vertices[other].kind == SWITCH)
                {
                    lan = component[other];
                }
            }
            if (m_vertices[v].lan.resolver == NAT)
            {
                return name(v) + ": resolver nat is for sites only (a switched LAN's gateway "
                                 "is pe-arp or stock)";
            }
            std::string lanError = checkLan(v, m_vertices[v].lan, lanHosts[lan]);
            if (!lanError.empty())
            {
                return lanError + " (the switched LAN it is the gateway of)";
            }
        }
    }
    if (routers == 0)
    {
        return "the topology has no router, site or internet vertex";
    }
    return "";
}

PeArpTopology::ReadResult
PeArpTopology::ReadGraphviz(const std::string& text)
{
    RawGraph raw;
    boost::dynamic_properties dp = RawProperties(raw);
    try
    {
        if (!boost::read_graphviz(text, raw, dp, "node_id"))
        {
            return {PeArpTopology(), "Graphviz: the graph could not be read"};
        }
    }
    catch (const std::exception& e)
    {
        return {PeArpTopology(), std::string("Graphviz: ") + e.what()};
    }
    return FromRaw(raw);
}

PeArpTopology::ReadResult
PeArpTopology::ReadGraphml(const std::string& text)
{
    RawGraph raw;
    boost::dynamic_properties dp = RawProperties(raw);
    std::istringstream in(text);
    try
    {
        boost::read_graphml(in, raw, dp);
    }
    catch (const std::exception& e)
    {
        return {PeArpTopology(), std::string("GraphML: ") + e.what()};
    }
    for (uint32_t v = 0; v < boost::num_vertices(raw); v++)
    {
        if (raw[v].id.empty())
        {
            raw[v].id = raw[v].name.empty() ? "n" + std::to_string(v) : raw[v].name;
        }
    }
    return FromRaw(raw);
}

std::string
PeArpTopology::WriteGraphviz() const
{
    std::ostringstream out;
    out.precision(15);
    out << "graph pearp {\n";
    for (const Vertex& v : m_vertices)
    {
        out << "  \"" << v.name << "\" [kind=\"" << GetKindName(v.kind)
            << "\" hosts=" << v.lan.hosts << " resolver=\""
            << (v.lan.resolver == PE_ARP  ? "pe-arp"
                : v.lan.resolver == STOCK ? "stock"
                                          : "nat")
            << "\""
            << " sharedIps=" << v.lan.sharedIps << " portsPerHost=" << v.lan.portsPerHost
            << " firstPort=" << v.lan.firstPort << "];\n";
    }
    for (const Link& l : m_links)
    {
        out << "  \"" << m_vertices.at(l.a).name << "\" -- \"" << m_vertices.at(l.b).name
            << "\" [rate=\"" << l.dataRate << "\" delay=\"" << l.delay << "\" metric=" << l.metric
            << "];\n";
    }
    out << "}\n";
    return out.str();
}

} // namespace ns3
