"""What the network view draws: a plain, Qt-free description of one picture.

The window fills a :class:`NetworkFrame` from the training session (weights or
their gradients, the focused sample's activations or deltas, the phase of the
animation) and hands it to :class:`nnviz.ui.network.view.NetworkView`.  The view
knows nothing about training; this module imports no Qt, so the session side
and the command line can build frames without a display.

Column ``c`` holds ``sizes[c]`` neurons: column 0 is the input, the last column
the output.  Layer ``l`` is the set of edges between column ``l`` and column
``l + 1``; ``edges[l][i, j]`` belongs to the edge from neuron ``i`` of column
``l`` to neuron ``j`` of column ``l + 1`` (the shape of the engine's ``W``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

EDGE_MODES = ("weight", "gradient")
NODE_MODES = ("activation", "delta")
DIRECTIONS = ("forward", "backward", "update")


@dataclass
class NetworkFrame:
    """One picture of the network.

    sizes: neurons per column, ``[n_inputs, hidden..., n_outputs]``.
    headers: one text per column, may contain ``\\n``.
    edges: per layer ``l``, shape ``(sizes[l], sizes[l+1])``: ``W`` in
        ``"weight"`` mode, ``dL/dW`` in ``"gradient"`` mode.
    edge_mode: ``"weight"`` draws color = sign, width linear in ``|w|``
        relative to the largest finite ``|w|`` of the net; ``"gradient"``
        draws color = sign, width and brightness by ``log10 |g|`` over a fixed
        decade range, so vanishing gradients fade and exploding ones glare.
    nodes: per column, shape ``(sizes[c],)``: the focused sample's activation
        (``node_mode="activation"``, clipped to [-1, 1] for color) or its delta
        ``dL/dz`` (``node_mode="delta"``, signed log-magnitude).
    lit: the column the animation currently lights, or None.
    direction: ``"forward"``, ``"backward"`` or ``"update"``: the lit band's
        color and arrow.
    known: columns whose values are known at this phase; the others are drawn
        neutral grey, without heatmaps.  In gradient mode the edges of layer ``l`` count as known
        when column ``l + 1`` is (``dL/dW`` needs that column's delta).  None
        means everything is known.
    dropped: per column, bool mask of neurons dropped out this step.
    disabled: per column, bool mask of neurons switched off by the user.
    heatmaps: per column, None or an array ``(sizes[c], H, W)`` in [-1, 1]: each
        neuron's output over the 2-D input plane, rows from top to bottom as
        in an image.
    selected: ``("node", col, i)`` or ``("edge", layer, i, j)`` to highlight.
    edge_label: what the edge values are, for the legend (e.g. ``"Δw"`` when
        gradient mode shows the update instead of ``dL/dW``); None for the
        mode's default ("weights" / "dL/dW").
    output_classes: the output column holds class probabilities (a sigmoid's
        p of class 1, or a softmax): its neurons and heatmaps are drawn in
        the class colors of the data points, not in the sign colors.

    NaN and inf are allowed anywhere in the values; they are drawn as
    "diverged".
    """

    sizes: list[int]
    headers: list[str]
    edges: list[np.ndarray]
    edge_mode: str = "weight"
    nodes: list[np.ndarray] | None = None
    node_mode: str = "activation"
    lit: int | None = None
    direction: str = "forward"
    known: set[int] | None = None
    dropped: list[np.ndarray] | None = None
    disabled: list[np.ndarray] | None = None
    heatmaps: list[np.ndarray | None] | None = None
    selected: tuple | None = None
    edge_label: str | None = None
    output_classes: bool = False

    @property
    def n_edges(self) -> int:
        return int(sum(a * b for a, b in zip(self.sizes[:-1], self.sizes[1:])))

    def validate(self) -> None:
        """Raise ValueError naming the first field that does not fit ``sizes``."""
        sizes = [int(n) for n in self.sizes]
        if not sizes or any(n < 1 for n in sizes):
            raise ValueError(f"sizes: need at least one column of >= 1 neuron, got {self.sizes!r}")
        ncol = len(sizes)
        if len(self.headers) != ncol:
            raise ValueError(f"headers: expected {ncol} entries, got {len(self.headers)}")
        if len(self.edges) != ncol - 1:
            raise ValueError(f"edges: expected {ncol - 1} layers, got {len(self.edges)}")
        for l, e in enumerate(self.edges):
            shape = (sizes[l], sizes[l + 1])
            if np.shape(e) != shape:
                raise ValueError(f"edges[{l}]: expected shape {shape}, got {np.shape(e)}")
        if self.edge_mode not in EDGE_MODES:
            raise ValueError(f"edge_mode: expected one of {EDGE_MODES}, got {self.edge_mode!r}")
        if self.node_mode not in NODE_MODES:
            raise ValueError(f"node_mode: expected one of {NODE_MODES}, got {self.node_mode!r}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"direction: expected one of {DIRECTIONS}, got {self.direction!r}")
        if self.lit is not None and not 0 <= self.lit < ncol:
            raise ValueError(f"lit: column {self.lit} out of range 0..{ncol - 1}")
        for name in ("nodes", "dropped", "disabled"):
            per_col = getattr(self, name)
            if per_col is None:
                continue
            if len(per_col) != ncol:
                raise ValueError(f"{name}: expected {ncol} columns, got {len(per_col)}")
            for c, v in enumerate(per_col):
                if v is not None and np.shape(v) != (sizes[c],):
                    raise ValueError(f"{name}[{c}]: expected shape ({sizes[c]},), got {np.shape(v)}")
        if self.heatmaps is not None:
            if len(self.heatmaps) != ncol:
                raise ValueError(f"heatmaps: expected {ncol} columns, got {len(self.heatmaps)}")
            for c, h in enumerate(self.heatmaps):
                if h is not None and (np.ndim(h) != 3 or np.shape(h)[0] != sizes[c]):
                    raise ValueError(
                        f"heatmaps[{c}]: expected shape ({sizes[c]}, H, W), got {np.shape(h)}")
        sel = self.selected
        if sel is not None:
            if sel[0] == "node" and len(sel) == 3:
                _, c, i = sel
                ok = 0 <= c < ncol and 0 <= i < sizes[c]
            elif sel[0] == "edge" and len(sel) == 4:
                _, l, i, j = sel
                ok = 0 <= l < ncol - 1 and 0 <= i < sizes[l] and 0 <= j < sizes[l + 1]
            else:
                ok = False
            if not ok:
                raise ValueError(f"selected: {sel!r} does not name a node or edge of this net")
