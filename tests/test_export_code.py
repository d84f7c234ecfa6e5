"""Framework code export as text: the PyTorch script and the Keras code say what the session does.

Both texts compile, name the right layers, losses and optimizers, and embed the
exact numbers (weights, standardisation, data) the session holds. Running them
is tested in test_export_code_pytorch.py and test_export_code_keras.py.
"""

import ast
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from export_code_helpers import (BASE, CONFIGS, assigned_in, calls_of, configured_session, csv_regression_session,
                                 hidden_layers, kwarg_of)
from nnviz.export.code import code_for, common as export_common, keras_code, pytorch_code
from nnviz.session import LESSONS, Session


ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- PyTorch text
@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("weights", [True, False])
def test_pytorch_script_compiles_and_names_every_layer(name, weights):
    session = configured_session(name)
    code = pytorch_code(session, weights=weights)
    compile(code, f"<pytorch {name}>", "exec")
    layers = session.network.layers
    linears = calls_of(code, "nn.Linear")
    assert [ast.literal_eval(c.args[1]) for c in linears] == [layer["size"] for layer in layers]
    assert [ast.literal_eval(c.args[0]) for c in linears] == session.network.sizes[:-1]
    assert [kwarg_of(c, "bias") for c in linears] == [False if layer["batch_norm"] else None for layer in layers]
    norms = calls_of(code, "nn.BatchNorm1d")
    assert len(norms) == sum(layer["batch_norm"] for layer in layers)
    assert all(kwarg_of(c, "eps") == 1e-5 and kwarg_of(c, "momentum") == 0.1 for c in norms)
    assert len(calls_of(code, "nn.Dropout")) == sum(layer["dropout"] > 0 for layer in layers)
    assert code.count("residual=True") == sum(layer["residual"] for layer in layers)
    hidden_acts = [layer["activation"] for layer in layers[:-1]]
    expected = {"tanh": "nn.Tanh", "sigmoid": "nn.Sigmoid", "relu": "nn.ReLU", "elu": "nn.ELU",
                "leaky_relu": "nn.LeakyReLU", "prelu": "nn.PReLU", "linear": "nn.Identity", "step": "Step"}
    for act, module in expected.items():
        count = hidden_acts.count(act)
        if layers[-1]["activation"] == act and session.prep.loss == "mse" and act != "linear":
            count += 1
        assert len(calls_of(code, module)) == count, act
    for call in calls_of(code, "nn.PReLU"):
        assert kwarg_of(call, "init") == 0.25 and kwarg_of(call, "num_parameters") > 0
    for call in calls_of(code, "nn.LeakyReLU"):
        assert kwarg_of(call, "negative_slope") == 0.01
    loss = {"bce": "nn.BCEWithLogitsLoss", "cross_entropy": "nn.CrossEntropyLoss", "mse": "nn.MSELoss"}
    assert len(calls_of(code, loss[session.prep.loss])) == 1
    optimizer = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW",
                 "nadam": "NAdam"}[session.config["optimizer"]]
    (opt_call,) = calls_of(code, f"torch.optim.{optimizer}")
    assert kwarg_of(opt_call, "lr") == session.config["lr"]
    for key, value in session.config["optimizer_options"].items():
        assert kwarg_of(opt_call, key) == value, key
    clip = calls_of(code, "torch.nn.utils.clip_grad_norm_")
    clip_norm = session.config["clip_norm"]
    assert [kwarg_of(c, "max_norm") for c in clip] == ([clip_norm] if clip_norm else [])
    schedule = session.config["schedule"]
    assert len(calls_of(code, "torch.optim.lr_scheduler.StepLR")) == (schedule == "step")
    float64 = session.config["dtype"] == "float64"
    assert ("DTYPE = torch.float64" in code) == float64 and ("torch.set_default_dtype(DTYPE)" in code) == float64
    assert 'if __name__ == "__main__":' in code
    assert ("WEIGHTS = {" in code) == weights and ("def load_weights" in code) == weights


