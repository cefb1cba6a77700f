/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-bridge-net-device.h"

#include "ns3/boolean.h"
#include "ns3/channel.h"
#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-vector.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-echo-responder.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpBridgeNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PeArpBridgeNetDevice);

TypeId
PeArpBridgeNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpBridgeNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpBridgeNetDevice>()
            .AddAttribute(
                "Mtu",
                "The MAC-level Maximum Transmission Unit.",
                UintegerValue(1500),
                MakeUintegerAccessor(&PeArpBridgeNetDevice::SetMtu, &PeArpBridgeNetDevice::GetMtu),
                MakeUintegerChecker<uint16_t>())
            .AddAttribute("ExpirationTime",
                          "Time it takes for a learned MAC address to be forgotten.",
                          TimeValue(Seconds(300)),
                          MakeTimeAccessor(&PeArpBridgeNetDevice::m_expirationTime),
                          MakeTimeChecker())
            .AddAttribute("AnswerEcho",
                          "Answer ICMP echo requests for shared addresses on behalf of their "
                          "hosts; otherwise they follow PeArpL3Protocol's DefaultPort policy.",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PeArpBridgeNetDevice::SetAnswerEcho,
                                              &PeArpBridgeNetDevice::GetAnswerEcho),
                          MakeBooleanChecker())
            .AddAttribute("ArpSuppression",
                          "Send an ARP request for an address seen as the sender of an ARP "
                          "frame only to that address' port, instead of flooding it.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpBridgeNetDevice::m_arpSuppression),
                          MakeBooleanChecker())
            .AddAttribute("InterfaceName",
                          "Name of the bridge in printed tables.",
                          StringValue("br0"),
                          MakeStringAccessor(&PeArpBridgeNetDevice::m_name),
                          MakeStringChecker())
            .AddAttribute("UplinkPort",
                          "Index of the port toward the gateway, in the order the ports were "
                          "added (PeArpBridgeHelper: the order of its port container). ARP "
                          "frames whose sender is a shared address never leave through it.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpBridgeNetDevice::SetUplinkIndex,
                                               &PeArpBridgeNetDevice::GetUplinkIndex),
                          MakeUintegerChecker<uint32_t>(0, 65535))
            .AddAttribute("UplinkRequestTimeout",
                          "How long the bridge waits for the answer to a request it sent on "
                          "the uplink for sharers before it asks again.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpBridgeNetDevice::m_uplinkRequestTimeout),
                          MakeTimeChecker(MilliSeconds(1), Seconds(3600)))
            .AddAttribute("MaxPendingUplink",
                          "Most sharers waiting at once for the answer to the bridge's requests "
                          "on the uplink; further requests are dropped and counted.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpBridgeNetDevice::m_maxPendingUplink),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("PortList",
                          "The bridge's ports (PeArpBridgePort), by index.",
                          ObjectVectorValue(),
                          MakeObjectVectorAccessor(&PeArpBridgeNetDevice::m_ports),
                          MakeObjectVectorChecker<PeArpBridgePort>());
    return tid;
}

PeArpBridgeNetDevice::PeArpBridgeNetDevice()
    : m_address(Mac48Address::Allocate()),
      m_ifIndex(0),
      m_mtu(1500),
      m_rewrittenFrames(0),
      m_arpSuppression(true),
      m_uplinkIndex(0),
      m_uplinkRequestTimeout(Seconds(1)),
      m_maxPendingUplink(1024),
      m_pendingSharers(0),
      m_uplinkRequestsDropped(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpBridgeNetDevice::~PeArpBridgeNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpBridgeNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (const Ptr<PeArpBridgePort>& port : m_ports)
    {
        port->Dispose(); // the node's protocol handler still holds it: release its device
    }
    m_ports.clear();
    m_uplink = nullptr;
    m_learned.clear();
    m_arpSenders.clear();
    m_pendingUplink.clear();
    m_pendingSharers = 0;
    m_node = nullptr;
    m_cache = nullptr;
    m_protocol = nullptr;
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
PeArpBridgeNetDevice::DoInitialize()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(
        m_uplink,
        "PeArpBridgeNetDevice: UplinkPort "
            << m_uplinkIndex << " is not a port index (the bridge has " << m_ports.size()
            << " port(s)"
            << (m_ports.empty() ? std::string() : ", 0-" + std::to_string(m_ports.size() - 1))
            << "): without an uplink, ARP frames of sharers would reach the "
               "gateway");
    NetDevice::DoInitialize();
}

