/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-nat-routing.h"

#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/pointer.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpNatRouting");

NS_OBJECT_ENSURE_REGISTERED(PeArpNatRouting);

TypeId
PeArpNatRouting::GetTypeId()
{
    static TypeId tid = TypeId("ns3::PeArpNatRouting")
                            .SetParent<Ipv4RoutingProtocol>()
                            .SetGroupName("PeArp")
                            .AddConstructor<PeArpNatRouting>()
                            .AddAttribute("Table",
                                          "The translation table (mappings, sessions, counters).",
                                          PointerValue(),
                                          MakePointerAccessor(&PeArpNatRouting::m_table),
                                          MakePointerChecker<PeArpNatTable>())
                            .AddAttribute("ProcessingCost",
                                          "Per-packet cost of the translation (null: none); see "
                                          "ns3::PeArpProcessingCost.",
                                          PointerValue(),
                                          MakePointerAccessor(&PeArpNatRouting::m_cost),
                                          MakePointerChecker<PeArpProcessingCost>());
    return tid;
}

PeArpNatRouting::PeArpNatRouting()
    : m_table(CreateObject<PeArpNatTable>())
{
    NS_LOG_FUNCTION(this);
}

PeArpNatRouting::~PeArpNatRouting()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpNatRouting::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& e : m_delayed)
    {
        e.Cancel();
    }
    m_delayed.clear();
    m_cost = nullptr;
    if (m_inner)
    {
        m_inner->Dispose();
    }
    m_inner = nullptr;
    if (m_table)
    {
        m_table->Dispose();
    }
    m_table = nullptr;
    m_ipv4 = nullptr;
    Ipv4RoutingProtocol::DoDispose();
}

void
PeArpNatRouting::SetInner(Ptr<Ipv4RoutingProtocol> inner)
{
    NS_LOG_FUNCTION(this << inner);
    m_inner = inner;
    if (m_ipv4)
    {
        m_inner->SetIpv4(m_ipv4);
    }
}

Ptr<Ipv4RoutingProtocol>
PeArpNatRouting::GetInner() const
{
    return m_inner;
}

Ptr<PeArpNatTable>
PeArpNatRouting::GetTable() const
{
    return m_table;
}

void
PeArpNatRouting::AddInsideInterface(uint32_t interface)
{
    NS_LOG_FUNCTION(this << interface);
    m_inside.insert(interface);
}

void
PeArpNatRouting::AddStaticRule(uint8_t protocol,
                               uint16_t publicLow,
                               uint16_t publicHigh,
                               Ipv4Address privateAddress,
                               uint16_t privateLow)
{
    NS_LOG_FUNCTION(this << static_cast<uint32_t>(protocol) << publicLow << publicHigh
                         << privateAddress << privateLow);
    NS_ABORT_MSG_IF(protocol != 6 && protocol != 17, "AddStaticRule: protocol must be 6 or 17");
    NS_ABORT_MSG_IF(publicLow > publicHigh, "AddStaticRule: publicLow > publicHigh");
    NS_ABORT_MSG_IF(privateLow + static_cast<uint32_t>(publicHigh - publicLow) > 65535,
                    "AddStaticRule: the private range ends beyond 65535");
    NS_ABORT_MSG_IF(StaticInbound(protocol, publicLow) || StaticInbound(protocol, publicHigh),
                    "AddStaticRule: overlaps a rule");
    // the rule's ports leave the dynamic pool: no mapping can be given one
    Ptr<PeArpNatPortAllocator> allocator = m_table->GetPortAllocator();
    for (uint32_t port = publicLow; port <= publicHigh; ++port)
    {
        allocator->Reserve(protocol, static_cast<uint16_t>(port));
    }
    StaticRule rule{publicLow, publicHigh, privateAddress, privateLow};
    m_static[{protocol, publicLow}] = rule;
    m_staticByPrivate[{protocol, privateAddress.Get(), privateLow}] = rule;
}

