"""A bad spec raises ValueError naming the field and the allowed values."""

import pytest

from nnviz.engine import Network

GOOD = {"input_size": 2, "layers": [{"size": 4, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
        "loss": "bce"}


def _with(**changes):
    spec = {**GOOD, "layers": [dict(layer) for layer in GOOD["layers"]]}
    for key, value in changes.items():
        if key.startswith("hidden_"):
            spec["layers"][0][key[7:]] = value
        elif key.startswith("out_"):
            spec["layers"][-1][key[4:]] = value
        else:
            spec[key] = value
    return spec


@pytest.mark.parametrize("changes, pattern", [
    ({"hidden_activation": "swish"}, r"layers\[0\]\.activation: 'swish' is not one of linear, step, sigmoid"),
    ({"hidden_size": -3}, r"layers\[0\]\.size: must be a whole number from 1"),
    ({"hidden_size": 2.5}, r"layers\[0\]\.size"),
    ({"input_size": 0}, r"input_size"),
    ({"out_batch_norm": True}, r"layers\[1\]\.batch_norm: is only allowed on hidden layers"),
    ({"out_dropout": 0.5}, r"layers\[1\]\.dropout: is only allowed on hidden layers"),
    ({"hidden_activation": "softmax"}, r"layers\[0\]\.activation: softmax is only allowed on the output layer"),
    ({"hidden_residual": True}, r"layers\[0\]\.residual: needs the layer size \(4\) to equal its input size \(2\)"),
    ({"out_activation": "linear"}, r"layers\[1\]\.activation: the bce loss needs a sigmoid output"),
    ({"loss": "cross_entropy", "out_activation": "softmax"}, r"layers\[1\]\.size: cross_entropy needs at least 2"),
    ({"loss": "cross_entropy"}, r"cross_entropy loss needs a softmax output"),
    ({"loss": "hinge"}, r"loss: 'hinge' is not one of mse, bce, cross_entropy"),
    ({"hidden_dropout": 1.0}, r"layers\[0\]\.dropout: must be in \[0.0, 1.0\)"),
    ({"hidden_dropout": -0.1}, r"layers\[0\]\.dropout"),
    ({"init": "glorot"}, r"init: 'glorot' is not one of xavier_uniform"),
    ({"init_gain": float("nan")}, r"init_gain: must be a finite number"),
    ({"regularization": {"kind": "l3", "rate": 0.1}}, r"regularization\.kind: 'l3' is not one of none, l1, l2"),
    ({"regularization": {"kind": "l2", "rate": -1}}, r"regularization\.rate"),
    ({"dtype": "float16"}, r"dtype: 'float16' is not one of float64, float32"),
    ({"seed": -1}, r"seed"),
    ({"layers": []}, r"layers: must be a non-empty list"),
    ({"hidden_batch_norm": "yes"}, r"layers\[0\]\.batch_norm: must be true or false"),
    ({"hidden_actvation": "relu"}, r"layers\[0\]\.actvation: unknown field"),
    ({"learning_rate": 0.1}, r"learning_rate: unknown field"),
])
def test_bad_specs_name_the_field(changes, pattern):
    with pytest.raises(ValueError, match=pattern):
        Network.from_spec(_with(**changes))


def test_missing_required_fields():
    with pytest.raises(ValueError, match="input_size: is required"):
        Network.from_spec({"layers": [{"size": 1}]})
    with pytest.raises(ValueError, match=r"layers\[0\]\.size: is required"):
        Network.from_spec({"input_size": 1, "layers": [{"activation": "relu"}]})


def test_defaults_are_filled_in():
    net = Network.from_spec({"input_size": 1, "layers": [{"size": 1}]})
    assert net.spec["loss"] == "mse" and net.spec["init"] == "xavier_uniform"
    assert net.spec["layers"][0] == {"size": 1, "activation": "linear", "batch_norm": False,
                                     "dropout": 0.0, "residual": False}
