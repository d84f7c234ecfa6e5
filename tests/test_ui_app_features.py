"""The desktop-app side of the window: files, recent files, the last experiment, unsaved changes, zoom."""

import pytest
from PySide6 import QtCore, QtWidgets

from nnviz.app import file_actions, screen_fit, window_settings
from nnviz.app.main_window import DEMO_LESSON, MainWindow
from nnviz.app.recent_files import MAX_RECENT, recent_files
from nnviz.session import Session

SMALL = {"dataset": "xor", "n_samples": 40, "noise": 0.05, "seed": 0, "batch_size": 8, "lr": 0.3,
         "hidden": [{"size": 3, "activation": "tanh"}]}


@pytest.fixture
def settings(tmp_path):
    """Settings in a temporary file, never the user's."""
    return QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)


@pytest.fixture
def answers(monkeypatch):
    """Scripted answers to the unsaved-changes question; records what was asked."""
    asked = []
    replies = []

    def ask(parent, what):
        asked.append(what)
        return replies.pop(0) if replies else "discard"

    monkeypatch.setattr(file_actions, "ask_unsaved", ask)
    return asked, replies


def window(qtbot, settings, session=None, path=None):
    w = MainWindow(session, settings=settings, path=path)
    w.confirm_unsaved = True            # as the desktop app does
    qtbot.addWidget(w)
    return w


def test_first_run_opens_the_demo_lesson(qtbot, settings):
    w = window(qtbot, settings)
    assert w.session.lesson.id == DEMO_LESSON and w.path is None and not w.dirty


def test_the_last_experiment_is_restored(qtbot, settings, tmp_path, answers):
    w = window(qtbot, settings)
    w.load_lesson("vanishing-sigmoid")
    w.close()
    assert window(qtbot, settings).session.lesson.id == "vanishing-sigmoid"

    w = window(qtbot, settings, Session(SMALL))
    path = tmp_path / "run.json"
    w.step("step")
    assert w.save_to(str(path))
    w.close()
    again = window(qtbot, settings)
    assert again.path == str(path.resolve()) and again.session.step == 1
    again.close()

    path.unlink()                       # the file is gone: a clean start with a message
    third = window(qtbot, settings)
    assert third.session.lesson.id == DEMO_LESSON
    assert "Could not reopen" in third.statusBar().currentMessage()
    third.close()

    w = window(qtbot, settings, Session(SMALL))     # unsaved, no lesson: its config comes back
    w.close()
    assert window(qtbot, settings).session.config == Session(SMALL).config


def test_a_broken_setting_gives_a_clean_start(qtbot, settings):
    settings.setValue("session/last_kind", "config")
    settings.setValue("session/last_value", "{not json")
    settings.setValue("view/zoom", "huge")
    w = window(qtbot, settings)
    assert w.session.lesson.id == DEMO_LESSON and w.zoom == 1.0


def test_changes_make_the_experiment_dirty_and_saving_cleans_it(qtbot, settings, tmp_path):
    w = window(qtbot, settings, Session(SMALL))
    assert not w.dirty and not w.isWindowModified()
    w.step("phase")
    assert w.dirty and w.isWindowModified()
    assert w.save_to(str(tmp_path / "a.json"))
    assert not w.dirty
    w.knobs.lr.setValue(0.01)
    assert w.dirty
    assert w.open_path(str(tmp_path / "a.json"))
    assert not w.dirty


@pytest.mark.parametrize("answer, replaced", [("cancel", False), ("discard", True)])
def test_unsaved_changes_prompt_before_lesson_new_open_and_quit(qtbot, settings, tmp_path, answers,
                                                                monkeypatch, answer, replaced):
    asked, replies = answers
    saved = tmp_path / "other.json"
    Session(SMALL).save(str(saved))
    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    w = window(qtbot, settings, Session(SMALL))
    w.load_lesson("xor")                # clean: no question
    assert asked == []
    for act in (lambda: w.load_lesson("housing-regression"), w.new_experiment, w.open_dialog):
        w.step("step")
        before = w.session
        replies.append(answer)
        act()
        assert (w.session is not before) == replaced
    assert asked == ["open the lesson", "start a new experiment", "open another experiment"]
    w.step("step")
    replies.append(answer)
    w.show()
    w.close()
    assert asked[-1] == "quit"
    assert w.isVisible() == (not replaced)
    if not replaced:
        replies.append("discard")
        w.close()
        assert not w.isVisible()


def test_windows_of_scripts_never_ask(qtbot, settings, answers):
    asked, _replies = answers
    w = MainWindow(Session(SMALL), settings=settings)
    qtbot.addWidget(w)
    w.show()
    w.step("step")
    w.load_lesson("xor")
    w.step("step")
    w.close()
    assert asked == [] and not w.isVisible()


