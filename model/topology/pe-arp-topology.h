/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TOPOLOGY_H
#define PE_ARP_TOPOLOGY_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief A network described as a graph, before any ns-3 object exists:
 * routers, switches, sites (an edge router and its LAN of hosts), server
 * farms standing for the Internet, and links with a rate, a delay and a
 * routing metric.
 *
 * It is plain data: vertices and links in vectors, indexed from 0. The
 * algorithms (PeArpTopologyGenerator, PeArpAddressPlan, PeArpGraphRoutes,
 * PeArpSpanningTree) run Boost.Graph on it, and PeArpTopologyHelper turns it
 * into nodes, devices, addresses, routes and applications.
 *
 * The layer-3 graph is made of the ROUTER, SITE and INTERNET vertices and
 * the links between them. A connected group of SWITCH vertices is one
 * switched LAN: exactly one router links to it and is its gateway, and the
 * hosts of the LAN hang off its switches. A SITE is an edge router with a
 * LAN of its own (one segment or one switch, as the helper is told).
 *
 * Build one in C++ (AddVertex, AddLink), read one from Graphviz DOT or
 * GraphML (ReadGraphviz, ReadGraphml), or generate one
 * (PeArpTopologyGenerator). Validate() names what is wrong with it.
 */
class PeArpTopology
{
  public:
    /** What a vertex stands for. */
    enum Kind
    {
        ROUTER,   //!< an IPv4 router; the gateway of the switched LAN it links to, if any
        SWITCH,   //!< a learning bridge; `lan.hosts` hosts hang off it
        SITE,     //!< an edge router with its own LAN of `lan.hosts` hosts
        INTERNET, //!< a router with `lan.hosts` servers behind it (traffic sources)
    };

    /** How the hosts of a LAN resolve addresses. */
    enum Resolver
    {
        PE_ARP, //!< hosts share `sharedIps` addresses, each with its own port range
        STOCK,  //!< one address per host, ns-3's ARP
        NAT,    //!< private hosts behind a NAPT site router (SITE only): one public address,
                //!< a deterministic block of `portsPerHost` ports per host from `firstPort`
    };

    /** The hosts of a LAN. */
    struct Lan
    {
        uint32_t hosts = 0;           //!< hosts (SITE, SWITCH) or servers (INTERNET)
        Resolver resolver = PE_ARP;   //!< resolver (SITE; ROUTER: the switched LAN it serves)
        uint32_t sharedIps = 1;       //!< shared addresses of the LAN (PE_ARP)
        uint32_t portsPerHost = 1000; //!< ports per host (PE_ARP)
        uint32_t firstPort = 2000;    //!< first port of the first range (PE_ARP)
    };

    /** A vertex. */
    struct Vertex
    {
        Kind kind = ROUTER; //!< what it is
        std::string name;   //!< a name (unique, may be empty)
        Lan lan;            //!< its LAN, where it has one
    };

    /** An undirected link. */
    struct Link
    {
        uint32_t a = 0;                 //!< one end
        uint32_t b = 0;                 //!< the other end
        uint64_t dataRate = 1000000000; //!< bit/s
        double delay = 0.001;           //!< seconds
        uint32_t metric = 1;            //!< routing cost (shortest paths add these)
    };

    /**
     * Add a vertex with no LAN (hosts 0) and a name made of its kind and index.
     * \param kind its kind
     * \return its index
     */
    uint32_t AddVertex(Kind kind);
    /**
     * Add a vertex.
     * \param kind its kind
     * \param lan its LAN (hosts must be 0 for a ROUTER)
     * \param name its name (empty: a name made of the kind and the index)
     * \return its index
     */
    uint32_t AddVertex(Kind kind, const Lan& lan, const std::string& name = "");
    /**
     * Add a link. Validate() checks the ends.
     * \param a one end
     * \param b the other end
     * \param dataRate bit/s
     * \param delay seconds
     * \param metric routing cost
     * \return its index
     */
    uint32_t AddLink(uint32_t a,
                     uint32_t b,
                     uint64_t dataRate = 1000000000,
                     double delay = 0.001,
                     uint32_t metric = 1);

