"""Why a CSV file cannot be read: :class:`CsvError` and the templates of its messages.

Each message names the place: the 1-based row as a spreadsheet numbers it
(the header is row 1, blank lines count) and, where there is one, the column
name. The templates are translatable (see :mod:`nnviz.data.messages`); the
reader that raises them is :mod:`nnviz.data.csv_import`.
"""

from .messages import UserError, template


class CsvError(UserError):
    """A CSV file that cannot become a Dataset; the message says where and why (translatable, see messages)."""


def _m(text: str) -> tuple[str, str]:
    return template("CsvError", text)


NO_SUCH_FILE = _m("cannot read {path}: no such file")
A_FOLDER = _m("cannot read {path}: it is a folder, not a file")
PERMISSION = _m("cannot read {path}: permission denied")
CANNOT_READ = _m("cannot read {path}: {reason}")
LINE_TOO_LONG = _m("row {row}: longer than {size} MB; is this a CSV data file?")
NOT_UTF8 = _m("row {row}: byte {byte} is not UTF-8 text; save the file as UTF-8 CSV")
OPEN_QUOTE = _m("row {row}: a quote opened in this row is never closed (cells cannot hold line breaks)")
QUOTING = _m("row {row}: {problem}")
CELL_TOO_LONG = _m("row {row}: a cell is longer than a CSV data cell can be (is a closing quote missing?)")
STRAY_RETURN = _m("row {row}: a stray line-break character (carriage return) inside the row")
CELL_RUNS_ON = _m("row {row}: a quoted cell runs on to row {end}; cells cannot hold line breaks "
                  "(is a closing quote missing?)")
EMPTY_FILE = _m("the file is empty: it needs a header row and data rows")
TOO_MANY_COLUMNS = _m("row {row}: {count} columns; the limit is {limit}")
NO_NAME = _m("row {row}, column {index}: the column has no name")
NAME_TWICE = _m("row {row}: the column name {column} appears twice (columns {first} and {second})")
ONE_COLUMN = _m("row {row}: only one column ({column}); a data file needs at least one input column "
                "and a target column")
TOO_MANY_ROWS = _m("row {row}: more than {limit} data rows; the limit is {limit}")
NO_DATA_ROWS = _m("the file has a header row but no data rows after row {row}")
MISSING_CELL = _m("row {row}, column {column}: missing cell (the row has {cells} cells, "
                  "the header {columns} columns)")
EXTRA_CELL = _m("row {row}: {cells} cells but the header has {columns} columns "
                "(an extra cell after column {column})")
EMPTY_CELL = _m("row {row}, column {column}: empty cell")
NOT_A_NUMBER = _m("row {row}, column {column}: {value} is not a number")
NOT_FINITE = _m("row {row}, column {column}: {value} is not a finite number")
TOO_LARGE = _m("row {row}, column {column}: {value} is beyond ±{limit}, the largest magnitude nnviz accepts")
NO_COLUMN = _m("no column named {column}; the columns are: {columns}")
TOO_MANY_LABELS = _m("row {row}, column {column}: {value} is not a number, and {count} distinct values "
                     "are too many to be class labels (at most {limit})")
ONE_CLASS = _m("column {column} has a single class ({label}); classification needs at least two")
TOO_MANY_CLASSES = _m("column {column} has {count} distinct values; the limit is {limit} classes")
NOT_BINARY = _m("column {column} has {count} classes, not the 2 of a binary task")
NOT_MULTICLASS = _m("column {column} has 2 classes: that is a binary task, not multiclass")
