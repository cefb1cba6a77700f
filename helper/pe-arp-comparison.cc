/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-comparison.h"

#include "pe-arp-bridge-helper.h"
#include "pe-arp-flow-switch-helper.h"
#include "pe-arp-helper.h"
#include "pe-arp-lan-builder.h"
#include "pe-arp-nat-routing-helper.h"
#include "pe-arp-resoa-helper.h"
#include "pe-arp-stack-helper.h"

#include "ns3/arp-cache.h"
#include "ns3/bridge-helper.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/csma-helper.h"
#include "ns3/ethernet-header.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-interface.h"
#include "ns3/ipv4-l3-protocol.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/log.h"
#include "ns3/output-stream-wrapper.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-cache.h"
#include "ns3/pe-arp-embedded-address-client.h"
#include "ns3/pe-arp-embedded-address-server.h"
#include "ns3/pe-arp-flow-switch-net-device.h"
#include "ns3/pe-arp-flow-table.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-nat-routing.h"
#include "ns3/pe-arp-nat-table.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/pe-arp-port-isolation-controller.h"
#include "ns3/pe-arp-processing-cost.h"
#include "ns3/pe-arp-resoa-client.h"
#include "ns3/pe-arp-resoa-lhp.h"
#include "ns3/pe-arp-resoa-server.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/string.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"
#include "ns3/v4ping-helper.h"

#include <deque>
#include <list>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpComparison");

const Ipv4Address PeArpComparison::SERVER("198.51.100.2");
const Ipv4Address PeArpComparison::SHARED("203.0.113.2");

namespace
{

const Ipv4Address GATEWAY_WAN("198.51.100.1");
const Ipv4Mask WAN_MASK("255.255.255.252");
const Ipv4Address PUBLIC_LAN("203.0.113.0");
const Ipv4Address PUBLIC_GATEWAY("203.0.113.1");
const Ipv4Address PRIVATE_LAN("10.0.0.0");
const Ipv4Address PRIVATE_GATEWAY("10.0.0.1");
const Ipv4Mask LAN_MASK("255.255.255.0");
/// Host i's own address is the LAN's base + FIRST_HOST + i (PUBLIC, NAPT).
const uint32_t FIRST_HOST = 10;
const uint32_t MAX_HOSTS = 200;

/**
 * \param ipv4 a node's IPv4
 * \return its static routing
 */
Ptr<Ipv4StaticRouting>
StaticRouting(Ptr<Ipv4> ipv4)
{
    return Ipv4StaticRoutingHelper().GetStaticRouting(ipv4);
}

/**
 * \param reason an IPv4 drop reason
 * \return its name
 */
std::string
Ipv4DropName(Ipv4L3Protocol::DropReason reason)
{
    switch (reason)
    {
    case Ipv4L3Protocol::DROP_TTL_EXPIRED:
        return "ipv4: TTL expired";
    case Ipv4L3Protocol::DROP_NO_ROUTE:
        return "ipv4: no route";
    case Ipv4L3Protocol::DROP_BAD_CHECKSUM:
        return "ipv4: bad checksum";
    case Ipv4L3Protocol::DROP_INTERFACE_DOWN:
        return "ipv4: interface down";
    case Ipv4L3Protocol::DROP_ROUTE_ERROR:
        return "ipv4: route error";
    case Ipv4L3Protocol::DROP_FRAGMENT_TIMEOUT:
        return "ipv4: fragment timeout";
    case Ipv4L3Protocol::DROP_DUPLICATE:
        return "ipv4: duplicate";
    }
    return "ipv4: other";
}

/// Names of ns3::PeArpResoaServer::DropReason.
const char* const RESOA_SERVER_DROPS[] = {"truncated",
                                          "bad type",
                                          "bad TLV",
                                          "missing field",
                                          "trailing bytes",
                                          "wrong direction",
                                          "not registered",
                                          "no socket",
                                          "duplicate socket",
                                          "socket limit",
                                          "datagram too big",
                                          "send failed"};
/// Names of ns3::PeArpResoaClient::DropReason.
const char* const RESOA_CLIENT_DROPS[] = {"truncated",
                                          "bad type",
                                          "bad TLV",
                                          "missing field",
                                          "trailing bytes",
                                          "wrong direction",
                                          "no socket",
                                          "rx overflow"};
/// Names of ns3::PeArpResoaLhp::DropReason.
const char* const RESOA_LHP_DROPS[] = {"truncated",
                                       "bad type",
                                       "bad length",
                                       "no connection",
                                       "not listening",
                                       "out of window",
                                       "queue full",
                                       "silent"};
static_assert(sizeof(RESOA_SERVER_DROPS) / sizeof(char*) == PeArpResoaServer::DROP_REASONS);
static_assert(sizeof(RESOA_CLIENT_DROPS) / sizeof(char*) == PeArpResoaClient::DROP_REASONS);
static_assert(sizeof(RESOA_LHP_DROPS) / sizeof(char*) == PeArpResoaLhp::DROP_REASONS);

/**
 * Add the non-zero counts of a drop array to a map.
 * \param into the map
 * \param prefix prefix of the names
 * \param names the reasons' names
 * \param counts the counts
 */
template <size_t N>
void
AddDrops(std::map<std::string, uint64_t>& into,
         const std::string& prefix,
         const char* const (&names)[N],
         const std::array<uint64_t, N>& counts)
{
    for (size_t k = 0; k < N; ++k)
    {
        if (counts[k] > 0)
        {
            into[prefix + names[k]] += counts[k];
        }
    }
}

/**
 * \param ipv4 a node's IPv4 (ns3::Ipv4L3Protocol)
 * \param device one of its devices
 * \return the entries of that interface's ARP cache
 */
uint64_t
StockArpEntries(Ptr<Ipv4> ipv4, Ptr<NetDevice> device)
{
    Ptr<Ipv4L3Protocol> l3 = DynamicCast<Ipv4L3Protocol>(ipv4);
    int32_t interface = ipv4->GetInterfaceForDevice(device);
    if (!l3 || interface < 0)
    {
        return 0;
    }
    Ptr<ArpCache> cache = l3->GetInterface(static_cast<uint32_t>(interface))->GetArpCache();
    if (!cache)
    {
        return 0;
    }
    std::ostringstream text;
    cache->PrintArpCache(Create<OutputStreamWrapper>(&text));
    uint64_t lines = 0;
    for (char c : text.str())
    {
        lines += c == '\n' ? 1 : 0;
    }
    return lines;
}

} // namespace

