"""Help → User guide: the shipped guide (resources/help/<lang>/*.html) in a window of its own.

The pages are plain HTML that QTextBrowser renders, so no browser is needed;
links between pages stay inside the window. The guide opens in the language
installed (nnviz.ui.i18n), right to left for Persian, on the index or on a
given page ("stepping", "network", "inspector", "lessons", "presenter",
"exports", "data").
"""

from __future__ import annotations

from PySide6 import QtCore, QtGui, QtWidgets

from nnviz.resources_path import resource_path
from nnviz.session.language import RIGHT_TO_LEFT
from nnviz.ui.i18n import current_language

PAGES = ("index", "stepping", "network", "inspector", "lessons", "presenter", "exports", "data")


def help_folder(lang: str):
    """The folder of the guide in ``lang`` (the English one when ``lang`` has none)."""
    try:
        return resource_path(f"help/{lang}/index.html").parent
    except FileNotFoundError:
        return resource_path("help/en/index.html").parent


class UserGuide(QtWidgets.QWidget):
    """A window with the guide: Back, Contents and the page."""

    def __init__(self, parent: QtWidgets.QWidget | None = None, page: str = "index") -> None:
        super().__init__(parent, QtCore.Qt.WindowType.Window)
        self.setWindowTitle(self.tr("nnviz user guide"))
        lang = current_language()
        self.setLayoutDirection(QtCore.Qt.LayoutDirection.RightToLeft if lang in RIGHT_TO_LEFT
                                else QtCore.Qt.LayoutDirection.LeftToRight)
        self.browser = QtWidgets.QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(help_folder(lang))])
        back = QtWidgets.QPushButton(self.tr("Back"), self)
        back.setEnabled(False)
        back.clicked.connect(self.browser.backward)
        self.browser.backwardAvailable.connect(back.setEnabled)
        home = QtWidgets.QPushButton(self.tr("Contents"), self)
        home.clicked.connect(lambda: self.show_page("index"))
        bar = QtWidgets.QHBoxLayout()
        bar.addWidget(back)
        bar.addWidget(home)
        bar.addStretch(1)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser)
        self.addAction(self._close_action())
        self.resize(760, 640)
        self.show_page(page)

    def _close_action(self) -> QtGui.QAction:
        act = QtGui.QAction(self)
        act.setShortcuts([QtGui.QKeySequence.StandardKey.Close, QtGui.QKeySequence("Esc")])
        act.triggered.connect(self.close)
        return act

    def show_page(self, page: str) -> None:
        """Show ``page`` (one of PAGES); ValueError for another name."""
        if page not in PAGES:
            raise ValueError(f"no help page {page!r}; pages: {', '.join(PAGES)}")
        self.browser.setSource(QtCore.QUrl(f"{page}.html"))

    def page(self) -> str:
        """The name of the page shown."""
        return QtCore.QFileInfo(self.browser.source().path()).completeBaseName()


def open_user_guide(window: QtWidgets.QWidget, page: str = "index") -> UserGuide:
    """Show the guide of ``window`` on ``page``, reusing its open guide while the language is the same."""
    guide = getattr(window, "user_guide", None)
    if guide is None or guide.browser.searchPaths() != [str(help_folder(current_language()))]:
        if guide is not None:
            guide.close()
            guide.deleteLater()
        guide = window.user_guide = UserGuide(window, page)
    else:
        guide.show_page(page)
    guide.show()
    if QtGui.QGuiApplication.platformName() != "offscreen":     # it has no stacking order (and warns)
        guide.raise_()
        guide.activateWindow()
    return guide
