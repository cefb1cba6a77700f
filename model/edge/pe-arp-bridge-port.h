/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BRIDGE_PORT_H
#define PE_ARP_BRIDGE_PORT_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <ostream>

namespace ns3
{

class PeArpBridgeNetDevice;

/**
 * \ingroup pe-arp
 * \brief One port of a PE-Bridge (ns3::PeArpBridgeNetDevice): a device of
 * the bridge's node, its index in the bridge, its role and its counters.
 *
 * The bridge creates one per AddBridgePort and hands every frame the
 * device receives to the port's object, which counts it, and sends every
 * frame through the port's object, which counts it by what it is (Kind)
 * and hands it to the device. The role says whether the port leads to the
 * gateway (UPLINK, exactly one port, chosen with the bridge's UplinkPort
 * attribute) or to the hosts (HOST_SIDE).
 *
 * The bridge's ports are reachable by index (PeArpBridgeNetDevice::GetPort)
 * and by the config path
 * /NodeList/[i]/DeviceList/[j]/$ns3::PeArpBridgeNetDevice/PortList/[n].
 */
class PeArpBridgePort : public Object
{
  public:
    /** Where a port leads. */
    enum Role
    {
        HOST_SIDE = 0, //!< toward the hosts (every port but the uplink)
        UPLINK,        //!< toward the gateway (attribute UplinkPort of the bridge)
    };

    /** What a frame the bridge sends through a port is (how it is counted). */
    enum Kind
    {
        FORWARDED = 0,  //!< bridged unchanged, to a learned port or flooded
        REWRITTEN,      //!< for a served address, with the destination MAC rewritten
        TARGETED,       //!< an ARP request sent through this port only (ArpSuppression)
        PROXY_REPLY,    //!< the bridge's reply to a standard request for a served address
        SHARER_REPLY,   //!< the bridge's answer to a sharer asking for an uplink address
        UPLINK_REQUEST, //!< the bridge's request from 0.0.0.0 for sharers
        PE_ARP_REQUEST, //!< a frame of the bridge's PE-ARP (its requests, retransmissions)
        ECHO_REPLY,     //!< an echo reply of the bridge (AnswerEcho)
    };

    /** The port's counters, readable after a run. */
    struct Counters
    {
        uint64_t framesReceived = 0;   //!< frames the device passed to the bridge (all it heard)
        uint64_t arpReceived = 0;      //!< of these, ARP frames (ethertype 0x0806)
        uint64_t framesSent = 0;       //!< frames handed to the device, of every Kind
        uint64_t arpSent = 0;          //!< of these, ARP frames
        uint64_t sendFailures = 0;     //!< of these, frames the device refused (e.g. queue full)
        uint64_t rewritten = 0;        //!< REWRITTEN frames: delivered to the port's sharer
        uint64_t suppressedFloods = 0; //!< TARGETED requests: sent here instead of flooded
        uint64_t keptOff = 0;          //!< ARP frames with a served sender kept off this port
        uint64_t proxyReplies = 0;     //!< PROXY_REPLY frames
        uint64_t sharerReplies = 0;    //!< SHARER_REPLY frames
        uint64_t uplinkRequests = 0;   //!< UPLINK_REQUEST frames
        uint64_t peArpRequests = 0;    //!< PE_ARP_REQUEST frames
        uint64_t echoReplies = 0;      //!< ECHO_REPLY frames
    };

    /**
     * TracedCallback signature for a frame received by the port.
     * \param [in] packet the frame's payload (no Ethernet header)
     * \param [in] protocol its ethertype
     * \param [in] source its source MAC
     * \param [in] destination its destination MAC
     */
    typedef void (*RxTracedCallback)(Ptr<const Packet> packet,
                                     uint16_t protocol,
                                     Mac48Address source,
                                     Mac48Address destination);

    /**
     * TracedCallback signature for a frame the bridge sends through the port.
     * \param [in] packet the frame's payload (no Ethernet header)
     * \param [in] protocol its ethertype
     * \param [in] source its source MAC
     * \param [in] destination its destination MAC
     * \param [in] kind what it is
     */
    typedef void (*TxTracedCallback)(Ptr<const Packet> packet,
                                     uint16_t protocol,
                                     Mac48Address source,
                                     Mac48Address destination,
                                     Kind kind);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param device the port's device (a device of the bridge's node)
     * \param index its index in the bridge, in the order of AddBridgePort
     * \param role where it leads
     */
    PeArpBridgePort(Ptr<NetDevice> device, uint32_t index, Role role);
    ~PeArpBridgePort() override;
    PeArpBridgePort(const PeArpBridgePort&) = delete;
    PeArpBridgePort& operator=(const PeArpBridgePort&) = delete;

    /** \return the port's device (null after disposal) */
    Ptr<NetDevice> GetDevice() const;
    /** \return the port's index in the bridge */
    uint32_t GetIndex() const;
    /** \return where the port leads */
    Role GetRole() const;
    /** \return true if the port is the bridge's uplink */
    bool IsUplink() const;
    /** \return the port's counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    friend class PeArpBridgeNetDevice; // the only one to send, count and set the role

    /**
     * \param role the port's new role (the bridge moves the uplink)
     */
    void SetRole(Role role);
    /**
     * Send a frame through the port's device, counted as its kind.
     * \param packet the payload
     * \param source source MAC
     * \param destination destination MAC
     * \param protocol the ethertype
     * \param kind what the frame is
     * \return what the device's SendFrom returned
     */
    bool Send(Ptr<Packet> packet,
              Mac48Address source,
              Mac48Address destination,
              uint16_t protocol,
              Kind kind);
    /**
     * Count a frame the device received.
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source MAC
     * \param destination destination MAC
     */
    void NotifyReceived(Ptr<const Packet> packet,
                        uint16_t protocol,
                        Mac48Address source,
                        Mac48Address destination);
    /** Count an ARP frame with a served sender that was kept off this port. */
    void NotifyKeptOff();

    Ptr<NetDevice> m_device; //!< the port's device
    uint32_t m_index;        //!< index in the bridge
    Role m_role;             //!< where it leads
    Counters m_counters;     //!< counters
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address> m_rxTrace;       //!< Rx
    TracedCallback<Ptr<const Packet>, uint16_t, Mac48Address, Mac48Address, Kind> m_txTrace; //!< Tx
};

/**
 * \param os a stream
 * \param role a role
 * \return the stream, with "uplink" or "host-side"
 */
std::ostream& operator<<(std::ostream& os, PeArpBridgePort::Role role);

/**
 * \param os a stream
 * \param kind a kind of frame
 * \return the stream, with "forwarded", "rewritten", ...
 */
std::ostream& operator<<(std::ostream& os, PeArpBridgePort::Kind kind);

} // namespace ns3

#endif /* PE_ARP_BRIDGE_PORT_H */
