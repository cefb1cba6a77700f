/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpResoaEpHeader::Deserialize (the ReSoA
 * end-point protocol message and its TLVs, as the client and the server read
 * one).
 *
 * Checks: the size consumed stays within the message; an accepted message
 * (followed by the same payload) re-serializes to a message that parses
 * again to the same fields, and that serialization is stable byte for byte.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-resoa-ep-header.h"

#include <sstream>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/**
 * \param a an optional address
 * \param b another
 * \return true if both are absent, or both present and equal
 */
bool
SameAddress(const std::optional<InetSocketAddress>& a, const std::optional<InetSocketAddress>& b)
{
    return a.has_value() == b.has_value() &&
           (!a || (a->GetIpv4() == b->GetIpv4() && a->GetPort() == b->GetPort()));
}

/**
 * \param a a header
 * \param b another
 * \return true if every field and the verdict are the same
 */
bool
Same(const PeArpResoaEpHeader& a, const PeArpResoaEpHeader& b)
{
    return a.GetType() == b.GetType() && a.GetFlags() == b.GetFlags() &&
           a.GetRsockId() == b.GetRsockId() && a.GetCallId() == b.GetCallId() &&
           a.GetStatus() == b.GetStatus() && SameAddress(a.GetLocal(), b.GetLocal()) &&
           SameAddress(a.GetPeer(), b.GetPeer()) && a.GetSockType() == b.GetSockType() &&
           a.GetCount() == b.GetCount() && a.GetParent() == b.GetParent() &&
           a.GetBuffer() == b.GetBuffer() && a.GetError() == b.GetError() &&
           a.IsValid() == b.IsValid();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Ptr<Packet> packet = MakePacket(data, size);
    PeArpResoaEpHeader header;
    uint32_t consumed = packet->PeekHeader(header);
    std::ostringstream text;
    header.Print(text);
    PeArpResoaEpHeader::TypeName(header.GetType());
    PEARP_FUZZ_CHECK(consumed <= size);
    PEARP_FUZZ_CHECK(header.IsValid() == (header.GetError() == PeArpResoaEpHeader::NONE));
    if (!header.IsValid())
    {
        return 0;
    }
    PEARP_FUZZ_CHECK(PeArpResoaEpHeader::IsKnownType(header.GetType()));
    PEARP_FUZZ_CHECK(consumed >= PeArpResoaEpHeader::FIXED_SIZE);
    PEARP_FUZZ_CHECK(PeArpResoaEpHeader::CarriesPayload(header.GetType()) || consumed == size);

    std::vector<uint8_t> bytes = Bytes(header);
    PEARP_FUZZ_CHECK(bytes.size() <= consumed); // unknown TLVs are dropped
    std::vector<uint8_t> message = bytes;
    message.insert(message.end(), data + consumed, data + size);
    Ptr<Packet> rebuilt = MakePacket(message);
    PeArpResoaEpHeader again;
    PEARP_FUZZ_CHECK(rebuilt->RemoveHeader(again) == bytes.size());
    PEARP_FUZZ_CHECK(Same(header, again));
    PEARP_FUZZ_CHECK(rebuilt->GetSize() == size - consumed);
    PEARP_FUZZ_CHECK(Bytes(again) == bytes);
    return 0;
}
