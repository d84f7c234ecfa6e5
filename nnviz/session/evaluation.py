"""Whole-set evaluation: every step's train and test loss and accuracy, and its unit shares.

Each step's weights are scored on the whole training and test sets in
evaluation mode (no dropout, running batch-norm statistics), so the metrics
describe the model, not the mini-batch. This is most of the cost of a
recorded step on a small net, so steps are scored in batches: one forward
pass over many steps' weights at once (``Network.forward_many``), with the
pass's arrays reused from one batch to the next.
"""

import math

import numpy as np

from nnviz.engine.losses import row_losses

from .health import RELU_FAMILY, SATURATING


def accuracy(task, output, labels):
    """Share of correct predictions; NaN for regression or an empty set."""
    if task == "regression" or len(labels) == 0:
        return float("nan")
    predicted = (output[:, 0] > 0.5) if output.shape[1] == 1 else np.argmax(output, axis=1)
    return float(np.count_nonzero(predicted == labels)) / len(labels)


MAX_PASS_BYTES = 2**20
"""Largest layer array of one batched evaluation pass. The passes' layer arrays are kept and
reused (``Network.forward_many``'s ``work``), so their size no longer costs fresh mappings of
memory each pass; larger passes spread the Python cost per layer over more steps. Measured
here (benchmarks/session.py, whole-set scoring included): a 2-8-8-1 step took 228 µs with
128 KB passes (4 steps), 192 µs with 1 MB (32 steps), 186 µs with 2 MB; 8 hidden layers of 64
gained 7% from 128 KB to 1 MB."""
MAX_KEPT_BYTES = 2**24
"""Most memory the reused pass arrays (two per layer) may keep for a session's life: passes
are shortened to fit, and when even one step's arrays would not fit (a large data set
through a wide, deep net) nothing is kept and each pass allocates its arrays afresh."""


