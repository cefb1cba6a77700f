/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-ethers.h"

#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-interface.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpEthers");

namespace
{

/**
 * \param text "xx:xx:xx:xx:xx:xx" (hex digits)
 * \return true if it is a MAC-48 in that form
 */
bool
IsMac(const std::string& text)
{
    if (text.size() != 17)
    {
        return false;
    }
    for (size_t i = 0; i < text.size(); i++)
    {
        bool colon = i % 3 == 2;
        if (colon ? text[i] != ':' : !std::isxdigit(static_cast<unsigned char>(text[i])))
        {
            return false;
        }
    }
    return true;
}

/**
 * Read a decimal number of at most `digits` digits.
 * \param text the text
 * \param pos where to start; moved past the digits
 * \param digits most digits
 * \return the number, or -1 if there is no digit
 */
long
ReadNumber(const std::string& text, size_t& pos, size_t digits)
{
    size_t start = pos;
    long value = 0;
    while (pos < text.size() && pos - start < digits &&
           std::isdigit(static_cast<unsigned char>(text[pos])))
    {
        value = value * 10 + (text[pos] - '0');
        pos++;
    }
    return pos == start ? -1 : value;
}

} // namespace

PeArpEthers::Result
PeArpEthers::Parse(const std::string& text)
{
    // By hand, not std::regex: a sanitizer build of the module would export
    // <regex> instances that other ns-3 libraries' static regexes then use.
    Result result;
    std::istringstream in(text);
    std::string raw;
    uint32_t number = 0;
    while (std::getline(in, raw))
    {
        number++;
        std::istringstream fields(raw.substr(0, raw.find('#')));
        std::string mac;
        std::string where;
        std::string extra;
        if (!(fields >> mac))
        {
            continue; // blank or comment
        }
        auto fail = [&](const std::string& why) {
            result.entries.clear();
            result.error = "line " + std::to_string(number) + ": " + why + ": '" + raw + "'";
            return result;
        };
        if (!(fields >> where) || (fields >> extra) || !IsMac(mac))
        {
            return fail("expected 'MAC ADDRESS[:LOW-HIGH]'");
        }
        size_t pos = 0;
        uint32_t a = 0;
        for (int k = 0; k < 4; k++)
        {
            long octet = ReadNumber(where, pos, 3);
            if (octet < 0 || (k < 3 && (pos >= where.size() || where[pos++] != '.')))
            {
                return fail("expected 'MAC ADDRESS[:LOW-HIGH]'");
            }
            if (octet > 255)
            {
                return fail("address octet " + std::to_string(octet) + " > 255");
            }
            a = (a << 8) | static_cast<uint32_t>(octet);
        }
        Entry e;
        e.mac = Mac48Address(mac.c_str());
        e.address = Ipv4Address(a);
        e.line = number;
        if (pos < where.size())
        {
            size_t lowAt = pos + 1;
            size_t p = lowAt;
            long low = where[pos] == ':' ? ReadNumber(where, p, 5) : -1;
            size_t highAt = p + 1;
            long high =
                (low >= 0 && p < where.size() && where[p] == '-') ? ReadNumber(where, ++p, 5) : -1;
            if (low < 0 || high < 0 || p != where.size())
            {
                return fail("expected 'MAC ADDRESS[:LOW-HIGH]'");
            }
            if (low == 0 || high > 65535 || low > high)
            {
                return fail("range " + where.substr(lowAt, highAt - 1 - lowAt) + "-" +
                            where.substr(highAt) +
                            " must be LOW-HIGH with 1 <= LOW <= HIGH <= 65535");
            }
            e.range = PeArpPortRange(static_cast<uint16_t>(low), static_cast<uint16_t>(high));
        }
        result.entries.push_back(e);
    }
    return result;
}

PeArpEthers::Result
PeArpEthers::Read(const std::string& path)
{
    std::ifstream file(path);
    if (!file)
    {
        Result r;
        r.error = "cannot read '" + path + "'";
        return r;
    }
    std::ostringstream text;
    text << file.rdbuf();
    return Parse(text.str());
}

std::string
PeArpEthers::Install(Ptr<NetDevice> device, const std::vector<Entry>& entries)
{
    auto interface = dynamic_cast<PeArpInterface*>(PeekPointer(device));
    NS_ABORT_MSG_UNLESS(interface, "PeArpEthers::Install: not a PE-ARP device");
    for (const Entry& e : entries)
    {
        if (!interface->GetCache()->AddPermanent(e.address, e.range, e.mac))
        {
            std::ostringstream why;
            why << "line " << e.line << ": " << e.address << ":" << e.range << " at " << e.mac
                << " overlaps another static entry";
            return why.str();
        }
    }
    return "";
}

} // namespace ns3
