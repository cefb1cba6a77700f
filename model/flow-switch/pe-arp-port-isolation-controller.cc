/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-port-isolation-controller.h"

#include "ns3/abort.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/pe-arp-ipv4.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpPortIsolationController");

NS_OBJECT_ENSURE_REGISTERED(PeArpPortIsolationController);

namespace
{

const uint16_t IPV4 = 0x0800;                      //!< EtherType
const uint16_t ARP = 0x0806;                       //!< EtherType
const uint64_t COOKIE_BASE = 1;                    //!< rules 1, 2, 6 (host), 7
const uint64_t COOKIE_GUEST = uint64_t(1) << 32;   //!< | port: a guest's rules
const uint64_t COOKIE_REVERSE = uint64_t(2) << 32; //!< learned reverse flows
const uint8_t ICMP_ECHO_REPLY = 0;                 //!< ICMP type
const uint8_t ICMP_ECHO = 8;                       //!< ICMP type

} // namespace

TypeId
PeArpPortIsolationController::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpPortIsolationController")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpPortIsolationController>()
            .AddAttribute("Mode",
                          "OVS (the paper's section 3.3: guests share the host's MAC, flow "
                          "entries per range, learned ICMP reverse flows) or EBTABLES (section "
                          "3.2: destination-MAC translation by port, ICMP forced to every "
                          "guest). Set before Install.",
                          EnumValue(PeArpPortIsolationController::OVS),
                          MakeEnumAccessor(&PeArpPortIsolationController::m_mode),
                          MakeEnumChecker(PeArpPortIsolationController::OVS,
                                          "OVS",
                                          PeArpPortIsolationController::EBTABLES,
                                          "EBTABLES"))
            .AddAttribute("IcmpIdleTimeout",
                          "Idle timeout of a learned ICMP reverse flow (the OVS paper, section "
                          "3.3b: 10 s).",
                          TimeValue(Seconds(10)),
                          MakeTimeAccessor(&PeArpPortIsolationController::m_icmpIdleTimeout),
                          MakeTimeChecker(NanoSeconds(1)))
            .AddAttribute("IcmpMatch",
                          "How learned reverse flows match echo replies: SOURCE_ONLY (nw_src, "
                          "as deployed in the paper: guests pinging the same host all get every "
                          "reply) or SOURCE_AND_ID (also icmp_id, the paper's proposed fix).",
                          EnumValue(PeArpPortIsolationController::SOURCE_ONLY),
                          MakeEnumAccessor(&PeArpPortIsolationController::m_icmpMatch),
                          MakeEnumChecker(PeArpPortIsolationController::SOURCE_ONLY,
                                          "SOURCE_ONLY",
                                          PeArpPortIsolationController::SOURCE_AND_ID,
                                          "SOURCE_AND_ID"))
            .AddAttribute("RangeEncoding",
                          "OVS mode: how a guest's port range becomes flow entries: VALUE_MASK "
                          "(bitwise tp_dst, Open vSwitch after 1.5.0) or EXACT_PER_PORT (one "
                          "per port). EBTABLES mode always uses one RANGE entry per protocol.",
                          EnumValue(PeArpFlowMatch::VALUE_MASK),
                          MakeEnumAccessor(&PeArpPortIsolationController::m_rangeEncoding),
                          MakeEnumChecker(PeArpFlowMatch::VALUE_MASK,
                                          "VALUE_MASK",
                                          PeArpFlowMatch::EXACT_PER_PORT,
                                          "EXACT_PER_PORT"));
    return tid;
}

PeArpPortIsolationController::PeArpPortIsolationController()
    : m_mode(OVS),
      m_icmpIdleTimeout(Seconds(10)),
      m_icmpMatch(SOURCE_ONLY),
      m_rangeEncoding(PeArpFlowMatch::VALUE_MASK)
{
    NS_LOG_FUNCTION(this);
}

PeArpPortIsolationController::~PeArpPortIsolationController()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpPortIsolationController::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_switch = nullptr;
    m_reverse.clear();
    m_pingers.clear();
    m_guests.clear();
    Object::DoDispose();
}

