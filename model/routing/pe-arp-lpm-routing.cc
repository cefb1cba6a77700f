/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-lpm-routing.h"

#include "ns3/abort.h"
#include "ns3/assert.h"
#include "ns3/ipv4-route.h"
#include "ns3/log.h"
#include "ns3/names.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/simulator.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpLpmRouting");

NS_OBJECT_ENSURE_REGISTERED(PeArpLpmRouting);

namespace
{

/**
 * \param length a prefix length, 0 to 32
 * \return the mask of that length
 */
constexpr uint32_t
MaskOfLength(uint32_t length)
{
    return length == 0 ? 0U : (0xffffffffU << (32 - length));
}

/** \return the masks of lengths 0 to 32 */
constexpr std::array<uint32_t, 33>
MakeMasks()
{
    std::array<uint32_t, 33> masks{};
    for (uint32_t n = 0; n <= 32; ++n)
    {
        masks[n] = MaskOfLength(n);
    }
    return masks;
}

constexpr std::array<uint32_t, 33> MASKS = MakeMasks(); //!< the mask of each prefix length

/**
 * \param bits a non-zero set of prefix lengths
 * \return the longest one
 */
inline uint32_t
Longest(uint64_t bits)
{
    return 63 - static_cast<uint32_t>(__builtin_clzll(bits));
}

} // namespace

TypeId
PeArpLpmRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpLpmRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpLpmRouting>();
    return tid;
}

