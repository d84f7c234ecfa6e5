"""The training session: one experiment's data, network, optimizer, stepper and history.

Everything a user can do in the window is a method here first, so it can be
tested without Qt and driven from the command line.

``Session`` is one object with one state, written in three modules by
concern: this one builds it and edits it (knobs, points, typed weights,
switched neurons, undo, files), stepper.py moves it (the phase-by-phase
stepper, run and rewind) and queries.py answers questions about it
(inspection, health, predictions). Read stepper.py for how a step is shown
phase by phase and how rewind replays it exactly.
"""

import numpy as np

from nnviz.data.messages import UserError, template
from nnviz.engine import Network, make_optimizer

from . import classroom
from . import edits
from .augment import EpochInputs
from .config import STRUCTURAL, validate_config
from .embedded import with_embedded_csv
from .evaluation import Evaluator
from .files import load_session, save_session, session_from_config_text
from .gradient_stats import GradientLayout
from .history import History
from .lessons import LESSONS
from .metrics import Metrics
from .phases import phase_list
from .pipeline import network_spec, prepare
from .queries import QueriesMixin
from .stepper import StepperMixin, StepRecord
from .validate import config_message_of_spec_error

__all__ = ["Session", "StepRecord", "load_experiment", "experiment_from_config_text"]

DATA_KEYS = ("dataset", "n_samples", "noise", "seed", "points", "csv")
UNDO_DEPTH = 50

# what a typed weight or a switched neuron is refused for, in the user's language (see nnviz.data.messages)
WEIGHT_NOT_FINITE = template("Session", "a weight must be a finite number, got {value}")
NO_PARAMETER = template("Session", "layer {layer} has no parameter {key}")
INDEX_OUTSIDE = template("Session", "index {index} is outside {key} of shape {shape}")
NO_HIDDEN_NEURON = template("Session", "no hidden neuron {neuron} in layer {layer}")


