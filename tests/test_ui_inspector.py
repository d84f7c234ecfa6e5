"""InspectorPanel: the numbers shown are the session's, the chain rule adds up, edits and checks work."""

import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.session import Session
from nnviz.ui.panels.inspector import InspectorPanel
from nnviz.ui.panels.inspector_text import NOT_YET, error_color, fmt, ok_color
from nnviz.ui.widgets.lesson_demo import demo_session
from nnviz.ui.widgets.theme import THEME_NAMES

ROOT = Path(__file__).resolve().parents[1]

CONFIG = {"dataset": "circle", "n_samples": 40, "batch_size": 6, "seed": 7, "optimizer": "adam", "lr": 0.05,
          "hidden": [{"size": 4, "activation": "tanh", "batch_norm": True},
                     {"size": 3, "activation": "relu", "dropout": 0.3}],
          "regularization": "l2", "reg_rate": 0.01}

SGD = {"dataset": "xor", "n_samples": 60, "batch_size": 12, "seed": 1, "optimizer": "sgd", "lr": 0.3,
       "hidden": [{"size": 4, "activation": "tanh"}]}


def _at(kind, layer=None, config=CONFIG):
    s = Session(config)
    while not (s.phase.kind == kind and (layer is None or s.phase.layer == layer)):
        s.advance("phase")
    return s


@pytest.fixture
def panel(qtbot):
    p = InspectorPanel()
    qtbot.addWidget(p)
    p.resize(440, 640)
    p.show()
    qtbot.waitExposed(p)
    return p


def _values_after(text, header, stop):
    """The table cells after the line ``header`` up to a line starting with ``stop``."""
    lines = [line.strip() for line in text.split("\n") if line]     # an empty cell reads " "
    start = lines.index(header) + 1
    end = next(k for k in range(start, len(lines)) if lines[k].startswith(stop))
    return lines[start:end]


# -- numbers --------------------------------------------------------------------------------
def test_empty_panel_says_what_to_do(panel):
    assert "Click a neuron or an edge" in panel.text()
    assert panel.last_info is None
    assert panel.run_gradient_check() is None
    assert panel.apply_edit("1") is False


def test_neuron_numbers_equal_the_trace(panel):
    s = _at("backward", 1)
    panel.show_neuron(s, 1, 2, sample=3)
    info, lt = panel.last_info, s.trace.layers[0]
    assert info == s.inspect_neuron(1, 2, 3)
    assert info["z"] == lt.z[3, 2] and info["xhat"] == lt.xhat[3, 2] and info["delta"] == lt.grad_z[3, 2]
    shown = panel.text()
    for value in (lt.z[3, 2], lt.mean[2], lt.var[2], lt.xhat[3, 2], lt.u[3, 2], lt.a[3, 2],
                  lt.grad_a[3, 2], lt.grad_u[3, 2], lt.grad_z[3, 2],
                  s.network.params[0]["gamma"][2], s.network.params[0]["beta"][2]):
        assert fmt(value) in shown, value
    # a person counts from 1: neuron index 2 is neuron 3, sample index 3 is sample 4
    for symbol in ("Neuron 3 of layer 1", "z3", "μ3", "σ3²", "a3", "δ3 = ∂L/∂z3", "γ3", "β3", "sample n = 4"):
        assert symbol in shown
    # batch norm's running (evaluation) statistics are shown too
    running = s.network.buffers[0]
    assert fmt(running["running_mean"][2]) in shown and fmt(running["running_var"][2]) in shown
    assert "running μ3" in shown and "running σ3²" in shown
    # the sample box follows the selection, counts from 1 and picks another sample
    assert panel.sample_spin.isVisibleTo(panel) and panel.sample_spin.maximum() == 6
    assert panel.sample_spin.value() == 4
    panel.sample_spin.setValue(5)
    assert panel.selection() == ("neuron", 1, 2, 4)
    assert panel.last_info["z"] == lt.z[4, 2] and fmt(lt.z[4, 2]) in panel.text()


def test_unknown_quantities_say_not_computed_yet(panel):
    s = _at("forward", 1)
    panel.show_neuron(s, 2, 0)
    assert panel.last_info["known"] is False
    assert NOT_YET in panel.text() and "layer 2" in panel.text()
    panel.show_neuron(s, 1, 0)
    assert "delta" not in panel.last_info
    assert fmt(panel.last_info["z"]) in panel.text()
    assert f"∂L/∂a, δ: {NOT_YET}" in panel.text()
    panel.show_edge(s, 1, 0, 0)
    assert f"∂L/∂W: {NOT_YET}" in panel.text()
    assert fmt(s.network.params[0]["W"][0, 0]) in panel.text()


