/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-scenario.h"

#include "pe-arp-bridge-helper.h"
#include "pe-arp-lan-builder.h"

#include "ns3/abort.h"
#include "ns3/boolean.h"
#include "ns3/bridge-helper.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/csma-helper.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/object-factory.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-conflict-detector.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpScenario");

const uint64_t PeArpScenario::MAX_HOSTS;
const uint32_t PeArpScenario::CONNECTIONS_PER_INTERNET_HOST;
const uint16_t PeArpScenario::ECHO_PORT;

namespace
{

/**
 * \param c a configuration with MAP port sets, DHCP or self-assigned sets
 * \return why its sites' port sets cannot be made, or an empty string
 */
std::string
LanValidation(const PeArpScenario::Config& c)
{
    PeArpLanBuilder::Lan lan;
    lan.hosts = c.hostsPerSite;
    lan.sharedIps = c.sharedIps;
    lan.portsPerHost = c.portsPerHost;
    lan.firstPort = c.firstPort;
    lan.psidOffset = c.psidOffset;
    lan.provisioning = c.provisioning;
    return PeArpLanBuilder(lan).Validate();
}

uint64_t
CeilDiv(uint64_t a, uint64_t b)
{
    return (a + b - 1) / b;
}

/// Point-to-point /30 networks that fit in 10.0.0.0/8.
const uint64_t MAX_P2P_LINKS = uint64_t(1) << 22;

} // namespace

PeArpScenario::PeArpScenario(const Config& config)
    : m_config(config),
      m_built(false)
{
}

const PeArpScenario::Config&
PeArpScenario::GetConfig() const
{
    return m_config;
}

uint32_t
PeArpScenario::GetPrefixLength() const
{
    // Room for network, router, hosts (or shared addresses) and broadcast.
    uint64_t needed = uint64_t(std::max(m_config.hostsPerSite, m_config.sharedIps)) + 3;
    uint32_t bits = 8;
    while (bits < 32 && (uint64_t(1) << bits) < needed)
    {
        bits++;
    }
    return 32 - bits;
}

uint64_t
PeArpScenario::GetSiteNetwork(uint64_t site) const
{
    uint64_t block = uint64_t(1) << (32 - GetPrefixLength());
    uint64_t base = m_config.lanBase.Get() & ~(block - 1); // aligned on the prefix
    return base + site * block;
}

std::string
PeArpScenario::Validate() const
{
    std::ostringstream reason;
    const Config& c = m_config;
    uint64_t totalHosts = uint64_t(c.sites) * c.hostsPerSite;
    if (c.sites == 0)
    {
        reason << "sites must be at least 1";
    }
    else if (c.hostsPerSite == 0)
    {
        reason << "hostsPerSite must be at least 1";
    }
    else if (totalHosts > MAX_HOSTS)
    {
        reason << "sites x hostsPerSite = " << totalHosts << " hosts exceeds " << MAX_HOSTS;
    }
    else if (c.sharedIps == 0)
    {
        reason << "sharedIps must be at least 1";
    }
    else if (c.sharedIps > c.hostsPerSite)
    {
        reason << "sharedIps=" << c.sharedIps << " exceeds hostsPerSite=" << c.hostsPerSite
               << ": every shared address needs at least one host";
    }
    else if (c.portsPerHost == 0 || c.portsPerHost > 65535)
    {
        reason << "portsPerHost=" << c.portsPerHost << " must be in 1..65535";
    }
    else if (c.firstPort == 0 || c.firstPort > 65535)
    {
        reason << "firstPort=" << c.firstPort << " must be in 1..65535";
    }
    else if (c.psidOffset < 0 &&
             c.firstPort + CeilDiv(c.hostsPerSite, c.sharedIps) * c.portsPerHost - 1 > 65535)
    {
        uint64_t hostsPerIp = CeilDiv(c.hostsPerSite, c.sharedIps);
        reason << "portsPerHost: " << hostsPerIp << " hosts per address x " << c.portsPerHost
               << " ports from firstPort=" << c.firstPort << " need ports up to "
               << (c.firstPort + hostsPerIp * c.portsPerHost - 1)
               << " > 65535: raise sharedIps, or lower portsPerHost or firstPort";
    }
    else if (c.psidOffset > 15 || c.psidOffset < -1)
    {
        reason << "psidOffset=" << c.psidOffset << " must be -1 (ranges) or 0..15";
    }
    else if (c.provisioning != PeArpLanBuilder::STATIC &&
             (c.resolver != PE_ARP || c.deployment != ROUTER))
    {
        reason << "provisioning: DHCP and self-assigned port sets need resolver=pe-arp and "
                  "deployment=router";
    }
    else if ((c.psidOffset >= 0 || c.provisioning != PeArpLanBuilder::STATIC) &&
             !LanValidation(c).empty())
    {
        reason << LanValidation(c);
    }
    else if (c.tcpBytes == 0)
    {
        reason << "tcpBytes must be at least 1 (BulkSend would read 0 as unlimited)";
    }
    else if (!(c.provisioningStart >= 0))
    {
        reason << "provisioningStart=" << c.provisioningStart << " must be >= 0 seconds";
    }
    else if (!(c.start >= 0) || !(c.spread >= 0) || !(c.drain > 0))
    {
        reason << (!(c.start >= 0)    ? "start"
                   : !(c.spread >= 0) ? "spread"
                                      : "drain")
               << " must be " << (!(c.drain > 0) && c.start >= 0 && c.spread >= 0 ? "> 0" : ">= 0")
               << " seconds (start=" << c.start << " spread=" << c.spread << " drain=" << c.drain
               << ")";
    }
    else if (GetSiteNetwork(c.sites) > Ipv4Address("224.0.0.0").Get())
    {
        reason << "sites: the LANs of " << c.sites << " sites from lanBase=" << c.lanBase
               << " do not fit below 224.0.0.0";
    }
    else if (uint64_t(c.sites) + CeilDiv(totalHosts, CONNECTIONS_PER_INTERNET_HOST) > MAX_P2P_LINKS)
    {
        reason << "sites: " << c.sites << " sites need more point-to-point /30 networks than "
               << "10.0.0.0/8 holds";
    }
    else if (GetSiteNetwork(0) < Ipv4Address("11.0.0.0").Get() &&
             GetSiteNetwork(c.sites) > Ipv4Address("10.0.0.0").Get())
    {
        reason << "lanBase=" << c.lanBase << ": the site LANs overlap 10.0.0.0/8, used by the "
               << "core links";
    }
    return reason.str();
}

