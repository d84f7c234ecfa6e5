"""The network view's column headers: one text item per column, in type that fits the columns.

Each header ("L1 tanh / W 2×4", the output's with its loss) is a
``QGraphicsTextItem`` centred over its column and wrapped to the column's
width; :mod:`~nnviz.ui.network.header_fit` says how wide each may be and how
small the type must be for its longest word. Text layout and glyph drawing
are slow and headers rarely change, so each item is cached as a pixmap and
only touched when its text, width, type or colour changes.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.header_fit import fitted_font, header_widths, wrapped
from nnviz.ui.network.layout import column_positions
from nnviz.ui.network.palette import qcolor


class HeaderDrawing:
    """Write and place the column headers (part of the network view)."""

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
        widths = header_widths(col_x, gap, width)
        font = fitted_font(self._header_font, f.headers[:ncol], widths)   # no word wider than its column
        tallest = 0.0
        for c, item in enumerate(self._headers):
            if c >= ncol:
                item.hide()
                continue
            tw = widths[c]
            if item.font() != font:
                item.setFont(font)
            text = wrapped(f.headers[c], font, tw)     # "leaky_relu" may wrap after its "_"
            if item.toPlainText() != text:
                item.setPlainText(text)
            if item.textWidth() != tw:
                item.setTextWidth(tw)
            color = self._header_color
            if f.lit == c:
                color = qcolor(getattr(self._theme, f.direction))
            if item.defaultTextColor() != color:
                item.setDefaultTextColor(color)
            item.show()
            tallest = max(tallest, item.boundingRect().height())
        return 6.0 + tallest

    def _place_headers(self, f: NetworkFrame) -> None:
        for c in range(len(f.sizes)):
            item = self._headers[c]
            x = self._layout.col_x[c] - item.textWidth() / 2.0     # centred, else against the edge
            item.setPos(min(max(x, 2.0), self._layout.width - item.textWidth() - 2.0), 6.0)
