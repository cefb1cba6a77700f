/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpResoaLhpHeader::Deserialize (the ReSoA
 * link-layer hop protocol frame, as PeArpResoaLhp reads one).
 *
 * Checks: the verdict agrees with the bytes (type, payload length against
 * what follows); every 15-byte header re-serializes to exactly its bytes and
 * parses again, with the same payload, to the same fields and verdict.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-resoa-lhp-header.h"

#include <cstring>
#include <sstream>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/**
 * \param a a header
 * \param b another
 * \return true if every field and the verdict are the same
 */
bool
Same(const PeArpResoaLhpHeader& a, const PeArpResoaLhpHeader& b)
{
    return a.GetType() == b.GetType() && a.GetConnId() == b.GetConnId() &&
           a.GetSeq() == b.GetSeq() && a.GetAck() == b.GetAck() && a.GetWindow() == b.GetWindow() &&
           a.GetLength() == b.GetLength() && a.GetError() == b.GetError() &&
           a.IsValid() == b.IsValid();
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Ptr<Packet> packet = MakePacket(data, size);
    PeArpResoaLhpHeader header;
    uint32_t consumed = packet->PeekHeader(header);
    std::ostringstream text;
    header.Print(text);
    PeArpResoaLhpHeader::TypeName(header.GetType());
    if (size < PeArpResoaLhpHeader::SIZE)
    {
        PEARP_FUZZ_CHECK(consumed == 0 && header.GetError() == PeArpResoaLhpHeader::TRUNCATED);
        PEARP_FUZZ_CHECK(!header.IsValid());
        return 0;
    }
    PEARP_FUZZ_CHECK(consumed == PeArpResoaLhpHeader::SIZE);
    uint8_t type = data[0];
    uint16_t length = static_cast<uint16_t>((data[13] << 8) | data[14]);
    bool valid = type >= PeArpResoaLhpHeader::CONN_REQ && type <= PeArpResoaLhpHeader::TYPE_MAX &&
                 length <= size - PeArpResoaLhpHeader::SIZE &&
                 (type == PeArpResoaLhpHeader::DATA || length == 0);
    PEARP_FUZZ_CHECK(header.IsValid() == valid);
    PEARP_FUZZ_CHECK((header.GetError() == PeArpResoaLhpHeader::NONE) == valid);

    std::vector<uint8_t> bytes = Bytes(header);
    PEARP_FUZZ_CHECK(std::memcmp(bytes.data(), data, bytes.size()) == 0);
    bytes.insert(bytes.end(), data + PeArpResoaLhpHeader::SIZE, data + size);
    Ptr<Packet> rebuilt = MakePacket(bytes);
    PeArpResoaLhpHeader again;
    PEARP_FUZZ_CHECK(rebuilt->RemoveHeader(again) == PeArpResoaLhpHeader::SIZE);
    PEARP_FUZZ_CHECK(Same(header, again));
    PEARP_FUZZ_CHECK(rebuilt->GetSize() == size - PeArpResoaLhpHeader::SIZE);
    return 0;
}
