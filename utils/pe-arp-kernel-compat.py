#!/usr/bin/env python3
"""PE-ARP backward compatibility, checked against a real Linux kernel.

The PE-ARP paper says its 10-byte extension after the 28-byte ARP body is
ignored by a standard ARP implementation.  This script checks that claim with
the frames the pe-arp module itself writes:

1. it runs an example with ``--pcap`` (``pe-arp-router``), reads the pcap files
   with ``struct`` and takes the PE-ARP request of the edge router and the
   PE-ARP replies of the hosts that share an address;
2. it creates two network namespaces joined by a veth pair, with addresses of
   192.0.2.0/24 (RFC 5737) only, no default route and no link to anything else;
3. it rewrites *only the addresses* of those frames (IPv4 addresses to
   192.0.2.0/24, MAC addresses to the namespace's veth MAC or to locally
   administered ones; operation, lengths and the 10 PE-ARP bytes are kept) and
   injects them with an AF_PACKET socket from namespace "a" into namespace "b",
   whose kernel has plain ARP;
4. it checks with ``ip -j neigh`` and with captures what the kernel did:

   - request: the kernel answers a PE-ARP request for its address with a
     standard RFC 826 reply (fields compared with values written by hand) and
     learns the requester;
   - reply: a PE-ARP reply to a request of the kernel fills its entry; an
     unsolicited one is observed (Linux creates no entry unless arp_accept);
   - shared address: two replies for the same address with two MAC addresses
     (two hosts sharing it): the kernel holds one entry per address, the MAC
     of the last reply once its ``locktime`` has passed, and sends traffic for
     a port of the first host to the second one.

Exit status: 0 all checks passed, 1 a check failed, 77 skipped (not root, no
``ip netns``, no namespaces allowed), 2 usage or set-up error.  Everything the
script creates (two namespaces, which own the veth pair) is removed on exit,
also on failure or SIGTERM.  Standard library only; run with Debian's
/usr/bin/python3.
"""

import argparse
import glob
import json
import os
import platform
import select
import shutil
import signal
import socket
import struct
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pe_arp_netns import Checker, Skip, in_netns, run  # noqa: E402

SKIP = 77
ETH_P_ALL = 0x0003
ETH_P_ARP = 0x0806
PCAP_LINKTYPE_ETHERNET = 1
ARP_BODY = 28
PEARP_EXTENSION = 10
PEARP_MAGIC = 0xEAAB
ARP_REQUEST = 1
ARP_REPLY = 2
BROADCAST = b"\xff" * 6

# Addresses of the namespaces: RFC 5737 TEST-NET-1 only.
NET = "192.0.2.0/24"
ADDR_A = "192.0.2.1"  # namespace a: the PE-ARP edge router (no address on its veth)
ADDR_B = "192.0.2.2"  # namespace b: plain Linux ARP
ADDR_SHARED = "192.0.2.10"  # the address the hosts of the pcap share
ADDR_UNSOLICITED = "192.0.2.11"  # for an unsolicited reply


class CheckFailed(Exception):
    """A check against the kernel's behaviour failed."""


def mac_text(mac):
    """Return a MAC address (6 bytes) as aa:bb:cc:dd:ee:ff."""
    return ":".join(f"{b:02x}" for b in mac)


def mac_bytes(text):
    """Return the 6 bytes of a MAC address written aa:bb:cc:dd:ee:ff."""
    return bytes(int(part, 16) for part in text.split(":"))


def read_pcap(path):
    """Yield the frames (bytes) of a little- or big-endian pcap file of Ethernet frames."""
    with open(path, "rb") as f:
        data = f.read()
    magic = data[:4]
    if magic == b"\xd4\xc3\xb2\xa1":
        endian = "<"
    elif magic == b"\xa1\xb2\xc3\xd4":
        endian = ">"
    else:
        raise ValueError(f"{path}: not a pcap file")
    linktype = struct.unpack(endian + "I", data[20:24])[0]
    if linktype != PCAP_LINKTYPE_ETHERNET:
        return
    offset = 24
    while offset + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(endian + "IIII", data[offset : offset + 16])
        offset += 16
        yield data[offset : offset + caplen]
        offset += caplen


