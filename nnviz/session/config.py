"""The experiment config: every knob of a session, its default and its check.

A config is a plain dict so it round-trips through JSON experiment files.
``validate_config`` fills defaults and raises ValueError naming the field
(``config.lr``, ``config.hidden[1].size``) with the allowed values. Knobs are
of two kinds: *structural* ones rebuild the data and network (the run starts
over at step 0); the others take effect at the next step and keep the weights.
"""

import copy
import math
import numbers

from nnviz.data import DATASETS, FEATURES
from nnviz.data.csv_import import MAX_ABS_VALUE, MAX_CLASSES
from nnviz.engine import HIDDEN_ACTIVATIONS, INITIALIZERS, OPTIMIZERS
from nnviz.engine.optimizers import OPTIMIZERS as _OPT_CLASSES
from nnviz.engine.spec import MAX_LAYER_SIZE

from .classroom import check_lock

from .validate import check_nesting

OUTPUT_ACTIVATIONS = ("auto", "linear", "sigmoid", "tanh", "softmax")
LOSS_CHOICES = ("auto", "mse", "bce", "cross_entropy")
SCHEDULES = ("constant", "step", "exponential")
REGULARIZERS = ("none", "l1", "l2")
DATA_SOURCES = tuple(DATASETS) + ("custom", "csv")
MAX_HIDDEN_LAYERS = 16
MAX_SAMPLES = 100_000

HEALTH_DEFAULTS = {
    # A layer's mean |delta| (dL/dz) and RMS |dL/dW| (norm / sqrt(size)) are
    # compared with the output layer's, so the label depends neither on the
    # loss scale nor on layer width. See health.py for the rules.
    "vanishing_ratio": 1e-2,     # both below 1/100 of the output layer's
    "vanishing_abs": 1e-7,       # or RMS |dL/dW| below this
    "exploding_ratio": 1e2,      # either above 100x the output layer's
    "exploding_abs": 10.0,       # or RMS |dL/dW| above this (healthy lessons stay below 3)
    "dead_share": 0.5,           # half or more of a ReLU layer's units never active on the training set
    "saturated_share": 0.5,      # half or more of sigmoid/tanh units saturated on >= 90% of samples
    "saturation_level": 0.99,    # |tanh| > 0.99, sigmoid < 0.01 or > 0.99 counts as saturated
}

DEFAULT_HIDDEN = {"size": 4, "activation": "tanh", "batch_norm": False, "dropout": 0.0, "residual": False}

DEFAULT_CONFIG = {
    "dataset": "xor",            # a name in nnviz.data.DATASETS, "custom" (points) or "csv"
    "n_samples": 200,
    "noise": 0.1,
    "test_ratio": 0.3,
    "features": ["x1", "x2"],    # input features for 2-D data sets
    "standardize": True,         # inputs (and regression targets) scaled with train statistics
    "points": None,              # "custom": list of [x1, x2, label]
    "csv": None,                 # "csv": {"path": str, "target": str or None, "task": str or None,
                                 #   "data": the data read from path, carried in the file (embedded.py)}
    "hidden": [dict(DEFAULT_HIDDEN), dict(DEFAULT_HIDDEN)],
    "output_activation": "auto",  # auto: sigmoid (binary), softmax (multiclass), linear (regression)
    "loss": "auto",              # auto: bce, cross_entropy or mse by task
    "init": "xavier_uniform",
    "init_gain": 1.0,
    "regularization": "none",
    "reg_rate": 0.0,
    "optimizer": "sgd",
    "lr": 0.03,
    "optimizer_options": {},     # torch-style options other than lr, e.g. {"momentum": 0.9}
    "batch_size": 10,            # 1 = stochastic, >= training-set size = full batch
    "schedule": "constant",
    "schedule_options": {"step_size": 100, "gamma": 0.5, "decay_steps": 100, "decay_rate": 0.96,
                         "staircase": False},
    "clip_norm": 0.0,            # gradient clipping by global norm; 0 = off
    "augment": 0.0,              # jitter training points each epoch by this x each input's spread; 0 = off
    "early_stopping": False,     # stop run() when the test loss has not improved for `patience` steps
    "patience": 200,
    "seed": 0,
    "dtype": "float64",
    "history_steps": 1000,       # steps kept for rewind
    "history_mb": 256,           # and at most this much memory
    "health": dict(HEALTH_DEFAULTS),
    "disabled_neurons": [],      # [layer, neuron] pairs switched off by hand (layers 1..L-1, neurons 0-based)
    "classroom": {"hidden_controls": [], "locked_knobs": []},
}

