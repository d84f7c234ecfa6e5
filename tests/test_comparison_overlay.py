"""The loss plot overlays the lesson's comparison run, trained step for step with the shown run."""

import numpy as np
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session
from nnviz.session.comparison import ComparisonRun, runs_its_lesson


def test_the_comparison_is_the_lesson_with_its_overrides_trained_as_far_as_asked():
    lesson = LESSONS["lr-too-small"]
    run = ComparisonRun(lesson)
    c = run.losses(12)
    alone = Session({**lesson.config, **lesson.compare})
    alone.run(12)
    assert list(c.steps) == list(range(13))
    np.testing.assert_array_equal(c.train[1:], alone.metrics.train_loss)
    np.testing.assert_array_equal(c.test[1:], alone.metrics.test_loss)
    assert c.train[0] == alone.initial_scores()["train_loss"]
    short = run.losses(5)                                    # the shown run stepped back: a prefix, no retraining
    assert run.session.step == 12 and list(short.steps) == list(range(6))
    np.testing.assert_array_equal(short.train, c.train[:6])


def test_a_diverging_comparison_stops_where_it_diverged():
    run = ComparisonRun(LESSONS["fix-clipping"])             # its comparison: no clipping, NaN within 5 steps
    c = run.losses(40)
    assert run.session.diverged and len(c.steps) <= 6


def test_only_the_lesson_as_set_up_is_compared():
    s = Session.from_lesson("lr-too-small")
    assert runs_its_lesson(s)
    s.configure(lr=0.1)                                      # switched to the comparison's settings
    assert not runs_its_lesson(s)
    assert not runs_its_lesson(Session.from_lesson("vanishing-sigmoid"))     # no comparison of its own
    assert not runs_its_lesson(Session(LESSONS["xor"].config))                # not opened as a lesson


def test_the_window_overlays_it_from_the_view_menu(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson("lr-too-small"), settings=settings)
    qtbot.addWidget(w)                                       # not shown: every view is drawn
    try:
        w.train_steps(20)
        assert w.curves_view.comparison_label() == ""        # off until asked for
        w.compare_loss_action.setChecked(True)
        assert w.curves_view.comparison_label() == "learning rate 0.1"
        x, y = w.curves_view.compare_train.getOriginalDataset()
        ref = Session({**LESSONS["lr-too-small"].config, "lr": 0.1})
        ref.run(20)
        assert list(x) == list(range(21))
        np.testing.assert_allclose(y[1:], ref.metrics.train_loss, rtol=0, atol=0)
        w.train_steps(5)                                     # it follows the shown run
        assert len(w.curves_view.compare_train.getOriginalDataset()[0]) == 26
        w.session.configure(lr=0.1)                          # no longer the lesson as set up: removed
        w.binding.refresh(network=False)
        assert w.curves_view.comparison_label() == ""
        w.compare_loss_action.setChecked(False)
    finally:
        w.play_timer.stop()