Ptr<PeArpBridgePort>
PeArpBridgeNetDevice::AddBridgePort(Ptr<NetDevice> port)
{
    NS_LOG_FUNCTION(this << port);
    NS_ABORT_MSG_UNLESS(m_node,
                        "PeArpBridgeNetDevice::AddBridgePort: add the bridge to a node first");
    NS_ABORT_MSG_UNLESS(port->GetNode() == m_node,
                        "PeArpBridgeNetDevice::AddBridgePort: the port is on another node");
    NS_ABORT_MSG_UNLESS(port->SupportsSendFrom(),
                        "PeArpBridgeNetDevice::AddBridgePort: the port does not support SendFrom");
    NS_ABORT_MSG_UNLESS(Mac48Address::IsMatchingType(port->GetAddress()),
                        "PeArpBridgeNetDevice::AddBridgePort: the port has no 48-bit MAC");
    if (!m_cache)
    {
        m_protocol = m_node->GetObject<PeArpL3Protocol>();
        NS_ABORT_MSG_UNLESS(m_protocol,
                            "PeArpBridgeNetDevice: no PeArpL3Protocol on node "
                                << m_node->GetId() << " (use PeArpBridgeHelper)");
        m_cache = m_protocol->CreateCache(this, this, m_name);
        for (const Ipv4Address& address : m_shared)
        {
            m_cache->DeclareShared(address);
        }
    }
    auto index = static_cast<uint32_t>(m_ports.size());
    Ptr<PeArpBridgePort> object = CreateObject<PeArpBridgePort>(
        port,
        index,
        index == m_uplinkIndex ? PeArpBridgePort::UPLINK : PeArpBridgePort::HOST_SIDE);
    if (object->IsUplink())
    {
        m_uplink = object;
    }
    // The port's object is bound into the handler: a frame finds it at once.
    m_node->RegisterProtocolHandler(
        MakeCallback(&PeArpBridgeNetDevice::ReceiveFromPort, this, object),
        0,
        port,
        true);
    m_ports.push_back(object);
    return object;
}

uint32_t
PeArpBridgeNetDevice::GetNBridgePorts() const
{
    return static_cast<uint32_t>(m_ports.size());
}

Ptr<NetDevice>
PeArpBridgeNetDevice::GetBridgePort(uint32_t n) const
{
    return GetPort(n)->GetDevice();
}

Ptr<PeArpBridgePort>
PeArpBridgeNetDevice::GetPort(uint32_t n) const
{
    NS_ABORT_MSG_UNLESS(n < m_ports.size(),
                        "PeArpBridgeNetDevice::GetPort: no port " << n << " (the bridge has "
                                                                  << m_ports.size() << ")");
    return m_ports[n];
}

Ptr<PeArpBridgePort>
PeArpBridgeNetDevice::GetUplink() const
{
    return m_uplink;
}

bool
PeArpBridgeNetDevice::SetUplinkIndex(uint32_t index)
{
    NS_LOG_FUNCTION(this << index);
    if (index >= m_ports.size())
    {
        if (!m_ports.empty())
        {
            NS_LOG_WARN("UplinkPort " << index << " refused: the bridge has " << m_ports.size()
                                      << " ports");
            return false;
        }
        m_uplinkIndex = index; // the port added with this index will be the uplink
        return true;
    }
    if (m_uplink)
    {
        m_uplink->SetRole(PeArpBridgePort::HOST_SIDE);
    }
    m_uplinkIndex = index;
    m_uplink = m_ports[index];
    m_uplink->SetRole(PeArpBridgePort::UPLINK);
    return true;
}

