"""A session's network and training set-up written out as PyTorch or Keras code.

``pytorch_code(session)`` returns a complete script: the input preparation
(feature expansion and the training set's standardisation), the network as
an ``nn.Sequential`` of one named block per nnviz layer, nnviz's
initialisation, optionally the current weights, the loss and L1/L2 penalty,
the optimizer with the same torch options, the learning-rate schedule,
gradient clipping and a mini-batch training loop. Importing the script (or
exec-ing it under another ``__name__``) builds nothing and trains nothing; its
functions give the parts, so a test can compare them with the engine number
for number.

``keras_code(session)`` writes the same network the way lectures write Keras:
``tf.keras.Sequential([...])`` (the functional API when a layer is residual),
``model.compile(...)`` and ``model.fit(...)``, with a comment wherever Keras's
semantics differ from nnviz's (which are PyTorch's).

Numbers are written with ``repr``, which round-trips float64 exactly; float32
values are exact in float64, so both dtypes load bit for bit. Data sets up to
``MAX_EMBEDDED_VALUES`` numbers are embedded so the scripts run as they are.

No framework is imported here: the output is text.
"""

import math
import textwrap

import numpy as np

FRAMEWORKS = ("pytorch", "keras")
MAX_EMBEDDED_VALUES = 200_000     # larger data sets are left for the reader to load
DEFAULT_STEPS = 1000              # training length when the session is not a lesson
LINE_WIDTH = 100

TORCH_FEATURES = {"x1": "x1", "x2": "x2", "x1^2": "x1 ** 2", "x2^2": "x2 ** 2", "x1*x2": "x1 * x2",
                  "sin(x1)": "torch.sin(x1)", "sin(x2)": "torch.sin(x2)"}
NUMPY_FEATURES = {**TORCH_FEATURES, "sin(x1)": "np.sin(x1)", "sin(x2)": "np.sin(x2)"}

TORCH_LOSSES = {
    "mse": ("nn.MSELoss()", "(output - y)^2, averaged over every element of the batch."),
    "bce": ("nn.BCEWithLogitsLoss()", "Binary cross-entropy from the logit (stable), averaged over the batch."),
    "cross_entropy": ("nn.CrossEntropyLoss()", "-log softmax(logits)[label], averaged over the batch."),
}
KERAS_LOSSES = {"mse": "mse", "bce": "binary_crossentropy", "cross_entropy": "sparse_categorical_crossentropy"}

TORCH_OPTIMIZERS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam",
                    "adamw": "AdamW", "nadam": "NAdam"}
KERAS_OPTIMIZERS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam",
                    "adamw": "AdamW", "nadam": "Nadam"}

KERAS_INITIALIZERS = {
    # name: (Keras name at gain 1, VarianceScaling arguments reproducing it times a gain)
    "xavier_uniform": ("'glorot_uniform'", "mode='fan_avg', distribution='uniform'"),
    "xavier_normal": ("'glorot_normal'", "mode='fan_avg', distribution='untruncated_normal'"),
    "he_uniform": ("'he_uniform'", "mode='fan_in', distribution='uniform'"),
    "he_normal": ("'he_normal'", "mode='fan_in', distribution='untruncated_normal'"),
}


# --------------------------------------------------------------------------- literals
def _num(x):
    """A Python literal for one number: repr round-trips float64 (and float32) exactly."""
    x = float(x)
    if math.isfinite(x):
        return repr(x)
    if math.isnan(x):
        return "math.nan"
    return "math.inf" if x > 0 else "-math.inf"


