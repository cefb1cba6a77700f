/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-scenario.h"

#include "pe-arp-bridge-helper.h"
#include "pe-arp-helper.h"
#include "pe-arp-stack-helper.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/bridge-helper.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/command-line.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-header.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpScenario");

namespace
{

/// Connections one Internet host opens at most: ns-3 demultiplexes TCP
/// segments by scanning every endpoint of a node, so fewer is faster.
const uint32_t CONNECTIONS_PER_INTERNET_HOST = 250;
/// Port of the Internet UDP echo server.
const uint16_t ECHO_PORT = 9;

double
WallSeconds()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

void
CountArpFrame(uint64_t* counter, Ptr<const Packet> packet)
{
    EthernetHeader header(false);
    if (packet->PeekHeader(header) && header.GetLengthType() == 0x0806)
    {
        (*counter)++;
    }
}

void
CountEchoReply(uint32_t* counter, Ptr<const Packet> packet)
{
    (*counter)++;
}

uint32_t
CeilDiv(uint32_t a, uint32_t b)
{
    return (a + b - 1) / b;
}

} // namespace

PeArpScenario::PeArpScenario(const Config& config)
    : m_config(config),
      m_arpFrames(0),
      m_wallStart(0),
      m_built(false)
{
}

bool
PeArpScenario::ParseResolver(const std::string& name, Resolver& resolver)
{
    if (name == "pe-arp")
    {
        resolver = PE_ARP;
        return true;
    }
    if (name == "stock")
    {
        resolver = STOCK;
        return true;
    }
    return false;
}

bool
PeArpScenario::ParseDeployment(const std::string& name, Deployment& deployment)
{
    if (name == "router")
    {
        deployment = ROUTER;
        return true;
    }
    if (name == "bridge")
    {
        deployment = BRIDGE;
        return true;
    }
    return false;
}

bool
PeArpScenario::ParseLan(const std::string& name, Lan& lan)
{
    if (name == "csma")
    {
        lan = CSMA_BUS;
        return true;
    }
    if (name == "switched")
    {
        lan = SWITCHED;
        return true;
    }
    return false;
}

uint32_t
PeArpScenario::GetPrefixLength() const
{
    // Room for network, router, hosts (or shared addresses) and broadcast.
    uint32_t needed = std::max(m_config.hostsPerSite, m_config.sharedIps) + 3;
    uint32_t bits = 8;
    while ((1u << bits) < needed)
    {
        bits++;
    }
    return 32 - bits;
}

Ipv4Address
PeArpScenario::GetSiteNetwork(uint32_t site) const
{
    uint32_t block = 1u << (32 - GetPrefixLength());
    uint32_t base = m_config.lanBase.Get() & ~(block - 1); // aligned on the prefix
    return Ipv4Address(base + site * block);
}

bool
PeArpScenario::Validate(std::string& why) const
{
    std::ostringstream reason;
    const Config& c = m_config;
    uint32_t hostsPerIp = c.sharedIps ? CeilDiv(c.hostsPerSite, c.sharedIps) : 0;
    if (c.sites == 0 || c.hostsPerSite == 0)
    {
        reason << "--sites and --hosts must be at least 1";
    }
    else if (c.sharedIps == 0)
    {
        reason << "--sharedIps must be at least 1";
    }
    else if (c.sharedIps > c.hostsPerSite)
    {
        reason << "--sharedIps=" << c.sharedIps << " exceeds the " << c.hostsPerSite
               << " hosts of a site: every shared address needs at least one host";
    }
    else if (c.portsPerHost == 0 || c.firstPort == 0 || c.firstPort > 65535)
    {
        reason << "--portsPerHost must be at least 1 and --firstPort in 1..65535";
    }
    else if (uint64_t(c.firstPort) + uint64_t(hostsPerIp) * c.portsPerHost - 1 > 65535)
    {
        reason << hostsPerIp << " hosts per address x " << c.portsPerHost << " ports from port "
               << c.firstPort << " need ports up to "
               << (uint64_t(c.firstPort) + uint64_t(hostsPerIp) * c.portsPerHost - 1)
               << " > 65535: raise --sharedIps, or lower --portsPerHost or --firstPort";
    }
    else if (uint64_t(GetSiteNetwork(c.sites).Get()) >= uint64_t(Ipv4Address("224.0.0.0").Get()))
    {
        reason << "the LANs of " << c.sites << " sites from " << c.lanBase
               << " do not fit below 224.0.0.0";
    }
    why = reason.str();
    return why.empty();
}

