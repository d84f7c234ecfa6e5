"""CSV import: good files, inference of the task, and every error naming its row and column."""

import numpy as np
import pytest

from nnviz.data import CsvError, csv_import, load_csv, preview_csv


def write(tmp_path, text, name="data.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def error_of(path, **kwargs) -> str:
    with pytest.raises(CsvError) as info:
        load_csv(path, **kwargs)
    return str(info.value)


# --- good files ----------------------------------------------------------------------------

def test_string_labels_become_sorted_classes(tmp_path):
    path = write(tmp_path, "x1,x2,kind\n1,2,dog\n3,4.5,cat\n-1,0,dog\n2,2,bird\n", name="pets.csv")
    ds = load_csv(path)
    assert ds.task == "multiclass" and ds.n_classes == 3
    assert ds.class_names == ["bird", "cat", "dog"]
    np.testing.assert_array_equal(ds.y, [2, 1, 2, 0])
    assert ds.y.dtype == np.int64 and ds.X.dtype == np.float64
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4.5], [-1, 0], [2, 2]])
    assert ds.feature_names == ["x1", "x2"] and ds.target_name == "kind" and ds.name == "pets"


def test_two_integer_labels_are_binary(tmp_path):
    ds = load_csv(write(tmp_path, "a,b,label\n0.5,1,1\n0.1,2,-1\n0.3,3,1\n"))
    assert ds.task == "binary" and ds.class_names == ["-1", "1"]
    np.testing.assert_array_equal(ds.y, [1, 0, 1])


def test_many_distinct_numbers_are_regression(tmp_path):
    rows = "".join(f"{i},{i * 1.5}\n" for i in range(30))
    ds = load_csv(write(tmp_path, "size,price\n" + rows))
    assert ds.task == "regression" and ds.n_classes == 0
    np.testing.assert_allclose(ds.y, np.arange(30) * 1.5)


def test_few_non_integer_numbers_are_regression(tmp_path):
    ds = load_csv(write(tmp_path, "x,y\n1,0.5\n2,1.5\n3,0.5\n"))
    assert ds.task == "regression"


def test_more_than_twenty_integers_are_regression(tmp_path):
    rows = "".join(f"{i},{i}\n" for i in range(21))
    assert load_csv(write(tmp_path, "x,y\n" + rows)).task == "regression"


def test_target_chosen_by_name(tmp_path):
    ds = load_csv(write(tmp_path, "label,x1,x2\na,1,2\nb,3,4\n"), target="label")
    assert ds.feature_names == ["x1", "x2"] and ds.class_names == ["a", "b"]
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4]])


def test_forced_tasks(tmp_path):
    path = write(tmp_path, "x,y\n1,0\n2,1\n3,2\n4,1\n")
    assert load_csv(path).task == "multiclass"
    ds = load_csv(path, task="regression")
    assert ds.task == "regression" and ds.y.dtype == np.float64
    assert load_csv(path, task="multiclass").n_classes == 3
    assert load_csv(path, task="classification").task == "multiclass"
    many = write(tmp_path, "x,y\n" + "".join(f"{i},{i * 0.5}\n" for i in range(30)), name="many.csv")
    ds = load_csv(many, task="classification")
    assert ds.n_classes == 30 and ds.class_names[:3] == ["0", "0.5", "1"]


def test_numeric_labels_sort_by_value_and_merge_spellings(tmp_path):
    ds = load_csv(write(tmp_path, "x,y\n1,10\n2,9\n3,10.0\n4,2\n"), task="multiclass")
    assert ds.class_names == ["2", "9", "10"]
    np.testing.assert_array_equal(ds.y, [2, 1, 2, 0])


def test_blank_lines_bom_crlf_spaces_and_quotes(tmp_path):
    text = '\ufeff x1 , "x2" ,y\r\n 1 , 2 ,a\r\n\r\n,,\r\n"3",4, b \r\n\r\n'
    ds = load_csv(write(tmp_path, text))
    assert ds.feature_names == ["x1", "x2"]
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4]])
    assert ds.class_names == ["a", "b"]


def test_semicolon_delimiter(tmp_path):
    ds = load_csv(write(tmp_path, "x1;x2;y\n1;2;0\n3;4;1\n"))
    np.testing.assert_array_equal(ds.X, [[1, 2], [3, 4]])


def test_limits_are_inclusive(tmp_path):
    path = write(tmp_path, "a,b,c\n1,2,0\n3,4,1\n")
    assert len(load_csv(path, max_rows=2, max_cols=3)) == 2


