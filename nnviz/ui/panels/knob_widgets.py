"""The pieces of the knobs panel: field labels and tips, the scientific spin box, a hidden layer's row."""

from __future__ import annotations

import math
import re

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.engine import HIDDEN_ACTIVATIONS
from nnviz.engine.spec import MAX_LAYER_SIZE
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import numbers, translate

# Field names of the config as the panel labels them (for error messages).
FIELD_LABELS = {
    "dataset": QT_TRANSLATE_NOOP("Knobs", "Data set"),
    "n_samples": QT_TRANSLATE_NOOP("Knobs", "Samples"),
    "noise": QT_TRANSLATE_NOOP("Knobs", "Noise"),
    "test_ratio": QT_TRANSLATE_NOOP("Knobs", "Test share"),
    "features": QT_TRANSLATE_NOOP("Knobs", "Input features"),
    "standardize": QT_TRANSLATE_NOOP("Knobs", "Standardize"),
    "hidden": QT_TRANSLATE_NOOP("Knobs", "Hidden layers"),
    "output_activation": QT_TRANSLATE_NOOP("Knobs", "Output activation"),
    "loss": QT_TRANSLATE_NOOP("Knobs", "Loss"),
    "init": QT_TRANSLATE_NOOP("Knobs", "Initialization"),
    "init_gain": QT_TRANSLATE_NOOP("Knobs", "Init gain"),
    "regularization": QT_TRANSLATE_NOOP("Knobs", "Regularization"),
    "reg_rate": QT_TRANSLATE_NOOP("Knobs", "Regularization rate"),
    "optimizer": QT_TRANSLATE_NOOP("Knobs", "Optimizer"),
    "lr": QT_TRANSLATE_NOOP("Knobs", "Learning rate"),
    "optimizer_options": QT_TRANSLATE_NOOP("Knobs", "Optimizer options"),
    "batch_size": QT_TRANSLATE_NOOP("Knobs", "Batch size"),
    "schedule": QT_TRANSLATE_NOOP("Knobs", "Learning-rate schedule"),
    "schedule_options": QT_TRANSLATE_NOOP("Knobs", "Schedule"),
    "clip_norm": QT_TRANSLATE_NOOP("Knobs", "Gradient clipping"),
    "early_stopping": QT_TRANSLATE_NOOP("Knobs", "Early stopping"),
    "patience": QT_TRANSLATE_NOOP("Knobs", "Patience"),
    "seed": QT_TRANSLATE_NOOP("Knobs", "Seed"),
}
ACTIVATION_TIPS = {
    "linear": QT_TRANSLATE_NOOP("Knobs", "f(u) = u: no nonlinearity; stacked linear layers collapse into one"),
    "step": QT_TRANSLATE_NOOP("Knobs", "binary step: 1 if u > 0 else 0; its derivative is 0, "
                                       "so nothing learns through it"),
    "sigmoid": QT_TRANSLATE_NOOP("Knobs", "1 / (1 + e^-u): outputs in (0, 1), derivative at most 0.25 "
                                          "(vanishing gradients)"),
    "tanh": QT_TRANSLATE_NOOP("Knobs", "tanh(u): outputs in (-1, 1), derivative at most 1"),
    "relu": QT_TRANSLATE_NOOP("Knobs", "max(0, u): derivative 1 when active, 0 otherwise (dead units)"),
    "leaky_relu": QT_TRANSLATE_NOOP("Knobs", "u if u > 0 else 0.01 u: never quite dead"),
    "prelu": QT_TRANSLATE_NOOP("Knobs", "u if u > 0 else alpha u, with a learned slope alpha per neuron"),
    "elu": QT_TRANSLATE_NOOP("Knobs", "u if u > 0 else e^u - 1: smooth, negative outputs"),
}
LOCKED_TIP = QT_TRANSLATE_NOOP("Knobs", "locked by the instructor")
"""Tooltip of a locked knob; FIELD_LABELS, ACTIVATION_TIPS and this are shown through ``translate("Knobs", ...)``."""
CHOICE_WORDS = {
    "auto": QT_TRANSLATE_NOOP("Knobs", "auto"), "none": QT_TRANSLATE_NOOP("Knobs", "none"),
    "mixed": QT_TRANSLATE_NOOP("Knobs", "mixed"), "constant": QT_TRANSLATE_NOOP("Knobs", "constant"),
    "step": QT_TRANSLATE_NOOP("Knobs", "step"), "exponential": QT_TRANSLATE_NOOP("Knobs", "exponential"),
}
"""Config values that are English words; other choices (sigmoid, adam, l2, mse) are names kept as they are."""


def fill_choices(combo: QtWidgets.QComboBox, names) -> None:
    """Entries for config values ``names``: each shown in the window's language, its value kept as item data."""
    for name in names:
        combo.addItem(translate("Knobs", CHOICE_WORDS[name]) if name in CHOICE_WORDS else name, name)


def select_choice(combo: QtWidgets.QComboBox, name: str) -> None:
    """Show the entry whose value is ``name`` (see :func:`fill_choices`)."""
    combo.setCurrentIndex(combo.findData(name))

