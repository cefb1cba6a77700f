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
 *        100 Mbit/s, 5 ms
 *
 * Build and run it, or a copy of it in scratch/ (any scratch/NAME.cc), with
 *   ./pearp run scratch/pe-arp-scratch
 * It links every ns-3 module Debian ships (here also internet-apps, for the
 * ping). It exits with status 1 if B did not receive every byte.
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-apps-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"
#include "ns3/point-to-point-module.h"

using namespace ns3;

/**
 * Keep the last round-trip time of the ping.
 * \param rtt where to keep it
 * \param value the round-trip time
 */
static void
NoteRtt(Time* rtt, Time value)
{
    *rtt = value;
}

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

    // Set the rate: ns-3's default point-to-point rate is 32 kbit/s.
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer wan = p2p.Install(inet, router);
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
    const uint32_t bytes = 100000;
    bulk.SetAttribute("MaxBytes", UintegerValue(bytes));
    bulk.Install(inet).Start(Seconds(1));

    // A ping from the Internet host to the router (internet-apps).
    V4PingHelper ping("192.35.162.2");
    ApplicationContainer pingApp = ping.Install(inet);
    pingApp.Start(Seconds(0.5));
    pingApp.Stop(Seconds(0.9));
    Time rtt;
    pingApp.Get(0)->TraceConnectWithoutContext("Rtt", MakeBoundCallback(&NoteRtt, &rtt));

    Simulator::Stop(Seconds(5));
    Simulator::Run();
    uint64_t received = DynamicCast<PacketSink>(sinkApp.Get(0))->GetTotalRx();
    std::cout << "ping inet -> router: rtt " << rtt.GetMilliSeconds() << " ms\n"
              << "B received " << received << " of " << bytes << " bytes"
              << (received == bytes ? "" : " -- INCOMPLETE") << "\n\nrouter's PE-ARP table:\n";
    PeArpHelper::PrintTable(peArpLan.Get(0), std::cout);
    Simulator::Destroy();
    return received == bytes ? 0 : 1;
}
