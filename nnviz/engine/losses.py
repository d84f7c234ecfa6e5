"""Losses, mean-reduced as PyTorch's defaults, each computed from the logits.

Each loss is defined by its per-sample values (``row_losses``; the loss is
their mean). Every loss returns ``(value, grad_u)`` where ``grad_u = dL/du``
is the gradient with respect to the output layer's pre-activation ``u`` (the
logits), and a function ``output_grad`` gives ``dL/dact`` with respect to
the output itself, which the window shows as the output layer's ``grad_a``.

- mse: mean over all elements of (output - y)^2; y (batch, n_out).
- bce: binary cross-entropy of a sigmoid output, from the logit as
  ``BCEWithLogitsLoss``: max(u, 0) - u*y + log(1 + exp(-|u|)); y (batch, n_out) of 0/1.
- cross_entropy: mean of -log softmax(u)[y]; y integer labels (batch,).
"""

import numpy as np

from .activations import activate_back


def _mean_rows(terms):
    """Each row's mean over the outputs (the last axis): (..., n, n_out) -> (..., n)."""
    return np.add.reduce(terms, axis=-1) / terms.shape[-1]


def _mse_rows(u, act, y):
    diff = act - y
    return _mean_rows(diff * diff)


def _mse(u, act, y, activation, alpha=None):
    grad_act = 2.0 * (act - y) / act.size
    return _mean(_mse_rows(u, act, y)), activate_back(activation, grad_act, u, act, alpha)


def _bce_rows(u, act, y):
    return _mean_rows(np.maximum(u, 0) - u * y + np.log1p(np.exp(-np.abs(u))))


def _bce(u, act, y, activation=None, alpha=None):
    return _mean(_bce_rows(u, act, y)), (act - y) / u.size


def _cross_entropy_rows(u, act, y):
    shifted = u - u.max(axis=-1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    labels = np.broadcast_to(y[:, None], log_softmax.shape[:-1] + (1,))
    return -np.take_along_axis(log_softmax, labels, axis=-1)[..., 0]


def _cross_entropy(u, act, y, activation=None, alpha=None):
    batch = u.shape[0]
    grad_u = act.copy()
    grad_u[np.arange(batch), y] -= 1.0
    return _mean(_cross_entropy_rows(u, act, y)), grad_u / batch


def _mean(rows):
    return np.add.reduce(rows) / len(rows)


LOSSES = {"mse": _mse, "bce": _bce, "cross_entropy": _cross_entropy}
ROW_LOSSES = {"mse": _mse_rows, "bce": _bce_rows, "cross_entropy": _cross_entropy_rows}

# The output activation each loss requires (None: any).
REQUIRED_OUTPUT = {"mse": None, "bce": "sigmoid", "cross_entropy": "softmax"}


def loss_and_grad(name, u, act, y, activation, alpha=None):
    """Return (loss value, dL/du) of the named loss. u, act: (batch, n_out)."""
    return LOSSES[name](u, act, y, activation, alpha)


def row_losses(name, u, act, y):
    """Each sample's loss, (n,): the loss of any set of rows is the mean of theirs.

    The whole-set evaluation uses it to score the training and test sets in
    one pass over their stacked rows. u, act: (n, n_out), or (S, n, n_out)
    for S parameter sets at once (then (S, n)); y: targets of the n rows.
    """
    return ROW_LOSSES[name](u, act, y)


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
