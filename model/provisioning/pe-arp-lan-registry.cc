/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-lan-registry.h"

#include "ns3/abort.h"
#include "ns3/bridge-net-device.h"
#include "ns3/channel.h"
#include "ns3/log.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/pe-arp-bridge-net-device.h"

#include <set>
#include <sstream>
#include <vector>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpLanRegistry");

NS_OBJECT_ENSURE_REGISTERED(PeArpLanRegistry);

/**
 * \ingroup pe-arp
 * \brief Aggregated to each channel of a LAN (or to a device without a
 * channel): points to the LAN's ns3::PeArpLanRegistry.
 */
class PeArpLanAnchor : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId()
    {
        static TypeId tid = TypeId("ns3::PeArpLanAnchor")
                                .SetParent<Object>()
                                .SetGroupName("PeArp")
                                .AddConstructor<PeArpLanAnchor>();
        return tid;
    }

    Ptr<PeArpLanRegistry> m_registry; //!< the LAN's registry

  protected:
    void DoDispose() override
    {
        m_registry = nullptr;
        Object::DoDispose();
    }
};

NS_OBJECT_ENSURE_REGISTERED(PeArpLanAnchor);

namespace
{

/**
 * \param range a range (0-0: all ports)
 * \return its lowest port, 0 for all ports
 */
uint32_t
Low(PeArpPortRange range)
{
    return range.IsAll() ? 0 : range.GetLow();
}

/**
 * \param range a range (0-0: all ports)
 * \return its highest port, 65535 for all ports
 */
uint32_t
High(PeArpPortRange range)
{
    return range.IsAll() ? 65535 : range.GetHigh();
}

} // namespace

std::string
PeArpLanAssignment::ToString() const
{
    std::ostringstream oss;
    oss << (range.IsAll() ? std::string("all ports") : range.ToString()) << " of " << address
        << " (node " << node << " device " << device << ")";
    return oss.str();
}

TypeId
PeArpLanRegistry::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpLanRegistry")
                            .SetParent<Object>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpLanRegistry>();
    return tid;
}

