"""Questions a session answers without changing: inspection, health, predictions over the input plane.

:class:`QueriesMixin` is a part of :class:`~nnviz.session.session.Session`
(one state, see stepper.py for why it is split this way) that groups the
read-only methods the window's views, the inspector and the command line ask.
None of them moves the stepper or edits the experiment. Most hand the session
to the module that does the work (inspect.py, landscape.py,
activation_curves.py, neuron_graph.py, health.py), so each of those can be
read alone; the session methods are the names the views and tests use.
"""

import math

import numpy as np

from . import activation_curves as curves_mod
from . import health as health_mod
from . import inspect as inspect_mod
from . import landscape
from . import neuron_graph as graph_mod


class QueriesMixin:
    """Read-only questions about the session now (a part of Session; see the module docstring)."""

    # ------------------------------------------------------------ one neuron, one edge, one view
    def inspect_neuron(self, layer, j, sample=0):
        """Forward and backward numbers of neuron j (0-based) of layer (1..L) for one sample (inspect.py)."""
        return inspect_mod.inspect_neuron(self, layer, j, sample)

    def inspect_edge(self, layer, i, j):
        """Weight W[i, j] of layer (1..L): value, the chain-rule sum behind dL/dW, the update (inspect.py)."""
        return inspect_mod.inspect_edge(self, layer, i, j)

    def gradient_check(self, layer, key="W", indices=None, eps=1e-5):
        """Backprop's gradient of one parameter against central differences on the shown batch (inspect.py)."""
        return inspect_mod.gradient_check(self, layer, key, indices, eps)

    def confusion_matrix(self, split="test"):
        """(k, k) counts: rows the true class, columns the predicted one (inspect.py)."""
        return inspect_mod.confusion_matrix(self, split)

    def hidden_features(self, layer, j1, j2, split="train"):
        """The data in the coordinates of two neurons of a layer, evaluation mode (inspect.py)."""
        return inspect_mod.hidden_features(self, layer, j1, j2, split)

    def loss_landscape(self, directions="pca", span=1.0, resolution=41, split="train"):
        """The loss over a plane through the current weights and the path there (see landscape.py)."""
        return landscape.loss_landscape(self, directions, span, resolution, split)

    def activation_curves(self, layer):
        """f and f' of a layer (1..L) over the range its pre-activations use (see activation_curves.py)."""
        return curves_mod.activation_curves(self, layer)

    def neuron_graph(self, layer, j, sample=0):
        """Neuron j of a layer unrolled into operations, with values and chain-rule products (neuron_graph.py)."""
        return graph_mod.neuron_graph(self, layer, j, sample)

    def initial_scores(self):
        """{"train_loss", "test_loss", "train_acc", "test_acc"} of the network before its first update
        (step 0, evaluation mode, as the metrics score every step), or None before the first step and when
        this run's first step was not taken here (an experiment opened mid-run).

        The per-step metrics start after the first update; the loss curves start here, so a first step
        that overshoots shows as a rise from the starting loss. Scored once, when first asked, from the
        snapshot the first step started from.
        """
        initial = getattr(self, "_initial", None)
        if initial is None or initial[0] is not self.metrics or not len(self.metrics):
            return None
        if initial[3] is None:
            snap, keep = initial[1], initial[2]
            buffers = [{k: v[None] for k, v in b.items()} for b in snap.buffers]
            scores = self._evaluator.score(snap.flat[None], buffers, keep, self.config["health"]["saturation_level"])
            initial[3] = {name: float(scores[name][0]) for name in ("train_loss", "test_loss", "train_acc", "test_acc")}
        return dict(initial[3])

    # ------------------------------------------------------------ the model and its health
    def health(self):
        """One label per layer (healthy|vanishing|exploding|dead|saturated) from the latest step."""
        if not len(self.metrics):
            return ["healthy"] * self.n_layers
        m = self.metrics
        return health_mod.layer_labels([layer["activation"] for layer in self.network.layers],
                                       m.last("grad_rms"), _nan0(m.last("dead_share")),
                                       _nan0(m.last("saturated_share")), self.config["health"],
                                       mean_abs_delta=m.last("mean_abs_delta"))

    def health_text(self):
        return health_mod.describe_thresholds(self.config["health"])

    @property
    def best_step(self):
        return self.metrics.best_step()

    def predict(self, X_raw):
        """Network output (evaluation mode) for raw points, in the target's units."""
        X = self.prep.inputs(X_raw)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.prep.outputs_to_units(self.network.predict(X))

    def grid_output(self, extent, resolution=100):
        """The model over a grid of the raw input plane (2-D data only).

        extent = (xmin, xmax, ymin, ymax). Returns (resolution, resolution) for
        one output (probability of class 1, or the regression value) or
        (resolution, resolution, k) class probabilities; rows run along y.
        """
        points = _grid(extent, resolution)
        out = self.predict(points)
        shape = (resolution, resolution)
        return out.reshape(shape) if out.shape[1] == 1 else out.reshape(shape + (out.shape[1],))

    def neuron_grids(self, extent, resolution=24):
        """Each neuron's output ``a`` over the raw input plane: list per layer of (units, res, res)."""
        trace = self.network.forward(self.prep.inputs(_grid(extent, resolution)), training=False)
        return [lt.a.T.reshape(-1, resolution, resolution) for lt in trace.layers]

    def data_extent(self, margin=0.1):
        """A square-ish (xmin, xmax, ymin, ymax) around the raw 2-D data."""
        X = self.prep.dataset.X
        lo, hi = X.min(axis=0), X.max(axis=0)
        pad = (hi - lo) * margin + 1e-9
        return (float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1]))


def _grid(extent, resolution):
    xmin, xmax, ymin, ymax = extent
    xs, ys = np.linspace(xmin, xmax, resolution), np.linspace(ymin, ymax, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _nan0(values):
    return [0.0 if v is None or not math.isfinite(v) else v for v in values]

