"""Experiment files: round trips reproduce the run; bad files are named and never half-written."""

import json
import os

import numpy as np
import pytest

from nnviz.session import Session

CONFIG = {"dataset": "moons", "n_samples": 50, "hidden": [{"size": 5, "activation": "relu", "dropout": 0.2},
                                                          {"size": 3, "activation": "tanh", "batch_norm": True}],
          "optimizer": "adam", "lr": 0.02, "batch_size": 8, "seed": 3}


def test_config_only_file_reproduces_the_run(tmp_path):
    s = Session(CONFIG)
    s.save(tmp_path / "a.json", weights=False)
    loaded = Session.load(tmp_path / "a.json")
    assert loaded.config == s.config
    s.run(20)
    loaded.run(20)
    np.testing.assert_array_equal(s.network.flat, loaded.network.flat)


def test_file_with_state_resumes_exactly(tmp_path):
    s = Session(CONFIG)
    s.run(13)
    s.save(tmp_path / "b.json")
    loaded = Session.load(tmp_path / "b.json")
    assert loaded.step == 13 and loaded.epoch == s.epoch
    np.testing.assert_array_equal(loaded.metrics.train_loss, s.metrics.train_loss)
    s.run(11)
    loaded.run(11)
    np.testing.assert_array_equal(s.network.flat, loaded.network.flat)
    np.testing.assert_array_equal(s.network.buffers[1]["running_var"], loaded.network.buffers[1]["running_var"])
    np.testing.assert_array_equal(s.metrics.test_loss, loaded.metrics.test_loss)


def _write(tmp_path, doc, name="bad.json"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return path


@pytest.mark.parametrize("doc, pattern", [
    ("{not json", r"not valid JSON \(line 1"),
    ({"format": "something"}, r"format: not an nnviz experiment"),
    ({"format": "nnviz-experiment"}, r"version: missing"),
    ({"format": "nnviz-experiment", "version": 99, "config": {}}, r"version: file version 99 is newer"),
    ({"format": "nnviz-experiment", "version": 1}, r"config: missing"),
    ({"format": "nnviz-experiment", "version": 1, "config": {"lr": -3}}, r"config\.lr"),
    ({"format": "nnviz-experiment", "version": 1, "config": {"hidden": [{"size": "big"}]}},
     r"config\.hidden\[0\]\.size"),
])
def test_bad_files_name_the_problem(tmp_path, doc, pattern):
    with pytest.raises(ValueError, match=pattern):
        Session.load(_write(tmp_path, doc))


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(ValueError, match="no such file"):
        Session.load(tmp_path / "nope.json")
    path = tmp_path / "bin.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ValueError, match="cannot read it|not valid JSON"):
        Session.load(path)


def test_corrupt_state_is_named(tmp_path):
    s = Session(CONFIG)
    s.run(2)
    s.save(tmp_path / "c.json")
    doc = json.loads((tmp_path / "c.json").read_text())
    doc["state"]["params"]["base64"] = "AAAA"
    with pytest.raises(ValueError, match="state.params"):
        Session.load(_write(tmp_path, doc))
    del doc["state"]["optimizer"]
    with pytest.raises(ValueError, match="state"):
        Session.load(_write(tmp_path, doc))


def test_saving_is_atomic(tmp_path, monkeypatch):
    target = tmp_path / "keep.json"
    target.write_text("precious")
    s = Session(CONFIG)

    def boom(*args, **kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        s.save(target)
    assert target.read_text() == "precious"
    assert os.listdir(tmp_path) == ["keep.json"]          # no temporary file left behind


def test_a_diverged_run_saves_and_loads(tmp_path):
    s = Session({"dataset": "housing", "hidden": [], "lr": 50.0, "standardize": False})
    s.run(500)
    assert s.diverged
    s.save(tmp_path / "d.json")
    assert Session.load(tmp_path / "d.json").step == s.step
