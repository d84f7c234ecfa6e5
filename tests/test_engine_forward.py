"""Forward values, losses, batch norm, dropout, initializers and NaN handling,
each against a formula written out by hand."""

import subprocess
import sys

import numpy as np
import pytest

from nnviz.engine import Network
from nnviz.engine.activations import activate


def _net(layers, input_size=2, **top):
    return Network.from_spec({"input_size": input_size, "layers": layers, **top})


def test_forward_follows_the_layer_formulas():
    net = _net([{"size": 3, "activation": "tanh"}, {"size": 1, "activation": "linear"}])
    net.params[0]["b"][:] = [0.1, -0.2, 0.3]
    X = np.array([[1.0, 2.0], [-0.5, 0.25]])
    trace = net.forward(X)
    z1 = X @ net.params[0]["W"] + net.params[0]["b"]
    np.testing.assert_array_equal(trace.layers[0].z, z1)
    np.testing.assert_array_equal(trace.layers[0].a, np.tanh(z1))
    np.testing.assert_allclose(trace.output, np.tanh(z1) @ net.params[1]["W"], rtol=1e-15)
    assert trace.layers[0].xhat is None and trace.layers[0].dropout_mask is None


@pytest.mark.parametrize("name, expected", [
    ("linear", [-2.0, 0.0, 3.0]),
    ("step", [0.0, 0.0, 1.0]),
    ("sigmoid", [1 / (1 + np.exp(2.0)), 0.5, 1 / (1 + np.exp(-3.0))]),
    ("tanh", np.tanh([-2.0, 0.0, 3.0])),
    ("relu", [0.0, 0.0, 3.0]),
    ("leaky_relu", [-0.02, 0.0, 3.0]),
    ("prelu", [-0.5, 0.0, 3.0]),
    ("elu", [np.exp(-2.0) - 1, 0.0, 3.0]),
])
def test_activation_values(name, expected):
    u = np.array([[-2.0, 0.0, 3.0]])
    np.testing.assert_allclose(activate(name, u, np.full(3, 0.25)), [expected], rtol=1e-14)


def test_softmax_of_the_lecture_logits():
    probs = activate("softmax", np.array([[-0.21, 0.47, 1.72]]))
    np.testing.assert_allclose(probs, [[0.1, 0.2, 0.7]], atol=0.01)
    assert probs.sum() == pytest.approx(1.0)


def test_sigmoid_is_stable_for_huge_inputs():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out = activate("sigmoid", np.array([[-1000.0, 1000.0]]))
    np.testing.assert_array_equal(out, [[0.0, 1.0]])


def test_losses_match_their_textbook_forms():
    X = np.array([[0.3, -0.7], [1.2, 0.4], [-0.5, 0.9]])
    bce = _net([{"size": 1, "activation": "sigmoid"}], loss="bce", seed=3)
    y = np.array([[1.0], [0.0], [1.0]])
    t = bce.forward(X)
    bce.backward(t, y)
    p = t.output
    assert t.data_loss == pytest.approx(float(np.mean(-(y * np.log(p) + (1 - y) * np.log(1 - p)))), rel=1e-12)
    ce = _net([{"size": 3, "activation": "softmax"}], loss="cross_entropy", seed=3)
    labels = np.array([2, 0, 1])
    t = ce.forward(X)
    ce.backward(t, labels)
    assert t.data_loss == pytest.approx(float(-np.mean(np.log(t.output[np.arange(3), labels]))), rel=1e-12)
    mse = _net([{"size": 2, "activation": "linear"}], seed=3)
    target = np.ones((3, 2))
    t = mse.forward(X)
    mse.backward(t, target)
    assert t.data_loss == pytest.approx(float(np.mean((t.output - target) ** 2)), rel=1e-14)


