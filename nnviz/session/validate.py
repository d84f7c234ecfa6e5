"""Checks for what nnviz reads from outside, made before anything is built from it.

An experiment file is checked field by field: each value's type and range,
and its consistency with the rest of the document — the training state
against the config and the network built from it, the stored batch order
against the training-set size, array shapes against the network, metrics
lengths against the step count. A refusal is one
:class:`~nnviz.session.file_errors.ExperimentFileError` (a ValueError) whose
message is one line naming the file and the field path as it is written in
the file::

    exp.json: config.hidden[1].size: must be a whole number from 1 to 4096, got 5000
    exp.json: state.order: 140 indices stored, the training set has 70 samples

The reason is an English template of the "ExperimentFile" context with named
fields (a :class:`~nnviz.data.messages.UserError`), so ``str(err)`` stays this
English line while the window shows the reason translated, the file name, the
field path and the values as they are.

Limits shared by the writer and the reader (a save checks them before it
replaces anything, so it never writes a file that load refuses):

- ``MAX_FILE_BYTES``: an experiment file holds at most 1 GiB. The metrics
  dominate a long run's file: a million steps of the deepest lesson net
  (9 layers, 61 numbers a step, stored as base64) take about 620 MB.
- ``MAX_NESTING``: lists and mappings in a config nest at most 8 deep (the
  deepest real field, ``config.csv.data.X.shape``, is 4 deep).
- ``MAX_STEPS``: a run has at most 10**9 steps.
- the network's size: ``nnviz.engine.spec.MAX_PARAMETERS``.
- numbers: weights, buffers and optimizer state are finite unless the file
  says the run diverged (``state.diverged``); data values within
  ``nnviz.data.dataset.MAX_ABS_VALUE``.
"""

import base64
import binascii
import math
import numbers
import re

import numpy as np

from .file_errors import (ARRAY_BYTES, ARRAY_CHARACTERS, ARRAY_DAMAGED, ARRAY_DTYPE, ARRAY_NOT_MAPPING, ARRAY_SHAPE,
                          ARRAY_TEXT_KIND, ARRAY_TOO_LARGE, ARRAY_WRONG_SHAPE, BUFFERS_LIST, FieldError,
                          METRICS_LENGTH, MISSING, MISSING_AMSGRAD, MISSING_WITH, NEGATIVE_SQUARES, NEGATIVE_VARIANCE,
                          NOT_BOOLEAN, NOT_FINITE, NOT_FRACTION, NOT_MAPPING, NOT_MAPPING_WITH, NOT_PCG64, NOT_WHOLE,
                          ONE_SAMPLE_LEFT, ORDER_INDICES, ORDER_LENGTH, OTHER_OPTIMIZER, TOO_DEEP, UNKNOWN_FIELD,
                          split_field)

MAX_FILE_BYTES = 2**30
MAX_NESTING = 8
MAX_STEPS = 10**9

STATE_FIELDS = ("step", "epoch", "pos", "order", "params", "buffers", "net_rng", "batch_rng", "optimizer",
                "metrics", "diverged")
OPTIONAL_STATE_FIELDS = ("diverged",)

# Optimizer state an optimizer of each kind can hold: moment vectors (one
# number per parameter) and plain numbers. Vectors in one group are created
# together on the first update, so either all or none of them are stored.
OPTIMIZER_VECTORS = {
    "sgd": [("momentum_buffer",)],
    "adagrad": [("sum",)],
    "rmsprop": [("square_avg",), ("grad_avg",), ("momentum_buffer",)],
    "adam": [("exp_avg", "exp_avg_sq"), ("max_exp_avg_sq",)],
    "adamw": [("exp_avg", "exp_avg_sq"), ("max_exp_avg_sq",)],
    "nadam": [("exp_avg", "exp_avg_sq", "mu_product")],
}
NON_NEGATIVE = frozenset({"sum", "square_avg", "exp_avg_sq", "max_exp_avg_sq"})
OPTIMIZER_NUMBERS = frozenset({"mu_product"})
_SPEC_FIELDS = {"input_size": "config.features", "layers": "config.hidden", "loss": "config.loss",
                "init": "config.init", "init_gain": "config.init_gain", "regularization.kind": "config.regularization",
                "regularization.rate": "config.reg_rate", "seed": "config.seed", "dtype": "config.dtype"}


