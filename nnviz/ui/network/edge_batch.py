"""One graphics item that paints many line segments, grouped in pen bins.

The network view gives each layer of edges one :class:`EdgeBatchItem`.  Its
segments are sorted into bins (see :mod:`nnviz.ui.network.scale`); painting is
``QPainter.drawLines`` calls straight from a numpy buffer (as
``PlotCurveItem(connect="pairs")`` does), so the cost does not grow with
Python objects per edge.

Bins are painted group by group, later groups on top.  The bins of one group
(the two signs of one magnitude level) are interleaved in chunks: where many
edges cross, neither color hides the other just because it was drawn second.

The item keeps a device-coordinate cache: when a frame changes something else
(the lit band, a node, the selection) the layer is blitted from its pixmap
instead of being rasterised again, and a layer whose bins did not change is not
touched at all.  Exports (:mod:`nnviz.ui.images`) switch the cache off
and antialiasing on with :meth:`EdgeBatchItem.set_antialiasing`, so pictures
at 2x or 4x and SVG files get smooth vector lines.
"""

from __future__ import annotations

import numpy as np
from PySide6 import QtCore, QtGui, QtWidgets

try:
    from shiboken6 import wrapInstance
except ImportError:  # pragma: no cover - not PySide6
    wrapInstance = None

_QLINEF_BYTES = 32          # four doubles


class _Lines:
    """Line segments in a contiguous float64 (n, 4) buffer, drawn without
    creating a Python object per segment (QPainter.drawLines(const QLineF*,
    int) on the buffer's memory, as pyqtgraph's PlotCurveItem does)."""

    def __init__(self):
        self._data = np.zeros((0, 4))
        self._list: list[QtCore.QLineF] | None = None

    def set(self, seg: np.ndarray) -> None:
        """``seg``: (n, 4) rows of x0, y0, x1, y1."""
        self._data = np.ascontiguousarray(seg, dtype=np.float64)
        self._list = None

    def __len__(self) -> int:
        return len(self._data)

    def data(self) -> np.ndarray:
        return self._data

    def draw(self, p: QtGui.QPainter, start: int = 0, stop: int | None = None) -> None:
        stop = len(self._data) if stop is None else min(stop, len(self._data))
        if stop <= start:
            return
        if wrapInstance is not None:
            first = wrapInstance(self._data.ctypes.data + start * _QLINEF_BYTES, QtCore.QLineF)
            p.drawLines(first, stop - start)
        else:  # pragma: no cover
            if self._list is None:
                self._list = [QtCore.QLineF(*row) for row in self._data.tolist()]
            p.drawLines(self._list[start:stop])


def _wider(pen: QtGui.QPen, scale: float) -> QtGui.QPen:
    out = QtGui.QPen(pen)
    out.setWidthF(max(out.widthF(), 1.0) * scale)
    return out


class EdgeBatchItem(QtWidgets.QGraphicsItem):
    """Segments in ``n_bins`` bins, each bin painted with its own pen.

    set_pens(pens, groups): one QPen per bin, and the paint order as a list of
    groups of bins (later groups on top, a group's bins interleaved).
    set_geometry(seg): all segments of the layer, (n, 4) rows x0, y0, x1, y1.
    set_bins(bins): the bin of each segment, (n,) ints.
    set_bounds(rect): the area the segments can reach, pen width included.
    """

    CHUNKS = 8

    def __init__(self, n_bins: int):
        super().__init__()
        self._lines = [_Lines() for _ in range(n_bins)]
        self._pens = [QtGui.QPen() for _ in range(n_bins)]
        self._groups = [[b] for b in range(n_bins)]
        self._halos: dict[int, QtGui.QPen] = {}
        self._rect = QtCore.QRectF()
        self._perm = np.zeros(0, np.intp)
        self._seg = np.zeros((0, 4))
        self._antialias = False
        self._pen_scale = 1.0
        self.setCacheMode(QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_pens(self, pens, groups, halos=None) -> None:
        """``halos``: optional {bin: QPen} painted under that bin's lines first."""
        self._pens = list(pens)
        self._groups = [list(g) for g in groups]
        self._halos = dict(halos or {})
        self.update()

    def set_antialiasing(self, on: bool) -> None:
        """Antialiased lines (off by default: on screen, plain spans are several times faster)."""
        self._antialias = bool(on)
        self.update()

    def antialiasing(self) -> bool:
        return self._antialias

    def set_pen_scale(self, scale: float) -> None:
        """Lines ``scale`` times wider: for a picture drawn at ``scale`` device pixels per view pixel
        (the pens are cosmetic, so their widths are device pixels)."""
        self._pen_scale = float(scale)
        self.update()

    def set_bounds(self, rect: QtCore.QRectF) -> None:
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QtCore.QRectF(rect)
            self.update()

    def set_geometry(self, seg: np.ndarray) -> None:
        # Segments are kept in a fixed random order, so that the chunks of
        # interleaved bins are spread over the layer rather than being the
        # fans of consecutive source neurons.
        perm = np.random.default_rng(len(seg)).permutation(len(seg))
        self._perm = perm
        self._seg = np.ascontiguousarray(np.asarray(seg, dtype=np.float64)[perm])

    def set_bins(self, bins: np.ndarray) -> None:
        n_bins = len(self._lines)
        bins = np.asarray(bins)[self._perm]
        order = np.argsort(bins, kind="stable")
        counts = np.bincount(bins.astype(np.intp), minlength=n_bins)
        ends = np.cumsum(counts)
        starts = ends - counts
        sorted_seg = self._seg[order]
        for b, lines in enumerate(self._lines):
            if counts[b] or len(lines):
                lines.set(sorted_seg[starts[b]:ends[b]])
        self.update()

    def bin_size(self, b: int) -> int:
        return len(self._lines[b])

    def bin_segments(self, b: int) -> np.ndarray:
        """(n, 4) segments currently in bin ``b`` (a copy)."""
        return np.array(self._lines[b].data())

    def boundingRect(self) -> QtCore.QRectF:
        return self._rect

    def paint(self, p: QtGui.QPainter, option, widget=None) -> None:
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, self._antialias)
        pens, halos = self._pens, self._halos
        if self._pen_scale != 1.0:
            pens = [_wider(pen, self._pen_scale) for pen in pens]
            halos = {b: _wider(pen, self._pen_scale) for b, pen in halos.items()}
        for group in self._groups:
            present = [b for b in group if len(self._lines[b])]
            for b in present:
                if b in halos:
                    p.setPen(halos[b])
                    self._lines[b].draw(p)
            if len(present) == 1:
                b = present[0]
                p.setPen(pens[b])
                self._lines[b].draw(p)
            elif present:
                n_chunks = self.CHUNKS if max(len(self._lines[b]) for b in present) > 64 else 1
                for k in range(n_chunks):
                    for b in present:
                        n = len(self._lines[b])
                        start, stop = n * k // n_chunks, n * (k + 1) // n_chunks
                        if stop > start:
                            p.setPen(pens[b])
                            self._lines[b].draw(p, start, stop)
