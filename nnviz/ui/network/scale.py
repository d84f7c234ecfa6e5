"""Value -> drawing-level mappings of the network view (numpy only, no Qt).

Edges are not drawn one by one: each edge is put in one of ``N_BINS`` bins and
every bin is drawn as a single batched line item with one pen.  A bin is a sign
(negative / positive) times a magnitude level, plus two special bins:

* levels ``0 .. N_LEVELS-1`` are in range, 0 faintest and thinnest;
* level ``OVER`` (gradient mode only) is above the decade range: the glare of
  exploding gradients;
* ``BIN_DIVERGED`` holds NaN / inf values;
* ``BIN_MUTED`` holds edges that carry nothing to show (unknown at this phase,
  or touching a dropped-out or switched-off neuron);
* ``BIN_ZERO`` holds values that are exactly 0 (a step unit's gradient, a
  zero-initialised weight): drawn in a neutral grey, so "no signal at all"
  never looks like the faintest tint of a sign.

Weight mode is linear: level = floor(8 |w| / max|w|).  Gradient mode is
logarithmic over a decade range ``(lo, hi)`` shared by the whole net, so
that layers can be compared: with the default (-7, 1) every level is one
decade, ``|g| < 1e-7`` is level 0 and ``|g| >= 10`` is ``OVER`` (drawn with a
glare).  When the largest gradient is above that range (exploding gradients,
up to 1e50 and more), :func:`gradient_window` slides the range up to it, so
the widths still show which layers' gradients are larger instead of every
edge being drawn at the maximum width; the view then puts the glare on every
level above the usual top.

Bin numbers: ``sign * LEVELS_PER_SIGN + level`` with sign 0 for negative and 1
for positive (zero counts as positive).
"""

from __future__ import annotations

import numpy as np

N_LEVELS = 8
OVER = N_LEVELS
LEVELS_PER_SIGN = N_LEVELS + 1
BIN_DIVERGED = 2 * LEVELS_PER_SIGN
BIN_MUTED = BIN_DIVERGED + 1
BIN_ZERO = BIN_MUTED + 1
N_BINS = BIN_ZERO + 1
DEFAULT_DECADES = (-7.0, 1.0)

# Node colors: 2 * NODE_STEPS + 1 shades of the diverging scale, index
# NODE_STEPS is zero; NODE_DIVERGED marks NaN / inf.
NODE_STEPS = 16
NODE_DIVERGED = -1


def bin_of(sign: int, level: int) -> int:
    """Bin number of a sign (0 negative, 1 positive) and a level."""
    return sign * LEVELS_PER_SIGN + level


def sign_level(b: int) -> tuple[int, int] | None:
    """Inverse of :func:`bin_of`; None for the special bins."""
    if not 0 <= b < BIN_DIVERGED:
        return None
    return divmod(b, LEVELS_PER_SIGN)


def finite_max_abs(arrays) -> float:
    """Largest finite ``|value|`` over a list of arrays (0.0 if none)."""
    best = 0.0
    for a in arrays:
        a = np.abs(np.asarray(a, dtype=float))
        a = a[np.isfinite(a)]
        if a.size:
            best = max(best, float(a.max()))
    return best


def weight_levels(values: np.ndarray, vmax: float) -> np.ndarray:
    """Linear levels 0..N_LEVELS-1 of ``|values| / vmax`` (nonfinite -> 0)."""
    a = np.abs(np.asarray(values, dtype=float))
    if not vmax > 0 or not np.isfinite(vmax):
        return np.zeros(a.shape, np.int8)
    t = np.where(np.isfinite(a), a * (N_LEVELS / vmax), 0.0)
    return np.clip(t, 0, N_LEVELS - 1).astype(np.int8)


def log_position(values: np.ndarray, decades: tuple[float, float]) -> np.ndarray:
    """``(log10|v| - lo) / (hi - lo)``: 0 at the bottom of the range, 1 at the top.

    Zero maps to -inf, nonfinite values to nan; no numpy warnings.
    """
    lo, hi = decades
    a = np.abs(np.asarray(values, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.log10(a)
    d = np.where(np.isinf(a), np.nan, d)
    return (d - lo) / (hi - lo)


SLIDE_DECADES = 0.0
"""How far above the top of the range the largest value must be before the range slides."""


def gradient_window(values, decades: tuple[float, float] = DEFAULT_DECADES) -> tuple[float, float]:
    """The decade range to draw ``values`` with: ``decades`` itself, or, when the
    largest finite ``|v|`` is ``SLIDE_DECADES`` or more decades above its top,
    the same number of decades ending at the next whole decade above it
    (``values``: one array or a list of arrays)."""
    lo, hi = float(decades[0]), float(decades[1])
    arrays = values if isinstance(values, (list, tuple)) else [values]
    peak = finite_max_abs(arrays)
    if not peak >= 10.0 ** (hi + SLIDE_DECADES):
        return lo, hi
    top = float(np.floor(np.log10(peak))) + 1.0
    return top - (hi - lo), top


def gradient_levels(values: np.ndarray, decades: tuple[float, float] = DEFAULT_DECADES) -> np.ndarray:
    """Log levels 0..N_LEVELS-1 inside the decade range, OVER at or above it."""
    p = log_position(values, decades)
    p = np.where(np.isfinite(p), p, np.where(np.isnan(p), 0.0, -1.0))
    return np.clip(np.floor(p * N_LEVELS), 0, OVER).astype(np.int8)


def edge_bins(values: np.ndarray, mode: str, *, vmax: float = 1.0,
              decades: tuple[float, float] = DEFAULT_DECADES) -> np.ndarray:
    """Bin number of every value (same shape, int8).

    mode "weight": linear in ``|v| / vmax``; mode "gradient": log over ``decades``.
    """
    v = np.asarray(values, dtype=float)
    if mode == "weight":
        level = weight_levels(v, vmax)
    elif mode == "gradient":
        level = gradient_levels(v, decades)
    else:
        raise ValueError(f"edge mode: expected 'weight' or 'gradient', got {mode!r}")
    sign = (v >= 0) | np.isnan(v)
    bins = np.where(sign, LEVELS_PER_SIGN, 0).astype(np.int8) + level
    bins[~np.isfinite(v)] = BIN_DIVERGED
    bins[v == 0] = BIN_ZERO
    return bins


def node_shades(values: np.ndarray, mode: str,
                decades: tuple[float, float] = DEFAULT_DECADES) -> np.ndarray:
    """Shade index 0 .. 2*NODE_STEPS of each value, NODE_DIVERGED for NaN / inf.

    mode "activation": linear, clipped to [-1, 1]; mode "delta": signed
    log-magnitude over ``decades`` (below the range is neutral).
    """
    v = np.asarray(values, dtype=float)
    finite = np.isfinite(v)
    if mode == "activation":
        t = np.clip(np.where(finite, v, 0.0), -1.0, 1.0)
    elif mode == "delta":
        p = log_position(v, decades)
        p = np.clip(np.where(np.isfinite(p), p, 0.0), 0.0, 1.0)
        t = np.sign(np.where(finite, v, 0.0)) * p
    else:
        raise ValueError(f"node mode: expected 'activation' or 'delta', got {mode!r}")
    shade = (NODE_STEPS + np.rint(t * NODE_STEPS)).astype(np.int16)
    shade[~finite] = NODE_DIVERGED
    return shade
