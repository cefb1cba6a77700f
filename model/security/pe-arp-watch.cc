/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-watch.h"

#include "ns3/csma-net-device.h"
#include "ns3/ethernet-header.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpWatch");

NS_OBJECT_ENSURE_REGISTERED(PeArpWatch);

TypeId
PeArpWatch::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpWatch")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpWatch>()
            .AddAttribute("ConflictWindow",
                          "Another MAC claiming a range whose holder was heard within this "
                          "time is a conflict (range claimed twice); after it, a changed "
                          "ethernet address.",
                          TimeValue(Seconds(60)),
                          MakeTimeAccessor(&PeArpWatch::m_conflictWindow),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("ReplyWindow",
                          "How long a request seen waits for its reply; a reply with no "
                          "request within it is unsolicited.",
                          TimeValue(Seconds(5)),
                          MakeTimeAccessor(&PeArpWatch::m_replyWindow),
                          MakeTimeChecker(Seconds(0)))
            .AddAttribute("MaxStations",
                          "Stations kept at most; claims beyond are counted, not kept.",
                          UintegerValue(65536),
                          MakeUintegerAccessor(&PeArpWatch::m_maxStations),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxReports",
                          "Reports kept at most (all are counted and traced).",
                          UintegerValue(10000),
                          MakeUintegerAccessor(&PeArpWatch::m_maxReports),
                          MakeUintegerChecker<uint32_t>(0))
            .AddAttribute("MaxRequestsRemembered",
                          "Requests remembered per (requester MAC, asked address); the "
                          "oldest is forgotten first.",
                          UintegerValue(16),
                          MakeUintegerAccessor(&PeArpWatch::m_maxAsked),
                          MakeUintegerChecker<uint32_t>(1, 1024))
            .AddTraceSource("Report",
                            "A report (new station, changed ethernet address, flip flop, ...).",
                            MakeTraceSourceAccessor(&PeArpWatch::m_reportTrace),
                            "ns3::PeArpWatch::ReportTracedCallback");
    return tid;
}

PeArpWatch::PeArpWatch()
    : m_mask(Ipv4Mask::GetZero()),
      m_stationCount(0),
      m_counts{},
      m_frames(0),
      m_malformed(0),
      m_tableFull(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpWatch::~PeArpWatch()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpWatch::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& [node, device] : m_installed)
    {
        node->UnregisterProtocolHandler(MakeCallback(&PeArpWatch::Receive, this));
        if (DynamicCast<CsmaNetDevice>(device))
        {
            device->TraceDisconnectWithoutContext("MacTx",
                                                  MakeCallback(&PeArpWatch::Transmitted, this));
        }
    }
    m_installed.clear();
    m_stations.clear();
    m_asked.clear();
    m_shared.clear();
    m_reports.clear();
    Object::DoDispose();
}

void
PeArpWatch::Install(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_UNLESS(device && device->GetNode(),
                        "PeArpWatch::Install: the device must be on a node");
    Ptr<Node> node = device->GetNode();
    node->RegisterProtocolHandler(MakeCallback(&PeArpWatch::Receive, this),
                                  PeArpL3Protocol::PROT_NUMBER,
                                  device,
                                  true);
    // A device does not receive its own frames: watch what it sends too.
    if (DynamicCast<CsmaNetDevice>(device))
    {
        device->TraceConnectWithoutContext("MacTx", MakeCallback(&PeArpWatch::Transmitted, this));
    }
    m_installed.emplace_back(node, device);
}

void
PeArpWatch::Transmitted(Ptr<const Packet> frame)
{
    EthernetHeader ethernet(false);
    Ptr<Packet> copy = frame->Copy();
    if (copy->RemoveHeader(ethernet) != 0 &&
        ethernet.GetLengthType() == PeArpL3Protocol::PROT_NUMBER)
    {
        Watch(copy);
    }
}

void
PeArpWatch::SetNetwork(Ipv4Address network, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(this << network << mask);
    m_network = network.CombineMask(mask);
    m_mask = mask;
}

void
PeArpWatch::AddSharedAddress(Ipv4Address address)
{
    NS_LOG_FUNCTION(this << address);
    m_shared.insert(address.Get());
}

