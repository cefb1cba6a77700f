/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_TABLE_H
#define PE_ARP_NAT_TABLE_H

#include "pe-arp-nat-port-allocator.h"

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <queue>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The state of a NAPT: mappings, sessions, filters, timers and
 * counters, without packets (ns3::PeArpNatRouting feeds it the fields of
 * each packet), so that it can be tested alone in virtual time.
 *
 * A mapping binds (protocol, private address, private port) to an external
 * port of PublicAddress; MappingBehaviour (RFC 4787 section 4.1) says
 * whether it is shared by every remote endpoint (EIM), by the remote
 * address (ADM) or only by one remote address and port (APDM). A mapping
 * holds one session per remote endpoint it has talked to; inbound packets
 * are let in by FilteringBehaviour (RFC 4787 section 5): from anyone (EIF),
 * from an address a session exists with (ADF), or from an endpoint a session
 * exists with (APDF). ICMP query ids are mapped endpoint-independently
 * (RFC 5508 REQ-1a) and filtered by address.
 *
 * Sessions expire after UdpTimeout, IcmpTimeout, or for TCP (RFC 5382,
 * RFC 7857) TcpTransitoryTimeout until SYNs were seen both ways,
 * TcpEstablishedTimeout then, and TcpTransitoryTimeout again after FINs
 * both ways or an RST. A mapping dies with its last session and gives its
 * port back. Outbound packets refresh their session, inbound ones too if
 * InboundRefresh (RFC 4787 REQ-6).
 *
 * Cost: lookups are hash-map finds (no scan); expiry is a min-heap of
 * deadlines with one pending event; a refresh only stores a time.
 */
class PeArpNatTable : public Object
{
  public:
    /** RFC 4787 mapping behaviour. */
    enum MappingBehaviour
    {
        EIM = 0, //!< endpoint-independent
        ADM,     //!< address-dependent
        APDM,    //!< address- and port-dependent
    };

    /** RFC 4787 filtering behaviour. */
    enum FilteringBehaviour
    {
        EIF = 0, //!< endpoint-independent
        ADF,     //!< address-dependent
        APDF,    //!< address- and port-dependent
    };

    /** Why a packet was dropped. */
    enum DropReason
    {
        NO_MAPPING = 0,       //!< inbound, no mapping for the port
        TABLE_FULL,           //!< MaxSessions sessions exist
        PORT_BLOCK_EXHAUSTED, //!< the subscriber's ports are all in use (blocks or
                              //!< limit)
        POOL_EXHAUSTED,       //!< no external port is free
        FILTERED,             //!< inbound, refused by FilteringBehaviour
        FRAGMENT,             //!< a non-first fragment (counted by the router)
        MALFORMED,            //!< too short to translate (counted by the router)
        QUEUE_FULL,           //!< refused by the processing cost model (counted by the
                              //!< router)
        DROP_REASONS,         //!< the number of reasons
    };

    /** TCP session state (RFC 5382 / RFC 7857). */
    enum TcpState
    {
        TRANSITORY = 0, //!< opening, closing or reset
        ESTABLISHED,    //!< SYN seen both ways
    };

    /** The result of a translation. */
    struct Translation
    {
        bool ok = false;                //!< translated (else dropped)
        DropReason reason = NO_MAPPING; //!< why not, if not ok
        Ipv4Address address;            //!< outbound: the public address; inbound: private
        uint16_t port = 0;              //!< outbound: the external port; inbound: private
        bool created = false;           //!< outbound: a new mapping was created
    };

    /** A mapping, as seen from outside the table. */
    struct MappingInfo
    {
        uint8_t protocol = 0;       //!< 6, 17 or 1
        Ipv4Address privateAddress; //!< the private host
        uint16_t privatePort = 0;   //!< its port or ICMP id
        uint16_t externalPort = 0;  //!< the external port or ICMP id
        uint32_t sessions = 0;      //!< sessions it holds
    };

