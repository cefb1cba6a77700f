/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dhcp-server.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/pe-arp-port-set-allocator.h"
#include "ns3/simulator.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDhcpServer");

NS_OBJECT_ENSURE_REGISTERED(PeArpDhcpServer);

TypeId
PeArpDhcpServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpDhcpServer")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpDhcpServer>()
            .AddAttribute("LeaseTime",
                          "Lease time granted to clients; T1 (renewal) is half of it.",
                          TimeValue(Seconds(3600)),
                          MakeTimeAccessor(&PeArpDhcpServer::m_leaseTime),
                          MakeTimeChecker(Seconds(2)))
            .AddAttribute("OfferHold",
                          "How long an offered pair is held for the client's REQUEST.",
                          TimeValue(Seconds(30)),
                          MakeTimeAccessor(&PeArpDhcpServer::m_offerHold),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("MaxPendingOffers",
                          "Offers that may wait for their REQUEST at once; a new offer beyond "
                          "withdraws the oldest (a defence against starvation by DISCOVERs "
                          "from forged client MACs). 0: no limit (RFC 2131).",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpDhcpServer::m_maxPendingOffers),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("ServerIdentifier",
                          "Address sent in option 54 (the server's address on the clients' "
                          "network).",
                          Ipv4AddressValue(Ipv4Address("0.0.0.0")),
                          MakeIpv4AddressAccessor(&PeArpDhcpServer::m_serverId),
                          MakeIpv4AddressChecker())
            .AddTraceSource("Lease",
                            "A lease was granted (ACK) or refused (NAK).",
                            MakeTraceSourceAccessor(&PeArpDhcpServer::m_leaseTrace),
                            "ns3::PeArpDhcpServer::LeaseTracedCallback");
    return tid;
}

PeArpDhcpServer::PeArpDhcpServer()
    : m_offset(0),
      m_psidLength(0),
      m_maxPendingOffers(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpDhcpServer::~PeArpDhcpServer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpDhcpServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_socket = nullptr;
    m_slots.clear();
    m_byClient.clear();
    m_free.clear();
    m_byExpiry.clear();
    m_pending.clear();
    Application::DoDispose();
}

void
PeArpDhcpServer::SetPool(const std::vector<Ipv4Address>& addresses,
                         Ipv4Mask mask,
                         Ipv4Address router,
                         uint8_t offset,
                         uint8_t psidLength)
{
    NS_LOG_FUNCTION(this << mask << router << int(offset) << int(psidLength));
    NS_ABORT_MSG_IF(addresses.empty(), "PeArpDhcpServer::SetPool: no address");
    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("Scheme", EnumValue(PeArpPortSetAllocator::MAP));
    allocator->SetAttribute("PsidOffset", UintegerValue(offset));
    allocator->SetAttribute("PsidLength", UintegerValue(psidLength));
    std::string why = allocator->Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpDhcpServer::SetPool: " << why);
    m_slots.clear();
    for (const Ipv4Address& address : addresses)
    {
        for (uint32_t psid = 0; psid < allocator->GetSetCount(); psid++)
        {
            if (!allocator->GetSet(psid).IsEmpty())
            {
                Slot slot;
                slot.address = address;
                slot.psid = static_cast<uint16_t>(psid);
                m_slots.push_back(slot);
            }
        }
    }
    m_mask = mask;
    m_router = router;
    m_offset = offset;
    m_psidLength = psidLength;
    m_pending.clear();
    Reindex();
}

const PeArpDhcpServer::Counters&
PeArpDhcpServer::GetCounters() const
{
    return m_counters;
}

PeArpPortSet
PeArpDhcpServer::GetPortSet(uint16_t psid) const
{
    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("Scheme", EnumValue(PeArpPortSetAllocator::MAP));
    allocator->SetAttribute("PsidOffset", UintegerValue(m_offset));
    allocator->SetAttribute("PsidLength", UintegerValue(m_psidLength));
    NS_ABORT_MSG_UNLESS(psid < allocator->GetSetCount(),
                        "PeArpDhcpServer::GetPortSet: no PSID " << psid << " in the pool");
    return allocator->GetSet(psid);
}

uint32_t
PeArpDhcpServer::GetPoolSize() const
{
    return static_cast<uint32_t>(m_slots.size());
}

uint32_t
PeArpDhcpServer::GetLeasedCount() const
{
    uint32_t n = 0;
    for (const Slot& slot : m_slots)
    {
        n += slot.leased && slot.expires > Simulator::Now() ? 1 : 0;
    }
    return n;
}

