"""Exports of a session: framework code now (``code_for``), files for slides later.

No Qt and no deep-learning framework is imported here; code export returns text.
"""

from .code import FRAMEWORKS, code_for, keras_code, pytorch_code

__all__ = ["FRAMEWORKS", "code_for", "keras_code", "pytorch_code"]
