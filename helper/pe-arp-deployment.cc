/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-deployment.h"

#include "pe-arp-helper.h"

#include "ns3/csma-helper.h"
#include "ns3/csma-net-device.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4.h"

namespace ns3
{

int64_t
PeArpDeployment::AssignStreamsToAll(int64_t stream)
{
    NodeContainer all = NodeContainer::GetGlobal();
    NodeContainer withIpv4;
    NetDeviceContainer csma;
    for (uint32_t k = 0; k < all.GetN(); k++)
    {
        Ptr<Node> node = all.Get(k);
        if (node->GetObject<Ipv4>())
        {
            withIpv4.Add(node);
        }
        for (uint32_t d = 0; d < node->GetNDevices(); d++)
        {
            if (DynamicCast<CsmaNetDevice>(node->GetDevice(d)))
            {
                csma.Add(node->GetDevice(d));
            }
        }
    }
    int64_t current = stream;
    current += InternetStackHelper().AssignStreams(withIpv4, current);
    current += PeArpHelper::AssignStreams(all, current);
    current += CsmaHelper().AssignStreams(csma, current);
    return current - stream;
}

int64_t
PeArpDeployment::AssignStreamsToNode(Ptr<Node> node, int64_t stream)
{
    NetDeviceContainer csma;
    for (uint32_t d = 0; d < node->GetNDevices(); d++)
    {
        if (DynamicCast<CsmaNetDevice>(node->GetDevice(d)))
        {
            csma.Add(node->GetDevice(d));
        }
    }
    int64_t current = stream;
    if (node->GetObject<Ipv4>())
    {
        current += InternetStackHelper().AssignStreams(NodeContainer(node), current);
    }
    current += PeArpHelper::AssignStreams(NodeContainer(node), current);
    current += CsmaHelper().AssignStreams(csma, current);
    return current - stream;
}

const NodeContainer&
PeArpDeployment::GetHosts() const
{
    return m_hosts;
}

const NodeContainer&
PeArpDeployment::GetEdges() const
{
    return m_edges;
}

const NetDeviceContainer&
PeArpDeployment::GetEdgeDevices() const
{
    return m_edgeDevices;
}

const NetDeviceContainer&
PeArpDeployment::GetHostLanDevices() const
{
    return m_hostLan;
}

const NetDeviceContainer&
PeArpDeployment::GetLinkDevices() const
{
    return m_linkDevices;
}

const ApplicationContainer&
PeArpDeployment::GetSinks() const
{
    return m_sinks;
}

const ApplicationContainer&
PeArpDeployment::GetEchoClients() const
{
    return m_echoClients;
}

Ipv4Address
PeArpDeployment::GetHostAddress(uint32_t host) const
{
    return m_hostIp.at(host);
}

PeArpPortRange
PeArpDeployment::GetHostRange(uint32_t host) const
{
    return m_hostRange.at(host);
}

uint16_t
PeArpDeployment::GetHostServerPort(uint32_t host) const
{
    return m_serverPort.at(host);
}

} // namespace ns3
