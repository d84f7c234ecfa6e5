"""From the session's state to the network view's picture (no Qt here).

:class:`FrameBuilder` reads what the current phase knows and fills a
:class:`~nnviz.ui.network.frame.NetworkFrame`:

=========== ========================= ===================== ================
phase       edges                     neurons               lit column
=========== ========================= ===================== ================
ready       weights W                 unknown (grey)        none
forward(k)  weights W                 ``a`` of columns 0..k k
loss        weights W                 ``a`` of all columns  output; loss in
                                                            its header
backward(k) ``dL/dW`` of layers k..L  delta ``dL/dz`` of    k
            (others muted)            columns k..L
update      ``Δw = new - old`` (log)  ``a`` of all columns  none
            or the new W
=========== ========================= ===================== ================

Neuron values are those of the focused sample of the mini-batch (by default
the first), or the batch mean.  Neurons that dropout silenced for the focused
sample are marked dropped.  For 2-D data each neuron of a narrow enough column
gets a heatmap of its output over the input plane, except during backward,
where the neuron's color is its delta; heatmaps only change when the weights
do, so they are cached by (network, step).

Everything is read from the session; nothing here trains.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from nnviz.session.formatting import format_number
from nnviz.session.inspect import person_label
from nnviz.session.language import QT_TRANSLATE_NOOP, shown
from nnviz.ui.network.frame import NetworkFrame

# Activations whose output lies in [0, 1]: drawn as 2a - 1 on the [-1, 1] scale.
_UNIT_RANGE = ("sigmoid", "softmax", "step")
# ... in [-1, 1]: drawn as they are.  Anything else (relu, linear, elu, ...)
# is unbounded: each neuron's heatmap is scaled by its own largest |value|.
_SIGNED_RANGE = ("tanh",)


@dataclass
class FrameOptions:
    """How the window wants the network drawn.

    sample: index of the focused sample in the mini-batch (clipped to it).
    batch_mean: show the mean over the mini-batch instead of one sample.
    heatmaps: draw each neuron's output over the input plane (2-D data only).
    heat_resolution: grid points per side of those heatmaps.
    max_heat_units: columns with more neurons get no heatmaps (they would be
        too small to read, and cost time).
    update_as_delta: at the update phase, draw ``Δw`` (log scale) rather than
        the new weights.
    selected: passed through to the frame (``("node", c, i)`` / ``("edge", l, i, j)``).
    """

    sample: int = 0
    batch_mean: bool = False
    heatmaps: bool = True
    heat_resolution: int = 20
    max_heat_units: int = 16
    update_as_delta: bool = True
    selected: tuple | None = None


_LOSS = QT_TRANSLATE_NOOP("NetworkHeader", "loss {0}")
_FEATURES = QT_TRANSLATE_NOOP("NetworkHeader", "{0} features")
"""Header words, shown in the window's language (nnviz.session.language.shown) with no Qt here."""


def layer_header(spec: dict, index: int, n_layers: int, fan_in: int) -> str:
    """Header text of layer ``index`` (1-based): activation, batch norm, dropout, W's shape."""
    out = index == n_layers
    name = shown("NetworkHeader", QT_TRANSLATE_NOOP("NetworkHeader", "output")) if out else f"L{index}"
    lines = [f"{name} {spec['activation']}"]
    extras = []
    if spec.get("batch_norm"):
        extras.append("BN")
    if spec.get("dropout", 0.0) > 0:
        extras.append(shown("NetworkHeader", QT_TRANSLATE_NOOP("NetworkHeader", "drop {0}")).format(
            f"{spec['dropout']:g}"))
    if spec.get("residual"):
        extras.append(shown("NetworkHeader", QT_TRANSLATE_NOOP("NetworkHeader", "+res")))
    if extras:
        lines.append(" ".join(extras))
    lines.append(f"W {fan_in}×{spec['size']}")
    return "\n".join(lines)


def input_header(names: list[str]) -> str:
    word = shown("NetworkHeader", QT_TRANSLATE_NOOP("NetworkHeader", "input"))
    if len(names) <= 3:      # a built-in set's feature names ("size") are translated, a CSV's columns stay
        return word + "\n" + "\n".join(shown("Dataset", name) for name in names)
    return word + "\n" + shown("NetworkHeader", _FEATURES).format(len(names))


def headers(session) -> list[str]:
    """One header per column for the session's network (no phase-dependent text)."""
    net = session.network
    sizes = net.sizes
    out = [input_header(session.prep.input_names)]
    for i, spec in enumerate(net.layers):
        out.append(layer_header(spec, i + 1, net.n_layers, sizes[i]))
    return out


