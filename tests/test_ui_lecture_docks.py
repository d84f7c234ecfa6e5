"""LectureDocks: the landscape, activation and neuron-graph docks follow the window's session, draw only
when visible, open for the lessons that name them, and show the neuron clicked in the network view."""

import pytest
from PySide6 import QtWidgets

from nnviz.app.lecture_docks import LectureDocks
from nnviz.session import Session
from nnviz.ui.network.view import NetworkView
from nnviz.ui.session_adapter import SessionAdapter


@pytest.fixture
def setup(qtbot):
    window = QtWidgets.QMainWindow()
    network = NetworkView()
    window.setCentralWidget(network)
    adapter = SessionAdapter(Session({"dataset": "circle", "n_samples": 60, "seed": 2, "batch_size": 10,
                                      "hidden": [{"size": 4, "activation": "tanh"}]}), window)
    state = {"playing": False}
    docks = LectureDocks(window, adapter, network, lambda: 1, lambda: state["playing"])
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    yield window, adapter, network, docks, state
    adapter.detach()


def test_hidden_docks_compute_nothing(setup):
    _w, adapter, _n, docks, _s = setup
    adapter.session.run(5)
    docks.refresh(force=True)
    assert docks.landscape.computations == 0
    assert docks.activations.curves() is None and docks.neuron_graph.graph() is None


def test_shown_docks_draw_the_current_session(setup, qtbot):
    _w, adapter, _n, docks, _s = setup
    s = adapter.session
    s.run(5)
    for key in docks.docks:
        docks.show_view(key)
    qtbot.waitUntil(lambda: docks.landscape.landscape() is not None, timeout=5000)
    assert docks.landscape.landscape().path_steps[-1] == 5
    curves = docks.activations.curves()
    assert curves is not None and curves.layer == 1
    graph = docks.neuron_graph.graph()
    assert (graph.layer, graph.neuron, graph.sample) == (1, 0, 1)
    s.advance("phase")          # a step's first phase: the landscape follows when paused
    s.run(1)
    qtbot.waitUntil(lambda: docks.landscape.landscape().path_steps[-1] == s.step, timeout=5000)


def test_a_clicked_neuron_is_unrolled(setup):
    _w, adapter, network, docks, _s = setup
    adapter.session.run(2)
    docks.show_view("neuron_graph")
    network.nodeClicked.emit(2, 0)
    assert (docks.neuron_graph.graph().layer, docks.neuron_graph.graph().neuron) == (2, 0)
    network.nodeClicked.emit(0, 1)                      # an input has no graph: unchanged
    assert docks.neuron_graph.graph().layer == 2
    assert "neuron 1 of layer 2" in docks.neuron_graph._caption


def test_a_lesson_that_names_a_view_opens_it_and_a_rebuild_resets_choices(setup, qtbot):
    _w, adapter, network, docks, _s = setup
    docks.neuron = (2, 0)
    adapter.set_session(Session.from_lesson("momentum"))     # no hidden layer: only layer 1
    assert docks.docks["landscape"].isVisible()
    assert docks.neuron == (1, 0)
    assert docks.activations.chooser.count() == 1
    qtbot.waitUntil(lambda: docks.landscape.landscape() is not None, timeout=5000)


def test_theme_and_zoom_reach_every_view(setup):
    _w, _a, _n, docks, _s = setup
    docks.set_theme("dark")
    docks.set_line_scale(2.0)
    assert all(v.theme().name == "dark" and v.line_scale() == 2.0 for v in docks.views())
    assert [a.text() for a in docks.menu_actions()] == ["Loss landscape", "Activation function", "Neuron graph"]
