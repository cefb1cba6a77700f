/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-socket.h"

#include "pe-arp-resoa-client.h"

#include "ns3/inet6-socket-address.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaSocket");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaSocket);

TypeId
PeArpResoaSocket::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpResoaSocket")
            .SetParent<Socket>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpResoaSocket>()
            .AddAttribute("SndBufSize",
                          "TCP: bytes Send() buffers locally before the server's credit "
                          "lets them go.",
                          UintegerValue(131072),
                          MakeUintegerAccessor(&PeArpResoaSocket::m_sndBufSize),
                          MakeUintegerChecker<uint32_t>(1, 1U << 30))
            .AddAttribute("RcvBufSize",
                          "Bytes the server may push ahead of the application (its credit); "
                          "UDP: datagrams beyond it are dropped (RX_OVERFLOW).",
                          UintegerValue(131072),
                          MakeUintegerAccessor(&PeArpResoaSocket::m_rcvBufSize),
                          MakeUintegerChecker<uint32_t>(2, 1U << 30));
    return tid;
}

PeArpResoaSocket::PeArpResoaSocket()
    : m_txBuffer(Create<Packet>())
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaSocket::~PeArpResoaSocket()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpResoaSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_notifyEvent.Cancel();
    m_notifyEvent = EventId();
    m_client = nullptr;
    m_txBuffer = nullptr;
    m_rxQueue.clear();
    Socket::DoDispose();
}

void
PeArpResoaSocket::SetClient(Ptr<PeArpResoaClient> client, bool tcp, uint32_t rsockId)
{
    m_client = client;
    m_tcp = tcp;
    m_rsockId = rsockId;
}

uint32_t
PeArpResoaSocket::GetRsockId() const
{
    return m_rsockId;
}

Socket::SocketErrno
PeArpResoaSocket::GetErrno() const
{
    return m_errno;
}

Socket::SocketType
PeArpResoaSocket::GetSocketType() const
{
    return m_tcp ? NS3_SOCK_STREAM : NS3_SOCK_DGRAM;
}

Ptr<Node>
PeArpResoaSocket::GetNode() const
{
    return m_client ? m_client->GetNode() : nullptr;
}

PeArpResoaEpHeader
PeArpResoaSocket::NewHeader(PeArpResoaEpHeader::Type type)
{
    PeArpResoaEpHeader header;
    header.SetType(type);
    header.SetRsockId(m_rsockId);
    header.SetCallId(++m_callId);
    if (!m_known)
    {
        header.SetFlags(PeArpResoaEpHeader::WITH_SOCKET);
        header.SetSockType(m_tcp ? PeArpResoaEpHeader::SOCK_TCP : PeArpResoaEpHeader::SOCK_UDP);
        header.SetBuffer(m_rcvBufSize);
    }
    return header;
}

bool
PeArpResoaSocket::Emit(const PeArpResoaEpHeader& header, Ptr<Packet> payload)
{
    if (!m_client)
    {
        return false;
    }
    if (header.GetFlags() & PeArpResoaEpHeader::WITH_SOCKET)
    {
        m_known = true;
    }
    return m_client->SendMessage(header, payload);
}

void
PeArpResoaSocket::Detach()
{
    if (m_client)
    {
        m_client->RemoveSocket(m_rsockId);
    }
}

int
PeArpResoaSocket::Bind()
{
    NS_LOG_FUNCTION(this);
    if (m_state != IDLE)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    return 0; // the server binds with the first call that needs it
}

int
PeArpResoaSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (Inet6SocketAddress::IsMatchingType(address) &&
        Inet6SocketAddress::ConvertFrom(address).GetIpv6() == Ipv6Address::GetAny() &&
        m_state == IDLE)
    {
        // ReSoA exports IPv4 only; apps that also open an IPv6 wildcard
        // socket (UdpEchoServer) get one that never receives anything
        m_state = BOUND;
        return 0;
    }
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = ERROR_AFNOSUPPORT;
        return -1;
    }
    if (m_state != IDLE)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    InetSocketAddress local = InetSocketAddress::ConvertFrom(address);
    if (local.GetPort() == 0 && local.GetIpv4() == Ipv4Address::GetAny())
    {
        return Bind();
    }
    PeArpResoaEpHeader header = NewHeader(PeArpResoaEpHeader::BIND);
    header.SetLocal(local);
    Emit(header, nullptr);
    m_state = BOUND;
    return 0;
}

int
PeArpResoaSocket::Bind6()
{
    m_errno = ERROR_AFNOSUPPORT;
    return -1;
}

