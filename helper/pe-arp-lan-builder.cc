/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-lan-builder.h"

#include "pe-arp-stack-helper.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpLanBuilder");

uint32_t
PeArpAddStockInterface(Ptr<NetDevice> device, Ipv4InterfaceAddress address)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    if (interface < 0)
    {
        interface = ipv4->AddInterface(device);
    }
    ipv4->AddAddress(interface, address);
    ipv4->SetUp(interface);
    return static_cast<uint32_t>(interface);
}

PeArpLanBuilder::Links
PeArpLanBuilder::InstallLinks(const CsmaHelper& csma,
                              Ptr<Node> gateway,
                              const NodeContainer& hosts,
                              bool switched)
{
    Links l;
    if (!switched)
    {
        l.links = csma.Install(NodeContainer(NodeContainer(gateway), hosts));
        return l;
    }
    l.bridge = CreateObject<Node>();
    for (uint32_t j = 0; j <= hosts.GetN(); j++)
    {
        NetDeviceContainer pair =
            csma.Install(NodeContainer(j == 0 ? gateway : hosts.Get(j - 1), l.bridge));
        l.links.Add(pair.Get(0));
        l.ports.Add(pair.Get(1));
    }
    return l;
}

PeArpLanBuilder::PeArpLanBuilder(const Lan& lan)
    : m_lan(lan)
{
    m_peArp.SetDeviceAttribute("AnswerEcho", BooleanValue(false));
    if (lan.psidOffset >= 0)
    {
        uint32_t perAddress = (lan.hosts + lan.sharedIps - 1) / lan.sharedIps;
        uint32_t length = 0;
        while ((uint64_t(1) << length) < perAddress)
        {
            length++;
        }
        m_allocator = CreateObject<PeArpPortSetAllocator>();
        m_allocator->SetAttribute("Scheme", EnumValue(PeArpPortSetAllocator::MAP));
        m_allocator->SetAttribute("PsidOffset", UintegerValue(lan.psidOffset));
        m_allocator->SetAttribute("PsidLength", UintegerValue(length));
    }
    if (lan.provisioning == SELF_ASSIGNED)
    {
        // Hosts claim among the sets STATIC would have given them.
        m_candidates = m_allocator;
        if (!m_candidates)
        {
            m_candidates = CreateObject<PeArpPortSetAllocator>();
            m_candidates->SetAttribute("FirstPort", UintegerValue(lan.firstPort));
            m_candidates->SetAttribute("PortsPerHost", UintegerValue(lan.portsPerHost));
        }
    }
    NS_ABORT_MSG_UNLESS(lan.hosts > 0 && lan.sharedIps > 0 && lan.sharedIps <= lan.hosts,
                        "PeArpLanBuilder: sharedIps=" << lan.sharedIps
                                                      << " must be in 1..hosts=" << lan.hosts);
}

Ipv4Address
PeArpLanBuilder::GetGateway() const
{
    return Ipv4Address(m_lan.network.Get() + 1);
}

Ipv4Address
PeArpLanBuilder::GetHostAddress(uint32_t host) const
{
    if (!m_lan.peArp)
    {
        return Ipv4Address(m_lan.network.Get() + 2 + host);
    }
    // Blocks as even as possible: address k holds hosts
    // [ceil(k n / s), ceil((k + 1) n / s)), so every address has a host.
    uint64_t k = uint64_t(host) * m_lan.sharedIps / m_lan.hosts;
    return Ipv4Address(static_cast<uint32_t>(m_lan.network.Get() + 2 + k));
}

std::string
PeArpLanBuilder::Validate() const
{
    if (m_lan.provisioning != STATIC && !m_lan.peArp)
    {
        return "provisioning: DHCP and self-assigned port sets need the PE-ARP resolver";
    }
    if (m_lan.provisioning == DHCP && !m_allocator)
    {
        return "provisioning=dhcp: the DHCP server leases RFC 7597 port sets (option 159); "
               "set psidOffset to 0..15";
    }
    uint32_t perAddress = (m_lan.hosts + m_lan.sharedIps - 1) / m_lan.sharedIps;
    if (m_candidates && !m_allocator)
    {
        std::string why = m_candidates->Validate();
        if (!why.empty())
        {
            return "portsPerHost: " + why;
        }
        if (m_candidates->GetHostsPerAddress() < perAddress)
        {
            return "portsPerHost=" + std::to_string(m_lan.portsPerHost) + ": " +
                   std::to_string(perAddress) + " hosts per address claim among " +
                   std::to_string(m_candidates->GetHostsPerAddress()) +
                   " blocks from firstPort=" + std::to_string(m_lan.firstPort) +
                   ", fewer than the hosts";
        }
    }
    if (!m_allocator)
    {
        return "";
    }
    std::string why = m_allocator->Validate();
    if (!why.empty())
    {
        return "psidOffset: " + why;
    }
    if (m_allocator->GetHostsPerAddress() < perAddress)
    {
        return "psidOffset=" + std::to_string(m_lan.psidOffset) + ": " +
               std::to_string(perAddress) + " hosts per address need " +
               std::to_string(perAddress) + " non-empty MAP port sets, there are " +
               std::to_string(m_allocator->GetHostsPerAddress());
    }
    return "";
}

