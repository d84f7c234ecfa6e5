"""Who the app is to the desktop: name, version, icon and desktop entry.

``setDesktopFileName("nnviz")`` ties the running window to ``nnviz.desktop``
(installed by ``nnviz --install-desktop``), so Wayland compositors and task
bars show its name and icon; the window icon is the shipped SVG, which Qt
draws sharp at every size the desktop asks for.
"""

from __future__ import annotations

from PySide6 import QtGui, QtWidgets

from nnviz import __version__
from nnviz.resources_path import resource_path

DESKTOP_FILE_NAME = "nnviz"


def app_icon() -> QtGui.QIcon:
    """nnviz's icon (resources/nnviz.svg)."""
    return QtGui.QIcon(str(resource_path("nnviz.svg")))


def set_identity(app: QtWidgets.QApplication) -> None:
    """Name, organisation (for QSettings), version, desktop entry and icon of ``app``."""
    app.setOrganizationName("nnviz")
    app.setApplicationName("nnviz")
    app.setApplicationDisplayName("nnviz")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    app.setWindowIcon(app_icon())
