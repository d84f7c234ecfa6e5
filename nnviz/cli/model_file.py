"""Opening a PyTorch ``state_dict`` file (.pt, .pth) wherever an experiment file is taken.

``nnviz model.pt --activations relu,sigmoid`` and ``nnviz render model.pt
--activations relu,sigmoid --out net.png``: a state_dict holds the layers'
tensors but not their activations, so ``--activations`` names one per Linear
layer. The last one also chooses the loss: sigmoid -> bce, softmax ->
cross_entropy, anything else -> mse. The data set is the built-in one of the
model's shape (nnviz.torch.from_module). The file is read by
:func:`nnviz.torch.load_state_dict_file` with ``torch.load(...,
weights_only=True)``; a pickled module or any other bad file is one line
and exit status 2, like a bad experiment file.

torch is an optional extra, so it is imported when a model file is opened,
not when nnviz starts.
"""

from __future__ import annotations

from pathlib import Path

MODEL_SUFFIXES = (".pt", ".pth")
ACTIVATIONS_HELP = ("for a PyTorch state_dict file (.pt, .pth): the activation after each Linear layer, "
                    "comma-separated, e.g. relu,relu,sigmoid (linear for none)")


def is_model_file(path: str | None) -> bool:
    return path is not None and Path(path).suffix.lower() in MODEL_SUFFIXES


def loss_for(activations: list[str]) -> str:
    """The loss a model ending in this activation is trained with, as nnviz understands it."""
    return {"sigmoid": "bce", "softmax": "cross_entropy"}.get(activations[-1], "mse")


def load_model_file(path: str, activations: str | None):
    """A session from a state_dict file; ValueError with the reason, one line (the caller exits with it)."""
    name = Path(path).name
    if not activations:
        raise ValueError(f"{name}: a PyTorch state_dict needs --activations, one per Linear layer "
                       "(e.g. relu,relu,sigmoid)")
    names = [a.strip().lower() for a in activations.split(",")]
    try:
        from nnviz.torch import load_state_dict_file
    except ImportError:
        raise ValueError(f"{name}: opening a PyTorch file needs torch: pip install 'nnviz[torch]'") from None
    return load_state_dict_file(path, names, loss=loss_for(names))
