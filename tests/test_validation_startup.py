"""A broken last experiment never stops nnviz from starting: the demo lesson opens, with a message saying why."""

import json

import pytest
from PySide6 import QtCore

from nnviz.app.recent_files import last_experiment
from nnviz.session import Session


def _settings(tmp_path, kind, value):
    settings = QtCore.QSettings(str(tmp_path / "nnviz.ini"), QtCore.QSettings.Format.IniFormat)
    settings.setValue("session/last_kind", kind)
    settings.setValue("session/last_value", value)
    return settings


def _file(tmp_path, edit):
    path = tmp_path / "last.json"
    s = Session({"dataset": "moons", "n_samples": 40})
    s.run(3)
    s.save(path)
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc))
    return str(path)


@pytest.mark.parametrize("kind, make, words", [
    ("file", lambda tmp: _file(tmp, lambda d: d["state"].update(metrics=None)), "state.metrics"),
    ("file", lambda tmp: _file(tmp, lambda d: d["state"].update(step=float("inf"))), "state.step"),
    ("file", lambda tmp: str(tmp / "gone.json"), "no such file"),
    ("config", lambda tmp: "[" * 100_000, "nest"),
    ("config", lambda tmp: '{"hidden": [{"size": 4096}, {"size": 4096}]}', "config.hidden"),
    ("config", lambda tmp: '{"optimizer": "adam", "optimizer_options": {"betas": 5}}', "betas"),
])
def test_a_broken_last_experiment_opens_the_demo_with_the_reason(tmp_path, kind, make, words):
    session, path, message = last_experiment(_settings(tmp_path, kind, make(tmp_path)), "xor")
    assert session.lesson is not None and session.lesson.id == "xor" and path is None
    assert message.startswith("Could not reopen the last experiment") and words in message
    assert "\n" not in message


def test_a_good_last_experiment_reopens(tmp_path):
    path = _file(tmp_path, lambda d: None)
    session, reopened, message = last_experiment(_settings(tmp_path, "file", path), "xor")
    assert reopened == path and session.step == 3 and "Reopened" in message
