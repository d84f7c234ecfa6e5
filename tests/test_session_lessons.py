"""Every lesson shows what it claims within its suggested number of steps.

Each test runs ``Session.from_lesson(id).run(lesson.steps)`` (and the
comparison run where the claim is a contrast) and checks the effect in the
metrics the window plots. Runs with the same config and steps are shared.
"""

import json
import re

import numpy as np
import pytest

from nnviz.session import LESSONS, Session, validate_config

IDS = ("xor", "linear-collapse", "step-activation", "lr-too-small", "lr-too-large", "vanishing-sigmoid",
       "exploding-init", "fix-relu-he", "fix-batchnorm", "fix-residual", "fix-clipping", "dropout-overfitting",
       "l2-overfitting", "early-stopping", "softmax-3-class", "housing-regression", "digits-features")

_RUNS = {}


def _run(config, steps):
    key = (json.dumps(validate_config(config), sort_keys=True, default=str), steps)
    if key not in _RUNS:
        s = Session(config)
        s.run(steps)
        _RUNS[key] = s
    return _RUNS[key]


def lesson_run(lesson_id):
    """The lesson's own session after its steps (same as from_lesson(id).run(steps))."""
    lesson = LESSONS[lesson_id]
    return _run(lesson.config, lesson.steps)


def compare_run(lesson_id):
    lesson = LESSONS[lesson_id]
    return _run({**lesson.config, **lesson.compare}, lesson.steps)


def final(s, name):
    return float(s.metrics[name][-1])


def gap(s):
    """Test loss minus training loss at the end."""
    return final(s, "test_loss") - final(s, "train_loss")


# ---------------------------------------------------------------- the catalogue
def test_lesson_ids_are_the_public_contract():
    assert tuple(LESSONS) == IDS


@pytest.mark.parametrize("lesson_id", IDS)
def test_lessons_are_complete(lesson_id):
    lesson = LESSONS[lesson_id]
    assert lesson.id == lesson_id and lesson.title and lesson.watch and lesson.steps > 0
    assert 2 <= len(re.findall(r"[.!?](\s|$)", lesson.text)) <= 4
    assert bool(lesson.compare) == bool(lesson.compare_label)
    validate_config({**lesson.config, **lesson.compare})


def test_from_lesson_runs_the_lessons_config():
    s = Session.from_lesson("housing-regression")
    s.run(LESSONS["housing-regression"].steps)
    ref = lesson_run("housing-regression")
    assert np.array_equal(s.network.flat, ref.network.flat)


# ---------------------------------------------------------------- one test per lesson
def test_xor_needs_a_hidden_layer():
    s, flat = lesson_run("xor"), compare_run("xor")
    assert final(s, "test_acc") >= 0.95
    assert final(flat, "test_acc") <= 0.65
    assert flat.n_layers == 1


def test_linear_collapse():
    s, tanh = lesson_run("linear-collapse"), compare_run("linear-collapse")
    assert final(s, "test_acc") <= 0.7
    assert final(tanh, "test_acc") >= 0.95
    # however deep, the logit is an affine function of the input
    X = np.random.default_rng(0).uniform(-5, 5, (50, 2))
    p = s.predict(X)[:, 0]
    logit = np.log(p / (1 - p))
    A = np.column_stack([X, np.ones(len(X))])
    coef, *_ = np.linalg.lstsq(A, logit, rcond=None)
    assert np.allclose(A @ coef, logit, atol=1e-8)


def test_step_activation_gets_no_gradient():
    lesson = LESSONS["step-activation"]
    s, sigmoid = lesson_run("step-activation"), compare_run("step-activation")
    start = Session(lesson.config)
    assert np.array_equal(s.network.params[0]["W"], start.network.params[0]["W"])
    assert np.array_equal(s.network.params[0]["b"], start.network.params[0]["b"])
    assert np.all(s.metrics.grad_norm[:, 0] == 0.0)
    assert s.health()[0] == "vanishing"
    assert final(s, "test_acc") <= 0.7
    assert final(sigmoid, "test_acc") >= 0.9


def test_lr_too_small_crawls():
    s, good = lesson_run("lr-too-small"), compare_run("lr-too-small")
    loss = s.metrics.train_loss
    assert loss[-1] < loss[0] and loss[-1] > 0.95 * loss[0]      # going down, barely
    assert np.median(s.metrics.update_ratio) < 1e-3
    assert final(good, "train_loss") < 0.3 * good.metrics.train_loss[0]
    assert final(good, "test_acc") >= 0.95


def test_lr_too_large_oscillates():
    lesson = LESSONS["lr-too-large"]
    s, good = lesson_run("lr-too-large"), compare_run("lr-too-large")
    loss = s.metrics.train_loss
    if not s.diverged:
        jumps_up = np.sum(np.diff(loss) > 0.1 * loss[:-1])        # rises by more than 10%
        assert jumps_up >= 0.25 * lesson.steps
        assert loss[-1] >= loss[0]                               # ends no better than it started
        assert loss.max() > 5 * loss[0]
    assert final(good, "train_loss") < 0.3


