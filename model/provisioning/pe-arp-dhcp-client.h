/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DHCP_CLIENT_H
#define PE_ARP_DHCP_CLIENT_H

#include "pe-arp-dhcp-header.h"

#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/pe-arp-port-set.h"
#include "ns3/random-variable-stream.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

namespace ns3
{

class PeArpNetDevice;

/**
 * \ingroup pe-arp
 * \brief The DHCP client of a PE-ARP host: obtains a shared address and its
 * port set together (RFC 2131, RFC 7618 option 159) and configures the
 * host's PE-ARP interface, port agent and default route with them.
 *
 * INIT -> DISCOVER -> OFFER -> REQUEST -> ACK (bound); at T1 a REQUEST
 * renews the lease, which keeps the address and port set; a NAK starts
 * over; unanswered messages are sent again after RetransmissionInterval.
 * On stop the lease is released (ReleaseOnStop). The client always asks for
 * broadcast replies, since port 68 of a shared address belongs to no host.
 */
class PeArpDhcpClient : public Application
{
  public:
    /** Where the client stands. */
    enum State
    {
        INIT,       //!< not started, or starting over
        SELECTING,  //!< DISCOVER sent
        REQUESTING, //!< REQUEST sent for an offer
        BOUND,      //!< lease held
        RENEWING,   //!< REQUEST sent to renew
    };

    /**
     * TracedCallback signature for a lease obtained or renewed.
     * \param [in] address the address
     * \param [in] ports the port set
     */
    typedef void (*BoundTracedCallback)(Ipv4Address address, const PeArpPortSet& ports);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpDhcpClient();
    ~PeArpDhcpClient() override;
    PeArpDhcpClient(const PeArpDhcpClient&) = delete;
    PeArpDhcpClient& operator=(const PeArpDhcpClient&) = delete;

    /**
     * \param device the PE-ARP interface to configure (on a PE-ARP host)
     */
    void SetDevice(Ptr<PeArpNetDevice> device);

    /** \return the state */
    State GetState() const;
    /** \return the leased address (0.0.0.0 if none) */
    Ipv4Address GetAddress() const;
    /** \return the leased port set (empty if none) */
    PeArpPortSet GetPortSet() const;
    /** \return the leased PSID */
    uint16_t GetPsid() const;
    /** \return leases obtained (ACK out of REQUESTING) */
    uint32_t GetLeases() const;
    /** \return renewals acknowledged */
    uint32_t GetRenewals() const;
    /** \return NAKs received */
    uint32_t GetNaks() const;
    /** \return leases that ran out without a renewal */
    uint32_t GetExpiries() const;
    /** \return messages sent */
    uint32_t GetMessagesSent() const;

    /**
     * Assign a fixed random variable stream number to the random variables
     * used by this model.
     * \param stream first stream index to use
     * \return the number of stream indices assigned by this model
     */
    int64_t AssignStreams(int64_t stream);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** Start over: send a DISCOVER. */
    void Discover();
    /**
     * Send a message to the server (broadcast).
     * \param type DISCOVER, REQUEST or RELEASE
     */
    void Send(PeArpDhcpHeader::MessageType type);
    /** No answer in time: send again. */
    void Retransmit();
    /** T1: renew the lease. */
    void Renew();
    /** The lease ran out without a renewal: give it up and start over. */
    void Expire();
    /**
     * Read datagrams.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * Configure the host with an acknowledged lease.
     * \param ack the ACK
     */
    void Configure(const PeArpDhcpHeader& ack);
    /** Remove the leased address and port set from the host. */
    void Unconfigure();
    /**
     * Add or remove the address 0.0.0.0/0 that lets the interface send
     * before it has an address.
     * \param present add (true) or remove (false)
     */
    void SetUnconfiguredAddress(bool present);

    Ptr<PeArpNetDevice> m_device;        //!< the interface
    Ptr<Socket> m_socket;                //!< UDP socket on port 68
    State m_state;                       //!< state
    uint32_t m_xid;                      //!< current transaction id
    Ipv4Address m_offered;               //!< address offered / leased
    Ipv4Address m_server;                //!< server identifier
    Ipv4Address m_address;               //!< configured address
    PeArpPortSet m_ports;                //!< configured port set
    uint16_t m_psid;                     //!< leased PSID
    EventId m_timer;                     //!< retransmission or renewal
    EventId m_expiry;                    //!< end of the lease
    Time m_retransmission;               //!< RetransmissionInterval attribute
    bool m_releaseOnStop;                //!< ReleaseOnStop attribute
    Ptr<UniformRandomVariable> m_random; //!< transaction ids
    uint32_t m_leases;                   //!< counter
    uint32_t m_renewals;                 //!< counter
    uint32_t m_naks;                     //!< counter
    uint32_t m_expiries;                 //!< counter
    uint32_t m_sent;                     //!< counter
    TracedCallback<Ipv4Address, const PeArpPortSet&> m_boundTrace; //!< Bound trace
};

} // namespace ns3

#endif /* PE_ARP_DHCP_CLIENT_H */
