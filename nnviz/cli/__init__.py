"""The ``nnviz`` command.

    nnviz                      open the window on the demo lesson (xor)
    nnviz --lesson ID          open the window on a lesson
    nnviz FILE.json            open the window on a saved experiment
    nnviz lessons | render | animate | code ...
                               work without a screen (one module each in this package)
    nnviz --install-desktop    add nnviz to this user's applications menu (nnviz.cli.desktop)

Every form takes ``--lang en|fa`` (default: the system's language; see nnviz.cli.language).

Each subcommand module holds a :class:`~nnviz.cli.common.Command`;
:data:`COMMANDS` maps ``nnviz NAME ...`` to it, with its own parser.  A bad
argument, an unknown lesson or a bad file exits with status 2 and one line on
stderr, before any window opens.
"""

from __future__ import annotations

# First: limits BLAS threads before numpy is imported (see nnviz.app).
from nnviz import app as _app  # isort: skip

import argparse
import contextlib
import os
import sys

from nnviz import __version__
from nnviz.cli import animate, code, lessons, render
from nnviz.cli.common import INTERRUPTED_EXIT, READER_GONE_EXIT, USAGE_EXIT, CliError, Command, Parser, load_session
from nnviz.cli.desktop import install_desktop
from nnviz.cli.model_file import ACTIVATIONS_HELP, is_model_file
from nnviz.cli.language import language_argument

__all__ = ["COMMANDS", "CliError", "Command", "main"]

COMMANDS: dict[str, Command] = {
    "lessons": lessons.COMMAND,
    "render": render.COMMAND,
    "animate": animate.COMMAND,
    "code": code.COMMAND,
}


def window_parser() -> argparse.ArgumentParser:
    commands = "".join(f"\n  {name:<10} {cmd.help}" for name, cmd in COMMANDS.items())
    parser = Parser(
        prog="nnviz",
        description="See backpropagation: open the nnviz window.",
        epilog=("commands (nnviz COMMAND --help):" + commands) if commands else None,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", metavar="FILE.json", help="an experiment file to open (or a "
                        "PyTorch state_dict file with --activations)")
    parser.add_argument("--activations", metavar="A1,A2,...", help=ACTIVATIONS_HELP)
    parser.add_argument("--lesson", metavar="ID", help="open a built-in lesson (see the Lessons menu)")
    parser.add_argument("--version", action="version", version=f"nnviz {__version__}")
    parser.add_argument("--install-desktop", action="store_true",
                        help="add nnviz and its icon to this user's applications menu, then exit")
    language_argument(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command; every user error and Ctrl+C end with one line on stderr.

    A reader that stops reading (``nnviz lessons | head -2``) is no error: the
    command stops writing and exits quietly with the status a shell gives a
    writer stopped by SIGPIPE, as ``yes | head`` does. Python ignores SIGPIPE
    and raises BrokenPipeError instead, while printing or when it flushes
    standard output at exit; both are caught here, the second by flushing
    before returning, and standard output is pointed at /dev/null so the
    interpreter's own last flush cannot fail again.
    """
    try:
        status = _main(list(sys.argv[1:] if argv is None else argv))
        if sys.stdout is not None:
            sys.stdout.flush()
        return status
    except KeyboardInterrupt:
        print("nnviz: interrupted", file=sys.stderr)
        return INTERRUPTED_EXIT
    except BrokenPipeError:
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return READER_GONE_EXIT


def _main(argv: list[str]) -> int:
    try:
        if argv and argv[0] in COMMANDS:
            if sys.stdout is None:      # started with standard output closed (nnviz code >&-)
                raise CliError("standard output is closed; nothing can be printed")
            cmd = COMMANDS[argv[0]]
            parser = Parser(prog=f"nnviz {argv[0]}", description=cmd.help)
            cmd.add_arguments(parser)
            language_argument(parser)
            return int(cmd.run(parser.parse_args(argv[1:])) or 0)
        args = window_parser().parse_args(argv)
        if args.install_desktop:
            return _install_desktop()
        session = load_session(args.file, args.lesson, args.activations)
    except CliError as err:
        print(f"nnviz: {err}", file=sys.stderr)
        return USAGE_EXIT
    path = None if is_model_file(args.file) else args.file     # saving must not overwrite a model file
    return _app.run(session, path=path, lang=args.lang)


def _install_desktop() -> int:
    try:
        paths = install_desktop()
    except OSError as err:
        print(f"nnviz: --install-desktop: cannot write {err.filename}: {err.strerror}", file=sys.stderr)
        return 1
    for path in paths:
        print(f"wrote {path}")
    return 0
