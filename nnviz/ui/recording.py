"""Record a picture of a session as an animation: drive it by a plan, render a frame after each move.

The plan and the encoding are Qt-free (:mod:`nnviz.export.animation`); this
module only moves the picture (see :class:`nnviz.ui.render.Picture`) and
renders its frames.  ``progress(done, total)`` is called after every
rendered frame; returning False cancels: :class:`~nnviz.export.animation.Cancelled`
is raised and no file is left behind.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from nnviz.export.animation import Cancelled, Plan, check_recording, encode
from nnviz.ui.images import check_scale, render_image, to_rgb_array


def record(picture, plan: Plan, path: str | Path, fps: float = 10.0, scale: float = 1.0,
           hold: float = 1.0, progress: Callable[[int, int], bool | None] | None = None) -> int:
    """Drive ``picture``'s session by ``plan`` and write the frames to ``path`` (.gif or .mp4).

    Returns the number of frames written.  ValueError for a bad argument
    (checked before anything is drawn), :class:`Cancelled` when ``progress``
    returns False, RuntimeError when the encoder fails; no file is left
    behind in either case.
    """
    _, fps = check_recording(plan, path, fps, hold)
    check_scale(scale, picture.widget.size())
    return encode(frames(picture, plan, scale, progress), path, fps, hold)


def frames(picture, plan: Plan, scale: float = 1.0,
           progress: Callable[[int, int], bool | None] | None = None) -> Iterator[tuple[np.ndarray, int]]:
    """The frames of ``plan`` as (RGB array, frame times), moving ``picture`` as they are taken."""
    total = plan.frames
    done = 0

    def frame(ticks: int = 1) -> tuple[np.ndarray, int]:
        return to_rgb_array(render_image(picture.widget, scale)), ticks

    def count() -> None:
        nonlocal done
        done += 1
        if progress is not None and progress(done, total) is False:
            raise Cancelled("recording cancelled")

    picture.settle()
    yield frame()
    count()
    for k in range(plan.moves):
        before = picture.lit()
        if plan.kind == "step":
            picture.step_phase()
        else:
            picture.train(plan.every if k < plan.moves - 1 else plan.last)
        after = picture.lit()
        glide = plan.tween > 0 and before is not None and after is not None and before != after
        if glide:
            for i in range(1, plan.tween + 1):
                picture.place_band(before + (after - before) * i / (plan.tween + 1))
                yield frame()
                count()
            picture.place_band(None)
        yield frame(1 if glide else plan.tween + 1)
        count()
