# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""Figures from campaign results (`./pearp plot [DB or CSV]`).

From a scenario campaign (a sweep over shared_ips, hosts_per_site, resolver):
- arp-load: ARP frames per host against hosts per address, one line per
  resolver, mean and 95 % confidence interval over the --RngRun repetitions,
  with the closed-form expectation beside the points;
- arp-load-hosts (when the number of hosts varies): the same against the
  number of hosts;
- goodput: total and per-host goodput against hosts per address.

- goodput-over-time, arp-over-time, cache-over-time: one run (the first
  point of the database, run 1), from the samples the campaign records;
- resolution-latency-cdf: the CDF of PE-ARP resolution latency, one line per
  sharing ratio, pooled over the runs.

From a comparison campaign: one bar per system for goodput, state held in
the network, ARP frames and rewritten packets.

Every figure is written as PNG and PDF under the output folder
(results/plots/), with the data it plots as CSV next to it.
"""

import csv
import math
import os
import sys

# Two-sided 95 % Student t quantiles, by degrees of freedom (1-30); 1.96 beyond.
_T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179,
        2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064,
        2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def mean_ci(values):
    """Mean and half-width of the 95 % confidence interval (0 for one value)."""
    n = len(values)
    mean = sum(values) / n
    if n < 2:
        return mean, 0.0
    variance = sum((v - mean) ** 2 for v in values) / (n - 1)
    t = _T95[n - 2] if n - 1 <= len(_T95) else 1.96
    return mean, t * math.sqrt(variance / n)


def expected_arp_frames_per_host(resolver, learn_from_request=True):
    """The closed form for the standard traffic of PeArpScenario: every host
    asks for its gateway once (a request and a reply). A PE-ARP router learns
    the host's (address, range) from that request; stock ns-3 ARP does not,
    so its router asks for every host too: 2 frames per host with PE-ARP, 4
    with stock ARP, whatever the sharing ratio."""
    if resolver.upper() in ("PE_ARP", "PE-ARP") and learn_from_request:
        return 2.0
    return 4.0


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return text


def load(path):
    """Rows (dicts) from a campaign database or a CSV file."""
    if path.endswith(".db") or path.endswith(".sqlite"):
        from .campaign import rows
        return rows(path)
    with open(path, newline="") as source:
        return [{k: _number(v) for k, v in row.items()} for row in csv.DictReader(source)]


def _group(rows, x_of, series_of, y_of):
    groups = {}
    for row in rows:
        groups.setdefault(series_of(row), {}).setdefault(x_of(row), []).append(y_of(row))
    return {s: sorted((x, mean_ci(ys), len(ys)) for x, ys in points.items())
            for s, points in groups.items()}


def _save(figure, out, name, header, data):
    os.makedirs(out, exist_ok=True)
    paths = []
    for extension in ("png", "pdf"):
        path = os.path.join(out, "%s.%s" % (name, extension))
        figure.savefig(path, bbox_inches="tight")
        paths.append(path)
    with open(os.path.join(out, name + ".csv"), "w", newline="") as target:
        writer = csv.writer(target, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(data)
    paths.append(os.path.join(out, name + ".csv"))
    return paths


def plot_scenarios(rows, out):
    """The arp-load and goodput figures of a scenario campaign."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def ratio(row):
        hosts = row.get("hosts_per_site", row.get("hosts", 1))
        shared = row.get("shared_ips", 1) or 1
        resolver = str(row.get("resolver", "PE_ARP")).upper()
        return 1.0 if resolver == "STOCK" else float(hosts) / float(shared)

    def series(row):
        return str(row.get("resolver", "PE_ARP")).upper()

    written = []
    arp = _group(rows, ratio, series, lambda r: float(r["arp_frames_per_host"]))
    figure, axes = plt.subplots(figsize=(6, 4))
    data = []
    for name, points in sorted(arp.items()):
        xs = [p[0] for p in points]
        axes.errorbar(xs, [p[1][0] for p in points], yerr=[p[1][1] for p in points],
                      marker="o", capsize=3, label="%s, measured (mean, 95 %% CI)" % name)
        expected = expected_arp_frames_per_host(name)
        axes.plot(xs, [expected] * len(xs), linestyle="--",
                  label="%s, closed form (%g per host)" % (name, expected))
        data += [(name, x, m, ci, n, expected) for x, (m, ci), n in points]
    axes.set_xscale("log", base=2)
    axes.set_xlabel("hosts per shared address")
    axes.set_ylabel("ARP frames per host")
    axes.set_ylim(bottom=0)
    axes.set_title("ARP load against the sharing ratio")
    axes.legend(fontsize="small")
    written += _save(figure, out, "arp-load",
                     ["resolver", "hosts_per_address", "arp_frames_per_host_mean", "ci95",
                      "runs", "closed_form"], data)
    plt.close(figure)

    hosts = sorted({float(r.get("hosts_per_site", r.get("hosts", 0))) for r in rows})
    if len(hosts) > 1:
        # ARP load against the number of hosts, one line per resolver and ratio.
        def series_hosts(row):
            if series(row) == "STOCK":
                return "STOCK"
            return "PE_ARP, %g hosts/address" % ratio(row)

        grouped = _group(rows, lambda r: float(r.get("hosts_per_site", r.get("hosts", 0))),
                         series_hosts, lambda r: float(r["arp_frames_per_host"]))
        figure, axes = plt.subplots(figsize=(6, 4))
        data = []
        for name, points in sorted(grouped.items()):
            axes.errorbar([p[0] for p in points], [p[1][0] for p in points],
                          yerr=[p[1][1] for p in points], marker="o", capsize=3, label=name)
            expected = expected_arp_frames_per_host(name.split(",")[0])
            data += [(name, x, m, ci, n, expected) for x, (m, ci), n in points]
        for resolver in sorted({series(r) for r in rows}):
            axes.axhline(expected_arp_frames_per_host(resolver), linestyle="--", color="grey")
        axes.set_xscale("log", base=2)
        axes.set_xlabel("hosts in the site")
        axes.set_ylabel("ARP frames per host")
        axes.set_ylim(bottom=0)
        axes.set_title("ARP load against the number of hosts (dashed: closed form)")
        axes.legend(fontsize="small")
        written += _save(figure, out, "arp-load-hosts",
                         ["series", "hosts", "arp_frames_per_host_mean", "ci95", "runs",
                          "closed_form"], data)
        plt.close(figure)

    figure, axes = plt.subplots(figsize=(6, 4))
    data = []
    for key, label in (("goodput_sum_bps", "total"), ("goodput_mean_bps", "per host")):
        grouped = _group(rows, ratio, series, lambda r, k=key: float(r[k]) / 1e6)
        for name, points in sorted(grouped.items()):
            axes.errorbar([p[0] for p in points], [p[1][0] for p in points],
                          yerr=[p[1][1] for p in points], marker="o", capsize=3,
                          label="%s, %s" % (name, label))
            data += [(name, label, x, m, ci, n) for x, (m, ci), n in points]
    axes.set_xscale("log", base=2)
    axes.set_yscale("log")
    axes.set_xlabel("hosts per shared address")
    axes.set_ylabel("goodput (Mbit/s)")
    axes.set_title("Goodput against the sharing ratio (mean, 95 % CI)")
    axes.legend(fontsize="small")
    written += _save(figure, out, "goodput",
                     ["resolver", "which", "hosts_per_address", "goodput_mbps_mean", "ci95",
                      "runs"], data)
    plt.close(figure)
    return written


