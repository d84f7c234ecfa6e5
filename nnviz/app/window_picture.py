"""The whole main window as an offscreen picture: what ``nnviz render --view window`` draws.

:class:`WindowPicture` is a :class:`~nnviz.ui.render.Picture` whose widget is
a main window over the session; the window follows the session by itself,
so driving goes through the window (its play loop's own ``train_steps`` and
``step``).  Its settings live in a temporary file: the user's own settings
are never read or written.

The window class is passed in (``window_class``) rather than imported: the
main window's record dialog makes window pictures of itself, and this
module stays below the main window in the import graph.
"""

from __future__ import annotations

import os
import tempfile

from PySide6 import QtCore

from nnviz.ui import render
from nnviz.ui.render import Picture

WINDOW_SIZE = (1500, 940)
VIEWS = ("window",) + render.VIEWS
DEFAULT_SIZES = {"window": WINDOW_SIZE, **render.DEFAULT_SIZES}


class WindowPicture(Picture):
    """The main window (``window_class``) over ``session``, drawn offscreen."""

    VIEWS = ("window",)
    DEFAULT_SIZES = {"window": WINDOW_SIZE}

    def __init__(self, session, window_class, size: tuple[int, int] | None = None, theme: str = "light",
                 zoom: float = 1.0) -> None:
        self._window_class = window_class
        self._scratch: tempfile.TemporaryDirectory | None = tempfile.TemporaryDirectory(prefix="nnviz-render-")
        super().__init__(session, "window", size=size, theme=theme, zoom=zoom)

    def _build_window(self):
        settings = QtCore.QSettings(os.path.join(self._scratch.name, "settings.ini"),
                                    QtCore.QSettings.Format.IniFormat)
        window = self._window_class(self.session, settings=settings)
        window.set_theme(self.theme)
        return window

    def train(self, steps: int) -> int:
        done = self.widget.train_steps(int(steps), metrics=True)     # every step: whole loss curves
        self.redraw()
        return done

    def step_phase(self):
        self.widget.step("phase")
        self.redraw()
        return self.session.phase

    def network_view(self):
        return self.widget.network_view

    def redraw(self) -> None:
        """The window draws the session by itself; only let it settle."""
        self.settle()

    def settle(self) -> None:
        self.widget.statusBar().clearMessage()     # "Zoom 150%", "Lesson: ...": not for a picture
        super().settle()

    def _zoom(self, zoom: float) -> None:
        if zoom != 1.0:
            self.widget.set_zoom(zoom)

    def close(self) -> None:
        super().close()
        if self._scratch is not None:
            self._scratch.cleanup()
            self._scratch = None


def open_picture(session, view: str, *, window_class=None, size: tuple[int, int] | None = None,
                 theme: str = "light", zoom: float = 1.0) -> Picture:
    """A picture of ``view`` (one of :data:`VIEWS`); the whole window needs ``window_class``."""
    if view == "window":
        if window_class is None:
            raise ValueError("a picture of the window needs the window class")
        return WindowPicture(session, window_class, size=size, theme=theme, zoom=zoom)
    return Picture(session, view, size=size, theme=theme, zoom=zoom)
