"""Per-step metrics computed from the engine's numbers, checked against direct computations."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.evaluation import accuracy, unit_shares
from nnviz.session.metrics import Metrics

CONFIG = {"dataset": "circle", "n_samples": 60, "hidden": [{"size": 5, "activation": "relu"},
                                                          {"size": 4, "activation": "sigmoid"}],
          "batch_size": 10, "seed": 5, "init": "he_normal"}


def test_losses_and_accuracies_are_whole_set_evaluations():
    s = Session(CONFIG)
    s.run(3)
    net, prep = s.network, s.prep
    out = net.predict(prep.X_train)
    p = np.clip(out[:, 0], 1e-300, 1 - 1e-16)
    y = prep.train.y
    expected = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert s.metrics.train_loss[-1] == pytest.approx(expected, rel=1e-9)
    assert s.metrics.train_acc[-1] == np.mean((out[:, 0] > 0.5) == y)
    assert s.metrics.batch_loss[-1] == s.record.trace.loss


def test_per_layer_gradient_stats():
    s = Session(CONFIG)
    s.advance("step")
    g, rec = s.record.grads, s.record
    for i in range(3):
        assert s.metrics.grad_norm[-1, i] == pytest.approx(np.linalg.norm(g[i]["W"]))
        assert s.metrics.grad_rms[-1, i] == pytest.approx(np.linalg.norm(g[i]["W"]) / np.sqrt(g[i]["W"].size))
        assert s.metrics.mean_abs_delta[-1, i] == pytest.approx(np.mean(np.abs(rec.trace.layers[i].grad_z)))
        W_before = rec.before_flat[s.network.flat_slice(i, "W")]
        dW = s.update_delta[i]["W"].ravel()
        assert s.metrics.update_ratio[-1, i] == pytest.approx(np.linalg.norm(dW) / np.linalg.norm(W_before))
    assert s.metrics.grad_norm.shape == (1, 3)


def test_dead_and_saturated_shares():
    s = Session(CONFIG)
    net = s.network
    net.params[0]["b"][:2] = -1e3                       # two of five ReLUs can never fire
    net.params[1]["W"][:, :1] *= 1e4                    # one of four sigmoids saturates
    trace = net.forward(s.prep.X_train, training=False)
    dead, sat = unit_shares(net, trace, 0.99)
    assert dead[0] == pytest.approx(2 / 5) and dead[1] == 0.0
    assert sat[1] >= 0.25 and sat[0] == 0.0


def test_accuracy_rules():
    assert accuracy("binary", np.array([[0.2], [0.7]]), np.array([0, 0])) == 0.5
    assert accuracy("multiclass", np.array([[0.1, 0.9], [0.8, 0.2]]), np.array([1, 0])) == 1.0
    assert np.isnan(accuracy("regression", np.zeros((2, 1)), np.zeros(2)))
    assert np.isnan(accuracy("binary", np.zeros((0, 1)), np.zeros(0)))


def test_no_test_set_and_every_step_recorded_whatever_run_is_asked():
    s = Session({**CONFIG, "test_ratio": 0.0})
    s.run(3)
    assert np.isnan(s.metrics.test_loss).all() and s.best_step is not None
    s.run(2, metrics=False)
    s.run(3, metrics="last")
    for _ in range(2):                                   # as the window plays: one step, then evaluate
        s.run(1, metrics=False)
        s.evaluate()
    assert len(s.metrics) == 10
    for name in ("train_loss", "train_acc", "grad_norm", "dead_share", "saturated_share"):
        assert np.isfinite(s.metrics[name]).all(), name
    full = Session({**CONFIG, "test_ratio": 0.0})
    full.run(10)
    np.testing.assert_array_equal(s.metrics.train_loss, full.metrics.train_loss)


def test_every_step_has_whole_set_metrics_after_any_run():
    s = Session(CONFIG)
    s.run(25, metrics="last")
    s.run(25, metrics=False)
    for name in ("train_loss", "test_loss", "train_acc", "test_acc"):
        series = s.metrics[name]
        assert len(series) == 50 and np.isfinite(series).all(), name


def test_train_and_test_evaluated_together_match_separate_evaluations():
    """The stacked evaluation gives each set's loss and accuracy as evaluating it alone does."""
    for extra in ({}, {"dataset": "spiral3", "hidden": [{"size": 6, "activation": "relu", "batch_norm": True}]},
                  {"dataset": "spiral3", "loss": "mse"}, {"dataset": "housing"}):
        s = Session({**CONFIG, **extra})
        s.run(4)
        net, prep = s.network, s.prep
        for split, X, y, ds in (("train", prep.X_train, prep.y_train, prep.train),
                                ("test", prep.X_test, prep.y_test, prep.test)):
            trace = net.forward(X, training=False)
            loss, _, _ = net.loss_terms(trace, y)
            assert s.metrics[f"{split}_loss"][-1] == pytest.approx(loss, rel=1e-12), (extra, split)
            expected_acc = accuracy(prep.task, trace.output, ds.y)
            if prep.task == "regression":
                assert np.isnan(s.metrics[f"{split}_acc"][-1])
            else:
                assert s.metrics[f"{split}_acc"][-1] == expected_acc, (extra, split)


