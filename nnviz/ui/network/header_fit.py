"""Column headers that fit their columns: how wide each may be, and type small enough for its longest word.

A header ("L3 sigmoid W 8×8") wraps at spaces, but a word cannot wrap: with
presenter mode's larger type, nine layers at 1024×768 leave about 50 pixels
a column and "sigmoid" ran into its neighbours ("sigmoisigmoid").  Every
header then gets the same smaller type -- down to :data:`SMALLEST` of the
view's -- so that the longest word of each fits its column.
"""

from __future__ import annotations

import functools

from PySide6 import QtGui

SMALLEST = 0.6          # of the header type, at least
MAX_WIDTH = 240.0       # a header is never wider, however much room there is


def header_widths(col_x, gap: float, width: float) -> list[float]:
    """The text width of each column's header: the column gap (less a margin), centred on its
    column and inside the view."""
    n = len(col_x)
    out = []
    for x in col_x:
        tw = min(gap - 8.0, MAX_WIDTH) if n > 1 else min(width - 16.0, MAX_WIDTH)
        out.append(float(max(min(tw, 2.0 * min(x, width - x) - 4.0), 30.0)))
    return out


def fitted_font(font: QtGui.QFont, texts, widths) -> QtGui.QFont:
    """``font``, made smaller (at most to SMALLEST of it) until each text's longest word fits its width."""
    return QtGui.QFont(_fitted(font.toString(), tuple(str(t) for t in texts), tuple(widths)))


@functools.lru_cache(maxsize=64)
def _fitted(font_key: str, texts: tuple[str, ...], widths: tuple[float, ...]) -> QtGui.QFont:
    font = QtGui.QFont()
    font.fromString(font_key)
    fm = QtGui.QFontMetricsF(font)
    factor = 1.0
    for text, width in zip(texts, widths):
        words = text.split()
        if words:
            widest = max(fm.horizontalAdvance(w) for w in words) + 2.0     # the document's margins
            factor = min(factor, width / widest)
    if factor >= 1.0:
        return font
    out = QtGui.QFont(font)
    out.setPointSizeF(font.pointSizeF() * max(factor, SMALLEST))
    return out
