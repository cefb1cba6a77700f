/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-scenario-example.h"

#include "ns3/command-line.h"
#include "ns3/csma-helper.h"
#include "ns3/flow-monitor.h"
#include "ns3/log.h"
#ifdef PEARP_HAVE_NETANIM
#include "ns3/netanim-module.h"
#endif
#include "ns3/ipv4.h"
#include "ns3/node-list.h"
#include "ns3/pe-arp-helper.h"
#include "ns3/pe-arp-watch.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace pearp
{

bool
ParseResolver(const std::string& name, PeArpScenario::Resolver& resolver)
{
    if (name == "pe-arp" || name == "stock")
    {
        resolver = name == "pe-arp" ? PeArpScenario::PE_ARP : PeArpScenario::STOCK;
        return true;
    }
    return false;
}

bool
ParseDeployment(const std::string& name, PeArpScenario::Deployment& deployment)
{
    if (name == "router" || name == "bridge")
    {
        deployment = name == "router" ? PeArpScenario::ROUTER : PeArpScenario::BRIDGE;
        return true;
    }
    return false;
}

bool
ParseLan(const std::string& name, PeArpScenario::Lan& lan)
{
    if (name == "csma" || name == "switched")
    {
        lan = name == "csma" ? PeArpScenario::CSMA_BUS : PeArpScenario::SWITCHED;
        return true;
    }
    return false;
}

bool
ParseProvisioning(const std::string& name, PeArpLanBuilder::Provisioning& provisioning)
{
    static const std::map<std::string, PeArpLanBuilder::Provisioning> names = {
        {"static", PeArpLanBuilder::STATIC},
        {"dhcp", PeArpLanBuilder::DHCP},
        {"self", PeArpLanBuilder::SELF_ASSIGNED},
    };
    auto it = names.find(name);
    if (it == names.end())
    {
        return false;
    }
    provisioning = it->second;
    return true;
}

void
PrintHostTable(std::ostream& os,
               const std::vector<PeArpStatistics::HostResult>& hosts,
               uint32_t maxRows)
{
    os << std::left << std::setw(6) << "host" << std::setw(6) << "site" << std::setw(16) << "ip"
       << std::setw(13) << "ports" << std::setw(19) << "mac" << std::right << std::setw(10)
       << "rx_bytes" << std::setw(6) << "echo" << std::setw(12) << "wrong_host" << std::endl;
    uint32_t rows = 0;
    for (const auto& r : hosts)
    {
        if (maxRows != 0 && rows++ >= maxRows)
        {
            os << "... (" << hosts.size() - maxRows << " more hosts in the CSV)" << std::endl;
            break;
        }
        std::ostringstream ip;
        std::ostringstream mac;
        ip << r.ip;
        mac << r.mac;
        os << std::left << std::setw(6) << r.host << std::setw(6) << r.site << std::setw(16)
           << ip.str() << std::setw(13) << r.range.ToString() << std::setw(19) << mac.str()
           << std::right << std::setw(10) << r.rxBytes << std::setw(6) << r.echoReplies
           << std::setw(12) << r.wrongHostPackets << std::endl;
    }
}

void
PrintTotals(std::ostream& os, const PeArpStatistics::Totals& totals)
{
    os << "TCP bytes received: " << totals.rxBytes << " of " << totals.expectedBytes << std::endl
       << "UDP echo replies:   " << totals.echoReplies << " of " << totals.expectedEchoReplies
       << std::endl
       << "wrong-host packets: " << totals.wrongHostPackets << std::endl
       << "ARP frames sent:    " << totals.arpFrames
       << " (PE-ARP requests by the edge: " << totals.edgeRequests << ")" << std::endl
       << "PE-ARP drops:       " << totals.drops;
    for (const auto& [reason, count] : totals.dropsByReason)
    {
        os << " " << reason << "=" << count;
    }
    os << std::endl << "events:             " << totals.events << std::endl;
}

bool
WriteHostCsv(const std::string& path, const std::vector<PeArpStatistics::HostResult>& hosts)
{
    std::ofstream out(path);
    out << "host,site,ip,port_low,port_high,mac,rx_bytes,echo_replies,wrong_host_packets,"
           "first_rx_s,last_rx_s,goodput_bps\n";
    for (const auto& r : hosts)
    {
        out << r.host << "," << r.site << "," << r.ip << "," << r.range.GetLow() << ","
            << r.range.GetHigh() << "," << r.mac << "," << r.rxBytes << "," << r.echoReplies << ","
            << r.wrongHostPackets << "," << r.firstRxS << "," << r.lastRxS << "," << r.goodputBps
            << "\n";
    }
    return static_cast<bool>(out);
}

bool
WriteFlowCsv(const std::string& path, const std::vector<PeArpStatistics::FlowResult>& flows)
{
    std::ofstream out(path);
    out << "flow,protocol,source,source_port,destination,destination_port,tx_packets,rx_packets,"
           "lost_packets,tx_bytes,rx_bytes,goodput_bps,mean_delay_s\n";
    for (const auto& f : flows)
    {
        out << f.flowId << "," << unsigned(f.protocol) << "," << f.source << "," << f.sourcePort
            << "," << f.destination << "," << f.destinationPort << "," << f.txPackets << ","
            << f.rxPackets << "," << f.lostPackets << "," << f.txBytes << "," << f.rxBytes << ","
            << f.goodputBps << "," << f.meanDelayS << "\n";
    }
    return static_cast<bool>(out);
}

Progress::Progress(Time stop)
    : m_stop(stop),
      m_wallStart(std::chrono::steady_clock::now())
{
    Simulator::Schedule(m_stop / 10, &Progress::Print, this);
}

void
Progress::Print()
{
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - m_wallStart).count();
    double now = Simulator::Now().GetSeconds();
    uint64_t events = Simulator::GetEventCount();
    std::ostringstream line;
    line << "[pe-arp] simulated " << std::fixed << std::setprecision(2) << now << "/"
         << m_stop.GetSeconds() << " s, " << events << " events (" << std::setprecision(0)
         << (wall > 0 ? events / wall : 0) << "/s), wall " << std::setprecision(1) << wall << " s";
    if (now > 0)
    {
        // Simulated time advances about evenly in these scenarios.
        line << ", about " << wall * (m_stop.GetSeconds() - now) / now << " s left";
    }
    std::cerr << line.str() << std::endl;
    if (Simulator::Now() + m_stop / 10 <= m_stop)
    {
        Simulator::Schedule(m_stop / 10, &Progress::Print, this);
    }
}

