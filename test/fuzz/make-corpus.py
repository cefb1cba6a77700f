#!/usr/bin/env python3
"""Write the seed corpus of the pe-arp fuzzers (test/fuzz/corpus/<fuzzer>/).

Every seed is written here byte by byte from the formats (RFC 826 and the
PE-ARP paper's Tables I-II, RFC 2131/7618, RFC 1035/2136/2782, RFC 8945 TSIG
signed with Python's hmac, the ethers text format, RFC 791/792/793/768, the ReSoA frames of pe-arp-resoa-*-header.h), not by the code under
test: valid messages make the fuzzers reach the deep branches quickly.
Run it again after changing it; the files are committed. Inputs the fuzzers
found (crash reproducers) are committed next to the seeds and are not
touched by this script.
"""

import hashlib
import hmac
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def ip(text):
    return bytes(int(x) for x in text.split("."))


def mac(text):
    return bytes(int(x, 16) for x in text.split(":"))


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


# --- PE-ARP (RFC 826 body + 10-byte extension) -----------------------------
def arp(op, smac, sip, tmac, tip):
    return struct.pack("!HHBBH", 1, 0x0800, 6, 4, op) + mac(smac) + ip(sip) + mac(tmac) + ip(tip)


def pe_ext(low, high, target, ret):
    return struct.pack("!HHHHH", 0xEAAB, low, high, target, ret)


def pe_arp_header():
    req = arp(1, "00:00:00:00:00:01", "198.108.63.1", "00:00:00:00:00:00", "198.108.63.2")
    rep = arp(2, "00:00:00:00:00:02", "198.108.63.2", "00:00:00:00:00:01", "198.108.63.1")
    return {
        "standard-request": req,
        "standard-reply": rep,
        "pe-request": req + pe_ext(0, 0, 2500, 0),
        "pe-reply": rep + pe_ext(2000, 2999, 2500, 0),
        "pe-reply-ethernet-padding": rep + pe_ext(1024, 65535, 80, 1024) + b"\0" * 8,
    }


# --- DHCP (RFC 2131) with RFC 7618 option 159 -------------------------------
def dhcp(op, xid, chaddr, yiaddr, options):
    fixed = struct.pack("!BBBBIHH", op, 1, 6, 0, xid, 0, 0x8000)
    fixed += ip("0.0.0.0") + ip(yiaddr) + ip("0.0.0.0") + ip("0.0.0.0")
    fixed += mac(chaddr) + b"\0" * 10 + b"\0" * 64 + b"\0" * 128
    body = fixed + struct.pack("!I", 0x63825363) + options + b"\xff"
    return body + b"\0" * max(0, 300 - len(body))


def opt(code, value):
    return bytes([code, len(value)]) + value


def dhcp_header():
    client = "00:00:00:00:00:0a"
    discover = dhcp(1, 0x1234, client, "0.0.0.0", opt(53, b"\x01"))
    offer = dhcp(2, 0x1234, client, "10.1.1.1",
                 opt(53, b"\x02") + opt(54, ip("10.1.1.254")) + opt(51, struct.pack("!I", 3600))
                 + opt(58, struct.pack("!I", 1800)) + opt(1, ip("255.255.255.0"))
                 + opt(3, ip("10.1.1.254"))
                 # offset 6, PSID length 4, PSID 5 left-aligned: 0101 0000 0000 0000
                 + opt(159, bytes([6, 4]) + struct.pack("!H", 5 << 12)))
    request = dhcp(1, 0x1234, client, "0.0.0.0",
                   opt(53, b"\x03") + opt(50, ip("10.1.1.1")) + opt(54, ip("10.1.1.254"))
                   + b"\0\0" + opt(12, b"host-a"))
    ack = dhcp(2, 0x1234, client, "10.1.1.1",
               opt(53, b"\x05") + opt(54, ip("10.1.1.254")) + opt(51, struct.pack("!I", 600))
               + opt(159, bytes([0, 16]) + struct.pack("!H", 0xBEEF)))
    return {"discover": discover, "offer-port-params": offer, "request": request,
            "ack-psid16": ack}


# --- DNS (RFC 1035, 2782 SRV, 2136 UPDATE) ----------------------------------
def name(text):
    out = b""
    for label in text.split("."):
        if label:
            out += bytes([len(label)]) + label.encode()
    return out + b"\0"


def dns_header(id_, flags, qd, an, ns, ar):
    return struct.pack("!HHHHHH", id_, flags, qd, an, ns, ar)


def rr(owner, type_, class_, ttl, rdata):
    return owner + struct.pack("!HHIH", type_, class_, ttl, len(rdata)) + rdata


