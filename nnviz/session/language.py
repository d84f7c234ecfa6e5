"""Languages without Qt: marking strings, the Persian catalogue for the command line, Persian digits.

The window translates with Qt's own machinery (``nnviz.ui.i18n`` installs a
QTranslator built from ``resources/translations/nnviz_fa.qm``). Strings that
live outside Qt code — lesson titles and texts, health labels, captions —
are marked here with :func:`QT_TRANSLATE_NOOP`, which returns its text
unchanged but is what ``pyside6-lupdate`` looks for when it collects the
strings to translate. The views then pass them through
``QCoreApplication.translate(context, text)``.

Commands that print and must start without Qt (``nnviz lessons``) read the
same translations from the ``.ts`` source shipped beside the ``.qm``
(:func:`translate`), so the window and the terminal show the same words.

Persian is written right to left; numbers in it use the Persian digits
(۰۱۲…۹, decimal separator ٫), while formulas stay left to right
(:func:`ltr` wraps them in a left-to-right isolate).
"""

from __future__ import annotations

import functools
import os
import xml.etree.ElementTree as ET

from nnviz.resources_path import resource_path

SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "fa": "فارسی"}
"""Language code -> its name in that language (what a language menu shows)."""
RIGHT_TO_LEFT = frozenset({"fa"})

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_LRI, _PDI = "\u2066", "\u2069"      # left-to-right isolate, pop directional isolate


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark ``text`` for translation in ``context``; returns it unchanged.

    Use string literals (adjacent literals are joined) — lupdate reads the
    source, not the running program, so an f-string or a variable is not seen.
    """
    return text


_display = [lambda context, text: text]
_display_isolates = [False]


def set_display_translation(translate_fn, right_to_left: bool = False) -> None:
    """Make :func:`shown` translate with ``translate_fn(context, text)``.

    The window passes Qt's translator when it installs a language, so labels
    that Qt-free code composes from templates (``person_label``) come out in
    the window's language; by default (the command line, tests) they stay English.
    ``right_to_left``: the language runs right to left, so :func:`shown_formula`
    isolates formulas.
    """
    _display[0] = translate_fn
    _display_isolates[0] = bool(right_to_left)


def shown_formula(text: str) -> str:
    """``text`` (a formula, a symbol, a key) kept left to right when the shown language runs right to left;
    unchanged otherwise, so English text stays byte for byte what it was."""
    return ltr(text) if _display_isolates[0] else text


def shown(context: str, text: str) -> str:
    """A string marked with :func:`QT_TRANSLATE_NOOP`, in the language set by :func:`set_display_translation`."""
    return _display[0](context, text)


def translation_file(lang: str, suffix: str = "ts"):
    """Path of the shipped translation of ``lang`` (``suffix`` "ts" or "qm")."""
    return resource_path(f"translations/nnviz_{lang}.{suffix}")


def language_of_locale(name: str | None) -> str:
    """The supported language for a locale name such as "fa_IR.UTF-8" or "en-GB"; English otherwise."""
    code = (name or "").replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def system_language(environ=None) -> str:
    """The language the environment asks for (LANGUAGE, LC_ALL, LC_MESSAGES, LANG, in POSIX order).

    Only for code without Qt; the window asks ``QLocale.system()``.
    """
    env = os.environ if environ is None else environ
    for key in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key)
        if value:
            return language_of_locale(value.split(":")[0])
    return SOURCE_LANGUAGE


def check_language(lang: str) -> str:
    """``lang`` if supported; ValueError naming the choices otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; languages: {', '.join(LANGUAGES)}")
    return lang


@functools.cache
def catalogue(lang: str) -> dict[tuple[str, str], str]:
    """(context, source text) -> finished translation, read from the shipped ``.ts`` of ``lang``.

    Unfinished and obsolete entries are left out, as lrelease leaves them out
    of the ``.qm``; the source language has an empty catalogue.
    """
    if check_language(lang) == SOURCE_LANGUAGE:
        return {}
    root = ET.parse(translation_file(lang)).getroot()
    table = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if translation.text:
                table[(name, message.findtext("source", ""))] = translation.text
    return table


def translate(context: str, text: str, lang: str) -> str:
    """``text`` in ``lang`` (itself when there is no translation), without Qt."""
    return catalogue(lang).get((context, text), text)


def localize_digits(text: str, lang: str) -> str:
    """Numbers in ``text`` written with the digits a reader of ``lang`` expects.

    Persian: ۰–۹, and a point between two digits becomes the Persian decimal
    separator ٫ (so "0.25" reads "۰٫۲۵" while "e.g." is left alone). Apply it
    to numbers shown as text, never to formulas or to values a user types back.
    """
    if lang != "fa":
        return text
    chars = list(text)
    for i in range(1, len(chars) - 1):
        if chars[i] == "." and chars[i - 1].isdigit() and chars[i + 1].isdigit():
            chars[i] = "٫"
    return "".join(chars).translate(_PERSIAN_DIGITS)


def ltr(text: str) -> str:
    """``text`` kept left to right inside a right-to-left paragraph (a formula, a file name, code)."""
    return f"{_LRI}{text}{_PDI}"
