/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_NAT_PORT_ALLOCATOR_H
#define PE_ARP_NAT_PORT_ALLOCATOR_H

#include "ns3/ipv4-address.h"
#include "ns3/object.h"

#include <array>
#include <cstdint>
#include <deque>
#include <map>
#include <ostream>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The external ports (and ICMP ids) of a NAPT: a dynamic pool,
 * port preservation and parity (RFC 4787 section 4.2), and port blocks per
 * subscriber (RFC 6888 REQ-4, RFC 7422).
 *
 * TCP, UDP and ICMP have separate port spaces. A port is never given to
 * two mappings of the same protocol (no overloading, RFC 4787 REQ-3).
 *
 * PortBlockMode:
 * - NONE: every subscriber draws from PoolLow-PoolHigh;
 * - DETERMINISTIC (RFC 7422): subscriber i (SetSubscriberIndex, or the
 *   order in which subscribers first ask) owns BlockBase + i * BlockSize ...
 *   + BlockSize - 1, and nothing else;
 * - BULK: blocks of BlockSize ports are cut from the pool on demand; a
 *   subscriber holds at most MaxBlocksPerSubscriber of them, and gives a
 *   block back when it holds no port in it.
 * MaxPortsPerSubscriber (0: no limit) limits the ports a subscriber holds
 * over all protocols in every mode.
 *
 * Allocation takes the preferred port if PortPreservation is on and the
 * port is free where the subscriber may allocate; otherwise the oldest
 * freed port (free lists, no scan), of the preferred port's parity if
 * PortParity is on. Ports taken by Reserve (static rules) are never
 * given. Port classes (below or above 1024) are kept by the
 * default pool 1024-49151, which lies below ns-3's ephemeral ports.
 */
class PeArpNatPortAllocator : public Object
{
  public:
    /** How ports are grouped per subscriber. */
    enum BlockMode
    {
        NONE = 0,      //!< one shared pool
        BULK,          //!< blocks cut from the pool on demand
        DETERMINISTIC, //!< block i for subscriber i
    };

    /** Why an allocation failed. */
    enum Failure
    {
        OK = 0,               //!< no failure
        POOL_EXHAUSTED,       //!< the pool (or the blocks cut from it) has no free port
        PORT_BLOCK_EXHAUSTED, //!< the subscriber's block(s) are full and it may get no more
        PORT_LIMIT,           //!< the subscriber holds MaxPortsPerSubscriber ports
    };

    /** What Allocate gives. */
    struct Allocation
    {
        Failure failure = OK; //!< OK, or why no port was given
        uint16_t port = 0;    //!< the port, if OK
    };

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpNatPortAllocator();
    ~PeArpNatPortAllocator() override;

    /**
     * Give a subscriber a fixed index (DETERMINISTIC mode).
     * \param subscriber the subscriber's private address
     * \param index its block index
     */
    void SetSubscriberIndex(Ipv4Address subscriber, uint32_t index);

    /**
     * \param protocol 6, 17 or 1
     * \param subscriber the private address asking
     * \param preferred the port (or id) it uses privately
     * \return the external port, or why there is none
     */
    Allocation Allocate(uint8_t protocol, Ipv4Address subscriber, uint16_t preferred);

    /**
     * Take a port out of the dynamic pool for good: a static rule owns it,
     * and Allocate never gives it, with or without PortPreservation. The
     * port counts as in use (IsInUse) and may not be released.
     * \param protocol 6, 17 or 1
     * \param port the port; NS_ABORT if a mapping holds it
     */
    void Reserve(uint8_t protocol, uint16_t port);

    /**
     * \param protocol 6, 17 or 1
     * \param port a port
     * \return true if Reserve took it out of the pool
     */
    bool IsReserved(uint8_t protocol, uint16_t port) const;

    /**
     * Give a port back.
     * \param protocol 6, 17 or 1
     * \param subscriber the subscriber it was given to
     * \param port the port
     */
    void Release(uint8_t protocol, Ipv4Address subscriber, uint16_t port);

