"""A lesson's comparison run, trained alongside the shown run so the loss plot can overlay it.

The loss curves can draw the other side of a lesson under the shown run's curves: the learning rate
of 0.1 beside lr-too-small's 0.0005, the deep net without residual connections beside fix-residual.
The comparison is a second session on the lesson's config with its comparison overrides (same data
and seed), trained only as far as the shown run has gone and only when the overlay is asked for, so
it costs nothing while the overlay is off and at most the shown run's own training while it is on.
"""

from dataclasses import dataclass

import numpy as np

from .config import validate_config
from .session import Session

_NOT_THE_EXPERIMENT = ("classroom",)    # a locked classroom setup is still the lesson's experiment
_SETUPS: dict = {}                      # lesson id -> its validated config (asked at every redraw)


@dataclass(frozen=True)
class ComparisonLosses:
    """The comparison's loss curves: steps (from 0 when its step-0 loss is known), train, test (None
    without a test set) -- the same layout as the shown run's."""

    steps: np.ndarray
    train: np.ndarray
    test: np.ndarray | None


def runs_its_lesson(session) -> bool:
    """True while ``session`` is its lesson as the lesson sets it up: not switched to the comparison's
    settings, not edited (then the overlay would compare something the lesson does not describe)."""
    lesson = getattr(session, "lesson", None)
    if lesson is None or not lesson.compare:
        return False
    want = _SETUPS.get(lesson.id)
    if want is None:
        want = _SETUPS[lesson.id] = validate_config(lesson.config)
    return all(session.config.get(k) == v for k, v in want.items() if k not in _NOT_THE_EXPERIMENT)


class ComparisonRun:
    """The comparison session of ``lesson`` and its losses up to a step."""

    def __init__(self, lesson):
        self.lesson = lesson
        self.session = Session({**lesson.config, **lesson.compare})

    def losses(self, steps: int) -> ComparisonLosses:
        """The first ``steps`` steps of the comparison (fewer if it diverged), training it on first."""
        s = self.session
        if s.step < steps and not s.diverged:
            s.run(steps - s.step)
        m = s.metrics
        n = min(steps, len(m))
        train, test = np.asarray(m.train_loss[:n]), np.asarray(m.test_loss[:n])
        has_test = len(s.prep.test) > 0
        initial = s.initial_scores()
        if initial is None:
            return ComparisonLosses(np.arange(1, n + 1), train, test if has_test else None)
        return ComparisonLosses(np.arange(0, n + 1), np.r_[initial["train_loss"], train],
                                np.r_[initial["test_loss"], test] if has_test else None)
