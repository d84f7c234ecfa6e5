"""Pictures of views and windows: PNG at any scale, SVG, the clipboard.

A widget is drawn with ``QWidget.render`` into

* a ``QImage`` of ``(w·s, h·s)`` pixels whose device pixel ratio is ``s``:
  every line, text and shape is rasterised again at that resolution, so a 2x
  or 4x picture is as sharp as the screen at 2x or 4x, not an upscaled
  screenshot;
* a ``QSvgGenerator``: lines, shapes and text stay vectors, and so do the
  controls the style would draw through pixmaps (:mod:`nnviz.ui.vector_style`);
  images (decision boundaries, neuron heatmaps, icons) are embedded as PNG at
  their own resolution.

Views keep pixmap caches for speed on screen (the network view caches each
layer of edges, the headers and the legend; pyqtgraph caches its view
backgrounds and scatter symbols).  A cached pixmap would come out at screen
resolution -- blurry in a 4x PNG and a bitmap inside an SVG -- so
:func:`export_mode` switches every cache off while a picture is drawn (and
antialiasing on for the network's edges), then puts everything back.

``transparent=True`` leaves out the backgrounds of the views (and of the
window): the picture has an alpha channel, for slides with their own
background.  Otherwise views keep their theme's background.

Writing is atomic: the file appears whole or not at all.
"""

from __future__ import annotations

import contextlib
import math
import weakref
from pathlib import Path

import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtSvg, QtWidgets

from nnviz.session.files import atomic_write_bytes
from nnviz.ui.vector_style import drawn_as_vectors

FORMATS = ("png", "svg")
MAX_SCALE = 8.0
MAX_SIDE = 16384                # pixels per side of a PNG (QImage and memory limits)
SCREEN_DPI = 96.0               # one widget pixel is 1/96 inch on paper
_RENDER_ALL = (QtWidgets.QWidget.RenderFlag.DrawChildren
               | QtWidgets.QWidget.RenderFlag.DrawWindowBackground)


