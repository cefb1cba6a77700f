/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_L3_PROTOCOL_H
#define PE_ARP_L3_PROTOCOL_H

#include "pe-arp-cache.h"
#include "pe-arp-header.h"

#include "ns3/address.h"
#include "ns3/net-device.h"
#include "ns3/object.h"
#include "ns3/random-variable-stream.h"
#include "ns3/rng-stream.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <memory>
#include <optional>

/**
 * \defgroup pe-arp Port Enhanced ARP
 *
 * PE-ARP (Karir, Wustrow and Rees): many hosts share one IPv4 address, each
 * owning a TCP/UDP port range, and ARP extended with ports resolves
 * (address, port) to a MAC address, in an edge router or in a PE-Bridge in
 * front of an unmodified gateway. The model is split by layer: core
 * (wire format, cache, protocol, port sets, IPv4 summary), host (the PE-ARP
 * interface and the host stack), edge (PE-Bridge, echo responder),
 * provisioning (conflict detection, DHCP option 159) and service (DNS SRV).
 * See doc/pe-arp.rst.
 */

namespace ns3
{

class Node;
class PeArpInterface;

/**
 * \ingroup pe-arp
 * \brief Port Enhanced ARP: resolves (IPv4 address, port) to a MAC address.
 *
 * One object per node (aggregated to the node), the counterpart of
 * ns3::ArpL3Protocol for PE-ARP interfaces (ns3::PeArpNetDevice) and
 * PE-Bridges (ns3::PeArpBridgeNetDevice). It keeps
 * no table of its own: each interface owns a ns3::PeArpCache.
 *
 * Request/reply semantics (PE-ARP paper, section III.B, Table II):
 * - on a miss for (IP, port) it broadcasts "who has IP:port? I have
 *   myIP:myRange (myMAC)", return port = my range low;
 * - a node answers a request only if the target IP is one of its addresses
 *   and the target port is in its range. It first learns the requester
 *   (sender IP, sender range -> sender MAC), then replies with its full
 *   range holding the port, target port = the requester's range low and return port = the
 *   port that was asked for (with LearnFromRequest false it replies without
 *   learning, as ns3::ArpL3Protocol);
 * - a reply is accepted only if it answers an outstanding request (matched
 *   by the return port); anything else is dropped as suspected poisoning.
 *
 * Standard ARP frames (no PE-ARP extension) are understood as range 0-0 (all
 * ports): standard requests are answered with standard replies by nodes
 * that own all ports of the address, and standard replies resolve any
 * outstanding request of the replier's address. A node that shares its
 * address never answers a standard request, because the requester could
 * not tell the sharers apart.
 */
class PeArpL3Protocol : public Object, public PeArpCache::Owner
{
  public:
    static const uint16_t PROT_NUMBER; //!< ARP ethertype, 0x0806

    /** Why a frame or packet was dropped. */
    enum DropReason
    {
        MALFORMED_FRAME = 0,       //!< the ARP frame could not be parsed
        UNSOLICITED_REPLY,         //!< a reply nobody asked for (suspected poisoning)
        INCONSISTENT_REPLY,        //!< a reply whose range does not hold the port asked for
        LEGACY_REQUEST_FOR_SHARED, //!< a standard request for an address this node shares
        CACHE_REFUSED,             //!< the cache refused what was learned (static conflict, full)
        DEAD_ENTRY,                //!< IPv4 packet for an address that did not resolve
        PORTLESS_TO_SHARED,        //!< IPv4 packet without ports for a shared address
        WRONG_HOST,         //!< IPv4 packet for a port of the shared address this host does not own
        NO_SOURCE_ADDRESS,  //!< the interface has no IPv4 address to send a request from
        NO_ROUTE,           //!< IPv4 packet without a next hop through the interface
        MALFORMED_ICMP,     //!< truncated ICMP message, or one quoting a truncated packet
        RANGE_CONFLICT,     //!< a frame announcing all ports (0-0) of a shared address
                            //!< (suspected poisoning)
        INSPECTION_REFUSED, //!< a frame the inspector refused (binding, rate limit)
        // The cache's drops (PeArpCache::DropReason), counted here too:
        PENDING_QUEUE_FULL,   //!< the oldest pending packet was pushed out of a full queue
        RESOLUTION_FAILED,    //!< a pending packet: no reply after MaxRetries retransmissions
        TABLE_FULL,           //!< no entry could be created for the packet (MaxEntries)
        SUPERSEDED_BY_STATIC, //!< a pending packet of an entry a static entry replaced
        DISPOSED,             //!< a pending packet of an entry removed, flushed or disposed
        UNRESOLVED_LIMIT,     //!< a miss beyond MaxUnresolvedPerAddress (no entry, no request)
        RATE_LIMITED,         //!< a miss while the address' request bucket was empty
        EVICTED,              //!< a pending packet of an unanswered entry evicted for room
        DROP_REASON_COUNT     //!< number of reasons (not a reason)
    };

