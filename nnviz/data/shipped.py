"""The real data sets shipped in ``resources/``: handwritten digits and iris.

They are plain CSV files read with ``load_csv`` (source and licence in
``resources/DATASETS.md``), so the app needs no scikit-learn. Each file is
parsed once per process; callers get a fresh copy they may modify.
"""

from functools import lru_cache

from nnviz.resources_path import resource_path

from .csv_import import load_csv
from .dataset import Dataset

# name -> (file, task, target display name)
_FILES = {
    "digits": ("digits.csv", "multiclass", "digit"),
    "iris": ("iris.csv", "multiclass", "species"),
}


@lru_cache(maxsize=None)
def _load_cached(name: str) -> Dataset:
    file, task, target_name = _FILES[name]
    ds = load_csv(resource_path(file), target="label", task=task)
    ds.name, ds.target_name = name, target_name
    return ds


def load(name: str) -> Dataset:
    """The shipped data set ``name`` ("digits" or "iris") in file order, as a new copy."""
    if name not in _FILES:
        raise ValueError(f"no shipped data set {name!r}; choose one of: {', '.join(_FILES)}")
    return _load_cached(name).copy()
