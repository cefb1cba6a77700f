/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_ISOLATION_CONTROLLER_H
#define PE_ARP_PORT_ISOLATION_CONTROLLER_H

#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/pe-arp-flow-switch-net-device.h"
#include "ns3/pe-arp-ipv4.h"
#include "ns3/pe-arp-port-range.h"

#include <map>
#include <optional>
#include <set>
#include <utility>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The NOX controller of the OVS port-space isolation paper (Du,
 * Chen, Nakao, section 3.3), in-process: guests share the host's IPv4
 * address and MAC, and the switch delivers each guest's port range to it.
 *
 * Rules, highest priority first (OVS mode):
 *  1. uplink ARP: FLOOD to every guest, and LOCAL (the host): "when an ARP
 *     packet is received by a host, it will be flooded to all VMs";
 *  2. uplink ICMP echo request to the shared address: LOCAL (the host
 *     answers, "without redirecting it to VMs");
 *  3. per guest (AddGuest): uplink TCP and UDP to the shared address whose
 *     destination port is in the guest's range: OUTPUT(guest), as
 *     value/mask entries (or one per port: RangeEncoding);
 *  4. learned ICMP reverse flows: uplink echo reply from B (and, with
 *     IcmpMatch SOURCE_AND_ID, with the request's identifier): OUTPUT to
 *     every guest that pinged B, idle timeout IcmpIdleTimeout (10 s);
 *  5. per guest: its echo requests go to the controller, which learns rule
 *     4 and sends the request out of the uplink;
 *  6. anything else from a guest or from the host: OUTPUT(uplink);
 *  7. anything else from the uplink: LOCAL.
 *
 * EBTABLES mode is the workaround of section 3.2: guests keep their own
 * MACs; rule 1 sends uplink ARP requests to the host only ("only the host
 * itself reply ARP request") and ARP replies to everyone with a broadcast
 * destination; rule 3 is one RANGE entry per protocol (ebtables'
 * --ip-dport low:high) and also rewrites the destination MAC to the guest's;
 * rule 4 is replaced by forcing every uplink ICMP message (but echo
 * requests to the host) to all guests and the host with a broadcast
 * destination, counting the copies that reach a guest that did not send
 * the request (IcmpPrivacyLeaks, "the privacy is hurt"); guest egress gets
 * the host's MAC as source, for ARP also in the ARP body. Ports nobody owns
 * reach the host, whose stack rejects them ("the system simply rejects the
 * communication").
 *
 * With IcmpMatch SOURCE_ONLY (the paper's deployment), two guests pinging
 * the same B share one entry "actions: VM1|VM2", and both get every reply;
 * SOURCE_AND_ID matches the echo identifier (the paper's proposed fix,
 * through the unused vlan_id), so each guest gets only the replies to its
 * own identifier.
 */
class PeArpPortIsolationController : public Object
{
  public:
    /** Which of the paper's designs. */
    enum Mode
    {
        OVS = 0,  //!< section 3.3: shared MAC, flow entries per range, learned ICMP flows
        EBTABLES, //!< section 3.2: MAC translation by port, ICMP forced to every guest
    };

    /** How learned ICMP reverse flows match. */
    enum IcmpMatch
    {
        SOURCE_ONLY = 0, //!< nw_src=B, echo reply (the paper)
        SOURCE_AND_ID,   //!< nw_src=B, echo reply, icmp_id (the paper's proposed fix)
    };

    /** Priorities of the rules (higher wins). */
    enum Priority : uint16_t
    {
        PRIORITY_UPLINK_ARP = 60000,   //!< rule 1
        PRIORITY_HOST_ECHO = 50000,    //!< rule 2
        PRIORITY_GUEST_RANGE = 40000,  //!< rule 3
        PRIORITY_ICMP_REVERSE = 30000, //!< rule 4
        PRIORITY_GUEST_ECHO = 20000,   //!< rule 5
        PRIORITY_EGRESS = 10000,       //!< rule 6
        PRIORITY_DEFAULT = 1,          //!< rule 7
    };

    /** The controller's counters. */
    struct Counters
    {
        uint32_t guests = 0;              //!< guests added and not removed
        uint32_t rangeEntries = 0;        //!< range entries installed (rule 3), all guests
        uint64_t packetIns = 0;           //!< echo requests handed to the controller
        uint64_t reverseFlowsAdded = 0;   //!< learned reverse flows installed or widened
        uint64_t reverseFlowsExpired = 0; //!< learned reverse flows removed by idle timeout
        uint64_t icmpForced = 0;          //!< EBTABLES: uplink ICMP messages forced to all guests
        uint64_t icmpPrivacyLeaks = 0;    //!< EBTABLES: of their copies, those reaching a guest
                                          //!< that did not send the echo request
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpPortIsolationController();
    ~PeArpPortIsolationController() override;
    PeArpPortIsolationController(const PeArpPortIsolationController&) = delete;
    PeArpPortIsolationController& operator=(const PeArpPortIsolationController&) = delete;

    /**
     * Take control of a switch: install rules 1, 2, 6 (for the host) and 7,
     * and become its controller.
     * \param sw the switch (the host's stack sits on it)
     * \param uplink the uplink's port index (aborts, naming it, if the switch
     * has no such port)
     * \param shared the address the host and its guests share
     */
    void Install(Ptr<PeArpFlowSwitchNetDevice> sw, uint32_t uplink, Ipv4Address shared);
    /**
     * A guest has started: install its range (rule 3, TCP and UDP), its
     * echo rule (5) and its egress (6). In EBTABLES mode the guest's own
     * MAC is needed (aborts, naming it, without one).
     * \param port the guest's port index (aborts, naming it, if it is not a
     * port, is the uplink, or already has a guest)
     * \param range its port range (aborts, naming it, if invalid; 0-0 is
     * every port)
     * \param mac the guest's own MAC (EBTABLES mode; ignored in OVS mode)
     * \return the number of range entries installed (TCP and UDP)
     */
    uint32_t AddGuest(uint32_t port,
                      PeArpPortRange range,
                      std::optional<Mac48Address> mac = std::nullopt);
    /**
     * A guest has stopped: remove its entries.
     * \param port the guest's port index
     * \return the number of entries removed (0 if no such guest)
     */
    uint32_t RemoveGuest(uint32_t port);

    /** \return the learned reverse flows: (B, identifier or 0) -> guests' ports */
    std::map<std::pair<Ipv4Address, uint16_t>, std::set<uint32_t>> GetReverseFlows() const;
    /** \return the counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    /** A learned reverse flow. */
    struct ReverseFlow
    {
        std::set<uint32_t> guests;       //!< ports of the guests that pinged
        Ptr<const PeArpFlowEntry> entry; //!< the entry installed for them
    };

    /**
     * Install an entry with this controller's cookie.
     * \param priority its priority
     * \param match its match
     * \param actions its actions
     * \param cookie its cookie
     * \param idle its idle timeout
     * \return the entry
     */
    Ptr<PeArpFlowEntry> Add(uint16_t priority,
                            const PeArpFlowMatch& match,
                            std::vector<PeArpFlowAction> actions,
                            uint64_t cookie,
                            Time idle = Time(0));
    /**
     * Packet-in from the switch: a guest's echo request.
     * \param sw the switch
     * \param packet the payload
     * \param protocol the EtherType
     * \param source source MAC
     * \param destination destination MAC
     * \param inPort the guest's port
     */
    void PacketIn(Ptr<PeArpFlowSwitchNetDevice> sw,
                  Ptr<const Packet> packet,
                  uint16_t protocol,
                  Mac48Address source,
                  Mac48Address destination,
                  uint32_t inPort);
    /**
     * An entry left the switch's table.
     * \param entry the entry
     * \param reason why
     */
    void FlowRemoved(Ptr<const PeArpFlowEntry> entry, PeArpFlowEntry::RemovedReason reason);

    /**
     * EBTABLES: force an uplink ICMP message to every guest and the host.
     * \param packet the payload
     * \param source source MAC
     * \param destination destination MAC
     * \param summary what it is
     */
    void ForceIcmp(Ptr<const Packet> packet,
                   Mac48Address source,
                   Mac48Address destination,
                   const PeArpIpv4Summary& summary);

    /**
     * EBTABLES: (re)install the rule that sends uplink ARP replies to every
     * guest and the host with a broadcast destination. ns-3's ARP accepts a
     * reply only if its target hardware address is its own (Linux does not
     * check it), so each guest's copy carries the guest's MAC there.
     */
    void InstallArpReplyRule();

    Ptr<PeArpFlowSwitchNetDevice> m_switch;                            //!< the switch
    uint32_t m_uplink = 0;                                             //!< the uplink's port index
    Ipv4Address m_shared;                                              //!< the shared address
    std::set<uint32_t> m_guests;                                       //!< guests' ports
    std::map<std::pair<Ipv4Address, uint16_t>, ReverseFlow> m_reverse; //!< learned flows
    std::map<std::pair<Ipv4Address, uint16_t>, uint32_t> m_pingers; //!< EBTABLES: (B, id) -> guest
    std::map<uint32_t, Mac48Address> m_guestMacs;                   //!< EBTABLES: guests' own MACs
    Mac48Address m_hostMac;                                         //!< the host's MAC
    Mode m_mode;                                                    //!< Mode
    Counters m_counters;                                            //!< counters
    Time m_icmpIdleTimeout;                                         //!< IcmpIdleTimeout
    IcmpMatch m_icmpMatch;                                          //!< IcmpMatch
    PeArpFlowMatch::RangeEncoding m_rangeEncoding;                  //!< RangeEncoding
};

} // namespace ns3

#endif /* PE_ARP_PORT_ISOLATION_CONTROLLER_H */
