/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Self-assigned port ranges with conflict detection (PE-ARP paper section
 * II.A: "hosts could even randomly select port ranges and then perform
 * conflict resolution"), done as RFC 5227 does for addresses.
 *
 *   router 198.108.63.1 ===== CSMA LAN ===== H1  H2  ...  Hn
 *                                    all share 198.108.63.2, no range configured
 *
 * Every host draws a block of the shared address at random, probes for it
 * with PE-ARP (requests from 0.0.0.0 carrying the candidate range), picks
 * again when another host answers or probes for an overlapping block, then
 * claims and announces it. For each number of hosts the program reports the
 * convergence time (last claim - start), probes, announcements, conflicts,
 * and checks that the claimed ranges are disjoint.
 *
 *   ./pearp run pe-arp-self-assign --hosts=2,8,32,60 --portsPerHost=1000
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpSelfAssignExample");

namespace
{

/** What one run measured. */
struct Result
{
    uint32_t hosts = 0;         //!< hosts
    uint32_t sets = 0;          //!< sets per address
    uint32_t claimed = 0;       //!< hosts that claimed a range
    double convergence = 0;     //!< last claim - start (s)
    uint32_t probes = 0;        //!< probes sent
    uint32_t announcements = 0; //!< announcements sent
    uint32_t conflicts = 0;     //!< conflicts met
    uint64_t defences = 0;      //!< probes answered by owners
    bool disjoint = true;       //!< claimed ranges are pairwise disjoint
};

/**
 * Run one LAN of n hosts.
 * \param n hosts
 * \param allocator the candidate sets
 * \param verbose print each host's range
 * \return the result
 */
Result
RunLan(uint32_t n, Ptr<PeArpPortSetAllocator> allocator, bool verbose)
{
    Ptr<Node> router = CreateObject<Node>();
    NodeContainer hosts(n);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(router);
    PeArpStackHelper().Install(hosts);
    NetDeviceContainer links = CsmaHelper().Install(NodeContainer(NodeContainer(router), hosts));
    PeArpHelper peArp;
    Ipv4Mask mask("255.255.255.0");
    peArp.Assign(peArp.Install(links.Get(0)), Ipv4InterfaceAddress("198.108.63.1", mask));
    Time start = Seconds(1);
    std::vector<Ptr<PeArpConflictDetector>> detectors;
    for (uint32_t i = 0; i < n; i++)
    {
        Ptr<PeArpNetDevice> device = peArp.Install(links.Get(i + 1));
        peArp.AssignForClaim(device, Ipv4InterfaceAddress("198.108.63.2", mask));
        Ptr<PeArpConflictDetector> detector = CreateObject<PeArpConflictDetector>();
        detector->AssignStreams(1000 + 2 * i);
        detector->Start(device, "198.108.63.2", allocator, start);
        detectors.push_back(detector);
    }
    Simulator::Stop(Seconds(600));
    Simulator::Run();

    Result r;
    r.hosts = n;
    r.sets = allocator->GetHostsPerAddress();
    std::vector<PeArpPortSet> claimed;
    for (uint32_t i = 0; i < n; i++)
    {
        const Ptr<PeArpConflictDetector>& d = detectors[i];
        r.probes += d->GetProbesSent();
        r.announcements += d->GetAnnouncementsSent();
        r.conflicts += d->GetConflicts();
        r.defences += hosts.Get(i)->GetObject<PeArpL3Protocol>()->GetCounters().probesDefended;
        if (d->GetState() == PeArpConflictDetector::CLAIMED)
        {
            r.claimed++;
            r.convergence = std::max(r.convergence, (d->GetClaimTime() - start).GetSeconds());
            for (const PeArpPortSet& other : claimed)
            {
                r.disjoint = r.disjoint && !other.Overlaps(d->GetClaimedPorts());
            }
            claimed.push_back(d->GetClaimedPorts());
        }
        if (verbose)
        {
            std::cout << "  host " << i + 1 << ": " << d->GetClaimedPorts() << " after "
                      << d->GetConflicts() << " conflict(s)" << std::endl;
        }
    }
    Simulator::Destroy();
    return r;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string hostList = "2,4,8,16,32";
    uint32_t portsPerHost = 1000;
    uint32_t firstPort = 2000;
    uint32_t seed = 1;
    bool verbose = false;
    std::string outDir = "results";

    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "Comma-separated numbers of hosts, one run each", hostList);
    cmd.AddValue("portsPerHost", "Ports in each block", portsPerHost);
    cmd.AddValue("firstPort", "First port of the first block", firstPort);
    cmd.AddValue("seed", "Random seed", seed);
    cmd.AddValue("verbose", "Print each host's claimed range", verbose);
    cmd.AddValue("outDir", "Directory for the CSV file", outDir);
    cmd.Parse(argc, argv);
    RngSeedManager::SetSeed(seed);

    Ptr<PeArpPortSetAllocator> allocator = CreateObject<PeArpPortSetAllocator>();
    allocator->SetAttribute("FirstPort", UintegerValue(firstPort));
    allocator->SetAttribute("PortsPerHost", UintegerValue(portsPerHost));
    std::string why = allocator->Validate();
    if (!why.empty())
    {
        std::cerr << "error: " << why << std::endl;
        return 2;
    }
    std::vector<uint32_t> sizes;
    std::stringstream list(hostList);
    for (std::string item; std::getline(list, item, ',');)
    {
        uint32_t n = std::stoul(item);
        if (n == 0 || n > allocator->GetHostsPerAddress())
        {
            std::cerr << "error: " << n << " hosts do not fit in the "
                      << allocator->GetHostsPerAddress() << " blocks of " << portsPerHost
                      << " ports from port " << firstPort << std::endl;
            return 2;
        }
        sizes.push_back(n);
    }

    std::filesystem::create_directories(outDir);
    std::string csv = outDir + "/pe-arp-self-assign.csv";
    std::ofstream out(csv);
    out << "hosts,sets,claimed,convergence_s,probes,announcements,conflicts,defences,disjoint\n";
    std::cout << "Self-assigned ranges of 198.108.63.2: blocks of " << portsPerHost
              << " ports from " << firstPort << ", RFC 5227 timers, seed " << seed << std::endl
              << std::endl
              << std::setw(6) << "hosts" << std::setw(6) << "sets" << std::setw(9) << "claimed"
              << std::setw(14) << "convergence_s" << std::setw(8) << "probes" << std::setw(15)
              << "announcements" << std::setw(11) << "conflicts" << std::setw(10) << "defences"
              << std::setw(10) << "disjoint" << std::endl;
    bool ok = true;
    for (uint32_t n : sizes)
    {
        Result r = RunLan(n, allocator, verbose);
        ok = ok && r.claimed == r.hosts && r.disjoint;
        std::cout << std::setw(6) << r.hosts << std::setw(6) << r.sets << std::setw(9) << r.claimed
                  << std::setw(14) << std::fixed << std::setprecision(2) << r.convergence
                  << std::setw(8) << r.probes << std::setw(15) << r.announcements << std::setw(11)
                  << r.conflicts << std::setw(10) << r.defences << std::setw(10)
                  << (r.disjoint ? "yes" : "NO") << std::endl;
        out << r.hosts << "," << r.sets << "," << r.claimed << "," << r.convergence << ","
            << r.probes << "," << r.announcements << "," << r.conflicts << "," << r.defences << ","
            << (r.disjoint ? 1 : 0) << "\n";
    }
    std::cout << std::endl << "results: " << csv << std::endl;
    return ok ? 0 : 1;
}
