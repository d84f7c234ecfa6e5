"""A thin Qt adapter over the training session: session events as Qt signals.

The session is plain Python and calls ``callback(event)`` after every change
(``"phase"``, ``"rebuild"`` or ``"config"``).  Views should not subscribe to it
directly: the window may replace the session (open a file, choose a lesson),
and a view subscribed to the old one would go on drawing it.  The adapter owns
the subscription and re-emits each event as a signal, so a view connects once
and follows whatever session the window holds.

Signals:

* ``phaseChanged()`` -- the stepper moved (advance, rewind, run);
* ``rebuilt()`` -- data and network were built anew (new session, reset,
  structural knob);
* ``configChanged()`` -- a knob that keeps the weights changed;
* ``changed(str)`` -- any of the three, with the event name ("session" when
  the whole session was replaced).

``hold()`` is a context manager that queues events and emits each kind once
when it ends: several session calls in a row (a play tick) then cost one
redraw.
"""

from __future__ import annotations

import contextlib

from PySide6 import QtCore

from nnviz.session import Session

_ORDER = ("session", "rebuild", "config", "phase")


class SessionAdapter(QtCore.QObject):
    """Holds the current :class:`~nnviz.session.Session` and re-emits its events."""

    phaseChanged = QtCore.Signal()
    rebuilt = QtCore.Signal()
    configChanged = QtCore.Signal()
    sessionReplaced = QtCore.Signal()
    changed = QtCore.Signal(str)

    def __init__(self, session: Session, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._held = 0
        self._pending: set[str] = set()
        session.subscribe(self._on_event)

    @property
    def session(self) -> Session:
        return self._session

    def set_session(self, session: Session) -> None:
        """Follow ``session`` instead of the current one (emits ``sessionReplaced``)."""
        if session is self._session:
            return
        self._session.unsubscribe(self._on_event)
        self._session = session
        session.subscribe(self._on_event)
        self._emit("session")

    def detach(self) -> None:
        """Stop listening to the session (the window is closing)."""
        self._session.unsubscribe(self._on_event)

    @contextlib.contextmanager
    def hold(self):
        """Queue events inside the block; emit each kind once at its end."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if self._held == 0 and self._pending:
                pending, self._pending = self._pending, set()
                if "session" in pending:
                    pending = {"session"}       # a new session implies all the rest
                elif "rebuild" in pending:
                    pending.discard("config")   # a rebuild redraws everything a config change does
                for event in _ORDER:
                    if event in pending:
                        self._emit(event)

    def _on_event(self, event: str) -> None:
        if self._held:
            self._pending.add(event)
        else:
            self._emit(event)

    def _emit(self, event: str) -> None:
        if event == "phase":
            self.phaseChanged.emit()
        elif event == "rebuild":
            self.rebuilt.emit()
        elif event == "config":
            self.configChanged.emit()
        elif event == "session":
            self.sessionReplaced.emit()
        self.changed.emit(event)