class Session(StepperMixin, QueriesMixin):
    """One experiment. ``Session(config)`` validates the config (ValueError names the field).

    This module builds the session and holds what a user edits (knobs, points,
    typed weights, switched neurons, undo) and its files; stepping and rewind
    are in stepper.py and the read-only questions in queries.py.
    """

    def __init__(self, config=None):
        self._listeners = []
        self._build(validate_config({} if config is None else config))
        self.edited = False
        """True after an edit since the experiment was opened or saved: a knob, a point, a typed weight,
        a switched neuron. Stepping, running, rewinding and resetting are not edits: they do not
        make the file out of date (it reproduces the run), so they do not mark it unsaved."""

    @classmethod
    def from_lesson(cls, lesson_id):
        if lesson_id not in LESSONS:
            raise ValueError(f"unknown lesson {lesson_id!r}; lessons: {', '.join(LESSONS)}")
        session = cls(LESSONS[lesson_id].config)
        session.lesson = LESSONS[lesson_id]
        return session

    # ------------------------------------------------------------ building
    def _build(self, config, dataset=None, params=None):
        """(Re)build data, network and optimizer for a validated config; step 0 (with ``params`` if given)."""
        _check_combination(config)
        prep = prepare(config, dataset)
        config = with_embedded_csv(config, prep.dataset)     # a CSV is read once, then carried along
        _check_training_set(config, len(prep.X_train))
        try:
            net = Network.from_spec(network_spec(config, prep))
        except ValueError as err:
            raise ValueError(config_message_of_spec_error(str(err), len(config["hidden"]))) from None
        if params is not None:
            net.flat[...] = params
        opt = make_optimizer(config["optimizer"], net, lr=config["lr"], **config["optimizer_options"])
        self.config, self.prep, self.network, self.optimizer = config, prep, net, opt
        self.lesson = getattr(self, "lesson", None)
        self._batch_rng = np.random.default_rng([config["seed"], 2])
        self._epoch_inputs = EpochInputs(prep, config["seed"])
        self._order, self._pos, self.epoch = None, 0, 0
        self.history = History(config["history_steps"], config["history_mb"] * 2**20)
        self.metrics = Metrics(net.n_layers)
        self._evaluator, self._layout = Evaluator(net, prep, self.metrics), GradientLayout(net)
        self._record, self._index, self._steps_done = None, -1, 0
        self._phases = phase_list(net.n_layers)
        self._visible = None
        self.diverged, self.stopped_early, self.message = False, False, ""
        self._undo = []
        self._apply_disabled()
        self._notify("rebuild")

    @edits.undoable("settings")
    def configure(self, _record_undo=True, **changes):
        """Change knobs. Structural ones rebuild (step 0); rates apply at the next step.

        Returns True when the network was rebuilt. On a bad value nothing changes.
        Each change can be undone with ``undo_config``.
        """
        if "hidden" in changes and "disabled_neurons" not in changes and isinstance(changes["hidden"], list):
            sizes = [h.get("size", 0) if isinstance(h, dict) else 0 for h in changes["hidden"]]
            changes["disabled_neurons"] = [p for p in self.config["disabled_neurons"]
                                           if p[0] <= len(sizes) and p[1] < sizes[p[0] - 1]]
        new = validate_config({**self.config, **changes})
        old = self.config
        if new == old:
            return False
        classroom.check_change(old, new)            # a password-locked setup stays as it is
        self.edited = True
        if _needs_rebuild(old, new):
            reuse = self.prep.dataset if all(old[k] == new[k] for k in DATA_KEYS) else None
            # standardizing (or not) changes what the inputs look like, not the network: keep its weights
            keep = self.network.flat.copy() if {k for k in new if new[k] != old[k]} == {"standardize"} else None
            undo = self._undo
            self._build(new, reuse, keep)
            self._undo = undo
            self._push_undo(old, _record_undo)
            return True
        _check_combination(new)
        if new["optimizer"] != old["optimizer"] or new["optimizer_options"] != old["optimizer_options"]:
            opt = make_optimizer(new["optimizer"], self.network, lr=new["lr"], **new["optimizer_options"])
            if new["optimizer"] == old["optimizer"]:
                opt.t, opt.state = self.optimizer.t, self.optimizer.state
            self.optimizer = opt
        self.network.spec["regularization"].update(kind=new["regularization"], rate=new["reg_rate"])
        for layer, hidden in zip(self.network.layers, new["hidden"]):
            layer["dropout"] = hidden["dropout"]
        self.history.max_steps, self.history.max_bytes = new["history_steps"], new["history_mb"] * 2**20
        self.config = new
        self._apply_disabled()
        self._push_undo(old, _record_undo)
        self._notify("config")
        return False

    def _push_undo(self, old, record):
        if record:
            self._undo.append(old)
            del self._undo[:-UNDO_DEPTH]

    @edits.undoable("point added")
    def add_point(self, x1, x2, label):
        """Add a hand-placed point to a 2-D data set (it becomes a "custom" set); rebuilds."""
        ds = self.prep.dataset
        if ds.task != "regression" and label not in range(ds.n_classes):
            raise ValueError(f"config.points: label must be a class from 0 to {ds.n_classes - 1}, got {label!r}")
        points = self._points()
        points.append([float(x1), float(x2), label])
        self.configure(dataset="custom", points=points)

    @edits.undoable("point removed")
    def remove_point_near(self, x1, x2, radius):
        """Remove the data point nearest to (x1, x2) within radius; returns True if one was removed."""
        ds = self.prep.dataset
        index = ds.nearest_point([x1, x2], radius)
        if index is None:
            return False
        points = self._points()
        if len(points) <= 2:
            raise ValueError("config.points: a data set needs at least 2 points")
        del points[index]
        self.configure(dataset="custom", points=points)
        return True

    def _points(self):
        ds = self.prep.dataset
        if ds.n_inputs != 2:
            raise ValueError("config.points: points can be placed by hand on 2-D data sets only")
        labels = ds.y.tolist() if ds.task != "regression" else ds.y.astype(float).tolist()
        return [[float(x[0]), float(x[1]), label] for x, label in zip(ds.X, labels)]

    # ------------------------------------------------------------ hands on
    @edits.undoable("weight")
    def set_param(self, layer, key, index, value):
        """Set one parameter by hand: params[layer - 1][key][index] = value (layer 1..L).

        A step already shown but not applied is cancelled (its numbers used the
        old value): the session returns to the step boundary, ready to step
        with the new value. Snapshots after that boundary are dropped.
        """
        value = float(value)
        if not np.isfinite(value):
            raise UserError(WEIGHT_NOT_FINITE, value=repr(value))
        net = self.network
        if not 1 <= layer <= net.n_layers or key not in net.params[layer - 1]:
            raise UserError(NO_PARAMETER, layer=layer, key=repr(key))
        target = net.params[layer - 1][key]
        try:
            target[index]
        except IndexError:
            raise UserError(INDEX_OUTSIDE, index=index, key=key, shape=target.shape) from None
        self._to_boundary()
        target[index] = value
        self.edited = True
        self._changed()

    def _to_boundary(self):
        last = len(self._phases) - 1
        if self._record is not None and self._index != last:
            self._restore(self._record.index)
        self.history.drop_from(self._steps_done)
        self._record, self._index = None, -1

    @edits.undoable("neuron")
    def set_neuron_enabled(self, layer, j, enabled):
        """Switch hidden neuron j (0-based) of layer (1..L-1) off or on; kept in the config."""
        if not 1 <= layer < self.network.n_layers or not 0 <= j < self.network.sizes[layer]:
            raise UserError(NO_HIDDEN_NEURON, neuron=j, layer=layer)
        off = {tuple(p) for p in self.config["disabled_neurons"]}
        off.discard((layer, j)) if enabled else off.add((layer, j))
        self._to_boundary()             # a step already shown was computed with the old switch
        self.configure(disabled_neurons=sorted([list(p) for p in off]))
        self._changed()

    def _apply_disabled(self):
        by_layer = {}
        for layer, j in self.config["disabled_neurons"]:
            by_layer.setdefault(layer, []).append(j)
        for layer in range(1, self.network.n_layers):
            self.network.set_disabled(layer - 1, by_layer.get(layer, []))

    def undo_config(self):
        """Undo the last knob change; returns False when there is nothing to undo."""
        if not self._undo:
            return False
        previous = self._undo.pop()
        self.configure(_record_undo=False, **previous)
        return True

    @property
    def can_undo(self):
        return bool(self._undo)

    def reset(self):
        """Back to step 0 with freshly initialised weights (same seed: same weights)."""
        self._build(self.config, self.prep.dataset)

    # ------------------------------------------------------------ listeners
    def subscribe(self, callback):
        """callback(event) after every change; event is "phase", "rebuild" or "config"."""
        self._listeners.append(callback)

    def unsubscribe(self, callback):
        if callback in self._listeners:
            self._listeners.remove(callback)

    def _notify(self, event):
        for callback in list(self._listeners):
            callback(event)

    @property
    def n_layers(self):
        return self.network.n_layers

    # ------------------------------------------------------------ files
    def save(self, path, weights=True):
        """Write an experiment file atomically (weights and training state included by default)."""
        save_session(self, path, weights)
        self.edited = False

    @classmethod
    def load(cls, path):
        """Open an experiment file; a bad file raises ExperimentFileError (a ValueError) naming the field."""
        return load_session(cls, path)