def dns_message():
    q = name("_http._tcp.example.org") + struct.pack("!HH", 33, 1)
    query = dns_header(1, 0x0100, 1, 0, 0, 0) + q
    # Response, names compressed: 0xc00c points at the question's name (offset 12).
    qname_at = 12
    host_at = None
    answer = dns_header(1, 0x8400, 1, 2, 0, 1) + q
    srv1 = struct.pack("!HHH", 10, 60, 8080) + name("host1.example.org")
    host_at = len(answer) + 2 + 10 + 6  # where "host1..." starts in the message
    answer += rr(struct.pack("!H", 0xC000 | qname_at), 33, 1, 300, srv1)
    srv2 = struct.pack("!HHH", 10, 40, 8081) + b"\x05host2" + struct.pack("!H", 0xC000 | (host_at + 6))
    answer += rr(struct.pack("!H", 0xC000 | qname_at), 33, 1, 300, srv2)
    answer += rr(struct.pack("!H", 0xC000 | host_at), 1, 1, 300, ip("10.0.0.1"))
    a_query = dns_header(7, 0x0100, 1, 0, 0, 0) + name("host1.example.org") + struct.pack("!HH", 1, 1)
    nx = dns_header(7, 0x8403, 1, 0, 0, 0) + name("nope.example.org") + struct.pack("!HH", 1, 1)
    # UPDATE: zone example.org SOA; prerequisite "name in use" (ANY/ANY, no
    # rdata); delete an RRset (ANY, rdlength 0); add an SRV; delete one A (NONE).
    zone = name("example.org") + struct.pack("!HH", 6, 1)
    update = dns_header(9, 0x2800, 1, 1, 3, 0) + zone
    update += rr(name("host1.example.org"), 255, 255, 0, b"")
    update += rr(name("_http._tcp.example.org"), 33, 255, 0, b"")
    update += rr(name("_http._tcp.example.org"), 33, 1, 60,
                 struct.pack("!HHH", 0, 0, 8080) + name("host1.example.org"))
    update += rr(name("old.example.org"), 1, 254, 0, ip("10.0.0.9"))
    txt = dns_header(3, 0x8400, 0, 1, 0, 0) + rr(name("t.example.org"), 16, 1, 5, b"\x03abc")
    return {"query-srv": query, "response-srv-compressed": answer, "query-a": a_query,
            "nxdomain": nx, "update": update, "opaque-rdata": txt}


# --- TSIG (RFC 8945, HMAC-SHA256) ------------------------------------------
def canonical(text):
    return name(text.lower())


def tsig_rdata(time_signed, fudge, mac_, original_id, error=0, other=b""):
    return (canonical("hmac-sha256") + struct.pack("!HIH", time_signed >> 32, time_signed & 0xFFFFFFFF, fudge)
            + struct.pack("!H", len(mac_)) + mac_ + struct.pack("!HHH", original_id, error, len(other)) + other)


def tsig_sign(message, key_name, secret, time_signed, fudge=300):
    # RFC 8945 section 4.3.3: the message, then the TSIG variables (key name,
    # class ANY, TTL 0, algorithm, time, fudge, error, other length).
    variables = (canonical(key_name) + struct.pack("!HI", 255, 0) + canonical("hmac-sha256")
                 + struct.pack("!HIH", time_signed >> 32, time_signed & 0xFFFFFFFF, fudge)
                 + struct.pack("!HH", 0, 0))
    digest = hmac.new(secret, message + variables, hashlib.sha256).digest()
    original_id = struct.unpack("!H", message[:2])[0]
    arcount = struct.unpack("!H", message[10:12])[0] + 1
    signed = message[:10] + struct.pack("!H", arcount) + message[12:]
    return signed + rr(canonical(key_name), 250, 255, 0, tsig_rdata(time_signed, fudge, digest, original_id))


def dns_tsig():
    # The fuzzer's verifier holds "update.example.org" (32 bytes 0x5a) and
    # its clock reads 1700000000.
    zone = name("example.org") + struct.pack("!HH", 6, 1)
    update = dns_header(0x1234, 0x2800, 1, 0, 1, 0) + zone
    update += rr(name("host1.example.org"), 1, 1, 60, ip("192.0.2.1"))
    secret = b"\x5a" * 32
    good = tsig_sign(update, "update.example.org", secret, 1700000000 - 10)
    return {
        "unsigned-update": update,
        "signed-update": good,
        "signed-wrong-secret": tsig_sign(update, "update.example.org", b"\x00" * 32, 1700000000),
        "signed-unknown-key": tsig_sign(update, "nobody", secret, 1700000000),
        "signed-too-old": tsig_sign(update, "update.example.org", secret, 1700000000 - 301),
        "signed-truncated-mac": update[:10] + struct.pack("!H", 1) + update[12:]
        + rr(canonical("update.example.org"), 250, 255, 0, tsig_rdata(1700000000, 300, b"\1" * 16, 0x1234)),
    }


