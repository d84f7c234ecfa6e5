"""Hands on the network in the window: the inspector's numbers, gradient check, typed weights,
switched neurons, drawn points, feature space, the data view of every kind of data, CSV errors."""

import math

import numpy as np
import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.ui.panels.inspector_text import fmt

XOR = {"dataset": "xor", "n_samples": 40, "noise": 0.05, "seed": 0, "batch_size": 8, "lr": 0.05,
       "optimizer": "adam", "hidden": [{"size": 3, "activation": "tanh"}, {"size": 2, "activation": "tanh"}]}
LEFT, RIGHT = QtCore.Qt.MouseButton.LeftButton.value, QtCore.Qt.MouseButton.RightButton.value


@pytest.fixture
def make_window(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)

    def make(session):
        w = MainWindow(session, settings=settings)
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        return w

    return make


def to_phase(w, kind):
    while w.session.phase.kind != kind:
        w.step("phase")


# ---------------------------------------------------------------- the numbers behind the picture
def test_clicked_neuron_shows_the_trace(make_window):
    w = make_window(Session(XOR))
    to_phase(w, "backward")
    w.step("phase")
    w.step("phase")                                  # backward has reached layer 1
    w.controls.sample.setValue(3)
    w._on_node_clicked(1, 2)
    lt = w.session.trace.layers[0]
    info = w.inspector.last_info
    assert w.inspector_dock.isVisible()
    assert (info["z"], info["a"], info["delta"]) == (lt.z[2, 2], lt.a[2, 2], lt.grad_z[2, 2])
    for v in (lt.z[2, 2], lt.a[2, 2], lt.grad_z[2, 2]):
        assert fmt(v) in w.inspector.text()


def test_clicked_edge_at_update_shows_the_chain_rule_and_adams_step(make_window):
    w = make_window(Session(XOR))
    to_phase(w, "update")
    s = w.session
    w._on_edge_clicked(1, 2, 0)                      # W2[2, 0]
    info = w.inspector.last_info
    assert info == s.inspect_edge(2, 2, 0)
    assert math.fsum(info["terms"]) + info["penalty_grad"] == pytest.approx(info["grad"], rel=1e-12)
    assert info["grad"] == s.grads[1]["W"][2, 0]
    assert info["w_after"] == s.network.params[1]["W"][2, 0]
    text = w.inspector.text()
    assert "m̂" in text and "v̂" in text and fmt(info["step"]) in text and fmt(info["w_after"]) in text


def test_gradient_check_of_edge_neuron_and_layer_from_the_window(make_window):
    w = make_window(Session(XOR))
    w.step("step")
    w.step("phase")
    to_phase(w, "update")
    for select in (lambda: w._on_edge_clicked(0, 1, 1), lambda: w._on_node_clicked(2, 1),
                   lambda: w._inspect_layer(1)):
        select()
        check = w.inspector.run_gradient_check()
        assert check is not None, w.inspector.error_text()
        assert check["relative_error"] < 1e-5
        assert len(check["backprop"]) == len(check["numeric"]) >= 1
        assert "backprop and numeric gradients agree" in w.inspector.text()


def test_softmax_worked_example(make_window):
    s = Session({"dataset": "blobs3", "hidden": [], "seed": 0})
    w = make_window(s)
    for j, logit in enumerate([-0.21, 0.47, 1.72]):
        w._on_node_clicked(1, j)
        w.inspector.apply_edit(logit)                # the bias of output neuron j
        for i in range(2):
            s.set_param(1, "W", (i, j), 0.0)
    w.step("phase")
    w._on_node_clicked(1, 2)
    soft = w.inspector._context()["softmax"]
    assert np.allclose(soft["z"], [-0.21, 0.47, 1.72])
    assert np.round(soft["a"], 1).tolist() == [0.1, 0.2, 0.7]
    assert "[0.10139, 0.20012, 0.69849]" in w.inspector.text()


