/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * pe-arp-distributed: the scale study's multi-site ISP on ns-3's distributed
 * engine (MPI), each rank building only its own part.
 *
 *                rank 0                 |                rank 1
 *   site 0 ==LAN== hosts                |   site 2 ==LAN== hosts
 *       \                               |        /
 *   backbone 0 ---- backbone 1 ----------+-- backbone 2 ---- backbone 3
 *       |        (ring, each router     |  (cut: point-to-point links only,
 *   internet == servers  to the next 2) |   a PointToPointRemoteChannel)
 *
 * PeArpTopologyPartition gives whole sites (and an internet vertex with its
 * servers) to ranks, in contiguous arcs of the backbone, balancing hosts and
 * cutting only router-to-router links. Every rank creates every node, so
 * that node ids agree, but another rank's nodes are bare placeholders; the
 * routes come from the graph, so no rank needs a global routing view. The
 * traffic is the scale study's: every host receives --tcpBytes over TCP
 * from a server and makes one UDP echo exchange.
 *
 *   mpirun -np 2 pe-arp-distributed --hosts=1000 --hostsPerSite=100   (./pearp mpi)
 *   pe-arp-distributed --hosts=1000 --hostsPerSite=100               (sequential)
 *
 * --results=FILE writes the per-host and per-flow results (FILE.rankN on
 * each rank of a distributed run), which ./pearp mpi --check compares with
 * the sequential run's after sorting: a host's line (bytes, echo replies,
 * wrong-host packets) is written by its rank, a flow's sender side (bytes
 * each server sent to each host, echo requests each server received) by the
 * server's. Lines starting with "sum" are counts to be added over the ranks;
 * "time" lines (a host's first and last reception) may move by a packet's
 * transmission time where two events at one node share a timestamp and one
 * came from another rank (see the README).
 */

#include "pe-arp-scenario-example.h"

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/internet-module.h"
#include "ns3/mpi-interface.h"
#include "ns3/pe-arp-module.h"

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <sys/resource.h>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpDistributed");

namespace
{

/// First port of the first range in the generated sites (as pe-arp-scale).
const uint32_t FIRST_PORT = 1024;

/** \return whether mpirun (Open MPI, MPICH or PMIx) started this process */
bool
StartedByMpirun()
{
    return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") ||
           std::getenv("PMIX_RANK");
}

/** \return this process's peak memory (KiB) */
long
PeakRssKb()
{
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

/**
 * Count what one flow's sender sent, or what one server received.
 * \param counter the count
 * \param packet the packet
 */
void
CountBytes(uint64_t* counter, Ptr<const Packet> packet)
{
    *counter += packet->GetSize();
}

/**
 * Count packets.
 * \param counter the count
 * \param packet the packet
 */
void
CountPackets(uint64_t* counter, Ptr<const Packet> packet)
{
    (*counter)++;
}

/**
 * The servers' side of every flow of this rank's servers: bytes each
 * BulkSend sent to its host, and echo requests each echo server received.
 * (FlowMonitor cannot count a flow whose ends are on different ranks: the
 * receiving rank's monitor never saw the packets leave.)
 */
class ServerCounters
{
  public:
    /** \param servers this rank's servers */
    explicit ServerCounters(const NodeContainer& servers)
    {
        for (uint32_t k = 0; k < servers.GetN(); k++)
        {
            Ptr<Node> server = servers.Get(k);
            std::ostringstream ip;
            ip << server->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
            for (uint32_t a = 0; a < server->GetNApplications(); a++)
            {
                Ptr<Application> app = server->GetApplication(a);
                if (DynamicCast<BulkSendApplication>(app))
                {
                    AddressValue remote;
                    app->GetAttribute("Remote", remote);
                    InetSocketAddress to = InetSocketAddress::ConvertFrom(remote.Get());
                    std::ostringstream key;
                    key << "flow-tx tcp " << ip.str() << " > " << to.GetIpv4() << ":"
                        << to.GetPort() << " bytes";
                    app->TraceConnectWithoutContext(
                        "Tx",
                        MakeBoundCallback(&CountBytes, &m_count[key.str()]));
                }
                else if (DynamicCast<UdpEchoServer>(app))
                {
                    std::string key = "server " + ip.str() + " echo-requests";
                    app->TraceConnectWithoutContext(
                        "Rx",
                        MakeBoundCallback(&CountPackets, &m_count[key]));
                }
            }
        }
    }

    /** \param out where to write "KEY COUNT" lines */
    void Write(std::ostream& out) const
    {
        for (const auto& [key, count] : m_count)
        {
            out << key << " " << count << "\n";
        }
    }

  private:
    std::map<std::string, uint64_t> m_count; //!< counts by line (stable addresses)
};

/**
 * Write the results a run on any number of ranks must reproduce.
 * \param out where
 * \param helper the network
 * \param statistics its statistics (collected)
 * \param servers the servers' counts
 */
void
WriteResults(std::ostream& out,
             const PeArpTopologyHelper& helper,
             const PeArpStatistics& statistics,
             const ServerCounters& servers)
{
    out << std::fixed << std::setprecision(9);
    for (const PeArpStatistics::HostResult& h : statistics.GetHostResults())
    {
        out << "host " << helper.GetHostGlobalIndex(h.host) << " site " << h.site << " node "
            << h.nodeId << " ip " << h.ip << " ports " << h.range.GetLow() << "-"
            << h.range.GetHigh() << " bytes " << h.rxBytes << "/" << h.expectedBytes << " echoes "
            << h.echoReplies << " wrong-host " << h.wrongHostPackets << "\n"
            << "time host " << helper.GetHostGlobalIndex(h.host) << " first-rx " << h.firstRxS
            << " last-rx " << h.lastRxS << "\n";
    }
    servers.Write(out);
    const PeArpStatistics::Totals& t = statistics.GetTotals();
    out << "sum arp-frames " << t.arpFrames << "\n"
        << "sum edge-requests " << t.edgeRequests << "\n"
        << "sum edge-cache-entries " << t.edgeCacheEntries << "\n"
        << "sum rx-bytes " << t.rxBytes << "\n"
        << "sum echo-replies " << t.echoReplies << "\n"
        << "sum wrong-host " << t.wrongHostPackets << "\n"
        << "sum drops " << t.drops << "\n";
    for (const auto& [reason, count] : t.dropsByReason)
    {
        out << "sum drops-" << reason << " " << count << "\n";
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    using Clock = std::chrono::steady_clock;
    uint32_t hosts = 256;
    uint32_t hostsPerSite = 64;
    uint32_t ratio = 16;
    uint32_t portsPerHost = 1000;
    uint32_t backbone = 0;
    uint32_t meshDegree = 2;
    uint32_t internets = 0;
    std::string resolver = "pe-arp";
    std::string engine = "auto";
    std::string results;
    std::string topologyFile;
    uint32_t tcpBytes = 10240;
    double spread = 1.0;
    double drain = 4.0;
    uint32_t seed = 1;
    uint32_t run = 1;
    bool learnFromRequest = true;
    bool verbose = false;
    bool progress = pearp::ProgressByDefault();

    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "Hosts in all (a multiple of --hostsPerSite)", hosts);
    cmd.AddValue("hostsPerSite", "Hosts per site", hostsPerSite);
    cmd.AddValue("ratio", "Hosts per address (PE-ARP)", ratio);
    cmd.AddValue("portsPerHost", "Ports per host, at most (PE-ARP)", portsPerHost);
    cmd.AddValue("backbone", "Backbone routers (0: sites / 25, at least 3)", backbone);
    cmd.AddValue("meshDegree", "Each backbone router links to the next meshDegree", meshDegree);
    cmd.AddValue("internets", "Internet vertices (0: one per 4 backbone routers)", internets);
    cmd.AddValue("topology", "A .dot or .graphml file instead of the generated ISP", topologyFile);
    cmd.AddValue("resolver", "pe-arp or stock", resolver);
    cmd.AddValue("learnFromRequest", "PE-ARP learns from requests", learnFromRequest);
    cmd.AddValue("engine",
                 "auto (null under mpirun, else sequential), sequential, null "
                 "(NullMessageSimulatorImpl) or granted (DistributedSimulatorImpl)",
                 engine);
    cmd.AddValue("results", "Write per-host and per-flow results here (.rankN per rank)", results);
    cmd.AddValue("tcpBytes", "TCP bytes per host", tcpBytes);
    cmd.AddValue("spread", "Starts spread over this many seconds", spread);
    cmd.AddValue("drain", "Run this long after the last start (s)", drain);
    cmd.AddValue("seed", "RngSeedManager seed", seed);
    cmd.AddValue("run", "RngSeedManager run", run);
    cmd.AddValue("verbose", "Log the topology helper and the partition", verbose);
    cmd.AddValue("progress",
                 "Rank 0 prints simulated time, events and wall time to stderr ten times "
                 "(default: on when stderr is a terminal)",
                 progress);
    cmd.Parse(argc, argv);

    if (engine == "auto")
    {
        engine = StartedByMpirun() ? "null" : "sequential";
    }
    if (engine != "sequential" && engine != "null" && engine != "granted")
    {
        std::cerr << "--engine=" << engine << " is not auto, sequential, null or granted\n";
        return 2;
    }
    if (resolver != "pe-arp" && resolver != "stock")
    {
        std::cerr << "--resolver=" << resolver << " is not pe-arp or stock\n";
        return 2;
    }
    bool distributed = engine != "sequential";
    if (distributed)
    {
        GlobalValue::Bind("SimulatorImplementationType",
                          StringValue(engine == "null" ? "ns3::NullMessageSimulatorImpl"
                                                       : "ns3::DistributedSimulatorImpl"));
        MpiInterface::Enable(&argc, &argv);
    }
    uint32_t rank = distributed ? MpiInterface::GetSystemId() : 0;
    uint32_t ranks = distributed ? MpiInterface::GetSize() : 1;
    // Every rank computes the same topology and partition, so that every
    // rank stops here with the same message on bad input.
    auto fail = [&](const std::string& why) {
        if (rank == 0)
        {
            std::cerr << "pe-arp-distributed: " << why << "\n";
        }
        if (distributed)
        {
            MpiInterface::Disable();
        }
        return 1;
    };
    if (verbose)
    {
        LogComponentEnable("PeArpDistributed", LOG_LEVEL_INFO);
        LogComponentEnable("PeArpTopologyPartition", LOG_LEVEL_LOGIC);
    }
    RngSeedManager::SetSeed(seed);
    RngSeedManager::SetRun(run);
    Config::SetDefault("ns3::PeArpL3Protocol::LearnFromRequest", BooleanValue(learnFromRequest));

    PeArpTopology topology;
    if (!topologyFile.empty())
    {
        std::ifstream in(topologyFile);
        std::stringstream text;
        text << in.rdbuf();
        bool graphml =
            topologyFile.size() > 8 && topologyFile.substr(topologyFile.size() - 8) == ".graphml";
        PeArpTopology::ReadResult read = graphml ? PeArpTopology::ReadGraphml(text.str())
                                                 : PeArpTopology::ReadGraphviz(text.str());
        if (!in || !read.error.empty())
        {
            return fail("--topology=" + topologyFile + ": " +
                        (in ? read.error : "cannot read the file"));
        }
        topology = read.topology;
    }
    else
    {
        if (hostsPerSite == 0 || hosts % hostsPerSite != 0 || hosts == 0)
        {
            return fail(
                "--hosts=" + std::to_string(hosts) +
                " is not a positive multiple of --hostsPerSite=" + std::to_string(hostsPerSite));
        }
        uint32_t sites = hosts / hostsPerSite;
        PeArpTopology::Lan lan;
        lan.hosts = hostsPerSite;
        lan.resolver = resolver == "stock" ? PeArpTopology::STOCK : PeArpTopology::PE_ARP;
        lan.sharedIps = (hostsPerSite + ratio - 1) / std::max<uint32_t>(1, ratio);
        uint32_t perAddress = (hostsPerSite + lan.sharedIps - 1) / lan.sharedIps;
        lan.portsPerHost = std::min<uint32_t>(portsPerHost, (65536 - FIRST_PORT) / perAddress);
        lan.firstPort = FIRST_PORT;
        PeArpTopologyGenerator::IspConfig isp;
        isp.backbone = backbone > 0 ? backbone : std::max<uint32_t>(3, sites / 25);
        isp.meshDegree = meshDegree;
        isp.sites = sites;
        isp.siteLan = lan;
        isp.internets = internets > 0 ? internets : std::max<uint32_t>(1, isp.backbone / 4);
        std::string why = isp.Validate();
        if (!why.empty())
        {
            return fail(why);
        }
        topology = PeArpTopologyGenerator::Isp(isp);
    }

    PeArpTopologyPartition partition(topology, ranks);
    std::string why = partition.Compute();
    if (!why.empty())
    {
        return fail(why);
    }
    PeArpTopologyHelper::Config config;
    config.tcpBytes = tcpBytes;
    config.spread = spread;
    config.drain = drain;
    // The same streams for a node on any rank, and in the sequential run.
    config.streamsPerNode = 1 << 16;
    PeArpTopologyHelper helper(topology, config);
    if (ranks > 1)
    {
        helper.SetPartition(partition.GetOwners(), rank);
    }
    why = helper.Validate();
    if (!why.empty())
    {
        return fail(why);
    }
    if (rank == 0)
    {
        std::cout << "pe-arp-distributed: " << topology.GetNHosts() << " hosts, "
                  << topology.GetVerticesOfKind(PeArpTopology::SITE).size() << " sites, "
                  << topology.GetNVertices() << " vertices, " << ranks << " rank(s) ("
                  << (distributed ? engine : "sequential") << "), "
                  << partition.GetCutLinks().size() << " cut links, lookahead "
                  << partition.GetLookahead() * 1e3 << " ms\n";
    }

    auto t0 = Clock::now();
    helper.Build();
    PeArpStatistics statistics(helper, false);
    ServerCounters servers(helper.GetServers());
    auto t1 = Clock::now();
    Simulator::Stop(helper.GetStopTime());
    std::unique_ptr<pearp::Progress> printer;
    if (progress && rank == 0)
    {
        printer = std::make_unique<pearp::Progress>(helper.GetStopTime());
    }
    Simulator::Run();
    auto t2 = Clock::now();
    statistics.Collect();
    const PeArpStatistics::Totals& totals = statistics.GetTotals();
    double buildS = std::chrono::duration<double>(t1 - t0).count();
    double runS = std::chrono::duration<double>(t2 - t1).count();
    // Printed rank by rank (the order of lines from different ranks is mpirun's).
    std::cout << std::fixed << std::setprecision(2) << "rank " << rank << "/" << ranks << ": "
              << helper.GetNHosts() << " hosts built of " << helper.GetNAllHosts() << ", "
              << NodeList::GetNNodes() << " node ids, build " << buildS << " s, run " << runS
              << " s, events " << totals.events << " (" << (runS > 0 ? totals.events / runS : 0)
              << "/s), peak " << PeakRssKb() << " KiB, bytes " << totals.rxBytes << "/"
              << totals.expectedBytes << ", echoes " << totals.echoReplies << "/"
              << totals.expectedEchoReplies << ", ARP frames " << totals.arpFrames << std::endl;
    bool delivered = totals.AllDelivered();
    if (!results.empty())
    {
        std::string file = distributed ? results + ".rank" + std::to_string(rank) : results;
        std::ofstream out(file);
        WriteResults(out, helper, statistics, servers);
        if (!out)
        {
            std::cerr << "pe-arp-distributed: cannot write " << file << "\n";
            delivered = false;
        }
    }
    Simulator::Destroy();
    if (distributed)
    {
        MpiInterface::Disable();
    }
    if (!delivered)
    {
        std::cerr << "pe-arp-distributed: rank " << rank << ": not everything was delivered\n";
        return 1;
    }
    return 0;
}
