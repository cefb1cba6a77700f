/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_SET_ALLOCATOR_H
#define PE_ARP_PORT_SET_ALLOCATOR_H

#include "pe-arp-port-set.h"

#include "ns3/object.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Divides the ports of a shared address into port sets, one per host,
 * and says how many hosts fit per address.
 *
 * Two schemes:
 * - CONTIGUOUS: PE-ARP's blocks, PortsPerHost ports each from FirstPort to
 *   LastPort (set i = [FirstPort + i P, FirstPort + (i+1) P - 1]).
 * - MAP: the port sets of RFC 7597 section 5.1 (also RFC 7599, RFC 7596
 *   lightweight 4over6 with offset 0). With a = PsidOffset, k = PsidLength
 *   and m = 16 - a - k, the set of PSID holds the ports
 *   \f$ A \cdot 2^{16-a} + PSID \cdot 2^m + j \f$ for j in [0, 2^m) and A
 *   in [1, 2^a) when a > 0 (A = 0, the block that holds the well-known ports
 *   0-1023 with the default a = 6, is excluded unless IncludeWellKnown) or
 *   A = 0 when a = 0 (then the well-known ports 0-1023 are removed from the
 *   sets unless IncludeWellKnown; a set left empty holds no host). There are
 *   2^k sets; a SharingRatio, if set, gives k = log2(ratio).
 *
 * Validate() explains an impossible configuration, naming the attribute.
 */
class PeArpPortSetAllocator : public Object
{
  public:
    /** The way ports are divided. */
    enum Scheme
    {
        CONTIGUOUS, //!< contiguous blocks of PortsPerHost ports
        MAP,        //!< RFC 7597 port sets (PsidOffset, PsidLength)
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpPortSetAllocator();
    ~PeArpPortSetAllocator() override;
    PeArpPortSetAllocator(const PeArpPortSetAllocator&) = delete;
    PeArpPortSetAllocator& operator=(const PeArpPortSetAllocator&) = delete;

    /**
     * \return an empty string if the configuration can be used, else the
     *         reason, naming the attribute
     */
    std::string Validate() const;
    /** \return the number of sets, usable or not (2^k for MAP); aborts if invalid */
    uint32_t GetSetCount() const;
    /** \return how many hosts fit on one address (sets that hold ports); aborts if invalid */
    uint32_t GetHostsPerAddress() const;
    /**
     * The ports of a set (for MAP, index is the PSID).
     * \param index the set's index, below GetSetCount()
     * \return the ports (empty for a MAP set that only held well-known ports)
     */
    PeArpPortSet GetSet(uint32_t index) const;
    /**
     * The set of the n-th host of an address (skipping empty sets).
     * \param host the host's index, below GetHostsPerAddress()
     * \return the ports
     */
    PeArpPortSet GetHostSet(uint32_t host) const;
    /** \return the PSID length in use (MAP: PsidLength, or log2 of SharingRatio) */
    uint32_t GetPsidLength() const;

  private:
    Scheme m_scheme;         //!< Scheme attribute
    uint32_t m_firstPort;    //!< FirstPort attribute
    uint32_t m_lastPort;     //!< LastPort attribute
    uint32_t m_portsPerHost; //!< PortsPerHost attribute
    uint32_t m_psidOffset;   //!< PsidOffset attribute
    uint32_t m_psidLength;   //!< PsidLength attribute
    uint32_t m_sharingRatio; //!< SharingRatio attribute
    bool m_includeWellKnown; //!< IncludeWellKnown attribute
};

} // namespace ns3

#endif /* PE_ARP_PORT_SET_ALLOCATOR_H */
