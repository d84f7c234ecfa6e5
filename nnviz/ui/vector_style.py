"""Widgets drawn as vectors for an SVG picture of the window.

Qt's Fusion style paints buttons, combo and spin boxes, group-box frames,
check marks, scroll bars and tabs into cached pixmaps and then draws the
pixmap, whatever the paint device: an SVG of the window held about 50
bitmaps, and a slide scaled up showed blurred, blocky controls.  An SVG
generator also ignores the clip of each widget, so the selected tab, which
Fusion draws a little beyond its own rectangle, covered the "Data set" label
under the tab bar.

:class:`VectorStyle` is a proxy of the application's style that draws those
elements itself with lines, rounded rectangles and paths in the widget's
palette, inside their rectangles; every size, margin and sub-control rectangle
stays the base style's, so nothing moves.  :func:`drawn_as_vectors` gives
every widget of a window this style while a picture is drawn and puts each
widget's own style back afterwards.  Icons (pixmaps by nature) and images of
data (decision boundaries, heatmaps) stay images.
"""

from __future__ import annotations

import contextlib

from PySide6 import QtCore, QtGui, QtWidgets

PE = QtWidgets.QStyle.PrimitiveElement
CE = QtWidgets.QStyle.ControlElement
CC = QtWidgets.QStyle.ComplexControl
SC = QtWidgets.QStyle.SubControl
State = QtWidgets.QStyle.StateFlag
Role = QtGui.QPalette.ColorRole
RADIUS = 2.0

_ARROWS = {PE.PE_IndicatorArrowUp: "up", PE.PE_IndicatorArrowDown: "down", PE.PE_IndicatorArrowLeft: "left",
           PE.PE_IndicatorArrowRight: "right", PE.PE_IndicatorSpinUp: "up", PE.PE_IndicatorSpinDown: "down",
           PE.PE_IndicatorSpinPlus: "up", PE.PE_IndicatorSpinMinus: "down"}


def _border(pal: QtGui.QPalette) -> QtGui.QColor:
    return pal.color(Role.Window).darker(140)


