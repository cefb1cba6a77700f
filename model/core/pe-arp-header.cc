/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-header.h"

#include "pe-arp-bytes.h"

#include "ns3/address-utils.h"
#include "ns3/log.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpHeader");

NS_OBJECT_ENSURE_REGISTERED(PeArpHeader);

PeArpHeader::PeArpHeader()
    : m_operation(REQUEST),
      m_extension(false),
      m_targetPort(0),
      m_returnPort(0),
      m_error(PARSE_OK)
{
}

TypeId
PeArpHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpHeader")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpHeader>();
    return tid;
}

TypeId
PeArpHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
PeArpHeader::SetRequest(Mac48Address senderMac,
                        Ipv4Address senderIp,
                        PeArpPortRange senderRange,
                        Ipv4Address targetIp,
                        uint16_t targetPort)
{
    NS_LOG_FUNCTION(this << senderMac << senderIp << senderRange << targetIp << targetPort);
    m_operation = REQUEST;
    m_senderMac = senderMac;
    m_senderIp = senderIp;
    m_targetMac = Mac48Address("00:00:00:00:00:00");
    m_targetIp = targetIp;
    m_extension = true;
    m_senderRange = senderRange;
    m_targetPort = targetPort;
    m_returnPort = senderRange.GetLow();
}

void
PeArpHeader::SetReply(Mac48Address senderMac,
                      Ipv4Address senderIp,
                      PeArpPortRange senderRange,
                      Mac48Address targetMac,
                      Ipv4Address targetIp,
                      uint16_t targetPort,
                      uint16_t returnPort)
{
    NS_LOG_FUNCTION(this << senderMac << senderIp << senderRange << targetMac << targetIp
                         << targetPort << returnPort);
    m_operation = REPLY;
    m_senderMac = senderMac;
    m_senderIp = senderIp;
    m_targetMac = targetMac;
    m_targetIp = targetIp;
    m_extension = true;
    m_senderRange = senderRange;
    m_targetPort = targetPort;
    m_returnPort = returnPort;
}

void
PeArpHeader::SetStandardReply(Mac48Address senderMac,
                              Ipv4Address senderIp,
                              Mac48Address targetMac,
                              Ipv4Address targetIp)
{
    NS_LOG_FUNCTION(this << senderMac << senderIp << targetMac << targetIp);
    SetReply(senderMac, senderIp, PeArpPortRange::All(), targetMac, targetIp, 0, 0);
    m_extension = false;
}

void
PeArpHeader::SetStandardRequest(Mac48Address senderMac, Ipv4Address senderIp, Ipv4Address targetIp)
{
    NS_LOG_FUNCTION(this << senderMac << senderIp << targetIp);
    SetRequest(senderMac, senderIp, PeArpPortRange::All(), targetIp, 0);
    m_extension = false;
}

bool
PeArpHeader::IsRequest() const
{
    return m_operation == REQUEST;
}

bool
PeArpHeader::IsReply() const
{
    return m_operation == REPLY;
}

uint16_t
PeArpHeader::GetOperation() const
{
    return m_operation;
}

bool
PeArpHeader::HasExtension() const
{
    return m_extension;
}

Mac48Address
PeArpHeader::GetSenderMac() const
{
    return m_senderMac;
}

Ipv4Address
PeArpHeader::GetSenderIp() const
{
    return m_senderIp;
}

Mac48Address
PeArpHeader::GetTargetMac() const
{
    return m_targetMac;
}

Ipv4Address
PeArpHeader::GetTargetIp() const
{
    return m_targetIp;
}

PeArpPortRange
PeArpHeader::GetSenderRange() const
{
    return m_extension ? m_senderRange : PeArpPortRange::All();
}

uint16_t
PeArpHeader::GetTargetPort() const
{
    return m_extension ? m_targetPort : 0;
}

uint16_t
PeArpHeader::GetReturnPort() const
{
    return m_extension ? m_returnPort : 0;
}

PeArpHeader::ParseError
PeArpHeader::GetParseError() const
{
    return m_error;
}

void
PeArpHeader::Print(std::ostream& os) const
{
    if (IsRequest())
    {
        os << "request who-has " << m_targetIp;
        if (m_extension)
        {
            os << ":" << m_targetPort;
        }
        os << " tell " << m_senderIp;
    }
    else
    {
        os << "reply " << m_senderIp;
    }
    if (m_extension)
    {
        os << ":" << m_senderRange;
    }
    os << " is-at " << m_senderMac;
    if (IsReply())
    {
        os << " to " << m_targetIp;
    }
    if (m_extension)
    {
        os << " (target port " << m_targetPort << ", return port " << m_returnPort << ")";
    }
}

uint32_t
PeArpHeader::GetSerializedSize() const
{
    return m_extension ? ARP_SIZE + EXTENSION_SIZE : ARP_SIZE;
}

