"""Side by side: the "Loss landscape" tab draws every run's path on one surface, in the runs' colours."""

import pytest

from nnviz.app.side_by_side import CompareWindow
from nnviz.session.landscape import trajectory
from nnviz.ui.compare_runs import build_sessions, lesson_runs, remedy_runs
from nnviz.ui.plots.runs_loss import RUN_COLORS


def _window(qtbot, preset):
    labels, base, overrides = preset
    w = CompareWindow(build_sessions(base, overrides), labels)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_every_run_on_one_surface_once_the_tab_is_shown(qtbot):
    w = _window(qtbot, lesson_runs("momentum"))
    w.run(30)
    assert w.landscape.computations == 0                  # the tab is behind: nothing computed
    w.lower.setCurrentWidget(w.landscape)
    view = w.landscape.view
    assert w.landscape.computations == 1
    assert [p.label for p in view.paths()] == w.labels
    assert view.path_colors() == list(RUN_COLORS["light"][:2])
    land = view.landscape()
    assert land.path_steps[-1] == 30
    for i, s in enumerate(w.sessions):
        assert len(view.path_data(i)[0]) == len(trajectory(s)[0])
    w.step("step")                                        # paused: the path at once, the surface soon after
    assert len(view.path_data(0)[0]) == len(trajectory(w.sessions[0])[0])
    qtbot.waitUntil(lambda: w.landscape.computations == 2, timeout=3000)
    assert view.landscape().path_steps[-1] == 31
    w.set_theme("dark")
    assert view.path_colors() == list(RUN_COLORS["dark"][:2])
    w.reset()
    assert view.landscape().path_steps[-1] == 0


def test_runs_of_different_shapes_say_why_there_is_no_common_surface(qtbot):
    w = _window(qtbot, remedy_runs())                     # batch norm has no biases but gammas and betas
    w.run(2)
    w.lower.setCurrentWidget(w.landscape)
    assert w.landscape.landscape() is None
    assert "different numbers of parameters" in w.landscape.status.text()