    /** Frame counters, which every node updates. */
    struct FrameCounters
    {
        uint64_t requestsSent = 0;           //!< requests sent (including retransmissions)
        uint64_t requestsSkipped = 0;        //!< delayed requests not sent: resolved meanwhile
        uint64_t repliesSent = 0;            //!< replies sent
        uint64_t requestsReceived = 0;       //!< requests this node answered
        uint64_t repliesReceived = 0;        //!< replies accepted (answering a request)
        uint64_t repliesConfirming = 0;      //!< replies that only confirm an entry already held
        uint64_t standardFramesReceived = 0; //!< well-formed frames without the extension
        uint64_t notForUs = 0;               //!< frames for other addresses or sharers (ignored)
        uint64_t probesDefended = 0;         //!< range probes answered: they overlap our ports
        uint64_t probesSent = 0;        //!< range probes sent (SendClaimRequest), not requestsSent
        uint64_t announcementsSent = 0; //!< range announcements sent (SendClaimRequest)
        uint64_t announcementsMerged = 0; //!< announcements that moved an entry to a new MAC
        uint64_t proxyReplies = 0;        //!< replies for other nodes' addresses (proxy ARP)
    };

    /** Counters readable after a run: the frame counters and the drops by reason. */
    struct Counters : FrameCounters
    {
        std::array<uint64_t, DROP_REASON_COUNT> drops{}; //!< drops by reason
        /** \return the sum of all drops */
        uint64_t TotalDrops() const;
    };

    /**
     * TracedCallback signature for PE-ARP frames sent or received.
     * \param [in] device the PE-ARP interface
     * \param [in] header the parsed frame
     */
    typedef void (*FrameTracedCallback)(Ptr<const NetDevice> device, const PeArpHeader& header);

    /**
     * TracedCallback signature for drops.
     * \param [in] packet the frame or IPv4 packet
     * \param [in] reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpL3Protocol();
    ~PeArpL3Protocol() override;
    PeArpL3Protocol(const PeArpL3Protocol&) = delete;
    PeArpL3Protocol& operator=(const PeArpL3Protocol&) = delete;

    /**
     * Create the cache of a device that resolves with PE-ARP (a
     * ns3::PeArpNetDevice or ns3::PeArpBridgeNetDevice); its drops are
     * counted by this protocol. The device flushes it (PeArpCache::Flush)
     * on a link change, as ns3::ArpL3Protocol has its caches flushed: a
     * callback registered here would cost every host one more callback.
     * \param device the device
     * \param interface the same device as a ns3::PeArpInterface (kept by the
     *        cache, so that no packet needs a cast)
     * \param name the interface name for printing
     * \return the new cache
     */
    Ptr<PeArpCache> CreateCache(Ptr<NetDevice> device,
                                PeArpInterface* interface,
                                const std::string& name);

    /**
     * Resolve the hardware address for an IPv4 packet.
     *
     * On a miss the packet is queued in the cache, a request is scheduled
     * and nothing is returned; the packet is sent when the reply arrives.
     * \param cache the outgoing interface's cache (made by CreateCache)
     * \param packet the IPv4 packet, header included
     * \param nextHop the next-hop address
     * \param port the destination port, or 0 for traffic without ports
     * \param source the packet's source hardware address, kept with it while
     *        it waits and given back to SendResolved (empty: the device's own)
     * \return the hardware address on a hit; nothing when the packet was
     *         queued or dropped (counted)
     */
    std::optional<Mac48Address> Lookup(Ptr<PeArpCache> cache,
                                       Ptr<Packet> packet,
                                       Ipv4Address nextHop,
                                       uint16_t port,
                                       const Address& source);

