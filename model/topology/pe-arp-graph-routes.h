/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_GRAPH_ROUTES_H
#define PE_ARP_GRAPH_ROUTES_H

#include "pe-arp-address-plan.h"
#include "pe-arp-topology.h"

#include "ns3/ipv4-address.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Static routes for every router of a topology, computed on the graph
 * with Boost.Graph: one shortest-path search per attachment point, not per
 * host or per prefix.
 *
 * Layer-3 vertices of degree one are peeled off the graph, repeatedly, as a
 * tree of stubs hangs off a core: a peeled vertex gets a default route up to
 * its parent and a route to each LAN below it. What is left is the core.
 * Every LAN is attached to the core vertex above it; one BFS (all metrics 1)
 * or Dijkstra (link metrics) from each attachment over a compressed-sparse-
 * row graph of the core gives every core router its next hop towards it,
 * and so towards all of that attachment's LANs. Ties go to the neighbour
 * first reached (links in index order), so routes are deterministic.
 *
 * A host is reached through its LAN's prefix: shared addresses need no
 * host routes. With aggregation, two sibling prefixes with the same next hop
 * become their parent prefix, repeatedly; lookups give the same next hop for
 * every LAN address either way, and PeArpAddressPlan allocates prefixes so
 * that this collapses the LANs behind one attachment point.
 */
class PeArpGraphRoutes
{
  public:
    /** One route of a router. */
    struct Route
    {
        Ipv4Address network;   //!< destination network
        uint32_t prefixLength; //!< its prefix length
        uint32_t link;         //!< the topology link to send on
        /** \return the mask */
        Ipv4Mask GetMask() const;
    };

    /** Routes of one layer-3 vertex. */
    struct Table
    {
        std::vector<Route> routes;         //!< network routes, sorted by network then length
        uint32_t defaultLink = UINT32_MAX; //!< the default route's link (stubs), or none
    };

    /**
     * \param topology a valid topology
     * \return for every vertex the core vertex it is attached through (a
     * core vertex: itself; a switch: its gateway's attachment)
     */
    static std::vector<uint32_t> GetAttachments(const PeArpTopology& topology);

    /**
     * Compute the routes.
     * \param topology a valid topology
     * \param plan its address plan (computed)
     * \param aggregate merge sibling prefixes with the same next hop
     */
    PeArpGraphRoutes(const PeArpTopology& topology, const PeArpAddressPlan& plan, bool aggregate);

    /**
     * \param v a layer-3 vertex
     * \return its routes (connected LANs and links are left to the interfaces)
     */
    const Table& GetTable(uint32_t v) const;
    /** \return the routes in all tables */
    uint64_t GetNRoutes() const;
    /** \return the shortest-path searches run (one per attachment point) */
    uint32_t GetNSearches() const;
    /**
     * Follow the tables from a router to an address, as a packet would.
     * \param from a layer-3 vertex
     * \param destination an address of a LAN
     * \return the vertices visited, from `from` to the LAN's gateway; empty
     * if the tables lead nowhere or loop
     */
    std::vector<uint32_t> Trace(uint32_t from, Ipv4Address destination) const;
    /**
     * \param from a layer-3 vertex
     * \return the shortest-path distance (sum of metrics) from it to every
     * vertex over layer-3 links, computed afresh with Boost.Graph's Dijkstra
     * (a reference for tests; UINT32_MAX where unreachable)
     */
    std::vector<uint32_t> GetDistances(uint32_t from) const;

  private:
    const PeArpTopology& m_topology; //!< the topology
    const PeArpAddressPlan& m_plan;  //!< its addresses
    std::vector<Table> m_tables;     //!< per vertex
    uint32_t m_searches;             //!< searches run
};

} // namespace ns3

#endif /* PE_ARP_GRAPH_ROUTES_H */
