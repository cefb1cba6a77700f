/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DNS_SERVER_H
#define PE_ARP_DNS_SERVER_H

#include "pe-arp-dns-message.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class Socket;

/**
 * \ingroup pe-arp
 * \brief An authoritative DNS server for one zone, over UDP, that answers
 * SRV and A queries and accepts dynamic updates (RFC 2136): how PE-ARP hosts
 * publish the ports of their services (PE-ARP paper, section II.D), since a
 * service on a host sharing an address runs on a port of the host's range,
 * not on its well-known port.
 *
 * Standard queries (opcode 0, one question, class IN or ANY) for names in
 * the zone are answered authoritatively (AA): the records of the asked type
 * (or all, for type ANY), with the A records of SRV targets in the
 * additional section; NOERROR with no answer if the name exists (or has
 * names below it) without records of that type; NXDOMAIN otherwise. Names
 * outside the zone are REFUSED; other opcodes get NOTIMP; a message without
 * exactly one question gets FORMERR.
 *
 * UPDATE messages (opcode 5) must name the zone (one zone record of type
 * SOA, else FORMERR; another zone: NOTAUTH). Prerequisites of RFC 2136
 * section 2.4 are checked (YXDOMAIN, YXRRSET, NXDOMAIN, NXRRSET). Update
 * records outside the zone: NOTZONE; malformed update classes/TTLs: FORMERR;
 * with the attribute AcceptUpdates false: REFUSED. Updates are applied only
 * when every check passes (all or nothing).
 *
 * Malformed datagrams (see ns3::PeArpDnsMessage::ParseError) and responses
 * are dropped, counted and traced with the reason; nothing is sent back.
 */
class PeArpDnsServer : public Application
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpDnsServer();
    ~PeArpDnsServer() override;
    PeArpDnsServer(const PeArpDnsServer&) = delete;
    PeArpDnsServer& operator=(const PeArpDnsServer&) = delete;

    /** Counters readable after a run. */
    struct Counters
    {
        uint64_t received = 0;       //!< datagrams received
        uint64_t queries = 0;        //!< well-formed standard queries
        uint64_t updates = 0;        //!< well-formed UPDATE messages
        uint64_t updatesApplied = 0; //!< UPDATE messages answered NOERROR
        uint64_t responses = 0;      //!< responses sent
        uint64_t nxdomain = 0;       //!< responses with NXDOMAIN
        uint64_t malformed = 0;      //!< malformed datagrams dropped
        uint64_t otherDrops = 0;     //!< well-formed datagrams dropped (responses)
    };

    /**
     * TracedCallback signature for datagrams received or sent.
     * \param [in] packet the DNS message
     * \param [in] peer the client's address (InetSocketAddress)
     */
    typedef void (*MessageTracedCallback)(Ptr<const Packet> packet, const Address& peer);
    /**
     * TracedCallback signature for drops.
     * \param [in] packet the datagram
     * \param [in] peer the sender's address
     * \param [in] reason e.g. "pointer-loop" (a ParseError name) or "response"
     */
    typedef void (*DropTracedCallback)(Ptr<const Packet> packet,
                                       const Address& peer,
                                       const std::string& reason);

    /**
     * Add a record to the zone (class IN), e.g. from a scenario before the
     * run. A record equal to one present (SameData) replaces it.
     * \param rr the record
     * \return false (and nothing is added) if its name is not in the zone
     */
    bool AddRecord(const PeArpDnsMessage::ResourceRecord& rr);
    /**
     * \param name a name
     * \param type a type (TYPE_ANY: all)
     * \return the zone's records of that name and type
     */
    std::vector<PeArpDnsMessage::ResourceRecord> GetRecords(const std::string& name,
                                                            uint16_t type) const;
    /** \return the number of records in the zone */
    uint32_t GetRecordCount() const;
    /** \return the zone */
    std::string GetZone() const;
    /** \return the counters */
    const Counters& GetCounters() const;
    /**
     * Answer a request (without a network): what the server does with a
     * well-formed message.
     * \param request the request
     * \return the response, or nothing if the request is not answered (it
     *         is itself a response)
     */
    std::optional<PeArpDnsMessage> Process(const PeArpDnsMessage& request);

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /**
     * Read datagrams.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * \param request a standard query
     * \param response the response to fill
     */
    void AnswerQuery(const PeArpDnsMessage& request, PeArpDnsMessage& response) const;
    /**
     * \param request an UPDATE
     * \return the response code
     */
    uint8_t ApplyUpdate(const PeArpDnsMessage& request);
    /**
     * \param prerequisites the prerequisite section
     * \return NOERROR or the failing rcode
     */
    uint8_t CheckPrerequisites(
        const std::vector<PeArpDnsMessage::ResourceRecord>& prerequisites) const;
    /**
     * \param name a name
     * \return true if the zone holds a record of the name or below it
     */
    bool NameExists(const std::string& name) const;
    /**
     * \param name a name
     * \param type a type
     * \return true if the zone holds an RRset of the name and type (TYPE_ANY: any)
     */
    bool RrsetExists(const std::string& name, uint16_t type) const;

    uint16_t m_port;                                             //!< UDP port
    std::string m_zone;                                          //!< zone
    bool m_acceptUpdates;                                        //!< accept UPDATE messages
    uint32_t m_maxUdpSize;                                       //!< truncate responses above this
    Ptr<Socket> m_socket;                                        //!< server socket
    std::vector<PeArpDnsMessage::ResourceRecord> m_records;      //!< the zone's records
    Counters m_counters;                                         //!< counters
    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace; //!< Rx trace
    TracedCallback<Ptr<const Packet>, const Address&> m_txTrace; //!< Tx trace
    TracedCallback<Ptr<const Packet>, const Address&, const std::string&> m_dropTrace; //!< Drop
};

} // namespace ns3

#endif /* PE_ARP_DNS_SERVER_H */
