/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-binding-table.h"

#include "ns3/boolean.h"
#include "ns3/callback.h"
#include "ns3/log.h"
#include "ns3/pe-arp-dhcp-server.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpBindingTable");

NS_OBJECT_ENSURE_REGISTERED(PeArpBindingTable);

TypeId
PeArpBindingTable::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpBindingTable")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpBindingTable>()
            .AddAttribute("AllowUnbound",
                          "Claims for addresses with no binding at all are allowed (else "
                          "dropped: every host must be bound).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpBindingTable::m_allowUnbound),
                          MakeBooleanChecker());
    return tid;
}

PeArpBindingTable::PeArpBindingTable()
    : m_allowUnbound(true),
      m_size(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpBindingTable::~PeArpBindingTable()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpBindingTable::DoDispose()
{
    m_bindings.clear();
    m_size = 0;
    Object::DoDispose();
}

void
PeArpBindingTable::Add(Ipv4Address address, const PeArpPortSet& ports, Mac48Address mac)
{
    NS_LOG_FUNCTION(this << address << ports << mac);
    std::map<uint16_t, Binding>& bound = m_bindings[address.Get()];
    std::vector<PeArpPortRange> ranges = ports.GetRanges();
    if (ranges.empty())
    {
        ranges.emplace_back(0, 65535);
    }
    for (const PeArpPortRange& r : ranges)
    {
        uint16_t low = r.IsAll() ? 0 : r.GetLow();
        uint16_t high = r.IsAll() ? 65535 : r.GetHigh();
        // Remove what overlaps [low, high]: at most the one starting below
        // low, then those starting inside.
        auto it = bound.upper_bound(high);
        while (it != bound.begin())
        {
            auto previous = std::prev(it);
            if (previous->second.high < low)
            {
                break;
            }
            it = bound.erase(previous);
            m_size--;
        }
        bound[low] = Binding{high, mac};
        m_size++;
    }
}

uint32_t
PeArpBindingTable::Remove(Ipv4Address address, Mac48Address mac)
{
    NS_LOG_FUNCTION(this << address << mac);
    auto found = m_bindings.find(address.Get());
    if (found == m_bindings.end())
    {
        return 0;
    }
    uint32_t removed = 0;
    for (auto it = found->second.begin(); it != found->second.end();)
    {
        if (it->second.mac == mac)
        {
            it = found->second.erase(it);
            removed++;
        }
        else
        {
            ++it;
        }
    }
    m_size -= removed;
    if (found->second.empty())
    {
        m_bindings.erase(found);
    }
    return removed;
}

void
PeArpBindingTable::WatchDhcpServer(Ptr<PeArpDhcpServer> server)
{
    NS_LOG_FUNCTION(this << server);
    server->TraceConnectWithoutContext(
        "Lease",
        MakeBoundCallback(&PeArpBindingTable::Leased, this, PeekPointer(server)));
}

void
PeArpBindingTable::Leased(PeArpBindingTable* self,
                          PeArpDhcpServer* server,
                          Mac48Address client,
                          Ipv4Address address,
                          uint16_t psid,
                          bool granted)
{
    if (granted)
    {
        self->Remove(address, client); // a renewal may come with another set
        self->Add(address, server->GetPortSet(psid), client);
    }
}

PeArpBindingTable::Verdict
PeArpBindingTable::Check(Ipv4Address address, PeArpPortRange range, Mac48Address mac) const
{
    auto found = m_bindings.find(address.Get());
    if (found == m_bindings.end())
    {
        return UNBOUND;
    }
    const std::map<uint16_t, Binding>& bound = found->second;
    uint16_t low = range.IsAll() ? 0 : range.GetLow();
    uint16_t high = range.IsAll() ? 65535 : range.GetHigh();
    // The binding starting at or below low: does it hold [low, high]?
    auto it = bound.upper_bound(low);
    if (it != bound.begin())
    {
        auto holder = std::prev(it);
        if (holder->second.high >= high)
        {
            return holder->second.mac == mac ? ALLOWED : MAC_MISMATCH;
        }
        if (holder->second.high >= low && holder->second.mac != mac)
        {
            return MAC_MISMATCH;
        }
    }
    // Not inside one binding: another MAC's binding inside [low, high]? This
    // walks the claimant's own bindings in the claim at most (bounded by
    // the ranges of one host's set), never the table.
    for (; it != bound.end() && it->first <= high; ++it)
    {
        if (it->second.mac != mac)
        {
            return MAC_MISMATCH;
        }
    }
    return RANGE_MISMATCH;
}

bool
PeArpBindingTable::Allows(Ipv4Address address, PeArpPortRange range, Mac48Address mac) const
{
    Verdict v = Check(address, range, mac);
    return v == ALLOWED || (v == UNBOUND && m_allowUnbound);
}

uint32_t
PeArpBindingTable::GetSize() const
{
    return m_size;
}

std::string
PeArpBindingTable::VerdictToString(Verdict verdict)
{
    switch (verdict)
    {
    case ALLOWED:
        return "allowed";
    case UNBOUND:
        return "unbound";
    case MAC_MISMATCH:
        return "MAC mismatch";
    case RANGE_MISMATCH:
        return "range mismatch";
    }
    return "unknown";
}

} // namespace ns3
