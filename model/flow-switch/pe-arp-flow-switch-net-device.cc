/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-flow-switch-net-device.h"

#include "ns3/abort.h"
#include "ns3/channel.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-vector.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

#include <optional>
#include <string>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpFlowSwitchNetDevice");

NS_OBJECT_ENSURE_REGISTERED(PeArpFlowSwitchNetDevice);

namespace
{

const uint16_t IPV4_ETHERTYPE = 0x0800;   //!< IPv4
const uint16_t ARP_ETHERTYPE = 0x0806;    //!< ARP
const uint32_t ARP_SHA_OFFSET = 8;        //!< sender hardware address in an Ethernet/IPv4 ARP body
const uint32_t ETHERNET_HEADER_SIZE = 14; //!< destination, source, EtherType

} // namespace

TypeId
PeArpFlowSwitchNetDevice::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpFlowSwitchNetDevice")
            .SetParent<NetDevice>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpFlowSwitchNetDevice>()
            .AddAttribute("LookupDelay",
                          "How long a flow-table lookup takes: NONE; CONSTANT (TcamDelay, as "
                          "ns-3's openflow module); LOG2 (TcamDelay * ceil(log2 n) for n "
                          "entries, as ofswitch13's TCAM model; 0 for n <= 1).",
                          EnumValue(PeArpFlowSwitchNetDevice::CONSTANT),
                          MakeEnumAccessor(&PeArpFlowSwitchNetDevice::m_delayModel),
                          MakeEnumChecker(PeArpFlowSwitchNetDevice::NONE,
                                          "NONE",
                                          PeArpFlowSwitchNetDevice::CONSTANT,
                                          "CONSTANT",
                                          PeArpFlowSwitchNetDevice::LOG2,
                                          "LOG2"))
            .AddAttribute("TcamDelay",
                          "The unit of the lookup delay: 30 ns, ns-3 openflow's "
                          "FlowTableLookupDelay and ofswitch13's TCAMDelay (a NetFPGA TCAM).",
                          TimeValue(NanoSeconds(30)),
                          MakeTimeAccessor(&PeArpFlowSwitchNetDevice::m_tcamDelay),
                          MakeTimeChecker(Time(0), Seconds(1)))
            .AddAttribute("MissAction",
                          "What a table miss does: MISS_DROP (counted) or MISS_CONTROLLER "
                          "(packet-in; dropped and counted if no controller is set).",
                          EnumValue(PeArpFlowSwitchNetDevice::MISS_DROP),
                          MakeEnumAccessor(&PeArpFlowSwitchNetDevice::m_missAction),
                          MakeEnumChecker(PeArpFlowSwitchNetDevice::MISS_DROP,
                                          "MISS_DROP",
                                          PeArpFlowSwitchNetDevice::MISS_CONTROLLER,
                                          "MISS_CONTROLLER"))
            .AddAttribute("ControllerDelay",
                          "Time from a packet-in to the controller's handling of it (the "
                          "control channel and the controller; the controller runs in the "
                          "simulation). Unsourced: 0 by default.",
                          TimeValue(Time(0)),
                          MakeTimeAccessor(&PeArpFlowSwitchNetDevice::m_controllerDelay),
                          MakeTimeChecker(Time(0), Seconds(10)))
            .AddAttribute("ProcessingCost",
                          "Per-frame cost of forwarding, after the lookup delay (null: none); "
                          "see ns3::PeArpProcessingCost. Frames it refuses are counted as "
                          "queueFullDrops.",
                          PointerValue(),
                          MakePointerAccessor(&PeArpFlowSwitchNetDevice::m_cost),
                          MakePointerChecker<PeArpProcessingCost>())
            .AddAttribute("Mtu",
                          "The MAC-level MTU of the LOCAL port.",
                          UintegerValue(1500),
                          MakeUintegerAccessor(&PeArpFlowSwitchNetDevice::SetMtu,
                                               &PeArpFlowSwitchNetDevice::GetMtu),
                          MakeUintegerChecker<uint16_t>(68))
            .AddAttribute("FlowTable",
                          "The flow table.",
                          PointerValue(),
                          MakePointerAccessor(&PeArpFlowSwitchNetDevice::m_table),
                          MakePointerChecker<PeArpFlowTable>())
            .AddAttribute("PortList",
                          "The switch's ports, by index.",
                          ObjectVectorValue(),
                          MakeObjectVectorAccessor(&PeArpFlowSwitchNetDevice::m_ports),
                          MakeObjectVectorChecker<PeArpFlowSwitchPort>())
            .AddTraceSource("Lookup",
                            "A frame was looked up: its port, the entry it hit (null on a "
                            "miss) and the lookup delay.",
                            MakeTraceSourceAccessor(&PeArpFlowSwitchNetDevice::m_lookupTrace),
                            "ns3::PeArpFlowSwitchNetDevice::LookupTracedCallback");
    return tid;
}

