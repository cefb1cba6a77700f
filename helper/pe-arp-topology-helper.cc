/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-topology-helper.h"

#include "pe-arp-lan-builder.h"
#include "pe-arp-lpm-routing-helper.h"
#include "pe-arp-nat-routing-helper.h"

#include "ns3/abort.h"
#include "ns3/bridge-helper.h"
#include "ns3/bulk-send-helper.h"
#include "ns3/csma-helper.h"
#include "ns3/data-rate.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-global-routing-helper.h"
#include "ns3/ipv4-global-routing.h"
#include "ns3/ipv4-list-routing.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node-list.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/pe-arp-lpm-routing.h"
#include "ns3/pe-arp-nat-port-allocator.h"
#include "ns3/pe-arp-nat-routing.h"
#include "ns3/pe-arp-nat-table.h"
#include "ns3/pe-arp-spanning-tree.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/string.h"
#include "ns3/udp-echo-helper.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <numeric>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpTopologyHelper");

const uint16_t PeArpTopologyHelper::ECHO_PORT;
const Ipv4Address PeArpTopologyHelper::NAT_PRIVATE_NETWORK("172.16.0.0");

namespace
{

/// The mask of a router-router link.
const Ipv4Mask LINK_MASK("255.255.255.252");

} // namespace

PeArpTopologyHelper::PeArpTopologyHelper(const PeArpTopology& topology, const Config& config)
    : m_topology(topology),
      m_config(config),
      m_plan(config.addresses),
      m_validated(false),
      m_built(false),
      m_switchLinks(0),
      m_blockedLinks(0),
      m_installedRoutes(0),
      m_systemId(0)
{
}

PeArpTopologyHelper::~PeArpTopologyHelper() = default;

std::string
PeArpTopologyHelper::Validate()
{
    std::string why = m_topology.Validate();
    if (!why.empty())
    {
        return "topology: " + why;
    }
    const Config& c = m_config;
    std::ostringstream r;
    if (!m_owner.empty())
    {
        if (m_owner.size() != m_topology.GetNVertices())
        {
            return "partition: " + std::to_string(m_owner.size()) + " ranks given for " +
                   std::to_string(m_topology.GetNVertices()) + " vertices";
        }
        if (c.routing == GLOBAL_ROUTING)
        {
            return "routing: ns-3's global routing needs every node in one process; use "
                   "LPM_ROUTING or STATIC_ROUTING with a partition";
        }
        if (c.streamsPerNode <= 0)
        {
            return "streamsPerNode: a partition needs streams per node (> 0), so that a node "
                   "draws the same numbers on any rank";
        }
        for (uint32_t l = 0; l < m_topology.GetNLinks(); l++)
        {
            const PeArpTopology::Link& link = m_topology.GetLink(l);
            if (m_owner[link.a] != m_owner[link.b] &&
                (!m_topology.IsRouter(link.a) || !m_topology.IsRouter(link.b) || !(link.delay > 0)))
            {
                return "partition: link " + std::to_string(l) + " (" + std::to_string(link.a) +
                       "-" + std::to_string(link.b) +
                       ") joins two ranks but is not a router-to-router link with a delay "
                       "(ns-3's MPI engine cuts only point-to-point links)";
            }
        }
    }
    if (c.tcpBytes == 0)
    {
        r << "tcpBytes must be at least 1 (BulkSend would read 0 as unlimited)";
    }
    else if (!(c.start >= 0) || !(c.spread >= 0) || !(c.drain > 0))
    {
        r << (!(c.start >= 0)    ? "start must be >= 0"
              : !(c.spread >= 0) ? "spread must be >= 0"
                                 : "drain must be > 0")
          << " seconds";
    }
    else if (c.lanRate == 0 || !(c.lanDelay >= 0))
    {
        r << (c.lanRate == 0 ? "lanRate must be positive" : "lanDelay must be >= 0 seconds");
    }
    else if (c.routing == GLOBAL_ROUTING && HasNatSite())
    {
        r << "routing: ns-3's global routing cannot be put inside a NAT site's router; "
          << "use LPM_ROUTING or STATIC_ROUTING";
    }
    else if (c.traffic && m_topology.GetVerticesOfKind(PeArpTopology::INTERNET).empty())
    {
        r << "traffic: the topology has no internet vertex to serve the hosts";
    }
    else if (c.traffic && m_topology.GetNHosts() == 0)
    {
        r << "traffic: the topology has no hosts";
    }
    else if (m_topology.GetNHosts() > UINT32_MAX / 2)
    {
        r << "topology: " << m_topology.GetNHosts() << " hosts are too many";
    }
    if (!r.str().empty())
    {
        return r.str();
    }
    why = m_plan.Compute(m_topology);
    m_validated = why.empty();
    return why;
}

