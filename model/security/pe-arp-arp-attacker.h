/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_ARP_ATTACKER_H
#define PE_ARP_ARP_ATTACKER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class PeArpHeader;

/**
 * \ingroup pe-arp
 * \brief An attacker on a PE-ARP LAN: an application on a compromised
 * host that sends forged ARP or PE-ARP frames on its link device (the raw
 * device below any PE-ARP interface), every Interval, Count times.
 *
 * Attacks (all frames from the attacker's own MAC):
 * - SPOOF_RANGE: a PE-ARP request from (Address, FirstPort-LastPort) to
 *   Target: a node that learns from requests (the paper, RFC 826) maps the
 *   victim's range to the attacker;
 * - CLAIM_ALL: the same, claiming ports 1-65535 of Address;
 * - GRATUITOUS_REPLY: an unsolicited PE-ARP reply from (Address,
 *   FirstPort-LastPort) to Target at TargetMac;
 * - STANDARD_POISON: a standard ARP request (no extension) from Address
 *   to Target: poisons a node that learns standard ARP for Address (the
 *   shared address at the router, or the router's address at the hosts);
 * - POISON_GATEWAY: a PE-ARP request from (Address, all ports) to
 *   (Target, FirstPort): the host of Target owning FirstPort learns the
 *   gateway's address (Address) at the attacker;
 * - REQUEST_FLOOD: PE-ARP requests to Target from random addresses of
 *   Target's /24 and random 1000-port ranges, to fill tables.
 */
class PeArpArpAttacker : public Application
{
  public:
    /** The attacks. */
    enum Attack
    {
        SPOOF_RANGE,      //!< claim a victim's range in a request
        CLAIM_ALL,        //!< claim ports 1-65535 in a request
        GRATUITOUS_REPLY, //!< unsolicited replies claiming a victim's range
        STANDARD_POISON,  //!< standard ARP claiming an address
        POISON_GATEWAY,   //!< a PE-ARP request claiming all ports of an address
        REQUEST_FLOOD,    //!< requests from random senders
    };

    /**
     * TracedCallback signature for frames sent.
     * \param [in] header the frame
     */
    typedef void (*FrameTracedCallback)(const PeArpHeader& header);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpArpAttacker();
    ~PeArpArpAttacker() override;
    PeArpArpAttacker(const PeArpArpAttacker&) = delete;
    PeArpArpAttacker& operator=(const PeArpArpAttacker&) = delete;

    /**
     * \param device the link device the frames go out on (default: the
     * node's first device with a MAC-48 address that is not loopback)
     */
    void SetDevice(Ptr<NetDevice> device);
    /** \return frames sent */
    uint64_t GetFramesSent() const;
    /**
     * \param stream first random variable stream
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);
    /**
     * \param attack an attack
     * \return its name, e.g. "spoof-range"
     */
    static std::string AttackToString(Attack attack);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    /** Send one frame and schedule the next. */
    void Send();
    /** \return the next frame */
    PeArpHeader MakeFrame();

    Attack m_attack;                              //!< Attack attribute
    Ipv4Address m_address;                        //!< Address attribute
    uint16_t m_firstPort;                         //!< FirstPort attribute
    uint16_t m_lastPort;                          //!< LastPort attribute
    Ipv4Address m_target;                         //!< Target attribute
    Mac48Address m_targetMac;                     //!< TargetMac attribute
    Time m_interval;                              //!< Interval attribute
    uint32_t m_count;                             //!< Count attribute (0: until stopped)
    Ptr<NetDevice> m_device;                      //!< where frames go out
    Ptr<UniformRandomVariable> m_rng;             //!< flood senders
    uint64_t m_sent;                              //!< frames sent
    EventId m_event;                              //!< next frame
    TracedCallback<const PeArpHeader&> m_txTrace; //!< Tx trace
};

} // namespace ns3

#endif /* PE_ARP_ARP_ATTACKER_H */
