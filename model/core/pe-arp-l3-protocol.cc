/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-l3-protocol.h"

#include "pe-arp-interface.h"

#include "ns3/boolean.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/object-vector.h"
#include "ns3/pointer.h"
#include "ns3/rng-seed-manager.h"
#include "ns3/simulator.h"
#include "ns3/uinteger.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpL3Protocol");

NS_OBJECT_ENSURE_REGISTERED(PeArpL3Protocol);

const uint16_t PeArpL3Protocol::PROT_NUMBER = 0x0806;

uint64_t
PeArpL3Protocol::Counters::TotalDrops() const
{
    uint64_t total = 0;
    for (uint64_t d : drops)
    {
        total += d;
    }
    return total;
}

TypeId
PeArpL3Protocol::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpL3Protocol")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpL3Protocol>()
            .AddAttribute("CacheList",
                          "The PE-ARP caches of this node's interfaces.",
                          ObjectVectorValue(),
                          MakeObjectVectorAccessor(&PeArpL3Protocol::m_caches),
                          MakeObjectVectorChecker<PeArpCache>())
            .AddAttribute("RequestJitter",
                          "The jitter in ms a node waits before sending a request, "
                          "drawn from this random variable. Null (the default): uniform "
                          "in [0, 10] ms, as ns3::ArpL3Protocol, made at the node's first "
                          "request (a node that never asks, e.g. a host that learns its "
                          "router from the router's request, never makes it).",
                          PointerValue(),
                          MakePointerAccessor(&PeArpL3Protocol::m_requestJitter),
                          MakePointerChecker<RandomVariableStream>())
            .AddAttribute("DefaultPort",
                          "Traffic without ports (ICMP...) to an address is resolved as if "
                          "it were for this port, i.e. delivered to the host whose range "
                          "holds it. 0: such traffic to an address known to be shared is "
                          "dropped and counted, and only a node owning all ports answers.",
                          UintegerValue(0),
                          MakeUintegerAccessor(&PeArpL3Protocol::m_defaultPort),
                          MakeUintegerChecker<uint16_t>())
            .AddAttribute("LearnFromRequest",
                          "Learn the sender of a request for one of this node's addresses and "
                          "ports before replying (the PE-ARP paper, RFC 826, Linux). False: "
                          "reply but leave the cache untouched, even an entry for the sender "
                          "(new, waiting or resolved), as ns-3's stock ArpL3Protocol does.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpL3Protocol::m_learnFromRequest),
                          MakeBooleanChecker())
            .AddTraceSource("RequestSent",
                            "A PE-ARP request was sent.",
                            MakeTraceSourceAccessor(&PeArpL3Protocol::m_requestSentTrace),
                            "ns3::PeArpL3Protocol::FrameTracedCallback")
            .AddTraceSource("ReplySent",
                            "A PE-ARP (or standard) reply was sent.",
                            MakeTraceSourceAccessor(&PeArpL3Protocol::m_replySentTrace),
                            "ns3::PeArpL3Protocol::FrameTracedCallback")
            .AddTraceSource("RequestReceived",
                            "A well-formed request for one of this node's addresses was "
                            "received.",
                            MakeTraceSourceAccessor(&PeArpL3Protocol::m_requestReceivedTrace),
                            "ns3::PeArpL3Protocol::FrameTracedCallback")
            .AddTraceSource("ReplyReceived",
                            "A well-formed reply addressed to this node was received.",
                            MakeTraceSourceAccessor(&PeArpL3Protocol::m_replyReceivedTrace),
                            "ns3::PeArpL3Protocol::FrameTracedCallback")
            .AddTraceSource("Drop",
                            "A frame or IPv4 packet was dropped, with the reason.",
                            MakeTraceSourceAccessor(&PeArpL3Protocol::m_dropTrace),
                            "ns3::PeArpL3Protocol::DropTracedCallback");
    return tid;
}

