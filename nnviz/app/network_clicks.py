"""Clicks in the main window: a neuron, an edge or a layer header of the network, a point of the data.

A neuron or edge opens the inspector on it; a layer header opens the layer's
menu (activation, size, remove); on the data plane, drawing mode adds or
removes points.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session.formatting import format_number
from nnviz.session.inspect import person_label
from nnviz.ui.binding import caption_html
from nnviz.ui.i18n import formula, numbers


class NetworkClicks:
    """Turn clicks on the views into inspector pages and session edits (part of the main window)."""

    def _on_sample(self, index: int) -> None:
        self.frame_options.sample = index
        self._redraw_network()
        self.phase_label.setText(caption_html(self.binding.caption()))

    def _on_node_clicked(self, col: int, i: int) -> None:
        s = self.session
        self.frame_options.selected = ("node", col, i)
        self._redraw_network()
        if col > 0:
            with np.errstate(all="ignore"):
                self.inspector.show_neuron(s, col, i, self.frames.focus_index(s, self.frame_options))
            self._show_inspector()
        t = s.trace
        k = self.frames.focus_index(s, self.frame_options)
        if col == 0:
            name = s.prep.input_names[i] if i < len(s.prep.input_names) else f"x{i + 1}"
            text = self.tr("input {name}").format(name=formula(name))
            if t is not None:
                text += self.tr(" = {value} (sample {sample}, standardized)").format(
                    value=formula(format_number(t.X[k, i])), sample=numbers(str(k + 1)))
        else:
            text = person_label("neuron", col, j=i) + (self.tr(" (output)") if col == s.n_layers else "")
            if t is not None and col - 1 < len(t.layers):
                lt = t.layers[col - 1]
                values = f"z = {format_number(lt.z[k, i])}, a = {format_number(lt.a[k, i])}"
                if lt.grad_z is not None:
                    values += f", δ = dL/dz = {format_number(lt.grad_z[k, i])}"
                text += ": " + formula(values)
                if lt.dropout_mask is not None and lt.dropout_mask[k, i] == 0:
                    text += self.tr(" (dropped out this step)")
                text += self.tr("  (sample {sample})").format(sample=numbers(str(k + 1)))
        self.statusBar().showMessage(text, 15000)

    def _on_edge_clicked(self, layer: int, i: int, j: int) -> None:
        s = self.session
        self.frame_options.selected = ("edge", layer, i, j)
        self._redraw_network()
        with np.errstate(all="ignore"):
            self.inspector.show_edge(s, layer + 1, i, j)
        self._show_inspector()
        w = s.network.params[layer]["W"][i, j]
        values = f"= {format_number(w)}"
        grads = s.grads
        if grads is not None and grads[layer] is not None:
            values += f", dL/dw = {format_number(grads[layer]['W'][i, j])}"
        delta = s.update_delta
        if delta is not None:
            values += f", Δw = {format_number(delta[layer]['W'][i, j])}"
        self.statusBar().showMessage(f"{person_label('weight', layer + 1, i, j)} {formula(values)}", 15000)

    def _on_header_clicked(self, col: int) -> None:
        s = self.session
        if col == 0:
            self.knobs_dock.show()
            self.knobs.tabs.setCurrentIndex(0)
            self.statusBar().showMessage(self.tr("Inputs: choose the input features in Settings → Data"), 5000)
            return
        if col == s.n_layers:
            with np.errstate(all="ignore"):
                self.inspector.show_layer(s, col)
            self._show_inspector()
            self.knobs_dock.show()
            self.knobs.tabs.setCurrentIndex(1)
            self.statusBar().showMessage(self.tr("The output layer follows from the data; its activation and "
                                                 "the loss are in Settings"), 5000)
            return
        menu = self.layer_menu_for(col - 1)
        menu.popup(QtGui.QCursor.pos())

    def layer_menu_for(self, index: int) -> QtWidgets.QMenu:
        """The menu of hidden layer ``index`` (0-based), as a click on its header opens it."""
        s = self.session
        spec = s.config["hidden"][index]
        fan_in = s.prep.n_inputs if index == 0 else s.config["hidden"][index - 1]["size"]
        knobs = self.knobs
        menu = QtWidgets.QMenu(self)
        menu.setToolTipsVisible(True)
        title = menu.addAction(self.tr("Layer {layer}: {units} × {activation}").format(
            layer=numbers(str(index + 1)), units=numbers(str(spec["size"])), activation=spec["activation"]))
        title.setEnabled(False)
        inspect = menu.addAction(self.tr("Inspect this layer"))
        inspect.setToolTip(self.tr("Shapes, health and a gradient check of this layer in the inspector"))
        inspect.triggered.connect(lambda: self._inspect_layer(index + 1))
        act_menu = menu.addMenu(self.tr("Activation"))
        for name in ("linear", "step", "sigmoid", "tanh", "relu", "leaky_relu", "prelu", "elu"):
            a = act_menu.addAction(name)
            a.setCheckable(True)
            a.setChecked(name == spec["activation"])
            a.triggered.connect(lambda _=False, n=name: knobs.set_layer(index, activation=n))
        bn = menu.addAction(self.tr("Batch norm"))
        bn.setCheckable(True)
        bn.setChecked(spec["batch_norm"])
        bn.setToolTip(self.tr("Normalize this layer's pre-activations over the mini-batch (rebuilds the network)"))
        bn.triggered.connect(lambda on: knobs.set_layer(index, batch_norm=bool(on)))
        drop_menu = menu.addMenu(self.tr("Dropout"))
        for rate in (0.0, 0.1, 0.2, 0.3, 0.5):
            a = drop_menu.addAction(self.tr("off") if rate == 0 else numbers(f"{rate:g}"))
            a.setCheckable(True)
            a.setChecked(abs(spec["dropout"] - rate) < 1e-9)
            a.triggered.connect(lambda _=False, r=rate: knobs.set_layer(index, dropout=r))
        res = menu.addAction(self.tr("Residual connection"))
        res.setCheckable(True)
        res.setChecked(spec["residual"])
        res.setEnabled(spec["size"] == fan_in or spec["residual"])
        res.setToolTip(self.tr("{formula}; needs as many units as inputs ({units} units, {inputs} inputs)").format(
            formula=formula("a = f(z) + x"), units=numbers(str(spec["size"])), inputs=numbers(str(fan_in))))
        res.triggered.connect(lambda on: knobs.set_layer(index, residual=bool(on)))
        menu.addSeparator()
        more = menu.addAction(self.tr("Add a neuron"))
        more.triggered.connect(lambda: knobs.set_layer(index, size=spec["size"] + 1))
        fewer = menu.addAction(self.tr("Remove a neuron"))
        fewer.setEnabled(spec["size"] > 1)
        fewer.triggered.connect(lambda: knobs.set_layer(index, size=spec["size"] - 1))
        menu.addSeparator()
        add = menu.addAction(self.tr("Insert a layer after this one"))
        add.triggered.connect(lambda: knobs.add_layer(index))
        rem = menu.addAction(self.tr("Remove this layer"))
        rem.triggered.connect(lambda: knobs.remove_layer(index))
        if "hidden" in s.config["classroom"]["locked_knobs"]:      # the instructor locked the layers
            for act in menu.actions():
                if act is not inspect:
                    act.setEnabled(False)
            menu.addSeparator()
            menu.addAction(self.tr("Layers locked by the instructor")).setEnabled(False)
        if self.layer_menu is not None:
            self.layer_menu.deleteLater()
        self.layer_menu = menu
        return menu

    def _inspect_layer(self, layer: int) -> None:
        with np.errstate(all="ignore"):
            self.inspector.show_layer(self.session, layer)
        self._show_inspector()

    def _show_inspector(self) -> None:
        self.inspector_dock.show()
        self.inspector_dock.raise_()

    def _on_point_clicked(self, x: float, y: float, button: int) -> None:
        """Draw mode on the data view: left adds a point of the chosen class, right removes the nearest."""
        s = self.session
        self.pause()
        try:
            if button == QtCore.Qt.MouseButton.RightButton.value:
                x0, x1, y0, y1 = s.data_extent()
                if not s.remove_point_near(x, y, 0.05 * max(x1 - x0, y1 - y0)):
                    self.statusBar().showMessage(self.tr("No point near the click to remove"), 3000)
                    return
                what = self.tr("Removed a point")
            else:
                s.add_point(x, y, self.draw_bar.label())
                what = self.tr("Added a point of {label}").format(label=self.draw_bar.class_combo.currentText())
        except ValueError as err:
            self.statusBar().showMessage(str(err), 6000)
            return
        self.statusBar().showMessage(self.tr("{what} at {where}: {count} points").format(
            what=what, where=formula(f"({x:.2f}, {y:.2f})"), count=numbers(str(len(s.prep.dataset)))), 4000)

    def _on_problem(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 10000)
