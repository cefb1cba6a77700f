/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-server.h"

#include "pe-arp-resoa-server-tcp-socket.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/pointer.h"
#include "ns3/rtt-estimator.h"
#include "ns3/tcp-congestion-ops.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/tcp-recovery-ops.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaServer");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaServer);

TypeId
PeArpResoaServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpResoaServer")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpResoaServer>()
            .AddAttribute("MaxSocketsPerClient",
                          "Sockets one client may have (ReSoA TR footnote 7); one more is "
                          "refused with ERROR_CLOSE (SOCKET_LIMIT).",
                          UintegerValue(64),
                          MakeUintegerAccessor(&PeArpResoaServer::m_maxSocketsPerClient),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("HoldFin",
                          "Do not acknowledge a peer's FIN before every byte before it "
                          "reached the client (ReSoA TR section 4.3).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpResoaServer::m_holdFin),
                          MakeBooleanChecker())
            .AddAttribute("Lhp",
                          "The server's LHP (set its attributes before Start).",
                          PointerValue(),
                          MakePointerAccessor(&PeArpResoaServer::m_lhp),
                          MakePointerChecker<PeArpResoaLhp>())
            .AddTraceSource("Drop",
                            "A message from a client was dropped, or a socket refused.",
                            MakeTraceSourceAccessor(&PeArpResoaServer::m_dropTrace),
                            "ns3::PeArpResoaServer::DropTracedCallback");
    return tid;
}

PeArpResoaServer::PeArpResoaServer()
    : m_lhp(CreateObject<PeArpResoaLhp>()),
      m_publicAddress(Ipv4Address::GetAny()),
      m_maxSocketsPerClient(64),
      m_holdFin(true)
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaServer::~PeArpResoaServer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpResoaServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    std::vector<Ptr<Socket>> sockets = m_retired;
    for (const auto& [socket, entry] : m_bySocket)
    {
        sockets.push_back(entry->socket);
    }
    for (const auto& socket : sockets)
    {
        socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        socket->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
        socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                   MakeNullCallback<void, Ptr<Socket>>());
        socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                  MakeNullCallback<void, Ptr<Socket>>());
        socket->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeNullCallback<void, Ptr<Socket>, const Address&>());
        Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(socket);
        if (tcp)
        {
            tcp->SetDeliveredCallback(MakeNullCallback<bool>());
        }
    }
    m_clients.clear();
    m_bySocket.clear();
    m_listeners.clear();
    m_retired.clear();
    if (m_lhp)
    {
        m_lhp->Dispose();
    }
    m_lhp = nullptr;
    m_node = nullptr;
    Object::DoDispose();
}

void
PeArpResoaServer::Start(Ptr<NetDevice> device, Ipv4Address publicAddress)
{
    NS_LOG_FUNCTION(this << device << publicAddress);
    NS_ABORT_MSG_IF(m_node, "PeArpResoaServer::Start: already started");
    m_node = device->GetNode();
    NS_ABORT_MSG_IF(!m_node->GetObject<TcpL4Protocol>() || !m_node->GetObject<UdpSocketFactory>(),
                    "PeArpResoaServer::Start: the server's node needs a TCP/IP stack");
    m_publicAddress = publicAddress;
    m_lhp->Install(device);
    m_lhp->SetListening(true);
    m_lhp->SetRecvCallback(MakeCallback(&PeArpResoaServer::Receive, this));
    m_lhp->SetConnectedCallback(MakeCallback(&PeArpResoaServer::Connected, this));
    m_lhp->SetConnectionLostCallback(MakeCallback(&PeArpResoaServer::Lost, this));
    m_lhp->SetDrainedCallback(MakeCallback(&PeArpResoaServer::Drained, this));
}

bool
PeArpResoaServer::Delivered(const Entry* entry) const
{
    return entry->socket->GetRxAvailable() == 0 &&
           (m_crashed || m_lhp->GetOutstanding(entry->connection) == 0);
}

void
PeArpResoaServer::SetupFinHold(const std::shared_ptr<Entry>& entry)
{
    Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(entry->socket);
    if (tcp && m_holdFin)
    {
        const Entry* raw = entry.get();
        tcp->SetDeliveredCallback(Callback<bool>([this, raw]() { return Delivered(raw); }));
    }
}