uint32_t
PeArpBridgeNetDevice::GetUplinkIndex() const
{
    return m_uplinkIndex;
}

uint64_t
PeArpBridgeNetDevice::SumOverPorts(uint64_t PeArpBridgePort::Counters::*member) const
{
    uint64_t sum = 0;
    for (const Ptr<PeArpBridgePort>& port : m_ports)
    {
        sum += port->GetCounters().*member;
    }
    return sum;
}

void
PeArpBridgeNetDevice::AddSharedAddress(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_shared.insert(address);
    if (m_cache)
    {
        m_cache->DeclareShared(address);
    }
}

bool
PeArpBridgeNetDevice::IsShared(Ipv4Address address) const
{
    return m_shared.count(address) != 0;
}

uint64_t
PeArpBridgeNetDevice::GetProxiedRequests() const
{
    return SumOverPorts(&PeArpBridgePort::Counters::proxyReplies);
}

uint64_t
PeArpBridgeNetDevice::GetRewrittenFrames() const
{
    return m_rewrittenFrames;
}

uint64_t
PeArpBridgeNetDevice::GetAnsweredEchoes() const
{
    return PeArpEchoResponder::AnsweredBy(m_echoResponder);
}

void
PeArpBridgeNetDevice::SetAnswerEcho(bool answer)
{
    NS_LOG_FUNCTION(this << answer);
    m_echoResponder = PeArpEchoResponder::Configure(m_echoResponder, answer);
}

bool
PeArpBridgeNetDevice::GetAnswerEcho() const
{
    return m_echoResponder != nullptr;
}

Ptr<PeArpEchoResponder>
PeArpBridgeNetDevice::GetEchoResponder() const
{
    return m_echoResponder;
}

uint64_t
PeArpBridgeNetDevice::GetSuppressedFloods() const
{
    return SumOverPorts(&PeArpBridgePort::Counters::suppressedFloods);
}

Ptr<NetDevice>
PeArpBridgeNetDevice::GetUplinkPort() const
{
    return m_uplink ? m_uplink->GetDevice() : nullptr;
}

uint64_t
PeArpBridgeNetDevice::GetKeptOffUplink() const
{
    return SumOverPorts(&PeArpBridgePort::Counters::keptOff);
}

uint64_t
PeArpBridgeNetDevice::GetUplinkRequestsAnswered() const
{
    return SumOverPorts(&PeArpBridgePort::Counters::sharerReplies);
}

uint64_t
PeArpBridgeNetDevice::GetUplinkRequestsSent() const
{
    return SumOverPorts(&PeArpBridgePort::Counters::uplinkRequests);
}

uint64_t
PeArpBridgeNetDevice::GetUplinkRequestsDropped() const
{
    return m_uplinkRequestsDropped;
}

void
PeArpBridgeNetDevice::ReceiveFromPort(Ptr<PeArpBridgePort> port,
                                      Ptr<NetDevice> device,
                                      Ptr<const Packet> packet,
                                      uint16_t protocol,
                                      const Address& source,
                                      const Address& destination,
                                      NetDevice::PacketType packetType)
{
    NS_LOG_FUNCTION(this << port->GetIndex() << packet << protocol << source << destination
                         << packetType);
    Mac48Address source48 = Mac48Address::ConvertFrom(source);
    Mac48Address destination48 = Mac48Address::ConvertFrom(destination);
    port->NotifyReceived(packet, protocol, source48, destination48);
    Learn(source48, port);

    if (protocol == PeArpL3Protocol::PROT_NUMBER &&
        HandleArp(port, packet, source48, destination48))
    {
        return;
    }
    if (destination48 == m_address)
    {
        if (protocol == Ipv4L3Protocol::PROT_NUMBER)
        {
            PeArpIpv4Summary summary = PeArpIpv4::Summarize(packet);
            if (summary.valid && IsShared(summary.destination))
            {
                ForwardShared(port, packet, summary, source48);
                return;
            }
        }
        if (!m_rxCallback.IsNull())
        {
            m_rxCallback(this, packet, protocol, source); // for the bridge node itself
        }
        return;
    }
    Forward(port, packet, protocol, source48, destination48);
}

