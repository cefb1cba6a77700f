/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dhcp-client.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDhcpClient");

NS_OBJECT_ENSURE_REGISTERED(PeArpDhcpClient);

TypeId
PeArpDhcpClient::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpDhcpClient")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpDhcpClient>()
            .AddAttribute("RetransmissionInterval",
                          "Time after which an unanswered DISCOVER or REQUEST is sent again.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&PeArpDhcpClient::m_retransmission),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("ReleaseOnStop",
                          "Release the lease when the application stops.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpDhcpClient::m_releaseOnStop),
                          MakeBooleanChecker())
            .AddTraceSource("Bound",
                            "A lease (address and port set) was obtained or renewed.",
                            MakeTraceSourceAccessor(&PeArpDhcpClient::m_boundTrace),
                            "ns3::PeArpDhcpClient::BoundTracedCallback");
    return tid;
}

PeArpDhcpClient::PeArpDhcpClient()
    : m_state(INIT),
      m_xid(0),
      m_offered(Ipv4Address::GetAny()),
      m_server(Ipv4Address::GetAny()),
      m_address(Ipv4Address::GetAny()),
      m_psid(0),
      m_random(CreateObject<UniformRandomVariable>()),
      m_leases(0),
      m_renewals(0),
      m_naks(0),
      m_expiries(0),
      m_sent(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpDhcpClient::~PeArpDhcpClient()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpDhcpClient::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    m_expiry.Cancel();
    m_device = nullptr;
    m_socket = nullptr;
    m_random = nullptr;
    Application::DoDispose();
}

int64_t
PeArpDhcpClient::AssignStreams(int64_t stream)
{
    m_random->SetStream(stream);
    return 1;
}

void
PeArpDhcpClient::SetDevice(Ptr<PeArpNetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    m_device = device;
}

PeArpDhcpClient::State
PeArpDhcpClient::GetState() const
{
    return m_state;
}

Ipv4Address
PeArpDhcpClient::GetAddress() const
{
    return m_address;
}

PeArpPortSet
PeArpDhcpClient::GetPortSet() const
{
    return m_ports;
}

uint16_t
PeArpDhcpClient::GetPsid() const
{
    return m_psid;
}

uint32_t
PeArpDhcpClient::GetLeases() const
{
    return m_leases;
}

uint32_t
PeArpDhcpClient::GetRenewals() const
{
    return m_renewals;
}

uint32_t
PeArpDhcpClient::GetNaks() const
{
    return m_naks;
}

uint32_t
PeArpDhcpClient::GetExpiries() const
{
    return m_expiries;
}

uint32_t
PeArpDhcpClient::GetMessagesSent() const
{
    return m_sent;
}

void
PeArpDhcpClient::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(m_device, "PeArpDhcpClient: no device (call SetDevice)");
    NS_ABORT_MSG_UNLESS(GetNode()->GetObject<PeArpPortAgent>(),
                        "PeArpDhcpClient: the node has no PE-ARP host stack");
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(m_device);
    if (interface < 0)
    {
        interface = ipv4->AddInterface(m_device);
    }
    ipv4->SetMetric(interface, 1);
    ipv4->SetUp(interface);
    SetUnconfiguredAddress(true);
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(
        m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PeArpDhcpHeader::CLIENT_PORT)) != 0,
        "PeArpDhcpClient: cannot bind port 68");
    m_socket->BindToNetDevice(m_device);
    m_socket->SetAllowBroadcast(true);
    m_socket->SetRecvCallback(MakeCallback(&PeArpDhcpClient::HandleRead, this));
    Discover();
}

void
PeArpDhcpClient::StopApplication()
{
    NS_LOG_FUNCTION(this);
    m_timer.Cancel();
    m_expiry.Cancel();
    if ((m_state == BOUND || m_state == RENEWING) && m_releaseOnStop)
    {
        Send(PeArpDhcpHeader::RELEASE);
        Unconfigure();
    }
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }
    m_state = INIT;
}

