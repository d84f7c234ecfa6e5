"""Rewind is exact: any sequence of advances and rewinds ends where a straight run would."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.session import Session

CONFIG = {"dataset": "spiral", "n_samples": 30, "test_ratio": 0.2, "batch_size": 7, "seed": 4,
          "hidden": [{"size": 4, "activation": "relu", "dropout": 0.3},
                     {"size": 4, "activation": "tanh", "batch_norm": True}],
          "optimizer": "adam", "lr": 0.05, "clip_norm": 2.0, "schedule": "exponential"}


def _position(s):
    """(steps completed, phase index) — where a session stands."""
    return s.step, s.phase.index


def _straight(step, index):
    """A fresh session advanced phase by phase to the given position."""
    s = Session(CONFIG)
    per_step = 2 * s.n_layers + 2
    target = (step - 1) * per_step + index + 1 if index == per_step - 1 else step * per_step + index + 1
    for _ in range(max(target, 0)):
        s.advance("phase")
    return s


def _assert_same(a, b):
    assert a.phase == b.phase
    np.testing.assert_array_equal(a.network.flat, b.network.flat)
    for x, y in zip(a.network.buffers, b.network.buffers):
        for k in x:
            np.testing.assert_array_equal(x[k], y[k])
    for name in ("train_loss", "test_loss", "grad_norm", "update_ratio"):
        np.testing.assert_array_equal(a.metrics[name], b.metrics[name])
    if a.trace is not None:
        for la, lb in zip(a.trace.layers, b.trace.layers):
            np.testing.assert_array_equal(la.a, lb.a)
            if la.dropout_mask is not None:
                np.testing.assert_array_equal(la.dropout_mask, lb.dropout_mask)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["phase", "phase", "phase", "step", "epoch", "back", "back", "back_step"]),
                min_size=1, max_size=25))
def test_random_advance_and_rewind_matches_a_straight_run(moves):
    s = Session(CONFIG)
    for move in moves:
        if move == "back":
            s.rewind("phase")
        elif move == "back_step":
            s.rewind("step")
        else:
            s.advance(move)
    step, index = _position(s)
    if index == -1:
        assert step == 0 and s.trace is None
        return
    # Continue both a little further: the future must be identical too.
    straight = _straight(step, index)
    _assert_same(s, straight)
    for _ in range(5):
        s.advance("phase")
        straight.advance("phase")
    _assert_same(s, straight)


def test_rewind_one_phase_from_update_restores_the_weights():
    s = Session(CONFIG)
    s.advance("step")
    before = s.record.before_flat.copy()
    back = s.rewind()
    assert back.kind == "backward" and back.layer == 1 and s.step == 0
    np.testing.assert_array_equal(s.network.flat, before)
    assert len(s.metrics) == 0


def test_rewind_past_the_first_step_reaches_ready():
    s = Session(CONFIG)
    s.advance("phase")
    assert s.rewind().kind == "ready"
    assert s.rewind().kind == "ready"


def test_history_limit_is_respected_and_reported():
    s = Session({**CONFIG, "history_steps": 3})
    s.run(10)
    assert len(s.history) == 3
    for _ in range(2):
        s.rewind("step")
    assert s.step == 8
    s.rewind("step")
    s.rewind("step")
    assert "history limit" in s.message
    assert s.step == 7 and s.phase.kind == "ready"


def test_memory_cap_bounds_the_history():
    s = Session({**CONFIG, "history_mb": 0.005})
    s.run(30)
    assert s.history.nbytes <= 0.005 * 2**20
    assert 1 <= len(s.history) < 30
