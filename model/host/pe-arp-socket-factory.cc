/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-socket-factory.h"

#include "pe-arp-port-agent.h"
#include "pe-arp-tcp-socket.h"
#include "pe-arp-udp-socket.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/rtt-estimator.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-recovery-ops.h"
#include "ns3/type-id.h"
#include "ns3/udp-l4-protocol.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpSocketFactory");

NS_OBJECT_ENSURE_REGISTERED(PeArpUdpSocketFactory);
NS_OBJECT_ENSURE_REGISTERED(PeArpTcpSocketFactory);

TypeId
PeArpUdpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpUdpSocketFactory")
                            .SetParent<UdpSocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpUdpSocketFactory>();
    return tid;
}

void
PeArpUdpSocketFactory::SetStack(Ptr<UdpL4Protocol> udp, Ptr<PeArpPortAgent> agent)
{
    NS_LOG_FUNCTION(this << udp << agent);
    m_udp = udp;
    m_agent = agent;
}

Ptr<Socket>
PeArpUdpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    Ptr<PeArpUdpSocket> socket = CreateObject<PeArpUdpSocket>();
    socket->SetInner(m_udp->CreateSocket(), m_agent);
    return socket;
}

void
PeArpUdpSocketFactory::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_udp = nullptr;
    m_agent = nullptr;
    UdpSocketFactory::DoDispose();
}

TypeId
PeArpTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpTcpSocketFactory")
                            .SetParent<TcpSocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpTcpSocketFactory>();
    return tid;
}

void
PeArpTcpSocketFactory::SetStack(Ptr<Node> node, Ptr<TcpL4Protocol> tcp, Ptr<PeArpPortAgent> agent)
{
    NS_LOG_FUNCTION(this << node << tcp << agent);
    m_node = node;
    m_tcp = tcp;
    m_agent = agent;
}

Ptr<Socket>
PeArpTcpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    TypeIdValue rttType;
    TypeIdValue congestionType;
    TypeIdValue recoveryType;
    m_tcp->GetAttribute("RttEstimatorType", rttType);
    m_tcp->GetAttribute("SocketType", congestionType);
    m_tcp->GetAttribute("RecoveryType", recoveryType);
    ObjectFactory factory;
    factory.SetTypeId(rttType.Get());
    Ptr<RttEstimator> rtt = factory.Create<RttEstimator>();
    factory.SetTypeId(congestionType.Get());
    Ptr<TcpCongestionOps> congestion = factory.Create<TcpCongestionOps>();
    factory.SetTypeId(recoveryType.Get());
    Ptr<TcpRecoveryOps> recovery = factory.Create<TcpRecoveryOps>();

    Ptr<PeArpTcpSocket> socket = CreateObject<PeArpTcpSocket>();
    socket->SetNode(m_node);
    socket->SetTcp(m_tcp);
    socket->SetRtt(rtt);
    socket->SetCongestionControlAlgorithm(congestion);
    socket->SetRecoveryAlgorithm(recovery);
    socket->SetAgent(m_agent);
    return socket;
}

void
PeArpTcpSocketFactory::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_node = nullptr;
    m_tcp = nullptr;
    m_agent = nullptr;
    TcpSocketFactory::DoDispose();
}

} // namespace ns3
