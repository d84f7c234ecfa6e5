"""The network view's fixed palette: one pen per edge bin, one brush per node shade.

Pens and brushes are built once per theme and line scale (pyqtgraph's symbol
atlas caches by object identity, so reusing the same QBrush objects keeps its
cache warm); edges are drawn in ``N_BINS`` batches, each with one opaque pen.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

from nnviz.ui.network.scale import (
    BIN_DIVERGED, BIN_MUTED, BIN_ZERO, N_BINS, N_LEVELS, NODE_STEPS, OVER, bin_of, sign_level,
)
from nnviz.ui.widgets.colors import RGB, class_lut, diverging_lut, mix


# Thinnest edge pen.  A pen of width exactly 1 takes Qt's cosmetic-line
# stroker, measured 5-7x slower here on long edges than the span rasteriser
# used for any wider pen; 1.2 px looks the same and stays on the fast path.
MIN_EDGE_PEN = 1.2


def qcolor(rgb: RGB) -> QtGui.QColor:
    return QtGui.QColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))


class EdgePalette:
    """Build and apply the view's pens and brushes (part of :class:`~nnviz.ui.network.view.NetworkView`)."""

    @staticmethod
    def _paint_groups() -> list[list[int]]:
        """Edge paint order: muted, then levels weakest to strongest (both signs
        of a level interleaved), NaN/inf on top."""
        groups = [[BIN_MUTED], [BIN_ZERO]]
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
        if b == BIN_ZERO:
            return th.zero, th.min_width
        sign, level = sign_level(b)
        hue = th.positive if sign else th.negative
        if level == OVER:
            return hue, th.max_width * 1.5
        s = level / (N_LEVELS - 1)
        a = th.edge_floor + (1.0 - th.edge_floor) * s ** gamma
        return mix(th.background, hue, a), th.min_width + (th.max_width - th.min_width) * s

    def _build_palette(self) -> None:
        th = self._theme
        self.setBackground(qcolor(th.background))
        ls = self._line_scale
        self._shade_brushes = [QtGui.QBrush(qcolor(th.diverging((k - NODE_STEPS) / NODE_STEPS)))
                               for k in range(2 * NODE_STEPS + 1)]
        self._special_brushes = {
            "diverged": QtGui.QBrush(qcolor(th.diverged)),
            "unknown": QtGui.QBrush(qcolor(th.unknown)),
            "dropped": QtGui.QBrush(qcolor(th.background)),
            "disabled": QtGui.QBrush(qcolor(th.disabled)),
        }

        def pen(rgb, width, style=QtCore.Qt.PenStyle.SolidLine):
            p = QtGui.QPen(qcolor(rgb))
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
        self._cross_brush = QtGui.QBrush(qcolor(mix(th.disabled, th.background, 0.8)))
        self._cross_pen = QtGui.QPen(QtCore.Qt.PenStyle.NoPen)
        self._sel_pen = pen(th.selection, 2.5 * ls)
        self._lut = diverging_lut(th)
        self._class_luts: dict = {}
        self._class_brushes: dict = {}
        self._header_color = qcolor(th.text)
        self._pen_key = None      # forces _apply_edge_pens
        self._node_brush_list = []
        self._node_pen_list = []
        self._node_place = None         # where the nodes' spots are (nodes.py keeps them while it holds)

    def _output_lut(self, k: int, n_outputs: int):
        """Lookup table of output neuron ``k`` when the outputs are class probabilities."""
        key = (k, n_outputs)
        if key not in self._class_luts:
            self._class_luts[key] = class_lut(self._theme, k, n_outputs)
        return self._class_luts[key]

    def _output_brush(self, k: int, n_outputs: int, p: float) -> QtGui.QBrush:
        """Fill of output neuron ``k`` showing probability ``p`` in its class's color
        (2 * NODE_STEPS + 1 shades per neuron, built once)."""
        key = (k, n_outputs)
        if key not in self._class_brushes:
            lut = self._output_lut(k, n_outputs)
            idx = [round(i * (len(lut) - 1) / (2 * NODE_STEPS)) for i in range(2 * NODE_STEPS + 1)]
            self._class_brushes[key] = [QtGui.QBrush(qcolor(lut[i][:3])) for i in idx]
        shade = min(2 * NODE_STEPS, max(0, round(p * 2 * NODE_STEPS)))
        return self._class_brushes[key][shade]

    def _apply_edge_pens(self, factor: float, gamma: float, glare_from: int = OVER) -> None:
        """Pens of every bin for a crowding ``factor`` and ``gamma``; levels from
        ``glare_from`` up get the glare halo (only ``OVER`` on the usual range; on
        a range slid up for exploding gradients, every level above the usual top)."""
        if (factor, gamma, glare_from) == self._pen_key:
            return
        self._pen_key = (factor, gamma, glare_from)
        self._edge_pens = []
        for b in range(N_BINS):
            rgb, w = self._edge_style(b, gamma)
            p = QtGui.QPen(qcolor(rgb))
            p.setWidthF(max(MIN_EDGE_PEN, w * factor))
            p.setCosmetic(True)
            p.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
            self._edge_pens.append(p)
        # Exploding gradients glare: the over-range bins get a bright halo.
        self._halo_pens = {}
        for sign in (0, 1):
            for level in range(glare_from, OVER + 1):
                b = bin_of(sign, level)
                halo = QtGui.QPen(qcolor(self._theme.glare))
                halo.setWidthF(self._edge_pens[b].widthF() + 6.0 * max(factor, 0.5))
                halo.setCosmetic(True)
                halo.setCapStyle(QtCore.Qt.PenCapStyle.FlatCap)
                self._halo_pens[b] = halo
        for item in self._edge_items:
            item.set_pens(self._edge_pens, self._paint_groups(), self._halo_pens)
