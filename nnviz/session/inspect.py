"""The numbers behind the picture: what the inspector shows for a neuron or an edge.

Everything here is read from the engine's trace and the optimizer's state of
the shown step, never recomputed another way, so the window shows exactly the
numbers that trained the network. Layers are numbered 1..L as in the window;
``sample`` indexes the shown mini-batch.
"""

import numpy as np

from nnviz.engine import numeric_grad, relative_error
from nnviz.engine.gradcheck import masks_of

MAX_TERMS = 32
"""At most this many per-sample chain-rule terms are listed; the sum covers the whole batch."""


def _f(x):
    return None if x is None else float(x)


def inspect_neuron(session, layer, j, sample=0):
    """Forward and backward quantities of neuron j (0-based) of layer (1..L) for one sample."""
    net = session.network
    _check_neuron(net, layer, j)
    info = {"layer": layer, "neuron": j, "activation": net.layers[layer - 1]["activation"],
            "sample": sample, "known": False}
    p = net.params[layer - 1]
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
    info = {"layer": layer, "source": i, "target": j, "w": float(net.flat[index]), "known": False}
    grads = session.grads
    if rec is None or grads is None or grads[layer - 1] is None:
        return info
    lt = rec.trace.layers[layer - 1]
    with np.errstate(over="ignore", invalid="ignore"):     # a diverged step has inf/NaN factors
        terms = lt.grad_z[:, j] * lt.inp[:, i]
    reg = net.spec["regularization"]
    w_before = float(rec.before_flat[index])
    penalty = {"none": 0.0, "l2": 2 * reg["rate"] * w_before, "l1": reg["rate"] * float(np.sign(w_before))}[reg["kind"]]
    info.update(known=True, w_before=w_before, delta=[float(v) for v in lt.grad_z[:MAX_TERMS, j]],
                source_a=[float(v) for v in lt.inp[:MAX_TERMS, i]], terms=[float(v) for v in terms[:MAX_TERMS]],
                n_terms=int(terms.size), data_grad=_sum(terms), penalty_grad=penalty,
                grad=float(rec.grads[layer - 1]["W"][i, j]),
                applied_grad=float(rec.applied_grads[layer - 1]["W"][i, j]))
    if session.phase.kind == "update":
        info.update(_optimizer_step(session, index), w_after=float(net.flat[index]),
                    step=float(net.flat[index]) - w_before)
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
        raise ValueError("gradient check: take a step first (there is no gradient yet)")
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


def _check_neuron(net, layer, j):
    if not 1 <= layer <= net.n_layers or not 0 <= j < net.sizes[layer]:
        raise ValueError(f"no neuron {j} in layer {layer}")


def _check_edge(net, layer, i, j):
    if not 1 <= layer <= net.n_layers or not 0 <= i < net.sizes[layer - 1] or not 0 <= j < net.sizes[layer]:
        raise ValueError(f"no edge {i}->{j} into layer {layer}")
