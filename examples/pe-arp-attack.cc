/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp
 * Attacks on a PE-ARP LAN and the defences against them.
 *
 * The paper's Figure 4: hosts A, B and C share 198.108.63.2 (ranges
 * 2000-2999, 3000-3999, 4000-4999) behind a PE-ARP router; the Internet
 * sends each host 200 KB over TCP from 2 s and each host echoes once over
 * UDP. Host C is compromised (or, for the port scan, an Internet host is
 * hostile): from 1 s to the end it attacks, every 0.2 s (the request flood
 * every 1 ms). Every attack runs with its defence off and on; a PeArpWatch
 * on the router's LAN port reports what it sees. Per run:
 *
 *  - wrong-host bytes: bytes of packets delivered to a host that does not
 *    own their port (to the attacker, in a takeover);
 *  - broken flows: victims (A and B; all three hosts for the port scan)
 *    that missed TCP bytes or their echo reply (the compromised host C's
 *    own flows are not counted: a rate limit may cut it off entirely);
 *  - detection: seconds from the attack's start to the watch's first
 *    report other than a new station ("-": never);
 *  - table: the router's PE-ARP table, largest over the run (entries);
 *  - attack frames: forged frames (scan datagrams, DISCOVERs); ARP frames:
 *    all ARP frames sent on the LAN.
 *
 * For the DHCP starvation the hosts lease their sets from the router's DHCP
 * server at 1 s, while C broadcasts a DISCOVER from a new forged MAC every
 * 10 ms from 0.5 s.
 *
 *     ./pearp run pe-arp-attack [--csv=results/pe-arp-attack.csv] [--check]
 */

#include "ns3/command-line.h"
#include "ns3/core-module.h"
#include "ns3/pe-arp-module.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>

using namespace ns3;