def config_message_of_spec_error(message, n_hidden):
    """A network-spec error (``layers[2].size: ...``) retold with the config field a user sets.

    Spec layers are the config's hidden layers followed by the output layer,
    whose size and activation come from the data and ``output_activation``.
    """
    field, reason = split_field(message)
    match = re.fullmatch(r"layers\[(\d+)\](?:\.(\w+))?", field or "")
    if match and int(match.group(1)) < n_hidden:
        field = f"config.hidden[{match.group(1)}]" + (f".{match.group(2)}" if match.group(2) else "")
    elif match:
        field = "config.output_activation" if match.group(2) == "activation" else "config.dataset"
        reason = f"the output layer: {reason}"
    else:
        field = _SPEC_FIELDS.get(field, "config")
    return f"{field}: {reason}"


def check_nesting(value, field, limit=MAX_NESTING):
    """Refuse lists and mappings nested deeper than ``limit`` (walked without recursion)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        if depth >= limit:
            raise FieldError(field, TOO_DEEP, limit=limit)
        stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list, tuple)))


# --- plain values --------------------------------------------------------------------------------

def whole(value, field, low, high):
    """An int from low to high (not a bool, not a float such as 3.0 or infinity)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        raise FieldError(field, NOT_WHOLE, low=low, high=high, value=_short(value))
    return int(value)


