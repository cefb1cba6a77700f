/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * pe-arp-scale: PE-ARP on large generated topologies (Boost.Graph), with
 * routes computed on the graph.
 *
 *   servers ==== internet --+                         +-- site 0: edge router ==LAN== hosts
 *                            +-- backbone (ring/mesh) -+-- site 1: ...
 *   servers ==== internet --+                         +-- ...
 *
 * Three studies; each point runs in a child process (a fresh simulator and
 * its own peak memory):
 *
 *  --study=sharing  hosts per address (--ratios) x hosts in total (--hosts):
 *                   ARP frames per host, router cache entries, resolution
 *                   latency, goodput and events, each checked against its
 *                   closed form where there is one (--check);
 *  --study=scale    PE-ARP and stock ARP on the same graph for each total:
 *                   topology build, route set-up, traffic set-up and run
 *                   time, events per second, peak memory per host, and the
 *                   ratios PE-ARP / stock;
 *  --study=routes   route set-up for graphs of --routers routers and their
 *                   LANs: routes computed on the graph and installed into
 *                   PeArpLpmRouting, against ns-3's Ipv4GlobalRoutingHelper
 *                   on the same graph up to --globalMax routers.
 *
 * Results go to --csv (default results/scale.csv), one row per point.
 *
 *   ./pearp run pe-arp-scale --study=sharing --hosts=1024,4096 --ratios=1,16,64,256,1024,4096
 *   ./pearp run pe-arp-scale --study=scale --hosts=1000,10000,100000
 *   ./pearp run pe-arp-scale --study=routes --routers=1000,2000,10000
 */

#include "pe-arp-scenario-example.h"

#include "ns3/core-module.h"
#include "ns3/inet-socket-address.h"
#include "ns3/ipv4.h"
#include "ns3/pe-arp-module.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/resource.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpScale");