def _flat_list(items, indent):
    """Items (already literals) as a list, wrapped at LINE_WIDTH with continuation lines at ``indent + 4``."""
    one_line = "[" + ", ".join(items) + "]"
    if indent + len(one_line) <= LINE_WIDTH:
        return one_line
    pad = " " * (indent + 4)
    lines, line = [], ""
    for item in items:
        piece = item + ","
        if line and len(pad) + len(line) + 1 + len(piece) > LINE_WIDTH:
            lines.append(pad + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(pad + line)
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


def _array_literal(values, indent):
    """A 1-D or 2-D array as a nested list literal of exact numbers (ints stay ints)."""
    values = np.asarray(values)
    fmt = str if np.issubdtype(values.dtype, np.integer) else _num
    if values.ndim == 1:
        return _flat_list([fmt(v) for v in values.tolist()], indent)
    rows = [_flat_list([fmt(v) for v in row], indent + 4) for row in values.tolist()]
    one_line = "[" + ", ".join(rows) + "]"
    if "\n" not in one_line and indent + len(one_line) <= LINE_WIDTH:
        return one_line
    pad = " " * (indent + 4)
    if all("\n" not in r for r in rows) and max(map(len, rows), default=0) < 40:
        return _flat_list(rows, indent)          # short rows (2-D points): several per line
    return "[\n" + "".join(f"{pad}{r},\n" for r in rows) + " " * indent + "]"


def _wrap(text, indent=0):
    """Text as lines of at most LINE_WIDTH characters, each starting with ``indent`` spaces."""
    pad = " " * indent
    return textwrap.wrap(text, LINE_WIDTH, initial_indent=pad, subsequent_indent=pad,
                         break_long_words=False, break_on_hyphens=False)


def _comment_wrap(text, indent=0):
    """A comment wrapped at LINE_WIDTH: lines of ``# ...`` at ``indent``."""
    pad = " " * indent + "# "
    return textwrap.wrap(text, LINE_WIDTH, initial_indent=pad, subsequent_indent=pad,
                         break_long_words=False, break_on_hyphens=False)


def _call(prefix, func, args, suffix="", indent=0):
    """``prefix + func(args) + suffix`` on one line, or with the arguments packed on continuation lines."""
    pad = " " * indent
    one = f"{pad}{prefix}{func}({', '.join(args)}){suffix}"
    if len(one) <= LINE_WIDTH:
        return [one]
    inner = pad + "    "
    lines, line = [f"{pad}{prefix}{func}("], ""
    for k, arg in enumerate(args):
        piece = arg + ("," if k < len(args) - 1 else f"){suffix}")
        if line and len(inner) + len(line) + 1 + len(piece) > LINE_WIDTH:
            lines.append(inner + line)
            line = piece
        else:
            line = f"{line} {piece}" if line else piece
    lines.append(inner + line)
    return lines


def _comment_block(text, indent=0):
    return "\n".join(" " * indent + "# " + line if line else " " * indent + "#" for line in text.split("\n"))


# --------------------------------------------------------------------------- what the session holds
class _Setup:
    """The facts of a session both writers need, read once."""

    def __init__(self, session):
        net, prep, config = session.network, session.prep, session.config
        self.session, self.net, self.prep, self.config = session, net, prep, config
        self.layers = [dict(layer) for layer in net.layers]
        self.sizes = list(net.sizes)
        self.n_hidden = len(self.layers) - 1
        self.dtype = net.spec["dtype"]
        self.loss = net.spec["loss"]
        self.init, self.gain = net.spec["init"], float(net.spec["init_gain"])
        reg = net.spec["regularization"]
        self.reg_kind = reg["kind"] if reg["kind"] != "none" and reg["rate"] > 0 else "none"
        self.reg_rate = float(reg["rate"])
        self.optimizer = config["optimizer"]
        self.options = dict(config["optimizer_options"])
        self.lr = float(config["lr"])
        self.schedule = config["schedule"]
        self.schedule_options = dict(config["schedule_options"])
        self.clip = float(config["clip_norm"])
        self.batch_size = int(config["batch_size"])
        self.seed = int(config["seed"])
        self.any_bn = any(layer["batch_norm"] for layer in self.layers)
        self.any_residual = any(layer["residual"] for layer in self.layers)
        self.task = prep.task
        self.n_outputs = prep.n_outputs
        self.features = prep.features            # None: the raw columns are the inputs
        self.input_scaler, self.target_scaler = prep.input_scaler, prep.target_scaler
        self.n_train, self.n_test = len(prep.train.y), len(prep.test.y)
        raw_dims = prep.dataset.X.shape[1]
        values = (self.n_train + self.n_test) * (raw_dims + 1)
        self.embed_data = values <= MAX_EMBEDDED_VALUES
        steps = session.lesson.steps if getattr(session, "lesson", None) is not None else DEFAULT_STEPS
        batches = max(1, math.ceil(self.n_train / self.batch_size))
        self.epochs = max(1, math.ceil(steps / batches))
        self.step = session.step

    def name(self, i):
        return "output" if i == self.n_hidden else f"hidden{i + 1}"

    def title(self):
        lesson = getattr(self.session, "lesson", None)
        return f" (lesson {lesson.id}: {lesson.title})" if lesson is not None else ""

    def data_text(self):
        c, ds = self.config, self.prep.dataset
        if c["dataset"] == "custom":
            source = f"{len(ds.y)} points placed by hand"
        elif c["dataset"] == "csv":
            source = f"CSV file {c['csv']['path']}"
        elif c["dataset"] in ("digits", "iris"):
            source = f"the {c['dataset']} data set ({len(ds.y)} samples)"
        else:
            source = f"the {c['dataset']} data set ({c['n_samples']} points, noise {c['noise']:g}, seed {c['seed']})"
        text = (f"{source}, {self.task}; split with test ratio {c['test_ratio']:g} into "
                f"{self.n_train} training and {self.n_test} test samples")
        # The text goes into the script's docstring: no backslash escapes, no closing quotes.
        return text.replace("\\", "/").replace('"', "'")

    def arch_text(self):
        parts = [f"{self.sizes[0]} inputs"]
        for layer in self.layers:
            extras = [name for name, on in (("batch norm", layer["batch_norm"]),
                                             (f"dropout {layer['dropout']:g}", layer["dropout"] > 0),
                                             ("residual", layer["residual"])) if on]
            parts.append(f"{layer['size']} {layer['activation']}" + (f" ({', '.join(extras)})" if extras else ""))
        return " -> ".join(parts)

    def penalty_text(self):
        if self.reg_kind == "l2":
            return f"{self.reg_rate!r} * sum of W^2"
        if self.reg_kind == "l1":
            return f"{self.reg_rate!r} * sum of |W|"
        return "none"


def _option_literal(value):
    if isinstance(value, bool):
        return repr(value)
    if isinstance(value, (tuple, list)):
        return "(" + ", ".join(_num(v) for v in value) + ")"
    return _num(value)


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
               f"batch size {s.batch_size}."),
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