void
PeArpDhcpServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_slots.empty(), "PeArpDhcpServer: no pool (call SetPool)");
    m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
    NS_ABORT_MSG_IF(
        m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), PeArpDhcpHeader::SERVER_PORT)) != 0,
        "PeArpDhcpServer: cannot bind port 67");
    m_socket->SetAllowBroadcast(true);
    m_socket->SetRecvCallback(MakeCallback(&PeArpDhcpServer::HandleRead, this));
}

void
PeArpDhcpServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
    }
}

void
PeArpDhcpServer::LimitPendingOffers(uint32_t newest)
{
    if (m_maxPendingOffers == 0)
    {
        m_pending.clear(); // not tracked
        return;
    }
    // Forget slots no longer pending (requested, released, expired, re-offered).
    uint32_t live = 0;
    for (auto it = m_pending.begin(); it != m_pending.end();)
    {
        const Slot& s = m_slots[*it];
        if (!s.pending || !s.leased || s.expires <= Simulator::Now())
        {
            it = m_pending.erase(it);
        }
        else
        {
            ++it;
            live++;
        }
    }
    while (live > m_maxPendingOffers && !m_pending.empty() && m_pending.front() != newest)
    {
        Slot& oldest = m_slots[m_pending.front()];
        NS_LOG_LOGIC("withdraw the offer of PSID " << oldest.psid << " to " << oldest.client);
        Free(m_pending.front());
        m_pending.pop_front();
        m_counters.offersEvicted++;
        live--;
    }
}

void
PeArpDhcpServer::Restart(bool keepLeases)
{
    NS_LOG_FUNCTION(this << keepLeases);
    StopApplication();
    if (!keepLeases)
    {
        for (Slot& s : m_slots)
        {
            s.leased = false;
            s.pending = false;
        }
        m_pending.clear();
        Reindex();
    }
    StartApplication();
}

int32_t
PeArpDhcpServer::FindLease(Mac48Address client) const
{
    auto it = m_byClient.find(client);
    if (it == m_byClient.end())
    {
        return -1;
    }
    const Slot& s = m_slots[it->second];
    NS_ASSERT(s.leased && s.client == client);
    return s.expires > Simulator::Now() ? static_cast<int32_t>(it->second) : -1;
}

int32_t
PeArpDhcpServer::FindFree()
{
    while (!m_byExpiry.empty() && m_byExpiry.begin()->first <= Simulator::Now())
    {
        Free(m_byExpiry.begin()->second); // its offer or lease ran out
    }
    return m_free.empty() ? -1 : static_cast<int32_t>(*m_free.begin());
}

void
PeArpDhcpServer::Take(uint32_t slot, Mac48Address client, Time expires)
{
    Slot& s = m_slots[slot];
    if (s.leased)
    {
        Free(slot); // an expired lease of another client
    }
    s.leased = true;
    s.client = client;
    s.expires = expires;
    m_free.erase(slot);
    m_byExpiry.emplace(expires, slot);
    auto [it, added] = m_byClient.emplace(client, slot);
    if (!added)
    {
        // The client's earlier slot has run out (FindLease found none): it
        // is freed the next time FindFree looks, and no longer the client's.
        it->second = slot;
    }
}

void
PeArpDhcpServer::Extend(uint32_t slot, Time expires)
{
    Slot& s = m_slots[slot];
    NS_ASSERT(s.leased);
    m_byExpiry.erase({s.expires, slot});
    s.expires = expires;
    m_byExpiry.emplace(expires, slot);
}

void
PeArpDhcpServer::Free(uint32_t slot)
{
    Slot& s = m_slots[slot];
    if (s.leased)
    {
        m_byExpiry.erase({s.expires, slot});
        auto it = m_byClient.find(s.client);
        if (it != m_byClient.end() && it->second == slot)
        {
            m_byClient.erase(it);
        }
    }
    s.leased = false;
    s.pending = false;
    m_free.insert(slot);
}

void
PeArpDhcpServer::Reindex()
{
    m_byClient.clear();
    m_free.clear();
    m_byExpiry.clear();
    for (uint32_t i = 0; i < m_slots.size(); i++)
    {
        const Slot& s = m_slots[i];
        if (!s.leased)
        {
            m_free.insert(i);
            continue;
        }
        m_byExpiry.emplace(s.expires, i);
        auto [it, added] = m_byClient.emplace(s.client, i);
        if (!added && m_slots[it->second].expires < s.expires)
        {
            it->second = i; // a client with two slots (one run out): the later
        }
    }
}

