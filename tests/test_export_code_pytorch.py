"""The exported PyTorch script, run: its numbers are nnviz's.

The generated script's model, loaded with the embedded weights, reproduces the
engine's forward pass (evaluation and training mode) to 1e-12 in float64, and
its training step reproduces the engine's updates, optimizer state, schedule
and clipping included, for the configurations of export_code_helpers and for
every lesson.
"""

import math

import numpy as np
import pytest
import torch

from export_code_helpers import (BASE, CONFIGS, assigned_in, configured_session, csv_regression_session,
                                 load_script, without_randomness)
from nnviz.export.code import common as export_common, pytorch_code
from nnviz.session import LESSONS, Session
from nnviz.session.schedule import scheduled_lr


@pytest.fixture(autouse=True)
def _keep_torch_default_dtype():
    """A float64 script sets torch's default dtype when it runs; restore it after each test."""
    saved = torch.get_default_dtype()
    yield
    torch.set_default_dtype(saved)


def _tolerance(session):
    return dict(rtol=1e-12, atol=1e-12) if session.config["dtype"] == "float64" else dict(rtol=1e-5, atol=1e-5)


def _set_torch_dropout_off(model):
    for module in model.modules():
        if isinstance(module, torch.nn.Dropout):
            module.p = 0.0


def _loaded_model(session):
    ns = load_script(pytorch_code(session))
    model = ns["build_model"]()
    ns["load_weights"](model)
    return ns, model


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_torch_forward_matches_the_engine(name):
    session = configured_session(name, steps=7)
    ns, model = _loaded_model(session)
    raw = session.prep.dataset.X
    inputs = ns["prepare_inputs"](raw)
    np.testing.assert_allclose(inputs.numpy(), session.prep.inputs(raw).astype(session.network.dtype), rtol=1e-15,
                               atol=1e-15)
    expected = session.network.forward(session.prep.inputs(raw), training=False).output
    got = ns["predict"](model, inputs).numpy()
    assert got.dtype == session.network.dtype
    np.testing.assert_allclose(got, expected, **_tolerance(session))

    # Training mode with dropout off: batch statistics, and the running statistics move alike.
    _set_torch_dropout_off(model)
    without_randomness(session)
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


def _train_alongside(session, steps):
    """Train the session and its exported script side by side on the same batches, comparing every step."""
    without_randomness(session)
    ns, model = _loaded_model(session)
    loss_fn, optimizer = ns["make_loss"](), ns["make_optimizer"](model)
    scheduler = ns["make_scheduler"](optimizer)
    float64 = session.network.dtype == np.float64
    for _ in range(steps):
        session.advance("step")
        batch = session.batch
        inputs = ns["prepare_inputs"](session.prep.train.X[batch])
        targets = ns["prepare_targets"](session.prep.train.y[batch])
        loss = ns["train_step"](model, loss_fn, optimizer, inputs, targets)
        scheduler.step()
        assert loss == pytest.approx(session.record.trace.loss, rel=1e-10 if float64 else 1e-5)
        expected = assigned_in(pytorch_code(session), "WEIGHTS")
        state = model.state_dict()
        for key, value in expected.items():
            got, want = state[key].numpy(), np.asarray(value)
            if float64:
                np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-10, err_msg=key)
            else:
                np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-5, err_msg=key)
        assert optimizer.param_groups[0]["lr"] == pytest.approx(scheduled_lr(session.config, session.step),
                                                                rel=1e-12)
    return ns


STEP_CONFIGS = ["tanh-sgd", "sigmoid-momentum", "relu-he-adam", "leaky-adamw", "prelu-bn-nadam", "elu-rmsprop",
                "step-adagrad", "step-residual", "linear-dropout", "bn-dropout-clip", "l2-step-schedule",
                "l1-exp-schedule", "l2-staircase", "softmax-ce", "softmax-mse", "binary-mse-tanh", "regression-1d",
                "regression-housing", "float32", "float32-l1", "no-test-set", "full-batch-zeros"]


@pytest.mark.parametrize("name", STEP_CONFIGS)
def test_torch_training_steps_match_the_engine(name):
    _train_alongside(Session({**BASE, **CONFIGS[name]}), steps=4)


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_every_lesson_script_runs_and_matches_the_engine(lesson, capsys):
    """Each lesson: three steps side by side from its start, then forward to 1e-12, then the script's own loop.

    Side by side starts at step 0 because the script carries the weights but not the optimizer's state.
    """
    session = Session.from_lesson(lesson)
    _train_alongside(session, steps=3)
    ns, model = _loaded_model(session)
    raw = session.prep.dataset.X
    expected = session.network.forward(session.prep.inputs(raw), training=False).output
    np.testing.assert_allclose(ns["predict"](model, ns["prepare_inputs"](raw)).numpy(), expected,
                               rtol=1e-12, atol=1e-12)
    ns["main"](epochs=1)              # the exploding and too-large-rate lessons may diverge here, as they should
    assert "epoch 1: batch loss" in capsys.readouterr().out


def test_step_units_pass_zero_gradients_not_none():
    session = configured_session("step-adagrad", steps=0)
    ns, model = _loaded_model(session)
    inputs = ns["prepare_inputs"](session.prep.train.X[:8])
    loss = ns["make_loss"]()(model(inputs), ns["prepare_targets"](session.prep.train.y[:8]))
    loss.backward()
    grad = model.hidden1.linear.weight.grad
    assert grad is not None and torch.count_nonzero(grad) == 0


@pytest.mark.parametrize("name", ["tanh-sgd", "bn-dropout-clip", "regression-housing", "softmax-ce", "no-test-set"])
def test_the_script_trains_when_run(name, capsys):
    session = configured_session(name)
    ns = load_script(pytorch_code(session))
    model = ns["main"](epochs=2)
    printed = capsys.readouterr().out
    assert "epoch 2: batch loss" in printed and "train loss" in printed
    assert ("test loss" in printed) == bool(session.prep.test.y.size)
    assert ("accuracy" in printed) == (session.prep.task != "regression")
    assert all(math.isfinite(float(p.detach().abs().max())) for p in model.parameters())
    fresh = load_script(pytorch_code(session, weights=False))
    assert "load_weights" not in fresh
    fresh["main"](epochs=1)


def test_a_script_without_data_says_so(monkeypatch):
    monkeypatch.setattr(export_common, "MAX_EMBEDDED_VALUES", 10)
    ns = load_script(pytorch_code(configured_session("tanh-sgd", steps=0)))
    with pytest.raises(SystemExit, match="TRAIN_POINTS"):
        ns["main"](epochs=1)


def test_torch_forward_matches_the_engine_on_a_csv_file(tmp_path):
    session = csv_regression_session(tmp_path)
    ns, model = _loaded_model(session)
    raw = session.prep.dataset.X
    got = ns["to_units"](ns["predict"](model, ns["prepare_inputs"](raw))).numpy()
    np.testing.assert_allclose(got, session.predict(raw), rtol=1e-12, atol=1e-12)
