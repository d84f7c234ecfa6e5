"""Named data sets: shapes, labels, reproducibility by seed, noise, and the DATASETS table."""

import numpy as np
import pytest

from nnviz.data import DATASETS, Dataset, make_dataset

SYNTHETIC = [name for name, info in DATASETS.items() if not info.shipped]
CLASSIFICATION = [name for name in SYNTHETIC if DATASETS[name].task != "regression"]
REGRESSION = [name for name in SYNTHETIC if DATASETS[name].task == "regression"]


def test_the_catalogue_has_every_required_name():
    assert set(DATASETS) == {
        "circle", "xor", "gaussian", "spiral", "spiral3", "moons", "blobs3",
        "plane", "multigauss", "sine", "housing", "digits", "iris",
    }
    assert set(CLASSIFICATION) == {"circle", "xor", "gaussian", "spiral", "spiral3", "moons", "blobs3"}


@pytest.mark.parametrize("name", DATASETS)
def test_info_fields(name):
    info = DATASETS[name]
    assert info.task in ("binary", "multiclass", "regression")
    expected_classes = {"binary": 2, "regression": 0}.get(info.task)
    if expected_classes is None:
        assert info.n_classes >= 3
    else:
        assert info.n_classes == expected_classes
    assert isinstance(info.description, str) and info.description.endswith(".")
    assert isinstance(info.default_n, int) and info.default_n > 0
    assert (info.noise_help == "") == info.shipped


@pytest.mark.parametrize("name", SYNTHETIC)
def test_shape_dtype_and_labels(name):
    info = DATASETS[name]
    ds = make_dataset(name, n=150, noise=0.1, seed=3)
    assert isinstance(ds, Dataset) and ds.name == name
    assert ds.X.shape == (150, info.n_inputs) and ds.X.dtype == np.float64
    assert ds.y.shape == (150,) and ds.task == info.task and ds.n_classes == info.n_classes
    assert np.all(np.isfinite(ds.X)) and np.all(np.isfinite(ds.y))
    assert len(ds.feature_names) == info.n_inputs
    if info.task == "regression":
        assert ds.y.dtype == np.float64 and ds.class_names == []
    else:
        assert ds.y.dtype == np.int64
        counts = np.bincount(ds.y, minlength=info.n_classes)
        assert len(counts) == info.n_classes and counts.max() - counts.min() <= 1  # balanced
        assert len(ds.class_names) == info.n_classes


@pytest.mark.parametrize("name", CLASSIFICATION)
def test_classes_are_interleaved_not_sorted(name):
    y = make_dataset(name, n=200, seed=0).y
    assert np.any(np.diff(y) < 0)


@pytest.mark.parametrize("name", SYNTHETIC)
def test_same_seed_same_data(name):
    a = make_dataset(name, n=80, noise=0.2, seed=11)
    b = make_dataset(name, n=80, noise=0.2, seed=11)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", SYNTHETIC)
def test_different_seeds_differ(name):
    a = make_dataset(name, n=80, seed=1)
    b = make_dataset(name, n=80, seed=2)
    assert not np.array_equal(a.X, b.X)


@pytest.mark.parametrize("name", CLASSIFICATION)
def test_noise_jitters_inputs_and_keeps_labels(name):
    clean = make_dataset(name, n=100, noise=0.0, seed=4)
    noisy = make_dataset(name, n=100, noise=0.3, seed=4)
    np.testing.assert_array_equal(clean.y, noisy.y)
    shift = np.linalg.norm(noisy.X - clean.X, axis=1)
    assert 0.3 < shift.mean() < 3.0  # about 0.3 * 3 * sqrt(pi / 2) ~ 1.1


@pytest.mark.parametrize("name", REGRESSION)
def test_noise_changes_targets_not_inputs(name):
    clean = make_dataset(name, n=100, noise=0.0, seed=4)
    noisy = make_dataset(name, n=100, noise=0.3, seed=4)
    np.testing.assert_array_equal(clean.X, noisy.X)
    assert not np.allclose(clean.y, noisy.y)


@pytest.mark.parametrize("name", CLASSIFICATION)
def test_2d_sets_fill_the_playground_plane(name):
    X = make_dataset(name, n=500, seed=0).X
    assert np.mean(np.all(np.abs(X) <= 6.0, axis=1)) > 0.99  # Gaussian tails may poke out
    assert np.abs(X).max() > 3.0


def test_circle_geometry():
    ds = make_dataset("circle", n=400, seed=0)
    r = np.linalg.norm(ds.X, axis=1)
    assert np.all(r[ds.y == 1] <= 2.5) and np.all((r[ds.y == 0] >= 3.5) & (r[ds.y == 0] <= 5.0))


