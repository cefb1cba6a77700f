/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-topology-generator.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/connected_components.hpp>
#include <cmath>
#include <random>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTopologyGenerator");

const uint32_t PeArpTopologyGenerator::CONNECTIONS_PER_SERVER;

namespace
{

/// Largest number of vertices a generator makes.
const uint64_t MAX_VERTICES = 10000000;

/**
 * A uniform number in [0, 1) from the generator's raw output (the standard
 * fixes mt19937_64's output, not the distributions' algorithms).
 * \param rng the generator
 * \return the number
 */
double
Uniform(std::mt19937_64& rng)
{
    return static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * \param rng the generator
 * \param n a bound (positive)
 * \return a whole number in [0, n)
 */
uint32_t
Below(std::mt19937_64& rng, uint32_t n)
{
    return static_cast<uint32_t>(Uniform(rng) * n);
}

/**
 * \param hosts the hosts of a topology
 * \param servers the servers asked for (0: automatic)
 * \return the servers to make
 */
uint32_t
ServerCount(uint64_t hosts, uint32_t servers)
{
    if (servers > 0)
    {
        return servers;
    }
    uint64_t per = PeArpTopologyGenerator::CONNECTIONS_PER_SERVER;
    return static_cast<uint32_t>(std::max<uint64_t>(1, (hosts + per - 1) / per));
}

/**
 * Add `internets` INTERNET vertices sharing `servers` servers, linked to
 * the given routers in turn.
 * \param topology the topology
 * \param routers where to attach them (not empty)
 * \param internets how many
 * \param servers servers in all (0: automatic)
 * \param links rates and delays
 * \return the topology
 */
PeArpTopology
AddInternets(PeArpTopology topology,
             const std::vector<uint32_t>& routers,
             uint32_t internets,
             uint32_t servers,
             const PeArpTopologyGenerator::Links& links)
{
    // At least one server per INTERNET vertex.
    uint32_t total = std::max(ServerCount(topology.GetNHosts(), servers), internets);
    for (uint32_t k = 0; k < internets; k++)
    {
        PeArpTopology::Lan farm;
        farm.hosts = total / internets + (k < total % internets ? 1 : 0);
        uint32_t v = topology.AddVertex(PeArpTopology::INTERNET, farm);
        topology.AddLink(routers[uint64_t(k) * routers.size() / internets],
                         v,
                         links.coreRate,
                         links.coreDelay);
    }
    return topology;
}

/**
 * \param lan a site LAN
 * \param what its name in messages
 * \return an empty string, or what is wrong with it
 */
std::string
CheckSiteLan(const PeArpTopology::Lan& lan, const std::string& what)
{
    // Check one site alone, with the topology's own rules.
    PeArpTopology probe;
    probe.AddVertex(PeArpTopology::SITE, lan);
    std::string why = probe.Validate();
    return why.empty() ? "" : what + ": " + why.substr(why.find(": ") + 2);
}

} // namespace

std::string
PeArpTopologyGenerator::CampusConfig::Validate() const
{
    std::ostringstream why;
    uint64_t vertices = cores + uint64_t(buildings) * (1 + distributionSwitches + accessSwitches);
    if (cores == 0 || buildings == 0 || distributionSwitches == 0 || accessSwitches == 0 ||
        hostsPerAccessSwitch == 0)
    {
        why << (cores == 0                  ? "cores"
                : buildings == 0            ? "buildings"
                : distributionSwitches == 0 ? "distributionSwitches"
                : accessSwitches == 0       ? "accessSwitches"
                                            : "hostsPerAccessSwitch")
            << " must be at least 1";
    }
    else if (vertices > MAX_VERTICES)
    {
        why << "buildings: " << vertices << " vertices exceed " << MAX_VERTICES;
    }
    else
    {
        PeArpTopology::Lan building = lan;
        building.hosts = accessSwitches * hostsPerAccessSwitch;
        why << CheckSiteLan(building, "lan");
    }
    return why.str();
}

std::string
PeArpTopologyGenerator::IspConfig::Validate() const
{
    std::ostringstream why;
    if (backbone == 0 || internets == 0 || sites == 0)
    {
        why << (backbone == 0    ? "backbone"
                : internets == 0 ? "internets"
                                 : "sites")
            << " must be at least 1";
    }
    else if (meshDegree == 0 && backbone > 1)
    {
        why << "meshDegree must be at least 1 (1: a ring)";
    }
    else if (uint64_t(backbone) + sites + internets > MAX_VERTICES)
    {
        why << "sites: " << uint64_t(backbone) + sites + internets << " vertices exceed "
            << MAX_VERTICES;
    }
    else
    {
        why << CheckSiteLan(siteLan, "siteLan");
    }
    return why.str();
}

std::string
PeArpTopologyGenerator::RandomConfig::Validate() const
{
    std::ostringstream why;
    if (routers == 0 || internets == 0)
    {
        why << (routers == 0 ? "routers" : "internets") << " must be at least 1";
    }
    else if (model == WAXMAN && !(alpha > 0 && alpha <= 1))
    {
        why << "alpha=" << alpha << " must be in (0, 1]";
    }
    else if (model == WAXMAN && !(beta > 0 && beta <= 1))
    {
        why << "beta=" << beta << " must be in (0, 1]";
    }
    else if (model == BARABASI_ALBERT && (m == 0 || m >= routers))
    {
        why << "m=" << m << " must be in 1.." << routers - 1 << " (routers - 1)";
    }
    else if (model == WAXMAN && routers > 100000)
    {
        why << "routers=" << routers << ": Waxman looks at every pair; at most 100000";
    }
    else if (uint64_t(routers) * (1 + sitesPerRouter) + internets > MAX_VERTICES)
    {
        why << "sitesPerRouter: " << uint64_t(routers) * (1 + sitesPerRouter) + internets
            << " vertices exceed " << MAX_VERTICES;
    }
    else if (sitesPerRouter > 0)
    {
        why << CheckSiteLan(siteLan, "siteLan");
    }
    return why.str();
}

PeArpTopology
PeArpTopologyGenerator::Campus(const CampusConfig& c)
{
    NS_LOG_FUNCTION_NOARGS();
    std::string why = c.Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpTopologyGenerator::Campus: " << why);
    const Links& l = c.links;
    PeArpTopology t;
    std::vector<uint32_t> cores;
    for (uint32_t i = 0; i < c.cores; i++)
    {
        cores.push_back(
            t.AddVertex(PeArpTopology::ROUTER, PeArpTopology::Lan(), "core" + std::to_string(i)));
        for (uint32_t j = 0; j < i; j++)
        {
            t.AddLink(cores[j], cores[i], l.coreRate, l.coreDelay);
        }
    }
    for (uint32_t b = 0; b < c.buildings; b++)
    {
        std::string building = "b" + std::to_string(b);
        PeArpTopology::Lan gatewayLan = c.lan;
        gatewayLan.hosts = 0;
        uint32_t gateway = t.AddVertex(PeArpTopology::ROUTER, gatewayLan, building + "-router");
        for (uint32_t core : cores)
        {
            t.AddLink(core, gateway, l.coreRate, l.coreDelay);
        }
        std::vector<uint32_t> distribution;
        for (uint32_t d = 0; d < c.distributionSwitches; d++)
        {
            distribution.push_back(t.AddVertex(PeArpTopology::SWITCH,
                                               PeArpTopology::Lan(),
                                               building + "-dist" + std::to_string(d)));
            for (uint32_t e = 0; e < d; e++)
            {
                t.AddLink(distribution[e], distribution[d], l.coreRate, l.edgeDelay);
            }
        }
        t.AddLink(gateway, distribution[0], l.coreRate, l.edgeDelay);
        for (uint32_t a = 0; a < c.accessSwitches; a++)
        {
            PeArpTopology::Lan access;
            access.hosts = c.hostsPerAccessSwitch;
            uint32_t sw = t.AddVertex(PeArpTopology::SWITCH,
                                      access,
                                      building + "-access" + std::to_string(a));
            for (uint32_t d = 0; d < (c.redundant ? c.distributionSwitches : 1); d++)
            {
                t.AddLink(distribution[d], sw, l.edgeRate, l.edgeDelay);
            }
        }
    }
    return AddInternets(t, {cores[0]}, 1, c.servers, l);
}

PeArpTopology
PeArpTopologyGenerator::Isp(const IspConfig& c)
{
    NS_LOG_FUNCTION_NOARGS();
    std::string why = c.Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpTopologyGenerator::Isp: " << why);
    const Links& l = c.links;
    PeArpTopology t;
    std::vector<uint32_t> backbone;
    for (uint32_t i = 0; i < c.backbone; i++)
    {
        backbone.push_back(
            t.AddVertex(PeArpTopology::ROUTER, PeArpTopology::Lan(), "bb" + std::to_string(i)));
    }
    // Circulant: i -- i + k for k = 1..meshDegree, each pair once.
    for (uint32_t i = 0; i < c.backbone; i++)
    {
        for (uint32_t k = 1; k <= c.meshDegree && k <= c.backbone / 2; k++)
        {
            uint32_t j = (i + k) % c.backbone;
            if (c.backbone % 2 == 0 && k == c.backbone / 2 && i >= c.backbone / 2)
            {
                continue; // the diameter links of an even ring, once
            }
            t.AddLink(backbone[i], backbone[j], l.coreRate, l.coreDelay);
        }
    }
    for (uint32_t s = 0; s < c.sites; s++)
    {
        uint32_t site = t.AddVertex(PeArpTopology::SITE, c.siteLan, "site" + std::to_string(s));
        t.AddLink(backbone[s % c.backbone], site, l.edgeRate, l.edgeDelay);
    }
    return AddInternets(t, backbone, c.internets, c.servers, l);
}

PeArpTopology
PeArpTopologyGenerator::Random(const RandomConfig& c)
{
    NS_LOG_FUNCTION_NOARGS();
    std::string why = c.Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpTopologyGenerator::Random: " << why);
    const Links& l = c.links;
    std::mt19937_64 rng(c.seed);
    PeArpTopology t;
    for (uint32_t i = 0; i < c.routers; i++)
    {
        t.AddVertex(PeArpTopology::ROUTER, PeArpTopology::Lan(), "r" + std::to_string(i));
    }
    if (c.model == WAXMAN)
    {
        std::vector<double> x(c.routers);
        std::vector<double> y(c.routers);
        for (uint32_t i = 0; i < c.routers; i++)
        {
            x[i] = Uniform(rng);
            y[i] = Uniform(rng);
        }
        auto distance = [&](uint32_t i, uint32_t j) {
            return std::hypot(x[i] - x[j], y[i] - y[j]);
        };
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> g(c.routers);
        double scale = c.alpha * std::sqrt(2.0);
        for (uint32_t i = 0; i < c.routers; i++)
        {
            for (uint32_t j = i + 1; j < c.routers; j++)
            {
                if (Uniform(rng) < c.beta * std::exp(-distance(i, j) / scale))
                {
                    t.AddLink(i, j, l.coreRate, l.coreDelay);
                    boost::add_edge(i, j, g);
                }
            }
        }
        std::vector<uint32_t> component(c.routers);
        uint32_t n = boost::connected_components(g, component.data());
        std::vector<bool> joined(n, false);
        joined[component[0]] = true;
        for (uint32_t i = 0; i < c.routers; i++)
        {
            if (joined[component[i]])
            {
                continue;
            }
            uint32_t nearest = 0;
            for (uint32_t j = 0; j < c.routers; j++)
            {
                if (component[j] == component[0] && distance(i, j) < distance(i, nearest))
                {
                    nearest = j;
                }
            }
            t.AddLink(nearest, i, l.coreRate, l.coreDelay);
            joined[component[i]] = true;
        }
    }
    else
    {
        // Each link end once in `ends`: a uniform pick is proportional to degree.
        std::vector<uint32_t> ends;
        for (uint32_t i = 0; i <= c.m; i++)
        {
            for (uint32_t j = 0; j < i; j++)
            {
                t.AddLink(j, i, l.coreRate, l.coreDelay);
                ends.push_back(i);
                ends.push_back(j);
            }
        }
        std::vector<uint32_t> chosen;
        for (uint32_t i = c.m + 1; i < c.routers; i++)
        {
            chosen.clear();
            while (chosen.size() < c.m)
            {
                uint32_t target = ends[Below(rng, static_cast<uint32_t>(ends.size()))];
                if (std::find(chosen.begin(), chosen.end(), target) == chosen.end())
                {
                    chosen.push_back(target);
                }
            }
            for (uint32_t target : chosen)
            {
                t.AddLink(target, i, l.coreRate, l.coreDelay);
                ends.push_back(target);
                ends.push_back(i);
            }
        }
    }
    for (uint32_t r = 0; r < c.routers; r++)
    {
        for (uint32_t s = 0; s < c.sitesPerRouter; s++)
        {
            uint32_t site = t.AddVertex(PeArpTopology::SITE, c.siteLan);
            t.AddLink(r, site, l.edgeRate, l.edgeDelay);
        }
    }
    // The Internet where the core is best connected.
    std::vector<uint32_t> byDegree(c.routers);
    for (uint32_t i = 0; i < c.routers; i++)
    {
        byDegree[i] = i;
    }
    std::stable_sort(byDegree.begin(), byDegree.end(), [&t](uint32_t a, uint32_t b) {
        return t.GetDegree(a) > t.GetDegree(b);
    });
    byDegree.resize(std::min<uint32_t>(c.internets, c.routers));
    return AddInternets(t, byDegree, c.internets, c.servers, l);
}

} // namespace ns3
