/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DNS_TSIG_H
#define PE_ARP_DNS_TSIG_H

#include "pe-arp-dns-message.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Secret key transaction authentication for DNS, TSIG (RFC 8945),
 * with HMAC-SHA256 (ns3::PeArpHmacSha256): signs and verifies DNS messages
 * (ns3::PeArpDnsMessage). All functions are static; the class holds nothing.
 *
 * The TSIG RR is the last record of the additional section:
 * \verbatim
   NAME  the key name          TYPE 250 (TSIG)   CLASS 255 (ANY)   TTL 0
   RDATA Algorithm Name (uncompressed, "hmac-sha256.")
         Time Signed (48 bits, seconds since the epoch)   Fudge (16)
         MAC Size (16)  MAC   Original ID (16)   Error (16)
         Other Len (16) Other Data
   \endverbatim
 *
 * The MAC (RFC 8945 section 4.3) is HMAC-SHA256 over: for a response, the
 * request's MAC Size and MAC; then the DNS message as it was before the
 * TSIG RR was added (the original ID, ARCOUNT without the TSIG RR, the
 * bytes as sent); then the TSIG variables in canonical wire form (key name,
 * class ANY, TTL 0, algorithm name, time signed, fudge, error, other len,
 * other data). Names are lowercase and uncompressed.
 *
 * Verification (RFC 8945 section 5.2) in order: a TSIG RR that is not the
 * last additional record, or cannot be read, is FORMERR; an unknown key or
 * algorithm BADKEY; a MAC longer than 32 bytes or shorter than 16 FORMERR,
 * shorter than 32 BADTRUNC (full-length MACs only); a MAC that does not
 * verify BADSIG; a time signed further than the fudge from the verifier's
 * clock BADTIME.
 */
class PeArpDnsTsig
{
  public:
    PeArpDnsTsig() = delete;

    /** The only algorithm: HMAC-SHA256 (RFC 8945 section 6). */
    static const std::string ALGORITHM;
    /** MAC size of HMAC-SHA256 in bytes. */
    static constexpr uint16_t MAC_SIZE = 32;
    /** Fudge recommended by RFC 8945 section 10: 300 seconds. */
    static constexpr uint16_t DEFAULT_FUDGE = 300;
    /** Largest Time Signed (48 bits). */
    static constexpr uint64_t MAX_TIME = 0xFFFFFFFFFFFFULL;

    /** Keys by name (lowercase, no final dot): name -> secret. */
    typedef std::map<std::string, std::vector<uint8_t>> KeyRing;

    /** The fields of a TSIG RR. */
    struct Record
    {
        std::string keyName;               //!< owner name: the key's name
        std::string algorithm = ALGORITHM; //!< algorithm name (no final dot)
        uint64_t timeSigned = 0;           //!< seconds since the epoch (48 bits)
        uint16_t fudge = DEFAULT_FUDGE;    //!< seconds of error permitted
        std::vector<uint8_t> mac;          //!< the MAC (MAC Size is its size)
        uint16_t originalId = 0;           //!< the message's ID when it was signed
        uint16_t error = 0;                //!< TSIG error (0, BADSIG, BADKEY, ...)
        std::vector<uint8_t> otherData;    //!< e.g. the server's time with BADTIME
    };

    /** Outcome of Verify. */
    enum Outcome
    {
        UNSIGNED = 0, //!< the message has no TSIG RR
        VERIFIED,     //!< the MAC verifies and the time is within the fudge
        FORMERR,      //!< a TSIG RR misplaced, unreadable, or a MAC size out of bounds
        BADKEY,       //!< unknown key or algorithm
        BADTRUNC,     //!< a truncated MAC (16-31 bytes)
        BADSIG,       //!< the MAC does not verify
        BADTIME       //!< the time signed is outside the fudge
    };

    /** What Verify found. */
    struct Verification
    {
        Outcome outcome = UNSIGNED; //!< the outcome
        Record tsig;                //!< the TSIG RR (if one could be read)
    };

