"""The network view's edges: one batched item per layer, binned by value, redrawn by turns while playing.

Part of :class:`~nnviz.ui.network.view.NetworkView`.  Each layer of edges is
one :class:`~nnviz.ui.network.edge_batch.EdgeBatchItem`; a frame puts every
edge in a bin (:mod:`~nnviz.ui.network.scale`) and hands a layer its bins only
when they changed, and while playing only within the frame's edge budget
(:mod:`~nnviz.ui.network.edge_turns`).
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6 import QtCore

from nnviz.ui.network.edge_batch import EdgeBatchItem
from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.scale import (
    BIN_DIVERGED, BIN_MUTED, N_BINS, N_LEVELS, OVER, edge_bins, finite_max_abs, gradient_window,
)


class EdgeDrawing:
    """Place the edge items and give them their bins (part of the network view)."""

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
            self._window = self._decades
        else:
            known = [e for l, e in enumerate(f.edges) if f.known is None or (l + 1) in f.known]
            self._window = gradient_window(known, self._decades)
            bins = edge_bins(values, "gradient", decades=self._window)
        self._apply_edge_pens(*self._pen_key[:2], self._glare_from())
        self._mute_edges(f, bins)
        self._bins = bins
        self._show_bins(moved)

    def _show_bins(self, moved: bool = False, everything: bool = False) -> None:
        """Give the edge layers their bins: those that changed, within the frame's edge budget
        (all of them with ``everything``)."""
        bins, shown, off = self._bins, self._shown_bins, self._offsets
        n_layers = len(off) - 1
        if moved or shown is None or shown.shape != bins.shape:
            self._edge_turns.clear()
            shown = self._shown_bins = np.full_like(bins, -1)
        # a layer whose picture is unchanged keeps its cache
        differing = [l for l in range(n_layers) if not np.array_equal(bins[off[l]:off[l + 1]], shown[off[l]:off[l + 1]])]
        for l in self._edge_turns.choose(differing, list(np.diff(off)), everything):
            s = slice(off[l], off[l + 1])
            self._edge_items[l].set_bins(bins[s])
            shown[s] = bins[s]

    def set_edge_budget(self, edges: int | None) -> None:
        """Redraw at most about ``edges`` edges a frame (layers take turns; see
        :mod:`~nnviz.ui.network.edge_turns`), or, with None, every changed layer at once: the
        layers still waiting are drawn now."""
        self._edge_turns.budget = edges
        if edges is None:
            self._show_waiting_edges()

    def _show_waiting_edges(self, widget=None) -> None:
        """Draw the layers still waiting: on a pause, or before a picture of ``widget`` (a
        containing widget; see images.before_picture)."""
        if not self._edge_turns.waiting() or not shiboken6.isValid(self):
            return                      # nothing waits, or a closed view the registry still knows
        if widget is None or widget is self or widget.isAncestorOf(self):
            self._show_bins(everything=True)

    def _glare_from(self) -> int:
        """First level drawn with the glare: OVER on the usual range; on a range slid up for
        exploding gradients, the top level (its decade is above the usual top), so the glare
        marks the largest gradients without covering the widths that show the others' order."""
        if self._window == self._decades:
            return OVER
        return N_LEVELS - 1

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
