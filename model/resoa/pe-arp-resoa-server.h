/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_SERVER_H
#define PE_ARP_RESOA_SERVER_H

#include "pe-arp-resoa-ep-header.h"
#include "pe-arp-resoa-lhp.h"

#include "ns3/address.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace ns3
{

class Node;
class NetDevice;

/**
 * \ingroup pe-arp
 * \brief The ReSoA server (ReSoA TR sections 4.1 to 4.4), n-to-1 mode:
 * it accepts LHP connections from clients on a LAN device, registers them
 * (REGISTER_ACK gives its public address, shared by all clients), and runs
 * their socket calls on its own TCP/IP stack, bound to PublicAddress.
 *
 * A socket is named by (LHP connection, rsockId); it is created by the
 * first call that carries WITH_SOCKET (the delayed socket() of §4.3), up
 * to MaxSocketsPerClient per client (footnote 7). Received data is pushed
 * to the client without read requests (DATA, DATA_FROM), a TCP socket
 * being read only up to the credit the client gave (its receive buffer,
 * then CREDIT messages as the application reads), so the server's TCP
 * receive buffer fills and the advertised window closes when the
 * application does not read. The client may send as many bytes as the
 * server's TCP send buffer has room for (SEND_CREDIT). A peer's FIN is
 * reported (PEER_CLOSED) once every byte before it was pushed.
 *
 * When a client's LHP connection is lost, its TCP sockets are reset and
 * its UDP sockets closed (§4.4). Crash() silences the server: its LHP
 * stops, its public interface goes down; clients see their connection die
 * after DeadAfter keepalive intervals.
 *
 * Malformed messages are dropped and counted by reason (Drop trace).
 */
class PeArpResoaServer : public Object
{
  public:
    /** Why a message from a client was dropped (or a socket refused). */
    enum DropReason
    {
        TRUNCATED = 0,    //!< EP header truncated
        BAD_TYPE,         //!< unknown EP type
        BAD_TLV,          //!< a TLV overruns, has a wrong length or repeats
        MISSING_FIELD,    //!< a TLV the type requires is missing
        TRAILING_BYTES,   //!< bytes after a message without payload
        WRONG_DIRECTION,  //!< a server-to-client type
        NOT_REGISTERED,   //!< a call before REGISTER
        NO_SOCKET,        //!< no socket has this rsockId and no WITH_SOCKET
        DUPLICATE_SOCKET, //!< WITH_SOCKET for an rsockId that exists
        SOCKET_LIMIT,     //!< MaxSocketsPerClient reached (answered ERROR_CLOSE)
        DATAGRAM_TOO_BIG, //!< a received datagram does not fit in one EP message
        SEND_FAILED,      //!< the server's socket refused data (beyond the credit)
        DROP_REASONS,     //!< the number of reasons
    };

    /** Counters. */
    struct Counters
    {
        std::map<uint8_t, uint64_t> sent;           //!< EP messages sent, by type
        std::map<uint8_t, uint64_t> received;       //!< valid EP messages received, by type
        uint64_t clientsRegistered = 0;             //!< REGISTERs accepted
        uint64_t clientsLost = 0;                   //!< LHP connections lost
        uint64_t socketsCreated = 0;                //!< sockets created (incl. accepted)
        uint64_t socketsAborted = 0;                //!< sockets reset because their client was lost
        uint64_t peakSockets = 0;                   //!< most sockets at once
        uint64_t bytesPushed = 0;                   //!< payload bytes pushed to clients
        uint64_t bytesFromClients = 0;              //!< payload bytes from clients
        uint64_t windowUpdates = 0;                 //!< TCP window updates sent after reads
        uint64_t finsHeld = 0;                      //!< peer FINs held until delivery
        std::array<uint64_t, DROP_REASONS> drops{}; //!< drops by reason
    };

    /**
     * TracedCallback signature for a drop.
     * \param [in] reason why
     * \param [in] message the EP message
     */
    typedef void (*DropTracedCallback)(DropReason reason, Ptr<const Packet> message);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpResoaServer();
    ~PeArpResoaServer() override;

    /**
     * Start listening for clients.
     * \param device the LAN device the LHP runs on
     * \param publicAddress the server's public address (one of its node's
     * IPv4 addresses); every client socket is bound to it
     */
    void Start(Ptr<NetDevice> device, Ipv4Address publicAddress);
    /** Crash (§4.4): the LHP goes silent, the public interface goes down. */
    void Crash();
    /** \return true after Crash() */
    bool IsCrashed() const;
    /** \return the public address */
    Ipv4Address GetPublicAddress() const;
    /** \return the LHP */
    Ptr<PeArpResoaLhp> GetLhp() const;
    /** \return the number of clients with an LHP connection */
    uint32_t GetClientCount() const;
    /** \return the number of sockets */
    uint32_t GetSocketCount() const;
    /** \return the counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    /** A socket run for a client. */
    struct Entry
    {
        PeArpResoaLhp::ConnectionId connection = 0; //!< the client's LHP connection
        uint32_t rsockId = 0;                       //!< the client's id
        Ptr<Socket> socket;                         //!< the server's socket
        bool tcp = true;                            //!< TCP or UDP
        bool bound = false;                         //!< bound
        bool listening = false;                     //!< listening
        uint32_t clientBuffer = 0;                  //!< the client's receive buffer
        uint32_t credit = 0;                        //!< bytes the client can take now
        uint32_t granted = 0;                       //!< send credit given, not yet used
        bool peerClosed = false;                    //!< the TCP peer closed
        bool peerClosedSent = false;                //!< PEER_CLOSED sent
    };

    /** A client. */
    struct ClientState
    {
        bool registered = false;                            //!< REGISTER seen
        std::map<uint32_t, std::shared_ptr<Entry>> sockets; //!< by rsockId
        uint32_t nextAcceptedId = 0x80000001U;              //!< next server-chosen id
    };

    /**
     * An EP message from a client.
     * \param connection the LHP connection
     * \param message the message
     */
    void Receive(PeArpResoaLhp::ConnectionId connection, Ptr<Packet> message);
    /**
     * A client's LHP connection is up.
     * \param connection the LHP connection
     */
    void Connected(PeArpResoaLhp::ConnectionId connection);
    /**
     * A client's LHP connection was lost.
     * \param connection the LHP connection
     * \param reason why
     */
    void Lost(PeArpResoaLhp::ConnectionId connection, PeArpResoaLhp::LostReason reason);
    /**
     * Run a call.
     * \param entry the socket
     * \param header the message
     * \param payload its payload
     */
    void Execute(std::shared_ptr<Entry> entry,
                 const PeArpResoaEpHeader& header,
                 Ptr<Packet> payload);
    /**
     * Create a socket for a client.
     * \param connection the client
     * \param header the WITH_SOCKET message
     * \return the entry, or nullptr (refused)
     */
    std::shared_ptr<Entry> CreateEntry(PeArpResoaLhp::ConnectionId connection,
                                       const PeArpResoaEpHeader& header);
    /** \return a TCP socket of the ReSoA kind on this node */
    Ptr<Socket> CreateTcpSocket() const;
    /**
     * Install the socket callbacks.
     * \param socket the socket
     */
    void SetCallbacks(Ptr<Socket> socket);
    /**
     * Bind to PublicAddress:0 if not bound.
     * \param entry the socket
     */
    void EnsureBound(Entry& entry);
    /**
     * Forget a socket (kept alive until Dispose: TCP may still be closing).
     * \param entry the socket
     */
    void Remove(const std::shared_ptr<Entry>& entry);
    /**
     * Push what the socket has, within the client's credit.
     * \param entry the socket
     */
    void Push(const std::shared_ptr<Entry>& entry);
    /**
     * Give the client send credit for the room in the TCP send buffer.
     * \param entry the socket
     * \param force send even a small amount
     */
    void Grant(const std::shared_ptr<Entry>& entry, bool force);
    /**
     * Send a message to a client.
     * \param connection the client
     * \param header the header
     * \param payload the payload, or nullptr
     */
    void Reply(PeArpResoaLhp::ConnectionId connection,
               const PeArpResoaEpHeader& header,
               Ptr<Packet> payload);
    /**
     * Send RESULT or, on failure, forget the socket and send RESULT with
     * the error.
     * \param entry the socket
     * \param callId the call
     * \param ok the call succeeded
     */
    void Result(const std::shared_ptr<Entry>& entry, uint16_t callId, bool ok);
    /**
     * Send ERROR_CLOSE and forget the socket.
     * \param entry the socket
     * \param error the errno
     */
    void ErrorClose(const std::shared_ptr<Entry>& entry, Socket::SocketErrno error);
    /**
     * \param socket a socket
     * \return its public address and port
     */
    InetSocketAddress LocalOf(Ptr<Socket> socket) const;
    /**
     * \param socket a socket
     * \return its entry, or nullptr
     */
    std::shared_ptr<Entry> Lookup(Ptr<Socket> socket) const;
    /**
     * Count and trace a drop.
     * \param reason why
     * \param message the message
     */
    void Drop(DropReason reason, Ptr<const Packet> message);

    /**
     * An LHP connection has nothing outstanding: release held FINs.
     * \param connection the client
     */
    void Drained(PeArpResoaLhp::ConnectionId connection);
    /**
     * \param entry a socket
     * \return true if every byte it received reached its client (read from
     * TCP, pushed, and LHP-acknowledged)
     */
    bool Delivered(const Entry* entry) const;
    /**
     * Configure a TCP socket's FIN hold.
     * \param entry the socket
     */
    void SetupFinHold(const std::shared_ptr<Entry>& entry);

    /** \param socket the socket */
    void HandleRecv(Ptr<Socket> socket);
    /**
     * \param socket the socket
     * \param available bytes free in its send buffer
     */
    void HandleSend(Ptr<Socket> socket, uint32_t available);
    /** \param socket the socket */
    void HandleConnected(Ptr<Socket> socket);
    /** \param socket the socket */
    void HandleConnectFailed(Ptr<Socket> socket);
    /** \param socket the socket */
    void HandleNormalClose(Ptr<Socket> socket);
    /** \param socket the socket */
    void HandleErrorClose(Ptr<Socket> socket);
    /**
     * \param socket the listening socket
     * \param from the peer
     * \return true (accept)
     */
    bool HandleRequest(Ptr<Socket> socket, const Address& from);
    /**
     * \param socket the new socket
     * \param from the peer
     */
    void HandleAccept(Ptr<Socket> socket, const Address& from);

    Ptr<Node> m_node;                                             //!< the node
    Ptr<PeArpResoaLhp> m_lhp;                                     //!< the LHP
    Ipv4Address m_publicAddress;                                  //!< PublicAddress
    uint32_t m_maxSocketsPerClient;                               //!< MaxSocketsPerClient
    bool m_holdFin;                                               //!< HoldFin
    bool m_crashed{false};                                        //!< Crash() called
    std::map<PeArpResoaLhp::ConnectionId, ClientState> m_clients; //!< clients
    std::map<const Socket*, std::shared_ptr<Entry>> m_bySocket;   //!< socket to entry
    std::map<uint16_t, std::shared_ptr<Entry>> m_listeners;       //!< listening port to entry
    std::vector<Ptr<Socket>> m_retired;                           //!< forgotten sockets
    Counters m_counters;                                          //!< counters
    TracedCallback<DropReason, Ptr<const Packet>> m_dropTrace;    //!< Drop
};

} // namespace ns3

#endif /* PE_ARP_RESOA_SERVER_H */
