"""A PyTorch ``nn.Sequential`` as an nnviz session and back, weights included.

nnviz's layer is torch's ``Linear`` → optional ``BatchNorm1d`` → activation →
optional ``Dropout``; the output layer is a ``Linear`` with an optional
``Sigmoid``, ``Tanh`` or ``Softmax``. ``Identity`` may stand anywhere. Nested
plain ``nn.Sequential`` blocks (as nnviz's own PyTorch export writes) are
read in order. Anything else is refused with a ValueError naming the module
by its index and class, because nnviz could only show a different network.

The engine keeps ``W`` as (fan_in, fan_out), torch as (out, in): weights are
transposed on the way. A ``Linear`` with a bias before a ``BatchNorm1d``
(torch's default) becomes nnviz's bias-free layer with the bias folded into
the running mean: in training the batch mean removes the bias exactly, in
evaluation ``(z + b - mean)`` equals ``(z - (mean - b))``.
"""

import numpy as np
import torch
from torch import nn

from nnviz.data import Dataset
from nnviz.session import Session
from nnviz.session.embedded import embed_dataset

ACTIVATIONS = {nn.Sigmoid: "sigmoid", nn.Tanh: "tanh", nn.ReLU: "relu", nn.LeakyReLU: "leaky_relu",
               nn.PReLU: "prelu", nn.ELU: "elu", nn.Softmax: "softmax"}
OUTPUT_ACTIVATIONS = ("linear", "sigmoid", "tanh", "softmax")
LOSSES = ("bce", "mse", "cross_entropy")
SUPPORTED = ("nnviz takes an nn.Sequential of Linear layers, each followed by an optional BatchNorm1d "
             "(eps 1e-05, momentum 0.1), an optional Sigmoid, Tanh, ReLU, LeakyReLU(0.01), PReLU, ELU(1.0) "
             "or, last, Softmax(dim=1), and an optional Dropout; Identity anywhere")

# Built-in data sets by (inputs, outputs, loss): the session's data when none is given.
BUILT_IN_DATA = {(2, 1, "bce"): "xor", (2, 3, "cross_entropy"): "spiral3", (2, 1, "mse"): "plane",
                 (1, 1, "mse"): "sine", (4, 3, "cross_entropy"): "iris", (64, 10, "cross_entropy"): "digits"}


def _flat_modules(module):
    """(index, dotted name, module) of every leaf in order, nested plain Sequentials opened."""
    if type(module) is not nn.Sequential:
        raise ValueError(f"{type(module).__name__} is not an nn.Sequential: {SUPPORTED}")
    out = []

    def walk(seq, prefix):
        for name, child in seq.named_children():
            if type(child) is nn.Sequential:
                walk(child, f"{prefix}{name}.")
            else:
                out.append((len(out), f"{prefix}{name}", child))
    walk(module, "")
    return out


def _refuse(index, name, child, why):
    raise ValueError(f"module {index} ({name}: {type(child).__name__}) {why}: {SUPPORTED}")


def _check_activation(index, name, child, size):
    if isinstance(child, nn.LeakyReLU) and child.negative_slope != 0.01:
        _refuse(index, name, child, f"has negative_slope {child.negative_slope:g}; nnviz's is 0.01")
    if isinstance(child, nn.ELU) and child.alpha != 1.0:
        _refuse(index, name, child, f"has alpha {child.alpha:g}; nnviz's is 1.0")
    if isinstance(child, nn.Softmax) and child.dim not in (1, -1):
        _refuse(index, name, child, f"takes the softmax over dim {child.dim}; nnviz's is over dim 1")
    if isinstance(child, nn.PReLU) and child.num_parameters not in (1, size):
        _refuse(index, name, child, f"has {child.num_parameters} slopes for {size} units")


def _check_batch_norm(index, name, child, size):
    problems = [why for bad, why in (
        (child.num_features != size, f"has {child.num_features} features after a Linear of {size}"),
        (child.eps != 1e-5, f"has eps {child.eps:g}; nnviz's is 1e-05"),
        (child.momentum != 0.1, f"has momentum {child.momentum}; nnviz's is 0.1"),
        (not child.affine, "has no gamma and beta (affine=False)"),
        (not child.track_running_stats, "keeps no running statistics")) if bad]
    if problems:
        _refuse(index, name, child, problems[0])


