"""Optimizers against update sequences derived by hand from torch.optim's documented rules."""

import math
from types import SimpleNamespace

import numpy as np
import pytest

from nnviz.engine import Network, clip_grad_norm, make_optimizer

GRADS = [0.5, -1.0, 2.0, 0.25, -0.75]
P0 = 1.5


def _run(name, **kw):
    """Apply GRADS to a one-parameter 'network'; return the parameter after each step."""
    net = SimpleNamespace(params=[{"W": np.array([P0])}])
    opt = make_optimizer(name, net, **kw)
    out = []
    for g in GRADS:
        opt.step([{"W": np.array([g])}])
        out.append(float(net.params[0]["W"][0]))
    return out


def _expect(seq, got):
    np.testing.assert_allclose(got, seq, rtol=1e-13, atol=1e-15)


def test_sgd_plain_and_weight_decay():
    p, exp = P0, []
    for g in GRADS:
        p -= 0.1 * (g + 0.01 * p)
        exp.append(p)
    _expect(exp, _run("sgd", lr=0.1, weight_decay=0.01))


@pytest.mark.parametrize("nesterov", [False, True])
def test_sgd_momentum(nesterov):
    p, buf, exp = P0, None, []
    for g in GRADS:
        buf = g if buf is None else 0.9 * buf + g
        p -= 0.1 * (g + 0.9 * buf if nesterov else buf)
        exp.append(p)
    _expect(exp, _run("sgd", lr=0.1, momentum=0.9, nesterov=nesterov))


def test_sgd_dampening():
    p, buf, exp = P0, None, []
    for g in GRADS:
        buf = g if buf is None else 0.5 * buf + 0.7 * g
        p -= 0.1 * buf
        exp.append(p)
    _expect(exp, _run("sgd", lr=0.1, momentum=0.5, dampening=0.3))


def test_adagrad():
    p, acc, exp = P0, 0.0, []
    for t, g in enumerate(GRADS, 1):
        acc += g * g
        p -= 0.1 / (1 + (t - 1) * 0.05) * g / (math.sqrt(acc) + 1e-10)
        exp.append(p)
    _expect(exp, _run("adagrad", lr=0.1, lr_decay=0.05))


@pytest.mark.parametrize("centered, momentum", [(False, 0.0), (True, 0.0), (False, 0.9), (True, 0.9)])
def test_rmsprop(centered, momentum):
    p, sq, ga, buf, exp = P0, 0.0, 0.0, 0.0, []
    for g in GRADS:
        sq = 0.99 * sq + 0.01 * g * g
        ga = 0.99 * ga + 0.01 * g
        avg = math.sqrt(sq - ga * ga if centered else sq) + 1e-8
        if momentum:
            buf = momentum * buf + g / avg
            p -= 0.01 * buf
        else:
            p -= 0.01 * g / avg
        exp.append(p)
    _expect(exp, _run("rmsprop", lr=0.01, centered=centered, momentum=momentum))


def _adam(weight_decay=0.0, decoupled=False, lr=0.01):
    p, m, v, exp = P0, 0.0, 0.0, []
    for t, g in enumerate(GRADS, 1):
        if decoupled:
            p *= 1 - lr * weight_decay
        else:
            g = g + weight_decay * p
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        p -= lr / (1 - 0.9 ** t) * m / (math.sqrt(v) / math.sqrt(1 - 0.999 ** t) + 1e-8)
        exp.append(p)
    return exp


def test_adam_and_its_defaults():
    _expect(_adam(), _run("adam", lr=0.01))
    _expect(_adam(weight_decay=0.1), _run("adam", lr=0.01, weight_decay=0.1))
    opt = make_optimizer("adam", SimpleNamespace(params=[]))
    assert opt.hyper["lr"] == 1e-3 and opt.hyper["betas"] == (0.9, 0.999) and opt.hyper["eps"] == 1e-8


def test_adamw_decouples_weight_decay_with_default_0_01():
    _expect(_adam(weight_decay=0.01, decoupled=True), _run("adamw", lr=0.01))


def test_nadam():
    p, m, v, mu_prod, exp = P0, 0.0, 0.0, 1.0, []
    for t, g in enumerate(GRADS, 1):
        mu = 0.9 * (1 - 0.5 * 0.96 ** (t * 0.004))
        mu_next = 0.9 * (1 - 0.5 * 0.96 ** ((t + 1) * 0.004))
        mu_prod *= mu
        m = 0.9 * m + 0.1 * g
        v = 0.999 * v + 0.001 * g * g
        denom = math.sqrt(v / (1 - 0.999 ** t)) + 1e-8
        p -= 0.002 * (1 - mu) / (1 - mu_prod) * g / denom
        p -= 0.002 * mu_next / (1 - mu_prod * mu_next) * m / denom
        exp.append(p)
    _expect(exp, _run("nadam"))


