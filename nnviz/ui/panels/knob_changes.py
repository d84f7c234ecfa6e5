"""What the knobs panel's controls change: one ``session.configure(...)`` call each.

A value the session refuses (a ValueError naming the field) changes nothing;
the panel shows the reason instead.  Layer edits keep residual connections
only where a layer is as wide as its input.
"""

from __future__ import annotations

import copy

from nnviz.data import DATASETS
from nnviz.engine.optimizers import OPTIMIZERS as _OPT_CLASSES
from nnviz.session.config import DEFAULT_HIDDEN, MAX_HIDDEN_LAYERS
from nnviz.ui.panels.knob_widgets import friendly_error


def _drop_bad_residuals(hidden: list[dict], n_inputs: int) -> None:
    """Switch off residual connections that a size change made impossible."""
    fan_in = n_inputs
    for h in hidden:
        if h.get("residual") and h["size"] != fan_in:
            h["residual"] = False
        fan_in = h["size"]


class KnobChanges:
    """Turn control changes into session config changes (part of :class:`~nnviz.ui.panels.knobs.KnobsPanel`)."""

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