int
PeArpResoaSocket::Connect(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_errno = ERROR_AFNOSUPPORT;
        return -1;
    }
    if (m_state == CLOSED || m_state == FAILED || m_state == LISTENING ||
        (m_tcp && (m_state == CONNECTING || m_state == CONNECTED)))
    {
        m_errno = m_tcp && m_state != CLOSED && m_state != FAILED ? ERROR_ISCONN : ERROR_BADF;
        return -1;
    }
    m_peer = InetSocketAddress::ConvertFrom(address);
    PeArpResoaEpHeader header = NewHeader(PeArpResoaEpHeader::CONNECT);
    header.SetPeer(*m_peer);
    Emit(header, nullptr);
    if (m_tcp)
    {
        m_state = CONNECTING;
    }
    else
    {
        m_state = CONNECTED;
        NotifyConnectionSucceeded();
    }
    return 0;
}

int
PeArpResoaSocket::Listen()
{
    NS_LOG_FUNCTION(this);
    if (!m_tcp)
    {
        m_errno = ERROR_OPNOTSUPP;
        return -1;
    }
    if (m_state != IDLE && m_state != BOUND)
    {
        m_errno = ERROR_INVAL;
        return -1;
    }
    Emit(NewHeader(PeArpResoaEpHeader::LISTEN), nullptr);
    m_state = LISTENING;
    return 0;
}

int
PeArpResoaSocket::Close()
{
    NS_LOG_FUNCTION(this);
    if (m_state == CLOSED || m_state == FAILED)
    {
        return 0;
    }
    if (m_tcp && (m_state == CONNECTED || m_state == CONNECTING) && m_txBuffer->GetSize() > 0)
    {
        m_closeRequested = true; // CLOSE follows the buffered data (Flush)
        Flush();
        return 0;
    }
    if (m_known)
    {
        Emit(NewHeader(PeArpResoaEpHeader::CLOSE), nullptr);
    }
    m_state = CLOSED;
    Detach();
    return 0;
}

int
PeArpResoaSocket::ShutdownSend()
{
    NS_LOG_FUNCTION(this);
    m_shutdownSend = true;
    if (m_tcp && (m_state == CONNECTED || m_state == CONNECTING))
    {
        Flush();
    }
    return 0;
}

int
PeArpResoaSocket::ShutdownRecv()
{
    NS_LOG_FUNCTION(this);
    m_shutdownRecv = true;
    return 0;
}

uint32_t
PeArpResoaSocket::GetTxAvailable() const
{
    if (!m_tcp)
    {
        uint32_t max = m_client ? m_client->GetMaxMessage() : 0;
        return max > 40 ? max - 40 : 0; // room for the largest SENDTO header
    }
    uint32_t used = m_txBuffer ? m_txBuffer->GetSize() : 0;
    return used >= m_sndBufSize ? 0 : m_sndBufSize - used;
}

int
PeArpResoaSocket::Send(Ptr<Packet> p, uint32_t flags)
{
    NS_LOG_FUNCTION(this << p << flags);
    if (!m_tcp)
    {
        if (m_state != CONNECTED)
        {
            m_errno = ERROR_NOTCONN;
            return -1;
        }
        return SendDatagram(p, std::nullopt);
    }
    if (m_state != CONNECTED && m_state != CONNECTING)
    {
        m_errno = ERROR_NOTCONN;
        return -1;
    }
    if (m_shutdownSend || m_closeRequested)
    {
        m_errno = ERROR_SHUTDOWN;
        return -1;
    }
    if (p->GetSize() > GetTxAvailable())
    {
        m_errno = ERROR_MSGSIZE;
        return -1;
    }
    m_txBuffer->AddAtEnd(p);
    Flush();
    return static_cast<int>(p->GetSize());
}

int
PeArpResoaSocket::SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress)
{
    NS_LOG_FUNCTION(this << p << flags << toAddress);
    if (m_tcp)
    {
        return Send(p, flags);
    }
    if (!InetSocketAddress::IsMatchingType(toAddress))
    {
        m_errno = ERROR_AFNOSUPPORT;
        return -1;
    }
    if (m_state == CLOSED || m_state == FAILED)
    {
        m_errno = ERROR_BADF;
        return -1;
    }
    return SendDatagram(p, InetSocketAddress::ConvertFrom(toAddress));
}

int
PeArpResoaSocket::SendDatagram(Ptr<Packet> p, std::optional<InetSocketAddress> to)
{
    if (m_shutdownSend)
    {
        m_errno = ERROR_SHUTDOWN;
        return -1;
    }
    PeArpResoaEpHeader header =
        NewHeader(to ? PeArpResoaEpHeader::SENDTO : PeArpResoaEpHeader::SEND);
    if (to)
    {
        header.SetPeer(*to);
    }
    if (!m_client || header.GetSerializedSize() + p->GetSize() > m_client->GetMaxMessage())
    {
        m_errno = ERROR_MSGSIZE;
        return -1;
    }
    if (!Emit(header, p))
    {
        m_errno = ERROR_AGAIN;
        return -1;
    }
    m_pendingSent += p->GetSize();
    ScheduleNotifyTx();
    return static_cast<int>(p->GetSize());
}

