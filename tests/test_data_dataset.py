"""Dataset: validation on construction, editing points in place, copies and subsets."""

import numpy as np
import pytest

from nnviz.data import Dataset


def small_binary():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    return Dataset(X=X, y=np.array([0, 1, 0]), task="binary", n_classes=2, name="three")


def small_regression():
    return Dataset(X=np.array([[1.0], [2.0]]), y=np.array([0.5, 1.5]), task="regression")


def test_construction_coerces_types_and_fills_default_names():
    ds = Dataset(X=[[1, 2], [3, 4]], y=[1, 0], task="binary", n_classes=2)
    assert ds.X.dtype == np.float64 and ds.X.shape == (2, 2)
    assert ds.y.dtype == np.int64 and ds.y.shape == (2,)
    assert ds.feature_names == ["x1", "x2"]
    assert ds.class_names == ["0", "1"]
    assert len(ds) == 2 and ds.n_inputs == 2 and ds.is_classification


def test_regression_targets_are_float64():
    ds = Dataset(X=[[1], [2]], y=[1, 2], task="regression")
    assert ds.y.dtype == np.float64
    assert ds.n_classes == 0 and ds.class_names == [] and not ds.is_classification


def test_empty_dataset_is_valid():
    ds = Dataset(X=np.zeros((0, 3)), y=np.zeros(0), task="multiclass", n_classes=4)
    assert len(ds) == 0 and ds.X.shape == (0, 3) and ds.y.dtype == np.int64
    assert ds.nearest_point([0, 0, 0], radius=10.0) is None


@pytest.mark.parametrize("kwargs, words", [
    (dict(task="ternary", n_classes=3), "task"),
    (dict(task="binary", n_classes=3), "2 classes"),
    (dict(task="multiclass", n_classes=2), "at least 3"),
    (dict(task="regression", n_classes=2), "n_classes 0"),
    (dict(task="binary", n_classes=2, class_names=["a"]), "class_names"),
    (dict(task="binary", n_classes=2, feature_names=["a"]), "feature_names"),
])
def test_inconsistent_metadata_is_refused(kwargs, words):
    with pytest.raises(ValueError, match=words):
        Dataset(X=np.zeros((2, 2)), y=np.array([0, 1]), **kwargs)


@pytest.mark.parametrize("X, y, words", [
    (np.zeros(3), [0, 1, 0], "shape"),
    (np.zeros((3, 0)), [0, 1, 0], "shape"),
    ([[0.0, np.nan]], [0], "finite"),
    (np.zeros((3, 2)), [0, 1], "shape"),
    (np.zeros((2, 2)), [0, 2], "0..1"),
    (np.zeros((2, 2)), [0, -1], "0..1"),
    (np.zeros((2, 2)), [0.0, 0.5], "integers"),
])
def test_bad_arrays_are_refused(X, y, words):
    with pytest.raises(ValueError, match=words):
        Dataset(X=X, y=y, task="binary", n_classes=2)


def test_regression_targets_must_be_finite():
    with pytest.raises(ValueError, match="finite"):
        Dataset(X=[[1.0], [2.0]], y=[1.0, np.inf], task="regression")


def test_add_point_appends_and_returns_index():
    ds = small_binary()
    assert ds.add_point([3.0, -1.0], 1) == 3
    assert len(ds) == 4
    np.testing.assert_array_equal(ds.X[-1], [3.0, -1.0])
    assert ds.y[-1] == 1 and ds.y.dtype == np.int64 and ds.X.dtype == np.float64


def test_add_point_regression_takes_a_float():
    ds = small_regression()
    ds.add_point(np.array([4.0]), 2.25)
    assert ds.y[-1] == 2.25 and ds.y.dtype == np.float64


@pytest.mark.parametrize("x, label", [
    ([1.0], 0),                   # wrong length
    ([1.0, 2.0, 3.0], 0),
    ([1.0, np.nan], 0),           # not finite
    ([1.0, np.inf], 0),
    (["a", "b"], 0),              # not numbers
    ([[1.0, 2.0]], 0),            # nested
    ([1.0, 2.0], 2),              # no class 2 in a binary set
    ([1.0, 2.0], -1),
    ([1.0, 2.0], 0.5),            # not a class index
    ([1.0, 2.0], True),
    ([1.0, 2.0], "1"),
])
def test_add_point_validates_and_leaves_data_unchanged(x, label):
    ds = small_binary()
    with pytest.raises(ValueError):
        ds.add_point(x, label)
    assert len(ds) == 3 and ds.y.shape == (3,)


@pytest.mark.parametrize("label", [np.nan, np.inf, "2.0", None])
def test_add_point_regression_needs_a_finite_number(label):
    ds = small_regression()
    with pytest.raises(ValueError):
        ds.add_point([1.0], label)
    assert len(ds) == 2


def test_add_point_accepts_numpy_integer_labels():
    ds = small_binary()
    ds.add_point([0.5, 0.5], np.int64(1))
    assert ds.y[-1] == 1


def test_remove_point():
    ds = small_binary()
    ds.remove_point(1)
    np.testing.assert_array_equal(ds.X, [[0.0, 0.0], [2.0, 0.0]])
    np.testing.assert_array_equal(ds.y, [0, 0])


@pytest.mark.parametrize("index", [3, -1, 1.0, True])
def test_remove_point_out_of_range(index):
    ds = small_binary()
    with pytest.raises(IndexError):
        ds.remove_point(index)
    assert len(ds) == 3


def test_nearest_point_within_radius():
    ds = small_binary()
    assert ds.nearest_point([0.9, 1.2], radius=0.5) == 1
    assert ds.nearest_point([0.9, 1.2], radius=0.1) is None
    assert ds.nearest_point([1.0, 0.0], radius=2.0) == 0  # tie between 0 and 2: lower index


def test_nearest_point_needs_d_entries():
    with pytest.raises(ValueError):
        small_binary().nearest_point([1.0], radius=1.0)


def test_copy_is_deep():
    ds = small_binary()
    twin = ds.copy()
    twin.add_point([5.0, 5.0], 1)
    twin.X[0, 0] = 99.0
    twin.class_names[0] = "changed"
    assert len(ds) == 3 and ds.X[0, 0] == 0.0 and ds.class_names == ["0", "1"]
    assert twin.name == "three" and twin.task == "binary"


def test_subset_keeps_metadata_and_order():
    ds = small_binary()
    part = ds.subset([2, 0])
    np.testing.assert_array_equal(part.X, [[2.0, 0.0], [0.0, 0.0]])
    np.testing.assert_array_equal(part.y, [0, 0])
    assert part.n_classes == 2 and part.name == "three"
    assert len(ds.subset([])) == 0