    /**
     * Process an ARP frame received on a PE-ARP interface.
     * \param cache the interface's cache (made by CreateCache)
     * \param frame the frame payload (after the Ethernet header)
     * \param from the source hardware address
     */
    void Receive(Ptr<PeArpCache> cache, Ptr<const Packet> frame, const Address& from);

    /**
     * Broadcast a request for (target, port) on an interface.
     * \param cache the interface's cache
     * \param target the address to resolve
     * \param port the port to resolve (0: no port)
     */
    void SendRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port);

    /**
     * Broadcast a frame of port range conflict detection on a device, for
     * ns3::PeArpConflictDetector: a probe (a request from 0.0.0.0 whose
     * sender range is the candidate range) or an announcement (a request
     * whose sender and target are the shared address). Traced as
     * RequestSent and counted in probesSent or announcementsSent (not in
     * requestsSent, which counts resolution requests). Aborts on any other
     * frame.
     * \param device the PE-ARP interface
     * \param request the probe or announcement
     */
    void SendClaimRequest(Ptr<NetDevice> device, const PeArpHeader& request);

    /**
     * Hear the frames of port range conflict detection on a device: probes
     * (requests from 0.0.0.0 for a range), answers to probes (replies to
     * 0.0.0.0) and announcements (requests whose sender is the target).
     * Used by ns3::PeArpConflictDetector.
     * \param device the device
     * \param listener called with each such frame (a null callback removes it)
     */
    void SetProbeListener(Ptr<NetDevice> device, Callback<void, const PeArpHeader&> listener);

    /**
     * Inspect every well-formed ARP frame this node receives before it is
     * handled (dynamic ARP inspection, e.g. ns3::PeArpArpInspection): a
     * frame the inspector refuses is dropped as INSPECTION_REFUSED.
     * \param inspector called with the receiving device and the frame;
     * returns true to let the frame in (a null callback removes it)
     */
    void SetInspector(Callback<bool, Ptr<const NetDevice>, const PeArpHeader&> inspector);

    /**
     * Report a drop (used by PE-ARP interfaces for IPv4 packets; the drops
     * of the caches this protocol created are reported through it too).
     * \param packet the packet
     * \param reason the reason
     */
    void NotifyDrop(Ptr<const Packet> packet, DropReason reason);

    /** \return the counters (a copy) */
    Counters GetCounters() const;
    /** \return the port used for traffic without ports, 0 if none */
    uint16_t GetDefaultPort() const;

    /// Bounds in ms of the default request jitter (RequestJitter null), as ns3::ArpL3Protocol.
    static constexpr double DEFAULT_JITTER_MAX_MS = 10;

    /**
     * Assign a fixed random variable stream number to the random variables
     * used by this model.
     * \param stream first stream index to use
     * \return the number of stream indices assigned by this model
     */
    int64_t AssignStreams(int64_t stream);

