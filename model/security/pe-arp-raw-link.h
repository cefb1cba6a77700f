/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RAW_LINK_H
#define PE_ARP_RAW_LINK_H

#include "ns3/net-device.h"
#include "ns3/node.h"

namespace ns3
{

/**
 * \ingroup pe-arp
 * The device an attacker application sends raw frames on: the node's first
 * Ethernet-like link device (a 48-bit MAC), not loopback and not a PE-ARP
 * interface stacked on a link.
 * \param node the node
 * \return the device, or null if the node has none
 */
Ptr<NetDevice> PeArpFirstLinkDevice(Ptr<Node> node);

} // namespace ns3

#endif /* PE_ARP_RAW_LINK_H */
