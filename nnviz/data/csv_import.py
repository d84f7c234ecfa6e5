"""Read a user's CSV file into a ``Dataset``, with errors a student can act on.

Every problem raises ``CsvError`` whose message names the place: the 1-based
row as a spreadsheet numbers it (the header is row 1, blank lines count) and,
where there is one, the column name, e.g.
``row 7, column 'x2': 'abc' is not a number``.

Format: UTF-8 text (a byte-order mark is fine), a header row of unique column
names, then one row per sample. The delimiter is a comma unless the header
has more semicolons or tabs than commas (spreadsheets in many locales save
with semicolons). Fully blank rows are skipped. Feature columns must hold
finite numbers within ±MAX_ABS_VALUE; the target column may hold numbers or
text labels.

Quoting is strict: a cell cannot hold a line break, so a quote left open is
refused at its row instead of swallowing the rows after it into one cell.
A line longer than MAX_LINE_BYTES is refused as soon as that much is read, so
even a preview of a damaged or enormous file returns (or refuses) at once.
"""

import contextlib
import csv
import itertools
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .csv_errors import (CsvError, A_FOLDER, CANNOT_READ, CELL_RUNS_ON, CELL_TOO_LONG, EMPTY_CELL, EMPTY_FILE,
                         EXTRA_CELL, LINE_TOO_LONG, MISSING_CELL, NAME_TWICE, NOT_A_NUMBER, NOT_BINARY, NOT_FINITE,
                         NOT_MULTICLASS, NOT_UTF8, NO_COLUMN, NO_DATA_ROWS, NO_NAME, NO_SUCH_FILE, ONE_CLASS,
                         ONE_COLUMN, OPEN_QUOTE, PERMISSION, QUOTING, STRAY_RETURN, TOO_LARGE, TOO_MANY_CLASSES,
                         TOO_MANY_COLUMNS, TOO_MANY_LABELS, TOO_MANY_ROWS)
from .dataset import MAX_ABS_VALUE, Dataset

MAX_INFERRED_CLASSES = 20
"""A target with at most this many distinct integers or texts is read as class labels."""

MAX_CLASSES = 100
"""More classes than this is refused even when classification is asked for."""

MAX_LINE_BYTES = 2**20
"""A row of more than 1 MiB is refused (1 000 columns of long numbers take about 25 KB)."""

FORCED_TASKS = ("regression", "classification", "binary", "multiclass")


@dataclass
class _Table:
    """The raw cells of a file: stripped header names, data rows, and each row's file row number."""

    header: list[str]
    rows: list[list[str]]
    row_numbers: list[int]


# --- reading records -------------------------------------------------------------------------

