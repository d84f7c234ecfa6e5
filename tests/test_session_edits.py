"""Undoable edits: restoring the state captured before an edit gives back every number bit for bit."""

import numpy as np
import pytest

from nnviz.session import Session, edits
from nnviz.session.classroom import lock


def fingerprint(s):
    """Everything a user can see or that decides what comes next, as bytes and plain values."""
    net = s.network
    return {
        "config": s.config, "step": s.step, "phase": repr(s.phase), "epoch": s.epoch,
        "flat": net.flat.tobytes(), "buffers": [{k: v.tobytes() for k, v in b.items()} for b in net.buffers],
        "keep": [None if k is None else k.tobytes() for k in net.keep],
        "opt": (s.optimizer.name, s.optimizer.t,
                {k: (v.tobytes() if isinstance(v, np.ndarray) else v) for k, v in s.optimizer.state.items()}),
        "rngs": (net.rng.bit_generator.state, s._batch_rng.bit_generator.state),
        "metrics": {n: np.asarray(s.metrics[n]).tobytes() for n in s.metrics.names()},
        "history": [k for k in range(s.step + 2) if s.history.get(k) is not None],
        "data": s.prep.dataset.X.tobytes(),
    }


def future(s):
    """What the session does next: the rest of the shown step, two steps, a rewind and one more step."""
    out = []
    for _ in range(3):
        s.advance("phase")
        out.append(s.network.flat.tobytes())
    s.run(2)
    out.append(s.network.flat.tobytes())
    s.rewind("step")
    out.append(s.network.flat.tobytes())
    s.advance("step")
    out.append((s.network.flat.tobytes(), s.metrics["train_loss"].tobytes()))
    return out


def started(lesson="xor"):
    """A session trained 7 steps and shown in the middle of the 8th (the backward pass)."""
    s = Session.from_lesson(lesson)
    s.run(7)
    for _ in range(4):
        s.advance("phase")
    return s


EDITS = {
    "knob": lambda s: s.configure(lr=0.25),
    "optimizer": lambda s: s.configure(optimizer="adam", optimizer_options={}),
    "layer": lambda s: s.configure(hidden=[{**s.config["hidden"][0], "activation": "relu", "size": 5}]),
    "weight": lambda s: s.set_param(1, "W", (0, 1), 0.75),
    "bias": lambda s: s.set_param(2, "b", 0, -1.5),
    "neuron": lambda s: s.set_neuron_enabled(1, 0, False),
    "point added": lambda s: s.add_point(0.3, -0.2, 1),
    "point removed": lambda s: s.remove_point_near(*s.prep.dataset.X[0], 0.5),
}
KINDS = {"knob": "settings", "optimizer": "settings", "layer": "settings", "weight": "weight", "bias": "weight",
         "neuron": "neuron", "point added": "point added", "point removed": "point removed"}


@pytest.mark.parametrize("name", list(EDITS))
def test_undo_then_redo_of_an_edit_restores_exactly(name):
    reference = started()                   # never edited
    s = started()
    heard = []
    edits.listen(s, heard.append)
    EDITS[name](s)
    assert [e.kind for e in heard] == [KINDS[name]]      # nested edits (configure inside) are one edit
    s.run(3)                                # training after the edit is undone with it ...
    edited = fingerprint(s)
    after = edits.capture(s)
    edits.restore(s, heard[0].before)
    assert fingerprint(s) == fingerprint(reference)
    assert future(s) == future(started())   # ... and what comes next is what would have come
    edits.restore(s, after)                 # redo: back to where undo was pressed
    assert fingerprint(s) == edited
    edits.restore(s, heard[0].before)       # a state can be restored again
    assert fingerprint(s) == fingerprint(started())


def test_weight_edit_detail_and_what_is_not_an_edit():
    s = started()
    heard = []
    edits.listen(s, heard.append)
    old = float(s.network.params[0]["W"][0, 1])
    s.set_param(1, "W", (0, 1), 0.75)
    assert heard[-1].detail == {"layer": 1, "key": "W", "index": (0, 1), "value": 0.75, "old": old}
    assert heard[-1].position == (s.step, s._index)
    s.set_param(1, "W", (0, 1), 0.75)       # the same value: nothing changed
    s.configure(lr=s.config["lr"])
    s.advance("step"), s.rewind("phase"), s.reset()
    with pytest.raises(ValueError):
        s.configure(lr=-1)
    assert len(heard) == 1
    s.configure(lr=0.5, seed=3)
    assert heard[-1].kind == "settings" and heard[-1].changed_keys() == ["lr", "seed"]


def test_the_classroom_setup_is_not_undone():
    s = started()
    heard = []
    edits.listen(s, heard.append)
    s.configure(lr=0.2)
    lock(s, "teacher")
    assert heard[-1].kind == "classroom"
    edits.restore(s, heard[0].before)
    assert s.config["lr"] == Session.from_lesson("xor").config["lr"]
    assert s.config["classroom"]["lock"] is not None         # still locked


def test_without_a_listener_nothing_is_captured(monkeypatch):
    s = started()
    monkeypatch.setattr(edits, "capture", lambda _s: pytest.fail("captured without a listener"))
    s.configure(lr=0.2)
    s.set_param(1, "W", (0, 0), 0.1)
    edits.listen(s, None)
    s.add_point(0.1, 0.1, 0)
