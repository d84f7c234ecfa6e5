"""Per-step metrics: losses, accuracies and the per-layer gradient diagnostics.

Recorded after each update, for every step. Losses and accuracies are
evaluated on the whole training and test sets in evaluation mode (no dropout,
running batch-norm statistics), so they describe the model, not the
mini-batch; ``batch_loss`` is the mini-batch's training loss including the
penalty. Per-layer series are (steps, layers) arrays; layers are numbered
from the first hidden layer to the output layer.

Storage: one preallocated float64 column per series, grown by doubling
(amortised O(1) append). Reading a series returns a read-only view of the
first ``len(metrics)`` rows, so the cost of a read does not grow with the
number of steps. Memory budget: ``8 * (8 + 6 * layers)`` bytes per step
(``Metrics.bytes_per_step``: seven scalars, six per-layer series and the step
index), e.g. 160 bytes for a one-hidden-layer net, so a million steps of a
lesson net take about 160 MB. Capacity beyond the steps taken is reserved
but untouched (the operating system maps such pages only when they are
written), so doubling does not double the resident memory.
"""

import math

import numpy as np

from nnviz.engine.losses import row_losses

from .files import decode_array, encode_array
from .health import RELU_FAMILY, SATURATING

SCALARS = ("batch_loss", "train_loss", "test_loss", "train_acc", "test_acc", "lr", "global_norm")
PER_LAYER = ("grad_norm", "grad_rms", "mean_abs_delta", "update_ratio", "dead_share", "saturated_share")
EVALUATED = ("train_loss", "test_loss", "train_acc", "test_acc", "dead_share", "saturated_share")
"""The series scored on the whole sets (``Evaluator``); the others come from the step itself."""
INITIAL_CAPACITY = 1024


