/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_LHP_H
#define PE_ARP_RESOA_LHP_H

#include "pe-arp-resoa-lhp-header.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/queue.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <utility>

namespace ns3
{

class Node;

/**
 * \ingroup pe-arp
 * \brief ReSoA's last-hop protocol (LHP): a reliable, connection-oriented,
 * in-order, exactly-once message transport directly on a LAN device
 * (EtherType 0x88B5), with no IP.
 *
 * The ReSoA TR (section 4) asks a fully reliable, connection-oriented LHP
 * for TCP sockets; its format (TKN-01-016) is not available, so this one is
 * ours (ns3::PeArpResoaLhpHeader). One object serves one device; a
 * connection is named on the wire by (peer MAC, connId) and locally by a
 * ConnectionId handle.
 *
 * Each message is one DATA frame with a sequence number (one per message).
 * The receiver delivers in order and exactly once, keeps out-of-order
 * messages within its Window, and answers every DATA frame with a
 * cumulative ACK. The sender keeps at most min(Window, peer window)
 * messages unacknowledged; when the retransmission timeout expires it sends
 * them all again (go-back-N) and doubles the timeout, and after MaxRetries
 * expiries without progress the connection is lost. The timeout after
 * progress is max(Rto, srtt + 4 rttvar), estimated as in RFC 6298 from
 * messages sent once (Karn); Rto is also the initial value. An idle connection sends a KEEPALIVE
 * every KeepaliveInterval (answered by an ACK); a peer not heard from for DeadAfter intervals is
 * lost. A frame for an unknown connection is answered by RESET, which makes the peer lose it.
 *
 * DATA frames are not handed to the device while its transmit queue holds
 * DeviceQueueLimit frames or is full (CSMA and simple devices, whose queue
 * is known; other devices: while their NetDeviceQueueInterface queue is
 * stopped). The LHP tries again QueuePoll later, so a busy device delays
 * messages instead of dropping them, and ACKs do not wait behind a long
 * burst; an ACK that would not fit is put off until there is room.
 *
 * Malformed frames are dropped and counted by reason (Drop trace). Crash()
 * silences the protocol for good (the §4.4 server crash).
 */
class PeArpResoaLhp : public Object
{
  public:
    /** A local connection handle (never 0). */
    typedef uint32_t ConnectionId;

    /** The EtherType. */
    static constexpr uint16_t PROTOCOL = 0x88B5;

    /** Why a frame was dropped. */
    enum DropReason
    {
        TRUNCATED = 0, //!< shorter than the header
        BAD_TYPE,      //!< unknown frame type
        BAD_LENGTH,    //!< len beyond the frame, or len on a non-DATA frame
        NO_CONNECTION, //!< for a connection that does not exist (answered by RESET)
        NOT_LISTENING, //!< CONN_REQ to an endpoint that does not accept
        OUT_OF_WINDOW, //!< DATA beyond the receive window
        QUEUE_FULL,    //!< Send refused: MaxQueue messages are waiting
        SILENT,        //!< received after Crash()
        DROP_REASONS,  //!< the number of reasons
    };

    /** Why a connection was lost. */
    enum LostReason
    {
        DEAD_PEER = 0, //!< nothing heard for DeadAfter keepalive intervals
        MAX_RETRIES,   //!< MaxRetries retransmission timeouts without progress
        RESET_BY_PEER, //!< the peer answered RESET
        DISCONNECTED,  //!< the peer sent DISC
    };

    /** Counters. */
    struct Counters
    {
        std::array<uint64_t, PeArpResoaLhpHeader::TYPE_MAX + 1> sent{}; //!< frames sent, by type
        std::array<uint64_t, PeArpResoaLhpHeader::TYPE_MAX + 1>
            received{};               //!< valid frames received, by type
        uint64_t retransmissions = 0; //!< DATA and CONN_REQ frames sent again
        uint64_t duplicates = 0;      //!< DATA received again (acked, not delivered)
        uint64_t delivered = 0;       //!< messages delivered up
        uint64_t connectionsLost = 0;
        uint64_t deviceRefused = 0; //!< frames the device did not take (its queue was full)
        uint64_t acksDeferred = 0;  //!< ACKs put off because the device queue was full //!<
                                    //!< connections lost
        std::array<uint64_t, DROP_REASONS> drops{}; //!< drops by reason
    };

    /**
     * TracedCallback signature for a drop.
     * \param [in] reason why
     * \param [in] frame the frame (or message) dropped
     */
    typedef void (*DropTracedCallback)(DropReason reason, Ptr<const Packet> frame);

