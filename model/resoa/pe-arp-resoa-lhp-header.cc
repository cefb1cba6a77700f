/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-lhp-header.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaLhpHeader");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaLhpHeader);

TypeId
PeArpResoaLhpHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaLhpHeader")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaLhpHeader>();
    return tid;
}

TypeId
PeArpResoaLhpHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

const char*
PeArpResoaLhpHeader::TypeName(uint8_t type)
{
    switch (type)
    {
    case CONN_REQ:
        return "CONN_REQ";
    case CONN_ACK:
        return "CONN_ACK";
    case DATA:
        return "DATA";
    case ACK:
        return "ACK";
    case KEEPALIVE:
        return "KEEPALIVE";
    case RESET:
        return "RESET";
    case DISC:
        return "DISC";
    default:
        return "?";
    }
}

void
PeArpResoaLhpHeader::Print(std::ostream& os) const
{
    os << "LHP " << TypeName(m_type) << " conn=" << m_connId << " seq=" << m_seq << " ack=" << m_ack
       << " win=" << m_window << " len=" << m_length;
    if (m_error != NONE)
    {
        os << " (malformed " << static_cast<int>(m_error) << ")";
    }
}

uint32_t
PeArpResoaLhpHeader::GetSerializedSize() const
{
    return SIZE;
}

void
PeArpResoaLhpHeader::Serialize(Buffer::Iterator start) const
{
    start.WriteU8(m_type);
    start.WriteHtonU16(m_connId);
    start.WriteHtonU32(m_seq);
    start.WriteHtonU32(m_ack);
    start.WriteHtonU16(m_window);
    start.WriteHtonU16(m_length);
}

uint32_t
PeArpResoaLhpHeader::Deserialize(Buffer::Iterator start)
{
    uint32_t remaining = start.GetRemainingSize();
    if (remaining < SIZE)
    {
        m_error = TRUNCATED;
        return 0;
    }
    m_type = start.ReadU8();
    m_connId = start.ReadNtohU16();
    m_seq = start.ReadNtohU32();
    m_ack = start.ReadNtohU32();
    m_window = start.ReadNtohU16();
    m_length = start.ReadNtohU16();
    if (m_type < CONN_REQ || m_type > TYPE_MAX)
    {
        m_error = BAD_TYPE;
    }
    else if (m_length > remaining - SIZE || (m_type != DATA && m_length != 0))
    {
        m_error = BAD_LENGTH;
    }
    else
    {
        m_error = NONE;
    }
    return SIZE;
}

void
PeArpResoaLhpHeader::SetType(Type type)
{
    m_type = type;
}

PeArpResoaLhpHeader::Type
PeArpResoaLhpHeader::GetType() const
{
    return static_cast<Type>(m_type);
}

void
PeArpResoaLhpHeader::SetConnId(uint16_t connId)
{
    m_connId = connId;
}

uint16_t
PeArpResoaLhpHeader::GetConnId() const
{
    return m_connId;
}

void
PeArpResoaLhpHeader::SetSeq(uint32_t seq)
{
    m_seq = seq;
}

uint32_t
PeArpResoaLhpHeader::GetSeq() const
{
    return m_seq;
}

void
PeArpResoaLhpHeader::SetAck(uint32_t ack)
{
    m_ack = ack;
}

uint32_t
PeArpResoaLhpHeader::GetAck() const
{
    return m_ack;
}

void
PeArpResoaLhpHeader::SetWindow(uint16_t window)
{
    m_window = window;
}

uint16_t
PeArpResoaLhpHeader::GetWindow() const
{
    return m_window;
}

void
PeArpResoaLhpHeader::SetLength(uint16_t length)
{
    m_length = length;
}

uint16_t
PeArpResoaLhpHeader::GetLength() const
{
    return m_length;
}

bool
PeArpResoaLhpHeader::IsValid() const
{
    return m_error == NONE;
}

PeArpResoaLhpHeader::Error
PeArpResoaLhpHeader::GetError() const
{
    return m_error;
}

} // namespace ns3
