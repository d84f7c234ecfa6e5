"""Rich text of the inspector: one neuron's, edge's or layer's numbers in lecture symbols.

Qt-free.  Each function takes a dict the session produced
(``Session.inspect_neuron``, ``inspect_edge``, ``gradient_check``) plus a
little context read from the session (the layer's settings, the optimizer's
hyper-parameters, the phase) and returns HTML for a ``QTextBrowser``.  Nothing
here computes a training quantity: every value printed is one the session
handed over.  The only arithmetic is bookkeeping for the reader — the sum of
the chain-rule terms not listed, and a pair's relative error with the
engine's own ``relative_error``.

Numbers are printed by :func:`fmt` (five significant digits, ``-`` for a
minus sign, so a value can be copied back into the edit box); tests look for
``fmt(value)`` in the text.
"""

from __future__ import annotations

import math

from nnviz.engine import relative_error
from nnviz.session.inspect import person_label
from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.session.language import shown as translate      # named so: lupdate reads translate("Inspector", ...)
from nnviz.session.language import shown_formula as formula
from nnviz.ui.panels.inspector_markup import Doc, error_color, esc, fmt, hat, ok_color, paren, sub
from nnviz.ui.widgets.theme import Theme

FEW_TERMS = 5
"""Chain-rule terms listed one by one; the rest are summed in one "… + N more" row."""

CHECK_ROWS = 10
"""Gradient-check entries listed one by one; the verdict covers all of them."""

CHECK_TOLERANCE = 1e-6
"""A relative error below this counts as agreement (green)."""

TINY_GRADIENT = 1e-7
"""Below this size a central-difference estimate (ε = 1e-5) is mostly rounding error."""

NOT_YET = QT_TRANSLATE_NOOP("Inspector", "not computed yet in this phase")
MEAN_NOTE = QT_TRANSLATE_NOOP("Inspector", "δ includes the 1/N of the mean loss over the mini-batch.")


def _differs(a: float, b: float) -> bool:
    """True when two values differ (NaN equals NaN here: a diverged gradient was not clipped)."""
    return not (a == b or (math.isnan(a) and math.isnan(b)))


def _phase_note(context: dict) -> str:
    step = context.get("step")
    phase = context.get("phase", "")
    if step is not None and phase and phase != "ready":
        return translate("Inspector", "step {0} · {1}").format(step + 1, phase)
    return translate("Inspector", "ready: no step shown yet") if phase == "ready" else phase


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def param_label(key: str, layer: int, index) -> str:
    """A parameter as a person reads it, counted from 1: W₂[3,1], b₂[1], γ₂[1], β₂[1], α₂[1]."""
    if key == "W":
        return person_label("weight", layer, *index)
    if key == "b":
        return person_label("bias", layer, j=int(index))
    symbol = {"beta": "β", "gamma": "γ", "alpha": "α"}.get(key, key)
    return symbol + person_label("bias", layer, j=int(index))[1:]


def _layer_role(layer: int, n_layers: int) -> str:
    return translate("Inspector", "output layer") if layer == n_layers else translate("Inspector", "hidden layer")


