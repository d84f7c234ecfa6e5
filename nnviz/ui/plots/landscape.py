"""The loss landscape: filled contours of the loss over a plane, with the optimizer's path on it.

Passive: :meth:`LandscapeView.set_landscape` takes a
:class:`~nnviz.session.landscape.Landscape` (the session computes it) and
draws

- the loss as an image under a perceptually uniform colormap (viridis: equal
  steps in loss look like equal steps in colour, and it reads in greyscale);
  when the finite losses span more than ``LOG_DECADES`` decades the colours
  follow log10(loss), otherwise the loss itself, and the colour bar says which;
- contour lines at round levels (1, 2, 5 × 10ⁿ on the log scale);
- one or more paths (:meth:`set_paths`, e.g. every run of the side-by-side
  window): a line with a dot per kept step, a square at the oldest point and
  a ring at the current one;
- axis labels naming the directions: the principal directions of the path
  (PCA) or two filter-normalised random directions.

Grid cells where the network overflows (non-finite loss) stay blank.

Notes on performance: the image and contour lines change only with the
landscape (a few times a minute at most); the contour lines are one
``PlotCurveItem`` (NaN-separated, ``connect="finite"``), traced by
pyqtgraph's marching squares at about 3 ms per level for a 41×41 grid. Paths
change every frame while training plays: each path is two reused items, and
only ``setData`` runs.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session import LESSONS, Session
from nnviz.session.landscape_paths import PlanePath, shared_landscape
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.widgets.theme import readable_text_color

LOG_DECADES = 2.0
"""Colours follow log10(loss) when the finite losses span more than this many decades."""
COLORMAP = "viridis"
CONTOURS = 9
"""About this many contour lines on a linear scale."""
LOW_PERCENTILE = 1.0
"""The colours start at this percentile of the grid's (displayed) losses; see colour_range."""
UPSAMPLE = 8
"""The image is the grid interpolated bilinearly to this many pixels per grid step, so the
colour bands' edges are as smooth as the contour lines (traced on the same interpolation)."""
PATH_COLORS = ("#ff3b30", "#ffffff", "#ff4fd8", "#00e5ff")
"""Per path (run): saturated colours that stand apart from every viridis colour."""


