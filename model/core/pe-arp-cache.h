/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_CACHE_H
#define PE_ARP_CACHE_H

#include "pe-arp-port-range.h"

#include "ns3/address.h"
#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <array>
#include <list>
#include <map>
#include <memory>
#include <ostream>
#include <queue>
#include <set>
#include <unordered_map>
#include <vector>

namespace ns3
{

class PeArpInterface;

/**
 * \ingroup pe-arp
 * \brief The port-aware address resolution table of one PE-ARP interface.
 *
 * Entries are keyed by (IPv4 address, port range); the range 0-0 means "all
 * ports". For one address the resolved ranges are disjoint, and a lookup of
 * (address, port) costs one hash lookup and ordered-map searches (O(log k)
 * with k the number of entries of that address): the table is never scanned.
 *
 * A failed resolution of port p leaves a DEAD range entry [p, p] that merges
 * with the DEAD ranges of the same address that end at p - 1 or start at
 * p + 1, so failures of consecutive ports take one entry; a range learned
 * later trims or splits the DEAD ranges it overlaps. (A failure of port 0,
 * traffic without ports, stays an entry of its own.)
 *
 * The table is bounded as Linux bounds its neighbour table: above
 * GcThreshold expired entries are collected (at most every GcInterval);
 * at ForcedGcThreshold DEAD entries and incomplete entries whose request
 * went unanswered for WaitReplyTimeout are evicted, oldest first; at
 * MaxEntries new entries are refused. Each address may have at most
 * MaxUnresolvedPerAddress incomplete entries, and its requests for ports
 * not yet resolved draw on a token bucket (RequestRate, RequestBurst): each
 * takes a token, given back if the request is answered, so that only
 * unanswered requests (e.g. for ports nobody owns) use it up.
 *
 * Resolutions in progress ("incomplete" entries, created on a miss) are kept
 * apart from resolved entries, keyed by the port that was asked for, because
 * the requester does not know the range before the reply: a reply carrying
 * the full range turns them into one resolved entry.
 *
 * States and timers follow ns3::ArpCache (same attribute names and defaults):
 * WAIT_REPLY (retransmitted every WaitReplyTimeout, MaxRetries times), ALIVE
 * (for AliveTimeout), DEAD (for DeadTimeout, packets are dropped) and
 * PERMANENT (static entries, never changed by the protocol nor collected).
 * Expiry of ALIVE and DEAD entries is checked when the entry is used; the
 * retransmission deadlines of all WAIT_REPLY entries share one heap and one
 * scheduled event, so the scheduler holds at most one event per cache.
 *
 * As in Linux's neigh_update, Update() is the only function that changes an
 * entry's state to ALIVE, DEAD or PERMANENT and its hardware address: for
 * learning (requests and replies, Resolve), failures (the retransmission
 * timer) and administration (AddPermanent). It refuses to overwrite a
 * permanent entry unless the update is administrative, and it hands back the
 * packets that were waiting for the address. (A resolution is started,
 * state WAIT_REPLY with the hardware address unchanged, by AddIncomplete or
 * MarkWaitReply, as Linux's neigh_event_send does.)
 */
class PeArpCache : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpCache();
    ~PeArpCache() override;
    PeArpCache(const PeArpCache&) = delete;
    PeArpCache& operator=(const PeArpCache&) = delete;

    /**
     * A packet waiting for resolution, with the hardware address it is to be
     * sent from (a PE-Bridge forwards frames with their own source).
     */
    struct PendingPacket
    {
        Ptr<Packet> packet; //!< the packet, IPv4 header included
        Address source;     //!< its source hardware address; empty: the interface's own
    };

    /** Packets waiting for resolution, oldest first. */
    typedef std::list<PendingPacket> PendingList;

    /** Why the cache dropped a packet or refused an entry. */
    enum DropReason
    {
        PENDING_QUEUE_FULL,   //!< the oldest pending packet was pushed out of a full queue
        RESOLUTION_FAILED,    //!< no reply after MaxRetries retransmissions
        TABLE_FULL,           //!< MaxEntries reached: no entry could be created
        SUPERSEDED_BY_STATIC, //!< a static entry replaced an entry with pending packets
        DISPOSED,             //!< the cache was disposed with packets still pending
        UNRESOLVED_LIMIT,     //!< MaxUnresolvedPerAddress entries of the address wait already
        RATE_LIMITED,         //!< the address' request bucket is empty (RequestRate)
        EVICTED,              //!< an unanswered entry was evicted to make room
    };

