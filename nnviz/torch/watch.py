"""Watch the gradients of your own PyTorch training loop, layer by layer.

``watcher = watch(model)`` hooks every ``nn.Linear`` of the model; then, in
the loop, after ``loss.backward()`` and ``optimizer.step()``,
``watcher.step(loss=loss)`` records per Linear, first layer first:

- ``grad_norms``: ||dL/dW||, the norm of the layer's own ``weight.grad``;
- ``mean_abs_delta``: mean |dL/dz| over the batch and the layer's units,
  z being the Linear's output (a tensor hook on it during backward);
- ``update_ratios``: ||W - W_before|| / ||W_before||, the step the optimizer
  just took relative to the weights (the rule of thumb: about 1e-3);
- ``health``: nnviz's label per layer (healthy, vanishing, exploding, dead,
  saturated) by the same thresholds and rules as the window
  (:func:`nnviz.session.health.layer_labels`), with dead and saturated
  shares counted on the last batch.

Each is a ``steps × layers`` numpy array (``health`` a list of label lists),
``losses`` the reported losses. A Linear's activation is the first
activation module after it in the model's module order (for an
``nn.Sequential`` its own); activations called as functions are not seen,
so such a layer counts as linear (no dead or saturated units).

The hooks keep tensors on their device; ``step()`` moves only the few
numbers per layer to the CPU. The cost of watching is measured in
``benchmarks/torch_watch.py``.
"""

import math

import numpy as np
import torch
from torch import nn

from nnviz.session import HEALTH_DEFAULTS
from nnviz.session.health import DYING, SATURATING, layer_labels

from .convert import ACTIVATIONS


def _linear_layers(module):
    """[(name, Linear, activation name, activation module or None)] in the module's order."""
    layers = []
    for name, child in module.named_modules():
        if isinstance(child, nn.Linear):
            layers.append([name, child, "linear", None])
        elif type(child) in ACTIVATIONS and layers and layers[-1][3] is None:
            layers[-1][2:] = [ACTIVATIONS[type(child)], child]
    return [tuple(layer) for layer in layers]


