/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-bridge-port.h"

#include "ns3/log.h"
#include "ns3/pe-arp-l3-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpBridgePort");

NS_OBJECT_ENSURE_REGISTERED(PeArpBridgePort);

TypeId
PeArpBridgePort::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpBridgePort")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddTraceSource("Rx",
                            "A frame was received by the port's device and passed to the bridge.",
                            MakeTraceSourceAccessor(&PeArpBridgePort::m_rxTrace),
                            "ns3::PeArpBridgePort::RxTracedCallback")
            .AddTraceSource("Tx",
                            "The bridge handed a frame to the port's device.",
                            MakeTraceSourceAccessor(&PeArpBridgePort::m_txTrace),
                            "ns3::PeArpBridgePort::TxTracedCallback");
    return tid;
}

PeArpBridgePort::PeArpBridgePort(Ptr<NetDevice> device, uint32_t index, Role role)
    : m_device(device),
      m_index(index),
      m_role(role)
{
    NS_LOG_FUNCTION(this << device << index << role);
}

PeArpBridgePort::~PeArpBridgePort()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpBridgePort::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_device = nullptr;
    Object::DoDispose();
}

Ptr<NetDevice>
PeArpBridgePort::GetDevice() const
{
    return m_device;
}

uint32_t
PeArpBridgePort::GetIndex() const
{
    return m_index;
}

PeArpBridgePort::Role
PeArpBridgePort::GetRole() const
{
    return m_role;
}

bool
PeArpBridgePort::IsUplink() const
{
    return m_role == UPLINK;
}

const PeArpBridgePort::Counters&
PeArpBridgePort::GetCounters() const
{
    return m_counters;
}

void
PeArpBridgePort::SetRole(Role role)
{
    NS_LOG_FUNCTION(this << role);
    m_role = role;
}

bool
PeArpBridgePort::Send(Ptr<Packet> packet,
                      Mac48Address source,
                      Mac48Address destination,
                      uint16_t protocol,
                      Kind kind)
{
    NS_LOG_FUNCTION(this << packet << source << destination << protocol << kind);
    m_counters.framesSent++;
    m_counters.arpSent += protocol == PeArpL3Protocol::PROT_NUMBER ? 1 : 0;
    switch (kind)
    {
    case FORWARDED:
        break;
    case REWRITTEN:
        m_counters.rewritten++;
        break;
    case TARGETED:
        m_counters.suppressedFloods++;
        break;
    case PROXY_REPLY:
        m_counters.proxyReplies++;
        break;
    case SHARER_REPLY:
        m_counters.sharerReplies++;
        break;
    case UPLINK_REQUEST:
        m_counters.uplinkRequests++;
        break;
    case PE_ARP_REQUEST:
        m_counters.peArpRequests++;
        break;
    case ECHO_REPLY:
        m_counters.echoReplies++;
        break;
    }
    m_txTrace(packet, protocol, source, destination, kind); // before the device adds its header
    if (!m_device->SendFrom(packet, source, destination, protocol))
    {
        NS_LOG_LOGIC("port " << m_index << " refused a frame");
        m_counters.sendFailures++;
        return false;
    }
    return true;
}

void
PeArpBridgePort::NotifyReceived(Ptr<const Packet> packet,
                                uint16_t protocol,
                                Mac48Address source,
                                Mac48Address destination)
{
    m_counters.framesReceived++;
    m_counters.arpReceived += protocol == PeArpL3Protocol::PROT_NUMBER ? 1 : 0;
    m_rxTrace(packet, protocol, source, destination);
}

void
PeArpBridgePort::NotifyKeptOff()
{
    m_counters.keptOff++;
}

std::ostream&
operator<<(std::ostream& os, PeArpBridgePort::Role role)
{
    switch (role)
    {
    case PeArpBridgePort::HOST_SIDE:
        return os << "host-side";
    case PeArpBridgePort::UPLINK:
        return os << "uplink";
    }
    return os << "role-" << static_cast<int>(role);
}

std::ostream&
operator<<(std::ostream& os, PeArpBridgePort::Kind kind)
{
    switch (kind)
    {
    case PeArpBridgePort::FORWARDED:
        return os << "forwarded";
    case PeArpBridgePort::REWRITTEN:
        return os << "rewritten";
    case PeArpBridgePort::TARGETED:
        return os << "targeted";
    case PeArpBridgePort::PROXY_REPLY:
        return os << "proxy-reply";
    case PeArpBridgePort::SHARER_REPLY:
        return os << "sharer-reply";
    case PeArpBridgePort::UPLINK_REQUEST:
        return os << "uplink-request";
    case PeArpBridgePort::PE_ARP_REQUEST:
        return os << "pe-arp-request";
    case PeArpBridgePort::ECHO_REPLY:
        return os << "echo-reply";
    }
    return os << "kind-" << static_cast<int>(kind);
}

} // namespace ns3
