"""Long histories shortened to the pixels they cover, keeping every spike, at a cost that does not grow.

A loss or gradient-norm curve of 50 000 steps has far more points than a
plot has pixels. Rows are grouped into buckets of equal size; each bucket
becomes two rows at its first x, its minimum and its maximum (per column, NaN
ignored unless the whole bucket is NaN), so a min-to-max vertical stroke
stands for the bucket as pyqtgraph's "peak" mode draws it. The newest rows
are kept as they are.

Why not only pyqtgraph's own downsampling: that runs after ``setData`` has
copied, finite-checked and (on a log axis) ``log10``-mapped the full arrays.
And why :class:`PeakHistory`: a view redrawn every frame would otherwise
reduce the whole history every frame, a cost that grows with the run.
Buckets hold a power of two of rows, so when the history outgrows them,
neighbours merge into buckets twice as large; reduced buckets are kept and
each frame reduces only the rows that arrived since.
"""

from __future__ import annotations

import numpy as np

MAX_POINTS = 2000       # a history longer than this is shortened to about this many rows


class PeakHistory:
    """Bucket minima and maxima of a growing history, reduced once and kept.

    :meth:`decimate` takes the whole history each time and a ``key`` that
    changes whenever rows already seen may have changed (a rewind, a file
    opened): then, or when the history got shorter, everything is reduced
    afresh. ``folded`` counts the rows reduced by the last call.
    """

    def __init__(self, max_points: int = MAX_POINTS) -> None:
        self.max_points = int(max_points)
        self.folded = 0
        self._forget()

    def _forget(self) -> None:
        self._key = None
        self._size = 0                  # rows per bucket, a power of two; 0: nothing kept
        self._count = 0                 # buckets kept, in the first rows of _x, _lo and _hi
        self._x = self._lo = self._hi = None

    def decimate(self, x: np.ndarray, Y: np.ndarray, key=None) -> tuple[np.ndarray, np.ndarray]:
        """(x, Y) shortened to about ``max_points`` rows; ``x``: (n,), ``Y``: (n,) or (n, m).

        Returned as they are when short enough. ``key=None`` keeps nothing for the next call.
        """
        self.folded = 0
        n = len(x)
        if n <= self.max_points:
            return x, Y
        half = self.max_points // 2
        size = 1 << int(np.ceil(np.log2(-(-(n - 1) // half))))     # (n - 1) / size <= half
        if (key is None or key != self._key or self._size == 0 or self._size > size
                or n - 1 < self._count * self._size or Y.shape[1:] != self._lo.shape[1:]):
            self._forget()
            self._key, self._size = key, size
            # Buckets live in arrays made once: (n - 1) // size <= half of them, however long the run.
            self._x = np.empty(half + 1, x.dtype)
            self._lo, self._hi = np.empty((half + 1,) + Y.shape[1:]), np.empty((half + 1,) + Y.shape[1:])
        while self._size < size:                           # the history outgrew the buckets: merge pairs
            k = self._count // 2
            for kept, merge in ((self._lo, np.fmin), (self._hi, np.fmax)):
                kept[:k] = merge(kept[0:2 * k:2], kept[1:2 * k:2])
            self._x[:k] = self._x[0:2 * k:2]
            self._size *= 2
            self._count = k
        done, size = self._count * self._size, self._size
        full = (n - 1) // size * size                      # the newest row always stays out of the buckets
        if full > done:
            k, new = self._count, (full - done) // size
            self._lo[k:k + new], self._hi[k:k + new] = _reduce(Y[done:full], size)
            self._x[k:k + new] = x[done:full:size]
            self._count += new
            self.folded = full - done
            done = full
        k = self._count
        pairs = np.stack([self._lo[:k], self._hi[:k]], axis=1).reshape((-1,) + Y.shape[1:])
        out_x, out_y = np.concatenate([np.repeat(self._x[:k], 2), x[done:]]), np.concatenate([pairs, Y[done:]])
        if key is None:
            self._forget()
        return out_x, out_y


def _reduce(rows: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Minimum and maximum of each run of ``size`` rows (NaN ignored unless all are NaN)."""
    blocks = rows.reshape((-1, size) + rows.shape[1:])
    if len(blocks) < size:                                 # few buckets: one reduction each way
        return np.fmin.reduce(blocks, axis=1), np.fmax.reduce(blocks, axis=1)
    # Many buckets: one vectorised fmin/fmax per position in the bucket, 3-4x faster than a
    # reduction over the short middle axis.
    lo, hi = blocks[:, 0].copy(), blocks[:, 0].copy()
    for k in range(1, size):
        np.fmin(lo, blocks[:, k], out=lo)
        np.fmax(hi, blocks[:, k], out=hi)
    return lo, hi


def decimate_peaks(x: np.ndarray, Y: np.ndarray, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """A history shortened once (nothing kept): see :class:`PeakHistory`."""
    return PeakHistory(max_points).decimate(x, Y)
