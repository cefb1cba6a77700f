/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_PORT_AGENT_H
#define PE_ARP_PORT_AGENT_H

#include "ns3/callback.h"
#include "ns3/ipv4-address.h"
#include "ns3/object.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/pe-arp-port-set.h"
#include "ns3/socket.h"
#include "ns3/traced-callback.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The end-host source port range management agent (PE-ARP paper,
 * section II.A): which ports of each shared address this host owns, and the
 * choice of every port a socket binds to.
 *
 * One per node, aggregated by ns3::PeArpStackHelper. The sockets of a PE-ARP
 * host (ns3::PeArpUdpSocket, ns3::PeArpTcpSocket) ask it for ephemeral ports,
 * which come from the host's range instead of 49152-65535, and to check
 * explicit binds: binding a port outside the range fails with
 * ERROR_ADDRNOTAVAIL, is counted and traced.
 *
 * An address without a configured range is owned entirely (range 0-0).
 * A socket bound to the wildcard address uses the range of the node's
 * numerically lowest shared address (hosts normally share one).
 */
class PeArpPortAgent : public Object
{
  public:
    /**
     * \brief Get the type ID.
     * \return the object TypeId
     */
    static TypeId GetTypeId();

    PeArpPortAgent();
    ~PeArpPortAgent() override;
    PeArpPortAgent(const PeArpPortAgent&) = delete;
    PeArpPortAgent& operator=(const PeArpPortAgent&) = delete;

    /**
     * TracedCallback signature for refused binds and exhausted ranges.
     * \param [in] address the local address
     * \param [in] port the port asked for (0 for an ephemeral port)
     */
    typedef void (*PortTracedCallback)(Ipv4Address address, uint16_t port);

    /**
     * Set the range this host owns for a (shared) address. Aborts with a
     * clear message on an invalid range.
     * \param address the address
     * \param range the range (0-0: all ports, the address is not shared)
     */
    void SetRange(Ipv4Address address, PeArpPortRange range);
    /**
     * Set the ports this host owns for a shared address, contiguous or not
     * (e.g. a MAP port set, see ns3::PeArpPortSetAllocator). Aborts on an
     * empty set.
     * \param address the address
     * \param ports the ports
     */
    void SetPortSet(Ipv4Address address, const PeArpPortSet& ports);
    /**
     * Mark a shared address tentative: its range is being claimed
     * (ns3::PeArpConflictDetector), so the host owns no port of it yet and
     * binds to it fail. Set a range or port set to end it.
     * \param address the address
     */
    void SetTentative(Ipv4Address address);
    /**
     * \param address an address
     * \return true if its range is still being claimed
     */
    bool IsTentative(Ipv4Address address) const;
    /**
     * \param address an address of this host
     * \param probed a range another host probes for
     * \return the first range of this host's set that overlaps it, or
     *         nothing if this host owns no port of the probed range (or
     *         all ports of the address)
     */
    std::optional<PeArpPortRange> GetRangeOverlapping(Ipv4Address address,
                                                      PeArpPortRange probed) const;
    /**
     * \param address an address of this host
     * \return the ports this host owns of it, or nothing if the host owns
     *         all ports of the address (not shared)
     */
    std::optional<PeArpPortSet> GetPortSet(Ipv4Address address) const;
    /**
     * \param address an address of this host
     * \param port a port (0: traffic without ports)
     * \return true if this host owns the port of the address
     */
    bool OwnsPort(Ipv4Address address, uint16_t port) const;
    /**
     * The range of the host's set that holds a port: what PE-ARP announces
     * for that port. A non-contiguous set is announced as the ranges it
     * consists of, one per resolution.
     * \param address an address of this host
     * \param port a port
     * \return the range (0-0 if the host owns the address), or nothing if
     *         the host does not own the port
     */
    std::optional<PeArpPortRange> GetRangeHolding(Ipv4Address address, uint16_t port) const;
    /**
     * \param address an address of this host
     * \return the range announced in this host's requests: the first range
     *         of its set, 0-0 if it owns the address, or the invalid range
     *         1-0 while the address is tentative (nothing may be announced)
     */
    PeArpPortRange GetAnnouncedRange(Ipv4Address address) const;
    /**
     * \param local the address a socket binds to (the wildcard address takes
     *        the set of the numerically lowest shared address)
     * \param port a port
     * \return true if this host may bind the port
     */
    bool IsAllowed(Ipv4Address local, uint16_t port) const;

