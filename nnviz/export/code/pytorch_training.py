"""The training half of the PyTorch script: loss, penalty, optimizer, schedule, step, loop."""

from .common import _option_literal

TORCH_LOSSES = {
    "mse": ("nn.MSELoss()", "(output - y)^2, averaged over every element of the batch."),
    "bce": ("nn.BCEWithLogitsLoss()", "Binary cross-entropy from the logit (stable), averaged over the batch."),
    "cross_entropy": ("nn.CrossEntropyLoss()", "-log softmax(logits)[label], averaged over the batch."),
}

TORCH_OPTIMIZERS = {"sgd": "SGD", "adagrad": "Adagrad", "rmsprop": "RMSprop", "adam": "Adam",
                    "adamw": "AdamW", "nadam": "NAdam"}


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

