/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dns-tsig.h"

#include "pe-arp-hmac-sha256.h"

#include "ns3/abort.h"
#include "ns3/buffer.h"
#include "ns3/log.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDnsTsig");

const std::string PeArpDnsTsig::ALGORITHM = "hmac-sha256";

namespace
{

/**
 * \param out where to append
 * \param value a 16-bit value, appended big-endian
 */
void
PutU16(std::vector<uint8_t>& out, uint16_t value)
{
    out.push_back(static_cast<uint8_t>(value >> 8));
    out.push_back(static_cast<uint8_t>(value));
}

/**
 * \param out where to append
 * \param value a 48-bit value, appended big-endian
 */
void
PutU48(std::vector<uint8_t>& out, uint64_t value)
{
    for (int k = 5; k >= 0; k--)
    {
        out.push_back(static_cast<uint8_t>(value >> (8 * k)));
    }
}

/**
 * \param out where to append
 * \param bytes bytes to append
 */
void
Append(std::vector<uint8_t>& out, const std::vector<uint8_t>& bytes)
{
    out.insert(out.end(), bytes.begin(), bytes.end());
}

} // namespace

std::string
PeArpDnsTsig::OutcomeToString(Outcome outcome)
{
    switch (outcome)
    {
    case UNSIGNED:
        return "unsigned";
    case VERIFIED:
        return "verified";
    case FORMERR:
        return "FORMERR";
    case BADKEY:
        return "BADKEY";
    case BADTRUNC:
        return "BADTRUNC";
    case BADSIG:
        return "BADSIG";
    case BADTIME:
        return "BADTIME";
    }
    return "unknown";
}

uint16_t
PeArpDnsTsig::ErrorOf(Outcome outcome)
{
    switch (outcome)
    {
    case BADKEY:
        return PeArpDnsMessage::BADKEY;
    case BADTRUNC:
        return PeArpDnsMessage::BADTRUNC;
    case BADSIG:
        return PeArpDnsMessage::BADSIG;
    case BADTIME:
        return PeArpDnsMessage::BADTIME;
    default:
        return 0;
    }
}

std::string
PeArpDnsTsig::KeyRingName(const std::string& name)
{
    std::string out = name;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return std::tolower(c);
    });
    if (!out.empty() && out.back() == '.')
    {
        out.pop_back();
    }
    return out;
}

std::vector<uint8_t>
PeArpDnsTsig::CanonicalName(const std::string& name)
{
    std::vector<uint8_t> out;
    for (const auto& label : PeArpDnsMessage::SplitName(name))
    {
        out.push_back(static_cast<uint8_t>(label.size()));
        for (char c : label)
        {
            out.push_back(static_cast<uint8_t>(std::tolower(static_cast<unsigned char>(c))));
        }
    }
    out.push_back(0);
    return out;
}

std::vector<uint8_t>
PeArpDnsTsig::EncodeRdata(const Record& tsig)
{
    std::vector<uint8_t> out = CanonicalName(tsig.algorithm);
    PutU48(out, tsig.timeSigned);
    PutU16(out, tsig.fudge);
    PutU16(out, static_cast<uint16_t>(tsig.mac.size()));
    Append(out, tsig.mac);
    PutU16(out, tsig.originalId);
    PutU16(out, tsig.error);
    PutU16(out, static_cast<uint16_t>(tsig.otherData.size()));
    Append(out, tsig.otherData);
    return out;
}

PeArpDnsMessage::ResourceRecord
PeArpDnsTsig::ToResourceRecord(const Record& tsig)
{
    PeArpDnsMessage::ResourceRecord rr;
    rr.name = tsig.keyName;
    rr.type = PeArpDnsMessage::TYPE_TSIG;
    rr.rrClass = PeArpDnsMessage::CLASS_ANY;
    rr.ttl = 0;
    rr.hasRdata = true;
    rr.rdata = EncodeRdata(tsig);
    return rr;
}

