/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dhcp-header.h"

#include "ns3/address-utils.h"
#include "ns3/log.h"

#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDhcpHeader");

NS_OBJECT_ENSURE_REGISTERED(PeArpDhcpHeader);

namespace
{
const uint32_t BOOTP_SIZE = 236;   //!< fixed BOOTP fields
const uint32_t MINIMUM_SIZE = 300; //!< RFC 1542 minimum BOOTP message
const uint8_t OPTION_PAD = 0;
const uint8_t OPTION_MASK = 1;
const uint8_t OPTION_ROUTER = 3;
const uint8_t OPTION_REQUESTED = 50;
const uint8_t OPTION_LEASE = 51;
const uint8_t OPTION_TYPE = 53;
const uint8_t OPTION_SERVER = 54;
const uint8_t OPTION_RENEWAL = 58;
const uint8_t OPTION_END = 255;
} // namespace

PeArpDhcpHeader::PeArpDhcpHeader()
    : m_op(1),
      m_xid(0),
      m_flags(0),
      m_ciaddr(Ipv4Address::GetAny()),
      m_yiaddr(Ipv4Address::GetAny()),
      m_siaddr(Ipv4Address::GetAny()),
      m_giaddr(Ipv4Address::GetAny()),
      m_type(DISCOVER),
      m_serverId(Ipv4Address::GetAny()),
      m_requested(Ipv4Address::GetAny()),
      m_lease(0),
      m_renewal(0),
      m_hasMask(false),
      m_router(Ipv4Address::GetAny()),
      m_hasPortParams(false),
      m_offset(0),
      m_psidLength(0),
      m_psid(0),
      m_error(PARSE_OK)
{
}

TypeId
PeArpDhcpHeader::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpDhcpHeader")
                            .SetParent<Header>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpDhcpHeader>();
    return tid;
}

TypeId
PeArpDhcpHeader::GetInstanceTypeId() const
{
    return GetTypeId();
}

void
PeArpDhcpHeader::SetMessageType(MessageType type)
{
    m_type = type;
    m_op = (type == OFFER || type == ACK || type == NAK) ? 2 : 1;
}

PeArpDhcpHeader::MessageType
PeArpDhcpHeader::GetMessageType() const
{
    return m_type;
}

void
PeArpDhcpHeader::SetTransactionId(uint32_t xid)
{
    m_xid = xid;
}

uint32_t
PeArpDhcpHeader::GetTransactionId() const
{
    return m_xid;
}

void
PeArpDhcpHeader::SetBroadcastFlag(bool broadcast)
{
    m_flags = broadcast ? 0x8000 : 0;
}

bool
PeArpDhcpHeader::GetBroadcastFlag() const
{
    return (m_flags & 0x8000) != 0;
}

void
PeArpDhcpHeader::SetClientMac(Mac48Address mac)
{
    m_chaddr = mac;
}

Mac48Address
PeArpDhcpHeader::GetClientMac() const
{
    return m_chaddr;
}

void
PeArpDhcpHeader::SetClientAddress(Ipv4Address address)
{
    m_ciaddr = address;
}

Ipv4Address
PeArpDhcpHeader::GetClientAddress() const
{
    return m_ciaddr;
}

void
PeArpDhcpHeader::SetYourAddress(Ipv4Address address)
{
    m_yiaddr = address;
}

Ipv4Address
PeArpDhcpHeader::GetYourAddress() const
{
    return m_yiaddr;
}

void
PeArpDhcpHeader::SetServerId(Ipv4Address server)
{
    m_serverId = server;
}

Ipv4Address
PeArpDhcpHeader::GetServerId() const
{
    return m_serverId;
}

void
PeArpDhcpHeader::SetRequestedAddress(Ipv4Address address)
{
    m_requested = address;
}

Ipv4Address
PeArpDhcpHeader::GetRequestedAddress() const
{
    return m_requested;
}

void
PeArpDhcpHeader::SetLeaseTime(Time lease)
{
    m_lease = static_cast<uint32_t>(lease.GetSeconds());
}

Time
PeArpDhcpHeader::GetLeaseTime() const
{
    return Seconds(m_lease);
}

void
PeArpDhcpHeader::SetRenewalTime(Time t1)
{
    m_renewal = static_cast<uint32_t>(t1.GetSeconds());
}

Time
PeArpDhcpHeader::GetRenewalTime() const
{
    return Seconds(m_renewal);
}

void
PeArpDhcpHeader::SetSubnetMask(Ipv4Mask mask)
{
    m_mask = mask;
    m_hasMask = true;
}

Ipv4Mask
PeArpDhcpHeader::GetSubnetMask() const
{
    return m_hasMask ? m_mask : Ipv4Mask("0.0.0.0");
}

void
PeArpDhcpHeader::SetRouter(Ipv4Address router)
{
    m_router = router;
}

Ipv4Address
PeArpDhcpHeader::GetRouter() const
{
    return m_router;
}

