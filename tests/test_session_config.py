"""Knobs: validation names the field, structural changes rebuild, rates apply at the next step."""

import numpy as np
import pytest

from nnviz.session import DEFAULT_CONFIG, Session, validate_config
from nnviz.session.schedule import scheduled_lr

BASE = {"dataset": "circle", "n_samples": 60, "hidden": [{"size": 4, "activation": "tanh"}], "seed": 1}


@pytest.mark.parametrize("changes, pattern", [
    ({"dataset": "mnist"}, r"config\.dataset: 'mnist' is not one of"),
    ({"lr": 0}, r"config\.lr: must be > 0"),
    ({"lr": "fast"}, r"config\.lr: must be a finite number"),
    ({"batch_size": 0}, r"config\.batch_size"),
    ({"hidden": [{"size": 0}]}, r"config\.hidden\[0\]\.size"),
    ({"hidden": [{"size": 3, "activation": "softmax"}]}, r"config\.hidden\[0\]\.activation"),
    ({"hidden": [{"size": 3, "dropuot": 0.1}]}, r"config\.hidden\[0\]\.dropuot: unknown field"),
    ({"hidden": [{"size": 3, "dropout": 0.99}]}, r"config\.hidden\[0\]\.dropout"),
    ({"optimizer": "lbfgs"}, r"config\.optimizer: 'lbfgs' is not one of sgd"),
    ({"optimizer_options": {"betas": [0.9, 0.99]}}, r"config\.optimizer_options\.betas: not an option of sgd"),
    ({"features": ["x3"]}, r"config\.features: 'x3' is not one of x1"),
    ({"test_ratio": 0.95}, r"config\.test_ratio"),
    ({"schedule": "cosine"}, r"config\.schedule"),
    ({"health": {"vanishing_ratio": -1}}, r"config\.health\.vanishing_ratio"),
    ({"learning_rate": 0.1}, r"config\.learning_rate: unknown field"),
    ({"dataset": "custom"}, r"config\.points: a custom data set needs"),
    ({"points": [[0, 0, float("nan")]], "dataset": "custom"}, r"config\.points\[0\]"),
    ({"n_samples": 10**7}, r"config\.n_samples: must be a whole number from 4 to 100000"),
])
def test_bad_knobs_name_the_field(changes, pattern):
    with pytest.raises(ValueError, match=pattern):
        validate_config({**BASE, **changes})


def test_defaults_fill_in():
    c = validate_config({})
    assert c["dataset"] == DEFAULT_CONFIG["dataset"] and c["hidden"][0]["batch_norm"] is False


def test_impossible_network_is_explained_with_the_config_field():
    with pytest.raises(ValueError, match=r"config\.hidden\[0\]\.residual: needs the layer size"):
        Session({**BASE, "hidden": [{"size": 4, "activation": "tanh", "residual": True}]})
    with pytest.raises(ValueError, match="config.loss: a regression data set needs mse"):
        Session({**BASE, "dataset": "sine", "loss": "bce"})


def test_a_bad_change_leaves_the_session_as_it_was():
    s = Session(BASE)
    s.run(3)
    flat = s.network.flat.copy()
    with pytest.raises(ValueError):
        s.configure(lr=-1)
    with pytest.raises(ValueError):
        s.configure(hidden=[{"size": 4, "activation": "tanh", "residual": True}])
    assert s.step == 3 and s.config["lr"] == BASE.get("lr", DEFAULT_CONFIG["lr"])
    np.testing.assert_array_equal(s.network.flat, flat)


def test_structural_changes_rebuild_at_step_zero():
    s = Session(BASE)
    s.run(5)
    for change in ({"hidden": [{"size": 5, "activation": "tanh"}]},
                   {"hidden": [{"size": 4, "activation": "tanh", "batch_norm": True}]},
                   {"dataset": "xor"}, {"noise": 0.3}, {"init": "he_normal"}, {"seed": 9},
                   {"features": ["x1", "x2", "x1*x2"]}):
        s.run(2)
        assert s.configure(**change) is True
        assert s.step == 0 and len(s.metrics) == 0 and s.phase.kind == "ready"
    assert s.network.sizes == [3, 4, 1]


