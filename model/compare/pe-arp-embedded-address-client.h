/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_EMBEDDED_ADDRESS_CLIENT_H
#define PE_ARP_EMBEDDED_ADDRESS_CLIENT_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/traced-callback.h"

#include <string>

namespace ns3
{

class Socket;

/**
 * \ingroup pe-arp
 * \brief The client side of an application that embeds its own address in
 * its payload, in the manner of active-mode FTP (see
 * ns3::PeArpEmbeddedAddressServer).
 *
 * The client opens a listening TCP socket on an ephemeral port, connects a
 * control connection to Remote, and announces `PORT h1,h2,h3,h4,p1,p2`: the
 * control connection's local address (what getsockname returns, as an FTP
 * client does) and the listener's port. It then counts the bytes that
 * arrive on the connection the server opens back. It succeeds when
 * ExpectedBytes bytes have arrived.
 *
 * The sockets come from the factory named by SocketFactory, so that the
 * same application runs unmodified over ns-3's TCP, PE-ARP's port-range
 * sockets or a remote-socket factory.
 */
class PeArpEmbeddedAddressClient : public Application
{
  public:
    /** What became of the exchange. */
    enum Outcome
    {
        PENDING,          //!< still running
        SUCCEEDED,        //!< ExpectedBytes arrived on the connection back
        LISTEN_FAILED,    //!< the listener could not bind or listen
        CONTROL_FAILED,   //!< the control connection failed
        NO_LOCAL_ADDRESS, //!< getsockname gave no address or no port
    };

    /**
     * TracedCallback signature for the announcement.
     * \param [in] address the announced address
     * \param [in] port the announced port
     */
    typedef void (*AnnounceTracedCallback)(Ipv4Address address, uint16_t port);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpEmbeddedAddressClient();
    ~PeArpEmbeddedAddressClient() override;

    /** \return the outcome so far */
    Outcome GetOutcome() const;
    /** \return the bytes received on the connection back */
    uint64_t GetReceivedBytes() const;
    /** \return the announced address (0.0.0.0 before the announcement) */
    Ipv4Address GetAnnouncedAddress() const;
    /** \return the announced port (0 before the announcement) */
    uint16_t GetAnnouncedPort() const;
    /** \return when the exchange succeeded (negative if it has not) */
    Time GetCompletionTime() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * The control connection is up: announce.
     * \param socket the control socket
     */
    void Announce(Ptr<Socket> socket);
    /**
     * Accept the connection back.
     * \param socket the new socket
     * \param from the server
     */
    void Accept(Ptr<Socket> socket, const Address& from);
    /**
     * Read the connection back.
     * \param socket the socket
     */
    void Read(Ptr<Socket> socket);

    Address m_remote;               //!< the server's control endpoint
    std::string m_factory;          //!< socket factory TypeId name
    uint64_t m_expected;            //!< bytes that make the exchange a success
    Ptr<Socket> m_listener;         //!< the data listener
    Ptr<Socket> m_control;          //!< the control connection
    Ptr<Socket> m_data;             //!< the connection back
    Outcome m_outcome;              //!< outcome so far
    uint64_t m_received;            //!< bytes received
    Ipv4Address m_announcedAddress; //!< announced address
    uint16_t m_announcedPort;       //!< announced port
    Time m_completion;              //!< when it succeeded
    TracedCallback<Ipv4Address, uint16_t> m_announceTrace; //!< Announce trace
};

} // namespace ns3

#endif /* PE_ARP_EMBEDDED_ADDRESS_CLIENT_H */
