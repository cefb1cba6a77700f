/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpIpv4::Summarize (an IPv4 datagram as a
 * PE-ARP device sees it: TCP/UDP ports, ICMP echo and ICMP errors quoting
 * a datagram) and of the echo rewriting a host applies to what it parsed.
 *
 * Checks: the summary agrees with the bytes; a well-formed echo reply (as
 * PeArpNetDevice receives one) whose identifier is rewritten with
 * SetEchoIdentifier (UnmapEchoIdentifier) summarizes again to the same
 * datagram with the new identifier and the same size; the answer
 * PeArpEchoResponder makes to an echo request is an echo reply to its
 * sender with the same identifier.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-ipv4.h"

using namespace ns3;
using namespace ns3::fuzz;

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Ptr<Packet> packet = MakePacket(data, size);
    PeArpIpv4Summary s = PeArpIpv4::Summarize(packet);
    s.GetDemuxPort();
    if (!s.valid)
    {
        PEARP_FUZZ_CHECK(!s.hasPorts && !s.isIcmp);
        return 0;
    }
    uint32_t ihl = (data[0] & 0x0f) * 4u;
    PEARP_FUZZ_CHECK(size >= 20 && (data[0] >> 4) == 4 && ihl >= 20 && ihl <= size);
    PEARP_FUZZ_CHECK(s.protocol == data[9]);
    PEARP_FUZZ_CHECK(s.source.Get() == ((uint32_t(data[12]) << 24) | (uint32_t(data[13]) << 16) |
                                        (uint32_t(data[14]) << 8) | data[15]));
    PEARP_FUZZ_CHECK(!(s.hasPorts && s.isIcmp));
    if (s.hasPorts)
    {
        PEARP_FUZZ_CHECK(size >= ihl + 4);
        PEARP_FUZZ_CHECK(s.destinationPort == ((data[ihl + 2] << 8) | data[ihl + 3]));
        PEARP_FUZZ_CHECK(s.GetDemuxPort() == s.destinationPort);
    }
    if (!s.IsEchoRequest() && !s.IsEchoReply())
    {
        return 0;
    }
    PEARP_FUZZ_CHECK(s.icmpIdentifier == ((data[ihl + 4] << 8) | data[ihl + 5]));

    // What a host does to an echo it received or sends.
    uint16_t identifier = static_cast<uint16_t>(~s.icmpIdentifier);
    Ptr<Packet> mapped = PeArpIpv4::SetEchoIdentifier(packet, identifier);
    PEARP_FUZZ_CHECK(mapped->GetSize() == size);
    PeArpIpv4Summary m = PeArpIpv4::Summarize(mapped);
    PEARP_FUZZ_CHECK(m.valid && m.isIcmp && !m.icmpMalformed);
    PEARP_FUZZ_CHECK(m.icmpType == s.icmpType && m.icmpCode == s.icmpCode);
    PEARP_FUZZ_CHECK(m.source == s.source && m.destination == s.destination);
    PEARP_FUZZ_CHECK(m.icmpIdentifier == identifier);

    // What PeArpEchoResponder answers to a request.
    if (s.IsEchoRequest())
    {
        PeArpIpv4Summary r = PeArpIpv4::Summarize(PeArpIpv4::MakeEchoReplyDatagram(packet));
        PEARP_FUZZ_CHECK(r.IsEchoReply());
        PEARP_FUZZ_CHECK(r.source == s.destination && r.destination == s.source);
        PEARP_FUZZ_CHECK(r.icmpIdentifier == s.icmpIdentifier);
    }
    return 0;
}
