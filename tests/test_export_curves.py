"""Curves as CSV: header, one row per step, every series exact, NaN empty, written whole."""

import csv
import math

import numpy as np
import pytest

from nnviz.export.curves import curves_csv, write_curves_csv
from nnviz.session import Session
from nnviz.session.metrics import PER_LAYER, SCALARS


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    return rows[0], rows[1:]


def number(cell):
    return math.nan if cell == "" else float(cell)


def test_every_series_round_trips_exactly(tmp_path):
    session = Session.from_lesson("xor")
    session.run(steps=25)
    path = tmp_path / "curves.csv"
    write_curves_csv(session.metrics, path)
    header, rows = read(path)
    layers = session.n_layers
    assert header == ["step", *SCALARS, *(f"{n}_layer{k}" for n in PER_LAYER for k in range(1, layers + 1))]
    assert len(rows) == 25 and all(len(r) == len(header) for r in rows)
    assert [int(r[0]) for r in rows] == list(range(1, 26))
    table = {name: np.array([number(r[j]) for r in rows]) for j, name in enumerate(header)}
    for name in SCALARS:
        np.testing.assert_array_equal(table[name], session.metrics[name])
    for name in PER_LAYER:
        for k in range(layers):
            np.testing.assert_array_equal(table[f"{name}_layer{k + 1}"], session.metrics[name][:, k])


def test_nan_is_an_empty_cell_and_infinity_is_written_out(tmp_path):
    session = Session.from_lesson("exploding-init")
    session.run(steps=12)
    assert session.diverged
    text = curves_csv(session.metrics)
    header, *rows = list(csv.reader(text.splitlines()))
    loss = header.index("train_loss")
    values = [r[loss] for r in rows]
    assert "" in values and "nan" not in text.lower()
    assert all(v == "" or math.isfinite(float(v)) or v in ("inf", "-inf") for v in values)

    class Fake:
        def __len__(self):
            return 2

        def names(self):
            return ("steps", "train_loss", "grad_norm")

        def __getitem__(self, name):
            return {"train_loss": np.array([math.inf, 0.1]),
                    "grad_norm": np.array([[1.0, -math.inf], [math.nan, 2.5]])}[name]

    assert curves_csv(Fake()) == ("step,train_loss,grad_norm_layer1,grad_norm_layer2\n"
                                  "1,inf,1.0,-inf\n2,0.1,,2.5\n")


def test_no_steps_gives_the_header_only():
    text = curves_csv(Session.from_lesson("xor").metrics)
    assert text.count("\n") == 1 and text.startswith("step,")


def test_writing_replaces_the_file_whole_or_not_at_all(tmp_path):
    session = Session.from_lesson("xor")
    session.run(steps=3)
    path = tmp_path / "curves.csv"
    path.write_text("old", encoding="utf-8")
    write_curves_csv(session.metrics, path)
    assert len(read(path)[1]) == 3
    with pytest.raises(OSError):
        write_curves_csv(session.metrics, tmp_path / "missing" / "curves.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.csv"]