def _torch_training(s):
    loss_expr, loss_text = TORCH_LOSSES[s.loss]
    lines = ["# " + "-" * 70 + " training", "",
             "def make_loss():",
             f'    """{loss_text}"""',
             f"    return {loss_expr}", "", ""]
    if s.reg_kind != "none":
        term = "weight.pow(2).sum()" if s.reg_kind == "l2" else "weight.abs().sum()"
        formula = "rate * sum of W^2" if s.reg_kind == "l2" else "rate * sum of |W|"
        lines += [
            f"{s.reg_kind.upper()}_RATE = {s.reg_rate!r}",
            "",
            "",
            "def penalty(model):",
            f'    """nnviz\'s {s.reg_kind.upper()} penalty: {formula} over every Linear weight.',
            "",
            "    Biases, gamma, beta and PReLU slopes are not penalised; the penalty is added to the loss",
            "    (Keras's convention)." + (" torch's weight_decay is different: it adds weight_decay * p to"
                                          if s.reg_kind == "l2" else ""),
        ]
        if s.reg_kind == "l2":
            lines += ["    the gradient of every parameter, biases included, so it equals this penalty only for",
                      "    weight_decay = 2 * rate and no biases."]
        lines += [
            '    """',
            "    weights = (module.weight for module in model.modules() if isinstance(module, nn.Linear))",
            f"    return {s.reg_kind.upper()}_RATE * sum({term} for weight in weights)",
            "",
            "",
        ]
    kwargs = [f"lr={s.lr!r}"] + [f"{k}={_option_literal(v)}" for k, v in s.options.items()]
    opt = f"torch.optim.{TORCH_OPTIMIZERS[s.optimizer]}"
    lines += ["def make_optimizer(model):",
              f'    """{opt} with nnviz\'s options (nnviz follows torch.optim\'s rules and defaults)."""',
              f"    return {opt}(model.parameters(), " + ", ".join(kwargs) + ")", "", ""]
    lines += _torch_schedule(s)
    lines += _torch_step(s)
    lines += _torch_batches(s)
    return lines


def _torch_schedule(s):
    o = s.schedule_options
    lines = ["def make_scheduler(optimizer):"]
    restart = ("    Stepped once per mini-batch: nnviz's schedule counts steps, not epochs. It starts again\n"
               "    at step 0 here.")
    if s.schedule == "step":
        lines += [f'    """StepLR: lr * {o["gamma"]!r} ** (step // {o["step_size"]}).', "",
                  restart, '    """',
                  f"    return torch.optim.lr_scheduler.StepLR(optimizer, step_size={o['step_size']}, "
                  f"gamma={o['gamma']!r})"]
    elif s.schedule == "exponential":
        exponent = f"(step // {o['decay_steps']})" if o["staircase"] else f"(step / {o['decay_steps']})"
        lines += [f'    """Keras\'s ExponentialDecay{" with staircase" if o["staircase"] else ""}: '
                  f"lr * {o['decay_rate']!r} ** {exponent}.", "",
                  "    LambdaLR multiplies the initial lr by the closed form at every step, so the value is "
                  "exactly",
                  "    nnviz's (ExponentialLR would multiply step by step and differ by rounding).",
                  restart, '    """',
                  f"    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: {o['decay_rate']!r} ** "
                  f"{exponent})"]
    else:
        lines += ['    """A constant learning rate (LambdaLR with factor 1 keeps the loop uniform)."""',
                  "    return torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1.0)"]
    return lines + ["", ""]


def _torch_step(s):
    penalty = " + penalty(model)" if s.reg_kind != "none" else ""
    lines = [
        "def train_step(model, loss_fn, optimizer, inputs, targets):",
        '    """One nnviz step on a mini-batch: forward, loss, backward, '
        + ("clip, " if s.clip > 0 else "") + 'update; returns the loss."""',
        "    model.train()                    # dropout on, batch statistics in batch norm",
        "    optimizer.zero_grad()",
        "    output = model(inputs)",
        f"    loss = loss_fn(output, targets){penalty}",
        "    loss.backward()",
    ]
    if s.clip > 0:
        lines.append(f"    # clip the global norm of all gradients together (as nnviz), not each one by itself")
        lines.append(f"    torch.nn.utils.clip_grad_norm_(model.parameters(), max_norm={s.clip!r})")
    lines += ["    optimizer.step()", "    return loss.item()", "", ""]
    return lines


