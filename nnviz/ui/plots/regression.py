"""Regression results: a fitted curve for one input, predicted against true otherwise.

``RegressionView`` has two modes, chosen by the last call:

- ``set_data`` / ``set_curve`` (one input, e.g. house price from size): the
  data as a scatter of y against x (train filled, test hollow) and the
  network's prediction as a line over an x grid (:func:`curve_points`);
- ``set_predicted_vs_true``: one point per sample at (true, predicted) with the
  diagonal y = x, where a perfect model puts every point.

Notes on performance: ``set_curve`` is the per-frame call; it reuses one
``PlotDataItem``.  ``set_data`` rebuilds the scatter points and is meant for
when the data change.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from nnviz.ui.i18n import formula
from nnviz.ui.plots.base import PlotView, run_demo


def curve_points(x_range: tuple[float, float], n: int = 200) -> np.ndarray:
    """``n`` evenly spaced inputs over ``x_range``, shape ``(n, 1)``, ready for the network."""
    lo, hi = (float(v) for v in x_range)
    if not (np.isfinite([lo, hi]).all() and hi > lo) or n < 2:
        raise ValueError(f"need a finite x_range with lo < hi and n >= 2, got {x_range!r}, {n}")
    return np.linspace(lo, hi, int(n)).reshape(-1, 1)


def _xy(name: str, x, y) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=float).reshape(-1)
    y = np.asarray(y, dtype=float).reshape(-1)
    if len(x) != len(y):
        raise ValueError(f"{name}: {len(x)} x values but {len(y)} y values")
    keep = np.isfinite(x) & np.isfinite(y)
    return x[keep], y[keep]


class RegressionView(PlotView):
    """Data and fitted curve (one input), or predicted against true (any inputs)."""

    POINT_SIZE = 7.0

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._mode = "curve"
        self._labels = ("x", "y")
        self._data: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.train_scatter = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.test_scatter = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.curve = self.plot_item.plot(name=self.tr("prediction"))
        self.diagonal = self.plot_item.plot()
        self.diagonal.setVisible(False)
        for item, z in ((self.train_scatter, 10), (self.test_scatter, 11)):
            item.setZValue(z)
            item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)   # the curve moves, they stay
            self.plot_item.addItem(item)
        self.curve.setZValue(12)
        self.diagonal.setZValue(5)
        # Top left: empty for rising data and for points near the diagonal.
        self.legend = pg.LegendItem(offset=(8, 8), verSpacing=-4)
        self.legend.setParentItem(self.plot_item.getViewBox())
        self._legend_key: tuple = ()
        self.set_axis_labels(*self._labels)
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_axis_names(self, x: str, y: str) -> None:
        """Names of the input and the target, e.g. ``("size (m²)", "price")``."""
        self._labels = (x, y)
        if self._mode == "curve":
            self.set_axis_labels(x, y)
        else:
            self.set_axis_labels(self.tr("true {name}").format(name=y), self.tr("predicted {name}").format(name=y))

    def set_data(self, x_train, y_train, x_test=None, y_test=None) -> None:
        """The samples as points: ``x_*`` (n,) or (n, 1) inputs, ``y_*`` (n,) targets."""
        self._data = {"train": _xy("train", x_train, y_train)}
        if x_test is not None and y_test is not None:
            self._data["test"] = _xy("test", x_test, y_test)
        self._enter("curve")
        self._draw_points(self._data.get("train"), self._data.get("test"))

    def set_curve(self, xs, ys) -> None:
        """The prediction as a line through ``(xs, ys)`` (sorted by x here if needed)."""
        xs = np.asarray(xs, dtype=float).reshape(-1)
        ys = np.asarray(ys, dtype=float).reshape(-1)
        if len(xs) != len(ys):
            raise ValueError(f"set_curve: {len(xs)} x values but {len(ys)} y values")
        if len(xs) > 1 and np.any(np.diff(xs) < 0):
            order = np.argsort(xs, kind="stable")
            xs, ys = xs[order], ys[order]
        if self._mode != "curve":
            self._enter("curve")
            self._draw_points(self._data.get("train"), self._data.get("test"))
        self.curve.setData(xs, ys)

    def set_predicted_vs_true(self, y_true, y_pred, y_true_test=None, y_pred_test=None) -> None:
        """One point per sample at (true, predicted), test points hollow, and the diagonal y = x."""
        train = _xy("train", y_true, y_pred)
        test = _xy("test", y_true_test, y_pred_test) if y_true_test is not None and y_pred_test is not None else None
        self._enter("parity")
        self._draw_points(train, test)
        values = np.concatenate([train[0], train[1]] + ([test[0], test[1]] if test else []))
        lo, hi = (float(values.min()), float(values.max())) if values.size else (0.0, 1.0)
        if hi <= lo:
            lo, hi = lo - 0.5, hi + 0.5
        self.diagonal.setData([lo, hi], [lo, hi])

    def mode(self) -> str:
        """``"curve"`` or ``"parity"`` (predicted against true)."""
        return self._mode

    # -- internals -------------------------------------------------------------------
    def _enter(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        self.curve.setVisible(mode == "curve")
        self.diagonal.setVisible(mode == "parity")
        if mode == "parity":
            self.curve.setData([], [])
        self.set_axis_names(*self._labels)

    def _update_legend(self, has_test: bool) -> None:
        key = (self._mode, has_test)
        if key == self._legend_key:
            return
        self._legend_key = key
        self.legend.clear()
        self.legend.addItem(self.train_scatter, self.tr("train"))
        if has_test:
            self.legend.addItem(self.test_scatter, self.tr("test"))
        if self._mode == "curve":
            self.legend.addItem(self.curve, self.tr("prediction"))
        else:
            self.legend.addItem(self.diagonal, self.tr("perfect fit ({formula})").format(formula=formula("y = x")))
        self._style_legend(self.legend)

    def _draw_points(self, train, test) -> None:
        self._update_legend(test is not None and len(test[0]) > 0)
        size = self.POINT_SIZE * self._scale
        for item, data, filled in ((self.train_scatter, train, True), (self.test_scatter, test, False)):
            if data is None or len(data[0]) == 0:
                item.clear()
            elif filled:
                item.setData(x=data[0], y=data[1], size=size, brush=self._point_brush, pen=self._outline_pen)
            else:
                item.setData(x=data[0], y=data[1], size=size, brush=self._hollow_brush, pen=self._ring_pen)

    def _restyle(self) -> None:
        t, s = self._theme, self._scale
        self._point_brush = pg.mkBrush(t.positive)
        self._outline_pen = pg.mkPen(t.point_outline, width=1.0 * s)
        self._hollow_brush = pg.mkBrush(t.background)
        self._ring_pen = pg.mkPen(t.positive, width=2.0 * s)
        self.curve.setPen(self.pen(t.negative, 2.5))
        self.diagonal.setPen(self.pen(t.muted, 1.5, QtCore.Qt.PenStyle.DashLine))
        self._style_legend(self.legend)
        size = self.POINT_SIZE * s
        for item, brush, pen in ((self.train_scatter, self._point_brush, self._outline_pen),
                                 (self.test_scatter, self._hollow_brush, self._ring_pen)):
            if len(item.data):
                item.setBrush(brush)
                item.setPen(pen)
                item.setSize(size)


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> RegressionView:
    rng = np.random.default_rng(0)
    size = rng.uniform(40, 200, 80)
    price = 1.2 * size + 30 * np.sin(size / 25) + rng.normal(0, 12, size.size)
    view = RegressionView()
    view.set_axis_names("size (m²)", "price (k€)")
    test = rng.random(size.size) < 0.25
    view.set_data(size[~test], price[~test], size[test], price[test])
    xs = curve_points((40, 200))[:, 0]
    view.set_curve(xs, 1.2 * xs + 26 * np.sin(xs / 25))
    return view


if __name__ == "__main__":
    import sys

    parity = "--parity" in sys.argv
    argv = [a for a in sys.argv[1:] if a != "--parity"]

    def build() -> RegressionView:
        view = _demo_widget()
        if parity:
            rng = np.random.default_rng(1)
            y = rng.uniform(0, 10, 100)
            view.set_predicted_vs_true(y[:75], y[:75] + rng.normal(0, 0.6, 75), y[75:], y[75:] + rng.normal(0, 1, 25))
        return view

    raise SystemExit(run_demo(build, argv, size=(600, 400), title="nnviz regression view"))