class Watcher:
    """Per-layer gradient statistics of a live module; see the module docstring. Use ``watch(module)``."""

    def __init__(self, module, health=None):
        self.module = module
        found = _linear_layers(module)
        if not found:
            raise ValueError(f"{type(module).__name__} has no nn.Linear layer to watch")
        self.names = [name for name, *_ in found]
        self.linears = [linear for _, linear, *_ in found]
        self.activations = [act for _, _, act, _ in found]
        self.thresholds = {**HEALTH_DEFAULTS, **(health or {})}
        self._deltas = [None] * len(found)
        self._acts = [None] * len(found)          # (u, a) of the last forward pass, for dead/saturated shares
        self._before = [linear.weight.detach().clone() for linear in self.linears]
        self._before_norms = [w.norm() for w in self._before]
        self._sizes = np.array([linear.weight.numel() for linear in self.linears], dtype=np.float64)
        self._rows = {"grad_norms": [], "mean_abs_delta": [], "update_ratios": []}
        self.health, self.losses = [], []
        self._listeners = []
        self.window = None
        self._handles = [linear.register_forward_hook(self._linear_hook(k)) for k, linear in enumerate(self.linears)]
        self._handles += [act.register_forward_hook(self._activation_hook(k))
                          for k, (_, _, _, act) in enumerate(found) if act is not None]

    # ------------------------------------------------------------------ hooks
    def _linear_hook(self, k):
        def hook(_module, _inputs, z):
            if z.requires_grad:
                z.register_hook(lambda grad: self._delta(k, grad))
        return hook

    def _delta(self, k, grad):
        self._deltas[k] = grad.detach().abs().mean()

    def _activation_hook(self, k):
        def hook(_module, inputs, a):
            if self.activations[k] in DYING + SATURATING and torch.is_grad_enabled():
                self._acts[k] = (inputs[0].detach(), a.detach())
        return hook

    # ------------------------------------------------------------------ recording
    def _shares(self, k, zero):
        """(dead share, saturated share) of layer k's units on the last batch, as 0-d tensors."""
        act, pair = self.activations[k], self._acts[k]
        if pair is None:
            return zero, zero
        u, a = pair
        if act in DYING:
            return (u <= 0).all(dim=0).float().mean(), zero
        level = self.thresholds["saturation_level"]
        spread = a if act == "tanh" else 2.0 * a - 1.0
        per_unit = (spread.abs() > level).float().mean(dim=0)
        return zero, (per_unit >= 0.9).float().mean()

    def step(self, loss=None):
        """Record this training step (call after ``optimizer.step()``); returns the health labels.

        Per layer five 0-d tensors are computed where the weights live and moved
        to the CPU together: one transfer per layer, no Python number before that.
        """
        columns = []
        for k, linear in enumerate(self.linears):
            W, grad, before = linear.weight.detach(), linear.weight.grad, self._before[k]
            nan = torch.full((), math.nan, device=W.device)
            zero = torch.zeros((), device=W.device)
            norm = W.norm()
            dead, saturated = self._shares(k, zero)
            columns.append(torch.stack([
                grad.detach().norm() if grad is not None else nan,
                self._deltas[k] if self._deltas[k] is not None else nan,
                torch.dist(W, before) / self._before_norms[k],   # inf or nan when W was 0: nan below
                dead, saturated]).to("cpu", torch.float64))
            before.copy_(W)
            self._before_norms[k] = norm
        numbers = torch.stack(columns).numpy()           # layers × 5
        numbers[:, 2][~np.isfinite(numbers[:, 2])] = math.nan
        for name, column in zip(("grad_norms", "mean_abs_delta", "update_ratios"), numbers.T):
            self._rows[name].append(column)
        grad_rms = (numbers[:, 0] / np.sqrt(self._sizes)).tolist()
        labels = layer_labels(self.activations, grad_rms, numbers[:, 3].tolist(), numbers[:, 4].tolist(),
                              self.thresholds, numbers[:, 1].tolist())
        self.health.append(labels)
        self.losses.append(math.nan if loss is None else float(loss.detach() if torch.is_tensor(loss) else loss))
        self._deltas = [None] * len(self.linears)
        for listener in list(self._listeners):
            listener(self)
        return labels

    # ------------------------------------------------------------------ results
    def _array(self, name):
        rows = self._rows[name]
        return np.array(rows) if rows else np.zeros((0, len(self.linears)))

    @property
    def grad_norms(self):
        """||dL/dW|| per step and layer: (steps, layers)."""
        return self._array("grad_norms")

    @property
    def mean_abs_delta(self):
        """mean |dL/dz| per step and layer: (steps, layers)."""
        return self._array("mean_abs_delta")

    @property
    def update_ratios(self):
        """||W - W_before|| / ||W_before|| per step and layer: (steps, layers)."""
        return self._array("update_ratios")

    @property
    def steps(self):
        return len(self.health)

    def show(self):
        """Open the nnviz window on the live module (:mod:`.window`), updated by every ``step()``; returns it.

        Qt is imported here, when a window is asked for, not with the module: a
        training script on a machine without a display can watch without it.
        """
        from .window import show_watcher
        self.window = show_watcher(self)
        return self.window

    def subscribe(self, callback):
        """Call ``callback(watcher)`` after every recorded step (the window listens this way)."""
        self._listeners.append(callback)

    def unsubscribe(self, callback):
        if callback in self._listeners:
            self._listeners.remove(callback)

    def remove(self):
        """Take the hooks off the module; what was recorded stays."""
        for handle in self._handles:
            handle.remove()
        self._handles = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.remove()


def watch(module, *, health=None):
    """A :class:`Watcher` on every ``nn.Linear`` of ``module``; health: thresholds to change (see config.py)."""
    return Watcher(module, health)
