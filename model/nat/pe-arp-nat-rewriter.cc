/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-rewriter.h"

#include "pe-arp-checksum.h"
#include "pe-arp-nat-raw-header.h"

#include "ns3/icmpv4.h"
#include "ns3/log.h"
#include "ns3/tcp-header.h"
#include "ns3/udp-header.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatRewriter");

namespace
{

/** Bytes Parse reads: an ICMP error with a 60-byte quoted header and 8 bytes. */
constexpr uint32_t PARSE_BYTES = 8 + 60 + 8;

/** ICMP types the rewriter knows. */
enum IcmpType : uint8_t
{
    ECHO_REPLY = 0,
    DEST_UNREACH = 3,
    ECHO = 8,
    TIME_EXCEEDED = 11,
};

/**
 * \param b bytes
 * \param at offset of a big-endian word
 * \return the word
 */
uint16_t
Get16(const std::vector<uint8_t>& b, uint32_t at)
{
    return static_cast<uint16_t>((b[at] << 8) | b[at + 1]);
}

/**
 * \param b bytes
 * \param at offset of a big-endian word
 * \param value the word to write
 */
void
Set16(std::vector<uint8_t>& b, uint32_t at, uint16_t value)
{
    b[at] = static_cast<uint8_t>(value >> 8);
    b[at + 1] = static_cast<uint8_t>(value);
}

/**
 * \param b bytes
 * \param at offset of a big-endian 32-bit field
 * \return the field
 */
uint32_t
Get32(const std::vector<uint8_t>& b, uint32_t at)
{
    return (static_cast<uint32_t>(Get16(b, at)) << 16) | Get16(b, at + 2);
}

/**
 * \param b bytes
 * \param at offset of a big-endian 32-bit field
 * \param value the field to write
 */
void
Set32(std::vector<uint8_t>& b, uint32_t at, uint32_t value)
{
    Set16(b, at, static_cast<uint16_t>(value >> 16));
    Set16(b, at + 2, static_cast<uint16_t>(value));
}

/**
 * \param before bytes before an edit
 * \param after the same bytes after it
 * \return how many bytes differ
 */
uint32_t
Changed(const std::vector<uint8_t>& before, const std::vector<uint8_t>& after)
{
    uint32_t n = 0;
    for (size_t i = 0; i < before.size(); ++i)
    {
        n += before[i] != after[i] ? 1 : 0;
    }
    return n;
}

/**
 * \param a an address before
 * \param b after
 * \return the bytes of the IPv4 header that change: the address bytes that
 * differ, and the header checksum if any does
 */
uint32_t
AddressBytesChanged(Ipv4Address a, Ipv4Address b)
{
    uint32_t n = 0;
    for (int k = 0; k < 4; ++k)
    {
        n += ((a.Get() >> (8 * k)) & 0xff) != ((b.Get() >> (8 * k)) & 0xff) ? 1 : 0;
    }
    return n == 0 ? 0 : n + 2;
}

/**
 * The headers the bytes at the start of a packet are, and their sizes, as
 * ns-3's stacks add them.
 * \param flow the packet's fields (status OK)
 * \param size the packet's size
 * \param tcpHeaderLength the TCP header's length (TCP only)
 * \return (TypeId, size) of each header, outermost first
 */
std::vector<std::pair<TypeId, uint32_t>>
Layout(const PeArpNatRewriter::Flow& flow, uint32_t size, uint32_t tcpHeaderLength)
{
    switch (flow.protocol)
    {
    case PeArpNatRewriter::TCP:
        return {{TcpHeader::GetTypeId(), tcpHeaderLength}};
    case PeArpNatRewriter::UDP:
        return {{UdpHeader::GetTypeId(), 8}};
    default:
        break;
    }
    if (flow.icmpQuery)
    {
        return {{Icmpv4Header::GetTypeId(), 4}, {Icmpv4Echo::GetTypeId(), size - 4}};
    }
    return {}; // errors: see RewriteIcmpError
}

/**
 * Replace the first bytes of a packet by edited ones.
 * \param packet the packet
 * \param bytes the edited bytes
 * \param layout the headers they are, outermost first
 * \return a copy of the packet starting with the edited bytes
 */
Ptr<Packet>
PutBack(Ptr<const Packet> packet,
        const std::vector<uint8_t>& bytes,
        const std::vector<std::pair<TypeId, uint32_t>>& layout)
{
    Ptr<Packet> copy = packet->Copy();
    copy->RemoveAtStart(static_cast<uint32_t>(bytes.size()));
    uint32_t end = static_cast<uint32_t>(bytes.size());
    for (auto it = layout.rbegin(); it != layout.rend(); ++it)
    {
        uint32_t begin = end - it->second;
        copy->AddHeader(
            PeArpNatRawHeader(it->first,
                              std::vector<uint8_t>(bytes.begin() + begin, bytes.begin() + end)));
        end = begin;
    }
    NS_ASSERT(end == 0);
    return copy;
}

} // namespace

