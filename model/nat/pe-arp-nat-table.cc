/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-table.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/ipv4-address.h"
#include "ns3/log.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatTable");

NS_OBJECT_ENSURE_REGISTERED(PeArpNatTable);

namespace
{
constexpr uint8_t ICMP = 1;       //!< ICMP
constexpr uint8_t TCP = 6;        //!< TCP
constexpr uint8_t TCP_FIN = 0x01; //!< FIN
constexpr uint8_t TCP_SYN = 0x02; //!< SYN
constexpr uint8_t TCP_RST = 0x04; //!< RST
} // namespace

TypeId
PeArpNatTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpNatTable")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpNatTable>()
            .AddAttribute("PublicAddress",
                          "The public address outbound packets get.",
                          Ipv4AddressValue(Ipv4Address::GetAny()),
                          MakeIpv4AddressAccessor(&PeArpNatTable::m_publicAddress),
                          MakeIpv4AddressChecker())
            .AddAttribute("MappingBehaviour",
                          "RFC 4787 section 4.1: one mapping per private endpoint (EIM), "
                          "per "
                          "remote address (ADM) or per remote address and port (APDM).",
                          EnumValue(EIM),
                          MakeEnumAccessor(&PeArpNatTable::m_mapping),
                          MakeEnumChecker(EIM, "EIM", ADM, "ADM", APDM, "APDM"))
            .AddAttribute("FilteringBehaviour",
                          "RFC 4787 section 5: let in packets from anyone (EIF), from an "
                          "address the mapping has sent to (ADF), or from an address and "
                          "port "
                          "it has sent to (APDF).",
                          EnumValue(APDF),
                          MakeEnumAccessor(&PeArpNatTable::m_filtering),
                          MakeEnumChecker(EIF, "EIF", ADF, "ADF", APDF, "APDF"))
            .AddAttribute(
                "UdpTimeout",
                "UDP session lifetime without traffic (RFC 4787 REQ-5: at least "
                "2 min, 5 min recommended); must be positive, NS_LOG_WARN if "
                "shorter "
                "than 2 min.",
                TimeValue(Seconds(300)),
                MakeTimeAccessor(&PeArpNatTable::SetUdpTimeout, &PeArpNatTable::GetUdpTimeout),
                MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("TcpEstablishedTimeout",
                          "Lifetime of an established TCP session (RFC 5382 REQ-5: at "
                          "least "
                          "2 h 4 min); must be positive, NS_LOG_WARN if shorter than 2 h 4 "
                          "min.",
                          TimeValue(Seconds(7440)),
                          MakeTimeAccessor(&PeArpNatTable::SetTcpEstablishedTimeout,
                                           &PeArpNatTable::GetTcpEstablishedTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("TcpTransitoryTimeout",
                          "Lifetime of an opening, closing or reset TCP session (RFC 5382 "
                          "REQ-5, RFC 7857 section 2.2: 4 min); must be positive, "
                          "NS_LOG_WARN if "
                          "shorter than 4 min.",
                          TimeValue(Seconds(240)),
                          MakeTimeAccessor(&PeArpNatTable::SetTcpTransitoryTimeout,
                                           &PeArpNatTable::GetTcpTransitoryTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute(
                "IcmpTimeout",
                "ICMP query session lifetime (RFC 5508 REQ-2: at least "
                "60 s); must be "
                "positive, NS_LOG_WARN if shorter than 60 s.",
                TimeValue(Seconds(60)),
                MakeTimeAccessor(&PeArpNatTable::SetIcmpTimeout, &PeArpNatTable::GetIcmpTimeout),
                MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("InboundRefresh",
                          "Inbound packets refresh their session (RFC 4787 REQ-6: MAY).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpNatTable::m_inboundRefresh),
                          MakeBooleanChecker())
            .AddAttribute("MaxSessions",
                          "Sessions the table may hold; one more is dropped as TABLE_FULL. "
                          "0: no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpNatTable::m_maxSessions),
                          MakeUintegerChecker<uint32_t>())
            .AddAttribute("PortAllocator",
                          "The external ports and their blocks.",
                          PointerValue(),
                          MakePointerAccessor(&PeArpNatTable::m_allocator),
                          MakePointerChecker<PeArpNatPortAllocator>())
            .AddTraceSource("Drop",
                            "The table refused a packet (or the router counted one).",
                            MakeTraceSourceAccessor(&PeArpNatTable::m_dropTrace),
                            "ns3::PeArpNatTable::DropTracedCallback")
            .AddTraceSource("MappingCreated",
                            "A mapping was created.",
                            MakeTraceSourceAccessor(&PeArpNatTable::m_createdTrace),
                            "ns3::PeArpNatTable::MappingTracedCallback")
            .AddTraceSource("MappingRemoved",
                            "A mapping expired with its last session.",
                            MakeTraceSourceAccessor(&PeArpNatTable::m_removedTrace),
                            "ns3::PeArpNatTable::MappingTracedCallback");
    return tid;
}

PeArpNatTable::PeArpNatTable()
    : m_mapping(EIM),
      m_filtering(APDF),
      m_inboundRefresh(true),
      m_maxSessions(0),
      m_allocator(CreateObject<PeArpNatPortAllocator>())
{
    NS_LOG_FUNCTION(this);
}

PeArpNatTable::~PeArpNatTable()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpNatTable::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_expiry.Cancel();
    m_byPrivate.clear();
    m_byExternal.clear();
    m_heap = decltype(m_heap)();
    if (m_allocator)
    {
        m_allocator->Dispose();
    }
    m_allocator = nullptr;
    Object::DoDispose();
}

bool
PeArpNatTable::MappingKey::operator==(const MappingKey& o) const
{
    return protocol == o.protocol && privateAddress == o.privateAddress &&
           privatePort == o.privatePort && remoteAddress == o.remoteAddress &&
           remotePort == o.remotePort;
}

size_t
PeArpNatTable::MappingKeyHash::operator()(const MappingKey& k) const
{
    uint64_t a = (static_cast<uint64_t>(k.privateAddress) << 24) ^
                 (static_cast<uint64_t>(k.privatePort) << 8) ^ k.protocol;
    uint64_t b = (static_cast<uint64_t>(k.remoteAddress) << 16) ^ k.remotePort;
    return std::hash<uint64_t>()(a * 0x9E3779B97F4A7C15ULL ^ b);
}

bool
PeArpNatTable::Deadline::operator>(const Deadline& o) const
{
    return when > o.when;
}

uint32_t
PeArpNatTable::InboundKey(uint8_t protocol, uint16_t externalPort)
{
    return (static_cast<uint32_t>(protocol) << 16) | externalPort;
}

uint64_t
PeArpNatTable::RemoteKey(Ipv4Address address, uint16_t port)
{
    return (static_cast<uint64_t>(address.Get()) << 16) | port;
}

PeArpNatTable::MappingInfo
PeArpNatTable::Info(const Mapping& m)
{
    MappingInfo info;
    info.protocol = m.key.protocol;
    info.privateAddress = Ipv4Address(m.key.privateAddress);
    info.privatePort = m.key.privatePort;
    info.externalPort = m.externalPort;
    info.sessions = static_cast<uint32_t>(m.sessions.size());
    return info;
}

PeArpNatTable::Translation
PeArpNatTable::Drop(DropReason reason, uint8_t protocol, Ipv4Address address, uint16_t port)
{
    CountDrop(reason, protocol, address, port);
    Translation t;
    t.reason = reason;
    return t;
}

void
PeArpNatTable::CountDrop(DropReason reason, uint8_t protocol, Ipv4Address address, uint16_t port)
{
    NS_LOG_FUNCTION(this << reason << static_cast<uint32_t>(protocol) << address << port);
    NS_ABORT_MSG_IF(reason >= DROP_REASONS, "CountDrop: not a reason");
    m_counters.drops[reason]++;
    m_dropTrace(reason, protocol, address, port);
}

void
PeArpNatTable::WarnIfBelow(const char* name, Time value, Time minimum, const char* source)
{
    if (value < minimum)
    {
        NS_LOG_WARN(name << " " << value.As(Time::S) << " is below the " << minimum.As(Time::S)
                         << " of " << source);
    }
}

void
PeArpNatTable::SetUdpTimeout(Time timeout)
{
    NS_LOG_FUNCTION(this << timeout);
    WarnIfBelow("UdpTimeout", timeout, Seconds(120), "RFC 4787 REQ-5");
    m_udpTimeout = timeout;
}

Time
PeArpNatTable::GetUdpTimeout() const
{
    return m_udpTimeout;
}

void
PeArpNatTable::SetTcpEstablishedTimeout(Time timeout)
{
    NS_LOG_FUNCTION(this << timeout);
    WarnIfBelow("TcpEstablishedTimeout", timeout, Seconds(7440), "RFC 5382 REQ-5");
    m_tcpEstablished = timeout;
}

Time
PeArpNatTable::GetTcpEstablishedTimeout() const
{
    return m_tcpEstablished;
}

void
PeArpNatTable::SetTcpTransitoryTimeout(Time timeout)
{
    NS_LOG_FUNCTION(this << timeout);
    WarnIfBelow("TcpTransitoryTimeout", timeout, Seconds(240), "RFC 5382 REQ-5");
    m_tcpTransitory = timeout;
}

Time
PeArpNatTable::GetTcpTransitoryTimeout() const
{
    return m_tcpTransitory;
}

void
PeArpNatTable::SetIcmpTimeout(Time timeout)
{
    NS_LOG_FUNCTION(this << timeout);
    WarnIfBelow("IcmpTimeout", timeout, Seconds(60), "RFC 5508 REQ-2");
    m_icmpTimeout = timeout;
}

Time
PeArpNatTable::GetIcmpTimeout() const
{
    return m_icmpTimeout;
}

Time
PeArpNatTable::TimeoutOf(uint8_t protocol, const Session& session) const
{
    switch (protocol)
    {
    case TCP:
        return session.state == ESTABLISHED ? m_tcpEstablished : m_tcpTransitory;
    case ICMP:
        return m_icmpTimeout;
    default:
        return m_udpTimeout;
    }
}

PeArpNatTable::Session&
PeArpNatTable::AddSession(Mapping& m, uint64_t remote)
{
    Session& s = m.sessions[remote];
    s.scheduled = Time::Max();
    m.addresses[static_cast<uint32_t>(remote >> 16)]++;
    m_counters.sessions++;
    m_counters.sessionsCreated++;
    m_counters.peakSessions = std::max(m_counters.peakSessions, m_counters.sessions);
    return s;
}

void
PeArpNatTable::Touch(Mapping& m, Session& s, uint64_t remote, uint8_t tcpFlags, bool outbound)
{
    if (m.key.protocol == TCP)
    {
        if (tcpFlags & TCP_SYN)
        {
            (outbound ? s.synOut : s.synIn) = true;
        }
        if (tcpFlags & TCP_FIN)
        {
            (outbound ? s.finOut : s.finIn) = true;
        }
        if ((tcpFlags & TCP_RST) || (s.finOut && s.finIn))
        {
            s.closed = true;
        }
        s.state = !s.closed && s.synOut && s.synIn ? ESTABLISHED : TRANSITORY;
    }
    if (outbound || m_inboundRefresh || s.scheduled == Time::Max())
    {
        s.deadline = Simulator::Now() + TimeoutOf(m.key.protocol, s);
        Schedule(m, s, remote);
    }
}

void
PeArpNatTable::Schedule(const Mapping& m, Session& s, uint64_t remote)
{
    if (s.deadline >= s.scheduled)
    {
        return; // an entry fires no later; it will re-push
    }
    s.scheduled = s.deadline;
    m_heap.push({s.deadline, m.key.protocol, m.externalPort, remote});
    if (!m_expiry.IsRunning() || s.deadline < Simulator::Now() + Simulator::GetDelayLeft(m_expiry))
    {
        m_expiry.Cancel();
        m_expiry = Simulator::Schedule(s.deadline - Simulator::Now(), &PeArpNatTable::Expire, this);
    }
}

void
PeArpNatTable::Expire()
{
    NS_LOG_FUNCTION(this);
    Time now = Simulator::Now();
    while (!m_heap.empty() && m_heap.top().when <= now)
    {
        Deadline e = m_heap.top();
        m_heap.pop();
        auto mit = m_byExternal.find(InboundKey(e.protocol, e.externalPort));
        if (mit == m_byExternal.end())
        {
            continue;
        }
        Mapping& m = mit->second;
        auto sit = m.sessions.find(e.remote);
        if (sit == m.sessions.end() || sit->second.scheduled != e.when)
        {
            continue; // stale entry
        }
        Session& s = sit->second;
        if (s.deadline > now)
        {
            s.scheduled = s.deadline; // refreshed: wait again
            m_heap.push({s.deadline, e.protocol, e.externalPort, e.remote});
            continue;
        }
        auto ait = m.addresses.find(static_cast<uint32_t>(e.remote >> 16));
        if (--ait->second == 0)
        {
            m.addresses.erase(ait);
        }
        m.sessions.erase(sit);
        m_counters.sessions--;
        m_counters.sessionsExpired++;
        if (m.sessions.empty())
        {
            m_counters.mappingsExpired++;
            RemoveMapping(m);
        }
    }
    if (!m_heap.empty())
    {
        m_expiry = Simulator::Schedule(m_heap.top().when - now, &PeArpNatTable::Expire, this);
    }
}

void
PeArpNatTable::RemoveMapping(const Mapping& m)
{
    MappingInfo info = Info(m);
    NS_LOG_LOGIC("mapping " << info.privateAddress << ":" << info.privatePort << " <-> "
                            << info.externalPort << " removed");
    m_allocator->Release(info.protocol, info.privateAddress, info.externalPort);
    m_byPrivate.erase(m.key);
    m_counters.mappings--;
    m_byExternal.erase(InboundKey(info.protocol, info.externalPort)); // m is gone
    m_removedTrace(info);
}

PeArpNatTable::Translation
PeArpNatTable::Outbound(uint8_t protocol,
                        Ipv4Address privateAddress,
                        uint16_t privatePort,
                        Ipv4Address remoteAddress,
                        uint16_t remotePort,
                        uint8_t tcpFlags)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << privateAddress << privatePort
                         << remoteAddress << remotePort << static_cast<uint32_t>(tcpFlags));
    bool icmp = protocol == ICMP;
    uint16_t rport = icmp ? 0 : remotePort;
    MappingKey key = KeyOf(protocol, privateAddress, privatePort, remoteAddress, remotePort);
    uint64_t remote = RemoteKey(remoteAddress, rport);
    bool full = m_maxSessions > 0 && m_counters.sessions >= m_maxSessions;
    Translation t;
    Mapping* m = nullptr;
    auto pit = m_byPrivate.find(key);
    if (pit != m_byPrivate.end())
    {
        m = &m_byExternal.at(pit->second);
    }
    else
    {
        if (full)
        {
            return Drop(TABLE_FULL, protocol, privateAddress, privatePort);
        }
        auto a = m_allocator->Allocate(protocol, privateAddress, privatePort);
        switch (a.failure)
        {
        case PeArpNatPortAllocator::OK:
            break;
        case PeArpNatPortAllocator::POOL_EXHAUSTED:
            return Drop(POOL_EXHAUSTED, protocol, privateAddress, privatePort);
        case PeArpNatPortAllocator::PORT_BLOCK_EXHAUSTED:
        case PeArpNatPortAllocator::PORT_LIMIT:
            return Drop(PORT_BLOCK_EXHAUSTED, protocol, privateAddress, privatePort);
        }
        uint32_t inbound = InboundKey(protocol, a.port);
        m = &m_byExternal[inbound];
        m->key = key;
        m->externalPort = a.port;
        m_byPrivate[key] = inbound;
        m_counters.mappings++;
        m_counters.mappingsCreated++;
        m_counters.peakMappings = std::max(m_counters.peakMappings, m_counters.mappings);
        t.created = true;
        m_createdTrace(Info(*m));
    }
    auto sit = m->sessions.find(remote);
    Session* s = nullptr;
    if (sit == m->sessions.end())
    {
        if (full)
        {
            return Drop(TABLE_FULL, protocol, privateAddress, privatePort);
        }
        s = &AddSession(*m, remote);
    }
    else
    {
        s = &sit->second;
    }
    Touch(*m, *s, remote, tcpFlags, true);
    m_counters.outbound++;
    t.ok = true;
    t.address = m_publicAddress;
    t.port = m->externalPort;
    return t;
}

PeArpNatTable::Translation
PeArpNatTable::Inbound(uint8_t protocol,
                       uint16_t externalPort,
                       Ipv4Address remoteAddress,
                       uint16_t remotePort,
                       uint8_t tcpFlags)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << externalPort << remoteAddress
                         << remotePort << static_cast<uint32_t>(tcpFlags));
    auto mit = m_byExternal.find(InboundKey(protocol, externalPort));
    if (mit == m_byExternal.end())
    {
        return Drop(NO_MAPPING, protocol, remoteAddress, remotePort);
    }
    Mapping& m = mit->second;
    bool icmp = protocol == ICMP;
    uint64_t remote = RemoteKey(remoteAddress, icmp ? 0 : remotePort);
    auto sit = m.sessions.find(remote);
    bool pass = true;
    switch (icmp && m_filtering == APDF ? ADF : m_filtering)
    {
    case EIF:
        break;
    case ADF:
        pass = m.addresses.count(remoteAddress.Get()) > 0;
        break;
    case APDF:
        pass = sit != m.sessions.end();
        break;
    }
    if (!pass)
    {
        return Drop(FILTERED, protocol, remoteAddress, remotePort);
    }
    Session* s = nullptr;
    if (sit == m.sessions.end())
    {
        if (m_maxSessions > 0 && m_counters.sessions >= m_maxSessions)
        {
            return Drop(TABLE_FULL, protocol, remoteAddress, remotePort);
        }
        s = &AddSession(m, remote);
    }
    else
    {
        s = &sit->second;
    }
    Touch(m, *s, remote, tcpFlags, false);
    m_counters.inbound++;
    Translation t;
    t.ok = true;
    t.address = Ipv4Address(m.key.privateAddress);
    t.port = m.key.privatePort;
    return t;
}

