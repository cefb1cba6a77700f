/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of the NAT's parsing and rewriting:
 * PeArpNatRewriter::Parse, Rewrite and RewriteIcmpError, and the
 * PeArpNatRawHeader they put the rewritten bytes back with.
 *
 * Input: 16 bytes of control, then the L4 bytes (what follows the IPv4
 * header):
 *   0      IP protocol
 *   1      bit 0: a non-first fragment; bit 1: the side rewritten
 *          (destination); bit 2: checksums on; bit 3: make the L4 checksum
 *          (and a quoted IPv4 header's) valid before rewriting
 *   2-5    IPv4 source    6-9 IPv4 destination
 *   10-13  the new address    14-15 the new port
 *
 * Checks: a rewritten packet has the same size, parses again to the same
 * flow with the new address and port on the rewritten side, differs from
 * the original only in the rewritten header bytes, and, with checksums on,
 * keeps every checksum that was valid valid (TCP and UDP with their pseudo
 * header, ICMP, a quoted IPv4 header); a UDP checksum of 0 (none) stays 0.
 */

#include "pe-arp-fuzz.h"

#include "ns3/ipv4-header.h"
#include "ns3/pe-arp-checksum.h"
#include "ns3/pe-arp-nat-raw-header.h"
#include "ns3/pe-arp-nat-rewriter.h"

#include <cstring>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

constexpr size_t CONTROL = 16; //!< control bytes before the L4 bytes

/**
 * \param b bytes
 * \param at offset
 * \return the big-endian 32-bit value there
 */
uint32_t
Get32(const uint8_t* b, size_t at)
{
    return (uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) | (uint32_t(b[at + 2]) << 8) |
           b[at + 3];
}

/**
 * \param sum a one's complement sum over a message and its checksum
 * \return true if the checksum verifies (0xffff; 0 only for all-zero words)
 */
bool
Verifies(uint32_t sum)
{
    return sum == 0 || PeArpChecksum::Fold(sum) == 0xffff;
}

/**
 * The offset of the L4 checksum a flow's packet carries.
 * \param protocol IP protocol
 * \return its offset, or -1
 */
int
ChecksumAt(uint8_t protocol)
{
    switch (protocol)
    {
    case PeArpNatRewriter::TCP:
        return 16;
    case PeArpNatRewriter::UDP:
        return 6;
    case PeArpNatRewriter::ICMP:
        return 2;
    default:
        return -1;
    }
}

/**
 * \param l4 L4 bytes
 * \param protocol IP protocol
 * \param header the IPv4 header
 * \return the one's complement sum a receiver checks (pseudo header for TCP, UDP)
 */
uint32_t
L4Sum(const std::vector<uint8_t>& l4, uint8_t protocol, const Ipv4Header& header)
{
    uint32_t initial = 0;
    if (protocol != PeArpNatRewriter::ICMP)
    {
        initial = PeArpChecksum::PseudoHeaderSum(header.GetSource(),
                                                 header.GetDestination(),
                                                 protocol,
                                                 static_cast<uint16_t>(l4.size()));
    }
    return PeArpChecksum::Sum(l4.data(), static_cast<uint32_t>(l4.size()), initial);
}

/**
 * \param packet a packet
 * \return its bytes
 */
std::vector<uint8_t>
Content(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    return bytes;
}

/**
 * Make the L4 checksum of the bytes valid (and a quoted IPv4 header's).
 * \param l4 the L4 bytes
 * \param protocol the IP protocol
 * \param header the IPv4 header
 */
void
MakeValid(std::vector<uint8_t>& l4, uint8_t protocol, const Ipv4Header& header)
{
    int at = ChecksumAt(protocol);
    if (at < 0 || l4.size() < size_t(at) + 2)
    {
        return;
    }
    if (protocol == PeArpNatRewriter::ICMP && l4.size() >= 8 + 20 && (l4[8] >> 4) == 4)
    {
        size_t ihl = (l4[8] & 0x0f) * 4u;
        if (ihl >= 20 && l4.size() >= 8 + ihl)
        {
            l4[8 + 10] = l4[8 + 11] = 0;
            uint16_t ck = PeArpChecksum::Compute(&l4[8], static_cast<uint32_t>(ihl));
            l4[8 + 10] = static_cast<uint8_t>(ck >> 8);
            l4[8 + 11] = static_cast<uint8_t>(ck);
        }
    }
    l4[at] = l4[at + 1] = 0;
    uint16_t ck = static_cast<uint16_t>(~PeArpChecksum::Fold(L4Sum(l4, protocol, header)));
    if (protocol == PeArpNatRewriter::UDP)
    {
        ck = PeArpChecksum::UdpField(ck);
    }
    l4[at] = static_cast<uint8_t>(ck >> 8);
    l4[at + 1] = static_cast<uint8_t>(ck);
}

/**
 * The raw header: it reads and writes exactly the bytes it is sized for.
 * \param l4 bytes
 */
void
CheckRawHeader(const std::vector<uint8_t>& l4)
{
    Ptr<Packet> packet = MakePacket(l4);
    PeArpNatRawHeader raw;
    uint32_t n = l4.empty() ? 0 : l4[0] % (l4.size() + 1);
    raw.SetSize(n);
    PEARP_FUZZ_CHECK(packet->RemoveHeader(raw) == n);
    PEARP_FUZZ_CHECK(std::equal(raw.GetBytes().begin(), raw.GetBytes().end(), l4.begin()));
    packet->AddHeader(raw);
    PEARP_FUZZ_CHECK(Content(packet) == l4);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < CONTROL || size > 1500)
    {
        return 0;
    }
    uint8_t protocol = data[0];
    bool fragment = data[1] & 1;
    auto side = (data[1] & 2) ? PeArpNatRewriter::DESTINATION : PeArpNatRewriter::SOURCE;
    bool checksums = data[1] & 4;
    bool makeValid = data[1] & 8;
    Ipv4Address address(Get32(data, 10));
    uint16_t port = static_cast<uint16_t>((data[14] << 8) | data[15]);
    std::vector<uint8_t> l4(data + CONTROL, data + size);
    CheckRawHeader(l4);

    Ipv4Header header;
    header.SetProtocol(protocol);
    header.SetSource(Ipv4Address(Get32(data, 2)));
    header.SetDestination(Ipv4Address(Get32(data, 6)));
    header.SetPayloadSize(static_cast<uint16_t>(l4.size()));
    header.SetFragmentOffset(fragment ? 8 : 0);
    if (makeValid)
    {
        MakeValid(l4, protocol, header);
    }
    Ptr<Packet> packet = MakePacket(l4);
    PeArpNatRewriter::Flow flow = PeArpNatRewriter::Parse(packet, header);
    PEARP_FUZZ_CHECK(flow.protocol == protocol);
    PEARP_FUZZ_CHECK(!fragment || flow.status == PeArpNatRewriter::FRAGMENT);
    if (flow.status == PeArpNatRewriter::OK && !flow.icmpError)
    {
        PEARP_FUZZ_CHECK(flow.sourcePort == ((l4[0] << 8) | l4[1]) || flow.icmpQuery);
    }

    std::optional<PeArpNatRewriter::Result> result =
        flow.icmpError
            ? PeArpNatRewriter::RewriteIcmpError(packet, header, side, address, port, checksums)
            : PeArpNatRewriter::Rewrite(packet, header, side, address, port, checksums);
    PEARP_FUZZ_CHECK(result.has_value() == (flow.status == PeArpNatRewriter::OK));
    if (!result)
    {
        return 0;
    }
    PEARP_FUZZ_CHECK(result->packet->GetSize() == l4.size());
    std::vector<uint8_t> after = Content(result->packet);
    PeArpNatRewriter::Flow again = PeArpNatRewriter::Parse(result->packet, result->header);
    PEARP_FUZZ_CHECK(again.status == PeArpNatRewriter::OK);
    PEARP_FUZZ_CHECK(again.protocol == flow.protocol && again.icmpType == flow.icmpType);
    PEARP_FUZZ_CHECK(again.icmpError == flow.icmpError && again.icmpQuery == flow.icmpQuery);

    // Only the L4 header (ICMP error: the ICMP header, the quoted IPv4
    // header and the quoted 8 bytes) may change.
    size_t region = l4.size();
    if (protocol == PeArpNatRewriter::TCP)
    {
        region = (l4[12] >> 4) * 4u;
    }
    else if (protocol == PeArpNatRewriter::UDP)
    {
        region = 8;
    }
    else if (flow.icmpError)
    {
        region = 8 + (l4[8] & 0x0f) * 4u + 8;
    }
    else
    {
        region = 8;
    }
    PEARP_FUZZ_CHECK(std::equal(after.begin() + region, after.end(), l4.begin() + region));

    if (!flow.icmpError)
    {
        // The rewritten side carries the new address and port.
        bool source = side == PeArpNatRewriter::SOURCE;
        PEARP_FUZZ_CHECK((source ? result->header.GetSource() : result->header.GetDestination()) ==
                         address);
        PEARP_FUZZ_CHECK((source ? result->header.GetDestination() : result->header.GetSource()) ==
                         (source ? header.GetDestination() : header.GetSource()));
        if (flow.icmpQuery)
        {
            PEARP_FUZZ_CHECK(again.sourcePort == port && again.destinationPort == port);
        }
        else
        {
            PEARP_FUZZ_CHECK((source ? again.sourcePort : again.destinationPort) == port);
            PEARP_FUZZ_CHECK((source ? again.destinationPort : again.sourcePort) ==
                             (source ? flow.destinationPort : flow.sourcePort));
        }
    }
    else
    {
        // The quoted datagram's side carries them, and the outer packet's
        // other side (the quoted source is the outer destination).
        bool source = side == PeArpNatRewriter::SOURCE;
        PEARP_FUZZ_CHECK((source ? again.quotedSource : again.quotedDestination) == address);
        PEARP_FUZZ_CHECK((source ? result->header.GetDestination() : result->header.GetSource()) ==
                         address);
        PEARP_FUZZ_CHECK(again.quotedProtocol == flow.quotedProtocol);
        if (flow.quotedProtocol == PeArpNatRewriter::ICMP)
        {
            PEARP_FUZZ_CHECK(again.quotedSourcePort == port);
        }
        else
        {
            PEARP_FUZZ_CHECK((source ? again.quotedSourcePort : again.quotedDestinationPort) ==
                             port);
        }
    }

    // Checksums: a valid one stays valid; UDP's "none" stays none.
    int at = ChecksumAt(protocol);
    if (protocol == PeArpNatRewriter::UDP && l4[6] == 0 && l4[7] == 0)
    {
        PEARP_FUZZ_CHECK(after[6] == 0 && after[7] == 0);
    }
    else if (checksums || protocol == PeArpNatRewriter::UDP)
    {
        PEARP_FUZZ_CHECK(at >= 0);
        if (Verifies(L4Sum(l4, protocol, header)))
        {
            PEARP_FUZZ_CHECK(Verifies(L4Sum(after, protocol, result->header)));
        }
        if (flow.icmpError && checksums)
        {
            uint32_t ihl = (l4[8] & 0x0f) * 4u;
            if (Verifies(PeArpChecksum::Sum(&l4[8], ihl)))
            {
                PEARP_FUZZ_CHECK(Verifies(PeArpChecksum::Sum(&after[8], ihl)));
            }
        }
    }
    return 0;
}
