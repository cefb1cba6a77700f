/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-lhp.h"

#include "ns3/csma-net-device.h"
#include "ns3/log.h"
#include "ns3/net-device-queue-interface.h"
#include "ns3/node.h"
#include "ns3/simple-net-device.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaLhp");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaLhp);

TypeId
PeArpResoaLhp::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpResoaLhp")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpResoaLhp>()
            .AddAttribute("Rto",
                          "Initial and smallest retransmission timeout; doubled at each expiry "
                          "without progress (LAN scale, unsourced; 5 ms gave spurious "
                          "retransmissions with 8 clients on a 100 Mb/s CSMA bus, 20 ms none).",
                          TimeValue(MilliSeconds(20)),
                          MakeTimeAccessor(&PeArpResoaLhp::m_initialRto),
                          MakeTimeChecker(MicroSeconds(1), Seconds(60)))
            .AddAttribute("MaxRetries",
                          "Retransmission timeouts without progress before the connection "
                          "is lost (MAX_RETRIES).",
                          UintegerValue(8),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_maxRetries),
                          MakeUintegerChecker<uint32_t>(1, 30))
            .AddAttribute("KeepaliveInterval",
                          "An idle connection sends a KEEPALIVE after this much silence "
                          "from the peer; the liveness check runs at this period.",
                          TimeValue(Seconds(1)),
                          MakeTimeAccessor(&PeArpResoaLhp::m_keepaliveInterval),
                          MakeTimeChecker(MilliSeconds(1), Seconds(3600)))
            .AddAttribute("DeadAfter",
                          "A peer not heard from for this many keepalive intervals is "
                          "lost (DEAD_PEER).",
                          UintegerValue(3),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_deadAfter),
                          MakeUintegerChecker<uint32_t>(1, 1000))
            .AddAttribute("Window",
                          "Messages this end keeps unacknowledged and buffers out of order.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_window),
                          MakeUintegerChecker<uint16_t>(1, 32768))
            .AddAttribute("AckEvery",
                          "In-order messages that trigger an ACK at once (1: every one).",
                          UintegerValue(2),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_ackEvery),
                          MakeUintegerChecker<uint32_t>(1, 1024))
            .AddAttribute("AckDelay",
                          "Longest wait before an in-order message is acknowledged; keep it "
                          "well below Rto.",
                          TimeValue(MicroSeconds(200)),
                          MakeTimeAccessor(&PeArpResoaLhp::m_ackDelay),
                          MakeTimeChecker(Seconds(0), Seconds(1)))
            .AddAttribute("QueuePoll",
                          "When the device's transmit queue is stopped, try again after "
                          "this long.",
                          TimeValue(MicroSeconds(50)),
                          MakeTimeAccessor(&PeArpResoaLhp::m_queuePoll),
                          MakeTimeChecker(NanoSeconds(1), Seconds(1)))
            .AddAttribute("DeviceQueueLimit",
                          "DATA frames wait while the device's transmit queue holds this "
                          "many frames (or is full), so that ACKs do not queue behind a "
                          "long burst (CSMA and simple devices).",
                          UintegerValue(16),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_queueLimit),
                          MakeUintegerChecker<uint32_t>(1, 1000000))
            .AddAttribute("MaxQueue",
                          "Messages a connection may hold (queued plus unacknowledged); "
                          "one more is refused as QUEUE_FULL. 0: no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpResoaLhp::m_maxQueue),
                          MakeUintegerChecker<uint32_t>())
            .AddTraceSource("Drop",
                            "A frame (or a message refused by Send) was dropped.",
                            MakeTraceSourceAccessor(&PeArpResoaLhp::m_dropTrace),
                            "ns3::PeArpResoaLhp::DropTracedCallback")
            .AddTraceSource("ConnectionLost",
                            "A connection was lost or the peer disconnected.",
                            MakeTraceSourceAccessor(&PeArpResoaLhp::m_lostTrace),
                            "ns3::PeArpResoaLhp::LostTracedCallback")
            .AddTraceSource("Tx",
                            "A frame was handed to the device.",
                            MakeTraceSourceAccessor(&PeArpResoaLhp::m_txTrace),
                            "ns3::Packet::TracedCallback")
            .AddTraceSource("Rx",
                            "A frame arrived (before any check).",
                            MakeTraceSourceAccessor(&PeArpResoaLhp::m_rxTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

PeArpResoaLhp::PeArpResoaLhp()
    : m_initialRto(MilliSeconds(20)),
      m_maxRetries(8),
      m_keepaliveInterval(Seconds(1)),
      m_deadAfter(3),
      m_window(16),
      m_maxQueue(0),
      m_ackDelay(MicroSeconds(200)),
      m_ackEvery(2),
      m_queuePoll(MicroSeconds(50)),
      m_queueLimit(16)
{
    NS_LOG_FUNCTION(this);
}

PeArpResoaLhp::~PeArpResoaLhp()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpResoaLhp::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [id, c] : m_connections)
    {
        c.rtoEvent.Cancel();
        c.keepaliveEvent.Cancel();
        c.ackEvent.Cancel();
        c.queue.clear();
        c.sentAt.clear();
        c.reorder.clear();
    }
    m_connections.clear();
    m_byKey.clear();
    m_resumeEvent.Cancel();
    if (m_installed && m_device && m_device->GetNode())
    {
        m_device->GetNode()->UnregisterProtocolHandler(MakeCallback(&PeArpResoaLhp::Receive, this));
    }
    m_installed = false;
    m_device = nullptr;
    m_deviceQueue = nullptr;
    m_recvCallback = MakeNullCallback<void, ConnectionId, Ptr<Packet>>();
    m_connectedCallback = MakeNullCallback<void, ConnectionId>();
    m_lostCallback = MakeNullCallback<void, ConnectionId, LostReason>();
    m_drainedCallback = MakeNullCallback<void, ConnectionId>();
    Object::DoDispose();
}

