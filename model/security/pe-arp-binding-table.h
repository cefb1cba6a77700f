/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BINDING_TABLE_H
#define PE_ARP_BINDING_TABLE_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/object.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/pe-arp-port-set.h"

#include <map>
#include <unordered_map>

namespace ns3
{

class PeArpDhcpServer;

/**
 * \ingroup pe-arp
 * \brief Which MAC may claim which ports of which address: what switches
 * call DHCP snooping plus dynamic ARP inspection, for PE-ARP.
 *
 * Bindings come from the DHCP server's leases (WatchDhcpServer: every ACK
 * binds the leased address and port set to the client's MAC) or are added
 * by hand for statically configured hosts. A PE-ARP node given the table
 * (PeArpL3Protocol::SetBindingTable) drops, and counts as BINDING_MISMATCH,
 * every ARP frame whose sender (address, range, MAC) the table does not
 * allow: a range of a bound address claimed by another MAC, or a range
 * not inside one of the MAC's bound sets. Addresses without any binding
 * are allowed (AllowUnbound, default) or refused. Check is O(log n) in the
 * ranges of the address.
 */
class PeArpBindingTable : public Object
{
  public:
    /** The verdict on a claim. */
    enum Verdict
    {
        ALLOWED,       //!< bound to this MAC, range inside the bound set
        UNBOUND,       //!< no binding for the address (allowed if AllowUnbound)
        MAC_MISMATCH,  //!< the ports are bound to another MAC
        RANGE_MISMATCH //!< the MAC is bound on the address, not to these ports
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpBindingTable();
    ~PeArpBindingTable() override;
    PeArpBindingTable(const PeArpBindingTable&) = delete;
    PeArpBindingTable& operator=(const PeArpBindingTable&) = delete;

    /**
     * Bind ports of an address to a MAC (replacing what overlaps them).
     * \param address the address
     * \param ports the ports (an empty set binds all ports: a host with its
     * own address)
     * \param mac the MAC
     */
    void Add(Ipv4Address address, const PeArpPortSet& ports, Mac48Address mac);
    /**
     * Remove a MAC's bindings on an address.
     * \param address the address
     * \param mac the MAC
     * \return the ranges removed
     */
    uint32_t Remove(Ipv4Address address, Mac48Address mac);
    /**
     * Bind every lease the server grants from now on.
     * \param server the DHCP server
     */
    void WatchDhcpServer(Ptr<PeArpDhcpServer> server);

    /**
     * \param address the claimed address
     * \param range the claimed range (0-0: all ports)
     * \param mac the claiming MAC
     * \return the verdict
     */
    Verdict Check(Ipv4Address address, PeArpPortRange range, Mac48Address mac) const;
    /**
     * \param address the claimed address
     * \param range the claimed range (0-0: all ports)
     * \param mac the claiming MAC
     * \return true if the claim may be learned (ALLOWED, or UNBOUND with AllowUnbound)
     */
    bool Allows(Ipv4Address address, PeArpPortRange range, Mac48Address mac) const;
    /** \return bound ranges in all */
    uint32_t GetSize() const;

    /**
     * \param verdict a verdict
     * \return its name
     */
    static std::string VerdictToString(Verdict verdict);

  protected:
    void DoDispose() override;

  private:
    /**
     * A lease of a watched server.
     * \param self the table
     * \param server the server
     * \param client its MAC
     * \param address the address
     * \param psid the PSID
     * \param granted ACK (else NAK)
     */
    static void Leased(PeArpBindingTable* self,
                       PeArpDhcpServer* server,
                       Mac48Address client,
                       Ipv4Address address,
                       uint16_t psid,
                       bool granted);

    /** A bound range. */
    struct Binding
    {
        uint16_t high;    //!< last port
        Mac48Address mac; //!< the MAC
    };

    bool m_allowUnbound; //!< addresses without bindings are allowed
    /// bound ranges per address, by first port (disjoint)
    std::unordered_map<uint32_t, std::map<uint16_t, Binding>> m_bindings;
    uint32_t m_size; //!< bound ranges in all
};

} // namespace ns3

#endif /* PE_ARP_BINDING_TABLE_H */
