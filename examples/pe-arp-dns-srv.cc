/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * DNS SRV service location for hosts sharing an address (PE-ARP paper,
 * section II.D; dynamic registration: section VI).
 *
 *   client 192.35.162.10 --p2p-- router --p2p-- ns 192.35.161.53
 *   (resolver, BulkSend)         .1  | .1        (PeArpDnsServer, zone example.com)
 *                        198.108.63.1|
 *                       ===== CSMA LAN (PE-ARP) =====
 *                          |          |          |
 *                          A          B          C      all 198.108.63.2
 *                      2000-2999  3000-3999  4000-4999
 *
 * A host sharing an address cannot serve on a well-known port it does not
 * own: each host starts its servers (PacketSink, TCP) on ports of its own
 * range and registers them with RFC 2136 UPDATEs (PeArpSrvResolver::
 * RegisterLocalService checks that the host owns the port):
 *
 *   A  _web._tcp.example.com   SRV 10 0 2080 a.example.com   (a.example.com  A 198.108.63.2)
 *   B  _mail._tcp.example.com  SRV  0 0 3025 b.example.com
 *   C  _ssh._tcp.example.com   SRV  0 0 4022 c.example.com
 *   C  _web._tcp.example.com   SRV 20 0 4080 c.example.com   (backup of A)
 *
 * The Internet client resolves each service (SRV, RFC 2782) and connects to
 * the first (address, port) it gets. A second client that only knows the
 * well-known port (198.108.63.2:80) fails: nobody owns port 80 of the shared
 * address, the router's PE-ARP request is never answered and the TCP
 * connection never completes.
 *
 * Defences of the updates (PeArpDnsServer attribute UpdatePolicy):
 * --updatePolicy=Owner gives the server the LAN's registry of port ranges
 * and accepts an SRV record of the shared address only from the host that
 * owns its port; --updatePolicy=Tsig gives each host a TSIG key (RFC 8945,
 * HMAC-SHA256) known to the server and accepts only signed updates. With
 * --spoof, host B sends at 1.5 s an update that moves A's _web record to
 * port 3080 of B (where B listens): with Open (the default) the client's
 * _web transfer goes to B and the example exits non-zero; with Owner or
 * Tsig the update is refused and A keeps its clients.
 *
 * Output: a table (service, resolved address:port, owning host, bytes),
 * results/pe-arp-dns-srv.csv and, with --pcap, captures of the DNS server's
 * link and of the LAN (results/pe-arp-dns-srv-<node>-<device>.pcap).
 * Exits non-zero if a transfer is incomplete or port 80 connects.
 *
 *   ./pearp run pe-arp-dns-srv --pcap --verbose
 *   ./pearp run pe-arp-dns-srv --spoof --updatePolicy=Owner
 */

#include "ns3/applications-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"
#include "ns3/point-to-point-module.h"

#include <fstream>
#include <iomanip>
#include <iostream>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpDnsSrvExample");

namespace
{

/** A service a host runs and registers. */
struct Service
{
    uint32_t host;         //!< index of the host (A=0, B=1, C=2)
    std::string service;   //!< e.g. "_web"
    uint16_t port;         //!< port of the host's range
    uint16_t priority;     //!< SRV priority
    Ptr<Application> sink; //!< the server
};

/** What the client did for one service. */
struct Lookup
{
    /**
     * \param s the service
     * \param b bytes to send
     */
    Lookup(const std::string& s, uint32_t b)
        : service(s),
          bytes(b)
    {
    }

    std::string service;                                         //!< e.g. "_web"
    uint32_t bytes;                                              //!< bytes to send
    PeArpSrvResolver::Status status = PeArpSrvResolver::TIMEOUT; //!< resolution outcome
    std::vector<PeArpSrvResolver::Target> targets;               //!< resolved, in order of use
    double resolvedAt = -1;                                      //!< when, in seconds
};

const char* HOST_NAMES[] = {"A", "B", "C"}; //!< host labels

} // namespace

