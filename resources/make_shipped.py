"""Write the real data sets that nnviz ships: ``digits.csv`` and ``iris.csv``.

Run once from a source checkout, with scikit-learn installed only for this
script (the app itself never needs it)::

    python resources/make_shipped.py

Both files have a header row, the feature columns, then a ``label`` column.
Digits labels are the digits 0..9; iris labels are the species names. Source
and licence of each set are in ``DATASETS.md`` next to this script.
"""

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def write_csv(path, header, rows):
    """Write ``header`` and ``rows`` (lists of cells) as a UTF-8 CSV file with LF line ends."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def digits_rows(bunch):
    """Rows of 64 pixel intensities (integers 0..16, row by row) and the digit."""
    for pixels, digit in zip(bunch.data, bunch.target):
        yield [int(p) for p in pixels] + [int(digit)]


def iris_rows(bunch):
    """Rows of four measurements in cm (one decimal, as published) and the species name."""
    for values, cls in zip(bunch.data, bunch.target):
        yield [f"{v:g}" for v in values] + [str(bunch.target_names[cls])]


def main():
    from sklearn.datasets import load_digits, load_iris  # generation only, never at run time

    digits = load_digits()
    header = [f"pixel_{r}_{c}" for r in range(8) for c in range(8)] + ["label"]
    write_csv(HERE / "digits.csv", header, digits_rows(digits))

    iris = load_iris()
    header = ["sepal_length", "sepal_width", "petal_length", "petal_width", "label"]
    write_csv(HERE / "iris.csv", header, iris_rows(iris))


if __name__ == "__main__":
    main()
