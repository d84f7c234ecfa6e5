"""The central network view: an MLP drawn as columns of neurons joined by edges.

The view is assembled from its concerns: this module lays out the columns,
headers and edges and redraws a frame; :mod:`~nnviz.ui.network.palette`
holds its pens and brushes, :mod:`~nnviz.ui.network.headers` writes the
column headers, :mod:`~nnviz.ui.network.nodes` draws neurons,
heatmaps, the lit band and the selection, :mod:`~nnviz.ui.network.queries`
answers where things are and what a click hit, :mod:`~nnviz.ui.network.legend`
explains the colors.  ``python -m nnviz.ui.network.preview`` shows a preview.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.images import before_picture
from nnviz.ui.network.edge_batch import EdgeBatchItem
from nnviz.ui.network.edge_turns import EdgeTurns
from nnviz.ui.network.edges import EdgeDrawing
from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.headers import HeaderDrawing
from nnviz.ui.network.layout import Layout, compute_layout, edge_segments
from nnviz.ui.network.legend import Legend
from nnviz.ui.network.nodes import NodeDrawing
from nnviz.ui.network.palette import EdgePalette
from nnviz.ui.network.queries import ViewQueries
from nnviz.ui.network.scale import DEFAULT_DECADES
from nnviz.ui.widgets.colors import Theme, get_theme


class NetworkView(ViewQueries, EdgePalette, EdgeDrawing, NodeDrawing, HeaderDrawing, pg.GraphicsView):
    """Draws a :class:`~nnviz.ui.network.frame.NetworkFrame`; reports clicks.

    Inputs are on the left, outputs on the right; a header above each column,
    a legend in the bottom-left corner.  Edges: color = sign (purple negative,
    green positive, grey exactly zero), width = magnitude -- linear in ``|w|``
    in weight mode, ``log10 |dL/dW|`` over a decade range
    (:meth:`set_gradient_range`, slid up when gradients explode) in gradient
    mode, where the faint levels also fade toward the background.
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
    * A training step moves a few edges of every layer into another bin, so
      every layer would be re-rasterised on every frame.  While playing,
      :meth:`set_edge_budget` limits a frame to about that many edges: layers
      take turns, the longest-waiting first (:mod:`~nnviz.ui.network.edge_turns`),
      and pausing, stepping or a picture draws every layer at once.
    * Nodes are one pxMode ``ScatterPlotItem`` whose brushes and pens come from
      palettes built once per theme; its symbol atlas caches by object
      identity, so reusing the same QBrush objects costs no re-rendering.
      While the nodes stay put only brushes and pens are set again.
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
        self._text_scale: float | None = None      # set_text_scale's; None: from the line scale
        self._decades = (float(decades[0]), float(decades[1]))
        self._window = self._decades      # the range drawn this frame (slides up for exploding gradients)
        self._frame: NetworkFrame | None = None
        self._layout: Layout | None = None
        self._layout_key = None
        self._seg = self._offsets = None
        self._bins: np.ndarray | None = None
        self._shown_bins: np.ndarray | None = None     # the bins the edge items show
        self._edge_turns = EdgeTurns()
        before_picture(self._show_waiting_edges)
        self._pen_key = None
        self._halo_pens: dict[int, QtGui.QPen] = {}
        self._vmax = 0.0
        self._band_col: float | None = None
        self._top_room = 0.0              # kept free of neurons under the headers (set_top_room)

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
        self._legend = Legend()
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

    def set_top_room(self, px: float) -> None:
        """Keep ``px`` pixels under the column headers free of neurons: presenter mode's card of
        numbers sits there, and the neurons it would cover move down instead."""
        px = max(0.0, float(px))
        if px != self._top_room:
            self._top_room = px
            self._force_redraw()

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

    def set_text_scale(self, scale: float | None) -> None:
        """Header and legend type at ``scale`` times their usual size; ``None``: by the line scale
        again (``text_scale()``).  Presenter mode sizes them from the screen's height."""
        if scale is not None and not scale > 0:
            raise ValueError(f"text scale must be positive, got {scale!r}")
        self._text_scale = None if scale is None else float(scale)
        self._header_font.setPointSizeF(self.HEADER_POINT_SIZE * self.text_scale())
        for item in self._headers:
            item.setFont(self._header_font)
        self._force_redraw()

    def set_gradient_range(self, lo: float, hi: float) -> None:
        """Decade range ``log10 |g|`` of gradient mode (and of deltas), e.g. (-7, 1)."""
        if not hi > lo:
            raise ValueError(f"gradient range: need lo < hi, got ({lo}, {hi})")
        self._decades = (float(lo), float(hi))
        self._window = self._decades
        self._force_redraw()

    def gradient_range(self) -> tuple[float, float]:
        return self._decades

    def drawn_gradient_range(self) -> tuple[float, float]:
        """The decade range of the current frame: ``gradient_range()``, moved up as a
        whole when the largest gradient is above it (see ``scale.gradient_window``)."""
        return self._window

    # -- geometry and picking (scene coordinates == widget pixels)

    # -- introspection (tests, inspector, exports)

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
        legend_h = self._legend.height_for(self, f)
        top = header_h + 14.0 + self._top_room
        # room below the nodes for the lit band's label, in the header type, above the legend
        bottom = h - legend_h - max(34.0, self._band_label_height() + 14.0)
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

    def _legend_font(self) -> QtGui.QFont:
        font = QtGui.QFont(self.font())
        font.setPointSizeF(self.LEGEND_POINT_SIZE * self.text_scale())
        return font

    def text_scale(self) -> float:
        """Headers and legend grow with the square root of the line scale (2 → 1.41× larger text),
        unless :meth:`set_text_scale` gave their scale."""
        if self._text_scale is not None:
            return self._text_scale
        return math.sqrt(self._line_scale)
