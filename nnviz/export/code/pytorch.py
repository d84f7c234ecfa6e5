"""A session's network and training set-up as a complete PyTorch script.

``pytorch_code(session)`` writes the input preparation (feature expansion and
the training set's standardisation), the network as an ``nn.Sequential`` of
one named block per nnviz layer, nnviz's initialisation, optionally the
current weights, then (:mod:`.pytorch_training`) the loss and L1/L2 penalty,
the optimizer with the same torch options, the learning-rate schedule,
gradient clipping and a mini-batch training loop. Importing the script (or
exec-ing it under another ``__name__``) builds nothing and trains nothing; its
functions give the parts, so a test can compare them with the engine number
for number.
"""

from .common import (LINE_WIDTH, TORCH_FEATURES, _array_literal, _comment_block, _data_section,
                     _drop_unused_math, _num, _Setup, _wrap)
from .pytorch_training import _torch_main, _torch_training

# --------------------------------------------------------------------------- PyTorch
def _torch_activation(name, size):
    return {
        "linear": "nn.Identity()",
        "step": "Step()",
        "sigmoid": "nn.Sigmoid()",
        "tanh": "nn.Tanh()",
        "relu": "nn.ReLU()",
        "leaky_relu": "nn.LeakyReLU(negative_slope=0.01)",
        "prelu": f"nn.PReLU(num_parameters={size}, init=0.25)",
        "elu": "nn.ELU(alpha=1.0)",
        "softmax": "nn.Softmax(dim=1)",
    }[name]


def _torch_header(s, weights):
    lines = [
        f'"""PyTorch version of an nnviz network{s.title()}.',
        "",
        *_wrap(f"Data: {s.data_text()}."),
        *_wrap(f"Network: {s.arch_text()}."),
        *_wrap(f"Loss: {s.loss}; penalty: {s.penalty_text()}; optimizer: {s.optimizer} (lr {s.lr!r}); "
               f"batch size {s.batch_size}.{s.augment_text()}"),
        "",
        "Run it to train: python this_file.py. Imported, it builds and trains nothing; its parts are",
        "prepare_inputs(points), prepare_targets(labels), build_model(),"
        + (" load_weights(model)," if weights else ""),
        "predict(model, inputs), make_loss(), make_optimizer(model), make_scheduler(optimizer),",
        "train_step(model, loss_fn, optimizer, inputs, targets) and batches(n, generator).",
        '"""',
        "",
        "import math",
        "from collections import OrderedDict",
        "",
        "import torch",
        "from torch import nn",
        "",
    ]
    if s.dtype == "float64":
        lines.append("# nnviz computed in float64. The default dtype matters beyond the tensors made here: torch's")
        lines.append("# optimizers keep some state in it (NAdam's running momentum product, for one).")
        lines.append("DTYPE = torch.float64")
        lines.append("torch.set_default_dtype(DTYPE)")
    else:
        lines.append("DTYPE = torch.float32             # nnviz computed in float32")
    lines += [
        f"SEED = {s.seed}",
        f"BATCH_SIZE = {s.batch_size}",
        f"EPOCHS = {s.epochs}",
        "",
    ]
    return lines


