"""View → Language: English or Persian, remembered for the next start.

The choice is stored in the window's QSettings under ``view/language``. At
start-up (:func:`startup_language`) ``--lang`` wins, then the remembered
choice, then the system's language. Choosing in the menu installs the
translation and the layout direction at once — the window turns right to
left immediately — and menus and panels built before show the new language
from the next start, which the status bar says.
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.ui.i18n import LANGUAGES, current_language, install_language

SETTINGS_KEY = "view/language"


def startup_language(app: QtCore.QCoreApplication, lang: str | None, settings: QtCore.QSettings) -> str:
    """Install ``lang``, else the remembered language, else the system's; return the one installed."""
    remembered = settings.value(SETTINGS_KEY)
    return install_language(app, lang or (remembered if remembered in LANGUAGES else None))


class LanguageMenu(QtCore.QObject):
    """A Language submenu of ``menu`` with one checkable entry per language, for ``window`` (a MainWindow)."""

    def __init__(self, window: QtWidgets.QMainWindow, menu: QtWidgets.QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu.addMenu(self.tr("&Language"))
        group = QtGui.QActionGroup(self)
        self.actions = {}
        for code, name in LANGUAGES.items():
            act = QtGui.QAction(name, self.menu, checkable=True, checked=code == current_language())
            act.setStatusTip(self.tr("Show nnviz in {language}; remembered for the next start").format(
                language=name))
            act.triggered.connect(lambda _=False, c=code: self.choose(c))
            group.addAction(act)
            self.menu.addAction(act)
            self.actions[code] = act

    def choose(self, code: str) -> None:
        """Use ``code`` from now on and remember it."""
        self.window.settings.setValue(SETTINGS_KEY, code)
        self.actions[code].setChecked(True)
        if code == current_language():
            return
        install_language(QtWidgets.QApplication.instance(), code)
        self.window.statusBar().showMessage(
            self.tr("Language: {language}. Menus and panels change when nnviz starts again.").format(
                language=LANGUAGES[code]), 10000)
