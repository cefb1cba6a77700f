/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_FLOW_TABLE_H
#define PE_ARP_FLOW_TABLE_H

#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/pe-arp-port-mask.h"
#include "ns3/simple-ref-count.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The header fields of a frame a flow switch matches on, read once
 * per frame (OpenFlow 0.8.9-like, plus the ICMP id the OVS paper proposes
 * to match through the unused vlan_id). A field the frame does not have is
 * 0: the L4 port of a non-TCP/UDP packet, the ICMP fields of a non-ICMP
 * packet, the ARP operation of a non-ARP frame.
 */
struct PeArpFlowKey
{
    uint32_t inPort = 0;  //!< index of the switch port the frame came in on
    uint16_t ethType = 0; //!< EtherType
    uint16_t arpOp = 0;   //!< ARP operation (1 request, 2 reply)
    uint8_t ipProto = 0;  //!< IP protocol
    uint8_t icmpType = 0; //!< ICMP type
    uint16_t icmpId = 0;  //!< ICMP echo / echo reply identifier
    uint32_t ipSrc = 0;   //!< IPv4 source, host order
    uint32_t ipDst = 0;   //!< IPv4 destination, host order
    uint16_t l4Dst = 0;   //!< TCP/UDP destination port

    /**
     * \param mask a mask key (each field's bits that count)
     * \return this key with every field ANDed with the mask's
     */
    PeArpFlowKey Masked(const PeArpFlowKey& mask) const;
};

/**
 * \param a a key
 * \param b a key
 * \return true if every field is equal
 */
bool operator==(const PeArpFlowKey& a, const PeArpFlowKey& b);
/**
 * \param a a key
 * \param b a key
 * \return true unless equal
 */
bool operator!=(const PeArpFlowKey& a, const PeArpFlowKey& b);
/**
 * \param a a key
 * \param b a key
 * \return a strict order (for maps of masks)
 */
bool operator<(const PeArpFlowKey& a, const PeArpFlowKey& b);
/**
 * \param os a stream
 * \param key a key
 * \return the stream, with "in_port=.. dl_type=.. ..."
 */
std::ostream& operator<<(std::ostream& os, const PeArpFlowKey& key);

/**
 * \ingroup pe-arp
 * \brief Hash of a PeArpFlowKey (FNV-1a over its fields).
 */
struct PeArpFlowKeyHash
{
    /**
     * \param key a key
     * \return its hash
     */
    size_t operator()(const PeArpFlowKey& key) const;
};

/**
 * \ingroup pe-arp
 * \brief A wildcardable match: a value and a mask over PeArpFlowKey. A
 * frame matches if its key, masked, equals the value. A new match is all
 * wildcards (matches every frame); each Set narrows one field. As in
 * OpenFlow, prerequisites are the caller's: a match on L4Dst should also
 * set EtherType 0x0800 and the IP protocol.
 *
 * The L4 destination port is matched either as value/mask (SetL4Dst, part
 * of the mask) or as a RANGE low..high inclusive (SetL4DstRange, as
 * ebtables' --ip-dport low:high); setting one clears the other. A RANGE
 * match has l4Dst wildcarded in its value/mask.
 */
class PeArpFlowMatch
{
  public:
    /** How a port range becomes flow entries. */
    enum RangeEncoding
    {
        VALUE_MASK = 0, //!< bitwise tp_dst (OVS after 1.5.0): PeArpPortMask::Decompose
        EXACT_PER_PORT, //!< one entry per port (exact tp_dst only, OpenFlow 1.0)
        RANGE,          //!< one entry per range (ebtables --ip-dport low:high)
    };

    PeArpFlowMatch() = default;