def _torch_batches(s):
    lines = [
        "def batches(n, generator):",
        '    """One epoch of shuffled mini-batches of BATCH_SIZE indices (the last may be smaller)."""',
        "    order = torch.randperm(n, generator=generator)",
        "    start = 0",
        "    while start < n:",
        "        end = min(start + BATCH_SIZE, n)",
    ]
    if s.any_bn:
        lines += ["        if n - end == 1:   # batch norm cannot normalise a batch of one: join it to this one",
                  "            end = n"]
    lines += ["        yield order[start:end]", "        start = end", "", ""]
    return lines


def _data_section(s):
    """Embedded raw training and test data (or None placeholders when too large)."""
    prep = s.prep
    comment = "# " + "-" * 70 + " data"
    if not s.embed_data:
        return [comment, "", _comment_block(
            f"The data set ({s.n_train} training and {s.n_test} test samples) is too large to embed; "
            "load the raw\npoints (n, d) and labels (n,) here, split as in nnviz."),
            "TRAIN_POINTS = TRAIN_LABELS = TEST_POINTS = TEST_LABELS = None", "", ""]
    what = "class labels" if s.task != "regression" else "target values in their own units"
    return [comment, "",
            f"# Raw inputs and {what}, as nnviz split them (the same rows, in nnviz's order).",
            f"TRAIN_POINTS = {_array_literal(prep.train.X, 0)}",
            f"TRAIN_LABELS = {_array_literal(prep.train.y, 0)}",
            f"TEST_POINTS = {_array_literal(prep.test.X, 0) if s.n_test else '[]'}",
            f"TEST_LABELS = {_array_literal(prep.test.y, 0) if s.n_test else '[]'}",
            "", ""]


def _torch_main(s, weights):
    classify = s.task != "regression"
    lines = []
    if classify:
        rule = ("(output[:, 0] > 0.5)" if s.n_outputs == 1 else "output.argmax(dim=1)")
        lines += [
            "def accuracy(model, inputs, labels):",
            '    """Share of correct predictions: '
            + ("probability above 0.5" if s.n_outputs == 1 else "the largest output") + ' wins (as nnviz)."""',
            "    output = predict(model, inputs)",
            f"    return ({rule}.long() == torch.as_tensor(labels)).double().mean().item()",
            "",
            "",
        ]
    lines += [
        "def evaluate(model, loss_fn, inputs, targets):",
        '    """The data loss of a whole set in evaluation mode (no dropout, running batch-norm stats)."""',
        "    model.eval()",
        "    with torch.no_grad():",
        "        return loss_fn(model(inputs), targets).item()",
        "",
        "",
        "def main(epochs=EPOCHS):",
        "    if TRAIN_POINTS is None:" if not s.embed_data else None,
        "        raise SystemExit('fill in TRAIN_POINTS and the other data lists first')"
        if not s.embed_data else None,
        "    torch.manual_seed(SEED)",
        "    model = build_model()",
        "    load_weights(model)                  # leave out to start from a fresh initialisation"
        if weights else None,
        "    X_train, y_train = prepare_inputs(TRAIN_POINTS), prepare_targets(TRAIN_LABELS)",
        "    if len(TEST_LABELS):",
        "        X_test, y_test = prepare_inputs(TEST_POINTS), prepare_targets(TEST_LABELS)",
        "    loss_fn, optimizer = make_loss(), make_optimizer(model)",
        "    scheduler = make_scheduler(optimizer)",
        "    generator = torch.Generator().manual_seed(SEED)   # nnviz shuffles with its own generator",
        "    for epoch in range(epochs):",
        "        for batch in batches(len(X_train), generator):",
        "            batch_loss = train_step(model, loss_fn, optimizer, X_train[batch], y_train[batch])",
        "            scheduler.step()",
        "        if (epoch + 1) % max(1, epochs // 20) and epoch + 1 != epochs:",
        "            continue                         # report about 20 times",
        "        report = f'epoch {epoch + 1}: batch loss {batch_loss:.4f}'",
        "        report += f', train loss {evaluate(model, loss_fn, X_train, y_train):.4f}'",
    ]
    if classify:
        lines.append("        report += f', train accuracy {accuracy(model, X_train, TRAIN_LABELS):.3f}'")
    lines.append("        if len(TEST_LABELS):")
    lines.append("            report += f', test loss {evaluate(model, loss_fn, X_test, y_test):.4f}'")
    if classify:
        lines.append("            report += f', test accuracy {accuracy(model, X_test, TEST_LABELS):.3f}'")
    lines += [
        "        print(report)",
        "    return model",
        "",
        "",
        'if __name__ == "__main__":',
        "    main()",
    ]
    return [line for line in lines if line is not None]


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


def _drop_unused_math(code):
    """Remove ``import math`` when no embedded number needed math.nan or math.inf."""
    head, _, body = code.partition("import math\n")
    if "math." in body:
        return code
    if head.endswith("\n\n") and body.startswith("\n"):
        body = body[1:]                     # the standard-library group is empty now
    return head + body