def _early_stopping_best(chunk, window_style=False):
    s = Session.from_lesson("early-stopping")
    total = s.lesson.steps
    while s.step < total:
        n = min(chunk, total - s.step)
        if window_style:
            for _ in range(n):
                s.run(1, metrics=False)
            s.evaluate()
        else:
            s.run(n, metrics="last")
    return s.best_step, s.metrics.test_loss.copy()


def test_early_stopping_best_step_does_not_depend_on_play_speed():
    best, curve = _early_stopping_best(500)
    assert 0 < best < 300                                 # the lesson's minimum comes early
    for chunk, window_style in ((1, False), (7, False), (7, True), (60, True)):
        other, other_curve = _early_stopping_best(chunk, window_style)
        assert other == best, (chunk, window_style)
        np.testing.assert_array_equal(other_curve, curve)


def test_early_stopping_halts_at_the_same_step_at_every_speed():
    stops = set()
    for chunk in (1, 7, 500):
        s = Session({**Session.from_lesson("early-stopping").config, "early_stopping": True, "patience": 50})
        while not s.stopped_early and s.step < 600:
            s.run(chunk, metrics="last")
        stops.add((s.step, s.best_step, s.message))
    assert len(stops) == 1


def test_metrics_round_trip_through_their_stored_form_and_accept_plain_lists():
    s = Session(CONFIG)
    s.run(30)
    stored = s.metrics.state()
    again = Metrics(s.n_layers)
    again.load_state(stored)
    for name in s.metrics.names():
        np.testing.assert_array_equal(again[name], s.metrics[name])
    assert again.best_step() == s.metrics.best_step()
    old_style = {name: s.metrics[name].tolist() for name in s.metrics.names() if name != "steps"}
    old_style.pop("lr")                                   # a series an older file lacks reads as NaN
    older = Metrics(s.n_layers)
    older.load_state(old_style)
    np.testing.assert_array_equal(older.grad_norm, s.metrics.grad_norm)
    assert len(older) == 30 and np.isnan(older.lr).all()


def test_stored_metrics_of_different_lengths_or_widths_are_refused_by_name():
    m = Metrics(2)
    with pytest.raises(ValueError, match="state.metrics: the series have different numbers of steps"):
        m.load_state({"train_loss": [1.0, 2.0], "test_loss": [1.0]})
    with pytest.raises(ValueError, match="state.metrics.grad_norm: expected one number per layer"):
        m.load_state({"grad_norm": [[1.0, 2.0, 3.0]]})
    with pytest.raises(ValueError, match="state.metrics.train_loss: must be a list of numbers"):
        m.load_state({"train_loss": ["a", {}]})
    assert len(m) == 0


