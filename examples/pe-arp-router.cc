/*
 * Copyright (c) 2026 pe-arp authors
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */

/*
 * PE-ARP router deployment (PE-ARP paper, Figure 4), generalized.
 *
 *                                            198.108.63.0/24 (site 0)
 *   inet ---- p2p ---- core ---- p2p ---- router .1 ===== CSMA LAN =====
 *   (BulkSend clients,          (more sites    (PE-ARP)    |     |     |
 *    UDP echo server)            alike)                    A     B     C
 *                                                  198.108.63.2 shared by A, B, C
 *                                                  A: 2000-2999  B: 3000-3999
 *                                                  C: 4000-4999
 *
 * Hosts A, B, C share one public address and each owns a port range. The
 * edge router resolves (address, port) with PE-ARP. Every host receives a
 * TCP transfer from the Internet on the first port of its range and makes
 * one UDP echo exchange with an Internet server.
 *
 * Output: the router's PE-ARP table (like the paper's `arp -n`, Figure 3),
 * a per-host table, totals, results/pe-arp-router-hosts.csv and, with
 * --pcap, results/pe-arp-router-<node>-<device>.pcap. The options and the
 * output are those of pe-arp-bridge, so that the deployments compare.
 *
 *   ./pearp run pe-arp-router --hosts=12 --sharedIps=2 --portsPerHost=500 --pcap
 *   ./pearp run pe-arp-router --help
 */

#include "pe-arp-scenario-example.h"

#include "ns3/pe-arp-module.h"

using namespace ns3;

int
main(int argc, char* argv[])
{
    return pearp::RunScenarioExample(argc, argv, __FILE__, "pe-arp-router", PeArpScenario::ROUTER);
}