def test_bce_from_the_logit_survives_saturation():
    net = _net([{"size": 1, "activation": "sigmoid"}], loss="bce")
    net.params[0]["W"][:] = 1000.0
    X, y = np.array([[1.0, 1.0]]), np.array([[0.0]])
    t = net.forward(X)
    grads = net.backward(t, y)
    assert t.data_loss == pytest.approx(2000.0)        # finite, where log(1 - sigmoid) would be -inf
    assert np.all(np.isfinite(grads[0]["W"]))


def test_penalties_are_added_to_the_loss_and_gradient():
    for kind, value, grad in (("l2", lambda W: np.sum(W ** 2), lambda W: 2 * W),
                              ("l1", lambda W: np.sum(np.abs(W)), np.sign)):
        net = _net([{"size": 2, "activation": "tanh"}, {"size": 1}], regularization={"kind": kind, "rate": 0.1})
        plain = _net([{"size": 2, "activation": "tanh"}, {"size": 1}])
        X, y = np.ones((2, 2)), np.zeros((2, 1))
        t, tp = net.forward(X), plain.forward(X)
        g, gp = net.backward(t, y), plain.backward(tp, y)
        assert t.penalty == pytest.approx(0.1 * sum(value(p["W"]) for p in net.params))
        assert t.loss == pytest.approx(tp.loss + t.penalty)
        np.testing.assert_allclose(g[0]["W"], gp[0]["W"] + 0.1 * grad(net.params[0]["W"]))
        np.testing.assert_array_equal(g[0]["b"], gp[0]["b"])     # biases are not penalised


def test_batch_norm_training_and_running_statistics():
    net = _net([{"size": 3, "activation": "linear", "batch_norm": True}, {"size": 1}])
    assert "b" not in net.params[0] and set(net.params[0]) == {"W", "gamma", "beta"}
    X = np.random.default_rng(0).normal(size=(6, 2))
    t = net.forward(X, training=True)
    z = X @ net.params[0]["W"]
    xhat = (z - z.mean(0)) / np.sqrt(z.var(0) + 1e-5)
    np.testing.assert_allclose(t.layers[0].xhat, xhat, rtol=1e-12)
    np.testing.assert_allclose(net.buffers[0]["running_mean"], 0.1 * z.mean(0), rtol=1e-12)
    np.testing.assert_allclose(net.buffers[0]["running_var"], 0.9 + 0.1 * z.var(0, ddof=1), rtol=1e-12)
    e = net.forward(X, training=False)
    rm, rv = net.buffers[0]["running_mean"], net.buffers[0]["running_var"]
    np.testing.assert_allclose(e.layers[0].xhat, (z - rm) / np.sqrt(rv + 1e-5), rtol=1e-12)
    np.testing.assert_array_equal(net.buffers[0]["running_mean"], rm)   # eval leaves them alone


def test_batch_norm_needs_two_samples_in_training():
    net = _net([{"size": 3, "batch_norm": True}, {"size": 1}])
    with pytest.raises(ValueError, match="at least 2"):
        net.forward(np.ones((1, 2)), training=True)
    net.forward(np.ones((1, 2)), training=False)


def test_inverted_dropout_keeps_its_mask_and_scales():
    net = _net([{"size": 200, "activation": "relu", "dropout": 0.25}, {"size": 1}], seed=4)
    X = np.random.default_rng(1).normal(size=(50, 2))
    t = net.forward(X, training=True)
    lt = t.layers[0]
    assert set(np.unique(lt.dropout_mask)) == {0.0, 1.0}
    assert 0.2 < 1 - lt.dropout_mask.mean() < 0.3
    np.testing.assert_allclose(lt.a, lt.act * lt.dropout_mask / 0.75)
    e = net.forward(X, training=False)
    assert e.layers[0].dropout_mask is None
    np.testing.assert_array_equal(e.layers[0].a, e.layers[0].act)


def test_residual_adds_the_input():
    net = _net([{"size": 2, "activation": "tanh", "residual": True}, {"size": 1}])
    X = np.array([[0.5, -0.5]])
    lt = net.forward(X).layers[0]
    np.testing.assert_allclose(lt.a, np.tanh(X @ net.params[0]["W"]) + X)


