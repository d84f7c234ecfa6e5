"""The numbers behind the picture: what the inspector shows for a neuron or an edge.

Everything here is read from the engine's trace and the optimizer's state of
the shown step, never recomputed another way, so the window shows exactly the
numbers that trained the network.

Two numberings, kept apart: the dicts hold indices for code — layers 1..L as
in the window, neurons, weights' rows and columns and ``sample`` from 0 as in
numpy — and every string a person reads counts from 1 in one notation, made
by :func:`person_label` alone: x₁, neuron 1 of layer 2, W₂[3,1], b₂[1].
"""

import math

import numpy as np

from nnviz.data.messages import UserError, template
from nnviz.engine import numeric_grad, relative_error
from nnviz.engine.gradcheck import masks_of

from .language import QT_TRANSLATE_NOOP, shown
from .update_rules import update_rule

NO_GRADIENT_YET = template("Session", "gradient check: take a step first (there is no gradient yet)")

MAX_TERMS = 32
"""At most this many per-sample chain-rule terms are listed; the sum covers the whole batch."""


_SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def person_label(kind, layer, i=None, j=None):
    """How a person reads an index, counted from 1: the one notation of captions and status bar.

    kind "input": x₍ᵢ₊₁₎ (layer ignored); "neuron": "neuron j+1 of layer L";
    "weight": W_L[i+1,j+1] (row = source, column = target, as W's shape
    (fan_in, fan_out)); "bias": b_L[j+1]; "layer": "layer L". ``i`` and ``j``
    are the 0-based indices the code uses. The words come in the window's
    language (:func:`~nnviz.session.language.shown`); the symbols stay as they are.
    """
    sub = str(layer).translate(_SUBSCRIPT) if layer is not None else ""
    if kind == "input":
        return "x" + str(i + 1).translate(_SUBSCRIPT)
    if kind == "neuron":
        return shown("Inspect", QT_TRANSLATE_NOOP("Inspect", "neuron {0} of layer {1}")).format(j + 1, layer)
    if kind == "weight":
        return f"W{sub}[{i + 1},{j + 1}]"
    if kind == "bias":
        return f"b{sub}[{j + 1}]"
    if kind == "layer":
        return shown("Inspect", QT_TRANSLATE_NOOP("Inspect", "layer {0}")).format(layer)
    raise ValueError(f"person_label: unknown kind {kind!r}")


def source_label(layer, i):
    """What feeds row i of layer's W: an input x for layer 1, else a neuron of the layer below."""
    return person_label("input", None, i) if layer == 1 else person_label("neuron", layer - 1, j=i)


def _f(x):
    return None if x is None else float(x)


def inspect_neuron(session, layer, j, sample=0):
    """Forward and backward quantities of neuron j (0-based) of layer (1..L) for one sample."""
    net = session.network
    _check_neuron(net, layer, j)
    info = {"layer": layer, "neuron": j, "activation": net.layers[layer - 1]["activation"],
            "sample": sample, "known": False, "name": person_label("neuron", layer, j=j)}
    p = net.params[layer - 1]
    buffers = net.buffers[layer - 1]
    # what evaluation (test loss, boundary) normalises with; the shown step's batch is already in them
    if "running_mean" in buffers:
        info.update(running_mean=_f(buffers["running_mean"][j]), running_var=_f(buffers["running_var"][j]))
    info.update(bias=_f(p["b"][j]) if "b" in p else None,
                gamma=_f(p["gamma"][j]) if "gamma" in p else None,
                beta=_f(p["beta"][j]) if "beta" in p else None,
                alpha=_f(p["alpha"][j]) if "alpha" in p else None)
    trace = session.trace
    if trace is None or len(trace.layers) < layer:
        return info
    lt = trace.layers[layer - 1]
    sample = min(sample, lt.z.shape[0] - 1)
    info.update(known=True, sample=sample, z=_f(lt.z[sample, j]), u=_f(lt.u[sample, j]),
                act=_f(lt.act[sample, j]), a=_f(lt.a[sample, j]),
                dropped=None if lt.dropout_mask is None else bool(lt.dropout_mask[sample, j] == 0),
                switched_off=bool(net.keep[layer - 1] is not None and net.keep[layer - 1][j] == 0))
    if lt.xhat is not None:
        info.update(mean=_f(lt.mean[j]), var=_f(lt.var[j]), xhat=_f(lt.xhat[sample, j]))
    if lt.grad_z is not None:
        info.update(delta=_f(lt.grad_z[sample, j]), grad_a=_f(lt.grad_a[sample, j]),
                    grad_u=_f(lt.grad_u[sample, j]))
    return info


