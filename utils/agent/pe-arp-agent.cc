/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \ingroup pe-arp
 * pe-arp-agent: PE-ARP for a real Linux host that shares an address.
 *
 * Stock Linux has no PE-ARP. This user-space agent gives it the host's part,
 * as the paper's prototype did in the kernel:
 *
 *  - it answers PE-ARP requests for its address and a port of its range, on
 *    an AF_PACKET socket, with a PE-ARP reply built by the module's own
 *    PeArpHeader (the wire format of model/core/pe-arp-header.h);
 *  - it learns the sender of such a request (a node owning all its ports,
 *    such as the PE-ARP router) into the kernel's neighbour table by
 *    rtnetlink, as RFC 826 and the module do; a sender that owns a range
 *    only cannot be held by a standard neighbour table and is not learned;
 *  - it sets net.ipv4.ip_local_port_range to its range (ephemeral ports come
 *    from it, as with the paper's sysctl) and net.ipv4.conf.IF.arp_ignore to
 *    8, so that the kernel answers no ARP on the interface: a standard
 *    request for the shared address is answered by nobody (as the module's
 *    hosts do: only a node owning all ports answers standard ARP);
 *  - with --gateway it resolves the gateway with a PE-ARP request before
 *    anything else and installs the answer as a permanent neighbour entry,
 *    so that the kernel never sends standard ARP from the shared address.
 *
 * On exit (SIGINT, SIGTERM, --duration) it removes the neighbour entries it
 * installed and restores both sysctls. Everything applies to the network
 * namespace it runs in. It needs CAP_NET_RAW and CAP_NET_ADMIN.
 *
 *     pe-arp-agent --interface=eth0 --address=192.0.2.2 --range=5000-5999
 *                  [--gateway=192.0.2.1] [--duration=S] [--verbose]
 */

#include "ns3/pe-arp-header.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <linux/if_packet.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace ns3;

namespace
{

/** Set by SIGINT and SIGTERM. */
volatile std::sig_atomic_t g_stop = 0;

/**
 * Signal handler: ask the main loop to stop.
 * \param signum the signal number
 */
void
OnSignal(int signum)
{
    g_stop = 1;
}

/** Command-line options of the agent. */
struct Options
{
    std::string interface; //!< the interface the shared address is on
    Ipv4Address address;   //!< the shared address
    PeArpPortRange range;  //!< this host's port range
    Ipv4Address gateway;   //!< gateway to resolve first (any: none)
    bool configure = true; //!< set the sysctls
    double duration = 0;   //!< seconds to run (0: until a signal)
    bool verbose = false;  //!< log every frame
    std::string readyFile; //!< file written once the agent answers
};

/** What the agent did, printed on exit. */
struct Counters
{
    uint64_t requests = 0;         //!< PE-ARP requests for the address received
    uint64_t answered = 0;         //!< of which answered (port in range)
    uint64_t notMine = 0;          //!< of which for a port of another host
    uint64_t standardIgnored = 0;  //!< standard requests for the address (not answered)
    uint64_t learned = 0;          //!< senders written to the neighbour table
    uint64_t sharedNotLearned = 0; //!< senders owning a range only (not learnable)
    uint64_t malformed = 0;        //!< ARP frames PeArpHeader refused
};

/**
 * Read a sysctl of this network namespace.
 * \param path the file under /proc/sys
 * \return its first line
 */
std::string
ReadSysctl(const std::string& path)
{
    std::ifstream in(path);
    std::string value;
    std::getline(in, value);
    return value;
}

/**
 * Write a sysctl of this network namespace.
 * \param path the file under /proc/sys
 * \param value the value
 * \return true on success
 */
bool
WriteSysctl(const std::string& path, const std::string& value)
{
    std::ofstream out(path);
    out << value << "\n";
    out.close();
    return !out.fail();
}

/**
 * The agent: an AF_PACKET socket for ARP on one interface, and an rtnetlink
 * socket for the neighbour table.
 */
class PeArpAgent
{
  public:
    /**
     * \param options the options
     */
    explicit PeArpAgent(const Options& options);
    ~PeArpAgent();
    PeArpAgent(const PeArpAgent&) = delete;
    PeArpAgent& operator=(const PeArpAgent&) = delete;

    /** Open the sockets and read the interface's MAC address; exits on error. */
    void Open();
    /** Set ip_local_port_range and arp_ignore, keeping the old values. */
    void Configure();
    /** Restore the sysctls and remove the neighbour entries installed. */
    void Restore();
    /**
     * Resolve the gateway with PE-ARP (three tries, one second apart) and
     * install it as a permanent neighbour.
     * \return true if it answered
     */
    bool ResolveGateway();
    /**
     * Answer requests until a signal or the deadline.
     * \param seconds how long (0: until a signal)
     */
    void Run(double seconds);
    /** Print the counters. */
    void PrintCounters() const;

  private:
    /**
     * Wait for one ARP frame.
     * \param timeoutMs how long to wait
     * \param header the parsed frame
     * \return true if a well-formed frame arrived
     */
    bool Receive(int timeoutMs, PeArpHeader& header);
    /**
     * Handle a received frame: answer and learn.
     * \param header the frame
     */
    void Handle(const PeArpHeader& header);
    /**
     * Send an ARP frame.
     * \param header the ARP body and extension
     * \param destination the Ethernet destination
     */
    void Send(const PeArpHeader& header, Mac48Address destination);
    /**
     * Add, replace or delete a neighbour entry of the interface.
     * \param address the IPv4 address
     * \param mac the MAC address (ignored when deleting)
     * \param add true to add or replace (permanent), false to delete
     * \return true if the kernel accepted it
     */
    bool SetNeighbour(Ipv4Address address, Mac48Address mac, bool add);

    Options m_options;                    //!< the options
    int m_packet = -1;                    //!< AF_PACKET socket
    int m_netlink = -1;                   //!< rtnetlink socket
    int m_ifindex = 0;                    //!< interface index
    Mac48Address m_mac;                   //!< interface MAC address
    std::vector<Ipv4Address> m_installed; //!< neighbour entries installed
    std::string m_oldPortRange;           //!< ip_local_port_range before
    std::string m_oldArpIgnore;           //!< arp_ignore before
    bool m_configured = false;            //!< the sysctls were changed
    Counters m_counters;                  //!< what happened
};

PeArpAgent::PeArpAgent(const Options& options)
    : m_options(options)
{
}

PeArpAgent::~PeArpAgent()
{
    if (m_packet >= 0)
    {
        close(m_packet);
    }
    if (m_netlink >= 0)
    {
        close(m_netlink);
    }
}

void
PeArpAgent::Open()
{
    m_ifindex = if_nametoindex(m_options.interface.c_str());
    if (m_ifindex == 0)
    {
        std::cerr << "pe-arp-agent: no interface " << m_options.interface << "\n";
        std::exit(2);
    }
    m_packet = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ARP));
    m_netlink = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
    if (m_packet < 0 || m_netlink < 0)
    {
        std::cerr << "pe-arp-agent: cannot open sockets (needs CAP_NET_RAW, CAP_NET_ADMIN): "
                  << std::strerror(errno) << "\n";
        std::exit(2);
    }
    sockaddr_ll bound{};
    bound.sll_family = AF_PACKET;
    bound.sll_protocol = htons(ETH_P_ARP);
    bound.sll_ifindex = m_ifindex;
    if (bind(m_packet, reinterpret_cast<sockaddr*>(&bound), sizeof(bound)) < 0)
    {
        std::cerr << "pe-arp-agent: bind: " << std::strerror(errno) << "\n";
        std::exit(2);
    }
    ifreq request{};
    std::strncpy(request.ifr_name, m_options.interface.c_str(), IFNAMSIZ - 1);
    if (ioctl(m_packet, SIOCGIFHWADDR, &request) < 0)
    {
        std::cerr << "pe-arp-agent: SIOCGIFHWADDR: " << std::strerror(errno) << "\n";
        std::exit(2);
    }
    m_mac.CopyFrom(reinterpret_cast<const uint8_t*>(request.ifr_hwaddr.sa_data));
}

