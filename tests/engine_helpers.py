"""Helpers shared by the engine tests: random specs and loss-of-intermediate functions."""

import numpy as np
from hypothesis import strategies as st

from nnviz.engine.activations import activate
from nnviz.engine.batchnorm import bn_forward
from nnviz.engine.trace import LayerTrace, Trace

KINKED = {"relu", "leaky_relu", "prelu", "elu"}
SMOOTH_HIDDEN = ["linear", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu"]


@st.composite
def specs(draw, max_hidden=3, max_width=5):
    """A random valid spec, its batch size, and the data to run it on."""
    input_size = draw(st.integers(1, 4))
    n_hidden = draw(st.integers(0, max_hidden))
    batch_norm_any = False
    layers, fan_in = [], input_size
    for _ in range(n_hidden):
        residual = draw(st.booleans())
        size = fan_in if residual else draw(st.integers(1, max_width))
        bn = draw(st.booleans())
        batch_norm_any |= bn
        layers.append({"size": size, "activation": draw(st.sampled_from(SMOOTH_HIDDEN)),
                       "batch_norm": bn, "dropout": draw(st.sampled_from([0.0, 0.0, 0.3, 0.5])),
                       "residual": residual})
        fan_in = size
    loss = draw(st.sampled_from(["mse", "bce", "cross_entropy"]))
    if loss == "bce":
        out = {"size": draw(st.integers(1, 2)), "activation": "sigmoid"}
    elif loss == "cross_entropy":
        out = {"size": draw(st.integers(2, 4)), "activation": "softmax"}
    else:
        out = {"size": draw(st.integers(1, 3)),
               "activation": draw(st.sampled_from(["linear", "tanh", "sigmoid", "softmax", "prelu", "elu"]))}
    layers.append(out)
    reg = draw(st.sampled_from([("none", 0.0), ("l2", 0.01), ("l1", 0.01)]))
    spec = {"input_size": input_size, "layers": layers, "loss": loss,
            "init": draw(st.sampled_from(["xavier_uniform", "xavier_normal", "he_normal", "he_uniform"])),
            "init_gain": draw(st.sampled_from([0.5, 1.0, 2.0])),
            "regularization": {"kind": reg[0], "rate": reg[1]},
            "seed": draw(st.integers(0, 2**16))}
    batch = draw(st.sampled_from([2, 3, 7] if batch_norm_any else [1, 2, 3, 7]))
    return spec, batch


def make_data(spec, batch, seed):
    """Inputs and targets of the right kind for the spec's loss."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(batch, spec["input_size"]))
    n_out = spec["layers"][-1]["size"]
    if spec["loss"] == "cross_entropy":
        y = rng.integers(0, n_out, size=batch)
    elif spec["loss"] == "bce":
        y = rng.integers(0, 2, size=(batch, n_out)).astype(float)
    else:
        y = rng.normal(size=(batch, n_out))
    return X, y


def _loss_with_output(net, trace, last, y):
    """Total loss of trace with its output layer's record replaced by ``last``."""
    fake = Trace(X=trace.X, training=trace.training, layers=trace.layers[:-1] + [last])
    data, pen, _ = net.loss_terms(fake, y)
    return data + pen


def loss_from_layer_output(net, trace, i, a_i, y):
    """Total loss when hidden layer i's output a is replaced by a_i (later layers recomputed)."""
    a, last = a_i, None
    for j in range(i + 1, net.n_layers):
        last = net.forward_layer(j, a, trace.training, trace.layers[j].dropout_mask, update_buffers=False)
        a = last.a
    return _loss_with_output(net, trace, last, y)


def loss_from_u(net, trace, i, u, y):
    """Total loss when layer i's u is replaced (act, dropout, residual and later layers recomputed)."""
    layer, p, lt = net.layers[i], net.params[i], trace.layers[i]
    act = activate(layer["activation"], u, p.get("alpha"))
    a = act * lt.dropout_mask / (1 - layer["dropout"]) if lt.dropout_mask is not None else act
    if layer["residual"]:
        a = a + lt.inp
    if i == net.n_layers - 1:
        return _loss_with_output(net, trace, LayerTrace(lt.inp, lt.z, None, u, act, None, a), y)
    return loss_from_layer_output(net, trace, i, a, y)


def loss_from_z(net, trace, i, z, y):
    """Total loss when layer i's pre-activation z is replaced (batch norm recomputed too)."""
    layer, p = net.layers[i], net.params[i]
    if layer["batch_norm"]:
        _, u, *_ = bn_forward(z, p["gamma"], p["beta"], net.buffers[i], trace.training, update_buffers=False)
    else:
        u = z
    return loss_from_u(net, trace, i, u, y)


def central_diff(f, x, eps=1e-5):
    """Fourth-order central-difference gradient of scalar f at array x (perturbed in place, restored)."""
    grad = np.zeros_like(x)
    flat, gflat = x.reshape(-1), grad.reshape(-1)
    for k in range(flat.size):
        saved = flat[k]
        values = []
        for step in (2, 1, -1, -2):
            flat[k] = saved + step * eps
            values.append(f(x))
        flat[k] = saved
        gflat[k] = (-values[0] + 8 * values[1] - 8 * values[2] + values[3]) / (12 * eps)
    return grad


def assert_close_grad(analytic, numeric, what):
    analytic, numeric = np.asarray(analytic), np.asarray(numeric)
    err = _grad_error(analytic, numeric)
    scale = max(1.0, float(np.max(np.abs(numeric))) if numeric.size else 1.0)
    assert err <= 2e-6 * scale, f"{what}: max abs error {err:.3e} (scale {scale:.3g})"


def _grad_error(analytic, numeric):
    return float(np.max(np.abs(np.asarray(analytic) - np.asarray(numeric)))) if np.size(numeric) else 0.0


STEPS = (1e-5, 1e-6, 1e-7)


def assert_grad_matches(analytic, estimate, what, steps=STEPS):
    """Compare with finite differences at several step sizes; one agreeing is enough.

    A step can straddle a kink (relu at 0) that batch norm's 1/std moved
    close, or meet curvature of order 1/var; the true derivative is the limit,
    so agreement at any small step confirms it, while a wrong rule disagrees
    at every step.
    """
    best = None
    for h in steps:
        numeric = np.asarray(estimate(h))
        scale = max(1.0, float(np.max(np.abs(numeric))) if numeric.size else 1.0)
        err = _grad_error(analytic, numeric) / scale
        if err <= 2e-6:
            return
        best = err if best is None else min(best, err)
    raise AssertionError(f"{what}: max scaled error {best:.3e} at every step size {steps}")
