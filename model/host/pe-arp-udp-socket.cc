/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-udp-socket.h"

#include "pe-arp-port-agent.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/integer.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpUdpSocket");

NS_OBJECT_ENSURE_REGISTERED(PeArpUdpSocket);

TypeId
PeArpUdpSocket::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpUdpSocket")
                            .SetParent<UdpSocket>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpUdpSocket>();
    return tid;
}

PeArpUdpSocket::PeArpUdpSocket()
    : m_agentErrno(ERROR_NOTERROR),
      m_rcvBufSize(0),
      m_ipMulticastTtl(0),
      m_ipMulticastIf(-1),
      m_ipMulticastLoop(false),
      m_mtuDiscover(false),
      m_ipTtl(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpUdpSocket::~PeArpUdpSocket()
{
    NS_LOG_FUNCTION(this);
    Detach();
}

void
PeArpUdpSocket::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_inner)
    {
        Detach();
        m_inner->Close();
    }
    m_inner = nullptr;
    m_agent = nullptr;
    UdpSocket::DoDispose();
}

void
PeArpUdpSocket::SetInner(Ptr<Socket> inner, Ptr<PeArpPortAgent> agent)
{
    NS_LOG_FUNCTION(this << inner << agent);
    m_inner = inner;
    m_agent = agent;
    // The setters forward to the wrapped socket now that it exists.
    SetRcvBufSize(m_rcvBufSize);
    SetIpMulticastTtl(m_ipMulticastTtl);
    SetIpMulticastIf(m_ipMulticastIf);
    SetIpMulticastLoop(m_ipMulticastLoop);
    SetMtuDiscover(m_mtuDiscover);
    SetIpTtl(m_ipTtl);
    // One set of forwarding callbacks, shared by every wrapper: a callback
    // bound to an object costs about 200 bytes, five of them a kilobyte per
    // socket. The inner socket passes itself, and the wrapper is found from
    // it in O(1).
    static const Forwarders forwarders;
    Wrappers()[PeekPointer(m_inner)] = this;
    m_inner->SetRecvCallback(forwarders.recv);
    m_inner->SetSendCallback(forwarders.send);
    m_inner->SetDataSentCallback(forwarders.dataSent);
    m_inner->SetConnectCallback(forwarders.connected, forwarders.connectFailed);
}

PeArpUdpSocket::Forwarders::Forwarders()
    : recv(MakeCallback(&PeArpUdpSocket::ForwardRecv)),
      send(MakeCallback(&PeArpUdpSocket::ForwardSend)),
      dataSent(MakeCallback(&PeArpUdpSocket::ForwardDataSent)),
      connected(MakeCallback(&PeArpUdpSocket::ForwardConnected)),
      connectFailed(MakeCallback(&PeArpUdpSocket::ForwardConnectFailed))
{
}

std::unordered_map<const Socket*, PeArpUdpSocket*>&
PeArpUdpSocket::Wrappers()
{
    static std::unordered_map<const Socket*, PeArpUdpSocket*> wrappers;
    return wrappers;
}

PeArpUdpSocket*
PeArpUdpSocket::WrapperOf(Ptr<Socket> inner)
{
    auto it = Wrappers().find(PeekPointer(inner));
    return it == Wrappers().end() ? nullptr : it->second;
}

void
PeArpUdpSocket::Detach()
{
    if (!m_inner)
    {
        return;
    }
    m_inner->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    m_inner->SetSendCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_inner->SetDataSentCallback(MakeNullCallback<void, Ptr<Socket>, uint32_t>());
    m_inner->SetConnectCallback(MakeNullCallback<void, Ptr<Socket>>(),
                                MakeNullCallback<void, Ptr<Socket>>());
    auto it = Wrappers().find(PeekPointer(m_inner));
    if (it != Wrappers().end() && it->second == this)
    {
        Wrappers().erase(it);
    }
}

void
PeArpUdpSocket::ForwardRecv(Ptr<Socket> socket)
{
    if (PeArpUdpSocket* wrapper = WrapperOf(socket))
    {
        wrapper->NotifyDataRecv();
    }
}

void
PeArpUdpSocket::ForwardSend(Ptr<Socket> socket, uint32_t available)
{
    if (PeArpUdpSocket* wrapper = WrapperOf(socket))
    {
        wrapper->NotifySend(available);
    }
}

void
PeArpUdpSocket::ForwardDataSent(Ptr<Socket> socket, uint32_t size)
{
    if (PeArpUdpSocket* wrapper = WrapperOf(socket))
    {
        wrapper->NotifyDataSent(size);
    }
}

