"""Sessions of every kind the code export must handle, and readers of the code it writes."""

import ast

import numpy as np

from nnviz.session import Session


def hidden_layers(*layers):
    out = []
    for layer in layers:
        size, act, *flags = layer
        out.append({"size": size, "activation": act, "batch_norm": "bn" in flags,
                    "dropout": 0.25 if "dropout" in flags else 0.0, "residual": "res" in flags})
    return out


BASE = {"dataset": "xor", "n_samples": 40, "noise": 0.1, "batch_size": 8, "seed": 3}

CONFIGS = {
    "tanh-sgd": {"hidden": hidden_layers((4, "tanh"), (4, "tanh"))},
    "no-hidden": {"hidden": []},
    "sigmoid-momentum": {"hidden": hidden_layers((5, "sigmoid")), "optimizer": "sgd",
                         "optimizer_options": {"momentum": 0.9, "nesterov": True, "weight_decay": 1e-3}},
    "relu-he-adam": {"hidden": hidden_layers((6, "relu"), (6, "relu", "res")), "init": "he_normal",
                     "optimizer": "adam", "lr": 0.01, "optimizer_options": {"betas": (0.8, 0.99), "amsgrad": True}},
    "leaky-adamw": {"hidden": hidden_layers((5, "leaky_relu"), (5, "leaky_relu", "res")), "init": "he_uniform",
                    "optimizer": "adamw", "lr": 0.01, "optimizer_options": {"weight_decay": 0.05}},
    "prelu-bn-nadam": {"hidden": hidden_layers((5, "prelu", "bn"), (5, "prelu", "bn", "res")),
                       "optimizer": "nadam", "lr": 0.01, "optimizer_options": {"weight_decay": 1e-3}},
    "elu-rmsprop": {"hidden": hidden_layers((4, "elu", "bn"), (3, "elu")), "init": "xavier_normal",
                    "optimizer": "rmsprop", "lr": 0.005,
                    "optimizer_options": {"momentum": 0.5, "centered": True, "alpha": 0.9}},
    "step-adagrad": {"hidden": hidden_layers((6, "step"), (4, "tanh")), "optimizer": "adagrad", "lr": 0.05,
                     "optimizer_options": {"lr_decay": 0.01, "initial_accumulator_value": 0.1}},
    "step-residual": {"hidden": hidden_layers((2, "step", "res"), (3, "sigmoid"))},
    "linear-dropout": {"hidden": hidden_layers((5, "linear", "dropout"), (5, "tanh", "dropout", "res")),
                       "init": "uniform", "init_gain": 3.0},
    "bn-dropout-clip": {"hidden": hidden_layers((6, "tanh", "bn", "dropout"), (6, "relu", "bn", "dropout", "res")),
                        "clip_norm": 0.05, "optimizer": "sgd", "optimizer_options": {"momentum": 0.5}},
    "l2-step-schedule": {"hidden": hidden_layers((4, "tanh")), "regularization": "l2", "reg_rate": 0.01,
                         "schedule": "step", "schedule_options": {"step_size": 1, "gamma": 0.5}},
    "l1-exp-schedule": {"hidden": hidden_layers((4, "relu")), "regularization": "l1", "reg_rate": 0.01,
                        "schedule": "exponential", "schedule_options": {"decay_steps": 2, "decay_rate": 0.5}},
    "l2-staircase": {"hidden": hidden_layers((4, "prelu")), "regularization": "l2", "reg_rate": 0.02, "init": "normal",
                     "init_gain": 2.0, "schedule": "exponential",
                     "schedule_options": {"decay_steps": 2, "decay_rate": 0.7, "staircase": True},
                     "optimizer": "adam", "lr": 0.02, "clip_norm": 0.5},
    "features": {"features": ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"],
                 "hidden": hidden_layers((4, "tanh"))},
    "raw-inputs": {"features": ["x2", "x1*x2"], "standardize": False, "hidden": hidden_layers((3, "relu"))},
    "float32": {"dtype": "float32", "hidden": hidden_layers((4, "tanh", "bn"), (4, "prelu", "res")),
                "optimizer": "adam", "lr": 0.01},
    "float32-l1": {"dtype": "float32", "hidden": hidden_layers((4, "relu")), "regularization": "l1", "reg_rate": 0.01,
                   "optimizer": "sgd", "optimizer_options": {"momentum": 0.9}},
    "softmax-ce": {"dataset": "spiral3", "n_samples": 45, "hidden": hidden_layers((6, "tanh"), (6, "relu", "bn")),
                   "optimizer": "adam", "lr": 0.01},
    "softmax-mse": {"dataset": "blobs3", "n_samples": 45, "loss": "mse", "output_activation": "softmax",
                    "hidden": hidden_layers((5, "elu"))},
    "binary-mse-sigmoid": {"loss": "mse", "hidden": hidden_layers((4, "tanh"))},
    "binary-mse-tanh": {"loss": "mse", "output_activation": "tanh", "hidden": hidden_layers((4, "relu"))},
    "regression-1d": {"dataset": "sine", "n_samples": 40, "hidden": hidden_layers((6, "tanh"), (6, "tanh", "res")),
                      "optimizer": "rmsprop", "lr": 0.01},
    "regression-housing": {"dataset": "housing", "n_samples": 40, "hidden": hidden_layers((4, "relu", "bn")),
                           "regularization": "l2", "reg_rate": 0.001},
    "regression-plane": {"dataset": "plane", "n_samples": 40, "standardize": False, "hidden": [],
                         "optimizer": "sgd", "lr": 0.1},
    "iris-4d": {"dataset": "iris", "hidden": hidden_layers((5, "relu")), "optimizer": "adam", "lr": 0.01,
                "batch_size": 16},
    "no-test-set": {"test_ratio": 0.0, "hidden": hidden_layers((3, "tanh", "bn")), "batch_size": 13},
    "full-batch-zeros": {"init": "zeros", "hidden": hidden_layers((3, "sigmoid")), "batch_size": 1000},
}