def plot_over_time(point, out):
    """goodput, ARP load and edge cache size over time, for one run."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series = point.get("series") or []
    if len(series) < 2:
        return []
    label = ", ".join("%s=%s" % kv for kv in sorted(point["params"].items()))
    label += ", run %d" % point["run"]
    rates = []
    previous = {"time_s": 0.0, "rx_bytes": 0, "arp_frames": 0}
    for sample in series:
        span = sample["time_s"] - previous["time_s"]
        if span <= 0:
            continue
        rates.append((sample["time_s"],
                      (sample["rx_bytes"] - previous["rx_bytes"]) * 8 / span / 1e6,
                      (sample["arp_frames"] - previous["arp_frames"]) / span,
                      sample["edge_cache_entries"]))
        previous = sample
    written = []
    figures = [("goodput-over-time", 1, "goodput (Mbit/s)", "TCP goodput to the hosts"),
               ("arp-over-time", 2, "ARP frames per second", "ARP load"),
               ("cache-over-time", 3, "entries", "Entries in the edge's PE-ARP cache")]
    for name, column, ylabel, title in figures:
        figure, axes = plt.subplots(figsize=(6, 4))
        axes.step([r[0] for r in rates], [r[column] for r in rates], where="post")
        axes.set_xlabel("simulated time (s)")
        axes.set_ylabel(ylabel)
        axes.set_ylim(bottom=0)
        axes.set_title("%s over time\n%s" % (title, label), fontsize="medium")
        written += _save(figure, out, name, ["time_s", ylabel],
                         [(r[0], r[column]) for r in rates])
        plt.close(figure)
    return written


def plot_latency_cdf(points, out):
    """The CDF of PE-ARP resolution latency, one line per sharing ratio."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    pooled = {}
    for point in points:
        params = point["params"]
        if str(params.get("resolver", "PE_ARP")).upper() == "STOCK":
            continue
        ratio = float(params.get("hosts_per_site", 3)) / float(params.get("shared_ips", 1) or 1)
        pooled.setdefault(ratio, []).extend(point.get("latencies") or [])
    pooled = {r: sorted(v) for r, v in pooled.items() if v}
    if not pooled:
        return []
    figure, axes = plt.subplots(figsize=(6, 4))
    data = []
    for ratio, values in sorted(pooled.items()):
        n = len(values)
        ys = [(k + 1) / n for k in range(n)]
        axes.step([v * 1e3 for v in values], ys, where="post",
                  label="%g hosts per address (%d resolutions)" % (ratio, n))
        data += [(ratio, v * 1e3, y) for v, y in zip(values, ys)]
    axes.set_xlabel("resolution latency (ms): first waiting packet to the answer")
    axes.set_ylabel("fraction of resolutions")
    axes.set_ylim(0, 1.02)
    axes.set_title("PE-ARP resolution latency (CDF, all runs)")
    axes.legend(fontsize="small")
    written = _save(figure, out, "resolution-latency-cdf",
                    ["hosts_per_address", "latency_ms", "cdf"], data)
    plt.close(figure)
    return written


