"""The phase caption: plain text from the session alone, the same for every surface."""

import subprocess
import sys

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.formatting import format_number
from nnviz.session.narration import Caption, gradient_norm, phase_caption

SMALL = {"dataset": "xor", "n_samples": 40, "noise": 0.05, "seed": 0, "batch_size": 8, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "relu"}]}


def _at(session, kind, layer=None):
    for _ in range(2 * session.n_layers + 2):
        ph = session.advance("phase")
        if ph.kind == kind and ph.layer == layer:
            return session
    raise AssertionError(f"phase {kind} {layer} not reached")


def test_ready_tells_which_keys_step():
    caption = phase_caption(Session(SMALL))
    assert isinstance(caption, Caption)
    assert caption.text.startswith("**Ready.**") and "**→**" in caption.text and caption.note == ""


def test_forward_names_the_layer_its_formula_and_the_sample_shown():
    s = _at(Session(SMALL), "forward", 2)
    caption = phase_caption(s, sample=2)
    assert caption.text == "**Forward, layer 2**: z_{2} = a_{1}·W_{2} + b_{2}; a_{2} = relu(z_{2})."
    assert caption.note == f"Neurons show sample 3 of {len(s.batch)}."
    assert phase_caption(s, sample=None).note == "Neurons show the batch mean."
    first = _at(Session(SMALL), "forward", 1)
    assert "z_{1} = x·W_{1} + b_{1}" in phase_caption(first).text


def test_output_layer_and_layer_options_change_the_formula():
    cfg = dict(SMALL, hidden=[{"size": 4, "activation": "tanh", "batch_norm": True, "dropout": 0.25},
                              {"size": 4, "activation": "tanh", "residual": True}])
    s = _at(Session(cfg), "forward", 1)
    text = phase_caption(s).text
    assert "+ b_{1}" not in text and "normalised over the batch, × γ + β" in text
    assert "dropout silences 25% of the units" in text
    s.advance("phase")
    assert phase_caption(s).text.endswith("a_{2} = tanh(z_{2}) + a_{1}.")
    s.advance("phase")
    assert phase_caption(s).text.startswith("**Forward, output layer**") and "ŷ = sigmoid(z_{3})" in phase_caption(s).text


def test_loss_shows_the_traced_loss():
    s = _at(Session(SMALL), "loss")
    text = phase_caption(s).text
    assert f"= **{format_number(s.trace.loss)}**" in text and f"mini-batch of {len(s.batch)} samples" in text
    assert "penalty" not in text
    reg = _at(Session(dict(SMALL, regularization="l2", reg_rate=0.01)), "loss")
    assert f"penalty {format_number(reg.trace.penalty)}" in phase_caption(reg).text


def test_backward_shows_the_gradient_norm_of_that_layer():
    s = _at(Session(SMALL), "backward", 2)
    expected = float(np.linalg.norm(s.grads[1]["W"]))
    assert gradient_norm(s, 2) == pytest.approx(expected, rel=1e-12)
    assert np.isnan(gradient_norm(s, 1))                   # backward has not reached layer 1 yet
    text = phase_caption(s).text
    assert text.startswith("**Backward, layer 2**") and f"**{format_number(expected, 3)}**" in text
    assert "δ_{2} = (δ_{3}·W_{3}ᵀ) ⊙ relu′(z_{2})" in text
    out = _at(Session(SMALL), "backward", 3)
    assert "δ_{3} = dL/dz_{3} from the loss" in phase_caption(out).text


def test_update_names_optimizer_rate_clipping_and_what_edges_show():
    s = _at(Session(dict(SMALL, optimizer="adam", lr=0.02, clip_norm=1.5)), "update")
    caption = phase_caption(s, update_as_delta=True)
    assert "with adam, lr 0.02, gradient clipped to norm 1.5." in caption.text
    assert caption.note == "Edges show the change Δw of each weight (log scale)."
    assert phase_caption(s).note == "Edges show the new weights."


def test_narration_loads_no_qt():
    code = ("import sys, nnviz.session.narration\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr


def test_captions_follow_the_display_language_with_formulas_kept_left_to_right():
    from nnviz.session.language import set_display_translation, translate

    s = _at(Session(SMALL), "backward", 2)
    english = phase_caption(s).text
    set_display_translation(lambda context, text: translate(context, text, "fa"))
    try:
        persian = phase_caption(s)
    finally:
        set_display_translation(lambda context, text: text)
    assert persian.text.startswith("**رو به عقب، لایهٔ 2**") and "Backward" not in persian.text
    assert "δ_{2} = (δ_{3}·W_{3}ᵀ) ⊙ relu′(z_{2})" in persian.text
    assert "\u2066dL/dW_{2} = a_{1}ᵀ·δ_{2}\u2069" in persian.text         # a left-to-right isolate
    assert persian.note.startswith("یال‌ها") and phase_caption(s).text == english
