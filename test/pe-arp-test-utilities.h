/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_TEST_UTILITIES_H
#define PE_ARP_TEST_UTILITIES_H

#include "ns3/application.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/nstime.h"
#include "ns3/packet.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-range.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ns3
{

namespace tests
{

/**
 * \ingroup pe-arp-tests
 * \param bytes the bytes
 * \return a packet holding exactly these bytes
 */
Ptr<Packet> PacketFromBytes(const std::vector<uint8_t>& bytes);

/**
 * \ingroup pe-arp-tests
 * \param packet a packet
 * \return its bytes
 */
std::vector<uint8_t> BytesOf(Ptr<const Packet> packet);

/**
 * \ingroup pe-arp-tests
 * \param bytes bytes
 * \return "ea ab 07 d0 ..." (for readable failure messages)
 */
std::string ToHex(const std::vector<uint8_t>& bytes);

/**
 * \ingroup pe-arp-tests
 * \brief The PE-ARP paper's Figure 4, built with the module's public API:
 *
 * \verbatim
   inet 192.35.162.10 --p2p-- router 192.35.162.1 | 198.108.63.1 ==CSMA== A B C
   A, B, C share 198.108.63.2: A 2000-2999, B 3000-3999, C 4000-4999
   \endverbatim
 *
 * Request jitter is zero, so that timings are exact. Create it inside a
 * test's DoRun and call Simulator::Destroy at the end.
 */
class Figure4
{
  public:
    /**
     * Build the topology.
     * \param hostRanges the hosts' ranges (default: the paper's three)
     */
    explicit Figure4(const std::vector<PeArpPortRange>& hostRanges = {PeArpPortRange(2000, 2999),
                                                                      PeArpPortRange(3000, 3999),
                                                                      PeArpPortRange(4000, 4999)});

    Ptr<Node> inet;                           //!< Internet host
    Ptr<Node> router;                         //!< PE-ARP router
    NodeContainer hosts;                      //!< A, B, C
    Ptr<PeArpNetDevice> routerLan;            //!< router's PE-ARP interface
    std::vector<Ptr<PeArpNetDevice>> hostLan; //!< hosts' PE-ARP interfaces
    Ptr<NetDevice> routerLink;                //!< router's CSMA device
    std::vector<Ptr<NetDevice>> hostLink;     //!< hosts' CSMA devices
    Ipv4Address shared;                       //!< 198.108.63.2
    Ipv4Address inetAddress;                  //!< 192.35.162.10

    /** \return the router's PE-ARP */
    Ptr<PeArpL3Protocol> RouterProtocol() const;
    /**
     * \param i host index
     * \return the host's PE-ARP
     */
    Ptr<PeArpL3Protocol> HostProtocol(uint32_t i) const;
    /**
     * Inject a raw frame on the LAN from the router's CSMA device.
     * \param at when
     * \param bytes the ARP payload
     * \param to destination MAC
     */
    void InjectArp(Time at, const std::vector<uint8_t>& bytes, Mac48Address to) const;
    /**
     * Inject a raw ARP frame on the LAN from a given link device.
     * \param from the link device that sends it
     * \param at when
     * \param bytes the ARP payload
     * \param to destination MAC
     */
    static void InjectArpFrom(Ptr<NetDevice> from,
                              Time at,
                              const std::vector<uint8_t>& bytes,
                              Mac48Address to);
    /**
     * Send UDP datagrams from a node at a time.
     * \param from sending node
     * \param at when
     * \param to destination address
     * \param port destination port
     * \param count number of datagrams
     * \param size datagram size
     */
    static void SendUdp(Ptr<Node> from,
                        Time at,
                        Ipv4Address to,
                        uint16_t port,
                        uint32_t count,
                        uint32_t size);
};

/**
 * \ingroup pe-arp-tests
 * \brief Counts what a UDP or TCP sink received.
 * \param node the node
 * \param tcp TCP (true) or UDP (false)
 * \param port the port
 * \return the PacketSink application (started at 0)
 */
Ptr<Application> InstallSink(Ptr<Node> node, bool tcp, uint16_t port);

/**
 * \ingroup pe-arp-tests
 * \param sink a PacketSink
 * \return bytes it received
 */
uint64_t SinkBytes(Ptr<Application> sink);

} // namespace tests
} // namespace ns3

#endif /* PE_ARP_TEST_UTILITIES_H */
