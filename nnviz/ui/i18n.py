"""The window's language: Qt translators and the layout direction.

:func:`install_language` loads nnviz's own translation
(``resources/translations/nnviz_<lang>.qm``, compiled from the ``.ts`` by
``tools/update_translations.py``) and Qt's translation of its standard
dialogs (``qtbase_<lang>.qm``, shipped with PySide6), and turns the whole
application right to left for Persian. It can be called again to switch
language: the previous translators are removed first. Widgets that are
already built keep their text until they are rebuilt or re-translated
(``QEvent.LanguageChange``).

Strings marked outside Qt code (``QT_TRANSLATE_NOOP`` in nnviz.session:
lesson titles and texts, health labels) are shown through :func:`translate`.
"""

from __future__ import annotations

from PySide6 import QtCore, QtWidgets

from nnviz.data.messages import SYSTEM_CONTEXT, SYSTEM_PHRASES, UserError
from nnviz.session.language import (
    LANGUAGES, RIGHT_TO_LEFT, SOURCE_LANGUAGE, language_of_locale, localize_digits, ltr, set_display_translation,
    translation_file,
)

__all__ = ["LANGUAGES", "current_language", "error_text", "formula", "install_language", "localize_digits", "numbers",
           "system_language", "translate"]

_installed: list[QtCore.QTranslator] = []
_current = [SOURCE_LANGUAGE]


def system_language() -> str:
    """The supported language of the system locale (its UI languages first); English otherwise."""
    locale = QtCore.QLocale.system()
    for name in list(locale.uiLanguages()) + [locale.name()]:
        lang = language_of_locale(name)
        if lang != SOURCE_LANGUAGE:
            return lang
    return SOURCE_LANGUAGE


def install_language(app: QtCore.QCoreApplication, lang: str | None = None) -> str:
    """Translate ``app`` into ``lang`` (None: the system's language); return the language installed.

    Sets the layout direction (right to left for Persian) on a QApplication.
    The default QLocale is left alone: in Persian it would make spin boxes
    refuse numbers typed with ASCII digits ("0.03"). Text that shows numbers
    uses :func:`numbers` for Persian digits instead.
    A language without a shipped translation raises ValueError.
    """
    lang = system_language() if lang is None else lang
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join(LANGUAGES)}")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if lang != SOURCE_LANGUAGE:
        ours = QtCore.QTranslator(app)
        path = translation_file(lang, "qm")
        if not ours.load(str(path)):
            raise ValueError(f"{path}: not a Qt translation file")
        qt_own = QtCore.QTranslator(app)        # Qt's standard dialogs and buttons, shipped with PySide6
        qt_dir = QtCore.QLibraryInfo.path(QtCore.QLibraryInfo.LibraryPath.TranslationsPath)
        if not qt_own.load(f"qtbase_{lang}", qt_dir):
            qt_own.deleteLater()
            qt_own = None
        for translator in (ours, qt_own):
            if translator is not None:
                app.installTranslator(translator)
                _installed.append(translator)
    if isinstance(app, QtWidgets.QApplication):
        direction = QtCore.Qt.LayoutDirection.RightToLeft if lang in RIGHT_TO_LEFT \
            else QtCore.Qt.LayoutDirection.LeftToRight
        app.setLayoutDirection(direction)
    set_display_translation(translate, lang in RIGHT_TO_LEFT)   # labels composed without Qt (person_label)
    _current[0] = lang
    return lang


def current_language() -> str:
    """The language last installed (English before any)."""
    return _current[0]


def translate(context: str, text: str) -> str:
    """A string marked with ``QT_TRANSLATE_NOOP(context, text)``, in the installed language."""
    return QtCore.QCoreApplication.translate(context, text)


def error_text(err: BaseException) -> str:
    """What ``err`` says, in the installed language.

    A :class:`~nnviz.data.messages.UserError` (a CSV file's problem, a refused
    edit, a bad field of an experiment file) is translated from its template, its fields -- file and column names,
    cells, numbers -- kept as they are and left to right; an OSError's reason (the caller names the
    file), translated when it is a common one; any other error's own text.
    """
    if isinstance(err, UserError):
        return err.shown(translate, formula)
    if isinstance(err, OSError) and err.strerror:     # the file is named beside it; the system's reason
        reason = str(err.strerror)
        return translate(SYSTEM_CONTEXT, reason) if reason in SYSTEM_PHRASES else reason
    return str(err)


def numbers(text: str) -> str:
    """Numbers in ``text`` with the installed language's digits (see localize_digits)."""
    return localize_digits(text, _current[0])


def formula(text: str) -> str:
    """``text`` (a formula, a key, an id) kept left to right when the installed language runs right to left.

    In a left-to-right language the text is returned as it is, so English
    strings stay byte for byte what they were.
    """
    return ltr(text) if _current[0] in RIGHT_TO_LEFT else text