PeArpLpmRouting::PeArpLpmRouting()
    : m_ipv4(nullptr),
      m_lengths(0),
      m_nRoutes(0),
      m_nLookups(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpLpmRouting::~PeArpLpmRouting()
{
    NS_LOG_FUNCTION(this);
}

bool
PeArpLpmRouting::IsContiguous(Ipv4Mask mask)
{
    // The complement of a contiguous mask is a run of ones at the bottom
    // (2^k - 1): adding one to it carries through all of them.
    uint32_t inverse = ~mask.Get();
    return (inverse & (inverse + 1)) == 0;
}

uint8_t
PeArpLpmRouting::CheckedLength(Ipv4Mask mask, const char* what)
{
    NS_ABORT_MSG_UNLESS(IsContiguous(mask),
                        "PeArpLpmRouting::" << what << ": parameter \"mask\" (" << mask
                                            << ") is not contiguous");
    return static_cast<uint8_t>(mask.GetPrefixLength());
}

void
PeArpLpmRouting::AddNetworkRoute(Ipv4Address network,
                                 Ipv4Mask mask,
                                 Ipv4Address nextHop,
                                 uint32_t interface,
                                 uint32_t metric)
{
    NS_LOG_FUNCTION(this << network << mask << nextHop << interface << metric);
    DoAdd(network, mask, nextHop.Get(), interface, metric);
}

void
PeArpLpmRouting::AddNetworkRoute(Ipv4Address network,
                                 Ipv4Mask mask,
                                 uint32_t interface,
                                 uint32_t metric)
{
    NS_LOG_FUNCTION(this << network << mask << interface << metric);
    DoAdd(network, mask, 0, interface, metric);
}

void
PeArpLpmRouting::AddHostRoute(Ipv4Address dest,
                              Ipv4Address nextHop,
                              uint32_t interface,
                              uint32_t metric)
{
    NS_LOG_FUNCTION(this << dest << nextHop << interface << metric);
    DoAdd(dest, Ipv4Mask::GetOnes(), nextHop.Get(), interface, metric);
}

void
PeArpLpmRouting::AddHostRoute(Ipv4Address dest, uint32_t interface, uint32_t metric)
{
    NS_LOG_FUNCTION(this << dest << interface << metric);
    DoAdd(dest, Ipv4Mask::GetOnes(), 0, interface, metric);
}

void
PeArpLpmRouting::SetDefaultRoute(Ipv4Address nextHop, uint32_t interface, uint32_t metric)
{
    NS_LOG_FUNCTION(this << nextHop << interface << metric);
    DoAdd(Ipv4Address::GetZero(), Ipv4Mask::GetZero(), nextHop.Get(), interface, metric);
}

void
PeArpLpmRouting::DoAdd(Ipv4Address network,
                       Ipv4Mask mask,
                       uint32_t gateway,
                       uint32_t interface,
                       uint32_t metric)
{
    uint8_t length = CheckedLength(mask, "AddNetworkRoute");
    uint32_t key = network.Get() & MASKS[length];
    Route route{gateway, interface, metric};
    auto [it, inserted] = m_table[length].try_emplace(key, route);
    if (inserted)
    {
        NS_LOG_LOGIC("Added route to " << Ipv4Address(key) << "/" << +length);
        ++m_nRoutes;
        m_lengths |= (uint64_t{1} << length);
    }
    else if (metric <= it->second.metric)
    {
        NS_LOG_LOGIC("Replaced route to " << Ipv4Address(key) << "/" << +length << " (metric "
                                          << it->second.metric << ") by one of metric " << metric);
        it->second = route;
    }
    else
    {
        NS_LOG_LOGIC("Kept route to " << Ipv4Address(key) << "/" << +length << " (metric "
                                      << it->second.metric << "), ignored one of metric "
                                      << metric);
    }
}

bool
PeArpLpmRouting::RemoveRoute(Ipv4Address network, Ipv4Mask mask)
{
    NS_LOG_FUNCTION(this << network << mask);
    uint8_t length = CheckedLength(mask, "RemoveRoute");
    Table& table = m_table[length];
    if (table.erase(network.Get() & MASKS[length]) == 0)
    {
        NS_LOG_LOGIC("No route to " << network.CombineMask(mask) << "/" << +length);
        return false;
    }
    --m_nRoutes;
    if (table.empty())
    {
        m_lengths &= ~(uint64_t{1} << length);
    }
    return true;
}

void
PeArpLpmRouting::RemoveConnected(Ipv4Address network, Ipv4Mask mask, uint32_t interface)
{
    NS_LOG_FUNCTION(this << network << mask << interface);
    if (!IsContiguous(mask))
    {
        return; // never added
    }
    uint8_t length = static_cast<uint8_t>(mask.GetPrefixLength());
    auto it = m_table[length].find(network.Get() & MASKS[length]);
    if (it != m_table[length].end() && it->second.interface == interface && it->second.gateway == 0)
    {
        RemoveRoute(network, mask);
    }
}

uint32_t
PeArpLpmRouting::GetNRoutes() const
{
    return m_nRoutes;
}

std::vector<PeArpLpmRouting::RouteInfo>
PeArpLpmRouting::GetRoutes() const
{
    NS_LOG_FUNCTION(this);
    std::vector<std::pair<uint32_t, uint32_t>> keys; // (length, network)
    keys.reserve(m_nRoutes);
    for (uint32_t length = 0; length <= 32; ++length)
    {
        for (const auto& [network, route] : m_table[length])
        {
            keys.emplace_back(length, network);
        }
    }
    std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    std::vector<RouteInfo> routes;
    routes.reserve(keys.size());
    for (const auto& [length, network] : keys)
    {
        const Route& r = m_table[length].at(network);
        Match m{&r, network, static_cast<uint8_t>(length)};
        routes.push_back(RouteInfo{ToEntry(m), r.metric});
    }
    return routes;
}

std::optional<PeArpLpmRouting::RouteInfo>
PeArpLpmRouting::GetRoute(Ipv4Address network, Ipv4Mask mask) const
{
    NS_LOG_FUNCTION(this << network << mask);
    uint8_t length = CheckedLength(mask, "GetRoute");
    uint32_t key = network.Get() & MASKS[length];
    auto it = m_table[length].find(key);
    if (it == m_table[length].end())
    {
        return std::nullopt;
    }
    return RouteInfo{ToEntry(Match{&it->second, key, length}), it->second.metric};
}

bool
PeArpLpmRouting::IsUsable(const Route& route, Ptr<const NetDevice> oif) const
{
    if (!m_ipv4)
    {
        return true;
    }
    if (route.interface >= m_ipv4->GetNInterfaces() || !m_ipv4->IsUp(route.interface))
    {
        NS_LOG_LOGIC("Interface " << route.interface << " is down, skipping");
        return false;
    }
    if (oif && m_ipv4->GetNetDevice(route.interface) != oif)
    {
        NS_LOG_LOGIC("Not on requested interface, skipping");
        return false;
    }
    return true;
}

PeArpLpmRouting::Match
PeArpLpmRouting::Find(Ipv4Address dest, Ptr<const NetDevice> oif) const
{
    ++m_nLookups;
    NS_ASSERT_MSG(m_ipv4 || !oif, "an output device needs SetIpv4");
    uint32_t address = dest.Get();
    for (uint64_t bits = m_lengths; bits != 0;)
    {
        uint32_t length = Longest(bits);
        bits &= ~(uint64_t{1} << length);
        uint32_t key = address & MASKS[length];
        const Table& table = m_table[length];
        auto it = table.find(key);
        if (it != table.end() && IsUsable(it->second, oif))
        {
            NS_LOG_LOGIC("Route to " << dest << ": " << Ipv4Address(key) << "/" << length << " via "
                                     << Ipv4Address(it->second.gateway) << " interface "
                                     << it->second.interface);
            return Match{&it->second, key, static_cast<uint8_t>(length)};
        }
    }
    NS_LOG_LOGIC("No route to " << dest);
    return Match{nullptr, 0, 0};
}

Ipv4RoutingTableEntry
PeArpLpmRouting::ToEntry(const Match& m)
{
    return Ipv4RoutingTableEntry::CreateNetworkRouteTo(Ipv4Address(m.network),
                                                       Ipv4Mask(MASKS[m.length]),
                                                       Ipv4Address(m.route->gateway),
                                                       m.route->interface);
}

Ptr<Ipv4Route>
PeArpLpmRouting::MakeRoute(const Match& m) const
{
    Ipv4Address network(m.network);
    uint32_t interface = m.route->interface;
    Ptr<Ipv4Route> route = Create<Ipv4Route>();
    route->SetDestination(network);
    route->SetSource(m_ipv4->SourceAddressSelection(interface, network));
    route->SetGateway(Ipv4Address(m.route->gateway));
    route->SetOutputDevice(m_ipv4->GetNetDevice(interface));
    return route;
}

std::optional<Ipv4RoutingTableEntry>
PeArpLpmRouting::Lookup(Ipv4Address dest, Ptr<const NetDevice> oif) const
{
    NS_LOG_FUNCTION(this << dest << oif);
    Match m = Find(dest, oif);
    if (!m.route)
    {
        return std::nullopt;
    }
    return ToEntry(m);
}

uint64_t
PeArpLpmRouting::GetNLookups() const
{
    return m_nLookups;
}

Ptr<Ipv4Route>
PeArpLpmRouting::RouteOutput(Ptr<Packet> p,
                             const Ipv4Header& header,
                             Ptr<NetDevice> oif,
                             Socket::SocketErrno& sockerr)
{
    NS_LOG_FUNCTION(this << p << header << oif);
    NS_ASSERT(m_ipv4);
    Ipv4Address destination = header.GetDestination();
    if (destination.IsMulticast())
    {
        int32_t interface = oif ? m_ipv4->GetInterfaceForDevice(oif) : -1;
        if (interface < 0 || m_ipv4->GetNAddresses(interface) == 0)
        {
            NS_LOG_LOGIC("Multicast destination " << destination
                                                  << " without output interface: no route");
            sockerr = Socket::ERROR_NOROUTETOHOST;
            return nullptr;
        }
        NS_LOG_LOGIC("Multicast destination " << destination << " out of " << oif);
        Ptr<Ipv4Route> route = Create<Ipv4Route>();
        route->SetDestination(destination);
        route->SetGateway(Ipv4Address::GetZero());
        route->SetOutputDevice(oif);
        route->SetSource(m_ipv4->GetAddress(interface, 0).GetLocal());
        sockerr = Socket::ERROR_NOTERROR;
        return route;
    }
    Match m = Find(destination, oif);
    if (!m.route)
    {
        sockerr = Socket::ERROR_NOROUTETOHOST;
        return nullptr;
    }
    sockerr = Socket::ERROR_NOTERROR;
    return MakeRoute(m);
}

bool
PeArpLpmRouting::RouteInput(Ptr<const Packet> p,
                            const Ipv4Header& header,
                            Ptr<const NetDevice> idev,
                            UnicastForwardCallback ucb,
                            MulticastForwardCallback /* mcb */,
                            LocalDeliverCallback lcb,
                            ErrorCallback ecb)
{
    NS_LOG_FUNCTION(this << p << header << idev);
    NS_ASSERT(m_ipv4);
    int32_t input = m_ipv4->GetInterfaceForDevice(idev);
    NS_ASSERT_MSG(input >= 0, "input device without IPv4");
    uint32_t iif = static_cast<uint32_t>(input);
    Ipv4Address destination = header.GetDestination();

    if (destination.IsMulticast())
    {
        NS_LOG_LOGIC("Multicast destination " << destination << ": not supported, returning false");
        return false;
    }

    if (m_ipv4->IsDestinationAddress(destination, iif))
    {
        if (!lcb.IsNull())
        {
            NS_LOG_LOGIC("Local delivery to " << destination);
            lcb(p, header, iif);
            return true;
        }
        // No local delivery callback: let another protocol handle it.
        return false;
    }

    if (!m_ipv4->IsForwarding(iif))
    {
        NS_LOG_LOGIC("Forwarding disabled for interface " << iif);
        ecb(p, header, Socket::ERROR_NOROUTETOHOST);
        return true;
    }

    Match m = Find(destination, nullptr);
    if (!m.route)
    {
        NS_LOG_LOGIC("No route to " << destination << ", returning false");
        return false;
    }
    NS_LOG_LOGIC("Forwarding to " << destination);
    ucb(MakeRoute(m), p, header);
    return true;
}

void
PeArpLpmRouting::NotifyInterfaceUp(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    // Add the route to the network of each address, as ifconfig does.
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); ++j)
    {
        Ipv4InterfaceAddress a = m_ipv4->GetAddress(interface, j);
        if (a.GetLocal() != Ipv4Address() && a.GetMask() != Ipv4Mask() &&
            a.GetMask() != Ipv4Mask::GetOnes())
        {
            AddNetworkRoute(a.GetLocal().CombineMask(a.GetMask()), a.GetMask(), interface);
        }
    }
}

