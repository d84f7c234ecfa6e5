"""Presenter mode: the window made readable from the back of a lecture room.

:class:`PresenterMode` changes a :class:`~nnviz.app.main_window.MainWindow`
through its public parts and puts everything back on leaving -- the exact
geometry, dock layout and tabs (``saveGeometry`` / ``saveState``), theme,
font and line widths:

* full screen, the "contrast" theme; text, lines and icons sized from the
  screen's height (:func:`sizes_for`), so the numbers of the lit layer read
  from the back row of a 1024×768 projector as of a 4K screen;
* the network view takes at least ``NETWORK_SHARE`` of the screen height;
  beside it the one view the lesson names in its ``side_view``:
  the data with the decision boundary, the loss curves, or the gradient norm
  per layer, at full height.  Menus, the other docks and the status bar are hidden;
* the keys are the window's own (→ a phase, Shift+→ a step, Ctrl+→ an epoch,
  ← and Shift+← back, Space play / pause), plus ``KEYS``: R reveals the lit
  layer's numbers in a large overlay, Esc (or F5) leaves;
* "reveal" (R): the numbers of the lit layer only, read from
  ``session.trace`` and ``session.grads``.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session.formatting import format_number
from nnviz.session.language import ltr
from nnviz.session.lessons import SIDE_VIEWS
from nnviz.session.update_rules import rule_summary

LINE_SCALE = 2.0            # side by side's projector mode: plots and the health strip
NETWORK_LINE_SCALE = 2.0    # the network view at a 768-pixel-high screen (more on taller ones)
FONT_SCALE = 1.6            # side by side's projector mode: the window's font
NETWORK_SHARE = 0.55        # of the screen height, at least, for the network view
SIDE_SHARE = 0.4           # of the screen width for the side view beside the network
TEXT_SHARE = 1 / 40         # body text: pixels per pixel of screen height (19 px at 768)
NETWORK_TEXT_PX = 15.0      # body text pixels per unit of the network's header and legend scale
REVEAL_SHARE = 1 / 30       # the reveal overlay's text (25 px at 768, 72 px at 2160)
MAX_VALUES = 8          # numbers of a quantity in the reveal overlay; wider layers end with "…"
PER_LINE = 4            # of them on one line

# Keys presenter mode adds to the window's own: key sequence -> (what it does, method name)
KEYS = (
    ("R", "reveal the lit layer's numbers", "toggle_reveal"),
    ("Esc", "leave presenter mode", "leave"),
)


def sizes_for(screen_height: int) -> dict:
    """Text pixels, line scale and icon pixels for a screen ``screen_height`` pixels high.

    Text grows with the screen so that it covers the same share of the
    projected picture: ``TEXT_SHARE`` of the height for the window's text
    (19 px at 768, 27 at 1080, 54 at 2160), lines and plot text by the same
    factor over the window's 9-point (12 px) text.  The network's headers and legend
    (``network_text``) keep their share of the body text too: 1.27× their usual size at 768,
    1.8× at 1080, 3.6× at 2160 (by the line scale alone they would grow only as its square root).
    """
    h = max(int(screen_height), 480)
    text_px = max(14, round(h * TEXT_SHARE))
    scale = text_px / 12.0
    return {"text_px": text_px, "line_scale": scale, "icon_px": round(text_px * 2.1),
            "network_text": text_px / NETWORK_TEXT_PX,
            "reveal_px": max(18, round(h * REVEAL_SHARE))}


def side_view_of(session) -> str:
    """The side view presenter mode shows for ``session``: its lesson's, else the data view for 2-D
    inputs and the loss curves otherwise."""
    lesson = getattr(session, "lesson", None)
    view = getattr(lesson, "side_view", "") if lesson is not None else ""
    if view in SIDE_VIEWS:
        return view
    return "boundary" if session.network.sizes[0] <= 2 else "loss"


def _row(values) -> str:
    """Up to ``MAX_VALUES`` numbers, ``PER_LINE`` to a line (the overlay stays within half the view)."""
    values = np.asarray(values, dtype=float).ravel()
    shown = [format_number(v, 3) for v in values[:MAX_VALUES]]
    lines = ["  ".join(shown[i:i + PER_LINE]) for i in range(0, len(shown), PER_LINE)]
    return "<br>&nbsp;&nbsp;&nbsp;".join(lines) + ("  …" if len(values) > MAX_VALUES else "")


class PresenterMode(QtCore.QObject):
    """Presenter mode of one main window; ``enter()`` / ``leave()`` / ``set_active(on)``."""

    toggled = QtCore.Signal(bool)

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._active = False
        self._reveal = False
        self._saved: dict = {}
        self._shortcuts: list[QtGui.QShortcut] = []
        self.side_view = ""             # what is shown beside the network while active
        self._screen = QtCore.QRect(0, 0, 1024, 768)    # the screen presenter mode was laid out for
        self.overlay = QtWidgets.QLabel(window.network_view)
        self.overlay.setObjectName("presenter_reveal")
        self.overlay.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.overlay.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.overlay.setStyleSheet("QLabel#presenter_reveal { background: #ffffff; "
                                   "color: #000000; border: 3px solid #000000; padding: 10px 16px; }")
        self.overlay.hide()
        window.adapter.changed.connect(lambda _event: self._update_overlay())

    # ------------------------------------------------------------------ state
    def is_active(self) -> bool:
        return self._active

    def revealing(self) -> bool:
        return self._reveal

    def set_active(self, on: bool) -> None:
        if on:
            self.enter()
        else:
            self.leave()

    def toggle(self) -> None:
        self.set_active(not self._active)

    def enter(self, screen_rect: QtCore.QRect | None = None) -> None:
        """Go full screen on the window's screen (or, for tests, lay out for ``screen_rect``)."""
        if self._active:
            return
        w = self.window
        toolbar = w.findChild(QtWidgets.QToolBar, "step_controls")
        screen = screen_rect if screen_rect is not None else (w.screen() or QtGui.QGuiApplication.primaryScreen()
                                                              ).geometry()
        sizes = sizes_for(screen.height())
        self._screen = QtCore.QRect(screen)
        self._saved = {
            "window_state": w.windowState(),
            "geometry": w.saveGeometry(),
            "normal": w.geometry(),
            "layout": w.saveState(),
            "split": w.centre_split.saveState(),
            "theme": w.theme_name(),
            "font": QtGui.QFont(w.font()),
            "explicit_font": w.testAttribute(QtCore.Qt.WidgetAttribute.WA_SetFont),
            "menu": not w.menuBar().isHidden(),
            "status": not w.statusBar().isHidden(),
            "hidden": {x: x.isHidden() for x in (w.graddist_view, w.draw_bar, w.centre_split.widget(1))},
            "scales": {v: _line_scale(v) for v in self._views()},
            "icons": toolbar.iconSize() if toolbar is not None else None,
            "buttons": toolbar.toolButtonStyle() if toolbar is not None else None,
        }
        self._active = True
        self.side_view = side_view_of(w.session)
        for dock in w.findChildren(QtWidgets.QDockWidget):
            dock.hide()
        w.menuBar().hide()
        w.statusBar().hide()
        w.draw_bar.hide()
        w.set_theme("contrast")
        for view in self._views():      # the chips of a deep net must still fit beside the side view
            view.set_line_scale(min(sizes["line_scale"], screen.width() / 800) if view is w.health_strip
                                else sizes["line_scale"])
        w.network_view.set_text_scale(sizes["network_text"])
        font = QtGui.QFont(w.font())
        font.setPixelSize(sizes["text_px"])
        w.setFont(font)
        w.controls.fit_counters()
        if toolbar is not None:         # big icons without text
            toolbar.setIconSize(QtCore.QSize(sizes["icon_px"], sizes["icon_px"]))
            toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonIconOnly)
        for keys, _what, name in KEYS:
            sc = QtGui.QShortcut(QtGui.QKeySequence(keys), w)
            sc.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(getattr(self, name))
            self._shortcuts.append(sc)
        if screen_rect is None:
            w.showFullScreen()
        else:
            w.setGeometry(screen_rect)
        self._lay_out(screen)
        w.network_view.setFocus()       # arrow keys step, whatever had the focus (a spin box keeps them)
        self._update_overlay()
        self.toggled.emit(True)

    def _lay_out(self, screen: QtCore.QRect) -> None:
        """The side view beside the network, at full height: the data or loss dock, or the gradient
        norm plot (the centre's lower pane, turned to stand beside the network)."""
        w = self.window
        bottom = w.centre_split.widget(1)
        if self.side_view == "gradients":      # the gradient plots' pane turned beside the network
            w.graddist_view.hide()
            bottom.show()
            w.centre_split.setOrientation(QtCore.Qt.Orientation.Horizontal)
            side = int(screen.width() * SIDE_SHARE)
            w.centre_split.setSizes([screen.width() - side, side])
            return
        bottom.hide()
        docks = {"boundary": w.data_dock, "loss": w.curves_dock, **w.lecture.docks}
        dock = docks.get(self.side_view, w.curves_dock)
        w.addDockWidget(QtCore.Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.setFloating(False)
        dock.show()
        dock.raise_()
        w.resizeDocks([dock], [int(screen.width() * SIDE_SHARE)], QtCore.Qt.Orientation.Horizontal)

    def leave(self) -> None:
        """Back to the window exactly as it was: state, geometry, docks and tabs, theme, font, lines."""
        if not self._active:
            return
        w = self.window
        saved = self._saved
        self._active = False
        for sc in self._shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._shortcuts = []
        self.overlay.hide()
        w.setWindowState(saved["window_state"])
        if saved["explicit_font"]:
            w.setFont(saved["font"])
        else:
            w.setFont(QtGui.QFont())
            w.setAttribute(QtCore.Qt.WidgetAttribute.WA_SetFont, False)
        w.controls.fit_counters()
        w.set_theme(saved["theme"])
        for view, scale in saved["scales"].items():
            view.set_line_scale(scale)
        w.network_view.set_text_scale(None)
        toolbar = w.findChild(QtWidgets.QToolBar, "step_controls")
        if toolbar is not None and saved["icons"] is not None:
            toolbar.setIconSize(saved["icons"])
            toolbar.setToolButtonStyle(saved["buttons"])
        for widget, hidden in saved["hidden"].items():
            widget.setHidden(hidden)
        w.menuBar().setVisible(saved["menu"])
        w.statusBar().setVisible(saved["status"])
        # The window's size first: the dock layout is restored into the size it was saved at.
        if saved["window_state"] & (QtCore.Qt.WindowState.WindowFullScreen | QtCore.Qt.WindowState.WindowMaximized):
            w.restoreGeometry(saved["geometry"])
        else:
            w.setGeometry(saved["normal"])
        if w.isVisible():
            w.show()
        QtWidgets.QApplication.processEvents()
        w.restoreState(saved["layout"])
        w.centre_split.setOrientation(QtCore.Qt.Orientation.Vertical)
        w.centre_split.restoreState(saved["split"])
        self._saved = {}
        self.side_view = ""
        self.toggled.emit(False)

    # ------------------------------------------------------------------ reveal
    def toggle_reveal(self) -> None:
        self.set_reveal(not self._reveal)

    def set_reveal(self, on: bool) -> None:
        self._reveal = bool(on)
        self._update_overlay()

    def reveal_values(self) -> dict:
        """The numbers the overlay shows, as arrays: what the lit layer of this phase knows.

        forward(k): ``z`` and ``a`` of layer k for the focused sample (or the
        batch mean); loss: ``loss``; backward(k): ``delta`` (dL/dz of the
        focused sample) and ``grad_norm`` (‖dL/dW‖ of layer k); update:
        ``lr`` and ``rule`` (the optimizer's rule in symbols).  Every number comes from the session.
        """
        w = self.window
        s = w.session
        ph = s.phase
        out: dict = {"kind": ph.kind, "layer": getattr(ph, "layer", None)}
        t = s.trace
        if t is None or ph.kind == "ready":
            return out
        mean = w.controls.batch_mean.isChecked()
        i = w.frames.focus_index(s, w.frame_options)
        out["sample"] = None if mean else i

        def pick(values):
            v = np.asarray(values, dtype=float)
            if mean:
                with np.errstate(all="ignore"):
                    return v.mean(axis=0)
            return v[i]

        if ph.kind == "forward":
            layer = t.layers[ph.layer - 1]
            out["z"], out["a"] = pick(layer.z), pick(layer.a)
        elif ph.kind == "loss":
            out["loss"] = float(t.loss)
        elif ph.kind == "backward":
            layer = t.layers[ph.layer - 1]
            out["delta"] = pick(layer.grad_z)
            g = s.grads[ph.layer - 1] if s.grads is not None else None
            if g is not None:
                with np.errstate(all="ignore"):
                    out["grad_norm"] = float(np.sqrt(np.sum(np.asarray(g["W"], dtype=float) ** 2)))
        elif ph.kind == "update":
            rec = s.record
            out["lr"] = float(rec.lr if rec is not None else s.config["lr"])
            out["rule"] = rule_summary(s.optimizer.name, s.optimizer.hyper)
        return out

    def reveal_text(self) -> str:
        v = self.reveal_values()
        kind, k = v["kind"], v["layer"]
        # Words in the window's language; each formula line kept left to right (in Persian too).
        who = self.tr("batch mean") if v.get("sample") is None else self.tr("sample {0}").format(v["sample"] + 1)
        if kind == "forward" and "z" in v:
            title = self.tr("Layer {0} forward").format(k)
            z = ltr(f"z<sub>{k}</sub> = {_row(v['z'])}")
            a = ltr(f"a<sub>{k}</sub> = {_row(v['a'])}")
            return f"<b>{title}</b> ({who})<br>{z}<br>{a}"
        if kind == "loss" and "loss" in v:
            loss = self.tr("Loss")
            return f"<b>{loss}</b> = {ltr(format_number(v['loss'], 3))}"
        if kind == "backward" and "delta" in v:
            title = self.tr("Layer {0} backward").format(k)
            text = f"<b>{title}</b> ({who})<br>" + ltr(f"δ<sub>{k}</sub> = {_row(v['delta'])}")
            if "grad_norm" in v:
                text += "<br>" + ltr(f"‖dL/dW<sub>{k}</sub>‖ = {format_number(v['grad_norm'], 3)}")
            return text
        if kind == "update" and "lr" in v:
            update = self.tr("Update")
            return (f"<b>{update}</b>: " + ltr("g = dL/dW") + "<br>" + "<br>".join(ltr(line) for line in
                    v["rule"].split("; ")) + "<br>" + ltr(f"lr = {format_number(v['lr'], 3)}"))
        ready, hint = self.tr("Ready"), self.tr("→ steps into the first phase")
        return f"<b>{ready}</b>: {hint}"

    def _update_overlay(self) -> None:
        view = self.window.network_view
        if not (self._active and self._reveal):
            self.overlay.hide()
            view.set_top_room(0)
            return
        font = QtGui.QFont(self.window.font())
        font.setPixelSize(sizes_for(self._screen.height())["reveal_px"])
        self.overlay.setFont(font)
        with np.errstate(all="ignore"):
            self.overlay.setText(self.reveal_text())
        self.overlay.adjustSize()
        # Away from the lit layer: on the right while the first half of the net is lit.
        s = self.window.session
        lit = getattr(s.phase, "layer", None)
        right = lit is not None and s.phase.kind in ("forward", "backward") and lit <= s.n_layers / 2
        x = view.width() - self.overlay.width() - 16 if right else 16
        view.set_top_room(self.overlay.height() + 8)     # the neurons move down, out from under the card
        self.overlay.move(max(0, x), self._below_headers(view))
        self.overlay.show()
        self.overlay.raise_()

    @staticmethod
    def _below_headers(view) -> int:
        """The overlay's top: under the column headers, which name the lit layer and must stay readable."""
        frame = view.current_frame()
        columns = range(len(frame.sizes)) if frame is not None else range(0)
        return max([16] + [view.mapFromScene(view.header_rect(c).bottomLeft()).y() + 8 for c in columns])

    # ------------------------------------------------------------------ internals
    def _views(self) -> list:
        w = self.window
        return [v for v in (w.network_view, w.gradnorm_view, w.graddist_view, w.curves_view,
                            w.health_strip, w.boundary_view, w.regression_view)
                if hasattr(v, "set_line_scale")]


def _line_scale(view) -> float:
    getter = getattr(view, "line_scale", None)
    if callable(getter):
        return float(getter())
    return float(getattr(view, "_line_scale", 1.0))