void
PeArpTopologyHelper::Build()
{
    BuildNetwork();
    InstallRoutes();
    if (m_config.traffic)
    {
        InstallTraffic();
    }
}

void
PeArpTopologyHelper::BuildNetwork()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(m_built, "PeArpTopologyHelper::BuildNetwork called twice");
    std::string why = Validate();
    NS_ABORT_MSG_UNLESS(why.empty(), "PeArpTopologyHelper: " << why);
    m_built = true;

    const PeArpTopology& t = m_topology;
    uint32_t n = t.GetNVertices();
    InternetStackHelper routerStack;
    routerStack.SetIpv6StackInstall(false);
    if (m_config.routing == LPM_ROUTING)
    {
        routerStack.SetRoutingHelper(PeArpLpmRoutingHelper());
    }
    else if (m_config.routing == STATIC_ROUTING)
    {
        routerStack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    }
    // GLOBAL_ROUTING: ns-3's default, static (connected routes) and global.
    // A NAT site's router: the NAT on top, the same routing inside it.
    InternetStackHelper natStack;
    natStack.SetIpv6StackInstall(false);
    if (m_config.routing == LPM_ROUTING)
    {
        natStack.SetRoutingHelper(PeArpNatRoutingHelper(PeArpLpmRoutingHelper()));
    }
    else
    {
        natStack.SetRoutingHelper(PeArpNatRoutingHelper(Ipv4StaticRoutingHelper()));
    }
    m_vertexNode.resize(n);
    for (uint32_t v = 0; v < n; v++)
    {
        // Every rank creates every vertex's node, so that node ids agree.
        m_vertexNode[v] = CreateObject<Node>(m_owner.empty() ? 0 : m_owner[v]);
        if (!IsLocal(v))
        {
            continue; // a placeholder
        }
        if (IsNatSite(v))
        {
            natStack.Install(m_vertexNode[v]);
        }
        else if (t.IsRouter(v))
        {
            routerStack.Install(m_vertexNode[v]);
        }
    }

    std::vector<bool> blocked = m_config.spanningTree ? PeArpSpanningTree::GetBlockedLinks(t)
                                                      : std::vector<bool>(t.GetNLinks(), false);
    m_linkEnd.assign(t.GetNLinks(), {nullptr, nullptr});
    m_linkInterface.assign(t.GetNLinks(), {0, 0});
    m_gatewayLink.assign(m_plan.GetLans().size(), nullptr);
    std::vector<NetDeviceContainer> switchPorts(n);
    PointToPointHelper p2p;
    CsmaHelper csma;
    // The interface index each vertex's next link device gets on its own
    // rank: a router's loopback is 0, then its links in link order. A
    // placeholder's device at a cut link is given it, as ns-3's MPI engine
    // delivers to (node id, interface index).
    std::vector<uint32_t> nextIfIndex(n);
    for (uint32_t v = 0; v < n; v++)
    {
        nextIfIndex[v] = t.IsRouter(v) ? 1 : 0;
    }
    for (uint32_t l = 0; l < t.GetNLinks(); l++)
    {
        const PeArpTopology::Link& link = t.GetLink(l);
        if (blocked[l])
        {
            m_blockedLinks++;
            continue;
        }
        std::array<uint32_t, 2> ifIndex = {nextIfIndex[link.a]++, nextIfIndex[link.b]++};
        bool localA = IsLocal(link.a);
        bool localB = IsLocal(link.b);
        if (!localA && !localB)
        {
            continue;
        }
        Ptr<Node> a = m_vertexNode[link.a];
        Ptr<Node> b = m_vertexNode[link.b];
        if (t.IsRouter(link.a) && t.IsRouter(link.b))
        {
            p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(link.dataRate)));
            p2p.SetChannelAttribute("Delay", TimeValue(Seconds(link.delay)));
            NetDeviceContainer ends = p2p.Install(a, b);
            m_linkEnd[l] = {ends.Get(0), ends.Get(1)};
            for (uint32_t end = 0; end < 2; end++)
            {
                uint32_t v = end == 0 ? link.a : link.b;
                if (IsLocal(v))
                {
                    NS_ABORT_MSG_UNLESS(ends.Get(end)->GetIfIndex() == ifIndex[end],
                                        "PeArpTopologyHelper: link " << l << " has interface "
                                                                     << ends.Get(end)->GetIfIndex()
                                                                     << " at vertex " << v);
                    m_linkInterface[l][end] = PeArpAddStockInterface(
                        ends.Get(end),
                        Ipv4InterfaceAddress(m_plan.GetLinkAddress(l, v), LINK_MASK));
                }
                else
                {
                    ends.Get(end)->SetIfIndex(ifIndex[end]); // as its own rank numbers it
                }
            }
            continue;
        }
        csma.SetChannelAttribute("DataRate", DataRateValue(DataRate(link.dataRate)));
        csma.SetChannelAttribute("Delay", TimeValue(Seconds(link.delay)));
        NetDeviceContainer ends = csma.Install(NodeContainer(a, b));
        m_switchLinks++;
        for (uint32_t end = 0; end < 2; end++)
        {
            uint32_t v = end == 0 ? link.a : link.b;
            if (t.IsRouter(v))
            {
                m_gatewayLink[m_plan.GetLanOf(v)] = ends.Get(end);
            }
            else
            {
                switchPorts[v].Add(ends.Get(end));
            }
        }
    }
    for (uint32_t lan = 0; lan < m_plan.GetLans().size(); lan++)
    {
        if (IsLocal(m_plan.GetLans()[lan].gateway))
        {
            uint32_t before = NodeList::GetNNodes();
            BuildLan(lan, switchPorts);
            // Other ranks create as many placeholders (PlaceholderLan).
            const PeArpAddressPlan::Lan& plan = m_plan.GetLans()[lan];
            uint32_t expected =
                static_cast<uint32_t>(plan.hosts) +
                (plan.kind == PeArpAddressPlan::SITE_LAN && m_config.siteLan == SWITCHED ? 1 : 0);
            NS_ABORT_MSG_UNLESS(NodeList::GetNNodes() - before == expected,
                                "PeArpTopologyHelper: LAN " << lan << " made "
                                                            << NodeList::GetNNodes() - before
                                                            << " nodes, not " << expected);
        }
        else
        {
            PlaceholderLan(lan);
        }
    }
    for (uint32_t v = 0; v < n; v++)
    {
        if (!t.IsRouter(v) && IsLocal(v))
        {
            BridgeHelper().Install(m_vertexNode[v], switchPorts[v]);
        }
    }
    AssignStreams();
}