def test_large_file_loads(tmp_path):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100_000, 3))
    lines = [f"{a!r},{b!r},{c!r},{k}" for (a, b, c), k in zip(X.tolist(), rng.integers(0, 3, 100_000))]
    path = write(tmp_path, "a,b,c,label\n" + "\n".join(lines) + "\n")
    ds = load_csv(path)
    assert ds.X.shape == (100_000, 3) and ds.n_classes == 3
    np.testing.assert_array_equal(ds.X, X)


# --- errors: the file itself ---------------------------------------------------------------

def test_missing_file(tmp_path):
    message = error_of(tmp_path / "nope.csv")
    assert "nope.csv" in message and "no such file" in message


def test_folder_instead_of_file(tmp_path):
    assert "folder" in error_of(tmp_path)


@pytest.mark.parametrize("error, words", [
    (PermissionError(13, "Permission denied"), "permission denied"),
    (OSError(5, "Input/output error"), "Input/output error"),
])
def test_unreadable_file(tmp_path, monkeypatch, error, words):
    path = write(tmp_path, "x,y\n1,2\n")

    def refuse(*args, **kwargs):
        raise error

    monkeypatch.setattr(csv_import, "open", refuse, raising=False)
    message = error_of(path)
    assert str(path) in message and words in message


@pytest.mark.parametrize("text", ["", "\n\n", " \r\n"])
def test_empty_file(tmp_path, text):
    assert "empty" in error_of(write(tmp_path, text))


def test_header_only(tmp_path):
    assert "no data rows" in error_of(write(tmp_path, "x1,x2,y\n"))


def test_single_column(tmp_path):
    message = error_of(write(tmp_path, "x\n1\n2\n"))
    assert "row 1" in message and "'x'" in message


def test_not_utf8(tmp_path):
    path = write(tmp_path, "x,name\n1,a\n2,caf\xe9\n", encoding="latin-1")
    message = error_of(path)
    assert "row 3" in message and "UTF-8" in message and "0xe9" in message


def test_binary_file(tmp_path):
    path = write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe")
    assert "UTF-8" in error_of(path)


# --- errors: header ------------------------------------------------------------------------

def test_duplicate_column_names(tmp_path):
    message = error_of(write(tmp_path, "x,y,x,label\n1,2,3,0\n"))
    assert "row 1" in message and "'x'" in message and "columns 1 and 3" in message


def test_column_without_name(tmp_path):
    message = error_of(write(tmp_path, "x,,label\n1,2,0\n"))
    assert "row 1, column 2" in message and "no name" in message


def test_unknown_target_lists_the_columns(tmp_path):
    message = error_of(write(tmp_path, "x1,x2,y\n1,2,0\n"), target="label")
    assert "'label'" in message and "x1, x2, y" in message


def test_too_many_columns(tmp_path):
    message = error_of(write(tmp_path, "a,b,c,d\n1,2,3,4\n"), max_cols=3)
    assert "row 1" in message and "4 columns" in message and "limit is 3" in message


# --- errors: rows --------------------------------------------------------------------------

def test_too_many_rows(tmp_path):
    rows = "".join(f"{i},{i % 2}\n" for i in range(6))
    message = error_of(write(tmp_path, "x,y\n" + rows), max_rows=5)
    assert "row 7" in message and "limit is 5" in message


def test_short_row(tmp_path):
    message = error_of(write(tmp_path, "x1,x2,y\n1,2,0\n3,4,1\n5,6,0\n7\n"))
    assert "row 5, column 'x2'" in message and "missing" in message


def test_long_row(tmp_path):
    message = error_of(write(tmp_path, "x1,x2,y\n1,2,0\n3,4,1,9\n"))
    assert "row 3" in message and "'y'" in message and "4 cells" in message


def test_row_numbers_count_blank_lines(tmp_path):
    message = error_of(write(tmp_path, "x1,x2,y\n1,2,0\n\n3,abc,1\n"))
    assert message.startswith("row 4, column 'x2'")


def test_a_cell_cannot_run_over_lines(tmp_path):
    # A line break inside quotes would let one open quote swallow every row after it.
    message = error_of(write(tmp_path, 'x1,x2,y\n1,2,"two\nlines"\n3,oops,b\n'))
    assert message.startswith("row 2: a quote opened in this row is never closed")
    message = error_of(write(tmp_path, 'x1,x2,y\n1,2,a"b,"c\n3,4,"d"\n5,6,e\n', name="even.csv"))
    assert message.startswith("row 2: a quoted cell runs on to row 3")