def test_edge_chain_rule_terms_sum_to_the_gradient(panel):
    s = _at("backward", 2)
    panel.show_edge(s, 2, 1, 2)
    info = panel.last_info
    assert info == s.inspect_edge(2, 1, 2)
    assert math.fsum(info["terms"]) + info["penalty_grad"] == pytest.approx(info["grad"], rel=1e-12)
    text = panel.text()
    assert "Weight W₂[2,3]" in text and "from neuron 2 of layer 1 to neuron 3 of layer 2" in text
    cells = _values_after(text, "δ3 · a2", "Σ")
    rows = [cells[k:k + 4] for k in range(0, len(cells), 4)]
    assert len(rows) == 6                                    # 5 terms listed, then "… + 1 more"
    for n, (index, delta, a, term) in enumerate(rows[:5]):
        assert (index, delta, a, term) == (str(n + 1), fmt(info["delta"][n]), fmt(info["source_a"][n]),
                                           fmt(info["terms"][n]))
    assert rows[5][0] == "…" and rows[5][2] == "+ 1 more"
    shown_sum = sum(float(row[3]) for row in rows)
    assert shown_sum == pytest.approx(info["data_grad"], rel=1e-3)
    assert fmt(info["data_grad"]) in text and fmt(info["grad"]) in text and fmt(info["penalty_grad"]) in text
    assert "2λ·W" in text                                   # the L2 penalty term is written out
    assert float(fmt(info["data_grad"])) + float(fmt(info["penalty_grad"])) == pytest.approx(
        float(fmt(info["grad"])), rel=1e-3)


def test_edge_at_update_shows_adams_step_and_the_new_weight(panel):
    s = _at("update")
    panel.show_edge(s, 3, 2, 0)
    info = panel.last_info
    text = panel.text()
    for key in ("m_hat", "v_hat", "step", "w_before", "w_after", "applied_grad"):
        assert fmt(info[key]) in text, key
    assert "Update (adam, lr = 0.05, t = 1)" in text
    assert "m̂" in text and "v̂" in text and "√v̂ + ε" in text
    assert info["w_after"] == s.network.params[2]["W"][2, 0]


def test_edge_at_update_shows_sgd_step(panel):
    s = _at("update", config=SGD)
    panel.show_edge(s, 2, 3, 0)
    info = panel.last_info
    text = panel.text()
    assert "−lr · g" in text and fmt(info["step"]) in text and fmt(info["w_after"]) in text
    assert fmt(info["applied_grad"]) in text
    assert "no L1/L2 penalty" in text


def test_layer_page(panel):
    s = _at("update")
    panel.show_layer(s, 2)
    text = panel.text()
    assert "Layer 2" in text and "4×3" in text and "relu" in text
    assert fmt(s.metrics.last("grad_norm")[1]) in text
    assert s.health()[1] in text


# -- refresh --------------------------------------------------------------------------------
def test_refresh_follows_the_phase(panel):
    s = _at("backward", 3)
    panel.show_edge(s, 3, 0, 0)
    assert "Update (" not in panel.text()
    s.advance("phase")                                  # backward 2
    s.advance("phase")                                  # backward 1
    s.advance("phase")                                  # update
    panel.refresh()
    assert s.phase.kind == "update" and "Update (adam" in panel.text()
    assert panel.last_info["w_after"] == s.network.params[2]["W"][0, 0]


def test_selection_that_disappears_is_reported_not_raised(panel):
    s = _at("update")
    panel.show_neuron(s, 2, 2)
    s.configure(hidden=[{"size": 4, "activation": "tanh", "batch_norm": True},
                        {"size": 2, "activation": "relu"}])
    panel.refresh()
    assert "no longer exists" in panel.text() and panel.last_info is None
    assert not panel.check_button.isVisibleTo(panel)