    /**
     * TracedCallback signature for a lost connection.
     * \param [in] connection the handle
     * \param [in] reason why
     */
    typedef void (*LostTracedCallback)(ConnectionId connection, LostReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpResoaLhp();
    ~PeArpResoaLhp() override;

    /**
     * Attach to a device: register the EtherType handler on its node.
     * \param device the LAN device
     */
    void Install(Ptr<NetDevice> device);
    /** \return the device */
    Ptr<NetDevice> GetDevice() const;
    /** \param listening accept CONN_REQs (a server) */
    void SetListening(bool listening);

    /**
     * Open a connection (sends CONN_REQ). Messages sent before it is up are
     * queued.
     * \param peer the peer's MAC address
     * \return the handle
     */
    ConnectionId Connect(Mac48Address peer);
    /**
     * Queue a message.
     * \param connection the handle
     * \param message at most GetMaxPayload() bytes
     * \return false if the connection does not exist, the protocol crashed,
     * the message is too big, or MaxQueue messages are waiting (QUEUE_FULL)
     */
    bool Send(ConnectionId connection, Ptr<Packet> message);
    /**
     * Close a connection: send DISC and forget it (no callback).
     * \param connection the handle
     */
    void Close(ConnectionId connection);
    /** Crash: drop every frame from now on, send nothing, forget all connections. */
    void Crash();

    /**
     * \param connection the handle
     * \return true if it exists and its handshake completed
     */
    bool IsEstablished(ConnectionId connection) const;
    /**
     * \param connection the handle
     * \return the peer's MAC address (the broadcast address if unknown)
     */
    Mac48Address GetPeer(ConnectionId connection) const;
    /**
     * \param connection the handle
     * \return messages queued or sent and not yet acknowledged
     */
    uint32_t GetOutstanding(ConnectionId connection) const;
    /** \return the largest message Send accepts (device MTU minus the header) */
    uint32_t GetMaxPayload() const;
    /** \return the number of connections */
    uint32_t GetConnectionCount() const;
    /** \return the counters */
    const Counters& GetCounters() const;

    /** \param cb called with each message, in order, exactly once */
    void SetRecvCallback(Callback<void, ConnectionId, Ptr<Packet>> cb);
    /** \param cb called when a connection is up (initiator: CONN_ACK; listener: CONN_REQ) */
    void SetConnectedCallback(Callback<void, ConnectionId> cb);
    /** \param cb called when a connection is lost or the peer disconnected */
    void SetConnectionLostCallback(Callback<void, ConnectionId, LostReason> cb);
    /** \param cb called when an acknowledgement leaves no message outstanding */
    void SetDrainedCallback(Callback<void, ConnectionId> cb);

  protected:
    void DoDispose() override;

  private:
    /** One connection. */
    struct Connection
    {
        Mac48Address peer;                       //!< peer MAC
        uint16_t connId = 0;                     //!< wire id
        bool established = false;                //!< handshake done
        uint32_t sendBase = 0;                   //!< oldest unacked sequence number
        uint32_t nextToSend = 0;                 //!< next sequence number to transmit
        uint32_t highestSent = 0;                //!< one past the highest ever sent
        std::deque<Ptr<Packet>> queue;           //!< messages from sendBase on
        std::deque<Time> sentAt;                 //!< first transmission (negative: resent)
        bool hasRtt = false;                     //!< srtt and rttvar hold a sample
        Time srtt;                               //!< smoothed round-trip time
        Time rttvar;                             //!< round-trip time variation
        uint16_t peerWindow = 1;                 //!< the peer's window
        uint32_t expected = 0;                   //!< next sequence number to deliver
        std::map<uint32_t, Ptr<Packet>> reorder; //!< out-of-order messages
        Time rto;                                //!< current retransmission timeout
        uint32_t retries = 0;                    //!< expiries without progress
        EventId rtoEvent;                        //!< retransmission timer
        EventId keepaliveEvent;                  //!< keepalive timer
        EventId ackEvent;                        //!< delayed ACK
        uint32_t ackSent = 0;                    //!< the ack value last sent
        Time lastHeard;                          //!< last valid frame from the peer
    };

    /**
     * The EtherType handler.
     * \param device the device
     * \param packet the frame
     * \param protocol the EtherType
     * \param from the sender
     * \param to the destination
     * \param type the packet type
     */
    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType type);
    /**
     * Send a frame.
     * \param peer destination
     * \param header the header (len is set from payload)
     * \param payload the payload, or nullptr
     */
    void SendFrame(Mac48Address peer, PeArpResoaLhpHeader header, Ptr<Packet> payload);
    /**
     * Send a control frame on a connection.
     * \param c the connection
     * \param type the type
     */
    void SendControl(Connection& c, PeArpResoaLhpHeader::Type type);
    /** \return true if the device's transmit queue is stopped (full) */
    bool DeviceStopped() const;
    /** Retry every connection after the device queue was stopped. */
    void Resume();
    /**
     * Send an ACK now (cancels a delayed one).
     * \param c the connection
     */
    void SendAck(Connection& c);
    /**
     * The delayed ACK timer.
     * \param id the handle
     */
    void DelayedAck(ConnectionId id);
    /**
     * Transmit what the windows allow.
     * \param id the handle
     */
    void TrySend(ConnectionId id);
    /**
     * Process a cumulative ack.
     * \param id the handle
     * \param ack the ack
     * \param window the peer's window
     */
    void ProcessAck(ConnectionId id, uint32_t ack, uint16_t window);
    /**
     * \param c a connection
     * \return its timeout after progress: max(Rto, srtt + 4 rttvar), RFC 6298
     */
    Time BaseRto(const Connection& c) const;
    /**
     * Retransmission timeout.
     * \param id the handle
     */
    void RtoExpired(ConnectionId id);
    /**
     * Keepalive timer.
     * \param id the handle
     */
    void KeepaliveTick(ConnectionId id);
    /**
     * Lose a connection: forget it and call back.
     * \param id the handle
     * \param reason why
     */
    void Lose(ConnectionId id, LostReason reason);
    /**
     * Count and trace a drop.
     * \param reason why
     * \param frame the frame
     */
    void Drop(DropReason reason, Ptr<const Packet> frame);
    /**
     * \param id the handle
     * \return the connection, or nullptr
     */
    Connection* Find(ConnectionId id);
    /**
     * \param id the handle
     * \return the connection, or nullptr
     */
    const Connection* Find(ConnectionId id) const;
    /**
     * Start the keepalive timer.
     * \param id the handle
     */
    void ScheduleKeepalive(ConnectionId id);

