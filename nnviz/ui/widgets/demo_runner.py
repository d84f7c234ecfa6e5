"""Run one widget in its own window: the body of the window-level modules' ``__main__``.

Options: ``--quit-after-ms N`` closes after N ms (smoke tests) and
``--screenshot FILE.png`` saves ``grab()`` just before; a ``styled`` widget
(one with ``set_theme`` and ``set_line_scale``, as the plot views) also takes
``--theme light|dark|contrast`` and ``--scale S``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtWidgets


def run_widget(build: Callable[[], QtWidgets.QWidget], argv: Sequence[str] | None = None,
               size: tuple[int, int] = (720, 480), title: str = "nnviz", styled: bool = False) -> int:
    parser = argparse.ArgumentParser(description=title)
    if styled:
        parser.add_argument("--theme", default="light", choices=("light", "dark", "contrast"))
        parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--quit-after-ms", type=int, default=None, metavar="N",
                        help="close the window after N milliseconds")
    parser.add_argument("--screenshot", default=None, metavar="FILE",
                        help="save a PNG of the window just before closing")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    widget = build()
    if styled:
        widget.set_theme(args.theme)
        widget.set_line_scale(args.scale)
    widget.setWindowTitle(title)
    widget.resize(*size)
    return show_until_quit(app, widget, args.quit_after_ms, args.screenshot)


def show_until_quit(app: QtWidgets.QApplication, widget: QtWidgets.QWidget,
                    quit_after_ms: int | None = None, screenshot: str | None = None) -> int:
    """Show ``widget`` and run the event loop; after ``quit_after_ms`` save a screenshot and quit."""
    widget.show()

    def finish() -> None:
        if screenshot:
            widget.grab().save(screenshot)
        widget.close()
        app.quit()

    if quit_after_ms is not None:
        QtCore.QTimer.singleShot(max(0, quit_after_ms), finish)
    app.exec()
    return 0