void
PeArpTopologyHelper::AssignStreams() const
{
    if (m_config.streamsPerNode <= 0)
    {
        AssignStreamsToAll(m_config.stream);
        return;
    }
    NodeContainer all = NodeContainer::GetGlobal();
    for (uint32_t k = 0; k < all.GetN(); k++)
    {
        Ptr<Node> node = all.Get(k);
        int64_t used =
            AssignStreamsToNode(node, m_config.stream + node->GetId() * m_config.streamsPerNode);
        NS_ABORT_MSG_UNLESS(used <= m_config.streamsPerNode,
                            "PeArpTopologyHelper: node " << node->GetId() << " needs " << used
                                                         << " streams, more than streamsPerNode="
                                                         << m_config.streamsPerNode);
    }
}

void
PeArpTopologyHelper::PlaceholderLan(uint32_t index)
{
    NS_LOG_FUNCTION(this << index);
    const PeArpAddressPlan::Lan& lan = m_plan.GetLans()[index];
    uint32_t owner = m_owner[lan.gateway];
    if (lan.kind == PeArpAddressPlan::SERVER_FARM)
    {
        for (uint32_t k = 0; k < lan.hosts; k++)
        {
            CreateObject<Node>(owner);
            m_serverAddress.push_back(m_plan.GetHostAddress(index, k));
            m_serverNode.push_back(nullptr);
        }
        return;
    }
    NodeContainer placeholders;
    placeholders.Create(static_cast<uint32_t>(lan.hosts), owner);
    if (lan.kind == PeArpAddressPlan::SITE_LAN && m_config.siteLan == SWITCHED)
    {
        CreateObject<Node>(owner); // the site's switch
    }
    if (lan.kind == PeArpAddressPlan::SITE_LAN && lan.settings.resolver == PeArpTopology::NAT)
    {
        Ipv4Address publicAddress = m_plan.GetHostAddress(index, 0);
        for (uint32_t j = 0; j < lan.hosts; j++)
        {
            NoteHost(index,
                     j,
                     publicAddress,
                     static_cast<uint16_t>(lan.settings.firstPort + j * lan.settings.portsPerHost),
                     false);
        }
        return;
    }
    PeArpLanBuilder builder(MakeLanPlan(index));
    for (uint32_t j = 0; j < lan.hosts; j++)
    {
        NoteHost(index, j, builder.GetHostAddress(j), builder.GetServerPort(j), false);
    }
}

