/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-test-utilities.h"

#include "ns3/bulk-send-helper.h"
#include "ns3/config.h"
#include "ns3/csma-helper.h"
#include "ns3/inet-socket-address.h"
#include "ns3/internet-stack-helper.h"
#include "ns3/ipv4-address-helper.h"
#include "ns3/ipv4-static-routing-helper.h"
#include "ns3/ipv4-static-routing.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-bridge-helper.h"
#include "ns3/pe-arp-helper.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-stack-helper.h"
#include "ns3/point-to-point-helper.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ns3
{
namespace tests
{

SimulatorDestroyGuard::~SimulatorDestroyGuard()
{
    Simulator::Destroy();
}

ChildOutcome
RunInChild(const std::function<void()>& body)
{
    ChildOutcome outcome;
    std::cout.flush();
    std::cerr.flush();
    std::fflush(nullptr); // nothing buffered is written twice
    int fds[2];
    if (pipe(fds) != 0)
    {
        outcome.output = "pipe failed";
        return outcome;
    }
    pid_t pid = fork();
    if (pid < 0)
    {
        close(fds[0]);
        close(fds[1]);
        outcome.output = "fork failed";
        return outcome;
    }
    if (pid == 0)
    {
        struct rlimit noCore = {0, 0};
        setrlimit(RLIMIT_CORE, &noCore);
        close(fds[0]);
        dup2(fds[1], STDOUT_FILENO);
        dup2(fds[1], STDERR_FILENO);
        close(fds[1]);
        body();
        std::cout.flush();
        std::cerr.flush();
        _exit(0);
    }
    close(fds[1]);
    char buffer[4096];
    while (true)
    {
        ssize_t n = read(fds[0], buffer, sizeof(buffer));
        if (n < 0 && errno == EINTR)
        {
            continue;
        }
        if (n <= 0)
        {
            break;
        }
        outcome.output.append(buffer, static_cast<size_t>(n));
    }
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    outcome.aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    return outcome;
}

Ptr<Packet>
PacketFromBytes(const std::vector<uint8_t>& bytes)
{
    return Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
}

std::vector<uint8_t>
BytesOf(Ptr<const Packet> packet)
{
    std::vector<uint8_t> bytes(packet->GetSize());
    packet->CopyData(bytes.data(), static_cast<uint32_t>(bytes.size()));
    return bytes;
}

PeArpCache::Entry*
Learn(Ptr<PeArpCache> cache,
      Ipv4Address address,
      PeArpPortRange range,
      Mac48Address mac,
      PeArpCache::PendingList& pending)
{
    PeArpCache::UpdateResult result = cache->Resolve(address, range, mac);
    pending.splice(pending.end(), result.pending);
    return result.entry;
}

std::string
ToHex(const std::vector<uint8_t>& bytes)
{
    std::ostringstream oss;
    for (size_t i = 0; i < bytes.size(); i++)
    {
        oss << (i ? " " : "") << std::hex << std::setw(2) << std::setfill('0') << int(bytes[i]);
    }
    return oss.str();
}

SharedAddressTopology::SharedAddressTopology()
    : shared("198.108.63.2"),
      inetAddress("192.35.162.10")
{
    Config::SetDefault("ns3::ArpL3Protocol::RequestJitter",
                       StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
    Config::SetDefault("ns3::PeArpL3Protocol::RequestJitter",
                       StringValue("ns3::ConstantRandomVariable[Constant=0.0]"));
    inet = CreateObject<Node>();
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    stack.Install(inet);
}

void
SharedAddressTopology::ConnectInternet(Ptr<Node> router)
{
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer wan = p2p.Install(inet, router);
    Ipv4AddressHelper wanAddresses("192.35.162.0", "255.255.255.0", "0.0.0.1");
    wanAddresses.Assign(NetDeviceContainer(wan.Get(1)));
    wanAddresses.SetBase("192.35.162.0", "255.255.255.0", "0.0.0.10");
    wanAddresses.Assign(NetDeviceContainer(wan.Get(0)));
    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(inet->GetObject<Ipv4>())->SetDefaultRoute("192.35.162.1", 1);
}

void
SharedAddressTopology::SetUpHosts(
    const NetDeviceContainer& links,
    Ipv4Address gateway,
    const std::function<uint32_t(PeArpHelper&, Ptr<PeArpNetDevice>, uint32_t)>& assign)
{
    PeArpHelper peArp;
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < hosts.GetN(); i++)
    {
        hostLink.push_back(links.Get(i));
        Ptr<PeArpNetDevice> device = peArp.Install(links.Get(i));
        uint32_t interface = assign(peArp, device, i);
        hostLan.push_back(device);
        routing.GetStaticRouting(hosts.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(gateway, interface);
    }
}

void
SharedAddressTopology::SetUpHosts(const NetDeviceContainer& links,
                                  const std::vector<PeArpPortRange>& ranges,
                                  Ipv4Address gateway)
{
    SetUpHosts(links,
               gateway,
               [this, &ranges](PeArpHelper& peArp, Ptr<PeArpNetDevice> d, uint32_t i) {
                   return peArp.Assign(d, Ipv4InterfaceAddress(shared, "255.255.255.0"), ranges[i]);
               });
}

void
SharedAddressTopology::SetUpHosts(const NetDeviceContainer& links,
                                  const std::vector<PeArpPortSet>& sets,
                                  Ipv4Address gateway)
{
    SetUpHosts(links,
               gateway,
               [this, &sets](PeArpHelper& peArp, Ptr<PeArpNetDevice> d, uint32_t i) {
                   return peArp.Assign(d, Ipv4InterfaceAddress(shared, "255.255.255.0"), sets[i]);
               });
}

Ptr<PeArpL3Protocol>
SharedAddressTopology::HostProtocol(uint32_t i) const
{
    return hosts.Get(i)->GetObject<PeArpL3Protocol>();
}

Figure4::Figure4(const std::vector<PeArpPortRange>& hostRanges)
{
    BuildRouterLan(hostRanges.size());
    SetUpHosts(m_hostLinks, hostRanges, "198.108.63.1");
}

Figure4::Figure4(const std::vector<PeArpPortSet>& hostSets)
{
    BuildRouterLan(hostSets.size());
    SetUpHosts(m_hostLinks, hostSets, "198.108.63.1");
}

Figure4::Figure4(Claiming claiming)
{
    BuildRouterLan(claiming.hosts);
    SetUpHosts(m_hostLinks,
               "198.108.63.1",
               [this](PeArpHelper& peArp, Ptr<PeArpNetDevice> d, uint32_t) {
                   return peArp.AssignForClaim(d, Ipv4InterfaceAddress(shared, "255.255.255.0"));
               });
}

void
Figure4::BuildRouterLan(uint32_t nHosts)
{
    router = CreateObject<Node>();
    hosts.Create(nHosts);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    stack.Install(router);
    PeArpStackHelper().Install(hosts);
    ConnectInternet(router);

    CsmaHelper csma;
    NodeContainer lan(router);
    lan.Add(hosts);
    NetDeviceContainer links = csma.Install(lan);
    routerLink = links.Get(0);
    PeArpHelper peArp;
    routerLan = peArp.Install(routerLink);
    peArp.Assign(routerLan, Ipv4InterfaceAddress("198.108.63.1", "255.255.255.0"));
    for (uint32_t i = 1; i < links.GetN(); i++)
    {
        m_hostLinks.Add(links.Get(i));
    }
}

Ptr<PeArpL3Protocol>
Figure4::RouterProtocol() const
{
    return router->GetObject<PeArpL3Protocol>();
}

Ptr<PeArpL3Protocol>
Figure4::EdgeProtocol() const
{
    return RouterProtocol();
}

Ptr<NetDevice>
Figure4::EdgeDevice() const
{
    return routerLan;
}

Figure5::Figure5(bool switched)
{
    gateway = CreateObject<Node>();
    bridgeNode = CreateObject<Node>();
    hosts.Create(3);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.SetRoutingHelper(Ipv4StaticRoutingHelper());
    stack.Install(gateway);
    PeArpStackHelper().Install(hosts);
    ConnectInternet(gateway);

    CsmaHelper csma;
    NetDeviceContainer uplink = csma.Install(NodeContainer(gateway, bridgeNode));
    gatewayLink = uplink.Get(0);
    NetDeviceContainer ports(uplink.Get(1));
    NetDeviceContainer hostLinks;
    if (switched)
    {
        for (uint32_t i = 0; i < hosts.GetN(); i++)
        {
            NetDeviceContainer pair = csma.Install(NodeContainer(hosts.Get(i), bridgeNode));
            hostLinks.Add(pair.Get(0));
            ports.Add(pair.Get(1));
        }
    }
    else
    {
        NodeContainer segment(bridgeNode);
        segment.Add(hosts);
        NetDeviceContainer bus = csma.Install(segment);
        ports.Add(bus.Get(0));
        for (uint32_t i = 1; i < bus.GetN(); i++)
        {
            hostLinks.Add(bus.Get(i));
        }
    }
    bridge = PeArpBridgeHelper().Install(bridgeNode, ports, {shared});

    // The gateway is an ordinary router: ns-3's stock ARP on a CSMA device.
    Ptr<Ipv4> ipv4 = gateway->GetObject<Ipv4>();
    int32_t interface = ipv4->AddInterface(gatewayLink);
    ipv4->AddAddress(interface, Ipv4InterfaceAddress("198.108.63.1", "255.255.255.0"));
    ipv4->SetUp(interface);

    SetUpHosts(hostLinks,
               {PeArpPortRange(2000, 2999), PeArpPortRange(3000, 3999), PeArpPortRange(4000, 4999)},
               "198.108.63.1");
}

Ptr<PeArpL3Protocol>
Figure5::EdgeProtocol() const
{
    return bridgeNode->GetObject<PeArpL3Protocol>();
}

Ptr<NetDevice>
Figure5::EdgeDevice() const
{
    return bridge;
}

namespace
{

void
SendRaw(Ptr<NetDevice> device, std::vector<uint8_t> bytes, Mac48Address to)
{
    device->Send(PacketFromBytes(bytes), to, 0x0806);
}

void
SendDatagrams(Ptr<Socket> socket, Ipv4Address to, uint16_t port, uint32_t count, uint32_t size)
{
    for (uint32_t i = 0; i < count; i++)
    {
        socket->SendTo(Create<Packet>(size), 0, InetSocketAddress(to, port));
    }
}

} // namespace

void
Figure4::InjectArp(Time at, const std::vector<uint8_t>& bytes, Mac48Address to) const
{
    Simulator::Schedule(at, &SendRaw, routerLink, bytes, to);
}

void
SharedAddressTopology::InjectArpFrom(Ptr<NetDevice> from,
                                     Time at,
                                     const std::vector<uint8_t>& bytes,
                                     Mac48Address to)
{
    Simulator::Schedule(at, &SendRaw, from, bytes, to);
}

void
SharedAddressTopology::SendUdp(Ptr<Node> from,
                               Time at,
                               Ipv4Address to,
                               uint16_t port,
                               uint32_t count,
                               uint32_t size)
{
    Ptr<Socket> socket = Socket::CreateSocket(from, UdpSocketFactory::GetTypeId());
    Simulator::Schedule(at, &SendDatagrams, socket, to, port, count, size);
}

Ptr<Application>
InstallSink(Ptr<Node> node, bool tcp, uint16_t port, Time start)
{
    PacketSinkHelper helper(tcp ? "ns3::TcpSocketFactory" : "ns3::UdpSocketFactory",
                            InetSocketAddress(Ipv4Address::GetAny(), port));
    ApplicationContainer apps = helper.Install(node);
    apps.Start(start);
    return apps.Get(0);
}

void
SendTcp(Ptr<Node> from, Ipv4Address to, uint16_t port, uint32_t bytes, Time at)
{
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(to, port));
    bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
    bulk.Install(from).Start(at);
}

uint64_t
SinkBytes(Ptr<Application> sink)
{
    return DynamicCast<PacketSink>(sink)->GetTotalRx();
}

} // namespace tests
} // namespace ns3
