"""Color themes, the sign colormap and the class palette (no Qt here).

Colors are ``(r, g, b)`` tuples of ints 0..255.  Every color means one thing:

* **Signs** (weights, gradients, deltas, neuron values): a diverging map from
  violet (negative) through a neutral grey (zero) to olive green (positive).  Each
  half is a straight line in CIELAB, so equal steps of the value are equal
  steps of perceived color, and both ends have about the same lightness, so
  neither sign looks "stronger".  Purple and green stay apart for the three
  common color-vision deficiencies (they differ along the blue-yellow axis
  that dichromats keep).  An exact zero has its own grey (``Theme.zero``).
* **Classes** (data points and the probability of each class): the Okabe–Ito
  palette, nudged by at most ΔE 16 so that every pair of the eight colors is
  at least ΔE 24 apart for normal vision and simulated protanopia,
  deuteranopia and tritanopia (tests/test_ui_palette.py checks it).  Class 0
  is orange and class 1 blue, as in TensorFlow Playground.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

RGB = tuple[int, int, int]


def hex_rgb(code: str) -> RGB:
    """``"#f59322"`` -> ``(245, 147, 34)``."""
    code = code.lstrip("#")
    return int(code[0:2], 16), int(code[2:4], 16), int(code[4:6], 16)


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear blend in sRGB: ``t = 0`` gives ``a``, ``t = 1`` gives ``b``."""
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


# -- CIELAB (D65), for maps whose steps look equal ---------------------------------------------
_XYZ_OF_RGB = np.array([[0.4124564, 0.3575761, 0.1804375],
                        [0.2126729, 0.7151522, 0.0721750],
                        [0.0193339, 0.1191920, 0.9503041]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def srgb_to_linear(rgb) -> np.ndarray:
    """sRGB 0..255 -> linear light 0..1 (any leading shape, last axis 3)."""
    c = np.asarray(rgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(lin) -> np.ndarray:
    """Linear light 0..1 -> sRGB 0..255 (float, clipped to the gamut)."""
    c = np.clip(np.asarray(lin, dtype=float), 0.0, 1.0)
    return 255.0 * np.where(c <= 0.0031308, 12.92 * c, 1.055 * c ** (1 / 2.4) - 0.055)


def rgb_to_lab(rgb) -> np.ndarray:
    """sRGB 0..255 -> CIELAB ``(L*, a*, b*)`` under D65 (last axis 3)."""
    xyz = srgb_to_linear(rgb) @ _XYZ_OF_RGB.T / _WHITE
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]),
                     200 * (f[..., 1] - f[..., 2])], axis=-1)


def lab_to_rgb(lab) -> np.ndarray:
    """CIELAB -> sRGB 0..255 (float, clipped to the gamut)."""
    lab = np.asarray(lab, dtype=float)
    fy = (lab[..., 0] + 16) / 116
    f = np.stack([fy + lab[..., 1] / 500, fy, fy - lab[..., 2] / 200], axis=-1)
    xyz = np.where(f > 6 / 29, f ** 3, 3 * (6 / 29) ** 2 * (f - 4 / 29)) * _WHITE
    return linear_to_srgb(xyz @ np.linalg.inv(_XYZ_OF_RGB).T)


def lab_ramp(a: RGB, b: RGB, t) -> np.ndarray:
    """Colors at fractions ``t`` (array) of the straight CIELAB line from ``a`` to ``b``; float 0..255."""
    t = np.asarray(t, dtype=float)[..., None]
    la, lb = rgb_to_lab(a), rgb_to_lab(b)
    return lab_to_rgb(la + (lb - la) * t)


def diverging_rgb(negative: RGB, middle: RGB, positive: RGB, t) -> np.ndarray:
    """``t`` in [-1, 1] -> float RGB: ``middle`` at 0, ``negative`` at -1, ``positive`` at +1."""
    t = np.clip(np.asarray(t, dtype=float), -1.0, 1.0)
    lo = lab_ramp(middle, negative, np.abs(t))
    hi = lab_ramp(middle, positive, np.abs(t))
    return np.where((t < 0)[..., None], lo, hi)


