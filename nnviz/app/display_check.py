"""Before the window: is there a display, and are the system libraries a real window needs installed?

Without them Qt aborts the process (exit status 134) with a message about
"xcb-cursor0" that can hide another missing library. :func:`display_problem`
finds out first, without Qt: it reads the environment (``QT_QPA_PLATFORM``,
``DISPLAY``, ``WAYLAND_DISPLAY``) and, when Qt is going to use X11 (xcb),
loads each library Qt's xcb platform links against by its soname. The answer
is one line naming what is missing and the ``apt-get`` line that installs it.
Platforms that draw without a screen (offscreen, minimal) need no display.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# (soname, Debian package): the libraries Qt's xcb platform and its OpenGL, fonts and
# input handling load; the last ones are needed by every platform, screen or not.
WINDOW_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"), ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-image.so.0", "libxcb-image0"), ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"), ("libxcb-render.so.0", "libxcb-render0"),
    ("libxcb-shape.so.0", "libxcb-shape0"), ("libxcb-util.so.1", "libxcb-util1"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"), ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
)
BASE_LIBRARIES = (
    ("libglib-2.0.so.0", "libglib2.0-0"), ("libGL.so.1", "libgl1"), ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"), ("libxkbcommon.so.0", "libxkbcommon0"),
    ("libdbus-1.so.3", "libdbus-1-3"),
)
SCREENLESS = ("offscreen", "minimal")


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def _platform(environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will pick: QT_QPA_PLATFORM's first choice, else wayland or xcb as Qt 6 does."""
    asked = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if asked:
        return asked
    if environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland":
        return "wayland"
    return "xcb"


def display_problem(environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads,
                    system: str | None = None) -> str | None:
    """One line saying why no window can open here and how to fix it; None when it can.

    ``environ``, ``loads`` (soname -> loadable?) and ``system`` (sys.platform) are for tests.
    """
    environ = os.environ if environ is None else environ
    if not (system or sys.platform).startswith("linux"):
        return None
    platform = _platform(environ)
    if platform in SCREENLESS:
        return None
    if not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY"):
        return ("no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set): start nnviz "
                "inside a desktop session, or use nnviz render / nnviz animate, which need no screen")
    if platform == "xcb" and not environ.get("DISPLAY"):
        return ("QT_QPA_PLATFORM=xcb needs an X display, and DISPLAY is not set: unset QT_QPA_PLATFORM "
                "to use Wayland, or start nnviz inside an X session")
    needed = BASE_LIBRARIES + (WINDOW_LIBRARIES if platform == "xcb" else ())
    missing = [package for soname, package in needed if not loads(soname)]
    if missing:
        return (f"a window needs system libraries that are not installed ({', '.join(missing)}); install them "
                f"with: sudo apt-get install --no-install-recommends {' '.join(missing)}")
    return None