namespace
{

/// First port of the first range in the generated sites.
const uint32_t FIRST_PORT = 1024;

/** What the command line asks for. */
struct Options
{
    std::string study = "sharing";           //!< sharing, scale or routes
    std::string topology = "isp";            //!< isp, ba, waxman, campus, or a .dot/.graphml file
    std::string hosts = "256";               //!< totals of hosts
    std::string ratios = "1,16,64,256";      //!< hosts per address
    std::string routers = "1000,2000,10000"; //!< routes study sizes
    uint32_t hostsPerSite = 64;              //!< hosts per site (sites = hosts / hostsPerSite)
    uint32_t ratio = 16;                     //!< hosts per address in the scale study
    uint32_t portsPerHost = 1000;            //!< ports per host, at most
    uint32_t backbone = 0;                   //!< backbone routers (0: sites / 25, at least 3)
    uint32_t meshDegree = 2;                 //!< backbone mesh degree
    uint32_t internets = 0;                  //!< internet vertices (0: one per 4 backbone routers)
    uint32_t m = 2;                          //!< Barabasi-Albert m
    uint32_t globalMax = 2000;               //!< largest graph given to ns-3's global routing
    std::string routing = "lpm";             //!< lpm or static
    uint32_t tcpBytes = 10240;               //!< TCP bytes per host
    double spread = 1.0;                     //!< start spread (s)
    double drain = 4.0;                      //!< drain (s)
    uint32_t seed = 1;                       //!< seed (RngSeedManager and random graphs)
    uint32_t run = 1;                        //!< run number
    bool progress = false;                   //!< progress on stderr
    bool check = false;                      //!< exit 1 if a closed form or a delivery fails
    bool fork = true;                        //!< each point in a child process
    bool traffic = true;           //!< install and run the traffic (false: the network alone)
    std::string resolver = "both"; //!< scale study: pe-arp, stock or both
    std::string lan = "csma";      //!< site LANs: csma (one segment) or switched
    bool learnFromRequest = true;  //!< PE-ARP learns from requests (false: resolves as stock)
    std::string csv = "results/scale.csv";     //!< output
    std::string portList = "64,256,1024,4096"; //!< ports study: ports per host
    std::string pageRates = "0.1,0.5,1,2";     //!< ports study: pages per second per host
    uint32_t objects = 10;                     //!< ports study: objects per page
    uint32_t objectSize = 10240;               //!< ports study: bytes per object
    uint32_t concurrent = 6;                   //!< ports study: connections at once
    double msl = 30;                           //!< ports study: TCP MSL (TIME_WAIT = 2 MSL)
    double duration = 300;                     //!< ports study: simulated seconds
    uint32_t clients = 4;                      //!< ports study: hosts sharing the address
};

/** One point's results. */
struct Row
{
    std::string study;             //!< study
    std::string resolver;          //!< pe-arp or stock
    std::string routing;           //!< lpm, static, global
    uint64_t hosts = 0;            //!< hosts
    uint32_t sites = 0;            //!< sites (LANs)
    uint32_t ratio = 0;            //!< hosts per address (actual, largest)
    uint32_t sharedIps = 0;        //!< shared addresses per site
    uint32_t portsPerHost = 0;     //!< ports per host
    uint32_t routers = 0;          //!< layer-3 vertices
    uint32_t links = 0;            //!< links
    uint64_t routes = 0;           //!< routes installed
    uint32_t searches = 0;         //!< shortest-path searches
    double buildS = 0;             //!< topology build (s)
    double routesS = 0;            //!< route set-up (s)
    double trafficS = 0;           //!< traffic set-up (s)
    double runS = 0;               //!< simulation (s)
    uint64_t events = 0;           //!< events
    long peakRssKb = 0;            //!< peak memory (KiB)
    uint64_t arpFrames = 0;        //!< ARP frames
    double expectedArpPerHost = 0; //!< closed form
    uint64_t edgeRequests = 0;     //!< edge requests
    uint64_t cacheEntries = 0;     //!< edge cache entries, all sites
    double latencyMeanMs = 0;      //!< mean resolution latency
    double latencyP50Ms = 0;       //!< median resolution latency
    double goodputMbps = 0;        //!< mean per-host goodput
    uint64_t rxBytes = 0;          //!< bytes received
    uint64_t expectedBytes = 0;    //!< bytes expected
    uint64_t echoReplies = 0;      //!< echo replies
    uint64_t drops = 0;            //!< PE-ARP drops
};

/** CSV header. */
const char* HEADER =
    "study,resolver,routing,hosts,sites,hosts_per_address,shared_ips,ports_per_host,routers,"
    "links,routes,searches,build_s,routes_s,traffic_s,run_s,events,events_per_s,peak_rss_kb,"
    "kb_per_host,arp_frames,arp_frames_per_host,expected_arp_per_host,edge_requests,"
    "cache_entries,latency_mean_ms,latency_p50_ms,goodput_mbps,rx_bytes,expected_bytes,"
    "echo_replies,drops";

/**
 * \param row a row
 * \return it as a CSV line
 */
std::string
ToCsv(const Row& row)
{
    std::ostringstream s;
    s << row.study << "," << row.resolver << "," << row.routing << "," << row.hosts << ","
      << row.sites << "," << row.ratio << "," << row.sharedIps << "," << row.portsPerHost << ","
      << row.routers << "," << row.links << "," << row.routes << "," << row.searches << ","
      << std::fixed << std::setprecision(4) << row.buildS << "," << row.routesS << ","
      << row.trafficS << "," << row.runS << "," << row.events << "," << std::setprecision(0)
      << (row.runS > 0 ? row.events / row.runS : 0) << "," << row.peakRssKb << ","
      << std::setprecision(2) << (row.hosts > 0 ? double(row.peakRssKb) / row.hosts : 0) << ","
      << row.arpFrames << "," << std::setprecision(3)
      << (row.hosts > 0 ? double(row.arpFrames) / row.hosts : 0) << "," << row.expectedArpPerHost
      << "," << row.edgeRequests << "," << row.cacheEntries << "," << std::setprecision(4)
      << row.latencyMeanMs << "," << row.latencyP50Ms << "," << std::setprecision(3)
      << row.goodputMbps << "," << row.rxBytes << "," << row.expectedBytes << "," << row.echoReplies
      << "," << row.drops;
    return s.str();
}

/**
 * \param line a CSV line written by ToCsv
 * \return the row (the fields the table and checks use)
 */
Row
FromCsv(const std::string& line)
{
    std::vector<std::string> f = pearp::SplitCsv(line);
    Row r;
    if (f.size() < 32)
    {
        return r;
    }
    r.study = f[0];
    r.resolver = f[1];
    r.routing = f[2];
    r.hosts = std::stoull(f[3]);
    r.sites = std::stoul(f[4]);
    r.ratio = std::stoul(f[5]);
    r.sharedIps = std::stoul(f[6]);
    r.portsPerHost = std::stoul(f[7]);
    r.routers = std::stoul(f[8]);
    r.links = std::stoul(f[9]);
    r.routes = std::stoull(f[10]);
    r.searches = std::stoul(f[11]);
    r.buildS = std::stod(f[12]);
    r.routesS = std::stod(f[13]);
    r.trafficS = std::stod(f[14]);
    r.runS = std::stod(f[15]);
    r.events = std::stoull(f[16]);
    r.peakRssKb = std::stol(f[18]);
    r.arpFrames = std::stoull(f[20]);
    r.expectedArpPerHost = std::stod(f[22]);
    r.edgeRequests = std::stoull(f[23]);
    r.cacheEntries = std::stoull(f[24]);
    r.latencyMeanMs = std::stod(f[25]);
    r.latencyP50Ms = std::stod(f[26]);
    r.goodputMbps = std::stod(f[27]);
    r.rxBytes = std::stoull(f[28]);
    r.expectedBytes = std::stoull(f[29]);
    r.echoReplies = std::stoull(f[30]);
    r.drops = std::stoull(f[31]);
    return r;
}

/**
 * \param text a comma-separated list of whole numbers
 * \return them (empty if one is not a whole number above 0)
 */
std::vector<uint64_t>
ParseList(const std::string& text)
{
    std::vector<uint64_t> values;
    std::istringstream in(text);
    std::string item;
    while (std::getline(in, item, ','))
    {
        if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos ||
            item.size() > 9 || std::stoull(item) == 0)
        {
            return {};
        }
        values.push_back(std::stoull(item));
    }
    return values;
}

/** A topology to run, with what the row says about it. */
struct Point
{
    PeArpTopology topology; //!< the graph
    Row row;                //!< the row, filled with the point's parameters
    std::string error;      //!< why it cannot be made
};

/**
 * Make a generated (or read) topology for a point.
 * \param o the options
 * \param hosts hosts in total
 * \param ratio hosts per address (PE-ARP)
 * \param stock stock ARP instead
 * \return the point
 */
