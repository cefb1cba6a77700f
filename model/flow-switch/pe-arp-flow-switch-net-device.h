/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_FLOW_SWITCH_NET_DEVICE_H
#define PE_ARP_FLOW_SWITCH_NET_DEVICE_H

#include "ns3/callback.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-flow-switch-port.h"
#include "ns3/pe-arp-flow-table.h"
#include "ns3/pe-arp-processing-cost.h"
#include "ns3/traced-callback.h"

#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A flow switch: a NetDevice with ports (ns3::PeArpFlowSwitchPort)
 * whose forwarding is decided by a flow table (ns3::PeArpFlowTable), as
 * the Open vSwitch datapath of the OVS port-space isolation paper (Du,
 * Chen, Nakao, section 3.3).
 *
 * The switch takes every frame its ports' devices receive (promiscuous
 * protocol handlers, as ns3::BridgeNetDevice), reads the frame's key once
 * (PeArpIpv4::Summarize for IPv4; the operation for ARP), looks it up, and,
 * after the lookup delay, applies the entry's actions. The switch device
 * itself is the LOCAL port, like Open vSwitch's br0: the host's IPv4 stack
 * sits on it; frames the stack sends are looked up with in_port LOCAL_PORT,
 * and the LOCAL action hands a frame up to the stack. FLOOD sends out of
 * every port but the one the frame came in on (not LOCAL). The MAC
 * rewrites use each port's SendFrom. A table miss is dropped and counted,
 * or handed to the controller (MissAction).
 *
 * Lookup delay (LookupDelay): NONE; CONSTANT, TcamDelay per frame (30 ns,
 * the FlowTableLookupDelay of ns-3's openflow module); LOG2, TcamDelay *
 * ceil(log2 n) for n entries, the TCAM model of ofswitch13
 * (m_tcamDelay * ceil(log2(flow entries))), with 0 for n <= 1 (ofswitch13
 * evaluates log2(0) there). n is the table's size at the lookup (ofswitch13
 * refreshes it every 100 ms).
 *
 * Processing cost (ProcessingCost, null by default: none): a FIFO server
 * (ns3::PeArpProcessingCost, as the NAT router uses) that every frame
 * hitting an entry is admitted to after the lookup delay, with its size as
 * the payload plus the 14-byte Ethernet header. Its actions are applied
 * after the wait the server returns, so back-to-back frames leave S apart;
 * a frame refused because QueueLimit frames wait is dropped and counted
 * (queueFullDrops). Misses and packet-outs are not charged.
 */
class PeArpFlowSwitchNetDevice : public NetDevice
{
  public:
    /** The in_port of frames sent by the switch's own stack (OpenFlow OFPP_LOCAL). */
    static const uint32_t LOCAL_PORT = 0xfffffffe;

    /** How long a lookup takes. */
    enum LookupDelayModel
    {
        NONE = 0, //!< no delay
        CONSTANT, //!< TcamDelay
        LOG2,     //!< TcamDelay * ceil(log2 n), n entries (0 for n <= 1)
    };

    /** What a table miss does. */
    enum MissAction
    {
        MISS_DROP = 0,       //!< drop, counted
        MISS_CONTROLLER = 1, //!< packet-in to the controller
    };

    /** The switch's counters (per-port counters are in the ports). */
    struct Counters
    {
        uint64_t frames = 0;         //!< frames looked up (from ports and from LOCAL)
        uint64_t missDrops = 0;      //!< table misses dropped (MISS_DROP, or no controller)
        uint64_t actionDrops = 0;    //!< frames an entry sent nowhere (DROP, or no output action)
        uint64_t badPortDrops = 0;   //!< OUTPUT copies to a port index the switch does not have
        uint64_t queueFullDrops = 0; //!< frames the ProcessingCost refused (QUEUE_FULL)
        uint64_t packetIns = 0;      //!< frames handed to the controller
        uint64_t localDelivered = 0; //!< frames handed to the switch's own stack
        uint64_t copiesSent = 0;     //!< copies handed to port devices
        uint64_t macRewrites = 0;    //!< copies sent with a rewritten MAC (Ethernet or ARP body)
    };