# -- editing --------------------------------------------------------------------------------
def test_typing_a_weight_changes_the_network(panel, qtbot):
    s = _at("backward", 2)
    panel.show_edge(s, 2, 1, 2)
    assert panel.param_label.text() == "W₂[2,3] ="
    assert float(panel.value_edit.text()) == pytest.approx(s.network.params[1]["W"][1, 2])
    panel.value_edit.setFocus()
    panel.value_edit.setText("0.75")
    with qtbot.waitSignal(panel.edited, timeout=2000):
        qtbot.keyClick(panel.value_edit, QtCore.Qt.Key.Key_Return)
    assert s.network.params[1]["W"][1, 2] == 0.75
    assert s.phase.kind == "ready"                      # the shown step was cancelled
    assert panel.last_info["w"] == 0.75 and "0.75" in panel.text()
    assert panel.error_text() == ""


def test_typing_a_bias_with_the_set_button(panel, qtbot):
    s = _at("forward", 2, config=SGD)
    panel.show_neuron(s, 1, 3)
    assert panel.param_label.text() == "b₁[4] ="
    panel.value_edit.setText("−0.25")                  # a typographic minus is accepted
    qtbot.mouseClick(panel.set_button, QtCore.Qt.MouseButton.LeftButton)
    assert s.network.params[0]["b"][3] == -0.25
    assert panel.last_info["bias"] == -0.25


def test_batch_norm_neuron_edits_beta(panel):
    s = _at("forward", 1)
    panel.show_neuron(s, 1, 0)
    assert panel.param_label.text() == "β₁[1] ="
    assert panel.apply_edit("0.5")
    assert s.network.params[0]["beta"][0] == 0.5


@pytest.mark.parametrize("typed, message", [("abc", "'abc' is not a number"), ("", "type a number"),
                                            ("inf", "finite"), ("1e999", "finite")])
def test_bad_input_shows_an_inline_error(panel, typed, message):
    s = _at("backward", 2)
    before = s.network.flat.copy()
    panel.show_edge(s, 2, 0, 0)
    panel.value_edit.setText(typed)
    assert panel.apply_edit() is False
    assert message in panel.error_text()
    assert panel.error_label.isVisibleTo(panel)
    np.testing.assert_array_equal(s.network.flat, before)
    assert s.phase.kind == "backward"
    # the next good edit clears the message
    assert panel.apply_edit("0.1")
    assert panel.error_text() == ""


def test_switching_a_hidden_neuron_off_and_on(panel, qtbot):
    s = _at("forward", 2, config=SGD)
    panel.show_neuron(s, 1, 2)
    assert panel.enabled_check.isVisibleTo(panel) and panel.enabled_check.isChecked()
    with qtbot.waitSignal(panel.edited, timeout=2000):
        panel.enabled_check.setChecked(False)
    assert s.config["disabled_neurons"] == [[1, 2]]
    s.advance("step")                                   # finishes the step already shown
    s.advance("step")
    panel.refresh()
    assert bool(panel.last_info["switched_off"]) and panel.last_info["a"] == 0.0
    assert "switched off" in panel.text()
    assert not panel.enabled_check.isChecked()
    panel.enabled_check.setChecked(True)
    assert s.config["disabled_neurons"] == []
    panel.show_neuron(s, 2, 0)                          # the output neuron cannot be switched off
    assert not panel.enabled_check.isVisibleTo(panel)


# -- gradient check -------------------------------------------------------------------------
def test_gradient_check_of_an_edge(panel):
    s = _at("update")
    panel.show_edge(s, 2, 1, 2)
    check = panel.run_gradient_check()
    assert check is panel.last_check and check["labels"] == ["W₂[2,3]"]
    assert check["backprop"] == [s.record.grads[1]["W"][1, 2]]
    assert check["relative_error"] < 1e-6
    text = panel.text()
    assert "backprop and numeric gradients agree" in text
    assert fmt(check["backprop"][0]) in text and fmt(check["numeric"][0]) in text
    assert ok_color(panel.theme()) in panel.last_html


def test_gradient_check_of_a_neuron_covers_its_weights_and_bias(panel):
    s = _at("update")
    panel.show_neuron(s, 2, 1)
    check = panel.run_gradient_check()
    assert check["labels"] == ["W₂[1,2]", "W₂[2,2]", "W₂[3,2]", "W₂[4,2]", "b₂[2]"]
    np.testing.assert_allclose(check["backprop"][:4], s.record.grads[1]["W"][:, 1])
    assert check["relative_error"] < 1e-6
    panel.show_neuron(s, 1, 0)                          # batch norm: gamma and beta instead of b
    check = panel.run_gradient_check()
    assert check["labels"][-2:] == ["γ₁[1]", "β₁[1]"] and len(check["labels"]) == 4
    assert check["relative_error"] < 1e-6


