"""Find files shipped in ``resources/``.

In a source checkout they sit beside the package (``<repo>/resources``); an
installed copy has them inside it (``nnviz/resources``). Both layouts are
searched so tests run from a checkout and the installed app find the same files.
"""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_path(name: str) -> Path:
    """Return the path of the shipped resource ``name``; raise FileNotFoundError if absent."""
    for base in (_PACKAGE / "resources", _PACKAGE.parent / "resources"):
        candidate = base / name
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"nnviz resource not found: {name}")
