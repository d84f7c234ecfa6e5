"""nnviz.torch.load_state_dict_file: a saved state_dict opens as a session; anything else is refused in one line."""

import numpy as np
import pytest
import torch
from torch import nn

from nnviz.export.code import pytorch_code
from nnviz.session import ExperimentFileError, Session
from nnviz.torch import load_state_dict_file


def _model():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 6), nn.BatchNorm1d(6), nn.ReLU(), nn.Dropout(0.3),
                          nn.Linear(6, 4), nn.PReLU(4), nn.Linear(4, 1)).double()
    model.train()
    with torch.no_grad():
        model(torch.randn(32, 2, dtype=torch.float64))        # running statistics move off 0 and 1
    return model.eval()


def test_a_state_dict_round_trips_through_a_file(tmp_path):
    model = _model()
    path = tmp_path / "model.pt"
    torch.save(model.state_dict(), path)
    session = load_state_dict_file(path, ["relu", "prelu", "linear"])
    assert [layer["activation"] for layer in session.network.layers] == ["relu", "prelu", "sigmoid"]
    assert session.network.layers[0]["batch_norm"] and session.network.layers[0]["dropout"] == 0.0
    X = np.random.default_rng(1).normal(size=(50, 2))
    with torch.no_grad():
        logits = model(torch.tensor(X)).numpy()
    np.testing.assert_allclose(session.network.forward(X, training=False).layers[-1].u, logits,
                               rtol=1e-12, atol=1e-12)
    np.testing.assert_array_equal(session.network.params[1]["W"], model[4].weight.detach().numpy().T)


def test_the_state_dict_of_an_exported_script_opens(tmp_path):
    """nnviz's own PyTorch export nests named blocks (hidden1.linear.weight, ...)."""
    source = Session({"hidden": [{"size": 5, "activation": "tanh", "batch_norm": True},
                                 {"size": 3, "activation": "elu"}]})
    source.run(4)
    namespace = {"__name__": "exported"}
    exec(compile(pytorch_code(source), "<export>", "exec"), namespace)
    model = namespace["build_model"]()
    namespace["load_weights"](model)
    path = tmp_path / "exported.pt"
    torch.save(model.state_dict(), path)
    torch.set_default_dtype(torch.float32)           # the script set float64 for its own tensors
    session = load_state_dict_file(path, ["tanh", "elu", "sigmoid"], dataset=source.config["dataset"],
                                   standardize=True)
    for mine, theirs in zip(session.network.params + session.network.buffers,
                            source.network.params + source.network.buffers):
        for key in theirs:
            np.testing.assert_array_equal(mine[key], theirs[key])


def test_a_pickled_module_is_refused_without_running_it(tmp_path):
    path = tmp_path / "whole.pt"
    torch.save(_model(), path)
    with pytest.raises(ExperimentFileError) as err:
        load_state_dict_file(path, ["relu", "prelu", "linear"])
    message = str(err.value)
    assert message.startswith("whole.pt: not a state_dict") and "would run code from the file" in message
    assert "\n" not in message


@pytest.mark.parametrize("content, activations, message", [
    (b"hello, not a model\n", ["relu"], "model.pt: cannot be read as a PyTorch file"),
    ({"0.weight": torch.zeros(3, 2), "0.bias": torch.zeros(3), "1.weight": torch.zeros(1, 3)}, ["relu"],
     r"model.pt: has 2 Linear layers; --activations names 1 \(relu\): give one per Linear"),
    ({"0.weight": torch.zeros(3, 2), "1.weight": torch.zeros(1, 3)}, ["swish", "linear"],
     "model.pt: activation 'swish' is not one of sigmoid, tanh, relu"),
    ({"0.weight": torch.zeros(3, 2), "1.weight": torch.zeros(1, 3)}, ["prelu", "linear"],
     "model.pt: Linear 1: activation 'prelu', but the file has no PReLU slopes"),
    ({"conv.weight": torch.zeros(3, 2, 1)}, ["relu"], "model.pt: conv: tensors weight are not those of"),
    ([1, 2, 3], ["relu"], "model.pt: holds a list, not a state_dict"),
    ({"0.weight": torch.zeros(3, 2), "1.weight": torch.zeros(1, 4)}, ["relu", "linear"],
     r"model.pt: 1.weight: takes 4 inputs after a layer of 3"),
])
def test_bad_files_are_refused_in_one_line(tmp_path, content, activations, message):
    path = tmp_path / "model.pt"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        torch.save(content, path)
    with pytest.raises(ExperimentFileError, match=message) as err:
        load_state_dict_file(path, activations)
    assert "\n" not in str(err.value)
