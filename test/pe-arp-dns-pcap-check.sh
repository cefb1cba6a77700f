#!/usr/bin/env bash
# Checks with tshark that the DNS messages pe-arp-dns-srv --pcap captures on
# the DNS server's link dissect as RFC 2136 UPDATEs and RFC 2782 SRV
# queries/responses. The expected lines are written by hand from the
# scenario: A, B, C register _web:2080 (A), _mail:3025 (B), _ssh:4022 and
# _web:4080 (C), each an UPDATE of zone example.com adding an SRV record and
# the host's A record 198.108.63.2, answered NOERROR; then the Internet client
# asks for the three SRV RRsets (_web has A's and C's records, with both
# targets' addresses in the additional section).
# Fields: QR|opcode|rcode|name (zone or question)|SRV ports|A addresses.
# Usage: pe-arp-dns-pcap-check.sh <pe-arp-dns-srv binary> <work dir>
set -euo pipefail
binary=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
"$binary" --pcap --outDir="$work" >/dev/null
# node 1 is the DNS server, device 1 its point-to-point link
pcap="$work/pe-arp-dns-srv-1-1.pcap"
[ -f "$pcap" ] || { echo "no pcap $pcap"; exit 1; }
actual=$(tshark -r "$pcap" -Y dns -T fields -E separator='|' \
    -e dns.flags.response -e dns.flags.opcode -e dns.flags.rcode -e dns.qry.name \
    -e dns.srv.port -e dns.a 2>/dev/null)
expected="0|5||example.com|2080|198.108.63.2
1|5|0|example.com||
0|5||example.com|3025|198.108.63.2
1|5|0|example.com||
0|5||example.com|4022|198.108.63.2
1|5|0|example.com||
0|5||example.com|4080|198.108.63.2
1|5|0|example.com||
0|0||_web._tcp.example.com||
1|0|0|_web._tcp.example.com|2080,4080|198.108.63.2,198.108.63.2
0|0||_mail._tcp.example.com||
0|0||_ssh._tcp.example.com||
1|0|0|_mail._tcp.example.com|3025|198.108.63.2
1|0|0|_ssh._tcp.example.com|4022|198.108.63.2"
if [ "$actual" != "$expected" ]; then
    echo "tshark dissection differs from the expected DNS exchange"
    diff <(echo "$expected") <(echo "$actual") || true
    echo "0 passed, 1 failed"
    exit 1
fi
malformed=$(tshark -r "$pcap" -Y '_ws.malformed || _ws.expert.severity >= 0x00600000' 2>/dev/null | wc -l)
if [ "$malformed" != 0 ]; then
    echo "tshark reports $malformed malformed or erroneous DNS frames"
    echo "0 passed, 1 failed"
    exit 1
fi
echo "pcap $pcap: 14 DNS messages (4 UPDATEs, 3 SRV queries, 7 responses) dissected as expected"
echo "1 passed, 0 failed"
