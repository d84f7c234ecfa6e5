"""Saving never loses the old file, never leaves a temporary file, and never writes what load refuses."""

import errno
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from nnviz.session import ExperimentFileError, Session
from nnviz.session import files

CONFIG = {"dataset": "moons", "n_samples": 60, "hidden": [{"size": 6, "activation": "tanh"}],
          "optimizer": "adam", "lr": 0.05, "batch_size": 8}


def _leftovers(folder):
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_saving_through_a_symlink_replaces_its_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "exp.json").write_text("old")
    link = tmp_path / "exp.json"
    link.symlink_to(real / "exp.json")
    s = Session(CONFIG)
    s.run(3)
    s.save(link)
    assert link.is_symlink() and os.readlink(link) == str(real / "exp.json")
    assert Session.load(real / "exp.json").step == 3
    assert _leftovers(tmp_path) == [] and _leftovers(real) == []


def test_an_unwritable_folder_is_reported_with_the_users_file(tmp_path, monkeypatch):
    target = tmp_path / "exp.json"
    target.write_text("precious")

    def refuse(*args, **kwargs):                 # what a read-only folder answers (also to root)
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / ".exp.json.123.abc.tmp"))
    monkeypatch.setattr(os, "open", refuse)
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(PermissionError) as info:
        Session(CONFIG).save(target)
    assert info.value.filename == str(target) and ".tmp" not in str(info.value)
    monkeypatch.undo()
    assert target.read_text() == "precious" and _leftovers(tmp_path) == []


def test_a_refused_read_back_keeps_the_old_file_and_removes_the_new_one(tmp_path):
    target = tmp_path / "out.bin"
    target.write_bytes(b"old")
    seen = []

    def check(data):
        seen.append(data)
        raise ValueError("refused")
    with pytest.raises(ValueError, match="refused"):
        files.atomic_write_bytes(target, b"new content", check)
    assert seen == [b"new content"]                      # the check reads what reached the disk
    assert target.read_bytes() == b"old" and _leftovers(tmp_path) == []


def test_a_run_too_large_for_a_file_is_refused_before_writing(tmp_path, monkeypatch):
    target = tmp_path / "exp.json"
    s = Session(CONFIG)
    s.save(target)
    before = target.read_bytes()
    s.run(50)
    monkeypatch.setattr(files, "MAX_FILE_BYTES", len(before) + 1000)
    with pytest.raises(ExperimentFileError, match=r"^exp\.json: this experiment needs .* nothing was written"):
        s.save(target)
    assert target.read_bytes() == before
    s.save(target, weights=False)                        # what the message suggests works
    target.write_bytes(before + b" " * 2000)             # and the reader holds the same limit
    with pytest.raises(ExperimentFileError, match="more than the"):
        Session.load(target)


def test_a_diverged_run_saves_to_a_file_that_opens(tmp_path):
    s = Session({"dataset": "housing", "hidden": [], "lr": 50.0, "standardize": False})
    s.run(500)
    assert s.diverged
    s.save(tmp_path / "d.json")
    assert Session.load(tmp_path / "d.json").diverged


def test_without_nameless_files_temporaries_of_dead_processes_are_removed(tmp_path, monkeypatch):
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)
    target = tmp_path / "exp.json"
    dead = tmp_path / ".exp.json.999999999.abcd.tmp"        # beyond any pid: its writer is gone
    alive = tmp_path / f".exp.json.{os.getppid()}.abcd.tmp"  # a running writer's: kept
    other = tmp_path / ".other.json.999999999.abcd.tmp"      # another file's: not ours to remove
    for path in (dead, alive, other):
        path.write_text("partial")
    Session(CONFIG).save(target)
    assert Session.load(target).step == 0
    assert _leftovers(tmp_path) == sorted([alive.name, other.name])


WRITER = textwrap.dedent("""
    import sys
    from nnviz.session import Session
    s = Session({"dataset": "moons", "n_samples": 400, "optimizer": "adam", "batch_size": 16,
                 "hidden": [{"size": 120, "activation": "tanh"}, {"size": 120, "activation": "tanh"}]})
    while True:
        s.run(1)
        s.save(sys.argv[1])
        print(s.step, flush=True)
""")


def test_a_save_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path):
    target = tmp_path / "exp.json"
    rng = random.Random(7)
    steps_seen = []
    for _ in range(6):
        with subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdout=subprocess.PIPE,
                              text=True) as child:
            try:
                started = child.stdout.readline()        # one save done: the loop runs
                assert started.strip().isdigit()
                time.sleep(rng.uniform(0.0, 0.4))
            finally:
                child.send_signal(signal.SIGKILL)
                child.wait()
        saved = json.loads(target.read_text())           # complete JSON, never a torn file
        step = Session.load(target).step                 # and a complete experiment
        assert step == saved["state"]["step"] >= 1
        steps_seen.append(step)
        assert len(_leftovers(tmp_path)) <= 1
        # Between naming the finished file and renaming it (two system calls)
        # a kill can leave it; the next save removes such a left-over.
        Session(CONFIG).save(tmp_path / "other.json")
        files.atomic_write_bytes(target, target.read_bytes())
        assert _leftovers(tmp_path) == []
    assert len(set(steps_seen)) > 1                       # the kills landed at different moments


def test_the_read_back_checks_a_mid_step_save_as_opening_would(tmp_path, monkeypatch):
    target = tmp_path / "exp.json"
    target.write_text("precious")
    s = Session(CONFIG)
    s.run(2)
    s.advance("phase")
    checked = []
    real = files._resume_parts

    def refuse(session, value, state):
        checked.append(real(session, value, state))
        raise files.FieldError("resume.phase", "refused for the test")
    monkeypatch.setattr(files, "_resume_parts", refuse)
    with pytest.raises(ExperimentFileError, match=r"^exp\.json: resume\.phase: refused for the test$"):
        s.save(target)
    assert len(checked) == 1 and target.read_text() == "precious" and _leftovers(tmp_path) == []


def test_saving_and_opening_read_the_metrics_a_fixed_number_of_times(tmp_path, monkeypatch):
    from nnviz.session.metrics import Metrics

    calls = []
    real = Metrics.load_state

    def counted(self, state):
        calls.append(1)
        return real(self, state)
    monkeypatch.setattr(Metrics, "load_state", counted)
    for steps in (5, 80):                               # history snapshots kept: 5, then 80
        s = Session(CONFIG)
        s.run(steps)
        s.advance("phase")
        calls.clear()
        s.save(tmp_path / "exp.json")
        Session.load(tmp_path / "exp.json")
        assert len(calls) <= 4, (steps, len(calls))      # not once per kept snapshot


def test_a_long_file_name_saves_and_its_temporary_name_stays_legal(tmp_path, monkeypatch):
    target = tmp_path / ("n" * 250 + ".json")
    Session(CONFIG).save(target)
    monkeypatch.delattr(os, "O_TMPFILE", raising=False)      # the named temporary file too
    Session(CONFIG).save(target)
    assert Session.load(target).step == 0 and _leftovers(tmp_path) == []


def test_an_os_error_while_opening_is_the_one_error_too(tmp_path, monkeypatch):
    Session(CONFIG).save(tmp_path / "exp.json")

    def unreadable(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", "/data/shipped.npz")
    monkeypatch.setattr(files, "session_from_document", unreadable)
    with pytest.raises(ExperimentFileError, match=r"^exp\.json: cannot be opened \(Permission denied\)$"):
        Session.load(tmp_path / "exp.json")