def test_xor_labels_follow_the_quadrants():
    ds = make_dataset("xor", n=400, seed=0)
    np.testing.assert_array_equal(ds.y, (ds.X[:, 0] * ds.X[:, 1] > 0).astype(int))
    assert np.all(np.abs(ds.X) >= 0.3)


def test_spiral3_arms_are_rotated_copies():
    ds = make_dataset("spiral3", n=300, seed=0)
    radius = np.linalg.norm(ds.X, axis=1)
    assert np.all((radius >= 0.5 - 1e-12) & (radius <= 5.0 + 1e-12))
    assert ds.n_classes == 3 and sorted(set(ds.y)) == [0, 1, 2]


def test_plane_and_sine_formulas():
    plane = make_dataset("plane", n=50, seed=0)
    np.testing.assert_allclose(plane.y, plane.X.sum(axis=1) / 10)
    sine = make_dataset("sine", n=50, seed=0)
    np.testing.assert_allclose(sine.y, np.sin(sine.X[:, 0]))
    assert sine.feature_names == ["x"]


def test_multigauss_surface_is_bounded():
    y = make_dataset("multigauss", n=500, seed=0).y
    assert y.min() >= -1.0 and y.max() <= 1.0 and y.min() < -0.5 and y.max() > 0.5


def test_housing_is_a_noisy_line_in_lecture_units():
    ds = make_dataset("housing", n=500, seed=0)
    assert ds.feature_names == ["size"] and ds.target_name == "price"
    size = ds.X[:, 0]
    assert size.min() >= 30.0 and size.max() <= 250.0
    slope, intercept = np.polyfit(size, ds.y, 1)
    assert 2.2 < slope < 2.8 and 20.0 < intercept < 80.0
    residual = ds.y - (50.0 + 2.5 * size)
    assert 15.0 < residual.std() < 35.0  # scatter even at noise 0


def test_n_of_one_and_unbalanced_remainders():
    assert len(make_dataset("blobs3", n=1)) == 1
    np.testing.assert_array_equal(np.bincount(make_dataset("blobs3", n=10).y), [4, 3, 3])


def test_unknown_name_lists_the_choices():
    with pytest.raises(ValueError, match="unknown data set 'swirl'.*circle.*iris"):
        make_dataset("swirl")


@pytest.mark.parametrize("n", [0, -5, 100_001, 2.5, "100", True])
def test_bad_n(n):
    with pytest.raises(ValueError, match="n must be"):
        make_dataset("circle", n=n)


@pytest.mark.parametrize("noise", [-0.1, 1.5, float("nan"), "0.1", None])
def test_bad_noise(noise):
    with pytest.raises(ValueError, match="noise must be"):
        make_dataset("circle", noise=noise)


def test_numpy_scalars_are_accepted():
    ds = make_dataset("moons", n=np.int64(30), noise=np.float64(0.1), seed=np.int64(3))
    assert len(ds) == 30


# --- shipped real data -----------------------------------------------------------------------

def test_digits():
    ds = make_dataset("digits")
    assert ds.X.shape == (1797, 64) and ds.task == "multiclass" and ds.n_classes == 10
    assert ds.class_names == [str(d) for d in range(10)]
    assert ds.X.min() == 0.0 and ds.X.max() == 16.0 and np.all(ds.X == np.round(ds.X))
    counts = np.bincount(ds.y, minlength=10)
    assert counts.sum() == 1797 and counts.min() >= 170
    assert ds.feature_names[0] == "pixel_0_0" and ds.feature_names[-1] == "pixel_7_7"


def test_iris():
    ds = make_dataset("iris")
    assert ds.X.shape == (150, 4) and ds.n_classes == 3 and ds.task == "multiclass"
    assert ds.class_names == ["setosa", "versicolor", "virginica"]
    np.testing.assert_array_equal(np.bincount(ds.y), [50, 50, 50])
    np.testing.assert_allclose(ds.X[0], [5.1, 3.5, 1.4, 0.2])
    assert ds.target_name == "species" and ds.feature_names[0] == "sepal_length"


@pytest.mark.parametrize("name", ["digits", "iris"])
def test_shipped_sets_ignore_n_noise_and_seed_and_match_their_info(name):
    a = make_dataset(name)
    b = make_dataset(name, n=5, noise=0.9, seed=123)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    info = DATASETS[name]
    assert len(a) == info.default_n and a.n_inputs == info.n_inputs and a.n_classes == info.n_classes


def test_shipped_sets_are_fresh_copies():
    first = make_dataset("iris")
    first.remove_point(0)
    first.X[0, 0] = -1.0
    again = make_dataset("iris")
    assert len(again) == 150 and again.X[0, 0] == 5.1
