"""The topic lessons show what their texts claim within their suggested steps.

Each test runs the lesson's config for its steps, and the comparison run (the lesson's config with
its overrides) for the same steps unless the claim says otherwise, and checks the claim in the
numbers the window draws.
"""

import re

import numpy as np
import pytest

from nnviz.engine.activations import activate_back
from nnviz.session import LESSONS, Session, validate_config
from nnviz.session.landscape import trajectory
from nnviz.session.lessons_topics import EXPLODING_NET, TOPIC_LESSONS

IDS = ("zero-init-symmetry", "dying-relu", "momentum", "batch-size", "lr-decay", "augmentation",
       "fix-smaller-lr", "fix-weight-decay", "update-ratio")

_RUNS = {}


def _run(lesson_id, compare=False, steps=None):
    lesson = LESSONS[lesson_id]
    steps = lesson.steps if steps is None else steps
    key = (lesson_id, compare, steps)
    if key not in _RUNS:
        s = Session({**lesson.config, **(lesson.compare if compare else {})})
        s.run(steps)
        _RUNS[key] = s
    return _RUNS[key]


def final(s, name):
    return float(s.metrics[name][-1])


def dead_units(s, layer):
    """Units of ``layer`` (1-based) whose derivative is 0 on every training point (evaluation mode)."""
    lt = s.network.forward(s.prep.X_train, training=False).layers[layer - 1]
    spec, params = s.network.layers[layer - 1], s.network.params[layer - 1]
    slope = activate_back(spec["activation"], np.ones_like(lt.u), lt.u, lt.act, params.get("alpha"))
    return np.all(slope == 0, axis=0)


# ---------------------------------------------------------------- the catalogue
def test_the_topic_lessons_are_in_the_catalogue_in_order():
    assert tuple(lesson["id"] for lesson in TOPIC_LESSONS) == IDS
    assert tuple(LESSONS)[-len(IDS):] == IDS


@pytest.mark.parametrize("lesson_id", IDS)
def test_lessons_are_complete(lesson_id):
    lesson = LESSONS[lesson_id]
    assert lesson.id == lesson_id and lesson.title and lesson.watch and lesson.steps > 0
    assert 2 <= len(re.findall(r"[.!?](\s|$)", lesson.text)) <= 4
    assert lesson.compare and lesson.compare_label
    validate_config(lesson.config)
    validate_config({**lesson.config, **lesson.compare})


def test_the_exploding_fixes_use_the_exploding_init_net():
    assert EXPLODING_NET == LESSONS["exploding-init"].config
    for lesson_id, changed in (("fix-smaller-lr", {"lr"}), ("fix-weight-decay", {"lr", "optimizer_options"})):
        config = LESSONS[lesson_id].config
        assert {k: v for k, v in config.items() if k not in changed} == \
               {k: v for k, v in EXPLODING_NET.items() if k not in changed}


# ---------------------------------------------------------------- one test per lesson
def test_zero_init_keeps_the_hidden_units_identical():
    s, xavier = _run("zero-init-symmetry"), _run("zero-init-symmetry", compare=True)
    W, b = s.network.params[0]["W"], s.network.params[0]["b"]
    assert np.max(np.abs(W - W[:, :1])) <= 1e-12 and np.max(np.abs(b - b[0])) <= 1e-12
    assert np.max(np.abs(W)) > 1e-2                              # the weights moved, together
    out = s.network.params[1]["W"]
    assert np.max(np.abs(out - out[0])) <= 1e-12
    assert final(s, "test_acc") <= 0.6
    Wx = xavier.network.params[0]["W"]
    assert np.min(np.ptp(Wx, axis=1)) > 0.1                      # symmetry broken
    assert final(xavier, "test_acc") >= 0.9


def test_dying_relu():
    s, leaky = _run("dying-relu"), _run("dying-relu", compare=True)
    shares = [float(np.mean(dead_units(s, layer))) for layer in (1, 2)]
    assert shares[0] >= 0.4                                       # the first layer, as the text says
    assert s.metrics.dead_share[-1][0] == pytest.approx(shares[0])      # the window shows the same share
    assert s.health()[0] == "dead"
    assert not any(dead_units(leaky, layer).any() for layer in (1, 2))
    assert "dead" not in leaky.health()


