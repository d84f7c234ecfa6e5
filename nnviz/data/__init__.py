"""Data for nnviz: synthetic and shipped data sets, CSV import, splits and batches.

Pure numpy and the standard library: nothing here imports Qt, so sessions and
tests use it without a display.

    ds = make_dataset("spiral", n=200, noise=0.1, seed=0)   # DATASETS lists the names
    train, test = split(ds, test_ratio=0.2, seed=0)
    scaler = Standardizer().fit(train.X)                    # fit on train only
    rng = np.random.default_rng(0)                           # the caller owns the generator
    for idx in minibatches(len(train), batch_size=10, rng=rng):
        ...  # scaler.transform(train.X[idx]), train.y[idx]

Every random choice comes from an explicit seed or generator, so runs replay.
"""

from .catalog import DATASETS, DatasetInfo, make_dataset
from .csv_import import CsvError, load_csv, preview_csv
from .dataset import TASKS, Dataset
from .features import FEATURES, expand_features
from .split import Standardizer, minibatches, split

__all__ = [
    "DATASETS", "DatasetInfo", "make_dataset",
    "CsvError", "load_csv", "preview_csv",
    "TASKS", "Dataset",
    "FEATURES", "expand_features",
    "Standardizer", "minibatches", "split",
]
