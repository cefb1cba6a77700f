/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-web-server.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cstring>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpWebServer");

NS_OBJECT_ENSURE_REGISTERED(PeArpWebServer);

TypeId
PeArpWebServer::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpWebServer")
                            .SetParent<Application>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpWebServer>()
                            .AddAttribute("Port",
                                          "The TCP port it listens on.",
                                          UintegerValue(80),
                                          MakeUintegerAccessor(&PeArpWebServer::m_port),
                                          MakeUintegerChecker<uint16_t>(1));
    return tid;
}

PeArpWebServer::PeArpWebServer()
    : m_port(80),
      m_accepted(0),
      m_served(0),
      m_badRequests(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpWebServer::~PeArpWebServer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpWebServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [raw, connection] : m_connections)
    {
        connection.socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        connection.socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        connection.socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                             MakeNullCallback<void, Ptr<Socket>>());
        connection.socket = nullptr;
    }
    m_connections.clear();
    m_listener = nullptr;
    Application::DoDispose();
}

void
PeArpWebServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "PeArpWebServer: cannot bind port " << m_port);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&PeArpWebServer::Accept, this));
}

void
PeArpWebServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_listener)
    {
        m_listener->Close();
    }
}

void
PeArpWebServer::Accept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    m_accepted++;
    Connection& c = m_connections[PeekPointer(socket)];
    c.socket = socket;
    socket->SetRecvCallback(MakeCallback(&PeArpWebServer::Receive, this));
    socket->SetSendCallback(MakeCallback(&PeArpWebServer::Send, this));
    socket->SetCloseCallbacks(MakeCallback(&PeArpWebServer::Closed, this),
                              MakeCallback(&PeArpWebServer::Closed, this));
}

void
PeArpWebServer::Receive(Ptr<Socket> socket)
{
    auto it = m_connections.find(PeekPointer(socket));
    Ptr<Packet> packet;
    while ((packet = socket->Recv()))
    {
        if (it == m_connections.end() || it->second.answering)
        {
            continue;
        }
        Connection& c = it->second;
        uint32_t take = std::min<uint32_t>(packet->GetSize(), 8 - c.have);
        packet->CopyData(c.request + c.have, take);
        c.have += take;
        if (c.have < 8)
        {
            continue;
        }
        if (std::memcmp(c.request, "GET ", 4) != 0)
        {
            NS_LOG_LOGIC("not a request: closing");
            m_badRequests++;
            socket->Close();
            m_connections.erase(it);
            return;
        }
        c.toSend = (uint32_t(c.request[4]) << 24) | (uint32_t(c.request[5]) << 16) |
                   (uint32_t(c.request[6]) << 8) | c.request[7];
        c.answering = true;
        Send(socket, socket->GetTxAvailable());
    }
}

void
PeArpWebServer::Send(Ptr<Socket> socket, uint32_t available)
{
    auto it = m_connections.find(PeekPointer(socket));
    if (it == m_connections.end() || !it->second.answering || it->second.toSend == 0)
    {
        return;
    }
    Connection& c = it->second;
    while (c.toSend > 0 && available > 0)
    {
        uint32_t chunk = std::min({c.toSend, available, uint32_t(1448)});
        int sent = socket->Send(Create<Packet>(chunk));
        if (sent <= 0)
        {
            return;
        }
        c.toSend -= static_cast<uint32_t>(sent);
        available -= static_cast<uint32_t>(sent);
    }
    if (c.toSend == 0)
    {
        m_served++;
    }
}

void
PeArpWebServer::Closed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_connections.find(PeekPointer(socket));
    if (it != m_connections.end())
    {
        socket->Close(); // passive close: LAST_ACK, no TIME_WAIT here
        m_connections.erase(it);
    }
}

uint64_t
PeArpWebServer::GetAccepted() const
{
    return m_accepted;
}

uint64_t
PeArpWebServer::GetServed() const
{
    return m_served;
}

uint64_t
PeArpWebServer::GetBadRequests() const
{
    return m_badRequests;
}

} // namespace ns3
