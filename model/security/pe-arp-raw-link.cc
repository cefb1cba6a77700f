/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-raw-link.h"

#include "ns3/loopback-net-device.h"
#include "ns3/mac48-address.h"
#include "ns3/pe-arp-net-device.h"

namespace ns3
{

Ptr<NetDevice>
PeArpFirstLinkDevice(Ptr<Node> node)
{
    for (uint32_t i = 0; node && i < node->GetNDevices(); i++)
    {
        Ptr<NetDevice> d = node->GetDevice(i);
        if (!DynamicCast<LoopbackNetDevice>(d) && !DynamicCast<PeArpNetDevice>(d) &&
            Mac48Address::IsMatchingType(d->GetAddress()))
        {
            return d;
        }
    }
    return nullptr;
}

} // namespace ns3