# --- static entries, /etc/ethers style ----------------------------------------
def ethers():
    return {
        "entries": (b"# PE-ARP static entries\n"
                    b"00:00:00:00:00:01 192.0.2.1\n"
                    b"0a:1B:2c:3D:4e:5F 192.0.2.2:1024-2047   # a host's range\n"
                    b"\n"
                    b"00:00:00:00:00:03\t192.0.2.2:2048-65535\r\n"),
        "bad-range": b"00:00:00:00:00:01 192.0.2.2:0-10\n",
        "bad-octet": b"00:00:00:00:00:01 192.0.2.256\n",
    }


# --- IPv4 datagrams (RFC 791, 792, 793, 768) ---------------------------------
def ipv4(proto, src, dst, payload, options=b"", frag=0):
    ihl = 5 + len(options) // 4
    h = struct.pack("!BBHHHBBH", 0x40 | ihl, 0, 4 * ihl + len(payload), 1, frag, 64, proto, 0)
    h += ip(src) + ip(dst) + options
    h = h[:10] + struct.pack("!H", checksum(h)) + h[12:]
    return h + payload


def icmp(type_, code, rest, data=b""):
    m = struct.pack("!BBH", type_, code, 0) + rest + data
    return m[:2] + struct.pack("!H", checksum(m)) + m[4:]


def udp(sport, dport, data):
    return struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data


def tcp(sport, dport, flags=0x02, options=b""):
    off = 5 + len(options) // 4
    return struct.pack("!HHIIBBHHH", sport, dport, 1, 0, off << 4, flags, 65535, 0, 0) + options


def ipv4_datagrams():
    echo = icmp(8, 0, struct.pack("!HH", 0x1234, 1), b"ping" * 4)
    reply = icmp(0, 0, struct.pack("!HH", 0x1234, 1), b"ping" * 4)
    quoted = ipv4(17, "10.0.0.1", "10.0.0.2", udp(49153, 53, b"q"))[:28]
    unreach = icmp(3, 3, b"\0\0\0\0", quoted)
    quoted_echo = ipv4(1, "10.0.0.1", "10.0.0.2", echo)[:28]
    exceeded = icmp(11, 0, b"\0\0\0\0", quoted_echo)
    return {
        "udp": ipv4(17, "10.0.0.1", "10.0.0.2", udp(49153, 9, b"hello")),
        "tcp-syn": ipv4(6, "10.0.0.1", "10.0.0.2", tcp(49153, 80)),
        "echo-request": ipv4(1, "10.0.0.1", "10.0.0.2", echo),
        "echo-reply": ipv4(1, "10.0.0.2", "10.0.0.1", reply),
        "echo-reply-ip-options": ipv4(1, "10.0.0.2", "10.0.0.1", reply, options=b"\x01\x01\x01\x00"),
        "dest-unreachable-udp": ipv4(1, "10.0.0.2", "10.0.0.1", unreach),
        "time-exceeded-echo": ipv4(1, "10.0.0.3", "10.0.0.1", exceeded),
        "fragment": ipv4(17, "10.0.0.1", "10.0.0.2", b"\0" * 16, frag=0x2001),
    }


# --- NAT rewriter: 16 control bytes, then the L4 bytes ----------------------
def nat(proto, flags, src, dst, new_address, new_port, l4):
    return bytes([proto, flags]) + ip(src) + ip(dst) + ip(new_address) + struct.pack("!H", new_port) + l4


