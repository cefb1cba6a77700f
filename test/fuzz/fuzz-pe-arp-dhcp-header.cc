/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpDhcpHeader::Parse and Deserialize (the
 * BOOTP fields, the options the model reads and RFC 7618 option 159).
 *
 * Checks: Parse and RemoveHeader agree; an accepted message consumes the
 * whole packet, re-serializes to a message that parses again to the same
 * fields, and whose own serialization is then stable byte for byte.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-dhcp-header.h"

#include <sstream>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/**
 * \param a a message
 * \param b another
 * \return true if every field the model reads is the same
 */
bool
Same(const PeArpDhcpHeader& a, const PeArpDhcpHeader& b)
{
    return a.GetMessageType() == b.GetMessageType() &&
           a.GetTransactionId() == b.GetTransactionId() &&
           a.GetBroadcastFlag() == b.GetBroadcastFlag() && a.GetClientMac() == b.GetClientMac() &&
           a.GetClientAddress() == b.GetClientAddress() &&
           a.GetYourAddress() == b.GetYourAddress() && a.GetServerId() == b.GetServerId() &&
           a.GetRequestedAddress() == b.GetRequestedAddress() &&
           a.GetLeaseTime() == b.GetLeaseTime() && a.GetRenewalTime() == b.GetRenewalTime() &&
           a.GetSubnetMask() == b.GetSubnetMask() && a.GetRouter() == b.GetRouter() &&
           a.HasPortParameters() == b.HasPortParameters() &&
           a.GetPsidOffset() == b.GetPsidOffset() && a.GetPsidLength() == b.GetPsidLength() &&
           a.GetPsid() == b.GetPsid();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Ptr<Packet> packet = MakePacket(data, size);
    PeArpDhcpHeader header = PeArpDhcpHeader::Parse(packet);
    std::ostringstream text;
    header.Print(text);
    PeArpDhcpHeader::ParseErrorToString(header.GetParseError());

    // The packet's own buffer, as a socket's receive path reads it.
    Ptr<Packet> copy = packet->Copy();
    PeArpDhcpHeader removed;
    uint32_t consumed = copy->RemoveHeader(removed);
    PEARP_FUZZ_CHECK(removed.GetParseError() == header.GetParseError());
    if (header.GetParseError() != PeArpDhcpHeader::PARSE_OK)
    {
        PEARP_FUZZ_CHECK(consumed == 0);
        return 0;
    }
    PEARP_FUZZ_CHECK(consumed == size);
    PEARP_FUZZ_CHECK(Same(header, removed));
    PEARP_FUZZ_CHECK(header.GetPsidOffset() + header.GetPsidLength() <= 16);
    PEARP_FUZZ_CHECK(header.GetPsidLength() >= 16 ||
                     header.GetPsid() < (1u << header.GetPsidLength()));

    std::vector<uint8_t> bytes = Bytes(header);
    PeArpDhcpHeader again = PeArpDhcpHeader::Parse(MakePacket(bytes));
    PEARP_FUZZ_CHECK(again.GetParseError() == PeArpDhcpHeader::PARSE_OK);
    PEARP_FUZZ_CHECK(Same(header, again));
    PEARP_FUZZ_CHECK(Bytes(again) == bytes);
    return 0;
}