def test_gradient_check_of_a_layer_stops_at_64(panel):
    s = demo_session("digits-features", steps=2, metrics=False)
    panel.show_layer(s, 1)
    check = panel.run_gradient_check()
    assert len(check["labels"]) == 64 and check["total"] == 64 * 32
    assert check["relative_error"] < 1e-6
    assert "(54 more not listed)" in panel.text() and "of 2048" in panel.text()


def test_gradient_check_before_a_step_is_an_inline_error(panel):
    s = Session(SGD)
    panel.show_edge(s, 1, 0, 0)
    assert panel.run_gradient_check() is None
    assert "take a step first" in panel.error_text()
    assert error_color(panel.theme()) in panel.error_label.styleSheet()


def test_gradient_check_is_cleared_by_a_new_step(panel):
    s = _at("update")
    panel.show_edge(s, 1, 0, 0)
    panel.run_gradient_check()
    panel.refresh()
    assert "Gradient check" in panel.text()             # same step: still shown
    s.advance("phase")                                  # the next step begins
    panel.refresh()
    assert panel.last_check is None and "Gradient check" not in panel.text()


# -- looks ----------------------------------------------------------------------------------
def test_every_control_has_a_tooltip(panel):
    controls = panel.findChildren(QtWidgets.QAbstractButton) + panel.findChildren(QtWidgets.QLineEdit) \
        + panel.findChildren(QtWidgets.QAbstractSpinBox) + [panel.browser]
    assert len(controls) >= 5
    for widget in controls:
        if not widget.objectName().startswith("qt_"):     # parts of a spin box
            assert widget.toolTip(), widget


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_themes_and_scale(panel, theme):
    s = _at("update")
    panel.show_edge(s, 1, 0, 1)
    panel.set_theme(theme)
    panel.set_line_scale(1.5)
    assert panel.theme().name == theme
    assert f"color:{panel.theme().foreground}" in panel.last_html
    image = panel.grab().toImage()
    assert image.pixelColor(2, 2).name() == panel.theme().background
    with pytest.raises(ValueError):
        panel.set_theme("neon")
    with pytest.raises(ValueError):
        panel.set_line_scale(-1)


def test_demo_runs_standalone(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", "nnviz.ui.panels.inspector_preview", "--lesson", "softmax-3-class",
         "--quit-after-ms", "200", "--screenshot", str(shot)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 1000


# -- the text alone -------------------------------------------------------------------------
def test_number_format():
    assert fmt(None) == "—" and fmt(float("nan")) == "NaN" and fmt(float("-inf")) == "-inf"
    assert fmt(-0.0) == "0" and fmt(0.0022512920590525196) == "0.0022513" and fmt(1.5e-12) == "1.5e-12"


def test_diverged_numbers_are_printed_not_raised():
    from nnviz.ui.panels.inspector_text import edge_html
    from nnviz.ui.widgets.theme import get_theme

    nan = float("nan")
    info = {"layer": 1, "source": 0, "target": 0, "w": nan, "known": True, "w_before": 1.0,
            "delta": [nan, 1.0], "source_a": [2.0, 3.0], "terms": [nan, 3.0], "n_terms": 2,
            "data_grad": nan, "penalty_grad": 0.0, "grad": nan, "applied_grad": nan,
            "optimizer": "sgd", "lr": 0.1, "t": 3, "state": {}, "w_after": nan, "step": nan}
    page = edge_html(info, {"n_layers": 2, "phase": "update", "step": 2, "hyper": {}}, get_theme("light"))
    assert "NaN" in page and "after clipping" not in page      # NaN == NaN here: nothing was clipped


def test_tiny_gradients_explain_a_large_relative_error():
    from nnviz.ui.panels.inspector_text import check_html
    from nnviz.ui.widgets.theme import get_theme

    check = {"labels": ["W[0, 0]"], "backprop": [2e-13], "numeric": [3e-13], "relative_error": 0.2, "total": 1}
    page = check_html(check, get_theme("light"))
    assert "disagree" in page and "tiny" in page and error_color(get_theme("light")) in page
