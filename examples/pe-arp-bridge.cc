/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PE-Bridge deployment (PE-ARP paper, Figure 5), generalized.
 *
 *                                                  198.108.63.0/24 (site 0)
 *   inet ---- p2p ---- core ---- p2p ---- gateway .1 ---- PE-Bridge ===== CSMA =====
 *   (BulkSend clients,          (more     (unmodified,    (serves         |    |    |
 *    UDP echo server)            sites)    stock ARP)      198.108.63.2)  A    B    C
 *                                                  198.108.63.2 shared by A, B, C
 *                                                  A: 2000-2999  B: 3000-3999
 *                                                  C: 4000-4999
 *
 * The gateway is an ordinary ns-3 router: its stock ARP resolves the shared
 * address to the PE-Bridge, which answers for it. The bridge resolves
 * (address, port) with PE-ARP and forwards each frame to the host owning
 * the destination port. Traffic, options, printed tables and the CSV are
 * those of pe-arp-router, so that the two deployments compare.
 *
 *   ./pearp run pe-arp-bridge --hosts=12 --sharedIps=2 --portsPerHost=500 --pcap
 *   ./pearp run pe-arp-bridge --lan=switched --answerEcho
 */

#include "pe-arp-scenario-example.h"

#include "ns3/pe-arp-module.h"

using namespace ns3;

int
main(int argc, char* argv[])
{
    return pearp::RunScenarioExample(argc, argv, __FILE__, "pe-arp-bridge", PeArpScenario::BRIDGE);
}