def read_blocks(module):
    """The Sequential as nnviz layers: a list of {"linear", "bn", "act", "act_module", "dropout"}.

    ValueError names the first module nnviz cannot take and why.
    """
    blocks, fan_in = [], None
    for index, name, child in _flat_modules(module):
        if isinstance(child, nn.Identity):
            continue
        block = blocks[-1] if blocks else None
        if isinstance(child, nn.Linear):
            if fan_in is not None and child.in_features != fan_in:
                _refuse(index, name, child, f"takes {child.in_features} inputs after a layer of {fan_in}")
            blocks.append({"linear": child, "bn": None, "act": "linear", "act_module": None, "dropout": 0.0,
                           "where": (index, name)})
            fan_in = child.out_features
        elif block is None:
            _refuse(index, name, child, "comes before the first Linear")
        elif isinstance(child, nn.BatchNorm1d):
            if block["bn"] is not None or block["act_module"] is not None or block["dropout"]:
                _refuse(index, name, child, "must follow its Linear directly")
            _check_batch_norm(index, name, child, fan_in)
            block["bn"] = child
        elif type(child) in ACTIVATIONS:
            if block["act_module"] is not None or block["dropout"]:
                _refuse(index, name, child, "is a second activation in one layer")
            _check_activation(index, name, child, fan_in)
            block["act"], block["act_module"] = ACTIVATIONS[type(child)], child
        elif isinstance(child, nn.Dropout):
            if block["dropout"] or not 0 <= child.p <= 0.95:
                _refuse(index, name, child, "is a second dropout, or its rate is not in [0, 0.95]")
            block["dropout"] = float(child.p)
            block["dropout_where"] = (index, name, child)
        else:
            _refuse(index, name, child, "is not a module nnviz has")
    if not blocks:
        raise ValueError(f"the Sequential has no Linear layer: {SUPPORTED}")
    for block in blocks[:-1]:
        if block["act"] == "softmax":
            _refuse(*block["where"], block["linear"], "is followed by a Softmax before the output layer")
    last = blocks[-1]
    if last["bn"] is not None:
        _refuse(*last["where"], last["linear"], "is the output layer and has a BatchNorm1d (hidden layers only)")
    if last["dropout"]:
        _refuse(*last["dropout_where"], "follows the output layer (dropout is for hidden layers only)")
    if last["act"] not in OUTPUT_ACTIVATIONS:
        _refuse(*last["where"], last["linear"], f"is the output layer and ends in {last['act']}; an output "
                f"layer ends in {', '.join(OUTPUT_ACTIVATIONS[1:])} or nothing")
    return blocks


def _output_activation(last, loss):
    act = last["act"]
    if loss == "bce" and act not in ("linear", "sigmoid"):
        raise ValueError(f"loss 'bce' needs an output of logits or a Sigmoid, not {act}")
    if loss == "cross_entropy" and act not in ("linear", "softmax"):
        raise ValueError(f"loss 'cross_entropy' needs an output of logits or a Softmax, not {act}")
    return {"bce": "sigmoid", "cross_entropy": "softmax"}.get(loss, act)


def _data_config(data, n_in, n_out, loss, config):
    """The config's data-set fields: the data given, the config's own, or a built-in one of the right shape."""
    if data is not None:
        X, y = (np.asarray(a) for a in data)
        task = {"bce": "binary", "cross_entropy": "multiclass"}.get(loss, "regression")
        if loss == "mse" and n_out > 1:
            task = "multiclass"                 # MSE against one-hot class targets, one output per class
        n_classes = {"binary": 2, "multiclass": n_out}.get(task, 0)
        dataset = Dataset(np.asarray(X, dtype=np.float64), y, task, n_classes, name="data")
        return {"dataset": "csv", "csv": {"path": "(arrays given to nnviz.torch)", "target": "y", "task": task,
                                          "data": embed_dataset(dataset)}}
    if "dataset" in config:
        return {}
    name = BUILT_IN_DATA.get((n_in, n_out, loss))
    if name is None:
        raise ValueError(f"no built-in data set has {n_in} inputs and {n_out} outputs for loss {loss!r}; "
                         "pass data=(X, y) or dataset=...")
    return {"dataset": name}