void
PeArpScenario::Build()
{
    NS_LOG_FUNCTION(this);
    std::string why;
    NS_ABORT_MSG_UNLESS(Validate(why), "PeArpScenario: " << why);
    NS_ABORT_MSG_IF(m_built, "PeArpScenario::Build called twice");
    m_built = true;

    uint32_t totalHosts = m_config.sites * m_config.hostsPerSite;
    m_echoReplies.assign(totalHosts, 0);

    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());

    Ptr<Node> core = CreateObject<Node>();
    m_internet.Create(CeilDiv(totalHosts, CONNECTIONS_PER_INTERNET_HOST));
    stack.Install(core);
    stack.Install(m_internet);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    Ipv4AddressHelper p2pAddresses("10.0.0.0", "255.255.255.252");
    Ipv4StaticRoutingHelper routing;
    for (uint32_t k = 0; k < m_internet.GetN(); k++)
    {
        NetDeviceContainer link = p2p.Install(m_internet.Get(k), core);
        Ipv4InterfaceContainer interfaces = p2pAddresses.Assign(link);
        p2pAddresses.NewNetwork();
        routing.GetStaticRouting(m_internet.Get(k)->GetObject<Ipv4>())
            ->SetDefaultRoute(interfaces.GetAddress(1), 1);
    }
    for (uint32_t site = 0; site < m_config.sites; site++)
    {
        Ptr<Node> router = CreateObject<Node>();
        m_routers.Add(router);
        stack.Install(router);
        NetDeviceContainer link = p2p.Install(router, core);
        Ipv4InterfaceContainer interfaces = p2pAddresses.Assign(link);
        p2pAddresses.NewNetwork();
        m_routerP2p.push_back(interfaces.GetAddress(0));
        routing.GetStaticRouting(router->GetObject<Ipv4>())
            ->SetDefaultRoute(interfaces.GetAddress(1), 1);
        Ptr<Ipv4> coreIpv4 = core->GetObject<Ipv4>();
        routing.GetStaticRouting(coreIpv4)->AddNetworkRouteTo(
            GetSiteNetwork(site),
            Ipv4Mask(~((1u << (32 - GetPrefixLength())) - 1)),
            interfaces.GetAddress(0),
            coreIpv4->GetInterfaceForDevice(link.Get(1)));
        BuildSite(site, core);
    }

    // Traffic.
    Ipv4Address echoServer = m_internet.Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    UdpEchoServerHelper echoServerHelper(ECHO_PORT);
    echoServerHelper.Install(m_internet.Get(0)).Start(Seconds(0));
    double last = m_config.start + m_config.spread;
    for (uint32_t i = 0; i < totalHosts; i++)
    {
        // Interleave sites, so that each site's starts span the whole spread.
        uint32_t order = (i % m_config.hostsPerSite) * m_config.sites + i / m_config.hostsPerSite;
        double at = m_config.start + m_config.spread * order / totalHosts;
        uint16_t serverPort =
            m_hostRange[i].IsAll()
                ? static_cast<uint16_t>(m_config.firstPort +
                                        (i % m_config.hostsPerSite) %
                                            CeilDiv(m_config.hostsPerSite, m_config.sharedIps) *
                                            m_config.portsPerHost)
                : m_hostRange[i].GetLow();
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), serverPort));
        ApplicationContainer sinkApp = sink.Install(m_hosts.Get(i));
        sinkApp.Start(Seconds(0));
        m_sinks.Add(sinkApp);

        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(m_hostIp[i], serverPort));
        bulk.SetAttribute("MaxBytes", UintegerValue(m_config.tcpBytes));
        bulk.SetAttribute("SendSize", UintegerValue(1448));
        ApplicationContainer bulkApp =
            bulk.Install(m_internet.Get(i / CONNECTIONS_PER_INTERNET_HOST));
        bulkApp.Start(Seconds(at));

        if (m_config.udpEcho)
        {
            UdpEchoClientHelper echo(echoServer, ECHO_PORT);
            echo.SetAttribute("MaxPackets", UintegerValue(1));
            echo.SetAttribute("PacketSize", UintegerValue(64));
            ApplicationContainer echoApp = echo.Install(m_hosts.Get(i));
            echoApp.Start(Seconds(at + 0.5));
            echoApp.Get(0)->TraceConnectWithoutContext(
                "Rx",
                MakeBoundCallback(&CountEchoReply, &m_echoReplies[i]));
        }
    }
    Simulator::Stop(Seconds(last + m_config.drain));
}

