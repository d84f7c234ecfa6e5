"""Views of a session drawn without a screen: what ``nnviz render`` and ``nnviz animate`` use.

:class:`Picture` builds one view over a session, sizes it, keeps it in step
with the session and renders it through :mod:`nnviz.ui.images`:

========== ===============================================================
view       what it draws
========== ===============================================================
network    the network view, from :class:`~nnviz.ui.network.frame_builder.FrameBuilder`
boundary   the data with the model's output: the decision boundary for 2-D
           inputs, the fitted curve for one input, predicted against true for
           other regressions, the confusion matrix (and first-layer weight
           images) for other classifications
gradients  the gradient health of each layer, the gradient norm per layer
           over the steps (log axis) and this step's gradient distributions
loss       the train and test loss curves with the best step marked
landscape  the loss around the current weights with the path training took
           (and, for a lesson with a comparison run, that run's path too)
activations  a layer's activation function and derivative over its step's
           pre-activations (:meth:`Picture.set_layer` picks the layer)
neuron-graph  one neuron as a graph of operations with the chain rule on
           every edge (:meth:`Picture.set_neuron` picks it)
========== ===============================================================

The last three are drawn through :mod:`nnviz.ui.lecture_views`, as the
window's docks draw them.

The whole main window is a picture too (:mod:`nnviz.app.window_picture`):
it subclasses :class:`Picture` and lets the window follow the session.

``zoom`` scales text, lines and points as the window's View → Zoom does
(1.5 reads well on a slide).  Widgets are shown with ``WA_DontShowOnScreen``: laid out and painted like a
visible window, but never on a display.  Without a display, call
:func:`ensure_app` before anything else: it picks Qt's offscreen platform.
The text of the command line's picture options is parsed in :mod:`nnviz.ui.picture_options`.
"""

from __future__ import annotations

import os
import sys

import numpy as np
from PySide6 import QtCore, QtWidgets

from nnviz.session.landscape_paths import shared_landscape

from nnviz.ui.binding import Binding, data_kind, weight_image_shape
from nnviz.ui.images import render_image, save_image
from nnviz.ui.lecture_views import comparison_run, show_activations, show_neuron_graph
from nnviz.ui.network.frame_builder import weights_version
from nnviz.ui.network.neuron_graph import NeuronGraphView
from nnviz.ui.network.view import NetworkView
from nnviz.ui.panels.health_strip import HealthStrip
from nnviz.ui.plots.activations import ActivationView
from nnviz.ui.plots.boundary import BoundaryView
from nnviz.ui.plots.confusion import ConfusionView
from nnviz.ui.plots.curves import LossCurvesView
from nnviz.ui.plots.graddist import GradDistributionView
from nnviz.ui.plots.gradnorm import GradNormView
from nnviz.ui.plots.landscape import LandscapeView
from nnviz.ui.plots.regression import RegressionView
from nnviz.ui.plots.weight_images import WeightImagesView
from nnviz.ui.widgets.style import apply_palette

VIEWS = ("network", "boundary", "gradients", "loss", "landscape", "activations", "neuron-graph")
DEFAULT_SIZES = {"network": (1280, 720), "boundary": (720, 640),
                 "gradients": (1200, 560), "loss": (900, 540),
                 "landscape": (960, 720), "activations": (1080, 600), "neuron-graph": (1280, 720)}
LANDSCAPE_RESOLUTION = 61               # a picture is drawn once: a finer grid than the window's
ZOOM_RANGE = (0.5, 3.0)                 # as the window's View → Zoom


def has_display() -> bool:
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_app():
    """The running QApplication, or a new one on the offscreen platform when there is no display.

    The platform is chosen when the QApplication is made, so importing Qt
    before this runs is fine.
    """
    if not has_display():
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QtWidgets.QApplication.instance()
    if app is None:
        app = QtWidgets.QApplication([sys.argv[0] if sys.argv else "nnviz"])
        app.setOrganizationName("nnviz")
        app.setApplicationName("nnviz")
    return app


