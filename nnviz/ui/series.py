"""A session's history as the curve views take it: the loss and gradient series over the steps.

The loss curves start at step 0 (the loss before any update) when the
session knows it; the gradient plot shows the per-layer norms and, where a
lesson or a clip limit makes them the point, the global norm or the
update-to-weight ratio. :func:`history_key` tells the views when the steps
they have already reduced may have changed (:class:`~nnviz.ui.plots.peaks.PeakHistory`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class LossSeries:
    """The loss curves: steps (0..n, or 1..n without the step-0 loss), train loss, test loss (None without a
    test set), the best step (1-based)."""

    steps: np.ndarray
    train: np.ndarray
    test: np.ndarray | None
    best_step: int | None


def loss_series(session) -> LossSeries:
    """The curves start at step 0, the loss before any update, when the session knows it."""
    m = session.metrics
    best = session.best_step
    has_test = len(session.prep.test) > 0
    initial = session.initial_scores()
    if initial is None:
        return LossSeries(np.arange(1, len(m) + 1), np.asarray(m.train_loss),
                          np.asarray(m.test_loss) if has_test else None, None if best is None else best + 1)
    return LossSeries(np.arange(0, len(m) + 1), np.concatenate([[initial["train_loss"]], m.train_loss]),
                      np.concatenate([[initial["test_loss"]], m.test_loss]) if has_test else None,
                      None if best is None else best + 1)


def grad_norm_series(session) -> tuple[np.ndarray, np.ndarray]:
    """(steps 1..n, gradient norm per step and layer, shape (n, layers))."""
    m = session.metrics
    n = len(m)
    return np.arange(1, n + 1), (np.asarray(m.grad_norm) if n else np.zeros((0, session.n_layers)))


def history_key(session) -> tuple:
    """New whenever recorded steps may have changed (a rewind, a reset, a file opened): views that
    keep a reduction of the history start it again then."""
    return session.metrics.revision, session.initial_scores() is not None


def gradient_extras(session) -> dict:
    """What the gradient plot may show besides the per-layer norms: the global norm with the
    clip limit, the update-to-weight ratio per layer, and the one a lesson names ("suggested")."""
    m = session.metrics
    n = len(m)
    clip = float(session.config.get("clip_norm") or 0.0)
    lesson = getattr(session, "lesson", None)
    words = f"{lesson.text} {lesson.watch}".lower() if lesson is not None else ""
    if clip > 0:
        suggested = "global"
    elif "update-to-weight ratio" in words:
        suggested = "ratio"
    else:
        suggested = "layers"
    return {"global_norm": np.asarray(m.global_norm) if n else np.zeros(0), "clip": clip,
            "update_ratio": np.asarray(m.update_ratio) if n else np.zeros((0, session.n_layers)),
            "suggested": suggested}


def loss_from_zero(session) -> bool:
    """True when the session's lesson wants its loss axis to start at 0."""
    return bool(getattr(getattr(session, "lesson", None), "loss_from_zero", False))
