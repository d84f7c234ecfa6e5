"""A session's network and training set-up written out as PyTorch or Keras code.

:func:`pytorch_code` (:mod:`.pytorch`, :mod:`.pytorch_training`) writes a
complete PyTorch script whose parts a test can compare with the engine number
for number; :func:`keras_code` (:mod:`.keras`) writes Keras 3 code in lecture
style. Both read the session through :mod:`.common`.

No framework is imported here: the output is text.
"""

from .common import MAX_EMBEDDED_VALUES
from .keras import keras_code
from .pytorch import pytorch_code

FRAMEWORKS = ("pytorch", "keras")

__all__ = ["FRAMEWORKS", "MAX_EMBEDDED_VALUES", "code_for", "keras_code", "pytorch_code"]


def code_for(session, framework, weights=True):
    """Code for ``framework`` ("pytorch" or "keras"); ValueError names the allowed values."""
    if framework == "pytorch":
        return pytorch_code(session, weights=weights)
    if framework == "keras":
        return keras_code(session, weights=weights)
    raise ValueError(f"framework: {framework!r} is not one of {', '.join(FRAMEWORKS)}")