void
PeArpResoaLhp::Install(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_IF(m_installed, "PeArpResoaLhp::Install: already installed");
    NS_ABORT_MSG_IF(!device || !device->GetNode(), "PeArpResoaLhp::Install: a device on a node");
    NS_ABORT_MSG_IF(device->GetMtu() <= PeArpResoaLhpHeader::SIZE,
                    "PeArpResoaLhp::Install: the device MTU is too small");
    m_device = device;
    if (Ptr<CsmaNetDevice> csma = DynamicCast<CsmaNetDevice>(device))
    {
        m_deviceQueue = csma->GetQueue();
    }
    else if (Ptr<SimpleNetDevice> simple = DynamicCast<SimpleNetDevice>(device))
    {
        m_deviceQueue = simple->GetQueue();
    }
    device->GetNode()->RegisterProtocolHandler(MakeCallback(&PeArpResoaLhp::Receive, this),
                                               PROTOCOL,
                                               device,
                                               false);
    m_installed = true;
}

Ptr<NetDevice>
PeArpResoaLhp::GetDevice() const
{
    return m_device;
}

void
PeArpResoaLhp::SetListening(bool listening)
{
    m_listening = listening;
}

void
PeArpResoaLhp::SetRecvCallback(Callback<void, ConnectionId, Ptr<Packet>> cb)
{
    m_recvCallback = cb;
}

void
PeArpResoaLhp::SetDrainedCallback(Callback<void, ConnectionId> cb)
{
    m_drainedCallback = cb;
}

void
PeArpResoaLhp::SetConnectedCallback(Callback<void, ConnectionId> cb)
{
    m_connectedCallback = cb;
}

void
PeArpResoaLhp::SetConnectionLostCallback(Callback<void, ConnectionId, LostReason> cb)
{
    m_lostCallback = cb;
}

PeArpResoaLhp::Connection*
PeArpResoaLhp::Find(ConnectionId id)
{
    auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : &it->second;
}

const PeArpResoaLhp::Connection*
PeArpResoaLhp::Find(ConnectionId id) const
{
    auto it = m_connections.find(id);
    return it == m_connections.end() ? nullptr : &it->second;
}

PeArpResoaLhp::ConnectionId
PeArpResoaLhp::Connect(Mac48Address peer)
{
    NS_LOG_FUNCTION(this << peer);
    NS_ABORT_MSG_IF(!m_installed, "PeArpResoaLhp::Connect before Install");
    while (m_byKey.count({peer, m_nextConnId}) > 0 || m_nextConnId == 0)
    {
        ++m_nextConnId;
    }
    ConnectionId id = m_nextHandle++;
    Connection& c = m_connections[id];
    c.peer = peer;
    c.connId = m_nextConnId++;
    c.rto = m_initialRto;
    c.lastHeard = Simulator::Now();
    m_byKey[{peer, c.connId}] = id;
    if (!m_crashed)
    {
        SendControl(c, PeArpResoaLhpHeader::CONN_REQ);
        c.rtoEvent = Simulator::Schedule(c.rto, &PeArpResoaLhp::RtoExpired, this, id);
    }
    return id;
}

