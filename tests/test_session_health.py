"""Gradient health labels from hand-made per-layer numbers: each label, its order, the thresholds."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nnviz.session import HEALTH_DEFAULTS, Session
from nnviz.session.health import LABELS, describe_thresholds, layer_labels

T = dict(HEALTH_DEFAULTS)


def labels(acts, rms, delta=None, dead=None, sat=None, thresholds=T):
    n = len(acts)
    return layer_labels(acts, rms, dead or [0.0] * n, sat or [0.0] * n, thresholds, mean_abs_delta=delta)


def test_comparable_gradients_are_healthy():
    assert labels(["tanh", "relu", "sigmoid"], [0.5, 0.2, 0.1], [0.3, 0.2, 0.1]) == ["healthy"] * 3


def test_no_layers_no_labels():
    assert layer_labels([], [], [], [], T) == []


def test_vanishing_needs_both_the_delta_and_the_weight_gradient_tiny():
    acts = ["sigmoid", "sigmoid"]
    assert labels(acts, [1e-4, 0.1], [1e-4, 0.1]) == ["vanishing", "healthy"]
    # a tiny delta under large activations still moves the weights: not vanishing
    assert labels(acts, [0.05, 0.1], [1e-4, 0.1]) == ["healthy", "healthy"]
    # a tiny weight gradient from tiny activations, with a normal delta: not vanishing either
    assert labels(acts, [1e-4, 0.1], [0.05, 0.1]) == ["healthy", "healthy"]


def test_without_deltas_the_weight_gradient_alone_decides():
    assert labels(["sigmoid", "sigmoid"], [1e-4, 0.1]) == ["vanishing", "healthy"]
    assert labels(["sigmoid", "sigmoid"], [20.0, 0.1]) == ["exploding", "healthy"]


def test_vanishing_by_absolute_size():
    # ratios are fine (the whole net is tiny), but 1e-8 is below vanishing_abs
    assert labels(["tanh", "tanh"], [1e-8, 1e-8], [1e-8, 1e-8]) == ["vanishing", "vanishing"]


def test_exploding_when_either_measure_grows_past_the_ratio():
    acts = ["linear", "linear", "linear"]
    # deltas grow toward the input while dL/dW stays flat (large initial weights)
    assert labels(acts, [1.0, 1.0, 1.0], [500.0, 20.0, 1.0]) == ["exploding", "healthy", "healthy"]
    assert labels(acts, [500.0, 1.0, 1.0], [1.0, 1.0, 1.0]) == ["exploding", "healthy", "healthy"]


def test_exploding_by_absolute_size_and_by_non_finite_values():
    assert labels(["relu", "relu"], [150.0, 150.0], [1.0, 1.0]) == ["exploding", "exploding"]
    assert labels(["relu", "relu"], [math.nan, 1.0], [1.0, 1.0]) == ["exploding", "healthy"]
    assert labels(["relu", "relu"], [1.0, 1.0], [math.inf, 1.0]) == ["exploding", "healthy"]


def test_a_useless_reference_turns_the_ratios_off():
    # output layer non-finite: it is exploding, the others are judged on their own
    assert labels(["tanh", "tanh"], [0.1, math.inf], [0.1, math.nan]) == ["healthy", "exploding"]
    # output layer exactly zero: no ratio, so no vanishing/exploding by ratio
    assert labels(["tanh", "tanh"], [0.1, 0.0], [0.1, 0.0]) == ["healthy", "vanishing"]


def test_dead_only_for_plain_relu():
    # leaky ReLU, PReLU and ELU keep a nonzero slope for u < 0: their units never die
    dead = [0.5, 0.5, 0.5, 0.5, 0.5, 0.0]
    acts = ["relu", "leaky_relu", "prelu", "elu", "tanh", "sigmoid"]
    assert labels(acts, [0.1] * 6, [0.1] * 6, dead=dead) == ["dead"] + ["healthy"] * 5
    assert labels(["relu", "sigmoid"], [0.1, 0.1], [0.1, 0.1], dead=[0.49, 0.0]) == ["healthy"] * 2


def test_saturated_only_for_sigmoid_and_tanh():
    sat = [0.6, 0.6, 0.6, 0.0]
    assert labels(["tanh", "sigmoid", "relu", "sigmoid"], [0.1] * 4, [0.1] * 4, sat=sat) == [
        "saturated", "saturated", "healthy", "healthy"]


def test_order_of_precedence_exploding_dead_vanishing_saturated():
    # exploding beats dead
    assert labels(["relu", "relu"], [500.0, 1.0], [500.0, 1.0], dead=[0.9, 0.0])[0] == "exploding"
    # dead beats vanishing
    assert labels(["relu", "relu"], [1e-5, 1.0], [1e-5, 1.0], dead=[0.9, 0.0])[0] == "dead"
    # vanishing beats saturated
    assert labels(["tanh", "tanh"], [1e-5, 1.0], [1e-5, 1.0], sat=[0.9, 0.0])[0] == "vanishing"
    # exploding beats saturated
    assert labels(["tanh", "tanh"], [500.0, 1.0], [500.0, 1.0], sat=[0.9, 0.0])[0] == "exploding"


def test_thresholds_are_honoured():
    loose = {**T, "vanishing_ratio": 1e-5, "exploding_ratio": 1e5}
    acts = ["sigmoid", "sigmoid", "sigmoid"]
    rms, delta = [1e-4, 500.0, 1.0], [1e-4, 500.0, 1.0]
    assert labels(acts, rms, delta) == ["vanishing", "exploding", "healthy"]
    assert labels(acts, rms, delta, thresholds={**loose, "exploding_abs": 1e4}) == ["healthy"] * 3
    assert labels(["relu", "tanh"], [0.1, 0.1], [0.1, 0.1], dead=[0.3, 0.0], sat=[0.3, 0.0],
                  thresholds={**T, "dead_share": 0.25, "saturated_share": 0.25}) == ["dead", "healthy"]
    assert labels(["tanh", "relu"], [0.1, 0.1], [0.1, 0.1], sat=[0.3, 0.0],
                  thresholds={**T, "saturated_share": 0.25}) == ["saturated", "healthy"]


def test_session_uses_the_configs_thresholds():
    config = {"dataset": "circle", "n_samples": 60, "hidden": [{"size": 6, "activation": "sigmoid"}] * 6,
              "batch_size": 10, "seed": 1, "lr": 0.1}
    s = Session(config)
    s.run(3)
    assert s.health()[0] == "vanishing"
    s.configure(health={"vanishing_ratio": 1e-9, "vanishing_abs": 1e-12})
    assert s.health()[0] == "healthy"
    assert "1e-09x" in s.health_text()


def test_description_names_every_rule_with_its_numbers():
    text = describe_thresholds({**T, "exploding_ratio": 42.0, "dead_share": 0.3})
    for word in ("exploding", "dead", "vanishing", "saturated", "diverged", "42x", "30%", "dL/dz", "dL/dW"):
        assert word in text


finite = st.floats(min_value=1e-6, max_value=1e6, allow_nan=False)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(finite, finite, st.floats(0, 1), st.floats(0, 1),
                          st.sampled_from(["relu", "tanh", "sigmoid", "linear", "leaky_relu"])),
                min_size=1, max_size=8),
       st.integers(min_value=-10, max_value=10))
def test_labels_are_valid_and_ignore_the_loss_scale(layers, power):
    scale = 2.0 ** power                                     # exact in floating point
    rms, delta, dead, sat, acts = (list(column) for column in zip(*layers))
    no_abs = {**T, "vanishing_abs": 1e-300, "exploding_abs": math.inf}
    base = layer_labels(acts, rms, dead, sat, no_abs, mean_abs_delta=delta)
    assert len(base) == len(layers) and set(base) <= set(LABELS)
    assert base[-1] not in ("vanishing", "exploding")        # the reference layer
    scaled = layer_labels(acts, list(np.multiply(rms, scale)), dead, sat, no_abs,
                          mean_abs_delta=list(np.multiply(delta, scale)))
    assert scaled == base


@pytest.mark.parametrize("label", LABELS)
def test_every_label_is_reachable(label):
    cases = {"healthy": (["tanh", "tanh"], [0.1, 0.1], [0.0, 0.0], [0.0, 0.0]),
             "vanishing": (["tanh", "tanh"], [1e-5, 0.1], [0.0, 0.0], [0.0, 0.0]),
             "exploding": (["tanh", "tanh"], [50.0, 0.1], [0.0, 0.0], [0.0, 0.0]),
             "dead": (["relu", "tanh"], [0.1, 0.1], [1.0, 0.0], [0.0, 0.0]),
             "saturated": (["tanh", "tanh"], [0.1, 0.1], [0.0, 0.0], [1.0, 0.0])}
    acts, rms, dead, sat = cases[label]
    assert layer_labels(acts, rms, dead, sat, T, mean_abs_delta=rms)[0] == label


def _all_negative_session(activation):
    """A net whose single hidden layer has u < 0 on every training sample (weights set by hand)."""
    s = Session({"dataset": "circle", "n_samples": 40, "hidden": [{"size": 4, "activation": activation}],
                 "batch_size": 40, "seed": 0, "lr": 0.1})
    s.network.params[0]["W"][...] = 0.0
    s.network.params[0]["b"][...] = -1.0
    s.run(1)
    return s


@pytest.mark.parametrize("activation", ["leaky_relu", "elu", "prelu"])
def test_units_with_a_slope_below_zero_are_never_dead(activation):
    s = _all_negative_session(activation)
    trace = s.network.forward(s.prep.X_train, training=False)
    assert np.all(trace.layers[0].u < 0)                       # inactive on every sample ...
    assert np.all(np.abs(s.record.grads[0]["b"]) > 0)          # ... yet each unit still gets a gradient
    assert s.metrics.dead_share[-1][0] == 0.0
    assert s.health()[0] != "dead"


def test_relu_units_negative_on_every_sample_are_dead():
    s = _all_negative_session("relu")
    assert np.all(s.record.grads[0]["b"] == 0.0)               # derivative exactly zero everywhere
    assert s.metrics.dead_share[-1][0] == 1.0
    assert s.health()[0] == "dead"


def test_exploding_init_after_one_step_is_labelled_consistently():
    """Every layer's weight gradient is tens of times a normal one: all exploding, none dead or healthy."""
    s = Session.from_lesson("exploding-init")
    s.run(1)
    assert min(s.metrics.grad_rms[0]) > HEALTH_DEFAULTS["exploding_abs"]
    assert s.health() == ["exploding"] * s.n_layers