    Ptr<NetDevice> m_device;                                           //!< the device
    bool m_listening{false};                                           //!< accepts CONN_REQ
    bool m_crashed{false};                                             //!< Crash() was called
    bool m_installed{false};                                           //!< handler registered
    ConnectionId m_nextHandle{1};                                      //!< next handle
    uint16_t m_nextConnId{1};                                          //!< next wire id
    std::map<ConnectionId, Connection> m_connections;                  //!< by handle
    std::map<std::pair<Mac48Address, uint16_t>, ConnectionId> m_byKey; //!< by (peer, connId)
    Counters m_counters;                                               //!< counters

    Time m_initialRto;            //!< Rto attribute
    uint32_t m_maxRetries;        //!< MaxRetries attribute
    Time m_keepaliveInterval;     //!< KeepaliveInterval attribute
    uint32_t m_deadAfter;         //!< DeadAfter attribute
    uint16_t m_window;            //!< Window attribute
    uint32_t m_maxQueue;          //!< MaxQueue attribute
    Time m_ackDelay;              //!< AckDelay attribute
    uint32_t m_ackEvery;          //!< AckEvery attribute
    Time m_queuePoll;             //!< QueuePoll attribute
    uint32_t m_queueLimit;        //!< DeviceQueueLimit attribute
    Ptr<QueueBase> m_deviceQueue; //!< the device's transmit queue (CSMA, simple), if known
    EventId m_resumeEvent;        //!< retry after the device queue was stopped

    Callback<void, ConnectionId, Ptr<Packet>> m_recvCallback; //!< messages
    Callback<void, ConnectionId> m_connectedCallback;         //!< connections up
    Callback<void, ConnectionId, LostReason> m_lostCallback;  //!< connections lost
    Callback<void, ConnectionId> m_drainedCallback;           //!< all acknowledged

    TracedCallback<DropReason, Ptr<const Packet>> m_dropTrace; //!< Drop
    TracedCallback<ConnectionId, LostReason> m_lostTrace;      //!< ConnectionLost
    TracedCallback<Ptr<const Packet>> m_txTrace;               //!< Tx (frames)
    TracedCallback<Ptr<const Packet>> m_rxTrace;               //!< Rx (frames)
};

} // namespace ns3

#endif /* PE_ARP_RESOA_LHP_H */
