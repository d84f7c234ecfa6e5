"""Gradient health: one label per layer, from the step's metrics.

Two per-layer measures of the backward pass are compared with the output
layer's, so the labels depend neither on the scale of the loss nor on the
width of the layer:

- the error signal, mean |delta| = mean |dL/dz| over the batch and the
  layer's units. Backprop hands it from layer to layer, multiplying by W^T
  and by f'(u) each time; the window shows it on the nodes during backward.
- the weight gradient, RMS |dL/dW| = ||dL/dW|| / sqrt(fan_in * fan_out).

The two can disagree, because dL/dW = a^T delta also scales with the
activations coming in. With large initial weights the activations grow
forward as fast as the deltas grow backward: every layer's weight gradient
is equally (and hugely) large, while the deltas grow toward the input. So
one huge measure is enough to call a layer exploding (the next update will
overshoot), while a vanishing layer needs both tiny: only then does it learn
almost nothing and pass almost nothing down.

Labels, checked in this order (the first that applies wins):

- exploding: a delta or weight gradient is NaN or infinite, or either ratio
  (mean |delta| or RMS |dL/dW|, over the output layer's) is above
  ``exploding_ratio``, or RMS |dL/dW| is above ``exploding_abs``. It comes
  first because it is the most urgent, and a layer passing such a gradient
  is not silent.
- dead: a ReLU layer with at least ``dead_share`` of its units dead: u <= 0
  on every training sample, where ReLU's derivative is exactly zero, so no
  gradient can ever revive them. This names the cause before its symptom.
  Only plain ReLU can die: leaky ReLU (slope 0.01), PReLU (learned slope)
  and ELU (exp(u)) keep a nonzero derivative for u < 0, so a unit of theirs
  that is negative on every sample still learns, slowly. Such a layer is
  never "dead"; if its gradient is tiny it is called vanishing, as any other.
- vanishing: both ratios are below ``vanishing_ratio``, or RMS |dL/dW| is
  below ``vanishing_abs``.
- saturated: a sigmoid/tanh layer with at least ``saturated_share`` of its
  units saturated (beyond ``saturation_level``) on 90% or more of the samples.
- healthy otherwise.

The two kinds of input come from different moments: the gradient measures
describe the step's backward pass (the weights before its update), the
shares of dead and saturated units the training set after the update. They
agree except after a violent update; that is why "exploding", which judges
the gradient that made the update, is checked first, and why a large
absolute gradient (``exploding_abs``) is enough: after one step of the
exploding-init lesson every layer's RMS |dL/dW| is 20 to 100, against at
most about 3 in every healthy lesson, so every layer is exploding, rather
than a mixture of healthy and dead layers.

The output layer is the reference, so it is never exploding or vanishing by
ratio. When its own value is zero or not finite, ratios say nothing and only
the absolute and finiteness tests apply. Without deltas (``mean_abs_delta``
None) the ratios use the weight gradient alone.

The run as a whole is "diverged" once a loss, gradient or weight is NaN/inf.
Thresholds live in the config's "health" mapping (defaults in config.py).
"""

import math

from .language import QT_TRANSLATE_NOOP

LABELS = ("healthy", "vanishing", "exploding", "dead", "saturated")
DYING = ("relu",)
"""Activations whose derivative is exactly zero for every u <= 0: the only ones whose units can die."""
RELU_FAMILY = DYING     # the older name, still imported by evaluation.unit_shares
SATURATING = ("sigmoid", "tanh")


def _ratios(values):
    """Each value over the last (the output layer's); None where that says nothing."""
    ref = values[-1]
    if not math.isfinite(ref) or ref <= 0:
        return [None] * len(values)
    return [v / ref if math.isfinite(v) else None for v in values]


def layer_labels(activations, grad_rms, dead, saturated, thresholds, mean_abs_delta=None):
    """One label per layer, from one step's per-layer values (first hidden layer first).

    activations: activation names; grad_rms: RMS |dL/dW|; dead, saturated:
    shares of dead and saturated units; thresholds: the config's "health"
    mapping; mean_abs_delta: mean |dL/dz|, or None to judge by dL/dW alone.
    """
    if not grad_rms:
        return []
    series = [list(grad_rms)] + ([list(mean_abs_delta)] if mean_abs_delta is not None else [])
    ratios = [_ratios(values) for values in series]
    labels = []
    for i, act in enumerate(activations):
        own = [values[i] for values in series]
        rel = [r[i] for r in ratios]
        known = [r for r in rel if r is not None]
        rms = grad_rms[i]
        if (not all(math.isfinite(v) for v in own) or rms > thresholds["exploding_abs"]
                or any(r > thresholds["exploding_ratio"] for r in known)):
            labels.append("exploding")
        elif act in DYING and dead[i] >= thresholds["dead_share"]:
            labels.append("dead")
        elif rms < thresholds["vanishing_abs"] or (
                len(known) == len(rel) and all(r < thresholds["vanishing_ratio"] for r in known)):
            labels.append("vanishing")
        elif act in SATURATING and saturated[i] >= thresholds["saturated_share"]:
            labels.append("saturated")
        else:
            labels.append("healthy")
    return labels


THRESHOLD_RULES = (
    QT_TRANSLATE_NOOP("Health", "exploding: mean |dL/dz| or RMS |dL/dW| > {exploding_ratio:g}x the output layer's, "
                                "or RMS |dL/dW| > {exploding_abs:g}, or NaN/infinite"),
    QT_TRANSLATE_NOOP("Health", "dead: >= {dead_share:.0%} of ReLU units never active on the training set "
                                "(leaky ReLU, PReLU and ELU units never die)"),
    QT_TRANSLATE_NOOP("Health", "vanishing: mean |dL/dz| and RMS |dL/dW| both < {vanishing_ratio:g}x the output "
                                "layer's, or RMS |dL/dW| < {vanishing_abs:g}"),
    QT_TRANSLATE_NOOP("Health", "saturated: >= {saturated_share:.0%} of sigmoid/tanh units beyond "
                                "{saturation_level:g} on 90% of samples"),
    QT_TRANSLATE_NOOP("Health", "diverged: a loss, gradient or weight became NaN or infinite"),
)
"""One line per label, templates over the config's "health" thresholds (translatable, context "Health")."""


def describe_thresholds(t, translate=None):
    """Text for the window's tooltips; ``translate(text)`` gives each rule in the reader's language."""
    return "\n".join((translate(rule) if translate else rule).format(**t) for rule in THRESHOLD_RULES)
