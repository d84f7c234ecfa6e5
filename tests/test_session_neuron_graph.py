"""One neuron as a graph of operations: forward values equal the trace, backward products are the
chain rule, and with a batch of one the weights' gradients are exactly the engine's."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.session.neuron_graph import neuron_graph

HIDDEN = [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "sigmoid"}]


def _session(hidden=HIDDEN, batch_size=1, **config):
    return Session({"dataset": "circle", "n_samples": 40, "seed": 3, "hidden": hidden,
                    "batch_size": batch_size, "lr": 0.5, **config})


def _edge(g, source, target):
    [edge] = [e for e in g.edges if e.source == source and e.target == target]
    return edge


@pytest.mark.parametrize("layer, j", [(1, 0), (1, 3), (2, 2), (3, 0)])
def test_batch_of_one_matches_the_trace_and_the_gradients(layer, j):
    s = _session()
    s.run(3)
    s.advance("step")
    g = neuron_graph(s, layer, j, 0)
    lt, grads = s.record.trace.layers[layer - 1], s.record.grads[layer - 1]
    W = s.record.before_flat[s.network.flat_slice(layer - 1, "W")].reshape(grads["W"].shape)
    assert g.forward_known and g.backward_known
    fan_in = W.shape[0]
    for i in range(fan_in):
        assert g.nodes[f"x{i}"].value == lt.inp[0, i] and g.nodes[f"w{i}"].value == W[i, j]
        assert g.nodes[f"p{i}"].value == lt.inp[0, i] * W[i, j]
        # the weight's gradient: local (x_i) x upstream (delta) is the engine's dL/dW for one sample
        assert g.nodes[f"w{i}"].grad == pytest.approx(grads["W"][i, j], rel=1e-12, abs=1e-15)
        assert _edge(g, f"w{i}", f"p{i}").local == lt.inp[0, i]
        assert _edge(g, f"x{i}", f"p{i}").product == pytest.approx(lt.grad_z[0, j] * W[i, j], rel=1e-12)
    assert g.nodes["sum"].value + g.nodes["b"].value == pytest.approx(lt.z[0, j], rel=1e-12, abs=1e-15)
    assert g.nodes["z"].value == lt.z[0, j] and g.nodes["u"].value == lt.u[0, j]
    assert g.nodes["act"].value == lt.act[0, j] and g.nodes["a"].value == lt.a[0, j]
    assert g.nodes["z"].grad == lt.grad_z[0, j] and g.nodes["u"].grad == lt.grad_u[0, j]
    assert g.nodes["b"].grad == pytest.approx(grads["b"][j], rel=1e-12, abs=1e-15)
    edge = _edge(g, "u", "act")
    assert edge.upstream == g.nodes["act"].grad
    assert edge.product == pytest.approx(lt.grad_u[0, j], rel=1e-9, abs=1e-15)
    if layer < s.n_layers:
        assert g.nodes["a"].grad == lt.grad_a[0, j]
        f = lt.act[0, j]
        expected = 1 - f * f if layer == 1 else f * (1 - f)
        assert edge.local == pytest.approx(expected, rel=1e-12)


def test_each_input_receives_the_sum_over_neurons_of_its_products():
    """dL/d(input i) of the layer is the sum, over the layer's neurons, of what arrives through each."""
    s = _session()
    s.advance("step")
    layer = 2
    arriving = sum(neuron_graph(s, layer, j, 0).nodes["x1"].grad for j in range(3))
    assert arriving == pytest.approx(s.record.trace.layers[0].grad_a[0, 1], rel=1e-12)


