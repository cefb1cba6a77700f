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
    m_ranges[address] = range;
    m_cursor[address] = 0;
}

PeArpPortRange
PeArpPortAgent::GetRange(Ipv4Address address) const
{
    auto it = m_ranges.find(address);
    return it == m_ranges.end() ? PeArpPortRange::All() : it->second;
}

PeArpPortRange
PeArpPortAgent::GetRangeForBind(Ipv4Address local) const
{
    if (local == Ipv4Address::GetAny())
    {
        for (const auto& [address, range] : m_ranges)
        {
            if (!range.IsAll())
            {
                return range;
            }
        }
        return PeArpPortRange::All();
    }
    return GetRange(local);
}

bool
PeArpPortAgent::IsAllowed(Ipv4Address local, uint16_t port) const
{
    return GetRangeForBind(local).Contains(port);
}

int
PeArpPortAgent::BindEphemeral(Ipv4Address local,
                              const std::function<int(uint16_t)>& tryBind,
                              const std::function<Socket::SocketErrno()>& getErrno,
                              Socket::SocketErrno& error)
{
    NS_LOG_FUNCTION(this << local);
    PeArpPortRange range = GetRangeForBind(local);
    Ipv4Address key = local;
    if (local == Ipv4Address::GetAny())
    {
        for (const auto& [address, r] : m_ranges)
        {
            if (!r.IsAll())
            {
                key = address;
                break;
            }
        }
    }
    uint32_t size = range.IsAll() ? 0 : range.GetSize();
    if (size == 0)
    {
        error = Socket::ERROR_NOTERROR;
        return tryBind(0); // all ports owned: the stack's own ephemeral choice
    }
    uint32_t& cursor = m_cursor[key];
    for (uint32_t attempt = 0; attempt < size; attempt++)
    {
        uint16_t port = static_cast<uint16_t>(range.GetLow() + (cursor + attempt) % size);
        if (port == 0)
        {
            continue;
        }
        if (tryBind(port) == 0)
        {
            cursor = (cursor + attempt + 1) % size;
            m_ephemeralBinds++;
            error = Socket::ERROR_NOTERROR;
            return 0;
        }
        if (getErrno() != Socket::ERROR_ADDRINUSE)
        {
            error = getErrno();
            return -1;
        }
    }
    NS_LOG_WARN("PE-ARP host: every port of range " << range << " of " << key
                                                    << " is in use -- bind fails");
    m_exhaustions++;
    m_exhaustedTrace(local, 0);
    error = Socket::ERROR_ADDRNOTAVAIL;
    return -1;
}

void
PeArpPortAgent::NotifyBindRefused(Ipv4Address local, uint16_t port)
{
    NS_LOG_FUNCTION(this << local << port);
    NS_LOG_WARN("PE-ARP host: port " << port << " is outside this host's range "
                                     << GetRangeForBind(local) << " -- bind refused");
    m_refusedBinds++;
    m_bindRefusedTrace(local, port);
}

uint16_t
PeArpPortAgent::MapEchoIdentifier(Ipv4Address address, uint16_t original)
{
    NS_LOG_FUNCTION(this << address << original);
    PeArpPortRange range = GetRange(address);
    if (range.Contains(original))
    {
        return original;
    }
    auto known = m_echoToMapped.find({address, original});
    if (known != m_echoToMapped.end())
    {
        return known->second;
    }
    uint32_t size = range.GetSize();
    for (uint32_t attempt = 0; attempt < size; attempt++)
    {
        auto mapped = static_cast<uint16_t>(range.GetLow() + (original + attempt) % size);
        if (m_echoToOriginal.find({address, mapped}) == m_echoToOriginal.end())
        {
            m_echoToOriginal[{address, mapped}] = original;
            m_echoToMapped[{address, original}] = mapped;
            return mapped;
        }
    }
    // Every identifier of the range is taken: reuse one (replies may mix).
    return static_cast<uint16_t>(range.GetLow() + original % size);
}

bool
PeArpPortAgent::UnmapEchoIdentifier(Ipv4Address address, uint16_t mapped, uint16_t& original) const
{
    auto it = m_echoToOriginal.find({address, mapped});
    if (it == m_echoToOriginal.end())
    {
        return false;
    }
    original = it->second;
    return true;
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
