"""The network view's neurons and overlays: node colors, neuron heatmaps, the lit band and the selection.

Nodes are one ScatterPlotItem (``pxMode``) whose brushes come from the fixed
palette; only the overlays move during the animation, never the whole graph.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import translate
from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.palette import qcolor
from nnviz.ui.network.scale import NODE_DIVERGED, gradient_window, node_shades
from nnviz.ui.widgets.colors import heatmap_rgba


_ARROWS = {"forward": QT_TRANSLATE_NOOP("NetworkView", "forward  ▶"),
           "backward": QT_TRANSLATE_NOOP("NetworkView", "◀  backward"),
           "update": QT_TRANSLATE_NOOP("NetworkView", "update  Δw")}
"""The lit band's label; a translation puts the arrow where it points (Persian runs right to left)."""


class NodeDrawing:
    """Draw neurons, heatmaps, the lit band and the selection (part of the network view)."""

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
        window = self._decades if f.edge_mode != "gradient" else self._window
        if f.node_mode == "delta" and f.nodes is not None:
            # one range for every column, so "deltas grow toward the input" reads across the net
            window = gradient_window([v for c, v in enumerate(f.nodes) if v is not None
                                      and (f.known is None or c in f.known)] or [np.zeros(1)], window)
        for c, n in enumerate(sizes):
            known = f.known is None or c in f.known
            probabilities = f.output_classes and c == len(sizes) - 1 and f.node_mode == "activation"
            if f.nodes is not None and f.nodes[c] is not None and known and probabilities:
                # Class probabilities: each output in its own class's color, never the sign map.
                p = np.asarray(f.nodes[c], dtype=float)
                col_brushes = [self._output_brush(i, n, v) if np.isfinite(v) else special["diverged"]
                               for i, v in enumerate(p.tolist())]
            elif f.nodes is not None and f.nodes[c] is not None and known:
                shades = node_shades(f.nodes[c], f.node_mode, window)
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
        self._set_node_spots(x, y, marker, symbols, brushes, pens)
        if crosses_x:
            self._crosses.setData(x=np.asarray(crosses_x), y=np.asarray(crosses_y),
                                  size=np.asarray(crosses_s), symbol="x",
                                  brush=self._cross_brush, pen=self._cross_pen)
            self._crosses.show()
        else:
            self._crosses.hide()

    def _set_node_spots(self, x, y, marker, symbols, brushes, pens) -> None:
        """Give the nodes' scatter its spots.  While the nodes stay where they are (a training
        step, a new phase) only brushes and pens that are not the very objects of the last frame
        are set: pyqtgraph then skips building the spots again, less than half the work."""
        place = (x.tobytes(), y.tobytes(), tuple(marker), tuple(symbols))
        if place != self._node_place:
            self._nodes.setData(x=x, y=y, size=np.asarray(marker), symbol=symbols, brush=brushes, pen=pens)
            self._node_place = place
        else:
            new_pens = not _same_objects(pens, self._node_pen_list)
            new_brushes = not _same_objects(brushes, self._node_brush_list)
            if new_pens:
                self._nodes.setPen(pens, update=False)
            if new_brushes:
                self._nodes.setBrush(brushes, update=False)
            if new_pens or new_brushes:
                self._nodes.updateSpots()
        self._node_brush_list = brushes
        self._node_pen_list = pens

    def _draw_heatmaps(self, f: NetworkFrame) -> None:
        lay = self._layout
        used = 0
        if f.heatmaps is not None:
            for c, maps in enumerate(f.heatmaps):
                side = lay.heat_size[c]
                if maps is None or side <= 0 or (f.known is not None and c not in f.known):
                    continue
                off = self._off_mask(f, c)
                n_out = f.sizes[c]
                if f.output_classes and c == len(f.sizes) - 1:
                    # probability of class k in class k's color (values 2p - 1)
                    rgba = [heatmap_rgba(maps[i], self._output_lut(i, n_out), self._theme.diverged)
                            for i in range(n_out)]
                else:
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
        tint = qcolor(color)
        tint.setAlpha(48 if self._theme.name == "dark" else 40)
        self._band.setBrush(QtGui.QBrush(tint))
        self._band.show()
        label = self._band_label
        label.setText(translate("NetworkView", _ARROWS[f.direction]))
        label.setBrush(QtGui.QBrush(qcolor(color)))
        label.setFont(self._band_font())
        br = label.boundingRect()
        lx = float(np.clip(x - br.width() / 2.0, 2.0, lay.width - br.width() - 2.0))
        label.setPos(lx, lay.bottom + 6.0)
        label.show()

    def _band_font(self) -> QtGui.QFont:
        """The lit band's label: the header type, bold."""
        font = QtGui.QFont(self.font())
        font.setPointSizeF(self.HEADER_POINT_SIZE * self.text_scale())
        font.setBold(True)
        return font

    def _band_label_height(self) -> float:
        return QtGui.QFontMetricsF(self._band_font()).height()

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


def _same_objects(new: list, old: list) -> bool:
    return len(new) == len(old) and all(a is b for a, b in zip(new, old))
