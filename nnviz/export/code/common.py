"""What both code writers share: the session's facts read once, and exact literals.

Numbers are written with ``repr``, which round-trips float64 exactly; float32
values are exact in float64, so both dtypes load bit for bit. Data sets up to
``MAX_EMBEDDED_VALUES`` numbers are embedded so the scripts run as they are.
No framework is imported here: the output is text.
"""

import math
import textwrap

import numpy as np

MAX_EMBEDDED_VALUES = 200_000     # larger data sets are left for the reader to load
DEFAULT_STEPS = 1000              # training length when the session is not a lesson
LINE_WIDTH = 100

TORCH_FEATURES = {"x1": "x1", "x2": "x2", "x1^2": "x1 ** 2", "x2^2": "x2 ** 2", "x1*x2": "x1 * x2",
                  "sin(x1)": "torch.sin(x1)", "sin(x2)": "torch.sin(x2)"}
NUMPY_FEATURES = {**TORCH_FEATURES, "sin(x1)": "np.sin(x1)", "sin(x2)": "np.sin(x2)"}


# --------------------------------------------------------------------------- literals
def _num(x):
    """A Python literal for one number: repr round-trips float64 (and float32) exactly."""
    x = float(x)
    if math.isfinite(x):
        return repr(x)
    if math.isnan(x):
        return "math.nan"
    return "math.inf" if x > 0 else "-math.inf"


