/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_SCANNER_H
#define PE_ARP_PORT_SCANNER_H

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/socket.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A port scan from the Internet: one small UDP datagram to each port
 * FirstPort..LastPort of Address, Rate datagrams per second. At a PE-ARP
 * router every unowned port is a miss that could create a table entry and
 * LAN broadcasts; the cache's bounds (MaxUnresolvedPerAddress,
 * RequestRate) are what keep it in check.
 */
class PeArpPortScanner : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpPortScanner();
    ~PeArpPortScanner() override;
    PeArpPortScanner(const PeArpPortScanner&) = delete;
    PeArpPortScanner& operator=(const PeArpPortScanner&) = delete;

    /** \return datagrams sent */
    uint64_t GetSent() const;
    /** \return when the last datagram was sent */
    Time GetLastSent() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;
    /** Send to the next port. */
    void Step();

    Ipv4Address m_address; //!< Address attribute
    uint16_t m_firstPort;  //!< FirstPort attribute
    uint16_t m_lastPort;   //!< LastPort attribute
    double m_rate;         //!< Rate attribute (datagrams/s)
    uint32_t m_size;       //!< PacketSize attribute
    Ptr<Socket> m_socket;  //!< UDP socket
    uint32_t m_next;       //!< next port
    uint64_t m_sent;       //!< datagrams sent
    Time m_lastSent;       //!< last send
    EventId m_event;       //!< next send
};

} // namespace ns3

#endif /* PE_ARP_PORT_SCANNER_H */
