"""Column headers that fit their columns: how wide each may be, and type small enough for its longest word.

A header ("L3 sigmoid W 8×8") wraps at spaces, but a word cannot wrap: with
presenter mode's larger type, nine layers at 1024×768 leave about 50 pixels
a column and "sigmoid" ran into its neighbours ("sigmoisigmoid").  Every
header then gets the same smaller type -- down to :data:`SMALLEST` of the
view's -- so that the longest word of each fits its column.  A name joined
by "_" ("leaky_relu") may wrap after it when it is wider than its column
(:func:`wrapped`): its halves, not the whole name, set how small the type must be.
"""

from __future__ import annotations

import functools
import re

from PySide6 import QtGui

SMALLEST = 0.6          # of the header type, at least
MAX_WIDTH = 240.0       # a header is never wider, however much room there is
BREAK = "\u200b"        # zero-width space: where a header may also wrap


_NAME = re.compile(r"[^\s_]+(?:_[^\s_]+)+")     # "leaky_relu", "cross_entropy"


def breakable(text: str) -> str:
    """``text`` with a zero-width space after each "_" inside a name, so a header may wrap there."""
    return re.sub(r"_(?=\w)", "_" + BREAK, str(text))


def wrapped(text, font: QtGui.QFont, width: float) -> str:
    """``text`` with its "_" names that are wider than ``width`` in ``font`` made :func:`breakable`
    (the others stay as they are: an exported picture's text reads "leaky_relu")."""
    fm = QtGui.QFontMetricsF(font)
    return _NAME.sub(lambda m: breakable(m.group()) if fm.horizontalAdvance(m.group()) + 2.0 > width
                     else m.group(), str(text))


def header_widths(col_x, gap: float, width: float) -> list[float]:
    """The text width of each column's header: the column gap (less a margin), centred on its
    column and inside the view.  The first and last may also reach from the view's edge to half
    way to their neighbour (placed against the edge): with large type "input" needs more than
    the margin left of its column."""
    n = len(col_x)
    out = []
    for c, x in enumerate(col_x):
        tw = min(gap - 8.0, MAX_WIDTH) if n > 1 else min(width - 16.0, MAX_WIDTH)
        room = 2.0 * min(x, width - x) - 4.0
        if n > 1 and c in (0, n - 1):
            room = max(room, min(x, width - x) + gap / 2.0 - 6.0)
        out.append(float(max(min(tw, room), 30.0)))
    return out


_DIGIT = re.compile(r"[0-9]")


def fitted_font(font: QtGui.QFont, texts, widths) -> QtGui.QFont:
    """``font``, made smaller (at most to SMALLEST of it) until each text's longest word fits its width.

    Digits are measured as the font's widest digit, so a header whose number
    changes every frame (the output's loss) fits with the type already
    worked out instead of measuring its words again.
    """
    key = font.toString()
    widest = _widest_digit(key)
    texts = tuple(_DIGIT.sub(widest, str(t)) for t in texts)
    return QtGui.QFont(_fitted(key, texts, tuple(widths)))


@functools.lru_cache(maxsize=16)
def _widest_digit(font_key: str) -> str:
    font = QtGui.QFont()
    font.fromString(font_key)
    fm = QtGui.QFontMetricsF(font)
    return max("0123456789", key=fm.horizontalAdvance)


@functools.lru_cache(maxsize=64)
def _fitted(font_key: str, texts: tuple[str, ...], widths: tuple[float, ...]) -> QtGui.QFont:
    font = QtGui.QFont()
    font.fromString(font_key)
    words = [breakable(text).replace(BREAK, " ").split() for text in texts]
    factor = _factor(font, words, widths)
    if factor >= 1.0:
        return font
    out = QtGui.QFont(font)
    size = font.pointSizeF() * factor
    for _ in range(8):      # hinted glyphs do not shrink exactly with the size: measure again
        out.setPointSizeF(max(size, font.pointSizeF() * SMALLEST))
        if size <= font.pointSizeF() * SMALLEST or _factor(out, words, widths) >= 1.0:
            break
        size *= 0.97
    return out


def _factor(font: QtGui.QFont, words, widths) -> float:
    """How much smaller ``font`` must be for the widest word of each header to fit its width (1: none)."""
    fm = QtGui.QFontMetricsF(font)
    factor = 1.0
    for ws, width in zip(words, widths):
        if ws:
            widest = max(fm.horizontalAdvance(w) for w in ws) + 2.0     # the document's margins
            factor = min(factor, width / widest)
    return factor