void
PeArpResoaServer::Drained(PeArpResoaLhp::ConnectionId connection)
{
    auto client = m_clients.find(connection);
    if (client == m_clients.end())
    {
        return;
    }
    std::vector<std::shared_ptr<Entry>> held;
    for (const auto& [id, entry] : client->second.sockets)
    {
        Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(entry->socket);
        if (tcp && tcp->IsFinHeld())
        {
            held.push_back(entry);
        }
    }
    for (const auto& entry : held)
    {
        Push(entry);
    }
}

void
PeArpResoaServer::Crash()
{
    NS_LOG_FUNCTION(this);
    m_crashed = true;
    m_lhp->Crash();
    Ptr<Ipv4> ipv4 = m_node ? m_node->GetObject<Ipv4>() : nullptr;
    if (ipv4)
    {
        int32_t interface = ipv4->GetInterfaceForAddress(m_publicAddress);
        if (interface >= 0)
        {
            ipv4->SetDown(interface);
        }
    }
}

bool
PeArpResoaServer::IsCrashed() const
{
    return m_crashed;
}

Ipv4Address
PeArpResoaServer::GetPublicAddress() const
{
    return m_publicAddress;
}

Ptr<PeArpResoaLhp>
PeArpResoaServer::GetLhp() const
{
    return m_lhp;
}

uint32_t
PeArpResoaServer::GetClientCount() const
{
    return static_cast<uint32_t>(m_clients.size());
}

uint32_t
PeArpResoaServer::GetSocketCount() const
{
    return static_cast<uint32_t>(m_bySocket.size());
}

const PeArpResoaServer::Counters&
PeArpResoaServer::GetCounters() const
{
    return m_counters;
}

void
PeArpResoaServer::Drop(DropReason reason, Ptr<const Packet> message)
{
    NS_LOG_FUNCTION(this << reason);
    ++m_counters.drops[reason];
    m_dropTrace(reason, message);
}

void
PeArpResoaServer::Connected(PeArpResoaLhp::ConnectionId connection)
{
    NS_LOG_FUNCTION(this << connection);
    m_clients[connection] = ClientState();
}

void
PeArpResoaServer::Lost(PeArpResoaLhp::ConnectionId connection, PeArpResoaLhp::LostReason reason)
{
    NS_LOG_FUNCTION(this << connection << reason);
    auto it = m_clients.find(connection);
    if (it == m_clients.end())
    {
        return;
    }
    ++m_counters.clientsLost;
    std::vector<std::shared_ptr<Entry>> entries;
    for (const auto& [id, entry] : it->second.sockets)
    {
        entries.push_back(entry);
    }
    m_clients.erase(it);
    for (const auto& entry : entries)
    {
        Remove(entry);
        ++m_counters.socketsAborted;
        Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(entry->socket);
        if (tcp)
        {
            tcp->Abort();
        }
        else
        {
            entry->socket->Close();
        }
    }
}

void
PeArpResoaServer::Reply(PeArpResoaLhp::ConnectionId connection,
                        const PeArpResoaEpHeader& header,
                        Ptr<Packet> payload)
{
    NS_LOG_FUNCTION(this << connection << header);
    if (m_crashed)
    {
        return;
    }
    Ptr<Packet> message = payload ? payload : Create<Packet>();
    message->AddHeader(header);
    ++m_counters.sent[header.GetType()];
    m_lhp->Send(connection, message);
}

InetSocketAddress
PeArpResoaServer::LocalOf(Ptr<Socket> socket) const
{
    Address local;
    socket->GetSockName(local);
    InetSocketAddress address = InetSocketAddress::ConvertFrom(local);
    if (address.GetIpv4() == Ipv4Address::GetAny())
    {
        address.SetIpv4(m_publicAddress);
    }
    return address;
}

std::shared_ptr<PeArpResoaServer::Entry>
PeArpResoaServer::Lookup(Ptr<Socket> socket) const
{
    auto it = m_bySocket.find(PeekPointer(socket));
    return it == m_bySocket.end() ? nullptr : it->second;
}

