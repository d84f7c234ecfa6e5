"""TensorFlow Playground's input features for 2-D data sets.

A linear model on x1, x2 draws only straight boundaries; giving it x1², x2²
or sin(x1) as extra inputs lets even a network without hidden layers fit a
circle or a wave. The window lets students switch these on and see that.
"""

import numpy as np

FEATURES = {
    "x1": lambda X: X[:, 0].copy(),
    "x2": lambda X: X[:, 1].copy(),
    "x1^2": lambda X: X[:, 0] ** 2,
    "x2^2": lambda X: X[:, 1] ** 2,
    "x1*x2": lambda X: X[:, 0] * X[:, 1],
    "sin(x1)": lambda X: np.sin(X[:, 0]),
    "sin(x2)": lambda X: np.sin(X[:, 1]),
}
"""Feature name -> function of X (n, 2) returning a new float64 array (n,), in display order."""


def expand_features(X, names) -> np.ndarray:
    """The features ``names`` of the 2-D inputs X (n, 2), as columns of an (n, len(names)) array.

    Columns come in the order of ``names``. Raises ValueError for X that is
    not (n, 2), for no names, a repeated name or a name not in FEATURES.
    """
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"input features need 2-D inputs X of shape (n, 2), not {X.shape}")
    names = list(names)
    if not names:
        raise ValueError("choose at least one input feature")
    for i, name in enumerate(names):
        if name not in FEATURES:
            raise ValueError(f"unknown input feature {name!r}; choose from: {', '.join(FEATURES)}")
        if name in names[:i]:
            raise ValueError(f"input feature {name!r} is chosen twice")
    out = np.empty((X.shape[0], len(names)))
    for k, name in enumerate(names):
        out[:, k] = FEATURES[name](X)
    return out