PeArpLanBuilder::Lan
PeArpTopologyHelper::MakeLanPlan(uint32_t index) const
{
    const PeArpAddressPlan::Lan& lan = m_plan.GetLans()[index];
    PeArpLanBuilder::Lan plan;
    plan.network = lan.network;
    plan.mask = lan.GetMask();
    plan.peArp = lan.settings.resolver == PeArpTopology::PE_ARP;
    plan.hosts = static_cast<uint32_t>(lan.hosts);
    plan.sharedIps = std::max<uint32_t>(1, std::min<uint32_t>(lan.settings.sharedIps, plan.hosts));
    plan.portsPerHost = lan.settings.portsPerHost;
    plan.firstPort = lan.settings.firstPort;
    plan.answerEcho = m_config.answerEcho;
    return plan;
}

void
PeArpTopologyHelper::NoteHost(uint32_t lan,
                              uint32_t inLan,
                              Ipv4Address target,
                              uint16_t port,
                              bool local)
{
    if (local)
    {
        m_hostLanIndex.push_back(lan);
        m_hostGlobal.push_back(static_cast<uint32_t>(m_allHosts.size()));
    }
    m_allHosts.push_back({inLan, target, port, local ? m_hosts.GetN() - 1 : UINT32_MAX});
}

void
PeArpTopologyHelper::BuildLan(uint32_t index, std::vector<NetDeviceContainer>& switchPorts)
{
    NS_LOG_FUNCTION(this << index);
    const PeArpAddressPlan::Lan& lan = m_plan.GetLans()[index];
    Ptr<Node> gateway = m_vertexNode[lan.gateway];
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", DataRateValue(DataRate(m_config.lanRate)));
    csma.SetChannelAttribute("Delay", TimeValue(Seconds(m_config.lanDelay)));

    if (lan.kind == PeArpAddressPlan::SERVER_FARM)
    {
        PointToPointHelper p2p;
        p2p.SetDeviceAttribute("DataRate", DataRateValue(DataRate(m_config.lanRate)));
        p2p.SetChannelAttribute("Delay", TimeValue(Seconds(m_config.lanDelay)));
        InternetStackHelper stack;
        stack.SetIpv6StackInstall(false);
        bool global = m_config.routing == GLOBAL_ROUTING;
        if (!global)
        {
            stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
        }
        for (uint32_t k = 0; k < lan.hosts; k++)
        {
            Ptr<Node> server = CreateObject<Node>(m_systemId);
            stack.Install(server);
            NetDeviceContainer ends = p2p.Install(gateway, server);
            Ipv4Address serverAddress = m_plan.GetHostAddress(index, k);
            Ipv4Address routerAddress(serverAddress.Get() - 1);
            PeArpAddStockInterface(ends.Get(0), Ipv4InterfaceAddress(routerAddress, LINK_MASK));
            uint32_t interface =
                PeArpAddStockInterface(ends.Get(1), Ipv4InterfaceAddress(serverAddress, LINK_MASK));
            if (!global)
            {
                Ipv4StaticRoutingHelper()
                    .GetStaticRouting(server->GetObject<Ipv4>())
                    ->SetDefaultRoute(routerAddress, interface);
            }
            m_servers.Add(server);
            m_serverAddress.push_back(serverAddress);
            m_serverNode.push_back(server);
        }
        return;
    }

    if (lan.kind == PeArpAddressPlan::SITE_LAN && lan.settings.resolver == PeArpTopology::NAT)
    {
        BuildNatSite(index);
        return;
    }

    PeArpLanBuilder::Lan plan = MakeLanPlan(index);
    PeArpLanBuilder builder(plan);

    NodeContainer hosts;
    hosts.Create(plan.hosts, m_systemId);
    builder.InstallStacks(hosts);
    NetDeviceContainer links; // the gateway's first, then the hosts'
    if (lan.kind == PeArpAddressPlan::SITE_LAN)
    {
        links = InstallSiteLinks(csma, gateway, hosts);
    }
    else
    {
        links.Add(m_gatewayLink[index]);
        uint32_t j = 0;
        for (uint32_t sw : lan.switches)
        {
            for (uint32_t k = 0; k < m_topology.GetVertex(sw).lan.hosts; k++, j++)
            {
                NetDeviceContainer pair =
                    csma.Install(NodeContainer(hosts.Get(j), m_vertexNode[sw]));
                links.Add(pair.Get(0));
                switchPorts[sw].Add(pair.Get(1));
            }
        }
    }
    m_linkDevices.Add(links);

    Ptr<NetDevice> edge = builder.InstallGateway(links.Get(0));
    if (plan.peArp)
    {
        m_edges.Add(gateway);
        m_edgeDevices.Add(edge);
    }
    for (uint32_t j = 0; j < plan.hosts; j++)
    {
        PeArpLanBuilder::Host host = builder.InstallHost(j, links.Get(j + 1));
        m_hosts.Add(hosts.Get(j));
        m_hostLan.Add(host.device);
        m_hostIp.push_back(host.address);
        m_hostRange.push_back(host.range);
        m_serverPort.push_back(builder.GetServerPort(j));
        NS_ASSERT(host.address == builder.GetHostAddress(j));
        NoteHost(index, j, host.address, builder.GetServerPort(j), true);
    }
}

