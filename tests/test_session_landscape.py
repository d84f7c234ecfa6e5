"""The loss landscape: its centre is the current loss, its path ends at the origin, its directions are
filter-normalised, and every grid point is the loss of the weights it stands for."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.landscape import batched_losses, filter_normalized_directions, trajectory


def _session(steps=30, **config):
    base = {"dataset": "circle", "n_samples": 80, "seed": 2,
            "hidden": [{"size": 5, "activation": "tanh"}, {"size": 4, "activation": "relu"}],
            "regularization": "l2", "reg_rate": 0.01, "lr": 0.1}
    s = Session({**base, **config})
    s.run(steps)
    return s


def _loss_at(net, X, y, flat):
    """The engine's own loss with the network's parameters set to ``flat`` (then restored)."""
    saved = net.flat.copy()
    net.flat[...] = flat
    try:
        return net.loss(X, y, training=False)
    finally:
        net.flat[...] = saved


@pytest.mark.parametrize("directions", ["pca", "random"])
@pytest.mark.parametrize("split", ["train", "test"])
def test_centre_is_the_current_loss_and_the_path_ends_at_the_origin(directions, split):
    s = _session()
    land = s.loss_landscape(directions=directions, span=0.5, resolution=11, split=split)
    X, y = (s.prep.X_train, s.prep.y_train) if split == "train" else (s.prep.X_test, s.prep.y_test)
    data_loss = s.network.forward(X, training=False)
    penalty = 0.01 * sum(float(np.sum(p["W"] ** 2)) for p in s.network.params)
    expected = s.network.loss_terms(data_loss, y)[0] + penalty
    assert land.kind == directions
    assert land.loss.shape == (11, 11) and land.alpha.shape == land.beta.shape == (11,)
    assert abs(land.center_loss - expected) < 1e-10
    assert abs(land.loss[5, 5] - expected) < 1e-10
    assert land.path.shape == (31, 2) and np.array_equal(land.path[-1], [0.0, 0.0])
    assert list(land.path_steps) == list(range(31))
    assert land.alpha[0] == -0.5 and land.alpha[-1] == 0.5


def test_every_grid_point_is_the_loss_of_its_weights():
    """Rows run along beta; each value equals the engine's loss at centre + alpha d1 + beta d2."""
    s = _session(batch_size=10, hidden=[{"size": 4, "activation": "prelu", "batch_norm": True},
                                        {"size": 4, "activation": "elu", "residual": True}])
    land = s.loss_landscape(directions="random", span=2.0, resolution=5)
    X, y = s.prep.X_train, s.prep.y_train
    for i, j in [(0, 4), (1, 2), (4, 0), (3, 3)]:
        flat = land.center + land.alpha[j] * land.directions[0] + land.beta[i] * land.directions[1]
        assert land.loss[i, j] == pytest.approx(_loss_at(s.network, X, y, flat), rel=1e-12, abs=1e-12)


def test_softmax_output_and_switched_off_neurons():
    s = _session(dataset="spiral3", n_samples=90, disabled_neurons=[[1, 2]])
    flats = s.network.flat + np.random.default_rng(0).normal(0, 0.3, (4, s.network.flat.size))
    X, y = s.prep.X_train, s.prep.y_train
    expected = [_loss_at(s.network, X, y, f) for f in flats]
    assert np.allclose(batched_losses(s.network, X, y, flats), expected, rtol=1e-12, atol=0)


def test_the_network_is_not_changed():
    s = _session()
    before = s.network.flat.copy()
    buffers = [dict(b) for b in s.network.buffers]
    s.loss_landscape("random", resolution=7)
    assert np.array_equal(s.network.flat, before) and s.network.buffers == buffers


def test_random_directions_are_filter_normalised_per_layer():
    s = _session(hidden=[{"size": 6, "activation": "tanh", "batch_norm": True}, {"size": 3, "activation": "prelu"}])
    net = s.network
    dirs = filter_normalized_directions(net, np.random.default_rng(5))
    assert not np.allclose(dirs[0], dirs[1])
    for i, p in enumerate(net.params):
        for key in p:
            d = dirs[:, net.flat_slice(i, key)]
            if key == "W":
                for direction in d:
                    columns = direction.reshape(p["W"].shape)
                    assert np.allclose(np.linalg.norm(columns, axis=0), np.linalg.norm(p["W"], axis=0), rtol=1e-12)
            else:                                # biases, gamma, beta, alpha stay where they are
                assert np.all(d == 0)


def test_a_zero_weight_column_gets_a_zero_direction():
    s = _session(steps=0)
    net = s.network
    net.params[0]["W"][:, 2] = 0.0
    dirs = filter_normalized_directions(net, np.random.default_rng(1))
    columns = dirs[0][net.flat_slice(0, "W")].reshape(net.params[0]["W"].shape)
    assert np.all(columns[:, 2] == 0) and np.all(columns[:, :2] != 0)


def test_pca_directions_span_the_path():
    s = _session(steps=40)
    land = s.loss_landscape("pca")
    steps, flats = trajectory(s)
    assert len(steps) == 41 and np.array_equal(flats[-1], s.network.flat)
    # the projected path lies in [-0.8, 0.8], touching 0.8 along each direction
    assert np.allclose(np.abs(land.path).max(axis=0), 0.8)
    # the two principal directions are orthogonal
    d1, d2 = land.directions
    assert abs(d1 @ d2) < 1e-10 * np.linalg.norm(d1) * np.linalg.norm(d2)
    # a path point is its least-squares projection: the residual is orthogonal to the plane
    residual = flats[10] - land.center - land.path[10] @ land.directions
    assert np.allclose(land.directions @ residual, 0, atol=1e-10)
    assert np.allclose(land.project(flats[10]), land.path[10])


def test_pca_falls_back_to_random_directions_with_fewer_than_three_points():
    s = _session(steps=1)
    land = s.loss_landscape("pca", resolution=3)
    assert land.kind == "random" and land.path.shape == (2, 2)


def test_a_short_history_gives_a_short_path():
    s = _session(steps=30, history_steps=10)
    land = s.loss_landscape("pca", resolution=3)
    assert land.path.shape == (11, 2) and list(land.path_steps) == list(range(20, 31))


def test_the_path_follows_rewind():
    s = _session(steps=20)
    s.rewind("step")
    s.rewind("step")
    land = s.loss_landscape("pca", resolution=3)
    assert land.path_steps[-1] == s.step and len(land.path) == s.step + 1


def test_a_diverged_run_is_refused_with_a_clear_message():
    s = Session.from_lesson("exploding-init")
    s.run(20)
    assert s.diverged
    with pytest.raises(ValueError, match="diverged"):
        s.loss_landscape()


@pytest.mark.parametrize("kwargs, field", [({"directions": "hessian"}, "directions"), ({"span": 0}, "span"),
                                           ({"resolution": 1}, "resolution"), ({"split": "valid"}, "split")])
def test_bad_arguments_name_the_argument(kwargs, field):
    with pytest.raises(ValueError, match=field):
        _session(steps=2).loss_landscape(**kwargs)


def test_a_kept_surface_extends_its_path_live():
    s = _session(steps=20)
    land = s.loss_landscape("pca", resolution=3)
    s.run(5)
    steps, flats = trajectory(s)
    live = land.project(flats)
    assert len(live) == 26 and list(steps[-6:]) == list(range(20, 26))
    assert np.allclose(live[:21], land.path, atol=1e-9)            # the old path is unchanged
    assert np.linalg.norm(live[-1]) > 0                           # the newest point has moved on