class ArpFrame:
    """An Ethernet frame carrying ARP, with its fields parsed (RFC 826 layout)."""

    def __init__(self, frame):
        if len(frame) < 14 + ARP_BODY:
            raise ValueError("frame too short for ARP")
        self.frame = bytes(frame)
        self.eth_dst, self.eth_src = frame[0:6], frame[6:12]
        (self.ethertype,) = struct.unpack("!H", frame[12:14])
        self.body = frame[14 : 14 + ARP_BODY]
        (self.htype, self.ptype, self.hlen, self.plen, self.op) = struct.unpack(
            "!HHBBH", self.body[:8]
        )
        self.sha, self.spa = self.body[8:14], self.body[14:18]
        self.tha, self.tpa = self.body[18:24], self.body[24:28]
        self.after = frame[14 + ARP_BODY :]
        self.extension = None
        if len(self.after) >= PEARP_EXTENSION and struct.unpack("!H", self.after[:2])[0] == PEARP_MAGIC:
            self.extension = self.after[:PEARP_EXTENSION]

    def ports(self):
        """Return (range low, range high, target port, return port) of the extension."""
        return struct.unpack("!HHHH", self.extension[2:10])

    def describe(self):
        """One line in the style of tshark."""
        what = "request" if self.op == ARP_REQUEST else "reply" if self.op == ARP_REPLY else f"op {self.op}"
        text = (
            f"ARP {what} {socket.inet_ntoa(self.spa)} ({mac_text(self.sha)}) -> "
            f"{socket.inet_ntoa(self.tpa)} ({mac_text(self.tha)}), {len(self.frame)} bytes"
        )
        if self.extension:
            low, high, target, ret = self.ports()
            text += f" [PE-ARP range {low}-{high}, target port {target}, return port {ret}]"
        return text


def frames_from_pcaps(directory):
    """Return the distinct PE-ARP frames (ArpFrame) of every pcap file in a directory."""
    seen, frames = set(), []
    for path in sorted(glob.glob(os.path.join(directory, "*.pcap"))):
        for raw in read_pcap(path):
            if len(raw) < 14 + ARP_BODY or struct.unpack("!H", raw[12:14])[0] != ETH_P_ARP:
                continue
            arp = ArpFrame(raw)
            if arp.extension is None or raw in seen:
                continue
            seen.add(raw)
            frames.append(arp)
    return frames


def rewrite(arp, eth_dst, eth_src, sha, spa, tha, tpa):
    """Return the frame of ``arp`` with only its addresses replaced.

    Kept byte for byte: the ethertype, the first 8 bytes of the ARP body
    (hardware and protocol type, lengths, operation) and everything after
    the body (the PE-ARP extension and ns-3's padding to 60 bytes).  A CSMA
    pcap record of ns-3 ends with the 4-byte Ethernet FCS (zero, checksums
    off); it is dropped, as a NIC adds its own.
    ``tha`` None keeps the target MAC (all zeros in a request).
    """
    body = arp.body[:8] + sha + socket.inet_aton(spa) + (arp.tha if tha is None else tha) + socket.inet_aton(tpa)
    trailer = arp.after[:-4]
    return eth_dst + eth_src + struct.pack("!H", arp.ethertype) + body + trailer


