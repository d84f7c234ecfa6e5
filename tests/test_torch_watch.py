"""nnviz.torch.watch: the numbers recorded from a user's own loop are torch's own.

Over 20 steps of SGD and of Adam the gradient norms equal the norms of the
module's ``.grad`` tensors, the update ratios the weights' own change, and
the recorded losses the losses reported; mean |delta| of the first step
equals the engine's dL/dz for the same network (from_module); the health
labels come from nnviz's rules (dead, exploding, vanishing cases).
"""

import numpy as np
import pytest
import torch
from torch import nn

from nnviz.torch import from_module, watch


def _model(seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 6), nn.ReLU(), nn.Dropout(0.1),
                         nn.Linear(6, 1)).double()


def _data(seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(64, 3, generator=g, dtype=torch.float64)
    y = (X[:, :1] * X[:, 1:2] > 0).double()
    return X, y


@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_norms_and_ratios_are_torchs_own_over_twenty_steps(optimizer):
    model = _model()
    X, y = _data()
    opt = (torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9) if optimizer == "sgd"
           else torch.optim.Adam(model.parameters(), lr=0.01))
    loss_fn = nn.BCEWithLogitsLoss()
    linears = [m for m in model if isinstance(m, nn.Linear)]
    watcher = watch(model)
    norms, ratios, losses = [], [], []
    for step in range(20):
        batch = slice(16 * (step % 4), 16 * (step % 4 + 1))
        opt.zero_grad()
        loss = loss_fn(model(X[batch]), y[batch])
        loss.backward()
        before = [m.weight.detach().clone() for m in linears]
        opt.step()
        watcher.step(loss=loss)
        norms.append([m.weight.grad.norm().item() for m in linears])
        ratios.append([((m.weight - w).norm() / w.norm()).item() for m, w in zip(linears, before)])
        losses.append(loss.item())
    assert watcher.grad_norms.shape == (20, 3) and watcher.steps == 20
    np.testing.assert_allclose(watcher.grad_norms, norms, rtol=1e-12, atol=0)
    np.testing.assert_allclose(watcher.update_ratios, ratios, rtol=1e-12, atol=0)
    assert watcher.losses == losses
    assert np.all(watcher.mean_abs_delta > 0) and watcher.mean_abs_delta.shape == (20, 3)
    assert all(len(labels) == 3 for labels in watcher.health)
    assert watcher.activations == ["tanh", "relu", "linear"]


def test_mean_delta_is_the_engines_dl_dz():
    model = _model(seed=3)
    model[4].p = 0.0                          # dropout off: the engine and torch draw different masks
    X, y = _data(seed=3)
    session = from_module(model, loss="bce", data=(X.numpy(), y[:, 0].long().numpy()))
    trace = session.network.forward(X.numpy(), training=True)
    session.network.backward(trace, y.numpy())
    watcher = watch(model)
    nn.BCEWithLogitsLoss()(model(X), y).backward()
    watcher.step()
    expected = [np.abs(lt.grad_z).mean() for lt in trace.layers]
    np.testing.assert_allclose(watcher.mean_abs_delta[0], expected, rtol=1e-12)
    np.testing.assert_allclose(watcher.grad_norms[0], [np.linalg.norm(lt.grad_z.T @ lt.inp) for lt in trace.layers],
                               rtol=1e-12)
    assert np.isnan(watcher.losses[0])


def _one_step(model, X, y):
    watcher = watch(model)
    nn.MSELoss()(model(X), y).backward()
    return watcher.step()


def test_health_labels_follow_nnvizs_rules():
    X, y = _data()
    dead = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 1)).double()
    with torch.no_grad():
        dead[0].bias.fill_(-100.0)           # every unit negative on every sample: ReLU passes nothing
    assert _one_step(dead, X, y)[0] == "dead"

    torch.manual_seed(1)
    layers = []
    for _ in range(6):
        layers += [nn.Linear(3 if not layers else 16, 16), nn.LeakyReLU(0.01)]
    exploding = nn.Sequential(*layers, nn.Linear(16, 1)).double()
    with torch.no_grad():
        for m in exploding:
            if isinstance(m, nn.Linear):
                m.weight.mul_(8.0)
    assert _one_step(exploding, X, y)[0] == "exploding"

    torch.manual_seed(2)
    layers = []
    for _ in range(8):
        layers += [nn.Linear(3 if not layers else 8, 8), nn.Sigmoid()]
    vanishing = nn.Sequential(*layers, nn.Linear(8, 1), nn.Sigmoid()).double()
    labels = _one_step(vanishing, X, y)
    assert labels[0] == "vanishing" and labels[-1] == "healthy"


def test_removed_hooks_record_no_deltas_and_unknown_modules_are_refused():
    model = _model()
    X, y = _data()
    watcher = watch(model)
    watcher.remove()
    nn.BCEWithLogitsLoss()(model(X), y).backward()
    watcher.step()
    assert np.all(np.isnan(watcher.mean_abs_delta)) and np.all(watcher.grad_norms > 0)
    with pytest.raises(ValueError, match="ReLU has no nn.Linear layer to watch"):
        watch(nn.ReLU())


def test_a_float32_model_is_watched_in_float32_and_reported_in_float64():
    model = _model().float()
    X, y = _data()
    with watch(model) as watcher:
        loss = nn.BCEWithLogitsLoss()(model(X.float()), y.float())
        loss.backward()
        watcher.step(loss=loss.item())
    assert watcher.grad_norms.dtype == np.float64
    np.testing.assert_allclose(watcher.grad_norms[0], [m.weight.grad.norm().item() for m in model
                                                       if isinstance(m, nn.Linear)], rtol=1e-6)
