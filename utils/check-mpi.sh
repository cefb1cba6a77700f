#!/usr/bin/env bash
# Build pe-arp as contrib/pe-arp in an ns-3 3.37 source tree configured with
# --enable-mpi (ns-3's distributed engine), and run pe-arp-distributed under
# mpirun (issue 12).
#
#   utils/check-mpi.sh [--ranks N] [--check] [pe-arp-distributed options]
#
# The tree is a second one, $PEARP_NS3_MPI_SRC (default build-intree-mpi/
# beside build/), unpacked from the source package that utils/check-in-tree.sh
# already downloaded into $PEARP_NS3_SRC (default build-intree/), so that the
# in-tree check's own build (configured without MPI) is left untouched. Only the
# targets needed are built (the module, ns-3's mpi and what they link, and the
# example), with one job by default (PEARP_JOBS to change).
#
# --check runs the example sequentially (ns-3's default simulator, no mpirun)
# and on --ranks ranks (default 2), and compares the per-host and per-flow
# results after sorting.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${PEARP_NS3_MPI_SRC:-$ROOT/build-intree-mpi}"
SEQ_WORK="${PEARP_NS3_SRC:-$ROOT/build-intree}"
JOBS="${PEARP_JOBS:-1}"
say() { printf '[mpi] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

RANKS=2
CHECK=0
ARGS=()
while [ $# -gt 0 ]; do
    case "$1" in
    --ranks) RANKS="$2"; shift 2 ;;
    --ranks=*) RANKS="${1#--ranks=}"; shift ;;
    --check) CHECK=1; shift ;;
    *) ARGS+=("$1"); shift ;;
    esac
done
case "$RANKS" in
'' | *[!0-9]* | 0) say "--ranks needs a positive number, not '$RANKS'"; exit 2 ;;
esac

# shellcheck source=utils/ns3-source.sh
. "$ROOT/utils/ns3-source.sh"
pearp_ns3_source "$WORK" "$SEQ_WORK"
NS3="$WORK/ns3-3.37/ns-3.37"
pearp_copy_module "$ROOT" "$NS3"
cd "$NS3"
# Configured every time (cheap once configured). Tests are off (the in-tree
# check runs them); examples are on, but only ours is built.
./ns3 configure -d release --enable-mpi --enable-examples --disable-tests \
    --enable-modules="pe-arp;mpi" --disable-python-bindings >"$WORK/configure.log" 2>&1 || {
    tail -n 30 "$WORK/configure.log"
    say "configure failed (full log: $WORK/configure.log)"
    exit 1
}
grep -q "MPI Support .*ON" "$WORK/configure.log" || {
    grep -i "mpi" "$WORK/configure.log" || true
    say "ns-3 was configured without MPI (libopenmpi-dev installed?)"
    exit 1
}
say "building pe-arp-distributed (jobs: $JOBS)"
start=$(date +%s)
./ns3 build -j "$JOBS" pe-arp-distributed >"$WORK/build.log" 2>&1 || {
    tail -n 40 "$WORK/build.log"
    say "build failed (full log: $WORK/build.log)"
    exit 1
}
grep -E 'warning:' "$WORK/build.log" >&2 || true
say "built in $(($(date +%s) - start)) s"
BIN="$(ls "$NS3"/build/contrib/pe-arp/examples/ns3.37-pe-arp-distributed* | head -n 1)"
export LD_LIBRARY_PATH="$NS3/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
MPIRUN=(mpirun -np "$RANKS" --oversubscribe)
MPIRUN2=(mpirun -np 2 --oversubscribe)
if [ "$(id -u)" -eq 0 ]; then
    MPIRUN+=(--allow-run-as-root)
    MPIRUN2+=(--allow-run-as-root)
fi

if [ $CHECK -eq 0 ]; then
    say "${MPIRUN[*]} pe-arp-distributed ${ARGS[*]:-}"
    exec "${MPIRUN[@]}" "$BIN" "${ARGS[@]}"
fi

