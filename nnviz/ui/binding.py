"""One session -> its views: what every surface (window, presenter mode, side by side, pictures) draws.

:class:`Binding` is given whichever views a surface has -- the network view,
the data views (decision boundary, fitted curve or predicted-vs-true,
confusion matrix, first-layer weight images), the loss curves, the gradient
norm and distribution plots, the health strip -- and pushes the session's
state into them.  The views stay passive: they are handed arrays and draw
them.  Everything computed from the session for a picture is computed here,
once:

* the network frame (activations, edge magnitudes, neuron heatmaps) by
  :class:`~nnviz.ui.network.frame_builder.FrameBuilder`;
* the model's output over the input plane at the pixel centres of a
  ``boundary_resolution``² grid (:func:`boundary_surface`);
* the loss and gradient series over the steps (:mod:`~nnviz.ui.series`);
* the phase caption (:func:`nnviz.session.narration.phase_caption`, made
  rich text by :func:`caption_html`).

Each part is redrawn only when what it shows changed (metrics appended,
weights changed, a new gradient), so a surface may call :meth:`refresh`
after every phase.  A view that is hidden inside a window on screen (a tab
behind another, a closed dock) is not drawn at all: it is drawn when it is
shown again (:mod:`nnviz.ui.visibility` decides what is seen).  Views of a
surface that is never shown (offscreen pictures) are always drawn.
"""

from __future__ import annotations

import html
import math
import re

import numpy as np
from PySide6 import QtCore

from nnviz.session.comparison import ComparisonRun, runs_its_lesson
from nnviz.session.health import describe_thresholds
from nnviz.session.language import shown
from nnviz.session.narration import Caption, phase_caption
from nnviz.ui.images import before_picture
from nnviz.ui.network.frame_builder import FrameBuilder, FrameOptions, has_plane, weights_version
from nnviz.ui.plots.boundary import grid_points
from nnviz.ui.plots.regression import curve_points
from nnviz.ui.series import grad_norm_series, gradient_extras, history_key, loss_from_zero, loss_series
from nnviz.ui.visibility import ShowWatcher, hidden

BOUNDARY_RESOLUTION = 100       # points per side of the boundary grid
PREDICT_CHUNK = 1024            # grid points per forward pass (see boundary_surface)
CURVE_POINTS = 200              # points of a fitted curve over one input
NOTE_COLOR = "#707070"


# ---------------------------------------------------------------------- what is computed
def data_kind(session) -> str:
    """How the session's data and the model's output are drawn.

    "plane": 2-D inputs, the decision boundary (or regression surface) over
    the data; "curve": one input, the fitted curve; "predicted": other
    regressions, predicted against true; "classes": other classifications,
    the confusion matrix.
    """
    ds = session.prep.dataset
    if has_plane(session):
        return "plane"
    if ds.n_inputs == 1:
        return "curve"
    return "predicted" if ds.task == "regression" else "classes"


def weight_image_shape(session) -> tuple[int, int] | None:
    """(side, side) when the inputs are a square image (8×8 digits) seen by a hidden layer, else None."""
    n = session.prep.dataset.n_inputs
    side = math.isqrt(n)
    square = side * side == n and side >= 4 and session.n_layers > 1
    return (side, side) if square and data_kind(session) == "classes" else None


def boundary_surface(session, extent, resolution: int = BOUNDARY_RESOLUTION) -> np.ndarray:
    """The model's output at the pixel centres of a ``resolution``² grid over ``extent``.

    Shape (resolution, resolution) for one output, (..., n_outputs) for
    several.  Evaluated in chunks of :data:`PREDICT_CHUNK` points: each
    layer's temporaries then stay below malloc's mmap threshold (~128 KB),
    which measured here about 1.5x faster for a 100×100 grid than one call
    on all 10 000 points.
    """
    points = grid_points(extent, resolution)
    out = np.concatenate([session.predict(points[i:i + PREDICT_CHUNK])
                          for i in range(0, len(points), PREDICT_CHUNK)])
    shape = (resolution, resolution)
    return out.reshape(shape) if out.shape[1] == 1 else out.reshape(shape + (out.shape[1],))


