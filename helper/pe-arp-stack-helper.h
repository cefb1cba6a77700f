/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_STACK_HELPER_H
#define PE_ARP_STACK_HELPER_H

#include "ns3/ipv4-routing-helper.h"
#include "ns3/node-container.h"

#include <memory>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Installs the IPv4 stack of a PE-ARP host.
 *
 * The same objects as ns3::InternetStackHelper (IPv4 only), except:
 * - ns3::PeArpTrafficControlLayer instead of ns3::TrafficControlLayer (so that
 *   traffic to the shared address for another host's ports leaves the host);
 * - ns3::PeArpPortAgent, and the socket factories ns3::PeArpUdpSocketFactory
 *   and ns3::PeArpTcpSocketFactory instead of ns-3's, so that unmodified
 *   applications get sockets whose ports come from the host's range;
 * - ns3::PeArpL3Protocol.
 *
 * Use it instead of InternetStackHelper on hosts that share an address; use
 * InternetStackHelper (plus ns3::PeArpHelper) on routers.
 */
class PeArpStackHelper
{
  public:
    PeArpStackHelper();
    ~PeArpStackHelper();
    PeArpStackHelper(const PeArpStackHelper&) = delete;
    PeArpStackHelper& operator=(const PeArpStackHelper&) = delete;

    /**
     * Set the routing helper (default: ns3::Ipv4StaticRoutingHelper).
     * \param routing the routing helper
     */
    void SetRoutingHelper(const Ipv4RoutingHelper& routing);
    /**
     * Install the stack on every node.
     * \param nodes the nodes
     */
    void Install(NodeContainer nodes) const;
    /**
     * Install the stack on a node. Aborts if the node already has IPv4.
     * \param node the node
     */
    void Install(Ptr<Node> node) const;

  private:
    std::unique_ptr<Ipv4RoutingHelper> m_routing; //!< routing helper
};

} // namespace ns3

#endif /* PE_ARP_STACK_HELPER_H */