Point
MakePoint(const Options& o, uint64_t hosts, uint32_t ratio, bool stock)
{
    Point p;
    Row& r = p.row;
    r.study = o.study;
    r.resolver = stock ? "stock" : "pe-arp";
    r.routing = o.routing;
    bool file = o.topology.find('.') != std::string::npos;
    if (file)
    {
        std::ifstream in(o.topology);
        std::stringstream text;
        text << in.rdbuf();
        PeArpTopology::ReadResult read =
            o.topology.size() > 8 && o.topology.substr(o.topology.size() - 8) == ".graphml"
                ? PeArpTopology::ReadGraphml(text.str())
                : PeArpTopology::ReadGraphviz(text.str());
        if (!in || !read.error.empty())
        {
            p.error =
                "--topology=" + o.topology + ": " + (in ? read.error : "cannot read the file");
            return p;
        }
        p.topology = read.topology;
        for (uint32_t v = 0; v < p.topology.GetNVertices(); v++)
        {
            if (stock)
            {
                p.topology.GetVertex(v).lan.resolver = PeArpTopology::STOCK;
            }
        }
        r.hosts = p.topology.GetNHosts();
        return p;
    }
    if (hosts % o.hostsPerSite != 0)
    {
        p.error = "--hosts=" + std::to_string(hosts) +
                  " is not a multiple of --hostsPerSite=" + std::to_string(o.hostsPerSite);
        return p;
    }
    uint32_t sites = static_cast<uint32_t>(hosts / o.hostsPerSite);
    PeArpTopology::Lan lan;
    lan.hosts = o.hostsPerSite;
    lan.resolver = stock ? PeArpTopology::STOCK : PeArpTopology::PE_ARP;
    lan.sharedIps = static_cast<uint32_t>((o.hostsPerSite + ratio - 1) / ratio);
    uint32_t perAddress = (o.hostsPerSite + lan.sharedIps - 1) / lan.sharedIps;
    lan.portsPerHost = std::min<uint32_t>(o.portsPerHost, (65536 - FIRST_PORT) / perAddress);
    lan.firstPort = FIRST_PORT;
    r.hosts = hosts;
    r.sites = sites;
    r.ratio = stock ? 1 : perAddress;
    r.sharedIps = stock ? lan.hosts : lan.sharedIps;
    r.portsPerHost = stock ? 65535 : lan.portsPerHost;
    if (o.topology == "isp")
    {
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = o.backbone > 0 ? o.backbone : std::max<uint32_t>(3, sites / 25);
        isp.meshDegree = o.meshDegree;
        isp.sites = sites;
        isp.siteLan = lan;
        isp.internets = o.internets > 0 ? o.internets : std::max<uint32_t>(1, isp.backbone / 4);
        p.error = isp.Validate();
        if (p.error.empty())
        {
            p.topology = PeArpTopologyGenerator::Isp(isp);
        }
    }
    else if (o.topology == "ba" || o.topology == "waxman")
    {
        PeArpTopologyGenerator::RandomConfig random;
        random.model = o.topology == "ba" ? PeArpTopologyGenerator::BARABASI_ALBERT
                                          : PeArpTopologyGenerator::WAXMAN;
        random.routers = sites;
        random.m = o.m;
        random.sitesPerRouter = 1;
        random.siteLan = lan;
        random.internets = o.internets > 0 ? o.internets : std::max<uint32_t>(1, sites / 100);
        random.seed = o.seed;
        p.error = random.Validate();
        if (p.error.empty())
        {
            p.topology = PeArpTopologyGenerator::Random(random);
        }
    }
    else if (o.topology == "campus")
    {
        PeArpTopologyGenerator::CampusConfig campus;
        campus.buildings = sites;
        campus.hostsPerAccessSwitch = std::max<uint32_t>(1, o.hostsPerSite / campus.accessSwitches);
        campus.lan = lan;
        p.error = campus.Validate();
        if (p.error.empty())
        {
            p.topology = PeArpTopologyGenerator::Campus(campus);
            r.hosts = p.topology.GetNHosts();
        }
    }
    else
    {
        p.error = "--topology=" + o.topology + " is not isp, ba, waxman, campus or a file";
    }
    return p;
}

/**
 * Run a point in this process.
 * \param o the options
 * \param point the point
 * \return its row
 */