Ptr<PeArpFlowEntry>
PeArpPortIsolationController::Add(uint16_t priority,
                                  const PeArpFlowMatch& match,
                                  std::vector<PeArpFlowAction> actions,
                                  uint64_t cookie,
                                  Time idle)
{
    PeArpFlowEntry e;
    e.priority = priority;
    e.match = match;
    e.actions = std::move(actions);
    e.cookie = cookie;
    e.idleTimeout = idle;
    return m_switch->GetFlowTable()->Add(e).entry;
}

void
PeArpPortIsolationController::Install(Ptr<PeArpFlowSwitchNetDevice> sw,
                                      uint32_t uplink,
                                      Ipv4Address shared)
{
    NS_LOG_FUNCTION(this << sw << uplink << shared);
    NS_ABORT_MSG_UNLESS(sw, "PeArpPortIsolationController::Install: no switch");
    NS_ABORT_MSG_UNLESS(uplink < sw->GetNPorts(),
                        "PeArpPortIsolationController::Install: uplink "
                            << uplink << " is not a port (the switch has " << sw->GetNPorts()
                            << " port(s))");
    m_switch = sw;
    m_uplink = uplink;
    m_shared = shared;
    m_hostMac = Mac48Address::ConvertFrom(sw->GetAddress());
    PeArpFlowMatch fromUplink = PeArpFlowMatch().SetInPort(uplink);
    if (m_mode == OVS)
    {
        Add(PRIORITY_UPLINK_ARP,
            PeArpFlowMatch(fromUplink).SetEthType(ARP),
            {PeArpFlowAction::Flood(), PeArpFlowAction::Local()},
            COOKIE_BASE);
    }
    else
    {
        Add(PRIORITY_UPLINK_ARP,
            PeArpFlowMatch(fromUplink).SetEthType(ARP).SetArpOp(1),
            {PeArpFlowAction::Local()},
            COOKIE_BASE);      // only the host answers
        InstallArpReplyRule(); // replies to everyone
        Add(PRIORITY_ICMP_REVERSE,
            PeArpFlowMatch(fromUplink).SetEthType(IPV4).SetIpProto(1),
            {PeArpFlowAction::Controller()},
            COOKIE_BASE); // forced to every guest (ForceIcmp)
    }
    Add(PRIORITY_HOST_ECHO,
        PeArpFlowMatch(fromUplink)
            .SetEthType(IPV4)
            .SetIpProto(1)
            .SetIcmpType(ICMP_ECHO)
            .SetIpDst(shared),
        {PeArpFlowAction::Local()},
        COOKIE_BASE);
    Add(PRIORITY_EGRESS,
        PeArpFlowMatch().SetInPort(PeArpFlowSwitchNetDevice::LOCAL_PORT),
        {PeArpFlowAction::Output(uplink)},
        COOKIE_BASE);
    Add(PRIORITY_DEFAULT, fromUplink, {PeArpFlowAction::Local()}, COOKIE_BASE);
    sw->SetPacketInCallback(MakeCallback(&PeArpPortIsolationController::PacketIn, this));
    sw->GetFlowTable()->TraceConnectWithoutContext(
        "FlowRemoved",
        MakeCallback(&PeArpPortIsolationController::FlowRemoved, this));
}

