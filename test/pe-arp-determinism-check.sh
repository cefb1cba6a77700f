#!/usr/bin/env bash
# The same seed and run number give byte-identical CSV and pcap files; a
# different run number changes them (the request jitter and the hosts'
# start times are drawn from ns-3's streams).
# Usage: pe-arp-determinism-check.sh <pe-arp-router binary> <work dir>
set -euo pipefail
binary=$1 work=$2
rm -rf "$work" && mkdir -p "$work"
args=(--sites=2 --hosts=6 --sharedIps=2 --portsPerHost=500 --lan=switched --pcap --perFlow
      --seed=3 --progress=false)
"$binary" "${args[@]}" --run=1 --outDir="$work/a" >"$work/a.txt"
"$binary" "${args[@]}" --run=1 --outDir="$work/b" >"$work/b.txt"
"$binary" "${args[@]}" --run=2 --outDir="$work/c" >"$work/c.txt"
files=$(cd "$work/a" && ls)
count=$(echo "$files" | grep -c -E '\.(csv|pcap)$' || true)
if [ "$count" -lt 3 ]; then
    echo "expected CSV and pcap files in $work/a, found: $files"
    exit 1
fi
for f in $files; do
    if ! cmp -s "$work/a/$f" "$work/b/$f"; then
        echo "FAILED: $f differs between two runs with the same seed and run number"
        exit 1
    fi
done
# (The printed output names the output directory; compare it without.)
if ! cmp -s <(sed "s|$work/a|DIR|" "$work/a.txt") <(sed "s|$work/b|DIR|" "$work/b.txt"); then
    echo "FAILED: the printed output differs between two identical runs"
    diff "$work/a.txt" "$work/b.txt" | head
    exit 1
fi
changed=0
for f in $files; do
    case "$f" in *.pcap | *hosts.csv | *flows.csv)
        if ! cmp -s "$work/a/$f" "$work/c/$f"; then changed=$((changed + 1)); fi ;;
    esac
done
pcaps=$(echo "$files" | grep -c '\.pcap$' || true)
if [ "$changed" -lt "$pcaps" ]; then
    echo "FAILED: run number 2 changed only $changed of the pcap and CSV files"
    exit 1
fi
echo "$count CSV and pcap files byte-identical with the same seed; $changed changed with --run=2"
echo "1 passed, 0 failed"
