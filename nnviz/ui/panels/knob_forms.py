"""The knobs panel's three tabs as forms: Data, Network and Training.

Each control is built once and wired to one change of the session config
(:mod:`~nnviz.ui.panels.knob_changes`); what it shows comes from the session
at every refresh.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.data import DATASETS, FEATURES
from nnviz.engine import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS
from nnviz.session.config import LOSS_CHOICES, OUTPUT_ACTIVATIONS, REGULARIZERS, SCHEDULES
from nnviz.ui.i18n import formula, translate
from nnviz.ui.panels.knob_widgets import ACTIVATION_TIPS, SciSpinBox, fill_choices


class KnobForms:
    """Build the Data, Network and Training forms (part of :class:`~nnviz.ui.panels.knobs.KnobsPanel`)."""

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
            self.dataset.addItem(translate("Dataset", name), name)
            self.dataset.setItemData(self.dataset.count() - 1, translate("Dataset", info.description),
                                     QtCore.Qt.ItemDataRole.ToolTipRole)
        self.dataset.setToolTip(self.tr("The data set (rebuilds the network and starts again at step 0)"))
        self.dataset.activated.connect(lambda _i: self._apply(**self._dataset_change(self.dataset.currentData())))
        form.addRow(self.tr("Data set"), self.dataset)
        self._knob("dataset", self.dataset)
        self.dataset_info = QtWidgets.QLabel()
        self.dataset_info.setWordWrap(True)
        self.dataset_info.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
        form.addRow(self.dataset_info)

        self.n_samples = QtWidgets.QSpinBox()
        self.n_samples.setRange(10, 5000)
        self.n_samples.setSingleStep(50)
        self.n_samples.setKeyboardTracking(False)
        self.n_samples.setToolTip(self.tr("Number of points generated (train and test together)"))
        self.n_samples.valueChanged.connect(lambda v: self._apply(n_samples=v))
        form.addRow(self.tr("Samples"), self.n_samples)
        self._knob("n_samples", self.n_samples)

        self.noise = QtWidgets.QDoubleSpinBox()
        self.noise.setRange(0.0, 1.0)
        self.noise.setSingleStep(0.05)
        self.noise.setDecimals(2)
        self.noise.setKeyboardTracking(False)
        self.noise.valueChanged.connect(lambda v: self._apply(noise=round(v, 4)))
        form.addRow(self.tr("Noise"), self.noise)
        self._knob("noise", self.noise)

        self.test_ratio = QtWidgets.QSpinBox()
        self.test_ratio.setRange(0, 90)
        self.test_ratio.setSingleStep(5)
        self.test_ratio.setSuffix(self.tr(" % test"))
        self.test_ratio.setKeyboardTracking(False)
        self.test_ratio.setToolTip(self.tr("Share of the points held out as the test set (never trained on)"))
        self.test_ratio.valueChanged.connect(lambda v: self._apply(test_ratio=v / 100.0))
        form.addRow(self.tr("Train / test"), self.test_ratio)
        self._knob("test_ratio", self.test_ratio)

        box = QtWidgets.QGroupBox(self.tr("Input features"))
        box.setToolTip(self.tr("What the network sees of each 2-D point (as in TensorFlow Playground); "
                       "only for data sets with two inputs"))
        grid = QtWidgets.QGridLayout(box)
        self.features: dict[str, QtWidgets.QCheckBox] = {}
        for k, name in enumerate(FEATURES):
            check = QtWidgets.QCheckBox(name)
            check.setToolTip(self.tr("Feed {feature} to the network as an input").format(feature=formula(name)))
            check.toggled.connect(lambda _on: self._apply_features())
            grid.addWidget(check, k // 3, k % 3)
            self.features[name] = check
        form.addRow(box)
        self._features_box = box
        self._knob("features", box)

        self.standardize = QtWidgets.QCheckBox(self.tr("Standardize inputs"))
        self.standardize.setToolTip(self.tr("Scale every input (and a regression target) to mean 0, std 1 "
                                    "using the training set's statistics"))
        self.standardize.toggled.connect(lambda on: self._apply(standardize=on))
        form.addRow(self.standardize)
        self._knob("standardize", self.standardize)

        row = QtWidgets.QHBoxLayout()
        self.seed = QtWidgets.QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setKeyboardTracking(False)
        self.seed.setToolTip(self.tr("Seed of every random choice: data, split, initial weights, batches, "
                             "dropout. The same seed replays the same run."))
        self.seed.valueChanged.connect(lambda v: self._apply(seed=v))
        self.new_seed = QtWidgets.QPushButton(self.tr("New"))
        self.new_seed.setToolTip(self.tr("Pick the next seed: new data and new initial weights"))
        self.new_seed.clicked.connect(lambda: self.seed.setValue(self.seed.value() + 1))
        row.addWidget(self.seed, 1)
        row.addWidget(self.new_seed)
        form.addRow(self.tr("Seed"), row)
        self._knob("seed", self.seed, self.new_seed)
        return page

    def _build_network(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        outer = QtWidgets.QVBoxLayout(page)
        form = self._form()
        outer.addLayout(form)

        self.activation = QtWidgets.QComboBox()
        fill_choices(self.activation, ("mixed", *HIDDEN_ACTIVATIONS))
        for name in HIDDEN_ACTIVATIONS:
            tip = translate("Knobs", ACTIVATION_TIPS.get(name, name))
            self.activation.setItemData(self.activation.findData(name), tip, QtCore.Qt.ItemDataRole.ToolTipRole)
        self.activation.setToolTip(self.tr("Activation of every hidden layer (set one layer below or from its "
                                   "header in the network view)"))
        self.activation.activated.connect(lambda _i: self._set_all_layers(activation=self.activation.currentData())
                                          if self.activation.currentData() != "mixed" else None)
        form.addRow(self.tr("Activation"), self.activation)

        self.batch_norm = QtWidgets.QCheckBox(self.tr("Batch norm in every hidden layer"))
        self.batch_norm.setToolTip(self.tr("Normalize each hidden layer's pre-activations over the mini-batch "
                                   "(rebuilds the network; needs batches of 2 or more)"))
        self.batch_norm.clicked.connect(lambda on: self._set_all_layers(batch_norm=bool(on)))
        form.addRow(self.tr("Batch norm"), self.batch_norm)

        row = QtWidgets.QHBoxLayout()
        self.dropout = QtWidgets.QCheckBox(self.tr("on, rate"))
        self.dropout.setToolTip(self.tr("Dropout in every hidden layer: each training step silences this share "
                                "of the neurons at random (applies at the next step, keeps the weights)"))
        self.dropout.clicked.connect(self._toggle_dropout)
        self.dropout_rate = QtWidgets.QDoubleSpinBox()
        self.dropout_rate.setRange(0.05, 0.95)
        self.dropout_rate.setSingleStep(0.05)
        self.dropout_rate.setDecimals(2)
        self.dropout_rate.setValue(self._dropout_rate)
        self.dropout_rate.setKeyboardTracking(False)
        self.dropout_rate.setToolTip(self.tr("Dropout rate used when dropout is switched on"))
        self.dropout_rate.valueChanged.connect(self._dropout_rate_changed)
        row.addWidget(self.dropout)
        row.addWidget(self.dropout_rate, 1)
        form.addRow(self.tr("Dropout"), row)

        self.residual = QtWidgets.QCheckBox(self.tr("Residual connections"))
        self.residual.setToolTip(self.tr("{formula} in every hidden layer as wide as its input (rebuilds the "
                                         "network)").format(formula=formula("a = f(z) + x")))
        self.residual.clicked.connect(self._toggle_residual)
        form.addRow(self.tr("Residual"), self.residual)
        self._knob("hidden", self.activation, self.batch_norm, self.dropout, self.dropout_rate, self.residual)

        box = QtWidgets.QGroupBox(self.tr("Hidden layers"))
        box.setToolTip(self.tr("Units, activation, batch norm, dropout and residual connection of each "
                       "hidden layer; the output layer follows from the data"))
        self._layers_grid = QtWidgets.QGridLayout(box)
        self._layers_grid.setHorizontalSpacing(4)
        for col, (text, tip) in enumerate((("", ""), (self.tr("units"), self.tr("neurons in the layer")),
                                           (self.tr("activation"), ""), (self.tr("BN"), self.tr("batch norm")),
                                           (self.tr("dropout"), self.tr("dropout rate")),
                                           (self.tr("res"), self.tr("residual connection")))):
            label = QtWidgets.QLabel(text)
            label.setToolTip(tip)
            label.setForegroundRole(QtGui.QPalette.ColorRole.PlaceholderText)
            self._layers_grid.addWidget(label, 0, col)
        self._layers_grid.setColumnStretch(2, 1)
        buttons = QtWidgets.QHBoxLayout()
        self.add_layer_button = QtWidgets.QPushButton(self.tr("Add layer"))
        self.add_layer_button.setToolTip(self.tr("Add a hidden layer before the output (a copy of the last one)"))
        self.add_layer_button.clicked.connect(lambda: self.add_layer())
        self.remove_layer_button = QtWidgets.QPushButton(self.tr("Remove layer"))
        self.remove_layer_button.setToolTip(self.tr("Remove the last hidden layer"))
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
        fill_choices(self.output_activation, OUTPUT_ACTIVATIONS)
        self.output_activation.setToolTip(self.tr("Activation of the output layer; auto: sigmoid for two classes, "
                                          "softmax for more, linear for regression"))
        self.output_activation.activated.connect(
            lambda _i: self._apply(output_activation=self.output_activation.currentData()))
        form2.addRow(self.tr("Output"), self.output_activation)
        self._knob("output_activation", self.output_activation)

        self.init = QtWidgets.QComboBox()
        fill_choices(self.init, INITIALIZERS)
        self.init.setToolTip(self.tr("How the initial weights are drawn (zeros: every neuron stays the same)"))
        self.init.activated.connect(lambda _i: self._apply(init=self.init.currentData()))
        form2.addRow(self.tr("Init"), self.init)
        self._knob("init", self.init)
        self.init_gain = QtWidgets.QDoubleSpinBox()
        self.init_gain.setRange(0.0, 1000.0)
        self.init_gain.setSingleStep(0.25)
        self.init_gain.setDecimals(2)
        self.init_gain.setKeyboardTracking(False)
        self.init_gain.setToolTip(self.tr("Multiplies every initial weight: above 1 the gradients can explode, "
                                  "below 1 they can vanish"))
        self.init_gain.valueChanged.connect(lambda v: self._apply(init_gain=round(v, 4)))
        form2.addRow(self.tr("Init gain"), self.init_gain)
        self._knob("init_gain", self.init_gain)
        outer.addStretch(1)
        return page

    def _build_training(self) -> QtWidgets.QWidget:
        page = QtWidgets.QWidget()
        form = self._form()
        page.setLayout(form)

        self.optimizer = QtWidgets.QComboBox()
        fill_choices(self.optimizer, OPTIMIZERS)
        self.optimizer.setToolTip(self.tr("Update rule (torch.optim names and defaults); keeps the weights"))
        self.optimizer.activated.connect(lambda _i: self._change_optimizer(self.optimizer.currentData()))
        form.addRow(self.tr("Optimizer"), self.optimizer)
        self._knob("optimizer", self.optimizer)

        self.lr = SciSpinBox(1e-6, 100.0)
        self.lr.setToolTip(self.tr("Learning rate: each update moves the weights by lr × gradient "
                           "(arrows step 1-2-5 per decade)"))
        self.lr.valueChanged.connect(lambda v: self._apply(lr=float(f"{v:.6g}")))
        form.addRow(self.tr("Learning rate"), self.lr)
        self._knob("lr", self.lr)

        self.momentum = QtWidgets.QDoubleSpinBox()
        self.momentum.setRange(0.0, 0.999)
        self.momentum.setSingleStep(0.1)
        self.momentum.setDecimals(3)
        self.momentum.setKeyboardTracking(False)
        self.momentum.setToolTip(self.tr("Momentum of SGD and RMSprop: the update keeps this share of the "
                                         "previous one"))
        self.momentum.valueChanged.connect(self._momentum_changed)
        form.addRow(self.tr("Momentum"), self.momentum)
        self._knob("optimizer_options", self.momentum)

        row = QtWidgets.QHBoxLayout()
        self.schedule = QtWidgets.QComboBox()
        fill_choices(self.schedule, SCHEDULES)
        self.schedule.setToolTip(self.tr("Learning-rate schedule: constant; step (× gamma every step_size steps); "
                                 "exponential (× decay_rate every decay_steps steps)"))
        self.schedule.activated.connect(lambda _i: self._apply(schedule=self.schedule.currentData()))
        self.schedule_factor = QtWidgets.QDoubleSpinBox()
        self.schedule_factor.setRange(0.01, 1.0)
        self.schedule_factor.setSingleStep(0.05)
        self.schedule_factor.setDecimals(2)
        self.schedule_factor.setKeyboardTracking(False)
        self.schedule_factor.setPrefix("× ")
        self.schedule_factor.setToolTip(self.tr("Factor of the schedule (gamma or decay rate)"))
        self.schedule_factor.valueChanged.connect(self._schedule_changed)
        self.schedule_every = QtWidgets.QSpinBox()
        self.schedule_every.setRange(1, 100000)
        self.schedule_every.setKeyboardTracking(False)
        self.schedule_every.setPrefix(self.tr("every "))
        self.schedule_every.setToolTip(self.tr("Steps between two factors (step size or decay steps)"))
        self.schedule_every.valueChanged.connect(self._schedule_changed)
        form.addRow(self.tr("Schedule"), self.schedule)
        row.addWidget(self.schedule_factor)
        row.addWidget(self.schedule_every)
        form.addRow(self.tr("Decay"), row)
        self._knob("schedule", self.schedule, self.schedule_factor, self.schedule_every)

        self.batch_size = QtWidgets.QSpinBox()
        self.batch_size.setRange(1, 100000)
        self.batch_size.setKeyboardTracking(False)
        self.batch_size.setToolTip(self.tr("Samples per mini-batch: 1 is stochastic gradient descent, the whole "
                                   "training set is batch gradient descent"))
        self.batch_size.valueChanged.connect(lambda v: self._apply(batch_size=v))
        self.batch_info = QtWidgets.QLabel()
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.batch_size, 1)
        row.addWidget(self.batch_info)
        form.addRow(self.tr("Batch size"), row)
        self._knob("batch_size", self.batch_size)

        self.loss = QtWidgets.QComboBox()
        fill_choices(self.loss, LOSS_CHOICES)
        self.loss.setToolTip(self.tr("Loss: auto picks bce for two classes, cross-entropy for more, mse for "
                             "regression (rebuilds the network)"))
        self.loss.activated.connect(lambda _i: self._apply(loss=self.loss.currentData()))
        form.addRow(self.tr("Loss"), self.loss)
        self._knob("loss", self.loss)

        row = QtWidgets.QHBoxLayout()
        self.regularization = QtWidgets.QComboBox()
        fill_choices(self.regularization, REGULARIZERS)
        self.regularization.setToolTip(self.tr("Penalty on the weights added to the loss: l2 = rate × Σw², "
                                       "l1 = rate × Σ|w|"))
        self.regularization.activated.connect(
            lambda _i: self._apply(regularization=self.regularization.currentData()))
        self.reg_rate = SciSpinBox(0.0, 10.0)
        self.reg_rate.setToolTip(self.tr("Regularization rate"))
        self.reg_rate.valueChanged.connect(lambda v: self._apply(reg_rate=float(f"{v:.6g}")))
        row.addWidget(self.regularization)
        row.addWidget(self.reg_rate, 1)
        form.addRow(self.tr("Regularization"), row)
        self._knob("regularization", self.regularization)
        self._knob("reg_rate", self.reg_rate)

        row = QtWidgets.QHBoxLayout()
        self.clip = QtWidgets.QCheckBox(self.tr("max norm"))
        self.clip.setToolTip(self.tr("Gradient clipping: rescale the whole gradient when its global norm "
                             "exceeds the limit"))
        self.clip.clicked.connect(lambda on: self._apply(clip_norm=self.clip_norm.value() if on else 0.0))
        self.clip_norm = SciSpinBox(1e-4, 1e6)
        self.clip_norm.setValue(1.0)
        self.clip_norm.setToolTip(self.tr("Largest global gradient norm allowed"))
        self.clip_norm.valueChanged.connect(
            lambda v: self._apply(clip_norm=float(f"{v:.6g}")) if self.clip.isChecked() else None)
        row.addWidget(self.clip)
        row.addWidget(self.clip_norm, 1)
        form.addRow(self.tr("Clip gradients"), row)
        self._knob("clip_norm", self.clip, self.clip_norm)

        row = QtWidgets.QHBoxLayout()
        self.early_stopping = QtWidgets.QCheckBox(self.tr("patience"))
        self.early_stopping.setToolTip(self.tr("Stop playing when the test loss has not improved for this "
                                               "many steps"))
        self.early_stopping.toggled.connect(lambda on: self._apply(early_stopping=on))
        self.patience = QtWidgets.QSpinBox()
        self.patience.setRange(1, 1000000)
        self.patience.setSingleStep(50)
        self.patience.setKeyboardTracking(False)
        self.patience.setSuffix(self.tr(" steps"))
        self.patience.setToolTip(self.tr("Steps without a better test loss before stopping"))
        self.patience.valueChanged.connect(lambda v: self._apply(patience=v))
        row.addWidget(self.early_stopping)
        row.addWidget(self.patience, 1)
        form.addRow(self.tr("Early stopping"), row)
        self._knob("early_stopping", self.early_stopping)
        self._knob("patience", self.patience)
        return page
