/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp
 * The paper's Figure 4 in real time, with a real Linux host as the Internet.
 *
 * \verbatim
   Linux (a network namespace)          ns-3 (RealtimeSimulatorImpl)
   +----------------------+            +--------+   CSMA    +---+ +---+ +---+
   | tap  198.51.100.2/24 |===fd=======| router |===========| A | | B | | C |
   | route 192.0.2.0/24   | FdNetDevice| PE-ARP | 192.0.2.1 +---+ +---+ +---+
   |   via 198.51.100.1   | 198.51.100.1+-------+  all share 192.0.2.2,
   +----------------------+                        ranges 2000-2999, 3000-3999, ...
   \endverbatim
 *
 * The tap device must already exist in the network namespace this program
 * runs in, configured and up (utils/pe-arp-emu.py creates it): the program
 * attaches to it through /dev/net/tun and hands the descriptor to an
 * FdNetDevice of the router, so no tap creator helper is needed (Debian's
 * ns-3 library looks for its creators in the path of its own build tree).
 *
 * Each host i runs a TCP PacketSink on the first port of its range and a UDP
 * echo server on the second. At the end the program prints, per host, the TCP
 * and UDP bytes received with their CRC-32 (IEEE 802.3, as Python's
 * zlib.crc32) and the ICMP echo requests delivered to it, then how late
 * events ran against the wall clock. Port-less traffic (ping) goes to the
 * host owning --defaultPort (ns3::PeArpL3Protocol::DefaultPort on the
 * router).
 *
 * With --realHostTap (and --realHostNetns), a bridge node joins a second tap,
 * in another namespace, to the LAN: the kernel of that namespace is a real
 * host sharing the address, and pe-arp-agent answers PE-ARP for its range.
 *
 *     ip netns exec NS pe-arp-emu --tapName=TAP --duration=20
 */

#include "ns3/applications-module.h"
#include "ns3/bridge-module.h"
#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/fd-net-device-module.h"
#include "ns3/internet-module.h"
#include "ns3/pe-arp-module.h"

#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <iomanip>
#include <iostream>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <sched.h>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace ns3;

