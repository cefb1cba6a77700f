/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of TSIG verification (PeArpDnsTsig::Verify and
 * FromResourceRecord, RFC 8945) on received DNS messages.
 *
 * Checks, for every input that parses as a DNS message:
 * - Verify never reads beyond the message and gives one of its outcomes; a
 *   TSIG RR it reads, written again, reads back to the same fields;
 * - an unsigned message, signed with a known key, verifies; so does the
 *   same message with its ID changed (RFC 8945: the original ID is signed);
 *   a change of any other byte before the TSIG RR, or of the MAC, the time
 *   or the fudge, does not verify; a signed response verifies only with the
 *   request's MAC;
 * - a message signed with a key the verifier does not hold is BADKEY, and a
 *   correct signature outside the fudge is BADTIME.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-dns-tsig.h"

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

const uint64_t NOW = 1700000000; //!< the verifier's clock

/** \return the verifier's keys */
const PeArpDnsTsig::KeyRing&
Keys()
{
    static const PeArpDnsTsig::KeyRing keys{
        {"update.example.org", std::vector<uint8_t>(32, 0x5a)},
        {"other", {1, 2, 3}},
    };
    return keys;
}

/**
 * \param wire bytes
 * \param requestMac for a response: the request's MAC
 * \return Verify's outcome for these bytes, parsed
 */
PeArpDnsTsig::Outcome
VerifyBytes(const std::vector<uint8_t>& wire,
            const std::optional<std::vector<uint8_t>>& requestMac = std::nullopt)
{
    PeArpDnsMessage parsed;
    parsed.Parse(wire.data(), static_cast<uint32_t>(wire.size()));
    return PeArpDnsTsig::Verify(wire, parsed, Keys(), NOW, requestMac).outcome;
}

/**
 * Sign a message that parsed without a TSIG RR, and check what must and
 * must not verify.
 * \param message the message
 * \param data the fuzzer's input (chooses the bytes changed)
 * \param size its size
 */