uint32_t
PeArpScenario::GetNHosts() const
{
    return m_config.sites * m_config.hostsPerSite;
}

Time
PeArpScenario::GetStopTime() const
{
    double first = m_config.start;
    if (m_config.provisioning == PeArpLanBuilder::SELF_ASSIGNED)
    {
        // Traffic waits for the host's set: claims uncontested take up to
        // this long (a contested one takes longer, and its flows may be cut).
        first = std::max(first,
                         m_config.provisioningStart +
                             PeArpConflictDetector::GetUncontestedClaimBound().GetSeconds());
    }
    return Seconds(first + m_config.spread + m_config.drain);
}

void
PeArpScenario::Build()
{
    NS_LOG_FUNCTION(this);
    std::string why = Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpScenario: " << why);
    NS_ABORT_MSG_IF(m_built, "PeArpScenario::Build called twice");
    m_built = true;

    uint32_t totalHosts = GetNHosts();
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());

    m_core = CreateObject<Node>();
    m_internet.Create(static_cast<uint32_t>(CeilDiv(totalHosts, CONNECTIONS_PER_INTERNET_HOST)));
    stack.Install(m_core);
    stack.Install(m_internet);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Gbps"));
    p2p.SetChannelAttribute("Delay", StringValue("1ms"));
    Ipv4AddressHelper p2pAddresses("10.0.0.0", "255.255.255.252");
    Ipv4StaticRoutingHelper routing;
    for (uint32_t k = 0; k < m_internet.GetN(); k++)
    {
        NetDeviceContainer link = p2p.Install(m_internet.Get(k), m_core);
        Ipv4InterfaceContainer interfaces = p2pAddresses.Assign(link);
        p2pAddresses.NewNetwork();
        routing.GetStaticRouting(m_internet.Get(k)->GetObject<Ipv4>())
            ->SetDefaultRoute(interfaces.GetAddress(1), 1);
    }
    Ipv4Mask siteMask(~((1u << (32 - GetPrefixLength())) - 1));
    for (uint32_t site = 0; site < m_config.sites; site++)
    {
        Ptr<Node> router = CreateObject<Node>();
        m_routers.Add(router);
        stack.Install(router);
        NetDeviceContainer link = p2p.Install(router, m_core);
        Ipv4InterfaceContainer interfaces = p2pAddresses.Assign(link);
        p2pAddresses.NewNetwork();
        routing.GetStaticRouting(router->GetObject<Ipv4>())
            ->SetDefaultRoute(interfaces.GetAddress(1), 1);
        Ptr<Ipv4> coreIpv4 = m_core->GetObject<Ipv4>();
        routing.GetStaticRouting(coreIpv4)->AddNetworkRouteTo(
            Ipv4Address(static_cast<uint32_t>(GetSiteNetwork(site))),
            siteMask,
            interfaces.GetAddress(0),
            coreIpv4->GetInterfaceForDevice(link.Get(1)));
        BuildSite(site);
    }

    Ipv4Address echoServer = m_internet.Get(0)->GetObject<Ipv4>()->GetAddress(1, 0).GetLocal();
    UdpEchoServerHelper echoServerHelper(ECHO_PORT);
    echoServerHelper.Install(m_internet.Get(0)).Start(Seconds(0));
    for (uint32_t i = 0; i < totalHosts; i++)
    {
        InstallTraffic(i, echoServer);
    }
    int64_t stream = m_config.stream + AssignStreamsToAll(m_config.stream);
    for (const Ptr<PeArpDhcpClient>& client : m_dhcpClients)
    {
        stream += client->AssignStreams(stream);
    }
    for (const Ptr<PeArpConflictDetector>& detector : m_detectors)
    {
        stream += detector->AssignStreams(stream);
    }
}

