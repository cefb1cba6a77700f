/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_HELPER_H
#define PE_ARP_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/ipv4-interface-address.h"
#include "ns3/net-device-container.h"
#include "ns3/node-container.h"
#include "ns3/object-factory.h"
#include "ns3/pe-arp-lan-registry.h"
#include "ns3/pe-arp-port-range.h"
#include "ns3/pe-arp-port-set.h"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace ns3
{

class PeArpNetDevice;

/**
 * \ingroup pe-arp
 * \brief Puts PE-ARP interfaces on link-layer devices and addresses them.
 *
 * \code
 *   PeArpHelper peArp;
 *   NetDeviceContainer lan = peArp.Install(csma.Install(lanNodes));
 *   peArp.Assign(lan.Get(0), Ipv4InterfaceAddress("198.108.63.1", "255.255.255.0"));
 *   peArp.Assign(lan.Get(1), Ipv4InterfaceAddress("198.108.63.2", "255.255.255.0"),
 *                PeArpPortRange(2000, 2999));
 * \endcode
 *
 * The helper refuses impossible configurations with a clear message: an
 * invalid range, ports of an address that overlap ports of it already
 * assigned on the same LAN (by any PeArpHelper: see
 * ns3::PeArpLanRegistry), a range on a node without the PE-ARP host stack
 * (ns3::PeArpStackHelper), a device that is not a PE-ARP interface.
 */
class PeArpHelper
{
  public:
    PeArpHelper();

    /**
     * Set an attribute of the PeArpNetDevice objects created by Install.
     * \param name attribute name
     * \param value attribute value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Stack a PE-ARP interface on a link-layer device (which must not carry
     * IPv4). Aggregates a ns3::PeArpL3Protocol to the node if it has none.
     * \param lower the link-layer device
     * \return the PE-ARP interface
     */
    Ptr<PeArpNetDevice> Install(Ptr<NetDevice> lower) const;
    /**
     * Stack a PE-ARP interface on each device.
     * \param lower the link-layer devices
     * \return the PE-ARP interfaces, in the same order
     */
    NetDeviceContainer Install(const NetDeviceContainer& lower) const;

    /**
     * Add an IPv4 address to a PE-ARP interface (adding the IPv4 interface if
     * needed) and bring it up. A range other than 0-0 makes the address
     * shared: the node owns only those ports of it. Aborts with a clear
     * message if CheckAssignment refuses.
     * \param device a PE-ARP interface
     * \param address the address and mask
     * \param range the ports of the address this node owns (0-0: all)
     * \return the IPv4 interface index
     */
    uint32_t Assign(Ptr<NetDevice> device,
                    Ipv4InterfaceAddress address,
                    PeArpPortRange range = PeArpPortRange::All());

    /**
     * Add an IPv4 address to a PE-ARP interface with a port set, contiguous
     * or not (e.g. from ns3::PeArpPortSetAllocator). Aborts with a clear
     * message if CheckAssignment refuses.
     * \param device a PE-ARP interface
     * \param address the address and mask
     * \param ports the ports of the address this node owns
     * \return the IPv4 interface index
     */
    uint32_t Assign(Ptr<NetDevice> device, Ipv4InterfaceAddress address, const PeArpPortSet& ports);

    /**
     * Add a shared address to a PE-ARP interface of a PE-ARP host whose range
     * will be claimed at run time (ns3::PeArpConflictDetector): the address
     * is tentative, the host owns none of its ports until the claim.
     * \param device a PE-ARP interface
     * \param address the address and mask
     * \return the IPv4 interface index
     */
    uint32_t AssignForClaim(Ptr<NetDevice> device, Ipv4InterfaceAddress address);

    /**
     * Would Assign accept this? (Assign aborts when it would not.)
     * \param device a PE-ARP interface
     * \param address the address and mask
     * \param range the range
     * \return why Assign would refuse it, or nothing if it would accept it
     */
    std::optional<std::string> CheckAssignment(Ptr<NetDevice> device,
                                               Ipv4InterfaceAddress address,
                                               PeArpPortRange range) const;
    /**
     * Would Assign accept this port set? (Assign aborts when it would not.)
     * \param device a PE-ARP interface
     * \param address the address and mask
     * \param ports the ports
     * \return why Assign would refuse it, or nothing if it would accept it
     */
    std::optional<std::string> CheckAssignment(Ptr<NetDevice> device,
                                               Ipv4InterfaceAddress address,
                                               const PeArpPortSet& ports) const;

    /**
     * Find ports of an address that overlap the given ones and were already
     * assigned (by any PeArpHelper) on the LAN of a PE-ARP interface: its
     * link device's channel, or all the channels bridges join to it.
     * O(log n) after the LAN's first look-up.
     * \param device a PE-ARP interface (or a link-layer device)
     * \param address the address
     * \param range the ports (0-0: all)
     * \return the overlapping assignment, if any
     */
    static std::optional<PeArpLanAssignment> FindOverlap(Ptr<NetDevice> device,
                                                         Ipv4Address address,
                                                         PeArpPortRange range);
    /**
     * As FindOverlap with a range, for each range of a port set.
     * \param device a PE-ARP interface (or a link-layer device)
     * \param address the address
     * \param ports the ports
     * \return an overlapping assignment, if any
     */
    static std::optional<PeArpLanAssignment> FindOverlap(Ptr<NetDevice> device,
                                                         Ipv4Address address,
                                                         const PeArpPortSet& ports);

    /**
     * Add a static (permanent) entry to a PE-ARP device's cache.
     * \param device a PE-ARP interface or PE-Bridge
     * \param address the IPv4 address
     * \param range the port range
     * \param mac the hardware address
     * \return false if it overlaps another static entry
     */
    static bool AddStaticEntry(Ptr<NetDevice> device,
                               Ipv4Address address,
                               PeArpPortRange range,
                               Mac48Address mac);

    /**
     * Print a PE-ARP device's table like the paper's `arp -n` (Figure 3).
     * \param device a PE-ARP interface or PE-Bridge
     * \param os the stream
     */
    static void PrintTable(Ptr<NetDevice> device, std::ostream& os);

    /**
     * Assign fixed random variable streams to the PE-ARP protocols of nodes.
     * \param nodes the nodes
     * \param stream first stream index
     * \return number of streams assigned
     */
    static int64_t AssignStreams(NodeContainer nodes, int64_t stream);

  private:
    ObjectFactory m_deviceFactory; //!< device factory

    /**
     * \param device a PE-ARP interface (or a link-layer device)
     * \return the registry of its LAN
     */
    static Ptr<PeArpLanRegistry> GetLanRegistry(Ptr<NetDevice> device);

    /**
     * \param device the device
     * \param address the address
     * \param ports the ports (null: all ports)
     * \return why they cannot be assigned, or nothing (the text is made only
     * for a refusal: Assign checks every address it gives)
     */
    std::optional<std::string> CheckPorts(Ptr<NetDevice> device,
                                          Ipv4InterfaceAddress address,
                                          const PeArpPortSet* ports) const;
    /**
     * Assign after the checks.
     * \param device the device
     * \param address the address
     * \param ports the ports (null: all ports)
     * \return the IPv4 interface index
     */
    uint32_t DoAssign(Ptr<NetDevice> device,
                      Ipv4InterfaceAddress address,
                      const PeArpPortSet* ports);
    /**
     * Add an address to a device's IPv4 interface (created if needed) and
     * bring it up.
     * \param device the device
     * \param address the address
     * \return the IPv4 interface index
     */
    static uint32_t AddAddress(Ptr<NetDevice> device, Ipv4InterfaceAddress address);
    /**
     * \param address an address
     * \return its dotted form
     */
    static std::string ToString(Ipv4Address address);
};

} // namespace ns3

#endif /* PE_ARP_HELPER_H */
