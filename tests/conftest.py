"""Shared test set-up: headless Qt by default, single-threaded BLAS."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Small matrices gain nothing from BLAS threads and contend on shared machines.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")


import sys  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _no_unsaved_changes_question(monkeypatch):
    """Windows in tests never block on the modal unsaved-changes question: changes are discarded.

    Tests of the question itself replace ``ask_unsaved`` again with scripted answers.
    """
    module = sys.modules.get("nnviz.app.file_actions")
    if module is not None:
        monkeypatch.setattr(module, "ask_unsaved", lambda parent, what: "discard")


@pytest.fixture
def shown(qtbot):
    """show(window) registers a window with qtbot, shows it and waits; play timers stop at teardown."""
    windows = []

    def show(window):
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield show
    for window in windows:
        window.play_timer.stop()
