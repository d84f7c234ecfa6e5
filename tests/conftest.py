"""Shared test set-up: headless Qt by default, single-threaded BLAS."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Small matrices gain nothing from BLAS threads and contend on shared machines.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
