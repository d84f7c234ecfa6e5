"""Per-frame cost of the plot views (boundary, regression, curves, gradients, health), offscreen.

    QT_QPA_PLATFORM=offscreen python benchmarks/plots.py [--repeats N]

Each row is the median wall time of the call the window makes every frame
while training plays, followed by ``grab()`` (a full repaint of the widget),
at the widget size given.  Compare with 16 ms for one 60 Hz frame; the plots
share that frame with the network view.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6 import QtWidgets  # noqa: E402

from nnviz.ui.panels.health_strip import HealthStrip  # noqa: E402
from nnviz.ui.plots.boundary import BoundaryView, grid_points  # noqa: E402
from nnviz.ui.plots.boundary_preview import spiral  # noqa: E402
from nnviz.ui.plots.curves import LossCurvesView, demo_series  # noqa: E402
from nnviz.ui.plots.graddist import GradDistributionView  # noqa: E402
from nnviz.ui.plots.gradnorm import GradNormView, demo_norms  # noqa: E402
from nnviz.ui.plots.regression import RegressionView, curve_points  # noqa: E402


def median_ms(frame, repeats: int) -> tuple[float, float]:
    """Median ms of ``frame(i)`` alone and of ``frame(i)`` followed by the repaint."""
    for i in range(5):  # warm-up: symbol atlases, first layouts
        frame(i).grab()
    alone, total = [], []
    for i in range(repeats):
        t0 = time.perf_counter()
        widget = frame(i)
        t1 = time.perf_counter()
        widget.grab()
        t2 = time.perf_counter()
        alone.append(t1 - t0)
        total.append(t2 - t0)
    return statistics.median(alone) * 1e3, statistics.median(total) * 1e3


def show(widget, size):
    widget.resize(*size)
    widget.show()
    QtWidgets.QApplication.processEvents()
    return widget


def _fake_grid(P, task, k, i):
    z = P[:, 0] * np.cos(i / 10) + P[:, 1] * np.sin(i / 10)
    if task == "binary":
        return (1 / (1 + np.exp(-z))).reshape(100, 100)
    if task == "regression":
        return z.reshape(100, 100)
    logits = np.stack([z * (c - 1) for c in range(k)], axis=1)
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    return (e / e.sum(axis=1, keepdims=True)).reshape(100, 100, k)


def bench_boundary(repeats):
    extent = (-6.0, 6.0, -6.0, 6.0)
    P = grid_points(extent, 100)
    X, y = spiral(100, 3)
    rows = []
    for task, k in (("binary", 2), ("multiclass", 3), ("regression", 0)):
        view = show(BoundaryView(), (560, 520))
        labels = X[:, 0] if task == "regression" else y % max(k, 2)
        view.set_data(X, labels, task=task, n_classes=max(k, 2))

        grids = [_fake_grid(P, task, k, i) for i in range(10)]  # outside the timing: the network's job

        def frame(i, view=view, grids=grids):
            view.set_surface(grids[i % len(grids)], extent)
            return view

        rows.append((f"BoundaryView.set_surface 100x100 {task}, 300 points", "560x520", *median_ms(frame, repeats)))
    return rows


def bench_regression(repeats):
    view = show(RegressionView(), (560, 400))
    x = np.linspace(0, 1, 200)
    view.set_data(x, x ** 2)
    xs = curve_points((0, 1))[:, 0]

    def frame(i):
        view.set_curve(xs, xs ** 2 * (1 + 0.01 * i))
        return view

    # The curve changes every frame, so auto-range re-lays out the axes each time.
    return [("RegressionView.set_curve 200 points, range follows", "560x400", *median_ms(frame, repeats))]


def bench_curves(repeats):
    rows = []
    for n in (1_000, 100_000):
        view = show(LossCurvesView(), (640, 360))
        steps, train, test, best = demo_series(n)

        def frame(i, view=view, steps=steps, train=train, test=test, best=best):
            view.set_series(steps, train, test, best_step=best)
            return view

        view.set_log(True)
        rows.append((f"LossCurvesView.set_series {n} steps, log y", "640x360", *median_ms(frame, repeats)))
    return rows


def bench_gradients(repeats):
    rows = []
    for n in (1_000, 20_000):
        view = show(GradNormView(), (640, 360))
        steps, norms = demo_norms(n, 8)

        def frame(i, view=view, steps=steps, norms=norms):
            view.set_series(steps, norms)
            return view

        rows.append((f"GradNormView.set_series {n} steps x 8 layers", "640x360", *median_ms(frame, repeats)))
    rng = np.random.default_rng(0)
    shapes = [(64, 128), (128, 64), (64, 10)]  # the 64-128-64-10 net's weights
    grads = [rng.normal(0, 10.0 ** -(3 - i), size=s) for i, s in enumerate(shapes)]
    view = show(GradDistributionView(), (640, 360))

    def frame(i):
        view.set_layers([g * (1 + 0.01 * i) for g in grads])
        return view

    rows.append(("GradDistributionView.set_layers 17 000 values, 3 layers", "640x360", *median_ms(frame, repeats)))
    strip = show(HealthStrip(), (760, 60))
    labels = ["vanishing", "healthy", "healthy", "exploding"]

    def frame(i):
        strip.set_health(labels)
        return strip

    rows.append(("HealthStrip.set_health unchanged, 4 layers", "760x60", *median_ms(frame, repeats)))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=60)
    args = parser.parse_args(argv)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])  # noqa: F841
    print(f"{'measurement':60s} {'size':>8s} {'call ms':>8s} {'+grab ms':>9s}")
    for bench in (bench_boundary, bench_regression, bench_curves, bench_gradients):
        for name, size, alone, total in bench(args.repeats):
            print(f"{name:60s} {size:>8s} {alone:8.2f} {total:9.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