class Evaluator:
    """Whole-set losses, accuracies and unit shares of one session's data, for every step.

    The training and test sets are stacked once, so a step's weights score
    both in one forward pass in evaluation mode (rows do not interact there):
    one pass, one array of per-sample losses and one comparison of
    predictions, each then summed over the training rows and the test rows.

    Scoring is deferred and batched: ``defer`` keeps a copy of the weights a
    step ended with, and ``flush`` scores all kept steps in one pass over
    stacked weights (``Network.forward_many``), so the Python cost per layer
    is paid once per batch instead of once per step; the numbers are the
    same as scoring each step alone. The metrics call ``flush`` before any
    read, so nothing ever sees a step unscored; a batch is at most
    ``MAX_PASS_BYTES`` per array (``batch`` steps) and is flushed when full.
    """

    def __init__(self, net, prep, metrics=None):
        self.net, self.metrics = net, metrics
        self.n_train, self.n_test = len(prep.X_train), len(prep.X_test)
        self.X = np.concatenate([prep.X_train, prep.X_test]).astype(net.dtype)
        self.loss = net.spec["loss"]
        self.task = prep.task
        y = np.concatenate([prep.y_train, prep.y_test])
        self.y = y if self.loss == "cross_entropy" else y.astype(net.dtype)
        self.labels = np.concatenate([prep.train.y, prep.test.y])
        rows, itemsize = max(len(self.X), 1), np.dtype(net.dtype).itemsize
        self.batch = int(np.clip(MAX_PASS_BYTES // (itemsize * rows * max(net.sizes)), 1, 64))
        kept_per_step = 2 * itemsize * rows * sum(net.sizes[1:])         # z and act of every layer
        self.batch = max(1, min(self.batch, MAX_KEPT_BYTES // kept_per_step))
        # The steps waiting to be scored: their rows (ascending) and, in the same slots of arrays
        # kept for the session's life, the weights and batch-norm statistics they ended with;
        # the switched-off units and saturation level are shared by the whole batch.
        self._rows = []
        self._flats = np.empty((self.batch, net.flat.size), net.dtype)
        self._buffers = [{k: np.empty((self.batch,) + v.shape, v.dtype) for k, v in b.items()} for b in net.buffers]
        self._keep, self._level = (), None
        # the passes' layer arrays, reused (Network.forward_many), when they fit MAX_KEPT_BYTES
        self._work = {} if self.batch * kept_per_step <= MAX_KEPT_BYTES else None
        self.passes = 0                 # forward passes run (tests count them)
        if metrics is not None:
            metrics.before_read = self.flush

    def defer(self, row, level):
        """Score metrics row ``row`` later, with the weights, statistics and switched-off units of now."""
        net, rows = self.net, self._rows
        while rows and rows[-1] >= row:                    # rows left over from before a rewind
            rows.pop()
        if rows and (self._level != level or any(a is not b for a, b in zip(self._keep, net.keep))):
            self.flush()                                   # a batch shares its switched-off units and level
            rows = self._rows
        slot = len(rows)
        if not slot:
            self._keep, self._level = tuple(net.keep), level
        self._flats[slot] = net.flat
        for kept, live in zip(self._buffers, net.buffers):
            for k, v in live.items():
                kept[k][slot] = v
        rows.append(row)
        if len(rows) >= self.batch:
            self.flush()

    def flush(self):
        """Score every deferred step still in the metrics, in one pass."""
        rows, self._rows = self._rows, []
        n = len(self.metrics)
        while rows and rows[-1] >= n:                      # forgotten since (the metrics were truncated)
            rows.pop()
        if not rows:
            return
        S = len(rows)
        buffers = [{k: v[:S] for k, v in b.items()} for b in self._buffers]
        self.metrics.fill(rows, self.score(self._flats[:S], buffers, self._keep, self._level))

    def fields(self, net, saturation_level):
        """The fields of the weights the network has now (one step, scored at once)."""
        scores = self.score(net.flat[None], None, net.keep, saturation_level, net)
        return {name: (values[0].tolist() if values.ndim == 2 else float(values[0])) for name, values in scores.items()}

    def score(self, flats, buffers, keep, level, net=None):
        """train/test loss and accuracy (S,), dead/saturated shares on the training set (S, layers)."""
        net = net or self.net
        S, n = len(flats), self.n_train
        if not len(self.X):
            return {name: np.full((S, net.n_layers) if name.endswith("share") else S, np.nan)
                    for name in ("train_loss", "train_acc", "test_loss", "test_acc", "dead_share", "saturated_share")}
        self.passes += 1
        trace = net.forward_many(self.X, flats, buffers, keep, work=self._work)
        out = trace.layers[-1]
        scores = {}
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            losses = row_losses(self.loss, out.u, out.act, self.y)                 # (S, rows)
            correct = None
            if self.task != "regression":
                predicted = out.a[..., 0] > 0.5 if out.a.shape[-1] == 1 else np.argmax(out.a, axis=-1)
                correct = predicted == self.labels
            for split, rows, size in (("train", slice(0, n), n), ("test", slice(n, None), self.n_test)):
                scores[f"{split}_loss"] = np.add.reduce(losses[:, rows], axis=1) / size if size else np.full(S, np.nan)
                scores[f"{split}_acc"] = (np.add.reduce(correct[:, rows], axis=1) / size
                                          if size and correct is not None else np.full(S, np.nan))
            scores["dead_share"], scores["saturated_share"] = unit_shares(net, trace, level, rows=n)
        return scores


def unit_shares(net, trace, level, rows=None):
    """Per layer: (shares of dead units, shares of saturated units) on the trace's first ``rows`` samples.

    rows=None: all of them. With no samples the shares are NaN. Returns two
    arrays whose last axis is the layer; the trace may carry a leading axis
    of parameter sets (``Network.forward_many``), and so do the arrays then.
    Counting is done with whole-array operations, a few numpy calls per
    layer. (NaN compares as false and raises no warning: a diverged net
    counts nothing.)
    """
    lead = trace.layers[0].u.shape[:-2]
    dead, saturated = np.zeros(lead + (len(trace.layers),)), np.zeros(lead + (len(trace.layers),))
    for i, (layer, lt) in enumerate(zip(net.layers, trace.layers)):
        act = layer["activation"]
        u = lt.u[..., :rows, :]
        n, units = u.shape[-2:]
        if not n:
            dead[..., i] = saturated[..., i] = np.nan
            continue
        if act in RELU_FAMILY:                      # never active on any sample
            dead[..., i] = np.add.reduce(_count_rows(u <= 0) == n, axis=-1) / units
        if act in SATURATING:
            a = lt.act[..., :rows, :]
            a = a if act == "tanh" else 2.0 * a - 1.0       # map sigmoid to [-1, 1]
            per_unit = _count_rows(np.abs(a) > level) / n
            saturated[..., i] = np.add.reduce(per_unit >= 0.9, axis=-1) / units
    return dead, saturated


def _count_rows(mask):
    """How many rows are true in each column: (..., n, units) -> (..., units), as float counts.

    A product with a vector of ones: exact for counts below 2**53, and several
    times faster here than summing booleans along the rows (a reduction over
    a short inner axis).
    """
    return np.matmul(np.ones(mask.shape[-2]), mask.astype(float))
