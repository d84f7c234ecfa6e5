"""Framework code export: the PyTorch script and the Keras code say what the session does.

Without torch: both texts compile, name the right layers, losses and optimizers,
and embed the exact numbers (weights, standardisation, data) the session holds;
the Keras code is also run against a stand-in ``tensorflow`` module, so its
names resolve and its numpy input preparation equals the session's.

With torch (``pytest.importorskip``): the generated script's model, loaded with
the embedded weights, reproduces the engine's forward pass (evaluation and
training mode) to 1e-12 in float64, and its training step reproduces the
engine's updates, optimizer state, schedule and clipping included.
"""

import ast
import math
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import numpy as np
import pytest

from nnviz.export import code as export_code
from nnviz.export.code import code_for, keras_code, pytorch_code
from nnviz.session import LESSONS, Session
from nnviz.session.schedule import scheduled_lr


ROOT = Path(__file__).resolve().parents[1]


def _hidden(*layers):
    out = []
    for layer in layers:
        size, act, *flags = layer
        out.append({"size": size, "activation": act, "batch_norm": "bn" in flags,
                    "dropout": 0.25 if "dropout" in flags else 0.0, "residual": "res" in flags})
    return out


BASE = {"dataset": "xor", "n_samples": 40, "noise": 0.1, "batch_size": 8, "seed": 3}

CONFIGS = {
    "tanh-sgd": {"hidden": _hidden((4, "tanh"), (4, "tanh"))},
    "no-hidden": {"hidden": []},
    "sigmoid-momentum": {"hidden": _hidden((5, "sigmoid")), "optimizer": "sgd",
                         "optimizer_options": {"momentum": 0.9, "nesterov": True, "weight_decay": 1e-3}},
    "relu-he-adam": {"hidden": _hidden((6, "relu"), (6, "relu", "res")), "init": "he_normal",
                     "optimizer": "adam", "lr": 0.01, "optimizer_options": {"betas": (0.8, 0.99), "amsgrad": True}},
    "leaky-adamw": {"hidden": _hidden((5, "leaky_relu"), (5, "leaky_relu", "res")), "init": "he_uniform",
                    "optimizer": "adamw", "lr": 0.01, "optimizer_options": {"weight_decay": 0.05}},
    "prelu-bn-nadam": {"hidden": _hidden((5, "prelu", "bn"), (5, "prelu", "bn", "res")),
                       "optimizer": "nadam", "lr": 0.01, "optimizer_options": {"weight_decay": 1e-3}},
    "elu-rmsprop": {"hidden": _hidden((4, "elu", "bn"), (3, "elu")), "init": "xavier_normal",
                    "optimizer": "rmsprop", "lr": 0.005,
                    "optimizer_options": {"momentum": 0.5, "centered": True, "alpha": 0.9}},
    "step-adagrad": {"hidden": _hidden((6, "step"), (4, "tanh")), "optimizer": "adagrad", "lr": 0.05,
                     "optimizer_options": {"lr_decay": 0.01, "initial_accumulator_value": 0.1}},
    "step-residual": {"hidden": _hidden((2, "step", "res"), (3, "sigmoid"))},
    "linear-dropout": {"hidden": _hidden((5, "linear", "dropout"), (5, "tanh", "dropout", "res")),
                       "init": "uniform", "init_gain": 3.0},
    "bn-dropout-clip": {"hidden": _hidden((6, "tanh", "bn", "dropout"), (6, "relu", "bn", "dropout", "res")),
                        "clip_norm": 0.05, "optimizer": "sgd", "optimizer_options": {"momentum": 0.5}},
    "l2-step-schedule": {"hidden": _hidden((4, "tanh")), "regularization": "l2", "reg_rate": 0.01,
                         "schedule": "step", "schedule_options": {"step_size": 1, "gamma": 0.5}},
    "l1-exp-schedule": {"hidden": _hidden((4, "relu")), "regularization": "l1", "reg_rate": 0.01,
                        "schedule": "exponential", "schedule_options": {"decay_steps": 2, "decay_rate": 0.5}},
    "l2-staircase": {"hidden": _hidden((4, "prelu")), "regularization": "l2", "reg_rate": 0.02, "init": "normal",
                     "init_gain": 2.0, "schedule": "exponential",
                     "schedule_options": {"decay_steps": 2, "decay_rate": 0.7, "staircase": True},
                     "optimizer": "adam", "lr": 0.02, "clip_norm": 0.5},
    "features": {"features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"],
                 "hidden": _hidden((4, "tanh"))},
    "raw-inputs": {"features": ["x2", "x1*x2"], "standardize": False, "hidden": _hidden((3, "relu"))},
    "float32": {"dtype": "float32", "hidden": _hidden((4, "tanh", "bn"), (4, "prelu", "res")),
                "optimizer": "adam", "lr": 0.01},
    "float32-l1": {"dtype": "float32", "hidden": _hidden((4, "relu")), "regularization": "l1", "reg_rate": 0.01,
                   "optimizer": "sgd", "optimizer_options": {"momentum": 0.9}},
    "softmax-ce": {"dataset": "spiral3", "n_samples": 45, "hidden": _hidden((6, "tanh"), (6, "relu", "bn")),
                   "optimizer": "adam", "lr": 0.01},
    "softmax-mse": {"dataset": "blobs3", "n_samples": 45, "loss": "mse", "output_activation": "softmax",
                    "hidden": _hidden((5, "elu"))},
    "binary-mse-sigmoid": {"loss": "mse", "hidden": _hidden((4, "tanh"))},
    "binary-mse-tanh": {"loss": "mse", "output_activation": "tanh", "hidden": _hidden((4, "relu"))},
    "regression-1d": {"dataset": "sine", "n_samples": 40, "hidden": _hidden((6, "tanh"), (6, "tanh", "res")),
                      "optimizer": "rmsprop", "lr": 0.01},
    "regression-housing": {"dataset": "housing", "n_samples": 40, "hidden": _hidden((4, "relu", "bn")),
                           "regularization": "l2", "reg_rate": 0.001},
    "regression-plane": {"dataset": "plane", "n_samples": 40, "standardize": False, "hidden": [],
                         "optimizer": "sgd", "lr": 0.1},
    "iris-4d": {"dataset": "iris", "hidden": _hidden((5, "relu")), "optimizer": "adam", "lr": 0.01,
                "batch_size": 16},
    "no-test-set": {"test_ratio": 0.0, "hidden": _hidden((3, "tanh", "bn")), "batch_size": 13},
    "full-batch-zeros": {"init": "zeros", "hidden": _hidden((3, "sigmoid")), "batch_size": 1000},
}