@pytest.mark.parametrize("name", ["prelu-bn-nadam", "bn-dropout-clip", "float32", "softmax-ce", "regression-1d"])
def test_pytorch_script_embeds_the_exact_numbers(name):
    session = configured_session(name, steps=5)
    code = pytorch_code(session)
    weights = assigned_in(code, "WEIGHTS")
    net = session.network
    for i, (params, buffers) in enumerate(zip(net.params, net.buffers)):
        block = "output" if i == net.n_layers - 1 else f"hidden{i + 1}"
        assert np.array_equal(np.array(weights[f"{block}.linear.weight"], dtype=net.dtype), params["W"].T)
        pairs = {"linear.bias": params.get("b"), "bn.weight": params.get("gamma"), "bn.bias": params.get("beta"),
                 "bn.running_mean": buffers.get("running_mean"), "bn.running_var": buffers.get("running_var"),
                 "act.weight": params.get("alpha")}
        for key, value in pairs.items():
            if value is None:
                assert f"{block}.{key}" not in weights
            else:
                assert np.array_equal(np.array(weights[f"{block}.{key}"], dtype=net.dtype), value), key
    prep = session.prep
    assert np.array_equal(assigned_in(code, "INPUT_MEAN"), prep.input_scaler.mean)
    assert np.array_equal(assigned_in(code, "INPUT_STD"), prep.input_scaler.std)
    assert np.array_equal(assigned_in(code, "TRAIN_POINTS"), prep.train.X)
    assert np.array_equal(assigned_in(code, "TRAIN_LABELS"), prep.train.y)
    assert np.array_equal(assigned_in(code, "TEST_POINTS"), prep.test.X)


def test_a_diverged_session_writes_nan_and_inf_as_math_constants():
    session = configured_session("tanh-sgd", steps=1)
    W = session.network.params[0]["W"]
    W[0, 0], W[0, 1], W[1, 0] = np.nan, np.inf, -np.inf
    for framework in ("pytorch", "keras"):
        code = code_for(session, framework, weights=True)
        compile(code, framework, "exec")
        assert "import math" in code and "math.nan" in code and "-math.inf" in code
        assert re.search(r"[\[ ]math\.inf", code)
    assert "import math" not in pytorch_code(Session.from_lesson("xor"))


def test_large_data_sets_are_left_out(monkeypatch):
    monkeypatch.setattr(export_common, "MAX_EMBEDDED_VALUES", 10)
    session = configured_session("tanh-sgd", steps=0)
    for framework in ("pytorch", "keras"):
        code = code_for(session, framework)
        compile(code, framework, "exec")
        assert "TRAIN_POINTS = TRAIN_LABELS = TEST_POINTS = TEST_LABELS = None" in code


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_every_lesson_exports_to_both_frameworks(lesson):
    session = Session.from_lesson(lesson)
    for framework in ("pytorch", "keras"):
        code = code_for(session, framework, weights=True)
        compile(code, f"<{framework} {lesson}>", "exec")
        assert LESSONS[lesson].title in code


def test_augmentation_is_named_as_left_out():
    session = Session.from_lesson("augmentation")
    for framework in ("pytorch", "keras"):
        assert "jittered copies of the training points (augment 0.3" in " ".join(code_for(session, framework).split())
        assert "jittered" not in code_for(Session.from_lesson("xor"), framework)


def test_code_for_names_the_allowed_frameworks():
    session = configured_session("tanh-sgd", steps=0)
    assert code_for(session, "pytorch") == pytorch_code(session, weights=True)
    assert code_for(session, "keras", weights=False) == keras_code(session, weights=False)
    with pytest.raises(ValueError, match="pytorch, keras"):
        code_for(session, "jax")


def test_export_imports_no_framework():
    script = ("import sys\n"
              "from nnviz.export.code import code_for\n"
              "from nnviz.session import Session\n"
              "s = Session({'hidden': [{'size': 3, 'activation': 'prelu', 'batch_norm': True}]})\n"
              "code_for(s, 'pytorch'); code_for(s, 'keras')\n"
              "assert not {'torch', 'tensorflow', 'keras'} & set(sys.modules), sorted(sys.modules)\n")
    subprocess.run([sys.executable, "-c", script], check=True, cwd=ROOT)


# --------------------------------------------------------------------------- Keras text
KERAS_ACTIVATIONS = {"linear", "sigmoid", "tanh", "relu", "elu", "softmax"}