uint32_t
PeArpPortIsolationController::AddGuest(uint32_t port,
                                       PeArpPortRange range,
                                       std::optional<Mac48Address> mac)
{
    NS_LOG_FUNCTION(this << port << range);
    NS_ABORT_MSG_UNLESS(m_switch,
                        "PeArpPortIsolationController::AddGuest: Install the controller first");
    NS_ABORT_MSG_UNLESS(port < m_switch->GetNPorts(),
                        "PeArpPortIsolationController::AddGuest: port "
                            << port << " is not a port (the switch has " << m_switch->GetNPorts()
                            << " port(s))");
    NS_ABORT_MSG_IF(port == m_uplink,
                    "PeArpPortIsolationController::AddGuest: port " << port << " is the uplink");
    NS_ABORT_MSG_IF(m_guests.count(port),
                    "PeArpPortIsolationController::AddGuest: port " << port
                                                                    << " already has a guest");
    NS_ABORT_MSG_UNLESS(range.IsValid(),
                        "PeArpPortIsolationController::AddGuest: range " << range << " is invalid");
    NS_ABORT_MSG_IF(m_mode == EBTABLES && !mac,
                    "PeArpPortIsolationController::AddGuest: mac of the guest on port "
                        << port << " is needed in EBTABLES mode");
    std::vector<PeArpFlowAction> deliver = {PeArpFlowAction::Output(port)};
    std::vector<PeArpFlowAction> egress = {PeArpFlowAction::Output(m_uplink)};
    if (m_mode == EBTABLES)
    {
        deliver.insert(deliver.begin(), PeArpFlowAction::SetDstMac(*mac));
        egress.insert(egress.begin(), PeArpFlowAction::SetSrcMac(m_hostMac));
        Add(PRIORITY_EGRESS + 1,
            PeArpFlowMatch().SetInPort(port).SetEthType(ARP),
            {PeArpFlowAction::SetSrcMac(m_hostMac),
             PeArpFlowAction::SetArpSha(m_hostMac),
             PeArpFlowAction::Output(m_uplink)},
            COOKIE_GUEST | port);
    }
    uint16_t low = range.IsAll() ? 0 : range.GetLow();
    uint16_t high = range.IsAll() ? 65535 : range.GetHigh();
    uint64_t cookie = COOKIE_GUEST | port;
    uint32_t installed = 0;
    // ebtables matches a range natively (--ip-dport low:high): one entry per protocol
    PeArpFlowMatch::RangeEncoding encoding =
        m_mode == EBTABLES ? PeArpFlowMatch::RANGE : m_rangeEncoding;
    for (uint8_t proto : {6, 17})
    {
        PeArpFlowMatch base =
            PeArpFlowMatch().SetInPort(m_uplink).SetEthType(IPV4).SetIpProto(proto).SetIpDst(
                m_shared);
        for (const PeArpFlowMatch& m : base.ForPortRange(low, high, encoding))
        {
            installed += Add(PRIORITY_GUEST_RANGE, m, deliver, cookie) ? 1 : 0;
        }
    }
    Add(PRIORITY_GUEST_ECHO,
        PeArpFlowMatch().SetInPort(port).SetEthType(IPV4).SetIpProto(1).SetIcmpType(ICMP_ECHO),
        {PeArpFlowAction::Controller()},
        cookie);
    Add(PRIORITY_EGRESS, PeArpFlowMatch().SetInPort(port), egress, cookie);
    m_guests.insert(port);
    m_counters.guests++;
    if (m_mode == EBTABLES)
    {
        m_guestMacs[port] = *mac;
        InstallArpReplyRule();
    }
    m_counters.rangeEntries += installed;
    NS_LOG_INFO("guest on port " << port << ": range " << range << " in " << installed
                                 << " entries");
    return installed;
}

uint32_t
PeArpPortIsolationController::RemoveGuest(uint32_t port)
{
    NS_LOG_FUNCTION(this << port);
    if (!m_switch || !m_guests.erase(port))
    {
        return 0;
    }
    m_counters.guests--;
    uint32_t removed = m_switch->GetFlowTable()->DeleteByCookie(COOKIE_GUEST | port);
    if (m_mode == EBTABLES)
    {
        m_guestMacs.erase(port);
        InstallArpReplyRule();
    }
    return removed;
}