PeArpL3Protocol::PeArpL3Protocol()
    : m_defaultPort(0),
      m_learnFromRequest(true),
      m_jitterStream(-1)
{
    NS_LOG_FUNCTION(this);
}

PeArpL3Protocol::~PeArpL3Protocol()
{
    NS_LOG_FUNCTION(this);
}

int64_t
PeArpL3Protocol::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_jitterStream = stream;
    if (m_requestJitter)
    {
        m_requestJitter->SetStream(stream);
    }
    if (m_defaultJitter)
    {
        m_defaultJitter = MakeJitterGenerator(stream);
    }
    return 1;
}

std::unique_ptr<RngStream>
PeArpL3Protocol::MakeJitterGenerator(int64_t stream)
{
    // As RandomVariableStream::SetStream: -1 takes the next automatic stream
    // number, a fixed stream is one of the last 2^63.
    uint64_t number =
        stream >= 0 ? (uint64_t(1) << 63) + uint64_t(stream) : RngSeedManager::GetNextStreamIndex();
    return std::make_unique<RngStream>(RngSeedManager::GetSeed(), number, RngSeedManager::GetRun());
}

void
PeArpL3Protocol::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        m_node = GetObject<Node>();
    }
    Object::NotifyNewAggregate();
}

void
PeArpL3Protocol::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& cache : m_caches)
    {
        cache->Dispose();
    }
    m_caches.clear();
    m_probeListeners.reset();
    m_inspector = MakeNullCallback<bool, Ptr<const NetDevice>, const PeArpHeader&>();
    m_node = nullptr;
    m_requestJitter = nullptr;
    m_defaultJitter.reset();
    Object::DoDispose();
}

Ptr<PeArpCache>
PeArpL3Protocol::CreateCache(Ptr<NetDevice> device,
                             PeArpInterface* interface,
                             const std::string& name)
{
    NS_LOG_FUNCTION(this << device << interface << name);
    NS_ABORT_MSG_UNLESS(device && interface,
                        "PeArpL3Protocol::CreateCache: a device and its PeArpInterface are needed");
    Ptr<PeArpCache> cache = CreateObject<PeArpCache>();
    cache->SetDevice(device, name);
    cache->SetInterface(interface);
    cache->SetOwner(this);
    m_caches.push_back(cache);
    return cache;
}

PeArpL3Protocol::Counters
PeArpL3Protocol::GetCounters() const
{
    Counters counters;
    static_cast<FrameCounters&>(counters) = m_counters;
    if (m_drops)
    {
        counters.drops = *m_drops;
    }
    return counters;
}

uint16_t
PeArpL3Protocol::GetDefaultPort() const
{
    return m_defaultPort;
}

void
PeArpL3Protocol::SetProbeListener(Ptr<NetDevice> device,
                                  Callback<void, const PeArpHeader&> listener)
{
    NS_LOG_FUNCTION(this << device);
    if (listener.IsNull())
    {
        if (m_probeListeners)
        {
            m_probeListeners->erase(device);
        }
    }
    else
    {
        if (!m_probeListeners)
        {
            m_probeListeners = std::make_unique<ProbeListeners>();
        }
        (*m_probeListeners)[device] = listener;
    }
}

void
PeArpL3Protocol::NotifyDrop(Ptr<const Packet> packet, DropReason reason)
{
    NS_LOG_FUNCTION(this << packet << reason);
    if (!m_drops)
    {
        m_drops = std::make_unique<std::array<uint64_t, DROP_REASON_COUNT>>(); // zeroed
    }
    (*m_drops)[reason]++;
    m_dropTrace(packet, reason);
}

