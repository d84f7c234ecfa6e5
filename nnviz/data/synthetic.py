"""Synthetic data sets in the style of TensorFlow Playground.

Each generator has the signature ``make(n, noise, rng) -> (X, y)`` with
``X`` float64 (n, d) and ``y`` int64 class indices (classification) or float64
targets (regression), both of length n.

Scale. The 2-D sets fill roughly the disc of radius 5 around the origin, on
the same plane as TensorFlow Playground (the window shows [-6, 6]²), so the
``sin(x1)`` input feature sees about two periods across the data.

Noise (a fraction, 0.0..0.5 in the window, like the Playground's 0..50 %):

- 2-D classification: Gaussian jitter added to both coordinates with
  std = ``noise * JITTER``. Labels stay those of the clean shape, so the
  classes overlap more as noise grows.
- regression: Gaussian noise added to the target, std = ``noise`` times the
  target's scale (1 for plane, multigauss and sine; 100 thousand for housing).
  Inputs stay clean.

The random draws for the noise are made whether or not noise is 0, always
after the clean points: with a fixed seed, moving the noise slider moves the
same points further from the same clean positions instead of drawing a new
data set.
"""

import numpy as np

JITTER = 3.0
"""Std of the 2-D jitter at noise 1.0, in data units (the data radius is about 5)."""

HOUSING_SCATTER = 25.0
"""Price scatter (thousands) that housing has even at noise 0, as real prices do."""

HOUSING_NOISE_SCALE = 100.0
"""Extra price std (thousands) per unit of noise for housing."""


def class_sizes(n: int, k: int) -> list[int]:
    """Split n samples into k class sizes as equal as possible (earlier classes get the extra)."""
    return [n // k + (c < n % k) for c in range(k)]


def _labels(sizes: list[int]) -> np.ndarray:
    """int64 labels: ``sizes[0]`` zeros, then ``sizes[1]`` ones, and so on."""
    return np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)


