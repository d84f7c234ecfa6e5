"""The ``Dataset`` container: inputs, targets and the names the window shows.

A data set is two arrays plus labels for axes and legends:

- ``X``: float64, shape (n, d) — one row per sample, one column per input.
- ``y``: for classification int64 class indices 0..n_classes-1, shape (n,);
  for regression float64 targets, shape (n,).

Every constructor call validates, so a Dataset that exists is consistent:
code downstream (the engine, the plots) never has to re-check shapes or
labels. Empty data sets (n = 0) are valid; a split with no test rows is one.
"""

from dataclasses import dataclass, field
from numbers import Integral, Real

import numpy as np

TASKS = ("binary", "multiclass", "regression")
MAX_ABS_VALUE = 1e15
"""Inputs and regression targets lie within ±1e15: beyond, a square in a loss or a
variance overflows float64 or drowns every other value, and plots cannot draw the range."""


@dataclass(eq=False)  # arrays have no single truth value; compare fields explicitly
class Dataset:
    """Inputs ``X`` (n, d), targets ``y`` (n,), the task and display names.

    ``task`` is "binary" (exactly 2 classes), "multiclass" (3 or more) or
    "regression" (``n_classes`` 0, no ``class_names``). Names left empty get
    defaults: features "x1".."xd", classes "0".."k-1".
    """

    X: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int = 0
    feature_names: list[str] = field(default_factory=list)
    target_name: str = "y"
    class_names: list[str] = field(default_factory=list)
    name: str = ""

    def __post_init__(self):
        if self.task not in TASKS:
            raise ValueError(f"task must be one of {', '.join(TASKS)}, not {self.task!r}")
        self.X = _as_inputs(self.X)
        n, d = self.X.shape
        self.feature_names = _names(self.feature_names, d, "feature_names", lambda i: f"x{i + 1}")
        if self.is_classification:
            self._check_classes()
            self.y = _as_labels(self.y, n, self.n_classes)
        else:
            if self.n_classes != 0 or self.class_names:
                raise ValueError("a regression data set has n_classes 0 and no class_names")
            self.y = _as_targets(self.y, n)

    def _check_classes(self):
        k = self.n_classes
        if isinstance(k, bool) or not isinstance(k, Integral):
            raise ValueError(f"n_classes must be an integer, not {k!r}")
        if self.task == "binary" and k != 2:
            raise ValueError(f"a binary task has 2 classes, not {k}")
        if self.task == "multiclass" and k < 3:
            raise ValueError(f"a multiclass task has at least 3 classes, not {k}")
        self.n_classes = int(k)
        self.class_names = _names(self.class_names, self.n_classes, "class_names", str)

    @property
    def is_classification(self) -> bool:
        return self.task != "regression"

    @property
    def n_inputs(self) -> int:
        """d, the number of input columns."""
        return self.X.shape[1]

    def __len__(self) -> int:
        return self.X.shape[0]

    def copy(self) -> "Dataset":
        """A deep copy: arrays and name lists are not shared."""
        return self.subset(np.arange(len(self)))

    def subset(self, indices) -> "Dataset":
        """A new Dataset of the rows ``indices`` (int array, any order), same names."""
        indices = np.asarray(indices, dtype=np.int64)
        return Dataset(
            X=self.X[indices], y=self.y[indices], task=self.task, n_classes=self.n_classes,
            feature_names=list(self.feature_names), target_name=self.target_name,
            class_names=list(self.class_names), name=self.name,
        )

    def add_point(self, x, label) -> int:
        """Append one sample in place and return its index.

        ``x``: d finite numbers. ``label``: a class index 0..n_classes-1 for
        classification, a finite number for regression. Raises ValueError
        (nothing changes) when either is invalid.
        """
        point = _as_point(x, self.n_inputs)
        target = self._check_label(label)
        self.X = np.vstack([self.X, point])
        self.y = np.append(self.y, np.array([target], dtype=self.y.dtype))
        return len(self) - 1

    def _check_label(self, label):
        if self.is_classification:
            k = self.n_classes
            if isinstance(label, bool) or not isinstance(label, Integral) or not 0 <= label < k:
                raise ValueError(f"label must be a class index 0..{k - 1}, not {label!r}")
            return int(label)
        if isinstance(label, bool) or not isinstance(label, Real) or not np.isfinite(label):
            raise ValueError(f"label must be a finite number, not {label!r}")
        return float(label)

    def remove_point(self, index: int) -> None:
        """Delete row ``index`` (0 <= index < n) in place; IndexError otherwise."""
        if isinstance(index, bool) or not isinstance(index, Integral) or not 0 <= index < len(self):
            raise IndexError(f"no point {index!r} in a data set of {len(self)} points")
        self.X = np.delete(self.X, index, axis=0)
        self.y = np.delete(self.y, index)

    def nearest_point(self, x, radius: float) -> int | None:
        """Index of the row nearest to ``x`` (d numbers) within Euclidean ``radius``, else None.

        The window uses it to pick the point under the mouse; ties go to the
        lower index.
        """
        x = _as_point(x, self.n_inputs)
        if len(self) == 0:
            return None
        dist2 = np.sum((self.X - x) ** 2, axis=1)
        best = int(np.argmin(dist2))
        return best if dist2[best] <= radius * radius else None


def _as_point(x, d: int) -> np.ndarray:
    """``x`` as a float64 (d,) array of finite numbers; ValueError for anything else."""
    try:
        arr = np.asarray(x)
    except (TypeError, ValueError):
        arr = None
    numeric = arr is not None and arr.shape == (d,) and arr.dtype.kind in "iuf"
    if not numeric or not np.all(np.isfinite(arr)):
        raise ValueError(f"x must be {d} finite numbers, not {x!r}")
    return arr.astype(np.float64)


def _as_inputs(X) -> np.ndarray:
    """``X`` as a C-contiguous float64 (n, d) array of finite values, d >= 1."""
    X = np.array(X, dtype=np.float64, order="C")
    if X.ndim != 2 or X.shape[1] < 1:
        raise ValueError(f"X must have shape (n, d) with d >= 1, not {X.shape}")
    if not np.all(np.abs(X) <= MAX_ABS_VALUE):          # False for NaN and infinities too
        raise ValueError(f"X must contain only finite numbers within ±{MAX_ABS_VALUE:g}")
    return X


def _as_labels(y, n: int, n_classes: int) -> np.ndarray:
    """``y`` as int64 (n,) class indices in 0..n_classes-1."""
    y = np.asarray(y)
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), not {y.shape}")
    if y.size and (y.dtype.kind not in "iuf" or np.any(y != np.round(y))):
        raise ValueError("class labels must be integers")
    y = y.astype(np.int64)
    if y.size and (y.min() < 0 or y.max() >= n_classes):
        raise ValueError(f"class labels must lie in 0..{n_classes - 1}")
    return y


def _as_targets(y, n: int) -> np.ndarray:
    """``y`` as float64 (n,) finite regression targets."""
    y = np.array(y, dtype=np.float64)
    if y.shape != (n,):
        raise ValueError(f"y must have shape ({n},), not {y.shape}")
    if not np.all(np.abs(y) <= MAX_ABS_VALUE):
        raise ValueError(f"regression targets must be finite numbers within ±{MAX_ABS_VALUE:g}")
    return y


def _names(names, count: int, what: str, default) -> list[str]:
    """``names`` as a list of ``count`` strings; an empty list gets ``default(i)`` names."""
    names = [str(s) for s in names] if names else [default(i) for i in range(count)]
    if len(names) != count:
        raise ValueError(f"{what} needs {count} names, not {len(names)}")
    return names