def nat_rewriter():
    echo = icmp(8, 0, struct.pack("!HH", 0x1234, 1), b"ping")
    quoted_udp = ipv4(17, "203.0.113.1", "198.51.100.7", udp(40000, 53, b"q"))[:28]
    quoted_tcp = ipv4(6, "203.0.113.1", "198.51.100.7", tcp(40000, 80))[:28]
    quoted_echo = ipv4(1, "203.0.113.1", "198.51.100.7", echo)[:28]
    return {
        "udp-source": nat(17, 0x0C, "10.0.0.1", "198.51.100.7", "203.0.113.1", 40000,
                          udp(49153, 53, b"query")),
        "udp-no-checksum": nat(17, 0x06, "198.51.100.7", "203.0.113.1", "10.0.0.1", 49153,
                               udp(53, 40000, b"answer")),
        "tcp-syn-source": nat(6, 0x0C, "10.0.0.1", "198.51.100.7", "203.0.113.1", 40001,
                              tcp(49153, 80, options=b"\x02\x04\x05\xb4")),
        "tcp-ack-destination": nat(6, 0x0E, "198.51.100.7", "203.0.113.1", "10.0.0.1", 49153,
                                   tcp(80, 40001, flags=0x10) + b"data"),
        "echo-source": nat(1, 0x0C, "10.0.0.1", "198.51.100.7", "203.0.113.1", 7, echo),
        "unreach-udp-inbound": nat(1, 0x0C, "198.51.100.7", "203.0.113.1", "10.0.0.1", 49153,
                                   icmp(3, 3, b"\0\0\0\0", quoted_udp)),
        "unreach-tcp-inbound": nat(1, 0x04, "198.51.100.9", "203.0.113.1", "10.0.0.1", 49153,
                                   icmp(3, 1, b"\0\0\0\0", quoted_tcp)),
        "exceeded-echo-inbound": nat(1, 0x0C, "198.51.100.9", "203.0.113.1", "10.0.0.1", 7,
                                     icmp(11, 0, b"\0\0\0\0", quoted_echo)),
        "fragment": nat(17, 0x01, "10.0.0.1", "198.51.100.7", "203.0.113.1", 40000, b"\0" * 8),
    }


# --- ReSoA LHP (15 bytes) and EP (11 bytes + TLVs) ---------------------------
def lhp(type_, conn, seq, ack, window, payload=b""):
    return struct.pack("!BHIIHH", type_, conn, seq, ack, window, len(payload)) + payload


def resoa_lhp_header():
    return {"conn-req": lhp(1, 7, 0, 0, 16), "data": lhp(3, 7, 1, 0, 16, b"message"),
            "ack": lhp(4, 7, 0, 2, 16), "keepalive": lhp(5, 7, 0, 0, 16)}


def tlv(tag, value):
    return bytes([tag, len(value)]) + value


def ep(type_, flags, rsock, call, status, tlvs=b"", payload=b""):
    return struct.pack("!BBIHBH", type_, flags, rsock, call, status, len(tlvs)) + tlvs + payload


def resoa_ep_header():
    local = tlv(1, ip("10.0.0.1") + struct.pack("!H", 8080))
    peer = tlv(2, ip("198.51.100.7") + struct.pack("!H", 80))
    return {
        "register": ep(0x01, 0, 0, 1, 0),
        "bind-with-socket": ep(0x02, 1, 5, 2, 0, local + tlv(3, b"\x01")),
        "connect": ep(0x04, 0, 5, 3, 0, peer),
        "sendto": ep(0x06, 1, 6, 4, 0, peer + tlv(3, b"\x02"), b"datagram"),
        "credit": ep(0x07, 0, 5, 5, 0, tlv(4, struct.pack("!I", 4096))),
        "connected": ep(0x83, 0, 5, 3, 0, local + peer + tlv(4, struct.pack("!I", 65535))),
        "accept-ind": ep(0x84, 0, 0x80000001, 0, 0,
                         tlv(5, struct.pack("!I", 5)) + peer + local + tlv(4, struct.pack("!I", 1)) +
                         tlv(6, struct.pack("!I", 8192))),
        "data": ep(0x85, 0, 5, 0, 0, b"", b"stream bytes"),
        "result-unknown-tlv": ep(0x82, 0, 5, 2, 0, tlv(9, b"xyz")),
    }


CORPORA = {
    "fuzz-pe-arp-header": pe_arp_header,
    "fuzz-pe-arp-dhcp-header": dhcp_header,
    "fuzz-pe-arp-dns-message": dns_message,
    "fuzz-pe-arp-dns-tsig": dns_tsig,
    "fuzz-pe-arp-ethers": ethers,
    "fuzz-pe-arp-ipv4": ipv4_datagrams,
    "fuzz-pe-arp-nat-rewriter": nat_rewriter,
    "fuzz-pe-arp-resoa-lhp-header": resoa_lhp_header,
    "fuzz-pe-arp-resoa-ep-header": resoa_ep_header,
}


def main():
    for fuzzer, make in CORPORA.items():
        folder = os.path.join(HERE, "corpus", fuzzer)
        os.makedirs(folder, exist_ok=True)
        for seed, data in make().items():
            with open(os.path.join(folder, "seed-" + seed), "wb") as f:
                f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
