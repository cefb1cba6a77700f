/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dns-server.h"

#include "ns3/boolean.h"
#include "ns3/enum.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/pe-arp-lan-registry.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpDnsServer");

NS_OBJECT_ENSURE_REGISTERED(PeArpDnsServer);

using Rr = PeArpDnsMessage::ResourceRecord; //!< shorthand

TypeId
PeArpDnsServer::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpDnsServer")
            .SetParent<Application>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpDnsServer>()
            .AddAttribute("Port",
                          "UDP port the server listens on.",
                          UintegerValue(53),
                          MakeUintegerAccessor(&PeArpDnsServer::m_port),
                          MakeUintegerChecker<uint16_t>(1, 65535))
            .AddAttribute("Zone",
                          "The zone the server is authoritative for, e.g. example.com.",
                          StringValue("example.com"),
                          MakeStringAccessor(&PeArpDnsServer::m_zone),
                          MakeStringChecker())
            .AddAttribute("AcceptUpdates",
                          "Accept dynamic updates (RFC 2136); if false they are REFUSED.",
                          BooleanValue(true),
                          MakeBooleanAccessor(&PeArpDnsServer::m_acceptUpdates),
                          MakeBooleanChecker())
            .AddAttribute("MaxUdpSize",
                          "Largest response over UDP (RFC 1035: 512); larger ones lose "
                          "their additional section, then their answers (TC set).",
                          UintegerValue(512),
                          MakeUintegerAccessor(&PeArpDnsServer::m_maxUdpSize),
                          MakeUintegerChecker<uint32_t>(12))
            .AddAttribute("UpdatePolicy",
                          "Who may update the zone: Open (anyone, as the paper), Owner (SRV "
                          "records of a shared address only from the owner of their port), "
                          "Tsig (only updates with a valid TSIG), OwnerOrTsig.",
                          EnumValue(PeArpDnsServer::OPEN),
                          MakeEnumAccessor(&PeArpDnsServer::m_updatePolicy),
                          MakeEnumChecker(PeArpDnsServer::OPEN,
                                          "Open",
                                          PeArpDnsServer::OWNER,
                                          "Owner",
                                          PeArpDnsServer::TSIG,
                                          "Tsig",
                                          PeArpDnsServer::OWNER_OR_TSIG,
                                          "OwnerOrTsig"))
            .AddAttribute("TsigFudge",
                          "Fudge, in seconds, of the TSIG RR of signed responses (RFC 8945).",
                          UintegerValue(PeArpDnsTsig::DEFAULT_FUDGE),
                          MakeUintegerAccessor(&PeArpDnsServer::m_tsigFudge),
                          MakeUintegerChecker<uint16_t>(0, 65535))
            .AddAttribute("TsigClockOffset",
                          "Added to the simulation time to give the TSIG clock (seconds "
                          "since the epoch); a different offset than a client's is clock skew.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PeArpDnsServer::m_tsigClockOffset),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Rx",
                            "A datagram received.",
                            MakeTraceSourceAccessor(&PeArpDnsServer::m_rxTrace),
                            "ns3::PeArpDnsServer::MessageTracedCallback")
            .AddTraceSource("Tx",
                            "A response sent.",
                            MakeTraceSourceAccessor(&PeArpDnsServer::m_txTrace),
                            "ns3::PeArpDnsServer::MessageTracedCallback")
            .AddTraceSource("Drop",
                            "A datagram dropped, with the reason.",
                            MakeTraceSourceAccessor(&PeArpDnsServer::m_dropTrace),
                            "ns3::PeArpDnsServer::DropTracedCallback")
            .AddTraceSource("Refused",
                            "A request refused by the update policy or TSIG verification.",
                            MakeTraceSourceAccessor(&PeArpDnsServer::m_refusedTrace),
                            "ns3::PeArpDnsServer::RefusedTracedCallback");
    return tid;
}

PeArpDnsServer::PeArpDnsServer()
    : m_port(53),
      m_acceptUpdates(true),
      m_maxUdpSize(512),
      m_updatePolicy(OPEN),
      m_tsigFudge(PeArpDnsTsig::DEFAULT_FUDGE)
{
    NS_LOG_FUNCTION(this);
}

PeArpDnsServer::~PeArpDnsServer()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpDnsServer::DoDispose()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    m_records.clear();
    m_keys.clear();
    m_keyScopes.clear();
    m_portOwner = PortOwnerCallback();
    Application::DoDispose();
}