NetDeviceContainer
PeArpTopologyHelper::InstallSiteLinks(const CsmaHelper& csma,
                                      Ptr<Node> gateway,
                                      const NodeContainer& hosts) const
{
    PeArpLanBuilder::Links site =
        PeArpLanBuilder::InstallLinks(csma, gateway, hosts, m_config.siteLan == SWITCHED);
    if (site.bridge)
    {
        BridgeHelper().Install(site.bridge, site.ports);
    }
    return site.links;
}

bool
PeArpTopologyHelper::HasNatSite() const
{
    for (uint32_t v = 0; v < m_topology.GetNVertices(); v++)
    {
        if (IsNatSite(v))
        {
            return true;
        }
    }
    return false;
}

bool
PeArpTopologyHelper::IsNatSite(uint32_t v) const
{
    const PeArpTopology::Vertex& vertex = m_topology.GetVertex(v);
    return vertex.kind == PeArpTopology::SITE && vertex.lan.resolver == PeArpTopology::NAT;
}

void
PeArpTopologyHelper::BuildNatSite(uint32_t index)
{
    NS_LOG_FUNCTION(this << index);
    const PeArpAddressPlan::Lan& lan = m_plan.GetLans()[index];
    const PeArpTopology::Lan& s = lan.settings;
    Ptr<Node> router = m_vertexNode[lan.gateway];
    NodeContainer hosts;
    hosts.Create(static_cast<uint32_t>(lan.hosts), m_systemId);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    stack.Install(hosts);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", DataRateValue(DataRate(m_config.lanRate)));
    csma.SetChannelAttribute("Delay", TimeValue(Seconds(m_config.lanDelay)));
    NetDeviceContainer links = InstallSiteLinks(csma, router, hosts);
    m_linkDevices.Add(links);

    // Every NAT site uses the same private network, as real ones do; its
    // public address is the first of its public prefix, on the inside
    // interface as a second address (so that the router owns it).
    Ipv4Mask privateMask("255.255.0.0");
    Ipv4Address gateway(NAT_PRIVATE_NETWORK.Get() + 1);
    Ipv4Address publicAddress = m_plan.GetHostAddress(index, 0);
    uint32_t inside =
        PeArpAddStockInterface(links.Get(0), Ipv4InterfaceAddress(gateway, privateMask));
    PeArpAddStockInterface(links.Get(0), Ipv4InterfaceAddress(publicAddress, lan.GetMask()));
    Ptr<PeArpNatRouting> nat = PeArpNatRoutingHelper::GetNat(router->GetObject<Ipv4>());
    nat->AddInsideInterface(inside);
    Ptr<PeArpNatTable> table = nat->GetTable();
    table->SetAttribute("PublicAddress", Ipv4AddressValue(publicAddress));
    // Deterministic port blocks (RFC 7422), as PE-ARP's ranges.
    Ptr<PeArpNatPortAllocator> allocator = table->GetPortAllocator();
    allocator->SetAttribute("PortBlockMode", StringValue("DETERMINISTIC"));
    allocator->SetAttribute("BlockBase", UintegerValue(s.firstPort));
    allocator->SetAttribute("BlockSize", UintegerValue(s.portsPerHost));
    for (uint32_t j = 0; j < hosts.GetN(); j++)
    {
        Ipv4Address own(NAT_PRIVATE_NETWORK.Get() + 2 + j);
        uint32_t interface =
            PeArpAddStockInterface(links.Get(j + 1), Ipv4InterfaceAddress(own, privateMask));
        Ipv4StaticRoutingHelper()
            .GetStaticRouting(hosts.Get(j)->GetObject<Ipv4>())
            ->SetDefaultRoute(gateway, interface);
        uint16_t low = static_cast<uint16_t>(s.firstPort + j * s.portsPerHost);
        allocator->SetSubscriberIndex(own, j);
        nat->AddStaticRule(6, low, low, own, low); // the host's TCP server port
        m_hosts.Add(hosts.Get(j));
        m_hostLan.Add(links.Get(j + 1));
        m_hostIp.push_back(own);
        m_hostRange.push_back(PeArpPortRange(low, static_cast<uint16_t>(low + s.portsPerHost - 1)));
        m_serverPort.push_back(low);
        NoteHost(index, j, publicAddress, low, true);
    }
}