STRUCTURAL = frozenset({"dataset", "n_samples", "noise", "test_ratio", "features", "standardize", "points",
                        "csv", "output_activation", "loss", "init", "init_gain", "seed", "dtype"})
"""Knobs whose change rebuilds data and network. ``hidden`` is structural except
for dropout rates, which apply in place (see Session.configure)."""


def _fail(field, message):
    raise ValueError(f"config.{field}: {message}")


def _choice(field, value, allowed):
    if value not in allowed:
        _fail(field, f"{value!r} is not one of {', '.join(map(str, allowed))}")
    return value


def _int(field, value, low, high):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not low <= value <= high:
        _fail(field, f"must be a whole number from {low} to {high}, got {value!r}")
    return int(value)


def _real(field, value, low, high=math.inf, low_open=False):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        _fail(field, f"must be a finite number, got {value!r}")
    if value < low or value > high or (low_open and value == low):
        _fail(field, f"must be {'>' if low_open else '>='} {low}" + (f" and <= {high}" if high < math.inf else "")
              + f", got {value!r}")
    return float(value)


def _bool(field, value):
    if not isinstance(value, bool):
        _fail(field, f"must be true or false, got {value!r}")
    return value


def _check_hidden(hidden):
    if not isinstance(hidden, list) or len(hidden) > MAX_HIDDEN_LAYERS:
        _fail("hidden", f"must be a list of at most {MAX_HIDDEN_LAYERS} layers")
    out = []
    for i, layer in enumerate(hidden):
        field = f"hidden[{i}]"
        if not isinstance(layer, dict):
            _fail(field, "must be a mapping with 'size' and 'activation'")
        extra = sorted(set(layer) - set(DEFAULT_HIDDEN))
        if extra:
            _fail(f"{field}.{extra[0]}", f"unknown field; allowed: {', '.join(DEFAULT_HIDDEN)}")
        layer = {**DEFAULT_HIDDEN, **layer}
        layer["size"] = _int(f"{field}.size", layer["size"], 1, MAX_LAYER_SIZE)
        _choice(f"{field}.activation", layer["activation"], HIDDEN_ACTIVATIONS)
        _bool(f"{field}.batch_norm", layer["batch_norm"])
        layer["dropout"] = _real(f"{field}.dropout", layer["dropout"], 0.0, 0.95)
        _bool(f"{field}.residual", layer["residual"])
        out.append(layer)
    return out


def _check_points(points):
    if points is None:
        return None
    if not isinstance(points, list) or len(points) > MAX_SAMPLES:
        _fail("points", f"must be a list of at most {MAX_SAMPLES} [x1, x2, label] entries")
    for i, p in enumerate(points):
        if (not isinstance(p, (list, tuple)) or len(p) != 3
                or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) and math.isfinite(v) for v in p)):
            _fail(f"points[{i}]", f"must be [x1, x2, label] of finite numbers, got {p!r}")
        if any(abs(v) > MAX_ABS_VALUE for v in p):
            _fail(f"points[{i}]", f"values must lie within ±{MAX_ABS_VALUE:g}, got {p!r}")
    classes = all(float(p[2]).is_integer() for p in points)     # whole-number labels are classes (pipeline.py)
    for i, p in enumerate(points):
        if classes and not 0 <= p[2] < MAX_CLASSES:
            _fail(f"points[{i}]", f"label {p[2]!r} is not a class number from 0 to {MAX_CLASSES - 1}")
    return [list(map(float, p[:2])) + [p[2]] for p in points]


