/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NET_DEVICE_H
#define PE_ARP_NET_DEVICE_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/pe-arp-interface.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class Ipv4;
class Ipv4Header;
class Ipv4Interface;
class PeArpCache;
class PeArpEchoResponder;
class PeArpChannel;
class PeArpL3Protocol;
class PeArpPortAgent;

/**
 * \ingroup pe-arp
 * \brief A PE-ARP interface: IPv4 over a broadcast link device with
 * port-aware address resolution.
 *
 * ns-3's ArpL3Protocol cannot be extended (its methods are not virtual), so a
 * PE-ARP interface is a device of its own stacked on a link-layer device
 * (CSMA, Wi-Fi, bridge port...), the way a Linux VLAN or macvlan device sits
 * on its parent. IPv4 is installed on this device; it reports NeedsArp() ==
 * false, so the stock ARP never handles it, and it resolves every outgoing
 * IPv4 packet with ns3::PeArpL3Protocol using the next-hop address and the
 * destination port. ARP frames received on the link device are handed to
 * PE-ARP and never reach the stock ARP.
 *
 * On a host that shares its address, an IPv4 packet received for the shared
 * address but for a port outside the host's range is dropped and counted
 * (WRONG_HOST): such traffic is never answered by this host.
 *
 * The MAC address, MTU, link state and channel are those of the link device.
 */
class PeArpNetDevice : public NetDevice, public PeArpInterface
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpNetDevice();
    ~PeArpNetDevice() override;
    PeArpNetDevice(const PeArpNetDevice&) = delete;
    PeArpNetDevice& operator=(const PeArpNetDevice&) = delete;

    /**
     * Stack this interface on a link-layer device that is already attached
     * to a node. The link device must be a broadcast device with 48-bit MAC
     * addresses and must not carry IPv4 itself.
     * \param lower the link-layer device
     */
    void SetLowerDevice(Ptr<NetDevice> lower);
    /** \return the link-layer device */
    Ptr<NetDevice> GetLowerDevice() const;
    /**
     * Announce the ports this host owns, as RFC 5227 announces an address: for
     * each address of the interface, one request whose sender and target are
     * the address, per range of its port set (the announced range if it has
     * no set); an address whose ports are all its own is not announced. Sent
     * when the link comes up after the device was built (a host
     * back on the LAN, maybe with a new MAC), so that nodes holding an entry
     * for exactly that range update it (RFC 826's merge); callable by hand.
     * \return the announcements sent
     */
    uint32_t Announce();
    /**
     * \param target an address that is not the interface's
     * \return true if ProxyArp is on and the node routes to target through
     * another interface (a route look-up, done only for such requests)
     */
    bool IsProxyFor(Ipv4Address target) const override;
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

    /**
     * Declare an on-link address as shared (by hosts behind this interface).
     * Without a declaration an address is known to be shared once a port
     * range of it has been learned.
     * \param address the address
     */
    void AddSharedAddress(Ipv4Address address);

    /**
     * Is an IPv4 packet (header included) for this node, i.e. not for a port
     * of a shared address that another host owns?
     * \param packet the IPv4 packet
     * \return true if the node owns the destination
     */
    bool IsForThisHost(Ptr<const Packet> packet) const;

    /** \return IPv4 packets dropped because they were for another host's port */
    uint64_t GetWrongHostPackets() const;
    /** \return ICMP echo requests this interface answered itself (AnswerEcho) */
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

    // NetDevice
    void SetIfIndex(const uint32_t index) override;
    uint32_t GetIfIndex() const override;
    /**
     * \return a ns3::PeArpChannel: the link device's channel, in which link
     * devices carrying a PE-ARP interface appear as that interface (so that
     * ns-3's GlobalRouter finds the IPv4 interfaces); null without a channel
     */
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
    void DoInitialize() override;

  private:
    /** The link device's link changed: flush the cache, and announce our ports if it is up. */
    void LowerLinkChanged();
    /**
     * Handler of every frame the link device receives for this node.
     * \param device the link device
     * \param packet the payload
     * \param protocol the ethertype
     * \param from source hardware address
     * \param to destination hardware address
     * \param packetType the packet type
     */
    void ReceiveFromLower(Ptr<NetDevice> device,
                          Ptr<const Packet> packet,
                          uint16_t protocol,
                          const Address& from,
                          const Address& to,
                          NetDevice::PacketType packetType);
    /**
     * Find this device's IPv4 interface (after IPv4 was installed on it).
     * \return the Ipv4 interface index, or -1
     */
    int32_t GetInterface() const;
    /**
     * Next hop of an IPv4 packet leaving through this interface.
     * \param packet the packet, header included
     * \param summary its summary
     * \param locality where its destination lies (PeArpIpv4::Locate)
     * \param nextHop receives the next hop
     * \return false if there is no route
     */
    bool GetNextHop(Ptr<Packet> packet,
                    const PeArpIpv4Summary& summary,
                    PeArpIpv4::Locality locality,
                    Ipv4Address& nextHop) const;
    /**
     * \param summary an IPv4 packet's summary
     * \return true if the node owns the packet's destination (see the public overload)
     */
    bool IsForThisHost(const PeArpIpv4Summary& summary) const;
    /** \return the node's port agent (null on a node that does not share addresses) */
    Ptr<PeArpPortAgent> GetAgent() const;
    /**
     * On a host: give an outgoing echo request an identifier from the
     * host's range (restored on the reply).
     * \param packet the IPv4 packet
     * \param summary its summary
     * \return the packet to send
     */
    Ptr<Packet> MapEchoIdentifier(Ptr<Packet> packet, const PeArpIpv4Summary& summary) const;
    /**
     * On a host: restore the identifier of an incoming echo reply.
     * \param packet the IPv4 packet
     * \param summary its summary
     * \return the packet to deliver
     */
    Ptr<const Packet> UnmapEchoIdentifier(Ptr<const Packet> packet,
                                          const PeArpIpv4Summary& summary) const;

    Ptr<Node> m_node;                           //!< the node
    Ptr<NetDevice> m_lower;                     //!< the link-layer device
    mutable Ptr<PeArpChannel> m_channel;        //!< GetChannel's view of the link's channel
    Ptr<PeArpCache> m_cache;                    //!< the interface's cache
    Ptr<PeArpL3Protocol> m_protocol;            //!< the node's PE-ARP
    mutable Ptr<Ipv4> m_ipv4;                   //!< the node's IPv4 (looked up lazily)
    mutable Ptr<Ipv4Interface> m_ipv4Interface; //!< this device's IPv4 interface (with m_interface)
    mutable int32_t m_interface;                //!< IPv4 interface index (looked up lazily)
    mutable Ptr<PeArpPortAgent> m_agent;        //!< the node's port agent (looked up once)
    mutable bool m_agentKnown;                  //!< m_agent was looked up with IPv4 up
    Ptr<PeArpEchoResponder> m_echoResponder;    //!< answers echoes (AnswerEcho), or null
    uint32_t m_ifIndex;                         //!< device index on the node
    std::string m_name;                         //!< InterfaceName attribute
    bool m_proxyArp = false;                    //!< ProxyArp attribute
    NetDevice::ReceiveCallback m_rxCallback;    //!< up-call
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous up-call
    uint64_t m_wrongHostPackets;                           //!< counter
    TracedCallback<Ptr<const Packet>> m_wrongHostTrace;    //!< WrongHostDrop trace
};

} // namespace ns3

#endif /* PE_ARP_NET_DEVICE_H */
