"""The engine: a numpy MLP that records every forward and backward quantity.

Public API (DESIGN section 1): ``Network.from_spec``, ``Network.forward``,
``Network.backward``, ``make_optimizer``. No Qt here, ever.
"""

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from .clipping import clip_grad_norm, global_norm
from .gradcheck import masks_of, numeric_grad, relative_error
from .initializers import INITIALIZERS
from .losses import LOSSES
from .network import Network
from .optimizers import OPTIMIZERS, make_optimizer
from .spec import validate_spec
from .trace import LayerTrace, Trace

__all__ = [
    "ACTIVATIONS", "HIDDEN_ACTIVATIONS", "INITIALIZERS", "LOSSES", "OPTIMIZERS",
    "LayerTrace", "Network", "Trace", "clip_grad_norm", "global_norm", "make_optimizer",
    "masks_of", "numeric_grad", "relative_error", "validate_spec",
]
