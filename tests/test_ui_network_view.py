"""NetworkView: layout, edge bins, nodes, overlays, clicks, non-finite values, demo."""

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6 import QtCore, QtGui

from nnviz.ui.network import scale as ns
from nnviz.ui.network.demo import demo_frame
from nnviz.ui.network.frame import NetworkFrame
from nnviz.ui.network.view import NetworkView
from nnviz.ui.widgets.colors import THEMES

ROOT = Path(__file__).resolve().parents[1]
FIXED_ITEMS = 8     # band, band label, two selected-edge lines, nodes, crosses, ring, legend


@pytest.fixture
def view(qtbot):
    v = NetworkView()
    qtbot.addWidget(v)
    v.resize(900, 600)
    v.show()
    qtbot.waitExposed(v)
    return v


def plain_frame(sizes, *, seed=0, mode="weight", scale=1.0, **kw):
    rng = np.random.default_rng(seed)
    edges = [rng.normal(0.0, scale, size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:])]
    nodes = [np.tanh(rng.normal(size=n)) for n in sizes]
    return NetworkFrame(sizes=list(sizes), headers=[f"col {c}" for c in range(len(sizes))],
                        edges=edges, edge_mode=mode, nodes=nodes,
                        node_mode="activation" if mode == "weight" else "delta", **kw)


def rgb(color: QtGui.QColor):
    return np.array([color.red(), color.green(), color.blue()], float)


def image_array(view) -> np.ndarray:
    """The widget as an (H, W, 3) uint8 RGB array."""
    img = view.grab().toImage().convertToFormat(QtGui.QImage.Format.Format_RGB888)
    raw = np.frombuffer(img.constBits(), np.uint8, count=img.sizeInBytes())
    rows = raw.reshape(img.height(), img.bytesPerLine())
    return rows[:, : img.width() * 3].reshape(img.height(), img.width(), 3).copy()


# ---------------------------------------------------------------- sizes and item counts

SIZES = [
    [1, 1],
    [2, 1],
    [2, 8, 8, 1],
    [3, 5, 4, 2],
    [2, 128, 1],
    [2] + [64] * 8 + [1],
]


@pytest.mark.parametrize("sizes", SIZES, ids=lambda s: "-".join(map(str, s)) if len(s) < 6 else "8x64")
def test_nets_draw_with_few_items(view, sizes):
    for mode in ("weight", "gradient"):
        view.set_frame(demo_frame(sizes, edge_mode=mode, lit=len(sizes) - 1))
        view.grab()
    ncol = len(sizes)
    n_edges = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    # bounded by columns (headers, one edge item per layer) and heatmaps, not by edges
    bound = FIXED_ITEMS + ncol + (ncol - 1) + len(view._images)
    assert view.graphics_item_count() <= bound
    assert sum(view.bin_size(b) for b in range(ns.N_BINS)) == n_edges
    # every node is inside the widget, and columns run left to right
    lay = view.layout_info()
    assert np.all(np.diff(lay.col_x) > 0)
    for c in range(ncol):
        p = view.node_position(c, sizes[c] - 1)
        assert 0 < p.x() < view.width() and 0 < p.y() < view.height()


def test_items_are_reused_across_frames(view):
    frames = [demo_frame([2, 8, 8, 1], seed=k, lit=k % 4) for k in range(5)]
    view.set_frame(frames[0])
    before = view.graphics_item_count()
    items = list(view.scene().items())
    for f in frames[1:] * 3:
        view.set_frame(f)
    assert view.graphics_item_count() == before
    assert set(view.scene().items()) == set(items)


def test_wide_layers_get_small_nodes_and_no_heatmaps(view):
    view.set_frame(demo_frame([2, 8, 1]))
    lay = view.layout_info()
    assert view.visible_heatmaps() == 2 + 8 + 1
    small = lay.node_size[1]
    view.set_frame(demo_frame([2, 64, 64, 1]))
    lay = view.layout_info()
    assert lay.heat_size[1] == 0 and lay.heat_size[2] == 0
    assert view.visible_heatmaps() == 2 + 1          # input and output still have room
    assert lay.node_size[1] < small
    assert lay.node_size[1] >= 3
    # neighbouring nodes do not overlap
    assert lay.node_size[1] <= lay.spacing[1]


# ---------------------------------------------------------------- edge bins