PeArpFlowSwitchNetDevice::PeArpFlowSwitchNetDevice()
    : m_table(CreateObject<PeArpFlowTable>()),
      m_delayModel(CONSTANT),
      m_tcamDelay(NanoSeconds(30)),
      m_missAction(MISS_DROP),
      m_controllerDelay(Time(0)),
      m_address(Mac48Address::Allocate()),
      m_ifIndex(0),
      m_mtu(1500)
{
    NS_LOG_FUNCTION(this);
}

PeArpFlowSwitchNetDevice::~PeArpFlowSwitchNetDevice()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpFlowSwitchNetDevice::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (const Ptr<PeArpFlowSwitchPort>& port : m_ports)
    {
        port->Dispose(); // the node's protocol handler still holds it: release its device
    }
    m_ports.clear();
    if (m_table)
    {
        m_table->Dispose();
        m_table = nullptr;
    }
    m_packetIn = PacketInCallback();
    m_cost = nullptr;
    m_node = nullptr;
    m_rxCallback = NetDevice::ReceiveCallback();
    m_promiscRxCallback = NetDevice::PromiscReceiveCallback();
    NetDevice::DoDispose();
}

Ptr<PeArpFlowSwitchPort>
PeArpFlowSwitchNetDevice::AddSwitchPort(Ptr<NetDevice> device)
{
    NS_LOG_FUNCTION(this << device);
    NS_ABORT_MSG_UNLESS(m_node,
                        "PeArpFlowSwitchNetDevice::AddSwitchPort: add the switch to a node first");
    NS_ABORT_MSG_UNLESS(device && device->GetNode() == m_node,
                        "PeArpFlowSwitchNetDevice::AddSwitchPort: the device is not on the "
                        "switch's node "
                            << m_node->GetId());
    NS_ABORT_MSG_UNLESS(device->SupportsSendFrom(),
                        "PeArpFlowSwitchNetDevice::AddSwitchPort: the device (ifIndex "
                            << device->GetIfIndex() << ") does not support SendFrom");
    NS_ABORT_MSG_UNLESS(Mac48Address::IsMatchingType(device->GetAddress()),
                        "PeArpFlowSwitchNetDevice::AddSwitchPort: the device (ifIndex "
                            << device->GetIfIndex() << ") has no 48-bit MAC");
    auto index = static_cast<uint32_t>(m_ports.size());
    Ptr<PeArpFlowSwitchPort> port = CreateObject<PeArpFlowSwitchPort>(device, index);
    m_node->RegisterProtocolHandler(
        MakeCallback(&PeArpFlowSwitchNetDevice::ReceiveFromPort, this, port),
        0,
        device,
        true);
    m_ports.push_back(port);
    return port;
}

uint32_t
PeArpFlowSwitchNetDevice::GetNPorts() const
{
    return static_cast<uint32_t>(m_ports.size());
}

Ptr<PeArpFlowSwitchPort>
PeArpFlowSwitchNetDevice::GetPort(uint32_t index) const
{
    NS_ABORT_MSG_UNLESS(index < m_ports.size(),
                        "PeArpFlowSwitchNetDevice::GetPort: index "
                            << index << " is not a port (the switch has " << m_ports.size()
                            << " port(s))");
    return m_ports[index];
}

Ptr<PeArpFlowTable>
PeArpFlowSwitchNetDevice::GetFlowTable() const
{
    return m_table;
}

void
PeArpFlowSwitchNetDevice::SetPacketInCallback(PacketInCallback callback)
{
    m_packetIn = callback;
}

const PeArpFlowSwitchNetDevice::Counters&
PeArpFlowSwitchNetDevice::GetCounters() const
{
    return m_counters;
}

Time
PeArpFlowSwitchNetDevice::GetLookupDelay(uint32_t n) const
{
    switch (m_delayModel)
    {
    case NONE:
        return Time(0);
    case CONSTANT:
        return m_tcamDelay;
    case LOG2: {
        uint32_t bits = 0; // ceil(log2 n); 0 for n <= 1
        while (bits < 32 && (uint64_t(1) << bits) < n)
        {
            bits++;
        }
        return m_tcamDelay * static_cast<int64_t>(bits);
    }
    }
    return Time(0);
}