class LandscapeView(PlotView):
    """Loss over a 2-D plane of weight space as filled contours, with paths drawn on it."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._landscape = None
        self._display: np.ndarray | None = None
        self._log = False
        self._levels: np.ndarray = np.empty(0)
        self._paths: list = []
        self._colors: tuple[str, ...] = PATH_COLORS
        self.image = pg.ImageItem(axisOrder="row-major")
        self.image.setZValue(-20)
        self.contours = pg.PlotCurveItem(connect="finite")
        self.contours.setZValue(-10)
        for item in (self.image, self.contours):
            item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            self.plot_item.addItem(item)
        self.colorbar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get(COLORMAP), interactive=False,
                                        width=16, colorMapMenu=False)
        self.colorbar.setImageItem(self.image, insert_in=self.plot_item)
        self._path_items: list[tuple[pg.PlotDataItem, pg.PlotDataItem, pg.ScatterPlotItem]] = []
        self.legend = pg.LegendItem(offset=(8, 8), verSpacing=-4)
        self.legend.setParentItem(self.plot_item.getViewBox())
        self.note = pg.TextItem(anchor=(0, 1))
        self.note.setParentItem(self.plot_item.getViewBox())
        self.set_grid(False, False)        # the surface is the background
        self.plot_item.setMenuEnabled(True)
        self.set_axis_labels(self.tr("direction 1"), self.tr("direction 2"))
        self.plot_item.getViewBox().sigResized.connect(self._place_note)
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_landscape(self, landscape, paths=None) -> None:
        """Draw ``landscape``; ``paths`` (a list of PlanePath) defaults to the landscape's own path."""
        alpha, beta = np.asarray(landscape.alpha, float), np.asarray(landscape.beta, float)
        loss = np.asarray(landscape.loss, dtype=float)
        if loss.shape != (len(beta), len(alpha)):
            raise ValueError(f"landscape loss must have shape (len(beta), len(alpha)) = "
                             f"({len(beta)}, {len(alpha)}), got {loss.shape}")
        self._landscape = landscape
        self._display, self._log = display_values(loss)
        lo, hi = colour_range(self._display)
        self._levels = contour_levels(lo, hi, self._log)
        self.colorbar.setColorMap(banded_colormap(self._levels, lo, hi))
        self.image.setImage(upsample(self._display, UPSAMPLE), levels=(lo, hi), autoLevels=False)
        da, db = _step(alpha), _step(beta)
        self.image.setRect(QtCore.QRectF(alpha[0] - da / (2 * UPSAMPLE), beta[0] - db / (2 * UPSAMPLE),
                                         alpha[-1] - alpha[0] + da / UPSAMPLE, beta[-1] - beta[0] + db / UPSAMPLE))
        self.colorbar.setLevels((lo, hi))
        xs, ys = contour_lines(self._display, self._levels, alpha, beta)
        self.contours.setData(xs, ys, connect="finite")
        rect = QtCore.QRectF(alpha[0], beta[0], alpha[-1] - alpha[0], beta[-1] - beta[0])
        self.plot_item.getViewBox().setRange(rect, padding=0)
        self._label_axes(landscape.kind)
        self._style_colorbar()
        self._style_title()
        self.set_paths(paths if paths is not None else [_own_path(landscape)])
        blank = int(np.size(loss) - np.isfinite(loss).sum())
        self.note.setText(self.tr("blank: the loss overflows there ({0} of {1} points)").format(blank, loss.size)
                          if blank else "")

    def set_paths(self, paths) -> None:
        """Draw paths (PlanePath: ``.label``, ``.coords`` (n, 2) with the current point last).

        Called every frame while training plays: the items are reused, and the
        legend is rebuilt only when the runs' labels change.
        """
        paths = list(paths)
        relabel = [p.label for p in paths] != [p.label for p in self._paths]
        self._paths = paths
        while len(self._path_items) > len(self._paths):
            for item in self._path_items.pop():
                self.plot_item.removeItem(item)
        while len(self._path_items) < len(self._paths):
            halo = pg.PlotDataItem()
            line = pg.PlotDataItem()
            ends = pg.ScatterPlotItem(pxMode=True)
            for z, item in zip((5, 6, 7), (halo, line, ends)):
                item.setZValue(z)
                self.plot_item.addItem(item)
            self._path_items.append((halo, line, ends))
        for path, (halo, line, ends) in zip(self._paths, self._path_items):
            xy = np.asarray(path.coords, dtype=float).reshape(-1, 2)
            halo.setData(xy[:, 0], xy[:, 1])
            line.setData(xy[:, 0], xy[:, 1])
        if relabel:
            self._restyle()
        else:
            self._draw_ends()

    def set_path_colors(self, colors) -> None:
        """One colour per path, e.g. the side-by-side window's run colours (default PATH_COLORS)."""
        self._colors = tuple(colors) or PATH_COLORS
        self._restyle()

    def path_colors(self) -> list[str]:
        """The colour each drawn path has."""
        return [self._colors[k % len(self._colors)] for k in range(len(self._paths))]

    def landscape(self):
        return self._landscape

    def displayed(self) -> np.ndarray | None:
        """The values behind the colours: (len(beta), len(alpha)), log10(loss) when :meth:`is_log`."""
        return self._display

    def is_log(self) -> bool:
        return self._log

    def levels(self) -> np.ndarray:
        """The contour levels, in the displayed values."""
        return self._levels

    def paths(self) -> list:
        return list(self._paths)

    def path_data(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The (x, y) drawn for path ``i``."""
        return self._path_items[i][1].getData()

    # -- styling -------------------------------------------------------------------
    def _label_axes(self, kind: str) -> None:
        if kind == "pca":
            self.set_axis_labels(self.tr("direction 1 (PCA of the path)"), self.tr("direction 2 (PCA of the path)"))
        else:
            self.set_axis_labels(self.tr("random direction 1 (filter-normalised)"),
                                 self.tr("random direction 2 (filter-normalised)"))

    def _style_title(self) -> None:
        if self._title or self._landscape is None:
            super()._style_title()
            return
        split = self.tr("training") if self._landscape.split == "train" else self.tr("test")
        step = int(self._landscape.path_steps[-1]) if len(self._landscape.path_steps) else 0
        text = self.tr("{0} loss around step {1}").format(split, step)     # short: a title sets the
        # plot's minimum width, and a narrow dock must still hold the colour bar
        self.plot_item.setTitle(text, color=self._theme.foreground, size=f"{self.font_pt(1.15):.1f}pt")

    def _style_colorbar(self) -> None:
        axis = self.colorbar.axis
        axis.setPen(pg.mkPen(self._theme.foreground))
        axis.setTextPen(self._theme.foreground)
        axis.setTickFont(self.qfont())
        # Axes learn their tick-text width only while painting, one frame late (see PlotView), and
        # leave too little room for a large label: the width is set from the fonts instead.
        metrics = QtGui.QFontMetrics(self.qfont())
        label = QtGui.QFontMetrics(self.qfont(1.05))
        text = max((metrics.horizontalAdvance(t) for _v, t in level_ticks(self._levels, self._log)), default=0)
        axis.setWidth(int(text + 1.4 * label.height() + 12 * self._scale))
        axis.setTicks([level_ticks(self._levels, self._log)])
        if self._log:
            axis.setLabel(self.tr("loss (log scale)"), color=self._theme.foreground,
                          **{"font-size": f"{self.font_pt(1.05):.1f}pt"})
        else:
            axis.setLabel(self.tr("loss"), color=self._theme.foreground,
                          **{"font-size": f"{self.font_pt(1.05):.1f}pt"})

    def _restyle(self) -> None:
        t, s = self._theme, self._scale
        contour = pg.mkColor("#ffffff")
        contour.setAlphaF(0.55)
        self.contours.setPen(pg.mkPen(contour, width=1.0 * s))
        self.legend.clear()
        for k, (path, (halo, line, ends)) in enumerate(zip(self._paths, self._path_items)):
            color = self._colors[k % len(self._colors)]
            edge = halo_color(color)
            halo.setPen(pg.mkPen(edge, width=4.5 * s))
            line.setPen(pg.mkPen(color, width=2.0 * s))
            line.setSymbol("o")
            line.setSymbolSize(4.0 * s)
            line.setSymbolBrush(color)
            line.setSymbolPen(pg.mkPen(edge, width=0.8))
            self.legend.addItem(line, path.label or self.tr("training path"))
        self._draw_ends()
        self.legend.setVisible(bool(self._paths))
        box = pg.mkColor(t.background)
        box.setAlpha(215)
        self.legend.setBrush(pg.mkBrush(box))
        self.legend.setPen(pg.mkPen(t.muted, width=1))
        self._style_legend(self.legend)
        self.note.setColor(t.foreground)
        self.note.setFont(self.qfont())
        if self._landscape is not None:
            self._style_colorbar()
            self._style_title()

    def _draw_ends(self) -> None:
        """A square at each path's oldest point, a large ring at its current one."""
        s = self._scale
        for k, (path, (_halo, _line, ends)) in enumerate(zip(self._paths, self._path_items)):
            xy = np.asarray(path.coords, dtype=float).reshape(-1, 2)
            if not len(xy):
                ends.setData([], [])
                continue
            color = self._colors[k % len(self._colors)]
            edge = halo_color(color)
            ends.setData(pos=xy[[0, -1]], symbol=["s", "o"], size=[9 * s, 17 * s],
                         brush=[pg.mkBrush(color), pg.mkBrush(color)],
                         pen=[pg.mkPen(edge, width=1.5 * s), pg.mkPen(edge, width=2.5 * s)])

    def _place_note(self, *_args) -> None:
        rect = self.plot_item.getViewBox().boundingRect()
        self.note.setPos(rect.left() + 6, rect.bottom() - 4)


# -- Qt-free helpers (tested on their own) ---------------------------------------
def display_values(loss: np.ndarray) -> tuple[np.ndarray, bool]:
    """(values to colour, log?): log10(loss) when the finite positive losses span > LOG_DECADES decades.

    Non-finite losses become NaN (drawn blank). On the log scale a loss of
    exactly 0 takes the smallest positive loss's logarithm.
    """
    loss = np.asarray(loss, dtype=float)
    values = np.where(np.isfinite(loss), loss, np.nan)
    positive = values[np.isfinite(values) & (values > 0)]
    if positive.size and np.nanmin(values) >= 0 and np.log10(positive.max() / positive.min()) > LOG_DECADES:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log10(np.maximum(values, positive.min())), True
    return values, False


def colour_range(values: np.ndarray) -> tuple[float, float]:
    """(lo, hi) of the colours: from the LOW_PERCENTILE-th percentile of the finite values to their maximum.

    The minimum itself is often one grid point (the bottom of a narrow valley,
    decades below its neighbours); colouring from there would spend most
    colours on that point. Lower values take the lowest band's colour.
    """
    finite = np.asarray(values, dtype=float)
    finite = finite[np.isfinite(finite)]
    if not finite.size:
        return 0.0, 1.0
    lo, hi = float(np.percentile(finite, LOW_PERCENTILE)), float(finite.max())
    return (lo, hi) if hi > lo else (lo, lo + 1.0)


def contour_levels(lo: float, hi: float, log: bool) -> np.ndarray:
    """Round contour levels strictly inside (lo, hi): log10 of 1, 2, 5 × 10ⁿ (every decade when
    more than 6 decades are spanned) on a log scale, about CONTOURS "nice" steps otherwise."""
    if not (np.isfinite(lo) and np.isfinite(hi)) or hi <= lo:
        return np.empty(0)
    if log:
        mult = (1.0, 2.0, 5.0) if hi - lo <= 6 else (1.0,)
        values = [np.log10(m) + k for k in range(int(np.floor(lo)), int(np.ceil(hi)) + 1) for m in mult]
        return np.array([v for v in values if lo < v < hi])
    raw = (hi - lo) / CONTOURS
    mag = 10 ** np.floor(np.log10(raw))
    step = min((m * mag for m in (1, 2, 2.5, 5, 10)), key=lambda v: abs(np.log(v / raw)))
    first = np.floor(lo / step) * step + step
    levels = np.arange(first, hi, step)
    return levels[(levels > lo) & (levels < hi)]


def contour_lines(values: np.ndarray, levels, alpha: np.ndarray, beta: np.ndarray):
    """(x, y) of every contour line of ``values`` (len(beta), len(alpha)) at ``levels``, NaN between lines.

    Non-finite cells count as the largest finite value (an overflow is a high loss).
    """
    values = np.asarray(values, dtype=float)
    finite = values[np.isfinite(values)]
    if not finite.size:
        return np.empty(0), np.empty(0)
    data = np.where(np.isfinite(values), values, finite.max())
    da, db = _step(alpha), _step(beta)
    xs, ys = [], []
    for level in levels:
        for line in pg.functions.isocurve(data, float(level), connected=True, extendToEdge=True):
            pts = np.asarray(line, dtype=float)      # (row + 0.5, col + 0.5) in cell units
            xs.append(np.append(alpha[0] + (pts[:, 1] - 0.5) * da, np.nan))
            ys.append(np.append(beta[0] + (pts[:, 0] - 0.5) * db, np.nan))
    if not xs:
        return np.empty(0), np.empty(0)
    return np.concatenate(xs), np.concatenate(ys)


def level_ticks(levels, log: bool) -> list[tuple[float, str]]:
    """Colour-bar ticks at the contour levels, labelled with the loss there (10^level on a log scale)."""
    return [(float(v), f"{(10.0 ** v if log else v):.3g}") for v in levels]


def banded_colormap(levels, lo: float, hi: float) -> pg.ColorMap:
    """The colormap in flat bands between the contour levels: filled contours, band i in viridis's
    colour at (i + 0.5) / bands, so each band's colour is the one its middle would get."""
    edges = np.concatenate([[0.0], (np.asarray(levels, float) - lo) / (hi - lo), [1.0]])
    n = len(edges) - 1
    colors = pg.colormap.get(COLORMAP).map((np.arange(n) + 0.5) / n, mode="byte")
    return pg.ColorMap(np.repeat(edges, 2)[1:-1], np.repeat(colors, 2, axis=0))


def upsample(values: np.ndarray, factor: int) -> np.ndarray:
    """Bilinear interpolation of a (rows, cols) grid to ((rows-1)·factor+1, (cols-1)·factor+1) points.

    The original grid points are kept exactly (every ``factor``-th pixel); NaN spreads to the cells it touches.
    """
    values = np.asarray(values, dtype=float)
    for axis in (0, 1):
        n = values.shape[axis]
        if n < 2:
            continue
        t = np.arange((n - 1) * factor + 1) / factor
        i = np.minimum(t.astype(int), n - 2)
        w = t - i
        a, b = np.take(values, i, axis=axis), np.take(values, i + 1, axis=axis)
        shape = [1, 1]
        shape[axis] = -1
        w = w.reshape(shape)
        with np.errstate(invalid="ignore"):
            values = np.where(w == 0, a, a * (1 - w) + b * w)
    return values


def halo_color(color: str) -> str:
    """The outline that sets a path apart from every colour of the map: black around a light path
    colour, white around a dark one."""
    return "#000000" if readable_text_color(color) == "#000000" else "#ffffff"


def _step(coords: np.ndarray) -> float:
    return float(coords[1] - coords[0]) if len(coords) > 1 else 1.0


def _own_path(landscape) -> PlanePath:
    return PlanePath("", np.asarray(landscape.path_steps), np.asarray(landscape.path, dtype=float))


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> LandscapeView:
    lesson = LESSONS["momentum"]
    runs = [Session.from_lesson("momentum"), Session({**lesson.config, **lesson.compare})]
    for s in runs:
        s.run(lesson.steps)
    landscape, paths = shared_landscape(runs, ["SGD + momentum 0.9", lesson.compare_label])
    view = LandscapeView()
    view.set_landscape(landscape, paths)
    return view


if __name__ == "__main__":
    raise SystemExit(run_demo(_demo_widget, size=(900, 640), title="nnviz loss landscape"))