# --------------------------------------------------------------------------- Keras
KERAS_ACTIVATION_STRINGS = ("linear", "sigmoid", "tanh", "relu", "elu", "softmax")


def _keras_header(s):
    lines = [
        f'"""Keras version of an nnviz network{s.title()}.',
        "",
        *_wrap(f"Data: {s.data_text()}."),
        *_wrap(f"Network: {s.arch_text()}."),
        *_wrap(f"Loss: {s.loss}; penalty: {s.penalty_text()}; optimizer: {s.optimizer} (lr {s.lr!r}); "
               f"batch size {s.batch_size}."),
        "",
        "Written for TensorFlow 2.16+ (Keras 3). nnviz follows PyTorch's conventions; comments mark the",
        "places where Keras's differ.",
        '"""',
        "",
        "import math",
        "",
        "import numpy as np",
        "import tensorflow as tf",
        "",
    ]
    if s.dtype == "float64":
        lines.append("tf.keras.backend.set_floatx('float64')      # nnviz computed in float64")
    lines += [f"tf.keras.utils.set_random_seed({s.seed})", ""]
    return lines


def _keras_inputs(s):
    lines = ["", "# " + "-" * 70 + " inputs", ""]
    features, scaler = s.features, s.input_scaler
    if features:
        lines.append(f"FEATURES = {features!r}")
    if scaler is not None:
        lines.append("# Standardisation with the training set's statistics (after the features).")
        lines.append(f"INPUT_MEAN = np.array({_array_literal(scaler.mean, 0)})")
        lines.append(f"INPUT_STD = np.array({_array_literal(scaler.std, 0)})")
    t = s.target_scaler
    if t is not None:
        lines.append("# Regression targets are standardised with the training set's statistics too.")
        lines.append(f"TARGET_MEAN = {_num(t.mean[0])}")
        lines.append(f"TARGET_STD = {_num(t.std[0])}")
    cast = "" if s.dtype == "float64" else ".astype(np.float32)"
    lines += ["", "", "def prepare_inputs(points):",
              f'    """Raw points (n, {s.prep.dataset.X.shape[1]}) -> network inputs (n, {s.sizes[0]})."""',
              "    X = np.asarray(points, dtype=np.float64)"]
    if features:
        lines.append("    x1, x2 = X[:, 0], X[:, 1]")
        lines.append("    X = np.column_stack([" + ", ".join(NUMPY_FEATURES[f] for f in features) + "])")
    if scaler is not None:
        lines.append("    X = (X - INPUT_MEAN) / INPUT_STD")
    lines += [f"    return X{cast}", "", "", "def prepare_targets(labels):"]
    if s.loss == "cross_entropy":
        lines += ['    """Class labels (n,): sparse_categorical_crossentropy takes them as they are."""',
                  "    return np.asarray(labels, dtype=np.int64)"]
    elif s.task == "multiclass":
        lines += [f'    """Class labels (n,) -> one-hot targets (n, {s.n_outputs}) for the MSE loss."""',
                  f"    return np.eye({s.n_outputs})[np.asarray(labels)]{cast}"]
    elif s.task == "binary":
        lines += ['    """Class labels 0/1 (n,) -> float targets (n, 1)."""',
                  f"    return np.asarray(labels, dtype=np.float64)[:, None]{cast}"]
    else:
        lines += ['    """Target values (n,) -> network targets (n, 1)'
                  + (", standardised" if t is not None else "") + '."""',
                  "    y = np.asarray(labels, dtype=np.float64)[:, None]"]
        if t is not None:
            lines.append("    y = (y - TARGET_MEAN) / TARGET_STD")
        lines.append(f"    return y{cast}")
    return lines + ["", ""]


def _keras_initializer(s):
    """(helper lines, kernel_initializer argument or None for Keras's default glorot_uniform)."""
    g = s.gain
    if s.init == "zeros":
        return [], "'zeros'"
    if s.init in ("uniform", "normal"):
        call = (f"tf.keras.initializers.RandomUniform(minval={-0.05 * g!r}, maxval={0.05 * g!r})"
                if s.init == "uniform" else f"tf.keras.initializers.RandomNormal(mean=0.0, stddev={0.05 * g!r})")
        return ["def kernel_init():",
                f'    """nnviz\'s {s.init} initialisation'
                + (f" times init_gain {g!r}" if g != 1.0 else "") + ' (a new object per layer)."""',
                f"    return {call}", "", ""], "kernel_init()"
    name, scaling = KERAS_INITIALIZERS[s.init]
    note = []
    if s.init.endswith("normal"):
        note = ["# Keras's glorot_normal and he_normal draw from a truncated normal; nnviz (and torch) from",
                "# a plain normal of the same standard deviation: VarianceScaling(scale=1.0 or 2.0, ...,",
                "# distribution='untruncated_normal') reproduces that exactly."]
    if g == 1.0:
        return note, None if s.init == "xavier_uniform" else name
    scale = g * g * (2.0 if s.init.startswith("he") else 1.0)
    return note + ["def kernel_init():",
                   f'    """nnviz\'s {s.init} initialisation times init_gain {g!r}: the variance scales by '
                   f'gain^2."""',
                   f"    return tf.keras.initializers.VarianceScaling(scale={scale!r}, {scaling})", "", ""], \
        "kernel_init()"