void
PeArpLpmRouting::NotifyInterfaceDown(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    // Remove the connected routes; other routes through the interface stay
    // and are skipped while it is down.
    for (uint32_t j = 0; j < m_ipv4->GetNAddresses(interface); ++j)
    {
        Ipv4InterfaceAddress a = m_ipv4->GetAddress(interface, j);
        if (a.GetLocal() != Ipv4Address() && a.GetMask() != Ipv4Mask())
        {
            RemoveConnected(a.GetLocal().CombineMask(a.GetMask()), a.GetMask(), interface);
        }
    }
}

void
PeArpLpmRouting::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address.GetLocal());
    if (!m_ipv4->IsUp(interface))
    {
        return;
    }
    if (address.GetLocal() != Ipv4Address() && address.GetMask() != Ipv4Mask())
    {
        AddNetworkRoute(address.GetLocal().CombineMask(address.GetMask()),
                        address.GetMask(),
                        interface);
    }
}

void
PeArpLpmRouting::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    NS_LOG_FUNCTION(this << interface << address.GetLocal());
    if (!m_ipv4->IsUp(interface))
    {
        return;
    }
    RemoveConnected(address.GetLocal().CombineMask(address.GetMask()),
                    address.GetMask(),
                    interface);
}

void
PeArpLpmRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    NS_LOG_FUNCTION(this << ipv4);
    NS_ASSERT(!m_ipv4 && ipv4);
    m_ipv4 = ipv4;
    for (uint32_t i = 0; i < m_ipv4->GetNInterfaces(); ++i)
    {
        if (m_ipv4->IsUp(i))
        {
            NotifyInterfaceUp(i);
        }
        else
        {
            NotifyInterfaceDown(i);
        }
    }
}

