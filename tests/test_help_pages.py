"""The user guide: the same pages in English and Persian, each with real content and working links."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

HELP = Path(__file__).resolve().parent.parent / "resources" / "help"
LANGUAGES = ("en", "fa")
AREAS = {"stepping", "network", "inspector", "lessons", "presenter", "exports", "data"}
PERSIAN = re.compile("[\u0600-\u06ff]")


class Page(HTMLParser):
    def __init__(self, path):
        super().__init__()
        self.text, self.links, self.headings, self.attrs = [], [], [], {}
        self._tag = None
        self.feed(path.read_text(encoding="utf-8"))

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "a":
            self.links.append(dict(attrs)["href"])
        if tag in ("html", "body"):
            self.attrs[tag] = dict(attrs)

    def handle_data(self, data):
        self.text.append(data)
        if self._tag == "h1":
            self.headings.append(data.strip())

    def words(self):
        return " ".join(self.text).split()


def pages(lang):
    return {p.stem: Page(p) for p in sorted((HELP / lang).glob("*.html"))}


def test_both_languages_have_the_same_pages_one_per_area():
    names = {lang: set(pages(lang)) for lang in LANGUAGES}
    assert names["en"] == names["fa"]
    assert names["en"] == AREAS | {"index"}


def test_every_page_has_a_title_and_real_content_in_its_language():
    for lang in LANGUAGES:
        for name, page in pages(lang).items():
            assert page.headings and page.headings[0], f"{lang}/{name}: no <h1> title"
            words = page.words()
            assert len(words) >= 120, f"{lang}/{name}: only {len(words)} words"
            persian = sum(bool(PERSIAN.search(w)) for w in words) / len(words)
            if lang == "fa":
                assert persian > 0.6, f"fa/{name}: only {persian:.0%} of the words are Persian"
                assert page.attrs["body"].get("dir") == "rtl", f"fa/{name}: body is not right to left"
            else:
                assert persian == 0, f"en/{name}: Persian text in the English guide"


def test_index_links_every_area_and_every_link_resolves():
    for lang in LANGUAGES:
        found = pages(lang)
        assert {Path(link).stem for link in found["index"].links} == AREAS
        for name, page in found.items():
            for link in page.links:
                assert (HELP / lang / link).is_file(), f"{lang}/{name}: broken link {link}"


def test_qt_text_browser_renders_each_page(qapp):
    browser = QtWidgets.QTextBrowser()
    for lang in LANGUAGES:
        browser.setSearchPaths([str(HELP / lang)])
        for name, page in pages(lang).items():
            browser.setSource(QtCore.QUrl(f"{name}.html"))
            text = browser.toPlainText()
            assert page.headings[0] in text and len(text.split()) >= 120, f"{lang}/{name}"
            assert browser.documentTitle(), f"{lang}/{name}: no <title>"


def test_help_menu_opens_the_guide_in_the_installed_language(qapp, qtbot, tmp_path):
    from nnviz.app.main_window import MainWindow
    from nnviz.app.user_guide import open_user_guide
    from nnviz.session import Session
    from nnviz.ui import i18n

    settings = QtCore.QSettings(str(tmp_path / "settings.ini"), QtCore.QSettings.Format.IniFormat)
    window = MainWindow(Session.from_lesson("xor"), settings=settings)
    qtbot.addWidget(window)
    try:
        entry = next(a for a in window.findChildren(QtGui.QAction) if a.text().replace("&", "") == "User guide")
        entry.trigger()
        guide = window.user_guide
        assert guide.isVisible() and guide.page() == "index"
        assert guide.layoutDirection() == QtCore.Qt.LayoutDirection.LeftToRight
        assert "nnviz user guide" in guide.browser.toPlainText()
        assert open_user_guide(window, "inspector") is guide and guide.page() == "inspector"
        with pytest.raises(ValueError, match="no help page 'nope'"):
            guide.show_page("nope")
        i18n.install_language(qapp, "fa")
        persian = open_user_guide(window, "data")
        assert persian is not guide and persian.page() == "data"
        assert persian.layoutDirection() == QtCore.Qt.LayoutDirection.RightToLeft
        assert PERSIAN.search(persian.browser.toPlainText()) and persian.windowTitle() == "راهنمای nnviz"
    finally:
        i18n.install_language(qapp, "en")
        window.play_timer.stop()
