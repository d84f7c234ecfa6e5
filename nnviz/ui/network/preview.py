"""``python -m nnviz.ui.network.preview``: the network view on a made-up 2-8-8-1 net, animated.

One training step of made-up frames (forward, backward, update) in a loop;
``--help`` for options.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from nnviz.ui.network.demo import demo_frame
from nnviz.ui.network.view import NetworkView


def _demo_sequence(sizes, seed: int = 0):
    """Frames of one made-up training step: forward, backward, update."""
    ncol = len(sizes)
    frames = []
    for c in range(ncol):
        frames.append(demo_frame(sizes, seed=seed, lit=c, direction="forward",
                                 known=set(range(c + 1))))
    for c in range(ncol - 1, -1, -1):
        frames.append(demo_frame(sizes, seed=seed, edge_mode="gradient", lit=c,
                                 direction="backward", decades_per_layer=1.2,
                                 known=set(range(c, ncol))))
    frames.append(demo_frame(sizes, seed=seed + 7, lit=None, direction="update"))
    return frames


def main(argv=None) -> int:
    import argparse
    import os
    import sys

    parser = argparse.ArgumentParser(description="Preview of the nnviz network view.")
    parser.add_argument("--sizes", default="2,8,8,1", help="neurons per column, e.g. 2,8,8,1")
    parser.add_argument("--theme", default="light", choices=["light", "dark", "contrast"])
    parser.add_argument("--interval-ms", type=int, default=700, help="time per animation phase")
    parser.add_argument("--quit-after-ms", type=int,
                        default=int(os.environ.get("NNVIZ_QUIT_AFTER_MS", "0") or 0),
                        help="close after this long (0: run until closed; env NNVIZ_QUIT_AFTER_MS)")
    parser.add_argument("--screenshot", default="", help="with --quit-after-ms: save a PNG of the view before quitting")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    view = NetworkView(theme=args.theme)
    view.setWindowTitle("nnviz — network view")
    view.resize(1100, 720)
    frames = _demo_sequence(sizes)
    state = {"k": 0}

    def advance():
        view.set_frame(frames[state["k"] % len(frames)])
        state["k"] += 1

    view.nodeClicked.connect(lambda c, i: print(f"node {c}:{i}"))
    view.edgeClicked.connect(lambda l, i, j: print(f"edge {l}:{i}->{j}"))
    view.headerClicked.connect(lambda c: print(f"header {c}"))
    advance()
    view.show()
    timer = QtCore.QTimer(view)
    timer.timeout.connect(advance)
    timer.start(max(16, args.interval_ms))
    def quit_():
        if args.screenshot:
            view.grab().save(args.screenshot)
        app.quit()

    if args.quit_after_ms > 0:
        QtCore.QTimer.singleShot(args.quit_after_ms, quit_)
    code = app.exec()
    timer.stop()
    return code


if __name__ == "__main__":
    raise SystemExit(main())
