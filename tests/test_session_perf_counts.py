"""Work that must not grow with the steps taken, counted (not timed).

Reading a metrics series is a view of a preallocated column; appending is
amortised O(1) (the columns double); the rewind history touches each
snapshot once when it arrives and once when it leaves, and its byte count
matches the memory it really holds.
"""

import gc
import tracemalloc

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.history import History, take_snapshot
from nnviz.session.metrics import PER_LAYER, SCALARS, Metrics

CONFIG = {"dataset": "circle", "n_samples": 60, "hidden": [{"size": 5, "activation": "relu"},
                                                          {"size": 4, "activation": "tanh"}],
          "batch_size": 10, "seed": 5}


def _row(rng, n_layers):
    row = {name: float(rng.random()) for name in SCALARS}
    row.update({name: rng.random(n_layers) for name in PER_LAYER})
    return row


def _filled(n, n_layers=3, seed=0):
    rng = np.random.default_rng(seed)
    m = Metrics(n_layers)
    for _ in range(n):
        m.append(_row(rng, n_layers))
    return m


def _bytes_allocated_by_reads(m):
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.take_snapshot()
        for _ in range(5):
            for name in m.names():
                m[name]
                getattr(m, name)
            m.last("train_loss"), m.last("grad_norm"), m.best_step()
        after = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    return sum(stat.size_diff for stat in after.compare_to(before, "filename") if stat.size_diff > 0)


def test_reading_a_series_returns_a_read_only_view_whatever_the_length():
    for n in (100, 10_000):
        m = _filled(n)
        for name in m.names():
            series = m[name]
            assert len(series) == n and not series.flags.owndata and not series.flags.writeable, name
        assert m.grad_norm.shape == (n, 3)
        assert np.shares_memory(m.train_loss, m["train_loss"])       # both views of one column


def test_reading_allocates_as_little_after_10_000_steps_as_after_100():
    small, large = _bytes_allocated_by_reads(_filled(100)), _bytes_allocated_by_reads(_filled(10_000))
    assert large < 64 * 1024                      # view headers only: 10 000 rows of data would be ~1.5 MB
    assert large <= small + 4096


def test_appending_reallocates_only_when_the_capacity_doubles():
    m = _filled(10_000)
    assert m.capacity == 16_384 and m.grown == 4                  # 1024 -> 2048 -> 4096 -> 8192 -> 16384
    assert m.bytes_per_step == 8 * (len(SCALARS) + 1 + 3 * len(PER_LAYER))


def test_best_step_is_kept_up_to_date_through_appends_truncation_and_loading():
    rng = np.random.default_rng(1)
    m = Metrics(2)
    for k in range(300):
        row = _row(rng, 2)
        if k % 7 == 0:
            row["test_loss"] = float("nan")
        m.append(row)
        if k % 50 == 49:
            m.truncate(k - 20)
        test = m.test_loss
        expected = int(np.argmin(np.where(np.isfinite(test), test, np.inf)))
        assert m.best_step() == expected
    again = Metrics(2)
    again.load_state(m.state())
    assert again.best_step() == m.best_step()


def test_history_touches_each_snapshot_once_coming_and_once_going():
    s = Session({**CONFIG, "history_steps": 50})
    s.run(60)                                          # full: from now on every push evicts one
    start = s.history.work
    s.run(2000)
    assert len(s.history) == 50
    assert s.history.work - start == 2 * 2000         # one added and one evicted per step, no scan
    s.rewind("step")                                   # replays the last step: forgets one, adds it back
    before = s.history.work
    s.rewind("step")
    assert s.history.work - before <= 4


def test_history_drops_the_future_after_a_rewind_without_scanning_the_past():
    h = History(max_steps=10_000, max_bytes=2**40)
    s = Session(CONFIG)
    snaps = [take_snapshot(k, s.network, s.optimizer, s._batch_rng, s._order, s._pos, s.epoch) for k in range(3000)]
    for snap in snaps:
        h.push(snap)
    work = h.work
    h.drop_from(2990)
    assert len(h) == 2990 and h.work - work == 10
    h.push(snaps[2990])
    assert h.get(2990) is snaps[2990] and h.get(2991) is None


@pytest.mark.parametrize("extra", [{}, {"optimizer": "adam",
                                        "hidden": [{"size": 32, "activation": "relu", "batch_norm": True}] * 2}])
def test_history_counts_the_memory_it_really_holds(extra):
    s = Session({**CONFIG, **extra, "history_steps": 100_000})
    s.run(3)
    h = History(10**6, 2**40)
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k in range(300):
            s.run(1)
            h.push(take_snapshot(k, s.network, s.optimizer, s._batch_rng, s._order, s._pos, s.epoch))
        s.history.clear()
        s.metrics.truncate(0)
        gc.collect()
        real = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert 0.8 * real <= h.nbytes <= 1.25 * real


def test_history_evicts_oldest_within_its_byte_budget():
    s = Session(CONFIG)
    one = take_snapshot(0, s.network, s.optimizer, s._batch_rng, s._order, s._pos, s.epoch).nbytes
    h = History(max_steps=10_000, max_bytes=10.5 * one)
    for k in range(100):
        h.push(take_snapshot(k, s.network, s.optimizer, s._batch_rng, s._order, s._pos, s.epoch))
    assert len(h) == 10 and h.oldest == 90 and h.nbytes <= h.max_bytes


def test_a_frame_of_single_steps_is_scored_in_one_pass_per_batch():
    s = Session({**CONFIG, "n_samples": 200})
    evaluator = s._evaluator
    assert evaluator.batch >= 8
    for _ in range(3 * evaluator.batch):               # as the window plays: one step at a time
        s.run(1, metrics=False)
    before = evaluator.passes
    s.evaluate()
    assert evaluator.passes - before <= 1              # full batches were scored as they filled
    assert evaluator.passes == 3                       # three batches for three batches of steps
    assert np.isfinite(s.metrics.train_loss).all() and np.isfinite(s.metrics.test_acc).all()


def test_early_stopping_scores_every_step_before_it_decides():
    s = Session({**CONFIG, "early_stopping": True, "patience": 5})
    s.run(40)
    assert s._evaluator.passes == s.step                 # one pass per step: the decision needs it
