/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-helper.h"

#include "ns3/abort.h"
#include "ns3/global-router-interface.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-interface.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-agent.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpHelper");

PeArpHelper::PeArpHelper()
{
    m_deviceFactory.SetTypeId(PeArpNetDevice::GetTypeId());
}

void
PeArpHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

Ptr<PeArpNetDevice>
PeArpHelper::Install(Ptr<NetDevice> lower) const
{
    NS_LOG_FUNCTION(this << lower);
    Ptr<Node> node = lower->GetNode();
    NS_ABORT_MSG_UNLESS(node, "PeArpHelper::Install: the link device is not on a node");
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_IF(ipv4 && ipv4->GetInterfaceForDevice(lower) >= 0,
                    "PeArpHelper::Install: the link device of node "
                        << node->GetId() << " already carries IPv4; install PE-ARP first and "
                        << "give the address to the PE-ARP interface");
    if (!node->GetObject<PeArpL3Protocol>())
    {
        node->AggregateObject(CreateObject<PeArpL3Protocol>());
    }
    Ptr<PeArpNetDevice> device = m_deviceFactory.Create<PeArpNetDevice>();
    node->AddDevice(device);
    device->SetLowerDevice(lower);
    return device;
}

NetDeviceContainer
PeArpHelper::Install(const NetDeviceContainer& lower) const
{
    NetDeviceContainer devices;
    for (auto it = lower.Begin(); it != lower.End(); ++it)
    {
        devices.Add(Install(*it));
    }
    return devices;
}

std::optional<std::string>
PeArpHelper::CheckAssignment(Ptr<NetDevice> device,
                             Ipv4InterfaceAddress address,
                             PeArpPortRange range) const
{
    if (!range.IsValid())
    {
        return "invalid port range " + range.ToString() + " for " + ToString(address.GetLocal()) +
               " (low > high)";
    }
    if (range.IsAll())
    {
        return CheckPorts(device, address, nullptr);
    }
    PeArpPortSet ports(range);
    return CheckPorts(device, address, &ports);
}

std::optional<std::string>
PeArpHelper::CheckAssignment(Ptr<NetDevice> device,
                             Ipv4InterfaceAddress address,
                             const PeArpPortSet& ports) const
{
    if (ports.IsEmpty())
    {
        return "empty port set for " + ToString(address.GetLocal());
    }
    return CheckPorts(device, address, &ports);
}

std::string
PeArpHelper::ToString(Ipv4Address address)
{
    std::ostringstream oss;
    oss << address;
    return oss.str();
}

std::optional<std::string>
PeArpHelper::CheckPorts(Ptr<NetDevice> device,
                        Ipv4InterfaceAddress address,
                        const PeArpPortSet* ports) const
{
    Ptr<PeArpNetDevice> peArp = DynamicCast<PeArpNetDevice>(device);
    if (!peArp)
    {
        return "device is not a PeArpNetDevice (use PeArpHelper::Install)";
    }
    Ptr<Node> node = peArp->GetNode();
    auto mine = [ports]() { return ports ? ports->ToString() : std::string("all ports"); };
    std::ostringstream reason;
    if (!node->GetObject<Ipv4>())
    {
        reason << "node " << node->GetId() << " has no IPv4 stack";
    }
    else if (ports && node->GetObject<GlobalRouter>())
    {
        reason << "node " << node->GetId() << " is given ports " << mine() << " of "
               << address.GetLocal()
               << " but has a GlobalRouter: global routing assumes one node per address "
               << "(give the hosts that share an address static routes)";
    }
    else if (ports && !node->GetObject<PeArpPortAgent>())
    {
        reason << "node " << node->GetId() << " is given ports " << mine() << " of "
               << address.GetLocal()
               << " but has no PE-ARP host stack (install it with PeArpStackHelper)";
    }
    else
    {
        std::optional<PeArpLanAssignment> other =
            ports ? FindOverlap(device, address.GetLocal(), *ports)
                  : FindOverlap(device, address.GetLocal(), PeArpPortRange::All());
        if (!other)
        {
            return std::nullopt;
        }
        reason << "ports " << mine() << " of " << address.GetLocal() << " for node "
               << node->GetId() << " device " << peArp->GetIfIndex() << " overlap "
               << other->ToString() << ", already assigned on the same LAN";
    }
    return reason.str();
}

Ptr<PeArpLanRegistry>
PeArpHelper::GetLanRegistry(Ptr<NetDevice> device)
{
    Ptr<PeArpNetDevice> peArp = DynamicCast<PeArpNetDevice>(device);
    Ptr<NetDevice> link = peArp && peArp->GetLowerDevice() ? peArp->GetLowerDevice() : device;
    return PeArpLanRegistry::Find(link);
}

std::optional<PeArpLanAssignment>
PeArpHelper::FindOverlap(Ptr<NetDevice> device, Ipv4Address address, PeArpPortRange range)
{
    NS_ABORT_MSG_UNLESS(range.IsValid(),
                        "PeArpHelper::FindOverlap: invalid range " << range << " (low > high)");
    return GetLanRegistry(device)->FindOverlap(address, range);
}

