/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-arp-attacker.h"

#include "pe-arp-raw-link.h"

#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpArpAttacker");

NS_OBJECT_ENSURE_REGISTERED(PeArpArpAttacker);

TypeId
PeArpArpAttacker::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpArpAttacker")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpArpAttacker>()
            .AddAttribute("Attack",
                          "The attack.",
                          EnumValue(PeArpArpAttacker::SPOOF_RANGE),
                          MakeEnumAccessor(&PeArpArpAttacker::m_attack),
                          MakeEnumChecker(PeArpArpAttacker::SPOOF_RANGE,
                                          "SpoofRange",
                                          PeArpArpAttacker::CLAIM_ALL,
                                          "ClaimAll",
                                          PeArpArpAttacker::GRATUITOUS_REPLY,
                                          "GratuitousReply",
                                          PeArpArpAttacker::STANDARD_POISON,
                                          "StandardPoison",
                                          PeArpArpAttacker::POISON_GATEWAY,
                                          "PoisonGateway",
                                          PeArpArpAttacker::REQUEST_FLOOD,
                                          "RequestFlood"))
            .AddAttribute("Address",
                          "The address the frames claim (the victim's).",
                          Ipv4AddressValue("0.0.0.0"),
                          MakeIpv4AddressAccessor(&PeArpArpAttacker::m_address),
                          MakeIpv4AddressChecker())
            .AddAttribute("FirstPort",
                          "First port of the range claimed (SpoofRange, GratuitousReply).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&PeArpArpAttacker::m_firstPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("LastPort",
                          "Last port of the range claimed (SpoofRange, GratuitousReply).",
                          UintegerValue(65535),
                          MakeUintegerAccessor(&PeArpArpAttacker::m_lastPort),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("Target",
                          "The address the frames are for (the router's, or a host's).",
                          Ipv4AddressValue("0.0.0.0"),
                          MakeIpv4AddressAccessor(&PeArpArpAttacker::m_target),
                          MakeIpv4AddressChecker())
            .AddAttribute("TargetMac",
                          "Destination MAC of the frames (broadcast by default).",
                          Mac48AddressValue(Mac48Address("ff:ff:ff:ff:ff:ff")),
                          MakeMac48AddressAccessor(&PeArpArpAttacker::m_targetMac),
                          MakeMac48AddressChecker())
            .AddAttribute("Interval",
                          "Time between frames.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpArpAttacker::m_interval),
                          MakeTimeChecker(MicroSeconds(1)))
            .AddAttribute("Count",
                          "Frames to send (0: until the application stops).",
                          UintegerValue(1),
                          MakeUintegerAccessor(&PeArpArpAttacker::m_count),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Tx",
                            "A forged frame was sent.",
                            MakeTraceSourceAccessor(&PeArpArpAttacker::m_txTrace),
                            "ns3::PeArpArpAttacker::FrameTracedCallback");
    return tid;
}

PeArpArpAttacker::PeArpArpAttacker()
    : m_attack(SPOOF_RANGE),
      m_firstPort(1),
      m_lastPort(65535),
      m_count(1),
      m_rng(CreateObject<UniformRandomVariable>()),
      m_sent(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpArpAttacker::~PeArpArpAttacker()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpArpAttacker::DoDispose()
{
    Simulator::Cancel(m_event);
    m_device = nullptr;
    m_rng = nullptr;
    Application::DoDispose();
}

void
PeArpArpAttacker::SetDevice(Ptr<NetDevice> device)
{
    m_device = device;
}

uint64_t
PeArpArpAttacker::GetFramesSent() const
{
    return m_sent;
}

int64_t
PeArpArpAttacker::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

std::string
PeArpArpAttacker::AttackToString(Attack attack)
{
    switch (attack)
    {
    case SPOOF_RANGE:
        return "spoof-range";
    case CLAIM_ALL:
        return "claim-all";
    case GRATUITOUS_REPLY:
        return "gratuitous-reply";
    case STANDARD_POISON:
        return "standard-poison";
    case POISON_GATEWAY:
        return "poison-gateway";
    case REQUEST_FLOOD:
        return "request-flood";
    }
    return "unknown";
}

void
PeArpArpAttacker::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(m_firstPort <= m_lastPort,
                        "PeArpArpAttacker: FirstPort=" << m_firstPort
                                                       << " > LastPort=" << m_lastPort);
    if (!m_device)
    {
        m_device = PeArpFirstLinkDevice(GetNode());
    }
    NS_ABORT_MSG_UNLESS(m_device, "PeArpArpAttacker: the node has no Ethernet-like device");
    Send();
}

void
PeArpArpAttacker::StopApplication()
{
    Simulator::Cancel(m_event);
}

PeArpHeader
PeArpArpAttacker::MakeFrame()
{
    Mac48Address mine = Mac48Address::ConvertFrom(m_device->GetAddress());
    PeArpHeader h;
    switch (m_attack)
    {
    case SPOOF_RANGE:
        h.SetRequest(mine, m_address, PeArpPortRange(m_firstPort, m_lastPort), m_target, 0);
        break;
    case CLAIM_ALL:
        h.SetRequest(mine, m_address, PeArpPortRange(1, 65535), m_target, 0);
        break;
    case GRATUITOUS_REPLY:
        h.SetReply(mine,
                   m_address,
                   PeArpPortRange(m_firstPort, m_lastPort),
                   m_targetMac,
                   m_target,
                   0,
                   m_firstPort);
        break;
    case STANDARD_POISON:
        h.SetStandardRequest(mine, m_address, m_target);
        break;
    case POISON_GATEWAY:
        h.SetRequest(mine, m_address, PeArpPortRange(), m_target, m_firstPort);
        break;
    case REQUEST_FLOOD: {
        uint32_t base = m_target.Get() & 0xffffff00;
        Ipv4Address sender(base + 2 + m_rng->GetInteger(0, 252));
        auto block = static_cast<uint16_t>(m_rng->GetInteger(1, 64));
        h.SetRequest(mine, sender, PeArpPortRange(block * 1000, block * 1000 + 999), m_target, 0);
        break;
    }
    }
    return h;
}

void
PeArpArpAttacker::Send()
{
    PeArpHeader h = MakeFrame();
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(h);
    m_device->Send(p, m_targetMac, PeArpL3Protocol::PROT_NUMBER);
    m_sent++;
    m_txTrace(h);
    if (m_count == 0 || m_sent < m_count)
    {
        m_event = Simulator::Schedule(m_interval, &PeArpArpAttacker::Send, this);
    }
}

} // namespace ns3