PeArpLanRegistry::PeArpLanRegistry()
    : m_channels(0),
      m_assignments(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpLanRegistry::~PeArpLanRegistry()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpLanRegistry::DoDispose()
{
    NS_LOG_FUNCTION(this);
    m_assigned.clear();
    Object::DoDispose();
}

Ptr<PeArpLanRegistry>
PeArpLanRegistry::Find(Ptr<NetDevice> link)
{
    NS_LOG_FUNCTION(link);
    NS_ABORT_MSG_UNLESS(link, "PeArpLanRegistry::Find: no device");
    Ptr<Channel> start = link->GetChannel();
    if (!start)
    {
        Ptr<PeArpLanAnchor> anchor = link->GetObject<PeArpLanAnchor>();
        if (!anchor)
        {
            anchor = CreateObject<PeArpLanAnchor>();
            anchor->m_registry = CreateObject<PeArpLanRegistry>();
            anchor->m_registry->m_channels = 1;
            link->AggregateObject(anchor);
        }
        return anchor->m_registry;
    }
    Ptr<PeArpLanAnchor> anchor = start->GetObject<PeArpLanAnchor>();
    if (anchor)
    {
        return anchor->m_registry;
    }

    // Discover the LAN: the channels reachable through bridges.
    std::vector<Ptr<Channel>> lan{start};
    std::set<Ptr<Channel>> seenChannels{start};
    std::set<uint32_t> seenNodes;
    std::vector<std::vector<Ptr<NetDevice>>> bridges; // the ports of each bridge seen
    std::vector<bool> expanded;                       // its ports' channels are in lan
    std::map<Ptr<NetDevice>, size_t> bridgeOfPort;    // a port -> its bridge in bridges
    for (size_t next = 0; next < lan.size(); next++)
    {
        Ptr<Channel> channel = lan[next];
        for (std::size_t i = 0; i < channel->GetNDevices(); i++)
        {
            Ptr<NetDevice> device = channel->GetDevice(i);
            Ptr<Node> node = device ? device->GetNode() : nullptr;
            if (!node)
            {
                continue;
            }
            if (seenNodes.insert(node->GetId()).second)
            {
                for (uint32_t d = 0; d < node->GetNDevices(); d++)
                {
                    std::vector<Ptr<NetDevice>> ports;
                    Ptr<NetDevice> candidate = node->GetDevice(d);
                    if (Ptr<BridgeNetDevice> bridge = DynamicCast<BridgeNetDevice>(candidate))
                    {
                        for (uint32_t p = 0; p < bridge->GetNBridgePorts(); p++)
                        {
                            ports.push_back(bridge->GetBridgePort(p));
                        }
                    }
                    else if (Ptr<PeArpBridgeNetDevice> peBridge =
                                 DynamicCast<PeArpBridgeNetDevice>(candidate))
                    {
                        for (uint32_t p = 0; p < peBridge->GetNBridgePorts(); p++)
                        {
                            ports.push_back(peBridge->GetBridgePort(p));
                        }
                    }
                    if (!ports.empty())
                    {
                        for (const Ptr<NetDevice>& port : ports)
                        {
                            bridgeOfPort[port] = bridges.size();
                        }
                        bridges.push_back(ports);
                        expanded.push_back(false);
                    }
                }
            }
            auto bridge = bridgeOfPort.find(device);
            if (bridge == bridgeOfPort.end() || expanded[bridge->second])
            {
                continue;
            }
            expanded[bridge->second] = true;
            for (const Ptr<NetDevice>& port : bridges[bridge->second])
            {
                Ptr<Channel> joined = port->GetChannel();
                if (joined && seenChannels.insert(joined).second)
                {
                    lan.push_back(joined);
                }
            }
        }
    }

    // One registry for the LAN; channels already anchored (a LAN grown or
    // joined since) bring their assignments.
    Ptr<PeArpLanRegistry> registry;
    for (const Ptr<Channel>& channel : lan)
    {
        Ptr<PeArpLanAnchor> existing = channel->GetObject<PeArpLanAnchor>();
        if (!existing || existing->m_registry == registry)
        {
            continue;
        }
        if (!registry)
        {
            registry = existing->m_registry;
        }
        else
        {
            registry->Merge(*existing->m_registry);
        }
    }
    if (!registry)
    {
        registry = CreateObject<PeArpLanRegistry>();
    }
    registry->m_channels = static_cast<uint32_t>(lan.size());
    for (const Ptr<Channel>& channel : lan)
    {
        Ptr<PeArpLanAnchor> existing = channel->GetObject<PeArpLanAnchor>();
        if (!existing)
        {
            existing = CreateObject<PeArpLanAnchor>();
            channel->AggregateObject(existing);
        }
        existing->m_registry = registry;
    }
    NS_LOG_LOGIC("LAN of channel " << start->GetId() << ": " << lan.size() << " channel(s)");
    return registry;
}

std::optional<PeArpLanAssignment>
PeArpLanRegistry::FindOverlap(Ipv4Address address, PeArpPortRange range) const
{
    auto ranges = m_assigned.find(address);
    if (ranges == m_assigned.end())
    {
        return std::nullopt;
    }
    // The ranges are disjoint: only the last one starting at or below our
    // highest port can reach our lowest.
    auto it = ranges->second.upper_bound(High(range));
    if (it == ranges->second.begin())
    {
        return std::nullopt;
    }
    --it;
    if (High(it->second.range) >= Low(range))
    {
        return it->second;
    }
    return std::nullopt;
}

void
PeArpLanRegistry::Add(const PeArpLanAssignment& assignment)
{
    NS_LOG_FUNCTION(this << assignment.ToString());
    std::optional<PeArpLanAssignment> overlap = FindOverlap(assignment.address, assignment.range);
    NS_ABORT_MSG_IF(overlap,
                    "PeArpLanRegistry::Add: " << assignment.ToString() << " overlaps "
                                              << overlap->ToString() << " on the same LAN");
    m_assigned[assignment.address][Low(assignment.range)] = assignment;
    m_assignments++;
}

void
PeArpLanRegistry::Merge(const PeArpLanRegistry& other)
{
    NS_LOG_FUNCTION(this);
    for (const auto& [address, ranges] : other.m_assigned)
    {
        for (const auto& [low, assignment] : ranges)
        {
            std::optional<PeArpLanAssignment> overlap = FindOverlap(address, assignment.range);
            NS_ABORT_MSG_IF(overlap,
                            "PeArpLanRegistry: two LANs joined by a bridge hold overlapping "
                            "ranges: "
                                << assignment.ToString() << " and " << overlap->ToString());
            Add(assignment);
        }
    }
}

uint32_t
PeArpLanRegistry::GetNChannels() const
{
    return m_channels;
}

uint32_t
PeArpLanRegistry::GetNAssignments() const
{
    return m_assignments;
}

} // namespace ns3
