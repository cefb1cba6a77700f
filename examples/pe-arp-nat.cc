/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * The NAPT baseline of issue 8 (PeArpNatRouting): a private LAN behind a
 * NAT router, and a point-to-point link to an Internet server.
 *
 *   h0 10.0.0.1 --+
 *   h1 10.0.0.2 --+-- CSMA -- [ NAT 10.0.0.n+1 | 198.51.100.1 ] --p2p-- server 198.51.100.2
 *   ...           |
 *
 * Every host sends --echoes UDP echoes to server:9 and a TCP transfer of
 * --bytes bytes to server:(5000 + its index). A static DNAT rule maps
 * public:10022 to h0:22, and the server sends --bytes bytes through it.
 * The server has no route to the LAN: replies come back only translated.
 *
 * At the end the program prints, per host, what arrived; the mappings the
 * NAT holds (private address:port -> public port, protocol, TCP state); and
 * the table's counters (created, expired, peak, drops by reason).
 *
 *   ./pearp run pe-arp-nat --hosts=4 --mapping=APDM --filtering=APDF
 *
 * With --check, exits non-zero unless every echo came back and every byte
 * arrived.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/pe-arp-module.h"
#include "ns3/point-to-point-module.h"

#include <iomanip>
#include <iostream>
#include <map>
#include <sstream>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpNatExample");