def test_momentum_reaches_plain_sgds_loss_in_half_the_steps():
    lesson = LESSONS["momentum"]
    s, plain = _run("momentum"), _run("momentum", compare=True)
    target = final(plain, "train_loss")
    reached = np.flatnonzero(s.metrics.train_loss <= target)
    assert reached.size and reached[0] + 1 < lesson.steps // 2
    assert final(s, "train_loss") < 0.01 * target
    half = lesson.steps // 2 - 1                                     # the second hundred steps
    assert s.metrics.train_loss[half] > 100 * final(s, "train_loss")
    assert plain.metrics.train_loss[half] < 2 * target                # plain SGD levels off
    # both runs start from the same weights: on the momentum run's landscape both paths start at one point
    land = s.loss_landscape("pca", resolution=5)
    _, plain_flats = trajectory(plain)
    plain_path = land.project(plain_flats)
    assert plain_path.shape == (lesson.steps + 1, 2) and np.all(np.isfinite(plain_path))
    assert np.allclose(plain_path[0], land.path[0], atol=1e-9)


def test_batch_one_is_noisier_than_full_batch():
    lesson = LESSONS["batch-size"]
    s = _run("batch-size")
    n = len(s.prep.X_train)
    assert lesson.compare["batch_size"] == n and lesson.config["batch_size"] == 1
    same_examples = _run("batch-size", compare=True, steps=lesson.steps // n)
    noise = np.std(np.diff(s.metrics.train_loss))
    assert noise >= 3 * np.std(np.diff(same_examples.metrics.train_loss))
    assert noise >= 3 * np.std(np.diff(_run("batch-size", compare=True).metrics.train_loss))


def test_lr_decay_settles_lower_than_a_constant_rate():
    s, constant = _run("lr-decay"), _run("lr-decay", compare=True)
    assert s.metrics.lr[-1] == pytest.approx(3.0 * 0.5 ** (399 / 100))
    last = slice(-100, None)
    assert final(s, "train_loss") < final(constant, "train_loss")
    assert final(s, "train_loss") < constant.metrics.train_loss[last].min()
    assert np.std(np.diff(constant.metrics.train_loss[last])) > 100 * np.std(np.diff(s.metrics.train_loss[last]))


def test_augmentation_raises_test_accuracy():
    s, plain = _run("augmentation"), _run("augmentation", compare=True)
    assert len(s.prep.X_train) == 20
    assert final(plain, "train_acc") == 1.0
    assert final(s, "test_acc") >= final(plain, "test_acc") + 0.05


def test_a_smaller_learning_rate_keeps_the_exploding_net_finite():
    lesson = LESSONS["fix-smaller-lr"]
    s, large = _run("fix-smaller-lr"), _run("fix-smaller-lr", compare=True)
    assert not s.diverged and s.step == lesson.steps and np.isfinite(s.network.flat).all()
    assert s.metrics.global_norm[0] > 1000 and s.metrics.global_norm[-1] < s.metrics.global_norm[0]
    assert final(s, "train_loss") < s.metrics.train_loss[0]
    assert large.diverged and large.step <= 5


def test_weight_decay_keeps_the_exploding_net_finite_but_small():
    lesson = LESSONS["fix-weight-decay"]
    s, plain = _run("fix-weight-decay"), _run("fix-weight-decay", compare=True)
    assert not s.diverged and s.step == lesson.steps and np.isfinite(s.network.flat).all()
    assert s.metrics.global_norm[0] > 1000 and s.metrics.global_norm[-1] < 1
    start = np.linalg.norm(Session(lesson.config).network.flat)
    assert np.linalg.norm(s.network.flat) < 1e-3 * start             # held small ...
    assert final(s, "test_acc") <= 0.6                              # ... so it does not learn
    assert plain.diverged and plain.step <= 10


def test_update_ratio_near_1e3_against_ten_times_the_rate():
    s, fast = _run("update-ratio"), _run("update-ratio", compare=True)
    assert fast.config["lr"] == 10 * s.config["lr"]
    ratio, fast_ratio = np.median(s.metrics.update_ratio, axis=0), np.median(fast.metrics.update_ratio, axis=0)
    assert np.all((ratio > 5e-4) & (ratio < 5e-3))
    assert np.all(fast_ratio >= 3 * ratio) and np.all(fast_ratio <= 6 * ratio)
    jumps = [int(np.sum(np.diff(r.metrics.train_loss) > 0.1 * r.metrics.train_loss[:-1])) for r in (s, fast)]
    assert jumps[0] == 0 and jumps[1] >= 24
    assert final(s, "test_acc") >= 0.85
