"""Training curves as CSV: every per-step metric series, one row per step.

The columns are ``step`` (1 for the first step, as the window's plots count),
then each scalar series (train and test loss and accuracy, the mini-batch
loss, the learning rate, the global gradient norm) and each per-layer series
with one column per layer, ``grad_norm_layer1`` … (layer 1 is the first
hidden layer, the last is the output layer). Values are written with full
precision (Python's shortest round-trip form); NaN — a value not measured, or
a run that diverged — is an empty cell, and infinities are ``inf``/``-inf``,
which spreadsheets, pandas and numpy read back as such.

The metrics object is taken as the session gives it: ``names()`` lists the
series (``"steps"`` first) and ``metrics[name]`` is a (steps,) array, or a
(steps, layers) array for a per-layer series.
"""

from __future__ import annotations

import csv
import io
import math

import numpy as np

from nnviz.session.files import atomic_write_text


def _columns(metrics) -> list[tuple[str, np.ndarray]]:
    columns = [("step", np.arange(1, len(metrics) + 1))]
    for name in metrics.names():
        if name == "steps":
            continue
        values = np.asarray(metrics[name], dtype=float)
        if values.ndim == 2:
            columns += [(f"{name}_layer{k + 1}", values[:, k]) for k in range(values.shape[1])]
        else:
            columns.append((name, values))
    return columns


def _cell(value: float) -> str:
    if math.isnan(value):
        return ""
    return repr(float(value)) if math.isfinite(value) else ("inf" if value > 0 else "-inf")


def curves_csv(metrics) -> str:
    """The CSV text of every series in ``metrics`` (a header row, then one row per step)."""
    columns = _columns(metrics)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    steps = columns[0][1]
    data = [values.tolist() for _, values in columns[1:]]
    for i, step in enumerate(steps.tolist()):
        writer.writerow([step] + [_cell(values[i]) for values in data])
    return out.getvalue()


def write_curves_csv(metrics, path) -> None:
    """Write :func:`curves_csv` to ``path`` (UTF-8), whole or not at all."""
    atomic_write_text(path, curves_csv(metrics))