void
PeArpDnsServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!PeArpDnsMessage::IsValidName(m_zone) || m_zone.empty(),
                    "PeArpDnsServer: invalid zone '" << m_zone << "'");
    NS_ABORT_MSG_IF((m_updatePolicy == OWNER || m_updatePolicy == OWNER_OR_TSIG) &&
                        m_portOwner.IsNull(),
                    "PeArpDnsServer: UpdatePolicy Owner needs a port-owner look-up "
                    "(SetLanRegistry or SetPortOwnerLookup)");
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(GetNode(), UdpSocketFactory::GetTypeId());
        NS_ABORT_MSG_IF(m_socket->Bind(InetSocketAddress(Ipv4Address::GetAny(), m_port)) != 0,
                        "PeArpDnsServer: cannot bind UDP port " << m_port);
    }
    m_socket->SetRecvCallback(MakeCallback(&PeArpDnsServer::HandleRead, this));
}

void
PeArpDnsServer::StopApplication()
{
    NS_LOG_FUNCTION(this);
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
    }
}

bool
PeArpDnsServer::AddRecord(const Rr& rr)
{
    NS_LOG_FUNCTION(this << rr.name);
    if (!PeArpDnsMessage::IsInZone(rr.name, m_zone) || !PeArpDnsMessage::IsValidName(rr.name))
    {
        return false;
    }
    Rr stored = rr;
    stored.rrClass = PeArpDnsMessage::CLASS_IN;
    for (auto& r : m_records)
    {
        if (r.SameData(stored))
        {
            r = stored;
            return true;
        }
    }
    m_records.push_back(stored);
    return true;
}

std::vector<Rr>
PeArpDnsServer::GetRecords(const std::string& name, uint16_t type) const
{
    std::vector<Rr> out;
    for (const auto& r : m_records)
    {
        if (PeArpDnsMessage::NamesEqual(r.name, name) &&
            (type == PeArpDnsMessage::TYPE_ANY || r.type == type))
        {
            out.push_back(r);
        }
    }
    return out;
}

uint32_t
PeArpDnsServer::GetRecordCount() const
{
    return m_records.size();
}

std::string
PeArpDnsServer::GetZone() const
{
    return m_zone;
}

const PeArpDnsServer::Counters&
PeArpDnsServer::GetCounters() const
{
    return m_counters;
}

void
PeArpDnsServer::SetPortOwnerLookup(PortOwnerCallback lookup)
{
    NS_LOG_FUNCTION(this);
    m_portOwner = lookup;
}

void
PeArpDnsServer::SetLanRegistry(Ptr<PeArpLanRegistry> registry)
{
    NS_LOG_FUNCTION(this << registry);
    NS_ABORT_MSG_UNLESS(registry, "PeArpDnsServer::SetLanRegistry: no registry");
    m_portOwner = PortOwnerCallback([registry](Ipv4Address address, uint16_t port) {
        PortOwner owner;
        // The ranges of an address are disjoint: one covering every port
        // means the address is not shared.
        std::optional<PeArpLanAssignment> any =
            registry->FindOverlap(address, PeArpPortRange::All());
        owner.shared = any && !any->range.IsAll();
        if (port != 0)
        {
            std::optional<PeArpLanAssignment> holder =
                registry->FindOverlap(address, PeArpPortRange(port, port));
            if (holder)
            {
                owner.holder = holder->node;
            }
        }
        return owner;
    });
}

void
PeArpDnsServer::AddTsigKey(const std::string& name,
                           const std::vector<uint8_t>& secret,
                           TsigScope scope)
{
    NS_LOG_FUNCTION(this << name << scope);
    NS_ABORT_MSG_UNLESS(PeArpDnsMessage::IsValidName(name) && !name.empty(),
                        "PeArpDnsServer::AddTsigKey: invalid key name '" << name << "'");
    m_keys[PeArpDnsTsig::KeyRingName(name)] = secret;
    m_keyScopes[PeArpDnsTsig::KeyRingName(name)] = scope;
}

bool
PeArpDnsServer::RemoveTsigKey(const std::string& name)
{
    NS_LOG_FUNCTION(this << name);
    m_keyScopes.erase(PeArpDnsTsig::KeyRingName(name));
    return m_keys.erase(PeArpDnsTsig::KeyRingName(name)) > 0;
}

