"""L1/L2 weight penalty on every W (not biases), Keras convention.

l2 adds rate * sum(W^2) (gradient 2 * rate * W); l1 adds rate * sum(|W|)
(gradient rate * sign(W), 0 at 0 as PyTorch's abs).
"""

import numpy as np


def penalty_value(kind, rate, weights):
    """The penalty added to the data loss; weights: list of W arrays."""
    if kind == "none" or rate == 0.0:
        return 0.0
    if kind == "l2":
        return rate * float(sum(np.sum(W * W) for W in weights))
    return rate * float(sum(np.sum(np.abs(W)) for W in weights))


def penalty_grad(kind, rate, W):
    """d(penalty)/dW for one W, or None when there is no penalty."""
    if kind == "none" or rate == 0.0:
        return None
    if kind == "l2":
        return 2.0 * rate * W
    return rate * np.sign(W)