void
PeArpL3Protocol::CacheDrop(Ptr<const Packet> packet, PeArpCache::DropReason reason)
{
    switch (reason)
    {
    case PeArpCache::PENDING_QUEUE_FULL:
        NotifyDrop(packet, PENDING_QUEUE_FULL);
        return;
    case PeArpCache::RESOLUTION_FAILED:
        NotifyDrop(packet, RESOLUTION_FAILED);
        return;
    case PeArpCache::TABLE_FULL:
        NotifyDrop(packet, TABLE_FULL);
        return;
    case PeArpCache::SUPERSEDED_BY_STATIC:
        NotifyDrop(packet, SUPERSEDED_BY_STATIC);
        return;
    case PeArpCache::DISPOSED:
        NotifyDrop(packet, DISPOSED);
        return;
    case PeArpCache::UNRESOLVED_LIMIT:
        NotifyDrop(packet, UNRESOLVED_LIMIT);
        return;
    case PeArpCache::RATE_LIMITED:
        NotifyDrop(packet, RATE_LIMITED);
        return;
    case PeArpCache::EVICTED:
        NotifyDrop(packet, EVICTED);
        return;
    }
    NS_ABORT_MSG("PeArpL3Protocol: unknown cache drop reason " << reason);
}

std::optional<Mac48Address>
PeArpL3Protocol::Lookup(Ptr<PeArpCache> cache,
                        Ptr<Packet> packet,
                        Ipv4Address nextHop,
                        uint16_t port,
                        const Address& source)
{
    NS_LOG_FUNCTION(this << cache << packet << nextHop << port);
    PeArpCache::Entry* entry = cache->Lookup(nextHop, port);
    if (port == 0 && (entry == nullptr || entry->IsIncomplete()))
    {
        // Traffic without ports: the address' owner of all ports, the
        // configured default port's host, or nobody.
        if (m_defaultPort != 0)
        {
            port = m_defaultPort;
            entry = cache->Lookup(nextHop, port);
        }
        else if (cache->IsShared(nextHop))
        {
            NS_LOG_LOGIC("packet without ports for shared address " << nextHop << " -- drop");
            NotifyDrop(packet, PORTLESS_TO_SHARED);
            return std::nullopt;
        }
    }

    if (entry != nullptr && entry->IsDead() && !entry->IsIncomplete() && entry->IsExpired())
    {
        // An expired DEAD range: all its ports may be tried again.
        NS_LOG_LOGIC("dead range " << nextHop << ":" << entry->GetRange() << " expired");
        cache->Remove(nextHop, entry->GetRange());
        entry = nullptr;
    }
    if (entry == nullptr)
    {
        NS_LOG_LOGIC("node " << m_node->GetId() << ": no entry for " << nextHop << ":" << port
                             << " -- send request");
        PeArpCache::Entry* added = cache->AddIncomplete(nextHop, port, packet, source);
        if (added != nullptr && !added->IsDeferred())
        {
            ScheduleRequest(cache, nextHop, port);
        }
        return std::nullopt;
    }
    if (entry->IsExpired())
    {
        NS_LOG_LOGIC("entry " << nextHop << ":" << entry->GetRange() << " expired -- refresh");
        cache->MarkWaitReply(entry, port, packet, source);
        ScheduleRequest(cache, nextHop, port);
        return std::nullopt;
    }
    switch (entry->GetState())
    {
    case PeArpCache::Entry::ALIVE:
    case PeArpCache::Entry::PERMANENT:
        return entry->GetMacAddress();
    case PeArpCache::Entry::WAIT_REPLY:
        cache->Enqueue(entry, packet, source);
        return std::nullopt;
    case PeArpCache::Entry::DEAD:
        NS_LOG_LOGIC("dead entry for " << nextHop << ":" << port << " -- drop");
        NotifyDrop(packet, DEAD_ENTRY);
        return std::nullopt;
    }
    return std::nullopt;
}