void
PeArpResoaSocket::Flush()
{
    if (!m_tcp || m_state != CONNECTED || !m_client)
    {
        return;
    }
    while (m_txBuffer->GetSize() > 0 && m_sendCredit > 0)
    {
        PeArpResoaEpHeader header = NewHeader(PeArpResoaEpHeader::SEND);
        uint32_t room = m_client->GetMaxMessage() - header.GetSerializedSize();
        uint32_t n = std::min({m_txBuffer->GetSize(), m_sendCredit, room});
        Ptr<Packet> chunk = m_txBuffer->CreateFragment(0, n);
        m_txBuffer->RemoveAtStart(n);
        m_sendCredit -= n;
        m_pendingSent += n;
        Emit(header, chunk);
    }
    if (m_pendingSent > 0)
    {
        ScheduleNotifyTx();
    }
    if (m_txBuffer->GetSize() > 0)
    {
        return;
    }
    if (m_shutdownSend && !m_shutdownSent && !m_closeRequested)
    {
        m_shutdownSent = true;
        Emit(NewHeader(PeArpResoaEpHeader::SHUTDOWN_SEND), nullptr);
    }
    if (m_closeRequested)
    {
        m_closeRequested = false;
        Emit(NewHeader(PeArpResoaEpHeader::CLOSE), nullptr);
        m_state = CLOSED;
        Detach();
    }
}

void
PeArpResoaSocket::ScheduleNotifyTx()
{
    if (!m_notifyEvent.IsRunning())
    {
        m_notifyEvent =
            Simulator::ScheduleNow(&PeArpResoaSocket::NotifyTx, Ptr<PeArpResoaSocket>(this));
    }
}

void
PeArpResoaSocket::NotifyTx()
{
    m_notifyEvent = EventId(); // the event holds a Ptr to this socket: no cycle
    if (m_pendingSent > 0)
    {
        uint32_t sent = m_pendingSent;
        m_pendingSent = 0;
        NotifyDataSent(sent);
    }
    if (m_tcp && (m_state == CONNECTED) && !m_shutdownSend && GetTxAvailable() > 0)
    {
        NotifySend(GetTxAvailable());
    }
}

uint32_t
PeArpResoaSocket::GetRxAvailable() const
{
    return m_rxBytes;
}

Ptr<Packet>
PeArpResoaSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    Address from;
    return RecvFrom(maxSize, flags, from);
}

Ptr<Packet>
PeArpResoaSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    NS_LOG_FUNCTION(this << maxSize << flags);
    if (m_rxQueue.empty())
    {
        m_errno = ERROR_AGAIN;
        return nullptr;
    }
    if (!m_tcp)
    {
        auto& front = m_rxQueue.front();
        if (front.first->GetSize() > maxSize)
        {
            return nullptr; // as ns-3's UDP
        }
        Ptr<Packet> p = front.first;
        fromAddress = front.second;
        m_rxBytes -= p->GetSize();
        m_rxQueue.pop_front();
        return p;
    }
    Ptr<Packet> out = Create<Packet>();
    while (!m_rxQueue.empty() && out->GetSize() < maxSize)
    {
        auto& front = m_rxQueue.front();
        uint32_t need = maxSize - out->GetSize();
        if (front.first->GetSize() <= need)
        {
            out->AddAtEnd(front.first);
            m_rxQueue.pop_front();
        }
        else
        {
            out->AddAtEnd(front.first->CreateFragment(0, need));
            front.first->RemoveAtStart(need);
        }
    }
    m_rxBytes -= out->GetSize();
    m_consumed += out->GetSize();
    if (m_peer)
    {
        fromAddress = *m_peer;
    }
    MaybeCredit();
    return out;
}

void
PeArpResoaSocket::MaybeCredit()
{
    if (!m_tcp || m_consumed == 0 || !m_client || m_state == CLOSED || m_state == FAILED)
    {
        return;
    }
    uint32_t threshold = std::min(m_client->GetMaxMessage(), m_rcvBufSize / 2);
    if (m_consumed >= threshold || m_rxBytes == 0)
    {
        PeArpResoaEpHeader header = NewHeader(PeArpResoaEpHeader::CREDIT);
        header.SetCount(m_consumed);
        m_consumed = 0;
        Emit(header, nullptr);
    }
}