void
CheckSigned(const PeArpDnsMessage& message, const uint8_t* data, size_t size)
{
    const auto& secret = Keys().at("update.example.org");
    PeArpDnsMessage signedMessage =
        PeArpDnsTsig::Sign(message, "Update.Example.Org.", secret, NOW - 10);
    std::vector<uint8_t> wire = PeArpDnsTsig::ToBytes(signedMessage);
    PEARP_FUZZ_CHECK(VerifyBytes(wire) == PeArpDnsTsig::VERIFIED);

    // The ID may change on the way (RFC 8945 section 4.3.1: Original ID).
    std::vector<uint8_t> forwarded = wire;
    forwarded[0] ^= 0xff;
    forwarded[1] ^= 0x01;
    PEARP_FUZZ_CHECK(VerifyBytes(forwarded) == PeArpDnsTsig::VERIFIED);

    // Any other byte before the TSIG RR, and any byte of the MAC, time and
    // fudge, is covered. Four positions chosen by the input.
    PeArpDnsMessage reparsed;
    reparsed.Parse(wire.data(), static_cast<uint32_t>(wire.size()));
    uint32_t tsigAt = reparsed.GetLastAdditionalOffset();
    PEARP_FUZZ_CHECK(tsigAt >= PeArpDnsMessage::HEADER_SIZE && tsigAt < wire.size());
    // Key name (uncompressed), type, class, TTL, RDLENGTH, then the RDATA:
    // algorithm name, time (6), fudge (2), MAC size (2), MAC (32), ...
    uint32_t rdataAt =
        tsigAt + static_cast<uint32_t>(PeArpDnsTsig::CanonicalName("update.example.org").size()) +
        10;
    uint32_t timeAt = rdataAt + static_cast<uint32_t>(
                                    PeArpDnsTsig::CanonicalName(PeArpDnsTsig::ALGORITHM).size());
    uint32_t macAt = timeAt + 10;
    PEARP_FUZZ_CHECK(macAt + PeArpDnsTsig::MAC_SIZE <= wire.size());
    std::vector<uint32_t> covered;
    for (uint32_t k = 2; k < tsigAt; k++)
    {
        covered.push_back(k);
    }
    for (uint32_t k = timeAt; k < timeAt + 8; k++)
    {
        covered.push_back(k);
    }
    for (uint32_t k = macAt; k < macAt + PeArpDnsTsig::MAC_SIZE; k++)
    {
        covered.push_back(k);
    }
    for (size_t j = 0; j < 4 && j < size; j++)
    {
        uint32_t k = covered[(data[j] * 131 + size * 7 + j) % covered.size()];
        std::vector<uint8_t> changed = wire;
        changed[k] ^= 0x01;
        PEARP_FUZZ_CHECK(VerifyBytes(changed) != PeArpDnsTsig::VERIFIED);
    }

    // A response is signed over the request's MAC too.
    std::vector<uint8_t> requestMac(wire.begin() + macAt,
                                    wire.begin() + macAt + PeArpDnsTsig::MAC_SIZE);
    PeArpDnsMessage response =
        PeArpDnsTsig::Sign(message, "update.example.org", secret, NOW, 300, requestMac);
    std::vector<uint8_t> responseWire = PeArpDnsTsig::ToBytes(response);
    PEARP_FUZZ_CHECK(VerifyBytes(responseWire, requestMac) == PeArpDnsTsig::VERIFIED);
    PEARP_FUZZ_CHECK(VerifyBytes(responseWire) == PeArpDnsTsig::BADSIG);

    // An unknown key; a correct signature too old.
    PEARP_FUZZ_CHECK(
        VerifyBytes(PeArpDnsTsig::ToBytes(PeArpDnsTsig::Sign(message, "nobody", secret, NOW))) ==
        PeArpDnsTsig::BADKEY);
    PEARP_FUZZ_CHECK(VerifyBytes(PeArpDnsTsig::ToBytes(
                         PeArpDnsTsig::Sign(message, "update.example.org", secret, NOW - 301))) ==
                     PeArpDnsTsig::BADTIME);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)
    {
        return 0; // far beyond any UPDATE the model sends
    }
    std::vector<uint8_t> wire(data, data + size);
    PeArpDnsMessage parsed;
    parsed.Parse(data, static_cast<uint32_t>(size));
    PeArpDnsTsig::Verification v = PeArpDnsTsig::Verify(wire, parsed, Keys(), NOW, std::nullopt);
    PEARP_FUZZ_CHECK(v.outcome >= PeArpDnsTsig::UNSIGNED && v.outcome <= PeArpDnsTsig::BADTIME);
    PEARP_FUZZ_CHECK(!PeArpDnsTsig::OutcomeToString(v.outcome).empty());
    PEARP_FUZZ_CHECK((PeArpDnsTsig::ErrorOf(v.outcome) != 0) ==
                     (v.outcome == PeArpDnsTsig::BADKEY || v.outcome == PeArpDnsTsig::BADSIG ||
                      v.outcome == PeArpDnsTsig::BADTIME || v.outcome == PeArpDnsTsig::BADTRUNC));
    // The same bytes as a response to a request with some MAC.
    PeArpDnsTsig::Verify(wire, parsed, Keys(), NOW, std::vector<uint8_t>(32, 0));

    bool anyTsig = false;
    for (const auto* section :
         {&parsed.GetAnswers(), &parsed.GetAuthority(), &parsed.GetAdditional()})
    {
        for (const auto& rr : *section)
        {
            if (rr.type != PeArpDnsMessage::TYPE_TSIG)
            {
                continue;
            }
            anyTsig = true;
            std::optional<PeArpDnsTsig::Record> record = PeArpDnsTsig::FromResourceRecord(rr);
            if (record)
            {
                PEARP_FUZZ_CHECK(record->timeSigned <= PeArpDnsTsig::MAX_TIME);
                // Written again and read back: the same fields.
                std::optional<PeArpDnsTsig::Record> again =
                    PeArpDnsTsig::FromResourceRecord(PeArpDnsTsig::ToResourceRecord(*record));
                PEARP_FUZZ_CHECK(again.has_value());
                PEARP_FUZZ_CHECK(PeArpDnsMessage::NamesEqual(again->keyName, record->keyName));
                PEARP_FUZZ_CHECK(
                    PeArpDnsMessage::NamesEqual(again->algorithm, record->algorithm) &&
                    again->timeSigned == record->timeSigned && again->fudge == record->fudge &&
                    again->mac == record->mac && again->originalId == record->originalId &&
                    again->error == record->error && again->otherData == record->otherData);
                PeArpDnsTsig::Variables(*record);
            }
        }
    }
    PEARP_FUZZ_CHECK(anyTsig == (v.outcome != PeArpDnsTsig::UNSIGNED));
    if (parsed.GetParseError() == PeArpDnsMessage::PARSE_OK && !anyTsig &&
        parsed.GetAdditional().size() < 0xffff)
    {
        CheckSigned(parsed, data, size);
    }
    return 0;
}
