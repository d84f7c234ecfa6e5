"""The lesson catalogue: ids, complete entries, and from_lesson running a lesson's config.

What each lesson claims is checked in test_lessons_claims.py, at its
suggested steps and 10 % either side.
"""

import json
import re

import numpy as np
import pytest

from nnviz.session import LESSONS, Session, validate_config

IDS = ("xor", "linear-collapse", "step-activation", "lr-too-small", "lr-too-large", "vanishing-sigmoid",
       "exploding-init", "fix-relu-he", "fix-batchnorm", "fix-residual", "fix-clipping", "dropout-overfitting",
       "l2-overfitting", "early-stopping", "softmax-3-class", "housing-regression", "digits-features")

_RUNS = {}


def _run(config, steps):
    key = (json.dumps(validate_config(config), sort_keys=True, default=str), steps)
    if key not in _RUNS:
        s = Session(config)
        s.run(steps)
        _RUNS[key] = s
    return _RUNS[key]


def lesson_run(lesson_id):
    """The lesson's own session after its steps (same as from_lesson(id).run(steps))."""
    lesson = LESSONS[lesson_id]
    return _run(lesson.config, lesson.steps)


# ---------------------------------------------------------------- the catalogue
def test_lesson_ids_are_the_public_contract():
    assert tuple(LESSONS)[:len(IDS)] == IDS                     # more lessons may follow them


@pytest.mark.parametrize("lesson_id", IDS)
def test_lessons_are_complete(lesson_id):
    lesson = LESSONS[lesson_id]
    assert lesson.id == lesson_id and lesson.title and lesson.watch and lesson.steps > 0
    assert 2 <= len(re.findall(r"[.!?](\s|$)", lesson.text)) <= 4
    assert bool(lesson.compare) == bool(lesson.compare_label)
    validate_config({**lesson.config, **lesson.compare})


def test_from_lesson_runs_the_lessons_config():
    s = Session.from_lesson("housing-regression")
    s.run(LESSONS["housing-regression"].steps)
    ref = lesson_run("housing-regression")
    assert np.array_equal(s.network.flat, ref.network.flat)
