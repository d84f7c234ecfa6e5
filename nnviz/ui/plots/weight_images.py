"""A layer's incoming weights drawn as images: one small picture per neuron.

For the digits lesson each first-layer neuron j has 64 weights W[:, j], one
per pixel of the 8×8 input; reshaped to 8×8 they show the strokes the neuron
responds to.  Colors are the sign map of the network view: purple for
negative, green for positive, neutral grey at 0.  All images share one
symmetric scale, so a stronger image really has larger weights; the title
states it.  The scale is fixed for one image set (one weight array, i.e. one
network): it starts at the first round number (1, 2 or 5 × 10^k) above
95 % of the |w| and only moves up, to the next round number, when they
outgrow it; the few larger weights are drawn in the full colour (set by
the largest alone, the scale left most images pale).  So while training the pictures do not renormalise every frame:
strokes that form are seen to grow darker.

Notes on performance: the view updates while training, so the ``ImageItem``
and label objects are created once per neuron and reused; ``set_weights``
maps all columns to RGB in one numpy lookup and calls ``setImage`` on each
item.  Positions are recomputed only when the number of neurons or the image
shape changes.  Pixels are drawn without smoothing, as the blocks they are.
"""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.i18n import formula, numbers
from nnviz.ui.plots.base import PlotView, run_demo
from nnviz.ui.widgets.lesson_demo import demo_session, pop_lesson
from nnviz.ui.widgets.theme import hex_to_rgb, sign_lut

GAP = 0.15
"""Space between images, in pixels of the images."""

TOOLTIP = QT_TRANSLATE_NOOP("WeightImagesView",
                            "Each picture is one neuron's incoming weights W[:, j], laid out like the input image.\n"
                            "Green pixels excite the neuron (positive weights), purple ones inhibit it;\n"
                            "all pictures share the fixed color scale given in the title.")

FIRST_LAYER = QT_TRANSLATE_NOOP("WeightImagesView", "Layer 1 weights")

SCALE_QUANTILE = 0.95   # the colour scale holds this share of the |w|; larger ones saturate


