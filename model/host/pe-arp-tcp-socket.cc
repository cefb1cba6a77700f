/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-tcp-socket.h"

#include "pe-arp-port-agent.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(PeArpTcpSocket);

TypeId
PeArpTcpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpTcpSocket")
                            .SetParent<TcpSocketBase>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpTcpSocket>();
    return tid;
}

PeArpTcpSocket::PeArpTcpSocket()
    : m_heldPort(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpTcpSocket::PeArpTcpSocket(const PeArpTcpSocket& socket)
    : TcpSocketBase(socket),
      m_agent(socket.m_agent),
      m_heldPort(0)
{
    NS_LOG_FUNCTION(this);
    // A listener that held an ephemeral port left its callback in the
    // copied state; a forked socket holds no port of its own.
    m_state.DisconnectWithoutContext(
        MakeCallback(&PeArpTcpSocket::StateChanged, const_cast<PeArpTcpSocket*>(&socket)));
}

PeArpTcpSocket::~PeArpTcpSocket()
{
    NS_LOG_FUNCTION(this);
    ReleasePort();
}

void
PeArpTcpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    ReleasePort();
    m_agent = nullptr;
    TcpSocketBase::DoDispose();
}

void
PeArpTcpSocket::StateChanged(TcpStates_t from, TcpStates_t to)
{
    if (to == CLOSED && from != CLOSED)
    {
        ReleasePort();
    }
}

void
PeArpTcpSocket::ReleasePort()
{
    if (m_heldPort != 0 && m_agent)
    {
        m_agent->Release(m_heldAddress, m_heldPort);
    }
    m_heldPort = 0;
}

void
PeArpTcpSocket::SetAgent(Ptr<PeArpPortAgent> agent)
{
    NS_LOG_FUNCTION(this << agent);
    m_agent = agent;
}

Ptr<TcpSocketBase>
PeArpTcpSocket::Fork()
{
    NS_LOG_FUNCTION(this);
    return CopyObject<PeArpTcpSocket>(this);
}

int
PeArpTcpSocket::BindInRange(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    if (port == 0)
    {
        SocketErrno error = m_agent->BindEphemeral(
            local,
            [this, local](uint16_t p) { return TcpSocketBase::Bind(InetSocketAddress(local, p)); },
            [this]() { return TcpSocketBase::GetErrno(); });
        if (error != ERROR_NOTERROR)
        {
            m_errno = error;
            return -1;
        }
        Address name;
        GetSockName(name);
        m_heldAddress = local;
        m_heldPort = InetSocketAddress::ConvertFrom(name).GetPort();
        m_agent->Hold(m_heldAddress, m_heldPort);
        // Watched only while a port is held (sockets of servers cost nothing).
        m_state.ConnectWithoutContext(MakeCallback(&PeArpTcpSocket::StateChanged, this));
        return 0;
    }
    if (!m_agent->IsAllowed(local, port))
    {
        m_agent->NotifyBindRefused(local, port);
        m_errno = ERROR_ADDRNOTAVAIL;
        return -1;
    }
    return TcpSocketBase::Bind(InetSocketAddress(local, port));
}

int
PeArpTcpSocket::Bind()
{
    NS_LOG_FUNCTION(this);
    return BindInRange(Ipv4Address::GetAny(), 0);
}

int
PeArpTcpSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        return TcpSocketBase::Bind(address);
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    return BindInRange(inet.GetIpv4(), inet.GetPort());
}

} // namespace ns3
