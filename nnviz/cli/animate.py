"""``nnviz animate``: one step's forward/backward animation, or a training run, to GIF or MP4.

    nnviz animate (--lesson ID | FILE.json) [--steps N] [--run M [--every K]] --out FILE.gif|.mp4
"""

from __future__ import annotations

import argparse
import time

from nnviz.cli.common import (
    bounded_number, check_output, CliError, Command, default_steps, describe, fail, make_picture,
    out_arguments, picture_arguments, picture_size, quiet_platform_notes, session_from, source_arguments,
    train_picture,
)
from nnviz.cli.language import install_qt_language


def _animate_arguments(parser: argparse.ArgumentParser) -> None:
    source_arguments(parser, "train this many steps first (default: the lesson's suggested steps for one "
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
    parser.add_argument("--hold", type=bounded_number(0, 3600, " seconds"), default=1.0, metavar="SECONDS",
                        help="show the last frame this much longer (default 1)")
    picture_arguments(parser, "1280x720 for network, 1500x940 for window")
    out_arguments(parser, ".gif, or .mp4 when ffmpeg is installed")


def _animate(args) -> int:
    out = check_output(args.out, args.force, ("gif", "mp4"))
    from nnviz.export import animation as anim

    if out.suffix.lower() == ".mp4" and anim.ffmpeg_path() is None:
        raise CliError(anim.MP4_NEEDS_FFMPEG)
    size = picture_size(args)
    if args.every is not None and args.run is None:
        raise CliError("--every needs --run M")
    session = session_from(args)
    steps = default_steps(args, session, 0) if args.run is None else (args.steps or 0)
    if steps < 0:
        raise CliError(f"--steps must be 0 or more, got {steps}")
    try:
        plan = (anim.step_plan(session.n_layers, args.tween) if args.run is None
                else anim.run_plan(args.run, args.every))
        anim.check_fps(args.fps)
        if plan.frames > anim.MAX_FRAMES:
            raise ValueError(f"{plan.frames} frames is more than {anim.MAX_FRAMES}; use a larger --every")
    except ValueError as err:
        raise CliError(str(err)) from None
    from nnviz.ui.recording import record

    install_qt_language(args)       # creates the (offscreen) QApplication
    started = time.perf_counter()
    with quiet_platform_notes():
        picture = make_picture(session, args, size)
        try:
            note = train_picture(picture, steps)
            trained = time.perf_counter()
            frames = record(picture, plan, out, fps=args.fps, scale=args.scale, hold=args.hold)
            w, h = picture.widget.width(), picture.widget.height()
        except ValueError as err:
            raise CliError(str(err)) from None
        except OSError as err:
            return fail(f"cannot write {out}: {err.strerror or err}")
        except RuntimeError as err:         # the encoder failed
            return fail(str(err))
        finally:
            picture.close()
    what = "one step" if args.run is None else f"{args.run} steps"
    print(f"wrote {out}: {what} of {describe(session)} from step {steps}, {frames} frames of "
          f"{round(w * args.scale)}×{round(h * args.scale)} px at {args.fps:g} fps{note} "
          f"(build and train {trained - started:.2f} s, record {time.perf_counter() - trained:.2f} s)")
    return 0


COMMAND = Command("record one step's forward/backward animation, or a training run, to GIF or MP4", _animate_arguments, _animate)