def test_weight_mode_bins_by_sign_and_linear_magnitude(view):
    W0 = np.array([[2.0, -2.0, 0.01], [-0.9, 1.1, 0.0]])
    W1 = np.array([[0.5], [-1.5], [1.0]])
    f = NetworkFrame(sizes=[2, 3, 1], headers=["a", "b", "c"], edges=[W0, W1])
    view.set_frame(f)
    top = ns.N_LEVELS - 1
    assert view.edge_bin(0, 0, 0) == ns.bin_of(1, top)       # largest |w|, positive
    assert view.edge_bin(0, 0, 1) == ns.bin_of(0, top)       # largest |w|, negative
    assert view.edge_bin(0, 0, 2) == ns.bin_of(1, 0)         # tiny
    assert view.edge_bin(0, 1, 0) == ns.bin_of(0, 3)         # 0.9 / 2 * 8 -> level 3
    assert view.edge_bin(1, 1, 0) == ns.bin_of(0, 6)         # 1.5 / 2 * 8 -> level 6
    thin = view.bin_pen(ns.bin_of(1, 0)).widthF()
    thick = view.bin_pen(ns.bin_of(1, top)).widthF()
    assert thick > 2 * thin
    # colors: the sign map's green for positive, purple for negative
    th = THEMES["light"]
    assert tuple(rgb(view.bin_pen(ns.bin_of(1, top)).color())) == th.positive
    assert tuple(rgb(view.bin_pen(ns.bin_of(0, top)).color())) == th.negative


def test_gradient_mode_small_gradients_are_dimmer_and_thinner(view):
    sizes = [2, 3, 3, 1]
    edges = [np.full((2, 3), 3e-7), np.full((3, 3), -2e-4), np.full((3, 1), 0.5)]
    edges[2][0, 0] = 500.0                                    # exploding
    f = NetworkFrame(sizes=sizes, headers=["i", "h1", "h2", "o"], edges=edges,
                     edge_mode="gradient")
    view.set_frame(f)
    lo, hi = view.gradient_range()
    vanishing, middle, strong, over = (view.edge_bin(0, 0, 0), view.edge_bin(1, 0, 0),
                                       view.edge_bin(2, 1, 0), view.edge_bin(2, 0, 0))
    assert ns.sign_level(vanishing) == (1, 0)
    assert ns.sign_level(middle)[0] == 0                     # negative
    assert ns.sign_level(vanishing)[1] < ns.sign_level(middle)[1] < ns.sign_level(strong)[1]
    # 500 is above the usual range: the drawn range slides up to 10³, keeping 8 decades,
    # and every level above the usual top (10¹) glares
    assert (lo, hi) == (-7.0, 1.0) and view.drawn_gradient_range() == (-5.0, 3.0)
    assert over == ns.bin_of(1, ns.N_LEVELS - 1) and over in view._halo_pens
    assert strong not in view._halo_pens
    # one level per decade
    assert ns.sign_level(strong)[1] == int(np.floor(np.log10(0.5) + 5.0))
    # dimmer: closer to the background; thinner
    bg = rgb(view.backgroundBrush().color())
    dist = [np.abs(rgb(view.bin_pen(b).color()) - bg).sum() for b in (vanishing, strong)]
    assert dist[0] < dist[1] / 3
    assert view.bin_pen(vanishing).widthF() < view.bin_pen(strong).widthF()
    assert view.bin_pen(strong).widthF() < view.bin_pen(over).widthF()
    # the membership of the drawn batches agrees
    seg = view.edge_item(0).bin_segments(vanishing)
    assert len(seg) == 6
    assert view.edge_item(2).bin_size(over) == 1


def test_gradient_range_is_settable(view):
    f = NetworkFrame(sizes=[1, 1], headers=["a", "b"], edges=[np.array([[1e-3]])],
                     edge_mode="gradient")
    view.set_frame(f)
    default_level = ns.sign_level(view.edge_bin(0, 0, 0))[1]
    view.set_gradient_range(-3.0, 5.0)
    assert ns.sign_level(view.edge_bin(0, 0, 0))[1] == 0 < default_level
    with pytest.raises(ValueError):
        view.set_gradient_range(1.0, 1.0)


def test_unknown_layers_and_dropped_neurons_mute_their_edges(view):
    f = plain_frame([2, 4, 3, 1], mode="gradient", scale=0.1, known={2, 3}, lit=2,
                    direction="backward")
    f.dropped = [None, np.array([False, True, False, False]), None, None]
    view.set_frame(f)
    # layer 0 needs column 1's delta: not known yet
    assert all(view.edge_bin(0, i, j) == ns.BIN_MUTED for i in range(2) for j in range(4))
    # layer 1 is known; the dropped neuron's outgoing edges carry nothing
    assert all(view.edge_bin(1, 1, j) == ns.BIN_MUTED for j in range(3))
    assert view.edge_bin(1, 0, 0) != ns.BIN_MUTED
    assert view.edge_bin(2, 0, 0) != ns.BIN_MUTED


