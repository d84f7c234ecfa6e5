"""Your own PyTorch model in nnviz (``pip install 'nnviz[torch]'``).

The only part of nnviz that imports torch:

- :func:`from_module` / :func:`to_module`: an ``nn.Sequential`` MLP as an
  nnviz session and back, weights, biases, batch-norm parameters and
  running statistics included (:mod:`.convert`);
- :func:`load_state_dict_file`: a saved ``state_dict`` of such a model,
  read with ``torch.load(..., weights_only=True)`` (:mod:`.state_file`);
- :func:`watch`: per-layer gradient norms, mean |delta|, update ratios and
  health labels of your own training loop (:mod:`.watch`).
"""

from .convert import from_module, to_module
from .state_file import load_state_dict_file
from .watch import Watcher, watch

__all__ = ["Watcher", "from_module", "load_state_dict_file", "to_module", "watch"]