void
PeArpL3Protocol::ScheduleRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port)
{
    double jitter;
    if (m_requestJitter)
    {
        jitter = m_requestJitter->GetValue();
    }
    else
    {
        if (!m_defaultJitter)
        {
            // The draws of a UniformRandomVariable(0, 10) made now: it takes
            // the next automatic stream number when made, and draws from the
            // fixed stream instead once AssignStreams gave one.
            if (m_jitterStream >= 0)
            {
                RngSeedManager::GetNextStreamIndex(); // taken, as by the variable
            }
            m_defaultJitter = MakeJitterGenerator(m_jitterStream);
        }
        jitter = m_defaultJitter->RandU01() * DEFAULT_JITTER_MAX_MS;
    }
    NS_ABORT_MSG_IF(jitter < 0,
                    "PeArpL3Protocol: RequestJitter drew a negative delay (" << jitter << " ms)");
    Simulator::Schedule(MilliSeconds(jitter),
                        &PeArpL3Protocol::SendDelayedRequest,
                        this,
                        cache,
                        target,
                        port);
}

void
PeArpL3Protocol::CacheRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port)
{
    NS_LOG_FUNCTION(this << cache << target << port);
    PeArpCache::Entry* entry = cache->Lookup(target, port);
    if (entry != nullptr && entry->GetRetries() == 0)
    {
        ScheduleRequest(cache, target, port); // a first request (after a deferral): jitter
        return;
    }
    SendRequest(cache, target, port); // a retransmission
}

void
PeArpL3Protocol::SendDelayedRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port)
{
    NS_LOG_FUNCTION(this << cache << target << port);
    PeArpCache::Entry* entry = cache->Lookup(target, port);
    if (entry == nullptr || !entry->IsWaitReply())
    {
        // Resolved while the request waited for its jitter (e.g. learned
        // from the peer's own request), or gone: the reply would be unsolicited.
        NS_LOG_LOGIC("entry for " << target << ":" << port
                                  << " no longer waits -- request skipped");
        m_counters.requestsSkipped++;
        return;
    }
    SendRequest(cache, target, port);
}

void
PeArpL3Protocol::SendRequest(Ptr<PeArpCache> cache, Ipv4Address target, uint16_t port)
{
    NS_LOG_FUNCTION(this << cache << target << port);
    if (!cache->GetDevice())
    {
        return; // disposed
    }
    Ptr<NetDevice> netDevice = cache->GetDevice();
    PeArpInterface* device = cache->GetInterface();
    std::optional<Ipv4Address> selected = device->SelectSourceAddress(target);
    if (!selected)
    {
        NotifyDrop(Create<Packet>(), NO_SOURCE_ADDRESS);
        return;
    }
    Ipv4Address source = *selected;
    PeArpPortRange announced = device->GetAnnouncedRange(source);
    if (!announced.IsValid())
    {
        NS_LOG_LOGIC(source << " is still tentative: no request from it");
        NotifyDrop(Create<Packet>(), NO_SOURCE_ADDRESS);
        return;
    }
    PeArpHeader request;
    request.SetRequest(device->GetMac48(), source, announced, target, port);
    m_counters.requestsSent++;
    m_requestSentTrace(netDevice, request);
    SendFrame(device, request, netDevice->GetBroadcast());
}

void
PeArpL3Protocol::SendClaimRequest(Ptr<NetDevice> device, const PeArpHeader& request)
{
    NS_LOG_FUNCTION(this << device << request);
    bool claim = request.IsRequest() && request.HasExtension() && !request.GetSenderRange().IsAll();
    bool probe = claim && request.GetSenderIp() == Ipv4Address::GetAny();
    bool announcement = claim && request.GetSenderIp() == request.GetTargetIp();
    NS_ABORT_MSG_UNLESS(probe || announcement,
                        "PeArpL3Protocol::SendClaimRequest: the request is neither a probe (from "
                        "0.0.0.0 with a range) nor an announcement (sender = target, with a "
                        "range): "
                            << request);
    // Claims are rare (a few per range): a walk over the node's caches is fine.
    PeArpInterface* interface = nullptr;
    for (const auto& cache : m_caches)
    {
        if (cache->GetDevice() == device)
        {
            interface = cache->GetInterface();
        }
    }
    NS_ABORT_MSG_UNLESS(interface,
                        "PeArpL3Protocol::SendClaimRequest: device " << device
                                                                     << " has no PE-ARP cache");
    if (probe)
    {
        m_counters.probesSent++;
    }
    else
    {
        m_counters.announcementsSent++;
    }
    m_requestSentTrace(device, request);
    SendFrame(interface, request, device->GetBroadcast());
}

