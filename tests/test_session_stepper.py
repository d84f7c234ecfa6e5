"""The phase-by-phase stepper: what each phase knows, and how steps and epochs advance."""

import numpy as np
import pytest

from nnviz.session import Session

SMALL = {"dataset": "circle", "n_samples": 40, "hidden": [{"size": 3, "activation": "tanh"},
                                                         {"size": 3, "activation": "relu"}],
         "batch_size": 8, "seed": 2}


def test_phases_follow_the_lecture_order():
    s = Session(SMALL)
    assert s.phase.kind == "ready" and s.trace is None
    seen = [s.advance("phase") for _ in range(8)]
    assert [(p.kind, p.layer) for p in seen] == [
        ("forward", 1), ("forward", 2), ("forward", 3), ("loss", None),
        ("backward", 3), ("backward", 2), ("backward", 1), ("update", None)]
    assert all(p.step == 0 for p in seen)
    nxt = s.advance("phase")
    assert (nxt.kind, nxt.layer, nxt.step) == ("forward", 1, 1)


def test_trace_reveals_only_what_the_phase_knows():
    s = Session(SMALL)
    s.advance("phase")
    s.advance("phase")                                   # forward(2)
    assert len(s.trace.layers) == 2 and s.trace.loss is None
    assert all(lt.grad_z is None for lt in s.trace.layers)
    assert s.grads == [None, None, None]
    for _ in range(3):
        s.advance("phase")                               # forward(3), loss, backward(3)
    assert s.phase.kind == "backward" and s.phase.layer == 3
    assert s.trace.loss is not None
    assert s.trace.layers[2].grad_z is not None and s.trace.layers[1].grad_z is None
    assert s.grads[2] is not None and s.grads[1] is None and s.grads[0] is None


def test_weights_change_only_at_the_update_phase():
    s = Session(SMALL)
    W0 = s.network.params[0]["W"].copy()
    for _ in range(7):
        s.advance("phase")
        np.testing.assert_array_equal(s.network.params[0]["W"], W0)
    assert s.step == 0
    s.advance("phase")
    assert s.phase.kind == "update" and s.step == 1
    assert not np.array_equal(s.network.params[0]["W"], W0)
    np.testing.assert_allclose(s.update_delta[0]["W"], s.network.params[0]["W"] - W0, atol=1e-15)


def test_stepping_by_phase_equals_stepping_by_step_and_run():
    a, b, c = Session(SMALL), Session(SMALL), Session(SMALL)
    for _ in range(3 * 8):
        a.advance("phase")
    for _ in range(3):
        b.advance("step")
    c.run(3)
    for other in (b, c):
        np.testing.assert_array_equal(a.network.flat, other.network.flat)
        np.testing.assert_array_equal(a.metrics.train_loss, other.metrics.train_loss)
    assert a.phase == b.phase == c.phase


def test_epoch_covers_the_training_set_once():
    s = Session(SMALL)                                   # 28 training samples, batches of 8
    s.advance("epoch")
    assert s.step == 4 and s.epoch == 0
    s.advance("epoch")
    assert s.step == 8 and s.epoch == 1


def test_mini_batches_cover_every_sample_each_epoch():
    s = Session(SMALL)
    seen = []
    for _ in range(4):
        s.advance("step")
        seen.extend(s.batch.tolist())
    assert sorted(seen) == list(range(len(s.prep.X_train)))


def test_full_batch_and_sgd():
    full = Session({**SMALL, "batch_size": 10_000})
    full.advance("step")
    assert len(full.batch) == len(full.prep.X_train)
    sgd = Session({**SMALL, "batch_size": 1})
    sgd.advance("step")
    assert len(sgd.batch) == 1


def test_batch_norm_never_gets_a_batch_of_one():
    hidden = [{"size": 3, "activation": "tanh", "batch_norm": True}]
    s = Session({**SMALL, "hidden": hidden, "n_samples": 30, "test_ratio": 0.3, "batch_size": 10})
    n = len(s.prep.X_train)                              # 21: batches 10, 11
    assert n == 21
    s.run(2)
    assert len(s.batch) == 11
    with pytest.raises(ValueError, match="config.batch_size: batch norm needs"):
        s.configure(batch_size=1)


def test_lesson_sessions_carry_their_lesson():
    s = Session.from_lesson("xor")
    assert s.lesson.id == "xor" and s.config["dataset"] == "xor"
    with pytest.raises(ValueError, match="unknown lesson 'nope'"):
        Session.from_lesson("nope")


def test_listeners_hear_every_change():
    s = Session(SMALL)
    events = []
    s.subscribe(events.append)
    s.advance("phase")
    s.rewind()
    s.configure(lr=0.5)
    s.configure(seed=5)
    assert events == ["phase", "phase", "config", "rebuild"]
    s.unsubscribe(events.append)
    s.advance("phase")
    assert len(events) == 4


def test_divergence_stops_cleanly_and_rewind_recovers():
    s = Session({**SMALL, "dataset": "housing", "hidden": [], "lr": 50.0, "standardize": False})
    done = s.run(500)
    assert s.diverged and done < 500
    assert "diverged" in s.message and f"step {s.step}" in s.message
    before = s.phase
    assert s.advance("step") == before                   # a diverged run does not move
    target = s.recovery_step                             # the newest sound step (recovery.py)
    s.rewind("step")
    assert not s.diverged and s.step == target < before.step
    assert np.isfinite(s.network.flat).all()


def test_early_stopping_stops_run():
    s = Session.from_lesson("early-stopping")
    s.configure(early_stopping=True, patience=50)
    done = s.run(5000)
    assert s.stopped_early and done < 5000
    assert s.step - 1 - s.best_step >= 50
    assert "Early stopping" in s.message
