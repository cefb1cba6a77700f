#!/usr/bin/env python3
"""pe-arp-agent against the module's own frames, in two network namespaces.

Namespace "b" is a real Linux host sharing 192.0.2.2 that owns ports
5000-5999 and runs ``pe-arp-agent``; namespace "a" plays the PE-ARP edge router
through an AF_PACKET socket on the other end of a veth pair (192.0.2.0/24,
RFC 5737, no default route).  The frames the router sends are the ones the
module writes: ``pe-arp-router --pcap --firstPort=5000`` (host 0 owns
5000-5999, host 1 6000-6999), with only their addresses rewritten.

Checks:

1. the agent sets net.ipv4.ip_local_port_range to 5000 5999 and arp_ignore
   to 8 on its interface;
2. a PE-ARP request for port 5000 (from the pcap) gets exactly one answer, the
   agent's PE-ARP reply, whose 38 bytes equal the reply of the module's host 0
   in the pcap (addresses rewritten) and the fields written by hand; the kernel
   sends no standard reply;
3. the agent learned the router into the kernel's neighbour table;
4. a PE-ARP request for port 6000 (another host's, from the pcap) and a
   standard request for the shared address get no answer at all;
5. datagrams the host sends take source ports of its range;
6. on SIGTERM the agent removes its neighbour entries and restores the
   sysctls;
7. with --gateway the agent resolves the gateway by a PE-ARP request (fields
   checked by hand) and installs it as a permanent neighbour, so the kernel
   reaches it with no standard ARP from the shared address.

Exit status 0, 1 on a failed check, 77 where namespaces are not permitted.
Everything is removed on exit.  Standard library only (Debian's
/usr/bin/python3).
"""

import argparse
import importlib.util
import json
import os
import platform
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("compat", os.path.join(HERE, "pe-arp-kernel-compat.py"))
compat = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(compat)

SKIP = 77
RANGE = (5000, 5999)
ROUTER = "192.0.2.1"
SHARED = "192.0.2.2"


def start_agent(ns, agent, gateway=None):
    """Start pe-arp-agent in namespace b; wait until it answers; return the process."""
    ready = tempfile.NamedTemporaryFile(prefix="pearp-agent-", delete=False)
    ready.close()
    os.unlink(ready.name)
    command = ["ip", "netns", "exec", ns.b, agent, f"--interface={ns.dev_b}", f"--address={SHARED}",
               f"--range={RANGE[0]}-{RANGE[1]}", f"--ready-file={ready.name}"]
    if gateway:
        command.append(f"--gateway={gateway}")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    process.ready_file = ready.name
    return process


def wait_ready(process, timeout=5.0):
    """True once the agent wrote its ready file."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(process.ready_file):
            os.unlink(process.ready_file)
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.05)
    return False


def stop_agent(process):
    """SIGTERM the agent; return (exit status, its output)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        output, _ = process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    return process.returncode, output


def pearp_reply_by_hand(sha, spa, rng, tha, tpa, target_port, return_port):
    """A PE-ARP reply (38 bytes), written from RFC 826 and the paper's Table II."""
    return (struct.pack("!HHBBH", 1, 0x0800, 6, 4, 2) + sha + socket.inet_aton(spa) + tha
            + socket.inet_aton(tpa) + struct.pack("!HHHHH", 0xEAAB, rng[0], rng[1], target_port, return_port))