void
PeArpL3Protocol::SendFrame(PeArpInterface* device, const PeArpHeader& header, const Address& to)
{
    NS_LOG_FUNCTION(this << header << to);
    Ptr<Packet> frame = Create<Packet>();
    frame->AddHeader(header);
    device->SendArpFrame(frame, to);
}

void
PeArpL3Protocol::SendPending(PeArpInterface* device,
                             PeArpCache::PendingList& pending,
                             Mac48Address mac)
{
    for (auto& waiting : pending)
    {
        device->SendResolved(waiting.packet, mac, waiting.source);
    }
    pending.clear();
}

void
PeArpL3Protocol::Receive(Ptr<PeArpCache> cache, Ptr<const Packet> frame, const Address& from)
{
    NS_LOG_FUNCTION(this << cache << frame << from);
    Ptr<NetDevice> device = cache->GetDevice();
    if (!device)
    {
        return; // disposed
    }
    PeArpHeader header = PeArpHeader::Parse(frame);
    PeArpHeader::ParseError error = header.GetParseError();
    if (error != PeArpHeader::PARSE_OK)
    {
        NS_LOG_LOGIC("node " << m_node->GetId() << ": malformed ARP frame ("
                             << PeArpHeader::ParseErrorToString(error) << ") -- drop");
        NotifyDrop(frame, MALFORMED_FRAME);
        return;
    }
    if (!m_inspector.IsNull() && !m_inspector(device, header))
    {
        NS_LOG_LOGIC("node " << m_node->GetId() << ": frame from " << header.GetSenderIp() << ":"
                             << header.GetSenderRange() << " " << header.GetSenderMac()
                             << " refused by the inspector -- drop");
        NotifyDrop(frame, INSPECTION_REFUSED);
        return;
    }
    if (!header.HasExtension())
    {
        m_counters.standardFramesReceived++;
    }

    PeArpInterface* interface = cache->GetInterface();
    // Port range conflict detection (RFC 5227 for ranges): probes, answers
    // to probes and announcements go to the device's listener.
    bool probe = header.IsRequest() && header.HasExtension() &&
                 header.GetSenderIp() == Ipv4Address::GetAny() && !header.GetSenderRange().IsAll();
    bool probeAnswer = header.IsReply() && header.GetTargetIp() == Ipv4Address::GetAny() &&
                       !interface->IsLocalAddress(Ipv4Address::GetAny());
    bool announcement =
        header.IsRequest() && header.HasExtension() && header.GetSenderIp() == header.GetTargetIp();
    if (probe || probeAnswer || announcement)
    {
        if (m_probeListeners)
        {
            auto listener = m_probeListeners->find(device);
            if (listener != m_probeListeners->end())
            {
                listener->second(header);
            }
        }
    }
    if (probeAnswer)
    {
        return;
    }
    if (probe)
    {
        std::optional<PeArpPortRange> overlapping;
        if (interface->IsLocalAddress(header.GetTargetIp()))
        {
            overlapping =
                interface->GetOwnedRangeOverlapping(header.GetTargetIp(), header.GetSenderRange());
        }
        if (overlapping)
        {
            PeArpPortRange mine = *overlapping;
            NS_LOG_LOGIC("probe for " << header.GetTargetIp() << ":" << header.GetSenderRange()
                                      << " overlaps my " << mine << " -- defend");
            PeArpHeader defense;
            defense.SetReply(interface->GetMac48(),
                             header.GetTargetIp(),
                             mine,
                             header.GetSenderMac(),
                             Ipv4Address::GetAny(),
                             header.GetSenderRange().GetLow(),
                             header.GetTargetPort());
            m_counters.probesDefended++;
            m_counters.repliesSent++;
            m_replySentTrace(device, defense);
            SendFrame(interface, defense, header.GetSenderMac());
        }
        return;
    }
    if (announcement && m_learnFromRequest && !interface->IsLocalAddress(header.GetSenderIp()))
    {
        // RFC 826's merge: a sender already in the table is updated from any
        // frame. Only an entry for exactly the announced range: a host back
        // on the LAN (maybe with a new MAC) is reached again at once.
        PeArpCache::Entry* held =
            cache->Lookup(header.GetSenderIp(), header.GetSenderRange().GetLow());
        if (held != nullptr && !held->IsPermanent() &&
            held->GetRange() == header.GetSenderRange() &&
            held->GetMacAddress() != header.GetSenderMac())
        {
            if (Learn(interface, header, frame))
            {
                NS_LOG_LOGIC("announcement of " << header.GetSenderIp() << ":"
                                                << header.GetSenderRange() << " merged: now at "
                                                << header.GetSenderMac());
                m_counters.announcementsMerged++;
            }
            return;
        }
    }
    if (!interface->IsLocalAddress(header.GetTargetIp()))
    {
        if (header.IsRequest() && interface->IsProxyFor(header.GetTargetIp()))
        {
            AnswerAsProxy(cache, header);
            return;
        }
        NS_LOG_LOGIC("node " << m_node->GetId() << ": frame for " << header.GetTargetIp()
                             << ", not one of ours -- ignore");
        m_counters.notForUs++;
        return;
    }
    if (header.IsRequest())
    {
        HandleRequest(cache, header, frame);
    }
    else
    {
        if (header.HasExtension() &&
            !interface->GetOwnedRange(header.GetTargetIp(), header.GetTargetPort()))
        {
            // A reply for a sibling host that shares our address.
            m_counters.notForUs++;
            return;
        }
        HandleReply(cache, header, frame);
    }
}

