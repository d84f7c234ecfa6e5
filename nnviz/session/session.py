"""The training session: one experiment's data, network, optimizer, stepper and history.

Everything a user can do in the window is a method here first, so it can be
tested without Qt and driven from the command line.

The stepper shows one training step as phases (see phases.py). When a step
begins, its forward and backward passes are computed at once with the
parameters of that moment; the phases then reveal the recorded quantities in
lecture order (``trace`` holds only what the current phase knows), and the
update is applied when the "update" phase is reached. Rewind restores a
step-boundary snapshot and replays, so stepping back and forth reproduces the
same numbers bit for bit.
"""

import dataclasses
import math

import numpy as np

from nnviz.data.split import MIN_BATCH_NORM_BATCH, batch_end
from nnviz.engine import Network, clip_grad_norm, make_optimizer
from nnviz.engine.trace import Trace

from . import classroom
from . import edits
from . import health as health_mod
from . import recovery
from . import activation_curves as curves_mod
from . import landscape
from . import neuron_graph as graph_mod
from .augment import EpochInputs
from .config import STRUCTURAL, validate_config
from .embedded import with_embedded_csv
from .files import session_from_config_text
from .history import History, restore_snapshot, take_snapshot
from .metrics import Evaluator, GradientLayout, Metrics, layer_gradient_stats
from .phases import Phase, phase_list
from .pipeline import network_spec, prepare
from .schedule import scheduled_lr
from .validate import config_message_of_spec_error

DATA_KEYS = ("dataset", "n_samples", "noise", "seed", "points", "csv")
UNDO_DEPTH = 50


@dataclasses.dataclass
class StepRecord:
    """What one step computed: its batch, full trace and gradients (before clipping)."""

    index: int
    batch: np.ndarray
    trace: Trace
    grads: list
    applied_grads: list
    global_norm: float
    lr: float
    before_flat: np.ndarray
    grad_squares: np.ndarray | None = None     # per parameter, the sum of its squared gradients
    regularization: dict | None = None         # the penalty in these gradients (a later change waits)