void
PeArpDhcpServer::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    while (Ptr<Packet> packet = socket->RecvFrom(from))
    {
        PeArpDhcpHeader message = PeArpDhcpHeader::Parse(packet);
        PeArpDhcpHeader::ParseError error = message.GetParseError();
        if (error != PeArpDhcpHeader::PARSE_OK)
        {
            NS_LOG_LOGIC("malformed DHCP message (" << PeArpDhcpHeader::ParseErrorToString(error)
                                                    << ") -- drop");
            m_counters.malformed++;
            continue;
        }
        Mac48Address client = message.GetClientMac();
        switch (message.GetMessageType())
        {
        case PeArpDhcpHeader::DISCOVER: {
            m_counters.discovers++;
            int32_t slot = FindLease(client);
            if (slot < 0)
            {
                slot = FindFree();
            }
            if (slot < 0)
            {
                NS_LOG_LOGIC("pool full: NAK to " << client);
                m_counters.poolFull++;
                Reply(message, PeArpDhcpHeader::NAK, -1);
                break;
            }
            Slot& s = m_slots[slot];
            if (!(s.leased && s.client == client && s.expires > Simulator::Now()))
            {
                Take(static_cast<uint32_t>(slot), client, Simulator::Now() + m_offerHold);
                s.pending = true;
                m_pending.push_back(static_cast<uint32_t>(slot));
                LimitPendingOffers(static_cast<uint32_t>(slot));
            }
            Reply(message, PeArpDhcpHeader::OFFER, slot);
            break;
        }
        case PeArpDhcpHeader::REQUEST: {
            m_counters.requests++;
            if (message.GetServerId() != Ipv4Address::GetAny() &&
                m_serverId != Ipv4Address::GetAny() && message.GetServerId() != m_serverId)
            {
                int32_t offered = FindLease(client);
                if (offered >= 0)
                {
                    Free(static_cast<uint32_t>(offered)); // the client chose another server
                }
                break;
            }
            Ipv4Address wanted = message.GetRequestedAddress() != Ipv4Address::GetAny()
                                     ? message.GetRequestedAddress()
                                     : message.GetClientAddress();
            int32_t slot = FindLease(client);
            if (slot < 0 || m_slots[slot].address != wanted)
            {
                NS_LOG_LOGIC("REQUEST for " << wanted << " from " << client << " -- NAK");
                Reply(message, PeArpDhcpHeader::NAK, -1);
                break;
            }
            Extend(static_cast<uint32_t>(slot), Simulator::Now() + m_leaseTime);
            m_slots[slot].pending = false;
            Reply(message, PeArpDhcpHeader::ACK, slot);
            break;
        }
        case PeArpDhcpHeader::RELEASE: {
            m_counters.releases++;
            int32_t slot = FindLease(client);
            if (slot >= 0 && m_slots[slot].address == message.GetClientAddress())
            {
                Free(static_cast<uint32_t>(slot));
            }
            break;
        }
        default:
            break; // DECLINE, INFORM: not used by PE-ARP clients
        }
    }
}

void
PeArpDhcpServer::Reply(const PeArpDhcpHeader& request,
                       PeArpDhcpHeader::MessageType type,
                       int32_t slot)
{
    PeArpDhcpHeader reply;
    reply.SetMessageType(type);
    reply.SetTransactionId(request.GetTransactionId());
    reply.SetBroadcastFlag(request.GetBroadcastFlag());
    reply.SetClientMac(request.GetClientMac());
    if (m_serverId != Ipv4Address::GetAny())
    {
        reply.SetServerId(m_serverId);
    }
    if (type == PeArpDhcpHeader::NAK)
    {
        m_counters.naks++;
        m_leaseTrace(request.GetClientMac(), Ipv4Address::GetAny(), 0, false);
    }
    else
    {
        const Slot& s = m_slots[slot];
        reply.SetYourAddress(s.address);
        reply.SetLeaseTime(m_leaseTime);
        reply.SetRenewalTime(Seconds(m_leaseTime.GetSeconds() / 2));
        reply.SetSubnetMask(m_mask);
        reply.SetRouter(m_router);
        reply.SetPortParameters(m_offset, m_psidLength, s.psid);
        if (type == PeArpDhcpHeader::OFFER)
        {
            m_counters.offers++;
        }
        else
        {
            m_counters.acks++;
            m_leaseTrace(s.client, s.address, s.psid, true);
        }
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(reply);
    Ipv4Address to =
        request.GetBroadcastFlag() || request.GetClientAddress() == Ipv4Address::GetAny()
            ? Ipv4Address::GetBroadcast()
            : request.GetClientAddress();
    m_socket->SendTo(packet, 0, InetSocketAddress(to, PeArpDhcpHeader::CLIENT_PORT));
}

} // namespace ns3
