"""Train/test split, input standardization and mini-batches.

These are the data-side steps of every training loop; each is a small pure
function of its inputs and an explicit seed or generator, so a run replays
exactly.
"""

from numbers import Integral, Real

import numpy as np

from .dataset import Dataset


def split(ds: Dataset, test_ratio: float, seed) -> tuple[Dataset, Dataset]:
    """Shuffle ``ds`` with ``np.random.default_rng(seed)`` and cut it into (train, test).

    ``test_ratio`` in [0, 0.9]: the test set gets round(n * test_ratio) rows
    (0 gives an empty test set with the same columns). Classification is
    stratified: each class is split in the same proportion, and a class keeps
    at least one row in train whenever it has any, so the network can see
    every class. Both parts come out in shuffled order.
    """
    valid = isinstance(test_ratio, Real) and not isinstance(test_ratio, bool)
    if not valid or not 0.0 <= test_ratio <= 0.9:
        raise ValueError(f"test_ratio must be a number from 0.0 to 0.9, not {test_ratio!r}")
    rng = np.random.default_rng(seed)
    n_test = int(round(len(ds) * test_ratio))
    if ds.is_classification:
        test = _stratified_test_rows(ds.y, ds.n_classes, n_test, rng)
    else:
        test = rng.permutation(len(ds))[:n_test]
    is_test = np.zeros(len(ds), dtype=bool)
    is_test[test] = True
    train = np.flatnonzero(~is_test)
    return ds.subset(rng.permutation(train)), ds.subset(rng.permutation(test))


def _stratified_test_rows(y: np.ndarray, n_classes: int, n_test: int, rng) -> np.ndarray:
    """Indices of about ``n_test`` rows drawn from each class in proportion to its size.

    Each class's quota is n_c * n_test / n; the rows left over by rounding
    down go to the largest fractional parts first. A class gives at most
    n_c - 1 rows to test, so test may end up smaller when classes are tiny.
    """
    counts = np.bincount(y, minlength=n_classes)
    if len(y) == 0:
        return np.zeros(0, dtype=np.int64)
    quota = counts * n_test / len(y)
    room = np.maximum(counts - 1, 0)
    take = np.minimum(np.floor(quota).astype(np.int64), room)
    order = np.argsort(-(quota - np.floor(quota)), kind="stable")
    while take.sum() < n_test and np.any(take < room):
        for c in order:
            if take.sum() < n_test and take[c] < room[c]:
                take[c] += 1
    rows = [rng.permutation(np.flatnonzero(y == c))[: take[c]] for c in range(n_classes)]
    return np.concatenate(rows).astype(np.int64)


class Standardizer:
    """Shift and scale columns to mean 0 and std 1, and back.

    Fit on the training inputs only (the test set must not leak into the
    scaling), then transform train and test alike. Works for X (n, d) and for
    regression targets y (n,). A constant column has std 0; it is scaled by 1
    instead so it becomes all zeros, not NaN.
    """

    def __init__(self):
        self.mean: np.ndarray | None = None
        self.std: np.ndarray | None = None

    def fit(self, X) -> "Standardizer":
        """Learn per-column mean and (population) std from X (n, d) or (n,), n >= 1."""
        X = np.asarray(X, dtype=np.float64)
        if X.ndim not in (1, 2) or X.shape[0] == 0:
            raise ValueError(f"fit needs at least one row of shape (n,) or (n, d), not {X.shape}")
        self.mean = X.mean(axis=0)
        std = X.std(axis=0)
        # Rounding leaves a constant column a std of ~1e-17 rather than 0; treat that as 0 too.
        constant = std <= 1e-12 * np.max(np.abs(X), axis=0)
        self.std = np.where(constant, 1.0, std)
        return self

    def _check(self, X) -> np.ndarray:
        if self.mean is None:
            raise RuntimeError("call fit before transform")
        X = np.asarray(X, dtype=np.float64)
        if X.shape[1:] != self.mean.shape:
            raise ValueError(f"fitted on rows of shape {self.mean.shape}, got {X.shape[1:]}")
        return X

    def transform(self, X) -> np.ndarray:
        """(X - mean) / std, a new array of X's shape."""
        return (self._check(X) - self.mean) / self.std

    def inverse_transform(self, Z) -> np.ndarray:
        """Z * std + mean: undo transform (e.g. to show predictions in the data's units)."""
        return self._check(Z) * self.std + self.mean

    def fit_transform(self, X) -> np.ndarray:
        return self.fit(X).transform(X)


MIN_BATCH_NORM_BATCH = 8
"""Batch norm's smallest mini-batch: the last batch of an epoch is never smaller (see batch_end).

A batch of two normalises every unit to exactly -1 and +1 whatever the
inputs, so its gradient collapses (a norm of 1e-17 once per epoch was seen
with 210 rows in batches of 16); eight rows give usable statistics.
"""


def batch_end(pos: int, n: int, batch_size: int, min_last: int = 1) -> int:
    """End (exclusive) of the mini-batch that starts at row ``pos`` of an epoch of ``n`` rows.

    Normally ``min(pos + batch_size, n)``. When the rows left after that batch
    would form a last batch smaller than ``min(min_last, batch_size)``, they
    are merged into this one instead (so one batch per epoch is a little
    larger than ``batch_size``; no row is dropped).
    """
    end = min(pos + batch_size, n)
    if 0 < n - end < min(min_last, batch_size):
        end = n
    return end


def minibatches(n: int, batch_size: int, rng: np.random.Generator, min_last: int = 1) -> list[np.ndarray]:
    """One epoch of mini-batches: index arrays that cover a fresh permutation of range(n).

    Every index appears exactly once; all batches have ``batch_size`` rows
    except perhaps the last one: shorter, or — when the rest would be smaller
    than ``min_last`` rows (batch norm passes :data:`MIN_BATCH_NORM_BATCH`) —
    merged into the one before (see :func:`batch_end`). ``batch_size`` >= n
    gives one batch of all rows (batch gradient descent), 1 gives single
    samples (SGD). The caller owns ``rng`` so it can snapshot and restore its
    state for rewind.
    """
    if isinstance(batch_size, bool) or not isinstance(batch_size, Integral) or batch_size < 1:
        raise ValueError(f"batch_size must be an integer >= 1, not {batch_size!r}")
    if isinstance(n, bool) or not isinstance(n, Integral) or n < 0:
        raise ValueError(f"n must be an integer >= 0, not {n!r}")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"rng must be a numpy.random.Generator, not {type(rng).__name__}")
    order = rng.permutation(int(n))
    batches, pos = [], 0
    while pos < n:
        end = batch_end(pos, int(n), int(batch_size), min_last)
        batches.append(order[pos:end])
        pos = end
    return batches
