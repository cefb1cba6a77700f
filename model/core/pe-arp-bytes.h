/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BYTES_H
#define PE_ARP_BYTES_H

#include <cstdint>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Network-order (big-endian) reads from a byte array: the parsers that
 * copy a packet's first bytes once (PeArpHeader, PeArpIpv4::Summarize) and
 * the digest code read their fields with these.
 */
struct PeArpBytes
{
    /**
     * \param bytes the first of two bytes
     * \return the 16-bit value they hold, most significant byte first
     */
    static uint16_t ReadU16(const uint8_t* bytes)
    {
        return static_cast<uint16_t>((bytes[0] << 8) | bytes[1]);
    }

    /**
     * \param bytes the first of four bytes
     * \return the 32-bit value they hold, most significant byte first
     */
    static uint32_t ReadU32(const uint8_t* bytes)
    {
        return (uint32_t(bytes[0]) << 24) | (uint32_t(bytes[1]) << 16) | (uint32_t(bytes[2]) << 8) |
               uint32_t(bytes[3]);
    }
};

} // namespace ns3

#endif /* PE_ARP_BYTES_H */
