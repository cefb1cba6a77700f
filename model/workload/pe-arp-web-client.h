/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_WEB_CLIENT_H
#define PE_ARP_WEB_CLIENT_H

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/event-id.h"
#include "ns3/nstime.h"
#include "ns3/ptr.h"
#include "ns3/random-variable-stream.h"
#include "ns3/tcp-socket.h"
#include "ns3/traced-callback.h"
#include "ns3/traced-value.h"

#include <map>

namespace ns3
{

class Socket;
class Packet;

/**
 * \ingroup pe-arp
 * \brief A web-like client that opens many short-lived TCP connections:
 * the workload behind "how large a pool of ports does a host need".
 *
 * Pages start as a renewal process (PageInterval; exponential: Poisson).
 * A page has ObjectsPerPage objects, each fetched over a connection of its
 * own (HTTP/1.0 style, the case that needs the most ports), at most
 * MaxConcurrent at a time (browsers open 6 per server); the rest wait. A
 * connection sends an 8-byte request naming the object size
 * (ns3::PeArpWebServer answers with that many bytes), reads the object and
 * closes first, so that its port stays in TIME_WAIT for 2 MSL
 * (ns3::TcpSocketBase::MaxSegLifetime) before it is free again.
 *
 * Every connection binds explicitly; a bind that fails with
 * ERROR_ADDRNOTAVAIL (a PE-ARP host whose port set is exhausted) is counted
 * as an exhaustion and its object dropped. A port is in use from its bind
 * until its socket is CLOSED (after TIME_WAIT); the client counts them, the
 * peak, and their time average.
 */
class PeArpWebClient : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpWebClient();
    ~PeArpWebClient() override;
    PeArpWebClient(const PeArpWebClient&) = delete;
    PeArpWebClient& operator=(const PeArpWebClient&) = delete;

    /**
     * Assign fixed random variable stream numbers.
     * \param stream first stream index
     * \return the number of streams used
     */
    int64_t AssignStreams(int64_t stream);

    /** \return connections tried (binds attempted) */
    uint64_t GetAttempts() const;
    /** \return objects received completely */
    uint64_t GetCompleted() const;
    /** \return connections refused because no port was free */
    uint64_t GetExhausted() const;
    /** \return connections that failed otherwise (refused, reset) */
    uint64_t GetFailed() const;
    /** \return ports in use now */
    uint32_t GetPortsInUse() const;
    /** \return the most ports in use at once */
    uint32_t GetPeakPortsInUse() const;
    /** \return ports in use, averaged over time since the start */
    double GetMeanPortsInUse() const;
    /** \return the mean time from bind to completed object (s), 0 if none */
    double GetMeanConnectionTime() const;
    /** \return object bytes received */
    uint64_t GetBytesReceived() const;

    /**
     * TracedCallback signature for an exhausted port set.
     * \param pending objects still waiting
     */
    typedef void (*ExhaustedTracedCallback)(uint32_t pending);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** A page arrives: queue its objects and schedule the next page. */
    void NewPage();
    /** Open connections while fewer than MaxConcurrent are active. */
    void Pump();
    /** Open one connection for one object. */
    void OpenConnection();
    /**
     * \param socket a connected socket
     */
    void Connected(Ptr<Socket> socket);
    /**
     * \param socket a socket whose connection failed
     */
    void ConnectFailed(Ptr<Socket> socket);
    /**
     * \param socket a socket with data to read
     */
    void Receive(Ptr<Socket> socket);
    /**
     * \param socket a socket the server closed or reset
     */
    void PeerClosed(Ptr<Socket> socket);
    /**
     * The connection of a socket is over: free a slot, open the next.
     * \param socket the socket
     * \param completed whether its object arrived whole
     */
    void Finish(Ptr<Socket> socket, bool completed);
    /**
     * Note a socket's TCP state change (a port is free once CLOSED).
     * \param socket the socket
     * \param from the old state
     * \param to the new state
     */
    void StateChanged(Socket* socket, TcpSocket::TcpStates_t from, TcpSocket::TcpStates_t to);
    /**
     * Change the ports in use, keeping the time average.
     * \param delta +1 or -1
     */
    void CountPort(int delta);

    /** What the client knows of one connection. */
    struct Connection
    {
        Ptr<Socket> socket;     //!< the socket (held until CLOSED)
        uint32_t expected = 0;  //!< object size
        uint32_t received = 0;  //!< bytes so far
        Time bound;             //!< when its port was bound
        bool active = false;    //!< holds a concurrency slot
        bool holdsPort = false; //!< its port is not yet free
    };

    Address m_remote;                            //!< the server
    Ptr<RandomVariableStream> m_pageInterval;    //!< time between pages
    Ptr<RandomVariableStream> m_objects;         //!< objects per page
    Ptr<RandomVariableStream> m_objectSize;      //!< object size (bytes)
    uint32_t m_maxConcurrent;                    //!< connections at once
    EventId m_nextPage;                          //!< the next page
    bool m_running;                              //!< between start and stop
    uint64_t m_pending;                          //!< objects waiting for a connection
    uint32_t m_active;                           //!< connections holding a slot
    std::map<Socket*, Connection> m_connections; //!< connections whose port is in use
    uint64_t m_attempts;                         //!< counter
    uint64_t m_completed;                        //!< counter
    uint64_t m_exhausted;                        //!< counter
    uint64_t m_failed;                           //!< counter
    uint64_t m_bytes;                            //!< counter
    TracedValue<uint32_t> m_portsInUse;          //!< ports in use
    uint32_t m_peakPorts;                        //!< peak
    double m_portSeconds;                        //!< integral of ports in use over time
    Time m_lastChange;                           //!< time of the last change
    Time m_started;                              //!< start time
    double m_connectionSeconds;                  //!< sum of completed connection times
    TracedCallback<uint32_t> m_exhaustedTrace;   //!< Exhausted trace
};

} // namespace ns3

#endif /* PE_ARP_WEB_CLIENT_H */
