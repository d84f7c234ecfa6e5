"""Saving mid-step after turning the clip limit or a dropout rate during the step: the reopened run is the same.

The shown step was computed with the settings it began with; a knob turned during it applies from the
next step. The file keeps the step's own clip limit and dropout rates, so reopening replays the same
step, and the next steps use the new settings, as in the saved window.
"""

import json

import pytest

from nnviz.session import Session

from test_save_mid_step import _same, _state

CONFIG = {"dataset": "circle", "n_samples": 60, "batch_size": 7, "seed": 4, "optimizer": "sgd", "lr": 0.3,
          "hidden": [{"size": 5, "activation": "tanh"}, {"size": 4, "activation": "relu", "dropout": 0.3}],
          "clip_norm": 0.5}


def _turn_knobs(s, which):
    if which in ("clip", "both"):
        s.configure(clip_norm=0.05)
    if which in ("dropout", "both"):
        hidden = [dict(h) for h in s.config["hidden"]]
        hidden[1]["dropout"] = 0.0
        hidden[0]["dropout"] = 0.5
        s.configure(hidden=hidden)


@pytest.mark.parametrize("which", ["clip", "dropout", "both"])
@pytest.mark.parametrize("phases", [2, 5, 8])               # forward, backward, update
def test_knobs_turned_during_the_step_reopen_bit_for_bit(tmp_path, which, phases):
    s = Session(CONFIG)
    s.run(9)
    for _ in range(phases):
        s.advance("phase")
    _turn_knobs(s, which)
    assert s.phase.kind == {2: "forward", 5: "backward", 8: "update"}[phases] and s.step >= 9   # not rebuilt
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    assert doc["resume"]["step"]["clip_norm"] == 0.5
    assert doc["resume"]["step"]["dropout"] == [0.0, 0.3]
    t = Session.load(path)
    assert t.config["clip_norm"] == s.config["clip_norm"]
    _same(_state(s), _state(t))                             # the same shown step ...
    for _ in range(20):                                     # ... and the same future, with the new knobs
        s.advance("phase")
        t.advance("phase")
        _same(_state(s), _state(t))


def test_older_files_without_the_step_knobs_still_open(tmp_path):
    s = Session(CONFIG)
    s.run(3)
    s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    for key in ("clip_norm", "dropout"):
        doc["resume"]["step"].pop(key)
    path.write_text(json.dumps(doc))
    t = Session.load(path)                                  # knobs unchanged: the config's own are the step's
    _same(_state(s), _state(t))


@pytest.mark.parametrize("bad, field", [({"clip_norm": -1}, "resume.step.clip_norm"),
                                        ({"dropout": [0.0]}, "resume.step.dropout")])
def test_a_bad_step_knob_is_named(tmp_path, bad, field):
    s = Session(CONFIG)
    s.run(3)
    s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    doc["resume"]["step"].update(bad)
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=field.replace(".", r"\.")):
        Session.load(path)