@pytest.mark.parametrize("standardize", [True, False])
def test_sigmoid_neuron_decision_line(make_window, standardize):
    s = Session({"dataset": "xor", "hidden": [], "seed": 0, "standardize": standardize})
    w = make_window(s)
    w._on_edge_clicked(0, 0, 0)
    assert w.inspector.apply_edit("3")
    w._on_edge_clicked(0, 1, 0)
    assert w.inspector.apply_edit("-2")
    w._on_node_clicked(1, 0)
    assert w.inspector.apply_edit("1")
    text = w.inspector.text()
    line = w.inspector._context()["line"]
    (w1, w2), b = line["w"], line["b"]
    eq = f"{fmt(w1)}·x₁ {'−' if w2 < 0 else '+'} {fmt(abs(w2))}·x₂ {'−' if b < 0 else '+'} {fmt(abs(b))} = 0"
    assert eq in text and "a = 0.5" in text and "units the data view plots" in text
    # the printed line is where the data view draws it: two points on it, in the plotted (raw) units,
    # give the output 0.5
    x1 = np.array([-0.5, 1.0])
    on_line = np.column_stack([x1, -(w1 * x1 + b) / w2])
    assert np.allclose(s.predict(on_line)[:, 0], 0.5, atol=1e-12)
    if standardize:                                 # the network's own numbers, named as standardized units
        assert eq != "3·x₁ − 2·x₂ + 1 = 0" and "3·x̃₁ − 2·x̃₂ + 1 = 0" in text and "standardized" in text
    else:
        assert eq == "3·x₁ − 2·x₂ + 1 = 0" and "x₂ = 1.5·x₁ + 0.5" in text and "standardized" not in text


# ---------------------------------------------------------------- hands on the network
def test_typed_weight_changes_the_network_and_its_drawing(make_window):
    w = make_window(Session(XOR))
    w._on_edge_clicked(0, 0, 1)
    w.inspector.value_edit.setText("-2.5")
    w.inspector.set_button.click()
    assert w.session.network.params[0]["W"][0, 1] == -2.5
    assert w.dirty
    w._on_node_clicked(2, 0)
    w.inspector.value_edit.setText("0.75")
    w.inspector.value_edit.returnPressed.emit()
    assert w.session.network.params[1]["b"][0] == 0.75
    w.inspector.value_edit.setText("nope")
    w.inspector.set_button.click()
    assert "not a number" in w.inspector.error_text()


def test_switching_a_neuron_off_and_on(make_window):
    w = make_window(Session(XOR))
    w._on_node_clicked(1, 1)
    w.inspector.enabled_check.setChecked(False)
    assert w.session.config["disabled_neurons"] == [[1, 1]]
    w.step("phase")
    assert np.all(w.session.trace.layers[0].a[:, 1] == 0)
    w.step("step")
    w._on_node_clicked(1, 1)
    w.inspector.enabled_check.setChecked(True)
    assert w.session.config["disabled_neurons"] == []
    w.step("phase")
    assert np.any(w.session.trace.layers[0].a[:, 1] != 0)


def test_drawing_points(make_window):
    w = make_window(Session(XOR))
    n = len(w.session.prep.dataset)
    assert w.data_stack.currentWidget() is w.plane_panel and w.draw_bar.isVisibleTo(w)
    w.draw_bar.toggle.click()
    assert w.boundary_view.draw_mode()
    w.draw_bar.set_label_index(1)
    w.boundary_view.pointAdded.emit(0.25, 0.75, LEFT)
    ds = w.session.prep.dataset
    assert len(ds) == n + 1 and w.session.config["dataset"] == "custom"
    assert [0.25, 0.75, 1] in w.session.config["points"]
    w.boundary_view.pointAdded.emit(0.25, 0.75, RIGHT)
    assert len(w.session.prep.dataset) == n
    x0, x1, y0, y1 = w.session.data_extent()
    w.boundary_view.pointAdded.emit(x1 + 10, y1 + 10, RIGHT)     # nothing near: a message, no change
    assert len(w.session.prep.dataset) == n and "No point" in w.statusBar().currentMessage()
    w.draw_bar.toggle.click()
    assert not w.boundary_view.draw_mode()


def test_feature_space_follows_training(make_window):
    w = make_window(Session(XOR))
    w.feature_dock.show()
    w.feature_dock.raise_()
    assert w.feature_view.selection() == (1, 0, 1)
    before = w.feature_view.points().copy()
    w.train_steps(20)
    after = w.feature_view.points()
    assert after.shape == (len(w.session.prep.train), 2) and not np.allclose(before, after)
    feats = w.session.hidden_features(1, 0, 1)
    assert np.allclose(after, feats)
    w.feature_view.set_selection(2, 1, 0)
    assert np.allclose(w.feature_view.points(), w.session.hidden_features(2, 1, 0))