def selection_label(selected: tuple) -> tuple[int, str]:
    """(column whose header names it, the label a person reads) for ``("node", c, i)`` or
    ``("edge", l, i, j)``: the same words as the inspector and the status bar, counted from 1."""
    if selected[0] == "node":
        _, c, i = selected
        return c, person_label("input", None, i) if c == 0 else person_label("neuron", c, j=i)
    _, l, i, j = selected
    return l + 1, person_label("weight", l + 1, i, j)


def disabled_masks(session) -> list | None:
    """Per column, the neurons switched off by hand (config ``disabled_neurons``), or None."""
    pairs = session.config.get("disabled_neurons") or []
    if not pairs:
        return None
    sizes = session.network.sizes
    out = [None] * len(sizes)
    for layer, j in pairs:
        if 1 <= layer < len(sizes) - 1 and 0 <= j < sizes[layer]:
            if out[layer] is None:
                out[layer] = np.zeros(sizes[layer], bool)
            out[layer][j] = True
    return out


def selection_fits(selected: tuple | None, sizes: list[int]) -> bool:
    """True when ``("node", c, i)`` or ``("edge", l, i, j)`` names a part of a net of ``sizes``."""
    if selected is None:
        return False
    if selected[0] == "node" and len(selected) == 3:
        _, c, i = selected
        return 0 <= c < len(sizes) and 0 <= i < sizes[c]
    if selected[0] == "edge" and len(selected) == 4:
        _, l, i, j = selected
        return 0 <= l < len(sizes) - 1 and 0 <= i < sizes[l] and 0 <= j < sizes[l + 1]
    return False


def outputs_are_probabilities(net) -> bool:
    """True when the output column holds class probabilities (sigmoid with BCE, softmax)."""
    return net.spec["loss"] in ("bce", "cross_entropy")


def has_plane(session) -> bool:
    """True when the raw data are 2-D, so outputs can be drawn over the input plane."""
    return session.prep.dataset.X.shape[1] == 2


def scale_heatmap(values: np.ndarray, activation: str | None) -> np.ndarray:
    """Map ``(units, H, W)`` outputs of one column into [-1, 1] for the diverging colors."""
    v = np.asarray(values, dtype=float)
    if activation in _UNIT_RANGE:
        return 2.0 * v - 1.0
    if activation in _SIGNED_RANGE:
        return v
    with np.errstate(invalid="ignore"):
        finite = np.where(np.isfinite(v), np.abs(v), 0.0)
        peak = finite.reshape(len(v), -1).max(axis=1)
    peak[peak <= 0] = 1.0
    return v / peak[:, None, None]