def test_save_from_the_prompt(qtbot, settings, tmp_path, answers):
    asked, replies = answers
    w = window(qtbot, settings, Session(SMALL), path=str(tmp_path / "keep.json"))
    w.step("step")
    replies.append("save")
    w.new_experiment()
    assert Session.load(str(tmp_path / "keep.json")).step == 1
    assert w.session.config == Session().config


def test_recent_files(qtbot, settings, tmp_path, answers):
    w = window(qtbot, settings, Session(SMALL))
    paths = []
    for k in range(MAX_RECENT + 2):
        p = tmp_path / f"run{k}.json"
        assert w.save_to(str(p))
        paths.append(str(p.resolve()))
    files = recent_files(settings)
    assert files == paths[::-1][:MAX_RECENT]
    w.recent_menu.aboutToShow.emit()
    names = [a.text() for a in w.recent_menu.actions() if a.text()]
    assert names[0] == f"run{MAX_RECENT + 1}.json" and "Clear the list" in names
    w.recent_menu.actions()[2].trigger()
    assert w.path == paths[-3]
    (tmp_path / "run9.json").unlink()
    assert not w.open_recent(paths[-1])
    assert paths[-1] not in recent_files(settings)
    w.error_box.done(0)


def test_file_menu_new_and_edit_menu_reset(qtbot, settings):
    w = window(qtbot, settings, Session(SMALL))
    menus = {m.title().replace("&", ""): m for m in w.menuBar().findChildren(QtWidgets.QMenu)}
    file_items = [a.text().replace("&", "") for a in menus["File"].actions()]
    assert file_items[:3] == ["New experiment", "Open…", "Open Recent"]
    edit_items = [a.text() for a in menus["Edit"].actions()]
    assert "Reset" in edit_items
    w.new_action.trigger()
    assert w.session.config == Session().config and w.session.lesson is None


def test_zoom_scales_every_view_and_is_remembered(qtbot, settings):
    w = window(qtbot, settings, Session(SMALL))
    w.set_zoom(1.5)
    assert all(v.line_scale() == 1.5 for v in w.zoomable_views() if hasattr(v, "line_scale"))
    w.set_zoom(100)
    assert w.zoom == window_settings.ZOOM_RANGE[1]
    w.set_zoom(1.25)
    w.close()
    assert window(qtbot, settings, Session(SMALL)).zoom == 1.25


def test_toolbar_icons_are_light_on_the_dark_theme(qtbot, settings):
    from PySide6 import QtGui

    w = window(qtbot, settings, Session(SMALL))

    def lightness(act):
        image = act.icon().pixmap(24, 24).toImage()
        values = [image.pixelColor(x, y) for x in range(24) for y in range(24)]
        opaque = [c.lightnessF() for c in values if c.alphaF() > 0.5]
        return sum(opaque) / len(opaque)

    play = w.controls.play
    assert lightness(play) < 0.6
    w.set_theme("dark")
    assert lightness(play) > 0.8 and lightness(w.controls.step_phase) > 0.8
    w.play()
    w.pause()                           # the play/pause swap keeps the tint
    assert lightness(play) > 0.8
    w.set_theme("light")
    assert lightness(play) < 0.6
    assert isinstance(play.icon(), QtGui.QIcon)


@pytest.mark.parametrize("size, expected", [
    # below screen_fit.ROOMY the docks fold into two tabbed columns, each dock the full height
    ((1200, 800), [("Data and output", "Loss", "Feature space"), ("Lessons", "Inspector", "Settings")]),
    # a roomy window keeps the docks side by side, only the pairs that share a place are tabs
    ((1500, 940), [("Lessons", "Inspector"), ("Loss", "Feature space")]),
], ids=["folded", "roomy"])
def test_one_tab_bar_per_tab_group(qtbot, settings, size, expected):
    w = window(qtbot, settings, Session(SMALL))
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    qtbot.wait(50)

    def groups():
        return sorted(tuple(bar.tabText(i) for i in range(bar.count())) for bar in w.findChildren(QtWidgets.QTabBar)
                      if bar.parentWidget() is w and bar.isVisible())

    assert groups() == expected
    w.restore_default_layout()
    qtbot.wait(50)
    assert groups() == expected
    folded = size[0] < screen_fit.ROOMY[0] or size[1] < screen_fit.ROOMY[1]
    beside_loss = [w.data_dock, w.feature_dock] if folded else [w.feature_dock]
    assert sorted(w.tabifiedDockWidgets(w.curves_dock), key=id) == sorted(beside_loss, key=id)


def test_exported_titles_carry_no_unsaved_mark(qtbot, settings):
    w = window(qtbot, settings, Session(SMALL))
    w.step("step")
    assert w.isWindowModified() and "[*]" in w.windowTitle()
    assert "[*]" not in w.exports._title() and w.exports._title().startswith("nnviz")
