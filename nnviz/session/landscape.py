"""The loss landscape: the loss over a plane through the current weights, with the path that led there.

The plane is ``theta(alpha, beta) = theta_now + alpha * d1 + beta * d2`` in the
space of all parameters (the flat vector ``Network.flat``). Two choices of
directions, after Li et al., "Visualizing the Loss Landscape of Neural Nets"
(NeurIPS 2018):

- ``"random"``: two Gaussian directions, *filter-normalised*: for every
  weight matrix W (fan_in, fan_out), each column of the direction (one output
  neuron's incoming weights, the "filter") is scaled to the norm of the same
  column of W. A unit step along such a direction changes every neuron's
  weights by as much as they already are, so layers of different scale are
  compared fairly. A column of W that is all zero gets a zero direction.
  Biases, batch-norm gamma/beta and PReLU slopes get direction 0 (Li et al.
  leave them fixed too): the plane moves the weights only. ``span = 1`` covers
  ``alpha, beta`` in [-1, 1].
- ``"pca"``: the top two principal directions of the weight trajectory, the
  differences ``theta_t - theta_now`` over the kept steps, mean-centred as in
  PCA. Each direction is scaled so the path's largest coordinate along it is
  0.8: at ``span = 1`` the trajectory fills most of the grid. Biases and all
  other parameters take part. With fewer than three trajectory points (or a
  trajectory that does not span two directions) the random directions are used
  instead; ``Landscape.kind`` says which were used.

The path comes from the session's rewind history, which holds the parameters
at each kept step boundary: with the default limits (``history_steps``,
``history_mb``) every step, otherwise only the newest ones, and then the path
starts at the oldest kept step. Its points are the least-squares coordinates
of each trajectory point in the plane (exact in-plane for the current point,
which is the origin; earlier points are projected, as Li et al. do).

Evaluation mode throughout (no dropout, batch norm with its running
statistics), and the loss is the data loss plus the weight penalty, so the
centre of the grid equals ``Network.loss`` on the whole split (to rounding in
the network's dtype: exactly to 1e-10 in float64). Grid points are
evaluated in vectorised chunks: every layer is one batched matrix product over
a stack of weight matrices, one per grid point; the network itself is never
modified.
"""

from dataclasses import dataclass

import numpy as np

from nnviz.engine.activations import activate
from nnviz.engine.batchnorm import bn_forward
from nnviz.engine.losses import loss_and_grad
from nnviz.engine.penalty import penalty_value

CHUNK_VALUES = 2**18
"""Grid points per chunk are chosen so one layer's stacked activations hold about this many numbers."""
PCA_FILL = 0.8
"""The path's largest PCA coordinate at span 1."""


@dataclass
class Landscape:
    """The loss over a grid of the plane, and the trajectory's coordinates in it.

    alpha, beta: (resolution,) coordinates along the two directions.
    loss: (resolution, resolution); ``loss[i, j]`` is at ``(alpha[j], beta[i])``
        (rows along beta, as an image with beta upward). NaN/inf where the
        network overflows there.
    path: (points, 2) the trajectory's (alpha, beta), oldest first, the current
        weights last (always (0, 0)).
    path_steps: (points,) the step number of each path point.
    center_loss: the loss of the current weights on the split (engine's own ``Network.loss``).
    kind: "pca" or "random", the directions actually used.
    split: "train" or "test".
    directions: (2, P) the two directions in the flat parameter space.
    center: (P,) the current flat parameters.
    """

    alpha: np.ndarray
    beta: np.ndarray
    loss: np.ndarray
    path: np.ndarray
    path_steps: np.ndarray
    center_loss: float
    kind: str
    split: str
    directions: np.ndarray
    center: np.ndarray

    def project(self, flats):
        """(alpha, beta) coordinates of weight vectors (n, P) in this plane (least squares).

        Lets another run's trajectory be drawn on this surface (the side-by-side
        race of two optimizers started from the same weights), and lets a view
        extend the path live while training without recomputing the surface:
        ``land.project(trajectory(session)[1])`` costs one small solve, where a
        new 41 x 41 surface costs a few hundred forward passes' worth (see
        benchmarks/landscape.py). Points keep this landscape's centre, so the
        newest one moves away from the origin until the surface is recomputed.
        """
        flats = np.atleast_2d(np.asarray(flats, dtype=float))
        return _coordinates(self.directions, flats - self.center)


def trajectory(session):
    """(steps, flats): the kept step-boundary parameter vectors and the current one, oldest first."""
    done, history = session.step, session.history
    start = done if history.oldest is None else history.oldest
    steps = [s for s in range(start, done) if history.get(s) is not None]
    flats = [history.get(s).flat for s in steps] + [session.network.flat]
    return np.array(steps + [done]), np.array(flats, dtype=float)


