"""File → Open on a PyTorch ``state_dict`` (.pt, .pth): ask for the activations, then open it.

A state_dict has the layers' tensors but not their activations, so a dialog
asks for one per Linear layer, proposing ReLU for the hidden layers and a
sigmoid output. The last activation chooses the loss as on the command line
(:func:`nnviz.cli.model_file.loss_for` is the command line's; the same rule
is restated here because the app may not import the cli). The file is read
by :func:`nnviz.torch.load_state_dict_file` (``weights_only=True``: a
pickled module is refused, loading it would run code from the file).

torch is an optional extra: it is imported when a model file is opened.
"""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtCore, QtWidgets

MODEL_SUFFIXES = (".pt", ".pth")
MODEL_PATTERNS = "*.pt *.pth"         # the file dialog's patterns of a PyTorch state_dict


def is_model_file(path: str | None) -> bool:
    return path is not None and Path(path).suffix.lower() in MODEL_SUFFIXES


def _torch():
    try:
        import nnviz.torch
    except ImportError:
        raise ValueError(QtCore.QCoreApplication.translate(
            "ModelFile", "Opening a PyTorch file needs torch: pip install 'nnviz[torch]'")) from None
    return nnviz.torch


def open_model_file(parent: QtWidgets.QWidget, path: str):
    """The session of the state_dict at ``path``, None when the dialog is cancelled; ValueError says why not."""
    torch_part = _torch()
    state = torch_part.state_file.read_state_dict(path)
    linears = sum(1 for value in state.values() if value.ndim == 2)
    proposal = ",".join(["relu"] * max(linears - 1, 0) + ["sigmoid"])
    text, ok = QtWidgets.QInputDialog.getText(
        parent, QtCore.QCoreApplication.translate("ModelFile", "Activations"),
        QtCore.QCoreApplication.translate("ModelFile", "%1 has %2 Linear layers. Activation after each, "
                                          "comma-separated\n(sigmoid, tanh, relu, leaky_relu, prelu, elu, "
                                          "softmax, linear):")
        .replace("%1", Path(path).name).replace("%2", str(linears)),
        QtWidgets.QLineEdit.EchoMode.Normal, proposal)
    if not ok:
        return None
    names = [a.strip().lower() for a in text.split(",") if a.strip()]
    if not names:
        raise ValueError(QtCore.QCoreApplication.translate("ModelFile", "no activations given"))
    loss = {"sigmoid": "bce", "softmax": "cross_entropy"}.get(names[-1], "mse")
    return torch_part.load_state_dict_file(path, names, loss=loss)
