# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""pytest for the benchmark driver's report (utils/pe-arp-bench.py), on hand-made runs."""

import csv
import importlib.util
import os
import subprocess
import sys

import pytest

SCRIPT = os.path.join(os.path.dirname(__file__), "..", "..", "utils", "pe-arp-bench.py")


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("pe_arp_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Run CPU seconds of five rounds at 100 hosts. Round 2 ran on a machine twice as slow:
# its times double, its ratios do not.
STOCK = [1.00, 2.00, 1.00, 1.00, 1.00]
NL = [1.10, 2.00, 0.90, 1.20, 1.00]  # ratios 1.10, 1.00, 0.90, 1.20, 1.00
PAPER = [0.90, 1.80, 0.90, 0.80, 0.95]  # ratios 0.90, 0.90, 0.90, 0.80, 0.95


def run_rows():
    rows = []
    for k in range(5):
        for config, value in (("stock", STOCK[k]), ("pe-arp", PAPER[k]), ("pe-arp-nl", NL[k])):
            rows.append({"layout": "router", "hosts": "100", "run": str(k + 1),
                         "config": config, "run_s": str(value), "run_cpu_s": str(value)})
    return rows


def test_paired_ratios_are_taken_within_each_round(bench):
    ratios = bench.paired_ratios(run_rows(), "pe-arp-nl", "stock", "run_cpu_s")
    assert list(ratios) == [("router", 100)]
    assert ratios[("router", 100)] == pytest.approx([1.10, 1.00, 0.90, 1.20, 1.00])


def test_a_round_without_the_baseline_is_left_out(bench):
    rows = [r for r in run_rows() if not (r["run"] == "3" and r["config"] == "stock")]
    ratios = bench.paired_ratios(rows, "pe-arp-nl", "stock", "run_cpu_s")
    assert ratios[("router", 100)] == pytest.approx([1.10, 1.00, 1.20, 1.00])


def test_the_paired_table_shows_median_and_quartiles(bench):
    text = bench.paired_table(run_rows(), markdown=False)
    # Sorted ratios 0.90 1.00 1.00 1.10 1.20: median 1.00; Python's default
    # (exclusive) quartiles: 0.95 and 1.15. Paper: 0.80 0.90 0.90 0.90 0.95.
    row = [l for l in text.splitlines() if l.startswith("router")][0].split()
    assert row[:3] == ["router", "100", "5"]
    assert "1.000 [0.950-1.150]" in " ".join(row)
    assert "0.900 [0.850-0.925]" in " ".join(row)


def test_from_csv_reports_the_paired_ratios_of_the_runs_file(tmp_path):
    rows = tmp_path / "b.csv"
    runs = tmp_path / "b-runs.csv"
    with open(runs, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["layout", "hosts", "run", "config", "run_s",
                                               "run_cpu_s"])
        writer.writeheader()
        writer.writerows(run_rows())
    summary = {"layout": "router", "hosts": "100", "runs": "5", "delivered": "all"}
    keys = ["config_s", "run_s", "wall_s", "config_cpu_s", "run_cpu_s", "events",
            "peak_rss_kb", "arp_frames"]
    with open(rows, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(summary) + ["config"]
                                + [k + s for k in keys for s in ("", "_min", "_max")])
        writer.writeheader()
        for config in ("stock", "pe-arp", "pe-arp-nl"):
            writer.writerow(dict(summary, config=config,
                                 **{k + s: "1" for k in keys for s in ("", "_min", "_max")}))
    out = subprocess.run([sys.executable, SCRIPT, "--from-csv", str(rows)],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    assert "Paired:" in out
    assert "1.000 [0.950-1.150]" in out
    os.remove(runs)
    out = subprocess.run([sys.executable, SCRIPT, "--from-csv", str(rows)],
                         stdout=subprocess.PIPE, text=True, check=True).stdout
    assert "Paired:" not in out


def from_csv(path):
    return subprocess.run([sys.executable, SCRIPT, "--from-csv", str(path)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_from_csv_refuses_bad_files_by_name(tmp_path):
    missing = from_csv(tmp_path / "none.csv")
    assert missing.returncode != 0
    assert "none.csv: cannot read" in missing.stderr and "Traceback" not in missing.stderr

    empty = tmp_path / "empty.csv"
    empty.write_text("layout,hosts,config,runs,delivered\n")
    result = from_csv(empty)
    assert result.returncode != 0 and "empty.csv: no rows" in result.stderr

    other = tmp_path / "other.csv"
    other.write_text("layout,hosts,config\nrouter,100,stock\n")
    result = from_csv(other)
    assert result.returncode != 0
    assert "other.csv: not a pe-arp-bench CSV (no column runs, delivered)" in result.stderr

    good = tmp_path / "good.csv"
    good.write_text("layout,hosts,config,runs,delivered\nrouter,100,stock,3,all\n")
    (tmp_path / "good-runs.csv").write_text("layout,hosts,run\nrouter,100,1\n")
    result = from_csv(good)
    assert result.returncode != 0
    assert "good-runs.csv: not a pe-arp-bench CSV (no column config, run_s, run_cpu_s)" \
        in result.stderr