class Namespaces:
    """Two network namespaces joined by a veth pair; removed by close()."""

    def __init__(self, suffix):
        self.a, self.b = f"pearp-compat-a-{suffix}", f"pearp-compat-b-{suffix}"
        self.dev_a, self.dev_b = "pearpc-a", "pearpc-b"
        self.created = []

    def create(self):
        """Create the namespaces and the veth pair; raise Skip where not allowed."""
        for name in (self.a, self.b):
            result = run(["ip", "netns", "add", name], check=False)
            if result.returncode != 0:
                raise Skip(f"cannot create network namespace {name}: {result.stderr.strip()}")
            self.created.append(name)
        # The veth pair is created directly inside the namespaces: it never
        # appears in the root namespace.
        run(["ip", "link", "add", self.dev_a, "netns", self.a, "type", "veth",
             "peer", "name", self.dev_b, "netns", self.b])
        for ns, dev in ((self.a, self.dev_a), (self.b, self.dev_b)):
            # No IPv6 on the link (no router or neighbour solicitations in the captures).
            run(["ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                 "net.ipv6.conf.default.disable_ipv6=1", f"net.ipv6.conf.{dev}.disable_ipv6=1"])
            run(["ip", "-n", ns, "link", "set", "lo", "up"])
        # Namespace a has no IPv4 address: its kernel sends no ARP of its own;
        # the script speaks for it through AF_PACKET.
        run(["ip", "-n", self.b, "addr", "add", f"{ADDR_B}/24", "dev", self.dev_b])
        for ns, dev in ((self.a, self.dev_a), (self.b, self.dev_b)):
            run(["ip", "-n", ns, "link", "set", dev, "up"])
        for ns in (self.a, self.b):
            routes = json.loads(run(["ip", "-n", ns, "-j", "route", "show", "table", "all"]).stdout)
            for route in routes:
                if route.get("dst") == "default":
                    raise CheckFailed(f"namespace {ns} has a default route: {route}")

    def mac(self, ns, dev):
        """Return the MAC address (bytes) of a device in a namespace."""
        link = json.loads(run(["ip", "-n", ns, "-j", "link", "show", "dev", dev]).stdout)[0]
        return mac_bytes(link["address"])

    def neigh(self, address):
        """Return namespace b's neighbour entries (ip -j neigh) for an address."""
        entries = json.loads(run(["ip", "-n", self.b, "-j", "neigh", "show", "dev", self.dev_b]).stdout or "[]")
        return [e for e in entries if e.get("dst") == address]

    def sysctl(self, ns, name):
        """Return a sysctl of a namespace as text."""
        return run(["ip", "netns", "exec", ns, "sysctl", "-n", name]).stdout.strip()

    def close(self):
        """Delete what was created (the veth pair goes with its namespaces)."""
        for name in reversed(self.created):
            run(["ip", "netns", "del", name], check=False)
        self.created = []


def packet_socket(ns, dev):
    """Return an AF_PACKET raw socket bound to a device of a namespace (all protocols)."""

    def make():
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.bind((dev, 0))
        return s

    return in_netns(ns, make)


def drain(sock):
    """Discard what a packet socket has queued."""
    sock.setblocking(False)
    try:
        while True:
            sock.recv(65536)
    except BlockingIOError:
        pass
    finally:
        sock.setblocking(True)


def receive(sock, match, timeout=2.0):
    """Return the first frame the socket receives for which match(frame) is true, or None."""
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        ready, _, _ = select.select([sock], [], [], left)
        if not ready:
            return None
        frame, address = sock.recvfrom(65536)
        if address[2] == socket.PACKET_OUTGOING:
            continue
        if match(frame):
            return frame


def is_arp(frame):
    """True for an Ethernet frame with the ARP ethertype."""
    return len(frame) >= 14 and struct.unpack("!H", frame[12:14])[0] == ETH_P_ARP


def expected_reply(sha, spa, tha, tpa):
    """The 28-byte ARP reply body, written by hand from RFC 826."""
    return (
        struct.pack("!H", 1)  # ar$hrd: Ethernet (1)
        + struct.pack("!H", 0x0800)  # ar$pro: IPv4
        + bytes([6, 4])  # ar$hln, ar$pln
        + struct.pack("!H", 2)  # ar$op: reply
        + sha
        + socket.inet_aton(spa)
        + tha
        + socket.inet_aton(tpa)
    )


def check_request(ns, frames, c, tx_a, rx_a, rx_b, mac_a, mac_b):
    """A PE-ARP request for b's address: b answers with a standard reply and learns a."""
    print("\n[1] PE-ARP request from the edge router, for the kernel's address")
    request = next((f for f in frames if f.op == ARP_REQUEST and f.eth_dst == BROADCAST), None)
    if not c.expect(request is not None, "the pcap holds a broadcast PE-ARP request"):
        return
    print(f"  pcap:     {request.describe()}")
    injected = rewrite(request, BROADCAST, mac_a, mac_a, ADDR_A, None, ADDR_B)
    sent = ArpFrame(injected)
    print(f"  injected: {sent.describe()}")
    c.expect(sent.body[:8] == request.body[:8], "injected ARP body bytes 0-7 (types, lengths, op) equal the pcap's")
    c.expect(sent.body[18:24] == request.body[18:24], "injected target MAC equals the pcap's (zeros)")
    c.expect(sent.extension == request.extension, "injected 10-byte PE-ARP extension equals the pcap's",
             f"{sent.extension!r} != {request.extension!r}")
    c.expect(sent.after == request.after[:-4] and len(injected) == len(request.frame) - 4,
             "injected bytes after the ARP body equal the pcap's (extension, padding; FCS dropped)")
    drain(rx_a)
    drain(rx_b)
    tx_a.send(injected)
    arrived = receive(rx_b, lambda f: is_arp(f) and f[6:12] == mac_a)
    c.expect(arrived == injected, "the frame reached namespace b byte for byte (trailer included)",
             f"{arrived!r}")
    reply = receive(rx_a, lambda f: is_arp(f) and f[6:12] == mac_b)
    if not c.expect(reply is not None, "the kernel answered the PE-ARP request"):
        return
    got = ArpFrame(reply)
    print(f"  kernel:   {got.describe()}")
    c.expect(reply[0:6] == mac_a and reply[6:12] == mac_b and reply[12:14] == b"\x08\x06",
             "reply Ethernet header: to a's MAC, from b's MAC, type 0x0806")
    want = expected_reply(mac_b, ADDR_B, mac_a, ADDR_A)
    c.expect(got.body == want, "reply ARP body equals the RFC 826 reply written by hand",
             f"{got.body.hex()} != {want.hex()}")
    c.expect(got.extension is None and not any(got.after),
             f"standard reply: nothing after the 28-byte body but zero padding ({len(reply)} bytes on the veth)",
             got.after.hex())
    print(f"  observed: the kernel's reply is {len(reply)} bytes on the veth "
          f"(veth does not pad; a physical NIC pads to 60 bytes + FCS)")
    entries = ns.neigh(ADDR_A)
    print(f"  ip -j neigh: {json.dumps(entries)}")
    c.expect(len(entries) == 1 and entries[0].get("lladdr") == mac_text(mac_a),
             f"the kernel learned the requester: {ADDR_A} lladdr {mac_text(mac_a)}")


def solicit(ns, address, rx_a, c, mac_b, port):
    """Make b's kernel resolve ``address`` (a UDP datagram to it); return the request it sent."""

    def make():
        return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    udp = in_netns(ns.b, make)
    try:
        udp.sendto(b"pe-arp compat", (address, port))
    finally:
        udp.close()
    request = receive(rx_a, lambda f: is_arp(f) and f[6:12] == mac_b and ArpFrame(f).op == ARP_REQUEST)
    if c.expect(request is not None, f"the kernel sent an ARP request for {address}"):
        got = ArpFrame(request)
        want = (struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac_b + socket.inet_aton(ADDR_B))
        c.expect(got.body[:18] == want and got.tpa == socket.inet_aton(address) and got.extension is None,
                 "it is a standard RFC 826 request (no extension)", got.body.hex())
    return request


def host_mac(pcap_mac):
    """The locally administered MAC standing for a simulated host's MAC (last byte kept)."""
    return bytes([0x02, 0x00, 0x00, 0x00, 0x00, pcap_mac[5]])


def check_replies(ns, frames, c, tx_a, rx_a, mac_a, mac_b):
    """PE-ARP replies: solicited, unsolicited, and two hosts sharing one address."""
    replies = [f for f in frames if f.op == ARP_REPLY]
    shared = {}
    for f in replies:
        shared.setdefault(f.spa, {}).setdefault(f.sha, f)
    spa, by_mac = max(shared.items(), key=lambda item: len(item[1]), default=(None, {}))
    hosts = list(by_mac.values())
    print("\n[2] PE-ARP reply of a host, to a request of the kernel")
    if not c.expect(len(hosts) >= 2, "the pcap holds PE-ARP replies of two hosts sharing one address",
                    f"{len(hosts)} found"):
        return
    first, second = hosts[0], hosts[1]
    for h in (first, second):
        print(f"  pcap:     {h.describe()}")

    def injected_reply(h):
        return rewrite(h, mac_b, host_mac(h.sha), host_mac(h.sha), ADDR_SHARED, mac_b, ADDR_B)

    locktime = int(ns.sysctl(ns.b, f"net.ipv4.neigh.{ns.dev_b}.locktime"))
    arp_accept = ns.sysctl(ns.b, f"net.ipv4.conf.{ns.dev_b}.arp_accept")
    print(f"  namespace b: arp_accept={arp_accept}, locktime={locktime} (1/100 s)")

    # An unsolicited PE-ARP reply (nobody asked): Linux creates no entry unless arp_accept.
    unsolicited = rewrite(first, mac_b, host_mac(first.sha), host_mac(first.sha), ADDR_UNSOLICITED, mac_b, ADDR_B)
    tx_a.send(unsolicited)
    time.sleep(0.2)
    entries = ns.neigh(ADDR_UNSOLICITED)
    print(f"  observed: unsolicited reply for {ADDR_UNSOLICITED}: ip -j neigh -> {json.dumps(entries)}")
    if arp_accept == "0":
        c.expect(entries == [], "with arp_accept=0 an unsolicited reply creates no entry (Linux, not RFC 826)")

    # A solicited one: the kernel asks, the PE-ARP host answers.
    drain(rx_a)
    if solicit(ns, ADDR_SHARED, rx_a, c, mac_b, first.ports()[0]) is None:
        return
    frame1 = injected_reply(first)
    sent = ArpFrame(frame1)
    print(f"  injected: {sent.describe()}")
    c.expect(sent.body[:8] == first.body[:8] and sent.extension == first.extension,
             "injected reply keeps the pcap's bytes 0-7 and its PE-ARP extension")
    tx_a.send(frame1)
    learned_at = time.monotonic()
    # The datagram the kernel held while resolving now leaves, to the MAC of the reply.
    data = receive(rx_a, lambda f: f[12:14] == b"\x08\x00" and f[6:12] == mac_b)
    c.expect(data is not None and data[0:6] == host_mac(first.sha),
             f"the held datagram went to the first host's MAC {mac_text(host_mac(first.sha))}",
             "" if data is None else mac_text(data[0:6]))
    entries = ns.neigh(ADDR_SHARED)
    print(f"  ip -j neigh: {json.dumps(entries)}")
    c.expect(len(entries) == 1 and entries[0].get("lladdr") == mac_text(host_mac(first.sha)),
             f"the kernel learned {ADDR_SHARED} lladdr {mac_text(host_mac(first.sha))} from the PE-ARP reply")

    print("\n[3] a second host's reply for the same (shared) address")
    frame2 = injected_reply(second)
    print(f"  injected: {ArpFrame(frame2).describe()}")
    tx_a.send(frame2)
    elapsed = time.monotonic() - learned_at
    time.sleep(0.1)
    entries = ns.neigh(ADDR_SHARED)
    print(f"  {elapsed:.3f} s after the first reply: ip -j neigh -> {json.dumps(entries)}")
    if elapsed < 0.5 * locktime / 100.0:
        c.expect(len(entries) == 1 and entries[0].get("lladdr") == mac_text(host_mac(first.sha)),
                 "within locktime the kernel keeps the first MAC (the second reply is ignored)")
    else:
        print("  (not checked: the second reply came too close to locktime on this loaded machine)")
    time.sleep(locktime / 100.0 + 0.3)
    tx_a.send(frame2)
    time.sleep(0.1)
    entries = ns.neigh(ADDR_SHARED)
    print(f"  after locktime: ip -j neigh -> {json.dumps(entries)}")
    c.expect(len(entries) == 1 and entries[0].get("lladdr") == mac_text(host_mac(second.sha)),
             "after locktime the last reply wins: one entry per address, second host's MAC")
    # Traffic for a port of the first host's range now goes to the second host.
    drain(rx_a)

    def make():
        return socket.socket(socket.AF_INET, socket.SOCK_DGRAM)

    udp = in_netns(ns.b, make)
    port = first.ports()[0]
    udp.sendto(b"for the first host", (ADDR_SHARED, port))
    udp.close()
    data = receive(rx_a, lambda f: f[12:14] == b"\x08\x00" and f[6:12] == mac_b)
    c.expect(data is not None and data[0:6] == host_mac(second.sha),
             f"a datagram to port {port} (first host's range) goes to the second host's MAC: "
             "a standard ARP cache cannot hold per-port entries")


def produce_pcaps(binary, directory):
    """Run the example with --pcap into directory; return its output."""
    result = run([binary, "--pcap", f"--outDir={directory}"], check=False, cwd=directory)
    if result.returncode != 0:
        raise RuntimeError(f"{binary} failed: {result.stderr}")
    return result.stdout


def main():
    """Parse arguments, run the checks, return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", help="pe-arp-router example (writes the pcap files)")
    parser.add_argument("--pcap-dir", help="use the pcap files already in this directory")
    args = parser.parse_args()

    print(f"kernel: {platform.system()} {platform.release()} ({platform.machine()})")
    if os.geteuid() != 0:
        print("SKIP: network namespaces need root")
        return SKIP
    if shutil.which("ip") is None:
        print("SKIP: no 'ip' command (iproute2)")
        return SKIP
    if not args.binary and not args.pcap_dir:
        parser.error("give --binary or --pcap-dir")

    with tempfile.TemporaryDirectory(prefix="pearp-compat-") as tmp:
        directory = args.pcap_dir or tmp
        if not args.pcap_dir:
            produce_pcaps(args.binary, directory)
        frames = frames_from_pcaps(directory)
        print(f"pcap: {len(frames)} distinct PE-ARP frames in {directory}")
        if not frames:
            print("FAIL: no PE-ARP frame in the pcap files")
            return 1

        ns = Namespaces(os.getpid())
        sockets = []
        c = Checker()
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        try:
            ns.create()
            print(f"namespaces {ns.a} ({ns.dev_a}, no IPv4 address) and {ns.b} ({ns.dev_b} {ADDR_B}/24), "
                  f"veth pair, {NET} only, no default route")
            mac_a, mac_b = ns.mac(ns.a, ns.dev_a), ns.mac(ns.b, ns.dev_b)
            print(f"addresses rewritten: edge router -> {ADDR_A} {mac_text(mac_a)} (veth of a), "
                  f"the kernel's host -> {ADDR_B} {mac_text(mac_b)} (veth of b), shared address -> "
                  f"{ADDR_SHARED}, host MACs 00:00:00:00:00:NN -> 02:00:00:00:00:NN")
            tx_a = packet_socket(ns.a, ns.dev_a)
            rx_a = packet_socket(ns.a, ns.dev_a)
            rx_b = packet_socket(ns.b, ns.dev_b)
            sockets = [tx_a, rx_a, rx_b]
            check_request(ns, frames, c, tx_a, rx_a, rx_b, mac_a, mac_b)
            check_replies(ns, frames, c, tx_a, rx_a, mac_a, mac_b)
        except Skip as why:
            print(f"SKIP: {why}")
            return SKIP
        except CheckFailed as why:
            print(f"FAIL: {why}")
            return 1
        finally:
            for s in sockets:
                s.close()
            ns.close()
            signal.signal(signal.SIGTERM, previous)
        left = [n for n in (ns.a, ns.b) if os.path.exists(f"/var/run/netns/{n}")]
        c.expect(not left, "every namespace created was removed", " ".join(left))
    print(f"\nkernel {platform.release()}: {c.passed} checks passed, {c.failed} failed")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