int
main(int argc, char* argv[])
{
    bool pcap = false;
    bool verbose = false;
    uint32_t seed = 1;
    std::string outDir = "results";
    std::string updatePolicy = "Open";
    bool spoof = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("pcap", "Write pcap files of the DNS server's link and of the LAN", pcap);
    cmd.AddValue("verbose", "Log DNS messages of the server and resolvers", verbose);
    cmd.AddValue("seed", "Random seed (DNS IDs, SRV weighted order)", seed);
    cmd.AddValue("outDir", "Directory for the CSV and pcap files", outDir);
    cmd.AddValue("updatePolicy",
                 "Who may update the zone: Open, Owner, Tsig or OwnerOrTsig",
                 updatePolicy);
    cmd.AddValue("spoof", "Host B tries to move A's _web record to its own port at 1.5 s", spoof);
    cmd.Parse(argc, argv);
    RngSeedManager::SetSeed(seed);
    if (verbose)
    {
        LogComponentEnable("PeArpDnsServer", LOG_LEVEL_INFO);
        LogComponentEnable("PeArpSrvResolver", LOG_LEVEL_INFO);
        LogComponentEnableAll(LOG_PREFIX_TIME);
    }
    SystemPath::MakeDirectories(outDir);

    // Nodes: 0 client, 1 ns, 2 router, 3-5 hosts A, B, C.
    Ptr<Node> client = CreateObject<Node>();
    Ptr<Node> ns = CreateObject<Node>();
    Ptr<Node> router = CreateObject<Node>();
    NodeContainer hosts(3);
    InternetStackHelper stack;
    stack.SetIpv6StackInstall(false);
    stack.Install(NodeContainer(client, ns, router));
    PeArpStackHelper().Install(hosts);

    PointToPointHelper p2p;
    p2p.SetDeviceAttribute("DataRate", StringValue("100Mbps"));
    p2p.SetChannelAttribute("Delay", StringValue("5ms"));
    NetDeviceContainer wan = p2p.Install(client, router);
    NetDeviceContainer dnsLink = p2p.Install(ns, router);
    Ipv4AddressHelper addresses("192.35.162.0", "255.255.255.0", "0.0.0.10");
    addresses.Assign(NetDeviceContainer(wan.Get(0)));
    addresses.SetBase("192.35.162.0", "255.255.255.0", "0.0.0.1");
    addresses.Assign(NetDeviceContainer(wan.Get(1)));
    addresses.SetBase("192.35.161.0", "255.255.255.0", "0.0.0.53");
    Ipv4Address nsAddress = addresses.Assign(NetDeviceContainer(dnsLink.Get(0))).GetAddress(0);
    addresses.SetBase("192.35.161.0", "255.255.255.0", "0.0.0.1");
    addresses.Assign(NetDeviceContainer(dnsLink.Get(1)));

    CsmaHelper csma;
    NetDeviceContainer lan = csma.Install(NodeContainer(NodeContainer(router), hosts));
    PeArpHelper peArp;
    NetDeviceContainer peArpLan = peArp.Install(lan);
    Ipv4Mask mask("255.255.255.0");
    Ipv4Address shared("198.108.63.2");
    peArp.Assign(peArpLan.Get(0), Ipv4InterfaceAddress("198.108.63.1", mask));
    const PeArpPortRange ranges[] = {{2000, 2999}, {3000, 3999}, {4000, 4999}};
    for (uint32_t i = 0; i < 3; i++)
    {
        peArp.Assign(peArpLan.Get(i + 1), Ipv4InterfaceAddress(shared, mask), ranges[i]);
    }
    PeArpHelper::AssignStreams(NodeContainer(router, hosts), 100);

    Ipv4StaticRoutingHelper routing;
    routing.GetStaticRouting(client->GetObject<Ipv4>())->SetDefaultRoute("192.35.162.1", 1);
    routing.GetStaticRouting(ns->GetObject<Ipv4>())->SetDefaultRoute("192.35.161.1", 1);
    for (uint32_t i = 0; i < 3; i++)
    {
        routing.GetStaticRouting(hosts.Get(i)->GetObject<Ipv4>())
            ->SetDefaultRoute("198.108.63.1", 1);
    }

    // The DNS server, authoritative for example.com, accepting updates.
    Ptr<PeArpDnsServer> server = CreateObject<PeArpDnsServer>();
    server->SetAttribute("Zone", StringValue("example.com"));
    server->SetAttribute("UpdatePolicy", StringValue(updatePolicy));
    // The owner test learns the ranges PeArpHelper assigned on the LAN.
    server->SetLanRegistry(PeArpLanRegistry::Find(lan.Get(0)));
    ns->AddApplication(server);
    server->SetStartTime(Seconds(0));

    // The hosts' servers, on ports of their ranges, registered at 1 s.
    std::vector<Service> services = {{0, "_web", 2080, 10, nullptr},
                                     {1, "_mail", 3025, 0, nullptr},
                                     {2, "_ssh", 4022, 0, nullptr},
                                     {2, "_web", 4080, 20, nullptr}};
    std::vector<Ptr<PeArpSrvResolver>> hostResolvers;
    for (uint32_t i = 0; i < 3; i++)
    {
        Ptr<PeArpSrvResolver> resolver = CreateObject<PeArpSrvResolver>();
        resolver->SetAttribute("Server", Ipv4AddressValue(nsAddress));
        resolver->AssignStreams(10 + i);
        if (updatePolicy == "Tsig" || updatePolicy == "OwnerOrTsig")
        {
            // One key per host, e.g. "a.example.com", configured on both sides.
            std::string keyName = std::string(1, char('a' + i)) + ".example.com";
            std::string secret = "secret of host " + std::string(HOST_NAMES[i]);
            std::vector<uint8_t> bytes(secret.begin(), secret.end());
            server->AddTsigKey(keyName, bytes);
            resolver->SetTsigKey(keyName, bytes);
        }
        hosts.Get(i)->AggregateObject(resolver);
        hostResolvers.push_back(resolver);
    }
    uint32_t registrations = 0;
    for (uint32_t k = 0; k < services.size(); k++)
    {
        Service& s = services[k];
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), s.port));
        s.sink = sink.Install(hosts.Get(s.host)).Get(0);
        s.sink->SetStartTime(Seconds(0.5));
        std::string hostName = std::string(1, char('a' + s.host)) + ".example.com";
        Simulator::Schedule(Seconds(1 + 0.1 * k), [&, k, hostName]() {
            const Service& r = services[k];
            hostResolvers[r.host]->RegisterLocalService(
                r.service,
                "_tcp",
                "example.com",
                hostName,
                r.port,
                300,
                PeArpSrvResolver::RegisterCallback(
                    [&registrations, k, &services](PeArpSrvResolver::Status status, uint8_t rcode) {
                        std::cout << "t=" << Simulator::Now().GetSeconds() << "s host "
                                  << HOST_NAMES[services[k].host] << " registered "
                                  << services[k].service << "._tcp.example.com port "
                                  << services[k].port << ": "
                                  << PeArpSrvResolver::StatusToString(status) << " ("
                                  << PeArpDnsMessage::RcodeToString(rcode) << ")\n";
                        registrations += status == PeArpSrvResolver::OK;
                    }),
                r.priority);
        });
    }

    // The spoof: B deletes A's _web record and adds one with its own port.
    Ptr<Application> spoofSink;
    uint8_t spoofRcode = 255;
    if (spoof)
    {
        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), 3080));
        spoofSink = sink.Install(hosts.Get(1)).Get(0);
        spoofSink->SetStartTime(Seconds(0.5));
        Simulator::Schedule(Seconds(1.5), [&]() {
            const std::string web = "_web._tcp.example.com";
            hostResolvers[1]->SendUpdate(
                "example.com",
                {PeArpDnsMessage::MakeDeleteRr(
                     PeArpDnsMessage::MakeSrv(web, 10, 0, 2080, "a.example.com", 0)),
                 PeArpDnsMessage::MakeSrv(web, 10, 0, 3080, "b.example.com", 300)},
                PeArpSrvResolver::RegisterCallback(
                    [&spoofRcode](PeArpSrvResolver::Status, uint8_t rcode) {
                        spoofRcode = rcode;
                    }));
        });
    }

    // The Internet client resolves each service at 2 s and connects.
    Ptr<PeArpSrvResolver> clientResolver = CreateObject<PeArpSrvResolver>();
    clientResolver->SetAttribute("Server", Ipv4AddressValue(nsAddress));
    clientResolver->AssignStreams(20);
    client->AggregateObject(clientResolver);
    std::vector<Lookup> lookups = {{"_web", 100000}, {"_mail", 50000}, {"_ssh", 20000}};
    for (uint32_t k = 0; k < lookups.size(); k++)
    {
        Simulator::Schedule(Seconds(2), [&, k]() {
            clientResolver->Resolve(
                lookups[k].service,
                "_tcp",
                "example.com",
                PeArpSrvResolver::ResolveCallback(
                    [&, k](PeArpSrvResolver::Status status,
                           const std::vector<PeArpSrvResolver::Target>& targets) {
                        Lookup& l = lookups[k];
                        l.status = status;
                        l.targets = targets;
                        l.resolvedAt = Simulator::Now().GetSeconds();
                        if (status != PeArpSrvResolver::OK)
                        {
                            return;
                        }
                        BulkSendHelper bulk("ns3::TcpSocketFactory",
                                            InetSocketAddress(targets[0].address, targets[0].port));
                        bulk.SetAttribute("MaxBytes", UintegerValue(l.bytes));
                        bulk.Install(client).Start(Seconds(0));
                    }));
        });
    }

    // A client that only knows the well-known port.
    Ptr<Socket> legacy = Socket::CreateSocket(client, TcpSocketFactory::GetTypeId());
    legacy->SetAttribute("ConnCount", UintegerValue(3));
    legacy->SetAttribute("ConnTimeout", TimeValue(Seconds(1)));
    double legacyConnected = -1;
    double legacyFailed = -1;
    int legacyAccepted = 0; // bytes its TCP accepted to send, were it ever to connect
    legacy->SetConnectCallback(
        Callback<void, Ptr<Socket>>([&legacyConnected, &legacyAccepted](Ptr<Socket> s) {
            legacyConnected = Simulator::Now().GetSeconds();
            legacyAccepted = std::max(0, s->Send(Create<Packet>(10000)));
        }),
        Callback<void, Ptr<Socket>>(
            [&legacyFailed](Ptr<Socket>) { legacyFailed = Simulator::Now().GetSeconds(); }));
    Simulator::Schedule(Seconds(2), [&]() { legacy->Connect(InetSocketAddress(shared, 80)); });

    if (pcap)
    {
        std::string prefix = outDir + "/pe-arp-dns-srv";
        p2p.EnablePcap(prefix, dnsLink.Get(0));
        csma.EnablePcap(prefix, lan.Get(0));
    }

    Simulator::Stop(Seconds(30));
    Simulator::Run();

    // Results.
    bool ok = registrations == services.size();
    std::ofstream csv(outDir + "/pe-arp-dns-srv.csv");
    csv << "service,status,targets,address,port,owner,bytes_to_send,bytes_delivered,resolved_at_"
           "s\n";
    std::cout << "\nZone example.com on the DNS server (" << server->GetRecordCount()
              << " records):\n";
    for (const auto& s : services)
    {
        for (const auto& rr :
             server->GetRecords(s.service + "._tcp.example.com", PeArpDnsMessage::TYPE_SRV))
        {
            if (rr.port == s.port)
            {
                std::cout << "  " << rr << "\n";
            }
        }
    }
    for (const char* host : {"a.example.com", "b.example.com", "c.example.com"})
    {
        for (const auto& rr : server->GetRecords(host, PeArpDnsMessage::TYPE_A))
        {
            std::cout << "  " << rr << "\n";
        }
    }
    std::cout << "\nService resolution and transfers from the Internet client:\n"
              << std::left << std::setw(24) << "service" << std::setw(28)
              << "SRV targets (in order)" << std::setw(20) << "connected to" << std::setw(7)
              << "owner" << std::right << std::setw(10) << "to send" << std::setw(11) << "delivered"
              << "\n";
    for (const auto& l : lookups)
    {
        std::string name = l.service + "._tcp.example.com";
        std::ostringstream targets;
        for (size_t t = 0; t < l.targets.size(); t++)
        {
            targets << (t ? " " : "") << l.targets[t].host.substr(0, 1) << ":" << l.targets[t].port
                    << "/p" << l.targets[t].priority;
        }
        std::ostringstream to;
        std::string owner = "-";
        uint64_t delivered = 0;
        if (l.status == PeArpSrvResolver::OK)
        {
            to << l.targets[0].address << ":" << l.targets[0].port;
            for (const auto& s : services)
            {
                uint64_t rx = DynamicCast<PacketSink>(s.sink)->GetTotalRx();
                if (s.port == l.targets[0].port && rx > 0)
                {
                    owner = HOST_NAMES[s.host];
                    delivered = rx;
                }
            }
        }
        else
        {
            to << PeArpSrvResolver::StatusToString(l.status);
        }
        ok = ok && l.status == PeArpSrvResolver::OK && delivered == l.bytes;
        std::cout << std::left << std::setw(24) << name << std::setw(28) << targets.str()
                  << std::setw(20) << to.str() << std::setw(7) << owner << std::right
                  << std::setw(10) << l.bytes << std::setw(11) << delivered << "\n";
        csv << name << "," << PeArpSrvResolver::StatusToString(l.status) << "," << targets.str()
            << "," << (l.targets.empty() ? Ipv4Address() : l.targets[0].address) << ","
            << (l.targets.empty() ? 0 : l.targets[0].port) << "," << owner << "," << l.bytes << ","
            << delivered << "," << l.resolvedAt << "\n";
    }
    uint64_t backupRx = DynamicCast<PacketSink>(services[3].sink)->GetTotalRx();
    std::cout << std::left << std::setw(24) << "well-known port only" << std::setw(28) << "(no DNS)"
              << std::setw(20) << "198.108.63.2:80" << std::setw(7) << "none" << std::right
              << std::setw(10) << 10000 << std::setw(11)
              << (legacyConnected >= 0 ? "accepted " + std::to_string(legacyAccepted) : "0")
              << "\n";
    // No host owns (or listens on) port 80 of the shared address: nothing can
    // be delivered; if the connection ever completed, only what TCP accepted
    // is known here.
    csv << "well-known-port-80,"
        << (legacyConnected >= 0 ? "connected"
                                 : (legacyFailed >= 0 ? "connection-failed" : "not-connected"))
        << ",,198.108.63.2,80,none,10000," << (legacyConnected >= 0 ? legacyAccepted : 0) << ",\n";
    csv.close();

    Ptr<PeArpCache> cache = DynamicCast<PeArpNetDevice>(peArpLan.Get(0))->GetCache();
    std::cout << "\nPort-80 client: ";
    if (legacyConnected >= 0)
    {
        std::cout << "CONNECTED at " << legacyConnected << " s (unexpected)\n";
        ok = false;
    }
    else
    {
        std::cout << "connection never established; "
                  << (legacyFailed >= 0
                          ? "failed after its SYN retries at " + std::to_string(legacyFailed) + " s"
                          : std::string("still trying at the end"))
                  << ". The router's PE-ARP asked who owns 198.108.63.2:80, nobody answered ("
                  << cache->GetResolutionFailures() << " failed resolution(s), "
                  << cache->GetResolutionFailureDrops() << " packet(s) dropped).\n";
    }
    std::cout << "_web backup on C (priority 20) received " << backupRx << " bytes.\n";
    const PeArpDnsServer::Counters& c = server->GetCounters();
    std::cout << "DNS server: " << c.received << " datagrams, " << c.updates << " updates ("
              << c.updatesApplied << " applied), " << c.queries << " queries, " << c.responses
              << " responses, " << c.malformed << " malformed.\n";
    if (spoof || updatePolicy != "Open")
    {
        std::cout << "Update policy " << updatePolicy << ": " << c.updatesRefused
                  << " update(s) refused, TSIG verified " << c.tsigVerified << ", BADSIG "
                  << c.tsigBadSig << ", BADKEY " << c.tsigBadKey << ", BADTIME " << c.tsigBadTime
                  << ".\n";
    }
    if (spoof)
    {
        uint64_t stolen = DynamicCast<PacketSink>(spoofSink)->GetTotalRx();
        std::cout << "Spoofed UPDATE from B (A's _web -> B's port 3080): "
                  << PeArpDnsMessage::RcodeToString(spoofRcode) << "; B's port 3080 received "
                  << stolen << " bytes.\n";
        ok = ok && stolen == 0;
    }
    std::cout << "\nRouter's PE-ARP table:\n";
    PeArpHelper::PrintTable(peArpLan.Get(0), std::cout);
    std::cout << "\nWrote " << outDir << "/pe-arp-dns-srv.csv" << (pcap ? " and pcap files" : "")
              << "\n";
    Simulator::Destroy();
    return ok ? 0 : 1;
}