    /** The table's counters. */
    struct Counters
    {
        uint64_t mappings = 0;                      //!< mappings now
        uint64_t sessions = 0;                      //!< sessions now
        uint64_t peakMappings = 0;                  //!< most mappings at once
        uint64_t peakSessions = 0;                  //!< most sessions at once
        uint64_t mappingsCreated = 0;               //!< mappings created
        uint64_t mappingsExpired = 0;               //!< mappings removed by their timeout
        uint64_t sessionsCreated = 0;               //!< sessions created
        uint64_t sessionsExpired = 0;               //!< sessions removed by their timeout
        uint64_t outbound = 0;                      //!< packets translated outbound
        uint64_t inbound = 0;                       //!< packets translated inbound
        std::array<uint64_t, DROP_REASONS> drops{}; //!< drops by reason
    };

    /**
     * TracedCallback signature for a drop.
     * \param [in] reason why
     * \param [in] protocol 6, 17 or 1
     * \param [in] address the private (outbound) or remote (inbound) address
     * \param [in] port its port
     */
    typedef void (*DropTracedCallback)(DropReason reason,
                                       uint8_t protocol,
                                       Ipv4Address address,
                                       uint16_t port);

    /**
     * TracedCallback signature for a mapping created or removed.
     * \param [in] mapping the mapping
     */
    typedef void (*MappingTracedCallback)(const MappingInfo& mapping);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpNatTable();
    ~PeArpNatTable() override;

    /**
     * A packet from inside to a remote endpoint: find or create its mapping
     * and session, update the TCP state, refresh.
     * \param protocol 6, 17 or 1 (ICMP echo request)
     * \param privateAddress its source
     * \param privatePort its source port or ICMP id
     * \param remoteAddress its destination
     * \param remotePort its destination port (ignored for ICMP)
     * \param tcpFlags its TCP flags
     * \return the public address and external port, or why it is dropped
     */
    Translation Outbound(uint8_t protocol,
                         Ipv4Address privateAddress,
                         uint16_t privatePort,
                         Ipv4Address remoteAddress,
                         uint16_t remotePort,
                         uint8_t tcpFlags = 0);

    /**
     * A packet from a remote endpoint to the public address: find the
     * mapping of its destination port, filter, create or refresh the session.
     * \param protocol 6, 17 or 1 (ICMP echo reply)
     * \param externalPort its destination port or ICMP id
     * \param remoteAddress its source
     * \param remotePort its source port (ignored for ICMP)
     * \param tcpFlags its TCP flags
     * \return the private address and port, or why it is dropped
     */
    Translation Inbound(uint8_t protocol,
                        uint16_t externalPort,
                        Ipv4Address remoteAddress,
                        uint16_t remotePort,
                        uint8_t tcpFlags = 0);

    /**
     * The mapping of an external port, without filtering, refreshing or
     * counting: for ICMP errors (RFC 5508 REQ-6).
     * \param protocol 6, 17 or 1
     * \param externalPort the external port or id
     * \return the mapping, if any
     */
    std::optional<MappingInfo> FindByExternal(uint8_t protocol, uint16_t externalPort) const;

    /**
     * The mapping of a private endpoint talking to a remote one, without
     * refreshing or counting: for ICMP errors sent by inside hosts (RFC 5508
     * REQ-5, REQ-6).
     * \param protocol 6, 17 or 1
     * \param privateAddress the private host
     * \param privatePort its port or ICMP id
     * \param remoteAddress the remote address (used by ADM and APDM)
     * \param remotePort the remote port (used by APDM)
     * \return the mapping, if any
     */
    std::optional<MappingInfo> FindByPrivate(uint8_t protocol,
                                             Ipv4Address privateAddress,
                                             uint16_t privatePort,
                                             Ipv4Address remoteAddress,
                                             uint16_t remotePort) const;

    /**
     * Count a drop decided outside the table (FRAGMENT, MALFORMED,
     * QUEUE_FULL) and fire the Drop trace.
     * \param reason why
     * \param protocol the protocol
     * \param address the address
     * \param port the port
     */
    void CountDrop(DropReason reason, uint8_t protocol, Ipv4Address address, uint16_t port);

