"""``nnviz render``: train, then draw one view (or the window) to PNG or SVG.

    nnviz render (--lesson ID | FILE.json) [--steps N] [--phase P] --view V --out FILE.png|.svg
    nnviz render (--lesson ID | FILE.json) [--steps N] --view loss --out FILE.csv    (the curves as data)
"""

from __future__ import annotations

import argparse
import time

from nnviz.cli.common import (
    check_output, CliError, Command, default_steps, describe, fail, make_picture, out_arguments,
    picture_arguments, picture_size, quiet_platform_notes, session_from, source_arguments,
    train_picture,
)
from nnviz.cli.curves import write_curves
from nnviz.cli.language import install_qt_language


def _render_arguments(parser: argparse.ArgumentParser) -> None:
    from nnviz.app.window_picture import VIEWS

    source_arguments(parser, "train this many steps first (default: the lesson's suggested steps; "
                              "0 for a file)")
    parser.add_argument("--view", choices=VIEWS, default="network", help="what to draw (default network)")
    parser.add_argument("--phase", metavar="P",
                        help="then step to this phase of the next step: forward:K, loss, backward:K or update")
    parser.add_argument("--layer", type=int, metavar="K",
                        help="with --view activations: the layer shown (1 = first hidden layer; default 1)")
    parser.add_argument("--neuron", metavar="K:J",
                        help="with --view neuron-graph: neuron J of layer K, counted from 1 (default 1:1)")
    parser.add_argument("--transparent", action="store_true", help="no background (PNG with alpha, SVG)")
    picture_arguments(parser, "depends on the view, e.g. 1280x720 for network")
    out_arguments(parser, ".png or .svg; .csv with --view loss writes the curves as data")


def _render(args) -> int:
    if args.out.lower().endswith(".csv"):
        return write_curves(args)
    out = check_output(args.out, args.force, ("png", "svg"))
    size = picture_size(args)
    session = session_from(args)
    steps = default_steps(args, session)
    from nnviz.ui.images import check_scale
    from nnviz.ui.picture_options import parse_neuron, parse_phase

    try:
        check_scale(args.scale)
        phase = parse_phase(args.phase, session.n_layers) if args.phase else None
        neuron = parse_neuron(args.neuron, session.network.sizes) if args.neuron else None
    except ValueError as err:
        raise CliError(str(err)) from None
    for option, value, view in (("--layer", args.layer, "activations"), ("--neuron", args.neuron, "neuron-graph")):
        if value is not None and args.view != view:
            raise CliError(f"{option} goes with --view {view}, not --view {args.view}")
    if args.layer is not None and not 1 <= args.layer <= session.n_layers:
        raise CliError(f"--layer {args.layer}: this network has layers 1 to {session.n_layers}")
    install_qt_language(args)       # creates the (offscreen) QApplication
    started = time.perf_counter()
    with quiet_platform_notes():
        picture = make_picture(session, args, size)
        try:
            note = train_picture(picture, steps)
            if phase is not None:
                picture.go_to_phase(*phase)
            if args.layer is not None:
                picture.set_layer(args.layer)
            if neuron is not None:
                picture.set_neuron(*neuron)
            trained = time.perf_counter()
            w, h = picture.save(out, args.scale, args.transparent)
            label = session.phase.label()
        except ValueError as err:           # a size that no longer fits, a phase not reached
            raise CliError(str(err)) from None
        except OSError as err:
            return fail(f"cannot write {out}: {err.strerror or err}")
        finally:
            picture.close()
    unit = "px" if out.suffix.lower() == ".png" else "SVG"
    print(f"wrote {out}: {args.view} of {describe(session)} at step {session.step}, {label}, "
          f"{w}×{h} {unit}{note} (build and train {trained - started:.2f} s, draw and write "
          f"{time.perf_counter() - trained:.2f} s)")
    return 0


COMMAND = Command("train, then draw one view (or the window) to PNG or SVG", _render_arguments, _render)
