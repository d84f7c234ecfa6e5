"""Exports of a session for use outside the window.

``code_for(session, "pytorch" | "keras")`` writes the network and its training
set-up as framework code (text only: no framework is imported here).
"""

from .code import FRAMEWORKS, code_for, keras_code, pytorch_code

__all__ = ["FRAMEWORKS", "code_for", "keras_code", "pytorch_code"]
