"""One number formatter for every surface: digits, NaN, signed infinities, -0 and unknown values."""

import math
import subprocess
import sys

import numpy as np
import pytest

from nnviz.session.formatting import UNKNOWN, format_number, format_percent


@pytest.mark.parametrize("value, digits, text", [
    (0.123456789, 4, "0.1235"),
    (0.123456789, 3, "0.123"),
    (123456.0, 4, "1.235e+05"),
    (1e-7, 4, "1e-07"),
    (2.0, 4, "2"),
    (-2.5, 4, "-2.5"),
    (-0.0, 4, "0"),
    (-1e-30, 2, "-1e-30"),
    (float("nan"), 4, "NaN"),
    (float("inf"), 4, "inf"),
    (float("-inf"), 4, "-inf"),
    (None, 4, UNKNOWN),
])
def test_format_number(value, digits, text):
    assert format_number(value, digits) == text


def test_numpy_scalars_format_like_floats():
    assert format_number(np.float32(0.5)) == "0.5"
    assert format_number(np.float64("-inf")) == "-inf"
    assert format_number(np.int64(7)) == "7"


@pytest.mark.parametrize("value, text", [
    (0.953, "95.3%"), (1.0, "100.0%"), (0.0, "0.0%"),
    (float("nan"), "NaN"), (float("-inf"), "-inf"), (None, UNKNOWN),
])
def test_format_percent(value, text):
    assert format_percent(value) == text


def test_the_sign_of_infinity_is_never_dropped():
    for digits in range(1, 8):
        assert format_number(-math.inf, digits).startswith("-")


def test_formatting_loads_no_qt():
    code = ("import sys, nnviz.session.formatting\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]", proc.stderr
