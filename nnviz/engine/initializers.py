"""Weight initializers (biases always start at 0), scaled by ``init_gain``.

Bounds and standard deviations follow the torch.nn.init formulas with gain 1:
xavier_uniform U(+-sqrt(6/(fan_in+fan_out))), xavier_normal N(0, sqrt(2/(fan_in+fan_out))),
he_uniform U(+-sqrt(6/fan_in)), he_normal N(0, sqrt(2/fan_in)), uniform U(+-0.05),
normal N(0, 0.05), zeros (every neuron identical: the symmetry lesson).
"""

import numpy as np


def _xavier_uniform(rng, fan_in, fan_out):
    bound = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, (fan_in, fan_out))


def _xavier_normal(rng, fan_in, fan_out):
    return rng.normal(0.0, np.sqrt(2.0 / (fan_in + fan_out)), (fan_in, fan_out))


def _he_uniform(rng, fan_in, fan_out):
    bound = np.sqrt(6.0 / fan_in)
    return rng.uniform(-bound, bound, (fan_in, fan_out))


def _he_normal(rng, fan_in, fan_out):
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))


def _uniform(rng, fan_in, fan_out):
    return rng.uniform(-0.05, 0.05, (fan_in, fan_out))


def _normal(rng, fan_in, fan_out):
    return rng.normal(0.0, 0.05, (fan_in, fan_out))


def _zeros(rng, fan_in, fan_out):
    return np.zeros((fan_in, fan_out))


INITIALIZERS = {
    "xavier_uniform": _xavier_uniform,
    "xavier_normal": _xavier_normal,
    "he_uniform": _he_uniform,
    "he_normal": _he_normal,
    "uniform": _uniform,
    "normal": _normal,
    "zeros": _zeros,
}


def init_weights(name, rng, fan_in, fan_out, gain=1.0, dtype=np.float64):
    """Draw W of shape (fan_in, fan_out) with the named initializer, times gain."""
    return (INITIALIZERS[name](rng, fan_in, fan_out) * gain).astype(dtype)
