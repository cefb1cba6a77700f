/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_EMBEDDED_ADDRESS_SERVER_H
#define PE_ARP_EMBEDDED_ADDRESS_SERVER_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/traced-callback.h"

#include <map>
#include <optional>
#include <string>

namespace ns3
{

class Socket;
class Packet;
class Address;

/**
 * \ingroup pe-arp
 * \brief The server side of an application that embeds its own address in
 * its payload, in the manner of active-mode FTP (RFC 959, section 4.1.2).
 *
 * The server listens on a TCP control port. A client sends one line
 * `PORT h1,h2,h3,h4,p1,p2` (RFC 959: address h1.h2.h3.h4, port p1 * 256 +
 * p2, the address and port the client believes it is reached at) and the
 * server connects back to that endpoint and sends DataBytes bytes.
 *
 * Behind a NAT without an application-level gateway the client announces
 * its private address, and the connection back fails: that is the point of
 * this application in ns3::PeArpComparison. Malformed lines are counted and
 * the control connection is closed; they never crash the server.
 */
class PeArpEmbeddedAddressServer : public Application
{
  public:
    /** The server's counters. */
    struct Counters
    {
        uint64_t commands = 0;          //!< well-formed PORT commands
        uint64_t malformed = 0;         //!< malformed or overlong lines
        uint64_t connectsAttempted = 0; //!< connections back attempted
        uint64_t connectsSucceeded = 0; //!< connections back established
        uint64_t connectsFailed = 0;    //!< refused, unreachable or timed out
        uint64_t bytesSent = 0;         //!< data bytes handed to TCP
    };

    /**
     * TracedCallback signature for a PORT command.
     * \param [in] address the announced address
     * \param [in] port the announced port
     */
    typedef void (*CommandTracedCallback)(Ipv4Address address, uint16_t port);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpEmbeddedAddressServer();
    ~PeArpEmbeddedAddressServer() override;

    /** \return the counters */
    const Counters& GetCounters() const;

    /**
     * Parse a PORT command (without its line end).
     * \param line the line
     * \return the endpoint, or nothing if the line is not a well-formed PORT
     *         command (six decimal numbers 0-255 after "PORT ")
     */
    static std::optional<std::pair<Ipv4Address, uint16_t>> ParsePort(const std::string& line);

    /**
     * Format a PORT command (with its CRLF).
     * \param address the address
     * \param port the port
     * \return the line
     */
    static std::string FormatPort(Ipv4Address address, uint16_t port);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * Accept a control connection.
     * \param socket the new socket
     * \param from the client
     */
    void Accept(Ptr<Socket> socket, const Address& from);
    /**
     * Read from a control connection.
     * \param socket the socket
     */
    void ReadControl(Ptr<Socket> socket);
    /**
     * Connect back to an announced endpoint.
     * \param address the address
     * \param port the port
     */
    void ConnectBack(Ipv4Address address, uint16_t port);
    /**
     * Send what the data socket can take.
     * \param socket the data socket
     * \param available bytes free in its buffer
     */
    void SendData(Ptr<Socket> socket, uint32_t available);
    /**
     * A connection back failed.
     * \param socket the data socket
     */
    void Failed(Ptr<Socket> socket);

    uint16_t m_port;                            //!< control port
    uint32_t m_dataBytes;                       //!< bytes sent on each connection back
    uint32_t m_maxLine;                         //!< longest control line accepted
    Ptr<Socket> m_listener;                     //!< the control listener
    std::map<Ptr<Socket>, std::string> m_lines; //!< partial line of each control connection
    std::map<Ptr<Socket>, uint32_t> m_left;     //!< bytes still to send, per data socket
    Counters m_counters;                        //!< counters
    TracedCallback<Ipv4Address, uint16_t> m_commandTrace; //!< Command trace
};

} // namespace ns3

#endif /* PE_ARP_EMBEDDED_ADDRESS_SERVER_H */