class Picture:
    """One view of ``session`` (see the module docstring), drawn offscreen.

    ``size`` (widget pixels) defaults to :data:`DEFAULT_SIZES`; a size given
    that the view cannot take (below its minimum) is a ValueError, while a
    default size grows to the minimum.

    Drive the session through :meth:`train` and :meth:`step_phase` (they keep
    the view in step), then :meth:`render` or :meth:`save`.  ``close()`` when
    done; a Picture is also a context manager.
    """

    VIEWS = VIEWS
    DEFAULT_SIZES = DEFAULT_SIZES

    def __init__(self, session, view: str = "network", size: tuple[int, int] | None = None,
                 theme: str = "light", zoom: float = 1.0) -> None:
        if view not in self.VIEWS:
            raise ValueError(f"view {view!r}: expected one of {', '.join(self.VIEWS)}")
        if not ZOOM_RANGE[0] <= zoom <= ZOOM_RANGE[1]:
            raise ValueError(f"zoom must be {ZOOM_RANGE[0]:g} to {ZOOM_RANGE[1]:g}, got {zoom:g}")
        ensure_app()
        self.session = session
        self.view = view
        self.theme = theme
        self._last_unit = "step"
        self.layer, self.neuron = 1, (1, 0)     # of the activation view and the neuron graph
        self.size = tuple(size) if size else self.DEFAULT_SIZES[view]
        builder = getattr(self, f"_build_{view.replace('-', '_')}")
        self.widget = builder()
        self._zoom(float(zoom))
        self.widget.setAttribute(QtCore.Qt.WidgetAttribute.WA_DontShowOnScreen)
        self._fixed_size = bool(size)
        self.widget.resize(*self.size)
        self.widget.show()
        try:
            self.redraw()
        except ValueError:
            self.close()
            raise

    # ------------------------------------------------------------------ driving
    def train(self, steps: int) -> int:
        """Train ``steps`` whole steps; returns how many were done (fewer if the run diverged)."""
        done = self.session.run(int(steps))
        self._last_unit = "step"
        self.redraw()
        return done

    def step_phase(self):
        """One phase forward (as the → key does); returns the new phase."""
        self.session.advance("phase")
        self._last_unit = "phase"
        self.redraw()
        return self.session.phase

    def go_to_phase(self, kind: str, layer: int | None) -> int:
        """Step phase by phase until ``(kind, layer)`` is shown."""
        n = 2 * self.session.n_layers + 2
        for done in range(1, n + 1):
            if self.session.diverged:
                break
            ph = self.step_phase()
            if ph.kind == kind and ph.layer == layer:
                return done
        raise ValueError(f"could not reach phase {kind}{'' if layer is None else f':{layer}'}"
                         + (" (the run diverged)" if self.session.diverged else ""))

    # ------------------------------------------------------------------ output
    def render(self, scale: float = 1.0, transparent: bool = False):
        self.settle()
        return render_image(self.widget, scale, transparent)

    def save(self, path, scale: float = 1.0, transparent: bool = False) -> tuple[int, int]:
        self.settle()
        return save_image(self.widget, path, scale, transparent, title=self.title())

    def set_layer(self, layer: int) -> None:
        """The layer (1..L) the activation view shows; a ValueError names the valid range."""
        if not 1 <= layer <= self.session.n_layers:
            raise ValueError(f"layer {layer}: this network has layers 1 to {self.session.n_layers}")
        self.layer = int(layer)
        self.redraw()

    def set_neuron(self, layer: int, j: int) -> None:
        """The neuron the graph shows: ``j`` (0-based) of ``layer`` (1..L); a ValueError names the range."""
        sizes = self.session.network.sizes
        if not 1 <= layer <= self.session.n_layers:
            raise ValueError(f"neuron: this network has layers 1 to {self.session.n_layers}")
        if not 0 <= j < sizes[layer]:
            raise ValueError(f"neuron: layer {layer} has neurons 1 to {sizes[layer]}")
        self.neuron = (int(layer), int(j))
        self.redraw()

    def network_view(self):
        """The network view drawn, or None."""
        return self.widget if self.view == "network" else None

    def lit(self) -> int | None:
        """The column of the lit band, None when no layer is lit (or there is no network)."""
        view = self.network_view()
        frame = view.current_frame() if view is not None else None
        return None if frame is None else frame.lit

    def place_band(self, col: float | None) -> None:
        view = self.network_view()
        if view is not None:
            view.place_band(col)

    def title(self) -> str:
        s = self.session
        name = s.lesson.title if getattr(s, "lesson", None) is not None else "nnviz experiment"
        return f"nnviz — {name}, step {s.step}, {s.phase.label()}"

    def close(self) -> None:
        if self.widget is not None:
            self.widget.close()
            self.widget.deleteLater()
            self.widget = None
        QtWidgets.QApplication.processEvents()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def settle(self) -> None:
        """Let pending layouts and deferred updates run before a picture is taken.

        New content can make a view's minimum size grow (longer health labels,
        a large zoom): a size that was asked for and no longer fits is a
        ValueError; a default size follows the view.
        """
        for _ in range(2):
            QtWidgets.QApplication.processEvents()
        got = (self.widget.width(), self.widget.height())
        if got != self.size:
            if self._fixed_size:
                need = (max(got[0], self.size[0]), max(got[1], self.size[1]))
                raise ValueError(f"the {self.view} needs at least {need[0]}x{need[1]} pixels here, "
                                 f"not {self.size[0]}x{self.size[1]}")
            self.size = got

    # ------------------------------------------------------------------ views
    def _build_network(self):
        view = NetworkView(theme=self.theme)
        self.binding = Binding(network=view)
        return view

    def _build_boundary(self):
        """The view of the data and the model's output that suits the session (see binding.data_kind)."""
        kind = data_kind(self.session)
        if kind == "plane":
            view = BoundaryView()
            self.binding = Binding(boundary=view)
            self._data_views = [view]
        elif kind in ("curve", "predicted"):
            view = RegressionView()
            self.binding = Binding(regression=view)
            self._data_views = [view]
        else:
            view = QtWidgets.QSplitter()
            confusion = ConfusionView()
            weights = WeightImagesView() if weight_image_shape(self.session) is not None else None
            self.binding = Binding(confusion=confusion, weight_images=weights)
            self._data_views = [confusion] if weights is None else [weights, confusion]
            for v in self._data_views:
                view.addWidget(v)
        for v in self._data_views:
            v.set_theme(self.theme)
        return view

    def _build_gradients(self):
        box = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        health = HealthStrip()
        gradnorm = GradNormView()
        gradnorm.set_title("gradient norm per layer")
        graddist = GradDistributionView()
        graddist.set_title("this step's gradients")
        row = QtWidgets.QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(gradnorm, 1)
        row.addWidget(graddist, 1)
        layout.addWidget(health)
        layout.addLayout(row, 1)
        self._data_views = [health, gradnorm, graddist]
        for v in self._data_views:
            v.set_theme(self.theme)
        apply_palette(box, gradnorm.theme())
        self.binding = Binding(health=health, gradnorm=gradnorm, graddist=graddist)
        return box

    def _build_loss(self):
        view = LossCurvesView()
        view.set_theme(self.theme)
        self.binding = Binding(curves=view)
        return view

    def _build_landscape(self):
        view = LandscapeView()
        view.set_theme(self.theme)
        self.binding = None
        return view

    def _build_activations(self):
        view = ActivationView()
        view.set_theme(self.theme)
        self.binding = None
        return view

    def _build_neuron_graph(self):
        self.binding = None
        return NeuronGraphView(theme=self.theme)

    def _draw_landscape(self) -> None:
        """The session's surface with its path, and a lesson's comparison run trained as far on it.

        Computed again only when the weights changed: stepping through a step's
        phases (``--phase``) leaves them as they were until the update.
        """
        s = self.session
        key = (id(s.network), s.step, weights_version(s.network))
        if getattr(self, "_landscape_key", None) == key:
            return
        self._landscape_key = key
        runs, labels = comparison_run(s)
        land, paths = shared_landscape(runs, labels, resolution=LANDSCAPE_RESOLUTION)
        self.widget.set_landscape(land, paths)

    def _draw_activations(self) -> None:
        show_activations(self.widget, self.session, self.layer)

    def _draw_neuron_graph(self) -> None:
        show_neuron_graph(self.widget, self.session, *self.neuron)

    def _zoom(self, zoom: float) -> None:
        """Text, lines and points larger (or smaller), as the window's View → Zoom does."""
        if zoom == 1.0:
            return
        for v in self._data_views if self.view in ("gradients", "boundary") else [self.widget]:
            v.set_line_scale(zoom)

    # ------------------------------------------------------------------ drawing
    def redraw(self) -> None:
        """Draw the session's current state (what changed since the last redraw)."""
        binding = self.binding
        if binding is None:                 # a view the binding does not hold (see the module docstring)
            with np.errstate(all="ignore"):     # a diverged run's numbers are drawn as NaN/inf
                getattr(self, f"_draw_{self.view.replace('-', '_')}")()
            self.settle()
            return
        if binding.session is not self.session:
            binding.set_session(self.session)
        binding.frame_options.update_as_delta = self._last_unit == "phase"
        binding.refresh()
        self.settle()
