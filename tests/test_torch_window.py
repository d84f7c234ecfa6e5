"""watcher.show(): the nnviz window on a live module, updated by the loop's own steps."""

import numpy as np
import torch
from torch import nn

from nnviz.torch import watch
from nnviz.torch.frames import MAX_LAYERS, MAX_WIDTH, layer_gradients, watcher_frame


def _train(model, watcher, X, y, steps, loss_fn):
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(steps):
        optimizer.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        optimizer.step()
        watcher.step(loss=loss)


def test_the_shown_window_follows_the_loop(qtbot):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 6), nn.Tanh(), nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 1))
    watcher = watch(model)
    window = watcher.show()
    qtbot.addWidget(window)
    assert window.isVisible() and window.frames_drawn == 1
    X, y = torch.randn(32, 2), torch.randint(0, 2, (32, 1)).float()
    _train(model, watcher, X, y, 5, nn.BCEWithLogitsLoss())
    window.refresh()                              # the last step, whatever the frame rate let through
    assert window.health.labels() == watcher.health[-1]
    assert window.gradients.n_layers() == 3
    frame = window.network.current_frame()
    assert frame.edge_mode == "gradient" and frame.sizes == [2, 6, 4, 1]
    for k, linear in enumerate(m for m in model if isinstance(m, nn.Linear)):
        np.testing.assert_array_equal(frame.edges[k], linear.weight.grad.double().numpy().T)
    assert "step 5" in window.status.text()
    train_x, train_y = window.loss.train_curve.getData()
    np.testing.assert_array_equal(train_y, watcher.losses)
    window.close()
    frames = window.frames_drawn
    _train(model, watcher, X, y, 3, nn.BCEWithLogitsLoss())
    assert window.frames_drawn == frames           # a closed window no longer listens


def test_wide_and_deep_modules_are_drawn_folded():
    torch.manual_seed(0)
    wide = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    watcher = watch(wide)
    _train(wide, watcher, torch.randn(16, 784), torch.randint(0, 10, (16,)), 1, nn.CrossEntropyLoss())
    grads = layer_gradients(watcher)
    frame = watcher_frame(watcher, grads)
    assert frame.sizes == [MAX_WIDTH, MAX_WIDTH, 10]
    assert "784 inputs\n(as 64 groups)" == frame.headers[0]
    for folded, G in zip(frame.edges, grads):
        assert np.isclose(folded.sum(), G.sum(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(frame.edges[0][0, 0], grads[0][:12, :2].sum(), rtol=1e-12)   # 784/64, 128/64

    layers = [nn.Linear(3, 3)]
    for _ in range(MAX_LAYERS + 3):
        layers += [nn.Tanh(), nn.Linear(3, 3)]
    deep = nn.Sequential(*layers)
    watcher = watch(deep)
    _train(deep, watcher, torch.randn(8, 3), torch.randn(8, 3), 1, nn.MSELoss())
    frame = watcher_frame(watcher, layer_gradients(watcher))
    assert len(frame.sizes) == MAX_LAYERS + 1 and watcher.grad_norms.shape == (1, MAX_LAYERS + 4)
    assert frame.headers[-1].endswith("+ 4 more layers (see the plots)")
