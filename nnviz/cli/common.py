"""What the ``nnviz`` subcommands share: their errors, argument groups, the session to open and the picture to draw.

They need no display: without ``DISPLAY`` or ``WAYLAND_DISPLAY`` Qt's
offscreen platform is chosen.  A bad argument, an unknown lesson, an
unreadable or malformed file, or an output file that exists (without
``--force``) is a :class:`CliError` (status 2, one line on stderr) before
anything is drawn; a failure while writing exits with status 1.  Outputs are
written atomically.  The user's window settings are never read or written.

Qt is imported only inside the helpers that draw, so ``nnviz lessons`` and
``nnviz code`` start without it.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from nnviz.cli.model_file import ACTIVATIONS_HELP, is_model_file, load_model_file

USAGE_EXIT = 2
INTERRUPTED_EXIT = 130          # as a shell reports a command stopped by Ctrl+C
READER_GONE_EXIT = 141          # as a shell reports a writer stopped by SIGPIPE (yes | head)
MAX_STEPS = 10**9               # as an experiment file holds (nnviz.session.validate.MAX_STEPS)
PROGRESS_FROM = 500             # steps; shorter runs end before a progress bar would help
RUNTIME_EXIT = 1
THEMES = ("light", "dark", "contrast")


@dataclass(frozen=True)
class Command:
    """A subcommand: ``add_arguments(parser)`` fills its parser, ``run(args)`` returns the exit status."""

    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors."""

    def error(self, message):
        raise CliError(f"{message} (see {self.prog} --help)")


def load_session(file: str | None, lesson: str | None, activations: str | None = None):
    """The session to open, or CliError with the reason; activations: for a PyTorch file (model_file.py)."""
    from nnviz.session import LESSONS, Session

    if file and lesson:
        raise CliError("give either FILE.json or --lesson, not both")
    if activations is not None and not is_model_file(file):
        raise CliError("--activations is for a PyTorch state_dict file (.pt, .pth)")
    if lesson is not None:
        if lesson not in LESSONS:
            raise CliError(f"unknown lesson {lesson!r}; lessons: {', '.join(LESSONS)}")
        return Session.from_lesson(lesson)
    if file is not None:
        try:
            return load_model_file(file, activations) if is_model_file(file) else Session.load(file)
        except ValueError as err:
            raise CliError(str(err)) from None
    return None


def source_arguments(parser: argparse.ArgumentParser, steps_help: str) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE.json", help="an experiment file (or a PyTorch "
                        "state_dict file with --activations)")
    parser.add_argument("--activations", metavar="A1,A2,...", help=ACTIVATIONS_HELP)
    parser.add_argument("--lesson", metavar="ID", help="a built-in lesson (nnviz lessons lists them)")
    parser.add_argument("--steps", type=whole_number(0, MAX_STEPS), metavar="N", help=steps_help)


def whole_number(low: int, high: int):
    """An argparse type: a whole number from low to high (argparse names the option in the error)."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be from {low} to {high:,}, got {text}")
        return value
    return parse


def bounded_number(low: float, high: float, unit: str = ""):
    """An argparse type: a finite number from low to high (no inf or nan; the error names the option)."""
    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
        if not (math.isfinite(value) and low <= value <= high):
            raise argparse.ArgumentTypeError(f"must be a number from {low:g} to {high:g}{unit}, got {text!r}")
        return value
    return parse


def out_arguments(parser: argparse.ArgumentParser, kinds: str) -> None:
    parser.add_argument("--out", required=True, metavar="FILE", help=f"the file to write ({kinds})")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def picture_arguments(parser: argparse.ArgumentParser, default_size: str) -> None:
    parser.add_argument("--size", metavar="WxH",
                        help=f"size of the view in pixels, or a whole slide: 16:9 (1920x1080) or 4:3 "
                             f"(1600x1200) (default {default_size})")
    parser.add_argument("--scale", type=float, default=1.0, metavar="S",
                        help="pixels per view pixel: 2 or 4 for projectors and print (default 1)")
    parser.add_argument("--theme", choices=THEMES, default="light", help="color theme (default light)")
    parser.add_argument("--zoom", type=float, default=1.0, metavar="Z",
                        help="text, lines and points Z times larger, as View → Zoom (0.5 to 3; 1.5 suits "
                             "slides; default 1)")


def session_from(args):
    session = load_session(args.file, args.lesson, getattr(args, "activations", None))
    if session is None:
        raise CliError("give a lesson (--lesson ID) or an experiment file (FILE.json)")
    return session


def default_steps(args, session, fallback: int = 0) -> int:
    """--steps, else the lesson's suggested number of steps, else ``fallback``."""
    if args.steps is not None:
        if args.steps < 0:
            raise CliError(f"--steps must be 0 or more, got {args.steps}")
        return args.steps
    lesson = getattr(session, "lesson", None)
    return lesson.steps if lesson is not None and args.file is None else fallback


