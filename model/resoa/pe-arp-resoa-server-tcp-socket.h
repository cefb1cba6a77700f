/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_SERVER_TCP_SOCKET_H
#define PE_ARP_RESOA_SERVER_TCP_SOCKET_H

#include "ns3/callback.h"
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
 * - SetDeliveredCallback(), ReleaseFin(): a FIN that arrives while the
 *   server has data not yet delivered to the client is stripped from its
 *   segment (so the data is still acknowledged) and kept as a FIN-only
 *   segment at seq + len, which goes through ns-3's TCP when ReleaseFin()
 *   is called; retransmitted FIN-only segments in between are dropped
 *   (TcpL4Protocol verified the checksum before).
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
    /**
     * ns-3 3.37's ShutdownSend never sends the FIN when every byte was sent
     * but not all acknowledged (it waits for an empty buffer, and only a
     * data segment would carry the FIN); this one sends it then, as Close
     * does.
     * \return 0
     */
    int ShutdownSend() override;
    /** \return the window the next segment would advertise, unscaled (bytes) */
    uint32_t GetAdvertisedWindow() const;
    /**
     * After a read: send a window update if the read reopened a window that
     * was below one segment.
     * \param windowBefore GetAdvertisedWindow() before the read
     * \return true if an update was sent
     */
    bool ReadDone(uint32_t windowBefore);

    /**
     * Hold the peer's FIN while this returns false (ReSoA TR §4.3: the FIN
     * is not acknowledged before all data reached the client). Null: never
     * hold.
     * \param delivered true when every byte received was delivered
     */
    void SetDeliveredCallback(Callback<bool> delivered);
    /**
     * Process the held FIN now, if there is one.
     * \return true if a FIN was released
     */
    bool ReleaseFin();
    /** \return true while a FIN is held */
    bool IsFinHeld() const;
    /** \return retransmitted FIN-only segments dropped while a FIN was held */
    uint32_t GetFinRetransmissionsDropped() const;

  protected:
    Ptr<TcpSocketBase> Fork() override;
    void DoForwardUp(Ptr<Packet> packet,
                     const Address& fromAddress,
                     const Address& toAddress) override;
    void DoDispose() override;

  private:
    Callback<bool> m_delivered;              //!< every byte delivered?
    Ptr<Packet> m_heldFin;                   //!< the FIN-only segment held
    Address m_heldFrom;                      //!< its source
    Address m_heldTo;                        //!< its destination
    uint32_t m_finRetransmissionsDropped{0}; //!< FIN retransmissions dropped
};

} // namespace ns3

#endif /* PE_ARP_RESOA_SERVER_TCP_SOCKET_H */
