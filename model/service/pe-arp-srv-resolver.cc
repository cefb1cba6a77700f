/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-srv-resolver.h"

#include "pe-arp-dns-tsig.h"

#include "ns3/inet-socket-address.h"
#include "ns3/ipv4-address.h"
#include "ns3/ipv4.h"
#include "ns3/log.h"
#include "ns3/node.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-port-agent.h"
#include "ns3/random-variable-stream.h"
#include "ns3/simulator.h"
#include "ns3/socket.h"
#include "ns3/udp-socket-factory.h"
#include "ns3/uinteger.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpSrvResolver");

NS_OBJECT_ENSURE_REGISTERED(PeArpSrvResolver);

using Rr = PeArpDnsMessage::ResourceRecord; //!< shorthand

TypeId
PeArpSrvResolver::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpSrvResolver")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpSrvResolver>()
            .AddAttribute("Server",
                          "Address of the DNS server.",
                          Ipv4AddressValue(Ipv4Address("127.0.0.1")),
                          MakeIpv4AddressAccessor(&PeArpSrvResolver::m_server),
                          MakeIpv4AddressChecker())
            .AddAttribute("Port",
                          "UDP port of the DNS server.",
                          UintegerValue(53),
                          MakeUintegerAccessor(&PeArpSrvResolver::m_port),
                          MakeUintegerChecker<uint16_t>(1, 65535))
            .AddAttribute("Timeout",
                          "Time to wait for a response before retransmitting.",
                          TimeValue(Seconds(2)),
                          MakeTimeAccessor(&PeArpSrvResolver::m_timeout),
                          MakeTimeChecker(MilliSeconds(1)))
            .AddAttribute("Retries",
                          "Retransmissions of a request before it fails with TIMEOUT.",
                          UintegerValue(2),
                          MakeUintegerAccessor(&PeArpSrvResolver::m_retries),
                          MakeUintegerChecker<uint32_t>(0, 100))
            .AddAttribute("TsigFudge",
                          "Fudge, in seconds, of the TSIG RR of signed UPDATEs (RFC 8945).",
                          UintegerValue(PeArpDnsTsig::DEFAULT_FUDGE),
                          MakeUintegerAccessor(&PeArpSrvResolver::m_tsigFudge),
                          MakeUintegerChecker<uint16_t>(0, 65535))
            .AddAttribute("TsigClockOffset",
                          "Added to the simulation time to give the TSIG clock (seconds "
                          "since the epoch); a different offset than the server's is clock skew.",
                          TimeValue(Seconds(0)),
                          MakeTimeAccessor(&PeArpSrvResolver::m_tsigClockOffset),
                          MakeTimeChecker(Seconds(0)))
            .AddTraceSource("Tx",
                            "A DNS request sent (retransmissions included).",
                            MakeTraceSourceAccessor(&PeArpSrvResolver::m_txTrace),
                            "ns3::PeArpSrvResolver::MessageTracedCallback")
            .AddTraceSource("Rx",
                            "A DNS response accepted.",
                            MakeTraceSourceAccessor(&PeArpSrvResolver::m_rxTrace),
                            "ns3::PeArpSrvResolver::MessageTracedCallback");
    return tid;
}

PeArpSrvResolver::PeArpSrvResolver()
    : m_port(53),
      m_retries(2),
      m_requestsSent(0),
      m_retransmissions(0),
      m_ignored(0),
      m_tsigFailures(0),
      m_tsigFudge(PeArpDnsTsig::DEFAULT_FUDGE)
{
    NS_LOG_FUNCTION(this);
    m_rng = CreateObject<UniformRandomVariable>();
}

PeArpSrvResolver::~PeArpSrvResolver()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpSrvResolver::DoDispose()
{
    NS_LOG_FUNCTION(this);
    for (auto& p : m_pending)
    {
        p.second.timeout.Cancel();
    }
    m_pending.clear();
    if (m_socket)
    {
        m_socket->SetRecvCallback(MakeNullCallback<void, Ptr<Socket>>());
        m_socket->Close();
        m_socket = nullptr;
    }
    m_node = nullptr;
    m_rng = nullptr;
    m_tsigSecret.clear();
    Object::DoDispose();
}

void
PeArpSrvResolver::NotifyNewAggregate()
{
    NS_LOG_FUNCTION(this);
    if (!m_node)
    {
        Ptr<Node> node = GetObject<Node>();
        if (node)
        {
            m_node = node;
        }
    }
    Object::NotifyNewAggregate();
}

