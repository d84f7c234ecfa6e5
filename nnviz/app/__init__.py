"""Start the desktop app: one QApplication, one main window.

BLAS threads are limited to one *before numpy is first imported*: the
networks nnviz draws are small (matrices of tens to hundreds of rows), where
multi-threaded OpenBLAS only adds hand-off cost, and on a busy 2-core machine
it was seen to turn a 50 µs product into 9 ms (DESIGN.md section 4) -- a
stutter in every animation frame.  The environment variables only take effect
if they are set before numpy loads its BLAS, so this module sets them on
import and ``nnviz.cli`` imports it first.  When numpy was already loaded by
someone else, :func:`limit_blas_threads` also caps the running pools with
threadpoolctl.  A user who sets the variables explicitly keeps their values.
"""

from __future__ import annotations

import os
import sys

from nnviz.app.heap import keep_freed_memory

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS",
                         "BLIS_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")

for _var in BLAS_THREAD_VARIABLES:
    os.environ.setdefault(_var, "1")

keep_freed_memory()             # numpy temporaries reuse the heap instead of faulting in pages (heap.py)

_limiter = None

from nnviz.app.display_check import display_problem  # noqa: E402 (after the BLAS variables; Qt-free)


def _application_exists() -> bool:
    """A QApplication is running already (a test, or a script that built its own): it has its display."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets is not None and widgets.QApplication.instance() is not None


def limit_blas_threads() -> None:
    """Cap BLAS thread pools that are already running (numpy imported before this module)."""
    global _limiter
    if _limiter is not None or "numpy" not in sys.modules:
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:         # pragma: no cover - a declared dependency
        return
    _limiter = threadpool_limits(limits=1, user_api="blas")


def _install_excepthook(window) -> None:
    """Unexpected errors in event handlers show a dialog instead of vanishing on stderr."""
    import traceback

    from PySide6 import QtWidgets

    previous = sys.excepthook

    def hook(kind, value, tb):
        previous(kind, value, tb)
        try:
            window.pause()
            box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Critical, "Unexpected error",
                                        f"{kind.__name__}: {value}", QtWidgets.QMessageBox.StandardButton.Ok,
                                        window)
            box.setInformativeText("nnviz keeps running; the last action may not have completed. "
                                   "Please report this with the details below.")
            box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
            box.open()
            window.error_box = box
        except Exception:       # pragma: no cover - never let the hook itself fail
            pass

    sys.excepthook = hook


def run(session=None, *, path: str | None = None, argv: list[str] | None = None,
        lang: str | None = None) -> int:
    """Open the main window on ``session`` (default: the demo lesson) and run the event loop.

    ``lang``: "en" or "fa"; None uses the language chosen in View → Language, else the system's.
    Without a display or the system libraries a window needs, prints one line saying what is
    missing and how to install it, and returns 1 (nnviz.app.display_check) instead of letting Qt abort.
    """
    problem = None if _application_exists() else display_problem()
    if problem is not None:
        print(f"nnviz: {problem}", file=sys.stderr)
        return 1
    limit_blas_threads()
    from PySide6 import QtCore, QtWidgets

    from nnviz.app.identity import set_identity
    from nnviz.app.language_menu import startup_language
    from nnviz.app.main_window import MainWindow

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]] + list(argv or []))
    set_identity(app)                   # name, version, icon, desktop entry (nnviz.app.identity)
    startup_language(app, lang, QtCore.QSettings("nnviz", "nnviz"))
    window = MainWindow(session, path=path)
    window.confirm_unsaved = True       # quitting or opening another experiment asks about unsaved changes
    _install_excepthook(window)
    window.show()
    return app.exec()