def run_checks(ns, args, frames, c):
    """Checks 1-7 with the sockets of namespace a."""
    mac_a, mac_b = ns.mac(ns.a, ns.dev_a), ns.mac(ns.b, ns.dev_b)
    tx_a = compat.packet_socket(ns.a, ns.dev_a)
    rx_a = compat.packet_socket(ns.a, ns.dev_a)
    original_range = ns.sysctl(ns.b, "net.ipv4.ip_local_port_range")
    original_ignore = ns.sysctl(ns.b, f"net.ipv4.conf.{ns.dev_b}.arp_ignore")
    try:
        agent = start_agent(ns, args.agent)
        if not c.expect(wait_ready(agent), "pe-arp-agent started"):
            print(stop_agent(agent)[1])
            return
        print("\n[1] sysctls of the host's namespace")
        got_range = ns.sysctl(ns.b, "net.ipv4.ip_local_port_range").split()
        c.expect(got_range == [str(RANGE[0]), str(RANGE[1])],
                 f"ip_local_port_range = {RANGE[0]} {RANGE[1]} (was {original_range})", " ".join(got_range))
        c.expect(ns.sysctl(ns.b, f"net.ipv4.conf.{ns.dev_b}.arp_ignore") == "8",
                 f"arp_ignore = 8 on {ns.dev_b} (was {original_ignore})")

        print("\n[2] PE-ARP request of the router for port 5000 (pcap)")
        requests = {f.ports()[2]: f for f in frames if f.op == compat.ARP_REQUEST}
        replies = {f.ports()[0]: f for f in frames if f.op == compat.ARP_REPLY}
        mine, other = requests.get(RANGE[0]), requests.get(RANGE[1] + 1)
        module_reply = replies.get(RANGE[0])
        if not c.expect(mine is not None and other is not None and module_reply is not None,
                        "the pcap holds the router's requests for ports 5000 and 6000 and host 0's reply"):
            return
        print(f"  pcap:     {mine.describe()}")
        frame = compat.rewrite(mine, compat.BROADCAST, mac_a, mac_a, ROUTER, None, SHARED)
        compat.drain(rx_a)
        tx_a.send(frame)
        answer = compat.receive(rx_a, lambda f: compat.is_arp(f) and f[6:12] == mac_b)
        if c.expect(answer is not None, "the request for port 5000 was answered"):
            got = compat.ArpFrame(answer)
            print(f"  agent:    {got.describe()}")
            module = compat.ArpFrame(compat.rewrite(module_reply, mac_a, mac_b, mac_b, SHARED, mac_a, ROUTER))
            print(f"  pcap:     {module_reply.describe()}")
            c.expect(got.body + (got.extension or b"") == module.body + module.extension,
                     "the agent's 38 bytes equal the module's reply in the pcap (addresses rewritten)",
                     f"{(got.body + (got.extension or b'')).hex()} != {(module.body + module.extension).hex()}")
            want = pearp_reply_by_hand(mac_b, SHARED, RANGE, mac_a, ROUTER, 0, RANGE[0])
            c.expect(got.body + (got.extension or b"") == want,
                     "and the fields written by hand: range 5000-5999, target port 0, return port 5000")
            c.expect(answer[0:6] == mac_a, "the reply is unicast to the router")
        second = compat.receive(rx_a, lambda f: compat.is_arp(f) and f[6:12] == mac_b, timeout=0.5)
        c.expect(second is None, "no second (standard) reply: the kernel stayed silent (arp_ignore)",
                 "" if second is None else compat.ArpFrame(second).describe())

        print("\n[3] the agent learned the router")
        entries = ns.neigh(ROUTER)
        print(f"  ip -j neigh: {json.dumps(entries)}")
        c.expect(len(entries) == 1 and entries[0].get("lladdr") == compat.mac_text(mac_a)
                 and "PERMANENT" in entries[0].get("state", []),
                 f"{ROUTER} lladdr {compat.mac_text(mac_a)} PERMANENT")

        print("\n[4] requests the host must not answer")
        print(f"  pcap:     {other.describe()}")
        compat.drain(rx_a)
        tx_a.send(compat.rewrite(other, compat.BROADCAST, mac_a, mac_a, ROUTER, None, SHARED))
        silent = compat.receive(rx_a, lambda f: compat.is_arp(f) and f[6:12] == mac_b, timeout=0.7)
        c.expect(silent is None, "PE-ARP request for port 6000 (another host's): no answer")
        standard = (compat.BROADCAST + mac_a + b"\x08\x06" + struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1)
                    + mac_a + socket.inet_aton(ROUTER) + b"\x00" * 6 + socket.inet_aton(SHARED))
        tx_a.send(standard)
        silent = compat.receive(rx_a, lambda f: compat.is_arp(f) and f[6:12] == mac_b, timeout=0.7)
        c.expect(silent is None, "standard ARP request for the shared address: no answer (kernel nor agent)")

        print("\n[5] outbound source ports")
        ports = []
        compat.drain(rx_a)
        for _ in range(args.datagrams):
            udp = compat.in_netns(ns.b, lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM))
            udp.sendto(b"source port check", (ROUTER, 9))
            ports.append(udp.getsockname()[1])
            udp.close()
        seen = []
        while True:
            frame = compat.receive(rx_a, lambda f: f[12:14] == b"\x08\x00" and f[6:12] == mac_b, timeout=0.5)
            if frame is None:
                break
            ihl = (frame[14] & 0x0F) * 4
            seen.append(struct.unpack("!H", frame[14 + ihl : 16 + ihl])[0])
        print(f"  source ports: {sorted(seen)}")
        c.expect(len(seen) == args.datagrams and seen == ports
                 and all(RANGE[0] <= p <= RANGE[1] for p in seen),
                 f"{args.datagrams} datagrams left from ports in {RANGE[0]}-{RANGE[1]}, "
                 "straight to the learned MAC")

        print("\n[6] SIGTERM: the agent restores what it changed")
        status, output = stop_agent(agent)
        print("  " + output.strip().replace("\n", "\n  "))
        c.expect(status == 0, "the agent exited with status 0", str(status))
        c.expect("standard requests (ignored) 1" in output and "answered 1" in output,
                 "its counters: 1 answered, 1 standard request ignored")
        c.expect(ns.sysctl(ns.b, "net.ipv4.ip_local_port_range") == original_range
                 and ns.sysctl(ns.b, f"net.ipv4.conf.{ns.dev_b}.arp_ignore") == original_ignore,
                 "ip_local_port_range and arp_ignore restored")
        c.expect(ns.neigh(ROUTER) == [], "its neighbour entry removed")

        print("\n[7] --gateway: the agent resolves the gateway with PE-ARP")
        compat.drain(rx_a)
        agent = start_agent(ns, args.agent, gateway=ROUTER)
        request = compat.receive(rx_a, lambda f: compat.is_arp(f) and f[6:12] == mac_b, timeout=3)
        if c.expect(request is not None, "the agent sent a request for the gateway"):
            got = compat.ArpFrame(request)
            print(f"  agent:    {got.describe()}")
            want = (struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac_b + socket.inet_aton(SHARED) + b"\x00" * 6
                    + socket.inet_aton(ROUTER) + struct.pack("!HHHHH", 0xEAAB, RANGE[0], RANGE[1], 0, RANGE[0]))
            c.expect(request[0:6] == compat.BROADCAST and got.body + (got.extension or b"") == want,
                     "broadcast PE-ARP request: range 5000-5999, target port 0, return port 5000 (by hand)")
            reply = (mac_b + mac_a + b"\x08\x06"
                     + pearp_reply_by_hand(mac_a, ROUTER, (0, 0), mac_b, SHARED, RANGE[0], 0))
            tx_a.send(reply)
            c.expect(wait_ready(agent), "the agent took the router's reply and started answering")
            entries = ns.neigh(ROUTER)
            print(f"  ip -j neigh: {json.dumps(entries)}")
            c.expect(len(entries) == 1 and entries[0].get("lladdr") == compat.mac_text(mac_a)
                     and "PERMANENT" in entries[0].get("state", []),
                     f"gateway {ROUTER} lladdr {compat.mac_text(mac_a)} PERMANENT")
        print("  " + stop_agent(agent)[1].strip().replace("\n", "\n  "))
    finally:
        tx_a.close()
        rx_a.close()


