"""Regenerate the window screenshots in docs/ (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py

Each picture is a lesson trained for some steps and then stepped phase by
phase to the moment worth showing.  PNGs are reduced to a 256-color palette
so that each stays around 200 KB.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nnviz import app as _app  # noqa: E402,F401  (BLAS threads before numpy)

from PIL import Image  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

from nnviz.app.main_window import MainWindow  # noqa: E402
from nnviz.app.screen_fit import place_window  # noqa: E402
from nnviz.session import Session  # noqa: E402
from nnviz.ui.i18n import install_language  # noqa: E402

# (file, lesson, steps trained first, phases stepped after, what it shows)
SHOTS = [
    ("window-xor-forward.png", "xor", 150, 1, "forward pass at the hidden layer, neuron heatmaps"),
    ("window-xor-backward.png", "xor", 150, 5, "backward pass: deltas and |dL/dW| of the first layer"),
    ("window-vanishing-backward.png", "vanishing-sigmoid", 40, 16, "gradient fading toward the input"),
    ("window-vanishing-update.png", "vanishing-sigmoid", 40, 20, "the update: Δw of every weight"),
]


XOR_ADAM = {"dataset": "xor", "n_samples": 200, "noise": 0.1, "seed": 0, "batch_size": 10, "lr": 0.02,
            "optimizer": "adam", "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}


def _run(window, steps):
    """Train with the whole-set losses of every step (the loss curve is complete)."""
    with window.adapter.hold():
        window.session.run(steps)
    window._after_step()


def _inspector_tall(window):
    """The inspector gets the whole left column (the settings dock is hidden)."""
    window.knobs_dock.hide()
    window.resizeDocks([window.inspector_dock], [430], QtCore.Qt.Orientation.Horizontal)


def _inspector_edge_adam(window):
    """An edge at the update phase with Adam: the chain-rule sum, the moments and the step."""
    _inspector_tall(window)
    _run(window, 30)
    while window.session.phase.kind != "update":
        window.step("phase")
    window._on_edge_clicked(1, 2, 1)


def _softmax_example(window):
    """Logits [-0.21, 0.47, 1.72] set by hand as the biases of a softmax layer → ≈ [0.1, 0.2, 0.7]."""
    _inspector_tall(window)
    s = window.session
    for j, logit in enumerate([-0.21, 0.47, 1.72]):
        for i in range(2):
            s.set_param(1, "W", (i, j), 0.0)
        s.set_param(1, "b", (j,), logit)
    window.step("phase")
    window._on_node_clicked(1, 2)


def _sigmoid_line(window):
    """One sigmoid neuron, bias 1 and weights [3, -2]: its decision line on the data."""
    _inspector_tall(window)
    s = window.session
    s.set_param(1, "W", (0, 0), 3.0)
    s.set_param(1, "W", (1, 0), -2.0)
    s.set_param(1, "b", (0,), 1.0)
    window.step("phase")
    window._on_node_clicked(1, 0)


def _drawn_points(window):
    """A data set drawn by hand: a ring of one class around a cluster of the other, then trained."""
    from PySide6 import QtCore as _qc

    rng = __import__("numpy").random.default_rng(1)
    left = _qc.Qt.MouseButton.LeftButton.value
    window.draw_bar.set_drawing(True)
    s = window.session
    for k in range(36):
        angle = 2 * 3.14159 * k / 36
        r = 4.0 + rng.normal(0, 0.3)
        window.draw_bar.set_label_index(0)
        window.boundary_view.pointAdded.emit(r * float(__import__("math").cos(angle)),
                                             r * float(__import__("math").sin(angle)), left)
        window.draw_bar.set_label_index(1)
        window.boundary_view.pointAdded.emit(float(rng.normal(0, 1.0)), float(rng.normal(0, 1.0)), left)
    _run(window, 300)
    window.statusBar().showMessage(f"Drawn by hand: {len(s.prep.dataset)} points; left click adds, "
                                   "right click removes", 60000)


def _feature_space(window):
    """The circle data at two neurons of the first hidden layer after training."""
    _run(window, 600)
    window.feature_dock.show()
    window.feature_dock.raise_()
    window.feature_view.set_selection(1, 0, 1)
    _roomy_data(window, 540, 0.5)


def _train(steps):
    return lambda window: _run(window, steps)


def _roomy_data(window, width=560, share=0.7):
    """A wider data dock that takes ``share`` of the right column's height."""
    QtWidgets.QApplication.processEvents()
    h = window.height() - 120
    window.resizeDocks([window.data_dock], [width], QtCore.Qt.Orientation.Horizontal)
    window.resizeDocks([window.data_dock, window.curves_dock], [int(h * share), int(h * (1 - share))],
                       QtCore.Qt.Orientation.Vertical)


def _digits(window):
    _run(window, 300)
    _roomy_data(window, 560, 0.72)


