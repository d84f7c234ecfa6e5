"""nnviz.torch.from_module / to_module: a torch Sequential and an nnviz session are the same network.

For random Sequentials of every supported module (Linear with or without
bias, BatchNorm1d with moved running statistics, every activation, Dropout,
Identity, nested Sequentials) the session's evaluation output equals the
module's to 1e-12 in float64, and in training mode (the module's own dropout
masks handed to the engine) so do the loss, every parameter gradient and
the updated running statistics. to_module gives the module back, and
from_module(to_module(s)) is s exactly. Everything else is refused, naming
the module.
"""

import numpy as np
import pytest
import torch
from hypothesis import given, settings, strategies as st
from torch import nn

from nnviz.session import Session
from nnviz.torch import from_module, to_module

HIDDEN_ACTS = [None, nn.Sigmoid, nn.Tanh, nn.ReLU, lambda: nn.LeakyReLU(0.01), "prelu", lambda: nn.ELU(1.0)]
OUTPUTS = {"bce": [None, nn.Sigmoid], "cross_entropy": [None, lambda: nn.Softmax(dim=1)],
           "mse": [None, nn.Sigmoid, nn.Tanh, lambda: nn.Softmax(dim=1)]}


@st.composite
def sequentials(draw):
    """(module, loss, X, y): a random supported Sequential in float64 and data of its shape."""
    loss = draw(st.sampled_from(sorted(OUTPUTS)))
    n_in = draw(st.integers(1, 4))
    n_out = {"bce": 1, "cross_entropy": draw(st.integers(3, 4)), "mse": draw(st.sampled_from([1, 3]))}[loss]
    modules, fan_in = [], n_in
    for _ in range(draw(st.integers(0, 3))):
        size = draw(st.integers(1, 6))
        bn = draw(st.booleans())
        modules.append(nn.Linear(fan_in, size, bias=draw(st.booleans())))
        if bn:
            modules.append(nn.BatchNorm1d(size))
        act = draw(st.sampled_from(HIDDEN_ACTS))
        if act == "prelu":
            modules.append(nn.PReLU(draw(st.sampled_from([1, size])), init=draw(st.floats(0.05, 0.5))))
        elif act is not None:
            modules.append(act())
        if draw(st.booleans()):
            modules.append(nn.Dropout(draw(st.sampled_from([0.2, 0.5]))))
        if draw(st.booleans()):
            modules.append(nn.Identity())
        fan_in = size
    output = [nn.Linear(fan_in, n_out)]
    act = draw(st.sampled_from(OUTPUTS[loss]))
    if act is not None:
        output.append(act())
    if draw(st.booleans()):                                   # the way nnviz's export nests its blocks
        modules = [nn.Sequential(*modules[:len(modules) // 2]), *modules[len(modules) // 2:]]
    model = nn.Sequential(*modules, *output).double()
    rng = np.random.default_rng(draw(st.integers(0, 2**31)))
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(torch.tensor(rng.normal(0, 0.8, size=tuple(p.shape))))
        for m in model.modules():
            if isinstance(m, nn.BatchNorm1d):
                m.running_mean.copy_(torch.tensor(rng.normal(size=m.num_features)))
                m.running_var.copy_(torch.tensor(rng.uniform(0.5, 2.0, size=m.num_features)))
    X = rng.normal(size=(24, n_in))
    y = {"bce": rng.integers(0, 2, 24), "cross_entropy": np.arange(24) % n_out,
         "mse": rng.normal(size=24) if n_out == 1 else np.arange(24) % n_out}[loss]
    return model, loss, X, y


def _ends_in_logits(model, loss):
    return loss in ("bce", "cross_entropy") and isinstance(list(model.modules())[-1], nn.Linear)


def _torch_loss(model, loss, output, y, logits):
    """torch's loss as nnviz defines it: bce and cross-entropy from the logits (the stable form), so a
    model ending in Sigmoid or Softmax is compared through the input of that last module."""
    if loss == "bce":
        return nn.BCEWithLogitsLoss()(logits, torch.tensor(y, dtype=torch.float64)[:, None])
    if loss == "cross_entropy":
        return nn.CrossEntropyLoss()(logits, torch.tensor(y, dtype=torch.long))
    n_out = output.shape[1]
    target = torch.tensor(y, dtype=torch.float64)[:, None] if n_out == 1 else \
        nn.functional.one_hot(torch.tensor(y), n_out).double()
    return nn.MSELoss()(output, target)


def _engine_targets(session, loss, y):
    if loss == "bce":
        return y.astype(np.float64)[:, None]
    if loss == "cross_entropy":
        return y
    n_out = session.network.sizes[-1]
    return y.astype(np.float64)[:, None] if n_out == 1 else np.eye(n_out)[y]


def _blocks(model):
    """Per nnviz layer: (Linear, BatchNorm1d or None, PReLU or None, Dropout or None)."""
    blocks = []
    for m in model.modules():
        if isinstance(m, nn.Linear):
            blocks.append([m, None, None, None])
        elif isinstance(m, nn.BatchNorm1d):
            blocks[-1][1] = m
        elif isinstance(m, nn.PReLU):
            blocks[-1][2] = m
        elif isinstance(m, nn.Dropout):
            blocks[-1][3] = m
    return blocks


def _close(got, want, what):
    # Float64 rounding: forward values agree to 1e-12; gradients through several batch-norm
    # layers (sums over the batch in a different order than torch's) were seen 4e-11 apart.
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12, err_msg=what)


@settings(max_examples=40, deadline=None)
@given(sequentials())
def test_a_session_computes_what_its_module_computes(case):
    model, loss, X, y = case
    session = from_module(model, loss=loss, data=(X, y))
    net, blocks = session.network, _blocks(model)
    assert net.sizes == [X.shape[1]] + [b[0].out_features for b in blocks]

    model.eval()
    with torch.no_grad():
        out = model(torch.tensor(X)).numpy()
    trace = net.forward(X, training=False)
    _close(trace.layers[-1].u if _ends_in_logits(model, loss) else trace.output, out, "evaluation output")

    # Training mode: the module's own dropout masks go to the engine.
    model.train()
    masks = {}
    hooks = [b[3].register_forward_hook(lambda m, i, o, k=k: masks.__setitem__(k, (o != 0).double().numpy()))
             for k, b in enumerate(blocks) if b[3] is not None]
    captured = {}
    last = list(model.modules())[-1]
    hooks.append(last.register_forward_hook(lambda m, i, o: captured.__setitem__("logits", i[0])))
    output = model(torch.tensor(X))
    torch_loss = _torch_loss(model, loss, output, y,
                             output if _ends_in_logits(model, loss) else captured["logits"])
    torch_loss.backward()
    for hook in hooks:
        hook.remove()
    trace = net.forward(X, training=True, masks=[masks.get(k) for k in range(len(blocks))])
    grads = net.backward(trace, _engine_targets(session, loss, y))
    _close(trace.data_loss, torch_loss.item(), "loss")
    for k, ((linear, bn, prelu, _), g, buffers) in enumerate(zip(blocks, grads, net.buffers)):
        _close(g["W"], linear.weight.grad.numpy().T, f"layer {k + 1} dL/dW")
        if "b" in g and linear.bias is not None:
            _close(g["b"], linear.bias.grad.numpy(), f"layer {k + 1} dL/db")
        if bn is not None:
            _close(g["gamma"], bn.weight.grad.numpy(), f"layer {k + 1} dL/dgamma")
            _close(g["beta"], bn.bias.grad.numpy(), f"layer {k + 1} dL/dbeta")
            bias = linear.bias.detach().numpy() if linear.bias is not None else 0.0
            _close(buffers["running_mean"], bn.running_mean.numpy() - bias, f"layer {k + 1} running mean")
            _close(buffers["running_var"], bn.running_var.numpy(), f"layer {k + 1} running var")
        if prelu is not None:
            alpha_grad = g["alpha"] if prelu.num_parameters > 1 else g["alpha"].sum(keepdims=True)
            _close(alpha_grad, prelu.weight.grad.numpy(), f"layer {k + 1} dL/dalpha")


@settings(max_examples=25, deadline=None)
@given(sequentials())
def test_to_module_and_back_is_exact(case):
    model, loss, X, y = case
    session = from_module(model, loss=loss, data=(X, y))
    again = from_module(to_module(session), loss=loss, data=(X, y))
    for name in ("params", "buffers"):
        for mine, theirs in zip(getattr(session.network, name), getattr(again.network, name)):
            assert mine.keys() == theirs.keys()
            for key in mine:
                assert np.array_equal(mine[key], theirs[key]), (name, key)
    assert again.network.layers == session.network.layers
    model.eval()
    back = to_module(session, logits=_ends_in_logits(model, loss)).eval()
    with torch.no_grad():
        _close(back(torch.tensor(X)).numpy(), model(torch.tensor(X)).numpy(), "module from the session")


def test_a_session_of_the_lessons_kind_goes_to_torch_and_back():
    session = Session({"hidden": [{"size": 6, "activation": "relu", "batch_norm": True, "dropout": 0.3},
                                  {"size": 4, "activation": "prelu"}], "dtype": "float32"})
    session.run(5)
    module = to_module(session)
    assert module[0].weight.dtype == torch.float32 and module[0].bias is None
    again = from_module(module, loss="bce", **{k: session.config[k] for k in ("dataset", "standardize")})
    assert again.config["dtype"] == "float32"
    for mine, theirs in zip(session.network.params, again.network.params):
        assert all(np.array_equal(mine[k], theirs[k]) for k in mine)
    X = session.prep.X_test
    np.testing.assert_array_equal(again.network.forward(X, training=False).output,
                                  session.network.forward(X, training=False).output)


def test_built_in_data_sets_are_chosen_by_shape():
    assert from_module(nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 1))).config["dataset"] == "xor"
    digits = from_module(nn.Sequential(nn.Linear(64, 10)), loss="cross_entropy")
    assert digits.config["dataset"] == "digits" and digits.network.sizes == [64, 10]
    with pytest.raises(ValueError, match="no built-in data set has 784 inputs and 10 outputs"):
        from_module(nn.Sequential(nn.Linear(784, 10)), loss="cross_entropy")


