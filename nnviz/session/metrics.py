"""Per-step metrics: losses, accuracies and the per-layer gradient diagnostics.

Recorded after each update. Losses and accuracies are evaluated on the whole
training and test sets in evaluation mode (no dropout, running batch-norm
statistics), so they describe the model, not the mini-batch; ``batch_loss``
is the mini-batch's training loss including the penalty. Per-layer series
are (steps, layers) arrays; layers are numbered from the first hidden layer
to the output layer.
"""

import math

import numpy as np

from .health import RELU_FAMILY, SATURATING

SCALARS = ("batch_loss", "train_loss", "test_loss", "train_acc", "test_acc", "lr", "global_norm")
PER_LAYER = ("grad_norm", "grad_rms", "mean_abs_delta", "update_ratio", "dead_share", "saturated_share")


class Metrics:
    """Series by name: ``metrics.train_loss`` or ``metrics["train_loss"]`` give numpy arrays."""

    def __init__(self, n_layers=0):
        self.n_layers = n_layers
        self._series = {name: [] for name in SCALARS + PER_LAYER}

    def append(self, row):
        for name, values in self._series.items():
            values.append(row[name])

    def update_last(self, fields):
        """Replace some values of the latest step (filling in a skipped evaluation)."""
        for name, value in fields.items():
            self._series[name][-1] = value

    def truncate(self, n):
        """Keep the first n steps (rewind)."""
        for values in self._series.values():
            del values[n:]

    def __len__(self):
        return len(self._series["train_loss"])

    def __getitem__(self, name):
        if name == "steps":
            return np.arange(len(self))
        values = self._series[name]
        if name in PER_LAYER:
            return np.array(values, dtype=float).reshape(len(values), self.n_layers)
        return np.array(values, dtype=float)

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
        values = self._series[name]
        return values[-1] if values else None

    def best_step(self):
        """0-based step of the lowest finite test loss (train loss without a test set), or None."""
        series = self["test_loss"]
        if not np.isfinite(series).any():
            series = self["train_loss"]
        finite = np.where(np.isfinite(series), series, np.inf)
        return int(np.argmin(finite)) if np.isfinite(finite).any() else None

    def state(self):
        return {name: list(values) for name, values in self._series.items()}

    def load_state(self, state):
        self._series = {name: list(state.get(name, [])) for name in SCALARS + PER_LAYER}


def accuracy(task, output, labels):
    """Share of correct predictions; NaN for regression or an empty set."""
    if task == "regression" or len(labels) == 0:
        return float("nan")
    predicted = (output[:, 0] > 0.5).astype(int) if output.shape[1] == 1 else np.argmax(output, axis=1)
    return float(np.mean(predicted == labels))


def eval_loss_and_acc(net, prep, X, y, ds):
    """(data loss, accuracy, eval trace) of the whole set in evaluation mode."""
    if len(X) == 0:
        return float("nan"), float("nan"), None
    trace = net.forward(X, training=False)
    data_loss, _, _ = net.loss_terms(trace, y)
    with np.errstate(invalid="ignore"):
        return data_loss, accuracy(prep.task, trace.output, ds.y), trace


def unit_shares(net, trace, level):
    """Per layer: (share of dead units, share of saturated units) on the trace's samples."""
    dead, saturated = [], []
    for layer, lt in zip(net.layers, trace.layers):
        act = layer["activation"]
        with np.errstate(invalid="ignore"):
            dead.append(float(np.mean(np.all(lt.u <= 0, axis=0))) if act in RELU_FAMILY else 0.0)
            if act in SATURATING:
                a = lt.act if act == "tanh" else 2.0 * lt.act - 1.0       # map sigmoid to [-1, 1]
                per_unit = np.mean(np.abs(a) > level, axis=0)
                saturated.append(float(np.mean(per_unit >= 0.9)))
            else:
                saturated.append(0.0)
    return dead, saturated


def layer_gradient_stats(net, trace, grads, before_flat):
    """Per layer: |dL/dW|, its RMS, mean |delta|, and ||dW|| / ||W|| of the update just made.

    Runs after every step, so it uses dot products on flat views (one numpy
    call each) rather than elementwise temporaries.
    """
    norm, rms, delta, ratio = [], [], [], []
    change = net.flat - before_flat
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for i, (g, lt) in enumerate(zip(grads, trace.layers)):
            gw = g["W"].ravel()
            n = math.sqrt(float(np.dot(gw, gw)))
            norm.append(n)
            rms.append(n / math.sqrt(gw.size))
            delta.append(float(np.add.reduce(np.abs(lt.grad_z), axis=None)) / lt.grad_z.size)
            s = net.flat_slice(i, "W")
            w_before, dw = before_flat[s], change[s]
            w_norm = math.sqrt(float(np.dot(w_before, w_before)))
            ratio.append(math.sqrt(float(np.dot(dw, dw))) / w_norm if w_norm > 0 else float("nan"))
    return norm, rms, delta, ratio