bool
PeArpResoaLhp::Send(ConnectionId id, Ptr<Packet> message)
{
    NS_LOG_FUNCTION(this << id << message);
    Connection* c = Find(id);
    if (m_crashed || !c || message->GetSize() > GetMaxPayload())
    {
        return false;
    }
    if (m_maxQueue > 0 && c->queue.size() >= m_maxQueue)
    {
        Drop(QUEUE_FULL, message);
        return false;
    }
    c->queue.push_back(message);
    c->sentAt.push_back(Seconds(-1));
    TrySend(id);
    return true;
}

void
PeArpResoaLhp::Close(ConnectionId id)
{
    NS_LOG_FUNCTION(this << id);
    Connection* c = Find(id);
    if (!c)
    {
        return;
    }
    if (!m_crashed)
    {
        SendControl(*c, PeArpResoaLhpHeader::DISC);
    }
    c->rtoEvent.Cancel();
    c->keepaliveEvent.Cancel();
    c->ackEvent.Cancel();
    m_byKey.erase({c->peer, c->connId});
    m_connections.erase(id);
}

void
PeArpResoaLhp::Crash()
{
    NS_LOG_FUNCTION(this);
    m_crashed = true;
    m_resumeEvent.Cancel();
    for (auto& [id, c] : m_connections)
    {
        c.rtoEvent.Cancel();
        c.keepaliveEvent.Cancel();
        c.ackEvent.Cancel();
    }
    m_connections.clear();
    m_byKey.clear();
}

bool
PeArpResoaLhp::IsEstablished(ConnectionId id) const
{
    const Connection* c = Find(id);
    return c && c->established;
}

Mac48Address
PeArpResoaLhp::GetPeer(ConnectionId id) const
{
    const Connection* c = Find(id);
    return c ? c->peer : Mac48Address::GetBroadcast();
}

uint32_t
PeArpResoaLhp::GetOutstanding(ConnectionId id) const
{
    const Connection* c = Find(id);
    return c ? static_cast<uint32_t>(c->queue.size()) : 0;
}

uint32_t
PeArpResoaLhp::GetMaxPayload() const
{
    return m_device ? m_device->GetMtu() - PeArpResoaLhpHeader::SIZE : 0;
}

uint32_t
PeArpResoaLhp::GetConnectionCount() const
{
    return static_cast<uint32_t>(m_connections.size());
}

const PeArpResoaLhp::Counters&
PeArpResoaLhp::GetCounters() const
{
    return m_counters;
}

void
PeArpResoaLhp::Drop(DropReason reason, Ptr<const Packet> frame)
{
    NS_LOG_FUNCTION(this << reason << frame);
    ++m_counters.drops[reason];
    m_dropTrace(reason, frame);
}

void
PeArpResoaLhp::SendFrame(Mac48Address peer, PeArpResoaLhpHeader header, Ptr<Packet> payload)
{
    Ptr<Packet> frame = payload ? payload : Create<Packet>();
    header.SetLength(static_cast<uint16_t>(payload ? payload->GetSize() : 0));
    frame->AddHeader(header);
    ++m_counters.sent[header.GetType()];
    NS_LOG_LOGIC("send " << header << " to " << peer);
    m_txTrace(frame);
    if (!m_device->Send(frame, peer, PROTOCOL))
    {
        ++m_counters.deviceRefused;
    }
}

void
PeArpResoaLhp::SendControl(Connection& c, PeArpResoaLhpHeader::Type type)
{
    PeArpResoaLhpHeader header;
    header.SetType(type);
    header.SetConnId(c.connId);
    header.SetSeq(c.nextToSend);
    header.SetAck(c.expected);
    header.SetWindow(m_window);
    c.ackSent = c.expected;
    SendFrame(c.peer, header, nullptr);
}

void
PeArpResoaLhp::SendAck(Connection& c)
{
    c.ackEvent.Cancel();
    if (m_deviceQueue && m_deviceQueue->WouldOverflow(1, m_device->GetMtu()))
    {
        // the device would refuse it: a later (cumulative) ACK will do
        ++m_counters.acksDeferred;
        if (!m_resumeEvent.IsRunning())
        {
            m_resumeEvent = Simulator::Schedule(m_queuePoll, &PeArpResoaLhp::Resume, this);
        }
        return;
    }
    SendControl(c, PeArpResoaLhpHeader::ACK);
}

