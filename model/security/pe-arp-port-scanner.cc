/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-scanner.h"

#include "ns3/double.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpPortScanner");

NS_OBJECT_ENSURE_REGISTERED(PeArpPortScanner);

TypeId
PeArpPortScanner::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpPortScanner")
                            .SetParent<Application>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpPortScanner>()
                            .AddAttribute("Address",
                                          "The scanned address.",
                                          Ipv4AddressValue("0.0.0.0"),
                                          MakeIpv4AddressAccessor(&PeArpPortScanner::m_address),
                                          MakeIpv4AddressChecker())
                            .AddAttribute("FirstPort",
                                          "First port scanned.",
                                          UintegerValue(0),
                                          MakeUintegerAccessor(&PeArpPortScanner::m_firstPort),
                                          MakeUintegerChecker<uint16_t>())
                            .AddAttribute("LastPort",
                                          "Last port scanned.",
                                          UintegerValue(65535),
                                          MakeUintegerAccessor(&PeArpPortScanner::m_lastPort),
                                          MakeUintegerChecker<uint16_t>())
                            .AddAttribute("Rate",
                                          "Datagrams per second.",
                                          DoubleValue(650),
                                          MakeDoubleAccessor(&PeArpPortScanner::m_rate),
                                          MakeDoubleChecker<double>(1e-3, 1e7))
                            .AddAttribute("PacketSize",
                                          "UDP payload bytes of each datagram.",
                                          UintegerValue(8),
                                          MakeUintegerAccessor(&PeArpPortScanner::m_size),
                                          MakeUintegerChecker<uint32_t>(0, 1472));
    return tid;
}

PeArpPortScanner::PeArpPortScanner()
    : m_firstPort(0),
      m_lastPort(65535),
      m_rate(650),
      m_size(8),
      m_next(0),
      m_sent(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpPortScanner::~PeArpPortScanner()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpPortScanner::DoDispose()
{
    Simulator::Cancel(m_event);
    m_socket = nullptr;
    Application::DoDispose();
}

uint64_t
PeArpPortScanner::GetSent() const
{
    return m_sent;
}

Time
PeArpPortScanner::GetLastSent() const
{
    return m_lastSent;
}

void
PeArpPortScanner::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(m_firstPort <= m_lastPort,
                        "PeArpPortScanner: FirstPort=" << m_firstPort
                                                       << " > LastPort=" << m_lastPort);
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    m_socket->Bind();
    m_next = m_firstPort;
    Step();
}

void
PeArpPortScanner::StopApplication()
{
    Simulator::Cancel(m_event);
    if (m_socket)
    {
        m_socket->Close();
    }
}

void
PeArpPortScanner::Step()
{
    m_socket->SendTo(Create<Packet>(m_size),
                     0,
                     InetSocketAddress(m_address, static_cast<uint16_t>(m_next)));
    m_sent++;
    m_lastSent = Simulator::Now();
    if (m_next < m_lastPort)
    {
        m_next++;
        m_event = Simulator::Schedule(Seconds(1.0 / m_rate), &PeArpPortScanner::Step, this);
    }
}

} // namespace ns3
