/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-test-utilities.h"

#include <iomanip>
#include <sstream>

namespace ns3
{
namespace tests
{

Ptr<Packet>
PacketFromBytes(const std::vector<uint8_t>& bytes)
{
    return Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

std::vector<uint8_t>
BytesOf(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    return bytes;
}

std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream oss;
    for (size_t i = 0; i < bytes.size(); i++)
    {
        oss << (i ? " " : "") << std::hex << std::setw(2) << std::setfill('0') << int(bytes[i]);
    }
    return oss.str();
}

} // namespace tests
} // namespace ns3
