/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief What the libFuzzer harnesses of test/fuzz/ share: a check that
 * aborts (libFuzzer then keeps the input), and the bytes of a header.
 */

#ifndef PE_ARP_FUZZ_H
#define PE_ARP_FUZZ_H

#include "ns3/header.h"
#include "ns3/packet.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

/**
 * Abort, with the condition and where, unless it holds: a broken invariant
 * is a crash libFuzzer reports and keeps.
 */
#define PEARP_FUZZ_CHECK(condition)                                                                \
    do                                                                                             \
    {                                                                                              \
        if (!(condition))                                                                          \
        {                                                                                          \
            std::fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #condition);     \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace ns3
{
namespace fuzz
{

/**
 * \param header a header
 * \return the bytes its Serialize writes
 */
inline std::vector<uint8_t>
Bytes(const Header& header)
{
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    PEARP_FUZZ_CHECK(bytes.size() == header.GetSerializedSize());
    return bytes;
}

/**
 * \param data bytes
 * \param size how many
 * \return a packet of exactly these bytes
 */
inline Ptr<Packet>
MakePacket(const uint8_t* data, size_t size)
{
    return Create<Packet>(data, static_cast<uint32_t>(size));
}

/**
 * \param bytes bytes
 * \return a packet of exactly these bytes
 */
inline Ptr<Packet>
MakePacket(const std::vector<uint8_t>& bytes)
{
    return Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

} // namespace fuzz
} // namespace ns3

#endif /* PE_ARP_FUZZ_H */