void
PeArpL3Protocol::SetInspector(Callback<bool, Ptr<const NetDevice>, const PeArpHeader&> inspector)
{
    NS_LOG_FUNCTION(this);
    m_inspector = inspector;
}

void
PeArpL3Protocol::AnswerAsProxy(Ptr<PeArpCache> cache, const PeArpHeader& header)
{
    NS_LOG_FUNCTION(this << cache << header);
    NS_LOG_LOGIC("proxy reply: " << header.GetTargetIp() << " is at "
                                 << cache->GetInterface()->GetMac48());
    m_counters.proxyReplies++;
    SendReply(cache, header, PeArpPortRange());
}

void
PeArpL3Protocol::SendReply(Ptr<PeArpCache> cache, const PeArpHeader& request, PeArpPortRange range)
{
    PeArpInterface* interface = cache->GetInterface();
    PeArpHeader reply;
    if (request.HasExtension())
    {
        reply.SetReply(interface->GetMac48(),
                       request.GetTargetIp(),
                       range,
                       request.GetSenderMac(),
                       request.GetSenderIp(),
                       request.GetSenderRange().GetLow(),
                       request.GetTargetPort());
    }
    else
    {
        reply.SetStandardReply(interface->GetMac48(),
                               request.GetTargetIp(),
                               request.GetSenderMac(),
                               request.GetSenderIp());
    }
    m_counters.repliesSent++;
    m_replySentTrace(cache->GetDevice(), reply);
    SendFrame(interface, reply, request.GetSenderMac());
}