def _session(name, steps=3):
    session = Session({**BASE, **CONFIGS[name]})
    session.run(steps)
    return session


def _dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def _calls(code, name):
    """Every call of the dotted function ``name`` in ``code``, as ast.Call nodes."""
    return [n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call) and _dotted(n.func) == name]


def _kwarg(call, key):
    for kw in call.keywords:
        if kw.arg == key:
            return ast.literal_eval(kw.value) if not isinstance(kw.value, (ast.Call, ast.Name, ast.Attribute)) \
                else ast.unparse(kw.value)
    return None


def _assigned(code, name):
    """The literal value assigned to the top-level ``name``."""
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.Call):                 # np.array([...])
                value = value.args[0]
            return ast.literal_eval(value)
    raise KeyError(name)


# --------------------------------------------------------------------------- PyTorch text
@pytest.mark.parametrize("name", sorted(CONFIGS))
@pytest.mark.parametrize("weights", [True, False])
def test_pytorch_script_compiles_and_names_every_layer(name, weights):
    session = _session(name)
    code = pytorch_code(session, weights=weights)
    compile(code, f"<pytorch {name}>", "exec")
    layers = session.network.layers
    linears = _calls(code, "nn.Linear")
    assert [ast.literal_eval(c.args[1]) for c in linears] == [layer["size"] for layer in layers]
    assert [ast.literal_eval(c.args[0]) for c in linears] == session.network.sizes[:-1]
    assert [_kwarg(c, "bias") for c in linears] == [False if layer["batch_norm"] else None for layer in layers]
    norms = _calls(code, "nn.BatchNorm1d")
    assert len(norms) == sum(layer["batch_norm"] for layer in layers)
    assert all(_kwarg(c, "eps") == 1e-5 and _kwarg(c, "momentum") == 0.1 for c in norms)
    assert len(_calls(code, "nn.Dropout")) == sum(layer["dropout"] > 0 for layer in layers)
    assert code.count("residual=True") == sum(layer["residual"] for layer in layers)
    hidden_acts = [layer["activation"] for layer in layers[:-1]]
    expected = {"tanh": "nn.Tanh", "sigmoid": "nn.Sigmoid", "relu": "nn.ReLU", "elu": "nn.ELU",
                "leaky_relu": "nn.LeakyReLU", "prelu": "nn.PReLU", "linear": "nn.Identity", "step": "Step"}
    for act, module in expected.items():
        count = hidden_acts.count(act)
        if layers[-1]["activation"] == act and session.prep.loss == "mse" and act != "linear":
            count += 1
        assert len(_calls(code, module)) == count, act
    for call in _calls(code, "nn.PReLU"):
        assert _kwarg(call, "init") == 0.25 and _kwarg(call, "num_parameters") > 0
    for call in _calls(code, "nn.LeakyReLU"):
        assert _kwarg(call, "negative_slope") == 0.01
    loss = {"bce": "nn.BCEWithLogitsLoss", "cross_entropy": "nn.CrossEntropyLoss", "mse": "nn.MSELoss"}
    assert len(_calls(code, loss[session.prep.loss])) == 1
    optimizer = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW",
                 "nadam": "NAdam"}[session.config["optimizer"]]
    (opt_call,) = _calls(code, f"torch.optim.{optimizer}")
    assert _kwarg(opt_call, "lr") == session.config["lr"]
    for key, value in session.config["optimizer_options"].items():
        assert _kwarg(opt_call, key) == value, key
    clip = _calls(code, "torch.nn.utils.clip_grad_norm_")
    clip_norm = session.config["clip_norm"]
    assert [_kwarg(c, "max_norm") for c in clip] == ([clip_norm] if clip_norm else [])
    schedule = session.config["schedule"]
    assert len(_calls(code, "torch.optim.lr_scheduler.StepLR")) == (schedule == "step")
    float64 = session.config["dtype"] == "float64"
    assert ("DTYPE = torch.float64" in code) == float64 and ("torch.set_default_dtype(DTYPE)" in code) == float64
    assert 'if __name__ == "__main__":' in code
    assert ("WEIGHTS = {" in code) == weights and ("def load_weights" in code) == weights


