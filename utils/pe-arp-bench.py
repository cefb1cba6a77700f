#!/usr/bin/env python3
"""PE-ARP benchmark: the same topology and traffic with PE-ARP and with stock ns-3 ARP.

Runs examples/pe-arp-bench.cc once per (layout, size, configuration, run), each run in its
own process (peak memory is per process), and reports two comparisons side by side:

  paper / stock   PE-ARP as the paper specifies (hosts learn the router from its
                  request, section III.B) against stock ns-3 ARP as shipped, which
                  does not learn from requests (RFC 826 and Linux do);
  ports / stock   the cost of port awareness alone: PE-ARP resolving exactly as stock
                  ns-3 does (PeArpL3Protocol::LearnFromRequest=false), against stock;

and a third: the PE-Bridge deployment (paper Figure 5) against the PE-ARP router.

Configurations of each layout and size:
  stock       ns-3's ArpL3Protocol, every host its own address
  pe-arp      PE-ARP router, hosts sharing addresses (the paper)
  pe-arp-nl   the same with LearnFromRequest=false ("nl": no learning from requests)
  pe-bridge   PE-Bridge in front of an unmodified gateway (learning as the paper)

Layouts:
  router   100, 1,000, 10,000 hosts: sites of 100 hosts, each a switched LAN behind its
           own edge; with PE-ARP the 100 hosts of a site share one address (600 ports
           each), with stock ARP every host has its own address.
  one-lan  4,096 hosts on ONE switched LAN; with PE-ARP all share ONE address
           (15 ports each).

Every configuration runs --runs times (default 3; SHORT_RUN_FACTOR times as many at the
100-host size, whose runs last 0.2 s, so that a few milliseconds of noise do not decide a
ratio), the runs of a size interleaved so that
a change of machine load hits all configurations alike. Times (configuration = topology
build, run = Simulator::Run, wall = the whole process) and peak memory are the median
over the runs, with their range [min-max]; events and ARP frames do not depend on the run
(same seed) and are checked to be equal. Ratios are ratios of medians; the paired table
adds, for the two comparisons with stock, the ratio within each round (median and
quartiles over the rounds), which shows how far this machine's noise moves a ratio.
Progress goes to stderr; rows (one per configuration, medians and ranges) go to --out, every single run
to <out>-runs.csv.
"""
import argparse
import csv
import os
import statistics
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
CONFIGS = [
    # name, label, arguments
    ("stock", "stock", ["--deployment=router", "--resolver=stock"]),
    ("pe-arp", "pe-arp", ["--deployment=router", "--resolver=pe-arp"]),
    ("pe-arp-nl", "pe-arp-nl", ["--deployment=router", "--resolver=pe-arp",
                                "--learnFromRequest=false"]),
    ("pe-bridge", "pe-bridge", ["--deployment=bridge", "--resolver=pe-arp"]),
]
LEGEND = [
    "stock      ns-3's stock ARP as shipped, one address per host",
    "pe-arp     PE-ARP router as the paper specifies (learns from requests)",
    "pe-arp-nl  the same PE-ARP router resolving as stock ns-3 does "
    "(LearnFromRequest=false)",
    "pe-bridge  PE-Bridge in front of an unmodified gateway (paper Figure 5)",
]
LABELS = {name: label for name, label, _ in CONFIGS}
# Comparisons: column group title, configuration, baseline.
COMPARISONS = [
    ("paper", "pe-arp", "stock"),
    ("ports", "pe-arp-nl", "stock"),
    ("bridge", "pe-bridge", "pe-arp"),
]
RATIO_OF = [("run_s", "run"), ("run_cpu_s", "CPU"), ("config_s", "config"),
            ("events", "events"), ("peak_rss_kb", "memory"), ("arp_frames", "ARP")]
# Sizes whose runs last well under a second run this many times --runs.
SHORT_RUN_HOSTS = 100
SHORT_RUN_FACTOR = 3
# Target for port awareness alone at 100 and 1,000 hosts.
TARGET = 1.05
TARGET_OF = [("events", "events"), ("wall_s", "wall"), ("run_s", "run"), ("run_cpu_s", "run CPU"),
             ("peak_rss_kb", "memory")]
TARGET_SIZES = (100, 1000, 10000)
MEASURED = ["config_s", "run_s", "wall_s", "config_cpu_s", "run_cpu_s", "events", "peak_rss_kb",
            "arp_frames"]
RESULT_KEYS = ["deployment", "hosts", "sites", "lan", "resolver", "learn_from_request",
               "config_s", "run_s", "wall_s", "config_cpu_s", "run_cpu_s", "events", "peak_rss_kb", "arp_frames",
               "rx_bytes", "expected_bytes", "echo_replies", "wrong_host_packets", "drops"]
