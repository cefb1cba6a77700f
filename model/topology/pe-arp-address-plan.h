/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_ADDRESS_PLAN_H
#define PE_ARP_ADDRESS_PLAN_H

#include "pe-arp-topology.h"

#include "ns3/ipv4-address.h"

#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief The addresses of a topology: one prefix per LAN, one /30 per
 * router-router link, computed from the graph alone.
 *
 * A LAN is a SITE's LAN, a switched LAN (with its gateway router) or an
 * INTERNET vertex's server farm (one /30 per server, inside the farm's
 * prefix). A LAN's prefix holds its network, gateway, hosts (or shared
 * addresses, whichever is more: PE-ARP and stock then get the same prefixes
 * and the same routes) and broadcast addresses.
 *
 * LAN prefixes are allocated from `lanBase` grouped by where the LAN
 * attaches to the routed core (PeArpGraphRoutes::GetAttachments), largest
 * first and each aligned on its size; each group starts on a multiple of
 * its total size rounded up to a power of two, so that the LANs behind one
 * core router make one aggregatable block (at the cost of up to half the
 * block unused). Link /30s come from `linkBase`.
 */
class PeArpAddressPlan
{
  public:
    /** Where the addresses come from. */
    struct Config
    {
        Ipv4Address lanBase = Ipv4Address("20.0.0.0");  //!< first LAN address
        Ipv4Address linkBase = Ipv4Address("10.0.0.0"); //!< first link /30 (a /8 at most)
    };

    /** What a LAN is. */
    enum LanKind
    {
        SITE_LAN,     //!< a SITE's own LAN
        SWITCHED_LAN, //!< switches behind a gateway router
        SERVER_FARM,  //!< the servers of an INTERNET vertex
    };

    /** One LAN. */
    struct Lan
    {
        LanKind kind = SITE_LAN;        //!< what it is
        uint32_t gateway = 0;           //!< its router vertex (SITE, ROUTER or INTERNET)
        std::vector<uint32_t> switches; //!< its switches (SWITCHED_LAN), in index order
        uint64_t hosts = 0;             //!< hosts (servers for a farm)
        PeArpTopology::Lan settings;    //!< resolver and ports (hosts: as counted here)
        Ipv4Address network;            //!< its network address
        uint32_t prefixLength = 32;     //!< its prefix length
        /** \return its mask */
        Ipv4Mask GetMask() const;
    };

    /** A plan with the default Config. */
    PeArpAddressPlan();
    /** \param config where the addresses come from */
    explicit PeArpAddressPlan(const Config& config);

    /**
     * Compute the plan. The topology must be valid (PeArpTopology::Validate).
     * \param topology the topology
     * \return an empty string, or why the addresses do not fit (naming
     * lanBase or linkBase)
     */
    std::string Compute(const PeArpTopology& topology);

    /** \return the LANs, in allocation order */
    const std::vector<Lan>& GetLans() const;
    /**
     * \param v a vertex
     * \return the index of its LAN (the one it is gateway or switch of), or
     * GetLans().size() if it has none
     */
    uint32_t GetLanOf(uint32_t v) const;
    /**
     * \param link a router-router link
     * \return the network of its /30 (end a is .1, end b .2); 0.0.0.0 for
     * other links
     */
    Ipv4Address GetLinkNetwork(uint32_t link) const;
    /**
     * \param link a router-router link
     * \param v one of its ends
     * \return that end's address on the link
     */
    Ipv4Address GetLinkAddress(uint32_t link, uint32_t v) const;
    /**
     * \param lan a LAN index
     * \param k a shared address (PE-ARP) or host (stock) or server index
     * \return the address: gateway .1, then hosts from .2; for a server
     * farm, server k's address on its /30 (the farm router has the other)
     */
    Ipv4Address GetHostAddress(uint32_t lan, uint64_t k) const;

  private:
    Config m_config;                     //!< where the addresses come from
    const PeArpTopology* m_topology;     //!< the topology of the last Compute
    std::vector<Lan> m_lans;             //!< LANs
    std::vector<uint32_t> m_lanOf;       //!< LAN of each vertex
    std::vector<uint32_t> m_linkNetwork; //!< /30 of each link (0: none)
};

} // namespace ns3

#endif /* PE_ARP_ADDRESS_PLAN_H */
