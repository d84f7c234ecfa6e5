"""The command line takes a PyTorch state_dict wherever it takes an experiment file."""

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn

from nnviz import cli
from nnviz.cli.model_file import loss_for


@pytest.fixture
def model_file(tmp_path):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 8), nn.ReLU(), nn.Linear(8, 1))
    path = tmp_path / "model.pt"
    torch.save(model.state_dict(), path)
    return path, model


def test_render_draws_a_state_dict(model_file, tmp_path, capsys):
    path, _ = model_file
    out = tmp_path / "net.png"
    assert cli.main(["render", str(path), "--activations", "relu,sigmoid", "--view", "network",
                     "--out", str(out)]) == 0
    with Image.open(out) as image:
        assert image.size == (1280, 720)
    assert "wrote" in capsys.readouterr().out


def test_code_writes_the_models_weights(model_file, capsys):
    path, model = model_file
    assert cli.main(["code", str(path), "--activations", "relu,sigmoid", "--framework", "pytorch"]) == 0
    code = capsys.readouterr().out
    namespace = {"__name__": "exported"}
    exec(compile(code, "<export>", "exec"), namespace)
    torch.set_default_dtype(torch.float32)             # the script set float64
    weights = namespace["WEIGHTS"]
    np.testing.assert_array_equal(np.array(weights["output.linear.weight"], dtype=np.float32),
                                  model[2].weight.detach().numpy())


@pytest.mark.parametrize("args, message", [
    (["--activations", "relu,sigmoid"], "whole.pt: not a state_dict but pickled Python objects"),
    ([], "whole.pt: a PyTorch state_dict needs --activations"),
])
def test_a_pickled_module_or_missing_activations_exit_2_in_one_line(tmp_path, capsys, args, message):
    path = tmp_path / "whole.pt"
    torch.save(nn.Sequential(nn.Linear(2, 1)), path)
    assert cli.main(["render", str(path), *args, "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"nnviz: {message}") and err.count("\n") == 1
    assert not (tmp_path / "x.png").exists()


def test_activations_belong_to_model_files_only(capsys):
    assert cli.main(["code", "--lesson", "xor", "--activations", "relu"]) == 2
    assert "--activations is for a PyTorch state_dict file" in capsys.readouterr().err


def test_the_last_activation_chooses_the_loss():
    assert [loss_for(a) for a in (["relu", "sigmoid"], ["tanh", "softmax"], ["relu", "linear"])] == \
        ["bce", "cross_entropy", "mse"]
