#!/usr/bin/env python3
"""The paper's Figure 4 in real time, with a real Linux host as the Internet.

The script creates a network namespace (the Internet host) with a tap device
``pearp-tap0`` (198.51.100.2/24, RFC 5737) and a route to the simulated LAN
192.0.2.0/24 through 198.51.100.1, and nothing else: no default route, no link
to the root namespace.  It runs the ``pe-arp-emu`` example inside that
namespace; the example attaches to the tap through an FdNetDevice of the
simulated PE-ARP router (RealtimeSimulatorImpl, checksums on).  Behind the
router, hosts A, B, C ... share 192.0.2.2, each with a port range.

From the namespace, real Linux sockets then:

- send each simulated host a different TCP stream (seeded random bytes) to
  the first port of its range;
- send each host UDP datagrams to the second port of its range (UDP echo
  server) and check every echo byte for byte;
- ``ping`` the shared address (port-less: the router sends it to the owner of
  ns3::PeArpL3Protocol::DefaultPort, the first host).

When the example ends it prints what each simulated host received (bytes and
CRC-32 of the TCP and UDP payloads, ICMP echo requests, packets for a port
outside its range); the script compares that with what it sent, host by host,
and reports how late the real-time simulator ran.

Exit status: 0 every check passed, 1 a check failed, 77 skipped (not root, no
``ip netns``, no /dev/net/tun, namespaces not permitted), 2 usage error.  The
namespace (and the tap in it) is removed on exit, also on failure or SIGTERM.
Standard library only (and ``ping`` from iputils-ping); run it with Debian's
/usr/bin/python3.
"""

import argparse
import json
import os
import platform
import random
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pe_arp_netns import Checker, Skip, in_netns, run  # noqa: E402

SKIP = 77
TAP = "pearp-tap0"
LINUX_ADDRESS = "198.51.100.2"  # the Internet host (RFC 5737 TEST-NET-2)
ROUTER_WAN = "198.51.100.1"  # the simulated router on the tap's link
ROUTER_LAN = "192.0.2.1"  # the simulated router on the LAN
LAN = "192.0.2.0"  # the simulated LAN (RFC 5737 TEST-NET-1)
SHARED = "192.0.2.2"  # the address the simulated hosts share


class Namespace:
    """A namespace with one tap device and one route; removed by close()."""

    def __init__(self, name, tap, address, route, via):
        self.name, self.tap, self.address, self.route, self.via = name, tap, address, route, via
        self.created = False

    def create(self):
        """Create and configure it; raise Skip where the system does not allow it."""
        result = run(["ip", "netns", "add", self.name], check=False)
        if result.returncode != 0:
            raise Skip(f"cannot create network namespace {self.name}: {result.stderr.strip()}")
        self.created = True
        run(["ip", "netns", "exec", self.name, "sysctl", "-qw",
             "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1"])
        run(["ip", "-n", self.name, "link", "set", "lo", "up"])
        result = run(["ip", "-n", self.name, "tuntap", "add", "dev", self.tap, "mode", "tap"], check=False)
        if result.returncode != 0:
            raise Skip(f"cannot create a tap device: {result.stderr.strip()}")
        run(["ip", "-n", self.name, "addr", "add", f"{self.address}/24", "dev", self.tap])
        run(["ip", "-n", self.name, "link", "set", self.tap, "up"])
        run(["ip", "-n", self.name, "route", "add", self.route, "via", self.via])
        routes = json.loads(run(["ip", "-n", self.name, "-j", "route", "show", "table", "all"]).stdout)
        if any(r.get("dst") == "default" for r in routes):
            raise RuntimeError(f"namespace {self.name} has a default route")
        print(f"namespace {self.name}: {self.tap} {self.address}/24, route {self.route} via {self.via}, "
              "no default route")

    def mac(self):
        """The tap's MAC address (text)."""
        return json.loads(run(["ip", "-n", self.name, "-j", "link", "show", "dev", self.tap]).stdout)[0]["address"]

    def close(self):
        """Remove the tap and the namespace."""
        if self.created:
            run(["ip", "-n", self.name, "link", "del", self.tap], check=False)
            run(["ip", "netns", "del", self.name], check=False)
            self.created = False


def payload(seed, size):
    """Deterministic pseudo-random bytes."""
    return random.Random(seed).randbytes(size)