    /** Flags of Update, as Linux's NEIGH_UPDATE_F_* flags. */
    enum UpdateFlags : uint32_t
    {
        UPDATE_LEARNED = 0,  //!< learned from the network (a request, a reply, a failure)
        UPDATE_ADMIN = 1,    //!< administrative: may create PERMANENT entries, ignores sharing
        UPDATE_OVERRIDE = 2, //!< with UPDATE_ADMIN: may replace overlapping PERMANENT entries
    };

    /** What Update did. */
    enum UpdateStatus
    {
        UPDATED,                //!< an entry was created or changed
        CONFIRMED,              //!< a learned mapping equal to a static entry: nothing changed
        NO_ENTRY,               //!< a failure for which no request was outstanding
        REFUSED_PERMANENT,      //!< it would overwrite a PERMANENT entry
        REFUSED_RANGE_CONFLICT, //!< learned 0-0 for a shared address (see IsShared)
        REFUSED_TABLE_FULL,     //!< a new entry, and MaxEntries entries already
    };

    /**
     * TracedCallback signature for dropped packets.
     * \param [in] packet the packet (with its IPv4 header)
     * \param [in] reason why it was dropped
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet, DropReason reason);

    /**
     * TracedCallback signature for entry changes.
     * \param [in] address the IPv4 address
     * \param [in] range the port range of the entry
     * \param [in] mac the hardware address (00:00:00:00:00:00 when unknown)
     */
    typedef void (*EntryTracedCallback)(Ipv4Address address,
                                        const PeArpPortRange& range,
                                        Mac48Address mac);

    /**
     * TracedCallback signature for a resolution that packets waited for.
     * \param [in] address the IPv4 address
     * \param [in] port the port the packets were sent to
     * \param [in] latency from the first packet to the answer
     */
    typedef void (*ResolvedTracedCallback)(Ipv4Address address, uint16_t port, Time latency);

    /**
     * \brief One entry of the table.
     */
    class Entry
    {
      public:
        /** Entry states, as in ns3::ArpCache. */
        enum State
        {
            WAIT_REPLY, //!< a request is outstanding
            ALIVE,      //!< resolved, valid until AliveTimeout
            DEAD,       //!< resolution failed, packets dropped until DeadTimeout
            PERMANENT,  //!< static entry
        };

        /** \return the IPv4 address */
        Ipv4Address GetIpv4Address() const;
        /** \return the port range (for an incomplete entry: [port, port]) */
        PeArpPortRange GetRange() const;
        /** \return the hardware address (meaningful when ALIVE or PERMANENT) */
        Mac48Address GetMacAddress() const;
        /** \return the state */
        State GetState() const;
        /** \return true if WAIT_REPLY */
        bool IsWaitReply() const;
        /** \return true if ALIVE */
        bool IsAlive() const;
        /** \return true if DEAD */
        bool IsDead() const;
        /** \return true if PERMANENT */
        bool IsPermanent() const;
        /** \return true if the entry is still being resolved (no range known yet) */
        bool IsIncomplete() const;
        /**
         * \return true if the entry waits, without a request of its own, for
         *         the reply to another outstanding request of its address
         */
        bool IsDeferred() const;
        /** \return true if an ALIVE or DEAD entry has outlived its timeout */
        bool IsExpired() const;
        /** \return the number of retransmissions of the outstanding request */
        uint32_t GetRetries() const;
        /** \return the port the outstanding request asks for (0: no port) */
        uint16_t GetRequestedPort() const;
        /** \return the number of packets waiting for this entry */
        uint32_t GetPendingSize() const;

      private:
        friend class PeArpCache;
        /**
         * \param cache the owning cache
         * \param address the IPv4 address
         * \param range the port range
         */
        Entry(PeArpCache* cache, Ipv4Address address, PeArpPortRange range);

        PeArpCache* m_cache;      //!< owning cache (for timeouts)
        Ipv4Address m_address;    //!< IPv4 address
        PeArpPortRange m_range;   //!< port range
        Mac48Address m_mac;       //!< hardware address
        State m_state;            //!< state
        bool m_incomplete;        //!< kept in the waiting map
        bool m_deferred;          //!< waits for another request of its address
        bool m_victim;            //!< in the cache's eviction list
        bool m_holdsToken;        //!< holds a token of its address' bucket for its request
        Time m_lastSeen;          //!< last state change
        Time m_created;           //!< when it was created
        uint32_t m_retries;       //!< retransmissions so far
        uint16_t m_requestedPort; //!< port of the outstanding request
        uint64_t m_serial;        //!< identifies this entry in the timer heap
        PendingList m_pending;    //!< packets waiting for the address
        std::list<Entry*>::iterator m_victimIt; //!< its place in the eviction list
    };