@pytest.mark.parametrize("name", ["prelu-bn-nadam", "bn-dropout-clip", "float32", "softmax-ce", "regression-1d"])
def test_pytorch_script_embeds_the_exact_numbers(name):
    session = _session(name, steps=5)
    code = pytorch_code(session)
    weights = _assigned(code, "WEIGHTS")
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
    assert np.array_equal(_assigned(code, "INPUT_MEAN"), prep.input_scaler.mean)
    assert np.array_equal(_assigned(code, "INPUT_STD"), prep.input_scaler.std)
    assert np.array_equal(_assigned(code, "TRAIN_POINTS"), prep.train.X)
    assert np.array_equal(_assigned(code, "TRAIN_LABELS"), prep.train.y)
    assert np.array_equal(_assigned(code, "TEST_POINTS"), prep.test.X)


def test_a_diverged_session_writes_nan_and_inf_as_math_constants():
    session = _session("tanh-sgd", steps=1)
    W = session.network.params[0]["W"]
    W[0, 0], W[0, 1], W[1, 0] = np.nan, np.inf, -np.inf
    for framework in ("pytorch", "keras"):
        code = code_for(session, framework, weights=True)
        compile(code, framework, "exec")
        assert "import math" in code and "math.nan" in code and "-math.inf" in code
        assert re.search(r"[\[ ]math\.inf", code)
    assert "import math" not in pytorch_code(Session.from_lesson("xor"))


def test_large_data_sets_are_left_out(monkeypatch):
    monkeypatch.setattr(export_code, "MAX_EMBEDDED_VALUES", 10)
    session = _session("tanh-sgd", steps=0)
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


