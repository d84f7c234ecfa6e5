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


# ---------------------------------------------------------------------- in the main window
@pytest.fixture
def window(shown, tmp_path):
    from PySide6 import QtCore

    from nnviz.app.main_window import MainWindow
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    return shown(MainWindow(Session({"dataset": "xor", "n_samples": 60, "seed": 0, "batch_size": 6,
                                     "hidden": [{"size": 4, "activation": "tanh"}]}), settings=settings))


def test_the_window_offers_the_views_in_its_view_menu_and_follows_clicks_theme_and_zoom(window, qtbot):
    menus = {m.title().replace("&", ""): m for m in window.findChildren(QtWidgets.QMenu)}
    view_menu = menus["View"]
    texts = [a.text() for a in view_menu.actions()]
    assert {"Loss landscape", "Activation function", "Neuron graph"} <= set(texts)
    window.step("step")
    graph_dock = window.lecture.docks["neuron_graph"]
    next(a for a in view_menu.actions() if a.text() == "Neuron graph").trigger()
    qtbot.waitUntil(graph_dock.isVisible, timeout=3000)
    window.network_view.nodeClicked.emit(2, 0)          # the output neuron
    assert window.lecture.neuron_graph.graph().layer == 2
    assert window.lecture.neuron_graph.graph().sample == window.frames.focus_index(window.session,
                                                                                   window.frame_options)
    window.set_zoom(1.5)
    window.set_theme("dark")
    assert all(v.line_scale() == 1.5 and v.theme().name == "dark" for v in window.lecture.views())


def test_loading_a_lesson_that_names_the_landscape_shows_it(window, qtbot):
    window.load_lesson("momentum")
    dock = window.lecture.docks["landscape"]
    qtbot.waitUntil(dock.isVisible, timeout=3000)
    qtbot.waitUntil(lambda: window.lecture.landscape.landscape() is not None, timeout=5000)
    window.step("step")
    qtbot.waitUntil(lambda: window.lecture.landscape.landscape().path_steps[-1] == window.session.step,
                    timeout=5000)


@pytest.mark.qt_log_ignore("This plugin does not support")      # offscreen menus cannot grab or raise
def test_each_view_exports_like_the_others(window, qtbot, tmp_path):
    from PySide6 import QtCore
    ex = window.exports
    for key in window.lecture.docks:
        window.lecture.show_view(key)
    window.step("step")
    for target, scene in (("landscape", window.lecture.landscape.view.plot_widget.scene()),
                          ("activations", window.lecture.activations.plot_widget.scene())):
        actions = scene.contextMenu
        assert [a.text() for a in actions] == ["Export this view…", "Copy this view"]
        actions[0].trigger()
        assert ex.dialog.target.currentData() == target
        ex.dialog.close()
    graph = window.lecture.neuron_graph
    qtbot.waitUntil(graph.isVisible, timeout=3000)
    qtbot.mouseClick(graph.viewport(), QtCore.Qt.MouseButton.RightButton, pos=QtCore.QPoint(5, 5))
    menu = ex.view_menu
    assert menu is not None and [a.text() for a in menu.actions()] == ["Export this view…", "Copy this view"]
    menu.actions()[0].trigger()
    menu.close()
    assert ex.dialog.target.currentData() == "neuron-graph"
    ex.dialog.close()
    image = ex.copy_view("neuron-graph")
    assert image.width() == round(graph.width() * ex.scale)