void
PeArpTopologyHelper::AddRoute(const RouterRouting& routing,
                              uint32_t v,
                              Ipv4Address network,
                              Ipv4Mask mask,
                              uint32_t link)
{
    const PeArpTopology::Link& edge = m_topology.GetLink(link);
    uint32_t end = edge.a == v ? 0 : 1;
    uint32_t interface = m_linkInterface[link][end];
    Ipv4Address nextHop = m_plan.GetLinkAddress(link, end == 0 ? edge.b : edge.a);
    bool isDefault = mask.Get() == 0;
    if (routing.lpm && isDefault)
    {
        routing.lpm->SetDefaultRoute(nextHop, interface);
    }
    else if (routing.lpm)
    {
        routing.lpm->AddNetworkRoute(network, mask, nextHop, interface);
    }
    else if (isDefault)
    {
        routing.table->SetDefaultRoute(nextHop, interface);
    }
    else
    {
        routing.table->AddNetworkRouteTo(network, mask, nextHop, interface);
    }
    m_installedRoutes++;
}

void
PeArpTopologyHelper::InstallRoutes()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(m_built, "PeArpTopologyHelper: BuildNetwork before InstallRoutes");
    NS_ABORT_MSG_IF(m_routes, "PeArpTopologyHelper::InstallRoutes called twice");
    m_routes = std::make_unique<PeArpGraphRoutes>(m_topology, m_plan, m_config.aggregate);
    if (m_config.routing == GLOBAL_ROUTING)
    {
        // ns-3 computes its own routes (the graph's are kept for reference).
        Ipv4GlobalRoutingHelper::PopulateRoutingTables();
        for (uint32_t v = 0; v < m_topology.GetNVertices(); v++)
        {
            if (m_topology.IsRouter(v))
            {
                Ptr<Ipv4ListRouting> list = DynamicCast<Ipv4ListRouting>(
                    m_vertexNode[v]->GetObject<Ipv4>()->GetRoutingProtocol());
                for (uint32_t k = 0; list && k < list->GetNRoutingProtocols(); k++)
                {
                    int16_t priority;
                    Ptr<Ipv4GlobalRouting> global =
                        DynamicCast<Ipv4GlobalRouting>(list->GetRoutingProtocol(k, priority));
                    m_installedRoutes += global ? global->GetNRoutes() : 0;
                }
            }
        }
        return;
    }
    for (uint32_t v = 0; v < m_topology.GetNVertices(); v++)
    {
        if (!m_topology.IsRouter(v) || !IsLocal(v))
        {
            continue;
        }
        // The router's own protocol (a NAT site's: the one inside its NAT),
        // looked up once per router.
        Ptr<Ipv4> ipv4 = m_vertexNode[v]->GetObject<Ipv4>();
        Ptr<Ipv4RoutingProtocol> protocol =
            IsNatSite(v) ? PeArpNatRoutingHelper::GetInner(ipv4) : ipv4->GetRoutingProtocol();
        RouterRouting routing{DynamicCast<PeArpLpmRouting>(protocol),
                              DynamicCast<Ipv4StaticRouting>(protocol)};
        NS_ABORT_MSG_UNLESS(routing.lpm || routing.table,
                            "PeArpTopologyHelper: vertex " << v << " has no static routing");
        const PeArpGraphRoutes::Table& table = m_routes->GetTable(v);
        for (const PeArpGraphRoutes::Route& route : table.routes)
        {
            AddRoute(routing, v, route.network, route.GetMask(), route.link);
        }
        if (table.defaultLink != UINT32_MAX)
        {
            AddRoute(routing, v, Ipv4Address::GetAny(), Ipv4Mask::GetZero(), table.defaultLink);
        }
    }
}

