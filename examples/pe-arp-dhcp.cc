/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Hosts obtain a shared address and a port set together over DHCP, with
 * RFC 7618's port parameters option (159), from a PE-ARP router.
 *
 *   router 198.108.63.1 (PE-ARP, DHCP server) ===== CSMA LAN ===== H1 H2 ... Hn
 *   pool: 198.108.63.2, .3, ... (--sharedIps), each cut into 2^k port sets
 *         (RFC 7597, PSID offset --offset, PSID length --psidLength)
 *
 * The hosts boot with no address, run DHCP, configure the leased address,
 * port set and default route, then receive one datagram each on the first
 * port of their set, sent by the router (resolved with PE-ARP). Hosts that
 * do not fit in the pool are refused (NAK) and shown as such.
 *
 *   ./pearp run pe-arp-dhcp --hosts=10 --sharedIps=2 --psidLength=2 --pcap
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpDhcpExample");

namespace
{

/**
 * \param set a port set
 * \return its first ranges, shortened for a table
 */
std::string
Shorten(const PeArpPortSet& set)
{
    std::ostringstream oss;
    const auto& ranges = set.GetRanges();
    for (size_t i = 0; i < ranges.size() && i < 2; i++)
    {
        oss << (i ? "," : "") << ranges[i];
    }
    if (ranges.size() > 2)
    {
        oss << ",... (" << ranges.size() << " ranges)";
    }
    return oss.str();
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t hosts = 6;
    uint32_t sharedIps = 1;
    uint32_t offset = 0;
    uint32_t psidLength = 2;
    double leaseTime = 60;
    bool pcap = false;
    bool verbose = false;
    bool check = false;
    uint32_t seed = 1;
    std::string outDir = "results";

    CommandLine cmd(__FILE__);
    cmd.AddValue("hosts", "Hosts booting with DHCP", hosts);
    cmd.AddValue("sharedIps", "Shared addresses in the pool", sharedIps);
    cmd.AddValue("offset", "PSID offset a (RFC 7597; 0 gives contiguous blocks)", offset);
    cmd.AddValue("psidLength", "PSID length k: 2^k port sets per address", psidLength);
    cmd.AddValue("leaseTime", "Lease time (s)", leaseTime);
    cmd.AddValue("pcap", "Write pcap files of the LAN under --outDir", pcap);
    cmd.AddValue("verbose", "Log DHCP and PE-ARP decisions", verbose);
    cmd.AddValue("seed", "Random seed", seed);
    cmd.AddValue("outDir", "Directory for CSV and pcap files", outDir);
    cmd.AddValue("check",
                 "Exit with status 1 unless min(hosts, pool) hosts are bound with disjoint "
                 "port sets, each received its datagram, and every other host got a NAK",
                 check);
    cmd.Parse(argc, argv);
    RngSeedManager::SetSeed(seed);
    if (verbose)
    {
        LogComponentEnable("PeArpDhcpServer", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpDhcpClient", LOG_LEVEL_LOGIC);
        LogComponentEnable("PeArpL3Protocol", LOG_LEVEL_LOGIC);
        LogComponentEnableAll(LOG_PREFIX_TIME);
        LogComponentEnableAll(LOG_PREFIX_NODE);
    }
    if (hosts == 0 || sharedIps == 0 || sharedIps > 250 || offset + psidLength > 16)
    {
        std::cerr << "error: need --hosts >= 1, --sharedIps in 1..250 and --offset + "
                     "--psidLength <= 16"
                  << std::endl;
        return 2;
    }

    Ptr<Node> router = CreateObject<Node>();
    NodeContainer lan(hosts);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(router);
    PeArpStackHelper().Install(lan);
    CsmaHelper csma;
    NetDeviceContainer links = csma.Install(NodeContainer(NodeContainer(router), lan));
    PeArpHelper peArp;
    Ptr<PeArpNetDevice> routerLan = peArp.Install(links.Get(0));
    peArp.Assign(routerLan, Ipv4InterfaceAddress("198.108.63.1", "255.255.255.0"));

    std::vector<Ipv4Address> pool;
    for (uint32_t i = 0; i < sharedIps; i++)
    {
        pool.emplace_back(Ipv4Address("198.108.63.2").Get() + i);
        routerLan->AddSharedAddress(pool.back());
    }
    Ptr<PeArpDhcpServer> server = CreateObject<PeArpDhcpServer>();
    server->SetAttribute("LeaseTime", TimeValue(Seconds(leaseTime)));
    server->SetAttribute("ServerIdentifier", Ipv4AddressValue("198.108.63.1"));
    server->SetPool(pool,
                    Ipv4Mask("255.255.255.0"),
                    "198.108.63.1",
                    static_cast<uint8_t>(offset),
                    static_cast<uint8_t>(psidLength));
    router->AddApplication(server);

    std::vector<Ptr<PeArpDhcpClient>> clients;
    std::vector<Time> boundAt(hosts, Seconds(-1));
    for (uint32_t i = 0; i < hosts; i++)
    {
        Ptr<PeArpDhcpClient> client = CreateObject<PeArpDhcpClient>();
        client->SetDevice(peArp.Install(links.Get(i + 1)));
        client->AssignStreams(10 + i);
        client->SetStartTime(Seconds(1 + 0.05 * i));
        client->TraceConnectWithoutContext("Bound",
                                           Callback<void, Ipv4Address, const PeArpPortSet&>(
                                               [&boundAt, i](Ipv4Address, const PeArpPortSet&) {
                                                   if (boundAt[i].IsNegative())
                                                   {
                                                       boundAt[i] = Simulator::Now();
                                                   }
                                               }));
        lan.Get(i)->AddApplication(client);
        clients.push_back(client);
    }
    if (pcap)
    {
        std::filesystem::create_directories(outDir);
        csma.EnablePcap(outDir + "/pe-arp-dhcp", links.Get(0));
    }

    // Once leases are held, the router sends one datagram to the first port
    // of each host's set, where the host listens.
    std::vector<uint32_t> received(hosts, 0);
    std::vector<Ptr<Socket>> sockets;
    Ptr<Socket> sender = Socket::CreateSocket(router, UdpSocketFactory::GetTypeId());
    double trafficAt = 1 + 0.05 * hosts + 8;
    Simulator::Schedule(Seconds(trafficAt), [&]() {
        for (uint32_t i = 0; i < hosts; i++)
        {
            if (clients[i]->GetState() != PeArpDhcpClient::BOUND)
            {
                continue;
            }
            uint16_t port = clients[i]->GetPortSet().GetRanges().front().GetLow();
            Ptr<Socket> s = Socket::CreateSocket(lan.Get(i), UdpSocketFactory::GetTypeId());
            s->Bind(InetSocketAddress(Ipv4Address::GetAny(), port));
            s->SetRecvCallback(Callback<void, Ptr<Socket>>([&received, i](Ptr<Socket> so) {
                while (Ptr<Packet> p = so->Recv())
                {
                    received[i] += p->GetSize();
                }
            }));
            sockets.push_back(s);
            sender->SendTo(Create<Packet>(100),
                           0,
                           InetSocketAddress(clients[i]->GetAddress(), port));
        }
    });
    Simulator::Stop(Seconds(trafficAt + 3));
    Simulator::Run();

    std::cout << "DHCP with port parameters (option 159): pool of " << sharedIps
              << " address(es) x " << server->GetPoolSize() / sharedIps << " port sets (offset "
              << offset << ", PSID length " << psidLength << ")" << std::endl
              << std::endl
              << std::left << std::setw(6) << "host" << std::setw(19) << "mac" << std::setw(15)
              << "address" << std::setw(6) << "psid" << std::setw(40) << "ports" << std::setw(10)
              << "bound_s"
              << "rx_bytes" << std::endl;
    std::filesystem::create_directories(outDir);
    std::ofstream csv(outDir + "/pe-arp-dhcp-hosts.csv");
    csv << "host,mac,address,psid,ports,bound_s,rx_bytes,naks\n";
    uint32_t bound = 0;
    for (uint32_t i = 0; i < hosts; i++)
    {
        Ptr<PeArpDhcpClient> c = clients[i];
        std::ostringstream mac;
        mac << Mac48Address::ConvertFrom(links.Get(i + 1)->GetAddress());
        bool ok = c->GetState() == PeArpDhcpClient::BOUND;
        bound += ok ? 1 : 0;
        std::ostringstream address;
        address << c->GetAddress();
        std::cout << std::left << std::setw(6) << i + 1 << std::setw(19) << mac.str()
                  << std::setw(15) << (ok ? address.str() : "refused (NAK)") << std::setw(6)
                  << (ok ? std::to_string(c->GetPsid()) : "-") << std::setw(40)
                  << (ok ? Shorten(c->GetPortSet()) : "-") << std::setw(10)
                  << (ok ? std::to_string(boundAt[i].GetSeconds()).substr(0, 5) : "-")
                  << received[i] << std::endl;
        csv << i + 1 << "," << mac.str() << "," << (ok ? address.str() : "") << ","
            << (ok ? std::to_string(c->GetPsid()) : "") << ",\"" << c->GetPortSet() << "\","
            << (ok ? boundAt[i].GetSeconds() : -1) << "," << received[i] << "," << c->GetNaks()
            << "\n";
    }
    const PeArpDhcpServer::Counters& n = server->GetCounters();
    std::cout << std::endl
              << "bound " << bound << " of " << hosts << " hosts; server: " << n.discovers
              << " DISCOVER, " << n.offers << " OFFER, " << n.requests << " REQUEST, " << n.acks
              << " ACK, " << n.naks << " NAK (" << n.poolFull << " pool full), " << n.malformed
              << " malformed" << std::endl
              << "per-host results: " << outDir << "/pe-arp-dhcp-hosts.csv" << std::endl;

    // The check: as many leases as the pool allows, disjoint sets per
    // address, the datagram on each lease's first port, NAKs for the rest.
    bool ok = bound == std::min<uint64_t>(hosts, server->GetPoolSize());
    for (uint32_t i = 0; i < hosts; i++)
    {
        bool isBound = clients[i]->GetState() == PeArpDhcpClient::BOUND;
        ok = ok && (isBound ? received[i] == 100 : clients[i]->GetNaks() > 0);
        for (uint32_t j = i + 1; isBound && j < hosts; j++)
        {
            ok = ok && !(clients[j]->GetState() == PeArpDhcpClient::BOUND &&
                         clients[j]->GetAddress() == clients[i]->GetAddress() &&
                         clients[j]->GetPortSet().Overlaps(clients[i]->GetPortSet()));
        }
    }
    Simulator::Destroy();
    if (check)
    {
        std::cout << (ok ? "CHECK PASSED" : "CHECK FAILED") << std::endl;
        return ok ? 0 : 1;
    }
    return 0;
}
