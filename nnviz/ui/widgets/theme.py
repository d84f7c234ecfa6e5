"""Colors and palettes shared by the plot views (boundary, curves, gradients, health).

Three themes: ``light`` (default, paper-like), ``dark`` and ``contrast``
(white background, black text, saturated colors, a stronger grid; for
projectors).  Colors are ``#rrggbb`` strings and this module does not import
Qt; the helpers that build lookup tables return numpy arrays.

The binary surface uses the diverging orange ↔ blue map made familiar by
TensorFlow Playground: class 0 / negative is orange, class 1 / positive is
blue, an undecided 0.5 is nearly the background color.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

THEME_NAMES = ("light", "dark", "contrast")

# Class colors 2 and up (classes 0 and 1 take the theme's orange and blue):
# colors that stay distinct from both and from each other.
CLASS_COLORS = (
    "#f59322",  # orange (class 0 in the light theme)
    "#0877bd",  # blue (class 1 in the light theme)
    "#2ca02c",  # green
    "#c51b7d",  # magenta
    "#8c564b",  # brown
    "#9467bd",  # purple
    "#17becf",  # cyan
    "#bcbd22",  # olive
    "#e41a1c",  # red
    "#7f7f7f",  # grey
)

# One color per health label; see nnviz.ui.panels.health_strip for their meaning.
HEALTH_COLORS = {
    "healthy": "#2e8b3e",
    "vanishing": "#5b7fa6",
    "exploding": "#d62728",
    "dead": "#3a3a3a",
    "saturated": "#f28e2b",
    "diverged": "#c2188f",
}
UNKNOWN_HEALTH_COLOR = "#9a9a9a"


@dataclass(frozen=True)
class Theme:
    """Colors of one theme.  All values are ``#rrggbb`` strings.

    Background, text, the orange/blue pair, the neutral midpoint and the
    divergence color agree with the network view's themes
    (``nnviz.ui.widgets.colors``) so the window looks like one piece.
    """

    name: str
    background: str
    foreground: str          # axes, tick labels, titles
    muted: str               # secondary text, the y = x diagonal
    grid_alpha: float        # 0..1, opacity of grid lines
    negative: str            # class 0, low values: orange
    positive: str            # class 1, high values: blue
    surface_mid: str         # color of an undecided 0.5 on the diverging map
    surface_strength: float  # 0..1, how strongly the surface is tinted over the background
    point_outline: str       # outline of filled (training) points
    train: str               # train loss line
    test: str                # test loss line
    best: str                # early-stopping marker
    diverged: str            # divergence marker and banner
    extra: tuple[str, ...] = field(default=("#2ca02c", "#9467bd", "#8c564b", "#17becf"))

    def class_colors(self) -> tuple[str, ...]:
        """Colors of classes 0, 1, 2, ... (cycle with ``k % len``)."""
        return (self.negative, self.positive) + CLASS_COLORS[2:]


THEMES = {
    "light": Theme(
        name="light", background="#ffffff", foreground="#303030", muted="#707070",
        grid_alpha=0.25, negative="#f59322", positive="#0877bd", surface_mid="#e8eaeb",
        surface_strength=0.75, point_outline="#ffffff", train="#1f5fa8", test="#e8731a",
        best="#2e8b3e", diverged="#c2188f",
    ),
    "dark": Theme(
        name="dark", background="#1b1d21", foreground="#e4e4e4", muted="#a0a0a0",
        grid_alpha=0.22, negative="#ff9d3b", positive="#3ea6f2", surface_mid="#3a3e44",
        surface_strength=0.8, point_outline="#101010", train="#5aa9f0", test="#f5a347",
        best="#5ccf6c", diverged="#ff4fd8", extra=("#7fd67f", "#c6a3ff", "#e0a07a", "#5fe0ee"),
    ),
    # For projectors: white background, black text, saturated Okabe-Ito orange/blue.
    "contrast": Theme(
        name="contrast", background="#ffffff", foreground="#000000", muted="#303030",
        grid_alpha=0.35, negative="#d55e00", positive="#0050a0", surface_mid="#dcdcdc",
        surface_strength=0.85, point_outline="#000000", train="#0050a0", test="#d55e00",
        best="#009e73", diverged="#cc0099", extra=("#009e73", "#7030a0", "#8c564b", "#0090b0"),
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
    """Orange -> mid -> blue lookup table, (n, 3) uint8, blended toward the background.

    ``strength`` (default ``theme.surface_strength``) is how much of the pure
    color survives; 1 gives the full map, smaller values wash it toward the
    background so the data points on top stay readable.
    """
    s = theme.surface_strength if strength is None else strength
    t = np.linspace(-1.0, 1.0, n)
    lo, mid, hi = hex_to_rgb(theme.negative), hex_to_rgb(theme.surface_mid), hex_to_rgb(theme.positive)
    w = np.abs(t)[:, None]
    end = np.where(t[:, None] < 0, lo, hi)
    rgb = mid + w * (end - mid)
    rgb = blend(rgb, hex_to_rgb(theme.background), s)
    return np.clip(np.rint(rgb), 0, 255).astype(np.uint8)


def sample_layer_colors(n: int, theme: Theme) -> list[str]:
    """``n`` colors ordered from the input side to the output side.

    A perceptually ordered ramp (dark blue -> teal -> yellow-green, viridis
    samples) so "layer 1 … L" reads as a sequence; the ramp end that would
    vanish into the background is cut off per theme.
    """
    stops = np.array([  # viridis at 0, 0.125, ..., 1
        [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
        [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37]], dtype=float)
    lo, hi = (0.0, 0.75) if theme.name != "dark" else (0.22, 1.0)
    ts = np.array([0.5 * (lo + hi)]) if n == 1 else np.linspace(lo, hi, n)
    pos = ts * (len(stops) - 1)
    i = np.minimum(pos.astype(int), len(stops) - 2)
    f = (pos - i)[:, None]
    rgb = np.rint(stops[i] * (1 - f) + stops[i + 1] * f).astype(int)
    return ["#%02x%02x%02x" % tuple(c) for c in rgb]
