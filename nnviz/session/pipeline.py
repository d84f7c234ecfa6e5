"""From a config to arrays the engine trains on: data set, split, features, scaling, targets.

The session keeps the raw data (the window plots it in its own units) and the
prepared arrays (what the network sees). ``inputs`` maps raw points to network
inputs, so the decision boundary is drawn over the raw input plane.
"""

from dataclasses import dataclass

import numpy as np

from nnviz.data import Dataset, Standardizer, expand_features, load_csv, make_dataset, split

from .embedded import dataset_from_embedded


@dataclass
class Prepared:
    """The data of one session. X_*: network inputs (n, n_inputs); y_*: engine targets."""

    dataset: Dataset
    train: Dataset
    test: Dataset
    features: list[str] | None       # None when the raw columns are the inputs
    input_scaler: Standardizer | None
    target_scaler: Standardizer | None
    loss: str
    output_activation: str
    n_outputs: int
    X_train: np.ndarray
    y_train: np.ndarray
    X_test: np.ndarray
    y_test: np.ndarray

    @property
    def task(self):
        return self.dataset.task

    @property
    def n_inputs(self):
        return self.X_train.shape[1]

    @property
    def input_names(self):
        return list(self.features) if self.features else list(self.dataset.feature_names)

    def inputs(self, X_raw):
        """Network inputs for raw points X_raw (n, d)."""
        X = np.asarray(X_raw, dtype=float)
        if self.features:
            X = expand_features(X, self.features)
        return self.input_scaler.transform(X) if self.input_scaler else X

    def targets(self, ds):
        """Engine targets for a Dataset's y: (n,1) floats for bce/mse, labels for cross_entropy."""
        if self.loss == "cross_entropy":
            return ds.y.astype(np.int64)
        if ds.task == "multiclass":                       # mse on one-hot targets
            return np.eye(self.n_outputs)[ds.y]
        y = ds.y.astype(float)[:, None]
        return self.target_scaler.transform(y) if self.target_scaler else y

    def outputs_to_units(self, out):
        """Network outputs back in the target's own units (regression) or as given."""
        return self.target_scaler.inverse_transform(out) if self.target_scaler else out


def load_dataset(config):
    """The raw Dataset a config names."""
    name = config["dataset"]
    if name == "custom":
        pts = np.array([p[:2] for p in config["points"]], dtype=float)
        labels = [p[2] for p in config["points"]]
        if all(float(v).is_integer() for v in labels):
            y = np.array(labels, dtype=np.int64)
            k = max(2, int(y.max()) + 1)
            task = "binary" if k == 2 else "multiclass"
            return Dataset(pts, y, task, n_classes=k, name="custom")
        return Dataset(pts, np.array(labels, dtype=float), "regression", name="custom")
    if name == "csv":
        csv = config["csv"]
        if csv.get("data") is not None:            # carried in the experiment; the path is a note
            return dataset_from_embedded(csv["data"])
        return load_csv(csv["path"], target=csv.get("target"), task=csv.get("task"))
    return make_dataset(name, n=config["n_samples"], noise=config["noise"], seed=config["seed"])


def _loss_and_output(task, config):
    loss, out = config["loss"], config["output_activation"]
    if loss == "auto":
        loss = {"binary": "bce", "multiclass": "cross_entropy", "regression": "mse"}[task]
    if task == "regression" and loss != "mse":
        raise ValueError(f"config.loss: a regression data set needs mse, not {loss!r}")
    if task == "binary" and loss == "cross_entropy":
        raise ValueError("config.loss: use bce (or mse) for two classes")
    if task == "multiclass" and loss == "bce":
        raise ValueError("config.loss: use cross_entropy (or mse) for more than two classes")
    if out == "auto":
        out = {"bce": "sigmoid", "cross_entropy": "softmax"}.get(loss) or (
            {"binary": "sigmoid", "multiclass": "softmax"}.get(task, "linear"))
    return loss, out


def prepare(config, dataset=None):
    """Build the Prepared data for a validated config (dataset: reuse an already loaded one)."""
    ds = dataset if dataset is not None else load_dataset(config)
    if len(ds) < 2:
        raise ValueError("config.dataset: needs at least 2 samples")
    train, test = split(ds, config["test_ratio"], config["seed"])
    features = list(config["features"]) if ds.n_inputs == 2 else None
    X_train = expand_features(train.X, features) if features else train.X
    scaler = Standardizer().fit(X_train) if config["standardize"] else None
    loss, out = _loss_and_output(ds.task, config)
    n_out = ds.n_classes if ds.task == "multiclass" else 1
    target_scaler = None
    if ds.task == "regression" and config["standardize"]:
        target_scaler = Standardizer().fit(train.y.astype(float)[:, None])
    prep = Prepared(ds, train, test, features, scaler, target_scaler, loss, out, n_out,
                    None, None, None, None)
    prep.X_train, prep.y_train = prep.inputs(train.X), prep.targets(train)
    prep.X_test, prep.y_test = prep.inputs(test.X), prep.targets(test)
    return prep


def network_spec(config, prep):
    """The engine spec for a config and its prepared data."""
    return {"input_size": prep.n_inputs,
            "layers": [dict(layer) for layer in config["hidden"]]
            + [{"size": prep.n_outputs, "activation": prep.output_activation}],
            "loss": prep.loss, "init": config["init"], "init_gain": config["init_gain"],
            "regularization": {"kind": config["regularization"], "rate": config["reg_rate"]},
            "seed": config["seed"], "dtype": config["dtype"]}