bool
PeArpBridgeNetDevice::HandleArp(Ptr<PeArpBridgePort> port,
                                Ptr<const Packet> packet,
                                Mac48Address source,
                                Mac48Address destination)
{
    PeArpHeader header = PeArpHeader::Parse(packet);
    if (header.GetParseError() != PeArpHeader::PARSE_OK)
    {
        return false; // not ours to judge: bridged as it is
    }
    if (header.GetSenderIp() != Ipv4Address::GetAny() && !IsShared(header.GetSenderIp()))
    {
        m_arpSenders[header.GetSenderIp()] = header.GetSenderMac(); // aged with its MAC's port
    }
    if (header.IsRequest() && !header.HasExtension() && IsShared(header.GetTargetIp()))
    {
        // The unmodified gateway (or a legacy host) asks for a shared
        // address: the bridge stands for all of its hosts.
        NS_LOG_LOGIC("standard request for shared " << header.GetTargetIp() << " from "
                                                    << header.GetSenderIp()
                                                    << " -- answered by the bridge");
        PeArpHeader reply;
        reply.SetStandardReply(m_address,
                               header.GetTargetIp(),
                               header.GetSenderMac(),
                               header.GetSenderIp());
        Ptr<Packet> frame = Create<Packet>();
        frame->AddHeader(reply);
        port->Send(frame,
                   m_address,
                   source,
                   PeArpL3Protocol::PROT_NUMBER,
                   PeArpBridgePort::PROXY_REPLY);
        return true;
    }
    if (header.IsReply() && destination == m_address)
    {
        if (port->IsUplink() && HandleUplinkReply(header))
        {
            return true; // the answer to the bridge's request for sharers
        }
        m_protocol->Receive(m_cache, packet, source); // a host answers the bridge
        return true;
    }
    bool sharedSender = IsShared(header.GetSenderIp()) && !port->IsUplink();
    if (sharedSender && header.IsRequest() && !IsShared(header.GetTargetIp()) &&
        header.GetTargetIp() != Ipv4Address::GetAny() && HandleSharerRequest(port, header))
    {
        return true;
    }
    if (m_arpSuppression && header.IsRequest() && !IsShared(header.GetTargetIp()))
    {
        auto known = m_arpSenders.find(header.GetTargetIp());
        Ptr<PeArpBridgePort> out =
            known == m_arpSenders.end() ? nullptr : GetLearnedPort(known->second);
        if (out && out != port && !(sharedSender && out->IsUplink()))
        {
            NS_LOG_LOGIC("request for " << header.GetTargetIp() << " sent to its port only");
            out->Send(packet->Copy(),
                      source,
                      destination,
                      PeArpL3Protocol::PROT_NUMBER,
                      PeArpBridgePort::TARGETED);
            return true;
        }
    }
    if (sharedSender)
    {
        // A gateway would learn the shared address at this host's MAC.
        if (ForwardOffUplink(port,
                             packet,
                             PeArpL3Protocol::PROT_NUMBER,
                             source,
                             destination,
                             PeArpBridgePort::FORWARDED))
        {
            NS_LOG_LOGIC("frame from sharer " << header.GetSenderMac() << " kept off the uplink");
            m_uplink->NotifyKeptOff();
        }
        return true;
    }
    return false;
}

