/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_BRIDGE_HELPER_H
#define PE_ARP_BRIDGE_HELPER_H

#include "ns3/ipv4-address.h"
#include "ns3/net-device-container.h"
#include "ns3/object-factory.h"

#include <string>
#include <vector>

namespace ns3
{

class Node;
class PeArpBridgeNetDevice;

/**
 * \ingroup pe-arp
 * \brief Installs a PE-Bridge (ns3::PeArpBridgeNetDevice), as ns3::BridgeHelper
 * installs a learning bridge.
 *
 * \code
 *   PeArpBridgeHelper peBridge;
 *   Ptr<PeArpBridgeNetDevice> bridge =
 *       peBridge.Install(bridgeNode, ports, {Ipv4Address("198.108.63.2")});
 * \endcode
 */
class PeArpBridgeHelper
{
  public:
    PeArpBridgeHelper();

    /**
     * Set an attribute of the bridges created by Install.
     * \param name attribute name
     * \param value attribute value
     */
    void SetDeviceAttribute(const std::string& name, const AttributeValue& value);

    /**
     * Create a PE-Bridge on a node over its ports, serving shared addresses.
     * Aggregates a ns3::PeArpL3Protocol to the node if it has none. The node
     * needs no IP stack. The port toward the gateway is the first one, or
     * the one the bridge attribute UplinkPort names (aborts if there is no
     * such port).
     * \param node the bridge node
     * \param ports the ports (devices of the node that support SendFrom)
     * \param sharedAddresses the shared addresses the bridge serves
     * \return the bridge
     */
    Ptr<PeArpBridgeNetDevice> Install(Ptr<Node> node,
                                      const NetDeviceContainer& ports,
                                      const std::vector<Ipv4Address>& sharedAddresses) const;

  private:
    ObjectFactory m_deviceFactory; //!< device factory
};

} // namespace ns3

#endif /* PE_ARP_BRIDGE_HELPER_H */
