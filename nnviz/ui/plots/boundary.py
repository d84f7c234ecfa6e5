"""The data and decision-boundary view for two-dimensional inputs.

``BoundaryView`` draws the training points (filled) and test points (hollow)
colored by class — or, for regression, by target value — over an image of the
model's output across the input plane:

- binary: the probability of class 1 from class 0's color (orange) through a
  neutral grey at 0.5 to class 1's (blue), the colors of the points;
- multiclass: each pixel takes the probability-weighted mix of the class
  colors, faded toward neutral where the model is unsure;
- regression: the predicted value on a sequential map (viridis: a value is
  neither a class nor a sign), scaled like the point colors, so a good fit is
  points that vanish into the surface.

The window evaluates the network on :func:`grid_points` in one call, reshapes
the output to ``(H, W)`` or ``(H, W, k)`` and passes it to ``set_surface``.

Notes on performance: ``set_surface`` is the per-frame call.  It maps the grid
to an RGB ``uint8`` image with numpy (a table lookup or a ``(H·W, k) @ (k, 3)``
product) and hands it to one reused ``ImageItem``; for 100×100 this costs well
under a millisecond, the redraw a few.  ``set_data`` rebuilds the point lists
and is meant for when the data change, not every frame; point brushes come
from a fixed palette built once per theme, because ``ScatterPlotItem`` caches
rendered symbols by brush identity.  The points are cached as pixmaps
(``DeviceCoordinateCache``), so a new surface repaints them by a blit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.plots.base import PlotView
from nnviz.ui.widgets.theme import diverging_lut, hex_to_rgb, value_lut

TASKS = ("binary", "multiclass", "regression")
_N_VALUE_BRUSHES = 64  # regression points: target values quantized to this many colors


def grid_points(extent: Sequence[float], resolution: int | tuple[int, int] = 100) -> np.ndarray:
    """Points at the pixel centers of a grid covering ``extent``; shape ``(H*W, 2)``.

    ``extent`` is ``(xmin, xmax, ymin, ymax)``; ``resolution`` is ``n`` for an
    n×n grid or ``(W, H)``.  Rows are ordered by y from ``ymin`` upward and x
    varies fastest, so ``output.reshape(H, W)`` (or ``(H, W, k)``) is the grid
    ``set_surface`` expects.
    """
    xmin, xmax, ymin, ymax = _check_extent(extent)
    if isinstance(resolution, (tuple, list)):
        w, h = (int(r) for r in resolution)
    else:
        w = h = int(resolution)
    if w < 1 or h < 1:
        raise ValueError(f"resolution must be positive, got {resolution!r}")
    xs = xmin + (np.arange(w) + 0.5) * ((xmax - xmin) / w)
    ys = ymin + (np.arange(h) + 0.5) * ((ymax - ymin) / h)
    gx, gy = np.meshgrid(xs, ys)
    return np.column_stack([gx.ravel(), gy.ravel()])


def _check_extent(extent: Sequence[float]) -> tuple[float, float, float, float]:
    if len(extent) != 4:
        raise ValueError(f"extent must be (xmin, xmax, ymin, ymax), got {extent!r}")
    xmin, xmax, ymin, ymax = (float(v) for v in extent)
    if not (np.isfinite([xmin, xmax, ymin, ymax]).all() and xmax > xmin and ymax > ymin):
        raise ValueError(f"extent must be finite with xmin < xmax and ymin < ymax, got {extent!r}")
    return xmin, xmax, ymin, ymax


def _resolve_task(task: str, n_classes: int) -> str:
    if task == "classification":
        return "binary" if n_classes <= 2 else "multiclass"
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; expected one of {', '.join(TASKS)} or 'classification'")
    return task


class _ClickViewBox(pg.ViewBox):
    """A ViewBox that hands left/right clicks to ``click_handler`` when one is set."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.click_handler = None

    def mouseClickEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        buttons = (QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.MouseButton.RightButton)
        if self.click_handler is not None and ev.button() in buttons:
            ev.accept()
            self.click_handler(self.mapSceneToView(ev.scenePos()), ev.button())
        else:
            super().mouseClickEvent(ev)


