"""One run's column of the side-by-side window: its title, a small network view, its health, its gradient norms."""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from nnviz.ui.binding import Binding
from nnviz.ui.i18n import translate
from nnviz.ui.network.frame_builder import FrameOptions
from nnviz.ui.network.view import NetworkView
from nnviz.ui.panels.health_strip import HealthStrip
from nnviz.ui.plots.gradnorm import GradNormView


def health_summary(labels: list[str]) -> str:
    """``["vanishing", "vanishing", "healthy"]`` -> rich text "L1–L2 vanishing · L3 healthy", colored."""
    parts, start = [], 0
    for i in range(1, len(labels) + 1):
        if i == len(labels) or labels[i] != labels[start]:
            span = f"L{start + 1}" if i - 1 == start else f"L{start + 1}–L{i}"
            color = HealthStrip.chip_color(labels[start])
            name = translate("Health", labels[start])
            parts.append(f"<span style='color:{color}'><b>{span} {name}</b></span>")
            start = i
    return " · ".join(parts)


class RunColumn(QtWidgets.QWidget):
    """One run: its title and status, a small network view, the health strip, its gradient norms."""

    def __init__(self, label: str, color: str, frame_options: FrameOptions) -> None:
        super().__init__()
        self.label = label
        self.title = QtWidgets.QLabel()
        self.title.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.title.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.title.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred)
        self.network_view = NetworkView()
        self.network_view.setMinimumHeight(160)
        self.network_view.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored,
                                        QtWidgets.QSizePolicy.Policy.Expanding)
        # One line of text instead of the window's chips: nine chips do not fit a quarter of the width.
        self.health = QtWidgets.QLabel()
        self.health.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.health.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.health.setSizePolicy(QtWidgets.QSizePolicy.Policy.Ignored, QtWidgets.QSizePolicy.Policy.Preferred)
        self.health.setToolTip(self.tr("Gradient health of each layer after the latest step"))
        self.gradnorm_view = GradNormView()
        self.gradnorm_view.setMinimumHeight(150)
        self.binding = Binding(network=self.network_view, gradnorm=self.gradnorm_view, frame_options=frame_options)
        self.color = color
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.network_view, 3)
        layout.addWidget(self.health)
        layout.addWidget(self.gradnorm_view, 2)

    def views(self) -> list:
        return [self.network_view, self.gradnorm_view]
