"""Each plot view runs on its own: ``python -m nnviz.ui.<view> --quit-after-ms N``."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DEMOS = [
    ["nnviz.ui.plots.boundary_preview"],
    ["nnviz.ui.plots.boundary_preview", "--multiclass", "--theme", "dark"],
    ["nnviz.ui.plots.regression"],
    ["nnviz.ui.plots.regression", "--parity", "--theme", "contrast"],
    ["nnviz.ui.plots.curves"],
    ["nnviz.ui.plots.gradnorm", "--scale", "2"],
    ["nnviz.ui.plots.graddist"],
    ["nnviz.ui.panels.health_strip"],
    ["nnviz.ui.plots.landscape", "--theme", "dark"],
    ["nnviz.ui.plots.activations", "--scale", "2"],
    ["nnviz.ui.network.neuron_graph", "--theme", "contrast"],
]


@pytest.mark.parametrize("args", DEMOS, ids=lambda a: " ".join(a))
def test_demo_runs_and_exits_cleanly(args, tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.run(
        [sys.executable, "-W", "error", "-m", *args, "--quit-after-ms", "200", "--screenshot", str(shot)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 1000