bool
PeArpL3Protocol::IsRangeConflict(PeArpInterface* interface, const PeArpHeader& header)
{
    if (!header.GetSenderRange().IsAll() || header.GetSenderIp() == Ipv4Address::GetAny())
    {
        return false;
    }
    Ipv4Address sender = header.GetSenderIp();
    if (interface->GetCache()->IsShared(sender))
    {
        return true; // it has learned ranges, or was declared shared
    }
    // The node's own address, if the node owns only some of its ports.
    return interface->IsLocalAddress(sender) && !interface->GetAnnouncedRange(sender).IsAll();
}

void
PeArpL3Protocol::HandleRequest(Ptr<PeArpCache> cache,
                               const PeArpHeader& header,
                               Ptr<const Packet> frame)
{
    NS_LOG_FUNCTION(this << cache << header);
    PeArpInterface* interface = cache->GetInterface();
    // Every sharer of the address gets the request: the owner's range is
    // looked up first, the rest only for the one that answers.
    PeArpPortRange myRange = PeArpPortRange::All();
    if (header.HasExtension())
    {
        std::optional<PeArpPortRange> owned =
            interface->GetOwnedRange(header.GetTargetIp(), header.GetTargetPort());
        if (!owned)
        {
            NS_LOG_LOGIC("request for " << header.GetTargetIp() << ":" << header.GetTargetPort()
                                        << ", not one of my ports -- ignore");
            m_counters.notForUs++;
            return;
        }
        myRange = *owned;
    }
    else
    {
        myRange = interface->GetAnnouncedRange(header.GetTargetIp());
        if (!myRange.IsAll())
        {
            NS_LOG_LOGIC("standard request for shared address " << header.GetTargetIp()
                                                                << " -- not answered");
            NotifyDrop(frame, LEGACY_REQUEST_FOR_SHARED);
            return;
        }
    }
    if (IsRangeConflict(interface, header))
    {
        NS_LOG_LOGIC("request from " << header.GetSenderIp() << " claims all its ports, but it is "
                                     << "shared -- drop (possible cache poisoning)");
        NotifyDrop(frame, RANGE_CONFLICT);
        return;
    }
    m_counters.requestsReceived++;
    Ptr<NetDevice> device = cache->GetDevice();
    m_requestReceivedTrace(device, header);

    // Learn the requester (unless it is probing with no address, RFC 5227,
    // or LearnFromRequest is off: then, as ns-3's ArpL3Protocol, not at all).
    if (m_learnFromRequest && header.GetSenderIp() != Ipv4Address::GetAny())
    {
        Learn(interface, header, frame);
    }

    SendReply(cache, header, myRange);
}

void
PeArpL3Protocol::HandleReply(Ptr<PeArpCache> cache,
                             const PeArpHeader& header,
                             Ptr<const Packet> frame)
{
    NS_LOG_FUNCTION(this << cache << header);
    Ptr<NetDevice> device = cache->GetDevice();
    PeArpInterface* interface = cache->GetInterface();
    PeArpCache::Entry* outstanding = cache->FindOutstanding(header.GetSenderIp(),
                                                            header.GetReturnPort(),
                                                            !header.HasExtension());
    if (outstanding == nullptr)
    {
        PeArpCache::Entry* held = cache->Lookup(header.GetSenderIp(), header.GetReturnPort());
        if (held != nullptr && (held->IsAlive() || held->IsPermanent()) &&
            held->GetRange() == header.GetSenderRange() &&
            held->GetMacAddress() == header.GetSenderMac())
        {
            // E.g. the answer to a second request that crossed the first
            // answer: it tells nothing new and nothing false.
            NS_LOG_LOGIC("reply from " << header.GetSenderIp() << ":" << header.GetSenderRange()
                                       << " confirms the entry held -- ignored");
            m_counters.repliesConfirming++;
            return;
        }
        NS_LOG_LOGIC("unsolicited reply from " << header.GetSenderIp() << ":"
                                               << header.GetSenderRange()
                                               << " -- drop (possible cache poisoning)");
        NotifyDrop(frame, UNSOLICITED_REPLY);
        return;
    }
    if (IsRangeConflict(interface, header))
    {
        // A standard reply (or one claiming 0-0) cannot say which sharer it
        // is: it would replace every range of the address with one MAC.
        NS_LOG_LOGIC("reply for shared address " << header.GetSenderIp() << " claims all ports "
                                                 << "-- drop (possible cache poisoning)");
        NotifyDrop(frame, RANGE_CONFLICT);
        return;
    }
    if (header.HasExtension() && !header.GetSenderRange().Contains(header.GetReturnPort()))
    {
        NS_LOG_LOGIC("reply range " << header.GetSenderRange() << " does not hold port "
                                    << header.GetReturnPort() << " -- drop");
        NotifyDrop(frame, INCONSISTENT_REPLY);
        return;
    }
    m_counters.repliesReceived++;
    m_replyReceivedTrace(device, header);
    Learn(interface, header, frame);
}

