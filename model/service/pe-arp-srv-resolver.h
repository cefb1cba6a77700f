/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_SRV_RESOLVER_H
#define PE_ARP_SRV_RESOLVER_H

#include "pe-arp-dns-message.h"

#include "ns3/callback.h"
#include "ns3/event-id.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/object.h"
#include "ns3/traced-callback.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class Node;
class Packet;
class Socket;
class UniformRandomVariable;

/**
 * \ingroup pe-arp
 * \brief A stub resolver for service location with DNS SRV records
 * (RFC 2782) and their registration with dynamic updates (RFC 2136): the
 * "gethostbyname() plus getservbyname()" interface the PE-ARP paper asks for
 * (section VI), returning an address and a port.
 *
 * One per node: aggregate it (node->AggregateObject(resolver)) or call
 * SetNode. It talks to one server (attribute Server) over UDP from an
 * ephemeral port; on a PE-ARP host that port comes from the host's range, so
 * the server's responses reach this host through the router's PE-ARP.
 *
 * Resolve(service, proto, name, cb) asks for the SRV RRset of
 * _service._proto.name and calls back with the targets in the order of
 * RFC 2782 (priority ascending, weighted random order within a priority),
 * each with its port and the address of its target (from the response's
 * additional section, else from A queries it sends). Targets "." (service
 * decidedly not available) are left out.
 *
 * How a PE-ARP host publishes a service: start the server application on a
 * port of the host's range (a well-known port is not the host's to bind),
 * then call RegisterLocalService(service, proto, zone, hostName, port, ttl,
 * cb): it checks with ns3::PeArpPortAgent that the host owns the port of its
 * shared address and sends an UPDATE adding
 * "_service._proto.zone SRV priority weight port hostName" and
 * "hostName A shared-address". Register does the same for any address and
 * port, without the check. Unregister deletes the SRV record.
 *
 * Every request is retransmitted after Timeout, Retries times, then fails
 * with TIMEOUT.
 *
 * With a TSIG key (SetTsigKey), every UPDATE is signed (RFC 8945,
 * HMAC-SHA256, ns3::PeArpDnsTsig) at its first transmission; the TSIG clock
 * is the simulation time plus TsigClockOffset. A NOERROR response to a
 * signed UPDATE must carry a TSIG RR that verifies, else it is ignored and
 * counted (GetTsigFailures); error responses are taken signed or not (RFC
 * 8945 sends BADKEY and BADSIG unsigned).
 */
class PeArpSrvResolver : public Object
{
  public:
    /** Outcome of a resolution or registration. */
    enum Status
    {
        OK = 0,         //!< success
        NXDOMAIN,       //!< the service name does not exist
        NO_RECORDS,     //!< the name exists without (usable) SRV records
        NO_ADDRESS,     //!< no target address could be found
        TIMEOUT,        //!< no response after all retries
        SERVER_ERROR,   //!< another response code (see the rcode)
        PORT_NOT_OWNED, //!< RegisterLocalService: the host does not own the port
        BAD_NAME        //!< the name is not a valid domain name
    };

    /** A resolved service instance. */
    struct Target
    {
        std::string host;      //!< the SRV target name
        Ipv4Address address;   //!< its address
        uint16_t port = 0;     //!< the service's port
        uint16_t priority = 0; //!< SRV priority
        uint16_t weight = 0;   //!< SRV weight
        uint32_t ttl = 0;      //!< SRV TTL
    };

    /** Called with the outcome of Resolve and the targets in order of use. */
    typedef Callback<void, Status, const std::vector<Target>&> ResolveCallback;
    /** Called with the outcome of Register/Unregister and the server's rcode. */
    typedef Callback<void, Status, uint8_t> RegisterCallback;

    /**
     * TracedCallback signature for DNS messages sent or received.
     * \param [in] message the message
     */
    typedef void (*MessageTracedCallback)(const PeArpDnsMessage& message);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpSrvResolver();
    ~PeArpSrvResolver() override;
    PeArpSrvResolver(const PeArpSrvResolver&) = delete;
    PeArpSrvResolver& operator=(const PeArpSrvResolver&) = delete;

    /**
     * Set the node (done automatically when aggregated to a node).
     * \param node the node
     */
    void SetNode(Ptr<Node> node);