# -- neuron ----------------------------------------------------------------------------------
def neuron_html(info: dict, context: dict, theme: Theme) -> str:
    """Page for ``Session.inspect_neuron``'s dict.

    ``context``: ``n_layers``, ``batch_size`` (None before a step), ``phase``
    (a label), ``step``, and the layer's ``batch_norm``, ``dropout``,
    ``residual`` settings.
    """
    d = Doc(theme)
    layer = info["layer"]
    j = info["neuron"] + 1                          # a person counts neurons and samples from 1
    act = info["activation"]
    output = layer == context["n_layers"]
    d.title(_capital(person_label("neuron", layer, j=info["neuron"])),
            f"{_layer_role(layer, context['n_layers'])} · {esc(act)}")
    note = _phase_note(context)
    batch = context.get("batch_size")
    if info["known"] and batch:
        note = translate("Inspector", "sample n = {0} of the mini-batch ({1} samples) · ").format(
            info["sample"] + 1, batch) + note
    d.line(note, muted=True)

    params = []
    if info.get("bias") is not None:
        params.append((sub("b", j), translate("Inspector", "bias"), fmt(info["bias"])))
    if info.get("gamma") is not None:
        params.append((sub("γ", j), translate("Inspector", "batch-norm scale"), fmt(info["gamma"])))
    if info.get("beta") is not None:
        params.append((sub("β", j), translate("Inspector", "batch-norm shift"), fmt(info["beta"])))
    if info.get("alpha") is not None:
        params.append((sub("α", j), translate("Inspector", "PReLU slope for u &lt; 0"), fmt(info["alpha"])))

    d.section(translate("Inspector", "Forward"))
    if not info["known"]:
        d.line(translate("Inspector", "z, a: {0} (the forward pass has not reached layer {1}).").format(
            translate("Inspector", NOT_YET), layer), color=theme.muted)
        if params:
            d.table(params)
        _worked_examples(d, info, context, theme)
        return d.html()

    bn = info.get("xhat") is not None
    z_formula = f"= Σ<sub>i</sub> a<sub>i</sub> W<sub>i,{j}</sub>" + ("" if bn else f" + b<sub>{j}</sub>")
    rows = [(sub("z", j), formula(z_formula), fmt(info["z"]))]
    if bn:
        rows += [(sub("μ", j), translate("Inspector", "batch mean of z"), fmt(info["mean"])),
                 (f"σ<sub>{j}</sub>²", translate("Inspector", "batch variance of z"), fmt(info["var"])),
                 (sub(hat("x"), j), formula("= (z − μ) / √(σ² + ε)"), fmt(info["xhat"]))]
    rows += params                                  # b, or γ and β, and α for PReLU
    if bn and info.get("running_mean") is not None:
        rows += [(translate("Inspector", "running μ<sub>{0}</sub>").format(j),
                  translate("Inspector", "used in evaluation (test loss, boundary)"), fmt(info["running_mean"])),
                 (translate("Inspector", "running σ<sub>{0}</sub>²").format(j),
                  translate("Inspector", "used in evaluation; momentum 0.1"), fmt(info["running_var"]))]
    if bn:
        rows.append((sub("u", j), formula(f"= γ {hat('x')} + β"), fmt(info["u"])))
    arg = "u" if bn else "z"
    plain = not (context.get("dropout") or context.get("residual") or info.get("switched_off"))
    if plain:
        rows.append((sub("a", j), formula(f"= {esc(act)}({arg}<sub>{j}</sub>)"), fmt(info["a"])))
    else:
        rows.append((formula(f"{esc(act)}({arg}<sub>{j}</sub>)"), translate("Inspector", "the activation"),
                     fmt(info["act"])))
        how = []
        if info.get("dropped") is True:
            how.append(translate("Inspector", "dropped in this sample (rate {0})").format(fmt(context.get("dropout"))))
        elif info.get("dropped") is False:
            how.append(translate("Inspector", "kept by dropout, × 1/(1 − {0})").format(fmt(context.get("dropout"))))
        if info.get("switched_off"):
            how.append(translate("Inspector", "neuron switched off: × 0"))
        if context.get("residual"):
            how.append(translate("Inspector", "+ the layer's input (residual)"))
        rows.append((sub("a", j), "; ".join(how) or translate("Inspector", "output"), fmt(info["a"])))
    d.table(rows, emphasize={0, len(rows) - 1})
    _worked_examples(d, info, context, theme)

    d.section(translate("Inspector", "Backward"))
    if info.get("delta") is None:
        d.line(translate("Inspector", "∂L/∂a, δ: {0} (backward has not reached layer {1}).").format(
            translate("Inspector", NOT_YET), layer), color=theme.muted)
        return d.html()
    above = translate("Inspector", "from the layer above ({0})").format(
        formula(f"Σ<sub>k</sub> δ<sub>k</sub> W<sub>{j},k</sub>"))
    rows = [(f"∂L/∂a<sub>{j}</sub>", translate("Inspector", "from the loss") if output else above,
             fmt(info["grad_a"]))]
    delta = f"δ<sub>{j}</sub> = ∂L/∂z<sub>{j}</sub>"
    mask = " · mask/(1 − p)" if context.get("dropout") else ""
    if bn:
        rows.append((f"∂L/∂u<sub>{j}</sub>", formula(f"= ∂L/∂a{mask} · {esc(act)}′(u)"),
                     fmt(info["grad_u"])))
        rows.append((delta, translate("Inspector", "back through batch norm"), fmt(info["delta"])))
    elif output:
        rows.append((delta, translate("Inspector", "loss and {0} together").format(esc(act)), fmt(info["delta"])))
    else:
        rows.append((delta, formula(f"= ∂L/∂a{mask} · {esc(act)}′(z)"), fmt(info["delta"])))
    d.table(rows, emphasize={len(rows) - 1})
    d.line(translate("Inspector", MEAN_NOTE), muted=True)
    if bn:
        d.line(translate("Inspector", "Batch norm mixes the samples: δ of this sample depends on ∂L/∂u of the "
                                      "whole mini-batch, so it can be nonzero where ∂L/∂u is 0."), muted=True)
    return d.html()


