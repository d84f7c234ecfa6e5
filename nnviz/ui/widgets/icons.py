"""Toolbar icons that follow the theme.

The style's standard icons (play, step, reset, ...) are drawn dark for a
light background; on the dark theme they would vanish.  ``tinted_icon``
repaints an icon's pixels in one color, keeping its alpha (the shape).
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui

ICON_PIXELS = 32


def tinted_icon(icon: QtGui.QIcon, color: QtGui.QColor | str, size: int = ICON_PIXELS) -> QtGui.QIcon:
    """``icon`` with every opaque pixel in ``color`` (alpha kept); a null icon stays null."""
    if icon.isNull():
        return icon
    source = icon.pixmap(QtCore.QSize(size, size))
    out = QtGui.QPixmap(source.size())
    out.setDevicePixelRatio(source.devicePixelRatio())
    out.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(out)
    painter.drawPixmap(0, 0, source)
    painter.setCompositionMode(QtGui.QPainter.CompositionMode.CompositionMode_SourceIn)
    painter.fillRect(out.rect(), QtGui.QColor(color))
    painter.end()
    return QtGui.QIcon(out)
