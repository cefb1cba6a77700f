/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-bridge-helper.h"

#include "ns3/abort.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpBridgeHelper");

PeArpBridgeHelper::PeArpBridgeHelper()
{
    m_deviceFactory.SetTypeId(PeArpBridgeNetDevice::GetTypeId());
}

void
PeArpBridgeHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

Ptr<PeArpBridgeNetDevice>
PeArpBridgeHelper::Install(Ptr<Node> node,
                           const NetDeviceContainer& ports,
                           const std::vector<Ipv4Address>& sharedAddresses) const
{
    NS_LOG_FUNCTION(this << node);
    NS_ABORT_MSG_IF(ports.GetN() < 2,
                    "PeArpBridgeHelper::Install: a bridge needs at least two ports");
    NS_ABORT_MSG_IF(sharedAddresses.empty(),
                    "PeArpBridgeHelper::Install: no shared address to serve");
    if (!node->GetObject<PeArpL3Protocol>())
    {
        node->AggregateObject(CreateObject<PeArpL3Protocol>());
    }
    Ptr<PeArpBridgeNetDevice> bridge = m_deviceFactory.Create<PeArpBridgeNetDevice>();
    node->AddDevice(bridge);
    for (const Ipv4Address& address : sharedAddresses)
    {
        bridge->AddSharedAddress(address);
    }
    for (auto it = ports.Begin(); it != ports.End(); ++it)
    {
        bridge->AddBridgePort(*it);
    }
    UintegerValue uplink;
    bridge->GetAttribute("UplinkPort", uplink);
    NS_ABORT_MSG_UNLESS(bridge->GetUplinkPort(),
                        "PeArpBridgeHelper::Install: UplinkPort "
                            << uplink.Get() << " is not a port index (the " << ports.GetN()
                            << " ports are 0-" << ports.GetN() - 1 << ")");
    return bridge;
}

} // namespace ns3
