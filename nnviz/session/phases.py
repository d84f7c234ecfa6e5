"""The phases of one training step, in the order the window animates them.

forward(1) ... forward(L), loss, backward(L) ... backward(1), update.
Layers are numbered from 1 (the first hidden layer) to L (the output layer),
as on the lecture slides. Before the first step the session is "ready".
"""

from dataclasses import dataclass

from .language import QT_TRANSLATE_NOOP, shown

_KIND_NAMES = {"ready": QT_TRANSLATE_NOOP("Phase", "ready"), "loss": QT_TRANSLATE_NOOP("Phase", "loss"),
               "update": QT_TRANSLATE_NOOP("Phase", "update")}


@dataclass(frozen=True)
class Phase:
    """kind: ready|forward|loss|backward|update; layer: 1..L for forward/backward, else None;
    step: the 0-based index of the step shown (for "ready": the steps completed so far);
    index: position in the step's phase list (-1 for ready)."""

    kind: str
    layer: int | None
    step: int
    index: int

    def label(self):
        """Short text for counters and status bars, in the window's language (language.shown)."""
        if self.kind == "forward":
            return shown("Phase", QT_TRANSLATE_NOOP("Phase", "forward layer {0}")).format(self.layer)
        if self.kind == "backward":
            return shown("Phase", QT_TRANSLATE_NOOP("Phase", "backward layer {0}")).format(self.layer)
        return shown("Phase", _KIND_NAMES.get(self.kind, self.kind))


def phase_list(n_layers):
    """(kind, layer) pairs of one step for a network of n_layers layers."""
    return ([("forward", k) for k in range(1, n_layers + 1)] + [("loss", None)]
            + [("backward", k) for k in range(n_layers, 0, -1)] + [("update", None)])
