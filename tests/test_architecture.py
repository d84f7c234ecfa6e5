"""The package's import contract (``[tool.importlinter]`` in pyproject.toml) holds.

cli -> app -> ui -> export -> session -> data -> engine, never upward; engine,
data, session and export import no Qt; only ``nnviz.torch`` imports torch; no
two modules of a package import each other, even through a function-level
import.  import-linter reads every import statement, including those inside
functions, so a cycle cannot hide there.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTRACTS = (
    "Layers: cli -> app -> ui -> export -> session -> data -> engine",
    "engine, data, session and export import no Qt",
    "Only nnviz.torch imports torch",
    "No import cycles between the modules of a package",
)


def _lint_imports() -> str:
    beside = Path(sys.executable).with_name("lint-imports")
    exe = str(beside) if beside.exists() else shutil.which("lint-imports")
    assert exe, "lint-imports (import-linter, in the test extra) is not installed"
    return exe


def test_import_contracts_are_kept():
    proc = subprocess.run([_lint_imports(), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    report = proc.stdout + proc.stderr
    assert proc.returncode == 0, report
    for name in CONTRACTS:              # every contract is still configured and was checked
        assert name in " ".join(report.split()), f"contract missing: {name}\n{report}"
    assert "BROKEN" not in report


def test_model_layers_load_no_qt_or_torch_at_run_time():
    """What the contract checks statically, at run time: importing the Qt-free layers loads no Qt."""
    code = ("import sys, nnviz.engine, nnviz.data, nnviz.session, nnviz.export, nnviz.export.animation\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'PySide6', 'shiboken6', 'pyqtgraph', 'torch'}))\n")
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
