/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-ipv4.h"

#include "pe-arp-bytes.h"

#include "ns3/icmpv4-l4-protocol.h"
#include "ns3/icmpv4.h"
#include "ns3/ipv4-header.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4.h"
#include "ns3/node.h"
#include "ns3/pe-arp-nat-raw-header.h"
#include "ns3/tcp-l4-protocol.h"
#include "ns3/udp-l4-protocol.h"

#include <vector>

namespace ns3
{

bool
PeArpIpv4Summary::IsEchoRequest() const
{
    return isIcmp && !icmpMalformed && icmpType == Icmpv4Header::ICMPV4_ECHO;
}

bool
PeArpIpv4Summary::IsEchoReply() const
{
    return isIcmp && !icmpMalformed && icmpType == Icmpv4Header::ICMPV4_ECHO_REPLY;
}

namespace
{

/**
 * \param protocol an IP protocol number
 * \return true for the transport protocols whose first 4 bytes are ports
 */
bool
HasPorts(uint8_t protocol)
{
    return protocol == TcpL4Protocol::PROT_NUMBER || protocol == UdpL4Protocol::PROT_NUMBER;
}

/**
 * \param packet an IPv4 datagram
 * \return the length of its IPv4 header, options included (IHL * 4):
 * ns-3's Ipv4Header reads and writes 20 bytes, options or not
 */
uint32_t
HeaderLength(Ptr<const Packet> packet)
{
    uint8_t versionIhl = 0;
    packet->CopyData(&versionIhl, 1);
    uint32_t length = (versionIhl & 0x0f) * 4u;
    NS_ASSERT_MSG(length >= 20 && packet->GetSize() >= length + 8, "not an ICMP echo datagram");
    return length;
}

} // namespace

PeArpIpv4Summary
PeArpIpv4::Summarize(Ptr<const Packet> packet)
{
    PeArpIpv4Summary summary;
    uint8_t bytes[136];
    uint32_t n = packet->CopyData(bytes, sizeof(bytes));
    auto u16 = [&bytes](uint32_t i) { return PeArpBytes::ReadU16(bytes + i); };
    auto u32 = [&bytes](uint32_t i) { return PeArpBytes::ReadU32(bytes + i); };
    if (n < 20 || (bytes[0] >> 4) != 4)
    {
        return summary;
    }
    uint32_t headerLength = (bytes[0] & 0x0f) * 4u;
    if (headerLength < 20 || headerLength > n)
    {
        return summary;
    }
    summary.valid = true;
    summary.protocol = bytes[9];
    summary.source.Set(u32(12));
    summary.destination.Set(u32(16));
    uint16_t fragmentOffset = u16(6) & 0x1fff;
    if (fragmentOffset != 0)
    {
        return summary; // no transport header in this fragment
    }
    if (HasPorts(summary.protocol) && n >= headerLength + 4)
    {
        summary.hasPorts = true;
        summary.sourcePort = u16(headerLength);
        summary.destinationPort = u16(headerLength + 2);
        return summary;
    }
    if (summary.protocol != Icmpv4L4Protocol::PROT_NUMBER)
    {
        return summary;
    }
    summary.isIcmp = true;
    uint32_t icmp = headerLength;
    if (n < icmp + 8)
    {
        summary.icmpMalformed = true;
        return summary;
    }
    summary.icmpType = bytes[icmp];
    summary.icmpCode = bytes[icmp + 1];
    switch (summary.icmpType)
    {
    case Icmpv4Header::ICMPV4_ECHO_REPLY:
        summary.icmpIdentifier = u16(icmp + 4);
        summary.hasIcmpKey = true;
        summary.icmpKey = summary.icmpIdentifier;
        break;
    case Icmpv4Header::ICMPV4_ECHO:
        summary.icmpIdentifier = u16(icmp + 4);
        break;
    case Icmpv4Header::ICMPV4_DEST_UNREACH:
    case Icmpv4Header::ICMPV4_TIME_EXCEEDED:
    case ICMP_PARAMETER_PROBLEM: {
        uint32_t inner = icmp + 8;
        if (n < inner + 20 || (bytes[inner] >> 4) != 4)
        {
            summary.icmpMalformed = true;
            break;
        }
        uint32_t innerLength = (bytes[inner] & 0x0f) * 4u;
        if (innerLength < 20 || n < inner + innerLength + 8)
        {
            summary.icmpMalformed = true;
            break;
        }
        uint8_t innerProtocol = bytes[inner + 9];
        uint32_t transport = inner + innerLength;
        if (HasPorts(innerProtocol))
        {
            summary.hasIcmpKey = true;
            summary.icmpKey = u16(transport); // the quoted packet's source port
        }
        else if (innerProtocol == Icmpv4L4Protocol::PROT_NUMBER &&
                 bytes[transport] == Icmpv4Header::ICMPV4_ECHO)
        {
            summary.hasIcmpKey = true;
            summary.icmpKey = u16(transport + 4); // the quoted echo's identifier
        }
        break;
    }
    default:
        break;
    }
    return summary;
}

Ptr<Packet>
PeArpIpv4::MakeEchoReply(Ptr<const Packet> request)
{
    Ptr<Packet> reply = request->Copy();
    Icmpv4Header icmp;
    reply->RemoveAtStart(HeaderLength(request)); // with its options
    reply->RemoveHeader(icmp);
    icmp.SetType(Icmpv4Header::ICMPV4_ECHO_REPLY);
    icmp.SetCode(0);
    if (Node::ChecksumEnabled())
    {
        icmp.EnableChecksum();
    }
    reply->AddHeader(icmp);
    return reply;
}

Ptr<Packet>
PeArpIpv4::MakeEchoReplyDatagram(Ptr<const Packet> request)
{
    Ipv4Header requestHeader;
    request->PeekHeader(requestHeader);
    Ptr<Packet> reply = MakeEchoReply(request);
    Ipv4Header ip;
    ip.SetSource(requestHeader.GetDestination());
    ip.SetDestination(requestHeader.GetSource());
    ip.SetProtocol(Icmpv4L4Protocol::PROT_NUMBER);
    ip.SetTtl(64);
    ip.SetIdentification(requestHeader.GetIdentification());
    if (Node::ChecksumEnabled())
    {
        ip.EnableChecksum();
    }
    ip.SetPayloadSize(reply->GetSize());
    reply->AddHeader(ip);
    return reply;
}

Ptr<Packet>
PeArpIpv4::SetEchoIdentifier(Ptr<const Packet> packet, uint16_t identifier)
{
    Ptr<Packet> p = packet->Copy();
    // The IPv4 header is kept byte for byte, options included (its checksum
    // does not cover the ICMP message).
    std::vector<uint8_t> ip(HeaderLength(packet));
    p->CopyData(ip.data(), static_cast<uint32_t>(ip.size()));
    p->RemoveAtStart(static_cast<uint32_t>(ip.size()));
    Icmpv4Header icmp;
    Icmpv4Echo echo;
    p->RemoveHeader(icmp);
    p->RemoveHeader(echo);
    echo.SetIdentifier(identifier);
    p->AddHeader(echo);
    if (Node::ChecksumEnabled())
    {
        icmp.EnableChecksum();
    }
    p->AddHeader(icmp);
    p->AddHeader(PeArpNatRawHeader(Ipv4Header::GetTypeId(), std::move(ip)));
    return p;
}

bool
PeArpIpv4::InSubnet(const Ipv4InterfaceAddress& address, Ipv4Address target)
{
    // On 32-bit words: ns-3 3.37's Ipv4Address::CombineMask is an
    // out-of-line call that logs, and this runs for every packet.
    uint32_t mask = address.GetMask().Get();
    return (address.GetLocal().Get() & mask) == (target.Get() & mask);
}

PeArpIpv4::Locality
PeArpIpv4::Locate(const Ipv4Interface& interface, Ipv4Address destination)
{
    // Same rules as Ipv4Address::IsSubnetDirectedBroadcast: a /32 has no
    // directed broadcast.
    uint32_t target = destination.Get();
    Locality locality = OFF_LINK;
    for (uint32_t j = 0; j < interface.GetNAddresses(); j++)
    {
        Ipv4InterfaceAddress address = interface.GetAddress(j);
        if (InSubnet(address, destination))
        {
            uint32_t mask = address.GetMask().Get();
            if (mask != 0xffffffffU && (target | mask) == 0xffffffffU)
            {
                return SUBNET_BROADCAST;
            }
            locality = ON_LINK;
        }
    }
    return locality;
}

} // namespace ns3