PeArpFlowKey
PeArpFlowSwitchNetDevice::MakeKey(Ptr<const Packet> packet, uint16_t protocol, uint32_t inPort)
{
    PeArpFlowKey key;
    key.inPort = inPort;
    key.ethType = protocol;
    if (protocol == IPV4_ETHERTYPE)
    {
        PeArpIpv4Summary s = PeArpIpv4::Summarize(packet);
        if (s.valid)
        {
            key.ipProto = s.protocol;
            key.ipSrc = s.source.Get();
            key.ipDst = s.destination.Get();
            key.l4Dst = s.hasPorts ? s.destinationPort : 0;
            if (s.isIcmp && !s.icmpMalformed)
            {
                key.icmpType = s.icmpType;
                key.icmpId = (s.IsEchoRequest() || s.IsEchoReply()) ? s.icmpIdentifier : 0;
            }
        }
    }
    else if (protocol == ARP_ETHERTYPE && packet->GetSize() >= 8)
    {
        uint8_t head[8];
        packet->CopyData(head, 8);
        key.arpOp = static_cast<uint16_t>((head[6] << 8) | head[7]);
    }
    return key;
}

void
PeArpFlowSwitchNetDevice::ReceiveFromPort(Ptr<PeArpFlowSwitchPort> port,
                                          Ptr<NetDevice> device,
                                          Ptr<const Packet> packet,
                                          uint16_t protocol,
                                          const Address& source,
                                          const Address& destination,
                                          NetDevice::PacketType packetType)
{
    NS_LOG_FUNCTION(this << port->GetIndex() << packet << protocol << source << destination
                         << packetType);
    Mac48Address source48 = Mac48Address::ConvertFrom(source);
    Mac48Address destination48 = Mac48Address::ConvertFrom(destination);
    port->NotifyReceived(packet, protocol, source48, destination48);
    Process(packet, protocol, source48, destination48, port->GetIndex());
}

void
PeArpFlowSwitchNetDevice::Process(Ptr<const Packet> packet,
                                  uint16_t protocol,
                                  Mac48Address source,
                                  Mac48Address destination,
                                  uint32_t inPort)
{
    m_counters.frames++;
    Time delay = GetLookupDelay(m_table->GetNEntries());
    Ptr<PeArpFlowEntry> entry =
        m_table->Lookup(MakeKey(packet, protocol, inPort), packet->GetSize());
    m_lookupTrace(packet, inPort, entry, delay);
    if (delay.IsZero())
    {
        Decide(packet, protocol, source, destination, inPort, entry);
    }
    else
    {
        Simulator::Schedule(delay,
                            &PeArpFlowSwitchNetDevice::Decide,
                            this,
                            packet,
                            protocol,
                            source,
                            destination,
                            inPort,
                            entry);
    }
}

void
PeArpFlowSwitchNetDevice::Decide(Ptr<const Packet> packet,
                                 uint16_t protocol,
                                 Mac48Address source,
                                 Mac48Address destination,
                                 uint32_t inPort,
                                 Ptr<PeArpFlowEntry> entry)
{
    if (m_ports.empty() && !m_table)
    {
        return; // disposed while the lookup was pending
    }
    if (entry)
    {
        if (!m_cost)
        {
            Apply(packet, protocol, source, destination, inPort, entry->actions);
            return;
        }
        std::optional<Time> wait = m_cost->Admit(packet->GetSize() + ETHERNET_HEADER_SIZE);
        if (!wait)
        {
            NS_LOG_LOGIC("processing cost: queue full, dropped");
            m_counters.queueFullDrops++;
            return;
        }
        if (wait->IsZero())
        {
            Apply(packet, protocol, source, destination, inPort, entry->actions);
            return;
        }
        Simulator::Schedule(*wait,
                            &PeArpFlowSwitchNetDevice::Forward,
                            this,
                            packet,
                            protocol,
                            source,
                            destination,
                            inPort,
                            entry);
        return;
    }
    if (m_missAction == MISS_CONTROLLER)
    {
        PacketIn(packet, protocol, source, destination, inPort);
        return;
    }
    NS_LOG_LOGIC("table miss from port " << inPort << ": dropped");
    m_counters.missDrops++;
}

void
PeArpFlowSwitchNetDevice::Forward(Ptr<const Packet> packet,
                                  uint16_t protocol,
                                  Mac48Address source,
                                  Mac48Address destination,
                                  uint32_t inPort,
                                  Ptr<PeArpFlowEntry> entry)
{
    if (m_ports.empty() && !m_table)
    {
        return; // disposed while the frame waited
    }
    Apply(packet, protocol, source, destination, inPort, entry->actions);
}