def format_of(path: str | Path) -> str:
    """``"png"`` or ``"svg"`` from the file name; ValueError for anything else."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ValueError(f"{Path(path).name}: pictures are .png or .svg, not {('.' + suffix) if suffix else 'no suffix'}")
    return suffix


def check_scale(scale: float, size: QtCore.QSize | None = None) -> float:
    """``scale`` as a float in (0, MAX_SCALE]; with ``size``, also at most MAX_SIDE pixels a side."""
    try:
        s = float(scale)
    except (TypeError, ValueError):
        raise ValueError(f"scale must be a number, got {scale!r}") from None
    if not (math.isfinite(s) and 0 < s <= MAX_SCALE):
        raise ValueError(f"scale must be above 0 and at most {MAX_SCALE:g}, got {scale!r}")
    if size is not None:
        w, h = pixel_size(size, s)
        if max(w, h) > MAX_SIDE:
            raise ValueError(f"{w}×{h} pixels is too large (at most {MAX_SIDE} a side); choose a smaller scale")
    return s


def pixel_size(size: QtCore.QSize, scale: float) -> tuple[int, int]:
    """Pixel size of a picture of a widget of ``size`` at ``scale``."""
    return max(1, round(size.width() * scale)), max(1, round(size.height() * scale))


def _graphics_views(widget: QtWidgets.QWidget) -> list[QtWidgets.QGraphicsView]:
    views = widget.findChildren(QtWidgets.QGraphicsView)
    if isinstance(widget, QtWidgets.QGraphicsView):
        views.insert(0, widget)
    return views


def _scaled_pen(pen: QtGui.QPen, scale: float) -> QtGui.QPen:
    """``pen`` with its width times ``scale``: a cosmetic pen's width is in device pixels, so a
    picture drawn at ``scale`` device pixels per widget pixel needs it ``scale`` times wider (a
    width of 0 draws one device pixel)."""
    out = QtGui.QPen(pen)
    if out.isCosmetic() and out.style() != QtCore.Qt.PenStyle.NoPen:
        out.setWidthF(max(out.widthF(), 1.0) * scale)
    return out


def _scale_pens(item: QtWidgets.QGraphicsItem, scale: float, restore: list) -> None:
    """Widen the cosmetic pens ``item`` draws with by ``scale``; append how to undo it to ``restore``.

    QPainter draws a cosmetic pen (pyqtgraph's and the network's lines are
    cosmetic: their width does not follow zooming) the same number of device
    pixels wide at any device pixel ratio, so without this a 4x picture would
    have lines a quarter as thick as the 1x one.
    """
    if hasattr(item, "set_pen_scale"):                      # the network's edges
        item.set_pen_scale(scale)
        restore.append(lambda i=item: i.set_pen_scale(1.0))
    elif isinstance(item, pg.PlotCurveItem):
        opts = item.opts
        old = {k: opts.get(k) for k in ("pen", "shadowPen")}
        for k, pen in old.items():
            if isinstance(pen, QtGui.QPen):
                opts[k] = _scaled_pen(pen, scale)
        item.update()
        restore.append(lambda i=item, o=old: (i.opts.update(o), i.update()))
    elif isinstance(item, pg.ScatterPlotItem):              # symbol rims (sizes follow the pixel ratio)
        old_pen, old_pens = item.opts.get("pen"), item.data["pen"].copy()
        if isinstance(old_pen, QtGui.QPen):
            item.opts["pen"] = _scaled_pen(old_pen, scale)
        item.data["pen"] = [_scaled_pen(p, scale) if isinstance(p, QtGui.QPen) else p for p in old_pens]
        item.update()

        def undo(i=item, pen=old_pen, pens=old_pens):
            i.opts["pen"] = pen
            i.data["pen"] = pens
            i.update()
        restore.append(undo)
    elif isinstance(item, (pg.AxisItem, pg.InfiniteLine)):
        old = QtGui.QPen(item.pen() if callable(item.pen) else item.pen)
        item.setPen(_scaled_pen(old, scale))
        restore.append(lambda i=item, p=old: i.setPen(p))
    elif isinstance(item, (QtWidgets.QAbstractGraphicsShapeItem, QtWidgets.QGraphicsLineItem)):
        old = QtGui.QPen(item.pen())
        item.setPen(_scaled_pen(old, scale))
        restore.append(lambda i=item, p=old: i.setPen(p))


_BEFORE_PICTURE: list[weakref.WeakMethod] = []


def before_picture(method) -> None:
    """Call ``method(widget)`` before ``widget`` is pictured, to bring what it shows up to date.

    A binding leaves views hidden in a tab undrawn (see :mod:`nnviz.ui.binding`);
    a picture of one must still show the current state.  Kept weakly: a
    closed surface's binding is not held alive by this list.
    """
    _BEFORE_PICTURE.append(weakref.WeakMethod(method))


def _bring_up_to_date(widget: QtWidgets.QWidget) -> None:
    for ref in list(_BEFORE_PICTURE):
        method = ref()
        if method is None:
            _BEFORE_PICTURE.remove(ref)
        else:
            method(widget)


@contextlib.contextmanager
def export_mode(widget: QtWidgets.QWidget, transparent: bool = False, scale: float = 1.0):
    """While inside: every view in ``widget`` draws uncached, antialiased and,
    with ``transparent``, without its background; with ``scale`` (device pixels
    per widget pixel) cosmetic lines are that much wider, so the picture shown
    at the widget's size looks like the widget.  Everything is restored after."""
    _bring_up_to_date(widget)
    no_cache = QtWidgets.QGraphicsItem.CacheMode.NoCache
    restore: list = []
    try:
        if transparent:
            for w in [widget] + widget.findChildren(QtWidgets.QWidget):
                if w.autoFillBackground():
                    w.setAutoFillBackground(False)
                    restore.append(lambda w=w: w.setAutoFillBackground(True))
        for view in _graphics_views(widget):
            mode = view.cacheMode()
            view.setCacheMode(QtWidgets.QGraphicsView.CacheModeFlag.CacheNone)
            restore.append(lambda v=view, m=mode: (v.setCacheMode(m), v.resetCachedContent()))
            brush = view.backgroundBrush()
            if transparent:
                view.setBackgroundBrush(QtGui.QBrush(QtCore.Qt.BrushStyle.NoBrush))
                restore.append(lambda v=view, b=brush: v.setBackgroundBrush(b))
            scene = view.scene()
            if scene is None:
                continue
            opts = {"antialias": True, "background": QtGui.QColor(0, 0, 0, 0) if transparent else brush.color(),
                    "resolutionScale": 1.0}
            for item in scene.items():
                cache = item.cacheMode()
                if cache != no_cache:
                    item.setCacheMode(no_cache)
                    restore.append(lambda i=item, c=cache: i.setCacheMode(c))
                if hasattr(item, "set_antialiasing") and not item.antialiasing():
                    item.set_antialiasing(True)
                    restore.append(lambda i=item: i.set_antialiasing(False))
                if hasattr(item, "setExportMode"):
                    item.setExportMode(True, opts)
                    restore.append(lambda i=item: i.setExportMode(False))
                if scale != 1.0:
                    _scale_pens(item, scale, restore)
        yield
    finally:
        for undo in reversed(restore):
            undo()