def json_kind(value):
    """What a JSON value is, in the words of the format: null, true/false, a number, text, a list, a mapping."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, numbers.Real):
        return "a number"
    return {str: "text", list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _short(value, limit=40):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def mapping(value, field, required, optional=()):
    """Check that ``value`` is a mapping with the required keys and no others."""
    if not isinstance(value, dict):
        if required:
            raise FieldError(field, NOT_MAPPING_WITH, keys=", ".join(required), kind=json_kind(value))
        raise FieldError(field, NOT_MAPPING, kind=json_kind(value))
    for key in value:
        if key not in required and key not in optional:
            raise FieldError(f"{field}.{key}", UNKNOWN_FIELD, allowed=", ".join((*required, *optional)))
    for key in required:
        if key not in value:
            raise FieldError(f"{field}.{key}", MISSING)
    return value


# --- stored arrays -------------------------------------------------------------------------------

FLOAT_DTYPES = ("<f8", "<f4")
INT_DTYPES = ("<i8", "<i4", "<u8", "<u4")


def stored_array(obj, field, dtypes=FLOAT_DTYPES, shape=None, max_size=2**28):
    """Decode ``{"dtype", "shape", "base64"}`` (little-endian bytes) into a numpy array.

    Checks each part before decoding: the dtype is one of ``dtypes``, the
    shape is ``shape`` when given, and the text holds exactly the bytes the
    shape needs, so a damaged array is named, never misread.
    """
    if not isinstance(obj, dict) or set(obj) != {"dtype", "shape", "base64"}:
        raise FieldError(field, ARRAY_NOT_MAPPING, value=_short(obj))
    if obj["dtype"] not in dtypes:
        raise FieldError(field, ARRAY_DTYPE, dtype=_short(obj["dtype"]), dtypes=", ".join(dtypes))
    dims = obj["shape"]
    if (not isinstance(dims, list) or not 1 <= len(dims) <= 2
            or not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= max_size for d in dims)):
        raise FieldError(field, ARRAY_SHAPE, shape=_short(dims))
    if shape is not None and tuple(dims) != tuple(shape):
        raise FieldError(field, ARRAY_WRONG_SHAPE, shape=dims, needed=list(shape))
    size = math.prod(dims)
    if size > max_size:
        raise FieldError(field, ARRAY_TOO_LARGE, shape=dims, limit=max_size)
    dtype = np.dtype(obj["dtype"])
    text = obj["base64"]
    need = 4 * math.ceil(size * dtype.itemsize / 3)
    if not isinstance(text, str) or len(text) != need:
        if isinstance(text, str):
            raise FieldError(field, ARRAY_CHARACTERS, count=len(text), shape=dims, dtype=obj["dtype"], need=need)
        raise FieldError(field, ARRAY_TEXT_KIND, kind=json_kind(text), shape=dims, dtype=obj["dtype"], need=need)
    try:            # a character outside base64 is skipped, so the length check below catches it
        raw = base64.b64decode(text)         # (strict validation is ten times slower on long runs)
    except (binascii.Error, ValueError):
        raise FieldError(field, ARRAY_DAMAGED) from None
    if len(raw) != size * dtype.itemsize:
        raise FieldError(field, ARRAY_BYTES, count=len(raw), shape=dims, need=size * dtype.itemsize)
    return np.frombuffer(raw, dtype=dtype).reshape(dims).astype(dtype.newbyteorder("="))


def _finite(array, field, diverged):
    if not diverged and not np.isfinite(array).all():
        raise FieldError(field, NOT_FINITE)
    return array


# --- random generators ---------------------------------------------------------------------------

def rng_state(value, field):
    """A numpy PCG64 generator state as nnviz saves it, checked number by number."""
    mapping(value, field, ("bit_generator", "state", "has_uint32", "uinteger"))
    if value["bit_generator"] != "PCG64":
        raise FieldError(f"{field}.bit_generator", NOT_PCG64, value=_short(value["bit_generator"]))
    inner = mapping(value["state"], f"{field}.state", ("state", "inc"))
    whole(inner["state"], f"{field}.state.state", 0, 2**128 - 1)
    whole(inner["inc"], f"{field}.state.inc", 0, 2**128 - 1)
    whole(value["has_uint32"], f"{field}.has_uint32", 0, 1)
    whole(value["uinteger"], f"{field}.uinteger", 0, 2**32 - 1)
    generator = np.random.PCG64()
    generator.state = value
    return generator.state


# --- the training state --------------------------------------------------------------------------

def decode_state(state, session, field="state", with_metrics=True):
    """Check a stored training state against ``session`` (built from the same config) and decode it.

    ``with_metrics=False`` checks a state stored without its metrics (a
    history snapshot): the metrics field is then neither needed nor allowed.

    Returns a dict: step, epoch, pos, order, params, buffers, net_rng,
    batch_rng, opt_name, opt_t, opt_state, metrics (the stored mapping, checked)
    and diverged. Raises FieldError naming the first bad field.
    """
    required = tuple(f for f in STATE_FIELDS if f not in OPTIONAL_STATE_FIELDS and (with_metrics or f != "metrics"))
    mapping(state, field, required, OPTIONAL_STATE_FIELDS)
    net, config = session.network, session.config
    diverged = state.get("diverged", False)
    if not isinstance(diverged, bool):
        raise FieldError(f"{field}.diverged", NOT_BOOLEAN, value=_short(diverged))
    out = {"diverged": diverged}
    out["step"] = step = whole(state["step"], f"{field}.step", 0, MAX_STEPS)
    out["epoch"] = whole(state["epoch"], f"{field}.epoch", 0, step)
    out.update(_batch_position(state, session, field))
    out["params"] = _finite(stored_array(state["params"], f"{field}.params", shape=net.flat.shape),
                            f"{field}.params", diverged)
    out["buffers"] = _buffers(state["buffers"], net, f"{field}.buffers", diverged)
    out["net_rng"] = rng_state(state["net_rng"], f"{field}.net_rng")
    out["batch_rng"] = rng_state(state["batch_rng"], f"{field}.batch_rng")
    out["opt_name"], out["opt_t"], out["opt_state"] = _optimizer(
        state["optimizer"], config, net.flat.shape, step, f"{field}.optimizer", diverged)
    if with_metrics:
        out["metrics"] = _metrics(state["metrics"], session, step, f"{field}.metrics")
    return out


def _batch_position(state, session, field):
    n = len(session.prep.X_train)
    order = state["order"]
    if order is not None:
        order = stored_array(order, f"{field}.order", INT_DTYPES)
        if order.shape != (n,):
            raise FieldError(f"{field}.order", ORDER_LENGTH, count=order.size, n=n)
        if not np.array_equal(np.sort(order), np.arange(n)):
            raise FieldError(f"{field}.order", ORDER_INDICES, last=n - 1)
        order = order.astype(np.int64)
    pos = whole(state["pos"], f"{field}.pos", 0, n if order is not None else 0)
    if any(h["batch_norm"] for h in session.config["hidden"]) and n - pos == 1:
        raise FieldError(f"{field}.pos", ONE_SAMPLE_LEFT, pos=pos)
    return {"order": order, "pos": pos}


def _buffers(value, net, field, diverged):
    if not isinstance(value, list) or len(value) != len(net.buffers):
        raise FieldError(field, BUFFERS_LIST, count=len(net.buffers))
    out = []
    for i, (saved, live) in enumerate(zip(value, net.buffers)):
        mapping(saved, f"{field}[{i}]", tuple(live))
        layer = {}
        for key, array in live.items():
            name = f"{field}[{i}].{key}"
            layer[key] = _finite(stored_array(saved[key], name, shape=array.shape), name, diverged)
            if key == "running_var" and (layer[key] < 0).any():
                raise FieldError(name, NEGATIVE_VARIANCE)
        out.append(layer)
    return out


def _optimizer(value, config, shape, step, field, diverged):
    mapping(value, field, ("name", "t", "state"))
    name = value["name"]
    if name != config["optimizer"]:
        raise FieldError(f"{field}.name", OTHER_OPTIMIZER, name=_short(name), expected=repr(config["optimizer"]))
    t = whole(value["t"], f"{field}.t", 0, step)
    stored = value["state"]
    groups = OPTIMIZER_VECTORS[name]
    allowed = [key for group in groups for key in group]
    mapping(stored, f"{field}.state", (), allowed)
    for group in groups:
        present = [key for key in group if key in stored]
        if present and len(present) != len(group):
            missing = next(key for key in group if key not in stored)
            raise FieldError(f"{field}.state.{missing}", MISSING_WITH, present=", ".join(present))
    if config["optimizer_options"].get("amsgrad") and "exp_avg" in stored and "max_exp_avg_sq" not in stored:
        raise FieldError(f"{field}.state.max_exp_avg_sq", MISSING_AMSGRAD)
    out = {}
    for key, item in stored.items():
        name_ = f"{field}.state.{key}"
        if key in OPTIMIZER_NUMBERS:
            if isinstance(item, bool) or not isinstance(item, numbers.Real) or not 0 <= item < 1:
                raise FieldError(name_, NOT_FRACTION, value=_short(item))
            out[key] = float(item)
            continue
        array = _finite(stored_array(item, name_, shape=shape), name_, diverged)
        if key in NON_NEGATIVE and (array < 0).any():
            raise FieldError(name_, NEGATIVE_SQUARES)
        out[key] = array
    return name, t, out


def _metrics(value, session, step, field):
    """Check the stored series with the session's own Metrics reader, then their length against the step."""
    names = tuple(name for name in session.metrics.names() if name != "steps")
    mapping(value, field, (), names)
    scratch = type(session.metrics)(session.network.n_layers)
    try:
        scratch.load_state(value)
    except FieldError:
        raise
    except ValueError as err:
        name, reason = split_field(err)
        raise FieldError(name or field, reason) from None
    if len(scratch) != step:
        raise FieldError(field, METRICS_LENGTH, count=len(scratch), step=step)
    return value
