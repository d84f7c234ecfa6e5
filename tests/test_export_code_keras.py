"""The exported Keras code, run on Keras 3 (the PyTorch backend unless KERAS_BACKEND says otherwise).

The code is exec-ed under a non-main name: it builds the model, loads the
embedded weights and compiles it, and trains nothing. Its input preparation
equals the session's exactly and the weights it loads are nnviz's bit for bit.
Its forward pass equals the engine's to 1e-12 on the TensorFlow backend; the
PyTorch and JAX backends of Keras 3.15 multiply float64 matrices in float32
(``keras.ops.matmul`` promotes float64 to float32 off TensorFlow, as JAX does
without x64), so there the comparison is at float32 precision. Trained with
``train_on_batch`` on the session's own mini-batches, its weights follow the
engine's. Where Keras's rules differ from torch's (and so nnviz's), the code
says so in a comment and the comparison allows that difference: Adam, NAdam,
Adagrad and RMSprop place epsilon differently (see ``_step_tolerance``); Keras
moves the batch-norm variance with the biased batch variance, so the moving
variance is not compared after training.
"""

import os
import subprocess
import sys

import numpy as np
import pytest

os.environ.setdefault("KERAS_BACKEND", "torch")   # keras chooses its backend when first imported
import keras  # noqa: E402

from export_code_helpers import (BASE, CONFIGS, configured_session, csv_regression_session,  # noqa: E402
                                 load_script, without_randomness)
from nnviz.export.code import keras_code  # noqa: E402
from nnviz.session import LESSONS, Session  # noqa: E402

# Keras's PyTorch backend turns tensors into arrays with np.array(tensor), which numpy 2 warns about
# (torch's __array__ takes no copy argument). Keras's own code, not the exported code, does this.
pytestmark = pytest.mark.filterwarnings("ignore:__array__ implementation doesn't accept a copy keyword")


@pytest.fixture(autouse=True)
def _keep_keras_floatx():
    """A float64 script sets Keras's floatx when it runs; restore it after each test."""
    saved = keras.config.floatx()
    yield
    keras.config.set_floatx(saved)


def _keras_weights(session):
    """The session's parameters in Keras's layout: {layer name: [arrays]}, as the exported code sets them."""
    out = {}
    net = session.network
    for i, (params, buffers) in enumerate(zip(net.params, net.buffers)):
        block = "output" if i == net.n_layers - 1 else f"hidden{i + 1}"
        out[block] = [params["W"]] + ([params["b"]] if "b" in params else [])
        if "gamma" in params:
            out[f"{block}_bn"] = [params["gamma"], params["beta"], buffers["running_mean"], buffers["running_var"]]
        if "alpha" in params:
            out[f"{block}_prelu"] = [params["alpha"]]
    return out


def _weights_of(layer):
    return layer.get_weights()


def _assert_weights(model, session, moving_variance=True, **tolerance):
    for name, arrays in _keras_weights(session).items():
        got = _weights_of(model.get_layer(name))
        assert len(got) == len(arrays), name
        for k, (g, want) in enumerate(zip(got, arrays)):
            if name.endswith("_bn") and k == 3 and not moving_variance:
                continue
            np.testing.assert_allclose(g, want, err_msg=f"{name}[{k}]", **tolerance)


FULL_FLOAT64 = keras.backend.backend() == "tensorflow"


def _forward_tolerance(session):
    if session.network.dtype == np.float64 and FULL_FLOAT64:
        return dict(rtol=1e-12, atol=1e-12)
    return dict(rtol=1e-5, atol=1e-6)


def _forward(model, X):
    return keras.ops.convert_to_numpy(model(X, training=False))


@pytest.mark.parametrize("name", ["features", "prelu-bn-nadam", "softmax-mse", "regression-housing", "float32",
                                  "no-test-set", "step-residual", "iris-4d", "softmax-ce", "leaky-adamw",
                                  "l2-staircase", "linear-dropout"])
def test_keras_code_runs_prepares_data_and_predicts_as_nnviz(name):
    session = configured_session(name, steps=7)
    ns = load_script(keras_code(session, weights=True))
    prep, dtype = session.prep, session.network.dtype
    np.testing.assert_array_equal(ns["prepare_inputs"](prep.dataset.X), prep.inputs(prep.dataset.X).astype(dtype))
    np.testing.assert_array_equal(ns["X_train"], prep.X_train.astype(dtype))
    y = prep.y_train if prep.loss == "cross_entropy" else prep.y_train.astype(dtype)
    np.testing.assert_array_equal(ns["y_train"], y)
    model = ns["model"]
    _assert_weights(model, session, rtol=0, atol=0)
    expected = session.network.forward(prep.X_train, training=False).output
    np.testing.assert_allclose(_forward(model, ns["X_train"]), expected, **_forward_tolerance(session))


KERAS_CLIP = 1e-7    # Keras clips probabilities to [KERAS_CLIP, 1 - KERAS_CLIP] before a cross-entropy


