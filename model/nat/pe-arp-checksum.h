/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_CHECKSUM_H
#define PE_ARP_CHECKSUM_H

#include "ns3/ipv4-address.h"

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The Internet checksum (RFC 1071) and its incremental update
 * (RFC 1624), as the NAT (ns3::PeArpNatRewriter) uses them.
 *
 * Sums are one's complement sums of 16-bit big-endian words, kept in a
 * 32-bit accumulator until Fold. A checksum field holds ~Fold(sum).
 *
 * The incremental update is RFC 1624 eqn. 3, HC' = ~(~HC + ~m + m'), which
 * (unlike eqn. 2) never turns a correct 0x0000 into 0xFFFF.
 *
 * All functions are static; the class holds nothing.
 */
class PeArpChecksum
{
  public:
    PeArpChecksum() = delete;

    /**
     * \param data bytes (an odd last byte is padded with a zero byte)
     * \param size their number
     * \param initial a sum to continue (e.g. a pseudo-header's)
     * \return the one's complement sum of the 16-bit words, not folded
     */
    static uint32_t Sum(const uint8_t* data, uint32_t size, uint32_t initial = 0);

    /**
     * \param sum a 32-bit accumulator
     * \return the sum folded to 16 bits (end-around carries added back)
     */
    static uint16_t Fold(uint32_t sum);

    /**
     * \param data bytes, with the checksum field set to zero
     * \param size their number
     * \param initial a sum to continue (e.g. PseudoHeaderSum)
     * \return the checksum to store: ~Fold(Sum(data, size, initial))
     */
    static uint16_t Compute(const uint8_t* data, uint32_t size, uint32_t initial = 0);

    /**
     * \param source source address
     * \param destination destination address
     * \param protocol IP protocol number (6 TCP, 17 UDP)
     * \param l4Length length of the L4 header plus data
     * \return the sum of the TCP/UDP pseudo-header (RFC 793, RFC 768)
     */
    static uint32_t PseudoHeaderSum(Ipv4Address source,
                                    Ipv4Address destination,
                                    uint8_t protocol,
                                    uint16_t l4Length);

    /**
     * RFC 1624 eqn. 3 for one changed 16-bit word.
     * \param checksum the checksum field before the change (HC)
     * \param oldWord the word before (m)
     * \param newWord the word after (m')
     * \return the checksum field after the change (HC')
     */
    static uint16_t Update16(uint16_t checksum, uint16_t oldWord, uint16_t newWord);

    /**
     * RFC 1624 eqn. 3 for a changed 32-bit field (two words, e.g. an address).
     * \param checksum the checksum field before the change
     * \param oldValue the field before
     * \param newValue the field after
     * \return the checksum field after the change
     */
    static uint16_t Update32(uint16_t checksum, uint32_t oldValue, uint32_t newValue);

    /**
     * Update16 for a UDP checksum (RFC 768): a field of 0 means "no
     * checksum" and stays 0; a computed 0x0000 is sent as 0xFFFF.
     * \param checksum the UDP checksum field before the change
     * \param oldWord the word before
     * \param newWord the word after
     * \return the UDP checksum field after the change
     */
    static uint16_t UpdateUdp16(uint16_t checksum, uint16_t oldWord, uint16_t newWord);

    /**
     * Update32 with the UDP rule of UpdateUdp16.
     * \param checksum the UDP checksum field before the change
     * \param oldValue the field before
     * \param newValue the field after
     * \return the UDP checksum field after the change
     */
    static uint16_t UpdateUdp32(uint16_t checksum, uint32_t oldValue, uint32_t newValue);

    /**
     * \param checksum a checksum computed for a UDP datagram
     * \return 0xFFFF if it is 0x0000 (RFC 768), else itself
     */
    static uint16_t UdpField(uint16_t checksum);
};

} // namespace ns3

#endif /* PE_ARP_CHECKSUM_H */
