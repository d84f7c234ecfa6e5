"""One binding for every surface: the window, presenter mode, a side-by-side run and offscreen
pictures draw the same network, boundary and loss curves for the same session state."""

import dataclasses

import numpy as np
import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.app.side_by_side import CompareWindow
from nnviz.session import Session
from nnviz.session.narration import Caption
from nnviz.ui.binding import (BOUNDARY_RESOLUTION, Binding, boundary_surface, caption_html, data_kind,
                              loss_series)
from nnviz.ui.plots.boundary import grid_points
from nnviz.ui.render import Picture

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}
STEPS = 12
PHASES = 5          # forward 1, forward 2, forward 3, loss, backward 3: a lit layer with known gradients


def _drive(session):
    session.run(STEPS, metrics=True)
    for _ in range(PHASES):
        session.advance("phase")
    return session


def _assert_same_frame(a, b, skip=()):
    for f in dataclasses.fields(a):
        if f.name in skip:
            continue
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, list) and x and isinstance(x[0], np.ndarray | type(None)):
            assert len(x) == len(y), f.name
            for u, v in zip(x, y):
                assert (u is None and v is None) or np.array_equal(u, v, equal_nan=True), f.name
        elif isinstance(x, np.ndarray):
            assert np.array_equal(x, y, equal_nan=True), f.name
        else:
            assert x == y, f.name


def _curve(item):
    x, y = item.getOriginalDataset()
    return (np.asarray([] if x is None else x, dtype=float), np.asarray([] if y is None else y, dtype=float))


def _assert_same_curves(a, b):
    for (xa, ya), (xb, yb) in zip(a, b):
        assert np.array_equal(xa, xb) and np.array_equal(ya, yb, equal_nan=True)


@pytest.fixture
def window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = shown(MainWindow(Session(SMALL), settings=settings))
    w.train_steps(STEPS, metrics=True)
    for _ in range(PHASES):
        w.step("phase")
    return w


def test_window_presenter_side_by_side_and_pictures_draw_the_same(window, shown):
    s = window.session
    assert (s.phase.kind, s.phase.layer) == ("backward", 3)
    frame = window.network_view.current_frame()
    surface = window.boundary_view._grid
    curves = [_curve(window.curves_view.train_curve), _curve(window.curves_view.test_curve)]
    caption = window.phase_label.text()

    # the boundary is the model's output at the pixel centres of one grid
    extent = s.data_extent()
    expected = s.predict(grid_points(extent, BOUNDARY_RESOLUTION))[:, 0].reshape(BOUNDARY_RESOLUTION, -1)
    assert np.array_equal(surface, expected)
    assert np.array_equal(boundary_surface(s, extent), expected)

    # presenter mode draws through the same views and binding: nothing recomputed differently
    window.presenter.enter()
    try:
        window._refresh()
        _assert_same_frame(frame, window.network_view.current_frame())
        assert np.array_equal(window.boundary_view._grid, surface)
        _assert_same_curves(curves, [_curve(window.curves_view.train_curve), _curve(window.curves_view.test_curve)])
        assert window.phase_label.text() == caption
    finally:
        window.presenter.leave()

    # a run of the side-by-side window, driven to the same state
    twin, other = _drive(Session(SMALL)), _drive(Session(dict(SMALL, lr=0.1)))
    compare = shown(CompareWindow([twin, other], ["same", "other"]))
    compare.refresh()
    _assert_same_frame(frame, compare.columns[0].network_view.current_frame(), skip=("heatmaps",))
    _assert_same_curves(curves, [_curve(c) for c in compare.loss_view.curves[0]])

    # offscreen pictures of the same state
    pictured = Session(SMALL)
    with Picture(pictured, "network", size=(800, 450)) as net, \
            Picture(pictured, "boundary", size=(500, 400)) as data, \
            Picture(pictured, "loss", size=(700, 400)) as loss:
        net.train(STEPS)
        for _ in range(PHASES):
            net.step_phase()
        data.redraw()
        loss.redraw()
        _assert_same_frame(frame, net.widget.current_frame())
        assert np.array_equal(data.widget._grid, surface)
        _assert_same_curves(curves, [_curve(loss.widget.train_curve), _curve(loss.widget.test_curve)])
        assert caption_html(net.binding.caption()) == caption


def test_binding_draws_only_what_changed():
    s = Session(SMALL)
    binding = Binding()
    binding.set_session(s)
    assert data_kind(s) == "plane" and binding.extent == s.data_extent()
    assert binding.refresh() == {"network", "metrics", "output", "grads"}
    assert binding.refresh() == {"network"}
    s.advance("phase")
    assert binding.refresh(network=False) == set()              # forward: no metrics, weights or gradients new
    s.run(1)
    assert binding.refresh(network=False) == {"metrics", "output", "grads"}
    binding.forget("output")
    assert binding.refresh(network=False) == {"output"}
    ls = loss_series(s)
    assert list(ls.steps) == [0, 1] and ls.test is not None and len(ls.train) == 2     # step 0: before any update
    assert ls.train[0] == s.initial_scores()["train_loss"] and ls.train[1] == s.metrics.train_loss[0]


def test_caption_html_marks_bold_subscripts_and_the_note():
    html = caption_html(Caption("**Loss** = a_{1} < b", "see <this>"))
    assert html == "<b>Loss</b> = a<sub>1</sub> &lt; b <span style='color:#707070'>see &lt;this&gt;</span>"
