"""The runs the side-by-side window can compare: a lesson and its comparison, the remedies, an optimizer race.

Each preset is ``(labels, base config, overrides)``, the labels in the
window's language (:func:`nnviz.session.language.shown`); :func:`build_sessions`
makes one session per override on ``{**base, **override}`` -- the same data
and seed unless overridden.  Plain data, no Qt: the lesson panel asks
:func:`has_side_by_side` to enable its button, the window opens the runs.
"""

from __future__ import annotations

import copy

from nnviz.session import LESSONS, Session, validate_config
from nnviz.session.language import QT_TRANSLATE_NOOP, shown

MAX_RUNS = 4

# The deep sigmoid net and the lessons that repair it, all on the same data and seed.
REMEDIED_LESSON = "vanishing-sigmoid"
REMEDY_LESSONS = ("fix-relu-he", "fix-batchnorm", "fix-residual")
REMEDY_NAMES = {REMEDIED_LESSON: QT_TRANSLATE_NOOP("CompareRuns", "sigmoid (vanishing)"),
                "fix-relu-he": QT_TRANSLATE_NOOP("CompareRuns", "ReLU + He"),
                "fix-batchnorm": QT_TRANSLATE_NOOP("CompareRuns", "batch norm"),
                "fix-residual": QT_TRANSLATE_NOOP("CompareRuns", "residual")}
YOURS = QT_TRANSLATE_NOOP("CompareRuns", "your experiment")
YOURS_WITH = QT_TRANSLATE_NOOP("CompareRuns", "your experiment, {label}")
_RACE_BASE = {"dataset": "circle", "n_samples": 300, "noise": 0.1, "test_ratio": 0.3, "seed": 0,
              "batch_size": 16, "hidden": [{"size": 12, "activation": "tanh"}, {"size": 12, "activation": "tanh"}]}
# Rates that each optimizer handles well on this net: momentum and the adaptive
# methods pull ahead of plain SGD within ~100 steps.
RACE = (
    ("SGD, lr 0.1", {"optimizer": "sgd", "lr": 0.1, "optimizer_options": {}}),
    ("SGD + momentum 0.9, lr 0.1", {"optimizer": "sgd", "lr": 0.1, "optimizer_options": {"momentum": 0.9}}),
    ("RMSprop, lr 0.01", {"optimizer": "rmsprop", "lr": 0.01, "optimizer_options": {}}),
    ("Adam, lr 0.02", {"optimizer": "adam", "lr": 0.02, "optimizer_options": {}}),
)



def build_sessions(base: dict, overrides: list[dict]) -> list[Session]:
    """One session per override, each on ``{**base, **override}`` (same data and seed unless overridden)."""
    if not 2 <= len(overrides) <= MAX_RUNS:
        raise ValueError(f"compare: 2 to {MAX_RUNS} runs, got {len(overrides)}")
    return [Session({**copy.deepcopy(base), **copy.deepcopy(o)}) for o in overrides]


def has_side_by_side(lesson_id: str | None) -> bool:
    """True when :func:`lesson_runs` has runs for the lesson."""
    lesson = LESSONS.get(lesson_id)
    return lesson is not None and (bool(lesson.compare) or lesson.id == REMEDIED_LESSON)


def lesson_runs(lesson_id: str) -> tuple[list[str], dict, list[dict]]:
    """(labels, base config, overrides) of a lesson and its "compare with" run.

    A lesson without a comparison of its own but repaired by the remedy
    lessons (the deep sigmoid net) gets :func:`remedy_runs`.
    """
    lesson = LESSONS[lesson_id]
    if not lesson.compare:
        if lesson_id == REMEDIED_LESSON:
            return remedy_runs()
        raise ValueError(f"lesson {lesson_id!r} has no comparison run")
    return [shown("Lesson", lesson.title), shown("Lesson", lesson.compare_label)], dict(lesson.config), \
        [{}, dict(lesson.compare)]


# Fields that set up the classroom, not the experiment: changing them keeps a lesson a lesson.
_NOT_THE_EXPERIMENT = ("classroom",)


def lesson_departures(lesson, config: dict) -> list[str]:
    """The config fields in which an experiment is no longer ``lesson``'s own (its comparison's fields
    allowed: the lesson panel switches those); [] while the lesson's text still describes it."""
    want = validate_config(lesson.config)
    skip = set(_NOT_THE_EXPERIMENT) | set(lesson.compare)
    return sorted(k for k in want if k not in skip and config.get(k) != want[k])


def experiment_runs(config: dict, lesson) -> tuple[list[str], dict, list[dict]]:
    """(labels, base config, overrides): the person's own experiment against the same experiment
    with ``lesson``'s comparison settings applied (e.g. "learning rate 0.1")."""
    if not lesson.compare:
        raise ValueError(f"lesson {lesson.id!r} has no comparison run")
    label = shown("Lesson", lesson.compare_label)
    labels = [shown("CompareRuns", YOURS), shown("CompareRuns", YOURS_WITH).format(label=label)]
    return labels, copy.deepcopy(config), [{}, dict(lesson.compare)]


def remedy_runs() -> tuple[list[str], dict, list[dict]]:
    """The deep sigmoid net against ReLU + He, batch norm and residual connections."""
    base = dict(LESSONS[REMEDIED_LESSON].config)
    labels = [shown("CompareRuns", REMEDY_NAMES[REMEDIED_LESSON])]
    overrides: list[dict] = [{}]
    names = {lid: shown("CompareRuns", REMEDY_NAMES[lid]) for lid in REMEDY_LESSONS}
    for lid in REMEDY_LESSONS:
        cfg = LESSONS[lid].config
        overrides.append({k: v for k, v in cfg.items() if base.get(k) != v})
        labels.append(names[lid])
    return labels, base, overrides


def optimizer_race() -> tuple[list[str], dict, list[dict]]:
    """SGD vs SGD + momentum vs RMSprop vs Adam on one net, same data and seed."""
    return [label for label, _ in RACE], dict(_RACE_BASE), [dict(o) for _, o in RACE]