void
PeArpScenario::BuildSite(uint32_t site, Ptr<Node> core)
{
    NS_LOG_FUNCTION(this << site);
    const Config& c = m_config;
    Ptr<Node> router = m_routers.Get(site);
    NodeContainer hosts;
    hosts.Create(c.hostsPerSite);
    m_hosts.Add(hosts);
    if (c.resolver == PE_ARP)
    {
        PeArpStackHelper().Install(hosts);
    }
    else
    {
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        stack.Install(hosts);
    }

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(NanoSeconds(500)));
    NetDeviceContainer links; // gateway first, then the hosts
    NetDeviceContainer ports; // of the bridge, if there is one
    Ptr<Node> bridge;
    NodeContainer lan(router);
    lan.Add(hosts);
    if (c.lan == CSMA_BUS && c.deployment == ROUTER)
    {
        links = csma.Install(lan);
    }
    else if (c.lan == CSMA_BUS)
    {
        // The bridge joins the gateway's segment and the hosts' segment.
        bridge = CreateObject<Node>();
        NetDeviceContainer uplink = csma.Install(NodeContainer(router, bridge));
        links.Add(uplink.Get(0));
        ports.Add(uplink.Get(1));
        NodeContainer segment(bridge);
        segment.Add(hosts);
        NetDeviceContainer hostSegment = csma.Install(segment);
        ports.Add(hostSegment.Get(0));
        for (uint32_t i = 1; i < hostSegment.GetN(); i++)
        {
            links.Add(hostSegment.Get(i));
        }
    }
    else
    {
        bridge = CreateObject<Node>();
        for (uint32_t i = 0; i < lan.GetN(); i++)
        {
            NetDeviceContainer pair = csma.Install(NodeContainer(lan.Get(i), bridge));
            links.Add(pair.Get(0));
            ports.Add(pair.Get(1));
        }
    }
    m_linkDevices.Add(links);

    Ipv4Address network = GetSiteNetwork(site);
    Ipv4Mask mask(~((1u << (32 - GetPrefixLength())) - 1));
    Ipv4Address gateway(network.Get() + 1);
    uint32_t hostsPerIp = CeilDiv(c.hostsPerSite, c.sharedIps);
    Ipv4StaticRoutingHelper routing;
    PeArpHelper peArp;

    if (bridge && c.deployment == BRIDGE && c.resolver == PE_ARP)
    {
        std::vector<Ipv4Address> shared;
        for (uint32_t k = 0; k < c.sharedIps; k++)
        {
            shared.emplace_back(network.Get() + 2 + k);
        }
        PeArpBridgeHelper peBridge;
        peBridge.SetDeviceAttribute("AnswerEcho", BooleanValue(c.answerEcho));
        m_edgeDevices.Add(peBridge.Install(bridge, ports, shared));
        m_edges.Add(bridge);
    }
    else if (bridge)
    {
        BridgeHelper().Install(bridge, ports);
    }

    auto addInterface = [](Ptr<NetDevice> device, Ipv4InterfaceAddress address) {
        Ptr<Ipv4> ipv4 = device->GetNode()->GetObject<Ipv4>();
        int32_t interface = ipv4->AddInterface(device);
        ipv4->AddAddress(interface, address);
        ipv4->SetUp(interface);
        return static_cast<uint32_t>(interface);
    };

    if (c.resolver == PE_ARP && c.deployment == ROUTER)
    {
        peArp.SetDeviceAttribute("AnswerEcho", BooleanValue(c.answerEcho));
        Ptr<PeArpNetDevice> routerLan = peArp.Install(links.Get(0));
        peArp.Assign(routerLan, Ipv4InterfaceAddress(gateway, mask));
        for (uint32_t k = 0; k < c.sharedIps; k++)
        {
            routerLan->AddSharedAddress(Ipv4Address(network.Get() + 2 + k));
        }
        m_edgeDevices.Add(routerLan);
        m_edges.Add(router);
        peArp.SetDeviceAttribute("AnswerEcho", BooleanValue(false));
    }
    else
    {
        addInterface(links.Get(0), Ipv4InterfaceAddress(gateway, mask)); // stock ARP
    }

    for (uint32_t j = 0; j < c.hostsPerSite; j++)
    {
        Ptr<NetDevice> link = links.Get(j + 1);
        uint32_t interface;
        if (c.resolver == PE_ARP)
        {
            Ipv4Address ip(network.Get() + 2 + j / hostsPerIp);
            uint32_t low = c.firstPort + (j % hostsPerIp) * c.portsPerHost;
            PeArpPortRange range(static_cast<uint16_t>(low),
                                 static_cast<uint16_t>(low + c.portsPerHost - 1));
            Ptr<NetDevice> device = peArp.Install(link);
            interface = peArp.Assign(device, Ipv4InterfaceAddress(ip, mask), range);
            m_hostLan.Add(device);
            m_hostIp.push_back(ip);
            m_hostRange.push_back(range);
        }
        else
        {
            Ipv4Address ip(network.Get() + 2 + j);
            interface = addInterface(link, Ipv4InterfaceAddress(ip, mask));
            m_hostLan.Add(link);
            m_hostIp.push_back(ip);
            m_hostRange.push_back(PeArpPortRange::All());
        }
        routing.GetStaticRouting(hosts.Get(j)->GetObject<Ipv4>())
            ->SetDefaultRoute(gateway, interface);
    }

    for (uint32_t i = 0; i < links.GetN(); i++)
    {
        links.Get(i)->TraceConnectWithoutContext("MacTx",
                                                 MakeBoundCallback(&CountArpFrame, &m_arpFrames));
    }
}

