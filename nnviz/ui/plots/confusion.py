"""The confusion matrix as a heatmap: true class on the rows, predicted class on the columns.

Each cell shows its count.  Diagonal cells (correct answers) are tinted with
the sign map's green, off-diagonal cells (mistakes) with its purple (orange
and blue are class colors, and rows and columns here are all classes); the tint is
the square root of the cell's share of its row, so a rare class's mistakes
show as clearly as a common one's and a single mistake is not lost.  The
title gives the accuracy, correct / total.

Notes on performance: the matrix is one reused ``ImageItem`` (an RGB image
of k×k pixels) and one ``TextItem`` per cell, kept while the class count stays
the same; ``set_matrix`` only recolors and retexts them, so calling it after
every training step is cheap.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import numbers
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.widgets.lesson_demo import demo_session, pop_lesson
from nnviz.ui.widgets.theme import blend, hex_to_rgb, readable_text_color

TOOLTIP = QT_TRANSLATE_NOOP("ConfusionView", "Rows: the true class. Columns: the class the network predicts.\n"
                                             "Green diagonal cells count correct answers, purple cells mistakes;\n"
                                             "the shading is the cell's share of its row (of that true class).")


class ConfusionView(PlotView):
    """A k×k heatmap of counts; ``set_matrix(matrix, class_names)``."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.set_title(self.tr("Confusion matrix"))
        self._matrix = np.zeros((0, 0), dtype=int)
        self._names: list[str] = []
        self._split = "test"
        self._message = ""
        self._texts: list[pg.TextItem] = []
        self.image_item = pg.ImageItem(axisOrder="row-major")
        self.image_item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        self.plot_item.addItem(self.image_item)
        vb = self.plot_item.getViewBox()
        vb.invertY(True)                    # row 0 (the first true class) on top
        vb.setAspectLocked(True)
        vb.setMouseEnabled(False, False)
        self.plot_item.setMenuEnabled(False)
        self.set_grid(False, False)
        self.set_axis_labels(self.tr("predicted class"), self.tr("true class"))
        self.plot_widget.setToolTip(self.tr(TOOLTIP))
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_matrix(self, matrix, class_names: Sequence[str] | None = None, split: str = "test") -> None:
        """Show ``matrix`` (k, k) of counts: rows the true class, columns the predicted one.

        ``class_names``: k labels (default "0", "1", ...); ``split`` names the
        data the counts come from, for the title.
        """
        m = np.asarray(matrix)
        if m.ndim != 2 or m.shape[0] != m.shape[1]:
            raise ValueError(f"a confusion matrix must be square (k, k), got shape {m.shape}")
        if m.size and (not np.isfinite(m).all() or (m < 0).any() or (m != np.round(m)).any()):
            raise ValueError("a confusion matrix holds counts: non-negative whole numbers")
        k = m.shape[0]
        names = [str(i) for i in range(k)] if class_names is None or len(class_names) == 0 \
            else [str(c) for c in class_names]
        if len(names) != k:
            raise ValueError(f"got {len(names)} class names for a {k}×{k} matrix")
        self._matrix = m.astype(int)
        self._names, self._split, self._message = names, str(split), ""
        self._draw()

    def set_session(self, session, split: str = "test") -> None:
        """Show ``session.confusion_matrix(split)``; a regression session shows why there is none."""
        try:
            matrix = session.confusion_matrix(split)
        except ValueError as err:
            self.clear(str(err))
            return
        self.set_matrix(matrix, session.prep.dataset.class_names, split)

    def clear(self, message: str = "") -> None:
        """No matrix; ``message`` replaces the title."""
        self._matrix = np.zeros((0, 0), dtype=int)
        self._names, self._message = [], message
        self._draw()

    def matrix(self) -> np.ndarray:
        return self._matrix.copy()

    def accuracy(self) -> float | None:
        """Share of the diagonal, or None without samples."""
        total = int(self._matrix.sum())
        return None if total == 0 else int(np.trace(self._matrix)) / total

    def title(self) -> str:
        return self._title

    def cell_texts(self) -> list[list[str]]:
        """The count shown in each cell, row by row."""
        k = self._matrix.shape[0]
        return [[self._texts[r * k + c].textItem.toPlainText() for c in range(k)] for r in range(k)]

    def cell_rgb(self) -> np.ndarray | None:
        """The (k, k, 3) colors of the cells, or None."""
        return self.image_item.image

    # -- drawing -------------------------------------------------------------------
    def _title_text(self) -> str:
        if self._message:
            return self._message
        m = self._matrix
        total = int(m.sum())
        if m.size == 0:
            return self.tr("Confusion matrix")
        test = self._split == "test"
        if total == 0:
            return self.tr("Confusion matrix: no test samples") if test else \
                self.tr("Confusion matrix: no {split} samples").format(split=self._split)
        correct = int(np.trace(m))
        text = self.tr("Test accuracy {percent}% ({correct}/{total})") if test else \
            self.tr("{split} accuracy {percent}% ({correct}/{total})")
        return numbers(text.format(split=self._split.capitalize(), percent=f"{100 * correct / total:.1f}",
                                   correct=correct, total=total))

    def _restyle(self) -> None:
        self._draw()

    def _draw(self) -> None:
        if not hasattr(self, "image_item"):
            return                          # styling during construction
        t = self._theme
        m = self._matrix
        k = m.shape[0]
        self._title = self._title_text()
        self._style_title()
        self._ensure_texts(k)
        if k == 0:
            self.image_item.clear()
            for axis in ("bottom", "left"):
                self.plot_item.getAxis(axis).setTicks([[]])
            return
        rows = m.sum(axis=1, keepdims=True)
        share = np.divide(m, rows, out=np.zeros(m.shape), where=rows > 0)
        bg = hex_to_rgb(t.background)
        hue = np.where(np.eye(k, dtype=bool)[:, :, None], hex_to_rgb(t.sign_positive),
                       hex_to_rgb(t.sign_negative))
        # The square root lifts small shares: one mistake among fifty must still show.
        # Even an empty cell keeps a faint tint so the grid of cells stays visible.
        rgb = blend(hue, bg, (0.05 + 0.95 * np.sqrt(share))[:, :, None])
        rgb = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
        self.image_item.setImage(rgb, autoLevels=False)
        self.image_item.setRect(QtCore.QRectF(-0.5, -0.5, k, k))
        font = self.qfont(1.1 if k <= 5 else (0.95 if k <= 10 else 0.75))
        for r in range(k):
            for c in range(k):
                item = self._texts[r * k + c]
                color = t.muted if m[r, c] == 0 else readable_text_color("#%02x%02x%02x" % tuple(rgb[r, c]))
                item.setText(str(m[r, c]), color=color)
                item.setFont(font)
                item.setPos(c, r)
        ticks = [[(i, name) for i, name in enumerate(self._names)]]
        self.plot_item.getAxis("bottom").setTicks(ticks)
        self.plot_item.getAxis("left").setTicks(ticks)
        self.plot_item.getViewBox().setRange(xRange=(-0.5, k - 0.5), yRange=(-0.5, k - 0.5), padding=0.02)

    def _ensure_texts(self, k: int) -> None:
        if len(self._texts) == k * k:
            return
        for item in self._texts:
            self.plot_item.removeItem(item)
        self._texts = []
        for _ in range(k * k):
            item = pg.TextItem(anchor=(0.5, 0.5))
            item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            self.plot_item.addItem(item)
            self._texts.append(item)


# -- standalone demo -----------------------------------------------------------------
def _demo_widget(lesson: str) -> ConfusionView:
    s = demo_session(lesson, steps=150, phase=None, metrics=False)
    view = ConfusionView()
    view.set_session(s, "test")
    return view


if __name__ == "__main__":
    import sys

    lesson, argv = pop_lesson(sys.argv[1:], "digits-features")
    raise SystemExit(run_demo(lambda: _demo_widget(lesson), argv, size=(520, 500),
                              title="nnviz confusion matrix"))