void
PeArpResoaLhp::DelayedAck(ConnectionId id)
{
    Connection* c = Find(id);
    if (c && !m_crashed && c->ackSent != c->expected)
    {
        SendAck(*c);
    }
}

bool
PeArpResoaLhp::DeviceStopped() const
{
    if (m_deviceQueue)
    {
        return m_deviceQueue->GetNPackets() >= m_queueLimit ||
               m_deviceQueue->WouldOverflow(1, m_device->GetMtu());
    }
    Ptr<NetDeviceQueueInterface> queues = m_device->GetObject<NetDeviceQueueInterface>();
    return queues && queues->GetNTxQueues() > 0 && queues->GetTxQueue(0)->IsStopped();
}

void
PeArpResoaLhp::Resume()
{
    std::vector<ConnectionId> ids;
    for (const auto& [id, c] : m_connections)
    {
        ids.push_back(id);
    }
    for (ConnectionId id : ids)
    {
        Connection* c = Find(id);
        if (c && c->established && c->ackSent != c->expected)
        {
            SendAck(*c);
        }
        TrySend(id);
    }
}

void
PeArpResoaLhp::TrySend(ConnectionId id)
{
    Connection* c = Find(id);
    if (!c || !c->established || m_crashed)
    {
        return;
    }
    if (DeviceStopped())
    {
        if (!m_resumeEvent.IsRunning())
        {
            m_resumeEvent = Simulator::Schedule(m_queuePoll, &PeArpResoaLhp::Resume, this);
        }
        return;
    }
    uint32_t limit = c->sendBase + std::min<uint32_t>(m_window, c->peerWindow);
    while (c->nextToSend < limit && c->nextToSend - c->sendBase < c->queue.size())
    {
        PeArpResoaLhpHeader header;
        header.SetType(PeArpResoaLhpHeader::DATA);
        header.SetConnId(c->connId);
        header.SetSeq(c->nextToSend);
        header.SetAck(c->expected);
        header.SetWindow(m_window);
        c->ackSent = c->expected;
        c->ackEvent.Cancel();
        if (c->nextToSend < c->highestSent)
        {
            ++m_counters.retransmissions;
            c->sentAt[c->nextToSend - c->sendBase] = Seconds(-1); // Karn: no sample
        }
        else
        {
            c->sentAt[c->nextToSend - c->sendBase] = Simulator::Now();
        }
        SendFrame(c->peer, header, c->queue[c->nextToSend - c->sendBase]->Copy());
        ++c->nextToSend;
        c->highestSent = std::max(c->highestSent, c->nextToSend);
        if (c->nextToSend < limit && c->nextToSend - c->sendBase < c->queue.size() &&
            DeviceStopped())
        {
            if (!m_resumeEvent.IsRunning())
            {
                m_resumeEvent = Simulator::Schedule(m_queuePoll, &PeArpResoaLhp::Resume, this);
            }
            break;
        }
    }
    if (c->sendBase < c->nextToSend && !c->rtoEvent.IsRunning())
    {
        c->rtoEvent = Simulator::Schedule(c->rto, &PeArpResoaLhp::RtoExpired, this, id);
    }
}

void
PeArpResoaLhp::ProcessAck(ConnectionId id, uint32_t ack, uint16_t window)
{
    Connection* c = Find(id);
    if (!c)
    {
        return;
    }
    c->peerWindow = std::max<uint16_t>(window, 1);
    if (ack > c->sendBase && ack <= c->highestSent)
    {
        uint32_t acked = ack - c->sendBase;
        Time sent = acked <= c->sentAt.size() ? c->sentAt[acked - 1] : Seconds(-1);
        if (!sent.IsNegative())
        {
            Time sample = Simulator::Now() - sent;
            if (!c->hasRtt)
            {
                c->srtt = sample;
                c->rttvar = sample / 2;
                c->hasRtt = true;
            }
            else
            {
                Time delta = c->srtt > sample ? c->srtt - sample : sample - c->srtt;
                c->rttvar = (c->rttvar * 3 + delta) / 4;
                c->srtt = (c->srtt * 7 + sample) / 8;
            }
        }
        for (uint32_t k = 0; k < acked && !c->queue.empty(); ++k)
        {
            c->queue.pop_front();
            c->sentAt.pop_front();
        }
        c->sendBase = ack;
        c->nextToSend = std::max(c->nextToSend, c->sendBase);
        c->retries = 0;
        c->rto = BaseRto(*c);
        c->rtoEvent.Cancel();
        if (c->queue.empty() && !m_drainedCallback.IsNull())
        {
            m_drainedCallback(id);
        }
    }
    TrySend(id);
}

