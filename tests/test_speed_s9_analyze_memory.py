"""kit.analyze_memory: the allocator keeps the memory a batch frees (issue 20, ninth pass).

Not a timing test: page faults are counted, which do not depend on the machine's load."""
from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

import pytest

from kit.analyze_memory import keep_freed_memory

REPO = Path(__file__).resolve().parents[1]

# Blocks of growing size (1 to 12 MiB), each written and freed: by default each is a fresh
# mmap given back when freed, so every one is faulted in again page by page.
SCRIPT = """
import resource, sys
sys.path.insert(0, sys.argv[2])
if sys.argv[1] == "kept":
    from kit.analyze_memory import keep_freed_memory
    assert keep_freed_memory()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for mib in range(1, 13):
    block = bytearray(mib << 20)
    del block
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""

glibc = pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                           reason="mallopt is glibc's")


def _faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode, str(REPO)], capture_output=True, text=True,
                         check=True)
    return int(out.stdout)


@glibc
def test_freed_memory_is_reused_not_faulted_in_again():
    default, kept = _faults("default"), _faults("kept")
    pages = sum(range(1, 13)) * 256  # the 4 KiB pages of every block
    assert default > pages // 2  # each block faulted in anew
    assert kept < default // 4  # the heap grows once and its pages are reused


@glibc
def test_keep_freed_memory_says_it_set_the_thresholds():
    assert keep_freed_memory() is True