std::optional<PeArpNatRouting::Endpoint>
PeArpNatRouting::StaticInbound(uint8_t protocol, uint16_t publicPort) const
{
    auto it = m_static.upper_bound({protocol, publicPort});
    if (it == m_static.begin())
    {
        return std::nullopt;
    }
    --it;
    if (it->first.first != protocol || publicPort > it->second.publicHigh)
    {
        return std::nullopt;
    }
    const StaticRule& r = it->second;
    return Endpoint{r.privateAddress,
                    static_cast<uint16_t>(r.privateLow + (publicPort - r.publicLow))};
}

std::optional<uint16_t>
PeArpNatRouting::StaticOutbound(uint8_t protocol, Ipv4Address address, uint16_t port) const
{
    auto it = m_staticByPrivate.upper_bound({protocol, address.Get(), port});
    if (it == m_staticByPrivate.begin())
    {
        return std::nullopt;
    }
    --it;
    const StaticRule& r = it->second;
    if (std::get<0>(it->first) != protocol || std::get<1>(it->first) != address.Get() ||
        port - r.privateLow > r.publicHigh - r.publicLow)
    {
        return std::nullopt;
    }
    return static_cast<uint16_t>(r.publicLow + (port - r.privateLow));
}

bool
PeArpNatRouting::InPool(uint16_t port) const
{
    UintegerValue low;
    UintegerValue high;
    m_table->GetPortAllocator()->GetAttribute("PoolLow", low);
    m_table->GetPortAllocator()->GetAttribute("PoolHigh", high);
    return port >= low.Get() && port <= high.Get();
}

const PeArpNatRouting::Counters&
PeArpNatRouting::GetCounters() const
{
    return m_counters;
}

std::optional<PeArpNatRewriter::Result>
PeArpNatRouting::TranslateInbound(Ptr<const Packet> p, const Ipv4Header& header)
{
    bool checksums = Node::ChecksumEnabled();
    PeArpNatRewriter::Flow flow = PeArpNatRewriter::Parse(p, header);
    Ipv4Address pub = header.GetDestination();
    if (flow.icmpError)
    {
        std::optional<PeArpNatTable::MappingInfo> m;
        if (flow.quotedSource == pub)
        {
            m = m_table->FindByExternal(flow.quotedProtocol, flow.quotedSourcePort);
        }
        if (!m)
        {
            m_table->CountDrop(PeArpNatTable::NO_MAPPING, flow.protocol, header.GetSource(), 0);
            return std::nullopt;
        }
        auto r = PeArpNatRewriter::RewriteIcmpError(p,
                                                    header,
                                                    PeArpNatRewriter::SOURCE,
                                                    m->privateAddress,
                                                    m->privatePort,
                                                    checksums);
        m_counters.icmpErrors++;
        return r;
    }
    if (flow.protocol != PeArpNatRewriter::ICMP)
    {
        if (auto e = StaticInbound(flow.protocol, flow.destinationPort))
        {
            m_counters.staticHits++;
            return PeArpNatRewriter::Rewrite(p,
                                             header,
                                             PeArpNatRewriter::DESTINATION,
                                             e->address,
                                             e->port,
                                             checksums);
        }
    }
    auto t = m_table->Inbound(flow.protocol,
                              flow.destinationPort,
                              header.GetSource(),
                              flow.sourcePort,
                              flow.tcpFlags);
    if (!t.ok)
    {
        return std::nullopt;
    }
    return PeArpNatRewriter::Rewrite(p,
                                     header,
                                     PeArpNatRewriter::DESTINATION,
                                     t.address,
                                     t.port,
                                     checksums);
}