# Okabe–Ito (orange, blue, bluish green, reddish purple, vermillion, sky blue,
# yellow, black), each moved by at most ΔE 14 until every pair is ≥ ΔE 25 apart
# for normal and the three simulated dichromat visions.  On a dark background
# the blue is lighter (ΔE ≥ 50 from the background), the last color a light
# grey instead of black, and every pair stays ≥ ΔE 24 apart.
CLASS_HEX = ("#ea9013", "#03518c", "#249b61", "#b17ea4", "#b93d00", "#74d6ff", "#ffff41", "#000000")
CLASS_HEX_DARK = ("#eb9b36", "#2967ad", "#1aa861", "#a36389", "#b84904", "#75d9ff", "#fadb02", "#f2f2f2")

# The sign map's ends per theme, (negative, positive): a violet and an olive green of the same
# lightness. Class 2 is a bluish green, so the positive sign is a yellower green (pastel on the dark
# background); each end stays >= ΔE 22 from class colors 0-2 for normal and the three dichromat
# visions (tests/test_ui_palette.py). The plots' themes take the same two colors.
SIGN_HEX = {"light": ("#8e14e8", "#5a6a0a"), "dark": ("#eac6fc", "#aeeaba"), "contrast": ("#7e00d8", "#4e5a08")}


@dataclass(frozen=True)
class Theme:
    """Everything the network view paints with, for one look."""

    name: str
    background: RGB
    text: RGB
    faint_text: RGB
    negative: RGB          # sign colors of edges, nodes and heatmaps (purple)
    positive: RGB          # (green)
    neutral: RGB           # the middle of the sign map (heatmaps, node fills)
    zero: RGB              # an edge whose value is exactly 0 (e.g. a step unit's gradient)
    classes: tuple[RGB, ...]   # class 0, 1, ...: output neurons that are class probabilities
    unknown: RGB           # node not known yet at this phase
    diverged: RGB          # NaN / inf
    disabled: RGB          # neuron switched off by the user
    outline: RGB           # node rim
    selection: RGB
    forward: RGB           # lit band colors by direction
    backward: RGB
    update: RGB
    glare: RGB             # halo behind edges above the gradient range
    edge_floor: float = 0.18   # how much of the edge color the faintest level keeps
    min_width: float = 1.0     # edge width of the weakest level, px (before line scale)
    max_width: float = 5.0     # edge width of the strongest in-range level, px

    def diverging(self, t: float) -> RGB:
        """Color of ``t`` in [-1, 1] on the sign map (clipped)."""
        rgb = diverging_rgb(self.negative, self.neutral, self.positive, float(t))
        return tuple(int(v) for v in np.rint(rgb))  # type: ignore[return-value]

    def class_color(self, k: int) -> RGB:
        """Color of class ``k`` (the palette repeats after its last color)."""
        return self.classes[k % len(self.classes)]


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background=hex_rgb("#ffffff"),
        text=hex_rgb("#303030"),
        faint_text=hex_rgb("#707070"),
        negative=hex_rgb(SIGN_HEX["light"][0]),
        positive=hex_rgb(SIGN_HEX["light"][1]),
        neutral=hex_rgb("#e6e6e6"),
        zero=hex_rgb("#a0a0a0"),
        classes=tuple(hex_rgb(c) for c in CLASS_HEX),
        unknown=hex_rgb("#c4c7c9"),
        diverged=hex_rgb("#c2188f"),
        disabled=hex_rgb("#4a4a4a"),
        outline=hex_rgb("#7a7f83"),
        selection=hex_rgb("#111111"),
        forward=hex_rgb("#2e9e4f"),
        backward=hex_rgb("#d63a3a"),
        update=hex_rgb("#8a4fc4"),
        glare=hex_rgb("#ffcf33"),
    ),
    "dark": Theme(
        name="dark",
        background=hex_rgb("#1b1d21"),
        text=hex_rgb("#e4e4e4"),
        faint_text=hex_rgb("#a0a0a0"),
        negative=hex_rgb(SIGN_HEX["dark"][0]),
        positive=hex_rgb(SIGN_HEX["dark"][1]),
        neutral=hex_rgb("#3c3c3c"),
        zero=hex_rgb("#8c8c8c"),
        classes=tuple(hex_rgb(c) for c in CLASS_HEX_DARK),
        unknown=hex_rgb("#5a5f66"),
        diverged=hex_rgb("#ff4fd8"),
        disabled=hex_rgb("#0c0c0c"),
        outline=hex_rgb("#9aa0a6"),
        selection=hex_rgb("#ffffff"),
        forward=hex_rgb("#52d17a"),
        backward=hex_rgb("#ff6464"),
        update=hex_rgb("#b98cff"),
        glare=hex_rgb("#fff06a"),
        edge_floor=0.25,
    ),
    # For projectors: pure white, darker sign colors, black text,
    # and a higher floor so faint edges survive a washed-out beamer.
    "contrast": Theme(
        name="contrast",
        background=hex_rgb("#ffffff"),
        text=hex_rgb("#000000"),
        faint_text=hex_rgb("#303030"),
        negative=hex_rgb(SIGN_HEX["contrast"][0]),
        positive=hex_rgb(SIGN_HEX["contrast"][1]),
        neutral=hex_rgb("#dcdcdc"),
        zero=hex_rgb("#808080"),
        classes=tuple(hex_rgb(c) for c in CLASS_HEX),
        unknown=hex_rgb("#a8a8a8"),
        diverged=hex_rgb("#cc0099"),
        disabled=hex_rgb("#000000"),
        outline=hex_rgb("#000000"),
        selection=hex_rgb("#000000"),
        forward=hex_rgb("#009e73"),
        backward=hex_rgb("#e00000"),
        update=hex_rgb("#7030a0"),
        glare=hex_rgb("#ffc000"),
        edge_floor=0.35,
        min_width=1.5,
        max_width=6.0,
    ),
}