    /**
     * \param port index of the switch port
     * \return this match
     */
    PeArpFlowMatch& SetInPort(uint32_t port);
    /**
     * \param ethType an EtherType
     * \return this match
     */
    PeArpFlowMatch& SetEthType(uint16_t ethType);
    /**
     * \param op an ARP operation (1 request, 2 reply)
     * \return this match
     */
    PeArpFlowMatch& SetArpOp(uint16_t op);
    /**
     * \param proto an IP protocol
     * \return this match
     */
    PeArpFlowMatch& SetIpProto(uint8_t proto);
    /**
     * \param address an IPv4 source
     * \param mask its mask (default /32)
     * \return this match
     */
    PeArpFlowMatch& SetIpSrc(Ipv4Address address, Ipv4Mask mask = Ipv4Mask::GetOnes());
    /**
     * \param address an IPv4 destination
     * \param mask its mask (default /32)
     * \return this match
     */
    PeArpFlowMatch& SetIpDst(Ipv4Address address, Ipv4Mask mask = Ipv4Mask::GetOnes());
    /**
     * \param port a TCP/UDP destination port as value/mask
     * \return this match
     */
    PeArpFlowMatch& SetL4Dst(PeArpPortMask port);
    /**
     * \param low lowest TCP/UDP destination port (aborts, naming both, if
     * above high)
     * \param high highest, inclusive
     * \return this match
     */
    PeArpFlowMatch& SetL4DstRange(uint16_t low, uint16_t high);
    /**
     * \param type an ICMP type
     * \return this match
     */
    PeArpFlowMatch& SetIcmpType(uint8_t type);
    /**
     * \param id an ICMP echo identifier
     * \return this match
     */
    PeArpFlowMatch& SetIcmpId(uint16_t id);

    /** \return the value (already masked) */
    const PeArpFlowKey& GetValue() const;
    /** \return the mask: for each field the bits that count (0 = wildcard) */
    const PeArpFlowKey& GetMask() const;
    /** \return true if the L4 destination port is matched as a RANGE */
    bool HasL4DstRange() const;
    /** \return the RANGE's lowest port (0 without a RANGE) */
    uint16_t GetL4DstLow() const;
    /** \return the RANGE's highest port (65535 without a RANGE) */
    uint16_t GetL4DstHigh() const;
    /**
     * \param key a frame's key
     * \return true if the frame matches
     */
    bool Matches(const PeArpFlowKey& key) const;

    /**
     * The matches for a port range: this match with L4Dst set to each pair
     * of the range (VALUE_MASK), to each port (EXACT_PER_PORT), or to the
     * range itself (RANGE: one match).
     * \param low lowest port (aborts, naming it, if above high)
     * \param high highest port
     * \param encoding how the range is encoded
     * \return the matches, in increasing port order
     */
    std::vector<PeArpFlowMatch> ForPortRange(uint16_t low,
                                             uint16_t high,
                                             RangeEncoding encoding) const;
    /**
     * \param low lowest port (aborts, naming it, if above high)
     * \param high highest port
     * \param encoding how the range is encoded
     * \return the number of flow entries the range needs per transport protocol
     */
    static uint32_t CountRangeEntries(uint16_t low, uint16_t high, RangeEncoding encoding);

  private:
    PeArpFlowKey m_value;      //!< value, masked
    PeArpFlowKey m_mask;       //!< mask
    bool m_range = false;      //!< the L4 destination port is matched as a RANGE
    uint16_t m_l4Low = 0;      //!< RANGE: lowest port
    uint16_t m_l4High = 65535; //!< RANGE: highest port
};

/**
 * \param a a match
 * \param b a match
 * \return true if value, mask and RANGE are equal
 */
bool operator==(const PeArpFlowMatch& a, const PeArpFlowMatch& b);
/**
 * \param os a stream
 * \param match a match
 * \return the stream, with the fields that are not wildcards
 */
std::ostream& operator<<(std::ostream& os, const PeArpFlowMatch& match);

/**
 * \ingroup pe-arp
 * \brief One action of a flow entry. The MAC rewrites apply to the copies
 * sent by the output actions after them, as OpenFlow's action lists do.
 */