    /**
     * Packet-in: a frame for the controller.
     * \param device the switch
     * \param packet the frame's payload
     * \param protocol its EtherType
     * \param source its source MAC
     * \param destination its destination MAC
     * \param inPort the port it came in on (LOCAL_PORT from the stack)
     */
    typedef Callback<void,
                     Ptr<PeArpFlowSwitchNetDevice>,
                     Ptr<const Packet>,
                     uint16_t,
                     Mac48Address,
                     Mac48Address,
                     uint32_t>
        PacketInCallback;

    /**
     * TracedCallback signature for a lookup.
     * \param [in] packet the frame's payload
     * \param [in] inPort the port it came in on
     * \param [in] entry the entry it hit (null on a miss)
     * \param [in] delay the lookup delay applied
     */
    typedef void (*LookupTracedCallback)(Ptr<const Packet> packet,
                                         uint32_t inPort,
                                         Ptr<const PeArpFlowEntry> entry,
                                         Time delay);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpFlowSwitchNetDevice();
    ~PeArpFlowSwitchNetDevice() override;
    PeArpFlowSwitchNetDevice(const PeArpFlowSwitchNetDevice&) = delete;
    PeArpFlowSwitchNetDevice& operator=(const PeArpFlowSwitchNetDevice&) = delete;

    /**
     * Add a port: a device of the switch's node that supports SendFrom
     * (aborts, saying which, otherwise). Add the switch to the node first.
     * \param device the device
     * \return the port's object; its index is the number of ports before
     */
    Ptr<PeArpFlowSwitchPort> AddSwitchPort(Ptr<NetDevice> device);
    /** \return the number of ports */
    uint32_t GetNPorts() const;
    /**
     * \param index a port index (aborts, naming it, if there is no such port)
     * \return the port
     */
    Ptr<PeArpFlowSwitchPort> GetPort(uint32_t index) const;
    /** \return the flow table */
    Ptr<PeArpFlowTable> GetFlowTable() const;
    /**
     * \param callback called with each frame a CONTROLLER action or a miss
     * (MissAction MISS_CONTROLLER) hands to the controller
     */
    void SetPacketInCallback(PacketInCallback callback);
    /**
     * Packet-out: apply actions to a frame (the controller's reply to a
     * packet-in), without a lookup or delay.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on (FLOOD skips it)
     * \param actions the actions
     */
    void PacketOut(Ptr<const Packet> packet,
                   uint16_t protocol,
                   Mac48Address source,
                   Mac48Address destination,
                   uint32_t inPort,
                   const std::vector<PeArpFlowAction>& actions);
    /**
     * \param n a number of entries
     * \return the lookup delay for a table of n entries, under the model
     */
    Time GetLookupDelay(uint32_t n) const;
    /** \return the counters */
    const Counters& GetCounters() const;

    /**
     * The key of a frame, as the switch reads it.
     * \param packet the payload
     * \param protocol the EtherType
     * \param inPort the port it came in on
     * \return the key
     */
    static PeArpFlowKey MakeKey(Ptr<const Packet> packet, uint16_t protocol, uint32_t inPort);

    // NetDevice (the LOCAL port)
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    Ptr<Channel> GetChannel() const override;
    void SetAddress(Address address) override;
    Address GetAddress() const override;
    bool SetMtu(const uint16_t mtu) override;
    uint16_t GetMtu() const override;
    bool IsLinkUp() const override;
    void AddLinkChangeCallback(Callback<void> callback) override;
    bool IsBroadcast() const override;
    Address GetBroadcast() const override;
    bool IsMulticast() const override;
    Address GetMulticast(Ipv4Address multicastGroup) const override;
    Address GetMulticast(Ipv6Address addr) const override;
    bool IsPointToPoint() const override;
    bool IsBridge() const override;
    bool Send(Ptr<Packet> packet, const Address& dest, uint16_t protocolNumber) override;
    bool SendFrom(Ptr<Packet> packet,
                  const Address& source,
                  const Address& dest,
                  uint16_t protocolNumber) override;
    Ptr<Node> GetNode() const override;
    void SetNode(Ptr<Node> node) override;
    bool NeedsArp() const override;
    void SetReceiveCallback(NetDevice::ReceiveCallback cb) override;
    void SetPromiscReceiveCallback(NetDevice::PromiscReceiveCallback cb) override;
    bool SupportsSendFrom() const override;

