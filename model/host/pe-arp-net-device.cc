/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-net-device.h"

#include "pe-arp-port-agent.h"

#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-route.h"
#include "ns3/ipv4-routing-protocol.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-channel.h"
#include "ns3/pe-arp-echo-responder.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-port-set.h"
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
            .AddAttribute(
                "AnswerEcho",
                "Answer ICMP echo requests for shared addresses on behalf of their "
                "hosts (on a router); otherwise they follow PeArpL3Protocol's "
                "DefaultPort policy.",
                BooleanValue(false),
                MakeBooleanAccessor(&PeArpNetDevice::SetAnswerEcho, &PeArpNetDevice::GetAnswerEcho),
                MakeBooleanChecker())
            .AddAttribute("ProxyArp",
                          "Answer requests for addresses this node routes through another "
                          "interface with this interface's MAC (proxy ARP, on a router: "
                          "hosts that take off-link addresses for on-link ones still reach "
                          "them).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PeArpNetDevice::m_proxyArp),
                          MakeBooleanChecker())
            .AddTraceSource("WrongHostDrop",
                            "An IPv4 packet for a port of a shared address that this host "
                            "does not own was received and dropped.",
                            MakeTraceSourceAccessor(&PeArpNetDevice::m_wrongHostTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

PeArpNetDevice::PeArpNetDevice()
    : m_interface(-1),
      m_agentKnown(false),
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
    m_channel = nullptr;
    m_cache = nullptr;
    m_protocol = nullptr;
    m_ipv4 = nullptr;
    m_ipv4Interface = nullptr;
    m_agent = nullptr;
    m_echoResponder = nullptr;
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
    NS_ABORT_MSG_UNLESS(lower->GetBroadcast() == Address(Mac48Address::GetBroadcast()),
                        "PeArpNetDevice::SetLowerDevice: the link device's broadcast address is "
                        "not ff:ff:ff:ff:ff:ff");
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
    m_cache = m_protocol->CreateCache(this, this, m_name);
    // Callbacks made from lambdas: ns-3 3.37's MakeCallback(&Class::Method,
    // object) also allocates the components that make it comparable, 81
    // bytes more per callback and host. These two are never compared (never
    // unregistered: the node and the link device go with this device).
    Node::ProtocolHandler receive = [this](Ptr<NetDevice> device,
                                           Ptr<const Packet> packet,
                                           uint16_t protocol,
                                           const Address& from,
                                           const Address& to,
                                           NetDevice::PacketType packetType) {
        ReceiveFromLower(device, packet, protocol, from, to, packetType);
    };
    m_node->RegisterProtocolHandler(receive, 0, lower, false);
    lower->AddLinkChangeCallback(Callback<void>([this]() { LowerLinkChanged(); }));
}

bool
PeArpNetDevice::IsProxyFor(Ipv4Address target) const
{
    if (!m_proxyArp || target == Ipv4Address::GetAny() || target.IsBroadcast() ||
        target.IsMulticast())
    {
        return false;
    }
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    if (!ipv4 || !ipv4->GetRoutingProtocol())
    {
        return false;
    }
    Ipv4Header header;
    header.SetDestination(target);
    Socket::SocketErrno error;
    Ptr<Ipv4Route> route = ipv4->GetRoutingProtocol()->RouteOutput(nullptr, header, nullptr, error);
    return route && route->GetOutputDevice() != this && route->GetOutputDevice() != m_lower &&
           route->GetOutputDevice()->GetNode() == m_node;
}

void
PeArpNetDevice::LowerLinkChanged()
{
    NS_LOG_FUNCTION(this);
    // As ns3::ArpL3Protocol: what was learned on a link may be wrong after a
    // link change.
    if (m_cache)
    {
        m_cache->Flush();
    }
    if (m_lower && m_lower->IsLinkUp())
    {
        Announce();
    }
}

uint32_t
PeArpNetDevice::Announce()
{
    NS_LOG_FUNCTION(this);
    if (GetInterface() < 0)
    {
        return 0;
    }
    Ptr<PeArpPortAgent> agent = GetAgent();
    uint32_t sent = 0;
    for (uint32_t i = 0; i < m_ipv4Interface->GetNAddresses(); i++)
    {
        Ipv4Address address = m_ipv4Interface->GetAddress(i).GetLocal();
        if (address == Ipv4Address::GetAny() || (agent && agent->IsTentative(address)))
        {
            continue; // not configured, or still being claimed
        }
        std::vector<PeArpPortRange> ranges;
        std::optional<PeArpPortSet> set = agent ? agent->GetPortSet(address) : std::nullopt;
        if (set && !set->IsEmpty())
        {
            ranges = set->GetRanges();
        }
        else
        {
            ranges.push_back(GetAnnouncedRange(address));
        }
        for (const PeArpPortRange& range : ranges)
        {
            if (range.IsAll())
            {
                continue; // an address of its own: nothing to announce by port
            }
            PeArpHeader frame;
            frame.SetRequest(GetMac48(), address, range, address, range.GetLow());
            m_protocol->SendClaimRequest(this, frame);
            sent++;
        }
    }
    return sent;
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

uint64_t
PeArpNetDevice::GetAnsweredEchoes() const
{
    return PeArpEchoResponder::AnsweredBy(m_echoResponder);
}

void
PeArpNetDevice::SetAnswerEcho(bool answer)
{
    NS_LOG_FUNCTION(this << answer);
    m_echoResponder = PeArpEchoResponder::Configure(m_echoResponder, answer);
}

bool
PeArpNetDevice::GetAnswerEcho() const
{
    return m_echoResponder != nullptr;
}

Ptr<PeArpEchoResponder>
PeArpNetDevice::GetEchoResponder() const
{
    return m_echoResponder;
}

void
PeArpNetDevice::AddSharedAddress(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    NS_ABORT_MSG_UNLESS(m_cache, "PeArpNetDevice::AddSharedAddress: no link device yet");
    m_cache->DeclareShared(address);
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
        // ns-3's one IPv4 implementation: its interface object is kept, so
        // that the per-packet checks read its addresses directly.
        Ptr<Ipv4L3Protocol> l3 = DynamicCast<Ipv4L3Protocol>(m_ipv4);
        int32_t interface = l3 ? l3->GetInterfaceForDevice(this) : -1;
        if (interface >= 0)
        {
            m_ipv4Interface = l3->GetInterface(interface);
            m_interface = interface;
        }
    }
    return m_interface;
}

Ptr<PeArpPortAgent>
PeArpNetDevice::GetAgent() const
{
    if (!m_agent && m_node && !m_agentKnown)
    {
        // Looked up once IPv4 is up (the stack, and so the agent, is
        // installed before interfaces get addresses).
        m_agent = m_node->GetObject<PeArpPortAgent>();
        m_agentKnown = GetInterface() >= 0;
    }
    return m_agent;
}

bool
PeArpNetDevice::IsLocalAddress(Ipv4Address address) const
{
    int32_t interface = GetInterface();
    if (interface < 0)
    {
        return false;
    }
    for (uint32_t j = 0; j < m_ipv4Interface->GetNAddresses(); j++)
    {
        if (m_ipv4Interface->GetAddress(j).GetLocal() == address)
        {
            return true;
        }
    }
    return false;
}

std::optional<PeArpPortRange>
PeArpNetDevice::GetOwnedRange(Ipv4Address address, uint16_t port) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    if (!agent)
    {
        return PeArpPortRange::All();
    }
    return agent->GetRangeHolding(address, port);
}

