/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_REWRITER_H
#define PE_ARP_NAT_REWRITER_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-header.h"
#include "ns3/packet.h"

#include <cstdint>
#include <optional>
#include <ostream>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Reads and rewrites the addresses, ports and ICMP ids of an IPv4
 * packet at the byte level, with RFC 1624 incremental checksum updates:
 * what a NAPT (ns3::PeArpNatRouting) does to a packet.
 *
 * The packet is given as RouteInput sees it: the IPv4 header apart, the
 * packet starting with the L4 header. The rewriter copies the bytes it
 * edits, removes them from a copy of the packet and adds them back as
 * ns3::PeArpNatRawHeader standing for the header they are (TcpHeader,
 * UdpHeader, Icmpv4Header and its body), so packet tags and the packet's
 * metadata survive.
 *
 * Checksums:
 * - TCP and UDP: the pseudo-header's address and the port, one update each;
 *   UDP keeps a 0 field at 0 and sends a computed 0 as 0xFFFF (RFC 768);
 * - ICMP echo: the id only (no pseudo-header);
 * - ICMP errors (destination unreachable, time exceeded; RFC 5508): the
 *   quoted IPv4 header's checksum, the quoted UDP checksum if non-zero (the
 *   quoted TCP checksum is beyond the 8 quoted bytes) or the quoted echo's
 *   checksum, and the ICMP checksum over every word that changed;
 * - the outer IPv4 checksum is not touched here: ns-3 computes it when it
 *   serializes the header.
 * TCP, ICMP and quoted IPv4 checksums are updated only if \p checksums is
 * true (Node::ChecksumEnabled(); otherwise ns-3 writes zeros there).
 *
 * All functions are static; the class holds nothing.
 */
class PeArpNatRewriter
{
  public:
    PeArpNatRewriter() = delete;

    /** Which end of a packet a rewrite changes. */
    enum Side
    {
        SOURCE = 0,  //!< source address and port (outbound: private -> public)
        DESTINATION, //!< destination address and port (inbound: public -> private)
    };

    /** What Parse found. */
    enum Status
    {
        OK = 0,      //!< a TCP, UDP, ICMP echo or ICMP error packet that can be translated
        FRAGMENT,    //!< a non-first fragment: no L4 header
        MALFORMED,   //!< too short for its L4 header (or its quoted header)
        UNSUPPORTED, //!< another protocol or ICMP type
    };

    /** IP protocol numbers. */
    static constexpr uint8_t ICMP = 1; //!< ICMP
    static constexpr uint8_t TCP = 6;  //!< TCP
    static constexpr uint8_t UDP = 17; //!< UDP

    /** TCP flags (byte 13 of the TCP header). */
    static constexpr uint8_t TCP_FIN = 0x01; //!< FIN
    static constexpr uint8_t TCP_SYN = 0x02; //!< SYN
    static constexpr uint8_t TCP_RST = 0x04; //!< RST
    static constexpr uint8_t TCP_ACK = 0x10; //!< ACK

    /** The fields of a packet that a NAT looks at. */
    struct Flow
    {
        Status status = UNSUPPORTED;   //!< whether it can be translated
        uint8_t protocol = 0;          //!< IP protocol
        Ipv4Address source;            //!< IP source
        Ipv4Address destination;       //!< IP destination
        uint16_t sourcePort = 0;       //!< TCP/UDP source port; ICMP echo: the id
        uint16_t destinationPort = 0;  //!< TCP/UDP destination port; ICMP echo: the id
        uint8_t tcpFlags = 0;          //!< TCP flags
        uint8_t icmpType = 0;          //!< ICMP type
        bool icmpQuery = false;        //!< ICMP echo request (8) or reply (0)
        bool icmpError = false;        //!< ICMP destination unreachable (3), time exceeded (11)
        uint8_t quotedProtocol = 0;    //!< ICMP error: the quoted packet's protocol
        Ipv4Address quotedSource;      //!< ICMP error: the quoted source
        Ipv4Address quotedDestination; //!< ICMP error: the quoted destination
        uint16_t quotedSourcePort = 0; //!< ICMP error: quoted source port or echo id
        uint16_t quotedDestinationPort = 0; //!< ICMP error: quoted destination port or echo id
    };

    /** A rewritten packet. */
    struct Result
    {
        Ptr<Packet> packet;          //!< a copy of the packet with the rewritten L4 bytes
        Ipv4Header header;           //!< a copy of the header with the rewritten address
        uint32_t bytesRewritten = 0; //!< header bytes changed (IP address and checksum, L4)
    };

    /**
     * \param packet a packet, starting with its L4 header
     * \param header its IPv4 header
     * \return its fields; status says whether it can be translated
     */
    static Flow Parse(Ptr<const Packet> packet, const Ipv4Header& header);

    /**
     * Rewrite one end of a TCP, UDP or ICMP echo packet: the address in the
     * IPv4 header and the port (or the echo id, whatever the side).
     * \param packet a packet, starting with its L4 header
     * \param header its IPv4 header
     * \param side the end to rewrite
     * \param address the new address
     * \param port the new port or echo id
     * \param checksums whether TCP and ICMP checksums are in use
     * \return the rewritten packet, or nothing if Parse does not find a
     * TCP, UDP or echo packet
     */
    static std::optional<Result> Rewrite(Ptr<const Packet> packet,
                                         const Ipv4Header& header,
                                         Side side,
                                         Ipv4Address address,
                                         uint16_t port,
                                         bool checksums);

    /**
     * Rewrite an ICMP error by its quoted packet (RFC 5508 REQ-4, REQ-5):
     * one end of the quoted packet, and the other end of the outer header
     * to the same address. An error coming in about a packet the NAT sent
     * out has the quoted SOURCE rewritten back to the private host, which
     * becomes the outer destination; an error going out about a packet the
     * NAT let in has the quoted DESTINATION rewritten to the public address,
     * which becomes the outer source. The ICMP type and code are kept.
     * \param packet an ICMP error, starting with its ICMP header
     * \param header its IPv4 header
     * \param quotedSide the end of the quoted packet to rewrite
     * \param address the new address
     * \param port the new quoted port or echo id
     * \param checksums whether TCP, ICMP and quoted IPv4 checksums are in use
     * \return the rewritten packet, or nothing if it is not an ICMP error
     * Parse accepts
     */
    static std::optional<Result> RewriteIcmpError(Ptr<const Packet> packet,
                                                  const Ipv4Header& header,
                                                  Side quotedSide,
                                                  Ipv4Address address,
                                                  uint16_t port,
                                                  bool checksums);
};

/**
 * \param os a stream
 * \param status a Parse status
 * \return the stream, with "ok", "fragment", "malformed" or "unsupported"
 */
std::ostream& operator<<(std::ostream& os, PeArpNatRewriter::Status status);

} // namespace ns3

#endif /* PE_ARP_NAT_REWRITER_H */
