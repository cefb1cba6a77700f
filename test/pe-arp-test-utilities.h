/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TEST_UTILITIES_H
#define PE_ARP_TEST_UTILITIES_H

#include "ns3/packet.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{
namespace tests
{

/**
 * \ingroup pe-arp-tests
 * \param bytes the bytes
 * \return a packet holding exactly these bytes
 */
Ptr<Packet> PacketFromBytes(const std::vector<uint8_t>& bytes);

/**
 * \ingroup pe-arp-tests
 * \param packet a packet
 * \return its bytes
 */
std::vector<uint8_t> BytesOf(Ptr<const Packet> packet);

/**
 * \ingroup pe-arp-tests
 * \param bytes bytes
 * \return "ea ab 07 d0 ..." (for readable failure messages)
 */
std::string ToHex(const std::vector<uint8_t>& bytes);

} // namespace tests
} // namespace ns3

#endif /* PE_ARP_TEST_UTILITIES_H */
