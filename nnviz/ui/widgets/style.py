"""Theme colors for plain Qt widgets (labels, buttons, combo boxes) beside the plots.

The plot views color their pyqtgraph items themselves; the ordinary widgets
around them (a control row, an inspector page) take the same background and
text colors through their palette, so a dark theme is dark all over.
"""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from nnviz.ui.widgets.theme import Theme

_BUTTON = {"dark": "#2c2f34"}
_BUTTON_DEFAULT = "#f0f0f0"


def apply_palette(widget: QtWidgets.QWidget, theme: Theme) -> None:
    """Give ``widget`` and its children the theme's background, text and button colors."""
    palette = widget.palette()
    roles = QtGui.QPalette.ColorRole
    for role, color in ((roles.Window, theme.background), (roles.WindowText, theme.foreground),
                        (roles.Base, theme.background), (roles.AlternateBase, theme.background),
                        (roles.Text, theme.foreground), (roles.ButtonText, theme.foreground),
                        (roles.PlaceholderText, theme.muted),
                        (roles.Button, _BUTTON.get(theme.name, _BUTTON_DEFAULT))):
        palette.setColor(role, QtGui.QColor(color))
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
