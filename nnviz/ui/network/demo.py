"""Made-up network pictures for the network view's preview, tests and benchmark.

Nothing here trains: weights are random, the "gradients" are random numbers of
a chosen size per layer (shrinking toward the input to imitate vanishing
gradients), and the heatmaps are a plain tanh forward pass of the random
weights over a grid of the input plane.  The real window builds its frames from
the training session instead.
"""

from __future__ import annotations

import numpy as np

from nnviz.ui.network.frame import NetworkFrame


def demo_weights(sizes, seed: int = 0) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Xavier-like random weights and small biases for ``sizes``."""
    rng = np.random.default_rng(seed)
    weights, biases = [], []
    for a, b in zip(sizes[:-1], sizes[1:]):
        limit = np.sqrt(6.0 / (a + b)) * 1.6
        weights.append(rng.uniform(-limit, limit, size=(a, b)))
        biases.append(rng.normal(0.0, 0.3, size=b))
    return weights, biases


def demo_activations(weights, biases, x: np.ndarray) -> list[np.ndarray]:
    """Per column activations of inputs ``x`` (batch, n_in): tanh, sigmoid last."""
    cols = [x]
    a = x
    for l, (W, b) in enumerate(zip(weights, biases)):
        z = a @ W + b
        a = 1.0 / (1.0 + np.exp(-z)) if l == len(weights) - 1 else np.tanh(z)
        cols.append(a)
    return cols


def demo_heatmaps(weights, biases, grid: int = 24) -> list[np.ndarray]:
    """Per column ``(n, grid, grid)`` outputs over the plane [-1, 1]^2, in [-1, 1].

    Row 0 is the top of the plane (largest second input), as in an image.
    """
    u = np.linspace(-1.0, 1.0, grid)
    x1, x2 = np.meshgrid(u, u[::-1])
    pts = np.column_stack([x1.ravel(), x2.ravel()])
    cols = demo_activations(weights, biases, pts)
    out = []
    for c, a in enumerate(cols):
        if c == len(cols) - 1:
            a = 2.0 * a - 1.0          # sigmoid output: [0, 1] -> [-1, 1]
        out.append(a.T.reshape(a.shape[1], grid, grid))
    return out


def demo_headers(sizes) -> list[str]:
    headers = [f"input\n{sizes[0]} features"]
    for l, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        act = "sigmoid" if l == len(sizes) - 2 else "tanh"
        headers.append(f"{act}\nW {a}×{b}")
    return headers


def demo_frame(sizes, *, seed: int = 0, edge_mode: str = "weight", lit: int | None = None,
               direction: str = "forward", heatmaps: bool = True,
               decades_per_layer: float = 0.6, top_gradient: float = 0.3,
               known: set[int] | None = None) -> NetworkFrame:
    """A complete frame for ``sizes``.

    edge_mode "gradient" gives made-up ``dL/dW`` of magnitude ``top_gradient``
    at the output layer, shrinking by ``decades_per_layer`` decades per layer
    toward the input (use a large value, e.g. 1.5, to show vanishing
    gradients, a negative one for exploding).  Nodes then show deltas of the
    same sizes.  Heatmaps are only made for nets with two inputs.
    """
    sizes = [int(n) for n in sizes]
    weights, biases = demo_weights(sizes, seed)
    rng = np.random.default_rng(seed + 1)
    x = rng.uniform(-1.0, 1.0, size=(1, sizes[0]))
    acts = [a[0] for a in demo_activations(weights, biases, x)]
    n_layers = len(weights)
    if edge_mode == "gradient":
        edges, nodes = [], []
        scale = [top_gradient * 10.0 ** (-decades_per_layer * (n_layers - 1 - l))
                 for l in range(n_layers)]
        for l, W in enumerate(weights):
            edges.append(rng.normal(0.0, 1.0, size=W.shape) * scale[l])
        nodes.append(rng.normal(0.0, 1.0, size=sizes[0]) * scale[0] * 10.0 ** -decades_per_layer)
        for c in range(1, len(sizes)):
            nodes.append(rng.normal(0.0, 1.0, size=sizes[c]) * scale[c - 1])
        node_mode = "delta"
    else:
        edges, nodes, node_mode = weights, acts, "activation"
    maps = None
    if heatmaps and sizes[0] == 2:
        maps = demo_heatmaps(weights, biases)
    return NetworkFrame(sizes=sizes, headers=demo_headers(sizes), edges=edges,
                        edge_mode=edge_mode, nodes=nodes, node_mode=node_mode, lit=lit,
                        direction=direction, known=known, heatmaps=maps)
