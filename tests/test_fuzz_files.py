"""Damaged and invented experiment files: each is refused with one line naming the file and field,
or it opens, trains, rewinds and reports its health without an exception.

Two sources: saved files with one field replaced, removed or added (or a few
bytes of the text changed), and documents generated field by field. The
refusal must come from the field checks, not from the boundary's last-resort
clause (``file_errors.FALLBACK``), which would mean a check is missing.
"""

import functools
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nnviz.session import DEFAULT_CONFIG, ExperimentFileError, Session
from nnviz.session.files import session_to_dict
from nnviz.session.file_errors import FALLBACK

SAVED_CONFIGS = [
    {"dataset": "moons", "n_samples": 40, "optimizer": "adam", "batch_size": 6, "lr": 0.05,
     "hidden": [{"size": 4, "activation": "relu", "dropout": 0.2}, {"size": 3, "batch_norm": True}]},
    {"dataset": "custom", "points": [[0, 0, 0], [1, 1, 1], [0, 1, 1], [1, 0, 0], [0.5, 0.5, 1]], "test_ratio": 0.2,
     "optimizer": "nadam", "hidden": [{"size": 3, "activation": "prelu"}], "batch_size": 2},
    {"dataset": "housing", "optimizer": "rmsprop", "optimizer_options": {"momentum": 0.5, "centered": True},
     "hidden": [{"size": 4, "activation": "elu"}], "schedule": "step", "clip_norm": 1.0},
    {"dataset": "spiral3", "n_samples": 30, "optimizer": "sgd", "optimizer_options": {"momentum": 0.9},
     "hidden": [], "batch_size": 4},
]

NASTY = st.sampled_from([None, True, False, -1, 0, 1, 2, 3, 2**31, 2**63, 10**30, -0.5, 0.5, 1e308, -1e308,
                         math.inf, -math.inf, math.nan, "", "x", "relu", "adam", "float32", [], {}, [1, 2], [[1]],
                         {"a": 1}, {"size": 2}, [0] * 300, ["x"] * 3])
DEEP = st.integers(9, 60).map(lambda n: functools.reduce(lambda inner, _: [inner], range(n), 0))
JSON = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(-3, 2**70), st.floats(), st.text(max_size=5)),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
                    max_leaves=12)


@functools.lru_cache(maxsize=None)
def _saved_text(index):
    """A saved file's text: a few steps into a run, mid-epoch."""
    s = Session(SAVED_CONFIGS[index])
    s.run(7)
    return json.dumps(session_to_dict(s), allow_nan=True)


def _paths(doc, prefix=()):
    """Every (path, value) in a JSON document, containers included."""
    yield prefix, doc
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(doc, list) and len(doc) <= 20:          # long arrays: their first entries are enough
        for i, value in enumerate(doc[:3]):
            yield from _paths(value, prefix + (i,))


def _mutate(doc, path, action, value):
    if not path:
        return value
    parent = functools.reduce(lambda d, k: d[k], path[:-1], doc)
    key = path[-1]
    if action == "replace":
        parent[key] = value
    elif action == "remove":
        del parent[key]
    elif action == "wrap":
        parent[key] = [parent[key]]
    elif action == "add" and isinstance(parent[key], dict):
        parent[key]["unexpected"] = value
    elif action == "add" and isinstance(parent[key], list):
        parent[key].append(value)
    return doc


def _open_and_use(tmp_path, text):
    path = tmp_path / "exp.json"
    path.write_text(text, encoding="utf-8")
    try:
        s = Session.load(path)
    except ExperimentFileError as err:
        message = str(err)
        assert isinstance(err, ValueError) and "\n" not in message and message.startswith("exp.json: ")
        assert FALLBACK not in message, message
        assert len(message) < 500
        return "refused"
    s.run(3)
    s.advance("phase")
    s.rewind()
    s.rewind("step")
    assert len(s.health()) == s.n_layers
    s.save(tmp_path / "again.json")
    assert Session.load(tmp_path / "again.json").step == s.step
    return "opened"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.data(), st.integers(0, len(SAVED_CONFIGS) - 1),
       st.sampled_from(["replace", "replace", "remove", "wrap", "add"]), st.one_of(NASTY, NASTY, DEEP, JSON))
def test_a_saved_file_with_one_field_damaged(tmp_path, data, index, action, value):
    doc = json.loads(_saved_text(index))
    paths = [path for path, _ in _paths(doc)]
    path = data.draw(st.sampled_from(paths))
    if action == "remove" and not path:
        action = "replace"
    doc = _mutate(doc, path, action, value)
    _open_and_use(tmp_path, json.dumps(doc, allow_nan=True))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.integers(0, len(SAVED_CONFIGS) - 1), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 2),
                                                                   st.text(alphabet='"{}[],:0aA\\ \n', max_size=3)),
                                                         min_size=1, max_size=4))
def test_a_saved_file_with_a_few_characters_changed(tmp_path, index, edits):
    text = _saved_text(index)
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut:]
    _open_and_use(tmp_path, text)


CONFIG_VALUES = {
    "dataset": st.sampled_from(["xor", "spiral", "housing", "iris", "custom", "csv", "nope"]),
    "n_samples": st.sampled_from([4, 5, 30, 3, 0, 100_001]),
    "test_ratio": st.sampled_from([0.0, 0.3, 0.9, 0.95, -0.1]),
    "hidden": st.lists(st.fixed_dictionaries({}, optional={
        "size": st.sampled_from([1, 2, 5, 0, 4097]), "activation": st.sampled_from(["relu", "tanh", "softmax", "x"]),
        "batch_norm": st.booleans(), "dropout": st.sampled_from([0.0, 0.5, 0.95, 1.0]),
        "residual": st.booleans()}), max_size=3),
    "optimizer": st.sampled_from(["sgd", "adam", "adamw", "nadam", "adagrad", "rmsprop", "lbfgs"]),
    "optimizer_options": st.dictionaries(st.sampled_from(["momentum", "betas", "eps", "nesterov", "amsgrad",
                                                          "centered", "weight_decay", "dampening", "alpha"]),
                                         NASTY | st.sampled_from([0.9, [0.9, 0.99]]), max_size=3),
    "batch_size": st.sampled_from([1, 2, 10, 0]),
    "lr": st.sampled_from([0.01, 1.0, 100.0, 0.0, 1e9]),
    "points": st.lists(st.lists(st.sampled_from([0, 1, 2, 0.5, -1, 1e20, 5000]), min_size=2, max_size=4),
                       max_size=6),
    "csv": st.fixed_dictionaries({"path": st.sampled_from(["missing.csv", "", "."])},
                                 optional={"data": JSON, "target": NASTY, "task": NASTY}),
    "loss": st.sampled_from(["auto", "mse", "bce", "cross_entropy"]),
    "output_activation": st.sampled_from(["auto", "linear", "sigmoid", "softmax"]),
    "init_gain": st.sampled_from([0.0, 1.0, 50.0]),
    "schedule": st.sampled_from(["constant", "step", "exponential"]),
    "disabled_neurons": st.lists(st.lists(st.integers(-1, 3), min_size=2, max_size=2), max_size=2),
}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({}, optional={key: CONFIG_VALUES.get(key, NASTY) | NASTY for key in
                                           [*DEFAULT_CONFIG, "layers"]}),
       st.sampled_from([None, {}, [], {"step": 0}]))
def test_a_generated_document(tmp_path, config, state):
    doc = {"format": "nnviz-experiment", "version": 1, "config": config}
    if state is not None:
        doc["state"] = state
    _open_and_use(tmp_path, json.dumps(doc, allow_nan=True))
