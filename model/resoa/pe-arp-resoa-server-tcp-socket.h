/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_SERVER_TCP_SOCKET_H
#define PE_ARP_RESOA_SERVER_TCP_SOCKET_H

#include "ns3/tcp-socket-base.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The TCP socket a ReSoA server runs a client's TCP calls on:
 * ns-3's TCP, plus what the server needs from it.
 *
 * - Abort(): send an RST (the protected TcpSocketBase::SendRST), for the
 *   sockets of a client that is gone (ReSoA TR §4.4);
 * - GetAdvertisedWindow() and ReadDone(): ns-3's Recv() sends no window
 *   update, so a window that had closed to less than one segment would
 *   wait for the peer's persist probe (TcpSocket::PersistTimeout, 6 s);
 *   ReadDone() sends an ACK when a read reopens it.
 *
 * The server reads a socket only up to the credit its client gave, so the
 * receive buffer fills and the advertised window closes when the client's
 * application does not read: the window follows the application's
 * consumption (ReSoA TR §4.3), with the server's receive buffer as slack.
 * Sockets forked by a listening socket are of this class too.
 */
class PeArpResoaServerTcpSocket : public TcpSocketBase
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpResoaServerTcpSocket();
    /**
     * Copy constructor, used by Fork().
     * \param socket the listening socket
     */
    PeArpResoaServerTcpSocket(const PeArpResoaServerTcpSocket& socket);
    ~PeArpResoaServerTcpSocket() override;

    /** Reset the connection (RST) if it has a peer, else close. */
    void Abort();
    /** \return the window the next segment would advertise, unscaled (bytes) */
    uint32_t GetAdvertisedWindow() const;
    /**
     * After a read: send a window update if the read reopened a window that
     * was below one segment.
     * \param windowBefore GetAdvertisedWindow() before the read
     * \return true if an update was sent
     */
    bool ReadDone(uint32_t windowBefore);

  protected:
    Ptr<TcpSocketBase> Fork() override;
};

} // namespace ns3

#endif /* PE_ARP_RESOA_SERVER_TCP_SOCKET_H */
