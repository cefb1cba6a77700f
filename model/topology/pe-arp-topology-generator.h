/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TOPOLOGY_GENERATOR_H
#define PE_ARP_TOPOLOGY_GENERATOR_H

#include "pe-arp-topology.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Generates topologies: a campus, a multi-site ISP, and random router
 * cores (Waxman, Barabasi-Albert) with sites hanging off them.
 *
 * Each generator has a Config whose Validate() names the wrong field; the
 * generator aborts with that message. Random generators take a seed and
 * give the same graph for the same seed on every machine (a Mersenne
 * twister whose output the C++ standard fixes, turned into numbers here,
 * not by the library's distributions).
 *
 * Every generated topology has one or more INTERNET vertices with servers
 * for the hosts' traffic; with `servers` = 0 they get one server per
 * PeArpTopologyGenerator::CONNECTIONS_PER_SERVER hosts (and at least one
 * per INTERNET vertex), so that no server
 * holds so many sockets that ns-3's list-based demultiplexer dominates.
 */
class PeArpTopologyGenerator
{
  public:
    /** Hosts one generated server serves, when the servers are counted for you. */
    static const uint32_t CONNECTIONS_PER_SERVER = 250;

    /** Link rates and delay shared by the generators. */
    struct Links
    {
        uint64_t coreRate = 10000000000; //!< router-router links (bit/s)
        uint64_t edgeRate = 1000000000;  //!< links to sites, switches and servers (bit/s)
        double coreDelay = 0.001;        //!< router-router delay (s)
        double edgeDelay = 0.0001;       //!< edge link delay (s)
    };

    /**
     * A campus: a full mesh of core routers; per building a distribution
     * router linked to every core router and the gateway of the building's
     * switched LAN, made of distribution switches (a full mesh) and access
     * switches with hosts. With `redundant`, each access switch links to
     * every distribution switch, which makes layer-2 loops (see
     * PeArpSpanningTree); otherwise to the first one only.
     *
     * Vertices: cores + buildings x (1 + distributionSwitches +
     * accessSwitches) + 1 INTERNET. Links: C(cores, 2) + buildings x (cores
     * + 1 + C(distributionSwitches, 2) + accessSwitches x (redundant ?
     * distributionSwitches : 1)) + 1 (the INTERNET vertex on core 0).
     */
    struct CampusConfig
    {
        uint32_t cores = 2;                //!< core routers
        uint32_t buildings = 4;            //!< buildings
        uint32_t distributionSwitches = 2; //!< distribution switches per building
        uint32_t accessSwitches = 4;       //!< access switches per building
        uint32_t hostsPerAccessSwitch = 8; //!< hosts per access switch
        bool redundant = true;             //!< access switches link to every distribution switch
        PeArpTopology::Lan lan;            //!< the buildings' resolver and port settings
        uint32_t servers = 0;              //!< servers (0: one per CONNECTIONS_PER_SERVER hosts)
        Links links;                       //!< rates and delays
        /** \return an empty string, or the field that is wrong */
        std::string Validate() const;
    };

    /**
     * A multi-site ISP: backbone routers in a ring (meshDegree 1) or a
     * circulant mesh (each router linked to the next meshDegree routers),
     * sites spread round-robin over the backbone routers, and INTERNET
     * vertices on backbone routers spread evenly.
     *
     * Vertices: backbone + sites + internets. Links: backbone links
     * (backbone for a ring of 3 or more; 1 for 2 routers; with meshDegree k
     * < backbone / 2 it is backbone x k) + sites + internets.
     */
    struct IspConfig
    {
        uint32_t backbone = 8;      //!< backbone routers
        uint32_t meshDegree = 1;    //!< each backbone router links to the next meshDegree
        uint32_t sites = 16;        //!< sites
        PeArpTopology::Lan siteLan; //!< each site's LAN (hosts at least 1)
        uint32_t internets = 1;     //!< INTERNET vertices
        uint32_t servers = 0;       //!< servers in all (0: one per CONNECTIONS_PER_SERVER hosts)
        Links links;                //!< rates and delays
        /** \return an empty string, or the field that is wrong */
        std::string Validate() const;
    };

    /** The random router cores. */
    enum Model
    {
        WAXMAN,          //!< Waxman: link probability beta exp(-d / (alpha L))
        BARABASI_ALBERT, //!< preferential attachment, m links per new router
    };

    /**
     * A random router core with `sitesPerRouter` sites on every router and
     * INTERNET vertices on the routers of highest degree.
     *
     * Waxman: routers uniform in the unit square, each pair linked with
     * probability beta exp(-d / (alpha sqrt 2)); the components left are
     * joined, each by one link from its first router to the nearest router
     * of the component of router 0. Barabasi-Albert: a clique of m + 1
     * routers, then each new router links to m distinct routers chosen
     * with probability proportional to their degree: C(m + 1, 2) + (routers
     * - m - 1) m core links, every degree at least m.
     */
    struct RandomConfig
    {
        Model model = BARABASI_ALBERT; //!< the model
        uint32_t routers = 100;        //!< core routers
        double alpha = 0.15;           //!< Waxman alpha (0, 1]
        double beta = 0.4;             //!< Waxman beta (0, 1]
        uint32_t m = 2;                //!< Barabasi-Albert links per new router
        uint32_t sitesPerRouter = 1;   //!< sites on every core router
        PeArpTopology::Lan siteLan;    //!< each site's LAN
        uint32_t internets = 1;        //!< INTERNET vertices
        uint32_t servers = 0;          //!< servers in all (0: one per CONNECTIONS_PER_SERVER hosts)
        uint64_t seed = 1;             //!< random seed
        Links links;                   //!< rates and delays
        /** \return an empty string, or the field that is wrong */
        std::string Validate() const;
    };

    /**
     * \param config the campus
     * \return the topology
     */
    static PeArpTopology Campus(const CampusConfig& config);
    /**
     * \param config the ISP
     * \return the topology
     */
    static PeArpTopology Isp(const IspConfig& config);
    /**
     * \param config the random core
     * \return the topology
     */
    static PeArpTopology Random(const RandomConfig& config);
};

} // namespace ns3

#endif /* PE_ARP_TOPOLOGY_GENERATOR_H */
