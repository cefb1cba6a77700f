/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_ROUTING_HELPER_H
#define PE_ARP_NAT_ROUTING_HELPER_H

#include "ns3/ipv4-routing-helper.h"
#include "ns3/ipv4.h"
#include "ns3/pe-arp-nat-routing.h"

#include <memory>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Installs ns3::PeArpNatRouting as the top-level routing protocol of
 * a node, wrapping what an inner routing helper creates (by default
 * Ipv4StaticRoutingHelper). Use it with InternetStackHelper::SetRoutingHelper
 * on the NAT node only.
 */
class PeArpNatRoutingHelper : public Ipv4RoutingHelper
{
  public:
    /** With Ipv4StaticRoutingHelper inside. */
    PeArpNatRoutingHelper();
    /**
     * \param inner the helper whose protocol routes translated packets
     */
    explicit PeArpNatRoutingHelper(const Ipv4RoutingHelper& inner);
    /**
     * \param o another helper
     */
    PeArpNatRoutingHelper(const PeArpNatRoutingHelper& o);
    PeArpNatRoutingHelper& operator=(const PeArpNatRoutingHelper&) = delete;
    ~PeArpNatRoutingHelper() override;

    PeArpNatRoutingHelper* Copy() const override;
    Ptr<Ipv4RoutingProtocol> Create(Ptr<Node> node) const override;

    /**
     * \param ipv4 a node's IPv4
     * \return its NAT, or null if its top-level protocol is not one
     */
    static Ptr<PeArpNatRouting> GetNat(Ptr<Ipv4> ipv4);
    /**
     * \param ipv4 a node's IPv4
     * \return the NAT's inner protocol (e.g. to add static routes), or null
     */
    static Ptr<Ipv4RoutingProtocol> GetInner(Ptr<Ipv4> ipv4);

  private:
    std::unique_ptr<Ipv4RoutingHelper> m_inner; //!< the inner helper
};

} // namespace ns3

#endif /* PE_ARP_NAT_ROUTING_HELPER_H */