void
PeArpDhcpClient::Discover()
{
    NS_LOG_FUNCTION(this);
    m_state = SELECTING;
    m_xid = static_cast<uint32_t>(m_random->GetInteger(1, 0xfffffffe));
    Send(PeArpDhcpHeader::DISCOVER);
    m_timer = Simulator::Schedule(m_retransmission, &PeArpDhcpClient::Retransmit, this);
}

void
PeArpDhcpClient::Send(PeArpDhcpHeader::MessageType type)
{
    NS_LOG_FUNCTION(this << int(type));
    PeArpDhcpHeader message;
    message.SetMessageType(type);
    message.SetTransactionId(m_xid);
    message.SetBroadcastFlag(true);
    message.SetClientMac(m_device->GetMac48());
    if (type == PeArpDhcpHeader::REQUEST && m_state == REQUESTING)
    {
        message.SetRequestedAddress(m_offered);
        message.SetServerId(m_server);
    }
    else if (type == PeArpDhcpHeader::REQUEST || type == PeArpDhcpHeader::RELEASE)
    {
        message.SetClientAddress(m_address);
        if (type == PeArpDhcpHeader::RELEASE)
        {
            message.SetServerId(m_server);
        }
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(message);
    m_sent++;
    m_socket->SendTo(packet,
                     0,
                     InetSocketAddress(Ipv4Address::GetBroadcast(), PeArpDhcpHeader::SERVER_PORT));
}

void
PeArpDhcpClient::Retransmit()
{
    NS_LOG_FUNCTION(this);
    switch (m_state)
    {
    case SELECTING:
        Send(PeArpDhcpHeader::DISCOVER);
        break;
    case REQUESTING:
    case RENEWING:
        Send(PeArpDhcpHeader::REQUEST);
        break;
    default:
        return;
    }
    m_timer = Simulator::Schedule(m_retransmission, &PeArpDhcpClient::Retransmit, this);
}

void
PeArpDhcpClient::Renew()
{
    NS_LOG_FUNCTION(this);
    m_state = RENEWING;
    m_xid = static_cast<uint32_t>(m_random->GetInteger(1, 0xfffffffe));
    Send(PeArpDhcpHeader::REQUEST);
    m_timer = Simulator::Schedule(m_retransmission, &PeArpDhcpClient::Retransmit, this);
}

void
PeArpDhcpClient::Expire()
{
    NS_LOG_FUNCTION(this);
    NS_LOG_LOGIC("lease of " << m_address << " ran out -- start over");
    m_timer.Cancel();
    m_expiries++;
    Unconfigure();
    m_state = INIT;
    Discover();
}

void
PeArpDhcpClient::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    while (Ptr<Packet> packet = socket->Recv())
    {
        PeArpDhcpHeader message = PeArpDhcpHeader::Parse(packet);
        if (message.GetParseError() != PeArpDhcpHeader::PARSE_OK ||
            message.GetTransactionId() != m_xid || message.GetClientMac() != m_device->GetMac48())
        {
            continue; // malformed, or another client's (replies are broadcast)
        }
        switch (message.GetMessageType())
        {
        case PeArpDhcpHeader::OFFER:
            if (m_state == SELECTING && message.HasPortParameters())
            {
                m_timer.Cancel();
                m_offered = message.GetYourAddress();
                m_server = message.GetServerId();
                m_state = REQUESTING;
                Send(PeArpDhcpHeader::REQUEST);
                m_timer = Simulator::Schedule(m_retransmission, &PeArpDhcpClient::Retransmit, this);
            }
            break;
        case PeArpDhcpHeader::ACK:
            if ((m_state == REQUESTING || m_state == RENEWING) && message.HasPortParameters())
            {
                m_timer.Cancel();
                (m_state == REQUESTING ? m_leases : m_renewals)++;
                Configure(message);
                m_state = BOUND;
                Time t1 = message.GetRenewalTime() > Time(0) ? message.GetRenewalTime()
                                                             : message.GetLeaseTime() / 2;
                m_timer = Simulator::Schedule(t1, &PeArpDhcpClient::Renew, this);
                // RFC 2131 4.4.5: the address may not be used past the lease.
                m_expiry.Cancel();
                m_expiry =
                    Simulator::Schedule(message.GetLeaseTime(), &PeArpDhcpClient::Expire, this);
            }
            break;
        case PeArpDhcpHeader::NAK:
            if (m_state != BOUND && m_state != INIT)
            {
                NS_LOG_LOGIC("NAK -- start over");
                m_timer.Cancel();
                m_expiry.Cancel();
                m_naks++;
                Unconfigure();
                m_state = INIT;
                m_timer = Simulator::Schedule(m_retransmission, &PeArpDhcpClient::Discover, this);
            }
            break;
        default:
            break;
        }
    }
}