class Metrics:
    """Series by name: ``metrics.train_loss`` or ``metrics["train_loss"]`` give read-only numpy views.

    A view shows the rows that existed when it was taken; after a rewind and
    replay its rows may be rewritten, so copy a series to keep it.
    """

    def __init__(self, n_layers=0):
        self.n_layers = n_layers
        self._n = 0
        self._columns = {name: np.empty(self._shape(name, INITIAL_CAPACITY)) for name in SCALARS + PER_LAYER}
        self._steps = np.arange(INITIAL_CAPACITY)
        self._best = {"test_loss": None, "train_loss": None}     # running argmin of each loss
        self.grown = 0                  # times the columns were reallocated (tests count it)
        self.before_read = None         # called before any read: completes steps whose scoring is deferred

    def _shape(self, name, rows):
        return (rows, self.n_layers) if name in PER_LAYER else (rows,)

    @property
    def capacity(self):
        return len(self._steps)

    @property
    def bytes_per_step(self):
        """Bytes stored per recorded step (float64 columns and the int64 step index)."""
        return 8 * (len(SCALARS) + 1 + len(PER_LAYER) * self.n_layers)

    def append(self, row):
        """Record one step: row maps every series name to a number (per-layer: one per layer)."""
        n = self._n
        if n == self.capacity:
            self._grow(2 * self.capacity)
        for name, column in self._columns.items():
            column[n] = row[name]
        self._n = n + 1
        for name, best in self._best.items():
            value = row[name]
            if math.isfinite(value) and (best is None or value < self._columns[name][best]):
                self._best[name] = n

    def record_step(self, batch_loss, lr, global_norm, grad_norm, grad_rms, mean_abs_delta, update_ratio):
        """Record one step's own numbers (per-layer ones as sequences over the layers).

        Its whole-set fields (losses, accuracies, unit shares) stay NaN until
        ``fill`` writes them (``Evaluator`` scores steps in batches). The same
        as ``append`` with those fields NaN, without building a row per step.
        """
        n = self._n
        if n == self.capacity:
            self._grow(2 * self.capacity)
        columns = self._columns
        columns["batch_loss"][n], columns["lr"][n], columns["global_norm"][n] = batch_loss, lr, global_norm
        columns["grad_norm"][n], columns["grad_rms"][n] = grad_norm, grad_rms
        columns["mean_abs_delta"][n], columns["update_ratio"][n] = mean_abs_delta, update_ratio
        for name in EVALUATED:
            columns[name][n] = math.nan
        self._n = n + 1                 # a NaN loss is never the best: ``_best`` stays as it is

    def _grow(self, rows):
        # One column at a time, so only one old column coexists with its copy.
        for name, old in self._columns.items():
            new = np.empty(self._shape(name, rows))
            new[:self._n] = old[:self._n]
            self._columns[name] = new
        self._steps = np.arange(rows)
        self.grown += 1

    def fill(self, rows, fields):
        """Write values of some earlier rows (a deferred evaluation): fields maps names to arrays over rows."""
        for name, values in fields.items():
            self._columns[name][rows] = values
        for name, best in self._best.items():
            values = fields.get(name)
            if values is None:
                continue
            for row, value in zip(rows, values.tolist()):
                if math.isfinite(value) and (best is None or value < self._columns[name][best]
                                             or (value == self._columns[name][best] and row < best)):
                    best = row
            self._best[name] = best

    def update_last(self, fields):
        """Replace some values of the latest step (filling in a missing evaluation)."""
        for name, value in fields.items():
            self._columns[name][self._n - 1] = value
        self._find_best()

    def truncate(self, n):
        """Keep the first n steps (rewind)."""
        if n < self._n:
            self._n = max(n, 0)
            self._find_best()

    def _find_best(self):
        for name in self._best:
            series = self._columns[name][:self._n]
            finite = np.where(np.isfinite(series), series, np.inf)
            self._best[name] = int(np.argmin(finite)) if np.isfinite(finite).any() else None

    def __len__(self):
        return self._n

    def _read(self):
        if self.before_read is not None:
            self.before_read()

    def __getitem__(self, name):
        self._read()
        if name == "steps":
            view = self._steps[:self._n]
        else:
            view = self._columns[name][:self._n]
        view.flags.writeable = False
        return view

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def names(self):
        return ("steps",) + SCALARS + PER_LAYER

    def last(self, name):
        """The latest value of a series (a list for per-layer series), or None."""
        if not self._n:
            return None
        self._read()
        value = self._columns[name][self._n - 1]
        return value.tolist() if name in PER_LAYER else float(value)

    def best_step(self):
        """0-based step of the lowest finite test loss (train loss without a test set), or None.

        Kept up to date as steps are appended, so asking costs nothing.
        """
        self._read()
        best = self._best["test_loss"]
        return best if best is not None else self._best["train_loss"]

    def state(self):
        """The series for an experiment file: name -> stored array (see files.encode_array)."""
        return {name: encode_array(self[name]) for name in SCALARS + PER_LAYER}

    def load_state(self, state):
        """Adopt stored series: arrays as ``state`` writes them, or plain lists of numbers (older files).

        Every series must have the same number of steps; a missing one is NaN.
        Steps still waiting to be scored are scored first, so that they cannot
        later overwrite the rows adopted here.
        """
        self._read()
        columns = {}
        for name in SCALARS + PER_LAYER:
            value = state.get(name)
            if value is None:
                continue
            field = f"state.metrics.{name}"
            if isinstance(value, dict):
                column = decode_array(value, field).astype(float)
            else:
                try:
                    column = np.array(value, dtype=float)
                except (TypeError, ValueError):
                    raise ValueError(f"{field}: must be a list of numbers") from None
            if column.ndim == 0:
                raise ValueError(f"{field}: must be a list of numbers, not a single value")
            if name in PER_LAYER and column.size == 0:
                column = column.reshape(0, self.n_layers)
            if column.shape[1:] != self._shape(name, 0)[1:]:
                raise ValueError(f"{field}: expected {'one number per layer' if name in PER_LAYER else 'one number'}"
                                 f" per step, got shape {column.shape}")
            columns[name] = column
        lengths = {len(c) for c in columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"state.metrics: the series have different numbers of steps ({sorted(lengths)})")
        n = lengths.pop() if lengths else 0
        self._n = 0
        if n > self.capacity:
            self._grow(1 << (n - 1).bit_length())
        for name, column in self._columns.items():
            column[:n] = columns[name] if name in columns else np.nan
        self._n = n
        self._find_best()


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
gained 7% from 128 KB to 1 MB. The session keeps two such arrays per layer: at most 2 MB
per layer."""


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
        self.batch = int(np.clip(MAX_PASS_BYTES // (8 * max(len(self.X), 1) * max(net.sizes)), 1, 64))
        # The steps waiting to be scored: their rows (ascending) and, in the same slots of arrays
        # kept for the session's life, the weights and batch-norm statistics they ended with;
        # the switched-off units and saturation level are shared by the whole batch.
        self._rows = []
        self._flats = np.empty((self.batch, net.flat.size), net.dtype)
        self._buffers = [{k: np.empty((self.batch,) + v.shape, v.dtype) for k, v in b.items()} for b in net.buffers]
        self._keep, self._level = (), None
        self._work = {}                 # the passes' layer arrays, reused (Network.forward_many)
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


class GradientLayout:
    """Where each parameter lives in ``net.flat``, to reduce all of them in one numpy call.

    ``starts`` are the parameters' offsets (in ``net.params`` order, the order
    of ``net.flat``); ``w`` indexes the W entries among them; ``w_rms_divisor``
    holds the square roots of the W matrices' sizes. Scratch vectors are
    reused every step instead of allocated. ``grad`` is a vector laid out as
    ``net.flat`` that the step no longer fills (the engine hands the
    gradients over as one vector, ``Trace.grads_flat``); undo still keeps a
    copy of it.
    """

    def __init__(self, net):
        keys = [(i, key) for i, layer in enumerate(net.params) for key in layer]
        slices = [net.flat_slice(i, key) for i, key in keys]
        self.starts = np.array([s.start for s in slices])
        self.w = np.array([k for k, (_, key) in enumerate(keys) if key == "W"])
        self.w_rms_divisor = np.sqrt([float(net.params[i]["W"].size) for i in range(net.n_layers)])
        self.grad = np.empty(net.flat.size, net.dtype)
        self.scratch = np.empty(net.flat.size, net.dtype)
        self.pair = np.empty((2, net.flat.size), net.dtype)

    def squared_norms(self, grads_flat):
        """Per parameter (net.params order) the sum of squares of a vector laid out as net.flat."""
        with np.errstate(over="ignore", invalid="ignore"):
            np.multiply(grads_flat, grads_flat, out=self.scratch)
        return np.add.reduceat(self.scratch, self.starts)


def layer_gradient_stats(net, trace, before_flat, layout=None, grad_squares=None):
    """Per layer: |dL/dW|, its RMS, mean |delta|, and ||dW|| / ||W|| of the update just made.

    Runs after every step, so the norms are reductions over all parameters
    at once (``GradientLayout``), from the gradient vector the engine already
    holds (``trace.grads_flat``), rather than numpy calls per layer: the
    weights before and the change are squared and summed together, as two
    rows of one array. ``grad_squares`` (from ``GradientLayout.squared_norms``,
    computed for the global norm) is reused when given. Mean |delta| stays a
    reduction per layer: summed over a whole (batch, units) array it adds in
    another order than over a slice of one long vector, and the recorded
    numbers must not depend on how they were computed. Returns four arrays
    of length layers.
    """
    layout = layout or GradientLayout(net)
    if grad_squares is None:
        grad_squares = layout.squared_norms(trace.grads_flat)
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        norm = np.sqrt(grad_squares[layout.w])
        rms = norm / layout.w_rms_divisor
        delta = np.array([np.add.reduce(np.abs(lt.grad_z), axis=None) / lt.grad_z.size for lt in trace.layers])
        pair = layout.pair
        pair[0] = before_flat
        np.subtract(net.flat, before_flat, out=pair[1])
        np.multiply(pair, pair, out=pair)
        w_before, change = np.sqrt(np.add.reduceat(pair, layout.starts, axis=1)[:, layout.w])
        ratio = np.where(w_before > 0, change / w_before, np.nan)
    return norm, rms, delta, ratio
