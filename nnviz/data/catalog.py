"""The named data sets the window offers, and ``make_dataset`` to build one by name.

``DATASETS`` maps each name to a ``DatasetInfo`` the window can show before
anything is generated (task, input count, a tooltip, what noise does).
"""

from dataclasses import dataclass
from numbers import Integral, Real

import numpy as np

from . import shipped, synthetic
from .dataset import Dataset

MAX_POINTS = 100_000
"""Largest n for a synthetic set: beyond that the window would stall, not teach."""

_JITTER_HELP = f"noise: Gaussian jitter of both inputs, std = noise × {synthetic.JITTER:g}"
_TARGET_HELP = "noise: Gaussian noise on the target, std = noise × 1"


@dataclass(frozen=True)
class DatasetInfo:
    """What the window needs to know about a named data set before building it.

    ``n_classes`` is 0 for regression. ``default_n`` is the natural number of
    points (the file's size for shipped sets). ``noise_help`` says what the
    noise knob does, "" for shipped sets where it is ignored. ``shipped`` sets
    are real data read from a file: ``n``, ``noise`` and ``seed`` are ignored.
    """

    task: str
    n_inputs: int
    n_classes: int
    description: str
    default_n: int = 200
    noise_help: str = _JITTER_HELP
    shipped: bool = False


def _binary(description: str) -> DatasetInfo:
    return DatasetInfo("binary", 2, 2, description)


def _regression(n_inputs: int, description: str, noise_help: str = _TARGET_HELP) -> DatasetInfo:
    return DatasetInfo("regression", n_inputs, 0, description, noise_help=noise_help)


_HOUSING_HELP = (f"noise: extra Gaussian scatter of the price, std = noise × "
                 f"{synthetic.HOUSING_NOISE_SCALE:g} thousand (on top of the "
                 f"{synthetic.HOUSING_SCATTER:g} thousand always present)")

DATASETS: dict[str, DatasetInfo] = {
    "circle": _binary("A disc of one class inside a ring of the other: needs a curved boundary."),
    "xor": _binary("Opposite quadrants share a class: no single line separates them."),
    "gaussian": _binary("Two round Gaussian clusters: the easy, linearly separable case."),
    "spiral": _binary("Two interleaved spiral arms: hard, needs several layers or sin features."),
    "spiral3": DatasetInfo("multiclass", 2, 3,
                           "Three interleaved spiral arms, one class each: use a softmax output."),
    "moons": _binary("Two interleaving half moons: separable only by a curved boundary."),
    "blobs3": DatasetInfo("multiclass", 2, 3,
                          "Three Gaussian clusters, one class each: the simplest softmax example."),
    "plane": _regression(2, "y = (x1 + x2) / 10: a tilted plane a single linear neuron can fit."),
    "multigauss": _regression(2, "A surface of Gaussian hills and valleys: needs hidden units."),
    "sine": _regression(1, "y = sin(x) on [-6, 6]: a one-input curve to fit."),
    "housing": _regression(1, "House price (thousands) from size (30 to 250 m²): "
                              "the classic linear regression.", _HOUSING_HELP),
    "digits": DatasetInfo("multiclass", 64, 10,
                          "Handwritten digits as 8×8 images (1797 samples, UCI): 10 classes.",
                          default_n=1797, noise_help="", shipped=True),
    "iris": DatasetInfo("multiclass", 4, 3,
                        "Fisher's iris flowers: species from 4 measurements (150 samples).",
                        default_n=150, noise_help="", shipped=True),
}

_GENERATORS = {
    "circle": synthetic.circle, "xor": synthetic.xor, "gaussian": synthetic.gaussian,
    "spiral": synthetic.spiral, "spiral3": synthetic.spiral3, "moons": synthetic.moons,
    "blobs3": synthetic.blobs3, "plane": synthetic.plane, "multigauss": synthetic.multigauss,
    "sine": synthetic.sine, "housing": synthetic.housing,
}

# Display names of the synthetic sets whose inputs are not just x1, x2.
_FEATURE_NAMES = {"sine": ["x"], "housing": ["size"]}
_TARGET_NAMES = {"housing": "price"}


def make_dataset(name: str, n: int = 200, noise: float = 0.0, seed=0) -> Dataset:
    """Build the data set ``name`` (a key of DATASETS), reproducibly from ``seed``.

    Synthetic sets have ``n`` points (1..MAX_POINTS) with ``noise`` in 0..1
    (see ``DATASETS[name].noise_help``), drawn with
    ``np.random.default_rng(seed)``. Shipped sets ("digits", "iris") are the
    real data in file order: n, noise and seed are ignored.
    Raises ValueError for an unknown name or a bad n or noise.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}; choose one of: {', '.join(DATASETS)}")
    info = DATASETS[name]
    if info.shipped:
        return shipped.load(name)
    _check_size(n, noise)
    X, y = _GENERATORS[name](int(n), float(noise), np.random.default_rng(seed))
    return Dataset(
        X=X, y=y, task=info.task, n_classes=info.n_classes,
        feature_names=_FEATURE_NAMES.get(name, []),
        target_name=_TARGET_NAMES.get(name, "label" if info.n_classes else "y"), name=name,
    )


def _check_size(n, noise) -> None:
    if isinstance(n, bool) or not isinstance(n, Integral) or not 1 <= n <= MAX_POINTS:
        raise ValueError(f"n must be an integer from 1 to {MAX_POINTS}, not {n!r}")
    if isinstance(noise, bool) or not isinstance(noise, Real) or not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must be a number from 0.0 to 1.0 (0.3 means 30 %), not {noise!r}")
