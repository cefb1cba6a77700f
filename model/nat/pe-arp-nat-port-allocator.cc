/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-port-allocator.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/log.h"
#include "ns3/uinteger.h"

#include <algorithm>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatPortAllocator");

NS_OBJECT_ENSURE_REGISTERED(PeArpNatPortAllocator);

TypeId
PeArpNatPortAllocator::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpNatPortAllocator")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpNatPortAllocator>()
            .AddAttribute("PoolLow",
                          "First port of the dynamic pool (NONE and BULK modes); must not "
                          "exceed PoolHigh.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_poolLow),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("PoolHigh",
                          "Last port of the dynamic pool (default below ns-3's ephemeral "
                          "ports 49152-65535).",
                          UintegerValue(49151),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_poolHigh),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("PortPreservation",
                          "Give the private port as the external one when it is free "
                          "(RFC 4787 section 4.2.1).",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpNatPortAllocator::m_preservation),
                          MakeBooleanChecker())
            .AddAttribute("PortParity",
                          "Keep the parity of the private port (RFC 4787 REQ-4).",
                          BooleanValue(false),
                          MakeBooleanAccessor(&PeArpNatPortAllocator::m_parity),
                          MakeBooleanChecker())
            .AddAttribute(
                "PortBlockMode",
                "Ports per subscriber: one shared pool, blocks cut on demand, or a "
                "block computed from the subscriber's index (RFC 7422).",
                EnumValue(NONE),
                MakeEnumAccessor(&PeArpNatPortAllocator::m_mode),
                MakeEnumChecker(NONE, "NONE", BULK, "BULK", DETERMINISTIC, "DETERMINISTIC"))
            .AddAttribute("BlockBase",
                          "DETERMINISTIC: first port of subscriber 0's block.",
                          UintegerValue(1024),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_blockBase),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("BlockSize",
                          "Ports per block (BULK, DETERMINISTIC); at least 1.",
                          UintegerValue(1000),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_blockSize),
                          MakeUintegerChecker<uint16_t>(1))
            .AddAttribute("MaxBlocksPerSubscriber",
                          "BULK: blocks a subscriber may hold at once; at least 1.",
                          UintegerValue(1),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_maxBlocks),
                          MakeUintegerChecker<uint32_t>(1))
            .AddAttribute("MaxPortsPerSubscriber",
                          "Ports (and ICMP ids) a subscriber may hold over all protocols, "
                          "RFC 6888 REQ-4; 0: no limit.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpNatPortAllocator::m_maxPorts),
                          MakeUintegerChecker<uint32_t>());
    return tid;
}

PeArpNatPortAllocator::PeArpNatPortAllocator()
    : m_poolLow(1024),
      m_poolHigh(49151),
      m_preservation(true),
      m_parity(false),
      m_mode(NONE),
      m_blockBase(1024),
      m_blockSize(1000),
      m_maxBlocks(1),
      m_maxPorts(0),
      m_nextIndex(0)
{
    NS_LOG_FUNCTION(this);
    for (auto& used : m_used)
    {
        used.assign(65536, false);
    }
    for (auto& reserved : m_reserved)
    {
        reserved.assign(65536, false);
    }
}

PeArpNatPortAllocator::~PeArpNatPortAllocator()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpNatPortAllocator::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_blocks.clear();
    m_freeBlocks.clear();
    m_subscribers.clear();
    Object::DoDispose();
}

void
PeArpNatPortAllocator::CheckConfiguration() const
{
    if (m_mode != DETERMINISTIC && m_poolLow > m_poolHigh)
    {
        NS_FATAL_ERROR("PeArpNatPortAllocator: PoolLow (" << m_poolLow << ") exceeds PoolHigh ("
                                                          << m_poolHigh << ")");
    }
    if (m_mode == BULK && m_blockSize > m_poolHigh - m_poolLow + 1)
    {
        NS_FATAL_ERROR("PeArpNatPortAllocator: BlockSize ("
                       << m_blockSize << ") exceeds the pool PoolLow-PoolHigh (" << m_poolLow << "-"
                       << m_poolHigh << ")");
    }
    if (m_mode == DETERMINISTIC && m_blockBase + static_cast<uint32_t>(m_blockSize) - 1 > 65535)
    {
        NS_FATAL_ERROR("PeArpNatPortAllocator: BlockBase (" << m_blockBase << ") + BlockSize ("
                                                            << m_blockSize
                                                            << ") leaves no block below 65536");
    }
}

uint32_t
PeArpNatPortAllocator::ProtocolIndex(uint8_t protocol)
{
    switch (protocol)
    {
    case 6:
        return 0;
    case 17:
        return 1;
    case 1:
        return 2;
    default:
        NS_FATAL_ERROR("PeArpNatPortAllocator: protocol " << static_cast<uint32_t>(protocol)
                                                          << " has no ports");
    }
    return 0;
}

