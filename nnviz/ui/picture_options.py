"""What a picture's options mean: a size, a phase to stop at, a neuron, parsed from their text.

``nnviz render`` and ``nnviz animate`` take them on the command line
(``--size 1280x720`` or a slide shape, ``--phase backward:2``, ``--neuron
1:3``); each parser returns the value :class:`~nnviz.ui.render.Picture`
uses, or raises ValueError with the allowed range.
"""

from __future__ import annotations

MIN_SIDE, MAX_SIDE = 160, 8192
SLIDE_SIZES = {"16:9": (1920, 1080), "4:3": (1600, 1200)}
"""``--size`` presets: a whole slide of a 16:9 or a 4:3 presentation, in pixels."""


def parse_size(text: str) -> tuple[int, int]:
    """``"1280x720"`` -> (1280, 720), a slide preset ``"16:9"`` -> (1920, 1080) or ``"4:3"`` -> (1600, 1200)
    (see :data:`SLIDE_SIZES`); ValueError with the allowed range."""
    preset = SLIDE_SIZES.get(str(text).strip())
    if preset is not None:
        return preset
    parts = str(text).lower().replace("×", "x").split("x")
    try:
        w, h = (int(p) for p in parts)
    except ValueError:
        raise ValueError(f"size must be WIDTHxHEIGHT in pixels (e.g. 1280x720) or a slide shape "
                         f"({' or '.join(SLIDE_SIZES)}), got {text!r}") from None
    for v in (w, h):
        if not MIN_SIDE <= v <= MAX_SIDE:
            raise ValueError(f"size {text!r}: each side must be {MIN_SIDE} to {MAX_SIDE} pixels")
    return w, h


def parse_phase(text: str, n_layers: int) -> tuple[str, int | None]:
    """``"forward:2"``, ``"loss"``, ``"backward:3"``, ``"update"`` -> (kind, layer)."""
    kind, _, layer = str(text).partition(":")
    kind = kind.strip().lower()
    if kind in ("loss", "update") and not layer:
        return kind, None
    if kind in ("forward", "backward"):
        try:
            k = int(layer)
        except ValueError:
            raise ValueError(f"phase {text!r}: {kind} needs a layer, e.g. {kind}:1") from None
        if not 1 <= k <= n_layers:
            raise ValueError(f"phase {text!r}: this network has layers 1 to {n_layers}")
        return kind, k
    raise ValueError(f"phase {text!r}: expected forward:K, loss, backward:K or update")


def parse_neuron(text: str, sizes) -> tuple[int, int]:
    """``"2:3"`` (neuron 3 of layer 2, counted from 1) -> (2, 2): the layer and the 0-based index.

    ``sizes`` are the network's layer widths, inputs first (``Network.sizes``).
    """
    layer, _, j = str(text).partition(":")
    try:
        k, n = int(layer), int(j)
    except ValueError:
        raise ValueError(f"neuron {text!r}: expected LAYER:NEURON counted from 1, e.g. 1:1") from None
    if not 1 <= k < len(sizes):
        raise ValueError(f"neuron {text!r}: this network has layers 1 to {len(sizes) - 1}")
    if not 1 <= n <= sizes[k]:
        raise ValueError(f"neuron {text!r}: layer {k} has neurons 1 to {sizes[k]}")
    return k, n - 1