std::optional<PeArpPortRange>
PeArpNetDevice::GetOwnedRangeOverlapping(Ipv4Address address, PeArpPortRange probed) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    if (agent && agent->IsTentative(address))
    {
        return std::nullopt;
    }
    if (agent && agent->GetPortSet(address))
    {
        return agent->GetRangeOverlapping(address, probed);
    }
    return PeArpPortRange::All(); // this node owns every port of the address
}

PeArpPortRange
PeArpNetDevice::GetAnnouncedRange(Ipv4Address address) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    return agent ? agent->GetAnnouncedRange(address) : PeArpPortRange::All();
}

std::optional<Ipv4Address>
PeArpNetDevice::SelectSourceAddress(Ipv4Address target) const
{
    if (GetInterface() < 0 || m_ipv4Interface->GetNAddresses() == 0)
    {
        return std::nullopt;
    }
    for (uint32_t j = 0; j < m_ipv4Interface->GetNAddresses(); j++)
    {
        Ipv4InterfaceAddress address = m_ipv4Interface->GetAddress(j);
        if (PeArpIpv4::InSubnet(address, target))
        {
            return address.GetLocal();
        }
    }
    return m_ipv4Interface->GetAddress(0).GetLocal();
}

bool
PeArpNetDevice::IsForThisHost(Ptr<const Packet> packet) const
{
    return IsForThisHost(PeArpIpv4::Summarize(packet));
}

bool
PeArpNetDevice::IsForThisHost(const PeArpIpv4Summary& summary) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    if (!agent || !summary.valid || summary.GetDemuxPort() == 0 ||
        !IsLocalAddress(summary.destination))
    {
        return true; // not a shared address' port: not this device's decision
    }
    return agent->OwnsPort(summary.destination, summary.GetDemuxPort());
}

Ptr<Packet>
PeArpNetDevice::MapEchoIdentifier(Ptr<Packet> packet, const PeArpIpv4Summary& summary) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    if (!agent || !IsLocalAddress(summary.source) ||
        agent->GetAnnouncedRange(summary.source).IsAll())
    {
        return packet;
    }
    uint16_t mapped = agent->MapEchoIdentifier(summary.source, summary.icmpIdentifier);
    if (mapped == summary.icmpIdentifier)
    {
        return packet;
    }
    NS_LOG_LOGIC("echo identifier " << summary.icmpIdentifier << " sent as " << mapped);
    return PeArpIpv4::SetEchoIdentifier(packet, mapped);
}