void
PeArpResoaServer::Receive(PeArpResoaLhp::ConnectionId connection, Ptr<Packet> message)
{
    NS_LOG_FUNCTION(this << connection << message);
    if (m_crashed)
    {
        return;
    }
    PeArpResoaEpHeader header;
    uint32_t size = message->PeekHeader(header);
    switch (header.GetError())
    {
    case PeArpResoaEpHeader::NONE:
        break;
    case PeArpResoaEpHeader::TRUNCATED:
        Drop(TRUNCATED, message);
        return;
    case PeArpResoaEpHeader::BAD_TYPE:
        Drop(BAD_TYPE, message);
        return;
    case PeArpResoaEpHeader::BAD_TLV:
        Drop(BAD_TLV, message);
        return;
    case PeArpResoaEpHeader::MISSING_FIELD:
        Drop(MISSING_FIELD, message);
        return;
    case PeArpResoaEpHeader::TRAILING_BYTES:
        Drop(TRAILING_BYTES, message);
        return;
    }
    uint8_t type = header.GetType();
    if (type >= PeArpResoaEpHeader::REGISTER_ACK)
    {
        Drop(WRONG_DIRECTION, message);
        return;
    }
    auto client = m_clients.find(connection);
    if (client == m_clients.end())
    {
        Drop(NOT_REGISTERED, message);
        return;
    }
    if (type == PeArpResoaEpHeader::REGISTER)
    {
        ++m_counters.received[type];
        if (!client->second.registered)
        {
            client->second.registered = true;
            ++m_counters.clientsRegistered;
        }
        PeArpResoaEpHeader ack;
        ack.SetType(PeArpResoaEpHeader::REGISTER_ACK);
        ack.SetCallId(header.GetCallId());
        ack.SetLocal(InetSocketAddress(m_publicAddress, 0));
        Reply(connection, ack, nullptr);
        return;
    }
    if (!client->second.registered)
    {
        Drop(NOT_REGISTERED, message);
        return;
    }
    ++m_counters.received[type];
    auto found = client->second.sockets.find(header.GetRsockId());
    std::shared_ptr<Entry> entry;
    if (header.GetFlags() & PeArpResoaEpHeader::WITH_SOCKET)
    {
        if (found != client->second.sockets.end())
        {
            Drop(DUPLICATE_SOCKET, message);
            return;
        }
        if (client->second.sockets.size() >= m_maxSocketsPerClient)
        {
            Drop(SOCKET_LIMIT, message);
            PeArpResoaEpHeader error;
            error.SetType(PeArpResoaEpHeader::ERROR_CLOSE);
            error.SetRsockId(header.GetRsockId());
            error.SetCallId(header.GetCallId());
            error.SetStatus(Socket::ERROR_AGAIN);
            Reply(connection, error, nullptr);
            return;
        }
        entry = CreateEntry(connection, header);
    }
    else if (found == client->second.sockets.end())
    {
        Drop(NO_SOCKET, message);
        return;
    }
    else
    {
        entry = found->second;
    }
    Ptr<Packet> payload = message->Copy();
    payload->RemoveAtStart(size);
    Execute(entry, header, payload);
}

Ptr<Socket>
PeArpResoaServer::CreateTcpSocket() const
{
    Ptr<TcpL4Protocol> tcp = m_node->GetObject<TcpL4Protocol>();
    TypeIdValue rttType;
    TypeIdValue congestionType;
    TypeIdValue recoveryType;
    tcp->GetAttribute("RttEstimatorType", rttType);
    tcp->GetAttribute("SocketType", congestionType);
    tcp->GetAttribute("RecoveryType", recoveryType);
    ObjectFactory factory;
    factory.SetTypeId(rttType.Get());
    Ptr<RttEstimator> rtt = factory.Create<RttEstimator>();
    factory.SetTypeId(congestionType.Get());
    Ptr<TcpCongestionOps> congestion = factory.Create<TcpCongestionOps>();
    factory.SetTypeId(recoveryType.Get());
    Ptr<TcpRecoveryOps> recovery = factory.Create<TcpRecoveryOps>();

    Ptr<PeArpResoaServerTcpSocket> socket = CreateObject<PeArpResoaServerTcpSocket>();
    socket->SetNode(m_node);
    socket->SetTcp(tcp);
    socket->SetRtt(rtt);
    socket->SetCongestionControlAlgorithm(congestion);
    socket->SetRecoveryAlgorithm(recovery);
    return socket;
}

void
PeArpResoaServer::SetCallbacks(Ptr<Socket> socket)
{
    socket->SetRecvCallback(MakeCallback(&PeArpResoaServer::HandleRecv, this));
    socket->SetSendCallback(MakeCallback(&PeArpResoaServer::HandleSend, this));
    socket->SetConnectCallback(MakeCallback(&PeArpResoaServer::HandleConnected, this),
                               MakeCallback(&PeArpResoaServer::HandleConnectFailed, this));
    socket->SetCloseCallbacks(MakeCallback(&PeArpResoaServer::HandleNormalClose, this),
                              MakeCallback(&PeArpResoaServer::HandleErrorClose, this));
}

