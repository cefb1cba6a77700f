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
 * The uplink (the port toward the gateway, attribute UplinkPort: an index
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
     * \param port the port
     */
    void AddBridgePort(Ptr<NetDevice> port);
    /** \return the number of ports */
    uint32_t GetNBridgePorts() const;
    /**
     * \param n port index
     * \return the port
     */
    Ptr<NetDevice> GetBridgePort(uint32_t n) const;
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

    /** \return standard ARP requests for shared addresses answered by the bridge */
    uint64_t GetProxiedRequests() const;
    /** \return frames for shared addresses forwarded with a rewritten destination */
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
    /** \return ARP requests sent only to their target's port instead of flooded */
    uint64_t GetSuppressedFloods() const;
    /** \return the uplink port (null if the bridge has fewer ports than UplinkPort) */
    Ptr<NetDevice> GetUplinkPort() const;
    /** \return ARP frames with a shared sender that were kept off the uplink */
    uint64_t GetKeptOffUplink() const;
    /** \return sharers' requests for an uplink address answered by the bridge */
    uint64_t GetUplinkRequestsAnswered() const;
    /** \return requests the bridge sent on the uplink, from 0.0.0.0, for sharers */
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

  private:
    /**
     * Handler of every frame a port receives.
     * \param port the port
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source hardware address
     * \param destination destination hardware address
     * \param packetType packet type
     */
    void ReceiveFromPort(Ptr<NetDevice> port,
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
    bool HandleArp(Ptr<NetDevice> port,
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
    void ForwardShared(Ptr<NetDevice> port,
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
    void Forward(Ptr<NetDevice> incoming,
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
     * \return true if the frame would have gone out on the uplink
     */
    bool ForwardOffUplink(Ptr<NetDevice> incoming,
                          Ptr<const Packet> packet,
                          uint16_t protocol,
                          Mac48Address source,
                          Mac48Address destination);
    /**
     * Forward a frame to one port or flood it.
     * \param incoming the incoming port (null: none)
     * \param packet the payload
     * \param protocol the ethertype
     * \param source source MAC
     * \param destination destination MAC
     * \param excluded a port the frame must not go to (null: none)
     * \return true if the frame would have gone out on the excluded port
     */
    bool DoForward(Ptr<NetDevice> incoming,
                   Ptr<const Packet> packet,
                   uint16_t protocol,
                   Mac48Address source,
                   Mac48Address destination,
                   Ptr<NetDevice> excluded);
    /**
     * A sharer asks for an address that is not shared: answer it if the
     * address was seen behind the uplink, else ask on the uplink for it.
     * \param port the port of the request
     * \param header the request
     * \return true if the bridge answered (the request goes no further)
     */
    bool HandleSharerRequest(Ptr<NetDevice> port, const PeArpHeader& header);
    /**
     * Answer a sharer's request for the hardware address of an address.
     * \param port the sharer's port
     * \param sharerIp the sharer's address
     * \param sharerMac the sharer's MAC
     * \param ip the address asked for
     * \param mac its MAC
     */
    void AnswerSharer(Ptr<NetDevice> port,
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
    void Learn(Mac48Address source, Ptr<NetDevice> port);
    /**
     * \param destination a MAC
     * \return its port, or null if unknown or expired
     */
    Ptr<NetDevice> GetLearnedPort(Mac48Address destination) const;

    /** A sharer waiting for the answer to the bridge's request on the uplink. */
    struct Sharer
    {
        Ptr<NetDevice> port; //!< its port
        Ipv4Address ip;      //!< its address
        Mac48Address mac;    //!< its MAC
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
        Ptr<NetDevice> port; //!< where it was seen
        Time expiration;     //!< when it is forgotten
    };

    Ptr<Node> m_node;                                      //!< the node
    std::vector<Ptr<NetDevice>> m_ports;                   //!< ports
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
    uint64_t m_proxiedRequests;                            //!< counter
    uint64_t m_rewrittenFrames;                            //!< counter
    uint64_t m_suppressedFloods;                           //!< counter
    bool m_arpSuppression;                                 //!< ArpSuppression attribute
    std::map<Ipv4Address, Mac48Address> m_arpSenders;      //!< addresses seen as ARP senders
    uint32_t m_uplinkIndex;                                //!< UplinkPort attribute
    Time m_uplinkRequestTimeout;                           //!< UplinkRequestTimeout attribute
    uint32_t m_maxPendingUplink;                           //!< MaxPendingUplink attribute
    std::map<Ipv4Address, PendingUplink> m_pendingUplink;  //!< the bridge's uplink requests
    uint32_t m_pendingSharers;                             //!< sharers in m_pendingUplink
    uint64_t m_keptOffUplink;                              //!< counter
    uint64_t m_uplinkRequestsAnswered;                     //!< counter
    uint64_t m_uplinkRequestsSent;                         //!< counter
    uint64_t m_uplinkRequestsDropped;                      //!< counter
};

} // namespace ns3

#endif /* PE_ARP_BRIDGE_NET_DEVICE_H */