    /**
     * \param subscriber a subscriber
     * \return the port ranges it holds (first, last), in increasing order
     */
    std::vector<std::pair<uint16_t, uint16_t>> GetBlocks(Ipv4Address subscriber) const;

    /**
     * \param subscriber a subscriber
     * \return the ports it holds, over all protocols
     */
    uint32_t GetPortsInUse(Ipv4Address subscriber) const;

    /**
     * \param protocol 6, 17 or 1
     * \param port a port
     * \return true if it is given out for that protocol
     */
    bool IsInUse(uint8_t protocol, uint16_t port) const;

  protected:
    void DoDispose() override;

  private:
    /** Ports of one range and their state, per protocol. */
    struct Block
    {
        uint16_t first = 0;                                      //!< first port
        uint16_t last = 0;                                       //!< last port
        uint32_t inUse = 0;                                      //!< ports given out, all protocols
        bool filled = false;                                     //!< free lists built
        std::array<std::array<std::deque<uint16_t>, 2>, 3> free; //!< [protocol][parity]
    };

    /** What the allocator knows of a subscriber. */
    struct Subscriber
    {
        uint32_t index = 0;           //!< DETERMINISTIC: its block index
        bool indexed = false;         //!< index assigned
        uint32_t ports = 0;           //!< ports held, all protocols
        std::vector<uint32_t> blocks; //!< BULK: indices of the blocks it holds
    };

    /** Check the attributes; NS_FATAL_ERROR naming the attribute if wrong. */
    void CheckConfiguration() const;
    /**
     * \param protocol 6, 17 or 1
     * \return 0, 1 or 2
     */
    static uint32_t ProtocolIndex(uint8_t protocol);
    /**
     * Take a port of a block.
     * \param block the block
     * \param protocol the protocol index
     * \param preferred the preferred port
     * \return the port, or 0 if the block has none
     */
    uint16_t TakeFrom(Block& block, uint32_t protocol, uint16_t preferred);
    /**
     * \param subscriber a subscriber
     * \return its record, created (and indexed, in DETERMINISTIC mode) if new
     */
    Subscriber& GetSubscriber(Ipv4Address subscriber);
    /**
     * \param index a block index (BULK, DETERMINISTIC) or 0 (NONE)
     * \return the block, created if new
     */
    Block& GetBlock(uint32_t index);
    /**
     * \param port a port
     * \param subscriber its holder
     * \return the index of the block that holds it
     */
    uint32_t BlockOf(uint16_t port, const Subscriber& subscriber) const;

    uint16_t m_poolLow;                                     //!< PoolLow attribute
    uint16_t m_poolHigh;                                    //!< PoolHigh attribute
    bool m_preservation;                                    //!< PortPreservation attribute
    bool m_parity;                                          //!< PortParity attribute
    BlockMode m_mode;                                       //!< PortBlockMode attribute
    uint16_t m_blockBase;                                   //!< BlockBase attribute
    uint16_t m_blockSize;                                   //!< BlockSize attribute
    uint32_t m_maxBlocks;                                   //!< MaxBlocksPerSubscriber attribute
    uint32_t m_maxPorts;                                    //!< MaxPortsPerSubscriber attribute
    std::array<std::vector<bool>, 3> m_used;                //!< [protocol][port] given out
    std::array<std::vector<bool>, 3> m_reserved;            //!< [protocol][port] static
    std::map<uint32_t, Block> m_blocks;                     //!< blocks by index
    std::deque<uint32_t> m_freeBlocks;                      //!< BULK: block indices not held
    std::unordered_map<uint32_t, Subscriber> m_subscribers; //!< by address
    uint32_t m_nextIndex;                                   //!< DETERMINISTIC: next index to give
};

/**
 * \param os a stream
 * \param failure an allocation failure
 * \return the stream, with "ok", "pool-exhausted", ...
 */
std::ostream& operator<<(std::ostream& os, PeArpNatPortAllocator::Failure failure);

} // namespace ns3

#endif /* PE_ARP_NAT_PORT_ALLOCATOR_H */
