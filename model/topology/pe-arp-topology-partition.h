/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TOPOLOGY_PARTITION_H
#define PE_ARP_TOPOLOGY_PARTITION_H

#include "pe-arp-topology.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Splits a PeArpTopology into parts for ns-3's distributed (MPI)
 * simulator: one part per rank.
 *
 * ns-3's MPI engine joins ranks only through point-to-point links
 * (PointToPointRemoteChannel), and its lookahead is their delay. So:
 * - vertices joined by a link that is not router to router (a CSMA link to
 *   or between switches) or by a link without delay stay together, as one
 *   group; a SITE keeps its LAN, an INTERNET vertex its servers, and a
 *   switched LAN its switches and gateway;
 * - the groups, joined by the remaining links (the cuttable ones), are put in
 *   an order in which neighbours are close: a depth-first walk from the group
 *   of vertex 0 that visits leaf groups first (a site before the next
 *   backbone router), and otherwise the lower vertex;
 * - the order is cut into contiguous blocks of about equal weight (hosts
 *   and servers, plus one per vertex), every part at least one group;
 * - the same is done with every leaf group joined to its one neighbour (a
 *   site to its access router, an internet vertex to its router), which cuts
 *   fewer links and leaves the edge links (whose shorter delay would set the
 *   lookahead) uncut; that split is taken if its heaviest part is within 5%
 *   of the first one's.
 * On a backbone ring with its sites this gives each part an arc of the ring
 * with the sites on it: the cut links are the few ring links between arcs
 * (or, where the backbone is too short to balance the hosts, site uplinks).
 * It is a first partitioner, not a minimum cut (a METIS-style refinement
 * would move groups across the boundaries).
 */
class PeArpTopologyPartition
{
  public:
    /**
     * \param topology the topology (copied)
     * \param parts the number of parts (ranks)
     */
    PeArpTopologyPartition(const PeArpTopology& topology, uint32_t parts);

    /**
     * Partition the topology.
     * \return an empty string, or why it cannot be split into that many parts
     */
    std::string Compute();

    /** \return the number of parts */
    uint32_t GetNParts() const;
    /** \return the part of every vertex (after Compute) */
    const std::vector<uint32_t>& GetOwners() const;
    /**
     * \param v a vertex
     * \return its part (after Compute)
     */
    uint32_t GetOwner(uint32_t v) const;
    /** \return the links whose ends are in different parts (after Compute) */
    std::vector<uint32_t> GetCutLinks() const;
    /**
     * \param part a part
     * \return the hosts (SITE and SWITCH LANs) in it (after Compute)
     */
    uint64_t GetNHosts(uint32_t part) const;
    /** \return the groups that cannot be split (after Compute) */
    uint32_t GetNGroups() const;
    /** \return the smallest delay of a cut link, the lookahead (s; 0 without cuts) */
    double GetLookahead() const;

  private:
    PeArpTopology m_topology;      //!< the topology
    uint32_t m_parts;              //!< parts asked for
    std::vector<uint32_t> m_owner; //!< part of every vertex
    uint32_t m_groups;             //!< groups that cannot be split
};

} // namespace ns3

#endif /* PE_ARP_TOPOLOGY_PARTITION_H */