std::shared_ptr<PeArpResoaServer::Entry>
PeArpResoaServer::CreateEntry(PeArpResoaLhp::ConnectionId connection,
                              const PeArpResoaEpHeader& header)
{
    auto entry = std::make_shared<Entry>();
    entry->connection = connection;
    entry->rsockId = header.GetRsockId();
    entry->tcp = *header.GetSockType() == PeArpResoaEpHeader::SOCK_TCP;
    entry->clientBuffer = header.GetBuffer().value_or(131072);
    entry->credit = entry->clientBuffer;
    entry->socket = entry->tcp ? CreateTcpSocket()
                               : Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
    SetCallbacks(entry->socket);
    SetupFinHold(entry);
    m_clients[connection].sockets[entry->rsockId] = entry;
    m_bySocket[PeekPointer(entry->socket)] = entry;
    ++m_counters.socketsCreated;
    m_counters.peakSockets = std::max<uint64_t>(m_counters.peakSockets, m_bySocket.size());
    return entry;
}

void
PeArpResoaServer::Remove(const std::shared_ptr<Entry>& entry)
{
    auto client = m_clients.find(entry->connection);
    if (client != m_clients.end())
    {
        client->second.sockets.erase(entry->rsockId);
    }
    if (m_bySocket.erase(PeekPointer(entry->socket)) > 0)
    {
        m_retired.push_back(entry->socket);
    }
    if (entry->listening)
    {
        m_listeners.erase(LocalOf(entry->socket).GetPort());
    }
    Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(entry->socket);
    if (tcp)
    {
        tcp->SetDeliveredCallback(MakeNullCallback<bool>());
        tcp->ReleaseFin();
    }
}

void
PeArpResoaServer::EnsureBound(Entry& entry)
{
    if (!entry.bound)
    {
        entry.socket->Bind(InetSocketAddress(m_publicAddress, 0));
        entry.bound = true;
    }
}

void
PeArpResoaServer::Result(const std::shared_ptr<Entry>& entry, uint16_t callId, bool ok)
{
    PeArpResoaEpHeader result;
    result.SetType(PeArpResoaEpHeader::RESULT);
    result.SetRsockId(entry->rsockId);
    result.SetCallId(callId);
    if (ok)
    {
        result.SetLocal(LocalOf(entry->socket));
    }
    else
    {
        Socket::SocketErrno error = entry->socket->GetErrno();
        result.SetStatus(error == Socket::ERROR_NOTERROR ? Socket::ERROR_INVAL : error);
        Remove(entry);
        entry->socket->Close();
    }
    Reply(entry->connection, result, nullptr);
}

void
PeArpResoaServer::ErrorClose(const std::shared_ptr<Entry>& entry, Socket::SocketErrno error)
{
    PeArpResoaEpHeader message;
    message.SetType(PeArpResoaEpHeader::ERROR_CLOSE);
    message.SetRsockId(entry->rsockId);
    message.SetStatus(error == Socket::ERROR_NOTERROR ? Socket::ERROR_SHUTDOWN : error);
    Remove(entry);
    Reply(entry->connection, message, nullptr);
}