bool
PeArpNatRouting::RouteInput(Ptr<const Packet> p,
                            const Ipv4Header& header,
                            Ptr<const NetDevice> idev,
                            UnicastForwardCallback ucb,
                            MulticastForwardCallback mcb,
                            LocalDeliverCallback lcb,
                            ErrorCallback ecb)
{
    NS_LOG_FUNCTION(this << p << header << idev);
    Ipv4Address dst = header.GetDestination();
    NS_ABORT_MSG_IF(!m_inner, "PeArpNatRouting: no inner routing protocol (SetInner)");
    Ipv4AddressValue pv;
    m_table->GetAttribute("PublicAddress", pv);
    Ipv4Address pub = pv.Get();
    NS_ABORT_MSG_IF(pub == Ipv4Address::GetAny(),
                    "PeArpNatRouting: the table's PublicAddress attribute is not set");
    if (dst.IsMulticast() || dst.IsBroadcast() || header.GetSource() == pub)
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    uint32_t iif = m_ipv4->GetInterfaceForDevice(idev);
    bool inside = m_inside.count(iif) > 0;
    bool checksums = Node::ChecksumEnabled();
    PeArpNatRewriter::Flow flow = PeArpNatRewriter::Parse(p, header);

    if (inside && (dst == pub || !m_ipv4->IsDestinationAddress(dst, iif)))
    {
        if (header.GetTtl() <= 1 && dst != pub)
        {
            return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
        }
        if (flow.status == PeArpNatRewriter::OK && flow.icmpError)
        {
            // an inside host reports on a packet let in: the quoted
            // destination goes back to public:external (RFC 5508 REQ-5)
            std::optional<uint16_t> port;
            if (flow.quotedProtocol != PeArpNatRewriter::ICMP)
            {
                port = StaticOutbound(flow.quotedProtocol,
                                      flow.quotedDestination,
                                      flow.quotedDestinationPort);
            }
            if (!port)
            {
                if (auto m = m_table->FindByPrivate(flow.quotedProtocol,
                                                    flow.quotedDestination,
                                                    flow.quotedDestinationPort,
                                                    flow.quotedSource,
                                                    flow.quotedSourcePort))
                {
                    port = m->externalPort;
                }
            }
            if (!port)
            {
                m_table->CountDrop(PeArpNatTable::NO_MAPPING, flow.protocol, header.GetSource(), 0);
                return true;
            }
            auto err = PeArpNatRewriter::RewriteIcmpError(p,
                                                          header,
                                                          PeArpNatRewriter::DESTINATION,
                                                          pub,
                                                          *port,
                                                          checksums);
            NS_ASSERT(err);
            m_counters.icmpErrors++;
            m_counters.outbound++;
            m_counters.bytesRewritten += err->bytesRewritten;
            return Forward(err->packet, err->header, idev, ucb, mcb, lcb, ecb);
        }
        if (flow.status == PeArpNatRewriter::FRAGMENT ||
            flow.status == PeArpNatRewriter::MALFORMED || flow.icmpError ||
            flow.status == PeArpNatRewriter::UNSUPPORTED || (flow.icmpQuery && flow.icmpType != 8))
        {
            m_table->CountDrop(flow.status == PeArpNatRewriter::FRAGMENT ? PeArpNatTable::FRAGMENT
                                                                         : PeArpNatTable::MALFORMED,
                               flow.protocol,
                               header.GetSource(),
                               flow.sourcePort);
            return true; // consumed: dropped and counted
        }
        std::optional<PeArpNatRewriter::Result> out;
        std::optional<uint16_t> st;
        if (flow.protocol != PeArpNatRewriter::ICMP)
        {
            st = StaticOutbound(flow.protocol, header.GetSource(), flow.sourcePort);
        }
        if (st)
        {
            m_counters.staticHits++;
            out =
                PeArpNatRewriter::Rewrite(p, header, PeArpNatRewriter::SOURCE, pub, *st, checksums);
        }
        else
        {
            auto t = m_table->Outbound(flow.protocol,
                                       header.GetSource(),
                                       flow.sourcePort,
                                       dst,
                                       flow.destinationPort,
                                       flow.tcpFlags);
            if (!t.ok)
            {
                return true; // dropped, counted by the table
            }
            out = PeArpNatRewriter::Rewrite(p,
                                            header,
                                            PeArpNatRewriter::SOURCE,
                                            pub,
                                            t.port,
                                            checksums);
        }
        NS_ASSERT(out);
        m_counters.outbound++;
        m_counters.bytesRewritten += out->bytesRewritten;
        if (dst == pub)
        {
            auto in = TranslateInbound(out->packet, out->header);
            if (!in)
            {
                return true;
            }
            m_counters.hairpinned++;
            m_counters.inbound++;
            m_counters.bytesRewritten += in->bytesRewritten;
            out = in;
        }
        return Forward(out->packet, out->header, idev, ucb, mcb, lcb, ecb);
    }

    if (!inside && dst == pub)
    {
        if (flow.status == PeArpNatRewriter::FRAGMENT)
        {
            m_table->CountDrop(PeArpNatTable::FRAGMENT, flow.protocol, header.GetSource(), 0);
            return true;
        }
        bool translate = false;
        if (flow.status == PeArpNatRewriter::OK)
        {
            if (flow.icmpError)
            {
                translate = true;
            }
            else if (flow.protocol == PeArpNatRewriter::ICMP)
            {
                translate = flow.icmpType == 0; // echo replies; requests are ours
            }
            else
            {
                translate = InPool(flow.destinationPort) ||
                            StaticInbound(flow.protocol, flow.destinationPort).has_value();
            }
        }
        if (translate)
        {
            auto in = TranslateInbound(p, header);
            if (!in)
            {
                return true; // dropped, counted
            }
            m_counters.inbound++;
            m_counters.bytesRewritten += in->bytesRewritten;
            return Forward(in->packet, in->header, idev, ucb, mcb, lcb, ecb);
        }
    }
    return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
}

