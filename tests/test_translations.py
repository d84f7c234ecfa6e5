"""Translations: every marked string has a Persian translation, compiled; Qt and the command line use them."""

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.session import LESSONS
from nnviz.session.health import LABELS
from nnviz.session.language import (
    catalogue, language_of_locale, localize_digits, ltr, system_language, translate,
)
from nnviz.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "update_translations.py"
PERSIAN_TEXT = re.compile("[\u0600-\u06ff]")


def test_every_marked_string_has_a_compiled_persian_translation():
    """lupdate over the code finds no string without a finished translation; the .qm is the compiled .ts."""
    proc = subprocess.run([sys.executable, str(TOOL), "--check"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_lupdate_collects_python_marks_and_tr_calls(tmp_path):
    source = tmp_path / "marks.py"
    source.write_text("from nnviz.session.language import QT_TRANSLATE_NOOP\n"
                      "TITLE = QT_TRANSLATE_NOOP('Lesson', 'A title '\n"
                      "                          'in two parts')\n"
                      "class Panel:\n"
                      "    def label(self):\n"
                      "        return self.tr('&Open')\n", encoding="utf-8")
    ts = tmp_path / "out.ts"
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    subprocess.run([str(lupdate), "-silent", str(source), "-ts", str(ts)], check=True, timeout=60)
    text = ts.read_text(encoding="utf-8")
    assert "<name>Lesson</name>" in text and "<source>A title in two parts</source>" in text
    assert "<name>Panel</name>" in text and "<source>&amp;Open</source>" in text


def test_lessons_and_health_labels_are_in_the_persian_catalogue():
    table = catalogue("fa")
    for lesson in LESSONS.values():
        for text in (lesson.title, lesson.text, lesson.watch, lesson.compare_label):
            assert not text or ("Lesson", text) in table, f"{lesson.id}: {text[:60]!r}"
    assert all(("Health", label) in table for label in LABELS)
    assert translate("Lesson", LESSONS["xor"].title, "fa") == "XOR به یک لایهٔ پنهان نیاز دارد"
    assert translate("Lesson", LESSONS["xor"].title, "en") == LESSONS["xor"].title
    assert translate("Lesson", "not a marked string", "fa") == "not a marked string"
    with pytest.raises(ValueError, match="unknown language 'de'"):
        translate("Lesson", "x", "de")


def test_persian_is_installed_right_to_left_and_english_back(qapp):
    title = LESSONS["vanishing-sigmoid"].title
    try:
        assert i18n.install_language(qapp, "fa") == "fa"
        assert qapp.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        assert i18n.translate("Lesson", title) == translate("Lesson", title, "fa") != title
        assert i18n.translate("Health", "vanishing") == "محوشونده"
        box = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QtWidgets.QDialogButtonBox.StandardButton.Cancel).text() != "Cancel"    # Qt's own
        assert i18n.numbers("step 12, loss 0.5") == "step ۱۲, loss ۰٫۵"
    finally:
        assert i18n.install_language(qapp, "en") == "en"
    assert qapp.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight
    assert i18n.translate("Lesson", title) == title
    assert i18n.numbers("0.5") == "0.5"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.install_language(qapp, "xx")


def test_language_of_a_locale_and_of_the_environment():
    assert language_of_locale("fa_IR.UTF-8") == "fa"
    assert language_of_locale("fa-IR") == "fa"
    assert language_of_locale("en_GB") == "en"
    assert language_of_locale("de_DE") == "en"
    assert language_of_locale(None) == "en"
    assert system_language({"LANG": "fa_IR.UTF-8"}) == "fa"
    assert system_language({"LANGUAGE": "fa:en", "LANG": "en_US.UTF-8"}) == "fa"
    assert system_language({"LC_ALL": "en_US.UTF-8", "LANG": "fa_IR.UTF-8"}) == "en"
    assert system_language({}) == "en"


def test_persian_digits_leave_words_and_formulas_alone():
    assert localize_digits("0.25", "fa") == "۰٫۲۵"
    assert localize_digits("step 1200 of 3", "fa") == "step ۱۲۰۰ of ۳"
    assert localize_digits("e.g. x.y", "fa") == "e.g. x.y"
    assert localize_digits("0.25", "en") == "0.25"
    assert ltr("a = f(z)") == "\u2066a = f(z)\u2069"


def test_translation_calls_lupdate_cannot_read_are_reported(tmp_path):
    spec = importlib.util.spec_from_file_location("update_translations", TOOL)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    source = tmp_path / "calls.py"
    source.write_text("from PySide6 import QtCore\n"
                      "def f(self, n, label):\n"
                      "    a = f\"{QtCore.QCoreApplication.translate('Panel', 'hidden')}\"\n"
                      "    b = self.tr(f'{n} steps')\n"
                      "    c = QtCore.QCoreApplication.translate('Health', label)\n"
                      "    d = self.tr('{n} steps').format(n=n)\n"
                      "    tr = QtCore.QCoreApplication.translate\n"
                      "    e = tr('Legend', 'width')\n"
                      "    g = view.tr('layer')\n", encoding="utf-8")
    found = tool.unseen_calls([source])
    found.sort(key=lambda line: int(line.split(":")[1]))
    assert [line.split(":")[1] for line in found] == ["3", "4", "8", "9"]
    assert "inside an f-string" in found[0] and "of an f-string" in found[1] and "tr(text, comment)" in found[2]
    assert "context from the name" in found[3]


def test_the_lesson_panel_and_health_strip_speak_the_installed_language(qapp):
    from nnviz.ui.panels.health_strip import HealthStrip
    from nnviz.ui.panels.lessons import lesson_html

    lesson = LESSONS["xor"]
    assert lesson.title in lesson_html(lesson) and "within about 400 steps" in lesson_html(lesson)
    try:
        i18n.install_language(qapp, "fa")
        text = lesson_html(lesson)
        assert translate("Lesson", lesson.title, "fa") in text and translate("Lesson", lesson.watch, "fa") in text
        assert "۴۰۰" in text and lesson.title not in text and "Watch" not in text
        strip = HealthStrip()
        strip.set_health(["vanishing", "healthy"])
        assert [chip.text() for chip in strip._chips[:2]] == ["↓ L1 محوشونده", "✓ L2 سالم"]
    finally:
        i18n.install_language(qapp, "en")


def test_menus_shortcuts_and_neuron_labels_speak_the_installed_language(qapp):
    from nnviz.app.main_window import MainWindow
    from nnviz.session.inspect import person_label
    from nnviz.ui.panels.controls import shortcut_table

    try:
        i18n.install_language(qapp, "fa")
        window = MainWindow()
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == ["&پرونده", "&ویرایش", "&نما", "&اجرا", "&درس‌ها", "&راهنما"]
        assert person_label("neuron", 2, j=0) == "نورون 1 از لایهٔ 2" and person_label("layer", 3) == "لایهٔ 3"
        keys, what = shortcut_table()[-1]
        assert (keys, what) == ("Ctrl+Q", "خروج")
        window.close()
    finally:
        i18n.install_language(qapp, "en")
    assert person_label("neuron", 2, j=0) == "neuron 1 of layer 2"
    assert shortcut_table()[-1] == ("Ctrl+Q", "quit")


def test_graphs_stay_left_to_right_in_a_right_to_left_window(qapp):
    from nnviz.ui.network.view import NetworkView
    from nnviz.ui.panels.health_strip import HealthStrip
    from nnviz.ui.plots.curves import LossCurvesView

    try:
        i18n.install_language(qapp, "fa")
        panel = QtWidgets.QWidget()
        assert panel.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        curves = LossCurvesView()
        for widget in (NetworkView(), HealthStrip(), curves):
            assert widget.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight, type(widget).__name__
        assert curves.plot_item.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight
    finally:
        i18n.install_language(qapp, "en")


def test_health_rules_are_translatable_templates_of_the_thresholds():
    from nnviz.session.config import HEALTH_DEFAULTS
    from nnviz.session.health import describe_thresholds

    t = dict(HEALTH_DEFAULTS, vanishing_ratio=0.02)
    english = describe_thresholds(t)
    assert english.splitlines()[2] == ("vanishing: mean |dL/dz| and RMS |dL/dW| both < 0.02x the output layer's, "
                                       "or RMS |dL/dW| < 1e-07")
    persian = describe_thresholds(t, lambda rule: translate("Health", rule, "fa")).splitlines()
    assert len(persian) == 5 and all(PERSIAN_TEXT.search(line) for line in persian)
    assert "0.02" in persian[2] and "50%" in persian[1]
