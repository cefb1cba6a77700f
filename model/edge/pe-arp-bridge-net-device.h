/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BRIDGE_NET_DEVICE_H
#define PE_ARP_BRIDGE_NET_DEVICE_H

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/pe-arp-bridge-port.h"
#include "ns3/pe-arp-interface.h"
#include "ns3/pe-arp-ipv4.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class PeArpEchoResponder;
class PeArpHeader;
class PeArpL3Protocol;

/**
 * \ingroup pe-arp
 * \brief A PE-Bridge (PE-ARP paper, section IV.B, Figure 5): a learning
 * bridge in front of an unmodified gateway that delivers traffic for shared
 * addresses to the host owning the destination port.
 *
 * The bridge is configured with the shared addresses it serves. It answers
 * standard ARP requests for them with its own MAC address (so the
 * unmodified gateway, with ns-3's stock ARP, sends it all traffic for them)
 * and does not pass those requests to the hosts. A frame sent to the
 * bridge's MAC for a shared address is resolved with PE-ARP on (address,
 * port) -- the TCP/UDP destination port, or the ICMP key (see
 * ns3::PeArpIpv4Summary) -- and forwarded to the owning host with the
 * destination MAC rewritten and the source MAC kept; on a miss it waits in
 * the PE-ARP cache while a request is sent (bounded queue, drops counted).
 * The bridge's requests carry sender address 0.0.0.0 (as RFC 5227 probes),
 * so that hosts do not learn the bridge as a neighbour.
 *
 * Everything else is bridged as ns3::BridgeNetDevice does (learning,
 * flooding of broadcasts and unknown destinations), including PE-ARP
 * traffic between hosts. With ArpSuppression, a request for an address
 * the bridge has seen as the sender of an ARP frame is sent only to that
 * address' port instead of being flooded to every host.
 *
 * Each port is a ns3::PeArpBridgePort (GetPort): its device, its index,
 * its role and its counters; the bridge's counters are sums over them.
 *
 * The uplink (the port toward the gateway, the one port whose role is
 * PeArpBridgePort::UPLINK, chosen by the attribute UplinkPort: an index
 * in the order of AddBridgePort, by default the first port) never carries
 * an ARP frame whose sender is a shared address, except the bridge's own
 * answers: an RFC 826 or Linux gateway would learn the shared address at
 * that host's MAC from any such frame, request or reply, and send every
 * sharer's traffic to it. So frames between sharers stay on the hosts'
 * side, and a sharer's request for an address on the uplink side (the
 * gateway) is answered by the bridge with the MAC it has seen that address
 * use. If the bridge has not seen it, the bridge asks on the uplink itself,
 * from 0.0.0.0 (as an RFC 5227 probe, which gateways answer without
 * learning), and answers the sharers that asked when the reply comes; the
 * request also goes to the hosts' side, where a non-shared host answers it
 * directly. The bridge's own PE-ARP requests are not sent on the uplink.
 * Echo requests for shared addresses follow
 * PeArpL3Protocol's DefaultPort policy, or are answered by the bridge
 * (AnswerEcho).
 */
