/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * Port-space isolation in a flow switch (the OVS paper of Du, Chen and
 * Nakao, sections 3.2 and 3.3): one CoreLab-like host whose guests share its
 * address 133.69.37.10.
 *
 *   B 133.69.37.1 ---- [ host: flow switch + controller, 133.69.37.10 ]
 *                         |            |                |
 *                        VM1          VM2      ...     VMn     all 133.69.37.10
 *                   10000-10099  10100-10199      (100 ports each)
 *
 * B sends --datagrams UDP datagrams to port 22 of each guest's range (the
 * paper's :10022 and :10122), and each guest pings B once. The table shows
 * per guest what arrived and the echo replies it got, then the switch's
 * state: flow entries (range entries per guest), lookups, misses, and in
 * ebtables mode the ICMP privacy leaks.
 *
 *   ./pearp run pe-arp-flow-switch --guests=4 --mode=ebtables
 *
 * With --check, exits non-zero unless every guest got exactly its own
 * datagrams.
 */

#include "ns3/core-module.h"
#include "ns3/csma-module.h"
#include "ns3/icmpv4.h"
#include "ns3/internet-module.h"
#include "ns3/network-module.h"
#include "ns3/packet-sink-helper.h"
#include "ns3/packet-sink.h"
#include "ns3/pe-arp-module.h"

#include <iomanip>
#include <iostream>
#include <map>

using namespace ns3;

NS_LOG_COMPONENT_DEFINE("PeArpFlowSwitchExample");

namespace
{

std::map<Ptr<Socket>, uint32_t> g_echoReplies; //!< echo replies per guest's raw socket

/**
 * Count echo replies on a guest's raw socket.
 * \param socket the socket
 */
void
ReceiveIcmp(Ptr<Socket> socket)
{
    while (Ptr<Packet> p = socket->Recv())
    {
        Ipv4Header ip;
        p->RemoveHeader(ip);
        Icmpv4Header icmp;
        p->RemoveHeader(icmp);
        g_echoReplies[socket] += icmp.GetType() == Icmpv4Header::ICMPV4_ECHO_REPLY ? 1 : 0;
    }
}

} // namespace

