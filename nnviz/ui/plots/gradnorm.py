"""Gradient sizes against the training step, on a log axis.

The view shows one of three series, chosen in its "show" box (or suggested
by the window for a lesson that names one):

* ``layers``: ‖dL/dW‖ of each layer, one line per layer ordered by color from
  the input side (layer 1) to the output side (layer L).  Vanishing gradients
  show as the first layers' lines sitting decades below the last ones;
  exploding gradients as the reverse or as lines that shoot up and stop where
  the norm became NaN/inf (marked);
* ``global``: the global gradient norm (all layers together, before clipping)
  with the clip limit as a horizontal line: clipping acts wherever the line
  is above the limit;
* ``ratio``: the update-to-weight ratio ‖ΔW‖ / ‖W‖ of each layer with the
  rule-of-thumb 1e-3 as a guide line.

A history of one step is drawn as dots (a line needs two points).  The axes
move by rule (:mod:`~nnviz.ui.plots.ranges`: whole decades, steps to a round
number), not with every frame; when the history is cleared or shortened (a
new network, a drawn point, a rewind) they range over the new data afresh.

Notes on performance: ``set_series`` is called every frame while training
plays.  It reuses one ``PlotDataItem`` per layer and only calls ``setData``;
items are created or removed only when the number of layers changes.  Histories
longer than ``MAX_POINTS`` are first reduced to bucket minima and maxima with
numpy, kept between frames (:class:`~nnviz.ui.plots.peaks.PeakHistory`: a frame
reduces only the steps that arrived since the last), then pyqtgraph's
peak downsampling and clip-to-view bound the drawn points by the plot width.  Zeros (a dead layer)
have no logarithm and leave a gap, as do NaN and inf.  Pens are 1 px wide at
line scale 1: Qt strokes wider lines as filled outlines, measured here at
8 ms against 1.4 ms per repaint for 8 layers × 1 000 steps.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.i18n import numbers
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.plots.peaks import MAX_POINTS, PeakHistory
from nnviz.ui.plots.ranges import RangeRule, finite_bounds

from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import sample_layer_colors

SERIES = ("layers", "global", "ratio")
RATIO_GUIDE = 1e-3  # the rule of thumb for the update-to-weight ratio
LABEL_ROOM = 1.8   # a tick label needs this many text heights of axis to stand apart


class LogAxis(pg.AxisItem):
    """A log axis that stays readable over less than two decades.

    pyqtgraph labels every minor tick (2, 3, ... 9 × 10ⁿ) when fewer than
    three decades are in view, and over a narrow range the labels pile on top
    of each other.  Here only 1, 2 and 5 × 10ⁿ are labelled; the other
    multiples stay as unlabelled ticks (all of them are labelled only when the
    range is too narrow to hold two of 1, 2, 5, and only the powers of ten when
    the axis is too short for 1, 2 and 5 to stand apart).
    """

    def logTickValues(self, minVal, maxVal, size, stdTicks):  # noqa: N802,N803 (pyqtgraph API)
        ticks = [(spacing, t) for spacing, t in stdTicks if spacing >= 1.0]
        if len(ticks) >= 2:
            self._unlabelled = set()
            return super().logTickValues(minVal, maxVal, size, stdTicks)
        labelled, unlabelled = [], []
        for k in range(int(np.floor(minVal)), int(np.ceil(maxVal)) + 1):
            for m in range(1, 10):
                v = k + float(np.log10(m))
                if minVal - 1e-9 <= v <= maxVal + 1e-9:
                    (labelled if m in (1, 2, 5) else unlabelled).append(v)
        if len(labelled) < 2:
            labelled, unlabelled = sorted(labelled + unlabelled), []
        tens = [v for v in labelled if abs(v - round(v)) < 1e-9]
        if len(tens) >= 2 and size < len(labelled) * LABEL_ROOM * self._label_height():
            unlabelled = sorted(unlabelled + [v for v in labelled if v not in tens])   # a short axis: 10ⁿ only
            labelled = tens
        self._unlabelled = {round(v, 9) for v in unlabelled}
        return [(None, labelled), (None, unlabelled)]

    def _label_height(self) -> float:
        font = self.style.get("tickFont") or self.font()
        return float(QtGui.QFontMetricsF(font).height())

    def logTickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        texts = super().logTickStrings(values, scale, spacing)
        hidden = getattr(self, "_unlabelled", set())
        return ["" if round(v, 9) in hidden else t for v, t in zip(values, texts)]


def layer_name(number: int) -> str:
    """ "layer 3" in the window's language, as the gradient plots' legends and rows name a layer."""
    return QtCore.QCoreApplication.translate("GradNormView", "layer {number}").format(number=numbers(str(number)))


class GradNormView(PlotView):
    """Gradient norm of each layer's weights per step (log y axis), legend "layer 1 … L";
    or the global norm against the clip limit, or the update-to-weight ratio per layer."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent, axis_items={"left": LogAxis("left")})
        self.curves: list[pg.PlotDataItem] = []
        self.legend = self._add_side_legend()
        self.diverged_line = pg.InfiniteLine(angle=90, movable=False, label=self.tr("diverged"),
                                             labelOpts={"position": 0.85})
        self.diverged_line.setVisible(False)
        self.plot_item.addItem(self.diverged_line, ignoreBounds=True)
        # the clip limit (global) or the 1e-3 guide (ratio); its value is log10 of the level
        self.guide_line = pg.InfiniteLine(angle=0, movable=False, label="", labelOpts={"position": 0.08})
        self.guide_line.setVisible(False)
        self.plot_item.addItem(self.guide_line)
        self._diverged_step: float | None = None
        self._series = "layers"
        self._layers_title = self._title
        self._chosen: str | None = None     # what the person picked in the box; overrides suggestions
        self._n_steps = -1
        self._range_series = ""
        self._last: tuple | None = None
        self._history_key = None
        self._peaks = PeakHistory()     # the reduced history, kept between frames
        self.show_combo = QtWidgets.QComboBox()
        self.show_combo.setToolTip(self.tr("Which gradient quantity the plot shows"))
        self.plot_widget.setToolTip(self.tr("One line per layer, darkest for layer 1 (the input side), "
                                            "lightest for the last; the same colours as the rows of "
                                            "this step's gradients."))
        for key, text in self._series_names().items():
            self.show_combo.addItem(text, key)
        self.show_combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.show_combo.setMinimumContentsLength(14)
        self.show_combo.activated.connect(self._on_choice)
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(4, 2, 4, 0)
        self._show_label = QtWidgets.QLabel(self.tr("show"))
        row.addWidget(self._show_label)
        row.addWidget(self.show_combo)
        row.addStretch(1)
        self.layout().insertLayout(0, row)
        self.plot_item.setLogMode(x=False, y=True)
        self._range = RangeRule(self.plot_item.getViewBox())   # no auto-range: it re-lays out every frame
        self.set_axis_labels(self.tr("step"), self.tr("‖∇W‖ (log scale)"))
        self._apply_style()

    def set_title(self, text: str) -> None:
        """The title of the per-layer norms; the other series have their own."""
        self._layers_title = text
        if getattr(self, "_series", "layers") == "layers":
            super().set_title(text)

    def title(self) -> str:
        """The title shown (it follows the series)."""
        return self._title

    def _series_titles(self) -> dict[str, str]:
        return {"layers": getattr(self, "_layers_title", ""),
                "global": self.tr("global gradient norm and the clip limit"),
                "ratio": self.tr("update-to-weight ratio per layer")}

    def _series_names(self) -> dict[str, str]:
        return {"layers": self.tr("‖dL/dW‖ per layer"),
                "global": self.tr("global ‖∇‖ and clip limit"),
                "ratio": self.tr("update ÷ weight per layer")}

    def set_series(self, steps, norms, diverged_step: float | None = None, *,
                   global_norm=None, clip: float = 0.0, update_ratio=None,
                   suggested: str | None = None, history_key=None) -> None:
        """``steps``: (n,); ``norms``: (n, n_layers), column 0 = layer 1 (input side).

        Optional: ``global_norm`` (n,) the global gradient norm before
        clipping and ``clip`` the clipping limit (0 = no clipping);
        ``update_ratio`` (n, n_layers) the update-to-weight ratio;
        ``suggested`` which of :data:`SERIES` to show unless the person chose
        one in the box.  The "diverged" marker goes at ``diverged_step`` when
        given, else at the first step with a NaN or infinite norm (norms are
        computed every step, so a NaN here is a real one).  ``history_key``:
        a value that changes whenever steps already shown may have changed (a
        rewind); while it stays the same, a longer history only adds to the
        reduction kept from the last call (:class:`~nnviz.ui.plots.peaks.PeakHistory`).
        """
        steps = np.asarray(steps, dtype=float).reshape(-1)
        norms = np.asarray(norms, dtype=float)
        if norms.ndim == 1:
            norms = norms.reshape(len(steps), -1) if len(steps) else norms.reshape(0, 0)
        if norms.ndim != 2 or norms.shape[0] != len(steps):
            raise ValueError(f"norms must have shape (len(steps), n_layers) = ({len(steps)}, L), got {norms.shape}")
        if global_norm is not None:
            global_norm = np.asarray(global_norm, dtype=float).reshape(-1)
            if len(global_norm) != len(steps):
                raise ValueError(f"global_norm has {len(global_norm)} values but steps has {len(steps)}")
        if update_ratio is not None:
            update_ratio = np.asarray(update_ratio, dtype=float).reshape(norms.shape)
        self._last = (steps, norms, diverged_step, global_norm, float(clip or 0.0), update_ratio)
        self._history_key = history_key
        available = {"layers": True, "global": global_norm is not None, "ratio": update_ratio is not None}
        model = self.show_combo.model()
        for i in range(self.show_combo.count()):
            model.item(i).setEnabled(available[self.show_combo.itemData(i)])
        want = self._chosen or suggested or "layers"
        if want not in SERIES or not available[want]:
            want = "layers"
        self._series = want
        self.show_combo.setCurrentIndex(SERIES.index(want))
        self._draw()

    def series(self) -> str:
        """The series drawn: one of :data:`SERIES`."""
        return self._series

    def set_shown(self, series: str) -> None:
        """Show ``series`` (as if picked in the box)."""
        if series not in SERIES:
            raise ValueError(f"series: expected one of {SERIES}, got {series!r}")
        self._chosen = series
        if self._last is not None:
            self.set_series(*self._last[:3], global_norm=self._last[3], clip=self._last[4],
                            update_ratio=self._last[5], history_key=self._history_key)

    def _on_choice(self, index: int) -> None:
        self.set_shown(self.show_combo.itemData(index))

    def _draw(self) -> None:
        steps, norms, diverged_step, global_norm, clip, update_ratio = self._last
        if self._series == "global":
            values = global_norm.reshape(-1, 1)
            names = [self.tr("global norm")]
            left = self.tr("global ‖∇‖, before clipping (log scale)")
        elif self._series == "ratio":
            values = update_ratio
            names = None
            left = self.tr("‖ΔW‖ / ‖W‖ (log scale)")
        else:
            values = norms
            names = None
            left = self.tr("‖∇W‖ (log scale)")
        self.set_axis_labels(left=left)
        title = self._series_titles()[self._series]
        if title != self._title:
            super().set_title(title)
        self._ensure_layers(values.shape[1], names)
        key = None if self._history_key is None else (self._history_key, self._series)
        xs, ys = self._peaks.decimate(steps, values, key)
        single = len(steps) == 1            # one point: no line to draw, so a dot
        for j, curve in enumerate(self.curves):
            x, y = xs, ys[:, j]
            if single and not (np.isfinite(y[0]) and y[0] > 0):
                x, y = xs[:0], y[:0]        # a zero or NaN has no place on a log axis: no dot either
            curve.setData(x, y, symbol="o" if single else None,
                          symbolSize=7 * self._scale, symbolPen=None,
                          symbolBrush=curve.opts["pen"].color() if single else None)
        self._draw_guide(clip)
        self._fit_range(steps, ys)
        # The reduction keeps every inf and the newest rows as they are; a NaN norm means the run
        # diverged, and it stops there, so only a reduced history with a non-finite value is searched.
        bad = ~np.isfinite(norms).all(axis=1) if norms.size and not np.isfinite(ys).all() else np.zeros(0, bool)
        if diverged_step is not None:
            self._diverged_step = float(diverged_step)
        else:
            self._diverged_step = float(steps[np.argmax(bad)]) if bad.any() else None
        if self._diverged_step is not None:
            self.diverged_line.setVisible(True)  # first: the label ignores changes while hidden
            self.diverged_line.setValue(self._diverged_step)
            self.diverged_line.label.valueChanged()
        else:
            self.diverged_line.setVisible(False)

    def _draw_guide(self, clip: float) -> None:
        line = self.guide_line
        if self._series == "global" and clip > 0:
            level, text = clip, self.tr("clip limit {0:g}").format(clip)
        elif self._series == "ratio":
            level, text = RATIO_GUIDE, self.tr("≈1e-3 rule of thumb")
        else:
            line.setVisible(False)
            return
        line.setVisible(True)
        line.setValue(float(np.log10(level)))
        line.label.setFormat(text)
        line.label.valueChanged()

    def guide_level(self) -> float | None:
        """The level of the horizontal guide (clip limit or 1e-3), or None when hidden."""
        return float(10.0 ** self.guide_line.value()) if self.guide_line.isVisible() else None

    def _fit_range(self, steps: np.ndarray, values: np.ndarray) -> None:
        """Range by rule (:mod:`~nnviz.ui.plots.ranges`): whole decades around the drawn values (``values``:
        the reduced history) and
        the guide line, afresh when the history is cleared or shortened or the series changes."""
        n = len(steps)
        if n == 0:
            self._range.clear((0.0, 1.0), (-1.0, 1.0))
        elif n < self._n_steps or self._n_steps <= 0 or self._series != self._range_series:
            self._range.reset()
        self._n_steps, self._range_series = n, self._series
        if n == 0:
            return
        guide = [np.array([self.guide_level()])] if self.guide_line.isVisible() else []
        self._range.fit(float(steps[-1]), finite_bounds([values, *guide], positive=True), log=True)

    def clear(self) -> None:
        self.set_series([], np.zeros((0, len(self.curves))))

    def n_layers(self) -> int:
        return len(self.curves)

    def diverged_step(self) -> float | None:
        """The step of the "diverged" marker, or None when it is hidden."""
        return self._diverged_step

    # -- internals -------------------------------------------------------------------
    def _ensure_layers(self, n: int, names: list[str] | None = None) -> None:
        names = names or [layer_name(j + 1) for j in range(n)]
        if n == len(self.curves) and [label.text for _s, label in self.legend.items] == names:
            return
        while self.curves:
            curve = self.curves.pop()
            self.legend.removeItem(curve)
            self.plot_item.removeItem(curve)
        for j in range(n):
            curve = self.plot_item.plot()
            curve.setDownsampling(auto=True, method="peak")
            curve.setClipToView(True)
            self.curves.append(curve)
            self.legend.addItem(curve, names[j])
        self._restyle()

    def _restyle(self) -> None:
        t = self._theme
        apply_palette(self, t)              # the "show" row above the plot
        for curve, color in zip(self.curves, sample_layer_colors(len(self.curves), t)):
            curve.setPen(self.pen(color, 1.0))
        self.diverged_line.setPen(self.pen(t.diverged, 1.5, QtCore.Qt.PenStyle.DashLine))
        self.diverged_line.label.setColor(t.diverged)
        self.diverged_line.label.setFont(self.qfont(bold=True))
        self.diverged_line.label.anchors = [(1.0, 0.5), (1.0, 0.5)]  # text left of the line
        self.guide_line.setPen(self.pen(t.muted, 1.5, QtCore.Qt.PenStyle.DashLine))
        self.guide_line.label.setColor(t.foreground)
        self.guide_line.label.setFont(self.qfont())
        self.guide_line.label.anchors = [(0.0, 0.0), (0.0, 0.0)]     # text under the line: inside at the top
        self._show_label.setFont(self.qfont())
        self.show_combo.setFont(self.qfont())
        self._style_legend(self.legend, boxed=False)


# -- standalone demo -----------------------------------------------------------------
def demo_norms(n_steps: int = 300, n_layers: int = 5, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Fake norms of a deep sigmoid net: each layer toward the input about 4× smaller."""
    rng = np.random.default_rng(seed)
    steps = np.arange(n_steps)
    scale = 0.25 ** np.arange(n_layers - 1, -1, -1)          # layer 1 smallest
    trend = 0.5 + 0.5 * np.exp(-steps / 120)
    noise = np.exp(rng.normal(0, 0.15, size=(n_steps, n_layers)))
    return steps, trend[:, None] * scale[None, :] * noise


def _demo_widget() -> GradNormView:
    view = GradNormView()
    view.set_series(*demo_norms())
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(640, 360), title="nnviz gradient norms"))
