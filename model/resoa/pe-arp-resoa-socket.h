/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_SOCKET_H
#define PE_ARP_RESOA_SOCKET_H

#include "pe-arp-resoa-ep-header.h"

#include "ns3/event-id.h"
#include "ns3/inet-socket-address.h"
#include "ns3/socket.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <utility>

namespace ns3
{

class PeArpResoaClient;

/**
 * \ingroup pe-arp
 * \brief A socket of a ReSoA client: every call is forwarded to the ReSoA
 * server as an EP message, and runs there on the server's TCP/IP stack
 * (ReSoA TR section 4.3).
 *
 * ns-3 sockets do not block, so the calls return at once:
 * - socket() is delayed: the first call carries the WITH_SOCKET flag;
 *   Bind() without an address sends nothing (the server binds when it
 *   connects), Bind(address) and Listen() send BIND and LISTEN;
 * - Connect() returns 0; TCP's NotifyConnectionSucceeded fires when
 *   CONNECTED arrives (UDP's at once, as ns-3's UDP does);
 * - Send() takes the data into a local send buffer (SndBufSize) and
 *   returns; the buffer drains as SEND messages within the credit the
 *   server grants (its TCP send buffer); NotifyDataSent and NotifySend
 *   fire as it drains;
 * - the server pushes received data (DATA, DATA_FROM) without read
 *   requests, at most RcvBufSize bytes ahead of the application; Recv()
 *   returns credit to the server (CREDIT, batched at one message or half
 *   the buffer);
 * - GetSockName() answers locally with the server's public address and
 *   the port the server's socket got (known from RESULT or CONNECTED).
 *
 * A failure reported by the server (RESULT with an error, ERROR_CLOSE) or
 * the loss of the LHP connection calls NotifyConnectionFailed (while
 * connecting) or NotifyErrorClose, with GetErrno() set.
 */
class PeArpResoaSocket : public Socket
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpResoaSocket();
    ~PeArpResoaSocket() override;

    /**
     * Attach to the client (used by PeArpResoaClient).
     * \param client the client
     * \param tcp TCP (stream) or UDP (datagram)
     * \param rsockId the socket id
     */
    void SetClient(Ptr<PeArpResoaClient> client, bool tcp, uint32_t rsockId);
    /** \return the socket id */
    uint32_t GetRsockId() const;
    /**
     * A message from the server for this socket (used by PeArpResoaClient).
     * \param header the header
     * \param payload the payload (empty if none)
     */
    void HandleMessage(const PeArpResoaEpHeader& header, Ptr<Packet> payload);
    /**
     * The server is gone (used by PeArpResoaClient).
     * \param error the errno to report
     */
    void Fail(SocketErrno error);

    SocketErrno GetErrno() const override;
    SocketType GetSocketType() const override;
    Ptr<Node> GetNode() const override;
    int Bind(const Address& address) override;
    int Bind() override;
    int Bind6() override;
    int Close() override;
    int ShutdownSend() override;
    int ShutdownRecv() override;
    int Connect(const Address& address) override;
    int Listen() override;
    uint32_t GetTxAvailable() const override;
    int Send(Ptr<Packet> p, uint32_t flags) override;
    int SendTo(Ptr<Packet> p, uint32_t flags, const Address& toAddress) override;
    uint32_t GetRxAvailable() const override;
    Ptr<Packet> Recv(uint32_t maxSize, uint32_t flags) override;
    Ptr<Packet> RecvFrom(uint32_t maxSize, uint32_t flags, Address& fromAddress) override;
    int GetSockName(Address& address) const override;
    int GetPeerName(Address& address) const override;
    bool SetAllowBroadcast(bool allowBroadcast) override;
    bool GetAllowBroadcast() const override;

  protected:
    void DoDispose() override;

  private:
    /** Socket states. */
    enum State
    {
        IDLE,       //!< new
        BOUND,      //!< Bind(address) sent
        LISTENING,  //!< Listen() sent
        CONNECTING, //!< TCP Connect() sent, CONNECTED not yet seen
        CONNECTED,  //!< connected (UDP: a default peer)
        CLOSED,     //!< closed by the application
        FAILED,     //!< failed
    };

    /**
     * \param type the message type
     * \return a header for this socket (WITH_SOCKET if the server does not
     * know it yet)
     */
    PeArpResoaEpHeader NewHeader(PeArpResoaEpHeader::Type type);
    /**
     * Send a message (marks the socket known to the server).
     * \param header the header
     * \param payload the payload, or nullptr
     * \return true if sent
     */
    bool Emit(const PeArpResoaEpHeader& header, Ptr<Packet> payload);
    /** Send what the server's credit allows; then a pending SHUTDOWN_SEND or CLOSE. */
    void Flush();
    /**
     * Send a datagram.
     * \param p the datagram
     * \param to the destination, or none for the connected peer
     * \return its size, or -1
     */
    int SendDatagram(Ptr<Packet> p, std::optional<InetSocketAddress> to);
    /** Return credit to the server if enough was consumed. */
    void MaybeCredit();
    /** Fire NotifyDataSent / NotifySend (scheduled, never from inside a call). */
    void NotifyTx();
    /** Schedule NotifyTx. */
    void ScheduleNotifyTx();
    /**
     * An ACCEPT_IND on this listening socket.
     * \param header the header
     */
    void HandleAccept(const PeArpResoaEpHeader& header);
    /** Leave the client's map. */
    void Detach();

    Ptr<PeArpResoaClient> m_client;                        //!< the client
    bool m_tcp{true};                                      //!< TCP or UDP
    uint32_t m_rsockId{0};                                 //!< socket id
    bool m_known{false};                                   //!< the server has the socket
    uint16_t m_callId{0};                                  //!< last call id
    State m_state{IDLE};                                   //!< state
    mutable SocketErrno m_errno{ERROR_NOTERROR};           //!< last error
    std::optional<InetSocketAddress> m_local;              //!< public address and port
    std::optional<InetSocketAddress> m_peer;               //!< peer
    bool m_allowBroadcast{false};                          //!< SetAllowBroadcast
    bool m_shutdownSend{false};                            //!< ShutdownSend called
    bool m_shutdownSent{false};                            //!< SHUTDOWN_SEND sent
    bool m_shutdownRecv{false};                            //!< ShutdownRecv called
    bool m_closeRequested{false};                          //!< Close called while data waits
    bool m_peerClosed{false};                              //!< PEER_CLOSED seen
    uint32_t m_sndBufSize{131072};                         //!< SndBufSize attribute
    uint32_t m_rcvBufSize{131072};                         //!< RcvBufSize attribute
    Ptr<Packet> m_txBuffer;                                //!< TCP bytes not yet sent
    uint32_t m_sendCredit{0};                              //!< bytes the server takes
    uint32_t m_pendingSent{0};                             //!< bytes for NotifyDataSent
    std::deque<std::pair<Ptr<Packet>, Address>> m_rxQueue; //!< received, not read
    uint32_t m_rxBytes{0};                                 //!< bytes in m_rxQueue
    uint32_t m_consumed{0};                                //!< bytes read, not yet credited
    EventId m_notifyEvent;                                 //!< pending NotifyTx
};

} // namespace ns3

#endif /* PE_ARP_RESOA_SOCKET_H */