void
PeArpUdpSocket::ForwardConnected(Ptr<Socket> socket)
{
    if (PeArpUdpSocket* wrapper = WrapperOf(socket))
    {
        wrapper->NotifyConnectionSucceeded();
    }
}

void
PeArpUdpSocket::ForwardConnectFailed(Ptr<Socket> socket)
{
    if (PeArpUdpSocket* wrapper = WrapperOf(socket))
    {
        wrapper->NotifyConnectionFailed();
    }
}

int
PeArpUdpSocket::BindInRange(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    m_agentErrno = ERROR_NOTERROR;
    if (port == 0)
    {
        m_agentErrno = m_agent->BindEphemeral(
            local,
            [this, local](uint16_t p) { return m_inner->Bind(InetSocketAddress(local, p)); },
            [this]() { return m_inner->GetErrno(); });
        return m_agentErrno == ERROR_NOTERROR ? 0 : -1;
    }
    if (!m_agent->IsAllowed(local, port))
    {
        m_agent->NotifyBindRefused(local, port);
        m_agentErrno = ERROR_ADDRNOTAVAIL;
        return -1;
    }
    return m_inner->Bind(InetSocketAddress(local, port));
}

int
PeArpUdpSocket::Bind()
{
    NS_LOG_FUNCTION(this);
    return BindInRange(Ipv4Address::GetAny(), 0);
}

int
PeArpUdpSocket::Bind6()
{
    NS_LOG_FUNCTION(this);
    m_agentErrno = ERROR_NOTERROR;
    return m_inner->Bind6();
}

int
PeArpUdpSocket::Bind(const Address& address)
{
    NS_LOG_FUNCTION(this << address);
    if (!InetSocketAddress::IsMatchingType(address))
    {
        m_agentErrno = ERROR_NOTERROR;
        return m_inner->Bind(address);
    }
    InetSocketAddress inet = InetSocketAddress::ConvertFrom(address);
    return BindInRange(inet.GetIpv4(), inet.GetPort());
}

enum Socket::SocketErrno
PeArpUdpSocket::GetErrno() const
{
    return m_agentErrno != ERROR_NOTERROR ? m_agentErrno : m_inner->GetErrno();
}

enum Socket::SocketType
PeArpUdpSocket::GetSocketType() const
{
    return m_inner->GetSocketType();
}

Ptr<Node>
PeArpUdpSocket::GetNode() const
{
    return m_inner->GetNode();
}

int
PeArpUdpSocket::Close()
{
    return m_inner->Close();
}

int
PeArpUdpSocket::ShutdownSend()
{
    return m_inner->ShutdownSend();
}

int
PeArpUdpSocket::ShutdownRecv()
{
    return m_inner->ShutdownRecv();
}

int
PeArpUdpSocket::Connect(const Address& address)
{
    return m_inner->Connect(address);
}

int
PeArpUdpSocket::Listen()
{
    return m_inner->Listen();
}

uint32_t
PeArpUdpSocket::GetTxAvailable() const
{
    return m_inner->GetTxAvailable();
}

int
PeArpUdpSocket::Send(Ptr<Packet> p, uint32_t flags)
{
    NS_LOG_FUNCTION(this << p << flags);
    Address self;
    if (m_inner->GetSockName(self) != 0 || (InetSocketAddress::IsMatchingType(self) &&
                                            InetSocketAddress::ConvertFrom(self).GetPort() == 0))
    {
        // Not bound yet: bind in range before ns-3 binds to an ephemeral port.
        if (Bind() != 0)
        {
            return -1;
        }
    }
    return m_inner->Send(p, flags);
}

int
PeArpUdpSocket::SendTo(Ptr<Packet> p, uint32_t flags, const Address& address)
{
    NS_LOG_FUNCTION(this << p << flags << address);
    Address self;
    if (m_inner->GetSockName(self) != 0 || (InetSocketAddress::IsMatchingType(self) &&
                                            InetSocketAddress::ConvertFrom(self).GetPort() == 0))
    {
        if (Bind() != 0)
        {
            return -1;
        }
    }
    return m_inner->SendTo(p, flags, address);
}

uint32_t
PeArpUdpSocket::GetRxAvailable() const
{
    return m_inner->GetRxAvailable();
}

Ptr<Packet>
PeArpUdpSocket::Recv(uint32_t maxSize, uint32_t flags)
{
    return m_inner->Recv(maxSize, flags);
}

Ptr<Packet>
PeArpUdpSocket::RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress)
{
    return m_inner->RecvFrom(maxSize, flags, fromAddress);
}

