"""Each window-level module runs on its own, the command line checks its arguments, and
the model layers never pull in Qt."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run_python(args, tmp_path, timeout=90):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    return subprocess.run([sys.executable, "-W", "error", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


DEMOS = [
    ["nnviz.ui.network.preview", "--sizes", "2,6,6,1"],
    ["nnviz.ui.panels.controls"],
    ["nnviz.ui.panels.knobs"],
    ["nnviz.ui.panels.lessons"],
    ["nnviz.app.main_window", "--lesson", "vanishing-sigmoid", "--steps", "3"],
    ["nnviz.app.side_by_side", "--steps", "3"],
]


@pytest.mark.parametrize("args", DEMOS, ids=lambda a: a[0])
def test_module_runs_standalone(args, tmp_path):
    shot = tmp_path / "shot.png"
    proc = run_python(["-m", *args, "--quit-after-ms", "300", "--screenshot", str(shot)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert shot.stat().st_size > 1000
    assert not (tmp_path / "config").exists()          # the previews leave the user's settings alone


def test_model_layers_do_not_import_qt(tmp_path):
    code = ("import sys, nnviz.engine, nnviz.data, nnviz.session, nnviz.ui.network.frame_builder, "
            "nnviz.ui.network.frame; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')); "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = run_python(["-c", code], tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_rejects_an_unknown_lesson_in_one_line(tmp_path):
    proc = run_python(["-m", "nnviz", "--lesson", "no-such-lesson"], tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown lesson 'no-such-lesson'" in lines[0] and "xor" in lines[0]


def test_cli_rejects_a_bad_file_in_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    proc = run_python(["-m", "nnviz", str(bad)], tmp_path)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.json" in lines[0] and "JSON" in lines[0]
    proc = run_python(["-m", "nnviz", str(tmp_path / "missing.json")], tmp_path)
    assert proc.returncode == 2 and "no such file" in proc.stderr


def test_cli_rejects_bad_arguments_in_one_line(tmp_path):
    proc = run_python(["-m", "nnviz", "--frobnicate"], tmp_path)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    proc = run_python(["-m", "nnviz", "x.json", "--lesson", "xor"], tmp_path)
    assert proc.returncode == 2 and "either" in proc.stderr


def test_cli_help(tmp_path):
    proc = run_python(["-m", "nnviz", "--help"], tmp_path)
    assert proc.returncode == 0 and "--lesson" in proc.stdout


def test_cli_subcommands_plug_in(monkeypatch, capsys):
    from nnviz import cli

    seen = {}

    def add(parser):
        parser.add_argument("--n", type=int, default=1)

    def run(args):
        seen["n"] = args.n
        return 0

    monkeypatch.setitem(cli.COMMANDS, "hello", cli.Command("say hello", add, run))
    assert cli.main(["hello", "--n", "3"]) == 0 and seen["n"] == 3
    assert cli.main(["hello", "--bad"]) == 2
    assert "nnviz hello" in capsys.readouterr().err


def test_cli_opens_the_window_on_the_demo_lesson(monkeypatch):
    from nnviz import app, cli

    calls = []
    monkeypatch.setattr(app, "run", lambda session, path=None, lang=None: calls.append((session, path, lang)) or 0)
    assert cli.main([]) == 0 and calls[-1] == (None, None, None)
    assert cli.main(["--lesson", "xor"]) == 0 and calls[-1][0].lesson.id == "xor"
    assert cli.main(["--lang", "fa"]) == 0 and calls[-1] == (None, None, "fa")


def test_app_limits_blas_threads_before_numpy(tmp_path):
    code = ("import os; [os.environ.pop(v, None) for v in ('OPENBLAS_NUM_THREADS', 'OMP_NUM_THREADS')]; "
            "import nnviz.cli, sys; assert os.environ['OPENBLAS_NUM_THREADS'] == '1'; "
            "assert os.environ['OMP_NUM_THREADS'] == '1'; print('ok')")
    proc = run_python(["-c", code], tmp_path)
    assert proc.returncode == 0 and "ok" in proc.stdout, proc.stderr
