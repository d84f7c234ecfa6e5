"""The update rule of the optimizer in use, for one weight, in symbols and with the step's numbers.

The inspector shows how the update phase moved one weight. Each optimizer has
its own rule (torch.optim's, as the engine implements them), so the caption
is built here per optimizer: ``rule`` lists the lines in symbols (Adam:
m ← β₁·m + (1 − β₁)·g, …, W ← W − lr·m̂ / (√v̂ + ε)); ``worked`` lists the
same lines with this step's numbers; ``step`` is the change those numbers
give, which the tests compare with the change the engine made.

The numbers come from the optimizer's state before the step (the history's
snapshot of the step boundary) and after it, and from the gradient the step
applied (after clipping). Nothing here changes any state.
"""

import math

_SUP_T = "ᵗ"

# The symbols of each rule, shared by the inspector's per-weight lines and the phase caption's
# one-line summary, so both always show the same rule.
_DECAY = "g ← g + wd·W"
_BUF = "buf ← μ·buf + g"
_ADAGRAD_G = "G ← G + g²"
_RMS_V = "v ← α·v + (1 − α)·g²"
_RMS_MEAN = "ḡ ← α·ḡ + (1 − α)·g"
_ADAM_M = "m ← β₁·m + (1 − β₁)·g"
_ADAM_V = "v ← β₂·v + (1 − β₂)·g²"
_ADAM_STEP = "lr·m̂ / (√v̂ + ε)"
_ADAMW_DECAY = "lr·λ·W"


def _n(x):
    """Five significant digits, negative numbers in parentheses when they follow an operator."""
    if not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("inf" if x > 0 else "-inf")
    text = f"{x:.5g}"
    text = "0" if text == "-0" else text
    return f"({text})" if text.startswith("-") else text


class _Lines:
    def __init__(self):
        self.rule, self.worked = [], []

    def add(self, rule, worked):
        self.rule.append(rule)
        self.worked.append(worked)


def update_rule(opt, info, name, before=None):
    """{"optimizer", "rule", "worked", "step"} for the weight an ``inspect_edge`` dict describes.

    ``info`` needs "applied_grad", "w_before", "w_after", "lr", "t" and "state"
    (this weight's optimizer state after the step); ``before`` is its state
    before the step ({} or None at the first step); ``name`` is the weight's
    label (W₂[3,1]).
    """
    h, lr, t = opt.hyper, info["lr"], info["t"]
    g, w = info["applied_grad"], info["w_before"]
    after = info["state"]
    before = before or {}
    out = _Lines()
    decay = h.get("weight_decay", 0.0)
    if decay and opt.name != "adamw":
        g_new = g + decay * w
        out.add(f"{_DECAY}  (weight decay, an L2 term in the gradient)",
                f"g ← {_n(g)} + {_n(decay)}·{_n(w)} = {_n(g_new)}")
        g = g_new
    with_numbers = _RULES[opt.name]
    step = with_numbers(out, h, lr, t, g, w, after, before, opt)
    out.add(f"{name} ← W + ΔW", f"{name} ← {_n(w)} + {_n(step)} = {_n(w + step)}")
    return {"optimizer": opt.name, "rule": out.rule, "worked": out.worked, "step": step}


def _sgd(out, h, lr, t, g, w, after, before, opt):
    mu = h["momentum"]
    if not mu:
        step = -lr * g
        out.add("ΔW = −lr·g", f"ΔW = −{_n(lr)}·{_n(g)} = {_n(step)}")
        return step
    buf = after["momentum_buffer"]
    if "momentum_buffer" in before:
        damp = 1.0 - h["dampening"]
        out.add(_BUF.replace("+ g", "+ (1 − dampening)·g") if h["dampening"] else _BUF,
                f"buf ← {_n(mu)}·{_n(before['momentum_buffer'])} + "
                f"{_n(damp) + '·' if h['dampening'] else ''}{_n(g)} = {_n(buf)}")
    else:
        out.add("buf ← g  (the first step)", f"buf ← {_n(buf)}")
    if h["nesterov"]:
        step = -lr * (g + mu * buf)
        out.add("ΔW = −lr·(g + μ·buf)  (Nesterov)",
                f"ΔW = −{_n(lr)}·({_n(g)} + {_n(mu)}·{_n(buf)}) = {_n(step)}")
    else:
        step = -lr * buf
        out.add("ΔW = −lr·buf  (momentum)", f"ΔW = −{_n(lr)}·{_n(buf)} = {_n(step)}")
    return step


