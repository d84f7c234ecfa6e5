"""After a divergence, rewind lands on the newest sound step, says which, and training can go on from it."""

import math

import numpy as np
import pytest

from nnviz.session import LESSONS, Session
from nnviz.session.recovery import BLOWUP_FACTOR, starting_loss

LATE = [   # (config trained 100 steps at its own rate, then the rate a student cranks up to)
    ({"dataset": "moons", "loss": "mse", "output_activation": "linear", "lr": 0.05,
      "hidden": [{"size": 8, "activation": "relu"}]}, 100.0),
    ({"dataset": "housing", "optimizer": "sgd", "optimizer_options": {"momentum": 0.9}, "lr": 0.01,
      "hidden": [{"size": 6, "activation": "relu", "batch_norm": True}]}, 10.0),
    ({"dataset": "housing", "lr": 0.01, "hidden": [{"size": 8, "activation": "elu"}]}, 100.0),
]


def _diverge(config, steps_first, lr):
    s = Session(config)
    s.run(steps_first)
    if lr is not None:
        s.configure(lr=lr)
    s.run(3000)
    assert s.diverged
    return s


CASES = [(config, 100, lr) for config, lr in LATE] + [(LESSONS["exploding-init"].config, 0, None)]


@pytest.mark.parametrize("config, steps_first, lr", CASES, ids=["moons-mse", "housing-bn", "housing-elu", "exploding"])
def test_rewind_after_divergence_lands_on_a_state_that_trains_on(config, steps_first, lr):
    s = _diverge(config, steps_first, lr)
    diverged_at = s.step
    target = s.recovery_step
    assert target is not None and target <= steps_first + 1 < diverged_at
    start = starting_loss(s.metrics)
    s.rewind()
    assert not s.diverged and s.step == target and s.phase.kind == "ready"
    assert f"Rewound to step {target}," in s.message
    assert np.isfinite(s.network.flat).all() and np.abs(s.network.flat).max() < 1e6
    if target:
        assert s.metrics.train_loss[-1] <= BLOWUP_FACTOR * start
    s.configure(lr=1e-6)
    s.run(50)
    assert not s.diverged and np.isfinite(s.network.flat).all()
    assert math.isfinite(s.metrics.train_loss[-1]) and s.health()


def test_the_old_one_step_back_state_was_broken():
    # What "back one step" used to show: the boundary right before the fatal update.
    s = _diverge(*CASES[0])
    snap = s.history.get(s.step - 1)
    assert not np.isfinite(snap.flat).all() or np.abs(snap.flat).max() > 1e10
    assert s.recovery_step < s.step - 1


def test_recovery_is_none_before_a_divergence_and_rewind_is_unchanged():
    s = Session(LATE[0][0])
    s.run(5)
    assert s.recovery_step is None
    s.rewind("step")
    assert s.step == 4 and s.phase.kind == "update"


def test_without_a_sound_kept_step_the_session_says_so_and_stays():
    config = {**LATE[2][0], "history_steps": 2}
    s = _diverge(config, 100, 100.0)
    assert s.recovery_step is None
    step = s.step
    s.rewind()
    assert s.diverged and s.step == step and "No kept step" in s.message
