/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-resoa-ep-header.h"

#include "ns3/log.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpResoaEpHeader");

NS_OBJECT_ENSURE_REGISTERED(PeArpResoaEpHeader);

namespace
{
constexpr uint8_t ADDRESS_LENGTH = 6; //!< IPv4 address + port
constexpr uint8_t U32_LENGTH = 4;     //!< a u32 value
constexpr uint8_t U8_LENGTH = 1;      //!< a u8 value
constexpr uint32_t TLV_HEAD = 2;      //!< tag + length

/**
 * Write an address TLV.
 * \param i where
 * \param tag the tag
 * \param address the address
 */
void
WriteAddress(Buffer::Iterator& i, uint8_t tag, const InetSocketAddress& address)
{
    i.WriteU8(tag);
    i.WriteU8(ADDRESS_LENGTH);
    i.WriteHtonU32(address.GetIpv4().Get());
    i.WriteHtonU16(address.GetPort());
}

/**
 * Write a u32 TLV.
 * \param i where
 * \param tag the tag
 * \param value the value
 */
void
WriteU32(Buffer::Iterator& i, uint8_t tag, uint32_t value)
{
    i.WriteU8(tag);
    i.WriteU8(U32_LENGTH);
    i.WriteHtonU32(value);
}
} // namespace

TypeId
PeArpResoaEpHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpResoaEpHeader")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpResoaEpHeader>();
    return tid;
}

TypeId
PeArpResoaEpHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

bool
PeArpResoaEpHeader::IsKnownType(uint8_t type)
{
    return (type >= REGISTER && type <= CLOSE) || (type >= REGISTER_ACK && type <= ERROR_CLOSE);
}

bool
PeArpResoaEpHeader::CarriesPayload(uint8_t type)
{
    return type == SEND || type == SENDTO || type == DATA || type == DATA_FROM;
}

const char*
PeArpResoaEpHeader::TypeName(uint8_t type)
{
    switch (type)
    {
    case REGISTER:
        return "REGISTER";
    case BIND:
        return "BIND";
    case LISTEN:
        return "LISTEN";
    case CONNECT:
        return "CONNECT";
    case SEND:
        return "SEND";
    case SENDTO:
        return "SENDTO";
    case CREDIT:
        return "CREDIT";
    case SHUTDOWN_SEND:
        return "SHUTDOWN_SEND";
    case CLOSE:
        return "CLOSE";
    case REGISTER_ACK:
        return "REGISTER_ACK";
    case RESULT:
        return "RESULT";
    case CONNECTED:
        return "CONNECTED";
    case ACCEPT_IND:
        return "ACCEPT_IND";
    case DATA:
        return "DATA";
    case DATA_FROM:
        return "DATA_FROM";
    case SEND_CREDIT:
        return "SEND_CREDIT";
    case PEER_CLOSED:
        return "PEER_CLOSED";
    case ERROR_CLOSE:
        return "ERROR_CLOSE";
    default:
        return "?";
    }
}

void
PeArpResoaEpHeader::Print(std::ostream& os) const
{
    os << "EP " << TypeName(m_type) << " flags=" << static_cast<int>(m_flags)
       << " rsock=" << m_rsockId << " call=" << m_callId
       << " status=" << static_cast<int>(m_status);
    if (m_local)
    {
        os << " local=" << m_local->GetIpv4() << ":" << m_local->GetPort();
    }
    if (m_peer)
    {
        os << " peer=" << m_peer->GetIpv4() << ":" << m_peer->GetPort();
    }
    if (m_sockType)
    {
        os << " sockType=" << static_cast<int>(*m_sockType);
    }
    if (m_count)
    {
        os << " count=" << *m_count;
    }
    if (m_parent)
    {
        os << " parent=" << *m_parent;
    }
    if (m_buffer)
    {
        os << " buffer=" << *m_buffer;
    }
    if (m_error != NONE)
    {
        os << " (malformed " << static_cast<int>(m_error) << ")";
    }
}

