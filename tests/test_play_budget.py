"""The play loop's training time per frame is steered by the measured frame period."""

from nnviz.app.playback import (FRAME_TARGET_S, LONGEST_PERIOD_S, MIN_TRAIN_S, TRAIN_BUDGET_S,
                                next_train_budget)


def test_a_late_frame_shortens_the_next_frames_training_and_an_early_one_lengthens_it():
    budget = 0.010
    assert next_train_budget(budget, FRAME_TARGET_S + 0.005) < budget
    assert next_train_budget(budget, FRAME_TARGET_S - 0.005) > budget
    assert next_train_budget(budget, FRAME_TARGET_S) == budget


def test_the_budget_stays_between_its_bounds_and_a_held_up_frame_counts_as_the_longest_period():
    assert next_train_budget(MIN_TRAIN_S, 10.0) == MIN_TRAIN_S
    assert next_train_budget(TRAIN_BUDGET_S, 0.0) == TRAIN_BUDGET_S
    assert next_train_budget(0.02, 10.0) == next_train_budget(0.02, LONGEST_PERIOD_S)


def test_steering_settles_on_the_frame_target_when_the_redraw_costs_a_fixed_time():
    """A frame of redraw r plus training b, scoring 40 % of b: the period converges to the target."""
    redraw, budget = 0.018, MIN_TRAIN_S
    for _ in range(60):
        period = redraw + 1.4 * budget
        budget = next_train_budget(budget, period)
    assert abs(redraw + 1.4 * budget - FRAME_TARGET_S) < 1e-4


def test_a_new_speed_starts_the_steering_afresh(qtbot, tmp_path):
    from PySide6 import QtCore

    from nnviz.app.main_window import MainWindow
    from nnviz.app.playback import START_TRAIN_S
    from nnviz.session import Session
    settings = QtCore.QSettings(str(tmp_path / "s.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson("xor"), settings=settings)
    qtbot.addWidget(w)
    w._train_budget, w._tick_started = TRAIN_BUDGET_S, 1.0        # as after frames at a slow speed
    w.controls.speed.setValue(w.controls.speed.maximum())
    assert w._train_budget == START_TRAIN_S and w._tick_started is None
