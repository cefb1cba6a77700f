/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TCP_SOCKET_H
#define PE_ARP_TCP_SOCKET_H

#include "ns3/tcp-socket-base.h"

namespace ns3
{

class PeArpPortAgent;

/**
 * \ingroup pe-arp
 * \brief A TCP socket of a PE-ARP host: ns-3's TCP whose ports come from the
 * host's range (ns3::PeArpPortAgent).
 *
 * Bind() (also the implicit bind of Connect) takes an ephemeral port from
 * the range; Bind(address) with a port outside the range fails with
 * ERROR_ADDRNOTAVAIL. An ephemeral port stays held (PeArpPortAgent::Hold)
 * until the socket is CLOSED, TIME_WAIT included, so that it is not handed
 * out twice. Everything else is ns3::TcpSocketBase. Sockets
 * forked by a listening socket are PeArpTcpSocket too, which is why this
 * class, unlike the other PE-ARP classes, has a copy constructor.
 */
class PeArpTcpSocket : public TcpSocketBase
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpTcpSocket();
    /**
     * Copy constructor, used by Fork().
     * \param socket the listening socket
     */
    PeArpTcpSocket(const PeArpTcpSocket& socket);
    ~PeArpTcpSocket() override;

    /**
     * \param agent the node's port agent
     */
    void SetAgent(Ptr<PeArpPortAgent> agent);

    int Bind() override;
    int Bind(const Address& address) override;

  protected:
    Ptr<TcpSocketBase> Fork() override;
    void DoDispose() override;

  private:
    /**
     * Bind to a local address and port (ephemeral if port is 0).
     * \param local the address
     * \param port the port
     * \return 0 on success, -1 on failure
     */
    int BindInRange(Ipv4Address local, uint16_t port);
    /**
     * Release the ephemeral port once the connection is CLOSED (after
     * TIME_WAIT, when TCP frees the endpoint).
     * \param from the old state
     * \param to the new state
     */
    void StateChanged(TcpStates_t from, TcpStates_t to);
    /** Give the held ephemeral port back to the agent, if any. */
    void ReleasePort();

    Ptr<PeArpPortAgent> m_agent; //!< the node's port agent
    Ipv4Address m_heldAddress;   //!< the local address of the held ephemeral port
    uint16_t m_heldPort;         //!< the ephemeral port held (0: none)
};

} // namespace ns3

#endif /* PE_ARP_TCP_SOCKET_H */
