"""Drawing-speed benchmark of the nnviz window, offscreen.

    QT_QPA_PLATFORM=offscreen python benchmarks/render.py [--repeats N] [--size WxH]

Each measurement is the wall time of one redraw: the median, compared with the
16 ms of one 60 Hz frame (DESIGN.md section 4), and the best run (on a shared
machine the best is closer to the cost of the code itself).  Measurements are
plain functions listed in MEASUREMENTS at the bottom; each returns rows of
``(name, size, [seconds per run])``.  Add window-level measurements there.
"""

from __future__ import annotations

import os

# Nets this size gain nothing from BLAS threads, and on a busy 2-core machine
# multi-threaded OpenBLAS was seen to turn a 50 µs product into 9 ms (DESIGN.md
# section 4).  The variables only work if set before numpy is first imported.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6 import QtWidgets  # noqa: E402

from nnviz.ui.network_demo import demo_frame  # noqa: E402
from nnviz.ui.network_view import NetworkView  # noqa: E402

FRAME_BUDGET_S = 0.016       # one 60 Hz frame, rounded down

# (label, sizes): about 100, 1 000 and 10 000 edges, and the deep-and-wide case.
NETS = [
    ("2-8-8-1", [2, 8, 8, 1]),
    ("2-32-32-2", [2, 32, 32, 2]),
    ("2-100-100-2", [2, 100, 100, 2]),
    ("2-8x64-1", [2] + [64] * 8 + [1]),
]


def _times(fn, repeats: int) -> list[float]:
    fn()                      # warm-up: first paint builds caches and atlases
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def _animation_frames(sizes, edge_mode: str, count: int = 6):
    """Frames that differ like an animation: lit column and values move on."""
    ncol = len(sizes)
    frames = []
    for k in range(count):
        frames.append(demo_frame(sizes, seed=k, edge_mode=edge_mode, lit=k % ncol,
                                 direction="forward" if edge_mode == "weight" else "backward",
                                 decades_per_layer=1.0))
    return frames


# ---------------------------------------------------------------------- network view


def network_view_redraw(args) -> list[tuple[str, int, float]]:
    """NetworkView.set_frame + grab(), new values each time, both edge modes."""
    rows = []
    view = NetworkView()
    view.resize(*args.size)
    view.show()
    QtWidgets.QApplication.processEvents()
    for label, sizes in NETS:
        for mode in ("weight", "gradient"):
            frames = _animation_frames(sizes, mode)
            state = {"k": 0}

            def redraw():
                view.set_frame(frames[state["k"] % len(frames)])
                state["k"] += 1
                view.grab()

            n_edges = frames[0].n_edges
            rows.append((f"network {label} {mode}", n_edges, _times(redraw, args.repeats)))
    view.close()
    return rows


def network_view_lit_only(args) -> list[tuple[str, int, float]]:
    """Only the lit column moves (forward animation over fixed weights)."""
    rows = []
    view = NetworkView()
    view.resize(*args.size)
    view.show()
    QtWidgets.QApplication.processEvents()
    for label, sizes in NETS[2:3]:
        base = demo_frame(sizes, seed=0)
        ncol = len(sizes)
        state = {"k": 0}

        def redraw():
            base.lit = state["k"] % ncol
            state["k"] += 1
            view.set_frame(base)
            view.grab()

        rows.append((f"network {label} lit only", base.n_edges,
                     _times(redraw, args.repeats)))
    view.close()
    return rows


# ---------------------------------------------------------------------- window level
# Measurements of the whole window (training while drawing, start-up) go here.


# ---------------------------------------------------------------------- runner

MEASUREMENTS = [
    network_view_redraw,
    network_view_lit_only,
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--size", default="1200x800", help="widget size, WxH")
    args = parser.parse_args(argv)
    args.size = tuple(int(v) for v in args.size.lower().split("x"))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"platform {app.platformName()}, {args.size[0]}x{args.size[1]}, "
          f"median of {args.repeats}, budget {FRAME_BUDGET_S * 1e3:.1f} ms, "
          f"load average {load} on {os.cpu_count()} cores")
    print(f"{'measurement':<36} {'edges':>7} {'median ms':>10} {'best ms':>8} {'/budget':>8}")
    for measure in MEASUREMENTS:
        for name, size, times in measure(args):
            med = statistics.median(times)
            print(f"{name:<36} {size:>7} {med * 1e3:>10.2f} {min(times) * 1e3:>8.2f} "
                  f"{med / FRAME_BUDGET_S:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