/// A flow watched through its sink.
struct WatchedFlow
{
    std::string kind;  //!< inbound, outbound, local
    uint32_t host;     //!< its host
    uint64_t expected; //!< bytes expected
    Time start;        //!< start
    uint64_t received; //!< bytes received
    Time lastRx;       //!< last reception
};

struct PeArpComparison::Handles
{
    Ptr<Node> server;                       //!< the Internet server
    Ptr<Node> gateway;                      //!< the site's gateway
    Ptr<Node> l2;                           //!< the L2 element (bridge, PE-Bridge, flow switch)
    NodeContainer hosts;                    //!< the hosts
    Ptr<NetDevice> gatewayLink;             //!< gateway's LAN link device
    NetDeviceContainer hostLinks;           //!< hosts' LAN link devices
    NetDeviceContainer l2Ports;             //!< the L2 element's ports (gateway's first)
    NetDeviceContainer lanDevices;          //!< every device on the LAN links
    NetDeviceContainer wan;                 //!< the WAN link's devices
    std::vector<Ipv4Address> address;       //!< each host's own address
    std::vector<Ipv4Address> publicAddress; //!< the address the server reaches it at
    std::vector<PeArpPortRange> range;      //!< each host's range
    Ptr<PeArpNetDevice> peRouter;           //!< PE_ARP_ROUTER: the router's interface
    Ptr<PeArpBridgeNetDevice> peBridge;     //!< PE_ARP_BRIDGE: the PE-Bridge
    Ptr<PeArpNatRouting> nat;               //!< NAPT: the NAT
    Ptr<PeArpProcessingCost> natCost;       //!< NAPT: its cost
    PeArpPortIsolation isolation;           //!< FLOW_SWITCH*: switch and controller
    Ptr<PeArpProcessingCost> switchCost;    //!< FLOW_SWITCH*: its cost
    Ptr<PeArpResoaServer> resoaServer;      //!< RESOA: the server
    std::vector<Ptr<PeArpResoaClient>> resoaClients; //!< RESOA: the clients

    std::list<WatchedFlow> flows;                          //!< TCP flows (stable addresses)
    std::vector<std::deque<Time>> echoSent;                //!< send times of unanswered echoes
    std::vector<uint32_t> echoReplies;                     //!< echo replies per host
    std::vector<Time> echoRttSum;                          //!< their round trips, summed
    std::vector<uint32_t> pingReplies;                     //!< ping replies per host
    std::vector<Time> pingRttSum;                          //!< their round trips, summed
    std::vector<Ptr<PeArpEmbeddedAddressClient>> embedded; //!< embedded-address clients
    std::vector<Time> embeddedStart;                       //!< their start times
    Ptr<PeArpEmbeddedAddressServer> embeddedServer;        //!< and the server
    uint32_t echoesSent = 0;                               //!< echoes sent
    uint32_t pingsSent = 0;                                //!< pings expected to be sent
    uint64_t arpFrames = 0;                                //!< ARP frames on LAN links
    uint64_t ipv4Frames = 0;                               //!< IPv4 frames on LAN links
    uint64_t lhpFrames = 0;                                //!< LHP frames on LAN links
    std::map<std::string, uint64_t> ipv4Drops;             //!< IPv4 drops by reason
};

PeArpComparison::PeArpComparison(const Config& config)
    : m_config(config),
      m_built(false),
      m_handles(std::make_unique<Handles>())
{
    NS_LOG_FUNCTION(this);
}

PeArpComparison::~PeArpComparison() = default;

std::vector<PeArpComparison::System>
PeArpComparison::GetSystems()
{
    return {PUBLIC, PE_ARP_ROUTER, PE_ARP_BRIDGE, NAPT, FLOW_SWITCH, FLOW_SWITCH_EBTABLES, RESOA};
}

std::string
PeArpComparison::GetSystemName(System system)
{
    switch (system)
    {
    case PUBLIC:
        return "public";
    case PE_ARP_ROUTER:
        return "pe-arp-router";
    case PE_ARP_BRIDGE:
        return "pe-arp-bridge";
    case NAPT:
        return "napt";
    case FLOW_SWITCH:
        return "flow-switch";
    case FLOW_SWITCH_EBTABLES:
        return "flow-switch-ebtables";
    case RESOA:
        return "resoa";
    }
    return "?";
}

