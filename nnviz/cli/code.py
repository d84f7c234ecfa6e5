"""``nnviz code``: the network and its training as PyTorch or Keras code.

    nnviz code (--lesson ID | FILE.json) [--steps N] --framework pytorch|keras [--out FILE.py]
"""

from __future__ import annotations

import argparse
import sys

from nnviz.cli.common import check_output, CliError, Command, describe, fail, session_from, source_arguments


def _code_arguments(parser: argparse.ArgumentParser) -> None:
    from nnviz.export import FRAMEWORKS

    source_arguments(parser, "train this many steps first, so --weights writes trained weights (default 0)")
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
    session = session_from(args)
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
        return fail(f"cannot write {out}: {err.strerror or err}")
    print(f"wrote {out}: {args.framework} code for {describe(session)}, {len(text.splitlines())} lines")
    return 0


COMMAND = Command("print the network and its training as PyTorch or Keras code", _code_arguments, _code)
