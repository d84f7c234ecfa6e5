"""``nnviz --install-desktop``: nnviz in the applications menu of the current user.

Writes the shipped desktop entry to ``$XDG_DATA_HOME/applications/nnviz.desktop``
and the icon to ``$XDG_DATA_HOME/icons/hicolor/scalable/apps/nnviz.svg``
(``~/.local/share`` when XDG_DATA_HOME is not set), as the freedesktop.org
specifications place them; no administrator rights are needed. The entry
starts the ``nnviz-gui`` script of *this* installation by its full path, so it
works from a virtual environment that is not activated. Running it again
replaces both files.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nnviz.cli.common import CliError
from nnviz.resources_path import resource_path
from nnviz.session.files import atomic_write_bytes, atomic_write_text

_SPECIAL = set(' \t\n"\'\\$`<>~|&;*?#()')


def data_home(environ=None) -> Path:
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def desktop_quote(argument: str) -> str:
    """One argument of a desktop entry's Exec line (double quotes where the specification needs them)."""
    if not _SPECIAL & set(argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def gui_command() -> list[str]:
    """The command that opens the window: this installation's nnviz-gui script, else its Python with -m."""
    folder = Path(sys.executable).parent
    for name in ("nnviz-gui", "nnviz-gui.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [sys.executable, "-m", "nnviz"]


def install_desktop(home: Path | None = None) -> list[Path]:
    """Write the desktop entry and the icon under ``home`` (default: the XDG data folder); return both paths."""
    if sys.platform in ("win32", "darwin"):
        raise CliError("--install-desktop: desktop entries are for Linux and other freedesktop.org desktops")
    home = data_home() if home is None else home
    entry_path = home / "applications" / "nnviz.desktop"
    icon_path = home / "icons" / "hicolor" / "scalable" / "apps" / "nnviz.svg"
    lines = resource_path("nnviz.desktop").read_text(encoding="utf-8").splitlines()
    command = " ".join(desktop_quote(a) for a in gui_command())
    lines = [f"Exec={command} %f" if line.startswith("Exec=") else line for line in lines]
    for path in (entry_path, icon_path):
        path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(entry_path, "\n".join(lines) + "\n")
    atomic_write_bytes(icon_path, resource_path("nnviz.svg").read_bytes())
    return [entry_path, icon_path]
