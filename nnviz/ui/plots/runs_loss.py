"""The loss curves of several runs side by side: train solid, test dashed, one color per run, log axis."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtWidgets

from nnviz.ui.plots.base import PlotView
from nnviz.ui.plots.gradnorm import LogAxis

RUN_COLORS = {        # per theme: one color per run (Okabe-Ito, readable on white and on dark)
    "light": ("#0072b2", "#d55e00", "#009e73", "#cc79a7"),
    "contrast": ("#0050a0", "#c04000", "#007a58", "#a0207a"),
    "dark": ("#56b4e9", "#ff9d3b", "#5fd6a8", "#f08ccf"),
}


class RunsLossView(PlotView):
    """Train (solid) and test (dashed) loss of several runs, one color per run."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, axis_items={"left": LogAxis("left")})     # 1, 2, 5 × 10ⁿ labels only
        self.legend = self._add_side_legend()
        self.curves: list[tuple[pg.PlotDataItem, pg.PlotDataItem]] = []
        self._labels: list[str] = []
        self.plot_item.setLogMode(x=False, y=True)     # a diverging or slow run stays on the chart
        self.set_axis_labels(self.tr("step"), self.tr("loss (log scale)"))
        self._apply_style()

    def set_runs(self, labels: list[str]) -> None:
        for train, test in self.curves:
            self.plot_item.removeItem(train)
            self.plot_item.removeItem(test)
        self.legend.clear()
        self._labels = list(labels)
        self.curves = []
        for label in labels:
            train = self.plot_item.plot()
            test = self.plot_item.plot()
            for c in (train, test):
                c.setClipToView(True)
                c.setDownsampling(auto=True, method="peak")
            self.legend.addItem(train, label)       # the title says: train solid, test dashed
            self.curves.append((train, test))
        self._apply_style()

    def set_series(self, run: int, steps, train, test=None) -> None:
        steps = np.asarray(steps, dtype=float)
        for curve, values in zip(self.curves[run], (train, test)):
            if values is None:
                curve.setData([], [])
                continue
            v = np.asarray(values, dtype=float)
            ok = np.isfinite(v) & (v > 0)
            curve.setData(steps[ok], v[ok])

    def series_count(self) -> int:
        return sum(1 for pair in self.curves for c in pair if c.xData is not None and len(c.xData))

    def _restyle(self) -> None:
        colors = RUN_COLORS.get(self._theme.name, RUN_COLORS["light"])
        for i, (train, test) in enumerate(self.curves):
            color = colors[i % len(colors)]
            train.setPen(self.pen(color, 1.5))
            test.setPen(self.pen(color, 1.5, QtCore.Qt.PenStyle.DashLine))
        self._style_legend(self.legend, boxed=False)
