"""One neuron as a graph of operations, micrograd-style: the chain rule as local x upstream.

For neuron j of a layer and one sample of the shown mini-batch, the neuron's
forward computation is unrolled into small operations, each a node with its
forward value:

    x_i, w_i  ->  x_i * w_i  ->  sum  ->  + b = z  [-> xhat -> gamma * xhat + beta = u]
              ->  f(u) = act  [-> x dropout mask / (1 - p)]  [-> x switched off]  [-> + x_j (residual)]  ->  a

(PReLU's slope alpha is one more input of f.) Node ids are stable names the
view can use: ``x{i}``, ``w{i}``, ``p{i}``, ``sum``, ``b``, ``z``, ``xhat``,
``gamma``, ``beta``, ``u``, ``alpha``, ``act``, ``drop``, ``keep``, ``a``;
``column`` orders them left to right and every edge runs to a later column.

In the backward phases every edge carries the local derivative of its
destination with respect to its source, the upstream gradient (dL/d
destination) and their product, the gradient that arrives at the source
through this edge. Node gradients are read from the engine's trace
(``grad_a``, ``grad_u``, ``grad_z``), edge products are computed here, so the
view shows both the engine's numbers and the multiplication that makes them;
they agree to rounding. Forward values come from the inspector's reading of
the same trace (``inspect_neuron``), and the weights are those the step used
(before its update).

Where one sample's graph is not the whole story, the node says so:
- ``dL/dw_i`` here is this sample's term ``x_i * delta``; the weight's
  gradient is the sum of these terms over the batch (plus the penalty), as
  the edge inspector lists.
- ``dL/dx_i`` here is the part arriving through this neuron only.
- Batch norm in training: z also reaches the loss through the batch mean and
  variance (every sample's xhat depends on them). The edge z -> xhat carries
  the direct path ``inv_std``; the z node's gradient is the engine's full
  ``grad_z`` and its ``note`` gives the part through the batch statistics.
- The output layer's dL/du comes straight from the loss (the stable logit form
  for bce and cross-entropy, all outputs for softmax): the u node holds the
  engine's ``grad_u`` and the edge act -> u shows f'(u_j) x dL/dact_j beside it.
"""

from dataclasses import dataclass, field

import numpy as np

from nnviz.engine.activations import activate_back

from .inspect import inspect_neuron


@dataclass
class Node:
    """One operation's output. column: left-to-right position for drawing (inputs 0)."""

    id: str
    label: str
    column: int
    value: float | None = None
    grad: float | None = None          # dL/d(this value), None before backward reaches it
    note: str = ""


@dataclass
class Edge:
    """source feeds target; local = d target / d source; product = local x upstream."""

    source: str
    target: str
    local: float | None = None
    upstream: float | None = None
    product: float | None = None


@dataclass
class NeuronGraph:
    """The unrolled computation of one neuron for one sample (layers 1..L, neurons 0-based).

    forward_known: the forward pass has reached this layer (values are set);
    backward_known: backward has reached it (grads, locals and products are set).
    output: id of the last node (the neuron's output a).
    """

    layer: int
    neuron: int
    sample: int
    activation: str
    forward_known: bool
    backward_known: bool
    nodes: dict = field(default_factory=dict)
    edges: list = field(default_factory=list)
    output: str = "a"

    def add(self, node):
        self.nodes[node.id] = node
        return node

    def link(self, source, target, local=None):
        """An edge; its upstream and product follow from the target's gradient when known."""
        upstream = self.nodes[target].grad
        product = None if local is None or upstream is None else local * upstream
        self.edges.append(Edge(source, target, local, upstream, product))

    def incoming(self, target):
        return [e for e in self.edges if e.target == target]


def neuron_graph(session, layer, j, sample=0):
    """NeuronGraph of neuron j of ``layer`` for ``sample`` of the shown step, at the current phase."""
    info = inspect_neuron(session, layer, j, sample)
    net, rec = session.network, session.record
    spec = net.layers[layer - 1]
    graph = NeuronGraph(layer, j, info["sample"], spec["activation"], info["known"],
                        info["known"] and info.get("delta") is not None)
    s = info["sample"]
    lt = rec.trace.layers[layer - 1] if info["known"] else None
    back = graph.backward_known
    W = _params_used(session, layer)
    with np.errstate(over="ignore", invalid="ignore"):
        _build(graph, net, layer, j, s, lt, info, W, back)
    return graph


def _params_used(session, layer):
    """The layer's parameters as the shown step used them (before its update)."""
    net, rec = session.network, session.record
    if rec is None:
        return net.params[layer - 1]
    return {k: rec.before_flat[net.flat_slice(layer - 1, k)].reshape(v.shape)
            for k, v in net.params[layer - 1].items()}


def _v(array, s, j):
    return None if array is None else float(array[s, j])


