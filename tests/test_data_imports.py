"""nnviz.data is a model layer: it must import without Qt or plotting libraries."""

import subprocess
import sys


def test_importing_nnviz_data_loads_no_qt():
    code = (
        "import sys, nnviz.data\n"
        "nnviz.data.make_dataset('iris')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'sklearn')]\n"
        "print(bad)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
