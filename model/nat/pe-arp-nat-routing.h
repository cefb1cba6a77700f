/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_ROUTING_H
#define PE_ARP_NAT_ROUTING_H

#include "pe-arp-nat-rewriter.h"
#include "pe-arp-nat-table.h"
#include "pe-arp-processing-cost.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <tuple>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A NAPT router: a top-level Ipv4RoutingProtocol that translates
 * packets in RouteInput and hands the translated packet to an inner routing
 * protocol (e.g. Ipv4StaticRouting), which routes it.
 *
 * It must be the node's top-level routing protocol (install it with
 * InternetStackHelper::SetRoutingHelper(PeArpNatRoutingHelper)):
 * Ipv4ListRouting delivers packets for local addresses before it asks its
 * children, so a NAT inside a list never sees inbound packets.
 *
 * Interfaces added with AddInsideInterface lead to the private LAN; every
 * other interface is outside. The public address is the table's
 * PublicAddress.
 * - Outbound (from inside, not to this node): TTL <= 1 is left to the inner
 *   protocol untranslated (its Time Exceeded reaches the private host);
 *   otherwise a static rule or the table gives the source, and the packet
 *   is rewritten. A packet to the public address is then translated inbound
 *   too (hairpinning, RFC 4787 REQ-9, with the external source, REQ-9a).
 * - Inbound (from outside, to the public address): a static rule or the
 *   table gives the private destination. ICMP errors are translated by
 *   their quoted header (RFC 5508), without refreshing. Echo requests and
 *   ports outside the pool and the static rules go to the node itself.
 * Non-first fragments and packets too short to translate are dropped and
 * counted (FRAGMENT, MALFORMED); so are ICMP errors from inside.
 *
 * If ProcessingCost is set, every translated packet is admitted to it
 * before it is routed: it is routed after the wait the model returns, or
 * dropped and counted as QUEUE_FULL.
 */
class PeArpNatRouting : public Ipv4RoutingProtocol
{
  public:
    /** Counters of the router (the table counts mappings and its drops). */
    struct Counters
    {
        uint64_t outbound = 0;       //!< packets translated outbound
        uint64_t inbound = 0;        //!< packets translated inbound
        uint64_t hairpinned = 0;     //!< of these, hairpinned
        uint64_t staticHits = 0;     //!< packets translated by a static rule
        uint64_t icmpErrors = 0;     //!< ICMP errors translated
        uint64_t bytesRewritten = 0; //!< header bytes changed
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpNatRouting();
    ~PeArpNatRouting() override;

    /**
     * \param inner the routing protocol that routes translated packets
     */
    void SetInner(Ptr<Ipv4RoutingProtocol> inner);
    /** \return the inner routing protocol */
    Ptr<Ipv4RoutingProtocol> GetInner() const;
    /** \return the translation table */
    Ptr<PeArpNatTable> GetTable() const;

    /**
     * \param interface an interface index of the node that leads inside
     */
    void AddInsideInterface(uint32_t interface);

    /**
     * Static DNAT of a public port range to a private host, offset-preserving
     * in both directions (OVS paper section 2.2: public :10022 -> private :22).
     * The public ports are taken out of the table's dynamic pool
     * (PeArpNatPortAllocator::Reserve), so no dynamic mapping ever gets one;
     * add rules after setting the Table and before traffic.
     * \param protocol 6 or 17
     * \param publicLow first public port
     * \param publicHigh last public port
     * \param privateAddress the private host
     * \param privateLow the private port publicLow maps to
     */
    void AddStaticRule(uint8_t protocol,
                       uint16_t publicLow,
                       uint16_t publicHigh,
                       Ipv4Address privateAddress,
                       uint16_t privateLow);

    /** \return the counters */
    const Counters& GetCounters() const;

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
    void PrintRoutingTable(Ptr<OutputStreamWrapper> stream,
                           Time::Unit unit = Time::S) const override;

  protected:
    void DoDispose() override;

  private:
    /** A static rule. */
    struct StaticRule
    {
        uint16_t publicLow;         //!< first public port
        uint16_t publicHigh;        //!< last public port
        Ipv4Address privateAddress; //!< private host
        uint16_t privateLow;        //!< private port of publicLow
    };

    /** A translated destination or source. */
    struct Endpoint
    {
        Ipv4Address address; //!< address
        uint16_t port;       //!< port
    };

    /**
     * \param protocol protocol
     * \param publicPort a public port
     * \return the private endpoint of a static rule, if one covers it
     */
    std::optional<Endpoint> StaticInbound(uint8_t protocol, uint16_t publicPort) const;
    /**
     * \param protocol protocol
     * \param address a private address
     * \param port its port
     * \return the public port of a static rule, if one covers it
     */
    std::optional<uint16_t> StaticOutbound(uint8_t protocol,
                                           Ipv4Address address,
                                           uint16_t port) const;
    /**
     * Translate the destination of a packet to the public address.
     * \param p the packet
     * \param header its header
     * \return the rewritten packet, or nothing (dropped, counted)
     */
    std::optional<PeArpNatRewriter::Result> TranslateInbound(Ptr<const Packet> p,
                                                             const Ipv4Header& header);
    /**
     * \param port a port
     * \return true if the dynamic pool holds it
     */
    bool InPool(uint16_t port) const;
    /**
     * Route a translated packet through the inner protocol, after the
     * processing cost's wait.
     * \param p the packet
     * \param header its header
     * \param idev the input device
     * \param ucb unicast forward callback
     * \param mcb multicast forward callback
     * \param lcb local deliver callback
     * \param ecb error callback
     * \return what the inner protocol returns (true if delayed or dropped)
     */
    bool Forward(Ptr<const Packet> p,
                 const Ipv4Header& header,
                 Ptr<const NetDevice> idev,
                 const UnicastForwardCallback& ucb,
                 const MulticastForwardCallback& mcb,
                 const LocalDeliverCallback& lcb,
                 const ErrorCallback& ecb);

    Ptr<Ipv4> m_ipv4;                 //!< the node's IPv4
    Ptr<Ipv4RoutingProtocol> m_inner; //!< routes translated packets
    Ptr<PeArpNatTable> m_table;       //!< Table attribute
    Ptr<PeArpProcessingCost> m_cost;  //!< ProcessingCost attribute
    std::deque<EventId> m_delayed;    //!< packets waiting for the cost model
    std::set<uint32_t> m_inside;      //!< inside interfaces
    std::map<std::pair<uint8_t, uint16_t>, StaticRule> m_static; //!< by (protocol, publicLow)
    std::map<std::tuple<uint8_t, uint32_t, uint16_t>, StaticRule>
        m_staticByPrivate; //!< by (protocol, private address, privateLow)
    Counters m_counters;   //!< counters
};

} // namespace ns3

#endif /* PE_ARP_NAT_ROUTING_H */
