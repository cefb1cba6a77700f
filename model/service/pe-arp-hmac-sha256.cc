/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-hmac-sha256.h"

#include "ns3/log.h"
#include "ns3/pe-arp-bytes.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpHmacSha256");

namespace
{

/** SHA-256 constants K (FIPS 180-4 section 4.2.2). */
constexpr uint32_t K[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

/**
 * \param x a word
 * \param n a shift count, 1-31
 * \return x rotated right by n
 */
constexpr uint32_t
Rotr(uint32_t x, uint32_t n)
{
    return (x >> n) | (x << (32 - n));
}

} // namespace

PeArpSha256::PeArpSha256()
{
    Reset();
}

void
PeArpSha256::Reset()
{
    m_h = {0x6a09e667,
           0xbb67ae85,
           0x3c6ef372,
           0xa54ff53a,
           0x510e527f,
           0x9b05688c,
           0x1f83d9ab,
           0x5be0cd19};
    m_used = 0;
    m_length = 0;
}

void
PeArpSha256::Compress(const uint8_t* block)
{
    uint32_t w[64];
    for (uint32_t t = 0; t < 16; t++)
    {
        w[t] = PeArpBytes::ReadU32(block + 4 * t);
    }
    for (uint32_t t = 16; t < 64; t++)
    {
        uint32_t s0 = Rotr(w[t - 15], 7) ^ Rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = Rotr(w[t - 2], 17) ^ Rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    uint32_t a = m_h[0];
    uint32_t b = m_h[1];
    uint32_t c = m_h[2];
    uint32_t d = m_h[3];
    uint32_t e = m_h[4];
    uint32_t f = m_h[5];
    uint32_t g = m_h[6];
    uint32_t h = m_h[7];
    for (uint32_t t = 0; t < 64; t++)
    {
        uint32_t s1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
        uint32_t ch = (e & f) ^ (~e & g);
        uint32_t t1 = h + s1 + ch + K[t] + w[t];
        uint32_t s0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
        uint32_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint32_t t2 = s0 + maj;
        h = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    m_h[0] += a;
    m_h[1] += b;
    m_h[2] += c;
    m_h[3] += d;
    m_h[4] += e;
    m_h[5] += f;
    m_h[6] += g;
    m_h[7] += h;
}

void
PeArpSha256::Update(const uint8_t* data, uint64_t size)
{
    m_length += size;
    for (uint64_t i = 0; i < size; i++)
    {
        m_block[m_used++] = data[i];
        if (m_used == BLOCK_SIZE)
        {
            Compress(m_block.data());
            m_used = 0;
        }
    }
}

void
PeArpSha256::Update(const std::vector<uint8_t>& data)
{
    Update(data.data(), data.size());
}

PeArpSha256::Digest
PeArpSha256::Finish()
{
    // FIPS 180-4 section 5.1.1: a 1 bit, zeros, the length in bits (64-bit).
    uint64_t bits = m_length * 8;
    uint8_t one = 0x80;
    Update(&one, 1);
    uint8_t zero = 0;
    while (m_used != BLOCK_SIZE - 8)
    {
        Update(&zero, 1);
    }
    for (int k = 7; k >= 0; k--)
    {
        m_block[m_used++] = static_cast<uint8_t>(bits >> (8 * k));
    }
    Compress(m_block.data());
    Digest d;
    for (uint32_t i = 0; i < 8; i++)
    {
        d[4 * i] = static_cast<uint8_t>(m_h[i] >> 24);
        d[4 * i + 1] = static_cast<uint8_t>(m_h[i] >> 16);
        d[4 * i + 2] = static_cast<uint8_t>(m_h[i] >> 8);
        d[4 * i + 3] = static_cast<uint8_t>(m_h[i]);
    }
    Reset();
    return d;
}

PeArpSha256::Digest
PeArpSha256::Hash(const std::vector<uint8_t>& data)
{
    PeArpSha256 h;
    h.Update(data);
    return h.Finish();
}

std::string
PeArpSha256::ToHex(const std::vector<uint8_t>& bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(2 * bytes.size());
    for (uint8_t b : bytes)
    {
        out += digits[b >> 4];
        out += digits[b & 0x0F];
    }
    return out;
}

std::string
PeArpSha256::ToHex(const Digest& digest)
{
    return ToHex(std::vector<uint8_t>(digest.begin(), digest.end()));
}

std::vector<uint8_t>
PeArpHmacSha256::Compute(const std::vector<uint8_t>& key, const std::vector<uint8_t>& message)
{
    NS_LOG_FUNCTION(key.size() << message.size());
    std::array<uint8_t, PeArpSha256::BLOCK_SIZE> k{};
    if (key.size() > PeArpSha256::BLOCK_SIZE)
    {
        PeArpSha256::Digest d = PeArpSha256::Hash(key);
        std::copy(d.begin(), d.end(), k.begin());
    }
    else
    {
        std::copy(key.begin(), key.end(), k.begin());
    }
    std::array<uint8_t, PeArpSha256::BLOCK_SIZE> pad;
    PeArpSha256 inner;
    for (uint32_t i = 0; i < PeArpSha256::BLOCK_SIZE; i++)
    {
        pad[i] = k[i] ^ 0x36;
    }
    inner.Update(pad.data(), pad.size());
    inner.Update(message);
    PeArpSha256::Digest innerDigest = inner.Finish();
    PeArpSha256 outer;
    for (uint32_t i = 0; i < PeArpSha256::BLOCK_SIZE; i++)
    {
        pad[i] = k[i] ^ 0x5c;
    }
    outer.Update(pad.data(), pad.size());
    outer.Update(innerDigest.data(), innerDigest.size());
    PeArpSha256::Digest mac = outer.Finish();
    return std::vector<uint8_t>(mac.begin(), mac.end());
}

bool
PeArpHmacSha256::Equal(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    uint8_t diff = 0;
    for (size_t i = 0; i < a.size(); i++)
    {
        diff |= a[i] ^ b[i];
    }
    return diff == 0;
}

} // namespace ns3
