/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_ARP_INSPECTION_H
#define PE_ARP_ARP_INSPECTION_H

#include "pe-arp-binding-table.h"

#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <unordered_map>

namespace ns3
{

class Node;
class PeArpHeader;

/**
 * \ingroup pe-arp
 * \brief Dynamic ARP inspection for a PE-ARP node (router, or any node with
 * ns3::PeArpL3Protocol): every ARP frame it receives is checked before it
 * is handled, and refused frames are dropped (PeArpL3Protocol's
 * INSPECTION_REFUSED) and counted here by reason.
 *
 * - **Bindings** (SetBindingTable): the sender's (address, range, MAC) must
 *   be allowed by a ns3::PeArpBindingTable, filled from the DHCP server's
 *   leases and static hosts.
 * - **Rate limit** (RateLimit, Burst): a token bucket per sender MAC; frames
 *   beyond it are refused. Up to MaxTrackedMacs buckets are kept; when
 *   more MACs appear the buckets are reset (a flood of forged MACs then
 *   meets fresh buckets: bound it with the binding table).
 *
 * Both are off until configured. Probes (sender 0.0.0.0) pass the binding
 * check, as RFC 5227 requires, but not the rate limit.
 */
class PeArpArpInspection : public Object
{
  public:
    /** Why a frame was refused. */
    enum Reason
    {
        BINDING, //!< the binding table refused the sender
        RATE,    //!< the sender MAC exceeded its rate
    };

    /** Counters. */
    struct Counters
    {
        uint64_t inspected = 0;      //!< frames inspected
        uint64_t refusedBinding = 0; //!< refused by the binding table
        uint64_t refusedRate = 0;    //!< refused by the rate limit
    };

    /**
     * TracedCallback signature for refused frames.
     * \param [in] header the frame
     * \param [in] reason why
     */
    typedef void (*RefusedTracedCallback)(const PeArpHeader& header, Reason reason);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpArpInspection();
    ~PeArpArpInspection() override;
    PeArpArpInspection(const PeArpArpInspection&) = delete;
    PeArpArpInspection& operator=(const PeArpArpInspection&) = delete;

    /**
     * Inspect the frames of a node's PE-ARP protocol.
     * \param node a node with ns3::PeArpL3Protocol
     */
    void Install(Ptr<Node> node);
    /**
     * Check senders against a binding table (null: no binding check).
     * \param table the table
     */
    void SetBindingTable(Ptr<PeArpBindingTable> table);
    /** \return the binding table, or null */
    Ptr<PeArpBindingTable> GetBindingTable() const;

    /**
     * The check (what the protocol calls).
     * \param device the receiving device
     * \param header the frame
     * \return true to let it in
     */
    bool Inspect(Ptr<const NetDevice> device, const PeArpHeader& header);

    /** \return the counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    /** A token bucket. */
    struct Bucket
    {
        double tokens = 0; //!< tokens left
        Time last;         //!< last refill
    };

    Ptr<PeArpBindingTable> m_table;                 //!< bindings, or null
    double m_rate;                                  //!< RateLimit attribute (frames/s, 0: off)
    double m_burst;                                 //!< Burst attribute (frames)
    uint32_t m_maxTracked;                          //!< MaxTrackedMacs attribute
    std::unordered_map<uint64_t, Bucket> m_buckets; //!< per sender MAC
    Counters m_counters;                            //!< counters
    Ptr<Node> m_node;                               //!< the inspected node
    TracedCallback<const PeArpHeader&, Reason> m_refusedTrace; //!< Refused trace
};

} // namespace ns3

#endif /* PE_ARP_ARP_INSPECTION_H */
