"""Whether a view is seen, and waiting for a hidden one to be shown.

A binding draws only the views a person can see (see :mod:`nnviz.ui.binding`):
a view in a dock behind another tab, or on a closed page, is left undrawn and
drawn when it comes into sight -- or when it is pictured.  Qt does not hide a
dock behind another in a tab group; it moves it out of sight, so "seen" is
decided from geometry as well as visibility (:func:`within_parents`).
"""

from __future__ import annotations

import shiboken6
from PySide6 import QtCore, QtWidgets


def hidden(view) -> bool:
    """True for a view not seen inside a window that is on screen (a tab behind, a closed dock)."""
    window = view.window()
    if not window.isVisible():
        return False
    return not view.isVisible() or not within_parents(view)


def within_parents(widget) -> bool:
    """True when some of ``widget`` lies inside all its parents (and its window).

    A dock behind another in a tab group stays "visible" to Qt: the main
    window moves it out of sight instead of hiding it (to keep focus and
    sizes), so ``isVisible()`` alone would keep drawing the views behind the
    front tab on every frame.
    """
    window = widget.window()
    origin = QtCore.QPoint(0, 0)
    rect = QtCore.QRect(widget.mapTo(window, origin), widget.size()) & window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window and not rect.isEmpty():
        rect &= QtCore.QRect(parent.mapTo(window, origin), parent.size())
        parent = parent.parentWidget()
    return not rect.isEmpty()


def shown_on_screen(widget) -> bool:
    """True unless ``widget`` is hidden or out of sight inside a window on screen (see :func:`within_parents`)."""
    return not hidden(widget)


class ShowWatcher(QtCore.QObject):
    """Calls ``shown(part)`` when a watched view is shown, then stops watching it.

    A view is shown either by a Show event (its page or dock was hidden) or,
    in a dock of a tab group, when that dock's tab comes to the front (the
    dock's ``visibilityChanged``; it is moved into sight, not shown).
    """

    def __init__(self, shown) -> None:
        super().__init__()
        self._shown = shown
        self._parts: dict = {}           # view -> part
        self._docks: set = set()         # docks whose tab changes are followed

    def watch(self, views, part: str) -> None:
        for view in views:
            if view not in self._parts:
                view.installEventFilter(self)
                self._follow_docks(view)
            self._parts[view] = part

    def _follow_docks(self, view) -> None:
        parent = view.parentWidget()
        while parent is not None:
            if isinstance(parent, QtWidgets.QDockWidget) and parent not in self._docks:
                self._docks.add(parent)
                parent.visibilityChanged.connect(self._dock_visibility)
                parent.destroyed.connect(lambda _obj=None, d=parent: self._docks.discard(d))
            parent = parent.parentWidget()

    def _dock_visibility(self, visible: bool) -> None:
        if visible:          # the dock is moved into sight after the signal: look once it has been
            QtCore.QTimer.singleShot(0, self._check_in_sight)

    def _check_in_sight(self) -> None:
        self._forget_deleted()
        for view, part in list(self._parts.items()):
            if view in self._parts and not hidden(view):
                self._parts.pop(view)
                view.removeEventFilter(self)
                self._shown(part)

    def release_within(self, widget) -> set[str]:
        """Stop watching the views that are ``widget`` or inside it (they are about to be drawn);
        returns their parts."""
        self._forget_deleted()
        inside = [view for view in self._parts if view is widget or widget.isAncestorOf(view)]
        for view in inside:
            view.removeEventFilter(self)
        return {self._parts.pop(view) for view in inside}

    def _forget_deleted(self) -> None:
        """Drop views whose window was closed and deleted (a binding may outlive its views)."""
        for view in [v for v in self._parts if not shiboken6.isValid(v)]:
            del self._parts[view]

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Show and obj in self._parts:
            part = self._parts.pop(obj)
            obj.removeEventFilter(self)
            self._shown(part, obj)
        return False
