/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_WATCH_H
#define PE_ARP_WATCH_H

#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/traced-callback.h"

#include <array>
#include <map>
#include <ostream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace ns3
{

class Node;
class Packet;
class PeArpHeader;

/**
 * \ingroup pe-arp
 * \brief arpwatch for PE-ARP: a passive monitor of the ARP and PE-ARP frames
 * a device sees (promiscuously), which reports suspicious changes in
 * arpwatch's vocabulary.
 *
 * It keeps one station per (address, port range): the MAC that claims it
 * as the sender of a request or reply, the MAC before that, and when it was
 * last heard. A standard ARP frame claims all ports of its address (0-0).
 * Reports (trace source "Report", GetReports, Print):
 * - **new station**: a (address, range) heard for the first time;
 * - **changed ethernet address**: another MAC claims a range whose holder
 *   has been silent for longer than ConflictWindow (a host was replaced);
 * - **flip flop**: the range goes back to the MAC that held it before;
 * - **range claimed twice**: another MAC claims a range whose holder was
 *   heard within ConflictWindow (two live claimants: a conflict or a
 *   spoofed reply);
 * - **range overlap**: a MAC claims a range that overlaps another MAC's
 *   range of the same address;
 * - **standard arp for shared address**: a frame without the PE-ARP
 *   extension, or announcing 0-0, from an address that is shared (declared
 *   with AddSharedAddress, or seen with port ranges): one such reply
 *   would send every port of the address to one MAC;
 * - **bogon**: a sender address outside the watched network, a broadcast
 *   or multicast sender address, or a group sender MAC;
 * - **unsolicited reply**: a reply for which no matching request (same
 *   requester MAC, sender address, and a port of the reply's range) was
 *   seen within ReplyWindow.
 *
 * A host that announces a new range overlapping its own old one (a DHCP
 * renumbering) moves its station and is not reported. Every frame is
 * handled in O(log n) in the stations of its address; malformed frames
 * are counted, never parsed further.
 */
class PeArpWatch : public Object
{
  public:
    /** What a report is about. */
    enum Event
    {
        NEW_STATION,              //!< a new (address, range)
        CHANGED_ETHERNET_ADDRESS, //!< another MAC, the holder silent
        FLIP_FLOP,                //!< back to the previous MAC
        RANGE_CLAIMED_TWICE,      //!< another MAC, the holder alive
        RANGE_OVERLAP,            //!< overlaps another MAC's range
        STANDARD_ARP_FOR_SHARED,  //!< all ports of a shared address claimed
        BOGON,                    //!< impossible sender
        UNSOLICITED_REPLY,        //!< a reply nobody asked for
        EVENT_COUNT,              //!< number of events (not an event)
    };

    /** One report. */
    struct Report
    {
        Time time;                //!< when
        Event event;              //!< what
        Ipv4Address address;      //!< sender address
        PeArpPortRange range;     //!< sender range (0-0: all ports)
        Mac48Address mac;         //!< sender MAC
        Mac48Address previousMac; //!< the holder before (changes, overlaps), else the MAC
    };

    /**
     * TracedCallback signature for reports.
     * \param [in] report the report
     */
    typedef void (*ReportTracedCallback)(const Report& report);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpWatch();
    ~PeArpWatch() override;
    PeArpWatch(const PeArpWatch&) = delete;
    PeArpWatch& operator=(const PeArpWatch&) = delete;

    /**
     * Watch the ARP frames a device receives, promiscuously (on a CSMA
     * segment: every frame of the segment), and those it sends (CSMA
     * devices). May be called for several devices of one node.
     * \param device the device (its node is the watching node)
     */
    void Install(Ptr<NetDevice> device);
    /**
     * Report senders outside this network as bogons (default: no check).
     * \param network the LAN's network
     * \param mask its mask
     */
    void SetNetwork(Ipv4Address network, Ipv4Mask mask);
    /**
     * Declare an address shared: a standard ARP claim for it is reported.
     * \param address the address
     */
    void AddSharedAddress(Ipv4Address address);

    /**
     * Handle one ARP frame (what Install's handler calls).
     * \param packet the ARP body (no Ethernet header)
     */
    void Watch(Ptr<const Packet> packet);

    /** \return the reports, oldest first (at most MaxReports) */
    const std::vector<Report>& GetReports() const;
    /**
     * \param event an event
     * \return how often it was reported (also beyond MaxReports)
     */
    uint64_t GetCount(Event event) const;
    /** \return frames watched */
    uint64_t GetFramesWatched() const;
    /** \return frames that did not parse (counted, not reported) */
    uint64_t GetMalformed() const;
    /** \return stations known */
    uint32_t GetStations() const;
    /**
     * \param event an event
     * \return its name in arpwatch's vocabulary (e.g. "flip flop")
     */
    static std::string EventToString(Event event);
    /**
     * Print the reports as arpwatch logs them, one per line:
     * "1.500000 s flip flop 198.108.63.2:2000-2999 00:00:00:00:00:07 (00:00:00:00:00:06)".
     * \param os the stream
     */
    void Print(std::ostream& os) const;

  protected:
    void DoDispose() override;

  private:
    /** The holder of one (address, range). */
    struct Station
    {
        uint16_t high = 0;        //!< last port of the range
        Mac48Address mac;         //!< its MAC
        Mac48Address previousMac; //!< the MAC before (none: same as mac)
        Time lastHeard;           //!< last claim
    };

    /** A request seen, waiting for its reply. */
    struct Asked
    {
        uint16_t port = 0; //!< the port asked for (0: any, standard ARP)
        Time at;           //!< when
    };

    /**
     * The promiscuous protocol handler.
     * \param device the device
     * \param packet the frame's payload
     * \param protocol the ethertype
     * \param from source MAC
     * \param to destination MAC
     * \param type packet type
     */
    void Receive(Ptr<NetDevice> device,
                 Ptr<const Packet> packet,
                 uint16_t protocol,
                 const Address& from,
                 const Address& to,
                 NetDevice::PacketType type);
    /**
     * A frame the watched device sent (CSMA MacTx: with its Ethernet header).
     * \param frame the frame
     */
    void Transmitted(Ptr<const Packet> frame);
    /**
     * Note a claim of (address, range) by a MAC, and report what it changes.
     * \param header the frame
     */
    void Claim(const PeArpHeader& header);
    /**
     * Is a reply answering a request seen? (Forgets what it answered.)
     * \param header the reply
     * \return true if a request matched
     */
    bool Solicited(const PeArpHeader& header);
    /**
     * Record and trace a report.
     * \param event what
     * \param header the frame
     * \param previousMac the holder before
     */
    void Emit(Event event, const PeArpHeader& header, Mac48Address previousMac);
    /**
     * \param mac a MAC
     * \param address an address
     * \return a key for the (MAC, address) pair
     */
    static uint64_t AskKey(Mac48Address mac, Ipv4Address address);

    Time m_conflictWindow;                 //!< holder alive if heard within
    Time m_replyWindow;                    //!< a request waits this long for its reply
    uint32_t m_maxStations;                //!< stations kept at most
    uint32_t m_maxReports;                 //!< reports kept at most
    uint32_t m_maxAsked;                   //!< requests remembered per (requester, address)
    Ipv4Address m_network;                 //!< watched network (with m_mask)
    Ipv4Mask m_mask;                       //!< its mask (/0: no bogon check by network)
    std::unordered_set<uint32_t> m_shared; //!< shared addresses
    /// stations per address, by first port
    std::unordered_map<uint32_t, std::map<uint16_t, Station>> m_stations;
    uint32_t m_stationCount; //!< stations in all
    /// requests per (requester MAC, asked address)
    std::unordered_map<uint64_t, std::vector<Asked>> m_asked;
    std::vector<Report> m_reports;              //!< kept reports
    std::array<uint64_t, EVENT_COUNT> m_counts; //!< reports per event
    uint64_t m_frames;                          //!< frames watched
    uint64_t m_malformed;                       //!< frames that did not parse
    uint64_t m_tableFull;                       //!< claims not kept (MaxStations)
    std::vector<std::pair<Ptr<Node>, Ptr<NetDevice>>> m_installed; //!< where handlers are
    TracedCallback<const Report&> m_reportTrace;                   //!< Report trace
};

/**
 * \param os a stream
 * \param event an event
 * \return the stream (the event in arpwatch's vocabulary)
 */
std::ostream& operator<<(std::ostream& os, PeArpWatch::Event event);

} // namespace ns3

#endif /* PE_ARP_WATCH_H */