Time
PeArpResoaLhp::BaseRto(const Connection& c) const
{
    if (!c.hasRtt)
    {
        return m_initialRto;
    }
    return std::min(std::max(m_initialRto, c.srtt + c.rttvar * 4), Seconds(60));
}

void
PeArpResoaLhp::RtoExpired(ConnectionId id)
{
    NS_LOG_FUNCTION(this << id);
    Connection* c = Find(id);
    if (!c)
    {
        return;
    }
    if (c->retries >= m_maxRetries)
    {
        Lose(id, MAX_RETRIES);
        return;
    }
    ++c->retries;
    c->rto = c->rto * 2;
    if (!c->established)
    {
        ++m_counters.retransmissions;
        SendControl(*c, PeArpResoaLhpHeader::CONN_REQ);
        c->rtoEvent = Simulator::Schedule(c->rto, &PeArpResoaLhp::RtoExpired, this, id);
        return;
    }
    c->nextToSend = c->sendBase; // go back N
    TrySend(id);
}

void
PeArpResoaLhp::ScheduleKeepalive(ConnectionId id)
{
    Connection* c = Find(id);
    if (c)
    {
        c->keepaliveEvent =
            Simulator::Schedule(m_keepaliveInterval, &PeArpResoaLhp::KeepaliveTick, this, id);
    }
}

void
PeArpResoaLhp::KeepaliveTick(ConnectionId id)
{
    Connection* c = Find(id);
    if (!c)
    {
        return;
    }
    Time silence = Simulator::Now() - c->lastHeard;
    if (silence >= m_keepaliveInterval * m_deadAfter)
    {
        Lose(id, DEAD_PEER);
        return;
    }
    if (silence >= m_keepaliveInterval)
    {
        SendControl(*c, PeArpResoaLhpHeader::KEEPALIVE);
    }
    ScheduleKeepalive(id);
}

void
PeArpResoaLhp::Lose(ConnectionId id, LostReason reason)
{
    NS_LOG_FUNCTION(this << id << reason);
    Connection* c = Find(id);
    if (!c)
    {
        return;
    }
    c->rtoEvent.Cancel();
    c->keepaliveEvent.Cancel();
    c->ackEvent.Cancel();
    m_byKey.erase({c->peer, c->connId});
    m_connections.erase(id);
    ++m_counters.connectionsLost;
    m_lostTrace(id, reason);
    if (!m_lostCallback.IsNull())
    {
        m_lostCallback(id, reason);
    }
}

