"""Imported data carried inside the experiment, so a file can be handed out alone.

A CSV is read once, when it is chosen; from then on the session's config
holds the data set itself under ``config["csv"]["data"]`` (arrays stored as
experiment files store them, with the column and class names), and the
file's ``path`` stays only as a note of where the data came from. Saving
writes the config, so the experiment file opens identically in another
folder or on another machine, with the CSV moved or deleted. Points drawn by
hand live in ``config["points"]`` already.

Layout of ``data``::

    {"X": <array (n, d) float64>, "y": <array (n,)>, "task": "binary",
     "n_classes": 2, "feature_names": [...], "target_name": "y",
     "class_names": [...], "name": "iris"}
"""

from __future__ import annotations

from nnviz.data import Dataset

from .files import decode_array, encode_array

FIELD = "config.csv.data"
_NAMES = ("task", "n_classes", "feature_names", "target_name", "class_names", "name")


def embed_dataset(dataset: Dataset) -> dict:
    """The JSON-ready form of ``dataset``, kept in the config."""
    return {"X": encode_array(dataset.X), "y": encode_array(dataset.y), "task": dataset.task,
            "n_classes": dataset.n_classes, "feature_names": list(dataset.feature_names),
            "target_name": dataset.target_name, "class_names": list(dataset.class_names),
            "name": dataset.name}


def dataset_from_embedded(data) -> Dataset:
    """The Dataset stored by :func:`embed_dataset`; ValueError names the bad field."""
    if not isinstance(data, dict):
        raise ValueError(f"{FIELD}: must be a mapping")
    missing = [k for k in ("X", "y", *_NAMES) if k not in data]
    if missing:
        raise ValueError(f"{FIELD}.{missing[0]}: missing")
    X, y = decode_array(data["X"], f"{FIELD}.X"), decode_array(data["y"], f"{FIELD}.y")
    try:
        return Dataset(X, y, **{k: data[k] for k in _NAMES})
    except (TypeError, ValueError) as err:
        raise ValueError(f"{FIELD}: {err}") from None


def with_embedded_csv(config: dict, dataset: Dataset) -> dict:
    """``config`` whose CSV data set carries ``dataset`` (the one just read from its file).

    Other configs, and CSV configs that already carry their data, come back unchanged.
    """
    csv = config.get("csv")
    if config["dataset"] != "csv" or not isinstance(csv, dict) or csv.get("data") is not None:
        return config
    return {**config, "csv": {**csv, "data": embed_dataset(dataset)}}
