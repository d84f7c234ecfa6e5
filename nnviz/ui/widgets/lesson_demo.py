"""Demo data for the standalone runners of the session-driven views: a lesson's session.

``python -m nnviz.ui.<view> --lesson ID`` shows the view on that lesson;
:func:`pop_lesson` takes the option out of the arguments before the common
runner parses the rest.
"""

from __future__ import annotations

from nnviz.session import Session


def demo_session(lesson: str = "xor", steps: int = 20, phase: str | None = "update", metrics: bool = True):
    """A session of ``lesson`` trained ``steps`` steps.

    ``phase``: None leaves it at the end of the last step; otherwise the next
    step is shown up to its first phase of that kind ("forward", "loss",
    "backward", "update").
    """
    s = Session.from_lesson(lesson)
    s.run(steps, metrics=metrics)
    if phase is not None:
        s.advance("phase")
        while s.phase.kind != phase:
            s.advance("phase")
    return s


def pop_lesson(argv: list[str], default: str) -> tuple[str, list[str]]:
    """(lesson id, the other arguments) from ``... --lesson ID ...``."""
    argv = list(argv)
    if "--lesson" in argv:
        k = argv.index("--lesson")
        if k + 1 >= len(argv):
            raise SystemExit("--lesson needs a lesson id")
        lesson = argv[k + 1]
        del argv[k:k + 2]
        return lesson, argv
    return default, argv