    /**
     * \param protocol 6 (TCP)
     * \param externalPort a mapping's external port
     * \param remoteAddress the remote address of one of its sessions
     * \param remotePort the remote port
     * \return the session's TCP state, if the session exists
     */
    std::optional<TcpState> GetTcpState(uint8_t protocol,
                                        uint16_t externalPort,
                                        Ipv4Address remoteAddress,
                                        uint16_t remotePort) const;

    /** \return the counters */
    const Counters& GetCounters() const;

    /**
     * \param reason a drop reason
     * \return the drops counted for it
     */
    uint64_t GetDrops(DropReason reason) const;

    /** \return the port allocator (attribute PortAllocator) */
    Ptr<PeArpNatPortAllocator> GetPortAllocator() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * NS_LOG_WARN if a timeout is below its RFC minimum.
     * \param name the attribute
     * \param value its new value
     * \param minimum the RFC minimum
     * \param source the requirement
     */
    static void WarnIfBelow(const char* name, Time value, Time minimum, const char* source);
    /** \param timeout the UdpTimeout attribute (warns below 2 min) */
    void SetUdpTimeout(Time timeout);
    /** \return the UdpTimeout attribute */
    Time GetUdpTimeout() const;
    /** \param timeout the TcpEstablishedTimeout attribute (warns below 2 h 4 min)
     */
    void SetTcpEstablishedTimeout(Time timeout);
    /** \return the TcpEstablishedTimeout attribute */
    Time GetTcpEstablishedTimeout() const;
    /** \param timeout the TcpTransitoryTimeout attribute (warns below 4 min) */
    void SetTcpTransitoryTimeout(Time timeout);
    /** \return the TcpTransitoryTimeout attribute */
    Time GetTcpTransitoryTimeout() const;
    /** \param timeout the IcmpTimeout attribute (warns below 60 s) */
    void SetIcmpTimeout(Time timeout);
    /** \return the IcmpTimeout attribute */
    Time GetIcmpTimeout() const;

    /** Key of a mapping, from inside. */
    struct MappingKey
    {
        uint8_t protocol;        //!< protocol
        uint32_t privateAddress; //!< private address
        uint16_t privatePort;    //!< private port
        uint32_t remoteAddress;  //!< ADM, APDM: remote address; else 0
        uint16_t remotePort;     //!< APDM: remote port; else 0

        /**
         * \param o another key
         * \return true if equal
         */
        bool operator==(const MappingKey& o) const;
    };

    /** Hash of a MappingKey. */
    struct MappingKeyHash
    {
        /**
         * \param k a key
         * \return its hash
         */
        size_t operator()(const MappingKey& k) const;
    };

    /** A session: one remote endpoint of a mapping. */
    struct Session
    {
        Time deadline;               //!< when it expires, unless refreshed
        Time scheduled;              //!< the earliest heap entry for it
        TcpState state = TRANSITORY; //!< TCP state
        bool synOut = false;         //!< SYN seen outbound
        bool synIn = false;          //!< SYN seen inbound
        bool finOut = false;         //!< FIN seen outbound
        bool finIn = false;          //!< FIN seen inbound
        bool closed = false;         //!< FIN both ways or RST: transitory for good
    };

    /** A mapping. */
    struct Mapping
    {
        MappingKey key;                                   //!< its key
        uint16_t externalPort;                            //!< external port or id
        std::unordered_map<uint64_t, Session> sessions;   //!< by remote (address << 16 | port)
        std::unordered_map<uint32_t, uint32_t> addresses; //!< sessions per remote address (ADF)
    };

    /** A heap entry: a session's deadline. */
    struct Deadline
    {
        Time when;             //!< the deadline
        uint8_t protocol;      //!< the mapping's protocol
        uint16_t externalPort; //!< the mapping's external port
        uint64_t remote;       //!< the session's remote endpoint

        /**
         * \param o another entry
         * \return true if this one is later (for a min-heap)
         */
        bool operator>(const Deadline& o) const;
    };