PeArpNatTable::MappingKey
PeArpNatTable::KeyOf(uint8_t protocol,
                     Ipv4Address privateAddress,
                     uint16_t privatePort,
                     Ipv4Address remoteAddress,
                     uint16_t remotePort) const
{
    bool icmp = protocol == ICMP; // ICMP ids: always EIM (RFC 5508 REQ-1a)
    return MappingKey{protocol,
                      privateAddress.Get(),
                      privatePort,
                      !icmp && m_mapping != EIM ? remoteAddress.Get() : 0,
                      !icmp && m_mapping == APDM ? remotePort : static_cast<uint16_t>(0)};
}

std::optional<PeArpNatTable::MappingInfo>
PeArpNatTable::FindByPrivate(uint8_t protocol,
                             Ipv4Address privateAddress,
                             uint16_t privatePort,
                             Ipv4Address remoteAddress,
                             uint16_t remotePort) const
{
    auto pit =
        m_byPrivate.find(KeyOf(protocol, privateAddress, privatePort, remoteAddress, remotePort));
    if (pit == m_byPrivate.end())
    {
        return std::nullopt;
    }
    return Info(m_byExternal.at(pit->second));
}

std::optional<PeArpNatTable::MappingInfo>
PeArpNatTable::FindByExternal(uint8_t protocol, uint16_t externalPort) const
{
    auto mit = m_byExternal.find(InboundKey(protocol, externalPort));
    if (mit == m_byExternal.end())
    {
        return std::nullopt;
    }
    return Info(mit->second);
}

