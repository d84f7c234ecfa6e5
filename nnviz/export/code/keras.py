"""A session's network and training set-up as Keras 3 code, the way lectures write it.

``keras.Sequential([...])`` (the functional API when a layer is residual),
``model.compile(...)`` and ``model.fit(...)``, with a comment wherever Keras's
semantics differ from nnviz's (which are PyTorch's). The code imports
``keras`` only, so it runs on any Keras 3 backend (TensorFlow, JAX, PyTorch).
"""

from .common import (LINE_WIDTH, NUMPY_FEATURES, _array_literal, _call, _comment_block, _comment_wrap,
                     _data_section, _drop_unused_math, _num, _Setup, _wrap)
from .pytorch_training import TORCH_OPTIMIZERS

KERAS_LOSSES = {"mse": "mse", "bce": "binary_crossentropy", "cross_entropy": "sparse_categorical_crossentropy"}
KERAS_OPTIMIZERS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam",
                    "adamw": "AdamW", "nadam": "Nadam"}

KERAS_INITIALIZERS = {
    # name: (Keras name at gain 1, VarianceScaling arguments reproducing it times a gain)
    "xavier_uniform": ("'glorot_uniform'", "mode='fan_avg', distribution='uniform'"),
    "xavier_normal": ("'glorot_normal'", "mode='fan_avg', distribution='untruncated_normal'"),
    "he_uniform": ("'he_uniform'", "mode='fan_in', distribution='uniform'"),
    "he_normal": ("'he_normal'", "mode='fan_in', distribution='untruncated_normal'"),
}

KERAS_ACTIVATION_STRINGS = ("linear", "sigmoid", "tanh", "relu", "elu", "softmax")


def _keras_header(s):
    lines = [
        f'"""Keras version of an nnviz network{s.title()}.',
        "",
        *_wrap(f"Data: {s.data_text()}."),
        *_wrap(f"Network: {s.arch_text()}."),
        *_wrap(f"Loss: {s.loss}; penalty: {s.penalty_text()}; optimizer: {s.optimizer} (lr {s.lr!r}); "
               f"batch size {s.batch_size}.{s.augment_text()}"),
        "",
        "Written for Keras 3 on any backend (TensorFlow, JAX or PyTorch: set KERAS_BACKEND). nnviz",
        "follows PyTorch's conventions; comments mark the places where Keras's differ.",
        "",
        "Run it to train: python this_file.py. Imported, it builds and compiles the model and trains nothing.",
        '"""',
        "",
        "import math",
        "",
        "import keras",
        "import numpy as np",
        "",
    ]
    if s.dtype == "float64":
        lines.append("# nnviz computed in float64. (Keras 3's PyTorch and JAX backends still multiply float64")
        lines.append("# matrices in float32, so expect agreement with nnviz to about 1e-7 there.)")
        lines.append("keras.config.set_floatx('float64')")
    lines += [f"keras.utils.set_random_seed({s.seed})", ""]
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
        call = (f"keras.initializers.RandomUniform(minval={-0.05 * g!r}, maxval={0.05 * g!r})"
                if s.init == "uniform" else f"keras.initializers.RandomNormal(mean=0.0, stddev={0.05 * g!r})")
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
                   f"    return keras.initializers.VarianceScaling(scale={scale!r}, {scaling})", "", ""], \
        "kernel_init()"