PeArpNatRewriter::Flow
PeArpNatRewriter::Parse(Ptr<const Packet> packet, const Ipv4Header& header)
{
    Flow flow;
    flow.protocol = header.GetProtocol();
    flow.source = header.GetSource();
    flow.destination = header.GetDestination();
    if (header.GetFragmentOffset() != 0)
    {
        flow.status = FRAGMENT;
        return flow;
    }
    uint32_t size = packet->GetSize();
    std::vector<uint8_t> b(std::min(size, PARSE_BYTES));
    packet->CopyData(b.data(), static_cast<uint32_t>(b.size()));
    flow.status = MALFORMED;
    switch (flow.protocol)
    {
    case TCP: {
        if (size < 20 || (b[12] >> 4) * 4U < 20 || (b[12] >> 4) * 4U > size)
        {
            return flow;
        }
        flow.sourcePort = Get16(b, 0);
        flow.destinationPort = Get16(b, 2);
        flow.tcpFlags = b[13];
        flow.status = OK;
        return flow;
    }
    case UDP:
        if (size < 8)
        {
            return flow;
        }
        flow.sourcePort = Get16(b, 0);
        flow.destinationPort = Get16(b, 2);
        flow.status = OK;
        return flow;
    case ICMP:
        break;
    default:
        flow.status = UNSUPPORTED;
        return flow;
    }
    if (size < 8)
    {
        return flow;
    }
    flow.icmpType = b[0];
    if (flow.icmpType == ECHO || flow.icmpType == ECHO_REPLY)
    {
        flow.icmpQuery = true;
        flow.sourcePort = flow.destinationPort = Get16(b, 4);
        flow.status = OK;
        return flow;
    }
    if (flow.icmpType != DEST_UNREACH && flow.icmpType != TIME_EXCEEDED)
    {
        flow.status = UNSUPPORTED;
        return flow;
    }
    flow.icmpError = true;
    if (size < 8 + 20 + 8)
    {
        return flow; // no room for a quoted IPv4 header and 8 bytes
    }
    uint32_t ihl = (b[8] & 0x0f) * 4U;
    if ((b[8] >> 4) != 4 || ihl < 20 || size < 8 + ihl + 8)
    {
        return flow;
    }
    uint32_t q = 8 + ihl;
    flow.quotedProtocol = b[8 + 9];
    flow.quotedSource = Ipv4Address(Get32(b, 8 + 12));
    flow.quotedDestination = Ipv4Address(Get32(b, 8 + 16));
    switch (flow.quotedProtocol)
    {
    case TCP:
    case UDP:
        flow.quotedSourcePort = Get16(b, q);
        flow.quotedDestinationPort = Get16(b, q + 2);
        flow.status = OK;
        return flow;
    case ICMP:
        if (b[q] == ECHO || b[q] == ECHO_REPLY)
        {
            flow.quotedSourcePort = flow.quotedDestinationPort = Get16(b, q + 4);
            flow.status = OK;
            return flow;
        }
        break;
    default:
        break;
    }
    flow.status = UNSUPPORTED;
    return flow;
}

std::optional<PeArpNatRewriter::Result>
PeArpNatRewriter::Rewrite(Ptr<const Packet> packet,
                          const Ipv4Header& header,
                          Side side,
                          Ipv4Address address,
                          uint16_t port,
                          bool checksums)
{
    NS_LOG_FUNCTION(packet << header << side << address << port << checksums);
    Flow flow = Parse(packet, header);
    if (flow.status != OK || flow.icmpError)
    {
        return std::nullopt;
    }
    uint32_t size = packet->GetSize();
    uint32_t region = size;
    uint32_t tcpHeaderLength = 0;
    if (flow.protocol == TCP)
    {
        std::vector<uint8_t> first(13);
        packet->CopyData(first.data(), 13);
        tcpHeaderLength = (first[12] >> 4) * 4U; // checked by Parse
        region = tcpHeaderLength;
    }
    else if (flow.protocol == UDP)
    {
        region = 8;
    }
    std::vector<uint8_t> b(region);
    packet->CopyData(b.data(), region);
    const std::vector<uint8_t> before = b;

    Result result;
    result.header = header;
    Ipv4Address oldAddress = side == SOURCE ? header.GetSource() : header.GetDestination();
    if (side == SOURCE)
    {
        result.header.SetSource(address);
    }
    else
    {
        result.header.SetDestination(address);
    }
    uint32_t portAt = side == SOURCE ? 0 : 2;
    switch (flow.protocol)
    {
    case TCP:
        if (checksums)
        {
            uint16_t ck = PeArpChecksum::Update32(Get16(b, 16), oldAddress.Get(), address.Get());
            Set16(b, 16, PeArpChecksum::Update16(ck, Get16(b, portAt), port));
        }
        Set16(b, portAt, port);
        break;
    case UDP: {
        uint16_t ck = PeArpChecksum::UpdateUdp32(Get16(b, 6), oldAddress.Get(), address.Get());
        Set16(b, 6, PeArpChecksum::UpdateUdp16(ck, Get16(b, portAt), port));
        Set16(b, portAt, port);
        break;
    }
    default: // ICMP echo: the id, whatever the side
        if (checksums)
        {
            Set16(b, 2, PeArpChecksum::Update16(Get16(b, 2), Get16(b, 4), port));
        }
        Set16(b, 4, port);
        break;
    }
    result.bytesRewritten = Changed(before, b) + AddressBytesChanged(oldAddress, address);
    result.packet = PutBack(packet, b, Layout(flow, size, tcpHeaderLength));
    return result;
}

