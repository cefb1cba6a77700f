/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-dns-server.h"

#include "ns3/boolean.h"
#include "ns3/inet-socket-address.h"
#include "ns3/log.h"
#include "ns3/socket.h"
#include "ns3/string.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>

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
                            "ns3::PeArpDnsServer::DropTracedCallback");
    return tid;
}

PeArpDnsServer::PeArpDnsServer()
    : m_port(53),
      m_acceptUpdates(true),
      m_maxUdpSize(512)
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
    Application::DoDispose();
}

void
PeArpDnsServer::StartApplication()
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!PeArpDnsMessage::IsValidName(m_zone) || m_zone.empty(),
                    "PeArpDnsServer: invalid zone '" << m_zone << "'");
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
        std::optional<PeArpDnsMessage> response = Process(request);
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
    if (request.GetOpcode() == PeArpDnsMessage::OPCODE_QUERY)
    {
        m_counters.queries++;
        AnswerQuery(request, response);
    }
    else if (request.GetOpcode() == PeArpDnsMessage::OPCODE_UPDATE)
    {
        m_counters.updates++;
        uint8_t rcode = ApplyUpdate(request);
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
    if (response.GetSerializedSize() > m_maxUdpSize)
    {
        // RFC 1035 section 4.2.1: keep what fits, set TC if answers are lost.
        std::vector<Rr> answers = response.GetAnswers();
        response.ClearRecords();
        for (const auto& rr : answers)
        {
            response.AddAnswer(rr);
        }
        if (response.GetSerializedSize() > m_maxUdpSize)
        {
            response.ClearRecords();
            response.SetTruncated(true);
        }
    }
    return response;
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
PeArpDnsServer::ApplyUpdate(const PeArpDnsMessage& request)
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

} // namespace ns3