void
PeArpAgent::Configure()
{
    const std::string portRange = "/proc/sys/net/ipv4/ip_local_port_range";
    const std::string arpIgnore = "/proc/sys/net/ipv4/conf/" + m_options.interface + "/arp_ignore";
    m_oldPortRange = ReadSysctl(portRange);
    m_oldArpIgnore = ReadSysctl(arpIgnore);
    std::ostringstream range;
    range << m_options.range.GetLow() << " " << m_options.range.GetHigh();
    // 8: do not reply for any local address (the agent answers PE-ARP).
    if (!WriteSysctl(arpIgnore, "8") || !WriteSysctl(portRange, range.str()))
    {
        std::cerr << "pe-arp-agent: cannot write the sysctls of this namespace\n";
        std::exit(2);
    }
    m_configured = true;
    std::cout << "sysctl net.ipv4.ip_local_port_range = " << ReadSysctl(portRange) << " (was "
              << m_oldPortRange << ")\n"
              << "sysctl net.ipv4.conf."
              << m_options.interface << ".arp_ignore = " << ReadSysctl(arpIgnore) << " (was "
              << m_oldArpIgnore << ")\n";
}

void
PeArpAgent::Restore()
{
    for (Ipv4Address address : m_installed)
    {
        SetNeighbour(address, Mac48Address(), false);
    }
    m_installed.clear();
    if (m_configured)
    {
        WriteSysctl("/proc/sys/net/ipv4/ip_local_port_range", m_oldPortRange);
        WriteSysctl("/proc/sys/net/ipv4/conf/" + m_options.interface + "/arp_ignore",
                    m_oldArpIgnore);
        m_configured = false;
    }
}