@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("weights", [False, True])
def test_keras_code_compiles_with_the_right_layers(name, weights):
    session = configured_session(name)
    code = keras_code(session, weights=weights)
    compile(code, f"<keras {name}>", "exec")
    layers, config = session.network.layers, session.config
    dense = calls_of(code, "keras.layers.Dense")
    assert [ast.literal_eval(c.args[0]) for c in dense] == [layer["size"] for layer in layers]
    for call, layer in zip(dense, layers):
        act = layer["activation"]
        expected = act if act in KERAS_ACTIVATIONS and not layer["batch_norm"] else None
        assert kwarg_of(call, "activation") == expected
        assert kwarg_of(call, "use_bias") == (False if layer["batch_norm"] else None)
        reg = kwarg_of(call, "kernel_regularizer")
        if config["regularization"] != "none":
            assert reg == f"keras.regularizers.{config['regularization']}({config['reg_rate']!r})"
        else:
            assert reg is None
    norms = calls_of(code, "keras.layers.BatchNormalization")
    assert len(norms) == sum(layer["batch_norm"] for layer in layers)
    assert all(kwarg_of(c, "momentum") == 0.9 and kwarg_of(c, "epsilon") == 1e-5 for c in norms)
    assert len(calls_of(code, "keras.layers.Dropout")) == sum(layer["dropout"] > 0 for layer in layers)
    prelus = calls_of(code, "keras.layers.PReLU")
    assert len(prelus) == sum(layer["activation"] == "prelu" for layer in layers)
    assert all("Constant(0.25)" in kwarg_of(c, "alpha_initializer") for c in prelus)
    leaky = calls_of(code, "keras.layers.LeakyReLU")
    assert len(leaky) == sum(layer["activation"] == "leaky_relu" for layer in layers)
    assert all(kwarg_of(c, "negative_slope") == 0.01 for c in leaky)
    residuals = sum(layer["residual"] for layer in layers)
    assert len(calls_of(code, "keras.layers.Add")) == residuals
    assert len(calls_of(code, "keras.Model")) == (residuals > 0)
    assert len(calls_of(code, "keras.Sequential")) == (residuals == 0)
    loss = {"bce": "binary_crossentropy", "cross_entropy": "sparse_categorical_crossentropy", "mse": "mse"}
    (compile_call,) = calls_of(code, "model.compile")
    assert kwarg_of(compile_call, "loss") == loss[session.prep.loss]
    assert kwarg_of(compile_call, "metrics") == (None if session.prep.task == "regression" else ["accuracy"])
    optimizer = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW",
                 "nadam": "Nadam"}[config["optimizer"]]
    (opt_call,) = calls_of(code, f"keras.optimizers.{optimizer}")
    lr = kwarg_of(opt_call, "learning_rate")
    if config["schedule"] == "constant" and not config["optimizer_options"].get("lr_decay"):
        assert lr == config["lr"]
    else:
        assert lr == "lr_schedule"
    assert kwarg_of(opt_call, "global_clipnorm") == (config["clip_norm"] or None)
    assert kwarg_of(opt_call, "clipnorm") is None
    assert len(calls_of(code, "keras.optimizers.schedules.ExponentialDecay")) == (config["schedule"] != "constant")
    (fit,) = calls_of(code, "model.fit")
    assert kwarg_of(fit, "batch_size") == config["batch_size"] and kwarg_of(fit, "epochs") >= 1
    assert ("set_floatx('float64')" in code) == (config["dtype"] == "float64")
    assert "import keras\n" in code and "tensorflow" not in code and "tf." not in code


def test_keras_lecture_style():
    session = Session({**BASE, "hidden": hidden_layers((8, "tanh")), "lr": 0.1})
    code = keras_code(session)
    assert "model = keras.Sequential([" in code
    assert "    keras.layers.Input(shape=(2,))," in code
    assert "    keras.layers.Dense(8, activation='tanh')," in code
    assert "    keras.layers.Dense(1, activation='sigmoid')," in code
    assert ("model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1),\n"
            "              loss='binary_crossentropy', metrics=['accuracy'])") in code
    assert "model.fit(X_train, y_train, batch_size=8, epochs=" in code
    named = keras_code(session, weights=True)
    assert "    keras.layers.Dense(8, activation='tanh', name='hidden1')," in named
    assert "model.get_layer(name).set_weights(" in named and "get_layer" not in code


@pytest.mark.parametrize("init, expected", [
    ("xavier_uniform", None), ("xavier_normal", "glorot_normal"), ("he_uniform", "he_uniform"),
    ("he_normal", "he_normal"), ("zeros", "zeros"), ("uniform", "kernel_init()"), ("normal", "kernel_init()")])
def test_keras_initializers_by_name(init, expected):
    code = keras_code(Session({**BASE, "hidden": hidden_layers((3, "tanh")), "init": init}))
    assert all(kwarg_of(c, "kernel_initializer") == expected for c in calls_of(code, "keras.layers.Dense"))
    if init == "uniform":
        assert "RandomUniform(minval=-0.05, maxval=0.05)" in code
    if init == "normal":
        assert "RandomNormal(mean=0.0, stddev=0.05)" in code
    gained = keras_code(Session({**BASE, "hidden": hidden_layers((3, "tanh")), "init": init, "init_gain": 2.0}))
    if init.startswith(("xavier", "he")):
        scale = 4.0 * (2.0 if init.startswith("he") else 1.0)
        assert f"VarianceScaling(scale={scale!r}" in gained



def test_csv_sessions_use_their_raw_columns_and_a_safe_docstring(tmp_path):
    session = csv_regression_session(tmp_path)
    for code in (pytorch_code(session), keras_code(session)):
        compile(code, "<csv>", "exec")
        assert "FEATURES" not in code and "TARGET_MEAN" in code
        assert np.array_equal(assigned_in(code, "TRAIN_POINTS"), session.prep.train.X)
