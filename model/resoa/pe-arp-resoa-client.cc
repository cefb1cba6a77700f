/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-client.h"

#include "pe-arp-resoa-socket.h"

#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaClient");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaClient);

TypeId
PeArpResoaClient::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaClient")
                            .SetParent<Object>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaClient>()
                            .AddAttribute("Lhp",
                                          "The client's LHP (set its attributes before Start).",
                                          PointerValue(),
                                          MakePointerAccessor(&PeArpResoaClient::m_lhp),
                                          MakePointerChecker<PeArpResoaLhp>())
                            .AddTraceSource("Drop",
                                            "A message from the server was dropped.",
                                            MakeTraceSourceAccessor(&PeArpResoaClient::m_dropTrace),
                                            "ns3::PeArpResoaClient::DropTracedCallback");
    return tid;
}

PeArpResoaClient::PeArpResoaClient()
    : m_lhp(CreateObject<PeArpResoaLhp>()),
      m_publicAddress(Ipv4Address::GetAny())
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaClient::~PeArpResoaClient()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpResoaClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    std::map<uint32_t, Ptr<PeArpResoaSocket>> sockets;
    sockets.swap(m_sockets);
    for (auto& [id, socket] : sockets)
    {
        socket->Dispose();
    }
    sockets.clear();
    if (m_lhp)
    {
        m_lhp->Dispose();
    }
    m_lhp = nullptr;
    m_node = nullptr;
    m_early.clear();
    Object::DoDispose();
}

void
PeArpResoaClient::Start(Ptr<NetDevice> device, Mac48Address server)
{
    NS_LOG_FUNCTION(this << device << server);
    NS_ABORT_MSG_IF(m_node, "PeArpResoaClient::Start: already started");
    m_node = device->GetNode();
    m_server = server;
    m_lhp->Install(device);
    m_lhp->SetRecvCallback(MakeCallback(&PeArpResoaClient::Receive, this));
    m_lhp->SetConnectionLostCallback(MakeCallback(&PeArpResoaClient::Lost, this));
    m_connection = 0;
    Simulator::ScheduleNow(&PeArpResoaClient::DoStart, this);
}

void
PeArpResoaClient::DoStart()
{
    NS_LOG_FUNCTION(this);
    if (!m_lhp)
    {
        return;
    }
    m_connection = m_lhp->Connect(m_server);
    m_started = true;
    PeArpResoaEpHeader header;
    header.SetType(PeArpResoaEpHeader::REGISTER);
    SendMessage(header, nullptr);
    std::vector<Ptr<Packet>> early;
    early.swap(m_early);
    for (const auto& message : early)
    {
        m_lhp->Send(m_connection, message);
    }
}

bool
PeArpResoaClient::IsRegistered() const
{
    return m_registered;
}

Ipv4Address
PeArpResoaClient::GetPublicAddress() const
{
    return m_publicAddress;
}

Ptr<Node>
PeArpResoaClient::GetNode() const
{
    return m_node;
}

Ptr<PeArpResoaLhp>
PeArpResoaClient::GetLhp() const
{
    return m_lhp;
}

const PeArpResoaClient::Counters&
PeArpResoaClient::GetCounters() const
{
    return m_counters;
}

uint32_t
PeArpResoaClient::GetSocketCount() const
{
    return static_cast<uint32_t>(m_sockets.size());
}

Ptr<Socket>
PeArpResoaClient::CreateSocket(bool tcp)
{
    NS_LOG_FUNCTION(this << tcp);
    Ptr<PeArpResoaSocket> socket = CreateObject<PeArpResoaSocket>();
    uint32_t id = m_nextRsockId++;
    if (m_nextRsockId >= 0x80000000U)
    {
        m_nextRsockId = 1;
    }
    socket->SetClient(this, tcp, id);
    AddSocket(socket);
    return socket;
}

void
PeArpResoaClient::AddSocket(Ptr<PeArpResoaSocket> socket)
{
    m_sockets[socket->GetRsockId()] = socket;
    ++m_counters.socketsCreated;
}