std::optional<PeArpComparison::System>
PeArpComparison::GetSystemByName(const std::string& name)
{
    for (System s : GetSystems())
    {
        if (GetSystemName(s) == name)
        {
            return s;
        }
    }
    return std::nullopt;
}

const PeArpComparison::Config&
PeArpComparison::GetConfig() const
{
    return m_config;
}

std::string
PeArpComparison::Validate() const
{
    const Config& c = m_config;
    std::ostringstream why;
    if (c.hosts < 1 || c.hosts > MAX_HOSTS)
    {
        why << "hosts (" << c.hosts << ") must be 1-" << MAX_HOSTS;
    }
    else if (c.portsPerHost < 2)
    {
        why << "portsPerHost (" << c.portsPerHost
            << ") must be at least 2 (each host serves on its first two ports)";
    }
    else if (c.firstPort < 1024)
    {
        why << "firstPort (" << c.firstPort << ") must be at least 1024";
    }
    else if (uint64_t(c.firstPort) + uint64_t(c.hosts) * c.portsPerHost > 65536)
    {
        why << "firstPort + hosts x portsPerHost (" << c.firstPort << " + " << c.hosts << " x "
            << c.portsPerHost << ") exceeds 65536";
    }
    else if (!(c.stop > 0))
    {
        why << "stop (" << c.stop << ") must be positive";
    }
    else if (c.switchLookup != "NONE" && c.switchLookup != "CONSTANT" && c.switchLookup != "LOG2")
    {
        why << "switchLookup (" << c.switchLookup << ") must be NONE, CONSTANT or LOG2";
    }
    else if (c.natPerPacket.IsStrictlyNegative() || c.switchPerPacket.IsStrictlyNegative())
    {
        why << "natPerPacket and switchPerPacket must not be negative";
    }
    return why.str();
}

Time
PeArpComparison::GetStopTime() const
{
    return Seconds(m_config.stop);
}

const NodeContainer&
PeArpComparison::GetHosts() const
{
    return m_handles->hosts;
}

Ptr<Node>
PeArpComparison::GetServer() const
{
    return m_handles->server;
}

Ptr<Node>
PeArpComparison::GetGateway() const
{
    return m_handles->gateway;
}

std::pair<Ipv4Address, uint16_t>
PeArpComparison::GetPublicEndpoint(uint32_t host) const
{
    NS_ABORT_MSG_UNLESS(host < m_handles->publicAddress.size(),
                        "PeArpComparison::GetPublicEndpoint: no host " << host);
    return {m_handles->publicAddress[host], m_handles->range[host].GetLow()};
}

PeArpPortRange
PeArpComparison::GetHostRange(uint32_t host) const
{
    NS_ABORT_MSG_UNLESS(host < m_handles->range.size(),
                        "PeArpComparison::GetHostRange: no host " << host);
    return m_handles->range[host];
}

void
PeArpComparison::Build()
{
    NS_LOG_FUNCTION(this);
    std::string why = Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpComparison: " << why);
    NS_ABORT_MSG_IF(m_built, "PeArpComparison::Build called twice");
    m_built = true;
    BuildTopology();
    BuildSystem();
    InstallTraffic();
    // Fixed streams: the same configuration gives the same run, also when
    // several runs share a process (stream numbers are otherwise handed out
    // in creation order, process-wide).
    Handles& h = *m_handles;
    NodeContainer all(h.server, h.gateway, h.l2);
    all.Add(h.hosts);
    int64_t stream = m_config.stream;
    NodeContainer withIpv4;
    for (uint32_t k = 0; k < all.GetN(); ++k)
    {
        if (all.Get(k)->GetObject<Ipv4>())
        {
            withIpv4.Add(all.Get(k));
        }
    }
    stream += InternetStackHelper().AssignStreams(withIpv4, stream);
    stream += PeArpHelper().AssignStreams(all, stream);
    CsmaHelper().AssignStreams(h.lanDevices, stream);
}

