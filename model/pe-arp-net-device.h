/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NET_DEVICE_H
#define PE_ARP_NET_DEVICE_H

#include "pe-arp-interface.h"
#include "pe-arp-port-range.h"

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class Ipv4;
class Ipv4Header;
class PeArpCache;
class PeArpL3Protocol;
class PeArpPortAgent;

/**
 * \ingroup pe-arp
 * \brief What a PE-ARP interface reads of an IPv4 packet: addresses and
 * transport ports, without deserializing headers into objects.
 */
struct PeArpIpv4Summary
{
    bool valid = false;           //!< a well-formed IPv4 header was found
    Ipv4Address source;           //!< source address
    Ipv4Address destination;      //!< destination address
    uint8_t protocol = 0;         //!< IP protocol number
    bool hasPorts = false;        //!< a TCP/UDP header with ports is present (first fragment)
    uint16_t sourcePort = 0;      //!< transport source port (if hasPorts)
    uint16_t destinationPort = 0; //!< transport destination port (if hasPorts)
    bool isIcmp = false;          //!< an ICMP message (first fragment)
    bool icmpMalformed = false;   //!< the ICMP message (or the packet it quotes) is truncated
    uint8_t icmpType = 0;         //!< ICMP type
    uint8_t icmpCode = 0;         //!< ICMP code
    uint16_t icmpIdentifier = 0;  //!< echo or echo reply identifier
    bool hasIcmpKey = false;      //!< icmpKey is meaningful
    /**
     * The port that stands for this ICMP message when it is delivered to a
     * shared address: an echo reply's identifier (A+P, RFC 6346), or, for an
     * error (destination unreachable, time exceeded, parameter problem), the
     * source port (or echo identifier) of the packet it quotes, which the
     * host sent from its own range.
     */
    uint16_t icmpKey = 0;

    /**
     * \return the port by which PE-ARP demultiplexes this packet at its
     * destination: the TCP/UDP destination port, the ICMP key, or 0 (none)
     */
    uint16_t GetDemuxPort() const
    {
        return hasPorts ? destinationPort : (hasIcmpKey ? icmpKey : 0);
    }
};

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

    /**
     * Read addresses and ports of an IPv4 packet (header at the start).
     * \param packet the packet
     * \return the summary (valid == false if it is not a well-formed IPv4 packet)
     */
    static PeArpIpv4Summary Summarize(Ptr<const Packet> packet);
    /**
     * The ICMP echo reply to an echo request (identifier, sequence number and
     * data kept; checksum computed when ns-3 computes them), without its
     * IPv4 header.
     * \param request the request, IPv4 header included
     * \param requestHeader receives the request's IPv4 header
     * \return the ICMP reply message
     */
    static Ptr<Packet> MakeEchoReply(Ptr<const Packet> request, Ipv4Header& requestHeader);

    /** \return IPv4 packets dropped because they were for another host's port */
    uint64_t GetWrongHostPackets() const;
    /** \return ICMP echo requests this interface answered itself (AnswerEcho) */
    uint64_t GetAnsweredEchoes() const;

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
    void DoInitialize() override;

  private:
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
     * \param nextHop receives the next hop
     * \return false if there is no route
     */
    bool GetNextHop(Ptr<Packet> packet,
                    const PeArpIpv4Summary& summary,
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
    /**
     * Copy an IPv4 echo or echo reply with another identifier (checksums
     * recomputed when ns-3 computes them).
     * \param packet the IPv4 packet
     * \param identifier the identifier
     * \return the new packet
     */
    static Ptr<Packet> SetEchoIdentifier(Ptr<const Packet> packet, uint16_t identifier);
    /**
     * Answer an echo request for a shared address on behalf of its hosts.
     * \param packet the request (IPv4 header included)
     * \param summary its summary
     */
    void AnswerEcho(Ptr<Packet> packet, const PeArpIpv4Summary& summary);

    Ptr<Node> m_node;                        //!< the node
    Ptr<NetDevice> m_lower;                  //!< the link-layer device
    Ptr<PeArpCache> m_cache;                 //!< the interface's cache
    Ptr<PeArpL3Protocol> m_protocol;         //!< the node's PE-ARP
    mutable Ptr<Ipv4> m_ipv4;                //!< the node's IPv4 (looked up lazily)
    mutable int32_t m_interface;             //!< IPv4 interface index (looked up lazily)
    uint32_t m_ifIndex;                      //!< device index on the node
    std::string m_name;                      //!< InterfaceName attribute
    NetDevice::ReceiveCallback m_rxCallback; //!< up-call
    NetDevice::PromiscReceiveCallback m_promiscRxCallback; //!< promiscuous up-call
    uint64_t m_wrongHostPackets;                           //!< counter
    uint64_t m_answeredEchoes;                             //!< counter
    bool m_answerEcho;                                     //!< AnswerEcho attribute
    TracedCallback<Ptr<const Packet>> m_wrongHostTrace;    //!< WrongHostDrop trace
};

} // namespace ns3

#endif /* PE_ARP_NET_DEVICE_H */
