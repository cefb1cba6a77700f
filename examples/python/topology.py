#!/usr/bin/env python3
# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""A generated ISP from Python: sites of hosts sharing addresses behind PE-ARP
routers, NAT sites and stock sites on one backbone, routes computed on the
graph (Boost.Graph), the standard traffic, and the results per kind of site.

    ./pearp run examples/python/topology.py [--sites 12] [--hosts 20] [--dot FILE]
"""
import argparse
import collections

import pearp

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--backbone", type=int, default=4, help="backbone routers (a ring)")
parser.add_argument("--sites", type=int, default=12, help="sites, in turn PE-ARP, NAT, stock")
parser.add_argument("--hosts", type=int, default=20, help="hosts per site")
parser.add_argument("--shared-ips", type=int, default=2, help="shared addresses per PE-ARP site")
parser.add_argument("--dot", help="read the topology from this Graphviz file instead")
parser.add_argument("--csv", default="results/topology-py-hosts.csv", help="per-host CSV")
args = parser.parse_args()

if args.dot:
    with open(args.dot) as f:
        graph = pearp.Topology.from_dot(f.read())
else:
    lan = pearp.Topology.Lan()
    lan.hosts = args.hosts
    lan.shared_ips = args.shared_ips
    lan.ports_per_host = 1000
    graph = pearp.isp(backbone=args.backbone, sites=args.sites, site=lan)
    # Every second site behind a NAT, every third with stock ARP, as text
    # a researcher could also have written by hand.
    text = graph.to_dot()
    for k in range(args.sites):
        site = '"site%d" [kind="site"' % k
        resolver = ["pe-arp", "nat", "stock"][k % 3]
        text = text.replace(site + ' hosts=%d resolver="pe-arp"' % args.hosts,
                            site + ' hosts=%d resolver="%s"' % (args.hosts, resolver))
    graph = pearp.Topology.from_dot(text)

print("%d vertices, %d links, %d hosts" % (graph.n_vertices, graph.n_links, graph.n_hosts))
pearp.seed(1, 1)
result = pearp.run_topology(graph, progress=pearp.print_progress)
print("routes installed: %d (set up in %.1f ms), topology built in %.2f s"
      % (result["routes"], 1e3 * result["routes_s"], result["build_s"]))

by_kind = collections.OrderedDict()
for h in result["hosts"]:
    kind = ("NAT" if h["ip"].startswith("172.16.") else
            "stock" if h["port_low"] == 0 else "PE-ARP")  # stock: all ports, shown 0-0
    row = by_kind.setdefault(kind, [0, 0, 0, 0.0])
    row[0] += 1
    row[1] += h["rx_bytes"]
    row[2] += h["echo_replies"]
    row[3] += h["goodput_bps"]
print("%-7s %6s %12s %6s %14s" % ("sites", "hosts", "TCP bytes", "echo", "goodput Mbps"))
for kind, (n, rx, echo, goodput) in by_kind.items():
    print("%-7s %6d %12d %6d %14.2f" % (kind, n, rx, echo, goodput / n / 1e6))
totals = result["totals"]
print("ARP frames: %d; all delivered: %s" % (totals["arp_frames"], totals["all_delivered"]))
pearp.write_csv(result["hosts"], args.csv, pearp.HOST_CSV_COLUMNS)
print("per-host CSV:", args.csv)
raise SystemExit(0 if totals["all_delivered"] else 1)
