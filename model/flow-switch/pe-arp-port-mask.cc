/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-mask.h"

#include "ns3/abort.h"
#include "ns3/log.h"

#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpPortMask");

namespace
{

/**
 * The size of the largest aligned block starting at start and ending at or
 * before high.
 * \param start first port of the block
 * \param high last port allowed
 * \return the block size, a power of two
 */
uint32_t
LargestBlock(uint32_t start, uint32_t high)
{
    uint32_t size = 1;
    while (size < 65536 && start % (size * 2) == 0 && start + size * 2 - 1 <= high)
    {
        size *= 2;
    }
    return size;
}

} // namespace

PeArpPortMask::PeArpPortMask()
    : m_value(0),
      m_mask(0)
{
}

PeArpPortMask::PeArpPortMask(uint16_t value, uint16_t mask)
    : m_value(value),
      m_mask(mask)
{
}

PeArpPortMask
PeArpPortMask::Exact(uint16_t port)
{
    return PeArpPortMask(port, 0xffff);
}

uint16_t
PeArpPortMask::GetValue() const
{
    return m_value;
}

uint16_t
PeArpPortMask::GetMask() const
{
    return m_mask;
}

bool
PeArpPortMask::Matches(uint16_t port) const
{
    return (port & m_mask) == m_value;
}

uint16_t
PeArpPortMask::GetLow() const
{
    return m_value & m_mask;
}

uint16_t
PeArpPortMask::GetHigh() const
{
    return static_cast<uint16_t>((m_value & m_mask) | static_cast<uint16_t>(~m_mask));
}

uint32_t
PeArpPortMask::GetSize() const
{
    uint32_t wildcards = 0;
    for (uint16_t bit = 1; bit != 0; bit = static_cast<uint16_t>(bit << 1))
    {
        wildcards += (m_mask & bit) == 0 ? 1 : 0;
    }
    return 1U << wildcards;
}

bool
PeArpPortMask::IsPrefix() const
{
    uint16_t inverted = static_cast<uint16_t>(~m_mask);
    return (inverted & (inverted + 1U)) == 0 && (m_value & inverted) == 0;
}

std::string
PeArpPortMask::ToString() const
{
    std::ostringstream os;
    os << "0x" << std::hex << std::setfill('0') << std::setw(4) << m_value << "/0x" << std::setw(4)
       << m_mask;
    return os.str();
}

std::vector<PeArpPortMask>
PeArpPortMask::Decompose(uint16_t low, uint16_t high)
{
    NS_LOG_FUNCTION(low << high);
    NS_ABORT_MSG_IF(low > high,
                    "PeArpPortMask::Decompose: low (" << low << ") is above high (" << high << ")");
    std::vector<PeArpPortMask> pairs;
    uint32_t start = low;
    while (start <= high)
    {
        uint32_t size = LargestBlock(start, high);
        pairs.emplace_back(static_cast<uint16_t>(start), static_cast<uint16_t>(~(size - 1)));
        start += size;
    }
    return pairs;
}

std::vector<PeArpPortMask>
PeArpPortMask::Decompose(const PeArpPortRange& range)
{
    NS_ABORT_MSG_UNLESS(range.IsValid(),
                        "PeArpPortMask::Decompose: range " << range << " is invalid (low > high)");
    if (range.IsAll())
    {
        return Decompose(0, 65535);
    }
    return Decompose(range.GetLow(), range.GetHigh());
}

uint32_t
PeArpPortMask::CountEntries(uint16_t low, uint16_t high)
{
    NS_ABORT_MSG_IF(low > high,
                    "PeArpPortMask::CountEntries: low (" << low << ") is above high (" << high
                                                         << ")");
    uint32_t count = 0;
    uint32_t start = low;
    while (start <= high)
    {
        start += LargestBlock(start, high);
        count++;
    }
    return count;
}

bool
operator==(const PeArpPortMask& a, const PeArpPortMask& b)
{
    return a.GetValue() == b.GetValue() && a.GetMask() == b.GetMask();
}

bool
operator!=(const PeArpPortMask& a, const PeArpPortMask& b)
{
    return !(a == b);
}

std::ostream&
operator<<(std::ostream& os, const PeArpPortMask& mask)
{
    return os << mask.ToString();
}

} // namespace ns3
