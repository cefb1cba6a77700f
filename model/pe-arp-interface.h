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
     * Is an address the target of frames for this device, and which ports
     * of it does this device's node own?
     * \param address an IPv4 address
     * \param range receives the node's range for it (0-0: all ports)
     * \return true if frames for this address are for this device
     */
    virtual bool GetLocalRange(Ipv4Address address, PeArpPortRange& range) const = 0;
    /**
     * Pick the sender address of a request.
     * \param target the address being resolved
     * \param source receives the address
     * \return false if there is none
     */
    virtual bool SelectSourceAddress(Ipv4Address target, Ipv4Address& source) const = 0;
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
     * \return true if the link accepted it
     */
    virtual bool SendResolved(Ptr<Packet> packet, const Address& to) = 0;
};

} // namespace ns3

#endif /* PE_ARP_INTERFACE_H */