COLUMNS = (["layout", "hosts", "config", "deployment", "resolver", "learn_from_request",
            "runs"]
           + [k + s for k in MEASURED for s in ("", "_min", "_max")]
           + ["sites", "lan", "rx_bytes", "expected_bytes", "echo_replies",
              "wrong_host_packets", "drops", "delivered"])
RUN_COLUMNS = ["layout", "config", "run"] + RESULT_KEYS


def say(text):
    print("[bench] " + text, file=sys.stderr, flush=True)


def run_once(binary, hosts, extra, config_args, verbose):
    args = ([binary, "--hosts=%d" % hosts, "--lan=switched"] + config_args + extra
            + (["--progress"] if verbose else []))
    proc = subprocess.run(args, stdout=subprocess.PIPE,
                          stderr=None if verbose else subprocess.PIPE, text=True)
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        sys.stderr.write(proc.stderr or "")
        raise SystemExit("benchmark run failed (exit %d): %s" % (proc.returncode, " ".join(args)))
    return dict(kv.split("=", 1) for kv in lines[-1].split()[1:])


def delivered(run):
    return (run["rx_bytes"] == run["expected_bytes"] and run["wrong_host_packets"] == "0"
            and run["echo_replies"] == run["hosts"])


def summarize(layout, hosts, config, runs):
    """One row per configuration: medians and ranges over its runs."""
    first = runs[0]
    row = {"layout": layout, "hosts": hosts, "config": config, "runs": len(runs)}
    for k in ["deployment", "resolver", "learn_from_request", "sites", "lan", "rx_bytes",
              "expected_bytes", "echo_replies", "wrong_host_packets", "drops"]:
        row[k] = first[k]
    for k in MEASURED:
        values = [float(r[k]) for r in runs]
        row[k] = statistics.median(values)
        row[k + "_min"] = min(values)
        row[k + "_max"] = max(values)
    ok = all(delivered(r) for r in runs)
    for k in ["rx_bytes", "echo_replies", "wrong_host_packets"]:
        ok = ok and all(r[k] == first[k] for r in runs)
    row["delivered"] = "all" if ok else "NO"
    return row


def ratio(row, base, key):
    return float(row[key]) / max(float(base[key]), 1e-12)


def fmt_time(row, key):
    median = float(row[key])
    digits = 3 if median < 1 else 2 if median < 10 else 1
    return "%.*f [%.*f-%.*f]" % (digits, median, digits, float(row[key + "_min"]), digits,
                                 float(row[key + "_max"]))


def fmt_count(row, key):
    text = "%d" % round(float(row[key]))
    if float(row[key + "_min"]) != float(row[key + "_max"]):
        text += " [%d-%d]" % (round(float(row[key + "_min"])), round(float(row[key + "_max"])))
    return text


def fmt_rss(row):
    return "%.1f [%.1f-%.1f]" % tuple(float(row["peak_rss_kb" + s]) / 1024.0
                                      for s in ("", "_min", "_max"))


