"""Which layers of edges are drawn again this frame, when a frame may redraw only so many edges.

Rasterising edges is most of a crowded net's frame: 28 864 edges of an
8×64 net cost Qt's raster engine 20–80 ms on the machines measured, and a
training step moves a few edges of every layer into another bin, so every
layer would be drawn whole on every frame.  While playing, the window gives
the network view a budget of edges per frame; layers whose bins changed take
turns, the longest-waiting first, and the others keep showing their picture
of a frame or two before (each is still a true picture of one recent step).
Pausing draws every waiting layer.  With no budget (stepping, pictures) every
changed layer is drawn at once.  No Qt here: the view asks, then draws.
"""

from __future__ import annotations


class EdgeTurns:
    """The layers waiting for a redraw, and how many frames each has waited."""

    def __init__(self) -> None:
        self.budget: int | None = None      # edges a frame may redraw; None: no limit
        self._waited: dict[int, int] = {}

    def waiting(self) -> list[int]:
        return sorted(self._waited)

    def clear(self) -> None:
        self._waited.clear()

    def choose(self, differing: list[int], edges: list[int], everything: bool = False) -> list[int]:
        """Layers to draw now, out of ``differing`` (those showing other bins than they should);
        ``edges[l]``: layer ``l``'s edge count.  The longest-waiting go first while the budget
        lasts; one layer is always drawn, so a layer larger than the budget still gets its turn.
        With no budget, or ``everything`` (a pause, a picture), all of them."""
        self._waited = {l: self._waited.get(l, 0) for l in differing}
        if self.budget is None or everything:
            self._waited.clear()
            return sorted(differing)
        chosen, spent = [], 0
        for l in sorted(self._waited, key=lambda l: (-self._waited[l], l)):
            if chosen and spent + edges[l] > self.budget:
                continue
            chosen.append(l)
            spent += edges[l]
        for l in chosen:
            del self._waited[l]
        for l in self._waited:
            self._waited[l] += 1
        return sorted(chosen)
