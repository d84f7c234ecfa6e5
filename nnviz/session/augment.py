"""Data augmentation: each epoch trains on freshly jittered copies of the training points.

With ``config["augment"] = s > 0`` every training point is moved, once per
epoch, by Gaussian noise whose standard deviation is ``s`` times the spread
(standard deviation) of that raw input column in the training set; the moved
points then go through the same feature expansion and scaling as the
originals. Labels stay. The noise of epoch e is drawn from its own generator
seeded with (seed, e), so it is a function of the epoch alone: rewinding and
replaying a step draws the same jittered points without storing them, and an
experiment file reproduces the run. Metrics are always measured on the
original, un-jittered points.
"""

import numpy as np

NOISE_STREAM = 4
"""Third entry of the generator seed; other streams of the session use 1 (dropout) and 2 (batches)."""


class EpochInputs:
    """The network inputs of the training set for one epoch, jittered when augmentation is on.

    Keeps the latest epoch's array so an epoch of mini-batches draws the noise once.
    """

    def __init__(self, prep, seed):
        self.prep, self.seed = prep, seed
        self._key, self._X = None, None

    def get(self, strength, epoch):
        """(n_train, n_inputs) network inputs for ``epoch`` under augmentation ``strength``."""
        if strength <= 0:
            return self.prep.X_train
        key = (float(strength), int(epoch))
        if key != self._key:
            self._X, self._key = jittered_inputs(self.prep, strength, self.seed, epoch), key
        return self._X


def jittered_inputs(prep, strength, seed, epoch):
    """The training points of ``epoch`` moved by noise of ``strength`` x each raw column's spread."""
    raw = np.asarray(prep.train.X, dtype=float)
    spread = raw.std(axis=0) if len(raw) > 1 else np.zeros(raw.shape[1])
    rng = np.random.default_rng([seed, NOISE_STREAM, epoch])
    return prep.inputs(raw + rng.standard_normal(raw.shape) * (strength * spread))
