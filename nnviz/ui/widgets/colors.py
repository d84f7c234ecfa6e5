"""Color themes and the diverging colormap of the network view (no Qt here).

Colors are ``(r, g, b)`` tuples of ints 0..255.  The diverging scale follows
TensorFlow Playground: orange for negative, blue for positive, a pale neutral
near zero; it stays readable on a projector and for the common color-vision
deficiencies (orange/blue differ in lightness as well as hue).
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
    """Linear blend: ``t = 0`` gives ``a``, ``t = 1`` gives ``b``."""
    return tuple(int(round(x + (y - x) * t)) for x, y in zip(a, b))  # type: ignore[return-value]


@dataclass(frozen=True)
class Theme:
    """Everything the network view paints with, for one look."""

    name: str
    background: RGB
    text: RGB
    faint_text: RGB
    negative: RGB          # sign colors of edges, nodes and heatmaps
    positive: RGB
    neutral: RGB           # the value zero in the diverging scale
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
        """Color of ``t`` in [-1, 1] on the diverging scale (clipped)."""
        t = float(np.clip(t, -1.0, 1.0))
        return mix(self.neutral, self.negative if t < 0 else self.positive, abs(t))


THEMES: dict[str, Theme] = {
    "light": Theme(
        name="light",
        background=hex_rgb("#ffffff"),
        text=hex_rgb("#303030"),
        faint_text=hex_rgb("#707070"),
        negative=hex_rgb("#f59322"),
        positive=hex_rgb("#0877bd"),
        neutral=hex_rgb("#e8eaeb"),
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
        negative=hex_rgb("#ff9d3b"),
        positive=hex_rgb("#3ea6f2"),
        neutral=hex_rgb("#3a3e44"),
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
    # For projectors: pure white, saturated Okabe-Ito orange/blue, black text,
    # and a higher floor so faint edges survive a washed-out beamer.
    "contrast": Theme(
        name="contrast",
        background=hex_rgb("#ffffff"),
        text=hex_rgb("#000000"),
        faint_text=hex_rgb("#303030"),
        negative=hex_rgb("#d55e00"),
        positive=hex_rgb("#0050a0"),
        neutral=hex_rgb("#dcdcdc"),
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
    """Lookup table ``(n, 4)`` uint8 RGBA from -1 (index 0) to +1 (index n-1)."""
    t = np.linspace(-1.0, 1.0, n)
    neutral = np.array(theme.neutral, float)
    neg = np.array(theme.negative, float)
    pos = np.array(theme.positive, float)
    a = np.abs(t)[:, None]
    end = np.where(t[:, None] < 0, neg, pos)
    rgb = neutral + (end - neutral) * a
    lut = np.empty((n, 4), np.uint8)
    lut[:, :3] = np.rint(rgb).astype(np.uint8)
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