uint64_t
PeArpDnsServer::GetTsigTime() const
{
    return static_cast<uint64_t>((Simulator::Now() + m_tsigClockOffset).GetSeconds());
}

bool
PeArpDnsServer::NameExists(const std::string& name) const
{
    for (const auto& r : m_records)
    {
        if (PeArpDnsMessage::IsInZone(r.name, name))
        {
            return true;
        }
    }
    return false;
}

bool
PeArpDnsServer::RrsetExists(const std::string& name, uint16_t type) const
{
    return !GetRecords(name, type).empty();
}

void
PeArpDnsServer::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    Ptr<Packet> packet;
    while ((packet = socket->RecvFrom(from)))
    {
        m_counters.received++;
        m_rxTrace(packet, from);
        PeArpDnsMessage request;
        Ptr<Packet> copy = packet->Copy();
        // PeekHeader: RemoveHeader of a header that read nothing corrupts the
        // packet metadata when it is enabled (Packet::EnablePrinting).
        if (copy->PeekHeader(request) == 0)
        {
            std::string reason = PeArpDnsMessage::ParseErrorToString(request.GetParseError());
            NS_LOG_INFO("dropped malformed DNS message from "
                        << InetSocketAddress::ConvertFrom(from).GetIpv4() << ": " << reason);
            m_counters.malformed++;
            m_dropTrace(packet, from, reason);
            continue;
        }
        NS_LOG_INFO("request " << request);
        std::vector<uint8_t> wire(packet->GetSize());
        packet->CopyData(wire.data(), wire.size());
        std::optional<PeArpDnsMessage> response = Process(request, from, wire);
        if (!response)
        {
            m_counters.otherDrops++;
            m_dropTrace(packet, from, "response");
            continue;
        }
        Ptr<Packet> out = Create<Packet>();
        out->AddHeader(*response);
        NS_LOG_INFO("response " << *response);
        m_counters.responses++;
        m_txTrace(out, from);
        socket->SendTo(out, 0, from);
    }
}

std::optional<PeArpDnsMessage>
PeArpDnsServer::Process(const PeArpDnsMessage& request)
{
    return Process(request, Address(), std::vector<uint8_t>());
}

std::optional<PeArpDnsMessage>
PeArpDnsServer::Process(const PeArpDnsMessage& request,
                        const Address& from,
                        const std::vector<uint8_t>& wire)
{
    NS_LOG_FUNCTION(this);
    if (request.IsResponse())
    {
        return std::nullopt;
    }
    PeArpDnsMessage response;
    response.SetId(request.GetId());
    response.SetResponse(true);
    response.SetOpcode(request.GetOpcode());
    response.SetRecursionDesired(request.IsRecursionDesired());
    for (const auto& q : request.GetQuestions())
    {
        response.AddQuestion(q);
    }
    // TSIG (RFC 8945 section 5.2), over the bytes as received.
    PeArpDnsMessage parsed = request;
    std::vector<uint8_t> bytes = wire;
    if (bytes.empty())
    {
        bytes = PeArpDnsTsig::ToBytes(request);
        parsed.Parse(bytes.data(), bytes.size());
    }
    PeArpDnsTsig::Verification v =
        PeArpDnsTsig::Verify(bytes, parsed, m_keys, GetTsigTime(), std::nullopt);
    if (v.outcome != PeArpDnsTsig::UNSIGNED && v.outcome != PeArpDnsTsig::VERIFIED)
    {
        switch (v.outcome)
        {
        case PeArpDnsTsig::FORMERR:
            m_counters.tsigFormErr++;
            break;
        case PeArpDnsTsig::BADKEY:
            m_counters.tsigBadKey++;
            break;
        case PeArpDnsTsig::BADTRUNC:
            m_counters.tsigBadTrunc++;
            break;
        case PeArpDnsTsig::BADSIG:
            m_counters.tsigBadSig++;
            break;
        default:
            m_counters.tsigBadTime++;
            break;
        }
        if (request.GetOpcode() == PeArpDnsMessage::OPCODE_UPDATE)
        {
            m_counters.updates++;
        }
        AnswerTsigError(request, v, response);
        NS_LOG_INFO("TSIG " << PeArpDnsTsig::OutcomeToString(v.outcome) << ": " << response);
        m_refusedTrace(request,
                       from,
                       response.GetRcode(),
                       PeArpDnsTsig::OutcomeToString(v.outcome));
        return response;
    }
    bool verified = v.outcome == PeArpDnsTsig::VERIFIED;
    std::string signer = verified ? v.tsig.keyName : std::string();
    if (verified)
    {
        m_counters.tsigVerified++;
    }
    if (request.GetOpcode() == PeArpDnsMessage::OPCODE_QUERY)
    {
        m_counters.queries++;
        AnswerQuery(request, response);
    }
    else if (request.GetOpcode() == PeArpDnsMessage::OPCODE_UPDATE)
    {
        m_counters.updates++;
        uint8_t rcode = ApplyUpdate(request, from, signer);
        response.SetRcode(rcode);
        if (rcode == PeArpDnsMessage::NOERROR)
        {
            m_counters.updatesApplied++;
        }
    }
    else
    {
        response.SetRcode(PeArpDnsMessage::NOTIMP);
    }
    if (response.GetRcode() == PeArpDnsMessage::NXDOMAIN)
    {
        m_counters.nxdomain++;
    }
    if (!verified)
    {
        Truncate(response, 0);
        return response;
    }
    // RFC 8945 section 5.3: sign the response, its MAC covering the request's.
    PeArpDnsTsig::Record tsig = v.tsig;
    tsig.mac.assign(PeArpDnsTsig::MAC_SIZE, 0);
    tsig.otherData.clear();
    Truncate(response,
             PeArpDnsTsig::CanonicalName(tsig.keyName).size() + 10 +
                 PeArpDnsTsig::EncodeRdata(tsig).size());
    return PeArpDnsTsig::Sign(response,
                              v.tsig.keyName,
                              m_keys.at(PeArpDnsTsig::KeyRingName(v.tsig.keyName)),
                              GetTsigTime(),
                              m_tsigFudge,
                              v.tsig.mac);
}

