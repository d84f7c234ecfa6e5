"""Backprop against central differences, over many random networks.

Every parameter gradient, and every recorded intermediate gradient (grad_z,
grad_u, grad_a), is compared with a finite-difference estimate of the same
function: the same data, the same dropout masks, batch statistics recomputed.
"""

import os

import numpy as np
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from engine_helpers import (KINKED, assert_grad_matches, central_diff, loss_from_layer_output,
                            loss_from_u, loss_from_z, make_data, specs)
from nnviz.engine import Network, masks_of, numeric_grad

# NNVIZ_GRADCHECK_EXAMPLES raises the number of random networks for a longer search.
EXAMPLES = int(os.environ.get("NNVIZ_GRADCHECK_EXAMPLES", "120"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _away_from_kinks(net, trace):
    """Finite differences straddling a kink (relu at 0, ...) are meaningless: skip those draws."""
    for layer, lt in zip(net.layers, trace.layers):
        if layer["activation"] in KINKED and np.min(np.abs(lt.u)) < 1e-4:
            return False
    return True


def _setup(spec, batch, data_seed):
    net = Network.from_spec(spec)
    X, y = make_data(spec, batch, data_seed)
    trace = net.forward(X, training=True)
    assume(_away_from_kinks(net, trace))
    grads = net.backward(trace, y)
    return net, X, y, trace, grads


@SETTINGS
@given(specs(), st.integers(0, 1000))
def test_parameter_gradients_match_finite_differences(drawn, data_seed):
    spec, batch = drawn
    net, X, y, trace, grads = _setup(spec, batch, data_seed)
    masks = masks_of(trace)
    for i, layer_grads in enumerate(grads):
        assert set(layer_grads) == set(net.params[i])
        for key, g in layer_grads.items():
            assert_grad_matches(g, lambda h: numeric_grad(net, X, y, i, key, eps=h, masks=masks), f"layer {i} {key}")


@SETTINGS
@given(specs(), st.integers(0, 1000))
def test_intermediate_gradients_match_finite_differences(drawn, data_seed):
    spec, batch = drawn
    net, X, y, trace, grads = _setup(spec, batch, data_seed)
    for i, lt in enumerate(trace.layers):
        z, u = lt.z.copy(), lt.u.copy()
        assert_grad_matches(lt.grad_z, lambda h: central_diff(lambda v: loss_from_z(net, trace, i, v, y), z, h),
                            f"grad_z[{i}]")
        assert_grad_matches(lt.grad_u, lambda h: central_diff(lambda v: loss_from_u(net, trace, i, v, y), u, h),
                            f"grad_u[{i}]")
        if i < net.n_layers - 1:
            a = lt.a.copy()
            assert_grad_matches(lt.grad_a, lambda h: central_diff(
                lambda v: loss_from_layer_output(net, trace, i, v, y), a, h), f"grad_a[{i}]")
        assert lt.delta is lt.grad_z


@settings(max_examples=30, deadline=None)
@given(specs(), st.integers(0, 1000))
def test_eval_mode_gradients_match_finite_differences(drawn, data_seed):
    """Backward also holds in evaluation mode (running batch-norm statistics, no dropout)."""
    spec, batch = drawn
    net = Network.from_spec(spec)
    X, y = make_data(spec, batch, data_seed)
    for _ in range(2):                       # move the running statistics off their start values
        if batch > 1:
            net.forward(X, training=True)
    trace = net.forward(X, training=False)
    assume(_away_from_kinks(net, trace))
    grads = net.backward(trace, y)
    for i, layer_grads in enumerate(grads):
        for key, g in layer_grads.items():
            assert_grad_matches(g, lambda h: numeric_grad(net, X, y, i, key, eps=h, training=False),
                                f"eval layer {i} {key}")


def test_output_grad_a_is_the_derivative_with_respect_to_the_output():
    spec = {"input_size": 2, "layers": [{"size": 3, "activation": "linear"}], "loss": "mse"}
    net = Network.from_spec(spec)
    X = np.array([[0.5, -1.0], [2.0, 0.3]])
    y = np.array([[1.0, 0.0, -1.0], [0.5, 0.5, 0.5]])
    trace = net.forward(X)
    net.backward(trace, y)
    np.testing.assert_allclose(trace.layers[-1].grad_a, 2 * (trace.output - y) / 6, rtol=1e-12)


def test_step_activation_gets_no_gradient():
    spec = {"input_size": 2, "layers": [{"size": 4, "activation": "step"}, {"size": 1, "activation": "sigmoid"}],
            "loss": "bce"}
    net = Network.from_spec(spec)
    X = np.random.default_rng(1).normal(size=(8, 2))
    y = (X[:, :1] > 0).astype(float)
    trace = net.forward(X)
    grads = net.backward(trace, y)
    assert np.all(grads[0]["W"] == 0) and np.all(grads[0]["b"] == 0)
    assert np.any(grads[1]["W"] != 0)


def test_backward_can_stop_at_a_layer():
    spec = {"input_size": 2, "layers": [{"size": 3, "activation": "tanh"}] * 3 + [{"size": 1, "activation": "linear"}]}
    net = Network.from_spec(spec)
    X, y = np.ones((4, 2)), np.zeros((4, 1))
    trace = net.forward(X)
    partial = net.backward(trace, y, layers_down_to=2)
    assert partial[0] is None and partial[1] is None and partial[2] is not None
    full = net.backward(net.forward(X), y)
    np.testing.assert_array_equal(partial[3]["W"], full[3]["W"])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs(), st.integers(0, 1000), st.data())
def test_switched_off_neurons_output_zero_and_gradients_still_match(drawn, data_seed, data):
    spec, batch = drawn
    assume(len(spec["layers"]) > 1)
    net = Network.from_spec(spec)
    layer = data.draw(st.integers(0, len(spec["layers"]) - 2))
    size = spec["layers"][layer]["size"]
    off = data.draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=size, unique=True))
    net.set_disabled(layer, off)
    X, y = make_data(spec, batch, data_seed)
    trace = net.forward(X, training=True)
    assume(_away_from_kinks(net, trace))
    lt = trace.layers[layer]
    expected = lt.inp[:, off] if spec["layers"][layer]["residual"] else 0.0
    np.testing.assert_array_equal(lt.a[:, off], expected)
    grads = net.backward(trace, y)
    masks = masks_of(trace)
    for i, layer_grads in enumerate(grads):
        for key, g in layer_grads.items():
            assert_grad_matches(g, lambda h: numeric_grad(net, X, y, i, key, eps=h, masks=masks), f"layer {i} {key}")
    if spec["regularization"]["kind"] == "none":       # only the penalty moves a silenced neuron's weights
        assert np.all(grads[layer]["W"][:, off] == 0)
