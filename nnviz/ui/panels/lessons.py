"""The lesson picker: each built-in lesson's explanation and what to watch.

Selecting a lesson in the list shows its text; "Load lesson" (or a double
click, or Enter) asks the window to set everything up for it
(``lessonChosen(id)``).  A lesson with a comparison ("compare with: no hidden
layer") gets a toggle that applies the comparison's settings to the current
session and takes them back, so a class can flip between the two runs; "Side by
side" asks the window to open both runs next to each other (``sideBySide(id)``).
"""

from __future__ import annotations

import html

from PySide6 import QtCore, QtWidgets

from nnviz.session import DEFAULT_CONFIG, LESSONS
from nnviz.ui.compare_runs import has_side_by_side, lesson_departures
from nnviz.ui.i18n import formula, numbers, translate
from nnviz.ui.session_adapter import SessionAdapter


def lesson_html(lesson) -> str:
    """The lesson's explanation as rich text for the panel, in the installed language."""
    def tr(text):
        return html.escape(translate("Lesson", text))

    steps = QtCore.QCoreApplication.translate("LessonPanel", "Shows its effect within about {steps} steps "
                                              "(lesson id {id}).")
    watch = QtCore.QCoreApplication.translate("LessonPanel", "Watch:")
    parts = [f"<h3 style='margin:0 0 6px 0'>{tr(lesson.title)}</h3>",
             f"<p>{tr(lesson.text)}</p>",
             f"<p><b>{watch}</b> {tr(lesson.watch)}</p>",
             "<p style='color:#707070'>" + steps.format(steps=numbers(str(lesson.steps)),
                                                         id=f"<code>{formula(html.escape(lesson.id))}</code>") + "</p>"]
    if lesson.compare:
        compare = QtCore.QCoreApplication.translate("LessonPanel", "Compare with: {label}.")
        parts.append(f"<p style='color:#707070'>{compare.format(label=tr(lesson.compare_label))}</p>")
    return "".join(parts)


