/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_LPM_ROUTING_HELPER_H
#define PE_ARP_LPM_ROUTING_HELPER_H

#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"
#include "ns3/pe-arp-lpm-routing.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Creates ns3::PeArpLpmRouting for nodes: use it with
 * InternetStackHelper::SetRoutingHelper (alone, or inside an
 * Ipv4ListRoutingHelper) where Ipv4StaticRoutingHelper would be used.
 */
class PeArpLpmRoutingHelper : public Ipv4RoutingHelper
{
  public:
    PeArpLpmRoutingHelper();
    ~PeArpLpmRoutingHelper() override;

    /**
     * \brief Copy the helper (InternetStackHelper keeps a copy).
     * \return a new helper, to be deleted by the caller
     */
    PeArpLpmRoutingHelper* Copy() const override;

    /**
     * \param node the node the protocol is for
     * \return a new PeArpLpmRouting
     */
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node> node) const override;

    /**
     * \brief Find a node's PeArpLpmRouting: its top-level routing protocol or
     * the first one inside an Ipv4ListRouting.
     * \param ipv4 the node's IPv4 (it must have a routing protocol)
     * \return the protocol, or null if the node has none
     */
    Ptr<PeArpLpmRouting> GetLpmRouting(Ptr<Ipv4> ipv4) const;
};

} // namespace ns3

#endif /* PE_ARP_LPM_ROUTING_HELPER_H */