def output_curve(session) -> tuple[np.ndarray, np.ndarray]:
    """(x, ŷ) of the fitted curve of a one-input model, 5 % beyond the data on each side."""
    x = session.prep.dataset.X
    lo, hi = float(np.min(x)), float(np.max(x))
    pad = 0.05 * (hi - lo) + 1e-9
    xs = curve_points((lo - pad, hi + pad), CURVE_POINTS)
    return xs[:, 0], session.predict(xs)[:, 0]


def step_gradients(session) -> list[np.ndarray]:
    """This step's dL/dW of each layer (empty where backward has not reached it yet)."""
    grads = session.grads or [None] * session.n_layers
    return [g["W"] if g is not None else np.empty(0) for g in grads]


def health_labels(session) -> list[str]:
    """One gradient-health label per layer; "—" before the first step."""
    return session.health() if len(session.metrics) else ["—"] * session.n_layers


def caption_html(caption: Caption) -> str:
    """A narration caption as Qt rich text: ``**x**`` bold, ``_{k}`` subscript, the note in grey."""
    text = html.escape(caption.text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"_\{(.+?)\}", r"<sub>\1</sub>", text)
    if caption.note:
        text += f" <span style='color:{NOTE_COLOR}'>{html.escape(caption.note, quote=False)}</span>"
    return text