def test_changing_only_the_lit_column_keeps_edge_caches(view, monkeypatch):
    f = demo_frame([2, 8, 8, 1])
    view.set_frame(f)
    calls = []
    for item in view._edge_items:
        monkeypatch.setattr(item, "set_bins", lambda bins, _c=calls: _c.append(1))
    for lit in range(4):
        f.lit = lit
        view.set_frame(f)
    assert calls == []
    f.edges[1] = f.edges[1] * -1.0             # one layer's values change
    view.set_frame(f)
    assert len(calls) == 1


# ---------------------------------------------------------------- overlays and nodes


def test_lit_band_sits_on_the_lit_column(view):
    sizes = [2, 6, 6, 3]
    colors = set()
    for direction in ("forward", "backward", "update"):
        for lit in range(len(sizes)):
            view.set_frame(plain_frame(sizes, lit=lit, direction=direction))
            rect = view.lit_band_rect()
            assert rect is not None
            x = view.node_position(lit, 0).x()
            assert abs(rect.center().x() - x) < 1.0
            for c in range(len(sizes)):
                if c != lit:
                    assert not rect.contains(view.node_position(c, 0))
            # lit nodes get the direction's rim
            assert view.node_pen(lit, 0).color() == QtGui.QColor(*getattr(THEMES["light"], direction))
        colors.add(view._band.brush().color().name())
    assert len(colors) == 3
    view.set_frame(plain_frame(sizes, lit=None))
    assert view.lit_band_rect() is None


def test_dropped_disabled_unknown_and_diverged_nodes_get_their_brushes(view):
    sizes = [2, 5, 1]
    f = plain_frame(sizes, known={0, 1})
    f.dropped = [None, np.array([0, 1, 0, 0, 0], bool), None]
    f.disabled = [None, np.array([0, 0, 0, 1, 0], bool), None]
    f.nodes[1][4] = np.nan
    view.set_frame(f)
    assert view.node_brush(1, 1) is view.palette_brush("dropped")
    assert view.node_brush(1, 3) is view.palette_brush("disabled")
    assert view.node_brush(1, 4) is view.palette_brush("diverged")
    assert view.node_brush(2, 0) is view.palette_brush("unknown")      # column 2 not known
    ordinary = view.node_brush(1, 0)
    assert ordinary not in [view.palette_brush(n) for n in ("dropped", "disabled", "diverged", "unknown")]
    assert view.node_pen(1, 1).style() == QtCore.Qt.PenStyle.DashLine
    assert len(view._crosses.data) == 1                                  # one crossed-out neuron
    # palette brushes are shared objects: the same value gives the same brush
    f2 = plain_frame(sizes)
    f2.nodes[0][:] = 0.5
    view.set_frame(f2)
    assert view.node_brush(0, 0) is view.node_brush(0, 1)


def test_selection_ring_and_edge_outline(view):
    f = plain_frame([2, 4, 1], selected=("node", 1, 2))
    view.set_frame(f)
    ring = view._sel_node
    assert ring.isVisible()
    pos = ring.data["x"][0], ring.data["y"][0]
    p = view.node_position(1, 2)
    assert pos == pytest.approx((p.x(), p.y()))
    f.selected = ("edge", 0, 1, 3)
    view.set_frame(f)
    assert not ring.isVisible()
    line = view._sel_edge.line()
    a, b = view.node_position(0, 1), view.node_position(1, 3)
    assert (line.x1(), line.y1(), line.x2(), line.y2()) == pytest.approx((a.x(), a.y(), b.x(), b.y()))


# ---------------------------------------------------------------- clicks


def click(qtbot, view, scene_point):
    qtbot.mouseClick(view.viewport(), QtCore.Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(scene_point))


def test_click_on_node_emits_its_indices(qtbot, view):
    view.set_frame(plain_frame([2, 6, 3, 1]))
    with qtbot.waitSignal(view.nodeClicked, timeout=1000) as blocker:
        click(qtbot, view, view.node_position(1, 4))
    assert blocker.args == [1, 4]
    with qtbot.waitSignal(view.nodeClicked, timeout=1000) as blocker:
        click(qtbot, view, view.node_position(3, 0) + QtCore.QPointF(3, -3))
    assert blocker.args == [3, 0]