int
PeArpResoaSocket::GetSockName(Address& address) const
{
    address = m_local ? Address(*m_local) : Address(InetSocketAddress(Ipv4Address::GetAny(), 0));
    return 0;
}

int
PeArpResoaSocket::GetPeerName(Address& address) const
{
    if (!m_peer || m_state != CONNECTED)
    {
        m_errno = ERROR_NOTCONN;
        return -1;
    }
    address = *m_peer;
    return 0;
}

bool
PeArpResoaSocket::SetAllowBroadcast(bool allowBroadcast)
{
    m_allowBroadcast = allowBroadcast;
    return true;
}

bool
PeArpResoaSocket::GetAllowBroadcast() const
{
    return m_allowBroadcast;
}

void
PeArpResoaSocket::Fail(SocketErrno error)
{
    NS_LOG_FUNCTION(this << error);
    if (m_state == CLOSED || m_state == FAILED)
    {
        return;
    }
    State previous = m_state;
    m_state = FAILED;
    m_errno = error;
    Detach();
    if (previous == CONNECTING)
    {
        NotifyConnectionFailed();
    }
    else
    {
        NotifyErrorClose();
    }
}

void
PeArpResoaSocket::HandleAccept(const PeArpResoaEpHeader& header)
{
    NS_LOG_FUNCTION(this << header);
    Ptr<PeArpResoaSocket> child = CreateObject<PeArpResoaSocket>();
    child->m_sndBufSize = m_sndBufSize;
    child->m_rcvBufSize = m_rcvBufSize;
    child->SetClient(m_client, true, header.GetRsockId());
    child->m_known = true;
    child->m_state = CONNECTED;
    child->m_local = header.GetLocal();
    child->m_peer = header.GetPeer();
    child->m_sendCredit = *header.GetCount();
    m_client->AddSocket(child);
    if (!NotifyConnectionRequest(*child->m_peer))
    {
        child->Close();
        return;
    }
    NotifyNewConnectionCreated(child, *child->m_peer);
}

void
PeArpResoaSocket::HandleMessage(const PeArpResoaEpHeader& header, Ptr<Packet> payload)
{
    NS_LOG_FUNCTION(this << header);
    switch (header.GetType())
    {
    case PeArpResoaEpHeader::RESULT:
        if (header.GetStatus() != ERROR_NOTERROR)
        {
            Fail(static_cast<SocketErrno>(
                std::min<uint8_t>(header.GetStatus(), SOCKET_ERRNO_LAST - 1)));
            return;
        }
        if (header.GetLocal())
        {
            m_local = header.GetLocal();
        }
        return;
    case PeArpResoaEpHeader::CONNECTED:
        m_local = header.GetLocal();
        m_sendCredit += *header.GetCount();
        if (m_state == CONNECTING)
        {
            m_state = CONNECTED;
            NotifyConnectionSucceeded();
            Flush();
        }
        return;
    case PeArpResoaEpHeader::ACCEPT_IND:
        if (m_state != LISTENING)
        {
            m_client->CountDrop(PeArpResoaClient::NO_SOCKET, payload);
            return;
        }
        HandleAccept(header);
        return;
    case PeArpResoaEpHeader::DATA:
    case PeArpResoaEpHeader::DATA_FROM: {
        uint32_t size = payload->GetSize();
        if (m_tcp && m_shutdownRecv)
        {
            m_consumed += size; // discarded, credited at once
            MaybeCredit();
            return;
        }
        if (m_rxBytes + size > m_rcvBufSize)
        {
            m_client->CountDrop(PeArpResoaClient::RX_OVERFLOW, payload);
            return;
        }
        Address from;
        if (header.GetPeer())
        {
            from = *header.GetPeer();
        }
        else if (m_peer)
        {
            from = *m_peer;
        }
        m_rxQueue.emplace_back(payload, from);
        m_rxBytes += size;
        NotifyDataRecv();
        return;
    }
    case PeArpResoaEpHeader::SEND_CREDIT:
        m_sendCredit += *header.GetCount();
        Flush();
        return;
    case PeArpResoaEpHeader::PEER_CLOSED:
        m_peerClosed = true;
        NotifyNormalClose();
        return;
    case PeArpResoaEpHeader::ERROR_CLOSE: {
        uint8_t status =
            header.GetStatus() == 0 ? static_cast<uint8_t>(ERROR_SHUTDOWN) : header.GetStatus();
        Fail(static_cast<SocketErrno>(std::min<uint8_t>(status, SOCKET_ERRNO_LAST - 1)));
    }
        return;
    default:
        return;
    }
}

} // namespace ns3
