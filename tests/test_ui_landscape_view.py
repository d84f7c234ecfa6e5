"""LandscapeView and LandscapePanel: the colours are the session's losses, the paths its trajectories,
and surfaces are recomputed by the policy (counted, not timed)."""

import numpy as np
import pytest

from nnviz.session import LESSONS, Session
from nnviz.session.landscape import trajectory
from nnviz.session.landscape_paths import PlanePath, run_paths
from nnviz.ui.panels.landscape_panel import MIN_INTERVAL_S, LandscapePanel
from nnviz.ui.plots.landscape import (
    UPSAMPLE, LandscapeView, contour_levels, display_values, level_ticks, upsample,
)


@pytest.fixture
def view(qtbot):
    v = LandscapeView()
    qtbot.addWidget(v)
    v.resize(640, 480)
    v.show()
    qtbot.waitExposed(v)
    return v


def _runs(steps=60):
    lesson = LESSONS["momentum"]
    runs = [Session(lesson.config), Session({**lesson.config, **lesson.compare})]
    for s in runs:
        s.run(steps)
    return runs


def test_colours_are_the_log_loss_when_it_spans_decades(view):
    s = _runs()[0]
    land = s.loss_landscape(resolution=21)
    view.set_landscape(land)
    assert view.is_log()
    np.testing.assert_array_equal(view.displayed(), np.log10(land.loss))
    # the image holds the grid values exactly at the grid points, interpolated between them
    np.testing.assert_allclose(view.image.image[::UPSAMPLE, ::UPSAMPLE], np.log10(land.loss), rtol=1e-12)
    assert view.image.image.shape == (20 * UPSAMPLE + 1, 20 * UPSAMPLE + 1)
    # the colour bar reads in losses at the contour levels
    ticks = view.colorbar.axis._tickLevels[0]
    assert [v for v, _t in ticks] == list(view.levels())
    assert all(float(text) == pytest.approx(10 ** v, rel=1e-2) for v, text in ticks)
    assert "PCA" in view.plot_item.getAxis("bottom").labelText


def test_a_loss_in_a_narrow_range_is_coloured_linearly(view):
    s = Session({"dataset": "circle", "n_samples": 60, "seed": 1,
                 "hidden": [{"size": 3, "activation": "tanh"}]})
    s.run(5)
    land = s.loss_landscape("random", span=0.05, resolution=9)
    view.set_landscape(land)
    assert not view.is_log()
    np.testing.assert_array_equal(view.displayed(), land.loss)
    assert "filter-normalised" in view.plot_item.getAxis("left").labelText


def test_the_path_drawn_is_the_trajectory_and_ends_at_the_current_point(view):
    a, b = _runs()
    land = a.loss_landscape(resolution=11)
    view.set_landscape(land)
    x, y = view.path_data(0)
    np.testing.assert_array_equal(np.column_stack([x, y]), land.path)
    assert (x[-1], y[-1]) == (0.0, 0.0)
    ex, ey = view._path_items[0][2].getData()
    assert (ex[-1], ey[-1]) == (0.0, 0.0)                           # the current point is ringed
    paths = run_paths(land, [a, b], ["momentum", "plain SGD"])
    view.set_paths(paths)
    assert [label.text for _s, label in view.legend.items] == ["momentum", "plain SGD"]
    np.testing.assert_allclose(np.column_stack(view.path_data(1)), land.project(trajectory(b)[1]), atol=1e-12)


def test_paths_update_without_new_items_or_legend_rebuilds(view):
    s = _runs()[0]
    land = s.loss_landscape(resolution=5)
    view.set_landscape(land)
    items = list(view._path_items)
    for n in (3, 10, 40):
        view.set_paths([PlanePath("", land.path_steps[:n], land.path[:n])])
    assert view._path_items == items
    assert len(view.path_data(0)[0]) == 40


def test_overflowing_cells_are_blank_and_counted(view):
    s = _runs(5)[0]
    land = s.loss_landscape(resolution=5)
    land.loss[0, :2] = np.inf
    land.loss[1, 0] = np.nan
    view.set_landscape(land)
    assert np.isnan(view.displayed()[0, :2]).all() and np.isnan(view.displayed()[1, 0])
    assert "3 of 25" in view.note.toPlainText()


def test_helpers():
    values, log = display_values(np.array([[0.0, 1e-3], [1.0, 10.0]]))
    assert log and values[0, 0] == values[0, 1] == -3.0
    assert not display_values(np.array([[1.0, 50.0]]))[1]
    assert list(contour_levels(-1.5, 1.1, True)) == pytest.approx([np.log10(v) for v in (0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10)])
    assert list(contour_levels(0.0, 1.0, False)) == pytest.approx([0.1 * k for k in range(1, 10)])
    assert level_ticks(np.array([0.0, 1.0]), True) == [(0.0, "1"), (1.0, "10")]
    grid = np.arange(12.0).reshape(3, 4)
    fine = upsample(grid, 4)
    np.testing.assert_array_equal(fine[::4, ::4], grid)
    assert fine[2, 2] == pytest.approx(grid[0, 0] + 0.5 * (grid[1, 1] - grid[0, 0]))


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_panel_recomputes_by_its_policy(qtbot):
    clock = Clock()
    panel = LandscapePanel(clock=clock)
    qtbot.addWidget(panel)
    s = _runs(20)[0]
    panel.set_session(s)
    assert panel.computations == 1
    panel.refresh(playing=False)                  # nothing changed: no new surface
    assert panel.computations == 1
    for _ in range(3):                            # paused: the path follows each step at once,
        s.run(1)                                  # the surface once the steps stop coming
        panel.refresh(playing=False)
    assert panel.computations == 1 and len(panel.view.path_data(0)[0]) == len(panel.landscape().path) + 3
    qtbot.waitUntil(lambda: panel.computations == 2, timeout=3000)
    assert panel.landscape().path_steps[-1] == s.step
    for _ in range(5):                            # playing: paths grow live, no new surface yet
        s.run(1)
        clock.now += 0.1
        panel.refresh(playing=True)
    assert panel.computations == 2
    assert len(panel.view.path_data(0)[0]) == len(panel.landscape().path) + 5
    clock.now += MIN_INTERVAL_S
    s.run(1)
    panel.refresh(playing=True)
    assert panel.computations == 3
    panel.button.click()
    assert panel.computations == 4
    panel.directions.setCurrentIndex(1)           # random directions: computed at once
    assert panel.computations == 5 and panel.landscape().kind == "random"


def test_panel_shows_every_run_and_says_why_it_cannot_compute(qtbot):
    panel = LandscapePanel()
    qtbot.addWidget(panel)
    runs = _runs(20)
    panel.set_runs(runs, ["momentum", "plain"])
    assert len(panel.view.paths()) == 2
    bad = Session({**LESSONS["exploding-init"].config})
    bad.run(20)
    assert bad.diverged
    panel.set_runs([bad], ["exploding"])
    assert "diverged" in panel.status.text()