void
PeArpResoaLhp::Receive(Ptr<NetDevice> device,
                       Ptr<const Packet> packet,
                       uint16_t protocol,
                       const Address& from,
                       const Address& to,
                       NetDevice::PacketType type)
{
    NS_LOG_FUNCTION(this << packet << from);
    m_rxTrace(packet);
    if (m_crashed)
    {
        Drop(SILENT, packet);
        return;
    }
    PeArpResoaLhpHeader header;
    packet->PeekHeader(header);
    switch (header.GetError())
    {
    case PeArpResoaLhpHeader::NONE:
        break;
    case PeArpResoaLhpHeader::TRUNCATED:
        Drop(TRUNCATED, packet);
        return;
    case PeArpResoaLhpHeader::BAD_TYPE:
        Drop(BAD_TYPE, packet);
        return;
    case PeArpResoaLhpHeader::BAD_LENGTH:
        Drop(BAD_LENGTH, packet);
        return;
    }
    ++m_counters.received[header.GetType()];
    Mac48Address peer = Mac48Address::ConvertFrom(from);
    NS_LOG_LOGIC("recv " << header << " from " << peer);
    auto key = std::make_pair(peer, header.GetConnId());
    auto found = m_byKey.find(key);
    ConnectionId id = found == m_byKey.end() ? 0 : found->second;
    Connection* c = id ? Find(id) : nullptr;

    switch (header.GetType())
    {
    case PeArpResoaLhpHeader::CONN_REQ: {
        if (c)
        {
            c->lastHeard = Simulator::Now();
            if (c->established)
            {
                SendControl(*c, PeArpResoaLhpHeader::CONN_ACK);
            }
            return;
        }
        if (!m_listening)
        {
            Drop(NOT_LISTENING, packet);
            return;
        }
        id = m_nextHandle++;
        Connection& n = m_connections[id];
        n.peer = peer;
        n.connId = header.GetConnId();
        n.established = true;
        n.rto = m_initialRto;
        n.peerWindow = std::max<uint16_t>(header.GetWindow(), 1);
        n.lastHeard = Simulator::Now();
        m_byKey[key] = id;
        SendControl(n, PeArpResoaLhpHeader::CONN_ACK);
        ScheduleKeepalive(id);
        if (!m_connectedCallback.IsNull())
        {
            m_connectedCallback(id);
        }
        return;
    }
    case PeArpResoaLhpHeader::RESET:
        if (c)
        {
            Lose(id, RESET_BY_PEER);
        }
        else
        {
            Drop(NO_CONNECTION, packet);
        }
        return;
    case PeArpResoaLhpHeader::DISC:
        if (c)
        {
            Lose(id, DISCONNECTED);
        }
        else
        {
            Drop(NO_CONNECTION, packet);
        }
        return;
    default:
        break;
    }

    // CONN_ACK, DATA, ACK, KEEPALIVE
    if (!c)
    {
        Drop(NO_CONNECTION, packet);
        if (header.GetType() != PeArpResoaLhpHeader::CONN_ACK)
        {
            PeArpResoaLhpHeader reset;
            reset.SetType(PeArpResoaLhpHeader::RESET);
            reset.SetConnId(header.GetConnId());
            SendFrame(peer, reset, nullptr);
        }
        return;
    }
    c->lastHeard = Simulator::Now();
    if (!c->established)
    {
        // CONN_ACK, or anything from the peer that proves it accepted
        c->established = true;
        c->rtoEvent.Cancel();
        c->retries = 0;
        c->rto = m_initialRto;
        c->peerWindow = std::max<uint16_t>(header.GetWindow(), 1);
        ScheduleKeepalive(id);
        if (!m_connectedCallback.IsNull())
        {
            m_connectedCallback(id);
        }
        c = Find(id);
        if (!c)
        {
            return;
        }
    }
    ProcessAck(id, header.GetAck(), header.GetWindow());
    c = Find(id);
    if (!c)
    {
        return;
    }
    if (header.GetType() == PeArpResoaLhpHeader::KEEPALIVE)
    {
        SendAck(*c);
        return;
    }
    if (header.GetType() != PeArpResoaLhpHeader::DATA)
    {
        return;
    }
    Ptr<Packet> payload = packet->Copy();
    payload->RemoveAtStart(PeArpResoaLhpHeader::SIZE);
    if (payload->GetSize() > header.GetLength())
    {
        payload->RemoveAtEnd(payload->GetSize() - header.GetLength()); // Ethernet padding
    }
    uint32_t seq = header.GetSeq();
    std::vector<Ptr<Packet>> ready;
    bool inOrder = false;
    if (seq == c->expected)
    {
        ready.push_back(payload);
        ++c->expected;
        for (auto it = c->reorder.find(c->expected); it != c->reorder.end();
             it = c->reorder.find(c->expected))
        {
            ready.push_back(it->second);
            c->reorder.erase(it);
            ++c->expected;
        }
        inOrder = c->reorder.empty();
    }
    else if (seq > c->expected && seq - c->expected < m_window)
    {
        if (!c->reorder.emplace(seq, payload).second)
        {
            ++m_counters.duplicates;
        }
    }
    else if (seq < c->expected)
    {
        ++m_counters.duplicates;
    }
    else
    {
        Drop(OUT_OF_WINDOW, packet);
    }
    if (!inOrder)
    {
        SendAck(*c); // a gap, a duplicate or beyond the window: tell the sender now
    }
    for (const auto& message : ready)
    {
        if (!Find(id))
        {
            break; // closed by a callback
        }
        ++m_counters.delivered;
        if (!m_recvCallback.IsNull())
        {
            m_recvCallback(id, message);
        }
    }
    c = Find(id);
    if (!inOrder || !c || m_crashed || c->ackSent == c->expected)
    {
        return; // acked already, or carried by a DATA frame sent from a callback
    }
    if (c->expected - c->ackSent >= m_ackEvery)
    {
        SendAck(*c);
    }
    else if (!c->ackEvent.IsRunning())
    {
        c->ackEvent = Simulator::Schedule(m_ackDelay, &PeArpResoaLhp::DelayedAck, this, id);
    }
}

} // namespace ns3