void
PeArpScenario::Progress()
{
    double stop = m_config.start + m_config.spread + m_config.drain;
    std::cerr << "[pe-arp] simulated " << std::fixed << std::setprecision(2)
              << Simulator::Now().GetSeconds() << "/" << stop << " s, "
              << Simulator::GetEventCount() << " events, wall " << std::setprecision(1)
              << (WallSeconds() - m_wallStart) << " s" << std::endl;
    std::cerr.unsetf(std::ios::floatfield);
    Simulator::Schedule(Seconds(stop / 10), &PeArpScenario::Progress, this);
}

void
PeArpScenario::Run()
{
    NS_LOG_FUNCTION(this);
    if (!m_built)
    {
        Build();
    }
    m_wallStart = WallSeconds();
    if (m_config.progress)
    {
        double stop = m_config.start + m_config.spread + m_config.drain;
        Simulator::Schedule(Seconds(stop / 10), &PeArpScenario::Progress, this);
    }
    Simulator::Run();

    m_totals = Totals();
    m_totals.events = Simulator::GetEventCount();
    m_totals.arpFrames = m_arpFrames;
    m_results.clear();
    for (uint32_t i = 0; i < m_hosts.GetN(); i++)
    {
        HostResult r;
        r.host = i;
        r.site = i / m_config.hostsPerSite;
        r.nodeId = m_hosts.Get(i)->GetId();
        r.ip = m_hostIp[i];
        r.range = m_hostRange[i];
        r.mac = Mac48Address::ConvertFrom(m_hostLan.Get(i)->GetAddress());
        r.rxBytes = DynamicCast<PacketSink>(m_sinks.Get(i))->GetTotalRx();
        r.echoReplies = m_echoReplies[i];
        Ptr<PeArpNetDevice> device = DynamicCast<PeArpNetDevice>(m_hostLan.Get(i));
        r.wrongHostPackets = device ? device->GetWrongHostPackets() : 0;
        m_totals.rxBytes += r.rxBytes;
        m_totals.echoReplies += r.echoReplies;
        m_totals.wrongHostPackets += r.wrongHostPackets;
        m_totals.expectedBytes += m_config.tcpBytes;
        m_results.push_back(r);
    }
    NodeContainer all(m_edges, m_hosts);
    for (uint32_t i = 0; i < all.GetN(); i++)
    {
        Ptr<PeArpL3Protocol> protocol = all.Get(i)->GetObject<PeArpL3Protocol>();
        if (protocol)
        {
            m_totals.drops += protocol->GetCounters().TotalDrops();
            static_assert(PeArpL3Protocol::DROP_REASON_COUNT <=
                              std::tuple_size<decltype(m_totals.dropsByReason)>::value,
                          "Totals::dropsByReason has a slot per drop reason");
            for (uint32_t r = 0; r < PeArpL3Protocol::DROP_REASON_COUNT; r++)
            {
                m_totals.dropsByReason[r] += protocol->GetCounters().drops[r];
            }
            if (i < m_edges.GetN())
            {
                m_totals.peArpRequests += protocol->GetCounters().requestsSent;
            }
        }
    }
    // A PE-Bridge's own frames leave through its ports, which are not
    // counted (they also forward everybody else's frames).
    for (uint32_t i = 0; i < m_edgeDevices.GetN(); i++)
    {
        Ptr<PeArpBridgeNetDevice> bridge = DynamicCast<PeArpBridgeNetDevice>(m_edgeDevices.Get(i));
        if (bridge)
        {
            m_totals.arpFrames +=
                bridge->GetProxiedRequests() +
                m_edges.Get(i)->GetObject<PeArpL3Protocol>()->GetCounters().requestsSent;
        }
    }
}

