"""Playground input features for 2-D data."""

import numpy as np
import pytest

from nnviz.data import FEATURES, expand_features

X = np.array([[0.0, 1.0], [2.0, -3.0], [np.pi / 2, 0.5]])


def test_feature_names_in_playground_order():
    assert list(FEATURES) == ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]


@pytest.mark.parametrize("name, expected", [
    ("x1", X[:, 0]),
    ("x2", X[:, 1]),
    ("x1^2", X[:, 0] ** 2),
    ("x2^2", X[:, 1] ** 2),
    ("x1*x2", X[:, 0] * X[:, 1]),
    ("sin(x1)", np.sin(X[:, 0])),
    ("sin(x2)", np.sin(X[:, 1])),
])
def test_each_feature(name, expected):
    out = FEATURES[name](X)
    assert out.shape == (3,)
    np.testing.assert_allclose(out, expected)


def test_features_return_new_arrays():
    data = X.copy()
    FEATURES["x1"](data)[:] = 7.0
    np.testing.assert_array_equal(data, X)


def test_expand_keeps_the_order_given():
    out = expand_features(X, ["sin(x1)", "x1", "x1*x2"])
    assert out.shape == (3, 3) and out.dtype == np.float64
    np.testing.assert_allclose(out, np.column_stack([np.sin(X[:, 0]), X[:, 0], X[:, 0] * X[:, 1]]))


def test_expand_all_and_empty_rows():
    assert expand_features(X, FEATURES).shape == (3, 7)
    assert expand_features(np.zeros((0, 2)), ["x1", "x2^2"]).shape == (0, 2)


@pytest.mark.parametrize("data, names, words", [
    (X, ["x3"], "unknown input feature 'x3'"),
    (X, ["cos(x1)"], "x1\\^2"),                       # the message lists the allowed names
    (X, [], "at least one"),
    (X, ["x1", "x1"], "twice"),
    (np.zeros((3, 1)), ["x1"], "shape \\(n, 2\\)"),
    (np.zeros((3, 3)), ["x1"], "shape \\(n, 2\\)"),
    (np.zeros(4), ["x1"], "shape \\(n, 2\\)"),
])
def test_expand_errors(data, names, words):
    with pytest.raises(ValueError, match=words):
        expand_features(data, names)
