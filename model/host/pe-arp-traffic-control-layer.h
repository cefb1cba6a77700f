/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TRAFFIC_CONTROL_LAYER_H
#define PE_ARP_TRAFFIC_CONTROL_LAYER_H

#include "ns3/traffic-control-layer.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The traffic-control layer of a PE-ARP host: ns-3's, plus the one
 * routing change PE-ARP needs on a host (paper section III.B).
 *
 * ns-3's Ipv4Interface delivers a packet addressed to one of the interface's
 * own addresses locally, without looking at ports. Between hosts that share
 * an address this is wrong: a packet for a port of the shared address that
 * another host owns must go out on the link. Ipv4Interface hands such local
 * deliveries to this layer's Receive (with source and destination both the
 * broadcast address); this class sends them out through the PE-ARP interface
 * instead when the destination port is not in this host's range.
 */
class PeArpTrafficControlLayer : public TrafficControlLayer
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();
    TypeId GetInstanceTypeId() const override;

    PeArpTrafficControlLayer();
    ~PeArpTrafficControlLayer() override;
    PeArpTrafficControlLayer(const PeArpTrafficControlLayer&) = delete;
    PeArpTrafficControlLayer& operator=(const PeArpTrafficControlLayer&) = delete;

    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> p,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType packetType) override;

    /** \return local deliveries sent out on the link instead */
    uint64_t GetRedirectedPackets() const;

  private:
    uint64_t m_redirected; //!< counter
};

} // namespace ns3

#endif /* PE_ARP_TRAFFIC_CONTROL_LAYER_H */
