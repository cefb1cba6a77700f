/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpDnsMessage::Deserialize and Parse (names
 * with compression pointers, A, SRV and opaque records, UPDATE sections).
 *
 * Checks: Parse and Deserialize agree; an accepted message holds only valid
 * names, re-serializes (uncompressed) to a message that parses again to the
 * same sections, and that serialization is stable byte for byte.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-dns-message.h"

#include <sstream>

using namespace ns3;
using namespace ns3::fuzz;

namespace
{

/**
 * \param a a record
 * \param b another
 * \return true if every field Serialize writes is the same
 */
bool
SameRecord(const PeArpDnsMessage::ResourceRecord& a, const PeArpDnsMessage::ResourceRecord& b)
{
    return a.name == b.name && a.type == b.type && a.rrClass == b.rrClass && a.ttl == b.ttl &&
           a.hasRdata == b.hasRdata && a.address == b.address && a.priority == b.priority &&
           a.weight == b.weight && a.port == b.port && a.target == b.target && a.rdata == b.rdata;
}

/**
 * \param a a section
 * \param b another
 * \return true if they hold the same records
 */
bool
SameSection(const std::vector<PeArpDnsMessage::ResourceRecord>& a,
            const std::vector<PeArpDnsMessage::ResourceRecord>& b)
{
    if (a.size() != b.size())
    {
        return false;
    }
    for (size_t k = 0; k < a.size(); k++)
    {
        if (!SameRecord(a[k], b[k]) || !a[k].SameData(b[k]))
        {
            return false;
        }
    }
    return true;
}

/**
 * \param a a message
 * \param b another
 * \return true if header and sections are the same
 */
bool
Same(const PeArpDnsMessage& a, const PeArpDnsMessage& b)
{
    if (a.GetId() != b.GetId() || a.GetFlags() != b.GetFlags() ||
        a.GetQuestions().size() != b.GetQuestions().size())
    {
        return false;
    }
    for (size_t k = 0; k < a.GetQuestions().size(); k++)
    {
        const auto& x = a.GetQuestions()[k];
        const auto& y = b.GetQuestions()[k];
        if (x.name != y.name || x.type != y.type || x.qclass != y.qclass)
        {
            return false;
        }
    }
    return SameSection(a.GetAnswers(), b.GetAnswers()) &&
           SameSection(a.GetAuthority(), b.GetAuthority()) &&
           SameSection(a.GetAdditional(), b.GetAdditional());
}

/**
 * The name helpers the server applies to names it received.
 * \param name a name read from the wire
 * \param zone another
 */
void
CheckName(const std::string& name, const std::string& zone)
{
    PEARP_FUZZ_CHECK(PeArpDnsMessage::IsValidName(name));
    PEARP_FUZZ_CHECK(PeArpDnsMessage::NamesEqual(name, name));
    PEARP_FUZZ_CHECK(PeArpDnsMessage::IsInZone(name, name));
    PEARP_FUZZ_CHECK(PeArpDnsMessage::IsInZone(name, ""));
    PeArpDnsMessage::IsInZone(name, zone);
    uint32_t wire = 1;
    for (const auto& label : PeArpDnsMessage::SplitName(name))
    {
        PEARP_FUZZ_CHECK(!label.empty() && label.size() <= PeArpDnsMessage::MAX_LABEL_LENGTH);
        wire += label.size() + 1;
    }
    PEARP_FUZZ_CHECK(wire <= PeArpDnsMessage::MAX_NAME_LENGTH);
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 65535)
    {
        return 0; // a DNS message over UDP or TCP
    }
    PeArpDnsMessage direct;
    uint32_t parsed = direct.Parse(data, static_cast<uint32_t>(size));
    PeArpDnsMessage::ParseErrorToString(direct.GetParseError());

    Ptr<Packet> packet = MakePacket(data, size);
    PeArpDnsMessage message;
    uint32_t consumed = packet->PeekHeader(message);
    PEARP_FUZZ_CHECK(consumed == parsed);
    PEARP_FUZZ_CHECK(message.GetParseError() == direct.GetParseError());
    std::ostringstream text;
    message.Print(text);
    if (message.GetParseError() != PeArpDnsMessage::PARSE_OK)
    {
        PEARP_FUZZ_CHECK(consumed == 0);
        PEARP_FUZZ_CHECK(message.GetQuestions().empty() && message.GetAnswers().empty());
        return 0;
    }
    PEARP_FUZZ_CHECK(consumed >= PeArpDnsMessage::HEADER_SIZE && consumed <= size);
    PEARP_FUZZ_CHECK(Same(message, direct));
    std::string zone = message.GetQuestions().empty() ? "" : message.GetQuestions()[0].name;
    for (const auto& q : message.GetQuestions())
    {
        CheckName(q.name, zone);
    }
    for (const auto* section :
         {&message.GetAnswers(), &message.GetAuthority(), &message.GetAdditional()})
    {
        for (const auto& rr : *section)
        {
            CheckName(rr.name, zone);
            if (rr.type == PeArpDnsMessage::TYPE_SRV && rr.hasRdata)
            {
                CheckName(rr.target, zone);
            }
            std::ostringstream record;
            record << rr;
        }
    }

    std::vector<uint8_t> bytes = Bytes(message);
    PeArpDnsMessage again;
    PEARP_FUZZ_CHECK(again.Parse(bytes.data(), static_cast<uint32_t>(bytes.size())) ==
                     bytes.size());
    PEARP_FUZZ_CHECK(again.GetParseError() == PeArpDnsMessage::PARSE_OK);
    PEARP_FUZZ_CHECK(Same(message, again));
    PEARP_FUZZ_CHECK(Bytes(again) == bytes);
    return 0;
}