def test_dropout_batch_norm_and_the_batch_terms():
    hidden = [{"size": 4, "activation": "relu", "dropout": 0.5}, {"size": 3, "activation": "tanh", "batch_norm": True}]
    s = _session(hidden, batch_size=8)
    s.advance("step")
    lt1, lt2 = s.record.trace.layers[0], s.record.trace.layers[1]
    for j in range(4):
        g = neuron_graph(s, 1, j, 5)
        scale = lt1.dropout_mask[5, j] / 0.5
        assert _edge(g, "act", "drop").local == scale
        assert g.nodes["drop"].value == pytest.approx(lt1.a[5, j]) and g.nodes["a"].value == lt1.a[5, j]
        assert g.nodes["act"].grad == pytest.approx(lt1.grad_a[5, j] * scale, rel=1e-12, abs=1e-300)
    g = neuron_graph(s, 2, 1, 5)
    assert "b" not in g.nodes
    assert g.nodes["xhat"].value == lt2.xhat[5, 1]
    gamma = s.record.before_flat[s.network.flat_slice(1, "gamma")][1]
    assert _edge(g, "xhat", "u").local == gamma
    assert _edge(g, "gamma", "u").local == lt2.xhat[5, 1]
    direct = _edge(g, "z", "xhat")
    assert direct.local == lt2.inv_std[1]
    assert direct.product == pytest.approx(lt2.grad_u[5, 1] * gamma * lt2.inv_std[1], rel=1e-12)
    assert g.nodes["z"].grad == lt2.grad_z[5, 1] and "batch mean and variance" in g.nodes["z"].note


def test_residual_adds_the_same_index_input():
    hidden = [{"size": 3, "activation": "tanh"}, {"size": 3, "activation": "elu", "residual": True}]
    s = _session(hidden)
    s.advance("step")
    g = s.neuron_graph(2, 1, 0)                                   # the session's own entry point
    lt = s.record.trace.layers[1]
    skip = _edge(g, "x1", "a")
    assert skip.local == 1.0 and skip.product == lt.grad_a[0, 1]
    through = _edge(g, "x1", "p1").product
    assert g.nodes["x1"].grad == pytest.approx(skip.product + through, rel=1e-12)
    assert g.nodes["a"].value == lt.a[0, 1]


def test_phases_reveal_forward_then_backward():
    s = _session()
    g = neuron_graph(s, 1, 0)
    assert not g.forward_known and g.nodes["z"].value is None and g.nodes["w0"].value is not None
    s.advance("phase")                                           # forward(layer 1)
    g = neuron_graph(s, 1, 0)
    assert g.forward_known and not g.backward_known
    assert g.nodes["a"].grad is None and all(e.product is None for e in g.edges)
    assert not neuron_graph(s, 2, 0).forward_known
    while s.phase.kind != "backward" or s.phase.layer != 1:
        s.advance("phase")
    assert neuron_graph(s, 1, 0).backward_known


def test_bad_neuron_is_named():
    with pytest.raises(ValueError, match="no neuron 9 in layer 1"):
        neuron_graph(_session(), 1, 9)


def test_every_edge_runs_left_to_right_and_ends_at_the_output():
    """The view lays nodes out by column: each edge goes to a later column, and every node reaches ``a``."""
    hidden = [{"size": 3, "activation": "prelu", "batch_norm": True, "dropout": 0.2},
              {"size": 3, "activation": "tanh", "residual": True}]
    s = _session(hidden, batch_size=6, disabled_neurons=[[2, 0]])
    s.advance("step")
    for layer, j in [(1, 1), (2, 0), (2, 2), (3, 0)]:
        g = neuron_graph(s, layer, j, 2)
        columns = {node_id: node.column for node_id, node in g.nodes.items()}
        assert all(columns[e.source] < columns[e.target] for e in g.edges)
        reaches = {g.output}
        for _ in g.nodes:
            reaches |= {e.source for e in g.edges if e.target in reaches}
        assert reaches == set(g.nodes)
        assert g.nodes[g.output].value == s.record.trace.layers[layer - 1].a[2, j]


def test_prelu_slope_is_a_node_with_its_gradient():
    s = _session([{"size": 3, "activation": "prelu"}])
    s.run(2)
    s.advance("step")
    lt, grads = s.record.trace.layers[0], s.record.grads[0]
    for j in range(3):
        g = neuron_graph(s, 1, j, 0)
        assert _edge(g, "alpha", "act").local == min(lt.u[0, j], 0.0)
        assert g.nodes["alpha"].grad == pytest.approx(grads["alpha"][j], rel=1e-12, abs=1e-300)
