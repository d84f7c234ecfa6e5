"""The window and presenter mode on every screen a classroom has: 1024×768, 1280×720, 1920×1080, 4K.

In-process tests place the window for a screen of each size (what the window
does with its screen's available geometry); one subprocess starts the window
on an offscreen screen of 1280×720 to prove the real QScreen path.
"""

import json
import os
import subprocess
import sys
import textwrap

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app import presenter as pm
from nnviz.app import screen_fit
from nnviz.app.main_window import MainWindow
from nnviz.session import Session

SCREENS = [(1024, 768), (1280, 720), (1920, 1080), (3840, 2160)]
Key = QtCore.Qt.Key
Mod = QtCore.Qt.KeyboardModifier


def make_window(qtbot, tmp_path, size, lesson="vanishing-sigmoid"):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson(lesson), settings=settings)
    qtbot.addWidget(w)
    screen_fit.place_window(w, QtCore.QRect(0, 0, *size))
    w.show()
    qtbot.waitExposed(w)
    QtWidgets.QApplication.processEvents()
    return w


def views(w):
    return {"network": w.network_view, "gradnorm": w.gradnorm_view, "graddist": w.graddist_view,
            "health": w.health_strip, "boundary": w.boundary_view, "curves": w.curves_view,
            "knobs": w.knobs, "lessons": w.lessons}


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_window_fits_the_screen_and_no_view_is_below_its_minimum(qtbot, tmp_path, size):
    w = make_window(qtbot, tmp_path, size)
    with w.adapter.hold():
        w.session.run(30)           # long health labels, a full loss curve
    w._after_step()
    for _ in range(14):
        w.step("phase")             # a backward phase: the longest counters
    QtWidgets.QApplication.processEvents()
    screen = QtCore.QRect(0, 0, *size)
    assert screen.contains(w.frameGeometry()), (w.frameGeometry(), size)
    assert w.minimumSizeHint().width() <= size[0] and w.minimumSizeHint().height() <= size[1]
    for name, view in views(w).items():
        if view.isVisible():
            need = view.minimumSizeHint().expandedTo(view.minimumSize())
            assert view.width() >= need.width() and view.height() >= need.height(), (name, view.size(), need)
    assert w.network_view.width() >= screen_fit.CENTRE_MIN_WIDTH - 20
    # the counters are on the toolbar itself, not in its overflow menu, and show the phase
    bar = w.findChild(QtWidgets.QToolBar, "step_controls")
    counters = w.controls.counters
    assert counters.isVisible() and counters.parent() is bar
    assert bar.rect().contains(counters.geometry())
    assert "backward" in counters.text()
    assert counters.width() >= counters.minimumSizeHint().width()
    # small screens fold the docks into tabs; large ones keep them side by side
    folded = w.knobs_dock in w.tabifiedDockWidgets(w.lessons_dock)
    assert folded == (size[0] < screen_fit.ROOMY[0] or size[1] < screen_fit.ROOMY[1])
    assert (w.curves_dock in w.tabifiedDockWidgets(w.data_dock)) == folded


def test_a_geometry_remembered_from_a_larger_screen_is_pulled_inside(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson("xor"), settings=settings)
    qtbot.addWidget(w)
    w.setGeometry(1500, 900, 1900, 1000)
    screen_fit.keep_inside(w, QtCore.QRect(0, 0, 1280, 720))
    assert QtCore.QRect(0, 0, 1280, 720).contains(w.geometry())
    assert w.width() <= 1280 and w.height() <= 720


