/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_UDP_SOCKET_H
#define PE_ARP_UDP_SOCKET_H

#include "ns3/udp-socket.h"

#include <unordered_map>

namespace ns3
{

class PeArpPortAgent;

/**
 * \ingroup pe-arp
 * \brief A UDP socket of a PE-ARP host: ns-3's UDP socket whose ports come
 * from the host's range (ns3::PeArpPortAgent).
 *
 * Bind() (also the implicit bind of the first Send) takes an ephemeral port
 * from the range instead of 49152-65535; Bind(address) with a port outside
 * the range fails with ERROR_ADDRNOTAVAIL.
 *
 * ns-3 does not install the header of its UDP socket (UdpSocketImpl), so
 * this class wraps one created by UdpL4Protocol and forwards every call to
 * it; only binding is decided here. The UdpSocket attributes and the
 * virtual option IP TTL are forwarded; the options ns3::Socket keeps itself
 * without virtual accessors (SetIpTos, SetPriority, SetRecvPktInfo) are not,
 * and have no effect on the wrapped socket.
 */
class PeArpUdpSocket : public UdpSocket
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpUdpSocket();
    ~PeArpUdpSocket() override;
    PeArpUdpSocket(const PeArpUdpSocket&) = delete;
    PeArpUdpSocket& operator=(const PeArpUdpSocket&) = delete;

    /**
     * \param inner the ns-3 UDP socket to wrap (from UdpL4Protocol::CreateSocket)
     * \param agent the node's port agent
     */
    void SetInner(Ptr<Socket> inner, Ptr<PeArpPortAgent> agent);

    enum SocketErrno GetErrno() const override;
    enum SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind() override;
    int Bind6() override;
    int Bind(const Address& address) override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& address) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
    bool GetAllowBroadcast() const override;
    void BindToNetDevice(Ptr<NetDevice> netdevice) override;
    int MulticastJoinGroup(uint32_t interface, const Address& groupAddress) override;
    int MulticastLeaveGroup(uint32_t interface, const Address& groupAddress) override;
    void SetIpTtl(uint8_t ipTtl) override;
    uint8_t GetIpTtl() const override;

  protected:
    void DoDispose() override;

  private:
    void SetRcvBufSize(uint32_t size) override;
    uint32_t GetRcvBufSize() const override;
    void SetIpMulticastTtl(uint8_t ipTtl) override;
    uint8_t GetIpMulticastTtl() const override;
    void SetIpMulticastIf(int32_t ipIf) override;
    int32_t GetIpMulticastIf() const override;
    void SetIpMulticastLoop(bool loop) override;
    bool GetIpMulticastLoop() const override;
    void SetMtuDiscover(bool discover) override;
    bool GetMtuDiscover() const override;

    /**
     * Bind to a local address and port (ephemeral if port is 0).
     * \param local the address
     * \param port the port
     * \return 0 on success, -1 on failure
     */
    int BindInRange(Ipv4Address local, uint16_t port);

    /**
     * The accessors of ns3::UdpSocket's attributes, looked up by name once per
     * process: setting the wrapped socket's attributes through them costs a
     * virtual call, where SetAttribute(name) searches the TypeId tree by name.
     */
    struct InnerAccessors
    {
        InnerAccessors();
        Ptr<const AttributeAccessor> rcvBufSize;      //!< RcvBufSize
        Ptr<const AttributeAccessor> ipMulticastTtl;  //!< IpMulticastTtl
        Ptr<const AttributeAccessor> ipMulticastIf;   //!< IpMulticastIf
        Ptr<const AttributeAccessor> ipMulticastLoop; //!< IpMulticastLoop
        Ptr<const AttributeAccessor> mtuDiscover;     //!< MtuDiscover
    };

    /** \return the accessors (one set per process) */
    static const InnerAccessors& Accessors();
    /**
     * Set an attribute on the wrapped socket, if it exists yet (SetInner
     * copies them all).
     * \param accessor the attribute's accessor (from Accessors())
     * \param value the value
     */
    void SetInnerAttribute(const AttributeAccessor& accessor, const AttributeValue& value);

    /** The forwarding callbacks every wrapped socket gets (one set per process). */
    struct Forwarders
    {
        Forwarders();
        Callback<void, Ptr<Socket>> recv;               //!< to ForwardRecv
        Callback<void, Ptr<Socket>, uint32_t> send;     //!< to ForwardSend
        Callback<void, Ptr<Socket>, uint32_t> dataSent; //!< to ForwardDataSent
        Callback<void, Ptr<Socket>> connected;          //!< to ForwardConnected
        Callback<void, Ptr<Socket>> connectFailed;      //!< to ForwardConnectFailed
    };

    /** \return the wrapper of every live wrapped socket, by the wrapped socket */
    static std::unordered_map<const Socket*, PeArpUdpSocket*>& Wrappers();
    /**
     * \param inner a wrapped socket
     * \return its wrapper, or nullptr once the wrapper is gone
     */
    static PeArpUdpSocket* WrapperOf(Ptr<Socket> inner);
    /** Take the forwarding callbacks off the wrapped socket and forget it. */
    void Detach();

    /** \param socket the wrapped socket */
    static void ForwardRecv(Ptr<Socket> socket);
    /** \param socket the wrapped socket \param available bytes free */
    static void ForwardSend(Ptr<Socket> socket, uint32_t available);
    /** \param socket the wrapped socket \param size bytes sent */
    static void ForwardDataSent(Ptr<Socket> socket, uint32_t size);
    /** \param socket the wrapped socket */
    static void ForwardConnected(Ptr<Socket> socket);
    /** \param socket the wrapped socket */
    static void ForwardConnectFailed(Ptr<Socket> socket);

    Ptr<Socket> m_inner;           //!< the wrapped ns-3 UDP socket
    Ptr<PeArpPortAgent> m_agent;   //!< the node's port agent
    enum SocketErrno m_agentErrno; //!< error set by a refused bind
    uint32_t m_rcvBufSize;         //!< RcvBufSize until the inner socket exists
    uint8_t m_ipMulticastTtl;      //!< IpMulticastTtl until the inner socket exists
    int32_t m_ipMulticastIf;       //!< IpMulticastIf until the inner socket exists
    bool m_ipMulticastLoop;        //!< IpMulticastLoop until the inner socket exists
    bool m_mtuDiscover;            //!< MtuDiscover until the inner socket exists
    uint8_t m_ipTtl;               //!< IP TTL (0: the default)
};

} // namespace ns3

#endif /* PE_ARP_UDP_SOCKET_H */
