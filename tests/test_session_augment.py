"""The augment knob: jittered copies of the training points each epoch, seeded, exact under rewind and files."""

import numpy as np
import pytest

from nnviz.session import Session

CONFIG = {"dataset": "circle", "n_samples": 40, "test_ratio": 0.5, "batch_size": 8, "seed": 4,
          "hidden": [{"size": 5, "activation": "tanh"}], "augment": 0.2}


def _batch_inputs(s):
    return s.record.trace.X


def test_off_by_default_the_step_sees_the_training_points():
    s = Session({**CONFIG, "augment": 0.0})
    s.advance("step")
    assert np.array_equal(_batch_inputs(s), s.prep.X_train[s.batch])


def test_each_epoch_jitters_the_points_by_the_strength_times_each_inputs_spread():
    s = Session({**CONFIG, "features": ["x1", "x2"]})
    n = len(s.prep.X_train)
    seen = {}
    for _ in range(3 * -(-n // 8)):                                # three whole epochs
        s.advance("step")
        for index, x in zip(s.batch, _batch_inputs(s)):
            seen.setdefault((s.epoch, int(index)), x)
    raw = s.prep.train.X
    scale = s.prep.input_scaler
    epochs = sorted({e for e, _ in seen})
    assert epochs == [0, 1, 2]
    moves = []
    for epoch in epochs:
        X = np.array([seen[epoch, i] for i in range(n)])
        moved_raw = scale.inverse_transform(X) - raw                # back in the data's own units
        moves.append(moved_raw)
        assert not np.allclose(moved_raw, 0)
    assert not np.allclose(moves[0], moves[1])                      # a fresh copy each epoch
    noise = np.concatenate(moves)
    assert np.allclose(noise.std(axis=0), 0.2 * raw.std(axis=0), rtol=0.25)
    assert abs(noise.mean()) < 0.1 * raw.std()


def test_a_batch_and_the_next_of_one_epoch_share_its_copy():
    s = Session(CONFIG)
    s.advance("step")
    first = dict(zip(map(int, s.batch), _batch_inputs(s)))
    s2 = Session(CONFIG)
    s2.run(1)
    s2.advance("step")
    assert s2.epoch == 0
    X = s2._epoch_inputs.get(0.2, 0)
    for i, x in first.items():
        assert np.array_equal(X[i], x)


def test_rewind_and_files_replay_exactly(tmp_path):
    s = Session(CONFIG)
    s.run(12)                                                       # past the second epoch
    after = s.network.flat.copy()
    for _ in range(5):
        s.rewind("step")
    s.run(5 - (s.step - 7))
    s.run(12 - s.step)
    assert s.step == 12 and np.array_equal(s.network.flat, after)

    half = Session(CONFIG)
    half.run(6)
    path = tmp_path / "augmented.json"
    half.save(path)
    loaded = Session.load(path)
    assert loaded.config["augment"] == 0.2
    loaded.run(6)
    assert np.array_equal(loaded.network.flat, after)


def test_metrics_use_the_original_points():
    s = Session(CONFIG)
    s.run(3)
    data_loss = s.network.loss_terms(s.network.forward(s.prep.X_train, training=False), s.prep.y_train)[0]
    assert s.metrics.train_loss[-1] == pytest.approx(data_loss, rel=1e-12)


def test_the_gradient_check_uses_the_inputs_the_step_used():
    s = Session(CONFIG)
    s.run(5)
    s.advance("step")
    check = s.gradient_check(1)
    assert np.max(check["relative_error"]) < 1e-6


@pytest.mark.parametrize("value", [-0.1, 11, "much", True])
def test_a_bad_strength_is_named(value):
    with pytest.raises(ValueError, match="config.augment"):
        Session({**CONFIG, "augment": value})