def _check_options(name, options):
    if not isinstance(options, dict):
        _fail("optimizer_options", "must be a mapping of option names to values")
    allowed = set(_OPT_CLASSES[name].defaults) - {"lr"}
    extra = sorted(set(options) - allowed)
    if extra:
        _fail(f"optimizer_options.{extra[0]}", f"not an option of {name}; allowed: {', '.join(sorted(allowed))}")
    out = dict(options)
    for key, value in options.items():
        default, field = _OPT_CLASSES[name].defaults[key], f"optimizer_options.{key}"
        if key == "betas":
            if (not isinstance(value, (list, tuple)) or len(value) != 2
                    or not all(isinstance(b, numbers.Real) and not isinstance(b, bool) and 0 <= b < 1 for b in value)):
                _fail(field, f"must be two numbers from 0 up to (not including) 1, e.g. [0.9, 0.999], got {value!r}")
            out[key] = tuple(float(b) for b in value)
        elif isinstance(default, bool):
            out[key] = _bool(field, value)
        else:
            out[key] = _real(field, value, 0.0, 1e6)
    if name == "sgd" and out.get("nesterov") and (out.get("momentum", 0.0) <= 0 or out.get("dampening", 0.0) != 0):
        _fail("optimizer_options.nesterov", "needs momentum > 0 and dampening 0")
    return out


def _check_schedule_options(options):
    defaults = DEFAULT_CONFIG["schedule_options"]
    if not isinstance(options, dict):
        _fail("schedule_options", "must be a mapping")
    extra = sorted(set(options) - set(defaults))
    if extra:
        _fail(f"schedule_options.{extra[0]}", f"unknown option; allowed: {', '.join(defaults)}")
    out = {**defaults, **options}
    out["step_size"] = _int("schedule_options.step_size", out["step_size"], 1, 10**9)
    out["decay_steps"] = _int("schedule_options.decay_steps", out["decay_steps"], 1, 10**9)
    out["gamma"] = _real("schedule_options.gamma", out["gamma"], 0.0, 1.0, low_open=True)
    out["decay_rate"] = _real("schedule_options.decay_rate", out["decay_rate"], 0.0, 1.0, low_open=True)
    _bool("schedule_options.staircase", out["staircase"])
    return out


def _check_health(health):
    if not isinstance(health, dict):
        _fail("health", "must be a mapping of thresholds")
    extra = sorted(set(health) - set(HEALTH_DEFAULTS))
    if extra:
        _fail(f"health.{extra[0]}", f"unknown threshold; allowed: {', '.join(HEALTH_DEFAULTS)}")
    out = {**HEALTH_DEFAULTS, **health}
    for key, value in out.items():
        out[key] = _real(f"health.{key}", value, 0.0, low_open=True)
    return out


def _check_classroom(classroom):
    if not isinstance(classroom, dict) or set(classroom) - {"hidden_controls", "locked_knobs", "lock"}:
        _fail("classroom", "must be a mapping with 'hidden_controls' and 'locked_knobs' lists (and a 'lock')")
    out = {"hidden_controls": classroom.get("hidden_controls", []), "locked_knobs": classroom.get("locked_knobs", [])}
    for key, names in out.items():
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            _fail(f"classroom.{key}", "must be a list of names")
    if classroom.get("lock") is not None:            # a salted password hash (classroom.py)
        out["lock"] = check_lock(classroom["lock"])
    return out


