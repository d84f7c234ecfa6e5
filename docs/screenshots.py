"""Regenerate the window screenshots in docs/ (offscreen, no display needed).

    QT_QPA_PLATFORM=offscreen python docs/screenshots.py

Each picture is a lesson trained for some steps and then stepped phase by
phase to the moment worth showing.  PNGs are reduced to a 256-color palette
so that each stays around 200 KB.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nnviz import app as _app  # noqa: E402,F401  (BLAS threads before numpy)

from PIL import Image  # noqa: E402
from PySide6 import QtCore, QtWidgets  # noqa: E402

from nnviz.session import Session  # noqa: E402
from nnviz.ui.main_window import MainWindow  # noqa: E402

# (file, lesson, steps trained first, phases stepped after, what it shows)
SHOTS = [
    ("window-xor-forward.png", "xor", 150, 1, "forward pass at the hidden layer, neuron heatmaps"),
    ("window-xor-backward.png", "xor", 150, 5, "backward pass: deltas and |dL/dW| of the first layer"),
    ("window-vanishing-backward.png", "vanishing-sigmoid", 40, 16, "gradient fading toward the input"),
    ("window-vanishing-update.png", "vanishing-sigmoid", 40, 20, "the update: Δw of every weight"),
]


def main() -> int:
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([sys.argv[0]])
    folder = tempfile.mkdtemp(prefix="nnviz-shots-")
    for name, lesson, steps, phases, _what in SHOTS:
        settings = QtCore.QSettings(os.path.join(folder, f"{name}.ini"), QtCore.QSettings.Format.IniFormat)
        window = MainWindow(Session.from_lesson(lesson), settings=settings)
        window.resize(1500, 940)
        window.show()
        window.train_steps(steps)
        for _ in range(phases):
            window.step("phase")
        for _ in range(3):
            app.processEvents()
        raw = os.path.join(folder, name)
        window.grab().save(raw)
        window.close()
        image = Image.open(raw).convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        out = ROOT / "docs" / name
        image.save(out, optimize=True)
        print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KB, {window.session.phase.label()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
