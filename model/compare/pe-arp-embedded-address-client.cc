/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-embedded-address-client.h"

#include "pe-arp-embedded-address-server.h"

#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpEmbeddedAddressClient");

NS_OBJECT_ENSURE_REGISTERED(PeArpEmbeddedAddressClient);

TypeId
PeArpEmbeddedAddressClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpEmbeddedAddressClient")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpEmbeddedAddressClient>()
            .AddAttribute("Remote",
                          "The server's control endpoint (an InetSocketAddress).",
                          AddressValue(),
                          MakeAddressAccessor(&PeArpEmbeddedAddressClient::m_remote),
                          MakeAddressChecker())
            .AddAttribute("SocketFactory",
                          "TypeId name of the socket factory (a TCP one).",
                          StringValue("ns3::TcpSocketFactory"),
                          MakeStringAccessor(&PeArpEmbeddedAddressClient::m_factory),
                          MakeStringChecker())
            .AddAttribute("ExpectedBytes",
                          "Bytes that must arrive on the connection back (at least 1; the "
                          "server's DataBytes).",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&PeArpEmbeddedAddressClient::m_expected),
                          MakeUintegerChecker<uint64_t>(1))
            .AddTraceSource("Announce",
                            "The client announced its address and port.",
                            MakeTraceSourceAccessor(&PeArpEmbeddedAddressClient::m_announceTrace),
                            "ns3::PeArpEmbeddedAddressClient::AnnounceTracedCallback");
    return tid;
}

PeArpEmbeddedAddressClient::PeArpEmbeddedAddressClient()
    : m_factory("ns3::TcpSocketFactory"),
      m_expected(10000),
      m_outcome(PENDING),
      m_received(0),
      m_announcedPort(0),
      m_completion(Seconds(-1))
{
    NS_LOG_FUNCTION(this);
}

PeArpEmbeddedAddressClient::~PeArpEmbeddedAddressClient()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpEmbeddedAddressClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_listener = nullptr;
    m_control = nullptr;
    m_data = nullptr;
    Application::DoDispose();
}

PeArpEmbeddedAddressClient::Outcome
PeArpEmbeddedAddressClient::GetOutcome() const
{
    return m_outcome;
}

uint64_t
PeArpEmbeddedAddressClient::GetReceivedBytes() const
{
    return m_received;
}

Ipv4Address
PeArpEmbeddedAddressClient::GetAnnouncedAddress() const
{
    return m_announcedAddress;
}

uint16_t
PeArpEmbeddedAddressClient::GetAnnouncedPort() const
{
    return m_announcedPort;
}

Time
PeArpEmbeddedAddressClient::GetCompletionTime() const
{
    return m_completion;
}

void
PeArpEmbeddedAddressClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    TypeId factory = TypeId::LookupByName(m_factory);
    m_listener = Socket::CreateSocket(GetNode(), factory);
    if (m_listener->Bind() != 0 || m_listener->Listen() != 0)
    {
        m_outcome = LISTEN_FAILED;
        return;
    }
    m_listener->SetAcceptCallback(MakeNullCallback<bool, Ptr<Socket>, const Address&>(),
                                  MakeCallback(&PeArpEmbeddedAddressClient::Accept, this));
    m_control = Socket::CreateSocket(GetNode(), factory);
    m_control->SetConnectCallback(
        MakeCallback(&PeArpEmbeddedAddressClient::Announce, this),
        Callback<void, Ptr<Socket>>([this](Ptr<Socket>) { m_outcome = CONTROL_FAILED; }));
    if (m_control->Bind() != 0 || m_control->Connect(m_remote) != 0)
    {
        m_outcome = CONTROL_FAILED;
    }
}

void
PeArpEmbeddedAddressClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    for (const Ptr<Socket>& s : {m_listener, m_control, m_data})
    {
        if (s)
        {
            s->Close();
        }
    }
}

void
PeArpEmbeddedAddressClient::Announce(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address local;
    Address listening;
    if (socket->GetSockName(local) != 0 || m_listener->GetSockName(listening) != 0 ||
        !InetSocketAddress::IsMatchingType(local) || !InetSocketAddress::IsMatchingType(listening))
    {
        m_outcome = NO_LOCAL_ADDRESS;
        return;
    }
    Ipv4Address address = InetSocketAddress::ConvertFrom(local).GetIpv4();
    uint16_t port = InetSocketAddress::ConvertFrom(listening).GetPort();
    if (address == Ipv4Address::GetAny() || port == 0)
    {
        m_outcome = NO_LOCAL_ADDRESS;
        return;
    }
    m_announcedAddress = address;
    m_announcedPort = port;
    m_announceTrace(address, port);
    std::string line = PeArpEmbeddedAddressServer::FormatPort(address, port);
    socket->Send(Create<Packet>(reinterpret_cast<const uint8_t*>(line.data()),
                                static_cast<uint32_t>(line.size())));
}

void
PeArpEmbeddedAddressClient::Accept(Ptr<Socket> socket, const Address& from)
{
    NS_LOG_FUNCTION(this << socket << from);
    m_data = socket;
    socket->SetRecvCallback(MakeCallback(&PeArpEmbeddedAddressClient::Read, this));
}

void
PeArpEmbeddedAddressClient::Read(Ptr<Socket> socket)
{
    while (Ptr<Packet> p = socket->Recv())
    {
        if (p->GetSize() == 0)
        {
            break;
        }
        m_received += p->GetSize();
    }
    if (m_outcome == PENDING && m_received >= m_expected)
    {
        m_outcome = SUCCEEDED;
        m_completion = Simulator::Now();
    }
}

} // namespace ns3