    /** What Update (and Resolve) did, and the packets it handed back. */
    struct UpdateResult
    {
        Entry* entry = nullptr;        //!< the entry, or nullptr if refused or NO_ENTRY
        UpdateStatus status = UPDATED; //!< what was done
        PendingList pending;           //!< packets now resolved, to send to the hardware address
    };

    /**
     * Attach the cache to its interface.
     * \param device the PE-ARP device
     * \param name the interface name used by Print (e.g. "eth1")
     */
    void SetDevice(Ptr<NetDevice> device, const std::string& name);
    /** \return the PE-ARP device */
    Ptr<NetDevice> GetDevice() const;
    /**
     * Set the device as the PeArpInterface the protocol uses (set once, by
     * PeArpL3Protocol::CreateCache; not owned).
     * \param interface the interface
     */
    void SetInterface(PeArpInterface* interface);
    /** \return the PeArpInterface of the device (nullptr if not set or disposed) */
    PeArpInterface* GetInterface() const;
    /** \return the interface name */
    std::string GetInterfaceName() const;

    /**
     * What the cache asks of the protocol that owns it. A plain interface, not
     * callbacks: a bound ns-3 callback costs about 200 bytes, and there is a
     * cache per interface of every host.
     */
    class Owner
    {
      public:
        virtual ~Owner() = default;
        /**
         * Send a request: a retransmission when WaitReplyTimeout expires (the
         * entry's GetRetries() is then at least 1), or the first request of a
         * deferred entry (GetRetries() is 0).
         * \param cache the cache
         * \param address the address
         * \param port the requested port
         */
        virtual void CacheRequest(Ptr<PeArpCache> cache, Ipv4Address address, uint16_t port) = 0;
        /**
         * A packet was dropped (also reported by the Drop trace source).
         * \param packet the packet
         * \param reason why
         */
        virtual void CacheDrop(Ptr<const Packet> packet, DropReason reason) = 0;
    };

    /**
     * Set the owner, which sends the cache's requests and counts its drops.
     * \param owner the owner (not owned; nullptr: none)
     */
    void SetOwner(Owner* owner);

    /**
     * Find the entry that resolves (address, port): a resolved entry whose
     * range holds the port, else the incomplete entry for exactly this port.
     * Port 0 (traffic without ports) matches resolved ranges that hold port
     * 0 (0-0, or a range starting at 0) and the incomplete entry for port 0.
     * \param address the IPv4 address
     * \param port the transport port, or 0
     * \return the entry, or nullptr
     */
    Entry* Lookup(Ipv4Address address, uint16_t port);
    /**
     * \param address the IPv4 address
     * \return true if the address was declared shared (DeclareShared) or a
     *         resolved entry with a port range other than 0-0 exists for it
     */
    bool IsShared(Ipv4Address address) const;
    /**
     * Declare an address shared before any of its ranges is learned.
     * \param address the address
     */
    void DeclareShared(Ipv4Address address);
    /**
     * Find the entry a reply answers: the WAIT_REPLY entry (incomplete or
     * being refreshed) for the address whose requested port is returnPort;
     * with returnPort == 0 and anyPort true, any WAIT_REPLY entry of the address.
     * \param address the replier's IPv4 address
     * \param returnPort the reply's return port
     * \param anyPort accept any outstanding request of the address (standard reply)
     * \return the entry, or nullptr if nothing was asked
     */
    Entry* FindOutstanding(Ipv4Address address, uint16_t returnPort, bool anyPort);