def _worked_examples(d: "Doc", info: dict, context: dict, theme: Theme) -> None:
    """The softmax of the whole output layer, and a 2-D neuron's decision line (see the panel)."""
    soft = context.get("softmax")
    if soft:
        j = info["neuron"]
        z = ", ".join(fmt(v) for v in soft["z"])
        a = ", ".join(f"<b>{fmt(v)}</b>" if k == j else fmt(v) for k, v in enumerate(soft["a"]))
        d.section(translate("Inspector", "Softmax over the layer"))
        d.table([("z", translate("Inspector", "the layer's logits"), f"[{z}]"),
                 ("a", formula("= e<sup>z<sub>k</sub></sup> / Σ<sub>m</sub> e<sup>z<sub>m</sub></sup>"), f"[{a}]")])
        d.line(translate("Inspector", "The outputs sum to {0}: a probability for each class.").format(
            fmt(sum(soft["a"]))), muted=True)
    line = context.get("line")
    if line:
        (w1, w2), b = line["w"], line["b"]
        x1, x2 = (esc(n) for n in line["names"])
        d.section(translate("Inspector", "Decision line"))
        if w1 == 0 and w2 == 0:
            d.line(translate("Inspector", "Both weights are 0: z is the bias everywhere, there is no line."),
                   muted=True)
            return
        eq = f"{fmt(w1)}·{x1} {'−' if w2 < 0 else '+'} {fmt(abs(w2))}·{x2} {'−' if b < 0 else '+'} {fmt(abs(b))} = 0"
        d.line(translate("Inspector", "z = 0 on the line {0}").format(f"<b>{formula(eq)}</b>"),
               color=theme.foreground)
        that_is = translate("Inspector", "that is {0}")
        if w2 != 0:
            d.line(that_is.format(formula(f"{x2} = {fmt(-w1 / w2)}·{x1} {'−' if -b / w2 < 0 else '+'} "
                                          f"{fmt(abs(b / w2))}")), muted=True)
        elif w1 != 0:
            d.line(that_is.format(formula(f"{x1} = {fmt(-b / w1)}")), muted=True)
        mid = {"sigmoid": "a = 0.5", "tanh": "a = 0", "softmax": None}.get(info["activation"])
        sides = (translate("Inspector", "On one side z &gt; 0, on the other z &lt; 0; on the line {0}.").format(mid)
                 if mid else translate("Inspector", "On one side z &gt; 0, on the other z &lt; 0."))
        d.line(sides + " " + translate("Inspector", "The line is in the units the data view plots."), muted=True)
        if line.get("standardized"):
            (n1, n2), nb = line["network_w"], line["network_b"]
            own = (f"{fmt(n1)}·x̃₁ {'−' if n2 < 0 else '+'} {fmt(abs(n2))}·x̃₂ "
                   f"{'−' if nb < 0 else '+'} {fmt(abs(nb))} = 0")
            d.line(translate("Inspector", "The inputs are standardized ({0}): the network's own weights and bias "
                                          "give {1} in those units.").format(formula("x̃ = (x − mean) / std"),
                                                                            formula(own)), muted=True)


