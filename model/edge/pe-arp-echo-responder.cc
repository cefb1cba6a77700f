/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "pe-arp-echo-responder.h"

#include "ns3/log.h"
#include "ns3/pe-arp-ipv4.h"

namespace ns3
{

NS_LOG_COMPONENT_DEFINE("PeArpEchoResponder");

NS_OBJECT_ENSURE_REGISTERED(PeArpEchoResponder);

TypeId
PeArpEchoResponder::GetTypeId()
{
    static TypeId tid =
        TypeId("ns3::PeArpEchoResponder")
            .SetParent<Object>()
            .SetGroupName("PeArp")
            .AddConstructor<PeArpEchoResponder>()
            .AddTraceSource("Answer",
                            "An echo request for a shared address was answered by the edge.",
                            MakeTraceSourceAccessor(&PeArpEchoResponder::m_answerTrace),
                            "ns3::Packet::TracedCallback");
    return tid;
}

PeArpEchoResponder::PeArpEchoResponder()
    : m_answered(0)
{
    NS_LOG_FUNCTION(this);
}

PeArpEchoResponder::~PeArpEchoResponder()
{
    NS_LOG_FUNCTION(this);
}

void
PeArpEchoResponder::Count(Ptr<const Packet> request)
{
    m_answered++;
    m_answerTrace(request);
}

Ptr<Packet>
PeArpEchoResponder::AnswerMessage(Ptr<const Packet> request)
{
    NS_LOG_FUNCTION(this << request);
    Count(request);
    return PeArpIpv4::MakeEchoReply(request);
}

Ptr<Packet>
PeArpEchoResponder::AnswerDatagram(Ptr<const Packet> request)
{
    NS_LOG_FUNCTION(this << request);
    Count(request);
    return PeArpIpv4::MakeEchoReplyDatagram(request);
}

uint64_t
PeArpEchoResponder::GetAnswered() const
{
    return m_answered;
}

Ptr<PeArpEchoResponder>
PeArpEchoResponder::Configure(Ptr<PeArpEchoResponder> current, bool answer)
{
    NS_LOG_FUNCTION(current << answer);
    if (!answer)
    {
        return nullptr;
    }
    return current ? current : CreateObject<PeArpEchoResponder>();
}

uint64_t
PeArpEchoResponder::AnsweredBy(Ptr<const PeArpEchoResponder> responder)
{
    return responder ? responder->GetAnswered() : 0;
}

} // namespace ns3