    /**
     * Create an incomplete entry for (address, port) in WAIT_REPLY state,
     * holding the packet, and arm its retransmission timer.
     *
     * If another request for the address is outstanding, the entry is
     * deferred (IsDeferred): the caller sends no request for it. It waits for
     * that reply; if the learned range holds its port its packets are handed
     * back, otherwise its own request is sent then (through the request
     * callback), or when its WaitReplyTimeout expires, whichever comes first.
     * \param address the IPv4 address
     * \param port the requested port (0: no port)
     * \param packet the first packet waiting for the entry
     * \param source its source hardware address (empty: the interface's own)
     * \return the entry, or nullptr (packet dropped and traced) if the
     *         address has MaxUnresolvedPerAddress incomplete entries
     *         (UNRESOLVED_LIMIT), if its request bucket is empty
     *         (RATE_LIMITED), or if the table is full (TABLE_FULL)
     */
    Entry* AddIncomplete(Ipv4Address address,
                         uint16_t port,
                         Ptr<Packet> packet,
                         const Address& source = Address());
    /**
     * Put an expired ALIVE entry (or the DEAD entry of a failed resolution
     * of port 0) back in WAIT_REPLY to refresh it. (An expired DEAD range is
     * removed instead, see Remove.) Refreshes do not draw on the request
     * bucket.
     * \param entry the entry
     * \param port the port to ask for
     * \param packet the packet waiting for it
     * \param source its source hardware address (empty: the interface's own)
     */
    void MarkWaitReply(Entry* entry,
                       uint16_t port,
                       Ptr<Packet> packet,
                       const Address& source = Address());
    /**
     * Queue a packet on a WAIT_REPLY entry. If the queue is full the oldest
     * packet is dropped (traced, counted).
     * \param entry the entry
     * \param packet the packet
     * \param source its source hardware address (empty: the interface's own)
     */
    void Enqueue(Entry* entry, Ptr<Packet> packet, const Address& source = Address());

    /**
     * The one function that changes an entry's state (to ALIVE, DEAD or
     * PERMANENT) and hardware address, as Linux's neigh_update.
     *
     * - ALIVE (learned from a request or reply): (address, range) is at mac.
     *   Refused if the range is 0-0 and the address is shared (IsShared), or
     *   if it overlaps a permanent entry, unless it is the same range and MAC
     *   (CONFIRMED: the incomplete entries it answers are handed back).
     *   Otherwise incomplete entries for ports in the range and learned
     *   entries that overlap it become one entry; their pending packets are
     *   appended to pending entry by entry in port order, each entry's
     *   packets oldest first. The deferred entries of the address whose
     *   ports the range does not hold send their own requests.
     * - PERMANENT (administrative only): a static entry; it replaces the
     *   learned and incomplete entries it overlaps (their packets dropped,
     *   SUPERSEDED_BY_STATIC), and overlapping static entries only with
     *   UPDATE_OVERRIDE. Administrative updates are never refused for a full
     *   table.
     * - DEAD (a failure): the WAIT_REPLY entry (address, range), or the
     *   incomplete entry for port range.GetLow() if range is one port, gives
     *   up; its packets are dropped (RESOLUTION_FAILED).
     *
     * \param address the IPv4 address
     * \param range the port range (0-0: all ports)
     * \param mac the hardware address (ignored for DEAD)
     * \param state ALIVE, PERMANENT or DEAD (not WAIT_REPLY)
     * \param flags UpdateFlags
     * \return the entry (nullptr if refused, counted, or NO_ENTRY), what was
     *         done, and the packets to send to mac
     */
    UpdateResult Update(Ipv4Address address,
                        PeArpPortRange range,
                        Mac48Address mac,
                        Entry::State state,
                        uint32_t flags);

    /**
     * Learn that (address, range) is at mac: Update(address, range, mac,
     * ALIVE, UPDATE_LEARNED).
     * \param address the IPv4 address
     * \param range the full port range (0-0: all ports)
     * \param mac the hardware address
     * \return the ALIVE (or agreeing static) entry (nullptr if refused), the
     *         status and the packets to send to mac
     */
    UpdateResult Resolve(Ipv4Address address, PeArpPortRange range, Mac48Address mac);

    /**
     * Add a static (permanent) entry: Update(address, range, mac, PERMANENT,
     * UPDATE_ADMIN). It replaces overlapping learned entries.
     * \param address the IPv4 address
     * \param range the port range
     * \param mac the hardware address
     * \return the entry, or nullptr if it overlaps another permanent entry
     */
    Entry* AddPermanent(Ipv4Address address, PeArpPortRange range, Mac48Address mac);
    /**
     * Remove the resolved or DEAD entry with exactly this range.
     * \param address the IPv4 address
     * \param range the port range
     * \return true if an entry was removed
     */
    bool Remove(Ipv4Address address, PeArpPortRange range);
    /** Remove every non-permanent entry (pending packets are dropped). */
    void Flush();