void
PeArpComparison::BuildTopology()
{
    Handles& h = *m_handles;
    const Config& c = m_config;
    h.server = CreateObject<Node>();
    h.gateway = CreateObject<Node>();
    h.l2 = CreateObject<Node>();
    h.hosts.Create(c.hosts);
    for (uint32_t i = 0; i < c.hosts; ++i)
    {
        auto low = static_cast<uint16_t>(c.firstPort + i * c.portsPerHost);
        h.range.emplace_back(low, static_cast<uint16_t>(low + c.portsPerHost - 1));
    }

    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(h.server);
    if (c.system == NAPT)
    {
        InternetStackHelper natStack;
        natStack.SetIpv6StackInstall(false);
        natStack.SetRoutingHelper(PeArpNatRoutingHelper());
        natStack.Install(h.gateway);
    }
    else if (c.system == PE_ARP_ROUTER)
    {
        PeArpStackHelper().Install(h.gateway);
    }
    else
    {
        stack.Install(h.gateway);
    }
    if (c.system == PUBLIC || c.system == NAPT)
    {
        stack.Install(h.hosts);
    }
    else if (c.system != RESOA) // ReSoA clients have no IPv4 stack
    {
        PeArpStackHelper().Install(h.hosts); // ephemeral ports from the host's range
    }

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue(c.wanRate));
    p2p.SetChannelAttribute("Delay", TimeValue(c.wanDelay));
    NetDeviceContainer wan = p2p.Install(h.gateway, h.server);
    h.wan = wan;
    PeArpAddStockInterface(wan.Get(0), Ipv4InterfaceAddress(GATEWAY_WAN, WAN_MASK));
    PeArpAddStockInterface(wan.Get(1), Ipv4InterfaceAddress(SERVER, WAN_MASK));
    // The server reaches the public prefix only: private addresses are not routed.
    StaticRouting(h.server->GetObject<Ipv4>())
        ->AddNetworkRouteTo(PUBLIC_LAN, LAN_MASK, GATEWAY_WAN, 1);

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue(c.lanRate));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(1)));
    NodeContainer attached(h.gateway);
    attached.Add(h.hosts);
    for (uint32_t i = 0; i < attached.GetN(); ++i)
    {
        NetDeviceContainer pair = csma.Install(NodeContainer(attached.Get(i), h.l2));
        if (i == 0)
        {
            h.gatewayLink = pair.Get(0);
        }
        else
        {
            h.hostLinks.Add(pair.Get(0));
        }
        h.l2Ports.Add(pair.Get(1));
        h.lanDevices.Add(pair);
    }
}

void
PeArpComparison::BuildSystem()
{
    Handles& h = *m_handles;
    const Config& c = m_config;
    Ptr<Ipv4> gatewayIpv4 = h.gateway->GetObject<Ipv4>();
    PeArpHelper peArp;
    switch (c.system)
    {
    case PUBLIC:
    case NAPT: {
        BridgeHelper().Install(h.l2, h.l2Ports);
        Ipv4Address lan = c.system == PUBLIC ? PUBLIC_LAN : PRIVATE_LAN;
        Ipv4Address gateway = c.system == PUBLIC ? PUBLIC_GATEWAY : PRIVATE_GATEWAY;
        uint32_t inside =
            PeArpAddStockInterface(h.gatewayLink, Ipv4InterfaceAddress(gateway, LAN_MASK));
        for (uint32_t i = 0; i < c.hosts; ++i)
        {
            Ipv4Address own(lan.Get() + FIRST_HOST + i);
            uint32_t interface =
                PeArpAddStockInterface(h.hostLinks.Get(i), Ipv4InterfaceAddress(own, LAN_MASK));
            StaticRouting(h.hosts.Get(i)->GetObject<Ipv4>())->SetDefaultRoute(gateway, interface);
            h.address.push_back(own);
            h.publicAddress.push_back(c.system == PUBLIC ? own : GATEWAY_WAN);
        }
        if (c.system == NAPT)
        {
            h.nat = PeArpNatRoutingHelper::GetNat(gatewayIpv4);
            h.nat->AddInsideInterface(inside);
            Ptr<PeArpNatTable> table = h.nat->GetTable();
            table->SetAttribute("PublicAddress", Ipv4AddressValue(GATEWAY_WAN));
            // The PE-ARP ranges as deterministic port blocks (RFC 7422).
            Ptr<PeArpNatPortAllocator> allocator = table->GetPortAllocator();
            allocator->SetAttribute("PortBlockMode", StringValue("DETERMINISTIC"));
            allocator->SetAttribute("BlockBase", UintegerValue(c.firstPort));
            allocator->SetAttribute("BlockSize", UintegerValue(c.portsPerHost));
            for (uint32_t i = 0; i < c.hosts; ++i)
            {
                allocator->SetSubscriberIndex(h.address[i], i);
                uint16_t low = h.range[i].GetLow();
                // the host's two server ports (inbound and from inside the site)
                h.nat->AddStaticRule(6, low, low + 1, h.address[i], low);
            }
            h.natCost = CreateObject<PeArpProcessingCost>();
            h.natCost->SetAttribute("PerPacket", TimeValue(c.natPerPacket));
            h.nat->SetAttribute("ProcessingCost", PointerValue(h.natCost));
        }
        break;
    }
    case PE_ARP_ROUTER:
    case PE_ARP_BRIDGE: {
        if (c.system == PE_ARP_ROUTER)
        {
            BridgeHelper().Install(h.l2, h.l2Ports);
            h.peRouter = peArp.Install(h.gatewayLink);
            peArp.Assign(h.peRouter, Ipv4InterfaceAddress(PUBLIC_GATEWAY, LAN_MASK));
            h.peRouter->AddSharedAddress(SHARED);
        }
        else
        {
            h.peBridge = PeArpBridgeHelper().Install(h.l2, h.l2Ports, {SHARED});
            PeArpAddStockInterface(h.gatewayLink, Ipv4InterfaceAddress(PUBLIC_GATEWAY, LAN_MASK));
        }
        for (uint32_t i = 0; i < c.hosts; ++i)
        {
            Ptr<PeArpNetDevice> device = peArp.Install(h.hostLinks.Get(i));
            uint32_t interface =
                peArp.Assign(device, Ipv4InterfaceAddress(SHARED, LAN_MASK), h.range[i]);
            StaticRouting(h.hosts.Get(i)->GetObject<Ipv4>())
                ->SetDefaultRoute(PUBLIC_GATEWAY, interface);
            h.address.push_back(SHARED);
            h.publicAddress.push_back(SHARED);
        }
        break;
    }
    case FLOW_SWITCH:
    case FLOW_SWITCH_EBTABLES: {
        PeArpAddStockInterface(h.gatewayLink, Ipv4InterfaceAddress(PUBLIC_GATEWAY, LAN_MASK));
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        stack.Install(h.l2);
        PeArpFlowSwitchHelper helper;
        helper.SetDeviceAttribute("LookupDelay", StringValue(c.switchLookup));
        h.switchCost = CreateObject<PeArpProcessingCost>();
        h.switchCost->SetAttribute("PerPacket", TimeValue(c.switchPerPacket));
        helper.SetDeviceAttribute("ProcessingCost", PointerValue(h.switchCost));
        helper.SetControllerAttribute("Mode",
                                      StringValue(c.system == FLOW_SWITCH ? "OVS" : "EBTABLES"));
        h.isolation = helper.InstallPortIsolation(h.l2, h.l2Ports, SHARED, LAN_MASK);
        for (uint32_t i = 0; i < c.hosts; ++i)
        {
            Ptr<NetDevice> link = h.hostLinks.Get(i);
            helper.AddGuest(h.isolation, link, i + 1, h.range[i], Seconds(0));
            Ptr<Node> guest = h.hosts.Get(i);
            guest->GetObject<PeArpPortAgent>()->SetRange(SHARED, h.range[i]);
            Ptr<Ipv4> ipv4 = guest->GetObject<Ipv4>();
            StaticRouting(ipv4)->SetDefaultRoute(
                PUBLIC_GATEWAY,
                static_cast<uint32_t>(ipv4->GetInterfaceForDevice(link)));
            h.address.push_back(SHARED);
            h.publicAddress.push_back(SHARED);
        }
        break;
    }
    case RESOA: {
        BridgeHelper().Install(h.l2, h.l2Ports);
        PeArpResoaHelper resoa;
        h.resoaServer = resoa.InstallServer(h.gateway, h.gatewayLink, GATEWAY_WAN);
        Mac48Address serverMac = Mac48Address::ConvertFrom(h.gatewayLink->GetAddress());
        for (uint32_t i = 0; i < c.hosts; ++i)
        {
            h.resoaClients.push_back(
                resoa.InstallClient(h.hosts.Get(i), h.hostLinks.Get(i), serverMac));
            // The address a client's sockets have (getsockname): the server's.
            h.address.push_back(GATEWAY_WAN);
            h.publicAddress.push_back(GATEWAY_WAN);
        }
        break;
    }
    }
}