void
PeArpResoaClient::RemoveSocket(uint32_t rsockId)
{
    m_sockets.erase(rsockId);
}

uint32_t
PeArpResoaClient::GetMaxMessage() const
{
    return m_lhp ? m_lhp->GetMaxPayload() : 0;
}

bool
PeArpResoaClient::SendMessage(const PeArpResoaEpHeader& header, Ptr<Packet> payload)
{
    NS_LOG_FUNCTION(this << header);
    if (!m_lhp || !m_node || (m_started && m_connection == 0))
    {
        return false; // not started, or the server is gone
    }
    Ptr<Packet> message = payload ? payload->Copy() : Create<Packet>();
    if (payload)
    {
        m_counters.bytesSent += payload->GetSize();
    }
    message->AddHeader(header);
    ++m_counters.sent[header.GetType()];
    if (!m_started)
    {
        m_early.push_back(message); // calls made before the start event: after REGISTER
        return true;
    }
    return m_lhp->Send(m_connection, message);
}

void
PeArpResoaClient::CountDrop(DropReason reason, Ptr<const Packet> message)
{
    NS_LOG_FUNCTION(this << reason);
    ++m_counters.drops[reason];
    m_dropTrace(reason, message);
}

void
PeArpResoaClient::Receive(PeArpResoaLhp::ConnectionId connection, Ptr<Packet> message)
{
    NS_LOG_FUNCTION(this << connection << message);
    PeArpResoaEpHeader header;
    uint32_t size = message->PeekHeader(header);
    switch (header.GetError())
    {
    case PeArpResoaEpHeader::NONE:
        break;
    case PeArpResoaEpHeader::TRUNCATED:
        CountDrop(TRUNCATED, message);
        return;
    case PeArpResoaEpHeader::BAD_TYPE:
        CountDrop(BAD_TYPE, message);
        return;
    case PeArpResoaEpHeader::BAD_TLV:
        CountDrop(BAD_TLV, message);
        return;
    case PeArpResoaEpHeader::MISSING_FIELD:
        CountDrop(MISSING_FIELD, message);
        return;
    case PeArpResoaEpHeader::TRAILING_BYTES:
        CountDrop(TRAILING_BYTES, message);
        return;
    }
    uint8_t type = header.GetType();
    if (type < PeArpResoaEpHeader::REGISTER_ACK)
    {
        CountDrop(WRONG_DIRECTION, message);
        return;
    }
    ++m_counters.received[type];
    if (type == PeArpResoaEpHeader::REGISTER_ACK)
    {
        m_registered = true;
        m_publicAddress = header.GetLocal()->GetIpv4();
        return;
    }
    uint32_t target = header.GetRsockId();
    if (type == PeArpResoaEpHeader::ACCEPT_IND)
    {
        target = *header.GetParent();
    }
    auto it = m_sockets.find(target);
    if (it == m_sockets.end())
    {
        CountDrop(NO_SOCKET, message);
        return;
    }
    Ptr<Packet> payload = message->Copy();
    payload->RemoveAtStart(size);
    if (type == PeArpResoaEpHeader::DATA || type == PeArpResoaEpHeader::DATA_FROM)
    {
        m_counters.bytesReceived += payload->GetSize();
    }
    Ptr<PeArpResoaSocket> socket = it->second;
    socket->HandleMessage(header, payload);
}

void
PeArpResoaClient::Lost(PeArpResoaLhp::ConnectionId connection, PeArpResoaLhp::LostReason reason)
{
    NS_LOG_FUNCTION(this << connection << reason);
    if (connection != m_connection)
    {
        return;
    }
    ++m_counters.connectionLost;
    m_registered = false;
    m_connection = 0;
    std::vector<Ptr<PeArpResoaSocket>> sockets;
    for (const auto& [id, socket] : m_sockets)
    {
        sockets.push_back(socket);
    }
    m_sockets.clear();
    for (const auto& socket : sockets)
    {
        socket->Fail(Socket::ERROR_SHUTDOWN);
    }
}

} // namespace ns3