void
PeArpDnsServer::Truncate(PeArpDnsMessage& response, uint32_t reserve) const
{
    uint32_t limit = m_maxUdpSize > reserve ? m_maxUdpSize - reserve : 0;
    if (response.GetSerializedSize() > limit)
    {
        // RFC 1035 section 4.2.1: keep what fits, set TC if answers are lost.
        std::vector<Rr> answers = response.GetAnswers();
        response.ClearRecords();
        for (const auto& rr : answers)
        {
            response.AddAnswer(rr);
        }
        if (response.GetSerializedSize() > limit)
        {
            response.ClearRecords();
            response.SetTruncated(true);
        }
    }
}

void
PeArpDnsServer::AnswerTsigError(const PeArpDnsMessage& request,
                                const PeArpDnsTsig::Verification& v,
                                PeArpDnsMessage& response) const
{
    NS_LOG_FUNCTION(this);
    if (v.outcome == PeArpDnsTsig::FORMERR)
    {
        response.SetRcode(PeArpDnsMessage::FORMERR); // no TSIG RR: it could not be read
        return;
    }
    response.SetRcode(PeArpDnsMessage::NOTAUTH);
    uint16_t error = PeArpDnsTsig::ErrorOf(v.outcome);
    if (v.outcome == PeArpDnsTsig::BADTIME)
    {
        // RFC 8945 section 5.2.3: signed, the request's time signed, the
        // server's time in Other Data.
        uint64_t now = GetTsigTime();
        std::vector<uint8_t> other;
        for (int k = 5; k >= 0; k--)
        {
            other.push_back(static_cast<uint8_t>(now >> (8 * k)));
        }
        response = PeArpDnsTsig::Sign(response,
                                      v.tsig.keyName,
                                      m_keys.at(PeArpDnsTsig::KeyRingName(v.tsig.keyName)),
                                      v.tsig.timeSigned,
                                      v.tsig.fudge,
                                      v.tsig.mac,
                                      error,
                                      other);
        return;
    }
    // BADKEY, BADSIG, BADTRUNC: unsigned (MAC size 0), RFC 8945 section 5.3.2.
    PeArpDnsTsig::Record tsig = v.tsig;
    tsig.mac.clear();
    tsig.originalId = request.GetId();
    tsig.error = error;
    tsig.otherData.clear();
    response.AddAdditional(PeArpDnsTsig::ToResourceRecord(tsig));
}