int
PeArpUdpSocket::GetSockName(Address& address) const
{
    return m_inner->GetSockName(address);
}

int
PeArpUdpSocket::GetPeerName(Address& address) const
{
    return m_inner->GetPeerName(address);
}

bool
PeArpUdpSocket::SetAllowBroadcast(bool allowBroadcast)
{
    return m_inner->SetAllowBroadcast(allowBroadcast);
}

bool
PeArpUdpSocket::GetAllowBroadcast() const
{
    return m_inner->GetAllowBroadcast();
}

void
PeArpUdpSocket::BindToNetDevice(Ptr<NetDevice> netdevice)
{
    m_inner->BindToNetDevice(netdevice);
}

int
PeArpUdpSocket::MulticastJoinGroup(uint32_t interface, const Address& groupAddress)
{
    return DynamicCast<UdpSocket>(m_inner)->MulticastJoinGroup(interface, groupAddress);
}

int
PeArpUdpSocket::MulticastLeaveGroup(uint32_t interface, const Address& groupAddress)
{
    return DynamicCast<UdpSocket>(m_inner)->MulticastLeaveGroup(interface, groupAddress);
}

void
PeArpUdpSocket::SetIpTtl(uint8_t ipTtl)
{
    // Also the IpTtl attribute's setter, called before the wrapped socket exists.
    m_ipTtl = ipTtl;
    if (m_inner)
    {
        m_inner->SetIpTtl(ipTtl);
    }
}

uint8_t
PeArpUdpSocket::GetIpTtl() const
{
    return m_ipTtl;
}

PeArpUdpSocket::InnerAccessors::InnerAccessors()
{
    auto lookup = [](const std::string& name) {
        TypeId::AttributeInformation info;
        bool found = UdpSocket::GetTypeId().LookupAttributeByName(name, &info);
        NS_ABORT_MSG_UNLESS(found && info.accessor->HasSetter(),
                            "PeArpUdpSocket: ns3::UdpSocket has no settable attribute " << name);
        return info.accessor;
    };
    rcvBufSize = lookup("RcvBufSize");
    ipMulticastTtl = lookup("IpMulticastTtl");
    ipMulticastIf = lookup("IpMulticastIf");
    ipMulticastLoop = lookup("IpMulticastLoop");
    mtuDiscover = lookup("MtuDiscover");
}

const PeArpUdpSocket::InnerAccessors&
PeArpUdpSocket::Accessors()
{
    static const InnerAccessors accessors;
    return accessors;
}

void
PeArpUdpSocket::SetInnerAttribute(const AttributeAccessor& accessor, const AttributeValue& value)
{
    if (m_inner)
    {
        bool set = accessor.Set(PeekPointer(m_inner), value);
        NS_ABORT_MSG_UNLESS(set, "PeArpUdpSocket: the wrapped socket refused an attribute value");
    }
}

void
PeArpUdpSocket::SetRcvBufSize(uint32_t size)
{
    m_rcvBufSize = size;
    SetInnerAttribute(*Accessors().rcvBufSize, UintegerValue(size));
}

uint32_t
PeArpUdpSocket::GetRcvBufSize() const
{
    return m_rcvBufSize;
}

void
PeArpUdpSocket::SetIpMulticastTtl(uint8_t ipTtl)
{
    m_ipMulticastTtl = ipTtl;
    SetInnerAttribute(*Accessors().ipMulticastTtl, UintegerValue(ipTtl));
}

uint8_t
PeArpUdpSocket::GetIpMulticastTtl() const
{
    return m_ipMulticastTtl;
}

void
PeArpUdpSocket::SetIpMulticastIf(int32_t ipIf)
{
    m_ipMulticastIf = ipIf;
    SetInnerAttribute(*Accessors().ipMulticastIf, IntegerValue(ipIf));
}

int32_t
PeArpUdpSocket::GetIpMulticastIf() const
{
    return m_ipMulticastIf;
}

void
PeArpUdpSocket::SetIpMulticastLoop(bool loop)
{
    m_ipMulticastLoop = loop;
    SetInnerAttribute(*Accessors().ipMulticastLoop, BooleanValue(loop));
}

bool
PeArpUdpSocket::GetIpMulticastLoop() const
{
    return m_ipMulticastLoop;
}

void
PeArpUdpSocket::SetMtuDiscover(bool discover)
{
    m_mtuDiscover = discover;
    SetInnerAttribute(*Accessors().mtuDiscover, BooleanValue(discover));
}

bool
PeArpUdpSocket::GetMtuDiscover() const
{
    return m_mtuDiscover;
}

} // namespace ns3