struct PeArpFlowAction
{
    /** The action's kind. */
    enum Type
    {
        OUTPUT = 0,  //!< send out of switch port `port`
        FLOOD,       //!< send out of every port but the one it came in on
        LOCAL,       //!< deliver to the switch's own stack (the LOCAL port, like br0)
        CONTROLLER,  //!< hand to the controller (packet-in)
        DROP,        //!< drop (an entry with no output action drops too)
        SET_DST_MAC, //!< rewrite the Ethernet destination to `mac`
        SET_SRC_MAC, //!< rewrite the Ethernet source to `mac`
        SET_ARP_SHA, //!< rewrite the ARP sender hardware address to `mac`
        SET_ARP_THA, //!< rewrite the ARP target hardware address to `mac`
    };

    Type type = DROP;  //!< kind
    uint32_t port = 0; //!< OUTPUT: the port index
    Mac48Address mac;  //!< SET_*: the address

    /**
     * \param port a port index
     * \return OUTPUT(port)
     */
    static PeArpFlowAction Output(uint32_t port);
    /** \return FLOOD */
    static PeArpFlowAction Flood();
    /** \return LOCAL */
    static PeArpFlowAction Local();
    /** \return CONTROLLER */
    static PeArpFlowAction Controller();
    /** \return DROP */
    static PeArpFlowAction Drop();
    /**
     * \param mac an address
     * \return SET_DST_MAC(mac)
     */
    static PeArpFlowAction SetDstMac(Mac48Address mac);
    /**
     * \param mac an address
     * \return SET_SRC_MAC(mac)
     */
    static PeArpFlowAction SetSrcMac(Mac48Address mac);
    /**
     * \param mac an address
     * \return SET_ARP_SHA(mac)
     */
    static PeArpFlowAction SetArpSha(Mac48Address mac);
    /**
     * \param mac an address
     * \return SET_ARP_THA(mac)
     */
    static PeArpFlowAction SetArpTha(Mac48Address mac);
};

/**
 * \param os a stream
 * \param action an action
 * \return the stream, with "output:2", "flood", "mod_dl_dst:..."
 */
std::ostream& operator<<(std::ostream& os, const PeArpFlowAction& action);

/**
 * \ingroup pe-arp
 * \brief A flow entry: priority, match, actions, timeouts, counters.
 * Built by the caller and handed to PeArpFlowTable::Add, which assigns the
 * id and the install time; the table owns it from then on.
 */
class PeArpFlowEntry : public SimpleRefCount<PeArpFlowEntry>
{
  public:
    /** Why an entry left the table (OpenFlow ofp_flow_removed_reason). */
    enum RemovedReason
    {
        IDLE_TIMEOUT = 0, //!< no packet for IdleTimeout
        HARD_TIMEOUT,     //!< HardTimeout after installation
        DELETE,           //!< deleted (Delete, or replaced by an Add with the same match)
    };

    uint16_t priority = 0x8000;           //!< higher wins (OpenFlow's default 0x8000)
    PeArpFlowMatch match;                 //!< the match
    std::vector<PeArpFlowAction> actions; //!< the actions (none: drop)
    Time idleTimeout;                     //!< removed after this long without a packet (0: never)
    Time hardTimeout;                     //!< removed this long after installation (0: never)
    uint64_t cookie = 0;                  //!< opaque to the table (the controller's tag)

    /** \return the id the table gave it (0 before Add) */
    uint64_t GetId() const;
    /** \return packets that hit it */
    uint64_t GetPackets() const;
    /** \return bytes of those packets */
    uint64_t GetBytes() const;
    /** \return when it was installed */
    Time GetInstallTime() const;
    /** \return when it was last hit (install time if never) */
    Time GetLastHit() const;

  private:
    friend class PeArpFlowTable;

    uint64_t m_id = 0;      //!< id
    uint64_t m_packets = 0; //!< packet counter
    uint64_t m_bytes = 0;   //!< byte counter
    Time m_installed;       //!< install time
    Time m_lastHit;         //!< last hit
};

