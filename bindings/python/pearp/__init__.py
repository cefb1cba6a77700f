# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""pe-arp from Python: Port Enhanced ARP for ns-3 3.37.

Build, run and measure PE-ARP deployments, and the systems PE-ARP is
compared with, from a script::

    import pearp
    pearp.configure({"ns3::TcpSocket::SegmentSize": "1448"})
    result = pearp.run_scenario(pearp.scenario(hosts_per_site=3))
    for row in result["hosts"]:
        print(row["ip"], row["port_low"], row["rx_bytes"])

Large topologies are graphs (Boost.Graph underneath), generated or read::

    lan = pearp.Topology.Lan()
    lan.hosts, lan.shared_ips = 50, 2
    graph = pearp.isp(backbone=4, sites=8, site=lan)    # or campus(), random_core(), Topology.from_dot(text)
    result = pearp.run_topology(graph)                   # routes computed on the graph

Every run builds the nodes, runs the simulation, collects the results as
plain Python data (lists of dicts) and destroys the simulator, so runs can
follow each other in one interpreter. Bad parameters raise ValueError naming
the parameter.

These bindings are pybind11 (Debian's pybind11-dev), not ns-3's own cppyy
bindings, which Debian 12 does not ship. They bind what scenario scripts
need, not all of ns-3.
"""

import csv as _csv
import sys as _sys

from ._pearp import (  # noqa: F401  (the extension's API, re-exported)
    ComparisonConfig,
    ScenarioConfig,
    Topology,
    TopologyConfig,
    campus,
    configure,
    isp,
    random_core,
    run_comparison,
    run_scenario,
    run_topology,
    seed,
    systems,
)

__all__ = [
    "ComparisonConfig",
    "ScenarioConfig",
    "Topology",
    "TopologyConfig",
    "campus",
    "comparison",
    "configure",
    "isp",
    "print_progress",
    "random_core",
    "run_comparison",
    "run_scenario",
    "run_topology",
    "scenario",
    "seed",
    "systems",
    "to_dataframe",
    "write_csv",
]

#: Column order of the C++ examples' per-host CSV (pe-arp-router, pe-arp-bridge).
HOST_CSV_COLUMNS = ["host", "site", "ip", "port_low", "port_high", "mac", "rx_bytes",
                    "echo_replies", "wrong_host_packets", "first_rx_s", "last_rx_s",
                    "goodput_bps"]

#: Column order of the C++ examples' per-flow CSV (--perFlow).
FLOW_CSV_COLUMNS = ["flow", "protocol", "source", "source_port", "destination",
                    "destination_port", "tx_packets", "rx_packets", "lost_packets", "tx_bytes",
                    "rx_bytes", "goodput_bps", "mean_delay_s"]


def _configured(config, values, what):
    for name, value in values.items():
        if not hasattr(config, name) or name.startswith("_") or callable(getattr(config, name)):
            raise ValueError("%s: no parameter named '%s'" % (what, name))
        try:
            setattr(config, name, value)
        except TypeError as error:
            raise ValueError("%s: bad value %r for '%s' (%s)" % (what, value, name, error))
    why = config.validate()
    if why:
        raise ValueError(why)
    return config


def scenario(**values):
    """A ScenarioConfig with the given fields set, validated.

    Enumerations may be given by name: resolver="STOCK", deployment="BRIDGE",
    lan="SWITCHED", provisioning="DHCP". Raises ValueError on an unknown field or a
    bad value.
    """
    enums = {"resolver": ScenarioConfig.Resolver, "deployment": ScenarioConfig.Deployment,
             "lan": ScenarioConfig.Lan, "provisioning": ScenarioConfig.Provisioning}
    for name, kind in enums.items():
        if isinstance(values.get(name), str):
            try:
                values[name] = kind.__members__[values[name].upper()]
            except KeyError:
                raise ValueError("%s: must be one of %s, not %r"
                                 % (name, ", ".join(kind.__members__), values[name]))
    return _configured(ScenarioConfig(), values, "scenario")


def comparison(**values):
    """A ComparisonConfig with the given fields set, validated (see systems())."""
    return _configured(ComparisonConfig(), values, "comparison")


def print_progress(fraction, simulated_s, events):
    """A progress callback for run_scenario and run_comparison: one line to stderr."""
    _sys.stderr.write("[pearp] %3d%%  t=%.2f s  %d events\n"
                      % (round(fraction * 100), simulated_s, events))


def _cell(value):
    # As C++'s operator<< writes them: doubles with 6 significant digits.
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        text = "%g" % value
        return text
    return str(value)


def write_csv(rows, path, columns):
    """Write rows (dicts) to a CSV file, in the given column order and in the
    number format of the C++ examples."""
    with open(path, "w", newline="") as out:
        writer = _csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row[c]) for c in columns])


def to_dataframe(rows):
    """rows (a list of dicts) as a pandas.DataFrame. Needs pandas, which
    pe-arp itself does not."""
    try:
        import pandas
    except ImportError:
        raise ImportError("to_dataframe needs pandas (apt install python3-pandas); "
                          "the rows are plain lists of dicts without it")
    return pandas.DataFrame(rows)
