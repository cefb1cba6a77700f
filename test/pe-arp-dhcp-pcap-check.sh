#!/usr/bin/env bash
# Checks with tshark that the DHCP exchanges written by pe-arp-dhcp --pcap
# dissect as DHCP with option 159 (RFC 7618 port parameters). Expected lines
# written by hand for --hosts=5 --psidLength=2 (one shared address, 4 port
# sets of 16384 ports, a = 0, PSID 0 without the well-known ports): hosts 1-4 get PSIDs 0-3 (left-aligned in 16
# bits: 0000, 4000, 8000, c000), host 5 is refused with a NAK.
# Usage: pe-arp-dhcp-pcap-check.sh <pe-arp-dhcp binary> <work dir>
set -euo pipefail
binary=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
"$binary" --hosts=5 --psidLength=2 --pcap --outDir="$work" >/dev/null
pcap="$work/pe-arp-dhcp-0-1.pcap"
actual=$(tshark -r "$pcap" -Y "dhcp.option.dhcp == 5" -T fields -E separator=' ' \
    -e dhcp.ip.your -e dhcp.option.portparams.offset -e dhcp.option.portparams.psid_length \
    -e dhcp.option.portparams.psid 2>/dev/null)
expected="198.108.63.2 0 2 0000
198.108.63.2 0 2 4000
198.108.63.2 0 2 8000
198.108.63.2 0 2 c000"
naks=$(tshark -r "$pcap" -Y "dhcp.option.dhcp == 6" 2>/dev/null | wc -l)
if [ "$actual" != "$expected" ] || [ "$naks" -lt 1 ]; then
    echo "tshark dissection differs from the expected DHCP exchange (NAKs: $naks)"
    diff <(echo "$expected") <(echo "$actual") || true
    exit 1
fi
echo "pcap $pcap: 4 ACKs with option 159 and $naks NAK(s) dissected as expected by tshark"
echo "1 passed, 0 failed"
