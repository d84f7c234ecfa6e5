"""Stepping and rewinding a session: the phase-by-phase stepper and its history.

The stepper shows one training step as phases (see phases.py). When a step
begins, its forward and backward passes are computed at once with the
parameters of that moment; the phases then reveal the recorded quantities in
lecture order (``trace`` holds only what the current phase knows), and the
update is applied when the "update" phase is reached. Rewind restores a
step-boundary snapshot and replays, so stepping back and forth reproduces the
same numbers bit for bit.

:class:`StepperMixin` is a part of :class:`~nnviz.session.session.Session`,
not an object of its own: a session's state is one set of attributes, which
undo (edits.py) captures whole and experiment files (files.py, resume.py)
save and replay, so the stepper works on the session's attributes directly.
It reads the ones ``Session._build`` sets: ``config``, ``prep``, ``network``,
``optimizer``, ``history``, ``metrics``, ``epoch``, ``diverged``,
``stopped_early``, ``message`` and the private ``_phases`` (the step's phase
list), ``_index`` (the shown phase, -1 when ready), ``_record`` (the shown
step), ``_steps_done``, ``_visible`` (the shown trace, cached), ``_order``,
``_pos``, ``_batch_rng``, ``_epoch_inputs``, ``_evaluator``, ``_layout``; and
it calls ``_notify``.
"""

import dataclasses
import math

import numpy as np

from nnviz.data.split import MIN_BATCH_NORM_BATCH, batch_end
from nnviz.engine import clip_grad_norm
from nnviz.engine.trace import Trace

from . import recovery
from .gradient_stats import layer_gradient_stats
from .history import restore_snapshot, take_snapshot
from .language import QT_TRANSLATE_NOOP, shown
from .phases import Phase
from .schedule import scheduled_lr


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
    clip_norm: float = 0.0                     # the clip limit and hidden layers' dropout rates this step
    dropout: list | None = None                # used (a file saved mid-step replays it with them)


class StepperMixin:
    """The shown step and how it moves: advance, run, rewind (a part of Session; see the module docstring)."""

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
        scoring is batched over steps (see evaluation.Evaluator); metrics=False
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
        if n == 0:          # the untrained network: its losses start the curves (queries.initial_scores)
            self._initial = [self.metrics, snap, list(self.network.keep), None]
        batch = self._next_batch()
        X = self._epoch_inputs.get(self.config["augment"], self.epoch)      # jittered when augmenting
        trace = self.network.forward(X[batch], training=True)
        grads = self.network.backward(trace, self.prep.y_train[batch])
        grad_squares = self._layout.squared_norms(trace.grads_flat)     # per parameter, reused by the metrics
        norm = math.sqrt(float(grad_squares.sum()))
        applied = grads
        if self.config["clip_norm"] > 0:
            applied = [{k: g.copy() for k, g in layer.items()} for layer in grads]
            clip_grad_norm(applied, self.config["clip_norm"])
        self._record = StepRecord(n, batch, trace, grads, applied, norm,
                                  scheduled_lr(self.config, n), snap.flat, grad_squares,
                                  dict(self.network.spec["regularization"]), self.config["clip_norm"],
                                  [layer.get("dropout", 0.0) for layer in self.network.layers[:-1]])
        self._visible = None

    def _apply_update(self):
        rec = self._record
        self.optimizer.lr = rec.lr
        # Unclipped, the optimizer reads the gradients as the one vector the engine wrote them in.
        self.optimizer.step(rec.applied_grads, flat=rec.trace.grads_flat if rec.applied_grads is rec.grads else None)
        self._steps_done = rec.index + 1
        self._visible = None
        self._record_metrics(rec)
        # whole-set metrics: scored with the weights of now, batched with the next steps'
        self._evaluator.defer(len(self.metrics) - 1, self.config["health"]["saturation_level"])
        self._check_divergence(rec)
        if self.config["early_stopping"]:
            best = self.metrics.best_step()
            if best is not None and rec.index - best >= self.config["patience"]:
                self.stopped_early = True
                self.message = shown("Session", QT_TRANSLATE_NOOP(
                    "Session", "Early stopping: the test loss has not improved for {0} steps; best at step {1}.")
                ).format(self.config["patience"], best + 1)

    def _record_metrics(self, rec):
        """The step's own metrics; its whole-set ones are scored later (``_evaluator.defer``)."""
        norm, rms, delta, ratio = layer_gradient_stats(self.network, rec.trace, rec.before_flat,
                                                       self._layout, rec.grad_squares)
        self.metrics.record_step(rec.trace.loss, rec.lr, rec.global_norm, norm, rms, delta, ratio)

    def _eval_fields(self):
        """Losses and accuracies of the whole sets, and unit shares on the training set, now."""
        return self._evaluator.fields(self.network, self.config["health"]["saturation_level"])

    def _check_divergence(self, rec):
        bad = None          # one whole sentence per cause, so that each is translated whole
        if not math.isfinite(rec.trace.loss):
            bad = QT_TRANSLATE_NOOP("Session", "Training diverged at step {0}: the loss became NaN or infinite. "
                                               "Rewind, then lower the learning rate, clip gradients or shrink the "
                                               "initial weights.")
        elif not math.isfinite(rec.global_norm):
            bad = QT_TRANSLATE_NOOP("Session", "Training diverged at step {0}: a gradient became NaN or infinite. "
                                               "Rewind, then lower the learning rate, clip gradients or shrink the "
                                               "initial weights.")
        elif not np.isfinite(self.network.flat).all():
            bad = QT_TRANSLATE_NOOP("Session", "Training diverged at step {0}: a weight became NaN or infinite. "
                                               "Rewind, then lower the learning rate, clip gradients or shrink the "
                                               "initial weights.")
        if bad:
            self.diverged = True
            self.message = shown("Session", bad).format(rec.index + 1)

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
            self.message = shown("Session", QT_TRANSLATE_NOOP(
                "Session", "No kept step before the divergence is sound (finite weights, a loss that had not "
                           "blown up): reset, then lower the learning rate or the initial weights."))
            return
        self._restore(k)
        self._record, self._index = None, -1
        self.message = shown("Session", QT_TRANSLATE_NOOP(
            "Session", "Rewound to step {0}, the last step before the divergence with finite weights and a "
                       "loss that had not blown up. Lower the learning rate or clip gradients before going on.")
        ).format(k)

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
            self.message = shown("Session", QT_TRANSLATE_NOOP(
                "Session", "Cannot rewind further: older steps are beyond the history limit."))
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