class PeArpBridgeNetDevice : public NetDevice, public PeArpInterface
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpBridgeNetDevice();
    ~PeArpBridgeNetDevice() override;
    PeArpBridgeNetDevice(const PeArpBridgeNetDevice&) = delete;
    PeArpBridgeNetDevice& operator=(const PeArpBridgeNetDevice&) = delete;

    /**
     * Add a port (a device of the same node that supports SendFrom, e.g. CSMA).
     * Its index is the number of ports before it; it is the uplink if
     * UplinkPort names that index.
     * \param port the port's device
     * \return the port's object
     */
    Ptr<PeArpBridgePort> AddBridgePort(Ptr<NetDevice> port);
    /** \return the number of ports */
    uint32_t GetNBridgePorts() const;
    /**
     * \param n port index (aborts if there is no such port)
     * \return the port's device
     */
    Ptr<NetDevice> GetBridgePort(uint32_t n) const;
    /**
     * \param n port index (aborts if there is no such port)
     * \return the port's object: role and counters
     */
    Ptr<PeArpBridgePort> GetPort(uint32_t n) const;
    /** \return the uplink's object (null if UplinkPort names no port yet) */
    Ptr<PeArpBridgePort> GetUplink() const;
    /**
     * Serve a shared address.
     * \param address the address
     */
    void AddSharedAddress(Ipv4Address address);
    /**
     * \param address an address
     * \return true if the bridge serves it
     */
    bool IsShared(Ipv4Address address) const;

    /**
     * \return standard ARP requests for shared addresses answered by the
     * bridge (the ports' proxyReplies, summed)
     */
    uint64_t GetProxiedRequests() const;
    /**
     * \return frames for shared addresses forwarded with a rewritten
     * destination, once per frame (a frame flooded to an unlearned
     * destination is counted once here, once per port in the ports' counters)
     */
    uint64_t GetRewrittenFrames() const;
    /** \return echo requests answered by the bridge (AnswerEcho) */
    uint64_t GetAnsweredEchoes() const;
    /**
     * Answer ICMP echo requests for shared addresses on behalf of their
     * hosts (the AnswerEcho attribute).
     * \param answer true to answer them
     */
    void SetAnswerEcho(bool answer);
    /** \return true if echo requests for shared addresses are answered here */
    bool GetAnswerEcho() const;
    /** \return the echo responder (AnswerEcho), or null */
    Ptr<PeArpEchoResponder> GetEchoResponder() const;
    /**
     * \return ARP requests sent only to their target's port instead of
     * flooded (the ports' suppressedFloods, summed)
     */
    uint64_t GetSuppressedFloods() const;
    /** \return the uplink's device (null if UplinkPort names no port yet) */
    Ptr<NetDevice> GetUplinkPort() const;
    /**
     * \return ARP frames with a shared sender that were kept off the uplink
     * (the ports' keptOff, summed: the uplink's, or uplinks' if it moved)
     */
    uint64_t GetKeptOffUplink() const;
    /**
     * \return sharers' requests for an uplink address answered by the bridge
     * (the ports' sharerReplies, summed)
     */
    uint64_t GetUplinkRequestsAnswered() const;
    /**
     * \return requests the bridge sent on the uplink, from 0.0.0.0, for
     * sharers (the ports' uplinkRequests, summed)
     */
    uint64_t GetUplinkRequestsSent() const;
    /** \return sharers' requests not relayed because MaxPendingUplink was reached */
    uint64_t GetUplinkRequestsDropped() const;

    // PeArpInterface
    Ptr<PeArpCache> GetCache() const override;
    Mac48Address GetMac48() const override;
    bool IsLocalAddress(Ipv4Address address) const override;
    std::optional<PeArpPortRange> GetOwnedRange(Ipv4Address address, uint16_t port) const override;
    std::optional<PeArpPortRange> GetOwnedRangeOverlapping(Ipv4Address address,
                                                           PeArpPortRange probed) const override;
    PeArpPortRange GetAnnouncedRange(Ipv4Address address) const override;
    std::optional<Ipv4Address> SelectSourceAddress(Ipv4Address target) const override;
    void SendArpFrame(Ptr<Packet> frame, const Address& to) override;
    bool SendResolved(Ptr<Packet> packet, const Address& to, const Address& source) override;

    // NetDevice
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
    /** Aborts if UplinkPort names no port: the bridge cannot work without it. */
    void DoInitialize() override;

  private:
    /**
     * Set the uplink (the UplinkPort attribute): the port of that index, if
     * there is one, becomes the uplink and the previous uplink a host-side
     * port; if the bridge has no port of that index yet, the port added with
     * it will be the uplink.
     * \param index a port index
     * \return false (the value is refused) if ports were added and none has
     * that index
     */
    bool SetUplinkIndex(uint32_t index);
    /** \return the UplinkPort attribute */
    uint32_t GetUplinkIndex() const;
    /**
     * \param member a counter of PeArpBridgePort::Counters
     * \return its sum over the ports
     */
    uint64_t SumOverPorts(uint64_t PeArpBridgePort::Counters::*member) const;
    /**
     * Handler of every frame a port receives (bound to the port's object).
     * \param port the port
     * \param device the port's device
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source hardware address
     * \param destination destination hardware address
     * \param packetType packet type
     */
    void ReceiveFromPort(Ptr<PeArpBridgePort> port,
                         Ptr<NetDevice> device,
                         Ptr<const Packet> packet,
                         uint16_t protocol,
                         const Address& source,
                         const Address& destination,
                         NetDevice::PacketType packetType);
    /**
     * Handle an ARP frame.
     * \param port the incoming port
     * \param packet the frame
     * \param source source MAC
     * \param destination destination MAC
     * \return true if the bridge consumed it
     */
    bool HandleArp(Ptr<PeArpBridgePort> port,
                   Ptr<const Packet> packet,
                   Mac48Address source,
                   Mac48Address destination);
    /**
     * Resolve and forward an IPv4 packet for a shared address.
     * \param port the incoming port
     * \param packet the packet
     * \param summary its summary
     * \param source source MAC
     */
    void ForwardShared(Ptr<PeArpBridgePort> port,
                       Ptr<const Packet> packet,
                       const PeArpIpv4Summary& summary,
                       Mac48Address source);
    /**
     * Forward a frame as a learning bridge does.
     * \param incoming the incoming port (null: none)
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source MAC
     * \param destination destination MAC
     */
    void Forward(Ptr<PeArpBridgePort> incoming,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 Mac48Address source,
                 Mac48Address destination);
    /**
     * Forward a frame as a learning bridge does, but never on the uplink.
     * \param incoming the incoming port (null: none)
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source MAC
     * \param destination destination MAC
     * \param kind what the frame is (FORWARDED or PE_ARP_REQUEST)
     * \return true if the frame would have gone out on the uplink
     */
    bool ForwardOffUplink(Ptr<PeArpBridgePort> incoming,
                          Ptr<const Packet> packet,
                          uint16_t protocol,
                          Mac48Address source,
                          Mac48Address destination,
                          PeArpBridgePort::Kind kind);
    /**
     * Forward a frame to one port or flood it.
     * \param incoming the incoming port (null: none)
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source MAC
     * \param destination destination MAC
     * \param excluded a port the frame must not go to (null: none)
     * \param kind what the frame is, for the ports' counters
     * \return true if the frame would have gone out on the excluded port
     */
    bool DoForward(Ptr<PeArpBridgePort> incoming,
                   Ptr<const Packet> packet,
                   uint16_t protocol,
                   Mac48Address source,
                   Mac48Address destination,
                   Ptr<PeArpBridgePort> excluded,
                   PeArpBridgePort::Kind kind);
    /**
     * A sharer asks for an address that is not shared: answer it if the
     * address was seen behind the uplink, else ask on the uplink for it.
     * \param port the port of the request
     * \param header the request
     * \return true if the bridge answered (the request goes no further)
     */
    bool HandleSharerRequest(Ptr<PeArpBridgePort> port, const PeArpHeader& header);
    /**
     * Answer a sharer's request for the hardware address of an address.
     * \param port the sharer's port
     * \param sharerIp the sharer's address
     * \param sharerMac the sharer's MAC
     * \param ip the address asked for
     * \param mac its MAC
     */
    void AnswerSharer(Ptr<PeArpBridgePort> port,
                      Ipv4Address sharerIp,
                      Mac48Address sharerMac,
                      Ipv4Address ip,
                      Mac48Address mac);
    /**
     * A reply to the bridge's request on the uplink: answer the sharers.
     * \param header the reply
     * \return true if it answered a pending request
     */
    bool HandleUplinkReply(const PeArpHeader& header);
    /**
     * \param source a MAC
     * \param port where it was seen
     */
    void Learn(Mac48Address source, Ptr<PeArpBridgePort> port);
    /**
     * \param destination a MAC
     * \return its port, or null if unknown or expired
     */
    Ptr<PeArpBridgePort> GetLearnedPort(Mac48Address destination) const;

    /** A sharer waiting for the answer to the bridge's request on the uplink. */
    struct Sharer
    {
        Ptr<PeArpBridgePort> port; //!< its port
        Ipv4Address ip;            //!< its address
        Mac48Address mac;          //!< its MAC
    };

    /** The bridge's outstanding request on the uplink for one address. */
    struct PendingUplink
    {
        Time expiration;             //!< when it is given up
        std::vector<Sharer> sharers; //!< who asked
    };

    /** A learned MAC. */
    struct Learned
    {
        Ptr<PeArpBridgePort> port; //!< where it was seen
        Time expiration;           //!< when it is forgotten
    };

    Ptr<Node> m_node;                                      //!< the node
    std::vector<Ptr<PeArpBridgePort>> m_ports;             //!< ports, by index
    Ptr<PeArpBridgePort> m_uplink;                         //!< the UPLINK port, or null
    std::map<Mac48Address, Learned> m_learned;             //!< learning table
    std::set<Ipv4Address> m_shared;                        //!< served shared addresses
    Mac48Address m_address;                                //!< the bridge's own MAC
    Ptr<PeArpCache> m_cache;                               //!< PE-ARP cache
    Ptr<PeArpL3Protocol> m_protocol;                       //!< the node's PE-ARP
    Ptr<PeArpEchoResponder> m_echoResponder;               //!< answers echoes (AnswerEcho), or null
    uint32_t m_ifIndex;                                    //!< device index
    uint16_t m_mtu;                                        //!< Mtu attribute
    Time m_expirationTime;                                 //!< ExpirationTime attribute
    std::string m_name;                                    //!< InterfaceName attribute
    NetDevice::ReceiveCallback m_rxCallback;               //!< up-call
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous up-call
    uint64_t m_rewrittenFrames;                            //!< counter
    bool m_arpSuppression;                                 //!< ArpSuppression attribute
    std::map<Ipv4Address, Mac48Address> m_arpSenders;      //!< addresses seen as ARP senders
    uint32_t m_uplinkIndex;                                //!< UplinkPort attribute
    Time m_uplinkRequestTimeout;                           //!< UplinkRequestTimeout attribute
    uint32_t m_maxPendingUplink;                           //!< MaxPendingUplink attribute
    std::map<Ipv4Address, PendingUplink> m_pendingUplink;  //!< the bridge's uplink requests
    uint32_t m_pendingSharers;                             //!< sharers in m_pendingUplink
    uint64_t m_uplinkRequestsDropped;                      //!< counter
};

} // namespace ns3

#endif /* PE_ARP_BRIDGE_NET_DEVICE_H */
