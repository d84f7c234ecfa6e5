"""The network view's legend: rows in a corner saying what edge color, width and node color mean.

Two rows -- edges, then nodes -- each made of *pieces* that belong together
(a swatch and its label, a colour bar and its ends, a note).  The pieces flow
into the view's width: a piece that does not fit the rest of a line starts
the next one, and a note wider than a whole line is broken at its spaces
(:class:`QtGui.QTextLayout`, so a Persian note breaks between its words and
keeps its reading order).  Presenter mode's larger type at 1024×768 needs
three or four lines where the window needs two; :meth:`Legend.height_for`
tells the view how tall the legend will be before it places the nodes.

The largest weight changes on every step while playing and its number is
part of a note: that note flows as wide as the widest number it can show
(:data:`NUMBER_TEMPLATE`), so the lines break at the same places from step to
step and the legend's height -- and the nodes above it -- stay put.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.palette import qcolor
from nnviz.ui.network.scale import BIN_ZERO, N_LEVELS, OVER, bin_of

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
MARGIN = 8.0                    # from the view's left and right edges
NUMBER_TEMPLATE = "−8.88e+88"   # the widest "max |w|" a note flows as (``f"{vmax:.3g}"``)
GAP = 8.0                       # between pieces on a line
INDENT = 12.0                   # a wrapped line starts this far in
SHAPE_TEXT = 17.0               # a line of type taller than this draws its swatches, bar and dots larger


class _Piece:
    """Drawing operations at x from 0 that stay on one line; ``width`` is how far they reach.

    ``flow_width`` (at least ``width``) is what the flow reserves for it;
    ``note`` is set for a text that may be broken onto several lines.
    """

    def __init__(self, fm: QtGui.QFontMetricsF) -> None:
        self.fm = fm
        self.k = max(1.0, fm.height() / SHAPE_TEXT)     # swatches, bars and dots grow with larger type
        self.ops: list = []
        self.width = 0.0
        self.flow_width = 0.0
        self.note: tuple[str, QtGui.QColor] | None = None

    def text(self, s: str, color: QtGui.QColor, gap: float = 0.0) -> "_Piece":
        self.ops.append(("text", self.width, s, color))
        self.width += self.fm.horizontalAdvance(s) + gap
        return self

    def line(self, pen: QtGui.QPen, halo: QtGui.QPen | None, length: float, gap: float) -> "_Piece":
        length *= self.k
        if halo is not None:
            self.ops.append(("line", self.width, length, halo))
        self.ops.append(("line", self.width, length, pen))
        self.width += length + gap
        return self

    def bar(self, width: float, gap: float) -> "_Piece":
        width *= self.k
        self.ops.append(("bar", self.width, width, 10.0 * self.k))
        self.width += width + gap
        return self

    def dot(self, fill: QtGui.QColor, rim: QtGui.QColor, hollow: bool) -> "_Piece":
        d = 9.0 * self.k
        self.ops.append(("dot", self.width + d / 2.0 + 0.5, fill, rim, hollow, d))
        self.width += d + 4.0 * self.k
        return self


class Legend(QtWidgets.QGraphicsItem):
    """Rows in a corner: what edge color/width and node color mean, flowed into the view's width."""

    ROW = 18.0

    def __init__(self):
        super().__init__()
        self._rect = QtCore.QRectF(0, 0, 10, 10)
        self._ops: list = []
        self._font = QtGui.QFont()
        self._key = None
        self._lines_key = None
        self._lines = 2

    # ------------------------------------------------------------------ public API
    def height_for(self, view, f: NetworkFrame) -> float:
        """The legend's height for frame ``f`` in ``view``'s font and width (before the view lays out)."""
        font = view._legend_font()
        fm = QtGui.QFontMetricsF(font)
        key = self._shape_key(view, f, font)
        if key != self._lines_key:
            self._lines = self._flow(self._rows(view, f, fm), font, self._room(view))[1]
            self._lines_key = key
        return self._lines * self._row_height(fm)

    def configure(self, view, f: NetworkFrame) -> None:
        """Lay out the drawing operations for the frame's modes, in ``view``'s theme, scale, font and width."""
        font = view._legend_font()
        key = (self._shape_key(view, f, font), view.theme().name, view._pen_key,
               f"{view._vmax:.3g}" if f.edge_mode == "weight" else "")
        if key == self._key:
            return
        self._key = key
        fm = QtGui.QFontMetricsF(font)
        row = self._row_height(fm)
        placed, lines, x_end = self._flow(self._rows(view, f, fm), font, self._room(view))
        th = view.theme()
        ops: list = []
        for line_no, x, op in placed:
            ops.append(self._placed(op, x, row * (line_no + 0.5), fm, row, th))
        self.prepareGeometryChange()
        self._rect = QtCore.QRectF(-2, 0, x_end + 4, lines * row)
        self._ops = ops
        self._font = font
        self._lines, self._lines_key = lines, key[0]
        # A new picture: drop the cached pixmap.  update() alone left the old pixels of the part
        # both layouts cover when the view repainted everything at once (presenter mode's new size).
        mode = self.cacheMode()
        if mode != QtWidgets.QGraphicsItem.CacheMode.NoCache:
            self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.NoCache)
            self.setCacheMode(mode)
        self.update()

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def line_count(self) -> int:
        """How many lines the legend takes now (2 when everything fits beside each other)."""
        return self._lines

    def text_rects(self) -> list[tuple[str, QtCore.QRectF]]:
        """Each text and the rectangle it covers, in the legend's coordinates (for tests and pictures)."""
        fm = QtGui.QFontMetricsF(self._font)
        return [(op[3], QtCore.QRectF(op[1], op[2] - fm.ascent(), fm.horizontalAdvance(op[3]), fm.height()))
                for op in self._ops if op[0] == "text"]

    def shape_rects(self) -> list[QtCore.QRectF]:
        """The rectangle each swatch, colour bar and dot covers, in the legend's coordinates.

        A glaring swatch is its halo with its own pen on top: one swatch, one rectangle."""
        out = []
        last = None
        for op in self._ops:
            if op[0] == "line":
                w = op[5].widthF() / 2.0
                rect = QtCore.QRectF(op[1], op[2] - w, op[3] - op[1], 2 * w)
                if last is not None and last[0] == "line" and last[1:5] == op[1:5]:
                    out[-1] = out[-1].united(rect)          # the same line again: the pen over its halo
                else:
                    out.append(rect)
            elif op[0] == "bar":
                out.append(QtCore.QRectF(op[1], op[2], op[3], op[4]))
            elif op[0] == "dot":
                out.append(QtCore.QRectF(op[1] - op[3] / 2, op[2] - op[3] / 2, op[3], op[3]))
            last = op
        return out

    # ------------------------------------------------------------------ layout
    def _row_height(self, fm: QtGui.QFontMetricsF) -> float:
        return max(self.ROW, fm.height() + 4.0)

    @staticmethod
    def _room(view) -> float:
        return max(float(view.width()) - 2 * MARGIN, 80.0)

    @staticmethod
    def _shape_key(view, f: NetworkFrame, font: QtGui.QFont) -> tuple:
        """What decides where the lines break (not the colours, nor the largest weight's digits)."""
        return (f.edge_mode, f.node_mode, f.edge_label, view.drawn_gradient_range(), view.gradient_range(),
                font.toString(), Legend._room(view))

    def _rows(self, view, f: NetworkFrame, fm: QtGui.QFontMetricsF) -> list[list[_Piece]]:
        """The edge row and the node row, as pieces."""
        th = view.theme()
        row = self._row_height(fm)
        text_c, faint_c = qcolor(th.text), qcolor(th.faint_text)
        translate = QtCore.QCoreApplication.translate     # named so: lupdate reads tr(a, b) as tr(text, comment)

        def swatch(piece: _Piece, b: int, length: float, gap: float) -> _Piece:
            # before the view's first layout it has no pens yet: the flow needs only the lengths
            pen = QtGui.QPen(view.bin_pen(b)) if b < len(view._edge_pens) else QtGui.QPen()
            halo = view._halo_pens.get(b)
            if halo is not None:
                halo = QtGui.QPen(halo)
                halo.setWidthF(min(halo.widthF(), row - 4.0))
                pen.setWidthF(min(pen.widthF(), row - 10.0))
            else:
                pen.setWidthF(min(pen.widthF(), row - 6.0))
            return piece.line(pen, halo, length, gap)

        def piece() -> _Piece:
            return _Piece(fm)

        def note(s: str, color=faint_c, flow: str | None = None) -> _Piece:
            p = piece().text(s, color)
            p.note = (s, color)
            if flow is not None:
                p.flow_width = max(p.width, fm.horizontalAdvance(flow))
            return p

        lo, hi = view.drawn_gradient_range()
        moved_up = hi > view.gradient_range()[1]
        edges: list[_Piece] = []
        if f.edge_mode == "weight":
            edges.append(piece().text(f.edge_label or translate("NetworkLegend", "weights"), text_c))
            for sign, mark in ((0, "−"), (1, "+")):
                p = piece()
                for level in (1, 4, N_LEVELS - 1):
                    swatch(p, bin_of(sign, level), 16.0, 4.0)
                edges.append(p.text(mark, text_c))
            edges.append(swatch(piece(), BIN_ZERO, 16.0, 4.0).text("0", text_c))
            words = translate("NetworkLegend", "color = sign, width ∝ |w|  (max |w| = {0})")
            edges.append(note(words.format(f"{view._vmax:.3g}"), flow=words.format(NUMBER_TEMPLATE)))
        else:
            what = f.edge_label or "dL/dW"
            edges.append(piece().text(what, text_c))
            edges.append(swatch(piece(), BIN_ZERO, 14.0, 3.0).text("0", faint_c))
            levels = list(range(0, N_LEVELS, max(1, N_LEVELS // 4))) + ([] if moved_up else [OVER])
            for level in levels:
                k = lo + (hi - lo) * level / N_LEVELS
                label = "≥" + decade_label(hi) if level == OVER else decade_label(k)
                edges.append(swatch(piece(), bin_of(1, level), 14.0, 3.0).text(label, faint_c))
            edges.append(note(translate("NetworkLegend", "width, brightness = log10 |{0}|; purple −, green +, "
                                        "grey exactly 0").format(what)))
            if moved_up:
                edges.append(note(translate("NetworkLegend", "  (scale moved up to {0}: exploding)")
                                  .format(decade_label(hi)).strip()))

        nodes: list[_Piece] = []
        bar_w = 96.0
        if f.node_mode == "activation":
            nodes.append(piece().text(translate("NetworkLegend", "activation"), text_c))
            nodes.append(piece().text("−1 ", faint_c).bar(bar_w, 3.0).text("+1", faint_c))
        else:
            nodes.append(piece().text(translate("NetworkLegend", "delta dL/dz"), text_c))
            nodes.append(piece().text("−" + decade_label(hi) + " ", faint_c).bar(bar_w, 3.0)
                         .text("+" + decade_label(hi), faint_c))
            nodes.append(note(translate("NetworkLegend", "(log, from {0})").format(decade_label(lo))))
        for name, rgb, hollow in (("NaN/inf", th.diverged, False),
                                  (translate("NetworkLegend", "dropped"), th.background, True),
                                  (translate("NetworkLegend", "off"), th.disabled, False)):
            nodes.append(piece().dot(qcolor(rgb), qcolor(th.outline), hollow).text(name, faint_c))
        return [edges, nodes]

    def _flow(self, rows: list[list[_Piece]], font: QtGui.QFont, room: float):
        """Place the pieces of each row on lines of ``room`` pixels: ([(line, x, op)], lines, widest x)."""
        fm = QtGui.QFontMetricsF(font)
        placed: list = []
        line_no, x_end = 0, 0.0
        for pieces in rows:
            x = 0.0
            for k, p in enumerate(pieces):
                reach = max(p.width, p.flow_width)
                if k and x + reach > room:                   # the next line
                    line_no, x = line_no + 1, INDENT
                if p.note is not None and x + reach > room:   # wider than a whole line: break it
                    for i, part in enumerate(_broken(p.note[0], font, room - x)):
                        if i:
                            line_no += 1
                        placed.append((line_no, x, ("text", 0.0, part, p.note[1])))
                        x_end = max(x_end, x + fm.horizontalAdvance(part))
                    x = room                                  # nothing more on this line
                    continue
                for op in p.ops:
                    placed.append((line_no, x, op))
                x_end = max(x_end, x + p.width)
                x += reach + GAP
            line_no += 1
        return placed, line_no, x_end

    def _placed(self, op, x: float, y: float, fm: QtGui.QFontMetricsF, row: float, th) -> tuple:
        """``op`` of a piece at ``x`` on the line whose middle is at ``y``, as a paint operation."""
        kind = op[0]
        if kind == "text":
            return ("text", x + op[1], y + (fm.ascent() - fm.descent()) / 2.0, op[2], op[3])
        if kind == "line":
            return ("line", x + op[1], y, x + op[1] + op[2], y, op[3])
        if kind == "bar":
            return ("bar", x + op[1], y - op[3] / 2.0, op[2], op[3], self._bar_brush(x + op[1], op[2], th))
        return ("dot", x + op[1], y, op[5], op[2], op[3], op[4])

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


def _broken(text: str, font: QtGui.QFont, width: float) -> list[str]:
    """``text`` in ``font`` broken at spaces into lines at most ``width`` pixels wide (a word wider stays whole)."""
    layout = QtGui.QTextLayout(text, font)
    layout.beginLayout()
    out = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 40.0))
        out.append(text[line.textStart():line.textStart() + line.textLength()].strip())
    layout.endLayout()
    return [s for s in out if s]


def decade_label(k: float) -> str:
    """``-3`` -> ``"10⁻³"``."""
    return "10" + str(int(round(k))).translate(_SUPERSCRIPT)