def _keras_layers(s, init_arg, named):
    """Per nnviz layer: (comment lines, [(Keras layer class, arguments)], residual).

    named: give every layer a name (set_weights finds them by it); lecture code leaves them out.
    """
    reg = ""
    if s.reg_kind != "none":
        reg = f"kernel_regularizer=keras.regularizers.{s.reg_kind}({s.reg_rate!r})"
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
        calls.append(("keras.layers.Dense", dense))
        if layer["batch_norm"]:
            calls.append(("keras.layers.BatchNormalization", ["momentum=0.9", "epsilon=1e-05", f"name='{name}_bn'"]))
        if not inline:
            if act in KERAS_ACTIVATION_STRINGS:
                calls.append(("keras.layers.Activation", [repr(act), f"name='{name}_act'"]))
            elif act == "leaky_relu":
                comments.append("slope 0.01 for u < 0 (Keras's LeakyReLU defaults to 0.3; Keras 2 calls it alpha)")
                calls.append(("keras.layers.LeakyReLU", ["negative_slope=0.01", f"name='{name}_act'"]))
            elif act == "prelu":
                comments.append("one learnable slope per unit, starting at 0.25 (Keras's default start is 0)")
                calls.append(("keras.layers.PReLU", ["alpha_initializer=keras.initializers.Constant(0.25)",
                                                        f"name='{name}_prelu'"]))
            elif act == "step":
                calls.append(("keras.layers.Activation", ["step", f"name='{name}_act'"]))
        if layer["dropout"] > 0:
            calls.append(("keras.layers.Dropout", [repr(layer["dropout"]), f"name='{name}_dropout'"]))
        if layer["residual"]:
            comments.append("residual: the layer's input is added to its output")
        if is_output and s.loss in ("bce", "cross_entropy"):
            comments.append("Keras computes the cross-entropy from these probabilities (clipped to [1e-7, 1 - 1e-7]);")
            comments.append("nnviz and torch use the stabler logit form, which in Keras is a linear output with")
            kind = "Binary" if s.loss == "bce" else "SparseCategorical"
            comments.append(f"loss=keras.losses.{kind}Crossentropy(from_logits=True)")
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
            "@keras.ops.custom_gradient",
            "def step(u):",
            '    """The binary step, 1 where u > 0, else 0, with its derivative: 0 everywhere.',
            "",
            "    Backprop multiplies by that 0, so no gradient reaches the layers below: the reason step",
            "    units cannot learn. (Keras has no step activation.) The PyTorch backend passes the",
            '    upstream gradient as a keyword, the others as the only argument."""',
            "    def grad(*args, upstream=None):",
            "        return keras.ops.zeros_like(args[-1] if upstream is None else upstream)",
            "    return keras.ops.cast(keras.ops.greater(u, 0), u.dtype), grad",
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
        lines.append("model = keras.Sequential([")
        lines.append(f"    keras.layers.Input(shape=({s.sizes[0]},)),")
        for comments, calls, _ in layers:
            lines += [f"    # {c}" for c in comments]
            for func, args in calls:
                lines += _call("", func, args, ",", indent=4)
        lines.append("])")
    else:
        lines += ["# A residual connection needs the functional API: a layer's output is added to its input.",
                  f"inputs = keras.Input(shape=({s.sizes[0]},))", "x = inputs"]
        for i, (comments, calls, residual) in enumerate(layers):
            lines += [f"# {c}" for c in comments]
            target, source = ("h" if residual else "x"), "x"
            for k, (func, args) in enumerate(calls):
                if i == len(layers) - 1 and k == len(calls) - 1:
                    target = "outputs"
                lines += _call(f"{target} = ", func, args, f"({source})")
                source = target
            if residual:
                lines.append("x = keras.layers.Add()([h, x])")
        lines.append("model = keras.Model(inputs, outputs)")
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
               "lr_schedule = keras.optimizers.schedules.ExponentialDecay(",
               f"    initial_learning_rate={s.lr!r}, decay_steps={o['step_size']}, decay_rate={o['gamma']!r}, "
               "staircase=True)"]
        lr = "lr_schedule"
    elif s.schedule == "exponential":
        pre = ["lr_schedule = keras.optimizers.schedules.ExponentialDecay(",
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
                       "lr_schedule = keras.optimizers.schedules.InverseTimeDecay(",
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
    return pre, (f"keras.optimizers.{KERAS_OPTIMIZERS[name]}", args), notes


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
    lines += ["", 'if __name__ == "__main__":',
              *_call("", "model.fit", ["X_train", "y_train", f"batch_size={s.batch_size}", f"epochs={s.epochs}"]
                     + (["validation_data=(X_test, y_test)"] if s.n_test else []), indent=4)]
    return lines


def keras_code(session, weights=False):
    """Keras 3 code for ``session``'s network and training set-up, in lecture style.

    ``keras.Sequential([...])``, or the functional API when a layer is
    residual; then ``model.compile`` and, when run as a script, ``model.fit``. weights: set the
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

