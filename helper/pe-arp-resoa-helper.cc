/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-helper.h"

#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pe-arp-resoa-socket-factory.h"
#include "ns3/pointer.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaHelper");

PeArpResoaHelper::PeArpResoaHelper()
{
    m_server.SetTypeId(PeArpResoaServer::GetTypeId());
    m_lhp.SetTypeId(PeArpResoaLhp::GetTypeId());
}

void
PeArpResoaHelper::SetServerAttribute(const std::string& name, const AttributeValue& value)
{
    m_server.Set(name, value);
}

void
PeArpResoaHelper::SetLhpAttribute(const std::string& name, const AttributeValue& value)
{
    m_lhp.Set(name, value);
}

Ptr<PeArpResoaServer>
PeArpResoaHelper::InstallServer(Ptr<Node> node,
                                Ptr<NetDevice> device,
                                Ipv4Address publicAddress) const
{
    NS_LOG_FUNCTION(this << node << device << publicAddress);
    NS_ABORT_MSG_IF(device->GetNode() != node, "PeArpResoaHelper: the device is not the node's");
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(!ipv4 || ipv4->GetInterfaceForAddress(publicAddress) < 0,
                    "PeArpResoaHelper::InstallServer: " << publicAddress
                                                        << " is not an address of the node");
    Ptr<PeArpResoaServer> server = m_server.Create<PeArpResoaServer>();
    server->SetAttribute("Lhp", PointerValue(m_lhp.Create<PeArpResoaLhp>()));
    server->Start(device, publicAddress);
    return server;
}

Ptr<PeArpResoaClient>
PeArpResoaHelper::InstallClient(Ptr<Node> node,
                                Ptr<NetDevice> device,
                                Mac48Address serverMac,
                                Mode mode) const
{
    NS_LOG_FUNCTION(this << node << device << serverMac << mode);
    NS_ABORT_MSG_IF(device->GetNode() != node, "PeArpResoaHelper: the device is not the node's");
    NS_ABORT_MSG_IF(node->GetObject<PeArpResoaClient>(),
                    "PeArpResoaHelper::InstallClient: the node has a client already");
    Ptr<PeArpResoaClient> client = CreateObject<PeArpResoaClient>();
    client->SetAttribute("Lhp", PointerValue(m_lhp.Create<PeArpResoaLhp>()));
    if (mode == PURE)
    {
        NS_ABORT_MSG_IF(node->GetObject<Ipv4>() || node->GetObject<TcpSocketFactory>() ||
                            node->GetObject<UdpSocketFactory>(),
                        "PeArpResoaHelper::InstallClient: PURE mode needs a node without IPv4 "
                        "and socket factories (use DUAL)");
        Ptr<PeArpResoaTcpSocketFactory> tcp = CreateObject<PeArpResoaTcpSocketFactory>();
        tcp->SetClient(client);
        Ptr<PeArpResoaUdpSocketFactory> udp = CreateObject<PeArpResoaUdpSocketFactory>();
        udp->SetClient(client);
        node->AggregateObject(tcp);
        node->AggregateObject(udp);
    }
    else
    {
        Ptr<PeArpResoaDualTcpSocketFactory> tcp = CreateObject<PeArpResoaDualTcpSocketFactory>();
        tcp->SetClient(client);
        Ptr<PeArpResoaDualUdpSocketFactory> udp = CreateObject<PeArpResoaDualUdpSocketFactory>();
        udp->SetClient(client);
        node->AggregateObject(tcp);
        node->AggregateObject(udp);
    }
    node->AggregateObject(client);
    client->Start(device, serverMac);
    return client;
}

} // namespace ns3