    /** \return the number of vertices */
    uint32_t GetNVertices() const;
    /** \return the number of links */
    uint32_t GetNLinks() const;
    /**
     * \param v a vertex index
     * \return the vertex
     */
    const Vertex& GetVertex(uint32_t v) const;
    /**
     * \param v a vertex index
     * \return the vertex, to change it
     */
    Vertex& GetVertex(uint32_t v);
    /**
     * \param l a link index
     * \return the link
     */
    const Link& GetLink(uint32_t l) const;
    /** \return every link */
    const std::vector<Link>& GetLinks() const;
    /**
     * \param v a vertex
     * \return the indices of its links, in the order they were added
     */
    std::vector<uint32_t> GetVertexLinks(uint32_t v) const;
    /**
     * \param v a vertex
     * \return its degree (links)
     */
    uint32_t GetDegree(uint32_t v) const;
    /**
     * \param kind a kind
     * \return the vertices of that kind, in index order
     */
    std::vector<uint32_t> GetVerticesOfKind(Kind kind) const;
    /**
     * \param name a vertex name
     * \return the first vertex of that name, or nothing
     */
    std::optional<uint32_t> FindVertex(const std::string& name) const;
    /** \return the hosts over every SITE and SWITCH */
    uint64_t GetNHosts() const;
    /**
     * \param v a vertex
     * \return whether it is a layer-3 vertex (ROUTER, SITE or INTERNET)
     */
    bool IsRouter(uint32_t v) const;

    /**
     * Check the description.
     * \return an empty string if it can be built, else what is wrong, naming
     * the vertex or link and the field
     */
    std::string Validate() const;

    /** The result of reading a file. */
    struct ReadResult;

    /**
     * Read a Graphviz DOT graph (undirected). Vertices come in the order of
     * their node ids (as Boost.Graph's reader keeps them); find them with
     * FindVertex. Values with a unit must be quoted, as DOT reads 100Mbps
     * as the number 100 followed by a name. Node attributes: `kind`
     * (router, switch, site, internet; default router), `hosts`, `resolver`
     * (pe-arp, stock), `sharedIps`, `portsPerHost`, `firstPort`; edge
     * attributes: `rate` (bit/s, or with a k, M or G suffix, optionally
     * followed by bps), `delay` (seconds, or with an ms or us suffix),
     * `metric`; a `name` attribute, if given, names the vertex instead of
     * its node id.
     * \param text the DOT text
     * \return the topology, or why it could not be read
     */
    static ReadResult ReadGraphviz(const std::string& text);
    /**
     * Read a GraphML graph, with the attributes of ReadGraphviz as `<key>`s
     * (string-typed); vertices come in document order, named by a `name`
     * key (Boost.Graph's reader does not keep node ids) or n0, n1, ...
     * \param text the GraphML text
     * \return the topology, or why it could not be read
     */
    static ReadResult ReadGraphml(const std::string& text);
    /**
     * Write the topology as Graphviz DOT, with the attributes ReadGraphviz reads.
     * \return the DOT text
     */
    std::string WriteGraphviz() const;

    /**
     * \param kind a kind
     * \return its name in files ("router", "switch", "site", "internet")
     */
    static std::string GetKindName(Kind kind);

  private:
    std::vector<Vertex> m_vertices;                   //!< vertices
    std::vector<Link> m_links;                        //!< links
    std::vector<std::vector<uint32_t>> m_vertexLinks; //!< links of each vertex
};

/** The result of reading a topology file: a topology, or an error. */
struct PeArpTopology::ReadResult
{
    PeArpTopology topology; //!< what was read (empty on error)
    std::string error;      //!< empty, or what is wrong and where
};

} // namespace ns3

#endif /* PE_ARP_TOPOLOGY_H */