def _rounded(p: QtGui.QPainter, rect: QtCore.QRectF, fill, pen_color, radius: float = RADIUS) -> None:
    p.save()
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.setPen(QtGui.QPen(pen_color, 1.0) if pen_color is not None else QtCore.Qt.PenStyle.NoPen)
    p.setBrush(fill if fill is not None else QtCore.Qt.BrushStyle.NoBrush)
    p.drawRoundedRect(QtCore.QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    p.restore()


def _button_fill(opt: QtWidgets.QStyleOption, rect: QtCore.QRectF) -> QtGui.QBrush:
    """Fusion's light top-to-bottom gradient of the button colour; darker when pressed or on."""
    base = opt.palette.color(Role.Button)
    if opt.state & (State.State_Sunken | State.State_On):
        base = base.darker(112)
    grad = QtGui.QLinearGradient(rect.topLeft(), rect.bottomLeft())
    grad.setColorAt(0.0, base.lighter(104))
    grad.setColorAt(1.0, base.darker(104))
    return QtGui.QBrush(grad)


def _arrow(p: QtGui.QPainter, rect: QtCore.QRectF, direction: str, color: QtGui.QColor) -> None:
    """A filled triangle pointing ``direction``, centred in ``rect``, at most 8 by 5 pixels."""
    if rect.width() <= 0 or rect.height() <= 0:
        return
    w = min(8.0, rect.width() - 2.0, rect.height() * 1.6)
    h = w * 0.6
    c = rect.center()
    if direction in ("left", "right"):
        w, h = h, w
    pts = {"up": [(c.x() - w / 2, c.y() + h / 2), (c.x() + w / 2, c.y() + h / 2), (c.x(), c.y() - h / 2)],
           "down": [(c.x() - w / 2, c.y() - h / 2), (c.x() + w / 2, c.y() - h / 2), (c.x(), c.y() + h / 2)],
           "left": [(c.x() + w / 2, c.y() - h / 2), (c.x() + w / 2, c.y() + h / 2), (c.x() - w / 2, c.y())],
           "right": [(c.x() - w / 2, c.y() - h / 2), (c.x() - w / 2, c.y() + h / 2), (c.x() + w / 2, c.y())]}
    p.save()
    p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    p.setPen(QtCore.Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawPolygon(QtGui.QPolygonF([QtCore.QPointF(x, y) for x, y in pts[direction]]))
    p.restore()


def _text_color(opt: QtWidgets.QStyleOption, role=Role.ButtonText) -> QtGui.QColor:
    group = QtGui.QPalette.ColorGroup.Normal if opt.state & State.State_Enabled else \
        QtGui.QPalette.ColorGroup.Disabled
    return opt.palette.color(group, role)


class VectorStyle(QtWidgets.QProxyStyle):
    """The application's style, drawing as vectors what it would draw through cached pixmaps."""

    def drawPrimitive(self, element, opt, p, widget=None) -> None:  # noqa: N802 (Qt API)
        rect = QtCore.QRectF(opt.rect)
        pal = opt.palette
        if element in (PE.PE_PanelButtonCommand, PE.PE_PanelButtonBevel):
            _rounded(p, rect, _button_fill(opt, rect), _border(pal))
        elif element == PE.PE_PanelButtonTool:
            if opt.state & (State.State_Sunken | State.State_On | State.State_Raised) and \
                    opt.state & State.State_Enabled:
                _rounded(p, rect, _button_fill(opt, rect), _border(pal))
        elif element == PE.PE_FrameGroupBox:
            _rounded(p, rect, None, _border(pal))
        elif element == PE.PE_IndicatorCheckBox:
            self._check_box(p, rect, opt)
        elif element == PE.PE_IndicatorRadioButton:
            self._radio(p, rect, opt)
        elif element in _ARROWS:
            _arrow(p, rect, _ARROWS[element], _text_color(opt))
        else:
            super().drawPrimitive(element, opt, p, widget)

    def styleHint(self, hint, opt=None, widget=None, data=None) -> int:  # noqa: N802 (Qt API)
        # No shortcut underlines in a picture: a slide has no keyboard, and a label drawn with one
        # is split into text runs at its mnemonic ("F" + "ile") instead of one run per name.
        if hint == QtWidgets.QStyle.StyleHint.SH_UnderlineShortcut:
            return 0
        return super().styleHint(hint, opt, widget, data)

    def drawControl(self, element, opt, p, widget=None) -> None:  # noqa: N802 (Qt API)
        if element == CE.CE_TabBarTabShape and isinstance(opt, QtWidgets.QStyleOptionTab):
            self._tab(p, opt)
        elif element == CE.CE_MenuBarEmptyArea:
            # The menu bar fills its empty area last, clipped to leave its items; an SVG has no
            # clipping, so the fill would cover "File", "Edit" ... The window's own background is
            # already there: draw only the bar's bottom line.
            p.save()
            p.setPen(QtGui.QPen(_border(opt.palette), 1))
            bottom = opt.rect.bottom() + 0.5
            p.drawLine(QtCore.QPointF(opt.rect.left(), bottom), QtCore.QPointF(opt.rect.right() + 1, bottom))
            p.restore()
        else:
            super().drawControl(element, opt, p, widget)

    def drawComplexControl(self, control, opt, p, widget=None) -> None:  # noqa: N802 (Qt API)
        if control == CC.CC_ComboBox and isinstance(opt, QtWidgets.QStyleOptionComboBox):
            self._combo(p, opt, widget)
        elif control == CC.CC_SpinBox and isinstance(opt, QtWidgets.QStyleOptionSpinBox):
            self._spin(p, opt, widget)
        elif control == CC.CC_ScrollBar and isinstance(opt, QtWidgets.QStyleOptionSlider):
            self._scroll_bar(p, opt, widget)
        else:
            super().drawComplexControl(control, opt, p, widget)

    # ------------------------------------------------------------------ elements
    def _check_box(self, p, rect: QtCore.QRectF, opt) -> None:
        side = min(rect.width(), rect.height())
        box = QtCore.QRectF(rect.x(), rect.y() + (rect.height() - side) / 2, side, side)
        _rounded(p, box, opt.palette.color(Role.Base), _border(opt.palette), 1.5)
        p.save()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.setPen(QtGui.QPen(_text_color(opt, Role.Text), max(1.5, side / 7)))
        inner = box.adjusted(side * 0.25, side * 0.25, -side * 0.25, -side * 0.25)
        if opt.state & State.State_On:
            p.drawPolyline(QtGui.QPolygonF([QtCore.QPointF(inner.left(), inner.center().y()),
                                            QtCore.QPointF(inner.left() + inner.width() * 0.4, inner.bottom()),
                                            QtCore.QPointF(inner.right(), inner.top())]))
        elif opt.state & State.State_NoChange:
            p.drawLine(QtCore.QLineF(inner.left(), inner.center().y(), inner.right(), inner.center().y()))
        p.restore()

    def _radio(self, p, rect: QtCore.QRectF, opt) -> None:
        side = min(rect.width(), rect.height()) - 1.0
        box = QtCore.QRectF(0, 0, side, side)
        box.moveCenter(rect.center())
        p.save()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        p.setPen(QtGui.QPen(_border(opt.palette), 1.0))
        p.setBrush(opt.palette.color(Role.Base))
        p.drawEllipse(box)
        if opt.state & State.State_On:
            p.setPen(QtCore.Qt.PenStyle.NoPen)
            p.setBrush(_text_color(opt, Role.Text))
            p.drawEllipse(box.center(), side / 4, side / 4)
        p.restore()

    def _tab(self, p, opt: QtWidgets.QStyleOptionTab) -> None:
        """Inside its own rectangle: the selected tab in the window colour, open at the bottom."""
        rect = QtCore.QRectF(opt.rect).adjusted(0, 0 if opt.state & State.State_Selected else 2, 0, 0)
        fill = opt.palette.color(Role.Window)
        if not opt.state & State.State_Selected:
            fill = fill.darker(106)
        border = _border(opt.palette)
        p.save()
        p.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        path = QtGui.QPainterPath()
        r = rect.adjusted(0.5, 0.5, -0.5, 0)
        path.moveTo(r.bottomLeft())
        path.lineTo(r.left(), r.top() + RADIUS)
        path.quadTo(r.topLeft(), QtCore.QPointF(r.left() + RADIUS, r.top()))
        path.lineTo(r.right() - RADIUS, r.top())
        path.quadTo(r.topRight(), QtCore.QPointF(r.right(), r.top() + RADIUS))
        path.lineTo(r.bottomRight())
        p.setPen(QtGui.QPen(border, 1.0))
        p.setBrush(fill)
        p.drawPath(path)
        if not opt.state & State.State_Selected:
            p.drawLine(QtCore.QLineF(r.bottomLeft(), r.bottomRight()))
        p.restore()

    def _combo(self, p, opt: QtWidgets.QStyleOptionComboBox, widget) -> None:
        rect = QtCore.QRectF(opt.rect)
        fill = opt.palette.color(Role.Base) if opt.editable else _button_fill(opt, rect)
        if opt.frame:
            _rounded(p, rect, fill, _border(opt.palette))
        arrow = QtCore.QRectF(self.subControlRect(CC.CC_ComboBox, opt, SC.SC_ComboBoxArrow, widget))
        _arrow(p, arrow, "down", _text_color(opt))

    def _spin(self, p, opt: QtWidgets.QStyleOptionSpinBox, widget) -> None:
        if opt.frame:
            _rounded(p, QtCore.QRectF(opt.rect), opt.palette.color(Role.Base), _border(opt.palette))
        if opt.buttonSymbols == QtWidgets.QAbstractSpinBox.ButtonSymbols.NoButtons:
            return
        up = QtCore.QRectF(self.subControlRect(CC.CC_SpinBox, opt, SC.SC_SpinBoxUp, widget))
        down = QtCore.QRectF(self.subControlRect(CC.CC_SpinBox, opt, SC.SC_SpinBoxDown, widget))
        p.save()
        p.setPen(QtGui.QPen(_border(opt.palette), 1.0))
        p.drawLine(QtCore.QLineF(up.left(), up.top() + 2, up.left(), down.bottom() - 2))
        p.restore()
        step = QtWidgets.QAbstractSpinBox.StepEnabledFlag
        for rect, direction, flag in ((up, "up", step.StepUpEnabled), (down, "down", step.StepDownEnabled)):
            color = _text_color(opt)
            if not opt.stepEnabled & flag:
                color = opt.palette.color(QtGui.QPalette.ColorGroup.Disabled, Role.ButtonText)
            _arrow(p, rect.adjusted(1, 0, 0, 0), direction, color)

    def _scroll_bar(self, p, opt: QtWidgets.QStyleOptionSlider, widget) -> None:
        def sub(sc) -> QtCore.QRectF:
            return QtCore.QRectF(self.subControlRect(CC.CC_ScrollBar, opt, sc, widget))

        horizontal = opt.orientation == QtCore.Qt.Orientation.Horizontal
        p.save()
        p.setPen(QtCore.Qt.PenStyle.NoPen)
        p.setBrush(opt.palette.color(Role.Window).darker(104))
        p.drawRect(QtCore.QRectF(opt.rect))
        p.restore()
        handle = sub(SC.SC_ScrollBarSlider)
        if not handle.isEmpty():
            _rounded(p, handle.adjusted(1, 1, -1, -1), _button_fill(opt, handle), _border(opt.palette))
        color = _text_color(opt)
        _arrow(p, sub(SC.SC_ScrollBarSubLine), "left" if horizontal else "up", color)
        _arrow(p, sub(SC.SC_ScrollBarAddLine), "right" if horizontal else "down", color)


@contextlib.contextmanager
def drawn_as_vectors(widget: QtWidgets.QWidget):
    """While inside, ``widget`` and every widget in it draw with a :class:`VectorStyle`."""
    style = VectorStyle()
    changed = []
    for w in [widget] + widget.findChildren(QtWidgets.QWidget):
        own = w.style() if w.testAttribute(QtCore.Qt.WidgetAttribute.WA_SetStyle) else None
        if isinstance(own, VectorStyle):
            continue
        changed.append((w, own))
        w.setStyle(style)
    try:
        yield style
    finally:
        for w, own in reversed(changed):
            w.setStyle(own)