std::optional<PeArpNatTable::TcpState>
PeArpNatTable::GetTcpState(uint8_t protocol,
                           uint16_t externalPort,
                           Ipv4Address remoteAddress,
                           uint16_t remotePort) const
{
    auto mit = m_byExternal.find(InboundKey(protocol, externalPort));
    if (mit == m_byExternal.end())
    {
        return std::nullopt;
    }
    auto sit = mit->second.sessions.find(RemoteKey(remoteAddress, remotePort));
    if (sit == mit->second.sessions.end())
    {
        return std::nullopt;
    }
    return sit->second.state;
}

const PeArpNatTable::Counters&
PeArpNatTable::GetCounters() const
{
    return m_counters;
}

uint64_t
PeArpNatTable::GetDrops(DropReason reason) const
{
    return reason < DROP_REASONS ? m_counters.drops[reason] : 0;
}

Ptr<PeArpNatPortAllocator>
PeArpNatTable::GetPortAllocator() const
{
    return m_allocator;
}

std::ostream&
operator<<(std::ostream& os, PeArpNatTable::DropReason reason)
{
    switch (reason)
    {
    case PeArpNatTable::NO_MAPPING:
        return os << "no-mapping";
    case PeArpNatTable::TABLE_FULL:
        return os << "table-full";
    case PeArpNatTable::PORT_BLOCK_EXHAUSTED:
        return os << "port-block-exhausted";
    case PeArpNatTable::POOL_EXHAUSTED:
        return os << "pool-exhausted";
    case PeArpNatTable::FILTERED:
        return os << "filtered";
    case PeArpNatTable::FRAGMENT:
        return os << "fragment";
    case PeArpNatTable::MALFORMED:
        return os << "malformed";
    case PeArpNatTable::QUEUE_FULL:
        return os << "queue-full";
    case PeArpNatTable::DROP_REASONS:
        break;
    }
    return os << "unknown";
}

} // namespace ns3