void
PeArpDhcpHeader::SetPortParameters(uint8_t offset, uint8_t psidLength, uint16_t psid)
{
    NS_ABORT_MSG_IF(offset + psidLength > 16 || (psidLength < 16 && psid >= (1u << psidLength)),
                    "PeArpDhcpHeader::SetPortParameters: offset "
                        << int(offset) << " + PSID length " << int(psidLength) << " with PSID "
                        << psid);
    m_hasPortParams = true;
    m_offset = offset;
    m_psidLength = psidLength;
    m_psid = psid;
}

bool
PeArpDhcpHeader::HasPortParameters() const
{
    return m_hasPortParams;
}

uint8_t
PeArpDhcpHeader::GetPsidOffset() const
{
    return m_offset;
}

uint8_t
PeArpDhcpHeader::GetPsidLength() const
{
    return m_psidLength;
}

uint16_t
PeArpDhcpHeader::GetPsid() const
{
    return m_psid;
}

PeArpDhcpHeader::ParseError
PeArpDhcpHeader::GetParseError() const
{
    return m_error;
}

uint32_t
PeArpDhcpHeader::GetOptionsSize() const
{
    uint32_t size = 3 + 1; // message type, end
    size += m_serverId != Ipv4Address::GetAny() ? 6 : 0;
    size += m_requested != Ipv4Address::GetAny() ? 6 : 0;
    size += m_lease ? 6 : 0;
    size += m_renewal ? 6 : 0;
    size += m_hasMask ? 6 : 0;
    size += m_router != Ipv4Address::GetAny() ? 6 : 0;
    size += m_hasPortParams ? 6 : 0;
    return size;
}

uint32_t
PeArpDhcpHeader::GetSerializedSize() const
{
    return std::max(MINIMUM_SIZE, BOOTP_SIZE + 4 + GetOptionsSize());
}

void
PeArpDhcpHeader::Serialize(Buffer::Iterator start) const
{
    Buffer::Iterator i = start;
    i.WriteU8(m_op);
    i.WriteU8(1); // Ethernet
    i.WriteU8(6);
    i.WriteU8(0); // hops
    i.WriteHtonU32(m_xid);
    i.WriteHtonU16(0); // secs
    i.WriteHtonU16(m_flags);
    WriteTo(i, m_ciaddr);
    WriteTo(i, m_yiaddr);
    WriteTo(i, m_siaddr);
    WriteTo(i, m_giaddr);
    WriteTo(i, m_chaddr);
    i.WriteU8(0, 10);  // chaddr padding
    i.WriteU8(0, 64);  // sname
    i.WriteU8(0, 128); // file
    i.WriteHtonU32(MAGIC_COOKIE);
    auto address = [&i](uint8_t code, Ipv4Address a) {
        i.WriteU8(code);
        i.WriteU8(4);
        WriteTo(i, a);
    };
    auto seconds = [&i](uint8_t code, uint32_t s) {
        i.WriteU8(code);
        i.WriteU8(4);
        i.WriteHtonU32(s);
    };
    i.WriteU8(OPTION_TYPE);
    i.WriteU8(1);
    i.WriteU8(m_type);
    if (m_serverId != Ipv4Address::GetAny())
    {
        address(OPTION_SERVER, m_serverId);
    }
    if (m_requested != Ipv4Address::GetAny())
    {
        address(OPTION_REQUESTED, m_requested);
    }
    if (m_lease)
    {
        seconds(OPTION_LEASE, m_lease);
    }
    if (m_renewal)
    {
        seconds(OPTION_RENEWAL, m_renewal);
    }
    if (m_hasMask)
    {
        i.WriteU8(OPTION_MASK);
        i.WriteU8(4);
        i.WriteHtonU32(m_mask.Get());
    }
    if (m_router != Ipv4Address::GetAny())
    {
        address(OPTION_ROUTER, m_router);
    }
    if (m_hasPortParams)
    {
        i.WriteU8(OPTION_PORT_PARAMS);
        i.WriteU8(4);
        i.WriteU8(m_offset);
        i.WriteU8(m_psidLength);
        // The PSID is left-aligned in 16 bits, padded with zeros (RFC 7598 4.5).
        i.WriteHtonU16(m_psidLength == 0 ? 0
                                         : static_cast<uint16_t>(m_psid << (16 - m_psidLength)));
    }
    i.WriteU8(OPTION_END);
    uint32_t written = BOOTP_SIZE + 4 + GetOptionsSize();
    if (written < MINIMUM_SIZE)
    {
        i.WriteU8(OPTION_PAD, MINIMUM_SIZE - written);
    }
}