Row
RunPoint(const Options& o, Point point)
{
    using Clock = std::chrono::steady_clock;
    RngSeedManager::SetSeed(o.seed);
    RngSeedManager::SetRun(o.run);
    Config::SetDefault("ns3::PeArpL3Protocol::LearnFromRequest", BooleanValue(o.learnFromRequest));
    Row row = point.row;
    PeArpTopologyHelper::Config config;
    config.routing = row.routing == "static"   ? PeArpTopologyHelper::STATIC_ROUTING
                     : row.routing == "global" ? PeArpTopologyHelper::GLOBAL_ROUTING
                                               : PeArpTopologyHelper::LPM_ROUTING;
    config.traffic = o.study != "routes" && o.traffic;
    config.siteLan =
        o.lan == "switched" ? PeArpTopologyHelper::SWITCHED : PeArpTopologyHelper::CSMA_BUS;
    config.tcpBytes = o.tcpBytes;
    config.spread = o.spread;
    config.drain = o.drain;
    PeArpTopologyHelper helper(point.topology, config);
    std::string why = helper.Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), why);
    auto t0 = Clock::now();
    helper.BuildNetwork();
    auto t1 = Clock::now();
    helper.InstallRoutes();
    auto t2 = Clock::now();
    row.routers = 0;
    for (uint32_t v = 0; v < point.topology.GetNVertices(); v++)
    {
        row.routers += point.topology.IsRouter(v) ? 1 : 0;
    }
    row.links = point.topology.GetNLinks();
    row.routes = helper.GetNInstalledRoutes();
    row.searches = row.routing == "global" ? 0 : helper.GetRoutes().GetNSearches();
    row.buildS = std::chrono::duration<double>(t1 - t0).count();
    row.routesS = std::chrono::duration<double>(t2 - t1).count();
    if (config.traffic)
    {
        helper.InstallTraffic();
        PeArpStatistics statistics(helper, false);
        auto t3 = Clock::now();
        row.trafficS = std::chrono::duration<double>(t3 - t2).count();
        std::unique_ptr<pearp::Progress> progress;
        if (o.progress)
        {
            progress = std::make_unique<pearp::Progress>(helper.GetStopTime());
        }
        Simulator::Stop(helper.GetStopTime());
        Simulator::Run();
        auto t4 = Clock::now();
        row.runS = std::chrono::duration<double>(t4 - t3).count();
        statistics.Collect();
        const PeArpStatistics::Totals& t = statistics.GetTotals();
        row.events = t.events;
        row.arpFrames = t.arpFrames;
        row.edgeRequests = t.edgeRequests;
        row.cacheEntries = t.edgeCacheEntries;
        row.rxBytes = t.rxBytes;
        row.expectedBytes = t.expectedBytes;
        row.echoReplies = t.echoReplies;
        row.drops = t.drops;
        // RFC 826 with learning from requests: the edge asks once per host
        // range, and the host learns the edge from that request (request
        // and reply: 2 frames per host). ns-3's stock ARP does not learn from
        // requests, so each host asks for the gateway too: 4.
        row.expectedArpPerHost = row.resolver == "stock" || !o.learnFromRequest ? 4 : 2;
        std::vector<double> latencies = statistics.GetResolutionLatencies();
        if (!latencies.empty())
        {
            std::sort(latencies.begin(), latencies.end());
            double sum = 0;
            for (double l : latencies)
            {
                sum += l;
            }
            row.latencyMeanMs = 1e3 * sum / latencies.size();
            row.latencyP50Ms = 1e3 * latencies[latencies.size() / 2];
        }
        double goodput = 0;
        for (const PeArpStatistics::HostResult& h : statistics.GetHostResults())
        {
            goodput += h.goodputBps;
        }
        row.goodputMbps = row.hosts > 0 ? goodput / row.hosts / 1e6 : 0;
    }
    Simulator::Destroy();
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    row.peakRssKb = usage.ru_maxrss;
    return row;
}

/**
 * \param row a row
 * \param cacheExpected the router cache entries expected (0: no check)
 * \return what is wrong with it, or an empty string
 */
std::string
Check(const Row& row, uint64_t cacheExpected)
{
    std::ostringstream why;
    if (row.study == "routes")
    {
        return "";
    }
    if (row.rxBytes != row.expectedBytes || row.echoReplies != row.hosts)
    {
        why << "delivered " << row.rxBytes << "/" << row.expectedBytes << " bytes, "
            << row.echoReplies << "/" << row.hosts << " echoes";
    }
    else if (row.resolver == "pe-arp" &&
             row.arpFrames != static_cast<uint64_t>(row.expectedArpPerHost * row.hosts))
    {
        why << "ARP frames " << row.arpFrames << " != closed form "
            << row.expectedArpPerHost * row.hosts;
    }
    else if (row.resolver == "stock" &&
             (row.arpFrames < 4 * row.hosts || (row.arpFrames - 4 * row.hosts) % 2 != 0 ||
              row.arpFrames - 4 * row.hosts > row.hosts / 100))
    {
        // ns-3's ArpCache retransmits for every waiting entry when its one
        // timer fires, however young the entry (README): a few extra
        // request-reply pairs on a LAN whose hosts start over more than
        // WaitReplyTimeout; never more than 1 %.
        why << "ARP frames " << row.arpFrames << " are not 4 per host plus a few "
            << "request-reply pairs";
    }
    else if (row.resolver == "pe-arp" && row.edgeRequests != row.hosts)
    {
        why << "edge requests " << row.edgeRequests << " != one per host range " << row.hosts;
    }
    else if (cacheExpected > 0 && row.cacheEntries != cacheExpected)
    {
        why << "router cache entries " << row.cacheEntries << " != " << cacheExpected;
    }
    return why.str();
}

/** One point of the ports study. */
struct PortsRow
{
    uint32_t hosts = 0;         //!< hosts sharing the address
    uint32_t portsPerHost = 0;  //!< ports per host
    double pageRate = 0;        //!< pages per second per host
    double connectionRate = 0;  //!< connections per second per host
    double attempts = 0;        //!< per host
    double completed = 0;       //!< per host
    double exhausted = 0;       //!< per host
    uint32_t peakPorts = 0;     //!< most ports in use at one host
    double meanPorts = 0;       //!< ports in use after the warm-up, mean over hosts
    double meanConnectionS = 0; //!< bind to object received
    double littlePorts = 0;     //!< Little's law: measured rate x (connection + 2 MSL)
};

/** CSV header of the ports study. */
const char* PORTS_HEADER =
    "hosts,ports_per_host,page_rate,connection_rate,msl_s,attempts_per_host,completed_per_host,"
    "exhausted_per_host,exhausted_fraction,peak_ports,mean_ports,little_ports,mean_connection_ms";