void
PeArpWatch::Receive(Ptr<NetDevice> device,
                    Ptr<const Packet> packet,
                    uint16_t protocol,
                    const Address& from,
                    const Address& to,
                    NetDevice::PacketType type)
{
    Watch(packet);
}

void
PeArpWatch::Watch(Ptr<const Packet> packet)
{
    NS_LOG_FUNCTION(this << packet);
    m_frames++;
    PeArpHeader header = PeArpHeader::Parse(packet);
    if (header.GetParseError() != PeArpHeader::PARSE_OK)
    {
        m_malformed++;
        NS_LOG_LOGIC("malformed: " << PeArpHeader::ParseErrorToString(header.GetParseError()));
        return;
    }
    Ipv4Address sender = header.GetSenderIp();
    if (sender == Ipv4Address::GetAny())
    {
        return; // a probe (RFC 5227) claims nothing
    }
    Mac48Address mac = header.GetSenderMac();
    if (sender.IsBroadcast() || sender.IsMulticast() || mac.IsGroup() ||
        (m_mask != Ipv4Mask::GetZero() && !m_mask.IsMatch(sender, m_network)) ||
        (m_mask != Ipv4Mask::GetZero() && sender.IsSubnetDirectedBroadcast(m_mask)))
    {
        Emit(BOGON, header, mac);
        return;
    }
    if (header.IsRequest())
    {
        std::vector<Asked>& asked = m_asked[AskKey(mac, header.GetTargetIp())];
        if (asked.size() >= m_maxAsked)
        {
            asked.erase(asked.begin());
        }
        asked.push_back(
            {header.HasExtension() ? header.GetTargetPort() : uint16_t(0), Simulator::Now()});
    }
    else if (header.IsReply() && !Solicited(header))
    {
        Emit(UNSOLICITED_REPLY, header, mac);
    }
    Claim(header);
}

bool
PeArpWatch::Solicited(const PeArpHeader& header)
{
    auto it = m_asked.find(AskKey(header.GetTargetMac(), header.GetSenderIp()));
    if (it == m_asked.end())
    {
        return false;
    }
    std::vector<Asked>& asked = it->second;
    Time oldest = Simulator::Now() - m_replyWindow;
    asked.erase(std::remove_if(asked.begin(),
                               asked.end(),
                               [oldest](const Asked& a) { return a.at < oldest; }),
                asked.end());
    PeArpPortRange range = header.HasExtension() ? header.GetSenderRange() : PeArpPortRange();
    for (auto a = asked.begin(); a != asked.end(); ++a)
    {
        if (a->port == 0 || range.IsAll() || range.Contains(a->port))
        {
            asked.erase(a);
            if (asked.empty())
            {
                m_asked.erase(it);
            }
            return true;
        }
    }
    if (asked.empty())
    {
        m_asked.erase(it);
    }
    return false;
}

void
PeArpWatch::Claim(const PeArpHeader& header)
{
    Ipv4Address address = header.GetSenderIp();
    Mac48Address mac = header.GetSenderMac();
    PeArpPortRange range = header.HasExtension() ? header.GetSenderRange() : PeArpPortRange();
    std::map<uint16_t, Station>& stations = m_stations[address.Get()];
    if (range.IsAll())
    {
        if (m_shared.count(address.Get()) != 0)
        {
            Emit(STANDARD_ARP_FOR_SHARED, header, mac);
            return; // never a station: it would cover every range
        }
    }
    else
    {
        m_shared.insert(address.Get());
    }
    Time now = Simulator::Now();
    auto exact = stations.find(range.GetLow());
    if (exact != stations.end() && exact->second.high == range.GetHigh())
    {
        Station& s = exact->second;
        if (s.mac != mac)
        {
            Event event = mac == s.previousMac                    ? FLIP_FLOP
                          : now - s.lastHeard <= m_conflictWindow ? RANGE_CLAIMED_TWICE
                                                                  : CHANGED_ETHERNET_ADDRESS;
            Emit(event, header, s.mac);
            s.previousMac = s.mac;
            s.mac = mac;
        }
        s.lastHeard = now;
        return;
    }
    // Stations overlapping [low, high]: walking back from the last one that
    // starts at or below high, until one ends below low. Ranges of one
    // address are disjoint unless reported, so this visits very few.
    bool overlapOther = false;
    bool moved = false;
    Mac48Address other;
    auto it = stations.upper_bound(range.GetHigh());
    while (it != stations.begin())
    {
        auto previous = std::prev(it);
        if (previous->second.high < range.GetLow())
        {
            break;
        }
        if (previous->second.mac == mac)
        {
            // The host moved its own range (e.g. renumbered by DHCP).
            it = stations.erase(previous);
            m_stationCount--;
            moved = true;
            continue;
        }
        overlapOther = true;
        other = previous->second.mac;
        it = previous;
    }
    if (m_stationCount >= m_maxStations)
    {
        m_tableFull++;
        NS_LOG_LOGIC("station table full: " << address << ":" << range << " not kept");
    }
    else if (stations.count(range.GetLow()) == 0)
    {
        // (A range starting where another MAC's does is reported, not kept:
        // the holder's station stays.)
        Station s;
        s.high = range.GetHigh();
        s.mac = mac;
        s.previousMac = mac;
        s.lastHeard = now;
        stations.emplace(range.GetLow(), s);
        m_stationCount++;
    }
    if (overlapOther)
    {
        Emit(RANGE_OVERLAP, header, other);
    }
    else if (moved)
    {
        NS_LOG_INFO("moved range " << address << ":" << range << " " << mac);
    }
    else
    {
        Emit(NEW_STATION, header, mac);
    }
}

