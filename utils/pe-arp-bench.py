#!/usr/bin/env python3
"""PE-ARP benchmark: the same topology and traffic with PE-ARP and with stock ns-3 ARP.

Runs examples/pe-arp-bench.cc once per (layout, size, deployment, resolver), each in its
own process (peak memory is per process), and prints ratios of wall time, events, peak
memory and ARP frames: the PE-ARP router deployment against stock ARP, and the PE-Bridge
deployment against the PE-ARP router deployment. Writes the rows to a CSV file.

Layouts:
  router   100, 1,000, 10,000 hosts: sites of 100 hosts, each a switched LAN behind its
           own edge; with PE-ARP the 100 hosts of a site share one address (600 ports
           each), with stock ARP every host has its own address.
  one-lan  4,096 hosts on ONE switched LAN; with PE-ARP all share ONE address
           (15 ports each).
Each layout runs with a PE-ARP edge router (deployment router / one-lan), with stock ARP,
and with a PE-Bridge in front of an unmodified gateway (deployment bridge / one-lan-bridge,
paper Figure 5).
"""
import argparse
import csv
import subprocess
import sys
import time

LAYOUTS = [
    # name, hosts, extra arguments
    ("router", 100, ["--hostsPerSite=100", "--portsPerHost=600"]),
    ("router", 1000, ["--hostsPerSite=100", "--portsPerHost=600"]),
    ("router", 10000, ["--hostsPerSite=100", "--portsPerHost=600"]),
    ("one-lan", 4096, ["--hostsPerSite=4096", "--portsPerHost=15", "--spread=4"]),
]
COLUMNS = ["deployment", "hosts", "resolver", "wall_s", "events", "peak_rss_kb", "arp_frames",
           "sites", "lan", "rx_bytes", "expected_bytes", "echo_replies", "wrong_host_packets",
           "drops"]
RATIO_OF = ["wall_s", "events", "peak_rss_kb", "arp_frames"]


def run(binary, deployment, hosts, extra, resolver, label):
    args = [binary, "--deployment=" + deployment, "--hosts=%d" % hosts,
            "--resolver=" + resolver, "--lan=switched", "--progress"] + extra
    print("[bench] %s" % " ".join(args[1:]), file=sys.stderr, flush=True)
    proc = subprocess.run(args, stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    if proc.returncode != 0:
        raise SystemExit("benchmark run failed: %s" % " ".join(args))
    line = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")][-1]
    row = dict(kv.split("=", 1) for kv in line.split()[1:])
    row["deployment"] = label
    return row


def ratios(row, baseline):
    return {k: float(row[k]) / max(float(baseline[k]), 1e-9) for k in RATIO_OF}


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="path of pe-arp-bench")
    parser.add_argument("--out", default="results/bench.csv", help="CSV file to write")
    parser.add_argument("--quick", action="store_true", help="only the 100 and 1,000 host sizes")
    args = parser.parse_args()

    rows = []
    started = time.time()
    for layout, hosts, extra in LAYOUTS:
        if args.quick and hosts > 1000:
            continue
        bridge_label = "bridge" if layout == "router" else layout + "-bridge"
        router = run(args.binary, "router", hosts, extra, "pe-arp", layout)
        stock = run(args.binary, "router", hosts, extra, "stock", layout)
        bridge = run(args.binary, "bridge", hosts, extra, "pe-arp", bridge_label)
        router["baseline"], router["ratios"] = "stock", ratios(router, stock)
        bridge["baseline"], bridge["ratios"] = layout, ratios(bridge, router)
        rows += [router, stock, bridge]

    with open(args.out, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)

    header = ("| deployment | hosts | resolver | wall s | events | peak RSS MB | ARP frames "
              "| delivered | vs | wall x | events x | memory x | ARP x |")
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    failed = False
    for row in rows:
        delivered = (row["rx_bytes"] == row["expected_bytes"] and row["wrong_host_packets"] == "0"
                     and row["echo_replies"] == row["hosts"])
        failed = failed or not delivered
        r = row.get("ratios")
        cells = ("%s | %.2f | %.2f | %.2f | %.2f" % ((row["baseline"],) + tuple(r[k] for k in RATIO_OF))
                 if r else " | | | | ")
        print("| %s | %s | %s | %.1f | %s | %.0f | %s | %s | %s |" % (
            row["deployment"], row["hosts"], row["resolver"], float(row["wall_s"]), row["events"],
            int(row["peak_rss_kb"]) / 1024.0, row["arp_frames"], "all" if delivered else "NO",
            cells))
    print("\nratios: the PE-ARP router deployment / stock ARP, and the PE-Bridge deployment / "
          "the PE-ARP router deployment, on the same topology and traffic; total bench time "
          "%.0f s; rows in %s" % (time.time() - started, args.out))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