def _render(widget: QtWidgets.QWidget, painter: QtGui.QPainter, transparent: bool) -> None:
    flags = QtWidgets.QWidget.RenderFlag.DrawChildren if transparent else _RENDER_ALL
    # QGraphicsView.render draws the scene; QWidget.render draws the widget with its children.
    QtWidgets.QWidget.render(widget, painter, QtCore.QPoint(), QtGui.QRegion(), flags)


def render_image(widget: QtWidgets.QWidget, scale: float = 1.0, transparent: bool = False) -> QtGui.QImage:
    """``widget`` drawn at ``scale`` (2: twice as many pixels each way, as sharp as the screen)."""
    scale = check_scale(scale, widget.size())
    w, h = pixel_size(widget.size(), scale)
    image = QtGui.QImage(w, h, QtGui.QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    dots = round(SCREEN_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots)            # prints at the widget's size on paper, sharper
    image.setDotsPerMeterY(dots)
    with export_mode(widget, transparent, scale):
        painter = QtGui.QPainter(image)
        try:
            painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing)
            _render(widget, painter, transparent)
        finally:
            painter.end()
    if not transparent:
        image = image.convertToFormat(QtGui.QImage.Format.Format_RGB32)
    return image


def png_bytes(image: QtGui.QImage) -> bytes:
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buf, "PNG"):
        raise OSError("could not encode the picture as PNG")
    return bytes(buf.data())


def svg_bytes(widget: QtWidgets.QWidget, transparent: bool = False, title: str = "nnviz",
              description: str = "") -> bytes:
    """``widget`` as an SVG document of its size in pixels (1 px = 1/96 inch)."""
    buf = QtCore.QBuffer()
    buf.open(QtCore.QIODevice.OpenModeFlag.WriteOnly)
    gen = QtSvg.QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(widget.size())
    gen.setViewBox(QtCore.QRect(QtCore.QPoint(0, 0), widget.size()))
    gen.setResolution(int(SCREEN_DPI))
    gen.setTitle(title)
    gen.setDescription(description or "A picture drawn by nnviz")
    # buttons, boxes, frames and tabs as vectors, each inside its own rectangle (see vector_style)
    with export_mode(widget, transparent), drawn_as_vectors(widget):
        painter = QtGui.QPainter(gen)
        try:
            _render(widget, painter, transparent)
        finally:
            painter.end()
    return bytes(buf.data())


def save_image(widget: QtWidgets.QWidget, path: str | Path, scale: float = 1.0, transparent: bool = False,
               title: str = "nnviz") -> tuple[int, int]:
    """Write ``widget`` to ``path`` (.png at ``scale``, or .svg), atomically.

    Returns the picture's size: pixels for PNG, widget pixels (the SVG's view
    box) for SVG.  ValueError for a bad suffix or scale; OSError when the file
    cannot be written.
    """
    kind = format_of(path)
    if kind == "svg":
        atomic_write_bytes(path, svg_bytes(widget, transparent, title=title))
        return widget.width(), widget.height()
    image = render_image(widget, scale, transparent)
    atomic_write_bytes(path, png_bytes(image))
    return image.width(), image.height()


def copy_to_clipboard(widget: QtWidgets.QWidget, scale: float = 1.0, transparent: bool = False) -> QtGui.QImage:
    """Put ``widget`` drawn at ``scale`` on the clipboard (as an image); returns it."""
    image = render_image(widget, scale, transparent)
    QtGui.QGuiApplication.clipboard().setImage(image)
    return image


def to_rgb_array(image: QtGui.QImage):
    """The image as a (h, w, 3) uint8 numpy array (alpha dropped)."""
    import numpy as np

    img = image.convertToFormat(QtGui.QImage.Format.Format_RGB888)
    w, h, stride = img.width(), img.height(), img.bytesPerLine()
    data = np.frombuffer(img.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return data[:, :w * 3].reshape(h, w, 3).copy()