namespace
{

/** What one simulated host received. */
struct HostRx
{
    uint64_t tcpBytes = 0;  //!< TCP payload bytes at the sink
    uint32_t tcpCrc = 0;    //!< CRC-32 of the TCP bytes, in order
    uint64_t udpBytes = 0;  //!< UDP payload bytes at the echo server
    uint32_t udpCrc = 0;    //!< CRC-32 of the UDP bytes, in order
    uint32_t icmpEcho = 0;  //!< ICMP echo requests delivered to the host
    uint32_t wrongPort = 0; //!< TCP/UDP packets delivered for a port outside its range
};

/** How late the simulator ran events against the wall clock. */
struct Lateness
{
    Time max;            //!< largest lateness seen
    Time sum;            //!< sum, for the mean
    uint64_t samples{0}; //!< number of samples
};

/**
 * Continue a CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320).
 * \param crc the CRC so far (0 to start)
 * \param data the bytes
 * \param size how many
 * \return the CRC including the bytes
 */
uint32_t
Crc32(uint32_t crc, const uint8_t* data, uint32_t size)
{
    crc = ~crc;
    for (uint32_t i = 0; i < size; i++)
    {
        crc ^= data[i];
        for (int bit = 0; bit < 8; bit++)
        {
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
        }
    }
    return ~crc;
}

/**
 * Add a packet's bytes to a count and a CRC.
 * \param bytes the count
 * \param crc the CRC
 * \param packet the packet
 */
void
Account(uint64_t* bytes, uint32_t* crc, Ptr<const Packet> packet)
{
    std::vector<uint8_t> buffer(packet->GetSize());
    packet->CopyData(buffer.data(), buffer.size());
    *bytes += buffer.size();
    *crc = Crc32(*crc, buffer.data(), buffer.size());
}

/**
 * PacketSink Rx trace.
 * \param rx the host's counters
 * \param packet the received payload
 * \param from the sender
 */
void
TcpRx(HostRx* rx, Ptr<const Packet> packet, const Address& from)
{
    Account(&rx->tcpBytes, &rx->tcpCrc, packet);
}

/**
 * UdpEchoServer Rx trace.
 * \param rx the host's counters
 * \param packet the received payload
 */
void
UdpRx(HostRx* rx, Ptr<const Packet> packet)
{
    Account(&rx->udpBytes, &rx->udpCrc, packet);
}

/**
 * Ipv4L3Protocol LocalDeliver trace: ICMP echo requests, and ports outside
 * the host's range.
 * \param rx the host's counters
 * \param range the host's port range
 * \param header the IPv4 header
 * \param packet the IPv4 payload
 * \param interface the interface index
 */
void
LocalDeliver(HostRx* rx,
             PeArpPortRange range,
             const Ipv4Header& header,
             Ptr<const Packet> packet,
             uint32_t interface)
{
    uint8_t first[4] = {0, 0, 0, 0};
    packet->CopyData(first, sizeof(first));
    if (header.GetProtocol() == 1 && first[0] == 8) // ICMP echo request
    {
        rx->icmpEcho++;
    }
    else if (header.GetProtocol() == 6 || header.GetProtocol() == 17)
    {
        uint16_t port = (first[2] << 8) | first[3]; // destination port
        if (!range.Contains(port))
        {
            rx->wrongPort++;
        }
    }
}

/**
 * Sample how late the simulator runs (wall clock minus simulation time), and
 * schedule the next sample.
 * \param lateness where to keep it
 * \param period the sampling period
 */
void
SampleLateness(Lateness* lateness, Time period)
{
    Ptr<RealtimeSimulatorImpl> impl =
        DynamicCast<RealtimeSimulatorImpl>(Simulator::GetImplementation());
    Time late = impl->RealtimeNow() - Simulator::Now();
    lateness->max = Max(lateness->max, late);
    lateness->sum += late;
    lateness->samples++;
    Simulator::Schedule(period, &SampleLateness, lateness, period);
}

/** Tell the driver that the simulation runs (it waits for this line). */
void
Ready()
{
    std::cout << "READY" << std::endl;
}

/**
 * Attach to an existing tap device.
 * \param name the device name
 * \param netns the network namespace it is in (a file such as
 *        /var/run/netns/NAME), or empty for the namespace of this process
 * \return the file descriptor (the program stops if it cannot attach)
 */
int
OpenTap(const std::string& name, const std::string& netns = "")
{
    int own = -1;
    if (!netns.empty())
    {
        // The descriptor keeps the device of the namespace it was opened in.
        own = open("/proc/self/ns/net", O_RDONLY);
        int target = open(netns.c_str(), O_RDONLY);
        NS_ABORT_MSG_IF(own < 0 || target < 0 || setns(target, CLONE_NEWNET) < 0,
                        "cannot enter network namespace " << netns << ": " << std::strerror(errno));
        close(target);
    }
    int fd = open("/dev/net/tun", O_RDWR);
    NS_ABORT_MSG_IF(fd < 0, "cannot open /dev/net/tun: " << std::strerror(errno));

    struct ifreq ifr
    {
    };

    ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
    NS_ABORT_MSG_IF(name.empty() || name.size() >= IFNAMSIZ, "bad --tapName '" << name << "'");
    std::strncpy(ifr.ifr_name, name.c_str(), IFNAMSIZ - 1);
    NS_ABORT_MSG_IF(ioctl(fd, TUNSETIFF, &ifr) < 0,
                    "cannot attach to tap device " << name << ": " << std::strerror(errno));
    if (own >= 0)
    {
        NS_ABORT_MSG_IF(setns(own, CLONE_NEWNET) < 0, "cannot return to the own namespace");
        close(own);
    }
    return fd;
}

} // namespace

