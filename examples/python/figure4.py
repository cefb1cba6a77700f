#!/usr/bin/env python3
# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""The PE-ARP paper's Figure 4 from Python: three hosts share 198.108.63.2
behind a PE-ARP router, each owning 1000 ports; the Internet sends each host
10 KiB over TCP and each host echoes once over UDP.

    ./pearp run examples/python/figure4.py [--hosts 3] [--csv results/figure4-py.csv]
        [--provisioning static|dhcp|self]

With --provisioning=dhcp the router leases RFC 7597 port sets (DHCP option
159, PSID offset 6); with self the hosts claim ranges with RFC 5227 probes
(the traffic then starts at 8 s, after the claims).
"""
import argparse

import pearp

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--hosts", type=int, default=3, help="hosts sharing the address")
parser.add_argument("--csv", default="results/figure4-py-hosts.csv", help="per-host CSV")
parser.add_argument("--provisioning", choices=["static", "dhcp", "self"], default="static",
                    help="how hosts get their ports")
args = parser.parse_args()

extra = {"static": {}, "dhcp": {"provisioning": "DHCP", "psid_offset": 6},
         "self": {"provisioning": "SELF_ASSIGNED", "start": 8.0}}[args.provisioning]
pearp.seed(1, 1)
result = pearp.run_scenario(pearp.scenario(hosts_per_site=args.hosts, **extra),
                            progress=pearp.print_progress)
print("Router, PE-ARP table (arp -n):")
print(result["edge_table"])
print("%-5s %-15s %-12s %10s %6s" % ("host", "address", "ports", "TCP bytes", "echo"))
for h in result["hosts"]:
    print("%-5d %-15s %5d-%-6d %10d %6d" % (h["host"], h["ip"], h["port_low"], h["port_high"],
                                             h["rx_bytes"], h["echo_replies"]))
pearp.write_csv(result["hosts"], args.csv, pearp.HOST_CSV_COLUMNS)
if args.provisioning != "static":
    print("port sets %s at %s s" % ("leased" if args.provisioning == "dhcp" else "claimed",
                                    ", ".join("%.3f" % t for t in
                                              result["provisioning"]["provisioned_s"])))
print("all delivered:", result["totals"]["all_delivered"], "; per-host CSV:", args.csv)