void
PeArpAgent::Send(const PeArpHeader& header, Mac48Address destination)
{
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(header);
    std::vector<uint8_t> frame(ETH_ZLEN, 0); // padded to the Ethernet minimum, as CSMA does
    destination.CopyTo(frame.data());
    m_mac.CopyTo(frame.data() + 6);
    frame[12] = ETH_P_ARP >> 8;
    frame[13] = ETH_P_ARP & 0xff;
    packet->CopyData(frame.data() + ETH_HLEN, packet->GetSize());
    if (send(m_packet, frame.data(), frame.size(), 0) < 0)
    {
        std::cerr << "pe-arp-agent: send: " << std::strerror(errno) << "\n";
    }
}

bool
PeArpAgent::Receive(int timeoutMs, PeArpHeader& header)
{
    pollfd waiting{m_packet, POLLIN, 0};
    if (poll(&waiting, 1, timeoutMs) <= 0)
    {
        return false;
    }
    uint8_t buffer[2048];
    sockaddr_ll from{};
    socklen_t fromLength = sizeof(from);
    ssize_t size = recvfrom(m_packet,
                            buffer,
                            sizeof(buffer),
                            0,
                            reinterpret_cast<sockaddr*>(&from),
                            &fromLength);
    if (size <= ETH_HLEN || from.sll_pkttype == PACKET_OUTGOING)
    {
        return false;
    }
    header = PeArpHeader::Parse(Create<Packet>(buffer + ETH_HLEN, size - ETH_HLEN));
    if (header.GetParseError() != PeArpHeader::PARSE_OK)
    {
        m_counters.malformed++;
        return false;
    }
    if (m_options.verbose)
    {
        std::cout << "rx ";
        header.Print(std::cout);
        std::cout << std::endl;
    }
    return true;
}

