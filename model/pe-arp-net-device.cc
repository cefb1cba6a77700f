/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-net-device.h"

#include "pe-arp-cache.h"
#include "pe-arp-l3-protocol.h"
#include "pe-arp-port-agent.h"

#include "ns3/channel.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/socket.h"
#include "ns3/string.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PeArpNetDevice);

TypeId
PeArpNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpNetDevice>()
            .AddAttribute("InterfaceName",
                          "Name of the interface in printed tables; empty: \"eth<n>\" with n "
                          "the index of the link-layer device on the node.",
                          StringValue(""),
                          MakeStringAccessor(&PeArpNetDevice::m_name),
                          MakeStringChecker())
            .AddTraceSource("WrongHostDrop",
                            "An IPv4 packet for a port of a shared address that this host "
                            "does not own was received and dropped.",
                            MakeTraceSourceAccessor(&PeArpNetDevice::m_wrongHostTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

PeArpNetDevice::PeArpNetDevice()
    : m_interface(-1),
      m_ifIndex(0),
      m_wrongHostPackets(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpNetDevice::~PeArpNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_node = nullptr;
    m_lower = nullptr;
    m_cache = nullptr;
    m_protocol = nullptr;
    m_ipv4 = nullptr;
    m_rxCallback =
        MakeNullCallback<bool, Ptr<NetDevice>, Ptr<const Packet>, uint16_t, const Address&>();
    m_promiscRxCallback = MakeNullCallback<bool,
                                           Ptr<NetDevice>,
                                           Ptr<const Packet>,
                                           uint16_t,
                                           const Address&,
                                           const Address&,
                                           NetDevice::PacketType>();
    NetDevice::DoDispose();
}

void
PeArpNetDevice::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    NetDevice::DoInitialize();
}

void
PeArpNetDevice::SetLowerDevice(Ptr<NetDevice> lower)
{
    NS_LOG_FUNCTION(this << lower);
    NS_ABORT_MSG_UNLESS(m_node, "PeArpNetDevice::SetLowerDevice: add the device to a node first");
    NS_ABORT_MSG_UNLESS(lower->GetNode() == m_node,
                        "PeArpNetDevice::SetLowerDevice: the link device is on another node");
    NS_ABORT_MSG_UNLESS(Mac48Address::IsMatchingType(lower->GetAddress()),
                        "PeArpNetDevice::SetLowerDevice: the link device has no 48-bit MAC");
    NS_ABORT_MSG_UNLESS(lower->IsBroadcast(),
                        "PeArpNetDevice::SetLowerDevice: the link device cannot broadcast");
    NS_ABORT_MSG_IF(m_lower, "PeArpNetDevice::SetLowerDevice: already stacked on a device");
    m_protocol = m_node->GetObject<PeArpL3Protocol>();
    NS_ABORT_MSG_UNLESS(m_protocol,
                        "PeArpNetDevice::SetLowerDevice: no PeArpL3Protocol on node "
                            << m_node->GetId() << " (use PeArpHelper)");
    m_lower = lower;
    if (m_name.empty())
    {
        std::ostringstream name;
        name << "eth" << lower->GetIfIndex();
        m_name = name.str();
    }
    m_cache = m_protocol->CreateCache(this, m_name);
    m_node->RegisterProtocolHandler(MakeCallback(&PeArpNetDevice::ReceiveFromLower, this),
                                    0,
                                    lower,
                                    false);
}

Ptr<NetDevice>
PeArpNetDevice::GetLowerDevice() const
{
    return m_lower;
}

Ptr<PeArpCache>
PeArpNetDevice::GetCache() const
{
    return m_cache;
}

Mac48Address
PeArpNetDevice::GetMac48() const
{
    return Mac48Address::ConvertFrom(m_lower->GetAddress());
}

uint64_t
PeArpNetDevice::GetWrongHostPackets() const
{
    return m_wrongHostPackets;
}

int32_t
PeArpNetDevice::GetInterface() const
{
    if (m_interface < 0 && m_node)
    {
        if (!m_ipv4)
        {
            m_ipv4 = m_node->GetObject<Ipv4>();
        }
        if (m_ipv4)
        {
            m_interface = m_ipv4->GetInterfaceForDevice(this);
        }
    }
    return m_interface;
}

Ptr<PeArpPortAgent>
PeArpNetDevice::GetAgent() const
{
    return m_node ? m_node->GetObject<PeArpPortAgent>() : nullptr;
}

bool
PeArpNetDevice::GetLocalRange(Ipv4Address address, PeArpPortRange& range) const
{
    int32_t interface = GetInterface();
    if (interface < 0)
    {
        return false;
    }
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); j++)
    {
        if (m_ipv4->GetAddress(interface, j).GetLocal() == address)
        {
            Ptr<PeArpPortAgent> agent = GetAgent();
            range = agent ? agent->GetRange(address) : PeArpPortRange::All();
            return true;
        }
    }
    return false;
}

