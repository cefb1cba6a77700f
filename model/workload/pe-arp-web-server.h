/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_WEB_SERVER_H
#define PE_ARP_WEB_SERVER_H

#include "ns3/application.h"
#include "ns3/ptr.h"

#include <map>

namespace ns3
{

class Socket;
class Address;

/**
 * \ingroup pe-arp
 * \brief The server of ns3::PeArpWebClient: on each connection it reads an
 * 8-byte request ("GET " and a 32-bit big-endian size), sends that many
 * bytes, and closes when the client has closed (so that TIME_WAIT stays
 * with the client). A request whose first four bytes are not "GET " is
 * counted and its connection closed.
 */
class PeArpWebServer : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpWebServer();
    ~PeArpWebServer() override;
    PeArpWebServer(const PeArpWebServer&) = delete;
    PeArpWebServer& operator=(const PeArpWebServer&) = delete;

    /** \return connections accepted */
    uint64_t GetAccepted() const;
    /** \return objects sent completely */
    uint64_t GetServed() const;
    /** \return requests that were not requests */
    uint64_t GetBadRequests() const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * \param socket a new connection
     * \param from the client
     */
    void Accept(Ptr<Socket> socket, const Address& from);
    /**
     * \param socket a connection with data
     */
    void Receive(Ptr<Socket> socket);
    /**
     * \param socket a connection with room to send
     * \param available bytes of room
     */
    void Send(Ptr<Socket> socket, uint32_t available);
    /**
     * \param socket a connection the client closed
     */
    void Closed(Ptr<Socket> socket);

    /** One connection. */
    struct Connection
    {
        Ptr<Socket> socket;     //!< the socket
        uint8_t request[8];     //!< request bytes
        uint32_t have = 0;      //!< request bytes so far
        uint32_t toSend = 0;    //!< bytes left to send
        bool answering = false; //!< the request is complete
    };

    uint16_t m_port;                             //!< listening port
    Ptr<Socket> m_listener;                      //!< listening socket
    std::map<Socket*, Connection> m_connections; //!< open connections
    uint64_t m_accepted;                         //!< counter
    uint64_t m_served;                           //!< counter
    uint64_t m_badRequests;                      //!< counter
};

} // namespace ns3

#endif /* PE_ARP_WEB_SERVER_H */