class FrameBuilder:
    """Builds network frames from a session; caches the heatmaps between phases."""

    def __init__(self) -> None:
        self._heat_key = None
        self._heat_owner = None
        self._heat: list | None = None
        self.heatmap_builds = 0         # how often heatmaps were computed (tests, benchmarks)

    def clear_cache(self) -> None:
        self._heat_key = None
        self._heat_owner = None
        self._heat = None

    # ------------------------------------------------------------------ frames
    def build(self, session, options: FrameOptions | None = None) -> NetworkFrame:
        opt = options or FrameOptions()
        net = session.network
        sizes = [int(n) for n in net.sizes]
        L = net.n_layers
        phase = session.phase
        kind = phase.kind
        hdr = headers(session)
        trace = session.trace
        frame = NetworkFrame(sizes=sizes, headers=hdr, edges=[p["W"] for p in net.params],
                             selected=opt.selected if selection_fits(opt.selected, sizes) else None)
        frame.heatmaps = self.heatmaps(session, opt)
        frame.disabled = disabled_masks(session)
        frame.output_classes = outputs_are_probabilities(net)
        if frame.selected is not None:
            col, label = selection_label(frame.selected)
            hdr[col] += f"\n▸ {label}"

        if kind == "ready" or trace is None:
            frame.known = None
            frame.nodes = None
            return frame

        k = self.focus_index(session, opt)
        if kind == "forward":
            frame.lit = phase.layer
            frame.direction = "forward"
            frame.known = set(range(phase.layer + 1))
            frame.nodes = self._activations(trace, sizes, k, opt.batch_mean)
        elif kind == "loss":
            frame.lit = L
            frame.direction = "forward"
            frame.known = set(range(L + 1))
            frame.nodes = self._activations(trace, sizes, k, opt.batch_mean)
            hdr[L] += "\n" + shown("NetworkHeader", _LOSS).format(format_number(trace.loss))
        elif kind == "backward":
            frame.lit = phase.layer
            frame.direction = "backward"
            frame.known = set(range(phase.layer, L + 1))
            frame.edge_mode = "gradient"
            frame.edge_label = "dL/dW"
            frame.edges = [g["W"] if g is not None else np.zeros_like(p["W"])
                           for g, p in zip(session.grads, net.params)]
            frame.node_mode = "delta"
            frame.nodes = self._deltas(trace, sizes, k, opt.batch_mean)
            frame.heatmaps = None       # the neurons' own color is the delta now
            hdr[L] += "\n" + shown("NetworkHeader", _LOSS).format(format_number(trace.loss))
        else:                                    # update
            frame.direction = "update"
            frame.known = None
            frame.nodes = self._activations(trace, sizes, k, opt.batch_mean)
            delta = session.update_delta if opt.update_as_delta else None
            if delta is not None:
                frame.edge_mode = "gradient"
                frame.edge_label = "Δw"
                frame.edges = [d["W"] for d in delta]
            hdr[L] += "\n" + shown("NetworkHeader", _LOSS).format(format_number(trace.loss))
        if not opt.batch_mean:
            frame.dropped = self._dropped(trace, sizes, k)
        return frame

    @staticmethod
    def focus_index(session, options: FrameOptions) -> int:
        """The focused sample's row in the mini-batch (0 when there is none)."""
        batch = session.batch
        if batch is None or len(batch) == 0:
            return 0
        return int(np.clip(options.sample, 0, len(batch) - 1))

    @staticmethod
    def _pick(values: np.ndarray, k: int, mean: bool) -> np.ndarray:
        v = np.asarray(values, dtype=float)
        if mean:
            with np.errstate(invalid="ignore", over="ignore"):
                return v.mean(axis=0)
        return v[k]

    def _activations(self, trace, sizes, k, mean) -> list:
        nodes = [None] * len(sizes)
        nodes[0] = self._pick(trace.X, k, mean)
        for i, lt in enumerate(trace.layers):
            nodes[i + 1] = self._pick(lt.a, k, mean)
        return nodes

    def _deltas(self, trace, sizes, k, mean) -> list:
        nodes = [None] * len(sizes)
        for i, lt in enumerate(trace.layers):
            if lt.grad_z is not None:
                nodes[i + 1] = self._pick(lt.grad_z, k, mean)
        return nodes

    @staticmethod
    def _dropped(trace, sizes, k) -> list | None:
        out = [None] * len(sizes)
        any_mask = False
        for i, lt in enumerate(trace.layers):
            if lt.dropout_mask is not None:
                out[i + 1] = np.asarray(lt.dropout_mask[k]) == 0
                any_mask = True
        return out if any_mask else None

    # ------------------------------------------------------------------ heatmaps
    def heatmaps(self, session, options: FrameOptions) -> list | None:
        """Per column ``(units, H, W)`` in [-1, 1] with row 0 at the top, or None."""
        if not options.heatmaps or not has_plane(session):
            return None
        net = session.network
        key = (session.step, weights_version(net), options.heat_resolution, options.max_heat_units)
        if key == self._heat_key and self._heat_owner is net:
            return self._heat
        res = int(options.heat_resolution)
        wide = [n > options.max_heat_units for n in net.sizes]
        out: list = [None] * len(net.sizes)
        if not all(wide):
            extent = session.data_extent()
            with np.errstate(all="ignore"):
                if not wide[0]:
                    xs, ys = np.linspace(extent[0], extent[1], res), np.linspace(extent[2], extent[3], res)
                    gx, gy = np.meshgrid(xs, ys)
                    inputs = session.prep.inputs(np.column_stack([gx.ravel(), gy.ravel()]))
                    out[0] = scale_heatmap(inputs.T.reshape(-1, res, res), None)[:, ::-1, :]
                grids = session.neuron_grids(extent, res)
                for i, (spec, g) in enumerate(zip(net.layers, grids)):
                    if not wide[i + 1]:
                        out[i + 1] = np.ascontiguousarray(scale_heatmap(g, spec["activation"])[:, ::-1, :])
        self._heat_key, self._heat_owner, self._heat = key, net, out
        self.heatmap_builds += 1
        return out


def weights_version(net) -> bytes:
    """A cheap fingerprint of the weights and of the switched-off neurons.

    Drawings that depend on the weights only (heatmaps, the decision boundary)
    are cached by step; a weight typed in by hand or a neuron switched off
    changes the weights without a step, and this fingerprint (one sum per
    parameter array, O(weights)) tells them apart.  Bytes, so that a NaN
    compares equal to itself.
    """
    sums = [np.add.reduce(v, axis=None) for p in net.params for v in p.values()]
    keep = [-1.0 if k is None else np.add.reduce(k, axis=None) for k in getattr(net, "keep", [])]
    return np.asarray(sums + keep, dtype=np.float64).tobytes()
