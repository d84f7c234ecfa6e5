"""The nnviz window on a live PyTorch module: ``watcher.show()``.

The network view with the last step's gradients dL/dW on its edges (wide or
deep modules folded, see :mod:`.frames`), the health strip, the loss the
loop reports and the per-layer gradient norms, all redrawn from the watcher
after ``watcher.step()``. The loop runs in the user's own code, so the
window has no event loop of its own: each step processes Qt's pending events
(the window stays responsive) and redraws at most ``MAX_FPS`` times a
second, so a fast loop is slowed only by the frames it is shown. In a
Jupyter notebook run ``%gui qt`` first; the window then also updates between
cells.
"""

import time

import numpy as np
from PySide6 import QtCore, QtWidgets

from nnviz.ui.network.view import NetworkView
from nnviz.ui.panels.health_strip import HealthStrip
from nnviz.ui.plots.curves import LossCurvesView
from nnviz.ui.plots.gradnorm import GradNormView

from .frames import layer_gradients, watcher_frame

MAX_FPS = 30


class WatchWindow(QtWidgets.QWidget):
    """The views of one watcher; ``refresh()`` draws its latest step."""

    def __init__(self, watcher, parent=None):
        super().__init__(parent)
        self.watcher = watcher
        self.setWindowTitle(self.tr("nnviz: watching %1").replace("%1", type(watcher.module).__name__))
        self.network = NetworkView()
        self.health = HealthStrip()
        self.loss = LossCurvesView()
        self.loss.legend.removeItem(self.loss.test_curve)      # the loop reports one loss: no test curve
        self.gradients = GradNormView()
        self.status = QtWidgets.QLabel(self.tr("Waiting for the first watcher.step()"))
        side = QtWidgets.QVBoxLayout()
        side.addWidget(self.health)
        side.addWidget(self.loss, 1)
        side.addWidget(self.gradients, 1)
        main = QtWidgets.QHBoxLayout()
        main.addWidget(self.network, 2)
        main.addLayout(side, 1)
        outer = QtWidgets.QVBoxLayout(self)
        outer.addLayout(main, 1)
        outer.addWidget(self.status)
        self.frames_drawn = 0
        self._last_draw = 0.0
        self.resize(1280, 720)
        if watcher.steps:
            self.refresh()

    def refresh(self):
        """Draw the watcher's latest step in every view."""
        w = self.watcher
        steps = np.arange(1, w.steps + 1)
        self.network.set_frame(watcher_frame(w, layer_gradients(w), QtCore.QCoreApplication.translate))
        if w.health:
            self.health.set_health(w.health[-1])
        self.loss.set_series(steps, np.array(w.losses, dtype=float))
        self.gradients.set_series(steps, w.grad_norms)
        loss = w.losses[-1] if w.losses else float("nan")
        self.status.setText(self.tr("step %1, loss %2").replace("%1", str(w.steps)).replace("%2", f"{loss:.4g}"))
        self.frames_drawn += 1
        self._last_draw = time.perf_counter()

    def on_step(self, watcher):
        """After every recorded step: redraw when a frame is due, and let Qt handle input either way."""
        if self.isVisible() and time.perf_counter() - self._last_draw >= 1.0 / MAX_FPS:
            self.refresh()
        QtWidgets.QApplication.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents, 5)

    def closeEvent(self, event):
        self.watcher.unsubscribe(self.on_step)
        super().closeEvent(event)


def show_watcher(watcher):
    """Open (or raise) the window of ``watcher`` and keep it updated by its steps; returns the window."""
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = WatchWindow(watcher)
    watcher.subscribe(window.on_step)
    window.show()
    window.refresh()
    app.processEvents()
    return window