void
PeArpTopologyHelper::InstallTraffic()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_UNLESS(m_built, "PeArpTopologyHelper: BuildNetwork before InstallTraffic");
    NS_ABORT_MSG_IF(m_sinks.GetN() > 0, "PeArpTopologyHelper::InstallTraffic called twice");
    NS_ABORT_MSG_IF(m_serverAddress.empty() || m_allHosts.empty(),
                    "PeArpTopologyHelper: traffic needs hosts and an internet vertex");
    UdpEchoServerHelper echoServer(ECHO_PORT);
    echoServer.Install(m_servers).Start(Seconds(0));

    // Over the hosts of every rank, so that each rank installs its share
    // as a run in one process would. Starts interleave the LANs: order by
    // index in the LAN, then LAN.
    uint32_t hosts = static_cast<uint32_t>(m_allHosts.size());
    uint32_t servers = static_cast<uint32_t>(m_serverAddress.size());
    std::vector<uint32_t> order(hosts);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](uint32_t a, uint32_t b) {
        return m_allHosts[a].inLan < m_allHosts[b].inLan;
    });
    std::vector<double> startAt(hosts);
    for (uint32_t k = 0; k < hosts; k++)
    {
        startAt[order[k]] = m_config.start + m_config.spread * k / hosts;
    }
    for (uint32_t i = 0; i < hosts; i++)
    {
        const AnyHost& host = m_allHosts[i];
        uint32_t s = static_cast<uint32_t>(uint64_t(i) * servers / hosts);
        Ptr<Node> server = m_serverNode[s];
        if (host.local != UINT32_MAX)
        {
            PacketSinkHelper sink("ns3::TcpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), host.port));
            ApplicationContainer sinkApp = sink.Install(m_hosts.Get(host.local));
            sinkApp.Start(Seconds(0));
            m_sinks.Add(sinkApp);
        }
        if (server)
        {
            BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(host.target, host.port));
            bulk.SetAttribute("MaxBytes", UintegerValue(m_config.tcpBytes));
            bulk.SetAttribute("SendSize", UintegerValue(1448));
            bulk.Install(server).Start(Seconds(startAt[i]));
        }
        if (m_config.udpEcho && host.local != UINT32_MAX)
        {
            UdpEchoClientHelper echo(m_serverAddress[s], ECHO_PORT);
            echo.SetAttribute("MaxPackets", UintegerValue(1));
            echo.SetAttribute("PacketSize", UintegerValue(64));
            ApplicationContainer echoApp = echo.Install(m_hosts.Get(host.local));
            echoApp.Start(Seconds(startAt[i] + 0.5));
            m_echoClients.Add(echoApp);
        }
    }
}

