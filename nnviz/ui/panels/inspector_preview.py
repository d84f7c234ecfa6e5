"""``python -m nnviz.ui.panels.inspector_preview [--lesson ID]``: the inspector beside buttons that step a lesson.

Pick an edge, a neuron or a layer; step phase by phase forward or back.
"""

from __future__ import annotations

import sys

from PySide6 import QtWidgets

from nnviz.session.inspect import person_label
from nnviz.ui.panels.inspector import InspectorPanel
from nnviz.ui.plots.base import run_demo
from nnviz.ui.widgets.lesson_demo import demo_session, pop_lesson


class _Demo(QtWidgets.QWidget):
    """The panel beside buttons that step the session and pick what to inspect."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.panel = InspectorPanel()
        self.what = QtWidgets.QComboBox()
        self.what.setToolTip("What to inspect.")
        self._choices = []
        net = session.network
        for layer in range(1, net.n_layers + 1):
            self._choices.append(("edge", layer, 0, 0))
        self._choices += [("neuron", 1, 0, 0), ("neuron", net.n_layers, 0, 0), ("layer", 1)]
        for choice in self._choices:
            kind, layer = choice[0], choice[1]
            label = {"edge": lambda: "edge " + person_label("weight", layer, choice[2], choice[3]),
                     "neuron": lambda: person_label("neuron", layer, j=choice[2]),
                     "layer": lambda: person_label("layer", layer)}[kind]()
            self.what.addItem(label)
        self.what.currentIndexChanged.connect(self._pick)
        back = QtWidgets.QPushButton("◀ phase")
        back.setToolTip("Rewind one phase.")
        back.clicked.connect(lambda: self._move(self.session.rewind))
        forward = QtWidgets.QPushButton("phase ▶")
        forward.setToolTip("Advance one phase.")
        forward.clicked.connect(lambda: self._move(self.session.advance))
        row = QtWidgets.QHBoxLayout()
        row.addWidget(self.what, 1)
        row.addWidget(back)
        row.addWidget(forward)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.panel, 1)
        self._pick(0)

    def _pick(self, index: int) -> None:
        kind, *args = self._choices[index]
        getattr(self.panel, "show_" + kind)(self.session, *args)

    def _move(self, action) -> None:
        action("phase")
        self.panel.refresh()

    def set_theme(self, name: str) -> None:
        self.panel.set_theme(name)

    def set_line_scale(self, scale: float) -> None:
        self.panel.set_line_scale(scale)


def _demo_widget(lesson: str) -> _Demo:
    s = demo_session(lesson, steps=20, phase="update")
    demo = _Demo(s)
    demo.what.setCurrentIndex(s.network.n_layers - 1)   # an edge into the output layer
    return demo


if __name__ == "__main__":
    lesson, argv = pop_lesson(sys.argv[1:], "xor")
    raise SystemExit(run_demo(lambda: _demo_widget(lesson), argv, size=(440, 640),
                              title="nnviz inspector"))