void
PeArpSrvResolver::SetNode(Ptr<Node> node)
{
    NS_LOG_FUNCTION(this << node);
    m_node = node;
}

int64_t
PeArpSrvResolver::AssignStreams(int64_t stream)
{
    NS_LOG_FUNCTION(this << stream);
    m_rng->SetStream(stream);
    return 1;
}

uint64_t
PeArpSrvResolver::GetRequestsSent() const
{
    return m_requestsSent;
}

uint64_t
PeArpSrvResolver::GetRetransmissions() const
{
    return m_retransmissions;
}

uint64_t
PeArpSrvResolver::GetIgnoredResponses() const
{
    return m_ignored;
}

void
PeArpSrvResolver::SetTsigKey(const std::string& name, const std::vector<uint8_t>& secret)
{
    NS_LOG_FUNCTION(this << name);
    NS_ABORT_MSG_UNLESS(PeArpDnsMessage::IsValidName(name) && !name.empty(),
                        "PeArpSrvResolver::SetTsigKey: invalid key name '" << name << "'");
    m_tsigKeyName = name;
    m_tsigSecret = secret;
}

void
PeArpSrvResolver::ClearTsigKey()
{
    NS_LOG_FUNCTION(this);
    m_tsigKeyName.clear();
    m_tsigSecret.clear();
}

uint64_t
PeArpSrvResolver::GetTsigFailures() const
{
    return m_tsigFailures;
}

std::string
PeArpSrvResolver::Lower(const std::string& name)
{
    std::string out = name;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
        return std::tolower(c);
    });
    if (!out.empty() && out.back() == '.')
    {
        out.pop_back();
    }
    return out;
}

std::string
PeArpSrvResolver::ServiceName(const std::string& service,
                              const std::string& proto,
                              const std::string& name)
{
    auto underscore = [](const std::string& s) {
        return (!s.empty() && s[0] == '_') ? s : "_" + s;
    };
    return underscore(service) + "." + underscore(proto) + "." + name;
}

std::string
PeArpSrvResolver::StatusToString(Status status)
{
    switch (status)
    {
    case OK:
        return "ok";
    case NXDOMAIN:
        return "nxdomain";
    case NO_RECORDS:
        return "no-records";
    case NO_ADDRESS:
        return "no-address";
    case TIMEOUT:
        return "timeout";
    case SERVER_ERROR:
        return "server-error";
    case PORT_NOT_OWNED:
        return "port-not-owned";
    case BAD_NAME:
        return "bad-name";
    }
    return "unknown";
}

std::vector<Rr>
PeArpSrvResolver::OrderSrv(std::vector<Rr> records, Ptr<UniformRandomVariable> rng)
{
    std::stable_sort(records.begin(), records.end(), [](const Rr& a, const Rr& b) {
        return a.priority < b.priority;
    });
    std::vector<Rr> out;
    size_t i = 0;
    while (i < records.size())
    {
        size_t j = i;
        while (j < records.size() && records[j].priority == records[i].priority)
        {
            j++;
        }
        // RFC 2782: weight-0 records first, then select by running sum.
        std::vector<Rr> group(records.begin() + i, records.begin() + j);
        std::stable_partition(group.begin(), group.end(), [](const Rr& r) {
            return r.weight == 0;
        });
        while (!group.empty())
        {
            uint32_t total = 0;
            for (const auto& r : group)
            {
                total += r.weight;
            }
            uint32_t pick = static_cast<uint32_t>(rng->GetValue() * (total + 1));
            pick = std::min(pick, total);
            uint32_t sum = 0;
            size_t chosen = group.size() - 1;
            for (size_t k = 0; k < group.size(); k++)
            {
                sum += group[k].weight;
                if (sum >= pick)
                {
                    chosen = k;
                    break;
                }
            }
            out.push_back(group[chosen]);
            group.erase(group.begin() + chosen);
        }
        i = j;
    }
    return out;
}

