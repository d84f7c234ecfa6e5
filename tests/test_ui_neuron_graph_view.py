"""NeuronGraphView: every number written is the neuron graph's (the engine's trace), printed as the
inspector prints it, and every edge shows local x upstream = product."""

import numpy as np
import pytest

from nnviz.session import LESSONS, Session
from nnviz.ui.network.neuron_graph import NeuronGraphView
from nnviz.ui.network.neuron_graph_display import MAX_INPUTS, display_graph, rest_value
from nnviz.ui.panels.inspector_text import fmt


@pytest.fixture
def view(qtbot):
    v = NeuronGraphView()
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def _at(session, kind, layer):
    while not (session.phase.kind == kind and session.phase.layer == layer):
        session.advance("phase")
    return session


def _session(**extra):
    s = Session({"dataset": "circle", "n_samples": 60, "seed": 3, "batch_size": 12,
                 "hidden": [{"size": 4, "activation": "tanh"}, {"size": 3, "activation": "sigmoid"}], **extra})
    s.run(3)
    return s


def test_backward_numbers_are_the_graphs_and_the_traces(view):
    s = _at(_session(), "backward", 2)
    g = s.neuron_graph(2, 1, sample=2)
    view.set_graph(g, "caption")
    texts = view.node_texts()
    lt = s.record.trace.layers[1]
    assert texts["z"][1:] == [f"= {fmt(lt.z[2, 1])}", f"grad {fmt(lt.grad_z[2, 1])}"]
    assert texts["act"][1] == f"= {fmt(lt.act[2, 1])}"
    for node_id, lines in texts.items():
        node = g.nodes[node_id]
        assert lines[1:] == [f"= {fmt(node.value)}", f"grad {fmt(node.grad)}"]
    edges = view.edge_texts()
    shown = display_graph(g, MAX_INPUTS)
    assert set(edges) == {(a, b) for a, b, _e in shown.edges}
    for (a, b), lines in edges.items():
        e = next(e for src, dst, e in shown.edges if (src, dst) == (a, b))
        assert e.product == e.local * e.upstream
        assert lines == [fmt(e.local), f"× {fmt(e.upstream)}", f"= {fmt(e.product)}"]
    # the chain rule arriving at a weight: x_i times delta, the engine's grad_z
    assert edges[("w0", "p0")] == [fmt(lt.inp[2, 0]), f"× {fmt(lt.grad_z[2, 1])}",
                                   f"= {fmt(lt.inp[2, 0] * lt.grad_z[2, 1])}"]
    assert texts["x0"][0] == "a₁[1]" and texts["w0"][0] == "W₂[1,2]" and texts["b"][0] == "b₂[2]"


def test_forward_phase_shows_values_only(view):
    s = _at(_session(), "forward", 2)
    view.set_graph(s.neuron_graph(2, 0))
    assert view.edge_texts() == {}
    assert all(len(lines) == 2 for lines in view.node_texts().values())
    assert view.node_texts()["z"][1] == f"= {fmt(s.record.trace.layers[1].z[0, 0])}"


def test_identity_steps_are_merged_and_batch_norm_is_drawn():
    plain = _at(_session(), "backward", 1).neuron_graph(1, 0)
    shown = display_graph(plain, MAX_INPUTS)
    assert shown.merged == {"u": "z", "a": "act"}
    assert "u" not in shown.columns and "a" not in shown.columns
    s = Session(LESSONS["fix-batchnorm"].config)
    s.run(2)
    g = _at(s, "backward", 1).neuron_graph(1, 0)
    shown = display_graph(g, MAX_INPUTS)
    assert {"xhat", "gamma", "beta", "u"} <= set(shown.columns) and "u" not in shown.merged


def test_wide_layers_fold_the_smallest_terms_into_one_box(view):
    s = _at(Session(LESSONS["vanishing-sigmoid"].config), "backward", 3)
    g = s.neuron_graph(3, 0)
    view.set_graph(g)
    shown = display_graph(g, MAX_INPUTS)
    assert len(shown.inputs) == MAX_INPUTS - 1 and len(shown.inputs) + len(shown.folded) == 8
    products = {i: abs(g.nodes[f"p{i}"].value) for i in range(8)}
    assert min(products[i] for i in shown.inputs) >= max(products[i] for i in shown.folded)
    rest = sum(g.nodes[f"p{i}"].value for i in shown.folded)
    assert rest_value(g) == pytest.approx(rest, rel=1e-12)
    assert view.node_texts()["rest"][1] == f"= {fmt(rest_value(g))}"
    total = sum(g.nodes[f"p{i}"].value for i in range(8))
    assert g.nodes["sum"].value == pytest.approx(total, rel=1e-12)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_drawn_at_presenter_scale_within_the_view(view, scale):
    s = _at(_session(), "backward", 1)
    view.set_line_scale(scale)
    view.set_graph(s.neuron_graph(1, 0))
    mapped = view.mapFromScene(view.sceneRect()).boundingRect()
    assert mapped.width() <= view.viewport().width() + 2 and mapped.height() <= view.viewport().height() + 2
    assert view.transform().m11() > 0.3


def test_gradient_by_paths_outside_the_graph_is_written_under_its_node(view):
    s = Session(LESSONS["softmax-3-class"].config)
    s.run(3)
    _at(s, "backward", s.n_layers)
    lt = s.record.trace.layers[-1]
    noted = 0
    for j in range(3):
        g = s.neuron_graph(s.n_layers, j)
        view.set_graph(g)
        shown = display_graph(g, MAX_INPUTS)
        direct = next(e.product for a, b, e in shown.edges if (a, b) == ("z", "act"))
        other = lt.grad_u[0, j] - direct
        lines = view.node_texts()["z"]
        if abs(other) > 1e-9 * abs(lt.grad_u[0, j]):
            assert lines[-1] == f"{fmt(other)} of it by other paths"
            noted += 1
        else:                                # the sample's own class: the diagonal carries it all
            assert len(lines) == 3
    assert noted == 2                        # the two other classes' outputs
    bn = Session(LESSONS["fix-batchnorm"].config)
    bn.run(2)
    g = _at(bn, "backward", 1).neuron_graph(1, 0)
    view.set_graph(g)
    direct = next(e.product for a, b, e in display_graph(g, MAX_INPUTS).edges if (a, b) == ("z", "xhat"))
    assert view.node_texts()["z"][-1] == f"{fmt(g.nodes['z'].grad - direct)} of it by other paths"