    /** \return the number of entries, resolved and incomplete */
    uint32_t GetSize() const;
    /** \return all entries, sorted by address then port (for printing and tests) */
    std::vector<const Entry*> GetEntries() const;

    /**
     * Print the table like Linux `arp -n` in the PE-ARP paper (Figure 3):
     * \verbatim
       Address                  HWtype  HWaddress           Iface
       192.35.162.2:2000-2999   ether   00:0c:29:9e:8c:ee   eth1
       \endverbatim
     * \param os the stream
     */
    void Print(std::ostream& os) const;

    /** \return packets dropped because a pending queue was full */
    uint64_t GetPendingQueueDrops() const;
    /** \return packets dropped because a resolution failed */
    uint64_t GetResolutionFailureDrops() const;
    /** \return resolutions that failed after MaxRetries */
    uint64_t GetResolutionFailures() const;
    /** \return entries refused (table full or conflict with a static entry) */
    uint64_t GetRefusedEntries() const;
    /** \return entries removed by garbage collection */
    uint64_t GetCollectedEntries() const;
    /** \return DEAD and unanswered entries evicted by forced collection */
    uint64_t GetEvictedEntries() const;
    /**
     * \return retransmissions not sent because the address' request bucket
     *         was empty (the entry still gives up after MaxRetries)
     */
    uint64_t GetRateLimitedRequests() const;
    /** \return number of events this cache has scheduled (retransmission timer) */
    uint64_t GetTimerEvents() const;
    /**
     * \return entries examined one by one by Resolve and FindOutstanding
     *         (beyond their map lookups): a measure of their cost
     */
    uint64_t GetExaminedEntries() const;

    /** \return AliveTimeout */
    Time GetAliveTimeout() const;
    /** \return DeadTimeout */
    Time GetDeadTimeout() const;
    /** \return WaitReplyTimeout */
    Time GetWaitReplyTimeout() const;

  protected:
    void DoDispose() override;

  private:
    /** Entries of one address, by key. */
    typedef std::map<uint16_t, std::unique_ptr<Entry>> EntryMap;

    /**
     * Entries of one address. Most addresses only ever hold resolved
     * entries: the others, and the request bookkeeping, are made when the
     * first of them is needed and released when they are all empty again
     * (Tidy), so that a host's cache costs a pointer for them.
     */
    struct AddressEntries
    {
        /** What an address holds while it is being resolved, or has failed. */
        struct Unresolved
        {
            EntryMap incomplete;           //!< by requested port
            EntryMap dead;                 //!< DEAD ranges, by low port
            std::set<uint16_t> requesting; //!< ports of the incomplete entries with a request out
            std::set<uint16_t> deferred;   //!< ports of the deferred incomplete entries
            std::set<uint16_t> refreshing; //!< low ports of the resolved entries in WAIT_REPLY
        };

        EntryMap resolved;                      //!< disjoint ranges, by low port
        std::unique_ptr<Unresolved> unresolved; //!< the rest, or null while all of it is empty

        /**
eturn the rest, read-only (empty if there is none; never allocates) */
        const Unresolved& Peek() const;
        /**
eturn the rest, made if there is none */
        Unresolved& Make();
        /**
         * Release the rest if it is all empty.
         *
eturn true if the address holds nothing at all (it may be erased)
         */
        bool Tidy();
        /** \return resolved, incomplete and dead entries (null: there are none) */
        std::array<EntryMap*, 3> Maps();
    };

    /** A retransmission deadline in the heap. */
    struct Deadline
    {
        Time when;           //!< deadline
        Ipv4Address address; //!< entry address
        bool incomplete;     //!< entry is in the incomplete map
        uint16_t key;        //!< entry key in its map
        uint64_t serial;     //!< entry serial (stale if the entry changed)

        /**
         * \param o other deadline
         * \return true if this one is later (min-heap ordering)
         */
        bool operator>(const Deadline& o) const
        {
            return when > o.when || (when == o.when && serial > o.serial);
        }
    };

    /**
     * Make room for one more entry (garbage collection); trace if impossible.
     * \return true if an entry may be created
     */
    bool MakeRoom();
    /** Remove expired ALIVE/DEAD entries without pending packets. */
    void Collect();
    /**
     * Evict DEAD and unanswered incomplete entries, oldest first, until the
     * table holds fewer than limit entries (or none is left to evict).
     * \param limit the size to get below
     */
    void ForcedCollect(uint32_t limit);