class BoundaryView(PlotView):
    """Data points over the model's output on the input plane (2-D inputs).

    Signals:
        pointAdded(x, y, button): in draw mode, a click on the plot area at
        data coordinates ``(x, y)``; ``button`` is 1 for the left button, 2 for
        the right (``Qt.MouseButton`` values).  The window decides what it
        means (add a point of the current class / remove the nearest).
    """

    pointAdded = QtCore.Signal(float, float, int)

    POINT_SIZE = 8.0

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        self._view_box = _ClickViewBox()
        super().__init__(parent, view_box=self._view_box)
        self._task = "binary"
        self._n_classes = 2
        self._data: dict[str, np.ndarray] = {}
        self._value_levels: tuple[float, float] | None = None
        self._grid: np.ndarray | None = None
        self._extent: tuple[float, float, float, float] | None = None
        self._draw_mode = False

        self.surface_item = pg.ImageItem(axisOrder="row-major")
        self.surface_item.setZValue(-10)
        self.surface_item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)
        self.train_scatter = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.train_scatter.setZValue(10)
        self.test_scatter = pg.ScatterPlotItem(pxMode=True, symbol="o")
        self.test_scatter.setZValue(11)
        for item in (self.surface_item, self.train_scatter, self.test_scatter):
            self.plot_item.addItem(item)
        for item in (self.train_scatter, self.test_scatter):
            item.setAcceptedMouseButtons(QtCore.Qt.MouseButton.NoButton)  # clicks go to the view box
            # The points stay while the surface under them changes every frame: blit them
            # from a pixmap instead of drawing 500 symbols again (pictures switch caches off).
            item.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

        # Legend samples: grey stand-ins so "filled = train, hollow = test" reads for any class.
        self._legend = pg.LegendItem(offset=(8, 8), verSpacing=-4)
        self._legend.setParentItem(self._view_box)
        self._legend_train = pg.ScatterPlotItem(symbol="o")
        self._legend_test = pg.ScatterPlotItem(symbol="o")
        self._legend.addItem(self._legend_train, self.tr("train"))
        self._legend.addItem(self._legend_test, self.tr("test"))
        self._legend.setVisible(False)

        self.set_axis_labels("x₁", "x₂")
        self.set_grid(False, False)  # the surface is the background; lines would only add noise
        # Bilinear upscaling of the surface image (about 0.2 ms a frame at 100×100 -> 500 px).
        self.plot_widget.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform, True)
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_data(self, X_train: np.ndarray, y_train: np.ndarray,
                 X_test: np.ndarray | None = None, y_test: np.ndarray | None = None,
                 task: str = "binary", n_classes: int = 2) -> None:
        """Show the data set.

        ``X_*``: (n, 2) inputs; ``y_*``: (n,) or (n, 1) class labels (binary,
        multiclass) or target values (regression).  ``task`` is ``"binary"``,
        ``"multiclass"`` or ``"regression"`` (``"classification"`` picks by
        ``n_classes``).  Rows with a non-finite coordinate are not drawn.
        """
        self._task = _resolve_task(task, int(n_classes))
        self._n_classes = max(2, int(n_classes)) if self._task != "regression" else 0
        self._data = {}
        for name, X, y in (("train", X_train, y_train), ("test", X_test, y_test)):
            if X is None or y is None:
                continue
            X = np.asarray(X, dtype=float).reshape(-1, 2)
            y = np.asarray(y, dtype=float).reshape(-1)
            if len(X) != len(y):
                raise ValueError(f"X_{name} has {len(X)} rows but y_{name} has {len(y)}")
            keep = np.isfinite(X).all(axis=1)
            self._data[name + "_X"], self._data[name + "_y"] = X[keep], y[keep]
        if self._task == "regression":
            ys = [self._data[k] for k in ("train_y", "test_y") if k in self._data]
            ys = np.concatenate(ys) if ys else np.empty(0)
            ys = ys[np.isfinite(ys)]
            self._value_levels = _levels(ys) if len(ys) else None
        self._draw_points()
        if self._grid is not None:
            self._draw_surface()
        if self._extent is None:
            self._view_box.autoRange(padding=0.05)

    def set_surface(self, grid: np.ndarray, extent: Sequence[float]) -> None:
        """Draw the model output over the input plane, under the points.

        ``grid``: (H, W) probabilities of class 1 (binary) or predicted values
        (regression), or (H, W, k) class probabilities (multiclass), laid out
        as :func:`grid_points` produces them.  ``extent``: (xmin, xmax, ymin,
        ymax).  Non-finite pixels show the background.
        """
        grid = np.asarray(grid, dtype=float)
        if grid.ndim == 3 and grid.shape[2] == 1:
            grid = grid[:, :, 0]
        if grid.ndim not in (2, 3) or grid.shape[0] < 1 or grid.shape[1] < 1:
            raise ValueError(f"grid must have shape (H, W) or (H, W, k), got {grid.shape}")
        extent = _check_extent(extent)
        new_shape = self._grid is None or grid.shape[:2] != self._grid.shape[:2]
        self._grid = grid
        self._draw_surface()
        # setRect scales by the image size, so it follows setImage and reruns when the size changes.
        if new_shape or extent != self._extent:
            xmin, xmax, ymin, ymax = extent
            self.surface_item.setRect(QtCore.QRectF(xmin, ymin, xmax - xmin, ymax - ymin))
            if extent != self._extent:
                self._view_box.setRange(xRange=(xmin, xmax), yRange=(ymin, ymax), padding=0)
            self._extent = extent

    def clear_surface(self) -> None:
        """Remove the surface image (e.g. after the network was rebuilt)."""
        self._grid = None
        self._extent = None
        self.surface_item.clear()

    def set_draw_mode(self, enabled: bool) -> None:
        """In draw mode, clicks on the plot emit ``pointAdded`` instead of opening the menu."""
        self._draw_mode = bool(enabled)
        self._view_box.click_handler = self._on_click if self._draw_mode else None
        self.plot_item.setMenuEnabled(not self._draw_mode)
        cursor = QtCore.Qt.CursorShape.CrossCursor if self._draw_mode else QtCore.Qt.CursorShape.ArrowCursor
        self.plot_widget.viewport().setCursor(cursor)

    def draw_mode(self) -> bool:
        return self._draw_mode

    def task(self) -> str:
        return self._task

    def surface_rgb(self) -> np.ndarray | None:
        """The RGB image (H, W, 3) currently shown, or None."""
        return self.surface_item.image

    def view_box(self) -> pg.ViewBox:
        return self._view_box

    # -- drawing -------------------------------------------------------------------
    def _on_click(self, pos: QtCore.QPointF, button: QtCore.Qt.MouseButton) -> None:
        self.pointAdded.emit(float(pos.x()), float(pos.y()), int(button.value))

    def _restyle(self) -> None:
        t, s = self._theme, self._scale
        self._lut = diverging_lut(t)                    # p(class 1): class 0's color -> class 1's
        self._value_lut = value_lut(t)                  # regression: a value, not a class
        self._point_lut = value_lut(t, strength=1.0)
        self._bg_rgb = hex_to_rgb(t.background)
        colors = t.class_colors()
        self._class_rgb = np.array([hex_to_rgb(c) for c in colors])
        # Fixed palettes: one brush / pen object per class (and per value level).
        self._class_brushes = [pg.mkBrush(c) for c in colors]
        self._class_pens = [pg.mkPen(c, width=2.0 * s) for c in colors]
        levels = np.linspace(0, 255, _N_VALUE_BRUSHES).astype(int)
        self._value_brushes = [pg.mkBrush(*self._point_lut[i]) for i in levels]
        self._outline_pen = pg.mkPen(t.point_outline, width=1.0 * s)
        self._hollow_brush = pg.mkBrush(t.background)
        # Regression points take their color from the surface's own map, so a
        # mid value would vanish in a light rim: rims there are in text colors.
        self._value_outline_pen = pg.mkPen(t.muted, width=1.0 * s)
        self._value_ring_pen = pg.mkPen(t.foreground, width=2.0 * s)
        self._draw_points()
        if self._grid is not None:
            self._draw_surface()

    def _color_index(self, y: np.ndarray) -> np.ndarray:
        """Per point, an index into the brush/pen palette of the current task."""
        if self._task == "regression":
            lo, hi = self._value_levels or (0.0, 1.0)
            t = np.clip((np.nan_to_num(y, nan=0.5 * (lo + hi)) - lo) / (hi - lo), 0.0, 1.0)
            return np.rint(t * (_N_VALUE_BRUSHES - 1)).astype(int)
        return np.nan_to_num(np.rint(y), nan=0).astype(int) % len(self._class_brushes)

    def _draw_points(self) -> None:
        """Classes: train filled with the class color, test hollow with a ring of it.
        Regression: both filled with the value's color; test with a heavy dark ring."""
        size = self.POINT_SIZE * self._scale
        regression = self._task == "regression"
        for name, item in (("train", self.train_scatter), ("test", self.test_scatter)):
            X = self._data.get(name + "_X")
            if X is None or len(X) == 0:
                item.clear()
                continue
            idx = self._color_index(self._data[name + "_y"])
            if regression:
                pen = self._value_outline_pen if name == "train" else self._value_ring_pen
                item.setData(x=X[:, 0], y=X[:, 1], size=size, pen=pen,
                             brush=[self._value_brushes[i] for i in idx])
            elif name == "train":
                item.setData(x=X[:, 0], y=X[:, 1], size=size, pen=self._outline_pen,
                             brush=[self._class_brushes[i] for i in idx])
            else:
                item.setData(x=X[:, 0], y=X[:, 1], size=size, brush=self._hollow_brush,
                             pen=[self._class_pens[i] for i in idx])
        self._style_legend_samples()
        self._legend.setVisible("test_X" in self._data and len(self._data["test_X"]) > 0)

    def _style_legend_samples(self) -> None:
        """Grey stand-ins drawn like the current task's train and test points."""
        s, grey = self._scale, pg.mkBrush(self._theme.muted)
        size = self.POINT_SIZE * s
        if self._task == "regression":
            self._legend_train.setData([0], [0], brush=grey, pen=self._value_outline_pen, size=size)
            self._legend_test.setData([0], [0], brush=grey, pen=self._value_ring_pen, size=size)
        else:
            self._legend_train.setData([0], [0], brush=grey, pen=self._outline_pen, size=size)
            self._legend_test.setData([0], [0], brush=self._hollow_brush,
                                      pen=pg.mkPen(self._theme.muted, width=2.0 * s), size=size)
        self._style_legend(self._legend)

    def _draw_surface(self) -> None:
        self.surface_item.setImage(self._surface_to_rgb(self._grid), autoLevels=False)

    def _surface_to_rgb(self, grid: np.ndarray) -> np.ndarray:
        """Map a model-output grid to an (H, W, 3) uint8 image for the current task and theme."""
        if grid.ndim == 3:  # class probabilities, also for "binary" given two columns
            if grid.shape[2] == 2 and self._task == "binary":
                grid = grid[:, :, 1]
            else:
                return self._multiclass_rgb(grid)
        if self._task == "regression":
            lo, hi = self._value_levels or _levels(grid[np.isfinite(grid)])
            t = (grid - lo) / (hi - lo)
        else:
            t = grid
        bad = ~np.isfinite(t)
        lut = self._value_lut if self._task == "regression" else self._lut
        idx = np.rint(np.clip(np.where(bad, 0.5, t), 0.0, 1.0) * (len(lut) - 1)).astype(np.intp)
        rgb = lut[idx]
        if bad.any():
            rgb[bad] = self._bg_rgb.astype(np.uint8)
        return rgb

    def _multiclass_rgb(self, grid: np.ndarray) -> np.ndarray:
        """Probability-weighted class colors, faded to neutral by (1 - confidence).

        Works on a class-major float32 copy, shape (k, H*W): reductions over
        the classes are then element-wise over long rows, and temporaries stay
        under malloc's mmap threshold.  The straightforward (H*W, k) float64
        version measured 2.9 ms at 100×100×3 here, this one about 0.2 ms.
        """
        h, w, k = grid.shape
        p = np.ascontiguousarray(grid.reshape(-1, k).T, dtype=np.float32)  # (k, n)
        bad = ~np.isfinite(p).all(axis=0)
        any_bad = bool(bad.any())
        if any_bad:
            p[:, bad] = 1.0 / k
        np.clip(p, 0.0, None, out=p)
        total = p.sum(axis=0)
        total[total <= 0] = 1.0
        p /= total
        # Confidence 0 at a uniform guess, 1 when one class has all the mass.
        conf = p.max(axis=0)
        conf -= 1.0 / k
        conf *= 1.0 / (1.0 - 1.0 / k)
        np.clip(conf, 0.0, 1.0, out=conf)
        colors = self._class_rgb[np.arange(k) % len(self._class_rgb)].astype(np.float32)  # (k, 3)
        mid = hex_to_rgb(self._theme.surface_mid).astype(np.float32)[:, None]
        bg = self._bg_rgb.astype(np.float32)[:, None]
        rgb = colors.T @ p                    # (3, n): the mix of class colors
        rgb -= mid                            # toward neutral by confidence ...
        rgb *= conf
        rgb += mid - bg                       # ... then washed toward the background
        rgb *= self._theme.surface_strength
        rgb += bg + 0.5                       # + 0.5: round when truncating below
        if any_bad:
            rgb[:, bad] = bg + 0.5
        np.clip(rgb, 0, 255, out=rgb)
        return rgb.T.astype(np.uint8).reshape(h, w, 3)


def _levels(values: np.ndarray) -> tuple[float, float]:
    if values.size == 0:
        return 0.0, 1.0
    lo, hi = float(values.min()), float(values.max())
    if hi - lo < 1e-12:
        lo, hi = lo - 0.5, hi + 0.5
    return lo, hi
