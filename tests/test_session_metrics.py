"""Per-step metrics computed from the engine's numbers, checked against direct computations."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.metrics import accuracy, unit_shares

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


def test_no_test_set_and_fast_runs():
    s = Session({**CONFIG, "test_ratio": 0.0})
    s.run(3)
    assert np.isnan(s.metrics.test_loss).all() and s.best_step is not None
    s.run(2, metrics=False)
    assert np.isnan(s.metrics.train_loss[-1]) and np.isfinite(s.metrics.grad_norm[-1]).all()
    s.run(3, metrics="last")
    assert np.isnan(s.metrics.train_loss[-3:-1]).all() and np.isfinite(s.metrics.train_loss[-1])
    full = Session({**CONFIG, "test_ratio": 0.0})
    full.run(8)
    assert s.metrics.train_loss[-1] == full.metrics.train_loss[-1]   # the same numbers, evaluated later


def test_health_has_one_label_per_layer_and_explains_thresholds():
    s = Session(CONFIG)
    assert s.health() == ["healthy"] * 3
    s.run(2)
    assert len(s.health()) == 3
    assert "vanishing" in s.health_text() and "diverged" in s.health_text()
