"""The side panel of knobs: data, network and training settings of the session.

Every control turns into one ``session.configure(...)`` call; the panel
holds no state of its own and redraws from ``session.config`` whenever the
session says something changed (through the
:class:`~nnviz.ui.session_adapter.SessionAdapter`).  Invalid combinations are
prevented where the panel can see them coming (batch norm needs batches of 2
or more, a residual connection needs a layer as wide as its input, at least
one input feature) and explained otherwise: the session refuses a bad value
with a ValueError naming the field, nothing changes, and the panel shows the
reason in red under the tabs (and emits ``problem``) instead of failing.

Structural knobs (data, layers, activations, init, seed) rebuild the network
and start again at step 0; rates (learning rate, regularization, dropout rate,
clipping, batch size) take effect at the next step.  Teachers can lock knobs or
hide them through the config's ``classroom`` section.
"""

from __future__ import annotations

import copy
import math
import re

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.data import DATASETS, FEATURES
from nnviz.engine import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS
from nnviz.engine.optimizers import OPTIMIZERS as _OPT_CLASSES
from nnviz.engine.spec import MAX_LAYER_SIZE
from nnviz.session.config import (
    DEFAULT_HIDDEN, LOSS_CHOICES, MAX_HIDDEN_LAYERS, OUTPUT_ACTIVATIONS, REGULARIZERS, SCHEDULES,
)
from nnviz.ui.session_adapter import SessionAdapter

# Field names of the config as the panel labels them (for error messages).
FIELD_LABELS = {
    "dataset": "Data set", "n_samples": "Samples", "noise": "Noise", "test_ratio": "Test share",
    "features": "Input features", "standardize": "Standardize", "hidden": "Hidden layers",
    "output_activation": "Output activation", "loss": "Loss", "init": "Initialization",
    "init_gain": "Init gain", "regularization": "Regularization", "reg_rate": "Regularization rate",
    "optimizer": "Optimizer", "lr": "Learning rate", "optimizer_options": "Optimizer options",
    "batch_size": "Batch size", "schedule": "Learning-rate schedule", "schedule_options": "Schedule",
    "clip_norm": "Gradient clipping", "early_stopping": "Early stopping", "patience": "Patience",
    "seed": "Seed",
}

ACTIVATION_TIPS = {
    "linear": "f(u) = u: no nonlinearity; stacked linear layers collapse into one",
    "step": "binary step: 1 if u > 0 else 0; its derivative is 0, so nothing learns through it",
    "sigmoid": "1 / (1 + e^-u): outputs in (0, 1), derivative at most 0.25 (vanishing gradients)",
    "tanh": "tanh(u): outputs in (-1, 1), derivative at most 1",
    "relu": "max(0, u): derivative 1 when active, 0 otherwise (dead units)",
    "leaky_relu": "u if u > 0 else 0.01 u: never quite dead",
    "prelu": "u if u > 0 else alpha u, with a learned slope alpha per neuron",
    "elu": "u if u > 0 else e^u - 1: smooth, negative outputs",
}


LOCKED_TIP = "locked by the instructor"


def friendly_error(message: str) -> str:
    """``"config.hidden[1].size: must be ..."`` -> ``"Hidden layers, layer 2, size: must be ..."``."""
    m = re.match(r"config\.([a-z_]+)(\[(\d+)\])?(\.([a-z_.]+))?: (.*)", message, re.S)
    if not m:
        return message
    field, _, index, _, sub, rest = m.groups()
    label = FIELD_LABELS.get(field, field)
    if index is not None:
        label += f", layer {int(index) + 1}"
    if sub:
        label += f", {sub.replace('_', ' ')}"
    return f"{label}: {rest}"


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


def _ladder_step(v: float, direction: int) -> float:
    exp = math.floor(math.log10(v))
    marks = [m * 10.0 ** e for e in (exp - 1, exp, exp + 1) for m in SciSpinBox.LADDER]
    if direction > 0:
        bigger = [m for m in marks if m > v * (1 + 1e-9)]
        return min(bigger)
    smaller = [m for m in marks if m < v * (1 - 1e-9)]
    return max(smaller)


