/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_HMAC_SHA256_H
#define PE_ARP_HMAC_SHA256_H

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief SHA-256 (FIPS 180-4 section 6.2), incremental, for TSIG
 * (ns3::PeArpDnsTsig): the module depends on no crypto library.
 *
 * \code
 *   PeArpSha256 h;
 *   h.Update(data, size);
 *   PeArpSha256::Digest d = h.Finish();
 * \endcode
 *
 * Finish pads and returns the digest; the object then starts over, empty.
 * Not constant-time and not meant to protect real secrets: it is a model.
 */
class PeArpSha256
{
  public:
    /** Digest size in bytes. */
    static constexpr uint32_t DIGEST_SIZE = 32;
    /** Block size in bytes. */
    static constexpr uint32_t BLOCK_SIZE = 64;
    /** A digest. */
    typedef std::array<uint8_t, DIGEST_SIZE> Digest;

    PeArpSha256();

    /**
     * Add bytes to the message.
     * \param data the bytes
     * \param size their number
     */
    void Update(const uint8_t* data, uint64_t size);
    /**
     * Add bytes to the message.
     * \param data the bytes
     */
    void Update(const std::vector<uint8_t>& data);
    /**
     * Pad the message and return its digest; the object is then reset.
     * \return the digest
     */
    Digest Finish();

    /**
     * \param data the message
     * \return its SHA-256 digest
     */
    static Digest Hash(const std::vector<uint8_t>& data);
    /**
     * \param bytes bytes
     * \return them in lowercase hex, e.g. "ba7816bf..."
     */
    static std::string ToHex(const std::vector<uint8_t>& bytes);
    /**
     * \param digest a digest
     * \return it in lowercase hex
     */
    static std::string ToHex(const Digest& digest);

  private:
    /** Reset to the initial hash value (FIPS 180-4 section 5.3.3). */
    void Reset();
    /**
     * Process one 64-byte block (FIPS 180-4 section 6.2.2).
     * \param block the block
     */
    void Compress(const uint8_t* block);

    std::array<uint32_t, 8> m_h;             //!< hash value H(i)
    std::array<uint8_t, BLOCK_SIZE> m_block; //!< bytes of the current block
    uint32_t m_used;                         //!< bytes in m_block
    uint64_t m_length;                       //!< message length in bytes
};

/**
 * \ingroup pe-arp
 * \brief HMAC (RFC 2104) with SHA-256 (ns3::PeArpSha256), as RFC 4231 and
 * TSIG's hmac-sha256 use it.
 */
class PeArpHmacSha256
{
  public:
    PeArpHmacSha256() = delete;

    /**
     * HMAC(K, m) = H((K' ^ opad) || H((K' ^ ipad) || m)), K' the key padded
     * to the block size (hashed first if longer than a block).
     * \param key the key
     * \param message the message
     * \return the 32-byte MAC
     */
    static std::vector<uint8_t> Compute(const std::vector<uint8_t>& key,
                                        const std::vector<uint8_t>& message);
    /**
     * Compare two MACs in time that depends only on their sizes.
     * \param a a MAC
     * \param b a MAC
     * \return true if equal
     */
    static bool Equal(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b);
};

} // namespace ns3

#endif /* PE_ARP_HMAC_SHA256_H */