def inspect_edge(session, layer, i, j):
    """Weight W[i, j] of layer (1..L): its value, the chain-rule sum that made dL/dW, the update.

    ``terms`` lists delta_j(sample) * a_i(sample) for each sample of the
    batch (dL/dz_j times the source activation, both already divided by the
    batch size inside delta); their sum plus the penalty term is ``grad``.
    """
    net = session.network
    _check_edge(net, layer, i, j)
    rec = session.record
    s = net.flat_slice(layer - 1, "W")
    index = s.start + i * net.sizes[layer] + j
    info = {"layer": layer, "source": i, "target": j, "w": float(net.flat[index]), "known": False,
            "name": person_label("weight", layer, i, j), "source_name": source_label(layer, i),
            "target_name": person_label("neuron", layer, j=j)}
    grads = session.grads
    if rec is None or grads is None or grads[layer - 1] is None:
        return info
    lt = rec.trace.layers[layer - 1]
    with np.errstate(over="ignore", invalid="ignore"):     # a diverged step has inf/NaN factors
        terms = lt.grad_z[:, j] * lt.inp[:, i]
    # the penalty inside this step's gradient: a change of L1/L2 made since applies from the next step
    reg = rec.regularization or net.spec["regularization"]
    w_before = float(rec.before_flat[index])
    penalty = {"none": 0.0, "l2": 2 * reg["rate"] * w_before, "l1": reg["rate"] * float(np.sign(w_before))}[reg["kind"]]
    info.update(known=True, w_before=w_before, penalty_kind=reg["kind"], penalty_rate=float(reg["rate"]),
                delta=[float(v) for v in lt.grad_z[:MAX_TERMS, j]],
                source_a=[float(v) for v in lt.inp[:MAX_TERMS, i]], terms=[float(v) for v in terms[:MAX_TERMS]],
                n_terms=int(terms.size), data_grad=_sum(terms), penalty_grad=penalty,
                grad=float(rec.grads[layer - 1]["W"][i, j]),
                applied_grad=float(rec.applied_grads[layer - 1]["W"][i, j]))
    if session.phase.kind == "update":
        info.update(_optimizer_step(session, index), w_after=float(net.flat[index]),
                    step=float(net.flat[index]) - w_before)
        snap = session.history.get(rec.index)            # the optimizer state before this step
        before = {} if snap is None or snap.opt_name != session.optimizer.name else {
            k: float(v[index]) for k, v in snap.opt_state.items() if isinstance(v, np.ndarray)}
        info["rule"] = update_rule(session.optimizer, info, info["name"], before)
    return info


def _sum(values):
    with np.errstate(over="ignore", invalid="ignore"):
        return float(values.sum())


def _optimizer_step(session, index):
    opt = session.optimizer
    out = {"optimizer": opt.name, "lr": float(session.record.lr), "t": opt.t}
    state = {k: float(v[index]) for k, v in opt.state.items() if isinstance(v, np.ndarray)}
    out["state"] = state
    if opt.name in ("adam", "adamw", "nadam") and "exp_avg" in state:
        beta1, beta2 = opt.hyper["betas"]
        out["m_hat"] = state["exp_avg"] / (1.0 - beta1 ** opt.t)
        out["v_hat"] = state["exp_avg_sq"] / (1.0 - beta2 ** opt.t)
    return out


def gradient_check(session, layer, key="W", indices=None, eps=1e-5, limit=64):
    """Backprop's gradient of params[layer][key] against central differences on the shown batch.

    Uses the parameters before the shown step's update, its mini-batch and its
    dropout masks, and leaves batch-norm statistics untouched. ``indices`` are
    flat indices into the parameter (default: the first ``limit``).
    Returns {"indices", "backprop", "numeric", "relative_error"}.
    """
    rec = session.record
    if rec is None:
        raise UserError(NO_GRADIENT_YET)
    net = session.network
    if not 1 <= layer <= net.n_layers or key not in net.params[layer - 1]:
        raise ValueError(f"gradient check: layer {layer} has no parameter {key!r}")
    size = net.params[layer - 1][key].size
    indices = list(range(min(size, limit))) if indices is None else [int(k) for k in indices]
    X, y = rec.trace.X, session.prep.y_train[rec.batch]        # the inputs the step used (augmented or not)
    now = net.flat.copy()
    net.flat[...] = rec.before_flat
    try:
        numeric = numeric_grad(net, X, y, layer - 1, key, indices, eps, training=True, masks=masks_of(rec.trace))
    finally:
        net.flat[...] = now
    backprop = rec.grads[layer - 1][key].reshape(-1)[indices]
    numeric = numeric.reshape(-1)[indices]
    return {"indices": indices, "backprop": backprop, "numeric": numeric,
            "relative_error": relative_error(backprop, numeric)}