void
PeArpResoaServer::Execute(std::shared_ptr<Entry> entry,
                          const PeArpResoaEpHeader& header,
                          Ptr<Packet> payload)
{
    NS_LOG_FUNCTION(this << header);
    Ptr<Socket> socket = entry->socket;
    switch (header.GetType())
    {
    case PeArpResoaEpHeader::BIND: {
        InetSocketAddress local = *header.GetLocal();
        if (local.GetIpv4() == Ipv4Address::GetAny())
        {
            local.SetIpv4(m_publicAddress);
        }
        entry->bound = true;
        Result(entry, header.GetCallId(), socket->Bind(local) == 0);
        return;
    }
    case PeArpResoaEpHeader::LISTEN: {
        EnsureBound(*entry);
        bool ok = socket->Listen() == 0;
        if (ok)
        {
            entry->listening = true;
            socket->SetAcceptCallback(MakeCallback(&PeArpResoaServer::HandleRequest, this),
                                      MakeCallback(&PeArpResoaServer::HandleAccept, this));
            m_listeners[LocalOf(socket).GetPort()] = entry;
        }
        Result(entry, header.GetCallId(), ok);
        return;
    }
    case PeArpResoaEpHeader::CONNECT:
        EnsureBound(*entry);
        Result(entry, header.GetCallId(), socket->Connect(*header.GetPeer()) == 0);
        return;
    case PeArpResoaEpHeader::SEND:
    case PeArpResoaEpHeader::SENDTO: {
        uint32_t size = payload->GetSize();
        m_counters.bytesFromClients += size;
        int sent;
        if (header.GetType() == PeArpResoaEpHeader::SENDTO && !entry->tcp)
        {
            EnsureBound(*entry);
            sent = socket->SendTo(payload, 0, *header.GetPeer());
        }
        else
        {
            sent = socket->Send(payload, 0);
        }
        if (entry->tcp)
        {
            entry->granted -= std::min(entry->granted, size);
        }
        if (sent < 0)
        {
            Drop(SEND_FAILED, payload);
        }
        return;
    }
    case PeArpResoaEpHeader::CREDIT:
        entry->credit += *header.GetCount();
        Push(entry);
        return;
    case PeArpResoaEpHeader::SHUTDOWN_SEND:
        socket->ShutdownSend();
        return;
    case PeArpResoaEpHeader::CLOSE:
        Remove(entry);
        socket->Close();
        return;
    case PeArpResoaEpHeader::REGISTER:
    default:
        return;
    }
}

void
PeArpResoaServer::Push(const std::shared_ptr<Entry>& entry)
{
    if (m_crashed)
    {
        return;
    }
    Ptr<Socket> socket = entry->socket;
    uint32_t room = m_lhp->GetMaxPayload() - PeArpResoaEpHeader::FIXED_SIZE;
    if (!entry->tcp)
    {
        Address from;
        Ptr<Packet> datagram;
        while ((datagram = socket->RecvFrom(from)))
        {
            if (datagram->GetSize() + PeArpResoaEpHeader::FIXED_SIZE + 8 > m_lhp->GetMaxPayload())
            {
                Drop(DATAGRAM_TOO_BIG, datagram);
                continue;
            }
            PeArpResoaEpHeader data;
            data.SetType(PeArpResoaEpHeader::DATA_FROM);
            data.SetRsockId(entry->rsockId);
            data.SetPeer(InetSocketAddress::ConvertFrom(from));
            m_counters.bytesPushed += datagram->GetSize();
            Reply(entry->connection, data, datagram);
        }
        return;
    }
    Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(socket);
    uint32_t windowBefore = tcp ? tcp->GetAdvertisedWindow() : 0;
    bool read = false;
    while (entry->credit > 0 && socket->GetRxAvailable() > 0)
    {
        Ptr<Packet> chunk = socket->Recv(std::min(entry->credit, room), 0);
        if (!chunk || chunk->GetSize() == 0)
        {
            break;
        }
        read = true;
        entry->credit -= chunk->GetSize();
        m_counters.bytesPushed += chunk->GetSize();
        PeArpResoaEpHeader data;
        data.SetType(PeArpResoaEpHeader::DATA);
        data.SetRsockId(entry->rsockId);
        Reply(entry->connection, data, chunk);
    }
    if (read && tcp && tcp->ReadDone(windowBefore))
    {
        ++m_counters.windowUpdates;
    }
    if (tcp && tcp->IsFinHeld() && Delivered(entry.get()))
    {
        std::shared_ptr<Entry> keep = entry; // the FIN's callbacks may remove it
        ++m_counters.finsHeld;
        tcp->ReleaseFin();
        return;
    }
    if (entry->peerClosed && !entry->peerClosedSent && socket->GetRxAvailable() == 0)
    {
        entry->peerClosedSent = true;
        PeArpResoaEpHeader closed;
        closed.SetType(PeArpResoaEpHeader::PEER_CLOSED);
        closed.SetRsockId(entry->rsockId);
        Reply(entry->connection, closed, nullptr);
    }
}

