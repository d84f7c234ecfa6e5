"""Undoable edits: the session's whole state before a user edit, kept so that undo puts it back exactly.

A user edit is one of the session's own operations -- ``configure`` (a knob,
a layer from the header menu, imported data), ``set_param`` (a typed weight
or bias), ``set_neuron_enabled``, ``add_point`` and ``remove_point_near``.
Each is marked :func:`undoable`: when someone listens (:func:`listen`, the
window's undo stack), the state before the outermost edit is captured and,
once the edit changed something, handed over as an :class:`Edit`.

Undo does not compute an inverse (a rebuilt network's old weights cannot be
recomputed, a typed weight may since have trained): :func:`restore` puts back
the captured state -- config, data, network, parameters, batch-norm buffers,
optimizer state, both random generators, the epoch position, the shown phase,
the metrics and the rewind history -- so the numbers afterwards are those of
before the edit, bit for bit. Training done after an edit is part of the state
undo leaves; the window captures it first, so redo brings it back.

Capturing copies the parameter vector, the optimizer state and the metric
series; the history's snapshots, the data and the trace of the shown step are
never modified once made, so they are shared, not copied. A rebuilt network's
old objects stay alive as long as an edit holds them (the window's undo limit
bounds that).

The classroom setup is not an edit to undo: :func:`restore` keeps the setup
the session has now, and an edit that changes it is handed over with kind
"classroom" (the window then forgets older edits, so undo cannot step back
past a lock).
"""

from __future__ import annotations

import copy
import dataclasses
import functools

import numpy as np

from .history import restore_snapshot, take_snapshot

_NOT_STATE = ("_listeners", "_edit_listener", "_edit_depth")


@dataclasses.dataclass
class EditState:
    """Everything an edit or the training after it can change (see the module docstring)."""

    attrs: dict                 # the session's attributes: objects by reference, values as they were
    snapshot: object            # history.Snapshot: parameters, buffers, optimizer, generators, epoch position
    spec: dict                  # the network spec's mutable parts: penalty and per-layer dropout
    metrics: dict               # name -> series
    history: object             # a copy of the rewind history (sharing its snapshots)
    grad: np.ndarray            # the shown step's gathered gradients (the update reads them)

    @property
    def config(self) -> dict:
        return self.attrs["config"]

    @property
    def step(self) -> int:
        return self.attrs["_steps_done"]


@dataclasses.dataclass
class Edit:
    """One user edit, as the listener receives it.

    kind: "settings", "weight", "neuron", "point added", "point removed" or "classroom".
    before: the state to restore on undo. old/new: the config before and after.
    detail: for "weight" the layer, key, index and the old and new value; else {}.
    position: (step, phase index) right after the edit (consecutive edits of one knob merge only
    when nothing was stepped between them).
    """

    kind: str
    before: EditState
    old: dict
    new: dict
    detail: dict
    position: tuple

    def changed_keys(self) -> list[str]:
        """Config fields the edit changed, in config order."""
        return [k for k in self.new if self.old.get(k) != self.new[k]]


def listen(session, callback) -> None:
    """Hand every user edit of ``session`` to ``callback(edit)`` (None: stop; edits are then not captured)."""
    session._edit_listener = callback
    session._edit_depth = 0


def undoable(kind: str):
    """Mark a Session method as a user edit of ``kind`` (only the outermost of nested edits is handed over)."""
    def mark(method):
        @functools.wraps(method)
        def edit(session, *args, **kwargs):
            listener = getattr(session, "_edit_listener", None)
            if listener is None:
                return method(session, *args, **kwargs)
            outermost = session._edit_depth == 0
            before = capture(session) if outermost else None
            detail = _weight_detail(session, args, kwargs) if outermost and kind == "weight" else {}
            session._edit_depth += 1
            try:
                result = method(session, *args, **kwargs)
            finally:
                session._edit_depth -= 1
            if outermost:
                _hand_over(session, listener, kind, before, detail)
            return result
        return edit
    return mark


def _weight_detail(session, args, kwargs) -> dict:
    names = ("layer", "key", "index", "value")
    given = dict(zip(names, args), **kwargs)
    try:
        old = float(session.network.params[given["layer"] - 1][given["key"]][given["index"]])
    except (KeyError, IndexError, TypeError, ValueError):
        old = None                  # a bad call: set_param refuses it, nothing is handed over
    return {**given, "old": old}


def _hand_over(session, listener, kind, before, detail) -> None:
    old, new = before.config, session.config
    if kind == "weight":
        if detail["old"] is None or np.float64(detail["old"]).tobytes() == np.float64(detail["value"]).tobytes():
            return
    elif new is old or new == old:
        return
    if old.get("classroom") != new.get("classroom"):
        kind = "classroom"
    listener(Edit(kind, before, old, new, detail, (session.step, session._index)))


def capture(session) -> EditState:
    """The session's state now, for :func:`restore` (the pending whole-set scoring is done first)."""
    session._evaluator.flush()
    net = session.network
    net.sync_params()
    attrs = {k: v for k, v in vars(session).items() if k not in _NOT_STATE}
    attrs["_undo"] = list(session._undo)
    snap = take_snapshot(session.step, net, session.optimizer, session._batch_rng,
                         session._order, session._pos, session.epoch)
    spec = {"regularization": dict(net.spec["regularization"]),
            "dropout": [layer["dropout"] for layer in net.layers]}
    metrics = {name: np.array(session.metrics[name]) for name in session.metrics.names() if name != "steps"}
    return EditState(attrs, snap, spec, metrics, session.history.copy(), session._layout.grad.copy())


def restore(session, state: EditState) -> None:
    """Put ``state`` back (it stays valid for another restore); the classroom setup stays as it is now."""
    classroom = session.config["classroom"]
    vars(session).update(state.attrs)
    session._undo = list(state.attrs["_undo"])
    if session.config["classroom"] != classroom:
        session.config = {**session.config, "classroom": copy.deepcopy(classroom)}
    net = session.network
    restore_snapshot(state.snapshot, net, session.optimizer, session._batch_rng)
    net.spec["regularization"].clear()
    net.spec["regularization"].update(state.spec["regularization"])
    for layer, rate in zip(net.layers, state.spec["dropout"]):
        layer["dropout"] = rate
    session._apply_disabled()
    session.metrics.load_state(state.metrics)
    session.history = state.history.copy()
    session._layout.grad[...] = state.grad
    session._visible = None
    session.edited = True
    session._notify("rebuild")
