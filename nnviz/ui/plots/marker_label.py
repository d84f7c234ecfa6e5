"""The label of a vertical marker line ("best: step 43") kept whole inside its plot.

pyqtgraph's ``InfLineLabel`` sits on one fixed side of its line.  A plot in a
folded dock at 1024×768, or any plot at 150 % zoom, is narrower than the
label beside a line near its middle, so a fixed side -- or a side chosen from
where the step lies in the data -- cut the text at the plot's edge.
:class:`MarkerLabel` chooses in pixels every time the line, the view range
or the plot's size changes: to the right of the line when the label fits
there and the plot's legend is not, else to its left, else over the line
against the plot's edge; a label wider than the whole plot wraps onto more
lines.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6 import QtCore


class MarkerLabel(pg.InfLineLabel):
    """``MarkerLabel(line, text, position=0.72)``: the label of a vertical ``pg.InfiniteLine``."""

    def __init__(self, line: pg.InfiniteLine, text: str = "", position: float = 0.5) -> None:
        super().__init__(line, text=text, position=position, anchors=[(0.0, 0.5), (0.0, 0.5)])

    def updatePosition(self) -> None:  # noqa: N802 (pyqtgraph API)
        super().updatePosition()
        self.keep_inside()

    def setFont(self, font) -> None:  # noqa: N802 (Qt API)
        super().setFont(font)
        self.keep_inside()

    def keep_inside(self) -> None:
        """Anchor the text so that it lies inside the plot's view box (pixels)."""
        vb = self.getViewBox()
        if not isinstance(vb, pg.ViewBox) or not self.isVisible():
            return
        width = vb.width()
        if width <= 0:
            return
        x = vb.mapFromView(QtCore.QPointF(self.line.value(), 0.0)).x()
        text = self.textItem
        if text.textWidth() >= 0:
            text.setTextWidth(-1)
        label = text.boundingRect().width()
        if label > width:                       # wraps at spaces onto as many lines as it needs
            text.setTextWidth(width)
            label = text.boundingRect().width()
        if x + label <= width and not (x - label >= 0 and self._meets_legend(vb, x, label)):
            a = 0.0                             # right of the line (left when the legend is there)
        elif x - label >= 0:
            a = 1.0                             # left of the line
        else:                                   # over the line, against the nearer edge
            a = min(max((x + label - width) / label, 0.0), 1.0)
        if (a, 0.5) != (self.anchor[0], self.anchor[1]):
            self.setAnchor((a, 0.5))
        else:
            self.updateTextPos()


    def _meets_legend(self, vb: pg.ViewBox, x: float, label: float) -> bool:
        """True when the text right of the line would lie under the plot's legend (pixels of ``vb``)."""
        legend = getattr(vb.parentItem(), "legend", None)
        if legend is None or not legend.isVisible() or not legend.items:
            return False
        box = vb.mapFromScene(legend.sceneBoundingRect()).boundingRect()
        height = self.textItem.boundingRect().height()
        y = vb.mapFromScene(self.scenePos()).y()        # where along the line the label sits
        return QtCore.QRectF(x, y - height / 2, label, height).intersects(box)


def marker_line(text: str, position: float) -> pg.InfiniteLine:
    """A fixed vertical line whose label (``text`` with ``{value}``) stays inside the plot."""
    line = pg.InfiniteLine(angle=90, movable=False)
    line.label = MarkerLabel(line, text=text, position=position)
    return line