def test_code_for_names_the_allowed_frameworks():
    session = _session("tanh-sgd", steps=0)
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
    session = _session(name)
    code = keras_code(session, weights=weights)
    compile(code, f"<keras {name}>", "exec")
    layers, config = session.network.layers, session.config
    dense = _calls(code, "tf.keras.layers.Dense")
    assert [ast.literal_eval(c.args[0]) for c in dense] == [layer["size"] for layer in layers]
    for call, layer in zip(dense, layers):
        act = layer["activation"]
        expected = act if act in KERAS_ACTIVATIONS and not layer["batch_norm"] else None
        assert _kwarg(call, "activation") == expected
        assert _kwarg(call, "use_bias") == (False if layer["batch_norm"] else None)
        reg = _kwarg(call, "kernel_regularizer")
        if config["regularization"] != "none":
            assert reg == f"tf.keras.regularizers.{config['regularization']}({config['reg_rate']!r})"
        else:
            assert reg is None
    norms = _calls(code, "tf.keras.layers.BatchNormalization")
    assert len(norms) == sum(layer["batch_norm"] for layer in layers)
    assert all(_kwarg(c, "momentum") == 0.9 and _kwarg(c, "epsilon") == 1e-5 for c in norms)
    assert len(_calls(code, "tf.keras.layers.Dropout")) == sum(layer["dropout"] > 0 for layer in layers)
    prelus = _calls(code, "tf.keras.layers.PReLU")
    assert len(prelus) == sum(layer["activation"] == "prelu" for layer in layers)
    assert all("Constant(0.25)" in _kwarg(c, "alpha_initializer") for c in prelus)
    leaky = _calls(code, "tf.keras.layers.LeakyReLU")
    assert len(leaky) == sum(layer["activation"] == "leaky_relu" for layer in layers)
    assert all(_kwarg(c, "negative_slope") == 0.01 for c in leaky)
    residuals = sum(layer["residual"] for layer in layers)
    assert len(_calls(code, "tf.keras.layers.Add")) == residuals
    assert len(_calls(code, "tf.keras.Model")) == (residuals > 0)
    assert len(_calls(code, "tf.keras.Sequential")) == (residuals == 0)
    loss = {"bce": "binary_crossentropy", "cross_entropy": "sparse_categorical_crossentropy", "mse": "mse"}
    (compile_call,) = _calls(code, "model.compile")
    assert _kwarg(compile_call, "loss") == loss[session.prep.loss]
    assert _kwarg(compile_call, "metrics") == (None if session.prep.task == "regression" else ["accuracy"])
    optimizer = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam", "adamw": "AdamW",
                 "nadam": "Nadam"}[config["optimizer"]]
    (opt_call,) = _calls(code, f"tf.keras.optimizers.{optimizer}")
    lr = _kwarg(opt_call, "learning_rate")
    if config["schedule"] == "constant" and not config["optimizer_options"].get("lr_decay"):
        assert lr == config["lr"]
    else:
        assert lr == "lr_schedule"
    assert _kwarg(opt_call, "global_clipnorm") == (config["clip_norm"] or None)
    assert _kwarg(opt_call, "clipnorm") is None
    assert len(_calls(code, "tf.keras.optimizers.schedules.ExponentialDecay")) == (config["schedule"] != "constant")
    (fit,) = _calls(code, "model.fit")
    assert _kwarg(fit, "batch_size") == config["batch_size"] and _kwarg(fit, "epochs") >= 1
    assert ("set_floatx('float64')" in code) == (config["dtype"] == "float64")


def test_keras_lecture_style():
    session = Session({**BASE, "hidden": _hidden((8, "tanh")), "lr": 0.1})
    code = keras_code(session)
    assert "model = tf.keras.Sequential([" in code
    assert "    tf.keras.layers.Input(shape=(2,))," in code
    assert "    tf.keras.layers.Dense(8, activation='tanh')," in code
    assert "    tf.keras.layers.Dense(1, activation='sigmoid')," in code
    assert ("model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=0.1),\n"
            "              loss='binary_crossentropy', metrics=['accuracy'])") in code
    assert "model.fit(X_train, y_train, batch_size=8, epochs=" in code
    named = keras_code(session, weights=True)
    assert "    tf.keras.layers.Dense(8, activation='tanh', name='hidden1')," in named
    assert "model.get_layer(name).set_weights(" in named and "get_layer" not in code


