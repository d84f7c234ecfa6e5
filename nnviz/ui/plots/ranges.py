"""Axis ranges that move by rule, not with every frame.

pyqtgraph's auto-range follows the data exactly, so a plot whose data grow
every frame (loss curves, gradient norms) gets a new range every frame, and a
new range re-lays out both axes: new tick values, new tick texts measured,
the grid rebuilt -- measured here at about a third of such a plot's repaint,
and on top of it a second repaint when the range was found only while
painting.  :class:`RangeRule` keeps the range instead, and moves it only
when the data leave it or fill too little of it:

* steps (x): from 0 to the first of 1, 1.5, 2, 3, 4, 5, 6, 8 × 10ᵏ at or past
  the last step, so the range moves about eight times per decade of steps,
  and at most a third of the width is empty;
* a linear y axis: the data with a 5 % margin, widened to whole multiples
  of a round step (1, 2 or 5 × 10ᵏ, about a twentieth of the span); it moves
  when a value leaves it or the data fill less than a quarter of it (a
  falling loss moves it every few per cent of its fall, not every step);
* a log y axis: whole decades around the data.

The rule starts afresh (:meth:`RangeRule.reset`) when the history is cleared
or shortened, or the axis changes its mode.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg

STEP_LADDER = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0)
MARGIN = 0.05           # of the data's span, above and below, on a linear axis
SNAP_PARTS = 20         # a linear range snaps to round steps of about span / SNAP_PARTS
LEAST_FILL = 0.25       # data filling less of a linear range than this give it a new one
EDGE_ROOM = 0.04        # of the y range, shown beyond each end so labels on the ends fit
EXTRA_DECADES = 2       # a log range more than this many decades wider than its data is narrowed


def step_extent(last_step: float) -> float:
    """The right end of a step axis: the first ``STEP_LADDER`` × 10ᵏ beyond ``last_step`` (at least 1)."""
    want = max(float(last_step), 1.0) * 1.02           # the last point never on the frame
    k = math.floor(math.log10(want))
    for base in (*STEP_LADDER, 10.0):
        if base * 10.0 ** k >= want:
            return base * 10.0 ** k
    return 10.0 ** (k + 1)


def round_step(span: float) -> float:
    """1, 2 or 5 × 10ᵏ near ``span`` / SNAP_PARTS."""
    raw = max(span, 1e-300) / SNAP_PARTS
    k = math.floor(math.log10(raw))
    for base in (1.0, 2.0, 5.0, 10.0):
        if base * 10.0 ** k >= raw:
            return base * 10.0 ** k
    return 10.0 ** (k + 1)


def linear_extent(lo: float, hi: float, current: tuple[float, float] | None = None,
                  from_zero: bool = False) -> tuple[float, float]:
    """The y range for finite data in [``lo``, ``hi``]: ``current`` while it holds them and they fill
    at least ``LEAST_FILL`` of it, else a new one (0 at the bottom when ``from_zero``)."""
    if from_zero:
        lo = min(lo, 0.0)
    if current is not None:
        c0, c1 = current
        inside = c0 <= lo and hi <= c1 and (not from_zero or c0 <= 0.0)
        if inside and (hi - lo) >= LEAST_FILL * (c1 - c0):
            return current
    span = hi - lo
    if span <= 0:
        span = abs(hi) if hi != 0 else 1.0
        lo, hi = lo - 0.5 * span, hi + 0.5 * span
    step = round_step(span)
    bottom = 0.0 if from_zero and lo >= 0.0 else math.floor((lo - MARGIN * span) / step) * step
    top = math.ceil((hi + MARGIN * span) / step) * step
    return bottom, top


def log_extent(lo: float, hi: float, current: tuple[float, float] | None = None) -> tuple[float, float]:
    """The y range, in decades (log10 units), for positive data in [``lo``, ``hi``]: whole decades."""
    d0, d1 = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
    if d1 <= d0:
        d1 = d0 + 1
    if current is not None:
        c0, c1 = current
        if c0 <= d0 and d1 <= c1 and (c1 - c0) - (d1 - d0) <= EXTRA_DECADES:
            return current
    return float(d0), float(d1)


def finite_bounds(arrays, positive: bool = False) -> tuple[float, float] | None:
    """(min, max) of the finite (and, with ``positive``, > 0) values of ``arrays``; None when there are none."""
    lo, hi = math.inf, -math.inf
    for a in arrays:
        if a is None:
            continue
        a = np.asarray(a, dtype=float)
        keep = np.isfinite(a)
        if positive:
            keep &= a > 0
        if keep.any():
            vals = a[keep]
            lo, hi = min(lo, float(vals.min())), max(hi, float(vals.max()))
    return (lo, hi) if lo <= hi else None


class RangeRule:
    """Keeps one ``ViewBox``'s range by the rules above; ``moves`` counts how often it changed."""

    def __init__(self, view_box: pg.ViewBox) -> None:
        self.view_box = view_box
        view_box.disableAutoRange()
        self.x: tuple[float, float] | None = None
        self.y: tuple[float, float] | None = None
        self.moves = 0

    def reset(self) -> None:
        """Forget the kept range: the next :meth:`fit` ranges over the data afresh."""
        self.x = self.y = None

    def fit(self, last_step: float, bounds: tuple[float, float] | None, *, log: bool = False,
            from_zero: bool = False) -> bool:
        """Range steps 0 … ``last_step`` and y values within ``bounds`` (data units, not log10);
        ``bounds`` None keeps the y range.  Returns True when the range moved."""
        x = (0.0, step_extent(last_step))
        y = self.y
        if bounds is not None:
            lo, hi = bounds
            if log:
                y = log_extent(lo, hi, self.y) if hi > 0 and lo > 0 else self.y
            else:
                y = linear_extent(lo, hi, self.y, from_zero)
        if y is None:
            y = (-1.0, 1.0) if log else (0.0, 1.0)
        if (x, y) == (self.x, self.y):
            return False
        self.x, self.y = x, y
        self.moves += 1
        pad = EDGE_ROOM * (y[1] - y[0])         # a tick label on the range's end is drawn whole
        self.view_box.setRange(xRange=x, yRange=(y[0] - pad, y[1] + pad), padding=0.0)
        return True

    def clear(self, x: tuple[float, float], y: tuple[float, float]) -> None:
        """An empty plot: show ``x`` by ``y`` and range afresh at the next :meth:`fit`."""
        self.reset()
        self.view_box.setRange(xRange=x, yRange=y, padding=0.0)