def check_output(path: str, force: bool, kinds: tuple[str, ...]) -> Path:
    """The output path, or CliError: a wrong suffix, a missing folder, an existing file without force."""
    out = Path(path)
    suffix = out.suffix.lower().lstrip(".")
    if suffix not in kinds:
        raise CliError(f"--out {path}: the file name must end in " + " or ".join(f".{k}" for k in kinds))
    if len(os.fsencode(out.name)) > 255:
        raise CliError(f"--out: the file name is {len(os.fsencode(out.name))} bytes long; "
                       "a file name can have at most 255")
    try:
        if not out.parent.is_dir():
            raise CliError(f"--out {path}: folder {out.parent} does not exist")
        if out.is_dir():
            raise CliError(f"--out {path}: is a folder")
        if out.exists() and not force:
            raise CliError(f"--out {path}: file exists; use --force to overwrite it")
    except OSError as err:              # a path too long, a folder that cannot be searched
        raise CliError(f"--out {path}: {err.strerror or err}") from None
    return out


def picture_size(args) -> tuple[int, int] | None:
    if args.size is None:
        return None
    from nnviz.ui.picture_options import parse_size

    try:
        return parse_size(args.size)
    except ValueError as err:
        raise CliError(f"--size: {err}") from None


def describe(session) -> str:
    lesson = getattr(session, "lesson", None)
    return lesson.id if lesson is not None else "the experiment"


@contextlib.contextmanager
def quiet_platform_notes():
    """Drop the offscreen platform's note on every window; other Qt messages go through."""
    from PySide6 import QtCore

    previous = None

    def handler(mode, context, message):
        if "propagateSizeHints" in message:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(message + "\n")

    previous = QtCore.qInstallMessageHandler(handler)
    try:
        yield
    finally:
        QtCore.qInstallMessageHandler(previous)


def make_picture(session, args, size):
    """The picture ``args.view`` of ``session`` (Qt loads here, only for the commands that draw)."""
    from nnviz.app.main_window import MainWindow
    from nnviz.app.window_picture import open_picture

    try:
        return open_picture(session, args.view, window_class=MainWindow, size=size, theme=args.theme,
                            zoom=args.zoom)
    except ValueError as err:
        option = "--zoom" if "zoom" in str(err) else "--size"
        raise CliError(f"{option}: {err}") from None


def fail(message: str) -> int:
    print(f"nnviz: {message}", file=sys.stderr)
    return RUNTIME_EXIT


def train_steps(picture, steps: int) -> int:
    """Train ``steps`` steps of the picture's session; a progress bar on a terminal for long runs.

    The bar (tqdm, on stderr) advances in chunks of about a second, so
    it costs a redraw per chunk and nothing when stderr is not a terminal.
    Returns the steps done (fewer when the run diverged or stopped early).
    """
    if steps < PROGRESS_FROM or not sys.stderr.isatty():
        return picture.train(steps) if steps else 0
    done, chunk = 0, 50
    with tqdm(total=steps, unit="step", desc="training", file=sys.stderr, leave=False) as bar:
        while done < steps:
            asked = min(chunk, steps - done)
            started = time.perf_counter()
            got = picture.train(asked)
            done += got
            bar.update(got)
            if got < asked:
                break
            elapsed = max(time.perf_counter() - started, 1e-3)
            chunk = max(1, min(int(asked / elapsed), 4 * asked))      # about one redraw a second
    return done


def train_picture(picture, steps: int) -> str:
    done = train_steps(picture, steps)
    note = ""
    if done < steps:
        why = "diverged" if picture.session.diverged else "stopped early"
        note = f" (training {why} after {done} of {steps} steps)"
    return note
