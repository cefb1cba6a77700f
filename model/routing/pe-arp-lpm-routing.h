/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_LPM_ROUTING_H
#define PE_ARP_LPM_ROUTING_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4-routing-table-entry.h"
#include "ns3/ipv4.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/output-stream-wrapper.h"

#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Unicast IPv4 routing by longest prefix match, for tables of
 * thousands of routes: a drop-in alternative to Ipv4StaticRouting's unicast
 * part (install it with PeArpLpmRoutingHelper).
 *
 * Structure: one hash table per prefix length (0 to 32), keyed by the masked
 * network, and a 33-bit mask of the lengths in use. A lookup tries only the
 * lengths in use, longest first, with one hash look-up each and masks
 * precomputed per length: its cost is O(number of distinct prefix lengths),
 * never O(number of routes). Adding and removing a route are O(1).
 *
 * Rules:
 * - One route per (network, mask). The network is masked before it is stored
 *   (10.1.2.77/24 is 10.1.2.0/24). Adding a route for a (network, mask)
 *   that has one already keeps the one with the lower metric; with equal
 *   metrics the new route replaces the old one (as Ipv4StaticRouting, whose
 *   lookup picks the last-added of equal-metric routes of one prefix).
 * - Masks must be contiguous (a run of ones followed by zeros): any other
 *   mask is refused with NS_ABORT_MSG naming the "mask" parameter. Use
 *   IsContiguous() to check a mask first.
 * - A route whose output interface is down is skipped and the lookup goes on
 *   with the next shorter prefix that matches (and whose interface is up), so
 *   an interface going down never makes a lookup fail while a shorter usable
 *   route (e.g. the default) exists. The routes are kept and used again when
 *   the interface comes back up. (Ipv4StaticRouting instead deletes every
 *   route through an interface that goes down; lookups while it is down give
 *   the same result, but this protocol still has the routes after it comes
 *   back up.) The directly connected network routes of an interface's
 *   addresses are added when it comes up (or an address is added while it is
 *   up) and removed when it goes down (or the address is removed), as
 *   Ipv4StaticRouting does.
 * - RouteOutput with an output device (oif): a route is usable only if its
 *   interface's device is oif; if the longest matching route is on another
 *   device, the next shorter matching length is tried (still one hash look-up
 *   per length in use).
 * - Multicast is not supported: there are no multicast routes. RouteOutput
 *   to a multicast destination without oif returns no route
 *   (ERROR_NOROUTETOHOST); with oif it returns a route out of oif with no
 *   gateway and the first address of oif's interface as source (what
 *   Ipv4StaticRouting does for link-local multicast). RouteInput of a
 *   multicast packet returns false (left to other protocols, e.g. in an
 *   Ipv4ListRouting).
 *
 * Otherwise RouteOutput and RouteInput follow Ipv4StaticRouting of ns-3.37:
 * the route's destination is the matched network, its source
 * Ipv4::SourceAddressSelection(interface, network), its gateway the next hop
 * (0.0.0.0 for a directly connected network); RouteInput delivers packets
 * for the node's addresses (Ipv4::IsDestinationAddress), calls the error
 * callback (ERROR_NOROUTETOHOST) if forwarding is disabled on the input
 * interface, and returns false if there is no route.
 */
class PeArpLpmRouting : public Ipv4RoutingProtocol
{
  public:
    /** A route and its metric, as GetRoutes() and GetRoute() give them. */
    struct RouteInfo
    {
        Ipv4RoutingTableEntry entry; //!< network (masked), mask, gateway and interface
        uint32_t metric;             //!< the route's metric
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpLpmRouting();
    ~PeArpLpmRouting() override;
    PeArpLpmRouting(const PeArpLpmRouting&) = delete;
    PeArpLpmRouting& operator=(const PeArpLpmRouting&) = delete;

    /**
     * \param mask a network mask
     * \return true if the mask is a run of ones followed by zeros (0.0.0.0
     * and 255.255.255.255 included): the masks the Add* functions accept
     */
    static bool IsContiguous(Ipv4Mask mask);

    /**
     * \brief Add a route to a network through a gateway.
     * \param network the destination network (masked with mask before it is
     * stored)
     * \param mask the network mask (must be contiguous)
     * \param nextHop the gateway
     * \param interface the output interface index
     * \param metric the metric (lower is preferred, see the class rules)
     */
    void AddNetworkRoute(Ipv4Address network,
                         Ipv4Mask mask,
                         Ipv4Address nextHop,
                         uint32_t interface,
                         uint32_t metric = 0);

    /**
     * \brief Add a route to a directly connected network (no gateway).
     * \param network the destination network (masked with mask)
     * \param mask the network mask (must be contiguous)
     * \param interface the output interface index
     * \param metric the metric
     */
    void AddNetworkRoute(Ipv4Address network,
                         Ipv4Mask mask,
                         uint32_t interface,
                         uint32_t metric = 0);

    /**
     * \brief Add a route to one host (a /32) through a gateway.
     * \param dest the destination host
     * \param nextHop the gateway
     * \param interface the output interface index
     * \param metric the metric
     */
    void AddHostRoute(Ipv4Address dest,
                      Ipv4Address nextHop,
                      uint32_t interface,
                      uint32_t metric = 0);

    /**
     * \brief Add a route to one directly connected host (a /32, no gateway).
     * \param dest the destination host
     * \param interface the output interface index
     * \param metric the metric
     */
    void AddHostRoute(Ipv4Address dest, uint32_t interface, uint32_t metric = 0);