@pytest.mark.parametrize("init, expected", [
    ("xavier_uniform", None), ("xavier_normal", "glorot_normal"), ("he_uniform", "he_uniform"),
    ("he_normal", "he_normal"), ("zeros", "zeros"), ("uniform", "kernel_init()"), ("normal", "kernel_init()")])
def test_keras_initializers_by_name(init, expected):
    code = keras_code(Session({**BASE, "hidden": _hidden((3, "tanh")), "init": init}))
    assert all(_kwarg(c, "kernel_initializer") == expected for c in _calls(code, "tf.keras.layers.Dense"))
    if init == "uniform":
        assert "RandomUniform(minval=-0.05, maxval=0.05)" in code
    if init == "normal":
        assert "RandomNormal(mean=0.0, stddev=0.05)" in code
    gained = keras_code(Session({**BASE, "hidden": _hidden((3, "tanh")), "init": init, "init_gain": 2.0}))
    if init.startswith(("xavier", "he")):
        scale = 4.0 * (2.0 if init.startswith("he") else 1.0)
        assert f"VarianceScaling(scale={scale!r}" in gained


class _FakeTensorFlow(mock.MagicMock):
    """A stand-in for the tensorflow module: every attribute and call is recorded, nothing computes."""


def _run_keras(code, monkeypatch):
    tf = _FakeTensorFlow()
    monkeypatch.setitem(sys.modules, "tensorflow", tf)
    namespace = {"__name__": "keras_export"}
    exec(compile(code, "<keras>", "exec"), namespace)
    return tf, namespace


@pytest.mark.parametrize("name", ["features", "prelu-bn-nadam", "softmax-mse", "regression-housing", "float32",
                                  "no-test-set", "step-residual", "iris-4d"])
def test_keras_code_runs_against_a_stand_in_and_prepares_data_as_nnviz(name, monkeypatch):
    session = _session(name)
    tf, ns = _run_keras(keras_code(session, weights=True), monkeypatch)
    prep = session.prep
    dtype = session.network.dtype
    np.testing.assert_array_equal(ns["prepare_inputs"](prep.dataset.X), prep.inputs(prep.dataset.X).astype(dtype))
    np.testing.assert_array_equal(ns["X_train"], prep.X_train.astype(dtype))
    y = prep.y_train if prep.loss == "cross_entropy" else prep.y_train.astype(dtype)
    np.testing.assert_array_equal(ns["y_train"], y)
    model = (tf.keras.Model if any(h["residual"] for h in session.config["hidden"]) else tf.keras.Sequential)
    model = model.return_value
    loaded = {c.args[0]: s.args[0] for c, s in zip(model.get_layer.call_args_list,
                                                  model.get_layer.return_value.set_weights.call_args_list)}
    net = session.network
    for i, (params, buffers) in enumerate(zip(net.params, net.buffers)):
        block = "output" if i == net.n_layers - 1 else f"hidden{i + 1}"
        expected = {block: [params["W"]] + ([params["b"]] if "b" in params else [])}
        if "gamma" in params:
            expected[f"{block}_bn"] = [params["gamma"], params["beta"], buffers["running_mean"], buffers["running_var"]]
        if "alpha" in params:
            expected[f"{block}_prelu"] = [params["alpha"]]
        for key, arrays in expected.items():
            assert len(loaded[key]) == len(arrays)
            for got, want in zip(loaded[key], arrays):
                np.testing.assert_array_equal(got.astype(dtype), want)
    model.fit.assert_called_once()


# --------------------------------------------------------------------------- PyTorch round trip
@pytest.fixture(autouse=True)
def _keep_torch_default_dtype():
    """A float64 script sets torch's default dtype when it runs; restore it after each test."""
    torch = sys.modules.get("torch")
    saved = torch.get_default_dtype() if torch is not None else None
    yield
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_default_dtype(saved or torch.float32)


