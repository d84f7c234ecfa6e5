"""Paths on a kept landscape: the live extension, other runs on the first run's surface, one plane for all."""

import numpy as np
import pytest

from nnviz.session import LESSONS, Session
from nnviz.session.landscape import batched_losses, trajectory
from nnviz.session.landscape_paths import path_in_plane, run_paths, shared_landscape


def _runs(steps=40):
    lesson = LESSONS["momentum"]
    runs = [Session(lesson.config), Session({**lesson.config, **lesson.compare})]
    for s in runs:
        s.run(steps)
    return runs


def test_right_after_computing_the_live_path_is_the_landscapes_path():
    s = _runs()[0]
    land = s.loss_landscape(resolution=5)
    path = path_in_plane(land, s, "run")
    np.testing.assert_array_equal(path.steps, land.path_steps)
    np.testing.assert_allclose(path.coords, land.path, atol=1e-12)


def test_the_live_path_grows_with_training_and_keeps_its_old_points():
    s = _runs()[0]
    land = s.loss_landscape(resolution=5)
    s.run(7)
    path = path_in_plane(land, s)
    assert len(path.coords) == len(land.path) + 7 and path.steps[-1] == s.step
    np.testing.assert_allclose(path.coords[:len(land.path)], land.path, atol=1e-12)
    assert np.linalg.norm(path.coords[-1]) > 0


def test_shared_plane_centres_on_the_first_run_and_fits_every_path_better():
    a, b = _runs()
    land, paths = shared_landscape([a, b], ["momentum", "plain"], resolution=5)
    X, y = a.prep.X_train, a.prep.y_train
    assert land.loss[2, 2] == pytest.approx(a.network.loss(X, y, training=False), abs=1e-10)
    np.testing.assert_allclose(paths[0].coords[-1], [0, 0], atol=1e-12)
    assert [p.label for p in paths] == ["momentum", "plain"]
    flats_b = trajectory(b)[1]

    def off_plane(landscape):            # distance of run b's weights from the plane
        coords = landscape.project(flats_b)
        return np.linalg.norm(landscape.center + coords @ landscape.directions - flats_b, axis=1).sum()

    assert off_plane(land) < off_plane(a.loss_landscape(resolution=5))
    # each grid point is still the loss of the weights it stands for
    corner = land.center + land.alpha[0] * land.directions[0] + land.beta[-1] * land.directions[1]
    assert land.loss[-1, 0] == pytest.approx(batched_losses(a.network, X, y, corner[None])[0], rel=1e-12)


def test_runs_of_another_shape_are_refused():
    a = _runs(5)[0]
    other = Session({**LESSONS["momentum"].config, "hidden": [{"size": 3, "activation": "tanh"}]})
    other.run(3)
    land = a.loss_landscape(resolution=3)
    with pytest.raises(ValueError, match="parameters"):
        run_paths(land, [a, other], ["a", "b"])
    with pytest.raises(ValueError, match="different numbers of parameters"):
        shared_landscape([a, other], ["a", "b"], resolution=3)
    with pytest.raises(ValueError, match="labels"):
        run_paths(land, [a], [])
