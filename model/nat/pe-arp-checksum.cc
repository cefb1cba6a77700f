/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-checksum.h"

namespace ns3
{

uint32_t
PeArpChecksum::Sum(const uint8_t* data, uint32_t size, uint32_t initial)
{
    uint64_t sum = initial;
    uint32_t i = 0;
    for (; i + 1 < size; i += 2)
    {
        sum += (static_cast<uint32_t>(data[i]) << 8) | data[i + 1];
    }
    if (i < size)
    {
        sum += static_cast<uint32_t>(data[i]) << 8;
    }
    while (sum >> 32)
    {
        sum = (sum & 0xffffffffULL) + (sum >> 32);
    }
    return static_cast<uint32_t>(sum);
}

uint16_t
PeArpChecksum::Fold(uint32_t sum)
{
    while (sum >> 16)
    {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    return static_cast<uint16_t>(sum);
}

uint16_t
PeArpChecksum::Compute(const uint8_t* data, uint32_t size, uint32_t initial)
{
    return static_cast<uint16_t>(~Fold(Sum(data, size, initial)));
}

uint32_t
PeArpChecksum::PseudoHeaderSum(Ipv4Address source,
                               Ipv4Address destination,
                               uint8_t protocol,
                               uint16_t l4Length)
{
    uint32_t s = source.Get();
    uint32_t d = destination.Get();
    return (s >> 16) + (s & 0xffff) + (d >> 16) + (d & 0xffff) + protocol + l4Length;
}

uint16_t
PeArpChecksum::Update16(uint16_t checksum, uint16_t oldWord, uint16_t newWord)
{
    // RFC 1624 eqn. 3: HC' = ~(~HC + ~m + m')
    uint32_t sum = static_cast<uint16_t>(~checksum);
    sum += static_cast<uint16_t>(~oldWord);
    sum += newWord;
    return static_cast<uint16_t>(~Fold(sum));
}

uint16_t
PeArpChecksum::Update32(uint16_t checksum, uint32_t oldValue, uint32_t newValue)
{
    uint32_t sum = static_cast<uint16_t>(~checksum);
    sum += static_cast<uint16_t>(~(oldValue >> 16));
    sum += static_cast<uint16_t>(~(oldValue & 0xffff));
    sum += newValue >> 16;
    sum += newValue & 0xffff;
    return static_cast<uint16_t>(~Fold(sum));
}

uint16_t
PeArpChecksum::UdpField(uint16_t checksum)
{
    return checksum == 0 ? 0xffff : checksum;
}

uint16_t
PeArpChecksum::UpdateUdp16(uint16_t checksum, uint16_t oldWord, uint16_t newWord)
{
    if (checksum == 0)
    {
        return 0; // no checksum: nothing to update
    }
    return UdpField(Update16(checksum, oldWord, newWord));
}

uint16_t
PeArpChecksum::UpdateUdp32(uint16_t checksum, uint32_t oldValue, uint32_t newValue)
{
    if (checksum == 0)
    {
        return 0;
    }
    return UdpField(Update32(checksum, oldValue, newValue));
}

} // namespace ns3
