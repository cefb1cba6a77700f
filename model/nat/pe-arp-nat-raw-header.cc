/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-raw-header.h"

#include "ns3/log.h"

#include <iomanip>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatRawHeader");

NS_OBJECT_ENSURE_REGISTERED(PeArpNatRawHeader);

TypeId
PeArpNatRawHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpNatRawHeader")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpNatRawHeader>();
    return tid;
}

PeArpNatRawHeader::PeArpNatRawHeader()
    : m_standsFor(GetTypeId())
{
}

PeArpNatRawHeader::PeArpNatRawHeader(TypeId standsFor, std::vector<uint8_t> bytes)
    : m_standsFor(standsFor),
      m_bytes(std::move(bytes))
{
}

void
PeArpNatRawHeader::SetSize(uint32_t size)
{
    m_bytes.assign(size, 0);
}

const std::vector<uint8_t>&
PeArpNatRawHeader::GetBytes() const
{
    return m_bytes;
}

TypeId
PeArpNatRawHeader::GetInstanceTypeId() const
{
    return m_standsFor;
}

uint32_t
PeArpNatRawHeader::GetSerializedSize() const
{
    return static_cast<uint32_t>(m_bytes.size());
}

void
PeArpNatRawHeader::Serialize(Buffer::Iterator start) const
{
    start.Write(m_bytes.data(), static_cast<uint32_t>(m_bytes.size()));
}

uint32_t
PeArpNatRawHeader::Deserialize(Buffer::Iterator start)
{
    start.Read(m_bytes.data(), static_cast<uint32_t>(m_bytes.size()));
    return static_cast<uint32_t>(m_bytes.size());
}

void
PeArpNatRawHeader::Print(std::ostream& os) const
{
    os << m_bytes.size() << " bytes:";
    std::ios_base::fmtflags flags = os.flags();
    for (uint8_t b : m_bytes)
    {
        os << " " << std::hex << std::setw(2) << std::setfill('0') << static_cast<uint32_t>(b);
    }
    os.flags(flags);
}

} // namespace ns3