std::optional<PeArpDnsTsig::Record>
PeArpDnsTsig::FromResourceRecord(const PeArpDnsMessage::ResourceRecord& rr)
{
    if (rr.type != PeArpDnsMessage::TYPE_TSIG || rr.rrClass != PeArpDnsMessage::CLASS_ANY ||
        rr.ttl != 0)
    {
        NS_LOG_LOGIC("TSIG RR with class " << rr.rrClass << " TTL " << rr.ttl);
        return std::nullopt;
    }
    const std::vector<uint8_t>& d = rr.rdata;
    size_t p = 0;
    auto has = [&d, &p](size_t n) { return p <= d.size() && n <= d.size() - p; };
    auto u16 = [&d](size_t at) { return static_cast<uint16_t>((d[at] << 8) | d[at + 1]); };
    Record tsig;
    tsig.keyName = rr.name;
    // The algorithm name: uncompressed labels (RFC 8945 section 4.2).
    std::string algorithm;
    size_t wire = 1; // the name's wire length, with its final 0
    while (true)
    {
        if (!has(1))
        {
            return std::nullopt;
        }
        uint8_t len = d[p++];
        if (len == 0)
        {
            break;
        }
        wire += 1 + len;
        if (len > PeArpDnsMessage::MAX_LABEL_LENGTH || !has(len) ||
            wire > PeArpDnsMessage::MAX_NAME_LENGTH)
        {
            return std::nullopt; // a pointer, a reserved label type, truncated or too long
        }
        if (!algorithm.empty())
        {
            algorithm += '.';
        }
        algorithm += PeArpDnsMessage::EscapeLabel(d.data() + p, len);
        p += len;
    }
    tsig.algorithm = algorithm;
    if (!has(10))
    {
        return std::nullopt;
    }
    tsig.timeSigned = 0;
    for (int k = 0; k < 6; k++)
    {
        tsig.timeSigned = (tsig.timeSigned << 8) | d[p + k];
    }
    tsig.fudge = u16(p + 6);
    uint16_t macSize = u16(p + 8);
    p += 10;
    if (!has(macSize))
    {
        NS_LOG_LOGIC("TSIG MAC size " << macSize << " beyond the RDATA");
        return std::nullopt;
    }
    tsig.mac.assign(d.begin() + p, d.begin() + p + macSize);
    p += macSize;
    if (!has(6))
    {
        return std::nullopt;
    }
    tsig.originalId = u16(p);
    tsig.error = u16(p + 2);
    uint16_t otherLen = u16(p + 4);
    p += 6;
    if (!has(otherLen))
    {
        return std::nullopt;
    }
    tsig.otherData.assign(d.begin() + p, d.begin() + p + otherLen);
    p += otherLen;
    if (p != d.size())
    {
        return std::nullopt; // bytes left over
    }
    return tsig;
}

std::vector<uint8_t>
PeArpDnsTsig::Variables(const Record& tsig)
{
    std::vector<uint8_t> out = CanonicalName(tsig.keyName);
    PutU16(out, PeArpDnsMessage::CLASS_ANY);
    PutU16(out, 0); // TTL, 32 bits
    PutU16(out, 0);
    Append(out, CanonicalName(tsig.algorithm));
    PutU48(out, tsig.timeSigned);
    PutU16(out, tsig.fudge);
    PutU16(out, tsig.error);
    PutU16(out, static_cast<uint16_t>(tsig.otherData.size()));
    Append(out, tsig.otherData);
    return out;
}

std::vector<uint8_t>
PeArpDnsTsig::ComputeMac(const std::vector<uint8_t>& secret,
                         const std::vector<uint8_t>& message,
                         const Record& tsig,
                         const std::optional<std::vector<uint8_t>>& requestMac)
{
    std::vector<uint8_t> input;
    if (requestMac)
    {
        // RFC 8945 section 4.3.1: a response's MAC covers the request's.
        PutU16(input, static_cast<uint16_t>(requestMac->size()));
        Append(input, *requestMac);
    }
    Append(input, message);
    Append(input, Variables(tsig));
    return PeArpHmacSha256::Compute(secret, input);
}

std::vector<uint8_t>
PeArpDnsTsig::ToBytes(const PeArpDnsMessage& message)
{
    Buffer buffer;
    buffer.AddAtStart(message.GetSerializedSize());
    message.Serialize(buffer.Begin());
    std::vector<uint8_t> out(buffer.GetSize());
    buffer.CopyData(out.data(), out.size());
    return out;
}

