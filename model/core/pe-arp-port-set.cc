/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-set.h"

#include "ns3/abort.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

PeArpPortSet::PeArpPortSet(PeArpPortRange range)
{
    Add(range);
}

void
PeArpPortSet::Add(PeArpPortRange range)
{
    NS_ABORT_MSG_UNLESS(range.IsValid() && !range.IsAll(),
                        "PeArpPortSet::Add: invalid range " << range);
    uint32_t low = range.GetLow();
    uint32_t high = range.GetHigh();
    std::vector<PeArpPortRange> merged;
    for (const PeArpPortRange& r : m_ranges)
    {
        if (uint32_t(r.GetHigh()) + 1 < low || uint32_t(high) + 1 < r.GetLow())
        {
            merged.push_back(r); // neither overlapping nor adjacent
        }
        else
        {
            low = std::min<uint32_t>(low, r.GetLow());
            high = std::max<uint32_t>(high, r.GetHigh());
        }
    }
    merged.emplace_back(static_cast<uint16_t>(low), static_cast<uint16_t>(high));
    std::sort(merged.begin(), merged.end(), [](const PeArpPortRange& a, const PeArpPortRange& b) {
        return a.GetLow() < b.GetLow();
    });
    m_ranges = merged;
}

void
PeArpPortSet::Remove(PeArpPortRange range)
{
    std::vector<PeArpPortRange> kept;
    for (const PeArpPortRange& r : m_ranges)
    {
        if (!r.Overlaps(range))
        {
            kept.push_back(r);
            continue;
        }
        if (r.GetLow() < range.GetLow())
        {
            kept.emplace_back(r.GetLow(), static_cast<uint16_t>(range.GetLow() - 1));
        }
        if (r.GetHigh() > range.GetHigh())
        {
            kept.emplace_back(static_cast<uint16_t>(range.GetHigh() + 1), r.GetHigh());
        }
    }
    m_ranges = kept;
}

const std::vector<PeArpPortRange>&
PeArpPortSet::GetRanges() const
{
    return m_ranges;
}

uint32_t
PeArpPortSet::GetSize() const
{
    uint32_t size = 0;
    for (const PeArpPortRange& r : m_ranges)
    {
        size += r.GetSize();
    }
    return size;
}

bool
PeArpPortSet::IsEmpty() const
{
    return m_ranges.empty();
}

std::optional<PeArpPortRange>
PeArpPortSet::GetRangeHolding(uint16_t port) const
{
    auto it = std::upper_bound(m_ranges.begin(),
                               m_ranges.end(),
                               port,
                               [](uint16_t p, const PeArpPortRange& r) { return p < r.GetLow(); });
    if (it == m_ranges.begin())
    {
        return std::nullopt;
    }
    --it;
    if (port > it->GetHigh())
    {
        return std::nullopt;
    }
    return *it;
}

bool
PeArpPortSet::Contains(uint16_t port) const
{
    return GetRangeHolding(port).has_value();
}

bool
PeArpPortSet::Overlaps(const PeArpPortSet& other) const
{
    auto a = m_ranges.begin();
    auto b = other.m_ranges.begin();
    while (a != m_ranges.end() && b != other.m_ranges.end())
    {
        if (a->Overlaps(*b))
        {
            return true;
        }
        if (a->GetHigh() < b->GetHigh())
        {
            ++a;
        }
        else
        {
            ++b;
        }
    }
    return false;
}

std::string
PeArpPortSet::ToString() const
{
    std::ostringstream oss;
    oss << *this;
    return oss.str();
}

bool
operator==(const PeArpPortSet& a, const PeArpPortSet& b)
{
    return a.GetRanges() == b.GetRanges();
}

std::ostream&
operator<<(std::ostream& os, const PeArpPortSet& set)
{
    bool first = true;
    for (const PeArpPortRange& r : set.GetRanges())
    {
        os << (first ? "" : ",") << r;
        first = false;
    }
    return os;
}

} // namespace ns3
