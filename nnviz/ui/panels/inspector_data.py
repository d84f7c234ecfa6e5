"""What the inspector reads from a session besides ``inspect_neuron`` / ``inspect_edge``: no Qt.

The gradient check of a selection, the context its text needs (phase, batch,
regularization, optimizer, worked examples) and a layer's summary.  The
inspector panel renders these dicts; tests read them directly.
"""

from __future__ import annotations

import numpy as np

from nnviz.engine import relative_error
from nnviz.session.inspect import decision_line
from nnviz.ui.panels.inspector_text import param_label


def gradient_check(s, sel: tuple) -> dict:
    """Backprop against central differences for the selection (an edge, a neuron's weights and bias, or up
    to 64 weights of a layer) of session ``s``; ValueError when the layer no longer exists."""
    kind, layer = sel[0], sel[1]
    net = s.network
    if not 1 <= layer <= net.n_layers:
        raise ValueError(f"layer {layer} no longer exists")
    parts = []                          # (key, flat indices, labels)
    W = net.params[layer - 1]["W"]
    if kind == "edge":
        i, j = sel[2], sel[3]
        parts.append(("W", [int(np.ravel_multi_index((i, j), W.shape))], [param_label("W", layer, (i, j))]))
    elif kind == "neuron":
        j = sel[2]
        rows = range(W.shape[0])
        parts.append(("W", [int(np.ravel_multi_index((i, j), W.shape)) for i in rows],
                      [param_label("W", layer, (i, j)) for i in rows]))
        for key in net.params[layer - 1]:
            if key != "W":
                parts.append((key, [j], [param_label(key, layer, j)]))
    else:
        limit = min(W.size, 64)
        parts.append(("W", None, [param_label("W", layer, divmod(k, W.shape[1])) for k in range(limit)]))
    labels, backprop, numeric, total = [], [], [], 0
    for key, indices, names in parts:
        result = s.gradient_check(layer, key, indices)
        labels += names[:len(result["indices"])]
        backprop += [float(v) for v in result["backprop"]]
        numeric += [float(v) for v in result["numeric"]]
        total += net.params[layer - 1][key].size if indices is None else len(indices)
    worst = relative_error(np.array(backprop), np.array(numeric))
    return {"labels": labels, "backprop": backprop, "numeric": numeric,
            "relative_error": worst, "total": total, "layer": layer}



def context(s, selection: tuple | None) -> dict:
    """What the inspector's text needs besides the inspected numbers: phase, batch, regularization, optimizer."""
    phase = s.phase
    ctx = {"n_layers": s.network.n_layers, "phase": phase.label(), "step": phase.step,
           "batch_size": None if s.batch is None else len(s.batch),
           "reg_kind": s.network.spec["regularization"]["kind"],
           "reg_rate": s.network.spec["regularization"]["rate"],
           "clip_norm": s.config.get("clip_norm"), "hyper": dict(s.optimizer.hyper)}
    layer = selection[1] if selection else None
    if layer is not None and 1 <= layer <= s.network.n_layers:
        spec = s.network.layers[layer - 1]
        ctx.update(batch_norm=spec.get("batch_norm", False), dropout=spec.get("dropout", 0.0),
                   residual=spec.get("residual", False))
        if selection[0] == "neuron":
            ctx.update(worked_example(s, layer, selection[2], selection[3]))
    return ctx



def worked_example(s, layer: int, j: int, sample: int) -> dict:
    """What the lecture's worked examples show, read from the network and the trace.

    ``softmax``: for a softmax layer, the layer's logits z and outputs a for
    the sample (a = softmax(z) as the engine computed it).  ``line``: for a
    first-layer neuron on the two plotted inputs without batch norm, the line
    z = 0 in the units the data view plots (session.inspect.decision_line).
    """
    net = s.network
    out = {}
    if not 0 <= j < net.sizes[layer]:
        return out                      # a stale selection: reported by _render
    spec = net.layers[layer - 1]
    trace = s.trace
    if spec["activation"] == "softmax" and trace is not None and len(trace.layers) >= layer:
        lt = trace.layers[layer - 1]
        n = min(sample, lt.z.shape[0] - 1)
        out["softmax"] = {"z": [float(v) for v in lt.z[n]], "a": [float(v) for v in lt.a[n]],
                          "sample": n}
    if layer == 1 and spec["activation"] != "softmax":
        line = decision_line(s, j)      # in the plotted units, None where z = 0 is no line in that plane
        if line is not None:
            out["line"] = line
    return out



def layer_summary(s, layer: int) -> dict:
    """A layer's shape, options, last gradient norm and health."""
    net = s.network
    if not 1 <= layer <= net.n_layers:
        raise ValueError(f"layer {layer} no longer exists")
    spec = net.layers[layer - 1]
    summary = {"layer": layer, "size": net.sizes[layer], "fan_in": net.sizes[layer - 1],
               "activation": spec["activation"],
               "params": {k: v.shape for k, v in net.params[layer - 1].items()},
               "batch_norm": spec.get("batch_norm"), "dropout": spec.get("dropout"),
               "residual": spec.get("residual")}
    if len(s.metrics):
        norms = s.metrics.last("grad_norm")
        if norms is not None and len(norms) >= layer:
            summary["grad_norm"] = float(norms[layer - 1])
        summary["health"] = s.health()[layer - 1]
    return summary
