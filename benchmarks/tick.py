"""The real window's tick, headless: one JSON line per net.

    python benchmarks/tick.py --net circle-4-2|spiral-8-8|spiral-6x8|spiral-8x64 [--net ...] --seconds S
    python benchmarks/tick.py --all --seconds S [--against DIR]
    python benchmarks/tick.py --net circle-4-2 --after 50000 --seconds S
    python benchmarks/tick.py --all --seconds S --full-repaint

Nets are TensorFlow Playground's defaults (tanh hidden layers, learning rate
0.03, batch 10, 500 points without noise, half for training, inputs x1 and
x2); spiral-8x64 is eight hidden layers of 64. For each net the window is
built offscreen at 1280x800 with neuron heatmaps on and the animation off,
then for half of S seconds:

- ``tick_ms``: the Playground's tick, done the window's way: one epoch of
  training (``MainWindow.train_steps``, every step's metrics recorded), the
  loss curves, the 100x100 decision boundary, the neuron heatmaps, and the
  redraw: Qt's pending events processed, which paints every widget whose
  content changed, as the play loop does. Median over the ticks, with
  ``tick_ms_p10``/``tick_ms_p90``. With ``--full-repaint`` the window is
  first repainted whole and synchronously (``QWidget.repaint``), the static
  controls too, which the window itself never does; older notes measured
  that way, and the line then carries ``"full_repaint": true``;
- ``parts``: median ms per tick of each piece: ``train`` (Session.run),
  ``network`` (frame built and set), ``metrics`` (curves, gradient norms,
  health), ``output`` (boundary or other data view), ``grads`` (gradient
  histograms, where drawn separately), ``paint`` (the forced repaint, 0
  without ``--full-repaint``), ``events`` (pending Qt events: the paints)
  and ``other`` (the rest of the window's refresh: inspector, feature
  space, captions);

and for the other half the real play loop (Play with the animation off at
the top speed), giving ``epochs_per_s`` and ``fps`` (play ticks per second).

``--after N`` trains N steps with ``Session.run`` (every step's metrics
recorded) before the window is built, so the tick of a long run can be set
beside a short one's; the line carries ``"after": N``.

``--against DIR`` also runs each net with another checkout of nnviz (e.g. an
older commit in a ``git worktree``), alternating net by net, each in its own
process; its lines carry ``"checkout": DIR``. With PYTHONPATH set, nnviz is
imported from there; otherwise from this checkout.

BLAS is limited to one thread before numpy loads (see DESIGN section 4).
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

HERE = Path(__file__).resolve()
if not os.environ.get("PYTHONPATH"):
    sys.path.insert(0, str(HERE.parents[1]))

NETS = {"circle-4-2": ("circle", [4, 2]), "spiral-8-8": ("spiral", [8, 8]),
        "spiral-6x8": ("spiral", [8] * 6), "spiral-8x64": ("spiral", [64] * 8)}
# Where each part is drawn: the window's binding (ui/binding.py) or, in older checkouts, the window itself.
PARTS = {"network": ("draw_network", "_redraw_network"), "metrics": ("draw_metrics", "_draw_metrics"),
         "output": ("draw_output", "_draw_output"), "grads": ("draw_grads", None)}


def playground_config(net):
    dataset, sizes = NETS[net]
    return {"dataset": dataset, "n_samples": 500, "noise": 0.0, "test_ratio": 0.5, "features": ["x1", "x2"],
            "hidden": [{"size": n, "activation": "tanh"} for n in sizes], "optimizer": "sgd", "lr": 0.03,
            "batch_size": 10, "seed": 0}


def _window_class():
    try:
        from nnviz.app.main_window import MainWindow
    except ImportError:                         # checkouts from before the app/ package
        from nnviz.ui.main_window import MainWindow
    return MainWindow


class Timer:
    """Collects seconds per named part; ``wrap`` times a callable under a name."""

    def __init__(self):
        self.spent = {}

    def wrap(self, name, fn):
        def timed(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.spent[name] = self.spent.get(name, 0.0) + time.perf_counter() - t0
        return timed

    def take(self):
        spent, self.spent = self.spent, {}
        return spent


def measure(net, seconds, size=(1280, 800), after=0, full_repaint=False):
    from PySide6 import QtCore, QtWidgets

    import nnviz
    from nnviz.session import Session
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    settings_file = tempfile.NamedTemporaryFile(suffix=".ini", delete=False)
    settings = QtCore.QSettings(settings_file.name, QtCore.QSettings.Format.IniFormat)
    session = Session(playground_config(net))
    session.run(after)
    window = _window_class()(session, settings=settings)
    window.resize(*size)
    window.show()
    window.heatmaps_action.setChecked(True)
    window.controls.animate.setChecked(False)
    app.processEvents()
    steps_per_epoch = -(-len(session.prep.X_train) // session.config["batch_size"])

    timer = Timer()
    session.run = timer.wrap("train", session.run)
    binding = getattr(window, "binding", None)
    for part, (in_binding, in_window) in PARTS.items():
        owner, method = (binding, in_binding) if binding is not None else (window, in_window)
        if method is not None and hasattr(owner, method):
            setattr(owner, method, timer.wrap(part, getattr(owner, method)))
    repaint = timer.wrap("paint", window.repaint if full_repaint else (lambda: None))
    process_events = timer.wrap("events", app.processEvents)

    ticks, parts = [], []
    end = time.perf_counter() + seconds / 2
    window.train_steps(steps_per_epoch)          # warm up: first drawings build caches
    repaint()
    process_events()
    timer.take()
    while time.perf_counter() < end or len(ticks) < 3:
        t0 = time.perf_counter()
        window.train_steps(steps_per_epoch)
        repaint()
        process_events()
        ticks.append(time.perf_counter() - t0)
        spent = timer.take()
        spent["other"] = ticks[-1] - sum(spent.values())
        parts.append(spent)

    # The real play loop: Play with the animation off at the top speed.
    window.controls.speed.setValue(window.controls.speed.maximum())
    frames = [0]
    window.play_timer.timeout.connect(lambda: frames.__setitem__(0, frames[0] + 1))
    steps_before = session.step
    loop = QtCore.QEventLoop()
    QtCore.QTimer.singleShot(int(seconds / 2 * 1000), loop.quit)
    t0 = time.perf_counter()
    window.controls.play.trigger()
    loop.exec()
    elapsed = time.perf_counter() - t0
    window.controls.play.trigger()
    played = session.step - steps_before

    window.close()
    app.processEvents()
    os.unlink(settings_file.name)
    ms = sorted(t * 1e3 for t in ticks)
    return {"net": net, "tick_ms": round(statistics.median(ms), 2),
            "epochs_per_s": round(played / steps_per_epoch / elapsed, 1), "fps": round(frames[0] / elapsed, 1),
            "parts": {name: round(statistics.median(p.get(name, 0.0) for p in parts) * 1e3, 2)
                      for name in ["train", *PARTS, "paint", "events", "other"]},
            "tick_ms_p10": round(ms[len(ms) // 10], 2), "tick_ms_p90": round(ms[-1 - len(ms) // 10], 2),
            "ticks": len(ticks), "after": after, "full_repaint": full_repaint, "steps_after": session.step,
            "checkout": str(Path(nnviz.__file__).resolve().parents[1])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--net", action="append", choices=list(NETS), help="a net (repeatable)")
    parser.add_argument("--all", action="store_true", help="every net")
    parser.add_argument("--seconds", type=float, default=6.0, help="per net: half ticks, half play (default 6)")
    parser.add_argument("--against", type=Path, help="another nnviz checkout, run alternately")
    parser.add_argument("--after", type=int, default=0, help="steps trained before the window is built")
    parser.add_argument("--full-repaint", action="store_true",
                        help="repaint the whole window synchronously in each tick (the older measure)")
    args = parser.parse_args()
    nets = list(NETS) if args.all else (args.net or [])
    if not nets:
        parser.error("name a --net or --all")
    if args.against is None and len(nets) == 1:
        print(json.dumps(measure(nets[0], args.seconds, after=args.after, full_repaint=args.full_repaint)),
              flush=True)
        return
    this_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    other_env = {**this_env, "PYTHONPATH": str(args.against)} if args.against else None
    for net in nets:                             # each net in a fresh process; checkouts alternate
        for env in [this_env] + ([other_env] if other_env else []):
            cmd = [sys.executable, str(HERE), "--net", net, "--seconds", str(args.seconds), "--after", str(args.after)]
            cmd += ["--full-repaint"] if args.full_repaint else []
            subprocess.run(cmd, env=env, check=True)


if __name__ == "__main__":
    main()