    /**
     * \brief Set the default route (0.0.0.0/0), under the same rule as any
     * other (network, mask): the lower metric wins, an equal one replaces.
     * \param nextHop the gateway
     * \param interface the output interface index
     * \param metric the metric
     */
    void SetDefaultRoute(Ipv4Address nextHop, uint32_t interface, uint32_t metric = 0);

    /**
     * \brief Remove the route to (network, mask), whatever its gateway,
     * interface and metric.
     * \param network the destination network (masked with mask)
     * \param mask the network mask (must be contiguous)
     * \return true if a route was removed
     */
    bool RemoveRoute(Ipv4Address network, Ipv4Mask mask);

    /** \return the number of routes (connected network routes included) */
    uint32_t GetNRoutes() const;

    /**
     * \return every route, longest prefix first, then by network; O(routes),
     * for inspection and printing
     */
    std::vector<RouteInfo> GetRoutes() const;

    /**
     * \brief The route stored for exactly (network, mask), usable or not.
     * \param network the destination network (masked with mask)
     * \param mask the network mask (must be contiguous)
     * \return the route, or nullopt if there is none
     */
    std::optional<RouteInfo> GetRoute(Ipv4Address network, Ipv4Mask mask) const;

    /**
     * \brief Longest prefix match, as RouteOutput does it.
     *
     * Routes whose interface is down are skipped; with oif, so are routes on
     * other devices. Before SetIpv4 every route is usable (and oif must be
     * null).
     * \param dest the destination address
     * \param oif the required output device, or null for any
     * \return the chosen route (its destination is the matched network), or
     * nullopt if no usable route matches
     */
    std::optional<Ipv4RoutingTableEntry> Lookup(Ipv4Address dest,
                                                Ptr<const NetDevice> oif = nullptr) const;

    /** \return the number of unicast lookups made (Lookup, RouteOutput, RouteInput) */
    uint64_t GetNLookups() const;

    // Inherited from Ipv4RoutingProtocol
    Ptr<Ipv4Route> RouteOutput(Ptr<Packet> p,
                               const Ipv4Header& header,
                               Ptr<NetDevice> oif,
                               Socket::SocketErrno& sockerr) override;
    bool RouteInput(Ptr<const Packet> p,
                    const Ipv4Header& header,
                    Ptr<const NetDevice> idev,
                    UnicastForwardCallback ucb,
                    MulticastForwardCallback mcb,
                    LocalDeliverCallback lcb,
                    ErrorCallback ecb) override;
    void NotifyInterfaceUp(uint32_t interface) override;
    void NotifyInterfaceDown(uint32_t interface) override;
    void NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address) override;
    void SetIpv4(Ptr<Ipv4> ipv4) override;
    /**
     * \brief Print the table in the format of Ipv4StaticRouting ("route -n"
     * columns: Destination Gateway Genmask Flags Metric Ref Use Iface),
     * longest prefix first.
     * \param stream the output stream
     * \param unit the time unit of the header line
     */
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /** What is stored per (network, mask); the key is the masked network. */
    struct Route
    {
        uint32_t gateway;   //!< next hop, 0 for a directly connected network
        uint32_t interface; //!< output interface index
        uint32_t metric;    //!< metric
    };

    /** A lookup's result: the route and where it was found. */
    struct Match
    {
        const Route* route; //!< the route (null: none)
        uint32_t network;   //!< its masked network
        uint8_t length;     //!< its prefix length
    };

    /** Routes of one prefix length, by masked network. */
    typedef std::unordered_map<uint32_t, Route> Table;

    /**
     * \brief Add or replace a route (the common part of the Add* functions).
     * \param network the network
     * \param mask the mask
     * \param gateway the gateway, 0 for none
     * \param interface the interface
     * \param metric the metric
     */
    void DoAdd(Ipv4Address network,
               Ipv4Mask mask,
               uint32_t gateway,
               uint32_t interface,
               uint32_t metric);

    /**
     * \brief Remove the connected route (no gateway, on interface) of
     * (network, mask), if that is the route stored for it.
     * \param network the network
     * \param mask the mask
     * \param interface the interface
     */
    void RemoveConnected(Ipv4Address network, Ipv4Mask mask, uint32_t interface);

    /**
     * \param mask a mask
     * \param what the caller, for the abort message
     * \return the prefix length of the mask; aborts if it is not contiguous
     */
    static uint8_t CheckedLength(Ipv4Mask mask, const char* what);

    /**
     * \param route a route
     * \param oif the required device, or null
     * \return true if the route's interface is up (and its device is oif)
     */
    bool IsUsable(const Route& route, Ptr<const NetDevice> oif) const;

    /**
     * \brief The longest prefix match among the usable routes.
     * \param dest the destination
     * \param oif the required device, or null
     * \return the match (route null if none)
     */
    Match Find(Ipv4Address dest, Ptr<const NetDevice> oif) const;

    /**
     * \param m a match with a route
     * \return the route as an Ipv4RoutingTableEntry
     */
    static Ipv4RoutingTableEntry ToEntry(const Match& m);

    /**
     * \param m a match with a route
     * \return the route for the packet, as Ipv4StaticRouting builds it
     */
    Ptr<Ipv4Route> MakeRoute(const Match& m) const;

    Ptr<Ipv4> m_ipv4;              //!< the node's IPv4
    std::array<Table, 33> m_table; //!< routes per prefix length
    uint64_t m_lengths;            //!< bit n set iff m_table[n] has routes
    uint32_t m_nRoutes;            //!< number of routes
    mutable uint64_t m_nLookups;   //!< number of lookups
};

} // namespace ns3

#endif /* PE_ARP_LPM_ROUTING_H */
