"""One neuron as a graph of operations, micrograd-style: the chain rule as local × upstream on every edge.

Passive: :meth:`NeuronGraphView.set_graph` takes the session's
:class:`~nnviz.session.neuron_graph.NeuronGraph` (one neuron, one sample of
the shown step) and draws it left to right by the nodes' ``column``:

- a box per operation (input, weight, product, Σ, + b, batch norm, f, dropout,
  output) with its forward value and, once backward has reached the layer,
  its gradient dL/d(node) in the gradient colour;
- in backward phases, on every edge: the local derivative × the upstream
  gradient = the product, the gradient that arrives at the source through it;
  where a node's gradient also flows along a path a single neuron's graph
  leaves out (batch statistics, the other softmax outputs), that part is
  written under it (:func:`~nnviz.ui.network.neuron_graph_display.other_paths`).

Numbers are printed with the inspector's :func:`~nnviz.ui.panels.inspector_markup.fmt`
(5 significant digits), so they read exactly as the inspector's. Labels use
the inspector's notation (indices from 1: x₁, W₂[3,1], b₂[1]).

A layer wider than ``MAX_INPUTS`` inputs shows the terms with the largest
|x·w| (the residual input always), and one box for the sum of the others;
which nodes and edges are drawn is decided without Qt in neuron_graph_display.py.

Notes on performance: the scene is rebuilt on each ``set_graph`` (a few dozen
items); it changes once per phase, not per frame. Boxes are laid out in font
units, so a larger line scale (presenter mode) enlarges the whole drawing and
the view then fits it to its size, never beyond ``MAX_ZOOM``.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.session import Session
from nnviz.session.inspect import person_label
from nnviz.ui.network.neuron_graph_display import (MAX_INPUTS, PARAMETERS, DisplayGraph, display_graph,
                                                   other_paths, rest_value, visible_inputs)
from nnviz.ui.panels.inspector_markup import fmt
from nnviz.ui.plots.base import BASE_FONT_PT, Styled
from nnviz.ui.widgets.demo_runner import run_widget
from nnviz.ui.widgets.theme import get_theme

MAX_ZOOM = 1.6
LABEL_GAP = 0.4
"""Em between a source box and the label of its slanted edge: edges converge on their targets, so
labels sit at the sources, which are a box height apart."""
GRADIENT_COLORS = {"light": "#c2185b", "dark": "#ff6fae", "contrast": "#a0005a"}
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


class NeuronGraphView(Styled, QtWidgets.QGraphicsView):
    """The unrolled computation of one neuron: values on nodes, local × upstream = product on edges."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, theme: str = "light") -> None:
        super().__init__(parent)
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)   # graphs read left to right in every language
        self._theme = get_theme(theme)
        self._scale = 1.0
        self._graph = None
        self._caption = ""
        self.setScene(pg.GraphicsScene(parent=self))     # pyqtgraph's: right-click export as on every view
        self.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing, True)
        self.setRenderHint(QtGui.QPainter.RenderHint.TextAntialiasing, True)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QtWidgets.QFrame.Shape.NoFrame)
        self._shown: DisplayGraph | None = None
        self._node_texts: dict[str, list[str]] = {}
        self._edge_texts: dict[tuple[str, str], list[str]] = {}
        self._apply_style()

    # -- public API ------------------------------------------------------------
    def set_graph(self, graph, caption: str = "") -> None:
        """Draw a NeuronGraph; ``caption`` (e.g. the phase) goes above it."""
        self._graph = graph
        self._caption = caption
        self._rebuild()

    def graph(self):
        return self._graph

    def node_texts(self) -> dict[str, list[str]]:
        """The lines written in each drawn node's box, by node id ("rest" for the folded terms)."""
        return dict(self._node_texts)

    def edge_texts(self) -> dict[tuple[str, str], list[str]]:
        """The lines written on each drawn edge, by (source, target); empty before backward."""
        return dict(self._edge_texts)

    def clear_graph(self, message: str = "") -> None:
        self._graph = None
        self._caption = message
        self._rebuild()

    # -- drawing -------------------------------------------------------------------
    def _apply_style(self) -> None:
        self.setBackgroundBrush(QtGui.QColor(self._theme.background))
        self._rebuild()

    def _font(self, factor: float = 1.0, bold: bool = False) -> QtGui.QFont:
        font = QtGui.QFont()
        font.setPointSizeF(BASE_FONT_PT * 1.15 * self._scale * factor)
        font.setBold(bold)
        return font

    def _rebuild(self) -> None:
        scene = self.scene()
        scene.clear()
        self._node_texts, self._edge_texts = {}, {}
        g = self._graph
        em = QtGui.QFontMetricsF(self._font()).height()
        top = 0.0
        if g is not None:
            shown = self._shown = display_graph(g, MAX_INPUTS)
            self._node_texts = {node_id: self._node_lines(node_id) for node_id in shown.columns}
            self._edge_texts = {(src, dst): self._edge_lines(edge) for src, dst, edge in shown.edges
                                if self._edge_lines(edge)}
            positions = self._layout(shown, em)
            boxes = {node_id: self._node(node_id, x, y, em) for node_id, (x, y) in positions.items()}
            self._draw_edges(shown, boxes, em)
            top = min(r.top() for r in boxes.values())
        caption = scene.addSimpleText(self._caption or "", self._font(1.1, bold=True))
        caption.setBrush(QtGui.QColor(self._theme.foreground))
        caption.setPos(0, top - 3.6 * em)
        if g is not None:
            key = scene.addSimpleText(self._key(g), self._font(0.95))
            key.setBrush(QtGui.QColor(GRADIENT_COLORS.get(self._theme.name, GRADIENT_COLORS["light"])
                                      if g.backward_known else self._theme.muted))
            key.setPos(0, top - 2.1 * em)
        self._fit()

    def _key(self, g) -> str:
        """How to read the numbers, in the phase's terms."""
        if g.backward_known:
            return self.tr("on every edge: local derivative × upstream gradient = the gradient it passes back")
        if g.forward_known:
            return self.tr("forward values of one sample; gradients follow when backward reaches this layer")
        return self.tr("the forward pass has not reached this layer yet")

    def _node_lines(self, node_id: str) -> list[str]:
        """Label, ``= value`` and, once backward is here, ``grad …``."""
        g = self._graph
        if node_id == "rest":
            return [self._label(node_id), f"= {fmt(rest_value(g))}"]
        node = g.nodes[node_id]
        lines = [self._label(node_id), f"= {fmt(node.value)}"]
        if g.backward_known and node.grad is not None:
            lines.append(self.tr("grad {0}").format(fmt(node.grad)))
            other = other_paths(self._shown, node_id, node.grad)
            if other is not None:
                lines.append(self.tr("{0} of it by other paths").format(fmt(other)))
        return lines

    def _edge_lines(self, edge) -> list[str]:
        """``local``, ``× upstream``, ``= product`` (one above the other: narrow gaps between columns)
        in backward phases, nothing before."""
        if edge is None or not self._graph.backward_known or edge.local is None:
            return []
        return [fmt(edge.local), f"× {fmt(edge.upstream)}", f"= {fmt(edge.product)}"]

    def _fonts(self) -> list[QtGui.QFont]:
        """Of a box's lines: label, value, gradient, the gradient's share by other paths."""
        return [self._font(1.05, bold=True), self._font(), self._font(0.95, bold=True), self._font(0.85)]

    def _box_size(self, lines: list[str], em: float) -> tuple[float, float]:
        metrics = [QtGui.QFontMetricsF(f) for f in self._fonts()]
        width = max(m.horizontalAdvance(text) for m, text in zip(metrics, lines)) + 1.2 * em
        return width, sum(m.height() for m in metrics[:len(lines)]) + 0.6 * em

    def _label_width(self, lines: list[str], em: float) -> float:
        m = QtGui.QFontMetricsF(self._font(0.9))
        return max((m.horizontalAdvance(text) for text in lines), default=0.0) + 0.6 * em

    def _layout(self, shown, em) -> dict[str, tuple[float, float]]:
        """Centres of the boxes: inputs in pairs (x over w) down the left, the chain along the middle,
        parameters (b, γ, β, α) under the chain node of their column. Each column sits right of the
        one before by the widest box of both and the widest edge label between them."""
        row_h = 4.6 * em
        n_columns = max(shown.columns.values()) + 1
        widths = [0.0] * n_columns
        for node_id, column in shown.columns.items():
            widths[column] = max(widths[column], self._box_size(self._node_texts[node_id], em)[0])
        gaps = [3.0 * em] * n_columns
        for (src, dst), lines in self._edge_texts.items():
            column = shown.columns[dst]
            if shown.columns[src] != column:
                gaps[column] = max(gaps[column], self._label_width(lines, em) + LABEL_GAP * em + 1.8 * em)
        xs = [0.0]
        for c in range(1, n_columns):
            xs.append(xs[-1] + widths[c - 1] / 2 + gaps[c] + widths[c] / 2)
        pos: dict[str, tuple[float, float]] = {}
        for k, i in enumerate(shown.inputs):
            pos[f"x{i}"] = (xs[0], 2 * k * row_h)
            pos[f"w{i}"] = (xs[0], (2 * k + 1) * row_h)
            pos[f"p{i}"] = (xs[1], (2 * k + 0.5) * row_h)
        if shown.folded:
            pos["rest"] = (xs[1], 2 * len(shown.inputs) * row_h)
        n_rows = 2 * len(shown.inputs) + (1 if shown.folded else 0)
        mid = (n_rows - 1) * row_h / 2
        below: dict[int, int] = {}
        for node_id, column in shown.columns.items():
            if node_id in pos:
                continue
            if node_id in PARAMETERS:
                below[column] = below.get(column, 0) + 1
                pos[node_id] = (xs[column], mid + below[column] * 1.2 * row_h)
            else:
                pos[node_id] = (xs[column], mid)
        return pos

    def _node(self, node_id, x, y, em) -> QtCore.QRectF:
        t = self._theme
        lines = self._node_texts[node_id]
        fonts = self._fonts()
        metrics = [QtGui.QFontMetricsF(f) for f in fonts]
        width, height = self._box_size(lines, em)
        rect = QtCore.QRectF(x - width / 2, y - height / 2, width, height)
        path = QtGui.QPainterPath()
        path.addRoundedRect(rect, 0.4 * em, 0.4 * em)
        fill = QtGui.QColor(t.surface_mid if node_id not in ("a", "z", "u", "act") else t.background)
        box = self.scene().addPath(path, QtGui.QPen(QtGui.QColor(t.foreground), max(1.0, 1.2 * self._scale)),
                                   QtGui.QBrush(fill))
        box.setZValue(2)
        colors = [t.foreground, t.foreground, GRADIENT_COLORS.get(t.name, GRADIENT_COLORS["light"]), t.muted]
        top = rect.top() + 0.3 * em
        for text, font, m, color in zip(lines, fonts, metrics, colors):
            item = self.scene().addSimpleText(text, font)
            item.setBrush(QtGui.QColor(color))
            item.setPos(rect.center().x() - m.horizontalAdvance(text) / 2, top)
            item.setZValue(3)
            top += m.height()
        return rect

    def _draw_edges(self, shown, boxes, em) -> None:
        t = self._theme
        grad_color = QtGui.QColor(GRADIENT_COLORS.get(t.name, GRADIENT_COLORS["light"]))
        pen = QtGui.QPen(QtGui.QColor(t.muted), max(1.0, 1.4 * self._scale))
        for source, target, _edge in shown.edges:
            a, b = boxes[source], boxes[target]
            start = QtCore.QPointF(a.right(), a.center().y())
            end = QtCore.QPointF(b.left(), b.center().y())
            if a.center().x() == b.center().x():          # a parameter under its chain node
                start = QtCore.QPointF(a.center().x(), a.top())
                end = QtCore.QPointF(b.center().x(), b.bottom())
            line = self.scene().addLine(QtCore.QLineF(start, end), pen)
            line.setZValue(1)
            self._arrow(end, start, pen, em)
            lines = self._edge_texts.get((source, target))
            if lines:
                self._edge_label(lines, start, end, grad_color, em)

    def _arrow(self, tip: QtCore.QPointF, tail: QtCore.QPointF, pen: QtGui.QPen, em: float) -> None:
        d = np.array([tip.x() - tail.x(), tip.y() - tail.y()])
        n = float(np.hypot(*d))
        if n == 0:
            return
        d /= n
        size = 0.55 * em
        left = QtCore.QPointF(tip.x() - size * (d[0] - 0.5 * d[1]), tip.y() - size * (d[1] + 0.5 * d[0]))
        right = QtCore.QPointF(tip.x() - size * (d[0] + 0.5 * d[1]), tip.y() - size * (d[1] - 0.5 * d[0]))
        head = self.scene().addPolygon(QtGui.QPolygonF([tip, left, right]), pen, QtGui.QBrush(pen.color()))
        head.setZValue(1)

    def _edge_label(self, lines, start, end, color, em) -> None:
        font = self._font(0.9)
        m = QtGui.QFontMetricsF(font)
        width = max(m.horizontalAdvance(text) for text in lines) + 0.6 * em
        height = m.height() * len(lines) + 0.2 * em
        if start.x() == end.x():                         # vertical edge: label beside it
            cx, cy = start.x() + width / 2 + 0.4 * em, (start.y() + end.y()) / 2
        elif abs(end.y() - start.y()) > 0.5 * em:        # slanted: where it leaves the source
            cx, cy = start.x() + LABEL_GAP * em + width / 2, start.y()
        else:                                            # level: in the middle
            cx, cy = (start.x() + end.x()) / 2, (start.y() + end.y()) / 2
        rect = QtCore.QRectF(cx - width / 2, cy - height / 2, width, height)
        back = QtGui.QColor(self._theme.background)
        back.setAlphaF(0.92)
        frame = QtGui.QPen(color, max(1.0, 0.8 * self._scale))
        box = self.scene().addRect(rect, frame, QtGui.QBrush(back))
        box.setZValue(4)
        top = rect.top() + 0.1 * em
        for text in lines:
            item = self.scene().addSimpleText(text, font)
            item.setBrush(color)
            item.setPos(cx - m.horizontalAdvance(text) / 2, top)
            item.setZValue(5)
            top += m.height()

    def _label(self, node_id: str) -> str:
        """The inspector's notation for a node (indices from 1)."""
        g = self._graph
        if node_id == "rest":
            return self.tr("{0} more terms x·w").format(len(visible_inputs(g, MAX_INPUTS)[1]))
        kind, index = node_id[0], node_id[1:]
        if kind in "xwp" and index.isdigit():
            i = int(index)
            source = (person_label("input", None, i) if g.layer == 1
                      else f"a{str(g.layer - 1).translate(_SUB)}[{i + 1}]")
            weight = person_label("weight", g.layer, i, g.neuron)
            return {"x": source, "w": weight, "p": f"{source} · {weight}"}[kind]
        merged = display_graph(g, MAX_INPUTS).merged
        u = "z" if merged.get("u") == "z" else "u"
        act = f"{g.activation}({u})"
        names = {"sum": "Σ", "b": person_label("bias", g.layer, j=g.neuron), "z": "z = u" if u == "z" else "z",
                 "xhat": "x̂", "gamma": "γ", "beta": "β", "u": "u", "alpha": "α",
                 "act": f"a = {act}" if merged.get("a") == "act" else act, "a": "a"}
        return names.get(node_id, g.nodes[node_id].label)

    def _fit(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-12, -12, 12, 12)
        self.setSceneRect(rect)
        self.resetTransform()
        if rect.width() <= 0 or rect.height() <= 0 or self.viewport().width() <= 0:
            return
        k = min(self.viewport().width() / rect.width(), self.viewport().height() / rect.height(), MAX_ZOOM)
        self.scale(k, k)
        self.centerOn(rect.center())

    def resizeEvent(self, event: QtGui.QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._fit()


# -- standalone demo -----------------------------------------------------------------
def _demo_widget() -> NeuronGraphView:
    session = Session.from_lesson("vanishing-sigmoid")
    session.run(60)
    while not (session.phase.kind == "backward" and session.phase.layer == 2):
        session.advance("phase")
    view = NeuronGraphView()
    view.set_graph(session.neuron_graph(2, 0), f"neuron 1 of layer 2 · step {session.step} · {session.phase.label()}")
    return view


if __name__ == "__main__":
    raise SystemExit(run_widget(_demo_widget, size=(1280, 720), title="nnviz neuron graph", styled=True))
