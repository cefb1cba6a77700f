/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpHeader::Deserialize (through
 * PeArpHeader::Parse, as PeArpL3Protocol reads a frame).
 *
 * Checks: an accepted frame re-serializes to exactly the bytes it was read
 * from (every field of the 28-byte body and of the 10-byte extension is
 * either checked to one value or kept), and parses again to the same
 * header; a rejected frame leaves a header it is read into unchanged.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-header.h"

#include <cstring>
#include <sstream>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/**
 * \param a a header
 * \param b another
 * \return true if every field that Serialize writes is the same
 */
bool
Same(const PeArpHeader& a, const PeArpHeader& b)
{
    return a.GetOperation() == b.GetOperation() && a.GetSenderMac() == b.GetSenderMac() &&
           a.GetSenderIp() == b.GetSenderIp() && a.GetTargetMac() == b.GetTargetMac() &&
           a.GetTargetIp() == b.GetTargetIp() && a.HasExtension() == b.HasExtension() &&
           a.GetSenderRange() == b.GetSenderRange() && a.GetTargetPort() == b.GetTargetPort() &&
           a.GetReturnPort() == b.GetReturnPort();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Ptr<Packet> packet = MakePacket(data, size);
    PeArpHeader header = PeArpHeader::Parse(packet);
    std::ostringstream text;
    header.Print(text);
    PeArpHeader::ParseErrorToString(header.GetParseError());
    if (header.GetParseError() != PeArpHeader::PARSE_OK)
    {
        // A rejected frame leaves a header it is read into as it was.
        PeArpHeader before;
        before.SetReply(Mac48Address("00:00:00:00:00:07"),
                        Ipv4Address("10.0.0.7"),
                        PeArpPortRange(1000, 1999),
                        Mac48Address("00:00:00:00:00:08"),
                        Ipv4Address("10.0.0.8"),
                        80,
                        1000);
        PeArpHeader after = before;
        PEARP_FUZZ_CHECK(packet->PeekHeader(after) == 0);
        PEARP_FUZZ_CHECK(after.GetParseError() == header.GetParseError());
        PEARP_FUZZ_CHECK(Same(before, after));
        return 0;
    }
    PEARP_FUZZ_CHECK(header.IsRequest() != header.IsReply());
    PEARP_FUZZ_CHECK(header.GetSenderRange().IsValid());
    std::vector<uint8_t> bytes = Bytes(header);
    PEARP_FUZZ_CHECK(bytes.size() == PeArpHeader::ARP_SIZE ||
                     bytes.size() == PeArpHeader::ARP_SIZE + PeArpHeader::EXTENSION_SIZE);
    PEARP_FUZZ_CHECK(bytes.size() <= size);
    PEARP_FUZZ_CHECK(std::memcmp(bytes.data(), data, bytes.size()) == 0);
    PeArpHeader again = PeArpHeader::Parse(MakePacket(bytes));
    PEARP_FUZZ_CHECK(again.GetParseError() == PeArpHeader::PARSE_OK);
    PEARP_FUZZ_CHECK(Same(header, again));
    // RemoveHeader consumes exactly the frame's header.
    Ptr<Packet> copy = packet->Copy();
    PeArpHeader removed;
    PEARP_FUZZ_CHECK(copy->RemoveHeader(removed) == bytes.size());
    PEARP_FUZZ_CHECK(copy->GetSize() == size - bytes.size());
    return 0;
}
