"""The inspector: the numbers behind the picture for one neuron, edge or layer.

``InspectorPanel`` shows what ``Session.inspect_neuron`` / ``inspect_edge``
return as readable rich text in lecture symbols (z, a, δ, W): for a neuron its
forward values, batch-norm statistics and δ = ∂L/∂z; for an edge the weight,
the chain-rule sum ∂L/∂W = Σₙ δⱼ · aᵢ with each factor's number, the penalty
term, the total and, at the update phase, the optimizer's step and the new
weight.  Quantities the shown phase does not know yet read "not computed yet
in this phase".

Hands on: the selected weight or bias can be typed in (``Session.set_param``),
a hidden neuron switched off and on (``Session.set_neuron_enabled``), and a
gradient check run on the selection (``Session.gradient_check``).  Bad input
and refused edits are shown in a red line inside the panel, never raised.

The panel holds no training math and does not subscribe to the session: the
window calls :meth:`InspectorPanel.refresh` on every phase change.  For tests,
``last_info`` is the dict last rendered and ``last_check`` the last gradient
check.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import error_text
from nnviz.ui.panels import inspector_data as data
from nnviz.ui.panels import inspector_text as text
from nnviz.ui.panels.inspector_markup import error_color, esc, fmt_full
from nnviz.ui.plots.base import BASE_FONT_PT, check_line_scale
from nnviz.ui.widgets.style import apply_palette
from nnviz.ui.widgets.theme import Theme, get_theme

EMPTY_TEXT = QT_TRANSLATE_NOOP("InspectorPanel", "Click a neuron or an edge in the network to see its numbers.")
class InspectorPanel(QtWidgets.QWidget):
    """Numbers of the selected neuron, edge or layer; edits and a gradient check.

    Signals:
        edited(): after a successful edit (a parameter typed in, a neuron
        switched); the session has already notified its own listeners.
    """

    edited = QtCore.Signal()

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme: Theme = get_theme("light")
        self._scale = 1.0
        self.session = None
        self._selection: tuple | None = None
        self._check_record = None
        self.last_info: dict | None = None
        self.last_check: dict | None = None
        self.last_html = ""
        self.setAutoFillBackground(True)

        self.browser = QtWidgets.QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self.browser.setToolTip(self.tr("The numbers of the selected neuron, edge or layer at the shown phase. "
                                "δ = ∂L/∂z, a = the neuron's output, W = weight."))

        self.sample_label = QtWidgets.QLabel(self.tr("sample n:"))
        self.sample_spin = QtWidgets.QSpinBox()
        self.sample_spin.setToolTip(self.tr("Which sample of the mini-batch the neuron's forward and backward "
                                    "values are shown for (0 = the first)."))
        self.sample_label.setToolTip(self.sample_spin.toolTip())
        self.sample_spin.valueChanged.connect(self._on_sample)

        self.param_label = QtWidgets.QLabel("W =")
        self.value_edit = QtWidgets.QLineEdit()
        self.value_edit.setPlaceholderText(self.tr("a number, e.g. 0.5"))
        self.value_edit.setToolTip(self.tr("Type a new value and press Enter (or Set). The shown step is "
                                   "cancelled and the next step uses the new value."))
        self.param_label.setToolTip(self.value_edit.toolTip())
        self.value_edit.returnPressed.connect(self.apply_edit)
        self.set_button = QtWidgets.QPushButton(self.tr("Set"))
        self.set_button.setToolTip(self.tr("Write the typed value into the network."))
        self.set_button.clicked.connect(self.apply_edit)

        self.enabled_check = QtWidgets.QCheckBox(self.tr("neuron on"))
        self.enabled_check.setToolTip(self.tr("Untick to switch this hidden neuron off: its output a becomes 0 "
                                      "and no gradient flows through it, until ticked again."))
        self.enabled_check.toggled.connect(self._on_enabled)

        self.check_button = QtWidgets.QPushButton(self.tr("Gradient check"))
        self.check_button.setToolTip(self.tr("Compare backprop's gradient of the selection with a numeric "
                                     "estimate (fourth-order central differences, ε = 1e-5) on the shown mini-batch. "
                                     "Neuron: its incoming weights and bias; layer: up to 64 weights."))
        self.check_button.clicked.connect(self.run_gradient_check)

        self.error_label = QtWidgets.QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setToolTip(self.tr("Why the last edit or check did not happen."))
        self.error_label.setVisible(False)

        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addWidget(self.browser, 1)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.sample_label)
        row.addWidget(self.sample_spin)
        row.addStretch(1)
        row.addWidget(self.enabled_check)
        layout.addLayout(row)
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.param_label)
        row.addWidget(self.value_edit, 1)
        row.addWidget(self.set_button)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        self._apply_style()
        self._render()

    # -- public API --------------------------------------------------------------------------
    def set_session(self, session) -> None:
        """Inspect ``session`` from now on; the selection is kept if it still exists."""
        self.session = session
        self.refresh()

    def show_neuron(self, session, layer: int, j: int, sample: int = 0) -> None:
        """Select neuron j (0-based) of layer (1..L) for sample ``sample`` of the mini-batch."""
        self._select(session, ("neuron", int(layer), int(j), int(sample)))

    def show_edge(self, session, layer: int, i: int, j: int) -> None:
        """Select weight W[i, j] of layer (1..L): from unit i of layer-1 to neuron j."""
        self._select(session, ("edge", int(layer), int(i), int(j)))

    def show_layer(self, session, layer: int) -> None:
        """Select a whole layer (1..L): its shapes, health and a gradient check of its weights."""
        self._select(session, ("layer", int(layer)))

    def clear(self) -> None:
        """Nothing selected."""
        self._selection = None
        self.last_check = None
        self._clear_error()
        self._render()

    def selection(self) -> tuple | None:
        """("neuron", layer, j, sample), ("edge", layer, i, j), ("layer", layer) or None."""
        return self._selection

    def refresh(self) -> None:
        """Re-render the selection from the session (call on every phase change)."""
        if self.session is not None and self._check_record is not None \
                and self.session.record is not self._check_record:
            self.last_check = None          # a check belongs to the step it was run on
            self._check_record = None
        self._render()

    def text(self) -> str:
        """The shown page as plain text."""
        return self.browser.toPlainText()

    def set_theme(self, name: str) -> None:
        self._theme = get_theme(name)
        self._apply_style()
        self._render()

    def set_line_scale(self, scale: float) -> None:
        """Font size factor (presenter mode)."""
        self._scale = check_line_scale(scale)
        self._apply_style()
        self._render()

    def theme(self) -> Theme:
        return self._theme

    # -- actions -----------------------------------------------------------------------------
    def apply_edit(self, value: str | None = None) -> bool:
        """Write the typed value (or ``value``) into the selected parameter; False on an error."""
        target = self._edit_target()
        if target is None:
            return False
        raw = self.value_edit.text() if value is None or isinstance(value, bool) else str(value)
        raw = raw.strip().replace("−", "-")
        try:
            number = float(raw)
        except ValueError:
            self._show_error(self.tr("{value} is not a number").format(value=repr(raw)) if raw
                             else self.tr("type a number first"))
            return False
        layer, key, index = target
        try:
            self.session.set_param(layer, key, index, number)
        except ValueError as err:
            self._show_error(error_text(err))
            return False
        self._clear_error()
        self.value_edit.clearFocus()
        self.refresh()
        self.edited.emit()
        return True

    def run_gradient_check(self) -> dict | None:
        """Gradient check of the selection; the result is shown and kept in ``last_check``."""
        if self.session is None or self._selection is None:
            return None
        try:
            check = self._gradient_check()
        except ValueError as err:
            self._show_error(error_text(err))
            return None
        self._clear_error()
        self.last_check = check
        self._check_record = self.session.record
        self._render()
        return check

    # -- internals ---------------------------------------------------------------------------
    def _select(self, session, selection: tuple) -> None:
        if session is not self.session or selection != self._selection:
            self.last_check = None
            self._check_record = None
            self._clear_error()
            self.value_edit.clear()
        self.session = session
        self._selection = selection
        self._render()

    def _gradient_check(self) -> dict:
        return data.gradient_check(self.session, self._selection)

    def _edit_target(self) -> tuple | None:
        """(layer, key, index) the edit box writes to, or None."""
        if self.session is None or self._selection is None:
            return None
        kind, layer = self._selection[0], self._selection[1]
        if kind == "edge":
            return layer, "W", (self._selection[2], self._selection[3])
        if kind == "neuron":
            p = self.session.network.params[layer - 1] if layer <= self.session.network.n_layers else {}
            for key in ("b", "beta"):
                if key in p:
                    return layer, key, self._selection[2]
        return None

    def _context(self) -> dict:
        return data.context(self.session, self._selection)

    def _render(self) -> None:
        t = self._theme
        sel, s = self._selection, self.session
        info, page = None, ""
        if sel is None or s is None:
            page = f'<p style="color:{t.muted}">{self.tr(EMPTY_TEXT)}</p>'
        else:
            ctx = self._context()
            try:
                if sel[0] == "neuron":
                    info = s.inspect_neuron(sel[1], sel[2], sel[3])
                    page = text.neuron_html(info, ctx, t)
                elif sel[0] == "edge":
                    info = s.inspect_edge(sel[1], sel[2], sel[3])
                    page = text.edge_html(info, ctx, t)
                else:
                    info = data.layer_summary(self.session, sel[1])
                    page = text.layer_html(info, ctx, t)
            except ValueError as err:       # the network was rebuilt without this unit
                gone = self.tr("The selection no longer exists: {reason}").format(reason=esc(err))
                info, page = None, f'<p style="color:{error_color(t)}">{gone}</p>'
            if self.last_check is not None and info is not None:
                page = page.replace("</body></html>", text.check_html(self.last_check, t)
                                    + "</body></html>")
        self.last_info = info
        self.last_html = page
        bar = self.browser.verticalScrollBar()
        keep = bar.value()
        self.browser.setHtml(page)
        bar.setValue(keep)
        self._sync_controls(info)

    def _sync_controls(self, info: dict | None) -> None:
        sel = self._selection
        kind = sel[0] if sel and info is not None else None
        neuron = kind == "neuron"
        batch = None if self.session is None or self.session.batch is None else len(self.session.batch)
        self.sample_label.setVisible(neuron)
        self.sample_spin.setVisible(neuron)
        if neuron:
            self.sample_spin.blockSignals(True)
            self.sample_spin.setRange(1, max(1, batch or 1))     # samples count from 1, as everywhere
            self.sample_spin.setValue(min(sel[3], max(0, (batch or 1) - 1)) + 1)
            self.sample_spin.setEnabled(bool(batch))
            self.sample_spin.blockSignals(False)

        target = self._edit_target() if kind else None
        for w in (self.param_label, self.value_edit, self.set_button):
            w.setVisible(target is not None)
        if target is not None:
            layer, key, index = target
            self.param_label.setText(f"{text.param_label(key, layer, index)} =")
            if not self.value_edit.hasFocus():
                value = self.session.network.params[layer - 1][key][index]
                self.value_edit.setText(fmt_full(value))
                self.value_edit.setCursorPosition(0)

        hidden = neuron and sel[1] < self.session.network.n_layers
        self.enabled_check.setVisible(hidden)
        if hidden:
            off = {tuple(p) for p in self.session.config.get("disabled_neurons", [])}
            self.enabled_check.blockSignals(True)
            self.enabled_check.setChecked((sel[1], sel[2]) not in off)
            self.enabled_check.blockSignals(False)
        self.check_button.setVisible(kind is not None)

    def _on_sample(self, value: int) -> None:
        if self._selection and self._selection[0] == "neuron":
            self._selection = self._selection[:3] + (int(value) - 1,)
            self._render()

    def _on_enabled(self, checked: bool) -> None:
        sel = self._selection
        if not sel or sel[0] != "neuron":
            return
        try:
            self.session.set_neuron_enabled(sel[1], sel[2], bool(checked))
        except ValueError as err:
            self._show_error(error_text(err))
            self._render()
            return
        self._clear_error()
        self.refresh()
        self.edited.emit()

    def _show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)

    def _clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.setVisible(False)

    def error_text(self) -> str:
        """The inline error shown, or "" when there is none."""
        return self.error_label.text() if not self.error_label.isHidden() else ""

    def _apply_style(self) -> None:
        t, s = self._theme, self._scale
        apply_palette(self, t)
        font = QtGui.QFont(self.font())
        font.setPointSizeF(BASE_FONT_PT * 1.05 * s)
        self.setFont(font)
        self.browser.setFont(font)
        self.error_label.setStyleSheet(f"QLabel {{ color: {error_color(t)}; font-weight: bold;"
                                       f" font-size: {BASE_FONT_PT * 1.05 * s:.1f}pt; }}")
