"""--lang on the command line, the language remembered by the window, and curves written by nnviz render."""

import csv
import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

from PySide6 import QtCore

from nnviz import cli
from nnviz.app.language_menu import SETTINGS_KEY, LanguageMenu, startup_language
from nnviz.app.main_window import MainWindow
from nnviz.session import LESSONS, Session
from nnviz.session.language import translate
from nnviz.ui import i18n

ROOT = Path(__file__).resolve().parent.parent
PERSIAN = re.compile("[\u0600-\u06ff]")
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def run(args, tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES + ("DISPLAY", "WAYLAND_DISPLAY")}
    clean.update(PYTHONPATH=str(ROOT), HOME=str(tmp_path), **env)
    return subprocess.run([sys.executable, "-W", "error", "-m", "nnviz", *args], cwd=tmp_path, env=clean,
                          capture_output=True, text=True, timeout=120)


def titles(stdout):
    return [re.split(r"\s{2,}", line.strip())[1] for line in stdout.splitlines()]


def test_lessons_in_persian_print_every_title_in_persian_without_qt(tmp_path):
    code = ("import sys; from nnviz import cli\n"
            "status = cli.main(['lessons', '--lang', 'fa'])\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
            "sys.exit(status or (3 if bad else 0))")
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(env, PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8"))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == len(LESSONS)
    for line, lesson in zip(lines, LESSONS.values()):
        assert line.startswith(lesson.id)
        assert translate("Lesson", lesson.title, "fa") in line and lesson.title not in line
        steps = str(lesson.steps).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        assert line.endswith(f"({steps} گام)")
    assert sum(bool(PERSIAN.search(t)) for t in titles(proc.stdout)) >= len(LESSONS) - 1


def test_language_follows_the_locale_unless_given(tmp_path):
    persian = run(["lessons"], tmp_path, LANG="fa_IR.UTF-8", PYTHONIOENCODING="utf-8")
    assert persian.returncode == 0 and PERSIAN.search(persian.stdout)
    english = run(["lessons", "--lang", "en"], tmp_path, LANG="fa_IR.UTF-8", PYTHONIOENCODING="utf-8")
    assert english.returncode == 0 and not PERSIAN.search(english.stdout)
    assert titles(english.stdout)[0] == LESSONS["xor"].title
    plain = run(["lessons"], tmp_path, LANG="C.UTF-8")
    assert not PERSIAN.search(plain.stdout) and "(400 steps)" in plain.stdout


def test_an_unknown_language_is_one_line_and_status_2(tmp_path):
    for args in (["lessons", "--lang", "de"], ["--lang", "de"], ["render", "--lesson", "xor", "--lang", "de",
                                                                  "--out", "x.png"]):
        proc = run(args, tmp_path)
        assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "--lang" in proc.stderr and "'de'" in proc.stderr


def test_render_with_lang_fa_draws_with_the_persian_translation(qapp, tmp_path):
    title = LESSONS["xor"].title
    try:
        with redirect_stdout(io.StringIO()):
            status = cli.main(["render", "--lesson", "xor", "--steps", "2", "--view", "loss", "--lang", "fa",
                               "--out", str(tmp_path / "loss.png")])
        assert status == 0 and (tmp_path / "loss.png").stat().st_size > 1000
        assert qapp.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        assert i18n.current_language() == "fa" and i18n.translate("Lesson", title) != title
    finally:
        i18n.install_language(qapp, "en")


def test_render_loss_to_csv_writes_the_curves(tmp_path):
    out = tmp_path / "curves.csv"
    with redirect_stdout(io.StringIO()) as printed:
        assert cli.main(["render", "--lesson", "xor", "--steps", "15", "--view", "loss", "--out", str(out)]) == 0
    assert "wrote" in printed.getvalue() and "15 steps" in printed.getvalue()
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0][:3] == ["step", "batch_loss", "train_loss"] and len(rows) == 16
    reference = Session.from_lesson("xor")
    reference.run(15)
    assert [float(r[2]) for r in rows[1:]] == reference.metrics.train_loss.tolist()


def test_render_to_csv_refuses_what_a_table_cannot_hold(tmp_path):
    out = str(tmp_path / "curves.csv")
    for args, words in ((["--view", "network"], "--view loss"), (["--view", "loss", "--phase", "loss"], "--phase"),
                        (["--view", "loss", "--size", "800x600"], "--size")):
        proc = run(["render", "--lesson", "xor", "--steps", "1", "--out", out, *args], tmp_path)
        assert proc.returncode == 2 and words in proc.stderr, proc.stderr
    (tmp_path / "curves.csv").write_text("keep", encoding="utf-8")
    proc = run(["render", "--lesson", "xor", "--steps", "1", "--view", "loss", "--out", out], tmp_path)
    assert proc.returncode == 2 and "--force" in proc.stderr
    assert (tmp_path / "curves.csv").read_text(encoding="utf-8") == "keep"


def test_view_language_is_remembered_and_used_at_the_next_start(qapp, qtbot, tmp_path):
    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(Session.from_lesson("xor"), settings=settings)
    qtbot.addWidget(window)
    try:
        menu = window.language_menu
        assert isinstance(menu, LanguageMenu) and set(menu.actions) == {"en", "fa"}
        assert menu.menu.menuAction() in window.menuBar().actions()[[a.text().replace("&", "")
                                                                      for a in window.menuBar().actions()]
                                                                     .index("View")].menu().actions()
        menu.actions["fa"].trigger()
        assert settings.value(SETTINGS_KEY) == "fa" and menu.actions["fa"].isChecked()
        assert qapp.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        assert "فارسی" in window.statusBar().currentMessage()
        i18n.install_language(qapp, "en")
        assert startup_language(qapp, None, settings) == "fa"          # remembered
        assert startup_language(qapp, "en", settings) == "en"          # --lang wins
    finally:
        i18n.install_language(qapp, "en")
        window.play_timer.stop()


def test_persian_titles_print_into_a_stream_without_persian(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    proc = subprocess.run([sys.executable, "-m", "nnviz", "lessons", "--lang", "fa"], cwd=tmp_path,
                          env=dict(clean, PYTHONPATH=str(ROOT), PYTHONIOENCODING="ascii"), capture_output=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert translate("Lesson", LESSONS["xor"].title, "fa") in proc.stdout.decode("utf-8")