    /**
     * Look a service up.
     * \param service the service, e.g. "_web" (a missing '_' is added)
     * \param proto the protocol, e.g. "_tcp" (a missing '_' is added)
     * \param name the domain, e.g. "example.com"
     * \param callback called once with the outcome
     */
    void Resolve(const std::string& service,
                 const std::string& proto,
                 const std::string& name,
                 ResolveCallback callback);

    /**
     * Register a service instance with an RFC 2136 UPDATE of zone `name`
     * adding `_service._proto.name SRV priority weight port hostName` and
     * `hostName A address`.
     * \param service the service, e.g. "_web"
     * \param proto the protocol, e.g. "_tcp"
     * \param name the domain (the zone of the update)
     * \param hostName the target host name, e.g. "a.example.com"
     * \param address the host's address
     * \param port the service's port
     * \param ttl TTL of both records, in seconds
     * \param callback called once with the outcome
     * \param priority SRV priority
     * \param weight SRV weight
     */
    void Register(const std::string& service,
                  const std::string& proto,
                  const std::string& name,
                  const std::string& hostName,
                  Ipv4Address address,
                  uint16_t port,
                  uint32_t ttl,
                  RegisterCallback callback,
                  uint16_t priority = 0,
                  uint16_t weight = 0);

    /**
     * Register a service this PE-ARP host runs: the address is the node's
     * first non-loopback IPv4 address (its shared address) and the port must
     * be one the host owns (ns3::PeArpPortAgent), else the callback gets
     * PORT_NOT_OWNED and nothing is sent.
     * \param service the service
     * \param proto the protocol
     * \param name the domain (zone)
     * \param hostName the host's name
     * \param port the port the service listens on
     * \param ttl TTL in seconds
     * \param callback called once with the outcome
     * \param priority SRV priority
     * \param weight SRV weight
     */
    void RegisterLocalService(const std::string& service,
                              const std::string& proto,
                              const std::string& name,
                              const std::string& hostName,
                              uint16_t port,
                              uint32_t ttl,
                              RegisterCallback callback,
                              uint16_t priority = 0,
                              uint16_t weight = 0);

    /**
     * Delete a registered SRV record (RFC 2136 delete an RR, class NONE).
     * \param service the service
     * \param proto the protocol
     * \param name the domain (zone)
     * \param hostName the target host name
     * \param port the port
     * \param callback called once with the outcome
     * \param priority SRV priority it was registered with
     * \param weight SRV weight it was registered with
     */
    void Unregister(const std::string& service,
                    const std::string& proto,
                    const std::string& name,
                    const std::string& hostName,
                    uint16_t port,
                    RegisterCallback callback,
                    uint16_t priority = 0,
                    uint16_t weight = 0);

    /**
     * Send any RFC 2136 UPDATE of a zone (signed if a TSIG key is set):
     * what Register and Unregister use.
     * \param zone the zone
     * \param updates the update section (e.g. PeArpDnsMessage::MakeDeleteRr)
     * \param callback called once with the outcome and the server's rcode
     */
    void SendUpdate(const std::string& zone,
                    const std::vector<PeArpDnsMessage::ResourceRecord>& updates,
                    RegisterCallback callback);

    /**
     * \param service e.g. "web" or "_web"
     * \param proto e.g. "tcp" or "_tcp"
     * \param name e.g. "example.com"
     * \return "_web._tcp.example.com"
     */
    static std::string ServiceName(const std::string& service,
                                   const std::string& proto,
                                   const std::string& name);
    /**
     * \param status a status
     * \return its name
     */
    static std::string StatusToString(Status status);

    /**
     * Order SRV records as RFC 2782 says: priority ascending, weighted random
     * order within a priority (weight-0 records first in the running sum).
     * \param records the records
     * \param rng the random variable (values in [0, 1))
     * \return the records in order of use
     */
    static std::vector<PeArpDnsMessage::ResourceRecord> OrderSrv(
        std::vector<PeArpDnsMessage::ResourceRecord> records,
        Ptr<UniformRandomVariable> rng);

    /**
     * Assign a fixed random variable stream (IDs, weighted order).
     * \param stream first stream index
     * \return the number of streams used (1)
     */
    int64_t AssignStreams(int64_t stream);

