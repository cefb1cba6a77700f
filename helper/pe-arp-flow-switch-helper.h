/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_FLOW_SWITCH_HELPER_H
#define PE_ARP_FLOW_SWITCH_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/nstime.h"
#include "ns3/object-factory.h"
#include "ns3/pe-arp-port-range.h"

#include <string>

namespace ns3
{

class Node;
class PeArpFlowSwitchNetDevice;
class PeArpPortIsolationController;

/**
 * \ingroup pe-arp
 * \brief What PeArpFlowSwitchHelper::InstallPortIsolation built: the host's
 * switch and its controller.
 */
struct PeArpPortIsolation
{
    Ptr<PeArpFlowSwitchNetDevice> device;         //!< the switch (the host's stack is on it)
    Ptr<PeArpPortIsolationController> controller; //!< its controller
};

/**
 * \ingroup pe-arp
 * \brief Builds a port-space isolation host (OVS paper, section 3.3): a
 * flow switch over the host's devices, the host's IPv4 on the switch
 * device, a controller, and guests that share the host's address and MAC.
 *
 * \code
 *   PeArpFlowSwitchHelper helper;
 *   PeArpPortIsolation host =
 *       helper.InstallPortIsolation(hostNode, ports, "133.69.37.10", "255.255.255.0");
 *   helper.AddGuest(host, vm1Device, 1, PeArpPortRange(10000, 10099), Seconds(1));
 * \endcode
 */
class PeArpFlowSwitchHelper
{
  public:
    PeArpFlowSwitchHelper();

    /**
     * Set an attribute of the switches created.
     * \param name attribute name
     * \param value attribute value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);
    /**
     * Set an attribute of the controllers created.
     * \param name attribute name
     * \param value attribute value
     */
    void SetControllerAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Create a flow switch on a node over its devices (port i is ports.Get(i)),
     * with an empty table.
     * \param node the node
     * \param ports devices of the node that support SendFrom
     * \return the switch
     */
    Ptr<PeArpFlowSwitchNetDevice> Install(Ptr<Node> node, const NetDeviceContainer& ports) const;

    /**
     * Create a port-isolation host: a switch over the ports (the first is
     * the uplink), the shared address on the switch device (the node needs
     * an IPv4 stack; aborts, saying so, otherwise), and a controller
     * installed on it.
     * \param host the host node
     * \param ports its devices; ports.Get(0) is the uplink
     * \param shared the address the host and its guests share
     * \param mask its mask
     * \return the switch and the controller
     */
    PeArpPortIsolation InstallPortIsolation(Ptr<Node> host,
                                            const NetDeviceContainer& ports,
                                            Ipv4Address shared,
                                            Ipv4Mask mask) const;

    /**
     * Configure a guest behind a port: its device gets the host's MAC (OVS
     * mode; in EBTABLES mode it keeps its own, which the controller
     * translates to), its IPv4 (the guest node needs a stack; aborts, saying
     * so, otherwise) the shared address, and at its start the controller
     * installs its range.
     * \param host what InstallPortIsolation built
     * \param guestDevice the guest's device, linked to the host's port
     * \param port the port's index
     * \param range the guest's port range
     * \param start when the guest starts
     */
    void AddGuest(const PeArpPortIsolation& host,
                  Ptr<NetDevice> guestDevice,
                  uint32_t port,
                  PeArpPortRange range,
                  Time start) const;

  private:
    ObjectFactory m_deviceFactory;     //!< switches
    ObjectFactory m_controllerFactory; //!< controllers
};

} // namespace ns3

#endif /* PE_ARP_FLOW_SWITCH_HELPER_H */
