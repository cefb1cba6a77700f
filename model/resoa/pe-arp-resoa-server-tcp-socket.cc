/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-server-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/tcp-header.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaServerTcpSocket");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaServerTcpSocket);

TypeId
PeArpResoaServerTcpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaServerTcpSocket")
                            .SetParent<TcpSocketBase>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaServerTcpSocket>();
    return tid;
}

PeArpResoaServerTcpSocket::PeArpResoaServerTcpSocket()
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaServerTcpSocket::PeArpResoaServerTcpSocket(const PeArpResoaServerTcpSocket& socket)
    : TcpSocketBase(socket)
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaServerTcpSocket::~PeArpResoaServerTcpSocket()
{
    NS_LOG_FUNCTION(this);
}

Ptr<TcpSocketBase>
PeArpResoaServerTcpSocket::Fork()
{
    return CopyObject<PeArpResoaServerTcpSocket>(this);
}

void
PeArpResoaServerTcpSocket::Abort()
{
    NS_LOG_FUNCTION(this);
    switch (m_state.Get())
    {
    case SYN_SENT:
    case SYN_RCVD:
    case ESTABLISHED:
    case CLOSE_WAIT:
    case FIN_WAIT_1:
    case FIN_WAIT_2:
    case CLOSING:
    case LAST_ACK:
        SendRST();
        m_state = CLOSED;
        break;
    default:
        Close();
        break;
    }
}

uint32_t
PeArpResoaServerTcpSocket::GetAdvertisedWindow() const
{
    return AdvertisedWindowSize(false);
}

bool
PeArpResoaServerTcpSocket::ReadDone(uint32_t windowBefore)
{
    uint32_t mss = m_tcb->m_segmentSize;
    if ((m_state == ESTABLISHED || m_state == FIN_WAIT_1 || m_state == FIN_WAIT_2) &&
        windowBefore < mss && GetAdvertisedWindow() >= mss)
    {
        NS_LOG_LOGIC("window update: " << windowBefore << " -> " << GetAdvertisedWindow());
        SendEmptyPacket(TcpHeader::ACK);
        return true;
    }
    return false;
}

} // namespace ns3
