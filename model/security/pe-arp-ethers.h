/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_ETHERS_H
#define PE_ARP_ETHERS_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/pe-arp-port-range.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Static PE-ARP entries in the style of /etc/ethers (what `arp -f`
 * reads): one entry per line, "MAC ADDRESS[:LOW-HIGH]", e.g.
 * "00:00:00:00:00:06 198.108.63.2:2000-2999"; without a range the entry
 * holds all ports. Blank lines and text after '#' are ignored.
 */
class PeArpEthers
{
  public:
    /** One static entry. */
    struct Entry
    {
        Mac48Address mac;     //!< hardware address
        Ipv4Address address;  //!< IPv4 address
        PeArpPortRange range; //!< ports (0-0: all)
        uint32_t line = 0;    //!< line number (from 1)
    };

    /** What a text gave. */
    struct Result
    {
        std::vector<Entry> entries; //!< the entries, in order
        std::string error; //!< empty, or "line N: ..." for the first bad line (no entries then)
    };

    /**
     * \param text the file's text
     * \return the entries, or the first error
     */
    static Result Parse(const std::string& text);
    /**
     * \param path a file
     * \return the entries, or an error (also when the file cannot be read)
     */
    static Result Read(const std::string& path);
    /**
     * Add entries as static (permanent) entries of a PE-ARP device's cache
     * (PeArpHelper::AddStaticEntry).
     * \param device a PE-ARP interface or PE-Bridge
     * \param entries the entries
     * \return an empty string, or what was refused (an entry overlapping
     * another static entry), naming its line
     */
    static std::string Install(Ptr<NetDevice> device, const std::vector<Entry>& entries);
};

} // namespace ns3

#endif /* PE_ARP_ETHERS_H */
