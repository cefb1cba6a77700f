/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_LAN_REGISTRY_H
#define PE_ARP_LAN_REGISTRY_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/pe-arp-port-range.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

class NetDevice;

/**
 * \ingroup pe-arp
 * \brief Ports of an address assigned on a LAN, and to which interface.
 */
struct PeArpLanAssignment
{
    Ipv4Address address;  //!< the address
    PeArpPortRange range; //!< the ports (0-0: all ports of the address)
    uint32_t node = 0;    //!< id of the node that holds them
    uint32_t device = 0;  //!< index of its PE-ARP interface on that node

    /** \return e.g. "2000-2999 of 198.108.63.2 (node 3 device 2)" */
    std::string ToString() const;
};

/**
 * \ingroup pe-arp
 * \brief The port ranges of each address assigned on one LAN (a broadcast
 * domain), so that overlaps are found whichever helper assigned them.
 *
 * A LAN is a channel, or all the channels that bridges
 * (ns3::BridgeNetDevice, ns3::PeArpBridgeNetDevice) join. The registry of a
 * LAN is found from a link-layer device through a small anchor object
 * aggregated once to each channel of the LAN (a device without a channel is
 * a LAN of its own, and carries the anchor). The LAN is discovered at the
 * first look-up from one of its channels, in O(n log n) for n devices; every
 * later look-up from that channel is O(1), and a check or an addition is
 * O(r log k) for r ranges and k ranges of the address on the LAN.
 *
 * The LAN is taken as it is at that first look-up: a channel joined to it
 * later is found (its first look-up finds the LAN's other channels), but two
 * LANs that each had look-ups before a bridge joined them are merged only
 * when a look-up starts from a channel new to both.
 */
class PeArpLanRegistry : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpLanRegistry();
    ~PeArpLanRegistry() override;
    PeArpLanRegistry(const PeArpLanRegistry&) = delete;
    PeArpLanRegistry& operator=(const PeArpLanRegistry&) = delete;

    /**
     * Find (creating it if needed) the registry of a link-layer device's LAN.
     * \param link a link-layer device (e.g. the CSMA device under a PE-ARP
     * interface)
     * \return the LAN's registry
     */
    static Ptr<PeArpLanRegistry> Find(Ptr<NetDevice> link);

    /**
     * \param address an address
     * \param range ports of it (0-0: all)
     * \return an assignment of the LAN that overlaps them, if any
     */
    std::optional<PeArpLanAssignment> FindOverlap(Ipv4Address address, PeArpPortRange range) const;
    /**
     * Record an assignment. It must not overlap (see FindOverlap).
     * \param assignment the assignment
     */
    void Add(const PeArpLanAssignment& assignment);
    /** \return the number of channels of the LAN (devices without a channel count one) */
    uint32_t GetNChannels() const;
    /** \return the number of recorded assignments */
    uint32_t GetNAssignments() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * Take over another registry's assignments (two LANs found joined).
     * \param other the other registry
     */
    void Merge(const PeArpLanRegistry& other);

    /** The assignments of one address, by the lowest port of their range. */
    typedef std::map<uint32_t, PeArpLanAssignment> Ranges;

    std::map<Ipv4Address, Ranges> m_assigned; //!< assignments by address
    uint32_t m_channels;                      //!< channels of the LAN
    uint32_t m_assignments;                   //!< number of assignments
};

} // namespace ns3

#endif /* PE_ARP_LAN_REGISTRY_H */