def _load_script(code):
    """Exec the generated script under a non-main name: it defines, builds and trains nothing."""
    namespace = {"__name__": "nnviz_pytorch_export"}
    exec(compile(code, "<pytorch export>", "exec"), namespace)
    return namespace


def _tolerance(session):
    return dict(rtol=1e-12, atol=1e-12) if session.config["dtype"] == "float64" else dict(rtol=1e-5, atol=1e-5)


def _set_torch_dropout_off(torch, model):
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.p = 0.0


def _set_session_dropout_off(session):
    session.configure(hidden=[{**layer, "dropout": 0.0} for layer in session.config["hidden"]])


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_torch_forward_matches_the_engine(name):
    torch = pytest.importorskip("torch")
    session = _session(name, steps=7)
    ns = _load_script(pytorch_code(session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    raw = session.prep.dataset.X
    inputs = ns["prepare_inputs"](raw)
    np.testing.assert_allclose(inputs.numpy(), session.prep.inputs(raw).astype(session.network.dtype), rtol=1e-15,
                               atol=1e-15)
    expected = session.network.forward(session.prep.inputs(raw), training=False).output
    got = ns["predict"](model, inputs).numpy()
    assert got.dtype == session.network.dtype
    np.testing.assert_allclose(got, expected, **_tolerance(session))

    # Training mode with dropout off: batch statistics, and the running statistics move alike.
    _set_torch_dropout_off(torch, model)
    _set_session_dropout_off(session)
    X = session.prep.X_train[:20]
    trace = session.network.forward(X, training=True)
    model.train()
    with torch.no_grad():
        out = model(torch.as_tensor(X, dtype=ns["DTYPE"]))
    reference = trace.layers[-1].u if session.prep.loss in ("bce", "cross_entropy") else trace.output
    np.testing.assert_allclose(out.numpy(), reference, **_tolerance(session))
    state = model.state_dict()
    for i, buffers in enumerate(session.network.buffers):
        block = "output" if i == session.network.n_layers - 1 else f"hidden{i + 1}"
        for key, value in buffers.items():
            np.testing.assert_allclose(state[f"{block}.bn.{key}"].numpy(), value, **_tolerance(session))


@pytest.mark.parametrize("lesson, steps", [("fix-batchnorm", 30), ("fix-residual", 30), ("exploding-init", 3),
                                           ("digits-features", 10), ("dropout-overfitting", 30)])
def test_torch_forward_matches_the_engine_on_lessons(lesson, steps):
    pytest.importorskip("torch")
    session = Session.from_lesson(lesson)
    session.run(steps)
    ns = _load_script(pytorch_code(session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    raw = session.prep.dataset.X
    expected = session.network.forward(session.prep.inputs(raw), training=False).output
    np.testing.assert_allclose(ns["predict"](model, ns["prepare_inputs"](raw)).numpy(), expected,
                               rtol=1e-12, atol=1e-12)


STEP_CONFIGS = ["tanh-sgd", "sigmoid-momentum", "relu-he-adam", "leaky-adamw", "prelu-bn-nadam", "elu-rmsprop",
                "step-adagrad", "step-residual", "linear-dropout", "bn-dropout-clip", "l2-step-schedule",
                "l1-exp-schedule", "l2-staircase", "softmax-ce", "softmax-mse", "binary-mse-tanh", "regression-1d",
                "regression-housing", "float32", "float32-l1", "no-test-set", "full-batch-zeros"]


@pytest.mark.parametrize("name", STEP_CONFIGS)
def test_torch_training_steps_match_the_engine(name):
    torch = pytest.importorskip("torch")
    session = Session({**BASE, **CONFIGS[name]})
    _set_session_dropout_off(session)
    ns = _load_script(pytorch_code(session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    _set_torch_dropout_off(torch, model)
    loss_fn, optimizer = ns["make_loss"](), ns["make_optimizer"](model)
    scheduler = ns["make_scheduler"](optimizer)
    for _ in range(4):
        session.advance("step")
        batch = session.batch
        inputs = ns["prepare_inputs"](session.prep.train.X[batch])
        targets = ns["prepare_targets"](session.prep.train.y[batch])
        loss = ns["train_step"](model, loss_fn, optimizer, inputs, targets)
        scheduler.step()
        assert loss == pytest.approx(session.record.trace.loss, rel=1e-10 if session.network.dtype == np.float64
                                     else 1e-5)
        expected = _assigned(pytorch_code(session), "WEIGHTS")
        state = model.state_dict()
        for key, value in expected.items():
            got, want = state[key].numpy(), np.asarray(value)
            if session.network.dtype == np.float64:
                np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10, err_msg=key)
            else:
                np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5, err_msg=key)
        assert optimizer.param_groups[0]["lr"] == pytest.approx(scheduled_lr(session.config, session.step),
                                                                rel=1e-12)


def test_step_units_pass_zero_gradients_not_none():
    torch = pytest.importorskip("torch")
    session = _session("step-adagrad", steps=0)
    ns = _load_script(pytorch_code(session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    inputs = ns["prepare_inputs"](session.prep.train.X[:8])
    loss = ns["make_loss"]()(model(inputs), ns["prepare_targets"](session.prep.train.y[:8]))
    loss.backward()
    grad = model.hidden1.linear.weight.grad
    assert grad is not None and torch.count_nonzero(grad) == 0


@pytest.mark.parametrize("name", ["tanh-sgd", "bn-dropout-clip", "regression-housing", "softmax-ce", "no-test-set"])
def test_the_script_trains_when_run(name, capsys):
    pytest.importorskip("torch")
    session = _session(name)
    ns = _load_script(pytorch_code(session))
    model = ns["main"](epochs=2)
    printed = capsys.readouterr().out
    assert "epoch 2: batch loss" in printed and "train loss" in printed
    assert ("test loss" in printed) == bool(session.prep.test.y.size)
    assert ("accuracy" in printed) == (session.prep.task != "regression")
    assert all(math.isfinite(float(p.detach().abs().max())) for p in model.parameters())
    fresh = _load_script(pytorch_code(session, weights=False))
    assert "load_weights" not in fresh
    fresh["main"](epochs=1)


def test_a_script_without_data_says_so(monkeypatch):
    pytest.importorskip("torch")
    monkeypatch.setattr(export_code, "MAX_EMBEDDED_VALUES", 10)
    ns = _load_script(pytorch_code(_session("tanh-sgd", steps=0)))
    with pytest.raises(SystemExit, match="TRAIN_POINTS"):
        ns["main"](epochs=1)


@pytest.fixture
def csv_session(tmp_path):
    """A regression session on a 3-column CSV file whose name holds double quotes."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    path = tmp_path / 'prices "2024".csv'
    rows = ["a,b,c,price"] + [",".join(repr(float(v)) for v in (*x, x.sum() * 3 + 1)) for x in X]
    path.write_text("\n".join(rows) + "\n")
    session = Session({"dataset": "csv", "csv": {"path": str(path), "target": "price", "task": "regression"},
                       "hidden": _hidden((4, "tanh", "bn")), "batch_size": 5})
    session.run(2)
    return session


def test_csv_sessions_use_their_raw_columns_and_a_safe_docstring(csv_session, monkeypatch):
    code = pytorch_code(csv_session)
    compile(code, "<pytorch csv>", "exec")
    assert "FEATURES" not in code and "TARGET_MEAN" in code
    assert np.array_equal(_assigned(code, "TRAIN_POINTS"), csv_session.prep.train.X)
    _, ns = _run_keras(keras_code(csv_session), monkeypatch)
    np.testing.assert_array_equal(ns["X_train"], csv_session.prep.X_train)
    np.testing.assert_array_equal(ns["y_train"], csv_session.prep.y_train)


def test_torch_forward_matches_the_engine_on_a_csv_file(csv_session):
    pytest.importorskip("torch")
    ns = _load_script(pytorch_code(csv_session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    raw = csv_session.prep.dataset.X
    got = ns["to_units"](ns["predict"](model, ns["prepare_inputs"](raw))).numpy()
    np.testing.assert_allclose(got, csv_session.predict(raw), rtol=1e-12, atol=1e-12)
