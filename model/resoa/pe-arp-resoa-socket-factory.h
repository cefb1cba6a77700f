/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_SOCKET_FACTORY_H
#define PE_ARP_RESOA_SOCKET_FACTORY_H

#include "ns3/tcp-socket-factory.h"
#include "ns3/udp-socket-factory.h"

namespace ns3
{

class PeArpResoaClient;

/**
 * \ingroup pe-arp
 * \brief The TCP socket factory of a pure ReSoA client (a node without
 * IPv4): aggregated to the node as its TcpSocketFactory, so that unmodified
 * applications (BulkSend, PacketSink, ...) get ns3::PeArpResoaSocket
 * objects from Socket::CreateSocket(node, TcpSocketFactory::GetTypeId()).
 */
class PeArpResoaTcpSocketFactory : public TcpSocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \param client the node's ReSoA client */
    void SetClient(Ptr<PeArpResoaClient> client);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PeArpResoaClient> m_client; //!< the node's ReSoA client
};

/**
 * \ingroup pe-arp
 * \brief The UDP socket factory of a pure ReSoA client (see
 * ns3::PeArpResoaTcpSocketFactory).
 */
class PeArpResoaUdpSocketFactory : public UdpSocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \param client the node's ReSoA client */
    void SetClient(Ptr<PeArpResoaClient> client);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PeArpResoaClient> m_client; //!< the node's ReSoA client
};

/**
 * \ingroup pe-arp
 * \brief The TCP socket factory of a dual-stack ReSoA client (ReSoA TR
 * §4.1.2): the node keeps its own TCP/IP stack and its stock
 * TcpSocketFactory; applications pick ReSoA by this factory's name, e.g.
 * BulkSendHelper("ns3::PeArpResoaDualTcpSocketFactory", ...), which is the
 * model's LD_PRELOAD. It derives from plain SocketFactory so that
 * GetObject<TcpSocketFactory>() still finds the stock factory (design note
 * §3.3: Object::DoGetObject returns the first aggregate that is-a the
 * type asked for).
 */
class PeArpResoaDualTcpSocketFactory : public SocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \param client the node's ReSoA client */
    void SetClient(Ptr<PeArpResoaClient> client);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PeArpResoaClient> m_client; //!< the node's ReSoA client
};

/**
 * \ingroup pe-arp
 * \brief The UDP socket factory of a dual-stack ReSoA client (see
 * ns3::PeArpResoaDualTcpSocketFactory).
 */
class PeArpResoaDualUdpSocketFactory : public SocketFactory
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    /** \param client the node's ReSoA client */
    void SetClient(Ptr<PeArpResoaClient> client);
    Ptr<Socket> CreateSocket() override;

  protected:
    void DoDispose() override;

  private:
    Ptr<PeArpResoaClient> m_client; //!< the node's ReSoA client
};

} // namespace ns3

#endif /* PE_ARP_RESOA_SOCKET_FACTORY_H */