def validate_config(config):
    """Return a complete, validated deep copy of ``config`` (defaults filled in)."""
    if not isinstance(config, dict):
        raise ValueError("config: must be a mapping")
    check_nesting(config, "config")
    extra = sorted(set(config) - set(DEFAULT_CONFIG))
    if extra:
        _fail(extra[0], f"unknown field; allowed fields are {', '.join(sorted(DEFAULT_CONFIG))}")
    c = {**copy.deepcopy(DEFAULT_CONFIG), **copy.deepcopy(config)}
    _choice("dataset", c["dataset"], DATA_SOURCES)
    c["n_samples"] = _int("n_samples", c["n_samples"], 4, MAX_SAMPLES)
    c["noise"] = _real("noise", c["noise"], 0.0, 1.0)
    c["test_ratio"] = _real("test_ratio", c["test_ratio"], 0.0, 0.9)
    if not isinstance(c["features"], list) or not c["features"]:
        _fail("features", f"must be a non-empty list of {', '.join(FEATURES)}")
    for f in c["features"]:
        _choice("features", f, tuple(FEATURES))
    if len(set(c["features"])) != len(c["features"]):
        _fail("features", "lists a feature twice")
    _bool("standardize", c["standardize"])
    c["points"] = _check_points(c["points"])
    if c["dataset"] == "custom" and not c["points"]:
        _fail("points", "a custom data set needs at least one point")
    if c["dataset"] == "csv":
        if not isinstance(c["csv"], dict) or not isinstance(c["csv"].get("path"), str):
            _fail("csv", "a csv data set needs {'path': ..., 'target': ..., 'task': ...}")
        if not isinstance(c["csv"].get("data", {}), (dict, type(None))):
            _fail("csv.data", "must be the data set as nnviz stores it (a mapping with X, y and names)")
    c["hidden"] = _check_hidden(c["hidden"])
    _choice("output_activation", c["output_activation"], OUTPUT_ACTIVATIONS)
    _choice("loss", c["loss"], LOSS_CHOICES)
    _choice("init", c["init"], tuple(INITIALIZERS))
    c["init_gain"] = _real("init_gain", c["init_gain"], 0.0, 1e3)
    _choice("regularization", c["regularization"], REGULARIZERS)
    c["reg_rate"] = _real("reg_rate", c["reg_rate"], 0.0, 10.0)
    _choice("optimizer", c["optimizer"], tuple(OPTIMIZERS))
    c["lr"] = _real("lr", c["lr"], 0.0, 100.0, low_open=True)
    c["optimizer_options"] = _check_options(c["optimizer"], c["optimizer_options"])
    c["batch_size"] = _int("batch_size", c["batch_size"], 1, MAX_SAMPLES)
    _choice("schedule", c["schedule"], SCHEDULES)
    c["schedule_options"] = _check_schedule_options(c["schedule_options"])
    c["clip_norm"] = _real("clip_norm", c["clip_norm"], 0.0)
    c["augment"] = _real("augment", c["augment"], 0.0, 10.0)
    _bool("early_stopping", c["early_stopping"])
    c["patience"] = _int("patience", c["patience"], 1, 10**9)
    c["seed"] = _int("seed", c["seed"], 0, 2**32 - 1)
    _choice("dtype", c["dtype"], ("float64", "float32"))
    c["history_steps"] = _int("history_steps", c["history_steps"], 1, 10**6)
    c["history_mb"] = _real("history_mb", c["history_mb"], 0.0, 1e5, low_open=True)
    c["health"] = _check_health(c["health"])
    c["classroom"] = _check_classroom(c["classroom"])
    c["disabled_neurons"] = _check_disabled(c["disabled_neurons"], c["hidden"])
    return c


def _check_disabled(pairs, hidden):
    if not isinstance(pairs, list):
        _fail("disabled_neurons", "must be a list of [layer, neuron] pairs")
    out = []
    for k, pair in enumerate(pairs):
        ok = (isinstance(pair, (list, tuple)) and len(pair) == 2
              and all(isinstance(v, numbers.Integral) and not isinstance(v, bool) for v in pair))
        if not ok or not 1 <= pair[0] <= len(hidden) or not 0 <= pair[1] < hidden[pair[0] - 1]["size"]:
            _fail(f"disabled_neurons[{k}]", f"{pair!r} is not [hidden layer 1..{len(hidden)}, neuron index]")
        out.append([int(pair[0]), int(pair[1])])
    return sorted(out)
