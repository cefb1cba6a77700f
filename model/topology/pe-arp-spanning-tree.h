/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SPANNING_TREE_H
#define PE_ARP_SPANNING_TREE_H

#include "pe-arp-topology.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Which switch-to-switch links a loop-free layer 2 leaves out.
 *
 * ns-3's BridgeNetDevice has no spanning tree protocol, and a switched LAN
 * with a loop floods every broadcast around it forever. This computes, with
 * Boost.Graph's Kruskal, a minimum spanning forest of the switch-to-switch
 * links (weight: the link metric; ties: the lower link index), which is
 * what the IEEE 802.1D protocol converges to with costs from the metrics
 * and a root where the gateway is, apart from its choice among equal-cost
 * trees. PeArpTopologyHelper builds the tree's links and leaves the blocked
 * ones out, as ports that STP would have put in the blocking state.
 */
class PeArpSpanningTree
{
  public:
    /**
     * \param topology a topology
     * \return for every link whether it is blocked (a switch-to-switch link
     * outside the spanning forest); other links are never blocked
     */
    static std::vector<bool> GetBlockedLinks(const PeArpTopology& topology);
};

} // namespace ns3

#endif /* PE_ARP_SPANNING_TREE_H */
