"""``nnviz lessons``: list the built-in lessons."""

from __future__ import annotations

import argparse

from nnviz.cli.common import Command


def _lessons_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ids", action="store_true", help="print only the lesson ids, one a line")


def _lessons(args) -> int:
    from nnviz.session import LESSONS

    width = max(len(i) for i in LESSONS)
    for lesson in LESSONS.values():
        if args.ids:
            print(lesson.id)
        else:
            print(f"{lesson.id:<{width}}  {lesson.title}  ({lesson.steps} steps)")
    return 0


COMMAND = Command("list the built-in lessons", _lessons_arguments, _lessons)
