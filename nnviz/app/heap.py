"""Keep freed memory in the process's heap, so numpy temporaries of a few hundred KB cost no page faults.

glibc's malloc hands blocks above a threshold (128 KB at start) to ``mmap``
and gives the top of the heap back to the system when more than 128 KB of
it is free.  Its dynamic adjustment then settles somewhere that depends on
the order of allocations.  nnviz's evaluation passes make and free a few
megabytes of such arrays per step (8 layers of 64 over 500 points are
256 KB each), and every new block is then fresh pages to fault in and zero:
a whole-set forward of the 8×64 spiral net measured 12 ms that way against
1.5 ms with the thresholds fixed at 4 MB (mmap) and 64 MB (trim), each of
its products and tanh taking under 0.1 ms alone.  With both fixed, freed
arrays are reused from the heap; at most 64 MB of free heap stays with the
process.

Only glibc has ``mallopt``; elsewhere this does nothing.  A user who sets
``MALLOC_MMAP_THRESHOLD_`` or ``MALLOC_TRIM_THRESHOLD_`` keeps their values.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_TRIM_THRESHOLD = -1           # glibc's mallopt parameter numbers (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD_BYTES = 4 * 2**20
TRIM_THRESHOLD_BYTES = 64 * 2**20


def keep_freed_memory() -> bool:
    """Fix glibc's mmap and trim thresholds (see the module); True when they were set."""
    if not sys.platform.startswith("linux"):
        return False
    if "MALLOC_MMAP_THRESHOLD_" in os.environ or "MALLOC_TRIM_THRESHOLD_" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):       # not glibc
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)) and bool(
        mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES))
