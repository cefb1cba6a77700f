/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-web-client.h"

#include "ns3/address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cmath>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpWebClient");

NS_OBJECT_ENSURE_REGISTERED(PeArpWebClient);

TypeId
PeArpWebClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpWebClient")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpWebClient>()
            .AddAttribute("Remote",
                          "The server (an InetSocketAddress of a ns3::PeArpWebServer).",
                          AddressValue(),
                          MakeAddressAccessor(&PeArpWebClient::m_remote),
                          MakeAddressChecker())
            .AddAttribute("PageInterval",
                          "Time between page starts, in seconds (exponential: a Poisson process).",
                          StringValue("ns3::ExponentialRandomVariable[Mean=2.0]"),
                          MakePointerAccessor(&PeArpWebClient::m_pageInterval),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ObjectsPerPage",
                          "Objects of a page, each fetched over a connection of its own.",
                          StringValue("ns3::ConstantRandomVariable[Constant=10]"),
                          MakePointerAccessor(&PeArpWebClient::m_objects),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("ObjectSize",
                          "Size of an object, in bytes (1 to 2^31).",
                          StringValue("ns3::ConstantRandomVariable[Constant=10240]"),
                          MakePointerAccessor(&PeArpWebClient::m_objectSize),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("MaxConcurrent",
                          "Connections open at once (browsers open 6 per server).",
                          UintegerValue(6),
                          MakeUintegerAccessor(&PeArpWebClient::m_maxConcurrent),
                          MakeUintegerChecker<uint32_t>(1, 1024))
            .AddTraceSource("PortsInUse",
                            "Ports bound by this client and not yet free (TIME_WAIT included).",
                            MakeTraceSourceAccessor(&PeArpWebClient::m_portsInUse),
                            "ns3::TracedValueCallback::Uint32")
            .AddTraceSource("Exhausted",
                            "A connection could not bind: no port of the host was free.",
                            MakeTraceSourceAccessor(&PeArpWebClient::m_exhaustedTrace),
                            "ns3::PeArpWebClient::ExhaustedTracedCallback");
    return tid;
}

PeArpWebClient::PeArpWebClient()
    : m_maxConcurrent(6),
      m_running(false),
      m_pending(0),
      m_active(0),
      m_attempts(0),
      m_completed(0),
      m_exhausted(0),
      m_failed(0),
      m_bytes(0),
      m_portsInUse(0),
      m_peakPorts(0),
      m_portSeconds(0),
      m_connectionSeconds(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpWebClient::~PeArpWebClient()
{
    NS_LOG_FUNCTION(this);
}

int64_t
PeArpWebClient::AssignStreams(int64_t stream)
{
    m_pageInterval->SetStream(stream);
    m_objects->SetStream(stream + 1);
    m_objectSize->SetStream(stream + 2);
    return 3;
}

void
PeArpWebClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_nextPage.Cancel();
    for (auto& [raw, connection] : m_connections)
    {
        connection.socket->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                              MakeNullCallback<void, Ptr<Socket>>());
        connection.socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        connection.socket->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                                             MakeNullCallback<void, Ptr<Socket>>());
        connection.socket->TraceDisconnectWithoutContext(
            "State",
            MakeCallback(&PeArpWebClient::StateChanged, this).Bind(raw));
        connection.socket = nullptr;
    }
    m_connections.clear();
    m_pageInterval = nullptr;
    m_objects = nullptr;
    m_objectSize = nullptr;
    Application::DoDispose();
}

void
PeArpWebClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = true;
    m_started = Simulator::Now();
    m_lastChange = m_started;
    m_nextPage =
        Simulator::Schedule(Seconds(m_pageInterval->GetValue()), &PeArpWebClient::NewPage, this);
}

void
PeArpWebClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_running = false;
    m_nextPage.Cancel();
    m_pending = 0;
}

void
PeArpWebClient::NewPage()
{
    NS_LOG_FUNCTION(this);
    double objects = std::round(m_objects->GetValue());
    m_pending += objects > 0 ? static_cast<uint64_t>(objects) : 0;
    NS_LOG_LOGIC("a page of " << objects << " objects; " << m_pending << " waiting");
    Pump();
    m_nextPage =
        Simulator::Schedule(Seconds(m_pageInterval->GetValue()), &PeArpWebClient::NewPage, this);
}

void
PeArpWebClient::Pump()
{
    while (m_running && m_pending > 0 && m_active < m_maxConcurrent)
    {
        m_pending--;
        OpenConnection();
    }
}

void
PeArpWebClient::OpenConnection()
{
    NS_LOG_FUNCTION(this);
    m_attempts++;
    Ptr<Socket> socket = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    if (socket->Bind() != 0)
    {
        Socket::SocketErrno error = socket->GetErrno();
        socket->Close();
        if (error == Socket::ERROR_ADDRNOTAVAIL)
        {
            NS_LOG_LOGIC("no free port: object dropped");
            m_exhausted++;
            m_exhaustedTrace(static_cast<uint32_t>(m_pending));
        }
        else
        {
            m_failed++;
        }
        return;
    }
    Connection& c = m_connections[PeekPointer(socket)];
    c.socket = socket;
    double size = std::round(m_objectSize->GetValue());
    c.expected = static_cast<uint32_t>(std::max(1.0, std::min(size, 2147483648.0)));
    c.bound = Simulator::Now();
    c.active = true;
    c.holdsPort = true;
    m_active++;
    CountPort(+1);
    socket->TraceConnectWithoutContext(
        "State",
        MakeCallback(&PeArpWebClient::StateChanged, this).Bind(PeekPointer(socket)));
    socket->SetConnectCallback(MakeCallback(&PeArpWebClient::Connected, this),
                               MakeCallback(&PeArpWebClient::ConnectFailed, this));
    socket->SetRecvCallback(MakeCallback(&PeArpWebClient::Receive, this));
    socket->SetCloseCallbacks(MakeCallback(&PeArpWebClient::PeerClosed, this),
                              MakeCallback(&PeArpWebClient::PeerClosed, this));
    if (socket->Connect(m_remote) != 0)
    {
        // Refused at once: the socket never left CLOSED.
        NS_LOG_LOGIC("connect refused: " << socket->GetErrno());
        m_failed++;
        m_active--;
        CountPort(-1);
        socket->Close();
        m_connections.erase(PeekPointer(socket));
    }
}