def _flat_list(items, indent):
    """Items (already literals) as a list, wrapped at LINE_WIDTH with continuation lines at ``indent + 4``."""
    one_line = "[" + ", ".join(items) + "]"
    if indent + len(one_line) <= LINE_WIDTH:
        return one_line
    pad = " " * (indent + 4)
    lines, line = [], ""
    for item in items:
        piece = item + ","
        if line and len(pad) + len(line) + 1 + len(piece) > LINE_WIDTH:
            lines.append(pad + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(pad + line)
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


def _array_literal(values, indent):
    """A 1-D or 2-D array as a nested list literal of exact numbers (ints stay ints)."""
    values = np.asarray(values)
    fmt = str if np.issubdtype(values.dtype, np.integer) else _num
    if values.ndim == 1:
        return _flat_list([fmt(v) for v in values.tolist()], indent)
    rows = [_flat_list([fmt(v) for v in row], indent + 4) for row in values.tolist()]
    one_line = "[" + ", ".join(rows) + "]"
    if "\n" not in one_line and indent + len(one_line) <= LINE_WIDTH:
        return one_line
    pad = " " * (indent + 4)
    if all("\n" not in r for r in rows) and max(map(len, rows), default=0) < 40:
        return _flat_list(rows, indent)          # short rows (2-D points): several per line
    return "[\n" + "".join(f"{pad}{r},\n" for r in rows) + " " * indent + "]"


def _wrap(text, indent=0):
    """Text as lines of at most LINE_WIDTH characters, each starting with ``indent`` spaces."""
    pad = " " * indent
    return textwrap.wrap(text, LINE_WIDTH, initial_indent=pad, subsequent_indent=pad,
                         break_long_words=False, break_on_hyphens=False)


def _comment_wrap(text, indent=0):
    """A comment wrapped at LINE_WIDTH: lines of ``# ...`` at ``indent``."""
    pad = " " * indent + "# "
    return textwrap.wrap(text, LINE_WIDTH, initial_indent=pad, subsequent_indent=pad,
                         break_long_words=False, break_on_hyphens=False)


def _call(prefix, func, args, suffix="", indent=0):
    """``prefix + func(args) + suffix`` on one line, or with the arguments packed on continuation lines."""
    pad = " " * indent
    one = f"{pad}{prefix}{func}({', '.join(args)}){suffix}"
    if len(one) <= LINE_WIDTH:
        return [one]
    inner = pad + "    "
    lines, line = [f"{pad}{prefix}{func}("], ""
    for k, arg in enumerate(args):
        piece = arg + ("," if k < len(args) - 1 else f"){suffix}")
        if line and len(inner) + len(line) + 1 + len(piece) > LINE_WIDTH:
            lines.append(inner + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(inner + line)
    return lines


def _comment_block(text, indent=0):
    return "\n".join(" " * indent + "# " + line if line else " " * indent + "#" for line in text.split("\n"))


# --------------------------------------------------------------------------- what the session holds
class _Setup:
    """The facts of a session both writers need, read once."""

    def __init__(self, session):
        net, prep, config = session.network, session.prep, session.config
        self.session, self.net, self.prep, self.config = session, net, prep, config
        self.layers = [dict(layer) for layer in net.layers]
        self.sizes = list(net.sizes)
        self.n_hidden = len(self.layers) - 1
        self.dtype = net.spec["dtype"]
        self.loss = net.spec["loss"]
        self.init, self.gain = net.spec["init"], float(net.spec["init_gain"])
        reg = net.spec["regularization"]
        self.reg_kind = reg["kind"] if reg["kind"] != "none" and reg["rate"] > 0 else "none"
        self.reg_rate = float(reg["rate"])
        self.optimizer = config["optimizer"]
        self.options = dict(config["optimizer_options"])
        self.lr = float(config["lr"])
        self.schedule = config["schedule"]
        self.schedule_options = dict(config["schedule_options"])
        self.clip = float(config["clip_norm"])
        self.batch_size = int(config["batch_size"])
        self.augment = float(config.get("augment", 0.0))
        self.seed = int(config["seed"])
        self.any_bn = any(layer["batch_norm"] for layer in self.layers)
        self.any_residual = any(layer["residual"] for layer in self.layers)
        self.task = prep.task
        self.n_outputs = prep.n_outputs
        self.features = prep.features            # None: the raw columns are the inputs
        self.input_scaler, self.target_scaler = prep.input_scaler, prep.target_scaler
        self.n_train, self.n_test = len(prep.train.y), len(prep.test.y)
        raw_dims = prep.dataset.X.shape[1]
        values = (self.n_train + self.n_test) * (raw_dims + 1)
        self.embed_data = values <= MAX_EMBEDDED_VALUES
        steps = session.lesson.steps if getattr(session, "lesson", None) is not None else DEFAULT_STEPS
        batches = max(1, math.ceil(self.n_train / self.batch_size))
        self.epochs = max(1, math.ceil(steps / batches))
        self.step = session.step

    def name(self, i):
        return "output" if i == self.n_hidden else f"hidden{i + 1}"

    def title(self):
        lesson = getattr(self.session, "lesson", None)
        return f" (lesson {lesson.id}: {lesson.title})" if lesson is not None else ""

    def data_text(self):
        c, ds = self.config, self.prep.dataset
        if c["dataset"] == "custom":
            source = f"{len(ds.y)} points placed by hand"
        elif c["dataset"] == "csv":
            source = f"CSV file {c['csv']['path']}"
        elif c["dataset"] in ("digits", "iris"):
            source = f"the {c['dataset']} data set ({len(ds.y)} samples)"
        else:
            source = f"the {c['dataset']} data set ({c['n_samples']} points, noise {c['noise']:g}, seed {c['seed']})"
        text = (f"{source}, {self.task}; split with test ratio {c['test_ratio']:g} into "
                f"{self.n_train} training and {self.n_test} test samples")
        # The text goes into the script's docstring: no backslash escapes, no closing quotes.
        return text.replace("\\", "/").replace('"', "'")

    def arch_text(self):
        parts = [f"{self.sizes[0]} inputs"]
        for layer in self.layers:
            extras = [name for name, on in (("batch norm", layer["batch_norm"]),
                                             (f"dropout {layer['dropout']:g}", layer["dropout"] > 0),
                                             ("residual", layer["residual"])) if on]
            parts.append(f"{layer['size']} {layer['activation']}" + (f" ({', '.join(extras)})" if extras else ""))
        return " -> ".join(parts)

    def augment_text(self):
        """A sentence for the docstring when nnviz jittered the training points (the code does not)."""
        if not self.augment:
            return ""
        return (f" nnviz also trained on jittered copies of the training points (augment {self.augment:g}: each "
                "point moved by that times each input's spread, anew each epoch); this code trains on the "
                "points as they are.")

    def penalty_text(self):
        if self.reg_kind == "l2":
            return f"{self.reg_rate!r} * sum of W^2"
        if self.reg_kind == "l1":
            return f"{self.reg_rate!r} * sum of |W|"
        return "none"


def _option_literal(value):
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_num(v) for v in value) + ")"
    return _num(value)



def _data_section(s):
    """Embedded raw training and test data (or None placeholders when too large)."""
    prep = s.prep
    comment = "# " + "-" * 70 + " data"
    if not s.embed_data:
        return [comment, "", _comment_block(
            f"The data set ({s.n_train} training and {s.n_test} test samples) is too large to embed; "
            "load the raw\npoints (n, d) and labels (n,) here, split as in nnviz."),
            "TRAIN_POINTS = TRAIN_LABELS = TEST_POINTS = TEST_LABELS = None", "", ""]
    what = "class labels" if s.task != "regression" else "target values in their own units"
    return [comment, "",
            f"# Raw inputs and {what}, as nnviz split them (the same rows, in nnviz's order).",
            f"TRAIN_POINTS = {_array_literal(prep.train.X, 0)}",
            f"TRAIN_LABELS = {_array_literal(prep.train.y, 0)}",
            f"TEST_POINTS = {_array_literal(prep.test.X, 0) if s.n_test else '[]'}",
            f"TEST_LABELS = {_array_literal(prep.test.y, 0) if s.n_test else '[]'}",
            "", ""]



def _drop_unused_math(code):
    """Remove ``import math`` when no embedded number needed math.nan or math.inf."""
    head, _, body = code.partition("import math\n")
    if "math." in body:
        return code
    if head.endswith("\n\n") and body.startswith("\n"):
        body = body[1:]                     # the standard-library group is empty now
    return head + body