def render(headers, rows, markdown, right_from=2, groups=None):
    """A markdown table, or an aligned text table; groups: (title, first column, columns)
    to print above the headers (text) or in front of them (markdown)."""
    if markdown:
        if groups:
            headers = list(headers)
            for title, first, count in groups:
                for i in range(first, first + count):
                    headers[i] = "%s %s x" % (title.split(":")[0], headers[i])
        out = ["| " + " | ".join(headers) + " |",
               "|" + "|".join("---" if i < right_from else "---:"
                              for i in range(len(headers))) + "|"]
        out += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(out)
    widths = [max(len(str(x)) for x in [h] + [r[i] for r in rows]) for i, h in enumerate(headers)]

    def line(cells):
        return "  ".join(str(c).ljust(w) if i < right_from else str(c).rjust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()
    top = []
    if groups:
        text = ""
        for title, first, count in groups:
            start = sum(widths[:first]) + 2 * first
            span = sum(widths[first:first + count]) + 2 * (count - 1)
            text = text.ljust(start) + ("-- " + title + " ").ljust(span, "-")
        top = [text]
    return "\n".join(top + [line(headers), line(["-" * w for w in widths])]
                     + [line(r) for r in rows])


def group_rows(rows):
    groups = {}
    for row in rows:
        groups.setdefault((row["layout"], int(row["hosts"])), {})[row["config"]] = row
    return groups


def paired_ratios(run_rows, name, base, key):
    """Per (layout, hosts): the ratios name/base of key within each round (the runs of one
    round follow each other, so a change of machine speed between rounds cancels)."""
    by_round = {}
    for r in run_rows:
        by_round.setdefault((r["layout"], int(r["hosts"]), int(r["run"])), {})[r["config"]] = r
    out = {}
    for (layout, hosts, _), configs in sorted(by_round.items()):
        if name in configs and base in configs:
            out.setdefault((layout, hosts), []).append(ratio(configs[name], configs[base], key))
    return out


def paired_table(run_rows, markdown):
    """Median and quartiles of the per-round ratios of the two comparisons with stock."""
    headers = ["layout", "hosts", "rounds"]
    columns = [(short, name, base, key, col) for short, name, base in COMPARISONS[:2]
               for key, col in (("run_s", "run"), ("run_cpu_s", "CPU"))]
    headers += ["%s %s" % (short, col) for short, _, _, _, col in columns]
    cells = {}
    for short, name, base, key, col in columns:
        for size, values in paired_ratios(run_rows, name, base, key).items():
            if len(values) < 4:
                text = "%.3f" % statistics.median(values)
            else:
                q1, q2, q3 = statistics.quantiles(values, n=4)
                text = "%.3f [%.3f-%.3f]" % (q2, q1, q3)
            cells.setdefault(size, {"rounds": len(values)})[(short, col)] = text
    body = [[layout, str(hosts), str(c["rounds"])]
            + [c.get((short, col), "") for short, _, _, _, col in columns]
            for (layout, hosts), c in cells.items()]
    return render(headers, body, markdown, right_from=2)


def report(rows, markdown, run_rows=None):
    groups = group_rows(rows)
    # 1. Measurements.
    headers = ["layout", "hosts", "configuration", "config s", "run s", "run CPU s", "wall s",
               "events", "peak RSS MB", "ARP frames", "delivered"]
    body = []
    for (layout, hosts), configs in groups.items():
        for name, label, _ in CONFIGS:
            row = configs.get(name)
            if row:
                body.append([layout, str(hosts), label, fmt_time(row, "config_s"),
                             fmt_time(row, "run_s"), fmt_time(row, "run_cpu_s"),
                             fmt_time(row, "wall_s"),
                             fmt_count(row, "events"), fmt_rss(row),
                             fmt_count(row, "arp_frames"), row["delivered"]])
    counts = sorted({int(r["runs"]) for r in rows})
    out = ["Measured: median [min-max] of %s runs (%s), each its own process; config = "
           "topology build, run = Simulator::Run, run CPU = its process CPU time, wall = "
           "whole process (seconds)"
           % (" or ".join(map(str, counts)),
              ", ".join("%d hosts: %s" % (h, r) for h, r in
                        sorted({(int(r["hosts"]), int(r["runs"])) for r in rows}))), ""] + ["  " + l for l in LEGEND] + [
           "", render(headers, body, markdown, right_from=3), ""]
    # 2. The two comparisons side by side, then the PE-Bridge's.
    def comparison_table(comparisons):
        headers = ["layout", "hosts"]
        spans = []
        for short, name, base in comparisons:
            spans.append(("%s: %s / %s" % (short, name, base), len(headers), len(RATIO_OF)))
            headers += [col for _, col in RATIO_OF]
        body = []
        for (layout, hosts), configs in groups.items():
            cells = [layout, str(hosts)]
            for _, name, base in comparisons:
                if name in configs and base in configs:
                    cells += ["%.2f" % ratio(configs[name], configs[base], k)
                              for k, _ in RATIO_OF]
                else:
                    cells += [""] * len(RATIO_OF)
            body.append(cells)
        return render(headers, body, markdown, groups=spans)

    out += ["Ratios of medians (x), on the same topology and traffic:",
            "  paper  = PE-ARP as the paper specifies, against stock ns-3 ARP as shipped",
            "  ports  = the cost of port awareness alone: PE-ARP resolving exactly as stock",
            "           ns-3 does, against stock",
            "  bridge = the PE-Bridge deployment against the PE-ARP router", "",
            comparison_table(COMPARISONS[:2]), "", comparison_table(COMPARISONS[2:]), ""]
    if run_rows:
        out += ["Paired: the ratio within each round (the configurations of a round run one",
                "after the other), median [25th-75th percentile] over the rounds. The spread",
                "is this machine's noise on one ratio; the median is the ratio's estimate.",
                "", paired_table(run_rows, markdown), ""]
    # 3. Target for port awareness alone.
    for (layout, hosts), configs in groups.items():
        if hosts not in TARGET_SIZES or "pe-arp-nl" not in configs or "stock" not in configs:
            continue
        over = ["%s %.2f" % (name, ratio(configs["pe-arp-nl"], configs["stock"], k))
                for k, name in TARGET_OF
                if ratio(configs["pe-arp-nl"], configs["stock"], k) > TARGET]
        out.append("target (port awareness alone <= %.2fx stock in %s), %s %d hosts: %s"
                   % (TARGET, ", ".join(name for _, name in TARGET_OF), layout, hosts,
                      "met" if not over else "NOT met (" + ", ".join(over) + ")"))
    return "\n".join(out)


# Columns --from-csv needs in a summary and in a runs file (older files lack some others).
SUMMARY_NEEDS = ["layout", "hosts", "config", "runs", "delivered"]
RUNS_NEEDS = ["layout", "hosts", "run", "config", "run_s", "run_cpu_s"]


def read_csv(path, needs):
    """The rows of a CSV file this script wrote; a clear error for anything else."""
    try:
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            rows = list(reader)
            columns = reader.fieldnames or []
    except OSError as e:
        raise SystemExit("%s: cannot read (%s)" % (path, e.strerror))
    if not rows:
        raise SystemExit("%s: no rows" % path)
    missing = [c for c in needs if c not in columns]
    if missing:
        raise SystemExit("%s: not a pe-arp-bench CSV (no column %s)" % (path, ", ".join(missing)))
    return rows


def write_csv(path, columns, rows):
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", help="path of pe-arp-bench")
    parser.add_argument("--out", default="results/bench.csv", help="CSV file to write")
    parser.add_argument("--quick", action="store_true", help="only the 100 and 1,000 host sizes")
    parser.add_argument("--sizes", metavar="N,N",
                        help="only these layout sizes (host counts, e.g. 10000 or 100,4096)")
    parser.add_argument("--runs", type=int, default=3,
                        help="runs of every configuration, at least 3 (default 3)")
    parser.add_argument("--markdown", action="store_true",
                        help="print the tables in markdown (for README.md)")
    parser.add_argument("--from-csv", metavar="CSV",
                        help="print the tables of an earlier run's CSV; run nothing")
    parser.add_argument("--verbose", action="store_true",
                        help="show each run's own progress and messages")
    args = parser.parse_args()

    if args.from_csv:
        rows = read_csv(args.from_csv, SUMMARY_NEEDS)
        runs_path = os.path.splitext(args.from_csv)[0] + "-runs.csv"
        run_rows = read_csv(runs_path, RUNS_NEEDS) if os.path.exists(runs_path) else None
        print(report(rows, args.markdown, run_rows))
        return 0 if all(r["delivered"] == "all" for r in rows) else 1
    if not args.binary:
        parser.error("--binary is required unless --from-csv is given")
    if args.runs < 3:
        parser.error("--runs must be at least 3 (every time is a median of at least 3 runs)")

    layouts = [l for l in LAYOUTS if not args.quick or l[1] <= 1000]
    if args.sizes:
        try:
            wanted = {int(n) for n in args.sizes.split(",")}
        except ValueError:
            parser.error("--sizes: a comma-separated list of host counts, not %r" % args.sizes)
        unknown = wanted - {hosts for _, hosts, _ in LAYOUTS}
        if unknown:
            parser.error("--sizes: no layout has %s hosts (sizes: %s)"
                         % (", ".join(map(str, sorted(unknown))),
                            ", ".join(str(h) for _, h, _ in LAYOUTS)))
        layouts = [l for l in layouts if l[1] in wanted]
    def runs_of(hosts):
        return args.runs * (SHORT_RUN_FACTOR if hosts <= SHORT_RUN_HOSTS else 1)

    total = sum(len(CONFIGS) * runs_of(hosts) for _, hosts, _ in layouts)
    done = 0
    started = time.time()
    rows, run_rows = [], []
    for layout, hosts, extra in layouts:
        runs = {name: [] for name, _, _ in CONFIGS}
        for k in range(1, runs_of(hosts) + 1):
            for name, label, config_args in CONFIGS:
                done += 1
                say("(%d/%d) %s %d hosts, %s: run %d of %d"
                    % (done, total, layout, hosts, label, k, runs_of(hosts)))
                t0 = time.time()
                result = run_once(args.binary, hosts, extra, config_args, args.verbose)
                say("    %.1f s (config %.2f s, run %.2f s), %s events, %s ARP frames%s"
                    % (time.time() - t0, float(result["config_s"]), float(result["run_s"]),
                       result["events"], result["arp_frames"],
                       "" if delivered(result) else ", NOT ALL DELIVERED"))
                runs[name].append(result)
                run_rows.append(dict(result, layout=layout, config=name, run=k))
        for name, _, _ in CONFIGS:
            rows.append(summarize(layout, hosts, name, runs[name]))
            for key in ["events", "arp_frames"]:
                if len({r[key] for r in runs[name]}) > 1:
                    say("warning: %s %d %s: %s differs between runs: %s"
                        % (layout, hosts, name, key, [r[key] for r in runs[name]]))

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_csv(args.out, COLUMNS, rows)
    runs_path = os.path.splitext(args.out)[0] + "-runs.csv"
    write_csv(runs_path, RUN_COLUMNS, run_rows)
    print(report(rows, args.markdown, run_rows))
    print("\ntotal bench time %.0f s; rows in %s, single runs in %s"
          % (time.time() - started, args.out, runs_path))
    return 0 if all(r["delivered"] == "all" for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
