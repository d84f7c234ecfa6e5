"""Gradient health: one label per layer, from the step's metrics.

Labels, checked in this order (the first that applies wins):

- dead: a ReLU-family layer (relu, leaky_relu, prelu) with at least
  ``dead_share`` of its units inactive (u <= 0) on every training sample.
- exploding: the layer's RMS gradient (|dL/dW| / sqrt(size)) is more than
  ``exploding_ratio`` times the output layer's, or above ``exploding_abs``.
- vanishing: less than ``vanishing_ratio`` times the output layer's, or
  below ``vanishing_abs``.
- saturated: a sigmoid/tanh layer with at least ``saturated_share`` of its
  units saturated (beyond ``saturation_level``) on 90% or more of the samples.
- healthy otherwise.

The run as a whole is "diverged" once a loss, gradient or weight is NaN/inf.
Thresholds live in the config's "health" mapping (defaults in config.py).
"""

import math

LABELS = ("healthy", "vanishing", "exploding", "dead", "saturated")
RELU_FAMILY = ("relu", "leaky_relu", "prelu")
SATURATING = ("sigmoid", "tanh")


def layer_labels(activations, grad_rms, dead, saturated, thresholds):
    """One label per layer. activations: names; the other lists: the step's per-layer values."""
    if not grad_rms:
        return []
    ref = grad_rms[-1]
    labels = []
    for act, rms, dead_share, sat_share in zip(activations, grad_rms, dead, saturated):
        ratio = rms / ref if ref > 0 and math.isfinite(ref) else math.inf if rms > 0 else 1.0
        if act in RELU_FAMILY and dead_share >= thresholds["dead_share"]:
            labels.append("dead")
        elif not math.isfinite(rms) or ratio > thresholds["exploding_ratio"] or rms > thresholds["exploding_abs"]:
            labels.append("exploding")
        elif ratio < thresholds["vanishing_ratio"] or rms < thresholds["vanishing_abs"]:
            labels.append("vanishing")
        elif act in SATURATING and sat_share >= thresholds["saturated_share"]:
            labels.append("saturated")
        else:
            labels.append("healthy")
    return labels


def describe_thresholds(t):
    """Text for the window's tooltips."""
    return (f"dead: >= {t['dead_share']:.0%} of ReLU units never active on the training set\n"
            f"exploding: RMS |dL/dW| > {t['exploding_ratio']:g}x the output layer's, or > {t['exploding_abs']:g}\n"
            f"vanishing: RMS |dL/dW| < {t['vanishing_ratio']:g}x the output layer's, or < {t['vanishing_abs']:g}\n"
            f"saturated: >= {t['saturated_share']:.0%} of sigmoid/tanh units beyond {t['saturation_level']:g} "
            "on 90% of samples\n"
            "diverged: a loss, gradient or weight became NaN or infinite")