def loss_landscape(session, directions="pca", span=1.0, resolution=41, split="train", seed=None, also=None):
    """The Landscape of a session's current weights (see the module docstring).

    directions: "pca" or "random"; span: half-width of the grid in direction
    units (> 0); resolution: grid points per axis (>= 2; odd puts a point on
    the centre); split: "train" or "test"; seed: for the random directions
    (default: the session's seed, so the same session gets the same plane);
    also: (n, P) more parameter vectors the PCA plane must fit as well, e.g.
    other runs' trajectories drawn on this surface (landscape_paths.py).
    """
    if directions not in ("pca", "random"):
        raise ValueError(f"loss landscape: directions must be 'pca' or 'random', not {directions!r}")
    if split not in ("train", "test"):
        raise ValueError(f"loss landscape: split must be 'train' or 'test', not {split!r}")
    if not (isinstance(span, (int, float)) and np.isfinite(span) and span > 0):
        raise ValueError(f"loss landscape: span must be a positive number, got {span!r}")
    if isinstance(resolution, bool) or not isinstance(resolution, (int, np.integer)) or resolution < 2:
        raise ValueError(f"loss landscape: resolution must be a whole number >= 2, got {resolution!r}")
    net, prep = session.network, session.prep
    net.sync_params()
    X, y = (prep.X_train, prep.y_train) if split == "train" else (prep.X_test, prep.y_test)
    if len(X) == 0:
        raise ValueError(f"loss landscape: the {split} split is empty")
    center = net.flat.astype(float)
    if not np.isfinite(center).all():
        raise ValueError("loss landscape: the weights are not finite (the run diverged); rewind first")
    steps, flats = trajectory(session)
    offsets = flats - center
    fitted = offsets if also is None else np.vstack([offsets, np.asarray(also, dtype=float) - center])
    kind, dirs = "pca", _pca_directions(fitted)
    if directions == "random" or dirs is None:
        seed = session.config["seed"] if seed is None else seed
        kind, dirs = "random", filter_normalized_directions(net, np.random.default_rng([seed, 3]))
    path = _coordinates(dirs, offsets)
    path[-1] = 0.0                                   # the current weights: exactly the origin
    alpha = np.linspace(-span, span, resolution)
    beta = np.linspace(-span, span, resolution)
    ga, gb = np.meshgrid(alpha, beta)
    grid = center + ga.reshape(-1, 1) * dirs[0] + gb.reshape(-1, 1) * dirs[1]
    loss = batched_losses(net, X, y, grid).reshape(resolution, resolution)
    return Landscape(alpha, beta, loss, path, steps, float(net.loss(X, y, training=False)), kind, split,
                     dirs, center)


def filter_normalized_directions(net, rng):
    """(2, P) random directions, each W column scaled to the norm of the same column of the weights.

    Every entry other than a weight (biases, gamma, beta, alpha) is 0.
    """
    dirs = np.zeros((2, net.flat.size))
    for i in range(net.n_layers):
        W = net.params[i]["W"]
        s = net.flat_slice(i, "W")
        norms = np.linalg.norm(W, axis=0)
        for d in dirs:
            r = rng.standard_normal(W.shape)
            r_norms = np.linalg.norm(r, axis=0)
            d[s] = (r * (norms / np.where(r_norms > 0, r_norms, 1.0))).ravel()
    return dirs


def _pca_directions(offsets):
    """Top two principal directions of trajectory offsets (n, P), scaled to the path; None if too few."""
    if len(offsets) < 3:
        return None
    centred = offsets - offsets.mean(axis=0)
    _, sv, vt = np.linalg.svd(centred, full_matrices=False)
    if len(sv) < 2 or sv[1] <= 1e-12 * max(sv[0], 1e-300):
        return None
    dirs = vt[:2].copy()
    extent = np.abs(offsets @ dirs.T).max(axis=0)
    if np.any(extent <= 0):
        return None
    return dirs * (extent / PCA_FILL)[:, None]


def _coordinates(dirs, offsets):
    """Least-squares (alpha, beta) of offsets (n, P) along the two directions (2, P)."""
    gram = dirs @ dirs.T
    return np.linalg.solve(gram, dirs @ offsets.T).T


def batched_losses(net, X, y, flats):
    """Loss (data + penalty, evaluation mode) of the network at each parameter vector in flats (K, P).

    The grid points are stacked on a leading axis: each layer is one batched
    matmul ``inp (k, n, fan_in) @ W (k, fan_in, fan_out)``; activations, batch
    norm (running statistics), switched-off neurons and residual adds follow
    the engine's forward rules, with the engine's own functions. The loss of
    each point uses the engine's loss function on that point's outputs.
    """
    n = len(X)
    widest = max(net.sizes)
    chunk = max(1, CHUNK_VALUES // (n * widest))
    flats = np.asarray(flats, dtype=net.dtype)
    out = np.empty(len(flats))
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for start in range(0, len(flats), chunk):
            out[start:start + chunk] = _chunk_losses(net, X, y, flats[start:start + chunk])
    return out


def _chunk_losses(net, X, y, flats):
    k = len(flats)
    reg = net.spec["regularization"]
    a = np.broadcast_to(X.astype(net.dtype), (k,) + X.shape)
    weights = []
    for i, layer in enumerate(net.layers):
        p = {key: flats[:, net.flat_slice(i, key)].reshape((k,) + (1,) * (value.ndim == 1) + value.shape)
             for key, value in net.params[i].items()}
        weights.append(p["W"])
        inp = a
        z = inp @ p["W"]
        if "b" in p:
            z += p["b"]
        u = bn_forward(z, p["gamma"], p["beta"], net.buffers[i], training=False)[1] if layer["batch_norm"] else z
        if layer["activation"] == "softmax":       # softmax runs along the last axis of a 2-D array
            act = activate("softmax", u.reshape(-1, u.shape[-1])).reshape(u.shape)
        else:
            act = activate(layer["activation"], u, p.get("alpha"))
        a = act if net.keep[i] is None else act * net.keep[i]
        if layer["residual"]:
            a = a + inp
    out_layer = net.layers[-1]
    losses = np.empty(k)
    for g in range(k):
        alpha = None if "alpha" not in net.params[-1] else flats[g, net.flat_slice(net.n_layers - 1, "alpha")]
        data = loss_and_grad(net.spec["loss"], u[g], act[g], y, out_layer["activation"], alpha)[0]
        losses[g] = data + penalty_value(reg["kind"], reg["rate"], [W[g] for W in weights])
    return losses
