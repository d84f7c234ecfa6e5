"""Finite-difference gradient estimates: the oracle backprop is checked against.

The app's "gradient check" view and the tests both use ``numeric_grad``. The
forward passes reuse the dropout masks of the checked trace and never touch
batch-norm running statistics, so the estimate sees the same function that
backprop differentiated.
"""

import numpy as np


def numeric_grad(net, X, y, layer, key, indices=None, eps=1e-5, training=True, masks=None):
    """Estimate dL/d params[layer][key] at the given flat ``indices`` (default: all).

    A fourth-order central difference, (-f(+2h) + 8 f(+h) - 8 f(-h) + f(-2h)) / 12h:
    batch norm over a nearly constant feature makes the loss sharply curved
    (curvature ~ 1/var), where the plain two-point rule is off by 1e-6 while
    this one stays at rounding level. Returns an array shaped like the
    parameter (NaN where not estimated).
    """
    p = net.params[layer][key]
    flat = p.reshape(-1)
    indices = range(flat.size) if indices is None else indices
    estimate = np.full(flat.size, np.nan)

    def loss_at(idx, value):
        flat[idx] = value
        return net.loss(X, y, training=training, masks=masks)

    for idx in indices:
        saved = flat[idx]
        try:
            terms = [loss_at(idx, saved + k * eps) for k in (2, 1, -1, -2)]
        finally:
            flat[idx] = saved
        estimate[idx] = (-terms[0] + 8 * terms[1] - 8 * terms[2] + terms[3]) / (12.0 * eps)
    return estimate.reshape(p.shape)


RELATIVE_FLOOR = 1e-5
"""Gradients smaller than this are compared against it: a finite difference
carries rounding noise of about 1e-11 (one unit in the last place of the loss
over the step), which would make a zero gradient look 100% wrong."""


def relative_error(analytic, numeric):
    """max |a - n| / max(|a| + |n|, RELATIVE_FLOOR): 0 for a perfect match."""
    analytic, numeric = np.asarray(analytic, float), np.asarray(numeric, float)
    if analytic.size == 0:
        return 0.0
    scale = np.maximum(np.abs(analytic) + np.abs(numeric), RELATIVE_FLOOR)
    return float(np.max(np.abs(analytic - numeric) / scale))


def masks_of(trace):
    """The dropout masks a trace used, to replay the same function."""
    return [lt.dropout_mask for lt in trace.layers]
