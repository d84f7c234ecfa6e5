"""Broken experiment files are refused with one line naming the file and the field, before anything runs.

Each case is a hand edit a user could make to a saved file (or a file
damaged on disk). Opening raises ExperimentFileError (a ValueError) whose
message is ``NAME: FIELD: reason`` on one line; nothing else escapes.
"""

import copy
import json

import pytest

from nnviz.session import Session, experiment_from_config_text, load_experiment
from nnviz.session.file_errors import FALLBACK, ExperimentFileError
from nnviz.session.validate import config_message_of_spec_error

CONFIG = {"dataset": "moons", "n_samples": 200, "optimizer": "adam", "lr": 0.02, "batch_size": 8, "seed": 3,
          "hidden": [{"size": 5, "activation": "relu"}, {"size": 3, "activation": "tanh", "batch_norm": True}]}


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    """A saved mid-epoch run (13 steps of batch norm and Adam) as a JSON document."""
    path = tmp_path_factory.mktemp("saved") / "exp.json"
    s = Session(CONFIG)
    s.run(13)
    s.save(path)
    return json.loads(path.read_text())


def _set(doc, path, value):
    target = doc
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return doc


def _open(tmp_path, doc):
    path = tmp_path / "exp.json"
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, allow_nan=True))
    with pytest.raises(ExperimentFileError) as info:
        Session.load(path)
    err = info.value
    assert isinstance(err, ValueError) and err.path == str(path)
    assert "\n" not in str(err) and str(err).startswith("exp.json: ") and FALLBACK not in str(err)
    return err


BROKEN = [
    # (what the user did, path to the field, new value, field named, words in the reason)
    ("fewer samples", ("config", "n_samples"), 100, "state.order", "140 indices stored, the training set has 70"),
    ("no test set", ("config", "test_ratio"), 0, "state.order", "the training set has 200"),
    ("metrics removed", ("state", "metrics"), None, "state.metrics", "got null"),
    ("config as a list", ("config",), [], "config", "must be a mapping, got a list"),
    ("state as a list", ("state",), [], "state", "must be a mapping or null"),
    ("layer as a list", ("config", "hidden", 0), [5, "relu"], "config.hidden[0]", "must be a mapping"),
    ("infinite step", ("state", "step"), float("inf"), "state.step", "whole number"),
    ("negative step", ("state", "step"), -5, "state.step", "whole number from 0"),
    ("betas a number", ("config", "optimizer_options"), {"betas": 5}, "config.optimizer_options.betas", "two numbers"),
    ("betas too big", ("config", "optimizer_options"), {"betas": [2, 3]}, "config.optimizer_options.betas",
     "two numbers"),
    ("betas text", ("config", "optimizer_options"), {"betas": "ab"}, "config.optimizer_options.betas", "two numbers"),
    ("eps text", ("config", "optimizer_options"), {"eps": "x"}, "config.optimizer_options.eps", "finite number"),
    ("params reshaped", ("state", "params", "shape"), [40, 1], "state.params", "the network needs [40]"),
    ("params of 13", ("state", "params", "shape"), [13], "state.params", "shape [13], but the network needs [40]"),
    ("params no shape", ("state", "params", "shape"), [], "state.params", "shape must be a list of 1 or 2 sizes"),
    ("params as ints", ("state", "params", "dtype"), "<i8", "state.params", "dtype '<i8' is not one of"),
    ("params cut", ("state", "params", "base64"), "AAAA", "state.params", "base64 holds 4 characters; shape [40] of <f8 needs 428"),
    ("order negative", ("state", "order"), {"dtype": "<i8", "shape": [1], "base64": "//////////8="},
     "state.order", "the training set has 140"),
    ("rng junk", ("state", "net_rng"), {"a": 1}, "state.net_rng.a", "unknown field"),
    ("rng a list", ("state", "batch_rng"), [1], "state.batch_rng", "must be a mapping"),
    ("rng too big", ("state", "net_rng", "state", "inc"), 2**200, "state.net_rng.state.inc", "whole number"),
    ("optimizer step -1", ("state", "optimizer", "t"), -1, "state.optimizer.t", "from 0 to 13"),
    ("other optimizer", ("state", "optimizer", "name"), "sgd", "state.optimizer.name", "config.optimizer is 'adam'"),
    ("moment missing", ("state", "optimizer", "state"), {"exp_avg": None}, "state.optimizer.state.exp_avg_sq",
     "missing"),
    ("label 5000", ("config",), {**CONFIG, "dataset": "custom", "points": [[0, 0, 0], [1, 1, 1], [2, 2, 5000]]},
     "config.points[2]", "label 5000 is not a class number"),
    ("negative label", ("config",), {**CONFIG, "dataset": "custom", "points": [[0, 0, 0], [1, 1, 1], [2, 2, -1]]},
     "config.points[2]", "not a class number"),
    ("huge point", ("config",), {**CONFIG, "dataset": "custom", "points": [[0, 0, 0], [1.7e308, 1, 1]]},
     "config.points[1]", "within"),
    ("unknown top field", ("extra",), 1, "extra", "unknown field"),
    ("unknown state field", ("state", "phase"), 3, "state.phase", "unknown field"),
    ("diverged as text", ("state", "diverged"), "yes", "state.diverged", "true or false"),
]


@pytest.mark.parametrize("what, path, value, field, words", BROKEN, ids=[case[0] for case in BROKEN])
def test_a_hand_edited_file_is_refused_naming_the_field(tmp_path, saved, what, path, value, field, words):
    err = _open(tmp_path, _set(copy.deepcopy(saved), path, value))
    assert err.field == field, str(err)
    assert words in err.reason, str(err)
    assert str(err) == f"exp.json: {field}: {err.reason}"


