#!/usr/bin/env python3
# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""The system comparison from Python: the same site and traffic under every
way of sharing an address (pearp.systems()), one row per system.

    ./pearp run examples/python/compare.py [--hosts 4] [--nat-cost 0] [--csv results/compare-py.csv]
"""
import argparse
import csv

import pearp

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--hosts", type=int, default=4, help="hosts in the site")
parser.add_argument("--nat-cost", type=float, default=0.0, help="NAPT cost per packet (us)")
parser.add_argument("--switch-cost", type=float, default=0.0, help="flow switch cost (us)")
parser.add_argument("--csv", default="results/compare-py.csv", help="output CSV")
args = parser.parse_args()

rows = []
print("%-22s %6s %9s %7s %9s %11s %8s" % ("system", "flows", "embedded", "state", "ARP",
                                          "rewritten", "events"))
for system in pearp.systems():
    r = pearp.run_comparison(pearp.comparison(system=system, hosts=args.hosts,
                                              nat_cost_us=args.nat_cost,
                                              switch_cost_us=args.switch_cost))
    row = {k: r[k] for k in ("system", "flows_complete", "embedded_ok", "state_peak",
                             "arp_frames", "rewritten_l3", "rewritten_l2", "events",
                             "goodput_sum_bps")}
    row["flows"] = len(r["flows"])
    rows.append(row)
    print("%-22s %3d/%-2d %7d/%d %7d %9d %11d %8d" % (
        system, r["flows_complete"], len(r["flows"]), r["embedded_ok"], args.hosts,
        r["state_peak"], r["arp_frames"], r["rewritten_l3"] + r["rewritten_l2"], r["events"]))
with open(args.csv, "w", newline="") as out:
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
print("rows:", args.csv)