void
PeArpHeader::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteHtonU16(HW_TYPE_ETHERNET);
    i.WriteHtonU16(PROTOCOL_IPV4);
    i.WriteU8(6);
    i.WriteU8(4);
    i.WriteHtonU16(m_operation);
    WriteTo(i, m_senderMac);
    WriteTo(i, m_senderIp);
    WriteTo(i, m_targetMac);
    WriteTo(i, m_targetIp);
    if (m_extension)
    {
        i.WriteHtonU16(MAGIC);
        i.WriteHtonU16(m_senderRange.GetLow());
        i.WriteHtonU16(m_senderRange.GetHigh());
        i.WriteHtonU16(m_targetPort);
        i.WriteHtonU16(m_returnPort);
    }
}

uint32_t
PeArpHeader::Deserialize(Buffer::Iterator start)
{
    uint32_t available = start.GetRemainingSize();
    uint8_t bytes[ARP_SIZE + EXTENSION_SIZE];
    uint32_t size = std::min<uint32_t>(available, sizeof(bytes));
    start.Read(bytes, size);
    return ParseBytes(bytes, size, available);
}

uint32_t
PeArpHeader::ParseBytes(const uint8_t* bytes, uint32_t size, uint32_t available)
{
    m_error = PARSE_OK;
    if (available < ARP_SIZE || size < ARP_SIZE)
    {
        m_error = TOO_SHORT;
        return 0;
    }
    auto u16 = [bytes](uint32_t at) { return PeArpBytes::ReadU16(bytes + at); };
    if (u16(0) != HW_TYPE_ETHERNET)
    {
        m_error = BAD_HARDWARE_TYPE;
        return 0;
    }
    if (u16(2) != PROTOCOL_IPV4)
    {
        m_error = BAD_PROTOCOL_TYPE;
        return 0;
    }
    if (bytes[4] != 6)
    {
        m_error = BAD_HARDWARE_LENGTH;
        return 0;
    }
    if (bytes[5] != 4)
    {
        m_error = BAD_PROTOCOL_LENGTH;
        return 0;
    }
    uint16_t operation = u16(6);
    if (operation != REQUEST && operation != REPLY)
    {
        m_error = BAD_OPERATION;
        return 0;
    }
    // Sender MAC at 8, sender IP at 14, target MAC at 18, target IP at 24.
    bool extension = false;
    PeArpPortRange range;
    uint16_t targetPort = 0;
    uint16_t returnPort = 0;
    size = std::min(size, ARP_SIZE + EXTENSION_SIZE);
    if (size >= ARP_SIZE + 2 && u16(ARP_SIZE) == MAGIC)
    {
        if (size < ARP_SIZE + EXTENSION_SIZE)
        {
            m_error = TRUNCATED_EXTENSION;
            return 0;
        }
        range = PeArpPortRange(u16(ARP_SIZE + 2), u16(ARP_SIZE + 4));
        if (!range.IsValid())
        {
            m_error = BAD_PORT_RANGE;
            return 0;
        }
        targetPort = u16(ARP_SIZE + 6);
        returnPort = u16(ARP_SIZE + 8);
        extension = true;
    }
    // Commit only a frame that parsed completely: a rejected frame leaves
    // the header as it was.
    m_operation = operation;
    m_senderMac.CopyFrom(bytes + 8);
    m_senderIp.Set(PeArpBytes::ReadU32(bytes + 14));
    m_targetMac.CopyFrom(bytes + 18);
    m_targetIp.Set(PeArpBytes::ReadU32(bytes + 24));
    m_extension = extension;
    m_senderRange = range;
    m_targetPort = targetPort;
    m_returnPort = returnPort;
    return GetSerializedSize();
}

PeArpHeader
PeArpHeader::Parse(Ptr<const Packet> packet)
{
    // Every ARP frame a node hears passes here. Packet::CopyData copies with
    // memcpy, where Buffer::Iterator::Read (Deserialize's only way) takes
    // the bytes one at a time, about 25 instructions each. The packet is not
    // touched.
    PeArpHeader header;
    uint8_t bytes[ARP_SIZE + EXTENSION_SIZE];
    uint32_t size = packet->CopyData(bytes, sizeof(bytes));
    header.ParseBytes(bytes, size, packet->GetSize());
    return header;
}

std::string
PeArpHeader::ParseErrorToString(ParseError error)
{
    switch (error)
    {
    case PARSE_OK:
        return "ok";
    case TOO_SHORT:
        return "too-short";
    case BAD_HARDWARE_TYPE:
        return "bad-hardware-type";
    case BAD_PROTOCOL_TYPE:
        return "bad-protocol-type";
    case BAD_HARDWARE_LENGTH:
        return "bad-hardware-length";
    case BAD_PROTOCOL_LENGTH:
        return "bad-protocol-length";
    case BAD_OPERATION:
        return "bad-operation";
    case TRUNCATED_EXTENSION:
        return "truncated-extension";
    case BAD_PORT_RANGE:
        return "bad-port-range";
    }
    return "unknown";
}

} // namespace ns3