class Residual(nn.Sequential):
    def forward(self, x):
        return super().forward(x) + x


@pytest.mark.parametrize("model, message", [
    (nn.Linear(2, 1), r"Linear is not an nn.Sequential: nnviz takes"),
    (nn.Sequential(nn.Linear(2, 4), nn.Conv1d(1, 1, 1), nn.Linear(4, 1)),
     r"module 1 \(1: Conv1d\) is not a module nnviz has: nnviz takes an nn.Sequential"),
    (nn.Sequential(nn.Linear(2, 4), nn.LeakyReLU(0.2), nn.Linear(4, 1)),
     r"module 1 \(1: LeakyReLU\) has negative_slope 0.2; nnviz's is 0.01"),
    (nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.BatchNorm1d(4), nn.Linear(4, 1)),
     r"module 2 \(2: BatchNorm1d\) must follow its Linear directly"),
    (nn.Sequential(nn.Linear(2, 4), nn.BatchNorm1d(4, eps=1e-3), nn.Linear(4, 1)),
     r"module 1 \(1: BatchNorm1d\) has eps 0.001"),
    (nn.Sequential(nn.Linear(2, 4), nn.Softmax(dim=1), nn.Linear(4, 1)),
     r"module 0 \(0: Linear\) is followed by a Softmax before the output layer"),
    (nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.ReLU()),
     r"module 2 \(2: Linear\) is the output layer and ends in relu"),
    (nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1), nn.Dropout(0.5)),
     r"module 3 \(3: Dropout\) follows the output layer"),
    (nn.Sequential(nn.Linear(2, 2), Residual(nn.Linear(2, 2), nn.Tanh()), nn.Linear(2, 1)),
     r"module 1 \(1: Residual\) is not a module nnviz has"),
    (nn.Sequential(nn.ReLU(), nn.Linear(2, 1)), r"module 0 \(0: ReLU\) comes before the first Linear"),
    (nn.Sequential(nn.Linear(2, 3), nn.Linear(4, 1)), r"module 1 \(1: Linear\) takes 4 inputs after a layer of 3"),
])
def test_other_modules_are_refused_by_name(model, message):
    with pytest.raises(ValueError, match=message):
        from_module(model)


def test_a_loss_that_does_not_fit_the_output_is_refused():
    with pytest.raises(ValueError, match="loss 'bce' needs an output of logits or a Sigmoid, not tanh"):
        from_module(nn.Sequential(nn.Linear(2, 1), nn.Tanh()), loss="bce")
    with pytest.raises(ValueError, match="loss: 'hinge' is not one of bce, mse, cross_entropy"):
        from_module(nn.Sequential(nn.Linear(2, 1)), loss="hinge")


def test_residual_and_step_layers_have_no_sequential_form():
    residual = Session({"hidden": [{"size": 2, "activation": "tanh", "residual": True}]})
    with pytest.raises(ValueError, match="layer 1 of 2 is residual"):
        to_module(residual)
    with pytest.raises(ValueError, match="layer 1 of 2 has step units"):
        to_module(Session({"hidden": [{"size": 3, "activation": "step"}]}))