def plot_comparison(rows, out):
    """One bar per system for goodput, state, ARP frames and rewritten packets."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [("goodput_sum_bps", "goodput, sum of flows (Mbit/s)", 1e-6),
               ("state_peak", "state in the network (entries, peak)", 1),
               ("arp_frames", "ARP frames on the LAN links", 1),
               ("rewritten_l3", "packets with rewritten headers", 1)]
    systems = []
    for row in rows:
        if row["system"] not in systems:
            systems.append(row["system"])
    figure, axes = plt.subplots(1, len(metrics), figsize=(4 * len(metrics), 4))
    data = []
    for axis, (key, label, scale) in zip(axes, metrics):
        stats = [mean_ci([float(r[key]) * scale for r in rows if r["system"] == s])
                 for s in systems]
        axis.bar(range(len(systems)), [m for m, _ in stats], yerr=[ci for _, ci in stats],
                 capsize=3)
        axis.set_xticks(range(len(systems)))
        axis.set_xticklabels(systems, rotation=45, ha="right", fontsize="small")
        axis.set_ylabel(label)
        data += [(s, key, m, ci) for s, (m, ci) in zip(systems, stats)]
    figure.suptitle("The same site and traffic under each system (mean, 95 % CI)")
    written = _save(figure, out, "systems", ["system", "metric", "mean", "ci95"], data)
    plt.close(figure)
    return written


def main(argv=None):
    """./pearp plot [DB or CSV] [--out results/plots]"""
    import argparse
    parser = argparse.ArgumentParser(prog="pearp plot", description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", default="results/sweep.db",
                        help="a campaign database (.db) or its CSV export")
    parser.add_argument("--out", default="results/plots", help="output folder")
    args = parser.parse_args(argv)
    if not os.path.exists(args.source):
        parser.error("no such file: %s (run ./pearp sweep SPEC first)" % args.source)
    data = load(args.source)
    if not data:
        parser.error("%s holds no results" % args.source)
    if str(data[0].get("kind", "")) == "comparison" or "system" in data[0]:
        written = plot_comparison(data, args.out)
    else:
        written = plot_scenarios(data, args.out)
        if args.source.endswith(".db") or args.source.endswith(".sqlite"):
            from .campaign import details
            points = details(args.source)
            written += plot_over_time(points[0], args.out)
            written += plot_latency_cdf(points, args.out)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
