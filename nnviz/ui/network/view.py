"""The central network view: an MLP drawn as columns of neurons joined by edges.

Run ``python -m nnviz.ui.network.view`` for a preview with a made-up 2-8-8-1
net (``--help`` for options).
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.network.edge_batch import EdgeBatchItem
from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.layout import Layout, column_positions, compute_layout, edge_segments
from nnviz.ui.widgets.colors import RGB, Theme, diverging_lut, get_theme, heatmap_rgba, mix
from nnviz.ui.network.scale import (
    BIN_DIVERGED, BIN_MUTED, DEFAULT_DECADES, N_BINS, N_LEVELS, NODE_DIVERGED, NODE_STEPS,
    OVER, bin_of, edge_bins, finite_max_abs, node_shades, sign_level,
)

# Thinnest edge pen.  A pen of width exactly 1 takes Qt's cosmetic-line
# stroker, measured 5-7x slower here on long edges than the span rasteriser
# used for any wider pen; 1.2 px looks the same and stays on the fast path.
MIN_EDGE_PEN = 1.2

_ARROWS = {"forward": "forward  ▶", "backward": "◀  backward", "update": "update  Δw"}
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _qcolor(rgb: RGB) -> QtGui.QColor:
    return QtGui.QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))


def decade_label(k: float) -> str:
    """``-3`` -> ``"10⁻³"``."""
    return "10" + str(int(round(k))).translate(_SUPERSCRIPT)


class NetworkView(pg.GraphicsView):
    """Draws a :class:`~nnviz.ui.network.frame.NetworkFrame`; reports clicks.

    Inputs are on the left, outputs on the right; a header above each column,
    a legend in the bottom-left corner.  Edges: color = sign (orange negative,
    blue positive), width = magnitude -- linear in ``|w|`` in weight mode,
    ``log10 |dL/dW|`` over a fixed decade range (:meth:`set_gradient_range`)
    in gradient mode, where the faint levels also fade toward the background.
    NaN / inf values are drawn in the theme's "diverged" color.

    Scene coordinates are widget pixels (y down), so :meth:`hit_test`,
    :meth:`node_position` and :meth:`edge_point` results map 1:1 to the widget.

    Signals: ``nodeClicked(col, index)``, ``edgeClicked(layer, i, j)`` (nearest
    edge within ``EDGE_PICK_PX`` pixels), ``headerClicked(col)``.

    Notes on performance (budget: one 60 Hz frame, 16 ms, for ~10 000 edges;
    ``benchmarks/render.py`` measures it):

    * Edges are binned, never one QGraphicsItem each.  Every edge goes into one
      of ``N_BINS`` bins (sign x 8 magnitude levels, an over-range level, a
      NaN/inf bin and a muted bin, see :mod:`nnviz.ui.network.scale`).  Each
      layer of edges is one :class:`~nnviz.ui.network.edge_batch.EdgeBatchItem` that
      paints each bin with a single ``QPainter.drawLines`` call from a numpy
      buffer, as ``PlotCurveItem(connect="pairs")`` does.  A QGraphicsLineItem
      per edge costs ~15x more to paint and ~100x more to build.  Re-binning
      is a few numpy passes.
    * One item per layer rather than one per bin, because each layer keeps a
      device-coordinate pixmap cache: a frame that changes only the lit band,
      the nodes or one layer's values re-rasterises nothing else (measured
      here: ~5 ms instead of ~30 ms for a 10 000-edge net at 1200x800).
    * Edge pens are opaque (faintness is mixed into the color, not alpha),
      flat-capped and unantialiased, in a few widths: Qt then fills plain
      spans without blending.  The thinnest pen is ``MIN_EDGE_PEN`` = 1.2 px,
      not 1: a width-1 pen takes Qt's per-pixel cosmetic stroker, measured
      5-7x slower here on long edges.  Filling long edges is what remains
      (~2.3 us per 500 px edge): a full redraw of 10 000 edges that all
      changed costs ~25-30 ms on these 2-core machines.  Crowded layers get
      thinner pens and fainter middle levels so that strong edges stand out.
    * Nodes are one pxMode ``ScatterPlotItem`` whose brushes and pens come from
      palettes built once per theme; its symbol atlas caches by object
      identity, so reusing the same QBrush objects costs no re-rendering.
    * Items are created once and reused (``setData``, ``setRect``); the lit
      band is a separate translucent rectangle over the edges; headers and the
      legend are cached pixmaps too; the scene keeps no BSP index (items move
      every frame).  Heatmaps are one ``ImageItem`` per neuron, colored
      through a precomputed lookup table, and skipped when there is no room.
    """

    nodeClicked = QtCore.Signal(int, int)
    edgeClicked = QtCore.Signal(int, int, int)
    headerClicked = QtCore.Signal(int)

    EDGE_PICK_PX = 5.0
    HEADER_POINT_SIZE = 10.0
    LEGEND_POINT_SIZE = 8.5

    def __init__(self, parent=None, *, theme: str = "light", line_scale: float = 1.0,
                 decades: tuple[float, float] = DEFAULT_DECADES):
        super().__init__(parent)
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)   # inputs on the left in every language, as in the decks
        self.setCentralItem(None)
        self.setMinimumSize(160, 120)
        if not line_scale > 0:
            raise ValueError(f"line scale must be positive, got {line_scale!r}")
        self._theme: Theme = get_theme(theme)
        self._line_scale = float(line_scale)
        self._decades = (float(decades[0]), float(decades[1]))
        self._frame: NetworkFrame | None = None
        self._layout: Layout | None = None
        self._layout_key = None
        self._seg = self._offsets = None
        self._bins: np.ndarray | None = None
        self._pen_key = None
        self._halo_pens: dict[int, QtGui.QPen] = {}
        self._vmax = 0.0
        self._band_col: float | None = None

        scene = self.scene()
        # Items change geometry every frame; keeping Qt's BSP index up to date
        # cost more than the lookups it saves here.
        scene.setItemIndexMethod(QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        # The lit band is a translucent overlay above the edges and below the
        # nodes: moving it repaints one rectangle, not the graph's data.
        self._band = QtWidgets.QGraphicsRectItem()
        self._band.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self._band.setZValue(-8)
        self._band.hide()
        scene.addItem(self._band)
        self._band_label = QtWidgets.QGraphicsSimpleTextItem()
        self._band_label.setZValue(-7)
        self._band_label.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._band_label.hide()
        scene.addItem(self._band_label)

        self._edge_items: list[EdgeBatchItem] = []     # one per layer, reused
        self._edge_pens: list[QtGui.QPen] = []
        # selected edge: a wide outline in the selection color, the edge's own
        # pen on top of it
        self._sel_edge = QtWidgets.QGraphicsLineItem()
        self._sel_edge.setZValue(-6)
        self._sel_edge.hide()
        scene.addItem(self._sel_edge)
        self._sel_edge_core = QtWidgets.QGraphicsLineItem()
        self._sel_edge_core.setZValue(-5.5)
        self._sel_edge_core.hide()
        scene.addItem(self._sel_edge_core)

        self._nodes = pg.ScatterPlotItem(pxMode=True, hoverable=False)
        self._nodes.setZValue(5)
        scene.addItem(self._nodes)
        self._crosses = pg.ScatterPlotItem(pxMode=True, symbol="x", hoverable=False)
        self._crosses.setZValue(7)
        scene.addItem(self._crosses)
        self._sel_node = pg.ScatterPlotItem(pxMode=True, hoverable=False)
        self._sel_node.setZValue(8)
        scene.addItem(self._sel_node)

        self._images: list[pg.ImageItem] = []
        self._headers: list[QtWidgets.QGraphicsTextItem] = []
        self._header_font = QtGui.QFont(self.font())
        self._header_font.setPointSizeF(self.HEADER_POINT_SIZE * self.text_scale())
        self._legend = _Legend()
        self._legend.setZValue(10)
        self._legend.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
        scene.addItem(self._legend)

        scene.sigMouseClicked.connect(self._on_scene_click)
        self._build_palette()

    # ------------------------------------------------------------------ public API

    def set_frame(self, frame: NetworkFrame) -> None:
        """Draw ``frame`` (validated first; ValueError names a bad field)."""
        frame.validate()
        self._frame = frame
        self._band_col = None
        self._redraw()

    def place_band(self, col: float | None) -> None:
        """Put the lit band at a fractional column (between two columns), or back at the lit one.

        Recorded animations glide the band from one layer to the next with
        this; the frame itself (lit header, ringed neurons) is unchanged.
        """
        self._band_col = None if col is None else float(col)
        if self._frame is not None and self._layout is not None:
            self._draw_band(self._frame)

    def current_frame(self) -> NetworkFrame | None:
        return self._frame

    def set_theme(self, name: str) -> None:
        """Switch palette and background: ``"light"``, ``"dark"`` or ``"contrast"``."""
        self._theme = get_theme(name)
        self._build_palette()
        self._force_redraw()

    def theme(self) -> Theme:
        return self._theme

    def set_line_scale(self, scale: float) -> None:
        """Multiply every line width (edges, node rims, selection), e.g. 2 for a projector.

        Header and legend text grow too, by ``text_scale()``.
        """
        if not scale > 0:
            raise ValueError(f"line scale must be positive, got {scale!r}")
        self._line_scale = float(scale)
        self._header_font.setPointSizeF(self.HEADER_POINT_SIZE * self.text_scale())
        for item in self._headers:
            item.setFont(self._header_font)
        self._layout_key = None         # taller headers move the nodes
        self._build_palette()
        self._force_redraw()

    def set_gradient_range(self, lo: float, hi: float) -> None:
        """Decade range ``log10 |g|`` of gradient mode (and of deltas), e.g. (-7, 1)."""
        if not hi > lo:
            raise ValueError(f"gradient range: need lo < hi, got ({lo}, {hi})")
        self._decades = (float(lo), float(hi))
        self._force_redraw()

    def gradient_range(self) -> tuple[float, float]:
        return self._decades

    # -- geometry and picking (scene coordinates == widget pixels)

    def node_position(self, col: int, i: int) -> QtCore.QPointF:
        x, y = self._require_layout().node_xy(col, i)
        return QtCore.QPointF(x, y)

    def edge_point(self, layer: int, i: int, j: int, t: float = 0.5) -> QtCore.QPointF:
        """The point a fraction ``t`` along edge ``(layer, i, j)``."""
        lay = self._require_layout()
        x0, y0 = lay.node_xy(layer, i)
        x1, y1 = lay.node_xy(layer + 1, j)
        return QtCore.QPointF(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t)

    def header_rect(self, col: int) -> QtCore.QRectF:
        return self._headers[col].sceneBoundingRect()

    def hit_test(self, x: float, y: float) -> tuple | None:
        """What is at ``(x, y)``: ``("header", c)``, ``("node", c, i)``,
        ``("edge", l, i, j)`` or None.  Nodes win over the edges under them."""
        if self._layout is None or self._frame is None:
            return None
        lay = self._layout
        sizes = self._frame.sizes
        for c in range(len(sizes)):
            if self._headers[c].isVisible() and self.header_rect(c).contains(x, y):
                return ("header", c)
        for c, n in enumerate(sizes):
            half = lay.marker_size(c) / 2.0 + 2.0
            if abs(x - lay.col_x[c]) > half:
                continue
            ys = lay.node_y[c]
            i = int(np.argmin(np.abs(ys - y)))
            if abs(ys[i] - y) <= half:
                return ("node", c, i)
        best = None
        for l in range(len(sizes) - 1):
            x0, x1 = lay.col_x[l], lay.col_x[l + 1]
            if not x0 - 1.0 <= x <= x1 + 1.0 or x1 <= x0:
                continue
            t = (x - x0) / (x1 - x0)
            y0 = lay.node_y[l][:, None]
            y1 = lay.node_y[l + 1][None, :]
            dy = y1 - y0
            # distance from the point to the line through each segment
            dist = np.abs(y - (y0 + t * dy)) * (x1 - x0) / np.hypot(x1 - x0, dy)
            k = int(np.argmin(dist))
            d = float(dist.flat[k])
            if d <= self.EDGE_PICK_PX and (best is None or d < best[0]):
                i, j = divmod(k, sizes[l + 1])
                best = (d, ("edge", l, i, j))
        return best[1] if best else None

    # -- introspection (tests, inspector, exports)

    def edge_bin(self, layer: int, i: int, j: int) -> int:
        """Bin number of an edge in the last drawn frame (see network_scale)."""
        if self._bins is None:
            raise RuntimeError("no frame drawn yet")
        return int(self._bins[self._offsets[layer] + i * self._frame.sizes[layer + 1] + j])

    def bin_pen(self, b: int) -> QtGui.QPen:
        return self._edge_pens[b]

    def bin_size(self, b: int) -> int:
        """Number of edges drawn in bin ``b`` (all layers)."""
        return sum(item.bin_size(b) for item in self._edge_items if item.isVisible())

    def edge_item(self, layer: int) -> EdgeBatchItem:
        return self._edge_items[layer]

    def node_brush(self, col: int, i: int) -> QtGui.QBrush:
        return self._node_brush_list[self._node_index(col, i)]

    def node_pen(self, col: int, i: int) -> QtGui.QPen:
        return self._node_pen_list[self._node_index(col, i)]

    def palette_brush(self, name: str) -> QtGui.QBrush:
        """One of the special brushes: diverged, unknown, dropped, disabled."""
        return self._special_brushes[name]

    def lit_band_rect(self) -> QtCore.QRectF | None:
        """The lit band's rectangle in scene coordinates, None when hidden."""
        return self._band.sceneBoundingRect() if self._band.isVisible() else None

    def graphics_item_count(self) -> int:
        return len(self.scene().items())

    def visible_heatmaps(self) -> int:
        return sum(1 for im in self._images if im.isVisible())

    def layout_info(self) -> Layout | None:
        return self._layout

    # ------------------------------------------------------------------ palettes

    @staticmethod
    def _paint_groups() -> list[list[int]]:
        """Edge paint order: muted, then levels weakest to strongest (both signs
        of a level interleaved), NaN/inf on top."""
        groups = [[BIN_MUTED]]
        groups += [[bin_of(0, level), bin_of(1, level)] for level in range(OVER + 1)]
        return groups + [[BIN_DIVERGED]]

    def _edge_style(self, b: int, gamma: float = 1.0) -> tuple[RGB, float]:
        """Color and width (before line and density scaling) of bin ``b``.

        ``gamma`` > 1 fades the middle levels further toward the background
        (used for crowded layers, where only the strong edges should stand out).
        """
        th = self._theme
        if b == BIN_MUTED:
            return mix(th.background, th.unknown, 0.55), th.min_width
        if b == BIN_DIVERGED:
            return th.diverged, th.max_width * 1.5
        sign, level = sign_level(b)
        hue = th.positive if sign else th.negative
        if level == OVER:
            return hue, th.max_width * 1.5
        s = level / (N_LEVELS - 1)
        a = th.edge_floor + (1.0 - th.edge_floor) * s ** gamma
        return mix(th.background, hue, a), th.min_width + (th.max_width - th.min_width) * s

    def _build_palette(self) -> None:
        th = self._theme
        self.setBackground(_qcolor(th.background))
        ls = self._line_scale
        self._shade_brushes = [QtGui.QBrush(_qcolor(th.diverging((k - NODE_STEPS) / NODE_STEPS)))
                               for k in range(2 * NODE_STEPS + 1)]
        self._special_brushes = {
            "diverged": QtGui.QBrush(_qcolor(th.diverged)),
            "unknown": QtGui.QBrush(_qcolor(th.unknown)),
            "dropped": QtGui.QBrush(_qcolor(th.background)),
            "disabled": QtGui.QBrush(_qcolor(th.disabled)),
        }

        def pen(rgb, width, style=QtCore.Qt.PenStyle.SolidLine):
            p = QtGui.QPen(_qcolor(rgb))
            p.setWidthF(width)
            p.setCosmetic(True)
            p.setStyle(style)
            return p

        self._node_pens = {
            "outline": pen(th.outline, 1.0 * ls),
            "dropped": pen(th.outline, 1.2 * ls, QtCore.Qt.PenStyle.DashLine),
            "forward": pen(th.forward, 2.5 * ls),
            "backward": pen(th.backward, 2.5 * ls),
            "update": pen(th.update, 2.5 * ls),
        }
        self._cross_brush = QtGui.QBrush(_qcolor(mix(th.disabled, th.background, 0.8)))
        self._cross_pen = QtGui.QPen(QtCore.Qt.PenStyle.NoPen)
        self._sel_pen = pen(th.selection, 2.5 * ls)
        self._lut = diverging_lut(th)
        self._header_color = _qcolor(th.text)
        self._pen_key = None      # forces _apply_edge_pens
        self._node_brush_list = []
        self._node_pen_list = []

    def _apply_edge_pens(self, factor: float, gamma: float) -> None:
        if (factor, gamma) == self._pen_key:
            return
        self._pen_key = (factor, gamma)
        self._edge_pens = []
        for b in range(N_BINS):
            rgb, w = self._edge_style(b, gamma)
            p = QtGui.QPen(_qcolor(rgb))
            p.setWidthF(max(MIN_EDGE_PEN, w * factor))
            p.setCosmetic(True)
            p.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            self._edge_pens.append(p)
        # Exploding gradients glare: the over-range bins get a bright halo.
        self._halo_pens = {}
        for sign in (0, 1):
            b = bin_of(sign, OVER)
            halo = QtGui.QPen(_qcolor(self._theme.glare))
            halo.setWidthF(self._edge_pens[b].widthF() + 6.0 * max(factor, 0.5))
            halo.setCosmetic(True)
            halo.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            self._halo_pens[b] = halo
        for item in self._edge_items:
            item.set_pens(self._edge_pens, self._paint_groups(), self._halo_pens)

    # ------------------------------------------------------------------ drawing

    def _require_layout(self) -> Layout:
        if self._layout is None:
            raise RuntimeError("no frame drawn yet")
        return self._layout

    def _force_redraw(self) -> None:
        self._layout_key = None
        self._bins = None
        if self._frame is not None:
            self._redraw()

    def _sync_scene_range(self) -> tuple[int, int]:
        w, h = max(self.width(), 1), max(self.height(), 1)
        if self.range != QtCore.QRectF(0, 0, w, h):
            self.range = QtCore.QRectF(0, 0, w, h)
            self.updateMatrix()
        return w, h

    def resizeEvent(self, ev):
        super().resizeEvent(ev)
        # pyqtgraph's close() deletes the scene's items, then swaps the
        # viewport, which resizes: never touch the items after that.
        if not self.closed and getattr(self, "_frame", None) is not None:
            self._redraw()

    def _redraw(self) -> None:
        f = self._frame
        w, h = self._sync_scene_range()
        sizes = [int(n) for n in f.sizes]
        ncol = len(sizes)
        header_h = self._update_headers(f, w)
        legend_h = self._legend.height_for(self._legend_font())
        top = header_h + 14.0
        bottom = h - legend_h - 34.0
        want_heat = [f.heatmaps is not None and f.heatmaps[c] is not None for c in range(ncol)]
        key = (tuple(sizes), w, h, top, tuple(want_heat))
        moved = key != self._layout_key
        if moved:
            self._layout = compute_layout(sizes, w, h, top=top, bottom=bottom, heatmaps=want_heat)
            xs, ys, self._offsets = edge_segments(self._layout, sizes)
            self._seg = np.column_stack([xs[:, 0], ys[:, 0], xs[:, 1], ys[:, 1]])
            self._layout_key = key
            self._place_headers(f)
            self._place_edge_items(sizes)
            # Crowded layers get thinner edges and fainter middle levels.
            room = float(self._layout.spacing.min())
            if ncol > 1:
                room = min(room, self._layout.col_gap)
            crowd = float(np.clip(room / 26.0, 0.3, 1.0))
            self._apply_edge_pens(round(crowd * self._line_scale, 3),
                                  round(1.0 + (1.0 - crowd) / 0.7, 2))
        self._draw_edges(f, moved)
        self._draw_nodes(f)
        self._draw_heatmaps(f)
        self._draw_band(f)
        self._draw_selection(f)
        self._legend.configure(self, f)
        self._legend.setPos(8.0, h - legend_h - 6.0)

    def _update_headers(self, f: NetworkFrame, width: float) -> float:
        ncol = len(f.sizes)
        while len(self._headers) < ncol:
            item = QtWidgets.QGraphicsTextItem()
            item.setFont(self._header_font)
            opt = QtGui.QTextOption(QtCore.Qt.AlignmentFlag.AlignHCenter)
            opt.setWrapMode(QtGui.QTextOption.WrapMode.WordWrap)
            item.document().setDefaultTextOption(opt)
            item.document().setDocumentMargin(1.0)
            item.setZValue(2)
            # text layout and glyph drawing are slow; headers rarely change
            item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)
            self.scene().addItem(item)
            self._headers.append(item)
        col_x, gap = column_positions(ncol, width)
        tallest = 0.0
        for c, item in enumerate(self._headers):
            if c >= ncol:
                item.hide()
                continue
            # as wide as the column gap allows, centred, and inside the widget
            tw = min(gap - 8.0, 240.0) if ncol > 1 else min(width - 16.0, 240.0)
            tw = float(max(min(tw, 2.0 * min(col_x[c], width - col_x[c]) - 4.0), 30.0))
            text = str(f.headers[c])
            if item.toPlainText() != text:
                item.setPlainText(text)
            if item.textWidth() != tw:
                item.setTextWidth(tw)
            color = self._header_color
            if f.lit == c:
                color = _qcolor(getattr(self._theme, f.direction))
            if item.defaultTextColor() != color:
                item.setDefaultTextColor(color)
            item.show()
            tallest = max(tallest, item.boundingRect().height())
        return 6.0 + tallest

    def _place_headers(self, f: NetworkFrame) -> None:
        for c in range(len(f.sizes)):
            item = self._headers[c]
            item.setPos(self._layout.col_x[c] - item.textWidth() / 2.0, 6.0)

    def _place_edge_items(self, sizes) -> None:
        lay = self._layout
        n_layers = len(sizes) - 1
        while len(self._edge_items) < n_layers:
            item = EdgeBatchItem(N_BINS)
            item.setZValue(-20)
            if self._edge_pens:
                item.set_pens(self._edge_pens, self._paint_groups(), self._halo_pens)
            self.scene().addItem(item)
            self._edge_items.append(item)
        pad = 2.0 * self._theme.max_width * self._line_scale + 2.0
        for l, item in enumerate(self._edge_items):
            if l >= n_layers:
                item.hide()
                continue
            x0, x1 = lay.col_x[l], lay.col_x[l + 1]
            y0 = min(lay.node_y[l][0], lay.node_y[l + 1][0])
            y1 = max(lay.node_y[l][-1], lay.node_y[l + 1][-1])
            item.set_bounds(QtCore.QRectF(x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad))
            item.set_geometry(self._seg[self._offsets[l]:self._offsets[l + 1]])
            item.show()

    def _draw_edges(self, f: NetworkFrame, moved: bool) -> None:
        sizes = f.sizes
        if len(sizes) < 2:
            self._bins = np.zeros(0, np.int8)
            return
        values = np.concatenate([np.asarray(e, dtype=float).ravel() for e in f.edges])
        if f.edge_mode == "weight":
            self._vmax = finite_max_abs(f.edges)
            bins = edge_bins(values, "weight", vmax=self._vmax)
        else:
            bins = edge_bins(values, "gradient", decades=self._decades)
        self._mute_edges(f, bins)
        old = self._bins
        self._bins = bins
        same_shape = old is not None and old.shape == bins.shape
        for l in range(len(sizes) - 1):
            s = slice(self._offsets[l], self._offsets[l + 1])
            if not moved and same_shape and np.array_equal(bins[s], old[s]):
                continue        # this layer's picture is unchanged: keep its cache
            self._edge_items[l].set_bins(bins[s])

    def _mute_edges(self, f: NetworkFrame, bins: np.ndarray) -> None:
        """Send edges that carry nothing this phase to the muted bin."""
        sizes = f.sizes
        off = self._offsets
        for l in range(len(sizes) - 1):
            s = slice(off[l], off[l + 1])
            if f.edge_mode == "gradient" and f.known is not None and (l + 1) not in f.known:
                bins[s] = BIN_MUTED         # dL/dW of this layer not computed yet
                continue
            rows = self._off_mask(f, l)
            cols = self._off_mask(f, l + 1)
            if rows is None and cols is None:
                continue
            if rows is None:
                rows = np.zeros(sizes[l], bool)
            if cols is None:
                cols = np.zeros(sizes[l + 1], bool)
            mask = (rows[:, None] | cols[None, :]).ravel()
            mask &= bins[s] != BIN_DIVERGED     # a NaN/inf always shows
            if mask.any():
                bins[s][mask] = BIN_MUTED

    @staticmethod
    def _off_mask(f: NetworkFrame, c: int) -> np.ndarray | None:
        out = None
        for masks in (f.dropped, f.disabled):
            if masks is not None and masks[c] is not None:
                m = np.asarray(masks[c], bool)
                out = m if out is None else (out | m)
        return out

    def _node_index(self, col: int, i: int) -> int:
        return int(sum(self._frame.sizes[:col])) + i

    def _draw_nodes(self, f: NetworkFrame) -> None:
        lay = self._layout
        sizes = f.sizes
        brushes: list[QtGui.QBrush] = []
        pens: list[QtGui.QPen] = []
        symbols: list[str] = []
        marker: list[float] = []
        crosses_x, crosses_y, crosses_s = [], [], []
        special = self._special_brushes
        for c, n in enumerate(sizes):
            known = f.known is None or c in f.known
            if f.nodes is not None and f.nodes[c] is not None and known:
                shades = node_shades(f.nodes[c], f.node_mode, self._decades)
                col_brushes = [special["diverged"] if s == NODE_DIVERGED else self._shade_brushes[s]
                               for s in shades.tolist()]
            else:
                col_brushes = [special["unknown"]] * n
            col_pen = self._node_pens[f.direction] if f.lit == c else self._node_pens["outline"]
            col_pens = [col_pen] * n
            for masks, name in ((f.dropped, "dropped"), (f.disabled, "disabled")):
                if masks is None or masks[c] is None:
                    continue
                for i in np.flatnonzero(np.asarray(masks[c], bool)).tolist():
                    col_brushes[i] = special[name]
                    if name == "dropped":
                        col_pens[i] = self._node_pens["dropped"]
                    else:
                        crosses_x.append(lay.col_x[c])
                        crosses_y.append(lay.node_y[c][i])
                        crosses_s.append(lay.marker_size(c) * 0.8)
            brushes += col_brushes
            pens += col_pens
            symbols += ["s" if lay.heat_size[c] > 0 else "o"] * n
            marker += [lay.marker_size(c)] * n
        x = np.concatenate([np.full(n, lay.col_x[c]) for c, n in enumerate(sizes)])
        y = np.concatenate(lay.node_y)
        self._node_brush_list = brushes
        self._node_pen_list = pens
        self._nodes.setData(x=x, y=y, size=np.asarray(marker), symbol=symbols,
                            brush=brushes, pen=pens)
        if crosses_x:
            self._crosses.setData(x=np.asarray(crosses_x), y=np.asarray(crosses_y),
                                  size=np.asarray(crosses_s), symbol="x",
                                  brush=self._cross_brush, pen=self._cross_pen)
            self._crosses.show()
        else:
            self._crosses.hide()

    def _draw_heatmaps(self, f: NetworkFrame) -> None:
        lay = self._layout
        used = 0
        if f.heatmaps is not None:
            for c, maps in enumerate(f.heatmaps):
                side = lay.heat_size[c]
                if maps is None or side <= 0 or (f.known is not None and c not in f.known):
                    continue
                off = self._off_mask(f, c)
                rgba = heatmap_rgba(maps, self._lut, self._theme.diverged)
                for i in range(f.sizes[c]):
                    if off is not None and off[i]:
                        continue
                    if used == len(self._images):
                        im = pg.ImageItem(axisOrder="row-major")
                        im.setZValue(6)
                        self.scene().addItem(im)
                        self._images.append(im)
                    im = self._images[used]
                    used += 1
                    im.setImage(np.ascontiguousarray(rgba[i]), autoLevels=False)
                    x, y = lay.node_xy(c, i)
                    im.setRect(QtCore.QRectF(x - side / 2.0, y - side / 2.0, side, side))
                    im.show()
        for im in self._images[used:]:
            im.hide()

    def _draw_band(self, f: NetworkFrame) -> None:
        lay = self._layout
        if f.lit is None:
            self._band.hide()
            self._band_label.hide()
            return
        color = getattr(self._theme, f.direction)
        ncol = len(f.sizes)
        wide = max(lay.marker_size(f.lit) + 26.0, 48.0)
        if ncol > 1:
            wide = min(wide, 0.7 * lay.col_gap)
        x = lay.col_x[f.lit]
        if self._band_col is not None:
            x = float(np.interp(self._band_col, np.arange(ncol), lay.col_x))
        top = lay.top - 8.0
        self._band.setRect(QtCore.QRectF(x - wide / 2.0, top, wide, lay.bottom - top + 8.0))
        tint = _qcolor(color)
        tint.setAlpha(48 if self._theme.name == "dark" else 40)
        self._band.setBrush(QtGui.QBrush(tint))
        self._band.show()
        label = self._band_label
        label.setText(_ARROWS[f.direction])
        label.setBrush(QtGui.QBrush(_qcolor(color)))
        font = QtGui.QFont(self.font())
        font.setPointSizeF(self.HEADER_POINT_SIZE * self.text_scale())
        font.setBold(True)
        label.setFont(font)
        br = label.boundingRect()
        lx = float(np.clip(x - br.width() / 2.0, 2.0, lay.width - br.width() - 2.0))
        label.setPos(lx, lay.bottom + 6.0)
        label.show()

    def _draw_selection(self, f: NetworkFrame) -> None:
        lay = self._layout
        sel = f.selected
        self._sel_node.hide()
        self._sel_edge.hide()
        self._sel_edge_core.hide()
        if sel is None:
            return
        if sel[0] == "node":
            _, c, i = sel
            x, y = lay.node_xy(c, i)
            self._sel_node.setData(x=[x], y=[y], size=[lay.marker_size(c) + 9.0],
                                   symbol="s" if lay.heat_size[c] > 0 else "o",
                                   brush=QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush),
                                   pen=self._sel_pen)
            self._sel_node.show()
        else:
            _, l, i, j = sel
            x0, y0 = lay.node_xy(l, i)
            x1, y1 = lay.node_xy(l + 1, j)
            core = self._edge_pens[self.edge_bin(l, i, j)]
            pen = QtGui.QPen(self._sel_pen)
            pen.setWidthF(max(core.widthF(), 2.0) + 5.0 * self._line_scale)
            self._sel_edge.setPen(pen)
            self._sel_edge.setLine(x0, y0, x1, y1)
            self._sel_edge.show()
            core = QtGui.QPen(core)
            core.setWidthF(max(core.widthF(), 2.0))
            self._sel_edge_core.setPen(core)
            self._sel_edge_core.setLine(x0, y0, x1, y1)
            self._sel_edge_core.show()

    def _legend_font(self) -> QtGui.QFont:
        font = QtGui.QFont(self.font())
        font.setPointSizeF(self.LEGEND_POINT_SIZE * self.text_scale())
        return font

    def text_scale(self) -> float:
        """Headers and legend grow with the square root of the line scale (2 → 1.41× larger text)."""
        return math.sqrt(self._line_scale)

    # ------------------------------------------------------------------ clicks

    def mousePressEvent(self, ev):
        super().mousePressEvent(ev)
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()         # clicks are this view's business, not its parent's

    def mouseReleaseEvent(self, ev):
        super().mouseReleaseEvent(ev)
        if ev.button() == QtCore.Qt.MouseButton.LeftButton:
            ev.accept()

    def _on_scene_click(self, ev) -> None:
        if ev.button() != QtCore.Qt.MouseButton.LeftButton:
            return
        pos = ev.scenePos()
        hit = self.hit_test(pos.x(), pos.y())
        if hit is None:
            return
        if hit[0] == "node":
            self.nodeClicked.emit(hit[1], hit[2])
        elif hit[0] == "edge":
            self.edgeClicked.emit(hit[1], hit[2], hit[3])
        else:
            self.headerClicked.emit(hit[1])