bool
PeArpNetDevice::SelectSourceAddress(Ipv4Address target, Ipv4Address& source) const
{
    int32_t interface = GetInterface();
    if (interface < 0 || m_ipv4->GetNAddresses(interface) == 0)
    {
        return false;
    }
    source = m_ipv4->GetAddress(interface, 0).GetLocal();
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); j++)
    {
        Ipv4InterfaceAddress address = m_ipv4->GetAddress(interface, j);
        if (address.GetLocal().CombineMask(address.GetMask()) ==
            target.CombineMask(address.GetMask()))
        {
            source = address.GetLocal();
            break;
        }
    }
    return true;
}

PeArpIpv4Summary
PeArpNetDevice::Summarize(Ptr<const Packet> packet)
{
    PeArpIpv4Summary summary;
    uint8_t bytes[64];
    uint32_t n = packet->CopyData(bytes, sizeof(bytes));
    if (n < 20 || (bytes[0] >> 4) != 4)
    {
        return summary;
    }
    uint32_t headerLength = (bytes[0] & 0x0f) * 4u;
    if (headerLength < 20 || headerLength > n)
    {
        return summary;
    }
    summary.valid = true;
    summary.protocol = bytes[9];
    summary.source.Set((uint32_t(bytes[12]) << 24) | (uint32_t(bytes[13]) << 16) |
                       (uint32_t(bytes[14]) << 8) | bytes[15]);
    summary.destination.Set((uint32_t(bytes[16]) << 24) | (uint32_t(bytes[17]) << 16) |
                            (uint32_t(bytes[18]) << 8) | bytes[19]);
    uint16_t fragmentOffset = ((bytes[6] & 0x1f) << 8) | bytes[7];
    if ((summary.protocol == 6 || summary.protocol == 17) && fragmentOffset == 0 &&
        n >= headerLength + 4)
    {
        summary.hasPorts = true;
        summary.sourcePort = (bytes[headerLength] << 8) | bytes[headerLength + 1];
        summary.destinationPort = (bytes[headerLength + 2] << 8) | bytes[headerLength + 3];
    }
    return summary;
}

bool
PeArpNetDevice::IsForThisHost(Ptr<const Packet> packet) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    if (!agent)
    {
        return true; // this node shares no address
    }
    PeArpIpv4Summary summary = Summarize(packet);
    PeArpPortRange range;
    if (!summary.valid || !summary.hasPorts || !GetLocalRange(summary.destination, range))
    {
        return true;
    }
    return range.Contains(summary.destinationPort);
}

bool
PeArpNetDevice::GetNextHop(Ptr<Packet> packet,
                           const PeArpIpv4Summary& summary,
                           Ipv4Address& nextHop) const
{
    int32_t interface = GetInterface();
    if (interface < 0)
    {
        return false;
    }
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); j++)
    {
        Ipv4InterfaceAddress address = m_ipv4->GetAddress(interface, j);
        if (address.GetLocal().CombineMask(address.GetMask()) ==
            summary.destination.CombineMask(address.GetMask()))
        {
            nextHop = summary.destination; // on-link
            return true;
        }
    }
    // Off-link: ask the routing protocol for the gateway, as IPv4 did.
    Ptr<Ipv4RoutingProtocol> routing = m_ipv4->GetRoutingProtocol();
    if (!routing)
    {
        return false;
    }
    Ipv4Header header;
    packet->PeekHeader(header);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route =
        routing->RouteOutput(nullptr, header, const_cast<PeArpNetDevice*>(this), error);
    if (!route)
    {
        return false;
    }
    nextHop =
        route->GetGateway() == Ipv4Address::GetAny() ? summary.destination : route->GetGateway();
    return true;
}

void
PeArpNetDevice::SendArpFrame(Ptr<Packet> frame, const Address& to)
{
    NS_LOG_FUNCTION(this << frame << to);
    m_lower->Send(frame, to, PeArpL3Protocol::PROT_NUMBER);
}

bool
PeArpNetDevice::SendResolved(Ptr<Packet> packet, const Address& to)
{
    NS_LOG_FUNCTION(this << packet << to);
    return m_lower->Send(packet, to, Ipv4L3Protocol::PROT_NUMBER);
}

