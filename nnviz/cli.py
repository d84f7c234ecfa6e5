"""The ``nnviz`` command.

    nnviz                      open the window on the demo lesson (xor)
    nnviz --lesson ID          open the window on a lesson
    nnviz FILE.json            open the window on a saved experiment
    nnviz lessons | render | animate | code ...
                               work without a screen (see nnviz.commands)

Subcommands plug in through :data:`COMMANDS`: ``register(name, help,
add_arguments, run)`` adds ``nnviz NAME ...`` with its own parser.  A bad
argument, an unknown lesson or a bad file exits with status 2 and one line on
stderr, before any window opens.
"""

from __future__ import annotations

# First: limits BLAS threads before numpy is imported (see nnviz.app).
from nnviz import app as _app  # isort: skip

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from nnviz import __version__

USAGE_EXIT = 2


@dataclass(frozen=True)
class Command:
    """A subcommand: ``add_arguments(parser)`` fills its parser, ``run(args)`` returns the exit status."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def register(name: str, help: str, add_arguments, run) -> None:
    """Add the subcommand ``nnviz NAME``."""
    COMMANDS[name] = Command(help, add_arguments, run)


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors."""

    def error(self, message):
        raise CliError(f"{message} (see {self.prog} --help)")


def window_parser() -> argparse.ArgumentParser:
    commands = "".join(f"\n  {name:<10} {cmd.help}" for name, cmd in COMMANDS.items())
    parser = _Parser(
        prog="nnviz",
        description="See backpropagation: open the nnviz window.",
        epilog=("commands (nnviz COMMAND --help):" + commands) if commands else None,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", metavar="FILE.json", help="an experiment file to open")
    parser.add_argument("--lesson", metavar="ID", help="open a built-in lesson (see the Lessons menu)")
    parser.add_argument("--version", action="version", version=f"nnviz {__version__}")
    return parser


def load_session(file: str | None, lesson: str | None):
    """The session to open, or CliError with the reason."""
    from nnviz.session import LESSONS, Session

    if file and lesson:
        raise CliError("give either FILE.json or --lesson, not both")
    if lesson is not None:
        if lesson not in LESSONS:
            raise CliError(f"unknown lesson {lesson!r}; lessons: {', '.join(LESSONS)}")
        return Session.from_lesson(lesson)
    if file is not None:
        try:
            return Session.load(file)
        except ValueError as err:
            raise CliError(str(err)) from None
    return None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in COMMANDS:
            cmd = COMMANDS[argv[0]]
            parser = _Parser(prog=f"nnviz {argv[0]}", description=cmd.help)
            cmd.add_arguments(parser)
            return int(cmd.run(parser.parse_args(argv[1:])) or 0)
        args = window_parser().parse_args(argv)
        session = load_session(args.file, args.lesson)
    except CliError as err:
        print(f"nnviz: {err}", file=sys.stderr)
        return USAGE_EXIT
    return _app.run(session, path=args.file)


# The headless subcommands register themselves (they import Qt only when run).
from nnviz import commands as _commands  # noqa: E402,F401  isort: skip

if __name__ == "__main__":
    raise SystemExit(main())