void
PeArpFlowSwitchNetDevice::PacketOut(Ptr<const Packet> packet,
                                    uint16_t protocol,
                                    Mac48Address source,
                                    Mac48Address destination,
                                    uint32_t inPort,
                                    const std::vector<PeArpFlowAction>& actions)
{
    NS_LOG_FUNCTION(this << packet << protocol << source << destination << inPort);
    Apply(packet, protocol, source, destination, inPort, actions);
}

void
PeArpFlowSwitchNetDevice::PacketIn(Ptr<const Packet> packet,
                                   uint16_t protocol,
                                   Mac48Address source,
                                   Mac48Address destination,
                                   uint32_t inPort)
{
    if (m_packetIn.IsNull())
    {
        NS_LOG_LOGIC("no controller: dropped");
        m_counters.missDrops++;
        return;
    }
    m_counters.packetIns++;
    if (m_controllerDelay.IsZero())
    {
        DeliverPacketIn(packet, protocol, source, destination, inPort);
        return;
    }
    Simulator::Schedule(m_controllerDelay,
                        &PeArpFlowSwitchNetDevice::DeliverPacketIn,
                        this,
                        packet,
                        protocol,
                        source,
                        destination,
                        inPort);
}

void
PeArpFlowSwitchNetDevice::DeliverPacketIn(Ptr<const Packet> packet,
                                          uint16_t protocol,
                                          Mac48Address source,
                                          Mac48Address destination,
                                          uint32_t inPort)
{
    if (!m_packetIn.IsNull()) // null after disposal
    {
        m_packetIn(this, packet, protocol, source, destination, inPort);
    }
}

void
PeArpFlowSwitchNetDevice::Apply(Ptr<const Packet> packet,
                                uint16_t protocol,
                                Mac48Address source,
                                Mac48Address destination,
                                uint32_t inPort,
                                const std::vector<PeArpFlowAction>& actions)
{
    NS_LOG_FUNCTION(this << packet << inPort << actions.size());
    Ptr<const Packet> current = packet;
    Mac48Address src = source;
    Mac48Address dst = destination;
    bool rewritten = false;
    bool sent = false;
    auto output = [&](const Ptr<PeArpFlowSwitchPort>& port) {
        port->Send(current->Copy(), src, dst, protocol);
        m_counters.copiesSent++;
        m_counters.macRewrites += rewritten ? 1 : 0;
        sent = true;
    };
    for (const PeArpFlowAction& action : actions)
    {
        switch (action.type)
        {
        case PeArpFlowAction::OUTPUT:
            if (action.port >= m_ports.size())
            {
                NS_LOG_LOGIC("OUTPUT to port " << action.port << ": no such port, dropped");
                m_counters.badPortDrops++;
                sent = true; // counted here, not also as an action drop
                break;
            }
            output(m_ports[action.port]);
            break;
        case PeArpFlowAction::FLOOD:
            for (const Ptr<PeArpFlowSwitchPort>& port : m_ports)
            {
                if (port->GetIndex() != inPort)
                {
                    output(port);
                }
            }
            sent = true;
            break;
        case PeArpFlowAction::LOCAL:
            if (inPort != LOCAL_PORT)
            {
                DeliverLocal(current, protocol, src, dst);
                sent = true;
            }
            break;
        case PeArpFlowAction::CONTROLLER:
            PacketIn(current, protocol, src, dst, inPort);
            sent = true;
            break;
        case PeArpFlowAction::DROP:
            break;
        case PeArpFlowAction::SET_DST_MAC:
            dst = action.mac;
            rewritten = true;
            break;
        case PeArpFlowAction::SET_SRC_MAC:
            src = action.mac;
            rewritten = true;
            break;
        case PeArpFlowAction::SET_ARP_SHA:
        case PeArpFlowAction::SET_ARP_THA:
            if (protocol == ARP_ETHERTYPE && current->GetSize() >= ARP_SHA_OFFSET + 6)
            {
                std::vector<uint8_t> bytes(current->GetSize());
                current->CopyData(bytes.data(), bytes.size());
                // Ethernet addresses; the target's follows the sender's two addresses.
                uint32_t offset = action.type == PeArpFlowAction::SET_ARP_SHA
                                      ? ARP_SHA_OFFSET
                                      : ARP_SHA_OFFSET + bytes[4] + bytes[5];
                if (bytes[4] == 6 && bytes.size() >= offset + 6)
                {
                    action.mac.CopyTo(&bytes[offset]);
                    current = Create<Packet>(bytes.data(), static_cast<uint32_t>(bytes.size()));
                    rewritten = true;
                }
            }
            break;
        }
    }
    if (!sent)
    {
        NS_LOG_LOGIC("no output action: dropped");
        m_counters.actionDrops++;
    }
}