    /**
     * Bind a socket to an ephemeral port of the host's range. Ports are tried
     * in turn from where the last bind stopped; ports in use are skipped.
     * \param local the local address of the bind
     * \param tryBind binds the socket to a port; returns 0 on success
     * \param getErrno reads the socket's error after a failed tryBind
     * \return ERROR_NOTERROR once bound; ERROR_ADDRNOTAVAIL when every port
     * is in use (or the range is still being claimed); else the error of the
     * socket's failed bind
     */
    Socket::SocketErrno BindEphemeral(Ipv4Address local,
                                      const std::function<int(uint16_t)>& tryBind,
                                      const std::function<Socket::SocketErrno()>& getErrno);
    /**
     * Note that a socket holds an ephemeral port until Release: BindEphemeral
     * skips it. ns-3's demultiplexer tells a port in use only by an endpoint
     * of the same local address, and a connection (also in TIME_WAIT) holds
     * its port on the shared address: a bind to 0.0.0.0 on that port would
     * succeed and duplicate the connection's four-tuple.
     * \param local the local address of the bind
     * \param port the port
     */
    void Hold(Ipv4Address local, uint16_t port);
    /**
     * The socket that held a port is done with it (CLOSED, or disposed).
     * \param local the local address of the bind
     * \param port the port
     */
    void Release(Ipv4Address local, uint16_t port);
    /** \return ephemeral ports held by sockets now, over every address */
    uint32_t GetHeldPorts() const;
    /**
     * Count and trace a refused explicit bind.
     * \param local the local address
     * \param port the port
     */
    void NotifyBindRefused(Ipv4Address local, uint16_t port);

    /**
     * Give an ICMP echo identifier chosen by an application a value in the
     * host's range for the address (A+P, RFC 6346: the identifier plays the
     * port's role), remembering the original for the reply. An identifier
     * already in the range is kept.
     * \param address the shared address the echo is sent from
     * \param original the identifier the application chose
     * \return the identifier to send
     */
    uint16_t MapEchoIdentifier(Ipv4Address address, uint16_t original);
    /**
     * The identifier an application chose, for an echo reply's identifier.
     * \param address the shared address
     * \param mapped the identifier in the reply
     * \return the application's identifier, or nothing if it was not mapped
     */
    std::optional<uint16_t> UnmapEchoIdentifier(Ipv4Address address, uint16_t mapped) const;

    /** \return binds refused because the port is outside the range */
    uint64_t GetRefusedBinds() const;
    /** \return ephemeral binds that failed because the range was exhausted */
    uint64_t GetExhaustions() const;
    /** \return ephemeral ports handed out */
    uint64_t GetEphemeralBinds() const;

  private:
    /**
     * \param local the local address of a bind
     * \return the shared address whose set applies, or 0.0.0.0 if none
     */
    Ipv4Address GetSharedAddressForBind(Ipv4Address local) const;

    /** The ports of one shared address, and where the next ephemeral search starts. */
    struct SharedPorts
    {
        PeArpPortSet ports;  //!< the host's ports
        uint32_t cursor = 0; //!< next ephemeral offset in the set
    };

    /** ICMP echo identifiers mapped into the range (made at the first mapped echo). */
    struct EchoIdentifiers
    {
        std::map<std::pair<Ipv4Address, uint16_t>, uint16_t> toOriginal; //!< mapped to original
        std::map<std::pair<Ipv4Address, uint16_t>, uint16_t> toMapped;   //!< original to mapped
    };

    std::set<Ipv4Address> m_tentative;                        //!< addresses being claimed
    std::map<Ipv4Address, SharedPorts> m_sets;                //!< ports per shared address
    std::set<std::pair<Ipv4Address, uint16_t>> m_held;        //!< ephemeral ports held, by address
    std::unique_ptr<EchoIdentifiers> m_echo;                  //!< mapped echo identifiers, or null
    uint64_t m_refusedBinds;                                  //!< counter
    uint64_t m_exhaustions;                                   //!< counter
    uint64_t m_ephemeralBinds;                                //!< counter
    TracedCallback<Ipv4Address, uint16_t> m_bindRefusedTrace; //!< BindRefused trace
    TracedCallback<Ipv4Address, uint16_t> m_exhaustedTrace;   //!< RangeExhausted trace
};

} // namespace ns3

#endif /* PE_ARP_PORT_AGENT_H */
