/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * One benchmark run: the router deployment of pe-arp-router or the bridge
 * deployment of pe-arp-bridge (see there for the topologies) with either
 * resolver, printing one machine-readable line:
 *
 *   RESULT deployment=router hosts=10000 resolver=pe-arp learn_from_request=1
 *          config_s=... run_s=... wall_s=... events=... peak_rss_kb=...
 *          arp_frames=... rx_bytes=... expected_bytes=... ...
 *
 * config_s is the wall-clock time of building the topology and applications
 * (PeArpScenario::Build and connecting PeArpStatistics), run_s that of
 * running it (Simulator::Run and PeArpStatistics::Collect), wall_s the whole process up to
 * the RESULT line; config_cpu_s and run_cpu_s are the process CPU time of
 * the same two steps (less sensitive to other load on the machine than wall
 * time). Peak memory is the process' maximum resident set size,
 * so each configuration needs its own process: utils/pe-arp-bench.py
 * (./pearp bench) runs them and compares.
 *
 * --learnFromRequest=false sets ns3::PeArpL3Protocol::LearnFromRequest on
 * every node: PE-ARP then resolves as ns-3's stock ARP does (no learning
 * from requests), so that the comparison with --resolver=stock measures
 * port awareness alone.
 *
 *   ./pearp run pe-arp-bench --hosts=1000 --resolver=stock
 *   ./pearp run pe-arp-bench --hosts=1000 --learnFromRequest=false
 */

#include "pe-arp-scenario-example.h"

#include "ns3/boolean.h"
#include "ns3/core-module.h"
#include "ns3/pe-arp-module.h"

#include <chrono>
#include <ctime>
#include <iostream>
#include <sys/resource.h>

using namespace ns3;

int
main(int argc, char* argv[])
{
    using Clock = std::chrono::steady_clock;
    auto seconds = [](Clock::time_point from, Clock::time_point to) {
        return std::chrono::duration<double>(to - from).count();
    };
    auto wallStart = Clock::now();
    uint32_t hosts = 1000;
    uint32_t hostsPerSite = 100;
    uint32_t sharedIps = 1;
    uint32_t portsPerHost = 600;
    std::string resolver = "pe-arp";
    std::string lan = "switched";
    std::string deployment = "router";
    double spread = 1.0;
    bool progress = false;
    bool check = false;
    bool learnFromRequest = true;
    uint32_t seed = 1;

    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "Hosts in all", hosts);
    cmd.AddValue("hostsPerSite",
                 "Hosts per site (LAN); sites = hosts / hostsPerSite",
                 hostsPerSite);
    cmd.AddValue("sharedIps", "Shared addresses per site (PE-ARP)", sharedIps);
    cmd.AddValue("portsPerHost", "Ports per host (PE-ARP)", portsPerHost);
    cmd.AddValue("resolver", "pe-arp or stock", resolver);
    cmd.AddValue("lan", "csma or switched", lan);
    cmd.AddValue("deployment", "router (PE-ARP edge router) or bridge (PE-Bridge)", deployment);
    cmd.AddValue("spread", "Starts are spread over this many seconds", spread);
    cmd.AddValue("learnFromRequest",
                 "PE-ARP nodes learn the requester from a request (the paper); false: "
                 "as ns-3's stock ARP (ns3::PeArpL3Protocol::LearnFromRequest)",
                 learnFromRequest);
    cmd.AddValue("progress", "Print progress to stderr", progress);
    cmd.AddValue("seed", "Random seed", seed);
    cmd.AddValue("check",
                 "Exit with status 1 unless every byte and echo arrived, no packet reached a "
                 "wrong host and nothing was dropped",
                 check);
    cmd.Parse(argc, argv);

    if (hosts == 0 || hostsPerSite == 0)
    {
        std::cerr << "error: --hosts and --hostsPerSite must be at least 1" << std::endl;
        return 2;
    }
    PeArpScenario::Config config;
    config.hostsPerSite = std::min(hosts, hostsPerSite);
    config.sites = hosts / config.hostsPerSite;
    config.sharedIps = sharedIps;
    config.portsPerHost = portsPerHost;
    config.spread = spread;
    if (hosts % config.hostsPerSite != 0 || !pearp::ParseResolver(resolver, config.resolver) ||
        !pearp::ParseDeployment(deployment, config.deployment) || !pearp::ParseLan(lan, config.lan))
    {
        std::cerr
            << "error: --hosts must be a multiple of --hostsPerSite; --resolver pe-arp|stock; "
               "--lan csma|switched; --deployment router|bridge"
            << std::endl;
        return 2;
    }
    RngSeedManager::SetSeed(seed);
    Config::SetDefault("ns3::PeArpL3Protocol::LearnFromRequest", BooleanValue(learnFromRequest));
    PeArpScenario scenario(config);
    std::string why = scenario.Validate();
    if (!why.empty())
    {
        std::cerr << "error: " << why << std::endl;
        return 2;
    }
    auto buildStart = Clock::now();
    std::clock_t buildCpu = std::clock();
    scenario.Build();
    PeArpStatistics statistics(scenario, false);
    std::unique_ptr<pearp::Progress> progressPrinter;
    if (progress)
    {
        progressPrinter = std::make_unique<pearp::Progress>(scenario.GetStopTime());
    }
    auto runStart = Clock::now();
    std::clock_t runCpu = std::clock();
    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();
    statistics.Collect();
    auto runEnd = Clock::now();
    std::clock_t runEndCpu = std::clock();
    auto cpuSeconds = [](std::clock_t from, std::clock_t to) {
        return static_cast<double>(to - from) / CLOCKS_PER_SEC;
    };
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    const PeArpStatistics::Totals& t = statistics.GetTotals();
    std::cout << "RESULT deployment=" << deployment << " hosts=" << hosts
              << " sites=" << config.sites << " lan=" << lan << " resolver=" << resolver
              << " learn_from_request=" << (learnFromRequest ? 1 : 0)
              << " config_s=" << seconds(buildStart, runStart)
              << " run_s=" << seconds(runStart, runEnd) << " wall_s=" << seconds(wallStart, runEnd)
              << " config_cpu_s=" << cpuSeconds(buildCpu, runCpu)
              << " run_cpu_s=" << cpuSeconds(runCpu, runEndCpu) << " events=" << t.events
              << " peak_rss_kb=" << usage.ru_maxrss << " arp_frames=" << t.arpFrames
              << " rx_bytes=" << t.rxBytes << " expected_bytes=" << t.expectedBytes
              << " echo_replies=" << t.echoReplies << " wrong_host_packets=" << t.wrongHostPackets
              << " drops=" << t.drops << std::endl;
    Simulator::Destroy();
    if (check && !(t.AllDelivered() && t.drops == 0))
    {
        std::cout << "CHECK FAILED" << std::endl;
        return 1;
    }
    return 0;
}
