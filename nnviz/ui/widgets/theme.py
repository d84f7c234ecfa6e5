"""Colors and palettes shared by the plot views (boundary, curves, gradients, health).

Three themes: ``light`` (default, paper-like), ``dark`` and ``contrast``
(white background, black text, saturated colors, a stronger grid; for
projectors).  Colors are ``#rrggbb`` strings and this module does not import
Qt; the helpers that build lookup tables return numpy arrays.

Each color means one thing (see ``nnviz.ui.widgets.colors``): class colors
(colour-blind-safe Okabe–Ito) for data points and class probabilities only —
the binary surface runs from class 0's orange through a neutral grey at 0.5 to
class 1's blue; signed values (weights) take the purple ↔ grey ↔ green sign
map of the network view.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nnviz.ui.widgets.colors import CLASS_HEX, CLASS_HEX_DARK, SIGN_HEX, diverging_rgb, hex_rgb

THEME_NAMES = ("light", "dark", "contrast")

# Class colors of the light themes (the dark theme has its own, see Theme.classes).
CLASS_COLORS = CLASS_HEX

# One color per health label; see nnviz.ui.panels.health_strip for their meaning.
# Okabe–Ito hues that stay apart for every color-vision deficiency, and each
# chip also carries a symbol and its label's name, so color is never the only cue.
HEALTH_COLORS = {
    "healthy": "#009e73",
    "vanishing": "#56b4e9",
    "exploding": "#d55e00",
    "dead": "#3a3a3a",
    "saturated": "#f0e442",
    "diverged": "#cc79a7",
}
HEALTH_SYMBOLS = {
    "healthy": "✓",
    "vanishing": "↓",
    "exploding": "↑",
    "dead": "✕",
    "saturated": "≈",
    "diverged": "⚠",
}
UNKNOWN_HEALTH_COLOR = "#9a9a9a"


@dataclass(frozen=True)
class Theme:
    """Colors of one theme.  All values are ``#rrggbb`` strings.

    Background, text, the class colors, the sign map and the
    divergence color agree with the network view's themes
    (``nnviz.ui.widgets.colors``) so the window looks like one piece.
    """

    name: str
    background: str
    foreground: str          # axes, tick labels, titles
    muted: str               # secondary text, the y = x diagonal
    grid_alpha: float        # 0..1, opacity of grid lines
    negative: str            # class 0: orange (= classes[0])
    positive: str            # class 1: blue (= classes[1])
    surface_mid: str         # color of an undecided 0.5 on the diverging map
    surface_strength: float  # 0..1, how strongly the surface is tinted over the background
    point_outline: str       # outline of filled (training) points
    train: str               # train loss line
    test: str                # test loss line
    best: str                # early-stopping marker
    diverged: str            # divergence marker and banner
    extra: tuple[str, ...] = field(default=("#2ca02c", "#9467bd", "#8c564b", "#17becf"))
    classes: tuple[str, ...] = CLASS_HEX
    sign_negative: str = SIGN_HEX["light"][0]   # the network view's sign map: violet ...
    sign_positive: str = SIGN_HEX["light"][1]   # ... to olive green, through surface_mid

    def class_colors(self) -> tuple[str, ...]:
        """Colors of classes 0, 1, 2, ... (cycle with ``k % len``)."""
        return self.classes


THEMES = {
    "light": Theme(
        name="light", background="#ffffff", foreground="#303030", muted="#707070",
        grid_alpha=0.25, negative=CLASS_HEX[0], positive=CLASS_HEX[1], surface_mid="#e6e6e6",
        surface_strength=0.75, point_outline="#ffffff", train="#1f5fa8", test="#e8731a",
        best="#2e8b3e", diverged="#c2188f",
    ),
    "dark": Theme(
        name="dark", background="#1b1d21", foreground="#e4e4e4", muted="#a0a0a0",
        grid_alpha=0.22, negative=CLASS_HEX_DARK[0], positive=CLASS_HEX_DARK[1], surface_mid="#3c3c3c",
        surface_strength=0.8, point_outline="#101010", train="#5aa9f0", test="#f5a347",
        best="#5ccf6c", diverged="#ff4fd8", extra=("#7fd67f", "#c6a3ff", "#e0a07a", "#5fe0ee"),
        classes=CLASS_HEX_DARK, sign_negative=SIGN_HEX["dark"][0], sign_positive=SIGN_HEX["dark"][1],
    ),
    # For projectors: white background, black text, a stronger surface.
    "contrast": Theme(
        name="contrast", background="#ffffff", foreground="#000000", muted="#303030",
        grid_alpha=0.35, negative=CLASS_HEX[0], positive=CLASS_HEX[1], surface_mid="#dcdcdc",
        surface_strength=0.85, point_outline="#000000", train="#0050a0", test="#d55e00",
        best="#009e73", diverged="#cc0099", extra=("#009e73", "#7030a0", "#8c564b", "#0090b0"),
        sign_negative=SIGN_HEX["contrast"][0], sign_positive=SIGN_HEX["contrast"][1],
    ),
}


def get_theme(name: str) -> Theme:
    """The theme called ``name``; a ValueError names the valid choices otherwise."""
    try:
        return THEMES[name]
    except KeyError:
        raise ValueError(f"unknown theme {name!r}; expected one of {', '.join(THEME_NAMES)}") from None


def hex_to_rgb(color: str) -> np.ndarray:
    """``"#rrggbb"`` -> float array (3,) in 0..255."""
    c = color.lstrip("#")
    return np.array([int(c[i:i + 2], 16) for i in (0, 2, 4)], dtype=float)


def readable_text_color(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""
    srgb = hex_to_rgb(background) / 255.0
    lin = np.where(srgb <= 0.03928, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    lum = float(lin @ np.array([0.2126, 0.7152, 0.0722]))
    return "#000000" if lum > 0.36 else "#ffffff"


def blend(fg: np.ndarray, bg: np.ndarray, alpha: float | np.ndarray) -> np.ndarray:
    """``bg + alpha * (fg - bg)`` with numpy broadcasting; colors as float 0..255."""
    return bg + alpha * (fg - bg)


def diverging_lut(theme: Theme, n: int = 256, strength: float | None = None) -> np.ndarray:
    """Class 0 -> mid -> class 1 lookup table (the probability of class 1), (n, 3) uint8.

    Each half is a straight line in CIELAB.  ``strength`` (default
    ``theme.surface_strength``) is how much of the pure color survives; 1
    gives the full map, smaller values wash it toward the background so the
    data points on top stay readable.
    """
    return _lut(theme, theme.negative, theme.positive, n, strength)


def sign_lut(theme: Theme, n: int = 256, strength: float | None = 1.0) -> np.ndarray:
    """The sign map for signed values such as weights: purple -> neutral grey -> green, (n, 3) uint8."""
    return _lut(theme, theme.sign_negative, theme.sign_positive, n, strength)


def _lut(theme: Theme, lo: str, hi: str, n: int, strength: float | None) -> np.ndarray:
    s = theme.surface_strength if strength is None else strength
    rgb = diverging_rgb(hex_rgb(lo), hex_rgb(theme.surface_mid), hex_rgb(hi), np.linspace(-1.0, 1.0, n))
    rgb = blend(rgb, hex_to_rgb(theme.background), s)
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


# viridis at 0, 0.125, ..., 1: perceptually ordered, readable for every color vision
_VIRIDIS = np.array([
    [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
    [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]], dtype=float)


def value_lut(theme: Theme, n: int = 256, strength: float | None = None) -> np.ndarray:
    """Low -> high values (a regression target or prediction): viridis, (n, 3) uint8.

    Neither a class nor a sign, so neither the class colors nor the sign map:
    a sequential map whose lightness grows with the value.  ``strength`` as
    in :func:`diverging_lut`.
    """
    s = theme.surface_strength if strength is None else strength
    pos = np.linspace(0.0, 1.0, n) * (len(_VIRIDIS) - 1)
    i = np.minimum(pos.astype(int), len(_VIRIDIS) - 2)
    f = (pos - i)[:, None]
    rgb = blend(_VIRIDIS[i] * (1 - f) + _VIRIDIS[i + 1] * f, hex_to_rgb(theme.background), s)
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


def sample_layer_colors(n: int, theme: Theme) -> list[str]:
    """``n`` colors ordered from the input side to the output side.

    A perceptually ordered ramp (dark blue -> teal -> yellow-green, viridis
    samples) so "layer 1 … L" reads as a sequence; the ramp end that would
    vanish into the background is cut off per theme.
    """
    stops = _VIRIDIS
    lo, hi = (0.0, 0.75) if theme.name != "dark" else (0.22, 1.0)
    ts = np.array([0.5 * (lo + hi)]) if n == 1 else np.linspace(lo, hi, n)
    pos = ts * (len(stops) - 1)
    i = np.minimum(pos.astype(int), len(stops) - 2)
    f = (pos - i)[:, None]
    rgb = np.rint(stops[i] * (1 - f) + stops[i + 1] * f).astype(int)
    return ["#%02x%02x%02x" % tuple(c) for c in rgb]