# -- edge ------------------------------------------------------------------------------------
def edge_html(info: dict, context: dict, theme: Theme) -> str:
    """Page for ``Session.inspect_edge``'s dict.

    ``context``: ``n_layers``, ``phase``, ``step``, ``reg_kind``, ``reg_rate``,
    ``clip_norm``, ``hyper`` (the optimizer's hyper-parameters).
    """
    d = Doc(theme)
    layer, i0, j0 = info["layer"], info["source"], info["target"]
    i, j = i0 + 1, j0 + 1                           # a person counts rows and columns from 1
    src = (translate("Inspector", "input {0}").format(person_label("input", None, i0)) if layer == 1
           else person_label("neuron", layer - 1, j=i0))
    d.title(translate("Inspector", "Weight {0}").format(person_label("weight", layer, i0, j0)))
    d.line(translate("Inspector", "from {0} to {1} · {2}").format(
        src, person_label("neuron", layer, j=j0), _phase_note(context)), muted=True)
    a_sym = f"x<sub>{i}</sub>" if layer == 1 else f"a<sub>{i}</sub>"
    d.table([(f"W<sub>{i},{j}</sub>", translate("Inspector", "the weight now"), fmt(info["w"]))], emphasize={0})

    d.section(translate("Inspector", "Gradient: the chain rule"))
    if not info["known"]:
        d.line(translate("Inspector", "∂L/∂W: {0} (backward has not reached layer {1}).").format(
            translate("Inspector", NOT_YET), layer), color=theme.muted)
        return d.html()
    chain = f"∂L/∂W<sub>{i},{j}</sub> = Σ<sub>n</sub> δ<sub>{j}</sub><sup>(n)</sup> · {a_sym}<sup>(n)</sup>"
    d.line(translate("Inspector", "{0} + penalty").format(formula(chain))
           + f' &nbsp;<span style="color:{theme.muted}">'
           + translate("Inspector", "(one term per sample n)") + "</span>")
    terms, n_terms = info["terms"], info["n_terms"]
    shown = terms[:FEW_TERMS]
    rows = [(str(n + 1), fmt(info["delta"][n]), fmt(info["source_a"][n]), fmt(t)) for n, t in enumerate(shown)]
    if n_terms > len(shown):
        rest = info["data_grad"] - math.fsum(shown)
        rows.append(("…", "", translate("Inspector", "+ {0} more").format(n_terms - len(shown)), fmt(rest)))
    d.table(rows, header=("n", f"δ<sub>{j}</sub>", a_sym, f"δ<sub>{j}</sub> · {a_sym}"))
    reg = context.get("reg_kind", "none")
    lam = context.get("reg_rate", 0.0)
    penalty_formula = {"l2": f"2λ·W = 2·{fmt(lam)}·{fmt(info['w_before'])}",
                       "l1": f"λ·sign(W) = {fmt(lam)}·sign({fmt(info['w_before'])})"}.get(reg)
    penalty_formula = formula(penalty_formula) if penalty_formula else translate("Inspector", "no L1/L2 penalty")
    total = [(f"Σ<sub>n</sub> δ<sub>{j}</sub> {a_sym}", translate("Inspector", "from the data"),
              fmt(info["data_grad"])),
             (translate("Inspector", "+ penalty"), penalty_formula, fmt(info["penalty_grad"])),
             (f"= ∂L/∂W<sub>{i},{j}</sub>", translate("Inspector", "the gradient"), fmt(info["grad"]))]
    if _differs(info["applied_grad"], info["grad"]):
        total.append(("g", translate("Inspector", "after clipping to global norm ≤ {0}").format(
            fmt(context.get("clip_norm"))), fmt(info["applied_grad"])))
    d.table(total, emphasize={2})
    d.line(translate("Inspector", MEAN_NOTE), muted=True)

    if "w_after" not in info:
        d.section(translate("Inspector", "Update"))
        d.line(translate("Inspector", "The optimizer step is shown at the update phase."), muted=True)
        return d.html()
    _update_section(d, info, context)
    return d.html()