void
PeArpComparison::WatchSink(const std::string& kind,
                           uint32_t host,
                           Ptr<Application> sink,
                           uint64_t expected,
                           Time start)
{
    m_handles->flows.push_back({kind, host, expected, start, 0, Seconds(-1)});
    WatchedFlow* flow = &m_handles->flows.back();
    sink->TraceConnectWithoutContext("Rx",
                                     Callback<void, Ptr<const Packet>, const Address&>(
                                         [flow](Ptr<const Packet> p, const Address&) {
                                             flow->received += p->GetSize();
                                             flow->lastRx = Simulator::Now();
                                         }));
}

void
PeArpComparison::CountFrame(Ptr<const Packet> packet)
{
    EthernetHeader header(false);
    if (packet->PeekHeader(header) == 0)
    {
        return;
    }
    if (header.GetLengthType() == PeArpL3Protocol::PROT_NUMBER)
    {
        m_handles->arpFrames++;
    }
    else if (header.GetLengthType() == Ipv4L3Protocol::PROT_NUMBER)
    {
        m_handles->ipv4Frames++;
    }
    else if (header.GetLengthType() == PeArpResoaLhp::PROTOCOL)
    {
        m_handles->lhpFrames++;
    }
}

void
PeArpComparison::InstallTraffic()
{
    Handles& h = *m_handles;
    const Config& c = m_config;
    const uint32_t n = c.hosts;
    h.echoSent.resize(n);
    h.echoReplies.assign(n, 0);
    h.echoRttSum.assign(n, Time(0));
    h.pingReplies.assign(n, 0);
    h.pingRttSum.assign(n, Time(0));
    const std::string tcp = "ns3::TcpSocketFactory";
    auto stagger = [](uint32_t i) { return MilliSeconds(10 * i); };

    for (uint32_t i = 0; i < h.lanDevices.GetN(); ++i)
    {
        h.lanDevices.Get(i)->TraceConnectWithoutContext(
            "MacTx",
            MakeCallback(&PeArpComparison::CountFrame, this));
    }
    // Packets a full device queue refuses, on every link.
    NetDeviceContainer links(h.lanDevices);
    links.Add(h.wan);
    for (uint32_t i = 0; i < links.GetN(); ++i)
    {
        std::map<std::string, uint64_t>* drops = &h.ipv4Drops;
        links.Get(i)->TraceConnectWithoutContext(
            "MacTxDrop",
            Callback<void, Ptr<const Packet>>(
                [drops](Ptr<const Packet>) { (*drops)["link: device queue full"]++; }));
    }
    NodeContainer all(h.server, h.gateway, h.l2);
    all.Add(h.hosts);
    for (uint32_t k = 0; k < all.GetN(); ++k)
    {
        Ptr<Ipv4L3Protocol> l3 = all.Get(k)->GetObject<Ipv4L3Protocol>();
        if (l3)
        {
            std::map<std::string, uint64_t>* drops = &h.ipv4Drops;
            l3->TraceConnectWithoutContext(
                "Drop",
                Callback<void,
                         const Ipv4Header&,
                         Ptr<const Packet>,
                         Ipv4L3Protocol::DropReason,
                         Ptr<Ipv4>,
                         uint32_t>([drops](const Ipv4Header&,
                                           Ptr<const Packet>,
                                           Ipv4L3Protocol::DropReason reason,
                                           Ptr<Ipv4>,
                                           uint32_t) { (*drops)[Ipv4DropName(reason)]++; }));
        }
    }

    // Echo, control and outbound sinks on the server.
    UdpEchoServerHelper echoServer(ECHO_PORT);
    echoServer.Install(h.server).Start(Seconds(0));
    if (c.embeddedBytes > 0)
    {
        h.embeddedServer = CreateObject<PeArpEmbeddedAddressServer>();
        h.embeddedServer->SetAttribute("Port", UintegerValue(CONTROL_PORT));
        h.embeddedServer->SetAttribute("DataBytes", UintegerValue(c.embeddedBytes));
        h.server->AddApplication(h.embeddedServer);
        h.embeddedServer->SetStartTime(Seconds(0));
    }

    for (uint32_t i = 0; i < n; ++i)
    {
        Ptr<Node> host = h.hosts.Get(i);
        uint16_t low = h.range[i].GetLow();
        auto [publicAddress, serverPort] = GetPublicEndpoint(i);

        if (c.inboundBytes > 0)
        {
            PacketSinkHelper sink(tcp, InetSocketAddress(Ipv4Address::GetAny(), low));
            ApplicationContainer app = sink.Install(host);
            app.Start(Seconds(0));
            Time start = Seconds(1) + stagger(i);
            WatchSink("inbound", i, app.Get(0), c.inboundBytes, start);
            BulkSendHelper bulk(tcp, InetSocketAddress(publicAddress, serverPort));
            bulk.SetAttribute("MaxBytes", UintegerValue(c.inboundBytes));
            bulk.Install(h.server).Start(start);
        }
        if (c.outboundBytes > 0)
        {
            auto port = static_cast<uint16_t>(OUTBOUND_PORT + i);
            PacketSinkHelper sink(tcp, InetSocketAddress(Ipv4Address::GetAny(), port));
            ApplicationContainer app = sink.Install(h.server);
            app.Start(Seconds(0));
            Time start = Seconds(1.5) + stagger(i);
            WatchSink("outbound", i, app.Get(0), c.outboundBytes, start);
            BulkSendHelper bulk(tcp, InetSocketAddress(SERVER, port));
            bulk.SetAttribute("MaxBytes", UintegerValue(c.outboundBytes));
            bulk.Install(host).Start(start);
        }
        if (c.localBytes > 0 && n > 1)
        {
            // host i sends to the next host's public endpoint, port low + 1
            uint32_t peer = (i + 1) % n;
            auto port = static_cast<uint16_t>(h.range[peer].GetLow() + 1);
            PacketSinkHelper sink(tcp, InetSocketAddress(Ipv4Address::GetAny(), port));
            ApplicationContainer app = sink.Install(h.hosts.Get(peer));
            app.Start(Seconds(0));
            Time start = Seconds(2) + stagger(i);
            WatchSink("local", i, app.Get(0), c.localBytes, start);
            BulkSendHelper bulk(tcp, InetSocketAddress(h.publicAddress[peer], port));
            bulk.SetAttribute("MaxBytes", UintegerValue(c.localBytes));
            bulk.Install(host).Start(start);
        }
        if (c.echoes > 0)
        {
            UdpEchoClientHelper echo(SERVER, ECHO_PORT);
            echo.SetAttribute("MaxPackets", UintegerValue(c.echoes));
            echo.SetAttribute("Interval", TimeValue(MilliSeconds(200)));
            echo.SetAttribute("PacketSize", UintegerValue(64));
            ApplicationContainer app = echo.Install(host);
            app.Start(Seconds(2.5) + stagger(i));
            h.echoesSent += c.echoes;
            std::deque<Time>* sent = &h.echoSent[i];
            uint32_t* replies = &h.echoReplies[i];
            Time* rtt = &h.echoRttSum[i];
            app.Get(0)->TraceConnectWithoutContext(
                "Tx",
                Callback<void, Ptr<const Packet>>(
                    [sent](Ptr<const Packet>) { sent->push_back(Simulator::Now()); }));
            app.Get(0)->TraceConnectWithoutContext(
                "Rx",
                Callback<void, Ptr<const Packet>>([sent, replies, rtt](Ptr<const Packet>) {
                    (*replies)++;
                    if (!sent->empty())
                    {
                        *rtt += Simulator::Now() - sent->front();
                        sent->pop_front();
                    }
                }));
        }
        if (c.pings > 0 && c.system != RESOA) // ReSoA exports TCP and UDP only
        {
            V4PingHelper ping(SERVER);
            ping.SetAttribute("Interval", TimeValue(Seconds(1)));
            ApplicationContainer app = ping.Install(host);
            Time start = Seconds(3) + stagger(i);
            app.Start(start);
            // V4Ping sends at once and then every Interval, until it stops.
            app.Stop(start + Seconds(c.pings - 1) + MilliSeconds(500));
            h.pingsSent += c.pings;
            uint32_t* replies = &h.pingReplies[i];
            Time* rtt = &h.pingRttSum[i];
            app.Get(0)->TraceConnectWithoutContext("Rtt",
                                                   Callback<void, Time>([replies, rtt](Time t) {
                                                       (*replies)++;
                                                       *rtt += t;
                                                   }));
        }
        if (c.embeddedBytes > 0)
        {
            Ptr<PeArpEmbeddedAddressClient> client = CreateObject<PeArpEmbeddedAddressClient>();
            client->SetAttribute("Remote", AddressValue(InetSocketAddress(SERVER, CONTROL_PORT)));
            client->SetAttribute("ExpectedBytes", UintegerValue(c.embeddedBytes));
            host->AddApplication(client);
            client->SetStartTime(Seconds(3.5) + stagger(i));
            h.embedded.push_back(client);
            h.embeddedStart.push_back(Seconds(3.5) + stagger(i));
        }
    }
}