def _keras_layers(s, init_arg, named):
    """Per nnviz layer: (comment lines, [(Keras layer class, arguments)], residual).

    named: give every layer a name (set_weights finds them by it); lecture code leaves them out.
    """
    reg = ""
    if s.reg_kind != "none":
        reg = f"kernel_regularizer=tf.keras.regularizers.{s.reg_kind}({s.reg_rate!r})"
    out = []
    for i, layer in enumerate(s.layers):
        name, size, act = s.name(i), layer["size"], layer["activation"]
        is_output = i == s.n_hidden
        comments, calls = [], []
        dense = [str(size)]
        inline = act in KERAS_ACTIVATION_STRINGS and not layer["batch_norm"]
        if inline:
            dense.append(f"activation={act!r}")
        if layer["batch_norm"]:
            dense.append("use_bias=False")
        if init_arg:
            dense.append(f"kernel_initializer={init_arg}")
        if reg:
            dense.append(reg)
        dense.append(f"name='{name}'")
        calls.append(("tf.keras.layers.Dense", dense))
        if layer["batch_norm"]:
            calls.append(("tf.keras.layers.BatchNormalization", ["momentum=0.9", "epsilon=1e-05", f"name='{name}_bn'"]))
        if not inline:
            if act in KERAS_ACTIVATION_STRINGS:
                calls.append(("tf.keras.layers.Activation", [repr(act), f"name='{name}_act'"]))
            elif act == "leaky_relu":
                comments.append("slope 0.01 for u < 0 (Keras's LeakyReLU defaults to 0.3; Keras 2 calls it alpha)")
                calls.append(("tf.keras.layers.LeakyReLU", ["negative_slope=0.01", f"name='{name}_act'"]))
            elif act == "prelu":
                comments.append("one learnable slope per unit, starting at 0.25 (Keras's default start is 0)")
                calls.append(("tf.keras.layers.PReLU", ["alpha_initializer=tf.keras.initializers.Constant(0.25)",
                                                        f"name='{name}_prelu'"]))
            elif act == "step":
                calls.append(("tf.keras.layers.Activation", ["step", f"name='{name}_act'"]))
        if layer["dropout"] > 0:
            calls.append(("tf.keras.layers.Dropout", [repr(layer["dropout"]), f"name='{name}_dropout'"]))
        if layer["residual"]:
            comments.append("residual: the layer's input is added to its output")
        if is_output and s.loss in ("bce", "cross_entropy"):
            comments.append("Keras computes the cross-entropy from these probabilities (clipped to [1e-7, 1 - 1e-7]);")
            comments.append("nnviz and torch use the stabler logit form, which in Keras is a linear output with")
            kind = "Binary" if s.loss == "bce" else "SparseCategorical"
            comments.append(f"loss=tf.keras.losses.{kind}Crossentropy(from_logits=True)")
        if not named:
            calls = [(func, [a for a in args if not a.startswith("name=")]) for func, args in calls]
        label = "output layer" if is_output else f"hidden layer {i + 1}"
        out.append(([f"{label}: {size} {act} unit{'s' if size != 1 else ''}"] + comments, calls,
                    layer["residual"]))
    return out


def _keras_model(s, named):
    lines = ["# " + "-" * 70 + " model", ""]
    if any(layer["activation"] == "step" for layer in s.layers):
        lines += [
            "@tf.custom_gradient",
            "def step(u):",
            '    """The binary step, 1 where u > 0, else 0, with its derivative: 0 everywhere.',
            "",
            "    Backprop multiplies by that 0, so no gradient reaches the layers below: the reason step",
            '    units cannot learn. (Keras has no step activation.)"""',
            "    def grad(upstream):",
            "        return tf.zeros_like(upstream)",
            "    return tf.cast(u > 0, u.dtype), grad",
            "",
            "",
        ]
    init_lines, init_arg = _keras_initializer(s)
    lines += init_lines
    if s.any_bn:
        lines += [
            "# BatchNormalization: Keras's momentum is the weight of the old moving value, so torch's",
            "# momentum 0.1 is Keras's 0.9 (Keras's default 0.99 would be torch's 0.01); epsilon 1e-5 as",
            "# torch (Keras's default is 1e-3). Keras moves the variance with the biased batch variance,",
            "# torch and nnviz with the unbiased one. The Dense before it has use_bias=False: beta is the",
            "# bias, as in nnviz.",
        ]
    layers = _keras_layers(s, init_arg, named)
    if not s.any_residual:
        lines.append("model = tf.keras.Sequential([")
        lines.append(f"    tf.keras.layers.Input(shape=({s.sizes[0]},)),")
        for comments, calls, _ in layers:
            lines += [f"    # {c}" for c in comments]
            for func, args in calls:
                lines += _call("", func, args, ",", indent=4)
        lines.append("])")
    else:
        lines += ["# A residual connection needs the functional API: a layer's output is added to its input.",
                  f"inputs = tf.keras.Input(shape=({s.sizes[0]},))", "x = inputs"]
        for i, (comments, calls, residual) in enumerate(layers):
            lines += [f"# {c}" for c in comments]
            target, source = ("h" if residual else "x"), "x"
            for k, (func, args) in enumerate(calls):
                if i == len(layers) - 1 and k == len(calls) - 1:
                    target = "outputs"
                lines += _call(f"{target} = ", func, args, f"({source})")
                source = target
            if residual:
                lines.append("x = tf.keras.layers.Add()([h, x])")
        lines.append("model = tf.keras.Model(inputs, outputs)")
    return lines + [""]