# ---------------------------------------------------------------- views for every kind of data
@pytest.mark.parametrize("lesson, dataset, view", [
    ("housing-regression", None, "curve"), (None, "sine", "curve"), (None, "plane", "surface"),
    (None, "multigauss", "surface"), (None, "blobs3", "regions"), (None, "spiral3", "regions"),
    (None, "iris", "confusion"), ("digits-features", None, "weights")])
def test_each_kind_of_data_gets_its_view(make_window, lesson, dataset, view):
    s = Session.from_lesson(lesson) if lesson else Session({"dataset": dataset, "seed": 0, "n_samples": 120,
                                                            "hidden": [{"size": 4, "activation": "tanh"}]})
    w = make_window(s)
    w.train_steps(3)
    ds = s.prep.dataset
    if view == "curve":
        assert ds.n_inputs == 1 and w.data_stack.currentWidget() is w.regression_view
        xs, ys = w.regression_view.curve.getData()
        assert w.regression_view.mode() == "curve" and len(xs) > 100
        assert np.allclose(ys, s.predict(xs[:, None])[:, 0])
    elif view in ("surface", "regions"):
        assert w.data_stack.currentWidget() is w.plane_panel
        rgb = w.boundary_view.surface_rgb()
        assert rgb is not None and rgb.ndim == 3
        if view == "regions":
            assert ds.n_classes == 3 and w.boundary_view.task() == "multiclass"
        else:
            assert ds.task == "regression" or ds.n_classes == 2
    else:
        assert w.data_stack.currentWidget() is w.no_plane
        k = ds.n_classes
        assert w.confusion_view.matrix().shape == (k, k)
        assert w.confusion_view.matrix().sum() == len(s.prep.test)
        if view == "weights":
            assert w.weight_images_view.isVisibleTo(w)
            first = [im.image.copy() for im in w.weight_images_view.images()]
            assert len(first) == s.network.sizes[1] and first[0].shape[:2] == (8, 8)
            w.train_steps(5)
            later = [im.image for im in w.weight_images_view.images()]
            assert not all(np.allclose(a, b) for a, b in zip(first, later))


def test_regression_with_more_inputs_shows_predicted_vs_true(make_window, tmp_path):
    path = tmp_path / "three.csv"
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 3))
    y = X @ [1.0, -2.0, 0.5]
    path.write_text("a,b,c,y\n" + "\n".join(",".join(f"{v:.4f}" for v in (*x, t)) for x, t in zip(X, y)))
    s = Session({"dataset": "csv", "csv": {"path": str(path), "target": "y", "task": "regression"},
                 "loss": "auto", "output_activation": "auto", "hidden": [{"size": 4, "activation": "tanh"}]})
    w = make_window(s)
    w.train_steps(2)
    assert w.data_stack.currentWidget() is w.regression_view
    assert w.regression_view.mode() == "parity"
    true, pred = w.regression_view.train_scatter.getData()
    assert np.allclose(pred, s.predict(s.prep.train.X)[:, 0]) and np.allclose(true, s.prep.train.y)


def test_csv_import_error_names_row_and_column(make_window, tmp_path):
    w = make_window(Session(XOR))
    bad = tmp_path / "bad.csv"
    bad.write_text("x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n")
    dialog = w.import_csv_dialog()
    dialog.set_path(bad)
    dialog.ok_button.click()
    assert "row 3" in dialog.error_text() and "x2" in dialog.error_text()
    assert w.session.config["dataset"] == "xor"
    dialog.close()
    assert isinstance(dialog, QtWidgets.QDialog)


def test_a_typed_weight_redraws_the_boundary_and_heatmaps(make_window):
    w = make_window(Session({"dataset": "xor", "hidden": [], "seed": 0}))
    before = w.boundary_view.surface_rgb().copy()
    heat_before = w.frames.heatmap_builds
    w._on_edge_clicked(0, 0, 0)
    assert w.inspector.apply_edit("5")
    assert not np.array_equal(before, w.boundary_view.surface_rgb())
    assert w.frames.heatmap_builds > heat_before