void
PeArpSrvResolver::Transact(PeArpDnsMessage request,
                           Callback<void, bool, const PeArpDnsMessage&> onResponse)
{
    NS_LOG_FUNCTION(this);
    NS_ABORT_MSG_IF(!m_node, "PeArpSrvResolver: no node (aggregate it or call SetNode)");
    if (!m_socket)
    {
        m_socket = Socket::CreateSocket(m_node, UdpSocketFactory::GetTypeId());
        NS_ABORT_MSG_IF(m_socket->Bind() != 0, "PeArpSrvResolver: cannot bind a UDP port");
        m_socket->SetRecvCallback(MakeCallback(&PeArpSrvResolver::HandleRead, this));
    }
    uint16_t id;
    do
    {
        id = static_cast<uint16_t>(m_rng->GetInteger(0, 65535));
    } while (m_pending.count(id));
    request.SetId(id);
    Transaction& t = m_pending[id];
    if (!m_tsigKeyName.empty() && request.GetOpcode() == PeArpDnsMessage::OPCODE_UPDATE)
    {
        uint64_t now = static_cast<uint64_t>((Simulator::Now() + m_tsigClockOffset).GetSeconds());
        request = PeArpDnsTsig::Sign(request, m_tsigKeyName, m_tsigSecret, now, m_tsigFudge);
        t.requestMac = PeArpDnsTsig::FromResourceRecord(request.GetAdditional().back())->mac;
    }
    t.request = request;
    t.triesLeft = m_retries;
    t.onResponse = onResponse;
    Send(id);
}

void
PeArpSrvResolver::Send(uint16_t id)
{
    NS_LOG_FUNCTION(this << id);
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        return;
    }
    Ptr<Packet> packet = Create<Packet>();
    packet->AddHeader(it->second.request);
    m_requestsSent++;
    m_txTrace(it->second.request);
    // Arm the timeout first: with the server on this node the answer is
    // delivered, and the transaction erased, inside SendTo.
    it->second.timeout = Simulator::Schedule(m_timeout, &PeArpSrvResolver::HandleTimeout, this, id);
    m_socket->SendTo(packet, 0, InetSocketAddress(m_server, m_port));
}

void
PeArpSrvResolver::HandleTimeout(uint16_t id)
{
    NS_LOG_FUNCTION(this << id);
    auto it = m_pending.find(id);
    if (it == m_pending.end())
    {
        return;
    }
    if (it->second.triesLeft > 0)
    {
        it->second.triesLeft--;
        m_retransmissions++;
        Send(id);
        return;
    }
    Callback<void, bool, const PeArpDnsMessage&> cb = it->second.onResponse;
    PeArpDnsMessage request = it->second.request;
    m_pending.erase(it);
    NS_LOG_INFO("request " << id << " timed out");
    cb(false, request);
}

void
PeArpSrvResolver::HandleRead(Ptr<Socket> socket)
{
    NS_LOG_FUNCTION(this << socket);
    Address from;
    Ptr<Packet> packet;
    while ((packet = socket->RecvFrom(from)))
    {
        PeArpDnsMessage response;
        InetSocketAddress source = InetSocketAddress::ConvertFrom(from);
        // PeekHeader: a RemoveHeader that reads nothing breaks enabled metadata.
        if (packet->PeekHeader(response) == 0 || !response.IsResponse() ||
            source.GetIpv4() != m_server || source.GetPort() != m_port)
        {
            m_ignored++;
            continue;
        }
        auto it = m_pending.find(response.GetId());
        if (it == m_pending.end())
        {
            m_ignored++;
            continue;
        }
        // RFC 5452: the question must be the one asked.
        const auto& asked = it->second.request.GetQuestions();
        const auto& got = response.GetQuestions();
        if (asked.size() != got.size() ||
            (!asked.empty() && (!PeArpDnsMessage::NamesEqual(asked[0].name, got[0].name) ||
                                asked[0].type != got[0].type)))
        {
            m_ignored++;
            continue;
        }
        if (it->second.requestMac && response.GetRcode() == PeArpDnsMessage::NOERROR)
        {
            // RFC 8945 section 5.3: the response's MAC covers the request's.
            std::vector<uint8_t> wire(packet->GetSize());
            packet->CopyData(wire.data(), wire.size());
            uint64_t now =
                static_cast<uint64_t>((Simulator::Now() + m_tsigClockOffset).GetSeconds());
            PeArpDnsTsig::Verification v =
                PeArpDnsTsig::Verify(wire,
                                     response,
                                     {{PeArpDnsTsig::KeyRingName(m_tsigKeyName), m_tsigSecret}},
                                     now,
                                     it->second.requestMac);
            if (v.outcome != PeArpDnsTsig::VERIFIED)
            {
                NS_LOG_INFO("response " << response.GetId() << " ignored: TSIG "
                                        << PeArpDnsTsig::OutcomeToString(v.outcome));
                m_tsigFailures++;
                m_ignored++;
                continue;
            }
        }
        it->second.timeout.Cancel();
        Callback<void, bool, const PeArpDnsMessage&> cb = it->second.onResponse;
        m_pending.erase(it);
        m_rxTrace(response);
        cb(true, response);
    }
}