def _adagrad(out, h, lr, t, g, w, after, before, opt):
    total = after["sum"]
    out.add(_ADAGRAD_G, f"G ← {_n(before.get('sum', h['initial_accumulator_value']))} + {_n(g)}² = {_n(total)}")
    rate = lr / (1.0 + (t - 1) * h["lr_decay"])
    if h["lr_decay"]:
        out.add("lr' = lr / (1 + (t − 1)·decay)",
                f"lr' = {_n(lr)} / (1 + {t - 1}·{_n(h['lr_decay'])}) = {_n(rate)}")
    step = -rate * g / (math.sqrt(total) + h["eps"])
    out.add("ΔW = −lr·g / (√G + ε)",
            f"ΔW = −{_n(rate)}·{_n(g)} / (√{_n(total)} + {_n(h['eps'])}) = {_n(step)}")
    return step


def _rmsprop(out, h, lr, t, g, w, after, before, opt):
    a, eps = h["alpha"], h["eps"]
    v = after["square_avg"]
    out.add(_RMS_V,
            f"v ← {_n(a)}·{_n(before.get('square_avg', 0.0))} + {_n(1 - a)}·{_n(g)}² = {_n(v)}")
    if h["centered"]:
        mean = after["grad_avg"]
        out.add(_RMS_MEAN,
                f"ḡ ← {_n(a)}·{_n(before.get('grad_avg', 0.0))} + {_n(1 - a)}·{_n(g)} = {_n(mean)}")
        d = math.sqrt(v - mean * mean) + eps
        out.add("d = √(v − ḡ²) + ε  (centered)", f"d = √({_n(v)} − {_n(mean)}²) + {_n(eps)} = {_n(d)}")
    else:
        d = math.sqrt(v) + eps
        out.add("d = √v + ε", f"d = √{_n(v)} + {_n(eps)} = {_n(d)}")
    if h["momentum"] > 0:
        buf = after["momentum_buffer"]
        out.add("buf ← μ·buf + g / d", f"buf ← {_n(h['momentum'])}·{_n(before.get('momentum_buffer', 0.0))} + "
                f"{_n(g)} / {_n(d)} = {_n(buf)}")
        step = -lr * buf
        out.add("ΔW = −lr·buf", f"ΔW = −{_n(lr)}·{_n(buf)} = {_n(step)}")
    else:
        step = -lr * g / d
        out.add("ΔW = −lr·g / d", f"ΔW = −{_n(lr)}·{_n(g)} / {_n(d)} = {_n(step)}")
    return step


def _moments(out, h, t, g, after, before):
    b1, b2 = h["betas"]
    m, v = after["exp_avg"], after["exp_avg_sq"]
    out.add(_ADAM_M,
            f"m ← {_n(b1)}·{_n(before.get('exp_avg', 0.0))} + {_n(1 - b1)}·{_n(g)} = {_n(m)}")
    out.add(_ADAM_V,
            f"v ← {_n(b2)}·{_n(before.get('exp_avg_sq', 0.0))} + {_n(1 - b2)}·{_n(g)}² = {_n(v)}")
    return b1, b2, m, v


def _adam(out, h, lr, t, g, w, after, before, opt):
    b1, b2, m, v = _moments(out, h, t, g, after, before)
    m_hat = m / (1.0 - b1 ** t)
    out.add(f"m̂ = m / (1 − β₁{_SUP_T})", f"m̂ = {_n(m)} / (1 − {_n(b1)}^{t}) = {_n(m_hat)}")
    if h.get("amsgrad"):
        v = after["max_exp_avg_sq"]
        out.add("v_max ← max(v_max, v)  (AMSGrad)", f"v_max = {_n(v)}")
    v_hat = v / (1.0 - b2 ** t)
    out.add(f"v̂ = v / (1 − β₂{_SUP_T})", f"v̂ = {_n(v)} / (1 − {_n(b2)}^{t}) = {_n(v_hat)}")
    eps = h["eps"]
    step = -lr * m_hat / (math.sqrt(v_hat) + eps)
    worked = f"−{_n(lr)}·{_n(m_hat)} / (√{_n(v_hat)} + {_n(eps)})"
    if opt.name == "adamw" and h["weight_decay"]:
        decay = -lr * h["weight_decay"] * w
        step += decay
        out.add(f"ΔW = −{_ADAMW_DECAY} − {_ADAM_STEP}  (decoupled weight decay)",
                f"ΔW = −{_n(lr)}·{_n(h['weight_decay'])}·{_n(w)} {worked} = {_n(step)}")
    else:
        out.add(f"ΔW = −{_ADAM_STEP}", f"ΔW = {worked} = {_n(step)}")
    return step