void
PeArpAgent::Handle(const PeArpHeader& header)
{
    if (!header.IsRequest() || header.GetTargetIp() != m_options.address)
    {
        return;
    }
    if (!header.HasExtension())
    {
        // A standard request for a shared address: only a node owning all
        // ports answers standard ARP (the module's PeArpL3Protocol does the same).
        m_counters.standardIgnored++;
        return;
    }
    m_counters.requests++;
    if (!m_options.range.Contains(header.GetTargetPort()))
    {
        m_counters.notMine++;
        return;
    }
    if (header.GetSenderRange().IsAll() && header.GetSenderIp() != Ipv4Address::GetAny())
    {
        if (SetNeighbour(header.GetSenderIp(), header.GetSenderMac(), true))
        {
            m_counters.learned++;
        }
    }
    else
    {
        m_counters.sharedNotLearned++;
    }
    PeArpHeader reply;
    reply.SetReply(m_mac,
                   m_options.address,
                   m_options.range,
                   header.GetSenderMac(),
                   header.GetSenderIp(),
                   header.GetSenderRange().GetLow(),
                   header.GetTargetPort());
    Send(reply, header.GetSenderMac());
    m_counters.answered++;
    if (m_options.verbose)
    {
        std::cout << "tx ";
        reply.Print(std::cout);
        std::cout << std::endl;
    }
}

bool
PeArpAgent::ResolveGateway()
{
    PeArpHeader request;
    request.SetRequest(m_mac, m_options.address, m_options.range, m_options.gateway, 0);
    for (int attempt = 0; attempt < 3 && !g_stop; attempt++)
    {
        Send(request, Mac48Address::GetBroadcast());
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        while (std::chrono::steady_clock::now() < deadline && !g_stop)
        {
            PeArpHeader header;
            if (!Receive(100, header))
            {
                continue;
            }
            if (header.IsReply() && header.GetSenderIp() == m_options.gateway &&
                header.GetTargetIp() == m_options.address)
            {
                std::cout << "gateway " << m_options.gateway << " is at " << header.GetSenderMac()
                          << std::endl;
                return SetNeighbour(m_options.gateway, header.GetSenderMac(), true);
            }
            Handle(header);
        }
    }
    return false;
}

bool
PeArpAgent::SetNeighbour(Ipv4Address address, Mac48Address mac, bool add)
{
    struct
    {
        nlmsghdr header;
        ndmsg neighbour;
        char attributes[64];
    } message{};

    message.header.nlmsg_len = NLMSG_LENGTH(sizeof(ndmsg));
    message.header.nlmsg_type = add ? RTM_NEWNEIGH : RTM_DELNEIGH;
    message.header.nlmsg_flags =
        NLM_F_REQUEST | NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_REPLACE : 0);
    message.neighbour.ndm_family = AF_INET;
    message.neighbour.ndm_ifindex = m_ifindex;
    message.neighbour.ndm_state = NUD_PERMANENT;
    message.neighbour.ndm_type = RTN_UNICAST;
    auto addAttribute = [&message](uint16_t type, const void* data, uint16_t length) {
        auto* attribute = reinterpret_cast<rtattr*>(reinterpret_cast<char*>(&message) +
                                                    NLMSG_ALIGN(message.header.nlmsg_len));
        attribute->rta_type = type;
        attribute->rta_len = RTA_LENGTH(length);
        std::memcpy(RTA_DATA(attribute), data, length);
        message.header.nlmsg_len =
            NLMSG_ALIGN(message.header.nlmsg_len) + RTA_ALIGN(RTA_LENGTH(length));
    };
    uint8_t ip[4];
    address.Serialize(ip);
    addAttribute(NDA_DST, ip, sizeof(ip));
    if (add)
    {
        uint8_t hardware[6];
        mac.CopyTo(hardware);
        addAttribute(NDA_LLADDR, hardware, sizeof(hardware));
    }
    if (send(m_netlink, &message, message.header.nlmsg_len, 0) < 0)
    {
        return false;
    }
    char answer[512];
    ssize_t size = recv(m_netlink, answer, sizeof(answer), 0);
    auto* reply = reinterpret_cast<nlmsghdr*>(answer);
    if (size < static_cast<ssize_t>(NLMSG_LENGTH(sizeof(nlmsgerr))) ||
        reply->nlmsg_type != NLMSG_ERROR)
    {
        return false;
    }
    int error = reinterpret_cast<nlmsgerr*>(NLMSG_DATA(reply))->error;
    if (error != 0)
    {
        std::cerr << "pe-arp-agent: neighbour " << address << ": " << std::strerror(-error) << "\n";
        return false;
    }
    if (add && std::find(m_installed.begin(), m_installed.end(), address) == m_installed.end())
    {
        m_installed.push_back(address);
    }
    if (m_options.verbose)
    {
        std::cout << (add ? "neighbour " : "removed neighbour ") << address << " " << mac
                  << std::endl;
    }
    return true;
}

