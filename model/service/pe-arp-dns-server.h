/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DNS_SERVER_H
#define PE_ARP_DNS_SERVER_H

#include "pe-arp-dns-message.h"
#include "pe-arp-dns-tsig.h"

#include "ns3/address.h"
#include "ns3/application.h"
#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/traced-callback.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

class PeArpLanRegistry;
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
 *
 * <b>Who may update (attribute UpdatePolicy).</b> With OPEN (the default,
 * as in the paper) anyone who reaches the server may add or delete any
 * record, e.g. move another host's SRV record to its own port. The
 * defences:
 *  - OWNER: an update that adds or deletes an SRV record whose target has
 *    an A record (in the zone or in the same update) with a shared address
 *    is accepted only if it comes from that address and from a source port
 *    of the same host as the SRV record's port: the sender demonstrably
 *    owns the port it advertises (or removes). An update that adds or
 *    deletes A records of a name is held to the same test for every SRV
 *    record in the zone that targets that name, since re-pointing the name
 *    redirects those services. Who holds which port of which address comes
 *    from a port-owner look-up (SetPortOwnerLookup, or SetLanRegistry for
 *    the assignments PeArpHelper recorded); an address the look-up does
 *    not call shared keeps today's behaviour.
 *  - TSIG: an update must carry a valid TSIG (RFC 8945, HMAC-SHA256) with a
 *    key given with AddTsigKey, and stay within the key's scope: a HOST key
 *    (the default) named after a host, e.g. "a.example.com", may add or
 *    delete only SRV records whose target is that name and A records of
 *    that name (as BIND's "self" rule); a ZONE key may update anything.
 *    Without scopes, every host holding a key could move the others'
 *    records.
 *  - OWNER_OR_TSIG: a valid TSIG within its scope, or else the owner test.
 * A refused update is answered REFUSED, counted (updatesRefused) and traced
 * (Refused). Whatever the policy, a request that carries a TSIG RR is
 * verified (ns3::PeArpDnsTsig): FORMERR for a TSIG RR that cannot be read;
 * NOTAUTH with the TSIG error BADKEY, BADTRUNC or BADSIG in an unsigned TSIG
 * RR; NOTAUTH with BADTIME in a signed TSIG RR carrying the server's time;
 * each counted and traced. Responses to verified requests are signed.
 * The TSIG clock is the simulation time plus the attribute TsigClockOffset.
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

    /** Who may update the zone (see the class description). */
    enum UpdatePolicy
    {
        OPEN = 0,     //!< anyone (RFC 2136 without access control, the paper)
        OWNER,        //!< SRV records only from the owner of their port
        TSIG,         //!< only updates signed with a known TSIG key, within its scope
        OWNER_OR_TSIG //!< a valid TSIG within its scope, else the owner test
    };

    /** What a TSIG key may update (see AddTsigKey). */
    enum TsigScope
    {
        HOST_SCOPE = 0, //!< SRV records targeting the key's name, A records of that name
        ZONE_SCOPE      //!< any record of the zone (an administrator's key)
    };

    /** What the server knows of a port of an address (see SetPortOwnerLookup). */
    struct PortOwner
    {
        bool shared = false;            //!< the address is shared between hosts
        std::optional<uint32_t> holder; //!< who holds the port (e.g. a node id), if anyone
    };

    /**
     * Tells who holds a port of an address: an address is shared if its
     * ports belong to different hosts, and two ports are the same host's if
     * their holders are equal.
     */
    typedef Callback<PortOwner, Ipv4Address, uint16_t> PortOwnerCallback;

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
        uint64_t updatesRefused = 0; //!< UPDATE messages REFUSED by the UpdatePolicy
        uint64_t tsigVerified = 0;   //!< requests whose TSIG verified
        uint64_t tsigFormErr = 0;    //!< requests with a TSIG RR that cannot be read (FORMERR)
        uint64_t tsigBadKey = 0;     //!< requests answered BADKEY
        uint64_t tsigBadTrunc = 0;   //!< requests answered BADTRUNC
        uint64_t tsigBadSig = 0;     //!< requests answered BADSIG
        uint64_t tsigBadTime = 0;    //!< requests answered BADTIME
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
     * TracedCallback signature for requests refused by the update policy or
     * by TSIG verification.
     * \param [in] request the request
     * \param [in] peer the client's address (InetSocketAddress), or an empty
     *             Address for Process without one
     * \param [in] rcode the response code sent (REFUSED, NOTAUTH, FORMERR)
     * \param [in] reason e.g. "owner: ...", "unsigned", "BADSIG", "BADKEY"
     */
    typedef void (*RefusedTracedCallback)(const PeArpDnsMessage& request,
                                          const Address& peer,
                                          uint8_t rcode,
                                          const std::string& reason);

    /**
     * Set how the owner test finds who holds a port of an address.
     * \param lookup the look-up (a null callback: none; the Owner policies
     *        then abort at start, and Process refuses every update)
     */
    void SetPortOwnerLookup(PortOwnerCallback lookup);
    /**
     * Use a LAN's registry of assignments as the port-owner look-up: an
     * address is shared if the registry holds a range of it other than all
     * ports, and the holder of a port is the node its range was assigned
     * to (PeArpHelper::Assign records them; ranges leased by DHCP or claimed
     * at run time are not in it: use SetPortOwnerLookup for those).
     * \param registry the registry (ns3::PeArpLanRegistry::Find)
     */
    void SetLanRegistry(Ptr<PeArpLanRegistry> registry);
    /**
     * Add (or replace) a TSIG key (HMAC-SHA256).
     * \param name the key name, e.g. "a.example.com" for host a.example.com
     * \param secret the shared secret
     * \param scope what updates signed with it may change
     */
    void AddTsigKey(const std::string& name,
                    const std::vector<uint8_t>& secret,
                    TsigScope scope = HOST_SCOPE);
    /**
     * \param name a key name
     * \return true if the key was known and is removed
     */
    bool RemoveTsigKey(const std::string& name);
    /** \return the TSIG clock: seconds since the epoch (simulation time plus TsigClockOffset) */
    uint64_t GetTsigTime() const;

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
     * well-formed message. The request comes from nowhere (an owner test
     * fails) and is verified over its own serialization.
     * \param request the request
     * \return the response, or nothing if the request is not answered (it
     *         is itself a response)
     */
    std::optional<PeArpDnsMessage> Process(const PeArpDnsMessage& request);
    /**
     * Answer a request received from a peer.
     * \param request the request
     * \param from the sender (an InetSocketAddress)
     * \param wire the bytes received (TSIG covers them), empty to use the
     *        request's serialization
     * \return the response, or nothing if the request is not answered
     */
    std::optional<PeArpDnsMessage> Process(const PeArpDnsMessage& request,
                                           const Address& from,
                                           const std::vector<uint8_t>& wire);

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
     * \param from the sender
     * \param signer the name of the key its TSIG verified with, "" if none
     * \return the response code
     */
    uint8_t ApplyUpdate(const PeArpDnsMessage& request,
                        const Address& from,
                        const std::string& signer);
    /**
     * The UpdatePolicy, for a well-formed UPDATE.
     * \param request the UPDATE
     * \param from the sender
     * \param signer the name of the key its TSIG verified with, "" if none
     * \return why it is refused, or "" if it is accepted
     */
    std::string CheckPolicy(const PeArpDnsMessage& request,
                            const Address& from,
                            const std::string& signer) const;
    /**
     * The scope of a verified key (see TsigScope).
     * \param request the UPDATE
     * \param signer the key's name ("": unsigned, refused)
     * \return why the update goes beyond it, or "" if it does not
     */
    std::string CheckScope(const PeArpDnsMessage& request, const std::string& signer) const;
    /**
     * The owner test of an UPDATE (see the class description).
     * \param request the UPDATE
     * \param from the sender
     * \return why it fails, or "" if it passes
     */
    std::string CheckOwner(const PeArpDnsMessage& request, const Address& from) const;
    /**
     * \param request a request that failed TSIG verification
     * \param v what verification found
     * \param response the response to complete
     */
    void AnswerTsigError(const PeArpDnsMessage& request,
                         const PeArpDnsTsig::Verification& v,
                         PeArpDnsMessage& response) const;
    /**
     * Keep what fits in MaxUdpSize (RFC 1035 section 4.2.1).
     * \param response the response
     * \param reserve bytes to leave for a TSIG RR
     */
    void Truncate(PeArpDnsMessage& response, uint32_t reserve) const;
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
    UpdatePolicy m_updatePolicy;                                 //!< who may update
    uint16_t m_tsigFudge;                                        //!< fudge of signed responses
    Time m_tsigClockOffset;                                      //!< TSIG clock - simulation time
    PortOwnerCallback m_portOwner;                               //!< port-owner look-up
    PeArpDnsTsig::KeyRing m_keys;                                //!< TSIG keys
    std::map<std::string, TsigScope> m_keyScopes;                //!< their scopes
    Ptr<Socket> m_socket;                                        //!< server socket
    std::vector<PeArpDnsMessage::ResourceRecord> m_records;      //!< the zone's records
    Counters m_counters;                                         //!< counters
    TracedCallback<Ptr<const Packet>, const Address&> m_rxTrace; //!< Rx trace
    TracedCallback<Ptr<const Packet>, const Address&> m_txTrace; //!< Tx trace
    TracedCallback<Ptr<const Packet>, const Address&, const std::string&> m_dropTrace; //!< Drop
    TracedCallback<const PeArpDnsMessage&, const Address&, uint8_t, const std::string&>
        m_refusedTrace; //!< Refused
};

} // namespace ns3

#endif /* PE_ARP_DNS_SERVER_H */