def _torch_inputs(s):
    lines = ["", "# " + "-" * 70 + " inputs", ""]
    features, scaler = s.features, s.input_scaler
    d_raw = s.prep.dataset.X.shape[1]
    steps = []
    if features:
        lines.append(f"FEATURES = {features!r}")
        steps.append("The input features " + ", ".join(features) + " of the raw (x1, x2)")
    if scaler is not None:
        lines.append(_comment_block("Standardisation with the training set's statistics (after the features):\n"
                                    "input = (feature - mean) / std."))
        lines.append(f"INPUT_MEAN = {_array_literal(scaler.mean, 0)}")
        lines.append(f"INPUT_STD = {_array_literal(scaler.std, 0)}")
        steps.append("standardised" if features else "Standardised")
        steps[-1] += " with the training set's mean and std"
    lines += ["", "", "def prepare_inputs(points):",
              f'    """Raw points (n, {d_raw}) -> network inputs (n, {s.sizes[0]}).',
              "",
              *_wrap(("; then ".join(steps) if steps else "The raw columns are the inputs") + ".", 4),
              '    """',
              "    X = torch.as_tensor(points, dtype=torch.float64)"]
    if features:
        lines.append("    x1, x2 = X[:, 0], X[:, 1]")
        lines.append("    X = torch.stack([" + ", ".join(TORCH_FEATURES[f] for f in features) + "], dim=1)")
    if scaler is not None:
        lines.append("    mean = torch.tensor(INPUT_MEAN, dtype=torch.float64)")
        lines.append("    std = torch.tensor(INPUT_STD, dtype=torch.float64)")
        lines.append("    X = (X - mean) / std")
    lines.append("    return X.to(DTYPE)               # prepared in float64, then cast, as nnviz does")
    lines += ["", ""]
    lines += _torch_targets(s)
    return lines


def _torch_targets(s):
    t = s.target_scaler
    lines = []
    if t is not None:
        lines.append("# Regression targets are standardised with the training set's statistics too.")
        lines.append(f"TARGET_MEAN = {_num(t.mean[0])}")
        lines.append(f"TARGET_STD = {_num(t.std[0])}")
        lines += ["", ""]
    lines.append("def prepare_targets(labels):")
    if s.loss == "cross_entropy":
        lines += ['    """Class labels (n,) -> the integer labels CrossEntropyLoss takes (n,)."""',
                  "    return torch.as_tensor(labels, dtype=torch.long)"]
    elif s.task == "multiclass":
        lines += [f'    """Class labels (n,) -> one-hot targets (n, {s.n_outputs}) for the MSE loss."""',
                  f"    return nn.functional.one_hot(torch.as_tensor(labels, dtype=torch.long), "
                  f"{s.n_outputs}).to(DTYPE)"]
    elif s.task == "binary":
        lines += ['    """Class labels 0/1 (n,) -> float targets (n, 1)."""',
                  "    return torch.as_tensor(labels, dtype=torch.float64)[:, None].to(DTYPE)"]
    else:
        lines += ['    """Target values (n,) -> network targets (n, 1)'
                  + (", standardised" if t is not None else "") + '."""',
                  "    y = torch.as_tensor(labels, dtype=torch.float64)[:, None]"]
        if t is not None:
            lines.append("    y = (y - TARGET_MEAN) / TARGET_STD")
        lines.append("    return y.to(DTYPE)")
    if t is not None:
        lines += ["", "", "def to_units(output):",
                  '    """Network output (standardised) back in the target\'s own units."""',
                  "    return output * TARGET_STD + TARGET_MEAN"]
    return lines


def _torch_model(s):
    lines = ["", "", "# " + "-" * 70 + " model", ""]
    if any(layer["activation"] == "step" for layer in s.layers):
        lines += [
            "class StepFunction(torch.autograd.Function):",
            '    """The binary step with its derivative: 0 everywhere.',
            "",
            "    Backprop multiplies by that 0, so no gradient reaches the layers below: the reason",
            "    step units cannot learn. (A plain (u > 0) comparison would cut the graph instead and",
            '    leave those gradients None; this keeps them, as zeros, like nnviz."""',
            "",
            "    @staticmethod",
            "    def forward(ctx, u):",
            "        return (u > 0).to(u.dtype)",
            "",
            "    @staticmethod",
            "    def backward(ctx, grad):",
            "        return torch.zeros_like(grad)",
            "",
            "",
            "class Step(nn.Module):",
            '    """act = 1 where u > 0, else 0 (torch has no step module)."""',
            "",
            "    def forward(self, u):",
            "        return StepFunction.apply(u)",
            "",
            "",
        ]
    if s.any_residual:
        lines += [
            "class Residual(nn.Sequential):",
            '    """A layer whose input is added to its output: a = dropout(f(u)) + inp."""',
            "",
            "    def forward(self, inp):",
            "        return super().forward(inp) + inp",
            "",
            "",
        ]
    lines += [
        "def layer(residual=False, **parts):" if s.any_residual else "def layer(**parts):",
        '    """One nnviz layer: named parts applied in order (linear, [bn], act, [dropout])."""',
        "    return (Residual if residual else nn.Sequential)(OrderedDict(parts))" if s.any_residual
        else "    return nn.Sequential(OrderedDict(parts))",
        "",
        "",
        "def build_model():",
        '    """The network, one block per nnviz layer, initialised as nnviz initialises it.',
        "",
        "    Each block computes z = inp @ W + b (torch stores W transposed, as (out, in)); with batch",
        "    norm u = gamma * (z - mean) / sqrt(var + 1e-5) + beta and no bias; act = f(u); then",
        "    inverted dropout in training, and + inp for a residual layer.",
        '    """',
        "    model = nn.Sequential(OrderedDict(",
    ]
    for i, layer in enumerate(s.layers):
        lines += _torch_block(s, i, layer)
    lines += [
        "    ))",
        "    model.to(DTYPE)",
        "    init_weights(model)",
        "    return model",
        "",
        "",
    ]
    lines += _torch_init(s)
    lines += _torch_predict(s)
    return lines


