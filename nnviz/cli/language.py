"""``--lang en|fa`` on every command: the language of printed text, of pictures and of the window.

Without it the system's language is used (its locale: LANGUAGE, LC_ALL,
LC_MESSAGES or LANG for commands that print; Qt's system locale, or the
choice remembered from View → Language, for the window). Commands that only
print (``nnviz lessons``) translate without Qt, from the shipped ``.ts``;
commands that draw install the Qt translation before the first widget exists.
"""

from __future__ import annotations

import argparse

from nnviz.session.language import LANGUAGES, system_language


def language_argument(parser: argparse.ArgumentParser) -> None:
    names = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
    parser.add_argument("--lang", choices=tuple(LANGUAGES),
                        help=f"language of the text: {names}; default: the system's language")


def language(args: argparse.Namespace) -> str:
    """The language a command was asked for, else the system's."""
    return getattr(args, "lang", None) or system_language()


def install_qt_language(args: argparse.Namespace) -> str:
    """Translate the (offscreen) QApplication of a drawing command; Qt loads here, not on import."""
    from nnviz.ui.i18n import install_language
    from nnviz.ui.render import ensure_app

    return install_language(ensure_app(), language(args))