def test_state_round_trip_replays_identically():
    spec = {"input_size": 2, "layers": [{"size": 3, "activation": "tanh"}, {"size": 1}], "seed": 1}
    net = Network.from_spec(spec)
    opt = make_optimizer("adam", net, lr=0.05)
    X, y = np.random.default_rng(0).normal(size=(4, 2)), np.ones((4, 1))
    opt.step(net.backward(net.forward(X), y))
    saved_net, saved_opt = net.state_dict(), opt.state_dict()
    opt.step(net.backward(net.forward(X), y))
    after = net.params[0]["W"].copy()
    net.load_state_dict(saved_net)
    opt.load_state_dict(saved_opt)
    opt.step(net.backward(net.forward(X), y))
    np.testing.assert_array_equal(net.params[0]["W"], after)


def test_network_params_are_updated_in_place_and_state_is_sliced_per_parameter():
    net = Network.from_spec({"input_size": 2, "layers": [{"size": 3, "activation": "tanh"}, {"size": 1}]})
    W = net.params[0]["W"]
    opt = make_optimizer("adam", net, lr=0.1)
    grads = [{"W": np.full((2, 3), 0.5), "b": np.zeros(3)}, {"W": np.ones((3, 1)), "b": np.ones(1)}]
    before = W.copy()
    opt.step(grads)
    assert net.params[0]["W"] is W
    np.testing.assert_allclose(W, before - 0.1)                  # Adam's first step is lr * sign(g)
    moments = opt.param_state(0, "W")
    np.testing.assert_allclose(moments["exp_avg"], np.full((2, 3), 0.05))


def test_bad_optimizer_options_are_named():
    net = SimpleNamespace(params=[])
    with pytest.raises(ValueError, match="optimizer.*'rmsprob'.*adam"):
        make_optimizer("rmsprob", net)
    with pytest.raises(ValueError, match="unknown option 'momentun'"):
        make_optimizer("sgd", net, momentun=0.9)
    with pytest.raises(ValueError, match="sgd.lr"):
        make_optimizer("sgd", net, lr=-1)
    with pytest.raises(ValueError, match="nesterov"):
        make_optimizer("sgd", net, nesterov=True)


def test_clip_grad_norm_matches_torch_rule():
    grads = [{"W": np.array([3.0]), "b": np.array([4.0])}]
    norm = clip_grad_norm(grads, 1.0)
    assert norm == 5.0
    np.testing.assert_allclose(grads[0]["W"], [3.0 / (5.0 + 1e-6)])
    small = [{"W": np.array([0.3])}]
    clip_grad_norm(small, 1.0)
    assert small[0]["W"][0] == 0.3


def test_replaced_parameter_arrays_are_adopted():
    """Assigning a new array (not writing in place) still trains that array's values."""
    net = Network.from_spec({"input_size": 2, "layers": [{"size": 3, "activation": "tanh"}, {"size": 1}]})
    opt = make_optimizer("sgd", net, lr=0.5)
    new_W = np.full((3, 1), 0.25)
    net.params[1]["W"] = new_W
    X, y = np.ones((4, 2)), np.zeros((4, 1))
    trace = net.forward(X)
    np.testing.assert_allclose(trace.output, np.tanh(X @ net.params[0]["W"]) @ new_W)
    grads = net.backward(trace, y)
    opt.step(grads)
    np.testing.assert_allclose(net.params[1]["W"], new_W - 0.5 * grads[1]["W"])
    net.params[0]["b"] = [1.0, 2.0, 3.0]
    opt.step(grads)
    assert net.params[0]["b"][0] != 1.0 and net.params[0]["b"].dtype == np.float64
    with pytest.raises(ValueError, match=r"params\[0\]\['W'\] must have shape"):
        net.params[0]["W"] = np.zeros((5, 5))
        net.forward(X)


def test_relative_error_ignores_rounding_noise_but_not_real_disagreement():
    from nnviz.engine import relative_error
    assert relative_error([0.0], [2e-12]) < 1e-6              # finite-difference rounding of a zero gradient
    assert relative_error([1e-3], [1.1e-3]) > 0.04
    assert relative_error([2e-6], [0.0]) > 0.1                # a small gradient that is really missing
    assert relative_error([], []) == 0.0
