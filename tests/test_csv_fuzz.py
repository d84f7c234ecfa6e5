"""Any text as a CSV file: it loads whole, or it is refused with one line naming the row or the column."""

import re

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.data.csv_import import MAX_ABS_VALUE, CsvError, load_csv, preview_csv

NUMBERS = st.one_of(st.integers(-5, 5).map(str), st.floats(allow_nan=True, allow_infinity=True).map(repr),
                    st.sampled_from(["1e15", "1e16", "-1.7e308", "nan", "inf", "0x10", "1_000", "٣"]))
TEXTS = st.one_of(st.sampled_from(["a", "b", "cat", " dog ", "", "  "]),
                  st.text(alphabet='ab ,;\t"\'\\\x00é', max_size=6))
CELLS = st.one_of(NUMBERS, TEXTS, NUMBERS.map(lambda c: f'"{c}"'), TEXTS.map(lambda c: f'"{c}'))
ROW = st.lists(CELLS, min_size=0, max_size=5)
NAMES = st.lists(st.sampled_from(["x1", "x2", "y", "label", "", "x1 "]), min_size=1, max_size=5)


@st.composite
def csv_texts(draw):
    """Mostly well-formed files (so that many load), with damaged headers, rows, cells and characters."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    header = draw(st.one_of(st.just(["x1", "x2", "y"]), st.just(["x1", "x2", "y"]), NAMES))
    good_row = st.tuples(NUMBERS.filter(_usable), NUMBERS.filter(_usable), st.sampled_from(["0", "1", "a", "2.5"]))
    row = st.one_of(good_row.map(list), good_row.map(list), ROW)
    rows = [header] + draw(st.lists(row, min_size=1, max_size=12))
    text = newline.join(delimiter.join(row) for row in rows)
    if draw(st.booleans()):
        text += newline
    if draw(st.integers(0, 3)) == 0:          # a few raw characters anywhere
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(alphabet='"\n,;\r\x00\ufeff', max_size=3)) + text[at:]
    return text


def _usable(cell):
    try:
        return abs(float(cell)) <= MAX_ABS_VALUE
    except ValueError:
        return False


def _data_rows(text):
    """Non-blank lines after the header (the first non-blank line): how many rows a loaded file must have."""
    lines = [line for line in re.split(r"\r\n|\n|\r", text.removeprefix("\ufeff")) if line.strip(" \t,;")]
    return len(lines[1:])


def _assert_one_line_with_a_place(message):
    assert "\n" not in message and "\r" not in message
    assert re.search(r"row \d+|column '", message) or message.startswith(
        ("the file is empty", "the file has a header row but no data rows", "no column named '")), message


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(csv_texts(), st.sampled_from([None, "y", "x1"]), st.sampled_from([None, "regression", "classification"]))
def test_any_csv_loads_whole_or_is_refused_naming_the_place(tmp_path_factory, text, target, task):
    path = tmp_path_factory.mktemp("csv") / "data.csv"
    path.write_bytes(text.encode("utf-8"))
    try:
        ds = load_csv(path, target=target, task=task)
    except CsvError as err:
        _assert_one_line_with_a_place(str(err))
    else:
        assert len(ds) == _data_rows(text)                      # no row merged into another, none lost
        assert np.isfinite(ds.X).all() and np.abs(ds.X).max(initial=0) <= MAX_ABS_VALUE
        if ds.task == "regression":
            assert np.abs(ds.y).max(initial=0) <= MAX_ABS_VALUE
    try:
        header, rows = preview_csv(path, rows=5)
    except CsvError as err:
        _assert_one_line_with_a_place(str(err))
    else:
        assert len(rows) <= 5 and isinstance(header, list)