def test_click_near_an_edge_emits_the_nearest_edge(qtbot, view):
    view.set_frame(plain_frame([2, 3, 2]))
    for (l, i, j) in [(0, 1, 2), (1, 0, 1), (1, 2, 0)]:
        p = view.edge_point(l, i, j, 0.3)
        a, b = view.node_position(l, i), view.node_position(l + 1, j)
        d = np.array([b.x() - a.x(), b.y() - a.y()])
        n = np.array([-d[1], d[0]]) / np.hypot(*d)
        near = p + QtCore.QPointF(*(3.0 * n))                 # 3 px off the line
        assert view.hit_test(near.x(), near.y()) == ("edge", l, i, j)
        with qtbot.waitSignal(view.edgeClicked, timeout=1000) as blocker:
            click(qtbot, view, near)
        assert blocker.args == [l, i, j]
    # far from everything: nothing
    assert view.hit_test(view.width() - 3.0, view.height() / 2.0) is None


def test_click_on_header_and_empty_space(qtbot, view):
    view.set_frame(plain_frame([2, 3, 1]))
    with qtbot.waitSignal(view.headerClicked, timeout=1000) as blocker:
        click(qtbot, view, view.header_rect(2).center())
    assert blocker.args == [2]
    with qtbot.assertNotEmitted(view.nodeClicked), qtbot.assertNotEmitted(view.edgeClicked), \
            qtbot.assertNotEmitted(view.headerClicked):
        click(qtbot, view, QtCore.QPointF(view.width() - 4.0, view.height() / 2.0))


# ---------------------------------------------------------------- non-finite values


@pytest.mark.parametrize("mode", ["weight", "gradient"])
def test_nan_and_inf_draw_as_diverged(view, mode):
    f = demo_frame([2, 6, 6, 1], edge_mode=mode, lit=1)
    f.edges[0][0, 0] = np.nan
    f.edges[1][2, 3] = np.inf
    f.edges[1][3, 3] = -np.inf
    f.nodes[1][0] = np.nan
    f.nodes[2][:] = np.inf
    f.heatmaps[1][2, :4, :4] = np.nan
    f.dropped = [None, None, np.array([1, 0, 0, 0, 0, 0], bool), None]
    view.set_frame(f)
    view.grab()
    for e in [(0, 0, 0), (1, 2, 3), (1, 3, 3)]:
        assert view.edge_bin(*e) == ns.BIN_DIVERGED
    assert view.bin_size(ns.BIN_DIVERGED) == 3
    assert view.node_brush(1, 0) is view.palette_brush("diverged")
    assert view.node_brush(2, 3) is view.palette_brush("diverged")
    # everything at once
    bad = NetworkFrame(sizes=[2, 3, 1], headers=["a", "b", "c"],
                       edges=[np.full((2, 3), np.nan), np.full((3, 1), np.inf)], edge_mode=mode,
                       nodes=[np.full(2, np.nan), np.full(3, -np.inf), np.full(1, np.nan)],
                       heatmaps=[np.full((2, 5, 5), np.nan), None, np.full((1, 5, 5), np.inf)])
    view.set_frame(bad)
    assert image_array(view).std() > 0
    assert view.bin_size(ns.BIN_DIVERGED) == 9


def test_all_zero_weights_draw(view):
    f = NetworkFrame(sizes=[2, 3, 1], headers=["a", "b", "c"],
                     edges=[np.zeros((2, 3)), np.zeros((3, 1))])
    view.set_frame(f)
    assert view.bin_size(ns.BIN_ZERO) == 9           # exactly zero: the neutral grey, no sign
    f.edge_mode = "gradient"
    view.set_frame(f)
    assert view.bin_size(ns.BIN_ZERO) == 9
    zero = view.bin_pen(ns.BIN_ZERO).color()
    assert (zero.red(), zero.green(), zero.blue()) == THEMES["light"].zero


# ---------------------------------------------------------------- look


def test_drawn_frame_is_not_blank(view):
    view.set_frame(demo_frame([2, 8, 8, 1], lit=1))
    arr = image_array(view)
    colors = np.unique(arr.reshape(-1, 3), axis=0)
    assert len(colors) > 200
    # the corner is the theme's background
    assert tuple(arr[2, view.width() - 3]) == THEMES["light"].background


@pytest.mark.parametrize("name", sorted(THEMES))
def test_themes_switch_background_and_palette(view, name):
    view.set_frame(demo_frame([2, 4, 1], lit=0))
    view.set_theme(name)
    th = THEMES[name]
    assert tuple(image_array(view)[2, view.width() - 3]) == th.background
    assert tuple(rgb(view.bin_pen(ns.bin_of(0, ns.N_LEVELS - 1)).color())) == th.negative
    assert view.palette_brush("diverged").color() == QtGui.QColor(*th.diverged)