class _LayerRow(QtCore.QObject):
    """The controls of one hidden layer: units, activation, batch norm, dropout, residual, remove."""

    def __init__(self, panel: "KnobsPanel", index: int) -> None:
        super().__init__(panel)
        self.index = index
        self.name = QtWidgets.QLabel(f"L{index + 1}")
        self.size = QtWidgets.QSpinBox()
        self.size.setRange(1, MAX_LAYER_SIZE)
        self.size.setKeyboardTracking(False)
        self.size.setMaximumWidth(64)
        self.size.setToolTip(f"Neurons in hidden layer {index + 1}")
        self.activation = QtWidgets.QComboBox()
        for name in HIDDEN_ACTIVATIONS:
            self.activation.addItem(name)
            self.activation.setItemData(self.activation.count() - 1, ACTIVATION_TIPS.get(name, name),
                                        QtCore.Qt.ItemDataRole.ToolTipRole)
        self.activation.setToolTip(f"Activation of hidden layer {index + 1}")
        self.activation.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.activation.setMinimumContentsLength(5)
        self.batch_norm = QtWidgets.QCheckBox()
        self.batch_norm.setToolTip(f"Batch normalization in layer {index + 1} (rebuilds the network)")
        self.dropout = QtWidgets.QDoubleSpinBox()
        self.dropout.setRange(0.0, 0.95)
        self.dropout.setSingleStep(0.1)
        self.dropout.setDecimals(2)
        self.dropout.setKeyboardTracking(False)
        self.dropout.setMaximumWidth(64)
        self.dropout.setToolTip(f"Dropout rate of layer {index + 1}: share of its neurons silenced in "
                                "each training step (0 = off); applies at the next step")
        self.residual = QtWidgets.QCheckBox()
        self.remove = QtWidgets.QToolButton()
        self.remove.setText("×")
        self.remove.setToolTip(f"Remove hidden layer {index + 1}")
        self.widgets = [self.name, self.size, self.activation, self.batch_norm, self.dropout,
                        self.residual, self.remove]
        i = index
        self.size.valueChanged.connect(lambda v: panel._set_layer(i, size=v))
        self.activation.currentTextChanged.connect(lambda t: panel._set_layer(i, activation=t))
        self.batch_norm.toggled.connect(lambda on: panel._set_layer(i, batch_norm=on))
        self.dropout.valueChanged.connect(lambda v: panel._set_layer(i, dropout=round(v, 4)))
        self.residual.toggled.connect(lambda on: panel._set_layer(i, residual=on))
        self.remove.clicked.connect(lambda: panel.remove_layer(i))


