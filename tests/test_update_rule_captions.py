"""The update phase names the rule of the optimizer in use, the same in the caption, presenter mode and inspector."""

import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.session.narration import phase_caption
from nnviz.session.update_rules import rule_summary
from nnviz.ui.panels.inspector_text import edge_html
from nnviz.ui.widgets.theme import get_theme

SMALL = {"dataset": "xor", "n_samples": 40, "noise": 0.05, "seed": 0, "batch_size": 8, "lr": 0.05,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}
OPTIMIZERS = [("sgd", {}), ("sgd", {"momentum": 0.9}), ("sgd", {"momentum": 0.9, "nesterov": True}),
              ("sgd", {"weight_decay": 0.01}), ("adagrad", {}), ("rmsprop", {}), ("rmsprop", {"centered": True}),
              ("adam", {}), ("adamw", {}), ("nadam", {})]
# The line of the rule that only this optimizer (with these options) has.
OWN = ["W ← W − lr·g", "W ← W − lr·buf", "W ← W − lr·(g + μ·buf)", "g ← g + wd·W", "√G + ε", "W ← W − lr·g / (√v + ε)",
       "√(v − ḡ²) + ε", "W ← W − lr·m̂ / (√v̂ + ε)", "lr·λ·W", "Πμ"]


def _second_update(name, options):
    s = Session({**SMALL, "optimizer": name, "optimizer_options": options})
    s.advance("step")                                   # the second step has optimizer state from the first
    while s.advance("phase").kind != "update":
        pass
    return s


@pytest.mark.parametrize("k", range(len(OPTIMIZERS)))
def test_caption_and_inspector_show_the_optimizers_rule(k):
    name, options = OPTIMIZERS[k]
    s = _second_update(name, options)
    summary = rule_summary(name, s.optimizer.hyper)
    text = phase_caption(s).text
    assert f"g = dL/dW; {summary} with {name}, lr 0.05" in text and OWN[k] in summary
    if name != "sgd" or options.get("momentum"):
        assert not summary.endswith("W ← W − lr·g")     # not the plain SGD rule
    # the per-weight lines of the inspector hold the same accumulators as the one-line summary
    info = s.inspect_edge(2, 1, 0)
    for line in info["rule"]["rule"]:
        symbols = line.split("  (")[0]
        if symbols.split(" ←")[0] in ("m", "v", "G", "ḡ", "buf", "g") and not (name == "rmsprop" and "buf" in line):
            assert symbols in summary, (line, summary)
        if symbols.startswith("ΔW = −") and name in ("sgd", "adagrad", "adam", "adamw"):
            assert summary.endswith("W ← W − " + symbols[len("ΔW = −"):]), (line, summary)
    page = edge_html(info, {"n_layers": s.n_layers, "phase": "update", "step": s.step, "hyper": s.optimizer.hyper},
                     get_theme("light"))
    assert f"Update ({name}" in page
    if name in ("adagrad", "rmsprop"):                  # these print the rule's lines and numbers, not bare state
        assert "optimizer state" not in page
        assert ("√G + ε" if name == "adagrad" else "√(v − ḡ²) + ε" if options else "√v + ε") in page
        for worked in info["rule"]["worked"][:-1]:
            assert worked.replace("&", "&amp;") in page


def test_presenter_overlay_shows_adams_rule(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session({**SMALL, "optimizer": "adam"}), settings=settings)
    qtbot.addWidget(w)
    try:
        w.presenter.enter()
        w.presenter.set_reveal(True)
        s = w.session
        while s.phase.kind != "update":
            s.advance("phase")
        text = w.presenter.reveal_text()
        assert "m̂ / (√v̂ + ε)" in text and "lr = 0.05" in text and "W ← W − lr·g" not in text
        assert "dL/dW" in text
        w.presenter.leave()
    finally:
        w.play_timer.stop()