def main():
    """Set up, check, clean up; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--agent", required=True, help="the pe-arp-agent program")
    parser.add_argument("--binary", help="pe-arp-router (writes the pcap files)")
    parser.add_argument("--pcap-dir", help="pcap files of pe-arp-router --pcap --firstPort=5000")
    parser.add_argument("--datagrams", type=int, default=20)
    args = parser.parse_args()
    print(f"kernel: {platform.system()} {platform.release()} ({platform.machine()})")
    if os.geteuid() != 0:
        print("SKIP: network namespaces need root")
        return SKIP
    if not args.binary and not args.pcap_dir:
        parser.error("give --binary or --pcap-dir")
    with tempfile.TemporaryDirectory(prefix="pearp-agent-") as tmp:
        directory = args.pcap_dir or tmp
        if not args.pcap_dir:
            result = subprocess.run([args.binary, "--pcap", f"--outDir={tmp}", f"--firstPort={RANGE[0]}",
                                     f"--portsPerHost={RANGE[1] - RANGE[0] + 1}"],
                                    capture_output=True, text=True, cwd=tmp)
            if result.returncode != 0:
                print(f"FAIL: {args.binary}: {result.stderr}")
                return 1
        frames = compat.frames_from_pcaps(directory)
        ns = compat.Namespaces(os.getpid())
        c = compat.Checker()
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        try:
            ns.create()
            print(f"namespaces {ns.a} (the router, AF_PACKET) and {ns.b} ({ns.dev_b} {SHARED}/24, pe-arp-agent)")
            run_checks(ns, args, frames, c)
        except compat.Skip as why:
            print(f"SKIP: {why}")
            return SKIP
        finally:
            ns.close()
            signal.signal(signal.SIGTERM, previous)
    c.expect(not any(os.path.exists(f"/var/run/netns/{n}") for n in (ns.a, ns.b)), "the namespaces were removed")
    print(f"\nkernel {platform.release()}: {c.passed} checks passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