    /**
     * \param outcome an outcome
     * \return its name, e.g. "BADSIG"
     */
    static std::string OutcomeToString(Outcome outcome);
    /**
     * \param outcome an outcome of a signed message that failed
     * \return the TSIG error code to answer with (RFC 8945), 0 for others
     */
    static uint16_t ErrorOf(Outcome outcome);

    /**
     * \param name a domain name
     * \return its canonical wire form: lowercase labels, uncompressed
     */
    static std::vector<uint8_t> CanonicalName(const std::string& name);
    /**
     * \param tsig the fields
     * \return the TSIG RR's RDATA
     */
    static std::vector<uint8_t> EncodeRdata(const Record& tsig);
    /**
     * \param tsig the fields
     * \return the TSIG RR (class ANY, TTL 0) carrying them
     */
    static PeArpDnsMessage::ResourceRecord ToResourceRecord(const Record& tsig);
    /**
     * Read a TSIG RR. Never reads beyond its RDATA.
     * \param rr a record of type TSIG
     * \return its fields, or nothing if it is malformed (class not ANY, TTL
     *         not 0, RDATA truncated or with bytes left over, a compressed or
     *         invalid algorithm name, a MAC Size beyond the RDATA)
     */
    static std::optional<Record> FromResourceRecord(const PeArpDnsMessage::ResourceRecord& rr);
    /**
     * \param tsig the fields
     * \return the TSIG variables (RFC 8945 section 4.3.3) in wire form
     */
    static std::vector<uint8_t> Variables(const Record& tsig);
    /**
     * \param secret the key's secret
     * \param message the DNS message without its TSIG RR (original ID)
     * \param tsig the TSIG fields (the MAC is not used)
     * \param requestMac for a response: the request's MAC; nothing for a request
     * \return the HMAC-SHA256 MAC
     */
    static std::vector<uint8_t> ComputeMac(const std::vector<uint8_t>& secret,
                                           const std::vector<uint8_t>& message,
                                           const Record& tsig,
                                           const std::optional<std::vector<uint8_t>>& requestMac);
    /**
     * \param message a DNS message
     * \return its wire form (as PeArpDnsMessage::Serialize writes it)
     */
    static std::vector<uint8_t> ToBytes(const PeArpDnsMessage& message);
    /**
     * Sign a message: a copy with the TSIG RR appended to its additional
     * section.
     * \param message the message (its ID is the original ID)
     * \param keyName the key's name
     * \param secret the key's secret
     * \param timeSigned the signer's clock, seconds since the epoch
     * \param fudge seconds of error permitted
     * \param requestMac for a response: the request's MAC; nothing for a request
     * \param error the TSIG error (responses)
     * \param otherData other data (BADTIME responses: the server's time)
     * \return the signed message
     */
    static PeArpDnsMessage Sign(
        const PeArpDnsMessage& message,
        const std::string& keyName,
        const std::vector<uint8_t>& secret,
        uint64_t timeSigned,
        uint16_t fudge = DEFAULT_FUDGE,
        const std::optional<std::vector<uint8_t>>& requestMac = std::nullopt,
        uint16_t error = 0,
        const std::vector<uint8_t>& otherData = {});
    /**
     * Verify a received message.
     * \param wire the bytes received
     * \param parsed those bytes parsed (PeArpDnsMessage::Parse or Deserialize)
     * \param keys the keys known
     * \param now the verifier's clock, seconds since the epoch
     * \param requestMac for a response: the request's MAC; nothing for a request
     * \return the outcome and the TSIG RR's fields
     */
    static Verification Verify(const std::vector<uint8_t>& wire,
                               const PeArpDnsMessage& parsed,
                               const KeyRing& keys,
                               uint64_t now,
                               const std::optional<std::vector<uint8_t>>& requestMac);
    /**
     * \param name a key name
     * \return the name as KeyRing holds it: lowercase, no final dot
     */
    static std::string KeyRingName(const std::string& name);
};

} // namespace ns3

#endif /* PE_ARP_DNS_TSIG_H */