/**
 * \param os a stream
 * \param reason a reason
 * \return the stream, with "idle-timeout", "hard-timeout" or "delete"
 */
std::ostream& operator<<(std::ostream& os, PeArpFlowEntry::RemovedReason reason);

/**
 * \ingroup pe-arp
 * \brief A flow table with tuple-space search, as the Open vSwitch
 * classifier: entries are grouped by their mask; each group hashes its
 * entries on the masked key. A lookup probes each group once (one hash
 * lookup), best priority first, and stops as soon as no remaining group can
 * hold a better entry; it never walks the entries. Among entries of equal
 * priority that match, the oldest wins (OpenFlow leaves this undefined).
 *
 * Timeouts are checked by a periodic sweep (SweepInterval, 100 ms as
 * ofswitch13's datapath timeout), so an entry leaves within
 * [deadline, deadline + SweepInterval]; the sweep walks only entries that
 * have a timeout. Removals are reported with the FlowRemoved trace.
 *
 * Entries with a RANGE on the L4 destination port form groups of their
 * own (by mask). In such a group each masked value keeps an interval map of
 * the port space: elementary segments, keyed by their first port, split at
 * every range's ends, each holding the entries whose range covers it, best
 * first. A probe of the group is one hash lookup and one ordered-map
 * search (log of the number of segments), again without walking entries.
 */
class PeArpFlowTable : public Object
{
  public:
    /** The table's counters. */
    struct Counters
    {
        uint64_t lookups = 0;     //!< Lookup calls
        uint64_t hits = 0;        //!< of which matched an entry
        uint64_t misses = 0;      //!< of which matched none
        uint64_t added = 0;       //!< entries added (replacements included)
        uint64_t replaced = 0;    //!< Adds that replaced an entry with the same match and priority
        uint64_t refused = 0;     //!< Adds refused because the table was full (MaxEntries)
        uint64_t idleRemoved = 0; //!< removed by idle timeout
        uint64_t hardRemoved = 0; //!< removed by hard timeout
        uint64_t deleted = 0;     //!< removed by Delete or replacement
        uint32_t peak = 0;        //!< most entries at once
    };

    /** What Add did. */
    struct AddResult
    {
        Ptr<PeArpFlowEntry> entry; //!< the entry installed (null if refused)
        bool replaced = false;     //!< an entry with the same match and priority was replaced
    };

