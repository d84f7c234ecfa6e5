"""BoundaryView: points, surfaces for the three tasks, draw-mode clicks, themes."""

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from nnviz.ui.plots.boundary import BoundaryView, grid_points
from nnviz.ui.widgets.theme import THEME_NAMES, hex_to_rgb, value_lut


@pytest.fixture
def view(qtbot):
    v = BoundaryView()
    qtbot.addWidget(v)
    v.resize(420, 400)
    v.show()
    qtbot.waitExposed(v)
    return v


def _blobs(n=40, seed=0):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, 2))
    y = (X[:, 0] > 0).astype(int)
    return X, y


def distinct_colors(image: QtGui.QImage, step: int = 7) -> int:
    colors = {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}
    return len(colors)


def test_grid_points_layout_matches_reshape():
    P = grid_points((0.0, 4.0, -1.0, 1.0), resolution=(4, 2))
    assert P.shape == (8, 2)
    # x varies fastest, rows go up in y from ymin, points sit at pixel centers
    np.testing.assert_allclose(P[:4, 0], [0.5, 1.5, 2.5, 3.5])
    np.testing.assert_allclose(P[:4, 1], -0.5)
    np.testing.assert_allclose(P[4:, 1], 0.5)
    assert grid_points((-1, 1, -1, 1)).shape == (10000, 2)
    with pytest.raises(ValueError):
        grid_points((1, 0, 0, 1))


def test_points_train_filled_test_hollow(view):
    X, y = _blobs(40)
    Xt, yt = _blobs(10, seed=1)
    view.set_data(X, y, Xt, yt, task="binary", n_classes=2)
    xs, ys = view.train_scatter.getData()
    np.testing.assert_array_equal(xs, X[:, 0])
    np.testing.assert_array_equal(ys, X[:, 1])
    assert len(view.test_scatter.getData()[0]) == 10
    # train points filled with their class color, test points hollow and ringed in it
    colors = view.theme().class_colors()
    brushes = view.train_scatter.data["brush"]
    for label, brush in zip(y, brushes):
        assert brush.color().name() == colors[label]
    pens = view.test_scatter.data["pen"]
    for label, pen in zip(yt, pens):
        assert pen.color().name() == colors[label]
    assert view.test_scatter.opts["brush"].color().name() == view.theme().background


def test_non_finite_points_are_skipped(view):
    X, y = _blobs(10)
    X[3, 0] = np.nan
    view.set_data(X, y)
    assert len(view.train_scatter.getData()[0]) == 9
    assert len(view.test_scatter.getData()[0]) == 0


def test_binary_surface_diverging_map(view):
    X, y = _blobs()
    view.set_data(X, y, task="binary")
    extent = (-3.0, 3.0, -2.0, 2.0)
    P = grid_points(extent, 50)
    grid = (P[:, 0] > 0).astype(float).reshape(50, 50)  # right half class 1
    view.set_surface(grid, extent)
    rgb = view.surface_rgb()
    assert rgb.shape == (50, 50, 3)
    left, right = rgb[25, 5].astype(float), rgb[25, 45].astype(float)
    # orange-ish on the class-0 side, blue-ish on the class-1 side
    assert left[0] > left[2] and right[2] > right[0]
    # the image covers exactly the extent
    rect = view.surface_item.mapRectToParent(view.surface_item.boundingRect())
    assert (rect.left(), rect.right(), rect.top(), rect.bottom()) == pytest.approx((-3, 3, -2, 2))
    # 0.5 is close to the (light) background: undecided looks neutral
    view.set_surface(np.full((10, 10), 0.5), extent)
    mid = view.surface_rgb()[0, 0].astype(float)
    assert np.abs(mid - hex_to_rgb(view.theme().background)).max() < 40


def test_surface_accepts_column_and_nan(view):
    view.set_data(*_blobs())
    grid = np.random.default_rng(0).random((20, 30, 1))
    grid[0, 0, 0] = np.nan
    grid[1, 1, 0] = np.inf
    view.set_surface(grid, (0, 3, 0, 2))
    rgb = view.surface_rgb()
    assert rgb.shape == (20, 30, 3)
    np.testing.assert_array_equal(rgb[0, 0], hex_to_rgb(view.theme().background))
    view.grab()


def test_multiclass_surface_blends_class_colors(view):
    X = np.random.default_rng(0).normal(size=(30, 2))
    y = np.arange(30) % 3
    view.set_data(X, y, task="multiclass", n_classes=3)
    k = 3
    grid = np.zeros((10, 12, k))
    grid[:, :4, 0] = 1.0          # certain: class 0
    grid[:, 4:8, 2] = 1.0         # certain: class 2
    grid[:, 8:, :] = 1.0 / k      # undecided
    grid[9, 11, 1] = np.nan       # a diverged pixel
    view.set_surface(grid, (-1, 1, -1, 1))
    rgb = view.surface_rgb().astype(float)
    assert rgb.shape == (10, 12, 3)
    bg = hex_to_rgb(view.theme().background)
    s = view.theme().surface_strength
    for col, cls in ((0, 0), (5, 2)):
        expected = bg + s * (hex_to_rgb(view.theme().class_colors()[cls]) - bg)
        np.testing.assert_allclose(rgb[3, col], expected, atol=1.0)
    expected_mid = bg + s * (hex_to_rgb(view.theme().surface_mid) - bg)
    np.testing.assert_allclose(rgb[3, 10], expected_mid, atol=1.0)
    np.testing.assert_array_equal(rgb[9, 11], bg)
    # task "classification" picks multiclass from n_classes
    view.set_data(X, y, task="classification", n_classes=3)
    assert view.task() == "multiclass"


