"""Common ground of the plot views: one themed ``pg.PlotWidget`` and a demo runner.

``PlotView`` owns the plot, applies a theme (background, axes, text) and a line
scale (presenter mode: thicker lines, bigger fonts) and calls ``_restyle()`` so
a subclass can recolor its own items.  Styling rebuilds pens and fonts, so it
belongs to theme changes, never to the per-frame path.

Notes on performance: pyqtgraph's own grid (``showGrid``) is drawn by the axes
and measured 4-5 ms per axis per repaint here (offscreen, 560×520), more than
the rest of a plot together.  ``PlotView`` draws grid lines itself instead:
two ``PlotCurveItem`` objects (major, minor) with ``connect="pairs"``, rebuilt only
when the visible range or the size changes, at well under 0.5 ms a frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.widgets.demo_runner import run_widget
from nnviz.ui.widgets.theme import Theme, get_theme

BASE_FONT_PT = 9.0
SIDE_LEGEND_SHARE = 0.4                         # a side legend takes at most this share of a view's width ...
SIDE_LEGEND_FONT_STEPS = (1.0, 0.9, 0.8, 0.7, 0.6)  # ... shrinking its font by these factors to stay within it


def _legend_extent(legend: pg.LegendItem, columns: int) -> tuple[float, float]:
    """(width, height) of ``legend``'s entries in ``columns`` columns, filled row by row.

    From each label's size for its text now (its minimum), not its current
    geometry, which lags a font change until the next layout pass (pyqtgraph's
    ``updateSize`` reads that and would spread a shrunk legend over its old size).
    """
    n = len(legend.items)
    rows = -(-n // max(columns, 1))
    widths, heights = [0.0] * rows, [0.0] * rows
    for k, (sample, label) in enumerate(legend.items):
        r = k // columns
        box = sample.boundingRect()
        widths[r] += box.width() + label.minimumWidth() + 2 * legend.layout.horizontalSpacing()
        heights[r] = max(heights[r], box.height(), label.minimumHeight())
    return max(widths, default=0.0), sum(heights) + legend.layout.verticalSpacing() * max(rows - 1, 0)


def _set_legend_font(legend: pg.LegendItem, size: str) -> None:
    """Labels of ``legend`` in the font ``size`` (e.g. "9.0pt"), and the legend sized to them."""
    legend.setLabelTextSize(size)
    for _sample, label in legend.items:
        label.setText(label.text)  # LabelItem applies new attributes on the next setText
    legend.updateSize()


def check_line_scale(scale: float) -> float:
    """``scale`` as a float, or a ValueError if it is not a finite positive number."""
    s = float(scale)
    if not math.isfinite(s) or s <= 0:
        raise ValueError(f"line scale must be a finite positive number, got {scale!r}")
    return s


class Styled:
    """``set_theme`` / ``set_line_scale`` for a widget that restyles itself in ``_apply_style()``.

    Mixed into Qt widgets (list it first); the widget sets ``self._theme`` and
    ``self._scale`` in its constructor.
    """

    def set_theme(self, name: str) -> None:
        """Switch to ``"light"``, ``"dark"`` or ``"contrast"``."""
        self._theme = get_theme(name)
        self._apply_style()

    def set_line_scale(self, scale: float) -> None:
        """Multiply line widths, marker and font sizes by ``scale`` (1 = normal, 2 = projector)."""
        self._scale = check_line_scale(scale)
        self._apply_style()

    def theme(self) -> Theme:
        return self._theme

    def line_scale(self) -> float:
        return self._scale


class PlotView(Styled, QtWidgets.QWidget):
    """A QWidget wrapping one ``pg.PlotWidget`` with ``set_theme`` and ``set_line_scale``.

    Subclasses add their items to ``self.plot_item`` and override ``_restyle()``
    to recolor them; ``self._theme`` and ``self._scale`` hold the current style.
    """

    def __init__(self, parent: QtWidgets.QWidget | None = None, *,
                 view_box: pg.ViewBox | None = None, axis_items: dict[str, pg.AxisItem] | None = None,
                 title: str = "") -> None:
        super().__init__(parent)
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)   # graphs read left to right in every language
        self._theme: Theme = get_theme("light")
        self._scale = 1.0
        self._title = title
        self._axis_labels: dict[str, str] = {}
        self.plot_widget = pg.PlotWidget(viewBox=view_box, axisItems=axis_items)
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot_item.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)     # the y axis stays left
        self.plot_item.hideButtons()  # the little "A" auto-range button confuses students
        for side in ("left", "bottom"):
            self.plot_item.getAxis(side).enableAutoSIPrefix(False)  # no "(x0.001)" on plain numbers
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

        self._grid_axes = {"bottom": True, "left": True}
        self._grid_curves = (pg.PlotCurveItem(connect="pairs"), pg.PlotCurveItem(connect="pairs"))
        vb = self.plot_item.getViewBox()
        for curve in self._grid_curves:
            curve.setZValue(-100)
            curve.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            vb.addItem(curve, ignoreBounds=True)  # in view coordinates: not log-mapped by the PlotItem
        vb.sigRangeChanged.connect(self._update_grid)
        vb.sigResized.connect(self._update_grid)
        self._shown_title: tuple | None = None
        title = self.plot_item.titleLabel       # over the whole plot: axes, data and side legend
        self.plot_item.layout.removeItem(title)
        self.plot_item.layout.addItem(title, 0, 0, 1, 4)
        title.geometryChanged.connect(self._fit_title)
        vb.sigResized.connect(self._fit_side_legend)

    def set_axis_labels(self, bottom: str | None = None, left: str | None = None) -> None:
        """Text beside the x (``bottom``) and y (``left``) axes; ``""`` hides a label."""
        for side, text in (("bottom", bottom), ("left", left)):
            if text is not None and text != self._axis_labels.get(side):    # a new label re-lays out the axis
                self._axis_labels[side] = text
                self._style_axis_label(side)

    def set_grid(self, x: bool = True, y: bool = True) -> None:
        """Show grid lines at the ticks of the x and/or y axis."""
        self._grid_axes = {"bottom": bool(x), "left": bool(y)}
        self._update_grid()

    def set_title(self, title: str) -> None:
        self._title = title
        self._style_title()

    # -- helpers for subclasses ---------------------------------------------
    def font_pt(self, factor: float = 1.0) -> float:
        return BASE_FONT_PT * self._scale * factor

    def qfont(self, factor: float = 1.0, bold: bool = False) -> QtGui.QFont:
        font = QtGui.QFont()
        font.setPointSizeF(self.font_pt(factor))
        font.setBold(bold)
        return font

    def pen(self, color: str, width: float = 1.5, style=QtCore.Qt.PenStyle.SolidLine) -> QtGui.QPen:
        """A cosmetic pen of ``width * line scale`` pixels."""
        return pg.mkPen(color, width=width * self._scale, style=style)

    def _apply_style(self) -> None:
        t = self._theme
        self.plot_widget.setBackground(t.background)
        tick_font = self.qfont()
        for side in ("left", "bottom", "right", "top"):
            axis = self.plot_item.getAxis(side)
            axis.setPen(pg.mkPen(t.foreground, width=max(1.0, self._scale)))
            axis.setTextPen(t.foreground)
            axis.setTickFont(tick_font)
            axis.setStyle(tickLength=int(round(-5 * self._scale)),
                          tickTextOffset=int(round(3 * self._scale)))
        for side in self._axis_labels:
            self._style_axis_label(side)
        # Axes learn their tick-text size only while painting, one frame late; size them
        # for the new font now so the first grab after a style change has its labels.
        metrics = QtGui.QFontMetrics(tick_font)
        bottom, left = self.plot_item.getAxis("bottom"), self.plot_item.getAxis("left")
        bottom.textHeight = metrics.height()
        left.textWidth = max(metrics.horizontalAdvance("-0.000"), left.textWidth if self._scale >= 1 else 0)
        bottom._adjustSize()
        left._adjustSize()
        for curve, alpha in zip(self._grid_curves, (t.grid_alpha, 0.45 * t.grid_alpha)):
            color = pg.mkColor(t.foreground)
            color.setAlphaF(alpha)
            curve.setPen(pg.mkPen(color, width=1))
        self._update_grid()
        self._style_title()
        self._restyle()
        self.plot_item.layout.activate()    # axes, title and legend sized for the new style now, not
                                            # at the next event loop pass: a picture may be taken first

    def _style_axis_label(self, side: str) -> None:
        text = self._axis_labels.get(side, "")
        axis = self.plot_item.getAxis(side)
        axis.setLabel(text or None, **{"color": self._theme.foreground, "font-size": f"{self.font_pt(1.05):.1f}pt"})
        axis.showLabel(bool(text))

    def _style_title(self) -> None:
        self._shown_title = None
        self._fit_title()

    def _fit_title(self, *_args) -> None:
        """Show the title elided to the width its column has (the whole text stays in ``_title``).

        A title as wide as its text would widen the plot beyond a narrow view
        (a dock, a slide at zoom 1.5) and push the axes and legend out of sight;
        so the title never asks for width: it takes what the plot leaves it.
        """
        label = self.plot_item.titleLabel
        if not self._title:
            if self._shown_title != ():
                self._shown_title = ()
                self.plot_item.setTitle(None)
            return
        size = f"{self.font_pt(1.15):.1f}pt"
        room = label.width() - 2 * label.item.document().documentMargin() - 4
        text = self._title
        if "<" not in text and room > 0:            # plain text: elide by the font's metrics
            text = QtGui.QFontMetricsF(self.qfont(1.15)).elidedText(text, QtCore.Qt.TextElideMode.ElideRight, room)
        shown = (text, size, self._theme.foreground)
        if shown == self._shown_title:
            return
        self._shown_title = shown
        self.plot_item.setTitle(text, color=self._theme.foreground, size=size)
        label.setMinimumWidth(0)

    def _restyle(self) -> None:
        """Recolor the subclass's own items after a theme or scale change."""

    def _add_side_legend(self) -> pg.LegendItem:
        """A legend in its own column right of the plot, so it never covers data."""
        self._legend_box = pg.GraphicsWidget()
        self.plot_item.layout.addItem(self._legend_box, 2, 3)
        # No offset: an anchored legend follows its parent's geometry through a signal
        # that can fire after the box is deleted at exit; a fixed position needs none.
        legend = pg.LegendItem(offset=None, verSpacing=-4)
        legend.setParentItem(self._legend_box)
        legend.setPos(2, 4)
        self._side_legend = legend
        return legend

    def _style_legend(self, legend: pg.LegendItem, boxed: bool = True) -> None:
        """Theme colors and font size for ``legend``; call after adding or restyling entries."""
        t = self._theme
        if boxed:
            color = pg.mkColor(t.background)
            color.setAlpha(210)
            legend.setBrush(pg.mkBrush(color))
            legend.setPen(pg.mkPen(t.muted, width=1))
        legend.setLabelTextColor(t.foreground)
        if legend is getattr(self, "_side_legend", None):
            self._side_legend_fit = None
            self._fit_side_legend()
            return
        _set_legend_font(legend, f"{self.font_pt():.1f}pt")

    def _fit_side_legend(self, *_args) -> None:
        """Fit the side legend beside the plot: as many columns as its height needs, and a smaller
        font when even so it would take more than ``SIDE_LEGEND_SHARE`` of the view's width;
        left out when nothing fits, so the plot is never squeezed to a sliver.

        A legend of nine layers is taller than a short plot, and at zoom 1.5 a
        column of it is wider than a narrow dock leaves; either way entries
        would be cut.  The plot keeps its share of the width first.
        Fitted again when the plot's size or the entries change.
        """
        legend = getattr(self, "_side_legend", None)
        if legend is None:
            return
        height = self.plot_item.getViewBox().height() - legend.pos().y()
        width = SIDE_LEGEND_SHARE * self.plot_widget.width()
        key = (tuple(label.text for _s, label in legend.items), self._scale, round(height), round(width))
        if key == getattr(self, "_side_legend_fit", None):
            return
        self._side_legend_fit = key
        n = len(legend.items)

        def arrange(columns: int) -> tuple[bool, bool]:
            legend.setColumnCount(columns)
            w, h = _legend_extent(legend, columns)
            legend.setGeometry(0, 0, w, h)
            return h <= height, w <= width

        fitted = False
        for factor in SIDE_LEGEND_FONT_STEPS:
            if fitted:
                break
            if height <= 0 or width <= 0 or n == 0:      # not laid out yet, or nothing to fit
                _set_legend_font(legend, f"{self.font_pt():.1f}pt")
                fitted = True
                break
            _set_legend_font(legend, f"{self.font_pt(factor):.1f}pt")
            for columns in range(1, n + 1):
                fits_height, fits_width = arrange(columns)
                if fits_height or not fits_width:
                    fitted = fits_height and fits_width
                    break
        # Nothing fits in the smallest font: the legend is left out rather than squeezing the plot
        # to a sliver (the lines keep their layer order of colour; the view's tooltip names it).
        legend.setVisible(fitted)
        box = legend.width() + 6 if n and fitted else 0
        self._legend_box.setMinimumWidth(box)
        self._legend_box.setMaximumWidth(box)

    def _update_grid(self, *_args) -> None:
        """Rebuild the grid lines from the axes' current tick values (view coordinates)."""
        vb = self.plot_item.getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        segments: list[list[np.ndarray]] = [[], []]  # major, minor
        for side, (lo, hi), (o0, o1), size in (("bottom", (x0, x1), (y0, y1), vb.width()),
                                               ("left", (y0, y1), (x0, x1), vb.height())):
            if not self._grid_axes.get(side) or not (np.isfinite([lo, hi, o0, o1]).all() and size > 0):
                continue
            levels = self.plot_item.getAxis(side).tickValues(lo, hi, size)
            seen: set[float] = set()
            for level, (_spacing, values) in enumerate(levels[:2]):
                vals = np.array([v for v in values if lo <= v <= hi and v not in seen], dtype=float)
                seen.update(values)
                if len(vals) == 0:
                    continue
                a = np.repeat(vals, 2)
                b = np.tile([o0, o1], len(vals))
                segments[level].append(np.column_stack([a, b] if side == "bottom" else [b, a]))
        for curve, segs in zip(self._grid_curves, segments):
            if segs:
                xy = np.concatenate(segs)
                curve.setData(xy[:, 0], xy[:, 1], connect="pairs")
            else:
                curve.setData([], [])


def run_demo(build: Callable[[], QtWidgets.QWidget], argv: Sequence[str] | None = None,
             size: tuple[int, int] = (720, 480), title: str = "nnviz") -> int:
    """Show ``build()`` in its own window; the body of each view's ``__main__``.

    Options: ``--quit-after-ms N`` closes the window after N ms (smoke tests),
    ``--theme light|dark|contrast``, ``--scale S`` (line scale) and
    ``--screenshot FILE.png`` (save ``grab()`` just before quitting).
    """
    return run_widget(build, argv, size, title, styled=True)
