"""The trace: every forward and backward quantity of one pass, by name.

The window draws these, so they are kept rather than recomputed. Shapes use
``batch`` for the mini-batch size and ``fan_in``/``fan_out`` for a layer's
input and output widths.
"""

from dataclasses import dataclass, field

import numpy as np


@dataclass(slots=True)
class LayerTrace:
    """One layer's quantities, in the order they are computed.

    inp: (batch, fan_in) the layer's input (previous layer's ``a``, or X).
    z: (batch, fan_out) = inp @ W (+ b).
    xhat: (batch, fan_out) batch-normalised z, or None without batch norm.
    u: (batch, fan_out) = gamma * xhat + beta with batch norm, else z.
    act: (batch, fan_out) = f(u).
    dropout_mask: (batch, fan_out) of 0/1 when dropout was applied, else None.
    a: (batch, fan_out) the layer's output, after dropout and the residual add.
    mean, var, inv_std: (fan_out,) batch-norm statistics used (None otherwise).
    grad_a, grad_u, grad_z: dL/da, dL/du, dL/dz (delta), set by backward.
    """

    inp: np.ndarray
    z: np.ndarray
    xhat: np.ndarray | None
    u: np.ndarray
    act: np.ndarray
    dropout_mask: np.ndarray | None
    a: np.ndarray
    mean: np.ndarray | None = None
    var: np.ndarray | None = None
    inv_std: np.ndarray | None = None
    grad_a: np.ndarray | None = None
    grad_u: np.ndarray | None = None
    grad_z: np.ndarray | None = None

    @property
    def delta(self):
        """dL/dz, the symbol of the lecture slides."""
        return self.grad_z


@dataclass
class Trace:
    """A forward pass (and, after ``Network.backward``, its backward pass)."""

    X: np.ndarray
    training: bool
    layers: list[LayerTrace] = field(default_factory=list)
    loss: float | None = None
    data_loss: float | None = None
    penalty: float | None = None
    y: np.ndarray | None = None
    grads_flat: np.ndarray | None = None
    """After a full ``Network.backward``: every parameter gradient in one vector laid out as
    ``Network.flat`` (the returned gradient dicts are views of it)."""

    @property
    def output(self):
        """The network output after the output activation, (batch, n_out)."""
        return self.layers[-1].a

    @property
    def logits(self):
        """The output layer's pre-activation u, (batch, n_out)."""
        return self.layers[-1].u
