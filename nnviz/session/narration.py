"""What the caption says at each phase of a training step: plain text, no Qt, no HTML.

The window, presenter mode and pictures show the same sentence for the same
session state, so it is written here once, from the session alone.  The text
carries two marks that every surface renders its own way (the window as rich
text): ``x_{k}`` is a subscript and ``**x**`` is emphasis.  Numbers go through
:func:`nnviz.session.formatting.format_number`.

>>> caption = phase_caption(session)              # doctest: +SKIP
>>> caption.text, caption.note                    # doctest: +SKIP
('**Forward, layer 1**: z_{1} = x·W_{1} + b_{1}; a_{1} = tanh(z_{1}).', 'Neurons show sample 1 of 10.')
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nnviz.session.formatting import format_number
from nnviz.session.language import QT_TRANSLATE_NOOP, shown
from nnviz.session.update_rules import rule_summary


def _t(text: str) -> str:
    """A sentence template marked with QT_TRANSLATE_NOOP("Narration", …), in the window's language.

    Formulas are passed in as arguments, so a translation keeps them whole
    (the Persian one wraps each in a left-to-right isolate).
    """
    return shown("Narration", text)


@dataclass(frozen=True)
class Caption:
    """``text``: what the phase computes (with ``_{}`` and ``**`` marks); ``note``: what the picture shows."""

    text: str
    note: str = ""


def phase_caption(session, *, sample: int | None = 0, update_as_delta: bool = False) -> Caption:
    """The caption of ``session``'s current phase.

    ``sample``: the row of the mini-batch the neurons show (0-based), or None
    for the batch mean; ``update_as_delta``: the update phase draws each
    weight's change Δw rather than the new weights.
    """
    ph = session.phase
    if ph.kind == "ready":
        return Caption(_t(QT_TRANSLATE_NOOP("Narration", "**Ready.** Press **→** to step through the first "
                                            "training step phase by phase, **Shift+→** for a whole step, "
                                            "**Space** to play.")))
    if ph.kind == "forward":
        return _forward(session, ph.layer, sample)
    if ph.kind == "loss":
        return _loss(session)
    if ph.kind == "backward":
        return _backward(session, ph.layer)
    return _update(session, update_as_delta)


def _layer_name(k: int, n_layers: int) -> str:
    if k == n_layers:
        return _t(QT_TRANSLATE_NOOP("Narration", "output layer"))
    return _t(QT_TRANSLATE_NOOP("Narration", "layer {0}")).format(k)


def _input_of(k: int) -> str:
    return "x" if k == 1 else f"a_{{{k - 1}}}"


def _forward(session, k: int, sample: int | None) -> Caption:
    n_layers = session.n_layers
    spec = session.network.layers[k - 1]
    prev = _input_of(k)
    z = f"z_{{{k}}} = {prev}·W_{{{k}}}" + ("" if spec.get("batch_norm") else f" + b_{{{k}}}")
    extra = (_t(QT_TRANSLATE_NOOP("Narration", ", normalised over the batch, × γ + β"))
             if spec.get("batch_norm") else "")
    f = spec["activation"]
    act = f"a_{{{k}}} = {f}(z_{{{k}}})" if k < n_layers else f"ŷ = {f}(z_{{{k}}})"
    if spec.get("dropout", 0) > 0:
        extra += _t(QT_TRANSLATE_NOOP("Narration", "; dropout silences {0} of the units (greyed)")).format(
            f"{spec['dropout']:.0%}")
    if spec.get("residual"):
        act += f" + {prev}"
    batch = session.batch
    which = (_t(QT_TRANSLATE_NOOP("Narration", "Neurons show the batch mean.")) if sample is None
             else _t(QT_TRANSLATE_NOOP("Narration", "Neurons show sample {0} of {1}.")).format(
                 sample + 1, len(batch) if batch is not None else 0))
    return Caption(_t(QT_TRANSLATE_NOOP("Narration", "**Forward, {0}**: {1}{2}; {3}.")).format(
        _layer_name(k, n_layers), z, extra, act), which)


def _loss(session) -> Caption:
    t = session.trace
    pen = _t(QT_TRANSLATE_NOOP("Narration", " (data {0} + penalty {1})")).format(
        format_number(t.data_loss), format_number(t.penalty)) if t.penalty else ""
    return Caption(_t(QT_TRANSLATE_NOOP("Narration", "**Loss** = {0} = **{1}**{2}, the mean over the mini-batch "
                                        "of {3} samples. Next, backward computes its gradient.")).format(
        f"{session.prep.loss}(ŷ, y)", format_number(t.loss), pen, len(session.batch)))


def gradient_norm(session, k: int) -> float:
    """‖dL/dW_k‖ of this step's gradient of layer ``k`` (1-based); NaN before backward reaches it."""
    grads = session.grads
    g = grads[k - 1] if grads is not None else None
    if g is None:
        return math.nan
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.sqrt(np.sum(np.square(g["W"], dtype=np.float64))))


def _backward(session, k: int) -> Caption:
    n_layers = session.n_layers
    if k == n_layers:
        delta = _t(QT_TRANSLATE_NOOP("Narration", "{0} from the loss")).format(f"δ_{{{k}}} = dL/dz_{{{k}}}")
    else:
        f = session.network.layers[k - 1]["activation"]
        delta = f"δ_{{{k}}} = (δ_{{{k + 1}}}·W_{{{k + 1}}}ᵀ) ⊙ {f}′(z_{{{k}}})"
    norm = format_number(gradient_norm(session, k), 3)
    return Caption(_t(QT_TRANSLATE_NOOP("Narration", "**Backward, {0}**: {1}; {2}, {3} = **{4}**.")).format(
        _layer_name(k, n_layers), delta, f"dL/dW_{{{k}}} = {_input_of(k)}ᵀ·δ_{{{k}}}", f"‖dL/dW_{{{k}}}‖", norm),
        _t(QT_TRANSLATE_NOOP("Narration", "Edges: |dL/dW| on a log scale; neurons: δ.")))


def _update(session, update_as_delta: bool) -> Caption:
    c = session.config
    rec = session.record
    opt = session.optimizer                 # the rule of the optimizer in use, not always SGD's
    lr = rec.lr if rec is not None else c["lr"]
    shows = (_t(QT_TRANSLATE_NOOP("Narration", "Edges show the change Δw of each weight (log scale)."))
             if update_as_delta else _t(QT_TRANSLATE_NOOP("Narration", "Edges show the new weights.")))
    clip = _t(QT_TRANSLATE_NOOP("Narration", ", gradient clipped to norm {0}")).format(
        f"{c['clip_norm']:g}") if c["clip_norm"] > 0 else ""
    return Caption(_t(QT_TRANSLATE_NOOP("Narration", "**Update**: {0} with {1}, lr {2}{3}.")).format(
        f"g = dL/dW; {rule_summary(opt.name, opt.hyper)}", opt.name, f"{lr:.3g}", clip), shows)
