"""The headless commands: nnviz lessons, render, animate, code -- what they write and how they fail."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from nnviz import cli
from nnviz.session import LESSONS, Session

ROOT = Path(__file__).resolve().parents[1]


def run_cli(args, tmp_path, env_extra=None, drop=()):
    """``python -m nnviz ARGS`` in a subprocess without a display and with a scratch home."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", *drop):
        env.pop(name, None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-W", "error", "-m", "nnviz", *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)


def one_line_error(proc, *words):
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("nnviz: ")
    for w in words:
        assert w in lines[0], lines[0]
    return lines[0]


# ---------------------------------------------------------------- in-process


def test_lessons_lists_every_lesson(capsys):
    assert cli.main(["lessons"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == list(LESSONS)
    assert "vanishing-sigmoid" in out[list(LESSONS).index("vanishing-sigmoid")]
    assert cli.main(["lessons", "--ids"]) == 0
    assert capsys.readouterr().out.split() == list(LESSONS)


def test_code_prints_framework_code(capsys):
    assert cli.main(["code", "--lesson", "xor", "--framework", "pytorch"]) == 0
    torch_code = capsys.readouterr().out
    assert "import torch" in torch_code and "nn.Linear(2, 8)" in torch_code
    compile(torch_code, "nnviz_pytorch.py", "exec")
    assert cli.main(["code", "--lesson", "xor", "--framework", "keras", "--no-weights"]) == 0
    keras_code = capsys.readouterr().out
    assert "keras" in keras_code and "set_weights" not in keras_code
    compile(keras_code, "nnviz_keras.py", "exec")


def test_code_writes_a_file_once(tmp_path, capsys):
    out = tmp_path / "model.py"
    assert cli.main(["code", "--lesson", "xor", "--steps", "5", "--out", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    text = out.read_text()
    assert "import torch" in text
    assert cli.main(["code", "--lesson", "xor", "--out", str(out)]) == 2
    assert "exists" in capsys.readouterr().err
    assert out.read_text() == text
    assert cli.main(["code", "--lesson", "xor", "--framework", "keras", "--out", str(out), "--force"]) == 0
    assert "keras" in out.read_text()


def test_code_of_an_experiment_file(tmp_path, capsys):
    s = Session.from_lesson("xor")
    s.run(3)
    path = tmp_path / "run.json"
    s.save(path)
    assert cli.main(["code", str(path)]) == 0
    assert "import torch" in capsys.readouterr().out


@pytest.mark.parametrize("args, words", [
    (["render", "--lesson", "nope", "--out", "x.png"], ["unknown lesson 'nope'", "xor"]),
    (["render", "--out", "x.png"], ["--lesson"]),
    (["render", "--lesson", "xor", "--out", "x.jpg"], [".png or .svg"]),
    (["render", "--lesson", "xor", "--out", "missing/x.png"], ["does not exist"]),
    (["render", "--lesson", "xor", "--view", "bogus", "--out", "x.png"], ["invalid choice: 'bogus'"]),
    (["render", "--lesson", "xor", "--out", "x.png", "--size", "10x10"], ["--size"]),
    (["render", "--lesson", "xor", "--out", "x.png", "--scale", "0"], ["scale"]),
    (["render", "--lesson", "xor", "--out", "x.png", "--phase", "backward:7"], ["layers 1 to 2"]),
    (["render", "--lesson", "xor", "--out", "x.png", "--steps", "-3"], ["--steps"]),
    (["render", "--lesson", "xor", "--out", "x.png", "--bogus"], ["unrecognized arguments: --bogus"]),
    (["animate", "--lesson", "xor", "--out", "x.webm"], [".gif or .mp4"]),
    (["animate", "--lesson", "xor", "--out", "x.gif", "--fps", "0"], ["fps"]),
    (["animate", "--lesson", "xor", "--out", "x.gif", "--every", "3"], ["--every needs --run"]),
    (["animate", "--lesson", "xor", "--out", "x.gif", "--run", "0"], ["at least 1 step"]),
    (["animate", "--lesson", "xor", "--out", "x.gif", "--view", "loss"], ["invalid choice"]),
    (["code", "--lesson", "xor", "--framework", "jax"], ["invalid choice: 'jax'"]),
    (["code", "--lesson", "xor", "--lesson", "xor", "x.json"], ["not both"]),
])
def test_bad_arguments_fail_in_one_line(args, words, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("nnviz: ")
    for w in words:
        assert w in err[0]
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("content, words", [
    ("{nope", ["not valid JSON"]),
    (json.dumps({"format": "something-else"}), ["not an nnviz experiment"]),
    (json.dumps({"format": "nnviz-experiment", "version": 1, "config": {"lr": "fast"}}), ["lr"]),
])
def test_malformed_files_fail_in_one_line(content, words, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    for cmd in (["render", str(bad), "--out", str(tmp_path / "x.png")],
                ["animate", str(bad), "--out", str(tmp_path / "x.gif")], ["code", str(bad)]):
        assert cli.main(cmd) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and all(w in err[0] for w in words), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_missing_and_unreadable_files(tmp_path, capsys):
    assert cli.main(["code", str(tmp_path / "gone.json")]) == 2
    assert "no such file" in capsys.readouterr().err
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert cli.main(["code", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "folder.json" in err and "folder" in err.replace("folder.json", "")


def test_mp4_without_ffmpeg_says_so(tmp_path, monkeypatch, capsys):
    from nnviz.export import animation

    monkeypatch.setattr(animation, "ffmpeg_path", lambda: None)
    assert cli.main(["animate", "--lesson", "xor", "--out", str(tmp_path / "a.mp4")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"nnviz: {animation.MP4_NEEDS_FFMPEG}" and "\n" not in err
    assert not list(tmp_path.iterdir())


def test_render_in_process(qapp, tmp_path, capsys):
    out = tmp_path / "net.png"
    assert cli.main(["render", "--lesson", "xor", "--steps", "3", "--phase", "backward:1", "--size", "400x300",
                     "--scale", "2", "--out", str(out)]) == 0
    line = capsys.readouterr().out.strip()
    assert line.startswith(f"wrote {out}: network of xor at step 3, backward layer 1, 800×600 px")
    with Image.open(out) as image:
        assert image.size == (800, 600)


def test_zoom(qapp, tmp_path, capsys):
    out = tmp_path / "loss.png"
    assert cli.main(["render", "--lesson", "xor", "--steps", "5", "--view", "loss", "--zoom", "1.5",
                     "--out", str(out)]) == 0
    assert "900×540 px" in capsys.readouterr().out
    assert cli.main(["render", "--lesson", "xor", "--zoom", "5", "--out", str(tmp_path / "x.png")]) == 2
    assert "--zoom: zoom must be 0.5 to 3" in capsys.readouterr().err


def test_a_window_smaller_than_its_minimum_is_a_usage_error(qapp, tmp_path, capsys):
    assert cli.main(["render", "--lesson", "xor", "--steps", "0", "--view", "window", "--size", "400x300",
                     "--out", str(tmp_path / "w.png")]) == 2
    assert "needs at least" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


# ---------------------------------------------------------------- subprocesses


def test_render_without_a_display_picks_offscreen_and_never_overwrites(tmp_path):
    out = tmp_path / "van.png"
    args = ["render", "--lesson", "vanishing-sigmoid", "--steps", "5", "--phase", "backward:4",
            "--view", "network", "--size", "640x360", "--scale", "2", "--out", str(out)]
    proc = run_cli(args, tmp_path, drop=("QT_QPA_PLATFORM",))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.startswith(f"wrote {out}: network of vanishing-sigmoid at step 5, backward layer 4")
    with Image.open(out) as image:
        assert image.size == (1280, 720)
    before = out.read_bytes()
    again = run_cli(args, tmp_path)
    assert "file exists; use --force" in one_line_error(again)
    assert out.read_bytes() == before
    forced = run_cli(args[:-2] + ["--out", str(out), "--force", "--theme", "dark"], tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert out.read_bytes() != before
    assert not (tmp_path / "config").exists()           # the user's settings were never touched


def test_render_window_svg(tmp_path):
    out = tmp_path / "window.svg"
    proc = run_cli(["render", "--lesson", "xor", "--steps", "5", "--view", "window", "--out", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    root = ET.parse(out).getroot()
    assert root.get("viewBox") == "0 0 1500 940"
    texts = " ".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "Lessons" in texts and "gradient norm per layer" in texts
    assert not (tmp_path / "config").exists()


def test_animate_gif_from_the_command_line(tmp_path):
    out = tmp_path / "step.gif"
    proc = run_cli(["animate", "--lesson", "xor", "--steps", "5", "--tween", "1", "--size", "480x270",
                    "--fps", "8", "--out", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as image:
        assert image.n_frames == 1 + 6 + 1 * 2 and image.size == (480, 270)
    assert "9 frames of 480×270 px at 8 fps" in proc.stdout


def test_animate_a_training_run(tmp_path):
    out = tmp_path / "run.gif"
    proc = run_cli(["animate", "--lesson", "xor", "--run", "20", "--every", "5", "--size", "320x200",
                    "--out", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr
    with Image.open(out) as image:
        assert image.n_frames == 5


def test_bad_lesson_from_the_command_line(tmp_path):
    one_line_error(run_cli(["render", "--lesson", "nope", "--out", "x.png"], tmp_path), "unknown lesson")
    one_line_error(run_cli(["animate", "--lesson", "nope", "--out", "x.gif"], tmp_path), "unknown lesson")
    one_line_error(run_cli(["code", "--lesson", "nope"], tmp_path), "unknown lesson")


def test_code_and_lessons_need_no_qt(tmp_path):
    code = ("import io, sys, contextlib; from nnviz import cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert cli.main(['lessons']) == 0 and cli.main(['code', '--lesson', 'xor']) == 0\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
            "print(bad); sys.exit(1 if bad else 0)")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_the_window_command_still_parses_as_before(tmp_path):
    one_line_error(run_cli(["--lesson", "nope"], tmp_path), "unknown lesson 'nope'")
    proc = run_cli(["--help"], tmp_path)
    assert proc.returncode == 0
    for name in ("lessons", "render", "animate", "code"):
        assert name in proc.stdout
