"""Where the network view puts columns, neurons and heatmaps (numpy only).

All coordinates are widget pixels, y pointing down.  Columns are evenly spaced
from left (inputs) to right (outputs); the neurons of a column are evenly
spaced and centred vertically.  Node and heatmap sizes shrink with the space a
neuron gets; a column's heatmaps are dropped when they would be too small to
read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SIDE_MARGIN = 56.0      # px left of the first and right of the last column
MAX_SPACING = 88.0      # px between neighbours in a short column
MAX_NODE = 26.0         # node diameter bounds, px
MIN_NODE = 3.0
MAX_HEAT = 60.0         # heatmap side bounds, px; below MIN_HEAT none is drawn
MIN_HEAT = 22.0
HEAT_FRAME = 8.0        # the node marker behind a heatmap is this much larger: a
                        # 4 px frame in the neuron's activation color


@dataclass
class Layout:
    width: float
    height: float
    top: float                  # y range of the neuron area
    bottom: float
    col_x: np.ndarray           # (n_columns,)
    col_gap: float              # distance between neighbouring columns
    node_y: list[np.ndarray]    # per column (sizes[c],)
    spacing: np.ndarray         # per column, distance between neighbours
    node_size: np.ndarray       # per column, diameter of a plain node
    heat_size: np.ndarray       # per column, heatmap side; 0 when not drawn

    def node_xy(self, col: int, i: int) -> tuple[float, float]:
        return float(self.col_x[col]), float(self.node_y[col][i])

    def marker_size(self, col: int) -> float:
        """Size of the node marker: the heatmap frame when there is one."""
        h = self.heat_size[col]
        return float(h + HEAT_FRAME) if h > 0 else float(self.node_size[col])


def column_positions(ncol: int, width: float) -> tuple[np.ndarray, float]:
    """x of each column centre and the gap between neighbours."""
    width = max(float(width), 1.0)
    margin = min(SIDE_MARGIN, width * 0.12)
    if ncol > 1:
        col_gap = (width - 2 * margin) / (ncol - 1)
        return margin + col_gap * np.arange(ncol), float(col_gap)
    return np.array([width / 2.0]), float(width - 2 * margin)


def compute_layout(sizes, width: float, height: float, *, top: float, bottom: float,
                   heatmaps=None) -> Layout:
    """Place the neurons of ``sizes`` in a ``width`` x ``height`` widget.

    ``top`` and ``bottom`` bound the neuron area (room for headers above and the
    legend below).  ``heatmaps`` is a per-column list of bools: whether that
    column has heatmaps to draw if they fit.
    """
    sizes = [int(n) for n in sizes]
    ncol = len(sizes)
    if heatmaps is None:
        heatmaps = [False] * ncol
    width = max(float(width), 1.0)
    height = max(float(height), 1.0)
    bottom = max(bottom, top + 1.0)
    avail_h = bottom - top

    col_x, col_gap = column_positions(ncol, width)

    node_y, spacing, node_size, heat_size = [], [], [], []
    centre = (top + bottom) / 2.0
    for c, n in enumerate(sizes):
        sp = min(avail_h / n, MAX_SPACING)
        node_y.append(centre + (np.arange(n) - (n - 1) / 2.0) * sp)
        spacing.append(sp)
        d = float(np.clip(0.62 * sp, MIN_NODE, MAX_NODE))
        d = max(MIN_NODE, min(d, 0.3 * col_gap)) if ncol > 1 else d
        node_size.append(d)
        h = 0.0
        if heatmaps[c]:
            h = min(0.8 * sp - HEAT_FRAME, 0.4 * col_gap if ncol > 1 else MAX_HEAT, MAX_HEAT)
            if h < MIN_HEAT:
                h = 0.0
        heat_size.append(float(np.floor(h)))
    return Layout(width=width, height=height, top=top, bottom=bottom,
                  col_x=np.asarray(col_x, float), col_gap=float(col_gap),
                  node_y=node_y, spacing=np.array(spacing), node_size=np.array(node_size),
                  heat_size=np.array(heat_size))


def edge_segments(layout: Layout, sizes) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Segment end points of every edge, all layers concatenated.

    Returns ``(xs, ys, offsets)``: ``xs`` and ``ys`` of shape ``(n_edges, 2)``
    (start, end); edge ``(l, i, j)`` is row ``offsets[l] + i * sizes[l+1] + j``.
    """
    sizes = [int(n) for n in sizes]
    counts = [a * b for a, b in zip(sizes[:-1], sizes[1:])]
    offsets = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    total = int(offsets[-1])
    xs = np.empty((total, 2))
    ys = np.empty((total, 2))
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        s = slice(offsets[l], offsets[l + 1])
        xs[s, 0] = layout.col_x[l]
        xs[s, 1] = layout.col_x[l + 1]
        ys[s, 0] = np.repeat(layout.node_y[l], b)
        ys[s, 1] = np.tile(layout.node_y[l + 1], a)
    return xs, ys, offsets
