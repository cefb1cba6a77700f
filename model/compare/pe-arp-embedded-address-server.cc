/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-embedded-address-server.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/socket.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/uinteger.h"

#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpEmbeddedAddressServer");

NS_OBJECT_ENSURE_REGISTERED(PeArpEmbeddedAddressServer);

TypeId
PeArpEmbeddedAddressServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpEmbeddedAddressServer")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpEmbeddedAddressServer>()
            .AddAttribute("Port",
                          "TCP port of the control connection (1-65535).",
                          UintegerValue(21),
                          MakeUintegerAccessor(&PeArpEmbeddedAddressServer::m_port),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("DataBytes",
                          "Bytes sent on each connection back (at least 1).",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&PeArpEmbeddedAddressServer::m_dataBytes),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxLine",
                          "Longest control line accepted, in bytes; a longer one is "
                          "malformed (16-4096).",
                          UintegerValue(128),
                          MakeUintegerAccessor(&PeArpEmbeddedAddressServer::m_maxLine),
                          MakeUintegerChecker<uint32_t>(16, 4096))
            .AddTraceSource("Command",
                            "A well-formed PORT command arrived.",
                            MakeTraceSourceAccessor(&PeArpEmbeddedAddressServer::m_commandTrace),
                            "ns3::PeArpEmbeddedAddressServer::CommandTracedCallback");
    return tid;
}

PeArpEmbeddedAddressServer::PeArpEmbeddedAddressServer()
    : m_port(21),
      m_dataBytes(10000),
      m_maxLine(128)
{
    NS_LOG_FUNCTION(this);
}

PeArpEmbeddedAddressServer::~PeArpEmbeddedAddressServer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpEmbeddedAddressServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_listener = nullptr;
    m_lines.clear();
    m_left.clear();
    Application::DoDispose();
}

const PeArpEmbeddedAddressServer::Counters&
PeArpEmbeddedAddressServer::GetCounters() const
{
    return m_counters;
}

std::optional<std::pair<Ipv4Address, uint16_t>>
PeArpEmbeddedAddressServer::ParsePort(const std::string& line)
{
    const std::string verb = "PORT ";
    if (line.compare(0, verb.size(), verb) != 0)
    {
        return std::nullopt;
    }
    uint32_t values[6];
    size_t at = verb.size();
    for (uint32_t k = 0; k < 6; ++k)
    {
        uint32_t value = 0;
        size_t digits = 0;
        while (at < line.size() && line[at] >= '0' && line[at] <= '9' && digits < 3)
        {
            value = value * 10 + static_cast<uint32_t>(line[at] - '0');
            ++at;
            ++digits;
        }
        if (digits == 0 || value > 255)
        {
            return std::nullopt;
        }
        values[k] = value;
        if (k < 5)
        {
            if (at >= line.size() || line[at] != ',')
            {
                return std::nullopt;
            }
            ++at;
        }
    }
    if (at != line.size())
    {
        return std::nullopt;
    }
    Ipv4Address address((values[0] << 24) | (values[1] << 16) | (values[2] << 8) | values[3]);
    auto port = static_cast<uint16_t>(values[4] * 256 + values[5]);
    if (port == 0)
    {
        return std::nullopt;
    }
    return std::make_pair(address, port);
}

std::string
PeArpEmbeddedAddressServer::FormatPort(Ipv4Address address, uint16_t port)
{
    uint32_t a = address.Get();
    std::ostringstream line;
    line << "PORT " << (a >> 24) << "," << ((a >> 16) & 0xff) << "," << ((a >> 8) & 0xff) << ","
         << (a & 0xff) << "," << (port >> 8) << "," << (port & 0xff) << "\r\n";
    return line.str();
}

void
PeArpEmbeddedAddressServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    m_listener = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(m_listener->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                    "PeArpEmbeddedAddressServer: cannot bind the control Port " << m_port);
    m_listener->Listen();
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&PeArpEmbeddedAddressServer::Accept, this));
}

void
PeArpEmbeddedAddressServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_listener)
    {
        m_listener->Close();
        m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                      MakeNullCallback<void, Ptr<Socket>, const Address&>());
    }
}

void
PeArpEmbeddedAddressServer::Accept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    m_lines[socket] = "";
    socket->SetRecvCallback(MakeCallback(&PeArpEmbeddedAddressServer::ReadControl, this));
}

void
PeArpEmbeddedAddressServer::ReadControl(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    std::string& line = m_lines[socket];
    while (Ptr<Packet> p = socket->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        std::string bytes(p->GetSize(), '\0');
        p->CopyData(reinterpret_cast<uint8_t*>(&bytes[0]), p->GetSize());
        for (char c : bytes)
        {
            if (c == '\n')
            {
                if (!line.empty() && line.back() == '\r')
                {
                    line.pop_back();
                }
                auto endpoint = ParsePort(line);
                line.clear();
                if (!endpoint)
                {
                    NS_LOG_LOGIC("malformed control line");
                    m_counters.malformed++;
                    socket->Close();
                    m_lines.erase(socket);
                    return;
                }
                m_counters.commands++;
                m_commandTrace(endpoint->first, endpoint->second);
                ConnectBack(endpoint->first, endpoint->second);
                continue;
            }
            if (line.size() >= m_maxLine)
            {
                NS_LOG_LOGIC("control line longer than MaxLine");
                m_counters.malformed++;
                socket->Close();
                m_lines.erase(socket);
                return;
            }
            line.push_back(c);
        }
    }
}

void
PeArpEmbeddedAddressServer::ConnectBack(Ipv4Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << address << port);
    m_counters.connectsAttempted++;
    Ptr<Socket> data = Socket::CreateSocket(GetNode(), TcpSocketFactory::GetTypeId());
    data->SetConnectCallback(Callback<void, Ptr<Socket>>([this](Ptr<Socket> s) {
                                 m_counters.connectsSucceeded++;
                                 SendData(s, s->GetTxAvailable());
                             }),
                             MakeCallback(&PeArpEmbeddedAddressServer::Failed, this));
    data->SetSendCallback(MakeCallback(&PeArpEmbeddedAddressServer::SendData, this));
    data->SetCloseCallbacks(MakeNullCallback<void, Ptr<Socket>>(),
                            MakeCallback(&PeArpEmbeddedAddressServer::Failed, this));
    m_left[data] = m_dataBytes;
    if (data->Bind() != 0 || data->Connect(InetSocketAddress(address, port)) != 0)
    {
        NS_LOG_LOGIC("connect to " << address << ":" << port << " failed at once");
        Failed(data);
    }
}

void
PeArpEmbeddedAddressServer::SendData(Ptr<Socket> socket, uint32_t available)
{
    auto it = m_left.find(socket);
    if (it == m_left.end() || socket->GetTxAvailable() == 0)
    {
        return;
    }
    while (it->second > 0 && socket->GetTxAvailable() > 0)
    {
        uint32_t chunk = std::min({it->second, socket->GetTxAvailable(), 1448U});
        int sent = socket->Send(Create<Packet>(chunk));
        if (sent <= 0)
        {
            return;
        }
        it->second -= static_cast<uint32_t>(sent);
        m_counters.bytesSent += static_cast<uint32_t>(sent);
    }
    if (it->second == 0)
    {
        m_left.erase(it);
        socket->Close();
    }
}

void
PeArpEmbeddedAddressServer::Failed(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    if (m_left.erase(socket) > 0)
    {
        m_counters.connectsFailed++;
    }
}

} // namespace ns3