void
PeArpDnsServer::AnswerQuery(const PeArpDnsMessage& request, PeArpDnsMessage& response) const
{
    NS_LOG_FUNCTION(this);
    if (request.GetQuestions().size() != 1)
    {
        response.SetRcode(PeArpDnsMessage::FORMERR);
        return;
    }
    const PeArpDnsMessage::Question& q = request.GetQuestions()[0];
    if ((q.qclass != PeArpDnsMessage::CLASS_IN && q.qclass != PeArpDnsMessage::CLASS_ANY) ||
        !PeArpDnsMessage::IsInZone(q.name, m_zone))
    {
        response.SetRcode(PeArpDnsMessage::REFUSED);
        return;
    }
    response.SetAuthoritative(true);
    if (!NameExists(q.name) && !PeArpDnsMessage::NamesEqual(q.name, m_zone))
    {
        response.SetRcode(PeArpDnsMessage::NXDOMAIN);
        return;
    }
    response.SetRcode(PeArpDnsMessage::NOERROR);
    std::vector<std::string> targets;
    for (const auto& rr : GetRecords(q.name, q.type))
    {
        response.AddAnswer(rr);
        if (rr.type == PeArpDnsMessage::TYPE_SRV &&
            std::none_of(targets.begin(), targets.end(), [&rr](const std::string& t) {
                return PeArpDnsMessage::NamesEqual(t, rr.target);
            }))
        {
            targets.push_back(rr.target);
        }
    }
    for (const auto& target : targets)
    {
        for (const auto& a : GetRecords(target, PeArpDnsMessage::TYPE_A))
        {
            response.AddAdditional(a);
        }
    }
}

uint8_t
PeArpDnsServer::CheckPrerequisites(const std::vector<Rr>& prerequisites) const
{
    // RFC 2136 section 3.2
    for (const auto& p : prerequisites)
    {
        if (p.ttl != 0)
        {
            return PeArpDnsMessage::FORMERR;
        }
        if (!PeArpDnsMessage::IsInZone(p.name, m_zone))
        {
            return PeArpDnsMessage::NOTZONE;
        }
        if (p.rrClass == PeArpDnsMessage::CLASS_ANY)
        {
            if (p.hasRdata)
            {
                return PeArpDnsMessage::FORMERR;
            }
            if (p.type == PeArpDnsMessage::TYPE_ANY && !NameExists(p.name))
            {
                return PeArpDnsMessage::NXDOMAIN;
            }
            if (p.type != PeArpDnsMessage::TYPE_ANY && !RrsetExists(p.name, p.type))
            {
                return PeArpDnsMessage::NXRRSET;
            }
        }
        else if (p.rrClass == PeArpDnsMessage::CLASS_NONE)
        {
            if (p.hasRdata)
            {
                return PeArpDnsMessage::FORMERR;
            }
            if (p.type == PeArpDnsMessage::TYPE_ANY && NameExists(p.name))
            {
                return PeArpDnsMessage::YXDOMAIN;
            }
            if (p.type != PeArpDnsMessage::TYPE_ANY && RrsetExists(p.name, p.type))
            {
                return PeArpDnsMessage::YXRRSET;
            }
        }
        else if (p.rrClass == PeArpDnsMessage::CLASS_IN)
        {
            // "RRset exists (value dependent)": every such record must be present
            bool found = false;
            for (const auto& r : m_records)
            {
                found = found || r.SameData(p);
            }
            if (!found)
            {
                return PeArpDnsMessage::NXRRSET;
            }
        }
        else
        {
            return PeArpDnsMessage::FORMERR;
        }
    }
    return PeArpDnsMessage::NOERROR;
}

