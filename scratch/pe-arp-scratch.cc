/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * A starting point for your own PE-ARP scenario: the paper's Figure 4 in a
 * few lines of the module's helpers. Copy it, change it, and build it with
 * the module (standalone: it is built as build/bin/pe-arp-scratch).
 *
 *   inet ---p2p--- router ===CSMA=== A, B (share 198.108.63.2)
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"
#include "ns3/point-to-point-module.h"

using namespace ns3;

int
main(int argc, char* argv[])
{
    CommandLine cmd(__FILE__);
    cmd.Parse(argc, argv);

    Ptr<Node> inet = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();
    NodeContainer hosts(2);

    InternetStackHelper stack; // ordinary nodes
    stack.Install(NodeContainer(inet, router));
    PeArpStackHelper hostStack; // hosts that share an address
    hostStack.Install(hosts);

    NetDeviceContainer wan = PointToPointHelper().Install(inet, router);
    Ipv4AddressHelper("192.35.162.0", "255.255.255.0").Assign(wan);

    CsmaHelper csma;
    NetDeviceContainer lan = csma.Install(NodeContainer(NodeContainer(router), hosts));
    PeArpHelper peArp;
    NetDeviceContainer peArpLan = peArp.Install(lan); // PE-ARP interfaces on the CSMA devices
    Ipv4Mask mask("255.255.255.0");
    peArp.Assign(peArpLan.Get(0), Ipv4InterfaceAddress("198.108.63.1", mask));
    peArp.Assign(peArpLan.Get(1), Ipv4InterfaceAddress("198.108.63.2", mask), {2000, 2999});
    peArp.Assign(peArpLan.Get(2), Ipv4InterfaceAddress("198.108.63.2", mask), {3000, 3999});

    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(inet->GetObject<Ipv4>())->SetDefaultRoute("192.35.162.2", 1);
    for (uint32_t i = 0; i < hosts.GetN(); i++)
    {
        routing.GetStaticRouting(hosts.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute("198.108.63.1", 1);
    }

    // A server on B's range; the router's PE-ARP finds B for port 3080.
    PacketSinkHelper sink("ns3::TcpSocketFactory", InetSocketAddress(Ipv4Address::GetAny(), 3080));
    ApplicationContainer sinkApp = sink.Install(hosts.Get(1));
    BulkSendHelper bulk("ns3::TcpSocketFactory", InetSocketAddress("198.108.63.2", 3080));
    bulk.SetAttribute("MaxBytes", UintegerValue(100000));
    bulk.Install(inet).Start(Seconds(1));

    Simulator::Stop(Seconds(5));
    Simulator::Run();
    std::cout << "B received " << DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx()
              << " bytes\n\nrouter's PE-ARP table:\n";
    PeArpHelper::PrintTable(peArpLan.Get(0), std::cout);
    Simulator::Destroy();
    return 0;
}