def get_theme(name: str) -> Theme:
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"theme: expected one of {sorted(THEMES)}, got {name!r}") from None


def diverging_lut(theme: Theme, n: int = 256) -> np.ndarray:
    """Sign map as a lookup table ``(n, 4)`` uint8 RGBA from -1 (index 0) to +1 (index n-1)."""
    rgb = diverging_rgb(theme.negative, theme.neutral, theme.positive, np.linspace(-1.0, 1.0, n))
    return _rgba(rgb)


def class_lut(theme: Theme, k: int, n_outputs: int, n: int = 256) -> np.ndarray:
    """Lookup table ``(n, 4)`` for output neuron ``k`` whose value ``2p - 1`` is in [-1, 1].

    One output (a sigmoid: the probability of class 1) runs from class 0's
    color through neutral to class 1's; with several outputs (softmax) neuron
    ``k`` runs from neutral (p = 0) to class ``k``'s color (p = 1).
    """
    t = np.linspace(-1.0, 1.0, n)
    if n_outputs == 1:
        rgb = diverging_rgb(theme.class_color(0), theme.neutral, theme.class_color(1), t)
    else:
        rgb = lab_ramp(theme.neutral, theme.class_color(k), (t + 1.0) / 2.0)
    return _rgba(rgb)


def _rgba(rgb: np.ndarray) -> np.ndarray:
    lut = np.empty((len(rgb), 4), np.uint8)
    lut[:, :3] = np.clip(np.rint(rgb), 0, 255).astype(np.uint8)
    lut[:, 3] = 255
    return lut


def heatmap_rgba(values: np.ndarray, lut: np.ndarray, diverged: RGB) -> np.ndarray:
    """Map a 2-D array in [-1, 1] to an RGBA image ``(H, W, 4)`` through ``lut``.

    NaN and inf are painted ``diverged``; finite values outside [-1, 1] are
    clipped.
    """
    v = np.asarray(values, dtype=float)
    finite = np.isfinite(v)
    n = len(lut)
    idx = np.rint((np.where(finite, np.clip(v, -1.0, 1.0), 0.0) + 1.0) * (0.5 * (n - 1)))
    out = lut[idx.astype(np.intp)]
    if not finite.all():
        out[~finite, :3] = diverged
    return out
