"""Edit → Undo, Redo and History: every user edit of the window's session on one QUndoStack.

The session hands each edit over with the state before it
(:mod:`nnviz.session.edits`); a command here is that edit, already done when
it is pushed. Undo captures the state of now and restores the one before the
edit; redo captures again and restores what undo left, so undo and redo move
between exact states and nothing trained in between is lost. Consecutive
changes of one knob with no step between them (a slider being dragged) merge
into one command. A new experiment, lesson or file starts a new history; a
change of the classroom setup clears it, so undo cannot go back past a lock.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session import edits
from nnviz.session.formatting import format_number
from nnviz.session.inspect import person_label
from nnviz.session.language import ltr
from nnviz.ui.i18n import translate

UNDO_LIMIT = 100


def _value(value) -> str:
    if isinstance(value, bool):
        return translate("EditHistory", "on") if value else translate("EditHistory", "off")
    if isinstance(value, float):
        return format_number(value)
    if isinstance(value, (list, dict)):
        return "…"
    return str(value)


def _change(old, new) -> str:
    """"old → new", kept left to right inside a right-to-left line."""
    return ltr(f"{old} → {new}")


def _knob_names() -> dict:
    return {
        "lr": translate("EditHistory", "learning rate"),
        "batch_size": translate("EditHistory", "batch size"),
        "optimizer": translate("EditHistory", "optimizer"),
        "optimizer_options": translate("EditHistory", "optimizer options"),
        "dataset": translate("EditHistory", "data set"),
        "noise": translate("EditHistory", "noise"),
        "n_samples": translate("EditHistory", "samples"),
        "test_ratio": translate("EditHistory", "test share"),
        "features": translate("EditHistory", "input features"),
        "seed": translate("EditHistory", "seed"),
        "init": translate("EditHistory", "initialization"),
        "init_gain": translate("EditHistory", "initial weight gain"),
        "regularization": translate("EditHistory", "regularization"),
        "reg_rate": translate("EditHistory", "regularization rate"),
        "clip_norm": translate("EditHistory", "gradient clipping"),
        "schedule": translate("EditHistory", "learning-rate schedule"),
        "schedule_options": translate("EditHistory", "schedule options"),
        "loss": translate("EditHistory", "loss"),
        "output_activation": translate("EditHistory", "output activation"),
        "standardize": translate("EditHistory", "standardize inputs"),
        "early_stopping": translate("EditHistory", "early stopping"),
        "patience": translate("EditHistory", "patience"),
        "augment": translate("EditHistory", "augmentation"),
        "csv": translate("EditHistory", "imported data"),
    }


def _layers_text(old: list, new: list) -> str:
    if len(new) > len(old):
        return translate("EditHistory", "Added a hidden layer")
    if len(new) < len(old):
        return translate("EditHistory", "Removed a hidden layer")
    for i, (a, b) in enumerate(zip(old, new)):
        changed = [k for k in b if a.get(k) != b[k]]
        if not changed:
            continue
        if changed == ["size"]:
            return translate("EditHistory", "Layer {layer}: {change} neurons").format(
                layer=i + 1, change=_change(a["size"], b["size"]))
        if len(changed) == 1:
            key = changed[0]
            return translate("EditHistory", "Layer {layer}: {what} {change}").format(
                layer=i + 1, what=key.replace("_", " "), change=_change(_value(a[key]), _value(b[key])))
        return translate("EditHistory", "Layer {layer} changed").format(layer=i + 1)
    return translate("EditHistory", "Hidden layers changed")


def describe(edit: edits.Edit) -> str:
    """The line the History list and the Undo/Redo actions show for ``edit``."""
    if edit.kind == "weight":
        d = edit.detail
        index = d["index"] if isinstance(d["index"], tuple) else (d["index"],)
        if d["key"] == "W" and len(index) == 2:
            name = person_label("weight", d["layer"], *index)
        elif d["key"] == "b" and len(index) == 1:
            name = person_label("bias", d["layer"], j=index[0])
        else:
            name = f"{d['key']}{d['layer']}[{', '.join(str(i + 1) for i in index)}]"
        return translate("EditHistory", "{name}: {change}").format(
            name=ltr(name), change=_change(format_number(d["old"]), format_number(d["value"])))
    if edit.kind == "neuron":
        old = {tuple(p) for p in edit.old["disabled_neurons"]}
        new = {tuple(p) for p in edit.new["disabled_neurons"]}
        for layer, j in sorted(new - old):
            return translate("EditHistory", "Switched off {neuron}").format(neuron=person_label("neuron", layer, j=j))
        for layer, j in sorted(old - new):
            return translate("EditHistory", "Switched on {neuron}").format(neuron=person_label("neuron", layer, j=j))
    if edit.kind == "point added":
        return translate("EditHistory", "Drew a point")
    if edit.kind == "point removed":
        return translate("EditHistory", "Removed a point")
    keys = edit.changed_keys()
    if keys == ["hidden"] or set(keys) == {"hidden", "disabled_neurons"}:
        return _layers_text(edit.old["hidden"], edit.new["hidden"])
    names = _knob_names()
    main = [k for k in keys if k in names] or keys
    if len(main) == 1:
        key = main[0]
        change = _change(_value(edit.old.get(key)), _value(edit.new[key]))
        return translate("EditHistory", "{what}: {change}").format(what=names.get(key, key.replace("_", " ")),
                                                                    change=change)
    what = ", ".join(names.get(k, k.replace("_", " ")) for k in main)
    return translate("EditHistory", "Changed {what}").format(what=what)


class EditCommand(QtGui.QUndoCommand):
    """One user edit; done when pushed (the session already made it)."""

    def __init__(self, history: EditHistory, edit: edits.Edit) -> None:
        super().__init__(describe(edit))
        self.history, self.edit = history, edit
        self.before, self.after = edit.before, None
        keys = edit.changed_keys()
        self._merge_key = keys[0] if edit.kind == "settings" and len(keys) == 1 and keys[0] != "hidden" else None

    def id(self) -> int:  # noqa: A003 (Qt API)
        return 1 if self._merge_key is not None else -1

    def mergeWith(self, other: QtGui.QUndoCommand) -> bool:  # noqa: N802 (Qt API)
        if not isinstance(other, EditCommand) or other._merge_key != self._merge_key or self.after is not None:
            return False
        if other.before.step != self.edit.position[0] or other.before.attrs["_index"] != self.edit.position[1]:
            return False                # a step came between: two edits
        self.edit = edits.Edit(self.edit.kind, self.before, self.edit.old, other.edit.new, {}, other.edit.position)
        self.setText(describe(self.edit))
        self.setObsolete(self.edit.old == self.edit.new)
        return True

    def undo(self) -> None:
        session = self.history.session()
        self.history.pause()
        self.after = edits.capture(session)
        edits.restore(session, self.before)

    def redo(self) -> None:
        if self.after is None:          # the first redo is the edit itself, already made
            return
        session = self.history.session()
        self.history.pause()
        self.before = edits.capture(session)
        edits.restore(session, self.after)


class EditHistory(QtCore.QObject):
    """The window's undo stack over whatever session it holds; Edit menu actions and the History list."""

    def __init__(self, window: QtWidgets.QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.stack = QtGui.QUndoStack(self)
        self.stack.setUndoLimit(UNDO_LIMIT)
        self.view: QtWidgets.QWidget | None = None
        self._session = None
        self.follow(window.session)

    def session(self):
        return self._session

    def pause(self) -> None:
        self.window.pause()

    def follow(self, session) -> None:
        """Listen to ``session``'s edits (a new session: a new history)."""
        if self._session is session:
            return
        if self._session is not None:
            edits.listen(self._session, None)
        self._session = session
        edits.listen(session, self._on_edit)
        self.stack.clear()

    def detach(self) -> None:
        if self._session is not None:
            edits.listen(self._session, None)

    def _on_edit(self, edit: edits.Edit) -> None:
        if edit.kind == "classroom":
            self.stack.clear()
            return
        self.stack.push(EditCommand(self, edit))

    def undo(self) -> bool:
        """Undo the last edit; False when there is none."""
        if not self.stack.canUndo():
            return False
        self.stack.undo()
        return True

    def redo(self) -> bool:
        if not self.stack.canRedo():
            return False
        self.stack.redo()
        return True

    def actions(self) -> tuple[QtGui.QAction, QtGui.QAction]:
        """Undo and Redo actions whose text names the edit (Ctrl+Z; Ctrl+Shift+Z or Ctrl+Y)."""
        undo = self.stack.createUndoAction(self.window, translate("EditHistory", "&Undo"))
        undo.setShortcuts(QtGui.QKeySequence.keyBindings(QtGui.QKeySequence.StandardKey.Undo))
        redo = self.stack.createRedoAction(self.window, translate("EditHistory", "&Redo"))
        redo.setShortcuts([QtGui.QKeySequence("Ctrl+Shift+Z"), QtGui.QKeySequence("Ctrl+Y")])
        undo.setStatusTip(translate("EditHistory", "Put the experiment back exactly as it was before the last edit"))
        redo.setStatusTip(translate("EditHistory", "Make the edit again, back to where Undo was chosen"))
        return undo, redo

    def show_view(self) -> QtWidgets.QWidget:
        """Edit → History: the list of edits; clicking one goes back (or forward) to it."""
        if self.view is None:
            view = QtWidgets.QUndoView(self.stack, self.window)
            view.setWindowFlag(QtCore.Qt.WindowType.Window)
            view.setWindowTitle(translate("EditHistory", "Edit history"))
            view.setEmptyLabel(translate("EditHistory", "As opened"))
            view.resize(360, 420)
            self.view = view
        self.view.show()
        if QtGui.QGuiApplication.platformName() != "offscreen":
            self.view.raise_()
        return self.view
