"""FrameBuilder: what the network view is told to draw at each phase (no widgets needed)."""

import numpy as np
import pytest

from nnviz.session import Session
from nnviz.ui.network.frame_builder import FrameBuilder, FrameOptions, headers, scale_heatmap

DEEP = {"dataset": "circle", "n_samples": 60, "seed": 1, "batch_size": 8,
        "hidden": [{"size": 4, "activation": "sigmoid"}, {"size": 3, "activation": "tanh"},
                   {"size": 5, "activation": "relu"}]}


def test_ready_shows_weights_and_no_values():
    s = Session(DEEP)
    f = FrameBuilder().build(s)
    f.validate()
    assert f.sizes == [2, 4, 3, 5, 1]
    assert f.lit is None and f.nodes is None and f.edge_mode == "weight"
    for e, p in zip(f.edges, s.network.params):
        assert e is p["W"]


def test_every_phase_of_a_step():
    s = Session(DEEP)
    fb = FrameBuilder()
    L = s.n_layers
    seen = []
    for _ in range(2 * L + 2):
        s.advance("phase")
        f = fb.build(s)
        f.validate()
        ph = s.phase
        seen.append((ph.kind, f.lit, f.direction, f.edge_mode))
        if ph.kind == "forward":
            assert f.known == set(range(ph.layer + 1))
            assert f.nodes[ph.layer] is not None and f.nodes[ph.layer + 1:] == [None] * (L - ph.layer)
            np.testing.assert_array_equal(f.nodes[ph.layer], s.trace.layers[ph.layer - 1].a[0])
        elif ph.kind == "backward":
            k = ph.layer
            assert f.known == set(range(k, L + 1))
            for l in range(L):
                if l + 1 >= k:
                    np.testing.assert_array_equal(f.edges[l], s.grads[l]["W"])
                else:
                    assert not f.edges[l].any()
            np.testing.assert_array_equal(f.nodes[k], s.trace.layers[k - 1].grad_z[0])
            assert f.node_mode == "delta" and f.heatmaps is None
        elif ph.kind == "loss":
            assert "loss" in f.headers[L]
        elif ph.kind == "update":
            assert f.edge_label == "Δw"
            for e, d in zip(f.edges, s.update_delta):
                np.testing.assert_array_equal(e, d["W"])
    assert seen == ([("forward", k, "forward", "weight") for k in range(1, L + 1)]
                    + [("loss", L, "forward", "weight")]
                    + [("backward", k, "backward", "gradient") for k in range(L, 0, -1)]
                    + [("update", None, "update", "gradient")])


def test_update_can_show_the_new_weights():
    s = Session(DEEP)
    s.advance("step")
    f = FrameBuilder().build(s, FrameOptions(update_as_delta=False))
    assert f.edge_mode == "weight" and f.edges[0] is s.network.params[0]["W"]


def test_focused_sample_and_batch_mean():
    s = Session(DEEP)
    for _ in range(2):
        s.advance("phase")
    fb = FrameBuilder()
    f3 = fb.build(s, FrameOptions(sample=3))
    np.testing.assert_array_equal(f3.nodes[2], s.trace.layers[1].a[3])
    far = fb.build(s, FrameOptions(sample=999))
    np.testing.assert_array_equal(far.nodes[2], s.trace.layers[1].a[len(s.batch) - 1])
    mean = fb.build(s, FrameOptions(batch_mean=True))
    np.testing.assert_allclose(mean.nodes[2], s.trace.layers[1].a.mean(axis=0))
    assert mean.dropped is None


def test_dropped_neurons_follow_the_mask():
    cfg = dict(DEEP, hidden=[{"size": 16, "activation": "relu", "dropout": 0.5}])
    s = Session(cfg)
    s.advance("phase")
    f = FrameBuilder().build(s, FrameOptions(sample=2))
    np.testing.assert_array_equal(f.dropped[1], s.trace.layers[0].dropout_mask[2] == 0)
    assert f.dropped[1].any()


def test_disabled_neurons_are_marked():
    s = Session(DEEP)
    s.set_neuron_enabled(2, 1, False)
    f = FrameBuilder().build(s)
    assert f.disabled[2].tolist() == [False, True, False]


def test_headers_name_activation_batch_norm_dropout_and_shape():
    cfg = dict(DEEP, hidden=[{"size": 4, "activation": "relu", "batch_norm": True, "dropout": 0.25},
                             {"size": 4, "activation": "tanh", "residual": True}])
    h = headers(Session(cfg))
    assert h[0].startswith("input") and "x1" in h[0]
    assert "L1 relu" in h[1] and "BN" in h[1] and "drop 0.25" in h[1] and "W 2×4" in h[1]
    assert "+res" in h[2] and "W 4×4" in h[2]
    assert h[3].startswith("output sigmoid")


def test_heatmaps_are_cached_until_the_weights_change():
    s = Session(DEEP)
    fb = FrameBuilder()
    f = fb.build(s, FrameOptions(heat_resolution=12))
    assert [m.shape for m in f.heatmaps] == [(2, 12, 12), (4, 12, 12), (3, 12, 12), (5, 12, 12), (1, 12, 12)]
    assert all(np.nanmax(np.abs(m)) <= 1.0 + 1e-12 for m in f.heatmaps)
    for _ in range(5):
        s.advance("phase")
        fb.build(s, FrameOptions(heat_resolution=12))
    assert fb.heatmap_builds == 1
    s.advance("step")
    fb.build(s, FrameOptions(heat_resolution=12))
    assert fb.heatmap_builds == 2


def test_heatmap_rows_run_from_the_top_of_the_plane():
    s = Session(DEEP)
    f = FrameBuilder().build(s, FrameOptions(heat_resolution=10))
    x2 = f.heatmaps[0][1]          # the x2 input: largest at the top row
    assert x2[0].mean() > x2[-1].mean()


def test_wide_columns_and_non_planar_data_get_no_heatmaps():
    cfg = dict(DEEP, hidden=[{"size": 40, "activation": "tanh"}])
    f = FrameBuilder().build(Session(cfg), FrameOptions(max_heat_units=16))
    assert f.heatmaps[1] is None and f.heatmaps[0] is not None
    iris = Session({"dataset": "iris", "hidden": [{"size": 4, "activation": "tanh"}]})
    assert FrameBuilder().build(iris).heatmaps is None


@pytest.mark.parametrize("act, values, expected", [
    ("sigmoid", [[[0.0, 1.0]]], [[[-1.0, 1.0]]]),
    ("tanh", [[[-0.5, 0.5]]], [[[-0.5, 0.5]]]),
    ("relu", [[[0.0, 4.0]]], [[[0.0, 1.0]]]),
])
def test_scale_heatmap(act, values, expected):
    np.testing.assert_allclose(scale_heatmap(np.array(values), act), expected)


def test_a_selection_outside_the_net_is_dropped():
    s = Session(DEEP)
    fb = FrameBuilder()
    assert fb.build(s, FrameOptions(selected=("edge", 2, 2, 4))).selected == ("edge", 2, 2, 4)
    assert fb.build(s, FrameOptions(selected=("edge", 4, 0, 0))).selected is None
    assert fb.build(s, FrameOptions(selected=("node", 1, 9))).selected is None
