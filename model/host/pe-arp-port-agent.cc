/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-agent.h"

#include "ns3/abort.h"
#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpPortAgent");

NS_OBJECT_ENSURE_REGISTERED(PeArpPortAgent);

TypeId
PeArpPortAgent::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpPortAgent")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpPortAgent>()
            .AddTraceSource("BindRefused",
                            "A socket tried to bind a port outside the host's range.",
                            MakeTraceSourceAccessor(&PeArpPortAgent::m_bindRefusedTrace),
                            "ns3::PeArpPortAgent::PortTracedCallback")
            .AddTraceSource("RangeExhausted",
                            "A socket asked for an ephemeral port but every port of the "
                            "range is in use.",
                            MakeTraceSourceAccessor(&PeArpPortAgent::m_exhaustedTrace),
                            "ns3::PeArpPortAgent::PortTracedCallback");
    return tid;
}

PeArpPortAgent::PeArpPortAgent()
    : m_refusedBinds(0),
      m_exhaustions(0),
      m_ephemeralBinds(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpPortAgent::~PeArpPortAgent()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpPortAgent::SetRange(Ipv4Address address, PeArpPortRange range)
{
    NS_LOG_FUNCTION(this << address << range);
    NS_ABORT_MSG_UNLESS(range.IsValid(),
                        "PeArpPortAgent::SetRange: invalid port range "
                            << range << " for " << address << " (low > high)");
    if (range.IsAll())
    {
        m_sets.erase(address);
        m_tentative.erase(address);
        return;
    }
    SetPortSet(address, PeArpPortSet(range));
}

void
PeArpPortAgent::SetPortSet(Ipv4Address address, const PeArpPortSet& ports)
{
    NS_LOG_FUNCTION(this << address << ports);
    NS_ABORT_MSG_IF(ports.IsEmpty(), "PeArpPortAgent::SetPortSet: empty port set for " << address);
    m_sets[address] = SharedPorts{ports, 0};
    m_tentative.erase(address);
}

void
PeArpPortAgent::SetTentative(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_sets.erase(address);
    m_tentative.insert(address);
}

bool
PeArpPortAgent::IsTentative(Ipv4Address address) const
{
    return m_tentative.count(address) != 0;
}

std::optional<PeArpPortRange>
PeArpPortAgent::GetRangeOverlapping(Ipv4Address address, PeArpPortRange probed) const
{
    auto it = m_sets.find(address);
    if (it == m_sets.end())
    {
        return std::nullopt; // tentative, or owns all ports: a probe is not contested here
    }
    for (const PeArpPortRange& r : it->second.ports.GetRanges())
    {
        if (r.Overlaps(probed))
        {
            return r;
        }
    }
    return std::nullopt;
}

std::optional<PeArpPortSet>
PeArpPortAgent::GetPortSet(Ipv4Address address) const
{
    auto it = m_sets.find(address);
    if (it == m_sets.end())
    {
        return std::nullopt;
    }
    return it->second.ports;
}

bool
PeArpPortAgent::OwnsPort(Ipv4Address address, uint16_t port) const
{
    if (IsTentative(address))
    {
        return false;
    }
    auto it = m_sets.find(address);
    return it == m_sets.end() || it->second.ports.Contains(port);
}

std::optional<PeArpPortRange>
PeArpPortAgent::GetRangeHolding(Ipv4Address address, uint16_t port) const
{
    if (IsTentative(address))
    {
        return std::nullopt;
    }
    auto it = m_sets.find(address);
    if (it == m_sets.end())
    {
        return PeArpPortRange::All();
    }
    return it->second.ports.GetRangeHolding(port);
}

PeArpPortRange
PeArpPortAgent::GetAnnouncedRange(Ipv4Address address) const
{
    if (IsTentative(address))
    {
        return PeArpPortRange(1, 0); // invalid: nothing to announce yet
    }
    auto it = m_sets.find(address);
    return it == m_sets.end() ? PeArpPortRange::All() : it->second.ports.GetRanges().front();
}

Ipv4Address
PeArpPortAgent::GetSharedAddressForBind(Ipv4Address local) const
{
    if (local == Ipv4Address::GetAny())
    {
        return m_sets.empty() ? Ipv4Address::GetAny() : m_sets.begin()->first;
    }
    return m_sets.count(local) != 0 ? local : Ipv4Address::GetAny();
}

void
PeArpPortAgent::Hold(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    Ipv4Address shared = GetSharedAddressForBind(local);
    if (shared != Ipv4Address::GetAny())
    {
        m_held.insert({shared, port});
    }
}

void
PeArpPortAgent::Release(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    m_held.erase({GetSharedAddressForBind(local), port});
}

uint32_t
PeArpPortAgent::GetHeldPorts() const
{
    return static_cast<uint32_t>(m_held.size());
}

bool
PeArpPortAgent::IsAllowed(Ipv4Address local, uint16_t port) const
{
    if (IsTentative(local) || (local == Ipv4Address::GetAny() && !m_tentative.empty()))
    {
        return false;
    }
    Ipv4Address shared = GetSharedAddressForBind(local);
    return shared == Ipv4Address::GetAny() || m_sets.at(shared).ports.Contains(port);
}

namespace
{

/**
 * \param set a port set
 * \param index an index below the set's size
 * \return the index-th port of the set, in increasing order
 */
uint16_t
PortAt(const PeArpPortSet& set, uint32_t index)
{
    for (const PeArpPortRange& range : set.GetRanges())
    {
        if (index < range.GetSize())
        {
            return static_cast<uint16_t>(range.GetLow() + index);
        }
        index -= range.GetSize();
    }
    return 0;
}

} // namespace

Socket::SocketErrno
PeArpPortAgent::BindEphemeral(Ipv4Address local,
                              const std::function<int(uint16_t)>& tryBind,
                              const std::function<Socket::SocketErrno()>& getErrno)
{
    NS_LOG_FUNCTION(this << local);
    if (IsTentative(local) || (local == Ipv4Address::GetAny() && !m_tentative.empty()))
    {
        NS_LOG_WARN("PE-ARP host: the range of " << local << " is still being claimed");
        m_exhaustions++;
        m_exhaustedTrace(local, 0);
        return Socket::ERROR_ADDRNOTAVAIL;
    }
    Ipv4Address shared = GetSharedAddressForBind(local);
    if (shared == Ipv4Address::GetAny())
    {
        // All ports owned: the stack's own ephemeral choice.
        return tryBind(0) == 0 ? Socket::ERROR_NOTERROR : getErrno();
    }
    SharedPorts& entry = m_sets.at(shared);
    const PeArpPortSet& set = entry.ports;
    uint32_t size = set.GetSize();
    uint32_t& cursor = entry.cursor;
    for (uint32_t attempt = 0; attempt < size; attempt++)
    {
        uint16_t port = PortAt(set, (cursor + attempt) % size);
        if (port == 0 || m_held.count({shared, port}) != 0)
        {
            continue;
        }
        if (tryBind(port) == 0)
        {
            cursor = (cursor + attempt + 1) % size;
            m_ephemeralBinds++;
            return Socket::ERROR_NOTERROR;
        }
        Socket::SocketErrno error = getErrno();
        if (error != Socket::ERROR_ADDRINUSE)
        {
            return error;
        }
    }
    NS_LOG_WARN("PE-ARP host: every port of " << set << " of " << shared
                                              << " is in use -- bind fails");
    m_exhaustions++;
    m_exhaustedTrace(local, 0);
    return Socket::ERROR_ADDRNOTAVAIL;
}

void
PeArpPortAgent::NotifyBindRefused(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    NS_LOG_WARN("PE-ARP host: port " << port << " is outside this host's ports of "
                                     << GetSharedAddressForBind(local) << " -- bind refused");
    m_refusedBinds++;
    m_bindRefusedTrace(local, port);
}

uint16_t
PeArpPortAgent::MapEchoIdentifier(Ipv4Address address, uint16_t original)
{
    NS_LOG_FUNCTION(this << address << original);
    auto setIt = m_sets.find(address);
    if (setIt == m_sets.end())
    {
        return original;
    }
    if (!m_echo)
    {
        m_echo = std::make_unique<EchoIdentifiers>();
    }
    const PeArpPortSet& set = setIt->second.ports;
    if (set.Contains(original))
    {
        // Kept as it is, and reserved so that no other identifier maps onto it.
        m_echo->toOriginal[{address, original}] = original;
        return original;
    }
    auto known = m_echo->toMapped.find({address, original});
    if (known != m_echo->toMapped.end())
    {
        return known->second;
    }
    uint32_t size = set.GetSize();
    for (uint32_t attempt = 0; attempt < size; attempt++)
    {
        uint16_t mapped = PortAt(set, (original + attempt) % size);
        if (m_echo->toOriginal.find({address, mapped}) == m_echo->toOriginal.end())
        {
            m_echo->toOriginal[{address, mapped}] = original;
            m_echo->toMapped[{address, original}] = mapped;
            return mapped;
        }
    }
    // Every identifier of the set is taken: reuse one (replies may mix).
    return PortAt(set, original % size);
}

std::optional<uint16_t>
PeArpPortAgent::UnmapEchoIdentifier(Ipv4Address address, uint16_t mapped) const
{
    if (!m_echo)
    {
        return std::nullopt;
    }
    auto it = m_echo->toOriginal.find({address, mapped});
    if (it == m_echo->toOriginal.end())
    {
        return std::nullopt;
    }
    return it->second;
}

uint64_t
PeArpPortAgent::GetRefusedBinds() const
{
    return m_refusedBinds;
}

uint64_t
PeArpPortAgent::GetExhaustions() const
{
    return m_exhaustions;
}

uint64_t
PeArpPortAgent::GetEphemeralBinds() const
{
    return m_ephemeralBinds;
}

} // namespace ns3
