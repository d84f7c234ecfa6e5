"""Train/test split, Standardizer and mini-batches."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnviz.data import Dataset, Standardizer, minibatches, split
from nnviz.data.split import batch_end


def labelled(counts):
    """A classification Dataset with counts[c] rows of class c; X[:, 0] is the row id."""
    y = np.repeat(np.arange(len(counts)), counts)
    X = np.column_stack([np.arange(len(y)), np.zeros(len(y))])
    task = "binary" if len(counts) == 2 else "multiclass"
    return Dataset(X=X, y=y, task=task, n_classes=len(counts), class_names=[], name="toy")


def regression(n):
    return Dataset(X=np.arange(n, dtype=float).reshape(-1, 1), y=np.arange(n) * 0.5, task="regression")


def row_ids(ds):
    return ds.X[:, 0].astype(int)


# --- split ---------------------------------------------------------------------------------

@pytest.mark.parametrize("ratio, n_test", [(0.0, 0), (0.2, 20), (0.25, 25), (0.5, 50), (0.9, 90)])
def test_split_sizes_regression(ratio, n_test):
    train, test = split(regression(100), ratio, seed=0)
    assert (len(train), len(test)) == (100 - n_test, n_test)
    assert sorted(np.concatenate([row_ids(train), row_ids(test)])) == list(range(100))


def test_split_parts_keep_rows_intact():
    ds = regression(50)
    train, test = split(ds, 0.3, seed=3)
    for part in (train, test):
        np.testing.assert_array_equal(part.y, part.X[:, 0] * 0.5)
        assert part.task == "regression" and part.feature_names == ds.feature_names


def test_split_is_shuffled_and_reproducible():
    a_train, a_test = split(regression(100), 0.2, seed=1)
    b_train, b_test = split(regression(100), 0.2, seed=1)
    c_train, _ = split(regression(100), 0.2, seed=2)
    np.testing.assert_array_equal(row_ids(a_train), row_ids(b_train))
    np.testing.assert_array_equal(row_ids(a_test), row_ids(b_test))
    assert not np.array_equal(row_ids(a_train), row_ids(c_train))
    assert not np.array_equal(row_ids(a_train), np.sort(row_ids(a_train)))


def test_split_zero_gives_an_empty_test_set_with_the_same_columns():
    ds = labelled([30, 30, 30])
    train, test = split(ds, 0.0, seed=0)
    assert len(train) == 90 and len(test) == 0
    assert test.X.shape == (0, 2) and test.y.shape == (0,) and test.y.dtype == np.int64
    assert test.n_classes == 3 and test.class_names == ds.class_names


def test_split_stratifies_classes():
    train, test = split(labelled([100, 50, 30]), 0.2, seed=0)
    np.testing.assert_array_equal(np.bincount(test.y, minlength=3), [20, 10, 6])
    np.testing.assert_array_equal(np.bincount(train.y, minlength=3), [80, 40, 24])


def test_split_keeps_every_class_in_train():
    # A class of one sample cannot be in both parts: it stays in train.
    train, test = split(labelled([40, 1, 2]), 0.9, seed=0)
    assert set(train.y) == {0, 1, 2}
    assert len(test) == 39  # round(43 * 0.9); classes 1 and 2 give at most 0 and 1 rows


@given(counts=st.lists(st.integers(0, 30), min_size=2, max_size=5),
       ratio=st.floats(0.0, 0.9), seed=st.integers(0, 2**32 - 1))
def test_split_properties(counts, ratio, seed):
    ds = labelled(counts)
    train, test = split(ds, ratio, seed)
    ids = np.concatenate([row_ids(train), row_ids(test)])
    assert sorted(ids) == list(range(len(ds)))                  # a partition of the rows
    assert len(test) <= round(len(ds) * ratio)
    present = {c for c, k in enumerate(counts) if k > 0}
    assert set(train.y.tolist()) == present                     # every class is trained on


@pytest.mark.parametrize("ratio", [-0.1, 0.95, 1.0, float("nan"), "0.2", None])
def test_split_ratio_out_of_range(ratio):
    with pytest.raises(ValueError, match="test_ratio"):
        split(regression(10), ratio, seed=0)


def test_split_of_an_empty_dataset():
    train, test = split(labelled([0, 0]), 0.5, seed=0)
    assert len(train) == 0 and len(test) == 0


# --- Standardizer --------------------------------------------------------------------------

def test_standardizer_round_trip():
    X = np.random.default_rng(0).normal(3.0, 5.0, size=(200, 3))
    s = Standardizer().fit(X)
    Z = s.transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0)
    np.testing.assert_allclose(s.inverse_transform(Z), X)


def test_standardizer_applies_train_statistics_to_new_rows():
    s = Standardizer().fit(np.array([[0.0], [2.0]]))
    np.testing.assert_allclose(s.transform(np.array([[4.0]])), [[3.0]])


def test_standardizer_constant_column_scales_by_one():
    X = np.column_stack([np.full(7, 0.1), np.zeros(7), np.arange(7.0)])
    s = Standardizer().fit(X)
    np.testing.assert_array_equal(s.std[:2], [1.0, 1.0])
    Z = s.transform(X)
    assert np.all(np.isfinite(Z))
    np.testing.assert_allclose(Z[:, :2], 0.0, atol=1e-15)


def test_standardizer_for_regression_targets():
    y = np.array([10.0, 20.0, 30.0])
    s = Standardizer().fit(y)
    z = s.transform(y)
    assert z.shape == (3,)
    np.testing.assert_allclose(z, [-np.sqrt(1.5), 0.0, np.sqrt(1.5)])
    np.testing.assert_allclose(s.inverse_transform(z), y)
    np.testing.assert_allclose(s.fit_transform(y), z)


def test_standardizer_on_empty_rows_after_fit():
    s = Standardizer().fit(np.ones((3, 2)))
    assert s.transform(np.zeros((0, 2))).shape == (0, 2)


def test_standardizer_errors():
    with pytest.raises(RuntimeError, match="fit"):
        Standardizer().transform(np.zeros((2, 2)))
    with pytest.raises(ValueError):
        Standardizer().fit(np.zeros((0, 2)))
    with pytest.raises(ValueError):
        Standardizer().fit(np.zeros((2, 2))).transform(np.zeros((2, 3)))


# --- minibatches ---------------------------------------------------------------------------

@given(n=st.integers(0, 300), batch_size=st.integers(1, 400), seed=st.integers(0, 2**32 - 1))
def test_minibatches_cover_every_index_once(n, batch_size, seed):
    batches = minibatches(n, batch_size, np.random.default_rng(seed))
    joined = np.concatenate(batches) if batches else np.zeros(0, dtype=int)
    assert sorted(joined.tolist()) == list(range(n))
    assert all(len(b) == batch_size for b in batches[:-1])
    assert all(1 <= len(b) <= batch_size for b in batches)
    assert len(batches) == -(-n // batch_size)


def test_full_batch_and_sgd():
    rng = np.random.default_rng(0)
    full = minibatches(10, 10, rng)
    assert len(full) == 1 and sorted(full[0]) == list(range(10))
    assert len(minibatches(10, 1000, rng)) == 1
    sgd = minibatches(10, 1, rng)
    assert len(sgd) == 10 and all(len(b) == 1 for b in sgd)


def test_minibatches_follow_the_rng_state():
    rng = np.random.default_rng(5)
    state = rng.bit_generator.state
    first = np.concatenate(minibatches(50, 8, rng))
    second = np.concatenate(minibatches(50, 8, rng))
    assert not np.array_equal(first, second)            # a fresh permutation each epoch
    rng.bit_generator.state = state                       # rewind replays the same epoch
    np.testing.assert_array_equal(np.concatenate(minibatches(50, 8, rng)), first)
    other = np.concatenate(minibatches(50, 8, np.random.default_rng(6)))
    assert not np.array_equal(first, other)


@pytest.mark.parametrize("batch_size", [0, -3, 2.5, True])
def test_minibatches_bad_batch_size(batch_size):
    with pytest.raises(ValueError, match="batch_size"):
        minibatches(10, batch_size, np.random.default_rng(0))


def test_minibatches_need_a_generator():
    with pytest.raises(TypeError, match="Generator"):
        minibatches(10, 2, 0)


@pytest.mark.parametrize("n, batch_size, min_last, sizes", [
    (210, 16, 8, [16] * 12 + [18]),         # a remainder of 2 joins the batch before it
    (216, 16, 8, [16] * 13 + [8]),          # a remainder of 8 is a batch of its own
    (210, 16, 1, [16] * 13 + [2]),          # without the rule: the short batch stays
    (10, 4, 8, [4, 6]),                     # batches smaller than min_last: only the last merges
    (5, 16, 8, [5]),                        # one batch of everything
])
def test_a_short_last_batch_joins_the_one_before(n, batch_size, min_last, sizes):
    batches = minibatches(n, batch_size, np.random.default_rng(0), min_last=min_last)
    assert [len(b) for b in batches] == sizes
    assert sorted(np.concatenate(batches).tolist()) == list(range(n))
    pos = 0
    for size in sizes:                      # the session walks the epoch with batch_end itself
        assert batch_end(pos, n, batch_size, min_last) == pos + size
        pos += size