def _update_section(d: Doc, info: dict, context: dict) -> None:
    name = info["optimizer"]
    hyper = context.get("hyper", {})
    lr, state = info["lr"], info.get("state", {})
    d.section(translate("Inspector", "Update ({0}, lr = {1}, t = {2})").format(esc(name), fmt(lr), info["t"]))
    g = translate("Inspector", "g (clipped)") if _differs(info["applied_grad"], info["grad"]) else "g"
    rows = [("g", translate("Inspector", "the gradient used"), fmt(info["applied_grad"]))]
    if name in ("adam", "adamw", "nadam") and "m_hat" in info:
        b1, b2 = hyper.get("betas", (0.9, 0.999))
        eps = hyper.get("eps", 1e-8)
        rows += [("m", f"= {fmt(b1)}·m + {fmt(1 - b1)}·g", fmt(state.get("exp_avg"))),
                 ("v", f"= {fmt(b2)}·v + {fmt(1 - b2)}·g²", fmt(state.get("exp_avg_sq"))),
                 (hat("m"), f"= m / (1 − {fmt(b1)}<sup>{info['t']}</sup>)", fmt(info["m_hat"])),
                 (hat("v"), f"= v / (1 − {fmt(b2)}<sup>{info['t']}</sup>)", fmt(info["v_hat"]))]
        m_hat, v_hat = hat("m"), hat("v")
        step = f"−lr · {m_hat} / (√{v_hat} + ε)"
        rule = {"adam": formula(f"= {step}, ε = {fmt(eps)}"),
                "adamw": translate("Inspector", "{0} (decoupled decay)").format(formula(f"= {step} − lr·λ·W")),
                "nadam": translate("Inspector", "Nesterov-corrected {0}").format(formula(step))}[name]
        rows.append(("Δw", rule, fmt(info["step"])))
    elif name == "sgd" and "momentum_buffer" in state:
        rows.append((formula("buf"), formula(f"= {fmt(hyper.get('momentum'))}·buf + {g}"),
                     fmt(state["momentum_buffer"])))
        rows.append(("Δw", formula("= −lr · buf") + (" (Nesterov)" if hyper.get("nesterov") else ""),
                     fmt(info["step"])))
    elif name == "sgd":
        extra = " " + translate("Inspector", "(+ weight decay)") if hyper.get("weight_decay") else ""
        rows.append(("Δw", formula(f"= −lr · g = −{fmt(lr)} · {paren(info['applied_grad'])}") + extra,
                     fmt(info["step"])))
    elif "rule" in info:            # adagrad, rmsprop: the rule's lines in symbols, then with this step's numbers
        rule = info["rule"]
        for symbols, numbers in zip(rule["rule"][:-1], rule["worked"][:-1]):
            rows.append(("", f"{formula(esc(symbols))}<br>{formula(esc(numbers))}", ""))
        rows.append(("Δw", translate("Inspector", "the step of the rule above"), fmt(info["step"])))
    else:
        for key, value in state.items():
            rows.append((formula(esc(key)), translate("Inspector", "optimizer state"), fmt(value)))
        rows.append(("Δw", translate("Inspector", "the optimizer's step"), fmt(info["step"])))
    before = translate("Inspector", "W before")
    rows += [(before, "", fmt(info["w_before"])),
             (translate("Inspector", "W new"), f"= {before} + Δw", fmt(info["w_after"]))]
    d.table(rows, emphasize={len(rows) - 3, len(rows) - 1})