    /**
     * A request of one of the node's caches: a retransmission is sent at
     * once, the first request of an entry that was deferred after
     * RequestJitter.
     * \param cache the cache
     * \param target the address
     * \param port the port
     */
    void CacheRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port) override;
    /**
     * Count and trace a drop of one of the node's caches.
     * \param packet the packet
     * \param reason the cache's reason
     */
    void CacheDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason) override;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /**
     * Send queued IPv4 packets now that their address is known.
     * \param device the interface
     * \param pending the packets
     * \param mac their destination
     */
    void SendPending(PeArpInterface* device, PeArpCache::PendingList& pending, Mac48Address mac);
    /**
     * Schedule a request after the request jitter.
     * \param cache the cache
     * \param target the address
     * \param port the port
     */
    void ScheduleRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port);
    /**
     * Send a request scheduled by ScheduleRequest, unless its entry no
     * longer waits for a reply (then it is counted as skipped).
     * \param cache the cache
     * \param target the address
     * \param port the port
     */
    void SendDelayedRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port);
    /**
     * Would learning a frame's sender replace the port ranges of a shared
     * address? A standard frame (or a PE-ARP frame announcing 0-0) claims
     * every port of its sender address; for an address with learned ranges,
     * declared shared, or shared by this node itself, that is a conflict.
     * \param interface the receiving interface
     * \param header the frame
     * \return true if the frame must be dropped (RANGE_CONFLICT)
     */
    static bool IsRangeConflict(PeArpInterface* interface, const PeArpHeader& header);
    /**
     * Answer a request for an address the interface proxies (IsProxyFor)
     * with the interface's MAC, for all ports of the address.
     * \param cache the receiving interface's cache
     * \param header the request
     */
    void AnswerAsProxy(Ptr<PeArpCache> cache, const PeArpHeader& header);
    /**
     * Answer a request (a PE-ARP reply with a range, or an RFC 826 reply to
     * a standard request) from the interface's MAC, and count and trace it.
     * \param cache the receiving interface's cache
     * \param request the request
     * \param range the range answered for (PE-ARP replies)
     */
    void SendReply(Ptr<PeArpCache> cache, const PeArpHeader& request, PeArpPortRange range);
    /**
     * Handle a request for one of our addresses.
     * \param cache the interface's cache
     * \param header the request
     * \param frame the frame (for the drop trace)
     */
    void HandleRequest(Ptr<PeArpCache> cache, const PeArpHeader& header, Ptr<const Packet> frame);
    /**
     * Handle a reply addressed to one of our addresses.
     * \param cache the interface's cache
     * \param header the reply
     * \param frame the frame (for the drop trace)
     */
    void HandleReply(Ptr<PeArpCache> cache, const PeArpHeader& header, Ptr<const Packet> frame);
    /**
     * Learn a frame's sender (Update with UPDATE_LEARNED) and send what was
     * waiting for it; a refusal is dropped and counted (RANGE_CONFLICT or
     * CACHE_REFUSED).
     * \param interface the receiving interface
     * \param header the frame
     * \param frame the frame (for the drop trace)
     * \return true if learned
     */
    bool Learn(PeArpInterface* interface, const PeArpHeader& header, Ptr<const Packet> frame);
    /**
     * Send a frame on an interface and count it.
     * \param device the interface
     * \param header the frame
     * \param to the destination hardware address
     */
    void SendFrame(PeArpInterface* device, const PeArpHeader& header, const Address& to);
    /**
     * The default jitter's generator on a stream, numbered as
     * RandomVariableStream::SetStream numbers it.
     * \param stream a fixed stream, or -1 for the next automatic one
     * \return the generator
     */
    static std::unique_ptr<RngStream> MakeJitterGenerator(int64_t stream);

    Ptr<Node> m_node; //!< the node
    /** Probe listeners by device. */
    typedef std::map<Ptr<NetDevice>, Callback<void, const PeArpHeader&>> ProbeListeners;
    std::unique_ptr<ProbeListeners> m_probeListeners; //!< listeners, made at the first one
    std::vector<Ptr<PeArpCache>> m_caches;            //!< caches of the node's interfaces
    Ptr<RandomVariableStream> m_requestJitter;        //!< RequestJitter attribute (ms), or null
    uint16_t m_defaultPort;                           //!< DefaultPort attribute
    bool m_learnFromRequest;                          //!< LearnFromRequest attribute
    int64_t m_jitterStream;                           //!< stream given by AssignStreams, or -1
    /**
     * The default jitter's generator (RequestJitter null), made at the first
     * request: the stream a UniformRandomVariable made then would draw from,
     * without the Object and its attributes (48 bytes, where the object took
     * about 250, and a tenth of the instructions to make).
     */
    std::unique_ptr<RngStream> m_defaultJitter;
    Callback<bool, Ptr<const NetDevice>, const PeArpHeader&> m_inspector; //!< or null
    FrameCounters m_counters;                                             //!< frame counters
    /** Drops by reason, made at the first drop: most nodes never drop (160 bytes less each). */
    std::unique_ptr<std::array<uint64_t, DROP_REASON_COUNT>> m_drops;
    TracedCallback<Ptr<const NetDevice>, const PeArpHeader&> m_requestSentTrace;     //!< trace
    TracedCallback<Ptr<const NetDevice>, const PeArpHeader&> m_replySentTrace;       //!< trace
    TracedCallback<Ptr<const NetDevice>, const PeArpHeader&> m_requestReceivedTrace; //!< trace
    TracedCallback<Ptr<const NetDevice>, const PeArpHeader&> m_replyReceivedTrace;   //!< trace
    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace;                       //!< trace
};

/**
 * \brief Print a drop reason.
 * \param os the stream
 * \param reason the reason
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PeArpL3Protocol::DropReason reason);

} // namespace ns3

#endif /* PE_ARP_L3_PROTOCOL_H */
