"""What the built wheel holds, checked from pyproject.toml the way setuptools reads it.

Building a wheel needs a recent setuptools and a copy of the tree, so the
test applies setuptools' rules directly: a file ships when its folder is a
listed package (folders map through ``package-dir``) and its name matches
that package's ``package-data`` globs.
"""

import configparser
import fnmatch
import tomllib
from pathlib import Path

from PySide6 import QtGui, QtSvg

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def package_folder(package):
    """The source folder setuptools takes ``package`` from."""
    mapping = SETUPTOOLS.get("package-dir", {})
    parts = package.split(".")
    for n in range(len(parts), 0, -1):
        prefix = ".".join(parts[:n])
        if prefix in mapping:
            return ROOT / mapping[prefix] / Path(*parts[n:])
    return ROOT / Path(*parts)


def shipped(path):
    """True when setuptools puts ``path`` (a file in the tree) into the wheel."""
    for package in SETUPTOOLS["packages"]:
        if package_folder(package).resolve() == path.parent.resolve():
            if path.suffix == ".py":
                return True
            globs = SETUPTOOLS.get("package-data", {}).get(package, [])
            return any(fnmatch.fnmatch(path.name, g) for g in globs)
    return False


def test_every_python_folder_of_the_package_is_listed():
    folders = {p.parent for p in (ROOT / "nnviz").rglob("*.py") if "__pycache__" not in p.parts}
    listed = {package_folder(p).resolve() for p in SETUPTOOLS["packages"]}
    missing = sorted(str(f.relative_to(ROOT)) for f in folders if f.resolve() not in listed)
    assert not missing, f"folders not in [tool.setuptools] packages: {missing}"


def test_icon_desktop_file_translations_and_help_are_in_the_wheel():
    resources = ROOT / "resources"
    wanted = [resources / "nnviz.svg", resources / "nnviz.desktop",
              *(resources / "translations").glob("*.qm"), *(resources / "translations").glob("*.ts"),
              *(resources / "help").rglob("*.html")]
    assert len(wanted) > 10
    missing = [str(p.relative_to(ROOT)) for p in wanted if not shipped(p)]
    assert not missing, f"not shipped: {missing}"


def test_licence_is_spdx_with_its_file_and_the_window_has_a_gui_script():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    requires = PYPROJECT["build-system"]["requires"]
    assert any(r.replace(" ", "").startswith("setuptools>=") and int(r.split(">=")[1].split(".")[0]) >= 77
               for r in requires), "the SPDX licence string needs setuptools 77"
    assert project["gui-scripts"]["nnviz-gui"] == project["scripts"]["nnviz"]


def test_desktop_file_starts_the_gui_script_with_the_shipped_icon():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "nnviz.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] in PYPROJECT["project"]["gui-scripts"]
    assert desktop["Icon"] == Path("nnviz.svg").stem
    assert desktop["Terminal"] == "false"
    assert desktop["Categories"].endswith(";") and "Education" in desktop["Categories"]
    assert desktop["Comment[fa]"] and desktop["GenericName[fa]"]


def test_icon_renders_at_small_and_large_sizes(qapp):
    renderer = QtSvg.QSvgRenderer(str(ROOT / "resources" / "nnviz.svg"))
    assert renderer.isValid()
    for size in (16, 256):
        image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QtGui.QPainter(image)
        renderer.render(painter)
        painter.end()
        colours = {image.pixelColor(x, y).name() for x in range(size) for y in range(size)
                   if image.pixelColor(x, y).alpha() == 255}
        assert len(colours) > 5, f"{size} px: the icon drew almost nothing"
        assert image.pixelColor(0, 0).alpha() < 255, "corners are rounded (transparent)"
