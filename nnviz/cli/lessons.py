"""``nnviz lessons``: list the built-in lessons."""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import Command
from nnviz.cli.language import language
from nnviz.session.language import QT_TRANSLATE_NOOP, localize_digits, translate

STEPS = QT_TRANSLATE_NOOP("nnviz lessons", "({steps} steps)")


def _lessons_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", action="store_true", help="print only the lesson ids, one a line")


def _can_print(lang: str) -> None:
    """Persian into a stream whose encoding lacks it (a redirected Windows console, ASCII): write UTF-8."""
    sample = translate("nnviz lessons", STEPS, lang)
    try:
        sample.encode(sys.stdout.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        sys.stdout.reconfigure(encoding="utf-8")


def _lessons(args) -> int:
    from nnviz.session import LESSONS

    lang = language(args)
    _can_print(lang)
    width = max(len(i) for i in LESSONS)
    for lesson in LESSONS.values():
        if args.ids:
            print(lesson.id)
        else:
            steps = translate("nnviz lessons", STEPS, lang).format(steps=localize_digits(str(lesson.steps), lang))
            print(f"{lesson.id:<{width}}  {translate('Lesson', lesson.title, lang)}  {steps}")
    return 0


COMMAND = Command("list the built-in lessons", _lessons_arguments, _lessons)
