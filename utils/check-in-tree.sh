#!/usr/bin/env bash
# Build pe-arp inside an ns-3 3.37 source tree, as contrib/pe-arp, and run its
# test suites and examples with ns-3's own test.py.
#
# The ns-3 source comes from Debian's source package (apt-get source ns3):
# nothing of ns-3 is patched or copied into this repository. The tree is kept
# in $PEARP_NS3_SRC (default build-intree/ beside the repository's build/).
# One job by default (PEARP_JOBS to change): the first build takes ~15 min.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${PEARP_NS3_SRC:-$ROOT/build-intree}"
JOBS="${PEARP_JOBS:-1}"
say() { printf '[intree] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# shellcheck source=utils/ns3-source.sh
. "$ROOT/utils/ns3-source.sh"
pearp_ns3_source "$WORK"
NS3="$WORK/ns3-3.37/ns-3.37"
pearp_copy_module "$ROOT" "$NS3"
cd "$NS3"
# Configure every time (cheap once configured), so that an older
# configuration cannot linger. netanim is left out (it pulls in wifi, lte and
# more): the scenario examples are built without --animate.
./ns3 configure -d release --enable-tests --enable-examples --enable-modules=pe-arp \
    --disable-python-bindings >/dev/null
say "building (jobs: $JOBS)"
./ns3 build -j "$JOBS" 2>&1 | tail -n 5
say "test.py: pe-arp suites and examples"
suites=$(sed -n 's/.*TestSuite("\([a-z0-9-]*\)".*/\1/p' "$NS3"/contrib/pe-arp/test/*.cc | sort -u)
for s in $suites; do
    ./test.py --no-build -s "$s"
done
./test.py --no-build --example=pe-arp-router | tee "$WORK/example.log"
if grep -q "No example matching" "$WORK/example.log"; then
    say "test.py did not find pe-arp-router: the examples were not built"
    exit 1
fi
# The examples' own checks, as the standalone CTest runs them.
for example in "pe-arp-router --check" "pe-arp-bridge --check" "pe-arp-compare --check --hosts=2" \
    "pe-arp-scale --check --study=sharing --hosts=64 --hostsPerSite=32 --ratios=1,32 --csv=$WORK/scale.csv"; do
    say "./ns3 run $example"
    ./ns3 run --no-build "$example" >"$WORK/run.log" 2>&1 || {
        tail -n 20 "$WORK/run.log"
        say "FAILED: $example"
        exit 1
    }
done
# The Python bindings, built by ns-3's tree into build/pe-arp-python.
PYDIR="$NS3/build/pe-arp-python"
if [ -f "$PYDIR/pearp/__init__.py" ]; then
    say "Python bindings (in-tree): examples/python/figure4.py, static and DHCP"
    for provisioning in static dhcp; do
        PYTHONPATH="$PYDIR" LD_LIBRARY_PATH="$NS3/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
            /usr/bin/python3 "$NS3/contrib/pe-arp/examples/python/figure4.py" \
            --provisioning "$provisioning" --csv "$WORK/figure4-py.csv" >"$WORK/py.log" 2>&1 || {
            tail -n 20 "$WORK/py.log"
            say "FAILED: in-tree Python bindings"
            exit 1
        }
        grep -q "all delivered: True" "$WORK/py.log" || {
            cat "$WORK/py.log"
            say "FAILED: in-tree Python figure4 did not deliver everything"
            exit 1
        }
    done
else
    say "FAILED: the in-tree build made no Python bindings (pybind11-dev, python3-dev?)"
    exit 1
fi
say "in-tree check passed"