# (file, session factory, what is done to the window, what it shows)
HANDS_ON = [
    ("inspector-edge-adam.png", lambda: Session(XOR_ADAM), _inspector_edge_adam,
     "an edge at the update phase: chain rule, Adam's moments, the step and the new w"),
    ("inspector-softmax.png", lambda: Session({"dataset": "blobs3", "hidden": [], "seed": 0}), _softmax_example,
     "softmax of logits [-0.21, 0.47, 1.72]"),
    ("inspector-sigmoid-line.png", lambda: Session({"dataset": "moons", "hidden": [], "seed": 0}), _sigmoid_line,
     "a sigmoid neuron with bias 1 and weights [3, -2] and its decision line"),
    ("data-drawn-points.png", lambda: Session({"dataset": "custom", "points": [[-1, 0, 0], [1, 0, 1]],
                                               "hidden": [{"size": 6, "activation": "tanh"}], "lr": 0.1,
                                               "seed": 0}), _drawn_points, "points drawn by hand"),
    ("data-feature-space.png", lambda: Session({"dataset": "circle", "seed": 0, "lr": 0.3,
                                                "hidden": [{"size": 4, "activation": "tanh"}]}), _feature_space,
     "the feature space of the first hidden layer"),
    ("data-housing-regression.png", lambda: Session.from_lesson("housing-regression"), _train(300),
     "price against size: the fitted curve"),
    ("data-digits.png", lambda: Session.from_lesson("digits-features"), _digits,
     "digits: confusion matrix and first-layer weights as 8x8 images"),
]


# (file, lesson, steps trained first, phases stepped after, screen size, presenter mode, what it shows):
# the window as it opens on a projector's screen, and presenter mode on it.
SCREENS = [
    ("window-projector-1024x768.png", "vanishing-sigmoid", 40, 16, (1024, 768), False,
     "the window on a 1024x768 projector: docks folded into tabs, counters in view"),
    ("presenter-vanishing-backward.png", "vanishing-sigmoid", 40, 16, (1024, 768), True,
     "presenter mode at 1024x768, backward at layer 4, its numbers revealed, the gradient norm below"),
]


# The same, in Persian (right to left, View → Language), for the README's languages section.
PERSIAN_SCREENS = [
    ("window-persian.png", "vanishing-sigmoid", 40, 16, (1280, 720), False,
     "the window in Persian: panels right to left, the network still left to right"),
    ("presenter-persian.png", "vanishing-sigmoid", 40, 16, (1280, 720), True,
     "presenter mode in Persian at 1280x720, backward at layer 4"),
]


def _screen_shot(app, folder, name, lesson, steps, phases, size, presenter) -> None:
    """The window placed for a screen of ``size`` (as it opens there), optionally in presenter mode."""
    settings = QtCore.QSettings(os.path.join(folder, f"{name}.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(Session.from_lesson(lesson), settings=settings)
    screen = QtCore.QRect(0, 0, *size)
    place_window(window, screen)
    window.show()
    for _ in range(3):                  # the docks a lesson opens are placed once the window is shown
        app.processEvents()
    _run(window, steps)
    for _ in range(phases):
        window.step("phase")
    if presenter:
        window.presenter.enter(screen_rect=screen)
        window.presenter.set_reveal(True)
    _save(app, window, folder, name)


def _save(app, window, folder, name) -> None:
    for _ in range(3):
        app.processEvents()
    raw = os.path.join(folder, name)
    window.grab().save(raw)
    window.close()
    image = Image.open(raw).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    out = ROOT / "docs" / name
    image.save(out, optimize=True)
    print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB, {window.session.phase.label()}")


def main() -> int:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    folder = tempfile.mkdtemp(prefix="nnviz-shots-")
    only = set(sys.argv[1:])            # file names to regenerate; none: all of them
    for name, make, act, _what in HANDS_ON:
        if only and name not in only:
            continue
        settings = QtCore.QSettings(os.path.join(folder, f"{name}.ini"), QtCore.QSettings.Format.IniFormat)
        window = MainWindow(make(), settings=settings)
        window.resize(1500, 940)
        window.show()
        act(window)
        _save(app, window, folder, name)
    for name, lesson, steps, phases, size, presenter, _what in SCREENS:
        if not only or name in only:
            _screen_shot(app, folder, name, lesson, steps, phases, size, presenter)
    for name, lesson, steps, phases, size, presenter, _what in PERSIAN_SCREENS:
        if not only or name in only:
            install_language(app, "fa")
            try:
                _screen_shot(app, folder, name, lesson, steps, phases, size, presenter)
            finally:
                install_language(app, "en")
    for name, lesson, steps, phases, _what in SHOTS:
        if only and name not in only:
            continue
        settings = QtCore.QSettings(os.path.join(folder, f"{name}.ini"), QtCore.QSettings.Format.IniFormat)
        window = MainWindow(Session.from_lesson(lesson), settings=settings)
        window.resize(1500, 940)
        window.show()
        window.train_steps(steps)
        for _ in range(phases):
            window.step("phase")
        for _ in range(3):
            app.processEvents()
        raw = os.path.join(folder, name)
        window.grab().save(raw)
        window.close()
        image = Image.open(raw).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        out = ROOT / "docs" / name
        image.save(out, optimize=True)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB, {window.session.phase.label()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