const std::vector<PeArpScenario::HostResult>&
PeArpScenario::GetHostResults() const
{
    return m_results;
}

const PeArpScenario::Totals&
PeArpScenario::GetTotals() const
{
    return m_totals;
}

const NetDeviceContainer&
PeArpScenario::GetEdgeDevices() const
{
    return m_edgeDevices;
}

const NodeContainer&
PeArpScenario::GetHosts() const
{
    return m_hosts;
}

const NetDeviceContainer&
PeArpScenario::GetHostLanDevices() const
{
    return m_hostLan;
}

const NetDeviceContainer&
PeArpScenario::GetLinkDevices() const
{
    return m_linkDevices;
}

PeArpPortRange
PeArpScenario::GetHostRange(uint32_t host) const
{
    return m_hostRange.at(host);
}

Ipv4Address
PeArpScenario::GetHostAddress(uint32_t host) const
{
    return m_hostIp.at(host);
}

void
PeArpScenario::PrintHostTable(std::ostream& os, uint32_t maxRows) const
{
    os << std::left << std::setw(6) << "host" << std::setw(6) << "site" << std::setw(16) << "ip"
       << std::setw(13) << "ports" << std::setw(19) << "mac" << std::right << std::setw(10)
       << "rx_bytes" << std::setw(6) << "echo" << std::setw(12) << "wrong_host" << std::endl;
    uint32_t rows = 0;
    for (const HostResult& r : m_results)
    {
        if (maxRows != 0 && rows++ >= maxRows)
        {
            os << "... (" << m_results.size() - maxRows << " more hosts in the CSV)" << std::endl;
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

bool
PeArpScenario::WriteHostCsv(const std::string& path) const
{
    std::ofstream out(path);
    if (!out)
    {
        return false;
    }
    out << "host,site,ip,port_low,port_high,mac,rx_bytes,echo_replies,wrong_host_packets\n";
    for (const HostResult& r : m_results)
    {
        out << r.host << "," << r.site << "," << r.ip << "," << r.range.GetLow() << ","
            << r.range.GetHigh() << "," << r.mac << "," << r.rxBytes << "," << r.echoReplies << ","
            << r.wrongHostPackets << "\n";
    }
    return static_cast<bool>(out);
}

int
PeArpScenario::RunExample(int argc,
                          char* argv[],
                          const std::string& file,
                          const std::string& name,
                          Deployment deployment)
{
    Config config;
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
    cmd.AddValue("tcpBytes", "Bytes sent to each host over TCP", config.tcpBytes);
    cmd.AddValue("spread", "Starts are spread over this many seconds", config.spread);
    cmd.AddValue("answerEcho",
                 "The edge (router or PE-Bridge) answers echo requests for shared addresses "
                 "(else see --ns3::PeArpL3Protocol::DefaultPort)",
                 config.answerEcho);
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
    config.deployment = deployment;

    if (!ParseResolver(resolver, config.resolver) || !ParseLan(lan, config.lan))
    {
        std::cerr << "error: --resolver must be pe-arp or stock, --lan csma or switched"
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
        csma.EnablePcap(outDir + "/" + name, site0);
    }

    std::cout << "PE-ARP " << (deployment == ROUTER ? "router" : "bridge")
              << " scenario: " << config.sites << " site(s) x " << config.hostsPerSite
              << " hosts, resolver " << resolver << ", LAN " << lan;
    if (config.resolver == PE_ARP)
    {
        std::cout << ", " << config.sharedIps << " shared address(es) per site, "
                  << config.portsPerHost << " ports per host";
    }
    std::cout << ", seed " << seed << " run " << run << std::endl << std::endl;

    scenario.Run();

    std::cout << (deployment == ROUTER ? "Router" : "PE-Bridge")
              << " of site 0, PE-ARP table (arp -n):" << std::endl;
    if (config.resolver == PE_ARP)
    {
        PeArpHelper::PrintTable(scenario.GetEdgeDevices().Get(0), std::cout);
    }
    else
    {
        std::cout << "(stock ns-3 ARP: see ArpCache, not printed)" << std::endl;
    }
    std::cout << std::endl << "Hosts:" << std::endl;
    scenario.PrintHostTable(std::cout, maxRows);

    const Totals& totals = scenario.GetTotals();
    uint32_t n = static_cast<uint32_t>(scenario.GetHostResults().size());
    std::cout << std::endl
              << "TCP bytes received: " << totals.rxBytes << " of " << totals.expectedBytes
              << std::endl
              << "UDP echo replies:   " << totals.echoReplies << " of " << (config.udpEcho ? n : 0)
              << std::endl
              << "wrong-host packets: " << totals.wrongHostPackets << std::endl
              << "ARP frames sent:    " << totals.arpFrames
              << " (PE-ARP requests by the edge: " << totals.peArpRequests << ")" << std::endl
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

    std::string csv = outDir + "/" + name + "-hosts.csv";
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

} // namespace ns3