uint8_t
PeArpDnsServer::ApplyUpdate(const PeArpDnsMessage& request,
                            const Address& from,
                            const std::string& signer)
{
    NS_LOG_FUNCTION(this);
    // RFC 2136 section 3.1: the zone section
    if (request.GetZones().size() != 1 || request.GetZones()[0].type != PeArpDnsMessage::TYPE_SOA)
    {
        return PeArpDnsMessage::FORMERR;
    }
    if (!PeArpDnsMessage::NamesEqual(request.GetZones()[0].name, m_zone))
    {
        return PeArpDnsMessage::NOTAUTH;
    }
    if (!m_acceptUpdates)
    {
        return PeArpDnsMessage::REFUSED;
    }
    uint8_t rcode = CheckPrerequisites(request.GetPrerequisites());
    if (rcode != PeArpDnsMessage::NOERROR)
    {
        return rcode;
    }
    // Section 3.4.1: prescan, nothing is changed unless every update is valid.
    for (const auto& u : request.GetUpdates())
    {
        if (!PeArpDnsMessage::IsInZone(u.name, m_zone))
        {
            return PeArpDnsMessage::NOTZONE;
        }
        if (u.rrClass == PeArpDnsMessage::CLASS_IN)
        {
            if (u.type == PeArpDnsMessage::TYPE_ANY || !u.hasRdata ||
                !PeArpDnsMessage::IsValidName(u.name))
            {
                return PeArpDnsMessage::FORMERR;
            }
        }
        else if (u.rrClass == PeArpDnsMessage::CLASS_ANY)
        {
            if (u.ttl != 0 || u.hasRdata)
            {
                return PeArpDnsMessage::FORMERR;
            }
        }
        else if (u.rrClass == PeArpDnsMessage::CLASS_NONE)
        {
            if (u.ttl != 0 || u.type == PeArpDnsMessage::TYPE_ANY || !u.hasRdata)
            {
                return PeArpDnsMessage::FORMERR;
            }
        }
        else
        {
            return PeArpDnsMessage::FORMERR;
        }
    }
    // Section 3.3: the requestor's permissions (the UpdatePolicy).
    std::string why = CheckPolicy(request, from, signer);
    if (!why.empty())
    {
        NS_LOG_INFO("update refused: " << why);
        m_counters.updatesRefused++;
        m_refusedTrace(request, from, PeArpDnsMessage::REFUSED, why);
        return PeArpDnsMessage::REFUSED;
    }
    // Section 3.4.2: apply.
    for (const auto& u : request.GetUpdates())
    {
        if (u.rrClass == PeArpDnsMessage::CLASS_IN)
        {
            AddRecord(u);
        }
        else
        {
            m_records.erase(std::remove_if(m_records.begin(),
                                           m_records.end(),
                                           [&u](const Rr& r) {
                                               if (u.rrClass == PeArpDnsMessage::CLASS_NONE)
                                               {
                                                   return r.SameData(u);
                                               }
                                               return PeArpDnsMessage::NamesEqual(r.name, u.name) &&
                                                      (u.type == PeArpDnsMessage::TYPE_ANY ||
                                                       r.type == u.type);
                                           }),
                            m_records.end());
        }
        NS_LOG_INFO("update applied: " << u);
    }
    return PeArpDnsMessage::NOERROR;
}

std::string
PeArpDnsServer::CheckPolicy(const PeArpDnsMessage& request,
                            const Address& from,
                            const std::string& signer) const
{
    switch (m_updatePolicy)
    {
    case OPEN:
        return "";
    case TSIG:
        return CheckScope(request, signer);
    case OWNER:
        return CheckOwner(request, from);
    case OWNER_OR_TSIG: {
        std::string why = CheckScope(request, signer);
        return why.empty() ? why : CheckOwner(request, from);
    }
    }
    return "unknown policy";
}

std::string
PeArpDnsServer::CheckScope(const PeArpDnsMessage& request, const std::string& signer) const
{
    NS_LOG_FUNCTION(this << signer);
    if (signer.empty())
    {
        return "unsigned";
    }
    auto scope = m_keyScopes.find(PeArpDnsTsig::KeyRingName(signer));
    if (scope != m_keyScopes.end() && scope->second == ZONE_SCOPE)
    {
        return "";
    }
    // HOST_SCOPE: the key's name is the host's name (BIND's "self").
    auto outside = [&signer](const std::string& what, const std::string& name) {
        return "tsig scope: key " + signer + " may not change " + what + " " + name;
    };
    for (const auto& u : request.GetUpdates())
    {
        bool deletesNames = u.rrClass == PeArpDnsMessage::CLASS_ANY;
        if (u.type == PeArpDnsMessage::TYPE_SRV && !deletesNames &&
            !PeArpDnsMessage::NamesEqual(u.target, signer))
        {
            return outside("an SRV record targeting", u.target);
        }
        if (deletesNames &&
            (u.type == PeArpDnsMessage::TYPE_SRV || u.type == PeArpDnsMessage::TYPE_ANY))
        {
            for (const auto& r : GetRecords(u.name, PeArpDnsMessage::TYPE_SRV))
            {
                if (!PeArpDnsMessage::NamesEqual(r.target, signer))
                {
                    return outside("an SRV record targeting", r.target);
                }
            }
        }
        bool touchesA = u.type == PeArpDnsMessage::TYPE_A ||
                        (deletesNames && u.type == PeArpDnsMessage::TYPE_ANY &&
                         !GetRecords(u.name, PeArpDnsMessage::TYPE_A).empty());
        if (touchesA && !PeArpDnsMessage::NamesEqual(u.name, signer))
        {
            return outside("the A records of", u.name);
        }
    }
    return "";
}