std::optional<PeArpLanAssignment>
PeArpHelper::FindOverlap(Ptr<NetDevice> device, Ipv4Address address, const PeArpPortSet& ports)
{
    Ptr<PeArpLanRegistry> registry = GetLanRegistry(device);
    for (const PeArpPortRange& range : ports.GetRanges())
    {
        std::optional<PeArpLanAssignment> other = registry->FindOverlap(address, range);
        if (other)
        {
            return other;
        }
    }
    return std::nullopt;
}

uint32_t
PeArpHelper::Assign(Ptr<NetDevice> device, Ipv4InterfaceAddress address, PeArpPortRange range)
{
    NS_LOG_FUNCTION(this << device << address << range);
    std::optional<std::string> refusal = CheckAssignment(device, address, range);
    NS_ABORT_MSG_IF(refusal, "PeArpHelper::Assign: " << *refusal);
    if (range.IsAll())
    {
        return DoAssign(device, address, nullptr);
    }
    PeArpPortSet ports(range);
    return DoAssign(device, address, &ports);
}

uint32_t
PeArpHelper::Assign(Ptr<NetDevice> device, Ipv4InterfaceAddress address, const PeArpPortSet& ports)
{
    NS_LOG_FUNCTION(this << device << address << ports);
    std::optional<std::string> refusal = CheckAssignment(device, address, ports);
    NS_ABORT_MSG_IF(refusal, "PeArpHelper::Assign: " << *refusal);
    return DoAssign(device, address, &ports);
}

uint32_t
PeArpHelper::AssignForClaim(Ptr<NetDevice> device, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << device << address);
    Ptr<PeArpNetDevice> peArp = DynamicCast<PeArpNetDevice>(device);
    NS_ABORT_MSG_UNLESS(peArp, "PeArpHelper::AssignForClaim: not a PeArpNetDevice");
    Ptr<PeArpPortAgent> agent = device->GetNode()->GetObject<PeArpPortAgent>();
    NS_ABORT_MSG_UNLESS(agent,
                        "PeArpHelper::AssignForClaim: node "
                            << device->GetNode()->GetId()
                            << " has no PE-ARP host stack (install it with PeArpStackHelper)");
    NS_ABORT_MSG_IF(device->GetNode()->GetObject<GlobalRouter>(),
                    "PeArpHelper::AssignForClaim: node "
                        << device->GetNode()->GetId() << " shares " << address.GetLocal()
                        << " but has a GlobalRouter: global routing assumes one node per address "
                        << "(give the hosts that share an address static routes)");
    agent->SetTentative(address.GetLocal());
    // Not recorded in m_assigned: the ranges are claimed at run time.
    return AddAddress(device, address);
}

uint32_t
PeArpHelper::AddAddress(Ptr<NetDevice> device, Ipv4InterfaceAddress address)
{
    Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    if (interface < 0)
    {
        interface = ipv4->AddInterface(device);
    }
    ipv4->AddAddress(interface, address);
    ipv4->SetMetric(interface, 1);
    ipv4->SetUp(interface);
    return static_cast<uint32_t>(interface);
}

uint32_t
PeArpHelper::DoAssign(Ptr<NetDevice> device,
                      Ipv4InterfaceAddress address,
                      const PeArpPortSet* ports)
{
    Ptr<Node> node = device->GetNode();
    uint32_t interface = AddAddress(device, address);
    Ptr<PeArpLanRegistry> registry = GetLanRegistry(device);
    PeArpLanAssignment assigned;
    assigned.address = address.GetLocal();
    assigned.node = node->GetId();
    assigned.device = device->GetIfIndex();
    if (ports)
    {
        node->GetObject<PeArpPortAgent>()->SetPortSet(address.GetLocal(), *ports);
        for (const PeArpPortRange& range : ports->GetRanges())
        {
            assigned.range = range;
            registry->Add(assigned);
        }
    }
    else
    {
        assigned.range = PeArpPortRange::All();
        registry->Add(assigned);
    }
    return interface;
}

bool
PeArpHelper::AddStaticEntry(Ptr<NetDevice> device,
                            Ipv4Address address,
                            PeArpPortRange range,
                            Mac48Address mac)
{
    auto interface = dynamic_cast<PeArpInterface*>(PeekPointer(device));
    NS_ABORT_MSG_UNLESS(interface, "PeArpHelper::AddStaticEntry: not a PE-ARP device");
    return interface->GetCache()->AddPermanent(address, range, mac) != nullptr;
}

void
PeArpHelper::PrintTable(Ptr<NetDevice> device, std::ostream& os)
{
    auto interface = dynamic_cast<PeArpInterface*>(PeekPointer(device));
    NS_ABORT_MSG_UNLESS(interface, "PeArpHelper::PrintTable: not a PE-ARP device");
    interface->GetCache()->Print(os);
}

int64_t
PeArpHelper::AssignStreams(NodeContainer nodes, int64_t stream)
{
    int64_t current = stream;
    for (auto it = nodes.Begin(); it != nodes.End(); ++it)
    {
        Ptr<PeArpL3Protocol> protocol = (*it)->GetObject<PeArpL3Protocol>();
        if (protocol)
        {
            current += protocol->AssignStreams(current);
        }
    }
    return current - stream;
}

} // namespace ns3