bool
PeArpL3Protocol::Learn(PeArpInterface* interface,
                       const PeArpHeader& header,
                       Ptr<const Packet> frame)
{
    PeArpCache::UpdateResult learned = interface->GetCache()->Resolve(header.GetSenderIp(),
                                                                      header.GetSenderRange(),
                                                                      header.GetSenderMac());
    SendPending(interface, learned.pending, header.GetSenderMac());
    if (learned.entry == nullptr)
    {
        NotifyDrop(frame,
                   learned.status == PeArpCache::REFUSED_RANGE_CONFLICT ? RANGE_CONFLICT
                                                                        : CACHE_REFUSED);
        return false;
    }
    return true;
}

std::ostream&
operator<<(std::ostream& os, PeArpL3Protocol::DropReason reason)
{
    switch (reason)
    {
    case PeArpL3Protocol::MALFORMED_FRAME:
        return os << "malformed-frame";
    case PeArpL3Protocol::UNSOLICITED_REPLY:
        return os << "unsolicited-reply";
    case PeArpL3Protocol::INCONSISTENT_REPLY:
        return os << "inconsistent-reply";
    case PeArpL3Protocol::LEGACY_REQUEST_FOR_SHARED:
        return os << "legacy-request-for-shared-address";
    case PeArpL3Protocol::CACHE_REFUSED:
        return os << "cache-refused";
    case PeArpL3Protocol::DEAD_ENTRY:
        return os << "dead-entry";
    case PeArpL3Protocol::PORTLESS_TO_SHARED:
        return os << "portless-to-shared-address";
    case PeArpL3Protocol::WRONG_HOST:
        return os << "wrong-host";
    case PeArpL3Protocol::NO_SOURCE_ADDRESS:
        return os << "no-source-address";
    case PeArpL3Protocol::NO_ROUTE:
        return os << "no-route";
    case PeArpL3Protocol::MALFORMED_ICMP:
        return os << "malformed-icmp";
    case PeArpL3Protocol::RANGE_CONFLICT:
        return os << "range-conflict";
    case PeArpL3Protocol::INSPECTION_REFUSED:
        return os << "refused-by-inspection";
    case PeArpL3Protocol::PENDING_QUEUE_FULL:
        return os << "pending-queue-full";
    case PeArpL3Protocol::RESOLUTION_FAILED:
        return os << "resolution-failed";
    case PeArpL3Protocol::TABLE_FULL:
        return os << "table-full";
    case PeArpL3Protocol::SUPERSEDED_BY_STATIC:
        return os << "superseded-by-static";
    case PeArpL3Protocol::DISPOSED:
        return os << "disposed";
    case PeArpL3Protocol::UNRESOLVED_LIMIT:
        return os << "unresolved-limit";
    case PeArpL3Protocol::RATE_LIMITED:
        return os << "rate-limited";
    case PeArpL3Protocol::EVICTED:
        return os << "evicted";
    case PeArpL3Protocol::DROP_REASON_COUNT:
        break;
    }
    return os << "unknown";
}

} // namespace ns3
