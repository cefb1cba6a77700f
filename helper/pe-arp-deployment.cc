/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-deployment.h"

namespace ns3
{

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
