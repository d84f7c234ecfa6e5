"""What the network view can be asked: where a neuron or edge is drawn, what lies under a click, its pens.

The window's clicks, the offscreen pictures' animation band and the tests
all ask the view these questions rather than reading its items.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui

from nnviz.ui.network.edge_batch import EdgeBatchItem
from nnviz.ui.network.layout import Layout


class ViewQueries:
    """Positions, hit tests and the pens in use (part of :class:`~nnviz.ui.network.view.NetworkView`)."""

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
