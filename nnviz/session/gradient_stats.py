"""Per-step gradient statistics: the norms and ratios each step records for every layer.

Computed after every update from arrays the step already holds (the
engine's gradient vector ``Trace.grads_flat``, the weights before the update
and after), with reductions over all parameters at once, because on a
playground-size net the number of numpy calls, not the arithmetic, is the
cost of a step.
"""

import numpy as np


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
