/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PE-ARP router deployment (PE-ARP paper, Figure 4), generalized.
 *
 *                                            198.108.63.0/24 (site 0)
 *   inet ---- p2p ---- core ---- p2p ---- router .1 ===== CSMA LAN =====
 *   (BulkSend clients,          (more sites    (PE-ARP)    |     |     |
 *    UDP echo server)            alike)                    A     B     C
 *                                                  198.108.63.2 shared by A, B, C
 *                                                  A: 2000-2999  B: 3000-3999
 *                                                  C: 4000-4999
 *
 * Hosts A, B, C share one public address and each owns a port range. The
 * edge router resolves (address, port) with PE-ARP. Every host receives a
 * TCP transfer from the Internet on the first port of its range and makes
 * one UDP echo exchange with an Internet server.
 *
 * Output: the router's PE-ARP table (like the paper's `arp -n`, Figure 3),
 * a per-host table, totals, results/pe-arp-router-hosts.csv and, with
 * --pcap, results/pe-arp-router-<node>-<device>.pcap.
 *
 *   ./pearp run pe-arp-router --hosts=12 --sharedIps=2 --portsPerHost=500 --pcap
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/network-module.h"
#include "ns3/pe-arp-module.h"

#include <filesystem>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpRouterExample");

int
main(int argc, char* argv[])
{
    PeArpScenario::Config config;
    uint32_t hosts = config.hostsPerSite;
    std::string resolver = "pe-arp";
    std::string lan = "csma";
    bool pcap = false;
    bool verbose = false;
    bool check = false;
    uint32_t seed = 1;
    uint32_t run = 1;
    uint32_t maxRows = 50;
    std::string outDir = "results";

    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "Hosts per site (LAN)", hosts);
    cmd.AddValue("sites", "Number of sites, each a LAN behind its own router", config.sites);
    cmd.AddValue("sharedIps", "Shared addresses per site", config.sharedIps);
    cmd.AddValue("portsPerHost", "Ports in each host's range", config.portsPerHost);
    cmd.AddValue("firstPort", "First port of the first range", config.firstPort);
    cmd.AddValue("resolver",
                 "pe-arp (shared addresses) or stock (ns-3 ARP, one address per host)",
                 resolver);
    cmd.AddValue("lan",
                 "LAN layout: csma (one segment) or switched (bridge, a link per host)",
                 lan);
    cmd.AddValue("tcpBytes", "Bytes sent to each host over TCP", config.tcpBytes);
    cmd.AddValue("spread", "Starts are spread over this many seconds", config.spread);
    cmd.AddValue("pcap", "Write pcap files of site 0 under --outDir", pcap);
    cmd.AddValue("verbose", "Log PE-ARP decisions", verbose);
    cmd.AddValue("progress", "Print progress to stderr", config.progress);
    cmd.AddValue("seed", "Random seed", seed);
    cmd.AddValue("run", "Random run number", run);
    cmd.AddValue("maxRows", "Rows of the printed per-host table (0: all)", maxRows);
    cmd.AddValue("outDir", "Directory for CSV and pcap files", outDir);
    cmd.AddValue("check",
                 "Exit with status 1 unless every host got its bytes and echo reply "
                 "and no packet reached a wrong host",
                 check);
    cmd.Parse(argc, argv);
    config.hostsPerSite = hosts;

    if (!PeArpScenario::ParseResolver(resolver, config.resolver) ||
        !PeArpScenario::ParseLan(lan, config.lan))
    {
        std::cerr << "error: --resolver must be pe-arp or stock, --lan csma or switched"
                  << std::endl;
        return 2;
    }
    if (verbose)
    {
        LogComponentEnable("PeArpL3Protocol", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpNetDevice", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpCache", LOG_LEVEL_LOGIC);
        LogComponentEnableAll(LOG_PREFIX_TIME);
        LogComponentEnableAll(LOG_PREFIX_NODE);
    }
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);

    PeArpScenario scenario(config);
    std::string why;
    if (!scenario.Validate(why))
    {
        std::cerr << "error: " << why << std::endl;
        return 2;
    }
    std::filesystem::create_directories(outDir);
    scenario.Build();
    if (pcap)
    {
        CsmaHelper csma;
        NetDeviceContainer site0;
        for (uint32_t i = 0; i <= config.hostsPerSite; i++)
        {
            site0.Add(scenario.GetLinkDevices().Get(i));
        }
        csma.EnablePcap(outDir + "/pe-arp-router", site0);
    }

    std::cout << "PE-ARP router scenario: " << config.sites << " site(s) x " << config.hostsPerSite
              << " hosts, resolver " << resolver << ", LAN " << lan;
    if (config.resolver == PeArpScenario::PE_ARP)
    {
        std::cout << ", " << config.sharedIps << " shared address(es) per site, "
                  << config.portsPerHost << " ports per host";
    }
    std::cout << ", seed " << seed << " run " << run << std::endl << std::endl;

    scenario.Run();

    std::cout << "Router of site 0, LAN table (arp -n):" << std::endl;
    if (config.resolver == PeArpScenario::PE_ARP)
    {
        PeArpHelper::PrintTable(scenario.GetRouterLanDevices().Get(0), std::cout);
    }
    else
    {
        std::cout << "(stock ns-3 ARP: see ArpCache, not printed)" << std::endl;
    }
    std::cout << std::endl << "Hosts:" << std::endl;
    scenario.PrintHostTable(std::cout, maxRows);

    const PeArpScenario::Totals& totals = scenario.GetTotals();
    uint32_t n = static_cast<uint32_t>(scenario.GetHostResults().size());
    std::cout << std::endl
              << "TCP bytes received: " << totals.rxBytes << " of " << totals.expectedBytes
              << std::endl
              << "UDP echo replies:   " << totals.echoReplies << " of " << (config.udpEcho ? n : 0)
              << std::endl
              << "wrong-host packets: " << totals.wrongHostPackets << std::endl
              << "ARP frames sent:    " << totals.arpFrames
              << " (PE-ARP requests by routers: " << totals.peArpRequests << ")" << std::endl
              << "PE-ARP drops:       " << totals.drops;
    for (uint32_t r = 0; r < PeArpL3Protocol::DROP_REASON_COUNT; r++)
    {
        if (totals.dropsByReason[r] > 0)
        {
            std::cout << " " << static_cast<PeArpL3Protocol::DropReason>(r) << "="
                      << totals.dropsByReason[r];
        }
    }
    std::cout << std::endl << "events:             " << totals.events << std::endl;

    std::string csv = outDir + "/pe-arp-router-hosts.csv";
    if (!scenario.WriteHostCsv(csv))
    {
        std::cerr << "error: cannot write " << csv << std::endl;
        Simulator::Destroy();
        return 1;
    }
    std::cout << "per-host results: " << csv << std::endl;
    Simulator::Destroy();

    bool ok = totals.rxBytes == totals.expectedBytes && totals.wrongHostPackets == 0 &&
              (!config.udpEcho || totals.echoReplies == n);
    if (check)
    {
        std::cout << (ok ? "CHECK PASSED" : "CHECK FAILED") << std::endl;
        return ok ? 0 : 1;
    }
    return 0;
}