def test_vanishing_sigmoid():
    s = lesson_run("vanishing-sigmoid")
    assert s.health()[:6] == ["vanishing"] * 6
    assert s.health()[-1] == "healthy"
    rms, delta = s.metrics.grad_rms, s.metrics.mean_abs_delta
    assert np.all(rms[:, 0] < 1e-3 * rms[:, -1])                  # at every step
    assert np.all(np.diff(np.log(delta[-1])) > 0)                # shrinking toward the input
    assert final(s, "test_acc") <= 0.6


def test_exploding_init_is_flagged_then_diverges():
    lesson = LESSONS["exploding-init"]
    s = Session.from_lesson("exploding-init")
    flagged_before_divergence = False
    for _ in range(lesson.steps):
        s.run(1)
        if s.diverged:
            break
        flagged_before_divergence |= s.health()[0] == "exploding"
    assert s.diverged and flagged_before_divergence
    first = s.metrics.mean_abs_delta[0]                          # step 1: deltas grow toward the input
    assert first[0] > 100 * first[-1]
    assert first[0] > first[2] > first[4] > first[6]
    clipped = compare_run("exploding-init")
    assert not clipped.diverged and np.isfinite(clipped.network.flat).all()
    assert final(clipped, "test_acc") >= 0.8                     # learning, in half the steps of fix-clipping


@pytest.mark.parametrize("lesson_id", ["fix-relu-he", "fix-batchnorm", "fix-residual"])
def test_fixes_make_the_deep_net_healthy(lesson_id):
    s, vanishing = lesson_run(lesson_id), lesson_run("vanishing-sigmoid")
    assert s.n_layers == vanishing.n_layers
    assert s.config["dataset"] == vanishing.config["dataset"] and s.config["seed"] == vanishing.config["seed"]
    assert s.health() == ["healthy"] * s.n_layers
    assert final(s, "test_acc") >= final(vanishing, "test_acc") + 0.25
    without = compare_run(lesson_id)
    assert without.health()[:6] == ["vanishing"] * 6
    assert final(without, "test_acc") <= 0.6


def test_fix_relu_he_learns():
    assert final(lesson_run("fix-relu-he"), "test_acc") >= 0.9


def test_fix_residual_learns():
    assert final(lesson_run("fix-residual"), "test_acc") >= 0.9


def test_fix_clipping():
    lesson = LESSONS["fix-clipping"]
    s, unclipped = lesson_run("fix-clipping"), compare_run("fix-clipping")
    assert not s.diverged and np.isfinite(s.network.flat).all()
    assert s.metrics.global_norm.max() > 10 * lesson.config["clip_norm"]   # the cap was needed
    assert final(s, "test_acc") >= 0.9
    assert s.health() == ["healthy"] * s.n_layers
    assert unclipped.diverged and unclipped.step < lesson.steps


@pytest.mark.parametrize("lesson_id", ["dropout-overfitting", "l2-overfitting"])
def test_regularizer_shrinks_the_train_test_gap(lesson_id):
    s, plain = lesson_run(lesson_id), compare_run(lesson_id)
    assert final(plain, "train_acc") == 1.0                      # the plain net memorises
    assert gap(plain) > 2.0
    assert gap(s) < 0.5 * gap(plain)
    acc_gap = final(s, "train_acc") - final(s, "test_acc")
    plain_acc_gap = final(plain, "train_acc") - final(plain, "test_acc")
    assert acc_gap < plain_acc_gap


def test_l2_also_improves_test_accuracy():
    assert final(lesson_run("l2-overfitting"), "test_acc") >= final(compare_run("l2-overfitting"), "test_acc") + 0.05


def test_early_stopping_marks_the_best_step():
    lesson = LESSONS["early-stopping"]
    s = lesson_run("early-stopping")
    best = s.best_step
    test_loss, train_loss = s.metrics.test_loss, s.metrics.train_loss
    assert best < 0.5 * lesson.steps
    assert test_loss[-1] > 2 * test_loss[best]                   # test loss turned up
    assert train_loss[-1] < 0.1 * train_loss[best]               # while training loss kept falling
    assert s.metrics.test_acc[best] > 0.7


def test_softmax_three_classes():
    s = lesson_run("softmax-3-class")
    assert final(s, "test_acc") >= 0.85
    out = s.network.predict(s.prep.X_test)
    assert out.shape[1] == 3 and np.allclose(out.sum(axis=1), 1.0)


def test_housing_regression():
    s = lesson_run("housing-regression")
    assert s.prep.loss == "mse" and s.n_layers == 1
    assert final(s, "test_loss") < 0.1 * s.metrics.test_loss[0] and final(s, "test_loss") < 0.1
    predicted = s.predict(s.prep.test.X)[:, 0]
    assert np.corrcoef(predicted, s.prep.test.y)[0, 1] > 0.9


def test_digits_features():
    s = lesson_run("digits-features")
    assert final(s, "test_acc") >= 0.9
    W = s.network.params[0]["W"]
    assert W.shape[0] == 64                                      # one 8x8 image per first-layer neuron