  protected:
    void DoDispose() override;

  private:
    /**
     * A port's device received a frame (promiscuous protocol handler).
     * \param port the port
     * \param device its device
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param packetType how the device classified it
     */
    void ReceiveFromPort(Ptr<PeArpFlowSwitchPort> port,
                         Ptr<NetDevice> device,
                         Ptr<const Packet> packet,
                         uint16_t protocol,
                         const Address& source,
                         const Address& destination,
                         NetDevice::PacketType packetType);
    /**
     * Look a frame up and apply its entry after the lookup delay.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     */
    void Process(Ptr<const Packet> packet,
                 uint16_t protocol,
                 Mac48Address source,
                 Mac48Address destination,
                 uint32_t inPort);
    /**
     * After the lookup: apply the entry, or handle the miss.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     * \param entry the entry (null on a miss)
     */
    void Decide(Ptr<const Packet> packet,
                uint16_t protocol,
                Mac48Address source,
                Mac48Address destination,
                uint32_t inPort,
                Ptr<PeArpFlowEntry> entry);
    /**
     * After the processing cost's wait: apply the entry's actions.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     * \param entry the entry
     */
    void Forward(Ptr<const Packet> packet,
                 uint16_t protocol,
                 Mac48Address source,
                 Mac48Address destination,
                 uint32_t inPort,
                 Ptr<PeArpFlowEntry> entry);
    /**
     * Apply actions to a frame.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     * \param actions the actions
     */
    void Apply(Ptr<const Packet> packet,
               uint16_t protocol,
               Mac48Address source,
               Mac48Address destination,
               uint32_t inPort,
               const std::vector<PeArpFlowAction>& actions);
    /**
     * Hand a frame to the switch's own stack.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     */
    void DeliverLocal(Ptr<const Packet> packet,
                      uint16_t protocol,
                      Mac48Address source,
                      Mac48Address destination);
    /**
     * After the control channel's delay: the controller gets the frame.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     */
    void DeliverPacketIn(Ptr<const Packet> packet,
                         uint16_t protocol,
                         Mac48Address source,
                         Mac48Address destination,
                         uint32_t inPort);
    /**
     * Hand a frame to the controller (after ControllerDelay), or drop it
     * (counted) if there is none.
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the port it came in on
     */
    void PacketIn(Ptr<const Packet> packet,
                  uint16_t protocol,
                  Mac48Address source,
                  Mac48Address destination,
                  uint32_t inPort);

    std::vector<Ptr<PeArpFlowSwitchPort>> m_ports;         //!< ports, by index
    Ptr<PeArpFlowTable> m_table;                           //!< the flow table
    LookupDelayModel m_delayModel;                         //!< LookupDelay attribute
    Time m_tcamDelay;                                      //!< TcamDelay attribute
    MissAction m_missAction;                               //!< MissAction attribute
    Time m_controllerDelay;                                //!< ControllerDelay attribute
    Ptr<PeArpProcessingCost> m_cost;                       //!< ProcessingCost attribute
    PacketInCallback m_packetIn;                           //!< the controller
    Counters m_counters;                                   //!< counters
    Ptr<Node> m_node;                                      //!< node
    Mac48Address m_address;                                //!< the LOCAL port's MAC
    uint32_t m_ifIndex;                                    //!< interface index
    uint16_t m_mtu;                                        //!< MTU
    NetDevice::ReceiveCallback m_rxCallback;               //!< to the stack
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< to promiscuous handlers
    TracedCallback<Ptr<const Packet>, uint32_t, Ptr<const PeArpFlowEntry>, Time>
        m_lookupTrace; //!< Lookup
};

} // namespace ns3

#endif /* PE_ARP_FLOW_SWITCH_NET_DEVICE_H */
