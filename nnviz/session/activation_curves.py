"""A layer's activation function and its derivative, over the range its units actually work in.

What the activation view draws: f(u) and f'(u) on a grid of pre-activations
u, the pre-activations of the shown step underneath them (a histogram), and
the regions where the derivative is zero or nearly so, which is where
backprop's signal dies (sigmoid units pushed far from 0, ReLU units left of 0).

Both curves come from the engine's own functions: ``f = activate(name, u)``
and ``f' = activate_back(name, 1, u, f)`` (the derivative is the backward
rule applied to an upstream gradient of one), so the picture cannot disagree
with what training uses. Kinks follow the engine: relu'(0) = 0,
leaky_relu'(0) = 0.01, prelu'(0) = alpha, elu'(0) = 1; the step's derivative
is 0 everywhere.

Curves are given per unit (columns), because PReLU has a learnable slope per
unit; for the other activations all columns are equal. Softmax is not a
function of one unit's logit alone: its column j shows s_j as u_j varies
with the other logits held at 0, and f' is the diagonal of its Jacobian,
ds_j/du_j = s_j (1 - s_j), taken from the engine's Jacobian-vector product.
"""

from dataclasses import dataclass

import numpy as np

from nnviz.engine.activations import activate, activate_back

POINTS = 401
MARGIN = 0.25
"""The grid extends the pre-activations' range by this share of its width on each side."""
MIN_HALF_WIDTH = 1.0
"""The grid always covers [-1, 1], so 0 (where the kinks are) is on it."""
SMALL = 0.05
"""A derivative below this share of its largest value on the grid counts as nearly zero."""


@dataclass
class ActivationCurves:
    """The activation view's data for one layer (layers are numbered 1..L as in the window).

    u: (points,) grid of pre-activations; f, df: (points, units) f(u) and f'(u) per unit.
    u_values: (samples, units) pre-activations of the shown step's mini-batch, or of
        the whole training set in evaluation mode before the first step (``u_source``
        is "step" or "training set").
    regions: [(u_start, u_end, kind)], kind "zero" where f' is exactly 0 on the grid, or
        "small" where |f'| < threshold x max |f'| but not zero; for every unit at once.
    threshold: the relative threshold used.
    small_share: share of ``u_values`` (finite ones) where that unit's |f'| is below the
        threshold or zero: how much of the layer sits where the gradient dies.
    """

    layer: int
    activation: str
    u: np.ndarray
    f: np.ndarray
    df: np.ndarray
    u_values: np.ndarray
    u_source: str
    regions: list
    threshold: float
    small_share: float

    @property
    def same_for_all_units(self):
        """True when one curve stands for every unit (all but PReLU with differing slopes)."""
        return bool(np.array_equal(self.f, self.f[:, :1].repeat(self.f.shape[1], axis=1))
                    and np.array_equal(self.df, self.df[:, :1].repeat(self.df.shape[1], axis=1)))


def activation_curves(session, layer, points=POINTS, threshold=SMALL):
    """ActivationCurves of ``layer`` (1..L) of a session at its current phase."""
    net = session.network
    if not 1 <= layer <= net.n_layers:
        raise ValueError(f"activation curves: no layer {layer}; layers are 1..{net.n_layers}")
    if not 0 < threshold < 1:
        raise ValueError(f"activation curves: threshold must be between 0 and 1, got {threshold!r}")
    name = net.layers[layer - 1]["activation"]
    alpha = net.params[layer - 1].get("alpha")
    u_values, source = _pre_activations(session, layer)
    grid = np.linspace(*_grid_range(u_values), points)
    units = net.sizes[layer]
    f, df = curves(name, grid, units, alpha)
    peak = np.max(np.abs(df), axis=0)
    zero = np.all(df == 0, axis=1)
    small = np.all(np.abs(df) < threshold * peak, axis=1) & ~zero
    regions = _runs(grid, zero, "zero") + _runs(grid, small, "small")
    with np.errstate(invalid="ignore", over="ignore"):
        _, df_values = function_and_derivative(name, u_values, alpha)
        finite = np.isfinite(u_values)
        low = (df_values == 0) | (np.abs(df_values) < threshold * peak)
        share = float(np.mean(low[finite])) if finite.any() else float("nan")
    return ActivationCurves(layer, name, grid, f, df, u_values, source, sorted(regions), threshold, share)


def function_and_derivative(name, u, alpha=None):
    """(f(u), f'(u)) for pre-activations u (n, units), with the engine's forward and backward rules.

    For softmax, f is each row's softmax and f' the diagonal of its Jacobian, s_j (1 - s_j).
    """
    u = np.asarray(u, dtype=float)
    if name != "softmax":
        f = activate(name, u, alpha)
        return f, activate_back(name, np.ones_like(u), u, f, alpha)
    f = activate("softmax", u)
    return f, np.column_stack([_softmax_column(u, j)[1] for j in range(u.shape[1])])


def curves(name, grid, units, alpha=None):
    """(f, f') of shape (points, units) over a 1-D grid of u, one column per unit.

    Softmax column j varies logit j along the grid with the other logits held at 0.
    """
    if name != "softmax":
        return function_and_derivative(name, np.repeat(grid[:, None], units, axis=1), alpha)
    f, df = np.empty((len(grid), units)), np.empty((len(grid), units))
    for j in range(units):
        rows = np.zeros((len(grid), units))
        rows[:, j] = grid
        f[:, j], df[:, j] = _softmax_column(rows, j)
    return f, df


def _softmax_column(rows, j):
    """(s_j, ds_j/du_j) of each row's softmax, the latter as the engine's J^T e_j at entry j."""
    s = activate("softmax", rows)
    e_j = np.zeros_like(rows)
    e_j[:, j] = 1.0
    return s[:, j], activate_back("softmax", e_j, rows, s)[:, j]


def _pre_activations(session, layer):
    record = session.record
    if record is not None:
        return record.trace.layers[layer - 1].u, "step"
    trace = session.network.forward(session.prep.X_train, training=False)
    return trace.layers[layer - 1].u, "training set"


def _grid_range(u_values):
    finite = u_values[np.isfinite(u_values)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 0.0)
    pad = MARGIN * (hi - lo)
    return min(lo - pad, -MIN_HALF_WIDTH), max(hi + pad, MIN_HALF_WIDTH)


def _runs(grid, mask, kind):
    """[(start, end, kind)] for each run of True in mask, as grid values."""
    edges = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [(float(grid[a]), float(grid[b]), kind) for a, b in zip(starts, ends)]
