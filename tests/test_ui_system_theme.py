"""View → Theme → system (the default): the window draws light or dark as the desktop does, live."""

import pytest
from PySide6 import QtCore, QtGui

from nnviz.app.main_window import MainWindow
from nnviz.session import Session

DARK, LIGHT = QtCore.Qt.ColorScheme.Dark, QtCore.Qt.ColorScheme.Light


@pytest.fixture
def settings(tmp_path):
    return QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)


def make(qtbot, settings):
    w = MainWindow(Session({"hidden": [{"size": 3}], "n_samples": 40}), settings=settings)
    qtbot.addWidget(w)
    return w


def desktop_switches_to(scheme):
    """What Qt does when the desktop changes its colour scheme (offscreen cannot set one itself)."""
    QtGui.QGuiApplication.styleHints().colorSchemeChanged.emit(scheme)


def test_the_system_theme_is_the_default_and_follows_the_desktop(qtbot, settings):
    w = make(qtbot, settings)
    assert w.theme_choice() == "system" and w.theme_actions["system"].isChecked()
    desktop_switches_to(DARK)
    assert w.theme_name() == "dark" and w.network_view.theme().name == "dark"
    assert w.curves_view.theme().name == "dark"
    assert w.palette().color(w.backgroundRole()).lightness() < 100      # panels and menus go dark too
    desktop_switches_to(LIGHT)
    assert w.theme_name() == "light" and w.network_view.theme().name == "light"


def test_a_chosen_theme_stays_and_the_choice_is_remembered(qtbot, settings):
    w = make(qtbot, settings)
    w.theme_actions["contrast"].trigger()
    desktop_switches_to(DARK)
    assert w.theme_name() == "contrast"
    w.theme_actions["system"].trigger()
    assert w.theme_name() == "dark"
    w.save_settings()
    again = make(qtbot, settings)
    assert again.theme_choice() == "system" and again.theme_actions["system"].isChecked()
    desktop_switches_to(LIGHT)
    assert again.theme_name() == "light" and w.theme_name() == "light"
    settings.setValue("view/theme", "dark")
    assert make(qtbot, settings).theme_name() == "dark"
    settings.setValue("view/theme", "no such theme")
    assert make(qtbot, settings).theme_choice() == "system"