std::optional<PeArpNatRewriter::Result>
PeArpNatRewriter::RewriteIcmpError(Ptr<const Packet> packet,
                                   const Ipv4Header& header,
                                   Side quotedSide,
                                   Ipv4Address address,
                                   uint16_t port,
                                   bool checksums)
{
    NS_LOG_FUNCTION(packet << header << quotedSide << address << port << checksums);
    Flow flow = Parse(packet, header);
    if (flow.status != OK || !flow.icmpError)
    {
        return std::nullopt;
    }
    std::vector<uint8_t> b(std::min(packet->GetSize(), PARSE_BYTES));
    packet->CopyData(b.data(), static_cast<uint32_t>(b.size()));
    uint32_t ihl = (b[8] & 0x0f) * 4U;
    uint32_t q = 8 + ihl;
    b.resize(q + 8);
    const std::vector<uint8_t> before = b;

    // the quoted IPv4 header: the address and its checksum
    uint32_t addressAt = quotedSide == SOURCE ? 8 + 12 : 8 + 16;
    uint32_t oldQuoted = Get32(b, addressAt);
    Set32(b, addressAt, address.Get());
    if (checksums)
    {
        Set16(b, 8 + 10, PeArpChecksum::Update32(Get16(b, 8 + 10), oldQuoted, address.Get()));
    }
    // the quoted 8 bytes of L4
    uint32_t portAt = q + (quotedSide == SOURCE ? 0 : 2);
    switch (flow.quotedProtocol)
    {
    case UDP: {
        uint16_t ck = PeArpChecksum::UpdateUdp32(Get16(b, q + 6), oldQuoted, address.Get());
        Set16(b, q + 6, PeArpChecksum::UpdateUdp16(ck, Get16(b, portAt), port));
        Set16(b, portAt, port);
        break;
    }
    case TCP: // the TCP checksum (offset 16) is not quoted
        Set16(b, portAt, port);
        break;
    default: // a quoted echo: its id and its checksum
        if (checksums)
        {
            Set16(b, q + 2, PeArpChecksum::Update16(Get16(b, q + 2), Get16(b, q + 4), port));
        }
        Set16(b, q + 4, port);
        break;
    }
    // the ICMP checksum, over every word that changed
    if (checksums)
    {
        uint16_t ck = Get16(b, 2);
        for (uint32_t at = 4; at < b.size(); at += 2)
        {
            if (Get16(before, at) != Get16(b, at))
            {
                ck = PeArpChecksum::Update16(ck, Get16(before, at), Get16(b, at));
            }
        }
        Set16(b, 2, ck);
    }

    Result result;
    result.header = header;
    Ipv4Address oldOuter;
    if (quotedSide == SOURCE)
    {
        oldOuter = header.GetDestination();
        result.header.SetDestination(address);
    }
    else
    {
        oldOuter = header.GetSource();
        result.header.SetSource(address);
    }
    TypeId body = flow.icmpType == DEST_UNREACH ? Icmpv4DestinationUnreachable::GetTypeId()
                                                : Icmpv4TimeExceeded::GetTypeId();
    result.bytesRewritten = Changed(before, b) + AddressBytesChanged(oldOuter, address);
    result.packet =
        PutBack(packet,
                b,
                {{Icmpv4Header::GetTypeId(), 4}, {body, static_cast<uint32_t>(b.size()) - 4}});
    return result;
}

std::ostream&
operator<<(std::ostream& os, PeArpNatRewriter::Status status)
{
    switch (status)
    {
    case PeArpNatRewriter::OK:
        return os << "ok";
    case PeArpNatRewriter::FRAGMENT:
        return os << "fragment";
    case PeArpNatRewriter::MALFORMED:
        return os << "malformed";
    case PeArpNatRewriter::UNSUPPORTED:
        return os << "unsupported";
    }
    return os << "unknown";
}

} // namespace ns3
