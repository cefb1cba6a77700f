/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

#ifndef PE_ARP_RESOA_HELPER_H
#define PE_ARP_RESOA_HELPER_H

#include "ns3/attribute.h"
#include "ns3/ipv4-address.h"
#include "ns3/mac48-address.h"
#include "ns3/net-device.h"
#include "ns3/node.h"
#include "ns3/object-factory.h"
#include "ns3/pe-arp-resoa-client.h"
#include "ns3/pe-arp-resoa-server.h"

#include <string>

namespace ns3
{

/**
 * \ingroup pe-arp
 * \brief Installs the ReSoA baseline (n-to-1 mode, pure clients).
 *
 * - InstallServer: a ns3::PeArpResoaServer on a node that has a TCP/IP
 *   stack (InternetStackHelper) and publicAddress on one of its
 *   interfaces; its LHP runs on the LAN device given.
 * - InstallClient, PURE: a ns3::PeArpResoaClient on a node WITHOUT IPv4,
 *   on its LAN device, plus the ReSoA TCP and UDP socket factories
 *   aggregated to the node, so that unmodified applications using
 *   "ns3::TcpSocketFactory" and "ns3::UdpSocketFactory" run through the
 *   server;
 * - InstallClient, DUAL: the same on a node that keeps its own stack, with
 *   the factories "ns3::PeArpResoaDualTcpSocketFactory" and
 *   "ns3::PeArpResoaDualUdpSocketFactory", which applications name to go
 *   through ReSoA.
 *
 * A client connects and registers when the simulation reaches its install
 * time (ScheduleNow); calls made earlier are sent after REGISTER.
 */
class PeArpResoaHelper
{
  public:
    /** Client modes (ReSoA TR §4.1.2). */
    enum Mode
    {
        PURE, //!< no TCP/IP stack on the client: ReSoA is the node's TCP and UDP
        DUAL, //!< the client keeps its stack; ReSoA factories are picked by name
    };

    PeArpResoaHelper();

    /**
     * \param name an attribute of ns3::PeArpResoaServer
     * \param value its value
     */
    void SetServerAttribute(const std::string& name, const AttributeValue& value);
    /**
     * \param name an attribute of ns3::PeArpResoaLhp (server and clients)
     * \param value its value
     */
    void SetLhpAttribute(const std::string& name, const AttributeValue& value);

    /**
     * \param node the server node (with a TCP/IP stack)
     * \param device its LAN device (the LHP's)
     * \param publicAddress its public IPv4 address
     * \return the server
     */
    Ptr<PeArpResoaServer> InstallServer(Ptr<Node> node,
                                        Ptr<NetDevice> device,
                                        Ipv4Address publicAddress) const;
    /**
     * \param node the client node (PURE: no IPv4, aborts otherwise)
     * \param device its LAN device
     * \param serverMac the MAC address of the server's LAN device
     * \param mode PURE or DUAL
     * \return the client
     */
    Ptr<PeArpResoaClient> InstallClient(Ptr<Node> node,
                                        Ptr<NetDevice> device,
                                        Mac48Address serverMac,
                                        Mode mode = PURE) const;

  private:
    ObjectFactory m_server; //!< server attributes
    ObjectFactory m_lhp;    //!< LHP attributes
};

} // namespace ns3

#endif /* PE_ARP_RESOA_HELPER_H */