class KnobsPanel(QtWidgets.QWidget):
    """Tabs "Data", "Network", "Training" over the session's config.

    Signals: ``problem(str)`` with a user-facing explanation when a change was
    refused ("" when the last change went through).
    """

    problem = QtCore.Signal(str)

    def __init__(self, adapter: SessionAdapter, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._adapter = adapter
        self._refreshing = False
        self._rows: list[_LayerRow] = []
        self._dropout_rate = 0.3
        self._knob_widgets: dict[str, list[QtWidgets.QWidget]] = {}
        self._unlocked_tips: dict[QtWidgets.QWidget, str] = {}     # tooltips of locked knobs

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._scroll(self._build_data()), "Data")
        self.tabs.addTab(self._scroll(self._build_network()), "Network")
        self.tabs.addTab(self._scroll(self._build_training()), "Training")
        self.tabs.setTabToolTip(0, "Data set, noise, input features, train/test split, seed")
        self.tabs.setTabToolTip(1, "Layers and neurons, activations, batch norm, dropout, residuals, init")
        self.tabs.setTabToolTip(2, "Optimizer, learning rate and schedule, batch size, loss, "
                                   "regularization, clipping, early stopping")
        for combo in self.findChildren(QtWidgets.QComboBox):
            combo.setSizeAdjustPolicy(QtWidgets.QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("QLabel { color: #b00020; }")
        self.message.setVisible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        adapter.changed.connect(self._on_session_event)
        self.refresh()

    @property
    def session(self):
        return self._adapter.session

    # ------------------------------------------------------------------ building
    @staticmethod
    def _scroll(widget: QtWidgets.QWidget) -> QtWidgets.QScrollArea:
        area = QtWidgets.QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        area.setWidget(widget)
        return area

    def _knob(self, name: str, *widgets: QtWidgets.QWidget) -> None:
        self._knob_widgets.setdefault(name, []).extend(widgets)

    @staticmethod
    def _form() -> QtWidgets.QFormLayout:
        form = QtWidgets.QFormLayout()
        form.setFieldGrowthPolicy(QtWidgets.QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(QtCore.Qt.AlignmentFlag.AlignRight | QtCore.Qt.AlignmentFlag.AlignVCenter)
        return form

    def _build_data(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        form = self._form()
        page.setLayout(form)
        self.dataset = QtWidgets.QComboBox()
        for name, info in DATASETS.items():
            self.dataset.addItem(name, name)
            self.dataset.setItemData(self.dataset.count() - 1, info.description, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.dataset.setToolTip("The data set (rebuilds the network and starts again at step 0)")
        self.dataset.activated.connect(lambda _i: self._apply(**self._dataset_change(self.dataset.currentData())))
        form.addRow("Data set", self.dataset)
        self._knob("dataset", self.dataset)
        self.dataset_info = QtWidgets.QLabel()
        self.dataset_info.setWordWrap(True)
        self.dataset_info.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
        form.addRow(self.dataset_info)

        self.n_samples = QtWidgets.QSpinBox()
        self.n_samples.setRange(10, 5000)
        self.n_samples.setSingleStep(50)
        self.n_samples.setKeyboardTracking(False)
        self.n_samples.setToolTip("Number of points generated (train and test together)")
        self.n_samples.valueChanged.connect(lambda v: self._apply(n_samples=v))
        form.addRow("Samples", self.n_samples)
        self._knob("n_samples", self.n_samples)

        self.noise = QtWidgets.QDoubleSpinBox()
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.05)
        self.noise.setDecimals(2)
        self.noise.setKeyboardTracking(False)
        self.noise.valueChanged.connect(lambda v: self._apply(noise=round(v, 4)))
        form.addRow("Noise", self.noise)
        self._knob("noise", self.noise)

        self.test_ratio = QtWidgets.QSpinBox()
        self.test_ratio.setRange(0, 90)
        self.test_ratio.setSingleStep(5)
        self.test_ratio.setSuffix(" % test")
        self.test_ratio.setKeyboardTracking(False)
        self.test_ratio.setToolTip("Share of the points held out as the test set (never trained on)")
        self.test_ratio.valueChanged.connect(lambda v: self._apply(test_ratio=v / 100.0))
        form.addRow("Train / test", self.test_ratio)
        self._knob("test_ratio", self.test_ratio)

        box = QtWidgets.QGroupBox("Input features")
        box.setToolTip("What the network sees of each 2-D point (as in TensorFlow Playground); "
                       "only for data sets with two inputs")
        grid = QtWidgets.QGridLayout(box)
        self.features: dict[str, QtWidgets.QCheckBox] = {}
        for k, name in enumerate(FEATURES):
            check = QtWidgets.QCheckBox(name)
            check.setToolTip(f"Feed {name} to the network as an input")
            check.toggled.connect(lambda _on: self._apply_features())
            grid.addWidget(check, k // 3, k % 3)
            self.features[name] = check
        form.addRow(box)
        self._features_box = box
        self._knob("features", box)

        self.standardize = QtWidgets.QCheckBox("Standardize inputs")
        self.standardize.setToolTip("Scale every input (and a regression target) to mean 0, std 1 "
                                    "using the training set's statistics")
        self.standardize.toggled.connect(lambda on: self._apply(standardize=on))
        form.addRow(self.standardize)
        self._knob("standardize", self.standardize)

        row = QtWidgets.QHBoxLayout()
        self.seed = QtWidgets.QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip("Seed of every random choice: data, split, initial weights, batches, "
                             "dropout. The same seed replays the same run.")
        self.seed.valueChanged.connect(lambda v: self._apply(seed=v))
        self.new_seed = QtWidgets.QPushButton("New")
        self.new_seed.setToolTip("Pick the next seed: new data and new initial weights")
        self.new_seed.clicked.connect(lambda: self.seed.setValue(self.seed.value() + 1))
        row.addWidget(self.seed, 1)
        row.addWidget(self.new_seed)
        form.addRow("Seed", row)
        self._knob("seed", self.seed, self.new_seed)
        return page

    def _build_network(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        outer = QtWidgets.QVBoxLayout(page)
        form = self._form()
        outer.addLayout(form)

        self.activation = QtWidgets.QComboBox()
        self.activation.addItem("mixed")
        for name in HIDDEN_ACTIVATIONS:
            self.activation.addItem(name)
            self.activation.setItemData(self.activation.count() - 1, ACTIVATION_TIPS.get(name, name),
                                        QtCore.Qt.ItemDataRole.ToolTipRole)
        self.activation.setToolTip("Activation of every hidden layer (set one layer below or from its "
                                   "header in the network view)")
        self.activation.activated.connect(lambda _i: self._set_all_layers(activation=self.activation.currentText())
                                          if self.activation.currentText() != "mixed" else None)
        form.addRow("Activation", self.activation)

        self.batch_norm = QtWidgets.QCheckBox("Batch norm in every hidden layer")
        self.batch_norm.setToolTip("Normalize each hidden layer's pre-activations over the mini-batch "
                                   "(rebuilds the network; needs batches of 2 or more)")
        self.batch_norm.clicked.connect(lambda on: self._set_all_layers(batch_norm=bool(on)))
        form.addRow("Batch norm", self.batch_norm)

        row = QtWidgets.QHBoxLayout()
        self.dropout = QtWidgets.QCheckBox("on, rate")
        self.dropout.setToolTip("Dropout in every hidden layer: each training step silences this share "
                                "of the neurons at random (applies at the next step, keeps the weights)")
        self.dropout.clicked.connect(self._toggle_dropout)
        self.dropout_rate = QtWidgets.QDoubleSpinBox()
        self.dropout_rate.setRange(0.05, 0.95)
        self.dropout_rate.setSingleStep(0.05)
        self.dropout_rate.setDecimals(2)
        self.dropout_rate.setValue(self._dropout_rate)
        self.dropout_rate.setKeyboardTracking(False)
        self.dropout_rate.setToolTip("Dropout rate used when dropout is switched on")
        self.dropout_rate.valueChanged.connect(self._dropout_rate_changed)
        row.addWidget(self.dropout)
        row.addWidget(self.dropout_rate, 1)
        form.addRow("Dropout", row)

        self.residual = QtWidgets.QCheckBox("Residual connections")
        self.residual.setToolTip("a = f(z) + input in every hidden layer as wide as its input "
                                 "(rebuilds the network)")
        self.residual.clicked.connect(self._toggle_residual)
        form.addRow("Residual", self.residual)
        self._knob("hidden", self.activation, self.batch_norm, self.dropout, self.dropout_rate, self.residual)

        box = QtWidgets.QGroupBox("Hidden layers")
        box.setToolTip("Units, activation, batch norm, dropout and residual connection of each "
                       "hidden layer; the output layer follows from the data")
        self._layers_grid = QtWidgets.QGridLayout(box)
        self._layers_grid.setHorizontalSpacing(4)
        for col, (text, tip) in enumerate((("", ""), ("units", "neurons in the layer"),
                                           ("activation", ""), ("BN", "batch norm"),
                                           ("dropout", "dropout rate"), ("res", "residual connection"))):
            label = QtWidgets.QLabel(text)
            label.setToolTip(tip)
            label.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
            self._layers_grid.addWidget(label, 0, col)
        self._layers_grid.setColumnStretch(2, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.add_layer_button = QtWidgets.QPushButton("Add layer")
        self.add_layer_button.setToolTip("Add a hidden layer before the output (a copy of the last one)")
        self.add_layer_button.clicked.connect(lambda: self.add_layer())
        self.remove_layer_button = QtWidgets.QPushButton("Remove layer")
        self.remove_layer_button.setToolTip("Remove the last hidden layer")
        self.remove_layer_button.clicked.connect(lambda: self.remove_layer(len(self.session.config["hidden"]) - 1))
        buttons.addWidget(self.add_layer_button)
        buttons.addWidget(self.remove_layer_button)
        self._layers_box = box
        outer.addWidget(box)
        outer.addLayout(buttons)
        self._knob("hidden", box, self.add_layer_button, self.remove_layer_button)

        form2 = self._form()
        outer.addLayout(form2)
        self.output_activation = QtWidgets.QComboBox()
        self.output_activation.addItems(list(OUTPUT_ACTIVATIONS))
        self.output_activation.setToolTip("Activation of the output layer; auto: sigmoid for two classes, "
                                          "softmax for more, linear for regression")
        self.output_activation.activated.connect(
            lambda _i: self._apply(output_activation=self.output_activation.currentText()))
        form2.addRow("Output", self.output_activation)
        self._knob("output_activation", self.output_activation)

        self.init = QtWidgets.QComboBox()
        self.init.addItems(list(INITIALIZERS))
        self.init.setToolTip("How the initial weights are drawn (zeros: every neuron stays the same)")
        self.init.activated.connect(lambda _i: self._apply(init=self.init.currentText()))
        form2.addRow("Init", self.init)
        self._knob("init", self.init)
        self.init_gain = QtWidgets.QDoubleSpinBox()
        self.init_gain.setRange(0.0, 1000.0)
        self.init_gain.setSingleStep(0.25)
        self.init_gain.setDecimals(2)
        self.init_gain.setKeyboardTracking(False)
        self.init_gain.setToolTip("Multiplies every initial weight: above 1 the gradients can explode, "
                                  "below 1 they can vanish")
        self.init_gain.valueChanged.connect(lambda v: self._apply(init_gain=round(v, 4)))
        form2.addRow("Init gain", self.init_gain)
        self._knob("init_gain", self.init_gain)
        outer.addStretch(1)
        return page

    def _build_training(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        form = self._form()
        page.setLayout(form)

        self.optimizer = QtWidgets.QComboBox()
        self.optimizer.addItems(list(OPTIMIZERS))
        self.optimizer.setToolTip("Update rule (torch.optim names and defaults); keeps the weights")
        self.optimizer.activated.connect(lambda _i: self._change_optimizer(self.optimizer.currentText()))
        form.addRow("Optimizer", self.optimizer)
        self._knob("optimizer", self.optimizer)

        self.lr = SciSpinBox(1e-6, 100.0)
        self.lr.setToolTip("Learning rate: each update moves the weights by lr × gradient "
                           "(arrows step 1-2-5 per decade)")
        self.lr.valueChanged.connect(lambda v: self._apply(lr=float(f"{v:.6g}")))
        form.addRow("Learning rate", self.lr)
        self._knob("lr", self.lr)

        self.momentum = QtWidgets.QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.999)
        self.momentum.setSingleStep(0.1)
        self.momentum.setDecimals(3)
        self.momentum.setKeyboardTracking(False)
        self.momentum.setToolTip("Momentum of SGD and RMSprop: the update keeps this share of the previous one")
        self.momentum.valueChanged.connect(self._momentum_changed)
        form.addRow("Momentum", self.momentum)
        self._knob("optimizer_options", self.momentum)

        row = QtWidgets.QHBoxLayout()
        self.schedule = QtWidgets.QComboBox()
        self.schedule.addItems(list(SCHEDULES))
        self.schedule.setToolTip("Learning-rate schedule: constant; step (× gamma every step_size steps); "
                                 "exponential (× decay_rate every decay_steps steps)")
        self.schedule.activated.connect(lambda _i: self._apply(schedule=self.schedule.currentText()))
        self.schedule_factor = QtWidgets.QDoubleSpinBox()
        self.schedule_factor.setRange(0.01, 1.0)
        self.schedule_factor.setSingleStep(0.05)
        self.schedule_factor.setDecimals(2)
        self.schedule_factor.setKeyboardTracking(False)
        self.schedule_factor.setPrefix("× ")
        self.schedule_factor.setToolTip("Factor of the schedule (gamma or decay rate)")
        self.schedule_factor.valueChanged.connect(self._schedule_changed)
        self.schedule_every = QtWidgets.QSpinBox()
        self.schedule_every.setRange(1, 100000)
        self.schedule_every.setKeyboardTracking(False)
        self.schedule_every.setPrefix("every ")
        self.schedule_every.setToolTip("Steps between two factors (step size or decay steps)")
        self.schedule_every.valueChanged.connect(self._schedule_changed)
        form.addRow("Schedule", self.schedule)
        row.addWidget(self.schedule_factor)
        row.addWidget(self.schedule_every)
        form.addRow("Decay", row)
        self._knob("schedule", self.schedule, self.schedule_factor, self.schedule_every)

        self.batch_size = QtWidgets.QSpinBox()
        self.batch_size.setRange(1, 100000)
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip("Samples per mini-batch: 1 is stochastic gradient descent, the whole "
                                   "training set is batch gradient descent")
        self.batch_size.valueChanged.connect(lambda v: self._apply(batch_size=v))
        self.batch_info = QtWidgets.QLabel()
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.batch_size, 1)
        row.addWidget(self.batch_info)
        form.addRow("Batch size", row)
        self._knob("batch_size", self.batch_size)

        self.loss = QtWidgets.QComboBox()
        self.loss.addItems(list(LOSS_CHOICES))
        self.loss.setToolTip("Loss: auto picks bce for two classes, cross-entropy for more, mse for "
                             "regression (rebuilds the network)")
        self.loss.activated.connect(lambda _i: self._apply(loss=self.loss.currentText()))
        form.addRow("Loss", self.loss)
        self._knob("loss", self.loss)

        row = QtWidgets.QHBoxLayout()
        self.regularization = QtWidgets.QComboBox()
        self.regularization.addItems(list(REGULARIZERS))
        self.regularization.setToolTip("Penalty on the weights added to the loss: l2 = rate × Σw², "
                                       "l1 = rate × Σ|w|")
        self.regularization.activated.connect(
            lambda _i: self._apply(regularization=self.regularization.currentText()))
        self.reg_rate = SciSpinBox(0.0, 10.0)
        self.reg_rate.setToolTip("Regularization rate")
        self.reg_rate.valueChanged.connect(lambda v: self._apply(reg_rate=float(f"{v:.6g}")))
        row.addWidget(self.regularization)
        row.addWidget(self.reg_rate, 1)
        form.addRow("Regularization", row)
        self._knob("regularization", self.regularization)
        self._knob("reg_rate", self.reg_rate)

        row = QtWidgets.QHBoxLayout()
        self.clip = QtWidgets.QCheckBox("max norm")
        self.clip.setToolTip("Gradient clipping: rescale the whole gradient when its global norm "
                             "exceeds the limit")
        self.clip.clicked.connect(lambda on: self._apply(clip_norm=self.clip_norm.value() if on else 0.0))
        self.clip_norm = SciSpinBox(1e-4, 1e6)
        self.clip_norm.setValue(1.0)
        self.clip_norm.setToolTip("Largest global gradient norm allowed")
        self.clip_norm.valueChanged.connect(
            lambda v: self._apply(clip_norm=float(f"{v:.6g}")) if self.clip.isChecked() else None)
        row.addWidget(self.clip)
        row.addWidget(self.clip_norm, 1)
        form.addRow("Clip gradients", row)
        self._knob("clip_norm", self.clip, self.clip_norm)

        row = QtWidgets.QHBoxLayout()
        self.early_stopping = QtWidgets.QCheckBox("patience")
        self.early_stopping.setToolTip("Stop playing when the test loss has not improved for this many steps")
        self.early_stopping.toggled.connect(lambda on: self._apply(early_stopping=on))
        self.patience = QtWidgets.QSpinBox()
        self.patience.setRange(1, 1000000)
        self.patience.setSingleStep(50)
        self.patience.setKeyboardTracking(False)
        self.patience.setSuffix(" steps")
        self.patience.setToolTip("Steps without a better test loss before stopping")
        self.patience.valueChanged.connect(lambda v: self._apply(patience=v))
        row.addWidget(self.early_stopping)
        row.addWidget(self.patience, 1)
        form.addRow("Early stopping", row)
        self._knob("early_stopping", self.early_stopping)
        self._knob("patience", self.patience)
        return page

    # ------------------------------------------------------------------ refresh
    def _on_session_event(self, event: str) -> None:
        if event in ("session", "rebuild", "config"):
            self.refresh()

    def refresh(self) -> None:
        """Show the session's config (signals of the controls are blocked meanwhile)."""
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        s = self.session
        c = s.config
        for widgets in self._knob_widgets.values():     # a lesson may have locked some before
            for w in widgets:
                w.setEnabled(True)
        info = DATASETS.get(c["dataset"])
        if self.dataset.findData(c["dataset"]) < 0:
            self.dataset.addItem(c["dataset"], c["dataset"])
        self.dataset.setCurrentIndex(self.dataset.findData(c["dataset"]))
        ds = s.prep.dataset
        n_train, n_test = len(s.prep.train), len(s.prep.test)
        self.dataset_info.setText(f"{info.description if info else c['dataset']}\n"
                                  f"{ds.task}, {ds.n_inputs} input{'s' if ds.n_inputs > 1 else ''}; "
                                  f"{n_train} train, {n_test} test")
        shipped = bool(info and info.shipped) or c["dataset"] in ("custom", "csv")
        self.n_samples.setValue(c["n_samples"])
        self.n_samples.setEnabled(not shipped)
        self.noise.setValue(c["noise"])
        self.noise.setEnabled(not shipped)
        self.noise.setToolTip((info.noise_help if info and info.noise_help else "no noise knob for this data set"))
        self.test_ratio.setValue(int(round(c["test_ratio"] * 100)))
        two_d = ds.n_inputs == 2
        self._features_box.setEnabled(two_d)
        for name, check in self.features.items():
            check.setChecked(name in c["features"])
            check.setEnabled(not (name in c["features"] and len(c["features"]) == 1))
        self.standardize.setChecked(c["standardize"])
        self.seed.setValue(c["seed"])

        hidden = c["hidden"]
        acts = {h["activation"] for h in hidden}
        self.activation.setCurrentText(acts.pop() if len(acts) == 1 else "mixed")
        self.activation.setEnabled(bool(hidden))
        bn = [h["batch_norm"] for h in hidden]
        self.batch_norm.setTristate(False)
        self.batch_norm.setCheckState(QtCore.Qt.CheckState.Checked if bn and all(bn) else
                                      QtCore.Qt.CheckState.PartiallyChecked if any(bn) else
                                      QtCore.Qt.CheckState.Unchecked)
        bn_blocked = c["batch_size"] < 2
        self.batch_norm.setEnabled(bool(hidden) and not bn_blocked)
        self.batch_norm.setToolTip("Batch norm needs mini-batches of 2 or more samples: raise the batch "
                                   "size first" if bn_blocked else
                                   "Normalize each hidden layer's pre-activations over the mini-batch "
                                   "(rebuilds the network; needs batches of 2 or more)")
        rates = [h["dropout"] for h in hidden if h["dropout"] > 0]
        self.dropout.setChecked(bool(rates))
        if rates:
            self._dropout_rate = max(rates)
        self.dropout_rate.setValue(self._dropout_rate)
        self.dropout.setEnabled(bool(hidden))
        fan_in = [s.prep.n_inputs] + [h["size"] for h in hidden[:-1]]
        eligible = [h["size"] == f for h, f in zip(hidden, fan_in)]
        self.residual.setChecked(any(h["residual"] for h in hidden))
        self.residual.setEnabled(any(eligible))
        self.residual.setToolTip(
            "a = f(z) + input in every hidden layer as wide as its input (rebuilds the network)"
            if any(eligible) else "No hidden layer is as wide as its input: give consecutive layers "
                                  "the same number of units to allow residual connections")
        self._refresh_rows(hidden, fan_in, eligible, bn_blocked)
        self.add_layer_button.setEnabled(len(hidden) < MAX_HIDDEN_LAYERS)
        self.remove_layer_button.setEnabled(bool(hidden))
        self.output_activation.setCurrentText(c["output_activation"])
        self.output_activation.setToolTip(f"Activation of the output layer (now {s.prep.output_activation}); "
                                          "auto: sigmoid for two classes, softmax for more, linear for regression")
        self.init.setCurrentText(c["init"])
        self.init_gain.setValue(c["init_gain"])

        self.optimizer.setCurrentText(c["optimizer"])
        self.lr.setValue(c["lr"])
        opts = c["optimizer_options"]
        has_momentum = "momentum" in _OPT_CLASSES[c["optimizer"]].defaults
        self.momentum.setEnabled(has_momentum)
        self.momentum.setValue(float(opts.get("momentum", 0.0)) if has_momentum else 0.0)
        self.schedule.setCurrentText(c["schedule"])
        so = c["schedule_options"]
        step_kind = c["schedule"] == "step"
        self.schedule_factor.setValue(so["gamma"] if step_kind else so["decay_rate"])
        self.schedule_every.setValue(so["step_size"] if step_kind else so["decay_steps"])
        self.schedule_factor.setEnabled(c["schedule"] != "constant")
        self.schedule_every.setEnabled(c["schedule"] != "constant")
        self.batch_size.setMinimum(2 if any(bn) else 1)
        self.batch_size.setMaximum(max(2, n_train))
        self.batch_size.setValue(c["batch_size"])
        self.batch_info.setText(f"of {n_train}")
        self.loss.setCurrentText(c["loss"])
        self.loss.setToolTip(f"Loss (now {s.prep.loss}); auto picks bce for two classes, cross-entropy for "
                             "more, mse for regression (rebuilds the network)")
        self.regularization.setCurrentText(c["regularization"])
        self.reg_rate.setValue(c["reg_rate"])
        self.reg_rate.setEnabled(c["regularization"] != "none")
        self.clip.setChecked(c["clip_norm"] > 0)
        if c["clip_norm"] > 0:
            self.clip_norm.setValue(c["clip_norm"])
        self.early_stopping.setChecked(c["early_stopping"])
        self.patience.setValue(c["patience"])
        self._apply_classroom(c["classroom"])

    def _refresh_rows(self, hidden, fan_in, eligible, bn_blocked) -> None:
        while len(self._rows) > len(hidden):
            row = self._rows.pop()
            for w in row.widgets:
                self._layers_grid.removeWidget(w)
                w.deleteLater()
            row.deleteLater()
        while len(self._rows) < len(hidden):
            row = _LayerRow(self, len(self._rows))
            for col, w in enumerate(row.widgets):
                self._layers_grid.addWidget(w, len(self._rows) + 1, col)
            self._rows.append(row)
        for row, h, f, ok in zip(self._rows, hidden, fan_in, eligible):
            for w in row.widgets:
                w.blockSignals(True)
            row.size.setValue(h["size"])
            row.activation.setCurrentText(h["activation"])
            row.batch_norm.setChecked(h["batch_norm"])
            row.batch_norm.setEnabled(not bn_blocked or h["batch_norm"])
            row.dropout.setValue(h["dropout"])
            row.residual.setChecked(h["residual"])
            row.residual.setEnabled(ok or h["residual"])
            row.residual.setToolTip(
                f"Residual connection a = f(z) + input in layer {row.index + 1}" if ok else
                f"A residual connection needs this layer's units ({h['size']}) to equal its input ({f})")
            for w in row.widgets:
                w.blockSignals(False)

    def knob_names(self) -> list[str]:
        """The config fields the panel has controls for, in panel order (the classroom setup lists them)."""
        return list(self._knob_widgets)

    def _apply_classroom(self, classroom: dict) -> None:
        """Hide the knobs in ``hidden_controls`` (with their row labels), disable those in ``locked_knobs``."""
        locked = set(classroom.get("locked_knobs", []))
        hidden = set(classroom.get("hidden_controls", []))
        tips = self._unlocked_tips
        hidden_widgets = set()
        for name, widgets in self._knob_widgets.items():
            for w in widgets:
                if name in locked:
                    w.setEnabled(False)
                    if w not in tips:
                        tips[w] = w.toolTip()
                    w.setToolTip(LOCKED_TIP)
                elif w in tips:
                    w.setToolTip(tips.pop(w))
                w.setVisible(name not in hidden)
                if name in hidden:
                    hidden_widgets.add(w)
        knob_widgets = {w for widgets in self._knob_widgets.values() for w in widgets}
        for form in self.findChildren(QtWidgets.QFormLayout):
            for row in range(form.rowCount()):
                label = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.LabelRole)
                field = form.itemAt(row, QtWidgets.QFormLayout.ItemRole.FieldRole)
                if label is None or label.widget() is None or field is None:
                    continue
                if field.widget() is not None:
                    inner = [field.widget()]
                elif field.layout() is not None:
                    inner = [field.layout().itemAt(i).widget() for i in range(field.layout().count())]
                    inner = [w for w in inner if w is not None]
                else:
                    inner = []
                if inner and any(w in knob_widgets for w in inner):
                    label.widget().setVisible(not all(w in hidden_widgets for w in inner))

    # ------------------------------------------------------------------ changes
    def _apply(self, **changes) -> bool:
        """``session.configure(**changes)``; on a refusal explain it and show the old values again."""
        if self._refreshing:
            return False
        try:
            self.session.configure(**changes)
        except ValueError as err:
            text = friendly_error(str(err))
            self.message.setText(text)
            self.message.setVisible(True)
            self.problem.emit(text)
            self.refresh()
            return False
        if self.message.isVisible():
            self.message.setVisible(False)
            self.problem.emit("")
        return True

    def _dataset_change(self, name: str) -> dict:
        """A new data set, with the knobs it needs so the change cannot be refused."""
        changes = {"dataset": name}
        c = self.session.config
        info = DATASETS.get(name)
        if info is None:
            return changes
        task = info.task
        loss = c["loss"]
        if (task == "regression" and loss not in ("auto", "mse")) or \
                (task == "binary" and loss == "cross_entropy") or (task == "multiclass" and loss == "bce"):
            changes["loss"] = "auto"
        out = c["output_activation"]
        if out != "auto":
            changes["output_activation"] = "auto"
        if info.shipped:
            changes["n_samples"] = info.default_n
        return changes

    def _apply_features(self) -> None:
        if self._refreshing:
            return
        names = [n for n, check in self.features.items() if check.isChecked()]
        if not names:
            self.refresh()
            return
        self._apply(features=names)

    def _hidden(self) -> list[dict]:
        return copy.deepcopy(self.session.config["hidden"])

    def _set_layer(self, index: int, **fields) -> None:
        if self._refreshing:
            return
        hidden = self._hidden()
        if index >= len(hidden):
            return
        hidden[index].update(fields)
        if "size" in fields:
            _drop_bad_residuals(hidden, self.session.prep.n_inputs)
        self._apply(hidden=hidden)

    def set_layer(self, index: int, **fields) -> bool:
        """Change fields of hidden layer ``index`` (0-based); the header menu uses this."""
        hidden = self._hidden()
        hidden[index].update(fields)
        if "size" in fields:
            _drop_bad_residuals(hidden, self.session.prep.n_inputs)
        return self._apply(hidden=hidden)

    def _set_all_layers(self, **fields) -> None:
        if self._refreshing:
            return
        hidden = self._hidden()
        for h in hidden:
            h.update(fields)
        self._apply(hidden=hidden)

    def _toggle_dropout(self, on: bool) -> None:
        if not on:
            self._set_all_layers(dropout=0.0)
        else:
            self._set_all_layers(dropout=round(self.dropout_rate.value(), 4))

    def _dropout_rate_changed(self, value: float) -> None:
        self._dropout_rate = round(value, 4)
        if self.dropout.isChecked():
            self._set_all_layers(dropout=self._dropout_rate)

    def _toggle_residual(self, on: bool) -> None:
        hidden = self._hidden()
        fan_in = [self.session.prep.n_inputs] + [h["size"] for h in hidden[:-1]]
        for h, f in zip(hidden, fan_in):
            h["residual"] = bool(on) and h["size"] == f
        self._apply(hidden=hidden)

    def add_layer(self, after: int | None = None) -> bool:
        """Insert a hidden layer after layer ``after`` (0-based; default: the last), a copy of it."""
        hidden = self._hidden()
        if len(hidden) >= MAX_HIDDEN_LAYERS:
            return self._apply(hidden=hidden + [dict(DEFAULT_HIDDEN)])   # refused with the reason
        at = len(hidden) if after is None else after + 1
        template = dict(hidden[at - 1]) if at > 0 and hidden else dict(DEFAULT_HIDDEN)
        template["residual"] = False
        hidden.insert(at, template)
        _drop_bad_residuals(hidden, self.session.prep.n_inputs)
        return self._apply(hidden=hidden)

    def remove_layer(self, index: int) -> bool:
        """Remove hidden layer ``index`` (0-based)."""
        hidden = self._hidden()
        if not 0 <= index < len(hidden):
            return False
        del hidden[index]
        _drop_bad_residuals(hidden, self.session.prep.n_inputs)
        return self._apply(hidden=hidden)

    def _change_optimizer(self, name: str) -> None:
        allowed = set(_OPT_CLASSES[name].defaults) - {"lr"}
        opts = {k: v for k, v in self.session.config["optimizer_options"].items() if k in allowed}
        self._apply(optimizer=name, optimizer_options=opts)

    def _momentum_changed(self, value: float) -> None:
        if self._refreshing:
            return
        opts = dict(self.session.config["optimizer_options"])
        if value > 0:
            opts["momentum"] = round(value, 4)
        else:
            opts.pop("momentum", None)
        self._apply(optimizer_options=opts)

    def _schedule_changed(self, _value=None) -> None:
        if self._refreshing:
            return
        c = self.session.config
        so = dict(c["schedule_options"])
        if c["schedule"] == "step":
            so.update(gamma=round(self.schedule_factor.value(), 4), step_size=self.schedule_every.value())
        else:
            so.update(decay_rate=round(self.schedule_factor.value(), 4), decay_steps=self.schedule_every.value())
        self._apply(schedule_options=so)


def _drop_bad_residuals(hidden: list[dict], n_inputs: int) -> None:
    """Switch off residual connections that a size change made impossible."""
    fan_in = n_inputs
    for h in hidden:
        if h.get("residual") and h["size"] != fan_in:
            h["residual"] = False
        fan_in = h["size"]


def _demo() -> QtWidgets.QWidget:
    from nnviz.session import Session

    adapter = SessionAdapter(Session.from_lesson("xor"))
    panel = KnobsPanel(adapter)
    panel._demo_adapter = adapter
    return panel


def main(argv=None) -> int:
    from nnviz.ui.widgets.demo_runner import run_widget
    return run_widget(_demo, argv, size=(380, 640), title="nnviz knobs")


if __name__ == "__main__":
    raise SystemExit(main())
