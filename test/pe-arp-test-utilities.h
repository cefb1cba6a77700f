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
#include "ns3/pe-arp-bridge-net-device.h"
#include "ns3/pe-arp-helper.h"
#include "ns3/pe-arp-l3-protocol.h"
#include "ns3/pe-arp-net-device.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/pe-arp-port-set.h"
#include "ns3/test.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

/**
 * \ingroup pe-arp-tests
 * Like NS_TEST_ASSERT_MSG_EQ, but also leaves the test: ns-3's test runner
 * continues after a failed assertion by default, and the code after these
 * checks indexes or dereferences what they check.
 */
#define PEARP_REQUIRE_EQ(actual, limit, msg)                                                       \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_ASSERT_MSG_EQ(actual, limit, msg);                                                 \
        if (!((actual) == (limit)))                                                                \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

/**
 * \ingroup pe-arp-tests
 * Like NS_TEST_ASSERT_MSG_NE, but also leaves the test (see PEARP_REQUIRE_EQ).
 */
#define PEARP_REQUIRE_NE(actual, limit, msg)                                                       \
    do                                                                                             \
    {                                                                                              \
        NS_TEST_ASSERT_MSG_NE(actual, limit, msg);                                                 \
        if ((actual) == (limit))                                                                   \
        {                                                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

/**
 * \ingroup pe-arp
 * \ingroup tests
 * \defgroup pe-arp-tests PE-ARP module tests
 */

namespace ns3
{

namespace tests
{

/**
 * \ingroup pe-arp-tests
 * \brief Destroys the simulator when a test leaves DoRun by any path,
 * including a failed NS_TEST_ASSERT, so that the next test case starts clean.
 */
class SimulatorDestroyGuard
{
  public:
    SimulatorDestroyGuard() = default;
    ~SimulatorDestroyGuard();
    SimulatorDestroyGuard(const SimulatorDestroyGuard&) = delete;
    SimulatorDestroyGuard& operator=(const SimulatorDestroyGuard&) = delete;
};

/**
 * \ingroup pe-arp-tests
 * \brief How a function run in a child process ended (RunInChild).
 */
struct ChildOutcome
{
    bool aborted = false; //!< the child was ended by SIGABRT (NS_ABORT_MSG, NS_FATAL_ERROR)
    std::string output;   //!< what it wrote to stdout and stderr
};

/**
 * \ingroup pe-arp-tests
 * Run a function in a child process (fork), for the checks that bad input
 * stops a program with a clear message: NS_ABORT_MSG and NS_FATAL_ERROR
 * would end the test runner itself. The child writes no core file.
 * \param body what the child runs; it exits with status 0 if body returns
 * \return how the child ended and what it wrote
 */
ChildOutcome RunInChild(const std::function<void()>& body);

/**
 * \ingroup pe-arp-tests
 * \param refusal what PeArpHelper::CheckAssignment said
 * \param why receives the refusal's text ("" when accepted), for messages
 * \return true if the assignment was accepted
 */
inline bool
Accepted(const std::optional<std::string>& refusal, std::string& why)
{
    why = refusal.value_or("");
    return !refusal;
}

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
 * Learn (address, range) at mac in a cache (PeArpCache::Resolve), keeping
 * the packets it hands back, as PeArpL3Protocol does with a reply.
 * \param cache the cache
 * \param address the IPv4 address
 * \param range the port range
 * \param mac the hardware address
 * \param pending the packets the cache handed back are appended here
 * \return the entry, or nullptr if refused
 */
PeArpCache::Entry* Learn(Ptr<PeArpCache> cache,
                         Ipv4Address address,
                         PeArpPortRange range,
                         Mac48Address mac,
                         PeArpCache::PendingList& pending);

/**
 * \ingroup pe-arp-tests
 * \brief What the router and bridge topologies have in common: an Internet
 * host and hosts sharing 198.108.63.2 behind a PE-ARP edge.
 */
class SharedAddressTopology
{
  public:
    virtual ~SharedAddressTopology() = default;

    Ptr<Node> inet;                           //!< Internet host, 192.35.162.10
    NodeContainer hosts;                      //!< A, B, C
    std::vector<Ptr<PeArpNetDevice>> hostLan; //!< hosts' PE-ARP interfaces
    std::vector<Ptr<NetDevice>> hostLink;     //!< hosts' CSMA devices
    Ipv4Address shared;                       //!< 198.108.63.2
    Ipv4Address inetAddress;                  //!< 192.35.162.10

    /** \return the PE-ARP of the edge (router or PE-Bridge) */
    virtual Ptr<PeArpL3Protocol> EdgeProtocol() const = 0;
    /** \return the edge's PE-ARP device (router interface or PE-Bridge) */
    virtual Ptr<NetDevice> EdgeDevice() const = 0;
    /**
     * \param i host index
     * \return the host's PE-ARP
     */
    Ptr<PeArpL3Protocol> HostProtocol(uint32_t i) const;
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
    /**
     * Inject a raw ARP frame from a given link device.
     * \param from the link device that sends it
     * \param at when
     * \param bytes the ARP payload
     * \param to destination MAC
     */
    static void InjectArpFrom(Ptr<NetDevice> from,
                              Time at,
                              const std::vector<uint8_t>& bytes,
                              Mac48Address to);

  protected:
    SharedAddressTopology();
    /**
     * Install the hosts' PE-ARP interfaces on their link devices, with the
     * shared address, their ranges and a default route.
     * \param links the hosts' link devices
     * \param ranges their ranges
     * \param gateway their default gateway
     */
    void SetUpHosts(const NetDeviceContainer& links,
                    const std::vector<PeArpPortRange>& ranges,
                    Ipv4Address gateway);
    /**
     * Install the hosts' PE-ARP interfaces, address them with a function and
     * give them a default route.
     * \param links the hosts' link devices
     * \param gateway their default gateway
     * \param assign addresses host i's interface; returns the IPv4 interface index
     */
    void SetUpHosts(
        const NetDeviceContainer& links,
        Ipv4Address gateway,
        const std::function<uint32_t(PeArpHelper&, Ptr<PeArpNetDevice>, uint32_t)>& assign);
    /**
     * As SetUpHosts with ranges, with port sets.
     * \param links the hosts' link devices
     * \param sets their port sets
     * \param gateway their default gateway
     */
    void SetUpHosts(const NetDeviceContainer& links,
                    const std::vector<PeArpPortSet>& sets,
                    Ipv4Address gateway);
    /**
     * Connect the Internet host to a router (192.35.162.0/24, the router .1).
     * \param router the router
     */
    void ConnectInternet(Ptr<Node> router);
};

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
class Figure4 : public SharedAddressTopology
{
  public:
    /**
     * Build the topology.
     * \param hostRanges the hosts' ranges (default: the paper's three)
     */
    /** Hosts whose ranges are claimed at run time (ns3::PeArpConflictDetector). */
    struct Claiming
    {
        uint32_t hosts; //!< number of hosts
    };

    /**
     * Build the topology with hosts whose shared address is tentative: their
     * ranges are to be claimed (PeArpHelper::AssignForClaim).
     * \param claiming the number of hosts
     */
    explicit Figure4(Claiming claiming);
    /**
     * Build the topology with hosts holding port sets (e.g. MAP sets).
     * \param hostSets the hosts' port sets
     */
    explicit Figure4(const std::vector<PeArpPortSet>& hostSets);
    explicit Figure4(const std::vector<PeArpPortRange>& hostRanges = {PeArpPortRange(2000, 2999),
                                                                      PeArpPortRange(3000, 3999),
                                                                      PeArpPortRange(4000, 4999)});

    Ptr<Node> router;              //!< PE-ARP router
    Ptr<PeArpNetDevice> routerLan; //!< router's PE-ARP interface
    Ptr<NetDevice> routerLink;     //!< router's CSMA device

    /** \return the router's PE-ARP */
    Ptr<PeArpL3Protocol> RouterProtocol() const;
    Ptr<PeArpL3Protocol> EdgeProtocol() const override;
    Ptr<NetDevice> EdgeDevice() const override;
    /**
     * Inject a raw frame on the LAN from the router's CSMA device.
     * \param at when
     * \param bytes the ARP payload
     * \param to destination MAC
     */
    void InjectArp(Time at, const std::vector<uint8_t>& bytes, Mac48Address to) const;

  private:
    /**
     * Build everything but the hosts' PE-ARP interfaces.
     * \param nHosts the number of hosts
     */
    void BuildRouterLan(uint32_t nHosts);

    NetDeviceContainer m_hostLinks; //!< hosts' link devices
};

/**
 * \ingroup pe-arp-tests
 * \brief The PE-ARP paper's Figure 5: an unmodified gateway (ns-3's stock
 * ARP) and a PE-Bridge in front of the hosts:
 *
 * \verbatim
   inet 192.35.162.10 --p2p-- gateway 192.35.162.1 | 198.108.63.1 --CSMA-- PE-Bridge ==CSMA== A B C
   \endverbatim
 *
 * With switched = true each host has its own link to a bridge port.
 */
class Figure5 : public SharedAddressTopology
{
  public:
    /**
     * Build the topology.
     * \param switched one bridge port per host (else one port to a CSMA bus)
     */
    explicit Figure5(bool switched = false);

    Ptr<Node> gateway;                //!< unmodified gateway
    Ptr<NetDevice> gatewayLink;       //!< its LAN CSMA device
    Ptr<Node> bridgeNode;             //!< the bridge's node
    Ptr<PeArpBridgeNetDevice> bridge; //!< the PE-Bridge

    Ptr<PeArpL3Protocol> EdgeProtocol() const override;
    Ptr<NetDevice> EdgeDevice() const override;
};

/**
 * \ingroup pe-arp-tests
 * \brief Counts what a UDP or TCP sink received.
 * \param node the node
 * \param tcp TCP (true) or UDP (false)
 * \param port the port
 * \param start when the sink starts (binds)
 * \return the PacketSink application
 */
Ptr<Application> InstallSink(Ptr<Node> node, bool tcp, uint16_t port, Time start = Seconds(0));

/**
 * \ingroup pe-arp-tests
 * Start a TCP transfer (BulkSend) of some bytes from a node to (address, port).
 * \param from the sender
 * \param to the address
 * \param port the port
 * \param bytes the bytes
 * \param at start time
 */
void SendTcp(Ptr<Node> from, Ipv4Address to, uint16_t port, uint32_t bytes, Time at);

/**
 * \ingroup pe-arp-tests
 * \param sink a PacketSink
 * \return bytes it received
 */
uint64_t SinkBytes(Ptr<Application> sink);

} // namespace tests
} // namespace ns3

#endif /* PE_ARP_TEST_UTILITIES_H */