def test_bad_theme_and_line_scale(view):
    with pytest.raises(ValueError, match="theme"):
        view.set_theme("neon")
    with pytest.raises(ValueError):
        view.set_line_scale(0)


def test_line_scale_widens_pens(view):
    view.set_frame(demo_frame([2, 4, 1]))
    b = ns.bin_of(1, ns.N_LEVELS - 1)
    w1 = view.bin_pen(b).widthF()
    rim1 = view.node_pen(0, 0).widthF()
    view.set_line_scale(2.0)
    assert view.bin_pen(b).widthF() == pytest.approx(2 * w1)
    assert view.node_pen(0, 0).widthF() == pytest.approx(2 * rim1)


def test_resize_relayouts(qtbot, view):
    view.set_frame(demo_frame([2, 8, 1]))
    x_before = view.node_position(2, 0).x()
    view.resize(500, 400)
    qtbot.waitUntil(lambda: view.node_position(2, 0).x() < x_before, timeout=1000)
    assert view.node_position(2, 0).x() < 500


# ---------------------------------------------------------------- frame checks and helpers


@pytest.mark.parametrize("field, change", [
    ("headers", lambda f: f.headers.pop()),
    ("edges[1]", lambda f: f.edges.__setitem__(1, np.zeros((2, 2)))),
    ("nodes[0]", lambda f: f.nodes.__setitem__(0, np.zeros(5))),
    ("edge_mode", lambda f: setattr(f, "edge_mode", "velocity")),
    ("lit", lambda f: setattr(f, "lit", 7)),
    ("selected", lambda f: setattr(f, "selected", ("edge", 0, 9, 0))),
    ("heatmaps[2]", lambda f: f.heatmaps.__setitem__(2, np.zeros((3, 4, 4)))),
])
def test_bad_frames_name_the_field(view, field, change):
    f = demo_frame([2, 4, 1])
    change(f)
    with pytest.raises(ValueError, match=field.replace("[", r"\[").replace("]", r"\]")):
        view.set_frame(f)


def test_scale_levels_without_numpy_warnings():
    g = np.array([0.0, 1e-9, 1e-7, 2e-7, 1e-3, 0.99, 9.99, 10.0, 1e30, np.nan, np.inf, -1e-2])
    levels = ns.gradient_levels(g)
    assert levels.tolist() == [0, 0, 0, 0, 4, 6, 7, 8, 8, 0, 0, 5]
    bins = ns.edge_bins(g, "gradient")
    assert bins[9] == bins[10] == ns.BIN_DIVERGED
    assert ns.sign_level(int(bins[-1])) == (0, 5)
    shades = ns.node_shades(np.array([-1.0, 0.0, 1.0, 5.0, np.nan]), "activation")
    assert shades.tolist() == [0, ns.NODE_STEPS, 2 * ns.NODE_STEPS, 2 * ns.NODE_STEPS, ns.NODE_DIVERGED]
    deltas = ns.node_shades(np.array([1e-9, -10.0, 1e-3, 0.0]), "delta")
    assert deltas[0] == ns.NODE_STEPS and deltas[1] == 0 and deltas[3] == ns.NODE_STEPS
    assert ns.NODE_STEPS < deltas[2] < 2 * ns.NODE_STEPS


def test_frame_and_scale_modules_do_not_import_qt():
    code = ("import sys; import nnviz.ui.network.frame, nnviz.ui.network.scale, "
            "nnviz.ui.network.layout, nnviz.ui.widgets.colors, nnviz.ui.network.demo; "
            "assert 'PySide6' not in sys.modules, 'Qt imported'")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_standalone_demo_runs(tmp_path):
    shot = tmp_path / "network.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", "nnviz.ui.network.preview", "--quit-after-ms", "500",
         "--interval-ms", "40", "--screenshot", str(shot)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 5000


def test_svg_and_png_export_draw_the_edges(view, tmp_path):
    import pyqtgraph.exporters

    f = demo_frame([2, 6, 6, 1], lit=1, edge_mode="gradient", decades_per_layer=-1.2)
    f.edges[1][0, 0] = np.nan
    view.set_frame(f)
    svg = tmp_path / "net.svg"
    pyqtgraph.exporters.SVGExporter(view.scene()).export(str(svg))
    text = svg.read_text()
    assert text.count("<polyline") >= 10          # edge bins as vector lines
    assert text.count("<image") >= 14             # one per heatmap
    png = tmp_path / "net.png"
    pyqtgraph.exporters.ImageExporter(view.scene()).export(str(png))
    assert png.stat().st_size > 5000
