/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_MASK_H
#define PE_ARP_PORT_MASK_H

#include "ns3/pe-arp-port-range.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A TCP/UDP port match as an OpenFlow-style value/mask pair: a port
 * p matches if (p & mask) == value.
 *
 * A flow switch that matches ports bitwise (Open vSwitch's tp_dst=v/m,
 * ovs-ofctl(8) "Flow Syntax") needs a port range as a set of such pairs.
 * Decompose gives the fewest aligned prefix pairs that cover exactly a
 * range; the number of flow entries a range costs is that count (times the
 * number of transport protocols matched).
 */
class PeArpPortMask
{
  public:
    /** The pair 0/0: every port. */
    PeArpPortMask();
    /**
     * \param value the value (bits outside mask must be 0)
     * \param mask the mask
     */
    PeArpPortMask(uint16_t value, uint16_t mask);

    /**
     * \param port a port
     * \return the exact match of that port (port/0xffff)
     */
    static PeArpPortMask Exact(uint16_t port);

    /** \return the value */
    uint16_t GetValue() const;
    /** \return the mask */
    uint16_t GetMask() const;
    /**
     * \param port a port
     * \return true if (port & mask) == value
     */
    bool Matches(uint16_t port) const;
    /** \return the lowest port matched (value) */
    uint16_t GetLow() const;
    /** \return the highest port matched (value | ~mask) */
    uint16_t GetHigh() const;
    /** \return the number of ports matched (65536 for 0/0) */
    uint32_t GetSize() const;
    /**
     * \return true if the mask is a prefix (ones then zeros) and the value
     * has no bit outside it: the pair then matches one contiguous block
     */
    bool IsPrefix() const;
    /** \return "0x07d0/0xfff0", as ovs-ofctl prints it */
    std::string ToString() const;

    /**
     * The fewest value/mask pairs, each an aligned block of 2^k ports, whose
     * union is exactly [low, high], in increasing order of port. Aborts,
     * naming both parameters, if low > high.
     * \param low lowest port, inclusive
     * \param high highest port, inclusive
     * \return the pairs (1 to 30 of them)
     */
    static std::vector<PeArpPortMask> Decompose(uint16_t low, uint16_t high);
    /**
     * Decompose a PE-ARP range; the all-ports range 0-0 becomes 0-65535, i.e.
     * the single pair 0/0.
     * \param range a valid range (aborts, naming it, if invalid)
     * \return the pairs
     */
    static std::vector<PeArpPortMask> Decompose(const PeArpPortRange& range);
    /**
     * \param low lowest port, inclusive
     * \param high highest port, inclusive
     * \return the number of pairs Decompose(low, high) gives, without building
     * them (aborts if low > high)
     */
    static uint32_t CountEntries(uint16_t low, uint16_t high);

  private:
    uint16_t m_value; //!< value
    uint16_t m_mask;  //!< mask
};

/**
 * \param a a pair
 * \param b a pair
 * \return true if value and mask are equal
 */
bool operator==(const PeArpPortMask& a, const PeArpPortMask& b);
/**
 * \param a a pair
 * \param b a pair
 * \return true unless equal
 */
bool operator!=(const PeArpPortMask& a, const PeArpPortMask& b);
/**
 * \param os a stream
 * \param mask a pair
 * \return the stream, with ToString()
 */
std::ostream& operator<<(std::ostream& os, const PeArpPortMask& mask);

} // namespace ns3

#endif /* PE_ARP_PORT_MASK_H */