void
PeArpSrvResolver::Resolve(const std::string& service,
                          const std::string& proto,
                          const std::string& name,
                          ResolveCallback callback)
{
    NS_LOG_FUNCTION(this << service << proto << name);
    std::string qname = ServiceName(service, proto, name);
    auto job = std::make_shared<Job>();
    job->callback = callback;
    if (!PeArpDnsMessage::IsValidName(qname))
    {
        Simulator::ScheduleNow([callback]() { callback(BAD_NAME, std::vector<Target>()); });
        return;
    }
    PeArpDnsMessage query;
    query.SetOpcode(PeArpDnsMessage::OPCODE_QUERY);
    query.SetRecursionDesired(true);
    PeArpDnsMessage::Question q;
    q.name = qname;
    q.type = PeArpDnsMessage::TYPE_SRV;
    query.AddQuestion(q);
    Transact(query,
             Callback<void, bool, const PeArpDnsMessage&>(
                 [this, job](bool ok, const PeArpDnsMessage& r) { OnSrvResponse(job, ok, r); }));
}

void
PeArpSrvResolver::OnSrvResponse(std::shared_ptr<Job> job, bool ok, const PeArpDnsMessage& response)
{
    NS_LOG_FUNCTION(this << ok);
    std::vector<Target> none;
    if (!ok)
    {
        job->callback(TIMEOUT, none);
        return;
    }
    if (response.GetRcode() == PeArpDnsMessage::NXDOMAIN)
    {
        job->callback(NXDOMAIN, none);
        return;
    }
    if (response.GetRcode() != PeArpDnsMessage::NOERROR)
    {
        job->callback(SERVER_ERROR, none);
        return;
    }
    const std::string qname = response.GetQuestions()[0].name;
    std::vector<Rr> srv;
    for (const auto& rr : response.GetAnswers())
    {
        // "." as target: the service is decidedly not available (RFC 2782)
        if (rr.type == PeArpDnsMessage::TYPE_SRV && rr.hasRdata &&
            PeArpDnsMessage::NamesEqual(rr.name, qname) && !rr.target.empty())
        {
            srv.push_back(rr);
        }
    }
    if (srv.empty())
    {
        job->callback(NO_RECORDS, none);
        return;
    }
    job->ordered = OrderSrv(srv, m_rng);
    for (const auto& rr : response.GetAdditional())
    {
        if (rr.type == PeArpDnsMessage::TYPE_A && rr.hasRdata)
        {
            job->addresses.emplace(Lower(rr.name), rr.address);
        }
    }
    std::vector<std::string> missing;
    for (const auto& rr : job->ordered)
    {
        std::string t = Lower(rr.target);
        if (!job->addresses.count(t) &&
            std::find(missing.begin(), missing.end(), t) == missing.end())
        {
            missing.push_back(t);
        }
    }
    if (missing.empty())
    {
        Finish(job);
        return;
    }
    job->pending = missing.size();
    for (const auto& t : missing)
    {
        PeArpDnsMessage query;
        query.SetOpcode(PeArpDnsMessage::OPCODE_QUERY);
        query.SetRecursionDesired(true);
        PeArpDnsMessage::Question q;
        q.name = t;
        q.type = PeArpDnsMessage::TYPE_A;
        query.AddQuestion(q);
        Transact(
            query,
            Callback<void, bool, const PeArpDnsMessage&>(
                [this, job, t](bool ok, const PeArpDnsMessage& r) { OnAResponse(job, t, ok, r); }));
    }
}

void
PeArpSrvResolver::OnAResponse(std::shared_ptr<Job> job,
                              std::string target,
                              bool ok,
                              const PeArpDnsMessage& response)
{
    NS_LOG_FUNCTION(this << target << ok);
    if (ok && response.GetRcode() == PeArpDnsMessage::NOERROR)
    {
        for (const auto& rr : response.GetAnswers())
        {
            if (rr.type == PeArpDnsMessage::TYPE_A && rr.hasRdata &&
                PeArpDnsMessage::NamesEqual(rr.name, target))
            {
                job->addresses.emplace(target, rr.address);
                break;
            }
        }
    }
    if (--job->pending == 0)
    {
        Finish(job);
    }
}

void
PeArpSrvResolver::Finish(std::shared_ptr<Job> job)
{
    NS_LOG_FUNCTION(this);
    std::vector<Target> targets;
    for (const auto& rr : job->ordered)
    {
        auto it = job->addresses.find(Lower(rr.target));
        if (it == job->addresses.end())
        {
            continue;
        }
        Target t;
        t.host = rr.target;
        t.address = it->second;
        t.port = rr.port;
        t.priority = rr.priority;
        t.weight = rr.weight;
        t.ttl = rr.ttl;
        targets.push_back(t);
    }
    job->callback(targets.empty() ? NO_ADDRESS : OK, targets);
}

