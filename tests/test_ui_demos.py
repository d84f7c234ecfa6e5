"""Each plot view runs on its own: ``python -m nnviz.ui.<view> --quit-after-ms N``."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

DEMOS = [
    ["nnviz.ui.boundary_view"],
    ["nnviz.ui.boundary_view", "--multiclass", "--theme", "dark"],
    ["nnviz.ui.regression_view"],
    ["nnviz.ui.regression_view", "--parity", "--theme", "contrast"],
    ["nnviz.ui.curves_view"],
    ["nnviz.ui.gradnorm_view", "--scale", "2"],
    ["nnviz.ui.graddist_view"],
    ["nnviz.ui.health_strip"],
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
