# Sourced by utils/check-in-tree.sh and utils/check-mpi.sh: Debian's ns-3 3.37
# source package, unpacked into a directory of its own, and the module copied
# into its contrib/pe-arp.
#
# pearp_ns3_source DIR [REUSE]: make DIR/ns3-3.37/ns-3.37 an ns-3 3.37 source
# tree. If REUSE (another such directory) already holds the downloaded source
# package (ns3_3.37-*.dsc), it is unpacked from there with dpkg-source, so a
# second tree (the MPI one) needs no second download; otherwise apt-get source
# fetches it (a deb-src entry is added if there is none).
pearp_ns3_source() {
    local dir="$1" reuse="${2:-}"
    if ls "$dir"/ns3-3.37/ns-3.37/ns3 >/dev/null 2>&1; then
        return 0
    fi
    local dsc=""
    if [ -n "$reuse" ]; then
        dsc="$(ls "$reuse"/ns3_3.37-*.dsc 2>/dev/null | head -n 1 || true)"
    fi
    dpkg-query -W -f='${Status}' dpkg-dev 2>/dev/null | grep -q "ok installed" ||
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev >/dev/null
    mkdir -p "$dir"
    if [ -n "$dsc" ]; then
        say "unpacking $(basename "$dsc") from $reuse"
        # (gpgv cannot check the signature without Debian's keyring: harmless)
        (cd "$dir" && dpkg-source -q -x "$dsc" ns3-3.37 >"$dir/unpack.log" 2>&1) || {
            cat "$dir/unpack.log" >&2
            say "dpkg-source could not unpack $dsc"
            exit 1
        }
        return 0
    fi
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
        say "adding a deb-src entry for Debian's ns3 source package"
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
            as_root tee /etc/apt/sources.list.d/pe-arp-debsrc.sources >/dev/null
    fi
    as_root apt-get update -qq
    (cd "$dir" && apt-get source -qq ns3)
}

# pearp_copy_module ROOT NS3: the module's tracked and untracked (not ignored)
# files into NS3/contrib/pe-arp. A file whose content changed is written anew
# (so it is newer than any object built from an older copy); an unchanged file
# keeps its time (and is not rebuilt); a file no longer in the module goes.
pearp_copy_module() {
    local root="$1" ns3="$2"
    local dest="$ns3/contrib/pe-arp" stage
    say "copying the module to $dest"
    stage="$(mktemp -d)"
    (cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) |
        (cd "$stage" && tar xf -)
    mkdir -p "$dest"
    (cd "$stage" && find . -type f -print0) | while IFS= read -r -d '' f; do
        if ! cmp -s "$stage/$f" "$dest/$f"; then
            mkdir -p "$(dirname "$dest/$f")"
            rm -f "$dest/$f"
            cp "$stage/$f" "$dest/$f" # a new time: newer than stale objects
            chmod --reference="$stage/$f" "$dest/$f"
        fi
    done
    (cd "$dest" && find . -type f -print0) | while IFS= read -r -d '' f; do
        [ -e "$stage/$f" ] || rm -f "$dest/$f"
    done
    rm -rf "$stage"
}