int
main(int argc, char* argv[])
{
    std::string tapName;
    std::string wanAddress = "198.51.100.1";
    std::string lanNetwork = "192.0.2.0";
    std::string sharedAddress = "192.0.2.2";
    uint32_t hosts = 3;
    uint32_t firstPort = 2000;
    uint32_t portsPerHost = 1000;
    uint32_t defaultPort = 0;
    double duration = 10;
    double hardLimit = 0;
    bool verbose = false;
    std::string realHostTap;
    std::string realHostNetns;

    CommandLine cmd(__FILE__);
    cmd.AddValue("tapName", "Existing tap device of this network namespace (required)", tapName);
    cmd.AddValue("wanAddress", "Router's address on the tap's /24", wanAddress);
    cmd.AddValue("lanNetwork", "The LAN's /24 (router .1)", lanNetwork);
    cmd.AddValue("sharedAddress", "The address the hosts share", sharedAddress);
    cmd.AddValue("hosts", "Hosts sharing the address", hosts);
    cmd.AddValue("firstPort", "First port of the first host's range", firstPort);
    cmd.AddValue("portsPerHost", "Ports per host", portsPerHost);
    cmd.AddValue("defaultPort",
                 "Port-less traffic (ping) goes to the owner of this port (0: first port)",
                 defaultPort);
    cmd.AddValue("duration", "Seconds (real time) to run", duration);
    cmd.AddValue("hardLimit",
                 "Abort if events run later than this many ms (0: best effort)",
                 hardLimit);
    cmd.AddValue("realHostTap",
                 "A tap device whose namespace is a real host on the LAN (bridged in)",
                 realHostTap);
    cmd.AddValue("realHostNetns",
                 "The network namespace of --realHostTap (e.g. /var/run/netns/NAME)",
                 realHostNetns);
    cmd.AddValue("verbose", "Log PE-ARP resolution", verbose);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_IF(tapName.empty(), "--tapName is required (a tap device of this namespace)");
    NS_ABORT_MSG_IF(hosts == 0 || portsPerHost < 2 ||
                        firstPort + uint64_t(hosts) * portsPerHost - 1 > 65535,
                    "--hosts, --firstPort and --portsPerHost give ports past 65535");
    if (verbose)
    {
        LogComponentEnable("PeArpL3Protocol", LOG_LEVEL_INFO);
    }

    GlobalValue::Bind("SimulatorImplementationType", StringValue("ns3::RealtimeSimulatorImpl"));
    GlobalValue::Bind("ChecksumEnabled", BooleanValue(true)); // a real kernel checks them
    if (hardLimit > 0)
    {
        Config::SetDefault("ns3::RealtimeSimulatorImpl::SynchronizationMode",
                           StringValue("HardLimit"));
        Config::SetDefault("ns3::RealtimeSimulatorImpl::HardLimit",
                           TimeValue(MilliSeconds(hardLimit)));
    }
    Config::SetDefault("ns3::PeArpL3Protocol::DefaultPort",
                       UintegerValue(defaultPort ? defaultPort : firstPort));

    Ptr<Node> router = CreateObject<Node>();
    NodeContainer sharers(hosts);
    InternetStackHelper().Install(router);
    PeArpStackHelper().Install(sharers);

    // The router's Internet side: the tap, through an FdNetDevice.
    FdNetDeviceHelper fd;
    Ptr<FdNetDevice> wan = DynamicCast<FdNetDevice>(fd.Install(router).Get(0));
    wan->SetFileDescriptor(OpenTap(tapName));
    Ptr<Ipv4> routerIp = router->GetObject<Ipv4>();
    uint32_t wanIf = routerIp->AddInterface(wan);
    routerIp->AddAddress(wanIf, Ipv4InterfaceAddress(wanAddress.c_str(), "255.255.255.0"));
    routerIp->SetUp(wanIf);

    // The LAN: the router and the hosts sharing one address.
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("100Mbps"));
    NetDeviceContainer lan = csma.Install(NodeContainer(NodeContainer(router), sharers));
    PeArpHelper peArp;
    NetDeviceContainer peArpLan = peArp.Install(lan);
    Ipv4Mask mask("255.255.255.0");
    Ipv4Address gateway(Ipv4Address(lanNetwork.c_str()).Get() + 1);
    peArp.Assign(peArpLan.Get(0), Ipv4InterfaceAddress(gateway, mask));
    std::vector<PeArpPortRange> ranges;
    std::vector<HostRx> rx(hosts);
    Ipv4StaticRoutingHelper routing;
    for (uint32_t i = 0; i < hosts; i++)
    {
        uint16_t low = firstPort + i * portsPerHost;
        ranges.emplace_back(low, low + portsPerHost - 1);
        peArp.Assign(peArpLan.Get(i + 1),
                     Ipv4InterfaceAddress(sharedAddress.c_str(), mask),
                     ranges.back());
        Ptr<Node> host = sharers.Get(i);
        routing.GetStaticRouting(host->GetObject<Ipv4>())->SetDefaultRoute(gateway, 1);

        PacketSinkHelper sink("ns3::TcpSocketFactory",
                              InetSocketAddress(Ipv4Address::GetAny(), low));
        ApplicationContainer sinkApp = sink.Install(host);
        sinkApp.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&TcpRx, &rx[i]));
        ApplicationContainer echoApp = UdpEchoServerHelper(low + 1).Install(host);
        echoApp.Get(0)->TraceConnectWithoutContext("Rx", MakeBoundCallback(&UdpRx, &rx[i]));
        host->GetObject<Ipv4L3Protocol>()->TraceConnectWithoutContext(
            "LocalDeliver",
            MakeBoundCallback(&LocalDeliver, &rx[i], ranges.back()));
    }

    // A real host on the LAN: a bridge joins the tap of its namespace to the
    // CSMA segment, so that it shares the address with the simulated hosts
    // (pe-arp-agent answers PE-ARP for its range there).
    if (!realHostTap.empty())
    {
        Ptr<Node> bridge = CreateObject<Node>();
        Ptr<CsmaChannel> channel = DynamicCast<CsmaChannel>(lan.Get(0)->GetChannel());
        NetDeviceContainer ports = csma.Install(bridge, channel);
        Ptr<FdNetDevice> tap = DynamicCast<FdNetDevice>(fd.Install(bridge).Get(0));
        tap->SetFileDescriptor(OpenTap(realHostTap, realHostNetns));
        ports.Add(tap);
        BridgeHelper().Install(bridge, ports);
    }

    Lateness lateness;
    const Time period = MilliSeconds(1);
    Simulator::Schedule(Seconds(0), &Ready);
    Simulator::Schedule(Seconds(0), &SampleLateness, &lateness, period);
    Simulator::Stop(Seconds(duration));
    auto wallStart = std::chrono::steady_clock::now();
    Simulator::Run();
    double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();

    std::cout << "\nRouter's PE-ARP table (arp -n):\n";
    PeArpHelper::PrintTable(peArpLan.Get(0), std::cout);
    std::cout << "\nHosts:\n"
              << "host  ip              ports        mac                 tcp_bytes  tcp_crc32"
              << "  udp_bytes  udp_crc32  icmp_echo  wrong_port\n";
    for (uint32_t i = 0; i < hosts; i++)
    {
        std::ostringstream range;
        std::ostringstream mac;
        range << ranges[i];
        mac << Mac48Address::ConvertFrom(lan.Get(i + 1)->GetAddress());
        std::cout << std::left << std::setw(6) << i << std::setw(16) << sharedAddress
                  << std::setw(13) << range.str() << std::setw(18) << mac.str() << std::right
                  << std::setw(11) << rx[i].tcpBytes << "   " << std::hex << std::setfill('0')
                  << std::setw(8) << rx[i].tcpCrc << std::dec << std::setfill(' ') << std::setw(11)
                  << rx[i].udpBytes << "   " << std::hex << std::setfill('0') << std::setw(8)
                  << rx[i].udpCrc << std::dec << std::setfill(' ') << std::setw(11)
                  << rx[i].icmpEcho << std::setw(12) << rx[i].wrongPort << "\n";
    }
    std::cout << std::fixed << std::setprecision(3) << "\nreal time: " << duration
              << " s simulated in " << wall << " s wall; events ran late by at most "
              << lateness.max.GetSeconds() * 1e3 << " ms, mean "
              << (lateness.samples ? lateness.sum.GetSeconds() * 1e3 / lateness.samples : 0.0)
              << " ms (" << lateness.samples << " probes every " << period.GetMilliSeconds()
              << " ms, synchronization ";
    if (hardLimit > 0)
    {
        std::cout << "HardLimit " << hardLimit << " ms)\n";
    }
    else
    {
        std::cout << "BestEffort)\n";
    }
    Simulator::Destroy();
    return 0;
}
