/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-ethers.h"

#include "ns3/log.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-interface.h"

#include <fstream>
#include <regex>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpEthers");

PeArpEthers::Result
PeArpEthers::Parse(const std::string& text)
{
    static const std::regex line(
        "\\s*([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5})\\s+([0-9]{1,3}(?:\\.[0-9]{1,3}){3})"
        "(?::([0-9]{1,5})-([0-9]{1,5}))?\\s*");
    Result result;
    std::istringstream in(text);
    std::string raw;
    uint32_t number = 0;
    while (std::getline(in, raw))
    {
        number++;
        std::string content = raw.substr(0, raw.find('#'));
        if (content.find_first_not_of(" \t\r") == std::string::npos)
        {
            continue;
        }
        std::smatch m;
        auto fail = [&](const std::string& why) {
            result.entries.clear();
            result.error = "line " + std::to_string(number) + ": " + why + ": '" + raw + "'";
            return result;
        };
        if (!std::regex_match(content, m, line))
        {
            return fail("expected 'MAC ADDRESS[:LOW-HIGH]'");
        }
        std::istringstream ip(m[2].str());
        uint32_t a = 0;
        for (int k = 0; k < 4; k++)
        {
            uint32_t octet = 0;
            char dot = 0;
            ip >> octet;
            if (k < 3)
            {
                ip >> dot;
            }
            if (octet > 255)
            {
                return fail("address octet " + std::to_string(octet) + " > 255");
            }
            a = (a << 8) | octet;
        }
        Entry e;
        e.mac = Mac48Address(m[1].str().c_str());
        e.address = Ipv4Address(a);
        e.line = number;
        if (m[3].matched)
        {
            unsigned long low = std::stoul(m[3].str());
            unsigned long high = std::stoul(m[4].str());
            if (low == 0 || high > 65535 || low > high)
            {
                return fail("range " + m[3].str() + "-" + m[4].str() +
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
