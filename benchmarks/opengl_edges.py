"""The network view's redraw through Qt's raster engine and through an OpenGL viewport.

    xvfb-run -a -s "-screen 0 1920x1080x24" python benchmarks/opengl_edges.py [--rounds 3] [--repeats 20]

Before choosing an OpenGL viewport for the network view, measure it where it
would run: on a machine without a GPU Qt's OpenGL is Mesa's software renderer
(llvmpipe), which may or may not beat the raster engine at stroking many
long lines. Each round builds a ``NetworkView`` once with its ordinary
(raster) viewport and once with a ``QOpenGLWidget`` viewport (4× multisampling,
as antialiased as the raster lines), then times ``set_frame`` of a new frame
plus a synchronous repaint of the viewport (with ``glFinish``, so the GPU or
llvmpipe has really drawn it), for the nets of ``benchmarks/render.py``.
Rounds alternate raster and OpenGL. Prints one JSON line per net: the median
over rounds of the mean ms per redraw for each, the ratio, and the OpenGL
renderer's name.

Needs a display with OpenGL (Xvfb is enough); the offscreen platform has none.
Under Xvfb with llvmpipe single OpenGL redraws are bimodal -- about 2-4 ms,
or 45-70 ms every third to fifth frame for 10 400 edges -- so a round reports
its mean, the time a run of frames really takes.
"""

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"
if os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")      # before render.py would choose offscreen

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GL_RENDERER = 0x1F01


def _redraw_ms(app, sizes, opengl: bool, repeats: int) -> tuple[float, str]:
    from PySide6 import QtGui, QtOpenGLWidgets

    import render
    from nnviz.ui.network.view import NetworkView

    view = NetworkView()
    if opengl:
        viewport = QtOpenGLWidgets.QOpenGLWidget()
        fmt = QtGui.QSurfaceFormat()
        fmt.setSamples(4)
        viewport.setFormat(fmt)
        view.setViewport(viewport)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    frames = render._animation_frames(sizes, "weight")
    shown = [0]

    def redraw():
        view.set_frame(frames[shown[0] % len(frames)])
        shown[0] += 1
        view.viewport().repaint()
        if opengl:
            view.viewport().makeCurrent()
            view.viewport().context().functions().glFinish()

    ms = statistics.mean(render._times(redraw, repeats)) * 1e3     # mean: OpenGL's times are bimodal
    renderer = "raster"
    if opengl:
        view.viewport().makeCurrent()
        renderer = view.viewport().context().functions().glGetString(GL_RENDERER) or "?"
    view.close()
    app.processEvents()
    return ms, renderer


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    from PySide6 import QtWidgets

    import render
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    if app.platformName() == "offscreen":
        print("opengl_edges: needs a display with OpenGL, e.g. xvfb-run -a python benchmarks/opengl_edges.py",
              file=sys.stderr)
        return 2
    for label, sizes in render.NETS:
        raster, gl, renderer = [], [], ""
        for _ in range(args.rounds):
            raster.append(_redraw_ms(app, sizes, False, args.repeats)[0])
            ms, renderer = _redraw_ms(app, sizes, True, args.repeats)
            gl.append(ms)
        edges = sum(a * b for a, b in zip(sizes, sizes[1:]))
        r, g = statistics.median(raster), statistics.median(gl)
        print(json.dumps({"net": label, "edges": edges, "raster_ms": round(r, 2), "opengl_ms": round(g, 2),
                          "opengl_over_raster": round(g / r, 2), "rounds_raster": [round(v, 1) for v in raster],
                          "rounds_opengl": [round(v, 1) for v in gl], "renderer": renderer}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