def _keras_weights(s):
    net = s.net
    lines = ["", "# " + "-" * 70 + " weights", "",
             _comment_block(f"nnviz's parameters after {s.step} training step{'s' if s.step != 1 else ''}. "
                            "A Keras Dense kernel is (fan_in, fan_out),\nlike nnviz's W; BatchNormalization "
                            "takes [gamma, beta, moving mean, moving variance]."),
             "WEIGHTS = {"]
    for i, (params, buffers) in enumerate(zip(net.params, net.buffers)):
        name = s.name(i)
        dense = [params["W"]] + ([params["b"]] if "b" in params else [])
        groups = [(name, dense)]
        if "gamma" in params:
            groups.append((f"{name}_bn", [params["gamma"], params["beta"], buffers["running_mean"],
                                          buffers["running_var"]]))
        if "alpha" in params:
            groups.append((f"{name}_prelu", [params["alpha"]]))
        for key, arrays in groups:
            lines.append(f"    '{key}': [")
            lines += [f"        {_array_literal(a, 8)}," for a in arrays]
            lines.append("    ],")
    lines += ["}", "for name, values in WEIGHTS.items():",
              "    model.get_layer(name).set_weights([np.array(v) for v in values])", ""]
    return lines


def _keras_optimizer(s):
    """(lines defining the learning rate, the optimizer expression, comment lines about differences)."""
    o, opts, notes = s.schedule_options, dict(s.options), []
    pre, lr = [], repr(s.lr)
    if s.schedule == "step":
        pre = ["# nnviz's step schedule (torch's StepLR, stepped per mini-batch): "
               f"lr * {o['gamma']!r} ** floor(step / {o['step_size']})",
               "lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(",
               f"    initial_learning_rate={s.lr!r}, decay_steps={o['step_size']}, decay_rate={o['gamma']!r}, "
               "staircase=True)"]
        lr = "lr_schedule"
    elif s.schedule == "exponential":
        pre = ["lr_schedule = tf.keras.optimizers.schedules.ExponentialDecay(",
               f"    initial_learning_rate={s.lr!r}, decay_steps={o['decay_steps']}, "
               f"decay_rate={o['decay_rate']!r}, staircase={o['staircase']!r})"]
        lr = "lr_schedule"
    args = [f"learning_rate={lr}"]
    name, wd = s.optimizer, opts.get("weight_decay", 0.0)
    if name == "sgd":
        if opts.get("momentum", 0.0):
            args.append(f"momentum={opts['momentum']!r}")
            notes.append("Keras's SGD momentum keeps -lr * velocity, torch's keeps the velocity: the same steps "
                         "while lr is constant.")
        if opts.get("nesterov"):
            args.append("nesterov=True")
        if opts.get("dampening", 0.0):
            notes.append(f"torch's dampening={opts['dampening']!r} has no Keras option; it is left out.")
        if wd:
            args.append(f"weight_decay={wd!r}")
            notes.append("Keras's weight_decay shrinks the weights by lr * weight_decay * p directly; torch adds "
                         "weight_decay * p to the gradient. Equal for plain SGD, not with momentum."
                         if opts.get("momentum", 0.0) else
                         "Keras's weight_decay shrinks the weights by lr * weight_decay * p: for plain SGD the "
                         "same as torch's gradient term.")
    elif name == "adagrad":
        args += [f"initial_accumulator_value={opts.get('initial_accumulator_value', 0.0)!r}",
                 f"epsilon={opts.get('eps', 1e-10)!r}"]
        notes.append("initial_accumulator_value and epsilon are passed because Keras's defaults (0.1, 1e-7) "
                     "differ from torch's; Keras adds epsilon inside the square root, torch outside.")
        if opts.get("lr_decay", 0.0):
            if s.schedule == "constant":
                pre = ["# torch's Adagrad lr_decay: lr / (1 + step * lr_decay)",
                       "lr_schedule = tf.keras.optimizers.schedules.InverseTimeDecay(",
                       f"    initial_learning_rate={s.lr!r}, decay_steps=1, decay_rate={opts['lr_decay']!r})"]
                args[0] = "learning_rate=lr_schedule"
            else:
                notes.append(f"torch's lr_decay={opts['lr_decay']!r} on top of the schedule has no Keras "
                             "option; it is left out.")
    elif name == "rmsprop":
        args += [f"rho={opts.get('alpha', 0.99)!r}", f"epsilon={opts.get('eps', 1e-8)!r}"]
        if opts.get("momentum", 0.0):
            args.append(f"momentum={opts['momentum']!r}")
        if opts.get("centered"):
            args.append("centered=True")
        notes.append("torch's alpha is Keras's rho (Keras's default 0.9, torch's 0.99); Keras adds epsilon "
                     "inside the square root, torch outside.")
    else:
        beta1, beta2 = opts.get("betas", (0.9, 0.999))
        if name == "adamw":
            args.append(f"weight_decay={opts.get('weight_decay', 0.01)!r}")
            notes.append("weight_decay is passed because Keras's AdamW default (0.004) differs from torch's "
                         "(0.01); both decay decoupled, p -= lr * weight_decay * p.")
        if (beta1, beta2) != (0.9, 0.999):
            args += [f"beta_1={beta1!r}", f"beta_2={beta2!r}"]
        args.append(f"epsilon={opts.get('eps', 1e-8)!r}")
        if opts.get("amsgrad"):
            args.append("amsgrad=True")
        notes.append("Keras adds epsilon to sqrt(v) before v's bias correction, torch after: the updates "
                     "differ slightly while v is tiny.")
        if name == "nadam" and opts.get("momentum_decay", 4e-3) != 4e-3:
            notes.append(f"torch's momentum_decay={opts['momentum_decay']!r}: Keras's Nadam fixes it at 0.004.")
        if name in ("adam", "nadam") and wd:
            notes.append(f"torch's {TORCH_OPTIMIZERS[name]} weight_decay={wd!r} adds weight_decay * p to the "
                         "gradient (an L2 term); Keras's weight_decay is decoupled (AdamW's), so it is left out.")
    if name in ("adagrad", "rmsprop") and wd:
        notes.append(f"torch's weight_decay={wd!r} adds weight_decay * p to the gradient; Keras's weight_decay "
                     "is decoupled, so it is left out.")
    if s.clip > 0:
        args.append(f"global_clipnorm={s.clip!r}")
        notes.append("global_clipnorm clips the norm of all gradients together, as nnviz and torch's "
                     "clip_grad_norm_; Keras's clipnorm would clip each variable's gradient by itself.")
    return pre, (f"tf.keras.optimizers.{KERAS_OPTIMIZERS[name]}", args), notes


