/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_INTERFACE_H
#define PE_ARP_INTERFACE_H

#include "pe-arp-port-range.h"

#include "ns3/address.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/packet.h"
#include "ns3/ptr.h"

#include <optional>

namespace ns3
{

class PeArpCache;

/**
 * \ingroup pe-arp
 * \brief What ns3::PeArpL3Protocol needs from a device that resolves with
 * PE-ARP: a PE-ARP interface of a host or router (ns3::PeArpNetDevice) or a
 * PE-Bridge (ns3::PeArpBridgeNetDevice).
 */
class PeArpInterface
{
  public:
    virtual ~PeArpInterface() = default;

    /** \return the device's PE-ARP cache */
    virtual Ptr<PeArpCache> GetCache() const = 0;
    /** \return the hardware address PE-ARP frames are sent from */
    virtual Mac48Address GetMac48() const = 0;
    /**
     * \param address an IPv4 address
     * \return true if PE-ARP frames for this address are for this device
     */
    virtual bool IsLocalAddress(Ipv4Address address) const = 0;
    /**
     * Which range of a local address' ports holding a port does this
     * device's node own? A node that owns a non-contiguous port set
     * announces it as the ranges it consists of.
     * \param address a local address (see IsLocalAddress)
     * \param port a port (0: traffic without ports)
     * \return the range (0-0 if the node owns the address), or nothing if
     *         the node does not own the port
     */
    virtual std::optional<PeArpPortRange> GetOwnedRange(Ipv4Address address,
                                                        uint16_t port) const = 0;
    /**
     * For port range conflict detection: which of this node's ranges of a
     * local address overlaps a range another node probes for?
     * \param address a local address
     * \param probed the probed range
     * \return an overlapping range of this node (0-0 if it owns the whole
     *         address) that it must defend, or nothing
     */
    virtual std::optional<PeArpPortRange> GetOwnedRangeOverlapping(Ipv4Address address,
                                                                   PeArpPortRange probed) const = 0;
    /**
     * \param address a local address
     * \return the range this node announces in its requests from the
     *         address (0-0 if it owns the address; an invalid range, low >
     *         high, if it may not send from the address yet)
     */
    virtual PeArpPortRange GetAnnouncedRange(Ipv4Address address) const = 0;

    /**
     * Proxy ARP: does this device answer requests for an address that is
     * not its own, with its own MAC, because its node routes to the address
     * through another interface?
     * \param target the address asked for
     * \return true to answer (default: never)
     */
    virtual bool IsProxyFor(Ipv4Address target) const
    {
        return false;
    }

    /**
     * Pick the sender address of a request.
     * \param target the address being resolved
     * \return the address, or nothing if there is none
     */
    virtual std::optional<Ipv4Address> SelectSourceAddress(Ipv4Address target) const = 0;
    /**
     * Send an ARP frame on the link.
     * \param frame the frame
     * \param to the destination hardware address
     */
    virtual void SendArpFrame(Ptr<Packet> frame, const Address& to) = 0;
    /**
     * Send a resolved IPv4 packet (header included) on the link.
     * \param packet the packet
     * \param to the destination hardware address
     * \param source the source hardware address the packet was queued with
     *        (a PE-Bridge forwards frames with their own source); empty for
     *        the device's own address
     * \return true if the link accepted it
     */
    virtual bool SendResolved(Ptr<Packet> packet, const Address& to, const Address& source) = 0;
};

} // namespace ns3

#endif /* PE_ARP_INTERFACE_H */