def configured_session(name, steps=3):
    session = Session({**BASE, **CONFIGS[name]})
    session.run(steps)
    return session


def dotted_name(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted_name(node.value)}.{node.attr}"
    return ""


def calls_of(code, name):
    """Every call of the dotted function ``name`` in ``code``, as ast.Call nodes."""
    return [n for n in ast.walk(ast.parse(code)) if isinstance(n, ast.Call) and dotted_name(n.func) == name]


def kwarg_of(call, key):
    for kw in call.keywords:
        if kw.arg == key:
            return ast.literal_eval(kw.value) if not isinstance(kw.value, (ast.Call, ast.Name, ast.Attribute)) \
                else ast.unparse(kw.value)
    return None


def assigned_in(code, name):
    """The literal value assigned to the top-level ``name``."""
    for node in ast.parse(code).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            value = node.value
            if isinstance(value, ast.Call):                 # np.array([...])
                value = value.args[0]
            return ast.literal_eval(value)
    raise KeyError(name)




def csv_regression_session(tmp_path):
    """A regression session on a 3-column CSV file whose name holds double quotes."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(30, 3))
    path = tmp_path / 'prices "2024".csv'
    rows = ["a,b,c,price"] + [",".join(repr(float(v)) for v in (*x, x.sum() * 3 + 1)) for x in X]
    path.write_text("\n".join(rows) + "\n")
    session = Session({"dataset": "csv", "csv": {"path": str(path), "target": "price", "task": "regression"},
                       "hidden": hidden_layers((4, "tanh", "bn")), "batch_size": 5})
    session.run(2)
    return session


def load_script(code, name="nnviz_export"):
    """Exec generated code under a non-main name: it defines (and for Keras builds) but trains nothing."""
    namespace = {"__name__": name}
    exec(compile(code, f"<{name}>", "exec"), namespace)
    return namespace


def without_randomness(session):
    """The session without dropout and augmentation: their random draws cannot be matched across frameworks."""
    session.configure(hidden=[{**layer, "dropout": 0.0} for layer in session.config["hidden"]], augment=0.0)
    return session
