"""CSV files that used to merge rows silently, freeze the preview or overflow the plots are refused by row."""

import base64
import io
import json

import numpy as np
import pytest

from nnviz.data import csv_import
from nnviz.data.csv_import import MAX_ABS_VALUE, MAX_LINE_BYTES, CsvError, load_csv, preview_csv
from nnviz.session import ExperimentFileError, Session


def _write(tmp_path, text, name="data.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_an_unterminated_quote_is_refused_at_its_row_not_merged(tmp_path):
    rows = [f"{i},{i % 3},{'a' if i % 2 else 'b'}" for i in range(30)]
    rows[5] = '5,2,"a'                          # file row 7: the quote is never closed
    path = _write(tmp_path, "x1,x2,y\n" + "\n".join(rows) + "\n")
    with pytest.raises(CsvError, match=r"^row 7: a quote opened in this row is never closed"):
        load_csv(path)
    with pytest.raises(CsvError, match=r"^row 7: "):
        preview_csv(path, rows=10)
    assert len(preview_csv(path, rows=4)[1]) == 4          # a preview above the bad row still shows


class _Counting(io.BufferedReader):
    """A file that counts the bytes it hands out."""

    given = 0

    def readline(self, size=-1):
        line = super().readline(size)
        _Counting.given += len(line)
        return line

    def __iter__(self):
        raise AssertionError("lines must be read with a size limit")


@pytest.fixture
def counted(monkeypatch):
    _Counting.given = 0
    monkeypatch.setattr(csv_import, "_open", lambda path: _Counting(io.FileIO(path, "rb")))
    return _Counting


def test_a_twenty_megabyte_header_is_refused_after_reading_one_megabyte(tmp_path, counted):
    path = _write(tmp_path, "a" * (20 * 2**20) + ",y\n1,2\n")
    with pytest.raises(CsvError, match=r"^row 1: longer than 1 MB"):
        preview_csv(path)
    assert counted.given <= MAX_LINE_BYTES + 1
    with pytest.raises(CsvError, match=r"^row 1: longer than 1 MB"):
        load_csv(path)


def test_a_million_column_header_is_refused(tmp_path, counted):
    path = _write(tmp_path, ",".join(f"c{j}" for j in range(1_000_000)) + "\n")
    with pytest.raises(CsvError, match=r"^row 1: longer than"):
        preview_csv(path)
    assert counted.given <= MAX_LINE_BYTES + 1
    path = _write(tmp_path, ",".join("c" * 1 + str(j % 10) for j in range(300_000)) + "\n", name="wide.csv")
    with pytest.raises(CsvError, match=r"^row 1: 300000 columns; the limit is 1000"):
        preview_csv(path)


@pytest.mark.parametrize("cell", ["1.7e308", "-2e15", "1e16", "inf", "-nan"])
def test_absurd_magnitudes_are_refused_naming_the_cell(tmp_path, cell):
    path = _write(tmp_path, f"x1,x2,y\n1,2,0\n3,{cell},1\n4,5,0\n")
    with pytest.raises(CsvError, match=rf"^row 3, column 'x2': '{cell}' is (beyond|not a finite)"):
        load_csv(path)


def test_absurd_regression_targets_are_refused_naming_the_cell(tmp_path):
    path = _write(tmp_path, "x,price\n" + "".join(f"{i},{i * 1.5}\n" for i in range(30)) + "7,1e300\n")
    with pytest.raises(CsvError, match=r"^row 32, column 'price': '1e300' is beyond"):
        load_csv(path)


def test_values_up_to_the_limit_load(tmp_path):
    ds = load_csv(_write(tmp_path, f"x1,x2,y\n1,{MAX_ABS_VALUE:g},0\n3,-4,1\n"))
    np.testing.assert_array_equal(ds.X[:, 1], [MAX_ABS_VALUE, -4])


def test_data_carried_in_an_experiment_holds_the_same_limit(tmp_path):
    path = _write(tmp_path, "x1,x2,y\n" + "".join(f"{i},{i % 3},{i % 2}\n" for i in range(20)))
    s = Session({"dataset": "csv", "csv": {"path": str(path)}})
    s.save(tmp_path / "exp.json", weights=False)
    doc = json.loads((tmp_path / "exp.json").read_text())
    X = np.array(s.prep.dataset.X)
    X[3, 1] = 1.7e308
    doc["config"]["csv"]["data"]["X"]["base64"] = base64.b64encode(X.tobytes()).decode()
    (tmp_path / "exp.json").write_text(json.dumps(doc))
    with pytest.raises(ExperimentFileError, match=r"^exp\.json: config\.csv\.data: .*within ±1e\+15"):
        Session.load(tmp_path / "exp.json")