def tcp_send(ns, port, data, timeout):
    """Send data over TCP to SHARED:port from the namespace; wait for the sink to close."""
    sock = in_netns(ns, lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))
    try:
        sock.settimeout(timeout)
        sock.connect((SHARED, port))
        local_port = sock.getsockname()[1]
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        while sock.recv(4096):
            pass
        return local_port
    finally:
        sock.close()


def udp_echo(ns, port, datagrams, timeout):
    """Send datagrams to SHARED:port; return the echoes received (in order, None if lost)."""
    sock = in_netns(ns, lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM))
    echoes = []
    try:
        sock.settimeout(timeout)
        sock.connect((SHARED, port))
        for data in datagrams:
            sock.send(data)
            try:
                echoes.append(sock.recv(65536))
            except socket.timeout:
                echoes.append(None)
    finally:
        sock.close()
    return echoes


def read_ready(process, timeout):
    """Wait for the example's READY line; return the lines before it."""
    lines, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.5)
        if ready:
            line = process.stdout.readline()
            if not line:
                break
            if line.strip() == "READY":
                return lines
            lines.append(line)
        elif process.poll() is not None:
            break
    raise RuntimeError("the example did not start: " + "".join(lines))


def parse_table(output):
    """Return {(address, range): mac} from the router's PE-ARP table (arp -n)."""
    table = {}
    for line in output.splitlines():
        match = re.match(r"^(\d+\.\d+\.\d+\.\d+):(\d+-\d+)\s+ether\s+(\S+)", line)
        if match:
            table[(match.group(1), match.group(2))] = match.group(3)
    return table


def parse_hosts(output):
    """Return {host: dict} from the example's host table."""
    hosts, in_table = {}, False
    for line in output.splitlines():
        if line.startswith("host  ip"):
            in_table = True
            continue
        if in_table:
            fields = line.split()
            if len(fields) != 10:
                break
            hosts[int(fields[0])] = {
                "ports": fields[2], "mac": fields[3], "tcp_bytes": int(fields[4]),
                "tcp_crc32": int(fields[5], 16), "udp_bytes": int(fields[6]),
                "udp_crc32": int(fields[7], 16), "icmp_echo": int(fields[8]),
                "wrong_port": int(fields[9]),
            }
    return hosts


def exercise(ns, args, c):
    """Real traffic from the namespace; return what each host should have received."""
    expected = {}
    for i in range(args.hosts):
        low = args.first_port + i * args.ports_per_host
        tcp = payload(1000 + i, args.tcp_bytes + 101 * i)
        start = time.monotonic()
        local = tcp_send(ns, low, tcp, timeout=15)
        elapsed = time.monotonic() - start
        print(f"  host {i}: TCP {len(tcp)} bytes to {SHARED}:{low} from port {local} "
              f"in {elapsed:.3f} s ({len(tcp) * 8 / elapsed / 1e6:.1f} Mbit/s)")
        datagrams = [payload(2000 + 100 * i + k, 100 + 37 * k + i) for k in range(args.datagrams)]
        echoes = udp_echo(ns, low + 1, datagrams, timeout=3)
        c.expect(echoes == datagrams,
                 f"host {i}: {len(datagrams)} UDP datagrams to port {low + 1} echoed byte for byte",
                 f"{sum(e is not None for e in echoes)} echoes, "
                 f"{sum(e == d for e, d in zip(echoes, datagrams))} equal")
        udp = b"".join(datagrams)
        expected[i] = {"tcp_bytes": len(tcp), "tcp_crc32": zlib.crc32(tcp),
                       "udp_bytes": len(udp), "udp_crc32": zlib.crc32(udp), "icmp_echo": 0,
                       "wrong_port": 0}
    if shutil.which("ping"):
        result = run(["ip", "netns", "exec", ns, "ping", "-n", "-c", str(args.pings), "-i", "0.2",
                      "-W", "3", SHARED], check=False)
        summary = [line for line in result.stdout.splitlines() if "received" in line or "rtt" in line]
        print("  ping: " + " | ".join(summary))
        match = re.search(r"(\d+) received", result.stdout)
        received = int(match.group(1)) if match else 0
        c.expect(received == args.pings, f"ping {SHARED}: {args.pings} echo replies",
                 f"{received} received")
        expected[0]["icmp_echo"] = args.pings  # DefaultPort = first port: the first host answers
    else:
        print("  no ping (install iputils-ping): ICMP not checked")
    return expected


