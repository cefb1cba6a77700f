#!/usr/bin/env bash
# Checks with tshark (and utils/pe-arp.lua) that the pcap written by
# pe-arp-router --pcap dissects as ARP and carries the PE-ARP extension of
# Table II. The expected lines are written by hand from the Figure 4
# scenario: the router (198.108.63.1, all ports) asks for the first port of
# each host's range, each host answers with its full range.
# Usage: pe-arp-pcap-check.sh <pe-arp-router binary> <pe-arp.lua> <work dir>
set -euo pipefail
binary=$1 lua=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
"$binary" --pcap --outDir="$work" >/dev/null
pcap=$(ls "$work"/pe-arp-router-2-*.pcap)
actual=$(tshark -X lua_script:"$lua" -r "$pcap" -Y arp -T fields -E separator=' ' \
    -e arp.opcode -e arp.src.proto_ipv4 -e arp.dst.proto_ipv4 \
    -e pearp.magic -e pearp.range_low -e pearp.range_high -e pearp.target_port \
    -e pearp.return_port 2>/dev/null)
expected="1 198.108.63.1 198.108.63.2 0xeaab 0 0 2000 0
2 198.108.63.2 198.108.63.1 0xeaab 2000 2999 0 2000
1 198.108.63.1 198.108.63.2 0xeaab 0 0 3000 0
2 198.108.63.2 198.108.63.1 0xeaab 3000 3999 0 3000
1 198.108.63.1 198.108.63.2 0xeaab 0 0 4000 0
2 198.108.63.2 198.108.63.1 0xeaab 4000 4999 0 4000"
if [ "$actual" != "$expected" ]; then
    echo "tshark dissection differs from the expected PE-ARP exchange"
    diff <(echo "$expected") <(echo "$actual") || true
    exit 1
fi
echo "pcap $pcap: 6 PE-ARP frames dissected as expected by tshark"
echo "1 passed, 0 failed"
