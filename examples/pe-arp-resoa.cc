/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * The ReSoA baseline of issue 8 (PeArpResoaServer, pure clients): clients
 * without any TCP/IP stack on a LAN with a ReSoA server, and a
 * point-to-point link from the server to an Internet host.
 *
 *   c0 (no IP) --+
 *   c1 (no IP) --+-- CSMA (LHP, EtherType 0x88B5) -- [ server | 203.0.113.1 ] --p2p-- inet
 * 203.0.113.2
 *   ...          |
 *
 * Unmodified ns-3 applications run on the clients: every client sends
 * --echoes UDP echoes to inet:9 and --bytes bytes with BulkSend to
 * inet:(5000 + its index), and a PacketSink on it receives --bytes bytes
 * that inet sends to public:(6000 + its index). All of it goes through the
 * server, whose public address the clients share.
 *
 * At the end the program prints, per client, what arrived and its
 * GetSockName-visible public address, then the server's and the LHPs'
 * counters.
 *
 *   ./pearp run pe-arp-resoa --clients=4 --bytes=200000
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

#include <iostream>
#include <vector>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpResoaExample");

namespace
{

/**
 * \param counts counters by EP type
 * \return "TYPE=n ..." in type order
 */
std::string
Types(const std::map<uint8_t, uint64_t>& counts)
{
    std::ostringstream os;
    for (const auto& [type, n] : counts)
    {
        os << " " << PeArpResoaEpHeader::TypeName(type) << "=" << n;
    }
    return os.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t clients = 3;
    uint32_t echoes = 3;
    uint32_t bytes = 100000;
    double stop = 20;
    bool check = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("clients", "pure ReSoA clients on the LAN", clients);
    cmd.AddValue("echoes", "UDP echoes per client", echoes);
    cmd.AddValue("bytes", "TCP bytes per client, each way", bytes);
    cmd.AddValue("stop", "simulated seconds", stop);
    cmd.AddValue("check", "exit non-zero unless every echo and every byte arrived", check);
    cmd.Parse(argc, argv);
    if (clients == 0 || clients > 1000)
    {
        std::cerr << "--clients must be 1..1000\n";
        return 2;
    }

    NodeContainer lanNodes;
    lanNodes.Create(clients + 1); // the clients, then the server
    Ptr<Node> server = lanNodes.Get(clients);
    Ptr<Node> inet = CreateObject<Node>();
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    csma.SetChannelAttribute("Delay", TimeValue(MicroSeconds(5)));
    NetDeviceContainer lan = csma.Install(lanNodes);
    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("10Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("2ms"));
    NetDeviceContainer wan = p2p.Install(server, inet);
    InternetStackHelper stack;
    stack.Install(server);
    stack.Install(inet);
    Ipv4AddressHelper addresses;
    addresses.SetBase("203.0.113.0", "255.255.255.252");
    addresses.Assign(wan);
    Ipv4Address publicAddress("203.0.113.1");
    Ipv4Address inetAddress("203.0.113.2");

    PeArpResoaHelper resoa;
    Ptr<PeArpResoaServer> resoaServer =
        resoa.InstallServer(server, lan.Get(clients), publicAddress);
    Mac48Address serverMac = Mac48Address::ConvertFrom(lan.Get(clients)->GetAddress());
    std::vector<Ptr<PeArpResoaClient>> resoaClients;
    for (uint32_t i = 0; i < clients; ++i)
    {
        resoaClients.push_back(resoa.InstallClient(lanNodes.Get(i), lan.Get(i), serverMac));
    }

    UdpEchoServerHelper echoServer(9);
    echoServer.Install(inet);
    std::vector<Ptr<PacketSink>> inetSinks;
    std::vector<Ptr<PacketSink>> clientSinks;
    std::vector<uint32_t> echoed(clients, 0);
    for (uint32_t i = 0; i < clients; ++i)
    {
        Ptr<Node> c = lanNodes.Get(i);
        UdpEchoClientHelper echo(inetAddress, 9);
        echo.SetAttribute("MaxPackets", UintegerValue(echoes));
        echo.SetAttribute("Interval", TimeValue(MilliSeconds(100)));
        echo.SetAttribute("PacketSize", UintegerValue(100));
        ApplicationContainer echoApp = echo.Install(c);
        echoApp.Start(MilliSeconds(100));
        echoApp.Get(0)->TraceConnectWithoutContext(
            "Rx",
            Callback<void, Ptr<const Packet>>([&echoed, i](Ptr<const Packet>) { ++echoed[i]; }));

        uint16_t outPort = static_cast<uint16_t>(5000 + i);
        PacketSinkHelper inetSink("ns3::TcpSocketFactory",
                                  InetSocketAddress(Ipv4Address::GetAny(), outPort));
        inetSinks.push_back(DynamicCast<PacketSink>(inetSink.Install(inet).Get(0)));
        BulkSendHelper out("ns3::TcpSocketFactory", InetSocketAddress(inetAddress, outPort));
        out.SetAttribute("MaxBytes", UintegerValue(bytes));
        out.Install(c).Start(MilliSeconds(200));

        uint16_t inPort = static_cast<uint16_t>(6000 + i);
        PacketSinkHelper clientSink("ns3::TcpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), inPort));
        clientSinks.push_back(DynamicCast<PacketSink>(clientSink.Install(c).Get(0)));
        BulkSendHelper in("ns3::TcpSocketFactory", InetSocketAddress(publicAddress, inPort));
        in.SetAttribute("MaxBytes", UintegerValue(bytes));
        in.Install(inet).Start(MilliSeconds(500));
    }

    Simulator::Stop(Seconds(stop));
    Simulator::Run();

    bool ok = true;
    std::cout << "client  registered  public address  echoes  out bytes  in bytes\n";
    for (uint32_t i = 0; i < clients; ++i)
    {
        bool good = echoed[i] == echoes && inetSinks[i]->GetTotalRx() == bytes &&
                    clientSinks[i]->GetTotalRx() == bytes;
        ok = ok && good;
        std::cout << "c" << i << "      " << (resoaClients[i]->IsRegistered() ? "yes" : "no ")
                  << "         " << resoaClients[i]->GetPublicAddress() << "     " << echoed[i]
                  << "/" << echoes << "     " << inetSinks[i]->GetTotalRx() << "     "
                  << clientSinks[i]->GetTotalRx() << (good ? "" : "  INCOMPLETE") << "\n";
    }
    const auto& s = resoaServer->GetCounters();
    std::cout << "server: clients " << s.clientsRegistered << ", sockets created "
              << s.socketsCreated << " (peak " << s.peakSockets << "), bytes pushed "
              << s.bytesPushed << ", bytes from clients " << s.bytesFromClients
              << ", window updates " << s.windowUpdates << ", FINs held " << s.finsHeld << "\n";
    std::cout << "server received:" << Types(s.received) << "\n";
    std::cout << "server sent:" << Types(s.sent) << "\n";
    std::cout << "server drops:";
    for (uint32_t r = 0; r < PeArpResoaServer::DROP_REASONS; ++r)
    {
        std::cout << " " << s.drops[r];
    }
    std::cout << "\n";
    const auto& l = resoaServer->GetLhp()->GetCounters();
    std::cout << "server LHP: DATA sent " << l.sent[PeArpResoaLhpHeader::DATA] << ", received "
              << l.received[PeArpResoaLhpHeader::DATA] << ", retransmissions " << l.retransmissions
              << ", duplicates " << l.duplicates << ", lost " << l.connectionsLost
              << ", refused by the device " << l.deviceRefused << "\n";
    uint64_t retransmissions = 0;
    uint64_t refused = 0;
    for (const auto& c : resoaClients)
    {
        retransmissions += c->GetLhp()->GetCounters().retransmissions;
        refused += c->GetLhp()->GetCounters().deviceRefused;
    }
    std::cout << "client LHPs: retransmissions " << retransmissions << ", refused by the device "
              << refused << "\n";
    Simulator::Destroy();
    if (check && !ok)
    {
        std::cerr << "check failed: an echo or a byte did not arrive\n";
        return 1;
    }
    return 0;
}