bool
PeArpBridgeNetDevice::HandleSharerRequest(Ptr<PeArpBridgePort> port, const PeArpHeader& header)
{
    NS_LOG_FUNCTION(this << port->GetIndex() << header);
    if (!m_uplink)
    {
        return false;
    }
    Ipv4Address target = header.GetTargetIp();
    auto known = m_arpSenders.find(target);
    if (known != m_arpSenders.end() && GetLearnedPort(known->second) == m_uplink)
    {
        NS_LOG_LOGIC(target << " is behind the uplink at " << known->second
                            << " -- answered by the bridge");
        AnswerSharer(port, header.GetSenderIp(), header.GetSenderMac(), target, known->second);
        return true;
    }
    if (known != m_arpSenders.end() && GetLearnedPort(known->second))
    {
        return false; // on the hosts' side: bridged (or sent to its port only)
    }
    // Unknown: ask on the uplink from 0.0.0.0 (the request is also bridged
    // to the hosts' side, where a non-shared host answers it itself).
    Time now = Simulator::Now();
    auto pending = m_pendingUplink.find(target);
    if (pending != m_pendingUplink.end() && pending->second.expiration <= now)
    {
        m_pendingSharers -= static_cast<uint32_t>(pending->second.sharers.size());
        m_pendingUplink.erase(pending);
        pending = m_pendingUplink.end();
    }
    if (m_pendingSharers >= m_maxPendingUplink)
    {
        for (auto it = m_pendingUplink.begin(); it != m_pendingUplink.end();)
        {
            if (it->second.expiration <= now)
            {
                m_pendingSharers -= static_cast<uint32_t>(it->second.sharers.size());
                it = m_pendingUplink.erase(it);
            }
            else
            {
                ++it;
            }
        }
    }
    bool send = pending == m_pendingUplink.end();
    if (send)
    {
        pending =
            m_pendingUplink.emplace(target, PendingUplink{now + m_uplinkRequestTimeout, {}}).first;
    }
    bool waiting = false;
    for (const Sharer& sharer : pending->second.sharers)
    {
        waiting = waiting || sharer.mac == header.GetSenderMac();
    }
    if (!waiting)
    {
        if (m_pendingSharers >= m_maxPendingUplink)
        {
            NS_LOG_LOGIC("too many sharers wait for the uplink -- request for " << target
                                                                                << " not relayed");
            m_uplinkRequestsDropped++;
            if (pending->second.sharers.empty())
            {
                m_pendingUplink.erase(pending);
            }
            return false;
        }
        pending->second.sharers.push_back({port, header.GetSenderIp(), header.GetSenderMac()});
        m_pendingSharers++;
    }
    if (send)
    {
        NS_LOG_LOGIC("request for unknown " << target << " -- the bridge asks on the uplink");
        PeArpHeader request;
        request.SetStandardRequest(m_address, Ipv4Address::GetAny(), target);
        Ptr<Packet> frame = Create<Packet>();
        frame->AddHeader(request);
        m_uplink->Send(frame,
                       m_address,
                       Mac48Address::GetBroadcast(),
                       PeArpL3Protocol::PROT_NUMBER,
                       PeArpBridgePort::UPLINK_REQUEST);
    }
    return false;
}

bool
PeArpBridgeNetDevice::HandleUplinkReply(const PeArpHeader& header)
{
    auto pending = m_pendingUplink.find(header.GetSenderIp());
    if (pending == m_pendingUplink.end() || header.GetTargetIp() != Ipv4Address::GetAny())
    {
        return false;
    }
    NS_LOG_LOGIC(header.GetSenderIp() << " is at " << header.GetSenderMac() << " -- answer "
                                      << pending->second.sharers.size() << " sharer(s)");
    for (const Sharer& sharer : pending->second.sharers)
    {
        AnswerSharer(sharer.port,
                     sharer.ip,
                     sharer.mac,
                     header.GetSenderIp(),
                     header.GetSenderMac());
    }
    m_pendingSharers -= static_cast<uint32_t>(pending->second.sharers.size());
    m_pendingUplink.erase(pending);
    return true;
}

