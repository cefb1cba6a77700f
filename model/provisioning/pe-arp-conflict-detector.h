/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_CONFLICT_DETECTOR_H
#define PE_ARP_CONFLICT_DETECTOR_H

#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/pe-arp-header.h"
#include "ns3/pe-arp-port-set.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class PeArpNetDevice;
class PeArpPortSetAllocator;

/**
 * \ingroup pe-arp
 * \brief Self-assigned port ranges: a host picks a range of a shared address
 * at random and defends it the way RFC 5227 defends an address.
 *
 * The PE-ARP paper (section II.A) names "randomly select port ranges and
 * then perform conflict resolution" as one way to give hosts their ranges.
 * This object does it with PE-ARP frames:
 * - probe: a PE-ARP request from sender address 0.0.0.0 whose sender range
 *   is the candidate range, sent ProbeNum times, ProbeMin to ProbeMax apart,
 *   after a random wait of up to ProbeWait;
 * - a host that owns ports of the probed range answers the probe with its
 *   overlapping range (ns3::PeArpL3Protocol does this for every host); a
 *   probe or an announcement for an overlapping range from another host
 *   heard while probing is a conflict too (simultaneous probes);
 * - on a conflict the host picks another candidate and probes again; after
 *   MaxConflicts conflicts it waits RateLimitInterval between attempts;
 * - AnnounceWait after the last probe the range is claimed (the port agent
 *   owns it from then on) and announced AnnounceNum times, AnnounceInterval
 *   apart: requests whose sender and target are the shared address.
 *
 * Candidates are the host sets of a ns3::PeArpPortSetAllocator, drawn with
 * the Candidate random variable. For a set of several ranges (MAP) the first
 * range is probed: the sets of one allocator overlap exactly when their
 * first ranges do. While the range is being claimed the address is
 * tentative: the host owns none of its ports and sockets cannot bind.
 */
class PeArpConflictDetector : public Object
{
  public:
    /** Where the claim stands. */
    enum State
    {
        IDLE,       //!< not started
        PROBING,    //!< probing a candidate
        ANNOUNCING, //!< claimed, announcing
        CLAIMED,    //!< claimed and announced
    };

    /**
     * TracedCallback signature for a claimed range.
     * \param [in] address the shared address
     * \param [in] ports the claimed ports
     * \param [in] conflicts conflicts met before the claim
     */
    typedef void (*ClaimedTracedCallback)(Ipv4Address address,
                                          const PeArpPortSet& ports,
                                          uint32_t conflicts);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpConflictDetector();
    ~PeArpConflictDetector() override;
    PeArpConflictDetector(const PeArpConflictDetector&) = delete;
    PeArpConflictDetector& operator=(const PeArpConflictDetector&) = delete;

    /**
     * Claim a range of a shared address that is assigned to a PE-ARP
     * interface of a PE-ARP host (ns3::PeArpStackHelper).
     * \param device the interface
     * \param address the shared address
     * \param allocator the candidate sets
     * \param at delay from now before the claim starts
     */
    void Start(Ptr<PeArpNetDevice> device,
               Ipv4Address address,
               Ptr<PeArpPortSetAllocator> allocator,
               Time at);

    /** \return the state */
    State GetState() const;
    /** \return the claimed ports (empty until claimed) */
    PeArpPortSet GetClaimedPorts() const;
    /** \return when the range was claimed (negative until claimed) */
    Time GetClaimTime() const;
    /**
     * The longest a claim takes from Start when no other host contests it,
     * with the attributes' default values (Config::SetDefault included):
     * ProbeWait + (ProbeNum - 1) x ProbeMax + AnnounceWait (RFC 5227 section
     * 2.1.1: 7 s with its constants). A scenario starts self-assigned hosts'
     * traffic no earlier.
     * \return that time
     */
    static Time GetUncontestedClaimBound();
    /** \return probes sent */
    uint32_t GetProbesSent() const;
    /** \return announcements sent */
    uint32_t GetAnnouncementsSent() const;
    /** \return conflicts met */
    uint32_t GetConflicts() const;

    /**
     * Assign a fixed random variable stream number to the random variables
     * used by this model.
     * \param stream first stream index to use
     * \return the number of stream indices assigned by this model
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    /** Pick a candidate and start probing it after a random wait. */
    void PickCandidate();
    /** Send the next probe, or move on to the claim. */
    void Probe();
    /** Claim the candidate and start announcing. */
    void Claim();
    /** Send the next announcement. */
    void Announce();
    /**
     * Send a PE-ARP request.
     * \param sender the sender address (0.0.0.0 for a probe)
     */
    void SendClaimFrame(Ipv4Address sender);
    /**
     * A probe, an answer to a probe or an announcement was heard.
     * \param header the frame
     */
    void Heard(const PeArpHeader& header);
    /** \return the range probed and announced for the candidate */
    PeArpPortRange GetCandidateRange() const;

    Ptr<PeArpNetDevice> m_device;           //!< the interface
    Ptr<PeArpPortSetAllocator> m_allocator; //!< candidate sets
    Ipv4Address m_address;                  //!< the shared address
    State m_state;                          //!< state
    PeArpPortSet m_candidate;               //!< candidate (then claimed) ports
    uint32_t m_probesLeft;                  //!< probes of the candidate still to send
    uint32_t m_announcementsLeft;           //!< announcements still to send
    uint32_t m_probesSent;                  //!< counter
    uint32_t m_announcementsSent;           //!< counter
    uint32_t m_conflicts;                   //!< counter
    Time m_claimTime;                       //!< when claimed
    EventId m_event;                        //!< next step

    Ptr<RandomVariableStream> m_candidateRv; //!< Candidate attribute
    Ptr<UniformRandomVariable> m_uniform;    //!< waits
    Time m_probeWait;                        //!< ProbeWait attribute
    uint32_t m_probeNum;                     //!< ProbeNum attribute
    Time m_probeMin;                         //!< ProbeMin attribute
    Time m_probeMax;                         //!< ProbeMax attribute
    Time m_announceWait;                     //!< AnnounceWait attribute
    uint32_t m_announceNum;                  //!< AnnounceNum attribute
    Time m_announceInterval;                 //!< AnnounceInterval attribute
    uint32_t m_maxConflicts;                 //!< MaxConflicts attribute
    Time m_rateLimitInterval;                //!< RateLimitInterval attribute

    TracedCallback<Ipv4Address, const PeArpPortSet&, uint32_t> m_claimedTrace; //!< Claimed trace
};

} // namespace ns3

#endif /* PE_ARP_CONFLICT_DETECTOR_H */
