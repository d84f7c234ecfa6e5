"""The network picture of a watched module: its last step's gradients dL/dW on the edges.

A column wider than ``MAX_WIDTH`` neurons is folded: its units are split into
``MAX_WIDTH`` consecutive groups, and the edge between two groups carries the
sum of the gradients of the edges it stands for (so its sign and size say
where the layer's gradient goes; the header says how many units a drawn
neuron stands for). More than ``MAX_LAYERS`` Linear layers: the first
``MAX_LAYERS`` are drawn and the last header names the rest; the plots still
show every layer. Nothing here imports Qt: the words are marked for translation
and the window passes its translate function.
"""

import numpy as np

from nnviz.session.language import QT_TRANSLATE_NOOP
from nnviz.ui.network.frame import NetworkFrame

MAX_WIDTH = 64
MAX_LAYERS = 16
CONTEXT = "WatchFrame"
INPUTS = QT_TRANSLATE_NOOP("WatchFrame", "{n} inputs")
GROUPS = QT_TRANSLATE_NOOP("WatchFrame", "(as {groups} groups)")
MORE_LAYERS = QT_TRANSLATE_NOOP("WatchFrame", "+ {n} more layers (see the plots)")
EDGE_LABEL = QT_TRANSLATE_NOOP("WatchFrame", "dL/dW, last step")


def _same(context, text):
    return text


def fold_bounds(n, max_width=MAX_WIDTH):
    """Start indices of the groups a column of n units is drawn as (n + 1 bounds; n <= max_width: one unit each)."""
    groups = min(n, max_width)
    return np.linspace(0, n, groups + 1).round().astype(np.int64)


def fold_matrix(G, rows, cols):
    """Sum of G over each (row group, column group) block."""
    return np.add.reduceat(np.add.reduceat(G, rows[:-1], axis=0), cols[:-1], axis=1)


def watcher_frame(watcher, grads, translate=_same):
    """The NetworkFrame of the watched module; grads: per drawn layer, dL/dW as (fan_in, fan_out) numpy.

    translate(context, text): the window's (QCoreApplication.translate); English by default.
    """
    count = min(len(grads), MAX_LAYERS)
    sizes = [watcher.linears[0].in_features] + [linear.out_features for linear in watcher.linears[:count]]
    bounds = [fold_bounds(n) for n in sizes]
    edges = [fold_matrix(np.asarray(G, dtype=np.float64), bounds[k], bounds[k + 1])
             for k, G in enumerate(grads[:count])]
    norms = watcher.grad_norms[-1] if watcher.steps else [np.nan] * len(watcher.linears)
    groups = translate(CONTEXT, GROUPS)
    headers = [_column_text(translate(CONTEXT, INPUTS).format(n=sizes[0]), sizes[0], groups)]
    for k in range(count):
        text = f"L{k + 1} {watcher.activations[k]}\n‖∇W‖ {norms[k]:.0e}"
        headers.append(_column_text(text, sizes[k + 1], groups))
    if count < len(watcher.linears):
        headers[-1] += "\n" + translate(CONTEXT, MORE_LAYERS).format(n=len(watcher.linears) - count)
    return NetworkFrame(sizes=[len(b) - 1 for b in bounds], headers=headers, edges=edges, edge_mode="gradient",
                        edge_label=translate(CONTEXT, EDGE_LABEL))


def _column_text(text, n, groups_template):
    """A column's header; a folded column says how many groups it is drawn as."""
    groups = min(n, MAX_WIDTH)
    return text if groups == n else f"{text}\n{groups_template.format(groups=groups)}"


def layer_gradients(watcher):
    """The drawn layers' dL/dW from the module's own ``.grad`` tensors, as (fan_in, fan_out) float64 arrays."""
    out = []
    for linear in watcher.linears[:MAX_LAYERS]:
        grad = linear.weight.grad
        G = np.zeros((linear.in_features, linear.out_features)) if grad is None else \
            grad.detach().to("cpu").double().numpy().T
        out.append(G)
    return out
