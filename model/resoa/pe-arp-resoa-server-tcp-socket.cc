/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-server-tcp-socket.h"

#include "ns3/log.h"
#include "ns3/tcp-header.h"
#include "ns3/tcp-tx-buffer.h"

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

void
PeArpResoaServerTcpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_delivered = MakeNullCallback<bool>();
    m_heldFin = nullptr;
    TcpSocketBase::DoDispose();
}

void
PeArpResoaServerTcpSocket::SetDeliveredCallback(Callback<bool> delivered)
{
    m_delivered = delivered;
}

bool
PeArpResoaServerTcpSocket::IsFinHeld() const
{
    return m_heldFin != nullptr;
}

uint32_t
PeArpResoaServerTcpSocket::GetFinRetransmissionsDropped() const
{
    return m_finRetransmissionsDropped;
}

bool
PeArpResoaServerTcpSocket::ReleaseFin()
{
    if (!m_heldFin)
    {
        return false;
    }
    NS_LOG_FUNCTION(this);
    Ptr<Packet> fin = m_heldFin;
    m_heldFin = nullptr;
    TcpSocketBase::DoForwardUp(fin, m_heldFrom, m_heldTo);
    return true;
}

void
PeArpResoaServerTcpSocket::DoForwardUp(Ptr<Packet> packet,
                                       const Address& fromAddress,
                                       const Address& toAddress)
{
    TcpHeader header;
    packet->PeekHeader(header);
    uint8_t flags = header.GetFlags();
    bool fin = (flags & TcpHeader::FIN) && !(flags & (TcpHeader::SYN | TcpHeader::RST));
    if (!fin || m_delivered.IsNull() ||
        !(m_state == ESTABLISHED || m_state == FIN_WAIT_1 || m_state == FIN_WAIT_2))
    {
        TcpSocketBase::DoForwardUp(packet, fromAddress, toAddress);
        return;
    }
    Ptr<Packet> stripped = packet->Copy();
    stripped->RemoveHeader(header);
    uint32_t length = stripped->GetSize();
    if (m_heldFin)
    {
        if (length == 0)
        {
            ++m_finRetransmissionsDropped; // a retransmission of the held FIN
            return;
        }
    }
    else
    {
        if (length == 0 && m_delivered())
        {
            TcpSocketBase::DoForwardUp(packet, fromAddress, toAddress);
            return;
        }
        TcpHeader finOnly = header;
        finOnly.SetSequenceNumber(header.GetSequenceNumber() + length);
        m_heldFin = Create<Packet>();
        m_heldFin->AddHeader(finOnly);
        m_heldFrom = fromAddress;
        m_heldTo = toAddress;
        NS_LOG_LOGIC("holding the FIN at " << finOnly.GetSequenceNumber());
    }
    header.SetFlags(flags & ~TcpHeader::FIN);
    stripped->AddHeader(header);
    TcpSocketBase::DoForwardUp(stripped, fromAddress, toAddress);
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

int
PeArpResoaServerTcpSocket::ShutdownSend()
{
    NS_LOG_FUNCTION(this);
    bool stuck = !m_shutdownSend && (m_state == ESTABLISHED || m_state == CLOSE_WAIT) &&
                 m_txBuffer->Size() > 0 &&
                 m_txBuffer->SizeFromSequence(m_tcb->m_nextTxSequence) == 0;
    int result = TcpSocketBase::ShutdownSend();
    if (stuck)
    {
        SendEmptyPacket(TcpHeader::FIN);
        m_state = m_state == ESTABLISHED ? FIN_WAIT_1 : LAST_ACK;
    }
    return result;
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
