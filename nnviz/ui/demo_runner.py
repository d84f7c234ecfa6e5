"""Run one widget in its own window: the body of the window-level modules' ``__main__``.

Like :func:`nnviz.ui.plot_base.run_demo` but for any widget (no theme or line
scale).  Options: ``--quit-after-ms N`` closes after N ms (smoke tests) and
``--screenshot FILE.png`` saves ``grab()`` just before.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from PySide6 import QtCore, QtWidgets


def run_widget(build: Callable[[], QtWidgets.QWidget], argv: Sequence[str] | None = None,
               size: tuple[int, int] = (720, 480), title: str = "nnviz") -> int:
    parser = argparse.ArgumentParser(description=title)
    parser.add_argument("--quit-after-ms", type=int, default=None, metavar="N",
                        help="close the window after N milliseconds")
    parser.add_argument("--screenshot", default=None, metavar="FILE",
                        help="save a PNG of the window just before closing")
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    widget = build()
    widget.setWindowTitle(title)
    widget.resize(*size)
    widget.show()

    def finish() -> None:
        if args.screenshot:
            widget.grab().save(args.screenshot)
        widget.close()
        app.quit()

    if args.quit_after_ms is not None:
        QtCore.QTimer.singleShot(max(0, args.quit_after_ms), finish)
    app.exec()
    return 0
