# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""Experiment campaigns: a parameter grid, each point in its own process,
results in one SQLite database.

    from pearp.campaign import Campaign
    c = Campaign("results/ratio.db", kind="scenario",
                 grid={"shared_ips": [1, 2, 4, 8]},
                 fixed={"hosts_per_site": 32, "lan": "SWITCHED"}, runs=3)
    c.run()                      # resumes: finished points are never run twice
    c.export_csv("results/ratio.csv")

Each point runs in a fresh process (so its random streams are those of a
fresh run, as ns-3's --RngRun expects), up to `jobs` at a time. A point is
(parameters, run number); the runs 1..`runs` of a parameter set are its
--RngRun repetitions, which give the confidence intervals of `pearp.plot`.
The database records the parameters, the run, the seed, the code version,
the wall time and the results (totals and per-host rows as JSON).
"""

import concurrent.futures
import itertools
import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS points (
    key TEXT PRIMARY KEY,      -- JSON of the parameters and the run, sorted keys
    kind TEXT NOT NULL,        -- scenario or comparison
    params TEXT NOT NULL,      -- JSON of the parameters
    run INTEGER NOT NULL,      -- RngRun
    seed INTEGER NOT NULL,     -- RngSeed
    defaults TEXT NOT NULL,    -- JSON of the ns-3 attribute defaults
    version TEXT NOT NULL,     -- code version (git describe)
    wall_s REAL NOT NULL,      -- wall time of the point's process
    result TEXT NOT NULL       -- JSON of the results
);
"""


def code_version():
    """The code's version: `git describe --always --dirty` of the source tree, if any."""
    here = os.path.dirname(os.path.abspath(__file__))
    for directory in (here, os.getcwd()):
        try:
            out = subprocess.run(["git", "-C", directory, "describe", "--always", "--dirty"],
                                 capture_output=True, text=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if out.returncode == 0 and out.stdout.strip():
            return out.stdout.strip()
    return "unknown"


def _summarise(kind, result):
    """The scalar results of a run, for the database and the CSV export."""
    if kind == "scenario":
        totals = dict(result["totals"])
        drops = totals.pop("drops_by_reason", {})
        hosts = result["hosts"]
        totals["hosts"] = len(hosts)
        totals["goodput_sum_bps"] = sum(h["goodput_bps"] for h in hosts)
        totals["goodput_mean_bps"] = totals["goodput_sum_bps"] / max(1, len(hosts))
        totals["arp_frames_per_host"] = totals["arp_frames"] / max(1, len(hosts))
        return {"summary": totals, "drops": drops, "hosts": hosts, "flows": result["flows"],
                "series": result["series"], "latencies": result["resolution_latencies_s"]}
    summary = {k: v for k, v in result.items() if not isinstance(v, (list, dict))}
    return {"summary": summary, "drops": result["drops"], "hosts": result["hosts"],
            "flows": result["flows"], "series": [], "latencies": []}


def _run_point(kind, params, run, seed, defaults, sample_interval):
    """Run one point (in a worker process of its own) and return its results."""
    import pearp  # imported in the worker
    start = time.monotonic()
    pearp.seed(seed, run)
    if defaults:
        pearp.configure(defaults)
    if kind == "scenario":
        result = pearp.run_scenario(pearp.scenario(**params), sample_interval=sample_interval)
    else:
        result = pearp.run_comparison(pearp.comparison(**params))
    out = _summarise(kind, result)
    out["wall_s"] = time.monotonic() - start
    return out


class Campaign:
    """A parameter grid run point by point into one SQLite database (see the module)."""

    def __init__(self, db, kind="scenario", grid=None, fixed=None, runs=1, seed=1,
                 defaults=None, jobs=None, sample_interval=0.1):
        if kind not in ("scenario", "comparison"):
            raise ValueError("kind: must be scenario or comparison, not %r" % kind)
        if runs < 1:
            raise ValueError("runs: must be at least 1")
        if seed < 1:
            raise ValueError("seed: must be at least 1")
        self.db = db
        self.kind = kind
        self.grid = dict(grid or {})
        self.fixed = dict(fixed or {})
        self.runs = runs
        self.seed = seed
        self.defaults = {str(k): str(v) for k, v in (defaults or {}).items()}
        self.jobs = jobs or os.cpu_count() or 1
        if sample_interval < 0:
            raise ValueError("sample_interval: must not be negative")
        self.sample_interval = float(sample_interval)
        for name, values in self.grid.items():
            if not isinstance(values, (list, tuple)) or not values:
                raise ValueError("grid: %s must be a non-empty list" % name)
            if name in self.fixed:
                raise ValueError("grid: %s is also fixed" % name)
        # Check every parameter set before anything runs (ValueError names the field).
        import pearp
        make = pearp.scenario if kind == "scenario" else pearp.comparison
        for params in self.parameter_sets():
            make(**dict(params))
        directory = os.path.dirname(os.path.abspath(db))
        os.makedirs(directory, exist_ok=True)
        with self._connect() as connection:
            connection.executescript(SCHEMA)

    def _connect(self):
        return sqlite3.connect(self.db, timeout=60)

    def parameter_sets(self):
        """Every parameter set of the grid (fixed values included), in grid order."""
        names = list(self.grid)
        for values in itertools.product(*(self.grid[n] for n in names)):
            params = dict(self.fixed)
            params.update(zip(names, values))
            yield params

    def points(self):
        """Every point: (key, parameters, run)."""
        for params in self.parameter_sets():
            for run in range(1, self.runs + 1):
                key = json.dumps({"kind": self.kind, "params": params, "run": run,
                                  "seed": self.seed, "defaults": self.defaults},
                                 sort_keys=True)
                yield key, params, run

    def done(self):
        """The keys of the points already in the database."""
        with self._connect() as connection:
            return {row[0] for row in connection.execute("SELECT key FROM points")}

    def run(self, progress=True):
        """Run the points not yet in the database, `jobs` at a time; each result
        is committed as soon as its point ends, so an interrupted campaign
        resumes where it stopped. Returns the number of points run."""
        finished = self.done()
        todo = [p for p in self.points() if p[0] not in finished]
        total = len(finished) + len(todo)
        version = code_version()
        if progress:
            self._bar(len(finished), total)
        if not todo:
            return 0
        context = multiprocessing.get_context("spawn")
        ran = 0
        with concurrent.futures.ProcessPoolExecutor(max_workers=self.jobs, mp_context=context,
                                                    max_tasks_per_child=1) as pool:
            futures = {pool.submit(_run_point, self.kind, params, run, self.seed,
                                   self.defaults, self.sample_interval): (key, params, run)
                       for key, params, run in todo}
            for future in concurrent.futures.as_completed(futures):
                key, params, run = futures[future]
                out = future.result()  # a failed point raises here
                with self._connect() as connection:
                    connection.execute(
                        "INSERT OR IGNORE INTO points VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (key, self.kind, json.dumps(params, sort_keys=True), run, self.seed,
                         json.dumps(self.defaults, sort_keys=True), version, out["wall_s"],
                         json.dumps({k: out[k] for k in ("summary", "drops", "hosts",
                                                          "flows", "series", "latencies")})))
                ran += 1
                if progress:
                    self._bar(len(finished) + ran, total)
        return ran

    @staticmethod
    def _bar(done, total, width=40):
        filled = width * done // max(1, total)
        sys.stderr.write("\r[pearp] campaign [%s%s] %d/%d points"
                         % ("#" * filled, "." * (width - filled), done, total))
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    def export_csv(self, path):
        """One row per point: parameters, run, seed, version, wall time and the
        scalar results. Returns the number of rows."""
        return export_csv(self.db, path)


def rows(db):
    """Every point of a campaign database as a flat dict (parameters, run,
    seed, version, wall_s, then the scalar results)."""
    connection = sqlite3.connect(db)
    try:
        out = []
        for kind, params, run, seed, version, wall, result in connection.execute(
                "SELECT kind, params, run, seed, version, wall_s, result FROM points"
                " ORDER BY params, run"):
            row = {"kind": kind}
            row.update(json.loads(params))
            row.update({"run": run, "seed": seed, "version": version, "wall_s": wall})
            row.update(json.loads(result)["summary"])
            out.append(row)
        return out
    finally:
        connection.close()


def details(db):
    """Every point's parameters, run and full results (series, latencies,
    hosts, flows), in the order of rows(db)."""
    connection = sqlite3.connect(db)
    try:
        out = []
        for params, run, result in connection.execute(
                "SELECT params, run, result FROM points ORDER BY params, run"):
            point = {"params": json.loads(params), "run": run}
            point.update(json.loads(result))
            out.append(point)
        return out
    finally:
        connection.close()


def export_csv(db, path):
    """Write rows(db) to a CSV file; returns the number of rows."""
    import csv
    data = rows(db)
    columns = []
    for row in data:
        for name in row:
            if name not in columns:
                columns.append(name)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(data)
    return len(data)


def load_spec(path):
    """A campaign spec from a TOML or JSON file: kind, db, runs, seed, jobs,
    [fixed], [grid], [defaults]."""
    with open(path, "rb") as spec_file:
        raw = spec_file.read()
    if path.endswith(".toml"):
        import tomllib
        spec = tomllib.loads(raw.decode())
    else:
        spec = json.loads(raw.decode())
    allowed = {"kind", "db", "runs", "seed", "jobs", "fixed", "grid", "defaults", "csv",
               "sample_interval"}
    unknown = set(spec) - allowed
    if unknown:
        raise ValueError("%s: unknown keys %s (allowed: %s)"
                         % (path, ", ".join(sorted(unknown)), ", ".join(sorted(allowed))))
    if "db" not in spec:
        raise ValueError("%s: 'db' (the SQLite file) is required" % path)
    return spec


def main(argv=None):
    """./pearp sweep SPEC: run (or resume) the campaign a spec describes."""
    import argparse
    parser = argparse.ArgumentParser(prog="pearp sweep", description=main.__doc__)
    parser.add_argument("spec", help="campaign spec (.toml or .json)")
    parser.add_argument("--jobs", type=int, help="points at a time (default: the spec's, or "
                        "the core count)")
    args = parser.parse_args(argv)
    spec = load_spec(args.spec)
    campaign = Campaign(spec["db"], kind=spec.get("kind", "scenario"), grid=spec.get("grid"),
                        fixed=spec.get("fixed"), runs=spec.get("runs", 1),
                        seed=spec.get("seed", 1), defaults=spec.get("defaults"),
                        jobs=args.jobs or spec.get("jobs"),
                        sample_interval=spec.get("sample_interval", 0.1))
    ran = campaign.run()
    csv_path = spec.get("csv", os.path.splitext(spec["db"])[0] + ".csv")
    n = campaign.export_csv(csv_path)
    print("%d point(s) run now, %d in %s; CSV: %s" % (ran, n, spec["db"], csv_path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
