/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dhcp-starver.h"

#include "pe-arp-raw-link.h"

#include "ns3/ipv4-header.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-dhcp-header.h"
#include "ns3/simulator.h"
#include "ns3/udp-header.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDhcpStarver");

NS_OBJECT_ENSURE_REGISTERED(PeArpDhcpStarver);

TypeId
PeArpDhcpStarver::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpDhcpStarver")
                            .SetParent<Application>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpDhcpStarver>()
                            .AddAttribute("Interval",
                                          "Time between DISCOVERs.",
                                          TimeValue(MilliSeconds(10)),
                                          MakeTimeAccessor(&PeArpDhcpStarver::m_interval),
                                          MakeTimeChecker(MicroSeconds(1)))
                            .AddAttribute("Count",
                                          "DISCOVERs to send (0: until the application stops).",
                                          UintegerValue(0),
                                          MakeUintegerAccessor(&PeArpDhcpStarver::m_count),
                                          MakeUintegerChecker<uint32_t>());
    return tid;
}

PeArpDhcpStarver::PeArpDhcpStarver()
    : m_count(0),
      m_rng(CreateObject<UniformRandomVariable>()),
      m_sent(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpDhcpStarver::~PeArpDhcpStarver()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpDhcpStarver::DoDispose()
{
    Simulator::Cancel(m_event);
    m_device = nullptr;
    m_rng = nullptr;
    Application::DoDispose();
}

void
PeArpDhcpStarver::SetDevice(Ptr<NetDevice> device)
{
    m_device = device;
}

uint64_t
PeArpDhcpStarver::GetSent() const
{
    return m_sent;
}

int64_t
PeArpDhcpStarver::AssignStreams(int64_t stream)
{
    m_rng->SetStream(stream);
    return 1;
}

void
PeArpDhcpStarver::StartApplication()
{
    NS_LOG_FUNCTION(this);
    if (!m_device)
    {
        m_device = PeArpFirstLinkDevice(GetNode());
    }
    NS_ABORT_MSG_UNLESS(m_device, "PeArpDhcpStarver: the node has no Ethernet-like device");
    Send();
}

void
PeArpDhcpStarver::StopApplication()
{
    Simulator::Cancel(m_event);
}

void
PeArpDhcpStarver::Send()
{
    uint8_t mac[6];
    mac[0] = 0x02; // locally administered, unicast
    for (int k = 1; k < 6; k++)
    {
        mac[k] = static_cast<uint8_t>(m_rng->GetInteger(0, 255));
    }
    Mac48Address forged;
    forged.CopyFrom(mac);
    PeArpDhcpHeader discover;
    discover.SetMessageType(PeArpDhcpHeader::DISCOVER);
    discover.SetTransactionId(m_rng->GetInteger(1, 0x7fffffff));
    discover.SetBroadcastFlag(true);
    discover.SetClientMac(forged);
    Ptr<Packet> p = Create<Packet>();
    p->AddHeader(discover);
    UdpHeader udp;
    udp.SetSourcePort(PeArpDhcpHeader::CLIENT_PORT);
    udp.SetDestinationPort(PeArpDhcpHeader::SERVER_PORT);
    p->AddHeader(udp);
    Ipv4Header ip;
    ip.SetSource(Ipv4Address::GetAny());
    ip.SetDestination(Ipv4Address::GetBroadcast());
    ip.SetProtocol(17);
    ip.SetTtl(64);
    ip.SetPayloadSize(p->GetSize());
    p->AddHeader(ip);
    m_device->Send(p, m_device->GetBroadcast(), Ipv4L3Protocol::PROT_NUMBER);
    m_sent++;
    if (m_count == 0 || m_sent < m_count)
    {
        m_event = Simulator::Schedule(m_interval, &PeArpDhcpStarver::Send, this);
    }
}

} // namespace ns3