    /**
     * \param protocol protocol
     * \param privateAddress private address
     * \param privatePort private port or id
     * \param remoteAddress remote address
     * \param remotePort remote port
     * \return the mapping key under MappingBehaviour
     */
    MappingKey KeyOf(uint8_t protocol,
                     Ipv4Address privateAddress,
                     uint16_t privatePort,
                     Ipv4Address remoteAddress,
                     uint16_t remotePort) const;
    /**
     * \param protocol protocol
     * \param externalPort external port
     * \return the key of the inbound index
     */
    static uint32_t InboundKey(uint8_t protocol, uint16_t externalPort);
    /**
     * \param address an address
     * \param port a port
     * \return the session key
     */
    static uint64_t RemoteKey(Ipv4Address address, uint16_t port);
    /**
     * Count a drop and fire the trace.
     * \param reason why
     * \param protocol protocol
     * \param address address
     * \param port port
     * \return a Translation saying so
     */
    Translation Drop(DropReason reason, uint8_t protocol, Ipv4Address address, uint16_t port);
    /**
     * \param protocol the protocol
     * \param session a session
     * \return its timeout in its state
     */
    Time TimeoutOf(uint8_t protocol, const Session& session) const;
    /**
     * Add a session to a mapping.
     * \param m the mapping
     * \param remote the remote endpoint
     * \return the session
     */
    Session& AddSession(Mapping& m, uint64_t remote);
    /**
     * Update a session's TCP state from the flags of a packet and set its
     * deadline.
     * \param m its mapping
     * \param s the session
     * \param remote its key
     * \param tcpFlags the flags
     * \param outbound the packet's direction
     */
    void Touch(Mapping& m, Session& s, uint64_t remote, uint8_t tcpFlags, bool outbound);
    /**
     * Make sure a heap entry exists no later than a session's deadline.
     * \param m its mapping
     * \param s the session
     * \param remote its key
     */
    void Schedule(const Mapping& m, Session& s, uint64_t remote);
    /** Expire what is due and schedule the next expiry. */
    void Expire();
    /**
     * Remove a mapping (its port goes back).
     * \param m the mapping
     */
    void RemoveMapping(const Mapping& m);
    /**
     * \param m a mapping
     * \return its description
     */
    static MappingInfo Info(const Mapping& m);

    Ipv4Address m_publicAddress;            //!< PublicAddress attribute
    MappingBehaviour m_mapping;             //!< MappingBehaviour attribute
    FilteringBehaviour m_filtering;         //!< FilteringBehaviour attribute
    Time m_udpTimeout;                      //!< UdpTimeout attribute
    Time m_tcpEstablished;                  //!< TcpEstablishedTimeout attribute
    Time m_tcpTransitory;                   //!< TcpTransitoryTimeout attribute
    Time m_icmpTimeout;                     //!< IcmpTimeout attribute
    bool m_inboundRefresh;                  //!< InboundRefresh attribute
    uint32_t m_maxSessions;                 //!< MaxSessions attribute
    Ptr<PeArpNatPortAllocator> m_allocator; //!< PortAllocator attribute
    std::unordered_map<MappingKey, uint32_t, MappingKeyHash> m_byPrivate; //!< key -> inbound key
    std::unordered_map<uint32_t, Mapping> m_byExternal; //!< (protocol, external port) -> mapping
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>>
        m_heap;          //!< deadlines
    EventId m_expiry;    //!< the one expiry event
    Counters m_counters; //!< counters
    TracedCallback<DropReason, uint8_t, Ipv4Address, uint16_t> m_dropTrace; //!< Drop
    TracedCallback<const MappingInfo&> m_createdTrace;                      //!< MappingCreated
    TracedCallback<const MappingInfo&> m_removedTrace;                      //!< MappingRemoved
};

/**
 * \param os a stream
 * \param reason a drop reason
 * \return the stream, with "no-mapping", "table-full", ...
 */
std::ostream& operator<<(std::ostream& os, PeArpNatTable::DropReason reason);

} // namespace ns3

#endif /* PE_ARP_NAT_TABLE_H */
