/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * pybind11 bindings of the pe-arp library: the extension module _pearp,
 * wrapped by the Python package pearp (bindings/python/pearp/__init__.py).
 *
 * ns-3 3.37's own Python bindings use cppyy, which Debian 12 does not ship;
 * these are pybind11 (Debian's pybind11-dev) and bind only what a scenario
 * script needs: attribute defaults and globals, the scenario builder and its
 * statistics, and the comparison harness. Every run builds, runs, collects
 * and calls Simulator::Destroy before it returns, so that runs can follow
 * each other in one interpreter. Bad arguments raise ValueError naming the
 * parameter; nothing aborts the interpreter.
 */

#include "ns3/config.h"
#include "ns3/core-module.h"
#include "ns3/pe-arp-module.h"

#include <chrono>
#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>
#include <regex>
#include <sstream>

namespace py = pybind11;
using namespace ns3;

namespace
{

/**
 * \param value any streamable ns-3 value
 * \return its text
 */
template <typename T>
std::string
Text(const T& value)
{
    std::ostringstream s;
    s << value;
    return s.str();
}

/**
 * \param name "ns3::Type::Attribute" or a global's name
 * \return the checker of that attribute or global, or null
 */
Ptr<const AttributeChecker>
CheckerOf(const std::string& name)
{
    size_t split = name.rfind("::");
    if (split != std::string::npos)
    {
        TypeId tid;
        TypeId::AttributeInformation info;
        if (TypeId::LookupByNameFailSafe(name.substr(0, split), &tid) &&
            tid.LookupAttributeByName(name.substr(split + 2), &info))
        {
            return info.checker;
        }
        return nullptr;
    }
    for (auto it = GlobalValue::Begin(); it != GlobalValue::End(); ++it)
    {
        if ((*it)->GetName() == name)
        {
            return (*it)->GetChecker();
        }
    }
    return nullptr;
}

/**
 * ns-3 aborts the process on a malformed number or time (e.g.
 * UintegerValue::DeserializeFromString); check those forms first.
 * \param checker the attribute's checker
 * \param value the text
 * \return true if ns-3 can be given the text safely
 */
bool
WellFormed(Ptr<const AttributeChecker> checker, const std::string& value)
{
    static const std::map<std::string, std::regex> forms = {
        {"ns3::UintegerValue", std::regex("[+]?[0-9]+")},
        {"ns3::IntegerValue", std::regex("[-+]?[0-9]+")},
        {"ns3::DoubleValue", std::regex("[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?")},
        {"ns3::TimeValue",
         std::regex("[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?(s|ms|us|ns|ps|fs|min|h|"
                    "d|y)?")},
    };
    auto form = forms.find(checker->GetValueTypeName());
    return form == forms.end() || std::regex_match(value, form->second);
}

/**
 * Set attribute defaults ("ns3::Type::Attribute") and globals ("RngRun").
 * \param values name -> value, as strings
 */
void
Configure(const std::map<std::string, std::string>& values)
{
    for (const auto& [name, value] : values)
    {
        Ptr<const AttributeChecker> checker = CheckerOf(name);
        if (!checker)
        {
            throw py::value_error("configure: no attribute or global named '" + name + "'");
        }
        if (!WellFormed(checker, value))
        {
            throw py::value_error("configure: '" + value + "' is not a valid " +
                                  checker->GetValueTypeName() + " for '" + name + "'");
        }
        bool ok = name.find("::") != std::string::npos
                      ? Config::SetDefaultFailSafe(name, StringValue(value))
                      : GlobalValue::BindFailSafe(name, StringValue(value));
        if (!ok)
        {
            throw py::value_error("configure: cannot set '" + name + "' to '" + value +
                                  "' (no such attribute or global, or a bad value)");
        }
    }
}

/**
 * Schedule progress calls at every tenth of the simulated time.
 * \param stop the stop time
 * \param callback called with (fraction, simulated seconds, events)
 */
void
ScheduleProgress(Time stop, const std::function<void(double, double, uint64_t)>& callback)
{
    if (!callback)
    {
        return;
    }
    for (int k = 1; k <= 10; ++k)
    {
        Time at = stop * k / 10;
        Simulator::Schedule(at, [callback, k, at]() {
            callback(k / 10.0, at.GetSeconds(), Simulator::GetEventCount());
        });
    }
}

/**
 * Raise ValueError with a configuration's complaint, if it has one.
 * \param why what Validate() said
 */
void
RequireValid(const std::string& why)
{
    if (!why.empty())
    {
        throw py::value_error(why);
    }
}

/**
 * Run a built deployment and turn its statistics into Python data.
 * \param deployment the deployment (built)
 * \param perFlow collect per-flow results (FlowMonitor)
 * \param progress called at every tenth of the run, or None
 * \param sampleInterval seconds between samples of the series (0: none)
 * \return hosts, flows, totals, series and resolution latencies
 */
py::dict
RunDeployment(const PeArpDeployment& deployment,
              bool perFlow,
              const std::function<void(double, double, uint64_t)>& progress,
              double sampleInterval)
{
    py::dict result;
    PeArpStatistics statistics(deployment, perFlow);
    if (sampleInterval > 0)
    {
        statistics.EnableSampling(Seconds(sampleInterval));
    }
    ScheduleProgress(deployment.GetStopTime(), progress);
    Simulator::Stop(deployment.GetStopTime());
    Simulator::Run();
    statistics.Collect();

    py::list hosts;
    for (const auto& h : statistics.GetHostResults())
    {
        py::dict row;
        row["host"] = h.host;
        row["site"] = h.site;
        row["node_id"] = h.nodeId;
        row["ip"] = Text(h.ip);
        row["port_low"] = h.range.GetLow();
        row["port_high"] = h.range.GetHigh();
        row["mac"] = Text(h.mac);
        row["rx_bytes"] = h.rxBytes;
        row["expected_bytes"] = h.expectedBytes;
        row["echo_replies"] = h.echoReplies;
        row["wrong_host_packets"] = h.wrongHostPackets;
        row["first_rx_s"] = h.firstRxS;
        row["last_rx_s"] = h.lastRxS;
        row["goodput_bps"] = h.goodputBps;
        hosts.append(row);
    }
    py::list flows;
    for (const auto& f : statistics.GetFlowResults())
    {
        py::dict row;
        row["flow"] = f.flowId;
        row["protocol"] = f.protocol;
        row["source"] = Text(f.source);
        row["source_port"] = f.sourcePort;
        row["destination"] = Text(f.destination);
        row["destination_port"] = f.destinationPort;
        row["tx_packets"] = f.txPackets;
        row["rx_packets"] = f.rxPackets;
        row["lost_packets"] = f.lostPackets;
        row["tx_bytes"] = f.txBytes;
        row["rx_bytes"] = f.rxBytes;
        row["goodput_bps"] = f.goodputBps;
        row["mean_delay_s"] = f.meanDelayS;
        flows.append(row);
    }
    const PeArpStatistics::Totals& t = statistics.GetTotals();
    py::dict totals;
    totals["events"] = t.events;
    totals["arp_frames"] = t.arpFrames;
    totals["edge_requests"] = t.edgeRequests;
    totals["edge_cache_entries"] = t.edgeCacheEntries;
    totals["expected_bytes"] = t.expectedBytes;
    totals["rx_bytes"] = t.rxBytes;
    totals["expected_echo_replies"] = t.expectedEchoReplies;
    totals["echo_replies"] = t.echoReplies;
    totals["wrong_host_packets"] = t.wrongHostPackets;
    totals["drops"] = t.drops;
    totals["drops_by_reason"] = t.dropsByReason;
    totals["all_delivered"] = t.AllDelivered();
    py::list series;
    for (const auto& sample : statistics.GetSamples())
    {
        py::dict row;
        row["time_s"] = sample.timeS;
        row["arp_frames"] = sample.arpFrames;
        row["rx_bytes"] = sample.rxBytes;
        row["edge_cache_entries"] = sample.edgeCacheEntries;
        series.append(row);
    }
    result["hosts"] = hosts;
    result["flows"] = flows;
    result["totals"] = totals;
    result["series"] = series;
    result["resolution_latencies_s"] = statistics.GetResolutionLatencies();
    return result;
}

/**
 * Build, run and collect one PeArpScenario.
 * \param config the scenario's parameters
 * \param perFlow collect per-flow results (FlowMonitor)
 * \param progress called at every tenth of the run, or None
 * \param sampleInterval seconds between samples of the series (0: none)
 * \return hosts, flows, totals and the edge's PE-ARP table, as Python data
 */
py::dict
RunScenario(const PeArpScenario::Config& config,
            bool perFlow,
            const std::function<void(double, double, uint64_t)>& progress,
            double sampleInterval)
{
    if (sampleInterval < 0)
    {
        throw py::value_error("sample_interval: must not be negative");
    }
    PeArpScenario scenario(config);
    RequireValid(scenario.Validate());
    scenario.Build();
    py::dict result = RunDeployment(scenario, perFlow, progress, sampleInterval);
    std::ostringstream table;
    if (config.resolver == PeArpScenario::PE_ARP)
    {
        PeArpHelper::PrintTable(scenario.GetEdgeDevices().Get(0), table);
    }
    result["edge_table"] = table.str();
    py::list provisionedAt;
    for (uint32_t i = 0; i < scenario.GetNHosts(); i++)
    {
        Time at = scenario.GetProvisionedTime(i);
        provisionedAt.append(at.IsStrictlyNegative() ? -1.0 : at.GetSeconds());
    }
    py::dict provisioning;
    provisioning["provisioned_s"] = provisionedAt;
    py::dict dhcp;
    for (const Ptr<PeArpDhcpServer>& server : scenario.GetDhcpServers())
    {
        const PeArpDhcpServer::Counters& n = server->GetCounters();
        for (const auto& [name, value] :
             {std::pair<const char*, uint64_t>{"discovers", n.discovers},
              {"offers", n.offers},
              {"requests", n.requests},
              {"acks", n.acks},
              {"naks", n.naks},
              {"pool_full", n.poolFull},
              {"malformed", n.malformed}})
        {
            dhcp[name] = (dhcp.contains(name) ? dhcp[name].cast<uint64_t>() : 0) + value;
        }
    }
    provisioning["dhcp"] = dhcp;
    result["provisioning"] = provisioning;
    Simulator::Destroy();
    return result;
}

/**
 * Build, run and collect a topology.
 * \param topology the graph
 * \param config the builder's parameters
 * \param perFlow collect per-flow results (FlowMonitor)
 * \param progress called at every tenth of the run, or None
 * \param sampleInterval seconds between samples of the series (0: none)
 * \return as RunDeployment, with the routes and the build and route set-up times
 */
py::dict
RunTopology(const PeArpTopology& topology,
            const PeArpTopologyHelper::Config& config,
            bool perFlow,
            const std::function<void(double, double, uint64_t)>& progress,
            double sampleInterval)
{
    if (sampleInterval < 0)
    {
        throw py::value_error("sample_interval: must not be negative");
    }
    if (!config.traffic)
    {
        throw py::value_error("traffic: run_topology needs the traffic on");
    }
    PeArpTopologyHelper helper(topology, config);
    RequireValid(helper.Validate());
    using Clock = std::chrono::steady_clock;
    auto t0 = Clock::now();
    helper.BuildNetwork();
    auto t1 = Clock::now();
    helper.InstallRoutes();
    auto t2 = Clock::now();
    helper.InstallTraffic();
    py::dict result = RunDeployment(helper, perFlow, progress, sampleInterval);
    result["routes"] = helper.GetNInstalledRoutes();
    result["build_s"] = std::chrono::duration<double>(t1 - t0).count();
    result["routes_s"] = std::chrono::duration<double>(t2 - t1).count();
    result["blocked_links"] = helper.GetNBlockedLinks();
    Simulator::Destroy();
    return result;
}

/**
 * Build, run and collect one PeArpComparison.
 * \param config its parameters
 * \param progress called at every tenth of the run, or None
 * \return the results as Python data
 */
py::dict
RunComparison(const PeArpComparison::Config& config,
              const std::function<void(double, double, uint64_t)>& progress)
{
    PeArpComparison comparison(config);
    RequireValid(comparison.Validate());
    comparison.Build();
    ScheduleProgress(comparison.GetStopTime(), progress);
    Simulator::Stop(comparison.GetStopTime());
    Simulator::Run();
    PeArpComparison::Result r = comparison.Collect();
    Simulator::Destroy();

    py::dict result;
    result["system"] = PeArpComparison::GetSystemName(r.system);
    py::list flows;
    for (const auto& f : r.flows)
    {
        py::dict row;
        row["kind"] = f.kind;
        row["host"] = f.host;
        row["expected"] = f.expected;
        row["received"] = f.received;
        row["start_s"] = f.startS;
        row["last_rx_s"] = f.lastRxS;
        row["goodput_bps"] = f.goodputBps;
        row["complete"] = f.complete;
        flows.append(row);
    }
    py::list hosts;
    for (const auto& h : r.hosts)
    {
        py::dict row;
        row["host"] = h.host;
        row["address"] = Text(h.address);
        row["public_address"] = Text(h.publicAddress);
        row["port_low"] = h.range.GetLow();
        row["port_high"] = h.range.GetHigh();
        row["echo_replies"] = h.echoReplies;
        row["mean_echo_rtt_s"] = h.meanEchoRttS;
        row["ping_replies"] = h.pingReplies;
        row["mean_ping_rtt_s"] = h.meanPingRttS;
        row["announced_address"] = Text(h.announcedAddress);
        row["announced_port"] = h.announcedPort;
        row["embedded_ok"] = h.embeddedOk;
        hosts.append(row);
    }
    result["flows"] = flows;
    result["hosts"] = hosts;
    result["goodput_sum_bps"] = r.goodputSumBps;
    result["flows_complete"] = r.flowsComplete;
    result["echoes_sent"] = r.echoesSent;
    result["echo_replies"] = r.echoReplies;
    result["pings_sent"] = r.pingsSent;
    result["ping_replies"] = r.pingReplies;
    result["embedded_ok"] = r.embeddedOk;
    result["state_kind"] = r.stateKind;
    result["state_peak"] = r.statePeak;
    result["state_end"] = r.stateEnd;
    result["arp_frames"] = r.arpFrames;
    result["ipv4_frames"] = r.ipv4Frames;
    result["lhp_frames"] = r.lhpFrames;
    result["rewritten_l3"] = r.rewrittenL3;
    result["rewritten_l2"] = r.rewrittenL2;
    result["drops"] = r.drops;
    result["counters"] = r.counters;
    result["events"] = r.events;
    result["nat_cost_us"] = r.natPerPacketUs;
    result["switch_cost_us"] = r.switchPerPacketUs;
    return result;
}

} // namespace

PYBIND11_MODULE(_pearp, m)
{
    m.doc() = "pe-arp (Port Enhanced ARP for ns-3 3.37): build, run and measure PE-ARP "
              "deployments and the systems they are compared with. See the package pearp.";

    m.def("configure",
          &Configure,
          py::arg("values"),
          "Set ns-3 attribute defaults ('ns3::TcpSocket::SegmentSize') and globals "
          "('RngRun'), all values as strings. Raises ValueError on an unknown name or a bad "
          "value.");
    m.def(
        "seed",
        [](uint32_t seed, uint64_t run) {
            if (seed == 0)
            {
                throw py::value_error("seed: must be at least 1");
            }
            RngSeedManager::SetSeed(seed);
            RngSeedManager::SetRun(run);
        },
        py::arg("seed"),
        py::arg("run") = 1,
        "Set ns-3's random seed and run number (RngSeedManager).");

    py::class_<PeArpScenario::Config> scenario(
        m,
        "ScenarioConfig",
        "Parameters of a PE-ARP scenario (ns3::PeArpScenario::Config): sites behind a core, "
        "each a LAN of hosts sharing addresses behind a PE-ARP router or a PE-Bridge, or with "
        "one address per host and stock ARP.");
    py::enum_<PeArpScenario::Resolver>(scenario, "Resolver")
        .value("PE_ARP", PeArpScenario::PE_ARP)
        .value("STOCK", PeArpScenario::STOCK);
    py::enum_<PeArpScenario::Deployment>(scenario, "Deployment")
        .value("ROUTER", PeArpScenario::ROUTER)
        .value("BRIDGE", PeArpScenario::BRIDGE);
    py::enum_<PeArpScenario::Lan>(scenario, "Lan")
        .value("CSMA_BUS", PeArpScenario::CSMA_BUS)
        .value("SWITCHED", PeArpScenario::SWITCHED);
    py::enum_<PeArpLanBuilder::Provisioning>(scenario, "Provisioning")
        .value("STATIC", PeArpLanBuilder::STATIC)
        .value("DHCP", PeArpLanBuilder::DHCP)
        .value("SELF_ASSIGNED", PeArpLanBuilder::SELF_ASSIGNED);
    scenario.def(py::init<>())
        .def_readwrite("sites", &PeArpScenario::Config::sites, "number of sites (LANs)")
        .def_readwrite("hosts_per_site", &PeArpScenario::Config::hostsPerSite, "hosts per site")
        .def_readwrite("shared_ips", &PeArpScenario::Config::sharedIps, "shared addresses per site")
        .def_readwrite("ports_per_host", &PeArpScenario::Config::portsPerHost, "ports per host")
        .def_readwrite("first_port",
                       &PeArpScenario::Config::firstPort,
                       "first port of the first range")
        .def_readwrite("resolver", &PeArpScenario::Config::resolver, "PE_ARP or STOCK")
        .def_readwrite("deployment", &PeArpScenario::Config::deployment, "ROUTER or BRIDGE")
        .def_readwrite("answer_echo",
                       &PeArpScenario::Config::answerEcho,
                       "the edge answers echo requests for shared addresses")
        .def_readwrite("lan", &PeArpScenario::Config::lan, "CSMA_BUS or SWITCHED")
        .def_readwrite(
            "psid_offset",
            &PeArpScenario::Config::psidOffset,
            "-1: contiguous ranges; 0..15: RFC 7597 (MAP) port sets with this PSID offset")
        .def_readwrite("provisioning",
                       &PeArpScenario::Config::provisioning,
                       "how hosts get their port sets: STATIC, DHCP (from the router, option "
                       "159; needs psid_offset >= 0) or SELF_ASSIGNED (RFC 5227 claims, about "
                       "7 s: set start >= 8); traffic waits for the set")
        .def_readwrite("tcp_bytes", &PeArpScenario::Config::tcpBytes, "TCP bytes to each host")
        .def_readwrite("udp_echo", &PeArpScenario::Config::udpEcho, "one UDP echo per host")
        .def_readwrite("start", &PeArpScenario::Config::start, "first start (s)")
        .def_readwrite("spread", &PeArpScenario::Config::spread, "starts spread over (s)")
        .def_readwrite("drain", &PeArpScenario::Config::drain, "run after the last start (s)")
        .def_property(
            "lan_base",
            [](const PeArpScenario::Config& c) { return Text(c.lanBase); },
            [](PeArpScenario::Config& c, const std::string& a) {
                c.lanBase = Ipv4Address(a.c_str());
            },
            "first site's network, e.g. '198.108.63.0'")
        .def(
            "validate",
            [](const PeArpScenario::Config& c) { return PeArpScenario(c).Validate(); },
            "'' if the parameters are valid, else what is wrong (naming the field)");

    m.def("run_scenario",
          &RunScenario,
          py::arg("config"),
          py::arg("per_flow") = false,
          py::arg("progress") = nullptr,
          py::arg("sample_interval") = 0.0,
          "Build, run and measure a scenario. Returns a dict: 'hosts' and 'flows' (lists of "
          "dicts, the rows of the C++ examples' CSV files), 'totals' (dict), 'edge_table' "
          "(site 0's PE-ARP table as text), 'series' (with sample_interval > 0 seconds: "
          "time_s, arp_frames and rx_bytes so far, edge_cache_entries) and "
          "'resolution_latencies_s' (every PE-ARP resolution packets waited for), "
          "'provisioning' ({'provisioned_s': when each host got its set, -1 if never; "
          "'dhcp': the DHCP servers' counters, summed}). "
          "'progress' is called as progress(fraction, simulated_seconds, events) at every "
          "tenth of the run. Raises ValueError on bad parameters.");

    py::class_<PeArpTopology> topology(
        m,
        "Topology",
        "A network as a graph (ns3::PeArpTopology): routers, switches, sites and internet "
        "vertices, links with rate (bit/s), delay (s) and metric.");
    py::enum_<PeArpTopology::Kind>(topology, "Kind")
        .value("ROUTER", PeArpTopology::ROUTER)
        .value("SWITCH", PeArpTopology::SWITCH)
        .value("SITE", PeArpTopology::SITE)
        .value("INTERNET", PeArpTopology::INTERNET);
    py::enum_<PeArpTopology::Resolver>(topology, "Resolver")
        .value("PE_ARP", PeArpTopology::PE_ARP)
        .value("STOCK", PeArpTopology::STOCK)
        .value("NAT", PeArpTopology::NAT);
    py::class_<PeArpTopology::Lan>(topology, "Lan", "The hosts of a LAN (ns3::PeArpTopology::Lan).")
        .def(py::init<>())
        .def_readwrite("hosts", &PeArpTopology::Lan::hosts, "hosts, or servers of an internet")
        .def_readwrite("resolver", &PeArpTopology::Lan::resolver, "PE_ARP or STOCK")
        .def_readwrite("shared_ips", &PeArpTopology::Lan::sharedIps, "shared addresses")
        .def_readwrite("ports_per_host", &PeArpTopology::Lan::portsPerHost, "ports per host")
        .def_readwrite("first_port",
                       &PeArpTopology::Lan::firstPort,
                       "first port of the first range");
    topology.def(py::init<>())
        .def("add_vertex",
             py::overload_cast<PeArpTopology::Kind, const PeArpTopology::Lan&, const std::string&>(
                 &PeArpTopology::AddVertex),
             py::arg("kind"),
             py::arg("lan") = PeArpTopology::Lan(),
             py::arg("name") = "",
             "Add a vertex; returns its index.")
        .def("add_link",
             &PeArpTopology::AddLink,
             py::arg("a"),
             py::arg("b"),
             py::arg("data_rate") = 1000000000,
             py::arg("delay") = 0.001,
             py::arg("metric") = 1,
             "Add a link; returns its index.")
        .def_property_readonly("n_vertices", &PeArpTopology::GetNVertices)
        .def_property_readonly("n_links", &PeArpTopology::GetNLinks)
        .def_property_readonly("n_hosts", &PeArpTopology::GetNHosts)
        .def("find_vertex",
             &PeArpTopology::FindVertex,
             py::arg("name"),
             "index of a named vertex, or None")
        .def("degree", &PeArpTopology::GetDegree, py::arg("vertex"))
        .def("validate", &PeArpTopology::Validate, "'' if it can be built, else what is wrong")
        .def("to_dot", &PeArpTopology::WriteGraphviz, "the topology as Graphviz DOT")
        .def_static(
            "from_dot",
            [](const std::string& text) {
                PeArpTopology::ReadResult r = PeArpTopology::ReadGraphviz(text);
                if (!r.error.empty())
                {
                    throw py::value_error(r.error);
                }
                return r.topology;
            },
            py::arg("text"),
            "Read Graphviz DOT; raises ValueError naming the node or edge and attribute.")
        .def_static(
            "from_graphml",
            [](const std::string& text) {
                PeArpTopology::ReadResult r = PeArpTopology::ReadGraphml(text);
                if (!r.error.empty())
                {
                    throw py::value_error(r.error);
                }
                return r.topology;
            },
            py::arg("text"),
            "Read GraphML; raises ValueError on a bad file.");

    m.def(
        "isp",
        [](uint32_t backbone,
           uint32_t meshDegree,
           uint32_t sites,
           const PeArpTopology::Lan& site,
           uint32_t internets,
           uint32_t servers) {
            PeArpTopologyGenerator::IspConfig c;
            c.backbone = backbone;
            c.meshDegree = meshDegree;
            c.sites = sites;
            c.siteLan = site;
            c.internets = internets;
            c.servers = servers;
            RequireValid(c.Validate());
            return PeArpTopologyGenerator::Isp(c);
        },
        py::arg("backbone") = 8,
        py::arg("mesh_degree") = 1,
        py::arg("sites") = 16,
        py::arg("site") = PeArpTopology::Lan(),
        py::arg("internets") = 1,
        py::arg("servers") = 0,
        "A multi-site ISP (ns3::PeArpTopologyGenerator::Isp). Raises ValueError naming the field.");
    m.def(
        "campus",
        [](uint32_t cores,
           uint32_t buildings,
           uint32_t distribution,
           uint32_t access,
           uint32_t hosts,
           bool redundant,
           const PeArpTopology::Lan& lan) {
            PeArpTopologyGenerator::CampusConfig c;
            c.cores = cores;
            c.buildings = buildings;
            c.distributionSwitches = distribution;
            c.accessSwitches = access;
            c.hostsPerAccessSwitch = hosts;
            c.redundant = redundant;
            c.lan = lan;
            RequireValid(c.Validate());
            return PeArpTopologyGenerator::Campus(c);
        },
        py::arg("cores") = 2,
        py::arg("buildings") = 4,
        py::arg("distribution_switches") = 2,
        py::arg("access_switches") = 4,
        py::arg("hosts_per_access_switch") = 8,
        py::arg("redundant") = true,
        py::arg("lan") = PeArpTopology::Lan(),
        "A campus (ns3::PeArpTopologyGenerator::Campus). Raises ValueError naming the field.");
    m.def(
        "random_core",
        [](const std::string& model,
           uint32_t routers,
           uint32_t mLinks,
           double alpha,
           double beta,
           uint32_t sitesPerRouter,
           const PeArpTopology::Lan& site,
           uint32_t internets,
           uint64_t seed) {
            PeArpTopologyGenerator::RandomConfig c;
            if (model != "ba" && model != "waxman")
            {
                throw py::value_error("model: '" + model + "' is not 'ba' or 'waxman'");
            }
            c.model = model == "ba" ? PeArpTopologyGenerator::BARABASI_ALBERT
                                    : PeArpTopologyGenerator::WAXMAN;
            c.routers = routers;
            c.m = mLinks;
            c.alpha = alpha;
            c.beta = beta;
            c.sitesPerRouter = sitesPerRouter;
            c.siteLan = site;
            c.internets = internets;
            c.seed = seed;
            RequireValid(c.Validate());
            return PeArpTopologyGenerator::Random(c);
        },
        py::arg("model") = "ba",
        py::arg("routers") = 100,
        py::arg("m") = 2,
        py::arg("alpha") = 0.15,
        py::arg("beta") = 0.4,
        py::arg("sites_per_router") = 1,
        py::arg("site") = PeArpTopology::Lan(),
        py::arg("internets") = 1,
        py::arg("seed") = 1,
        "A random router core with sites: 'ba' (Barabasi-Albert) or 'waxman'.");

    py::class_<PeArpTopologyHelper::Config> topologyConfig(
        m,
        "TopologyConfig",
        "How a topology is built into ns-3 (ns3::PeArpTopologyHelper::Config).");
    py::enum_<PeArpTopologyHelper::Routing>(topologyConfig, "Routing")
        .value("LPM_ROUTING", PeArpTopologyHelper::LPM_ROUTING)
        .value("STATIC_ROUTING", PeArpTopologyHelper::STATIC_ROUTING)
        .value("GLOBAL_ROUTING", PeArpTopologyHelper::GLOBAL_ROUTING);
    topologyConfig.def(py::init<>())
        .def_readwrite("routing",
                       &PeArpTopologyHelper::Config::routing,
                       "LPM_ROUTING, STATIC_ROUTING or GLOBAL_ROUTING")
        .def_readwrite("aggregate",
                       &PeArpTopologyHelper::Config::aggregate,
                       "merge sibling prefixes")
        .def_readwrite("spanning_tree",
                       &PeArpTopologyHelper::Config::spanningTree,
                       "leave out the links STP would block")
        .def_readwrite("tcp_bytes",
                       &PeArpTopologyHelper::Config::tcpBytes,
                       "TCP bytes to each host")
        .def_readwrite("udp_echo", &PeArpTopologyHelper::Config::udpEcho, "one UDP echo per host")
        .def_readwrite("start", &PeArpTopologyHelper::Config::start, "first start (s)")
        .def_readwrite("spread", &PeArpTopologyHelper::Config::spread, "starts spread over (s)")
        .def_readwrite("drain",
                       &PeArpTopologyHelper::Config::drain,
                       "run after the last start (s)");

    m.def("run_topology",
          &RunTopology,
          py::arg("topology"),
          py::arg("config") = PeArpTopologyHelper::Config(),
          py::arg("per_flow") = false,
          py::arg("progress") = nullptr,
          py::arg("sample_interval") = 0.0,
          "Build a topology into ns-3 (routes computed on the graph), run its traffic and "
          "measure it. Returns the dict of run_scenario (without 'edge_table') plus 'routes', "
          "'build_s', 'routes_s' and 'blocked_links'. Raises ValueError on a bad topology.");

    py::class_<PeArpComparison::Config> comparison(
        m,
        "ComparisonConfig",
        "Parameters of the comparison harness (ns3::PeArpComparison::Config): one site under "
        "one way of sharing an address, with the same topology and traffic as the others.");
    comparison.def(py::init<>())
        .def_property(
            "system",
            [](const PeArpComparison::Config& c) {
                return PeArpComparison::GetSystemName(c.system);
            },
            [](PeArpComparison::Config& c, const std::string& name) {
                auto s = PeArpComparison::GetSystemByName(name);
                if (!s)
                {
                    throw py::value_error("system: unknown system '" + name + "'");
                }
                c.system = *s;
            },
            "the system's name (see systems())")
        .def_readwrite("hosts", &PeArpComparison::Config::hosts, "hosts (1-200)")
        .def_readwrite("ports_per_host", &PeArpComparison::Config::portsPerHost)
        .def_readwrite("first_port", &PeArpComparison::Config::firstPort)
        .def_readwrite("inbound_bytes", &PeArpComparison::Config::inboundBytes)
        .def_readwrite("outbound_bytes", &PeArpComparison::Config::outboundBytes)
        .def_readwrite("local_bytes", &PeArpComparison::Config::localBytes)
        .def_readwrite("echoes", &PeArpComparison::Config::echoes)
        .def_readwrite("pings", &PeArpComparison::Config::pings)
        .def_readwrite("embedded_bytes", &PeArpComparison::Config::embeddedBytes)
        .def_readwrite("lan_rate", &PeArpComparison::Config::lanRate)
        .def_readwrite("wan_rate", &PeArpComparison::Config::wanRate)
        .def_property(
            "nat_cost_us",
            [](const PeArpComparison::Config& c) { return c.natPerPacket.GetSeconds() * 1e6; },
            [](PeArpComparison::Config& c, double us) {
                c.natPerPacket = NanoSeconds(static_cast<int64_t>(us * 1000 + 0.5));
            },
            "NAPT service time per packet (us)")
        .def_property(
            "switch_cost_us",
            [](const PeArpComparison::Config& c) { return c.switchPerPacket.GetSeconds() * 1e6; },
            [](PeArpComparison::Config& c, double us) {
                c.switchPerPacket = NanoSeconds(static_cast<int64_t>(us * 1000 + 0.5));
            },
            "flow switch service time per frame (us)")
        .def_readwrite("switch_lookup", &PeArpComparison::Config::switchLookup)
        .def_readwrite("stop", &PeArpComparison::Config::stop, "simulated seconds")
        .def(
            "validate",
            [](const PeArpComparison::Config& c) { return PeArpComparison(c).Validate(); },
            "'' if the parameters are valid, else what is wrong (naming the field)");

    m.def(
        "systems",
        []() {
            std::vector<std::string> names;
            for (auto s : PeArpComparison::GetSystems())
            {
                names.push_back(PeArpComparison::GetSystemName(s));
            }
            return names;
        },
        "The names of the systems the comparison harness runs, in report order.");
    m.def("run_comparison",
          &RunComparison,
          py::arg("config"),
          py::arg("progress") = nullptr,
          "Build, run and measure one system of the comparison harness. Returns a dict of "
          "results (flows, hosts, state, frames, rewrites, drops, events, costs). Raises "
          "ValueError on bad parameters.");
}