    /**
     * TracedCallback signature for a removed entry.
     * \param [in] entry the entry (its counters final)
     * \param [in] reason why it was removed
     */
    typedef void (*FlowRemovedTracedCallback)(Ptr<const PeArpFlowEntry> entry,
                                              PeArpFlowEntry::RemovedReason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpFlowTable();
    ~PeArpFlowTable() override;
    PeArpFlowTable(const PeArpFlowTable&) = delete;
    PeArpFlowTable& operator=(const PeArpFlowTable&) = delete;

    /**
     * Install an entry (OpenFlow OFPFC_ADD): an entry with the same match
     * and priority is replaced (removed with reason DELETE). The table takes
     * a copy of the caller's entry, with counters at 0. A negative timeout
     * aborts, naming it.
     * \param entry the entry
     * \return the installed entry, or a null entry if the table is full
     */
    AddResult Add(const PeArpFlowEntry& entry);
    /**
     * Remove the entry with exactly this match and priority (OpenFlow
     * OFPFC_DELETE_STRICT), with reason DELETE.
     * \param match the match
     * \param priority the priority
     * \return true if there was one
     */
    bool DeleteStrict(const PeArpFlowMatch& match, uint16_t priority);
    /**
     * Remove every entry with this cookie, with reason DELETE.
     * \param cookie a cookie
     * \return how many were removed
     */
    uint32_t DeleteByCookie(uint64_t cookie);
    /** Remove every entry, with reason DELETE. */
    void Clear();

    /**
     * Find the entry a frame hits and count the frame on it (packets,
     * bytes, last hit, which restarts its idle timeout).
     * \param key the frame's key
     * \param bytes the frame's size
     * \return the entry, or null on a miss (counted)
     */
    Ptr<PeArpFlowEntry> Lookup(const PeArpFlowKey& key, uint32_t bytes);
    /**
     * Find the entry a key would hit, counting nothing.
     * \param key a key
     * \return the entry, or null
     */
    Ptr<const PeArpFlowEntry> Find(const PeArpFlowKey& key) const;

    /** \return the number of entries */
    uint32_t GetNEntries() const;
    /** \return the number of distinct masks (groups a lookup may probe) */
    uint32_t GetNMasks() const;
    /** \return the groups the last lookup probed (for the no-scan check) */
    uint32_t GetLastProbes() const;
    /** \return every entry, best priority first (for reports; not per packet) */
    std::vector<Ptr<const PeArpFlowEntry>> GetEntries() const;
    /** \return the counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    /**
     * RANGE entries of one masked value: segment first port (0 to 65536) ->
     * entries whose range covers the segment up to the next key, best first.
     * Keys 0 and 65536 are always present.
     */
    typedef std::map<uint32_t, std::vector<Ptr<PeArpFlowEntry>>> Segments;

    /** Entries with one mask (and all with or all without a RANGE), hashed on the masked key. */
    struct Group
    {
        PeArpFlowKey mask;  //!< the mask of all its entries
        bool range = false; //!< its entries match the L4 destination port as a RANGE
        /** entries by masked value, best priority (then oldest) first */
        std::unordered_map<PeArpFlowKey, std::vector<Ptr<PeArpFlowEntry>>, PeArpFlowKeyHash>
            buckets;
        /** RANGE groups: the interval map of each masked value */
        std::unordered_map<PeArpFlowKey, Segments, PeArpFlowKeyHash> segments;
        std::multiset<uint16_t> priorities; //!< priorities of its entries
    };

    /** A group's key: the mask, and whether the entries have a RANGE. */
    typedef std::pair<PeArpFlowKey, bool> GroupKey;

    /**
     * \param key a key
     * \return the best entry, or null; sets m_lastProbes
     */
    Ptr<PeArpFlowEntry> Search(const PeArpFlowKey& key) const;
    /**
     * Take an entry out of its group, report and count it.
     * \param entry the entry
     * \param reason why
     */
    void Remove(Ptr<PeArpFlowEntry> entry, PeArpFlowEntry::RemovedReason reason);
    /** Remove expired entries and schedule the next sweep if needed. */
    void Sweep();
    /** Schedule a sweep if entries have timeouts and none is pending. */
    void ScheduleSweep();

    /** Sort m_order by each group's best priority, if the table changed. */
    void SortGroups() const;

    std::map<GroupKey, Group> m_groups;        //!< groups by mask and RANGE
    mutable std::vector<const Group*> m_order; //!< groups, best priority first
    mutable bool m_orderDirty = false;         //!< m_order must be re-sorted
    std::set<Ptr<PeArpFlowEntry>> m_timed;     //!< entries with a timeout
    uint32_t m_nEntries = 0;                   //!< number of entries
    uint64_t m_nextId = 1;                     //!< next entry id
    mutable uint32_t m_lastProbes = 0;         //!< groups probed by the last search
    Counters m_counters;                       //!< counters
    Time m_sweepInterval;                      //!< SweepInterval attribute
    uint32_t m_maxEntries;                     //!< MaxEntries attribute
    EventId m_sweepEvent;                      //!< pending sweep
    TracedCallback<Ptr<const PeArpFlowEntry>, PeArpFlowEntry::RemovedReason>
        m_flowRemovedTrace; //!< FlowRemoved
};

} // namespace ns3

#endif /* PE_ARP_FLOW_TABLE_H */
