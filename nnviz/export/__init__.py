"""Exports of a session for use outside the window.

``code_for(session, "pytorch" | "keras")`` writes the network and its training
set-up as framework code (text only: no framework is imported here).

Nothing here imports Qt: :mod:`nnviz.export.animation` plans a recording
and encodes its frames as GIF or MP4; the pictures themselves are drawn by
:mod:`nnviz.ui.render` (a view of a session without a screen),
:mod:`nnviz.ui.images` (PNG at any scale, SVG, the clipboard) and
:mod:`nnviz.ui.recording` (a picture's frames as an animation).
"""

from .code import FRAMEWORKS, code_for, keras_code, pytorch_code

__all__ = ["FRAMEWORKS", "code_for", "keras_code", "pytorch_code"]