    /** \return requests sent, retransmissions included */
    uint64_t GetRequestsSent() const;
    /** \return retransmissions */
    uint64_t GetRetransmissions() const;
    /** \return responses dropped (malformed, unknown ID, wrong source or question) */
    uint64_t GetIgnoredResponses() const;

    /**
     * Sign every UPDATE from now on with a TSIG key (HMAC-SHA256).
     * \param name the key name, as the server knows it
     * \param secret the shared secret
     */
    void SetTsigKey(const std::string& name, const std::vector<uint8_t>& secret);
    /** Send UPDATEs unsigned again. */
    void ClearTsigKey();
    /** \return NOERROR responses to signed UPDATEs ignored for a missing or bad TSIG */
    uint64_t GetTsigFailures() const;

  protected:
    void DoDispose() override;
    void NotifyNewAggregate() override;

  private:
    /** A request waiting for its response. */
    struct Transaction
    {
        PeArpDnsMessage request;                                 //!< what was sent
        uint32_t triesLeft = 0;                                  //!< retransmissions left
        EventId timeout;                                         //!< timeout event
        Callback<void, bool, const PeArpDnsMessage&> onResponse; //!< false: timeout
        std::optional<std::vector<uint8_t>> requestMac;          //!< MAC of a signed request
    };

    /** A resolution in progress. */
    struct Job
    {
        ResolveCallback callback;                             //!< user callback
        std::vector<PeArpDnsMessage::ResourceRecord> ordered; //!< SRV records in order
        std::map<std::string, Ipv4Address> addresses;         //!< target (lowercase) -> address
        uint32_t pending = 0;                                 //!< A queries outstanding
    };

    /**
     * Send a request and call back with its response or on timeout.
     * \param request the request (its ID is set here)
     * \param onResponse the continuation
     */
    void Transact(PeArpDnsMessage request, Callback<void, bool, const PeArpDnsMessage&> onResponse);
    /**
     * \param id a transaction ID
     */
    void Send(uint16_t id);
    /**
     * \param id a transaction ID
     */
    void HandleTimeout(uint16_t id);
    /**
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * The SRV response of a job.
     * \param job the job
     * \param ok false on timeout
     * \param response the response
     */
    void OnSrvResponse(std::shared_ptr<Job> job, bool ok, const PeArpDnsMessage& response);
    /**
     * The A response for a target of a job.
     * \param job the job
     * \param target the target
     * \param ok false on timeout
     * \param response the response
     */
    void OnAResponse(std::shared_ptr<Job> job,
                     std::string target,
                     bool ok,
                     const PeArpDnsMessage& response);
    /**
     * Call a job's callback with its targets.
     * \param job the job
     */
    void Finish(std::shared_ptr<Job> job);
    /**
     * \param name a name
     * \return it in lowercase
     */
    static std::string Lower(const std::string& name);

    Ptr<Node> m_node;                                 //!< the node
    Ipv4Address m_server;                             //!< server address
    uint16_t m_port;                                  //!< server port
    Time m_timeout;                                   //!< retransmission timeout
    uint32_t m_retries;                               //!< retransmissions
    Ptr<Socket> m_socket;                             //!< client socket
    Ptr<UniformRandomVariable> m_rng;                 //!< IDs and weighted order
    std::map<uint16_t, Transaction> m_pending;        //!< transactions by ID
    uint64_t m_requestsSent;                          //!< counter
    uint64_t m_retransmissions;                       //!< counter
    uint64_t m_ignored;                               //!< counter
    uint64_t m_tsigFailures;                          //!< counter
    std::string m_tsigKeyName;                        //!< TSIG key name ("" : unsigned)
    std::vector<uint8_t> m_tsigSecret;                //!< TSIG secret
    uint16_t m_tsigFudge;                             //!< TSIG fudge
    Time m_tsigClockOffset;                           //!< TSIG clock - simulation time
    TracedCallback<const PeArpDnsMessage&> m_txTrace; //!< Tx trace
    TracedCallback<const PeArpDnsMessage&> m_rxTrace; //!< Rx trace
};

} // namespace ns3

#endif /* PE_ARP_SRV_RESOLVER_H */
