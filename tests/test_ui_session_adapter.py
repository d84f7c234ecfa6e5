"""SessionAdapter: session events as Qt signals, coalesced inside hold(), following a new session."""

from nnviz.session import Session
from nnviz.ui.session_adapter import SessionAdapter

SMALL = {"dataset": "xor", "n_samples": 30, "hidden": [{"size": 3, "activation": "tanh"}], "batch_size": 5}


def test_events_become_signals(qtbot):
    s = Session(SMALL)
    adapter = SessionAdapter(s)
    seen = []
    adapter.changed.connect(seen.append)
    with qtbot.waitSignal(adapter.phaseChanged, timeout=500):
        s.advance("phase")
    with qtbot.waitSignal(adapter.configChanged, timeout=500):
        s.configure(lr=0.2)
    with qtbot.waitSignal(adapter.rebuilt, timeout=500):
        s.configure(seed=4)
    assert seen == ["phase", "config", "rebuild"]


def test_hold_emits_each_kind_once(qtbot):
    s = Session(SMALL)
    adapter = SessionAdapter(s)
    seen = []
    adapter.changed.connect(seen.append)
    with adapter.hold():
        for _ in range(5):
            s.advance("phase")
        s.configure(lr=0.1)
    assert seen == ["config", "phase"]
    seen.clear()
    with adapter.hold():
        s.advance("phase")
        s.configure(lr=0.2)
        s.reset()
    assert seen == ["rebuild", "phase"]


def test_set_session_follows_the_new_one(qtbot):
    old, new = Session(SMALL), Session(SMALL)
    adapter = SessionAdapter(old)
    seen = []
    adapter.changed.connect(seen.append)
    adapter.set_session(new)
    assert seen == ["session"] and adapter.session is new
    old.advance("phase")
    assert seen == ["session"]
    new.advance("phase")
    assert seen == ["session", "phase"]
    adapter.detach()
    new.advance("phase")
    assert seen == ["session", "phase"]