bool
PeArpNatRouting::Forward(Ptr<const Packet> p,
                         const Ipv4Header& header,
                         Ptr<const NetDevice> idev,
                         const UnicastForwardCallback& ucb,
                         const MulticastForwardCallback& mcb,
                         const LocalDeliverCallback& lcb,
                         const ErrorCallback& ecb)
{
    if (!m_cost)
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    std::optional<Time> wait = m_cost->Admit(p->GetSize() + header.GetSerializedSize());
    if (!wait)
    {
        m_table->CountDrop(PeArpNatTable::QUEUE_FULL, header.GetProtocol(), header.GetSource(), 0);
        return true;
    }
    if (wait->IsZero())
    {
        return m_inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }
    while (!m_delayed.empty() && !m_delayed.front().IsRunning())
    {
        m_delayed.pop_front();
    }
    Ptr<Ipv4RoutingProtocol> inner = m_inner;
    m_delayed.push_back(Simulator::Schedule(*wait, [=]() {
        inner->RouteInput(p, header, idev, ucb, mcb, lcb, ecb);
    }));
    return true;
}

Ptr<Ipv4Route>
PeArpNatRouting::RouteOutput(Ptr<Packet> p,
                             const Ipv4Header& header,
                             Ptr<NetDevice> oif,
                             Socket::SocketErrno& sockerr)
{
    NS_ABORT_MSG_IF(!m_inner, "PeArpNatRouting: no inner routing protocol (SetInner)");
    return m_inner->RouteOutput(p, header, oif, sockerr);
}

void
PeArpNatRouting::NotifyInterfaceUp(uint32_t interface)
{
    m_inner->NotifyInterfaceUp(interface);
}

void
PeArpNatRouting::NotifyInterfaceDown(uint32_t interface)
{
    m_inner->NotifyInterfaceDown(interface);
}

void
PeArpNatRouting::NotifyAddAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    m_inner->NotifyAddAddress(interface, address);
}

void
PeArpNatRouting::NotifyRemoveAddress(uint32_t interface, Ipv4InterfaceAddress address)
{
    m_inner->NotifyRemoveAddress(interface, address);
}

void
PeArpNatRouting::SetIpv4(Ptr<Ipv4> ipv4)
{
    NS_LOG_FUNCTION(this << ipv4);
    m_ipv4 = ipv4;
    if (m_inner)
    {
        m_inner->SetIpv4(ipv4);
    }
}

void
PeArpNatRouting::PrintRoutingTable(Ptr<OutputStreamWrapper> stream, Time::Unit unit) const
{
    m_inner->PrintRoutingTable(stream, unit);
}

} // namespace ns3
