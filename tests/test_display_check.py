"""Without a display or the libraries a real window needs, nnviz says so in one line and exits 1."""

import os
import subprocess
import sys
from pathlib import Path

from nnviz.app.display_check import BASE_LIBRARIES, WINDOW_LIBRARIES, display_problem

ROOT = Path(__file__).resolve().parent.parent


def everything(_soname):
    return True


def test_a_desktop_with_every_library_can_open_a_window():
    assert display_problem({"DISPLAY": ":0"}, everything, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, everything,
                           "linux") is None
    assert display_problem({}, everything, "win32") is None           # Windows and macOS always have one
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, lambda _s: False, "linux") is None


def test_no_display_is_one_line():
    for env in ({}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland"}):
        text = display_problem(env, everything, "linux")
        assert "no display" in text and "DISPLAY" in text and "\n" not in text
    text = display_problem({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}, everything, "linux")
    assert "DISPLAY is not set" in text


def test_missing_xcb_libraries_are_named_with_the_apt_line():
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    tried = []

    def loads(soname):
        tried.append(soname)
        return soname not in missing

    text = display_problem({"DISPLAY": ":1"}, loads, "linux")
    assert text == ("a window needs system libraries that are not installed (libxcb-cursor0, libxcb-icccm4); "
                    "install them with: sudo apt-get install --no-install-recommends libxcb-cursor0 libxcb-icccm4")
    assert set(tried) == {soname for soname, _ in BASE_LIBRARIES + WINDOW_LIBRARIES}
    tried.clear()                               # Wayland needs no xcb libraries
    display_problem({"WAYLAND_DISPLAY": "w", "XDG_SESSION_TYPE": "wayland"}, loads, "linux")
    assert set(tried) == {soname for soname, _ in BASE_LIBRARIES}


def test_every_library_is_in_the_readme_apt_line():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(line for line in readme.splitlines() if "apt-get install" in line and "libxcb-cursor0" in line)
    assert all(package in line for _, package in BASE_LIBRARIES + WINDOW_LIBRARIES)


def test_nnviz_without_a_display_prints_one_line_and_exits_1():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, "-m", "nnviz"], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith("nnviz: no display") and proc.stderr.count("\n") == 1
    assert proc.stdout == ""
