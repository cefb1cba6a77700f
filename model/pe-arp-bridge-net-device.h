/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BRIDGE_NET_DEVICE_H
#define PE_ARP_BRIDGE_NET_DEVICE_H

#include "pe-arp-interface.h"

#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"

#include <map>
#include <set>
#include <vector>

namespace ns3
{

class PeArpL3Protocol;
struct PeArpIpv4Summary;

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
 * the bridge has seen as the sender of an ARP frame (e.g. the gateway) is
 * sent only to that address' port instead of being flooded to every host.
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
    /** \return ARP requests sent only to their target's port instead of flooded */
    uint64_t GetSuppressedFloods() const;

    // PeArpInterface
    Ptr<PeArpCache> GetCache() const override;
    Mac48Address GetMac48() const override;
    bool IsLocalAddress(Ipv4Address address) const override;
    bool GetOwnedRange(Ipv4Address address, uint16_t port, PeArpPortRange& range) const override;
    bool GetOwnedRangeOverlapping(Ipv4Address address,
                                  PeArpPortRange probed,
                                  PeArpPortRange& range) const override;
    PeArpPortRange GetAnnouncedRange(Ipv4Address address) const override;
    bool SelectSourceAddress(Ipv4Address target, Ipv4Address& source) const override;
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
     * \param source a MAC
     * \param port where it was seen
     */
    void Learn(Mac48Address source, Ptr<NetDevice> port);
    /**
     * \param destination a MAC
     * \return its port, or null if unknown or expired
     */
    Ptr<NetDevice> GetLearnedPort(Mac48Address destination) const;

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
    uint32_t m_ifIndex;                                    //!< device index
    uint16_t m_mtu;                                        //!< Mtu attribute
    Time m_expirationTime;                                 //!< ExpirationTime attribute
    bool m_answerEcho;                                     //!< AnswerEcho attribute
    std::string m_name;                                    //!< InterfaceName attribute
    NetDevice::ReceiveCallback m_rxCallback;               //!< up-call
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous up-call
    uint64_t m_proxiedRequests;                            //!< counter
    uint64_t m_rewrittenFrames;                            //!< counter
    uint64_t m_answeredEchoes;                             //!< counter
    uint64_t m_suppressedFloods;                           //!< counter
    bool m_arpSuppression;                                 //!< ArpSuppression attribute
    std::map<Ipv4Address, Mac48Address> m_arpSenders;      //!< addresses seen as ARP senders
};

} // namespace ns3

#endif /* PE_ARP_BRIDGE_NET_DEVICE_H */