    /** The request bucket of an address. */
    struct Bucket
    {
        double tokens; //!< tokens left
        Time last;     //!< when it was last refilled
    };

    /**
     * \param address an address
     * \return its request bucket, refilled up to now (created full)
     */
    Bucket& RefillBucket(Ipv4Address address);
    /**
     * Take a token from an address' request bucket, for a request about to
     * be sent (given back if the request is answered).
     * \param address the address
     * \return false if the bucket is empty (there is no limit: true)
     */
    bool TakeToken(Ipv4Address address);
    /**
     * Give a token back to an address' bucket (its request was answered, or
     * it was taken in vain).
     * \param address the address
     */
    void ReturnToken(Ipv4Address address);
    /**
     * Record that the resolution of (address, range) failed: a DEAD range,
     * merged with the DEAD ranges of the address that adjoin it.
     * \param entries the entries of the address
     * \param address the address
     * \param range the range (not 0-0 unless the whole address failed)
     */
    void AddDead(AddressEntries& entries, Ipv4Address address, PeArpPortRange range);
    /**
     * Trim or split the DEAD ranges of an address that a range overlaps.
     * \param entries the entries of the address
     * \param address the address
     * \param range the range now resolved
     */
    void TrimDead(AddressEntries& entries, Ipv4Address address, PeArpPortRange range);
    /**
     * Remove a DEAD range entry.
     * \param entries the entries of the address
     * \param it the entry
     * \return the iterator after it
     */
    EntryMap::iterator EraseDead(AddressEntries& entries, EntryMap::iterator it);
    /**
     * Put an entry at the end of the eviction list (DEAD, or unanswered).
     * \param entry the entry
     */
    void MarkVictim(Entry* entry);
    /**
     * Take an entry out of the eviction list, if it is there.
     * \param entry the entry
     */
    void UnmarkVictim(Entry* entry);
    /**
     * Update with state DEAD: the entry waiting for (address, range) failed.
     * \param address the address
     * \param range the entry's range ([port, port] for an incomplete entry)
     * \param outcome receives UPDATED or NO_ENTRY
     * \return the entry, now DEAD, or nullptr
     */
    Entry* Fail(Ipv4Address address, PeArpPortRange range, UpdateStatus& outcome);
    /**
     * Update's work (see Update).
     * \param address the IPv4 address
     * \param range the port range
     * \param mac the hardware address
     * \param state ALIVE, PERMANENT or DEAD
     * \param flags UpdateFlags
     * \param pending receives the packets to send to mac
     * \param outcome receives what was done
     * \return the entry, or nullptr
     */
    Entry* DoUpdate(Ipv4Address address,
                    PeArpPortRange range,
                    Mac48Address mac,
                    Entry::State state,
                    uint32_t flags,
                    PendingList& pending,
                    UpdateStatus& outcome);
    /**
     * Arm the retransmission deadline of a WAIT_REPLY entry.
     * \param entry the entry
     */
    void ArmTimer(Entry* entry);
    /** Schedule the heap's earliest deadline, if not already scheduled. */
    void Reschedule();
    /** Handle every due retransmission deadline. */
    void HandleWaitReplyTimeout();
    /**
     * Find the entry a deadline refers to.
     * \param deadline the deadline
     * \return the entry, or nullptr if it is gone or was re-armed since
     */
    Entry* FindByDeadline(const Deadline& deadline);
    /**
     * Resolved entries of an address whose range overlaps a range.
     * \param entries the entries of the address
     * \param range the range
     * \return their keys
     */
    std::vector<uint16_t> Overlapping(const AddressEntries& entries, PeArpPortRange range);
    /**
     * Entries of a map of disjoint ranges (by low port) that overlap a range.
     * \param map the map
     * \param range the range
     * \return their keys
     */
    std::vector<uint16_t> OverlappingIn(const EntryMap& map, PeArpPortRange range);
    /**
     * Remove an incomplete entry from its address' map, keeping the counts
     * of requesting and deferred entries.
     * \param entries the entries of the address
     * \param it the incomplete entry
     * \return the iterator after it
     */
    EntryMap::iterator EraseIncomplete(AddressEntries& entries, EntryMap::iterator it);
    /**
     * Remove a resolved entry from its address' map, keeping the set of
     * refreshing entries.
     * \param entries the entries of the address
     * \param it the resolved entry
     * \return the iterator after it
     */
    EntryMap::iterator EraseResolved(AddressEntries& entries, EntryMap::iterator it);
    /**
     * Answer the incomplete entries whose ports a range holds: take their
     * packets and remove them.
     * \param entries the entries of the address
     * \param range the range
     * \param pending receives their packets
     * \return the number of those entries that had a request outstanding
     */
    uint32_t MergeIncomplete(AddressEntries& entries, PeArpPortRange range, PendingList& pending);
    /**
     * Send the requests of the deferred entries of an address (the request
     * they waited for was answered without holding their ports).
     * \param entries the entries of the address
     */
    void ReleaseDeferred(AddressEntries& entries);
    /**
     * A deferred entry sends its own request (through the request callback).
     * \param entries the entries of its address
     * \param entry the entry
     */
    void StartRequest(AddressEntries& entries, Entry* entry);
    /**
     * Drop all pending packets of an entry.
     * \param entry the entry
     * \param reason the reason
     */
    void DropPending(Entry* entry, DropReason reason);
    /**
     * Report a dropped packet to the Drop trace and the owner.
     * \param packet the packet
     * \param reason the reason
     */
    void NotifyDrop(Ptr<const Packet> packet, DropReason reason);
    /**
     * Take the pending packets of an entry.
     * \param entry the entry
     * \param pending receives them
     */
    static void TakePending(Entry* entry, PendingList& pending);
    /**
     * Trace an entry change.
     * \param entry the entry
     */
    void NotifyEntry(const Entry* entry);

