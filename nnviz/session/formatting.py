"""Numbers as every surface prints them: the window, presenter mode, the inspector, pictures and captions.

One formatter, so the same value reads the same everywhere:

* ``digits`` significant digits (``%g``: no trailing zeros, exponent for very
  large or small values);
* NaN is ``NaN``, infinities keep their sign (``inf``, ``-inf``) -- a diverged
  run shows which way it went;
* ``-0`` is ``0``;
* an unknown value (None: not computed yet in this phase) is ``—``.
"""

from __future__ import annotations

import math

UNKNOWN = "—"


def format_number(x: float | None, digits: int = 4) -> str:
    """``x`` with ``digits`` significant digits; ``NaN``, ``inf``, ``-inf``; ``—`` for None."""
    if x is None:
        return UNKNOWN
    v = float(x)
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "inf" if v > 0 else "-inf"
    text = f"{v:.{digits}g}"
    return "0" if text == "-0" else text


def format_percent(x: float | None, decimals: int = 1) -> str:
    """A fraction as a percentage, ``0.953`` -> ``95.3%``; non-finite values as :func:`format_number`."""
    if x is None:
        return UNKNOWN
    v = float(x)
    if not math.isfinite(v):
        return format_number(v)
    return f"{100 * v:.{decimals}f}%"