void
PeArpNatPortAllocator::SetSubscriberIndex(Ipv4Address subscriber, uint32_t index)
{
    NS_LOG_FUNCTION(this << subscriber << index);
    Subscriber& s = m_subscribers[subscriber.Get()];
    NS_ABORT_MSG_IF(s.ports > 0, "SetSubscriberIndex: " << subscriber << " already holds ports");
    s.index = index;
    s.indexed = true;
}

PeArpNatPortAllocator::Subscriber&
PeArpNatPortAllocator::GetSubscriber(Ipv4Address subscriber)
{
    Subscriber& s = m_subscribers[subscriber.Get()];
    if (!s.indexed)
    {
        s.index = m_nextIndex++;
        s.indexed = true;
    }
    m_nextIndex = std::max(m_nextIndex, s.index + 1);
    return s;
}

PeArpNatPortAllocator::Block&
PeArpNatPortAllocator::GetBlock(uint32_t index)
{
    auto it = m_blocks.find(index);
    if (it != m_blocks.end())
    {
        return it->second;
    }
    Block& b = m_blocks[index];
    switch (m_mode)
    {
    case NONE:
        b.first = m_poolLow;
        b.last = m_poolHigh;
        break;
    case BULK:
        b.first = static_cast<uint16_t>(m_poolLow + index * m_blockSize);
        b.last = static_cast<uint16_t>(b.first + m_blockSize - 1);
        break;
    case DETERMINISTIC:
        b.first = static_cast<uint16_t>(m_blockBase + index * m_blockSize);
        b.last = static_cast<uint16_t>(b.first + m_blockSize - 1);
        break;
    }
    return b;
}

uint16_t
PeArpNatPortAllocator::TakeFrom(Block& block, uint32_t protocol, uint16_t preferred)
{
    if (!block.filled)
    {
        for (uint32_t p = block.first; p <= block.last; ++p)
        {
            for (auto& lists : block.free)
            {
                lists[p & 1].push_back(static_cast<uint16_t>(p));
            }
        }
        block.filled = true;
    }
    std::vector<bool>& used = m_used[protocol];
    uint16_t port = 0;
    if (m_preservation && preferred >= block.first && preferred <= block.last && !used[preferred])
    {
        port = preferred;
    }
    else
    {
        // the free lists may hold ports taken by preservation since: skip them
        uint32_t want = preferred & 1;
        for (uint32_t k = 0; k < 2 && port == 0; ++k)
        {
            auto& list = block.free[protocol][k == 0 ? want : 1 - want];
            while (!list.empty() && used[list.front()])
            {
                list.pop_front();
            }
            if (!list.empty())
            {
                port = list.front();
                list.pop_front();
            }
            if (m_parity)
            {
                break;
            }
        }
    }
    if (port != 0)
    {
        used[port] = true;
        block.inUse++;
    }
    return port;
}

PeArpNatPortAllocator::Allocation
PeArpNatPortAllocator::Allocate(uint8_t protocol, Ipv4Address subscriber, uint16_t preferred)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << subscriber << preferred);
    CheckConfiguration();
    uint32_t proto = ProtocolIndex(protocol);
    Subscriber& s = GetSubscriber(subscriber);
    Allocation a;
    if (m_maxPorts > 0 && s.ports >= m_maxPorts)
    {
        a.failure = PORT_LIMIT;
        return a;
    }
    uint16_t port = 0;
    switch (m_mode)
    {
    case NONE:
        port = TakeFrom(GetBlock(0), proto, preferred);
        a.failure = port == 0 ? POOL_EXHAUSTED : OK;
        break;
    case DETERMINISTIC:
        if (m_blockBase + (static_cast<uint64_t>(s.index) + 1) * m_blockSize - 1 > 65535)
        {
            a.failure = POOL_EXHAUSTED; // no block for this index
            return a;
        }
        port = TakeFrom(GetBlock(s.index), proto, preferred);
        a.failure = port == 0 ? PORT_BLOCK_EXHAUSTED : OK;
        break;
    case BULK: {
        if (m_blocks.empty() && m_freeBlocks.empty())
        {
            uint32_t count = (m_poolHigh - m_poolLow + 1) / m_blockSize;
            for (uint32_t i = 0; i < count; ++i)
            {
                m_freeBlocks.push_back(i);
            }
        }
        // the block holding the preferred port first, then the others
        std::vector<uint32_t> order = s.blocks;
        std::stable_partition(order.begin(), order.end(), [&](uint32_t x) {
            const Block& bx = GetBlock(x);
            return preferred >= bx.first && preferred <= bx.last;
        });
        for (uint32_t i : order)
        {
            port = TakeFrom(GetBlock(i), proto, preferred);
            if (port != 0)
            {
                break;
            }
        }
        if (port == 0)
        {
            if (s.blocks.size() >= m_maxBlocks)
            {
                a.failure = PORT_BLOCK_EXHAUSTED;
                return a;
            }
            if (m_freeBlocks.empty())
            {
                a.failure = POOL_EXHAUSTED;
                return a;
            }
            uint32_t i = m_freeBlocks.front();
            m_freeBlocks.pop_front();
            s.blocks.push_back(i);
            port = TakeFrom(GetBlock(i), proto, preferred);
        }
        a.failure = port == 0 ? PORT_BLOCK_EXHAUSTED : OK;
        break;
    }
    }
    if (port != 0)
    {
        s.ports++;
        a.port = port;
    }
    NS_LOG_LOGIC(subscriber << ":" << preferred << " -> " << port << " (" << a.failure << ")");
    return a;
}

