/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-socket-factory.h"

#include "pe-arp-resoa-client.h"

#include "ns3/log.h"
#include "ns3/socket.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaSocketFactory");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaTcpSocketFactory);
NS_OBJECT_ENSURE_REGISTERED(PeArpResoaUdpSocketFactory);
NS_OBJECT_ENSURE_REGISTERED(PeArpResoaDualTcpSocketFactory);
NS_OBJECT_ENSURE_REGISTERED(PeArpResoaDualUdpSocketFactory);

TypeId
PeArpResoaTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaTcpSocketFactory")
                            .SetParent<TcpSocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaTcpSocketFactory>();
    return tid;
}

void
PeArpResoaTcpSocketFactory::SetClient(Ptr<PeArpResoaClient> client)
{
    m_client = client;
}

Ptr<Socket>
PeArpResoaTcpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_client, "PeArpResoaTcpSocketFactory: no client");
    return m_client->CreateSocket(true);
}

void
PeArpResoaTcpSocketFactory::DoDispose()
{
    m_client = nullptr;
    TcpSocketFactory::DoDispose();
}

TypeId
PeArpResoaUdpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaUdpSocketFactory")
                            .SetParent<UdpSocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaUdpSocketFactory>();
    return tid;
}

void
PeArpResoaUdpSocketFactory::SetClient(Ptr<PeArpResoaClient> client)
{
    m_client = client;
}

Ptr<Socket>
PeArpResoaUdpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_client, "PeArpResoaUdpSocketFactory: no client");
    return m_client->CreateSocket(false);
}

void
PeArpResoaUdpSocketFactory::DoDispose()
{
    m_client = nullptr;
    UdpSocketFactory::DoDispose();
}

TypeId
PeArpResoaDualTcpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaDualTcpSocketFactory")
                            .SetParent<SocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaDualTcpSocketFactory>();
    return tid;
}

void
PeArpResoaDualTcpSocketFactory::SetClient(Ptr<PeArpResoaClient> client)
{
    m_client = client;
}

Ptr<Socket>
PeArpResoaDualTcpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_client, "PeArpResoaDualTcpSocketFactory: no client");
    return m_client->CreateSocket(true);
}

void
PeArpResoaDualTcpSocketFactory::DoDispose()
{
    m_client = nullptr;
    SocketFactory::DoDispose();
}

TypeId
PeArpResoaDualUdpSocketFactory::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaDualUdpSocketFactory")
                            .SetParent<SocketFactory>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaDualUdpSocketFactory>();
    return tid;
}

void
PeArpResoaDualUdpSocketFactory::SetClient(Ptr<PeArpResoaClient> client)
{
    m_client = client;
}

Ptr<Socket>
PeArpResoaDualUdpSocketFactory::CreateSocket()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_client, "PeArpResoaDualUdpSocketFactory: no client");
    return m_client->CreateSocket(false);
}

void
PeArpResoaDualUdpSocketFactory::DoDispose()
{
    m_client = nullptr;
    SocketFactory::DoDispose();
}

} // namespace ns3