def confusion_matrix(session, split="test"):
    """(k, k) counts: rows the true class, columns the predicted one (classification only)."""
    prep = session.prep
    if prep.task == "regression":
        raise ValueError("a confusion matrix needs a classification data set")
    ds, X = (prep.test, prep.X_test) if split == "test" else (prep.train, prep.X_train)
    k = prep.dataset.n_classes
    matrix = np.zeros((k, k), dtype=int)
    if len(ds):
        out = session.network.predict(X)
        predicted = (out[:, 0] > 0.5).astype(int) if out.shape[1] == 1 else np.argmax(out, axis=1)
        np.add.at(matrix, (ds.y, predicted), 1)
    return matrix


def hidden_features(session, layer, j1, j2, split="train"):
    """The data in the coordinates of two neurons of a layer: (n, 2) outputs, evaluation mode."""
    net = session.network
    _check_neuron(net, layer, j1)
    _check_neuron(net, layer, j2)
    X = session.prep.X_train if split == "train" else session.prep.X_test
    if len(X) == 0:
        return np.zeros((0, 2))
    a = net.forward(X, training=False).layers[layer - 1].a
    return a[:, [j1, j2]]


def decision_line(session, j):
    """Where first-layer neuron j has z = 0, in the plotted units: {"w", "b", "names", "standardized", "text"}.

    The network sees standardized inputs x̃ = (x − mean) / std when the
    experiment standardizes, so its weights W and bias b describe the line
    W·x̃ + b = 0; in the plotted (raw) units that is the line
    (W / std)·x + (b − Σ W·mean / std) = 0, which is what is returned (and
    the network's own numbers as ``network_w``, ``network_b``). None unless
    the inputs are the two plotted coordinates and the layer has a bias.
    """
    net, prep = session.network, session.prep
    p = net.params[0]
    if net.sizes[0] != 2 or prep.dataset.n_inputs != 2 or prep.features not in (None, ["x1", "x2"]) or "b" not in p:
        return None
    _check_neuron(net, 1, j)
    w_net, b_net = p["W"][:, j].astype(float), float(p["b"][j])
    scaler = prep.input_scaler
    if scaler is None:
        w, b = w_net, b_net
    else:
        w = w_net / scaler.std
        b = b_net - float(np.dot(w_net, scaler.mean / scaler.std))
    names = [person_label("input", None, 0), person_label("input", None, 1)]
    text = f"{_num(w[0])}·{names[0]} {_signed(w[1])}·{names[1]} {_signed(b)} = 0"
    if scaler is not None:
        text += (f"  (in the plotted units; the network's own numbers act on the standardized inputs: "
                 f"{_num(w_net[0])}·x̃₁ {_signed(w_net[1])}·x̃₂ {_signed(b_net)} = 0)")
    return {"w": [float(w[0]), float(w[1])], "b": float(b), "names": names, "standardized": scaler is not None,
            "network_w": [float(w_net[0]), float(w_net[1])], "network_b": b_net, "text": text}


def _num(x):
    """A number for a person: five significant digits, no "-0"."""
    if not math.isfinite(x):
        return "NaN" if math.isnan(x) else ("inf" if x > 0 else "-inf")
    text = f"{x:.5g}"
    return "0" if text == "-0" else text


def _signed(x):
    """ "+ 3" or "− 3": a term after the first."""
    return f"− {_num(-x)}" if x < 0 else f"+ {_num(x)}"


def _check_neuron(net, layer, j):
    if not 1 <= layer <= net.n_layers or not 0 <= j < net.sizes[layer]:
        raise ValueError(f"no neuron {j} in layer {layer} (j counts from 0; the layer has "
                         f"{net.sizes[layer] if 1 <= layer <= net.n_layers else 0} neurons)")


def _check_edge(net, layer, i, j):
    if not 1 <= layer <= net.n_layers or not 0 <= i < net.sizes[layer - 1] or not 0 <= j < net.sizes[layer]:
        raise ValueError(f"no edge {i}->{j} into layer {layer} (i and j count from 0)")
