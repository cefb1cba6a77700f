/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-flow-switch-helper.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-flow-switch-net-device.h"
#include "ns3/pe-arp-port-isolation-controller.h"
#include "ns3/simulator.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpFlowSwitchHelper");

namespace
{

/**
 * Put an address on a device of a node's IPv4.
 * \param node the node (aborts if it has no IPv4)
 * \param device the device
 * \param address the address
 * \param mask its mask
 * \param what who the node is, for the message
 */
void
AddAddress(Ptr<Node> node,
           Ptr<NetDevice> device,
           Ipv4Address address,
           Ipv4Mask mask,
           const std::string& what)
{
    Ptr<Ipv4> ipv4 = node->GetObject<Ipv4>();
    NS_ABORT_MSG_UNLESS(ipv4,
                        "PeArpFlowSwitchHelper: the " << what << " (node " << node->GetId()
                                                      << ") has no IPv4 stack (install one "
                                                         "first, e.g. InternetStackHelper)");
    int32_t existing = ipv4->GetInterfaceForDevice(device);
    uint32_t i = existing >= 0 ? static_cast<uint32_t>(existing) : ipv4->AddInterface(device);
    ipv4->AddAddress(i, Ipv4InterfaceAddress(address, mask));
    ipv4->SetUp(i);
}

} // namespace

PeArpFlowSwitchHelper::PeArpFlowSwitchHelper()
{
    m_deviceFactory.SetTypeId("ns3::PeArpFlowSwitchNetDevice");
    m_controllerFactory.SetTypeId("ns3::PeArpPortIsolationController");
}

void
PeArpFlowSwitchHelper::SetDeviceAttribute(const std::string& name, const AttributeValue& value)
{
    m_deviceFactory.Set(name, value);
}

void
PeArpFlowSwitchHelper::SetControllerAttribute(const std::string& name, const AttributeValue& value)
{
    m_controllerFactory.Set(name, value);
}

Ptr<PeArpFlowSwitchNetDevice>
PeArpFlowSwitchHelper::Install(Ptr<Node> node, const NetDeviceContainer& ports) const
{
    NS_LOG_FUNCTION(this << node);
    Ptr<PeArpFlowSwitchNetDevice> sw = m_deviceFactory.Create<PeArpFlowSwitchNetDevice>();
    node->AddDevice(sw);
    for (uint32_t i = 0; i < ports.GetN(); ++i)
    {
        sw->AddSwitchPort(ports.Get(i));
    }
    return sw;
}

PeArpPortIsolation
PeArpFlowSwitchHelper::InstallPortIsolation(Ptr<Node> host,
                                            const NetDeviceContainer& ports,
                                            Ipv4Address shared,
                                            Ipv4Mask mask) const
{
    NS_LOG_FUNCTION(this << host << shared);
    NS_ABORT_MSG_IF(ports.GetN() == 0,
                    "PeArpFlowSwitchHelper::InstallPortIsolation: no ports (the first is the "
                    "uplink)");
    PeArpPortIsolation built;
    built.device = Install(host, ports);
    AddAddress(host, built.device, shared, mask, "host");
    built.controller = m_controllerFactory.Create<PeArpPortIsolationController>();
    built.controller->Install(built.device, 0, shared);
    return built;
}

void
PeArpFlowSwitchHelper::AddGuest(const PeArpPortIsolation& host,
                                Ptr<NetDevice> guestDevice,
                                uint32_t port,
                                PeArpPortRange range,
                                Time start) const
{
    NS_LOG_FUNCTION(this << guestDevice << port << range << start);
    NS_ABORT_MSG_UNLESS(host.device && host.controller,
                        "PeArpFlowSwitchHelper::AddGuest: call InstallPortIsolation first");
    EnumValue mode;
    host.controller->GetAttribute("Mode", mode);
    std::optional<Mac48Address> mac;
    if (mode.Get() == PeArpPortIsolationController::OVS)
    {
        guestDevice->SetAddress(host.device->GetAddress()); // "the same IP and MAC addresses"
    }
    else
    {
        mac = Mac48Address::ConvertFrom(guestDevice->GetAddress()); // its own, translated to
    }
    Ptr<Ipv4> hostIpv4 = host.device->GetNode()->GetObject<Ipv4>();
    Ipv4InterfaceAddress shared =
        hostIpv4->GetAddress(static_cast<uint32_t>(hostIpv4->GetInterfaceForDevice(host.device)),
                             0);
    AddAddress(guestDevice->GetNode(), guestDevice, shared.GetLocal(), shared.GetMask(), "guest");
    Ptr<PeArpPortIsolationController> controller = host.controller;
    Simulator::Schedule(start, [controller, port, range, mac]() {
        controller->AddGuest(port, range, mac);
    });
}

} // namespace ns3
