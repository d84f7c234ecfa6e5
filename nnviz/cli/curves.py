"""``nnviz render --view loss --out curves.csv``: the training curves as data instead of a picture.

Trains like ``render`` (``--steps``, by default the lesson's suggested
number) and writes every per-step series with :mod:`nnviz.export.curves`;
no Qt is loaded. Options that only concern pictures are refused.
"""

from __future__ import annotations

import argparse

from nnviz.cli.common import CliError, check_output, default_steps, describe, fail, session_from
from nnviz.export.curves import write_curves_csv

PICTURE_ONLY = ("phase", "size", "transparent")


def write_curves(args: argparse.Namespace) -> int:
    if args.view != "loss":
        raise CliError(f"--out {args.out}: a .csv holds the loss view's curves; use --view loss")
    for option in PICTURE_ONLY:
        if getattr(args, option, None):
            raise CliError(f"--{option}: a .csv holds one row per whole step; leave --{option} out")
    out = check_output(args.out, args.force, ("csv",))
    session = session_from(args)
    steps = default_steps(args, session)
    done = session.run(steps) if steps else 0
    try:
        write_curves_csv(session.metrics, out)
    except OSError as err:
        return fail(f"cannot write {out}: {err.strerror or err}")
    note = "" if done == steps else f" (training {'diverged' if session.diverged else 'stopped early'} " \
                                     f"after {done} of {steps} steps)"
    print(f"wrote {out}: the curves of {describe(session)}, {len(session.metrics)} steps{note}")
    return 0