OUT="$WORK/check"
mkdir -p "$OUT"
rm -f "$OUT"/*.txt "$OUT"/*.txt.rank*
say "sequential run"
"$BIN" --results="$OUT/sequential.txt" "${ARGS[@]}" >"$OUT/sequential.log" 2>&1 || {
    tail -n 20 "$OUT/sequential.log"
    say "FAILED: the sequential run"
    exit 1
}
say "run on $RANKS ranks"
"${MPIRUN[@]}" "$BIN" --results="$OUT/distributed.txt" "${ARGS[@]}" >"$OUT/distributed.log" 2>&1 || {
    tail -n 20 "$OUT/distributed.log"
    say "FAILED: the run on $RANKS ranks"
    exit 1
}
# "sum KEY N" lines add over the ranks; every other line is one host's or
# one flow's, written by exactly one rank. Counts must be identical; "time"
# lines (reception times) are compared and reported apart (see below).
normalise() {
    awk '$1 == "sum" { s[$2] += $3; next } { print } END { for (k in s) print "sum", k, s[k] }' "$@" |
        LC_ALL=C sort
}
ranks_written=$(ls "$OUT"/distributed.txt.rank* 2>/dev/null | wc -l)
if [ "$ranks_written" -ne "$RANKS" ]; then
    say "FAILED: $ranks_written of $RANKS ranks wrote results"
    exit 1
fi
normalise "$OUT/sequential.txt" >"$OUT/sequential.sorted"
normalise "$OUT"/distributed.txt.rank* >"$OUT/distributed.sorted"
lines=$(grep -c '^host ' "$OUT/sequential.sorted" || true)
if [ "$lines" -eq 0 ]; then
    say "FAILED: the sequential run wrote no host results"
    exit 1
fi
if ! diff -u <(grep -v '^time ' "$OUT/sequential.sorted") <(grep -v '^time ' "$OUT/distributed.sorted") \
    >"$OUT/diff.txt"; then
    head -n 40 "$OUT/diff.txt"
    say "FAILED: $RANKS ranks differ from the sequential run (full diff: $OUT/diff.txt)"
    exit 1
fi
counted=$(grep -vc '^time ' "$OUT/sequential.sorted")
# Reception times: identical unless two events at one node had the same
# timestamp and one came over a cut link; ns-3 orders such ties by insertion,
# which differs between the engines, and a packet then waits one
# transmission time more or less. Counted and shown, not failed.
moved=$(diff <(grep '^time ' "$OUT/sequential.sorted") <(grep '^time ' "$OUT/distributed.sorted") |
    grep -c '^<' || true)
if [ "$moved" -gt 0 ]; then
    largest=$(paste -d' ' <(grep '^time ' "$OUT/sequential.sorted") <(grep '^time ' "$OUT/distributed.sorted") |
        awk '{ d = $5 - $12; if (d < 0) d = -d; e = $7 - $14; if (e < 0) e = -e;
               if (d > m) m = d; if (e > m) m = e } END { printf "%.0f", m * 1e9 }')
    say "reception times of $moved of $lines hosts moved (at most $largest ns): simultaneous events across a cut, ordered otherwise than in the sequential run"
fi

# Bad input, on 2 ranks: every rank stops before anything is built, with one
# message.
expect_refused() {
    local what="$1" message="$2"
    shift 2
    if "${MPIRUN2[@]}" "$BIN" "$@" >"$OUT/refused.log" 2>&1; then
        say "FAILED: $what was not refused"
        exit 1
    fi
    grep -q "$message" "$OUT/refused.log" || {
        cat "$OUT/refused.log"
        say "FAILED: $what: no message '$message'"
        exit 1
    }
    say "refused as it should be: $(grep -m1 "$message" "$OUT/refused.log")"
}
expect_refused "more ranks than sites" "ranks but only 1 site(s)" --hosts=8 --hostsPerSite=8
# Two sites and the internet on links without delay: one group, no cut.
cat >"$OUT/uncuttable.dot" <<'DOT'
graph uncuttable {
  core [kind=router];
  a [kind=site hosts=4];
  b [kind=site hosts=4];
  net [kind=internet hosts=1];
  core -- a [delay="0ms"];
  core -- b [delay="0ms"];
  core -- net [delay="0ms"];
}
DOT
expect_refused "a topology without point-to-point cuts" "cannot be cut into" --topology="$OUT/uncuttable.dot"
cat "$OUT/sequential.log" "$OUT/distributed.log" >&2
say "check passed: $counted lines of counts ($lines hosts, their flows, totals) identical sequentially and on $RANKS ranks"
say "(events per rank differ by design: a rank executes only its own nodes' events)"