class _Legend(QtWidgets.QGraphicsItem):
    """Two small rows in a corner: what edge color/width and node color mean."""

    ROW = 18.0

    def __init__(self):
        super().__init__()
        self._rect = QtCore.QRectF(0, 0, 10, 10)
        self._ops: list = []
        self._font = QtGui.QFont()

    def height_for(self, font: QtGui.QFont) -> float:
        fm = QtGui.QFontMetricsF(font)
        return 2 * max(self.ROW, fm.height() + 4.0)

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def configure(self, view: NetworkView, f: NetworkFrame) -> None:
        """Lay out the drawing operations for the frame's modes."""
        th = view.theme()
        font = view._legend_font()
        key = (th.name, f.edge_mode, f.node_mode, view.gradient_range(), view._pen_key,
               font.pointSizeF(), f"{view._vmax:.3g}" if f.edge_mode == "weight" else "", f.edge_label)
        if key == getattr(self, "_key", None):
            return
        self._key = key
        fm = QtGui.QFontMetricsF(font)
        row = max(self.ROW, fm.height() + 4.0)
        text_c = _qcolor(th.text)
        faint_c = _qcolor(th.faint_text)
        ops: list = []
        x_end = 0.0

        def text(x, y_mid, s, color=text_c):
            ops.append(("text", x, y_mid + (fm.ascent() - fm.descent()) / 2.0, s, color))
            return x + fm.horizontalAdvance(s)

        def line(x, y_mid, b, length=16.0):
            pen = QtGui.QPen(view.bin_pen(b))
            halo = view._halo_pens.get(b)
            if halo is not None:
                halo = QtGui.QPen(halo)
                halo.setWidthF(min(halo.widthF(), row - 4.0))
                ops.append(("line", x, y_mid, x + length, y_mid, halo))
                pen.setWidthF(min(pen.widthF(), row - 10.0))
            else:
                pen.setWidthF(min(pen.widthF(), row - 6.0))
            ops.append(("line", x, y_mid, x + length, y_mid, pen))
            return x + length

        lo, hi = view.gradient_range()
        y = row / 2.0
        x = 0.0
        if f.edge_mode == "weight":
            x = text(x, y, (f.edge_label or "weights") + " ") + 4
            for b in (bin_of(0, 1), bin_of(0, 4), bin_of(0, N_LEVELS - 1)):
                x = line(x, y, b) + 4
            x = text(x, y, "−   ") + 2
            for b in (bin_of(1, 1), bin_of(1, 4), bin_of(1, N_LEVELS - 1)):
                x = line(x, y, b) + 4
            x = text(x, y, "+") + 12
            vmax = view._vmax
            x = text(x, y, f"color = sign, width ∝ |w|  (max |w| = {vmax:.3g})", faint_c)
        else:
            x = text(x, y, (f.edge_label or "dL/dW") + " ") + 4
            step = max(1, N_LEVELS // 4)
            for level in list(range(0, N_LEVELS, step)) + [OVER]:
                x = line(x, y, bin_of(1, level), 14.0) + 3
                k = lo + (hi - lo) * level / N_LEVELS
                label = "≥" + decade_label(hi) if level == OVER else decade_label(k)
                x = text(x, y, label, faint_c) + 8
            x = text(x, y, f"width, brightness = log10 |{f.edge_label or 'dL/dW'}|; orange −, blue +", faint_c)
        x_end = max(x_end, x)

        y = row * 1.5
        x = 0.0
        bar_w = 96.0
        if f.node_mode == "activation":
            x = text(x, y, "activation ") + 2
            x = text(x, y, "−1 ", faint_c)
            ops.append(("bar", x, y - 5.0, bar_w, 10.0, th))
            x = text(x + bar_w + 3, y, "+1", faint_c) + 14
        else:
            x = text(x, y, "delta dL/dz ") + 2
            x = text(x, y, "−" + decade_label(hi) + " ", faint_c)
            ops.append(("bar", x, y - 5.0, bar_w, 10.0, th))
            x = text(x + bar_w + 3, y, "+" + decade_label(hi), faint_c)
            x = text(x, y, f"  (log, from {decade_label(lo)})", faint_c) + 14
        for name, rgb, hollow in (("NaN/inf", th.diverged, False), ("dropped", th.background, True),
                                  ("off", th.disabled, False)):
            ops.append(("dot", x + 5.0, y, 9.0, _qcolor(rgb), _qcolor(th.outline), hollow))
            x = text(x + 13.0, y, name, faint_c) + 10
        x_end = max(x_end, x)
        self.prepareGeometryChange()
        self._rect = QtCore.QRectF(-2, 0, x_end + 4, 2 * row)
        self._ops = ops
        self._font = font
        self.update()

    def paint(self, p: QtGui.QPainter, opt, widget=None) -> None:
        p.setFont(self._font)
        for op in self._ops:
            kind = op[0]
            if kind == "text":
                _, x, y, s, color = op
                p.setPen(color)
                p.drawText(QtCore.QPointF(x, y), s)
            elif kind == "line":
                _, x0, y0, x1, y1, pen = op
                p.setPen(pen)
                p.drawLine(QtCore.QLineF(x0, y0, x1, y1))
            elif kind == "bar":
                _, x, y, w, h, th = op
                grad = QtGui.QLinearGradient(x, 0, x + w, 0)
                for t in np.linspace(-1.0, 1.0, 9):
                    grad.setColorAt((t + 1.0) / 2.0, _qcolor(th.diverging(t)))
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(QtGui.QBrush(grad))
                p.drawRect(QtCore.QRectF(x, y, w, h))
            elif kind == "dot":
                _, x, y, d, fill, rim, hollow = op
                pen = QtGui.QPen(rim)
                pen.setWidthF(1.0)
                if hollow:
                    pen.setStyle(QtCore.Qt.PenStyle.DashLine)
                p.setPen(pen)
                p.setBrush(fill)
                p.drawEllipse(QtCore.QPointF(x, y), d / 2.0, d / 2.0)


# ---------------------------------------------------------------------- preview


def _demo_sequence(sizes, seed: int = 0):
    """Frames of one made-up training step: forward, backward, update."""
    from nnviz.ui.network.demo import demo_frame

    ncol = len(sizes)
    frames = []
    for c in range(ncol):
        frames.append(demo_frame(sizes, seed=seed, lit=c, direction="forward",
                                 known=set(range(c + 1))))
    for c in range(ncol - 1, -1, -1):
        frames.append(demo_frame(sizes, seed=seed, edge_mode="gradient", lit=c,
                                 direction="backward", decades_per_layer=1.2,
                                 known=set(range(c, ncol))))
    frames.append(demo_frame(sizes, seed=seed + 7, lit=None, direction="update"))
    return frames


def main(argv=None) -> int:
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(description="Preview of the nnviz network view.")
    parser.add_argument("--sizes", default="2,8,8,1", help="neurons per column, e.g. 2,8,8,1")
    parser.add_argument("--theme", default="light", choices=["light", "dark", "contrast"])
    parser.add_argument("--interval-ms", type=int, default=700, help="time per animation phase")
    parser.add_argument("--quit-after-ms", type=int,
                        default=int(os.environ.get("NNVIZ_QUIT_AFTER_MS", "0") or 0),
                        help="close after this long (0: run until closed; env NNVIZ_QUIT_AFTER_MS)")
    parser.add_argument("--screenshot", default="", help="with --quit-after-ms: save a PNG of the view before quitting")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    view = NetworkView(theme=args.theme)
    view.setWindowTitle("nnviz — network view")
    view.resize(1100, 720)
    frames = _demo_sequence(sizes)
    state = {"k": 0}

    def advance():
        view.set_frame(frames[state["k"] % len(frames)])
        state["k"] += 1

    view.nodeClicked.connect(lambda c, i: print(f"node {c}:{i}"))
    view.edgeClicked.connect(lambda l, i, j: print(f"edge {l}:{i}->{j}"))
    view.headerClicked.connect(lambda c: print(f"header {c}"))
    advance()
    view.show()
    timer = QtCore.QTimer(view)
    timer.timeout.connect(advance)
    timer.start(max(16, args.interval_ms))
    def quit_():
        if args.screenshot:
            view.grab().save(args.screenshot)
        app.quit()

    if args.quit_after_ms > 0:
        QtCore.QTimer.singleShot(args.quit_after_ms, quit_)
    code = app.exec()
    timer.stop()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
