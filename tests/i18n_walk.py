"""Every piece of text a window shows, for the test that no English is left in a Persian window.

:func:`visible_texts` walks a widget tree and the graphics scenes inside it
(pyqtgraph plots are QGraphicsScenes) and yields ``(where, text)`` for labels,
buttons, tooltips, actions and menus, tab and dock titles, group boxes, combo
box entries, text browsers, the status bar, plot titles, axis labels, legends
and graphics text items. :func:`english_words` finds the Latin words of three
letters or more a Persian reader would be left with; text inside a
left-to-right isolate (``nnviz.session.language.ltr``: formulas, file names,
code) is left out, and so are the words of :data:`ALLOWED` — names that stay
as they are in a Persian lecture (activations, optimizers, units, formats).
"""

from __future__ import annotations

import html
import re

import pyqtgraph as pg
import shiboken6
from PySide6 import QtGui, QtWidgets

ALLOWED = frozenset("""
    relu leaky leaky_relu prelu elu tanh sigmoid softmax linear step
    sgd adam adamw nadam rmsprop adagrad momentum nesterov
    mse bce cross_entropy xavier_uniform xavier_normal he_uniform he_normal uniform normal zeros
    xor nan inf log log10 rms exp max min argmax sin cos
    nnviz pytorch torch keras numpy qt pyside6 csv png svg gif mp4 json ctrl shift alt esc del
    pgup pgdown home end space tab enter return backspace ins left right
    english xavier pca uci tensorflow playground
""".split())
"""Lower-case words that stay Latin in the Persian window."""

_ISOLATED = re.compile("\u2066[^\u2069]*\u2069")
_TAGS = re.compile(r"<style.*?</style>|<[^>]*>", re.S)
_WORD = re.compile(r"[A-Za-z][A-Za-z_]{2,}")


def plain(text: str) -> str:
    """``text`` without HTML tags and entities and without its left-to-right isolates."""
    if "<" in text and ">" in text:
        text = html.unescape(_TAGS.sub(" ", text))
    return _ISOLATED.sub(" ", text).replace("\u200b", "")      # a zero-width space only offers a line break


def english_words(text: str) -> list[str]:
    """Latin words of 3+ letters in ``text`` that are not on the allow-list."""
    return [w for w in _WORD.findall(plain(text).replace("&", "")) if w.lower() not in ALLOWED]


def _item_texts(item: QtWidgets.QGraphicsItem):
    if isinstance(item, QtWidgets.QGraphicsTextItem):
        yield item.toPlainText()
    elif isinstance(item, QtWidgets.QGraphicsSimpleTextItem):
        yield item.text()
    if isinstance(item, pg.PlotItem) and item.titleLabel.isVisible():
        yield item.titleLabel.text
    if isinstance(item, pg.AxisItem) and item.isVisible() and item.label.isVisible():
        yield item.labelText + (f" ({item.labelUnits})" if item.labelUnits else "")
    if isinstance(item, pg.LabelItem) and item.isVisible():
        yield item.text
    if isinstance(item, QtWidgets.QGraphicsItem) and item.toolTip():
        yield item.toolTip()


def _action_texts(action: QtGui.QAction):
    yield action.text()
    if action.toolTip() and action.toolTip().replace("&", "") != action.text().replace("&", ""):
        yield action.toolTip()
    yield action.statusTip()
    menu = action.menu()
    if menu is not None:
        yield menu.title()
        for sub in menu.actions():
            yield from _action_texts(sub)


def _widget_texts(widget: QtWidgets.QWidget):
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    if isinstance(widget, (QtWidgets.QLabel, QtWidgets.QAbstractButton)):
        yield widget.text()
    if isinstance(widget, QtWidgets.QGroupBox):
        yield widget.title()
    if isinstance(widget, QtWidgets.QDockWidget):
        yield widget.windowTitle()
    if isinstance(widget, QtWidgets.QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QtWidgets.QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
    if isinstance(widget, QtWidgets.QLineEdit):
        yield widget.placeholderText()
    if isinstance(widget, QtWidgets.QAbstractSpinBox):
        yield widget.specialValueText()
        if isinstance(widget, (QtWidgets.QSpinBox, QtWidgets.QDoubleSpinBox)):
            yield widget.prefix() + " " + widget.suffix()
    if isinstance(widget, QtWidgets.QTextEdit):
        yield widget.toPlainText()
    if isinstance(widget, QtWidgets.QListWidget):
        for i in range(widget.count()):
            yield widget.item(i).text()
            yield widget.item(i).toolTip()
    if isinstance(widget, QtWidgets.QStatusBar):
        yield widget.currentMessage()
    if isinstance(widget, QtWidgets.QMainWindow):
        yield widget.windowTitle()
    for action in widget.actions():
        yield from _action_texts(action)
    if isinstance(widget, QtWidgets.QGraphicsView) and widget.scene() is not None:
        for item in widget.scene().items():
            if item.isVisible():
                yield from _item_texts(item)


def visible_texts(root: QtWidgets.QWidget):
    """``(object description, text)`` for every text ``root`` and its children show or hold ready."""
    for widget in [root, *root.findChildren(QtWidgets.QWidget)]:
        if not shiboken6.isValid(widget):       # a menu deleted while the walk went on
            continue
        where = f"{type(widget).__name__}({widget.objectName()})"
        for text in _widget_texts(widget):
            if text and text.strip():
                yield where, text


def english_left(root: QtWidgets.QWidget) -> list[str]:
    """One line per text of ``root`` with English words in it, ``where: words — text``, sorted, unique."""
    found = set()
    for where, text in visible_texts(root):
        words = english_words(text)
        if words:
            found.add(f"{where}: {' '.join(sorted(set(words)))} — {plain(text).strip()[:90]!r}")
    return sorted(found)