std::vector<std::string>
SplitCsv(const std::string& line)
{
    std::vector<std::string> fields;
    std::istringstream s(line);
    std::string field;
    while (std::getline(s, field, ','))
    {
        fields.push_back(field);
    }
    if (!line.empty() && line.back() == ',')
    {
        fields.emplace_back(); // getline drops a last empty field
    }
    return fields;
}

std::unique_ptr<std::ofstream>
OpenCsv(const std::string& path, const std::string& header)
{
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    std::error_code ignored;
    if (!parent.empty())
    {
        std::filesystem::create_directories(parent, ignored);
    }
    auto out = std::make_unique<std::ofstream>(path);
    if (!*out)
    {
        std::cerr << "cannot write " << path << "\n";
        return nullptr;
    }
    *out << header << "\n";
    return out;
}

bool
WriteCsv(const std::string& path, const std::string& header, const std::vector<std::string>& lines)
{
    std::unique_ptr<std::ofstream> out = OpenCsv(path, header);
    if (!out)
    {
        return false;
    }
    for (const std::string& line : lines)
    {
        *out << line << "\n";
    }
    return static_cast<bool>(*out);
}

bool
ProgressByDefault()
{
    return isatty(STDERR_FILENO) != 0;
}

std::optional<std::string>
RunForked(const std::function<std::string()>& work)
{
    int fds[2];
    if (pipe(fds) != 0)
    {
        return std::nullopt;
    }
    std::cout.flush();
    std::cerr.flush();
    pid_t pid = fork();
    if (pid < 0)
    {
        close(fds[0]);
        close(fds[1]);
        return std::nullopt;
    }
    if (pid == 0)
    {
        close(fds[0]);
        std::string text = work();
        size_t done = 0;
        while (done < text.size())
        {
            ssize_t n = write(fds[1], text.data() + done, text.size() - done);
            if (n <= 0)
            {
                _exit(3);
            }
            done += static_cast<size_t>(n);
        }
        close(fds[1]);
        _exit(0);
    }
    close(fds[1]);
    std::string text;
    char buffer[4096];
    ssize_t n;
    while ((n = read(fds[0], buffer, sizeof(buffer))) > 0)
    {
        text.append(buffer, static_cast<size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    {
        return std::nullopt;
    }
    return text;
}

int
RunScenarioExample(int argc,
                   char* argv[],
                   const std::string& file,
                   const std::string& name,
                   PeArpScenario::Deployment deployment)
{
    PeArpScenario::Config config;
    uint32_t hosts = config.hostsPerSite;
    std::string resolver = "pe-arp";
    std::string lan = "csma";
    std::string provisioning = "static";
    bool pcap = false;
    bool watch = false;
    bool flowmon = false;
    bool animate = false;
    bool verbose = false;
    bool check = false;
    bool progress = ProgressByDefault();
    bool perFlow = false;
    uint32_t seed = 1;
    uint32_t run = 1;
    uint32_t maxRows = 50;
    std::string outDir = "results";

    CommandLine cmd(file);
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
    cmd.AddValue("psidOffset",
                 "-1: contiguous ranges; 0..15: RFC 7597 (MAP) port sets with this PSID offset",
                 config.psidOffset);
    cmd.AddValue("provisioning",
                 "How hosts get their port sets (PE-ARP router): static, dhcp (option 159 from "
                 "the router; needs --psidOffset >= 0) or self (RFC 5227 claims; traffic starts no "
                 "earlier than an uncontested claim ends, 7 s)",
                 provisioning);
    cmd.AddValue("tcpBytes", "Bytes sent to each host over TCP (at least 1)", config.tcpBytes);
    cmd.AddValue("start", "First start of the traffic (s)", config.start);
    cmd.AddValue("spread", "Starts are spread over this many seconds (>= 0)", config.spread);
    cmd.AddValue("answerEcho",
                 "The edge (router or PE-Bridge) answers echo requests for shared addresses "
                 "(else see --ns3::PeArpL3Protocol::DefaultPort)",
                 config.answerEcho);
    cmd.AddValue("pcap", "Write pcap files of site 0 under --outDir", pcap);
    cmd.AddValue("watch",
                 "Run a PeArpWatch (arpwatch for PE-ARP) on site 0's gateway port and print "
                 "its report",
                 watch);
    cmd.AddValue("flowmon",
                 "Write FlowMonitor's XML (per-flow throughput and delay) to "
                 "<outDir>/<name>-flowmon.xml (implies --perFlow)",
                 flowmon);
    cmd.AddValue("animate",
                 "Write a NetAnim XML of the run to <outDir>/<name>-netanim.xml, packets "
                 "labelled with their headers (PE-ARP requests and replies); at most 100 hosts",
                 animate);
    cmd.AddValue("perFlow",
                 "Per-flow goodput and delay (FlowMonitor) to <outDir>/<name>-flows.csv",
                 perFlow);
    cmd.AddValue("verbose", "Log PE-ARP decisions", verbose);
    cmd.AddValue("progress",
                 "Print progress to stderr (default: on when stderr is a terminal)",
                 progress);
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
    config.deployment = deployment;

    if (!ParseResolver(resolver, config.resolver))
    {
        std::cerr << "error: --resolver=" << resolver << ": must be pe-arp or stock" << std::endl;
        return 2;
    }
    if (!ParseLan(lan, config.lan))
    {
        std::cerr << "error: --lan=" << lan << ": must be csma or switched" << std::endl;
        return 2;
    }
    if (!ParseProvisioning(provisioning, config.provisioning))
    {
        std::cerr << "error: --provisioning=" << provisioning << ": must be static, dhcp or self"
                  << std::endl;
        return 2;
    }
    if (verbose)
    {
        LogComponentEnable("PeArpL3Protocol", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpNetDevice", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpBridgeNetDevice", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpCache", LOG_LEVEL_LOGIC);
        LogComponentEnableAll(LOG_PREFIX_TIME);
        LogComponentEnableAll(LOG_PREFIX_NODE);
    }
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);

    PeArpScenario scenario(config);
    std::string why = scenario.Validate();
    if (!why.empty())
    {
        // The library names the Config field; the options carry the same
        // names, except hostsPerSite (--hosts).
        std::cerr << "error: " << why
                  << (why.find("hostsPerSite") != std::string::npos ? " (--hosts sets hostsPerSite)"
                                                                    : "")
                  << std::endl;
        return 2;
    }
    perFlow = perFlow || flowmon;
#ifndef PEARP_HAVE_NETANIM
    if (animate)
    {
        std::cerr << "error: --animate needs ns-3's netanim module, which this build lacks"
                  << std::endl;
        return 2;
    }
#endif
    if (animate && scenario.GetNHosts() > 100)
    {
        std::cerr << "error: --animate draws at most 100 hosts (" << scenario.GetNHosts()
                  << " here): NetAnim's XML would be huge" << std::endl;
        return 2;
    }
    std::filesystem::create_directories(outDir);
    scenario.Build();
    PeArpStatistics statistics(scenario, perFlow);
    if (pcap)
    {
        CsmaHelper().EnablePcap(outDir + "/" + name, scenario.GetSiteLinkDevices(0));
    }
    Ptr<PeArpWatch> arpWatch;
    if (watch)
    {
        Ptr<NetDevice> gatewayLink = scenario.GetSiteLinkDevices(0).Get(0);
        Ptr<Ipv4> ipv4 = gatewayLink->GetNode()->GetObject<Ipv4>();
        Ipv4InterfaceAddress lan =
            ipv4->GetAddress(ipv4->GetInterfaceForDevice(scenario.GetEdgeDevices().GetN() > 0
                                                             ? scenario.GetEdgeDevices().Get(0)
                                                             : gatewayLink),
                             0);
        arpWatch = CreateObject<PeArpWatch>();
        arpWatch->SetNetwork(lan.GetLocal(), lan.GetMask());
        if (config.resolver == PeArpScenario::PE_ARP)
        {
            for (uint32_t i = 0; i < config.hostsPerSite; i++)
            {
                arpWatch->AddSharedAddress(scenario.GetHostAddress(i));
            }
        }
        arpWatch->Install(gatewayLink);
    }

    bool router = deployment == PeArpScenario::ROUTER;
    std::cout << "PE-ARP " << (router ? "router" : "bridge") << " scenario: " << config.sites
              << " site(s) x " << config.hostsPerSite << " hosts, resolver " << resolver << ", LAN "
              << lan;
    if (config.resolver == PeArpScenario::PE_ARP)
    {
        std::cout << ", " << config.sharedIps << " shared address(es) per site, "
                  << config.portsPerHost << " ports per host";
    }
    std::cout << ", seed " << seed << " run " << run << std::endl << std::endl;

#ifdef PEARP_HAVE_NETANIM
    std::unique_ptr<AnimationInterface> animation;
    if (animate)
    {
        // Rows: the Internet, the core and routers, the edges, the hosts.
        std::set<uint32_t> placed;
        auto place = [&placed](const NodeContainer& nodes, double y) {
            for (uint32_t i = 0; i < nodes.GetN(); i++)
            {
                AnimationInterface::SetConstantPosition(nodes.Get(i), 10.0 * i, y);
                placed.insert(nodes.Get(i)->GetId());
            }
        };
        place(scenario.GetInternetHosts(), 0);
        place(scenario.GetRouters(), 20);
        NodeContainer bridges;
        for (uint32_t i = 0; i < scenario.GetEdges().GetN(); i++)
        {
            if (placed.count(scenario.GetEdges().Get(i)->GetId()) == 0)
            {
                bridges.Add(scenario.GetEdges().Get(i));
            }
        }
        place(bridges, 30);
        place(scenario.GetHosts(), 40);
        for (uint32_t id = 0; id < NodeList::GetNNodes(); id++)
        {
            if (placed.count(id) == 0) // the core, learning bridges
            {
                AnimationInterface::SetConstantPosition(NodeList::GetNode(id), 10.0 * id, 10);
            }
        }
        animation = std::make_unique<AnimationInterface>(outDir + "/" + name + "-netanim.xml");
        animation->EnablePacketMetadata(true);
        for (uint32_t i = 0; i < scenario.GetNHosts(); i++)
        {
            std::ostringstream label;
            label << "h" << i << " " << scenario.GetHostAddress(i) << ":"
                  << scenario.GetHostRange(i);
            animation->UpdateNodeDescription(scenario.GetHosts().Get(i), label.str());
        }
        for (uint32_t i = 0; i < scenario.GetRouters().GetN(); i++)
        {
            animation->UpdateNodeDescription(scenario.GetRouters().Get(i),
                                             router ? "PE-ARP router" : "gateway");
        }
    }
#endif
    std::unique_ptr<Progress> progressPrinter;
    if (progress)
    {
        progressPrinter = std::make_unique<Progress>(scenario.GetStopTime());
    }
    Simulator::Stop(scenario.GetStopTime());
    Simulator::Run();
    statistics.Collect();

    if (flowmon)
    {
        std::string xml = outDir + "/" + name + "-flowmon.xml";
        statistics.GetFlowMonitor()->SerializeToXmlFile(xml, true, true);
        std::cout << "FlowMonitor XML: " << xml << std::endl;
    }
    if (animate)
    {
        std::cout << "NetAnim XML: " << outDir << "/" << name << "-netanim.xml" << std::endl;
    }
    std::cout << (router ? "Router" : "PE-Bridge")
              << " of site 0, PE-ARP table (arp -n):" << std::endl;
    if (config.resolver == PeArpScenario::PE_ARP)
    {
        PeArpHelper::PrintTable(scenario.GetEdgeDevices().Get(0), std::cout);
    }
    else
    {
        std::cout << "(stock ns-3 ARP: see ArpCache, not printed)" << std::endl;
    }
    if (config.provisioning != PeArpLanBuilder::STATIC)
    {
        uint32_t provisioned = 0;
        Time last = Seconds(0);
        for (uint32_t i = 0; i < scenario.GetNHosts(); i++)
        {
            Time at = scenario.GetProvisionedTime(i);
            provisioned += at.IsStrictlyNegative() ? 0 : 1;
            last = std::max(last, at);
        }
        std::cout << std::endl
                  << "Port sets " << (provisioning == "dhcp" ? "leased by DHCP" : "self-assigned")
                  << ": " << provisioned << " of " << scenario.GetNHosts() << " hosts, the last at "
                  << last.GetSeconds() << " s" << std::endl;
    }
    if (arpWatch)
    {
        std::cout << std::endl
                  << "PeArpWatch on site 0's gateway port: " << arpWatch->GetFramesWatched()
                  << " frames, " << arpWatch->GetStations() << " stations, "
                  << arpWatch->GetReports().size() << " reports:" << std::endl;
        arpWatch->Print(std::cout);
    }
    std::cout << std::endl << "Hosts:" << std::endl;
    PrintHostTable(std::cout, statistics.GetHostResults(), maxRows);
    std::cout << std::endl;
    const PeArpStatistics::Totals& totals = statistics.GetTotals();
    PrintTotals(std::cout, totals);

    int status = 0;
    std::string csv = outDir + "/" + name + "-hosts.csv";
    if (!WriteHostCsv(csv, statistics.GetHostResults()))
    {
        std::cerr << "error: cannot write " << csv << std::endl;
        status = 1;
    }
    std::cout << "per-host results: " << csv << std::endl;
    if (perFlow)
    {
        std::string flows = outDir + "/" + name + "-flows.csv";
        if (!WriteFlowCsv(flows, statistics.GetFlowResults()))
        {
            std::cerr << "error: cannot write " << flows << std::endl;
            status = 1;
        }
        std::cout << "per-flow results: " << flows << std::endl;
    }
#ifdef PEARP_HAVE_NETANIM
    animation.reset(); // closes the NetAnim XML
#endif
    Simulator::Destroy();

    if (check)
    {
        bool ok = totals.AllDelivered();
        std::cout << (ok ? "CHECK PASSED" : "CHECK FAILED") << std::endl;
        return ok ? status : 1;
    }
    return status;
}

} // namespace pearp
} // namespace ns3
