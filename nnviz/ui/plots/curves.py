"""Train and test loss against the training step, with early-stopping and divergence markers.

``LossCurvesView.set_series`` takes the whole history every time (the session
keeps it as arrays); the view keeps one ``PlotDataItem`` per series and only
calls ``setData``.

Missing and non-finite values: the session writes NaN for a loss it did not
evaluate (no test set, or fast runs without metrics), so NaN cannot mean
"diverged" by itself.  Each series is drawn through its finite points only,
and the "diverged" marker goes at the ``diverged_step`` the window passes
(the session knows), or else at the first ±inf loss.

Axes that tell the truth: unless the person chose linear or log, the y axis
turns logarithmic by itself when the finite losses span ``AUTO_LOG_DECADES``
decades or more (an exploding run reaching 1e57 would otherwise flatten every
other point onto the axis).  ``set_from_zero(True)`` keeps 0 at the bottom
of a linear axis, so a loss that falls from 0.713 to 0.705 looks nearly flat,
as it is, instead of filling the plot.  ``set_comparison`` overlays another
run's losses (a lesson's contrasting run) in a muted color.  A cleared or
shortened history (a new network, a drawn point, a rewind) ranges the axes
over the new data again.

Notes on performance: beyond ``MAX_POINTS`` steps a history is reduced to
bucket minima and maxima with numpy (:class:`~nnviz.ui.plots.peaks.PeakHistory`);
the reduction is kept between frames, so a frame reduces only the steps
that arrived since the last, and the finite mask, pyqtgraph's copies and
``log10`` mapping see a few thousand points at most; "peak" downsampling and clip-to-view then
keep the drawn points near the plot's pixel width.
Series pens are 1 px wide at line scale 1: Qt strokes wider lines as filled
outlines, measured here at 5.3 ms against 2.9 ms per repaint for two
1 000-point curves (one dashed); presenter mode pays that for visibility.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.plots.peaks import MAX_POINTS, PeakHistory, decimate_peaks
from nnviz.ui.plots.marker_label import marker_line
from nnviz.ui.plots.ranges import RangeRule, finite_bounds

AUTO_LOG_DECADES = 2.0  # losses spanning this many decades get a log axis unless the person chose


def spans_decades(*series: np.ndarray | None) -> float:
    """How many decades the finite positive values of ``series`` span (0 when fewer than two)."""
    vals = [s[np.isfinite(s) & (s > 0)] for s in series if s is not None and len(s)]
    vals = np.concatenate(vals) if vals else np.zeros(0)
    if len(vals) < 2:
        return 0.0
    return float(np.log10(vals.max() / vals.min()))


def first_infinite(*series: np.ndarray | None) -> int | None:
    """Index of the first position where any of ``series`` is +inf or -inf, or None."""
    hits = [int(np.argmax(np.isinf(s))) for s in series if s is not None and np.isinf(s).any()]
    return min(hits) if hits else None


def _finite_xy(steps: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The finite points of a series, long histories reduced to bucket minima and maxima."""
    steps, values = decimate_peaks(steps, values, MAX_POINTS)
    keep = np.isfinite(values)
    return (steps, values) if keep.all() else (steps[keep], values[keep])


def _as_series(name: str, values, n: int) -> np.ndarray:
    arr = np.asarray(values, dtype=float).reshape(-1)
    if len(arr) != n:
        raise ValueError(f"{name} has {len(arr)} values but steps has {n}")
    return arr


def _style_curve(item: pg.PlotDataItem) -> None:
    item.setDownsampling(auto=True, method="peak")
    item.setClipToView(True)