def _keras_training(s):
    pre, optimizer, notes = _keras_optimizer(s)
    lines = ["", "# " + "-" * 70 + " training", ""]
    lines += [line for note in notes for line in _comment_wrap(note)]
    lines += pre
    metrics = ", metrics=['accuracy']" if s.task != "regression" else ""
    func, args = optimizer
    rest = f"loss='{KERAS_LOSSES[s.loss]}'{metrics})"
    head = f"model.compile(optimizer={func}({', '.join(args)}),"
    if len(head) <= LINE_WIDTH:
        lines += [head, " " * len("model.compile(") + rest]
    else:
        lines += _call("optimizer = ", func, args)
        lines.append(f"model.compile(optimizer=optimizer, {rest}")
    validation = ", validation_data=(X_test, y_test)" if s.n_test else ""
    lines.append(f"model.fit(X_train, y_train, batch_size={s.batch_size}, epochs={s.epochs}{validation})")
    return lines


def keras_code(session, weights=False):
    """Keras (tf.keras) code for ``session``'s network and training set-up, in lecture style.

    ``tf.keras.Sequential([...])``, or the functional API when a layer is
    residual; then ``model.compile`` and ``model.fit``. weights: set the
    network's current parameters with ``set_weights``. Comments mark where
    Keras's semantics differ from nnviz's (which are PyTorch's).
    """
    s = _Setup(session)
    lines = _keras_header(s)
    lines += _keras_inputs(s)
    lines += _data_section(s)
    lines += ["X_train, y_train = prepare_inputs(TRAIN_POINTS), prepare_targets(TRAIN_LABELS)"]
    if s.n_test:
        lines += ["X_test, y_test = prepare_inputs(TEST_POINTS), prepare_targets(TEST_LABELS)"]
    lines += ["", ""]
    lines += _keras_model(s, named=weights)
    if weights:
        lines += _keras_weights(s)
    lines += _keras_training(s)
    return _drop_unused_math("\n".join(lines) + "\n")


def code_for(session, framework, weights=True):
    """Code for ``framework`` ("pytorch" or "keras"); ValueError names the allowed values."""
    if framework == "pytorch":
        return pytorch_code(session, weights=weights)
    if framework == "keras":
        return keras_code(session, weights=weights)
    raise ValueError(f"framework: {framework!r} is not one of {', '.join(FRAMEWORKS)}")