def load_experiment(path):
    """Open the experiment file at ``path``: the one call for the window, the command line and start-up.

    Every field is checked before anything is built; whatever is wrong with
    the file (unreadable, not JSON, a bad or inconsistent field, too large)
    raises ExperimentFileError, a ValueError whose message is one line
    ``NAME: FIELD: reason`` and whose ``path``, ``field`` and ``reason`` say
    the same for code. No other exception comes from a bad file, so callers
    catch that one error at their boundary.
    """
    return Session.load(path)


def experiment_from_config_text(text, origin="last experiment"):
    """A session from a config kept as JSON text (a setting, not a file): as load_experiment, one error.

    ExperimentFileError names ``origin`` where load_experiment names the file.
    """
    return session_from_config_text(Session, text, origin)


def _needs_rebuild(old, new):
    if any(old[k] != new[k] for k in STRUCTURAL):
        return True
    if len(old["hidden"]) != len(new["hidden"]):
        return True
    keys = ("size", "activation", "batch_norm", "residual")
    return any(a[k] != b[k] for a, b in zip(old["hidden"], new["hidden"]) for k in keys)


def _check_training_set(config, n_train):
    """The split must leave samples to train on: one at least, two for batch norm."""
    need = 2 if any(h["batch_norm"] for h in config["hidden"]) else 1
    if n_train < need:
        raise ValueError(f"config.test_ratio: {config['test_ratio']:g} leaves {n_train} training samples; "
                         f"{'batch norm needs' if need > 1 else 'training needs'} at least {need}")


def _check_combination(config):
    if config["batch_size"] == 1 and any(h["batch_norm"] for h in config["hidden"]):
        raise ValueError("config.batch_size: batch norm needs mini-batches of at least 2 samples")