@pytest.mark.parametrize("cell, words", [
    ("abc", "'abc' is not a number"),
    ("", "empty cell"),
    ("   ", "empty cell"),
    ("nan", "'nan' is not a finite number"),
    ("NaN", "'NaN' is not a finite number"),
    ("inf", "'inf' is not a finite number"),
    ("-Infinity", "'-Infinity' is not a finite number"),
    ("1,5", "'1,5' is not a number"),
])
def test_bad_feature_cell(tmp_path, cell, words):
    text = f'x1,x2,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n9,10,0\n11,"{cell}",1\n'
    message = error_of(write(tmp_path, text))
    assert message == f"row 7, column 'x2': {words}"


def test_first_bad_cell_in_row_order(tmp_path):
    # x2 is bad in row 3, x1 only in row 4: the earlier row is reported.
    message = error_of(write(tmp_path, "x1,x2,y\n1,2,0\n1,bad,1\nbad,2,0\n"))
    assert message.startswith("row 3, column 'x2'")


@pytest.mark.parametrize("cell, words", [("", "empty cell"), ("nan", "not a finite number"), ("inf", "finite")])
def test_bad_target_cell(tmp_path, cell, words):
    message = error_of(write(tmp_path, f"x,y\n1,0\n2,1\n3,{cell}\n4,1\n"))
    assert message.startswith("row 4, column 'y'") and words in message


def test_text_in_a_regression_target(tmp_path):
    rows = "".join(f"{i},{i * 1.5}\n" for i in range(10))
    path = write(tmp_path, "x,y\n" + rows + "10,abc\n")
    message = error_of(path, task="regression")
    assert message == "row 12, column 'y': 'abc' is not a number"


def test_too_many_text_labels(tmp_path):
    rows = "".join(f"{i},{i * 1.5}\n" for i in range(25))
    message = error_of(write(tmp_path, "x,y\n" + rows + "25,oops\n"))
    assert message.startswith("row 27, column 'y': 'oops' is not a number") and "26 distinct" in message


def test_a_single_class(tmp_path):
    message = error_of(write(tmp_path, "x,y\n1,cat\n2,cat\n"))
    assert "'y'" in message and "single class" in message and "'cat'" in message


def test_forced_binary_with_three_classes(tmp_path):
    message = error_of(write(tmp_path, "x,y\n1,a\n2,b\n3,c\n"), task="binary")
    assert "'y'" in message and "3 classes" in message


def test_forced_multiclass_with_two_classes(tmp_path):
    message = error_of(write(tmp_path, "x,y\n1,a\n2,b\n"), task="multiclass")
    assert "'y'" in message and "binary" in message


def test_too_many_classes_even_when_forced(tmp_path):
    rows = "".join(f"{i},{i}\n" for i in range(101))
    assert "limit is 100" in error_of(write(tmp_path, "x,y\n" + rows), task="classification")


def test_unknown_task_is_a_value_error(tmp_path):
    with pytest.raises(ValueError, match="task"):
        load_csv(write(tmp_path, "x,y\n1,2\n"), task="clustering")


def test_csv_error_is_a_value_error():
    assert issubclass(CsvError, ValueError)


# --- preview -------------------------------------------------------------------------------

def test_preview_returns_text_rows(tmp_path):
    path = write(tmp_path, "x1, x2 ,y\n1,2,a\n3,abc,b\n\n5\n6,7,c\n")
    header, rows = preview_csv(path, rows=3)
    assert header == ["x1", "x2", "y"]
    assert rows == [["1", "2", "a"], ["3", "abc", "b"], ["5"]]
    assert preview_csv(path, rows=0) == (header, [])
    assert len(preview_csv(path)[1]) == 4


def test_preview_header_only(tmp_path):
    assert preview_csv(write(tmp_path, "a,b\n")) == (["a", "b"], [])


def test_preview_errors(tmp_path):
    with pytest.raises(CsvError, match="no such file"):
        preview_csv(tmp_path / "missing.csv")
    with pytest.raises(CsvError, match="empty"):
        preview_csv(write(tmp_path, ""))
    with pytest.raises(CsvError, match="row 2.*UTF-8"):
        preview_csv(write(tmp_path, "a,b\n\xff,1\n", encoding="latin-1", name="bad.csv"))
    with pytest.raises(ValueError, match="rows"):
        preview_csv(write(tmp_path, "a,b\n1,2\n", name="ok.csv"), rows=-1)
