"""The network view's legend: two small rows in a corner saying what edge color, width and node color mean."""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.palette import qcolor
from nnviz.ui.network.scale import BIN_ZERO, N_LEVELS, OVER, bin_of

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class Legend(QtWidgets.QGraphicsItem):
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

    def configure(self, view, f: NetworkFrame) -> None:
        """Lay out the drawing operations for the frame's modes, in ``view``'s theme, scale and font."""
        th = view.theme()
        font = view._legend_font()
        key = (th.name, f.edge_mode, f.node_mode, view.drawn_gradient_range(), view._pen_key,
               font.pointSizeF(), f"{view._vmax:.3g}" if f.edge_mode == "weight" else "", f.edge_label)
        if key == getattr(self, "_key", None):
            return
        self._key = key
        fm = QtGui.QFontMetricsF(font)
        row = max(self.ROW, fm.height() + 4.0)
        text_c = qcolor(th.text)
        faint_c = qcolor(th.faint_text)
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

        lo, hi = view.drawn_gradient_range()
        moved_up = hi > view.gradient_range()[1]
        translate = QtCore.QCoreApplication.translate     # named so: lupdate reads tr(a, b) as tr(text, comment)
        y = row / 2.0
        x = 0.0
        if f.edge_mode == "weight":
            x = text(x, y, f.edge_label or translate("NetworkLegend", "weights")) + 4 + fm.horizontalAdvance(" ")
            for b in (bin_of(0, 1), bin_of(0, 4), bin_of(0, N_LEVELS - 1)):
                x = line(x, y, b) + 4
            x = text(x, y, "−   ") + 2
            for b in (bin_of(1, 1), bin_of(1, 4), bin_of(1, N_LEVELS - 1)):
                x = line(x, y, b) + 4
            x = text(x, y, "+   ") + 2
            x = line(x, y, BIN_ZERO) + 4
            x = text(x, y, "0") + 12
            vmax = view._vmax
            x = text(x, y, translate("NetworkLegend", "color = sign, width ∝ |w|  (max |w| = {0})")
                     .format(f"{vmax:.3g}"), faint_c)
        else:
            x = text(x, y, (f.edge_label or "dL/dW") + " ") + 4
            step = max(1, N_LEVELS // 4)
            x = line(x, y, BIN_ZERO, 14.0) + 3
            x = text(x, y, "0", faint_c) + 8
            levels = list(range(0, N_LEVELS, step)) + ([] if moved_up else [OVER])
            for level in levels:
                x = line(x, y, bin_of(1, level), 14.0) + 3
                k = lo + (hi - lo) * level / N_LEVELS
                label = "≥" + decade_label(hi) if level == OVER else decade_label(k)
                x = text(x, y, label, faint_c) + 8
            what = f.edge_label or "dL/dW"
            x = text(x, y, translate("NetworkLegend", "width, brightness = log10 |{0}|; purple −, green +, grey exactly 0")
                     .format(what), faint_c)
            if moved_up:
                x = text(x, y, translate("NetworkLegend", "  (scale moved up to {0}: exploding)")
                         .format(decade_label(hi)), faint_c)
        x_end = max(x_end, x)

        y = row * 1.5
        x = 0.0
        bar_w = 96.0
        if f.node_mode == "activation":
            x = text(x, y, translate("NetworkLegend", "activation")) + 2 + fm.horizontalAdvance(" ")
            x = text(x, y, "−1 ", faint_c)
            ops.append(("bar", x, y - 5.0, bar_w, 10.0, self._bar_brush(x, bar_w, th)))
            x = text(x + bar_w + 3, y, "+1", faint_c) + 14
        else:
            x = text(x, y, translate("NetworkLegend", "delta dL/dz")) + 2 + fm.horizontalAdvance(" ")
            x = text(x, y, "−" + decade_label(hi) + " ", faint_c)
            ops.append(("bar", x, y - 5.0, bar_w, 10.0, self._bar_brush(x, bar_w, th)))
            x = text(x + bar_w + 3, y, "+" + decade_label(hi), faint_c)
            x = text(x + fm.horizontalAdvance("  "), y,      # spaces apart: in Persian they would swap sides
                     translate("NetworkLegend", "(log, from {0})").format(decade_label(lo)), faint_c) + 14
        for name, rgb, hollow in (("NaN/inf", th.diverged, False),
                                  (translate("NetworkLegend", "dropped"), th.background, True),
                                  (translate("NetworkLegend", "off"), th.disabled, False)):
            ops.append(("dot", x + 5.0, y, 9.0, qcolor(rgb), qcolor(th.outline), hollow))
            x = text(x + 13.0, y, name, faint_c) + 10
        x_end = max(x_end, x)
        self.prepareGeometryChange()
        self._rect = QtCore.QRectF(-2, 0, x_end + 4, 2 * row)
        self._ops = ops
        self._font = font
        self.update()

    def _bar_brush(self, x: float, width: float, th) -> QtGui.QBrush:
        """The colour bar's gradient, kept while its place and theme stay: the layout is redone
        whenever the largest weight changes (every step), the bar's colours are not."""
        key = (x, width, th)
        cached = getattr(self, "_bar", None)
        if cached is None or cached[0] != key:
            grad = QtGui.QLinearGradient(x, 0, x + width, 0)
            for t in np.linspace(-1.0, 1.0, 9):
                grad.setColorAt((t + 1.0) / 2.0, qcolor(th.diverging(t)))
            self._bar = cached = (key, QtGui.QBrush(grad))
        return cached[1]

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
                _, x, y, w, h, brush = op
                p.setPen(QtCore.Qt.PenStyle.NoPen)
                p.setBrush(brush)
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


def decade_label(k: float) -> str:
    """``-3`` -> ``"10⁻³"``."""
    return "10" + str(int(round(k))).translate(_SUPERSCRIPT)

