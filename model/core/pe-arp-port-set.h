/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_SET_H
#define PE_ARP_PORT_SET_H

#include "pe-arp-port-range.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A set of TCP/UDP ports made of disjoint contiguous ranges: one
 * range for PE-ARP's and lightweight 4over6's contiguous blocks, several for
 * a MAP port set (RFC 7597 section 5.1).
 *
 * Ranges are kept sorted and merged, so that two sets holding the same
 * ports compare equal. The all-ports range 0-0 is not allowed in a set.
 */
class PeArpPortSet
{
  public:
    PeArpPortSet() = default;
    /**
     * A set of one range.
     * \param range the range (not 0-0, low <= high)
     */
    explicit PeArpPortSet(PeArpPortRange range);

    /**
     * Add ports; overlapping or adjacent ranges are merged.
     * \param range the range (not 0-0, low <= high)
     */
    void Add(PeArpPortRange range);
    /**
     * Remove ports.
     * \param range the range to remove
     */
    void Remove(PeArpPortRange range);

    /** \return the ranges, sorted and disjoint */
    const std::vector<PeArpPortRange>& GetRanges() const;
    /** \return the number of ports */
    uint32_t GetSize() const;
    /** \return true if the set holds no port */
    bool IsEmpty() const;
    /**
     * \param port a port
     * \return true if the set holds it (O(log n) in the number of ranges)
     */
    bool Contains(uint16_t port) const;
    /**
     * The range of the set that holds a port.
     * \param port a port
     * \return the range, or nothing if the set does not hold the port
     */
    std::optional<PeArpPortRange> GetRangeHolding(uint16_t port) const;
    /**
     * \param other another set
     * \return true if the sets share a port
     */
    bool Overlaps(const PeArpPortSet& other) const;
    /** \return "1232-1235,2256-2259,..." */
    std::string ToString() const;

  private:
    std::vector<PeArpPortRange> m_ranges; //!< sorted, disjoint, not adjacent
};

/**
 * \brief Equality of two sets.
 * \param a a set
 * \param b a set
 * \return true if they hold the same ports
 */
bool operator==(const PeArpPortSet& a, const PeArpPortSet& b);
/**
 * \brief Print the set's ranges.
 * \param os the stream
 * \param set the set
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const PeArpPortSet& set);

} // namespace ns3

#endif /* PE_ARP_PORT_SET_H */
