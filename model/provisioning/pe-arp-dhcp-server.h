/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_DHCP_SERVER_H
#define PE_ARP_DHCP_SERVER_H

#include "pe-arp-dhcp-header.h"

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/pe-arp-port-set.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <deque>
#include <map>
#include <set>
#include <utility>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A DHCP server that leases a shared address and a port set together
 * (RFC 2131 with RFC 7618's port parameters option 159).
 *
 * The pool is a list of shared addresses, each divided into the port sets
 * of RFC 7597 (PSID offset a, PSID length k; sets left empty by excluding
 * the well-known ports are not leased). A lease is an (address, PSID) pair.
 * DISCOVER is answered with an OFFER (the client's current lease if it has
 * one, else the first free pair), REQUEST with an ACK (which also renews)
 * or a NAK, RELEASE returns the pair to the pool, and a lease not renewed
 * within LeaseTime expires and returns too. When no pair is free, DISCOVER
 * is answered with a NAK and counted (PoolFull).
 *
 * Replies are broadcast when the client asks for it (flags) or has no
 * address: port 68 of a shared address belongs to no single host, so PE-ARP
 * clients always ask for broadcast replies.
 */
class PeArpDhcpServer : public Application
{
  public:
    /** Counters readable after a run. */
    struct Counters
    {
        uint64_t discovers = 0;     //!< DISCOVER received
        uint64_t requests = 0;      //!< REQUEST received (including renewals)
        uint64_t releases = 0;      //!< RELEASE received
        uint64_t offers = 0;        //!< OFFER sent
        uint64_t acks = 0;          //!< ACK sent
        uint64_t naks = 0;          //!< NAK sent
        uint64_t poolFull = 0;      //!< DISCOVER refused because no pair was free
        uint64_t offersEvicted = 0; //!< pending offers withdrawn for newer ones (MaxPendingOffers)
        uint64_t malformed = 0;     //!< datagrams dropped as malformed
    };

    /**
     * TracedCallback signature for leases granted (ACK) or refused (NAK).
     * \param [in] client the client's MAC
     * \param [in] address the address (0.0.0.0 when refused)
     * \param [in] psid the PSID
     * \param [in] granted true for an ACK
     */
    typedef void (*LeaseTracedCallback)(Mac48Address client,
                                        Ipv4Address address,
                                        uint16_t psid,
                                        bool granted);

    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpDhcpServer();
    ~PeArpDhcpServer() override;
    PeArpDhcpServer(const PeArpDhcpServer&) = delete;
    PeArpDhcpServer& operator=(const PeArpDhcpServer&) = delete;

    /**
     * Configure the pool. Aborts with a clear message on impossible
     * parameters (a + k > 16, no address, sets all empty).
     * \param addresses the shared addresses to lease, in order of use
     * \param mask their subnet mask
     * \param router the default router given to clients
     * \param offset PSID offset a (RFC 7597)
     * \param psidLength PSID length k: 2^k sets per address
     */
    void SetPool(const std::vector<Ipv4Address>& addresses,
                 Ipv4Mask mask,
                 Ipv4Address router,
                 uint8_t offset,
                 uint8_t psidLength);

    /**
     * Restart the server (a fault): its socket is closed and opened again.
     * With keepLeases it comes back with its leases, as a server with a lease
     * database (RFC 2131 section 4.3: SHOULD be in non-volatile storage);
     * without, it has forgotten them, so that renewals are refused (NAK) and
     * clients start over.
     * \param keepLeases keep the leases
     */
    void Restart(bool keepLeases);

    /** \return the counters */
    const Counters& GetCounters() const;
    /** \return the number of (address, PSID) pairs in the pool */
    uint32_t GetPoolSize() const;
    /** \return pairs leased (offered or bound, not expired) now */
    uint32_t GetLeasedCount() const;
    /**
     * \param psid a PSID of the pool (SetPool first)
     * \return its port set (RFC 7597, the pool's offset and PSID length)
     */
    PeArpPortSet GetPortSet(uint16_t psid) const;

  protected:
    void DoDispose() override;

  private:
    void StartApplication() override;
    void StopApplication() override;

    /** A leasable (address, PSID) pair and its lease. */
    struct Slot
    {
        Ipv4Address address;  //!< shared address
        uint16_t psid;        //!< PSID
        bool leased = false;  //!< offered or bound
        Mac48Address client;  //!< lessee
        Time expires;         //!< end of the offer or lease
        bool pending = false; //!< offered, not yet requested
    };

    /**
     * Keep at most MaxPendingOffers offers waiting, withdrawing the oldest.
     * \param newest the slot just offered (never withdrawn)
     */
    void LimitPendingOffers(uint32_t newest);

    /**
     * Read datagrams.
     * \param socket the socket
     */
    void HandleRead(Ptr<Socket> socket);
    /**
     * \param client a client
     * \return its slot (leased, not expired), or -1; O(log n)
     */
    int32_t FindLease(Mac48Address client) const;
    /**
     * Free the slots whose offer or lease has run out, then take the lowest
     * free slot: O(log n) per slot freed, no scan of the pool.
     * \return the lowest free (never leased, released or expired) slot, or -1
     */
    int32_t FindFree();
    /**
     * Offer or lease a slot to a client (it leaves the free slots).
     * \param slot the slot
     * \param client the client
     * \param expires end of the offer or lease
     */
    void Take(uint32_t slot, Mac48Address client, Time expires);
    /**
     * Move the end of a slot's offer or lease.
     * \param slot a leased slot
     * \param expires the new end
     */
    void Extend(uint32_t slot, Time expires);
    /**
     * Return a slot to the free slots (released, withdrawn, declined,
     * expired or forgotten).
     * \param slot the slot
     */
    void Free(uint32_t slot);
    /** Rebuild the indexes from the slots (after SetPool or Restart). */
    void Reindex();
    /**
     * Answer a client.
     * \param request what it sent
     * \param type OFFER, ACK or NAK
     * \param slot the slot offered or acknowledged (ignored for NAK)
     */
    void Reply(const PeArpDhcpHeader& request, PeArpDhcpHeader::MessageType type, int32_t slot);

    Ptr<Socket> m_socket;                           //!< UDP socket on port 67
    std::vector<Slot> m_slots;                      //!< the pool
    std::map<Mac48Address, uint32_t> m_byClient;    //!< client MAC -> its leased slot
    std::set<uint32_t> m_free;                      //!< slots not leased, lowest first
    std::set<std::pair<Time, uint32_t>> m_byExpiry; //!< leased slots by end of lease
    Ipv4Mask m_mask;                                //!< subnet mask given to clients
    Ipv4Address m_router;                           //!< router given to clients
    uint8_t m_offset;                               //!< PSID offset
    uint8_t m_psidLength;                           //!< PSID length
    Time m_leaseTime;                               //!< LeaseTime attribute
    Time m_offerHold;                               //!< OfferHold attribute
    uint32_t m_maxPendingOffers;                    //!< MaxPendingOffers attribute (0: no limit)
    std::deque<uint32_t> m_pending; //!< slots offered and not yet requested, oldest first
    Ipv4Address m_serverId;         //!< ServerIdentifier attribute
    Counters m_counters;            //!< counters
    TracedCallback<Mac48Address, Ipv4Address, uint16_t, bool> m_leaseTrace; //!< Lease trace
};

} // namespace ns3

#endif /* PE_ARP_DHCP_SERVER_H */