class LessonPanel(QtWidgets.QWidget):
    """List of lessons, the selected one's text, Load and Compare buttons."""

    lessonChosen = QtCore.Signal(str)
    sideBySide = QtCore.Signal(str)     # open the lesson and its comparison as two runs side by side
    problem = QtCore.Signal(str)

    def __init__(self, adapter: SessionAdapter, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self._adapter = adapter
        self.list = QtWidgets.QListWidget()
        self.list.setToolTip(self.tr("Built-in lessons: select one to read it, double-click or Load to set it up"))
        self.list.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(QtCore.Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        for lesson in LESSONS.values():
            item = QtWidgets.QListWidgetItem(translate("Lesson", lesson.title))
            item.setData(QtCore.Qt.ItemDataRole.UserRole, lesson.id)
            item.setToolTip(self.tr("{title} ({id})\n\nWatch: {watch}").format(
                title=translate("Lesson", lesson.title), id=formula(lesson.id),
                watch=translate("Lesson", lesson.watch)))
            self.list.addItem(item)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        self.list.itemActivated.connect(lambda item: self.choose(item.data(QtCore.Qt.ItemDataRole.UserRole)))
        self.changed_note = QtWidgets.QLabel()
        self.changed_note.setWordWrap(True)
        self.changed_note.setStyleSheet("QLabel { border: 1px solid #d55e00; border-radius: 4px; padding: 4px; }")
        self.changed_note.setVisible(False)
        self.text = QtWidgets.QTextBrowser()
        self.text.setOpenExternalLinks(False)
        self.text.setToolTip(self.tr("What the lesson shows and what to watch while it runs"))
        self.load = QtWidgets.QPushButton(self.tr("Load lesson"))
        self.load.setToolTip(self.tr("Set up data, network and training for the selected lesson (step 0)"))
        self.load.clicked.connect(lambda: self.choose(self.selected_id()))
        self.compare = QtWidgets.QPushButton(self.tr("Compare"))
        self.compare.setCheckable(True)
        self.compare.setToolTip(self.tr("Switch the current lesson to its comparison run and back"))
        self.compare.clicked.connect(self._toggle_compare)
        self.side_by_side = QtWidgets.QPushButton(self.tr("Side by side"))
        self.side_by_side.setToolTip(self.tr("Open the selected lesson and its comparison as runs side by side, "
                                             "stepped together"))
        self.side_by_side.clicked.connect(lambda: self._open_side_by_side())
        buttons = QtWidgets.QGridLayout()        # two rows: the dock stays as narrow as before
        buttons.addWidget(self.load, 0, 0)
        buttons.addWidget(self.side_by_side, 0, 1)
        buttons.addWidget(self.compare, 1, 0, 1, 2)
        split = QtWidgets.QSplitter(QtCore.Qt.Orientation.Vertical)
        split.addWidget(self.list)
        lesson_box = QtWidgets.QWidget()
        box = QtWidgets.QVBoxLayout(lesson_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.changed_note)
        box.addWidget(self.text, 1)
        split.addWidget(lesson_box)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QtWidgets.QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        adapter.changed.connect(self._on_session_event)
        self._on_session_event("session")

    # ------------------------------------------------------------------ API
    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else item.data(QtCore.Qt.ItemDataRole.UserRole)

    def select(self, lesson_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(QtCore.Qt.ItemDataRole.UserRole) == lesson_id:
                self.list.setCurrentRow(row)
                return

    def choose(self, lesson_id: str | None) -> None:
        if lesson_id in LESSONS:
            self.lessonChosen.emit(lesson_id)

    # ------------------------------------------------------------------ internals
    def _current_lesson(self):
        return self._adapter.session.lesson

    def _on_session_event(self, event: str) -> None:
        if event == "session":
            lesson = self._current_lesson()
            for row in range(self.list.count()):
                item = self.list.item(row)
                font = item.font()
                font.setBold(lesson is not None and item.data(QtCore.Qt.ItemDataRole.UserRole) == lesson.id)
                item.setFont(font)
            if lesson is not None:
                self.select(lesson.id)
            elif self.list.currentRow() < 0:
                self.list.setCurrentRow(0)
            self.compare.setChecked(False)
        self._update_compare()
        self._update_changed_note()

    def changed_fields(self) -> list[str]:
        """The settings in which the experiment left the shown lesson ([] when it is the lesson's own)."""
        lesson = self._current_lesson()
        if lesson is None or self.selected_id() != lesson.id:
            return []
        return lesson_departures(lesson, self._adapter.session.config)

    def _update_changed_note(self) -> None:
        """The lesson's text describes its own setup: say so when the experiment has left it."""
        fields = self.changed_fields()
        if fields:
            self.changed_note.setText(self.tr(
                "The experiment has been changed from this lesson ({0}), so the text below may no longer "
                "hold. Load the lesson again to get its setup back.").format(", ".join(fields)))
        self.changed_note.setVisible(bool(fields))

    def _show_selected(self) -> None:
        lesson_id = self.selected_id()
        if lesson_id in LESSONS:
            self.text.setHtml(lesson_html(LESSONS[lesson_id]))
        self._update_compare()
        self._update_changed_note()

    def _open_side_by_side(self) -> None:
        lesson_id = self.selected_id()
        if lesson_id in LESSONS:
            self.sideBySide.emit(lesson_id)

    def _update_compare(self) -> None:
        self.side_by_side.setEnabled(has_side_by_side(self.selected_id()))
        lesson = self._current_lesson()
        ok = lesson is not None and bool(lesson.compare) and self.selected_id() == lesson.id
        self.compare.setEnabled(ok)
        if lesson is not None and lesson.compare:
            self.compare.setText(self.tr("Compare: {0}").format(translate("Lesson", lesson.compare_label)))
        else:
            self.compare.setText(self.tr("Compare"))

    def _toggle_compare(self, on: bool) -> None:
        lesson = self._current_lesson()
        if lesson is None or not lesson.compare:
            self.compare.setChecked(False)
            return
        locked = set(self._adapter.session.config["classroom"]["locked_knobs"]) & set(lesson.compare)
        if locked:
            self.compare.setChecked(not on)
            self.problem.emit(f"Locked by the instructor: {', '.join(sorted(locked))}")
            return
        if on:
            changes = dict(lesson.compare)
        else:
            changes = {k: lesson.config.get(k, DEFAULT_CONFIG[k]) for k in lesson.compare}
        try:
            self._adapter.session.configure(**changes)
        except ValueError as err:
            self.compare.setChecked(not on)
            self.problem.emit(str(err))


def _demo() -> QtWidgets.QWidget:
    from nnviz.session import Session

    adapter = SessionAdapter(Session.from_lesson("vanishing-sigmoid"))
    panel = LessonPanel(adapter)
    panel._demo_adapter = adapter
    panel.lessonChosen.connect(lambda lid: adapter.set_session(Session.from_lesson(lid)))
    return panel


def main(argv=None) -> int:
    from nnviz.ui.widgets.demo_runner import run_widget
    return run_widget(_demo, argv, size=(360, 560), title="nnviz lessons")


if __name__ == "__main__":
    raise SystemExit(main())