void
PeArpSrvResolver::SendUpdate(const std::string& zone,
                             const std::vector<Rr>& updates,
                             RegisterCallback callback)
{
    NS_LOG_FUNCTION(this << zone);
    bool valid = PeArpDnsMessage::IsValidName(zone);
    for (const auto& u : updates)
    {
        valid = valid && PeArpDnsMessage::IsValidName(u.name) &&
                (u.type != PeArpDnsMessage::TYPE_SRV || PeArpDnsMessage::IsValidName(u.target));
    }
    if (!valid)
    {
        Simulator::ScheduleNow([callback]() { callback(BAD_NAME, PeArpDnsMessage::FORMERR); });
        return;
    }
    PeArpDnsMessage update;
    update.SetOpcode(PeArpDnsMessage::OPCODE_UPDATE);
    PeArpDnsMessage::Question z;
    z.name = zone;
    z.type = PeArpDnsMessage::TYPE_SOA;
    update.AddQuestion(z);
    for (const auto& u : updates)
    {
        update.AddAuthority(u);
    }
    Transact(
        update,
        Callback<void, bool, const PeArpDnsMessage&>([callback](bool ok, const PeArpDnsMessage& r) {
            if (!ok)
            {
                callback(TIMEOUT, PeArpDnsMessage::SERVFAIL);
                return;
            }
            callback(r.GetRcode() == PeArpDnsMessage::NOERROR ? OK : SERVER_ERROR, r.GetRcode());
        }));
}

void
PeArpSrvResolver::Register(const std::string& service,
                           const std::string& proto,
                           const std::string& name,
                           const std::string& hostName,
                           Ipv4Address address,
                           uint16_t port,
                           uint32_t ttl,
                           RegisterCallback callback,
                           uint16_t priority,
                           uint16_t weight)
{
    NS_LOG_FUNCTION(this << service << proto << name << hostName << address << port << ttl);
    std::string owner = ServiceName(service, proto, name);
    SendUpdate(name,
               {PeArpDnsMessage::MakeSrv(owner, priority, weight, port, hostName, ttl),
                PeArpDnsMessage::MakeA(hostName, address, ttl)},
               callback);
}

void
PeArpSrvResolver::RegisterLocalService(const std::string& service,
                                       const std::string& proto,
                                       const std::string& name,
                                       const std::string& hostName,
                                       uint16_t port,
                                       uint32_t ttl,
                                       RegisterCallback callback,
                                       uint16_t priority,
                                       uint16_t weight)
{
    NS_LOG_FUNCTION(this << service << proto << name << hostName << port);
    NS_ABORT_MSG_IF(!m_node, "PeArpSrvResolver: no node (aggregate it or call SetNode)");
    Ptr<Ipv4> ipv4 = m_node->GetObject<Ipv4>();
    Ipv4Address address = Ipv4Address::GetAny();
    for (uint32_t i = 0; ipv4 && i < ipv4->GetNInterfaces() && address.IsAny(); i++)
    {
        for (uint32_t j = 0; j < ipv4->GetNAddresses(i); j++)
        {
            Ipv4Address a = ipv4->GetAddress(i, j).GetLocal();
            if (!a.IsLocalhost())
            {
                address = a;
                break;
            }
        }
    }
    Ptr<PeArpPortAgent> agent = m_node->GetObject<PeArpPortAgent>();
    if (address.IsAny() || (agent && !agent->OwnsPort(address, port)))
    {
        NS_LOG_INFO("port " << port << " of " << address << " is not this host's");
        Simulator::ScheduleNow(
            [callback]() { callback(PORT_NOT_OWNED, PeArpDnsMessage::REFUSED); });
        return;
    }
    Register(service, proto, name, hostName, address, port, ttl, callback, priority, weight);
}

void
PeArpSrvResolver::Unregister(const std::string& service,
                             const std::string& proto,
                             const std::string& name,
                             const std::string& hostName,
                             uint16_t port,
                             RegisterCallback callback,
                             uint16_t priority,
                             uint16_t weight)
{
    NS_LOG_FUNCTION(this << service << proto << name << hostName << port);
    std::string owner = ServiceName(service, proto, name);
    SendUpdate(name,
               {PeArpDnsMessage::MakeDeleteRr(
                   PeArpDnsMessage::MakeSrv(owner, priority, weight, port, hostName, 0))},
               callback);
}

} // namespace ns3
