/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp-tests
 * \brief libFuzzer harness of PeArpEthers::Parse, the static-entries file
 * (lines "MAC ADDRESS[:LOW-HIGH]", '#' comments).
 *
 * A differential check: every input is also parsed by a reference parser
 * written here from the format alone (two fields; a MAC of six pairs of hex
 * digits joined by ':'; a dotted quad of 1-3 digit octets <= 255; an
 * optional ':LOW-HIGH' of 1-5 digit numbers with 1 <= LOW <= HIGH <= 65535).
 * Both must accept the same texts with the same entries (MAC, address,
 * range, line), and refuse the same ones at the same line, with no entries
 * and a message naming that line.
 */

#include "pe-arp-fuzz.h"

#include "ns3/pe-arp-ethers.h"

#include <cstring>
#include <string>
#include <vector>

using namespace ns3;

namespace
{

/** An entry as the reference parser reads it. */
struct Expected
{
    uint8_t mac[6];   //!< hardware address
    uint32_t address; //!< IPv4 address
    uint16_t low;     //!< first port (0: all)
    uint16_t high;    //!< last port (0: all)
    uint32_t line;    //!< line number
};

/**
 * \param c a character
 * \return true if operator>> of a C-locale stream skips it
 */
bool
IsSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/**
 * \param c a character
 * \return its value as a hex digit, or -1
 */
int
Hex(char c)
{
    if (c >= '0' && c <= '9')
    {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f')
    {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F')
    {
        return c - 'A' + 10;
    }
    return -1;
}

/**
 * Read 1 to `most` decimal digits at text[pos].
 * \param text a field
 * \param pos where; moved past the digits
 * \param most most digits
 * \return the number, or -1 without a digit
 */
long
Digits(const std::string& text, size_t& pos, size_t most)
{
    size_t n = 0;
    long value = 0;
    while (pos < text.size() && n < most && text[pos] >= '0' && text[pos] <= '9')
    {
        value = value * 10 + (text[pos++] - '0');
        n++;
    }
    return n == 0 ? -1 : value;
}

/**
 * \param line a line without its comment
 * \param e the entry (line number set by the caller)
 * \return 0: blank; 1: an entry; -1: an error
 */
int
ParseLine(const std::string& line, Expected& e)
{
    std::vector<std::string> fields;
    size_t i = 0;
    while (i < line.size())
    {
        while (i < line.size() && IsSpace(line[i]))
        {
            i++;
        }
        size_t start = i;
        while (i < line.size() && !IsSpace(line[i]))
        {
            i++;
        }
        if (i > start)
        {
            fields.emplace_back(line.substr(start, i - start));
        }
    }
    if (fields.empty())
    {
        return 0;
    }
    if (fields.size() != 2 || fields[0].size() != 17)
    {
        return -1;
    }
    for (int k = 0; k < 6; k++)
    {
        int hi = Hex(fields[0][3 * k]);
        int lo = Hex(fields[0][3 * k + 1]);
        if (hi < 0 || lo < 0 || (k < 5 && fields[0][3 * k + 2] != ':'))
        {
            return -1;
        }
        e.mac[k] = static_cast<uint8_t>(hi * 16 + lo);
    }
    const std::string& where = fields[1];
    size_t pos = 0;
    e.address = 0;
    for (int k = 0; k < 4; k++)
    {
        long octet = Digits(where, pos, 3);
        if (octet < 0 || octet > 255)
        {
            return -1;
        }
        e.address = (e.address << 8) | static_cast<uint32_t>(octet);
        if (k < 3 && (pos >= where.size() || where[pos++] != '.'))
        {
            return -1;
        }
    }
    e.low = 0;
    e.high = 0;
    if (pos == where.size())
    {
        return 1;
    }
    if (where[pos++] != ':')
    {
        return -1;
    }
    long low = Digits(where, pos, 5);
    if (low < 0 || pos >= where.size() || where[pos++] != '-')
    {
        return -1;
    }
    long high = Digits(where, pos, 5);
    if (high < 0 || pos != where.size() || low < 1 || low > high || high > 65535)
    {
        return -1;
    }
    e.low = static_cast<uint16_t>(low);
    e.high = static_cast<uint16_t>(high);
    return 1;
}

} // namespace

extern "C" int
LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 8192)
    {
        return 0;
    }
    std::string text(reinterpret_cast<const char*>(data), size);
    PeArpEthers::Result result = PeArpEthers::Parse(text);

    std::vector<Expected> expected;
    uint32_t badLine = 0;
    uint32_t number = 0;
    size_t start = 0;
    while (start < text.size() && badLine == 0)
    {
        size_t end = text.find('\n', start);
        std::string line = text.substr(start, end == std::string::npos ? end : end - start);
        start = end == std::string::npos ? text.size() : end + 1;
        number++;
        Expected e{};
        e.line = number;
        int got = ParseLine(line.substr(0, line.find('#')), e);
        if (got < 0)
        {
            badLine = number;
        }
        else if (got > 0)
        {
            expected.push_back(e);
        }
    }

    if (badLine != 0)
    {
        std::string prefix = "line " + std::to_string(badLine) + ": ";
        PEARP_FUZZ_CHECK(result.error.compare(0, prefix.size(), prefix) == 0);
        PEARP_FUZZ_CHECK(result.entries.empty());
        return 0;
    }
    PEARP_FUZZ_CHECK(result.error.empty());
    PEARP_FUZZ_CHECK(result.entries.size() == expected.size());
    for (size_t k = 0; k < expected.size(); k++)
    {
        const PeArpEthers::Entry& got = result.entries[k];
        const Expected& want = expected[k];
        uint8_t mac[6];
        got.mac.CopyTo(mac);
        PEARP_FUZZ_CHECK(std::memcmp(mac, want.mac, 6) == 0);
        PEARP_FUZZ_CHECK(got.address.Get() == want.address);
        PEARP_FUZZ_CHECK(got.range.GetLow() == want.low && got.range.GetHigh() == want.high);
        PEARP_FUZZ_CHECK(got.line == want.line);
    }
    return 0;
}