def test_health_has_one_label_per_layer_and_explains_thresholds():
    s = Session(CONFIG)
    assert s.health() == ["healthy"] * 3
    s.run(2)
    assert len(s.health()) == 3
    assert "vanishing" in s.health_text() and "diverged" in s.health_text()


def test_the_update_from_the_gathered_gradient_vector_equals_the_update_from_the_gradient_dicts():
    """Unclipped steps hand the optimizer the vector the statistics gathered; clipped ones the dicts."""
    for optimizer in ("sgd", "adam"):
        gathered = Session({**CONFIG, "optimizer": optimizer})
        from_dicts = Session({**CONFIG, "optimizer": optimizer, "clip_norm": 1e300})   # never scales
        gathered.run(25)
        from_dicts.run(25)
        np.testing.assert_array_equal(gathered.network.flat, from_dicts.network.flat)
        np.testing.assert_array_equal(gathered.metrics.grad_norm, from_dicts.metrics.grad_norm)


def _scored_alone(config, actions):
    """The same actions with every step scored at once (metrics read after each step)."""
    s = Session(config)
    for action in actions:
        action(s)
        s.metrics.train_loss                            # a read scores what is pending
    return s


def test_deferred_batched_scoring_gives_the_numbers_of_scoring_each_step_alone():
    one_step = [lambda s: s.run(1, metrics=False)] * 12
    switch_off = [lambda s: s.set_neuron_enabled(1, 2, False)]
    back = [lambda s: s.rewind("step"), lambda s: s.rewind("step")]
    actions = one_step + switch_off + one_step + back + one_step
    for extra in ({}, {"dataset": "spiral3", "hidden": [{"size": 6, "activation": "relu", "batch_norm": True}]},
                  {"dataset": "spiral3", "loss": "mse", "hidden": [{"size": 6, "activation": "prelu"},
                                                                   {"size": 6, "activation": "elu", "residual": True}]}):
        config = {**CONFIG, **extra}
        alone = _scored_alone(config, actions)
        batched = Session(config)
        for action in actions:
            action(batched)                             # nothing read in between: scored in batches
        batched.evaluate()
        assert len(batched.metrics) == len(alone.metrics) == 34
        for name in batched.metrics.names():
            np.testing.assert_array_equal(batched.metrics[name], alone.metrics[name], err_msg=name)
        assert batched.best_step == alone.best_step


def test_adopted_series_are_not_overwritten_by_steps_still_waiting_to_be_scored():
    s = Session(CONFIG)
    s.run(20)
    saved = {name: s.metrics[name].copy() for name in s.metrics.names() if name != "steps"}
    s.metrics.truncate(10)                              # another timeline from step 10 ...
    s.run(3, metrics=False)                             # ... whose rows 10-12 wait to be scored
    s.metrics.load_state(saved)                         # then the saved series come back (an undo)
    for name, values in saved.items():
        np.testing.assert_array_equal(s.metrics[name], values, err_msg=name)


def test_scoring_with_reused_pass_arrays_gives_the_numbers_of_fresh_ones():
    """The evaluation keeps its pass arrays between batches when they fit; the numbers do not depend on it."""
    for extra in ({}, {"dataset": "spiral3", "loss": "mse", "hidden": [{"size": 6, "activation": "prelu"},
                                                                      {"size": 6, "activation": "elu"}]}):
        reused, fresh = Session({**CONFIG, **extra}), Session({**CONFIG, **extra})
        assert reused._evaluator._work is not None
        fresh._evaluator._work = None                    # as a net too large to keep them
        for s in (reused, fresh):
            for chunk in (1, 7, 30):
                s.run(chunk)
        assert reused._evaluator._work                   # arrays were kept and reused
        for name in reused.metrics.names():
            np.testing.assert_array_equal(reused.metrics[name], fresh.metrics[name], err_msg=name)