void
PeArpBridgeNetDevice::AnswerSharer(Ptr<PeArpBridgePort> port,
                                   Ipv4Address sharerIp,
                                   Mac48Address sharerMac,
                                   Ipv4Address ip,
                                   Mac48Address mac)
{
    PeArpHeader reply;
    reply.SetStandardReply(mac, ip, sharerMac, sharerIp);
    Ptr<Packet> frame = Create<Packet>();
    frame->AddHeader(reply);
    port->Send(frame,
               m_address,
               sharerMac,
               PeArpL3Protocol::PROT_NUMBER,
               PeArpBridgePort::SHARER_REPLY);
}

void
PeArpBridgeNetDevice::ForwardShared(Ptr<PeArpBridgePort> port,
                                    Ptr<const Packet> packet,
                                    const PeArpIpv4Summary& summary,
                                    Mac48Address source)
{
    NS_LOG_FUNCTION(this << port->GetIndex() << packet << source);
    if (summary.isIcmp && summary.icmpMalformed)
    {
        NS_LOG_LOGIC("truncated ICMP message -- drop");
        m_protocol->NotifyDrop(packet, PeArpL3Protocol::MALFORMED_ICMP);
        return;
    }
    if (summary.IsEchoRequest() && m_echoResponder)
    {
        port->Send(m_echoResponder->AnswerDatagram(packet),
                   m_address,
                   source,
                   Ipv4L3Protocol::PROT_NUMBER,
                   PeArpBridgePort::ECHO_REPLY);
        return;
    }
    Ptr<Packet> copy = packet->Copy();
    std::optional<Mac48Address> hardwareDestination =
        m_protocol->Lookup(m_cache, copy, summary.destination, summary.GetDemuxPort(), source);
    if (hardwareDestination)
    {
        SendResolved(copy, *hardwareDestination, source);
    }
}

void
PeArpBridgeNetDevice::Forward(Ptr<PeArpBridgePort> incoming,
                              Ptr<const Packet> packet,
                              uint16_t protocol,
                              Mac48Address source,
                              Mac48Address destination)
{
    DoForward(incoming, packet, protocol, source, destination, nullptr, PeArpBridgePort::FORWARDED);
}

bool
PeArpBridgeNetDevice::ForwardOffUplink(Ptr<PeArpBridgePort> incoming,
                                       Ptr<const Packet> packet,
                                       uint16_t protocol,
                                       Mac48Address source,
                                       Mac48Address destination,
                                       PeArpBridgePort::Kind kind)
{
    return DoForward(incoming, packet, protocol, source, destination, m_uplink, kind);
}

bool
PeArpBridgeNetDevice::DoForward(Ptr<PeArpBridgePort> incoming,
                                Ptr<const Packet> packet,
                                uint16_t protocol,
                                Mac48Address source,
                                Mac48Address destination,
                                Ptr<PeArpBridgePort> excluded,
                                PeArpBridgePort::Kind kind)
{
    NS_LOG_FUNCTION(this << (incoming ? int64_t(incoming->GetIndex()) : -1) << packet << protocol
                         << source << destination << kind);
    if (!destination.IsGroup())
    {
        Ptr<PeArpBridgePort> out = GetLearnedPort(destination);
        if (out && out == excluded)
        {
            return out != incoming;
        }
        if (out && out != incoming)
        {
            out->Send(packet->Copy(), source, destination, protocol, kind);
            return false;
        }
        if (out == incoming && out)
        {
            return false; // already on the destination's segment
        }
    }
    bool skipped = false;
    for (const Ptr<PeArpBridgePort>& port : m_ports)
    {
        if (port == incoming)
        {
            continue;
        }
        if (port == excluded)
        {
            skipped = true;
            continue;
        }
        port->Send(packet->Copy(), source, destination, protocol, kind);
    }
    return skipped;
}

void
PeArpBridgeNetDevice::Learn(Mac48Address source, Ptr<PeArpBridgePort> port)
{
    if (source.IsGroup())
    {
        return;
    }
    Learned& learned = m_learned[source];
    learned.port = port;
    learned.expiration = Simulator::Now() + m_expirationTime;
}

Ptr<PeArpBridgePort>
PeArpBridgeNetDevice::GetLearnedPort(Mac48Address destination) const
{
    auto it = m_learned.find(destination);
    if (it == m_learned.end() || it->second.expiration <= Simulator::Now())
    {
        return nullptr;
    }
    return it->second.port;
}

