"""Activation functions, each forward rule with its backward rule right below.

``forward(u, alpha, out=None)`` returns ``act = f(u)`` (written into ``out``
when given: whole-set evaluation reuses its arrays); ``backward(grad_act, u,
act, alpha)`` returns ``grad_u = dL/du``. ``alpha`` is the learnable
per-neuron slope of PReLU (shape ``(fan_out,)``) and ignored by the others.

Derivatives at the kinks follow PyTorch: relu'(0) = 0, leaky_relu'(0) = 0.01,
prelu'(0) = alpha, elu'(0) = 1. The binary step has derivative 0 everywhere,
which is exactly why a network of step units cannot learn by gradient descent.
Softmax is only allowed on the output layer; its backward here is the full
Jacobian-vector product (used with MSE); with cross-entropy the network takes
the shortcut ``softmax - onehot`` from the logits instead.
"""

import numpy as np

LEAKY_SLOPE = 0.01
PRELU_INIT = 0.25
ELU_ALPHA = 1.0


def _into(out, value):
    """value, copied into out when one is given (for rules without a one-call in-place form)."""
    if out is None:
        return value
    out[...] = value
    return out


def _linear(u, alpha=None, out=None):
    return u.copy() if out is None else _into(out, u)


def _linear_back(grad_act, u, act, alpha=None):
    return grad_act.copy()


def _step(u, alpha=None, out=None):
    return _into(out, (u > 0).astype(u.dtype))


def _step_back(grad_act, u, act, alpha=None):
    return np.zeros_like(grad_act)


def _sigmoid(u, alpha=None, out=None):
    # Two branches so exp never overflows: exp(-|u|) <= 1. r = 1 / (1 + e) serves both.
    e = np.exp(-np.abs(u))
    r = np.divide(1.0, e + 1.0)
    return _into(out, np.where(u >= 0, r, e * r))


def _sigmoid_back(grad_act, u, act, alpha=None):
    return grad_act * act * (1.0 - act)


def _tanh(u, alpha=None, out=None):
    return np.tanh(u, out=out)


def _tanh_back(grad_act, u, act, alpha=None):
    return grad_act * (1.0 - act * act)


def _relu(u, alpha=None, out=None):
    return np.maximum(u, 0, out=out)


def _relu_back(grad_act, u, act, alpha=None):
    return grad_act * (u > 0)


def _leaky_relu(u, alpha=None, out=None):
    return _into(out, np.where(u > 0, u, LEAKY_SLOPE * u))


def _leaky_relu_back(grad_act, u, act, alpha=None):
    return grad_act * np.where(u > 0, 1.0, LEAKY_SLOPE).astype(u.dtype, copy=False)


def _prelu(u, alpha, out=None):
    return _into(out, np.where(u > 0, u, alpha * u))


def _prelu_back(grad_act, u, act, alpha):
    return grad_act * np.where(u > 0, np.ones_like(alpha), alpha)


def prelu_alpha_grad(grad_act, u):
    """dL/dalpha for PReLU: sum over the batch of grad_act * min(u, 0). Shape (fan_out,)."""
    return (grad_act * np.minimum(u, 0)).sum(axis=0)


def _elu(u, alpha=None, out=None):
    with np.errstate(over="ignore"):
        return _into(out, np.where(u > 0, u, ELU_ALPHA * np.expm1(np.minimum(u, 0))))


def _elu_back(grad_act, u, act, alpha=None):
    return grad_act * np.where(u > 0, 1.0, act + ELU_ALPHA).astype(u.dtype, copy=False)


def _softmax(u, alpha=None, out=None):
    # Over the last axis: the classes (u may carry a leading axis of parameter sets).
    shifted = u - u.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return np.divide(e, e.sum(axis=-1, keepdims=True), out=out)


def _softmax_back(grad_act, u, act, alpha=None):
    # Jacobian-vector product of softmax: s * (g - sum(g * s)).
    return act * (grad_act - (grad_act * act).sum(axis=-1, keepdims=True))


ACTIVATIONS = {
    "linear": (_linear, _linear_back),
    "step": (_step, _step_back),
    "sigmoid": (_sigmoid, _sigmoid_back),
    "tanh": (_tanh, _tanh_back),
    "relu": (_relu, _relu_back),
    "leaky_relu": (_leaky_relu, _leaky_relu_back),
    "prelu": (_prelu, _prelu_back),
    "elu": (_elu, _elu_back),
    "softmax": (_softmax, _softmax_back),
}

HIDDEN_ACTIVATIONS = tuple(name for name in ACTIVATIONS if name != "softmax")


def activate(name, u, alpha=None):
    """act = f(u) for the named activation. u: (batch, fan_out)."""
    return ACTIVATIONS[name][0](u, alpha)


def activate_back(name, grad_act, u, act, alpha=None):
    """grad_u = dL/du given grad_act = dL/dact."""
    return ACTIVATIONS[name][1](grad_act, u, act, alpha)
