"""The activation view's data: the engine's f and f', over the range the layer's units use."""

import numpy as np
import pytest

from nnviz.engine import HIDDEN_ACTIVATIONS
from nnviz.engine.activations import LEAKY_SLOPE, activate
from nnviz.session import Session
from nnviz.session.activation_curves import activation_curves


def _stepped(activation, gain=2.0, **config):
    s = Session({"dataset": "circle", "n_samples": 60, "seed": 1, "init_gain": gain,
                 "hidden": [{"size": 5, "activation": activation}, {"size": 3, "activation": "tanh"}], **config})
    s.advance("step")
    return s


def _central_difference(name, u, alpha=None, h=1e-6):
    return (activate(name, u + h, alpha) - activate(name, u - h, alpha)) / (2 * h)


@pytest.mark.parametrize("name", HIDDEN_ACTIVATIONS)
def test_curves_are_the_engines_function_and_its_derivative(name):
    s = _stepped(name)
    c = activation_curves(s, 1)
    alpha = s.network.params[0].get("alpha")
    units = np.repeat(c.u[:, None], 5, axis=1)
    assert c.activation == name and c.f.shape == c.df.shape == (len(c.u), 5)
    assert np.array_equal(c.f, activate(name, units, alpha))
    smooth = np.abs(c.u) > 1e-3                    # away from the kinks of relu, step, elu ...
    assert np.allclose(c.df[smooth], _central_difference(name, units, alpha)[smooth], atol=1e-7)
    assert c.same_for_all_units == (name != "prelu")


def test_the_grid_covers_the_steps_pre_activations_with_a_margin():
    s = _stepped("sigmoid", gain=4.0)
    c = activation_curves(s, 1)
    u = s.record.trace.layers[0].u
    assert c.u_source == "step" and np.array_equal(c.u_values, u)
    width = u.max() - u.min()
    assert c.u[0] == pytest.approx(u.min() - 0.25 * width) and c.u[-1] == pytest.approx(u.max() + 0.25 * width)


def test_before_the_first_step_the_training_set_is_shown():
    s = Session({"dataset": "circle", "n_samples": 60, "hidden": [{"size": 3, "activation": "relu"}]})
    c = s.activation_curves(1)                                    # the session's own entry point
    assert c.u_source == "training set" and c.u_values.shape == (len(s.prep.X_train), 3)
    assert c.u[0] <= -1 and c.u[-1] >= 1


def test_relu_has_a_zero_region_left_of_zero_and_sigmoid_saturated_tails():
    relu = activation_curves(_stepped("relu"), 1)
    assert [kind for *_, kind in relu.regions] == ["zero"]
    start, end, _ = relu.regions[0]
    assert start == relu.u[0] and end <= 0 and end > -2 * (relu.u[1] - relu.u[0])
    assert relu.small_share == pytest.approx(np.mean(relu.u_values <= 0))

    sig = activation_curves(_stepped("sigmoid", gain=6.0), 1)
    kinds = [kind for *_, kind in sig.regions]
    assert kinds == ["small", "small"]
    (lo_start, lo_end, _), (hi_start, hi_end, _) = sig.regions
    s_lo = activate("sigmoid", np.array([lo_end]))[0]
    assert s_lo * (1 - s_lo) < 0.05 * 0.25                       # below 5 % of the peak 1/4 ...
    s_next = activate("sigmoid", np.array([lo_end + (sig.u[1] - sig.u[0])]))[0]
    assert s_next * (1 - s_next) >= 0.05 * 0.25                  # ... up to the region's edge
    assert np.isclose(-lo_end, hi_start, atol=2 * (sig.u[1] - sig.u[0]))
    f = activate("sigmoid", sig.u_values)
    assert sig.small_share == pytest.approx(np.mean(f * (1 - f) < 0.05 * 0.25))


def test_step_is_zero_everywhere_and_leaky_relu_is_only_small():
    step = activation_curves(_stepped("step"), 1)
    assert step.regions == [(step.u[0], step.u[-1], "zero")] and step.small_share == 1.0
    leaky = activation_curves(_stepped("leaky_relu"), 1)
    assert [kind for *_, kind in leaky.regions] == ["small"]
    assert np.all(leaky.df[leaky.u <= 0] == LEAKY_SLOPE)
    assert activation_curves(_stepped("linear"), 1).regions == []


def test_prelu_uses_each_units_own_slope():
    s = _stepped("prelu")
    s.set_param(1, "alpha", 2, 0.6)
    c = activation_curves(s, 1)
    left = c.u < 0
    assert np.allclose(c.df[left, 2], 0.6) and np.allclose(c.df[left, 0], s.network.params[0]["alpha"][0])
    assert not c.same_for_all_units


def test_softmax_shows_one_logit_varying_and_the_jacobian_diagonal():
    s = Session({"dataset": "spiral3", "n_samples": 60, "hidden": [{"size": 4, "activation": "relu"}]})
    s.advance("step")
    c = activation_curves(s, 2)
    assert c.activation == "softmax" and c.f.shape[1] == 3
    expected = np.exp(c.u) / (np.exp(c.u) + 2.0)                 # other two logits at 0
    assert np.allclose(c.f, expected[:, None], rtol=1e-12)
    assert np.allclose(c.df, (expected * (1 - expected))[:, None], rtol=1e-12)


def test_a_bad_layer_is_named():
    with pytest.raises(ValueError, match="no layer 4"):
        activation_curves(_stepped("tanh"), 4)