def _build(g, net, layer, j, s, lt, info, p, back):
    spec = net.layers[layer - 1]
    fan_in = net.sizes[layer - 1]
    grad_z = _v(lt.grad_z, s, j) if back else None
    for i in range(fan_in):
        x = None if lt is None else float(lt.inp[s, i])
        w = float(p["W"][i, j])
        name = f"x{i}" if layer == 1 else f"a{i}"       # the previous layer's outputs beyond layer 1
        g.add(Node(f"x{i}", name, 0, x))
        g.add(Node(f"w{i}", f"w{i},{j}", 0, w, note="the batch sums these terms, plus the penalty"))
        g.add(Node(f"p{i}", f"{name}·w{i},{j}", 1, None if x is None else x * w, grad_z))
    g.add(Node("sum", "Σ", 2, _sum_products(g, fan_in), grad_z))
    if "b" in p:
        g.add(Node("b", "b", 2, float(p["b"][j]), grad_z))
    g.add(Node("z", "z", 3, info.get("z"), grad_z))
    col = 4
    if spec["batch_norm"]:
        xhat_grad = None if not back else float(lt.grad_u[s, j]) * float(p["gamma"][j])
        g.add(Node("xhat", "x̂", col, info.get("xhat"), xhat_grad))
        g.add(Node("gamma", "γ", col, float(p["gamma"][j])))
        g.add(Node("beta", "β", col, float(p["beta"][j])))
        col += 1
    g.add(Node("u", "u", col, info.get("u"), _v(lt.grad_u, s, j) if back else None))
    if "alpha" in p:                            # PReLU's learnable slope below zero
        g.add(Node("alpha", "α", col, float(p["alpha"][j])))
    act_grad = _act_grad(net, layer, lt, s, j) if back and lt.grad_a is not None else None
    g.add(Node("act", f"{spec['activation']}(u)", col + 1, info.get("act"), act_grad))
    col += 2
    factor_nodes = []
    if lt is not None and lt.dropout_mask is not None:
        scale = float(lt.dropout_mask[s, j]) / (1.0 - spec["dropout"])
        factor_nodes.append(("drop", "dropout", scale))
    keep = net.keep[layer - 1]
    if keep is not None:
        factor_nodes.append(("keep", "switched off" if keep[j] == 0 else "on", float(keep[j])))
    a_grad = _v(lt.grad_a, s, j) if back else None
    value = info.get("act")
    for k, (node_id, label, factor) in enumerate(factor_nodes):
        value = None if value is None else value * factor
        grad = a_grad if back else None
        for _, _, later in factor_nodes[k + 1:]:
            grad = None if grad is None else grad * later
        g.add(Node(node_id, f"× {factor:g} ({label})", col, value, grad))
        col += 1
    g.add(Node("a", f"a = · + {g.nodes[f'x{j}'].label}" if spec["residual"] else "a", col, info.get("a"), a_grad))
    # ---- edges, from the output back to the inputs; locals only once backward is here
    def local(value):
        return value if back else None

    chain = ["act"] + [n for n, _, _ in factor_nodes]
    for (node_id, _, factor), source in zip(factor_nodes, chain):
        g.link(source, node_id, local(factor))
    g.link(chain[-1], "a", local(1.0))
    if spec["residual"]:                      # the skip connection: input j is added to the output
        g.link(f"x{j}", "a", local(1.0))
    g.link("u", "act", local(_local_activation(spec["activation"], lt, s, j, p.get("alpha")) if back else None))
    if "alpha" in p:                            # act = max(0, u) + alpha * min(0, u)
        g.link("alpha", "act", local(min(info["u"], 0.0) if back else None))
    if spec["batch_norm"]:
        g.link("xhat", "u", local(float(p["gamma"][j])))
        g.link("gamma", "u", local(info.get("xhat")))
        g.link("beta", "u", local(1.0))
        g.link("z", "xhat", local(float(lt.inv_std[j]) if back else None))
        if back:
            direct = g.incoming("xhat")[0].product
            g.nodes["z"].note = (f"through the batch mean and variance: {grad_z - direct:.6g} "
                                 f"(direct path {direct:.6g})")
    else:
        g.link("z", "u", local(1.0))
    g.link("sum", "z", local(1.0))
    if "b" in p:
        g.link("b", "z", local(1.0))
    for i in range(fan_in):
        g.link(f"p{i}", "sum", local(1.0))
        g.link(f"w{i}", f"p{i}", local(g.nodes[f"x{i}"].value))
        g.link(f"x{i}", f"p{i}", local(g.nodes[f"w{i}"].value))
    if back:
        for node_id in [f"w{i}" for i in range(fan_in)] + [f"x{i}" for i in range(fan_in)] + [
                "b", "gamma", "beta", "alpha"]:
            if node_id in g.nodes:
                g.nodes[node_id].grad = _arriving(g, node_id)


def _arriving(g, source):
    return sum(e.product for e in g.edges if e.source == source)


def _sum_products(g, fan_in):
    values = [g.nodes[f"p{i}"].value for i in range(fan_in)]
    return None if any(v is None for v in values) else float(np.sum(values))


def _act_grad(net, layer, lt, s, j):
    """dL/dact of the unit: dL/da through dropout and the switch (hidden), the loss's dL/dact (output)."""
    grad = float(lt.grad_a[s, j])
    if layer == net.n_layers:
        return grad
    if net.keep[layer - 1] is not None:
        grad *= float(net.keep[layer - 1][j])
    if lt.dropout_mask is not None:
        grad *= float(lt.dropout_mask[s, j]) / (1.0 - net.layers[layer - 1]["dropout"])
    return grad


def _local_activation(name, lt, s, j, alpha):
    """f'(u) of this unit and sample from the engine's backward rule (softmax: the Jacobian's diagonal)."""
    row_u, row_act = lt.u[s:s + 1], lt.act[s:s + 1]
    e_j = np.zeros_like(row_u)
    e_j[0, j] = 1.0
    return float(activate_back(name, e_j, row_u, row_act, alpha)[0, j])