def _open(path):
    """Open ``path`` for binary reading, turning OS errors into one clear CsvError."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise CsvError(NO_SUCH_FILE, path=path) from None
    except IsADirectoryError:
        raise CsvError(A_FOLDER, path=path) from None
    except PermissionError:
        raise CsvError(PERMISSION, path=path) from None
    except OSError as e:
        raise CsvError(CANNOT_READ, path=path, reason=e.strerror or e) from None


class _BadLine(Exception):
    """Raised inside the line reader with the CsvError to raise (``args[0]``) outside the csv reader."""


def _decoded_lines(f):
    """Yield the lines of the binary file ``f`` as text, dropping a UTF-8 byte-order mark.

    Decoding line by line (not the whole file at once) keeps memory flat and
    lets a bad byte be reported with its row; no line is read beyond
    MAX_LINE_BYTES, however long it is in the file. Cells cannot hold line
    breaks, so every line must close the quotes it opens (an even number of
    '"', doubled quotes included): an odd count is a quote left open, which
    would otherwise swallow the rows after it into one cell.
    """
    for number in itertools.count(1):
        raw = f.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES:
            raise _BadLine(CsvError(LINE_TOO_LONG, row=number, size=MAX_LINE_BYTES // 2**20))
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            raise _BadLine(CsvError(NOT_UTF8, row=number, byte=f"0x{raw[e.start]:02x}")) from None
        if line.count('"') % 2:
            raise _BadLine(CsvError(OPEN_QUOTE, row=number))
        yield line.removeprefix("\ufeff") if number == 1 else line


def _delimiter(first_line: str) -> str:
    """',' unless the header line holds more ';' or tabs than commas."""
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] > counts[","] else ","


def _records(path):
    """Yield (row_number, cells) for every non-blank row of the file, header included."""
    with _open(path) as f:
        lines = _decoded_lines(f)
        try:
            first = next(lines, None)
        except _BadLine as e:
            raise e.args[0] from None
        except OSError as e:
            raise CsvError(CANNOT_READ, path=path, reason=e.strerror or e) from None
        if first is None:
            return
        reader = csv.reader(itertools.chain([first], lines),
                            delimiter=_delimiter(first), skipinitialspace=True)
        number = 0                      # rows are lines: a record may not run over several
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except _BadLine as e:
                raise e.args[0] from None
            except csv.Error as e:
                raise _quoting_problem(e, number + 1) from None
            except OSError as e:
                raise CsvError(CANNOT_READ, path=path, reason=e.strerror or e) from None
            if reader.line_num > number + 1:
                raise CsvError(CELL_RUNS_ON, row=number + 1, end=reader.line_num)
            number = reader.line_num
            if any(c.strip() for c in cells):
                yield number, cells


def _quoting_problem(error, row: int) -> CsvError:
    """The csv module's complaint at ``row`` in a student's words."""
    text = str(error)
    if "field larger than field limit" in text:
        return CsvError(CELL_TOO_LONG, row=row)
    if "new-line character seen in unquoted field" in text:
        return CsvError(STRAY_RETURN, row=row)
    return CsvError(QUOTING, row=row, problem=text)


def _first_record(records) -> tuple[int, list[str]]:
    """The header record: (row number, stripped names); CsvError if the file has no rows."""
    first = next(records, None)
    if first is None:
        raise CsvError(EMPTY_FILE)
    number, cells = first
    return number, [c.strip() for c in cells]


def _read_header(records, max_cols: int) -> tuple[int, list[str]]:
    """The header as a checked list of non-empty, unique column names."""
    number, header = _first_record(records)
    if len(header) > max_cols:
        raise CsvError(TOO_MANY_COLUMNS, row=number, count=len(header), limit=max_cols)
    for j, name in enumerate(header):
        if not name:
            raise CsvError(NO_NAME, row=number, index=j + 1)
        if name in header[:j]:
            raise CsvError(NAME_TWICE, row=number, column=repr(name), first=header.index(name) + 1, second=j + 1)
    return number, header


def _read_table(path, max_rows: int, max_cols: int) -> _Table:
    """Read and shape-check the whole file: header, then rows of exactly len(header) cells."""
    with contextlib.closing(_records(path)) as records:
        header_row, header = _read_header(records, max_cols)
        if len(header) < 2:
            raise CsvError(ONE_COLUMN, row=header_row, column=repr(header[0]))
        table = _Table(header, [], [])
        for number, cells in records:
            _check_width(number, cells, header)
            if len(table.rows) == max_rows:
                raise CsvError(TOO_MANY_ROWS, row=number, limit=max_rows)
            table.rows.append(cells)
            table.row_numbers.append(number)
    if not table.rows:
        raise CsvError(NO_DATA_ROWS, row=header_row)
    return table


def _check_width(number: int, cells: list[str], header: list[str]) -> None:
    if len(cells) < len(header):
        raise CsvError(MISSING_CELL, row=number, column=repr(header[len(cells)]), cells=len(cells),
                       columns=len(header))
    if len(cells) > len(header):
        raise CsvError(EXTRA_CELL, row=number, cells=len(cells), columns=len(header), column=repr(header[-1]))


# --- numbers and labels ----------------------------------------------------------------------

def _cell_problem(cell: str) -> tuple[tuple[str, str], dict] | None:
    """Why ``cell`` is not a usable number (a message and its fields beside row and column), or None."""
    text = cell.strip()
    if not text:
        return EMPTY_CELL, {}
    value = repr(_clip(text))
    try:
        number = float(text)
    except ValueError:
        return NOT_A_NUMBER, {"value": value}
    if not np.isfinite(number):
        return NOT_FINITE, {"value": value}
    if abs(number) > MAX_ABS_VALUE:
        return TOO_LARGE, {"value": value, "limit": f"{MAX_ABS_VALUE:g}"}
    return None


def _bad_cell(number: int, name: str, text: str) -> CsvError:
    message, fields = _cell_problem(text)
    return CsvError(message, row=number, column=repr(name), **fields)


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _raise_first_bad_cell(table: _Table, columns: list[int]) -> None:
    """Scan row by row and raise a CsvError for the first unusable cell among ``columns``."""
    for number, row in zip(table.row_numbers, table.rows):
        for j in columns:
            if _cell_problem(row[j]):
                raise _bad_cell(number, table.header[j], row[j])


def _column_floats(table: _Table, j: int) -> np.ndarray | None:
    """Column j as float64 (n,), or None if any cell is not a finite number."""
    try:
        cells = (row[j] for row in table.rows)
        values = np.fromiter(map(float, cells), np.float64, len(table.rows))
    except ValueError:
        return None
    return values if np.all(np.abs(values) <= MAX_ABS_VALUE) else None      # False for NaN too


def _features(table: _Table, columns: list[int]) -> np.ndarray:
    """The feature columns as a float64 (n, len(columns)) matrix; CsvError at the first bad cell."""
    X = np.empty((len(table.rows), len(columns)))
    for k, j in enumerate(columns):
        values = _column_floats(table, j)
        if values is None:
            _raise_first_bad_cell(table, columns)
        X[:, k] = values
    return X


def _target_index(header: list[str], target: str | None) -> int:
    if target is None:
        return len(header) - 1
    if target not in header:
        raise CsvError(NO_COLUMN, column=repr(target), columns=", ".join(header))
    return header.index(target)


def _class_name(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def _encode_classes(values: np.ndarray | None, texts: list[str]) -> tuple[np.ndarray, list[str]]:
    """Map labels to 0..k-1: numbers in numeric order, otherwise texts in sorted order."""
    if values is not None:
        distinct, y = np.unique(values, return_inverse=True)
        return y.astype(np.int64), [_class_name(v) for v in distinct]
    names = sorted(set(texts))
    index = {name: i for i, name in enumerate(names)}
    return np.fromiter((index[t] for t in texts), np.int64, len(texts)), names


def _infer_task(table: _Table, t: int, values, texts) -> str:
    """"classification" for few distinct integers or texts, else "regression"."""
    if values is not None:
        few = len(np.unique(values)) <= MAX_INFERRED_CLASSES
        return "classification" if few and np.all(values == np.round(values)) else "regression"
    n_distinct = len(set(texts))
    if n_distinct <= MAX_INFERRED_CLASSES:
        return "classification"
    number, text = next((r, s) for r, s in zip(table.row_numbers, texts) if _cell_problem(s))
    raise CsvError(TOO_MANY_LABELS, row=number, column=repr(table.header[t]), value=repr(text), count=n_distinct,
                   limit=MAX_INFERRED_CLASSES)


def _parses_to_non_finite(text: str) -> bool:
    """True for a number nnviz cannot use: NaN, infinite, or beyond ±MAX_ABS_VALUE."""
    try:
        return not abs(float(text)) <= MAX_ABS_VALUE
    except ValueError:
        return False


def _target(table: _Table, t: int, task: str | None) -> tuple[np.ndarray, str, list[str]]:
    """Parse the target column: (y, task, class_names)."""
    name = table.header[t]
    texts = [row[t].strip() for row in table.rows]
    values = _column_floats(table, t)
    if values is None:  # text labels, or a bad cell: find empty and nan/inf cells first
        for number, text in zip(table.row_numbers, texts):
            if not text or _parses_to_non_finite(text):
                raise _bad_cell(number, name, text)
    if task is None:
        task = _infer_task(table, t, values, texts)
    if task == "regression":
        if values is None:
            _raise_first_bad_cell(table, [t])
        return values, "regression", []
    y, class_names = _encode_classes(values, texts)
    return y, _classification_task(name, class_names, task), class_names


def _classification_task(name: str, class_names: list[str], task: str) -> str:
    """"binary" or "multiclass" from the class count, checked against the task asked for."""
    k = len(class_names)
    if k < 2:
        raise CsvError(ONE_CLASS, column=repr(name), label=repr(class_names[0]))
    if k > MAX_CLASSES:
        raise CsvError(TOO_MANY_CLASSES, column=repr(name), count=k, limit=MAX_CLASSES)
    if task == "binary" and k != 2:
        raise CsvError(NOT_BINARY, column=repr(name), count=k)
    if task == "multiclass" and k < 3:
        raise CsvError(NOT_MULTICLASS, column=repr(name))
    return "binary" if k == 2 else "multiclass"


# --- public ---------------------------------------------------------------------------------

def load_csv(path, target: str | None = None, task: str | None = None,
             max_rows: int = 100_000, max_cols: int = 1_000) -> Dataset:
    """Read the CSV file ``path`` into a Dataset; CsvError (a ValueError) says what and where.

    ``target``: name of the target column (default: the last column); every
    other column is a numeric feature. ``task``: None infers it — a target of
    integers or of texts with at most 20 distinct values is classification,
    anything else numeric is regression. "regression", "binary" (exactly 2
    classes), "multiclass" (3 or more) or "classification" (either) force it.
    Class labels map to 0..k-1 in numeric order for numbers, sorted order for
    texts; ``class_names`` keeps the originals. Files with more than
    ``max_rows`` data rows or ``max_cols`` columns are refused.
    """
    if task is not None and task not in FORCED_TASKS:
        raise ValueError(f"task must be None or one of {', '.join(FORCED_TASKS)}, not {task!r}")
    table = _read_table(path, max_rows, max_cols)
    t = _target_index(table.header, target)
    columns = [j for j in range(len(table.header)) if j != t]
    X = _features(table, columns)
    y, task, class_names = _target(table, t, task)
    return Dataset(
        X=X, y=y, task=task, n_classes=len(class_names),
        feature_names=[table.header[j] for j in columns], target_name=table.header[t],
        class_names=class_names, name=Path(path).stem,
    )


def preview_csv(path, rows: int = 10, max_cols: int = 1_000) -> tuple[list[str], list[list[str]]]:
    """The header and up to ``rows`` data rows, as text, for an import dialog.

    Header names are stripped; other cells are returned as they are (rows may
    be ragged, names may repeat, cells need not be numbers). Unreadable,
    empty or non-UTF-8 files, quoting errors, lines over MAX_LINE_BYTES and
    headers of more than ``max_cols`` columns raise CsvError as in load_csv.
    Only the lines shown are read, each at most MAX_LINE_BYTES, so a preview
    of any file returns at once.
    """
    if isinstance(rows, bool) or not isinstance(rows, int) or rows < 0:
        raise ValueError(f"rows must be a non-negative integer, not {rows!r}")
    with contextlib.closing(_records(path)) as records:
        number, header = _first_record(records)
        if len(header) > max_cols:
            raise CsvError(TOO_MANY_COLUMNS, row=number, count=len(header), limit=max_cols)
        return header, [cells[:max_cols + 1] for _, cells in itertools.islice(records, rows)]