/**
 * Run one point of the ports study: one site whose hosts share an address,
 * each running the web-like client against one server.
 * \param o the options
 * \param ports ports per host
 * \param rate pages per second per host
 * \return the row, as CSV
 */
std::string
RunPortsPoint(const Options& o, uint32_t ports, double rate)
{
    RngSeedManager::SetSeed(o.seed);
    RngSeedManager::SetRun(o.run);
    Config::SetDefault("ns3::TcpSocketBase::MaxSegLifetime", DoubleValue(o.msl));
    PeArpTopology t;
    uint32_t core = t.AddVertex(PeArpTopology::ROUTER);
    PeArpTopology::Lan site;
    site.hosts = o.clients;
    site.portsPerHost = ports;
    site.firstPort = FIRST_PORT;
    PeArpTopology::Lan farm;
    farm.hosts = 1;
    t.AddLink(core, t.AddVertex(PeArpTopology::SITE, site));
    t.AddLink(core, t.AddVertex(PeArpTopology::INTERNET, farm));
    PeArpTopologyHelper::Config config;
    config.traffic = false;
    PeArpTopologyHelper helper(t, config);
    std::string why = helper.Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), why);
    helper.Build();
    Ptr<Node> serverNode = helper.GetServers().Get(0);
    Ptr<PeArpWebServer> server = CreateObject<PeArpWebServer>();
    serverNode->AddApplication(server);
    Ipv4Address address = serverNode->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    std::vector<Ptr<PeArpWebClient>> clients;
    int64_t stream = 1000;
    for (uint32_t h = 0; h < helper.GetNHosts(); h++)
    {
        Ptr<PeArpWebClient> client = CreateObject<PeArpWebClient>();
        client->SetAttribute("Remote", AddressValue(InetSocketAddress(address, 80)));
        std::ostringstream interval;
        interval << "ns3::ExponentialRandomVariable[Mean=" << 1.0 / rate << "]";
        client->SetAttribute("PageInterval", StringValue(interval.str()));
        client->SetAttribute(
            "ObjectsPerPage",
            StringValue("ns3::ConstantRandomVariable[Constant=" + std::to_string(o.objects) + "]"));
        client->SetAttribute("ObjectSize",
                             StringValue("ns3::ConstantRandomVariable[Constant=" +
                                         std::to_string(o.objectSize) + "]"));
        client->SetAttribute("MaxConcurrent", UintegerValue(o.concurrent));
        stream += client->AssignStreams(stream);
        helper.GetHosts().Get(h)->AddApplication(client);
        client->SetStartTime(Seconds(1));
        client->SetStopTime(Seconds(1 + o.duration));
        clients.push_back(client);
    }
    // Steady state: sample the ports in use every second once the first
    // ports could have left TIME_WAIT (warm-up: 2 MSL plus 10 s).
    double warmUp = 1 + 2 * o.msl + 10;
    std::vector<double> samples(clients.size(), 0);
    uint32_t nSamples = 0;
    for (double at = warmUp; at < 1 + o.duration; at += 1)
    {
        Simulator::Schedule(Seconds(at), [&clients, &samples, &nSamples]() {
            for (size_t k = 0; k < clients.size(); k++)
            {
                samples[k] += clients[k]->GetPortsInUse();
            }
            nSamples++;
        });
    }
    std::unique_ptr<pearp::Progress> progress;
    Time stop = Seconds(1 + o.duration);
    if (o.progress)
    {
        progress = std::make_unique<pearp::Progress>(stop);
    }
    Simulator::Stop(stop);
    Simulator::Run();
    PortsRow r;
    r.hosts = helper.GetNHosts();
    r.portsPerHost = ports;
    r.pageRate = rate;
    r.connectionRate = rate * o.objects;
    for (const auto& c : clients)
    {
        r.attempts += c->GetAttempts();
        r.completed += c->GetCompleted();
        r.exhausted += c->GetExhausted();
        r.peakPorts = std::max(r.peakPorts, c->GetPeakPortsInUse());
        r.meanConnectionS += c->GetMeanConnectionTime();
    }
    double n = clients.size();
    for (double sum : samples)
    {
        r.meanPorts += nSamples > 0 ? sum / nSamples : 0;
    }
    r.attempts /= n;
    r.completed /= n;
    r.exhausted /= n;
    r.meanPorts /= n;
    r.meanConnectionS /= n;
    // Little's law with the measured arrival rate (the Poisson draw, not
    // the nominal rate): connections per second x time a port is held.
    r.littlePorts = r.completed / o.duration * (r.meanConnectionS + 2 * o.msl);
    Simulator::Destroy();
    std::ostringstream line;
    line << r.hosts << "," << r.portsPerHost << "," << r.pageRate << "," << r.connectionRate << ","
         << o.msl << "," << std::fixed << std::setprecision(2) << r.attempts << "," << r.completed
         << "," << r.exhausted << "," << std::setprecision(4)
         << (r.attempts > 0 ? r.exhausted / r.attempts : 0) << "," << r.peakPorts << ","
         << std::setprecision(2) << r.meanPorts << "," << r.littlePorts << ","
         << std::setprecision(3) << 1e3 * r.meanConnectionS;
    return line.str();
}

/**
 * The ports study: ports per host against page rate.
 * \param o the options
 * \return the exit status
 */
