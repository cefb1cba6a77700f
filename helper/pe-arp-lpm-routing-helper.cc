/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-lpm-routing-helper.h"

#include "ns3/assert.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpLpmRoutingHelper");

PeArpLpmRoutingHelper::PeArpLpmRoutingHelper() = default;

PeArpLpmRoutingHelper::~PeArpLpmRoutingHelper() = default;

PeArpLpmRoutingHelper*
PeArpLpmRoutingHelper::Copy() const
{
    return new PeArpLpmRoutingHelper(*this);
}

Ptr<Ipv4RoutingProtocol>
PeArpLpmRoutingHelper::Create(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node);
    return CreateObject<PeArpLpmRouting>();
}

Ptr<PeArpLpmRouting>
PeArpLpmRoutingHelper::GetLpmRouting(Ptr<Ipv4> ipv4) const
{
    NS_LOG_FUNCTION(this << ipv4);
    Ptr<Ipv4RoutingProtocol> protocol = ipv4->GetRoutingProtocol();
    NS_ASSERT_MSG(protocol, "No routing protocol associated with Ipv4");
    if (Ptr<PeArpLpmRouting> lpm = DynamicCast<PeArpLpmRouting>(protocol))
    {
        NS_LOG_LOGIC("PeArpLpmRouting is the top-level protocol");
        return lpm;
    }
    if (Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(protocol))
    {
        int16_t priority;
        for (uint32_t i = 0; i < list->GetNRoutingProtocols(); ++i)
        {
            if (Ptr<PeArpLpmRouting> lpm =
                    DynamicCast<PeArpLpmRouting>(list->GetRoutingProtocol(i, priority)))
            {
                NS_LOG_LOGIC("PeArpLpmRouting found in the list, priority " << priority);
                return lpm;
            }
        }
    }
    NS_LOG_LOGIC("PeArpLpmRouting not found");
    return nullptr;
}

} // namespace ns3
