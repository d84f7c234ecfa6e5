"""Command-line values and situations that used to end in a traceback: one line on stderr, exit 2 (130 for Ctrl+C);
a reader that goes away (nnviz lessons | head) stops the command quietly."""

import io
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from nnviz import cli
from nnviz.cli import common

ROOT = Path(__file__).resolve().parents[1]


def _one_line(capsys, *words):
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nnviz: "), lines
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("hold", ["inf", "nan", "1e12", "-1", "soon"])
def test_animate_hold_must_be_a_sensible_number_of_seconds(hold, tmp_path, capsys):
    assert cli.main(["animate", "--lesson", "xor", "--hold", hold, "--out", str(tmp_path / "a.gif")]) == 2
    _one_line(capsys, "--hold")
    assert not (tmp_path / "a.gif").exists()


@pytest.mark.parametrize("steps", ["1e9", "-5", "10000000000"])
def test_steps_must_be_a_whole_number_in_range(steps, tmp_path, capsys):
    assert cli.main(["render", "--lesson", "xor", "--steps", steps, "--out", str(tmp_path / "a.png")]) == 2
    _one_line(capsys, "--steps")


def test_a_300_character_out_name_is_one_line(tmp_path, capsys):
    out = tmp_path / ("x" * 296 + ".png")
    assert cli.main(["render", "--lesson", "xor", "--out", str(out)]) == 2
    _one_line(capsys, "--out", "file name")


def test_ctrl_c_stops_with_one_line_and_status_130(monkeypatch, capsys):
    def interrupted(args):
        raise KeyboardInterrupt
    monkeypatch.setitem(cli.COMMANDS, "code", common.Command("code", cli.COMMANDS["code"].add_arguments,
                                                             interrupted))
    assert cli.main(["code", "--lesson", "xor"]) == 130
    assert _one_line(capsys) == "nnviz: interrupted"


def test_a_reader_that_goes_away_stops_the_command_quietly(monkeypatch, capsys):
    def reader_gone(args):
        raise BrokenPipeError
    monkeypatch.setitem(cli.COMMANDS, "code", common.Command("code", cli.COMMANDS["code"].add_arguments,
                                                             reader_gone))
    assert cli.main(["code", "--lesson", "xor"]) == 141
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("args", [["lessons"], ["lessons", "--ids"], ["lessons", "--lang", "fa"]])
def test_lessons_into_a_pipe_nobody_reads_prints_nothing_on_stderr(args, tmp_path):
    """nnviz lessons | head -2: the reader has gone before the first write; no traceback, no message."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    try:
        proc = subprocess.run([sys.executable, "-m", "nnviz", *args], env=env, cwd=tmp_path, stdout=write_end,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert proc.stderr == "" and proc.returncode == 141


def test_lessons_piped_into_head_shows_two_lines_and_no_error(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    command = f"{shlex.quote(sys.executable)} -m nnviz lessons | head -2"
    proc = subprocess.run(["sh", "-c", command], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0 and proc.stderr == ""
    assert [line.split()[0] for line in proc.stdout.splitlines()] == ["xor", "linear-collapse"]


def test_a_closed_standard_output_is_one_line(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "nnviz", "code", "--lesson", "xor"], env=env, cwd=tmp_path,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=120,
                          preexec_fn=lambda: os.close(1))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["nnviz: standard output is closed; nothing can be printed"]


class _Terminal(io.StringIO):
    def isatty(self):
        return True


class _Picture:
    """Counts the steps it is asked to train, as the window picture would train them."""

    def __init__(self, stop_after=None):
        self.calls, self.stop_after = [], stop_after

    def train(self, steps):
        done = sum(self.calls)
        if self.stop_after is not None:
            steps = max(0, min(steps, self.stop_after - done))
        self.calls.append(steps)
        return steps


def test_long_runs_show_progress_on_a_terminal(monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    picture = _Picture()
    assert common.train_steps(picture, 5000) == 5000
    assert sum(picture.calls) == 5000 and len(picture.calls) > 1
    assert "training" in terminal.getvalue() and "/5000" in terminal.getvalue()
    stopped = _Picture(stop_after=1234)                 # diverged: the bar stops where training stopped
    assert common.train_steps(stopped, 5000) == 1234


def test_no_progress_bar_when_not_on_a_terminal(monkeypatch):
    quiet = io.StringIO()
    monkeypatch.setattr(sys, "stderr", quiet)
    picture = _Picture()
    assert common.train_steps(picture, 5000) == 5000
    assert picture.calls == [5000] and quiet.getvalue() == ""