class SciSpinBox(QtWidgets.QDoubleSpinBox):
    """A spin box for rates: shows ``0.03`` or ``1e-05``, steps along 1-2-5 per decade."""

    LADDER = (1.0, 2.0, 5.0)

    def __init__(self, minimum: float, maximum: float, parent=None) -> None:
        super().__init__(parent)
        self.setDecimals(12)
        self.setRange(minimum, maximum)
        self.setKeyboardTracking(False)

    def textFromValue(self, value: float) -> str:  # noqa: N802 (Qt API)
        return f"{value:.4g}"

    def valueFromText(self, text: str) -> float:  # noqa: N802
        try:
            return float(text.strip())
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int):
        t = text.strip()
        if re.fullmatch(r"[0-9]*\.?[0-9]*([eE][-+]?[0-9]*)?", t) is None:
            return QtGui.QValidator.State.Invalid, text, pos
        try:
            v = float(t)
        except ValueError:
            return QtGui.QValidator.State.Intermediate, text, pos
        ok = self.minimum() <= v <= self.maximum()
        return (QtGui.QValidator.State.Acceptable if ok else QtGui.QValidator.State.Intermediate), text, pos

    def stepBy(self, steps: int) -> None:  # noqa: N802
        v = self.value()
        if v <= 0:
            v = self.minimum() if self.minimum() > 0 else 1e-4
            if steps < 0:
                return
        for _ in range(abs(steps)):
            v = _ladder_step(v, 1 if steps > 0 else -1)
        self.setValue(min(max(v, self.minimum()), self.maximum()))
class LayerRow(QtCore.QObject):
    """The controls of one hidden layer: units, activation, batch norm, dropout, residual, remove."""

    def __init__(self, panel: "KnobsPanel", index: int) -> None:
        super().__init__(panel)
        self.index = index
        self.name = QtWidgets.QLabel(f"L{index + 1}")
        self.size = QtWidgets.QSpinBox()
        self.size.setRange(1, MAX_LAYER_SIZE)
        self.size.setKeyboardTracking(False)
        self.size.setMaximumWidth(64)
        layer = numbers(str(index + 1))
        self.size.setToolTip(self.tr("Neurons in hidden layer {layer}").format(layer=layer))
        self.activation = QtWidgets.QComboBox()
        for name in HIDDEN_ACTIVATIONS:
            self.activation.addItem(name)
            tip = translate("Knobs", ACTIVATION_TIPS.get(name, name))
            self.activation.setItemData(self.activation.count() - 1, tip, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.activation.setToolTip(self.tr("Activation of hidden layer {layer}").format(layer=layer))
        self.activation.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activation.setMinimumContentsLength(5)
        self.batch_norm = QtWidgets.QCheckBox()
        self.batch_norm.setToolTip(self.tr("Batch normalization in layer {layer} (rebuilds the network)").format(
            layer=layer))
        self.dropout = QtWidgets.QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.95)
        self.dropout.setSingleStep(0.1)
        self.dropout.setDecimals(2)
        self.dropout.setKeyboardTracking(False)
        self.dropout.setMaximumWidth(64)
        self.dropout.setToolTip(self.tr("Dropout rate of layer {layer}: share of its neurons silenced in "
                                        "each training step (0 = off); applies at the next step").format(
            layer=layer))
        self.residual = QtWidgets.QCheckBox()
        self.remove = QtWidgets.QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(self.tr("Remove hidden layer {layer}").format(layer=layer))
        self.widgets = [self.name, self.size, self.activation, self.batch_norm, self.dropout,
                        self.residual, self.remove]
        i = index
        self.size.valueChanged.connect(lambda v: panel._set_layer(i, size=v))
        self.activation.currentTextChanged.connect(lambda t: panel._set_layer(i, activation=t))
        self.batch_norm.toggled.connect(lambda on: panel._set_layer(i, batch_norm=on))
        self.dropout.valueChanged.connect(lambda v: panel._set_layer(i, dropout=round(v, 4)))
        self.residual.toggled.connect(lambda on: panel._set_layer(i, residual=on))
        self.remove.clicked.connect(lambda: panel.remove_layer(i))


def friendly_error(message: str) -> str:
    """``"config.hidden[1].size: must be ..."`` -> ``"Hidden layers, layer 2, size: must be ..."``."""
    m = re.match(r"config\.([a-z_]+)(\[(\d+)\])?(\.([a-z_.]+))?: (.*)", message, re.S)
    if not m:
        return message
    field, _, index, _, sub, rest = m.groups()
    label = translate("Knobs", FIELD_LABELS[field]) if field in FIELD_LABELS else field
    if index is not None:
        label += f", layer {int(index) + 1}"
    if sub:
        label += f", {sub.replace('_', ' ')}"
    return f"{label}: {rest}"


def _ladder_step(v: float, direction: int) -> float:
    exp = math.floor(math.log10(v))
    marks = [m * 10.0 ** e for e in (exp - 1, exp, exp + 1) for m in SciSpinBox.LADDER]
    if direction > 0:
        bigger = [m for m in marks if m > v * (1 + 1e-9)]
        return min(bigger)
    smaller = [m for m in marks if m < v * (1 - 1e-9)]
    return max(smaller)