class WeightImagesView(PlotView):
    """``set_weights(W, shape)`` draws each column of W (fan_in, n) as a ``shape`` image."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._W: np.ndarray | None = None
        self._shape: tuple[int, int] = (8, 8)
        self._limit = 0.0
        self._scale_owner: int | None = None   # id of the weight array the scale belongs to
        self._layout_key: tuple | None = None
        self._images: list[pg.ImageItem] = []
        self._labels: list[pg.TextItem] = []
        self._what = "weights"
        self._extent: tuple[float, float] | None = None
        vb = self.plot_item.getViewBox()
        vb.sigResized.connect(self._fit)
        vb.invertY(True)                    # image rows top-down, like the digit
        vb.setAspectLocked(True)
        vb.setMouseEnabled(False, False)
        self.plot_item.setMenuEnabled(False)
        self.plot_item.hideAxis("left")
        self.plot_item.hideAxis("bottom")
        self.set_grid(False, False)
        self.plot_widget.setToolTip(self.tr(TOOLTIP))
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_weights(self, W, shape: tuple[int, int] = (8, 8), what: str = FIRST_LAYER) -> None:
        """Draw each column W[:, j] (W: (fan_in, n), fan_in = rows × cols of ``shape``).

        ``what`` starts the title (in the window's language when it is
        :data:`FIRST_LAYER`).  Non-finite weights are drawn in the theme's
        divergence color.  Passing the same array again (a network training in
        place) keeps the color scale unless a weight outgrows it.
        """
        owner = id(W)
        W = np.asarray(W, dtype=float)
        if W.ndim != 2:
            raise ValueError(f"W must be (fan_in, n), got shape {W.shape}")
        rows, cols = (int(v) for v in shape)
        if rows < 1 or cols < 1 or rows * cols != W.shape[0]:
            raise ValueError(f"shape {shape} does not hold the {W.shape[0]} weights of a column")
        if (rows, cols) != self._shape or owner != self._scale_owner:
            self._limit = 0.0
        what = self.tr(what) if what == FIRST_LAYER else what
        self._W, self._shape, self._what, self._scale_owner = W, (rows, cols), what, owner
        finite = np.abs(W[np.isfinite(W)])
        peak = float(np.quantile(finite, SCALE_QUANTILE)) if finite.size else 0.0
        if peak > self._limit:
            self._limit = round_up(peak)
        self._draw()

    def reset_scale(self) -> None:
        """Start a new image set: the next ``set_weights`` picks its scale afresh."""
        self._scale_owner = None

    def set_session(self, session, layer: int = 1, shape: tuple[int, int] | None = None) -> None:
        """Show ``session.network.params[layer - 1]["W"]``; ``shape`` defaults to a square."""
        W = session.network.params[layer - 1]["W"]
        if shape is None:
            side = math.isqrt(W.shape[0])
            if side * side != W.shape[0]:
                raise ValueError(f"layer {layer} has {W.shape[0]} inputs: give the image shape")
            shape = (side, side)
        self.set_weights(W, shape, what=self.tr("Layer {layer} weights").format(layer=numbers(str(layer))))

    def images(self) -> list[pg.ImageItem]:
        """The image items in use, one per neuron (column of W)."""
        n = 0 if self._W is None else self._W.shape[1]
        return self._images[:n]

    def color_limit(self) -> float:
        """The shared scale: colors run from -limit (purple) to +limit (green)."""
        return self._limit

    def title(self) -> str:
        return self._title

    # -- drawing -------------------------------------------------------------------
    def _restyle(self) -> None:
        t = self._theme
        self._lut = sign_lut(t)
        self._bad_rgb = hex_to_rgb(t.diverged).astype(np.uint8)
        self._layout_key = None             # label fonts and colors follow the style
        self._draw()

    def _rgb(self) -> np.ndarray:
        """All columns as (n, rows, cols, 3) uint8."""
        W = self._W
        n = W.shape[1]
        scale = self._limit if self._limit > 0 else 1.0
        v = W.T.reshape(n, *self._shape) / scale
        bad = ~np.isfinite(v)
        idx = np.rint((np.clip(np.where(bad, 0.0, v), -1.0, 1.0) + 1.0) * (0.5 * (len(self._lut) - 1)))
        rgb = self._lut[idx.astype(np.intp)]
        if bad.any():
            rgb[bad] = self._bad_rgb
        return rgb

    def _draw(self) -> None:
        if not hasattr(self, "_lut"):
            return
        if self._W is None:
            self._title = self.tr("Weights as images")
            self._style_title()
            return
        n = self._W.shape[1]
        self._title = self.tr("{what} {weights} · colors {limit} (fixed)").format(
            what=self._what, weights=formula("W[:, j]"), limit=formula(f"±{self._limit:g}"))
        self._style_title()
        self._ensure_items(n)
        rgb = self._rgb()
        for j in range(n):
            self._images[j].setImage(rgb[j], autoLevels=False)
        key = (n, self._shape, self._theme.name, self._scale)
        if key != self._layout_key:
            self._place(n)
            self._layout_key = key

    def _grid(self, n: int) -> tuple[int, int]:
        cols = max(1, math.ceil(math.sqrt(n * 1.25)))
        return cols, math.ceil(n / cols)

    def _place(self, n: int) -> None:
        rows, cols = self._shape
        grid_cols, grid_rows = self._grid(n)
        label_h = 1.2                       # room above each image for its number
        font = self.qfont(0.85)
        for j in range(n):
            gx, gy = j % grid_cols, j // grid_cols
            x = gx * (cols + GAP * cols)
            y = gy * (rows + GAP * rows + label_h) + label_h
            self._images[j].setRect(QtCore.QRectF(x, y, cols, rows))
            label = self._labels[j]
            label.setText(str(j + 1), color=self._theme.muted)     # neurons count from 1
            label.setFont(font)
            label.setPos(x + cols / 2, y)
        for k, item in enumerate(self._images):
            item.setVisible(k < n)
            self._labels[k].setVisible(k < n)
        width = grid_cols * cols * (1 + GAP) - GAP * cols
        height = grid_rows * (rows * (1 + GAP) + label_h) - GAP * rows
        self._extent = (width, height)
        self._fit()

    def _fit(self, *_args) -> None:
        """Show the whole grid (again after a resize: the aspect lock would crop it)."""
        if self._extent is not None:
            width, height = self._extent
            # The top row's numbers stand above y = 0; in a short view their text is taller than
            # the room left for it (label_h), so the range starts a little above.
            self.plot_item.getViewBox().setRange(xRange=(0, width), yRange=(-1.5, height), padding=0.02)

    def _ensure_items(self, n: int) -> None:
        while len(self._images) < n:
            image = pg.ImageItem(axisOrder="row-major")
            image.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            label = pg.TextItem(anchor=(0.5, 1.0))
            label.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
            self.plot_item.addItem(image)
            self.plot_item.addItem(label)
            self._images.append(image)
            self._labels.append(label)
            self._layout_key = None


def round_up(x: float) -> float:
    """The smallest of 1, 2, 5 × 10^k that is ≥ ``x`` (``x`` > 0)."""
    k = math.floor(math.log10(x))
    for m in (1.0, 2.0, 5.0, 10.0):
        if m * 10.0 ** k >= x * (1 - 1e-12):
            return float(f"{m * 10.0 ** k:.12g}")
    return 10.0 ** (k + 1)


# -- standalone demo -----------------------------------------------------------------
def _demo_widget(lesson: str) -> WeightImagesView:
    """The digits lesson training live: the images update every 40 ms."""
    s = demo_session(lesson, steps=0, phase=None, metrics=False)
    view = WeightImagesView()
    view.set_session(s, 1)

    def train() -> None:
        s.run(3, metrics=False)
        view.set_session(s, 1)

    view._timer = QtCore.QTimer(view)   # owned by the view: stops when it goes away
    view._timer.timeout.connect(train)
    view._timer.start(40)
    return view


if __name__ == "__main__":
    import sys

    lesson, argv = pop_lesson(sys.argv[1:], "digits-features")
    raise SystemExit(run_demo(lambda: _demo_widget(lesson), argv, size=(640, 560),
                              title="nnviz weight images"))
