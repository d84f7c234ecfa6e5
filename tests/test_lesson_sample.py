"""A lesson can pick the mini-batch row the network shows first: one whose numbers show the lesson's point."""

import numpy as np
import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session


def _mean_abs_deltas(s, row):
    return np.array([np.abs(layer.grad_z[row]).mean() for layer in s.trace.layers])


def test_exploding_init_shows_a_row_whose_deltas_grow_toward_the_input():
    lesson = LESSONS["exploding-init"]
    s = Session.from_lesson("exploding-init")
    while s.advance("phase").kind != "update":            # step 1, backward done
        pass
    assert 0 <= lesson.sample < len(s.batch)
    d = _mean_abs_deltas(s, lesson.sample)
    assert d[0] > 100 * d[-1] > 0                           # "about a hundredfold" and more, from output to input
    assert d[0] > d[2] > d[4] > d[6]                        # growing layer by layer on the way back
    assert not _mean_abs_deltas(s, 0).any()                 # why not row 1: its deltas are all zero


@pytest.mark.parametrize("lesson_id", list(LESSONS))
def test_every_lessons_row_exists_in_its_batches(lesson_id):
    lesson = LESSONS[lesson_id]
    s = Session(lesson.config)
    assert 0 <= lesson.sample < min(s.config["batch_size"], len(s.prep.train))


def test_the_window_opens_a_lesson_on_its_row(qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = MainWindow(Session.from_lesson("exploding-init"), settings=settings)
    qtbot.addWidget(w)
    try:
        assert w.frame_options.sample == 14 and w.controls.sample.value() == 15
        while w.session.phase.kind != "update":
            w.step("phase")
        k = w.frames.focus_index(w.session, w.frame_options)
        assert k == 14 and _mean_abs_deltas(w.session, k)[0] > 1.0
        w.load_lesson("xor")                               # another lesson: its own row
        assert w.frame_options.sample == 0 and w.controls.sample.value() == 1
    finally:
        w.play_timer.stop()
