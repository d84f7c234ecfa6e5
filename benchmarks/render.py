"""Drawing-speed benchmark of the nnviz window, offscreen.

    QT_QPA_PLATFORM=offscreen python benchmarks/render.py [--repeats N] [--size WxH] [--only NAME] [--budget N]

Each measurement is the wall time of one redraw: the median, compared with the
16 ms of one 60 Hz frame (DESIGN.md section 4), and the best run (on a shared
machine the best is closer to the cost of the code itself).  Measurements are
plain functions listed in MEASUREMENTS at the bottom; each returns rows of
``(name, size, [seconds per run])`` and optionally the row's own budget in
seconds (default: one 60 Hz frame).
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

import numpy as np  # noqa: E402
from PySide6 import QtWidgets  # noqa: E402

from nnviz.ui.network.demo import demo_frame  # noqa: E402
from nnviz.ui.network.view import NetworkView  # noqa: E402

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


def network_view_training(args) -> list[tuple[str, int, float]]:
    """Frames one training step apart (a real session's weights): what playing redraws.  A step
    moves a few edges of each layer into another bin, so without an edge budget (stepping, as
    here) every layer is drawn whole; ``--budget N`` measures the play frames' turns instead."""
    from nnviz.session import Session

    rows = []
    view = NetworkView()
    view.resize(*args.size)
    view.show()
    QtWidgets.QApplication.processEvents()
    if args.budget:                     # (older checkouts have no budget: run them without)
        view.set_edge_budget(args.budget)
    for label, sizes in NETS[2:]:
        hidden = [{"size": n, "activation": "tanh"} for n in sizes[1:-1]]
        session = Session({"dataset": "spiral", "n_samples": 500, "noise": 0.0, "test_ratio": 0.5,
                           "hidden": hidden, "lr": 0.03, "batch_size": 10, "seed": 0})
        sizes = [int(n) for n in session.network.sizes]
        frames = []
        for _ in range(args.repeats + 2):
            session.run(1)
            frame = demo_frame(sizes, seed=0)
            frame.edges = [np.array(p["W"]) for p in session.network.params]
            frames.append(frame)
        state = {"k": 0}

        def redraw():
            view.set_frame(frames[state["k"]])
            state["k"] += 1
            view.grab()

        budget = f", budget {args.budget}" if args.budget else ""
        rows.append((f"network {label} training step{budget}", frames[0].n_edges, _times(redraw, args.repeats)))
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
#
# A window frame is what one tick of the play timer costs: the session call(s),
# the views' refresh, and processEvents() -- which paints what changed into the
# offscreen backing store, as a real frame would.  Rows carry their own budget:
# 16 ms for the TensorFlow-Playground tick, 33 ms (30 frames per second) for
# playing.
#
# Measured on the 2-core machines of DESIGN.md (offscreen, 1500x940 window,
# load average ~0.5), medians:
#   play xor, one phase a frame          18 ms  57 fps  (timer interval 16 ms)
#   play xor, animation off              33 ms  30 fps  (~25 steps a frame)
#   play 8x64 relu, one phase a frame    21 ms  48 fps
#   play 8x64 relu, animation off        72 ms  14 fps  -- the network view
#       redraws all 28 864 edges every frame (~75 ms, see the network rows)
#   spiral 6x8 full tick                 82 ms  12 ticks/s against 16 ms:
#       the epoch alone is ~10 ms (25 steps; train and test loss evaluated
#       once, for the drawn step, as the Playground does), the 100x100
#       boundary ~10 ms (6x8 tanh forward of 10 000 points), the refresh and
#       repaint of every view ~40 ms: the views' repaint is what misses.

WINDOW_SIZE = (1500, 940)
FPS_BUDGET_S = 1 / 30

# TensorFlow Playground's default spiral set-up, 6 hidden layers of 8.
SPIRAL_6X8 = {"dataset": "spiral", "n_samples": 500, "test_ratio": 0.5, "noise": 0.0, "batch_size": 10,
              "lr": 0.03, "hidden": [{"size": 8, "activation": "tanh"} for _ in range(6)]}
DEEP_8X64 = {"dataset": "spiral", "n_samples": 500, "test_ratio": 0.5, "noise": 0.0, "batch_size": 10,
             "lr": 0.01, "init": "he_normal", "hidden": [{"size": 64, "activation": "relu"} for _ in range(8)]}


def _window(session):
    import tempfile

    from PySide6 import QtCore

    from nnviz.app.main_window import MainWindow

    folder = tempfile.mkdtemp(prefix="nnviz-bench-")
    settings = QtCore.QSettings(os.path.join(folder, "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(session, settings=settings)
    window.resize(*WINDOW_SIZE)
    window.show()
    QtWidgets.QApplication.processEvents()
    return window


def _frame(window, action):
    def run():
        action()
        QtWidgets.QApplication.processEvents()
    return run


def _play_frames(window, frames: int) -> tuple[list[float], int]:
    """Play for ``frames`` timer ticks; (time between consecutive ticks, steps trained)."""
    from PySide6 import QtCore

    stamps = []
    loop = QtCore.QEventLoop()

    def count():
        stamps.append(time.perf_counter())
        if len(stamps) > frames:
            window.pause()
            loop.quit()

    window.play_timer.timeout.connect(count)
    steps = window.session.step
    window.play()
    QtCore.QTimer.singleShot(60_000, loop.quit)         # a safety net, never reached normally
    loop.exec()
    window.pause()
    window.play_timer.timeout.disconnect(count)
    return [b - a for a, b in zip(stamps[:-1], stamps[1:])], window.session.step - steps


def window_play(args) -> list:
    """Frames per second while playing, timer-driven as in use.

    A playground-size lesson (xor) and 8 hidden layers of 64 (on the spiral),
    with the animation on (one phase a frame) and off (as many training steps
    as fit in a 30 fps frame, plots around the network at 10 Hz); the fastest
    speed, so the timer never waits.
    """
    from nnviz.session import Session
    from nnviz.ui.panels.controls import SPEEDS

    rows = []
    for label, make in (("xor lesson", lambda: Session.from_lesson("xor")),
                        ("8x64 relu", lambda: Session(DEEP_8X64))):
        window = _window(make())
        edges = window.network_view.current_frame().n_edges
        for animate in (True, False):
            window.controls.animate.setChecked(animate)
            window.controls.speed.setValue(len(SPEEDS) - 1)
            window.session.reset()
            gaps, steps = _play_frames(window, args.repeats + 1)
            gaps = gaps[1:]
            mode = "phase/frame" if animate else f"{steps / (len(gaps) + 1):.0f} steps/frame"
            rows.append((f"play {label}, {mode}", edges, gaps, FPS_BUDGET_S))
        window.close()
    return rows


def spiral_tick(args) -> list:
    """One TensorFlow-Playground visual tick on the spiral with 6 hidden layers of 8.

    One epoch of training (train and test loss evaluated once, for the
    drawn step, as the Playground does), the 100×100 decision boundary, every
    neuron's heatmap and the redraw, as the window does it; then the parts on
    their own.
    """
    from nnviz.session import Session

    session = Session(SPIRAL_6X8)
    window = _window(session)
    window.heatmaps_action.setChecked(True)
    n_train = len(session.prep.train)
    per_epoch = -(-n_train // session.config["batch_size"])
    edges = window.network_view.current_frame().n_edges
    rows = [("spiral 6x8 full tick (epoch+all views)", edges,
             _times(_frame(window, lambda: window.train_steps(per_epoch)), args.repeats), FRAME_BUDGET_S)]
    alone = Session(SPIRAL_6X8)             # no window listening: training time only
    rows.append((f"  one epoch, {per_epoch} steps + losses", edges,
                 _times(lambda: alone.run(per_epoch, metrics="last"), args.repeats), FRAME_BUDGET_S))
    rows.append(("  decision boundary 100x100", 10_000,
                 _times(lambda: window.binding.draw_output(100), args.repeats), FRAME_BUDGET_S))
    frames = window.frames

    def heatmaps():
        frames.clear_cache()
        frames.heatmaps(session, window.frame_options)

    rows.append(("  neuron heatmaps (all neurons)", sum(session.network.sizes), _times(heatmaps, args.repeats),
                 FRAME_BUDGET_S))

    def redraw():
        for part in ("metrics", "output", "grads"):
            window.binding.forget(part)
        frames.clear_cache()
        window._refresh()
        QtWidgets.QApplication.processEvents()

    rows.append(("  refresh + repaint of every view", edges, _times(redraw, args.repeats), FRAME_BUDGET_S))
    window.close()
    return rows


# ---------------------------------------------------------------------- runner

MEASUREMENTS = [
    network_view_redraw,
    network_view_lit_only,
    network_view_training,
    window_play,
    spiral_tick,
]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--size", default="1200x800", help="widget size, WxH")
    parser.add_argument("--only", help="run the measurements whose function name contains this")
    parser.add_argument("--budget", type=int, help="edges a frame may redraw in the training-step rows "
                        "(as playing sets it: 8192)")
    args = parser.parse_args(argv)
    args.size = tuple(int(v) for v in args.size.lower().split("x"))
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"platform {app.platformName()}, {args.size[0]}x{args.size[1]}, "
          f"median of {args.repeats}, budget {FRAME_BUDGET_S * 1e3:.1f} ms, "
          f"load average {load} on {os.cpu_count()} cores")
    print(f"{'measurement':<40} {'edges':>7} {'median ms':>10} {'best ms':>8} {'fps':>6} "
          f"{'budget ms':>9} {'/budget':>8}")
    for measure in [m for m in MEASUREMENTS if not args.only or args.only in m.__name__]:
        for name, size, times, *budget in measure(args):
            med = statistics.median(times)
            limit = budget[0] if budget else FRAME_BUDGET_S
            print(f"{name:<40} {size:>7} {med * 1e3:>10.2f} {min(times) * 1e3:>8.2f} {1 / med:>6.0f} "
                  f"{limit * 1e3:>9.1f} {med / limit:>8.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
