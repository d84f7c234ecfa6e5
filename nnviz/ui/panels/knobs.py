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

from PySide6 import QtCore, QtWidgets

from nnviz.data import DATASETS
from nnviz.engine.optimizers import OPTIMIZERS as _OPT_CLASSES
from nnviz.session import Session
from nnviz.session.config import MAX_HIDDEN_LAYERS
from nnviz.ui.panels.knob_changes import KnobChanges
from nnviz.ui.panels.knob_forms import KnobForms
from nnviz.ui.i18n import formula, numbers, translate
from nnviz.ui.panels.knob_widgets import LOCKED_TIP, LayerRow, select_choice
from nnviz.ui.session_adapter import SessionAdapter
from nnviz.ui.widgets.demo_runner import run_widget


class KnobsPanel(KnobForms, KnobChanges, QtWidgets.QWidget):
    """Tabs "Data", "Network", "Training" over the session's config.

    Signals: ``problem(str)`` with a user-facing explanation when a change was
    refused ("" when the last change went through).
    """

    problem = QtCore.Signal(str)

    def __init__(self, adapter: SessionAdapter, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._adapter = adapter
        self._refreshing = False
        self._rows: list[LayerRow] = []
        self._dropout_rate = 0.3
        self._knob_widgets: dict[str, list[QtWidgets.QWidget]] = {}
        self._unlocked_tips: dict[QtWidgets.QWidget, str] = {}     # tooltips of locked knobs

        self.tabs = QtWidgets.QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._scroll(self._build_data()), self.tr("Data"))
        self.tabs.addTab(self._scroll(self._build_network()), self.tr("Network"))
        self.tabs.addTab(self._scroll(self._build_training()), self.tr("Training"))
        self.tabs.setTabToolTip(0, self.tr("Data set, noise, input features, train/test split, seed"))
        self.tabs.setTabToolTip(1, self.tr("Layers and neurons, activations, batch norm, dropout, residuals, init"))
        self.tabs.setTabToolTip(2, self.tr("Optimizer, learning rate and schedule, batch size, loss, "
                                           "regularization, clipping, early stopping"))
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
            self.dataset.addItem(translate("Dataset", c["dataset"]), c["dataset"])
        self.dataset.setCurrentIndex(self.dataset.findData(c["dataset"]))
        ds = s.prep.dataset
        n_train, n_test = len(s.prep.train), len(s.prep.test)
        facts = self.tr("{task}, {inputs} inputs; {train} train, {test} test") if ds.n_inputs > 1 else \
            self.tr("{task}, 1 input; {train} train, {test} test")
        facts = facts.format(task=translate("Dataset", ds.task), inputs=numbers(str(ds.n_inputs)),
                             train=numbers(str(n_train)), test=numbers(str(n_test)))
        self.dataset_info.setText(f"{translate('Dataset', info.description) if info else c['dataset']}\n{facts}")
        shipped = bool(info and info.shipped) or c["dataset"] in ("custom", "csv")
        self.n_samples.setValue(c["n_samples"])
        self.n_samples.setEnabled(not shipped)
        self.noise.setValue(c["noise"])
        self.noise.setEnabled(not shipped)
        self.noise.setToolTip(translate("Dataset", info.noise_help) if info and info.noise_help
                              else self.tr("no noise knob for this data set"))
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
        select_choice(self.activation, acts.pop() if len(acts) == 1 else "mixed")
        self.activation.setEnabled(bool(hidden))
        bn = [h["batch_norm"] for h in hidden]
        self.batch_norm.setTristate(False)
        self.batch_norm.setCheckState(QtCore.Qt.CheckState.Checked if bn and all(bn) else
                                      QtCore.Qt.CheckState.PartiallyChecked if any(bn) else
                                      QtCore.Qt.CheckState.Unchecked)
        bn_blocked = c["batch_size"] < 2
        self.batch_norm.setEnabled(bool(hidden) and not bn_blocked)
        self.batch_norm.setToolTip(self.tr("Batch norm needs mini-batches of 2 or more samples: raise the batch "
                                           "size first") if bn_blocked else
                                   self.tr("Normalize each hidden layer's pre-activations over the mini-batch "
                                           "(rebuilds the network; needs batches of 2 or more)"))
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
            self.tr("{formula} in every hidden layer as wide as its input (rebuilds the network)").format(
                formula=formula("a = f(z) + x"))
            if any(eligible) else self.tr("No hidden layer is as wide as its input: give consecutive layers "
                                          "the same number of units to allow residual connections"))
        self._refresh_rows(hidden, fan_in, eligible, bn_blocked)
        self.add_layer_button.setEnabled(len(hidden) < MAX_HIDDEN_LAYERS)
        self.remove_layer_button.setEnabled(bool(hidden))
        select_choice(self.output_activation, c["output_activation"])
        self.output_activation.setToolTip(self.tr("Activation of the output layer (now {activation}); auto: "
                                                  "sigmoid for two classes, softmax for more, linear for "
                                                  "regression").format(activation=s.prep.output_activation))
        select_choice(self.init, c["init"])
        self.init_gain.setValue(c["init_gain"])

        select_choice(self.optimizer, c["optimizer"])
        self.lr.setValue(c["lr"])
        opts = c["optimizer_options"]
        has_momentum = "momentum" in _OPT_CLASSES[c["optimizer"]].defaults
        self.momentum.setEnabled(has_momentum)
        self.momentum.setValue(float(opts.get("momentum", 0.0)) if has_momentum else 0.0)
        select_choice(self.schedule, c["schedule"])
        so = c["schedule_options"]
        step_kind = c["schedule"] == "step"
        self.schedule_factor.setValue(so["gamma"] if step_kind else so["decay_rate"])
        self.schedule_every.setValue(so["step_size"] if step_kind else so["decay_steps"])
        self.schedule_factor.setEnabled(c["schedule"] != "constant")
        self.schedule_every.setEnabled(c["schedule"] != "constant")
        self.batch_size.setMinimum(2 if any(bn) else 1)
        self.batch_size.setMaximum(max(2, n_train))
        self.batch_size.setValue(c["batch_size"])
        self.batch_info.setText(self.tr("of {count}").format(count=numbers(str(n_train))))
        select_choice(self.loss, c["loss"])
        self.loss.setToolTip(self.tr("Loss (now {loss}); auto picks bce for two classes, cross_entropy for "
                                     "more, mse for regression (rebuilds the network)").format(loss=s.prep.loss))
        select_choice(self.regularization, c["regularization"])
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
            row = LayerRow(self, len(self._rows))
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
                self.tr("Residual connection {formula} in layer {layer}").format(
                    formula=formula("a = f(z) + x"), layer=numbers(str(row.index + 1))) if ok else
                self.tr("A residual connection needs this layer's units ({units}) to equal its input "
                        "({inputs})").format(units=numbers(str(h["size"])), inputs=numbers(str(f))))
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
                    w.setToolTip(translate("Knobs", LOCKED_TIP))
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

def _demo() -> QtWidgets.QWidget:
    adapter = SessionAdapter(Session.from_lesson("xor"))
    panel = KnobsPanel(adapter)
    panel._demo_adapter = adapter
    return panel


def main(argv=None) -> int:
    return run_widget(_demo, argv, size=(380, 640), title="nnviz knobs")


if __name__ == "__main__":
    raise SystemExit(main())
