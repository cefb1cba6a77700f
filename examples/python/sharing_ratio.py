#!/usr/bin/env python3
# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""The sharing-ratio study: a fixed site of hosts behind a PE-ARP router, with
1, 2, 4, ... hosts per shared address, against ns-3's stock ARP with one
address per host. For each ratio: ARP frames, frames per host, goodput, and
whether everything arrived. Each point runs in this process, one after the
other (the simulator is destroyed between runs).

    ./pearp run examples/python/sharing_ratio.py [--hosts 32] [--csv results/sharing-ratio.csv]
"""
import argparse
import csv

import pearp

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--hosts", type=int, default=32, help="hosts in the site")
parser.add_argument("--csv", default="results/sharing-ratio.csv", help="output CSV")
args = parser.parse_args()

rows = []
points = [("stock", 1)]
ratio = 1
while ratio <= args.hosts:
    points.append(("pe-arp", ratio))
    ratio *= 2
for resolver, ratio in points:
    config = pearp.scenario(hosts_per_site=args.hosts, lan="SWITCHED",
                            resolver="STOCK" if resolver == "stock" else "PE_ARP",
                            shared_ips=max(1, args.hosts // ratio), ports_per_host=1000)
    result = pearp.run_scenario(config)
    totals = result["totals"]
    goodput = sum(h["goodput_bps"] for h in result["hosts"])
    rows.append({"resolver": resolver, "hosts_per_address": ratio, "hosts": args.hosts,
                 "arp_frames": totals["arp_frames"],
                 "arp_frames_per_host": totals["arp_frames"] / args.hosts,
                 "goodput_sum_bps": goodput, "events": totals["events"],
                 "all_delivered": totals["all_delivered"]})
    print("%-7s %3d hosts/address: %6d ARP frames (%.2f per host), goodput %.1f Mbit/s, %s"
          % (resolver, ratio, totals["arp_frames"], totals["arp_frames"] / args.hosts,
             goodput / 1e6, "all delivered" if totals["all_delivered"] else "LOSSES"))
with open(args.csv, "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
print("rows:", args.csv)
