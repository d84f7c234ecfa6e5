"""While playing, a crowded net's edge layers take turns to be drawn again; a still picture is complete.

Work is counted (layers handed new bins), never timed.
"""

import numpy as np
import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.app.playback import PLAY_EDGES_PER_FRAME
from nnviz.session import Session
from nnviz.ui import images
from nnviz.ui.network import scale as ns
from nnviz.ui.network.demo import demo_frame
from nnviz.ui.network.edge_turns import EdgeTurns
from nnviz.ui.network.view import NetworkView

DEEP = [2] + [64] * 8 + [1]
LAYER_EDGES = [a * b for a, b in zip(DEEP[:-1], DEEP[1:])]      # 128, 4096 x 7, 64


def test_without_a_budget_every_changed_layer_is_drawn():
    turns = EdgeTurns()
    assert turns.choose([0, 3, 5], LAYER_EDGES) == [0, 3, 5]
    assert turns.waiting() == []


def test_layers_take_turns_longest_waiting_first():
    turns = EdgeTurns()
    turns.budget = 8192
    everything = list(range(len(LAYER_EDGES)))
    first = turns.choose(everything, LAYER_EDGES)
    assert sum(LAYER_EDGES[l] for l in first) <= 8192
    assert first == [0, 1, 8]               # equal waits: in layer order, and the small last one still fits
    drawn = set(first)
    for frame in range(1, 5):                                    # every layer changes on every frame
        chosen = turns.choose(everything, LAYER_EDGES)
        assert sum(LAYER_EDGES[l] for l in chosen) <= 8192
        drawn |= set(chosen)
    assert drawn == set(everything)                              # all nine within five frames
    # a layer that waited longest goes before one drawn last frame
    turns = EdgeTurns()
    turns.budget = 4096
    turns.choose([1, 2], LAYER_EDGES)                           # 1 drawn, 2 waits
    assert turns.choose([1, 2], LAYER_EDGES) == [2]


def test_a_layer_larger_than_the_budget_still_gets_its_turn():
    turns = EdgeTurns()
    turns.budget = 100
    assert turns.choose([1], LAYER_EDGES) == [1]


def test_a_layer_that_changed_back_stops_waiting():
    turns = EdgeTurns()
    turns.budget = 4096
    turns.choose([1, 2], LAYER_EDGES)
    assert turns.waiting() == [2]
    turns.choose([], LAYER_EDGES)
    assert turns.waiting() == []


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(1000, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_view_with_a_budget_draws_some_layers_and_the_rest_on_release(view, monkeypatch):
    view.set_frame(demo_frame(DEEP, seed=0))
    calls = []
    for l, item in enumerate(view._edge_items):
        original = item.set_bins
        monkeypatch.setattr(item, "set_bins", lambda bins, _l=l, _o=original: (calls.append(_l), _o(bins)))
    view.set_edge_budget(8192)
    view.set_frame(demo_frame(DEEP, seed=1))                     # every layer's values change
    assert calls == [0, 1, 8]
    assert view._edge_turns.waiting() == [2, 3, 4, 5, 6, 7]
    calls.clear()
    view.set_edge_budget(None)                                   # e.g. paused: the rest now
    assert calls == [2, 3, 4, 5, 6, 7]
    fresh = NetworkView()
    fresh.resize(1000, 700)
    fresh.set_frame(demo_frame(DEEP, seed=1))
    for l in range(len(LAYER_EDGES)):
        for b in range(ns.N_BINS):
            assert view.edge_item(l).bin_size(b) == fresh.edge_item(l).bin_size(b)
    fresh.deleteLater()


def test_a_picture_draws_the_waiting_layers(view):
    view.set_frame(demo_frame(DEEP, seed=0))
    view.set_edge_budget(8192)
    view.set_frame(demo_frame(DEEP, seed=1))
    assert view._edge_turns.waiting()
    with images.export_mode(view):
        assert view._edge_turns.waiting() == []
    assert view._edge_turns.budget == 8192                       # still playing after the picture


def test_playing_sets_the_budget_and_pausing_draws_every_layer(shown, tmp_path, qtbot):
    config = {"dataset": "spiral", "n_samples": 100, "noise": 0.0, "test_ratio": 0.5,
              "hidden": [{"size": 64, "activation": "tanh"} for _ in range(8)], "lr": 0.03,
              "batch_size": 10, "seed": 0}
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = shown(MainWindow(Session(config), settings=settings))
    w.controls.animate.setChecked(False)
    view = w.network_view
    w.controls.play.trigger()
    assert view._edge_turns.budget == PLAY_EDGES_PER_FRAME
    qtbot.waitUntil(lambda: w.session.step >= 6, timeout=20000)
    w.controls.play.trigger()
    assert view._edge_turns.budget is None and view._edge_turns.waiting() == []
    bins = view._bins
    for l in range(len(view._offsets) - 1):
        item = view.edge_item(l)
        own = bins[view._offsets[l]:view._offsets[l + 1]]
        assert [item.bin_size(b) for b in range(ns.N_BINS)] == list(np.bincount(own, minlength=ns.N_BINS))