uint32_t
PeArpLanBuilder::GetSetIndex(uint32_t host) const
{
    uint64_t k = uint64_t(host) * m_lan.sharedIps / m_lan.hosts;
    uint64_t first = (k * m_lan.hosts + m_lan.sharedIps - 1) / m_lan.sharedIps;
    return static_cast<uint32_t>(host - first);
}

PeArpPortSet
PeArpLanBuilder::GetHostPorts(uint32_t host) const
{
    if (m_allocator)
    {
        return m_allocator->GetHostSet(GetSetIndex(host));
    }
    return PeArpPortSet(GetHostRange(host));
}

PeArpPortRange
PeArpLanBuilder::GetHostRange(uint32_t host) const
{
    if (!m_lan.peArp)
    {
        return PeArpPortRange::All();
    }
    if (m_allocator)
    {
        return m_allocator->GetHostSet(GetSetIndex(host)).GetRanges().front();
    }
    return PeArpPortRange(GetServerPort(host),
                          static_cast<uint16_t>(GetServerPort(host) + m_lan.portsPerHost - 1));
}

uint16_t
PeArpLanBuilder::GetServerPort(uint32_t host) const
{
    if (m_allocator)
    {
        return m_allocator->GetHostSet(GetSetIndex(host)).GetRanges().front().GetLow();
    }
    return static_cast<uint16_t>(m_lan.firstPort + GetSetIndex(host) * m_lan.portsPerHost);
}

void
PeArpLanBuilder::InstallStacks(const NodeContainer& hosts) const
{
    if (m_lan.peArp)
    {
        PeArpStackHelper().Install(hosts);
    }
    else
    {
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        stack.Install(hosts);
    }
}

Ptr<NetDevice>
PeArpLanBuilder::InstallGateway(Ptr<NetDevice> link)
{
    NS_LOG_FUNCTION(this << link);
    Ipv4InterfaceAddress address(GetGateway(), m_lan.mask);
    if (!m_lan.peArp)
    {
        PeArpAddStockInterface(link, address);
        return link;
    }
    PeArpHelper peArp;
    peArp.SetDeviceAttribute("AnswerEcho", BooleanValue(m_lan.answerEcho));
    Ptr<PeArpNetDevice> device = peArp.Install(link);
    m_peArp.Assign(device, address);
    std::vector<Ipv4Address> shared;
    for (uint32_t k = 0; k < m_lan.sharedIps; k++)
    {
        shared.emplace_back(m_lan.network.Get() + 2 + k);
        device->AddSharedAddress(shared.back());
    }
    if (m_lan.provisioning == DHCP)
    {
        UintegerValue length;
        m_allocator->GetAttribute("PsidLength", length);
        m_dhcpServer = CreateObject<PeArpDhcpServer>();
        m_dhcpServer->SetAttribute("ServerIdentifier", Ipv4AddressValue(GetGateway()));
        m_dhcpServer->SetPool(shared,
                              m_lan.mask,
                              GetGateway(),
                              static_cast<uint8_t>(m_lan.psidOffset),
                              static_cast<uint8_t>(length.Get()));
        m_dhcpServer->SetStartTime(Seconds(0));
        link->GetNode()->AddApplication(m_dhcpServer);
    }
    return device;
}

Ptr<PeArpDhcpServer>
PeArpLanBuilder::GetDhcpServer() const
{
    return m_dhcpServer;
}

PeArpLanBuilder::Host
PeArpLanBuilder::InstallHost(uint32_t host, Ptr<NetDevice> link)
{
    NS_LOG_FUNCTION(this << host << link);
    Host h;
    Time start = m_lan.provisioningStart + MicroSeconds(100) * host;
    if (m_lan.peArp && m_lan.provisioning == DHCP)
    {
        // The client configures address, port set and default route.
        Ptr<PeArpNetDevice> device = m_peArp.Install(link);
        h.device = device;
        h.dhcpClient = CreateObject<PeArpDhcpClient>();
        h.dhcpClient->SetDevice(device);
        h.dhcpClient->SetStartTime(start);
        link->GetNode()->AddApplication(h.dhcpClient);
        return h;
    }
    h.address = GetHostAddress(host);
    h.range = GetHostRange(host);
    uint32_t interface;
    if (m_lan.peArp && m_lan.provisioning == SELF_ASSIGNED)
    {
        Ptr<PeArpNetDevice> device = m_peArp.Install(link);
        h.device = device;
        h.range = PeArpPortRange();
        interface = m_peArp.AssignForClaim(device, Ipv4InterfaceAddress(h.address, m_lan.mask));
        h.detector = CreateObject<PeArpConflictDetector>();
        h.detector->Start(device, h.address, m_candidates, start);
    }
    else if (m_lan.peArp)
    {
        h.device = m_peArp.Install(link);
        h.ports = GetHostPorts(host);
        interface = m_peArp.Assign(h.device, Ipv4InterfaceAddress(h.address, m_lan.mask), h.ports);
    }
    else
    {
        h.device = link;
        interface = PeArpAddStockInterface(link, Ipv4InterfaceAddress(h.address, m_lan.mask));
    }
    Ipv4StaticRoutingHelper()
        .GetStaticRouting(link->GetNode()->GetObject<Ipv4>())
        ->SetDefaultRoute(GetGateway(), interface);
    return h;
}

} // namespace ns3
