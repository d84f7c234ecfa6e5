"""The loss before any update (step 0): where the loss curves start."""

import numpy as np
import pytest

from nnviz.session import LESSONS, Session
from nnviz.ui.series import loss_series

SMALL = {"dataset": "circle", "n_samples": 80, "noise": 0.1, "seed": 3, "batch_size": 8, "lr": 0.3,
         "hidden": [{"size": 5, "activation": "tanh"}]}


def _scores_now(s):
    """Loss and accuracy of the network as it is, on both sets, in evaluation mode (computed here, apart)."""
    net, prep = s.network, s.prep
    out = {}
    for split, X, y, labels in (("train", prep.X_train, prep.y_train, prep.train.y),
                                ("test", prep.X_test, prep.y_test, prep.test.y)):
        trace = net.forward(X, training=False)
        out[f"{split}_loss"] = float(net.loss_terms(trace, y)[0])
        out[f"{split}_acc"] = float(np.mean((trace.output[:, 0] > 0.5) == labels))
    return out


def test_step_zero_is_the_untrained_networks_loss_and_accuracy():
    s = Session(SMALL)
    want = _scores_now(s)
    assert s.initial_scores() is None                        # nothing trained: no curve yet
    s.run(30)
    counted = s._evaluator.passes
    assert counted == -(-30 // s._evaluator.batch)           # training scores no extra step-0 pass
    got = s.initial_scores()
    assert s._evaluator.passes == counted + 1                # scored once, when asked ...
    assert s.initial_scores() == got and s._evaluator.passes == counted + 1    # ... and kept
    for name, value in want.items():
        assert got[name] == pytest.approx(value, rel=1e-12, abs=1e-15), name
    ls = loss_series(s)
    assert ls.steps[0] == 0 and ls.steps[-1] == 30 and len(ls.train) == 31
    assert ls.train[0] == got["train_loss"] and ls.test[0] == got["test_loss"]


def test_step_zero_survives_a_short_history_and_follows_rewind_and_rebuild():
    s = Session({**SMALL, "history_steps": 10})
    want = _scores_now(s)
    s.run(50)                                                # the step-0 snapshot left the history long ago
    assert s.history.oldest > 0
    assert s.initial_scores()["train_loss"] == pytest.approx(want["train_loss"], rel=1e-12)
    s.configure(seed=4)                                      # a rebuild: a new run, not trained yet
    assert s.initial_scores() is None
    fresh = _scores_now(s)
    s.run(2)
    assert s.initial_scores()["train_loss"] == pytest.approx(fresh["train_loss"], rel=1e-12)
    while s.step > 0:                                        # back to step 0, a typed weight, train again
        s.rewind("step")
    s.set_param(1, "W", (0, 0), 2.5)
    edited = _scores_now(s)
    assert edited["train_loss"] != fresh["train_loss"]
    s.run(2)
    assert s.initial_scores()["train_loss"] == pytest.approx(edited["train_loss"], rel=1e-12)


def test_fix_residual_curve_never_rises_above_its_start():
    lesson = LESSONS["fix-residual"]
    s = Session(lesson.config)
    s.run(300)                                               # the steps where the large rate used to spike
    ls = loss_series(s)
    assert ls.steps[0] == 0 and np.argmax(ls.train) == 0     # the curve's highest point is its start
    fast = Session({**lesson.config, "lr": 1.5})
    fast.run(1)
    ls = loss_series(fast)                                   # the overshoot the text names, drawn from its start
    assert ls.train[1] > 5 * ls.train[0]
