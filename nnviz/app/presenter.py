"""Presenter mode: the window made readable from the back of a lecture room.

:class:`PresenterMode` changes a :class:`~nnviz.app.main_window.MainWindow`
through its public parts and puts everything back on leaving:

* full screen, the "contrast" theme, every line ``LINE_SCALE`` times thicker
  (the network's ``NETWORK_LINE_SCALE``), the window's font ``FONT_SCALE``
  times larger, big toolbar icons without text, the network view taller;
* only the network view, the gradient views and the step controls: the
  lessons, inspector, settings, data and loss docks and the menu bar are
  hidden (the docks that were visible come back on leaving);
* keys for stepping with a presenter's remote or a keyboard, whatever widget
  has the focus (``KEYS``); other shortcuts of the window on the same keys
  are switched off meanwhile;
* "reveal" (R): a large overlay on the network with the numbers of the lit
  layer only, read from ``session.trace`` and ``session.grads``.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session.formatting import format_number

LINE_SCALE = 2.0            # plots and the health strip (nine chips still fit across 1600 px)
NETWORK_LINE_SCALE = 2.0    # the network view: edges, rims, and its text by the square root
FONT_SCALE = 1.6
ICON_SIZE = 40
CENTRE_SHARE = 0.6          # of the height: network view above, gradient plots below
MAX_VALUES = 8          # numbers per row in the reveal overlay; wider layers end with "…"

# key sequence -> (what it does, method name of PresenterMode)
KEYS = (
    ("Space", "next phase", "next_phase"),
    ("Right", "next training step", "next_step"),
    ("Left", "back one phase", "back_phase"),
    ("Shift+Left", "back one training step", "back_step"),
    ("E", "one epoch", "epoch"),
    ("P", "play / pause", "play_pause"),
    ("R", "reveal the lit layer's numbers", "toggle_reveal"),
    ("Esc", "leave presenter mode", "leave"),
)


def _row(values) -> str:
    values = np.asarray(values, dtype=float).ravel()
    text = "  ".join(format_number(v, 3) for v in values[:MAX_VALUES])
    return text + ("  …" if len(values) > MAX_VALUES else "")


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
        self.overlay = QtWidgets.QLabel(window.network_view)
        self.overlay.setObjectName("presenter_reveal")
        self.overlay.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.overlay.setAttribute(QtCore.Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.overlay.setStyleSheet("QLabel#presenter_reveal { background: rgba(255, 255, 255, 235); "
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

    def enter(self) -> None:
        if self._active:
            return
        w = self.window
        docks = w.findChildren(QtWidgets.QDockWidget)
        toolbar = w.findChild(QtWidgets.QToolBar, "step_controls")
        self._saved = {
            "state": w.windowState(),
            "theme": w.theme_name(),
            "font": QtGui.QFont(w.font()),
            "docks": {d: d.isVisible() for d in docks},
            "menu": w.menuBar().isVisible(),
            "scales": {v: _line_scale(v) for v in self._views()},
            "icons": toolbar.iconSize() if toolbar is not None else None,
            "buttons": toolbar.toolButtonStyle() if toolbar is not None else None,
            "split": w.centre_split.sizes(),
            "actions": self._free_keys(),
        }
        self._active = True
        for dock in docks:
            dock.hide()
        w.menuBar().hide()
        w.set_theme("contrast")
        for view in self._views():
            view.set_line_scale(NETWORK_LINE_SCALE if view is w.network_view else LINE_SCALE)
        font = QtGui.QFont(w.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * FONT_SCALE)
        w.setFont(font)
        if toolbar is not None:         # big icons without text: the counters stay in view
            toolbar.setIconSize(QtCore.QSize(ICON_SIZE, ICON_SIZE))
            toolbar.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonIconOnly)
        for keys, _what, name in KEYS:
            sc = QtGui.QShortcut(QtGui.QKeySequence(keys), w)
            sc.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(getattr(self, name))
            self._shortcuts.append(sc)
        w.showFullScreen()
        total = sum(w.centre_split.sizes()) or w.height()
        w.centre_split.setSizes([int(total * CENTRE_SHARE), total - int(total * CENTRE_SHARE)])
        self._update_overlay()
        self.toggled.emit(True)
        w.statusBar().showMessage("Presenter mode: Space next phase, → next step, ← back, E epoch, "
                                  "P play/pause, R reveal numbers, Esc leave", 8000)

    def leave(self) -> None:
        if not self._active:
            return
        w = self.window
        saved = self._saved
        self._active = False
        for sc in self._shortcuts:
            sc.setEnabled(False)
            sc.deleteLater()
        self._shortcuts = []
        for act, keys in saved["actions"]:
            act.setShortcuts(keys)
        self.overlay.hide()
        w.setWindowState(saved["state"])
        w.setFont(saved["font"])
        w.set_theme(saved["theme"])
        for view, scale in saved["scales"].items():
            view.set_line_scale(scale)
        toolbar = w.findChild(QtWidgets.QToolBar, "step_controls")
        if toolbar is not None and saved["icons"] is not None:
            toolbar.setIconSize(saved["icons"])
            toolbar.setToolButtonStyle(saved["buttons"])
        w.centre_split.setSizes(saved["split"])
        w.menuBar().setVisible(saved["menu"])
        for dock, visible in saved["docks"].items():
            dock.setVisible(visible)
        if w.isVisible():
            w.show()
        self._saved = {}
        self.toggled.emit(False)

    # ------------------------------------------------------------------ keys
    def next_phase(self) -> None:
        self.window.step("phase")

    def next_step(self) -> None:
        self.window.step("step")

    def epoch(self) -> None:
        self.window.step("epoch")

    def back_phase(self) -> None:
        self.window.rewind("phase")

    def back_step(self) -> None:
        self.window.rewind("step")

    def play_pause(self) -> None:
        w = self.window
        w.pause() if w.playing else w.play()

    def toggle_reveal(self) -> None:
        self.set_reveal(not self._reveal)

    def set_reveal(self, on: bool) -> None:
        self._reveal = bool(on)
        self._update_overlay()

    # ------------------------------------------------------------------ reveal
    def reveal_values(self) -> dict:
        """The numbers the overlay shows, as arrays: what the lit layer of this phase knows.

        forward(k): ``z`` and ``a`` of layer k for the focused sample (or the
        batch mean); loss: ``loss``; backward(k): ``delta`` (dL/dz of the
        focused sample) and ``grad_norm`` (‖dL/dW‖ of layer k); update:
        ``lr``.  Every number comes from the session.
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
        return out

    def reveal_text(self) -> str:
        v = self.reveal_values()
        kind, k = v["kind"], v["layer"]
        who = "batch mean" if v.get("sample") is None else f"sample {v['sample'] + 1}"
        if kind == "forward" and "z" in v:
            return (f"<b>Layer {k} forward</b> ({who})<br>z<sub>{k}</sub> = {_row(v['z'])}"
                    f"<br>a<sub>{k}</sub> = {_row(v['a'])}")
        if kind == "loss" and "loss" in v:
            return f"<b>Loss</b> = {format_number(v['loss'], 3)}"
        if kind == "backward" and "delta" in v:
            text = f"<b>Layer {k} backward</b> ({who})<br>δ<sub>{k}</sub> = {_row(v['delta'])}"
            if "grad_norm" in v:
                text += f"<br>‖dL/dW<sub>{k}</sub>‖ = {format_number(v['grad_norm'], 3)}"
            return text
        if kind == "update" and "lr" in v:
            return f"<b>Update</b>: W ← W − {format_number(v['lr'], 3)} · dL/dW"
        return "<b>Ready</b>: Space steps into the first phase"

    def _update_overlay(self) -> None:
        if not (self._active and self._reveal):
            self.overlay.hide()
            return
        font = QtGui.QFont(self.window.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.overlay.setFont(font)
        with np.errstate(all="ignore"):
            self.overlay.setText(self.reveal_text())
        self.overlay.adjustSize()
        # Away from the lit layer: on the right while the first half of the net is lit.
        s = self.window.session
        lit = getattr(s.phase, "layer", None)
        view = self.window.network_view
        right = lit is not None and s.phase.kind in ("forward", "backward") and lit <= s.n_layers / 2
        x = view.width() - self.overlay.width() - 16 if right else 16
        self.overlay.move(max(0, x), 16)
        self.overlay.show()
        self.overlay.raise_()

    # ------------------------------------------------------------------ internals
    def _views(self) -> list:
        w = self.window
        return [v for v in (w.network_view, w.gradnorm_view, w.graddist_view, w.curves_view,
                            w.health_strip, w.boundary_view, w.regression_view)
                if hasattr(v, "set_line_scale")]

    def _free_keys(self) -> list:
        """Take the presenter keys from the window's actions; returns what to give back."""
        taken = {QtGui.QKeySequence(keys).toString() for keys, _w, _n in KEYS}
        saved = []
        for act in set(self.window.findChildren(QtGui.QAction)) | set(self.window.actions()):
            keys = act.shortcuts()
            if any(k.toString() in taken for k in keys):
                saved.append((act, keys))
                act.setShortcuts([k for k in keys if k.toString() not in taken])
        return saved


def _line_scale(view) -> float:
    getter = getattr(view, "line_scale", None)
    if callable(getter):
        return float(getter())
    return float(getattr(view, "_line_scale", 1.0))

