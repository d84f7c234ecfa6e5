"""Losses, mean-reduced as PyTorch's defaults, each computed from the logits.

Every loss returns ``(value, grad_u)`` where ``grad_u = dL/du`` is the gradient
with respect to the output layer's pre-activation ``u`` (the logits), and a
function ``output_grad`` gives ``dL/dact`` with respect to the output itself,
which the window shows as the output layer's ``grad_a``.

- mse: mean over all elements of (output - y)^2; y (batch, n_out).
- bce: binary cross-entropy of a sigmoid output, from the logit as
  ``BCEWithLogitsLoss``: max(u, 0) - u*y + log(1 + exp(-|u|)); y (batch, n_out) of 0/1.
- cross_entropy: mean of -log softmax(u)[y]; y integer labels (batch,).
"""

import numpy as np

from .activations import activate_back


def _mse(u, act, y, activation, alpha=None):
    diff = act - y
    value = np.sum(diff * diff) / diff.size
    grad_act = 2.0 * diff / diff.size
    return value, activate_back(activation, grad_act, u, act, alpha)


def _bce(u, act, y, activation=None, alpha=None):
    value = np.sum(np.maximum(u, 0) - u * y + np.log1p(np.exp(-np.abs(u)))) / u.size
    return value, (act - y) / u.size


def _cross_entropy(u, act, y, activation=None, alpha=None):
    batch = u.shape[0]
    rows = np.arange(batch)
    shifted = u - u.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    value = -np.mean(log_softmax[rows, y])
    grad_u = act.copy()
    grad_u[rows, y] -= 1.0
    return value, grad_u / batch


LOSSES = {"mse": _mse, "bce": _bce, "cross_entropy": _cross_entropy}

# The output activation each loss requires (None: any).
REQUIRED_OUTPUT = {"mse": None, "bce": "sigmoid", "cross_entropy": "softmax"}


def loss_and_grad(name, u, act, y, activation, alpha=None):
    """Return (loss value, dL/du) of the named loss. u, act: (batch, n_out)."""
    return LOSSES[name](u, act, y, activation, alpha)


def output_grad(name, act, y):
    """dL/dact with respect to the network output, as shown for the output layer.

    For bce and cross-entropy this is the derivative of the loss written as a
    function of the probabilities (it can be huge where the output saturates;
    the network's backward uses the stable logit form instead).
    """
    if name == "mse":
        return 2.0 * (act - y) / act.size
    if name == "bce":
        return (act - y) / (act * (1.0 - act) * act.size)
    grad = np.zeros_like(act)
    rows = np.arange(act.shape[0])
    grad[rows, y] = -1.0 / (act[rows, y] * act.shape[0])
    return grad
