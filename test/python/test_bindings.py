# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""pytest for the pearp bindings (run by CTest as python-bindings)."""

import os
import subprocess
import sys
import textwrap

import pytest

import pearp

BUILD = os.environ.get("PEARP_BUILD_DIR", os.path.join(os.path.dirname(__file__), "..", "..",
                                                       "build"))


def run_python(code):
    """Run code in a fresh interpreter (a first run in a process, as a C++ example is)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.path.join(BUILD, "python")
    subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True, env=env)


def test_figure4_csv_equals_the_cpp_example(tmp_path):
    cpp = tmp_path / "cpp"
    subprocess.run([os.path.join(BUILD, "bin", "pe-arp-router"), "--outDir=%s" % cpp],
                   check=True, stdout=subprocess.DEVNULL)
    py = tmp_path / "py.csv"
    run_python("""
        import pearp
        pearp.seed(1, 1)
        result = pearp.run_scenario(pearp.scenario())
        pearp.write_csv(result["hosts"], %r, pearp.HOST_CSV_COLUMNS)
    """ % str(py))
    expected = (cpp / "pe-arp-router-hosts.csv").read_bytes()
    assert py.read_bytes() == expected
    assert expected.count(b"\n") == 4  # header and the three hosts of Figure 4


def test_scenario_results_are_plain_data():
    result = pearp.run_scenario(pearp.scenario(hosts_per_site=4, ports_per_host=500))
    assert [h["host"] for h in result["hosts"]] == [0, 1, 2, 3]
    assert all(h["rx_bytes"] == h["expected_bytes"] == 10240 for h in result["hosts"])
    assert [h["port_low"] for h in result["hosts"]] == [2000, 2500, 3000, 3500]
    assert result["totals"]["all_delivered"] is True
    assert result["totals"]["echo_replies"] == 4
    assert "198.108.63." in result["edge_table"]


def test_runs_follow_each_other_in_one_interpreter():
    first = pearp.run_scenario(pearp.scenario(resolver="STOCK"))
    second = pearp.run_scenario(pearp.scenario(deployment="BRIDGE"))
    assert first["totals"]["all_delivered"] and second["totals"]["all_delivered"]
    assert first["edge_table"] == ""  # stock ARP has no PE-ARP table


def test_progress_is_reported_ten_times():
    seen = []
    pearp.run_scenario(pearp.scenario(), progress=lambda f, t, e: seen.append((f, t, e)))
    assert [round(f, 1) for f, _, _ in seen] == [round(0.1 * k, 1) for k in range(1, 11)]
    assert all(a[1] < b[1] and a[2] <= b[2] for a, b in zip(seen, seen[1:]))


@pytest.mark.parametrize("values, names", [
    ({"hosts_per_site": 0}, "hostsPerSite"),
    ({"ports_per_host": 0}, "portsPerHost"),
    ({"no_such_field": 1}, "no_such_field"),
    ({"resolver": "DNS"}, "resolver"),
    ({"spread": -1.0}, "spread"),
])
def test_bad_scenario_parameters_raise(values, names):
    with pytest.raises(ValueError, match=names):
        pearp.scenario(**values)


def test_bad_configuration_raises():
    with pytest.raises(ValueError, match="ns3::NoSuchType::Attribute"):
        pearp.configure({"ns3::NoSuchType::Attribute": "1"})
    with pytest.raises(ValueError, match="ns3::TcpSocket::SegmentSize"):
        pearp.configure({"ns3::TcpSocket::SegmentSize": "not a number"})
    with pytest.raises(ValueError, match="seed"):
        pearp.seed(0)
    with pytest.raises(ValueError, match="system"):
        pearp.comparison(system="carrier-pigeon")
    with pytest.raises(ValueError, match="hosts"):
        pearp.comparison(hosts=0)
    pearp.configure({"ns3::TcpSocket::SegmentSize": "536"})  # the default, accepted


def test_comparison_from_python():
    assert pearp.systems()[:2] == ["public", "pe-arp-router"]
    small = dict(hosts=2, inbound_bytes=20000, outbound_bytes=20000, local_bytes=10000,
                 echoes=1, pings=1, embedded_bytes=5000, stop=8.0)
    napt = pearp.run_comparison(pearp.comparison(system="napt", **small))
    router = pearp.run_comparison(pearp.comparison(system="pe-arp-router", **small))
    assert napt["embedded_ok"] == 0 and router["embedded_ok"] == 2
    assert napt["rewritten_l3"] > 0 and router["rewritten_l3"] == 0
    assert [h["announced_address"] for h in napt["hosts"]] == ["10.0.0.10", "10.0.0.11"]
    assert router["state_kind"] == "PE-ARP entries at the router"


def test_dataframe_needs_pandas_only_when_asked():
    rows = [{"a": 1}]
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pandas"):
            pearp.to_dataframe(rows)
    else:
        assert list(pearp.to_dataframe(rows)["a"]) == [1]


def test_help_is_readable():
    text = pearp.__doc__ + pearp.run_scenario.__doc__ + pearp.ScenarioConfig.__doc__
    assert "Simulator" in text or "destroys the simulator" in text


def test_samples_and_resolution_latencies():
    result = pearp.run_scenario(pearp.scenario(), sample_interval=0.5)
    series = result["series"]
    assert [round(s["time_s"], 6) for s in series] == [0.5 * k for k in range(1, 13)]
    assert series[-1]["rx_bytes"] == result["totals"]["rx_bytes"] == 3 * 10240
    assert series[-1]["arp_frames"] == result["totals"]["arp_frames"]
    assert series[-1]["edge_cache_entries"] == 3
    assert len(result["resolution_latencies_s"]) == 3
    with pytest.raises(ValueError, match="sample_interval"):
        pearp.run_scenario(pearp.scenario(), sample_interval=-1)


def test_topology_from_python():
    lan = pearp.Topology.Lan()
    lan.hosts = 5
    lan.shared_ips = 2
    lan.ports_per_host = 500
    graph = pearp.isp(backbone=3, sites=4, site=lan)
    assert graph.n_vertices == 3 + 4 + 1
    assert graph.n_links == 3 + 4 + 1
    assert graph.n_hosts == 20
    assert graph.validate() == ""
    config = pearp.TopologyConfig()
    config.tcp_bytes = 2000
    config.spread = 0.2
    config.drain = 2
    result = pearp.run_topology(graph, config)
    totals = result["totals"]
    assert totals["rx_bytes"] == 20 * 2000
    assert totals["echo_replies"] == 20
    assert totals["all_delivered"]
    # PE-ARP with learning from requests: a request and a reply per host range.
    assert totals["arp_frames"] == 2 * 20
    assert totals["edge_cache_entries"] == 20
    assert result["routes"] > 0


def test_topology_files_and_bad_input():
    graph = pearp.Topology.from_dot(
        'graph g { core; s [kind=site hosts=3 resolver=stock]; net [kind=internet hosts=1];'
        ' core -- s [rate="100Mbps"]; core -- net; }')
    assert graph.n_vertices == 3
    assert graph.find_vertex("s") is not None
    assert graph.find_vertex("nowhere") is None
    again = pearp.Topology.from_dot(graph.to_dot())
    assert again.to_dot() == graph.to_dot()
    with pytest.raises(ValueError, match="kind='hub'"):
        pearp.Topology.from_dot("graph g { a [kind=hub]; }")
    with pytest.raises(ValueError, match="m=9 must be in 1..4"):
        pearp.random_core(model="ba", routers=5, m=9)
    with pytest.raises(ValueError, match="model"):
        pearp.random_core(model="erdos")
    lonely = pearp.Topology()
    lonely.add_vertex(pearp.Topology.Kind.SITE, pearp.Topology.Lan())
    with pytest.raises(ValueError, match="hosts must be at least 1"):
        pearp.run_topology(lonely)


def test_the_same_configuration_gives_the_same_run_in_one_interpreter():
    # Fixed random-variable streams: a second run in the same process is the
    # first run again, event for event.
    config = pearp.scenario(hosts_per_site=6, shared_ips=2, ports_per_host=500)
    first = pearp.run_scenario(config, per_flow=True)
    pearp.run_scenario(pearp.scenario(resolver="STOCK"))  # something else in between
    again = pearp.run_scenario(config, per_flow=True)
    assert first["totals"]["events"] == again["totals"]["events"]
    assert first["resolution_latencies_s"] == again["resolution_latencies_s"]
    assert first["flows"] == again["flows"]


def test_map_port_sets_from_python():
    # RFC 7597 sets, PSID offset 6, 4 hosts on one address (PSID length 2):
    # host p's first block is 1024 + 256 p .. 1024 + 256 p + 255.
    config = pearp.scenario(hosts_per_site=4, shared_ips=1, psid_offset=6)
    result = pearp.run_scenario(config)
    assert result["totals"]["all_delivered"]
    assert [(h["port_low"], h["port_high"]) for h in result["hosts"]] == [
        (1024, 1279), (1280, 1535), (1536, 1791), (1792, 2047)]
    with pytest.raises(ValueError, match="psidOffset"):
        pearp.run_scenario(pearp.scenario(hosts_per_site=16, psid_offset=15))


def test_dhcp_and_self_assigned_port_sets_from_python():
    # DHCP: the router leases RFC 7597 sets (PSID offset 6, 3 hosts per
    # address, PSID length 2): every first block is 1024 + 256 p .. + 255.
    config = pearp.scenario(sites=2, hosts_per_site=5, shared_ips=2, psid_offset=6,
                            provisioning="DHCP")
    result = pearp.run_scenario(config)
    assert result["totals"]["all_delivered"]
    blocks = {(1024 + 256 * p, 1024 + 256 * p + 255) for p in range(4)}
    assert {(h["port_low"], h["port_high"]) for h in result["hosts"]} <= blocks
    pairs = [(h["site"], h["ip"], h["port_low"]) for h in result["hosts"]]
    assert len(set(pairs)) == 10, "no (address, set) leased twice in a site"
    assert all(0 <= t < 1.0 for t in result["provisioning"]["provisioned_s"])
    assert result["provisioning"]["dhcp"]["acks"] == 10
    assert result["provisioning"]["dhcp"]["naks"] == 0
    assert pearp.run_scenario(config)["hosts"] == result["hosts"], "same seed, same leases"

    # Self-assigned: 4 hosts claim 1000-port blocks from 2000 (RFC 5227).
    result = pearp.run_scenario(pearp.scenario(hosts_per_site=4, provisioning="self_assigned",
                                               start=8.0))
    assert result["totals"]["all_delivered"]
    lows = [h["port_low"] for h in result["hosts"]]
    assert len(set(lows)) == 4 and all((low - 2000) % 1000 == 0 for low in lows)
    assert all(0 < t < 8.0 for t in result["provisioning"]["provisioned_s"])
    assert result["provisioning"]["dhcp"] == {}

    with pytest.raises(ValueError, match="psidOffset"):
        pearp.run_scenario(pearp.scenario(provisioning="DHCP"))
    with pytest.raises(ValueError, match="provisioning"):
        pearp.run_scenario(pearp.scenario(provisioning="DHCP", psid_offset=6, resolver="STOCK"))
    with pytest.raises(ValueError, match="provisioning"):
        pearp.scenario(provisioning="lease")