def from_module(module, *, loss="bce", data=None, **config):
    """An nnviz Session whose network is ``module`` (an ``nn.Sequential``), weights and statistics included.

    loss: "bce", "mse" or "cross_entropy". For "bce" and "cross_entropy" the
    module may end in logits (as for ``BCEWithLogitsLoss`` and
    ``CrossEntropyLoss``) or in its Sigmoid / Softmax; nnviz's output layer is
    the sigmoid or softmax either way and its ``u`` is the logit. data:
    optional (X, y) the session trains on, X (n, inputs) as the module takes
    it, y 0/1 labels (bce), class labels (cross_entropy, or mse with several
    outputs: one-hot targets) or values (mse, one output); without it a built-in data set of the right shape is used, or
    ``dataset=`` and other config knobs given here. Inputs are not
    standardised unless ``standardize=True`` is passed: the module's inputs
    are the session's. The dtype is the module's (float64 or float32).
    """
    if loss not in LOSSES:
        raise ValueError(f"loss: {loss!r} is not one of {', '.join(LOSSES)}")
    blocks = read_blocks(module)
    dtype = blocks[0]["linear"].weight.dtype
    if dtype not in (torch.float64, torch.float32):
        raise ValueError(f"the module's parameters are {dtype}; nnviz computes in float64 or float32")
    n_in, n_out = blocks[0]["linear"].in_features, blocks[-1]["linear"].out_features
    hidden = [{"size": b["linear"].out_features, "activation": b["act"], "batch_norm": b["bn"] is not None,
               "dropout": b["dropout"], "residual": False} for b in blocks[:-1]]
    settings = {"standardize": False, **config, "hidden": hidden, "loss": loss,
                "output_activation": _output_activation(blocks[-1], loss),
                "dtype": "float64" if dtype == torch.float64 else "float32",
                **_data_config(data, n_in, n_out, loss, config)}
    session = Session(settings)
    sizes = session.network.sizes
    if sizes[0] != n_in or sizes[-1] != n_out:
        raise ValueError(f"the module maps {n_in} inputs to {n_out} outputs; the session's data gives "
                         f"{sizes[0]} inputs and {sizes[-1]} outputs (dataset {session.config['dataset']!r})")
    net = session.network
    state = {"params": [_params_of(b, net.params[i]) for i, b in enumerate(blocks)],
             "buffers": [_buffers_of(b) for b in blocks], "rng": net.rng.bit_generator.state}
    net.load_state_dict(state)          # the engine's own loading: in place, arrays keep their identity
    return session


def _numpy(tensor):
    return tensor.detach().cpu().numpy()


def _params_of(block, like):
    linear, bn, out = block["linear"], block["bn"], {}
    out["W"] = _numpy(linear.weight).T
    if "b" in like:
        out["b"] = _numpy(linear.bias) if linear.bias is not None else np.zeros(linear.out_features)
    if bn is not None:
        out["gamma"], out["beta"] = _numpy(bn.weight), _numpy(bn.bias)
    if "alpha" in like:
        out["alpha"] = np.broadcast_to(_numpy(block["act_module"].weight), like["alpha"].shape)
    return out


def _buffers_of(block):
    bn = block["bn"]
    if bn is None:
        return {}
    mean = _numpy(bn.running_mean)
    if block["linear"].bias is not None:
        mean = mean - _numpy(block["linear"].bias)      # the bias folded in (see the module docstring)
    return {"running_mean": mean, "running_var": _numpy(bn.running_var)}


def _tensor(array, dtype):
    return nn.Parameter(torch.tensor(np.array(array), dtype=dtype))


def to_module(session, *, logits=False):
    """The session's network as an ``nn.Sequential`` (float64 or float32 as the session), weights included.

    One ``Linear`` per layer, then ``BatchNorm1d`` (with its running
    statistics), the activation and ``Dropout`` as the layer has them.
    logits=True leaves out the output layer's Sigmoid or Softmax, for
    ``BCEWithLogitsLoss`` or ``CrossEntropyLoss``. A residual layer or a step
    activation has no ``nn.Sequential`` form: ValueError names the layer.
    """
    net = session.network
    dtype = torch.float64 if net.dtype == np.float64 else torch.float32
    modules = []
    for i, (layer, params, buffers) in enumerate(zip(net.layers, net.params, net.buffers)):
        where = f"layer {i + 1} of {net.n_layers}"
        if layer["residual"]:
            raise ValueError(f"{where} is residual: an nn.Sequential cannot add a layer's input to its output")
        if layer["activation"] == "step":
            raise ValueError(f"{where} has step units, which torch has no module for")
        linear = nn.Linear(net.sizes[i], layer["size"], bias="b" in params, dtype=dtype)
        linear.weight = _tensor(params["W"].T, dtype)
        if "b" in params:
            linear.bias = _tensor(params["b"], dtype)
        modules.append(linear)
        if layer["batch_norm"]:
            bn = nn.BatchNorm1d(layer["size"], eps=1e-5, momentum=0.1, dtype=dtype)
            bn.weight, bn.bias = _tensor(params["gamma"], dtype), _tensor(params["beta"], dtype)
            bn.running_mean.copy_(torch.tensor(buffers["running_mean"], dtype=dtype))
            bn.running_var.copy_(torch.tensor(buffers["running_var"], dtype=dtype))
            modules.append(bn)
        act = layer["activation"]
        last = i == net.n_layers - 1
        if act == "prelu":
            prelu = nn.PReLU(layer["size"], dtype=dtype)
            prelu.weight = _tensor(params["alpha"], dtype)
            modules.append(prelu)
        elif act != "linear" and not (last and logits and act in ("sigmoid", "softmax")):
            modules.append({"sigmoid": nn.Sigmoid(), "tanh": nn.Tanh(), "relu": nn.ReLU(),
                            "leaky_relu": nn.LeakyReLU(0.01), "elu": nn.ELU(1.0),
                            "softmax": nn.Softmax(dim=1)}[act])
        if layer["dropout"] > 0:
            modules.append(nn.Dropout(layer["dropout"]))
    return nn.Sequential(*modules)