int
RunPortsStudy(const Options& o)
{
    std::vector<uint64_t> ports = ParseList(o.portList);
    std::vector<double> rates;
    std::istringstream in(o.pageRates);
    std::string item;
    while (std::getline(in, item, ','))
    {
        char* end = nullptr;
        double rate = std::strtod(item.c_str(), &end);
        if (item.empty() || *end != '\0' || !(rate > 0) || rate > 1000)
        {
            std::cerr << "--pageRates: '" << item << "' is not a rate in (0, 1000] pages/s\n";
            return 2;
        }
        rates.push_back(rate);
    }
    if (ports.empty() || rates.empty())
    {
        std::cerr << "--portList must be a list of whole numbers above 0\n";
        return 2;
    }
    if (!(o.msl >= 0) || !(o.duration > 2 * o.msl + 20) || o.objects == 0 || o.objectSize == 0 ||
        o.concurrent == 0)
    {
        std::cerr << (!(o.msl >= 0) ? "--msl must be >= 0"
                      : !(o.duration > 2 * o.msl + 20)
                          ? "--duration must exceed 2 MSL + 20 s (a warm-up, then a steady state)"
                      : o.objects == 0    ? "--objects must be at least 1"
                      : o.objectSize == 0 ? "--objectSize must be at least 1"
                                          : "--concurrent must be at least 1")
                  << "\n";
        return 2;
    }
    for (uint64_t p : ports)
    {
        if (p * o.clients > 65536 - FIRST_PORT)
        {
            std::cerr << "--portList: " << p << " ports x " << o.clients
                      << " hosts (--clients) do not fit one address from port " << FIRST_PORT
                      << "\n";
            return 2;
        }
    }
    std::unique_ptr<std::ofstream> file = pearp::OpenCsv(o.csv, PORTS_HEADER);
    if (!file)
    {
        return 2;
    }
    std::ofstream& csv = *file;
    std::cout << "ports per host against page rate: " << o.clients << " hosts share one address; "
              << o.objects << " objects of " << o.objectSize << " bytes per page, " << o.concurrent
              << " at once; TIME_WAIT " << 2 * o.msl << " s; " << o.duration << " s\n";
    std::cout << std::right << std::setw(7) << "ports" << std::setw(8) << "pages/s" << std::setw(8)
              << "conn/s" << std::setw(10) << "attempts" << std::setw(10) << "done" << std::setw(10)
              << "exhausted" << std::setw(8) << "peak" << std::setw(9) << "mean" << std::setw(9)
              << "Little"
              << "\n";
    int failures = 0;
    for (uint64_t p : ports)
    {
        for (double rate : rates)
        {
            uint32_t portsPerHost = static_cast<uint32_t>(p);
            std::optional<std::string> text = pearp::RunForked(
                [&o, portsPerHost, rate]() { return RunPortsPoint(o, portsPerHost, rate) + "\n"; });
            if (!text)
            {
                std::cerr << "a point failed: ports=" << p << " rate=" << rate << "\n";
                return 1;
            }
            std::string line = text->substr(0, text->find('\n'));
            csv << line << "\n";
            csv.flush();
            std::vector<std::string> f = pearp::SplitCsv(line);
            std::cout << std::setw(7) << f[1] << std::setw(8) << f[2] << std::setw(8) << f[3]
                      << std::setw(10) << f[5] << std::setw(10) << f[6] << std::setw(10) << f[7]
                      << std::setw(8) << f[9] << std::setw(9) << f[10] << std::setw(9) << f[11]
                      << "\n";
            // Without exhaustion the steady state obeys Little's law.
            double exhausted = std::stod(f[7]);
            double mean = std::stod(f[10]);
            double little = std::stod(f[11]);
            if (o.check && exhausted == 0 && std::abs(mean - little) > 0.1 * little)
            {
                std::cerr << "CHECK FAILED (ports=" << p << " rate=" << rate
                          << "): mean ports in use " << mean << " is not Little's " << little
                          << " within 10%\n";
                failures++;
            }
            if (o.check && exhausted > 0 && std::stoul(f[9]) != p)
            {
                std::cerr << "CHECK FAILED (ports=" << p << " rate=" << rate
                          << "): exhausted but the peak is " << f[9] << "\n";
                failures++;
            }
        }
    }
    std::cout << "results: " << o.csv << "\n";
    return failures > 0 ? 1 : 0;
}

} // namespace

