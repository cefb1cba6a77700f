/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_IPV4_H
#define PE_ARP_IPV4_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <cstdint>

namespace ns3
{

class Ipv4Interface;

/**
 * \ingroup pe-arp
 * \brief What PE-ARP reads of an IPv4 packet: addresses and transport ports
 * (or the ICMP field that stands for them), without deserializing headers
 * into objects. Produced by PeArpIpv4::Summarize.
 */
struct PeArpIpv4Summary
{
    bool valid = false;           //!< a well-formed IPv4 header was found
    Ipv4Address source;           //!< source address
    Ipv4Address destination;      //!< destination address
    uint8_t protocol = 0;         //!< IP protocol number
    bool hasPorts = false;        //!< a TCP/UDP header with ports is present (first fragment)
    uint16_t sourcePort = 0;      //!< transport source port (if hasPorts)
    uint16_t destinationPort = 0; //!< transport destination port (if hasPorts)
    bool isIcmp = false;          //!< an ICMP message (first fragment)
    bool icmpMalformed = false;   //!< the ICMP message (or the packet it quotes) is truncated
    uint8_t icmpType = 0;         //!< ICMP type
    uint8_t icmpCode = 0;         //!< ICMP code
    uint16_t icmpIdentifier = 0;  //!< echo or echo reply identifier
    bool hasIcmpKey = false;      //!< icmpKey is meaningful
    /**
     * The port that stands for this ICMP message when it is delivered to a
     * shared address: an echo reply's identifier (A+P, RFC 6346), or, for an
     * error (destination unreachable, time exceeded, parameter problem), the
     * source port (or echo identifier) of the packet it quotes, which the
     * host sent from its own range.
     */
    uint16_t icmpKey = 0;

    /**
     * \return the port by which PE-ARP demultiplexes this packet at its
     * destination: the TCP/UDP destination port, the ICMP key, or 0 (none)
     */
    uint16_t GetDemuxPort() const
    {
        return hasPorts ? destinationPort : (hasIcmpKey ? icmpKey : 0);
    }

    /** \return true for a well-formed ICMP echo request */
    bool IsEchoRequest() const;
    /** \return true for a well-formed ICMP echo reply */
    bool IsEchoReply() const;
};

/**
 * \ingroup pe-arp
 * \brief The IPv4 and ICMP knowledge every PE-ARP node needs, in one place:
 * packet summaries, on-link decisions, and the echo rewrites of A+P
 * (RFC 6346). Stateless.
 */
class PeArpIpv4
{
  public:
    static const uint8_t ICMP_PARAMETER_PROBLEM = 12; //!< RFC 792 type 12 (not in Icmpv4Header)

    /**
     * Read addresses and ports of an IPv4 packet (header at the start).
     * Copies at most 136 bytes: outer header (up to 60), ICMP header (8),
     * quoted header (up to 60) and the 8 bytes of it RFC 792 requires.
     * \param packet the packet
     * \return the summary (valid == false if it is not a well-formed IPv4 packet)
     */
    static PeArpIpv4Summary Summarize(Ptr<const Packet> packet);

    /**
     * The ICMP echo reply to an echo request (identifier, sequence number and
     * data kept; checksum computed when ns-3 computes them), without an
     * IPv4 header.
     * \param request the request, IPv4 header included
     * \return the ICMP reply message
     */
    static Ptr<Packet> MakeEchoReply(Ptr<const Packet> request);

    /**
     * The ICMP echo reply to an echo request as a whole IPv4 datagram, with a
     * fresh header (TTL 64, addresses swapped), as a host's stack would build
     * it.
     * \param request the request, IPv4 header included
     * \return the IPv4 datagram
     */
    static Ptr<Packet> MakeEchoReplyDatagram(Ptr<const Packet> request);

    /**
     * Copy an IPv4 echo or echo reply with another identifier (the ICMP
     * checksum recomputed when ns-3 computes them; the IPv4 header, options
     * included, kept byte for byte).
     * \param packet the IPv4 packet
     * \param identifier the identifier
     * \return the new packet
     */
    static Ptr<Packet> SetEchoIdentifier(Ptr<const Packet> packet, uint16_t identifier);

    /**
     * The on-link rule, in one place.
     * \param address an interface address and its mask
     * \param target an address
     * \return true if target is in the address's subnet
     */
    static bool InSubnet(const Ipv4InterfaceAddress& address, Ipv4Address target);

    /// Where a destination lies as seen from one IPv4 interface.
    enum Locality
    {
        OFF_LINK,        //!< in none of the interface's subnets: sent to a gateway
        ON_LINK,         //!< in one of the interface's subnets: resolved directly
        SUBNET_BROADCAST //!< the directed broadcast address of one of its subnets
    };

    /**
     * Locate a destination in one pass over the interface's addresses (the
     * device asks this for every packet it sends).
     * \param interface an IPv4 interface
     * \param destination an address
     * \return SUBNET_BROADCAST if the destination is the subnet-directed
     * broadcast address of one of the interface's subnets, else ON_LINK if it
     * is in one of them, else OFF_LINK
     */
    static Locality Locate(const Ipv4Interface& interface, Ipv4Address destination);
};

} // namespace ns3

#endif /* PE_ARP_IPV4_H */