# -- layer -----------------------------------------------------------------------------------
def layer_html(summary: dict, context: dict, theme: Theme) -> str:
    """Page for a whole layer.  ``summary``: ``layer``, ``size``, ``fan_in``,
    ``activation``, ``params`` (name -> shape), ``batch_norm``, ``dropout``,
    ``residual``, optional ``health`` and ``grad_norm`` (latest step)."""
    d = Doc(theme)
    layer = summary["layer"]
    d.title(translate("Inspector", "Layer {0}").format(layer),
            f"{_layer_role(layer, context['n_layers'])} · "
            + translate("Inspector", "{0} neurons").format(summary["size"]) + f" · {esc(summary['activation'])}")
    d.line(_phase_note(context), muted=True)
    rows = [(formula(esc(name)), formula("×".join(str(s) for s in shape)), str(math.prod(shape)))
            for name, shape in summary["params"].items()]
    d.table(rows, header=(translate("Inspector", "parameter"), translate("Inspector", "shape"),
                          translate("Inspector", "entries")))
    extras = []
    if summary.get("batch_norm"):
        extras.append(translate("Inspector", "batch norm"))
    if summary.get("dropout"):
        extras.append(translate("Inspector", "dropout {0}").format(fmt(summary["dropout"])))
    if summary.get("residual"):
        extras.append(translate("Inspector", "residual connection"))
    if extras:
        d.line(", ".join(extras), muted=True)
    rows = []
    latest = translate("Inspector", "latest step")
    if summary.get("grad_norm") is not None:
        rows.append(("‖∂L/∂W‖", latest, fmt(summary["grad_norm"])))
    if summary.get("health"):
        rows.append((translate("Inspector", "health"), latest, esc(translate("Health", summary["health"]))))
    if rows:
        d.table(rows)
    return d.html()


# -- gradient check --------------------------------------------------------------------------
def check_html(check: dict, theme: Theme) -> str:
    """Rows of backprop against numeric gradients and the verdict.

    ``check``: ``labels`` (one per entry), ``backprop``, ``numeric``,
    ``relative_error`` (the worst), ``total`` (entries of the selection).
    """
    d = Doc(theme)
    worst = check["relative_error"]
    good = worst < CHECK_TOLERANCE
    color = ok_color(theme) if good else error_color(theme)
    d.section(translate("Inspector", "Gradient check on the shown mini-batch"))
    rows = []
    for label, b, n in list(zip(check["labels"], check["backprop"], check["numeric"]))[:CHECK_ROWS]:
        rows.append((label, fmt(b), fmt(n), f"{relative_error(b, n):.1e}"))
    d.table(rows, header=("", translate("Inspector", "backprop"), translate("Inspector", "numeric"),
                          translate("Inspector", "rel. error")))
    count = len(check["labels"])
    more = (" " + translate("Inspector", "({0} more not listed)").format(count - CHECK_ROWS)
            if count > CHECK_ROWS else "")
    if check.get("total", count) > count:
        counted = (translate("Inspector", "{0} of {1} entry") if count == 1
                   else translate("Inspector", "{0} of {1} entries")).format(count, check["total"])
    else:
        counted = (translate("Inspector", "{0} entry") if count == 1
                   else translate("Inspector", "{0} entries")).format(count)
    verdict = (translate("Inspector", "max relative error {0}: backprop and numeric gradients agree") if good
               else translate("Inspector", "max relative error {0}: backprop and numeric gradients disagree"))
    rule = translate("Inspector", "numeric = central differences, agreement means &lt; {0}")
    d.line(f"<b>{verdict.format(f'{worst:.1e}')}</b> ({counted}{more}; {rule.format(f'{CHECK_TOLERANCE:.0e}')})",
           color=color)
    if not good and check["backprop"]:
        k = max(range(count), key=lambda n: relative_error(check["backprop"][n], check["numeric"][n]))
        if max(abs(check["backprop"][k]), abs(check["numeric"][k])) < TINY_GRADIENT:
            d.line(translate("Inspector", "These gradients are tiny (below {0}): at that size the numeric "
                                          "estimate's rounding error, about 1e-10 of the loss, outweighs them, so "
                                          "a large relative error here does not mean backprop is wrong.").format(
                f"{TINY_GRADIENT:.0e}"), muted=True)
    return "".join(d.parts)
