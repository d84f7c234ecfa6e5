"""ConfusionView, WeightImagesView and FeatureSpaceView: counts, images, points, themes, demos."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtWidgets

from nnviz.session import Session
from nnviz.ui.plots.confusion import ConfusionView
from nnviz.ui.plots.feature_space import FeatureSpaceView
from nnviz.ui.plots.weight_images import WeightImagesView
from nnviz.ui.widgets.theme import THEME_NAMES, hex_to_rgb, sign_lut

ROOT = Path(__file__).resolve().parents[1]

BLOBS = {"dataset": "blobs3", "n_samples": 90, "seed": 0, "optimizer": "adam", "lr": 0.05,
         "hidden": [{"size": 5, "activation": "tanh"}, {"size": 3, "activation": "relu"}]}


def _show(qtbot, widget, size=(480, 420)):
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture(scope="module")
def trained():
    s = Session(BLOBS)
    s.run(40)
    return s


# -- confusion matrix -----------------------------------------------------------------------
def test_confusion_counts_and_title(qtbot):
    view = _show(qtbot, ConfusionView())
    m = np.array([[5, 1, 0], [2, 7, 1], [0, 0, 4]])
    view.set_matrix(m, ["cat", "dog", "bird"])
    assert view.cell_texts() == [["5", "1", "0"], ["2", "7", "1"], ["0", "0", "4"]]
    assert view.accuracy() == pytest.approx(16 / 20)
    assert view.title() == "Test accuracy 80.0% (16/20)"
    # true class on the rows (top to bottom), predicted on the columns
    assert [t for _, t in view.plot_item.getAxis("left")._tickLevels[0]] == ["cat", "dog", "bird"]
    assert [t for _, t in view.plot_item.getAxis("bottom")._tickLevels[0]] == ["cat", "dog", "bird"]
    texts = view._texts
    assert (texts[1 * 3 + 0].pos().x(), texts[1 * 3 + 0].pos().y()) == (0, 1)    # row 1, column 0
    assert view.plot_item.getViewBox().yInverted()
    # correct answers green, mistakes purple (the sign map: orange and blue mean classes),
    # stronger for a bigger share of the row
    rgb = view.cell_rgb().astype(int)
    assert rgb.shape == (3, 3, 3)
    assert rgb[1, 1, 1] > rgb[1, 1, 0] and rgb[1, 0, 2] > rgb[1, 0, 1] and rgb[1, 0, 0] > rgb[1, 0, 1]
    bg = hex_to_rgb(view.theme().background)
    assert np.abs(rgb[0, 1] - bg).sum() < np.abs(rgb[1, 0] - bg).sum()   # 1/6 of row 0 < 2/10 of row 1
    # a new matrix of another size reuses nothing stale
    view.set_matrix(np.array([[3, 0], [1, 2]]), None, split="train")
    assert view.cell_texts() == [["3", "0"], ["1", "2"]] and len(view._texts) == 4
    assert view.title() == "Train accuracy 83.3% (5/6)"


def test_confusion_rejects_bad_input_and_handles_empty(qtbot):
    view = _show(qtbot, ConfusionView())
    with pytest.raises(ValueError, match="square"):
        view.set_matrix(np.zeros((2, 3)))
    with pytest.raises(ValueError, match="counts"):
        view.set_matrix(np.array([[1, -1], [0, 0]]))
    with pytest.raises(ValueError, match="class names"):
        view.set_matrix(np.eye(2, dtype=int), ["a"])
    view.set_matrix(np.zeros((2, 2), dtype=int))
    assert view.accuracy() is None and "no test samples" in view.title()


def test_confusion_from_a_session(qtbot, trained):
    view = _show(qtbot, ConfusionView())
    view.set_session(trained, "test")
    m = trained.confusion_matrix("test")
    np.testing.assert_array_equal(view.matrix(), m)
    assert view.cell_texts() == [[str(v) for v in row] for row in m]
    assert f"({np.trace(m)}/{m.sum()})" in view.title()
    view.set_session(Session({"dataset": "sine", "hidden": []}))
    assert "classification" in view.title() and view.cell_rgb() is None


def test_weight_images_scale_is_fixed_while_the_same_weights_train(qtbot):
    view = _show(qtbot, WeightImagesView(), (560, 480))
    W = np.full((64, 4), 0.3)
    W[0, 0] = 3.0                                    # one outlier does not set the scale: it saturates
    view.set_weights(W, (8, 8))
    assert view.color_limit() == 0.5
    first = view.images()[1].image.copy()
    W *= 0.5                                         # trained in place: smaller weights look fainter,
    view.set_weights(W, (8, 8))                      # not renormalised back to full strength
    assert view.color_limit() == 0.5
    assert np.abs(view.images()[1].image.astype(int) - first.astype(int)).sum() > 0
    W[:, :2] = 0.7                                   # half the weights outgrow the scale: the next round number
    view.set_weights(W, (8, 8))
    assert view.color_limit() == 1.0 and "±1 (fixed)" in view.title()
    view.set_weights(W.copy() * 0.01, (8, 8))        # another array: a new image set, a new scale
    assert view.color_limit() == 0.01


# -- weight images --------------------------------------------------------------------------
def test_weight_images_count_shape_and_shared_scale(qtbot):
    view = _show(qtbot, WeightImagesView(), (560, 480))
    rng = np.random.default_rng(0)
    W = rng.normal(size=(64, 12))
    W[5, 3] = -4.0                                   # an outlier: drawn in the full colour
    view.set_weights(W, (8, 8))
    images = view.images()
    assert len(images) == 12 and all(item.isVisible() for item in images)
    assert all(item.image.shape == (8, 8, 3) for item in images)
    limit = view.color_limit()                       # the round number above 95 % of the |w|
    assert limit == 2.0 and "±2" in view.title()
    assert np.mean(np.abs(W) <= limit) >= 0.95 and np.quantile(np.abs(W), 0.95) > 1.0
    lut = sign_lut(view.theme())
    assert np.abs(images[3].image[0, 5].astype(int) - lut[0].astype(int)).max() <= 2     # saturated purple
    v = W[9, 2]                                      # pixel (1, 1) of image 2: its place on the scale
    assert np.abs(images[2].image[1, 1].astype(int)
                  - lut[round((v / limit + 1) * 127.5)].astype(int)).max() <= 2
    W2 = np.zeros((64, 12))
    W2[63, 0] = 1.0
    view.set_weights(W2, (8, 8))
    assert view.images()[0] is images[0]             # items are reused across updates
    assert tuple(view.images()[0].image[7, 7]) == tuple(hex_to_rgb(view.theme().sign_positive).astype(int))
    neutral = view.images()[1].image[0, 0]
    assert np.abs(neutral.astype(int) - hex_to_rgb(view.theme().surface_mid)).max() <= 1
    # columns laid out on a grid, none on top of another
    rects = {(item.mapRectToParent(item.boundingRect()).x(), item.mapRectToParent(item.boundingRect()).y())
             for item in view.images()}
    assert len(rects) == 12
    # fewer neurons: the extra items are hidden, not deleted
    view.set_weights(rng.normal(size=(6, 4)), (2, 3))
    assert len(view.images()) == 4 and view.images()[0].image.shape == (2, 3, 3)
    assert not images[7].isVisible()
    with pytest.raises(ValueError, match="shape"):
        view.set_weights(np.zeros((10, 2)), (3, 3))


def test_weight_images_non_finite_and_session(qtbot):
    view = _show(qtbot, WeightImagesView())
    W = np.ones((4, 2))
    W[0, 0] = np.nan
    view.set_weights(W, (2, 2))
    assert tuple(view.images()[0].image[0, 0]) == tuple(hex_to_rgb(view.theme().diverged).astype(int))
    s = Session.from_lesson("digits-features")
    view.set_session(s, 1)
    assert len(view.images()) == s.network.sizes[1]
    assert view.images()[0].image.shape == (8, 8, 3)
    with pytest.raises(ValueError, match="image shape"):
        view.set_session(Session(BLOBS), 1)


# -- feature space --------------------------------------------------------------------------
def test_feature_space_one_point_per_training_sample(qtbot, trained):
    view = _show(qtbot, FeatureSpaceView())
    view.set_session(trained)
    assert view.selection() == (1, 0, 1)
    assert view.layer_combo.count() == 2 and view.x_combo.count() == 5
    xs, ys = view.scatter.getData()
    assert len(xs) == len(trained.prep.train)
    expected = trained.hidden_features(1, 0, 1)
    np.testing.assert_allclose(np.column_stack([xs, ys]), expected)
    colors = view.theme().class_colors()
    brushes = view.scatter.data["brush"]
    for label, brush in zip(trained.prep.train.y, brushes):
        assert brush.color().name() == colors[label]
    assert len(view._legend.items) == 3


def test_feature_space_combos_pick_layer_and_neurons(qtbot, trained):
    view = _show(qtbot, FeatureSpaceView())
    view.set_session(trained)
    view.y_combo.setCurrentIndex(4)
    np.testing.assert_allclose(view.points(), trained.hidden_features(1, 0, 4))
    view.layer_combo.setCurrentIndex(1)             # layer 2, three relu neurons
    assert view.selection() == (2, 0, 1) and view.x_combo.count() == 3
    np.testing.assert_allclose(view.points(), trained.hidden_features(2, 0, 1))
    assert "layer 2" in view.plot_item.getAxis("bottom").labelText
    view.set_selection(2, 2, 9)                      # clamped to the last neuron
    assert view.selection() == (2, 2, 2)
    with pytest.raises(ValueError):
        view.set_selection(3, 0, 0)


def test_feature_space_refresh_after_training_and_rebuild(qtbot):
    s = Session(BLOBS)
    view = _show(qtbot, FeatureSpaceView())
    view.set_session(s)
    before = view.points()
    s.run(5)
    view.refresh()
    assert not np.allclose(view.points(), before)
    np.testing.assert_allclose(view.points(), s.hidden_features(1, 0, 1))
    s.configure(hidden=[])                           # no hidden layer left
    view.set_session(s)
    assert view.selection() is None and not view.layer_combo.isEnabled()
    assert "no hidden layer" in view.plot_item.titleLabel.text
    assert len(view.scatter.getData()[0]) == 0


def test_feature_space_regression_colors_by_value(qtbot):
    s = Session({"dataset": "sine", "n_samples": 40, "hidden": [{"size": 3, "activation": "tanh"}]})
    view = _show(qtbot, FeatureSpaceView())
    view.set_session(s)
    assert len(view.scatter.getData()[0]) == len(s.prep.train)
    assert len({b.color().name() for b in view.scatter.data["brush"]}) > 5
    assert len(view._legend.items) == 0


# -- shared ---------------------------------------------------------------------------------
@pytest.mark.parametrize("theme", THEME_NAMES)
def test_themes_and_line_scale(qtbot, theme, trained):
    views = [ConfusionView(), WeightImagesView(), FeatureSpaceView()]
    views[0].set_session(trained)
    views[1].set_weights(np.random.default_rng(0).normal(size=(9, 5)), (3, 3))
    views[2].set_session(trained)
    for view in views:
        _show(qtbot, view)
        view.set_theme(theme)
        view.set_line_scale(2.0)
        assert view.theme().name == theme
        image = view.grab().toImage()
        assert image.pixelColor(image.width() // 2, image.height() - 3).name() == view.theme().background
        with pytest.raises(ValueError):
            view.set_theme("neon")
        with pytest.raises(ValueError):
            view.set_line_scale(0)
    assert views[2].scatter.opts["size"] == pytest.approx(2 * FeatureSpaceView.POINT_SIZE)


def test_every_control_has_a_tooltip(qtbot, trained):
    view = _show(qtbot, FeatureSpaceView())
    view.set_session(trained)
    for widget in view.findChildren(QtWidgets.QComboBox) + view.findChildren(QtWidgets.QLabel):
        assert widget.toolTip(), widget
    for cls in (ConfusionView, WeightImagesView, FeatureSpaceView):
        assert cls().plot_widget.toolTip()


@pytest.mark.parametrize("args", [["nnviz.ui.plots.confusion"],
                                  ["nnviz.ui.plots.confusion", "--lesson", "softmax-3-class", "--theme", "dark"],
                                  ["nnviz.ui.plots.weight_images", "--scale", "2"],
                                  ["nnviz.ui.plots.feature_space"],
                                  ["nnviz.ui.plots.feature_space", "--lesson", "housing-regression"],
                                  ["nnviz.ui.panels.inspector_preview", "--theme", "contrast"]],
                         ids=lambda a: " ".join(a))
def test_demo_runs_standalone(args, tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", *args, "--quit-after-ms", "300", "--screenshot", str(shot)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 1000
