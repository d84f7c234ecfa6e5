"""How long each export takes for the vanishing-gradient lesson, offscreen.

    QT_QPA_PLATFORM=offscreen python benchmarks/export.py [--repeats N]

The lesson is trained 40 steps and stepped to the backward pass at layer 4
(as the README's pictures); each row is the median and the best of N runs of
drawing the picture and writing its file (PNG, SVG), of recording (GIF, MP4:
the whole recording, training included), or of writing framework code.
Building the view is left out; it is timed once on its own row.

Measured here (2 shared cores, medians of 5; they vary by about a third
with the load): PNG of the network 1280×720 at 1x/2x/4x 0.12/0.33/0.98 s,
of the window 1500×940 at 1x/2x/4x 0.15/0.45/1.3 s (most of it PNG
compression), SVG of the network 0.02 s and of the window 0.07-0.1 s, the
window at 2x to the clipboard 0.1 s; a one-step GIF of the network (69
frames) 4-6 s, an MP4 of the same 3-5 s, a GIF of the window over 200 steps
(41 frames) 10-12 s; PyTorch or Keras code 2-4 ms.
"""

from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nnviz.app.main_window import MainWindow  # noqa: E402
from nnviz.app.window_picture import open_picture  # noqa: E402
from nnviz.export import animation as anim  # noqa: E402
from nnviz.export import code_for  # noqa: E402
from nnviz.session import Session  # noqa: E402
from nnviz.ui.images import copy_to_clipboard  # noqa: E402
from nnviz.ui.recording import record as record_animation  # noqa: E402
from nnviz.ui.render import Picture, ensure_app  # noqa: E402

LESSON = "vanishing-sigmoid"


def _picture(view: str, size=None) -> Picture:
    p = open_picture(Session.from_lesson(LESSON), view, window_class=MainWindow, size=size)
    p.train(40)
    if view in ("network", "window"):
        p.go_to_phase("backward", 4)
    return p


def _times(fn, repeats: int) -> list[float]:
    fn()
    out = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    ensure_app()
    folder = Path(tempfile.mkdtemp(prefix="nnviz-export-bench-"))
    rows = []

    t = time.perf_counter()
    net = _picture("network")
    rows.append(("build the network view, train 40 steps", "1280×720", [time.perf_counter() - t]))
    t = time.perf_counter()
    win = _picture("window")
    rows.append(("build the window, train 40 steps", "1500×940", [time.perf_counter() - t]))
    for label, picture in (("network", net), ("window", win)):
        w, h = picture.size
        for scale in (1, 2, 4):
            rows.append((f"PNG of the {label} at {scale}x", f"{w * scale}×{h * scale}",
                         _times(lambda p=picture, s=scale: p.save(folder / "a.png", s), args.repeats)))
        rows.append((f"SVG of the {label}", f"{w}×{h}",
                     _times(lambda p=picture: p.save(folder / "a.svg"), args.repeats)))
    rows.append(("copy the window at 2x to the clipboard", "3000×1880",
                 _times(lambda: copy_to_clipboard(win.widget, 2), args.repeats)))
    for view in ("boundary", "gradients", "loss"):
        p = _picture(view)
        w, h = p.size
        rows.append((f"PNG of the {view} view at 2x", f"{w * 2}×{h * 2}",
                     _times(lambda p=p: p.save(folder / "a.png", 2), args.repeats)))
        p.close()
    net.close()
    win.close()

    def record(view, size, path, plan_of, steps=40):
        def run():
            with open_picture(Session.from_lesson(LESSON), view, window_class=MainWindow, size=size) as p:
                p.train(steps)
                record_animation(p, plan_of(p.session), path, fps=10)
        return run

    n = max(1, args.repeats // 2)
    rows.append(("GIF of one step, network, 3 in-betweens (69 frames)", "1280×720",
                 _times(record("network", (1280, 720), folder / "a.gif",
                               lambda s: anim.step_plan(s.n_layers, 3)), n)))
    rows.append(("GIF of 200 training steps, window, a frame every 5 (41)", "1500×940",
                 _times(record("window", None, folder / "b.gif", lambda s: anim.run_plan(200, 5), 0), n)))
    if anim.ffmpeg_path():
        rows.append(("MP4 of one step, network, 3 in-betweens", "1280×720",
                     _times(record("network", (1280, 720), folder / "a.mp4",
                                   lambda s: anim.step_plan(s.n_layers, 3)), n)))
    session = Session.from_lesson(LESSON)
    session.run(40)
    for framework in ("pytorch", "keras"):
        rows.append((f"{framework} code with weights", "",
                     _times(lambda f=framework: code_for(session, f, weights=True), args.repeats)))

    print(f"{'export (' + LESSON + ')':<58} {'size':>11} {'median':>9} {'best':>9}")
    for name, size, times in rows:
        print(f"{name:<58} {size:>11} {statistics.median(times) * 1e3:>7.0f} ms {min(times) * 1e3:>6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