# ---------------------------------------------------------------------- pushing it into views
class Binding:
    """Pushes one session's state into the views it was given (any of them may be None).

    ``frame_options`` may be shared with other bindings (side by side: one
    set of drawing options for every run).  Call :meth:`set_session` when the
    session is new or rebuilt, :meth:`refresh` after it moved.
    """

    def __init__(self, *, network=None, boundary=None, regression=None, confusion=None, weight_images=None,
                 curves=None, gradnorm=None, graddist=None, health=None,
                 frame_options: FrameOptions | None = None) -> None:
        self.network, self.boundary, self.regression = network, boundary, regression
        self.confusion, self.weight_images = confusion, weight_images
        self.curves, self.gradnorm, self.graddist, self.health = curves, gradnorm, graddist, health
        self.frames = FrameBuilder()
        self.frame_options = frame_options if frame_options is not None else FrameOptions()
        self.boundary_resolution = BOUNDARY_RESOLUTION
        self.compare_overlay = False        # the loss curves overlay the lesson's comparison run
        self._comparison: ComparisonRun | None = None
        self.session = None
        self.kind = ""
        self.extent = None
        self.weight_shape: tuple[int, int] | None = None
        self._drawn: dict = {}
        self._waiting = ShowWatcher(self._shown)      # hidden views, drawn when shown
        self._draw_hidden = False
        self._showing = None                            # a view being shown: drawn whatever its size
        before_picture(self._before_picture)            # ... or when pictured

    def set_session(self, session) -> None:
        """A new or rebuilt session: forget what was drawn and hand the data views the data."""
        new = session is not self.session
        self.session = session
        self._drawn = {}
        self.frame_options.selected = None
        self.frames.clear_cache()
        self.kind = data_kind(session)
        self.weight_shape = weight_image_shape(session)
        self.extent = session.data_extent() if self.kind == "plane" else None
        if self.curves is not None and getattr(session, "lesson", None) is not None:
            self.curves.set_from_zero(loss_from_zero(session))     # a lesson's choice; the menu can change it
        if new and getattr(session, "lesson", None) is not None:
            self.frame_options.sample = session.lesson.sample      # the lesson's example row; the picker changes it
        ds = session.prep.dataset
        train, test = session.prep.train, session.prep.test
        if self.kind == "plane" and self.boundary is not None:
            self.boundary.clear_surface()
            self.boundary.set_data(train.X, train.y, test.X, test.y, task=ds.task, n_classes=max(ds.n_classes, 2))
        elif self.kind == "curve" and self.regression is not None:
            names = ds.feature_names or ["x"]       # a built-in set's names are translated, a CSV's stay
            self.regression.set_axis_names(shown("Dataset", names[0]), shown("Dataset", ds.target_name or "y"))
            self.regression.set_data(train.X[:, 0], train.y, test.X[:, 0], test.y)
        elif self.kind == "predicted" and self.regression is not None:
            self.regression.set_axis_names("x", shown("Dataset", ds.target_name or "y"))

    def forget(self, part: str) -> None:
        """Draw ``part`` ("metrics", "output" or "grads") again at the next refresh."""
        self._drawn.pop(part, None)

    # ------------------------------------------------------------------ drawing
    def refresh(self, *, network: bool = True, others: bool = True, resolution: int | None = None) -> set[str]:
        """Draw what changed since the last refresh; returns the parts drawn ("network", "metrics", ...).

        ``others=False`` draws only the network; ``resolution`` overrides the
        boundary grid's (a coarser grid while training fast).
        """
        drawn: set[str] = set()
        with np.errstate(all="ignore"):         # a diverged run's numbers overflow: drawn as NaN/inf
            if network:
                self.draw_network()
                drawn.add("network")
            if others:
                self._draw_changed(drawn, resolution)
        return drawn

    def _draw_changed(self, drawn: set[str], resolution: int | None) -> None:
        s = self.session
        m = s.metrics
        compared = self.compare_overlay and runs_its_lesson(s)         # the overlay comes or goes
        self._once(drawn, "metrics", (len(m), m.last("batch_loss"), s.n_layers, compared), self.draw_metrics)
        self._once(drawn, "output", (id(s.network), s.step, weights_version(s.network)),    # typed weights too
                   lambda: self.draw_output(resolution))
        grads = s.grads
        if grads is not None and any(g is not None for g in grads):
            self._once(drawn, "grads", (s.phase.step, s.phase.index, id(s.network)), self.draw_grads)
        elif "grads" not in self._drawn:
            self._once(drawn, "grads", None, self.draw_grads)

    def _once(self, drawn: set[str], part: str, key, draw) -> None:
        if part in self._drawn and self._drawn[part] == key:
            return
        views = self._views_of(part)
        if not self._draw_hidden and views and all(self._out_of_sight(v) for v in views):
            self._waiting.watch(views, part)            # nothing of it is seen: drawn when shown
            return
        self._drawn[part] = key
        draw()
        drawn.add(part)

    def _views_of(self, part: str) -> list:
        """The views a part draws into (those this binding was given)."""
        if part == "metrics":
            views = [self.curves, self.gradnorm, self.health]
        elif part == "grads":
            views = [self.graddist]
        else:
            views = {"plane": [self.boundary], "curve": [self.regression], "predicted": [self.regression]}.get(
                self.kind, [self.confusion, self.weight_images])
        return [v for v in views if v is not None]

    def _seen(self, part: str, view) -> bool:
        """True when ``view`` is to be drawn now; a hidden one of a part that is drawn for its
        other views is left until it is shown (or pictured) and ``part`` is drawn again then."""
        if self._draw_hidden or not self._out_of_sight(view):
            return True
        self._waiting.watch([view], part)
        return False

    def _out_of_sight(self, view) -> bool:
        return view is not self._showing and hidden(view)

    def _before_picture(self, widget) -> None:
        """``widget`` is about to be pictured: draw what its hidden views skipped."""
        parts = self._waiting.release_within(widget) if self.session is not None else set()
        if parts:
            for part in parts:
                self.forget(part)
            self._draw_hidden = True
            try:
                self.refresh(network=False)
            finally:
                self._draw_hidden = False

    def _shown(self, part: str, view=None) -> None:
        """A view of ``part`` hidden while it changed is shown again: bring it up to date.

        ``view`` is drawn even though its layout may not have given it a size yet (a
        splitter sizes a widget it shows only at its next layout pass)."""
        if self.session is not None:
            self.forget(part)
            self._showing = view
            try:
                self.refresh(network=False)
            finally:
                self._showing = None

    def draw_network(self):
        """The network view's frame of the session's current phase (returned)."""
        frame = self.frames.build(self.session, self.frame_options)
        if self.network is not None:
            self.network.set_frame(frame)
        return frame

    def draw_metrics(self) -> None:
        s = self.session
        if self.curves is not None and self._seen("metrics", self.curves):
            ls = loss_series(s)
            self.curves.set_series(ls.steps, ls.train, ls.test, best_step=ls.best_step, history_key=history_key(s))
            self._draw_comparison(len(s.metrics))
        if self.gradnorm is not None and self._seen("metrics", self.gradnorm):
            self.gradnorm.set_series(*grad_norm_series(s), **gradient_extras(s), history_key=history_key(s))
        if self.health is not None:
            labels = health_labels(s)
            tips = describe_thresholds(s.config["health"], lambda rule: shown("Health", rule))
            layer = QtCore.QCoreApplication.translate("Binding", "Layer {0}: {1}")
            self.health.set_health(labels, [layer.format(i + 1, shown("Health", label)) + f"\n\n{tips}"
                                            for i, label in enumerate(labels)])
            self.health.set_diverged(s.diverged)

    def set_compare_overlay(self, on: bool) -> None:
        """Overlay (or not) the lesson's comparison run on the loss curves, from the next refresh."""
        self.compare_overlay = bool(on)
        self.forget("metrics")

    def _draw_comparison(self, steps: int) -> None:
        """The comparison run up to the shown run's step, while the session is its lesson as set up."""
        s = self.session
        if not (self.compare_overlay and runs_its_lesson(s)):
            if self.curves.comparison_label():
                self.curves.set_comparison()
            return
        if self._comparison is None or self._comparison.lesson is not s.lesson:
            self._comparison = ComparisonRun(s.lesson)       # trained as far as the shown run goes
        c = self._comparison.losses(steps)
        self.curves.set_comparison(c.steps, c.train, c.test, label=shown("Lesson", s.lesson.compare_label))

    def draw_output(self, resolution: int | None = None) -> None:
        """The model's output over the data: boundary, fitted curve, predicted vs true or confusion."""
        s = self.session
        if self.kind == "plane":
            if self.boundary is not None:
                self.boundary.set_surface(boundary_surface(s, self.extent, resolution or self.boundary_resolution),
                                          self.extent)
        elif self.kind == "curve":
            if self.regression is not None:
                self.regression.set_curve(*output_curve(s))
        elif self.kind == "predicted":
            if self.regression is not None:
                tr, te = s.prep.train, s.prep.test
                self.regression.set_predicted_vs_true(tr.y, s.predict(tr.X)[:, 0], te.y,
                                                      s.predict(te.X)[:, 0] if len(te) else None)
        else:
            if self.confusion is not None:
                self.confusion.set_session(s, "test" if len(s.prep.test) else "train")
            if self.weight_images is not None and self.weight_shape is not None:
                self.weight_images.set_weights(s.network.params[0]["W"], self.weight_shape, what="Layer 1 weights")

    def draw_grads(self) -> None:
        if self.graddist is not None:
            self.graddist.set_layers(step_gradients(self.session))

    def caption(self) -> Caption:
        """The phase caption for the sample the network view shows."""
        s = self.session
        opt = self.frame_options
        sample = None if opt.batch_mean else self.frames.focus_index(s, opt)
        return phase_caption(s, sample=sample, update_as_delta=opt.update_as_delta)
