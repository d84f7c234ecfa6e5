"""The main window on the screen it opens on: inside the available area, docks folded on small screens.

Lecture rooms have every screen from a 1024×768 projector to 4K.  The window
opens at :data:`PREFERRED` (or the part of it the screen has), never larger
than the screen's *available* geometry (the screen minus task bars), and
centred there; a geometry remembered from a larger screen is pulled back
inside.

On a screen smaller than :data:`ROOMY` the docks fold: the lessons,
inspector and settings become tabs of one column on the left, and the data,
loss and feature-space docks tabs of one column on the right, so the network
in the centre keeps at least :data:`CENTRE_MIN_WIDTH` pixels and each dock
the full height.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

PREFERRED = (1500, 940)         # the size the window was designed at
ROOMY = (1400, 900)             # below either: the docks fold into tabs
LEFT_WIDTH = (250, 370)         # width of the left dock column: folded, roomy
RIGHT_WIDTH = (300, 430)        # width of the right dock column: folded, roomy
CENTRE_MIN_WIDTH = 420          # the network and gradient plots never get less
TEXT_BUTTONS_WIDTH = 1360       # narrower windows show the step buttons as icons only


def available_rect(widget: QtWidgets.QWidget) -> QtCore.QRect:
    """The available geometry of the screen ``widget`` is on (the primary screen before it is shown)."""
    screen = widget.screen() or QtWidgets.QApplication.primaryScreen()
    return screen.availableGeometry()


def is_small(rect: QtCore.QRect) -> bool:
    """True when the docks fold into tabs in a window of this size."""
    return rect.width() < ROOMY[0] or rect.height() < ROOMY[1]


def window_rect(available: QtCore.QRect, frame: QtCore.QMargins = QtCore.QMargins()) -> QtCore.QRect:
    """The window's geometry (without its frame) for a first start: the preferred size that fits, centred."""
    room = available.marginsRemoved(frame)
    w, h = min(PREFERRED[0], room.width()), min(PREFERRED[1], room.height())
    x = room.x() + (room.width() - w) // 2
    y = room.y() + (room.height() - h) // 2
    return QtCore.QRect(x, y, w, h)


def keep_inside(window: QtWidgets.QMainWindow, available: QtCore.QRect) -> None:
    """Shrink and move ``window`` (a restored geometry) so that its frame lies inside ``available``."""
    frame = _frame_margins(window)
    room = available.marginsRemoved(frame)
    geo = window.geometry()
    w, h = min(geo.width(), room.width()), min(geo.height(), room.height())
    x = min(max(geo.x(), room.x()), room.right() + 1 - w)
    y = min(max(geo.y(), room.y()), room.bottom() + 1 - h)
    if (x, y, w, h) != (geo.x(), geo.y(), geo.width(), geo.height()):
        window.setGeometry(x, y, w, h)


def place_window(window: QtWidgets.QMainWindow, available: QtCore.QRect | None = None) -> None:
    """Size and centre ``window`` for a first start on the screen with ``available`` geometry.

    From then on the step toolbar drops the texts beside its icons whenever
    the window is narrower than :data:`TEXT_BUTTONS_WIDTH`.
    """
    available = available_rect(window) if available is None else available
    window.setGeometry(window_rect(available, _frame_margins(window)))
    if window.findChild(_ToolbarFit) is None:
        window.installEventFilter(_ToolbarFit(window))
        fit_toolbar(window)


def fit_toolbar(window: QtWidgets.QMainWindow) -> None:
    """Icons with their texts on a wide window, icons alone on a narrow one (the tooltips keep the texts)."""
    bar = window.findChild(QtWidgets.QToolBar, "step_controls")
    if bar is None or bar.iconSize().height() > 24:      # presenter mode's large icons: its own choice
        return
    style = (QtCore.Qt.ToolButtonStyle.ToolButtonTextBesideIcon if window.width() >= TEXT_BUTTONS_WIDTH
             else QtCore.Qt.ToolButtonStyle.ToolButtonIconOnly)
    if bar.toolButtonStyle() != style:
        bar.setToolButtonStyle(style)


class _ToolbarFit(QtCore.QObject):
    """Calls :func:`fit_toolbar` whenever the window is resized."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QtCore.QEvent.Type.Resize and obj is self.parent():
            fit_toolbar(obj)
        return False


def fold_docks(window) -> bool:
    """Arrange the docks for the window's size: tabbed columns when it is small (it was placed
    inside the screen, so a small screen makes it small); returns whether they folded.

    ``window`` is the main window (its ``*_dock`` attributes).  Only the
    first start's layout is arranged here; a layout the user made and the
    window remembered is left as it is.
    """
    small = is_small(window.geometry())
    left = [window.lessons_dock, window.inspector_dock] + ([window.knobs_dock] if small else [])
    right = [window.data_dock, window.curves_dock] if small else []
    for group in (left, right):
        for dock in group[1:]:
            window.tabifyDockWidget(group[0], dock)
    window.tabifyDockWidget(window.curves_dock, window.feature_dock)
    window.feature_dock.show()
    window.curves_dock.raise_()
    window.lessons_dock.raise_()
    if small:
        window.data_dock.raise_()
    width = window.width()
    spare = max(width - CENTRE_MIN_WIDTH, 0)
    lw, rw = (LEFT_WIDTH[0], RIGHT_WIDTH[0]) if small else (LEFT_WIDTH[1], RIGHT_WIDTH[1])
    if lw + rw > spare:                 # a very narrow window: the centre keeps its minimum
        lw, rw = spare * lw // (lw + rw), spare * rw // (lw + rw)
    window.resizeDocks([window.lessons_dock, window.data_dock], [lw, rw], QtCore.Qt.Orientation.Horizontal)
    if not small:
        h = max(window.height() - 120, 400)
        window.resizeDocks([window.lessons_dock, window.knobs_dock], [int(h * 0.45), int(h * 0.55)],
                           QtCore.Qt.Orientation.Vertical)
        window.resizeDocks([window.data_dock, window.curves_dock], [int(h * 0.55), int(h * 0.45)],
                           QtCore.Qt.Orientation.Vertical)
    return small


def _frame_margins(window: QtWidgets.QWidget) -> QtCore.QMargins:
    """The window frame's margins (title bar, borders); guessed before the window has a frame."""
    frame, geo = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame != geo:
        return QtCore.QMargins(geo.left() - frame.left(), geo.top() - frame.top(),
                               frame.right() - geo.right(), frame.bottom() - geo.bottom())
    return QtCore.QMargins(2, 2, 2, 2) if QtWidgets.QApplication.platformName() == "offscreen" else \
        QtCore.QMargins(4, 30, 4, 4)
