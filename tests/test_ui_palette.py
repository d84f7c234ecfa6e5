"""One palette per meaning: class colors survive color-vision deficiencies, signs have their own map.

Dichromat vision is simulated with the matrices of Machado, Oliveira and
Fernandes (2009) at severity 1.0, applied to linear RGB; differences are CIE
ΔE76 in CIELAB (D65).
"""

import itertools

import numpy as np
import pytest
from PySide6 import QtGui

from nnviz.session import Session
from nnviz.ui.network import scale as ns
from nnviz.ui.network.frame_builder import FrameBuilder, FrameOptions
from nnviz.ui.network.view import NetworkView
from nnviz.ui.widgets import colors as net_colors
from nnviz.ui.widgets import theme as plot_theme
from nnviz.ui.widgets.colors import linear_to_srgb, rgb_to_lab, srgb_to_linear

MACHADO = {
    "protanopia": np.array([[0.152286, 1.052583, -0.204868],
                            [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968],
                              [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779],
                            [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
VISIONS = [None, *MACHADO]
MIN_CLASS_DELTA_E = 20.0


def seen(rgb, vision):
    """sRGB 0..255 as a person with ``vision`` sees it (None: normal vision)."""
    rgb = np.asarray(rgb, dtype=float)
    if vision is None:
        return rgb
    return linear_to_srgb(srgb_to_linear(rgb) @ MACHADO[vision].T)


def delta_e(a, b, vision=None) -> float:
    return float(np.linalg.norm(rgb_to_lab(seen(a, vision)) - rgb_to_lab(seen(b, vision))))


def class_palettes():
    for name, th in net_colors.THEMES.items():
        yield f"network {name}", [tuple(c) for c in th.classes]
    for name, th in plot_theme.THEMES.items():
        yield f"plots {name}", [plot_theme.hex_to_rgb(c) for c in th.class_colors()]


def test_the_simulation_is_a_real_one():
    # a dichromat confuses red and green that normal vision tells apart at once
    red, green = (200, 60, 40), (110, 130, 40)
    assert delta_e(red, green) > 40
    assert delta_e(red, green, "deuteranopia") < 15
    assert delta_e(red, green, "protanopia") < 25
    # the old palette failed: orange ≈ green under protanopia, blue ≈ purple
    assert delta_e(plot_theme.hex_to_rgb("#0877bd"), plot_theme.hex_to_rgb("#9467bd"), "protanopia") < 5
    # white stays white
    assert delta_e((255, 255, 255), (255, 255, 255), "tritanopia") < 1e-6


@pytest.mark.parametrize("where,palette", list(class_palettes()))
@pytest.mark.parametrize("vision", VISIONS)
def test_every_pair_of_class_colors_stays_apart(where, palette, vision):
    assert len(palette) >= 8
    worst = min((delta_e(a, b, vision), i, j) for (i, a), (j, b) in itertools.combinations(enumerate(palette), 2))
    assert worst[0] >= MIN_CLASS_DELTA_E, f"{where}, {vision}: classes {worst[1]} and {worst[2]} ΔE {worst[0]:.1f}"


def test_class_colors_agree_between_network_and_plots():
    for name in net_colors.THEMES:
        net = [tuple(c) for c in net_colors.THEMES[name].classes]
        plots = [plot_theme.hex_to_rgb(c) for c in plot_theme.THEMES[name].class_colors()]
        assert net == [tuple(int(v) for v in c) for c in plots]
        th = plot_theme.THEMES[name]
        assert (th.negative, th.positive) == th.class_colors()[:2]


@pytest.mark.parametrize("name", list(net_colors.THEMES))
def test_the_sign_map_is_its_own_uniform_and_colour_blind_safe(name):
    th = net_colors.THEMES[name]
    t = np.linspace(-1.0, 1.0, 33)
    lab = rgb_to_lab(net_colors.diverging_rgb(th.negative, th.neutral, th.positive, t))
    lut = net_colors.diverging_lut(th, 33)[:, :3]
    assert np.abs(lut.astype(float) - net_colors.diverging_rgb(th.negative, th.neutral, th.positive, t)).max() <= 0.5
    # zero is a neutral grey: no chroma
    assert np.hypot(*lab[16, 1:]) < 2.0
    assert np.hypot(*rgb_to_lab(th.zero)[1:]) < 2.0
    # perceptually uniform: equal steps of the value are equal steps of ΔE on each side
    steps = np.linalg.norm(np.diff(lab, axis=0), axis=1)
    for half in (steps[:16], steps[16:]):
        assert half.max() < 1.05 * half.min()
    # neither sign looks stronger
    assert abs(lab[0, 0] - lab[-1, 0]) < 8
    # the two signs stay apart for every vision, and apart from the class colors 0 and 1
    for vision in VISIONS:
        assert delta_e(th.negative, th.positive, vision) >= MIN_CLASS_DELTA_E
    for sign, cls in itertools.product((th.negative, th.positive), th.classes[:2]):
        assert delta_e(sign, cls) >= 30


@pytest.mark.parametrize("name", list(net_colors.THEMES))
@pytest.mark.parametrize("vision", VISIONS)
def test_sign_colors_stay_apart_from_the_first_three_class_colors(name, vision):
    """A positive weight is not mistaken for class 2 (a green) nor a negative one for class 1 (a blue):
    both ends of the sign map stay apart from class colors 0-2 for every vision, in the network view
    and in the plots (the confusion matrix paints with the sign colors)."""
    th = net_colors.THEMES[name]
    plots = plot_theme.THEMES[name]
    assert [plot_theme.hex_to_rgb(plots.sign_negative).tolist(), plot_theme.hex_to_rgb(plots.sign_positive).tolist()
            ] == [list(th.negative), list(th.positive)]
    for (s, sign), (k, cls) in itertools.product(enumerate((th.negative, th.positive)), enumerate(th.classes[:3])):
        assert delta_e(sign, cls, vision) >= 22, f"{name}, {vision}: sign {'-+'[s]} and class {k}"


def test_health_colors_do_not_rely_on_red_and_green():
    colors = {k: plot_theme.hex_to_rgb(v) for k, v in plot_theme.HEALTH_COLORS.items()}
    for vision in VISIONS:
        for a, b in itertools.combinations(colors, 2):
            assert delta_e(colors[a], colors[b], vision) >= 10, (vision, a, b)
    assert len(set(plot_theme.HEALTH_SYMBOLS.values())) == len(plot_theme.HEALTH_SYMBOLS)


def _rgb(qcolor: QtGui.QColor) -> tuple[int, int, int]:
    return qcolor.red(), qcolor.green(), qcolor.blue()


def test_softmax_output_draws_class_k_probability_in_class_k_color(qtbot):
    s = Session.from_lesson("softmax-3-class")
    s.run(150)
    s.advance("phase")
    while s.phase.kind != "loss":
        s.advance("phase")
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1000, 640)
    frame = FrameBuilder().build(s)
    assert frame.output_classes
    view.set_frame(frame)
    th = view.theme()
    L = len(frame.sizes) - 1
    out = frame.heatmaps[L]                        # (3, H, W) values 2p - 1
    images = [im for im in view._images if im.isVisible()][-3:]
    for k in range(3):
        hot = np.unravel_index(np.argmax(out[k]), out[k].shape)
        assert out[k][hot] > 0.4                   # class k is the likely one there
        pixel = images[k].image[hot][:3]
        others = [th.class_color(j) for j in range(3) if j != k] + [th.positive, th.negative]
        assert all(delta_e(pixel, th.class_color(k)) < delta_e(pixel, c) for c in others)
        lut = net_colors.class_lut(th, k, 3)
        assert delta_e(pixel, lut[int(np.rint((out[k][hot] + 1) * 127.5))][:3]) < 1
        cold = np.unravel_index(np.argmin(out[k]), out[k].shape)
        assert delta_e(images[k].image[cold][:3], th.neutral) < 8
    # the output neurons' own fill: class color by the focused sample's probability
    p = frame.nodes[L]
    k = int(np.argmax(p))
    lut = net_colors.class_lut(th, k, 3)
    expected = lut[round(p[k] * 32) * 255 // 32][:3]
    assert delta_e(_rgb(view.node_brush(L, k).color()), expected) < 6


def test_sigmoid_output_runs_from_class_0_to_class_1():
    th = net_colors.THEMES["light"]
    lut = net_colors.class_lut(th, 0, 1)
    assert delta_e(lut[0][:3], th.class_color(0)) < 1.5
    assert delta_e(lut[-1][:3], th.class_color(1)) < 1.5
    assert delta_e(lut[128][:3], th.neutral) < 1.5


def test_step_activation_zero_gradients_are_grey_not_a_faint_sign(qtbot):
    s = Session.from_lesson("step-activation")
    while s.phase.kind != "backward" or s.phase.layer != 1:
        s.advance("phase")
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1000, 640)
    frame = FrameBuilder().build(s)
    view.set_frame(frame)
    first = frame.edges[0]
    assert (first == 0).all()                      # the step unit's derivative is 0
    zero_pen = view.bin_pen(ns.BIN_ZERO)
    assert view.edge_item(0).bin_size(ns.BIN_ZERO) == first.size
    th = view.theme()
    assert _rgb(zero_pen.color()) == th.zero
    faintest = view.bin_pen(ns.bin_of(1, 0)).color()
    assert delta_e(_rgb(zero_pen.color()), _rgb(faintest)) > 10   # 0 never looks like 1e-7


def test_exploding_deltas_grow_toward_the_input_in_the_picture(qtbot):
    s = Session.from_lesson("exploding-init")
    s.run(1)                                       # the first update is huge; look at the next backward pass
    while s.phase.kind != "backward" or s.phase.layer != 1:
        s.advance("phase")
    view = NetworkView()
    qtbot.addWidget(view)
    view.resize(1000, 640)
    wrong = int(np.argmax(np.abs(s.trace.layers[-1].grad_z[:, 0])))   # a sample the net gets wrong
    frame = FrameBuilder().build(s, FrameOptions(sample=wrong))
    view.set_frame(frame)
    L = len(frame.sizes) - 1
    deltas = [np.abs(frame.nodes[c]).mean() for c in range(1, L + 1)]
    assert deltas[0] > 1e4 * deltas[-1]           # the lesson's claim, in the numbers drawn
    # ... and in the picture: node shades run from strong at the input side to faint at the output
    def strength(c):
        fills = [view.node_brush(c, i).color() for i in range(frame.sizes[c])]
        return np.mean([delta_e(_rgb(q), th.neutral) for q in fills])
    th = view.theme()
    assert strength(1) > strength(L) + 10 and strength(2) > strength(L) + 10
    # edges: the range slid up to the largest dL/dW, so widths differ instead of all being the widest
    peak = max(np.abs(e[np.isfinite(e)]).max() for e in frame.edges)
    lo, hi = view.drawn_gradient_range()
    assert hi >= np.log10(peak) > hi - 1 and hi > view.gradient_range()[1]
    widths = {view.bin_pen(view.edge_bin(l, i, j)).widthF()
              for l, e in enumerate(frame.edges) for i in range(e.shape[0]) for j in range(e.shape[1])}
    assert len(widths) >= 4
