/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_ECHO_RESPONDER_H
#define PE_ARP_ECHO_RESPONDER_H

#include "ns3/object.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Answers ICMP echo requests for a shared address on behalf of the
 * hosts that share it, at the edge (a PE-ARP router's interface or a
 * PE-Bridge). A ping from outside then shows that the address is alive
 * without choosing one of its hosts (the alternative is PeArpL3Protocol's
 * DefaultPort).
 */
class PeArpEchoResponder : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpEchoResponder();
    ~PeArpEchoResponder() override;
    PeArpEchoResponder(const PeArpEchoResponder&) = delete;
    PeArpEchoResponder& operator=(const PeArpEchoResponder&) = delete;

    /**
     * The reply to send back, without an IPv4 header (for a node that routes
     * it with its own IPv4).
     * \param request the echo request, IPv4 header included
     * \return the ICMP echo reply
     */
    Ptr<Packet> AnswerMessage(Ptr<const Packet> request);

    /**
     * The reply to send back as a whole IPv4 datagram (for a node without
     * IPv4 on the path, such as a PE-Bridge).
     * \param request the echo request, IPv4 header included
     * \return the IPv4 datagram
     */
    Ptr<Packet> AnswerDatagram(Ptr<const Packet> request);

    /** \return the echo requests answered so far */
    uint64_t GetAnswered() const;

    /**
     * What an edge device's AnswerEcho attribute does, in one place: keep
     * the current responder (and its count) if echoes are to be answered
     * and there is one, create one if there is none, or drop it.
     * \param current the device's responder, or null
     * \param answer true to answer echo requests
     * \return the device's new responder, or null
     */
    static Ptr<PeArpEchoResponder> Configure(Ptr<PeArpEchoResponder> current, bool answer);

    /**
     * \param responder a device's responder, or null (AnswerEcho false)
     * \return the echo requests it answered, 0 if there is none
     */
    static uint64_t AnsweredBy(Ptr<const PeArpEchoResponder> responder);

  private:
    /**
     * Count and trace an answered request.
     * \param request the request
     */
    void Count(Ptr<const Packet> request);

    uint64_t m_answered;                             //!< counter
    TracedCallback<Ptr<const Packet>> m_answerTrace; //!< Answer trace
};

} // namespace ns3

#endif /* PE_ARP_ECHO_RESPONDER_H */