namespace
{

/** The mappings alive, by (protocol, external port), kept from the traces. */
std::map<std::pair<uint8_t, uint16_t>, PeArpNatTable::MappingInfo> g_mappings;

/**
 * MappingCreated trace: remember the mapping.
 * \param m the mapping
 */
void
MappingCreated(const PeArpNatTable::MappingInfo& m)
{
    g_mappings[{m.protocol, m.externalPort}] = m;
}

/**
 * MappingRemoved trace: forget the mapping.
 * \param m the mapping
 */
void
MappingRemoved(const PeArpNatTable::MappingInfo& m)
{
    g_mappings.erase({m.protocol, m.externalPort});
}

/**
 * Count a packet (an echo reply).
 * \param n the counter
 */
void
Count(uint32_t* n, Ptr<const Packet>)
{
    (*n)++;
}

/**
 * \param protocol 6, 17 or 1
 * \return its name
 */
std::string
ProtocolName(uint8_t protocol)
{
    switch (protocol)
    {
    case 6:
        return "TCP";
    case 17:
        return "UDP";
    case 1:
        return "ICMP";
    default:
        return std::to_string(protocol);
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t hosts = 3;
    uint32_t echoes = 3;
    uint32_t bytes = 50000;
    std::string mapping = "EIM";
    std::string filtering = "APDF";
    double stop = 30;
    bool check = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "private hosts behind the NAT (1-250)", hosts);
    cmd.AddValue("echoes", "UDP echoes per host", echoes);
    cmd.AddValue("bytes", "bytes of each TCP transfer (out per host, and in to h0:22)", bytes);
    cmd.AddValue("mapping", "RFC 4787 mapping behaviour: EIM, ADM or APDM", mapping);
    cmd.AddValue("filtering", "RFC 4787 filtering behaviour: EIF, ADF or APDF", filtering);
    cmd.AddValue("stop", "simulated seconds", stop);
    cmd.AddValue("check", "exit non-zero unless every echo and every byte arrived", check);
    cmd.Parse(argc, argv);
    if (hosts < 1 || hosts > 250)
    {
        std::cerr << "--hosts must be 1-250\n";
        return 2;
    }

    NodeContainer inside;
    inside.Create(hosts);
    Ptr<Node> nat = CreateObject<Node>();
    Ptr<Node> server = CreateObject<Node>();

    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    NodeContainer lan(inside);
    lan.Add(nat);
    NetDeviceContainer lanDevices = csma.Install(lan);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer wanDevices = p2p.Install(nat, server);

    InternetStackHelper stack;
    stack.Install(inside);
    stack.Install(server);
    InternetStackHelper natStack;
    natStack.SetRoutingHelper(PeArpNatRoutingHelper());
    natStack.Install(nat);

    Ipv4AddressHelper addresses;
    addresses.SetBase("10.0.0.0", "255.255.255.0");
    Ipv4InterfaceContainer lanIfs = addresses.Assign(lanDevices);
    addresses.SetBase("198.51.100.0", "255.255.255.252");
    Ipv4InterfaceContainer wanIfs = addresses.Assign(wanDevices);
    const Ipv4Address pub = wanIfs.GetAddress(0);
    const Ipv4Address far = wanIfs.GetAddress(1);

    Ipv4StaticRoutingHelper staticRouting;
    for (uint32_t i = 0; i < hosts; ++i)
    {
        staticRouting.GetStaticRouting(inside.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute(lanIfs.GetAddress(hosts), 1);
    }

    Ptr<Ipv4> natIpv4 = nat->GetObject<Ipv4>();
    Ptr<PeArpNatRouting> natRouting = PeArpNatRoutingHelper::GetNat(natIpv4);
    natRouting->AddInsideInterface(natIpv4->GetInterfaceForDevice(lanDevices.Get(hosts)));
    Ptr<PeArpNatTable> table = natRouting->GetTable();
    table->SetAttribute("PublicAddress", Ipv4AddressValue(pub));
    table->SetAttribute("MappingBehaviour", StringValue(mapping));
    table->SetAttribute("FilteringBehaviour", StringValue(filtering));
    table->TraceConnectWithoutContext("MappingCreated", MakeCallback(&MappingCreated));
    table->TraceConnectWithoutContext("MappingRemoved", MakeCallback(&MappingRemoved));
    natRouting->AddStaticRule(6, 10022, 10022, lanIfs.GetAddress(0), 22);

    // outbound: UDP echoes and a TCP transfer per host
    UdpEchoServerHelper echoServer(9);
    echoServer.Install(server).Start(Seconds(0));
    std::vector<uint32_t> replies(hosts, 0);
    std::vector<Ptr<PacketSink>> sinks;
    for (uint32_t i = 0; i < hosts; ++i)
    {
        UdpEchoClientHelper echo(far, 9);
        echo.SetAttribute("MaxPackets", UintegerValue(echoes));
        echo.SetAttribute("Interval", TimeValue(Seconds(1)));
        echo.SetAttribute("PacketSize", UintegerValue(200));
        ApplicationContainer app = echo.Install(inside.Get(i));
        app.Start(Seconds(1) + MilliSeconds(10 * i));
        app.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&Count, &replies[i]));

        uint16_t port = static_cast<uint16_t>(5000 + i);
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), port));
        sinks.push_back(DynamicCast<PacketSink>(sink.Install(server).Get(0)));
        BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress(far, port));
        bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
        bulk.Install(inside.Get(i)).Start(Seconds(1.5) + MilliSeconds(10 * i));
    }

    // inbound: the server connects to public:10022, served by h0:22
    PacketSinkHelper sshSink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 22));
    Ptr<PacketSink> ssh = DynamicCast<PacketSink>(sshSink.Install(inside.Get(0)).Get(0));
    BulkSendHelper inbound("ns3::TcpSocketFactory", InetSocketAddress(pub, 10022));
    inbound.SetAttribute("MaxBytes", UintegerValue(bytes));
    inbound.Install(server).Start(Seconds(2));

    Simulator::Stop(Seconds(stop));
    Simulator::Run();

    bool ok = true;
    std::cout << "NAT " << pub << ", mapping " << mapping << ", filtering " << filtering << ", "
              << hosts << " hosts, after " << stop << " s\n\n";
    std::cout << std::left << std::setw(6) << "host" << std::setw(12) << "address" << std::right
              << std::setw(10) << "echoes" << std::setw(16) << "TCP bytes out"
              << "\n";
    for (uint32_t i = 0; i < hosts; ++i)
    {
        std::ostringstream e;
        e << replies[i] << "/" << echoes;
        std::ostringstream b;
        b << sinks[i]->GetTotalRx() << "/" << bytes;
        std::ostringstream name;
        name << "h" << i;
        std::ostringstream address;
        address << lanIfs.GetAddress(i);
        std::cout << std::left << std::setw(6) << name.str() << std::setw(12) << address.str()
                  << std::right << std::setw(10) << e.str() << std::setw(16) << b.str() << "\n";
        ok = ok && replies[i] == echoes && sinks[i]->GetTotalRx() == bytes;
    }
    std::cout << "inbound TCP public:10022 -> h0:22: " << ssh->GetTotalRx() << "/" << bytes
              << " bytes\n\n";
    ok = ok && ssh->GetTotalRx() == bytes;

    std::cout << "Mappings (" << g_mappings.size() << "):\n";
    std::cout << std::left << std::setw(22) << "private" << std::setw(16) << "-> public port"
              << std::setw(7) << "proto"
              << "state\n";
    for (const auto& [key, m] : g_mappings)
    {
        std::ostringstream privateEnd;
        privateEnd << m.privateAddress << ":" << m.privatePort;
        std::string state = "-";
        if (m.protocol == 6)
        {
            // the transfers of host i go to server:(5000 + i)
            uint32_t i = m.privateAddress.Get() - lanIfs.GetAddress(0).Get();
            auto s = table->GetTcpState(6, m.externalPort, far, static_cast<uint16_t>(5000 + i));
            state = !s ? "?" : (*s == PeArpNatTable::ESTABLISHED ? "established" : "transitory");
        }
        std::cout << std::left << std::setw(22) << privateEnd.str() << std::setw(16)
                  << m.externalPort << std::setw(7) << ProtocolName(m.protocol) << state << "\n";
    }
    std::cout << "(plus the static rule TCP public:10022 <-> " << lanIfs.GetAddress(0)
              << ":22)\n\n";

    const PeArpNatTable::Counters& c = table->GetCounters();
    const PeArpNatRouting::Counters& r = natRouting->GetCounters();
    std::cout << "Counters: mappings created " << c.mappingsCreated << ", expired "
              << c.mappingsExpired << ", peak " << c.peakMappings << "; sessions created "
              << c.sessionsCreated << ", peak " << c.peakSessions << "\n";
    std::cout << "Router: translated out " << r.outbound << ", in " << r.inbound
              << ", by static rule " << r.staticHits << "\n";
    std::cout << "Drops:";
    for (uint32_t d = 0; d < PeArpNatTable::DROP_REASONS; ++d)
    {
        auto reason = static_cast<PeArpNatTable::DropReason>(d);
        std::cout << " " << reason << " " << table->GetDrops(reason);
    }
    std::cout << "\n";

    Simulator::Destroy();
    if (check && !ok)
    {
        std::cerr << "check failed: an echo or a byte did not arrive\n";
        return 1;
    }
    return 0;
}