def _torch_block(s, i, layer):
    fan_in, size = s.sizes[i], layer["size"]
    out = []
    is_output = i == s.n_hidden
    desc = f"{size} {layer['activation']} unit{'s' if size != 1 else ''}"
    if is_output:
        out.append(f"        # output layer: {desc}")
    else:
        out.append(f"        # hidden layer {i + 1}: {desc}")
    parts = []
    bias = "" if not layer["batch_norm"] else ", bias=False"
    parts.append(f"linear=nn.Linear({fan_in}, {size}{bias})")
    if layer["batch_norm"]:
        out.append("        # batch norm: no bias in the Linear (beta plays its role); momentum 0.1:")
        out.append("        # running = 0.9 * running + 0.1 * batch statistic")
        parts.append(f"bn=nn.BatchNorm1d({size}, eps=1e-05, momentum=0.1)")
    act = layer["activation"]
    if is_output and s.loss == "bce":
        out.append("        # returns the logit: BCEWithLogitsLoss applies the sigmoid inside (the stable form);")
        out.append("        # the probability of class 1 is torch.sigmoid(logit), see predict()")
    elif is_output and s.loss == "cross_entropy":
        out.append("        # returns the logits: CrossEntropyLoss applies the log-softmax inside (the stable form);")
        out.append("        # the class probabilities are torch.softmax(logits, dim=1), see predict()")
    elif act == "linear":
        out.append("        # linear activation: f(u) = u")
        if not is_output:
            parts.append(f"act={_torch_activation(act, size)}")
    else:
        parts.append(f"act={_torch_activation(act, size)}")
    if layer["dropout"] > 0:
        out.append(f"        # inverted dropout: in training each unit is zeroed with probability "
                   f"{layer['dropout']!r},")
        out.append("        # the others are scaled by 1 / (1 - p)")
        parts.append(f"dropout=nn.Dropout(p={layer['dropout']!r})")
    if layer["residual"]:
        out.append("        # residual: the block's input is added to its output")
        parts.append("residual=True")
    call = f"        {s.name(i)}=layer(" + ", ".join(parts) + "),"
    if len(call) > LINE_WIDTH:
        call = f"        {s.name(i)}=layer(\n" + "".join(f"            {p},\n" for p in parts) + "        ),"
    out.append(call)
    return out