uint32_t
PeArpDhcpHeader::Deserialize(Buffer::Iterator start)
{
    Buffer::Iterator i = start;
    uint32_t size = i.GetRemainingSize();
    m_error = PARSE_OK;
    if (size < BOOTP_SIZE + 4)
    {
        m_error = TOO_SHORT;
        return 0;
    }
    PeArpDhcpHeader h;
    h.m_op = i.ReadU8();
    if (h.m_op != 1 && h.m_op != 2)
    {
        m_error = BAD_OP;
        return 0;
    }
    uint8_t htype = i.ReadU8();
    uint8_t hlen = i.ReadU8();
    if (htype != 1 || hlen != 6)
    {
        m_error = BAD_HARDWARE;
        return 0;
    }
    i.ReadU8(); // hops
    h.m_xid = i.ReadNtohU32();
    i.ReadNtohU16(); // secs
    h.m_flags = i.ReadNtohU16();
    ReadFrom(i, h.m_ciaddr);
    ReadFrom(i, h.m_yiaddr);
    ReadFrom(i, h.m_siaddr);
    ReadFrom(i, h.m_giaddr);
    ReadFrom(i, h.m_chaddr);
    i.Next(10 + 64 + 128);
    if (i.ReadNtohU32() != MAGIC_COOKIE)
    {
        m_error = BAD_COOKIE;
        return 0;
    }
    uint32_t left = size - BOOTP_SIZE - 4;
    bool haveType = false;
    while (left > 0)
    {
        uint8_t code = i.ReadU8();
        left--;
        if (code == OPTION_PAD)
        {
            continue;
        }
        if (code == OPTION_END)
        {
            break;
        }
        if (left < 1)
        {
            m_error = TRUNCATED_OPTION;
            return 0;
        }
        uint8_t length = i.ReadU8();
        left--;
        if (length > left)
        {
            m_error = TRUNCATED_OPTION;
            return 0;
        }
        left -= length;
        auto needs = [&](uint8_t expected) {
            if (length != expected)
            {
                m_error = BAD_OPTION_LENGTH;
                return false;
            }
            return true;
        };
        switch (code)
        {
        case OPTION_TYPE:
            if (!needs(1))
            {
                return 0;
            }
            h.m_type = static_cast<MessageType>(i.ReadU8());
            haveType = h.m_type >= DISCOVER && h.m_type <= INFORM;
            break;
        case OPTION_SERVER:
        case OPTION_REQUESTED:
        case OPTION_ROUTER:
            if (!needs(4))
            {
                return 0;
            }
            ReadFrom(i,
                     code == OPTION_SERVER      ? h.m_serverId
                     : code == OPTION_REQUESTED ? h.m_requested
                                                : h.m_router);
            break;
        case OPTION_LEASE:
        case OPTION_RENEWAL:
            if (!needs(4))
            {
                return 0;
            }
            (code == OPTION_LEASE ? h.m_lease : h.m_renewal) = i.ReadNtohU32();
            break;
        case OPTION_MASK:
            if (!needs(4))
            {
                return 0;
            }
            h.m_mask = Ipv4Mask(i.ReadNtohU32());
            h.m_hasMask = true;
            break;
        case OPTION_PORT_PARAMS: {
            if (!needs(4))
            {
                return 0;
            }
            uint8_t offset = i.ReadU8();
            uint8_t k = i.ReadU8();
            uint16_t field = i.ReadNtohU16();
            uint16_t padding = k >= 16 ? 0 : static_cast<uint16_t>((1u << (16 - k)) - 1);
            if (offset + k > 16 || (field & padding) != 0)
            {
                m_error = BAD_PORT_PARAMETERS;
                return 0;
            }
            h.m_hasPortParams = true;
            h.m_offset = offset;
            h.m_psidLength = k;
            h.m_psid = k == 0 ? 0 : static_cast<uint16_t>(field >> (16 - k));
            break;
        }
        default:
            i.Next(length); // an option this model does not use
            break;
        }
    }
    if (!haveType)
    {
        m_error = NO_MESSAGE_TYPE;
        return 0;
    }
    *this = h;
    return size; // options and padding are consumed whole
}

PeArpDhcpHeader
PeArpDhcpHeader::Parse(Ptr<const Packet> packet)
{
    PeArpDhcpHeader header;
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), bytes.size());
    Buffer buffer;
    buffer.AddAtStart(bytes.size());
    buffer.Begin().Write(bytes.data(), bytes.size());
    header.Deserialize(buffer.Begin()); // records its error in the header
    return header;
}

std::string
PeArpDhcpHeader::ParseErrorToString(ParseError error)
{
    switch (error)
    {
    case PARSE_OK:
        return "ok";
    case TOO_SHORT:
        return "too-short";
    case BAD_OP:
        return "bad-op";
    case BAD_HARDWARE:
        return "bad-hardware";
    case BAD_COOKIE:
        return "bad-cookie";
    case TRUNCATED_OPTION:
        return "truncated-option";
    case BAD_OPTION_LENGTH:
        return "bad-option-length";
    case BAD_PORT_PARAMETERS:
        return "bad-port-parameters";
    case NO_MESSAGE_TYPE:
        return "no-message-type";
    }
    return "unknown";
}

void
PeArpDhcpHeader::Print(std::ostream& os) const
{
    static const char* names[] =
        {"?", "DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK", "NAK", "RELEASE", "INFORM"};
    os << "DHCP" << (m_type <= INFORM ? names[m_type] : "?") << " xid=0x" << std::hex << m_xid
       << std::dec << " chaddr=" << m_chaddr << " yiaddr=" << m_yiaddr;
    if (m_hasPortParams)
    {
        os << " port-params(offset=" << int(m_offset) << " psid-len=" << int(m_psidLength)
           << " psid=" << m_psid << ")";
    }
}

} // namespace ns3
