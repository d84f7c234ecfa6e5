"""nnviz as a desktop citizen: the desktop entry and icon installed for the user, the app's identity."""

import configparser
import os
import subprocess
import sys
from pathlib import Path

from nnviz.app.identity import set_identity
from nnviz.cli.desktop import desktop_quote, gui_command, install_desktop

ROOT = Path(__file__).resolve().parent.parent


def read_entry(path):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(path, encoding="utf-8")
    return entry["Desktop Entry"]


def test_install_writes_the_entry_and_icon_where_desktops_look(tmp_path):
    entry_path, icon_path = install_desktop(tmp_path)
    assert entry_path == tmp_path / "applications" / "nnviz.desktop"
    assert icon_path == tmp_path / "icons" / "hicolor" / "scalable" / "apps" / "nnviz.svg"
    assert icon_path.read_bytes() == (ROOT / "resources" / "nnviz.svg").read_bytes()
    entry = read_entry(entry_path)
    shipped = read_entry(ROOT / "resources" / "nnviz.desktop")
    assert {k: v for k, v in entry.items() if k != "Exec"} == {k: v for k, v in shipped.items() if k != "Exec"}
    command = gui_command()
    assert entry["Exec"] == " ".join(desktop_quote(a) for a in command) + " %f"
    assert Path(command[0]).is_file() and os.access(command[0], os.X_OK)
    assert install_desktop(tmp_path) == [entry_path, icon_path]          # again: replaced, not an error


def test_exec_arguments_are_quoted_as_the_specification_asks():
    assert desktop_quote("/usr/bin/nnviz-gui") == "/usr/bin/nnviz-gui"
    assert desktop_quote("/home/a b/venv/bin/nnviz-gui") == '"/home/a b/venv/bin/nnviz-gui"'
    assert desktop_quote('/x/"$y"') == '"/x/\\"\\$y\\""'


def test_the_command_installs_for_the_user_in_xdg_data_home(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path / "data"))
    proc = subprocess.run([sys.executable, "-m", "nnviz", "--install-desktop"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [f"wrote {tmp_path / 'data' / 'applications' / 'nnviz.desktop'}",
                                        f"wrote {tmp_path / 'data/icons/hicolor/scalable/apps/nnviz.svg'}"]
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where a folder must go", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "nnviz", "--install-desktop"], cwd=tmp_path,
                          env=dict(env, XDG_DATA_HOME=str(blocked)), capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_the_app_names_its_desktop_entry_and_shows_the_icon(qapp):
    set_identity(qapp)
    assert qapp.desktopFileName() == "nnviz" and qapp.applicationName() == "nnviz"
    icon = qapp.windowIcon()
    assert not icon.isNull() and not icon.pixmap(32, 32).isNull() and not icon.pixmap(256, 256).isNull()
