/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-flow-switch-port.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpFlowSwitchPort");

NS_OBJECT_ENSURE_REGISTERED(PeArpFlowSwitchPort);

TypeId
PeArpFlowSwitchPort::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpFlowSwitchPort")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddTraceSource("Rx",
                            "A frame was received by the port's device and passed to the switch.",
                            MakeTraceSourceAccessor(&PeArpFlowSwitchPort::m_rxTrace),
                            "ns3::PeArpFlowSwitchPort::FrameTracedCallback")
            .AddTraceSource("Tx",
                            "The switch handed a frame to the port's device.",
                            MakeTraceSourceAccessor(&PeArpFlowSwitchPort::m_txTrace),
                            "ns3::PeArpFlowSwitchPort::FrameTracedCallback");
    return tid;
}

PeArpFlowSwitchPort::PeArpFlowSwitchPort(Ptr<NetDevice> device, uint32_t index)
    : m_device(device),
      m_index(index)
{
    NS_LOG_FUNCTION(this << device << index);
}

PeArpFlowSwitchPort::~PeArpFlowSwitchPort()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpFlowSwitchPort::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_device = nullptr;
    Object::DoDispose();
}

Ptr<NetDevice>
PeArpFlowSwitchPort::GetDevice() const
{
    return m_device;
}

uint32_t
PeArpFlowSwitchPort::GetIndex() const
{
    return m_index;
}

const PeArpFlowSwitchPort::Counters&
PeArpFlowSwitchPort::GetCounters() const
{
    return m_counters;
}

bool
PeArpFlowSwitchPort::Send(Ptr<Packet> packet,
                          Mac48Address source,
                          Mac48Address destination,
                          uint16_t protocol)
{
    NS_LOG_FUNCTION(this << packet << source << destination << protocol);
    m_counters.framesSent++;
    m_counters.bytesSent += packet->GetSize();
    m_txTrace(packet, protocol, source, destination);
    if (!m_device->SendFrom(packet, source, destination, protocol))
    {
        NS_LOG_LOGIC("port " << m_index << " refused a frame");
        m_counters.sendFailures++;
        return false;
    }
    return true;
}

void
PeArpFlowSwitchPort::NotifyReceived(Ptr<const Packet> packet,
                                    uint16_t protocol,
                                    Mac48Address source,
                                    Mac48Address destination)
{
    m_counters.framesReceived++;
    m_counters.bytesReceived += packet->GetSize();
    m_rxTrace(packet, protocol, source, destination);
}

} // namespace ns3