@pytest.mark.parametrize("size", SCREENS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_presenter_gives_the_network_its_share_and_readable_numbers(qtbot, tmp_path, size):
    w = make_window(qtbot, tmp_path, size)
    w.step("phase")
    w.presenter.enter(screen_rect=QtCore.QRect(0, 0, *size))
    w.presenter.set_reveal(True)
    QtWidgets.QApplication.processEvents()
    assert w.network_view.height() >= pm.NETWORK_SHARE * size[1], (w.network_view.size(), size)
    # the numbers of the lit layer: text at least 1/40 of the screen height, in the view
    overlay = w.presenter.overlay
    assert overlay.isVisible() and "z<sub>1</sub>" in overlay.text()
    assert overlay.font().pixelSize() >= size[1] / 40
    assert w.network_view.rect().contains(overlay.geometry())
    assert w.font().pixelSize() >= size[1] / 42
    w.presenter.leave()


@pytest.mark.parametrize("lesson, side", [("xor", "boundary"), ("lr-too-large", "loss"),
                                          ("vanishing-sigmoid", "gradients"), ("momentum", "landscape")])
def test_presenter_shows_the_one_side_view_the_lesson_names(qtbot, tmp_path, lesson, side):
    w = make_window(qtbot, tmp_path, (1024, 768), lesson)
    w.presenter.enter(screen_rect=QtCore.QRect(0, 0, 1024, 768))
    QtWidgets.QApplication.processEvents()
    assert w.presenter.side_view == side
    shown = {"boundary": w.boundary_view.isVisible(), "loss": w.curves_view.isVisible(),
             "gradients": w.gradnorm_view.isVisible(), "landscape": w.lecture.docks["landscape"].isVisible()}
    assert shown == {k: k == side for k in shown}
    assert not w.graddist_view.isVisible() and not w.menuBar().isVisible()
    assert w.network_view.height() >= pm.NETWORK_SHARE * 768
    if side != "gradients":         # beside the network, at full height
        assert w.network_view.width() >= 0.55 * 1024
    w.presenter.leave()


def layout_of(w):
    docks = w.findChildren(QtWidgets.QDockWidget)
    return {"geometry": w.geometry(), "state": bytes(w.saveState()), "split": bytes(w.centre_split.saveState()),
            "visible": {d.objectName(): d.isVisible() for d in docks},
            "area": {d.objectName(): w.dockWidgetArea(d) for d in docks},
            "tabs": {d.objectName(): sorted(t.objectName() for t in w.tabifiedDockWidgets(d)) for d in docks},
            "sizes": {d.objectName(): d.size() for d in docks if not d.visibleRegion().isEmpty()},   # tabs in front
            "font": w.font().pointSizeF(), "theme": w.theme_name(), "menu": w.menuBar().isVisible()}


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_leaving_presenter_restores_the_exact_layout(qtbot, tmp_path, size):
    w = make_window(qtbot, tmp_path, size, "xor")
    w.inspector_dock.raise_()               # a layout of the user's own: another tab in front
    w.feature_dock.raise_()
    w.centre_split.setSizes([500, 180])
    QtWidgets.QApplication.processEvents()
    before = layout_of(w)
    for lesson_side in ("boundary", "gradients"):
        if lesson_side == "gradients":
            w.session.lesson = Session.from_lesson("vanishing-sigmoid").lesson
        w.presenter.enter(screen_rect=QtCore.QRect(0, 0, *size))
        QtWidgets.QApplication.processEvents()
        w.presenter.leave()
        QtWidgets.QApplication.processEvents()
        assert layout_of(w) == before


def test_presenter_uses_the_windows_keys(qtbot, tmp_path):
    """Each step key does in presenter mode what it does in the window."""
    results = {}
    for mode in ("window", "presenter"):
        w = make_window(qtbot, tmp_path / mode, (1024, 768), "xor")
        s = w.session
        if mode == "presenter":
            w.presenter.enter(screen_rect=QtCore.QRect(0, 0, 1024, 768))
        w.controls.sample.setFocus()            # a spin box had the focus before
        w.network_view.setFocus() if mode == "window" else None
        seen = []
        for key, mod in ((Key.Key_Right, Mod.NoModifier), (Key.Key_Right, Mod.NoModifier),
                         (Key.Key_Left, Mod.NoModifier), (Key.Key_Right, Mod.ShiftModifier),
                         (Key.Key_Right, Mod.ShiftModifier), (Key.Key_Left, Mod.ShiftModifier),
                         (Key.Key_Right, Mod.ControlModifier)):
            qtbot.keyClick(w.focusWidget() or w, key, mod)
            seen.append((s.step, s.phase.kind, s.phase.layer))
        qtbot.keyClick(w.focusWidget() or w, Key.Key_Space)
        seen.append(w.playing)
        w.pause()
        results[mode] = seen
        if mode == "presenter":
            qtbot.keyClick(w, Key.Key_R)
            assert w.presenter.revealing()
            qtbot.keyClick(w, Key.Key_Escape)
            assert not w.presenter.is_active()
        w.play_timer.stop()
    assert results["presenter"] == results["window"]
    assert results["window"][0] == (0, "forward", 1) and results["window"][-1] is True


def test_the_window_opens_inside_a_1280x720_screen(tmp_path):
    """The real path: an offscreen screen of 1280×720, the window's own QScreen, no size given."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "projector", "x": 0, "y": 0, "width": 1280,
                                               "height": 720, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    script = textwrap.dedent(f"""
        import json
        from PySide6 import QtCore, QtWidgets
        from nnviz.app.main_window import MainWindow
        from nnviz.session import Session
        app = QtWidgets.QApplication([])
        settings = QtCore.QSettings({str(tmp_path / 's.ini')!r}, QtCore.QSettings.Format.IniFormat)
        w = MainWindow(Session.from_lesson("xor"), settings=settings)
        w.show()
        for _ in range(5):
            app.processEvents()
        f, a = w.frameGeometry(), w.screen().availableGeometry()
        print(json.dumps({{"frame": [f.x(), f.y(), f.width(), f.height()],
                          "available": [a.x(), a.y(), a.width(), a.height()],
                          "status": w.statusBar().geometry().bottom() < w.height()}}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert got["available"] == [0, 0, 1280, 720]
    x, y, width, height = got["frame"]
    assert x >= 0 and y >= 0 and x + width <= 1280 and y + height <= 720
    assert got["status"]


def _scene_rect_in_view(view, item, rect):
    """``rect`` (in ``item``'s coordinates) in ``view``'s widget pixels."""
    return view.mapFromScene(item.mapRectToScene(rect)).boundingRect()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_best_step_label_stays_inside_the_loss_plot(qtbot, tmp_path, size):
    """At 150 % zoom the folded loss plot is narrower than "best: step 43" beside a line near its
    middle: the label goes left of the line, or over it, never past the plot's edge."""
    w = make_window(qtbot, tmp_path, size, "early-stopping")
    w.set_zoom(1.5)
    w.curves_dock.raise_()
    view = w.curves_view
    box = view.plot_item.getViewBox()
    checked = 0
    for _ in range(10):
        with w.adapter.hold():
            w.session.run(10)
        w._after_step()
        QtWidgets.QApplication.processEvents()
        label = view.best_line.label
        if not (view.best_line.isVisible() and label.isVisible()):
            continue
        text = label.textItem
        m = text.document().documentMargin()
        glyphs = text.mapRectToScene(text.boundingRect().adjusted(m, m, -m, -m))
        inside = box.sceneBoundingRect().adjusted(-1, -1, 1, 1)
        assert inside.contains(glyphs), (w.session.step, text.toPlainText(), glyphs, inside)
        checked += 1
    assert checked >= 5


def _overlaps(rects):
    pairs = []
    for i, (a_name, a) in enumerate(rects):
        for b_name, b in rects[i + 1:]:
            if a.adjusted(0.5, 0.5, -0.5, -0.5).intersects(b.adjusted(0.5, 0.5, -0.5, -0.5)):
                pairs.append((a_name, b_name))
    return pairs


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lesson, phases", [("vanishing-sigmoid", 14), ("xor", 4), ("exploding-init", 3)])
def test_presenter_network_legend_and_headers_fit_without_overlaps(qtbot, tmp_path, size, lesson, phases):
    """Presenter mode's larger type: the legend flows onto more lines inside the view, none of its
    texts, swatches and bars overlap, no column header runs into the next, and the legend on the
    screen is the legend just laid out (not a cached picture of the window's smaller one)."""
    w = make_window(qtbot, tmp_path, size, lesson)
    with w.adapter.hold():
        w.session.run(20)
    w._after_step()
    for _ in range(phases):
        w.step("phase")
    w.presenter.enter(screen_rect=QtCore.QRect(0, 0, *size))
    QtWidgets.QApplication.processEvents()
    view = w.network_view
    legend = view._legend
    shown = QtCore.QRectF(view.viewport().rect())
    items = [(f"text {t!r}", r) for t, r in legend.text_rects()] + \
            [(f"shape {k}", r) for k, r in enumerate(legend.shape_rects())]
    for name, rect in items:
        assert shown.contains(QtCore.QRectF(_scene_rect_in_view(view, legend, rect))), (name, size)
    assert _overlaps(items) == []
    # the lit band's label ("◀ backward", in the header type) stays above the legend
    band = view._band_label.sceneBoundingRect()
    assert view._band_label.isVisible() == (lesson != "exploding-init")
    assert band.bottom() <= legend.sceneBoundingRect().top(), (band, legend.sceneBoundingRect())
    headers = [(item.toPlainText(), _scene_rect_in_view(view, item, item.boundingRect()).toRectF())
               for item in view._headers if item.isVisible()]
    assert _overlaps(headers) == []
    # each header within its column's width: no word ("leaky_relu" too) pushes it wider
    for item in view._headers:
        if item.isVisible():
            assert item.boundingRect().width() <= item.textWidth() + 0.5, (item.toPlainText(), item.textWidth())
    # what is on the screen is the legend as laid out now: the cached drawing equals a fresh one
    region = _scene_rect_in_view(view, legend, legend.boundingRect()).intersected(view.viewport().rect())
    cached = view.grab(region).toImage()
    legend.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.NoCache)
    fresh = view.grab(region).toImage()
    assert cached == fresh
    w.presenter.leave()


def test_a_narrow_gradient_plot_keeps_its_width_for_the_lines(qtbot, tmp_path):
    """At 1024x768 the nine-layer legend does not fit beside the gradient-norm plot even in its smallest
    type: it is left out, and the lines keep most of the view's width instead of a sliver."""
    w = make_window(qtbot, tmp_path, (1024, 768), "vanishing-sigmoid")
    with w.adapter.hold():
        w.session.run(20)
    w._after_step()
    QtWidgets.QApplication.processEvents()
    view = w.gradnorm_view
    box = view.plot_item.getViewBox()
    assert box.width() >= 0.5 * view.plot_widget.width()
    assert not view.legend.isVisible() and "layer 1" in view.plot_widget.toolTip()
    w.resize(1900, 1000)                                      # room again: the legend is back
    QtWidgets.QApplication.processEvents()
    view._fit_side_legend()
    assert view.legend.isVisible()
