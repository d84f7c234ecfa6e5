"""The headless ``nnviz`` subcommands: lessons, render, animate, code.

    nnviz lessons
    nnviz render  (--lesson ID | FILE.json) [--steps N] [--phase P] --view V --out FILE.png|.svg
    nnviz animate (--lesson ID | FILE.json) [--steps N] [--run M [--every K]] --out FILE.gif|.mp4
    nnviz code    (--lesson ID | FILE.json) [--steps N] --framework pytorch|keras [--out FILE.py]

They need no display: without ``DISPLAY`` or ``WAYLAND_DISPLAY`` Qt's
offscreen platform is chosen.  A bad argument, an unknown lesson, an
unreadable or malformed file, or an output file that exists (without
``--force``) exits with status 2 and one line on stderr before anything is
drawn; a failure while writing exits with status 1.  Outputs are written
atomically.  The user's window settings are never read or written.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
import time
from pathlib import Path

from nnviz.cli import CliError, load_session, register

RUNTIME_EXIT = 1
THEMES = ("light", "dark", "contrast")


# ---------------------------------------------------------------------- shared arguments
def _source_arguments(parser: argparse.ArgumentParser, steps_help: str) -> None:
    parser.add_argument("file", nargs="?", metavar="FILE.json", help="an experiment file")
    parser.add_argument("--lesson", metavar="ID", help="a built-in lesson (nnviz lessons lists them)")
    parser.add_argument("--steps", type=int, metavar="N", help=steps_help)


def _out_arguments(parser: argparse.ArgumentParser, kinds: str) -> None:
    parser.add_argument("--out", required=True, metavar="FILE", help=f"the file to write ({kinds})")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def _picture_arguments(parser: argparse.ArgumentParser, default_size: str) -> None:
    parser.add_argument("--size", metavar="WxH", help=f"size of the view in pixels (default {default_size})")
    parser.add_argument("--scale", type=float, default=1.0, metavar="S",
                        help="pixels per view pixel: 2 or 4 for projectors and print (default 1)")
    parser.add_argument("--theme", choices=THEMES, default="light", help="color theme (default light)")
    parser.add_argument("--zoom", type=float, default=1.0, metavar="Z",
                        help="text, lines and points Z times larger, as View → Zoom (0.5 to 3; 1.5 suits "
                             "slides; default 1)")


def _session(args):
    session = load_session(args.file, args.lesson)
    if session is None:
        raise CliError("give a lesson (--lesson ID) or an experiment file (FILE.json)")
    return session


def _default_steps(args, session, fallback: int = 0) -> int:
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
    if not out.parent.is_dir():
        raise CliError(f"--out {path}: folder {out.parent} does not exist")
    if out.is_dir():
        raise CliError(f"--out {path}: is a folder")
    if out.exists() and not force:
        raise CliError(f"--out {path}: file exists; use --force to overwrite it")
    return out


def _size(args) -> tuple[int, int] | None:
    if args.size is None:
        return None
    from nnviz.export.offscreen import parse_size

    try:
        return parse_size(args.size)
    except ValueError as err:
        raise CliError(f"--size: {err}") from None


def _describe(session) -> str:
    lesson = getattr(session, "lesson", None)
    return lesson.id if lesson is not None else "the experiment"


@contextlib.contextmanager
def _quiet_platform_notes():
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


def _picture(session, args, size):
    from nnviz.export.offscreen import Picture

    try:
        return Picture(session, args.view, size=size, theme=args.theme, zoom=args.zoom)
    except ValueError as err:
        option = "--zoom" if "zoom" in str(err) else "--size"
        raise CliError(f"{option}: {err}") from None


def _fail(message: str) -> int:
    print(f"nnviz: {message}", file=sys.stderr)
    return RUNTIME_EXIT


def _train(picture, steps: int) -> str:
    done = picture.train(steps) if steps else 0
    note = ""
    if done < steps:
        why = "diverged" if picture.session.diverged else "stopped early"
        note = f" (training {why} after {done} of {steps} steps)"
    return note


# ---------------------------------------------------------------------- lessons
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


# ---------------------------------------------------------------------- render
def _render_arguments(parser: argparse.ArgumentParser) -> None:
    from nnviz.export.offscreen import VIEWS

    _source_arguments(parser, "train this many steps first (default: the lesson's suggested steps; "
                              "0 for a file)")
    parser.add_argument("--view", choices=VIEWS, default="network", help="what to draw (default network)")
    parser.add_argument("--phase", metavar="P",
                        help="then step to this phase of the next step: forward:K, loss, backward:K or update")
    parser.add_argument("--transparent", action="store_true", help="no background (PNG with alpha, SVG)")
    _picture_arguments(parser, "depends on the view, e.g. 1280x720 for network")
    _out_arguments(parser, ".png or .svg")


def _render(args) -> int:
    out = check_output(args.out, args.force, ("png", "svg"))
    size = _size(args)
    session = _session(args)
    steps = _default_steps(args, session)
    from nnviz.export.images import check_scale
    from nnviz.export.offscreen import ensure_app, parse_phase

    try:
        check_scale(args.scale)
        phase = parse_phase(args.phase, session.n_layers) if args.phase else None
    except ValueError as err:
        raise CliError(str(err)) from None
    ensure_app()
    started = time.perf_counter()
    with _quiet_platform_notes():
        picture = _picture(session, args, size)
        try:
            note = _train(picture, steps)
            if phase is not None:
                picture.go_to_phase(*phase)
            trained = time.perf_counter()
            w, h = picture.save(out, args.scale, args.transparent)
            label = session.phase.label()
        except ValueError as err:           # a size that no longer fits, a phase not reached
            raise CliError(str(err)) from None
        except OSError as err:
            return _fail(f"cannot write {out}: {err.strerror or err}")
        finally:
            picture.close()
    unit = "px" if out.suffix.lower() == ".png" else "SVG"
    print(f"wrote {out}: {args.view} of {_describe(session)} at step {session.step}, {label}, "
          f"{w}×{h} {unit}{note} (build and train {trained - started:.2f} s, draw and write "
          f"{time.perf_counter() - trained:.2f} s)")
    return 0


# ---------------------------------------------------------------------- animate
def _animate_arguments(parser: argparse.ArgumentParser) -> None:
    _source_arguments(parser, "train this many steps first (default: the lesson's suggested steps for one "
                              "step's animation, 0 with --run)")
    parser.add_argument("--run", type=int, metavar="M",
                        help="record a training run of M steps instead of one step's phases")
    parser.add_argument("--every", type=int, metavar="K",
                        help="with --run: a frame every K steps (default: about 60 frames)")
    parser.add_argument("--view", choices=("network", "window"), default="network",
                        help="the network view or the whole window (default network)")
    parser.add_argument("--fps", type=float, default=10.0, help="frames per second (default 10)")
    parser.add_argument("--tween", type=int, default=3, metavar="T",
                        help="one step: in-between frames as the lit layer moves (default 3; each phase "
                             "lasts T+1 frames)")
    parser.add_argument("--hold", type=float, default=1.0, metavar="SECONDS",
                        help="show the last frame this much longer (default 1)")
    _picture_arguments(parser, "1280x720 for network, 1500x940 for window")
    _out_arguments(parser, ".gif, or .mp4 when ffmpeg is installed")


def _animate(args) -> int:
    out = check_output(args.out, args.force, ("gif", "mp4"))
    from nnviz.export import animation as anim

    if out.suffix.lower() == ".mp4" and anim.ffmpeg_path() is None:
        raise CliError(anim.MP4_NEEDS_FFMPEG)
    size = _size(args)
    if args.every is not None and args.run is None:
        raise CliError("--every needs --run M")
    session = _session(args)
    steps = _default_steps(args, session, 0) if args.run is None else (args.steps or 0)
    if steps < 0:
        raise CliError(f"--steps must be 0 or more, got {steps}")
    try:
        plan = (anim.step_plan(session.n_layers, args.tween) if args.run is None
                else anim.run_plan(args.run, args.every))
        anim.check_fps(args.fps)
        if args.hold < 0:
            raise ValueError(f"--hold must be 0 seconds or more, got {args.hold:g}")
        if plan.frames > anim.MAX_FRAMES:
            raise ValueError(f"{plan.frames} frames is more than {anim.MAX_FRAMES}; use a larger --every")
    except ValueError as err:
        raise CliError(str(err)) from None
    from nnviz.export.offscreen import ensure_app

    ensure_app()
    started = time.perf_counter()
    with _quiet_platform_notes():
        picture = _picture(session, args, size)
        try:
            note = _train(picture, steps)
            trained = time.perf_counter()
            frames = anim.record(picture, plan, out, fps=args.fps, scale=args.scale, hold=args.hold)
            w, h = picture.widget.width(), picture.widget.height()
        except ValueError as err:
            raise CliError(str(err)) from None
        except OSError as err:
            return _fail(f"cannot write {out}: {err.strerror or err}")
        except RuntimeError as err:         # the encoder failed
            return _fail(str(err))
        finally:
            picture.close()
    what = "one step" if args.run is None else f"{args.run} steps"
    print(f"wrote {out}: {what} of {_describe(session)} from step {steps}, {frames} frames of "
          f"{round(w * args.scale)}×{round(h * args.scale)} px at {args.fps:g} fps{note} "
          f"(build and train {trained - started:.2f} s, record {time.perf_counter() - trained:.2f} s)")
    return 0


# ---------------------------------------------------------------------- code
def _code_arguments(parser: argparse.ArgumentParser) -> None:
    from nnviz.export import FRAMEWORKS

    _source_arguments(parser, "train this many steps first, so --weights writes trained weights (default 0)")
    parser.add_argument("--framework", choices=FRAMEWORKS, default="pytorch", help="(default pytorch)")
    weights = parser.add_mutually_exclusive_group()
    weights.add_argument("--weights", dest="weights", action="store_true", default=True,
                         help="set the network's current weights, so the code starts where nnviz is "
                              "(default)")
    weights.add_argument("--no-weights", dest="weights", action="store_false",
                         help="leave the framework's own initialisation")
    parser.add_argument("--out", metavar="FILE.py", help="write the code to FILE.py instead of printing it")
    parser.add_argument("--force", action="store_true", help="overwrite FILE.py if it exists")


def _code(args) -> int:
    out = check_output(args.out, args.force, ("py",)) if args.out else None
    session = _session(args)
    steps = args.steps or 0
    if steps < 0:
        raise CliError(f"--steps must be 0 or more, got {steps}")
    if steps:
        session.run(steps)
    from nnviz.export import code_for

    text = code_for(session, args.framework, weights=args.weights)
    if out is None:
        sys.stdout.write(text)
        return 0
    from nnviz.session.files import atomic_write_text

    try:
        atomic_write_text(out, text)
    except OSError as err:
        return _fail(f"cannot write {out}: {err.strerror or err}")
    print(f"wrote {out}: {args.framework} code for {_describe(session)}, {len(text.splitlines())} lines")
    return 0


register("lessons", "list the built-in lessons", _lessons_arguments, _lessons)
register("render", "train, then draw one view (or the window) to PNG or SVG", _render_arguments, _render)
register("animate", "record one step's forward/backward animation, or a training run, to GIF or MP4",
         _animate_arguments, _animate)
register("code", "print the network and its training as PyTorch or Keras code", _code_arguments, _code)
