"""RegressionView: data and fitted curve, predicted against true."""

import numpy as np
import pytest

from nnviz.ui.plots.regression import RegressionView, curve_points
from nnviz.ui.widgets.theme import THEME_NAMES


@pytest.fixture
def view(qtbot):
    v = RegressionView()
    qtbot.addWidget(v)
    v.resize(500, 320)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_data_and_curve(view):
    x = np.linspace(0, 1, 30)
    y = 2 * x + 1
    view.set_data(x[:20], y[:20], x[20:].reshape(-1, 1), y[20:])
    assert view.mode() == "curve"
    np.testing.assert_array_equal(view.train_scatter.getData()[0], x[:20])
    np.testing.assert_array_equal(view.test_scatter.getData()[1], y[20:])
    xs = curve_points((0, 1), 50)
    assert xs.shape == (50, 1)
    view.set_curve(xs[:, 0], 2 * xs[:, 0] + 1)
    cx, cy = view.curve.getData()
    np.testing.assert_array_equal(cx, xs[:, 0])
    np.testing.assert_allclose(cy, 2 * xs[:, 0] + 1)
    assert view.curve.isVisible() and not view.diagonal.isVisible()
    assert [label.text for _s, label in view.legend.items] == ["train", "test", "prediction"]


def test_unsorted_curve_and_nan(view):
    view.set_data([3, 1, np.nan], [1, 2, 3])
    assert len(view.train_scatter.getData()[0]) == 2
    view.set_curve([2.0, 0.0, 1.0], [20.0, 0.0, np.nan])
    cx, cy = view.curve.getOriginalDataset()
    np.testing.assert_array_equal(cx, [0.0, 1.0, 2.0])
    np.testing.assert_array_equal(cy, [0.0, np.nan, 20.0])
    view.grab()


def test_predicted_vs_true_with_diagonal(view):
    view.set_axis_names("size", "price")
    y = np.array([1.0, 2.0, 3.0, 4.0])
    p = np.array([1.1, 1.8, 3.3, 3.9])
    view.set_predicted_vs_true(y, p, y[:2], p[:2] + 1)
    assert view.mode() == "parity"
    assert view.diagonal.isVisible() and not view.curve.isVisible()
    dx, dy = view.diagonal.getData()
    np.testing.assert_array_equal(dx, dy)
    assert dx[0] <= 1.0 and dx[-1] >= 4.0
    np.testing.assert_array_equal(view.train_scatter.getData()[0], y)
    np.testing.assert_array_equal(view.train_scatter.getData()[1], p)
    assert len(view.test_scatter.getData()[0]) == 2
    assert view.plot_item.getAxis("bottom").labelText == "true price"
    assert view.plot_item.getAxis("left").labelText == "predicted price"
    # back to the curve: the data points return
    view.set_data([0, 1], [5, 6])
    view.set_curve([0, 1], [5, 6])
    assert view.mode() == "curve"
    assert view.plot_item.getAxis("bottom").labelText == "size"
    np.testing.assert_array_equal(view.train_scatter.getData()[1], [5, 6])


def test_errors(view):
    with pytest.raises(ValueError):
        view.set_curve([0, 1], [1])
    with pytest.raises(ValueError):
        view.set_data([0, 1], [1])
    with pytest.raises(ValueError):
        curve_points((1, 1))


@pytest.mark.parametrize("theme", THEME_NAMES)
def test_theme_and_grab(qtbot, view, theme):
    x = np.linspace(0, 1, 30)
    view.set_data(x, x ** 2, x[:5], x[:5] ** 2)
    view.set_curve(x, x ** 2)
    view.set_theme(theme)
    view.set_line_scale(2.0)
    assert view.train_scatter.opts["size"] == pytest.approx(2 * RegressionView.POINT_SIZE)
    qtbot.wait(10)
    image = view.grab().toImage()
    assert image.pixelColor(2, 2).name() == view.theme().background
    colors = {image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)}
    assert len(colors) > 5
