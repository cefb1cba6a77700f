/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SOCKET_FACTORY_H
#define PE_ARP_SOCKET_FACTORY_H

#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{

class Node;
class PeArpPortAgent;
class TcpL4Protocol;
class UdpL4Protocol;

/**
 * \ingroup pe-arp
 * \brief The UDP socket factory of a PE-ARP host.
 *
 * Aggregated to the node instead of ns-3's UdpSocketFactoryImpl (by
 * ns3::PeArpStackHelper), so that unmodified applications calling
 * Socket::CreateSocket(node, UdpSocketFactory::GetTypeId()) get a
 * ns3::PeArpUdpSocket.
 */
class PeArpUdpSocketFactory : public UdpSocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param udp the node's UDP
     * \param agent the node's port agent
     */
    void SetStack(Ptr<UdpL4Protocol> udp, Ptr<PeArpPortAgent> agent);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<UdpL4Protocol> m_udp;    //!< the node's UDP
    Ptr<PeArpPortAgent> m_agent; //!< the node's port agent
};

/**
 * \ingroup pe-arp
 * \brief The TCP socket factory of a PE-ARP host.
 *
 * Aggregated to the node instead of ns-3's TcpSocketFactoryImpl; it builds
 * ns3::PeArpTcpSocket objects exactly as TcpL4Protocol builds its sockets
 * (RTT estimator, congestion control and recovery from TcpL4Protocol's
 * attributes).
 */
class PeArpTcpSocketFactory : public TcpSocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /**
     * \param node the node
     * \param tcp the node's TCP
     * \param agent the node's port agent
     */
    void SetStack(Ptr<Node> node, Ptr<TcpL4Protocol> tcp, Ptr<PeArpPortAgent> agent);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<Node> m_node;            //!< the node
    Ptr<TcpL4Protocol> m_tcp;    //!< the node's TCP
    Ptr<PeArpPortAgent> m_agent; //!< the node's port agent
};

} // namespace ns3

#endif /* PE_ARP_SOCKET_FACTORY_H */