namespace
{

/** The attacks. */
enum class Attack
{
    SPOOF_RANGE,
    CLAIM_ALL,
    GRATUITOUS_REPLY,
    STANDARD_POISON,
    POISON_GATEWAY,
    REQUEST_FLOOD,
    PORT_SCAN,
    DHCP_STARVATION,
};

/** The defences. */
enum class Defence
{
    NONE,       //!< the paper's PE-ARP (and, for the scan, an unbounded table)
    INSPECTION, //!< bindings (static hosts) and a per-MAC rate limit, at router and hosts
    STATIC,     //!< static entries from an ethers file (arp -s), router and hosts
    BOUNDED,    //!< the table's bounds (the port scan's defence; the module's defaults)
    OFFER_CAP,  //!< the DHCP server withdraws the oldest of more than 2 pending offers
};

std::string
Name(Attack a)
{
    switch (a)
    {
    case Attack::SPOOF_RANGE:
        return "spoof A's range";
    case Attack::CLAIM_ALL:
        return "claim 1-65535";
    case Attack::GRATUITOUS_REPLY:
        return "gratuitous replies";
    case Attack::STANDARD_POISON:
        return "standard ARP for shared IP";
    case Attack::POISON_GATEWAY:
        return "poison the gateway";
    case Attack::REQUEST_FLOOD:
        return "request flood";
    case Attack::PORT_SCAN:
        return "port scan (Internet)";
    case Attack::DHCP_STARVATION:
        return "DHCP starvation";
    }
    return "?";
}

std::string
Name(Defence d)
{
    switch (d)
    {
    case Defence::NONE:
        return "none";
    case Defence::INSPECTION:
        return "inspection";
    case Defence::STATIC:
        return "static";
    case Defence::BOUNDED:
        return "bounded";
    case Defence::OFFER_CAP:
        return "offer cap";
    }
    return "?";
}

/** What one run measured. */
struct Outcome
{
    uint64_t wrongHostBytes = 0;
    uint32_t brokenFlows = 0;
    double detectionS = -1;
    uint64_t tableMax = 0;
    uint64_t attackFrames = 0;
    uint64_t arpFrames = 0;
    uint64_t refused = 0;
};

const double ATTACK_START = 1.0;

/**
 * Run one attack with one defence.
 * \param attack the attack
 * \param defence the defence
 * \return what was measured
 */
Outcome
Run(Attack attack, Defence defence)
{
    PeArpScenario::Config config;
    config.hostsPerSite = 3;
    config.tcpBytes = 200000;
    config.start = 2.0;
    config.spread = 0.5;
    config.drain = 6.0;
    if (attack == Attack::PORT_SCAN && defence == Defence::NONE)
    {
        // No bounds: one entry and four broadcasts per unowned port.
        Config::SetDefault("ns3::PeArpCache::MaxUnresolvedPerAddress", UintegerValue(65536));
        Config::SetDefault("ns3::PeArpCache::RequestRate", DoubleValue(1e6));
        Config::SetDefault("ns3::PeArpCache::RequestBurst", UintegerValue(65536));
    }
    if (attack == Attack::DHCP_STARVATION)
    {
        // The hosts boot at 1 s and lease RFC 7597 sets (offset 6: 4 sets for
        // 3 hosts); the starvation runs from 0.5 s.
        config.provisioning = PeArpLanBuilder::DHCP;
        config.psidOffset = 6;
        config.provisioningStart = 1.0;
        if (defence == Defence::OFFER_CAP)
        {
            Config::SetDefault("ns3::PeArpDhcpServer::MaxPendingOffers", UintegerValue(2));
        }
    }
    PeArpScenario scenario(config);
    scenario.Build();
    Ptr<NetDevice> routerLan = scenario.GetEdgeDevices().Get(0);
    Ptr<Node> router = routerLan->GetNode();
    Ipv4Address shared("198.108.63.2");
    Ipv4Address gateway("198.108.63.1");
    Mac48Address routerMac = Mac48Address::ConvertFrom(routerLan->GetAddress());
    const NetDeviceContainer& hostDevices = scenario.GetHostLanDevices();

    // The watch on the router's LAN port.
    Ptr<PeArpWatch> watch = CreateObject<PeArpWatch>();
    watch->SetNetwork(Ipv4Address("198.108.63.0"), Ipv4Mask("255.255.255.0"));
    watch->AddSharedAddress(shared);
    watch->Install(scenario.GetSiteLinkDevices(0).Get(0));

    Outcome o;
    Ptr<PeArpArpInspection> routerInspection;
    std::vector<Ptr<PeArpArpInspection>> inspections;
    if (defence == Defence::INSPECTION)
    {
        Ptr<PeArpBindingTable> table = CreateObject<PeArpBindingTable>();
        for (uint32_t i = 0; i < hostDevices.GetN(); i++)
        {
            table->Add(scenario.GetHostAddress(i),
                       PeArpPortSet(scenario.GetHostRange(i)),
                       Mac48Address::ConvertFrom(hostDevices.Get(i)->GetAddress()));
        }
        table->Add(gateway, PeArpPortSet(), routerMac);
        NodeContainer inspected(router);
        inspected.Add(scenario.GetHosts());
        for (uint32_t i = 0; i < inspected.GetN(); i++)
        {
            Ptr<PeArpArpInspection> inspection = CreateObject<PeArpArpInspection>();
            inspection->SetAttribute("RateLimit", DoubleValue(100));
            inspection->SetBindingTable(table);
            inspection->Install(inspected.Get(i));
            inspections.push_back(inspection);
        }
    }
    else if (defence == Defence::STATIC)
    {
        // What an operator writes in /etc/ethers and loads with arp -f.
        std::ostringstream routerEthers;
        routerEthers << "# hosts of 198.108.63.2\n";
        for (uint32_t i = 0; i < hostDevices.GetN(); i++)
        {
            routerEthers << Mac48Address::ConvertFrom(hostDevices.Get(i)->GetAddress()) << " "
                         << scenario.GetHostAddress(i) << ":" << scenario.GetHostRange(i) << "\n";
        }
        PeArpEthers::Result r = PeArpEthers::Parse(routerEthers.str());
        NS_ABORT_MSG_UNLESS(r.error.empty(), r.error);
        std::string why = PeArpEthers::Install(routerLan, r.entries);
        NS_ABORT_MSG_UNLESS(why.empty(), why);
        std::ostringstream hostEthers;
        hostEthers << routerMac << " " << gateway << "   # the gateway\n";
        r = PeArpEthers::Parse(hostEthers.str());
        NS_ABORT_MSG_UNLESS(r.error.empty(), r.error);
        for (uint32_t i = 0; i < hostDevices.GetN(); i++)
        {
            why = PeArpEthers::Install(hostDevices.Get(i), r.entries);
            NS_ABORT_MSG_UNLESS(why.empty(), why);
        }
    }

    // The attacker: host C (index 2), or an Internet host for the scan.
    Ptr<PeArpArpAttacker> attacker;
    Ptr<PeArpPortScanner> scanner;
    Ptr<PeArpDhcpStarver> starver;
    if (attack == Attack::DHCP_STARVATION)
    {
        starver = CreateObject<PeArpDhcpStarver>();
        starver->SetAttribute("Interval", TimeValue(MilliSeconds(10)));
        starver->SetStartTime(Seconds(0.5));
        starver->AssignStreams(1000);
        scenario.GetHosts().Get(2)->AddApplication(starver);
    }
    else if (attack == Attack::PORT_SCAN)
    {
        scanner = CreateObject<PeArpPortScanner>();
        scanner->SetAttribute("Address", Ipv4AddressValue(shared));
        scanner->SetAttribute("Rate", DoubleValue(650));
        scanner->SetStartTime(Seconds(ATTACK_START));
        scenario.GetInternetHosts().Get(0)->AddApplication(scanner);
    }
    else
    {
        attacker = CreateObject<PeArpArpAttacker>();
        attacker->SetAttribute("Count", UintegerValue(0));
        attacker->SetAttribute("Interval", TimeValue(Seconds(0.2)));
        attacker->SetAttribute("Address", Ipv4AddressValue(shared));
        attacker->SetAttribute("Target", Ipv4AddressValue(gateway));
        attacker->SetAttribute("FirstPort", UintegerValue(2000));
        attacker->SetAttribute("LastPort", UintegerValue(2999));
        switch (attack)
        {
        case Attack::SPOOF_RANGE:
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::SPOOF_RANGE));
            break;
        case Attack::CLAIM_ALL:
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::CLAIM_ALL));
            break;
        case Attack::GRATUITOUS_REPLY:
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::GRATUITOUS_REPLY));
            attacker->SetAttribute("TargetMac", Mac48AddressValue(routerMac));
            break;
        case Attack::STANDARD_POISON:
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::STANDARD_POISON));
            break;
        case Attack::POISON_GATEWAY:
            // Tell host A that the gateway's address is at C.
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::POISON_GATEWAY));
            attacker->SetAttribute("Address", Ipv4AddressValue(gateway));
            attacker->SetAttribute("Target", Ipv4AddressValue(shared));
            break;
        case Attack::REQUEST_FLOOD:
            attacker->SetAttribute("Attack", EnumValue(PeArpArpAttacker::REQUEST_FLOOD));
            attacker->SetAttribute("Interval", TimeValue(MilliSeconds(1)));
            break;
        case Attack::PORT_SCAN:
        case Attack::DHCP_STARVATION:
            break;
        }
        attacker->SetStartTime(Seconds(ATTACK_START));
        attacker->AssignStreams(1000);
        scenario.GetHosts().Get(2)->AddApplication(attacker);
    }

    for (uint32_t i = 0; i < hostDevices.GetN(); i++)
    {
        hostDevices.Get(i)->TraceConnectWithoutContext(
            "WrongHostDrop",
            Callback<void, Ptr<const Packet>>(
                [&o](Ptr<const Packet> p) { o.wrongHostBytes += p->GetSize(); }));
    }
    watch->TraceConnectWithoutContext(
        "Report",
        Callback<void, const PeArpWatch::Report&>([&o](const PeArpWatch::Report& r) {
            if (o.detectionS < 0 && r.event != PeArpWatch::NEW_STATION &&
                r.time >= Seconds(ATTACK_START))
            {
                o.detectionS = r.time.GetSeconds() - ATTACK_START;
            }
        }));
    PeArpStatistics statistics(scenario, false);
    statistics.EnableSampling(MilliSeconds(100));
    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();
    statistics.Collect();

    for (const PeArpStatistics::HostResult& h : statistics.GetHostResults())
    {
        bool victim = attack == Attack::PORT_SCAN || h.host != 2;
        o.brokenFlows += (victim && (h.rxBytes < h.expectedBytes || h.echoReplies == 0)) ? 1 : 0;
    }
    for (const PeArpStatistics::Sample& s : statistics.GetSamples())
    {
        o.tableMax = std::max(o.tableMax, s.edgeCacheEntries);
    }
    o.tableMax = std::max(o.tableMax, statistics.GetTotals().edgeCacheEntries);
    o.attackFrames = attacker  ? attacker->GetFramesSent()
                     : scanner ? scanner->GetSent()
                               : starver->GetSent();
    o.arpFrames = statistics.GetTotals().arpFrames;
    for (const Ptr<PeArpArpInspection>& inspection : inspections)
    {
        o.refused +=
            inspection->GetCounters().refusedBinding + inspection->GetCounters().refusedRate;
    }
    for (const Ptr<PeArpArpInspection>& inspection : inspections)
    {
        inspection->Dispose();
    }
    watch->Dispose();
    Simulator::Destroy();
    Config::Reset();
    return o;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string csvPath = "results/pe-arp-attack.csv";
    bool check = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("csv", "CSV file of the results", csvPath);
    cmd.AddValue("check",
                 "Exit with status 1 unless every defence keeps every byte at its host and "
                 "every flow whole, and the undefended takeover is seen to work",
                 check);
    cmd.Parse(argc, argv);

    const std::vector<std::pair<Attack, std::vector<Defence>>> plan = {
        {Attack::SPOOF_RANGE, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::CLAIM_ALL, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::GRATUITOUS_REPLY, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::STANDARD_POISON, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::POISON_GATEWAY, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::REQUEST_FLOOD, {Defence::NONE, Defence::INSPECTION, Defence::STATIC}},
        {Attack::PORT_SCAN, {Defence::NONE, Defence::BOUNDED}},
        {Attack::DHCP_STARVATION, {Defence::NONE, Defence::OFFER_CAP}},
    };
    if (std::filesystem::path(csvPath).has_parent_path())
    {
        std::filesystem::create_directories(std::filesystem::path(csvPath).parent_path());
    }
    std::ofstream csv(csvPath);
    csv << "attack,defence,wrong_host_bytes,broken_flows,detection_s,table_max,attack_frames,"
           "arp_frames,refused\n";
    std::cout << "Attacks on the paper's Figure 4 LAN (A, B, C share 198.108.63.2; C attacks "
                 "from 1 s)"
              << std::endl
              << std::endl
              << std::left << std::setw(27) << "attack" << std::setw(12) << "defence" << std::right
              << std::setw(12) << "wrong-host B" << std::setw(8) << "broken" << std::setw(11)
              << "detect s" << std::setw(7) << "table" << std::setw(10) << "attack fr"
              << std::setw(9) << "ARP fr" << std::setw(9) << "refused" << std::endl;
    bool ok = true;
    std::map<std::pair<Attack, Defence>, Outcome> outcomes;
    for (const auto& [attack, defences] : plan)
    {
        for (Defence defence : defences)
        {
            Outcome o = Run(attack, defence);
            outcomes[{attack, defence}] = o;
            std::ostringstream detection;
            if (o.detectionS >= 0)
            {
                detection << std::fixed << std::setprecision(3) << o.detectionS;
            }
            else
            {
                detection << "-";
            }
            std::cout << std::left << std::setw(27) << Name(attack) << std::setw(12)
                      << Name(defence) << std::right << std::setw(12) << o.wrongHostBytes
                      << std::setw(8) << o.brokenFlows << std::setw(11) << detection.str()
                      << std::setw(7) << o.tableMax << std::setw(10) << o.attackFrames
                      << std::setw(9) << o.arpFrames << std::setw(9) << o.refused << std::endl;
            csv << Name(attack) << "," << Name(defence) << "," << o.wrongHostBytes << ","
                << o.brokenFlows << "," << o.detectionS << "," << o.tableMax << ","
                << o.attackFrames << "," << o.arpFrames << "," << o.refused << "\n";
            if (defence != Defence::NONE)
            {
                ok = ok && o.wrongHostBytes == 0 && o.brokenFlows == 0;
            }
            else if (attack == Attack::SPOOF_RANGE)
            {
                ok = ok && o.wrongHostBytes > 0; // the takeover works undefended
            }
        }
    }
    // What the defences must do beyond delivery: fewer entries for a flood
    // and a scan, flows kept under DHCP starvation (broken without the cap).
    auto table = [&outcomes](Attack a, Defence d) { return outcomes[{a, d}].tableMax; };
    ok = ok &&
         table(Attack::REQUEST_FLOOD, Defence::INSPECTION) <
             table(Attack::REQUEST_FLOOD, Defence::NONE) &&
         table(Attack::PORT_SCAN, Defence::BOUNDED) < table(Attack::PORT_SCAN, Defence::NONE) &&
         outcomes[{Attack::DHCP_STARVATION, Defence::NONE}].brokenFlows > 0;
    std::cout << std::endl << "results: " << csvPath << std::endl;
    if (check)
    {
        std::cout << (ok ? "CHECK PASSED" : "CHECK FAILED") << std::endl;
        return ok ? 0 : 1;
    }
    return 0;
}