class LossCurvesView(PlotView):
    """Loss curves: train (solid) and test (dashed) against the step.

    Markers: a vertical line labelled "best" at the early-stopping step (and a
    dot on the test curve there), a vertical "diverged" line at the first step
    whose loss is NaN or infinite.  ``set_log(True)`` puts the y axis on a log
    scale, where the slow tail of training becomes visible; ``set_log(None)``
    (the default) chooses by itself.  ``set_from_zero`` anchors a linear axis
    at 0; ``set_comparison`` overlays another run.

    Signals:
        fromZeroChanged(bool): the anchor at zero was switched on or off.
    """

    fromZeroChanged = QtCore.Signal(bool)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._log = False
        self._log_choice: bool | None = None      # None: automatic
        self._from_zero = False
        self._n_steps = -1
        self._series: tuple = ()
        self._range = RangeRule(self.plot_item.getViewBox())   # no auto-range: it re-lays out every frame
        self._range_mode: tuple | None = None
        self._last_step = 0.0
        self.legend = self.plot_item.addLegend(offset=(-8, 8), verSpacing=-6)
        self.train_curve = self.plot_item.plot(name=self.tr("train loss"))
        self.test_curve = self.plot_item.plot(name=self.tr("test loss"))
        for curve in (self.train_curve, self.test_curve):
            _style_curve(curve)
        self.compare_train = self.plot_item.plot()
        self.compare_test = self.plot_item.plot()
        for curve in (self.compare_train, self.compare_test):
            _style_curve(curve)
            curve.setZValue(-1)
        self._compare_label = ""
        self.best_point = self.plot_item.plot(symbol="o")
        self.best_point.setZValue(5)
        # the labels stay whole inside the plot, beside or over their line (see marker_label)
        self.best_line = marker_line(self.tr("best: step {value:.0f}"), 0.72)
        self.diverged_line = marker_line(self.tr("diverged"), 0.5)
        for line in (self.best_line, self.diverged_line):
            line.setZValue(4)
            line.setVisible(False)
            # the "diverged" step is kept in view: its loss is inf or NaN, so no point of a curve is there
            self.plot_item.addItem(line, ignoreBounds=line is self.best_line)
        self._extra: dict[str, pg.PlotDataItem] = {}
        self._best_step: float | None = None
        self._peaks = (PeakHistory(MAX_POINTS), PeakHistory(MAX_POINTS))    # train, test: kept between frames
        self._best_xy: tuple[float, float] | None = None
        self._diverged_step: float | None = None
        self.set_axis_labels(self.tr("step"), self.tr("loss"))
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_series(self, steps, train_loss, test_loss=None, best_step: float | None = None,
                   extra: Mapping[str, object] | None = None, diverged_step: float | None = None,
                   history_key=None) -> None:
        """Show the loss history.

        ``steps``: (n,) step numbers; ``train_loss``, ``test_loss``: (n,) values
        (``test_loss`` may be None); ``best_step``: the early-stopping step or
        None; ``extra``: optional further named series of length n drawn on the
        same axis (e.g. ``{"train acc": acc}``); ``diverged_step``: the step at
        which the run diverged, if the caller knows it, else the first ±inf
        loss is marked.  NaN (not evaluated) and ±inf points are left out of
        the lines.  ``history_key``: a value that changes whenever steps already
        shown may have changed (a rewind); while it stays the same, a longer
        history only adds to the reduction kept from the last call.
        """
        steps = np.asarray(steps, dtype=float).reshape(-1)
        n = len(steps)
        self._last_step = float(steps[-1]) if n else 0.0     # the x range reaches it (a "diverged" mark)
        train = _as_series("train_loss", train_loss, n)
        test = None if test_loss is None else _as_series("test_loss", test_loss, n)
        # Reduced first (kept between frames): the log choice, the inf search and the test's
        # presence read the reduction, which keeps every extreme, not the whole run.
        reduced = [None if v is None else peaks.decimate(steps, v, history_key)
                   for v, peaks in zip((train, test), self._peaks)]
        self._series = tuple(None if r is None else r[1] for r in reduced)
        self._choose_log()
        single = {"symbol": "o", "symbolSize": 7 * self._scale} if n == 1 else {"symbol": None}
        infinite, has_test = False, False
        for curve, r, is_test in ((self.train_curve, reduced[0], False), (self.test_curve, reduced[1], True)):
            x, y = r if r is not None else (steps[:0], steps[:0])
            keep = np.isfinite(y)
            if not keep.all():
                infinite = infinite or bool(np.isinf(y).any())
                x, y = x[keep], y[keep]
            has_test = has_test or (is_test and len(y) > 0)
            if n == 1 and self._log:
                x, y = x[y > 0], y[y > 0]        # no dot where a log axis has no place
            curve.setData(x, y, **single)
        self._set_extra(steps, extra or {})
        self._set_best(steps, test if has_test else train, best_step)
        if diverged_step is None:
            bad = first_infinite(train, test) if infinite else None     # the whole run searched only then
            self._diverged_step = None if bad is None else float(steps[bad])
        else:
            self._diverged_step = float(diverged_step)
        self._show_marker(self.diverged_line, self._diverged_step)
        self._fit_range(n)

    def clear(self) -> None:
        self.set_series([], [], [])

    def set_log(self, enabled: bool | None) -> None:
        """Log-scale y axis on (True) or off (False), or chosen by the data (None:
        log when the finite losses span ``AUTO_LOG_DECADES`` decades or more).
        Non-positive values leave gaps on a log axis."""
        self._log_choice = None if enabled is None else bool(enabled)
        self._choose_log()
        self._fit_range(self._n_steps)

    def is_log(self) -> bool:
        return self._log

    def set_from_zero(self, enabled: bool) -> None:
        """Keep 0 at the bottom of a linear loss axis (a log axis has no 0)."""
        changed = bool(enabled) != self._from_zero
        self._from_zero = bool(enabled)
        self._fit_range(self._n_steps)
        if changed:
            self.fromZeroChanged.emit(self._from_zero)

    def is_from_zero(self) -> bool:
        return self._from_zero

    def set_comparison(self, steps=None, train_loss=None, test_loss=None, label: str = "") -> None:
        """Overlay another run's losses (muted, thinner; train solid, test dashed), or remove it (no steps)."""
        steps = np.asarray([] if steps is None else steps, dtype=float).reshape(-1)
        n = len(steps)
        self._compare_label = label if n else ""
        for curve, values, name in ((self.compare_train, train_loss, "train"), (self.compare_test, test_loss, "test")):
            if n and values is not None:
                curve.setData(*_finite_xy(steps, _as_series(f"comparison {name} loss", values, n)))
            else:
                curve.setData([], [])
        self.legend.removeItem(self.compare_train)
        if self._compare_label:
            self.legend.addItem(self.compare_train, self._compare_label)
            self._style_legend(self.legend)
        self._fit_range(self._n_steps)

    def comparison_label(self) -> str:
        """The overlaid run's name, "" when there is none."""
        return self._compare_label

    def _choose_log(self) -> None:
        train, test = self._series or (None, None)
        log = self._log_choice
        if log is None:
            log = spans_decades(train, test) >= AUTO_LOG_DECADES
        if log != self._log or not self._axis_labels.get("left"):
            self._log = log
            self.plot_item.setLogMode(x=False, y=self._log)
            self.set_axis_labels(left=self.tr("loss (log scale)") if self._log else self.tr("loss"))

    def _fit_range(self, n: int) -> None:
        """Range by rule (:mod:`~nnviz.ui.plots.ranges`) over what is drawn, afresh after a reset
        or a change of axis; 0 kept at the bottom when anchored."""
        mode = (self._log, self._from_zero)
        if n == 0:
            self._range.clear((0.0, 1.0), (0.0, 1.0))
        elif n < self._n_steps or self._n_steps <= 0 or mode != self._range_mode:
            self._range.reset()
        self._n_steps, self._range_mode = n, mode
        if n == 0:
            return
        drawn = [c.getOriginalDataset() for c in (self.train_curve, self.test_curve, self.compare_train,
                                                  self.compare_test, *self._extra.values())]
        last = max([self._last_step] + [float(x[-1]) for x, _y in drawn if x is not None and len(x)])
        bounds = finite_bounds([y for _x, y in drawn], positive=self._log)
        self._range.fit(last, bounds, log=self._log, from_zero=self._from_zero and not self._log)

    def best_step(self) -> float | None:
        """The step of the best-step marker, or None when it is hidden."""
        return self._best_step

    def diverged_step(self) -> float | None:
        """The step of the "diverged" marker, or None when it is hidden."""
        return self._diverged_step

    # -- internals -------------------------------------------------------------------
    def _set_best(self, steps: np.ndarray, ref: np.ndarray, best_step: float | None) -> None:
        self._best_step = None if best_step is None else float(best_step)
        self._show_marker(self.best_line, self._best_step)
        hit = np.flatnonzero(steps == self._best_step) if self._best_step is not None else []
        point = (self._best_step, float(ref[hit[0]])) if len(hit) and np.isfinite(ref[hit[0]]) else None
        if point != self._best_xy:  # unchanged on most frames: skip the scatter rebuild
            self._best_xy = point
            self.best_point.setData(*(([point[0]], [point[1]]) if point else ([], [])))

    def _show_marker(self, line: pg.InfiniteLine, x: float | None) -> None:
        if x is None or not np.isfinite(x):
            line.setVisible(False)
            return
        line.setVisible(True)  # first: the label ignores value changes while hidden
        line.setValue(x)
        line.label.valueChanged()

    def _set_extra(self, steps: np.ndarray, extra: Mapping[str, object]) -> None:
        for name in list(self._extra):
            if name not in extra:
                item = self._extra.pop(name)
                self.plot_item.removeItem(item)  # also drops its legend entry
        for name, values in extra.items():
            item = self._extra.get(name)
            if item is None:
                item = self.plot_item.plot(name=name)
                _style_curve(item)
                self._extra[name] = item
                self._style_extra()
                self._style_legend(self.legend)
            item.setData(*_finite_xy(steps, _as_series(name, values, len(steps))))

    def _style_extra(self) -> None:
        t = self._theme
        for i, item in enumerate(self._extra.values()):
            item.setPen(self.pen(t.extra[i % len(t.extra)], 1.0, QtCore.Qt.PenStyle.DashDotLine))

    def _restyle(self) -> None:
        t = self._theme
        self.train_curve.setPen(self.pen(t.train, 1.0))
        self.test_curve.setPen(self.pen(t.test, 1.0, QtCore.Qt.PenStyle.DashLine))
        self.compare_train.setPen(self.pen(t.muted, 1.0))
        self.compare_test.setPen(self.pen(t.muted, 1.0, QtCore.Qt.PenStyle.DashLine))
        self.best_point.setSymbolBrush(t.best)
        self.best_point.setSymbolPen(pg.mkPen(t.background, width=1.5 * self._scale))
        self.best_point.setSymbolSize(10 * self._scale)
        self.best_point.setPen(None)
        self._style_extra()
        for line, color in ((self.best_line, t.best), (self.diverged_line, t.diverged)):
            line.setPen(self.pen(color, 1.5, QtCore.Qt.PenStyle.DashLine))
            line.label.setColor(color)
            line.label.setFont(self.qfont(bold=True))
            line.label.fill = pg.mkBrush(_with_alpha(t.background, 200))  # TextItem has no setter
            line.label.update()
        self._style_legend(self.legend)


