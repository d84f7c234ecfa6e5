"""The bar above the data view for drawing your own 2-D data: a draw toggle and a class picker.

With "Draw points" on, a left click on the data view adds a point of the
chosen class (for regression data: of the chosen target value) and a right
click removes the nearest point.  The bar only holds the choice; the window
turns clicks into ``Session.add_point`` / ``Session.remove_point_near``.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets


class DrawPointsBar(QtWidgets.QWidget):
    """A "Draw points" toggle and the class (or target value) new points get.

    Signals:
        drawModeChanged(bool): the toggle was switched.
    """

    drawModeChanged = QtCore.Signal(bool)

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QtWidgets.QToolButton()
        self.toggle.setText(self.tr("Draw points"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(QtCore.Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toggle.setToolTip(self.tr("Draw your own data: left click adds a point of the chosen class, right "
                               "click removes the nearest point (the network is rebuilt on the new set)"))
        self.class_label = QtWidgets.QLabel(self.tr("class"))
        self.class_combo = QtWidgets.QComboBox()
        self.class_combo.setToolTip(self.tr("The class (or target value) of the points you add"))
        self.class_label.setToolTip(self.class_combo.toolTip())
        self.hint = QtWidgets.QLabel()
        self.hint.setToolTip(self.toggle.toolTip())
        row = QtWidgets.QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(self.toggle)
        row.addWidget(self.class_label)
        row.addWidget(self.class_combo)
        row.addWidget(self.hint, 1)
        self.toggle.toggled.connect(self._on_toggled)
        self._on_toggled(False)

    def set_classes(self, names: list[str], regression: bool = False) -> None:
        """The choices for new points: class names, or target values 0 and 1 for regression data."""
        keep = self.class_combo.currentIndex()
        self.class_combo.blockSignals(True)
        self.class_combo.clear()
        if regression:
            self.class_label.setText(self.tr("target"))
            for value in (0.0, 0.5, 1.0):
                self.class_combo.addItem(f"{value:g}", value)
        else:
            self.class_label.setText(self.tr("class"))
            for k, name in enumerate(names):
                self.class_combo.addItem(str(name), k)
        self.class_combo.setCurrentIndex(min(max(keep, 0), self.class_combo.count() - 1))
        self.class_combo.blockSignals(False)

    def label(self):
        """The class index (int) or target value (float) of the next point."""
        return self.class_combo.currentData()

    def set_label_index(self, index: int) -> None:
        self.class_combo.setCurrentIndex(index)

    def set_drawing(self, on: bool) -> None:
        self.toggle.setChecked(bool(on))

    def _on_toggled(self, on: bool) -> None:
        self.hint.setText(self.tr("left click adds, right click removes") if on else "")
        self.drawModeChanged.emit(bool(on))