void
PeArpScenario::InstallTraffic(uint32_t i, Ipv4Address echoServer)
{
    uint32_t totalHosts = GetNHosts();
    // Interleave sites, so that each site's starts span the whole spread.
    uint32_t order = (i % m_config.hostsPerSite) * m_config.sites + i / m_config.hostsPerSite;
    Traffic& t = m_traffic[i];
    t.at = m_config.start + m_config.spread * order / totalHosts;
    // Made now, so that the statistics can connect to them; attached to the
    // nodes once the host has its ports (at once with static port sets).
    ObjectFactory sink("ns3::PacketSink");
    sink.Set("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
    t.sink = sink.Create<Application>();
    m_sinks.Add(t.sink);

    ObjectFactory bulk("ns3::BulkSendApplication");
    bulk.Set("Protocol", TypeIdValue(TcpSocketFactory::GetTypeId()));
    bulk.Set("MaxBytes", UintegerValue(m_config.tcpBytes));
    bulk.Set("SendSize", UintegerValue(1448));
    t.bulk = bulk.Create<Application>();

    if (m_config.udpEcho)
    {
        ObjectFactory echo("ns3::UdpEchoClient");
        echo.Set("RemoteAddress", AddressValue(echoServer));
        echo.Set("RemotePort", UintegerValue(ECHO_PORT));
        echo.Set("MaxPackets", UintegerValue(1));
        echo.Set("PacketSize", UintegerValue(64));
        t.echo = echo.Create<Application>();
        m_echoClients.Add(t.echo);
    }
    if (!m_provisionedAt[i].IsStrictlyNegative())
    {
        StartTraffic(i);
    }
}

void
PeArpScenario::StartTraffic(uint32_t i)
{
    Traffic& t = m_traffic[i];
    if (t.started)
    {
        return;
    }
    t.started = true;
    double now = Simulator::Now().GetSeconds();
    t.sink->SetAttribute("Local",
                         AddressValue(InetSocketAddress(Ipv4Address::GetAny(), m_serverPort[i])));
    t.sink->SetStartTime(Seconds(0));
    m_hosts.Get(i)->AddApplication(t.sink);
    t.bulk->SetAttribute("Remote", AddressValue(InetSocketAddress(m_hostIp[i], m_serverPort[i])));
    t.bulk->SetStartTime(Seconds(std::max(0.0, t.at - now)));
    m_internet.Get(i / CONNECTIONS_PER_INTERNET_HOST)->AddApplication(t.bulk);
    if (t.echo)
    {
        t.echo->SetStartTime(Seconds(std::max(0.0, t.at + 0.5 - now)));
        m_hosts.Get(i)->AddApplication(t.echo);
    }
}

void
PeArpScenario::Provisioned(uint32_t i, Ipv4Address address, const PeArpPortSet& ports)
{
    NS_LOG_FUNCTION(this << i << address << ports);
    if (!m_provisionedAt[i].IsStrictlyNegative() || ports.IsEmpty())
    {
        return; // a renewal
    }
    m_provisionedAt[i] = Simulator::Now();
    m_hostIp[i] = address;
    m_hostRange[i] = ports.GetRanges().front();
    m_serverPort[i] = ports.GetRanges().front().GetLow();
    StartTraffic(i);
}

void
PeArpScenario::BuildSite(uint32_t site)
{
    NS_LOG_FUNCTION(this << site);
    const Config& c = m_config;
    Ptr<Node> router = m_routers.Get(site);
    NodeContainer hosts;
    hosts.Create(c.hostsPerSite);
    m_hosts.Add(hosts);
    uint32_t network = static_cast<uint32_t>(GetSiteNetwork(site));
    PeArpLanBuilder::Lan plan;
    plan.network = Ipv4Address(network);
    plan.mask = Ipv4Mask(~((1u << (32 - GetPrefixLength())) - 1));
    plan.peArp = c.resolver == PE_ARP;
    plan.hosts = c.hostsPerSite;
    plan.sharedIps = c.sharedIps;
    plan.portsPerHost = c.portsPerHost;
    plan.firstPort = c.firstPort;
    plan.answerEcho = c.answerEcho;
    plan.psidOffset = c.psidOffset;
    plan.provisioning = c.provisioning;
    plan.provisioningStart = Seconds(c.provisioningStart);
    PeArpLanBuilder builder(plan);
    builder.InstallStacks(hosts);

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    csma.SetChannelAttribute("Delay", TimeValue(NanoSeconds(500)));
    NetDeviceContainer links; // gateway first, then the hosts
    NetDeviceContainer ports; // of the bridge, if there is one
    Ptr<Node> bridge;
    if (c.lan == CSMA_BUS && c.deployment == BRIDGE)
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
        PeArpLanBuilder::Links site =
            PeArpLanBuilder::InstallLinks(csma, router, hosts, c.lan == SWITCHED);
        links = site.links;
        ports = site.ports;
        bridge = site.bridge;
    }
    m_linkDevices.Add(links);

    if (bridge && c.deployment == BRIDGE && c.resolver == PE_ARP)
    {
        std::vector<Ipv4Address> shared;
        for (uint32_t k = 0; k < c.sharedIps; k++)
        {
            shared.emplace_back(network + 2 + k);
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

    if (c.resolver == PE_ARP && c.deployment == ROUTER)
    {
        m_edgeDevices.Add(builder.InstallGateway(links.Get(0)));
        m_edges.Add(router);
        if (builder.GetDhcpServer())
        {
            m_dhcpServers.push_back(builder.GetDhcpServer());
        }
    }
    else
    {
        // Stock ARP at the gateway.
        PeArpAddStockInterface(links.Get(0), Ipv4InterfaceAddress(builder.GetGateway(), plan.mask));
    }

    for (uint32_t j = 0; j < c.hostsPerSite; j++)
    {
        uint32_t index = static_cast<uint32_t>(m_hostIp.size());
        PeArpLanBuilder::Host host = builder.InstallHost(j, links.Get(j + 1));
        m_hostLan.Add(host.device);
        m_hostIp.push_back(host.address);
        m_hostRange.push_back(host.range);
        // The same server port with either resolver, so the traffic is the same.
        m_serverPort.push_back(builder.GetServerPort(j));
        m_traffic.emplace_back();
        m_provisionedAt.push_back(Seconds(0));
        if (host.dhcpClient)
        {
            m_provisionedAt.back() = Seconds(-1);
            m_dhcpClients.push_back(host.dhcpClient);
            host.dhcpClient->TraceConnectWithoutContext(
                "Bound",
                Callback<void, Ipv4Address, const PeArpPortSet&>(
                    [this, index](Ipv4Address address, const PeArpPortSet& ports) {
                        Provisioned(index, address, ports);
                    }));
        }
        if (host.detector)
        {
            m_provisionedAt.back() = Seconds(-1);
            m_detectors.push_back(host.detector);
            host.detector->TraceConnectWithoutContext(
                "Claimed",
                Callback<void, Ipv4Address, const PeArpPortSet&, uint32_t>(
                    [this, index](Ipv4Address address, const PeArpPortSet& ports, uint32_t) {
                        Provisioned(index, address, ports);
                    }));
        }
    }
}

const NodeContainer&
PeArpScenario::GetInternetHosts() const
{
    return m_internet;
}

const NodeContainer&
PeArpScenario::GetRouters() const
{
    return m_routers;
}

NetDeviceContainer
PeArpScenario::GetSiteLinkDevices(uint32_t site) const
{
    NS_ABORT_MSG_UNLESS(site < m_config.sites, "PeArpScenario: no site " << site);
    NetDeviceContainer devices;
    uint32_t first = site * (m_config.hostsPerSite + 1);
    for (uint32_t i = first; i < first + m_config.hostsPerSite + 1; i++)
    {
        devices.Add(m_linkDevices.Get(i));
    }
    return devices;
}

Time
PeArpScenario::GetProvisionedTime(uint32_t host) const
{
    NS_ABORT_MSG_UNLESS(host < m_provisionedAt.size(), "PeArpScenario: no host " << host);
    return m_provisionedAt[host];
}

std::vector<Ptr<PeArpDhcpServer>>
PeArpScenario::GetDhcpServers() const
{
    return m_dhcpServers;
}

uint32_t
PeArpScenario::GetHostSite(uint32_t host) const
{
    return host / m_config.hostsPerSite;
}

uint32_t
PeArpScenario::GetTcpBytes() const
{
    return m_config.tcpBytes;
}

bool
PeArpScenario::HasUdpEcho() const
{
    return m_config.udpEcho;
}

} // namespace ns3