def test_regression_points_and_surface_share_scale(view):
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(50, 2))
    t = X[:, 0] * 3.0
    view.set_data(X, t, task="regression")
    brushes = view.train_scatter.data["brush"]
    lo, hi = np.argmin(t), np.argmax(t)
    c_lo, c_hi = brushes[lo].color(), brushes[hi].color()
    assert c_lo.lightness() < c_hi.lightness()          # a value, not a class: dark (low) to light (high)
    assert (c_lo.red(), c_lo.green(), c_lo.blue()) == tuple(value_lut(view.theme(), strength=1.0)[0])
    # test points: value-colored too, told apart by a heavy ring in the text color
    view.set_data(X[:40], t[:40], X[40:], t[40:], task="regression")
    assert view.test_scatter.opts["pen"].color().name() == view.theme().foreground
    assert len({b.color().name() for b in view.test_scatter.data["brush"]}) > 3
    extent = (-1, 1, -1, 1)
    P = grid_points(extent, 40)
    view.set_surface((P[:, 0] * 3.0).reshape(40, 40), extent)
    rgb = view.surface_rgb().astype(int)
    assert rgb[20, 0].sum() < rgb[20, 39].sum()         # low values darker than high ones


def test_grab_not_blank(view):
    view.set_data(*_blobs(), task="binary")
    extent = (-3, 3, -3, 3)
    P = grid_points(extent, 60)
    view.set_surface((1 / (1 + np.exp(-P[:, 0] - P[:, 1]))).reshape(60, 60), extent)
    image = view.grab().toImage()
    assert distinct_colors(image) > 20


def _click(qtbot, view, x, y, button):
    scene_pos = view.view_box().mapViewToScene(QtCore.QPointF(x, y))
    pos = view.plot_widget.mapFromScene(scene_pos)
    with qtbot.waitSignal(view.pointAdded, timeout=2000) as blocker:
        qtbot.mouseClick(view.plot_widget.viewport(), button, pos=pos)
    return blocker.args


def test_draw_mode_click_emits_data_coordinates(qtbot, view):
    view.set_data(*_blobs())
    view.set_surface(np.full((10, 10), 0.5), (-2, 2, -2, 2))
    view.set_draw_mode(True)
    assert view.draw_mode()
    # one pixel is 4 / ~350 data units; allow a couple of pixels of rounding
    x, y, button = _click(qtbot, view, 0.7, -1.2, QtCore.Qt.MouseButton.LeftButton)
    assert (x, y) == pytest.approx((0.7, -1.2), abs=0.05)
    assert button == 1
    x, y, button = _click(qtbot, view, -1.5, 1.0, QtCore.Qt.MouseButton.RightButton)
    assert (x, y) == pytest.approx((-1.5, 1.0), abs=0.05)
    assert button == 2


def test_no_signal_outside_draw_mode(qtbot, view):
    view.set_data(*_blobs())
    view.set_surface(np.full((10, 10), 0.5), (-2, 2, -2, 2))
    received = []
    view.pointAdded.connect(lambda *a: received.append(a))
    pos = view.plot_widget.mapFromScene(view.view_box().mapViewToScene(QtCore.QPointF(0.0, 0.0)))
    qtbot.mouseClick(view.plot_widget.viewport(), QtCore.Qt.MouseButton.LeftButton, pos=pos)
    qtbot.wait(20)
    assert received == []


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_themes_and_line_scale(view, theme):
    X, y = _blobs()
    view.set_data(X, y, X[:5], y[:5])
    view.set_surface(np.random.default_rng(0).random((20, 20)), (-3, 3, -3, 3))
    view.set_theme(theme)
    view.set_line_scale(2.0)
    assert view.theme().name == theme
    assert view.train_scatter.opts["size"] == pytest.approx(2 * BoundaryView.POINT_SIZE)
    np.testing.assert_array_equal(view.surface_rgb().shape, (20, 20, 3))
    image = view.grab().toImage()
    corner = image.pixelColor(2, 2).name()
    assert corner == view.theme().background
    with pytest.raises(ValueError):
        view.set_theme("neon")
    with pytest.raises(ValueError):
        view.set_line_scale(0)


def test_a_new_surface_does_not_draw_the_points_again(qtbot, monkeypatch):
    """The points are blitted from their cached pixmap while the surface under them changes."""
    import pyqtgraph as pg
    from PySide6 import QtWidgets
    painted = []
    original = pg.ScatterPlotItem.paint
    monkeypatch.setattr(pg.ScatterPlotItem, "paint", lambda item, *a: (painted.append(item), original(item, *a)))
    v = BoundaryView()
    qtbot.addWidget(v)
    v.resize(420, 400)
    v.show()
    qtbot.waitExposed(v)
    X, y = _blobs()
    v.set_data(X[:30], y[:30], X[30:], y[30:])
    extent = (-3.0, 3.0, -3.0, 3.0)
    for value in (0.1, 0.2):                            # the first frames lay the plot out
        v.set_surface(np.full((20, 20), value), extent)
        QtWidgets.QApplication.processEvents()
    points = {v.train_scatter, v.test_scatter}
    assert points <= set(painted)                       # drawn once into their cache
    painted.clear()
    for value in (0.4, 0.6, 0.8):
        v.set_surface(np.full((20, 20), value), extent)
        v.plot_widget.viewport().repaint()
        QtWidgets.QApplication.processEvents()
    assert not points & set(painted)
    v.set_data(X[:20], y[:20], X[30:], y[30:])          # new points: drawn again
    v.plot_widget.viewport().repaint()
    assert v.train_scatter in painted
