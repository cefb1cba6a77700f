/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_RANGE_H
#define PE_ARP_PORT_RANGE_H

#include <cstdint>
#include <ostream>
#include <string>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A contiguous, inclusive range of TCP/UDP ports, [low, high].
 *
 * PE-ARP identifies a host by (IPv4 address, port range). Following the PE-ARP
 * paper (Karir et al., section III.B), the range 0-0 is special: it means "all
 * ports", i.e. the address is not shared.
 */
class PeArpPortRange
{
  public:
    /** Construct the all-ports range 0-0. */
    PeArpPortRange();
    /**
     * Construct [low, high]. The range is invalid if low > high (see IsValid).
     * \param low lowest port, inclusive
     * \param high highest port, inclusive
     */
    PeArpPortRange(uint16_t low, uint16_t high);

    /** \return the all-ports range 0-0 */
    static PeArpPortRange All();

    /** \return the lowest port */
    uint16_t GetLow() const;
    /** \return the highest port */
    uint16_t GetHigh() const;
    /** \return true if this is the all-ports range 0-0 */
    bool IsAll() const;
    /** \return true unless low > high */
    bool IsValid() const;
    /**
     * \param port a port number
     * \return true if the range holds the port (0-0 holds every port)
     */
    bool Contains(uint16_t port) const;
    /**
     * \param other another range
     * \return true if the two ranges share at least one port
     */
    bool Overlaps(const PeArpPortRange& other) const;
    /** \return the number of ports in the range (65536 for 0-0) */
    uint32_t GetSize() const;
    /** \return "low-high" */
    std::string ToString() const;

  private:
    uint16_t m_low;  //!< lowest port, inclusive
    uint16_t m_high; //!< highest port, inclusive
};

/**
 * \brief Equality of two ranges.
 * \param a a range
 * \param b a range
 * \return true if equal
 */
bool operator==(const PeArpPortRange& a, const PeArpPortRange& b);
/**
 * \brief Inequality of two ranges.
 * \param a a range
 * \param b a range
 * \return true if different
 */
bool operator!=(const PeArpPortRange& a, const PeArpPortRange& b);
/**
 * \brief Print "low-high".
 * \param os the stream
 * \param range the range
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, const PeArpPortRange& range);

} // namespace ns3

#endif /* PE_ARP_PORT_RANGE_H */
