"""File → Open on a PyTorch state_dict: the activations are asked, the model opens, its file is never saved over."""

import numpy as np
import pytest
import torch
from PySide6 import QtCore, QtWidgets
from torch import nn

from nnviz.app.main_window import MainWindow
from nnviz.session import Session


@pytest.fixture
def window(shown, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    return shown(MainWindow(Session({"hidden": [{"size": 3, "activation": "tanh"}]}), settings=settings))


@pytest.fixture
def answers(monkeypatch):
    """What the activations dialog answers, and the questions it was asked."""
    asked, replies = [], []

    def get_text(parent, title, label, mode, text):
        asked.append((label, text))
        return replies.pop(0)
    monkeypatch.setattr(QtWidgets.QInputDialog, "getText", get_text)
    return asked, replies


def _model_file(tmp_path):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 5), nn.ReLU(), nn.Linear(5, 1)).double()
    path = tmp_path / "model.pt"
    torch.save(model.state_dict(), path)
    return path, model


def test_a_state_dict_opens_with_the_activations_asked(window, answers, tmp_path):
    path, model = _model_file(tmp_path)
    asked, replies = answers
    replies.append(("relu, sigmoid", True))
    assert window.open_path(str(path))
    assert "model.pt has 2 Linear layers" in asked[0][0] and asked[0][1] == "relu,sigmoid"
    net = window.session.network
    assert net.sizes == [2, 5, 1] and [layer["activation"] for layer in net.layers] == ["relu", "sigmoid"]
    np.testing.assert_array_equal(net.params[0]["W"], model[0].weight.detach().numpy().T)
    assert window.path is None                       # Save asks for a new .json name


def test_cancel_and_a_pickled_module_keep_the_current_session(window, answers, tmp_path):
    path, model = _model_file(tmp_path)
    before = window.session
    _, replies = answers
    replies.append(("relu,sigmoid", False))
    assert not window.open_path(str(path)) and window.session is before
    whole = tmp_path / "whole.pt"
    torch.save(model, whole)
    assert not window.open_path(str(whole)) and window.session is before
    assert "would run code from the file" in window.error_box.text()