void
PeArpDhcpClient::Configure(const PeArpDhcpHeader& ack)
{
    NS_LOG_FUNCTION(this);
    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("Scheme", EnumValue(PeArpPortSetAllocator::MAP));
    allocator->SetAttribute("PsidOffset", UintegerValue(ack.GetPsidOffset()));
    allocator->SetAttribute("PsidLength", UintegerValue(ack.GetPsidLength()));
    PeArpPortSet ports = allocator->GetSet(ack.GetPsid());
    if (m_address == ack.GetYourAddress() && m_ports == ports)
    {
        m_boundTrace(m_address, m_ports); // renewed: nothing changes
        return;
    }
    Unconfigure();
    SetUnconfiguredAddress(false);
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(m_device);
    ipv4->AddAddress(interface, Ipv4InterfaceAddress(ack.GetYourAddress(), ack.GetSubnetMask()));
    GetNode()->GetObject<PeArpPortAgent>()->SetPortSet(ack.GetYourAddress(), ports);
    Ptr<Ipv4StaticRouting> routing = Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
    if (routing && ack.GetRouter() != Ipv4Address::GetAny())
    {
        routing->SetDefaultRoute(ack.GetRouter(), interface);
    }
    m_address = ack.GetYourAddress();
    m_ports = ports;
    m_psid = ack.GetPsid();
    NS_LOG_LOGIC("bound to " << m_address << " ports " << m_ports);
    // Announce the new ports (RFC 2131 section 4.4.1 has a client check and
    // announce its new address): a node holding one of these ranges for
    // another MAC moves it here.
    m_device->Announce();
    m_boundTrace(m_address, m_ports);
}

void
PeArpDhcpClient::Unconfigure()
{
    NS_LOG_FUNCTION(this);
    if (m_address == Ipv4Address::GetAny())
    {
        return;
    }
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(m_device);
    for (uint32_t j = 0; interface >= 0 && j < ipv4->GetNAddresses(interface); j++)
    {
        if (ipv4->GetAddress(interface, j).GetLocal() == m_address)
        {
            ipv4->RemoveAddress(interface, j);
            break;
        }
    }
    GetNode()->GetObject<PeArpPortAgent>()->SetRange(m_address, PeArpPortRange::All());
    m_address = Ipv4Address::GetAny();
    m_ports = PeArpPortSet();
    SetUnconfiguredAddress(true);
}

void
PeArpDhcpClient::SetUnconfiguredAddress(bool present)
{
    // As ns-3's own DhcpClient: 0.0.0.0/0 lets the interface send before it
    // has an address.
    Ptr<Ipv4> ipv4 = GetNode()->GetObject<Ipv4>();
    int32_t interface = ipv4->GetInterfaceForDevice(m_device);
    for (uint32_t j = 0; j < ipv4->GetNAddresses(interface); j++)
    {
        if (ipv4->GetAddress(interface, j).GetLocal() == Ipv4Address::GetAny())
        {
            if (!present)
            {
                ipv4->RemoveAddress(interface, j);
            }
            return;
        }
    }
    if (present)
    {
        ipv4->AddAddress(interface, Ipv4InterfaceAddress(Ipv4Address::GetAny(), Ipv4Mask("/0")));
    }
}

} // namespace ns3