def test_rate_changes_keep_the_weights_and_apply_next_step():
    s = Session(BASE)
    s.run(5)
    flat = s.network.flat.copy()
    for change in ({"lr": 0.5}, {"regularization": "l2", "reg_rate": 0.01}, {"clip_norm": 0.5},
                   {"batch_size": 3}, {"schedule": "step"}, {"optimizer_options": {"momentum": 0.9}},
                   {"hidden": [{"size": 4, "activation": "tanh", "dropout": 0.5}]}):
        assert s.configure(**change) is False
        np.testing.assert_array_equal(s.network.flat, flat)
        assert s.step == 5
    assert s.network.layers[0]["dropout"] == 0.5
    assert s.network.spec["regularization"] == {"kind": "l2", "rate": 0.01}
    s.advance("step")
    assert s.metrics.lr[-1] == 0.5 and len(s.batch) == 3
    assert s.record.trace.layers[0].dropout_mask is not None
    assert s.optimizer.hyper["momentum"] == 0.9


def test_changing_the_optimizer_keeps_weights():
    s = Session(BASE)
    s.run(3)
    flat = s.network.flat.copy()
    s.configure(optimizer="adam", lr=0.01)
    assert s.optimizer.name == "adam" and s.optimizer.t == 0
    np.testing.assert_array_equal(s.network.flat, flat)
    s.run(1)


@pytest.mark.parametrize("kind, options, expected", [
    ("constant", {}, [0.1, 0.1, 0.1, 0.1]),
    ("step", {"step_size": 2, "gamma": 0.5}, [0.1, 0.1, 0.05, 0.05]),
    ("exponential", {"decay_steps": 2, "decay_rate": 0.5}, [0.1 * 0.5 ** (k / 2) for k in range(4)]),
    ("exponential", {"decay_steps": 2, "decay_rate": 0.5, "staircase": True}, [0.1, 0.1, 0.05, 0.05]),
])
def test_learning_rate_schedules(kind, options, expected):
    config = validate_config({"lr": 0.1, "schedule": kind, "schedule_options": options})
    np.testing.assert_allclose([scheduled_lr(config, k) for k in range(4)], expected)
    s = Session({**BASE, "lr": 0.1, "schedule": kind, "schedule_options": options})
    s.run(4)
    np.testing.assert_allclose(s.metrics.lr, expected)


def test_clipping_caps_the_applied_gradient():
    s = Session({**BASE, "clip_norm": 1e-3})
    s.advance("step")
    applied = np.sqrt(sum(float(np.sum(g * g)) for layer in s.record.applied_grads for g in layer.values()))
    assert s.record.global_norm > 1e-3
    assert applied == pytest.approx(1e-3, rel=1e-3)
    assert s.metrics.global_norm[-1] == s.record.global_norm     # the plot shows the unclipped norm


def test_points_by_hand():
    s = Session({**BASE, "test_ratio": 0.0})
    n = len(s.prep.dataset)
    s.add_point(0.5, -0.5, 1)
    assert s.config["dataset"] == "custom" and len(s.prep.dataset) == n + 1
    assert s.remove_point_near(0.5, -0.5, 0.01) is True
    assert len(s.prep.dataset) == n
    assert s.remove_point_near(100.0, 100.0, 0.01) is False
    with pytest.raises(ValueError, match="label"):
        s.add_point(0, 0, 7)


def test_regression_targets_are_standardised_and_predictions_come_back_in_units():
    s = Session({"dataset": "housing", "hidden": [], "lr": 0.05, "seed": 0})
    assert abs(float(np.mean(s.prep.y_train))) < 1e-9
    s.run(300)
    sizes = np.array([[50.0], [200.0]])
    price = s.predict(sizes)[:, 0]
    assert 100 < price[0] < 250 and 450 < price[1] < 650          # price = 50 + 2.5 size, roughly


def test_grids_for_drawing():
    s = Session(BASE)
    extent = s.data_extent()
    assert s.grid_output(extent, 20).shape == (20, 20)
    grids = s.neuron_grids(extent, 12)
    assert [g.shape for g in grids] == [(4, 12, 12), (1, 12, 12)]
    three = Session({"dataset": "blobs3", "hidden": [{"size": 4, "activation": "tanh"}]})
    probs = three.grid_output(three.data_extent(), 10)
    assert probs.shape == (10, 10, 3)
    np.testing.assert_allclose(probs.sum(axis=2), 1.0)


def test_session_imports_without_qt():
    import subprocess
    import sys
    code = ("import sys, nnviz.session, nnviz.data, nnviz.engine; "
            "print(any(m.startswith(('PySide6', 'pyqtgraph')) for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