def _polar(r: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Points (len(r), 2) at radius r and angle theta (radians)."""
    return np.column_stack([r * np.cos(theta), r * np.sin(theta)])


def _finish(X: np.ndarray, y: np.ndarray, noise: float, rng) -> tuple[np.ndarray, np.ndarray]:
    """Jitter the clean points X (n, 2), then shuffle rows so classes are interleaved."""
    X = X + noise * JITTER * rng.standard_normal(X.shape)
    order = rng.permutation(len(y))
    return X[order], y[order]


# --- 2-D classification --------------------------------------------------------------------

def circle(n, noise, rng):
    """Class 1 fills a disc of radius 2.5, class 0 a ring from radius 3.5 to 5."""
    n0, n1 = class_sizes(n, 2)
    r_ring = rng.uniform(3.5, 5.0, n0)
    r_disc = 2.5 * np.sqrt(rng.uniform(0.0, 1.0, n1))  # sqrt: even density over the disc
    theta = rng.uniform(0.0, 2 * np.pi, n)
    X = _polar(np.concatenate([r_ring, r_disc]), theta)
    return _finish(X, _labels([n0, n1]), noise, rng)


def xor(n, noise, rng):
    """Class 1 in the quadrants where x1 and x2 share a sign, class 0 in the other two.

    Points keep a margin of 0.3 from the axes so that at noise 0 the classes
    are cleanly separated.
    """
    sizes = class_sizes(n, 2)
    y = _labels(sizes)
    magnitude = rng.uniform(0.3, 5.0, (n, 2))
    sign = rng.choice([-1.0, 1.0], n)
    same = np.where(y == 1, 1.0, -1.0)  # class 1: x2 has the sign of x1
    X = magnitude * np.column_stack([sign, sign * same])
    return _finish(X, y, noise, rng)


def gaussian(n, noise, rng):
    """Two round Gaussian clusters (std 1): class 1 around (2, 2), class 0 around (-2, -2)."""
    sizes = class_sizes(n, 2)
    y = _labels(sizes)
    centers = np.array([[-2.0, -2.0], [2.0, 2.0]])
    X = centers[y] + rng.standard_normal((n, 2))
    return _finish(X, y, noise, rng)


def _spiral(n, noise, rng, arms):
    """``arms`` interleaved spiral arms of 1.75 turns from radius 0.5 to 5, one class per arm."""
    y = _labels(class_sizes(n, arms))
    t = rng.uniform(0.0, 1.0, n)
    theta = 1.75 * 2 * np.pi * t + 2 * np.pi * y / arms
    X = _polar(0.5 + 4.5 * t, theta)
    return _finish(X, y, noise, rng)


def spiral(n, noise, rng):
    """Two spiral arms, one per class: the classic hard case for a small net."""
    return _spiral(n, noise, rng, arms=2)


def spiral3(n, noise, rng):
    """Three spiral arms, three classes (needs a softmax output)."""
    return _spiral(n, noise, rng, arms=3)


def moons(n, noise, rng):
    """Two interleaving half circles (radius 3): class 0 arches up, class 1 below it arches down."""
    sizes = class_sizes(n, 2)
    y = _labels(sizes)
    theta = rng.uniform(0.0, np.pi, n)
    upper = np.column_stack([np.cos(theta), np.sin(theta)])
    lower = np.column_stack([1.0 - np.cos(theta), 0.5 - np.sin(theta)])
    unit = np.where((y == 0)[:, None], upper, lower)
    X = 3.0 * (unit - [0.5, 0.25])  # centre the pair on the origin
    return _finish(X, y, noise, rng)


def blobs3(n, noise, rng):
    """Three round Gaussian clusters (std 1) at radius 3, 120° apart: three classes."""
    y = _labels(class_sizes(n, 3))
    angles = np.deg2rad([90.0, 210.0, 330.0])
    centers = _polar(np.full(3, 3.0), angles)
    X = centers[y] + rng.standard_normal((n, 2))
    return _finish(X, y, noise, rng)


# --- regression ----------------------------------------------------------------------------

def plane(n, noise, rng):
    """y = (x1 + x2) / 10 over the square [-5, 5]²: a tilted plane from -1 to 1."""
    X = rng.uniform(-5.0, 5.0, (n, 2))
    y = (X[:, 0] + X[:, 1]) / 10.0
    return X, y + noise * rng.standard_normal(n)


# (x, y, sign) of each bump of the multigauss surface; all bumps have std 1.5.
_BUMPS = np.array([
    [-3.0, 3.0, 1.0], [1.0, 3.5, -1.0], [3.5, 0.5, 1.0],
    [-2.5, -1.5, -1.0], [0.5, -0.5, 1.0], [2.5, -3.5, -1.0], [-1.0, -4.0, 1.0],
])


def multigauss(n, noise, rng):
    """A landscape of seven Gaussian hills and valleys over [-5, 5]², clipped to [-1, 1]."""
    X = rng.uniform(-5.0, 5.0, (n, 2))
    d2 = ((X[:, None, :] - _BUMPS[None, :, :2]) ** 2).sum(axis=2)  # (n, bumps)
    y = np.clip((_BUMPS[:, 2] * np.exp(-d2 / (2 * 1.5**2))).sum(axis=1), -1.0, 1.0)
    return X, y + noise * rng.standard_normal(n)


def sine(n, noise, rng):
    """y = sin(x) for x in [-6, 6]: about two periods, one input."""
    X = rng.uniform(-6.0, 6.0, (n, 1))
    return X, np.sin(X[:, 0]) + noise * rng.standard_normal(n)


def housing(n, noise, rng):
    """House price (thousands) = 50 + 2.5 * size (m², 30..250), with scatter.

    The lecture's first regression example: a roughly linear cloud. Prices
    scatter with std 25 thousand even at noise 0; noise adds
    ``noise * 100`` thousand (the two combine as independent Gaussians).
    """
    X = rng.uniform(30.0, 250.0, (n, 1))
    std = np.hypot(HOUSING_SCATTER, noise * HOUSING_NOISE_SCALE)
    return X, 50.0 + 2.5 * X[:, 0] + std * rng.standard_normal(n)