uint16_t
PeArpResoaEpHeader::TlvLength() const
{
    uint32_t length = 0;
    length += m_local ? TLV_HEAD + ADDRESS_LENGTH : 0;
    length += m_peer ? TLV_HEAD + ADDRESS_LENGTH : 0;
    length += m_sockType ? TLV_HEAD + U8_LENGTH : 0;
    length += m_count ? TLV_HEAD + U32_LENGTH : 0;
    length += m_parent ? TLV_HEAD + U32_LENGTH : 0;
    length += m_buffer ? TLV_HEAD + U32_LENGTH : 0;
    return static_cast<uint16_t>(length);
}

uint32_t
PeArpResoaEpHeader::GetSerializedSize() const
{
    return FIXED_SIZE + TlvLength();
}

void
PeArpResoaEpHeader::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_type);
    i.WriteU8(m_flags);
    i.WriteHtonU32(m_rsockId);
    i.WriteHtonU16(m_callId);
    i.WriteU8(m_status);
    i.WriteHtonU16(TlvLength());
    if (m_local)
    {
        WriteAddress(i, TAG_LOCAL, *m_local);
    }
    if (m_peer)
    {
        WriteAddress(i, TAG_PEER, *m_peer);
    }
    if (m_sockType)
    {
        i.WriteU8(TAG_SOCK_TYPE);
        i.WriteU8(U8_LENGTH);
        i.WriteU8(*m_sockType);
    }
    if (m_count)
    {
        WriteU32(i, TAG_COUNT, *m_count);
    }
    if (m_parent)
    {
        WriteU32(i, TAG_PARENT, *m_parent);
    }
    if (m_buffer)
    {
        WriteU32(i, TAG_BUFFER, *m_buffer);
    }
}

uint32_t
PeArpResoaEpHeader::Deserialize(Buffer::Iterator start)
{
    m_local.reset();
    m_peer.reset();
    m_sockType.reset();
    m_count.reset();
    m_parent.reset();
    m_buffer.reset();
    Buffer::Iterator i = start;
    uint32_t remaining = i.GetRemainingSize();
    if (remaining < FIXED_SIZE)
    {
        m_error = TRUNCATED;
        return 0;
    }
    m_type = i.ReadU8();
    m_flags = i.ReadU8();
    m_rsockId = i.ReadNtohU32();
    m_callId = i.ReadNtohU16();
    m_status = i.ReadU8();
    uint16_t tlvLength = i.ReadNtohU16();
    if (!IsKnownType(m_type))
    {
        m_error = BAD_TYPE;
        return FIXED_SIZE;
    }
    if (remaining - FIXED_SIZE < tlvLength)
    {
        m_error = TRUNCATED;
        return FIXED_SIZE;
    }
    uint32_t left = tlvLength;
    bool seen[256] = {};
    while (left > 0)
    {
        if (left < TLV_HEAD)
        {
            m_error = BAD_TLV;
            return FIXED_SIZE + tlvLength - left;
        }
        uint8_t tag = i.ReadU8();
        uint8_t length = i.ReadU8();
        left -= TLV_HEAD;
        if (length > left || seen[tag])
        {
            m_error = BAD_TLV;
            return FIXED_SIZE + tlvLength - left;
        }
        seen[tag] = true;
        uint8_t expected = length;
        switch (tag)
        {
        case TAG_LOCAL:
        case TAG_PEER:
            expected = ADDRESS_LENGTH;
            break;
        case TAG_SOCK_TYPE:
            expected = U8_LENGTH;
            break;
        case TAG_COUNT:
        case TAG_PARENT:
        case TAG_BUFFER:
            expected = U32_LENGTH;
            break;
        default:
            break; // unknown tags are skipped
        }
        if (length != expected)
        {
            m_error = BAD_TLV;
            return FIXED_SIZE + tlvLength - left;
        }
        switch (tag)
        {
        case TAG_LOCAL:
        case TAG_PEER: {
            Ipv4Address address(i.ReadNtohU32());
            uint16_t port = i.ReadNtohU16();
            (tag == TAG_LOCAL ? m_local : m_peer) = InetSocketAddress(address, port);
            break;
        }
        case TAG_SOCK_TYPE:
            m_sockType = i.ReadU8();
            break;
        case TAG_COUNT:
            m_count = i.ReadNtohU32();
            break;
        case TAG_PARENT:
            m_parent = i.ReadNtohU32();
            break;
        case TAG_BUFFER:
            m_buffer = i.ReadNtohU32();
            break;
        default:
            i.Next(length);
            break;
        }
        left -= length;
    }
    uint32_t size = FIXED_SIZE + tlvLength;
    if (!HasRequiredFields())
    {
        m_error = MISSING_FIELD;
    }
    else if (!CarriesPayload(m_type) && remaining > size)
    {
        m_error = TRAILING_BYTES;
    }
    else
    {
        m_error = NONE;
    }
    return size;
}