    Ptr<NetDevice> m_device;     //!< the PE-ARP device
    PeArpInterface* m_interface; //!< the same device, as the protocol sees it
    std::string m_name;          //!< interface name for printing
    Owner* m_owner;              //!< sends requests and counts drops (not owned)

    std::unordered_map<uint32_t, AddressEntries> m_table; //!< entries by address
    std::vector<uint32_t> m_declaredShared;               //!< addresses declared shared, sorted

    std::map<uint32_t, Bucket> m_buckets; //!< request buckets by address
    std::list<Entry*> m_victims;          //!< eviction list, oldest first
    uint32_t m_size;                      //!< number of entries
    uint64_t m_nextSerial;                //!< serial of the next entry

    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<Deadline>>
        m_deadlines; //!< heap
    EventId m_timer; //!< the one retransmission event

    Time m_aliveTimeout;          //!< AliveTimeout attribute
    Time m_deadTimeout;           //!< DeadTimeout attribute
    Time m_waitReplyTimeout;      //!< WaitReplyTimeout attribute
    uint32_t m_maxRetries;        //!< MaxRetries attribute
    uint32_t m_pendingQueueSize;  //!< PendingQueueSize attribute
    uint32_t m_gcThreshold;       //!< GcThreshold attribute
    uint32_t m_forcedGcThreshold; //!< ForcedGcThreshold attribute
    uint32_t m_maxEntries;        //!< MaxEntries attribute
    uint32_t m_maxUnresolved;     //!< MaxUnresolvedPerAddress attribute
    double m_requestRate;         //!< RequestRate attribute (tokens per second)
    uint32_t m_requestBurst;      //!< RequestBurst attribute (bucket depth)
    Time m_gcInterval;            //!< GcInterval attribute
    Time m_lastGc;                //!< time of the last collection

    uint64_t m_pendingQueueDrops;      //!< counter
    uint64_t m_resolutionFailureDrops; //!< counter
    uint64_t m_resolutionFailures;     //!< counter
    uint64_t m_refused;                //!< counter
    uint64_t m_collected;              //!< counter
    uint64_t m_evicted;                //!< counter
    uint64_t m_rateLimitedRequests;    //!< counter
    uint64_t m_timerEvents;            //!< counter
    uint64_t m_examined;               //!< counter

    TracedCallback<Ptr<const Packet>, DropReason> m_dropTrace; //!< Drop trace
    TracedCallback<Ipv4Address, const PeArpPortRange&, Mac48Address>
        m_entryTrace;                                            //!< EntryUpdated trace
    TracedCallback<Ipv4Address, uint16_t, Time> m_resolvedTrace; //!< Resolved trace
};

/**
 * \brief Print a drop reason.
 * \param os the stream
 * \param reason the reason
 * \return the stream
 */
std::ostream& operator<<(std::ostream& os, PeArpCache::DropReason reason);

} // namespace ns3

#endif /* PE_ARP_CACHE_H */