// PeArpInterface

Ptr<PeArpCache>
PeArpBridgeNetDevice::GetCache() const
{
    return m_cache;
}

Mac48Address
PeArpBridgeNetDevice::GetMac48() const
{
    return m_address;
}

bool
PeArpBridgeNetDevice::IsLocalAddress(Ipv4Address address) const
{
    // The bridge's requests are sent from 0.0.0.0: replies come back to it.
    return address == Ipv4Address::GetAny();
}

std::optional<PeArpPortRange>
PeArpBridgeNetDevice::GetOwnedRange(Ipv4Address address, uint16_t port) const
{
    return PeArpPortRange::All();
}

std::optional<PeArpPortRange>
PeArpBridgeNetDevice::GetOwnedRangeOverlapping(Ipv4Address address, PeArpPortRange probed) const
{
    return std::nullopt; // the bridge owns no port of the shared addresses
}

PeArpPortRange
PeArpBridgeNetDevice::GetAnnouncedRange(Ipv4Address address) const
{
    return PeArpPortRange::All();
}

std::optional<Ipv4Address>
PeArpBridgeNetDevice::SelectSourceAddress(Ipv4Address target) const
{
    return Ipv4Address::GetAny();
}

void
PeArpBridgeNetDevice::SendArpFrame(Ptr<Packet> frame, const Address& to)
{
    NS_LOG_FUNCTION(this << frame << to);
    // The sharers are all on the hosts' side.
    ForwardOffUplink(nullptr,
                     frame,
                     PeArpL3Protocol::PROT_NUMBER,
                     m_address,
                     Mac48Address::ConvertFrom(to),
                     PeArpBridgePort::PE_ARP_REQUEST);
}

bool
PeArpBridgeNetDevice::SendResolved(Ptr<Packet> packet, const Address& to, const Address& source)
{
    NS_LOG_FUNCTION(this << packet << to << source);
    Mac48Address from = source.IsInvalid() ? m_address : Mac48Address::ConvertFrom(source);
    m_rewrittenFrames++;
    DoForward(nullptr,
              packet,
              Ipv4L3Protocol::PROT_NUMBER,
              from,
              Mac48Address::ConvertFrom(to),
              nullptr,
              PeArpBridgePort::REWRITTEN);
    return true;
}

// NetDevice

void
PeArpBridgeNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
PeArpBridgeNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
PeArpBridgeNetDevice::GetChannel() const
{
    return nullptr;
}

void
PeArpBridgeNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
PeArpBridgeNetDevice::GetAddress() const
{
    return m_address;
}

bool
PeArpBridgeNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
PeArpBridgeNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
PeArpBridgeNetDevice::IsLinkUp() const
{
    return true;
}

void
PeArpBridgeNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
}

bool
PeArpBridgeNetDevice::IsBroadcast() const
{
    return true;
}

Address
PeArpBridgeNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
PeArpBridgeNetDevice::IsMulticast() const
{
    return true;
}

Address
PeArpBridgeNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
PeArpBridgeNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
PeArpBridgeNetDevice::IsPointToPoint() const
{
    return false;
}

bool
PeArpBridgeNetDevice::IsBridge() const
{
    return true;
}

bool
PeArpBridgeNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
PeArpBridgeNetDevice::SendFrom(Ptr<Packet> packet,
                               const Address& source,
                               const Address& dest,
                               uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    Forward(nullptr,
            packet,
            protocolNumber,
            Mac48Address::ConvertFrom(source),
            Mac48Address::ConvertFrom(dest));
    return true;
}

Ptr<Node>
PeArpBridgeNetDevice::GetNode() const
{
    return m_node;
}

void
PeArpBridgeNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
PeArpBridgeNetDevice::NeedsArp() const
{
    return true;
}

void
PeArpBridgeNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
PeArpBridgeNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
PeArpBridgeNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