def _nadam(out, h, lr, t, g, w, after, before, opt):
    b1, b2, m, v = _moments(out, h, t, g, after, before)
    psi, eps = h["momentum_decay"], h["eps"]
    mu = b1 * (1.0 - 0.5 * 0.96 ** (t * psi))
    mu_next = b1 * (1.0 - 0.5 * 0.96 ** ((t + 1) * psi))
    product = opt.state["mu_product"]                  # Π μ up to this step, after it
    out.add(f"μ{_SUP_T} = β₁·(1 − 0.5·0.96^(t·ψ)),  Πμ ← Πμ·μ{_SUP_T}",
            f"μ = {_n(mu)}, μ next = {_n(mu_next)}, Πμ = {_n(product)}")
    d = math.sqrt(v / (1.0 - b2 ** t)) + eps
    out.add(f"d = √(v / (1 − β₂{_SUP_T})) + ε",
            f"d = √({_n(v)} / (1 − {_n(b2)}^{t})) + {_n(eps)} = {_n(d)}")
    c_grad = lr * (1.0 - mu) / (1.0 - product)
    c_mom = lr * mu_next / (1.0 - product * mu_next)
    step = -c_grad * g / d - c_mom * m / d
    out.add("ΔW = −lr·(1 − μ)/(1 − Πμ)·g/d − lr·μ'/(1 − Πμ·μ')·m/d  (Nesterov)",
            f"ΔW = −{_n(c_grad)}·{_n(g)}/{_n(d)} − {_n(c_mom)}·{_n(m)}/{_n(d)} = {_n(step)}")
    return step


def rule_summary(name, hyper):
    """The update rule of optimizer ``name`` with options ``hyper`` in one line of symbols, for the
    update phase's caption: "m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²; W ← W − lr·m̂ / (√v̂ + ε)".

    g is the gradient the step applies (dL/dW, after clipping); the lines are those the inspector
    shows for one weight, with the final change written into W.
    """
    lines = [_DECAY] if hyper.get("weight_decay") and name != "adamw" else []
    if name == "sgd":
        mu = hyper.get("momentum", 0.0)
        if mu:
            lines.append(_BUF.replace("+ g", "+ (1 − dampening)·g") if hyper.get("dampening") else _BUF)
        step = ("lr·g" if not mu else "lr·(g + μ·buf)" if hyper.get("nesterov") else "lr·buf")
    elif name == "adagrad":
        lines.append(_ADAGRAD_G)
        step = ("lr′·g / (√G + ε), lr′ = lr / (1 + (t − 1)·decay)" if hyper.get("lr_decay")
                else "lr·g / (√G + ε)")
    elif name == "rmsprop":
        lines.append(_RMS_V)
        d = "√v + ε"
        if hyper.get("centered"):
            lines.append(_RMS_MEAN)
            d = "√(v − ḡ²) + ε"
        if hyper.get("momentum"):
            lines.append(f"buf ← μ·buf + g / ({d})")
            step = "lr·buf"
        else:
            step = f"lr·g / ({d})"
    elif name in ("adam", "adamw"):
        lines += [_ADAM_M, _ADAM_V]
        step = (f"{_ADAMW_DECAY} − {_ADAM_STEP}" if name == "adamw" and hyper.get("weight_decay")
                else _ADAM_STEP)
    elif name == "nadam":
        lines += [_ADAM_M, _ADAM_V]
        step = "lr·((1 − μ)/(1 − Πμ)·g + μ′/(1 − Πμ·μ′)·m) / (√v̂ + ε)"
    else:
        raise ValueError(f"unknown optimizer {name!r}")
    return "; ".join(lines + [f"W ← W − {step}"])


_RULES = {"sgd": _sgd, "adagrad": _adagrad, "rmsprop": _rmsprop, "adam": _adam, "adamw": _adam, "nadam": _nadam}
