"""Validate and complete a network spec (the dict of DESIGN section 1).

Every error is a ValueError whose message names the field (e.g.
``layers[1].activation``) and, where there is a fixed set, the allowed values,
because students type these fields into experiment files by hand.
"""

import copy
import math
import numbers

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from .initializers import INITIALIZERS
from .losses import LOSSES, REQUIRED_OUTPUT

TOP_DEFAULTS = {
    "loss": "mse",
    "init": "xavier_uniform",
    "init_gain": 1.0,
    "regularization": {"kind": "none", "rate": 0.0},
    "seed": 0,
    "dtype": "float64",
}
LAYER_DEFAULTS = {"activation": "linear", "batch_norm": False, "dropout": 0.0, "residual": False}
REGULARIZERS = ("none", "l1", "l2")
DTYPES = ("float64", "float32")
MAX_LAYER_SIZE = 4096
MAX_LAYERS = 64
MAX_PARAMETERS = 1_000_000
"""Most learnable numbers a network may have, checked before anything is allocated.

A teaching net shows its weights; a million is far beyond what can be drawn
(the network view draws up to ~10 000 edges) yet keeps a training step, the
optimizer's moment vectors and the rewind history within a laptop's memory
(each copy of the parameters is 8 MB in float64). Sixteen hidden layers of
4 096 units (252 million parameters) would need gigabytes per copy."""


def _fail(field, message):
    raise ValueError(f"{field}: {message}")


def _choice(field, value, allowed):
    if value not in allowed:
        _fail(field, f"{value!r} is not one of {', '.join(allowed)}")


def _positive_int(field, value, limit):
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or not 1 <= value <= limit:
        _fail(field, f"must be a whole number from 1 to {limit}, got {value!r}")
    return int(value)


def _number(field, value, low, high=math.inf, high_open=False):
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        _fail(field, f"must be a finite number, got {value!r}")
    if value < low or value > high or (high_open and value == high):
        bracket = ")" if high_open else "]"
        _fail(field, f"must be in [{low}, {high}{bracket}, got {value!r}")
    return float(value)


def _bool(field, value):
    if not isinstance(value, bool):
        _fail(field, f"must be true or false, got {value!r}")
    return value


def _unknown_keys(field, given, known):
    extra = sorted(set(given) - set(known))
    if extra:
        _fail(f"{field}{extra[0]}", f"unknown field; allowed fields are {', '.join(sorted(known))}")


def _check_layer(i, layer, fan_in, is_output):
    field = f"layers[{i}]"
    if not isinstance(layer, dict):
        _fail(field, "must be a mapping with at least 'size'")
    _unknown_keys(f"{field}.", layer, {"size", *LAYER_DEFAULTS})
    if "size" not in layer:
        _fail(f"{field}.size", "is required")
    out = {**LAYER_DEFAULTS, **layer}
    out["size"] = _positive_int(f"{field}.size", out["size"], MAX_LAYER_SIZE)
    allowed = tuple(ACTIVATIONS) if is_output else HIDDEN_ACTIVATIONS
    if is_output or out["activation"] != "softmax":
        _choice(f"{field}.activation", out["activation"], allowed)
    else:
        _fail(f"{field}.activation", "softmax is only allowed on the output layer; "
              f"hidden layers allow {', '.join(HIDDEN_ACTIVATIONS)}")
    out["batch_norm"] = _bool(f"{field}.batch_norm", out["batch_norm"])
    out["dropout"] = _number(f"{field}.dropout", out["dropout"], 0.0, 1.0, high_open=True)
    out["residual"] = _bool(f"{field}.residual", out["residual"])
    if is_output:
        for key, off in (("batch_norm", False), ("dropout", 0.0), ("residual", False)):
            if out[key] != off:
                _fail(f"{field}.{key}", "is only allowed on hidden layers, not on the output layer")
    if out["residual"] and out["size"] != fan_in:
        _fail(f"{field}.residual", f"needs the layer size ({out['size']}) to equal its input size ({fan_in})")
    return out


def validate_spec(spec):
    """Return a complete, validated deep copy of ``spec`` with defaults filled in."""
    if not isinstance(spec, dict):
        raise ValueError("spec: must be a mapping")
    _unknown_keys("", spec, {"input_size", "layers", *TOP_DEFAULTS})
    if "input_size" not in spec:
        _fail("input_size", "is required")
    if "layers" not in spec:
        _fail("layers", "is required (hidden layers first, the output layer last)")
    out = {**copy.deepcopy(TOP_DEFAULTS), **copy.deepcopy(spec)}
    out["input_size"] = _positive_int("input_size", out["input_size"], MAX_LAYER_SIZE)
    layers = out["layers"]
    if not isinstance(layers, list) or not layers:
        _fail("layers", "must be a non-empty list (the output layer at least)")
    if len(layers) > MAX_LAYERS:
        _fail("layers", f"at most {MAX_LAYERS} layers, got {len(layers)}")
    fan_in = out["input_size"]
    checked = []
    for i, layer in enumerate(layers):
        checked.append(_check_layer(i, layer, fan_in, is_output=i == len(layers) - 1))
        fan_in = checked[-1]["size"]
    out["layers"] = checked
    n_params = count_parameters(out["input_size"], checked)
    if n_params > MAX_PARAMETERS:
        _fail("layers", f"the network would have {n_params:,} parameters; the limit is {MAX_PARAMETERS:,} "
              "(use fewer or smaller layers)")
    _choice("loss", out["loss"], tuple(LOSSES))
    _check_loss_output(out)
    _choice("init", out["init"], tuple(INITIALIZERS))
    out["init_gain"] = _number("init_gain", out["init_gain"], 0.0)
    out["regularization"] = _check_regularization(out["regularization"])
    if isinstance(out["seed"], bool) or not isinstance(out["seed"], numbers.Integral) or out["seed"] < 0:
        _fail("seed", f"must be a whole number >= 0, got {out['seed']!r}")
    out["seed"] = int(out["seed"])
    _choice("dtype", out["dtype"], DTYPES)
    return out


def count_parameters(input_size, layers):
    """Learnable numbers of a network: W and b (or gamma and beta with batch norm), prelu's alpha."""
    total, fan_in = 0, input_size
    for layer in layers:
        size = layer["size"]
        total += fan_in * size + (2 * size if layer.get("batch_norm") else size)
        total += size if layer.get("activation") == "prelu" else 0
        fan_in = size
    return total


def _check_loss_output(spec):
    output = spec["layers"][-1]
    need = REQUIRED_OUTPUT[spec["loss"]]
    field = f"layers[{len(spec['layers']) - 1}].activation"
    if need and output["activation"] != need:
        _fail(field, f"the {spec['loss']} loss needs a {need} output layer, got {output['activation']!r}")
    if spec["loss"] == "cross_entropy" and output["size"] < 2:
        _fail(f"layers[{len(spec['layers']) - 1}].size", "cross_entropy needs at least 2 output classes")


def _check_regularization(reg):
    if not isinstance(reg, dict):
        _fail("regularization", "must be a mapping with 'kind' and 'rate'")
    _unknown_keys("regularization.", reg, {"kind", "rate"})
    out = {"kind": reg.get("kind", "none"), "rate": reg.get("rate", 0.0)}
    _choice("regularization.kind", out["kind"], REGULARIZERS)
    out["rate"] = _number("regularization.rate", out["rate"], 0.0)
    return out
