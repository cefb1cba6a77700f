/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DHCP_STARVER_H
#define PE_ARP_DHCP_STARVER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/net-device.h"
#include "ns3/nstime.h"
#include "ns3/random-variable-stream.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief DHCP starvation of the port-set pool: an application on a
 * compromised LAN host that broadcasts DHCP DISCOVERs, each from a new
 * forged client MAC (locally administered, drawn at random), every
 * Interval, on its raw link device (IPv4 from 0.0.0.0 to
 * 255.255.255.255, UDP 68 to 67). Every DISCOVER holds one (address, port
 * set) of the server's pool for the server's OfferHold, so that hosts
 * booting later find the pool full. (It does not complete the exchange
 * with REQUESTs; ns3::PeArpDhcpServer's MaxPendingOffers defends against
 * exactly this attack.)
 */
class PeArpDhcpStarver : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpDhcpStarver();
    ~PeArpDhcpStarver() override;
    PeArpDhcpStarver(const PeArpDhcpStarver&) = delete;
    PeArpDhcpStarver& operator=(const PeArpDhcpStarver&) = delete;

    /** \param device the link device (default: the node's first Ethernet-like device) */
    void SetDevice(Ptr<NetDevice> device);
    /** \return DISCOVERs sent */
    uint64_t GetSent() const;
    /**
     * \param stream first random variable stream
     * \return streams used
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    /** Send one DISCOVER and schedule the next. */
    void Send();

    Time m_interval;                  //!< Interval attribute
    uint32_t m_count;                 //!< Count attribute (0: until stopped)
    Ptr<NetDevice> m_device;          //!< where the frames go out
    Ptr<UniformRandomVariable> m_rng; //!< forged MACs and transaction ids
    uint64_t m_sent;                  //!< DISCOVERs sent
    EventId m_event;                  //!< next DISCOVER
};

} // namespace ns3

#endif /* PE_ARP_DHCP_STARVER_H */
