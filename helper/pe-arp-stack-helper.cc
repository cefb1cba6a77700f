/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-stack-helper.h"

#include "ns3/abort.h"
#include "ns3/arp-l3-protocol.h"
#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/packet-socket-factory.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-socket-factory.h"
#include "ns3/pe-arp-traffic-control-layer.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpStackHelper");

PeArpStackHelper::PeArpStackHelper()
    : m_routing(Ipv4StaticRoutingHelper().Copy())
{
}

PeArpStackHelper::~PeArpStackHelper() = default;

void
PeArpStackHelper::SetRoutingHelper(const Ipv4RoutingHelper& routing)
{
    m_routing.reset(routing.Copy());
}

void
PeArpStackHelper::Install(NodeContainer nodes) const
{
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Install(*it);
    }
}

void
PeArpStackHelper::Install(Ptr<Node> node) const
{
    NS_LOG_FUNCTION(this << node);
    NS_ABORT_MSG_IF(node->GetObject<Ipv4>(),
                    "PeArpStackHelper::Install: node " << node->GetId() << " already has IPv4");

    // As InternetStackHelper::Install (IPv4 only).
    Ptr<ArpL3Protocol> arp = CreateObject<ArpL3Protocol>();
    node->AggregateObject(arp);
    node->AggregateObject(CreateObject<Ipv4L3Protocol>());
    node->AggregateObject(CreateObject<Icmpv4L4Protocol>());
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    ipv4->SetRoutingProtocol(m_routing->Create(node));

    Ptr<PeArpTrafficControlLayer> tc = CreateObject<PeArpTrafficControlLayer>();
    node->AggregateObject(tc);

    // UdpL4Protocol and TcpL4Protocol aggregate their own socket factories
    // when they are aggregated to a node they do not know yet; giving them
    // the node first leaves the socket factories to us.
    Ptr<PeArpPortAgent> agent = CreateObject<PeArpPortAgent>();
    node->AggregateObject(agent);
    Ptr<UdpL4Protocol> udp = CreateObject<UdpL4Protocol>();
    udp->SetNode(node);
    node->AggregateObject(udp);
    Ptr<TcpL4Protocol> tcp = CreateObject<TcpL4Protocol>();
    tcp->SetNode(node);
    node->AggregateObject(tcp);
    Ptr<PeArpUdpSocketFactory> udpFactory = CreateObject<PeArpUdpSocketFactory>();
    udpFactory->SetStack(udp, agent);
    node->AggregateObject(udpFactory);
    Ptr<PeArpTcpSocketFactory> tcpFactory = CreateObject<PeArpTcpSocketFactory>();
    tcpFactory->SetStack(node, tcp, agent);
    node->AggregateObject(tcpFactory);
    node->AggregateObject(CreateObject<PacketSocketFactory>());
    arp->SetTrafficControl(tc);

    if (!node->GetObject<PeArpL3Protocol>())
    {
        node->AggregateObject(CreateObject<PeArpL3Protocol>());
    }
}

} // namespace ns3