void
PeArpWatch::Emit(Event event, const PeArpHeader& header, Mac48Address previousMac)
{
    Report r;
    r.time = Simulator::Now();
    r.event = event;
    r.address = header.GetSenderIp();
    r.range = header.HasExtension() ? header.GetSenderRange() : PeArpPortRange();
    r.mac = header.GetSenderMac();
    r.previousMac = previousMac;
    m_counts[event]++;
    NS_LOG_INFO(event << " " << r.address << ":" << r.range << " " << r.mac);
    if (m_reports.size() < m_maxReports)
    {
        m_reports.push_back(r);
    }
    m_reportTrace(r);
}

uint64_t
PeArpWatch::AskKey(Mac48Address mac, Ipv4Address address)
{
    uint8_t bytes[6];
    mac.CopyTo(bytes);
    uint64_t key = 0;
    for (uint8_t b : bytes)
    {
        key = (key << 8) | b;
    }
    // 48 bits of MAC and 32 of address do not fit 64: mix the address in.
    return key ^ (uint64_t(address.Get()) * 0x9e3779b97f4a7c15ULL);
}

const std::vector<PeArpWatch::Report>&
PeArpWatch::GetReports() const
{
    return m_reports;
}

uint64_t
PeArpWatch::GetCount(Event event) const
{
    NS_ABORT_MSG_UNLESS(event < EVENT_COUNT, "PeArpWatch::GetCount: no event " << int(event));
    return m_counts[event];
}

uint64_t
PeArpWatch::GetFramesWatched() const
{
    return m_frames;
}

uint64_t
PeArpWatch::GetMalformed() const
{
    return m_malformed;
}

uint32_t
PeArpWatch::GetStations() const
{
    return m_stationCount;
}

std::string
PeArpWatch::EventToString(Event event)
{
    switch (event)
    {
    case NEW_STATION:
        return "new station";
    case CHANGED_ETHERNET_ADDRESS:
        return "changed ethernet address";
    case FLIP_FLOP:
        return "flip flop";
    case RANGE_CLAIMED_TWICE:
        return "range claimed twice";
    case RANGE_OVERLAP:
        return "range overlap";
    case STANDARD_ARP_FOR_SHARED:
        return "standard arp for shared address";
    case BOGON:
        return "bogon";
    case UNSOLICITED_REPLY:
        return "unsolicited reply";
    default:
        return "unknown event";
    }
}

void
PeArpWatch::Print(std::ostream& os) const
{
    for (const Report& r : m_reports)
    {
        os << std::fixed << r.time.GetSeconds() << " s " << r.event << " " << r.address << ":"
           << r.range << " " << r.mac;
        if (r.previousMac != r.mac)
        {
            os << " (" << r.previousMac << ")";
        }
        os << std::endl;
    }
    os.unsetf(std::ios_base::floatfield);
}

std::ostream&
operator<<(std::ostream& os, PeArpWatch::Event event)
{
    return os << PeArpWatch::EventToString(event);
}

} // namespace ns3