void
PeArpLpmRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    NS_LOG_FUNCTION(this << stream);
    std::ostream* os = stream->GetStream();
    std::ios oldState(nullptr);
    oldState.copyfmt(*os);

    *os << std::resetiosflags(std::ios::adjustfield) << std::setiosflags(std::ios::left);

    Ptr<Node> node = m_ipv4 ? m_ipv4->GetObject<Node>() : nullptr;
    if (node)
    {
        *os << "Node: " << node->GetId() << ", Time: " << Now().As(unit)
            << ", Local time: " << node->GetLocalTime().As(unit) << ", PeArpLpmRouting table"
            << std::endl;
    }
    else
    {
        *os << "Time: " << Now().As(unit) << ", PeArpLpmRouting table" << std::endl;
    }

    if (m_nRoutes > 0)
    {
        *os << "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface"
            << std::endl;
        for (const RouteInfo& r : GetRoutes())
        {
            const Ipv4RoutingTableEntry& e = r.entry;
            std::ostringstream dest;
            std::ostringstream gw;
            std::ostringstream mask;
            std::ostringstream flags;
            dest << e.GetDest();
            *os << std::setw(16) << dest.str();
            gw << e.GetGateway();
            *os << std::setw(16) << gw.str();
            mask << e.GetDestNetworkMask();
            *os << std::setw(16) << mask.str();
            flags << "U";
            if (e.IsHost())
            {
                flags << "HS";
            }
            else if (e.IsGateway())
            {
                flags << "GS";
            }
            *os << std::setw(6) << flags.str();
            *os << std::setw(7) << r.metric;
            // Ref and Use are not implemented, as in Ipv4StaticRouting.
            *os << "-"
                << "      ";
            *os << "-"
                << "   ";
            Ptr<NetDevice> device = (m_ipv4 && e.GetInterface() < m_ipv4->GetNInterfaces())
                                        ? m_ipv4->GetNetDevice(e.GetInterface())
                                        : nullptr;
            if (device && !Names::FindName(device).empty())
            {
                *os << Names::FindName(device);
            }
            else
            {
                *os << e.GetInterface();
            }
            *os << std::endl;
        }
    }
    *os << std::endl;
    (*os).copyfmt(oldState);
}

void
PeArpLpmRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (Table& table : m_table)
    {
        table.clear();
    }
    m_lengths = 0;
    m_nRoutes = 0;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

} // namespace ns3
