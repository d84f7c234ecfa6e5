"""Per-step metrics: losses, accuracies and the per-layer gradient diagnostics, stored.

Recorded after each update, for every step (the step's own numbers by
``record_step``, see gradient_stats.py; the whole-set ones scored in batches
by evaluation.py and written by ``fill``). Losses and accuracies are
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

import itertools
import math

import numpy as np

from .files import decode_array, encode_array

SCALARS = ("batch_loss", "train_loss", "test_loss", "train_acc", "test_acc", "lr", "global_norm")
PER_LAYER = ("grad_norm", "grad_rms", "mean_abs_delta", "update_ratio", "dead_share", "saturated_share")
EVALUATED = ("train_loss", "test_loss", "train_acc", "test_acc", "dead_share", "saturated_share")
"""The series scored on the whole sets (``Evaluator``); the others come from the step itself."""
INITIAL_CAPACITY = 1024
_REVISIONS = itertools.count(1)     # Metrics.revision: never the same twice in a process


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
        # New whenever rows already recorded may change (a rewind, adopted series), and unique to this
        # object: readers that keep something computed from earlier rows start again when it moves.
        self.revision = next(_REVISIONS)
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
        self.revision = next(_REVISIONS)
        self._find_best()

    def truncate(self, n):
        """Keep the first n steps (rewind)."""
        if n < self._n:
            self._n = max(n, 0)
            self.revision = next(_REVISIONS)
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
        self.revision = next(_REVISIONS)
        self._find_best()