def _with_alpha(color: str, alpha: int):
    c = pg.mkColor(color)
    c.setAlpha(alpha)
    return c


# -- standalone demo -----------------------------------------------------------------
def demo_series(n: int = 400, seed: int = 0, diverge_at: int | None = None):
    """Fake loss histories: train keeps falling, test turns up (overfitting)."""
    rng = np.random.default_rng(seed)
    steps = np.arange(n)
    train = 0.7 * np.exp(-steps / 80) + 0.05 + 0.02 * rng.random(n)
    test = 0.7 * np.exp(-steps / 90) + 0.12 + 0.0009 * np.maximum(steps - 150, 0) + 0.02 * rng.random(n)
    if diverge_at is not None:
        train[diverge_at - 20:diverge_at] *= np.logspace(0, 6, 20)
        test[diverge_at - 20:diverge_at] *= np.logspace(0, 6, 20)
        train[diverge_at:] = np.nan
        test[diverge_at:] = np.inf
    return steps, train, test, int(np.argmin(test[:diverge_at]))


def _demo_widget() -> LossCurvesView:
    view = LossCurvesView()
    steps, train, test, best = demo_series()
    view.set_series(steps, train, test, best_step=best)
    view.set_log(True)
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(640, 360), title="nnviz loss curves"))
