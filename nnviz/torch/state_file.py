"""A saved ``state_dict`` of an MLP (``torch.save(model.state_dict(), "model.pt")``) opened as a session.

A state_dict holds tensors only, so the file is read with
``torch.load(..., weights_only=True)``: torch's restricted unpickler, which
builds tensors and plain containers and nothing else. A whole pickled module
(``torch.save(model, ...)``) is refused, because loading it would run code
from the file. The tensors say the layers (``weight`` of a Linear is 2-D; a
BatchNorm1d has running statistics; a 1-D ``weight`` alone is a PReLU's
slopes) but not the activations, which have no parameters: those are given,
one per Linear. Dropout leaves no trace in a state_dict and is not restored.

Every bad file raises :class:`~nnviz.session.file_errors.ExperimentFileError`
(a ValueError), one line naming the file and what is wrong, as experiment
files do, so the window and the command line report it the same way.
"""

import pickle

import torch
from torch import nn

from nnviz.session import model_file_errors as M
from nnviz.session.file_errors import ExperimentFileError

from .convert import from_module

ACTIVATION_MODULES = {"sigmoid": nn.Sigmoid, "tanh": nn.Tanh, "relu": nn.ReLU,
                      "leaky_relu": lambda: nn.LeakyReLU(0.01), "elu": lambda: nn.ELU(1.0),
                      "softmax": lambda: nn.Softmax(dim=1), "linear": None, "prelu": None}


def read_state_dict(path):
    """The file's tensors as an ordered {name: tensor}; ExperimentFileError says why not."""
    try:
        state = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as err:
        if "weights only" in str(err).lower():
            raise ExperimentFileError(path, None, M.PICKLED) from None
        raise ExperimentFileError(path, None, M.NOT_PYTORCH, error=err) from None
    except Exception as err:     # noqa: BLE001 - torch.load of arbitrary bytes raises many kinds; all mean this
        raise ExperimentFileError(path, None, M.UNREADABLE, error=f"{type(err).__name__}: {err}") from None
    if not isinstance(state, dict) or not state:
        raise ExperimentFileError(path, None, M.NOT_STATE_DICT, type=type(state).__name__)
    for name, value in state.items():
        if not isinstance(name, str) or not isinstance(value, torch.Tensor):
            raise ExperimentFileError(path, str(name), M.NOT_TENSOR)
    return state


def _groups(state):
    """{module prefix: {parameter name: tensor}} in the file's order."""
    groups = {}
    for key, value in state.items():
        prefix, _, leaf = key.rpartition(".")
        groups.setdefault(prefix, {})[leaf] = value
    return groups


def sequential_from_state(state, activations, path=None):
    """The nn.Sequential this state_dict belongs to, its tensors in place; activations one per Linear."""
    modules, linears, pending_prelu = [], 0, None
    acts = [a.strip().lower() for a in activations]
    for prefix, tensors in _groups(state).items():
        weight = tensors.get("weight")
        if "running_mean" in tensors:
            if weight is None or not modules or not isinstance(modules[-1], nn.Linear):
                raise ExperimentFileError(path, prefix, M.LONE_BATCH_NORM)
            bn = nn.BatchNorm1d(weight.shape[0], eps=1e-5, momentum=0.1, dtype=weight.dtype)
            _copy(bn, tensors, path, prefix)
            modules.append(bn)
        elif weight is not None and weight.ndim == 2:
            _close_layer(modules, acts, linears, pending_prelu, path)
            pending_prelu = None
            previous = [m for m in modules if isinstance(m, nn.Linear)]
            if previous and previous[-1].out_features != weight.shape[1]:
                raise ExperimentFileError(path, f"{prefix}.weight", M.WRONG_INPUTS, inputs=weight.shape[1],
                                          outputs=previous[-1].out_features)
            linear = nn.Linear(weight.shape[1], weight.shape[0], bias="bias" in tensors, dtype=weight.dtype)
            _copy(linear, tensors, path, prefix)
            modules.append(linear)
            linears += 1
        elif weight is not None and weight.ndim == 1 and set(tensors) == {"weight"}:
            pending_prelu = nn.PReLU(weight.shape[0], dtype=weight.dtype)
            _copy(pending_prelu, tensors, path, prefix)
        else:
            raise ExperimentFileError(path, prefix, M.UNKNOWN_LAYER, names=", ".join(sorted(tensors)))
    if linears == 0:
        raise ExperimentFileError(path, None, M.NO_LINEAR)
    if len(acts) != linears:
        raise ExperimentFileError(path, None, M.ACTIVATION_COUNT, linears=linears, count=len(acts),
                                  names=", ".join(acts) or "none")
    _close_layer(modules, acts, linears, pending_prelu, path)
    return nn.Sequential(*modules)


def _copy(module, tensors, path, prefix):
    own = module.state_dict()
    unknown = sorted(set(tensors) - set(own))
    if unknown:
        raise ExperimentFileError(path, f"{prefix}.{unknown[0]}", M.NOT_OF_LAYER)
    for name, value in tensors.items():
        if value.shape != own[name].shape:
            raise ExperimentFileError(path, f"{prefix}.{name}", M.WRONG_SHAPE, shape=tuple(value.shape),
                                      expected=tuple(own[name].shape))
    module.load_state_dict(tensors, strict=False)


def _close_layer(modules, acts, linears, prelu, path):
    """Append the activation of Linear number ``linears`` (1-based) once its other modules are read."""
    if linears == 0:
        return
    if linears > len(acts):
        raise ExperimentFileError(path, None, M.MORE_LINEARS, count=len(acts))
    name = acts[linears - 1]
    if name not in ACTIVATION_MODULES:
        raise ExperimentFileError(path, None, M.UNKNOWN_ACTIVATION, name=repr(name),
                                  names=", ".join(ACTIVATION_MODULES))
    if (name == "prelu") != (prelu is not None):
        raise ExperimentFileError(path, None, M.PRELU_THERE if prelu is not None else M.NO_PRELU,
                                  linear=linears, name=repr(name))
    if prelu is not None:
        modules.append(prelu)
    elif ACTIVATION_MODULES[name] is not None:
        modules.append(ACTIVATION_MODULES[name]())


def load_state_dict_file(path, activations, *, loss="bce", data=None, **config):
    """A Session from a state_dict file of an MLP: activations one per Linear ("relu", "sigmoid", ...).

    loss, data and config as for :func:`nnviz.torch.from_module`. A bad file or a
    network nnviz cannot show raises ExperimentFileError naming the file.
    """
    module = sequential_from_state(read_state_dict(path), activations, path)
    try:
        return from_module(module, loss=loss, data=data, **config)
    except ExperimentFileError:
        raise
    except ValueError as err:
        raise ExperimentFileError(path, None, str(err)) from None