def _torch_init(s):
    init = {
        "xavier_uniform": "nn.init.xavier_uniform_(module.weight)",
        "xavier_normal": "nn.init.xavier_normal_(module.weight)",
        "he_uniform": "nn.init.kaiming_uniform_(module.weight, nonlinearity='relu')   # U(+-sqrt(6 / fan_in))",
        "he_normal": "nn.init.kaiming_normal_(module.weight, nonlinearity='relu')     # N(0, sqrt(2 / fan_in))",
        "uniform": "nn.init.uniform_(module.weight, -0.05, 0.05)",
        "normal": "nn.init.normal_(module.weight, 0.0, 0.05)",
        "zeros": "nn.init.zeros_(module.weight)   # every neuron identical: the symmetry lesson",
    }[s.init]
    lines = [
        "def init_weights(model):",
        f'    """nnviz\'s initialisation: {s.init} weights'
        + (f" times {s.gain!r}" if s.gain != 1.0 else "") + ", biases 0.",
        "",
        "    torch's own default for Linear differs (kaiming_uniform with a=sqrt(5), random biases).",
        "    BatchNorm1d starts at gamma 1, beta 0 and PReLU at 0.25, as in nnviz.",
        '    """',
        "    for module in model.modules():",
        "        if isinstance(module, nn.Linear):",
        f"            {init}",
    ]
    if s.gain != 1.0:
        lines += ["            with torch.no_grad():",
                  f"                module.weight.mul_({s.gain!r})   # init_gain"]
    lines += [
        "            if module.bias is not None:",
        "                nn.init.zeros_(module.bias)",
        "",
        "",
    ]
    return lines


def _torch_predict(s):
    act, loss = s.layers[-1]["activation"], s.loss
    if loss == "bce":
        expr, what = "torch.sigmoid(model(inputs))", "the probability of class 1, sigmoid of the logit"
    elif loss == "cross_entropy":
        expr, what = "torch.softmax(model(inputs), dim=1)", "class probabilities, softmax of the logits"
    else:
        expr, what = "model(inputs)", f"the {act} output"
    return [
        "def predict(model, inputs):",
        '    """The network output in evaluation mode, as nnviz shows it:',
        f'    {what}."""',
        "    model.eval()",
        "    with torch.no_grad():",
        f"        return {expr}",
        "",
        "",
    ]


def _torch_weights(s):
    net = s.net
    lines = [
        "# " + "-" * 70 + " weights",
        "",
        _comment_block(
            f"nnviz's parameters after {s.step} training step{'s' if s.step != 1 else ''}. nnviz keeps W "
            "as (fan_in, fan_out); a torch\nLinear weight is (out, in), so every W appears here transposed. "
            "bn.weight is gamma, bn.bias beta,\nact.weight the PReLU slopes alpha."),
        "WEIGHTS = {",
    ]
    for i, (params, buffers) in enumerate(zip(net.params, net.buffers)):
        name = s.name(i)
        entries = [(f"{name}.linear.weight", params["W"].T)]
        if "b" in params:
            entries.append((f"{name}.linear.bias", params["b"]))
        if "gamma" in params:
            entries += [(f"{name}.bn.weight", params["gamma"]), (f"{name}.bn.bias", params["beta"]),
                        (f"{name}.bn.running_mean", buffers["running_mean"]),
                        (f"{name}.bn.running_var", buffers["running_var"])]
        if "alpha" in params:
            entries.append((f"{name}.act.weight", params["alpha"]))
        for key, value in entries:
            lines.append(f'    "{key}": {_array_literal(value, 4)},')
    lines += [
        "}",
        "",
        "",
        "def load_weights(model):",
        '    """Copy the embedded nnviz parameters and batch-norm statistics into the model."""',
        "    state = model.state_dict()",
        "    for name, value in WEIGHTS.items():",
        "        state[name] = torch.tensor(value, dtype=DTYPE)",
        "    model.load_state_dict(state)",
        "",
        "",
    ]
    return lines




def pytorch_code(session, weights=True):
    """A complete PyTorch script equivalent to ``session``'s network and training set-up.

    weights: embed the network's current parameters (and batch-norm running
    statistics) and load them; otherwise the script starts from nnviz's
    initialisation scheme. The script builds and trains nothing when imported;
    ``python script.py`` trains it.
    """
    s = _Setup(session)
    lines = _torch_header(s, weights)
    lines += _torch_inputs(s)
    lines += _torch_model(s)
    if weights:
        lines += _torch_weights(s)
    lines += _torch_training(s)
    lines += _data_section(s)
    lines += _torch_main(s, weights)
    return _drop_unused_math("\n".join(lines) + "\n")