void
PeArpResoaServer::Grant(const std::shared_ptr<Entry>& entry, bool force)
{
    if (!entry->tcp || m_crashed)
    {
        return;
    }
    uint32_t available = entry->socket->GetTxAvailable();
    if (available <= entry->granted)
    {
        return;
    }
    uint32_t extra = available - entry->granted;
    uint32_t threshold = m_lhp->GetMaxPayload();
    if (!force && extra < threshold && entry->granted > 0)
    {
        return;
    }
    entry->granted += extra;
    PeArpResoaEpHeader credit;
    credit.SetType(PeArpResoaEpHeader::SEND_CREDIT);
    credit.SetRsockId(entry->rsockId);
    credit.SetCount(extra);
    Reply(entry->connection, credit, nullptr);
}

void
PeArpResoaServer::HandleRecv(Ptr<Socket> socket)
{
    auto entry = Lookup(socket);
    if (entry)
    {
        Push(entry);
    }
}

void
PeArpResoaServer::HandleSend(Ptr<Socket> socket, uint32_t available)
{
    auto entry = Lookup(socket);
    if (entry && !entry->listening)
    {
        Grant(entry, false);
    }
}

void
PeArpResoaServer::HandleConnected(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto entry = Lookup(socket);
    if (!entry || m_crashed)
    {
        return;
    }
    Address peer;
    socket->GetPeerName(peer);
    PeArpResoaEpHeader connected;
    connected.SetType(PeArpResoaEpHeader::CONNECTED);
    connected.SetRsockId(entry->rsockId);
    connected.SetLocal(LocalOf(socket));
    connected.SetPeer(InetSocketAddress::ConvertFrom(peer));
    entry->granted = socket->GetTxAvailable();
    connected.SetCount(entry->granted);
    Reply(entry->connection, connected, nullptr);
    Push(entry);
}

void
PeArpResoaServer::HandleConnectFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto entry = Lookup(socket);
    if (entry)
    {
        ErrorClose(entry, socket->GetErrno());
    }
}

void
PeArpResoaServer::HandleNormalClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto entry = Lookup(socket);
    if (entry)
    {
        entry->peerClosed = true;
        Push(entry);
    }
}

void
PeArpResoaServer::HandleErrorClose(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto entry = Lookup(socket);
    if (entry)
    {
        ErrorClose(entry, socket->GetErrno());
    }
}

bool
PeArpResoaServer::HandleRequest(Ptr<Socket> socket, const Address& from)
{
    return Lookup(socket) != nullptr && !m_crashed;
}

void
PeArpResoaServer::HandleAccept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    InetSocketAddress local = LocalOf(socket);
    auto listener = m_listeners.find(local.GetPort());
    if (listener == m_listeners.end() || m_crashed)
    {
        m_retired.push_back(socket);
        socket->Close();
        return;
    }
    std::shared_ptr<Entry> parent = listener->second;
    auto client = m_clients.find(parent->connection);
    if (client == m_clients.end())
    {
        m_retired.push_back(socket);
        socket->Close();
        return;
    }
    if (client->second.sockets.size() >= m_maxSocketsPerClient)
    {
        Drop(SOCKET_LIMIT, Create<Packet>());
        m_retired.push_back(socket);
        Ptr<PeArpResoaServerTcpSocket> tcp = DynamicCast<PeArpResoaServerTcpSocket>(socket);
        if (tcp)
        {
            tcp->Abort();
        }
        return;
    }
    auto entry = std::make_shared<Entry>();
    entry->connection = parent->connection;
    entry->rsockId = client->second.nextAcceptedId++;
    if (client->second.nextAcceptedId == 0)
    {
        client->second.nextAcceptedId = 0x80000001U;
    }
    entry->socket = socket;
    entry->tcp = true;
    entry->bound = true;
    entry->clientBuffer = parent->clientBuffer;
    entry->credit = parent->clientBuffer;
    SetCallbacks(socket);
    SetupFinHold(entry);
    client->second.sockets[entry->rsockId] = entry;
    m_bySocket[PeekPointer(socket)] = entry;
    ++m_counters.socketsCreated;
    m_counters.peakSockets = std::max<uint64_t>(m_counters.peakSockets, m_bySocket.size());

    PeArpResoaEpHeader accepted;
    accepted.SetType(PeArpResoaEpHeader::ACCEPT_IND);
    accepted.SetRsockId(entry->rsockId);
    accepted.SetParent(parent->rsockId);
    accepted.SetPeer(InetSocketAddress::ConvertFrom(from));
    accepted.SetLocal(local);
    entry->granted = socket->GetTxAvailable();
    accepted.SetCount(entry->granted);
    Reply(entry->connection, accepted, nullptr);
    Push(entry);
}

} // namespace ns3