uint32_t
PeArpNatPortAllocator::BlockOf(uint16_t port, const Subscriber& subscriber) const
{
    switch (m_mode)
    {
    case NONE:
        return 0;
    case DETERMINISTIC:
        return subscriber.index;
    case BULK:
        return (port - m_poolLow) / m_blockSize;
    }
    return 0;
}

void
PeArpNatPortAllocator::Reserve(uint8_t protocol, uint16_t port)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << port);
    uint32_t proto = ProtocolIndex(protocol);
    NS_ABORT_MSG_IF(m_used[proto][port] && !m_reserved[proto][port],
                    "Reserve: port " << port << " of protocol " << static_cast<uint32_t>(protocol)
                                     << " is held by a mapping; add static rules before traffic");
    m_used[proto][port] = true;
    m_reserved[proto][port] = true;
}

bool
PeArpNatPortAllocator::IsReserved(uint8_t protocol, uint16_t port) const
{
    return m_reserved[ProtocolIndex(protocol)][port];
}

void
PeArpNatPortAllocator::Release(uint8_t protocol, Ipv4Address subscriber, uint16_t port)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << subscriber << port);
    uint32_t proto = ProtocolIndex(protocol);
    auto sit = m_subscribers.find(subscriber.Get());
    NS_ABORT_MSG_IF(sit == m_subscribers.end() || !m_used[proto][port] || m_reserved[proto][port],
                    "Release: " << subscriber << " holds no port " << port);
    Subscriber& s = sit->second;
    uint32_t index = BlockOf(port, s);
    Block& b = GetBlock(index);
    m_used[proto][port] = false;
    b.free[proto][port & 1].push_back(port);
    b.inUse--;
    s.ports--;
    if (m_mode == BULK && b.inUse == 0)
    {
        s.blocks.erase(std::find(s.blocks.begin(), s.blocks.end(), index));
        m_freeBlocks.push_back(index);
    }
}

std::vector<std::pair<uint16_t, uint16_t>>
PeArpNatPortAllocator::GetBlocks(Ipv4Address subscriber) const
{
    std::vector<std::pair<uint16_t, uint16_t>> blocks;
    auto sit = m_subscribers.find(subscriber.Get());
    if (sit == m_subscribers.end())
    {
        return blocks;
    }
    const Subscriber& s = sit->second;
    switch (m_mode)
    {
    case NONE:
        blocks.emplace_back(m_poolLow, m_poolHigh);
        break;
    case DETERMINISTIC: {
        uint64_t first = m_blockBase + static_cast<uint64_t>(s.index) * m_blockSize;
        if (first + m_blockSize - 1 <= 65535)
        {
            blocks.emplace_back(static_cast<uint16_t>(first),
                                static_cast<uint16_t>(first + m_blockSize - 1));
        }
        break;
    }
    case BULK:
        for (uint32_t i : s.blocks)
        {
            uint32_t first = m_poolLow + i * m_blockSize;
            blocks.emplace_back(static_cast<uint16_t>(first),
                                static_cast<uint16_t>(first + m_blockSize - 1));
        }
        std::sort(blocks.begin(), blocks.end());
        break;
    }
    return blocks;
}

uint32_t
PeArpNatPortAllocator::GetPortsInUse(Ipv4Address subscriber) const
{
    auto sit = m_subscribers.find(subscriber.Get());
    return sit == m_subscribers.end() ? 0 : sit->second.ports;
}

bool
PeArpNatPortAllocator::IsInUse(uint8_t protocol, uint16_t port) const
{
    return m_used[ProtocolIndex(protocol)][port];
}

std::ostream&
operator<<(std::ostream& os, PeArpNatPortAllocator::Failure failure)
{
    switch (failure)
    {
    case PeArpNatPortAllocator::OK:
        return os << "ok";
    case PeArpNatPortAllocator::POOL_EXHAUSTED:
        return os << "pool-exhausted";
    case PeArpNatPortAllocator::PORT_BLOCK_EXHAUSTED:
        return os << "port-block-exhausted";
    case PeArpNatPortAllocator::PORT_LIMIT:
        return os << "port-limit";
    }
    return os << "unknown";
}

} // namespace ns3