void
PeArpPortIsolationController::PacketIn(Ptr<PeArpFlowSwitchNetDevice> sw,
                                       Ptr<const Packet> packet,
                                       uint16_t protocol,
                                       Mac48Address source,
                                       Mac48Address destination,
                                       uint32_t inPort)
{
    NS_LOG_FUNCTION(this << packet << inPort);
    m_counters.packetIns++;
    PeArpIpv4Summary s = PeArpIpv4::Summarize(packet);
    if (m_mode == EBTABLES)
    {
        if (inPort == m_uplink)
        {
            ForceIcmp(packet, source, destination, s);
            return;
        }
        if (protocol == IPV4 && s.valid && s.IsEchoRequest())
        {
            m_pingers[{s.destination, s.icmpIdentifier}] = inPort;
        }
        sw->PacketOut(packet,
                      protocol,
                      m_hostMac,
                      destination,
                      inPort,
                      {PeArpFlowAction::Output(m_uplink)});
        return;
    }
    if (protocol == IPV4 && s.valid && s.IsEchoRequest() && m_guests.count(inPort))
    {
        uint16_t id = m_icmpMatch == SOURCE_AND_ID ? s.icmpIdentifier : 0;
        ReverseFlow& flow = m_reverse[{s.destination, id}];
        if (!flow.entry || flow.guests.insert(inPort).second)
        {
            flow.guests.insert(inPort);
            PeArpFlowMatch m = PeArpFlowMatch()
                                   .SetInPort(m_uplink)
                                   .SetEthType(IPV4)
                                   .SetIpProto(1)
                                   .SetIcmpType(ICMP_ECHO_REPLY)
                                   .SetIpSrc(s.destination);
            if (m_icmpMatch == SOURCE_AND_ID)
            {
                m.SetIcmpId(id);
            }
            std::vector<PeArpFlowAction> actions;
            for (uint32_t guest : flow.guests)
            {
                actions.push_back(PeArpFlowAction::Output(guest)); // VM1|VM2
            }
            flow.entry = nullptr; // the replaced entry's removal must not forget the flow
            flow.entry = Add(PRIORITY_ICMP_REVERSE, m, actions, COOKIE_REVERSE, m_icmpIdleTimeout);
            m_counters.reverseFlowsAdded++;
            NS_LOG_INFO("reverse flow " << m << " -> " << flow.guests.size() << " guest(s)");
        }
    }
    sw->PacketOut(packet,
                  protocol,
                  source,
                  destination,
                  inPort,
                  {PeArpFlowAction::Output(m_uplink)});
}

void
PeArpPortIsolationController::ForceIcmp(Ptr<const Packet> packet,
                                        Mac48Address source,
                                        Mac48Address destination,
                                        const PeArpIpv4Summary& summary)
{
    std::optional<uint32_t> originator;
    if (summary.valid && summary.IsEchoReply())
    {
        auto it = m_pingers.find({summary.source, summary.icmpIdentifier});
        if (it != m_pingers.end())
        {
            originator = it->second;
        }
    }
    m_counters.icmpForced++;
    for (uint32_t guest : m_guests)
    {
        m_counters.icmpPrivacyLeaks += (originator && *originator == guest) ? 0 : 1;
    }
    m_switch->PacketOut(packet,
                        IPV4,
                        source,
                        Mac48Address::GetBroadcast(),
                        m_uplink,
                        {PeArpFlowAction::Flood(), PeArpFlowAction::Local()});
}

void
PeArpPortIsolationController::InstallArpReplyRule()
{
    std::vector<PeArpFlowAction> actions = {
        PeArpFlowAction::SetDstMac(Mac48Address::GetBroadcast())};
    for (const auto& [port, mac] : m_guestMacs)
    {
        actions.push_back(PeArpFlowAction::SetArpTha(mac));
        actions.push_back(PeArpFlowAction::Output(port));
    }
    actions.push_back(PeArpFlowAction::SetArpTha(m_hostMac));
    actions.push_back(PeArpFlowAction::Local());
    Add(PRIORITY_UPLINK_ARP,
        PeArpFlowMatch().SetInPort(m_uplink).SetEthType(ARP).SetArpOp(2),
        actions,
        COOKIE_BASE);
}

void
PeArpPortIsolationController::FlowRemoved(Ptr<const PeArpFlowEntry> entry,
                                          PeArpFlowEntry::RemovedReason reason)
{
    if (entry->cookie != COOKIE_REVERSE)
    {
        return;
    }
    for (auto it = m_reverse.begin(); it != m_reverse.end(); ++it)
    {
        if (it->second.entry == entry)
        {
            NS_LOG_INFO("reverse flow from " << it->first.first << " removed: " << reason);
            m_counters.reverseFlowsExpired += reason == PeArpFlowEntry::IDLE_TIMEOUT ? 1 : 0;
            m_reverse.erase(it);
            return;
        }
    }
}

std::map<std::pair<Ipv4Address, uint16_t>, std::set<uint32_t>>
PeArpPortIsolationController::GetReverseFlows() const
{
    std::map<std::pair<Ipv4Address, uint16_t>, std::set<uint32_t>> flows;
    for (const auto& [key, flow] : m_reverse)
    {
        flows[key] = flow.guests;
    }
    return flows;
}

const PeArpPortIsolationController::Counters&
PeArpPortIsolationController::GetCounters() const
{
    return m_counters;
}

} // namespace ns3