PeArpComparison::Result
PeArpComparison::Collect() const
{
    NS_ABORT_MSG_UNLESS(m_built, "PeArpComparison::Collect: Build first");
    const Handles& h = *m_handles;
    const Config& c = m_config;
    Result r;
    r.system = c.system;
    r.events = Simulator::GetEventCount();
    r.natPerPacketUs = c.system == NAPT ? c.natPerPacket.GetSeconds() * 1e6 : 0;
    r.switchPerPacketUs = c.system == FLOW_SWITCH || c.system == FLOW_SWITCH_EBTABLES
                              ? c.switchPerPacket.GetSeconds() * 1e6
                              : 0;
    r.arpFrames = h.arpFrames;
    r.ipv4Frames = h.ipv4Frames;
    r.lhpFrames = h.lhpFrames;
    r.echoesSent = h.echoesSent;
    r.pingsSent = h.pingsSent;
    r.drops = h.ipv4Drops;

    for (const WatchedFlow& f : h.flows)
    {
        FlowResult flow;
        flow.kind = f.kind;
        flow.host = f.host;
        flow.expected = f.expected;
        flow.received = f.received;
        flow.startS = f.start.GetSeconds();
        // -1 s marks "nothing received"; it is not converted: ns-3 3.37
        // converts a negative Time by shifting a negative int64x64_t left
        // (undefined in C++17, an UBSan report).
        flow.lastRxS = f.lastRx.IsNegative() ? -1.0 : f.lastRx.GetSeconds();
        flow.complete = f.received >= f.expected;
        if (f.received > 0 && f.lastRx > f.start)
        {
            flow.goodputBps = f.received * 8.0 / (f.lastRx - f.start).GetSeconds();
        }
        r.flows.push_back(flow);
    }
    for (uint32_t i = 0; i < c.hosts; ++i)
    {
        HostResult host;
        host.host = i;
        host.address = h.address[i];
        host.publicAddress = h.publicAddress[i];
        host.range = h.range[i];
        host.echoReplies = h.echoReplies[i];
        host.meanEchoRttS =
            host.echoReplies > 0 ? h.echoRttSum[i].GetSeconds() / host.echoReplies : 0;
        host.pingReplies = h.pingReplies[i];
        host.meanPingRttS =
            host.pingReplies > 0 ? h.pingRttSum[i].GetSeconds() / host.pingReplies : 0;
        if (i < h.embedded.size())
        {
            Ptr<PeArpEmbeddedAddressClient> e = h.embedded[i];
            host.announcedAddress = e->GetAnnouncedAddress();
            host.announcedPort = e->GetAnnouncedPort();
            host.embeddedOk = e->GetOutcome() == PeArpEmbeddedAddressClient::SUCCEEDED;
            FlowResult flow;
            flow.kind = "embedded";
            flow.host = i;
            flow.expected = c.embeddedBytes;
            flow.received = e->GetReceivedBytes();
            flow.startS = h.embeddedStart[i].GetSeconds();
            flow.complete = host.embeddedOk;
            if (host.embeddedOk)
            {
                flow.lastRxS = e->GetCompletionTime().GetSeconds();
                flow.goodputBps = flow.received * 8.0 / (flow.lastRxS - flow.startS);
            }
            r.flows.push_back(flow);
        }
        r.echoReplies += host.echoReplies;
        r.pingReplies += host.pingReplies;
        r.embeddedOk += host.embeddedOk ? 1 : 0;
        r.hosts.push_back(host);
    }
    for (const FlowResult& f : r.flows)
    {
        r.goodputSumBps += static_cast<uint64_t>(f.goodputBps);
        r.flowsComplete += f.complete ? 1 : 0;
    }

    // PE-ARP drops, wherever PE-ARP runs.
    NodeContainer all(h.gateway, h.l2);
    all.Add(h.hosts);
    for (uint32_t k = 0; k < all.GetN(); ++k)
    {
        Ptr<PeArpL3Protocol> protocol = all.Get(k)->GetObject<PeArpL3Protocol>();
        if (!protocol)
        {
            continue;
        }
        PeArpL3Protocol::Counters counters = protocol->GetCounters();
        for (uint32_t d = 0; d < counters.drops.size(); ++d)
        {
            if (counters.drops[d] > 0)
            {
                std::ostringstream name;
                name << "pe-arp: " << static_cast<PeArpL3Protocol::DropReason>(d);
                r.drops[name.str()] += counters.drops[d];
            }
        }
        if (all.Get(k) == h.gateway || all.Get(k) == h.l2)
        {
            r.counters["edge PE-ARP requests"] += counters.requestsSent;
        }
    }

    switch (c.system)
    {
    case PUBLIC:
        r.stateKind = "ARP entries at the gateway";
        r.stateEnd = StockArpEntries(h.gateway->GetObject<Ipv4>(), h.gatewayLink);
        r.statePeak = r.stateEnd;
        break;
    case PE_ARP_ROUTER:
        r.stateKind = "PE-ARP entries at the router";
        r.stateEnd = h.peRouter->GetCache()->GetSize();
        r.statePeak = r.stateEnd;
        break;
    case PE_ARP_BRIDGE:
        r.stateKind = "PE-ARP entries at the bridge";
        r.stateEnd = h.peBridge->GetCache()->GetSize();
        r.statePeak = r.stateEnd;
        break;
    case NAPT: {
        const PeArpNatTable::Counters& t = h.nat->GetTable()->GetCounters();
        const PeArpNatRouting::Counters& n = h.nat->GetCounters();
        r.stateKind = "NAT mappings";
        r.stateEnd = t.mappings;
        r.statePeak = t.peakMappings;
        r.rewrittenL3 = n.outbound + n.inbound;
        r.counters["NAT sessions peak"] = t.peakSessions;
        r.counters["NAT mappings created"] = t.mappingsCreated;
        r.counters["NAT hairpinned"] = n.hairpinned;
        r.counters["NAT static-rule hits"] = n.staticHits;
        r.counters["NAT ICMP errors translated"] = n.icmpErrors;
        r.counters["NAT header bytes rewritten"] = n.bytesRewritten;
        for (uint32_t d = 0; d < PeArpNatTable::DROP_REASONS; ++d)
        {
            auto reason = static_cast<PeArpNatTable::DropReason>(d);
            uint64_t count = h.nat->GetTable()->GetDrops(reason);
            if (count > 0)
            {
                std::ostringstream name;
                name << "nat: " << reason;
                r.drops[name.str()] += count;
            }
        }
        break;
    }
    case FLOW_SWITCH:
    case FLOW_SWITCH_EBTABLES: {
        Ptr<PeArpFlowTable> table = h.isolation.device->GetFlowTable();
        const PeArpFlowSwitchNetDevice::Counters& s = h.isolation.device->GetCounters();
        const PeArpPortIsolationController::Counters& k = h.isolation.controller->GetCounters();
        r.stateKind = "flow entries";
        r.stateEnd = table->GetNEntries();
        r.statePeak = table->GetCounters().peak;
        r.rewrittenL2 = s.macRewrites;
        r.counters["switch packet-ins"] = s.packetIns;
        r.counters["switch range entries"] = k.rangeEntries;
        r.counters["switch reverse flows"] = k.reverseFlowsAdded;
        r.counters["switch ICMP forced to all"] = k.icmpForced;
        r.counters["switch ICMP privacy leaks"] = k.icmpPrivacyLeaks;
        const std::pair<const char*, uint64_t> drops[] = {
            {"switch: table miss", s.missDrops},
            {"switch: action drop", s.actionDrops},
            {"switch: bad port", s.badPortDrops},
            {"switch: processing queue full", s.queueFullDrops},
        };
        for (const auto& [name, count] : drops)
        {
            if (count > 0)
            {
                r.drops[name] += count;
            }
        }
        break;
    }
    case RESOA: {
        const PeArpResoaServer::Counters& k = h.resoaServer->GetCounters();
        r.stateKind = "ReSoA sockets at the server";
        r.stateEnd = h.resoaServer->GetSocketCount();
        r.statePeak = k.peakSockets;
        r.counters["ReSoA clients registered"] = k.clientsRegistered;
        r.counters["ReSoA sockets created"] = k.socketsCreated;
        r.counters["ReSoA bytes pushed"] = k.bytesPushed;
        r.counters["ReSoA bytes from clients"] = k.bytesFromClients;
        r.counters["ReSoA window updates"] = k.windowUpdates;
        r.counters["ReSoA FINs held"] = k.finsHeld;
        AddDrops(r.drops, "resoa server: ", RESOA_SERVER_DROPS, k.drops);
        std::vector<Ptr<PeArpResoaLhp>> lhps = {h.resoaServer->GetLhp()};
        for (const Ptr<PeArpResoaClient>& client : h.resoaClients)
        {
            AddDrops(r.drops, "resoa client: ", RESOA_CLIENT_DROPS, client->GetCounters().drops);
            lhps.push_back(client->GetLhp());
        }
        for (const Ptr<PeArpResoaLhp>& lhp : lhps)
        {
            const PeArpResoaLhp::Counters& l = lhp->GetCounters();
            r.counters["LHP retransmissions"] += l.retransmissions;
            r.counters["LHP connections lost"] += l.connectionsLost;
            AddDrops(r.drops, "lhp: ", RESOA_LHP_DROPS, l.drops);
        }
        break;
    }
    }
    return r;
}

} // namespace ns3