void
PeArpFlowSwitchNetDevice::DeliverLocal(Ptr<const Packet> packet,
                                       uint16_t protocol,
                                       Mac48Address source,
                                       Mac48Address destination)
{
    NetDevice::PacketType type = NetDevice::PACKET_OTHERHOST;
    if (destination == m_address)
    {
        type = NetDevice::PACKET_HOST;
    }
    else if (destination.IsBroadcast())
    {
        type = NetDevice::PACKET_BROADCAST;
    }
    else if (destination.IsGroup())
    {
        type = NetDevice::PACKET_MULTICAST;
    }
    m_counters.localDelivered++;
    if (!m_promiscRxCallback.IsNull())
    {
        m_promiscRxCallback(this, packet, protocol, source, destination, type);
    }
    if (type != NetDevice::PACKET_OTHERHOST && !m_rxCallback.IsNull())
    {
        m_rxCallback(this, packet, protocol, source);
    }
}

// NetDevice

void
PeArpFlowSwitchNetDevice::SetIfIndex(const uint32_t index)
{
    m_ifIndex = index;
}

uint32_t
PeArpFlowSwitchNetDevice::GetIfIndex() const
{
    return m_ifIndex;
}

Ptr<Channel>
PeArpFlowSwitchNetDevice::GetChannel() const
{
    return nullptr;
}

void
PeArpFlowSwitchNetDevice::SetAddress(Address address)
{
    m_address = Mac48Address::ConvertFrom(address);
}

Address
PeArpFlowSwitchNetDevice::GetAddress() const
{
    return m_address;
}

bool
PeArpFlowSwitchNetDevice::SetMtu(const uint16_t mtu)
{
    m_mtu = mtu;
    return true;
}

uint16_t
PeArpFlowSwitchNetDevice::GetMtu() const
{
    return m_mtu;
}

bool
PeArpFlowSwitchNetDevice::IsLinkUp() const
{
    return true;
}

void
PeArpFlowSwitchNetDevice::AddLinkChangeCallback(Callback<void> callback)
{
}

bool
PeArpFlowSwitchNetDevice::IsBroadcast() const
{
    return true;
}

Address
PeArpFlowSwitchNetDevice::GetBroadcast() const
{
    return Mac48Address::GetBroadcast();
}

bool
PeArpFlowSwitchNetDevice::IsMulticast() const
{
    return true;
}

Address
PeArpFlowSwitchNetDevice::GetMulticast(Ipv4Address multicastGroup) const
{
    return Mac48Address::GetMulticast(multicastGroup);
}

Address
PeArpFlowSwitchNetDevice::GetMulticast(Ipv6Address addr) const
{
    return Mac48Address::GetMulticast(addr);
}

bool
PeArpFlowSwitchNetDevice::IsPointToPoint() const
{
    return false;
}

bool
PeArpFlowSwitchNetDevice::IsBridge() const
{
    return true;
}

bool
PeArpFlowSwitchNetDevice::Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber)
{
    return SendFrom(packet, m_address, dest, protocolNumber);
}

bool
PeArpFlowSwitchNetDevice::SendFrom(Ptr<Packet> packet,
                                   const Address& source,
                                   const Address& dest,
                                   uint16_t protocolNumber)
{
    NS_LOG_FUNCTION(this << packet << source << dest << protocolNumber);
    Process(packet,
            protocolNumber,
            Mac48Address::ConvertFrom(source),
            Mac48Address::ConvertFrom(dest),
            LOCAL_PORT);
    return true;
}

Ptr<Node>
PeArpFlowSwitchNetDevice::GetNode() const
{
    return m_node;
}

void
PeArpFlowSwitchNetDevice::SetNode(Ptr<Node> node)
{
    m_node = node;
}

bool
PeArpFlowSwitchNetDevice::NeedsArp() const
{
    return true;
}

void
PeArpFlowSwitchNetDevice::SetReceiveCallback(NetDevice::ReceiveCallback cb)
{
    m_rxCallback = cb;
}

void
PeArpFlowSwitchNetDevice::SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb)
{
    m_promiscRxCallback = cb;
}

bool
PeArpFlowSwitchNetDevice::SupportsSendFrom() const
{
    return true;
}

} // namespace ns3
