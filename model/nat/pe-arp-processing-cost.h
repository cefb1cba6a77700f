/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PROCESSING_COST_H
#define PE_ARP_PROCESSING_COST_H

#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <cstdint>
#include <deque>
#include <optional>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The per-packet processing cost of a middlebox: one FIFO server.
 *
 * A packet of b bytes needs the server for S(b) = PerPacket + b * PerByte.
 * Packets are served in the order they arrive; Admit returns how long a
 * packet waits for the server before it is handled and forwarded, i.e. the
 * time the packets admitted before it still hold the server. Back-to-back
 * packets of the same size therefore get 0, S, 2S, ...: the cost caps the
 * rate at 1/S and adds queueing delay, not a fixed latency to a lone packet.
 *
 * At most QueueLimit packets may wait behind the one in service; a packet
 * arriving when that many wait is dropped and counted (QUEUE_FULL).
 * With PerPacket = PerByte = 0 (the defaults) every packet gets 0.
 */
class PeArpProcessingCost : public Object
{
  public:
    /** The model's counters. */
    struct Counters
    {
        uint64_t admitted = 0;  //!< packets admitted
        uint64_t queueFull = 0; //!< packets dropped because QueueLimit packets waited
        Time busy;              //!< total service time of the admitted packets
        Time maxWait;           //!< longest wait returned
    };

    /**
     * TracedCallback signature for a packet dropped by the queue limit.
     * \param [in] bytes the packet's size
     */
    typedef void (*DropTracedCallback)(uint32_t bytes);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpProcessingCost();
    ~PeArpProcessingCost() override;

    /**
     * Admit a packet arriving now.
     * \param bytes its size
     * \return the time it waits before it is forwarded, or nothing if it is
     * dropped (QUEUE_FULL, counted)
     */
    std::optional<Time> Admit(uint32_t bytes);

    /**
     * \param bytes a packet size
     * \return its service time, PerPacket + bytes * PerByte
     */
    Time GetServiceTime(uint32_t bytes) const;

    /** \return the number of admitted packets whose service has not ended */
    uint32_t GetInSystem();

    /** \return the counters */
    const Counters& GetCounters() const;

  protected:
    void DoDispose() override;

  private:
    /** Forget the packets whose service ended by now. */
    void Expire();

    Time m_perPacket;        //!< PerPacket attribute
    Time m_perByte;          //!< PerByte attribute
    uint32_t m_queueLimit;   //!< QueueLimit attribute
    std::deque<Time> m_ends; //!< service end times of packets in the system, increasing
    Counters m_counters;     //!< counters
    TracedCallback<uint32_t> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif /* PE_ARP_PROCESSING_COST_H */