class Session:
    """One experiment. ``Session(config)`` validates the config (ValueError names the field)."""

    def __init__(self, config=None):
        self._listeners = []
        self._build(validate_config({} if config is None else config))
        self.edited = False
        """True after an edit since the experiment was opened or saved: a knob, a point, a typed weight,
        a switched neuron. Stepping, running, rewinding and resetting are not edits: they do not
        make the file out of date (it reproduces the run), so they do not mark it unsaved."""

    @classmethod
    def from_lesson(cls, lesson_id):
        from .lessons import LESSONS
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
            raise ValueError(f"a weight must be a finite number, got {value!r}")
        net = self.network
        if not 1 <= layer <= net.n_layers or key not in net.params[layer - 1]:
            raise ValueError(f"layer {layer} has no parameter {key!r}")
        target = net.params[layer - 1][key]
        try:
            target[index]
        except IndexError:
            raise ValueError(f"index {index} is outside {key} of shape {target.shape}") from None
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
            raise ValueError(f"no hidden neuron {j} in layer {layer}")
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

    def inspect_neuron(self, layer, j, sample=0):
        from .inspect import inspect_neuron
        return inspect_neuron(self, layer, j, sample)

    def inspect_edge(self, layer, i, j):
        from .inspect import inspect_edge
        return inspect_edge(self, layer, i, j)

    def gradient_check(self, layer, key="W", indices=None, eps=1e-5):
        from .inspect import gradient_check
        return gradient_check(self, layer, key, indices, eps)

    def confusion_matrix(self, split="test"):
        from .inspect import confusion_matrix
        return confusion_matrix(self, split)

    def hidden_features(self, layer, j1, j2, split="train"):
        from .inspect import hidden_features
        return hidden_features(self, layer, j1, j2, split)

    def loss_landscape(self, directions="pca", span=1.0, resolution=41, split="train"):
        """The loss over a plane through the current weights and the path there (see landscape.py)."""
        return landscape.loss_landscape(self, directions, span, resolution, split)

    def activation_curves(self, layer):
        """f and f' of a layer (1..L) over the range its pre-activations use (see activation_curves.py)."""
        return curves_mod.activation_curves(self, layer)

    def neuron_graph(self, layer, j, sample=0):
        """Neuron j of a layer unrolled into operations, with values and chain-rule products (neuron_graph.py)."""
        return graph_mod.neuron_graph(self, layer, j, sample)

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

    # ------------------------------------------------------------ state
    @property
    def phase(self):
        if self._index < 0:
            return Phase("ready", None, self._steps_done, -1)
        kind, layer = self._phases[self._index]
        return Phase(kind, layer, self._record.index, self._index)

    @property
    def step(self):
        """Number of updates applied so far."""
        return self._steps_done

    @property
    def n_layers(self):
        return self.network.n_layers

    @property
    def batch(self):
        """Indices into the training set of the shown step's mini-batch (None when ready)."""
        return None if self._record is None else self._record.batch

    @property
    def trace(self):
        """The shown step's trace, holding only what the current phase knows (None when ready)."""
        if self._record is None:
            return None
        if self._visible is None:
            self._visible = self._visible_trace()
        return self._visible

    @property
    def grads(self):
        """Gradient dicts per layer as far as backward has reached (None entries before)."""
        if self._record is None:
            return None
        kind, layer = self._phases[self._index]
        L = self.n_layers
        if kind in ("forward", "loss"):
            return [None] * L
        if kind == "backward":
            return [g if i + 1 >= layer else None for i, g in enumerate(self._record.grads)]
        return list(self._record.grads)

    @property
    def update_delta(self):
        """At the update phase: per layer, new minus old value of every parameter."""
        if self._record is None or self._phases[self._index][0] != "update":
            return None
        net, before = self.network, self._record.before_flat
        return [{k: net.params[i][k] - before[net.flat_slice(i, k)].reshape(net.params[i][k].shape)
                 for k in net.params[i]} for i in range(self.n_layers)]

    @property
    def record(self):
        """The shown step's full StepRecord (for the inspector), or None."""
        return self._record

    def _visible_trace(self):
        full = self._record.trace
        kind, layer = self._phases[self._index]
        strip = dict(grad_a=None, grad_u=None, grad_z=None)
        if kind == "forward":
            layers = [dataclasses.replace(lt, **strip) for lt in full.layers[:layer]]
            return Trace(X=full.X, training=full.training, layers=layers)
        if kind == "update":
            return full
        if kind == "loss":
            layers = [dataclasses.replace(lt, **strip) for lt in full.layers]
        else:
            layers = [lt if i + 1 >= layer else dataclasses.replace(lt, **strip)
                      for i, lt in enumerate(full.layers)]
        return Trace(X=full.X, training=full.training, layers=layers, loss=full.loss,
                     data_loss=full.data_loss, penalty=full.penalty, y=full.y)

    # ------------------------------------------------------------ stepping
    def advance(self, unit="phase"):
        """Move forward by "phase", "step" (one mini-batch) or "epoch"; returns the new phase.

        A diverged run does not move: rewind first.
        """
        if unit not in ("phase", "step", "epoch"):
            raise ValueError(f"advance: unit must be phase, step or epoch, not {unit!r}")
        if self.diverged:
            return self.phase
        if unit == "phase":
            self._advance_phase()
        elif unit == "step":
            self._finish_step()
        else:
            start_epoch = self._epoch_of_next_batch()
            self._finish_step()
            while not self.diverged and self._epoch_of_next_batch() == start_epoch:
                self._finish_step()
        self._changed()
        return self.phase

    def run(self, steps, metrics=True):
        """Train ``steps`` steps without per-phase stops (finishing a shown step counts as one).

        Stops early on divergence, or on early stopping when that is on.
        Every step records all its metrics, whatever ``metrics`` says, so the
        best step does not depend on how the steps were chunked. Whole-set
        scoring is batched over steps (see metrics.Evaluator); metrics=False
        leaves the last batch to be scored when the metrics are next read or
        ``evaluate`` is called (a window playing one step at a time scores a
        frame's steps together), any other value scores it before returning.
        Returns the number of steps done.
        """
        done = 0
        while done < steps and not self.diverged and not self.stopped_early:
            self._finish_step()
            done += 1
        if metrics is not False:
            self._evaluator.flush()
        self._changed()
        return done

    def evaluate(self):
        """Score the steps still waiting for their whole-set metrics; fill a latest step an older file left NaN."""
        self._evaluator.flush()
        if not len(self.metrics) or math.isfinite(self.metrics.last("train_loss")):
            return
        self.metrics.update_last(self._eval_fields())

    def _advance_phase(self):
        last = len(self._phases) - 1
        if self._index in (-1, last):
            self._begin_step()
            self._index = 0
        elif self._index == last - 1:
            self._apply_update()
            self._index = last
        else:
            self._index += 1

    def _finish_step(self):
        last = len(self._phases) - 1
        if self._index in (-1, last):
            self._begin_step()
        self._apply_update()
        self._index = last

    def _epoch_of_next_batch(self):
        n = len(self.prep.X_train)
        return self.epoch + 1 if self._order is not None and self._pos >= n else self.epoch

    def _next_batch(self):
        n = len(self.prep.X_train)
        if self._order is None or self._pos >= n:
            if self._order is not None:
                self.epoch += 1
            self._order, self._pos = self._batch_rng.permutation(n), 0
        # batch norm needs a real batch: a short remainder joins the batch before it
        min_last = MIN_BATCH_NORM_BATCH if any(h["batch_norm"] for h in self.config["hidden"]) else 1
        end = batch_end(self._pos, n, self.config["batch_size"], min_last)
        batch = self._order[self._pos:end]
        self._pos = end
        return batch

    def _begin_step(self):
        """Snapshot the boundary, draw the batch, run forward and backward (no update yet)."""
        n = self._steps_done
        self.network.sync_params()
        snap = take_snapshot(n, self.network, self.optimizer, self._batch_rng, self._order, self._pos, self.epoch)
        self.history.push(snap)
        batch = self._next_batch()
        X = self._epoch_inputs.get(self.config["augment"], self.epoch)      # jittered when augmenting
        trace = self.network.forward(X[batch], training=True)
        grads = self.network.backward(trace, self.prep.y_train[batch])
        grad_squares = self._layout.squared_norms(grads)        # per parameter, reused by the metrics
        norm = math.sqrt(float(grad_squares.sum()))
        applied = grads
        if self.config["clip_norm"] > 0:
            applied = [{k: g.copy() for k, g in layer.items()} for layer in grads]
            clip_grad_norm(applied, self.config["clip_norm"])
        self._record = StepRecord(n, batch, trace, grads, applied, norm,
                                  scheduled_lr(self.config, n), snap.flat, grad_squares,
                                  dict(self.network.spec["regularization"]))
        self._visible = None

    def _apply_update(self):
        rec = self._record
        self.optimizer.lr = rec.lr
        # Unclipped, the optimizer reads the gradients the statistics already gathered.
        self.optimizer.step(rec.applied_grads, flat=self._layout.grad if rec.applied_grads is rec.grads else None)
        self._steps_done = rec.index + 1
        self._visible = None
        self.metrics.append(self._metrics_row(rec))
        # whole-set metrics: scored with the weights of now, batched with the next steps'
        self._evaluator.defer(len(self.metrics) - 1, self.config["health"]["saturation_level"])
        self._check_divergence(rec)
        if self.config["early_stopping"]:
            best = self.metrics.best_step()
            if best is not None and rec.index - best >= self.config["patience"]:
                self.stopped_early = True
                self.message = (f"Early stopping: the test loss has not improved for "
                                f"{self.config['patience']} steps; best at step {best + 1}.")

    def _metrics_row(self, rec):
        norm, rms, delta, ratio = layer_gradient_stats(self.network, rec.trace, rec.grads, rec.before_flat,
                                                       self._layout, rec.grad_squares)
        row = {"batch_loss": rec.trace.loss, "lr": rec.lr, "global_norm": rec.global_norm,
               "grad_norm": norm, "grad_rms": rms, "mean_abs_delta": delta, "update_ratio": ratio}
        row.update(self._evaluator.placeholders())
        return row

    def _eval_fields(self):
        """Losses and accuracies of the whole sets, and unit shares on the training set, now."""
        return self._evaluator.fields(self.network, self.config["health"]["saturation_level"])

    def _check_divergence(self, rec):
        bad = None
        if not math.isfinite(rec.trace.loss):
            bad = "the loss"
        elif not math.isfinite(rec.global_norm):
            bad = "a gradient"
        elif not np.isfinite(self.network.flat).all():
            bad = "a weight"
        if bad:
            self.diverged = True
            self.message = (f"Training diverged at step {rec.index + 1}: {bad} became NaN or infinite. "
                            "Rewind, then lower the learning rate, clip gradients or shrink the initial weights.")

    def _changed(self):
        self._visible = None
        self._notify("phase")

    # ------------------------------------------------------------ rewind
    def rewind(self, unit="phase"):
        """Step back one "phase", or to the previous step boundary ("step"). Returns the new phase.

        Going back past the oldest kept snapshot is not possible; the session
        then stays where it is and says so in ``message``.
        """
        if unit not in ("phase", "step"):
            raise ValueError(f"rewind: unit must be phase or step, not {unit!r}")
        if self.diverged:
            self._recover()
            self._changed()
            return self.phase
        last = len(self._phases) - 1
        if self._index == -1:
            self._rewind_from_ready()
        elif unit == "phase" and self._index == last:
            self._replay_to(self._record.index, apply=False)
            self._index = last - 1
        elif unit == "phase" and self._index > 0:
            self._index -= 1
        else:                               # to the end of the previous step
            self._goto_after(self._record.index - 1)
        self._changed()
        return self.phase

    @property
    def recovery_step(self):
        """After a divergence, the step a rewind goes back to: the newest sound one (recovery.py); else None."""
        if not self.diverged:
            return None
        return recovery.sound_step(self.history, self.metrics, self._steps_done)

    def _recover(self):
        """Go back to the newest sound step, ready to train on from it; say which step it is."""
        k = self.recovery_step
        if k is None:
            self.message = ("No kept step before the divergence is sound (finite weights, a loss that had not "
                            "blown up): reset, then lower the learning rate or the initial weights.")
            return
        self._restore(k)
        self._record, self._index = None, -1
        self.message = (f"Rewound to step {k}, the last step before the divergence with finite weights and a "
                        "loss that had not blown up. Lower the learning rate or clip gradients before going on.")

    def _rewind_from_ready(self):
        if self._steps_done > 0:
            self._goto_after(self._steps_done - 1)

    def _goto_after(self, step):
        """Show the update phase of ``step`` (state after it), or ready at step 0 if step < 0."""
        if step < 0:
            self._restore(0)
            self._record, self._index = None, -1
            return
        if self.history.get(step) is None:
            if self.history.get(step + 1) is not None:
                self._restore(step + 1)
                self._record, self._index = None, -1
            self.message = "Cannot rewind further: older steps are beyond the history limit."
            return
        self._replay_to(step, apply=True)
        self._index = len(self._phases) - 1

    def _replay_to(self, step, apply):
        self._restore(step)
        self._begin_step()
        if apply:
            self._apply_update()

    def _restore(self, step):
        snap = self.history.get(step)
        self._order, self._pos, self.epoch = restore_snapshot(snap, self.network, self.optimizer, self._batch_rng)
        self._steps_done = step
        self.metrics.truncate(step)
        self.diverged = self.stopped_early = False
        self.message = ""
        self._visible = None

    # ------------------------------------------------------------ questions
    def health(self):
        """One label per layer (healthy|vanishing|exploding|dead|saturated) from the latest step."""
        if not len(self.metrics):
            return ["healthy"] * self.n_layers
        m = self.metrics
        return health_mod.layer_labels([layer["activation"] for layer in self.network.layers],
                                       m.last("grad_rms"), _nan0(m.last("dead_share")),
                                       _nan0(m.last("saturated_share")), self.config["health"],
                                       mean_abs_delta=m.last("mean_abs_delta"))

    def health_text(self):
        return health_mod.describe_thresholds(self.config["health"])

    @property
    def best_step(self):
        return self.metrics.best_step()

    def predict(self, X_raw):
        """Network output (evaluation mode) for raw points, in the target's units."""
        X = self.prep.inputs(X_raw)
        with np.errstate(over="ignore", invalid="ignore"):
            return self.prep.outputs_to_units(self.network.predict(X))

    def grid_output(self, extent, resolution=100):
        """The model over a grid of the raw input plane (2-D data only).

        extent = (xmin, xmax, ymin, ymax). Returns (resolution, resolution) for
        one output (probability of class 1, or the regression value) or
        (resolution, resolution, k) class probabilities; rows run along y.
        """
        points = _grid(extent, resolution)
        out = self.predict(points)
        shape = (resolution, resolution)
        return out.reshape(shape) if out.shape[1] == 1 else out.reshape(shape + (out.shape[1],))

    def neuron_grids(self, extent, resolution=24):
        """Each neuron's output ``a`` over the raw input plane: list per layer of (units, res, res)."""
        trace = self.network.forward(self.prep.inputs(_grid(extent, resolution)), training=False)
        return [lt.a.T.reshape(-1, resolution, resolution) for lt in trace.layers]

    def data_extent(self, margin=0.1):
        """A square-ish (xmin, xmax, ymin, ymax) around the raw 2-D data."""
        X = self.prep.dataset.X
        lo, hi = X.min(axis=0), X.max(axis=0)
        pad = (hi - lo) * margin + 1e-9
        return (float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1]))

    # ------------------------------------------------------------ files
    def save(self, path, weights=True):
        """Write an experiment file atomically (weights and training state included by default)."""
        from .files import save_session
        save_session(self, path, weights)
        self.edited = False

    @classmethod
    def load(cls, path):
        """Open an experiment file; a bad file raises ExperimentFileError (a ValueError) naming the field."""
        from .files import load_session
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


def _grid(extent, resolution):
    xmin, xmax, ymin, ymax = extent
    xs, ys = np.linspace(xmin, xmax, resolution), np.linspace(ymin, ymax, resolution)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _nan0(values):
    return [0.0 if v is None or not math.isfinite(v) else v for v in values]


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