def test_metrics_shorter_than_the_steps_are_refused(tmp_path, saved):
    doc = copy.deepcopy(saved)
    doc["state"]["step"] = 12
    doc["state"]["epoch"] = doc["state"]["optimizer"]["t"] = 12
    err = _open(tmp_path, doc)
    assert err.field == "state.metrics" and "13 steps of metrics stored, but state.step is 12" in err.reason


def test_a_metrics_series_that_is_a_single_value_is_named(tmp_path, saved):
    doc = copy.deepcopy(saved)
    doc["state"]["metrics"]["batch_loss"] = True
    err = _open(tmp_path, doc)
    assert "state.metrics.batch_loss" in str(err) and "list of numbers" in str(err)


def test_nan_weights_are_refused_unless_the_run_diverged(tmp_path, saved):
    doc = copy.deepcopy(saved)
    doc["state"]["diverged"] = False
    doc["state"]["params"]["base64"] = "AAAAAAAA+H8" + doc["state"]["params"]["base64"][11:]   # first weight NaN
    err = _open(tmp_path, doc)
    assert err.field == "state.params" and "NaN or infinite" in err.reason


def test_a_diverged_run_reopens_diverged_and_does_not_step(tmp_path):
    s = Session({"dataset": "housing", "hidden": [], "lr": 50.0, "standardize": False})
    s.run(500)
    assert s.diverged
    s.save(tmp_path / "d.json")
    loaded = Session.load(tmp_path / "d.json")
    assert loaded.diverged and "diverged" in loaded.message and loaded.step == s.step
    before = loaded.step
    loaded.advance("step")
    assert loaded.step == before


def test_deep_nesting_is_refused_without_recursion_errors(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    err = _open(tmp_path, '{"format": "nnviz-experiment", "version": 1, "config": {"points": ' + deep + "}}")
    assert err.field is None and "nest" in err.reason
    err = _open(tmp_path, {"format": "nnviz-experiment", "version": 1, "config": {"points": [[[[[[[[[[1]]]]]]]]]]}})
    assert err.field == "config" and "nest more than 8 levels" in err.reason


def test_a_huge_network_is_refused_before_allocation_with_the_limit(tmp_path):
    doc = {"format": "nnviz-experiment", "version": 1,
           "config": {"hidden": [{"size": 4096, "activation": "relu"}] * 16}}
    err = _open(tmp_path, doc)
    assert err.field == "config.hidden" and "the limit is 1,000,000" in err.reason


def test_a_batch_norm_split_leaving_one_training_sample_is_named(tmp_path):
    doc = {"format": "nnviz-experiment", "version": 1,
           "config": {"dataset": "custom", "points": [[0, 0, 0.5], [1, 1, 1.5], [2, 2, 2.5]], "test_ratio": 0.5,
                      "hidden": [{"size": 3, "batch_norm": True}]}}
    err = _open(tmp_path, doc)
    assert err.field == "config.test_ratio" and "batch norm needs at least 2" in err.reason


def test_messages_are_one_bounded_line(tmp_path, saved):
    err = _open(tmp_path, _set(copy.deepcopy(saved), ("config", "n_samples"), list(range(100_000))))
    assert err.field == "config.n_samples" and len(str(err)) < 400


def test_not_a_file_and_not_json(tmp_path):
    with pytest.raises(ExperimentFileError, match=r"^nope\.json: no such file"):
        Session.load(tmp_path / "nope.json")
    with pytest.raises(ExperimentFileError, match="is a folder"):
        Session.load(tmp_path)
    err = _open(tmp_path, "{not json")
    assert "not valid JSON (line 1" in err.reason
    with pytest.raises(ExperimentFileError, match=r"^zero: is not a regular file$"):
        Session.load("/dev/zero")                        # would otherwise be read until memory runs out


def test_spec_errors_are_told_in_config_fields():
    assert config_message_of_spec_error("layers[1].size: too big", 2) == "config.hidden[1].size: too big"
    assert config_message_of_spec_error("layers[2].activation: bad", 2).startswith(
        "config.output_activation: the output layer: bad")
    assert config_message_of_spec_error("layers: too many parameters", 2) == "config.hidden: too many parameters"
    assert config_message_of_spec_error("init_gain: must be", 0) == "config.init_gain: must be"


@pytest.mark.parametrize("text, words", [
    ('{"metrics": null}', "last experiment: config.metrics: unknown field"),
    ("[" * 100_000, "last experiment: lists or mappings nest hundreds"),
    ("[1, 2]", "last experiment: config: must be a mapping, got a list"),
    ('{"lr": 1e999}', "last experiment: config.lr: must be a finite number"),
    ("{oops", "last experiment: not valid JSON"),
])
def test_a_config_kept_as_text_is_checked_the_same_way(text, words):
    with pytest.raises(ExperimentFileError) as info:
        experiment_from_config_text(text)
    assert str(info.value).startswith(words) and FALLBACK not in str(info.value)
    assert experiment_from_config_text('{"dataset": "spiral"}').config["dataset"] == "spiral"


def test_load_experiment_is_the_one_call(tmp_path, saved):
    path = tmp_path / "exp.json"
    path.write_text(json.dumps(saved))
    assert load_experiment(path).step == 13
    path.write_text(json.dumps({**saved, "state": {**saved["state"], "metrics": None}}))
    with pytest.raises(ExperimentFileError, match=r"^exp\.json: state\.metrics: must be a mapping, got null$"):
        load_experiment(path)