Ptr<const Packet>
PeArpNetDevice::UnmapEchoIdentifier(Ptr<const Packet> packet, const PeArpIpv4Summary& summary) const
{
    Ptr<PeArpPortAgent> agent = GetAgent();
    std::optional<uint16_t> original =
        agent ? agent->UnmapEchoIdentifier(summary.destination, summary.icmpIdentifier)
              : std::nullopt;
    if (!original)
    {
        return packet;
    }
    return PeArpIpv4::SetEchoIdentifier(packet, *original);
}

bool
PeArpNetDevice::GetNextHop(Ptr<Packet> packet,
                           const PeArpIpv4Summary& summary,
                           PeArpIpv4::Locality locality,
                           Ipv4Address& nextHop) const
{
    if (locality != PeArpIpv4::OFF_LINK)
    {
        nextHop = summary.destination;
        return true;
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
PeArpNetDevice::SendResolved(Ptr<Packet> packet, const Address& to, const Address& source)
{
    NS_LOG_FUNCTION(this << packet << to << source); // always sent from the link device's MAC
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
    PeArpIpv4Summary summary = PeArpIpv4::Summarize(packet);
    if (!summary.valid)
    {
        NS_LOG_LOGIC("not an IPv4 packet -- sent to " << dest);
        return m_lower->Send(packet, dest, protocolNumber);
    }
    Ipv4Address destination = summary.destination;
    if (destination.IsBroadcast())
    {
        return SendResolved(packet, GetBroadcast(), Address());
    }
    if (destination.IsMulticast())
    {
        return SendResolved(packet, GetMulticast(destination), Address());
    }
    Ipv4Address nextHop;
    if (GetInterface() < 0)
    {
        NS_LOG_LOGIC("not an IPv4 interface (yet) -- drop");
        m_protocol->NotifyDrop(packet, PeArpL3Protocol::NO_ROUTE);
        return false;
    }
    PeArpIpv4::Locality locality = PeArpIpv4::Locate(*m_ipv4Interface, destination);
    if (locality == PeArpIpv4::SUBNET_BROADCAST)
    {
        return SendResolved(packet, GetBroadcast(), Address());
    }
    if (!GetNextHop(packet, summary, locality, nextHop))
    {
        NS_LOG_LOGIC("no next hop for " << destination << " -- drop");
        m_protocol->NotifyDrop(packet, PeArpL3Protocol::NO_ROUTE);
        return false;
    }
    if (summary.isIcmp)
    {
        if (summary.icmpMalformed)
        {
            NS_LOG_LOGIC("truncated ICMP message -- drop");
            m_protocol->NotifyDrop(packet, PeArpL3Protocol::MALFORMED_ICMP);
            return false;
        }
        if (summary.icmpType == Icmpv4Header::ICMPV4_ECHO)
        {
            if (IsLocalAddress(summary.source) && !GetAnnouncedRange(summary.source).IsAll())
            {
                packet = MapEchoIdentifier(packet, summary); // a host pinging out
            }
            else if (m_echoResponder && m_cache->IsShared(destination))
            {
                // A router answering for its hosts: the reply is routed back
                // from the shared address by this node's IPv4.
                m_ipv4->Send(m_echoResponder->AnswerMessage(packet),
                             summary.destination,
                             summary.source,
                             Icmpv4L4Protocol::PROT_NUMBER,
                             nullptr);
                return true;
            }
        }
    }
    uint16_t port = summary.GetDemuxPort();
    std::optional<Mac48Address> hardwareDestination =
        m_protocol->Lookup(m_cache, packet, nextHop, port, Address());
    if (hardwareDestination)
    {
        return SendResolved(packet, *hardwareDestination, Address());
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
        m_protocol->Receive(m_cache, packet, from);
        return;
    }
    if (protocol == Ipv4L3Protocol::PROT_NUMBER)
    {
        PeArpIpv4Summary summary = PeArpIpv4::Summarize(packet);
        if (summary.isIcmp && summary.icmpMalformed)
        {
            NS_LOG_LOGIC("truncated ICMP message -- drop");
            m_protocol->NotifyDrop(packet, PeArpL3Protocol::MALFORMED_ICMP);
            return;
        }
        if (!IsForThisHost(summary))
        {
            NS_LOG_LOGIC("IPv4 packet for a port this host does not own -- drop");
            m_wrongHostPackets++;
            m_wrongHostTrace(packet);
            m_protocol->NotifyDrop(packet, PeArpL3Protocol::WRONG_HOST);
            return;
        }
        if (summary.IsEchoReply())
        {
            packet = UnmapEchoIdentifier(packet, summary);
        }
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
    Ptr<Channel> lower = m_lower ? m_lower->GetChannel() : nullptr;
    if (!lower)
    {
        return nullptr;
    }
    if (!m_channel || m_channel->GetLowerChannel() != lower)
    {
        m_channel = CreateObject<PeArpChannel>(); // a view where IPv4 interfaces are found
        m_channel->SetLowerChannel(lower);
    }
    return m_channel;
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
    // The link device's, checked when stacked: ns-3's link devices build it
    // from text on every call, and IPv4 asks for it for every packet.
    return Mac48Address::GetBroadcast();
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