bool
PeArpResoaEpHeader::HasRequiredFields() const
{
    if ((m_flags & WITH_SOCKET) &&
        (!m_sockType || (*m_sockType != SOCK_TCP && *m_sockType != SOCK_UDP)))
    {
        return false;
    }
    switch (m_type)
    {
    case BIND:
    case REGISTER_ACK:
        return m_local.has_value();
    case CONNECT:
    case SENDTO:
    case DATA_FROM:
        return m_peer.has_value();
    case CREDIT:
    case SEND_CREDIT:
        return m_count.has_value();
    case CONNECTED:
        return m_local && m_peer && m_count;
    case ACCEPT_IND:
        return m_parent && m_peer && m_local && m_count;
    default:
        return true;
    }
}

void
PeArpResoaEpHeader::SetType(Type type)
{
    m_type = type;
}

PeArpResoaEpHeader::Type
PeArpResoaEpHeader::GetType() const
{
    return static_cast<Type>(m_type);
}

void
PeArpResoaEpHeader::SetFlags(uint8_t flags)
{
    m_flags = flags;
}

uint8_t
PeArpResoaEpHeader::GetFlags() const
{
    return m_flags;
}

void
PeArpResoaEpHeader::SetRsockId(uint32_t rsockId)
{
    m_rsockId = rsockId;
}

uint32_t
PeArpResoaEpHeader::GetRsockId() const
{
    return m_rsockId;
}

void
PeArpResoaEpHeader::SetCallId(uint16_t callId)
{
    m_callId = callId;
}

uint16_t
PeArpResoaEpHeader::GetCallId() const
{
    return m_callId;
}

void
PeArpResoaEpHeader::SetStatus(uint8_t status)
{
    m_status = status;
}

uint8_t
PeArpResoaEpHeader::GetStatus() const
{
    return m_status;
}

void
PeArpResoaEpHeader::SetLocal(InetSocketAddress address)
{
    m_local = address;
}

std::optional<InetSocketAddress>
PeArpResoaEpHeader::GetLocal() const
{
    return m_local;
}

void
PeArpResoaEpHeader::SetPeer(InetSocketAddress address)
{
    m_peer = address;
}

std::optional<InetSocketAddress>
PeArpResoaEpHeader::GetPeer() const
{
    return m_peer;
}

void
PeArpResoaEpHeader::SetSockType(uint8_t sockType)
{
    m_sockType = sockType;
}

std::optional<uint8_t>
PeArpResoaEpHeader::GetSockType() const
{
    return m_sockType;
}

void
PeArpResoaEpHeader::SetCount(uint32_t count)
{
    m_count = count;
}

std::optional<uint32_t>
PeArpResoaEpHeader::GetCount() const
{
    return m_count;
}

void
PeArpResoaEpHeader::SetParent(uint32_t parent)
{
    m_parent = parent;
}

std::optional<uint32_t>
PeArpResoaEpHeader::GetParent() const
{
    return m_parent;
}

void
PeArpResoaEpHeader::SetBuffer(uint32_t buffer)
{
    m_buffer = buffer;
}

std::optional<uint32_t>
PeArpResoaEpHeader::GetBuffer() const
{
    return m_buffer;
}

bool
PeArpResoaEpHeader::IsValid() const
{
    return m_error == NONE;
}

PeArpResoaEpHeader::Error
PeArpResoaEpHeader::GetError() const
{
    return m_error;
}

} // namespace ns3
