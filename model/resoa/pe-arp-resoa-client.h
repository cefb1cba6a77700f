/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_CLIENT_H
#define PE_ARP_RESOA_CLIENT_H

#include "pe-arp-resoa-ep-header.h"
#include "pe-arp-resoa-lhp.h"

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <map>
#include <vector>

namespace ns3
{

class Node;
class NetDevice;
class Socket;
class PeArpResoaSocket;

/**
 * \ingroup pe-arp
 * \brief The ReSoA client of a node (ReSoA TR section 4.3): one LHP
 * connection to the server's MAC address, the registration that gives the
 * public address, and the rsockID to socket map.
 *
 * The node's applications get ns3::PeArpResoaSocket objects from the
 * ReSoA socket factories (ns3::PeArpResoaTcpSocketFactory,
 * ns3::PeArpResoaUdpSocketFactory), which ask this object. Messages from
 * the server that do not parse, go the wrong way or name no socket are
 * dropped and counted. When the LHP connection is lost (server crash,
 * §4.4) every socket fails: NotifyConnectionFailed if it was connecting,
 * NotifyErrorClose otherwise, with errno ERROR_SHUTDOWN.
 */
class PeArpResoaClient : public Object
{
  public:
    /** Why a message from the server was dropped. */
    enum DropReason
    {
        TRUNCATED = 0,   //!< EP header truncated
        BAD_TYPE,        //!< unknown EP type
        BAD_TLV,         //!< a TLV overruns, has a wrong length or repeats
        MISSING_FIELD,   //!< a TLV the type requires is missing
        TRAILING_BYTES,  //!< bytes after a message without payload
        WRONG_DIRECTION, //!< a client-to-server type
        NO_SOCKET,       //!< no socket has this rsockId (or the parent of an ACCEPT_IND)
        RX_OVERFLOW,     //!< data beyond the socket's receive buffer
        DROP_REASONS,    //!< the number of reasons
    };

    /** Counters. */
    struct Counters
    {
        std::map<uint8_t, uint64_t> sent;           //!< EP messages sent, by type
        std::map<uint8_t, uint64_t> received;       //!< valid EP messages received, by type
        uint64_t socketsCreated = 0;                //!< sockets created (incl. accepted)
        uint64_t bytesSent = 0;                     //!< payload bytes sent (SEND, SENDTO)
        uint64_t bytesReceived = 0;                 //!< payload bytes received (DATA, DATA_FROM)
        uint64_t connectionLost = 0;                //!< LHP connection losses
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

    PeArpResoaClient();
    ~PeArpResoaClient() override;

    /**
     * Start: open the LHP connection on the device and register (both at
     * the current simulation time, through ScheduleNow).
     * \param device the LAN device
     * \param server the server's MAC address
     */
    void Start(Ptr<NetDevice> device, Mac48Address server);
    /** \return true once REGISTER_ACK arrived (and the LHP connection is up) */
    bool IsRegistered() const;
    /** \return the public address given at registration (0.0.0.0 before) */
    Ipv4Address GetPublicAddress() const;
    /** \return the node */
    Ptr<Node> GetNode() const;
    /** \return the LHP */
    Ptr<PeArpResoaLhp> GetLhp() const;
    /** \return the counters */
    const Counters& GetCounters() const;
    /** \return the number of sockets in the map */
    uint32_t GetSocketCount() const;

    /**
     * \param tcp a TCP (stream) socket, else UDP (datagram)
     * \return a new socket (the server hears of it with its first call)
     */
    Ptr<Socket> CreateSocket(bool tcp);

    /**
     * Send an EP message to the server (used by PeArpResoaSocket).
     * \param header the header
     * \param payload the payload, or nullptr
     * \return true if the LHP took it
     */
    bool SendMessage(const PeArpResoaEpHeader& header, Ptr<Packet> payload);
    /** \return the largest EP message (header included) */
    uint32_t GetMaxMessage() const;
    /**
     * Put a socket in the map (used by PeArpResoaSocket for accepted sockets).
     * \param socket the socket
     */
    void AddSocket(Ptr<PeArpResoaSocket> socket);
    /**
     * Take a socket out of the map.
     * \param rsockId its id
     */
    void RemoveSocket(uint32_t rsockId);
    /**
     * Count a drop (used by PeArpResoaSocket for RX_OVERFLOW).
     * \param reason why
     * \param message the message
     */
    void CountDrop(DropReason reason, Ptr<const Packet> message);

  protected:
    void DoDispose() override;

  private:
    /** Open the LHP connection and register. */
    void DoStart();
    /**
     * An EP message from the server.
     * \param connection the LHP connection
     * \param message the message
     */
    void Receive(PeArpResoaLhp::ConnectionId connection, Ptr<Packet> message);
    /**
     * The LHP connection was lost.
     * \param connection the LHP connection
     * \param reason why
     */
    void Lost(PeArpResoaLhp::ConnectionId connection, PeArpResoaLhp::LostReason reason);

    Ptr<Node> m_node;                                          //!< the node
    Ptr<PeArpResoaLhp> m_lhp;                                  //!< the LHP
    Mac48Address m_server;                                     //!< server MAC
    PeArpResoaLhp::ConnectionId m_connection{0};               //!< the LHP connection
    bool m_started{false};                                     //!< DoStart ran
    std::vector<Ptr<Packet>> m_early;                          //!< messages before DoStart
    bool m_registered{false};                                  //!< REGISTER_ACK seen
    Ipv4Address m_publicAddress;                               //!< from REGISTER_ACK
    uint32_t m_nextRsockId{1};                                 //!< next client-chosen id
    std::map<uint32_t, Ptr<PeArpResoaSocket>> m_sockets;       //!< rsockId to socket
    Counters m_counters;                                       //!< counters
    TracedCallback<DropReason, Ptr<const Packet>> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif /* PE_ARP_RESOA_CLIENT_H */
