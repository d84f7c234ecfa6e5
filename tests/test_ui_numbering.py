"""One numbering for a person: the inspector, the status bar and the network's header name a
selection with the same words, counted from 1 (neuron 1, x₁, W₂[3,1])."""

import pytest
from PySide6 import QtCore

from nnviz.app.main_window import MainWindow
from nnviz.session import Session
from nnviz.session.inspect import person_label

SMALL = {"dataset": "xor", "n_samples": 60, "noise": 0.05, "seed": 0, "batch_size": 6, "lr": 0.3,
         "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "tanh"}]}


@pytest.fixture
def window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    w = shown(MainWindow(Session(SMALL), settings=settings))
    for _ in range(6):                      # into the backward pass: every number is known
        w.step("phase")
    return w


def test_a_neuron_is_named_alike_everywhere(window):
    window._on_node_clicked(2, 1)           # column 2, index 1: the second neuron of layer 2
    label = person_label("neuron", 2, j=1)
    assert label == "neuron 2 of layer 2"
    assert window.statusBar().currentMessage().startswith(label)
    assert "Neuron 2 of layer 2" in window.inspector.text()
    assert f"▸ {label}" in window.network_view.current_frame().headers[2]
    # nowhere the code's 0-based index
    assert "neuron 1 of layer 2" not in window.statusBar().currentMessage()


def test_a_weight_is_named_alike_everywhere(window):
    window._on_edge_clicked(1, 2, 0)        # layer index 1 is layer 2: from neuron 3 of layer 1 to neuron 1
    label = person_label("weight", 2, 2, 0)
    assert label == "W₂[3,1]"
    assert window.statusBar().currentMessage().startswith(label)
    text = window.inspector.text()
    assert f"Weight {label}" in text and "from neuron 3 of layer 1 to neuron 1 of layer 2" in text
    assert f"▸ {label}" in window.network_view.current_frame().headers[2]
    assert window.inspector.param_label.text() == f"{label} ="


def test_an_input_is_named_alike(window):
    window._on_node_clicked(0, 0)
    assert "▸ x₁" in window.network_view.current_frame().headers[0]