void
PeArpTopologyHelper::SetPartition(const std::vector<uint32_t>& owner, uint32_t systemId)
{
    NS_LOG_FUNCTION(this << systemId);
    NS_ABORT_MSG_IF(m_built, "PeArpTopologyHelper: SetPartition before BuildNetwork");
    m_owner = owner;
    m_systemId = systemId;
    m_validated = false;
}

bool
PeArpTopologyHelper::IsLocal(uint32_t v) const
{
    return m_owner.empty() || m_owner[v] == m_systemId;
}

uint32_t
PeArpTopologyHelper::GetNAllHosts() const
{
    return static_cast<uint32_t>(m_allHosts.size());
}

uint32_t
PeArpTopologyHelper::GetHostGlobalIndex(uint32_t host) const
{
    return m_hostGlobal.at(host);
}

Time
PeArpTopologyHelper::GetStopTime() const
{
    return Seconds(m_config.start + m_config.spread + m_config.drain);
}

const PeArpTopology&
PeArpTopologyHelper::GetTopology() const
{
    return m_topology;
}

const PeArpAddressPlan&
PeArpTopologyHelper::GetAddressPlan() const
{
    return m_plan;
}

const PeArpGraphRoutes&
PeArpTopologyHelper::GetRoutes() const
{
    NS_ABORT_MSG_UNLESS(m_routes, "PeArpTopologyHelper: InstallRoutes first");
    return *m_routes;
}

uint64_t
PeArpTopologyHelper::GetNInstalledRoutes() const
{
    return m_installedRoutes;
}

Ptr<Node>
PeArpTopologyHelper::GetVertexNode(uint32_t v) const
{
    NS_ABORT_MSG_UNLESS(v < m_vertexNode.size(), "PeArpTopologyHelper: no vertex " << v);
    return m_vertexNode[v];
}

const NodeContainer&
PeArpTopologyHelper::GetServers() const
{
    return m_servers;
}

uint32_t
PeArpTopologyHelper::GetNSwitchLinks() const
{
    return m_switchLinks;
}

uint32_t
PeArpTopologyHelper::GetNBlockedLinks() const
{
    return m_blockedLinks;
}

std::array<Ptr<NetDevice>, 2>
PeArpTopologyHelper::GetLinkEnds(uint32_t link) const
{
    return m_linkEnd.at(link);
}

uint32_t
PeArpTopologyHelper::GetNHosts() const
{
    return m_hosts.GetN();
}

uint32_t
PeArpTopologyHelper::GetHostSite(uint32_t host) const
{
    return m_hostLanIndex.at(host);
}

uint32_t
PeArpTopologyHelper::GetTcpBytes() const
{
    return m_config.tcpBytes;
}

bool
PeArpTopologyHelper::HasUdpEcho() const
{
    return m_config.udpEcho;
}

} // namespace ns3
