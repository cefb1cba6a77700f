/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-routing-helper.h"

#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/node.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatRoutingHelper");

PeArpNatRoutingHelper::PeArpNatRoutingHelper()
    : m_inner(std::make_unique<Ipv4StaticRoutingHelper>())
{
}

PeArpNatRoutingHelper::PeArpNatRoutingHelper(const Ipv4RoutingHelper& inner)
    : m_inner(inner.Copy())
{
}

PeArpNatRoutingHelper::PeArpNatRoutingHelper(const PeArpNatRoutingHelper& o)
    : Ipv4RoutingHelper(o),
      m_inner(o.m_inner->Copy())
{
}

PeArpNatRoutingHelper::~PeArpNatRoutingHelper() = default;

PeArpNatRoutingHelper*
PeArpNatRoutingHelper::Copy() const
{
    return new PeArpNatRoutingHelper(*this);
}

Ptr<Ipv4RoutingProtocol>
PeArpNatRoutingHelper::Create(Ptr<Node> node) const
{
    Ptr<PeArpNatRouting> nat = CreateObject<PeArpNatRouting>();
    nat->SetInner(m_inner->Create(node));
    return nat;
}

Ptr<PeArpNatRouting>
PeArpNatRoutingHelper::GetNat(Ptr<Ipv4> ipv4)
{
    return DynamicCast<PeArpNatRouting>(ipv4->GetRoutingProtocol());
}

Ptr<Ipv4RoutingProtocol>
PeArpNatRoutingHelper::GetInner(Ptr<Ipv4> ipv4)
{
    Ptr<PeArpNatRouting> nat = GetNat(ipv4);
    return nat ? nat->GetInner() : nullptr;
}

} // namespace ns3