class Collector(threading.Thread):
    """A TCP server (one connection: read to EOF) or UDP echo server on a socket."""

    def __init__(self, sock, kind):
        super().__init__(daemon=True)
        self.sock, self.kind = sock, kind
        self.data, self.peer = b"", None

    def run(self):
        """Serve until the socket is closed."""
        try:
            if self.kind == "tcp":
                connection, self.peer = self.sock.accept()
                with connection:
                    while chunk := connection.recv(65536):
                        self.data += chunk
            else:
                while True:
                    data, peer = self.sock.recvfrom(65536)
                    self.data += data
                    self.sock.sendto(data, peer)
        except OSError:
            pass


def server(ns, kind, address, port):
    """A listening TCP or bound UDP socket in a namespace, served by a Collector thread."""

    def make():
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM if kind == "tcp" else socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((address, port))
        if kind == "tcp":
            s.listen(1)
        return s

    collector = Collector(in_netns(ns, make), kind)
    collector.start()
    return collector


def real_host(inet, host, args, c):
    """The real Linux host with pe-arp-agent: inbound TCP and UDP on its ports, outbound from its range."""
    low, high = args.real_range
    print(f"\nreal host {host.name} ({SHARED}, ports {low}-{high}, pe-arp-agent)")
    ready = os.path.join(tempfile.gettempdir(), f"pearp-emu-agent-{os.getpid()}")
    agent = subprocess.Popen(["ip", "netns", "exec", host.name, args.agent, f"--interface={host.tap}",
                              f"--address={SHARED}", f"--range={low}-{high}", f"--gateway={ROUTER_LAN}",
                              f"--ready-file={ready}"],
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 8
        while not os.path.exists(ready) and agent.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        if not c.expect(os.path.exists(ready), f"pe-arp-agent resolved the simulated router {ROUTER_LAN} by PE-ARP"):
            return
        os.unlink(ready)
        tcp_in, udp_in = server(host.name, "tcp", SHARED, low), server(host.name, "udp", SHARED, low + 1)
        data = payload(5000, args.tcp_bytes)
        tcp_send(inet.name, low, data, timeout=15)
        tcp_in.join(5)
        c.expect(len(tcp_in.data) == len(data) and zlib.crc32(tcp_in.data) == zlib.crc32(data),
                 f"inbound TCP {len(data)} bytes to {SHARED}:{low} reached the real host intact "
                 f"(crc32 {zlib.crc32(data):#x})", f"{len(tcp_in.data)} bytes, crc32 {zlib.crc32(tcp_in.data):#x}")
        datagrams = [payload(6000 + k, 300 + k) for k in range(args.datagrams)]
        echoes = udp_echo(inet.name, low + 1, datagrams, timeout=3)
        c.expect(echoes == datagrams and udp_in.data == b"".join(datagrams),
                 f"{len(datagrams)} UDP datagrams to port {low + 1} reached the real host and came back intact")
        udp_in.sock.close()

        outbound = server(inet.name, "tcp", LINUX_ADDRESS, 7000)
        data = payload(7000, args.tcp_bytes // 2)
        client = in_netns(host.name, lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM))
        with client:
            client.settimeout(15)
            client.connect((LINUX_ADDRESS, 7000))
            client.sendall(data)
            client.shutdown(socket.SHUT_WR)
        outbound.join(5)
        peer_port = outbound.peer[1] if outbound.peer else None
        c.expect(peer_port is not None and low <= peer_port <= high,
                 f"outbound TCP from the real host used source port {peer_port}, in {low}-{high}")
        c.expect(outbound.data == data, f"outbound TCP {len(data)} bytes arrived intact (the router "
                 "resolved the replies to the real host's range)", f"{len(outbound.data)} bytes")
        outbound.sock.close()
        tcp_in.sock.close()
    finally:
        if agent.poll() is None:
            agent.send_signal(signal.SIGTERM)
        try:
            output, _ = agent.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            agent.kill()
            output, _ = agent.communicate()
        print("  " + output.strip().replace("\n", "\n  "))
        if os.path.exists(ready):
            os.unlink(ready)


def main():
    """Set up, run, check, clean up; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", required=True, help="the pe-arp-emu example")
    parser.add_argument("--hosts", type=int, default=3, help="hosts sharing the address")
    parser.add_argument("--first-port", type=int, default=2000)
    parser.add_argument("--ports-per-host", type=int, default=1000)
    parser.add_argument("--tcp-bytes", type=int, default=200000, help="TCP bytes to the first host")
    parser.add_argument("--datagrams", type=int, default=5, help="UDP datagrams per host")
    parser.add_argument("--pings", type=int, default=3)
    parser.add_argument("--duration", type=float, default=15, help="real seconds the example runs")
    parser.add_argument("--agent", help="pe-arp-agent: add a real Linux host sharing the address")
    parser.add_argument("--real-range", type=lambda t: tuple(int(x) for x in t.split("-")),
                        default=(5000, 5999), help="the real host's ports (outside the simulated hosts')")
    args = parser.parse_args()

    print(f"kernel: {platform.system()} {platform.release()} ({platform.machine()})")
    if os.geteuid() != 0:
        print("SKIP: network namespaces and tap devices need root")
        return SKIP
    if shutil.which("ip") is None:
        print("SKIP: no 'ip' command (iproute2)")
        return SKIP
    if not os.path.exists("/dev/net/tun"):
        print("SKIP: no /dev/net/tun")
        return SKIP

    ns = Namespace(f"pearp-emu-{os.getpid()}", TAP, LINUX_ADDRESS, f"{LAN}/24", ROUTER_WAN)
    host = Namespace(f"pearp-emu-host-{os.getpid()}", "pearp-tap1", SHARED, "198.51.100.0/24", ROUTER_LAN)
    c = Checker()
    process = None
    previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    with tempfile.TemporaryFile(mode="w+") as errors:
        try:
            ns.create()
            if args.agent:
                host.create()
            command = ["ip", "netns", "exec", ns.name, args.binary, f"--tapName={TAP}",
                       f"--duration={args.duration}", f"--hosts={args.hosts}",
                       f"--firstPort={args.first_port}", f"--portsPerHost={args.ports_per_host}",
                       f"--wanAddress={ROUTER_WAN}", f"--lanNetwork={LAN}", f"--sharedAddress={SHARED}"]
            if args.agent:
                command += [f"--realHostTap={host.tap}", f"--realHostNetns=/var/run/netns/{host.name}"]
            started = time.monotonic()
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
            read_ready(process, timeout=10)
            print(f"pe-arp-emu runs in real time in {ns.name} ({args.duration} s)")
            expected = exercise(ns.name, args, c)
            if args.agent:
                real_host(ns, host, args, c)
            traffic = time.monotonic() - started
            c.expect(traffic < args.duration - 1, f"the traffic ended before the example ({traffic:.1f} s)")
            output, _ = process.communicate(timeout=args.duration + 30)
            process = None
            print(output)
            hosts = parse_hosts(output)
            c.expect(sorted(hosts) == list(range(args.hosts)), f"the example reported {args.hosts} hosts")
            table = parse_table(output)
            want_table = {(SHARED, h["ports"]): h["mac"] for h in hosts.values()}
            if args.agent:
                want_table[(SHARED, f"{args.real_range[0]}-{args.real_range[1]}")] = host.mac()
            c.expect(table == want_table,
                     f"the router's PE-ARP table holds one entry per host: {SHARED}:range -> its MAC",
                     f"{table}")
            for i, want in expected.items():
                got = hosts.get(i, {})
                for key, value in want.items():
                    c.expect(got.get(key) == value, f"host {i} {key} = {value:#x}" if "crc" in key
                             else f"host {i} {key} = {value}", f"got {got.get(key)}")
        except Skip as why:
            print(f"SKIP: {why}")
            return SKIP
        except (OSError, subprocess.SubprocessError) as why:
            c.expect(False, "the exchange with the simulated network", f"{type(why).__name__}: {why}")
        finally:
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            host.close()
            ns.close()
            signal.signal(signal.SIGTERM, previous)
            errors.seek(0)
            text = errors.read().strip()
            if text:
                print("example stderr:\n" + text[-2000:])
    c.expect(not any(os.path.exists(f"/var/run/netns/{n.name}") for n in (ns, host)),
             "the namespaces were removed")
    print(f"\nkernel {platform.release()}: {c.passed} checks passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
