/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-traffic-control-layer.h"

#include "pe-arp-net-device.h"

#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTrafficControlLayer");

NS_OBJECT_ENSURE_REGISTERED(PeArpTrafficControlLayer);

TypeId
PeArpTrafficControlLayer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpTrafficControlLayer")
                            .SetParent<TrafficControlLayer>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpTrafficControlLayer>();
    return tid;
}

TypeId
PeArpTrafficControlLayer::GetInstanceTypeId() const
{
    return GetTypeId();
}

PeArpTrafficControlLayer::PeArpTrafficControlLayer()
    : m_redirected(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpTrafficControlLayer::~PeArpTrafficControlLayer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpTrafficControlLayer::Receive(Ptr<NetDevice> device,
                                  Ptr<const Packet> p,
                                  uint16_t protocol,
                                  const Address& from,
                                  const Address& to,
                                  NetDevice::PacketType packetType)
{
    NS_LOG_FUNCTION(this << device << p << protocol << from << to << packetType);
    if (protocol == Ipv4L3Protocol::PROT_NUMBER && packetType == NetDevice::PACKET_HOST &&
        from == to && to == device->GetBroadcast())
    {
        Ptr<PeArpNetDevice> peArp = DynamicCast<PeArpNetDevice>(device);
        if (peArp && !peArp->IsForThisHost(p))
        {
            NS_LOG_LOGIC("local delivery for a port another host owns -- sent on the link");
            m_redirected++;
            peArp->Send(p->Copy(), peArp->GetBroadcast(), protocol);
            return;
        }
    }
    TrafficControlLayer::Receive(device, p, protocol, from, to, packetType);
}

uint64_t
PeArpTrafficControlLayer::GetRedirectedPackets() const
{
    return m_redirected;
}

} // namespace ns3
