"""``python -m nnviz.ui.plots.boundary_preview [--multiclass]``: the boundary view on a made-up spiral.

The surface is a made-up probability field that follows the spiral's arms;
drawing mode is on, so clicks print the points they would add.
"""

from __future__ import annotations

import sys

import numpy as np

from nnviz.ui.plots.base import run_demo
from nnviz.ui.plots.boundary import BoundaryView, grid_points


def spiral(n: int, k: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    X, y = [], []
    for c in range(k):
        r = np.linspace(0.15, 1.0, n)
        t = np.linspace(c * 2 * np.pi / k, c * 2 * np.pi / k + 3.5, n) + rng.normal(0, 0.15, n)
        X.append(np.column_stack([r * np.cos(t), r * np.sin(t)]))
        y.append(np.full(n, c))
    return np.concatenate(X) * 5, np.concatenate(y)


def _demo_widget(k: int = 2) -> BoundaryView:
    X, y = spiral(60, k)
    rng = np.random.default_rng(1)
    test = rng.random(len(X)) < 0.25
    view = BoundaryView()
    view.set_data(X[~test], y[~test], X[test], y[test], task="binary" if k == 2 else "multiclass", n_classes=k)
    extent = (-6.0, 6.0, -6.0, 6.0)
    P = grid_points(extent, 100)
    r, a = np.hypot(P[:, 0], P[:, 1]) / 5, np.arctan2(P[:, 1], P[:, 0])
    phase = 3.5 * (r - 0.15) / 0.85  # the spiral arms' angle at radius r
    if k == 2:  # a fake probability field that follows the arms
        grid = 1 / (1 + np.exp(4 * np.cos(a - phase)))
        view.set_surface(grid.reshape(100, 100), extent)
    else:
        logits = np.stack([3 * np.cos(a - phase - c * 2 * np.pi / k) for c in range(k)], axis=1)
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        view.set_surface((e / e.sum(axis=1, keepdims=True)).reshape(100, 100, k), extent)
    view.set_draw_mode(True)
    view.pointAdded.connect(lambda x, y_, b: print(f"pointAdded({x:.2f}, {y_:.2f}, button={b})"))
    return view


if __name__ == "__main__":
    classes = 3 if "--multiclass" in sys.argv else 2
    argv = [a for a in sys.argv[1:] if a != "--multiclass"]
    raise SystemExit(run_demo(lambda: _demo_widget(classes), argv, size=(560, 520), title="nnviz boundary view"))