int
main(int argc, char* argv[])
{
    uint32_t guests = 2;
    uint32_t datagrams = 5;
    std::string mode = "ovs";
    std::string encoding = "value-mask";
    std::string icmpMatch = "source";
    std::string lookupDelay = "CONSTANT";
    bool check = false;
    CommandLine cmd(__FILE__);
    cmd.AddValue("guests", "number of guests (1-555: 100 ports each from 10000)", guests);
    cmd.AddValue("datagrams", "datagrams from B to each guest", datagrams);
    cmd.AddValue("mode", "ovs (section 3.3) or ebtables (section 3.2)", mode);
    cmd.AddValue("encoding",
                 "OVS mode: port ranges as value-mask or exact entries (ebtables mode: one "
                 "range entry per protocol)",
                 encoding);
    cmd.AddValue("icmpMatch", "ICMP reverse flows match the source, or source-and-id", icmpMatch);
    cmd.AddValue("lookupDelay", "NONE, CONSTANT or LOG2", lookupDelay);
    cmd.AddValue("check", "exit non-zero unless every guest got exactly its datagrams", check);
    cmd.Parse(argc, argv);
    NS_ABORT_MSG_UNLESS(guests >= 1 && guests <= 555, "--guests (" << guests << ") must be 1-555");
    NS_ABORT_MSG_UNLESS(mode == "ovs" || mode == "ebtables",
                        "--mode (" << mode << ") must be ovs or ebtables");
    NS_ABORT_MSG_UNLESS(encoding == "value-mask" || encoding == "exact",
                        "--encoding (" << encoding << ") must be value-mask or exact");
    NS_ABORT_MSG_UNLESS(icmpMatch == "source" || icmpMatch == "source-and-id",
                        "--icmpMatch (" << icmpMatch << ") must be source or source-and-id");

    Ipv4Address shared("133.69.37.10");
    Ipv4Address remoteAddress("133.69.37.1");
    Ptr<Node> host = CreateObject<Node>();
    Ptr<Node> remote = CreateObject<Node>();
    NodeContainer vms;
    vms.Create(guests);
    CsmaHelper csma;
    csma.SetChannelAttribute("DataRate", StringValue("1Gbps"));
    NetDeviceContainer ports;
    NetDeviceContainer peers;
    std::vector<Ptr<Node>> peerNodes = {remote};
    for (uint32_t i = 0; i < guests; ++i)
    {
        peerNodes.push_back(vms.Get(i));
    }
    for (const Ptr<Node>& peer : peerNodes)
    {
        NetDeviceContainer link = csma.Install(NodeContainer(host, peer));
        ports.Add(link.Get(0));
        peers.Add(link.Get(1));
    }
    InternetStackHelper stack;
    stack.Install(host);
    stack.Install(remote);
    PeArpStackHelper().Install(vms); // guests' ephemeral ports from their ranges (3.3c)
    Ipv4AddressHelper addresses("133.69.37.0", "255.255.255.0", "0.0.0.1");
    addresses.Assign(NetDeviceContainer(peers.Get(0)));

    PeArpFlowSwitchHelper helper;
    helper.SetDeviceAttribute("LookupDelay", StringValue(lookupDelay));
    helper.SetControllerAttribute("Mode", StringValue(mode == "ovs" ? "OVS" : "EBTABLES"));
    helper.SetControllerAttribute(
        "RangeEncoding",
        StringValue(encoding == "exact" ? "EXACT_PER_PORT" : "VALUE_MASK"));
    helper.SetControllerAttribute(
        "IcmpMatch",
        StringValue(icmpMatch == "source" ? "SOURCE_ONLY" : "SOURCE_AND_ID"));
    PeArpPortIsolation built =
        helper.InstallPortIsolation(host, ports, shared, Ipv4Mask("255.255.255.0"));

    // B resolves the shared address first: ns-3's ARP waits up to RequestJitter (10 ms) before
    // asking and queues only 3 packets meanwhile, which would drop the first datagrams.
    Simulator::Schedule(Seconds(0.9), [remote, shared]() {
        Ptr<Socket> warmUp = Socket::CreateSocket(remote, UdpSocketFactory::GetTypeId());
        warmUp->SendTo(Create<Packet>(1), 0, InetSocketAddress(shared, 9));
    });
    std::vector<Ptr<PacketSink>> sinks;
    std::vector<Ptr<Socket>> raw;
    Ptr<Socket> sender = Socket::CreateSocket(remote, UdpSocketFactory::GetTypeId());
    for (uint32_t i = 0; i < guests; ++i)
    {
        auto low = static_cast<uint16_t>(10000 + 100 * i);
        PeArpPortRange range(low, static_cast<uint16_t>(low + 99));
        helper.AddGuest(built, peers.Get(i + 1), i + 1, range, Seconds(0.5));
        vms.Get(i)->GetObject<PeArpPortAgent>()->SetRange(shared, range);
        PacketSinkHelper sinkHelper("ns3::UdpSocketFactory",
                                    InetSocketAddress(Ipv4Address::GetAny(), low + 22));
        ApplicationContainer app = sinkHelper.Install(vms.Get(i));
        app.Start(Seconds(0.6));
        sinks.push_back(DynamicCast<PacketSink>(app.Get(0)));
        for (uint32_t d = 0; d < datagrams; ++d)
        {
            Simulator::Schedule(Seconds(1) + MilliSeconds(d) + MicroSeconds(100 * i),
                                [sender, shared, low]() {
                                    sender->SendTo(
                                        Create<Packet>(100),
                                        0,
                                        InetSocketAddress(shared, static_cast<uint16_t>(low + 22)));
                                });
        }
        Ptr<Socket> s =
            Socket::CreateSocket(vms.Get(i), TypeId::LookupByName("ns3::Ipv4RawSocketFactory"));
        s->SetAttribute("Protocol", UintegerValue(1));
        s->SetRecvCallback(MakeCallback(&ReceiveIcmp));
        raw.push_back(s);
        auto id = static_cast<uint16_t>(i + 1);
        Simulator::Schedule(Seconds(2) + MicroSeconds(100 * i), [s, remoteAddress, id]() {
            Icmpv4Echo echo;
            echo.SetIdentifier(id);
            echo.SetSequenceNumber(1);
            echo.SetData(Create<Packet>(16));
            Ptr<Packet> p = Create<Packet>();
            p->AddHeader(echo);
            Icmpv4Header h;
            h.SetType(Icmpv4Header::ICMPV4_ECHO);
            p->AddHeader(h);
            s->SendTo(p, 0, InetSocketAddress(remoteAddress, 0));
        });
    }
    Simulator::Stop(Seconds(3));
    Simulator::Run();

    bool ok = true;
    std::cout << "mode " << mode << ", encoding " << (mode == "ebtables" ? "range" : encoding)
              << ", icmp match " << icmpMatch << ", lookup delay " << lookupDelay << "\n";
    std::cout << std::setw(6) << "guest" << std::setw(14) << "range" << std::setw(8) << "port"
              << std::setw(12) << "datagrams" << std::setw(14) << "echo replies"
              << "\n";
    for (uint32_t i = 0; i < guests; ++i)
    {
        uint32_t got = sinks[i]->GetTotalRx() / 100;
        ok = ok && got == datagrams;
        std::cout << std::setw(6) << ("VM" + std::to_string(i + 1)) << std::setw(14)
                  << (std::to_string(10000 + 100 * i) + "-" + std::to_string(10099 + 100 * i))
                  << std::setw(8) << 10022 + 100 * i << std::setw(12) << got << std::setw(14)
                  << g_echoReplies[raw[i]] << "\n";
    }
    const PeArpPortIsolationController::Counters& c = built.controller->GetCounters();
    const PeArpFlowTable::Counters& t = built.device->GetFlowTable()->GetCounters();
    std::cout << "flow entries: " << built.device->GetFlowTable()->GetNEntries() << " (peak "
              << t.peak << "), of which range entries " << c.rangeEntries
              << " (TCP and UDP, all guests)\n"
              << "lookups " << t.lookups << ", misses " << t.misses << ", masks "
              << built.device->GetFlowTable()->GetNMasks() << "\n"
              << "packet-ins " << c.packetIns << ", reverse flows " << c.reverseFlowsAdded
              << ", ICMP forced to all " << c.icmpForced << ", privacy leaks " << c.icmpPrivacyLeaks
              << "\n";
    Simulator::Destroy();
    if (check && !ok)
    {
        std::cerr << "check failed: a guest did not get exactly its datagrams\n";
        return 1;
    }
    return 0;
}
