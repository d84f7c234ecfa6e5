"""Exports of a session for use outside the window.

``code_for(session, "pytorch" | "keras")`` writes the network and its training
set-up as framework code (text only: no framework is imported here).

Pictures and animations need Qt and are imported on demand:
:mod:`nnviz.export.images` (PNG at any scale, SVG, the clipboard),
:mod:`nnviz.export.offscreen` (a view of a session drawn without a screen) and
:mod:`nnviz.export.animation` (one step or a training run as GIF or MP4).
"""

from .code import FRAMEWORKS, code_for, keras_code, pytorch_code

__all__ = ["FRAMEWORKS", "code_for", "keras_code", "pytorch_code"]