void
PeArpWebClient::Connected(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_connections.find(PeekPointer(socket));
    if (it == m_connections.end())
    {
        return;
    }
    // The request: "GET" and the object size, big-endian.
    uint8_t request[8] = {'G', 'E', 'T', ' '};
    uint32_t size = it->second.expected;
    for (int k = 0; k < 4; k++)
    {
        request[4 + k] = static_cast<uint8_t>(size >> (24 - 8 * k));
    }
    socket->Send(Create<Packet>(request, sizeof(request)));
}

void
PeArpWebClient::ConnectFailed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Finish(socket, false);
}

void
PeArpWebClient::Receive(Ptr<Socket> socket)
{
    auto it = m_connections.find(PeekPointer(socket));
    Ptr<Packet> packet;
    while ((packet = socket->Recv()))
    {
        if (it == m_connections.end())
        {
            continue;
        }
        it->second.received += packet->GetSize();
        m_bytes += packet->GetSize();
    }
    if (it != m_connections.end() && it->second.active &&
        it->second.received >= it->second.expected)
    {
        Finish(socket, true);
    }
}

void
PeArpWebClient::PeerClosed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    auto it = m_connections.find(PeekPointer(socket));
    if (it != m_connections.end() && it->second.active)
    {
        Finish(socket, it->second.received >= it->second.expected);
    }
}

void
PeArpWebClient::Finish(Ptr<Socket> socket, bool completed)
{
    NS_LOG_FUNCTION(this << socket << completed);
    auto it = m_connections.find(PeekPointer(socket));
    if (it == m_connections.end() || !it->second.active)
    {
        return;
    }
    it->second.active = false;
    m_active--;
    if (completed)
    {
        m_completed++;
        m_connectionSeconds += (Simulator::Now() - it->second.bound).GetSeconds();
    }
    else
    {
        m_failed++;
    }
    // The client closes first: its port waits in TIME_WAIT.
    socket->Close();
    Pump();
}

void
PeArpWebClient::StateChanged(Socket* socket, TcpSocket::TcpStates_t from, TcpSocket::TcpStates_t to)
{
    NS_LOG_FUNCTION(this << socket << TcpSocket::TcpStateName[from] << TcpSocket::TcpStateName[to]);
    if (to != TcpSocket::CLOSED)
    {
        return;
    }
    auto it = m_connections.find(socket);
    if (it == m_connections.end() || !it->second.holdsPort)
    {
        return;
    }
    it->second.holdsPort = false;
    CountPort(-1);
    if (it->second.active)
    {
        // Closed before its object arrived (reset, refused).
        it->second.active = false;
        m_active--;
        m_failed++;
        Simulator::ScheduleNow(&PeArpWebClient::Pump, this);
    }
    // Forget the socket once TCP is done with it (not from inside its own call).
    Ptr<Socket> held = it->second.socket;
    Simulator::ScheduleNow([this, socket, held]() {
        auto again = m_connections.find(socket);
        if (again != m_connections.end() && !again->second.holdsPort)
        {
            m_connections.erase(again);
        }
    });
}

void
PeArpWebClient::CountPort(int delta)
{
    Time now = Simulator::Now();
    m_portSeconds += m_portsInUse * (now - m_lastChange).GetSeconds();
    m_lastChange = now;
    m_portsInUse = static_cast<uint32_t>(static_cast<int64_t>(m_portsInUse) + delta);
    m_peakPorts = std::max<uint32_t>(m_peakPorts, m_portsInUse);
}

uint64_t
PeArpWebClient::GetAttempts() const
{
    return m_attempts;
}

uint64_t
PeArpWebClient::GetCompleted() const
{
    return m_completed;
}

uint64_t
PeArpWebClient::GetExhausted() const
{
    return m_exhausted;
}

uint64_t
PeArpWebClient::GetFailed() const
{
    return m_failed;
}

uint32_t
PeArpWebClient::GetPortsInUse() const
{
    return m_portsInUse;
}

uint32_t
PeArpWebClient::GetPeakPortsInUse() const
{
    return m_peakPorts;
}

double
PeArpWebClient::GetMeanPortsInUse() const
{
    double span = (Simulator::Now() - m_started).GetSeconds();
    if (span <= 0)
    {
        return 0;
    }
    double area = m_portSeconds + m_portsInUse * (Simulator::Now() - m_lastChange).GetSeconds();
    return area / span;
}

double
PeArpWebClient::GetMeanConnectionTime() const
{
    return m_completed > 0 ? m_connectionSeconds / m_completed : 0;
}

uint64_t
PeArpWebClient::GetBytesReceived() const
{
    return m_bytes;
}

} // namespace ns3
