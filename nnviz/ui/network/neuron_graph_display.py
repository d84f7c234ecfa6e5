"""Which parts of one neuron's graph are drawn: the Qt-free decisions behind the neuron graph view.

The session's :class:`~nnviz.session.neuron_graph.NeuronGraph` holds every
operation of one neuron. A drawing on a lecture screen shows fewer boxes: a
layer wider than :data:`MAX_INPUTS` inputs keeps its largest terms x·w and
sums the rest in one box, and identity steps (u = z without batch norm, a = f
without dropout or residual) are drawn as the node they equal. These choices
are plain data (:class:`DisplayGraph`) kept apart from the Qt drawing in
neuron_graph.py, so they can be read and tested without a scene.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_INPUTS = 4
"""More inputs than this are folded: the largest terms are shown, the rest summed in one box."""
PARAMETERS = ("b", "gamma", "beta", "alpha")
"""Nodes drawn under the chain node of their column (they feed it from below)."""


def _fan_in(graph) -> int:
    return sum(1 for node_id in graph.nodes if node_id[0] == "w" and node_id[1:].isdigit())


def visible_inputs(graph, limit: int) -> tuple[list[int], list[int]]:
    """(shown, folded) input indices: all when at most ``limit``, else the largest |x·w| terms
    (|w| before the forward pass has reached the layer) and, with a residual, the skipped input."""
    n = _fan_in(graph)
    if n <= limit:
        return list(range(n)), []
    def size(i):
        p = graph.nodes[f"p{i}"].value
        return abs(p if p is not None else graph.nodes[f"w{i}"].value)
    order = sorted(range(n), key=size, reverse=True)
    must = [int(e.source[1:]) for e in graph.edges if e.target == "a" and e.source.startswith("x")]
    keep = must + [i for i in order if i not in must]
    shown = sorted(keep[:limit - 1])
    return shown, [i for i in range(n) if i not in shown]


@dataclass
class DisplayGraph:
    """What is drawn of a NeuronGraph: the shown inputs, the folded ones, the nodes' display columns,
    the edges (source, target, Edge or None for the folded terms' sum), and merged node ids."""

    inputs: list
    folded: list
    columns: dict
    edges: list
    merged: dict


def display_graph(graph, limit: int) -> DisplayGraph:
    """The drawing's nodes and edges, with identity steps merged.

    Without batch norm u is z (the edge z -> u is the identity): u is drawn as
    z. Without dropout, switch or residual, a is f(u): a is drawn as f. Both
    merged nodes carry the same value and gradient as the one kept (the
    engine's grad_u equals grad_z, and dL/dact equals dL/da, there).
    """
    shown, folded = visible_inputs(graph, limit)
    hidden = {f"{k}{i}" for i in folded for k in "xwp"}
    merged = {}
    if "xhat" not in graph.nodes:
        merged["u"] = "z"
    if [e.source for e in graph.incoming("a")] == ["act"]:
        merged["a"] = "act"
    edges = []
    for e in graph.edges:
        source, target = merged.get(e.source, e.source), merged.get(e.target, e.target)
        if source == target or e.source in hidden or e.target in hidden:
            continue
        edges.append((source, target, e))
    if folded:
        edges.append(("rest", "sum", None))
    kept = [n for n in graph.nodes.values() if n.id not in hidden and n.id not in merged]
    ranks = {c: r for r, c in enumerate(sorted({n.column for n in kept}))}
    columns = {n.id: ranks[n.column] for n in kept}
    for node_id, into in merged.items():      # a parameter of a merged node (PReLU's alpha) follows it
        for n in kept:
            if n.id in PARAMETERS and graph.nodes[n.id].column == graph.nodes[node_id].column:
                columns[n.id] = columns[into]
    if folded:
        columns["rest"] = 1
    return DisplayGraph(shown, folded, columns, edges, merged)


def other_paths(shown: DisplayGraph, node_id: str, grad: float) -> float | None:
    """The part of dL/d(node) that the drawn edges out of it do not carry, or None when they carry it all.

    A single neuron's graph leaves out two paths: batch norm's z also reaches
    the loss through the batch mean and variance, and a softmax output's u
    through the other outputs. The node's gradient is the engine's full one,
    so the difference is shown beside it (bookkeeping, as the inspector's sum
    of the terms not listed).
    """
    products = [e.product for src, _dst, e in shown.edges if src == node_id and e is not None]
    if not products or any(p is None for p in products):
        return None
    rest = grad - sum(products)
    scale = max(abs(grad), *(abs(p) for p in products))
    return rest if abs(rest) > 1e-9 * scale else None


def rest_value(graph) -> float | None:
    """The sum of the folded terms x·w (None before the forward pass has reached the layer)."""
    _shown, folded = visible_inputs(graph, MAX_INPUTS)
    values = [graph.nodes[f"p{i}"].value for i in folded]
    return None if any(v is None for v in values) else float(sum(values))
