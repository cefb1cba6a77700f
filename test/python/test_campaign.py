# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""pytest for campaigns (pearp.campaign) and plots (pearp.plot)."""

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from pearp import campaign, plot


def spec_file(tmp_path, **overrides):
    spec = {"kind": "scenario", "db": str(tmp_path / "c.db"), "runs": 2, "jobs": 1,
            "fixed": {"hosts_per_site": 16, "lan": "SWITCHED", "ports_per_host": 500},
            "grid": {"shared_ips": [1, 2, 4]}}
    spec.update(overrides)
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(spec))
    return path, spec


def db_rows(db):
    with sqlite3.connect(db) as connection:
        return {key: wall for key, wall in connection.execute("SELECT key, wall_s FROM points")}


def test_a_campaign_resumes_after_a_kill(tmp_path):
    path, spec = spec_file(tmp_path)
    env = dict(os.environ)
    worker = subprocess.Popen([sys.executable, "-m", "pearp.campaign", str(path)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    deadline = time.monotonic() + 120
    before = {}
    while time.monotonic() < deadline:
        if os.path.exists(spec["db"]):
            try:
                before = db_rows(spec["db"])
            except sqlite3.OperationalError:
                before = {}
        if before:
            break
        time.sleep(0.02)
    os.killpg(worker.pid, signal.SIGKILL)  # the campaign and its worker processes
    worker.wait()
    before = db_rows(spec["db"])
    assert 1 <= len(before) < 6, "killed after %d of 6 points" % len(before)

    out = subprocess.run([sys.executable, "-m", "pearp.campaign", str(path)], env=env,
                         capture_output=True, text=True, check=True)
    after = db_rows(spec["db"])
    assert len(after) == 6
    assert "%d point(s) run now" % (6 - len(before)) in out.stdout
    for key, wall in before.items():
        assert after[key] == wall, "a finished point was run again"
    # A third start runs nothing.
    out = subprocess.run([sys.executable, "-m", "pearp.campaign", str(path)], env=env,
                         capture_output=True, text=True, check=True)
    assert "0 point(s) run now" in out.stdout


def test_campaign_records_parameters_runs_and_results(tmp_path):
    c = campaign.Campaign(str(tmp_path / "r.db"), grid={"shared_ips": [1, 4]},
                          fixed={"hosts_per_site": 8}, runs=2, jobs=2)
    assert c.run(progress=False) == 4
    rows = campaign.rows(str(tmp_path / "r.db"))
    assert sorted((r["shared_ips"], r["run"]) for r in rows) == [(1, 1), (1, 2), (4, 1), (4, 2)]
    assert all(r["all_delivered"] for r in rows)
    assert all(r["hosts"] == 8 and r["version"] for r in rows)
    n = c.export_csv(str(tmp_path / "r.csv"))
    with open(tmp_path / "r.csv") as source:
        assert len(list(csv.DictReader(source))) == n == 4


def test_bad_campaigns_raise(tmp_path):
    with pytest.raises(ValueError, match="hostsPerSite"):
        campaign.Campaign(str(tmp_path / "x.db"), grid={"hosts_per_site": [0]})
    with pytest.raises(ValueError, match="kind"):
        campaign.Campaign(str(tmp_path / "x.db"), kind="survey")
    with pytest.raises(ValueError, match="runs"):
        campaign.Campaign(str(tmp_path / "x.db"), runs=0)
    path, _ = spec_file(tmp_path, colour="blue")
    with pytest.raises(ValueError, match="colour"):
        campaign.load_spec(str(path))


def test_plots_are_drawn_and_their_csv_matches_the_database(tmp_path):
    db = str(tmp_path / "p.db")
    campaign.Campaign(db, grid={"shared_ips": [1, 2], "resolver": ["PE_ARP", "STOCK"]},
                      fixed={"hosts_per_site": 4}, runs=2).run(progress=False)
    out = tmp_path / "plots"
    assert plot.main([db, "--out", str(out)]) == 0
    for name in ("arp-load", "goodput", "goodput-over-time", "arp-over-time", "cache-over-time",
                 "resolution-latency-cdf"):
        for extension in ("png", "pdf", "csv"):
            assert (out / ("%s.%s" % (name, extension))).stat().st_size > 100
    rows = campaign.rows(db)
    with open(out / "arp-load.csv") as source:
        plotted = list(csv.DictReader(source))
    for point in plotted:
        ratio = float(point["hosts_per_address"])
        values = [r["arp_frames_per_host"] for r in rows
                  if r["resolver"] == point["resolver"]
                  and (ratio == 1.0 if r["resolver"] == "STOCK"
                       else 4 / r["shared_ips"] == ratio)]
        assert int(point["runs"]) == len(values)
        assert float(point["arp_frames_per_host_mean"]) == pytest.approx(sum(values) / len(values))
        assert float(point["closed_form"]) == (2.0 if point["resolver"] == "PE_ARP" else 4.0)


def test_confidence_interval_by_hand():
    # 1, 2, 3: mean 2, s = 1, t(2 df) = 4.303, half-width 4.303 / sqrt(3) = 2.4844
    mean, half = plot.mean_ci([1.0, 2.0, 3.0])
    assert mean == 2.0
    assert half == pytest.approx(2.4844, abs=1e-4)
    assert plot.mean_ci([5.0]) == (5.0, 0.0)


def test_latency_cdf_csv_holds_every_resolution(tmp_path):
    db = str(tmp_path / "l.db")
    campaign.Campaign(db, grid={"shared_ips": [1, 2]}, fixed={"hosts_per_site": 4},
                      runs=2).run(progress=False)
    written = plot.plot_latency_cdf(campaign.details(db), str(tmp_path))
    assert written
    with open(tmp_path / "resolution-latency-cdf.csv") as source:
        plotted = list(csv.DictReader(source))
    latencies = [p["latencies"] for p in campaign.details(db)]
    assert len(plotted) == sum(len(v) for v in latencies) == 4 * 4  # one per host and run
    for ratio in ("2.0", "4.0"):
        cdf = [float(r["cdf"]) for r in plotted if r["hosts_per_address"] == ratio]
        assert cdf == sorted(cdf) and cdf[-1] == 1.0