void
PeArpAgent::Run(double seconds)
{
    auto deadline = std::chrono::steady_clock::now() +
                    std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
    while (!g_stop && (seconds <= 0 || std::chrono::steady_clock::now() < deadline))
    {
        PeArpHeader header;
        if (Receive(100, header))
        {
            Handle(header);
        }
    }
}

void
PeArpAgent::PrintCounters() const
{
    std::cout << "pe-arp-agent: PE-ARP requests for " << m_options.address << ": "
              << m_counters.requests << ", answered " << m_counters.answered
              << ", other hosts' ports " << m_counters.notMine << "; standard requests (ignored) "
              << m_counters.standardIgnored << "; senders learned " << m_counters.learned
              << ", not learnable (range only) " << m_counters.sharedNotLearned << "; malformed "
              << m_counters.malformed << std::endl;
}

/**
 * Parse the options; exit with status 2 on a bad one.
 * \param argc argument count
 * \param argv arguments
 * \return the options
 */
Options
ParseOptions(int argc, char* argv[])
{
    Options options;
    options.gateway = Ipv4Address::GetAny();
    bool haveAddress = false;
    bool haveRange = false;
    for (int i = 1; i < argc; i++)
    {
        std::string argument = argv[i];
        auto equals = argument.find('=');
        std::string name = argument.substr(0, equals);
        std::string value = equals == std::string::npos ? "" : argument.substr(equals + 1);
        if (name == "--interface")
        {
            options.interface = value;
        }
        else if (name == "--address")
        {
            in_addr parsed{};
            haveAddress = inet_pton(AF_INET, value.c_str(), &parsed) == 1;
            options.address = Ipv4Address(value.c_str());
        }
        else if (name == "--range")
        {
            unsigned low = 0;
            unsigned high = 0;
            char dash = 0;
            std::istringstream in(value);
            haveRange = (in >> low >> dash >> high) && dash == '-' && low >= 1 && low <= high &&
                        high <= 65535;
            options.range = PeArpPortRange(haveRange ? low : 0, haveRange ? high : 0);
        }
        else if (name == "--gateway")
        {
            options.gateway = Ipv4Address(value.c_str());
        }
        else if (name == "--duration")
        {
            options.duration = std::stod(value);
        }
        else if (name == "--no-sysctl")
        {
            options.configure = false;
        }
        else if (name == "--verbose")
        {
            options.verbose = true;
        }
        else if (name == "--ready-file")
        {
            options.readyFile = value;
        }
        else
        {
            std::cerr << "pe-arp-agent: unknown option " << argument << "\n";
            std::exit(2);
        }
    }
    if (options.interface.empty() || !haveAddress || !haveRange)
    {
        std::cerr << "usage: pe-arp-agent --interface=IF --address=A.B.C.D --range=LOW-HIGH "
                     "[--gateway=A.B.C.D] [--duration=S] [--no-sysctl] [--ready-file=F] "
                     "[--verbose]\n";
        std::exit(2);
    }
    return options;
}

} // namespace

int
main(int argc, char* argv[])
{
    Options options = ParseOptions(argc, argv);
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);

    PeArpAgent agent(options);
    agent.Open();
    if (options.configure)
    {
        agent.Configure();
    }
    int status = 0;
    if (options.gateway != Ipv4Address::GetAny() && !agent.ResolveGateway())
    {
        std::cerr << "pe-arp-agent: gateway " << options.gateway << " did not answer\n";
        status = 1;
    }
    if (status == 0)
    {
        std::cout << "pe-arp-agent: answering for " << options.address << " ports " << options.range
                  << " on " << options.interface << std::endl;
        if (!options.readyFile.empty())
        {
            std::ofstream(options.readyFile) << "ready\n";
        }
        agent.Run(options.duration);
    }
    agent.Restore();
    agent.PrintCounters();
    return status;
}
