/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-range.h"

#include <sstream>

namespace ns3
{

PeArpPortRange::PeArpPortRange()
    : m_low(0),
      m_high(0)
{
}

PeArpPortRange::PeArpPortRange(uint16_t low, uint16_t high)
    : m_low(low),
      m_high(high)
{
}

PeArpPortRange
PeArpPortRange::All()
{
    return PeArpPortRange(0, 0);
}

uint16_t
PeArpPortRange::GetLow() const
{
    return m_low;
}

uint16_t
PeArpPortRange::GetHigh() const
{
    return m_high;
}

bool
PeArpPortRange::IsAll() const
{
    return m_low == 0 && m_high == 0;
}

bool
PeArpPortRange::IsValid() const
{
    return m_low <= m_high;
}

bool
PeArpPortRange::Contains(uint16_t port) const
{
    return IsAll() || (port >= m_low && port <= m_high);
}

bool
PeArpPortRange::Overlaps(const PeArpPortRange& other) const
{
    if (IsAll() || other.IsAll())
    {
        return true;
    }
    return m_low <= other.m_high && other.m_low <= m_high;
}

uint32_t
PeArpPortRange::GetSize() const
{
    return IsAll() ? 65536U : static_cast<uint32_t>(m_high) - m_low + 1;
}

std::string
PeArpPortRange::ToString() const
{
    std::ostringstream oss;
    oss << m_low << "-" << m_high;
    return oss.str();
}

bool
operator==(const PeArpPortRange& a, const PeArpPortRange& b)
{
    return a.GetLow() == b.GetLow() && a.GetHigh() == b.GetHigh();
}

bool
operator!=(const PeArpPortRange& a, const PeArpPortRange& b)
{
    return !(a == b);
}

std::ostream&
operator<<(std::ostream& os, const PeArpPortRange& range)
{
    os << range.GetLow() << "-" << range.GetHigh();
    return os;
}

} // namespace ns3
