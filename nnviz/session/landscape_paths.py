"""Trajectories drawn on a loss landscape that was computed earlier, or for another run.

A :class:`~nnviz.session.landscape.Landscape` is expensive (a forward pass of
the whole split per grid point), so the window computes it now and then; in
between, training goes on and the path must keep growing. The plane stays
where it was (the same centre and directions); new weight vectors are only
projected onto it, which costs one small least-squares solve per point. The
same projection puts other runs on the surface of the first: the side-by-side
window's optimizer race, started from the same initial weights.

For several runs, :func:`shared_landscape` chooses the plane for all of
them: the principal directions of every run's trajectory together, centred
on the first run's current weights. A plane fitted to one run alone can cut
through another run's path and hide how far it stopped from the minimum (in
the momentum lesson, plain SGD's final loss is 8e-4 but the surface under its
projected end point reads 1.5e-5).

The projection is the landscape's own (:meth:`Landscape.project`); so a
session's path here equals ``landscape.path`` as long as no step has been
taken since the landscape was computed.
"""

from dataclasses import dataclass

import numpy as np

from .landscape import loss_landscape, trajectory


@dataclass
class PlanePath:
    """One run's trajectory in a landscape's plane.

    label: the run's name as the window shows it; steps: (n,) step numbers,
    oldest first; coords: (n, 2) their (alpha, beta), the run's current
    weights last (no longer the origin once the run has moved on).
    diverged: the run's weights are not finite any more: the path ends at its
    last finite point.
    """

    label: str
    steps: np.ndarray
    coords: np.ndarray
    diverged: bool = False


def path_in_plane(landscape, session, label=""):
    """The PlanePath of ``session``'s kept trajectory on ``landscape``'s plane.

    The runs must have the same parameter layout (same network shape) as the
    landscape's; a different shape is a ValueError naming both sizes.
    """
    steps, flats = trajectory(session)
    if flats.shape[1] != landscape.center.size:
        raise ValueError(f"landscape path: the run {label!r} has {flats.shape[1]} parameters, "
                         f"the landscape's plane {landscape.center.size}")
    finite = np.isfinite(flats).all(axis=1)
    coords = landscape.project(flats[finite]) if finite.any() else np.zeros((0, 2))
    return PlanePath(label, steps[finite], coords, diverged=not finite.all())


def run_paths(landscape, sessions, labels):
    """PlanePaths of several runs on one landscape (the first run's, as a rule), in the given order."""
    if len(sessions) != len(labels):
        raise ValueError(f"landscape paths: {len(sessions)} runs but {len(labels)} labels")
    return [path_in_plane(landscape, s, label) for s, label in zip(sessions, labels)]


def shared_landscape(sessions, labels, directions="pca", span=1.0, resolution=41, split="train"):
    """(Landscape, PlanePaths): one surface for several runs of one network shape, every run's path on it.

    The surface is centred on the first run's current weights; with "pca" its
    plane fits all runs' trajectories (the first run's alone when it is the
    only one, as ``Session.loss_landscape``). Diverged runs take part with
    their finite points.
    """
    if not sessions:
        raise ValueError("landscape paths: no runs given")
    if len(sessions) != len(labels):
        raise ValueError(f"landscape paths: {len(sessions)} runs but {len(labels)} labels")
    others = [trajectory(s)[1] for s in sessions[1:]]
    sizes = {flats.shape[1] for flats in others} | {sessions[0].network.flat.size}
    if len(sizes) > 1:
        raise ValueError(f"landscape paths: the runs have different numbers of parameters {sorted(sizes)}")
    also = np.vstack(others) if others else None
    if also is not None:
        also = also[np.isfinite(also).all(axis=1)]
    land = loss_landscape(sessions[0], directions, span, resolution, split, also=also)
    return land, run_paths(land, sessions, labels)