int
main(int argc, char* argv[])
{
    Options o;
    o.progress = pearp::ProgressByDefault();
    CommandLine cmd(__FILE__);
    cmd.AddValue("study", "sharing, scale, routes or ports", o.study);
    cmd.AddValue("topology", "isp, ba, waxman, campus, or a .dot / .graphml file", o.topology);
    cmd.AddValue("hosts", "Hosts in total, a list (sharing, scale)", o.hosts);
    cmd.AddValue("ratios", "Hosts per address, a list (sharing)", o.ratios);
    cmd.AddValue("routers", "Routers in the graph, a list (routes)", o.routers);
    cmd.AddValue("hostsPerSite", "Hosts per site (sites = hosts / hostsPerSite)", o.hostsPerSite);
    cmd.AddValue("ratio", "Hosts per address (scale)", o.ratio);
    cmd.AddValue("portsPerHost",
                 "Ports per host, at most (fewer when the ratio needs it)",
                 o.portsPerHost);
    cmd.AddValue("backbone", "ISP backbone routers (0: sites / 25, at least 3)", o.backbone);
    cmd.AddValue("meshDegree", "ISP backbone: links to the next N routers", o.meshDegree);
    cmd.AddValue("internets", "Internet vertices (0: automatic)", o.internets);
    cmd.AddValue("m", "Barabasi-Albert links per new router", o.m);
    cmd.AddValue("globalMax", "Largest graph given to ns-3's global routing (routes)", o.globalMax);
    cmd.AddValue("routing", "lpm or static (the routers' routing)", o.routing);
    cmd.AddValue("tcpBytes", "TCP bytes each host receives", o.tcpBytes);
    cmd.AddValue("spread", "Starts spread over this many seconds", o.spread);
    cmd.AddValue("drain", "Run this long after the last start (s)", o.drain);
    cmd.AddValue("seed", "Random seed (simulation and random graphs)", o.seed);
    cmd.AddValue("run", "Run number", o.run);
    cmd.AddValue("progress",
                 "Progress on stderr (default: on when stderr is a terminal)",
                 o.progress);
    cmd.AddValue("check", "Exit 1 if a delivery or a closed form fails", o.check);
    cmd.AddValue("learnFromRequest",
                 "PE-ARP learns senders from requests (RFC 826); false resolves exactly as "
                 "ns-3's stock ARP, to measure the cost of port awareness alone",
                 o.learnFromRequest);
    cmd.AddValue("lan",
                 "Site LANs: csma (one segment: every frame reaches every host) or switched "
                 "(a learning bridge, for large sites)",
                 o.lan);
    cmd.AddValue("resolver", "Scale study: pe-arp, stock or both (ratios need both)", o.resolver);
    cmd.AddValue("traffic",
                 "Install and run the traffic (false: build the network alone, to measure its "
                 "memory)",
                 o.traffic);
    cmd.AddValue("fork",
                 "Run each point in a child process (false: in this one, for profilers; peak "
                 "memory is then the largest so far)",
                 o.fork);
    cmd.AddValue("csv", "Results file (one row per point)", o.csv);
    cmd.AddValue("portList", "Ports per host, a list (ports)", o.portList);
    cmd.AddValue("pageRates", "Pages per second per host, a list (ports)", o.pageRates);
    cmd.AddValue("objects", "Objects per page, one connection each (ports)", o.objects);
    cmd.AddValue("objectSize", "Bytes per object (ports)", o.objectSize);
    cmd.AddValue("concurrent", "Connections at once per host (ports)", o.concurrent);
    cmd.AddValue("msl", "TCP maximum segment lifetime, s; TIME_WAIT is twice it (ports)", o.msl);
    cmd.AddValue("duration", "Simulated seconds of client activity (ports)", o.duration);
    cmd.AddValue("clients", "Hosts sharing the address (ports)", o.clients);
    cmd.Parse(argc, argv);
    if (o.study == "ports")
    {
        return RunPortsStudy(o);
    }

    std::vector<uint64_t> hostList = ParseList(o.hosts);
    std::vector<uint64_t> ratioList = ParseList(o.ratios);
    std::vector<uint64_t> routerList = ParseList(o.routers);
    if (o.study != "sharing" && o.study != "scale" && o.study != "routes")
    {
        std::cerr << "--study=" << o.study << " is not sharing, scale, routes or ports\n";
        return 2;
    }
    if (hostList.empty() || ratioList.empty() || routerList.empty())
    {
        std::cerr << (hostList.empty()    ? "--hosts"
                      : ratioList.empty() ? "--ratios"
                                          : "--routers")
                  << " must be a list of whole numbers above 0\n";
        return 2;
    }
    if (o.lan != "csma" && o.lan != "switched")
    {
        std::cerr << "--lan=" << o.lan << " is not csma or switched\n";
        return 2;
    }
    if (o.resolver != "both" && o.resolver != "pe-arp" && o.resolver != "stock")
    {
        std::cerr << "--resolver=" << o.resolver << " is not pe-arp, stock or both\n";
        return 2;
    }
    if (o.routing != "lpm" && o.routing != "static")
    {
        std::cerr << "--routing=" << o.routing << " is not lpm or static\n";
        return 2;
    }
    if (o.hostsPerSite == 0 || o.ratio == 0 || o.portsPerHost == 0 || o.portsPerHost > 64512)
    {
        std::cerr << (o.hostsPerSite == 0 ? "--hostsPerSite must be at least 1"
                      : o.ratio == 0      ? "--ratio must be at least 1"
                                          : "--portsPerHost must be in 1..64512")
                  << "\n";
        return 2;
    }

    // The points.
    std::vector<std::pair<Point, uint64_t>> points; // with the cache entries expected
    if (o.study == "sharing")
    {
        for (uint64_t hosts : hostList)
        {
            points.emplace_back(MakePoint(o, hosts, 1, true), 0);
            for (uint64_t ratio : ratioList)
            {
                points.emplace_back(MakePoint(o, hosts, static_cast<uint32_t>(ratio), false),
                                    hosts);
            }
        }
    }
    else if (o.study == "scale")
    {
        for (uint64_t hosts : hostList)
        {
            if (o.resolver != "stock")
            {
                points.emplace_back(MakePoint(o, hosts, o.ratio, false), hosts);
            }
            if (o.resolver != "pe-arp")
            {
                points.emplace_back(MakePoint(o, hosts, o.ratio, true), 0);
            }
        }
    }
    else
    {
        // Routers plus their LANs: an ISP whose sites are routers with one host.
        for (uint64_t routers : routerList)
        {
            for (std::string routing : {std::string("lpm"), std::string("global")})
            {
                if (routing == "global" && routers > o.globalMax)
                {
                    continue;
                }
                Options ro = o;
                ro.routing = routing;
                ro.hostsPerSite = 1;
                ro.topology = o.topology == "ba" ? "ba" : "isp";
                uint32_t backbone = std::max<uint32_t>(3, static_cast<uint32_t>(routers / 100));
                ro.backbone = backbone;
                uint64_t sites = ro.topology == "isp" ? routers - backbone - 1 : routers / 2;
                Point p = MakePoint(ro, sites, 1, true);
                p.row.routing = routing;
                points.emplace_back(p, 0);
            }
        }
    }

    std::unique_ptr<std::ofstream> file = pearp::OpenCsv(o.csv, HEADER);
    if (!file)
    {
        return 2;
    }
    std::ofstream& csv = *file;

    std::cout << std::left << std::setw(9) << "study" << std::setw(8) << "arp" << std::setw(7)
              << "route" << std::right << std::setw(8) << "hosts" << std::setw(6) << "sites"
              << std::setw(6) << "h/ip" << std::setw(7) << "rtrs" << std::setw(9) << "routes"
              << std::setw(8) << "build" << std::setw(9) << "route ms" << std::setw(8) << "run"
              << std::setw(11) << "events" << std::setw(9) << "ev/s" << std::setw(8) << "KB/h"
              << std::setw(7) << "arp/h" << std::setw(6) << "form" << std::setw(8) << "cache"
              << std::setw(8) << "lat ms" << std::setw(8) << "Mbps"
              << "  delivered\n";
    int failures = 0;
    std::vector<Row> rows;
    for (auto& [point, cacheExpected] : points)
    {
        if (!point.error.empty())
        {
            std::cerr << point.error << "\n";
            return 2;
        }
        if (o.progress)
        {
            std::cerr << "[pe-arp] " << point.row.study << " " << point.row.resolver << " "
                      << point.row.routing << " hosts=" << point.row.hosts
                      << " hosts/address=" << point.row.ratio << "\n";
        }
        const Point& p = point;
        std::optional<std::string> text =
            o.fork ? pearp::RunForked([&o, &p]() { return ToCsv(RunPoint(o, p)) + "\n"; })
                   : std::optional<std::string>(ToCsv(RunPoint(o, p)) + "\n");
        if (!text)
        {
            std::cerr << "a point failed: " << point.row.resolver << " hosts=" << point.row.hosts
                      << "\n";
            return 1;
        }
        std::string line = text->substr(0, text->find('\n'));
        csv << line << "\n";
        csv.flush();
        Row r = FromCsv(line);
        rows.push_back(r);
        std::string why = o.check && o.traffic ? Check(r, cacheExpected) : "";
        bool delivered = r.rxBytes == r.expectedBytes && r.echoReplies == r.hosts;
        std::cout << std::left << std::setw(9) << r.study << std::setw(8) << r.resolver
                  << std::setw(7) << r.routing << std::right << std::setw(8) << r.hosts
                  << std::setw(6) << r.sites << std::setw(6) << r.ratio << std::setw(7) << r.routers
                  << std::setw(9) << r.routes << std::fixed << std::setprecision(2) << std::setw(8)
                  << r.buildS << std::setw(9) << 1e3 * r.routesS << std::setw(8) << r.runS
                  << std::setw(11) << r.events << std::setprecision(0) << std::setw(9)
                  << (r.runS > 0 ? r.events / r.runS : 0) << std::setprecision(1) << std::setw(8)
                  << (r.hosts > 0 ? double(r.peakRssKb) / r.hosts : 0) << std::setprecision(2)
                  << std::setw(7) << (r.hosts > 0 ? double(r.arpFrames) / r.hosts : 0)
                  << std::setprecision(0) << std::setw(6) << r.expectedArpPerHost << std::setw(8)
                  << r.cacheEntries << std::setprecision(3) << std::setw(8) << r.latencyMeanMs
                  << std::setprecision(2) << std::setw(8) << r.goodputMbps << "  "
                  << (r.study == "routes" || !o.traffic ? "n/a"
                      : delivered                       ? "all"
                                                        : "NO")
                  << "\n";
        if (!why.empty())
        {
            std::cerr << "CHECK FAILED (" << r.resolver << " hosts=" << r.hosts
                      << " hosts/address=" << r.ratio << "): " << why << "\n";
            failures++;
        }
    }
    if (o.study == "scale" && o.resolver == "both")
    {
        // PE-ARP / stock on the same graph, pairwise.
        std::cout << "\nPE-ARP / stock on the same graph\n"
                  << std::setw(8) << "hosts" << std::setw(9) << "events" << std::setw(9) << "build"
                  << std::setw(9) << "run" << std::setw(9) << "memory" << std::setw(9) << "ARP"
                  << "\n";
        auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
        for (size_t k = 0; k + 1 < rows.size(); k += 2)
        {
            const Row& pe = rows[k];
            const Row& stock = rows[k + 1];
            std::cout << std::fixed << std::setprecision(3) << std::setw(8) << pe.hosts
                      << std::setw(9) << ratio(pe.events, stock.events) << std::setw(9)
                      << ratio(pe.buildS, stock.buildS) << std::setw(9)
                      << ratio(pe.runS, stock.runS) << std::setw(9)
                      << ratio(pe.peakRssKb, stock.peakRssKb) << std::setw(9)
                      << ratio(pe.arpFrames, stock.arpFrames) << "\n";
        }
    }
    std::cout << "results: " << o.csv << "\n";
    return failures > 0 ? 1 : 0;
}
