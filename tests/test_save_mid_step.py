"""Saving in the middle of a step reopens the same run: same phase, same trace, same future, same past."""

import json

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.resume import HISTORY_STEPS_IN_FILE

CONFIG = {"dataset": "circle", "n_samples": 60, "batch_size": 7, "seed": 4, "optimizer": "adam", "lr": 0.05,
          "hidden": [{"size": 5, "activation": "tanh", "batch_norm": True},
                     {"size": 4, "activation": "relu", "dropout": 0.3}],
          "regularization": "l2", "reg_rate": 0.01}


def _state(s):
    """Everything the window draws from, as arrays to compare bit for bit."""
    out = {"phase": (s.phase.kind, s.phase.layer, s.phase.step, s.phase.index), "flat": s.network.flat.copy(),
           "buffers": [{k: v.copy() for k, v in b.items()} for b in s.network.buffers],
           "metrics": {name: s.metrics[name].copy() for name in s.metrics.names()}}
    trace = s.trace
    if trace is not None:
        out["batch"] = s.batch.copy()
        for i, lt in enumerate(trace.layers):
            for key in ("z", "a", "grad_z"):
                value = getattr(lt, key)
                out[f"{key}{i}"] = None if value is None else value.copy()
    return out


def _same(a, b):
    assert a.keys() == b.keys()
    for key in a:
        x, y = a[key], b[key]
        if isinstance(x, dict):
            _same(x, y)
        elif isinstance(x, list):
            for u, v in zip(x, y, strict=True):
                _same(u, v)
        elif isinstance(x, np.ndarray):
            np.testing.assert_array_equal(x, y, err_msg=key)
        else:
            assert x == y, key


@pytest.mark.parametrize("phases", [0, 3, 6, 9])       # ready, forward, backward, update
def test_save_mid_step_continues_bit_for_bit(tmp_path, phases):
    s = Session(CONFIG)
    s.run(12)
    for _ in range(phases):
        s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    t = Session.load(path)
    _same(_state(s), _state(t))                           # reopened at the same phase with the same trace
    for _ in range(25):                                   # continue phase by phase, past step boundaries
        s.advance("phase")
        t.advance("phase")
        _same(_state(s), _state(t))
    s.advance("epoch")
    t.advance("epoch")
    _same(_state(s), _state(t))


def test_stepping_back_goes_past_the_load_point(tmp_path):
    s = Session(CONFIG)
    s.run(20)
    for _ in range(4):
        s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    t = Session.load(path)
    for _ in range(12):                                   # back through the shown step and 10 steps before it
        s.rewind("phase")
        t.rewind("phase")
        _same(_state(s), _state(t))
    for _ in range(8):
        s.rewind("step")
        t.rewind("step")
        _same(_state(s), _state(t))
    assert t.step < 20 - 5 and not t.message


def test_history_in_the_file_is_bounded(tmp_path):
    s = Session(CONFIG)
    s.run(HISTORY_STEPS_IN_FILE + 30)
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    assert len(doc["resume"]["history"]) == HISTORY_STEPS_IN_FILE
    assert doc["resume"]["phase"] == len(s._phases) - 1           # run() leaves the update phase shown
    assert doc["state"]["step"] == HISTORY_STEPS_IN_FILE + 30


def test_a_file_saved_at_ready_has_no_phase_to_replay(tmp_path):
    s = Session(CONFIG)
    path = tmp_path / "run.json"
    s.save(path)
    assert "resume" not in json.loads(path.read_text())          # nothing before step 0
    assert Session.load(path).phase.kind == "ready"


@pytest.mark.parametrize("change, message", [
    (lambda d: d["resume"].update(phase=99), "resume.phase"),
    (lambda d: d["resume"]["history"][0].update(step=3), "resume.history[0].step"),
    (lambda d: d["resume"].pop("history"), "resume"),
])
def test_a_bad_resume_field_is_named(tmp_path, change, message):
    s = Session(CONFIG)
    s.run(5)
    s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        Session.load(path)


def test_a_diverged_run_reopens_diverged_where_it_stopped(tmp_path):
    s = Session({"dataset": "housing", "hidden": [{"size": 3, "activation": "relu"}], "lr": 50.0,
                 "standardize": False})
    s.run(500)
    assert s.diverged
    path = tmp_path / "run.json"
    s.save(path)
    t = Session.load(path)
    assert t.diverged and t.step == s.step and t.phase.kind == "ready"
    np.testing.assert_array_equal(t.network.flat, s.network.flat)


# ---------------------------------------------------------------- what makes a file out of date
def test_stepping_is_not_an_edit_but_changing_the_experiment_is(tmp_path):
    s = Session(CONFIG)
    events = []
    s.subscribe(lambda event: events.append(s.edited))
    s.advance("phase")
    s.advance("step")
    s.run(5)
    s.rewind("step")
    s.reset()
    assert not s.edited and events and not any(events)        # no listener ever saw an edit
    s.configure(lr=0.1)
    assert s.edited and events[-1]
    s.save(tmp_path / "run.json")
    assert not s.edited
    s.set_param(1, "W", (0, 0), 0.5)
    assert s.edited
    s.save(tmp_path / "run.json")
    s.set_neuron_enabled(2, 1, False)
    assert s.edited
    assert not Session.load(tmp_path / "run.json").edited


def test_an_optimizer_changed_during_the_shown_step_is_resumed_as_it_would_update(tmp_path):
    s = Session(CONFIG)
    s.run(6)
    for _ in range(4):
        s.advance("phase")
    s.configure(optimizer="rmsprop", optimizer_options={"momentum": 0.5})
    path = tmp_path / "run.json"
    s.save(path)
    t = Session.load(path)
    _same(_state(s), _state(t))
    for _ in range(12):
        s.advance("phase")
        t.advance("phase")
        _same(_state(s), _state(t))


@pytest.mark.parametrize("phases", [5, 8])                 # backward (before the update), update
def test_knobs_turned_during_the_shown_step_apply_from_the_next_step_after_reopening_too(tmp_path, phases):
    s = Session(CONFIG)
    s.run(6)
    for _ in range(phases):
        s.advance("phase")
    s.configure(regularization="l1", lr=0.2)                  # the shown step keeps L2 and lr 0.05
    path = tmp_path / "run.json"
    s.save(path)
    assert json.loads(path.read_text())["resume"]["step"] == {
        "lr": 0.05, "regularization": {"kind": "l2", "rate": 0.01}, "clip_norm": 0.0, "dropout": [0.0, 0.3]}
    t = Session.load(path)
    _same(_state(s), _state(t))
    assert t.record.lr == 0.05 and t.record.regularization["kind"] == "l2"
    assert t.inspect_edge(3, 0, 0)["penalty_kind"] == "l2"
    assert t.network.spec["regularization"]["kind"] == "l1"   # the next step's penalty
    for _ in range(12):
        s.advance("phase")
        t.advance("phase")
        _same(_state(s), _state(t))
    assert t.record.lr == 0.2 and t.record.regularization["kind"] == "l1"


def test_a_bad_step_setting_is_named(tmp_path):
    s = Session(CONFIG)
    s.run(3)
    s.advance("phase")
    path = tmp_path / "run.json"
    s.save(path)
    doc = json.loads(path.read_text())
    doc["resume"]["step"]["lr"] = -1
    path.write_text(json.dumps(doc))
    with pytest.raises(ValueError, match=r"resume\.step\.lr"):
        Session.load(path)