PeArpDnsMessage
PeArpDnsTsig::Sign(const PeArpDnsMessage& message,
                   const std::string& keyName,
                   const std::vector<uint8_t>& secret,
                   uint64_t timeSigned,
                   uint16_t fudge,
                   const std::optional<std::vector<uint8_t>>& requestMac,
                   uint16_t error,
                   const std::vector<uint8_t>& otherData)
{
    NS_LOG_FUNCTION(keyName << timeSigned << fudge << error);
    NS_ABORT_MSG_IF(timeSigned > MAX_TIME, "PeArpDnsTsig::Sign: time beyond 48 bits");
    NS_ABORT_MSG_UNLESS(PeArpDnsMessage::IsValidName(keyName) && !keyName.empty(),
                        "PeArpDnsTsig::Sign: invalid key name '" << keyName << "'");
    Record tsig;
    tsig.keyName = keyName;
    tsig.timeSigned = timeSigned;
    tsig.fudge = fudge;
    tsig.originalId = message.GetId();
    tsig.error = error;
    tsig.otherData = otherData;
    tsig.mac = ComputeMac(secret, ToBytes(message), tsig, requestMac);
    PeArpDnsMessage out = message;
    out.AddAdditional(ToResourceRecord(tsig));
    return out;
}

PeArpDnsTsig::Verification
PeArpDnsTsig::Verify(const std::vector<uint8_t>& wire,
                     const PeArpDnsMessage& parsed,
                     const KeyRing& keys,
                     uint64_t now,
                     const std::optional<std::vector<uint8_t>>& requestMac)
{
    NS_LOG_FUNCTION(wire.size() << now);
    Verification v;
    auto isTsig = [](const PeArpDnsMessage::ResourceRecord& rr) {
        return rr.type == PeArpDnsMessage::TYPE_TSIG;
    };
    const auto& additional = parsed.GetAdditional();
    size_t inAdditional = std::count_if(additional.begin(), additional.end(), isTsig);
    bool elsewhere =
        std::any_of(parsed.GetAnswers().begin(), parsed.GetAnswers().end(), isTsig) ||
        std::any_of(parsed.GetAuthority().begin(), parsed.GetAuthority().end(), isTsig);
    if (inAdditional == 0 && !elsewhere)
    {
        v.outcome = UNSIGNED;
        return v;
    }
    // RFC 8945 section 5.2: one TSIG RR, the last record.
    if (elsewhere || inAdditional > 1 || !isTsig(additional.back()))
    {
        NS_LOG_LOGIC("TSIG RR misplaced");
        v.outcome = FORMERR;
        return v;
    }
    std::optional<Record> tsig = FromResourceRecord(additional.back());
    if (!tsig)
    {
        v.outcome = FORMERR;
        return v;
    }
    v.tsig = *tsig;
    uint32_t offset = parsed.GetLastAdditionalOffset();
    if (offset < PeArpDnsMessage::HEADER_SIZE || offset > wire.size())
    {
        v.outcome = FORMERR; // the bytes are not the ones parsed
        return v;
    }
    auto key = keys.find(KeyRingName(tsig->keyName));
    if (key == keys.end() || !PeArpDnsMessage::NamesEqual(tsig->algorithm, ALGORITHM))
    {
        NS_LOG_LOGIC("unknown key '" << tsig->keyName << "' or algorithm '" << tsig->algorithm
                                     << "'");
        v.outcome = BADKEY;
        return v;
    }
    // RFC 8945 section 5.2.2.1: longer than the hash, or shorter than half of
    // it (and 10 bytes), is FORMERR; this model accepts only full-length MACs.
    if (tsig->mac.size() > MAC_SIZE || tsig->mac.size() < MAC_SIZE / 2)
    {
        v.outcome = FORMERR;
        return v;
    }
    if (tsig->mac.size() < MAC_SIZE)
    {
        v.outcome = BADTRUNC;
        return v;
    }
    std::vector<uint8_t> message(wire.begin(), wire.begin() + offset);
    message[0] = static_cast<uint8_t>(tsig->originalId >> 8);
    message[1] = static_cast<uint8_t>(tsig->originalId);
    uint16_t arcount = static_cast<uint16_t>(((message[10] << 8) | message[11]) - 1);
    message[10] = static_cast<uint8_t>(arcount >> 8);
    message[11] = static_cast<uint8_t>(arcount);
    std::vector<uint8_t> expected = ComputeMac(key->second, message, *tsig, requestMac);
    if (!PeArpHmacSha256::Equal(expected, tsig->mac))
    {
        v.outcome = BADSIG;
        return v;
    }
    uint64_t skew = now > tsig->timeSigned ? now - tsig->timeSigned : tsig->timeSigned - now;
    if (skew > tsig->fudge)
    {
        NS_LOG_LOGIC("time signed " << tsig->timeSigned << " is " << skew << " s from " << now);
        v.outcome = BADTIME;
        return v;
    }
    v.outcome = VERIFIED;
    return v;
}

} // namespace ns3