std::string
PeArpDnsServer::CheckOwner(const PeArpDnsMessage& request, const Address& from) const
{
    NS_LOG_FUNCTION(this);
    if (m_portOwner.IsNull())
    {
        return "owner: no port-owner look-up";
    }
    Ipv4Address sender = Ipv4Address::GetAny();
    uint16_t senderPort = 0;
    if (InetSocketAddress::IsMatchingType(from))
    {
        sender = InetSocketAddress::ConvertFrom(from).GetIpv4();
        senderPort = InetSocketAddress::ConvertFrom(from).GetPort();
    }
    const std::vector<Rr>& updates = request.GetUpdates();
    // The addresses of a name: its A records in the zone and those this
    // update adds.
    auto addressesOf = [this, &updates](const std::string& name) {
        std::set<Ipv4Address> out;
        for (const auto& a : GetRecords(name, PeArpDnsMessage::TYPE_A))
        {
            out.insert(a.address);
        }
        for (const auto& u : updates)
        {
            if (u.rrClass == PeArpDnsMessage::CLASS_IN && u.type == PeArpDnsMessage::TYPE_A &&
                PeArpDnsMessage::NamesEqual(u.name, name))
            {
                out.insert(u.address);
            }
        }
        return out;
    };
    // Does the sender own the port of an SRV record, on every shared address
    // of its target?
    auto ownsSrv = [&](const Rr& srv) -> std::string {
        for (const Ipv4Address& address : addressesOf(srv.target))
        {
            PortOwner owner = m_portOwner(address, srv.port);
            if (!owner.shared)
            {
                continue;
            }
            std::ostringstream why;
            why << "owner: " << srv.name << " SRV port " << srv.port << " of " << address;
            if (!owner.holder)
            {
                why << " is nobody's";
                return why.str();
            }
            if (sender != address)
            {
                why << ", sender " << sender;
                return why.str();
            }
            PortOwner source = m_portOwner(address, senderPort);
            if (!source.holder || *source.holder != *owner.holder)
            {
                why << ", source port " << senderPort << " of another host";
                return why.str();
            }
        }
        return "";
    };
    // The SRV records of the zone that an update removes or re-points.
    auto zoneSrvOf = [this](const std::string& name) {
        return GetRecords(name, PeArpDnsMessage::TYPE_SRV);
    };
    auto zoneSrvTargeting = [this](const std::string& target) {
        std::vector<Rr> out;
        for (const auto& r : m_records)
        {
            if (r.type == PeArpDnsMessage::TYPE_SRV &&
                PeArpDnsMessage::NamesEqual(r.target, target))
            {
                out.push_back(r);
            }
        }
        return out;
    };
    for (const auto& u : updates)
    {
        std::vector<Rr> checked;
        bool deletesNames = u.rrClass == PeArpDnsMessage::CLASS_ANY;
        if (u.type == PeArpDnsMessage::TYPE_SRV && u.rrClass != PeArpDnsMessage::CLASS_ANY)
        {
            checked.push_back(u); // add (IN) or delete (NONE) this SRV record
        }
        if (deletesNames &&
            (u.type == PeArpDnsMessage::TYPE_SRV || u.type == PeArpDnsMessage::TYPE_ANY))
        {
            for (const auto& r : zoneSrvOf(u.name))
            {
                checked.push_back(r); // deleted with the RRset or the name
            }
        }
        if (u.type == PeArpDnsMessage::TYPE_A ||
            (deletesNames && u.type == PeArpDnsMessage::TYPE_ANY))
        {
            for (const auto& r : zoneSrvTargeting(u.name))
            {
                checked.push_back(r); // the name's address changes under them
            }
        }
        for (const auto& srv : checked)
        {
            std::string why = ownsSrv(srv);
            if (!why.empty())
            {
                return why;
            }
        }
    }
    return "";
}

} // namespace ns3