@pytest.mark.parametrize("init, check", [
    ("xavier_uniform", lambda W, fi, fo: np.abs(W).max() <= np.sqrt(6 / (fi + fo))),
    ("he_uniform", lambda W, fi, fo: np.abs(W).max() <= np.sqrt(6 / fi)),
    ("uniform", lambda W, fi, fo: np.abs(W).max() <= 0.05),
    ("xavier_normal", lambda W, fi, fo: abs(W.std() / np.sqrt(2 / (fi + fo)) - 1) < 0.1),
    ("he_normal", lambda W, fi, fo: abs(W.std() / np.sqrt(2 / fi) - 1) < 0.1),
    ("normal", lambda W, fi, fo: abs(W.std() / 0.05 - 1) < 0.1),
    ("zeros", lambda W, fi, fo: not W.any()),
])
def test_initializers(init, check):
    net = _net([{"size": 300, "activation": "relu"}, {"size": 1}], input_size=200, init=init, seed=5)
    assert check(net.params[0]["W"], 200, 300)
    assert not net.params[0]["b"].any()


def test_init_gain_scales_and_seeds_reproduce():
    spec = {"input_size": 3, "layers": [{"size": 4, "activation": "tanh", "dropout": 0.5}, {"size": 1}], "seed": 11}
    a, b = Network.from_spec(spec), Network.from_spec(spec)
    np.testing.assert_array_equal(a.params[0]["W"], b.params[0]["W"])
    X = np.ones((5, 3))
    np.testing.assert_array_equal(a.forward(X).layers[0].dropout_mask, b.forward(X).layers[0].dropout_mask)
    scaled = Network.from_spec({**spec, "init_gain": 10.0})
    np.testing.assert_allclose(scaled.params[0]["W"], 10 * a.params[0]["W"])
    other = Network.from_spec({**spec, "seed": 12})
    assert not np.array_equal(other.params[0]["W"], a.params[0]["W"])


def test_prelu_starts_at_a_quarter():
    net = _net([{"size": 3, "activation": "prelu"}, {"size": 1}])
    np.testing.assert_array_equal(net.params[0]["alpha"], [0.25] * 3)


def test_float32_networks_stay_float32():
    net = _net([{"size": 4, "activation": "tanh", "batch_norm": True}, {"size": 1, "activation": "sigmoid"}],
               loss="bce", dtype="float32")
    t = net.forward(np.ones((3, 2)))
    grads = net.backward(t, np.ones((3, 1)))
    assert all(p.dtype == np.float32 for layer in net.params for p in layer.values())
    assert t.output.dtype == np.float32 and grads[0]["W"].dtype == np.float32


def test_nan_and_inf_pass_through_without_warnings():
    net = _net([{"size": 3, "activation": "relu"}, {"size": 1}])
    net.params[0]["W"][0, 0] = np.inf
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        t = net.forward(np.array([[1.0, 0.0], [-1.0, 0.0]]))
        grads = net.backward(t, np.zeros((2, 1)))
    assert not np.all(np.isfinite(t.output)) or not np.all(np.isfinite(grads[0]["W"]))


def test_state_dict_round_trip_restores_params_buffers_and_rng():
    net = _net([{"size": 4, "activation": "relu", "batch_norm": True, "dropout": 0.5}, {"size": 1}])
    X = np.random.default_rng(2).normal(size=(4, 2))
    saved = net.state_dict()
    first = net.forward(X)
    net.params[0]["W"] += 1.0
    net.load_state_dict(saved)
    again = net.forward(X)
    np.testing.assert_array_equal(first.output, again.output)
    np.testing.assert_array_equal(first.layers[0].dropout_mask, again.layers[0].dropout_mask)


def test_engine_imports_without_qt():
    code = "import sys, nnviz.engine; print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