def _keras_clips(session):
    """True when the step just taken had a probability Keras clips: from there its gradient differs.

    nnviz (as torch) takes the cross-entropy from the logit; the exported code says so in a comment.
    """
    if session.prep.loss == "mse":
        return False
    p = session.record.trace.output
    return bool(np.any(p < KERAS_CLIP) or np.any(p > 1 - KERAS_CLIP))


def _dense_kernels(model, session):
    return [model.get_layer("output" if i == session.network.n_layers - 1 else f"hidden{i + 1}").get_weights()[0]
            for i in range(session.network.n_layers)]


def _train_alongside(session, steps):
    """Train the session and the Keras model on the same mini-batches, comparing the weights every step.

    SGD (momentum included while the rate is constant) follows the same rule as nnviz: every weight is
    compared, to float64 rounding on TensorFlow and float32 rounding elsewhere (see the module's
    docstring). The adaptive optimizers add epsilon at another place (before the bias correction, or
    inside the square root), which changes the update of a weight whose gradient is near epsilon
    by up to the whole update: for them, each layer's total change W - W0 must agree within 5 %.
    Comparison stops at a step where Keras clips a probability; the number compared is returned.
    """
    without_randomness(session)
    ns = load_script(keras_code(session, weights=True))
    model = ns["model"]
    start = [params["W"].copy() for params in session.network.params]
    if session.network.dtype == np.float64 and FULL_FLOAT64:
        tolerance = dict(rtol=1e-10, atol=1e-10)
    else:
        tolerance = dict(rtol=1e-4, atol=1e-5)
    for step in range(steps):
        session.advance("step")
        batch = session.batch
        model.train_on_batch(ns["prepare_inputs"](session.prep.train.X[batch]),
                             ns["prepare_targets"](session.prep.train.y[batch]))
        if _keras_clips(session):
            return ns, step
        if session.config["optimizer"] == "sgd":
            _assert_weights(model, session, moving_variance=False, **tolerance)
            continue
        for k, (W0, params, W) in enumerate(zip(start, session.network.params, _dense_kernels(model, session))):
            change = params["W"] - W0
            assert np.linalg.norm((W - W0) - change) <= 0.05 * np.linalg.norm(change) + 1e-12, (step, k)
    return ns, steps


# Not here, as the code's comments say: SGD with momentum and weight decay, and NAdam with weight decay
# (Keras's weight decay is decoupled), and centered RMSprop (Keras adds epsilon 1e-8 inside the square
# root, torch outside: 1e-4 against 1e-8 next to a small gradient).
KERAS_STEP_CONFIGS = ["tanh-sgd", "relu-he-adam", "leaky-adamw",
                      "step-residual", "bn-dropout-clip", "l2-step-schedule", "l1-exp-schedule",
                      "softmax-ce", "softmax-mse", "regression-1d", "regression-housing", "float32",
                      "full-batch-zeros"]


@pytest.mark.parametrize("name", KERAS_STEP_CONFIGS)
def test_keras_training_steps_follow_the_engine(name):
    _, compared = _train_alongside(Session({**BASE, **CONFIGS[name]}), steps=4)
    assert compared == 4


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_every_lesson_keras_code_runs_and_matches_the_engine(lesson):
    """Each lesson: forward from its start, three steps side by side, then one epoch of model.fit."""
    session = Session.from_lesson(lesson)
    ns = load_script(keras_code(session, weights=True))
    expected = session.network.forward(session.prep.X_train, training=False).output
    np.testing.assert_allclose(_forward(ns["model"], ns["X_train"]), expected, **_forward_tolerance(session))
    ns, _ = _train_alongside(session, steps=3)    # fewer when a first step saturates a sigmoid (large weights)
    model = ns["model"]
    history = model.fit(ns["X_train"], ns["y_train"], batch_size=session.config["batch_size"], epochs=1, verbose=0)
    assert len(history.history["loss"]) == 1


def test_step_units_pass_zero_gradients():
    session = configured_session("step-residual", steps=0)
    ns = load_script(keras_code(session, weights=True))
    model = ns["model"]
    before = _weights_of(model.get_layer("hidden1"))
    model.train_on_batch(ns["X_train"][:8], ns["y_train"][:8])
    for got, want in zip(_weights_of(model.get_layer("hidden1")), before):
        np.testing.assert_array_equal(got, want)


def test_csv_session_code_prepares_its_raw_columns(tmp_path):
    session = csv_regression_session(tmp_path)
    ns = load_script(keras_code(session))
    np.testing.assert_array_equal(ns["X_train"], session.prep.X_train)
    np.testing.assert_array_equal(ns["y_train"], session.prep.y_train)


def test_the_code_trains_when_run_as_a_script(tmp_path):
    """python keras_code.py: builds, compiles and fits (one run, a short lesson, one epoch)."""
    session = Session.from_lesson("xor")
    code = keras_code(session, weights=True).replace("epochs=", "epochs=1 or ")
    path = tmp_path / "xor_keras.py"
    path.write_text(code)
    env = {**os.environ, "KERAS_BACKEND": os.environ["KERAS_BACKEND"]}
    done = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "val_loss" in done.stdout
