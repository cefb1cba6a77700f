/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * How the cost of a NAT lookup grows with the table (issue 8: "lookup cost
 * does not scan the table"). For each size, the program fills a
 * PeArpNatTable with that many UDP and TCP mappings (half each, EIM), then
 * times a fixed number of inbound lookups (Inbound) and outbound refreshes
 * (Outbound) of random existing mappings, and prints nanoseconds per call.
 * A table that scanned would grow linearly; hash finds stay flat.
 *
 *   ./pearp run pe-arp-nat-lookup
 *   ./pearp run pe-arp-nat-lookup --sizes=10,1000,100000 --calls=1000000
 *
 * Wall-clock figures: run it on a quiet machine, and compare sizes, not
 * machines.
 */

#include "ns3/core-module.h"
#include "ns3/pe-arp-module.h"

#include <chrono>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <vector>

using namespace ns3;

int
main(int argc, char* argv[])
{
    std::string sizes = "10,100,1000,10000,100000";
    uint32_t calls = 500000;
    CommandLine cmd(__FILE__);
    cmd.AddValue("sizes", "comma-separated table sizes (mappings, 1-120000)", sizes);
    cmd.AddValue("calls", "timed calls per size and kind", calls);
    cmd.Parse(argc, argv);

    std::cout << std::setw(10) << "mappings" << std::setw(16) << "inbound ns" << std::setw(16)
              << "outbound ns"
              << "\n";
    std::istringstream list(sizes);
    std::string item;
    while (std::getline(list, item, ','))
    {
        uint32_t n = static_cast<uint32_t>(std::stoul(item));
        if (n < 1 || n > 120000)
        {
            std::cerr << "--sizes: " << n << " is not 1-120000\n";
            return 2;
        }
        Ptr<PeArpNatTable> table = CreateObject<PeArpNatTable>();
        table->SetAttribute("PublicAddress", Ipv4AddressValue("198.51.100.1"));
        table->SetAttribute("MaxSessions", UintegerValue(0));
        table->GetPortAllocator()->SetAttribute("PoolLow", UintegerValue(1024));
        table->GetPortAllocator()->SetAttribute("PoolHigh", UintegerValue(65535));
        Ipv4Address remote("203.0.113.9");

        struct Key
        {
            uint8_t protocol;
            Ipv4Address address;
            uint16_t port;
            uint16_t external;
        };

        std::vector<Key> keys;
        for (uint32_t i = 0; i < n; ++i)
        {
            uint8_t protocol = (i % 2) ? 6 : 17;
            // 1000 private hosts, ports from 10000 upwards
            Ipv4Address address(Ipv4Address("10.0.0.0").Get() + 1 + (i / 2) % 1000);
            auto port = static_cast<uint16_t>(10000 + (i / 2) / 1000);
            PeArpNatTable::Translation t =
                table->Outbound(protocol, address, port, remote, 80, 0x02);
            if (!t.ok)
            {
                std::cerr << "could not create mapping " << i << "\n";
                return 1;
            }
            keys.push_back({protocol, address, port, t.port});
        }
        std::mt19937 rng(1);
        std::uniform_int_distribution<uint32_t> pick(0, n - 1);
        std::vector<uint32_t> order(calls);
        for (auto& o : order)
        {
            o = pick(rng);
        }
        using Clock = std::chrono::steady_clock;
        uint64_t ok = 0;
        auto t0 = Clock::now();
        for (uint32_t k : order)
        {
            ok += table->Inbound(keys[k].protocol, keys[k].external, remote, 80, 0x10).ok;
        }
        auto t1 = Clock::now();
        for (uint32_t k : order)
        {
            ok += table->Outbound(keys[k].protocol, keys[k].address, keys[k].port, remote, 80, 0x10)
                      .ok;
        }
        auto t2 = Clock::now();
        if (ok != 2ULL * calls)
        {
            std::cerr << "a lookup of an existing mapping failed\n";
            return 1;
        }
        double in = std::chrono::duration<double, std::nano>(t1 - t0).count() / calls;
        double out = std::chrono::duration<double, std::nano>(t2 - t1).count() / calls;
        std::cout << std::setw(10) << n << std::setw(16) << std::fixed << std::setprecision(1) << in
                  << std::setw(16) << out << "\n";
        table->Dispose();
        Simulator::Destroy();
    }
    return 0;
}