bool
PeArpNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << dest << protocolNumber);
    if (protocolNumber != Ipv4L3Protocol::PROT_NUMBER)
    {
        return m_lower->Send(packet, dest, protocolNumber);
    }
    PeArpIpv4Summary summary = Summarize(packet);
    if (!summary.valid)
    {
        NS_LOG_LOGIC("not an IPv4 packet -- sent to " << dest);
        return m_lower->Send(packet, dest, protocolNumber);
    }
    Ipv4Address destination = summary.destination;
    if (destination.IsBroadcast())
    {
        return SendResolved(packet, GetBroadcast());
    }
    if (destination.IsMulticast())
    {
        return SendResolved(packet, GetMulticast(destination));
    }
    int32_t interface = GetInterface();
    for (uint32_t j = 0; interface >= 0 && j < m_ipv4->GetNAddresses(interface); j++)
    {
        if (destination.IsSubnetDirectedBroadcast(m_ipv4->GetAddress(interface, j).GetMask()))
        {
            return SendResolved(packet, GetBroadcast());
        }
    }
    Ipv4Address nextHop;
    if (!GetNextHop(packet, summary, nextHop))
    {
        NS_LOG_LOGIC("no next hop for " << destination << " -- drop");
        m_protocol->NotifyDrop(packet, PeArpL3Protocol::NO_ROUTE);
        return false;
    }
    uint16_t port = summary.hasPorts ? summary.destinationPort : 0;
    Address hardwareDestination;
    if (m_protocol->Lookup(this, packet, nextHop, port, &hardwareDestination))
    {
        return SendResolved(packet, hardwareDestination);
    }
    return true; // queued (or dropped and counted) by PE-ARP
}

bool
PeArpNetDevice::SendFrom(Ptr<Packet> packet,
                         const Address& source,
                         const Address& dest,
                         uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    return false; // see SupportsSendFrom
}

void
PeArpNetDevice::ReceiveFromLower(Ptr<NetDevice> device,
                                 Ptr<const Packet> packet,
                                 uint16_t protocol,
                                 const Address& from,
                                 const Address& to,
                                 NetDevice::PacketType packetType)
{
    NS_LOG_FUNCTION(this << device << packet << protocol << from << to << packetType);
    if (protocol == PeArpL3Protocol::PROT_NUMBER)
    {
        m_protocol->Receive(this, packet, from);
        return;
    }
    if (protocol == Ipv4L3Protocol::PROT_NUMBER && !IsForThisHost(packet))
    {
        NS_LOG_LOGIC("IPv4 packet for a port this host does not own -- drop");
        m_wrongHostPackets++;
        m_wrongHostTrace(packet);
        m_protocol->NotifyDrop(packet, PeArpL3Protocol::WRONG_HOST);
        return;
    }
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, from, to, packetType);
    }
    if (!m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, from);
    }
}

void
PeArpNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
PeArpNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
PeArpNetDevice::GetChannel() const
{
    return m_lower ? m_lower->GetChannel() : nullptr;
}

void
PeArpNetDevice::SetAddress(Address address)
{
    m_lower->SetAddress(address);
}

Address
PeArpNetDevice::GetAddress() const
{
    return m_lower ? m_lower->GetAddress() : Address(Mac48Address());
}

bool
PeArpNetDevice::SetMtu(const uint16_t mtu)
{
    return m_lower->SetMtu(mtu);
}

uint16_t
PeArpNetDevice::GetMtu() const
{
    return m_lower ? m_lower->GetMtu() : 1500;
}

bool
PeArpNetDevice::IsLinkUp() const
{
    return m_lower && m_lower->IsLinkUp();
}

void
PeArpNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
    m_lower->AddLinkChangeCallback(callback);
}

bool
PeArpNetDevice::IsBroadcast() const
{
    return true;
}

Address
PeArpNetDevice::GetBroadcast() const
{
    return m_lower ? m_lower->GetBroadcast() : Address(Mac48Address::GetBroadcast());
}

bool
PeArpNetDevice::IsMulticast() const
{
    return m_lower && m_lower->IsMulticast();
}

Address
PeArpNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return m_lower->GetMulticast(multicastGroup);
}

Address
PeArpNetDevice::GetMulticast(Ipv6Address addr) const
{
    return m_lower->GetMulticast(addr);
}

bool
PeArpNetDevice::IsPointToPoint() const
{
    return false;
}

bool
PeArpNetDevice::IsBridge() const
{
    return false;
}

Ptr<Node>
PeArpNetDevice::GetNode() const
{
    return m_node;
}

void
PeArpNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
PeArpNetDevice::NeedsArp() const
{
    return false; // resolution is done here, by PE-ARP
}

void
PeArpNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
PeArpNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
PeArpNetDevice::SupportsSendFrom() const
{
    return false;
}

} // namespace ns3
