# Copyright (c) 2026 pe-arp authors
# SPDX-License-Identifier: GPL-2.0-only
"""What the emulation scripts share (pe-arp-kernel-compat.py, pe-arp-emu.py,
pe-arp-agent-test.py): running commands, entering a network namespace from
Python, the skip exception (exit 77) and a check counter. Standard library
only; Debian's /usr/bin/python3 or any Python 3."""
import ctypes
import subprocess

CLONE_NEWNET = 0x40000000


class Skip(Exception):
    """The environment does not allow the test (exit 77)."""


def run(command, check=True, **kwargs):
    """Run a command; return its CompletedProcess (output as text)."""
    return subprocess.run(command, check=check, capture_output=True, text=True, **kwargs)


def in_netns(name, factory):
    """Call factory() inside network namespace ``name`` and return its result.

    Sockets keep the namespace they were created in, so a socket made here
    sends and receives in that namespace after the process returns to its own.
    """
    libc = ctypes.CDLL(None, use_errno=True)
    with open("/proc/self/ns/net") as own, open(f"/var/run/netns/{name}") as target:
        if libc.setns(target.fileno(), CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), f"setns {name}")
        try:
            return factory()
        finally:
            if libc.setns(own.fileno(), CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns back")


class Checker:
    """Counts and prints checks; a failed check is remembered, not raised."""

    def __init__(self):
        self.passed, self.failed = 0, 0

    def expect(self, condition, what, detail=""):
        """Record one check."""
        if condition:
            self.passed += 1
            print(f"  ok    {what}")
        else:
            self.failed += 1
            print(f"  FAIL  {what}" + (f": {detail}" if detail else ""))
        return condition
