"""ActivationView: the curves drawn are the engine's f and f', the histogram is the step's pre-activations,
the shaded regions are where f' dies, and the chooser picks the layer."""

import numpy as np
import pytest

from nnviz.engine.activations import activate, activate_back
from nnviz.session import Session
from nnviz.ui.plots.activations import BINS, ActivationView


@pytest.fixture
def view(qtbot):
    v = ActivationView()
    qtbot.addWidget(v)
    v.resize(700, 420)
    v.show()
    qtbot.waitExposed(v)
    return v


def _session(activation, steps=5, **extra):
    s = Session({"dataset": "circle", "n_samples": 60, "seed": 3, "batch_size": 12,
                 "hidden": [{"size": 4, "activation": activation}, {"size": 3, "activation": "tanh"}], **extra})
    s.run(steps)
    for _ in range(s.n_layers + 2):          # into the backward pass: the step's trace is known
        s.advance("phase")
    return s


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "linear", "step"])
def test_curves_are_the_engines_function_and_derivative(view, name):
    s = _session(name)
    curves = s.activation_curves(1)
    view.set_curves(curves)
    u = curves.u
    f = activate(name, u[:, None])[:, 0]
    df = activate_back(name, np.ones((len(u), 1)), u[:, None], f[:, None])[:, 0]
    x, y = view.drawn()["f"]
    np.testing.assert_array_equal(x, u)
    np.testing.assert_array_equal(y, f)
    np.testing.assert_array_equal(view.drawn()["df"][1], df)
    assert view.legend.items[0][1].text == f"f(u) = {name}(u)"


def test_histogram_is_the_steps_pre_activations(view):
    s = _session("tanh")
    view.set_curves(s.activation_curves(2))
    edges, share = view.drawn()["hist"]
    u_step = s.record.trace.layers[1].u
    counts, expected_edges = np.histogram(u_step, bins=BINS, range=(edges[0], edges[-1]))
    np.testing.assert_allclose(edges, expected_edges)
    np.testing.assert_allclose(share, counts / u_step.size)
    assert share.sum() == pytest.approx(1.0)       # the grid covers every value


def test_dead_and_saturated_regions_are_shaded(view):
    relu = _session("relu", steps=0)
    curves = relu.activation_curves(1)
    view.set_curves(curves)
    zero = [r for r in view.shaded() if r[2] == "zero"]
    assert zero and zero[0][0] == pytest.approx(curves.u[0]) and zero[0][1] < 0 <= zero[0][1] + 1e-2
    assert "f′ = 0" in [label.text for _s, label in view.legend.items]
    sigmoid = _session("sigmoid", steps=0, init_gain=8.0)    # large weights push units far from 0
    c = sigmoid.activation_curves(1)
    view.set_curves(c)
    kinds = {kind for _a, _b, kind in view.shaded()}
    assert kinds == {"small"} and c.small_share > 0
    assert f"{c.small_share:.0%}" in view.note.text()


def test_prelu_units_each_get_their_curve(view):
    s = _session("prelu")
    s.network.params[0]["alpha"][:] = [0.1, 0.2, 0.3, 0.4]
    curves = s.activation_curves(1)
    assert not curves.same_for_all_units
    view.set_curves(curves)
    x, y = view.drawn()["f"]
    assert np.isnan(x).sum() == 4 and len(x) == 4 * (len(curves.u) + 1)
    np.testing.assert_array_equal(y[len(curves.u) + 1:2 * len(curves.u) + 1], curves.f[:, 1])


def test_the_chooser_lists_layers_and_emits_the_choice(view, qtbot):
    s = _session("sigmoid")
    view.set_layers([layer["activation"] for layer in s.network.layers])
    assert [view.chooser.itemText(i) for i in range(view.chooser.count())] == [
        "layer 1 · sigmoid", "layer 2 · tanh", "layer 3 · sigmoid"]
    with qtbot.waitSignal(view.layerChosen, timeout=1000) as signal:
        view.chooser.activated.emit(1)
    assert signal.args == [2]
    view.set_curves(s.activation_curves(3))
    assert view.layer() == 3
